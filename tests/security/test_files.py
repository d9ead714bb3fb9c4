"""Files a user was sent: XML entities, external DTDs and symlink loops read nothing else.

A feed or a KML front-line file may declare entities that name local files or URLs, or
nest entities to expand to gigabytes; a folder may hold a link to itself.  geonews must
read the document's own text and nothing beyond it, make no request, and finish.
"""

from __future__ import annotations

import pytest

import geonews
from geonews.corpus.read import source_files
from geonews.errors import DataError
from tests.security.servers import body, serve

SECRET = "gn-secret-7f3a"  # a marker no document holds unless a file was read into it


def _feed(doctype: str, title: str) -> str:
    return (
        '<?xml version="1.0"?>\n'
        f"{doctype}\n"
        '<rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>{title}</title><description>Drones hit Kyiv overnight.</description>"
        "<guid>a1</guid></item></channel></rss>"
    )


def _texts(path) -> str:
    return " ".join(d.text or "" for d in geonews.read(path))


def test_external_file_entity_in_a_feed_is_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    doctype = f'<!DOCTYPE rss [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>'
    feed = tmp_path / "feed.rss"
    feed.write_text(_feed(doctype, "Shelling &leak; near Pokrovsk"))
    assert SECRET not in _texts(feed)


def test_external_dtd_and_parameter_entities_make_no_request(tmp_path):
    dtd = f"<!ENTITY % all \"<!ENTITY leak '{SECRET}'>\">".encode()
    with serve({"/evil.dtd": body(dtd, content_type="application/xml-dtd")}) as (url, server):
        doctype = (
            f'<!DOCTYPE rss SYSTEM "{url}/evil.dtd" '
            f'[<!ENTITY % remote SYSTEM "{url}/evil.dtd"> %remote; %all;]>'
        )
        feed = tmp_path / "feed.rss"
        feed.write_text(_feed(doctype, "Shelling &leak; near Pokrovsk"))
        texts = [d.text or d.error for d in geonews.read(feed)]
        assert server.hits == []  # no request left for the DTD
    assert texts  # the feed ends as documents or a recorded failure, never nothing
    assert all(SECRET not in t for t in texts)


def test_nested_entities_do_not_expand(tmp_path):
    # the "billion laughs": ten levels of ten copies would be 10**10 characters
    levels = ['<!ENTITY l0 "lol">'] + [
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    ]
    feed = tmp_path / "laughs.rss"
    feed.write_text(_feed("<!DOCTYPE rss [" + "".join(levels) + "]>", "&l9; near Kyiv"))
    docs = list(geonews.read(feed))
    assert docs
    assert sum(len(d.text or "") for d in docs) < 10_000


def test_kml_front_line_does_not_read_an_external_entity(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    kml = tmp_path / "front.kml"
    kml.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<!DOCTYPE kml [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>\n'
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark>'
        "<name>occupied &leak;</name><description>occupied</description>"
        "<Polygon><outerBoundaryIs><LinearRing><coordinates>"
        "37.0,48.0 37.2,48.0 37.2,48.2 37.0,48.2 37.0,48.0"
        "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>"
    )
    try:
        areas = geonews.frontline.load(kml, date="2025-01-01")
    except DataError as err:  # refusing the file is as good as ignoring the entity
        assert SECRET not in str(err)
        return
    as_text = areas.drop(columns="geometry").astype(str).to_string()
    assert SECRET not in as_text


def test_a_folder_that_links_to_itself_is_read_once(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Drones hit Kyiv overnight.")
    try:
        (tmp_path / "news" / "loop").symlink_to(tmp_path / "news", target_is_directory=True)
        (tmp_path / "news" / "up").symlink_to(tmp_path, target_is_directory=True)
    except OSError as err:  # pragma: no cover - a file system without links
        pytest.skip(f"cannot make symlinks here: {err}")
    files = source_files(tmp_path / "news")
    assert [p.name for p in files] == ["a.txt"]
    docs = list(geonews.read(tmp_path / "news"))
    assert [d.text for d in docs] == ["Drones hit Kyiv overnight."]
