"""Names of self-proclaimed and constituent republics, read as the territory they name.

"Donetsk Republic", "People Republic of Donetsk", "Lugansk People's Republic", "Republic
of Crimea": reporting writes the occupation entities and Russia's republics in many word
orders.  The alias tables hold the common forms; :func:`core_of` takes the designator off
any other one, so that the resolver looks up the territory's own name ("Donetsk") and
keeps only a first-level region or a country for it (a city of the same name stands for
its region: the Donetsk Republic is not the city of Donetsk).

Examples
--------
>>> core_of("people republic of donetsk"), core_of("lugansk republic")
('donetsk', 'lugansk')
>>> core_of("donetsk") is None
True
"""

from __future__ import annotations

import re

__all__ = ["core_of"]

_PEOPLES = r"(?:(?:peoples?|popular|narodnaya)\s+)?"
_REPUBLIC = r"(?:republic|respublika)"
_DESIGNATED = (
    re.compile(rf"^(?:the\s+)?{_PEOPLES}{_REPUBLIC}\s+of\s+(?:the\s+)?(?P<core>.+)$"),
    re.compile(rf"^(?:the\s+)?(?P<core>.+?)\s+{_PEOPLES}{_REPUBLIC}$"),
)


def core_of(k: str) -> str | None:
    """The territory's own name key inside a republic's name key, or None.

    Parameters
    ----------
    k : str
        A name key (:func:`~geonews.places.names.key`).
    """
    if "republic" not in k and "respublika" not in k:  # what both patterns need
        return None
    for pattern in _DESIGNATED:
        m = pattern.match(k)
        if m:
            core = m.group("core").strip()
            return core or None
    return None
