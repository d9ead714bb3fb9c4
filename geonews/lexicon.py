"""Word lists that recognition uses to tell place names from other capitalised words.

Kept apart from the parser's logic so they can be read and extended at a glance.
"""

from __future__ import annotations

__all__ = [
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
    andrew andrii andriy ann anne anthony antonio barbara ben bill bob brian charles christopher
    dan daniel david dmitry donald ed edward elizabeth emma emmanuel friedrich george helen jack
    jackie james jared jennifer jessica jim joe john joseph kaja karen kate keir kevin kirill
    linda marco maria mark mary matthew michael mike mykola olaf oleksandr olena patricia paul
    petro rafael recep richard robert ronald sam sarah sergei sergey steve steven susan thomas
    tim tom ursula viktor vladimir volodymyr william yulia yuri yury
    """
)
