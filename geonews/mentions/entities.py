"""Names built on a place name: institutions, titles, facilities, ships, weapons, units.

A place name inside an organisation's name is not a mention of the place ("Armed Forces
of Ukraine", "the Ministry of Defence of the Russian Federation", "the Black Sea Fleet",
"the Kyiv Independent", "the Odesa Regional Military Administration"); a title after a
place is the place's ("Belgorod Governor Gladkov"), and so is a facility named after it
("the Kerch bridge", "the Kursk Nuclear Power Plant").  Treaties named after a place are
no mention of it ("the Montreux Convention", "the Minsk agreements"), and a name that
reaches a place only through one of its alternate names is no place when the words next
to it say it is a ship, a weapon, a unit or a channel ("the Moskva missile cruiser",
"Neptune missiles", "the Vostok group of forces", "Rossiya-24", "Magura V5 drones").  The
:class:`~geonews.mentions.screening.Screen` asks this module which of these a name's
neighbours make of it.

Examples
--------
>>> from geonews.mentions.document import split_words
>>> text = "The Armed Forces of Ukraine said the President of Ukraine left."
>>> ws = split_words(text)
>>> institution_of(text, ws, 4), institution_of(text, ws, 9)
('org', 'title')
>>> org_after("Odesa Regional Military Administration", 5), facility_after("Kerch bridge", 5)
(True, True)
>>> treaty_after("the Montreux Convention", 12), thing_next_to("the Moskva cruiser", 4, 10)
(True, 'ship or weapon')
>>> thing_next_to("Geran-2 drones", 0, 5), thing_next_to("the Vostok group", 4, 10)
('model', 'unit')
"""

from __future__ import annotations

import re

from geonews.mentions.document import Word, capitalised
from geonews.mentions.lexicon import OFFICE_TITLES, ORG_HEADS

__all__ = [
    "facility_after",
    "has_thing_words",
    "institution_of",
    "org_after",
    "thing_next_to",
    "title_after",
    "treaty_after",
]

#: Most words looked at before "of (the) X" for the institution X belongs to.
_MAX_CHAIN_WORDS = 10
#: Characters after a name within which an institution's or facility's name must end.
_WINDOW = 60

#: Lower-case words that may join the parts of an institution's name ("Air Force and
#: Defense Forces of Ukraine", "Ministry of Defence of the Russian Federation").
_CHAIN_WORDS = frozenset(("of", "and", "the", "for", "Of", "And", "The", "For"))

#: Institutions that a place name opens and that are no place ("the Black Sea Fleet", "the
#: Odesa Regional Military Administration", "the Kyiv Independent", "LPR People's Militia",
#: "the Shanghai Cooperation Organization", "the U.S. Permanent Mission"): not those whose
#: name is the place's own service (the Chiefland Police, the Kyiv Post, Pakistan Army),
#: which news corpora annotate as the place.
_ORG_AFTER = re.compile(
    r"[ \t]+(?:"
    r"(?:Black[ \t]Sea[ \t]|Northern[ \t]|Pacific[ \t]|Baltic[ \t]|Caspian[ \t])?"
    r"(?:Fleet|Flotilla)\b"
    r"|(?:(?:Regional|Oblast|Region|City|District|Raion|Municipal)[ \t]+)?"
    r"(?:Civil-Military|Military-Civil|Military|State)[ \t]+Administration\b"
    r"|(?:RMA|OVA|ODA|MVA|CMA|RSA)\b"
    r"|(?:People['’]s[ \t]+)?Militia\b"
    r"|Independent\b(?![ \t]+[A-Z])"
    r"|Cooperation[ \t]+Organi[sz]ation\b"
    r"|Permanent[ \t]+(?:Mission|Representation)\b"
    r")"
)
#: A facility named after the place: "the Kerch bridge", "the Zaporizhzhia nuclear plant",
#: "the Kursk Nuclear Power Plant", "Belbek air base", "the Oskol electrometallurgical
#: plant" (up to two modifiers, capitalised or in a short list).
_FACILITY_AFTER = re.compile(
    r"[ \t]+(?:(?:[A-Z][\w\-]*|nuclear|thermal|hydroelectric|hydro|coal|gas|oil|chemical|"
    r"[a-z]*metallurgical|steel|coke|cement|ammunition|tank|tractor|aircraft|repair|"
    r"compressor|power|pumping|water|railway|rail|river|sea|naval|air|military)[ \t]+){0,2}"
    r"(?:[Pp]lant|NPP|TPP|HPP|CHP|[Ss]tation|[Rr]efinery|[Dd]epot|[Aa]irport|[Aa]irfield|"
    r"[Aa]irbase|[Bb]ase|[Bb]ridge|[Dd]am|[Pp]ort|[Tt]erminal|[Hh]arbou?r|[Ss]teelworks|"
    r"[Ff]actory|[Ww]orks|[Rr]eservoir)\b"
)
#: A title that the place's office carries after the name: "Belgorod Governor Gladkov",
#: "Kyiv Mayor Vitali Klitschko", "Kharkiv Regional Governor".
_TITLE_AFTER = re.compile(
    r"[ \t]+(?:(?:Regional|Oblast|Region|City|Deputy|Acting|Military)[ \t]+)?"
    r"(?:Governor|Mayor|Governor-General|Ombudsman|Prosecutor|Police[ \t]+Chief)\b"
)


