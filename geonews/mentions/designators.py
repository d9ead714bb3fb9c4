"""Region designators that reach past the name they stand next to.

The recogniser reads "the Kursk region" and "Kursk and Bryansk regions" as regions.  A
plural designator also covers a longer list, and a designator before the names covers
them too:

* ``"the Bryansk, Belgorod, Oryol and Kursk regions"``: every item of the list;
* ``"regions, including Kharkiv, Sumy and Poltava"``, ``"the oblasts of Kherson and
  Mykolaiv"``: the list after the designator;
* ``"the province of Luhansk"``: the one name after it;
* ``"Kherson – the only region ..."``: a designator in apposition after one name;
* ``"Bryansk (5 UAVs), Kursk (3) and Belgorod (1)"``: a tally of drones by region, the
  defence ministry's style, with or without a designator.

:func:`spread_designators` gives those spans the region's name key (cue ``"region"``), so
the region is looked up and the name is resolved apart from the city of the same name the
text may give elsewhere (one sense per discourse holds per name key).

Examples
--------
>>> from geonews.mentions.document import Span
>>> from geonews.places import default_gazetteer
>>> text = "Drones flew over the Oryol, Bryansk and Kursk regions."
>>> spans = [Span(21, 26, "Oryol", "oryol"), Span(28, 35, "Bryansk", "bryansk"),
...          Span(40, 45, "Kursk", "kursk region", cue="region")]
>>> [sp.key for sp in spread_designators(text, spans, default_gazetteer().has_key)]
['oryol region', 'bryansk region', 'kursk region']
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from geonews.mentions.document import Span
from geonews.places import key

__all__ = ["LIST_ON", "list_runs", "spread_designators"]

#: A count, in figures or words.
_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
#: A count in brackets after a list item: "Bryansk (5 UAVs)", "Kursk (3)".
_COUNT = rf"\s*\(\s*{_NUMBER}\b[^()]{{0,24}}\)"
#: What stands between two items of a list: ", ", " and ", ", or ", perhaps after a count.
LIST_ON = re.compile(rf"(?:{_COUNT})?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)", re.I)
#: A count of drones or missiles, or a bare number, after a list item: the Russian defence
#: ministry's tally by region ("Bryansk (5 UAVs), Kursk (3)"), not shells by village.
_AIR_COUNT = re.compile(
    rf"\s*\(\s*{_NUMBER}\s*"
    r"(?:(?:UAVs?|drones?|missiles?|Shaheds?|aircraft)\b[^()]{0,16})?\)",
    re.I,
)
#: A plural designator right after the last item: "... and Kursk regions".
_PLURAL_AFTER = re.compile(r"\s+(?:regions|oblasts|provinces)\b", re.I)
#: A plural designator that opens a list: "regions, including", "the oblasts of",
#: "regions bordering Ukraine, including".
_PLURAL_BEFORE = re.compile(
    r"\b(?:regions|oblasts|provinces)(?:\s+(?:bordering|near|along|of|in)(?:\s+[\w'’-]+){1,2})?"
    r"\s*(?:,\s*)?"
    r"(?:(?:including|such\s+as|like|namely|of|notably|especially)\s+|:\s*)(?:the\s+)?$",
    re.I,
)
#: A singular designator before one name: "the province of Luhansk".
_SINGULAR_BEFORE = re.compile(r"\b(?:region|oblast|province)\s+of\s+(?:the\s+)?$", re.I)
#: A designator in apposition after one name: "Kherson – the only region", "Sumy, a
#: region bordering Russia"; not "Kupiansk, a town in the Kharkiv region" (no words of
#: place between the article and the designator).
_APPOSITION = re.compile(
    r"\s*[,\u2013\u2014]\s*(?:the|a|an)\s+"
    r"(?:(?!(?:in|of|near|on|at|from|and|or|city|town|village)\b)[\w'’-]+\s+){0,2}"
    r"(?:region|oblast|province)\b",
    re.I,
)
#: Characters before a span searched for a designator that opens it.
_LOOKBACK = 48
#: Fewest names, each with a count of drones, that make a tally by region.
_MIN_TALLY = 2


def spread_designators(text: str, spans: list[Span], has_key: Callable[[str], bool]) -> list[Span]:
    """``spans`` with the region key for each name a designator covers.

    Parameters
    ----------
    text : str
        The document's text.
    spans : list of Span
        Its candidate toponyms, in order.
    has_key : callable
        Whether the gazetteer knows a name key (a name is made a region only when the
        region is known by it).
    """
    out = list(spans)
    for run in list_runs(text, out):
        first, last = run[0], run[-1]
        before = text[max(0, out[first].start - _LOOKBACK) : out[first].start]
        if out[last].cue == "region" and _PLURAL_AFTER.match(text, out[last].end):
            covered = range(first, last)
        elif _PLURAL_BEFORE.search(before):
            covered = range(first, last + 1)
        elif _SINGULAR_BEFORE.search(before):
            covered = range(first, first + 1)
        elif len(run) >= _MIN_TALLY and all(_AIR_COUNT.match(text, out[i].end) for i in run):
            covered = range(first, last + 1)
        elif first == last and _APPOSITION.match(text, out[last].end):
            covered = range(first, first + 1)
        else:
            continue
        for i in covered:
            sp = out[i]
            if sp.cue is not None:
                continue
            rk = key(sp.text + " region")
            if has_key(rk):
                out[i] = dataclasses.replace(sp, key=rk, cue="region")
    return out


def list_runs(text: str, spans: list[Span]) -> list[list[int]]:
    """Runs of span indices that the text joins as a list (a single span is a run).

    >>> from geonews.mentions.document import Span
    >>> text = "Kursk (4), Bryansk (2) and Oryol; Kyiv"
    >>> spans = [Span(0, 5, "Kursk", "kursk"), Span(11, 18, "Bryansk", "bryansk"),
    ...          Span(27, 32, "Oryol", "oryol"), Span(34, 38, "Kyiv", "kyiv")]
    >>> list_runs(text, spans)
    [[0, 1, 2], [3]]
    """
    runs: list[list[int]] = []
    for i, sp in enumerate(spans):
        if (
            runs
            and not text[spans[i - 1].end : sp.start].isspace()  # a list says "," or "and"
            and LIST_ON.fullmatch(text, spans[i - 1].end, sp.start)
        ):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs
