"""Who says so: the words of attribution, the claimants they name and the sides of the war.

The lexicons behind :mod:`geonews.activity.claims`: claimant patterns with their canonical
names and sides (:data:`CLAIMANTS`), verbs and phrases of attribution ("said", "according
to", "citing", "Ministry: ..."), a side named as an actor or as a claim ("Russian
claims"), how a paragraph goes on with the one before (:data:`CONTINUATION`), and the
capture words that tell which side took a place (:data:`RETAKE`, :data:`OVERRUN`).
"""

from __future__ import annotations

import re

__all__ = [
    "ANAPHOR_CLAIMANT",
    "ATTRIBUTION_AFTER",
    "ATTRIBUTION_ANY",
    "ATTRIBUTION_BEFORE",
    "ATTRIBUTION_COLON",
    "ATTRIBUTION_DASH",
    "ATTRIBUTION_VERB",
    "CLAIMANTS",
    "CLAIMANT_ANY",
    "CLAIMANT_NAMES",
    "CONTINUATION",
    "DEFENCE_MINISTRY",
    "OVERRUN",
    "PASSIVE_BEFORE",
    "RETAKE",
    "SIDE_ACTOR",
    "SIDE_CLAIM",
    "SIDE_NAMES",
    "SIDE_WORD",
    "SOURCE",
]

_I = re.IGNORECASE


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b", _I)


