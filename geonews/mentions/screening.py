"""Screening: whether a candidate span names a place, or a person, a word, an institution.

The :class:`~geonews.mentions.recognise.Recogniser` finds every known name in a text; the
:class:`Screen` keeps out the ones that are not places there: people and their titles
("President Biden", "Andrew Jackson", "Dyer said"), common English words that are also
small places ("Time", "Forest") unless a place cue holds ("in Forest", "Forest, Miss."),
streets ("Wichita Street"), acronyms ("AMLO"), capitalised sentence openers ("Yet Kiev
is ..."), words the text writes in lower case elsewhere.  Weak evidence never removes a
name the text itself places somewhere (:meth:`Screen.placed`: "near Vovchansk", "Vuhledar
(Russian: Ugledar)").  A name only an installed gazetteer knows (a village of a GeoNames
country dump: "Mayak", "Kanal", "Sokil") needs a cue of its own (:meth:`Screen.minor_cued`:
"near Mayak", "the village of Kanal", "Sokil, Chernihiv", "captured Mayak", or a list
such a cue opens), so that ten times more names do not turn words into places.  A place
inside the name of an institution that is no place ("Armed
Forces of Ukraine", "the Black Sea Fleet", "the Kyiv Independent"; see
:mod:`~geonews.mentions.entities`) is no mention.

The cue a kept span carries (``Span.cue``) says what its form adds, for the components
after recognition (disambiguation, roles):

* ``"region"`` - a region word follows ("the Donetsk region", "Donetsk Oblast"): the key
  is the region's;
* ``"river"`` - only a river is written so ("the left bank of the Dnipro", "crossed the
  Oskil"): the key is the river's;
* ``"airbase"`` - a name in a list of air bases ("airbases: Belaya, Olenya"): the key is
  the base's;
* ``"district"`` - a district named after its centre ("the Shebekinsky district"): the
  key is the centre's;
* ``"quoted"`` - in a text about the war, the name stands in quotation marks and names
  no prominent place and none of the war region ('the "Mont Blanc" business centre'): it
  stays unresolved;
* ``"direction"`` - a compass word opens it ("eastern Ukraine"): the key is Ukraine's;
* ``"hashtag"`` - a lower-case hashtag ("#ukraine");
* ``"ner"`` - found by the spaCy pipeline;
* ``"org"`` - the place opens the name of an institution that is the place's own
  ("Kyiv Post", "Ohio State University", "Georgia Bureau of Investigation");
* ``"title"`` - the place names an office ("Belgorod Governor Gladkov", "the President of
  Ukraine", "the Head of the Kharkiv Region"): the roles say whether it is an actor;
* ``"facility"`` - a facility named after the place follows ("the Kremenchuk oil
  refinery", "the Kursk Nuclear Power Plant"): where the facility is, the place.

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

import functools
import re
from collections.abc import Callable

from geonews.context import WAR_COUNTRIES, WAR_REGION
from geonews.mentions.document import capitalised
from geonews.mentions.entities import (
    facility_after,
    has_thing_words,
    institution_of,
    org_after,
    thing_next_to,
    title_after,
    treaty_after,
)
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
    GEO_HEADS as _GEO_HEADS,
)
from geonews.mentions.lexicon import (
    ORG_WORDS as _ORG_WORDS,
)
from geonews.mentions.lexicon import (
    PLACE_NOUNS as _PLACE_NOUNS,
)
from geonews.mentions.lexicon import (
    PLACE_PREPOSITIONS as _PLACE_PREPOSITIONS,
)
from geonews.mentions.lexicon import (
    REGION_WORDS as _REGION_WORDS,
)
from geonews.mentions.lexicon import (
    SETTLEMENT_WORDS as _SETTLEMENT_WORDS,
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
from geonews.mentions.lexicon import (
    is_english_word as _is_english_word,
)
from geonews.places.names import key
from geonews.places.resolver import Resolver

__all__ = ["COUNTIES", "LISTED", "MIN_NAME_LENGTH", "Screen", "county_list_at"]

#: Titles that are common nouns when capitalised ("Circular Head"): only in lower case.
_LOWER_TITLES = frozenset({"head"})
#: Shortest mixed-case word read as a name on its own or as a person's (shorter: "Mt", "Co").
MIN_NAME_LENGTH = 3
#: Longest capitals read as an acronym unless they name a country or region ("US", "UAE").
_MAX_ACRONYM = 3
#: Longest capitalised word before a full stop read as an abbreviated title ("Sen.", "Gov.").
_MAX_ABBREVIATION = 5
#: Shortest AP state abbreviation read as the state without a comma before it ("Calif.",
#: "Miss."; "Ga." and "Ind." only as in "Gainesville, Ga.").
_MIN_AP_STATE = 4
#: How many distinct well-known names of the war's countries make a text one about the
#: war (:meth:`Screen.about_the_war`).
_WAR_NAMES = 2
_WAR_CITY = 50_000
_WAR_NAME_LENGTH = 4
#: Cues whose form alone places the name: the region's or river's key is looked up.
_CUED_PLACES = frozenset({"region", "river", "district", "airbase"})
#: A city of at least this many people is prominent: not a common word, not a person's name.
_MAJOR_POPULATION = 100_000
#: How many of a name's likeliest places are asked whether one is prominent or exact.
_LIKELY_SENSES = 5
#: Name keys whose likeliest places the screen remembers.
_SENSES_CACHE = 100_000
#: Verbs of taking and striking that make the name right after them a place ("captured
#: Robotyne", "shelled Kanal"): a cue for a name only an installed gazetteer knows.
_ACTION_VERBS = frozenset(
    {
        "attacked", "bombed", "captured", "encircled", "entered", "hit", "liberated",
        "reached", "recaptured", "retook", "seized", "shelled", "stormed", "struck", "took",
    }
)  # fmt: skip
#: Nouns before "of" that place a minor name, on top of the settlement words ("in the
#: areas of Robotyne", "on the outskirts of Kanal").
_AREA_NOUNS = frozenset({"area", "areas", "outskirts", "vicinity", "direction", "directions"})
#: Names a list may run back over to the cue that opens it ("near A, B, C and D").
_LIST_MAX = 12

#: A contraction's ending ("We've", "Isn't"): such a word names no place.
_CONTRACTION = re.compile(r"['’](?:ve|re|ll|d|t|m)$", re.I)
#: Shortest word ending in -ing read as a gerund, not a given name ("Capturing"; "Ming").
_MIN_GERUND = 6
#: What may stand between a name and its other name in brackets: "Vuhledar (Ugledar)",
#: "Vuhledar (Russian: Ugledar)", "Bakhmut (formerly Artemovsk)", "Toretsk (Ukrainian
#: name; Russian: Dzerzhinsk)" is too much.
_BRACKET = re.compile(
    r"[ \t]{0,2}\([ \t]{0,2}(?:(?:in[ \t])?(?:Russian|Ukrainian|Belarusian|Crimean Tatar|"
    r"Tatar|Soviet-era|Soviet|also known as|known as|also|formerly|former|now|or|aka|"
    r"previously|renamed|since|until|before)[ \t]{0,2}(?:\d{4}[ \t]{0,2})?[:,]?[ \t]{0,2})?"
)
#: What may follow the bracketed name: its region word, then the bracket's end or the
#: next name ("(Ukrainian: Вугледар, Russian: Угледар)").
_BRACKET_END = re.compile(r"(?:[ \t](?:region|oblast|province|Region|Oblast|Province))?[),;]")
#: Characters after a name within which its bracketed other name must start.
_BRACKET_WINDOW = 40
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
        #: A name key's likeliest places, best first (cached: screening asks often).
        self.senses = functools.lru_cache(maxsize=_SENSES_CACHE)(
            lambda k: tuple(resolver.candidates(k, limit=_LIKELY_SENSES))
        )

    def __repr__(self) -> str:
        return f"Screen({self.resolver!r})"

    def is_major(self, k: str) -> bool:
        """A country, region or city of _MAJOR_POPULATION people: too prominent to be a word."""
        top = self.senses(k)[:1]
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
            and not p.raw.get("installed")  # an installed gazetteer's hill or dam: minor
            for p in self.senses(k)
        )

    def about_the_war(self, names) -> bool:
        """Whether the text names at least two well-known places of Ukraine or Russia.

        ``names`` are the candidate names as ``(i, j, span)``.  Well-known: the countries,
        their regions and their cities of :data:`_WAR_CITY` people, by their own name, not a
        given name or a short word ("Kharkiv", "Moscow"; not "Linda" or "Tara").  Such a
        text is read in the war's context: a small town elsewhere named like an English word
        needs a cue, and two names side by side are one name.
        """
        seen: set[str] = set()
        for _, _, sp in names:
            if sp.key in seen or len(sp.key) < _WAR_NAME_LENGTH or sp.key in _FIRST_NAMES:
                continue
            top = self.senses(sp.key)[:1]
            if (
                top
                and top[0].country in WAR_COUNTRIES
                and top[0].matched == "name"
                and (top[0].kind in ("country", "region") or top[0].population >= _WAR_CITY)
            ):
                seen.add(sp.key)
                if len(seen) >= _WAR_NAMES:
                    return True
        return False

    def _only_by_other_name_abroad(self, k: str) -> bool:
        """Whether the name reaches only small towns abroad, and by another of their names.

        Abroad: outside Ukraine, Russia and the war region; another name: an alternate name
        or a spelling step, not the town's own.
        """
        senses = self.senses(k)
        return bool(senses) and all(
            p.kind == "settlement"
            and p.matched != "name"
            and p.population < _MAJOR_POPULATION
            and p.country not in WAR_COUNTRIES
            and (p.lat, p.lon) not in WAR_REGION
            for p in senses
        )

    def _in_war_region(self, k: str) -> bool:
        """Any of the name's likelier places lies where the war's places lie."""
        return any((p.lat, p.lon) in WAR_REGION for p in self.senses(k))

    def minor(self, k: str) -> bool:
        """The name's likeliest place comes from an installed gazetteer, not the embedded one.

        Such a place (a village of a GeoNames country dump, a site of a user's list) is
        recognised only with a cue (:meth:`minor_cued`).  Always false with nothing
        installed.
        """
        if not self.resolver.gazetteer.has_installed:
            return False  # no name to look up
        top = self.senses(k)[:1]
        return bool(top) and bool(top[0].raw.get("installed"))

    def minor_cued(self, text, words, i, j) -> bool:
        """A cue that the words ``i:j`` name a place, strong enough for a minor name.

        The place cues of :meth:`_place_cue` ("near Mayak", "Mayak, Chernihiv region"),
        a settlement or area noun before it ("the village of Mayak", "the areas of
        Mayak"), a place noun after it ("the Mayak direction"), an admin hint after it
        ("Mayak in the Kharkiv region", "Mayak (Kharkiv Oblast)", "Mayak, Donetsk"), a
        verb of taking or striking before it ("captured Mayak"), or such a cue at the
        head of the list the name is in ("near Robotyne, Verbove and Mayak").
        """
        head = _list_head(text, words, i)
        return any(self._minor_cue(text, words, a, b) for a, b in {(i, j), (head, head + 1)})

    def _minor_cue(self, text, words, i, j) -> bool:
        prev = words[i - 1][2] if i else ""
        if prev in _ACTION_VERBS and text[words[i - 1][1] : words[i][0]] == " ":
            return True
        if prev in ("of", "Of") and i >= 2:
            noun = words[i - 2][2].lower()
            if noun in _SETTLEMENT_WORDS or noun in _AREA_NOUNS:
                return True
        nxt = words[j][2].lower() if j < len(words) else ""
        if nxt in _PLACE_NOUNS and text[words[j - 1][1] : words[j][0]] == " ":
            return True
        return self._place_cue(text, words, i, j) or self._admin_after(text, words, j)

    def _admin_after(self, text, words, j) -> bool:
        """A region or country right after a name: ", Donetsk", " in the Kherson region"."""
        return self._admin_word_after(text, words, j) is not None

    def _admin_word_after(self, text, words, j) -> str | None:
        """The region or country word right after a name, when one follows it."""
        n = len(words)
        if j >= n:
            return None
        gap = text[words[j - 1][1] : words[j][0]]
        m = j
        if gap == " " and words[m][2] == "in":
            m += 1
            if m < n and words[m][2] == "the":
                m += 1
        elif gap not in (", ", " (", ", in "):
            return None
        if m >= n or not capitalised(words[m][2]):
            return None
        word = words[m][2]
        if m + 1 < n and words[m + 1][2].lower() in _REGION_WORDS:
            return word  # "in the Kherson region", "(Kherson Oblast)"
        if any(p.kind in ("region", "country") for p in self.senses(key(word))):
            return word
        return None

    def minor_elsewhere(self, text, words, i, j) -> bool:
        """A minor name the text puts in a region where no place of that name is.

        "Sokil in the Kherson region" when the installed Sokils are all elsewhere: the
        likeliest place would be a wrong one, so the name is left out.  A country after
        the name ("Sokil, Ukraine") is no such hint.
        """
        word = self._admin_word_after(text, words, j)
        if word is None or any(p.kind == "country" for p in self.senses(key(word))[:1]):
            return False
        name = key(" ".join(w[2] for w in words[i:j]))
        top = self.resolver.candidates(name, region=word, limit=1)
        return bool(top) and key(top[0].admin1 or "") != key(word)

    def persons(self, words, lower_words=frozenset()) -> dict[str, bool]:
        """People the text names, by surname key; the value says whether the evidence is firm.

        Firm: a title or a known given name before the word ("Sen. Byrd", "Andrew Jackson").
        Weak: a capitalised word we do not know before it ("Phil Hartley"), or a verb of
        saying right after it ("Dyer said"); weak evidence yields to a place cue and to a
        prominent place (see :meth:`keep`).
        """
        out: dict[str, bool] = {}
        n = len(words)
        caps = [w[:1].isupper() for _, _, w in words]
        # every test below wants a capitalised first word: the others are skipped at once
        for a in [a for a in range(n - 1) if caps[a]]:
            w0, w1 = words[a][2], words[a + 1][2]
            gap = words[a + 1][0] - words[a][1]
            if w1 in _SPEECH_VERBS and gap == 1 and len(w0) >= MIN_NAME_LENGTH:
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
            if len(w0) == 1 and gap == 2 and caps[a + 1]:
                # "Robert C. Byrd", unless the pair is a place ("W. Va.")
                if not self.has_key(key(f"{w0}. {w1}")):
                    out[key(w1)] = True
                continue
            if not caps[a + 1] or gap != 1:
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
                and _may_be_given_name(w0)  # not "Capturing Vovchansk", "Russian-held Kherson"
                and not self.has_key(key(w0))
                and not self.has_key(key(f"{w0} {w1}"))
                and (a + 2 >= n or not capitalised(words[a + 2][2]))
            ):
                out.setdefault(key(w1), False)  # "Phil Hartley": a given name we do not know
        return out

    def placed(self, text, words, names, persons=None, lower_words=None) -> frozenset[str]:
        """Name keys the text itself cues as places somewhere: weak evidence yields to them.

        ``names`` are the candidate names as ``(i, j, span)``, the words ``i:j``.  A name is
        placed when one of its mentions has a place cue (:meth:`_place_cue`: "in
        Vovchansk"), follows a settlement noun ("the town of Vovchansk") or comes before a
        place noun ("the Vovchansk direction"), or when the text gives it with its other
        name in brackets, in either order ("Vuhledar (Russian: Ugledar)", "Dzerzhinsk
        (Toretsk)": both are placed) or with its region or country ("Pivdenne (Kharkiv
        region)").  Every later mention of a placed name keeps it (see :meth:`keep`).

        Given ``persons`` and ``lower_words`` (as for :meth:`keep`), only the names a veto
        that yields to placing could drop are looked at: the named people, the words also
        written in lower case, sentence openers, English words.
        """
        out: set[str] = set()
        by_start = {sp.start: sp for _, _, sp in names}
        vetoed = None
        if persons is not None and lower_words is not None:
            vetoed = {
                sp.key
                for i, j, sp in names
                if j - i == 1
                and (
                    sp.key in persons
                    or sp.sentence_start
                    or sp.text.lower() in lower_words
                    or _is_english_word(sp.text)
                    or self.minor(sp.key)
                )
            }
        for i, j, sp in names:
            if sp.key in out:
                continue
            # only one-word names need placing: the vetoes that yield to it are theirs
            if (
                (j - i == 1 or sp.cue in _CUED_PLACES)
                and (vetoed is None or sp.key in vetoed or key(sp.text) in vetoed)
                and (
                    self._placed_here(text, words, i, j, sp)
                    or (self.minor(sp.key) and self.minor_cued(text, words, i, j))
                )
            ):
                out.update((key(sp.text), sp.key))
                continue
            if "(" not in text[sp.end : sp.end + 3]:
                continue
            base = key(sp.text)
            bracket = _BRACKET.match(text, sp.end, sp.end + _BRACKET_WINDOW)
            other = by_start.get(bracket.end()) if bracket else None
            if other is None or not _BRACKET_END.match(text, other.end, other.end + 20):
                continue
            if self._same_place(sp.key, other.key):
                out.update((base, sp.key, key(other.text), other.key))
            elif self._is_container(other.key):
                out.update((base, sp.key))
        return frozenset(out)

    def _placed_here(self, text, words, i, j, sp) -> bool:
        if sp.cue in _CUED_PLACES:
            return True
        prev = words[i - 1][2] if i else ""
        if prev in ("of", "Of") and i >= 2 and words[i - 2][2].lower() in _SETTLEMENT_WORDS:
            return True  # "the town of Vovchansk"
        # "the Vovchansk direction", but not "the New Concord Reservoir area": the whole
        # capitalised run must be the name
        nxt = words[j][2].lower() if j < len(words) else ""
        if (
            nxt in _PLACE_NOUNS
            and text[words[j - 1][1] : words[j][0]] == " "
            and not (capitalised(prev) and text[words[i - 1][1] : sp.start] == " ")
        ):
            return True
        return self._place_cue(text, words, i, j)

    def _same_place(self, k1: str, k2: str) -> bool:
        ids = {p.id for p in self.senses(k1)}
        return any(p.id in ids for p in self.senses(k2))

    def _is_container(self, k: str) -> bool:
        top = self.senses(k)[:1]
        return bool(top) and top[0].kind in ("country", "region")

    def _may_be_thing_name(self, text, words, i, j, span, placed, things) -> bool:
        """False when the one-word name at ``i:j`` names a treaty, ship, weapon or unit.

        A treaty named after a place that is no country ("the Montreux Convention", "the
        Minsk agreements"); for a name reached only through an alternate name, a ship,
        weapon, model or unit noun next to it ("Neptune missiles", "the Moskva cruiser",
        "Rossiya-24") or elsewhere in the text (:meth:`things`), or its being an English
        word with no place cue ("Artillery craters"); for a small place, a model number or
        a unit ("Magura V5", "the Azov regiment").
        """
        k = span.key
        nouns = things is not None  # the text has words that make names things
        treaty = nouns and treaty_after(text, span.end)
        thing = thing_next_to(text, span.start, span.end) if nouns else None
        things = things or frozenset()
        if not (treaty or thing or k in things or _is_english_word(span.text)):
            return True  # nothing says it is a thing: no need to look the name up
        top = self.senses(k)[:1]
        if not top or (top[0].kind != "country" and treaty):
            return not top
        alt = top[0].matched == "alt"
        if not alt and self._prominent(k, span.text):
            return True  # "Kyiv drones": the city's
        if thing == "model":
            return False  # "Rossiya-24", "Magura V5"
        if top[0].kind in ("country", "region", "continent"):
            return True  # "U.S. drones", "UK jets": the country's
        if thing == "unit" or (alt and thing is not None):
            return False
        if not alt or k in placed or self._place_cue(text, words, i, j):
            return True
        if facility_after(text, span.end):
            return True  # "Dulles International Airport": a place, what the name's other use
        if k in things:
            return False
        # an alternate name that is an English word is the word ("Artillery craters"); for
        # a city's other name, only a common word is ("Medina", "Roma"; not "Soul")
        big = top[0].population >= _MAJOR_POPULATION
        return not (_is_common_word(span.text) if big else _is_english_word(span.text))

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
            top = self.senses(key(nxt))[:1] if capitalised(nxt) else ()
            return bool(top) and top[0].kind == "region"
        return False

    def things(self, text, names) -> frozenset[str] | None:
        """Names the text uses somewhere as a ship, weapon, model or unit.

        Only names that reach a place through an alternate name alone ("the Moskva missile
        cruiser"): the text's other bare mentions of them are the thing too ("Moskva sank").
        ``names`` are the candidate names as ``(i, j, span)``, the words ``i:j``.  None
        when the text has no word that makes any name a thing (then :meth:`keep` skips
        those checks).
        """
        if not has_thing_words(text):
            return None
        return frozenset(
            sp.key
            for i, j, sp in names
            if j - i == 1
            and thing_next_to(text, sp.start, sp.end) is not None
            and self._alt_only(sp.key)
        )

    def _alt_only(self, k: str) -> bool:
        """The name's likeliest place is reached only through one of its alternate names."""
        top = self.senses(k)[:1]
        return bool(top) and top[0].matched == "alt"

    def keep(
        self,
        text,
        words,
        i,
        j,
        span,
        lower_words,
        persons=None,
        *,
        placed=frozenset(),
        things=frozenset(),
        war=False,
    ) -> bool:
        """Whether ``span``, the words ``i:j`` of ``text``, names a place there.

        ``lower_words`` are the words the text writes in lower case, ``persons`` what
        :meth:`persons` found, ``placed`` the names the text cues as places somewhere
        (:meth:`placed`): for those, weak person evidence, a lower-case use elsewhere and
        a capitalised opener do not count; ``things`` the names it uses as ships or
        weapons (:meth:`things`); ``war`` whether the text is about the war
        (:meth:`about_the_war`).  A kept span gets the cue its neighbours give it
        ("org", "title", "facility": see the module's docstring).
        """
        if not self._keep(text, words, i, j, span, lower_words, persons, placed, war):
            return False
        # last, as it looks the name up: most names the other rules drop need no look-up
        if not (
            j - i != 1
            or span.cue in _CUED_PLACES
            or self._may_be_thing_name(text, words, i, j, span, placed, things)
        ):
            return False
        if (
            war
            and span.cue is None
            and _QUOTES.get(text[span.start - 1 : span.start]) == text[span.end : span.end + 1]
            and not self._prominent(span.key, span.text)
            and not self._in_war_region(span.key)
        ):
            # in war reporting, 'the "Mont Blanc" business centre': a building's, a
            # company's or an operation's name, not the place abroad of that name: kept,
            # unresolved (an encyclopaedia's '"Saint Anne" in Spanish' is another use)
            span.cue = "quoted"
        return True

    def _keep(self, text, words, i, j, span, lower_words, persons, placed, war) -> bool:
        k = span.key
        if _CONTRACTION.search(span.text) or (j - i == 1 and (k in _FIRST_NAMES or k in _SURNAMES)):
            return False
        if j - i == 1 and persons and k in persons:
            # a person elsewhere in the text: this bare word is the person too, unless the
            # evidence is weak and the place is prominent, not a town ("Kremlin said") or
            # cued here ("in Dyer")
            top = self.senses(k)[:1]
            town = (
                bool(top) and top[0].kind == "settlement" and top[0].population < _MAJOR_POPULATION
            )
            # a name the text places elsewhere stays a place, save where it speaks itself
            # ("Jordan Dyer said ... in Dyer, Ind.")
            weak = k not in placed or (
                j < len(words) and words[j][2] in _SPEECH_VERBS and words[j][0] == span.end + 1
            )
            if persons[k] or (town and weak and not self._place_cue(text, words, i, j)):
                return False
        single = j - i == 1 or (span.cue == "region" and j - i == 2)
        if k in _STOP or (k.split(" ")[0] in ("the",) and len(k.split()) == 1):
            return False
        # a place inside an institution's name is no mention ("Armed Forces of Ukraine",
        # "the Black Sea Fleet"); an office's is ("President of Ukraine")
        office = institution_of(text, words, i)
        if office == "org" or org_after(text, span.end):
            return False
        if office == "title" and span.cue is None:
            span.cue = "title"
        if span.cue in _CUED_PLACES:
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
            and (
                prev.lower().rstrip(".") in _TITLES
                or prev.lower() in _FIRST_NAMES
                or prev in _LOWER_TITLES  # "regional head Fedorov", not "Circular Head Tasmania"
            )
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
            (single or all(_is_common_word(w[2]) for w in words[i:j]))
            and k not in placed
            and self.minor(k)
            and not self.minor_cued(text, words, i, j)
        ):
            return False  # "Mayak radio", "Kanal 5": only an installed gazetteer's village
        if single and self.minor(k) and self.minor_elsewhere(text, words, i, j):
            return False  # no place of the name in the region the text gives it
        if _in_byline(text, span.start):
            return False  # "By: Dim Amor": the writer, not a place
        if (
            single
            and war
            and not self.is_major(k)
            and _in_unknown_name(text, words, i, j, self.has_key)
        ):
            # "Mirnaya Dolina", "Russkoye Porechnoye": war reporting never sets two villages
            # side by side without a comma; the run is one name the gazetteer lacks, not its
            # parts (a local paper's "Flemington Elks" and "Tewksbury Twp." are another use)
            return False
        if (
            single
            and war
            and k not in placed
            and self._only_by_other_name_abroad(k)
            and not self._place_cue(text, words, i, j)
            and not facility_after(text, span.end)  # "Dulles Airport"
        ):
            # in war reporting, a word that reaches only a small town abroad, and that by
            # another of its names ("Makei" for Mackay, Queensland), is a person or a word
            return False
        if (
            single
            and war
            and k not in placed
            and (span.sentence_start or _after_capitalised_word(text, words, i))
            and _is_english_word(span.text)
            and not self._prominent(k, span.text)
            and not self._in_war_region(k)
            and not self._place_cue(text, words, i, j)
        ):
            # in a text about the war, "Marines dug in", "Sweet Pea", "Drone Warfare Sparks
            # Fire": where capitals are no evidence of a name, an English word needs a place
            # cue, a prominent place or a place where the war is ("Lyman is 100 miles south
            # of Kharkiv"); a local paper's "Decatur police said" keeps its town
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
        # a facility named after the place is the place's ("the Kerch bridge", "the Kursk
        # Nuclear Power Plant"), and so is its office's title ("Belgorod Governor Gladkov")
        if span.cue is None and facility_after(text, span.end):
            span.cue = "facility"
            return True
        if span.cue is None and title_after(text, span.end):
            span.cue = "title"
            return True
        # organisations named after a place ("Kyiv Post", "Ohio State University")
        # keep the mention; the role rules make it an actor, not a place of activity
        if nxt and next_gap.strip() == "" and capitalised(nxt) and nxt.lower() in _ORG_WORDS:
            span.cue = "org"
            return True
        # a capitalised run that goes on with words that are not places ("Georgia Bureau of
        # Investigation", "U.S. Attorney"): the place stands for an institution
        if (
            span.cue is None
            and nxt
            and next_gap == " "
            and capitalised(nxt)
            and nxt.lower() not in _REGION_WORDS
            and not self.has_key(key(nxt))
            and nxt.lower() not in _STOP
        ):
            span.cue = "org"
        if single and span.text.lower() in lower_words and k not in placed and not self.is_major(k):
            return False  # written lower-case elsewhere in the text: a common word
        if (
            single
            and span.sentence_start
            and nxt
            and next_gap == " "
            and capitalised(nxt)
            and self.has_key(key(nxt))
            and k not in placed
            and not self.is_major(k)
        ):
            return False  # "Yet Kiev is...": a capitalised opener before the real name
        if span.text.endswith(".") and k in _AP_STATES:
            # "Gainesville, Ga.": AP style puts the state after a comma; elsewhere "Miss."
            # and "Ind." are more often a title or a word cut short
            return prev_gap.strip() == "," or len(k) >= _MIN_AP_STATE
        if single and span.text.isupper() and len(k) <= _MAX_ACRONYM:
            # short capitals are acronyms unless they name a country or region (US, UAE, DPR)
            top = self.senses(k)[:1]
            # dotted forms are abbreviations of names, not acronyms: "D.C.", "L.A."
            dotted = "." in span.text and self.is_major(k)
            return bool(top) and (top[0].kind in ("country", "region") or dotted)
        if single and span.text.isupper() and "." not in span.text:
            # longer capitals ("AMLO", "AMEL") are acronyms unless they name a country or
            # region (DPRK) or a place has that very name ("KYIV", "TORNADO" in a headline),
            # not just an alternate spelling of it
            return any(
                p.matched != "alt" or p.kind in ("country", "region") for p in self.senses(k)
            )
        return not (single and len(k) < MIN_NAME_LENGTH and not span.text.isupper())


def _list_head(text: str, words, i: int) -> int:
    """The first word of the list of capitalised names the word ``i`` is in ("near A, B and C").

    Steps back over ", ", " and ", " or " and the words of a name ("Nova Kakhovka").
    """
    k = i
    for _ in range(_LIST_MAX):
        if k < 1 or not capitalised(words[k - 1][2]):
            if (
                k >= 2
                and words[k - 1][2] in ("and", "or")
                and capitalised(words[k - 2][2])
                and text[words[k - 2][1] : words[k - 1][0]] in (" ", ", ")
            ):
                k -= 2
                continue
            break
        if text[words[k - 1][1] : words[k][0]] not in (", ", " "):
            break
        k -= 1
    return k


#: A hyphen before a lower-case part: a compound adjective, not a name ("Russian-held").
_LOWER_PART = re.compile(r"[-‑–][a-z]")
#: A line that is a byline: "By", then only capitalised names ("By: Dim Amor", "• By Anna
#: Kyiv and Petro Lviv | Reuters").
_BYLINE = re.compile(
    r"[^\S\n]*(?:[•·|–—-][^\S\n]*)?By:?[^\S\n]+"
    r"(?:[A-Z][\w'’.-]*(?:[^\S\n]+|,[^\S\n]*|[^\S\n]+and[^\S\n]+|[^\S\n]*\|[^\S\n]*))*"
    r"[A-Z][\w'’.-]*[^\S\n]*$"
)
#: Quotation marks around a whole name (opening mark -> its closing mark): a company's, a
#: building's or an operation's, not a town abroad.
_QUOTES = {'"': '"', "“": "”", "«": "»", "„": "“"}
#: Longest line read as a byline.
_BYLINE_REACH = 80
#: A word that may stand next to a name in one run and be a name of its own: capitalised
#: letters only (not "Russian-occupied", not "NPP").
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:['’][a-z]+)?")


def _in_byline(text: str, start: int) -> bool:
    """Whether ``start`` is inside a byline line ("By: Dim Amor"), read at most a short line."""
    head = text.rfind("\n", max(0, start - _BYLINE_REACH), start) + 1
    if head == 0 and start > _BYLINE_REACH:
        return False
    if "By" not in text[head:start]:
        return False
    end = text.find("\n", start, head + _BYLINE_REACH + 1)
    if end < 0:
        end = len(text)
        if end - head > _BYLINE_REACH:
            return False
    return _BYLINE.match(text, head, end) is not None


def _in_unknown_name(text: str, words, i: int, j: int, has_key) -> bool:
    """Whether the one-word name ``i`` stands in a run of names the gazetteer lacks whole.

    The word before or after it, with one space between, is a capitalised word that is
    neither English nor a region, office or organisation word, nor the start of a name the
    gazetteer knows with it ("Mirnaya Dolina": known as neither whole nor "Dolina Mirnaya").
    """
    if _is_english_word(words[i][2]):
        return False
    for a, b in ((i - 1, i), (j - 1, j)):
        if a < 0 or b >= len(words) or text[words[a][1] : words[b][0]] != " ":
            continue
        other = words[a if b == i else b][2]
        low = other.lower()
        if (
            _NAME_WORD.fullmatch(other)
            and not _is_english_word(other)
            and low not in _REGION_WORDS
            and low not in _ORG_WORDS
            and low not in _TITLES
            and low not in _FIRST_NAMES
            and low not in _SURNAMES
            and low not in _STOP
            and not has_key(key(f"{words[a][2]} {words[b][2]}"))
        ):
            return True
    return False


def _after_capitalised_word(text: str, words, i: int) -> bool:
    """Whether the word ``i`` goes on a run of capitalised English words ("Sweet Pea").

    In such a run (a headline in title case, a nickname, a weapon's name) the capital of
    the word is the run's, not evidence that the word is a name.
    """
    if i < 1 or text[words[i - 1][1] : words[i][0]] != " ":
        return False
    prev = words[i - 1][2]
    return capitalised(prev) and not prev.isupper() and _is_english_word(prev)


def _may_be_given_name(word: str) -> bool:
    """Whether a capitalised word we do not know may be a given name before a surname.

    Not a gerund ("Capturing Vovchansk would be ..."), a geographic head ("Cape
    Tarkhankut", "Lake Ladoga") or a compound adjective ("Russian-occupied Kherson",
    "Kremlin-backed Donetsk"; "Jean-Pierre" may be).  (A common word may be one: Robin,
    Max, Charlie.)
    """
    low = word.lower()
    return not (
        low in _GEO_HEADS
        or (len(low) >= _MIN_GERUND and low.endswith("ing"))
        or _LOWER_PART.search(word) is not None
    )


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
