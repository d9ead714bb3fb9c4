"""Scoring geoparsing and event extraction against gold documents.

Gold documents come from :func:`geonews.evaluate.gold.load_gold` (the format is described
there); the scores are returned as :class:`~geonews.evaluate.report.Report` and
:class:`~geonews.evaluate.report.EventReport`.

Metrics (as in Gritta et al., "A pragmatic guide to geoparsing evaluation", 2019):

* **recognition** precision, recall and F1: a predicted mention matches a gold toponym
  when the spans overlap and the surface forms are the same after folding case, accents,
  apostrophes, possessives, a leading article or compass adjective and trailing generic
  words ("the Donetsk region" ~ "Donetsk", "The Kremlin" ~ "Kremlin"), so that sets with
  different boundary conventions score alike; one prediction matches at most one gold
  toponym.
* **resolution**, over recognised toponyms that have gold coordinates: Acc@161km (share
  of errors under 161 km), AUC of the curve of sorted ``ln(1 + km) / ln(20039)`` (0 is
  perfect, 1 is the worst), mean and median error in km.  A recognised mention left
  unresolved (``place is None``) counts as the largest possible error, 20,039 km.
* **role** accuracy over recognised toponyms whose gold has a role.

Gold toponyms of the GeoWebNews non-toponym types
(:data:`~geonews.evaluate.gold.NON_TOPONYM_TYPES`) are left out.
"""

from __future__ import annotations

import itertools
import logging
import math
import statistics
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from geonews._progress import interactive, progress_bar
from geonews.errors import InvalidInput
from geonews.evaluate.gold import gold_role, has_coords, load_gold, scored_toponyms
from geonews.evaluate.report import EventReport, Report
from geonews.places.names import key
from geonews.places.place import haversine_km

__all__ = [
    "MAX_ERROR_KM",
    "auc",
    "evaluate",
    "evaluate_events",
    "haversine",
    "main_eval",
    "match_mentions",
]

log = logging.getLogger("geonews")

#: Half the Earth's circumference: the largest possible error, in km.
MAX_ERROR_KM = 20039.0
_MATCH_MODES = ("surface", "overlap", "exact")


#: The great-circle distance in km: :func:`geonews.places.haversine_km` (one formula, one
#: Earth radius), under the name this module has always exported.
haversine = haversine_km


def auc(errors_km: Iterable[float]) -> float | None:
    """Return the area under the sorted log-error curve (lower is better).

    Errors are sorted, scaled to ``ln(1 + km) / ln(20039)`` and integrated with the
    trapezoidal rule over ``[0, 1]``, as in Gritta et al. (2019). ``None`` for no errors.

    Parameters
    ----------
    errors_km : iterable of float
        Resolution errors in km.

    Returns
    -------
    float or None

    Examples
    --------
    >>> auc([0.0, 0.0])
    0.0
    >>> round(auc([MAX_ERROR_KM - 1]), 6)
    1.0
    >>> round(auc([0.0, MAX_ERROR_KM - 1]), 3)
    0.5
    """
    ys = sorted(math.log1p(min(e, MAX_ERROR_KM)) / math.log(MAX_ERROR_KM) for e in errors_km)
    if not ys:
        return None
    if len(ys) == 1:
        return ys[0]
    area = sum((a + b) / 2 for a, b in itertools.pairwise(ys))
    return area / (len(ys) - 1)


#: Words that set a name's boundary differently between annotation conventions; dropped
#: before surface forms are compared ("the Donetsk region" ~ "Donetsk", "The Kremlin" ~
#: "Kremlin", "eastern Ukraine" ~ "Ukraine", "Oskil River" ~ "Oskil").
_LEADING_WORDS = frozenset({"the", "eastern", "western", "northern", "southern", "central"})
_TRAILING_WORDS = frozenset(
    {"region", "regions", "oblast", "oblasts", "province", "district", "direction", "river"}
)


