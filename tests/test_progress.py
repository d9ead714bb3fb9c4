"""Progress bars: a widget in a Jupyter kernel, a text bar without ipywidgets, none in tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from geonews._progress import in_notebook, interactive, progress_bar

nbformat = pytest.importorskip("nbformat", reason="nbformat is in the test extra")
nbclient = pytest.importorskip("nbclient", reason="nbclient is in the test extra")

pytestmark = pytest.mark.notebooks

ROOT = Path(__file__).resolve().parents[1]
WIDGET = "application/vnd.jupyter.widget-view+json"

RUN = """
import geonews
from geonews.mentions import Mention
from geonews.places import Place
kyiv = Place("Kyiv", 50.45, 30.52, id="geonames:703448", country="UA", geonameid=703448)
def parse(text):
    i = text.find("Kyiv")
    return [] if i < 0 else [Mention(i, i + 4, "Kyiv", kyiv)]
gdf = geonews.events(["Drones hit Kyiv overnight."] * 3, date="2025-12-02", geoparser=parse)
len(gdf)
"""


def _run(monkeypatch, *cells: str) -> list:
    bindir = str(Path(sys.executable).parent)
    monkeypatch.setenv("PATH", bindir + os.pathsep + os.environ.get("PATH", ""))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nbclient.NotebookClient(nb, kernel_name="python3", timeout=60).execute()
    return [o for c in nb.cells for o in c.outputs]


def _stderr(outputs: list) -> str:
    return "".join(o.get("text", "") for o in outputs if o.get("name") == "stderr")


def test_quiet_outside_a_terminal_or_kernel():
    assert not in_notebook() and not interactive()  # pytest captures stderr
    assert type(progress_bar([1], disable=True)).__module__ == "tqdm.std"


def test_events_show_a_widget_in_a_kernel(monkeypatch):
    pytest.importorskip("ipywidgets", reason="ipywidgets is the notebook extra")
    outputs = _run(monkeypatch, RUN)
    assert any(WIDGET in o.get("data", {}) for o in outputs if o.output_type == "display_data")
    assert "IProgress" not in _stderr(outputs) and "Warning" not in _stderr(outputs)


def test_without_ipywidgets_a_text_bar_and_no_iprogress_warning(monkeypatch):
    block = "import sys\nsys.modules['ipywidgets'] = None  # as if it were not installed"
    outputs = _run(monkeypatch, block, RUN)
    err = _stderr(outputs)
    assert "IProgress" not in err and "events: 3doc" in err
    assert not any(WIDGET in o.get("data", {}) for o in outputs)
    # what tqdm.auto, which geonews used before, says in the same kernel
    control = _stderr(_run(monkeypatch, block, "import tqdm.auto"))
    assert "IProgress not found" in control
