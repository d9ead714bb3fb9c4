"""A coded dataset's export as a table of strings, every row with its file and line.

ACLED and UCDP exports reach analysts as CSV (UTF-8, UTF-8 with a BOM, or cp1252 once
Excel has saved them), as XLSX, or as a DataFrame already loaded.  :func:`load_table`
turns any of them into a :class:`Table`: column names folded to lower case, every
value a string (``""`` when empty), and for every row the place it came from
(``export.csv:12`` - the physical line where the record starts - or ``sheet row 12``),
so that a bad row can be reported by file, line and value.  Rows the CSV parser cannot
read (a wrong number of fields, a field over the size limit, a quote never closed) are
recorded as failures here; the converters (:func:`dates`, :func:`numbers`) give the
masks of bad values for the dataset readers to report.

Failure records have the shape :func:`geonews.events` uses, ``{"doc_id", "reason"}``,
with ``doc_id`` the row's place (``"export.csv:12"``).
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from geonews.csvlimit import field_limit
from geonews.errors import DataError, InvalidInput

__all__ = ["Checks", "Table", "dates", "load_table", "numbers"]

#: Bytes of a UTF-8 multibyte sequence; many of them and few bad bytes means UTF-8.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
#: Lone surrogates left by ``surrogateescape`` where a byte was not UTF-8.
_UNDECODED = re.compile("[\udc80-\udcff]")
#: Delimiters an export may use (ACLED and UCDP write commas; Excel in some locales ";").
_DELIMITERS = ",;\t"
#: Suffixes read as spreadsheets.
_EXCEL = (".xlsx", ".xlsm")
#: Longest field of an export (the csv module's default), on both paths: a longer field is
#: a bad row.
FIELD_LIMIT = 128 * 1024
try:  # pandas >= 2.3: the "str" dtype of pandas 3, NaN for missing
    _STRING: Any = pd.StringDtype("pyarrow", na_value=np.nan)
except TypeError:  # pragma: no cover - older pandas
    _STRING = pd.StringDtype("pyarrow")


@dataclass
class Table:
    """The rows of an export as strings, with where each came from.

    Attributes
    ----------
    name : str
        File name (or ``"frame"``), used in failure records.
    columns : dict of str to pandas.Series
        Lower-case column name -> values as strings (``""`` when empty), one per good row.
    places : list of str
        ``"<name>:<line>"`` of each good row, in order.
    rows : int
        Data rows seen (good and bad).
    failures : list of dict
        ``{"doc_id", "reason"}`` of rows that could not be read at all.
    encoding : str or None
        The encoding the file was decoded with.
    """

    name: str
    columns: dict[str, pd.Series]
    places: list[str]
    rows: int
    failures: list[dict[str, str]] = field(default_factory=list)
    encoding: str | None = None

    def __len__(self) -> int:
        return len(self.places)

    def column(self, name: str) -> pd.Series:
        """Return a column as a Series of str, stripped (all ``""`` when the export lacks it)."""
        values = self.columns.get(name)
        if values is None:
            return _strings([""] * len(self.places))
        return values.str.strip()

    def require(self, names: tuple[str, ...], dataset: str) -> None:
        """Raise :class:`DataError` when a column the dataset needs is missing.

        Raises
        ------
        DataError
            Naming the file, the missing columns and the columns found.
        """
        missing = [n for n in names if n not in self.columns]
        if missing:
            found = ", ".join(sorted(self.columns)[:40]) or "none"
            raise DataError(
                f"{self.name}: not an export of {dataset}: missing columns {missing!r} "
                f"(found: {found})"
            )

    def fail(self, mask: np.ndarray, column: str, values: pd.Series, why: str) -> None:
        """Record the rows where ``mask`` is true as failures naming the column and value."""
        for i in np.flatnonzero(mask):
            self.fail_one(int(i), column, values.iloc[i], why)

    def fail_one(self, i: int, column: str, value: Any, why: str) -> None:
        """Record row ``i`` as a failure naming the column and value."""
        self.failures.append(
            {"doc_id": self.places[i], "reason": f"{column} {_shown(value)}: {why}"}
        )


def _strings(values: Any) -> pd.Series:
    """A Series of str: pandas' string dtype (Arrow-backed where pyarrow is, as here)."""
    return pd.Series(values, dtype=_STRING).reset_index(drop=True)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def load_table(
    source: str | os.PathLike[str] | pd.DataFrame, *, encoding: str | None = None
) -> Table:
    """Read a CSV or XLSX export, or take a DataFrame, as a :class:`Table`.

    Parameters
    ----------
    source : str, PathLike or pandas.DataFrame
        A ``.csv`` (or ``.txt``/``.tsv``) file, an ``.xlsx`` file (needs ``openpyxl``:
        ``pip install "geonews[xlsx]"``), or a frame.
    encoding : str, optional
        Force the file's encoding; by default UTF-8 (with or without a BOM), UTF-16
        with a BOM, or cp1252 when the bytes are not UTF-8.

    Returns
    -------
    Table

    Raises
    ------
    InvalidInput
        When the file does not exist, or is a spreadsheet and openpyxl is missing.
    DataError
        When the file cannot be decoded or has no header.

    Examples
    --------
    >>> t = load_table(pd.DataFrame({"Event_Date": ["02 December 2025"], "x": [1]}))
    >>> t.column("event_date").tolist(), t.column("x").tolist(), t.places
    (['02 December 2025'], ['1'], ['frame:0'])
    """
    if isinstance(source, pd.DataFrame):
        return _from_frame(source, "frame", [f"frame:{label}" for label in source.index])
    path = Path(source)
    if not path.is_file():
        raise InvalidInput(f"no such file: {str(path)!r}")
    if path.suffix.lower() in _EXCEL:
        return _from_excel(path)
    return _from_csv(path, encoding)


