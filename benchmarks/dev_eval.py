"""The development scorer: attribution accuracy on PolNeAR dev and the share
of quantity test cases read right. Reads ../shared/data (or $VERIFY_DATA) and
says so, exiting 2, when it is missing.

    python benchmarks/dev_eval.py [--limit N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, help="PolNeAR articles to read (default: all 84)")
    args = ap.parse_args()
    import polnear
    import quantity_cases

    folder = polnear.data_dir()
    if not folder.is_dir():
        print(f"development data not found at {folder}; set VERIFY_DATA to the shared data folder", file=sys.stderr)
        return 2
    att = polnear.score(args.limit)
    print(
        f"PolNeAR dev attribution accuracy: {att['accuracy']:.3f} "
        f"({att['right']}/{att['relations']} relations, {att['articles']} articles)"
    )
    q = quantity_cases.score()
    overall = q.get("overall", q)
    share = overall["share"] if isinstance(overall, dict) and "share" in overall else overall
    print(f"quantity cases right: {share if isinstance(share, str) else format(share, '.3f')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
