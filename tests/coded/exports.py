"""Rows in the ACLED and UCDP GED export formats, written by the tests themselves.

The events are made up (places and dates are real, the coding is not ACLED's or UCDP's);
the columns, their order and the value formats are those of the real exports.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip

UCDP_COLUMNS = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence",
    "conflict_dset_id", "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id",
    "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id",
    "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates",
    "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
    "best", "high", "low",
]  # fmt: skip

RU = "Military Forces of Russia (2000-)"
UA = "Military Forces of Ukraine (2019-)"

#: (id, day, type, sub-type, oblast, place, lat, lon, geo_precision, notes, fatalities)
ACLED_EVENTS = [
    ("UKR100001", dt.date(2025, 12, 1), "Battles", "Armed clash", "Donetsk", "Pokrovsk",
     48.2817, 37.1758, 1,
     "On 1 December 2025, Russian forces clashed with Ukrainian forces near Pokrovsk "
     "(Donetsk). Casualties unknown.", 0),
    ("UKR100002", dt.date(2025, 12, 1), "Explosions/Remote violence",
     "Shelling/artillery/missile attack", "Kherson", "Kherson", 46.6354, 32.6169, 1,
     "On 1 December 2025, Russian forces shelled Kherson city (Kherson). 2 civilians were "
     "killed.", 2),
    ("UKR100003", dt.date(2025, 12, 2), "Explosions/Remote violence", "Air/drone strike",
     "Kyiv City", "Kyiv", 50.4501, 30.5234, 1,
     "On 2 December 2025, Russian drones hit Kyiv. Ukrainian air defence said it shot down "
     "most of them.", 0),
    ("UKR100004", dt.date(2025, 12, 2), "Violence against civilians", "Attack",
     "Zaporizhia", "Zaporizhzhia", 47.8388, 35.1396, 1,
     'On 2 December 2025, Russian forces attacked civilians in Zaporizhzhia with a "guided '
     'aerial bomb", injuring 4.\nReported by the regional governor.', 0),
    ("UKR100005", dt.date(2025, 12, 3), "Strategic developments", "Change to group/activity",
     "Kharkiv", "Kupiansk", 49.7106, 37.6156, 2,
     "On 3 December 2025, Russian forces claimed to have captured Kupiansk (Kharkiv).", 0),
    ("UKR100006", dt.date(2025, 12, 3), "Protests", "Peaceful protest", "Lviv", "Lviv",
     49.8397, 24.0297, 1,
     "On 3 December 2025, relatives of prisoners of war protested in Lviv.", 0),
]  # fmt: skip


def acled_row(event: tuple, *, date_format: str = "%d %B %Y") -> dict[str, str]:
    (eid, day, etype, sub, admin1, place, lat, lon, prec, notes, deaths) = event
    return {
        "event_id_cnty": eid,
        "event_date": day.strftime(date_format),
        "year": str(day.year),
        "time_precision": "1",
        "disorder_type": "Political violence" if etype != "Protests" else "Demonstrations",
        "event_type": etype,
        "sub_event_type": sub,
        "actor1": RU if etype != "Protests" else "Protesters (Ukraine)",
        "assoc_actor_1": "",
        "inter1": "State forces" if etype != "Protests" else "Protesters",
        "actor2": UA if etype == "Battles" else ("Civilians (Ukraine)" if deaths else ""),
        "assoc_actor_2": "",
        "inter2": "State forces" if etype == "Battles" else "",
        "interaction": "State forces-State forces" if etype == "Battles" else "",
        "civilian_targeting": "Civilian targeting" if etype == "Violence against civilians" else "",
        "iso": "804",
        "region": "Europe",
        "country": "Ukraine",
        "admin1": admin1,
        "admin2": "",
        "admin3": "",
        "location": place,
        "latitude": f"{lat:.4f}",
        "longitude": f"{lon:.4f}",
        "geo_precision": str(prec),
        "source": "Ukrainska Pravda; Ministry of Defence of Ukraine",
        "source_scale": "National",
        "notes": notes,
        "fatalities": str(deaths),
        "tags": "",
        "timestamp": "1764892800",
    }


def acled_csv(rows: list[dict[str, str]], *, delimiter: str = ",") -> str:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, ACLED_COLUMNS, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def write_acled(path: Path, rows: list[dict[str, str]] | None = None, *,
                encoding: str = "utf-8", date_format: str = "%d %B %Y") -> Path:  # fmt: skip
    if rows is None:
        rows = [acled_row(e, date_format=date_format) for e in ACLED_EVENTS]
    path.write_bytes(acled_csv(rows).encode(encoding))
    return path


def ucdp_row(uid, day, violence, place, adm1, lat, lon, prec, headline, best, *, end=None):
    row = dict.fromkeys(UCDP_COLUMNS, "")
    row.update(
        {
            "id": uid,
            "relid": f"UKR-2025-1-{uid}",
            "year": day[:4],
            "active_year": "1",
            "code_status": "Clear",
            "type_of_violence": str(violence),
            "conflict_name": "Russia - Ukraine",
            "dyad_name": "Government of Russia (Soviet Union) - Government of Ukraine",
            "side_a": "Government of Russia (Soviet Union)",
            "side_b": "Government of Ukraine" if violence == 1 else "Civilians",
            "number_of_sources": "2",
            "source_article": '"Kyiv Independent,2025-12-02,Strike on the city"',
            "source_headline": headline,
            "where_prec": str(prec),
            "where_coordinates": place,
            "where_description": place,
            "adm_1": adm1,
            "latitude": f"{lat:.6f}",
            "longitude": f"{lon:.6f}",
            "geom_wkt": f"POINT ({lon:.6f} {lat:.6f})",
            "country": "Ukraine",
            "country_id": "369",
            "region": "Europe",
            "event_clarity": "1",
            "date_prec": "1",
            "date_start": f"{day} 00:00:00.000",
            "date_end": f"{end or day} 00:00:00.000",
            "best": str(best),
            "high": str(best + 2),
            "low": str(best),
            "deaths_a": "0",
            "deaths_b": str(best if violence == 1 else 0),
            "deaths_civilians": str(best if violence == 3 else 0),
            "deaths_unknown": "0",
        }
    )
    return row


def ucdp_csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, UCDP_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


UCDP_EVENTS = [
    ucdp_row("600001", "2025-12-01", 1, "Pokrovsk town", "Donetsk oblast", 48.2817, 37.1758,
             1, "Fighting near Pokrovsk", 3),
    ucdp_row("600002", "2025-12-01", 3, "Kherson city", "Kherson oblast", 46.6354, 32.6169,
             1, "Russian shelling kills two in Kherson", 2),
    ucdp_row("600003", "2025-12-01", 1, "Donetsk oblast", "Donetsk oblast", 48.0, 37.8, 4,
             "Clashes along the front in Donetsk region", 10, end="2025-12-03"),
]  # fmt: skip
