"""A dump downloaded from a local server merges into the index; minor names stay precise.

One index is built for the module (about half a minute) in a temporary cache dir, from the
embedded sources and the test dump of ``dump_files``; the data and cache dirs point at
temporary folders while it is built and are put back before the tests use it.
"""

from __future__ import annotations

import pytest

from geonews.cli import main
from geonews.errors import FetchError
from geonews.mentions import Geoparser
from geonews.places import Gazetteer, Resolver, default_gazetteer, install, key
from geonews.places.gazetteer import index_path
from tests.places.dump_files import KNOWN_ALTERNATE, DumpServer, dump_zip


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The index with the test dump installed, through ``geonews gazetteer download``."""
    tmp = tmp_path_factory.mktemp("installed")
    server = DumpServer()
    server.routes["/export/UA.zip"] = (200, dump_zip(), 0.0, None)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GEONEWS_DATA_DIR", str(tmp / "data"))
        mp.setenv("GEONEWS_CACHE_DIR", str(tmp / "cache"))
        mp.setenv("GEONEWS_GAZETTEER_URL", server.url + "export/")
        assert main(["gazetteer", "download", "UA"]) == 0
        path = index_path()
    # the dirs are put back before any test runs: the shared default gazetteer and
    # resolver must never be built on this index
    assert path.exists()
    yield {"path": path, "server": server, "tmp": tmp}
    server.close()


@pytest.fixture(scope="module")
def resolver(built):
    return Resolver(Gazetteer(built["path"]))


@pytest.fixture(scope="module")
def parser(resolver):
    return Geoparser(resolver)


def test_the_dump_adds_villages_the_embedded_gazetteer_lacks(resolver):
    embedded = default_gazetteer()
    assert not embedded.has_key(key("Kalynopillia"))
    p = resolver.resolve("Kalynopillia")
    assert (p.name, p.admin1, p.country, p.kind) == ("Kalynopillia", "Donetsk", "UA", "settlement")
    assert p.raw["installed"] and p.id == "geonames:98000001"
    # its Ukrainian and Russian alternate names, and another transliteration
    assert resolver.resolve("Калинополье").id == resolver.resolve("Kalinopolye").id == p.id


def test_feature_classes_become_geonews_kinds(resolver):
    kinds = {
        name: resolver.resolve(name).kind
        for name in (
            "Kalynopilskyi Raion",
            "Bilenka",
            "Kalynopilskyi Kanal",
            "Kalynopillia Reservoir",
            "Mohyla Vysoka",
            "Kalynopillia Airfield",
            "Stara Berizka",
        )
    }
    assert kinds == {
        "Kalynopilskyi Raion": "county",
        "Bilenka": "river",
        "Kalynopilskyi Kanal": "river",
        "Kalynopillia Reservoir": "feature",
        "Mohyla Vysoka": "feature",
        "Kalynopillia Airfield": "feature",
        "Stara Berizka": "settlement",  # destroyed (PPLW), still where reports put it
    }
    assert resolver.get("Tserkva Pokrovy Kalynopillia") is None  # a church: not kept


def test_a_town_the_embedded_gazetteer_has_gets_the_dumps_alternate_names(resolver):
    p = resolver.resolve(KNOWN_ALTERNATE)
    assert (p.id, p.name) == ("geonames:704422", "Pokrovsk")
    assert not p.raw.get("installed")
    assert resolver.resolve("Pokrovsk").id == "geonames:704422"  # the town keeps its name


def test_namesakes_follow_the_region_hint(resolver):
    assert {p.admin1 for p in resolver.candidates("Horikhove", limit=5)} >= {
        "Donetsk",
        "Kharkiv",
        "Zaporizhzhia",
    }
    for region in ("Kharkiv", "Zaporizhzhia", "Donetsk"):
        assert resolver.resolve("Horikhove", region=region).admin1 == region


def _places(parser, text):
    return [(m.text, m.place and m.place.name, m.place and m.place.admin1) for m in parser(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Sokil units said they held the line.",
        "Svitanok, a Kyiv radio show, went off air.",
        "Frontier guards were put on alert.",
        "Traktor fans marched to the stadium.",
    ],
)
def test_a_minor_name_without_a_cue_is_no_place(parser, text):
    word = text.split()[0].rstrip(",")
    assert word not in [t for t, *_ in _places(parser, text)]


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("Shelling was reported near Svitanok overnight.", "Svitanok", "Donetsk"),
        ("Russian troops captured Svitanok on Tuesday.", "Svitanok", "Donetsk"),
        ("Drones struck the village of Sokil at dawn.", "Sokil", "Chernihiv"),
        ("Sokil, Chernihiv region, came under fire.", "Sokil", "Chernihiv"),
        ("Traktor in the Kherson region was hit again.", "Traktor", "Kherson"),
        ("Fighting goes on in Kalynopillia, Svitanok and Tykha Dolyna.", "Tykha Dolyna", "Donetsk"),
        ("Attacks were repelled in the areas of Kalynopillia and Svitanok.", "Svitanok", "Donetsk"),
    ],
)
def test_a_cue_makes_a_minor_name_a_place(parser, text, name, admin1):
    assert (name, name, admin1) in _places(parser, text)


@pytest.mark.parametrize(
    "text",
    [
        "Sokil in the Kherson region was hit.",  # the only Sokil is in Chernihiv oblast
        "Svitanok (Kharkiv Oblast) came under fire.",  # the only Svitanok is in Donetsk
    ],
)
def test_a_minor_name_put_where_no_place_of_it_is_stays_off_the_map(parser, text):
    found = _places(parser, text)
    assert text.split()[0] not in [t for t, *_ in found]
    assert found  # the region itself is still found


def test_among_namesakes_the_text_picks_its_oblast(parser):
    found = _places(parser, "Troops advanced near Horikhove in the Kharkiv region.")
    assert ("Horikhove", "Horikhove", "Kharkiv") in found
    found = _places(parser, "Shelling hit Kalynopillia and Horikhove, near Pokrovsk.")
    assert ("Horikhove", "Horikhove", "Donetsk") in found


def test_a_failed_download_leaves_the_index_as_it_was(built):
    server = built["server"]
    server.routes["/broken/UA.zip"] = (200, b"<html>Too many requests</html>", 0.0, None)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GEONEWS_DATA_DIR", str(built["tmp"] / "data"))
        mp.setenv("GEONEWS_CACHE_DIR", str(built["tmp"] / "cache"))
        before = built["path"].stat().st_mtime_ns
        with pytest.raises(FetchError):
            install.download("UA", base_url=server.url + "missing/")
        with pytest.raises(Exception, match="not a readable zip"):
            install.download("UA", base_url=server.url + "broken/")
        assert index_path() == built["path"]
        assert built["path"].stat().st_mtime_ns == before
        indexes = [p.name for p in (built["tmp"] / "cache").glob("*.sqlite")]
        assert indexes == [built["path"].name]
