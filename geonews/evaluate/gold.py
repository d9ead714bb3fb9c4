"""Gold files: reading them, and the parts of a gold record that are scored.

Gold files use the format of the shared geoparsing benchmarks (one JSON document a line)::

    {"doc_id", "dataset", "text", "date"?,
     "toponyms": [{"start", "end", "name", "lat"?, "lon"?, "geonameid"?, "role"?, "type"?}],
     "events"?: [{"event_type", "sub_type", "place", "place_text", "geonameid", "status",
                  "modality", "claimant", "date", "date_end", "alt_places"?}]}

GeoWebNews labels non-toponyms (demonyms, languages, homonyms and "expressions" such as
*citizens*) in the same list; they are left out of the gold by default
(:data:`NON_TOPONYM_TYPES`).  How the records are scored is in
:mod:`geonews.evaluate.metrics`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from geonews.errors import DataError

__all__ = ["NON_TOPONYM_TYPES", "gold_role", "has_coords", "load_gold", "scored_toponyms"]

#: GeoWebNews annotation types that are not toponyms.
NON_TOPONYM_TYPES = frozenset(
    {"Literal_Expression", "Non_Lit_Expression", "Demonym", "Language", "Homonym"}
)
#: GeoWebNews types that carry an unambiguous role.
_TYPE_ROLES = {"Literal": "literal", "Metonymic": "metonym"}


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    r"""Read a gold JSONL file: one document a line, offsets checked.

    Parameters
    ----------
    path : str or Path
        A JSONL file in the format of ``../shared/data/geoparse/*.jsonl``.

    Returns
    -------
    list of dict
        The documents, in file order.

    Raises
    ------
    FileNotFoundError
        When ``path`` does not exist.
    DataError
        When a line is not JSON, lacks ``text`` or ``toponyms``, or a span does not
        cover its surface form (``text[start:end] != name``).

    Examples
    --------
    >>> import json, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "gold.jsonl"
    >>> doc = {"doc_id": "d1", "text": "Shelling in Pokrovsk.", "toponyms": [
    ...     {"start": 12, "end": 20, "name": "Pokrovsk", "lat": 48.28, "lon": 37.18}]}
    >>> _ = path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    >>> [d["doc_id"] for d in load_gold(path)]
    ['d1']
    """
    path = Path(path)
    docs = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as err:
                raise DataError(f"{str(path)!r} line {lineno}: not JSON ({err})") from err
            if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
                raise DataError(f"{str(path)!r} line {lineno}: no 'text' string")
            doc.setdefault("doc_id", f"{path.stem}:{lineno}")
            for t in doc.setdefault("toponyms", []):
                surface = doc["text"][t["start"] : t["end"]]
                if "name" in t and surface != t["name"]:
                    raise DataError(
                        f"{str(path)!r} line {lineno}: span {t['start']}:{t['end']} is "
                        f"{surface!r}, not {t['name']!r}"
                    )
            docs.append(doc)
    return docs


def scored_toponyms(doc: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Return the scored gold toponyms: non-toponym types dropped, spans deduplicated.

    Parameters
    ----------
    doc : mapping
        A gold document (its ``toponyms`` list).

    Returns
    -------
    list of dict
        The toponyms in file order, each span once, without :data:`NON_TOPONYM_TYPES`.

    Examples
    --------
    >>> doc = {"toponyms": [{"start": 0, "end": 4}, {"start": 0, "end": 4},
    ...                     {"start": 6, "end": 15, "type": "Demonym"}]}
    >>> scored_toponyms(doc)
    [{'start': 0, 'end': 4}]
    """
    seen, out = set(), []
    for t in doc.get("toponyms", ()):
        if t.get("type") in NON_TOPONYM_TYPES or (t["start"], t["end"]) in seen:
            continue
        seen.add((t["start"], t["end"]))
        out.append(t)
    return out


def gold_role(t: Mapping[str, Any]) -> str | None:
    """Return a gold toponym's role: its ``role``, else the one its GeoWebNews type implies.

    Parameters
    ----------
    t : mapping
        A gold toponym (its ``role`` and ``type``).

    Returns
    -------
    str or None
        ``"literal"``, ``"metonym"`` (or the gold's own label), or None when unknown.

    Examples
    --------
    >>> gold_role({"role": "literal"}), gold_role({"type": "Metonymic"}), gold_role({})
    ('literal', 'metonym', None)
    """
    return t.get("role") or _TYPE_ROLES.get(t.get("type") or "")


def has_coords(t: Mapping[str, Any]) -> bool:
    """Tell whether a gold toponym has coordinates (so its resolution can be scored).

    Parameters
    ----------
    t : mapping
        A gold toponym (its ``lat`` and ``lon``).

    Returns
    -------
    bool

    Examples
    --------
    >>> has_coords({"lat": 48.28, "lon": 37.18}), has_coords({"lat": 48.28, "lon": None})
    (True, False)
    """
    return t.get("lat") is not None and t.get("lon") is not None