def _fold(surface: str) -> str:
    """Key for comparing surface forms.

    Possessive dropped, :func:`geonews.places.names.key` (case, accents, apostrophes, hyphens,
    Cyrillic), then a leading article or compass adjective and trailing generic words
    (region, oblast, province, district, direction, river) dropped.

    Examples
    --------
    >>> [_fold(s) for s in ("Kyiv's", "the Donetsk region", "eastern Ukraine", "ZAPORIZHZHIA")]
    ['kyiv', 'donetsk', 'ukraine', 'zaporizhzhia']
    """
    s = surface.strip()
    if s[-2:] in ("'s", "\u2019s"):
        s = s[:-2]
    try:
        words = key(s).split()
    except InvalidInput:
        words = s.casefold().split()
    core = list(words)
    while len(core) > 1 and core[0] in _LEADING_WORDS:
        core.pop(0)
    while len(core) > 1 and core[-1] in _TRAILING_WORDS:
        core.pop()
    return " ".join(core)


def _spans_match(g: Mapping[str, Any], m: Any, text: str, mode: str) -> bool:
    if mode == "exact":
        return g["start"] == m.start and g["end"] == m.end
    if not (m.start < g["end"] and g["start"] < m.end):
        return False
    if mode == "overlap":
        return True
    surface = getattr(m, "text", None) or text[m.start : m.end]
    return _fold(surface) == _fold(text[g["start"] : g["end"]])


def match_mentions(
    doc: Mapping[str, Any], mentions: Sequence[Any], *, match: str = "surface"
) -> list[tuple[dict[str, Any], Any]]:
    """Pair gold toponyms with predicted mentions one-to-one, in text order.

    Parameters
    ----------
    doc : mapping
        A gold document (``text`` and ``toponyms``).
    mentions : sequence of Mention
        Predictions for ``doc["text"]`` (anything with ``start``, ``end``, ``text``).
    match : {"surface", "overlap", "exact"}
        ``surface``: overlapping spans with the same folded surface form (the default;
        see the module docstring for the folding);
        ``overlap``: any overlap; ``exact``: identical offsets.

    Returns
    -------
    list of (gold toponym, mention)

    Examples
    --------
    >>> from geonews.mentions import Mention
    >>> doc = {"text": "Kyiv's allies met in Berlin.", "toponyms": [
    ...     {"start": 0, "end": 4, "name": "Kyiv"}, {"start": 21, "end": 27, "name": "Berlin"}]}
    >>> pairs = match_mentions(doc, [Mention(0, 6, "Kyiv's"), Mention(21, 27, "Berlin")])
    >>> [(g["name"], m.text) for g, m in pairs]
    [('Kyiv', "Kyiv's"), ('Berlin', 'Berlin')]
    """
    if match not in _MATCH_MODES:
        raise InvalidInput(f"match must be one of {_MATCH_MODES}, not {match!r}")
    text = doc["text"]
    free = sorted(_unique_spans(mentions), key=lambda m: (m.start, m.end))
    pairs = []
    for g in sorted(scored_toponyms(doc), key=lambda t: (t["start"], t["end"])):
        for i, m in enumerate(free):
            if _spans_match(g, m, text, match):
                pairs.append((g, free.pop(i)))
                break
    return pairs