def _from_frame(frame: pd.DataFrame, name: str, places: list[str]) -> Table:
    columns: dict[str, pd.Series] = {}
    for column in frame.columns:
        values = frame[column]
        columns[str(column).strip().lower()] = _strings([_as_text(v) for v in values.tolist()])
    return Table(name, columns, places, rows=len(frame))


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:
            return ""
        return repr(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, pd.Timestamp):
        return "" if value is pd.NaT else value.isoformat()
    if hasattr(value, "isoformat"):  # datetime.date, datetime.datetime
        return value.isoformat()
    if value is pd.NA or value is pd.NaT:
        return ""
    return str(value).strip()


def _from_excel(path: Path) -> Table:
    try:
        import openpyxl  # noqa: F401  (pandas uses it; say how to get it)
    except ImportError as err:
        raise InvalidInput(
            f"reading {path.name!r} needs openpyxl: pip install 'geonews[xlsx]' "
            "(or save the sheet as CSV)"
        ) from err
    try:
        frame = pd.read_excel(path, dtype=object, engine="openpyxl")
    except Exception as err:  # openpyxl raises zipfile, KeyError and XML errors alike
        raise DataError(f"cannot read spreadsheet {path.name!r}: {err}") from err
    # row 1 is the header, so the first data row is sheet row 2
    return _from_frame(frame, path.name, [f"{path.name}:{i + 2}" for i in range(len(frame))])


def _decode(data: bytes, name: str, encoding: str | None) -> tuple[str, str]:
    """Decode the file's bytes; bytes that are not UTF-8 stay as lone surrogates.

    The encoding returned ends with ``+escapes`` when some bytes were not UTF-8.
    """
    if encoding is not None:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as err:
            raise DataError(f"cannot decode {name!r} as {encoding!r}: {err}") from err
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            return data[3:].decode("utf-8", "surrogateescape"), "utf-8-sig+escapes"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as err:
            raise DataError(f"cannot decode {name!r} as UTF-16: {err}") from err
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    bad = len(data) - len(data.decode("utf-8", "ignore").encode("utf-8"))
    if len(_UTF8_SEQUENCE.findall(data)) > bad:  # UTF-8 with a few broken bytes
        return data.decode("utf-8", "surrogateescape"), "utf-8+escapes"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise DataError(
            f"cannot decode {name!r}: neither UTF-8 nor cp1252 (byte "
            f"{data[err.start]:#04x} on line {line}); give the encoding"
        ) from err


