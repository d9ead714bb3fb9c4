"""News events against a coded dataset: :func:`compare`.

Which events the news reported that ACLED (or UCDP) also coded, which only the news
has, and which only the coders have.  A news event and a coded event *match* when

* their places are at most ``km`` apart (great-circle distance between points; for a
  region-level news event, the distance from the coded point to the region's shape, so a
  coded event inside the oblast is at 0 km),
* their dates are at most ``days`` apart (date ranges: the gap between the ranges), and
* their types agree (:data:`COMPATIBLE`: ACLED's types are geonews's own, UCDP's
  categories match the geonews types they cover; ``types="exact"`` or ``"any"``).

Matching is one-to-one and **greedy by distance**: every candidate pair is found first,
then pairs are taken from the closest (ties: the smaller date gap, the same type string)
while neither event is taken yet.  Greedy is not an optimal assignment (the Hungarian
method would maximise the number of pairs within a window) but it is what a reader
checks by eye - the nearest coded event is "the" match - and it runs in
O(pairs log pairs).  Candidates come from a spatial index: the coded events are split
into date windows (one per distinct news date range, widened by ``days``), and each
window's points go into a :class:`shapely.STRtree` queried with the window's news
events, so no pair of events more than ``days`` apart is ever looked at.

Left out, and counted in :attr:`Comparison.left_out`: news events without a date or a
geometry, those that did not happen (``modality`` other than ``"actual"``, unless
``actual_only=False``) and those located only at country or area precision ("strikes on
Ukraine" would match every coded event in the country); coded events without a date or a
geometry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geonews.activity.areas import event_areas
from geonews.errors import InvalidInput
from geonews.maps.escape import text as html_text

__all__ = ["COMPATIBLE", "GROUPS", "Comparison", "compare"]

#: geonews event type -> the coded event types it may match (besides its own name).
COMPATIBLE: dict[str, frozenset[str]] = {
    "Battles": frozenset({"Battles", "State-based conflict", "Non-state conflict"}),
    "Explosions/Remote violence": frozenset(
        {
            "Explosions/Remote violence",
            "State-based conflict",
            "Non-state conflict",
            "One-sided violence",
        }
    ),
    "Violence against civilians": frozenset({"Violence against civilians", "One-sided violence"}),
    "Protests": frozenset({"Protests", "Riots"}),
    # ACLED codes a confirmed capture as Battles (Government regains territory / Non-state
    # actor overtakes territory), a claimed one as Strategic developments
    "Strategic developments": frozenset({"Strategic developments", "Battles"}),
    "Diplomacy": frozenset({"Strategic developments"}),
}

#: The three groups, as the summary tables and the map name them.
GROUPS = ("news and coded", "news only", "coded only")

#: Kilometres in a degree of latitude.
_KM_PER_DEGREE = 111.32
_EARTH_KM = 6371.0088
#: Precisions too coarse to place an event for matching.
_COARSE = ("country", "area")
_OBLAST_WORDS = re.compile(r"\b(?:oblast|region|province|city|krai|kray|republic|of)\b")
_UNKNOWN = "(unknown)"


@dataclass(repr=False)
class Comparison:
    """What :func:`compare` found: pairs, the unmatched on each side, summaries.

    Attributes
    ----------
    pairs : pandas.DataFrame
        One row per matched pair: ``news`` and ``coded`` (index labels in the frames
        given), ``km``, ``days`` (the date gap), the two event ids, types, sub-types,
        places and dates, and ``oblast``.
    news_only, coded_only : geopandas.GeoDataFrame
        The rows of each frame that took part and found no match.
    by_type, by_oblast : pandas.DataFrame
        Counts per event type and per oblast in the columns :data:`GROUPS`.
    left_out : pandas.DataFrame
        ``side``, ``index`` and ``reason`` of the rows that did not take part.
    km, days : float, int
        The thresholds used; ``types`` the type rule.
    """

    pairs: pd.DataFrame
    news_only: gpd.GeoDataFrame
    coded_only: gpd.GeoDataFrame
    by_type: pd.DataFrame
    by_oblast: pd.DataFrame
    left_out: pd.DataFrame
    km: float
    days: int
    types: str
    _news: gpd.GeoDataFrame = field(repr=False, default=None)
    _coded: gpd.GeoDataFrame = field(repr=False, default=None)
    #: positions (not labels) in the two frames: pairs' news and coded, then the unmatched
    _rows: dict[str, np.ndarray] = field(repr=False, default_factory=dict)

    def counts(self) -> dict[str, int]:
        """Return the size of each group (and of ``left_out``)."""
        return {
            GROUPS[0]: len(self.pairs),
            GROUPS[1]: len(self.news_only),
            GROUPS[2]: len(self.coded_only),
            "left out": len(self.left_out),
        }

    def __repr__(self) -> str:
        return f"<Comparison: {str(self).splitlines()[0]}>"

    def __str__(self) -> str:
        c = self.counts()
        head = (
            f"news against coded events (within {self.km:g} km and {self.days} day(s), "
            f"types {self.types}): {c[GROUPS[0]]:,} in both, {c[GROUPS[1]]:,} news only, "
            f"{c[GROUPS[2]]:,} coded only, {c['left out']:,} left out"
        )
        return f"{head}\n\n{self.by_type.to_string()}\n\n{self.by_oblast.to_string()}"

    def _repr_html_(self) -> str:
        c = self.counts()
        caption = html_text(
            f"News against coded events within {self.km:g} km and {self.days} day(s): "
            f"{c[GROUPS[0]]:,} in both, {c[GROUPS[1]]:,} news only, "
            f"{c[GROUPS[2]]:,} coded only ({c['left out']:,} left out)"
        )
        # DataFrame.to_html escapes cell text and labels
        return (
            f"<div><p><b>{caption}</b></p>{self.by_type.to_html()}"
            f"<p>per oblast</p>{self.by_oblast.to_html()}</div>"
        )

    def layer(self) -> Any:
        """Return the map layers of the three groups (see :mod:`geonews.maps.comparison`)."""
        from geonews.maps.comparison import comparison_layer

        return comparison_layer(self)

    def map(self, *, tiles: str | None = "OpenStreetMap") -> Any:
        """Draw the three groups on a folium map (save it with :func:`geonews.save_map`)."""
        from geonews.maps.comparison import comparison_map

        return comparison_map(self, tiles=tiles)


def _checked(frame: Any, side: str) -> gpd.GeoDataFrame:
    if not isinstance(frame, gpd.GeoDataFrame):
        raise InvalidInput(
            f"{side} events must be a GeoDataFrame (from geonews.events or geonews.read_acled), "
            f"not {type(frame).__name__}"
        )
    missing = [c for c in ("date", "event_type") if c not in frame.columns]
    if missing:
        raise InvalidInput(f"{side} events lack the columns {missing!r}")
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        frame = frame.to_crs(4326)
    return frame


def _days(values: pd.Series) -> np.ndarray:
    stamps = pd.to_datetime(values, errors="coerce")
    if getattr(stamps.dt, "tz", None) is not None:
        stamps = stamps.dt.tz_convert("UTC").dt.tz_localize(None)
    out = stamps.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]").astype(np.int64)
    return np.where(stamps.isna().to_numpy(), np.iinfo(np.int64).min, out)


def _spans(frame: gpd.GeoDataFrame) -> tuple[np.ndarray, np.ndarray]:
    start = _days(frame["date"])
    end = _days(frame["date_end"]) if "date_end" in frame.columns else start.copy()
    end = np.where(end == np.iinfo(np.int64).min, start, np.maximum(end, start))
    return start, end


def _left_out(
    frame: gpd.GeoDataFrame, side: str, start: np.ndarray, *, actual_only: bool, coarse: bool
) -> tuple[np.ndarray, list[dict[str, Any]]]:
    geoms = frame.geometry.to_numpy()
    reasons = np.full(len(frame), None, dtype=object)
    reasons[start == np.iinfo(np.int64).min] = "no date"
    reasons[shapely.is_missing(geoms) | shapely.is_empty(geoms)] = "no geometry"
    if actual_only and "modality" in frame.columns:
        modality = frame["modality"].astype(object).fillna("actual").to_numpy()
        reasons[(reasons == None) & (modality != "actual")] = "not actual (modality)"  # noqa: E711
    if coarse and "precision" in frame.columns:
        precision = frame["precision"].astype(object).to_numpy()
        reasons[(reasons == None) & np.isin(precision, _COARSE)] = "country or area precision"  # noqa: E711
    out = [
        {"side": side, "index": frame.index[i], "reason": reasons[i]}
        for i in np.flatnonzero(reasons != None)  # noqa: E711
    ]
    return reasons == None, out  # noqa: E711


def _degrees(geoms: np.ndarray, km: float) -> np.ndarray:
    """A search radius in degrees that covers ``km`` in longitude at each geometry's latitude."""
    bounds = shapely.bounds(geoms)
    lat = np.minimum(np.maximum(np.abs(bounds[:, 1]), np.abs(bounds[:, 3])) + km / 111.0, 89.0)
    return km / (_KM_PER_DEGREE * np.cos(np.radians(lat))) * 1.001


