"""Maps of reported activity: an events GeoDataFrame drawn as a folium map.

This module only draws: it never geocodes or fetches.  :func:`event_map` turns the
frame :func:`geonews.events` returns into a :class:`folium.Map`;
:func:`save_map` writes it as one HTML file that, with ``offline=True``, opens
with no network at all (see :mod:`geonews.maps.assets`).

How the map tells the story:

* each event type has its own colour and SVG symbol (a legend says which);
* precision is honest: a settlement is a point, a region-level event is drawn as
  its region, a country-level one as its country outline, hatched;
* ``claimed``, ``contested`` and ``denied`` events are hollow with dashed or
  dotted outlines, ``reported`` ones solid;
* rows with ``role == "metonym"`` (an actor named after a place) are never drawn;
* every string from the data is escaped by :mod:`geonews.maps.escape` before it
  reaches the page, and only http(s) URLs become links.

Events are shipped to the page once, as a compact JSON payload, and drawn by a
small script (``templates/events.js``): SVG markers, clustered on a pixel grid
when there are many (a cluster is a ring split by event type around its count;
only the cells in view are drawn, so 100,000 events stay usable), and a date filter
when the events span several days.
"""

from __future__ import annotations

import contextlib
import json
import logging
import urllib.parse
from collections.abc import Iterator, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import folium
import numpy as np
import pandas as pd
import shapely
from branca.element import MacroElement
from folium import plugins
from folium.map import Layer

from geonews.activity.areas import with_areas
from geonews.activity.taxonomy import EVENT_STATUSES, MODALITIES, PRECISIONS
from geonews.context import CENTRE
from geonews.errors import InvalidInput
from geonews.maps.assets import fill_asset_cache, inline_assets
from geonews.maps.elements import RawRender, Template
from geonews.maps.escape import script_json, text
from geonews.places.names import key

if TYPE_CHECKING:
    import geopandas

__all__ = ["EVENT_STATUSES", "EVENT_STYLES", "event_map", "fill_asset_cache", "save_map"]

log = logging.getLogger("geonews")

#: Event type -> (colour, symbol).  Colours are told apart by most colour-blind readers.
EVENT_STYLES: dict[str, tuple[str, str]] = {
    "Battles": ("#c0392b", "diamond"),
    "Explosions/Remote violence": ("#e67e22", "burst"),
    "Violence against civilians": ("#8e44ad", "triangle"),
    "Protests": ("#16a085", "circle"),
    "Strategic developments": ("#7f6a3a", "hexagon"),
    "Diplomacy": ("#2471a3", "square"),
}
_OTHER = ("#566573", "circle")

_DASHES = {"reported": "", "claimed": "4 2.5", "contested": "2 2", "denied": "0.5 2.5"}

_SHAPES = {
    "diamond": "M12 1.5 22.5 12 12 22.5 1.5 12Z",
    "burst": (
        "M12 1 14.3 7.6 20.5 4.5 17.4 10.1 23 12 17.4 13.9 20.5 19.5 14.3 16.4 "
        "12 23 9.7 16.4 3.5 19.5 6.6 13.9 1 12 6.6 10.1 3.5 4.5 9.7 7.6Z"
    ),
    "triangle": "M12 2 22.5 20.5 1.5 20.5Z",
    "circle": "M12 2.5a9.5 9.5 0 1 0 0.01 0Z",
    "hexagon": "M12 1.5 21.5 7 21.5 17 12 22.5 2.5 17 2.5 7Z",
    "square": "M3 3H21V21H3Z",
}

REQUIRED_COLUMNS = (
    "event_id",
    "date",
    "event_type",
    "place_name",
    "precision",
    "status",
    "geometry",
)

#: Points above which markers are clustered when ``cluster=None``.
CLUSTER_ABOVE = 300
#: Size in pixels of the grid cells points are clustered into.
CLUSTER_CELL = 56
#: Unclustered points above which markers become canvas circles (SVG icons get slow).
CANVAS_ABOVE = 3000
#: Attribution for the place data behind every map.
ATTRIBUTION = 'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)'