def _from_csv(path: Path, encoding: str | None) -> Table:
    name = path.name
    text, used = _decode(path.read_bytes(), name, encoding)
    end = text.find("\n")
    first = text if end < 0 else text[:end]
    delimiter = max(_DELIMITERS, key=first.count) if first else ","
    if first and not used.endswith("+escapes"):
        fast = _arrow_csv(text, first, name, delimiter, used)
        if fast is not None:
            return fast
    with field_limit(FIELD_LIMIT):  # the limit is process-wide: hold it for this read only
        table = _python_csv(text, name, delimiter, used)
    return table


def _arrow_csv(text: str, first: str, name: str, delimiter: str, used: str) -> Table | None:
    """Parse with pyarrow's CSV reader when every record is one line and well formed.

    Its records carry no line numbers, so the result is used only when the file has
    exactly one line per record (no quoted newlines, no blank lines): then the record
    ``i`` is line ``i + 2``.  Anything else - a quoted newline, a short row, a quote
    never closed, a field over :data:`FIELD_LIMIT` - returns None, for the csv module.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    from pyarrow import csv as pacsv

    try:
        header = next(csv.reader([first], delimiter=delimiter))
    except (csv.Error, StopIteration):
        return None
    names = [h.strip().lower() for h in header]
    if len(set(names)) != len(names) or len(set(header)) != len(header):
        return None
    try:
        table = pacsv.read_csv(
            pa.py_buffer(text.encode("utf-8")),
            parse_options=pacsv.ParseOptions(delimiter=delimiter),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(header, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, ValueError, UnicodeEncodeError):
        return None
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    if table.num_rows != lines - 1 or table.num_columns != len(names):
        return None
    columns: dict[str, pd.Series] = {}
    for n, column in zip(names, table.columns, strict=True):
        if len(column) and pc.max(pc.utf8_length(column)).as_py() > FIELD_LIMIT:
            return None
        columns[n] = pd.Series(pd.array(column, dtype=_STRING))
    places = [f"{name}:{i}" for i in range(2, table.num_rows + 2)]
    return Table(name, columns, places, table.num_rows, [], used)


def _python_csv(text: str, name: str, delimiter: str, used: str) -> Table:
    """Parse with the csv module, record by record, with each record's first line."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    failures: list[dict[str, str]] = []
    try:
        header = next(reader)
    except StopIteration:
        raise DataError(f"{name}: empty file, no header") from None
    except csv.Error as err:
        raise DataError(f"{name}: line 1: cannot read the header: {err}") from err
    names = [h.strip().lower() for h in header]
    width = len(names)
    good: list[list[str]] = []
    places: list[str] = []
    rows = 0
    broken = used.endswith("+escapes")
    used = used.removesuffix("+escapes")
    end = reader.line_num
    while True:
        start = end + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            end = reader.line_num
            rows += 1
            why = str(err)
            if "unexpected end of data" in why:
                why = f"a quoted field is never closed (lines {start} to {end} unread)"
            failures.append({"doc_id": f"{name}:{start}", "reason": f"cannot read the row: {why}"})
            continue
        end = reader.line_num
        if not record or (len(record) == 1 and not record[0].strip()):
            continue  # a blank line is not a row
        rows += 1
        place = f"{name}:{start}"
        if len(record) != width:
            failures.append(
                {"doc_id": place,
                 "reason": f"{len(record)} fields where the header has {width}: "
                           f"{_shown(delimiter.join(record))}"}
            )  # fmt: skip
            continue
        undecoded = next((v for v in record if _UNDECODED.search(v)), None) if broken else None
        if undecoded is not None:
            shown = undecoded.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            failures.append(
                {"doc_id": place, "reason": f"bytes that are not {used}: {_shown(shown)}"}
            )
            continue
        good.append(record)
        places.append(place)
    columns = {
        n: _strings(values)
        for n, values in zip(names, zip(*good, strict=True) if good else [()] * width, strict=True)
    }
    return Table(name, columns, places, rows, failures, used)


# ---------------------------------------------------------------- converters

