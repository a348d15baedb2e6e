"""How verify grows with its index: ingest, report, check and search from 5,000 to 200,000 claims.

The corpus, in a fixed order (``records``):

1. the GVA articles of ``gva-clusters/incidents.jsonl`` (2,054 local news
   articles; about 51,000 claims), less the few held out for the draft;
2. the PolNeAR dev texts (``polnear-dev/text/*.txt``, 84 political articles),
   with publisher, date and title from ``metadata.tsv``;
3. past what the data holds, variants of the same articles, copy 1, 2, ...:
   each copy is a set of distinct events (see ``Variant``): every name (a
   capitalised word the corpus never writes in lower case, and every name
   ``Events`` reads that is not common to the corpus: ``uncommon_names``) is
   replaced by an invented one, and every count (a number of one to three digits that is
   not part of a time, a decimal or a year; the words two to twenty) by
   another, each the same way throughout one copy so that the reports of one
   variant incident still agree with each other, and not with the original;
   and each copy is dated ``COPY_DAYS`` after the one before. Without the
   dates, a copy shared with its original the day and the capitalised words
   the corpus also writes in lower case ("Memorial", "Attorney", "James",
   "Brown"): `verify` judged thousands of copies reports of their originals'
   events (1,933 of the 5,165 pairs of articles of one event at 100,050
   claims), which no archive of distinct events would hold, and a report's
   pairs of numbers grew with the square of the copies.

The index grows in one ``--workdir``: each size ingests only the next
records (ingest is incremental) with ``verify.ingest.ingest``, exactly as
``verify ingest`` does, until the index holds the size's claims; a snapshot
of the index at that size is kept (hard links: segments are never changed
once written), so a later run measures again without ingesting.

At each size, in a fresh process for each (its peak RSS is the figure):

- snapshots an earlier verify made get the article signatures an ingest
  now writes (``sign``);
- ``prepare`` ("prep s"): what an ingest does after its last commit
  (``Index.prepare_search``), part of the ingest's cost, not the report's;
  for a snapshot an earlier verify made, it builds the report's graph whole
  (an ingest grows it by its own claims);
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

Each in wall-clock and CPU time (``time.process_time``, all threads): on a
shared machine CPU time is the steadier. Then the growth exponent of each
(time ~ n^k, least squares on log-log) and its projection to 1M and 10M
claims, and whether the bars hold: report exponent <= 1.2; check at the
largest size within 1.5x of the smallest. ``--flat`` measures with exact
search everywhere, for a before and after. ``--profile`` then profiles
report and check at the largest size (cProfile). ``--vectors`` instead
compares flat and IVF search (``VectorStore``), time and recall@10 against
exact search, on subsets of the largest index's vectors, and times a
report's neighbour search (every claim against all) both ways.
``--neighbours`` instead times a report's neighbour search at each size,
exact and through the HNSW graph the store builds for it past
``VectorStore.HNSW_ROWS``, with recall and the growth of each.

A size may also be a snapshot of ``index/`` taken by hand between two
ingest calls, with ``sizes/N.info.json`` beside it holding what the build
records (claims, documents, ingest seconds of the increment).

Data: ``../shared/data`` next to the repository, or ``$VERIFY_DATA``.

    python benchmarks/scale.py [--workdir /work/bench-scale]
        [--sizes 5000,10000,20000,50000,100000,200000] [--build-only]
        [--profile] [--vectors] [--neighbours] [--flat] [--json FILE]
"""

from __future__ import annotations

import argparse
from collections import Counter
from datetime import date, timedelta
import cProfile
import hashlib
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

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

SIZES = (5_000, 10_000, 20_000, 50_000, 100_000, 200_000)
REPORT_EXPONENT_BAR = 1.2
CHECK_RATIO_BAR = 1.5
CHUNK_MAX = 400  # records per ingest call while growing to a size
COPY_DAYS = 1000  # each copy of the corpus happens this long after the one before
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
_CAPITAL = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)?\b(?<=\w{3})")  # "Walker", "McNeil"
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


