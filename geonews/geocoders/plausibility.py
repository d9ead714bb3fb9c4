"""Plausibility of an online answer against the document's context.

An online geocoder answers every query with *something*: "Pokrovske" has dozens
of namesakes, "Mariinka" exists in three countries.  Before an online answer is
accepted it must agree with the context the chain was given:

* **country bias** — when the service tells the answer's country (Nominatim
  ``address.country_code``, Photon ``countrycode``, GeoNames ``countryCode``...),
  it must be one of the expected ISO 3166-1 alpha-2 codes;
* **bounding box** — when the context asks for one (e.g. :data:`WAR_REGION`),
  the answer's point must lie inside it.
"""

from __future__ import annotations

from collections.abc import Iterable

from geonews.context import BBox
from geonews.errors import InvalidInput
from geonews.places import Place

__all__ = ["countries_of", "implausible"]


def countries_of(country_bias: str | Iterable[str] | None) -> frozenset[str]:
    """Normalise a country bias to a set of upper-case ISO2 codes (empty: no check).

    ``"war"`` stands for the resolver's war context
    (:data:`geonews.context.WAR_CONTEXT`: Ukraine, Russia and their neighbours);
    a mapping ``{code: weight}`` counts by its keys.

    Examples
    --------
    >>> sorted(countries_of("ua"))
    ['UA']
    >>> sorted(countries_of(["UA", "ru"]))
    ['RU', 'UA']
    >>> {"UA", "RU", "BY"} <= countries_of("war")
    True
    >>> countries_of(None)
    frozenset()
    """
    if country_bias is None:
        return frozenset()
    if isinstance(country_bias, str) and country_bias.lower() == "war":
        from geonews.context import WAR_CONTEXT

        country_bias = WAR_CONTEXT
    codes = [country_bias] if isinstance(country_bias, str) else list(country_bias)
    out = set()
    for code in codes:
        if not (isinstance(code, str) and len(code) == 2 and code.isalpha()):
            raise InvalidInput(f"country bias must be ISO 3166-1 alpha-2 codes: {code!r}")
        out.add(code.upper())
    return frozenset(out)


def implausible(
    place: Place,
    *,
    countries: frozenset[str] = frozenset(),
    bbox: BBox | None = None,
) -> str | None:
    """Return why ``place`` does not fit the context, or ``None`` when it does.

    A place whose country is unknown passes the country test (the service did
    not say); the bounding box test needs only the point.

    Examples
    --------
    >>> from geonews.context import WAR_REGION
    >>> paris_tx = Place("Paris", 33.66, -95.56, id="nominatim:1", country="US")
    >>> implausible(paris_tx, countries=frozenset({"UA"}))
    "country 'US' is not in the context's countries ['UA']"
    >>> implausible(paris_tx, bbox=WAR_REGION)
    'point (33.66, -95.56) is outside the bounding box (43.0, 22.0, 56.5, 48.5)'
    >>> implausible(Place("Pokrovsk", 48.28, 37.18, id="x", country="UA"), bbox=WAR_REGION)
    """
    if countries and place.country and place.country.upper() not in countries:
        return (
            f"country {place.country.upper()!r} is not in the context's countries "
            f"{sorted(countries)!r}"
        )
    if bbox is not None and place.point not in bbox:
        return f"point {place.point!r} is outside the bounding box {tuple(bbox)!r}"
    return None