#: Date forms the exports use, tried in this order (day-first and month-first slashes
#: are told apart per file, see :func:`dates`).
DATE_FORMATS = (
    "%d %B %Y",  # 02 December 2025 (ACLED's export tool)
    "%d-%B-%Y",  # 02-December-2025
    "%d %b %Y",  # 02 Dec 2025
    "%d-%b-%y",  # 02-Dec-25 (Excel's short form)
    "ISO8601",  # 2025-12-02, 2025-12-02 00:00:00.000 (UCDP), 2025-12-02T00:00:00
)
_SLASHED = re.compile(
    r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})(\s+\d{1,2}:\d{2}(:\d{2})?\s*([AaPp][Mm])?)?\s*$"
)


def dates(values: pd.Series, *, dayfirst: bool | None = None) -> tuple[pd.Series, np.ndarray]:
    """Parse a column of dates in the forms exports use; return the dates and a bad mask.

    Parameters
    ----------
    values : pandas.Series of str
        ``"02 December 2025"``, ``"2025-12-02"``, ``"02/12/2025"``,
        ``"12/2/2025 12:00:00 AM"`` (Excel's US form) and the like.
    dayfirst : bool, optional
        How to read ``a/b/YYYY`` without a time.  By default the file decides: a first
        part over 12 means day first, a second part over 12 month first; when neither
        tells, day first (DD/MM/YYYY).  A value with an AM/PM time is always month first.

    Returns
    -------
    (pandas.Series of datetime64[ns], numpy.ndarray of bool)
        Dates at midnight (NaT where bad or empty), and the mask of values that are
        present but not a date.

    Examples
    --------
    >>> d, bad = dates(pd.Series(["02 December 2025", "2025-12-02", "2/12/2025",
    ...                           "12/2/2025 12:00:00 AM", "soon", ""]))
    >>> [str(x.date()) if x == x else None for x in d]
    ['2025-12-02', '2025-12-02', '2025-12-02', '2025-12-02', None, None]
    >>> bad.tolist()
    [False, False, False, False, True, False]
    """
    text = values.astype(str).str.strip()
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    todo = text.ne("").to_numpy().copy()
    slashed = text.str.match(_SLASHED.pattern).fillna(False).to_numpy(bool) & todo
    if slashed.any():
        parts = text[slashed].str.extract(_SLASHED.pattern)
        first, second = parts[0].astype(int), parts[1].astype(int)
        has_ampm = parts[5].notna().to_numpy()
        if dayfirst is None:
            plain = ~has_ampm
            day_first = bool((first[plain] > 12).any()) or not bool((second[plain] > 12).any())
        else:
            day_first = dayfirst
        day = np.where(has_ampm | (not day_first), second, first)
        month = np.where(has_ampm | (not day_first), first, second)
        stamps = pd.to_datetime(
            pd.DataFrame({"year": parts[2].astype(int), "month": month, "day": day}),
            errors="coerce",
        )
        out[slashed] = stamps.to_numpy()
        todo &= ~slashed
    for fmt in DATE_FORMATS:
        if not todo.any():
            break
        parsed = pd.to_datetime(text[todo], format=fmt, errors="coerce")
        hit = parsed.notna().to_numpy()
        if hit.any():
            index = np.flatnonzero(todo)[hit]
            out.iloc[index] = parsed[hit].dt.tz_localize(None).dt.normalize().to_numpy()
            todo[index] = False
    bad = text.ne("").to_numpy() & out.isna().to_numpy()
    return out.dt.normalize(), bad


def numbers(
    values: pd.Series,
    *,
    low: float | None = None,
    high: float | None = None,
    integer: bool = False,
) -> tuple[pd.Series, np.ndarray]:
    """Parse a column of numbers; return them (NaN when empty) and a bad mask.

    Parameters
    ----------
    values : pandas.Series of str
    low, high : float, optional
        Inclusive bounds; values outside are bad.
    integer : bool
        Whole numbers only (``"3"`` and ``"3.0"``; not ``"3.5"``).

    Returns
    -------
    (pandas.Series of float, numpy.ndarray of bool)

    Examples
    --------
    >>> n, bad = numbers(pd.Series(["48.28", "", "abc", "inf", "91"]), low=-90, high=90)
    >>> n.tolist()[:2], bad.tolist()
    ([48.28, nan], [False, False, True, True, True])
    """
    text = values.astype(str).str.strip()
    parsed = pd.to_numeric(text.replace("", None), errors="coerce").astype(float)
    present = text.ne("").to_numpy()
    number = parsed.to_numpy()
    bad = present & ~np.isfinite(number)
    with np.errstate(invalid="ignore"):
        if low is not None:
            bad |= present & (number < low)
        if high is not None:
            bad |= present & (number > high)
        if integer:
            bad |= present & np.isfinite(number) & (number != np.round(number))
    return parsed.where(~bad), bad


