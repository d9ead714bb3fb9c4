"""JavaScript and CSS for offline maps: found in installed packages or a user cache.

A folium page references Leaflet and its plugins by CDN URL.  For an offline file
each ``<script src>`` and stylesheet ``<link href>`` is replaced by the file's
content, taken from

* installed packages: XStatic-Leaflet (Leaflet 1.9.3), XStatic-Leaflet-MarkerCluster,
  XStatic-jQuery, and the plugin files folium ships in ``folium/templates``;
* otherwise the asset cache (:func:`asset_cache_dir`), which
  :func:`fill_asset_cache` fills once while online.

Images that stylesheets reference (Leaflet's layer and marker icons, fonts) are
inlined as ``data:`` URIs.  Folium's Bootstrap and Font Awesome/awesome-markers
files are dropped when the map uses no ``folium.Icon``.  Anything else that
cannot be found raises :class:`~geonews.errors.MissingAsset` naming the URL.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import mimetypes
import os
import re
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

import platformdirs

from geonews.errors import MissingAsset
from geonews.fetch import fetch

__all__ = ["asset_cache_dir", "cached_path", "fill_asset_cache", "inline_assets"]

log = logging.getLogger("geonews")

#: Environment variable that overrides the asset cache directory.
CACHE_ENV = "GEONEWS_ASSET_CACHE"

_SCRIPT = re.compile(r"""<script\s+src=["']([^"']+)["']\s*>\s*</script>""", re.I)
_LINK = re.compile(r"""<link\s+rel=["']stylesheet["']\s+href=["']([^"']+)["']\s*/?>""", re.I)
_CSS_URL = re.compile(r"""url\(\s*(["']?)([^"')]+)\1\s*\)""")

#: Folium's page furniture for ``folium.Icon``: dropped when the map draws no such icon.
_ICON_ONLY = re.compile(
    r"bootstrap|glyphicons|fontawesome|font-awesome|awesome-markers|awesome\.rotate", re.I
)


def _xstatic(module: str) -> Path:
    mod = __import__(f"xstatic.pkg.{module}", fromlist=["BASE_DIR"])
    return Path(mod.BASE_DIR)


def _folium_templates() -> Path:
    import folium

    return Path(folium.__file__).parent / "templates"


#: URL pattern -> (function giving the installed file). Checked in order.
_PACKAGED: list[tuple[re.Pattern[str], Callable[[], Path]]] = [
    (
        re.compile(r"/leaflet(@[\d.]+)?/dist/leaflet\.js$"),
        lambda: _xstatic("leaflet") / "leaflet.js",
    ),
    (
        re.compile(r"/leaflet(@[\d.]+)?/dist/leaflet\.css$"),
        lambda: _xstatic("leaflet") / "leaflet.css",
    ),
    (re.compile(r"/jquery-3[\d.]*(\.min)?\.js$"), lambda: _xstatic("jquery") / "jquery.min.js"),
    (
        re.compile(r"/leaflet\.markercluster(-src)?\.js$"),
        lambda: _xstatic("leaflet_markercluster") / "leaflet.markercluster.js",
    ),
    (
        re.compile(r"/MarkerCluster\.css$"),
        lambda: _xstatic("leaflet_markercluster") / "MarkerCluster.css",
    ),
    (
        re.compile(r"/MarkerCluster\.Default\.css$"),
        lambda: _xstatic("leaflet_markercluster") / "MarkerCluster.Default.css",
    ),
    (re.compile(r"/leaflet_heat\.min\.js$"), lambda: _folium_templates() / "leaflet_heat.min.js"),
]


def asset_cache_dir() -> Path:
    """Return the directory where :func:`fill_asset_cache` keeps downloaded assets.

    It is ``$GEONEWS_ASSET_CACHE`` when set, else ``assets`` in the geonews user
    cache directory (``platformdirs.user_cache_dir("geonews")``).

    Returns
    -------
    pathlib.Path
        The directory (it may not exist yet).

    Examples
    --------
    >>> asset_cache_dir().name
    'assets'
    """
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    return Path(platformdirs.user_cache_dir("geonews")) / "assets"


def cached_path(url: str) -> Path:
    """Return where the cache keeps the file downloaded from ``url``.

    Parameters
    ----------
    url : str
        An absolute http(s) URL.

    Returns
    -------
    pathlib.Path
        A path inside :func:`asset_cache_dir`; the name keeps the URL's file name.

    Examples
    --------
    >>> cached_path("https://example.org/lib/x.min.js").name.endswith("-x.min.js")
    True
    """
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    name = re.sub(r"[^A-Za-z0-9._-]", "_", urllib.parse.urlsplit(url).path.rsplit("/", 1)[-1])
    return asset_cache_dir() / f"{digest}-{name or 'index'}"


def _packaged(url: str) -> Path | None:
    path = urllib.parse.urlsplit(url).path
    for pattern, where in _PACKAGED:
        if pattern.search(path):
            try:
                found = where()
            except ImportError as err:
                log.debug("package for %r not installed: %s", url, err)
                return None
            return found if found.is_file() else None
    return None


def _find(url: str) -> tuple[bytes, str | Path]:
    """Return the bytes of ``url`` and where relative references resolve from."""
    found = _packaged(url)
    if found is not None:
        return found.read_bytes(), found
    cached = cached_path(url)
    if cached.is_file():
        return cached.read_bytes(), url
    raise MissingAsset(
        f"offline map needs {url!r}, which no installed package provides and the asset "
        f"cache {str(asset_cache_dir())!r} does not hold; run "
        "geonews.maps.events.fill_asset_cache() once while online, or save with offline=False"
    )


def _data_uri(data: bytes, name: str) -> str:
    mime = mimetypes.guess_type(name)[0] or {
        ".woff2": "font/woff2",
        ".woff": "font/woff",
        ".ttf": "font/ttf",
    }.get(Path(name).suffix, "application/octet-stream")
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _inline_css(css: str, origin: str | Path) -> str:
    def replace(match: re.Match[str]) -> str:
        ref = match.group(2).strip()
        if ref.startswith(("data:", "#")):
            return match.group(0)
        target = ref.split("#", 1)[0].split("?", 1)[0]
        if isinstance(origin, Path):
            local = (origin.parent / target).resolve()
            if not local.is_file():
                raise MissingAsset(f"stylesheet {str(origin)!r} refers to missing {ref!r}")
            return f'url("{_data_uri(local.read_bytes(), local.name)}")'
        absolute = urllib.parse.urljoin(origin, target)
        data, _ = _find(absolute)
        return f'url("{_data_uri(data, target)}")'

    return _CSS_URL.sub(replace, css)


def _leaflet_default_icon(folder: Path) -> str:
    """Point Leaflet's default marker at inlined images.

    Leaflet finds its marker images through the URL in ``leaflet.css``; once that is a
    ``data:`` URI it would build broken URLs from it, so the URLs are set here instead.
    """
    images = {
        "iconUrl": "marker-icon.png",
        "iconRetinaUrl": "marker-icon-2x.png",
        "shadowUrl": "marker-shadow.png",
    }
    options = ", ".join(
        f'{k}: "{_data_uri((folder / "images" / v).read_bytes(), v)}"' for k, v in images.items()
    )
    return f'\nL.Icon.Default.imagePath = "";\nL.Icon.Default.mergeOptions({{{options}}});\n'


@cache
def _asset_text(url: str, kind: str) -> str:
    data, origin = _find(url)
    text = data.decode("utf-8")
    if kind == "css":
        text = _inline_css(text, origin)
        return text.replace("</style", r"<\/style")
    if isinstance(origin, Path) and origin.name == "leaflet.js":
        text += _leaflet_default_icon(origin.parent)
    return text.replace("</script", r"<\/script")


def inline_assets(html: str, *, keep_icon_assets: bool = False) -> str:
    """Replace every external script and stylesheet in ``html`` with its content.

    Parameters
    ----------
    html : str
        A rendered folium page.
    keep_icon_assets : bool, default False
        Keep folium's Bootstrap / Font Awesome / awesome-markers files (needed only
        when the map draws ``folium.Icon`` markers); they are dropped otherwise.

    Returns
    -------
    str
        The page with no ``<script src>`` or stylesheet ``<link>`` left.

    Raises
    ------
    MissingAsset
        When a referenced file is neither installed nor cached.

    Examples
    --------
    >>> page = '<script src="https://cdn.example/npm/leaflet@1.9.3/dist/leaflet.js"></script>'
    >>> out = inline_assets(page)
    >>> out.startswith("<script>") and "Leaflet 1.9.3" in out[:200]
    True
    """

    def script(match: re.Match[str]) -> str:
        url = match.group(1)
        if not keep_icon_assets and _ICON_ONLY.search(url):
            return ""
        return f"<script>{_asset_text(url, 'js')}</script>"

    def link(match: re.Match[str]) -> str:
        url = match.group(1)
        if not keep_icon_assets and _ICON_ONLY.search(url):
            return ""
        return f"<style>{_asset_text(url, 'css')}</style>"

    return _LINK.sub(link, _SCRIPT.sub(script, html))


def _download(url: str, *, timeout: float) -> bytes:
    return fetch(url, timeout=timeout)  # http(s) only, redirects checked, capped, deadline


def fill_asset_cache(urls: Iterable[str] | None = None, *, timeout: float = 30.0) -> list[Path]:
    """Download, while online, the map assets that no installed package provides.

    Run it once on a machine with internet access; later offline exports of maps
    that use, e.g., folium's Bootstrap/Font Awesome icons or Leaflet.fullscreen
    then work without network.  Stylesheets' fonts and images are fetched too.

    Parameters
    ----------
    urls : iterable of str, optional
        The script/stylesheet URLs to fetch.  By default, every URL that folium's
        ``Map`` and its ``Fullscreen`` plugin reference and no installed package
        provides.
    timeout : float, default 30
        Seconds to wait for each download.

    Returns
    -------
    list of pathlib.Path
        The files written into :func:`asset_cache_dir`.

    Examples
    --------
    Needs the internet, so the test suite does not run it:

    >>> fill_asset_cache()  # doctest: +SKIP
    [PosixPath('.../assets/3f1c...-bootstrap.bundle.min.js'), ...]
    """
    if urls is None:
        import folium
        from folium import plugins

        urls = [
            u
            for _, u in (
                *folium.Map.default_js,
                *folium.Map.default_css,
                *plugins.Fullscreen.default_js,
                *plugins.Fullscreen.default_css,
            )
            if _packaged(u) is None
        ]
    written: list[Path] = []
    directory = asset_cache_dir()
    directory.mkdir(parents=True, exist_ok=True)
    for url in urls:
        data = _download(url, timeout=timeout)
        target = cached_path(url)
        target.write_bytes(data)
        written.append(target)
        log.info("cached %s as %s", url, target)
        if url.split("?", 1)[0].endswith(".css"):
            for match in _CSS_URL.finditer(data.decode("utf-8", "replace")):
                ref = match.group(2).strip()
                if ref.startswith(("data:", "#")):
                    continue
                sub = urllib.parse.urljoin(url, ref.split("#", 1)[0].split("?", 1)[0])
                sub_target = cached_path(sub)
                if not sub_target.is_file():
                    sub_target.write_bytes(_download(sub, timeout=timeout))
                    written.append(sub_target)
    _asset_text.cache_clear()
    return written
