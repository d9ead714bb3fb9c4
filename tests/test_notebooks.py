"""Every notebook in notebooks/ runs top to bottom in a fresh python3 kernel, offline.

The kernel's working directory is ``notebooks/`` (as when a user opens the notebook in
Jupyter) and it imports this checkout of geonews.  Notebooks are committed without
outputs; that is checked too.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.notebooks

nbformat = pytest.importorskip("nbformat", reason="nbformat is in the test extra")
nbclient = pytest.importorskip("nbclient", reason="nbclient is in the test extra")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
#: Notebooks that draw the shared front-line snapshots, and where those are.
FRONTLINE_NOTEBOOKS = ("03_frontline", "06_verify_claims")
FRONTLINE_DATA = ROOT.parent / "shared" / "data" / "frontline"
#: Seconds a cell may take (nbclient's timeout is per cell).
CELL_TIMEOUT = 60


def test_the_notebooks_are_there():
    assert [p.stem for p in NOTEBOOKS] == [
        "01_quickstart",
        "02_aliases_and_ambiguity",
        "03_frontline",
        "04_corpus",
        "05_compare_with_acled",
        "06_verify_claims",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, f"{path.name} has no code"
    assert all(c.outputs == [] and c.execution_count is None for c in code)


def _execute(path: Path, cwd: Path, monkeypatch: pytest.MonkeyPatch) -> list:
    """Run a notebook in a fresh kernel started in ``cwd``; return its outputs."""
    # the kernel is "python3" started as `python -m ipykernel_launcher`: make `python` this
    # interpreter, import this checkout, and draw plots without a display
    bindir = str(Path(sys.executable).parent)
    monkeypatch.setenv("PATH", bindir + os.pathsep + os.environ.get("PATH", ""))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        kernel_name="python3",
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(cwd)}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, when one fails
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    return outputs


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_top_to_bottom(path, monkeypatch):
    if path.stem in FRONTLINE_NOTEBOOKS and not FRONTLINE_DATA.is_dir():
        pytest.skip(
            f"front-line snapshots absent ({FRONTLINE_DATA}): without them the notebook only"
            " says so (test_frontline_notebooks_without_data_say_so_and_skip)"
        )
    outputs = _execute(path, path.parent, monkeypatch)
    assert any(o.output_type in ("execute_result", "display_data") for o in outputs)


@pytest.mark.parametrize("name", FRONTLINE_NOTEBOOKS)
def test_frontline_notebooks_without_data_say_so_and_skip(name, tmp_path, monkeypatch):
    # run from a folder with no project (hence no ../shared/data) above it
    path = ROOT / "notebooks" / f"{name}.ipynb"
    outputs = _execute(path, tmp_path, monkeypatch)
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "No front-line snapshots found" in printed
    assert not [o for o in outputs if o.output_type in ("execute_result", "display_data")]
