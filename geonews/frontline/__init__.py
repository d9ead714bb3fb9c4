"""Control-area snapshots: load them, compare them, place events against them.

* :mod:`~geonews.frontline.sources` - :func:`load`, :func:`load_series` and
  :func:`classify`: DeepStateMap, ISW and your own files; :data:`CONTROL_STATUSES`;
* :mod:`~geonews.frontline.analysis` - :func:`occupied_area_km2`, :func:`change`,
  :func:`front_line`, :func:`surroundings`;
* :mod:`~geonews.frontline.placement` - :func:`locate`: events against snapshots;
* :mod:`~geonews.frontline.projection` - :data:`EQUAL_AREA`, the frame areas and
  distances are computed in, and Ukraine's outline in it;
* :mod:`~geonews.frontline.dissolve` - polygon work in bounded time and memory (part
  by part) and the size limits a front line refuses files beyond;
* :mod:`~geonews.frontline.claims` - which events claim a change of control, for which
  side; :func:`read_claims` for a claims file;
* :mod:`~geonews.frontline.verdicts` - :func:`verify`: each claim against the snapshots
  before and after it; :func:`verify_summary`.

The map layers that draw them are :mod:`geonews.maps.frontline` and
:mod:`geonews.maps.claims`.
"""

from __future__ import annotations

from geonews.frontline.analysis import change, front_line, occupied_area_km2, surroundings
from geonews.frontline.claims import CLAIM_KINDS, read_claims
from geonews.frontline.placement import locate
from geonews.frontline.projection import EQUAL_AREA
from geonews.frontline.sources import CONTROL_STATUSES, OCCUPIED, classify, load, load_series
from geonews.frontline.verdicts import VERDICTS, verify, verify_summary

__all__ = [
    "CLAIM_KINDS",
    "CONTROL_STATUSES",
    "EQUAL_AREA",
    "OCCUPIED",
    "VERDICTS",
    "change",
    "classify",
    "front_line",
    "load",
    "load_series",
    "locate",
    "occupied_area_km2",
    "read_claims",
    "surroundings",
    "verify",
    "verify_summary",
]
