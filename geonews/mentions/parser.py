"""Find and resolve every place a news text names: the :class:`Geoparser`.

Recognition needs no model: the gazetteer and the alias table drive candidate spans
(longest match over capitalised word runs, Cyrillic words, abbreviations such as U.S. and
UAE), and rules keep out what is not a place — common words that are also place names
(Much, Nice, Reading), people and their titles, organisations named after places (the Kyiv
Independent), demonyms (Ukrainian, European).  Region forms ("the Donetsk region",
"Donetsk and Luhansk regions", "Donetsk Oblast"), directions ("eastern Ukraine"),
possessives ("Kyiv's") and hyphenated pairs ("Pokrovsk-Myrnohrad") are handled.

Resolution is joint over the document: the countries and regions the text names, explicit
admin hints ("Myrnohrad in the Donetsk region", "Pokrovsk, Ukraine"), spatial coherence
and the resolver's priors.  One surface form gets one resolution per document.  Each
mention gets a role: ``literal`` or ``metonym`` (see :mod:`geonews.mentions.roles`).

Examples
--------
>>> text = "Clashes continued in Pokrovsk, which Moscow calls Krasnoarmeysk."
>>> for m in geoparse(text):
...     print(m.text, "->", m.place.name, m.role)
Pokrovsk -> Pokrovsk literal
Moscow -> Moscow metonym
Krasnoarmeysk -> Pokrovsk literal
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from geonews.dates import as_date
from geonews.errors import InvalidInput
from geonews.mentions.lexicon import (
    AP_STATES as _AP_STATES,
)
from geonews.mentions.lexicon import (
    CONNECTORS as _CONNECTORS,
)
from geonews.mentions.lexicon import (
    DIRECTIONS as _DIRECTIONS,
)
from geonews.mentions.lexicon import (
    FACILITY_WORDS as _FACILITY_WORDS,
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
from geonews.mentions.mention import Mention
from geonews.mentions.roles import role_of
from geonews.places import Place, haversine_km
from geonews.places.names import key
from geonews.places.resolver import CountryBias, Resolver

__all__ = ["MAX_TEXT_LENGTH", "Geoparser", "geoparse"]

# -- recognition: what counts as a name --------------------------------------------------
#: Longest place name tried, in words ("Bosnia and Herzegovina", "Saint Vincent and the ...").
_MAX_NAME_WORDS = 6
#: Most lower-case facility words a known facility's name runs on with ("Donetsk airport").
_MAX_FACILITY_WORDS = 3
#: Characters before a span searched for the end of a sentence (". ", '."', a line break).
_OPENER_LOOKBACK = 4
#: Shortest mixed-case word read as a name on its own or as a person's (shorter: "Mt", "Co").
_MIN_NAME_LENGTH = 3
#: Shortest lower-case hashtag read as a place ("#kyiv"; "#us" and "#eu" stay words).
_MIN_HASHTAG_LENGTH = 4
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

# -- disambiguation: how the document chooses ---------------------------------------------
#: Places considered for each name, the resolver's best first.
_CANDIDATES = 60
#: Largest lift the document context can give a candidate (country, region, distance); a
#: candidate further than this below the best is not rescored.
_WINDOW = 8.0
#: Most that the text's evidence for a place's region lifts it (scaled by shares below).
_REGION_LIFT = 4.0
#: Most that the text's evidence for a country (or a region) counts towards one place.
_COUNTRY_CAP = 2.0
_REGION_CAP = 2.0
#: Region evidence at or below this lifts nothing (one nearly tied town gives 0.4).
_REGION_MIN = 0.5
#: A share's lift starts at this much, so a named country or region lifts its places even
#: when the text mostly speaks of others (the lift is ``_SHARE_FLOOR + share``).
_SHARE_FLOOR = 0.5
#: Lift of a place inside the region or country named right after it ("Myrnohrad in the
#: Donetsk region", "Pokrovsk, Ukraine").
_HINT_LIFT = 4.0
#: Longest gap, in characters, between a place and the region or country named after it.
_HINT_GAP = 12
#: Evidence for the war's countries that keeps their prior whatever else the text names.
_WAR_EVIDENCE = 1.0
#: Evidence for other countries from which on the war prior yields (with too little war).
_OTHER_EVIDENCE = 2.0
#: Evidence a name gives for its country and region: read as a country or region, as a
#: place whose best sense leads by more than _SURE_MARGIN, or as one nearly tied.
_ADMIN_WEIGHT = 2.0
_SURE_WEIGHT = 1.0
_UNSURE_WEIGHT = 0.4
#: Lead of a name's best sense over its second from which on the sense is trusted.
_SURE_MARGIN = 1.0
#: A name written n times weighs n to this power: repetition counts, less and less.
_REPEAT_POWER = 0.5
#: Lead of a name with no rival: one candidate only, or chosen by the first pass.
_CERTAIN_MARGIN = 9.0
#: Score gap taken for a name with one candidate left (a confidence of 0.993).
_LONE_GAP = 5.0
#: Penalty of a town far from the text's centre: weight * log(1 + km / _DISTANCE_KM).
_DISTANCE_WEIGHT = 0.5
_DISTANCE_KM = 300.0
#: Weight of spatial coherence: support from the other names' nearby senses.
_COHERENCE = 1.0
#: Distance within which another name's sense supports a sense (closeness falls to 0 there).
_COHERENCE_KM = 150.0
#: Senses this far below a name's best one are not plausible enough to vote or be voted for.
_COHERENCE_WINDOW = 4.0
#: Most senses of one name looked at for coherence.
_COHERENCE_SENSES = 30
#: Most support coherence can give one sense.
_COHERENCE_CAP = 3.0
#: Names of a text looked at for coherence (the work grows with the square of it).
_COHERENCE_NAMES = 300
#: Closeness of two senses in the same first-level region, whatever the distance.
_SAME_REGION = 0.3
#: A bare name read as a town at least this big is not the short form of a county's name.
_LOCAL_POPULATION = 100_000
#: Lift of a sea, river or area for a name written after "the".
_ARTICLE = 3.0
#: Characters before a name searched for "the" and the adjectives after it.
_ARTICLE_LOOKBACK = 40
#: Most adjectives between "the" and the name ("the eastern tropical Pacific").
_ARTICLE_ADJECTIVES = 3
#: Share of a name's mentions written after "the" from which on it takes the article.
_ARTICLED_SHARE = 0.5
#: Runner-up places kept on a mention.
_RUNNERS_UP = 3
#: Decimals of a mention's score and confidence.
_DIGITS = 4

# -- caches -------------------------------------------------------------------------------
#: Name keys remembered as known or unknown to the gazetteer.
_KEY_CACHE = 200_000
#: States remembered with their centre point (for counties placed there).
_STATE_CACHE = 1024
#: Distance penalties remembered (pairs of points).
_PENALTY_CACHE = 65536
#: Geoparsers remembered for the country_bias values geoparse() was called with.
_PARSER_CACHE = 16

#: Longest text accepted (characters); split longer documents.
MAX_TEXT_LENGTH = 2_000_000

_WORD = re.compile(r"(?:[A-Z][a-z]?\.){2,}|[^\W\d_][^\W_]*(?:['’ʼ\-‑][^\W\d_][^\W_]*)*", re.UNICODE)
_PUNCT = re.compile(r"[.,;:!?()\"“”\n]")
_CONTRACTION = re.compile(r"['’](?:ve|re|ll|d|t|m)$", re.I)
_POSSESSIVE = re.compile(r"['’]s$")
_SENTENCE_END = re.compile(r"[.!?]\s*[\"”’)]*\s*$|^\s*$|[\n:;]\s*[\"“‘(]?\s*$")


@dataclasses.dataclass
class _Span:
    start: int
    end: int
    text: str
    key: str
    cue: str | None = None  # "region", "direction", "hint"
    sentence_start: bool = False
    part_key: str | None = None  # "eastern Ukraine": key = "ukraine", part_key the area's


class Geoparser:
    """Text to resolved, role-tagged toponym mentions; holds the resolver for reuse.

    Parameters
    ----------
    resolver : Resolver, optional
        Gazetteer, aliases and context; by default the war-in-Ukraine context.
    country_bias : str, mapping or None
        Shortcut for ``Resolver(country_bias=...)`` when no resolver is given.
    nlp : spaCy Language, optional
        A loaded spaCy pipeline whose GPE/LOC/FAC entities add candidate spans.
        Not needed by default.

    Examples
    --------
    >>> gp = Geoparser()
    >>> docs = ["Russian troops advanced near Kupyansk.", "Talks are planned in Geneva."]
    >>> [[m.place.name for m in ms] for ms in gp.pipe(docs)]
    [['Kupiansk'], ['Geneva']]
    """

    def __init__(
        self,
        resolver: Resolver | None = None,
        *,
        country_bias: CountryBias = "war",
        nlp: Any = None,
    ):
        self.resolver = resolver or Resolver(country_bias=country_bias)
        self.gazetteer = self.resolver.gazetteer
        self.nlp = nlp
        user = self.resolver.user_aliases  # the user's own aliases are names in text too
        known = self.gazetteer.has_key
        self._has_key = functools.lru_cache(maxsize=_KEY_CACHE)(lambda k: k in user or known(k))
        self._state_point = functools.lru_cache(maxsize=_STATE_CACHE)(self._state_point_uncached)

    def _state_point_uncached(self, country, admin1_code) -> tuple[float, float] | None:
        state = self.gazetteer.region_of(country, admin1_code)
        return None if state is None else (state.lat, state.lon)

    def __repr__(self) -> str:
        return f"Geoparser({self.resolver!r})"

    # -- public ---------------------------------------------------------------------------
    def __call__(self, text: str, *, date: dt.date | str | None = None) -> list[Mention]:
        """Every toponym mention in ``text``, in order of appearance.

        Parameters
        ----------
        text : str
            An English news text (Cyrillic place names inside it are fine).
        date : date or str, optional
            The text's date; alias rows not yet valid then (e.g. a name given in 2024 read
            in a 2015 text) rank lower.

        Returns
        -------
        list of Mention
        """
        if not isinstance(text, str):
            raise InvalidInput(f"text must be a str, not {type(text).__name__}: {text!r:.80}")
        if len(text) > MAX_TEXT_LENGTH:
            raise InvalidInput(
                f"text is {len(text):,} characters long (at most {MAX_TEXT_LENGTH:,}); "
                f"split it: {text[:40]!r}..."
            )
        spans = self._recognise(text)
        return self._resolve(text, spans, as_date(date))

    def pipe(
        self, texts: Iterable[Any], *, as_tuples: bool = False, batch_size: int = 64
    ) -> Iterator[Any]:
        """Stream mentions for many texts, in input order.

        Parameters
        ----------
        texts : iterable
            Texts, or ``(text, context)`` pairs when ``as_tuples`` is true; a context that
            is a mapping with a ``"date"`` key passes that date on.
        as_tuples : bool
            Yield ``(mentions, context)`` pairs so ids and dates travel with results.
        batch_size : int
            How many texts to take from the input at a time (bounds memory on streams).

        Yields
        ------
        list of Mention, or (list of Mention, context)
        """
        if batch_size < 1:
            raise InvalidInput(f"batch_size must be at least 1: {batch_size!r}")
        batch: list[Any] = []
        for item in texts:
            batch.append(item)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch, as_tuples)
                batch = []
        yield from self._run_batch(batch, as_tuples)

    def _run_batch(self, batch: list[Any], as_tuples: bool) -> Iterator[Any]:
        for item in batch:
            if as_tuples:
                text, context = item
                date = context.get("date") if isinstance(context, dict) else None
                yield self(text, date=date), context
            else:
                yield self(item)

    # -- recognition ----------------------------------------------------------------------
    def _recognise(self, text: str) -> list[_Span]:
        words = []
        for m in _WORD.finditer(text):
            s, e, w = m.start(), m.end(), m.group()
            if text[e : e + 1] == "." and w.lower() in _AP_STATES and w[:1].isupper():
                e, w = e + 1, w + "."  # "Gainesville, Ga." - the full stop is part of it
            poss = _POSSESSIVE.search(w)
            if poss and len(w) > 2:
                e -= len(poss.group())
                w = w[: -len(poss.group())]
            words.append((s, e, w))
        lower_words = {w for _, _, w in words if w[:1].islower()}
        persons = self._persons(words, lower_words)
        spans: list[_Span] = []
        i, n = 0, len(words)
        while i < n:
            s, e, w = words[i]
            if not _capitalised(w):
                if text[s - 1 : s] == "#" and self._is_hashtag_place(w):
                    spans.append(_Span(s, e, w, key(w), cue="hashtag"))
                    i += 1
                    continue
                if w.lower() in _DIRECTIONS and i + 1 < n and _capitalised(words[i + 1][2]):
                    found = self._longest(text, words, i, n)
                    if found is not None and found[1] > i + 1:
                        spans.append(dataclasses.replace(found[0], cue="direction"))
                        i = found[1]
                        continue
                i += 1
                continue
            found = self._longest(text, words, i, n)
            if w in ("The", "the") and (found is None or found[1] == i + 1):
                i += 1  # "The Kremlin", "The UAE": the article is not part of the name
                continue
            if found is None:
                # a hyphenated pair such as "Pokrovsk-Myrnohrad": try its parts
                if "-" in w or "‑" in w:
                    spans.extend(self._hyphen_parts(text, s, w))
                i += 1
                continue
            span, j = self._city_of_institution(text, words, i, *found)
            if self._keep(text, words, i, j, span, lower_words, persons):
                spans.append(span)
                i = j
            else:
                i += 1
        if self.nlp is not None:
            spans = _merge(spans, self._ner_spans(text))
        return spans

    def _longest(self, text, words, i, n):
        best = None
        limit = min(n, i + _MAX_NAME_WORDS)
        for j in range(i + 1, limit + 1):
            last = words[j - 1][2]
            if j - 1 > i and not _capitalised(last):
                if last.lower() in _CONNECTORS:
                    continue
                break
            if not _capitalised(last):
                continue
            s, e = words[i][0], words[j - 1][1]
            gap = text[words[j - 2][1] : words[j - 1][0]] if j - 1 > i else ""
            if gap and _PUNCT.search(gap) and not (gap == ". " and _is_initial(words[j - 2][2])):
                break  # names do not run across punctuation, save "St. Petersburg", "W. Va."
            k = key(text[s:e])
            if k and self._has_key(k):
                best = (_Span(s, e, text[s:e], k), j)
        if best is None:
            return None
        best = self._facility(text, words, best, n)
        span, j = best
        # "the Donetsk region", "Donetsk and Luhansk regions": the name is the mention,
        # the place is the region
        # "the Zaporizhzhia front" is the front across the oblast, not the city
        follows_region = j < n and (
            words[j][2].lower() in _REGION_WORDS or words[j][2].lower() in ("front", "fronts")
        )
        if follows_region or _after_is_region_plural(text, span.end):
            rk = key(span.text + " region")
            if self._has_key(rk):
                span = dataclasses.replace(span, key=rk, cue="region")
        span.sentence_start = bool(
            _SENTENCE_END.search(text[max(0, span.start - _OPENER_LOOKBACK) : span.start])
        )
        if j - i > 1 and words[i][2].lower() in _DIRECTIONS:
            span = self._part_of(text, words[i + 1][0], span)
        return span, j

    def _city_of_institution(self, text, words, i, span, j):
        """Trim "City" from "Dublin City Council": the council is Dublin's.

        Not when "X City" is another place than X, as Kansas City is, or is the place's own
        name, as New York City is.
        """
        if (
            j - i < 2
            or words[j - 1][2] != "City"
            or j >= len(words)
            or not _capitalised(words[j][2])
            or text[words[j - 1][1] : words[j][0]] != " "
        ):
            return span, j
        end = words[j - 2][1]
        k = key(text[span.start : end])
        whole = self.resolver.candidates(span.key, limit=1)
        part = self.resolver.candidates(k, limit=1) if self._has_key(k) else []
        if not (whole and part and whole[0].id == part[0].id) or key(whole[0].name) == span.key:
            return span, j  # "Kansas City" is not Kansas; "New York City" is the city's name
        trimmed = _Span(span.start, end, text[span.start : end], k)
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
            if self._has_key(k):
                best = (
                    _Span(span.start, words[end][1], text[span.start : words[end][1]], k),
                    end + 1,
                )
        return best

    def _part_of(self, text: str, rest_start: int, span: _Span) -> _Span:
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

    def _hyphen_parts(self, text: str, start: int, word: str) -> list[_Span]:
        out, pos = [], start
        for part in re.split(r"[-‑]", word):
            k = key(part)
            long_enough = len(k) >= _MIN_NAME_LENGTH or (part.isupper() and len(k) == 2)
            if part[:1].isupper() and long_enough and k not in _STOP and self._has_key(k):
                out.append(_Span(pos, pos + len(part), part, k))
            pos += len(part) + 1
        names = [
            p
            for p in re.split(r"[-‑]", word)
            if p[:1].isupper()
            and not p.isupper()
            and len(p) >= _MIN_NAME_LENGTH
            and key(p) not in _STOP
        ]
        # "Pokrovsk-Myrnohrad", "Egyptian-US", "D-Charleston": every capitalised word part
        # is a place (or a demonym or an initialism); in "Holder-Wooloff" or "John-Paul"
        # one is not, and the whole is a person's name
        parts = [sp for sp in out if not sp.text.isupper()]
        if len(parts) < len(names):
            return []
        return out

    def _county_lists(self, text: str, spans: list[_Span]) -> None:
        """Names listed before "counties" are counties: "Douglas, Sarpy and Lancaster counties".

        Each such span's key becomes that of "<name> County" (or "Parish") when the
        gazetteer has it, so that Lancaster there is Lancaster County, not the city.
        """
        suffix = None
        for i in range(len(spans) - 1, -1, -1):
            sp = spans[i]
            after = _COUNTIES.match(text, sp.end)
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
            if self._has_key(k):
                sp.key = k

    def _at_state_centre(self, place: Place) -> bool:
        """A county the gazetteer could place only at its state's centre."""
        if place.kind != "county":
            return False
        state = self._state_point(place.country, place.raw.get("admin1_code"))
        return state == (place.lat, place.lon)

    def _is_major(self, k: str) -> bool:
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

    def _is_hashtag_place(self, word: str) -> bool:
        """A lower-case hashtag that is a country or a major place's name: "#ukraine"."""
        k = key(word)
        return (
            len(k) >= _MIN_HASHTAG_LENGTH
            and k not in _STOP
            and self._has_key(k)
            and self._is_major(k)
        )

    def _persons(self, words, lower_words=frozenset()) -> dict[str, bool]:
        """People the text names, by surname key; the value says whether the evidence is firm.

        Firm: a title or a known given name before the word ("Sen. Byrd", "Andrew Jackson").
        Weak: a capitalised word we do not know before it ("Phil Hartley"), or a verb of
        saying right after it ("Dyer said"); weak evidence yields to a place cue and to a
        prominent place (see :meth:`_keep`).
        """
        out: dict[str, bool] = {}
        n = len(words)
        for a in range(n - 1):
            w0, w1 = words[a][2], words[a + 1][2]
            gap = words[a + 1][0] - words[a][1]
            if (
                _capitalised(w0)
                and w1 in _SPEECH_VERBS
                and gap == 1
                and len(w0) >= _MIN_NAME_LENGTH
            ):
                # "Dyer said" (a place that speaks is a prominent one: "Moscow said")
                # ("Jordan Dyer said" too, unless the pair is a place: "New York said")
                w_ = words[a - 1][2] if a > 0 else ""
                before = w_.lower() if _capitalised(w_) else ""  # "The Kremlin said": no
                if not w0.isupper() and not (
                    before
                    and (
                        before in _STOP or before in lower_words or self._has_key(key(f"{w_} {w0}"))
                    )
                ):
                    out.setdefault(key(w0), False)
            if len(w0) == 1 and w0.isupper() and gap == 2 and _capitalised(w1):
                # "Robert C. Byrd", unless the pair is a place ("W. Va.")
                if not self._has_key(key(f"{w0}. {w1}")):
                    out[key(w1)] = True
                continue
            if not (_capitalised(w0) and _capitalised(w1)) or gap != 1:
                continue
            k0 = w0.lower()
            if k0 in _FIRST_NAMES or k0.rstrip(".") in _TITLES:
                out[key(w1)] = True
            elif (
                len(w0) >= _MIN_NAME_LENGTH
                and not w0.isupper()
                and k0 not in _STOP
                and k0 not in _DIRECTIONS
                and k0 not in lower_words  # "Historic Dublin", "former US": a common word
                and not self._has_key(key(w0))
                and not self._has_key(key(f"{w0} {w1}"))
                and (a + 2 >= n or not _capitalised(words[a + 2][2]))
            ):
                out.setdefault(key(w1), False)  # "Phil Hartley": a given name we do not know
        return out

    def _place_cue(self, text, words, i, j) -> bool:
        """A cue that the words ``i:j`` name a place: "in Dyer", "Dyer, Ind.".

        Also "Dyer, Indiana" and a county list: "Clay, Swift and Wilkin counties".
        """
        if _COUNTIES.match(text, words[j - 1][1]):
            return True
        if i > 0:
            prev = words[i - 1][2]
            if prev in _PLACE_PREPOSITIONS and text[words[i - 1][1] : words[i][0]] == " ":
                return True
        if j < len(words) and text[words[j - 1][1] : words[j][0]] == ", ":
            nxt = words[j][2]
            if nxt.endswith(".") and nxt[:-1].lower() in _AP_STATES:
                return True
            top = self.resolver.candidates(key(nxt), limit=1) if _capitalised(nxt) else []
            return bool(top) and top[0].kind == "region"
        return False

    def _keep(self, text, words, i, j, span, lower_words, persons=None) -> bool:
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
        if next_gap == " " and _capitalised(nxt) and nxt.lower().rstrip(".") in _STREET_WORDS:
            # "Wichita Street", "Ohio Avenue": a street, not the place; but "Florida Highway
            # Patrol" is the state's and "Oxford Road 5" the county's
            after = re.match(r" (\w)", text[words[j][1] : words[j][1] + 2])
            if after is None or not (after.group(1).isupper() or after.group(1).isdigit()):
                return False
        # people: "President Biden", "Andrew Jackson", "George W. Bush"
        abbreviated = (
            prev_gap.strip() == "." and _capitalised(prev) and len(prev) <= _MAX_ABBREVIATION
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
        if single and nxt and next_gap == " " and _capitalised(nxt):
            initial = (
                len(nxt) == 1
                and nxt.isupper()
                and text[words[j][1] : words[j][1] + 2] == ". "
                and j + 1 < len(words)
                and _capitalised(words[j + 1][2])
            )
            surname = bool(persons) and key(nxt) in persons and nxt.lower() not in _STOP
            if initial or (surname and not self._is_major(k)):
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
        if nxt and next_gap.strip() == "" and _capitalised(nxt) and nxt.lower() in _ORG_WORDS:
            span.cue = "org"
            return True
        # a capitalised run that goes on with words that are not places ("Georgia Bureau of
        # Investigation", "U.S. Attorney"): the place stands for an institution
        if (
            nxt
            and next_gap == " "
            and _capitalised(nxt)
            and nxt.lower() not in _REGION_WORDS
            and not self._has_key(key(nxt))
            and nxt.lower() not in _STOP
        ):
            span.cue = "org"
        if single and span.text.lower() in lower_words and not self._is_major(k):
            return False  # written lower-case elsewhere in the text: a common word
        if (
            single
            and span.sentence_start
            and nxt
            and next_gap == " "
            and _capitalised(nxt)
            and self._has_key(key(nxt))
            and not self._is_major(k)
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
            dotted = "." in span.text and self._is_major(k)
            return bool(top) and (top[0].kind in ("country", "region") or dotted)
        if single and span.text.isupper() and "." not in span.text:
            # longer capitals ("AMLO", "AMEL") are acronyms unless they name a country or
            # region (DPRK) or a place has that very name ("KYIV", "TORNADO" in a headline),
            # not just an alternate spelling of it
            return any(
                p.matched != "alt" or p.kind in ("country", "region")
                for p in self.resolver.candidates(k, limit=_LIKELY_SENSES)
            )
        return not (single and len(k) < _MIN_NAME_LENGTH and not span.text.isupper())

    def _ner_spans(self, text: str) -> list[_Span]:
        doc = self.nlp(text)
        out = []
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC", "FAC"):
                k = key(ent.text)
                if k and self._has_key(k):
                    out.append(_Span(ent.start_char, ent.end_char, ent.text, k, cue="ner"))
        return out

    # -- resolution -----------------------------------------------------------------------
    def _resolve(self, text: str, spans: list[_Span], date: dt.date | None) -> list[Mention]:
        if not spans:
            return []
        resolver = self.resolver
        self._county_lists(text, spans)
        by_key: dict[str, list[Place]] = {}
        counts = Counter(sp.key for sp in spans)
        for sp in spans:
            if sp.key not in by_key:
                by_key[sp.key] = resolver.candidates(sp.key, date=date, limit=_CANDIDATES)
        hints = _admin_hints(text, spans, by_key)
        # "the Atlantic", "the eastern Pacific": a name that takes the article is a sea,
        # a river or an area more often than a town (Atlantic, Iowa)
        articled = _with_article(text, spans)

        # Two passes: the first reads the document's context from each name's best guess,
        # the second from the first pass's choices, so names settle each other
        # (Gainesville, Ga. and Georgia the state).
        prior = resolver.context
        anchor = _centroid(
            [c[0] for c in by_key.values() if c and c[0].kind in ("settlement", "region")]
        )
        tops = {k: (c[0], _margin(c)) for k, c in by_key.items() if c}
        support = _coherence(by_key, self._at_state_centre)
        chosen = self._choose(
            by_key, _evidence(tops, counts), hints, prior, anchor, support, articled
        )
        settled = {k: (c[0], _CERTAIN_MARGIN) for k, c in chosen.items() if c[0] is not None}
        chosen = self._choose(
            by_key, _evidence(settled, counts), hints, prior, anchor, support, articled
        )

        chosen = _regions_in_lists(text, spans, chosen, by_key)
        chosen = _place_counties(_county_short_forms(chosen), self.gazetteer)
        mentions = []
        for sp in spans:
            place, runners, conf = chosen[sp.key]
            role = "literal"
            if place is not None and sp.cue == "org":
                role = "metonym"
            elif place is not None:
                role = role_of(
                    text,
                    sp.start,
                    sp.end,
                    kind=place.kind,
                    population=place.population,
                    name=sp.text,
                )
            matched = None if place is None else place.matched
            if sp.cue in ("region", "direction") and matched:
                matched = f"{matched}+{sp.cue}"
            part = None
            if sp.part_key and place is not None:
                whole = resolver.candidates(sp.part_key, date=date, limit=1)
                part = whole[0] if whole and whole[0].country == place.country else None
            mentions.append(
                Mention(sp.start, sp.end, sp.text, place, role, conf, matched, runners, part)
            )
        return mentions

    @staticmethod
    def _choose(by_key, evidence, hints, prior, anchor, support, articled):
        countries: Counter[str] = Counter()
        regions: Counter[tuple[str | None, str | None]] = Counter()
        for country, region, weight in evidence.values():
            if country:
                countries[country] += weight
            if region:
                regions[region] += weight
        # document-wide sums, from which each name's own evidence is taken out below
        total_all = sum(w for w in countries.values() if w > 0)
        war_all = sum(w for c, w in countries.items() if c in prior)
        other_all = sum(w for c, w in countries.items() if c not in prior)
        region_totals_all: Counter[str | None] = Counter()
        for (rc, _), w in regions.items():
            if w > 0:
                region_totals_all[rc] += w
        chosen: dict[str, tuple[Place | None, tuple[Place, ...], float]] = {}
        for k, cands in by_key.items():
            if not cands:
                chosen[k] = (None, (), 0.0)
                continue
            # a name's own evidence does not vote for itself
            own_country, own_region, own_weight = evidence.get(k, (None, None, 0.0))
            doc_countries, doc_regions = countries, regions
            total, war_evidence, other_evidence = total_all, war_all, other_all
            region_totals = region_totals_all
            if own_country:
                doc_countries = _without(countries, own_country, own_weight)
                before, after = countries[own_country], doc_countries[own_country]
                total += max(after, 0.0) - max(before, 0.0)
                if own_country in prior:
                    war_evidence -= own_weight
                else:
                    other_evidence -= own_weight
            if own_region:
                doc_regions = _without(regions, own_region, own_weight)
                before, after = regions[own_region], doc_regions[own_region]
                region_totals = _without(
                    region_totals_all, own_region[0], max(before, 0.0) - max(after, 0.0)
                )
            total = total or 1.0
            # the war-region prior yields when the text is plainly about somewhere else
            damp = 1.0 if war_evidence >= _WAR_EVIDENCE or other_evidence < _OTHER_EVIDENCE else 0.0
            rescored = []
            floor = cands[0].score - _WINDOW
            for p in cands:
                if p.score < floor and not hints.get(k):
                    break  # candidates are sorted; context cannot lift these past the best
                s = p.score - (1.0 - damp) * prior.get(p.country or "", 0.0)
                weight = max(doc_countries.get(p.country or "", 0.0), 0.0)
                # how much of the text is about this country, and how much is said of it
                share = weight / total
                s += min(weight, _COUNTRY_CAP) * (_SHARE_FLOOR + share)
                rweight = doc_regions.get((p.country, p.admin1), 0.0)
                if p.kind != "country" and rweight > _REGION_MIN:
                    # how much of what the text says of this country is about this region
                    rshare = rweight / (region_totals.get(p.country, 0.0) or rweight)
                    s += (
                        _REGION_LIFT
                        * share
                        * min(rweight, _REGION_CAP)
                        / _REGION_CAP
                        * (_SHARE_FLOOR + rshare)
                    )
                for hint in hints.get(k, ()):
                    if _within(p, hint):
                        s += _HINT_LIFT
                if k in articled and p.kind in _ARTICLE_KINDS:
                    s += _ARTICLE
                if anchor is not None and p.kind in ("settlement", "feature"):
                    s -= _far_from(anchor, p)
                s += _COHERENCE * support.get((k, p.id), 0.0)
                rescored.append((s, p))
            rescored.sort(key=lambda t: (-t[0], -t[1].population, t[1].id))
            best_s, best = rescored[0]
            second = rescored[1][0] if len(rescored) > 1 else best_s - _LONE_GAP
            confidence = 1.0 / (1.0 + math.exp(-(best_s - second)))
            chosen[k] = (
                dataclasses.replace(best, score=round(best_s, _DIGITS)),
                tuple(p for _, p in rescored[1 : 1 + _RUNNERS_UP]),
                round(confidence, _DIGITS),
            )
        return chosen


class _Adjusted:
    """A read-only view of a mapping with one key's value lowered (no copy of the rest)."""

    __slots__ = ("_base", "_key", "_value")

    def __init__(self, base, key, value):
        self._base, self._key, self._value = base, key, value

    def get(self, key, default=None):
        if key == self._key:
            return self._value
        return self._base.get(key, default)

    def __getitem__(self, key):
        return self._value if key == self._key else self._base[key]


def _without(counts, key, amount) -> _Adjusted:
    """``counts`` with ``amount`` taken off ``key``'s value."""
    return _Adjusted(counts, key, counts.get(key, 0.0) - amount)


def _far_from(anchor: tuple[float, float], place: Place) -> float:
    """How much being far from the text's centre counts against a town."""
    return _distance_penalty(anchor[0], anchor[1], place.lat, place.lon)


@functools.lru_cache(maxsize=_PENALTY_CACHE)
def _distance_penalty(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return _DISTANCE_WEIGHT * math.log1p(haversine_km(lat1, lon1, lat2, lon2) / _DISTANCE_KM)


_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _regions_in_lists(text, spans, chosen, by_key):
    """A name listed with states is the state: "California or Washington".

    "Alaska, Hawaii, Florida and Washington" is the state, not Washington, D.C.: a name
    whose chosen place is not a region but which has a region of the same country among
    its candidates takes that region when a list neighbour is such a region.
    """
    out = dict(chosen)
    for a, b in itertools.pairwise(spans):
        if not _LIST_SEPARATOR.fullmatch(text, a.end, b.start):
            continue
        for this, other in ((a.key, b.key), (b.key, a.key)):
            place, mate = out[this][0], out[other][0]
            if place is None or mate is None or place.kind == "region" or mate.kind != "region":
                continue
            region = next(
                (p for p in by_key[this] if p.kind == "region" and p.country == mate.country),
                None,
            )
            if region is not None:
                runners = tuple(p for p in by_key[this] if p.id != region.id)[:_RUNNERS_UP]
                out[this] = (region, runners, out[this][2])
    return out


def _place_counties(chosen, gazetteer):
    """Move a county known only by its state to the median of the text's places there."""
    counties = [k for k, (p, _, _) in chosen.items() if p is not None and p.kind == "county"]
    if not counties:
        return chosen
    out = dict(chosen)
    for k in counties:
        place, runners, conf = chosen[k]
        state = gazetteer.region_of(place.country, place.raw.get("admin1_code"))
        if state is None or (state.lat, state.lon) != (place.lat, place.lon):
            continue  # placed at a town of its name, not at the state's centre
        near = [
            p
            for p, _, _ in chosen.values()
            if p is not None
            and p.kind == "settlement"
            and p.country == "US"
            and p.admin1 == place.admin1
        ]
        if near:
            lat = sorted(p.lat for p in near)[len(near) // 2]
            lon = sorted(p.lon for p in near)[len(near) // 2]
            moved = dataclasses.replace(
                place, lat=lat, lon=lon, matched=f"{place.matched}+text-centroid"
            )
            out[k] = (moved, runners, conf)
    return out


def _coherence(by_key, at_state_centre) -> dict[tuple[str, str], float]:
    """How many other names of the text have a sense near each sense of a name.

    Every name with more than one plausible sense ("Watertown", "Delano", "Elgin") looks,
    for each of its senses, at the nearest plausible sense of every other name; a sense
    close to many of them (the Minnesota towns of one local paper) gathers support.  Two
    senses in the same first-level region count as somewhat close whatever the distance
    (a county known only by its state is near everything in its state).  A name's vote
    counts less the more senses it has, since a common name is near anything by chance.
    """
    plausible: dict[str, list[tuple[Place, bool]]] = {}
    # the first names of a very long text only: the work grows with the square of it
    for k, cands in itertools.islice(by_key.items(), _COHERENCE_NAMES):
        if not cands:
            continue
        floor = cands[0].score - _COHERENCE_WINDOW
        senses = [
            (p, not at_state_centre(p))
            for p in cands[:_COHERENCE_SENSES]
            if p.score >= floor and p.kind in _POINT_KINDS
        ]
        if senses:
            plausible[k] = senses
    if len(plausible) < 2:
        return {}
    grid: dict[tuple[int, int], list[tuple[str, Place]]] = {}
    regions: dict[tuple[str | None, str | None], set[str]] = {}
    for k, senses in plausible.items():
        for p, has_point in senses:
            if has_point:
                grid.setdefault(_cell(p.lat, p.lon), []).append((k, p))
            if p.admin1:
                regions.setdefault((p.country, p.admin1), set()).add(k)
    weight = {k: 1.0 / math.sqrt(len(senses)) for k, senses in plausible.items()}
    out: dict[tuple[str, str], float] = {}
    for k, senses in plausible.items():
        if len(by_key[k]) < 2:
            continue  # nothing to choose
        for p, has_point in senses:
            near = dict.fromkeys(
                regions.get((p.country, p.admin1), ()) if p.admin1 else (), _SAME_REGION
            )
            near.pop(k, None)
            if has_point:
                cy, cx = _cell(p.lat, p.lon)
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        for m, q in grid.get((cy + dy, cx + dx), ()):
                            if m == k:
                                continue
                            km = haversine_km(p.lat, p.lon, q.lat, q.lon)
                            if km < _COHERENCE_KM:
                                closeness = 1.0 - km / _COHERENCE_KM
                                if closeness > near.get(m, 0.0):
                                    near[m] = closeness
            if near:
                out[(k, p.id)] = min(sum(weight[m] * c for m, c in near.items()), _COHERENCE_CAP)
    return out


_POINT_KINDS = frozenset({"settlement", "county", "feature"})
#: Grid cell of the coherence search, in degrees (a 3x3 block covers _COHERENCE_KM).
_CELL = 2.0


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL), math.floor(lon / _CELL)


_ARTICLE_KINDS = frozenset({"sea", "river", "area", "feature", "continent"})
_ADJECTIVES = "|".join(
    sorted(_DIRECTIONS | {"tropical", "equatorial", "upper", "lower", "far", "wider", "greater"})
)
_BEFORE = re.compile(rf"\bthe\s+(?:(?:{_ADJECTIVES})\s+){{0,{_ARTICLE_ADJECTIVES}}}$", re.I)


def _with_article(text: str, spans: list[_Span]) -> frozenset[str]:
    """Names the text mostly writes after "the" ("the Atlantic", "the western Pacific")."""
    seen: Counter[str] = Counter()
    articled: Counter[str] = Counter()
    for sp in spans:
        if sp.cue is not None:
            continue
        seen[sp.key] += 1
        if _BEFORE.search(text, max(0, sp.start - _ARTICLE_LOOKBACK), sp.start):
            articled[sp.key] += 1
    return frozenset(k for k, n in articled.items() if n >= _ARTICLED_SHARE * seen[k])


# a listed name the recogniser did not keep ("Love", "Swift")
_LISTED = r"[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*)?"
# "... counties", perhaps after more listed names: "..., Swift and Wilkin counties"
_COUNTIES = re.compile(
    rf"(?:\s*,\s*{_LISTED})*(?:\s*,?\s+(?:and|or|&)\s+{_LISTED})?\s+(counties|parishes)\b"
)
# between two listed names, perhaps with listed names the recogniser did not keep
_LIST_GAP = re.compile(rf"(?:\s*,\s*{_LISTED})*\s*(?:,\s*(?:and\s+|or\s+|&\s+)?|and\s+|or\s+|&\s+)")
_COUNTY_SUFFIXES = (" county", " parish", " co")


def _county_short_forms(chosen):
    """A bare name the text also gives as a county ("Barrow County ... Barrow") is the county.

    Unless the bare name has been read as a place in the county's own state (the county
    seat often shares the name) or as a city too big to be a local short form.
    """
    out = None
    for k, (place, _, conf) in chosen.items():
        if place is None or place.kind != "county":
            continue
        for suffix in _COUNTY_SUFFIXES:
            if not k.endswith(suffix):
                continue
            base = k[: -len(suffix)]
            short, runners, _ = chosen.get(base, (None, (), 0.0))
            if (
                short is not None
                and short.kind == "settlement"
                and short.population < _LOCAL_POPULATION
                and not short.raw.get("capital")
                and (short.country, short.admin1) != (place.country, place.admin1)
            ):
                if out is None:
                    out = dict(chosen)
                out[base] = (place, (short, *runners[: _RUNNERS_UP - 1]), conf)
    return chosen if out is None else out


def _margin(cands: list[Place]) -> float:
    return cands[0].score - cands[1].score if len(cands) > 1 else _CERTAIN_MARGIN


def _evidence(tops, counts):
    """What each name says of the document's countries and regions: (country, region, weight)."""
    out = {}
    for k, (top, margin) in tops.items():
        sure = margin > _SURE_MARGIN
        if top.kind in ("country", "region"):
            weight = _ADMIN_WEIGHT
        else:
            weight = _SURE_WEIGHT if sure else _UNSURE_WEIGHT
        region = (
            (top.country, top.admin1) if top.kind == "region" or (top.admin1 and sure) else None
        )
        out[k] = (top.country, region, weight * counts[k] ** _REPEAT_POWER)
    return out


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


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


def _is_initial(word: str) -> bool:
    """A one- or two-letter abbreviation before a full stop: "St", "Mt", "W" (not "US")."""
    return len(word) <= 2 and word[:1].isupper() and (len(word) == 1 or word[1:].islower())


_REGION_PLURAL = re.compile(r"\s+and\s+[A-Z][\w'’\-]+\s+(?:regions|oblasts|provinces)\b")


def _after_is_region_plural(text: str, end: int) -> bool:
    return _REGION_PLURAL.match(text, end) is not None


def _centroid(places: list[Place]) -> tuple[float, float] | None:
    if len(places) < 2:
        return None
    lat = sorted(p.lat for p in places)[len(places) // 2]
    lon = sorted(p.lon for p in places)[len(places) // 2]
    return lat, lon


_HINT = re.compile(r"^(?:\s*,\s*|\s+in\s+(?:the\s+)?|\s+\(|\s+of\s+(?:the\s+)?)$")


def _admin_hints(text, spans, by_key) -> dict[str, list[Place]]:
    """Region or country named right after a place: "Myrnohrad in the Donetsk region"."""
    hints: dict[str, list[Place]] = {}
    for a, b in itertools.pairwise(spans):
        gap = text[a.end : b.start]
        if len(gap) > _HINT_GAP or not _HINT.match(gap):
            continue
        cands = by_key.get(b.key) or []
        if cands and cands[0].kind in ("region", "country"):
            hints.setdefault(a.key, []).append(cands[0])
    return hints


def _within(place: Place, container: Place) -> bool:
    if place.id == container.id:
        return False
    if container.kind == "country":
        return place.country == container.country
    return place.country == container.country and place.admin1 == container.admin1


def _merge(spans: list[_Span], extra: list[_Span]) -> list[_Span]:
    out = list(spans)
    for sp in extra:
        if not any(o.start < sp.end and sp.start < o.end for o in out):
            out.append(sp)
    return sorted(out, key=lambda s: s.start)


@functools.cache
def _default_parser() -> Geoparser:
    return Geoparser()


def geoparse(
    text: str, *, date: dt.date | str | None = None, context: CountryBias = "war"
) -> list[Mention]:
    """Find, resolve and role-tag every toponym in ``text``.

    Parameters
    ----------
    text : str
        An English news text.
    date : date or str, optional
        The text's date (see :meth:`Geoparser.__call__`).
    context : str, mapping or None
        ``"war"`` (default: Ukraine, then Russia and neighbours), an ISO country code, or
        ``None`` for a general world context.

    Returns
    -------
    list of Mention

    Examples
    --------
    >>> ms = geoparse("Russian forces shelled Kharkov and the Donetsk region overnight.")
    >>> [(m.text, m.place.name, m.place.kind) for m in ms]
    [('Kharkov', 'Kharkiv', 'settlement'), ('Donetsk', 'Donetsk Oblast', 'region')]
    >>> (m,) = geoparse("Fighting raged in eastern Ukraine.")
    >>> m.text, m.place.name, m.part.name
    ('eastern Ukraine', 'Ukraine', 'eastern Ukraine')
    """
    parser = _default_parser() if context == "war" else _parser_for(_freeze(context))
    return parser(text, date=date)


def _freeze(context: CountryBias):
    if isinstance(context, dict):
        return tuple(sorted(context.items()))
    return context


@functools.lru_cache(maxsize=_PARSER_CACHE)
def _parser_for(context) -> Geoparser:
    bias = dict(context) if isinstance(context, tuple) else context
    return Geoparser(country_bias=bias)
