"""Toponym mentions: the place names of a text, each with its place and its role (geoparsing).

* :mod:`~geonews.mentions.mention` - :class:`Mention`, one toponym in a text;
* :mod:`~geonews.mentions.lexicon` - word lists: what is not a place name;
* :mod:`~geonews.mentions.roles` - literal place or actor (metonym);
* :mod:`~geonews.mentions.document` - the document and spans the components annotate;
* :mod:`~geonews.mentions.recognise` - the recognition component: spans that name places;
* :mod:`~geonews.mentions.screening` - rules that keep people, words and acronyms out;
* :mod:`~geonews.mentions.entities` - names built on a place name: institutions, titles,
  facilities;
* :mod:`~geonews.mentions.disambiguate` - the disambiguation component: one place a name;
* :mod:`~geonews.mentions.parser` - :class:`Geoparser` (recognise, disambiguate, roles) and
  :func:`geoparse`.
"""

from __future__ import annotations

from geonews.mentions.mention import ROLES, Mention
from geonews.mentions.parser import MAX_TEXT_LENGTH, Geoparser, geoparse

__all__ = ["MAX_TEXT_LENGTH", "ROLES", "Geoparser", "Mention", "geoparse"]