def uncommon_names(texts: list[str]) -> set[str]:
    """The names ``Events`` reads in the texts (``verify.extract.signature``)
    that no more than ``COMMON_SHARE`` of them hold: "Memorial", "Attorney",
    "James", which the corpus also writes in lower case, are an event's own;
    "Police" and "County" every event's. A copy invents them anew too
    (``copies`` "uncommon", the default): with only the never-lowercase
    words changed, copies shared enough of these to be judged reports of
    one event or not known to be others, and a claim's nearest were more and
    more its own copies as they grew (the workdirs of 2026-12-07 and
    before: ``copies`` "capitals")."""
    from verify.extract.signature import names
    from verify.match.events import COMMON_SHARE

    df: Counter[str] = Counter(n for t in texts for n in names(t))
    cap = COMMON_SHARE * len(texts)
    numbers = {w.capitalize() for w in _NUMBER_WORDS} | {"Hundred", "Thousand", "Million", "Dozen", "Dozens"}
    return {n for n, c in df.items() if c <= cap and _CAPITAL.fullmatch(n) and n not in _CALENDAR | numbers}


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
        if rec.get("dct"):
            try:
                out["dct"] = (date.fromisoformat(rec["dct"][:10]) + timedelta(days=COPY_DAYS * self.k)).isoformat()
            except ValueError:
                pass
        if rec.get("title"):
            out["title"] = self.text(rec["title"])
        if rec.get("uri"):
            out["uri"] = f"{rec['uri']}#v{self.k}"
        return out


def records(gva: Path, polnear: Path, skip: set[str], order: str = "draft-first",
            copies: str = "uncommon") -> Iterator[dict]:
    """Every record of the corpus, in its fixed order; endless (copies).

    ``draft-first`` (the default): as ``mixed``, but the incidents the draft
    is made from (those of the articles in ``skip``) come first, so that
    every size holds the other reports of the draft's events: a check then
    finds the same evidence at every size, and what grows is only the rest
    of the index. In ``mixed`` (the workdirs of the fourth session of
    2026-12-07) most of the draft's evidence came after the smallest size:
    at 5,765 claims 48 of its 51 sentences were unsupported, at 200,064 only
    40, and the check did more work at the largest size because it found
    more, not because the index was larger.

    ``mixed`` (the default): the GVA incidents, each with its articles
    together, and the PolNeAR articles, in an order drawn from a hash of
    their ids, so that every size holds the same mix of the corpus. In the
    files' own order (``file``, the workdirs of 2026-12-07 and before) the
    first sizes held the incidents first in the file and the later ones
    others, and PolNeAR only past 50,000 claims: each size another corpus
    (the pairs of numbers of one event's articles went from 18 to 35 a pair
    of articles between 40,122 and 100,035 claims), which the growth
    exponents measured along with the size."""
    incidents = read_incidents(gva)
    seen: set[str] = set()
    units: list[tuple[int, list[dict]]] = []
    for inc in incidents:
        arts = [{k: a.get(k) for k in ("doc_id", "title", "dct", "uri", "content")}
                for a in inc.get("articles", [])
                if a.get("doc_id") not in skip and (a.get("content") or "").strip()]
        arts = [r for r in arts if not (r["doc_id"] in seen or seen.add(r["doc_id"]))]  # type: ignore[func-returns-value]
        if arts:
            first = order == "draft-first" and any(a.get("doc_id") in skip for a in inc.get("articles", []))
            units.append((-1 if first else _hash("order", "gva", inc.get("incident_id")), arts))
    units += [(_hash("order", "polnear", r["doc_id"]), [r]) for r in polnear_records(polnear)]
    if order == "file":
        units = [(0, u) for _, u in units]
    base = [r for _, unit in sorted(units, key=lambda u: u[0]) for r in unit]  # stable: "file" keeps the files' order
    yield from base
    names = names_of([r["content"] for r in base] + [r["title"] or "" for r in base])
    if copies == "uncommon":
        names |= uncommon_names([r["content"] for r in base])
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


