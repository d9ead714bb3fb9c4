"""Events frames in the exact ``geonews.events()`` schema, for map tests and benchmarks.

Coordinates are public facts (GeoNames); the region outline of Donetsk oblast is
a rough hand-drawn approximation, the Ukraine outline comes from ``countryinfo``.
"""

from __future__ import annotations

import geopandas
import numpy as np
import pandas as pd
from shapely.geometry import Point, Polygon, shape

COLUMNS = [
    "doc_id", "event_id", "date", "date_end", "event_type", "sub_type", "place_name",
    "place_text", "place_id", "geonameid", "country", "admin1", "precision", "claimant",
    "status", "modality", "quantity", "sentence", "sentence_start", "sentence_end", "source",
    "url", "geometry",
]  # fmt: skip

#: A payload that must show as text and run nothing.
HOSTILE = (
    '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
    " 'quoted' \"double\" </div></div><b>bold?</b>"
    " {{ 7 * 7 }} {% raw %} ${7*7}"
)

DONETSK_OBLAST = Polygon(
    [
        (36.55, 48.30), (36.90, 48.95), (37.40, 49.20), (38.00, 49.05), (38.35, 48.85),
        (38.90, 48.45), (39.00, 48.05), (38.35, 47.55), (38.20, 47.10), (37.60, 46.90),
        (37.30, 47.05), (36.90, 47.45), (36.60, 47.80), (36.55, 48.30),
    ]
)  # fmt: skip
FLORIDA = Polygon(
    [
        (-87.6, 30.95), (-85.0, 31.0), (-82.2, 30.55), (-81.45, 30.7), (-80.55, 28.4),
        (-80.05, 26.8), (-80.35, 25.25), (-81.1, 25.15), (-81.8, 26.1), (-82.65, 27.5),
        (-82.8, 28.9), (-83.7, 29.9), (-85.3, 29.7), (-86.5, 30.4), (-87.6, 30.95),
    ]
)  # fmt: skip


def ukraine_outline():
    from countryinfo import CountryInfo

    return shape(CountryInfo("Ukraine").geo_json()["features"][0]["geometry"])


def _row(
    i, date, etype, sub, place, text, country, admin1, precision, geom, *, claimant=None,
    status="reported", modality="actual", sentence="", url=None, gid=None, date_end=None,
):  # fmt: skip
    return {
        "doc_id": f"doc{i // 4}",
        "event_id": f"ev{i:03d}",
        "date": pd.Timestamp(date),
        "date_end": pd.Timestamp(date_end) if date_end else pd.NaT,
        "event_type": etype,
        "sub_type": sub,
        "place_name": place,
        "place_text": text,
        "place_id": f"gn:{gid}" if gid else f"x:{place}",
        "geonameid": gid,
        "country": country,
        "admin1": admin1,
        "precision": precision,
        "claimant": claimant,
        "status": status,
        "modality": modality,
        "quantity": None,
        "sentence": sentence or f"Something happened in {text}.",
        "sentence_start": 0,
        "sentence_end": len(sentence),
        "source": "Example Wire",
        "url": url if url is not None else f"https://news.example/story/{i}",
        "geometry": geom,
    }


def frame(rows) -> geopandas.GeoDataFrame:
    df = pd.DataFrame(rows, columns=COLUMNS)
    for c in ("date", "date_end"):
        df[c] = pd.to_datetime(df[c]).astype("datetime64[ns]")
    for c in ("geonameid", "quantity"):
        df[c] = df[c].astype("Int64")
    for c in ("sentence_start", "sentence_end"):
        df[c] = df[c].astype("int64")
    return geopandas.GeoDataFrame(df, geometry="geometry", crs="EPSG:4326")


