"""Names the gazetteer does not hold as written, read as places where the text says so.

Translated reporting writes front-line villages in spellings no gazetteer lists
("Troops entered Kreminnaya", "near Staromayorsky").  The recogniser makes spans only for
known names, so such a name is lost unless its context is a strong place cue:

* a word before it that takes a place ("entered", "near", "outside", "liberated",
  "captured", "shelled", "struck"), or "the village of", "in the direction of";
* its oblast after it ("X, Donetsk region", "X (Donetsk region)");
* a list with a name already taken ("Avdiivka, Krasnohorivka and Marinka").

:func:`context_span` finds such a word run; it becomes a span only when the resolver's
spelling tolerance places it in the war's countries
(:data:`~geonews.context.WAR_COUNTRIES`) at one place,
so a name that matches nothing, matches loosely outside the war, or matches a name with
namesakes ("Pervomaiskoye": a dozen Pervomaiske; a loose spelling and then a namesake
guess is too weak a reading), stays out; and it stays a
mention only if the disambiguator keeps a place for it (a tolerant match far from the
text's places, or ruled out by its hint, is dropped: ``Span.unknown``).  People, months,
common words and the recogniser's stop words never become places here.

Examples
--------
>>> from geonews.mentions.document import split_words
>>> from geonews.places import Resolver
>>> text = "Troops entered Kreminnaya on Monday."
>>> sp, end = context_span(Resolver(), text, split_words(text), 2, set())
>>> sp.text, sp.key
('Kreminnaya', 'kreminnaya')
"""

from __future__ import annotations

import re

from geonews.context import WAR_COUNTRIES
from geonews.mentions.document import Span, Word, capitalised
from geonews.mentions.lexicon import FIRST_NAMES as _FIRST_NAMES
from geonews.mentions.lexicon import REGION_WORDS as _REGION_WORDS
from geonews.mentions.lexicon import SETTLEMENT_WORDS as _SETTLEMENT_WORDS
from geonews.mentions.lexicon import STOP as _STOP
from geonews.mentions.lexicon import SURNAMES as _SURNAMES
from geonews.mentions.lexicon import is_english_word
from geonews.mentions.outliers import DOMINANT_RATIO
from geonews.places.names import key
from geonews.places.resolver import Resolver

__all__ = ["CUE_WORDS", "NAME_ADJECTIVES", "adjective_span", "context_span"]

#: Words right before a name that make it a place in war reporting ("entered Kreminnaya",
#: "shelled Vovchansk"); prepositions as wide as "in", "from" or "at" are left out.
CUE_WORDS = frozenset(
    [
        "entered",
        "near",
        "outside",
        "liberated",
        "captured",
        "recaptured",
        "seized",
        "shelled",
        "struck",
        "stormed",
        "towards",
        "toward",
    ]
)
#: Nouns before "of" that make the name after it a place ("the village of", "the
#: direction of", "the outskirts of"), besides the settlement words.
_OF_NOUNS = _SETTLEMENT_WORDS | frozenset({"direction", "directions", "outskirts"})
#: The adjectives that open Ukrainian and Russian two-word place names ("Nova Kakhovka",
#: "Velyka Novosilka", "Stara Maiachka", "Krasnyi Lyman"), in both languages' spellings:
#: the adjective alone is no place (a "Bila" of Ternopil oblast is not "Bila Tserkwa").
NAME_ADJECTIVES = frozenset(
    [
        "Nova",
        "Novyi",
        "Novyy",
        "Nove",
        "Novaya",
        "Novoye",
        "Novy",
        "Stara",
        "Staryi",
        "Staryy",
        "Stare",
        "Staraya",
        "Staroye",
        "Velyka",
        "Velykyi",
        "Velyki",
        "Velyke",
        "Velikaya",
        "Velikiy",
        "Velikiye",
        "Mala",
        "Malyi",
        "Malaya",
        "Malyy",
        "Bila",
        "Bilyi",
        "Bile",
        "Belaya",
        "Belyy",
        "Beloye",
        "Krasna",
        "Krasnyi",
        "Krasny",
        "Krasnyy",
        "Krasnaya",
        "Chervona",
        "Chervonyi",
        "Chervone",
        "Verkhnia",
        "Verkhnii",
        "Verkhnie",
        "Verkhnyaya",
        "Verkhniy",
        "Nyzhnia",
        "Nyzhnii",
        "Nyzhnie",
        "Nizhnyaya",
        "Nizhniy",
        "Zelena",
        "Zelenyi",
        "Zelenyy",
        "Sukha",
        "Sukhyi",
        "Sukhaya",
        "Hola",
        "Golaya",
        "Chorna",
        "Chornyi",
    ]
)
#: Places of a tolerant match looked at for a rival of the first.
_RIVALS = 10
#: Most words of an unknown place name ("Velyka Novosilka", "Stara Mayachka").
_MAX_WORDS = 3
#: Shortest unknown name taken (shorter names are too close to too many).
_MIN_LENGTH = 5
#: The oblast after the name: ", Donetsk region", " (Kharkiv Oblast)", " in the Zaporozhye
#: region".
_REGION_AFTER = re.compile(
    r"(?:, | \(| in the )[A-Z][\w'’\-]+ (?i:" + "|".join(sorted(_REGION_WORDS)) + r")\b"
)