def _haversine(
    lon1: np.ndarray, lat1: np.ndarray, lon2: np.ndarray, lat2: np.ndarray
) -> np.ndarray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = (
        np.sin((p2 - p1) / 2) ** 2
        + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * _EARTH_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))


def _distances(
    news_geoms: np.ndarray, coded_geoms: np.ndarray, ni: np.ndarray, ci: np.ndarray
) -> np.ndarray:
    """Kilometres between ``news_geoms[ni]`` and ``coded_geoms[ci]``, pair by pair.

    Great-circle distance between points; for a shape (a region-level event), the planar
    distance with longitude scaled at the coded point's latitude (0 inside the shape).
    """
    n_point = shapely.get_type_id(news_geoms) == 0
    c_point = shapely.get_type_id(coded_geoms) == 0
    n_xy = np.full((len(news_geoms), 2), np.nan)
    c_xy = np.full((len(coded_geoms), 2), np.nan)
    n_xy[n_point] = shapely.get_coordinates(news_geoms[n_point])
    c_xy[c_point] = shapely.get_coordinates(coded_geoms[c_point])
    both = n_point[ni] & c_point[ci]
    km = np.empty(len(ni))
    a, b = n_xy[ni[both]], c_xy[ci[both]]
    km[both] = _haversine(a[:, 0], a[:, 1], b[:, 0], b[:, 1])
    for k in np.flatnonzero(~both):  # a region's shape: scale longitude at the coded latitude
        news_geom, coded_geom = news_geoms[ni[k]], coded_geoms[ci[k]]
        scale = np.cos(np.radians(shapely.get_y(shapely.centroid(coded_geom))))
        a_geom = shapely.transform(news_geom, lambda xy, s=scale: xy * [s, 1.0])
        b_geom = shapely.transform(coded_geom, lambda xy, s=scale: xy * [s, 1.0])
        km[k] = shapely.distance(a_geom, b_geom) * _KM_PER_DEGREE
    return km


