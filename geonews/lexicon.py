"""Word lists that recognition uses to tell place names from other capitalised words.

Kept apart from the parser's logic so they can be read and extended at a glance.
"""

from __future__ import annotations

__all__ = [
    "AP_STATES",
    "CONNECTORS",
    "DIRECTIONS",
    "FIRST_NAMES",
    "ORG_WORDS",
    "REGION_WORDS",
    "STOP",
    "TITLES",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Lower-case words that may sit inside a multi-word place name ("Sea of Azov").
CONNECTORS = _words(
    """
    al am an and da das de del der des di do dos du el en la le of on sur upon y
    """
)


#: Direction adjectives that can open an area name ("eastern Ukraine").
DIRECTIONS = _words(
    """
    central east eastern north north-eastern north-western northeastern northern northwestern
    south south-eastern south-western southeastern southern southwestern west western
    """
)


#: Words that turn a name into its first-level region ("the Donetsk region").
REGION_WORDS = _words(
    """
    oblast oblast's oblasts province provinces region regions
    """
)


#: Titles: a capitalised word right after one is a person, not a place.
TITLES = _words(
    """
    ambassador aunt brother capt captain chancellor chief coach col colonel commander detective
    dr envoy father gen general gov governor judge justice king lady lieutenant lord lt major
    mayor minister mr mrs ms officer pope premier president prince prof professor queen rep rev
    reverend saint secretary sen senator sgt sir sister spokesman spokeswoman st uncle
    """
)


#: Words that make a place name part of an institution's name ("Kyiv Independent").
ORG_WORDS = _words(
    """
    agency airlines association avenue bank blvd boulevard bridge cathedral center centre
    chronicle church club college committee company corp corporation council county courier
    court daily democrat district drive dynamo energy examiner fc federation foundation freeway
    gazette group guardian herald highway hospital hotel inc independent inquirer institute
    journal lane league library ltd mall ministry museum network news observer oil park parkway
    party pike plaza post press radio reporter republican review road school shakhtar society
    square st stadium star state steel street sun telegraph television times times-picayune
    township tribune tv union university way zoo
    """
)


#: Common words, people and demonyms that are also place names somewhere.
STOP = _words(
    """
afghan afghans african africans albanian algerian angolan arab arabs arabian argentine
argentinian armenian armenians asian asians australian australians austrian azerbaijani
bahraini balkan baltic bangladeshi belgian bolivian bosnian brazilian brazilians briton
britons bulgarian burmese cambodian cameroonian canadian canadians caribbean chechen chilean
colombian congolese croatian cuban cypriot czech danish dutch ecuadorian egyptian egyptians
emirati english eritrean estonian ethiopian european europeans filipino finnish french
frenchman georgian georgians german ghanaian greek greeks guatemalan haitian honduran
hungarian icelandic indian indians indonesian iranian iranians iraqi iraqis irish israeli
israelis italian italians ivorian jamaican japanese jordanian kazakh kenyan korean koreans
kosovar kurdish kurds kuwaiti kyrgyz latin latvian lebanese liberian libyan lithuanian
macedonian malaysian malian maltese mexican mexicans moldovan mongolian moroccan mozambican
muslim nepali nigerian nigerians norwegian pakistani pakistanis palestinian palestinians
panamanian peruvian polish portuguese qatari romanian romanians russian russians rwandan
saudi saudis scandinavian scottish serb serbian serbs sinhalese slovak slovenian somali
somalis spanish spaniard sri-lankan sudanese swedish swiss syrian syrians taiwanese tajik
tamil tanzanian thai tibetan tunisian turk turkish turks turkmen ugandan ukrainian
ukrainians uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean soviet abkhaz
ossetian crimean donbas-based kremlin-backed pro-russian pro-ukrainian western westerners
eastern latino latina hispanic
minister secretary commerce research energy industry star piano royal vice four mega
chamber grants course human air rod pope fox noma premier league cup final champions world
national international global olympic olympics games government opposition coalition
president senate congress parliament assembly cabinet administration republicans democrats
democrat republican conservative liberal labour labor green greens party
road hall lane center section hospital main superior officer commissioner jesus sri
tri p bank king rev avenue street square drive boulevard court building station district
department division unit office agency board bureau committee council dept county state
city town village borough township ward precinct market plaza mall airport port harbor
harbour bridge tower park field stadium arena church chapel temple mosque synagogue
cemetery school academy college university institute library museum theater theatre
center centre clinic hall pastor deacon bishop elder father mother baby boy girl man woman
people family friends friend police sheriff deputy trooper chief judge attorney lawyer
doctor nurse teacher principal student students coach players player team fans jury
court trial prison jail
    a about according acled across afp after against all along also although american americans
    among an and another ap april army around as at august bath bay bbc beach because before
    belarusian belousov best between biden big black blinken blue both british budanov but by
    capt central ceo chinese christmas church city cnn co col college communist congress corp
    council county court covid cpl december defence defense dept despite district dmitriev dr
    driscoll during each earlier early east easter eastern ed eds erdogan eu european europeans
    even every february federal fig first for forces french friday friendship g20 g7 gdp general
    gerasimov german germans god good gov government grand great green grossi guterres he
    hegseth her here his home hope house how however i if image in inc independence interfax
    iranian is island israeli isw it its izvestia january jr july june just justice kadyrov
    kallas kellogg klitschko kommersant kuleba kushner lake last late later lavrov liberty
    little local long lt ltd lukashenko macron many march may meanwhile medvedev meloni merz
    ministry mission mobile mod modi monday more most mount mr mrs ms much national nato navy
    new next nice no north northeast northern northwest nos november now obama oblast october of
    office ok old on one only or orange orban other our over page park parliament peace peskov
    phd photo police polish post pravda president prigozhin progress province putin pvt read
    reading red region regional rep republic reuters ria river rubio russian russians rutte said
    same saturday says scholz school second sen senate september several sgt she shmyhal shoigu
    since so some south southeast southern southwest soviet split sr st staff starmer state
    still stoltenberg street such sunday svyrydenko sybiha syrskyi tass that the their then
    there these they third this those though thursday to today tomorrow tonight town troops
    trump tuesday turkish tusk tv two ukrainian ukrainians ukrainska ukrinform umerov un under
    union unity university until ushakov valley vance victory video village vol was washington's
    we wednesday well west western what when where while white who why witkoff xi yermak yes
    yesterday you zakharova zaluzhnyi zelenskiy zelensky zelenskyy
    """
)


#: Given names: the capitalised word after one is a surname, not a place.
FIRST_NAMES = _words(
    """
aaron adam alan albert alex alexander alice allen amanda amy andrea angela anna
anthony arthur ashley barry betty beverly billy bobby bonnie brad bradley brandon brenda
bruce bryan carl carol caroline catherine cheryl chris christina christine cindy claire
craig cynthia dale dana danny darlene darren dave dean debbie deborah debra denise
dennis derek diana diane donna doris dorothy doug douglas earl eddie edith eileen elaine
eleanor ellen emily eric erica erin ernest  evelyn frances francis frank fred frederick
gail gary gene gerald gina glen glenn gloria grace greg gregory harold harry heather heidi
henry holly howard ian irene jacob jamie jane janet janice jason jean jeff jeffrey jenny
jeremy jerry jesse jill jimmy joan joanne joel johnny jon jonathan  josh joshua joyce
juan judith judy julia julie justin karl kathleen kathryn kathy katherine keith kelly ken
kenneth kim kimberly kristina kristin kyle larry laura lauren lawrence leonard leslie lillian
lisa lori louis louise  marcus margaret maria marie marilyn  martha martin marvin
matt megan melissa michelle mildred monica nancy natalie nathan nicholas nicole norma norman
pamela pat patrick peggy peter philip phil phillip rachel ralph randy ray raymond rebecca
rick ricky rita rob roberta rodney roger ron ronnie rose roy ruby russell ruth ryan sally
sandra sara scott sean shane shannon  shawn sheila shirley stacy stanley stephanie
stephen sue susan tammy tara teresa terry theresa timothy tina todd tony tracy travis
valerie vanessa  vicki  vincent  wade walter wanda   wendy
willie zachary michael david james tom tim jim lee
    andrew andrii andriy ann anne anthony antonio barbara ben bill bob brian charles christopher
    dan daniel david dmitry donald ed edward elizabeth emma emmanuel friedrich george helen jack
    jackie james jared jennifer jessica jim joe john joseph kaja karen kate keir kevin kirill
    linda marco maria mark mary matthew michael mike mykola olaf oleksandr olena patricia paul
    petro rafael recep richard robert ronald sam sarah sergei sergey steve steven susan thomas
    tim tom ursula viktor vladimir volodymyr william yulia yuri yury
    """
)

#: AP-style state abbreviations; with their full stop they are place names even when short.
AP_STATES = _words(
    """
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nebr nev okla ore pa tenn tex vt va wash wis wisc wyo
    """
)