def _symbol(color: str, shape: str, status: str, *, size: int = 22) -> str:
    """Return an inline SVG symbol; solid when reported, hollow and dashed otherwise."""
    solid = status == "reported"
    fill = color if solid else "#ffffff"
    stroke = "#ffffff" if solid else color
    dash = _DASHES.get(status, "")
    extra = f' stroke-dasharray="{dash}"' if dash else ""
    mark = ""
    if status == "denied":
        mark = f'<path d="M6 18 18 6" stroke="{color}" stroke-width="2"/>'
    elif status == "claimed":
        mark = f'<circle cx="12" cy="12" r="3.2" fill="{color}"/>'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 24 24" aria-hidden="true"><path d="{_SHAPES[shape]}" fill="{fill}" '
        f'stroke="{stroke}" stroke-width="{1.5 if solid else 2.2}"{extra} '
        f'stroke-linejoin="round"/>{mark}</svg>'
    )


# ---------------------------------------------------------------- the payload


def _check_events(events: Any, modalities: Sequence[str] | None) -> geopandas.GeoDataFrame:
    import geopandas

    if not isinstance(events, geopandas.GeoDataFrame):
        raise InvalidInput(
            f"events must be a GeoDataFrame (from geonews.events()), not {type(events).__name__}"
        )
    missing = [c for c in REQUIRED_COLUMNS if c not in events.columns]
    if missing:
        raise InvalidInput(f"events frame lacks columns {missing!r}")
    frame = events
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        frame = frame.to_crs(4326)
    if "role" in frame.columns:
        metonyms = frame["role"].astype("string").eq("metonym").fillna(False).to_numpy(bool)
        if metonyms.any():
            log.info("not drawing %d metonym rows (actors, not places)", int(metonyms.sum()))
            frame = frame[~metonyms]
    if modalities is not None:
        if isinstance(modalities, str):
            modalities = (modalities,)
        unknown = sorted(set(modalities) - set(MODALITIES))
        if unknown:
            raise InvalidInput(f"unknown modality {unknown[0]!r}; expected some of {MODALITIES!r}")
        if "modality" in frame.columns:
            given = frame["modality"].astype("string").fillna("actual")
            shown = given.isin(list(modalities)).to_numpy(bool)
            if not shown.all():
                log.info("not drawing %d events of other modalities", int((~shown).sum()))
                frame = frame[shown]
        elif "actual" not in modalities:
            frame = frame.iloc[:0]
    empty = frame.geometry.isna().to_numpy() | frame.geometry.is_empty.to_numpy()
    if empty.any():
        log.info("not drawing %d events without a geometry", int(empty.sum()))
        frame = frame[~empty]
    bad = sorted(set(frame["status"].dropna()) - set(EVENT_STATUSES))
    if bad:
        raise InvalidInput(f"unknown event status {bad[0]!r}; expected one of {EVENT_STATUSES!r}")
    return frame


class _Strings:
    """A table of escaped strings shared by all columns (sentences repeat a lot)."""

    def __init__(self) -> None:
        self.table: list[str] = []
        self.index: dict[str, int] = {}

    def add(self, value_text: str, *, escaped: bool = False) -> int:
        value = value_text if escaped else text(value_text)
        found = self.index.get(value)
        if found is None:
            found = self.index[value] = len(self.table)
            self.table.append(value)
        return found

    def column(self, values: pd.Series, *, transform: Any = None) -> list[int]:
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        lookup = []
        for u in uniques:
            value = transform(u) if transform is not None else str(u)
            lookup.append(-1 if value is None or value == "" else self.add(value))
        table = np.asarray([*lookup, -1], dtype=np.int64)
        return table[codes].tolist()  # code -1 (missing) picks the trailing -1


def _safe_url(url: Any) -> str | None:
    if not isinstance(url, str):
        return None
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def _name_key(name: str) -> str:
    try:
        return key(name)
    except InvalidInput:
        return name.strip().casefold()


def _days(values: pd.Series) -> np.ndarray:
    stamps = pd.to_datetime(values, errors="coerce")
    if getattr(stamps.dt, "tz", None) is not None:
        stamps = stamps.dt.tz_convert("UTC").dt.tz_localize(None)
    days = stamps.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]").astype(np.int64)
    days[stamps.isna().to_numpy()] = -1
    return days


