"""Names of many villages in sentences that name no other place: wrong places versus none.

Run from the project root::

    python bench/bench_lone_sentences.py

Reads ``tests/data/lone_sentences.csv``: sentences in the style of monitoring notes, each
with the name to look at and the GeoNames place it must reach, or no place when nothing
in the sentence says which of the name's namesakes is meant (any place is then wrong).
Each sentence goes through :func:`geonews.geoparse` on its own and the script prints, for
both kinds of row, how many came out right, wrong and unresolved, with the wrong ones.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import geonews

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "lone_sentences.csv"


def main() -> None:
    with DATA.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    tally: dict[str, Counter[str]] = {"a place": Counter(), "no place": Counter()}
    wrong = []
    for row in rows:
        found = [m for m in geonews.geoparse(row["sentence"]) if m.text == row["name"]]
        place = found[0].place if found else None
        kind = "a place" if row["expected_id"] else "no place"
        if place is None:
            verdict = "unresolved" if row["expected_id"] else "right"
        elif place.id == row["expected_id"]:
            verdict = "right"
        else:
            verdict = "wrong"
            wrong.append(f"{row['sentence']} -> {place.name} ({place.admin1 or place.country})")
        tally[kind][verdict] += 1
    for kind, counts in tally.items():
        n = sum(counts.values())
        parts = ", ".join(
            f"{v} {counts[v]}" for v in ("right", "wrong", "unresolved") if v in counts
        )
        print(f"sentences whose name has {kind}: {n} ({parts}); wrong {counts['wrong'] / n:.3f}")
    for w in wrong:
        print(f"  wrong: {w}")


if __name__ == "__main__":
    main()
