"""geonews: English-language war reporting to maps.

Data from GeoNames (https://www.geonames.org/, CC BY 4.0).
"""

from __future__ import annotations

from geonews.errors import GeonewsError, InvalidInput, UnknownPlace
from geonews.places import Mention, Place

__version__ = "0.1.0"

__all__ = [
    "GeonewsError",
    "InvalidInput",
    "Mention",
    "Place",
    "UnknownPlace",
    "__version__",
]
