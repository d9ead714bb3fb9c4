"""Literal or metonymic: does a mention name a place, or an actor named after one.

"Moscow insists", "Washington denied", "Kyiv's allies", "the Kremlin said" and "talks
between Kyiv and Moscow" use places to stand for governments; geonews keeps such mentions
as actors (``role="metonym"``) and never maps them as activity.  The rules read the few
words around a mention; they apply to places that can stand for a government (countries,
capitals, large cities, seats of power), never to villages.

Examples
--------
>>> role_of("Moscow insists the talks go on.", 0, 6, kind="settlement", population=10_000_000)
'metonym'
>>> role_of("Fighting raged in Pokrovsk.", 18, 26, kind="settlement", population=60_000)
'literal'
"""

from __future__ import annotations

import re

__all__ = ["role_of"]

_SPEECH_VERBS = (
    "said|says|say|insists?|insisted|denied|denies|deny|announced?|announces|accused|accuses|"
    "warned|warns|claimed|claims|wants|wanted|demanded|demands|rejected|rejects|agreed|agrees|"
    "signed|signs|threatened|threatens|called|calls|urged|urges|believes|believed|responded|"
    "responds|hopes|hoped|refused|refuses|proposed|proposes|offered|offers|accepted|accepts|"
    "welcomed|welcomes|condemned|condemns|vowed|vows|plans|planned|intends|launched|launches|"
    "fired|fires|attacked|attacks|struck|strikes|sent|sends|supplied|supplies|pledged|pledges|"
    "imposed|imposes|sanctioned|backed|backs|supports|supported|recognized|recognised|"
    "considers|considered|expects|expected|seeks|sought|"
    "continues|continued|increased|stepped|escalated|scrambled|scrambles|hosted|hosts|"
    "brokered|brokers|mediated|paused|suspended|resumed|halted|ramped|neither|wants|needs|"
    "ramped|maintains|maintained|insisting|denying|reiterated|stressed|noted|argued|"
    "admitted|confirmed|reported|estimated|retaliated|negotiated|voted|approved|ordered|"
    "agreed|declined|dismissed|reacted|blamed|blames|sees|views|regards|invaded|invades|"
    "annexed|annexes|occupied|occupies|mobilised|mobilized|deployed|deploys|bombed|shelled"
)
_AFTER_VERB = re.compile(
    rf"^\s*(?:,[^,]{{1,60}},\s*)?(?:(?:has|had|have|will|would|could|must|should|may|might|"
    rf"did|does|is|was|has been|had been|also|now|then|again|still|later|not|never|already|"
    rf"\w+ly|on \w+)\s+){{0,3}}(?:{_SPEECH_VERBS})\b",
    re.I,
)
#: What a possessive place owns when it is a place: "Kyiv's suburbs", "Russia's border".
_LOCATIONAL = re.compile(
    r"^(?:'s|’s|')\s+(?:[a-z\-]+\s+){0,2}?(?:suburbs?|outskirts|cent(?:re|er)|east|west|north|"
    r"south|eastern|western|northern|southern|border|borders|coast|coastline|capital|largest|"
    r"second|biggest|main|airport|port|ports|streets?|districts?|neighbou?rhoods?|residents|"
    r"people|population|citizens|inhabitants|power (?:plant|station|grid)|infrastructure|"
    r"regions?|territory|territories|soil|skies|airspace|cities|towns|villages|rivers?|"
    r"mountains|forests|beaches|shore|hospitals|schools|buildings|railway|bridges?|"
    r"front|frontline|front line|landscape|climate|weather|mayor|governor)\b",
    re.I,
)
_POSSESSIVE = re.compile(r"^(?:'s|’s|')\s+[a-z]", re.I)
_OBJECT_OF = re.compile(
    r"\b(?:accus\w*|blam\w*|order\w*|urg\w*|asked|asks|told|tells|warn\w*|criticis\w*|"
    r"criticiz\w*|condemn\w*|pressed|presses|pressur\w*|sanction\w*|punish\w*|"
    r"support\w*|backed|backing|help\w*|arm\w*|fund\w*|join\w*|defeat\w*|beat|beats|"
    r"outlasted|against|about|expel\w*|recogni[sz]\w*|invit\w*|thank\w*|trust\w*|"
    r"distrust\w*|pay|paid|owe\w*|negotiat\w* with|deal with|ties with|talks with)\s+"
    r"(?:the\s+)?$",
    re.I,
)
_ACTOR_NOUNS = (
    "allies|ally|government|leadership|position|demands?|officials?|military|forces|troops|"
    "army|delegation|negotiators?|envoys?|president|foreign ministry|defen[cs]e ministry|"
    "ministry|stance|refusal|proposals?|plans?|partners|backers|war|invasion|offensive|"
    "aggression|assaults?|campaign|strategy|interests|intelligence|authorities|"
    "administration|response|decision|support|aid|sanctions|policy|regime|propaganda|"
    "claims?|terms|conditions|envoy|representatives?|ambassador|diplomats?|economy|"
    "navy|air force|drones?|missiles?|attacks?|bombardment|shelling|strikes|budget|"
    "parliament|prime minister|chancellor|spokesman|spokeswoman|side|team|pressure|"
    "war machine|energy sector|oil|gas|exports|army's|withdrawal|approval|consent|"
    "security services|security service|special services|ultimatum|narrative|version|"
    "general staff|staff|laws?|constitution|officers?|soldiers|commanders?|minister|"
    "leaders?|counterparts?|mediators?|hosts?|decommunis\\w+|decommuniz\\w+|coach|"
    "players|fans|squad|mission|embassy|consulate|protection|influence|view|views|gdp|"
    "future|role|might|pride|relations|ties|diplomacy|foreign policy|vote|voters|"
    "election|referendum|nuclear|arsenal|ambitions|involvement|complicity|guilt|denial"
)
_ADJECTIVAL_ACTOR = re.compile(
    rf"^\s+(?:and\s+[A-Z]\w+\s+)?(?:senior\s+|top\s+|chief\s+|special\s+)?(?:{_ACTOR_NOUNS})s?\b"
)
_BY_WITH = re.compile(r"\b(?:by|with|against)\s+(?:the\s+)?$")
_NEXT_TWO = re.compile(r"\s+([a-z]+)(?:\s+([a-z]+))?")
_AUX = {
    "did",
    "does",
    "do",
    "has",
    "had",
    "have",
    "was",
    "is",
    "were",
    "are",
    "will",
    "would",
    "could",
    "should",
    "must",
    "may",
    "might",
    "can",
    "cannot",
}
_BE = {"was", "is", "were", "are", "been"}
_PARTICIPLES = {
    "hit",
    "struck",
    "shot",
    "seized",
    "taken",
    "captured",
    "destroyed",
    "shelled",
    "bombed",
    "attacked",
    "targeted",
    "damaged",
    "liberated",
    "encircled",
    "cut",
    "left",
    "held",
    "occupied",
    "surrounded",
    "rocked",
    "plunged",
    "home",
    "located",
    "situated",
    "about",
    "under",
    "among",
    "one",
    "the",
    "a",
    "now",
    "still",
}
_BORDER = re.compile(r"\b(?:border|frontier|borders)\s+with\s+(?:the\s+)?$", re.I)
_POSSESSIVE_ACTOR = re.compile(rf"^(?:'s|’s|')\s+(?:[a-z\-]+\s+){{0,2}}?(?:{_ACTOR_NOUNS})\b", re.I)
_BETWEEN = re.compile(
    r"\b(?:talks|negotiations|relations|tensions|dialogue|deal|agreement|ceasefire|truce|"
    r"contacts|exchanges?|summit|meeting|peace|war|conflict|rift|dispute|mediation|swaps?|accord|"
    r"treaty|pact)\s+(?:between|with|involving)\s+(?:[A-Z][\w'’\-]*(?:\s+and\s+)?|the\s+)*$"
)
_WITH_ACTOR = re.compile(
    r"\b(?:sanctions|pressure|ties|relations|talks|negotiations|deal|war|alliance|support|"
    r"aid|ultimatum|proposal|demands|concessions|dialogue)\s+(?:on|against|with|from|to|for)\s+"
    r"(?:the\s+)?$",
    re.I,
)
_PRO_ANTI = re.compile(r"\b(?:pro|anti)[-‑]$", re.I)
_BACKED = re.compile(r"^[-‑](?:backed|led|controlled|installed|appointed|friendly|aligned)\b", re.I)
_BETWEEN_TAIL = re.compile(r"^\s+and\s+(?:the\s+)?[A-Z]")
_SPATIAL = re.compile(
    r"\b(?:in|near|at|outside|across|into|inside|around|over|toward|towards|through|within|"
    r"throughout|from|to|of|visit|visited|visiting|travelled to|traveled to|arrived in|"
    r"city of|town of|village of|outskirts of|suburbs of|centre of|center of)\s+(?:the\s+)?$",
    re.I,
)
_SEATS = {"kremlin", "white house", "pentagon", "downing street", "elysee", "bankova"}