def sign(index: Path) -> None:
    """Write beside each segment of a snapshot made by an earlier verify the
    names and people of its articles, as an ingest now does (``Index.signature``);
    without them a check reads them from the texts."""
    from verify.index import SIGNATURES, signature_line

    for seg in sorted(index.glob("seg-*")):
        if not (seg / SIGNATURES).exists():
            with open(seg / "documents.jsonl", "rb") as docs, open(seg / (SIGNATURES + ".tmp"), "wb") as out:
                for line in docs:
                    out.write(signature_line(json.loads(line)["text"]) + b"\n")
            os.replace(seg / (SIGNATURES + ".tmp"), seg / SIGNATURES)


def build(work: Path, sizes: list[int], gva: Path, polnear: Path, skip: set[str]) -> dict[int, dict]:
    """Grow the index of ``work`` through ``sizes``; returns each size's snapshot info."""
    state_file = work / STATE
    state = json.loads(state_file.read_text()) if state_file.exists() else {
        "consumed": 0, "sizes": {}, "order": "draft-first", "copies": "uncommon"}
    index = work / "index"
    corpus = work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    # a workdir goes on in its own order, with its own copies
    stream = records(gva, polnear, skip, state.get("order", "file"), state.get("copies", "capitals"))
    for _ in range(state["consumed"]):
        next(stream)
    warm = False
    for size in sizes:
        key = str(size)
        if (key in state["sizes"] or (work / "sizes" / f"{key}.info.json").exists()) and (
                work / "sizes" / key / "manifest.json").exists():
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
    found = {int(k): v for k, v in state["sizes"].items()}
    for info in (work / "sizes").glob("*.info.json"):  # a snapshot taken between two ingest calls
        size = int(info.name.split(".")[0])
        if size in sizes and size not in found and (work / "sizes" / str(size) / "manifest.json").exists():
            found[size] = json.loads(info.read_text())
    return found


# --------------------------------------------------------------------------- measure


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def warm_models() -> None:
    from verify.embed import load_embedder
    from verify.nlp import parse

    text = "The council said on Tuesday that 40 homes were flooded, a spokesman told reporters."
    load_embedder().embed([text])
    parse(text)


def child_report(index: Path) -> dict:
    from verify.ingest import load
    from verify.pipeline import assemble

    base = peak_rss_mb()
    t, c = time.perf_counter(), time.process_time()
    docs, claims, vectors = load(index)
    loaded, loaded_cpu = time.perf_counter(), time.process_time()
    report = assemble(docs, claims, vectors)
    done, done_cpu = time.perf_counter(), time.process_time()
    return {"report_s": done - t, "load_s": loaded - t, "assemble_s": done - loaded,
            "report_cpu_s": done_cpu - c, "load_cpu_s": loaded_cpu - c, "assemble_cpu_s": done_cpu - loaded_cpu,
            "groups": len(report.groups), "rss_mb": peak_rss_mb(), "rss_start_mb": base}


def child_prepare(index: Path) -> dict:
    """What an ingest does after its last commit (``Index.prepare_search``):
    the IVF of each segment that needs one, and the report's graph grown by
    the claims it lacks; for a snapshot an earlier verify made, the whole
    graph (an ingest grows it by its own claims only)."""
    from verify.index import Index

    t, c = time.perf_counter(), time.process_time()
    Index.open(index).prepare_search()
    return {"prepare_s": time.perf_counter() - t, "prepare_cpu_s": time.process_time() - c}


def child_check(index: Path, draft_file: Path, runs: int = 3) -> dict:
    from verify.check import check
    from verify.index import Index
    from verify.read import documents
    from verify.search import search

    warm_models()
    base = peak_rss_mb()
    draft = next(documents([draft_file]))
    t = time.perf_counter()
    Index.open(index).prepare_search()
    prepare = time.perf_counter() - t
    times, cpu, result = [], [], None
    for _ in range(runs + 1):
        t, c = time.perf_counter(), time.process_time()
        result = check(draft, index)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    statuses: dict[str, int] = {}
    for c in result.claims:  # type: ignore[union-attr]
        statuses[c.status] = statuses.get(c.status, 0) + 1
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", draft.text) if len(s.split()) >= 8][:11]
    search_times, search_cpu = [], []
    for s in sentences:
        t, c = time.perf_counter(), time.process_time()
        search(s, index, 10)
        search_times.append(time.perf_counter() - t)
        search_cpu.append(time.process_time() - c)
    return {"prepare_s": prepare, "check_first_s": times[0], "check_s": statistics.median(times[1:]),
            "check_cpu_s": statistics.median(cpu[1:]), "search_cpu_s": statistics.median(search_cpu[1:]),
            "check_runs": times, "statuses": statuses, "search_first_s": search_times[0],
            "search_s": statistics.median(search_times[1:]), "rss_mb": peak_rss_mb(), "rss_models_mb": base}