#: A treaty, accord or format named after a place ("the Montreux Convention", "the Minsk
#: agreements", "the Normandy format"), not a venue ("the Dublin Convention Center").
_TREATY_AFTER = re.compile(
    r"[ \t]+(?:[Cc]onventions?|[Tt]reaty|[Aa]ccords?|[Aa]greements?|[Mm]emorandum|"
    r"[Pp]rotocols?|[Cc]ommuniqu[eé]|[Dd]eclaration|[Ff]ormat)\b"
    r"(?![ \t]+(?:[Cc]ent(?:er|re)|[Hh]all|[Bb]ureau|and\b|&))"
)
#: A model or version number after the name: "Geran-2", "Rossiya-24", "Magura V5",
#: "Bayraktar TB2" (not a road: "the Chop M06 highway").
_MODEL_AFTER = re.compile(
    r"(?:-\d{1,4}|[ \t]+[A-Z]{1,3}-?\d{1,4}[A-Za-z]?)\b"
    r"(?![ \t]+(?:[Hh]ighway|[Rr]oad|[Mm]otorway|[Rr]oute))"
)
#: A ship, weapon or channel noun after the name, perhaps after a modifier: "the Moskva
#: missile cruiser", "Neptune anti-ship missiles", "the Rossiya TV channel".
_THING_AFTER = re.compile(
    r"[ \t]+(?:[a-z][a-z\-]{1,15}[ \t]+)?(?:[Cc]ruiser|[Ff]rigate|[Cc]orvette|[Ww]arship|"
    r"[Ss]hip|[Vv]essel|[Dd]estroyer|[Ss]ubmarine|[Ff]lagship|[Mm]issiles?|[Rr]ockets?|"
    r"[Dd]rones?|UAVs?|USVs?|[Ll]aunchers?|[Jj]ets?|[Bb]ombers?|[Hh]elicopters?|[Tt]anks?|"
    r"[Hh]owitzers?|TV|[Cc]hannel|[Bb]roadcaster)\b"
)
#: A military unit named after the place's other name: "the Vostok group of forces", "the
#: Sever (North) troop grouping", "the Azov nationalist regiment".
_UNIT_AFTER = re.compile(
    r"(?:[ \t]{0,2}\([^()\n]{1,20}\))?[\"”’']?[ \t]+(?:[a-z][a-z\-]{1,15}[ \t]+)?"
    r"(?:[Gg]roup|[Gg]rouping|[Bb]attalion|[Rr]egiment|[Bb]rigade|[Cc]orps|[Dd]etachment|"
    r"[Ss]quadron)\b"
)
#: The same nouns before the name: "the cruiser Moskva", "Russian group “Vostok”".
_THING_BEFORE = frozenset(
    {
        *("battalion", "battlegroup", "brigade", "channel", "cruiser", "flagship", "frigate"),
        "group",
        *("grouping", "regiment", "ship", "submarine", "vessel", "warship"),
    }
)
#: What may stand between such a noun and the name: spaces and an opening quote.
_THING_GAP = re.compile(r"[ \t]+[\"“«']?")
#: Longest noun before a name looked at, with its gap (characters).
_BEFORE_WINDOW = 16


#: Any word of the patterns above, anywhere in a text: without one, no name in it can be a
#: treaty, ship, weapon, model or unit, and the screen skips those checks.  (The lookahead
#: holds the words' first letters: at every other word start the search moves on at once
#: instead of trying each word, which halved the time of this search over a text.)
_ANY_THING = re.compile(
    r"-\d|[ \t][A-Z]{1,3}-?\d|\b(?=[AaBbCcDdFfGgHhJjLlMmPpRrSsTtUVvWw])"
    r"(?:[Cc]onventions?|[Tt]reaty|[Aa]ccords?|[Aa]greements?|"
    r"[Mm]emorandum|[Pp]rotocols?|[Cc]ommuniqu|[Dd]eclaration|[Ff]ormat|[Cc]ruiser|"
    r"[Ff]rigate|[Cc]orvette|[Ww]arship|[Ss]hip|[Vv]essel|[Dd]estroyer|[Ss]ubmarine|"
    r"[Ff]lagship|[Mm]issiles?|[Rr]ockets?|[Dd]rones?|UAVs?|USVs?|[Ll]aunchers?|[Jj]ets?|"
    r"[Bb]ombers?|[Hh]elicopters?|[Tt]anks?|[Hh]owitzers?|TV|[Cc]hannel|[Bb]roadcaster|"
    r"[Gg]roup|[Gg]rouping|[Bb]attlegroup|[Bb]attalion|[Rr]egiment|[Bb]rigade|[Cc]orps|[Dd]etachment|"
    r"[Ss]quadron)\b"
)