def _can_be_actor(kind: str, population: int, name: str) -> bool:
    if name.lower().removeprefix("the ") in _SEATS:
        return True
    if kind in ("country", "continent"):
        return True
    return kind == "settlement" and population >= 400_000


def role_of(
    text: str, start: int, end: int, *, kind: str, population: int = 0, name: str = ""
) -> str:
    """Return ``"literal"`` or ``"metonym"`` for the mention ``text[start:end]``.

    Parameters
    ----------
    text : str
        The whole text (or sentence) the mention is in.
    start, end : int
        The mention's character span.
    kind : str
        The resolved place's kind (see :data:`geonews.places.place.KINDS`).
    population : int
        The resolved place's population; small settlements are always literal.
    name : str
        The surface form or canonical name (used for seats of power such as the Kremlin).
    """
    surface = name or text[start:end]
    if not _can_be_actor(kind, population, surface):
        return "literal"
    before = text[max(0, start - 80) : start]
    after = text[end : end + 80]
    if surface.lower().removeprefix("the ") in _SEATS:
        return "metonym"
    if _PRO_ANTI.search(before) or _BACKED.match(after):
        return "metonym"
    if _POSSESSIVE_ACTOR.match(after):  # "Kyiv's allies", "Ukraine's southern forces"
        return "metonym"
    if _LOCATIONAL.match(after):  # "Kyiv's suburbs", "Kyiv's largest power plant"
        return "literal"
    if _POSSESSIVE.match(after):  # "Europe's GDP", "Britain's view"
        return "metonym"
    if _OBJECT_OF.search(before):
        return "metonym"
    if _BETWEEN.search(before):
        return "metonym"
    if _WITH_ACTOR.search(before):
        return "metonym"
    if _ADJECTIVAL_ACTOR.match(after):
        return "metonym"
    if _BY_WITH.search(before) and not _BORDER.search(before):
        return "metonym"
    if _SPATIAL.search(before):
        return "literal"
    if _AFTER_VERB.match(after):
        return "metonym"
    nxt = _NEXT_TWO.match(after)
    if nxt:
        w1, w2 = nxt.group(1), nxt.group(2) or ""
        if w1 in _AUX:
            passive = w1 in _BE or w2 == "been"
            return (
                "literal"
                if passive and (w2 in _PARTICIPLES or w2.endswith("ed"))
                else ("literal" if w1 in _BE and not w2.endswith("ing") else "metonym")
            )
        if w1.endswith("ed") and w1 not in _PARTICIPLES:
            return "metonym"
    if _BETWEEN_TAIL.match(after) and re.search(r"\bbetween\s+$", before):
        return "metonym"
    return "literal"