def _geojson(geom: Any) -> dict[str, Any]:
    simple = geom.simplify(0.002, preserve_topology=True)
    return _geojson_rounded(simple, digits=4)


def _payload(frame: geopandas.GeoDataFrame, types: list[str], *, canvas: bool) -> dict:
    strings = _Strings()
    n = len(frame)
    col = frame.get
    type_codes = pd.Categorical(frame["event_type"], categories=types).codes
    status = frame["status"].fillna("reported")
    modality = col("modality", pd.Series(["actual"] * n, index=frame.index)).fillna("actual")
    precision = frame["precision"].fillna("settlement")
    geoms = frame.geometry.to_numpy()
    is_point = shapely.get_type_id(geoms) == 0
    lat = np.where(is_point, shapely.get_y(np.where(is_point, geoms, None)), 0.0)
    lon = np.where(is_point, shapely.get_x(np.where(is_point, geoms, None)), 0.0)

    place_name = frame["place_name"].astype("string")
    place_text = col("place_text", place_name).astype("string")
    aliases: list[int] = []
    pairs = pd.DataFrame({"n": place_name, "t": place_text})
    codes, uniques = pd.factorize(pd.MultiIndex.from_frame(pairs.fillna("")))
    pair_alias = []
    for name, said in uniques:
        differs = bool(said) and bool(name) and _name_key(said) != _name_key(name)
        pair_alias.append(strings.add(said) if differs else -1)
    aliases = np.asarray(pair_alias, dtype=np.int64)[codes].tolist()

    d0 = _days(frame["date"])
    d1 = _days(col("date_end", pd.Series([pd.NaT] * n, index=frame.index)))
    empty = pd.Series([None] * n, index=frame.index, dtype="object")
    ev = {
        "lat": np.round(lat, 5).tolist(),
        "lon": np.round(lon, 5).tolist(),
        "t": type_codes.tolist(),
        "s": _codes(status, EVENT_STATUSES, default=0).tolist(),
        "m": _codes(modality, MODALITIES, default=0).tolist(),
        "prec": np.where(is_point, 0, _codes(precision, PRECISIONS, default=1)).tolist(),
        "d0": d0.tolist(),
        "d1": d1.tolist(),
        "place": strings.column(place_name),
        "alias": aliases,
        "sub": strings.column(col("sub_type", empty)),
        "claimant": strings.column(col("claimant", empty)),
        "sentence": strings.column(col("sentence", empty)),
        "source": strings.column(col("source", empty)),
        "url": strings.column(col("url", empty), transform=_safe_url),
    }
    # Region- and country-level events: one shape per (geometry, type).
    geo: list[dict] = []
    geo_index: dict[bytes, int] = {}
    groups: dict[tuple[int, int], list[int]] = {}
    for i in np.flatnonzero(~is_point):
        wkb = shapely.to_wkb(geoms[i])
        g = geo_index.get(wkb)
        if g is None:
            g = geo_index[wkb] = len(geo)
            geo.append(_geojson(geoms[i]))
        groups.setdefault((g, int(type_codes[i])), []).append(int(i))
    shapes = [
        {"g": g, "t": t, "p": _precision_code(precision.iloc[idx[0]]), "ev": idx}
        for (g, t), idx in groups.items()
    ]
    dated = d0[d0 >= 0]
    return {
        "types": [{"name": text(t), "color": EVENT_STYLES.get(t, _OTHER)[0]} for t in types],
        "icons": [
            [_symbol(*EVENT_STYLES.get(t, _OTHER), s) for s in EVENT_STATUSES] for t in types
        ],
        "statusIcons": [_symbol("#444444", "circle", s, size=16) for s in EVENT_STATUSES],
        "statuses": list(EVENT_STATUSES),
        "modalities": list(MODALITIES),
        "precisions": list(PRECISIONS),
        "dashes": [_DASHES[s] for s in EVENT_STATUSES],
        "counts": np.bincount(type_codes, minlength=len(types)).tolist(),
        "str": strings.table,
        "ev": ev,
        "geo": geo,
        "shapes": shapes,
        "dayMin": int(dated.min()) if dated.size else 0,
        "dayMax": int(max(dated.max(), d1.max())) if dated.size else 0,
        "canvas": canvas,
        "maxPopup": 10,
        "attribution": ATTRIBUTION,
    }


