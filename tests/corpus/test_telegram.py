"""Telegram Desktop exports (result.json) through geonews.read, events() and the CLI."""

from __future__ import annotations

import datetime as dt
import json
import logging
import subprocess
import sys

import pytest

import geonews
from geonews.activity import events, failures
from geonews.cli import main
from geonews.corpus.read import read
from geonews.corpus.telegram import is_export, read_telegram
from geonews.errors import InvalidInput
from tests.handparser import parse


def channel(messages, **chat):
    # the layout Telegram Desktop writes: name, type, id, then messages
    return {"name": "Front Wire", "type": "public_channel", "id": 1234567890,
            "messages": messages, **chat}  # fmt: skip


MESSAGES = [
    {"id": 1, "type": "service", "date": "2025-11-30T08:00:00", "date_unixtime": "1764489600",
     "actor": "Front Wire", "actor_id": "channel1234567890", "action": "create_channel",
     "title": "Front Wire", "text": "", "text_entities": []},
    {"id": 2, "type": "message", "date": "2025-12-01T09:30:00", "date_unixtime": "1764581400",
     "from": "Front Wire", "from_id": "channel1234567890",
     "text": "Russian forces shelled Kherson overnight, the regional governor said.",
     "text_entities": [{"type": "plain", "text": "Russian forces shelled Kherson overnight, "
                                                  "the regional governor said."}]},
    {"id": 3, "type": "message", "date": "2025-12-02T10:15:00", "from": "Front Wire",
     "text": ["⚡️ ", {"type": "bold", "text": "Drones hit Kyiv"}, " overnight, ",
              {"type": "text_link", "text": "officials said", "href": "https://example.org/x"},
              ". ", {"type": "hashtag", "text": "#Kyiv"}]},
    {"id": 4, "type": "message", "date": "2025-12-02T11:00:00", "from": "Front Wire",
     "photo": "photos/photo_4@02-12-2025_11-00-00.jpg", "width": 1280, "height": 720,
     "text": ""},
    {"id": 5, "type": "message", "date": "2025-12-02T11:05:00", "from": "Front Wire",
     "file": "(File not included. Change data exporting settings to download.)",
     "media_type": "video_file", "mime_type": "video/mp4", "text": ""},
    {"id": 6, "type": "message", "date": "2025-12-02T12:00:00",
     "photo": "photos/photo_6.jpg", "text": "Fighting continued near Pokrovsk."},
    {"id": 7, "type": "unsupported"},
    {"id": 8, "type": "message", "date": "2025-12-03T12:00:00", "text": [42]},
    {"id": 9, "type": "message", "date": "sometime", "text": "Drones hit Odesa."},
    "not a message",
]  # fmt: skip


@pytest.fixture
def export(tmp_path):
    folder = tmp_path / "ChatExport_2025-12-03"
    folder.mkdir()
    path = folder / "result.json"
    path.write_text(json.dumps(channel(MESSAGES), ensure_ascii=False, indent=1), "utf-8")
    return path


def test_messages_become_documents_and_skips_are_counted(export, caplog):
    messages = read_telegram(export)
    with caplog.at_level(logging.WARNING, logger="geonews"):
        docs = list(messages)
    assert [d.doc_id for d in docs] == [
        "telegram:1234567890:2", "telegram:1234567890:3", "telegram:1234567890:6",
        "telegram:1234567890:8", "telegram:1234567890:9", "telegram:1234567890:#10",
    ]  # fmt: skip
    first, second = docs[0], docs[1]
    assert first.date == dt.date(2025, 12, 1) and first.source == "Front Wire"
    assert first.url is None  # exports carry no username
    assert second.text == "⚡️ Drones hit Kyiv overnight, officials said. #Kyiv"
    assert docs[2].text == "Fighting continued near Pokrovsk."  # a photo with a caption
    assert [d.error is None for d in docs] == [True, True, True, False, False, False]
    assert "neither a string nor an entity: 42" in docs[3].error
    assert "cannot read a date from 'sometime'" in docs[4].error
    assert "not an object" in docs[5].error
    assert dict(messages.counts) == {
        "messages": 10, "service": 1, "documents": 3, "media_only": 2, "unsupported": 1,
        "failed": 3,
    }  # fmt: skip
    [record] = caplog.records
    assert record.getMessage() == (
        "result.json: 4 of 10 messages skipped (1 service, 2 media-only, 1 unsupported); 3 read"
    )


def test_username_gives_t_me_links(export):
    docs = list(read_telegram(export, username="@front_wire"))
    assert docs[0].url == "https://t.me/front_wire/2"
    with pytest.raises(InvalidInput, match="not a Telegram username"):
        read_telegram(export, username="https://evil.example/")


def test_read_detects_the_export_in_a_file_and_a_folder(export, tmp_path):
    (tmp_path / "other.json").write_text('{"messages": "not telegram"}', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Shelling hit Sumy.", encoding="utf-8")
    assert is_export(export) and not is_export(tmp_path / "other.json")
    assert len(list(read(export))) == 6
    ids = [d.doc_id for d in read(tmp_path)]  # other.json is not a format of ours: left out
    assert ids[:2] == ["telegram:1234567890:2", "telegram:1234567890:3"]
    assert ids[-1] == "notes.txt" and len(ids) == 7
    with pytest.raises(InvalidInput, match="unknown format"):
        list(read(tmp_path / "other.json"))


def test_full_account_export_and_broken_json(tmp_path):
    account = {
        "about": "Here is the data you requested.",
        "personal_information": {"user_id": 1, "first_name": "A"},
        "chats": {"about": "This page lists all chats from this export.", "list": [
            channel(MESSAGES[1:3], name="Wire A", id=11),
            channel(MESSAGES[5:6], name="Wire B", id=12, type="private_channel"),
        ]},
    }  # fmt: skip
    path = tmp_path / "result.json"
    path.write_text(json.dumps(account), encoding="utf-8")
    docs = list(read(path))
    assert [(d.doc_id, d.source) for d in docs] == [
        ("telegram:11:2", "Wire A"), ("telegram:11:3", "Wire A"), ("telegram:12:6", "Wire B")
    ]  # fmt: skip
    broken = tmp_path / "broken" / "result.json"
    broken.parent.mkdir()
    broken.write_text(json.dumps(channel(MESSAGES))[:-40], encoding="utf-8")
    [doc] = list(read(broken))
    assert doc.text is None and "not a Telegram JSON export" in doc.error


def test_events_from_an_export_account_for_every_message(export):
    gdf = events(read(export), geoparser=parse)
    assert gdf.attrs["documents"] == 6 and len(failures(gdf)) == 3
    assert set(gdf["doc_id"]) == {"telegram:1234567890:2", "telegram:1234567890:3",
                                  "telegram:1234567890:6"}  # fmt: skip
    assert set(gdf["source"]) == {"Front Wire"}


def test_cli_reads_an_export(export, tmp_path, capsys):
    out = tmp_path / "e.csv"
    assert main(["events", str(export), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "3 of 6 documents failed" in err
    # as a program (pytest keeps log records to itself): the skips are said on stderr
    done = subprocess.run([sys.executable, "-m", "geonews", "parse", str(export)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0 and "Kherson" in done.stdout
    assert "result.json: 4 of 10 messages skipped (1 service, 2 media-only, 1 unsupported)" in (
        done.stderr
    )
    assert "telegram:1234567890:2" in out.read_text(encoding="utf-8")


def test_read_is_still_public():
    assert geonews.read is read
