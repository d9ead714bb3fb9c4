"""Progress bars: a terminal bar on stderr, a widget in Jupyter, nothing in tests or pipes.

:func:`interactive` says whether a long run should show progress by default: when stderr
is a terminal, or inside a Jupyter kernel.  :func:`progress_bar` wraps an iterable in the
right tqdm: ``tqdm.notebook`` (an ipywidgets progress bar; ``pip install
"geonews[notebook]"``) in a Jupyter kernel that has ipywidgets, else ``tqdm.std``, which
in a kernel without ipywidgets prints a text bar instead of the "IProgress not found"
warning ``tqdm.auto`` gives (at import time, too).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from functools import cache
from typing import Any

__all__ = ["in_notebook", "interactive", "progress_bar"]


def in_notebook() -> bool:
    """Tell whether this process is a Jupyter kernel (notebook, lab, VS Code, Colab).

    Examples
    --------
    >>> in_notebook()  # under pytest
    False
    """
    if "ipykernel.zmqshell" not in sys.modules:
        return False
    if any(k == "QT_API" or k.startswith("SPYDER") for k in os.environ):
        return False  # a console front end: a text bar reads better
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return type(shell).__name__ == "ZMQInteractiveShell"


@cache
def _has_widgets() -> bool:
    try:
        import ipywidgets  # noqa: F401
    except ImportError:
        return False
    return True


def interactive() -> bool:
    """Whether progress shows by default: stderr is a terminal, or a Jupyter kernel runs us."""
    return sys.stderr.isatty() or in_notebook()


def progress_bar(items: Iterable[Any] | None, **options: Any) -> Any:
    """Wrap ``items`` in a tqdm bar: a widget in Jupyter (with ipywidgets), text otherwise.

    Parameters
    ----------
    items : iterable
    **options
        Passed to tqdm (``desc``, ``unit``, ``total``...).

    Returns
    -------
    tqdm.std.tqdm or tqdm.notebook.tqdm

    Examples
    --------
    >>> import io
    >>> bar = progress_bar(range(3), desc="demo", file=io.StringIO())
    >>> sum(bar), type(bar).__module__
    (3, 'tqdm.std')
    """
    if in_notebook() and _has_widgets():
        from tqdm.notebook import tqdm
    else:
        from tqdm.std import tqdm
    return tqdm(items, **options)
