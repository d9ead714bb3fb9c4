"""Pairing places with triggers answers as the plain scan did, in O(log n) a lookup."""

from __future__ import annotations

import random

from geonews.activity.clauses import span_gap
from geonews.activity.placing import Nearest


def test_nearest_span_is_the_first_least_gap_in_order_of_start():
    rng = random.Random(7)
    for _ in range(300):
        spans = []
        for _ in range(rng.randint(1, 12)):
            a = rng.randint(0, 200)
            spans.append((a, a + rng.randint(1, 30)))
        spans.sort(key=lambda x: x[0])  # the order triggers come in: by start
        index = Nearest(spans, lambda x: x[0], lambda x: x[1])
        for _ in range(20):
            s = rng.randint(0, 240)
            e = s + rng.randint(1, 15)
            expected = min(spans, key=lambda x: span_gap(x[0], x[1], s, e))
            assert index.of(s, e) is expected, (spans, s, e)
