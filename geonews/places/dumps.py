"""Reading installed gazetteer files: GeoNames country dumps and user CSV gazetteers.

Two formats, each checked line by line (a bad line raises
:class:`~geonews.errors.DataError` naming the file, the line and the value):

* a **GeoNames dump** (``UA.zip``, ``allCountries.zip`` or the ``.txt`` inside): the
  ``geoname`` table of https://download.geonames.org/export/dump/, 19 tab-separated UTF-8
  columns, no header: geonameid, name, asciiname, alternatenames (comma-separated),
  latitude, longitude, feature class, feature code, country code, cc2, admin1 code,
  admin2, admin3, admin4, population, elevation, dem, timezone, modification date;
* a **user CSV** with a header: ``name,lat,lon`` and optionally ``alternatenames``
  (separated by ``|`` or ``,``), ``country`` (ISO 3166-1 alpha-2), ``admin1`` (a GeoNames
  admin1 code such as ``05`` or a region name such as ``Donetsk``), ``feature`` (a
  GeoNames code such as ``PPL`` or ``P.PPL``, or a geonews kind such as ``settlement``),
  ``population`` and ``id``.

Only what reporting names is kept (:func:`kind_of`): populated places of every sort
(``PPL*``: sections, abandoned and destroyed ones too), raions and hromadas (``ADM2``,
``ADM3``), streams, canals, lakes and reservoirs, heights and ridges, and facilities
(airfields, power plants, dams, bridges).

Examples
--------
>>> kind_of("P", "PPLW"), kind_of("H", "RSV"), kind_of("A", "ADM3"), kind_of("S", "CH")
('settlement', 'feature', 'county', None)
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from geonews.errors import DataError

__all__ = ["COLUMNS", "USER_COLUMNS", "Row", "kind_of", "read", "source_format"]

#: The 19 columns of a GeoNames dump line.
COLUMNS = 19
#: Columns a user CSV may have (the first three are required).
USER_COLUMNS = (
    "name", "lat", "lon", "alternatenames", "country", "admin1", "feature", "population", "id",
)  # fmt: skip
#: geonews kinds a user CSV may give in its ``feature`` column.
_USER_KINDS = ("settlement", "feature", "county", "river")
#: Feature code prefixes kept, by GeoNames feature class -> geonews kind.  ``None``: drop.
_KINDS = {
    "P": (("PPL", "settlement"),),
    "A": (("ADM2", "county"), ("ADM3", "county")),
    "H": (("STM", "river"), ("CNL", "river"), ("RSV", "feature"), ("LK", "feature")),
    "T": (
        ("HLL", "feature"), ("MT", "feature"), ("RDG", "feature"), ("PK", "feature"),
        ("UPLD", "feature"), ("SPUR", "feature"),
    ),
    "S": (
        ("AIR", "feature"), ("PS", "feature"), ("DAM", "feature"), ("BDG", "feature"),
    ),
}  # fmt: skip
#: Feature codes kept only as written, not as prefixes ("ADM2H" is a historical unit).
_EXACT = {"ADM2", "ADM3"}
_CODE = re.compile(r"[A-Z0-9]{1,10}")
_COUNTRY = re.compile(r"[A-Z]{2}")


def kind_of(feature_class: str, feature_code: str) -> str | None:
    """The geonews kind of a GeoNames feature, or None when geonews does not keep it."""
    for prefix, kind in _KINDS.get(feature_class, ()):
        if feature_code == prefix if prefix in _EXACT else feature_code.startswith(prefix):
            return kind
    return None


@dataclass(frozen=True, slots=True)
class Row:
    """One place of an installed file, as the index stores it.

    ``admin1`` is a GeoNames admin1 code (``"05"``) for a dump row; a user CSV may give a
    code or a region name, which the index reads against its regions.
    """

    pid: str
    name: str
    alternates: tuple[str, ...]
    lat: float
    lon: float
    kind: str
    country: str | None
    admin1: str | None
    population: int
    geonameid: int | None


def source_format(path: str | Path) -> str:
    """``"geonames"`` for a ``.zip`` or tab-separated ``.txt`` dump, ``"csv"`` for a CSV.

    Raises
    ------
    DataError
        When the file name ends in neither.
    """
    suffix = Path(path).suffix.lower()
    if suffix in (".zip", ".txt"):
        return "geonames"
    if suffix == ".csv":
        return "csv"
    raise DataError(
        f"cannot tell the format of {str(path)!r}: expected a GeoNames dump (.zip or .txt) "
        "or a CSV gazetteer (.csv)"
    )


def read(path: str | Path, *, source: str = "user") -> Iterator[Row]:
    """Every kept place of the file at ``path``, checked line by line.

    Parameters
    ----------
    path : str or Path
        A GeoNames dump (``.zip`` or ``.txt``) or a user CSV (``.csv``).
    source : str
        The installed source's name, part of a CSV row's place id (``user:<source>:<id>``).

    Raises
    ------
    DataError
        When the file cannot be read or a line is not in its format (the message names
        the file, the line and the value).
    """
    path = Path(path)
    if source_format(path) == "csv":
        yield from _read_csv(path, source)
    else:
        yield from _read_geonames(path)


# -- GeoNames dumps -----------------------------------------------------------------------


def _open_dump(path: Path) -> tuple[io.TextIOBase, str]:
    """The text of a dump (a ``.txt``, or the one data file inside a ``.zip``) and its name."""
    if path.suffix.lower() != ".zip":
        try:
            return path.open(encoding="utf-8", newline="\n"), str(path)
        except OSError as err:
            raise DataError(f"cannot read {str(path)!r}: {err}") from err
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as err:
        raise DataError(f"{str(path)!r} is not a readable zip file ({err}): cut short?") from err
    members = [
        n for n in archive.namelist() if n.lower().endswith(".txt") and "readme" not in n.lower()
    ]
    if len(members) != 1:
        archive.close()
        raise DataError(
            f"{str(path)!r} should hold one GeoNames table (e.g. UA.txt), not {members!r}"
        )
    raw = archive.open(members[0])
    return io.TextIOWrapper(raw, encoding="utf-8", newline="\n"), f"{path}:{members[0]}"


def _read_geonames(path: Path) -> Iterator[Row]:
    text, where = _open_dump(path)
    line_no = 0
    try:
        with text:
            for line_no, line in enumerate(text, 1):
                row = _dump_row(line, where, line_no)
                if row is not None:
                    yield row
    except UnicodeDecodeError as err:
        raise DataError(f"{where!r}, line {line_no + 1}: not UTF-8 ({err})") from err
    except (OSError, zipfile.BadZipFile, EOFError) as err:
        raise DataError(f"cannot read {where!r} after line {line_no}: {err} (cut short?)") from err
    if line_no == 0:
        raise DataError(f"{where!r} holds no places")


def _dump_row(line: str, where: str, line_no: int) -> Row | None:
    cols = line.rstrip("\n").split("\t")
    if len(cols) != COLUMNS:
        shown = line[:80].rstrip("\n")
        raise DataError(
            f"{where!r}, line {line_no}: {len(cols)} tab-separated columns, not the "
            f"{COLUMNS} of a GeoNames dump: {shown!r}"
        )
    gid, name, _ascii, alts, lat, lon, fclass, fcode, cc, *_ = cols
    if not gid.isdigit():
        raise DataError(f"{where!r}, line {line_no}: geonameid is not a number: {gid!r}")
    kind = kind_of(fclass, fcode)
    if kind is None:
        if len(fclass) > 1 or not _CODE.fullmatch(fcode or "X"):
            raise DataError(
                f"{where!r}, line {line_no}: not a GeoNames feature class and code: "
                f"{fclass!r} {fcode!r}"
            )
        return None
    y, x = _coordinates(lat, lon, where, line_no)
    pop = cols[14]
    if pop and not pop.isdigit():
        raise DataError(f"{where!r}, line {line_no}: population is not a number: {pop!r}")
    return Row(
        f"geonames:{gid}",
        name,
        tuple(a for a in alts.split(",") if a) if alts else (),
        y,
        x,
        kind,
        cc or None,
        cols[10] or None,
        int(pop or 0),
        int(gid),
    )


def _coordinates(lat: str, lon: str, where: str, line_no: int) -> tuple[float, float]:
    try:
        y, x = float(lat), float(lon)
    except ValueError:
        raise DataError(f"{where!r}, line {line_no}: latitude/longitude {lat!r}, {lon!r}") from None
    if not (-90 <= y <= 90 and -180 <= x <= 180):
        raise DataError(
            f"{where!r}, line {line_no}: not a latitude/longitude pair: {lat!r}, {lon!r}"
        )
    return y, x


# -- user CSVs ----------------------------------------------------------------------------


def _read_csv(path: Path, source: str) -> Iterator[Row]:
    try:
        f = path.open(newline="", encoding="utf-8-sig")
    except OSError as err:
        raise DataError(f"cannot read {str(path)!r}: {err}") from err
    where = str(path)
    with f:
        reader = csv.DictReader(f)
        header = [h.strip().lower() for h in reader.fieldnames or ()]
        unknown = [h for h in header if h not in USER_COLUMNS]
        missing = [h for h in USER_COLUMNS[:3] if h not in header]
        if unknown or missing:
            raise DataError(
                f"{where!r}, line 1: the header must have name, lat, lon and may have "
                f"{', '.join(USER_COLUMNS[3:])}; "
                + (f"unknown column(s) {unknown!r}" if unknown else f"missing {missing!r}")
            )
        reader.fieldnames = header
        n = 0
        try:
            for n, rec in enumerate(reader, 2):  # line 1 is the header
                yield _csv_row(rec, where, n, source)
        except UnicodeDecodeError as err:
            raise DataError(f"{where!r}, after line {n}: not UTF-8 ({err})") from err
        except csv.Error as err:
            raise DataError(f"{where!r}, line {n + 1}: {err}") from err
    if n == 0:
        raise DataError(f"{where!r} holds no places")


def _csv_row(rec: dict, where: str, n: int, source: str) -> Row:
    if None in rec:
        raise DataError(f"{where!r}, line {n}: more fields than the header: {rec[None]!r}")
    name = (rec.get("name") or "").strip()
    if not name:
        raise DataError(f"{where!r}, line {n}: empty name")
    y, x = _coordinates((rec.get("lat") or "").strip(), (rec.get("lon") or "").strip(), where, n)
    country = (rec.get("country") or "").strip().upper() or None
    if country is not None and not _COUNTRY.fullmatch(country):
        raise DataError(
            f"{where!r}, line {n}: country is not an ISO 3166-1 alpha-2 code: {country!r}"
        )
    pop = (rec.get("population") or "").strip().replace("_", "")
    if pop and not pop.isdigit():
        raise DataError(f"{where!r}, line {n}: population is not a number: {pop!r}")
    alts = (rec.get("alternatenames") or "").strip()
    ident = (rec.get("id") or "").strip() or str(n)
    return Row(
        f"user:{source}:{ident}",
        name,
        tuple(a.strip() for a in re.split(r"[|,]", alts) if a.strip()),
        y,
        x,
        _user_kind((rec.get("feature") or "").strip(), where, n),
        country,
        (rec.get("admin1") or "").strip() or None,
        int(pop or 0),
        None,
    )


def _user_kind(feature: str, where: str, n: int) -> str:
    if not feature:
        return "settlement"
    if feature.lower() in _USER_KINDS:
        return feature.lower()
    fclass, _, fcode = feature.upper().rpartition(".")
    if not fclass:
        fclass = next((c for c, codes in _KINDS.items() if kind_of(c, fcode)), "")
    kind = kind_of(fclass, fcode)
    if kind is None:
        raise DataError(
            f"{where!r}, line {n}: unknown feature {feature!r}: give a GeoNames code "
            f"(PPL, ADM2, STM, RSV, HLL, AIRF, DAM ...) or one of {', '.join(_USER_KINDS)}"
        )
    return kind
