"""Drafts written from the indexed articles themselves, checked against that index.

A fact-checker's first draft retells articles the corpus holds: sentences
copied, a number mistyped, a bound turned round, a quotation misremembered.
Each sampled article of an index becomes drafts of its own sentences, in
order and page furniture left out, so that each keeps the context before it;
every whole sentence of 6 to 70 words is scored, in one of its variants (the
shorter ones, '"We're praying," she said.', stay as copies, unscored):

copy
    the sentence as the article has it: *backed* (supported or
    single-source), or contradicted only by other articles (the sources
    disagree), never by its own article, and never unsupported;
number x10, /10, +1; bound reversed
    a count (``mutations.numbers``) changed: *contradicted*;
quote negation
    a negation added to or taken from a quotation: *contradicted*.

Articles are split into the fixed halves (``splits.py``) by their incident
when the shared GVA file names it, else by their id; both halves are
printed. The index is any index ``verify ingest`` built: the one
``check_mutations.py`` keeps under its workdir, or the seeds' (``--seeds``
builds it under the workdir).

Run ``python benchmarks/copied_drafts.py [--index DIR | --seeds] [--workdir DIR]
[--per-half N] [--seed N] [-v]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.append(str(ROOT))

import mutations as mut  # noqa: E402
from splits import HALVES, half  # noqa: E402

MIN_WORDS, MAX_WORDS = 6, 70
DRAFT_MAX = 25  # sentences of one draft
PASSES = 3  # drafts per article: one of copies, two with changes
CHANGES = ("x10", "/10", "+1")
BACKED = ("supported", "single-source")


@dataclass
class Sentence:
    kind: str
    text: str
    doc: str
    half: str
    start: int = -1
    end: int = -1
    got: str = ""
    rules: list[str] = field(default_factory=list)
    reason: str = ""
    against: list[str] = field(default_factory=list)  # the documents of conflicting evidence
    sep: str = "\n\n"  # what the draft puts before it: the article's paragraph break, or a space


def variants(sentence: str, rng: random.Random) -> list[tuple[str, str]]:
    """The sentence unchanged and each change that applies to it."""
    out = [("copy", sentence)]
    for n in mut.numbers(sentence):
        for change in CHANGES:
            changed = mut.change_number(sentence, n, change)
            if changed:
                out.append((f"number {change}", changed))
        reversed_ = mut.reverse_bound(sentence, n)
        if reversed_:
            out.append(("bound reversed", reversed_))
    for span in mut.quotes(sentence):
        negated = mut.mutate_quote(sentence, span, "negation", rng, [])
        if negated:
            out.append(("quote negation", negated))
    return out


def usable(doc) -> list[tuple[str, bool, str]]:  # type: ignore[no-untyped-def]
    """The sentences of a document, page furniture left out, each with
    what comes before it (a new paragraph or a space) and whether it is scored: a whole sentence of 6 to 70 words. The others
    ('"We're praying," she said.') stay in the draft, copied, for the
    context they give the scored ones."""
    out, seen, last = [], set(), 0
    for s, e in mut.sentences(doc.text):
        sent = doc.text[s:e].strip()
        if not sent or any(s < b and a < e for a, b in doc.skip):
            continue
        words = sent.split()
        scored = MIN_WORDS <= len(words) <= MAX_WORDS and sent[-1] in ".!?\"”’'" and sent not in seen
        seen.add(sent)
        # a new paragraph where the article starts one, else a space
        out.append((sent, scored, "\n\n" if "\n" in doc.text[last:s] else " "))
        last = e
    return out


def incidents() -> dict[str, str]:
    """GVA article ids by incident, when the shared data folder is there."""
    path = Path(os.environ.get("VERIFY_DATA") or ROOT.parent / "shared" / "data") / "gva-clusters" / "incidents.jsonl"
    if not path.is_file():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            for a in row.get("articles", []):
                out[a["doc_id"]] = str(row["incident_id"])
    return out


def drafts(index_dir: Path, per_half: int, seed: int) -> list[tuple[str, list[Sentence]]]:
    """Drafts of sampled articles: each sentence of an article in turn takes its next variant."""
    from verify.index import Index

    ix = Index.open_cached(index_dir)
    incident = incidents()
    by_half: dict[str, list] = defaultdict(list)
    for doc in ix.documents():
        by_half[half(incident.get(doc.id, doc.id))].append(doc)
    rng = random.Random(seed)
    out = []
    for h in HALVES:
        docs = sorted(by_half[h], key=lambda d: d.id)
        rng.shuffle(docs)
        taken = 0
        for doc in docs:
            sents, scored = [], 0
            for sent, counted, sep in usable(doc):
                if scored == DRAFT_MAX:
                    break
                sents.append((sent, counted, sep))
                scored += counted
            if scored < 4:
                continue
            rows = [variants(s, rng) if counted else [("context", s)] for s, counted, _ in sents]
            # one draft of copies; then drafts with about half the sentences
            # that can change changed, each to one of its changes
            for p in range(PASSES):
                items = [Sentence(*(r[0] if p == 0 or len(r) == 1 or rng.random() < 0.5 else rng.choice(r[1:])),
                                  doc.id, h, sep=sep) for r, (_, _, sep) in zip(rows, sents)]
                if p == 0 or any(i.kind not in ("copy", "context") for i in items):
                    out.append((doc.id, items))
            taken += 1
            if taken >= per_half:
                break
    return out


def check_all(index_dir: Path, found: list[tuple[str, list[Sentence]]]) -> float:
    from verify.check import check
    from verify.read import document_from_text

    t = time.perf_counter()
    for n, (doc_id, items) in enumerate(found):
        text = ""
        for it in items:
            text += it.sep if text else ""
            it.start = len(text)
            text += it.text
            it.end = len(text)
        result = check(document_from_text(text + "\n", id="draft"), index_dir)
        for it in items:
            mine = [c for c in result.claims if it.start <= c.start < it.end]
            order = ("contradicted", "unsupported", "single-source", "supported")
            mine.sort(key=lambda c: order.index(c.status))
            if not mine:
                it.got = "none"
                continue
            c = mine[0]
            it.got, it.rules, it.reason = c.status, c.rules, c.reason
            it.against = sorted({e.doc for c2 in mine for e in c2.evidence if e.verdict == "discrepancy"})
        if (n + 1) % 25 == 0:
            print(f"    {n + 1} of {len(found)} drafts checked, {time.perf_counter() - t:.0f} s", flush=True)
    return time.perf_counter() - t


def right(it: Sentence) -> bool:
    if it.kind == "copy":
        return it.got in BACKED or it.got == "contradicted" and it.doc not in it.against
    return it.got == "contradicted"


def report(items: list[Sentence], name: str, verbose: bool) -> dict:
    kinds = sorted({i.kind for i in items}, key=lambda k: (k != "copy", k))
    print(f"\n== {name}: {len(items)} sentences")
    print(f"  {'kind':18} {'n':>5} {'right':>7}   got")
    out = {}
    for k in kinds:
        mine = [i for i in items if i.kind == k]
        ok = sum(right(i) for i in mine)
        got = Counter(i.got for i in mine)
        print(f"  {k:18} {len(mine):5} {ok / len(mine):7.3f}   " + ", ".join(f"{g} {n}" for g, n in got.most_common()))
        out[k] = {"n": len(mine), "right": ok}
    total = sum(right(i) for i in items)
    print(f"  {'all':18} {len(items):5} {total / max(len(items), 1):7.3f}")
    misses = Counter((i.kind, i.got, ",".join(i.rules)) for i in items if not right(i))
    print("  misses (kind, got, rules):")
    shown = 12 if verbose else 6
    for (k, g, r), n in misses.most_common(shown):
        example = next(i for i in items if (i.kind, i.got, ",".join(i.rules)) == (k, g, r) and not right(i))
        print(f"    {n:4}  {k} -> {g} [{r}]\n          {example.text[:150]}")
    out["all"] = {"n": len(items), "right": total}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--index", type=Path, help="an index built by verify ingest")
    ap.add_argument("--seeds", action="store_true", help="build and use an index of seeds/ under --workdir")
    ap.add_argument("--workdir", type=Path, default=Path("benchmarks-work/copied-drafts"))
    ap.add_argument("--per-half", type=int, default=60, help="articles drafted from, per half")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", type=Path)
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args(argv)
    if args.seeds:
        from verify.ingest import ingest

        index_dir = args.workdir / "seeds-index"
        ingest([ROOT / "seeds"], index_dir)
    elif args.index is not None:
        index_dir = args.index
    else:
        print("copied_drafts.py: give --index DIR (an index verify ingest built, e.g. check_mutations.py's "
              "WORKDIR/index) or --seeds", file=sys.stderr)
        return 2
    if not (index_dir / "manifest.json").is_file():
        print(f"copied_drafts.py: no index at {index_dir}; build one with verify ingest PATH --index {index_dir}",
              file=sys.stderr)
        return 2
    found = drafts(index_dir, args.per_half, args.seed)
    n = sum(i.kind != "context" for _, items in found for i in items)
    print(f"index {index_dir}: {len(found)} drafts, {n} sentences")
    dt = check_all(index_dir, found)
    print(f"  checked in {dt:.0f} s ({dt / max(len(found), 1):.2f} s a draft)")
    summary = {}
    for h in HALVES:
        items = [i for _, its in found for i in its if i.half == h and i.kind != "context"]
        if items:
            summary[h] = report(items, "tune half" if h == "tune" else "held-apart half", args.v)
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "sentences": [
            i.__dict__ for _, its in found for i in its]}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
