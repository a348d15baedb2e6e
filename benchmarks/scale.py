"""How verify grows with its index: ingest, report, check and search from 5,000 to 200,000 claims.

The corpus, in a fixed order (``records``):

1. the GVA articles of ``gva-clusters/incidents.jsonl`` (2,054 local news
   articles; about 51,000 claims), less the few held out for the draft;
2. the PolNeAR dev texts (``polnear-dev/text/*.txt``, 84 political articles),
   with publisher, date and title from ``metadata.tsv``;
3. past what the data holds, variants of the same articles, copy 1, 2, ...:
   each copy is a set of distinct events (see ``Variant``): every name (a
   capitalised word the corpus never writes in lower case) is replaced by an
   invented one, and every count (a number of one to three digits that is
   not part of a time, a decimal or a year; the words two to twenty) by
   another, each the same way throughout one copy so that the reports of one
   variant incident still agree with each other, and not with the original.

The index grows in one ``--workdir``: each size ingests only the next
records (ingest is incremental) with ``verify.ingest.ingest``, exactly as
``verify ingest`` does, until the index holds the size's claims; a snapshot
of the index at that size is kept (hard links: segments are never changed
once written), so a later run measures again without ingesting.

At each size, in a fresh process for each (its peak RSS is the figure):

- ``report``: ``verify.ingest.load`` + ``verify.pipeline.assemble``, what
  ``verify report --index`` does before formatting;
- ``check``: ``verify.check.check`` of a draft of about 1,000 words (one held
  out article of each of several GVA incidents with three or more reports,
  every other number changed), with the models loaded and warmed on another
  text: the first call (it opens the index, maps the vectors and, past
  ``VectorStore.IVF_ROWS``, reads or trains the IVF) and the median of the
  next ones;
- ``search``: ``verify.search.search`` of ten sentences of the draft, after a
  first; the median.

Then the growth exponent of each (time ~ n^k, least squares on log-log) and
its projection to 1M and 10M claims, and whether the bars hold: report
exponent <= 1.2; check at the largest size within 1.5x of the smallest.
``--profile`` profiles report and check at the largest size (cProfile).
``--vectors`` measures flat against IVF search, time and recall@10, on the
largest index's vectors (see ``vectors.py`` part below).

Data: ``../shared/data`` next to the repository, or ``$VERIFY_DATA``.

    python benchmarks/scale.py [--workdir /work/bench-scale]
        [--sizes 5000,10000,20000,50000,100000,200000] [--build-only]
        [--profile] [--vectors] [--json FILE]
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import math
import os
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

SIZES = (5_000, 10_000, 20_000, 50_000, 100_000, 200_000)
REPORT_EXPONENT_BAR = 1.2
CHECK_RATIO_BAR = 1.5
CHUNK_MAX = 400  # records per ingest call while growing to a size
STATE = "state.json"


def data_dir() -> Path:
    return Path(os.environ.get("VERIFY_DATA") or REPO.parent / "shared" / "data")


def need_data() -> tuple[Path, Path]:
    data = data_dir()
    gva = data / "gva-clusters" / "incidents.jsonl"
    polnear = data / "polnear-dev"
    if not gva.is_file() or not (polnear / "text").is_dir():
        print(f"scale.py: the development data is missing (expected {gva} and {polnear}/text); "
              "set VERIFY_DATA to the folder that holds gva-clusters/ and polnear-dev/", file=sys.stderr)
        raise SystemExit(2)
    return gva, polnear


def load_average() -> str:
    try:
        a, b, c = os.getloadavg()
        return f"load average {a:.1f} {b:.1f} {c:.1f} on {os.cpu_count()} CPUs"
    except OSError:
        return f"{os.cpu_count()} CPUs"


# --------------------------------------------------------------------------- corpus


def read_incidents(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def polnear_records(folder: Path) -> list[dict]:
    meta: dict[str, dict] = {}
    tsv = folder / "metadata.tsv"
    if tsv.is_file():
        lines = tsv.read_text(encoding="utf-8").splitlines()
        head = lines[0].split("\t")
        for line in lines[1:]:
            row = dict(zip(head, line.split("\t")))
            meta[row.get("filename", "")] = row
    out = []
    for file in sorted((folder / "text").glob("*.txt")):
        row = meta.get(file.stem, {})
        out.append({"doc_id": "polnear-" + file.stem, "title": row.get("title"),
                    "outlet": row.get("publisher"), "dct": row.get("publication_date"),
                    "content": file.read_text(encoding="utf-8")})
    return out


_WORD = re.compile(r"\b[A-Za-z][a-z]+\b")
_CAPITAL = re.compile(r"\b[A-Z][a-z]{2,}\b")
_COUNT = re.compile(r"(?<![\d.,:/$-])\b\d{1,3}\b(?![.,:/]\d)")
_NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                 "eighteen", "nineteen", "twenty"]
_COUNT_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS[2:]) + r")\b", re.I)
_CALENDAR = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
             "Friday", "Saturday", "Sunday"}
_ONSETS = ["b", "br", "d", "dr", "f", "g", "gr", "h", "k", "kl", "l", "m", "n", "p", "pr", "r", "s",
           "st", "t", "tr", "v", "w", "z", "c", "ch", "sh", "th"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "y"]
_CODAS = ["", "", "n", "r", "l", "s", "th", "m", "nd", "rk", "x", "ck"]


def names_of(texts: list[str]) -> set[str]:
    """The capitalised words the corpus never writes in lower case: its names."""
    lower = {w for t in texts for w in _WORD.findall(t) if w.islower()}
    return {w for t in texts for w in _CAPITAL.findall(t) if w.lower() not in lower and w not in _CALENDAR}


def _hash(*parts: object) -> int:
    return int.from_bytes(hashlib.blake2b(":".join(map(str, parts)).encode(), digest_size=8).digest(), "big")


class Variant:
    """Copy ``k`` of the corpus, as distinct events: names and counts changed.

    A name becomes an invented word of two or three syllables drawn from a
    hash of (copy, name), so one name reads the same throughout a copy and
    differently in each; a count ``v`` becomes ``v + 1 + h % 4`` (h a hash of
    copy and value), written as a word when it was one (up to twenty).
    """

    def __init__(self, k: int, names: set[str]) -> None:
        self.k, self.names = k, names

    def name(self, word: str) -> str:
        h = _hash("name", self.k, word)
        out = ""
        for i in range(2 + h % 2):
            h //= 7
            out += _ONSETS[h % len(_ONSETS)]
            h //= len(_ONSETS)
            out += _VOWELS[h % len(_VOWELS)]
            h //= len(_VOWELS)
            if i == 1 + (h % 2) or i == 2:
                out += _CODAS[h % len(_CODAS)]
                break
        return out.capitalize()

    def count(self, value: int) -> int:
        return value + 1 + _hash("count", self.k, value) % 4

    def text(self, text: str) -> str:
        text = _CAPITAL.sub(lambda m: self.name(m.group(0)) if m.group(0) in self.names else m.group(0), text)
        text = _COUNT.sub(lambda m: str(self.count(int(m.group(0)))), text)

        def word(m: re.Match[str]) -> str:
            w = m.group(0)
            v = self.count(_NUMBER_WORDS.index(w.lower()))
            new = _NUMBER_WORDS[v] if v < len(_NUMBER_WORDS) else str(v)
            return new.capitalize() if w[0].isupper() else new

        return _COUNT_WORD.sub(word, text)

    def record(self, rec: dict) -> dict:
        out = dict(rec)
        out["doc_id"] = f"{rec['doc_id']}-v{self.k}"
        out["content"] = self.text(rec["content"])
        if rec.get("title"):
            out["title"] = self.text(rec["title"])
        if rec.get("uri"):
            out["uri"] = f"{rec['uri']}#v{self.k}"
        return out


def records(gva: Path, polnear: Path, skip: set[str]) -> Iterator[dict]:
    """Every record of the corpus, in its fixed order; endless (copies)."""
    incidents = read_incidents(gva)
    base = [{k: a.get(k) for k in ("doc_id", "title", "dct", "uri", "content")}
            for inc in incidents for a in inc.get("articles", [])
            if a.get("doc_id") not in skip and (a.get("content") or "").strip()]
    seen: set[str] = set()
    base = [r for r in base if not (r["doc_id"] in seen or seen.add(r["doc_id"]))]  # type: ignore[func-returns-value]
    base += polnear_records(polnear)
    yield from base
    names = names_of([r["content"] for r in base] + [r["title"] or "" for r in base])
    k = 0
    while True:
        k += 1
        variant = Variant(k, names)
        for r in base:
            yield variant.record(r)


def draft(gva: Path) -> tuple[str, set[str]]:
    """The draft's text and the ids of the articles it is made of (kept out of the index)."""
    from check_speed import held_out, make_draft

    articles = held_out(read_incidents(gva))
    text, _ = make_draft(articles)
    return text, {a["doc_id"] for a in articles}


