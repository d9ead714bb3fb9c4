"""Map layer for verified claims: each claim coloured by its verdict (drawing only).

:func:`claims_layer` draws the result of :func:`geonews.frontline.verify`: a settlement
claim as a dot, a region-level one as its territory outlined, both in the colour of the
verdict (:data:`VERDICT_COLORS`), with a popup giving the claimant, the claim date, the
verdict, the lag and the snapshots used.  Claimants and places come from news text and
claims files, so every string reaches the page as JSON data
(:func:`geonews.maps.escape.script_json`) and is shown with ``textContent``; the element
renders once, as finished text (:class:`geonews.maps.elements.RawRender`), so nothing
from the data is ever parsed as HTML or as a template.  :func:`claims_map` puts the layer
on a map of its own, over the control areas if given.
"""

from __future__ import annotations

import json
from typing import Any

import folium
import pandas as pd
import shapely
from branca.element import MacroElement

from geonews.activity.areas import with_areas
from geonews.context import CENTRE
from geonews.errors import InvalidInput
from geonews.maps.elements import RawRender, Template
from geonews.maps.escape import text
from geonews.maps.frontline import Legend, add_to_map

__all__ = ["VERDICT_COLORS", "claims_layer", "claims_map"]

#: Colour of each verdict (ColorBrewer RdYlBu, told apart by most colour-blind readers).
VERDICT_COLORS = {
    "confirmed": "#1a9850",
    "already": "#4575b4",
    "not_yet": "#fdae61",
    "contradicted": "#d73027",
    "unknown": "#969696",
}

_VERDICT_TEXT = {
    "confirmed": "confirmed by a later snapshot",
    "already": "already held before the claim",
    "not_yet": "not (yet) shown",
    "contradicted": "contradicted",
    "unknown": "unknown: no snapshot covers it",
}

# (column, label) of the popup rows, in order; missing columns and values are left out.
_FIELDS = (
    ("claimant", "Claimant"),
    ("claimed_side", "Claimed for"),
    ("claim_kind", "Kind"),
    ("date", "Claim date"),
    ("verdict", "Verdict"),
    ("lag_days", "Lag (days)"),
    ("confirmed_on", "Confirmed on"),
    ("before_on", "Snapshot before"),
    ("status_before", "Status then"),
    ("decided_on", "Decided by snapshot"),
    ("statuses", "Snapshots used"),
    ("front_distance_km", "Front at claim date (km)"),
    ("basis", "Why"),
)
_REQUIRED = {"verdict", "date"}
# Region outlines are simplified to this many degrees (keeps the page small).
_SIMPLIFY = 0.005


def claims_layer(
    verified: Any, *, name: str | None = None, legend: bool = True, show: bool = True
) -> folium.FeatureGroup:
    r"""The claims of :func:`geonews.frontline.verify`, coloured by verdict, with popups.

    Parameters
    ----------
    verified : geopandas.GeoDataFrame
        The result of :func:`geonews.frontline.verify`.
    name : str, optional
        Layer name in the layer control (default ``"Claims (<n>)"``; escaped).
    legend : bool
        Add a legend of the verdicts present, with counts.
    show : bool
        Whether the layer is on when the map opens.

    Returns
    -------
    folium.FeatureGroup
        Add it to a map.

    Raises
    ------
    InvalidInput
        When ``verified`` is not a GeoDataFrame with ``verdict`` and ``date``.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import Point
    >>> v = gpd.GeoDataFrame({"verdict": ["confirmed"], "date": pd.to_datetime(["2024-05-05"]),
    ...     "claimant": ["<b>MoD</b>"], "place_name": ["Ocheretyne"], "lag_days": [70]},
    ...     geometry=[Point(37.62, 48.24)], crs=4326)
    >>> m = folium.Map(tiles=None)
    >>> _ = claims_layer(v).add_to(m)
    >>> page = m.get_root().render()
    >>> "\\u003cb\\u003eMoD" in page, "<b>MoD" in page
    (True, False)
    """
    frame = _checked(verified)
    counts = frame["verdict"].value_counts()
    group = folium.FeatureGroup(name=text(name or f"Claims ({len(frame):,})"), show=show)
    _Claims([_feature(row) for row in frame.to_dict("records")], VERDICT_COLORS).add_to(group)
    if legend:
        present = [v for v in VERDICT_COLORS if v in counts.index]
        Legend(
            "Claims by verdict",
            [(VERDICT_COLORS[v], f"{_VERDICT_TEXT[v]} ({counts[v]})") for v in present],
            position="bottomleft",
        ).add_to(group)
    return group