_RU = r"(?:Russia's|the Russian|Russian)"
_UA = r"(?:Ukraine's|the Ukrainian|Ukrainian)"
_NAME = r"(?:\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
_MINISTRY = r"(?:Defen[cs]e Ministry|defen[cs]e ministry|[Mm]inistry of [Dd]efen[cs]e)"
#: "announced by the press service of the Russian Ministry of Defense": the ministry speaks.
_SERVICE = r"(?:(?:the )?press service of )?"
ATTRIBUTION_VERB = (
    r"(?:said|says|say|claimed|claims|claim|reported|reports|announced|announces|stated|told"
    r"|added|insisted|denied|denies|deny|wrote|confirmed|confirms|estimated|warned|posted"
    r"|dismissed|rejected|conceded|acknowledged|admitted|claiming|saying|informed|informs|noted"
    r"|clarified|specified|indicated)"
)
#: Claimants that stand for someone named elsewhere: a ministry without its country, an
#: unnamed source, "the report" or "he" (resolved by the extractor from the document).
DEFENCE_MINISTRY = "defence ministry"
SOURCE = "unnamed source"
ANAPHOR_CLAIMANT = "(anaphor)"
#: (pattern, canonical claimant, side); the first matching pattern wins at a position.
CLAIMANTS: list[tuple[re.Pattern[str], str, str | None]] = [
    (re.compile(rf"\b{_SERVICE}{_RU}\s+{_MINISTRY}"), "Russian defence ministry", "RU"),
    (re.compile(rf"\b{_SERVICE}{_UA}\s+{_MINISTRY}"), "Ukrainian defence ministry", "UA"),
    (re.compile(rf"\b{_RU}\s+[Gg]eneral [Ss]taff"), "Russian General Staff", "RU"),
    (
        re.compile(
            r"\b(?:Ukraine's |the Ukrainian |Ukrainian |the )?(?:General Staff|(?<=Ukrainian )"
            r"general staff)(?: of (?:the )?(?:[Aa]rmed [Ff]orces|[Mm]ilitary|[A-Z][\w']+)"
            r"(?: of (?:Ukraine|the Russian Federation))?)?"
        ),
        "Ukraine's General Staff",
        "UA",
    ),
    (
        re.compile(rf"\b{_UA}\s+(?:[Aa]ir [Ff]orce)|\bthe [Aa]ir [Ff]orce"),
        "Ukrainian air force",
        "UA",
    ),
    (
        re.compile(
            rf"\b{_RU}\s+(?:military|army|armed forces|forces|troops)"
            r"(?: intelligence| command| spokes(?:man|woman|person))?\b"
        ),
        "Russian military",
        "RU",
    ),
    (
        re.compile(
            rf"\b{_UA}\s+(?:military|army|armed forces|forces|troops)"
            r"(?: intelligence| command| spokes(?:man|woman|person))?\b"
        ),
        "Ukrainian military",
        "UA",
    ),
    (
        re.compile(r"\b(?:the )?Kremlin(?: spokes(?:man|woman|person))?" + _NAME),
        "the Kremlin",
        "RU",
    ),
    (
        re.compile(r"\bRussian-(?:installed|appointed) (?:officials?|governor|authorities|head)"),
        "Russian-installed officials",
        "RU",
    ),
    (
        re.compile(
            r"\b(?:Russian state (?:media|television|news agency)(?: \w+)?|TASS|RIA Novosti)"
        ),
        "Russian state media",
        "RU",
    ),
    (
        re.compile(r"\b(?:Russian|Moscow's) (?:officials|authorities)|\bMoscow\b"),
        "Russian officials",
        "RU",
    ),
    (
        re.compile(r"\b(?:Ukrainian|Kyiv's) (?:officials|authorities)|\bKyiv\b"),
        "Ukrainian officials",
        "UA",
    ),
    (
        re.compile(r"\b(?:(?:Russian )?President )?(?:Vladimir )?Putin\b"),
        "Russian president",
        "RU",
    ),
    (
        re.compile(r"\b(?:(?:Ukrainian )?President )?(?:Volodymyr )?Zelensk(?:iy|yy|y)\b"),
        "Ukrainian president",
        "UA",
    ),
    (
        re.compile(
            r"\b(?:the )?(?:regional |local |military |[A-Z][a-z]+ )?[Gg]overnor"
            r"(?: of (?:the )?[A-Z][\w-]+(?: region| [Oo]blast)?)?" + _NAME
        ),
        "regional governor",
        None,
    ),
    (re.compile(r"\b(?:the )?(?:city |local )?[Mm]ayor" + _NAME), "mayor", None),
    # officials of the Russian-backed republics and Russia's parliament speak for Russia
    (
        re.compile(
            r"\b(?:[Tt]he )?(?:[Aa]cting )?(?:DPR|LPR|DNR|LNR|(?:Donetsk|Lugansk|Luhansk)"
            r" People(?:'s|’s) Republic(?:'s|’s)?)(?: [A-Za-z]+)?? (?:[Hh]ead|[Ll]eader|[Cc]hief"
            r"|[Cc]ommander|[Oo]fficials?|[Mm]ilitia|[Oo]mbudsman|[Aa]uthorities)"
            + _NAME
            + r"|\b(?:[Tt]he )?(?:State )?Duma (?:lawmaker|deputy|member|legislator)s?"
            + _NAME
            + r"|\bRussian (?:lawmakers?|legislators?|senators?|MPs?)"
            + _NAME
        ),
        "Russian-backed officials",
        "RU",
    ),
    (
        re.compile(
            r"\b(?:the )?(?:[Ii]nstitute for the [Ss]tudy of [Ww]ar|ISW)"
            r"|\b(?:military |Western |independent |defen[cs]e )?analysts?\b"
        ),
        "analysts",
        None,
    ),
    (
        re.compile(r"\b(?:the )?(?:United Nations|U\.N\.|UN)(?: [a-z]+){0,2} (?:mission|monitors)"),
        "United Nations",
        None,
    ),
    (
        re.compile(r"\b(?:the )?(?:White House|State Department|Pentagon)|\bU\.S\. officials"),
        "U.S. officials",
        "US",
    ),
    (
        re.compile(
            r"\b(?:police|emergency services|rescuers|witnesses"
            r"|(?:local|regional|city) (?:authorities|officials|administration))\b",
            _I,
        ),
        "local authorities",
        None,
    ),
    (
        re.compile(rf"\b(?:the )?{_MINISTRY} of the Russian Federation"),
        "Russian defence ministry",
        "RU",
    ),
    (re.compile(rf"\b(?:the )?{_MINISTRY} of Ukraine"), "Ukrainian defence ministry", "UA"),
    # without a side: whose ministry it is comes from the sentence or who spoke before
    (
        re.compile(
            rf"\b(?:the )?(?:press service of the )?(?:{_MINISTRY}|[Dd]efen[cs]e [Dd]epartment)"
        ),
        DEFENCE_MINISTRY,
        None,
    ),
    (
        re.compile(
            r"\b(?:an? |the )?(?:\w+ )?sources? (?:familiar with|close to|in|within|at|from)"
            r"(?: the)?(?: (?!" + ATTRIBUTION_VERB + r"\b)[\w-]+){1,3}",
            _I,
        ),
        SOURCE,
        None,
    ),
    # "the report said", "he told reporters": the one who spoke last
    (
        re.compile(
            r"\b(?:[Tt]he|[Tt]his|[Tt]hat) (?:report|statement|information|message|ministry"
            r"|department|agency|military|command|governor|official|lawmaker|legislator)\b"
            r"|\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\b(?=\s+(?:also\s+)?" + ATTRIBUTION_VERB + ")"
        ),
        ANAPHOR_CLAIMANT,
        None,
    ),
]
#: All claimant patterns in one (group ``c<i>`` is ``CLAIMANTS[i]``).
CLAIMANT_ANY = re.compile(
    "|".join(
        f"(?P<c{i}>{'(?i:' + p.pattern + ')' if p.flags & re.IGNORECASE else p.pattern})"
        for i, (p, _, _) in enumerate(CLAIMANTS)
    )
)
CLAIMANT_NAMES = {f"c{i}": (name, side) for i, (_, name, side) in enumerate(CLAIMANTS)}

