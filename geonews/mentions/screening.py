"""Screening: whether a candidate span names a place, or a person, a word, an institution.

The :class:`~geonews.mentions.recognise.Recogniser` finds every known name in a text; the
:class:`Screen` keeps out the ones that are not places there: people and their titles
("President Biden", "Andrew Jackson", "Dyer said"), common English words that are also
small places ("Time", "Forest") unless a place cue holds ("in Forest", "Forest, Miss."),
streets ("Wichita Street"), acronyms ("AMLO"), capitalised sentence openers ("Yet Kiev
is ..."), words the text writes in lower case elsewhere.  A place that begins an
institution's name ("Kyiv Independent", "Georgia Bureau of Investigation") stays, cued
``"org"``: the roles make it an actor.

Examples
--------
>>> from geonews.mentions.document import Span, split_words
>>> from geonews.places import Resolver
>>> screen = Screen(Resolver())
>>> text = "Andrew Jackson spoke in Jackson."
>>> ws = split_words(text)
>>> persons = screen.persons(ws)  # a known given name: firm evidence
>>> persons
{'jackson': True}
>>> jackson = Span(24, 31, "Jackson", "jackson")  # the second one, words 4:5
>>> screen.keep(text, ws, 4, 5, jackson, set(), persons)
False
>>> screen.keep(text, ws, 4, 5, jackson, set())  # with no person of that name, the city
True
"""

from __future__ import annotations

import re
from collections.abc import Callable

from geonews.mentions.document import capitalised
from geonews.mentions.lexicon import (
    AP_STATES as _AP_STATES,
)
from geonews.mentions.lexicon import (
    DIRECTIONS as _DIRECTIONS,
)
from geonews.mentions.lexicon import (
    FIRST_NAMES as _FIRST_NAMES,
)
from geonews.mentions.lexicon import (
    ORG_WORDS as _ORG_WORDS,
)
from geonews.mentions.lexicon import (
    PLACE_PREPOSITIONS as _PLACE_PREPOSITIONS,
)
from geonews.mentions.lexicon import (
    REGION_WORDS as _REGION_WORDS,
)
from geonews.mentions.lexicon import (
    SPEECH_VERBS as _SPEECH_VERBS,
)
from geonews.mentions.lexicon import (
    STOP as _STOP,
)
from geonews.mentions.lexicon import (
    STREET_WORDS as _STREET_WORDS,
)
from geonews.mentions.lexicon import (
    SURNAMES as _SURNAMES,
)
from geonews.mentions.lexicon import (
    TITLES as _TITLES,
)
from geonews.mentions.lexicon import (
    is_common_word as _is_common_word,
)
from geonews.places.names import key
from geonews.places.resolver import Resolver

__all__ = ["COUNTIES", "LISTED", "MIN_NAME_LENGTH", "Screen", "county_list_at"]

#: Shortest mixed-case word read as a name on its own or as a person's (shorter: "Mt", "Co").
MIN_NAME_LENGTH = 3
#: Longest capitals read as an acronym unless they name a country or region ("US", "UAE").
_MAX_ACRONYM = 3
#: Longest capitalised word before a full stop read as an abbreviated title ("Sen.", "Gov.").
_MAX_ABBREVIATION = 5
#: Shortest AP state abbreviation read as the state without a comma before it ("Calif.",
#: "Miss."; "Ga." and "Ind." only as in "Gainesville, Ga.").
_MIN_AP_STATE = 4
#: A city of at least this many people is prominent: not a common word, not a person's name.
_MAJOR_POPULATION = 100_000
#: How many of a name's likeliest places are asked whether one is prominent or exact.
_LIKELY_SENSES = 5

#: A contraction's ending ("We've", "Isn't"): such a word names no place.
_CONTRACTION = re.compile(r"['’](?:ve|re|ll|d|t|m)$", re.I)
#: A listed name the recogniser did not keep ("Love", "Swift").
LISTED = r"[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*)?"
#: "... counties", perhaps after more listed names: "..., Swift and Wilkin counties" (a place
#: cue here; the recogniser makes such names the counties).
COUNTIES = re.compile(
    # "\s*,\s+|\s+", not "\s*,?\s+": the same strings, but one way to split a run of white
    # space instead of quadratically many (a text of 100,000 newlines took minutes)
    rf"(?:\s*,\s*{LISTED})*(?:(?:\s*,\s+|\s+)(?:and|or|&)\s+{LISTED})?\s+(counties|parishes)\b"
)
#: Characters after a name within which its county list must end: the list is read once
#: from each name, so an unbounded look would make a long comma list quadratic.
COUNTY_LIST_WINDOW = 400