# --------------------------------------------------------------------------- build


def claim_count(index: Path) -> tuple[int, int]:
    from verify.index import Index

    if not (index / "manifest.json").exists():
        return 0, 0
    counts = Index.open(index).counts
    return counts["claims"], counts["documents"]


def snapshot(index: Path, to: Path) -> None:
    """A copy of the index as it is, by hard links (segments never change once written)."""
    if to.exists():
        shutil.rmtree(to)
    shutil.copytree(index, to, copy_function=os.link,
                    ignore=shutil.ignore_patterns("lock", "tmp-*", "*.tmp*"))


def build(work: Path, sizes: list[int], gva: Path, polnear: Path, skip: set[str]) -> dict[int, dict]:
    """Grow the index of ``work`` through ``sizes``; returns each size's snapshot info."""
    state_file = work / STATE
    state = json.loads(state_file.read_text()) if state_file.exists() else {"consumed": 0, "sizes": {}}
    index = work / "index"
    corpus = work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    stream = records(gva, polnear, skip)
    for _ in range(state["consumed"]):
        next(stream)
    warm = False
    for size in sizes:
        key = str(size)
        if key in state["sizes"] and (work / "sizes" / key / "manifest.json").exists():
            continue
        claims, docs = claim_count(index)
        if claims >= size:
            print(f"  index already at {claims} claims, past {size}: remove {work} to build again", flush=True)
            continue
        if not warm:
            from verify.embed import load_embedder
            from verify.nlp import parse

            load_embedder().embed(["The models are loaded before any ingest is timed."])
            parse("The models are loaded before any ingest is timed.")
            warm = True
        from verify.ingest import ingest

        seconds = cpu = 0.0
        added = 0
        while claims < size:
            per_doc = claims / docs if docs else 25.0
            n = max(5, min(CHUNK_MAX, math.ceil((size - claims) / per_doc * 0.9)))
            chunk = [next(stream) for _ in range(n)]
            path = corpus / f"part-{state['consumed'] + 1:07d}.jsonl"
            with path.open("w", encoding="utf-8") as f:
                for rec in chunk:
                    f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            t, c = time.perf_counter(), time.process_time()
            stats = ingest([str(path)], index)
            seconds += time.perf_counter() - t
            cpu += time.process_time() - c
            state["consumed"] += n
            added += stats.claims
            claims, docs = claim_count(index)
            print(f"    {path.name}: {n} records, {stats.documents} documents, {stats.claims} claims "
                  f"({len(stats.errors)} bad) in {seconds:.0f} s so far; index {claims} claims", flush=True)
            state_file.write_text(json.dumps(state, indent=1) + "\n")
        snapshot(index, work / "sizes" / key)
        state["sizes"][key] = {"claims": claims, "documents": docs, "ingest_s": round(seconds, 2),
                               "ingest_cpu_s": round(cpu, 2), "ingested_claims": added,
                               "load": load_average()}
        state_file.write_text(json.dumps(state, indent=1) + "\n")
        print(f"  size {size}: {claims} claims, {docs} documents; ingest of the increment "
              f"({added} claims) {seconds:.0f} s, {added / max(seconds, 1e-9):.0f} claims/s", flush=True)
    return {int(k): v for k, v in state["sizes"].items()}


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workdir", type=Path, default=Path("/work/bench-scale"))
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)),
                    help="claims at each size, comma-separated, growing")
    ap.add_argument("--build-only", action="store_true", help="grow the index through the sizes, measure nothing")
    ap.add_argument("--profile", action="store_true", help="cProfile report and check at the largest size")
    ap.add_argument("--vectors", action="store_true", help="flat against IVF search on the largest index's vectors")
    ap.add_argument("--json", type=Path, help="write every figure to this file")
    args = ap.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    gva, polnear = need_data()
    work = args.workdir.resolve()
    work.mkdir(parents=True, exist_ok=True)
    text, skip = draft(gva)
    (work / "draft.md").write_text(text, encoding="utf-8")
    print(f"scale: sizes {sizes} in {work}; draft of {len(text.split())} words; {load_average()}", flush=True)
    built = build(work, sizes, gva, polnear, skip)
    if args.build_only:
        return 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
