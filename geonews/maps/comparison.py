"""Map layers of a news-against-coded comparison (:func:`geonews.compare`): drawing only.

Three layers, one per group: events *reported in the news and coded* (the news point, the
coded point and a line between them), *news only* and *coded only*.  Each point's
tooltip gives its side, type, place, date and id.  Every string from either frame is
escaped with :func:`geonews.maps.escape.text` and the payload reaches the page through
:func:`geonews.maps.escape.script_json`, inside an element that renders once, as
finished text (:class:`geonews.maps.elements.RawRender`), so nothing from the data is
ever parsed as a template or as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import folium
import numpy as np
import pandas as pd
import shapely
from branca.element import MacroElement

from geonews.context import CENTRE
from geonews.maps.elements import RawRender, Template
from geonews.maps.escape import script_json, text

if TYPE_CHECKING:
    from geonews.coded.compare import Comparison

__all__ = ["COLORS", "ComparisonLayer", "comparison_layer", "comparison_map"]

#: Colour of each group (news and coded, news only, coded only).
COLORS = ("#1a9850", "#2c7fb8", "#d95f0e")
#: Points above which markers are drawn on a canvas (SVG gets slow).
CANVAS_ABOVE = 3000


def _points(frame: Any, rows: np.ndarray) -> tuple[list[float], list[float]]:
    geoms = frame.geometry.to_numpy()[rows]
    points = shapely.point_on_surface(geoms) if len(geoms) else geoms
    return (
        np.round(shapely.get_y(points), 5).tolist(),
        np.round(shapely.get_x(points), 5).tolist(),
    )


def _tooltip(side: str, frame: Any, row: int) -> str:
    def get(name: str) -> str:
        value = frame[name].iloc[row] if name in frame.columns else None
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return ""
        return str(value.date()) if isinstance(value, pd.Timestamp) else str(value)

    kind = " / ".join(p for p in (get("event_type"), get("sub_type")) if p)
    where = " ".join(p for p in (get("place_name"), get("date")) if p)
    return f"<b>{text(side)}</b> {text(get('event_id'))}<br>{text(kind)}<br>{text(where)}"


def _payload(comparison: Comparison) -> dict[str, Any]:
    news, coded = comparison._news, comparison._coded
    strings: list[str] = []

    def group(side: str, frame: Any, rows: np.ndarray) -> list[list[Any]]:
        lat, lon = _points(frame, rows)
        out = []
        for i, row in enumerate(rows.tolist()):
            strings.append(_tooltip(side, frame, row))
            out.append([lat[i], lon[i], len(strings) - 1])
        return out

    rows = comparison._rows
    matched_news = group("news", news, rows["news"])
    matched_coded = group("coded", coded, rows["coded"])
    return {
        "str": strings,
        "matched": [[*a, *b] for a, b in zip(matched_news, matched_coded, strict=True)],
        "news": group("news only", news, rows["news_only"]),
        "coded": group("coded only", coded, rows["coded_only"]),
        "colors": list(COLORS),
        "canvas": len(strings) > CANVAS_ABOVE,
    }


class ComparisonLayer(RawRender, MacroElement):
    """Draws a comparison's payload into three feature groups (see the module docstring)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (groups, data) {
            var renderer = data.canvas ? L.canvas() : undefined;
            function dot(group, p, color, hollow) {
                var marker = L.circleMarker([p[0], p[1]], {
                    radius: 6, color: color, weight: 2, fillColor: color,
                    fillOpacity: hollow ? 0.15 : 0.8, renderer: renderer
                });
                marker.bindTooltip(data.str[p[2]]);
                group.addLayer(marker);
            }
            data.matched.forEach(function (m) {
                L.polyline([[m[0], m[1]], [m[3], m[4]]],
                    {color: data.colors[0], weight: 2, opacity: 0.8}).addTo(groups[0]);
                dot(groups[0], m.slice(0, 3), data.colors[0], false);
                dot(groups[0], m.slice(3, 6), data.colors[0], true);
            });
            data.news.forEach(function (p) { dot(groups[1], p, data.colors[1], false); });
            data.coded.forEach(function (p) { dot(groups[2], p, data.colors[2], true); });
        })([{{ this.group_names|join(", ") }}], {{ this.payload }});
        {% endmacro %}
        """
    )

    def __init__(self, payload: dict[str, Any], groups: list[folium.FeatureGroup]):
        super().__init__()
        self._name = "GeonewsComparison"
        self.payload = script_json(payload)
        self.groups = groups

    @property
    def group_names(self) -> list[str]:
        """JavaScript names of the three feature groups."""
        return [g.get_name() for g in self.groups]


def comparison_layer(comparison: Comparison) -> list[Any]:
    """Return the comparison's three feature groups and the element that fills them.

    Add each to a :class:`folium.Map` (the groups first), as :func:`comparison_map` does.

    Parameters
    ----------
    comparison : Comparison
        From :func:`geonews.compare`.

    Returns
    -------
    list
        ``[group, group, group, ComparisonLayer]``.
    """
    counts = comparison.counts()
    names = ("reported in the news and coded", "news only", "coded only")
    groups = []
    for (group, label), color in zip(zip(("news and coded", "news only", "coded only"), names,
                                          strict=True), COLORS, strict=True):  # fmt: skip
        swatch = (
            f'<span style="display:inline-block;width:10px;height:10px;border-radius:5px;'
            f'background:{color}"></span>'
        )
        groups.append(folium.FeatureGroup(name=f"{swatch} {text(label)} ({counts[group]:,})"))
    return [*groups, ComparisonLayer(_payload(comparison), groups)]


def comparison_map(comparison: Comparison, *, tiles: str | None = "OpenStreetMap") -> folium.Map:
    """Draw a comparison on a folium map with a layer control.

    Parameters
    ----------
    comparison : Comparison
    tiles : str or None
        As :class:`folium.Map` takes it; :func:`geonews.save_map` drops tiles offline.

    Returns
    -------
    folium.Map
    """
    m = folium.Map(location=list(CENTRE), zoom_start=5, tiles=tiles, control_scale=True)
    for element in comparison_layer(comparison):
        element.add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    frames = [f for f in (comparison._news, comparison._coded) if f is not None and len(f)]
    if frames:
        bounds = np.array([f.total_bounds for f in frames])
        if np.isfinite(bounds).all():
            west, south = bounds[:, 0].min(), bounds[:, 1].min()
            east, north = bounds[:, 2].max(), bounds[:, 3].max()
            m.fit_bounds([[south, west], [north, east]], padding=(24, 24), max_zoom=11)
    return m