def child_profile(index: Path, draft_file: Path, out: Path) -> dict:
    from verify.check import check
    from verify.ingest import load
    from verify.pipeline import assemble
    from verify.read import documents

    figures = {}
    prof = cProfile.Profile()
    t = time.perf_counter()
    prof.enable()
    docs, claims, vectors = load(index)
    assemble(docs, claims, vectors)
    prof.disable()
    figures["report_s"] = time.perf_counter() - t
    prof.dump_stats(str(out / "report.prof"))
    warm_models()
    draft = next(documents([draft_file]))
    check(draft, index)
    prof = cProfile.Profile()
    t = time.perf_counter()
    prof.enable()
    check(draft, index)
    prof.disable()
    figures["check_s"] = time.perf_counter() - t
    prof.dump_stats(str(out / "check.prof"))
    return figures


def run_child(*args: str) -> dict:
    """One measure in a fresh process; its figures and its own peak RSS."""
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args],
                          capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-3000:])
        raise SystemExit(f"scale.py: the measure {' '.join(args[:1])} failed (exit {proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def exponent(ns: list[float], ts: list[float]) -> float:
    """k of t ~ n^k, least squares on log-log."""
    x, y = np.log(ns), np.log(np.maximum(ts, 1e-6))
    return float(np.polyfit(x, y, 1)[0])


def print_profile(file: Path, title: str, n: int = 22) -> None:
    print(f"\n  {title}: top functions by cumulative time (own time in brackets)")
    stats = pstats.Stats(str(file))
    total = max(v[3] for v in stats.stats.values())  # type: ignore[attr-defined]
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][3])  # type: ignore[attr-defined]
    shown = 0
    for (path, line, name), (cc, nc, tt, ct, _) in rows:
        if "verify" not in path and "faiss" not in path:
            continue
        where = path.split("/verify/")[-1] if "/verify/" in path else Path(path).name
        print(f"    {ct:8.2f} s {100 * ct / total:5.1f} %  [{tt:7.2f} s]  {nc:>9}  {where}:{line} {name}")
        shown += 1
        if shown >= n:
            break


