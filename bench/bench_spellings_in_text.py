"""Spellings seen in print, inside sentences: what `geoparse` makes of them in running text.

Run from the project root::

    python bench/bench_spellings_in_text.py

``bench/bench_spellings.py`` asks the resolver for each form alone; here every form of
``tests/data/spellings.csv`` (group ``realtext``) and every name of
``tests/data/not_places.csv`` is written into sentences of war reporting, and the
whole pipeline reads them: the recogniser must find the form (a misspelt name is no
known name: only its context says it is a place), the disambiguator must keep it.  Each
template puts the name in another context: after a verb that takes a place, in a list
after a known town, and as the subject of its sentence with no cue at all.  A form is
right when a mention covering it has the expected place, wrong when it has another one,
and missed when no mention covers it; a name that is no place is wrong when any mention
covering it has a place.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import geonews

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
TEMPLATES = {
    "cue": "Russian forces shelled {} on Monday, the regional governor said.",
    "list": "Fighting went on near Pokrovsk and {} overnight.",
    "subject": "{} came under fire again, officials said.",
}


def _covering(text: str, start: int, end: int):
    for m in geonews.geoparse(text):
        if m.start < end and start < m.end:
            return m
    return None


def main() -> None:
    with (DATA / "spellings.csv").open(newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["group"] == "realtext"]
    with (DATA / "not_places.csv").open(newline="", encoding="utf-8") as f:
        names = [r["name"] for r in csv.DictReader(f)]
    print(f"{len(rows)} spellings, {len(names)} names that are no place")
    print("| context | right | wrong | missed | no place answered |")
    print("|---|---:|---:|---:|---:|")
    misses: list[str] = []
    for label, template in TEMPLATES.items():
        tally: Counter[str] = Counter()
        for row in rows:
            text = template.format(row["spelling"])
            start = template.index("{}")
            m = _covering(text, start, start + len(row["spelling"]))
            if m is None or m.place is None:
                tally["missed"] += 1
            elif m.place.id == row["expected_id"]:
                tally["right"] += 1
            else:
                tally["wrong"] += 1
                misses.append(f"{label}: {row['spelling']} -> {m.place.name} ({m.place.admin1})")
        wrong_names = 0
        for name in names:
            text = template.format(name)
            start = template.index("{}")
            m = _covering(text, start, start + len(name))
            wrong_names += m is not None and m.place is not None
        n = len(rows)
        print(
            f"| {label} | {tally['right'] / n:.3f} | {tally['wrong'] / n:.3f} | "
            f"{tally['missed'] / n:.3f} | {wrong_names / len(names):.3f} |"
        )
    for miss in misses:
        print(f"  wrong: {miss}")


if __name__ == "__main__":
    main()
