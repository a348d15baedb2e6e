"""The development scorer: attribution accuracy on PolNeAR dev and the share
of quantity test cases read right, each on its two fixed halves (``splits.py``):
*tune*, the half rules may be fitted on, and *held*, the half kept apart to
tell whether a rule generalises. A rule is kept only when it gains on the held
half too. Reads ../shared/data (or $VERIFY_DATA) and says so, exiting 2, when
it is missing.

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
    print(f"{'set':34} {'tune':>18} {'held apart':>18}")
    att = {part: polnear.score(args.limit, part=part) for part in ("tune", "held")}
    print(f"{'PolNeAR dev attribution accuracy':34} "
          + " ".join(f"{a['accuracy']:.3f} ({a['right']:>4}/{a['relations']:<4})" for a in att.values()))
    print(f"{'  of sources named, name resolved':34} "
          + " ".join(f"{a['named_accuracy']:.3f} ({a['named_right']:>4}/{a['named']:<4})" for a in att.values()))
    print(f"{'  pronouns, descriptions resolved':34} "
          + " ".join(f"{a['referred_accuracy']:.3f} ({a['referred_right']:>4}/{a['referred']:<4})" for a in att.values()))
    print(f"{'  naming no one, given a name':34} "
          + " ".join(f"{a['unnamed_named'] / max(a['unnamed'], 1):.3f} ({a['unnamed_named']:>4}/{a['unnamed']:<4})"
                     for a in att.values()))
    print(f"{'quoted spans, named speaker':34} "
          + " ".join(f"{a['quote_accuracy']:.3f} ({a['quotes_right']:>4}/{a['quotes']:<4})" for a in att.values()))
    q = {part: quantity_cases.score(part=part)["overall"] for part in ("tune", "held")}
    print(f"{'quantity cases right':34} "
          + " ".join(f"{o['share']:.3f} ({o['right']:>4}/{o['cases']:<4})" for o in q.values()))
    gap = att["tune"]["accuracy"] - att["held"]["accuracy"]
    print(f"attribution: tune - held = {gap:+.3f} (bar: held >= 0.80, gap <= 0.03)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