def measure(work: Path, built: dict[int, dict], args: argparse.Namespace) -> dict:
    draft_file = work / "draft.md"
    results = {}
    print(f"\n  {'size':>8} {'claims':>8} {'ingest s':>9} {'cl/s':>5} {'report s':>9} {'cpu s':>7} {'load s':>7} "
          f"{'rep MB':>7} {'prep s':>7} {'check 1st':>9} {'check s':>8} {'cpu s':>6} {'search s':>8} {'chk MB':>7}",
          flush=True)
    for size in sorted(built):
        snap = work / "sizes" / str(size)
        sign(snap)
        info = built[size]
        prep = run_child("prepare", str(snap))
        rep = run_child("report", str(snap))
        chk = run_child("check", str(snap), str(draft_file))
        chk["prepare_s"] = prep["prepare_s"]
        results[size] = {**info, **rep, **{k: v for k, v in chk.items() if k != "rss_mb"},
                         "report_rss_mb": rep["rss_mb"], "check_rss_mb": chk["rss_mb"]}
        r = results[size]
        print(f"  {size:>8} {r['claims']:>8} {r['ingest_s']:>9.0f} {r['ingested_claims'] / r['ingest_s']:>5.0f} "
              f"{r['report_s']:>9.2f} {r['report_cpu_s']:>7.2f} {r['load_s']:>7.2f} {r['report_rss_mb']:>7.0f} "
              f"{r['prepare_s']:>7.2f} {r['check_first_s']:>9.2f} {r['check_s']:>8.2f} {r['check_cpu_s']:>6.2f} "
              f"{r['search_s']:>8.3f} {r['check_rss_mb']:>7.0f}   {load_average()}", flush=True)
    sizes = sorted(results)
    if len(sizes) < 2:
        return results
    ns = [results[s]["claims"] for s in sizes]
    print("\n  growth (time ~ n^k, least squares on log-log) and projection from the largest size:")
    fits = {}
    for key, label in [("report_s", "report"), ("report_cpu_s", "report CPU"), ("load_s", "  of it load"),
                       ("assemble_s", "  of it assemble"), ("check_s", "check (warm)"), ("check_cpu_s", "check CPU"),
                       ("check_first_s", "check (first)"), ("search_s", "search"), ("search_cpu_s", "search CPU"),
                       ("report_rss_mb", "report peak RSS"), ("check_rss_mb", "check peak RSS")]:
        ts = [results[s][key] for s in sizes]
        k = exponent(ns, ts)
        last = ts[-1]
        p1, p10 = last * (1e6 / ns[-1]) ** k, last * (1e7 / ns[-1]) ** k
        unit = "MB" if key.endswith("mb") else "s"
        fits[key] = {"k": k, "at_1M": p1, "at_10M": p10}
        print(f"    {label:<18} k = {k:5.2f}   {last:9.2f} {unit} at {ns[-1]:,} -> {p1:10.1f} {unit} at 1M, "
              f"{p10:11.1f} {unit} at 10M")
    ingest_rate = [results[s]["ingested_claims"] / results[s]["ingest_s"] for s in sizes]
    print(f"    ingest of each increment: {', '.join(f'{x:.0f}' for x in ingest_rate)} claims/s "
          f"(per claim: k = {exponent(ns, [1 / x for x in ingest_rate]):.2f})")
    print(f"\n  bars, from {ns[0]:,} to {ns[-1]:,} claims:")
    for kind in ("", "_cpu"):
        k_report = fits[f"report{kind}_s"]["k"]
        ratio = results[sizes[-1]][f"check{kind}_s"] / results[sizes[0]][f"check{kind}_s"]
        print(f"    {'wall' if not kind else 'CPU '}: report exponent {k_report:.2f} "
              f"{'PASS' if k_report <= REPORT_EXPONENT_BAR else 'MISS'} (<= {REPORT_EXPONENT_BAR}); "
              f"check at the largest / at the smallest {ratio:.2f} "
              f"{'PASS' if ratio <= CHECK_RATIO_BAR else 'MISS'} (<= {CHECK_RATIO_BAR})")
    return {"sizes": results, "fits": fits}


# --------------------------------------------------------------------------- vectors


# A vector moved by Gaussian noise of this scale per dimension (384, unit
# length) keeps a cosine of about 0.9 to where it was: a claim of another
# event told in the same words, as the corpus's copies are.
COPY_NOISE = 0.025
COPY_COSINE = 0.9


def _moved_copies(vectors: np.ndarray, rows: int, rng: np.random.Generator) -> np.ndarray:
    """``vectors``, then copies of them each moved a little (``COPY_NOISE``) and
    made unit length again, up to ``rows`` in all."""
    out = np.empty((rows, vectors.shape[1]), dtype=np.float32)
    out[: len(vectors)] = vectors
    at = len(vectors)
    while at < rows:
        n = min(len(vectors), rows - at)
        moved = vectors[:n] + rng.normal(scale=COPY_NOISE, size=(n, vectors.shape[1])).astype(np.float32)
        moved /= np.linalg.norm(moved, axis=1, keepdims=True)
        out[at: at + n] = moved
        at += n
    return out