def claims_map(
    verified: Any, *, frontline: Any = None, tiles: str | None = "OpenStreetMap"
) -> folium.Map:
    """A map of the verified claims, over the control areas when given.

    Parameters
    ----------
    verified : geopandas.GeoDataFrame
        The result of :func:`geonews.frontline.verify`.
    frontline : geopandas.GeoDataFrame, optional
        A snapshot or a series, drawn under the claims (a time slider for a series).
    tiles : str or None
        As :class:`folium.Map` takes it; :func:`geonews.save_map` drops tiles offline.

    Returns
    -------
    folium.Map
        Save it with :func:`geonews.save_map`.
    """
    frame = _checked(verified)
    m = folium.Map(location=list(CENTRE), zoom_start=6, tiles=tiles, control_scale=True)
    if frontline is not None:
        add_to_map(frontline, m)
    claims_layer(frame).add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    present = frame[~frame.geometry.isna() & ~frame.geometry.is_empty]
    if len(present):
        west, south, east, north = present.total_bounds
        m.fit_bounds([[south, west], [north, east]], padding=(24, 24), max_zoom=11)
    return m


# --------------------------------------------------------------------------- helpers


def _checked(verified: Any) -> Any:
    import geopandas as gpd

    if not isinstance(verified, gpd.GeoDataFrame) or not set(verified.columns) >= _REQUIRED:
        raise InvalidInput(
            f"expected the GeoDataFrame of frontline.verify(), got {type(verified)!r}"
        )
    frame = verified.to_crs(4326) if verified.crs is not None else verified
    return with_areas(frame[~frame.geometry.isna()])  # a region's claim as the region


def _feature(row: dict[str, Any]) -> dict[str, Any]:
    """One claim for the page: geometry, verdict, title and popup rows (all data strings)."""
    geom = row["geometry"]
    if geom.geom_type not in ("Point", "MultiPoint"):
        geom = shapely.simplify(geom, _SIMPLIFY, preserve_topology=True)
    geometry = json.loads(shapely.to_geojson(shapely.set_precision(geom, 1e-5)))
    title = next(
        (str(row[c]) for c in ("place_name", "place", "claim_id") if _present(row.get(c))),
        "claim",
    )
    fields = [[label, _show(row[column])] for column, label in _FIELDS
              if _present(row.get(column))]  # fmt: skip
    return {"g": geometry, "v": str(row["verdict"]), "t": title, "f": fields}


def _present(value: Any) -> bool:
    return value is not None and not (not isinstance(value, str) and pd.isna(value))


def _show(value: Any) -> str:
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


# Draws the claims: a dot per settlement, an outline per region, coloured by verdict;
# popups and tooltips are built from text nodes, never from markup.
_CLAIMS_JS = """
(function (group, data, colors) {
    var box = function (d) {
        var el = document.createElement("div"), head = document.createElement("b");
        el.className = "geonews-claim";
        el.style.cssText = "font:12px/1.4 sans-serif;max-width:340px";
        head.textContent = d.t;
        el.appendChild(head);
        d.f.forEach(function (f) {
            var row = document.createElement("div"), label = document.createElement("b");
            label.textContent = f[0] + ": ";
            row.appendChild(label);
            row.appendChild(document.createTextNode(f[1]));
            el.appendChild(row);
        });
        return el;
    };
    data.forEach(function (d) {
        var c = colors[d.v] || "#555555";
        var layer = L.geoJSON(d.g, {
            className: "geonews-claim-mark",
            pointToLayer: function (f, latlng) {
                return L.circleMarker(latlng, {radius: 7, color: "#222222", weight: 1,
                    fillColor: c, fillOpacity: 0.9, className: "geonews-claim-mark"});
            },
            style: function (f) {  // regions only: a dot keeps its own style
                return f.geometry.type.indexOf("Point") >= 0 ? {} : {color: c, weight: 2,
                    fillColor: c, fillOpacity: 0.12, dashArray: "5 4"};
            }
        });
        layer.bindPopup(function () { return box(d); }, {maxWidth: 360});
        layer.bindTooltip(function () {
            var tip = document.createElement("span");
            tip.textContent = d.t + " - " + d.v;
            return tip;
        });
        layer.addTo(group);
    });
})
"""


class _Claims(RawRender, MacroElement):
    """The claims of one layer, drawn by :data:`_CLAIMS_JS` into its parent group."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.claims_js }}({{ this._parent.get_name() }}, {{ this.data|js }},
            {{ this.colors|js }});
        {% endmacro %}
        """
    )

    def __init__(self, data: list[dict[str, Any]], colors: dict[str, str]):
        super().__init__()
        self._name = "Claims"
        self.data = data
        self.colors = colors
        self.claims_js = _CLAIMS_JS