def _codes(values: pd.Series, categories: tuple[str, ...], *, default: int) -> np.ndarray:
    codes = pd.Categorical(values, categories=categories).codes.astype(np.int64)
    codes[codes < 0] = default
    return codes


def _precision_code(value: str) -> int:
    return PRECISIONS.index(value) if value in PRECISIONS else 1


# ---------------------------------------------------------------- folium elements


@cache
def _script() -> str:
    return (resources.files("geonews.maps") / "templates" / "events.js").read_text("utf-8")


_CSS = """
.gn-marker{background:none;border:none}
.gn-marker svg{display:block;filter:drop-shadow(0 0 1.5px rgba(0,0,0,.45))}
.gn-event,.gn-popup,.gn-legend,.gn-time{font:13px/1.35 system-ui,-apple-system,"Segoe UI",
 Roboto,sans-serif;color:#1c2833}
.gn-place{font-weight:650;font-size:14px}
.gn-kind{font-weight:600;margin-top:2px}
.gn-meta{color:#4d5656;margin:2px 0}
.gn-status-claimed,.gn-status-contested,.gn-status-denied{font-style:italic;
 border-bottom:1px dashed #4d5656}
.gn-sentence{margin:5px 0;padding:0 0 0 7px;border-left:3px solid #ccd1d1;white-space:normal;
 overflow-wrap:anywhere}
.gn-popup hr{border:0;border-top:1px solid #e5e8e8;margin:6px 0}
.gn-legend,.gn-time{background:rgba(255,255,255,.94);padding:6px 9px;line-height:1.6}
.gn-legend svg,.gn-lc svg{width:16px;height:16px;vertical-align:-3px}
.gn-legend-row span{white-space:nowrap;margin-left:4px}
.gn-legend-row b{display:inline-block;width:44px;font-weight:600}
.gn-swatch{display:inline-block;width:15px;height:11px;border:1.5px solid #566573;
 vertical-align:-1px}
.gn-swatch-region{background:rgba(86,101,115,.25)}
.gn-swatch-country{background:repeating-linear-gradient(45deg,#566573 0 2px,#fff 2px 5px)}
.gn-time label{display:block}
.gn-time input{width:170px;vertical-align:middle}
.gn-time-title{font-weight:600}
.gn-time-label{font-weight:400;color:#4d5656}
.gn-cluster{background:none;border:none}
.gn-cluster svg{display:block;filter:drop-shadow(0 0 1.5px rgba(0,0,0,.4))}
.gn-cluster text{font:700 12px system-ui,sans-serif;fill:#1c2833}
.gn-fullscreen a{display:flex;align-items:center;justify-content:center}
.leaflet-control-layers,.leaflet-control-attribution{font-size:13px}
.leaflet-control-scale-line{font-size:11px}
"""


class _EventLayer(RawRender, MacroElement):
    """Draws the payload into the per-type layers, plus legend and date filter."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>{{ this.css }}{% if this.background %}
        div.folium-map.leaflet-container{background:{{ this.background }}}{% endif %}</style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        {{ this.js }}
        geonewsEvents({{ this._parent.get_name() }},
            [{{ this.group_names|join(", ") }}], {{ this.payload }});
        {% endmacro %}
        """
    )

    def __init__(self, payload: dict, groups: list[Layer], *, background: str | None):
        super().__init__()
        self._name = "GeonewsEvents"
        self.payload = script_json(payload)
        self.groups = groups
        self.background = background
        self.css = _CSS
        self.js = _script()

    @property
    def group_names(self) -> list[str]:
        return [g.get_name() for g in self.groups]


class _Outlines(RawRender, Layer):
    """Country outlines from the ``countryinfo`` package: the offline basemap."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        if (!{{ this._parent.get_name() }}.getPane("gnBase")) {
            {{ this._parent.get_name() }}.createPane("gnBase").style.zIndex = 250;
        }
        var {{ this.get_name() }} = L.geoJSON({{ this.data }}, {
            pane: "gnBase", interactive: false,
            style: {color: "#8d96a0", weight: 0.8, fillColor: "#f6f4ee", fillOpacity: 1}
        });
        {% endmacro %}
        """
    )

    def __init__(self, *, show: bool):
        super().__init__(name="Country outlines", overlay=True, control=True, show=show)
        self._name = "Outlines"
        self.data = _world_outlines()