class Checks:
    """Row checks in order; each bad row is recorded once, at its first problem.

    Examples
    --------
    >>> t = load_table(pd.DataFrame({"id": ["a", "a", ""], "n": ["1", "x", "2"]}))
    >>> c = Checks(t)
    >>> c.empty("id", t.column("id")); c.duplicates("id", t.column("id"))
    >>> _ = c.number("n", integer=True)
    >>> c.keep().tolist(), [f["reason"] for f in t.failures]
    ([True, False, False], ["id '': empty", "id 'a': the same id as frame:0"])
    """

    def __init__(self, table: Table):
        self.table = table
        self.bad = np.zeros(len(table), dtype=bool)

    def add(self, mask: np.ndarray, column: str, values: pd.Series, why: str) -> None:
        """Fail the rows of ``mask`` not failed yet, naming the column and value."""
        new = mask & ~self.bad
        if new.any():
            self.table.fail(new, column, values, why)
            self.bad |= new

    def empty(self, column: str, values: pd.Series) -> None:
        """Fail rows where the value is empty."""
        self.add(values.eq("").to_numpy(), column, values, "empty")

    def ids(self, column: str) -> pd.Series:
        """Return the id column, failing empty and repeated ids."""
        values = self.table.column(column)
        self.empty(column, values)
        self.duplicates(column, values)
        return values

    def date(self, column: str, *, dayfirst: bool | None, required: bool = True) -> pd.Series:
        """Parse a date column (:func:`dates`), failing values that are not dates (or empty)."""
        values = self.table.column(column)
        parsed, bad = dates(values, dayfirst=dayfirst)
        self.add(bad, column, values, "not a date")
        if required:
            self.empty(column, values)
        return parsed

    def duplicates(self, column: str, values: pd.Series) -> None:
        """Fail rows whose value an earlier row has (naming that row)."""
        repeated = (values.duplicated() & values.ne("")).to_numpy()
        if repeated.any():
            first: dict[Any, Any] = {}
            for i, value in enumerate(values.tolist()):
                first.setdefault(value, i)
            for i in np.flatnonzero(repeated & ~self.bad).tolist():
                value = values.iloc[i]
                where = self.table.places[first[value]]
                self.table.fail_one(int(i), column, value, f"the same id as {where}")
            self.bad |= repeated

    def number(
        self,
        column: str,
        *,
        low: float | None = None,
        high: float | None = None,
        integer: bool = False,
    ) -> pd.Series:
        """Parse a column as numbers (:func:`numbers`), failing the bad values."""
        values = self.table.column(column)
        parsed, bad = numbers(values, low=low, high=high, integer=integer)
        bounds = " and ".join(
            part
            for part in (
                "a whole number" if integer else "a number",
                f"at least {low:g}" if low is not None else "",
                f"at most {high:g}" if high is not None else "",
            )
            if part
        )
        self.add(bad, column, values, f"not {bounds}")
        return parsed

    def coordinates(self, lat_text: pd.Series, lon_text: pd.Series) -> tuple[pd.Series, pd.Series]:
        """Parse latitude and longitude; fail empty, out-of-range and (0, 0) ones."""
        for name, values in (("latitude", lat_text), ("longitude", lon_text)):
            self.empty(name, values)
        lat = self.number("latitude", low=-90, high=90)
        lon = self.number("longitude", low=-180, high=180)
        zero = (lat == 0).to_numpy() & (lon == 0).to_numpy()
        self.add(zero, "latitude, longitude", lat_text + ", " + lon_text, "no location (0, 0)")
        return lat, lon

    def keep(self) -> np.ndarray:
        """Return the mask of rows that passed every check."""
        return ~self.bad
