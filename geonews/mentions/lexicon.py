"""Word lists that recognition uses to tell place names from other capitalised words.

Kept apart from the parser's logic so they can be read and extended at a glance.
"""

from __future__ import annotations

import functools

from geonews.places import usa as _usa

__all__ = [
    "AP_STATES",
    "COMMON_ZIPF",
    "CONNECTORS",
    "COUNTRY_WORDS",
    "DIRECTIONS",
    "ENGLISH_ZIPF",
    "FIRST_NAMES",
    "GEO_HEADS",
    "OFFICE_TITLES",
    "ORG_HEADS",
    "ORG_WORDS",
    "PLACE_NOUNS",
    "PLACE_PREPOSITIONS",
    "REGION_WORDS",
    "SETTLEMENT_WORDS",
    "SPEECH_VERBS",
    "STOP",
    "STREET_WORDS",
    "SURNAMES",
    "TITLES",
    "is_common_word",
    "is_english_word",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Lower-case words that may sit inside a multi-word place name ("Sea of Azov").
CONNECTORS = _words(
    """
    al am an and da das de del der des di do dos du el en la le of on sur upon y
    """
)


#: Country names that are also English words: in lower case they are the words ("turkey",
#: "china"), unless the text also writes them capitalised.
COUNTRY_WORDS = _words(
    """
    chad chile china cuba georgia guinea jamaica japan jersey jordan niger oman panama peru
    turkey wales
    """
)


#: Lower-case words that may end a facility's name after the place it is named for
#: ("Donetsk airport", "the Zaporizhzhia nuclear plant"); the whole name must be in the
#: gazetteer for the longer span to win.
FACILITY_WORDS = _words(
    """
    air airbase airfield airport base bridge dam nuclear plant power station steelworks
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


#: Prepositions that make the capitalised word after them a place ("in Dyer", "near Welch").
PLACE_PREPOSITIONS = _words(
    """
    across at from in inside into near outside toward towards
    """
)


#: Nouns before "of" that make the name after them a place ("the city of Lyman", "the
#: village of Robotyne").
SETTLEMENT_WORDS = _words(
    """
    city community district hromada locality municipality oblast province raion region
    settlement settlements town township village villages
    """
)


#: Nouns after a name that make it a place ("the Pokrovsk direction", "the Kupiansk
#: district", "the Vovchansk area"), besides the region words.
PLACE_NOUNS = _words(
    """
    area axis direction directions district districts front frontline hromada outskirts
    raion sector suburbs
    """
)


#: Words that open the name of a natural feature ("Cape Tarkhankut", "Lake Ladoga",
#: "Mount Elbrus"): never given names.
GEO_HEADS = _words(
    """
    cape isle lake mount point
    """
)


#: Verbs of saying: a single capitalised word right before one ("Dyer said") names a person.
SPEECH_VERBS = _words(
    """
    added admitted agreed argued asked explained insisted noted recalled remembered replied
    said says stated testified told wrote
    """
)


#: Words that make a place name part of a street's name ("Wichita Street", "Ohio Avenue").
STREET_WORDS = _words(
    """
    ave avenue blvd boulevard drive highway lane parkway pike road street turnpike
    """
)


#: Titles: a capitalised word right after one is a person, not a place.
TITLES = _words(
    """
    adviser advisor aide ambassador aunt brother capt captain chancellor chief coach col colonel
    commander detective dr envoy father gen general gov governor judge justice king lady
    lawmaker lieutenant lord lt major mayor minister mr mrs ms officer pope premier president
    prince prof professor queen rep rev reverend saint secretary sen senator sgt sir sister
    spokesman spokesperson spokeswoman st uncle
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


#: Titles of people whose office is named "... of X" ("President of Ukraine", "Head of the
#: Kharkiv Region"): X stays a mention (the roles say whether it is an actor).
OFFICE_TITLES = TITLES | _words(
    """
    adviser advisor assistant chair chairman chairwoman commissioner deputy director head
    ombudsman representative speaker spokesperson
    """
)


#: Heads of institutions named "... of X" whose X is no mention ("Armed Forces of Ukraine",
#: "Ministry of Defence of the Russian Federation", "Law of Ukraine", "Security Service of
#: Ukraine"); not universities, banks, embassies or offices, which news corpora annotate
#: as the place ("University of Kentucky", "Bank of America").
ORG_HEADS = _words(
    """
    administration army cabinet code command committee constitution corps court courts
    directorate duma fleet flotilla force forces gendarmerie government guard intelligence
    law laws militia ministry mission navy parliament police procuracy rada service
    services staff troops
    """
)


#: Common words, people and demonyms that are also place names somewhere.
STOP = _words(
    """
yet instead which
jan feb mar apr jun jul aug sep sept oct nov dec none nothing nobody neither either
whether wire hamas hezbollah taliban wagner duma rada knesset passover ramadan christian
christians jewish muslim catholic area leader pack metro spring summer autumn fall winter
titan toyota honda dodge ford chevrolet belk walmart wal mart abbas ismaili junior marshal
mill law pleasant from gen miss sgt admiral
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


#: Given names, with the spellings English-language reporting gives Ukrainian and Russian
#: ones ("Vitaliy", "Vitalii", "Vitaly"): the capitalised word after one is a surname, not
#: a place.
FIRST_NAMES = _words(
    """
    aaliyah aaron abdul abdullah abigail abraham adam ahmed akhmad akhmat alan albert
    alejandro aleksandr aleksei aleksey alex alexander alexandra alexei alexey alexis ali
    alice alla allen amanda amber amir amy anastasia anatolii anatoliy anatoly andre andrea
    andrei andrew andrey andrii andriy angela ann anna anne anthony anton antonio apti
    arkadiy arkady arsenii arseniy artem arthur ashley aslan ava barbara barry ben benazir
    benjamin betty beverly bill billy bob bobby bohdan bonnie boris borys brad bradley
    brandon brenda brian brianna brittany bruce bryan carl carlos carmen carol caroline
    catherine cedric charles chen cheryl chloe chris christina christine christopher cindy
    claire courtney craig crystal curtis cynthia dale dan dana daniel danielle danilo danny
    danylo daria darlene darnell darren darya dave david dean debbie deborah debra demetrius
    denis denise dennis denys derek destiny diana diane diego dieter dmitri dmitrii dmitriy
    dmitro dmitry dmytriy dmytro donald donna doris dorothy doug douglas dwayne earl ebony
    ed eddie edith eduardo edward eileen ekaterina elaine eleanor elena elizabeth ella ellen
    emily emma emmanuel enrique eric erica erin ernest evelyn evgeniy evgeny fedir fernando
    frances francis francisco francois frank fred frederick friedrich fumio fyodor gail
    galina gary gene gennadiy gennady george georgiy georgy gerald gerhard gina giorgia
    giuseppe glen glenn gloria grace graham greg gregory grigoriy grigory halyna hamid hanna
    hannah hans harold harry hassan heather hector heidi helen helmut hennadiy henry heorhiy
    holly hryhoriy huang hussein ian ibrahim igor ihor ilham illia illya ilya imran inna
    irene irina iryna isabella ivan ivanna jack jackie jacob jacques jamal james jamie jane
    janet janice jared jasmine jason javier jean jeff jeffrey jennifer jenny jeremy jerome
    jerry jesse jessica jessie jill jim jimmy joan joanne joe joel john johnny jon jonathan
    jorge jose joseph josephine josh joshua joyce juan judith judy julia julie jurgen justin
    kaja kareem karen karim karl kate kateryna katherine kathleen kathryn kathy kayla keir
    keisha keith kelly ken kenneth kevin khalid kim kimberly kirill klaus konstantin
    kostiantyn kristin kristina ksenia kseniya kyle kyrylo lamar larry larysa latoya laura
    lauren lawrence lee leonard leonid lesia leslie li lillian linda lisa liu liudmyla lori
    louis louise ludmila luigi luis lyudmila lyudmyla madeline magomed mahmoud maksym manuel
    marat marco marcus margaret maria marie marilyn marine mario mariya mark martha martin
    marvin mary matt matteo matthew maurice maxim megan mehdi melanie melissa mia michael
    michel michelle miguel mike mikhail mikhailo mildred mohamed mohammed monica monique
    morgan muhammad mustafa mykhailo mykhaylo mykola nabil nadiya nancy narendra natalia
    natalie nataliya natalya natasha nathan nawaz nicholas nicolas nicole nikol nikolai
    nikolay nina norma norman oksana olaf oleg oleh oleksander oleksandr oleksii oleksiy
    olena olga olha olivia omar oscar pablo pamela parker pat patricia patrick paul pavel
    pedro peggy peter petro phil philip philippe phillip pierre pyotr rachel rafael ralph
    rami ramon ramzan randy raul ray raymond rebecca recep reginald reza ricardo richard
    rick ricky rita rob robert roberta roberto rodney roger roman ron ronald ronnie rosa
    rose rostislav rostyslav roy ruby ruslan russell rustem ruth ryan sally sam samantha
    samir sandra sara sarah scott sean semyon sergei sergey sergii sergio sergiy serhii
    serhiy shane shanice shannon shaquille shawn sheila shinzo shirley silvio sophia stacy
    stanislav stanley stepan stephanie stephen steve steven sue susan svetlana svitlana
    tamika tammy tara taras tariq tatiana tatyana taylor teresa terrell terry tetiana
    theresa thomas tiffany tim timothy timur tina todd tom tony tracy travis tyler tyrell
    tyrone ursula vadim vadym valentin valentina valentyna valerie valerii valeriy valery
    vanessa vasily vasyl vazgen veronika vicki viktor viktoria viktoriya vincent vira vitali
    vitalii vitaliy vitaly vladimir vladislav vladyslav volodymir volodymyr vyacheslav wade
    walid walter wanda wang wendy william willie wolfgang wu xi yana yang yaroslav yegor
    yehor yevgen yevgeniy yevgeny yevhen yevhenii yevheniya yulia yuliya yuri yurii yuriy
    yury yusuf zachary zakhar zhang zhao zhou zoya
    """
)

#: AP-style state abbreviations of one word ("ala", "calif": lower case, no full stop);
#: with their full stop they are place names even when short.
AP_STATES = frozenset(
    form[:-1].lower() for forms in _usa.AP_STATES.values() for form in forms if form.count(".") == 1
)


#: Common English-language surnames that GeoNames also lists as places (Jones, Moore,
#: Turner): alone, they are people in the news.
SURNAMES = _words(
    """
    adams allen anderson bailey baker bell benjamin bennett brooks brown campbell carter
    clark collins cook cooper cox davis edwards evans foster graham gray green hailey hall
    harris hill howard hughes jones kelly king lewis long martin mcdonald mitchell moore
    morgan morris murphy myers nelson parker peterson phillips price reed richardson roberts
    robertson robinson rogers ross sanders smith stevens stewart taylor thomas thompson
    turner tyler walker ward watson webster white wilkinson williams wilson wood wright
    young
    """
)


#: Zipf frequency (log10 of occurrences per billion words) from which an English word is
#: common: 4.0 is ten times per million words ("time" 6.3, "forest" 4.7, "meadow" 3.6).
COMMON_ZIPF = 4.0


def is_common_word(word: str) -> bool:
    """Whether ``word`` is a common English word, whatever its case (wordfreq's English list).

    Parameters
    ----------
    word : str
        One word.

    Returns
    -------
    bool
        True when the word's Zipf frequency is at least :data:`COMMON_ZIPF`.

    Examples
    --------
    >>> is_common_word("Forest"), is_common_word("Avdiivka")
    (True, False)
    """
    return word.lower() in _common_words()


#: Zipf frequency from which a word is an English word at all, if not a common one: an
#: alternate place name that is one is read as the word ("Artillery", "Neptune"; 3.0 is
#: once per million words).
ENGLISH_ZIPF = 3.0


def is_english_word(word: str) -> bool:
    """Whether ``word`` is an English word at all (Zipf frequency >= :data:`ENGLISH_ZIPF`).

    Examples
    --------
    >>> is_english_word("Artillery"), is_english_word("Moskva")
    (True, False)
    """
    return word.lower() in _english_words(ENGLISH_ZIPF)


@functools.cache
def _common_words() -> frozenset[str]:
    return _english_words(COMMON_ZIPF)


@functools.cache
def _english_words(zipf: float) -> frozenset[str]:
    from wordfreq import get_frequency_dict  # imported on first use: about 0.1 s, 20 MB

    floor = 10.0 ** (zipf - 9.0)  # Zipf is log10(frequency) + 9
    return frozenset(w for w, f in get_frequency_dict("en", wordlist="small").items() if f >= floor)