@cache
def _world_outlines() -> str:
    from countryinfo import CountryInfo

    features = []
    for info in CountryInfo.all().values():
        for feature in (info.get("geoJSON") or {}).get("features", []):
            geom = shapely.geometry.shape(feature["geometry"])
            features.append(
                {"type": "Feature", "properties": {}, "geometry": _geojson_rounded(geom)}
            )
    return script_json({"type": "FeatureCollection", "features": features})


def _geojson_rounded(geom: Any, *, digits: int = 2) -> dict[str, Any]:
    rounded = shapely.transform(geom, lambda xy: np.round(xy, digits))
    return json.loads(shapely.to_geojson(rounded))


# ---------------------------------------------------------------- public API


def event_map(
    events: geopandas.GeoDataFrame,
    *,
    frontline: geopandas.GeoDataFrame | None = None,
    cluster: bool | None = None,
    heatmap: bool = False,
    tiles: str | None = "OpenStreetMap",
    outlines: bool = True,
    modalities: Sequence[str] | None = ("actual",),
    width: str | int = "100%",
    height: str | int = "100%",
) -> folium.Map:
    r"""Draw an events GeoDataFrame as an interactive folium map.

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        Events in the schema :func:`geonews.events` returns (at least
        ``event_id, date, event_type, place_name, precision, status, geometry``).
    frontline : geopandas.GeoDataFrame, optional
        Control areas with ``status`` and ``date`` columns, drawn under the events.
    cluster : bool, optional
        Cluster point markers on a ``CLUSTER_CELL``-pixel grid.  By default they are
        clustered when there are more than ``CLUSTER_ABOVE`` points.
    heatmap : bool, default False
        Add a heat-map layer of the point events.
    tiles : str or None, default "OpenStreetMap"
        Tile layer, as :class:`folium.Map` takes it.  ``None`` draws a plain
        background with country outlines; :func:`save_map` drops tiles when
        saving offline.
    outlines : bool, default True
        Add the country-outline basemap layer (shown when there are no tiles).
    modalities : sequence of str or None, default ("actual",)
        Which events to draw by their ``modality``: by default only what was reported as
        happening, not what was threatened, planned or supposed ("should Ukraine fail
        to comply, strikes would follow"); a row without a modality counts as actual.
        ``None`` draws every row, each non-actual one labelled in its popup.
    width, height : str or int
        Map size, as :class:`folium.Map` takes it.

    Returns
    -------
    folium.Map
        Shows itself in a notebook; save it with :func:`save_map`.

    Raises
    ------
    InvalidInput
        When ``events`` is not a GeoDataFrame with the required columns.

    Examples
    --------
    >>> import geopandas, pandas as pd
    >>> from shapely.geometry import Point
    >>> ev = geopandas.GeoDataFrame({
    ...     "event_id": ["e1"], "date": pd.to_datetime(["2024-08-20"]),
    ...     "event_type": ["Battles"], "place_name": ["Pokrovsk"],
    ...     "place_text": ["Krasnoarmeysk"], "precision": ["settlement"],
    ...     "status": ["contested"], "sentence": ["Fighting <b>raged</b> near Krasnoarmeysk."],
    ... }, geometry=[Point(37.18, 48.28)], crs=4326)
    >>> m = event_map(ev, tiles=None)
    >>> page = m.get_root().render()
    >>> "Fighting \\u0026lt;b\\u0026gt;raged" in page and "<b>raged" not in page
    True
    """
    frame = with_areas(_check_events(events, modalities))  # a region's event as the region
    present = list(dict.fromkeys(frame["event_type"].astype(str)))
    types = [t for t in EVENT_STYLES if t in present] + [
        t for t in present if t not in EVENT_STYLES
    ]
    if frame["event_type"].isna().any():
        frame = frame.assign(event_type=frame["event_type"].fillna("Other").astype(str))
        types = [*types, "Other"] if "Other" not in types else types
    n_points = int((shapely.get_type_id(frame.geometry.to_numpy()) == 0).sum())
    clustered = n_points > CLUSTER_ABOVE if cluster is None else bool(cluster)
    canvas = not clustered and n_points > CANVAS_ABOVE

    m = folium.Map(
        location=list(CENTRE),
        zoom_start=5,
        tiles=tiles,
        control_scale=True,
        width=width,
        height=height,
    )
    m.options.setdefault("maxZoom", 18)  # clustering needs it; folium passes it to tiles only
    m.options.setdefault("minZoom", 1)
    if frontline is not None:  # control areas under the events, drawn by [frontline]
        from geonews.maps.frontline import add_to_map

        add_to_map(frontline, m)

    payload = _payload(frame, types, canvas=canvas)
    payload["clustered"] = clustered
    payload["cell"] = CLUSTER_CELL
    groups: list[Layer] = []
    for t, count in zip(types, payload["counts"], strict=True):
        icon = _symbol(*EVENT_STYLES.get(t, _OTHER), "reported", size=16)
        name = f'<span class="gn-lc">{icon}</span> {text(t)} ({count:,})'
        group = folium.FeatureGroup(name=name)
        group.add_to(m)
        groups.append(group)
    if outlines:  # after the event types, so the layer control lists those first
        _Outlines(show=tiles is None).add_to(m)
    m.add_child(_EventLayer(payload, groups, background="#bcd4e3"))  # sea, under any tiles
    if heatmap:
        pts = np.column_stack([payload["ev"]["lat"], payload["ev"]["lon"]])
        keep = np.asarray(payload["ev"]["prec"]) == 0
        plugins.HeatMap(pts[keep].tolist(), name="Heat map", radius=14, min_opacity=0.3).add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    if len(frame):
        west, south, east, north = frame.total_bounds
        m.fit_bounds([[south, west], [north, east]], padding=(24, 24), max_zoom=11)
    return m


