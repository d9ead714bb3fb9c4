"""``geonews resolve`` through ``geonews.cli.main`` and as ``python -m geonews``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geonews.cli import main
from geonews.places.resolver import resolve

ROOT = Path(__file__).resolve().parents[2]


def test_resolve_prints_one_line_per_name(capsys):
    assert main(["resolve", "Krasnoarmeysk", "Artemovsk", "Костянтинівка"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3
    assert out[0].startswith("Krasnoarmeysk -> Pokrovsk (Donetsk, UA)")
    assert "geonames:704422" in out[0] and "alias:" in out[0]
    assert out[1].startswith("Artemovsk -> Bakhmut (Donetsk, UA)")
    assert out[2].startswith("Костянтинівка -> Kostiantynivka (Donetsk, UA)")


def test_resolve_json(capsys):
    assert main(["resolve", "--json", "Kharkov", "Black Sea"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["query"] for r in rows] == ["Kharkov", "Black Sea"]
    assert rows[0]["id"] == resolve("Kharkiv").id and rows[1]["kind"] == "sea"
    assert "raw" not in rows[0]


def test_country_bias_and_region_options(capsys):
    assert main(["resolve", "--country-bias", "RU", "Dzerzhinsk"]) == 0
    assert ", RU)" in capsys.readouterr().out
    assert main(["resolve", "--country-bias", "none", "--json", "Paris"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["country"] == "FR"
    assert main(["resolve", "--region", "Donetsk Oblast", "Novoselivka"]) == 0
    assert "(Donetsk, UA)" in capsys.readouterr().out


def test_unknown_name_exits_1(capsys):
    assert main(["resolve", "Kharkiv", "Qwxzvillezzz"]) == 1
    captured = capsys.readouterr()
    assert "Kharkiv -> Kharkiv" in captured.out
    assert "'Qwxzvillezzz'" in captured.err


@pytest.mark.parametrize("bad", ["", "Kyiv\x07", "x" * 500])
def test_bad_name_exits_2(capsys, bad):
    assert main(["resolve", bad]) == 2
    assert "geonews: error:" in capsys.readouterr().err


def test_bad_option_exits_2(capsys):
    assert main(["resolve", "--country-bias", "Ukraine", "Kyiv"]) == 2
    assert "'Ukraine'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["resolve"])  # argparse: a name is required
    assert info.value.code == 2


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "geonews", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_python_m_geonews_exit_codes():
    ok = _run("resolve", "Krasnoarmeysk", "Artemovsk", "Костянтинівка")
    assert ok.returncode == 0, ok.stderr
    assert [line.split(" -> ")[1].split(" (")[0] for line in ok.stdout.splitlines()] == [
        "Pokrovsk",
        "Bakhmut",
        "Kostiantynivka",
    ]
    missing = _run("resolve", "Qwxzvillezzz")
    assert missing.returncode == 1 and missing.stdout == ""
    assert "Qwxzvillezzz" in missing.stderr
    bad = _run("resolve", "")
    assert bad.returncode == 2 and "must not be empty" in bad.stderr
    assert _run("resolve").returncode == 2
    assert _run("--version").stdout.startswith("geonews ")


def test_map_draws_only_actual_events_and_says_what_it_left_out(tmp_path, capsys):
    text = (
        "Russian forces shelled Kupiansk on Monday. Should the talks fail, Moscow "
        "threatened, its troops would strike Kharkiv."
    )
    out = tmp_path / "m.html"
    assert main(["map", "--text", text, "--date", "2025-06-02", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "not reported as having happened" in err
    assert "--all-modalities" in err