def vectors_bench(work: Path, built: dict[int, dict], args: argparse.Namespace) -> dict:
    """Flat against IVF on the largest index's vectors: training, search time, recall@10."""
    from verify.embed import load_embedder
    from verify.index import Index, VectorStore, ivf_lists, ivf_probes
    from verify.read import documents

    largest = max(built)
    ix = Index.open(work / "sizes" / str(largest))
    everything = np.ascontiguousarray(ix.vectors(), dtype=np.float32)
    draft = next(documents([work / "draft.md"]))
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", draft.text) if len(s.split()) >= 4]
    draft_queries = load_embedder().embed(sentences)
    rng = np.random.default_rng(7)
    n_all = len(everything)
    real = n_all
    if args.vectors_to > n_all:
        everything = _moved_copies(everything, args.vectors_to, rng)
        n_all = len(everything)
    print(f"\n  flat against IVF (IVF<lists>,SQ8, a batch scored list by list) on the vectors of the "
          f"{n_all:,}-claim index; queries: the draft's {len(draft_queries)} sentences, and 4,000 of the "
          f"index's own claims (what a report's neighbour search asks); * the store's nprobe")
    print(f"  {'rows':>8} {'lists':>6} {'train s':>8} {'queries':>8} {'flat s':>8} {'nprobe':>7} "
          f"{'IVF s':>8} {'flat/IVF':>8} {'recall@10':>9}", flush=True)
    out = []
    if real < n_all:
        print(f"  past the index's {real:,} vectors: each of them again, moved (cosine about {COPY_COSINE} to "
              f"its original), as many times as it takes: a copy of the corpus of other names")
    sizes = sorted({n for n in (10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000) if n < n_all} | {n_all})
    for n in sizes:
        if n < real:
            base = everything[np.sort(rng.choice(real, n, replace=False))]
        else:  # the index whole, then its moved copies in order
            base = everything[:n]
        own = base[rng.choice(n, min(4000, n), replace=False)]
        flat = VectorStore(base, ivf_rows=10**12, blas=True)
        t = time.perf_counter()
        ivf = VectorStore(base, ivf_rows=0, blas=True)
        ivf.prepare()
        train = time.perf_counter() - t
        lists = ivf_lists(n)
        default = ivf_probes(lists)
        for label, queries in (("draft", draft_queries), ("own", own)):
            t = time.perf_counter()
            _, want = flat.search_rows(queries, 10)
            t_flat = time.perf_counter() - t
            for nprobe in sorted({16, 32, 48, 64, default}):
                ivf.nprobe = nprobe
                t = time.perf_counter()
                _, got = ivf.search_rows(queries, 10)
                t_ivf = time.perf_counter() - t
                recall = float(np.mean([len(set(a) & set(b)) / len(b) for a, b in zip(got, want)]))
                out.append({"rows": n, "lists": lists, "train_s": train, "queries": label, "flat_s": t_flat,
                            "nprobe": nprobe, "default": nprobe == default, "ivf_s": t_ivf, "recall": recall})
                print(f"  {n:>8} {lists:>6} {train:>8.2f} {label:>8} {t_flat:>8.3f} "
                      f"{str(nprobe) + ('*' if nprobe == default else ''):>7} {t_ivf:>8.3f} "
                      f"{t_flat / t_ivf:>8.1f} {recall:>9.3f}", flush=True)
    # What a report asks: every claim's 21 nearest among all (match.links), as the store does it.
    everything = everything[:real]
    n_all = real
    whole: dict = {"rows": n_all}
    c = time.process_time()
    _, want = VectorStore(everything, ivf_rows=10**12, blas=True).search_rows(everything, 21)
    whole["flat_cpu_s"] = time.process_time() - c
    c = time.process_time()
    _, got = VectorStore(everything, ivf_rows=0).search_rows(everything, 21)
    whole["ivf_cpu_s"] = time.process_time() - c
    whole["recall"] = float(np.mean([len(set(a[:10]) & set(b[:10])) / 10 for a, b in zip(got, want)]))
    print(f"  a report's neighbour search, all {n_all:,} claims against all, k = 21: flat {whole['flat_cpu_s']:.1f} s CPU, "
          f"IVF {whole['ivf_cpu_s']:.1f} s CPU with its training ({whole['flat_cpu_s'] / whole['ivf_cpu_s']:.1f}x), "
          f"recall@10 {whole['recall']:.3f}")
    print(f"  the store switches at {VectorStore.IVF_ROWS:,} rows")
    return {"vectors": out, "report_search": whole}


