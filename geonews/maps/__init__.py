"""Drawing: events and control areas as folium maps, saved as offline HTML.

* :mod:`~geonews.maps.events` - :func:`event_map` (``geonews.map``) and :func:`save_map`;
* :mod:`~geonews.maps.frontline` - control-area layers, change layers, a time slider;
* :mod:`~geonews.maps.comparison` - news against coded events (:func:`geonews.compare`);
* :mod:`~geonews.maps.claims` - verified claims coloured by verdict (:func:`claims_layer`);
* :mod:`~geonews.maps.assets` - inlining Leaflet and plugins for offline files;
* :mod:`~geonews.maps.escape` - every data string on its way to the page;
* :mod:`~geonews.maps.elements` - folium elements that render once, as finished text.

Nothing here geocodes or fetches.
"""

from __future__ import annotations

from geonews.maps.assets import fill_asset_cache
from geonews.maps.claims import VERDICT_COLORS, claims_layer, claims_map
from geonews.maps.events import EVENT_STATUSES, EVENT_STYLES, event_map, save_map

__all__ = [
    "EVENT_STATUSES",
    "EVENT_STYLES",
    "VERDICT_COLORS",
    "claims_layer",
    "claims_map",
    "event_map",
    "fill_asset_cache",
    "save_map",
]
