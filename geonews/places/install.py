r"""Installed gazetteers: GeoNames country dumps and your own lists, beside the embedded one.

The embedded gazetteer (GeoNames cities500) knows the towns; the country dumps of
GeoNames know every village, raion, river, reservoir, height and airfield.  What is
installed here merges into the cached index on the next use (see
:mod:`geonews.places.index`); with nothing installed, geonews works exactly as without
this module.

* :func:`download` fetches ``<CC>.zip`` (or ``allCountries.zip``) from the GeoNames
  export (``base_url=``, ``$GEONEWS_GAZETTEER_URL``; default :data:`DEFAULT_URL`), through
  :func:`geonews.fetch.fetch` (scheme and redirect rules, size cap, deadline);
* :func:`add` installs a file already on disk: a GeoNames dump (``.zip``/``.txt``) or a
  CSV gazetteer (``name,lat,lon`` and optional columns, see :mod:`geonews.places.dumps`);
* :func:`installed`, :func:`status` and :func:`remove` list, describe and uninstall.

Every file is checked line by line before it is installed: a cut-short zip, an HTML
error page or a file with the wrong columns raises :class:`~geonews.errors.DataError`
and leaves what was installed, and so the index, as it was.  Files live in the user data
dir (``platformdirs``; ``$GEONEWS_DATA_DIR`` overrides it), listed in ``sources.json``.

Data from GeoNames (https://www.geonames.org/) is licensed CC BY 4.0.

Examples
--------
>>> import os, tempfile
>>> os.environ["GEONEWS_DATA_DIR"] = tempfile.mkdtemp()
>>> installed()
[]
>>> path = Path(os.environ["GEONEWS_DATA_DIR"], "sites.csv")
>>> _ = path.write_text("name,lat,lon,country\nCheckpoint Alpha,48.1,37.5,UA\n")
>>> src = add(path, build=False)
>>> src.name, src.rows, src.format
('sites', 1, 'csv')
>>> [s.name for s in installed()]
['sites']
>>> remove("sites").name
'sites'
>>> del os.environ["GEONEWS_DATA_DIR"]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from geonews.errors import DataError, InvalidInput
from geonews.places import dumps

__all__ = [
    "DEFAULT_URL",
    "Source",
    "add",
    "data_dir",
    "download",
    "install",
    "installed",
    "remove",
    "status",
]

log = logging.getLogger("geonews")

#: Where GeoNames publishes its country dumps (``$GEONEWS_GAZETTEER_URL`` overrides it).
DEFAULT_URL = "https://download.geonames.org/export/dump/"
#: Largest dump accepted, bytes (``allCountries.zip`` is about 400 MB; UA.zip 3 MB).
MAX_DUMP_BYTES = 2 * 2**30
#: Seconds one download may take in all.
DEADLINE = 3600.0
#: Seconds each connect or read may take.
TIMEOUT = 60.0
#: The list of installed sources in the data dir.
_MANIFEST = "sources.json"
#: What a source's name may be (it names its file in the data dir).
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}")
#: What :func:`download` accepts: ISO 3166-1 alpha-2 codes and GeoNames' whole database.
_COUNTRY = re.compile(r"[A-Z]{2}")
_ALL = "allCountries"

Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class Source:
    """One installed gazetteer file.

    Attributes
    ----------
    name : str
        What :func:`remove` takes: the country code of a download, the file's stem for
        :func:`add`.
    file : str
        Its file name in :func:`data_dir`.
    format : str
        ``"geonames"`` or ``"csv"``.
    origin : str
        The URL or path it came from.
    installed : str
        When it was installed (ISO 8601, UTC).
    modified : str
        The date of the file it came from (``Last-Modified`` or the file's mtime).
    rows : int
        Places kept from it.
    bytes : int
        Size of the file.
    sha1 : str
        Its SHA-1, part of the index digest.
    """

    name: str
    file: str
    format: str
    origin: str
    installed: str
    modified: str
    rows: int
    bytes: int
    sha1: str


def data_dir() -> Path:
    """Folder of the installed gazetteers: ``$GEONEWS_DATA_DIR`` or the user data dir."""
    env = os.environ.get("GEONEWS_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("geonews")) / "gazetteers"


def installed() -> list[Source]:
    """The installed sources, in the order they were installed (empty when none).

    Raises
    ------
    DataError
        When ``sources.json`` in the data dir is not a list of sources.
    """
    path = data_dir() / _MANIFEST
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except OSError as err:
        raise DataError(f"cannot read {str(path)!r}: {err}") from err
    try:
        return [Source(**entry) for entry in json.loads(text)]
    except (ValueError, TypeError) as err:
        raise DataError(f"{str(path)!r} is not a list of installed gazetteers: {err}") from err


def install(*sources: str | os.PathLike[str], build: bool = True, **options: Any) -> list[Source]:
    """Install each source: a file on disk (:func:`add`) or a country code (:func:`download`).

    Parameters
    ----------
    *sources : str or path-like
        ``"UA"``, ``"RU"``, ``"allCountries"``, or paths of ``.zip``/``.txt``/``.csv`` files.
    build : bool
        Rebuild the gazetteer index now (otherwise on its next use).
    **options
        Passed to :func:`download` (``base_url``, ``timeout``, ``deadline``, ``progress``).

    Returns
    -------
    list of Source
    """
    done = []
    for src in sources:
        text = os.fspath(src)
        if _COUNTRY.fullmatch(text) or text == _ALL:
            done += download(text, build=False, **options)
        else:
            done.append(add(text, build=False))
    if build and done:
        rebuild()
    return done


def download(
    *countries: str,
    base_url: str | None = None,
    timeout: float = TIMEOUT,
    deadline: float = DEADLINE,
    progress: Progress | bool | None = None,
    build: bool = True,
) -> list[Source]:
    """Download GeoNames country dumps (``UA``, ``RU`` ... or ``allCountries``) and install them.

    Parameters
    ----------
    *countries : str
        ISO 3166-1 alpha-2 codes, or ``"allCountries"`` (the whole database, ~400 MB).
    base_url : str, optional
        Where the dumps are (a mirror, a test server); default ``$GEONEWS_GAZETTEER_URL``
        or :data:`DEFAULT_URL`.
    timeout : float
        Seconds each connect or read may take.
    deadline : float
        Seconds each download may take in all.
    progress : callable or bool, optional
        ``progress(bytes_so_far, total_or_None)``; ``True`` for a tqdm bar; default: a bar
        when stderr is a terminal or in Jupyter.
    build : bool
        Rebuild the gazetteer index now (otherwise on its next use).

    Returns
    -------
    list of Source

    Raises
    ------
    InvalidInput
        When a code is not a country code, or the base URL not http(s).
    FetchError
        When a dump cannot be downloaded (offline, HTTP error, timeout, too big); what was
        installed stays as it was.
    DataError
        When a downloaded file is not a GeoNames dump (an HTML page, a cut-short zip).
    """
    if not countries:
        raise InvalidInput("name at least one country code to download, e.g. UA")
    codes = []
    for cc in countries:
        code = cc if cc == _ALL else str(cc).upper()
        if not (_COUNTRY.fullmatch(code) or code == _ALL):
            raise InvalidInput(f"not a country code (ISO 3166-1 alpha-2) or {_ALL!r}: {cc!r}")
        codes.append(code)
    base = base_url or os.environ.get("GEONEWS_GAZETTEER_URL") or DEFAULT_URL
    if not base.endswith("/"):
        base += "/"
    done = []
    for code in codes:
        url = f"{base}{code}.zip"
        with _staging() as tmp:
            target = tmp / f"{code}.zip"
            _fetch(url, target, timeout=timeout, deadline=deadline, progress=progress)
            done.append(_install_file(target, code, url, _zip_date(target) or _today()))
    if build:
        rebuild()
    return done


def add(path: str | os.PathLike[str], *, name: str | None = None, build: bool = True) -> Source:
    """Install a gazetteer file already on disk: a GeoNames dump or a CSV of your own.

    Parameters
    ----------
    path : str or path-like
        A GeoNames dump (``UA.zip``, ``UA.txt``) or a CSV gazetteer with a header
        ``name,lat,lon`` and optional ``alternatenames,country,admin1,feature,population,id``.
    name : str, optional
        The source's name (default: the file's stem, e.g. ``UA``); installing a name again
        replaces it.
    build : bool
        Rebuild the gazetteer index now (otherwise on its next use).

    Returns
    -------
    Source

    Raises
    ------
    DataError
        When the file cannot be read or is not in either format (the message names the
        line and the value); nothing is installed then.
    """
    src = Path(path)
    if not src.is_file():
        raise DataError(f"no such gazetteer file: {str(path)!r}")
    dumps.source_format(src)
    modified = dt.datetime.fromtimestamp(src.stat().st_mtime, dt.timezone.utc).date().isoformat()
    with _staging() as tmp:
        copy = tmp / src.name
        shutil.copyfile(src, copy)
        source = _install_file(copy, name or src.stem, str(src.resolve()), modified)
    if build:
        rebuild()
    return source


def remove(name: str, *, build: bool = False) -> Source:
    """Uninstall the source called ``name`` (see :func:`installed`) and delete its file.

    Raises
    ------
    InvalidInput
        When no source has that name (the message lists the installed ones).
    """
    sources = installed()
    found = [s for s in sources if s.name == name]
    if not found:
        have = ", ".join(s.name for s in sources) or "none"
        raise InvalidInput(f"no installed gazetteer called {name!r} (installed: {have})")
    _write_manifest([s for s in sources if s.name != name])
    (data_dir() / found[0].file).unlink(missing_ok=True)
    if build:
        rebuild()
    return found[0]


def status() -> dict[str, Any]:
    """What is installed and the index it gives: for ``geonews gazetteer status``.

    Returns
    -------
    dict
        ``data_dir``, ``sources`` (a dict per :class:`Source`), ``index`` (its path),
        ``index_built`` (whether it exists yet) and ``index_bytes``.
    """
    from geonews.places.gazetteer import index_path

    path = index_path()
    return {
        "data_dir": str(data_dir()),
        "sources": [asdict(s) for s in installed()],
        "index": str(path),
        "index_built": path.exists(),
        "index_bytes": path.stat().st_size if path.exists() else 0,
    }


def rebuild() -> Path:
    """Build the index for what is installed now, unless it exists; return its path."""
    from geonews.places import index as _index
    from geonews.places.gazetteer import index_path

    path = index_path()
    if not path.exists():
        log.info("building the gazetteer index at %s", path)
        _index.build(path)
        _index.prune(path)
    return path


def digest_text() -> str:
    """What the index digest reads of the installed sources ('' when none is installed)."""
    return " ".join(f"{s.name}:{s.format}:{s.sha1}" for s in installed())


def source_paths() -> list[tuple[Source, Path]]:
    """Each installed source with the path of its file."""
    d = data_dir()
    return [(s, d / s.file) for s in installed()]


# -- helpers ------------------------------------------------------------------------------


class _staging:
    """A temporary folder inside the data dir (same file system: the install is a rename)."""

    def __enter__(self) -> Path:
        d = data_dir()
        d.mkdir(parents=True, exist_ok=True)
        self.path = Path(tempfile.mkdtemp(prefix=".staging-", dir=d))
        return self.path

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def _fetch(url: str, target: Path, *, timeout, deadline, progress) -> None:
    from geonews._progress import interactive, progress_bar
    from geonews.fetch import fetch

    bar = None
    if progress is None:
        progress = interactive()
    if progress is True:
        bar = progress_bar(None, desc=target.name, unit="B", unit_scale=True, leave=False)

        def progress(size: int, total: int | None) -> None:
            if total is not None and bar.total != total:
                bar.total = total
            bar.update(size - bar.n)

    elif progress is False:
        progress = None
    try:
        fetch(
            url,
            dest=target,
            max_bytes=_max_bytes(),
            timeout=timeout,
            deadline=deadline,
            progress=progress,
        )
    finally:
        if bar is not None:
            bar.close()


def _max_bytes() -> int | None:
    """The download cap: :data:`MAX_DUMP_BYTES` unless ``$GEONEWS_MAX_DOWNLOAD_MB`` says."""
    return None if os.environ.get("GEONEWS_MAX_DOWNLOAD_MB") else MAX_DUMP_BYTES


def _install_file(staged: Path, name: str, origin: str, modified: str) -> Source:
    """Check ``staged`` line by line, then move it into the data dir and list it."""
    if not _NAME.fullmatch(name):
        raise InvalidInput(
            f"a gazetteer name is letters, digits, '.', '_' and '-' (up to 64): {name!r}"
        )
    fmt = dumps.source_format(staged)
    try:
        rows = sum(1 for _ in dumps.read(staged, source=name))
    except DataError as err:  # named by where it came from, not the staging copy
        raise DataError(str(err).replace(str(staged), origin)) from err.__cause__
    if rows == 0:
        raise DataError(f"{origin!r} holds no place geonews keeps (settlements, raions, rivers...)")
    digest = hashlib.sha1()
    with staged.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    file = f"{name}{staged.suffix.lower()}"
    source = Source(
        name=name,
        file=file,
        format=fmt,
        origin=origin,
        installed=dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        modified=modified,
        rows=rows,
        bytes=staged.stat().st_size,
        sha1=digest.hexdigest(),
    )
    d = data_dir()
    others = [s for s in installed() if s.name != name]
    old = {s.file for s in installed() if s.name == name} - {file}
    os.replace(staged, d / file)
    _write_manifest([*others, source])
    for stale in old:
        (d / stale).unlink(missing_ok=True)
    return source


def _write_manifest(sources: Iterable[Source]) -> None:
    d = data_dir()
    d.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".sources-", suffix=".json", dir=d)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump([asdict(s) for s in sources], f, indent=1, ensure_ascii=False)
    os.replace(tmp, d / _MANIFEST)


def _zip_date(path: Path) -> str | None:
    """The date of the data file inside a zip (when GeoNames wrote the dump)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if "readme" not in i.filename.lower()]
    except (OSError, zipfile.BadZipFile):
        return None
    return dt.date(*infos[0].date_time[:3]).isoformat() if infos else None


def _today() -> str:
    return dt.datetime.now(dt.timezone.utc).date().isoformat()