def neighbours_bench(work: Path, built: dict[int, dict], args: argparse.Namespace) -> dict:
    """A report's neighbour search (every claim's k nearest among all, k as
    ``match.links`` asks) at each size, exact and through the HNSW graph of
    ``VectorStore.neighbour_rows``: CPU time, recall, growth exponent."""
    import faiss

    from verify.index import Index, VectorStore
    from verify.match.thresholds import FLOOR, NEIGHBOURS

    faiss.omp_set_num_threads(1)  # both ways alike: OpenMP threads that wait spin, and count as CPU
    k = NEIGHBOURS + 1
    store = VectorStore
    print(f"\n  a report's neighbour search, every claim's {k} nearest among all (one thread), exact "
          f"(brute force) and HNSW (M {store.HNSW_M}, efConstruction {store.HNSW_EF_CONSTRUCTION}; "
          f"efSearch * the store's); recall counts a neighbour found when its score is at least the "
          f"exact k-th (copies tie); 'used': of the exact neighbours at cosine >= {FLOOR} (what links keeps)")
    print(f"  {'claims':>8} {'exact s':>8} {'build s':>8} {'efSearch':>8} {'search s':>8} {'HNSW s':>8} "
          f"{'exact/HNSW':>10} {'recall@10':>9} {'@' + str(k):>7} {'used':>7}", flush=True)
    out = []
    rng = np.random.default_rng(11)
    for size in [*sorted(built), "x2"]:
        if size == "x2":  # past the index: its vectors and a copy of each moved a little, as a variant's
            noise = rng.normal(scale=COPY_NOISE, size=vectors.shape).astype(np.float32)  # cosine about 0.9
            moved = vectors + noise
            vectors = np.concatenate([vectors, moved / np.linalg.norm(moved, axis=1, keepdims=True)])
            print(f"  (then twice the largest: each vector and a copy moved to cosine "
                  f"{float(np.mean(np.sum(vectors[: len(moved)] * vectors[len(moved):], 1))):.2f})")
        else:
            vectors = np.ascontiguousarray(Index.open(work / "sizes" / str(size)).vectors(), dtype=np.float32)
        n = len(vectors)
        c = time.process_time()
        want, _ = VectorStore(vectors, hnsw_rows=10**12).neighbour_rows(k)
        exact_s = time.process_time() - c
        graph = faiss.IndexHNSWFlat(vectors.shape[1], store.HNSW_M, faiss.METRIC_INNER_PRODUCT)
        graph.hnsw.efConstruction = store.HNSW_EF_CONSTRUCTION
        c = time.process_time()
        graph.add(vectors)
        build_s = time.process_time() - c
        for ef in sorted({k, store.HNSW_EF_SEARCH, 48}):
            c = time.process_time()
            got, _ = graph.search(vectors, k, params=faiss.SearchParametersHNSW(efSearch=ef))
            search_s = time.process_time() - c

            def recall(m: int) -> float:
                return float(np.mean(np.minimum((got[:, :m] >= want[:, m - 1 : m] - 1e-5).sum(1), m) / m))

            # of the neighbours links keeps (exact ones at FLOOR or more): as many found
            # at or above both FLOOR and the exact k-th (the scores found are exact)
            used = (want >= FLOOR).sum(1)
            found = np.minimum((got >= np.maximum(FLOOR, want[:, -1:] - 1e-5)).sum(1), used)
            r = {"claims": n, "exact_cpu_s": exact_s, "build_cpu_s": build_s, "ef_search": ef,
                 "search_cpu_s": search_s, "hnsw_cpu_s": build_s + search_s, "store": ef == store.HNSW_EF_SEARCH,
                 "recall@10": recall(10), f"recall@{k}": recall(k),
                 "recall_used": float(found.sum() / max(1, used.sum()))}
            out.append(r)
            r["synthetic"] = size == "x2"
            print(f"  {n:>8} {exact_s:>8.2f} {build_s:>8.2f} {str(ef) + ('*' if r['store'] else ''):>8} "
                  f"{search_s:>8.2f} {r['hnsw_cpu_s']:>8.2f} {exact_s / r['hnsw_cpu_s']:>10.2f} "
                  f"{r['recall@10']:>9.3f} {r[f'recall@{k}']:>7.3f} {r['recall_used']:>7.3f}   {load_average()}",
                  flush=True)
    fits = {}
    mine = [r for r in out if r["store"] and r["claims"] <= max(x["claims"] for x in built.values())]
    if len(mine) >= 2:
        ns = [r["claims"] for r in mine]
        for key in ("exact_cpu_s", "build_cpu_s", "search_cpu_s", "hnsw_cpu_s"):
            fits[key] = exponent(ns, [r[key] for r in mine])
        print(f"  growth (time ~ n^k) from {ns[0]:,} to {ns[-1]:,}: exact k = {fits['exact_cpu_s']:.2f}; HNSW "
              f"k = {fits['hnsw_cpu_s']:.2f} (build {fits['build_cpu_s']:.2f}, search {fits['search_cpu_s']:.2f})")
    print(f"  the store searches through HNSW from {store.HNSW_ROWS:,} rows")
    return {"neighbours": out, "neighbour_fits": fits}


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workdir", type=Path, default=Path("/work/bench-scale"))
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)),
                    help="claims at each size, comma-separated, growing")
    ap.add_argument("--build-only", action="store_true", help="grow the index through the sizes, measure nothing")
    ap.add_argument("--profile", action="store_true", help="cProfile report and check at the largest size")
    ap.add_argument("--vectors", action="store_true", help="flat against IVF search on the largest index's vectors")
    ap.add_argument("--vectors-to", type=int, default=0,
                    help="with --vectors, go on past the index to this many rows (its vectors and moved copies)")
    ap.add_argument("--neighbours", action="store_true",
                    help="a report's neighbour search, exact against HNSW, at each size")
    ap.add_argument("--json", type=Path, help="write every figure to this file")
    ap.add_argument("--flat", action="store_true",
                    help="search exactly everywhere (no IVF, no HNSW), for a before and after in one run")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.flat:
        os.environ["SCALE_FLAT"] = "1"  # the measures' processes read it
    if os.environ.get("SCALE_FLAT"):
        from verify.index import VectorStore

        VectorStore.IVF_ROWS = VectorStore.HNSW_ROWS = 10**12
    if args.child:
        kind, *rest = args.child
        if kind == "report":
            figures = child_report(Path(rest[0]))
        elif kind == "prepare":
            figures = child_prepare(Path(rest[0]))
        elif kind == "check":
            figures = child_check(Path(rest[0]), Path(rest[1]))
        else:
            figures = child_profile(Path(rest[0]), Path(rest[1]), Path(rest[2]))
        print(json.dumps(figures))
        return 0
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    gva, polnear = need_data()
    work = args.workdir.resolve()
    work.mkdir(parents=True, exist_ok=True)
    text, skip = draft(gva)
    (work / "draft.md").write_text(text, encoding="utf-8")
    print(f"scale: sizes {sizes} in {work}; draft of {len(text.split())} words; {load_average()}", flush=True)
    built = build(work, sizes, gva, polnear, skip)
    built = {n: v for n, v in built.items() if n in sizes}
    if args.build_only:
        return 0
    figures: dict = {"load": load_average()}
    if args.vectors:
        figures.update(vectors_bench(work, built, args))
    elif args.neighbours:
        figures.update(neighbours_bench(work, built, args))
    else:
        figures.update(measure(work, built, args))
    if args.profile:
        largest = max(built)
        out = work / "profile"
        out.mkdir(exist_ok=True)
        times = run_child("profile", str(work / "sizes" / str(largest)), str(work / "draft.md"), str(out))
        print(f"\n  profile at {built[largest]['claims']:,} claims (cProfile; report {times['report_s']:.1f} s, "
              f"check {times['check_s']:.2f} s under the profiler)")
        print_profile(out / "report.prof", "report (load + assemble)")
        print_profile(out / "check.prof", "check of the draft")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, default=str) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
