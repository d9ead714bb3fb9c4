"""Spelling tolerance: accuracy on real-text spellings, wrong answers on names that are no place.

Run from the project root::

    python bench/bench_spellings.py

Reads ``tests/data/spellings.csv`` (rows of the ``realtext`` group: misspellings, Russian
forms and other romanisations as real English-language reporting writes them, each with
the GeoNames place it must reach) and ``tests/data/not_places.csv`` (common words, people,
Russian words and villages the gazetteer lacks: any place is a wrong answer), resolves each
with the default war context and prints the two figures (issue 15: >= 0.97 and <= 0.02)
with the names that missed.
"""

from __future__ import annotations

import csv
from pathlib import Path

from geonews.places.resolver import Resolver

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def main() -> None:
    resolver = Resolver()
    with (DATA / "spellings.csv").open(newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["group"] == "realtext"]
    misses = []
    for row in rows:
        place = resolver.get(row["spelling"])
        if place is None or place.id != row["expected_id"]:
            why = resolver.unresolved_reason(row["spelling"]) if place is None else place.id
            misses.append(f"{row['spelling']} -> {why}")
    with (DATA / "not_places.csv").open(newline="", encoding="utf-8") as f:
        names = [r["name"] for r in csv.DictReader(f)]
    wrong = [f"{n} -> {p.name} ({p.admin1})" for n in names if (p := resolver.get(n))]
    print(f"realtext spellings: accuracy {1 - len(misses) / len(rows):.3f} of {len(rows)}")
    for miss in misses:
        print(f"  miss: {miss}")
    print(f"names that are no place: wrong {len(wrong) / len(names):.3f} of {len(names)}")
    for w in wrong:
        print(f"  wrong: {w}")


if __name__ == "__main__":
    main()