def _cued_before(text: str, words: list[Word], i: int, ends: set[int]) -> bool:
    """Whether the word before word ``i`` (or the list it is in) cues a place."""
    if i == 0:
        return False
    prev = words[i - 1][2]
    gap = text[words[i - 1][1] : words[i][0]]
    if gap == " " and prev.lower() in CUE_WORDS:
        return True
    if gap == " " and prev == "of" and i > 1 and words[i - 2][2].lower() in _OF_NOUNS:
        return True  # "the village of X", "in the direction of X"
    if gap == ", " and i in ends:
        return True  # "Avdiivka, X"
    # "Avdiivka and X", "Avdiivka, Marinka, and X"
    return prev.lower() in ("and", "or") and gap == " " and i - 1 in ends


def _screened_out(word: str, lower_words: set[str]) -> bool:
    """A word the recogniser's screening never reads as an unknown place."""
    low = word.lower()
    return (
        len(word) < _MIN_LENGTH
        or word.isupper()
        or low in _STOP
        or low in _FIRST_NAMES
        or low in _SURNAMES
        or low in lower_words
        or is_english_word(word)
    )


def context_span(
    resolver: Resolver, text: str, words: list[Word], i: int, lower_words: set[str], ends=()
) -> tuple[Span, int] | None:
    """The unknown place name at word ``i`` in a strong place context, and the word after it.

    ``ends`` are the word positions right after names already taken (for lists);
    ``lower_words`` the words the text writes in lower case (they are words, not names).
    None when there is no cue, a word of the run is screened out, or the resolver's
    spelling tolerance places no run at a single place of :data:`~geonews.context.WAR_COUNTRIES`.
    """
    run = i  # ``ends`` grows with the text: look in it, never copy it (that was quadratic)
    while run < min(len(words), i + _MAX_WORDS) and capitalised(words[run][2]):
        if run > i and text[words[run - 1][1] : words[run][0]] != " ":
            break
        if _screened_out(words[run][2], lower_words):
            break
        run += 1
    if run == i:
        return None
    before = _cued_before(text, words, i, ends)
    for j in range(run, i, -1):  # the longest run first
        if not (before or _REGION_AFTER.match(text, words[j - 1][1])):
            continue
        s, e = words[i][0], words[j - 1][1]
        k = key(text[s:e])
        found = resolver.candidates(k, limit=_RIVALS) if k else []
        if found and found[0].country in WAR_COUNTRIES and _dominant(found):
            return Span(s, e, text[s:e], k, unknown=True), j
    return None


def _dominant(found) -> bool:
    """Whether the tolerant match's first place is the one meant, whatever else it reaches.

    One place, or a settlement ``DOMINANT_RATIO`` times as big as every other place the
    corrected name reaches ("Konstiantynivka": Kostiantynivka of Donetsk, 67,000 people,
    not its namesakes of 11,000 and less).
    """
    top = found[0]
    if len(found) == 1:
        return True
    return top.kind == "settlement" and all(
        top.population >= DOMINANT_RATIO * p.population for p in found[1:]
    )


def adjective_span(
    resolver: Resolver, text: str, words: list[Word], i: int, known
) -> tuple[Span | None, int] | None:
    """A two-word place name opened by an adjective at word ``i``, misspelt, and the word after.

    "Nova Kachowka", "Bila Tserkwa", "Stara Mayachka": the adjective and the next
    capitalised word, one space apart, whose joint name ``known`` (the gazetteer's keys)
    lacks, and which the resolver's spelling tolerance places at a settlement of the war's
    countries (see :func:`_dominant`; "Krasny Lyman" is Lyman, renamed).  Read alone, the
    second word may be a known name of another village (Kachowka, Maiachka): when the
    pair finds no such place, the span is None and neither word is read as a name.
    """
    if words[i][2] not in NAME_ADJECTIVES or i + 1 >= len(words):
        return None
    s, e = words[i][0], words[i + 1][1]
    nxt = words[i + 1][2]
    if not capitalised(nxt) or text[words[i][1] : words[i + 1][0]] != " ":
        return None
    k = key(text[s:e])
    if not k or known(k):
        return None  # a known two-word name: the recogniser takes it as it is
    found = resolver.candidates(k, limit=_RIVALS)
    if not found or found[0].country not in WAR_COUNTRIES or not _dominant(found):
        # one name the gazetteer lacks ("Stara Mayachka"): its second word alone is
        # another village (Maiachka), so neither word is a mention
        return (None, i + 2) if known(key(nxt)) else None
    return Span(s, e, text[s:e], k, unknown=True), i + 2