def county_list_at(text: str, pos: int) -> re.Match[str] | None:
    """Match :data:`COUNTIES` at ``pos``, within :data:`COUNTY_LIST_WINDOW` characters.

    Examples
    --------
    >>> county_list_at("Clay, Swift and Wilkin counties", 4).group(1)
    'counties'
    """
    end = pos + COUNTY_LIST_WINDOW
    if text.find("counties", pos, end) < 0 and text.find("parishes", pos, end) < 0:
        return None  # the common case, without the regex
    found = COUNTIES.match(text, pos, end)
    if found is None or (found.end() < len(text) and text[found.end()].isalnum()):
        return None
    return found


class Screen:
    """The rules that tell a candidate span that names a place from one that does not.

    Parameters
    ----------
    resolver : Resolver
        Whose candidates say how prominent a name's places are.
    has_key : callable, optional
        Whether a name key is known (the recogniser's cached test); by default the
        resolver's gazetteer's and the user's aliases.
    """

    def __init__(self, resolver: Resolver, *, has_key: Callable[[str], bool] | None = None):
        self.resolver = resolver
        if has_key is None:
            user, known = resolver.user_aliases, resolver.gazetteer.has_key

            def has_key(k: str) -> bool:
                return k in user or known(k)

        self.has_key = has_key

    def __repr__(self) -> str:
        return f"Screen({self.resolver!r})"

    def is_major(self, k: str) -> bool:
        """A country, region or city of _MAJOR_POPULATION people: too prominent to be a word."""
        top = self.resolver.candidates(k, limit=1)
        return bool(top) and (
            top[0].kind in ("country", "region", "continent")
            or top[0].population >= _MAJOR_POPULATION
        )

    def _prominent(self, k: str, text: str) -> bool:
        """Any of the name's likelier places is prominent: not a word, whatever its use.

        Prominent: a country, region, area, sea, curated feature (Pentagon) or a city of
        _MAJOR_POPULATION people or more.

        A place reached through its abbreviation ("ACT" for the Australian Capital
        Territory, "Mass" for Massachusetts) counts only when ``text`` is in capitals:
        "Act" and "Mass" are words.  A city reached only through one of its many
        alternate names ("Soul" for Seoul, "Part" for Perth) does not count.
        """
        return any(
            (
                p.kind in ("country", "region", "continent", "area", "sea", "feature")
                or (p.population >= _MAJOR_POPULATION and p.matched != "alt")
            )
            and (text.isupper() or not _abbreviates(k, p.name))
            for p in self.resolver.candidates(k, limit=_LIKELY_SENSES)
        )

    def persons(self, words, lower_words=frozenset()) -> dict[str, bool]:
        """People the text names, by surname key; the value says whether the evidence is firm.

        Firm: a title or a known given name before the word ("Sen. Byrd", "Andrew Jackson").
        Weak: a capitalised word we do not know before it ("Phil Hartley"), or a verb of
        saying right after it ("Dyer said"); weak evidence yields to a place cue and to a
        prominent place (see :meth:`keep`).
        """
        out: dict[str, bool] = {}
        n = len(words)
        for a in range(n - 1):
            w0, w1 = words[a][2], words[a + 1][2]
            gap = words[a + 1][0] - words[a][1]
            if capitalised(w0) and w1 in _SPEECH_VERBS and gap == 1 and len(w0) >= MIN_NAME_LENGTH:
                # "Dyer said" (a place that speaks is a prominent one: "Moscow said")
                # ("Jordan Dyer said" too, unless the pair is a place: "New York said")
                w_ = words[a - 1][2] if a > 0 else ""
                before = w_.lower() if capitalised(w_) else ""  # "The Kremlin said": no
                if not w0.isupper() and not (
                    before
                    and (
                        before in _STOP or before in lower_words or self.has_key(key(f"{w_} {w0}"))
                    )
                ):
                    out.setdefault(key(w0), False)
            if len(w0) == 1 and w0.isupper() and gap == 2 and capitalised(w1):
                # "Robert C. Byrd", unless the pair is a place ("W. Va.")
                if not self.has_key(key(f"{w0}. {w1}")):
                    out[key(w1)] = True
                continue
            if not (capitalised(w0) and capitalised(w1)) or gap != 1:
                continue
            k0 = w0.lower()
            if k0 in _FIRST_NAMES or k0.rstrip(".") in _TITLES:
                out[key(w1)] = True
            elif (
                len(w0) >= MIN_NAME_LENGTH
                and not w0.isupper()
                and k0 not in _STOP
                and k0 not in _DIRECTIONS
                and k0 not in lower_words  # "Historic Dublin", "former US": a common word
                and not self.has_key(key(w0))
                and not self.has_key(key(f"{w0} {w1}"))
                and (a + 2 >= n or not capitalised(words[a + 2][2]))
            ):
                out.setdefault(key(w1), False)  # "Phil Hartley": a given name we do not know
        return out

    def _place_cue(self, text, words, i, j) -> bool:
        """A cue that the words ``i:j`` name a place: "in Dyer", "Dyer, Ind.".

        Also "Dyer, Indiana" and a county list: "Clay, Swift and Wilkin counties".
        """
        if county_list_at(text, words[j - 1][1]):
            return True
        if i > 0:
            prev = words[i - 1][2]
            if prev in _PLACE_PREPOSITIONS and text[words[i - 1][1] : words[i][0]] == " ":
                return True
        if j < len(words) and text[words[j - 1][1] : words[j][0]] == ", ":
            nxt = words[j][2]
            if nxt.endswith(".") and nxt[:-1].lower() in _AP_STATES:
                return True
            top = self.resolver.candidates(key(nxt), limit=1) if capitalised(nxt) else []
            return bool(top) and top[0].kind == "region"
        return False

    def keep(self, text, words, i, j, span, lower_words, persons=None) -> bool:
        """Whether ``span``, the words ``i:j`` of ``text``, names a place there.

        ``lower_words`` are the words the text writes in lower case, ``persons`` what
        :meth:`persons` found; a kept span that begins an institution's name gets the cue
        ``"org"``.
        """
        k = span.key
        if _CONTRACTION.search(span.text) or (j - i == 1 and (k in _FIRST_NAMES or k in _SURNAMES)):
            return False
        if j - i == 1 and persons and k in persons:
            # a person elsewhere in the text: this bare word is the person too, unless the
            # evidence is weak and the place is prominent, not a town ("Kremlin said") or
            # cued here ("in Dyer")
            top = self.resolver.candidates(k, limit=1)
            town = (
                bool(top) and top[0].kind == "settlement" and top[0].population < _MAJOR_POPULATION
            )
            if persons[k] or (town and not self._place_cue(text, words, i, j)):
                return False
        single = j - i == 1 or (span.cue == "region" and j - i == 2)
        if k in _STOP or (k.split(" ")[0] in ("the",) and len(k.split()) == 1):
            return False
        if span.cue == "region":
            return True
        prev = words[i - 1][2] if i > 0 else ""
        prev_gap = text[words[i - 1][1] : words[i][0]] if i > 0 else ""
        nxt = words[j][2] if j < len(words) else ""
        next_gap = text[words[j - 1][1] : words[j][0]] if j < len(words) else ""
        if next_gap == " " and capitalised(nxt) and nxt.lower().rstrip(".") in _STREET_WORDS:
            # "Wichita Street", "Ohio Avenue": a street, not the place; but "Florida Highway
            # Patrol" is the state's and "Oxford Road 5" the county's
            after = re.match(r" (\w)", text[words[j][1] : words[j][1] + 2])
            if after is None or not (after.group(1).isupper() or after.group(1).isdigit()):
                return False
        # people: "President Biden", "Andrew Jackson", "George W. Bush"
        abbreviated = (
            prev_gap.strip() == "." and capitalised(prev) and len(prev) <= _MAX_ABBREVIATION
        )
        if (
            prev
            and (prev_gap.strip() == "" or abbreviated)  # "Sen. Byrd", not "the envoy. Kyiv"
            and (prev.lower().rstrip(".") in _TITLES or prev.lower() in _FIRST_NAMES)
        ) or (single and prev_gap == ". " and len(prev) == 1 and prev.isupper()):
            return False
        # a given name: before a middle initial ("Virginia L. Lane"), or, for a place that
        # is not major, before a surname the text names as a person ("Nadia Moayyad" with
        # "Ms. Moayyad" elsewhere)
        if single and nxt and next_gap == " " and capitalised(nxt):
            initial = (
                len(nxt) == 1
                and nxt.isupper()
                and text[words[j][1] : words[j][1] + 2] == ". "
                and j + 1 < len(words)
                and capitalised(words[j + 1][2])
            )
            surname = bool(persons) and key(nxt) in persons and nxt.lower() not in _STOP
            if initial or (surname and not self.is_major(k)):
                return False
        if (
            single
            and _is_common_word(span.text)
            and not self._prominent(k, span.text)
            and not self._place_cue(text, words, i, j)
        ):
            # "Time", "Forest", "Supreme Court": a common English word, unless the place is
            # prominent or cued here ("in Forest", "Forest, Miss.")
            return False
        # organisations named after a place ("Kyiv Independent", "Ohio State University")
        # keep the mention; the role rules make it an actor, not a place of activity
        if nxt and next_gap.strip() == "" and capitalised(nxt) and nxt.lower() in _ORG_WORDS:
            span.cue = "org"
            return True
        # a capitalised run that goes on with words that are not places ("Georgia Bureau of
        # Investigation", "U.S. Attorney"): the place stands for an institution
        if (
            nxt
            and next_gap == " "
            and capitalised(nxt)
            and nxt.lower() not in _REGION_WORDS
            and not self.has_key(key(nxt))
            and nxt.lower() not in _STOP
        ):
            span.cue = "org"
        if single and span.text.lower() in lower_words and not self.is_major(k):
            return False  # written lower-case elsewhere in the text: a common word
        if (
            single
            and span.sentence_start
            and nxt
            and next_gap == " "
            and capitalised(nxt)
            and self.has_key(key(nxt))
            and not self.is_major(k)
        ):
            return False  # "Yet Kiev is...": a capitalised opener before the real name
        if span.text.endswith(".") and k in _AP_STATES:
            # "Gainesville, Ga.": AP style puts the state after a comma; elsewhere "Miss."
            # and "Ind." are more often a title or a word cut short
            return prev_gap.strip() == "," or len(k) >= _MIN_AP_STATE
        if single and span.text.isupper() and len(k) <= _MAX_ACRONYM:
            # short capitals are acronyms unless they name a country or region (US, UAE, DPR)
            top = self.resolver.candidates(k, limit=1)
            # dotted forms are abbreviations of names, not acronyms: "D.C.", "L.A."
            dotted = "." in span.text and self.is_major(k)
            return bool(top) and (top[0].kind in ("country", "region") or dotted)
        if single and span.text.isupper() and "." not in span.text:
            # longer capitals ("AMLO", "AMEL") are acronyms unless they name a country or
            # region (DPRK) or a place has that very name ("KYIV", "TORNADO" in a headline),
            # not just an alternate spelling of it
            return any(
                p.matched != "alt" or p.kind in ("country", "region")
                for p in self.resolver.candidates(k, limit=_LIKELY_SENSES)
            )
        return not (single and len(k) < MIN_NAME_LENGTH and not span.text.isupper())


def _abbreviates(k: str, name: str) -> bool:
    """Whether the key ``k`` is the initials of ``name`` or a word of it cut short.

    "mass" cuts "massachusetts" short; "atlantic" is a whole word of "atlantic ocean".
    """
    full = key(name)
    parts = full.split()
    return k != full and (
        (len(parts) > 1 and k == "".join(w[0] for w in parts))
        or (full.startswith(k) and full[len(k)] != " ")
    )
