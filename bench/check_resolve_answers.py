"""Check that two versions of geonews resolve the bench's names identically.

Resolves every name of the all-distinct list of ``bench_resolve.py`` (news toponyms, this
project's spelling list, every UA/RU/BY/PL settlement of the gazetteer) with this
checkout and with another one (a fresh process with ``PYTHONPATH`` on it), and compares
every answer: the ranked candidates (place id, match label, score, in order; every field
of each, ``raw`` included), the answer of ``get`` and the reason a name found nothing; a
seventh of the names again with ``date=``, ``region=`` and ``near=``, and with
``country_bias=None``.  Run from the project root::

    git archive main | tar -x -C /tmp/geonews-main
    python bench/check_resolve_answers.py --against /tmp/geonews-main

Exit status 1 when any answer differs (the first differences are printed).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: Candidates compared per name.
LIMIT = 10
#: Every n-th name is also looked up with the keyword arguments below.
EVERY = 7
#: The extra look-ups: a date before the 2016 renamings, a region, a point, no context.
VARIANTS = (
    {"date": "2010-05-01"},
    {"date": "2023-06-01", "region": "Donetsk"},
    {"near": (48.28, 37.18)},
    {"country_bias": None},
)


def answers() -> list:
    """Every answer of this process's geonews, in the list's order."""
    sys.path.insert(0, str(HERE))
    from bench_resolve import _names

    from geonews.places.resolver import Resolver

    _, distinct = _names()
    r = Resolver()
    out = []

    def one(name: str, **kwargs) -> list:
        found = r.candidates(name, limit=LIMIT, **kwargs)
        best = r.get(name, **kwargs)  # the short path of a single answer
        return [
            [p.id for p in found],
            [p.matched for p in found],
            [p.score for p in found],
            None if found else r.unresolved_reason(name),
            [p.to_dict() for p in found],  # every field of every candidate, raw included
            None if best is None else best.to_dict(),
        ]

    for i, name in enumerate(distinct):
        out.append([name, one(name)])
        if i % EVERY == 0:
            for kwargs in VARIANTS:
                out.append([f"{name} {kwargs}", one(name, **kwargs)])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="the other checkout (its root folder)")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)  # the child's output
    args = parser.parse_args()
    if args.dump is not None:
        args.dump.write_text(json.dumps(answers()), encoding="utf-8")
        return
    if args.against is None:
        parser.error("--against is required")
    with tempfile.TemporaryDirectory() as tmp:
        theirs_path = Path(tmp) / "theirs.json"
        env = {**os.environ, "PYTHONPATH": str(args.against.resolve())}
        cmd = [sys.executable, __file__, "--dump", str(theirs_path)]
        subprocess.run(cmd, env=env, check=True, cwd=tmp)
        theirs = json.loads(theirs_path.read_text(encoding="utf-8"))
    ours = json.loads(json.dumps(answers()))  # tuples as lists, like the child's
    differ = [(a, b) for a, b in zip(ours, theirs, strict=False) if a != b]
    if len(ours) != len(theirs):
        print(f"{len(ours):,} look-ups here, {len(theirs):,} there")
    for a, b in differ[:20]:
        print(f"{a[0]!r}\n  here:  {a[1]}\n  there: {b[1]}")
    print(f"{len(ours):,} look-ups compared, {len(differ):,} differ")
    sys.exit(1 if differ or len(ours) != len(theirs) else 0)


if __name__ == "__main__":
    main()
