"""Find and resolve every place a news text names: the :class:`Geoparser`.

A :class:`Geoparser` runs a small pipeline of components over a
:class:`~geonews.mentions.document.Document`, each in its own module:

1. recognition (:class:`~geonews.mentions.recognise.Recogniser`): the spans that name
   places, with no model needed (:mod:`~geonews.mentions.screening` keeps out people,
   common words, streets and acronyms);
2. disambiguation (:class:`~geonews.mentions.disambiguate.Disambiguator`): one place per
   name, chosen jointly over the document (the countries and regions it names, admin hints,
   spatial coherence, the resolver's priors);
3. roles: ``literal`` or ``metonym`` for each mention (see :mod:`geonews.mentions.roles`).

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
import warnings
from collections.abc import Iterable, Iterator
from typing import Any

from geonews.dates import as_date
from geonews.errors import InvalidInput
from geonews.mentions.disambiguate import Disambiguator
from geonews.mentions.document import Document, Span
from geonews.mentions.hints import UNNAMED_REGION
from geonews.mentions.mention import Mention
from geonews.mentions.recognise import Recogniser
from geonews.mentions.roles import Roles
from geonews.places.resolver import CountryBias, Resolver

__all__ = ["MAX_TEXT_LENGTH", "Geoparser", "geoparse"]

#: Longest text accepted (characters); split longer documents.
MAX_TEXT_LENGTH = 2_000_000
#: Geoparsers remembered for the country_bias values geoparse() was called with.
_PARSER_CACHE = 16


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

    Attributes
    ----------
    recogniser : Recogniser
        Finds the spans that name places.
    disambiguator : Disambiguator
        Chooses one place per name over the document.

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
        self.recogniser = Recogniser(self.resolver, nlp=nlp)
        self.disambiguator = Disambiguator(self.resolver)
        self.roles = Roles()

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline whose entities add candidate spans, or None."""
        return self.recogniser.nlp

    @nlp.setter
    def nlp(self, nlp: Any) -> None:
        self.recogniser.nlp = nlp

    @property
    def pipeline(self) -> tuple[Recogniser, Disambiguator, Roles]:
        """The components run on each document, in order."""
        return self.recogniser, self.disambiguator, self.roles

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
        doc = Document.read(text, as_date(date))  # normalised once, here
        for component in self.pipeline:
            doc = component(doc)
        return [self._mention(text, sp) for sp in doc.spans_in_source()]

    def pipe(
        self, texts: Iterable[Any], *, as_tuples: bool = False, batch_size: int | None = None
    ) -> Iterator[Any]:
        """Stream mentions for many texts, in input order.

        Each text is parsed as it is taken from ``texts``, and its mentions are yielded
        before the next is taken: there is nothing to gain from batching (the texts are
        independent, and the name look-ups are cached across them), so nothing is held
        back.

        Parameters
        ----------
        texts : iterable
            Texts, or ``(text, context)`` pairs when ``as_tuples`` is true; a context that
            is a mapping with a ``"date"`` key passes that date on.
        as_tuples : bool
            Yield ``(mentions, context)`` pairs so ids and dates travel with results.
        batch_size : int, optional
            Deprecated, and without effect (a DeprecationWarning says so): texts are
            parsed one at a time as they arrive.

        Yields
        ------
        list of Mention, or (list of Mention, context)
        """
        if batch_size is not None:
            warnings.warn(
                "Geoparser.pipe(batch_size=...) is deprecated and has no effect: "
                "pipe parses each text as it arrives",
                DeprecationWarning,
                stacklevel=2,
            )
            if batch_size < 1:
                raise InvalidInput(f"batch_size must be at least 1: {batch_size!r}")
        return self._stream(texts, as_tuples)

    def _stream(self, texts: Iterable[Any], as_tuples: bool) -> Iterator[Any]:
        for item in texts:
            if as_tuples:
                text, context = item
                date = context.get("date") if isinstance(context, dict) else None
                yield self(text, date=date), context
            else:
                yield self(item)

    @staticmethod
    def _mention(text: str, span: Span) -> Mention:
        """The mention of a resolved span, with its role."""
        place = span.place
        role = "literal" if place is None else span.role
        matched = span.reason if place is None else place.matched
        if span.cue in ("region", "direction", "district") and matched:
            matched = f"{matched}+{span.cue}"
        return Mention(
            span.start,
            span.end,
            span.text,
            place,
            role,
            span.confidence,
            matched,
            span.candidates,
            span.part,
            span.address not in (None, UNNAMED_REGION),  # that oblast is a place of its own
        )


@functools.cache
def _default_parser() -> Geoparser:
    return Geoparser()


def geoparse(
    text: str,
    *,
    date: dt.date | str | None = None,
    country_bias: CountryBias = "war",
    context: Any = dataclasses.MISSING,  # the old name of country_bias (deprecated)
) -> list[Mention]:
    """Find, resolve and role-tag every toponym in ``text``.

    Parameters
    ----------
    text : str
        An English news text.
    date : date or str, optional
        The text's date (see :meth:`Geoparser.__call__`).
    country_bias : str, mapping or None
        ``"war"`` (default: Ukraine, then Russia and neighbours), an ISO code such as
        ``"RU"``, a mapping ``{code: weight}``, or ``None`` for a general world context;
        as for :class:`~geonews.places.resolver.Resolver` and :class:`Geoparser`.
    context : str, mapping or None
        Deprecated: the old name of ``country_bias`` (a DeprecationWarning says so).

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
    >>> geoparse("Officials in Dzerzhinsk said so.", country_bias="RU")[0].place.country
    'RU'
    """
    if context is not dataclasses.MISSING:
        if country_bias != "war":
            raise TypeError("geoparse() takes country_bias= or its old name context=, not both")
        warnings.warn(
            "geoparse(context=...) is deprecated; use country_bias=...",
            DeprecationWarning,
            stacklevel=2,
        )
        country_bias = context
    if country_bias == "war":
        return _default_parser()(text, date=date)
    return _parser_for(_freeze(country_bias))(text, date=date)


def _freeze(country_bias: CountryBias):
    if isinstance(country_bias, dict):
        return tuple(sorted(country_bias.items()))
    return country_bias


@functools.lru_cache(maxsize=_PARSER_CACHE)
def _parser_for(frozen) -> Geoparser:
    bias = dict(frozen) if isinstance(frozen, tuple) else frozen
    return Geoparser(country_bias=bias)