def dispatch_events(*, hostile: bool = False) -> geopandas.GeoDataFrame:
    """The dispatch story: diplomacy abroad, fighting around Pokrovsk, threats, strikes."""
    rows = [
        _row(0, "2024-08-14", "Diplomacy", "Talks", "Moscow", "Moscow", "RU", "Moscow",
             "settlement", Point(37.6173, 55.7558), gid=524901,
             sentence="Officials in Moscow said talks could resume."),
        _row(1, "2024-08-15", "Diplomacy", "Talks", "Geneva", "Geneva", "CH", "Geneva",
             "settlement", Point(6.1432, 46.2044), gid=2660646,
             sentence="Negotiators met in Geneva on Thursday."),
        _row(2, "2024-08-15", "Diplomacy", "Talks", "Abu Dhabi", "Abu Dhabi", "AE", "Abu Dhabi",
             "settlement", Point(54.3773, 24.4539), gid=292968,
             sentence="A prisoner exchange was brokered in Abu Dhabi."),
        _row(3, "2024-08-16", "Diplomacy", "Visit", "Florida", "Florida", "US", None,
             "region", FLORIDA, sentence="The envoy flew to Florida for a meeting."),
        _row(4, "2024-08-20", "Battles", "Armed clash", "Pokrovsk", "Krasnoarmeysk", "UA",
             "Donetsk", "settlement", Point(37.1757, 48.2826), gid=704147,
             claimant="Russian defence ministry", status="contested",
             sentence="Russia's defence ministry said its troops were fighting inside "
                      "Krasnoarmeysk, which Ukraine denied."),
        _row(5, "2024-08-19", "Battles", "Claimed capture", "Novohrodivka", "Novogrodovka",
             "UA", "Donetsk", "settlement", Point(37.3484, 48.2036),
             claimant="Russian defence ministry", status="claimed",
             sentence="Moscow claimed the capture of Novogrodovka."),
        _row(6, "2024-08-18", "Battles", "Armed clash", "Selydove", "Selydove", "UA", "Donetsk",
             "settlement", Point(37.3001, 48.1472), claimant="Ukraine's General Staff",
             sentence="Heavy fighting continued near Selydove, the General Staff said."),
        _row(7, "2024-08-17", "Explosions/Remote violence", "Shelling/artillery/missile attack",
             "Myrnohrad", "Myrnohrad", "UA", "Donetsk", "settlement", Point(37.2617, 48.3022),
             sentence="Artillery hit Myrnohrad overnight."),
        _row(8, "2024-08-18", "Violence against civilians", "Shelling/artillery/missile attack",
             "Kostiantynivka", "Kostiantynivka", "UA", "Donetsk", "settlement",
             Point(37.7069, 48.5277), sentence="Two civilians were killed in Kostiantynivka."),
        _row(9, "2024-08-20", "Strategic developments", "Threat", "Donetsk Oblast",
             "Donetsk region", "UA", "Donetsk", "region", DONETSK_OBLAST, claimant="analysts",
             modality="future", sentence="Analysts warned Russia could push across the "
                                         "Donetsk region within weeks."),
        _row(10, "2024-08-21", "Explosions/Remote violence", "Air/drone strike", "Ukraine",
             "Ukraine", "UA", None, "country", ukraine_outline(),
             claimant="Ukraine's air force", sentence="Russia launched drones across Ukraine "
                                                      "overnight, the air force said."),
        _row(11, "2024-08-16", "Protests", "Peaceful protest", "Kyiv", "Kyiv", "UA", "Kyiv City",
             "settlement", Point(30.5234, 50.4501), gid=703448,
             sentence="Families of prisoners rallied in Kyiv."),
    ]  # fmt: skip
    if hostile:
        rows.append(
            _row(
                12,
                "2024-08-21",
                "Battles",
                "Armed clash",
                "Toretsk" + HOSTILE,
                "Dzerzhinsk" + HOSTILE,
                "UA",
                "Donetsk",
                "settlement",
                Point(37.8494, 48.3978),
                claimant=HOSTILE,
                status="claimed",
                sentence="Fighting in Dzerzhinsk " + HOSTILE,
                url="javascript:window.__pwned=3",
            )
        )
    return frame(rows)


def synthetic_events(n: int, *, seed: int = 0, days: int = 60) -> geopandas.GeoDataFrame:
    """``n`` settlement-level events scattered over eastern Ukraine (for scale tests).

    About one sentence per three events, as in real dispatches where one sentence
    names several places; sentences vary in wording, numbers and places.
    """
    rng = np.random.default_rng(seed)
    types = ["Battles", "Explosions/Remote violence", "Violence against civilians",
             "Protests", "Strategic developments", "Diplomacy"]  # fmt: skip
    subs = ["Armed clash", "Shelling/artillery/missile attack", "Air/drone strike",
            "Claimed capture", "Advance", "Withdrawal"]  # fmt: skip
    statuses = np.array(["reported", "claimed", "contested", "denied"])
    lon = rng.uniform(34.0, 39.5, n)
    lat = rng.uniform(46.5, 50.5, n)
    places = [f"Village {k}" for k in range(5000)]
    place_idx = rng.integers(0, len(places), n)
    sent_idx = np.arange(n) // 3
    verbs = ["shelled", "attacked", "reported fighting near", "claimed gains around",
             "struck", "repelled an assault on"]  # fmt: skip
    actors = ["Russian forces", "Ukrainian troops", "The defence ministry", "Officials"]
    sentences = {
        s: f"{actors[s % 4]} {verbs[(s * 7) % 6]} {places[(s * 13) % 5000]} on day {s % days}, "
        f"with {s % 97} incidents recorded in report {s}."
        for s in np.unique(sent_idx)
    }
    start = np.datetime64("2024-06-01")
    dates = start + rng.integers(0, days, n).astype("timedelta64[D]")
    df = pd.DataFrame(
        {
            "doc_id": [f"doc{s // 10}" for s in sent_idx],
            "event_id": [f"ev{i}" for i in range(n)],
            "date": pd.to_datetime(dates).astype("datetime64[ns]"),
            "date_end": pd.Series([pd.NaT] * n, dtype="datetime64[ns]"),
            "event_type": np.array(types)[rng.integers(0, 6, n)],
            "sub_type": np.array(subs)[rng.integers(0, 6, n)],
            "place_name": [places[k] for k in place_idx],
            "place_text": [places[k] for k in place_idx],
            "place_id": [f"x:{k}" for k in place_idx],
            "geonameid": pd.array([None] * n, dtype="Int64"),
            "country": "UA",
            "admin1": "Donetsk",
            "precision": "settlement",
            "claimant": np.array(
                ["Russian defence ministry", "Ukraine's General Staff", None], dtype=object
            )[rng.integers(0, 3, n)],
            "status": statuses[rng.integers(0, 4, n)],
            "modality": "actual",
            "quantity": pd.array([None] * n, dtype="Int64"),
            "sentence": [sentences[s] for s in sent_idx],
            "sentence_start": np.zeros(n, dtype="int64"),
            "sentence_end": np.full(n, 80, dtype="int64"),
            "source": "Example Wire",
            "url": [f"https://news.example/{s // 10}" for s in sent_idx],
        }
    )
    return geopandas.GeoDataFrame(df, geometry=geopandas.points_from_xy(lon, lat), crs="EPSG:4326")[
        COLUMNS
    ]
