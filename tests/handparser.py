"""A stand-in recogniser for event tests, used until and besides the real geoparser.

It recognises a fixed list of names, resolves them with the real resolver
(:func:`geonews.resolve`), and gives a mention the ``metonym`` role when a verb or
a possessive follows it ("Moscow calls", "Kyiv did not"), else ``literal``.  That
is enough to exercise the events module on hand-written dispatches while keeping
the recognition step out of what the event tests measure.
"""

from __future__ import annotations

import functools
import re

import geonews
from geonews.mentions import Mention
from geonews.places import Place

NAMES = (
    "Moscow", "Florida", "Geneva", "Abu Dhabi", "Ireland", "Pokrovsk", "Krasnoarmeysk",
    "Donetsk region", "Donetsk Oblast", "Ukraine", "Russia", "Dnipro", "Kyiv", "Kiev",
    "Kharkiv", "Odesa", "Huliaipole", "Zaporizhzhia region", "Kherson", "Washington",
    "Bakhmut", "Myrnohrad", "Kupiansk", "Sumy", "Belgorod", "Lviv", "Zaporizhzhia",
)  # fmt: skip
_FIND = re.compile(
    r"\b(?:" + "|".join(re.escape(n) for n in sorted(NAMES, key=len, reverse=True)) + r")\b"
)
_ACTOR_AFTER = re.compile(
    r"(?:'s\b|\s+(?:has|have|had|said|says|calls|called|insists|insisted|would|will|did|does"
    r"|wants|denied|launched|fired|accused|rejected|threatened|[a-z]+ed)\b)"
)


@functools.cache
def place(name: str) -> Place:
    """The place the real resolver gives for ``name``."""
    return geonews.resolve(name)


def parse(text: str) -> list[Mention]:
    """Mentions of the known names in ``text``, in order."""
    out = []
    for match in _FIND.finditer(text):
        surface = match.group()
        role = "metonym" if _ACTOR_AFTER.match(text, match.end()) else "literal"
        out.append(Mention(match.start(), match.end(), surface, place(surface), role=role))
    return out
