"""Map layers for control-area snapshots (drawing only; folium).

Every layer is plain Leaflet: ``L.geoJSON`` and ``L.control`` from the standard
folium page plus a few lines of inline JavaScript, so the offline export of
:mod:`geonews.maps.events` has no extra asset to inline.  Front-line files come from
anyone: every string from them (status, label, oblast, dates) reaches the page
through :mod:`geonews.maps.escape` - as JSON data shown with ``textContent``, or as
escaped markup - and every element here renders once, as finished text, so no
data string is ever parsed as a Jinja template.

* :func:`control_layer` - areas shaded by status, with an "as of" legend;
* :func:`change_layer` - areas lost and gained between two snapshots;
* :class:`TimeSlider` - one snapshot at a time, chosen with a range input;
* :func:`add_to_map` - what :func:`geonews.maps.events.map` calls: a slider for a series,
  a control layer for one snapshot.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import folium
import geopandas as gpd
import pandas as pd
import shapely
from branca.element import MacroElement

from geonews.errors import InvalidInput
from geonews.maps.elements import RawRender, Template
from geonews.maps.escape import text

__all__ = [
    "CHANGE_COLORS",
    "STATUS_COLORS",
    "Legend",
    "TimeSlider",
    "add_to_map",
    "change_layer",
    "control_layer",
]

#: Fill colour of each control status.
STATUS_COLORS = {
    "occupied_before_2022": "#7f0000",
    "occupied": "#d7301f",
    "contested": "#969696",
    "advance": "#fc8d59",
    "claimed": "#fdd49e",
    "counteroffensive": "#4292c6",
    "liberated": "#41ab5d",
}

#: Fill colour of each kind of change (Ukraine's view: "lost" = newly occupied).
CHANGE_COLORS = {"lost": "#e31a1c", "gained": "#1f78b4"}

_STATUS_TEXT = {
    "occupied_before_2022": "occupied before 2022",
    "occupied": "occupied",
    "contested": "contested (grey zone)",
    "advance": "assessed advance",
    "claimed": "claimed",
    "counteroffensive": "counteroffensive",
    "liberated": "liberated",
}


class Legend(RawRender, MacroElement):
    """A legend box (title and coloured swatches) as a Leaflet control.

    Parameters
    ----------
    title : str
        Heading, e.g. ``"Control as of 2025-07-14"`` (escaped).
    entries : sequence of (str, str)
        ``(colour, text)`` pairs; text is escaped.
    position : str
        Leaflet control position.

    Examples
    --------
    >>> m = folium.Map()
    >>> legend = Legend("As of <today>", [("#d7301f", "occupied")]).add_to(m)
    >>> "&lt;today&gt;" in legend.html, "<today>" in m.get_root().render()
    (True, False)
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: {{ this.position|js }}});
        {{ this.get_name() }}.onAdd = function (map) {
            var div = L.DomUtil.create("div", "geonews-legend");
            div.style.cssText = "background:#fff;padding:6px 8px;font:12px/1.4 sans-serif;"
                + "border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3);";
            div.innerHTML = {{ this.html|js }};
            return div;
        };
        {{ this.get_name() }}.addTo({{ this.map_name }});
        {% endmacro %}
        """
    )

    def __init__(
        self, title: str, entries: Sequence[tuple[str, str]], *, position: str = "bottomright"
    ):
        super().__init__()
        self._name = "Legend"
        self.position = position
        rows = "".join(
            f'<div><span style="display:inline-block;width:12px;height:12px;'
            f'margin-right:6px;background:{text(color)};opacity:.7"></span>'
            f"{text(label)}</div>"
            for color, label in entries
        )
        self.html = f"<b>{text(title)}</b>{rows}"

    @property
    def map_name(self) -> str:
        """Return the JavaScript name of the map this legend belongs to."""
        return _map_of(self).get_name()


class TimeSlider(RawRender, MacroElement):
    """Control areas of a series, one date at a time, chosen with a range input.

    Add it to a :class:`folium.Map`; the latest snapshot shows first.

    Parameters
    ----------
    series : geopandas.GeoDataFrame
        Snapshots from :func:`geonews.frontline.sources.load_series` (several dates).
    simplify : float
        Simplification tolerance in degrees (keeps the page small).
    position : str
        Leaflet control position of the slider.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> series = gpd.GeoDataFrame(
    ...     {"status": ["occupied", "occupied"],
    ...      "date": pd.to_datetime(["2024-07-15", "2025-07-15"])},
    ...     geometry=[box(37, 48, 38, 49), box(36.8, 48, 38, 49)], crs=4326)
    >>> m = folium.Map()
    >>> _ = TimeSlider(series).add_to(m)
    >>> html_page = m.get_root().render()
    >>> "2024-07-15" in html_page and 'type = "range"' in html_page
    True
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.areas_js }}
        (function () {
            var map = {{ this.map_name }};
            var frames = {{ this.frames|js }};
            var layers = frames.map(function (fr) {
                return geonewsAreas(fr.data, {{ this.colors|js }}, "status",
                    [["status", "Status"], ["label", "Label"]], 0.45);
            });
            var current = null;
            var control = L.control({position: {{ this.position|js }}});
            control.onAdd = function () {
                var div = L.DomUtil.create("div", "geonews-time-slider");
                div.style.cssText = "background:#fff;padding:6px 8px;font:12px sans-serif;"
                    + "border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3);";
                var label = L.DomUtil.create("div", "", div);
                var input = L.DomUtil.create("input", "", div);
                input.type = "range";
                input.min = 0;
                input.max = frames.length - 1;
                input.step = 1;
                input.value = frames.length - 1;
                input.setAttribute("aria-label", "Control areas: date");
                L.DomEvent.disableClickPropagation(div);
                var show = function (i) {
                    if (current) { map.removeLayer(current); }
                    current = layers[i].addTo(map);
                    label.textContent = "Control as of " + frames[i].date;
                };
                input.addEventListener("input", function () { show(+input.value); });
                show(frames.length - 1);
                return div;
            };
            control.addTo(map);
        })();
        {% endmacro %}
        """
    )

    def __init__(
        self, series: gpd.GeoDataFrame, *, simplify: float = 0.002, position: str = "bottomleft"
    ):
        super().__init__()
        self._name = "TimeSlider"
        frame = _checked(series)
        if frame["date"].isna().all():
            raise InvalidInput("a time slider needs dated snapshots; every date is missing")
        self.position = position
        self.colors = STATUS_COLORS
        self.areas_js = _AREAS_JS
        self.frames = [
            {"date": _day(when), "data": _feature_collection(group, simplify=simplify)}
            for when, group in frame.dropna(subset=["date"]).groupby("date", sort=True)
        ]

    @property
    def map_name(self) -> str:
        """Return the JavaScript name of the map this slider belongs to."""
        return _map_of(self).get_name()


def control_layer(
    snapshot: gpd.GeoDataFrame,
    *,
    name: str | None = None,
    simplify: float = 0.002,
    legend: bool = True,
    show: bool = True,
) -> folium.FeatureGroup:
    """Control areas of one snapshot, shaded by status, with an "as of" legend.

    Parameters
    ----------
    snapshot : geopandas.GeoDataFrame
        A snapshot from :func:`geonews.frontline.sources.load` (the latest date is drawn
        when several are present).
    name : str, optional
        Layer name in the layer control (default ``"Control areas <date>"``).
    simplify : float
        Simplification tolerance in degrees.
    legend : bool
        Add a :class:`Legend` with the snapshot date.
    show : bool
        Whether the layer is on when the map opens.

    Returns
    -------
    folium.FeatureGroup
        Add it to a map.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> snap = gpd.GeoDataFrame(
    ...     {"status": ["occupied"], "label": ["<b>Occupied</b>"],
    ...      "date": pd.to_datetime(["2025-07-14"])},
    ...     geometry=[box(37, 48, 38, 49)], crs=4326)
    >>> m = folium.Map()
    >>> _ = control_layer(snap).add_to(m)
    >>> page = m.get_root().render()
    >>> "Control as of 2025-07-14" in page, "<b>Occupied</b>" in page
    (True, False)
    """
    frame = _checked(snapshot)
    if frame["date"].notna().any():
        frame = frame[frame["date"] == frame["date"].max()]
    day = _day(frame["date"].max())
    group = folium.FeatureGroup(name=text(name or f"Control areas {day}"), show=show)
    _Areas(
        _feature_collection(frame, simplify=simplify),
        STATUS_COLORS,
        fields=[("status", "Status"), ("label", "Label")],
        fill_opacity=0.45,
    ).add_to(group)
    if legend:
        present = [s for s in STATUS_COLORS if s in set(frame["status"])]
        Legend(
            f"Control as of {day}", [(STATUS_COLORS[s], _STATUS_TEXT[s]) for s in present]
        ).add_to(group)
    return group


def change_layer(
    changes: gpd.GeoDataFrame,
    *,
    name: str | None = None,
    simplify: float = 0.0005,
    legend: bool = True,
    show: bool = True,
) -> folium.FeatureGroup:
    """Areas lost and gained between two snapshots, with km² in the legend.

    Parameters
    ----------
    changes : geopandas.GeoDataFrame
        The result of :func:`geonews.frontline.analysis.change`.
    name : str, optional
        Layer name (default ``"Change <from> → <to>"``).
    simplify : float
        Simplification tolerance in degrees.
    legend : bool
        Add a :class:`Legend` with the total area of each kind.
    show : bool
        Whether the layer is on when the map opens.

    Returns
    -------
    folium.FeatureGroup

    Examples
    --------
    >>> from shapely.geometry import box
    >>> ch = gpd.GeoDataFrame(
    ...     {"change": ["lost"], "admin1": ["Donetsk"], "area_km2": [843.4],
    ...      "date_from": pd.to_datetime(["2024-07-15"]),
    ...      "date_to": pd.to_datetime(["2025-07-15"])},
    ...     geometry=[box(37, 48, 37.2, 48.3)], crs=4326)
    >>> m = folium.Map()
    >>> _ = change_layer(ch).add_to(m)
    >>> "lost: 843 km" in m.get_root().render()
    True
    """
    needed = {"change", "area_km2", "date_from", "date_to"}
    if not isinstance(changes, gpd.GeoDataFrame) or not needed <= set(changes.columns):
        raise InvalidInput(
            f"expected the GeoDataFrame of frontline.change(), got {type(changes)!r}"
        )
    frame = changes.to_crs(4326) if changes.crs is not None else changes
    span = f"{_day(frame['date_from'].min())} → {_day(frame['date_to'].max())}"
    group = folium.FeatureGroup(name=text(name or f"Change {span}"), show=show)
    props = pd.DataFrame(
        {
            "change": frame["change"].astype(str),
            "oblast": frame.get("admin1", pd.Series(None, index=frame.index))
            .fillna("?")
            .astype(str),
            "km2": frame["area_km2"].round(1),
        }
    )
    data = gpd.GeoDataFrame(props, geometry=frame.geometry.simplify(simplify), crs=4326)
    _Areas(
        json.loads(data.to_json(drop_id=True)),
        CHANGE_COLORS,
        key="change",
        fields=[("change", "Change"), ("oblast", "Oblast"), ("km2", "km²")],
        fill_opacity=0.6,
    ).add_to(group)
    if legend:
        totals = frame.groupby("change")["area_km2"].sum()
        Legend(
            f"Change {span}",
            [(CHANGE_COLORS[k], f"{k}: {totals.get(k, 0.0):,.0f} km²") for k in CHANGE_COLORS],
        ).add_to(group)
    return group


def add_to_map(frontline: gpd.GeoDataFrame, m: folium.Map) -> folium.Map:
    """Draw control areas on a map: a time slider for a series, else one layer.

    Parameters
    ----------
    frontline : geopandas.GeoDataFrame
        A snapshot or a series (several dates) from :mod:`geonews.frontline.sources`.
    m : folium.Map
        The map to draw on.

    Returns
    -------
    folium.Map
        ``m``.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> snap = gpd.GeoDataFrame({"status": ["occupied"], "date": pd.to_datetime(["2025-07-14"])},
    ...                         geometry=[box(37, 48, 38, 49)], crs=4326)
    >>> m = add_to_map(snap, folium.Map())
    >>> "Control as of 2025-07-14" in m.get_root().render()
    True
    """
    frame = _checked(frontline)
    if frame["date"].nunique() > 1:
        TimeSlider(frame).add_to(m)
        present = [s for s in STATUS_COLORS if s in set(frame["status"])]
        Legend("Control areas", [(STATUS_COLORS[s], _STATUS_TEXT[s]) for s in present]).add_to(m)
    else:
        control_layer(frame).add_to(m)
    return m


# --------------------------------------------------------------------------- helpers


def _checked(snapshot: Any) -> gpd.GeoDataFrame:
    if not isinstance(snapshot, gpd.GeoDataFrame) or not {"status", "date"} <= set(
        snapshot.columns
    ):
        raise InvalidInput(
            "expected a control-area GeoDataFrame with 'status' and 'date' columns, "
            f"got {type(snapshot)!r}"
        )
    return snapshot.to_crs(4326) if snapshot.crs is not None else snapshot


def _day(value: Any) -> str:
    return "unknown date" if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def _feature_collection(frame: gpd.GeoDataFrame, *, simplify: float) -> dict[str, Any]:
    """GeoJSON of status, label and date, with simplified geometry (strings as they are)."""
    labels = frame["label"] if "label" in frame.columns else frame["status"]
    props = pd.DataFrame(
        {
            "status": frame["status"].astype(str),
            "label": labels.fillna("").astype(str).map(lambda s: " ".join(s.split())),
            "date": frame["date"].map(_day),
        }
    )
    geometry = shapely.simplify(frame.geometry.values, simplify, preserve_topology=True)
    data = gpd.GeoDataFrame(props, geometry=gpd.GeoSeries(geometry, index=frame.index), crs=4326)
    return json.loads(data.to_json(drop_id=True))


# Draws a FeatureCollection coloured by one property, with a tooltip of some others
# written as text nodes (never as markup): the data's strings cannot become HTML.
_AREAS_JS = """
window.geonewsAreas = window.geonewsAreas || function (data, colors, key, fields, opacity) {
    var style = function (f) {
        var c = colors[f.properties[key]] || "#555555";
        return {color: c, weight: 1, fillColor: c, fillOpacity: opacity};
    };
    var tip = function (layer) {
        var box = document.createElement("div");
        fields.forEach(function (fl) {
            var row = document.createElement("div"), b = document.createElement("b");
            b.textContent = fl[1] + ": ";
            row.appendChild(b);
            row.appendChild(document.createTextNode(String(layer.feature.properties[fl[0]])));
            box.appendChild(row);
        });
        return box;
    };
    return L.geoJSON(data, {style: style, onEachFeature: function (f, layer) {
        layer.bindTooltip(tip, {sticky: true});
    }});
};
"""


class _Areas(RawRender, MacroElement):
    """A GeoJSON layer coloured by ``key``, with a text-only tooltip of ``fields``."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.areas_js }}
        geonewsAreas({{ this.data|js }}, {{ this.colors|js }}, {{ this.key|js }},
            {{ this.fields|js }}, {{ this.fill_opacity|js }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        data: dict[str, Any],
        colors: dict[str, str],
        *,
        fields: list[tuple[str, str]],
        key: str = "status",
        fill_opacity: float,
    ):
        super().__init__()
        self._name = "Areas"
        self.data = data
        self.colors = colors
        self.key = key
        self.fields = [list(f) for f in fields]
        self.fill_opacity = fill_opacity
        self.areas_js = _AREAS_JS


def _map_of(element: Any) -> folium.Map:
    """Walk up the parents of an element to the map it is drawn on."""
    parent = element._parent
    while parent is not None and not isinstance(parent, folium.Map):
        parent = getattr(parent, "_parent", None)
    if parent is None:
        raise InvalidInput(f"{type(element).__name__} must be added to a folium.Map")
    return parent
