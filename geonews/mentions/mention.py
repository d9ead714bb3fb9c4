"""A toponym :class:`Mention` in a text: span, role and the place it names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from geonews.places import Place

__all__ = ["ROLES", "Mention"]

#: Roles of a mention: where something is (literal) or an actor named after a place.
ROLES = ("literal", "metonym")


@dataclass(frozen=True, slots=True)
class Mention:
    """One toponym mention in a text.

    ``text[start:end] == mention.text`` always holds for the text it came from.
    ``place`` is ``None`` when the name could not be resolved; ``candidates`` holds
    the runner-up places, best first.  ``part`` is the named part of ``place`` that a
    compass word marks off: for "eastern Ukraine" ``place`` is the country Ukraine (the
    toponym, as geoparsing corpora annotate it) and ``part`` the eastern-Ukraine area,
    which events map as the union of its oblasts.

    ``matched`` says how the place was found: ``"name"``, ``"alt"``, ``"alias:<kind>"``,
    ``"fold"`` or ``"fuzzy"`` (spelling tolerance), ``"republic"``, with ``"+hint:<hint>"``
    when a hint of the text backed the choice (``"name+hint:region:Donetsk"``,
    ``"name+hint:near:Chasiv Yar"``) and ``"+region"``/``"+direction"`` for the span's
    form.  With ``place`` None it says why the name was left unresolved
    (``"unresolved:hint:..."``, ``"unresolved:spelling:..."``, ``"unresolved:list:..."``,
    ``"unresolved:list-region:..."``, ``"unresolved:alone:..."``,
    ``"unresolved:compound:..."``), or is None.

    ``address`` is true when the mention only says where the mention before it is: the
    raion and the region of "Kurakhove (Pokrovsk raion, Donetsk)", "Heorhiivka, Donetsk".
    A city named after its region stands for the region there ("Donetsk" is Donetsk
    Oblast), and events are never placed at an address.
    """

    start: int
    end: int
    text: str
    place: Place | None = None
    role: str = "literal"
    score: float = 0.0
    matched: str | None = None
    candidates: tuple[Place, ...] = ()
    part: Place | None = None
    address: bool = False

    @property
    def __geo_interface__(self) -> dict[str, Any] | None:
        return None if self.place is None else self.place.__geo_interface__
