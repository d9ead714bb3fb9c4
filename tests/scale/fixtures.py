"""Shared by test_dask.py and test_scale.py: a small synthetic corpus and frame helpers."""

from __future__ import annotations

import random

import pandas as pd

PLACES = ["Pokrovsk", "Kharkiv", "Kupiansk", "Odesa", "Krasnoarmeysk", "Sumy", "Kherson"]
SENTENCES = [
    "Russian forces shelled {p} overnight, the regional governor said.",
    "Clashes continued near {p}, Ukraine's General Staff said.",
    "Russia's defence ministry said its forces had captured {p}.",
    "A drone struck an apartment block in {p}, killing {n} people.",
    "Residents of {p} protested on Sunday.",
    "Envoys will meet in Geneva on Tuesday.",
]


def dispatches(count: int, *, seed: int = 3):
    """Short synthetic dispatches (dicts with ids and dates); every 25th has no text."""
    rng = random.Random(seed)
    for i in range(count):
        text = " ".join(
            rng.choice(SENTENCES).format(p=rng.choice(PLACES), n=rng.randint(1, 9))
            for _ in range(rng.randint(1, 3))
        )
        yield {
            "doc_id": f"d{i:04d}",
            "text": "" if i % 25 == 7 else text,
            "date": f"2025-11-{1 + i % 28:02d}",
            "url": f"https://wire.example/{i}",
        }


def ordered(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["doc_id", "event_id"]).reset_index(drop=True)