def _unique_spans(mentions: Iterable[Any]) -> list[Any]:
    seen, out = set(), []
    for m in mentions:
        if (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            out.append(m)
    return out


def _progress(items: Sequence[Any], *, enabled: bool | None, desc: str) -> Iterable[Any]:
    """Wrap ``items`` in a tqdm bar when interactive (``enabled=None``) or asked to."""
    if enabled is None:
        enabled = interactive()
    if not enabled:
        return items
    return progress_bar(items, desc=desc, total=len(items))


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _label(docs: Sequence[Mapping[str, Any]], name: str | None) -> str:
    """Report label: ``name``, else the documents' datasets joined with ``+``."""
    if name is not None:
        return name
    return "+".join(sorted({str(d.get("dataset", "gold")) for d in docs})) or "gold"


#: Where the default predictor and extractor live when ``geonews`` does not export them.
_DEFAULT_HOMES = {"geoparse": "geonews.mentions", "events": "geonews.activity"}


def _default(attr: str) -> Callable[..., Any]:
    """Return ``geonews.<attr>``, or the function from its module; InvalidInput if absent."""
    import importlib

    import geonews

    found = getattr(geonews, attr, None)
    if found is None:
        try:
            found = getattr(importlib.import_module(_DEFAULT_HOMES[attr]), attr, None)
        except ModuleNotFoundError:
            found = None
    if found is None:
        raise InvalidInput(
            f"geonews.{attr} is not available in this build; pass a callable instead"
        )
    return found


def _limited(gold: Iterable[Mapping[str, Any]], limit: int | None) -> list[Mapping[str, Any]]:
    if limit is not None and (not isinstance(limit, int) or limit < 0):
        raise InvalidInput(f"limit must be a non-negative int or None, not {limit!r}")
    docs = list(gold)
    return docs if limit is None else docs[:limit]


def evaluate(
    gold: Iterable[Mapping[str, Any]],
    predict: Callable[[str], Sequence[Any]] | None = None,
    *,
    limit: int | None = None,
    match: str = "surface",
    name: str | None = None,
    progress: bool | None = None,
) -> Report:
    """Score a geoparser on gold documents.

    Parameters
    ----------
    gold : iterable of dict
        Gold documents, e.g. from :func:`load_gold`.
    predict : callable, optional
        ``text -> list[Mention]``; defaults to :func:`geonews.geoparse`.
    limit : int, optional
        Score only the first ``limit`` documents (quick runs).
    match : {"surface", "overlap", "exact"}
        How predicted spans meet gold spans (see :func:`match_mentions`).
    name : str, optional
        Label for the report (defaults to the documents' ``dataset``).
    progress : bool, optional
        Show a progress bar; by default only when stderr is a terminal.

    Returns
    -------
    Report

    Examples
    --------
    >>> from geonews.mentions import Mention
    >>> from geonews.places import Place
    >>> doc = {"dataset": "demo", "text": "Talks in Geneva, strikes on Odesa.", "toponyms": [
    ...     {"start": 9, "end": 15, "name": "Geneva", "lat": 46.20, "lon": 6.15,
    ...      "role": "literal"},
    ...     {"start": 28, "end": 33, "name": "Odesa", "lat": 46.49, "lon": 30.74}]}
    >>> def predict(text):
    ...     return [Mention(9, 15, "Geneva", Place("Geneva", 46.2, 6.15, id="x"))]
    >>> r = evaluate([doc], predict)
    >>> r.precision, r.recall, r.acc_161km, r.role_accuracy
    (1.0, 0.5, 1.0, 1.0)
    """
    if predict is None:
        predict = _default("geoparse")
    if match not in _MATCH_MODES:
        raise InvalidInput(f"match must be one of {_MATCH_MODES}, not {match!r}")
    docs = _limited(gold, limit)
    n_gold = n_pred = n_matched = n_roles = n_role_ok = n_unresolved = 0
    errors: list[float] = []
    seconds = 0.0
    for doc in _progress(docs, enabled=progress, desc="evaluate"):
        t0 = time.perf_counter()
        mentions = list(predict(doc["text"]))
        seconds += time.perf_counter() - t0
        n_gold += len(scored_toponyms(doc))
        n_pred += len(_unique_spans(mentions))
        pairs = match_mentions(doc, mentions, match=match)
        n_matched += len(pairs)
        for g, m in pairs:
            if has_coords(g):
                place = getattr(m, "place", None)
                if place is None:
                    n_unresolved += 1
                    errors.append(MAX_ERROR_KM)
                else:
                    errors.append(haversine(g["lat"], g["lon"], place.lat, place.lon))
            role = gold_role(g)
            if role is not None:
                n_roles += 1
                n_role_ok += getattr(m, "role", "literal") == role
    precision, recall = _ratio(n_matched, n_pred), _ratio(n_matched, n_gold)
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
    if precision is not None and recall is not None and f1 is None:
        f1 = 0.0
    return Report(
        name=_label(docs, name),
        n_docs=len(docs),
        n_gold=n_gold,
        n_predicted=n_pred,
        n_matched=n_matched,
        precision=precision,
        recall=recall,
        f1=f1,
        n_resolution=len(errors),
        n_unresolved=n_unresolved,
        acc_161km=_ratio(sum(e < 161.0 for e in errors), len(errors)),
        auc=auc(errors),
        mean_error_km=statistics.fmean(errors) if errors else None,
        median_error_km=statistics.median(errors) if errors else None,
        n_roles=n_roles,
        role_accuracy=_ratio(n_role_ok, n_roles),
        seconds=seconds,
        docs_per_second=len(docs) / seconds if seconds > 0 else None,
        errors_km=errors,
    )


def main_eval(path: str | Path, *, limit: int | None = None) -> Report:
    """Score :func:`geonews.geoparse` on a gold JSONL file (``geonews eval GOLD.jsonl``).

    Parameters
    ----------
    path : str or Path
        Gold JSONL file.
    limit : int, optional
        Score only the first ``limit`` documents.

    Returns
    -------
    Report
    """
    path = Path(path)
    return evaluate(load_gold(path), limit=limit, name=path.stem)


# --------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------
_EVENT_FIELDS = (
    "event_type", "sub_type", "status", "modality", "claimant", "date", "date_end",
)  # fmt: skip


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, NaT
    except (TypeError, ValueError):  # pandas.NA
        return True


def _as_int(value: Any) -> int | None:
    if _missing(value):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _as_date(value: Any) -> str | None:
    if _missing(value):
        return None
    return str(value)[:10]


def _records(result: Any) -> list[dict[str, Any]]:
    """Rows of an extractor's answer: a (Geo)DataFrame or an iterable of mappings."""
    if hasattr(result, "to_dict") and hasattr(result, "columns"):
        result = result.to_dict("records")
    rows = []
    for row in result:
        r = dict(row)
        rows.append(
            {
                **{f: None if _missing(r.get(f)) else r.get(f) for f in _EVENT_FIELDS},
                "place": r.get("place_name", r.get("place")),
                "place_text": r.get("place_text"),
                "geonameid": _as_int(r.get("geonameid")),
                "date": _as_date(r.get("date")),
                "date_end": _as_date(r.get("date_end")),
            }
        )
    return rows


def _place_keys(*names: Any) -> set[str]:
    return {_fold(n) for n in names if isinstance(n, str) and n.strip()}


def _same_place(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    gid, pid = _as_int(g.get("geonameid")), p.get("geonameid")
    if gid is not None and pid is not None:
        return gid == pid
    gold = _place_keys(g.get("place"), g.get("place_text"), *g.get("alt_places", ()))
    return bool(gold & _place_keys(p.get("place"), p.get("place_text")))


def _same_date(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    start, end, got = g.get("date"), g.get("date_end") or g.get("date"), p.get("date")
    return got is not None and start <= got <= end


def _claimant_match(g: Any, p: Any) -> bool:
    """Loose: both absent, or they share a content word ("Russian defence ministry")."""
    if not g or not p:
        return not g and not p
    stop = {"the", "of", "s", "a", "an", "and"}
    return bool((set(_fold(g).split()) - stop) & (set(_fold(p).split()) - stop))


def _pair_events(gold: list[Mapping[str, Any]], pred: list[dict[str, Any]]) -> list[tuple]:
    """Greedy one-to-one pairing on place, preferring agreement on type, status, modality."""
    scored = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if _same_place(g, p):
                score = (
                    4 * (g["event_type"] == p["event_type"])
                    + 2 * (g.get("sub_type") == p.get("sub_type"))
                    + (g.get("status") == p.get("status"))
                    + (g.get("modality") == p.get("modality"))
                )
                scored.append((-score, i, j))
    pairs, used_g, used_p = [], set(), set()
    for _, i, j in sorted(scored):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((gold[i], pred[j]))
    return pairs


def evaluate_events(
    gold: Iterable[Mapping[str, Any]],
    extract: Callable[..., Any] | None = None,
    *,
    limit: int | None = None,
    name: str | None = None,
    progress: bool | None = None,
) -> EventReport:
    """Score event extraction on gold documents that carry ``events``.

    Parameters
    ----------
    gold : iterable of dict
        Gold documents with an ``events`` list (e.g. ``tests/data/war_news.jsonl``).
    extract : callable, optional
        Called as ``extract(text, date=doc_date)``; returns a (Geo)DataFrame with the
        events schema or an iterable of dicts with ``event_type``, ``sub_type``,
        ``place_name`` (or ``place``), ``place_text``, ``geonameid``, ``status``,
        ``modality``, ``claimant``, ``date``. Defaults to :func:`geonews.events`.
    limit : int, optional
        Score only the first ``limit`` documents.
    name : str, optional
        Label for the report.
    progress : bool, optional
        Show a progress bar; by default only when stderr is a terminal.

    Returns
    -------
    EventReport

    Examples
    --------
    >>> doc = {"dataset": "demo", "date": "2025-12-03", "text": "Talks in Moscow.",
    ...        "events": [{"event_type": "Diplomacy", "sub_type": "Talks", "place": "Moscow",
    ...                    "geonameid": 524901, "status": "reported", "modality": "actual",
    ...                    "claimant": None, "date": "2025-12-03"}]}
    >>> def extract(text, *, date=None):
    ...     return [{"event_type": "Diplomacy", "sub_type": "Talks", "place_name": "Moscow",
    ...              "geonameid": 524901, "status": "claimed", "date": date}]
    >>> r = evaluate_events([doc], extract)
    >>> r.place_recall, r.type_accuracy, r.status_accuracy, r.date_accuracy
    (1.0, 1.0, 0.0, 1.0)
    """
    if extract is None:
        extract = _default("events")
    docs = _limited(gold, limit)
    n_gold = n_pred = 0
    pairs: list[tuple] = []
    seconds = 0.0
    for doc in _progress(docs, enabled=progress, desc="evaluate events"):
        t0 = time.perf_counter()
        pred = _records(extract(doc["text"], date=doc.get("date")))
        seconds += time.perf_counter() - t0
        gold_events = list(doc.get("events") or ())
        n_gold += len(gold_events)
        n_pred += len(pred)
        pairs.extend(_pair_events(gold_events, pred))

    def acc(f: str) -> float | None:
        return _ratio(sum(g.get(f) == p.get(f) for g, p in pairs), len(pairs))

    dated = [(g, p) for g, p in pairs if g.get("date")]
    return EventReport(
        name=_label(docs, name),
        n_docs=len(docs),
        n_gold=n_gold,
        n_predicted=n_pred,
        n_matched=len(pairs),
        place_recall=_ratio(len(pairs), n_gold),
        precision=_ratio(len(pairs), n_pred),
        type_accuracy=acc("event_type"),
        sub_type_accuracy=acc("sub_type"),
        status_accuracy=acc("status"),
        modality_accuracy=acc("modality"),
        claimant_accuracy=_ratio(
            sum(_claimant_match(g.get("claimant"), p.get("claimant")) for g, p in pairs),
            len(pairs),
        ),
        n_dated=len(dated),
        date_accuracy=_ratio(sum(_same_date(g, p) for g, p in dated), len(dated)),
        seconds=seconds,
        docs_per_second=len(docs) / seconds if seconds > 0 else None,
    )
