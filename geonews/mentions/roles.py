"""Literal or metonymic: does a mention name a place, or an actor named after one.

"Moscow insists", "Washington denied", "Kyiv's allies", "the Kremlin said" and "talks
between Kyiv and Moscow" use places to stand for governments; geonews keeps such mentions
as actors (``role="metonym"``) and never maps them as activity.  The rules read the slot a
mention fills, from the words around it (the word classes are in
:mod:`geonews.mentions.frames`):

1. its own head: a possessive ("Moscow's demands", but "Kyiv's suburbs"), a premodifier
   ("Kyiv troops", but "the Kursk attack", "Belgorod Governor", "Kursk Nuclear Power
   Plant"), a hyphen pair ("Russia-Ukraine talks"), an ``-led``/``-backed`` compound;
2. the words before it: a preposition and the head it hangs from ("in Kyiv", "envoys from
   Ukraine", "a gain for Russia", "strikes against Kharkiv"), a verb taking it as its
   object ("urged Kyiv", but "struck Kyiv");
3. the words after it: the agent slot of any finite verb, found by its form (an auxiliary,
   a past tense, a third-person -s that wordfreq knows as a verb), past adverbs,
   appositions and relative clauses ("Russia, which has rejected ..."), unless the verb
   says where a place is or what happened to it ("lies", "was hit").

Names joined by "and", "or" or commas share the slot of the whole coordination ("Both
Kyiv and Moscow say", "advisers from the U.K., France and Germany").  The rules apply to
places that can stand for a government (countries, capitals, large cities, seats of power,
the DPR and LPR), never to villages.  A document is split into tokens once
(:class:`Tokens`), so the rules cost a few set look-ups a mention.

Examples
--------
>>> role_of("Moscow insists the talks go on.", 0, 6, kind="settlement", population=10_000_000)
'metonym'
>>> role_of("Fighting raged in Pokrovsk.", 18, 26, kind="settlement", population=60_000)
'literal'
>>> role_of("Kyiv's suburbs were hit.", 0, 4, kind="settlement", population=2_900_000)
'literal'
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from geonews.mentions.document import Document, Span
from geonews.mentions.frames import (
    ACTOR_HEADS,
    ACTOR_PREDICATES,
    AFFECT_VERBS,
    AGENTIVE_ADJECTIVES,
    ATTACK_HEADS,
    FACILITY_WORDS,
    LOCATIVE_VERBS,
    PLACE_HEADS,
    RELATION_HEADS,
    SPATIAL_PREPOSITIONS,
    TERRITORIAL_TITLES,
)
from geonews.mentions.lexicon import FIRST_NAMES, ORG_WORDS, is_common_word

__all__ = ["Roles", "Tokens", "can_be_actor", "role_of"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Smallest settlement that can stand for a government ("Kharkiv says" is its officials).
ACTOR_POPULATION = 400_000
#: Share of capitalised long words from which a line is a title-case headline.
TITLE_CASE_SHARE = 0.75
#: Zipf frequency of an -ing form from which its base is taken for a verb ("racing" 3.9).
VERB_ZIPF = 2.5
#: How many tokens an apposition or a relative clause may run before the verb.
MAX_APPOSITION = 24
#: Context read around a single mention by :func:`role_of` (characters each side).
WINDOW = 240

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)+|[^\W_]+(?:['’ʼ](?![sS]\b)[^\W_]+)*|['’ʼ][sS]\b|\n|[^\w\s]"
)
_SEATS = {"kremlin", "white house", "pentagon", "downing street", "elysee", "bankova"}
#: A region's name that is an entity with a government and an army: "the DPR", "the
#: Luhansk People's Republic", "the Donetsk Republic", "Luganskaya Narodnaya Respublika"
#: (not "the Republic of Crimea", a name of the region itself).
_ENTITY = re.compile(
    r"\b(?:[DL][PN]R|People['’ʼ]?s? Republic|Narodnaya Respublika"
    r"|(?:Donetsk|Luhansk|Lugansk)(?:aya)? Republic|Republic of (?:Donetsk|Luhansk|Lugansk))\b",
    re.I,
)
_QUOTES = frozenset("\"“”‘’'«»")
_BOUNDARY = frozenset([".", "!", "?", ";", ":", "\n", "|", "•", "—", "–"])
_POSSESSIVE = frozenset(["'s", "’s", "ʼs", "'S", "’S"])
_HYPHENS = frozenset(["-", "‑"])
_DETERMINERS = frozenset(["the", "a", "an", "both", "either", "neither", "all"])
_PRONOUNS = _words(
    "its their his her our my your it they them this that these those some any each every"
)
_MODALS = _words(
    """
    will would can could should must may might shall cannot won't wouldn't can't couldn't
    shouldn't mustn't won’t wouldn’t can’t couldn’t shouldn’t
    """
)
_DO = _words("do does did don't doesn't didn't don’t doesn’t didn’t")
_HAVE = _words("has have had hasn't haven't hadn't hasn’t haven’t hadn’t")
_BE = _words("is are was were isn't aren't wasn't weren't isn’t aren’t wasn’t weren’t")
_NOT = frozenset(["not", "never", "no", "n't"])
_ADVERBS = _words(
    """
    also now then still already again later earlier soon once reportedly allegedly apparently
    just even finally further first too itself themselves officially recently meanwhile instead
    thus therefore however long yet ever always often again quickly most more very so quite
    fully neither either both
    """
)
_TIME_NOUNS = _words(
    """
    week weekend month year night morning evening afternoon day summer winter spring autumn fall
    weeks months years days nights weekends monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october november december
    """
)
_LOSSES = _words("losses setbacks setback defeat defeats casualties blow blows")
#: Words after "X's" that make it a place: "one of Samara's largest".
_POSSESSED_PLACE = _words("largest biggest second third main oldest tallest busiest")
#: Facility words that are as often the modifier of an abstract noun: after "X's" the
#: noun after them decides ("Russia's nuclear plant", but "Russia's nuclear doctrine").
_FACILITY_MODIFIERS = _words("maritime nuclear oil power railway")
#: What such a modifier makes physical, in the place: "Ukraine's power infrastructure".
_PHYSICAL_HEADS = _words("infrastructure grid grids network networks facility pipeline site")
_TIME_STARTS = frozenset(["last", "this", "next", "earlier", "later", "on", "in", "early", "late"])
_TIME_WORDS = frozenset(["overnight", "today", "yesterday", "tonight", "tomorrow"])
_PARTICLES = frozenset(["back", "up", "out", "down", "off", "forward", "away", "ahead", "in"])
_RELATIVE = frozenset(["which", "who", "that", "whose"])
_JOINERS = re.compile(r"\b(?:and|or|nor)\b|[&/\-‑]")
_CLAUSE_WORDS = _words(
    """
    , of for to with from on by towards toward against that which who in at into over is are was
    were has have had will would said says
    """
)
_BETWEEN_WORDS = frozenset(["between"])
#: Nouns in apposition before a name that make it an actor: "NATO ally Germany".
_ALLY_NOUNS = _words("ally allies partner partners rival rivals foe foes adversary")
#: Verbs of regarding: "sees Russia as", "views Kyiv as".
_REGARD_VERBS = _words(
    "sees see saw seen views viewed view regards regarded regard considers considered treats"
)
_CONJUNCTS = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|nor|&|-|‑|/)\s*(?:the\s+)?")
_IRREGULAR_PAST = _words(
    """
    said told sent struck hit took gave made went came held led fought won lost began sought
    withdrew drew rose fell shot put set cut spent bought brought thought knew saw met left kept
    ran wrote spoke broke chose drove flew grew overtook threw stood understood paid sold meant
    overran undertook upheld withheld built dealt fled laid lent read shut spread stuck swore
    swept tore beat became bore forced
    """
)
_PARTICIPLES = _words(
    """
    taken given made done gone seen known shown thrown drawn grown blown flown written spoken
    broken chosen driven frozen stolen sworn torn worn beaten begun overrun withdrawn held hit
    struck shot cut set put left kept brought bought caught fought sought sent spent built dealt
    led won lost paid sold told said proven risen
    """
)
_NOT_PAST = _words(
    "hundred speed seed need feed breed creed shed weed deed bed red wed sled steed greed"
)
# -- frames of the words before a mention --------------------------------------------------
#: Heads before "from X" that make X an actor ("envoys from Ukraine", "no word from Kyiv").
_FROM_ACTORS = ACTOR_HEADS | _words(
    "word statement response reaction signal message call calls demand independence"
)
#: Verbs of taking back whose source is the other side ("recaptured ... from Russia").
_TAKE_FROM = _words(
    """
    recaptured retook retaken reclaimed regained wrested liberated won seized captured took
    taken recapture retake reclaim regain wrest
    """
)
#: Heads of "for X" that make X a destination or a contested place, not a beneficiary.
_FOR_LITERAL = _words(
    """
    left leave leaves leaving headed heading head bound departed depart departs flights flight
    train trains bus buses tickets route battle battles struggle set
    """
)
#: Heads of "to X" that make X a recipient or an addressee ("a memorandum to Ukraine").
_TO_ACTORS = _words(
    """
    respond responded responds responding reply replied replies appeal appealed talk talked
    speak spoke spoken cede ceded ceding hand handed handing give gave given giving sell sold
    selling supply supplied supplying deliver delivered delivering offer offered offering
    propose proposed present presented presenting submit submitted grant granted provide
    provided providing pose posed poses apologise apologised apologize apologized explain
    explained complain complained surrender surrendered memorandum message letter offer proposal
    proposals ultimatum threat threats aid support assistance loans loan weapons arms ammunition
    missiles questions demands concessions ally allies loyal loyalty hostile allegiance ties
    links connections answer note gift signal request requests plea
    """
)
#: Verbs of handing over whose receiver is an actor, however far the object runs.
_TO_TRANSFER = _words(
    """
    cede ceded ceding hand handed handing give gave given giving sell sold selling supply
    supplied supplying deliver delivered delivering present presented presenting submit
    submitted grant granted provide provided providing surrender surrendered
    """
)
#: Verbs taking a bare infinitive after their object: "saw Kyiv retake", "let Moscow decide".
_BARE_CAUSATIVES = _words("saw see sees seen let lets watched made make makes help helps")
#: Heads of "on X" that make X an actor ("pressure on Russia", "sanctions on Moscow").
_ON_ACTORS = _words(
    """
    pressure sanctions tariffs embargo ban restrictions duties measures demands call calls war
    dependence reliance
    """
)
#: Heads of "with X" that make X a place ("the border with Russia").
_WITH_LITERAL = _words(
    "border borders frontier boundary line compared along together flights trains"
)
#: Heads of "by X" that make X a place ("bordered by Russia").
_BY_LITERAL = _words("bordered surrounded flanked neighboured neighbored separated divided crossed")
#: Heads of "between X and Y" that make them places ("flights between London and Paris").
_BETWEEN_LITERAL = _words(
    """
    flights flight trains train route routes road roads border borders distance line lines
    corridor highway railway bridge service services journey trip travel traffic
    """
)
#: Verbs whose object is an actor: "press Russia", "urged Kyiv", "the forum excludes Russia".
_ACTOR_OBJECT_VERBS = _words(
    """
    accuse accused accuses accusing blame blamed blames blaming urge urged urges urging ask
    asked asks asking tell told tells telling warn warned warns warning criticise criticised
    criticises criticize criticized criticizes condemn condemned condemns press pressed presses
    pressing pressure pressured pressuring sanction sanctioned sanctions sanctioning punish
    punished punishing support supported supports supporting back backed backs backing help
    helped helps helping arm armed arming fund funded funding join joined joins joining defeat
    defeated defeats beat beats outlasted expel expelled recognise recognised recognize
    recognized invite invited invites inviting thank thanked thanks trust trusted distrust pay
    paid paying owe owes owed exclude excluded excludes excluding favour favoured favouring
    favor favored favoring meet meets met meeting push pushed pushes pushing persuade persuaded
    convince convinced call called calls calling allow allowed allows allowing prompt prompted
    prompting require required requires requiring force forced forces forcing let lets make
    makes made encourage encouraged encourages compel compelled oblige obliged fight fought
    fighting confront confronted deter deterred deterring provoke provoked provoking isolate
    isolated isolating engage engaged lobby lobbied reassure reassured sue sued suing fined fine
    penalise penalised penalize penalized give gave given giving offer offered offering hand
    handed grant granted promise promised promising send sent sends sell sold
    """
)
#: Verbs whose object is a place: "struck Kyiv", "visited Moscow", "invaded Ukraine".
_PLACE_OBJECT_VERBS = AFFECT_VERBS | _words(
    """
    visit visited visits visiting toured tour reached reach entered enter enters entering left
    leave leaves leaving invaded invade invades invading crossed cross flew travelled traveled
    arrived returned fled flee shell shells shelling bomb bombs bombing strike strikes striking
    attack attacks attacking hit hits hitting target targets targeting capture captures
    capturing liberate liberates liberating annexed annex
    """
)
#: Words after "has/had" that make the subject a place: "Kyiv has a population of".
_HAVE_LITERAL = _words(
    """
    population inhabitants residents area km kilometres kilometers square borders border climate
    airport metro coastline
    """
)
#: Nouns that modify the head of a compound: "Ukraine peace plan", "Russia air force".
_MODIFIERS = _words(
    """
    peace security air defence defense gas oil energy grain prisoner trade military state
    government foreign missile drone special armed national war army navy border
    """
)
#: Heads a capitalised word after a name may be: "U.S. President", "Kursk Nuclear Plant".
_HEADS = ACTOR_HEADS | TERRITORIAL_TITLES | FACILITY_WORDS | RELATION_HEADS | ATTACK_HEADS
#: -s words that are nouns after a place however they look: "Kyiv residents".
_PLURAL_NOUNS = PLACE_HEADS | ACTOR_HEADS | ATTACK_HEADS | RELATION_HEADS


class Tokens:
    """The tokens of a text, split once: words, possessive 's, punctuation, newlines.

    Parameters
    ----------
    text : str
        The text.
    segments : sequence of (start, end), optional
        Only these stretches of the text, in order and apart (a line break between them);
        the whole text by default.

    Examples
    --------
    >>> tk = Tokens("Kyiv's allies met.")
    >>> tk.low
    ['kyiv', "'s", 'allies', 'met', '.']
    >>> tk.span(0, 4)
    (0, 1)
    """

    __slots__ = ("_line_starts", "_title_lines", "low", "raw", "starts")

    def __init__(self, text: str, segments: Sequence[tuple[int, int]] | None = None):
        self.raw: list[str] = []
        self.starts: list[int] = []
        for lo, hi in segments or [(0, len(text))]:
            if self.raw:  # a break between two stretches of the text, as a line end
                self.raw.append("\n")
                self.starts.append(lo - 1)
            for m in _TOKEN.finditer(text, lo, hi):
                self.raw.append(m.group())
                self.starts.append(m.start())
        self.low = [w.lower() for w in self.raw]
        self._line_starts = [0]
        self._title_lines: list[bool] = []
        long = caps = 0
        for k, w in enumerate(self.raw):
            if w == "\n":
                self._title_lines.append(long >= 3 and caps >= TITLE_CASE_SHARE * long)
                self._line_starts.append(k + 1)
                long = caps = 0
            elif len(w) > 3 and w[0].isalpha():
                long += 1
                caps += w[0].isupper()
        self._title_lines.append(long >= 3 and caps >= TITLE_CASE_SHARE * long)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Token indices ``(i, j)``: ``i`` the first token of the span, ``j`` the one after it."""
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    def title_case(self, i: int) -> bool:
        """Whether token ``i`` is on a title-case line (a headline: "Russia Says Talks Stall")."""
        return self._title_lines[bisect.bisect_right(self._line_starts, i) - 1]

    def word(self, k: int) -> str:
        """The lower-cased token ``k``, or "" past either end."""
        return self.low[k] if 0 <= k < len(self.low) else ""


