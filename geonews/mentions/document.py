"""What the geoparser's components pass along: a :class:`Document`, its words and spans.

The :class:`~geonews.mentions.parser.Geoparser` makes a :class:`Document` of a text and runs
its components on it in turn, each annotating what the one before left:

1. :class:`~geonews.mentions.recognise.Recogniser` sets ``Document.spans``, the candidate
   toponyms, each with the name key it is looked up by and a cue of its form;
2. :class:`~geonews.mentions.disambiguate.Disambiguator` sets each span's ``place``,
   ``candidates``, ``confidence`` and ``part``, one resolution per name key;
3. the geoparser gives each span its role and makes a :class:`~geonews.mentions.Mention`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from geonews.mentions.lexicon import AP_STATES
from geonews.places import Place

__all__ = ["Document", "Span", "Word", "capitalised", "split_words"]

_WORD = re.compile(r"(?:[A-Z][a-z]?\.){2,}|[^\W\d_][^\W_]*(?:['’ʼ\-‑][^\W\d_][^\W_]*)*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s$")

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
    out = []
    for m in _WORD.finditer(text):
        s, e, w = m.start(), m.end(), m.group()
        if text[e : e + 1] == "." and w.lower() in AP_STATES and w[:1].isupper():
            e, w = e + 1, w + "."  # "Gainesville, Ga." - the full stop is part of it
        poss = _POSSESSIVE.search(w)
        if poss and len(w) > 2:
            e -= len(poss.group())
            w = w[: -len(poss.group())]
        out.append((s, e, w))
    return out


def capitalised(word: str) -> bool:
    """Whether ``word`` starts with a capital letter."""
    return word[:1].isupper()


@dataclasses.dataclass
class Span:
    """A candidate toponym: where it stands in the text, and the name it is looked up by.

    ``cue`` says what its form adds: ``"region"`` ("the Donetsk region": ``key`` is the
    region's), ``"direction"`` ("eastern Ukraine": ``key`` is Ukraine's, ``part_key`` the
    eastern-Ukraine area's), ``"org"`` (a place in an institution's name: "Kyiv
    Independent"), ``"hashtag"`` ("#ukraine"), ``"ner"`` (found by the spaCy pipeline).
    """

    start: int
    end: int
    text: str
    key: str
    cue: str | None = None
    sentence_start: bool = False
    part_key: str | None = None
    # -- set by the Disambiguator --------------------------------------------------------
    place: Place | None = None
    candidates: tuple[Place, ...] = ()
    confidence: float = 0.0
    part: Place | None = None
    # -- set by Roles ---------------------------------------------------------------------
    role: str = "literal"


@dataclasses.dataclass
class Document:
    """A text, its date and the spans the components found and resolved in it."""

    text: str
    date: dt.date | None = None
    spans: list[Span] = dataclasses.field(default_factory=list)