@contextlib.contextmanager
def _without_tiles(m: folium.Map) -> Iterator[None]:
    """Temporarily drop tile layers and show the outline basemap instead."""
    original = list(m._children.items())
    outlines = [v for _, v in original if isinstance(v, _Outlines)]
    shown = [o.show for o in outlines]
    for k, v in original:
        if isinstance(v, folium.TileLayer):
            del m._children[k]
    for o in outlines:
        o.show = True
    try:
        yield
    finally:
        m._children.clear()
        m._children.update(original)
        for o, s in zip(outlines, shown, strict=True):
            o.show = s


def _uses_folium_icons(m: folium.Map) -> bool:
    def walk(el: Any) -> Iterator[Any]:
        yield el
        for child in el._children.values():
            yield from walk(child)

    return any(
        isinstance(el, folium.Icon)
        or (isinstance(el, plugins.FastMarkerCluster) and "AwesomeMarkers" in el.callback)
        for el in walk(m)
    )


def save_map(m: folium.Map, path: str | Path, *, offline: bool = True) -> Path:
    """Write a map as one HTML file.

    Parameters
    ----------
    m : folium.Map
        A map, e.g. from :func:`event_map`.
    path : str or pathlib.Path
        Where to write the file.
    offline : bool, default True
        Inline Leaflet, plugins, CSS and icons so the file opens with no network;
        tile layers are left out (the country-outline basemap shows instead).
        With ``False`` the file references CDNs as folium does and stays small.

    Returns
    -------
    pathlib.Path
        The written file.

    Raises
    ------
    MissingAsset
        When an asset the page needs is neither installed nor in the asset cache
        (see :func:`fill_asset_cache`).

    Examples
    --------
    >>> import folium, tempfile, pathlib
    >>> out = save_map(folium.Map(tiles=None), pathlib.Path(tempfile.mkdtemp()) / "m.html")
    >>> "<script src=" in out.read_text(encoding="utf-8")
    False
    """
    if not isinstance(m, folium.Map):
        raise InvalidInput(f"save_map needs a folium.Map, not {type(m).__name__}")
    path = Path(path)
    if offline:
        with _without_tiles(m):
            page = m.get_root().render()
        page = inline_assets(page, keep_icon_assets=_uses_folium_icons(m))
    else:
        page = m.get_root().render()
    path.write_text(page, encoding="utf-8")
    return path