def has_thing_words(text: str) -> bool:
    """Whether ``text`` has any word that can make a name a treaty, ship, weapon or unit.

    Examples
    --------
    >>> has_thing_words("Shelling hit Kupiansk."), has_thing_words("Neptune missiles hit it.")
    (False, True)
    """
    return _ANY_THING.search(text) is not None


def treaty_after(text: str, end: int) -> bool:
    """Whether a treaty named after the place follows: "the Montreux Convention"."""
    return _TREATY_AFTER.match(text, end, end + _WINDOW) is not None


def thing_next_to(text: str, start: int, end: int) -> str | None:
    """What the words next to a name at ``start:end`` make of it, if not a place.

    ``"model"`` ("Magura V5", "Geran-2 drones", "Rossiya-24"), ``"ship or weapon"`` ("the
    Moskva missile cruiser", "Neptune missiles", "the Rossiya TV channel", "the cruiser
    Moskva"), ``"unit"`` ("the Vostok group of forces"), or None.  Only for a name that
    may not be a place there: the screen asks for names reached through an alternate
    name, or small ones.
    """
    if _MODEL_AFTER.match(text, end, end + _WINDOW):
        return "model"
    if _THING_AFTER.match(text, end, end + _WINDOW):
        return "ship or weapon"
    if _UNIT_AFTER.match(text, end, end + _WINDOW):
        return "unit"
    before = text[max(0, start - _BEFORE_WINDOW) : start]
    noun = before.rstrip(" \t\"“«'")
    if noun != before and _THING_GAP.fullmatch(before, len(noun)):
        last = noun.rsplit(None, 1)[-1] if noun.strip() else ""
        if last.lower() in _THING_BEFORE and noun.endswith(last):
            return "ship or weapon"
    return None


#: Plural nouns that open a sentence as common words, not as an institution's name
#: ("Troops of", "Forces of"; "Armed Forces of Ukraine" has its own first word).
_GENERIC_PLURALS = frozenset({"troops", "forces"})
#: What ends a sentence between two words.
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s|\n")


def institution_of(text: str, words: list[Word], i: int) -> str | None:
    """What the capitalised name before "of (the)" makes of the name at word ``i``.

    ``"org"`` when it is an institution (:data:`~geonews.mentions.lexicon.ORG_HEADS`):
    "Armed Forces of Ukraine", "Ministry of Defense of the Russian Federation", "Law of
    Ukraine", "Federal Security Service of Russia"; ``"title"`` when it is an office
    ("President of Ukraine", "Minister of Foreign Affairs of Turkey", "Head of the Kharkiv
    Region"); None otherwise ("University of Kyiv", "the capture of Bakhmut", "the armed
    forces of Ukraine": lower case is no name).  The parts of the name are read from the
    nearest out: "Defence" in "Minister of Defence of Azerbaijan" says nothing, "Minister"
    does.
    """
    j = i - 1
    if j >= 0 and words[j][2] in ("the", "The") and _joined(text, words, j, j + 1):
        j -= 1
    if j < 1 or words[j][2] not in ("of", "Of") or not _joined(text, words, j, j + 1):
        return None
    j -= 1
    if words[j][2].lower() in _GENERIC_PLURALS and _opens_sentence(text, words, j):
        return None  # "Troops of the Lugansk Republic advanced": capitalised as the first word
    part: list[str] = []  # the part of the name before the nearest "of", read backwards
    stop = max(-1, j - _MAX_CHAIN_WORDS)
    while j > stop:
        w = words[j][2]
        if capitalised(w) and w not in _CHAIN_WORDS:
            part.append(w.lower())
        elif w in _CHAIN_WORDS and part:
            if w.lower() == "of":
                verdict = _verdict(part)
                if verdict is not None:
                    return verdict
                part = []
        else:
            break
        if j == 0 or not _joined(text, words, j - 1, j):
            break
        j -= 1
    return _verdict(part)


def _opens_sentence(text: str, words: list[Word], j: int) -> bool:
    """Whether word ``j`` is the first of its sentence (or of the text)."""
    return j == 0 or _SENTENCE_BREAK.search(text, words[j - 1][1], words[j][0]) is not None


def _verdict(part: list[str]) -> str | None:
    """``part`` holds the words of one part of a name, last word first."""
    if not part:
        return None
    if part[0] in ORG_HEADS:
        return "org"
    if any(w.rstrip(".") in OFFICE_TITLES for w in part):
        return "title"
    return None


def _joined(text: str, words: list[Word], a: int, b: int) -> bool:
    """Whether words ``a`` and ``b`` are one space apart (or a possessive: "People's")."""
    return text[words[a][1] : words[b][0]] in (" ", "'s ", "’s ")


def org_after(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` opens an institution's name that is no place."""
    return _ORG_AFTER.match(text, end, end + _WINDOW) is not None


def facility_after(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` names a facility: "Kerch bridge", "Kursk NPP"."""
    return _FACILITY_AFTER.match(text, end, end + _WINDOW) is not None


def title_after(text: str, end: int) -> bool:
    """Whether a title of the place's office follows: "Belgorod Governor Gladkov"."""
    return _TITLE_AFTER.match(text, end, end + _WINDOW) is not None