def can_be_actor(kind: str, population: int, name: str) -> bool:
    """Whether a place of this kind and size can stand for a government or an army."""
    if name.lower().removeprefix("the ") in _SEATS:
        return True
    if kind in ("country", "continent"):
        return True
    if kind == "region":
        return bool(_ENTITY.search(name))  # the DPR, the Luhansk People's Republic
    return kind == "settlement" and population >= ACTOR_POPULATION


def role_of(
    text: str,
    start: int,
    end: int,
    *,
    kind: str,
    population: int = 0,
    name: str = "",
    capital: bool = False,
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
    capital : bool
        Whether the place is a national capital (its officials are the government's).

    Returns
    -------
    str
        ``"literal"`` or ``"metonym"``.

    Examples
    --------
    >>> role_of("Both Kyiv and Moscow say so.", 5, 9, kind="settlement", population=2_900_000)
    'metonym'
    """
    lo = max(0, start - WINDOW)
    window = text[lo : end + WINDOW]
    span = Span(start - lo, end - lo, text[start:end], "")
    surface = name or text[start:end]
    return _Slots(window, Tokens(window), [span]).role(0, kind, population, surface, capital)


class Roles:
    """The roles component: sets ``Span.role`` on every resolved span of a document.

    Examples
    --------
    >>> from geonews.places import Place
    >>> doc = Document("Russia and Ukraine agreed.")
    >>> for s, e in ((0, 6), (11, 18)):
    ...     sp = Span(s, e, doc.text[s:e], doc.text[s:e].lower())
    ...     sp.place = Place(sp.text, 0.0, 0.0, id="x", kind="country")
    ...     doc.spans.append(sp)
    >>> [sp.role for sp in Roles()(doc).spans]
    ['metonym', 'metonym']
    """

    def __call__(self, doc: Document) -> Document:
        """Give every resolved span of ``doc`` its role; return ``doc``."""
        if not any(sp.place is not None for sp in doc.spans):
            return doc
        # only the stretches around names that can be actors need reading
        segments: list[list[int]] = []
        for sp in doc.spans:
            p = sp.place
            if p is None or not can_be_actor(p.kind, p.population, sp.text):
                continue
            lo, hi = max(0, sp.start - WINDOW), min(len(doc.text), sp.end + WINDOW)
            if segments and lo <= segments[-1][1] + 1:
                segments[-1][1] = max(segments[-1][1], hi)
            else:
                segments.append([lo, hi])
        if not segments:
            return doc
        tokens = Tokens(doc.text, [(lo, hi) for lo, hi in segments])
        slots = _Slots(doc.text, tokens, doc.spans, segments)
        for n, sp in enumerate(doc.spans):
            place = sp.place
            if place is None:
                continue
            sp.role = slots.role(
                n,
                place.kind,
                place.population,
                sp.text,
                bool(place.raw.get("capital")),
                org=sp.cue == "org",
            )
        return doc


class _Slots:
    """The slot each mention of a text fills, read from its tokens."""

    def __init__(
        self,
        text: str,
        tokens: Tokens,
        spans: Sequence[Span],
        segments: Sequence[Sequence[int]] | None = None,
    ):
        self.text = text
        self.tk = tokens
        self.spans = spans
        self.idx = [tokens.span(sp.start, sp.end) for sp in spans]
        if segments is not None:  # spans outside every stretch read were not tokenised
            los = [lo for lo, _ in segments]
            for n, sp in enumerate(spans):
                m = bisect.bisect_right(los, sp.start) - 1
                if m < 0 or sp.end > segments[m][1]:
                    self.idx[n] = (-2, -2)
        self._starts = {i: n for n, (i, _) in enumerate(self.idx) if i >= 0}
        # coordinations: runs of mentions joined by "and", "or", commas, hyphens, slashes
        self.first = list(range(len(spans)))
        self.last = list(range(len(spans)))
        self.hyphen_pair = [False] * len(spans)
        joined = [False] * len(spans)  # the run so far has an "and"/"or" or a hyphen
        for n in range(1, len(spans)):
            gap = text[spans[n - 1].end : spans[n].start]
            if len(gap) <= 12 and _CONJUNCTS.fullmatch(gap):
                self.first[n] = self.first[n - 1]
                joined[n] = joined[n - 1] or bool(_JOINERS.search(gap))
                if spans[n].key == spans[n - 1].key:
                    self.first[n] = n  # "from China, and China retaliated": two clauses
                    continue
                if gap in ("-", "‑", "/"):
                    self.hyphen_pair[n] = self.hyphen_pair[n - 1] = True
        # a run of commas with no "and" is not a coordination ("Ukraine, Moscow orders")
        for n in range(len(spans) - 1, -1, -1):
            if n + 1 < len(spans) and self.first[n + 1] == self.first[n]:
                joined[n] = joined[n + 1]
        for n in range(len(spans)):
            if not joined[n]:
                self.first[n] = n
        for n in range(len(spans) - 2, -1, -1):
            if self.first[n + 1] == self.first[n]:
                self.last[n] = self.last[n + 1]

    # -- the decision ----------------------------------------------------------------------
    def role(
        self,
        n: int,
        kind: str,
        population: int,
        surface: str,
        capital: bool = False,
        *,
        org: bool = False,
    ) -> str:
        """``"literal"`` or ``"metonym"`` for mention ``n``."""
        if not can_be_actor(kind, population, surface):
            return "literal"
        if surface.lower().removeprefix("the ") in _SEATS:
            return "metonym"
        i, j = self.idx[n]
        territorial = (
            kind in ("settlement", "region") and not capital and not _ENTITY.search(surface)
        )
        title = self.tk.title_case(i)
        if self._dateline(i, j):
            return "literal"
        own = self._own(n, j, territorial, title)
        if own is None and org and not title and self._institution(j):
            own = "metonym"  # "Kyiv Independent": a place in an institution's name
        if own is not None:
            return own
        first, last = self.first[n], self.last[n]
        if last != n and self.hyphen_pair[n]:  # "the course of Russia-Ukraine conflict"
            own = self._own(last, self.idx[last][1], territorial, title)
            if own is not None:
                return own
        before = self._before(self.idx[first][0], self.idx[last][1])
        if before is not None:
            return before
        if last != n:
            own = self._own(last, self.idx[last][1], territorial, title)
            if own is not None:
                return own
        after = self._after(self.idx[last][1], plural=first != last)
        return after or "literal"

    def _institution(self, j: int) -> bool:
        """Whether the capitalised word at ``j`` goes on an institution's name, not a person's."""
        w = self.tk.word(j)
        return w in ORG_WORDS or (w not in FIRST_NAMES and is_common_word(w))

    # -- the mention's own head: possessive, premodifier, hyphen compound ------------------
    def _own(self, n: int, j: int, territorial: bool, title: bool) -> str | None:
        tk = self.tk
        w = tk.word(j)
        if w in _POSSESSIVE:
            return self._possessed(j + 1, territorial)
        if w in _HYPHENS and self.text[self.spans[n].end : tk.starts[j]] in ("", "."):
            nxt = tk.word(j + 1)
            if j + 1 in self._starts:  # "Russia-Ukraine": the pair's head decides
                return None
            if tk.raw[j + 1][:1].isupper() and tk.word(j + 2) in RELATION_HEADS:
                return "metonym"  # "U.S.-Russian relations"
            if nxt in ("based", "born", "bound", "area", "region", "oblast"):
                return "literal"
            if nxt.endswith("ed") or nxt in ("led", "run", "friendly", "aligned", "allied"):
                return "metonym"  # "Kremlin-backed", "U.S.-drafted", "Russia-friendly"
            return None
        return self._premodified(n, j, territorial, title)

    def _possessed(self, k: int, territorial: bool) -> str | None:
        """What "X's" owns: a place ("Kyiv's suburbs", "Ukraine's Donbas") or not."""
        tk = self.tk
        superlative = modified = False
        for step in range(5):
            w = tk.word(k + step)
            if not w or w in _BOUNDARY or w in _CLAUSE_WORDS:
                break
            if k + step in self._starts:
                return "literal"  # "Ukraine's Sumy Oblast": a part of the place
            if tk.raw[k + step][0].isupper() and not tk.title_case(k):
                # an institution ("Ukraine's Centre for ...", "Russia's Battlegroup West"),
                # else a place the gazetteer lacks ("Russia's Kursk")
                nxt = tk.raw[k + step + 1] if k + step + 1 < len(tk.raw) else ""
                org = (
                    w in ACTOR_HEADS
                    or w in ORG_WORDS
                    or nxt[:1].isupper()
                    or nxt == "for"
                    or (tk.raw[k + step].isupper() and len(w) > 1)  # "GUR", "OAS"
                )
                return "metonym" if org else "literal"
            if w in _POSSESSED_PLACE:
                superlative = True  # "one of Samara's largest", "Russia's biggest attacks"
                continue
            if w in _FACILITY_MODIFIERS and tk.word(k + step + 1).isalpha():
                modified = True
                continue  # the noun it modifies decides
            if modified and (w in _PHYSICAL_HEADS or _plural_of(w, _PHYSICAL_HEADS)):
                return "literal"
            if w in PLACE_HEADS or w in FACILITY_WORDS or _plural_of(w, FACILITY_WORDS):
                return "literal"
            if w in TERRITORIAL_TITLES:
                return "literal"
            if territorial and w in ACTOR_HEADS:
                return "literal"  # "Kharkiv's security chief": the city's own office
            if w in ACTOR_HEADS or w in ATTACK_HEADS or w in RELATION_HEADS:
                return "metonym"
        # "Europe's GDP", "Britain's view": what a state has or thinks
        return "literal" if superlative else "metonym"

    def _premodified(self, n: int, j: int, territorial: bool, title: bool) -> str | None:
        """The noun a mention premodifies: "Kyiv troops", "the Kursk attack", "U.S. President"."""
        tk = self.tk
        i = self.idx[n][0]
        # "Russia-Ukraine war", "Egyptian-US relations": two sides of a relation
        hyphen = self.hyphen_pair[n] or (
            tk.word(i - 1) in _HYPHENS and i > 1 and tk.raw[i - 2][:1].isupper()
        )
        relation = None
        k = j - 1
        for step in range(3):
            k += 1
            w = tk.word(k)
            if w in _POSSESSIVE and step:
                k += 1  # "the DNR people's militia"
                w = tk.word(k)
            if not w.isalpha() or k in self._starts:
                break
            if step == 0 and tk.raw[k][0].isupper() and not title and w not in _HEADS:
                break  # a capitalised word after the name that is no title nor facility
            if w in TERRITORIAL_TITLES or w in FACILITY_WORDS:
                return "literal"
            if w in RELATION_HEADS:
                relation = "metonym" if hyphen else "literal"  # "Russia-Ukraine war"
                continue
            if w in ACTOR_HEADS:
                if w.endswith("s") and self._verb_reading(k):
                    return None  # "Russia sanctions Iran": a verb
                return "literal" if territorial else "metonym"
            if w in ATTACK_HEADS:
                if w.endswith("s") and self._verb_reading(k):
                    return None  # "Russia attacks Kharkiv"
                return "literal"  # "the Kursk attack": the target
            if w in PLACE_HEADS:
                if tk.word(k + 1) in _POSSESSIVE:
                    continue
                return "literal" if not self._verb_reading(k) else None
            if w not in _MODIFIERS and (relation is not None or step == 0):
                break
        return relation

    def _verb_reading(self, k: int) -> bool:
        """Whether the -s word at ``k`` is a verb: followed by an object, not by a verb."""
        nxt = self.tk.word(k + 1)
        if not nxt:
            return False
        return (
            nxt in _DETERMINERS
            or nxt in _PRONOUNS
            or nxt in _PARTICLES
            or nxt == "to"
            or nxt[0].isdigit()
            or (k + 1 < len(self.tk.raw) and self.tk.raw[k + 1][0].isupper())
        )

    # -- the words before: preposition + head, verb + object -------------------------------
    def _before(self, i: int, j: int) -> str | None:
        tk = self.tk
        k = i - 1
        while k >= 0 and (tk.low[k] in _DETERMINERS or tk.low[k] in _QUOTES):
            k -= 1
        w = tk.word(k)
        if not w or w in _BOUNDARY:
            return None
        if w in SPATIAL_PREPOSITIONS:
            return "literal"
        head = self._head(k)
        if w == "from":
            if head in _FROM_ACTORS or self._in_clause(k, _TAKE_FROM, 10):
                return "metonym"
            return "literal"
        if w == "of":
            # "the President of Ukraine", but "the invasion of Ukraine"
            return "metonym" if head in ACTOR_HEADS and head not in ATTACK_HEADS else "literal"
        if w == "for":
            return "literal" if head in _FOR_LITERAL else "metonym"
        if w == "to":
            if head in _TO_ACTORS or self._in_clause(k, _TO_TRANSFER, 9):
                return "metonym"  # "a memorandum to Ukraine", "cede territory to Moscow"
            return "literal"
        if w == "with":
            return "literal" if head in _WITH_LITERAL else "metonym"
        if w == "against":
            return "literal" if head in ATTACK_HEADS or head == "launched" else "metonym"
        if w == "on":
            if head in ATTACK_HEADS:
                return "literal"
            return "metonym" if head in _ON_ACTORS else "literal"
        if w == "by":
            return "literal" if head in _BY_LITERAL else "metonym"
        if w in ("between", "involving"):
            return "literal" if head in _BETWEEN_LITERAL else "metonym"
        if w in ("pro", "anti") or (w in _HYPHENS and tk.word(k - 1) in ("pro", "anti")):
            return "metonym"
        if w in _ACTOR_OBJECT_VERBS or w in _ALLY_NOUNS:
            return "metonym"  # "press Russia", "NATO ally Germany"
        if w in ("and", "&") and self._in_clause(k, _BETWEEN_WORDS, 4):
            return (
                "literal"
                if self._head(self._back_to(k, _BETWEEN_WORDS)) in _BETWEEN_LITERAL
                else "metonym"
            )
        if (w in _MODALS or w in _DO or w in _HAVE or w in _BE) and self._base_verb(tk.word(j)):
            return "metonym"  # "How can Russia respond?", "Nor did Kyiv agree"
        if w in _REGARD_VERBS and tk.word(j) == "as":
            return "metonym"  # "Vietnam sees Russia as a partner"
        if w in _BARE_CAUSATIVES and self._base_verb(tk.word(j)):
            return "metonym"  # "saw Kyiv retake", "let Moscow decide"
        if w in _PLACE_OBJECT_VERBS:
            return "literal"
        return None

    def _back_to(self, k: int, words: frozenset[str]) -> int:
        """The nearest index before ``k`` whose word is one of ``words`` (``k`` if none)."""
        for m in range(k - 1, max(-1, k - 5), -1):
            if self.tk.low[m] in words:
                return m
        return k

    def _head(self, k: int) -> str:
        """The word a preposition at ``k`` hangs from (the one before it)."""
        return self.tk.word(k - 1)

    def _in_clause(self, k: int, words: frozenset[str], reach: int) -> bool:
        tk = self.tk
        for m in range(k - 1, max(-1, k - 1 - reach), -1):
            w = tk.low[m]
            if w in _BOUNDARY:
                return False
            if w in words:
                return True
        return False

    # -- the words after: the agent slot of a finite verb ----------------------------------
    def _after(self, j: int, *, plural: bool) -> str | None:
        tk = self.tk
        w = tk.word(j)
        if w == "(":  # "Russia (the Kremlin) said"
            close = self._find(j + 1, ")", 12)
            if close is None:
                return None
            j, w = close + 1, tk.word(close + 1)
        if w == ",":
            nxt = tk.word(j + 1)
            if nxt in _RELATIVE:
                verb = self._agent(j + 2, plural=False)
                if verb is not None:
                    return verb  # "Russia, which has rejected ..."
            close = self._find(j + 1, ",", MAX_APPOSITION)
            if close is None:
                return None
            return self._agent(close + 1, plural=plural)
        nxt = tk.raw[j + 1] if j + 1 < len(tk.raw) else ""
        if w in ("and", "or", "&") and (
            tk.word(j + 1) in _PRONOUNS or tk.word(j + 1) in _DETERMINERS or nxt[:1].isupper()
        ):
            # "Kyiv and its allies insist", "U.S. and Ukrainian officials met": the
            # coordination is the subject
            for k in range(j + 2, j + 6):
                if tk.word(k) in _BOUNDARY or tk.word(k) == ",":
                    return None
                verb = self._agent(k, plural=True, strict=True)
                if verb is not None:
                    return verb
            return None
        if w == "to" and tk.word(j + 1).isalpha() and tk.word(j + 1) not in _DETERMINERS:
            nxt = tk.raw[j + 1] if j + 1 < len(tk.raw) else ""
            if nxt[:1].islower() and self._base_verb(tk.word(j + 1)):
                return "metonym"  # "wants Britain to answer", "calls for Ukraine to cede"
            return None
        return self._agent(j, plural=plural)

    def _find(self, k: int, target: str, reach: int) -> int | None:
        tk = self.tk
        for m in range(k, min(len(tk.low), k + reach)):
            w = tk.low[m]
            if w == target:
                return m
            if w in _BOUNDARY:
                return None
        return None

    def _skip_adverbs(self, k: int) -> int:
        tk = self.tk
        for _ in range(4):
            w = tk.word(k)
            adverb = len(w) > 4 and w.endswith("ly") and w.isalpha() and w not in ("italy", "july")
            if adverb or w in _ADVERBS or w in _NOT or w in _QUOTES or w in _TIME_WORDS:
                k += 1
            elif w in _TIME_STARTS and tk.word(k + 1) in _TIME_NOUNS:
                k += 2  # "last month", "on Tuesday"
            elif w in _TIME_STARTS and tk.word(k + 2) in _TIME_NOUNS:
                k += 3  # "in recent months", "earlier this week"
            elif w == "," and tk.word(k + 1) in _TIME_NOUNS and tk.word(k + 2) == ",":
                k += 3
            else:
                break
        return k

    def _agent(self, k: int, *, plural: bool, strict: bool = False) -> str | None:
        """Whether the words from ``k`` begin a finite verb whose subject is the mention."""
        tk = self.tk
        k = self._skip_adverbs(k)
        w = tk.word(k)
        if not w or not w[0].isalpha():
            return None
        if w in _MODALS or w in _DO:
            k = self._skip_adverbs(k + 1)
            v = tk.word(k)
            if v == "be":
                return self._predicate(k + 1)
            if v == "have":
                return self._perfect(k + 1)
            return "literal" if v in LOCATIVE_VERBS else ("metonym" if v.isalpha() else None)
        if w in _HAVE:
            return self._perfect(k + 1)
        if w in _BE:
            return self._predicate(k + 1)
        upper = tk.raw[k][0].isupper() and not tk.title_case(k)
        if strict and upper:
            return None
        if w in _IRREGULAR_PAST or self._regular_past(w):
            return self._past(k)
        if w in LOCATIVE_VERBS:
            return "literal"
        if upper:
            return None
        if w.endswith("s") and not w.endswith(("ss", "us", "is")) and self._verb_s(w):
            if w not in _PLURAL_NOUNS or self._verb_reading(k):
                return "metonym"  # "Russia holds", "Ukraine mourns", "Russia attacks Kyiv"
            return None
        if w in _PLURAL_NOUNS:
            return None
        if (plural or strict) and self._base_verb(w):
            return "metonym"  # "Kyiv and Moscow say"
        return None

    def _past(self, k: int) -> str:
        tk = self.tk
        w = tk.word(k)
        nxt = tk.word(k + 1)
        if w in ("suffered", "sustained") and self._within(k + 1, _LOSSES, 4):
            return "metonym"  # "Russia suffered setbacks": an army's losses
        if nxt == "by" or w in LOCATIVE_VERBS:
            return "literal"  # "Kyiv, hit by missiles"
        if w in AFFECT_VERBS:
            raw = tk.raw[k + 1] if k + 1 < len(tk.raw) else ""
            obj = (
                nxt in _DETERMINERS
                or nxt in _PRONOUNS
                or nxt in ("back", "hard", "to")
                or raw[:1].isupper()
                or raw[:1].isdigit()
            )
            return "metonym" if obj else "literal"  # "Moscow targeted Kharkiv" / "Kyiv targeted"
        return "metonym"

    def _within(self, k: int, words: frozenset[str], reach: int) -> bool:
        return any(self.tk.word(m) in words for m in range(k, k + reach))

    def _perfect(self, k: int) -> str | None:
        tk = self.tk
        k = self._skip_adverbs(k)
        v = tk.word(k)
        if v == "been":
            return self._predicate(k + 1)
        if v == "to" and self._base_verb(tk.word(k + 1)):
            return "metonym"  # "Slovenia had to endorse"
        if v in _PARTICIPLES or self._regular_past(v):
            return "literal" if v in LOCATIVE_VERBS else "metonym"
        if v in _DETERMINERS or v in ("no", "more", "about", "some") or v[:1].isdigit():
            # possession: "Kyiv has a population of", but "Russia has no plans"
            for m in range(k, k + 4):
                if tk.word(m) in _HAVE_LITERAL:
                    return "literal"
            return "metonym"
        return None

    def _predicate(self, k: int) -> str | None:
        """After a form of "be": passive, progressive, agentive adjective or a predicate noun."""
        tk = self.tk
        k = self._skip_adverbs(k)
        v = tk.word(k)
        if not v:
            return None
        if v in AGENTIVE_ADJECTIVES:
            return "metonym"  # "Russia was ready to", "is sincerely interested"
        if v.endswith("ing") and len(v) > 4:
            return "literal" if _locative_ing(v) else "metonym"  # "Russia is trying"
        if v in _PARTICIPLES or self._regular_past(v):
            m = self._skip_adverbs(k + 1)
            if tk.word(m) == "to" and tk.word(m + 1) not in ("be", "the", "a"):
                return "metonym"  # "is not known to have launched", "was forced to"
            return "literal"  # "Kyiv was hit", "is located"
        if v in ("a", "an", "the", "one"):
            for m in range(k + 1, k + 5):
                if tk.word(m) in ACTOR_PREDICATES:
                    return "metonym"  # "Europe was a reliable ally"
            return "literal"
        return "literal"

    @staticmethod
    def _regular_past(w: str) -> bool:
        return len(w) > 4 and w.endswith("ed") and w.isalpha() and w not in _NOT_PAST

    def _verb_s(self, w: str) -> bool:
        if w.endswith("ies"):
            return _is_verb(w[:-3] + "y")
        if w.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
            return _is_verb(w[:-2])
        return _is_verb(w[:-1])

    @staticmethod
    def _base_verb(w: str) -> bool:
        return w.isalpha() and _is_verb(w)

    def _dateline(self, i: int, j: int) -> bool:
        """A dateline: "KYIV, Ukraine (AP) -", "MOSCOW (Sputnik) -", "RIYADH, Saudi Arabia -"."""
        tk = self.tk
        raw = tk.raw[i] if i < len(tk.raw) else ""
        if tk.word(j) not in ("(", "—", "–", "-", ",", "/"):
            return False
        if raw.isupper() and len(raw) > 2:
            prev = tk.word(i - 1)
            at_start = i == 0 or prev == "\n" or prev[:1].isdigit()  # " date 2025-02-18 KYIV"
            return at_start and (tk.word(j) != "," or tk.word(j + 1) != "and")
        # the country after the city: "RIYADH, Saudi Arabia (AP)"
        first = i - 2
        return (
            first >= 0
            and tk.low[i - 1] == ","
            and tk.raw[first].isupper()
            and len(tk.raw[first]) > 2
            and (first == 0 or tk.low[first - 1] == "\n" or tk.low[first - 1][:1].isdigit())
            and tk.word(j) in ("(", "—", "–", "-")
        )


def _locative_ing(v: str) -> bool:
    """Whether the -ing form ``v`` is of a locative verb ("bordering", "experiencing")."""
    stem = v[:-3]
    return (
        v in LOCATIVE_VERBS
        or stem in LOCATIVE_VERBS
        or stem + "e" in LOCATIVE_VERBS
        or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in LOCATIVE_VERBS)
    )


@functools.lru_cache(maxsize=8192)
def _is_verb(base: str) -> bool:
    """Whether ``base`` is an English verb: its -ing form is common (wordfreq)."""
    if len(base) < 2:
        return False
    freq = _frequencies()
    forms = [base + "ing"]
    if base.endswith("e") and not base.endswith("ee"):
        forms.append(base[:-1] + "ing")
    if len(base) > 2 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou":
        forms.append(base + base[-1] + "ing")
    floor = 10.0 ** (VERB_ZIPF - 9.0)
    return any(freq.get(f, 0.0) >= floor for f in forms)


@functools.cache
def _frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict  # imported on first use: about 0.1 s, 20 MB

    return get_frequency_dict("en", wordlist="small")


def _plural_of(word: str, nouns: frozenset[str]) -> bool:
    """Whether ``word`` is the plural of one of ``nouns`` ("refineries", "plants")."""
    if word.endswith("ies"):
        return word[:-3] + "y" in nouns
    return word.endswith("s") and word[:-1] in nouns
