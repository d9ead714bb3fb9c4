"""What the geoparser's components pass along: a :class:`Document`, its words and spans.

The :class:`~geonews.mentions.parser.Geoparser` makes a :class:`Document` of a text
(:meth:`Document.read`: the one place where running text is normalised) and runs its
components on it in turn, each annotating what the one before left:

1. :class:`~geonews.mentions.recognise.Recogniser` sets ``Document.spans``, the candidate
   toponyms, each with the name key it is looked up by and a cue of its form;
2. :class:`~geonews.mentions.disambiguate.Disambiguator` sets each span's ``place``,
   ``candidates``, ``confidence`` and ``part``, one resolution per name key;
3. the geoparser gives each span its role and makes a :class:`~geonews.mentions.Mention`.

Normalisation makes running text what :func:`geonews.places.names.key` makes of a name:
composed (NFC: a decomposed "Kyi\u0308v" is "Kyïv", not the word "Kyi" and a stray mark)
and without format characters (soft hyphens, zero-width spaces and joiners, direction
marks, byte-order marks) or lone surrogates, so that "Po\u00adkrovsk" is the word
Pokrovsk in a text as it is in ``resolve()``.  The components read the normalised text;
:meth:`Document.spans_in_source` gives the spans back in the caller's text, whose offsets
they index.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
import unicodedata

from geonews.mentions.lexicon import AP_STATES
from geonews.places import Place

__all__ = ["Document", "Span", "Word", "capitalised", "normalise", "split_words"]

#: Combining marks inside a word (left by NFC where no composed letter exists).
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD = re.compile(
    rf"(?:[A-Z][a-z]?\.){{2,}}|[^\W\d_][^\W_]*(?:[{_MARKS}]+[^\W_]*)*"
    rf"(?:['’ʼ\-‑][^\W\d_][^\W_]*(?:[{_MARKS}]+[^\W_]*)*)*",
    re.UNICODE,
)
#: Format characters (Unicode category Cf, as of Unicode 14) and lone surrogates: dropped
#: from running text as :func:`geonews.places.names.key` drops them from names.
_FORMAT = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f\ud800-\udfff]"
)
#: Most combining marks normalised with the character they follow (Unicode's stream-safe
#: text format: 30); a longer run is normalised in pieces.
_MAX_MARKS = 30
#: A stretch of text that normalisation may change: non-ASCII characters and the character
#: before them (an ASCII letter can take a combining mark; nothing composes with a
#: following ASCII character, so the text can be normalised stretch by stretch).
_STRETCH = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")
#: The endings of a possessive, cut off a word.
_POSSESSIVES = ("'s", "’s")

#: A word of a text: its start, its end and the word.
Word = tuple[int, int, str]


def split_words(text: str) -> list[Word]:
    """The words of ``text``: letter runs, with their apostrophes and hyphens, and U.S., UAE.

    A possessive 's is cut off ("Kyiv's" is Kyiv); an AP state abbreviation keeps its full
    stop ("Gainesville, Ga.").

    Examples
    --------
    >>> split_words("Kyiv's mayor, in Tampa, Fla.")
    [(0, 4, 'Kyiv'), (7, 12, 'mayor'), (14, 16, 'in'), (17, 22, 'Tampa'), (24, 28, 'Fla.')]
    """
    out: list[Word] = []
    append = out.append  # the loop runs once a word: no attribute look-ups in it
    for m in _WORD.finditer(text):
        w = m.group()
        s, e = m.span()
        if w[-2:] in _POSSESSIVES:  # a word starts with a letter: never all possessive
            append((s, e - 2, w[:-2]))
        elif text[e : e + 1] == "." and w[:1].isupper() and w.lower() in AP_STATES:
            append((s, e + 1, w + "."))  # "Gainesville, Ga." - the full stop is part of it
        else:
            append((s, e, w))
    return out


def capitalised(word: str) -> bool:
    """Whether ``word`` starts with a capital letter."""
    return word[:1].isupper()


@dataclasses.dataclass
class Span:
    """A candidate toponym: where it stands in the text, and the name it is looked up by.

    ``cue`` says what its form adds: ``"region"`` ("the Donetsk region": ``key`` is the
    region's), ``"river"`` ("the left bank of the Dnipro": ``key`` is the river's),
    ``"direction"`` ("eastern Ukraine": ``key`` is Ukraine's, ``part_key`` the
    eastern-Ukraine area's), ``"org"`` (a place opening its own institution's name: "Kyiv
    Post"), ``"title"`` (an office's: "Belgorod Governor"), ``"facility"`` ("the Kerch
    ferry port"), ``"hashtag"`` ("#ukraine"), ``"compound"`` (a hyphenated name the
    gazetteer lacks whose parts are places far apart: "Kara-Koba"), ``"ner"`` (found by
    the spaCy pipeline);
    :mod:`~geonews.mentions.screening` lists them.
    """

    start: int
    end: int
    text: str
    key: str
    cue: str | None = None
    sentence_start: bool = False
    part_key: str | None = None
    #: Taken only from its context, for a name the gazetteer lacks as written
    #: (:mod:`~geonews.mentions.unknown`): the span is dropped if it finds no place.
    unknown: bool = False
    # -- set by the Disambiguator --------------------------------------------------------
    #: The kind of hint (``"region"``, ``"country"``, ``"raion"``) when the span only says
    #: where the span before it is ("Donetsk" in "Hryhorivka (Donetsk)"):
    #: :func:`~geonews.mentions.hints.find_addresses`.
    address: str | None = None
    place: Place | None = None
    candidates: tuple[Place, ...] = ()
    confidence: float = 0.0
    part: Place | None = None
    #: Why the name has no place (``place`` None): ``"unresolved:hint:..."`` (the text's
    #: hint rules out every candidate), ``"unresolved:spelling:..."`` (a spelling-tolerant
    #: match far from the text's places).
    reason: str | None = None
    # -- set by Roles ---------------------------------------------------------------------
    role: str = "literal"


@dataclasses.dataclass
class Document:
    """A text, its date and the spans the components found and resolved in it.

    Made with :meth:`read`, ``text`` is the normalised text and ``source`` the caller's;
    made directly, the text is read as given.
    """

    text: str
    date: dt.date | None = None
    spans: list[Span] = dataclasses.field(default_factory=list)
    #: The caller's text, when normalisation changed it (else None: ``text`` is it).
    source: str | None = None
    #: Where each normalised stretch starts in ``source`` (see :func:`normalise`).
    offsets: OffsetMap | None = None
    #: Name keys the disambiguator left without a place on purpose, with the reason.
    unresolved: dict[str, str] = dataclasses.field(default_factory=dict)

    @classmethod
    def read(cls, text: str, date: dt.date | None = None) -> Document:
        """The document of ``text``, normalised (see :func:`normalise`).

        Examples
        --------
        >>> doc = Document.read("Drones hit Po\u00adkrovsk.")
        >>> doc.text, doc.source is not None
        ('Drones hit Pokrovsk.', True)
        """
        norm, offsets = normalise(text)
        if offsets is None:
            return cls(text, date)
        return cls(norm, date, source=text, offsets=offsets)

    def spans_in_source(self) -> list[Span]:
        """The spans with offsets and text in the caller's text (copies when they differ).

        Examples
        --------
        >>> doc = Document.read("In Kyi\u0308v.")  # "i" and a combining diaeresis
        >>> doc.text
        'In Kyïv.'
        >>> doc.spans = [Span(3, 7, "Kyïv", "kyiv")]
        >>> [(sp.start, sp.end, len(sp.text)) for sp in doc.spans_in_source()]
        [(3, 8, 5)]
        """
        if self.offsets is None or self.source is None:
            return self.spans
        out = []
        for sp in self.spans:
            s, e = self.offsets.start(sp.start), self.offsets.end(sp.end)
            out.append(dataclasses.replace(sp, start=s, end=e, text=self.source[s:e]))
        return out


class OffsetMap:
    """Offsets in a normalised text mapped back to the text it was made from.

    Normalisation changes the text only in a few places (a composed letter, a dropped
    format character); the map keeps one break where the shift between the two texts
    changes, and answers by bisection.
    """

    __slots__ = ("_norm", "_orig")

    def __init__(self, breaks: list[tuple[int, int]]):
        # (offset in the normalised text, offset in the source) at each break, in order
        self._norm = [n for n, _ in breaks]
        self._orig = [o for _, o in breaks]

    def start(self, pos: int) -> int:
        """Where the character at ``pos`` of the normalised text starts in the source."""
        i = bisect.bisect_right(self._norm, pos) - 1
        return pos if i < 0 else self._orig[i] + pos - self._norm[i]

    def end(self, pos: int) -> int:
        """Where a span that ends at ``pos`` of the normalised text ends in the source.

        At a break, the first source offset: a dropped character right after a span is not
        part of it.
        """
        i = bisect.bisect_left(self._norm, pos)
        if i < len(self._norm) and self._norm[i] == pos:
            return self._orig[i]
        return pos if i == 0 else self._orig[i - 1] + pos - self._norm[i - 1]


def normalise(text: str) -> tuple[str, OffsetMap | None]:
    """``text`` composed (NFC), without format characters and lone surrogates.

    Returns the normalised text and the map of its offsets back to ``text``, or ``text``
    and None when there was nothing to change (most texts: the check is two C-speed
    scans).  The work is linear in the text's length: it is done stretch by stretch
    (:data:`_STRETCH`) and character cluster by cluster (a letter and its combining marks).

    Examples
    --------
    >>> norm, offsets = normalise("Kyi\u0308v and Ode\u0301sa, Po\u00adkrovsk")
    >>> norm
    'Kyïv and Odésa, Pokrovsk'
    >>> offsets.start(norm.index("Pokrovsk")), offsets.end(len(norm))
    (18, 27)
    >>> normalise("Kyiv")[1] is None
    True
    """
    if text.isascii() or (unicodedata.is_normalized("NFC", text) and _FORMAT.search(text) is None):
        return text, None
    out: list[str] = []
    breaks: list[tuple[int, int]] = []
    done = 0  # source offset up to which the text is copied to ``out``
    length = 0  # length of the normalised text so far
    for m in _STRETCH.finditer(text):
        a, b = m.span()
        piece = m.group()
        if unicodedata.is_normalized("NFC", piece) and _FORMAT.search(piece) is None:
            continue
        out.append(text[done:a])
        length += a - done
        for ca, cb in _clusters(piece, a):
            cluster = text[ca:cb]
            new = "" if _FORMAT.fullmatch(cluster[0]) else unicodedata.normalize("NFC", cluster)
            if new != cluster:
                breaks.append((length, ca))
                breaks.append((length + len(new), cb))
            out.append(new)
            length += len(new)
        done = b
    out.append(text[done:])
    return "".join(out), OffsetMap(breaks)


def _clusters(piece: str, offset: int):
    """Source offsets ``(start, end)`` of each cluster of ``piece``.

    A cluster is a format character alone, or a character and the combining marks after it.
    """
    start = 0
    for i in range(1, len(piece) + 1):
        if (
            i == len(piece)
            or _FORMAT.fullmatch(piece[i])
            or _FORMAT.fullmatch(piece[i - 1])
            or not unicodedata.combining(piece[i])
            or i - start > _MAX_MARKS  # the stream-safe limit: NFC reorders marks in
            # quadratic time, and no real letter carries more
        ):
            yield offset + start, offset + i
            start = i