#: "Russian claims": a side that claims, without a named claimant.
SIDE_CLAIM = re.compile(
    r"\b(Russian|Ukrainian|Moscow's|Kyiv's|Russia's|Ukraine's) (?:claims?|assertions?)\b"
)
#: How a paragraph opens that goes on with the previous one's account (and its claimant).
CONTINUATION = re.compile(
    r"^[\"“'‘«•◽◾▪▫‣●○■□◦]|^(?:specifically|in particular|in addition|additionally"
    r"|furthermore|moreover|besides|it (?:said|added)"
    r"|according to (?:the|this|that) (?:information|report|statement|data))\b"
    r"|\b(?:also|as well)\b",
    _I,
)
#: A side named as an actor ("Ukrainian forces", "Russia's army", "Kyiv has"), not as a
#: qualifier of a place ("in Ukraine's Luhansk region", "the Russian-held town").
SIDE_ACTOR = re.compile(
    r"\b(?:(Russia|Russian|Moscow)|(Ukraine|Ukrainian|Kyiv|Kiev))(?:'s|’s)?"
    r"(?:\s+(?:[\w-]+\s+){0,2}?(?:forces|troops|army|military|units|soldiers|servicemen"
    r"|fighters|brigades?|battalions?|paratroopers|marines|militia|side|command|defenders"
    r"|groups?|grouping|assault)\b|\s+(?:has|have|had|says|said|claims|claimed)\b"
    r"|\s+(?:\w+ly\s+)?(?:\w+ed)\b)"
)
#: Capture words that say the place comes back to whom it belonged.
RETAKE = _words(r"recaptur\w*|ret(?:ook|aken|ake|akes|aking)|regain\w*")
#: Capture words that say the place was taken by force: a battle for it.
OVERRUN = _words(r"overr(?:an|un)")
#: "were driven out of", "was liberated by": the side named before a passive capture lost it.
PASSIVE_BEFORE = re.compile(r"\b(?:were|was|been|being|is|are)\s+(?:\w+\s+)?$", _I)
#: A side named in a sentence ("Russian air defence ..., the ministry said").
SIDE_WORD = re.compile(r"\b(?:(Russia|Russian|Moscow)|(Ukraine|Ukrainian|Kyiv|Kiev))(?:'s|’s)?\b")
SIDE_NAMES = {"RU": "Russian officials", "UA": "Ukrainian officials"}
ATTRIBUTION_ANY = re.compile(
    r"\b" + ATTRIBUTION_VERB + r"\b|\baccording to\b|\bcit(?:ed|ing)\b"
    r"|\b(?:statement|report|briefing|update|message) (?:by|of|from)\b|:\s|\s[–—]\s",
    _I,
)
ATTRIBUTION_AFTER = re.compile(
    r"(?:\s*,[^,]{0,60},|,(?=\s+" + ATTRIBUTION_VERB + r"\b))?"  # "X, a deputy, told"
    r"\s+(?:(?:on|in|late|early|earlier|later)\s+(?:\w+\s+){0,3}?)?"
    + ATTRIBUTION_VERB
    # whom it was told: "told TASS", "told reporters", "told the Rossiya-24 TV channel"
    + r"\b(?:\s+(?:TASS|RIA(?: Novosti)?|Interfax|Izvestia|Sputnik|Ukrinform|reporters"
    r"|journalists|(?:the\s+)?(?:[\w-]+\s+){1,2}?(?:TV channel|newspaper|agency)))?"
    r"(?:\s+(?:on|in)\s+(?:a\s+)?(?:\w+\s+){0,2}?(?:statement|Telegram|post|briefing|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|the\s+\w+))?(?:\s+that\b)?",
)
ATTRIBUTION_BEFORE = re.compile(
    r"(?:\b" + ATTRIBUTION_VERB + r"(?:\s+by)?|\baccording to|\bcited|\bciting"
    r"|\b(?:statement|report|briefing|update|message) (?:by|of|from))\s+$",
    _I,
)
#: A headline or lead that names who speaks before a colon: "Russian Defence Ministry: ...".
ATTRIBUTION_COLON = re.compile(r"\s*:\s")
#: A headline that names who speaks after a dash at its end: "Two attacks repelled -
#: Russian Defence Ministry" (the claimant then closes the sentence; not a dateline).
ATTRIBUTION_DASH = re.compile(r"\s[–—]\s*$")
