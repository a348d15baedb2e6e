"""Page furniture on real crawled pages: what the reader keeps out of the claims.

Reads the GVA incidents (``gva-clusters/incidents.jsonl``: 2,054 crawled local
news pages) as ``verify`` reads the file, and prints, for each half of the
incidents (``splits.py``: *tune*, which rules may be fitted on, and *held*,
kept apart): the lines read, the lines kept out whole as furniture by each
rule, the lines trimmed in part, and a random sample (fixed seed) of removed
lines and of kept short lines (under 60 characters) for a person to judge.
With ``--polnear`` it also lists every line of the PolNeAR dev texts (clean
article text) that the rules remove, which should be next to none.

    python benchmarks/furniture.py [--sample N] [--part tune|held] [--polnear]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

SEED = 20261202
SHORT = 60


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m[0]
        if line.strip():
            s = m.start() + len(line) - len(line.lstrip())
            out.append((s, m.end() - len(line) + len(line.rstrip())))
    return out


def line_fates(doc, pieces) -> list[tuple[str, str]]:
    """(fate, line) for each line of a document: "kept", "trimmed" (in part), or the rule that removed it whole."""
    out = []
    for s, e in _lines(doc.text):
        line = doc.text[s:e]
        left = "".join(c for i, c in enumerate(line, s) if not any(a <= i < b for a, b in doc.skip))
        if left == line:
            out.append(("kept", line))
        elif left.strip():
            out.append(("trimmed", line))
        else:
            rule = next((p.rule for p in pieces if p.start <= s and e <= p.end), None)
            out.append((rule or "recurring", line))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sample", type=int, default=25, help="lines of each sample (default 25)")
    ap.add_argument("--part", choices=("tune", "held"), help="one half only (default: both)")
    ap.add_argument("--polnear", action="store_true", help="also list the PolNeAR dev lines removed")
    args = ap.parse_args()
    import polnear
    from splits import half
    from verify.read import documents
    from verify.read.formats import explain

    data = polnear.data_dir()
    path = data / "gva-clusters" / "incidents.jsonl"
    if not path.is_file():
        print(f"GVA data not found at {path}; set VERIFY_DATA to the shared data folder", file=sys.stderr)
        return 2
    part_of = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            for article in record["articles"]:
                part_of[article["doc_id"]] = half(str(record["incident_id"]))
    errors: list = []
    docs = list(documents([path], errors))
    labels = {d.id: explain(d) for d in docs}
    for part in ("tune", "held"):
        if args.part and part != args.part:
            continue
        fates = [f for d in docs if part_of.get(d.id) == part for f in line_fates(d, labels[d.id])]
        counts = Counter(fate for fate, _ in fates)
        removed = [(fate, line) for fate, line in fates if fate not in ("kept", "trimmed")]
        kept_short = [line for fate, line in fates if fate == "kept" and len(line) < SHORT]
        print(f"== {part} half: {sum(1 for d in docs if part_of.get(d.id) == part)} documents, "
              f"{len(fates)} lines read, {len(removed)} removed whole, {counts['trimmed']} trimmed, "
              f"{counts['kept']} kept ({len(kept_short)} of them under {SHORT} characters)")
        for rule, n in sorted(counts.items(), key=lambda x: -x[1]):
            if rule not in ("kept", "trimmed"):
                print(f"  {rule:16} {n:6}")
        rng = random.Random(f"{SEED}:{part}")
        print(f"  -- {args.sample} removed lines, at random:")
        for fate, line in rng.sample(removed, min(args.sample, len(removed))):
            print(f"  [{fate}] {line[:160]!r}")
        print(f"  -- {args.sample} kept short lines, at random:")
        for line in rng.sample(kept_short, min(args.sample, len(kept_short))):
            print(f"  {line!r}")
    if args.polnear:
        pdocs = list(documents([data / "polnear-dev" / "text"]))
        plabels = {d.id: explain(d) for d in pdocs}
        fates = [(d.id, f) for d in pdocs for f in line_fates(d, plabels[d.id])]
        gone = [(doc, fate, line) for doc, (fate, line) in fates if fate not in ("kept",)]
        print(f"== PolNeAR dev: {len(pdocs)} texts, {len(fates)} lines read, {len(gone)} removed or trimmed")
        for doc, fate, line in gone:
            print(f"  {doc[:28]:28} [{fate}] {line[:140]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