def _type_rule(news_types: np.ndarray, coded_types: np.ndarray, rule: str) -> tuple:
    """Type codes of both sides and the matrix of which (news, coded) codes may match."""
    codes, names = pd.factorize(np.concatenate([news_types, coded_types]))
    allowed = np.eye(len(names), dtype=bool) if rule != "any" else np.ones((len(names),) * 2, bool)
    if rule == "compatible":
        for i, n in enumerate(names):
            for j, c in enumerate(names):
                allowed[i, j] |= c in COMPATIBLE.get(n, ())
    return codes[: len(news_types)], codes[len(news_types) :], allowed


def _candidates(
    news_geoms: np.ndarray,
    news_span: tuple[np.ndarray, np.ndarray],
    coded_geoms: np.ndarray,
    coded_span: tuple[np.ndarray, np.ndarray],
    *,
    km: float,
    days: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (news position, coded position) within ``km`` (by bbox) and ``days``."""
    n_start, n_end = news_span
    c_start, c_end = coded_span
    order = np.argsort(c_start, kind="stable")
    sorted_start = c_start[order]
    longest = int((c_end - c_start).max()) if len(c_start) else 0
    radius = _degrees(news_geoms, km) if len(news_geoms) else np.empty(0)
    windows, inverse = np.unique(np.column_stack([n_start, n_end]), axis=0, return_inverse=True)
    inverse = inverse.ravel()
    by_window = np.argsort(inverse, kind="stable")
    cuts = np.searchsorted(inverse[by_window], np.arange(len(windows) + 1))
    found_news, found_coded = [], []
    for w, (lo_day, hi_day) in enumerate(windows):
        members = by_window[cuts[w] : cuts[w + 1]]
        lo = np.searchsorted(sorted_start, lo_day - days - longest, side="left")
        hi = np.searchsorted(sorted_start, hi_day + days, side="right")
        if hi <= lo:
            continue
        pool = order[lo:hi]
        pool = pool[c_end[pool] >= lo_day - days]
        if not len(pool):
            continue
        tree = shapely.STRtree(coded_geoms[pool])
        hits = tree.query(news_geoms[members], predicate="dwithin", distance=radius[members])
        found_news.append(members[hits[0]])
        found_coded.append(pool[hits[1]])
    if not found_news:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    return np.concatenate(found_news), np.concatenate(found_coded)


def _greedy(news: np.ndarray, coded: np.ndarray, km: np.ndarray, ties: np.ndarray) -> np.ndarray:
    """Positions (into the candidate arrays) of a one-to-one greedy choice, nearest first.

    The same choice as taking candidates one by one - by ``km``, then ``ties`` (a small
    whole number: the date gap and type agreement), then news and coded position - and
    keeping each whose news and coded events are both still free.  Done in rounds: a
    candidate that comes first, among those left, for both its news event and its coded
    event is one the sequential pass keeps; keep all such at once, drop what they block,
    repeat.
    """
    if not len(news):
        return np.empty(0, dtype=np.int64)
    n_bits = int(news.max()).bit_length()
    c_bits = int(coded.max()).bit_length()
    if n_bits + c_bits + int(ties.max()).bit_length() <= 62:  # one integer key: faster
        packed = (ties.astype(np.int64) << (n_bits + c_bits)) | (news << c_bits) | coded
        order = np.lexsort((packed, km))
    else:
        order = np.lexsort((coded, news, ties, km))
    n, c = news[order], coded[order]
    used_n = np.zeros(int(n.max()) + 1, dtype=bool)
    used_c = np.zeros(int(c.max()) + 1, dtype=bool)
    first_n = np.empty(len(used_n), dtype=np.int64)
    first_c = np.empty(len(used_c), dtype=np.int64)
    alive = np.arange(len(order))
    chosen = []
    while len(alive):
        nn, cc = n[alive], c[alive]
        rank = np.arange(len(alive))
        first_n[nn], first_c[cc] = len(alive), len(alive)
        np.minimum.at(first_n, nn, rank)
        np.minimum.at(first_c, cc, rank)
        take = alive[(first_n[nn] == rank) & (first_c[cc] == rank)]
        chosen.append(take)
        used_n[n[take]] = True
        used_c[c[take]] = True
        alive = alive[~(used_n[nn] | used_c[cc])]
    return order[np.sort(np.concatenate(chosen))]


def oblast_key(name: Any) -> str:
    """Fold an oblast name so the spellings of news and coders meet.

    Examples
    --------
    >>> oblast_key("Zaporizhia") == oblast_key("Zaporizhzhia oblast")
    True
    >>> oblast_key("Kyiv City") == oblast_key("Kyiv")
    True
    """
    from geonews.places.names import key, skeleton

    if not isinstance(name, str) or not name.strip():
        return ""
    try:
        plain = _OBLAST_WORDS.sub(" ", key(name))
        return skeleton(plain) or key(name)
    except InvalidInput:
        return name.strip().casefold()


def _column(frame: gpd.GeoDataFrame, name: str, rows: np.ndarray) -> np.ndarray:
    if name not in frame.columns:
        return np.full(len(rows), None, dtype=object)
    values = frame[name].to_numpy(dtype=object)[rows]
    values[pd.isna(values)] = None
    return values


def _summary(labels: dict[str, np.ndarray], display: dict[str, np.ndarray] | None) -> pd.DataFrame:
    parts = []
    for group, keys in labels.items():
        shown = display[group] if display is not None else keys
        parts.append(pd.DataFrame({"key": keys, "label": shown, "group": group}))
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    table["key"] = table["key"].fillna(_UNKNOWN).replace("", _UNKNOWN)
    table["label"] = table["label"].fillna(_UNKNOWN).replace("", _UNKNOWN)
    names = table.groupby("key")["label"].agg(lambda s: s.value_counts().index[0])
    counts = pd.crosstab(table["key"], table["group"]).reindex(columns=list(GROUPS), fill_value=0)
    counts.index = names.reindex(counts.index).to_numpy()
    counts = counts.groupby(level=0).sum()
    counts = counts.loc[counts.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    counts.columns.name = None
    return counts.astype(int)


def compare(
    news_events: gpd.GeoDataFrame,
    coded_events: gpd.GeoDataFrame,
    *,
    km: float = 10,
    days: int = 1,
    types: str = "compatible",
    actual_only: bool = True,
) -> Comparison:
    """Match news events with coded events by place, date and type (see the module docstring).

    Parameters
    ----------
    news_events : geopandas.GeoDataFrame
        From :func:`geonews.events` (or :func:`geonews.export.read_events`).
    coded_events : geopandas.GeoDataFrame
        From :func:`geonews.read_acled`, :func:`geonews.read_ucdp`, or any events frame.
    km : float
        Largest distance between matched places, in kilometres.
    days : int
        Largest gap between matched dates, in days (0: the same day).
    types : {"compatible", "exact", "any"}
        Type rule: :data:`COMPATIBLE`, the same type string, or no rule.
    actual_only : bool
        Leave out news events that did not happen (threats, future talks).

    Returns
    -------
    Comparison
        Pairs, ``news_only``, ``coded_only``, ``by_type``, ``by_oblast``, ``left_out``;
        ``.map()`` draws the three groups.

    Raises
    ------
    InvalidInput
        When a frame is not an events GeoDataFrame or an option is out of range.

    Examples
    --------
    >>> from shapely.geometry import Point
    >>> def frame(rows):
    ...     return gpd.GeoDataFrame(
    ...         {"event_id": [r[0] for r in rows], "event_type": [r[1] for r in rows],
    ...          "date": pd.to_datetime([r[2] for r in rows]),
    ...          "admin1": ["Donetsk"] * len(rows)},
    ...         geometry=[Point(r[3], r[4]) for r in rows], crs=4326)
    >>> news = frame([("n1", "Battles", "2025-12-01", 37.18, 48.28),
    ...               ("n2", "Protests", "2025-12-01", 30.52, 50.45)])
    >>> coded = frame([("UKR1", "Battles", "2025-12-02", 37.20, 48.30),
    ...                ("UKR2", "Battles", "2025-12-09", 37.18, 48.28)])
    >>> result = compare(news, coded, km=10, days=1)
    >>> result.pairs[["news_event_id", "coded_event_id", "km", "days"]].values.tolist()
    [['n1', 'UKR1', 2.67, 1]]
    >>> result.by_type.to_dict("index")  # doctest: +NORMALIZE_WHITESPACE
    {'Battles': {'news and coded': 1, 'news only': 0, 'coded only': 1},
     'Protests': {'news and coded': 0, 'news only': 1, 'coded only': 0}}
    """
    news = _checked(news_events, "news")
    coded = _checked(coded_events, "coded")
    if not (isinstance(km, (int, float)) and np.isfinite(km) and km >= 0):
        raise InvalidInput(f"km must be a distance >= 0, not {km!r}")
    if not isinstance(days, (int, np.integer)) or isinstance(days, bool) or days < 0:
        raise InvalidInput(f"days must be a whole number >= 0, not {days!r}")
    if types not in ("compatible", "exact", "any"):
        raise InvalidInput(f"types must be 'compatible', 'exact' or 'any', not {types!r}")

    n_start, n_end = _spans(news)
    c_start, c_end = _spans(coded)
    n_ok, n_out = _left_out(news, "news", n_start, actual_only=actual_only, coarse=True)
    c_ok, c_out = _left_out(coded, "coded", c_start, actual_only=False, coarse=False)
    n_pos, c_pos = np.flatnonzero(n_ok), np.flatnonzero(c_ok)
    n_geoms, c_geoms = event_areas(news)[n_pos], coded.geometry.to_numpy()[c_pos]
    ni, ci = _candidates(
        n_geoms, (n_start[n_pos], n_end[n_pos]), c_geoms, (c_start[c_pos], c_end[c_pos]),
        km=float(km), days=int(days),
    )  # fmt: skip
    n_types = _column(news, "event_type", n_pos).astype(str)
    c_types = _column(coded, "event_type", c_pos).astype(str)
    n_codes, c_codes, allowed = _type_rule(n_types, c_types, types)
    keep = allowed[n_codes[ni], c_codes[ci]]
    ni, ci = ni[keep], ci[keep]
    gap = np.maximum(
        0,
        np.maximum(n_start[n_pos][ni], c_start[c_pos][ci])
        - np.minimum(n_end[n_pos][ni], c_end[c_pos][ci]),
    )
    dist = _distances(n_geoms, c_geoms, ni, ci)
    keep = (dist <= km) & (gap <= days)
    ni, ci, dist, gap = ni[keep], ci[keep], dist[keep], gap[keep]
    ties = 2 * gap + (n_codes[ni] != c_codes[ci])
    chosen = _greedy(ni, ci, dist, ties)
    ni, ci, dist, gap = ni[chosen], ci[chosen], dist[chosen], gap[chosen]
    by_news = np.argsort(ni, kind="stable")
    ni, ci, dist, gap = ni[by_news], ci[by_news], dist[by_news], gap[by_news]

    news_rows, coded_rows = n_pos[ni], c_pos[ci]
    news_admin = _column(news, "admin1", news_rows)
    coded_admin = _column(coded, "admin1", coded_rows)
    oblast = np.where(pd.isna(news_admin), coded_admin, news_admin)
    pairs = pd.DataFrame(
        {
            "news": news.index[news_rows],
            "coded": coded.index[coded_rows],
            "km": np.round(dist, 2),
            "days": gap.astype(np.int64),
            "news_event_id": _column(news, "event_id", news_rows),
            "coded_event_id": _column(coded, "event_id", coded_rows),
            "news_type": n_types[ni],
            "coded_type": c_types[ci],
            "news_sub_type": _column(news, "sub_type", news_rows),
            "coded_sub_type": _column(coded, "sub_type", coded_rows),
            "news_place": _column(news, "place_name", news_rows),
            "coded_place": _column(coded, "place_name", coded_rows),
            "news_date": news["date"].to_numpy()[news_rows],
            "coded_date": coded["date"].to_numpy()[coded_rows],
            "oblast": oblast,
        }
    )
    matched_news = np.zeros(len(news), dtype=bool)
    matched_news[news_rows] = True
    matched_coded = np.zeros(len(coded), dtype=bool)
    matched_coded[coded_rows] = True
    news_only = news[n_ok & ~matched_news]
    coded_only = coded[c_ok & ~matched_coded]
    only_n, only_c = np.flatnonzero(n_ok & ~matched_news), np.flatnonzero(c_ok & ~matched_coded)

    type_labels = {
        GROUPS[0]: pairs["news_type"].to_numpy(dtype=object),
        GROUPS[1]: _column(news, "event_type", only_n),
        GROUPS[2]: _column(coded, "event_type", only_c),
    }
    oblast_names = {
        GROUPS[0]: oblast,
        GROUPS[1]: _column(news, "admin1", only_n),
        GROUPS[2]: _column(coded, "admin1", only_c),
    }
    folded: dict[Any, str] = {}
    oblast_keys = {
        g: np.asarray([folded[v] if v in folded else folded.setdefault(v, oblast_key(v))
                       for v in values], dtype=object)
        for g, values in oblast_names.items()
    }  # fmt: skip
    by_type = _summary(type_labels, None)
    by_type.index.name = "event type"
    by_oblast = _summary(oblast_keys, oblast_names)
    by_oblast.index.name = "oblast"
    left_out = pd.DataFrame([*n_out, *c_out], columns=["side", "index", "reason"])
    return Comparison(
        pairs=pairs,
        news_only=news_only,
        coded_only=coded_only,
        by_type=by_type,
        by_oblast=by_oblast,
        left_out=left_out,
        km=float(km),
        days=int(days),
        types=types,
        _news=news,
        _coded=coded,
        _rows={"news": news_rows, "coded": coded_rows, "news_only": only_n, "coded_only": only_c},
    )
