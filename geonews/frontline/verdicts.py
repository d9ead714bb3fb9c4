"""Check claims of a change of control against the control maps that came after them.

:func:`verify` takes the claims among some events (:mod:`geonews.frontline.claims`:
captures, advances, "liberated", withdrawals, by either side) and a series of dated
control snapshots (:func:`geonews.frontline.load_series`), and tells for each claim
what the maps showed at its place before and after it:

``confirmed``
    the claimed side holds the place in a later snapshot (``confirmed_on`` is the first
    one, ``lag_days`` the days from the claim to it);
``already``
    the claimed side held it in the last snapshot on or before the claim date;
``not_yet``
    no later snapshot shows the claimed side holding it, and none contradicts it;
``contradicted``
    the other side still holds it (more than half of it: :data:`STILL_HELD_SHARE`) in
    every later snapshot up to one at least ``within_days`` after the claim, before any
    snapshot confirms it;
``unknown``
    no snapshot after the claim covers the place (or the claim has no date, no place
    or no side that can be told).

**The place.**  A settlement-precision claim is a disk of ``buffer_m`` around its point;
a region-level claim (a region or area polygon) is its territory.  In each snapshot the
disk or territory is split into the share each side holds; a side *holds* the place when
its share is at least ``hold_share``.  An advance claims ground, not the whole place: it
is confirmed as soon as the other side's share has fallen by :data:`ADVANCE_GAIN` since
the snapshot before the claim (or the claimed side holds the place).  Region-level
advances cannot be checked and are ``unknown``.

**What a snapshot can say.**  DeepStateMap's raw layers (any snapshot with a grey zone or
liberated areas) show three things: Russian-held (``occupied``,
``occupied_before_2022``), the grey zone (``contested``) and Ukrainian-held (liberated
areas and the rest of Ukraine).  On Russian soil (a claim whose ``country`` is ``"RU"``)
they draw only what Ukraine holds, so the rest there counts as Russian-held.  "Occupied
union" files and ISW layers show only Russian-held areas (ISW: assessed control; assessed
advances count as contested; areas Russia only claims count for nobody): the rest of
Ukraine is ``not_occupied``, which is Ukrainian-held *or* grey zone.  Such a snapshot can
confirm a Russian claim or contradict a Ukrainian one, never the reverse, and says
nothing about Russian soil.  A union or ISW snapshot dated within
:data:`SAME_ASSESSMENT_DAYS` of a raw layer is left out: the raw layer says more.

Examples
--------
>>> import geopandas as gpd, pandas as pd
>>> from shapely.geometry import Point, box
>>> from geonews.frontline import load_series
>>> def snap(day, west):  # occupied east of ``west``; a grey strip just west of it
...     return gpd.GeoDataFrame({"status": ["occupied", "contested"], "date": [day] * 2},
...         geometry=[box(west, 47.5, 38.0, 48.5), box(west - 0.05, 47.5, west, 48.5)],
...         crs=4326)
>>> series = load_series([snap("2024-01-15", 37.6), snap("2024-04-15", 37.3)])
>>> claims = gpd.GeoDataFrame({"date": pd.to_datetime(["2024-02-01", "2024-02-01"]),
...     "sub_type": ["Claimed capture"] * 2, "side": ["RU", "RU"]},
...     geometry=[Point(37.45, 48.0), Point(37.8, 48.0)], crs=4326)
>>> out = verify(claims, series)
>>> out["verdict"].tolist(), out["lag_days"].tolist(), out["status_before"].tolist()
(['confirmed', 'already'], [74, <NA>], ['held', 'occupied'])
>>> out["statuses"].iloc[0]
'2024-01-15 held; 2024-04-15 occupied'
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geonews.activity.areas import event_areas
from geonews.errors import InvalidInput

# The package's public names (geonews/frontline/__init__.py binds them before it imports
# this module), not its modules: those are being reorganised.
from geonews.frontline import EQUAL_AREA, OCCUPIED, locate
from geonews.frontline.claims import SIDES, select
from geonews.places.territory import country_outline

__all__ = [
    "ADVANCE_GAIN",
    "HOLD_SHARE",
    "RUSSIAN_BORDER_KM",
    "SAME_ASSESSMENT_DAYS",
    "STILL_HELD_SHARE",
    "VERDICTS",
    "verify",
    "verify_summary",
]

#: Verdicts, from best to worst supported.
VERDICTS = ("confirmed", "already", "not_yet", "contradicted", "unknown")

#: Default share of a place (disk or region) a side must hold to hold the place: three
#: quarters, so a town the front runs through is held by neither side.
HOLD_SHARE = 0.75

#: Share of a place the other side must still hold to contradict a claim: most of it.  A
#: claim of control is refuted when the other side holds the larger part; confirming it
#: takes ``hold_share``.
STILL_HELD_SHARE = 0.5

#: Share of the place the other side must lose for an advance to show.
ADVANCE_GAIN = 0.1

#: A union or ISW snapshot this close (days) to a raw layer adds nothing but loses the
#: grey zone; the raw layer decides.
SAME_ASSESSMENT_DAYS = 3

#: On Russian soil, raw layers count as covering only this far (km) from Ukraine's border:
#: the ground they drew there (Kursk, 2024-25) lay well within it.
RUSSIAN_BORDER_KM = 50.0

# Statuses that make each kind of area in a snapshot (others count for nobody).
_GREY = ("contested", "advance")
_LIBERATED = ("liberated",)
# Statuses that tell a raw DeepStateMap layer (it shows Ukrainian-held ground too).
_FULL = ("contested", "liberated")
# Pieces of a snapshot's areas have at most this many vertices (cheap to intersect).
_PIECE_VERTICES = 64
# Quarter-circle segments of a place's disk (a 32-gon: area within 0.7 % of the circle).
_QUAD_SEGS = 8
# Place statuses, as shown in ``statuses`` and ``status_before``.
_SHARE_NAMES = ("occupied", "contested", "held", "not_occupied")


def verify(
    events: gpd.GeoDataFrame,
    series: gpd.GeoDataFrame,
    *,
    within_days: int = 30,
    buffer_m: float = 1000.0,
    hold_share: float = HOLD_SHARE,
) -> gpd.GeoDataFrame:
    """Check each claim of a change of control against the snapshots around its date.

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        Events from :func:`geonews.events` (the claims among them are used) or claims
        from :func:`geonews.frontline.read_claims`; a ``date`` column is needed.
    series : geopandas.GeoDataFrame
        Dated snapshots from :func:`geonews.frontline.load_series` (one or more dates).
    within_days : int
        A snapshot at least this many days after the claim that still shows the other
        side holding the place contradicts the claim; before that, the map may lag.
    buffer_m : float
        Radius in metres of the disk a settlement-precision claim is checked on.
    hold_share : float
        Share of the disk or region a side must hold to hold the place, in (0.5, 1].

    Returns
    -------
    geopandas.GeoDataFrame
        The claim rows of ``events`` (index kept) with ``claim_kind``,
        ``claimed_side``, ``verdict`` (one of :data:`VERDICTS`), ``confirmed_on``,
        ``lag_days`` (Int64), ``before_on`` and ``status_before`` (the last snapshot
        on or before the claim), ``decided_on`` (the snapshot that settled the
        verdict), ``statuses`` (the place in each snapshot used, from ``before_on`` to
        ``decided_on``, e.g. ``"2024-07-14 occupied; 2024-10-15 not_occupied"``, with the
        shares where no side holds it), ``front_distance_km`` and ``front_side`` (at the claim
        date, from :func:`geonews.frontline.locate`) and ``basis`` (why, in words).

    Raises
    ------
    InvalidInput
        When ``events`` has no ``date`` column, ``series`` has no dated area, or an
        option is out of range.
    """
    _check_options(within_days, buffer_m, hold_share)
    if not isinstance(events, gpd.GeoDataFrame) or "date" not in events.columns:
        raise InvalidInput("verify() needs an events GeoDataFrame with a 'date' column")
    snapshots = _snapshots(series)
    claims = select(events)
    if claims.crs is not None:
        claims = claims.to_crs(4326)
    dates = _naive_days(claims["date"])
    places = _Places.of(claims, buffer_m)
    decision = _decide(
        claims, dates, places, snapshots, within_days=within_days, hold_share=hold_share
    )
    out = claims.copy()
    for column, values in decision.items():
        out[column] = values
    out["lag_days"] = out["lag_days"].astype("Int64")
    for column in ("confirmed_on", "before_on", "decided_on"):
        out[column] = pd.to_datetime(out[column]).astype("datetime64[ns]")
    distance, side = _front(claims, dates, series, snapshots)
    out["front_distance_km"] = distance
    out["front_side"] = side
    return out


def verify_summary(
    verified: pd.DataFrame, *, by: str | Sequence[str] = ("claimant", "month")
) -> pd.DataFrame:
    """Count verdicts per claimant, month or claimed side.

    Parameters
    ----------
    verified : DataFrame
        The result of :func:`verify`.
    by : str or sequence of str
        Any of ``"claimant"``, ``"month"`` (of the claim, ``YYYY-MM``) and ``"side"``.

    Returns
    -------
    pandas.DataFrame
        One row per group, with ``claims`` and a count per verdict (``confirmed``,
        ``already``, ``not_yet``, ``contradicted``, ``unknown``) and
        ``median_lag_days`` (of the confirmed claims); rows without a claimant count
        under ``"(none)"``.

    Examples
    --------
    >>> v = pd.DataFrame({"claimant": ["MoD", "MoD", None], "claimed_side": ["RU"] * 3,
    ...     "date": pd.to_datetime(["2024-05-02", "2024-05-20", "2024-06-01"]),
    ...     "verdict": ["confirmed", "contradicted", "confirmed"],
    ...     "lag_days": pd.array([73, None, 10], dtype="Int64")})
    >>> verify_summary(v, by="claimant")[["claimant", "claims", "confirmed",
    ...     "contradicted", "median_lag_days"]].values.tolist()
    [['(none)', 1, 1, 0, 10.0], ['MoD', 2, 1, 1, 73.0]]
    """
    keys = [by] if isinstance(by, str) else list(by)
    columns = {"claimant": "claimant", "month": "month", "side": "claimed_side"}
    bad = [k for k in keys if k not in columns]
    if bad or not keys:
        raise InvalidInput(f"by must name some of {sorted(columns)}, got {by!r}")
    missing = {"verdict", "lag_days", "date"} - set(verified.columns)
    if missing:
        raise InvalidInput(f"expected the result of verify(); missing {sorted(missing)}")
    frame = pd.DataFrame(
        {
            "claimant": verified.get("claimant", pd.Series(None, index=verified.index))
            .fillna("(none)")
            .astype(str),
            "month": pd.to_datetime(verified["date"]).dt.strftime("%Y-%m").fillna("(no date)"),
            "claimed_side": verified.get("claimed_side", pd.Series(None, index=verified.index))
            .fillna("?")
            .astype(str),
            "verdict": verified["verdict"],
            "lag": pd.to_numeric(verified["lag_days"], errors="coerce").where(
                verified["verdict"].eq("confirmed")
            ),
        }
    )
    groups = frame.groupby([columns[k] for k in keys], sort=True, dropna=False)
    counts = groups["verdict"].value_counts().unstack(fill_value=0)
    table = pd.DataFrame({"claims": groups.size()})
    for verdict in VERDICTS:
        table[verdict] = counts[verdict] if verdict in counts.columns else 0
    table["median_lag_days"] = groups["lag"].median()
    table = table.reset_index().rename(columns={"claimed_side": "side"})
    return table.astype({v: "int64" for v in ("claims", *VERDICTS)})


# --------------------------------------------------------------------------- snapshots


@dataclass
class _Snapshot:
    """One date's areas of each kind, projected and prepared.

    ``kinds`` are the Russian-held, grey and liberated areas (disjoint), ``edges`` their
    boundaries; ``full`` tells a raw DeepStateMap layer (no polygon there = Ukrainian-held)
    from an occupied-only file (no polygon = not occupied).
    """

    date: np.datetime64
    full: bool
    kinds: tuple[shapely.Geometry, ...]
    edges: tuple[shapely.Geometry, ...]
    _cut: dict[int, tuple[np.ndarray, shapely.STRtree, np.ndarray]] = field(default_factory=dict)
    _liberated: tuple[np.ndarray, tuple[shapely.Geometry, shapely.Geometry]] = (
        np.asarray([]),
        (shapely.Polygon(), shapely.Polygon()),
    )

    @classmethod
    def of(cls, date: np.datetime64, frame: gpd.GeoDataFrame) -> _Snapshot:
        status = frame["status"].to_numpy()
        geoms = np.asarray(frame.geometry.values, dtype=object)
        # Unions in degrees (fewer vertices than once edges are split), then projected.
        russian = _union(geoms[np.isin(status, OCCUPIED)])
        grey = _union(geoms[np.isin(status, _GREY)]).difference(russian)
        snapshot = cls(date=date, full=bool(np.isin(status, _FULL).any()), kinds=(), edges=())
        snapshot._liberated = (geoms[np.isin(status, _LIBERATED)], (russian, grey))
        snapshot._set(list(_metres([russian, grey])))
        return snapshot

    def _set(self, kinds: list[shapely.Geometry]) -> None:
        self.kinds = tuple(kinds)
        self.edges = tuple(k.boundary for k in kinds)
        shapely.prepare([*self.kinds, *self.edges])

    def _with_liberated(self) -> None:
        """Add the liberated areas, needed only for places outside Ukraine.

        Inside Ukraine, liberated areas and the rest of the country are both Ukrainian-held.
        """
        if len(self.kinds) == 3:
            return
        polygons, (russian, grey) = self._liberated
        liberated = _union(polygons).difference(russian.union(grey))
        self._set([*self.kinds, _metres([liberated])[0]])

    def shares(self, places: _Places) -> np.ndarray:
        """Shares of each place held: columns occupied, contested, held, not_occupied, outside.

        A place wholly inside or outside an area (its centre farther than its radius from
        the area's edge) takes the centre's answer; the others are cut exactly.
        """
        n = len(places.areas)
        present = ~shapely.is_missing(places.areas)
        abroad = present & (places.home != "UA")
        if abroad.any():
            self._with_liberated()
        kinds = np.zeros((n, 3))  # Russian-held, grey, liberated: from the areas drawn
        for k, area in enumerate(self.kinds):
            wanted = present if k < 2 else abroad
            if area.is_empty or not wanted.any():
                continue
            near = wanted & (
                places.regions | shapely.dwithin(self.edges[k], places.centres, places.radius)
            )
            kinds[wanted & ~near & shapely.intersects(area, places.centres), k] = 1.0
            rows = np.flatnonzero(near)
            if len(rows):
                kinds[:, k] += self._cut_shares(k, places, rows, n)
        kinds = np.clip(kinds, 0.0, 1.0)
        rest = np.clip(1.0 - kinds.sum(axis=1), 0.0, 1.0)  # no polygon of this snapshot
        out = np.zeros((n, 5))
        out[:, :3] = kinds
        in_ukraine, russian_soil = places.home == "UA", places.home == "RU"
        if self.full:
            out[:, 2] += np.where(in_ukraine, rest, 0.0)
            out[:, 0] += np.where(russian_soil, rest, 0.0)
            out[:, 4] = np.where(in_ukraine | russian_soil, 0.0, rest)
        else:
            out[:, 2] = np.nan  # an occupied-only file cannot show Ukrainian-held ground
            out[:, 3] = np.where(in_ukraine, rest + kinds[:, 2], 0.0)
            out[:, 4] = np.where(in_ukraine, 0.0, rest)
        out[~present] = np.nan
        return out

    def _cut_shares(self, k: int, places: _Places, rows: np.ndarray, n: int) -> np.ndarray:
        """Share of each place in ``rows`` that kind ``k`` covers, cut exactly."""
        pieces, tree, boxes = self._pieces(k)
        i, j = tree.query(places.areas[rows], predicate="intersects")
        share = np.zeros(n)
        # A place inside a rectangular piece (the inside of a large area) needs no cut.
        bounds = shapely.bounds(places.areas[rows[i]])
        inside = boxes[j] & np.all(
            (bounds[:, :2] >= shapely.bounds(pieces[j])[:, :2])
            & (bounds[:, 2:] <= shapely.bounds(pieces[j])[:, 2:]),
            axis=1,
        )
        area = np.ones(len(i))
        cut = ~inside
        area[cut] = (
            shapely.area(shapely.intersection(places.areas[rows[i[cut]]], pieces[j[cut]]))
            / places.size[rows[i[cut]]]
        )
        np.add.at(share, rows[i], area)
        return share

    def _pieces(self, k: int) -> tuple[np.ndarray, shapely.STRtree, np.ndarray]:
        """Kind ``k``'s area in small pieces, indexed, and which pieces are rectangles."""
        if k not in self._cut:
            pieces = _pieces(self.kinds[k])
            boxes = np.isclose(shapely.area(pieces), shapely.area(shapely.envelope(pieces)))
            self._cut[k] = (pieces, shapely.STRtree(pieces), boxes)
        return self._cut[k]


def _snapshots(series: Any) -> list[_Snapshot]:
    """The series' dates as :class:`_Snapshot` objects, in date order."""
    if not isinstance(series, gpd.GeoDataFrame) or not {"date", "status"} <= set(series.columns):
        raise InvalidInput(
            f"verify() needs a snapshot series from frontline.load_series(), got {type(series)!r}"
        )
    frame = series.to_crs(4326) if series.crs is not None else series
    days = _naive_days(frame["date"])
    if np.isnat(days).all():
        raise InvalidInput("verify() needs dated snapshots; every snapshot date is missing")
    dated = frame[~np.isnat(days)]
    days = days[~np.isnat(days)]
    unique = np.unique(days)
    full = {d: bool(np.isin(dated["status"].to_numpy()[days == d], _FULL).any()) for d in unique}
    raw_days = np.asarray([d for d in unique if full[d]], dtype="datetime64[D]")
    keep = [
        d
        for d in unique
        if full[d]
        or not len(raw_days)
        or np.abs((raw_days - d).astype(int)).min() > SAME_ASSESSMENT_DAYS
    ]
    return [_Snapshot.of(d, dated[days == d]) for d in keep]


def _union(geoms: np.ndarray) -> shapely.Geometry:
    """Union of polygons (valid: frontline.load repairs what it reads)."""
    if not len(geoms):
        return shapely.MultiPolygon()
    return shapely.union_all(geoms)


def _metres(geoms: Any) -> np.ndarray:
    """EPSG:4326 geometries in :data:`EQUAL_AREA`, long edges split first."""
    dense = shapely.segmentize(np.asarray(geoms, dtype=object), 0.01)
    return gpd.GeoSeries(dense, crs=4326).to_crs(EQUAL_AREA).values.to_numpy()


def _pieces(geom: shapely.Geometry) -> np.ndarray:
    """Cut a polygonal geometry into pieces of at most :data:`_PIECE_VERTICES` vertices.

    A quadtree of ``clip_by_rect`` cuts: the whole geometry is read once per level, and
    the inside of a large area ends up as a few plain rectangles.
    """
    todo = [p for p in shapely.get_parts(geom) if p.area > 0]
    out: list[shapely.Geometry] = []
    for _ in range(32):  # levels; a piece 2**-32 of the extent is a point
        if not todo:
            break
        nxt: list[Any] = []
        for part in todo:
            if shapely.get_num_coordinates(part) <= _PIECE_VERTICES:
                out.append(part)
                continue
            x0, y0, x1, y1 = part.bounds
            xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
            for box in ((x0, y0, xm, ym), (xm, y0, x1, ym), (x0, ym, xm, y1), (xm, ym, x1, y1)):
                clipped = shapely.clip_by_rect(part, *box)
                nxt.extend(p for p in shapely.get_parts(clipped) if p.area > 0)
        todo = nxt
    out.extend(todo)
    pieces = np.asarray(out, dtype=object) if out else np.asarray([], dtype=object)
    invalid = ~shapely.is_valid(pieces)
    if invalid.any():  # clip_by_rect is fast, not always clean
        pieces[invalid] = shapely.make_valid(pieces[invalid])
    return pieces


# --------------------------------------------------------------------------- places


@dataclass
class _Places:
    """Where each claim is checked, in :data:`EQUAL_AREA`."""

    areas: np.ndarray  # disks or region polygons (None: no place)
    centres: np.ndarray  # points (representative point of a region)
    size: np.ndarray  # area of each
    regions: np.ndarray  # bool: a region-level claim
    radius: float
    home: np.ndarray  # "UA", "RU" or None: whose soil the place is on

    @classmethod
    def of(cls, claims: gpd.GeoDataFrame, buffer_m: float) -> _Places:
        geoms = event_areas(claims)  # a region-level claim is checked over the region
        present = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
        regions = present & np.isin(shapely.get_type_id(geoms), (3, 6))  # (Multi)Polygon
        points = np.full(len(geoms), None, dtype=object)
        points[present] = shapely.point_on_surface(geoms[present])
        centres = np.full(len(geoms), None, dtype=object)
        if present.any():
            centres[present] = _metres(points[present])
        areas = np.full(len(geoms), None, dtype=object)
        point_rows = present & ~regions
        areas[point_rows] = shapely.buffer(centres[point_rows], buffer_m, quad_segs=_QUAD_SEGS)
        if regions.any():
            areas[regions] = shapely.make_valid(_metres(geoms[regions]))
        size = np.where(present, shapely.area(areas), np.nan)
        return cls(
            areas=areas,
            centres=centres,
            size=size,
            regions=regions,
            radius=float(buffer_m),
            home=_home(claims, points, centres),
        )


def _take(places: _Places, rows: np.ndarray) -> _Places:
    """The places of some rows."""
    return _Places(
        areas=places.areas[rows],
        centres=places.centres[rows],
        size=places.size[rows],
        regions=places.regions[rows],
        radius=places.radius,
        home=places.home[rows],
    )


def _home(claims: gpd.GeoDataFrame, points: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """Whose soil each place is on: "UA", "RU" (near Ukraine only) or None.

    From the ``country`` column where it has one, else from Ukraine's (coarse) outline.
    """
    given = claims["country"] if "country" in claims.columns else pd.Series(None, claims.index)
    home = np.asarray([c if c in ("UA", "RU") else None for c in given], dtype=object)
    outline = country_outline("UA")
    if outline is None:  # countryinfo always has Ukraine; without it, trust the column
        return home
    unknown = np.flatnonzero(pd.isna(given).to_numpy() & ~shapely.is_missing(points))
    inside = shapely.contains(outline, points[unknown])
    home[unknown] = np.where(inside, "UA", None)  # type: ignore[call-overload]
    russian = np.flatnonzero(home == "RU")
    if len(russian):
        border = _metres([outline])[0].boundary
        far = shapely.distance(border, centres[russian]) > RUSSIAN_BORDER_KM * 1000
        home[russian[far]] = None
    return home


# --------------------------------------------------------------------------- verdicts


def _decide(
    claims: gpd.GeoDataFrame,
    dates: np.ndarray,
    places: _Places,
    snapshots: list[_Snapshot],
    *,
    within_days: int,
    hold_share: float,
) -> dict[str, Any]:
    """The verdict columns, walking the snapshots in date order for all claims at once.

    A place is measured in a snapshot only while its claim is open: in the snapshot
    before the claim, then in each later one until one decides it.
    """
    n, count = len(claims), len(snapshots)
    idx = np.arange(n)
    days = np.asarray([s.date for s in snapshots], dtype="datetime64[D]")
    side = claims["claimed_side"].to_numpy(dtype=object)
    kind = claims["claim_kind"].to_numpy(dtype=object)
    russian = side == "RU"
    advance = kind == "advance"
    checkable = ~np.isnat(dates) & np.isin(side, SIDES) & ~shapely.is_missing(places.areas)
    checkable &= ~(advance & places.regions)

    before = np.searchsorted(days, dates, side="right") - 1  # last snapshot on or before
    before[~checkable] = -1
    held = np.full((count, n, 5), np.nan)  # shares, measured while a claim is open
    verdict = np.full(n, "unknown", dtype=object)
    decided = np.full(n, -1)
    undecided = checkable.copy()
    still = np.ones(n, dtype=bool)  # the other side has held it in every later snapshot
    last_seen = np.full(n, -1)
    ru_before = np.full(n, np.nan)
    for k, day in enumerate(days):
        at_before = undecided & (before == k)
        later = undecided & (before < k) & (day > dates)
        rows = np.flatnonzero(at_before | later)
        if not len(rows):
            continue
        held[k, rows] = snapshots[k].shares(_take(places, rows))
        share = held[k]
        own = np.where(russian, share[:, 0], share[:, 2])  # the claimed side's share
        other = np.where(russian, share[:, 2], share[:, 0])
        holds = own >= hold_share
        covered = share[:, 4] <= 1 - hold_share
        # an advance shows as the other side losing ground since the snapshot before
        lost = np.where(russian, share[:, 0] - ru_before, ru_before - share[:, 0])
        holds |= advance & later & (lost >= ADVANCE_GAIN)
        already = at_before & holds & covered
        verdict[already], decided[already] = "already", k
        ru_before[at_before] = share[at_before, 0]
        seen = later & covered
        last_seen[seen] = k
        lag = (day - dates).astype(float)
        yes = seen & holds
        # a union file cannot show Ukrainian-held ground: it neither keeps nor breaks `still`
        still &= ~(seen & ~np.isnan(other) & (other < STILL_HELD_SHARE))
        no = seen & ~yes & still & (other >= STILL_HELD_SHARE) & (lag >= within_days)
        verdict[yes], verdict[no] = "confirmed", "contradicted"
        decided[yes | no] = k
        undecided &= ~(already | yes | no)
    pending = undecided & (last_seen >= 0)
    verdict[pending], decided[pending] = "not_yet", last_seen[pending]

    labels = _labels(held, hold_share)  # (snapshots, claims); None where not measured
    has_before = before >= 0
    b = np.where(has_before, before, 0)
    on = np.where(decided >= 0, days[np.clip(decided, 0, None)], np.datetime64("NaT"))
    confirmed = verdict == "confirmed"
    lag_days = np.where(confirmed, (on - dates).astype(float), np.nan)
    end = np.where(decided >= 0, decided + 1, count)
    return {
        "verdict": verdict,
        "confirmed_on": np.where(confirmed, on, np.datetime64("NaT")),
        "lag_days": pd.array(lag_days, dtype="Float64").round().astype("Int64"),
        "before_on": np.where(has_before, days[b], np.datetime64("NaT")),
        "status_before": np.where(has_before, labels[b, idx], None),  # type: ignore[call-overload]
        "decided_on": on,
        "statuses": [
            "; ".join(f"{days[k]} {labels[k, i]}" for k in range(end[i]) if labels[k, i])
            for i in range(n)
        ],
        "basis": [
            _basis(
                verdict[i],
                side[i],
                kind[i],
                dates[i],
                on[i],
                labels[decided[i], i] if decided[i] >= 0 else "",
                bool((days > dates[i]).any()),
            )
            if checkable[i]
            else _unchecked(dates[i], side[i], kind[i], places.regions[i])
            for i in range(n)
        ],
    }


def _labels(held: np.ndarray, hold_share: float) -> np.ndarray:
    """The status of each place in each snapshot, with shares when no side holds it."""
    out = np.full(held.shape[:2], "mixed", dtype=object)
    for j, name in enumerate(_SHARE_NAMES):
        out[held[..., j] >= hold_share] = name
    out[held[..., 4] > 1 - hold_share] = "outside"
    out[np.isnan(held[..., 0])] = None  # not measured
    mixed = np.argwhere(out == "mixed")
    for k, i in mixed:
        parts = [
            f"{name} {held[k, i, j]:.2f}"
            for j, name in enumerate(_SHARE_NAMES)
            if held[k, i, j] >= 0.005  # NaN compares False
        ]
        out[k, i] = f"mixed ({', '.join(parts)})"
    return out


def _basis(
    verdict: str, side: str, kind: str, date: Any, decided: Any, label: str, later: bool
) -> str:
    """Why a claim that could be checked got its verdict, in words."""
    if verdict == "already":
        return f"{side} held it in the last snapshot before the claim: {decided} {label}"
    if (
        verdict == "confirmed"
        and kind == "advance"
        and not label.startswith("occupied" if side == "RU" else "held")
    ):
        return f"the other side had lost ground there by {decided} ({label})"
    if verdict == "confirmed":
        return f"first shown held by {side} on {decided} ({label})"
    if verdict == "contradicted":
        days = int((decided - date).astype(int))
        return f"still held by the other side {days} days after the claim: {decided} {label}"
    if verdict == "not_yet":
        return f"no later snapshot shows {side} holding it; the last one, {decided}: {label}"
    if not later:
        return "no snapshot after the claim"
    return "no snapshot after the claim covers the place"


def _unchecked(date: Any, side: Any, kind: Any, region: bool) -> str:
    """Why a claim could not be checked at all."""
    if np.isnat(date):
        return "the claim has no date"
    if side not in SIDES:
        return "no side can be told from a side column, the sentence or the claimant"
    if kind == "advance" and region:
        return "an advance somewhere in a region cannot be checked on a map"
    return "the claim has no place"


# --------------------------------------------------------------------------- helpers


def _front(
    claims: gpd.GeoDataFrame, dates: np.ndarray, series: gpd.GeoDataFrame, snapshots: list
) -> tuple[np.ndarray, np.ndarray]:
    """Distance to the front and side of it at each claim's date (``locate``)."""
    n = len(claims)
    distance, side = np.full(n, np.nan), np.full(n, None, dtype=object)
    if not n:
        return distance, side
    used = {np.datetime64(s.date, "D") for s in snapshots}
    days = _naive_days(series["date"])
    where = gpd.GeoDataFrame(
        {"date": pd.to_datetime(dates).astype("datetime64[ns]")},
        geometry=claims.geometry.values,
        crs=4326,
    )
    dated = ~np.isnat(dates)
    if dated.any():
        found = locate(where[dated], series[np.isin(days, list(used))])
        distance[dated] = found["front_distance_km"].to_numpy()
        side[dated] = found["front_side"].to_numpy()
    return distance, side


def _naive_days(values: pd.Series) -> np.ndarray:
    """Dates as numpy days (timezone dropped; NaT where missing)."""
    dates = pd.to_datetime(values, errors="coerce")
    if isinstance(dates.dtype, pd.DatetimeTZDtype):
        dates = dates.dt.tz_convert("UTC").dt.tz_localize(None)
    return dates.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")


def _check_options(within_days: Any, buffer_m: Any, hold_share: Any) -> None:
    checks = (
        ("within_days", within_days, 0, 3650),
        ("buffer_m", buffer_m, 1, 100_000),
        ("hold_share", hold_share, 0.5, 1),
    )
    for name, value, low, high in checks:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not ok or not math.isfinite(value) or not (low <= value <= high):
            raise InvalidInput(f"{name} must be a number in [{low}, {high}], got {value!r}")
    if hold_share <= 0.5:
        raise InvalidInput(f"hold_share must be over 0.5 (one side only), got {hold_share!r}")
