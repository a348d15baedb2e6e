"""Check speed: a ~1,000-word draft against an index of at least 100,000 real claims.

Bars (from the issue): with the models loaded, ``check`` of a 1,000-word draft
against 100,000 claims in under 2 seconds on a 2-core machine; the whole
command (``verify check DRAFT --index PATH --format json``) from a cold start
in under 10 seconds.

The index (built once under ``--workdir``, reused by later runs):

1. the GVA articles of ``gva-clusters/incidents.jsonl`` (2,054 local news
   articles), less the few held out for the draft;
2. if that gives fewer than ``--min-claims`` claims, the PolNeAR dev texts
   (``polnear-dev/text/*.txt``);
3. then copies of the GVA articles under other document ids (``<id>-copyK``,
   written as ``.jsonl`` files into the workdir, a chunk at a time) until the
   index holds at least ``--min-claims`` claims.

Everything goes through ``verify.ingest.ingest``, exactly as ``verify ingest``
does. Building takes a while on 2 cores (spaCy and the embedder see every
article); progress is printed.

The draft: one article of each of several GVA incidents reported by three or
more articles (held out of the index, so the corpus has the other reports of
the same shootings), cut to about 1,000 words at a paragraph break, with
every other number changed, so that all statuses come up.

Figures:

warm
    ``check(draft, index)`` in one process after a first call has loaded
    spaCy and the embedder; ``--runs`` times, each and the median. ``check``
    opens the index on every call (``Index.open``, the segments' vectors
    mapped, the claims and documents files read for the rows it looks at), so
    that is in the figure. Then where the
    time goes: the same steps timed one by one, and a cProfile of one call.
cold
    ``verify check DRAFT --index PATH --format json`` as a fresh process,
    ``--cold-runs`` times; also ``python -c "import torch, spacy"`` (what a
    check cannot do without) for how much of it is imports, the steps timed in
    one fresh process, and a cProfile of one cold command.

Data: ``../shared/data`` next to the repository, or ``$VERIFY_DATA``.

    python benchmarks/check_speed.py [--workdir DIR] [--runs 5] [--cold-runs 3]
                                     [--min-claims 100000] [--rebuild] [--json FILE]
"""

from __future__ import annotations

import argparse
import cProfile
import faulthandler
import json
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

WARM_BAR = 2.0
COLD_BAR = 10.0
DRAFT_WORDS = 1000
COPY_CHUNK = 400  # articles per copy file: the build stops at the chunk that reaches the target
STALL = 900  # seconds without progress before the build prints where it is stuck


def data_dir() -> Path:
    return Path(os.environ.get("VERIFY_DATA") or Path(__file__).resolve().parents[1].parent / "shared" / "data")


def bar(value: float, limit: float) -> str:
    return f"{'PASS' if value < limit else 'MISS'} (bar < {limit:g} s)"


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def load() -> str:
    try:
        a, b, c = os.getloadavg()
        return f"load average {a:.1f} {b:.1f} {c:.1f} on {os.cpu_count()} CPUs"
    except OSError:
        return f"{os.cpu_count()} CPUs"


# --------------------------------------------------------------------------- data


def read_incidents(path: Path) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
    return out


def words(text: str) -> int:
    return len(text.split())


def held_out(incidents: list[dict]) -> list[dict]:
    """One article of each of several incidents with 3+ real reports, ~DRAFT_WORDS words in all."""
    chosen, total, seen = [], 0, set()
    for inc in incidents:
        arts = [a for a in inc.get("articles", []) if len((a.get("content") or "").strip()) >= 200]
        if len(arts) < 3:
            continue
        art = arts[-1]
        if art["doc_id"] in seen or not 150 <= words(art["content"]) <= 450:
            continue
        chosen.append(art)
        seen.add(art["doc_id"])
        total += words(art["content"])
        if total >= DRAFT_WORDS:
            break
    return chosen


_NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
_NUMBER = re.compile(r"\b(?:\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\b", re.I)


def change_numbers(text: str) -> tuple[str, int]:
    """Every other small number (digits or a word one..ten) made one larger."""
    count = 0

    def bump(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        if count % 2:
            return m.group(0)
        w = m.group(0)
        if w.isdigit():
            return str(int(w) + 1)
        i = _NUMBER_WORDS.index(w.lower())
        new = _NUMBER_WORDS[i + 1] if i + 1 < len(_NUMBER_WORDS) else "eleven"
        return new.capitalize() if w[0].isupper() else new

    out = _NUMBER.sub(bump, text)
    return out, count // 2


def make_draft(articles: list[dict], target: int = DRAFT_WORDS) -> tuple[str, int]:
    """The held-out articles as one text of about ``target`` words, cut at a paragraph."""
    paras: list[str] = []
    total = 0
    for art in articles:
        for p in [art.get("title") or ""] + re.split(r"\n\s*\n|\n", art["content"]):
            p = p.strip()
            if not p:
                continue
            if total >= target:
                break
            paras.append(p)
            total += words(p)
    text, changed = change_numbers("\n\n".join(paras))
    date = articles[0].get("dct") or "2014-01-01"
    return f"date {date}\n\n{text}\n", changed


# --------------------------------------------------------------------------- index


class Progress:
    """Prints a line every ``every`` documents; re-arms the stall watchdog."""

    def __init__(self, label: str, every: int = 100) -> None:
        self.label, self.every = label, every
        self.docs = self.claims = 0
        self.t0 = time.perf_counter()
        faulthandler.dump_traceback_later(STALL, repeat=True, file=sys.stderr)

    def __call__(self, doc, claims) -> None:  # type: ignore[no-untyped-def]
        self.docs += 1
        self.claims += len(claims)
        faulthandler.dump_traceback_later(STALL, repeat=True, file=sys.stderr)
        if self.docs % self.every == 0:
            dt = time.perf_counter() - self.t0
            print(f"    {self.label}: {self.docs} documents, {self.claims} claims, {dt:.0f} s "
                  f"({self.docs / dt:.1f} docs/s)", flush=True)

    def done(self) -> None:
        faulthandler.cancel_dump_traceback_later()


def claim_count(index_dir: Path) -> int:
    from verify.index import Index

    if not (index_dir / "manifest.json").exists():
        return 0
    return Index.open(index_dir).counts.get("claims", 0)


def build_index(work: Path, incidents: list[dict], skip_ids: set[str], polnear: Path,
                min_claims: int, rebuild: bool) -> dict:
    from verify.index import Index
    from verify.ingest import ingest

    index_dir = work / "index"
    info_file = work / "index-info.json"
    if not rebuild and info_file.exists() and claim_count(index_dir) >= min_claims:
        info = json.loads(info_file.read_text())
        ix = Index.open(index_dir)
        info["claims"], info["documents"] = ix.counts["claims"], ix.counts["documents"]
        info["reused"] = True
        return info
    if rebuild and index_dir.exists():
        shutil.rmtree(index_dir)
    corpus = work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)

    def without_draft(inc: dict, suffix: str = "") -> dict:
        arts = []
        for a in inc.get("articles", []):
            if a.get("doc_id") in skip_ids:
                continue
            arts.append({**a, "doc_id": a["doc_id"] + suffix} if suffix else a)
        return {**inc, "articles": arts}

    gva = corpus / "gva.jsonl"
    with gva.open("w", encoding="utf-8") as f:
        for inc in incidents:
            f.write(json.dumps(without_draft(inc), ensure_ascii=False) + "\n")

    stages: list[dict] = []
    t_build = time.perf_counter()

    def run(label: str, paths: list[Path]) -> None:
        print(f"  ingest {label} ...", flush=True)
        prog = Progress(label)
        t = time.perf_counter()
        try:
            stats = ingest([str(p) for p in paths], index_dir, progress=prog)
        finally:
            prog.done()
        dt = time.perf_counter() - t
        total = claim_count(index_dir)
        stages.append({"stage": label, "documents": stats.documents, "skipped": stats.skipped,
                       "claims": stats.claims, "bad_records": len(stats.errors), "seconds": round(dt, 1),
                       "index_claims": total})
        print(f"  {label}: {stats.documents} documents ingested ({stats.skipped} unchanged, "
              f"{len(stats.errors)} bad records skipped), {stats.claims} claims in {dt:.0f} s; "
              f"index now {total} claims", flush=True)

    run("GVA articles", [gva])
    if claim_count(index_dir) < min_claims:
        run("PolNeAR dev texts", [polnear])
    copy = 0
    articles = [(i, a) for i, inc in enumerate(incidents) for a in inc.get("articles", [])
                if a.get("doc_id") not in skip_ids]
    while claim_count(index_dir) < min_claims:
        copy += 1
        for start in range(0, len(articles), COPY_CHUNK):
            if claim_count(index_dir) >= min_claims:
                break
            chunk = articles[start : start + COPY_CHUNK]
            path = corpus / f"gva-copy{copy}-{start // COPY_CHUNK + 1:03d}.jsonl"
            with path.open("w", encoding="utf-8") as f:
                for i, a in chunk:
                    rec = {**incidents[i], "articles": [{**a, "doc_id": f"{a['doc_id']}-copy{copy}"}]}
                    f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            run(f"GVA copy {copy}, articles {start + 1}-{start + len(chunk)}", [path])
        if copy > 20:
            raise SystemExit("the index does not grow; see the ingest lines above")
    ix = Index.open(index_dir)
    info = {
        "index": str(index_dir),
        "claims": ix.counts["claims"],
        "documents": ix.counts["documents"],
        "embedder": ix.embedder,
        "build_seconds": round(time.perf_counter() - t_build, 1),
        "stages": stages,
        "held_out_for_draft": sorted(skip_ids),
        "reused": False,
    }
    info_file.write_text(json.dumps(info, indent=1) + "\n")
    return info


# --------------------------------------------------------------------------- warm


PROFILED = [
    # (label, file suffix, function name)
    ("check (whole call)", "verify/check.py", "check"),
    ("Index.open", "verify/index.py", "open"),
    ("index._line_table (read a file, find its lines)", "verify/index.py", "_line_table"),
    ("Index.vector (one row's vector)", "verify/index.py", "vector"),
    ("Index.claim_parent (a row's id and parent)", "verify/index.py", "claim_parent"),
    ("VectorStore.__init__", "verify/index.py", "__init__"),
    ("Index.search_rows (incl. store build)", "verify/index.py", "search_rows"),
    ("VectorStore.search_rows (FAISS search)", "verify/index.py", "search_rows#store"),
    ("nlp.parse (spaCy)", "verify/nlp.py", "parse"),
    ("claims.claims (extract)", "verify/extract/claims.py", "claims"),
    ("embed", "verify/embed.py", "embed"),
    ("MiniLM._forward (the model)", "verify/minilm.py", "_forward"),
    ("_speaker_names", "verify/check.py", "_speaker_names"),
    ("_fact (pair checks)", "verify/check.py", "_fact"),
    ("_link", "verify/check.py", "_link"),
    ("match.pair", "verify/match.py", "pair"),
    ("_status", "verify/check.py", "_status"),
    ("Index.claim_at (parse claim JSON)", "verify/index.py", "claim_at"),
    ("Index.document (parse document JSON)", "verify/index.py", "document"),
    ("names.unify", "verify/extract/names.py", "unify"),
]


def profile_table(stats: pstats.Stats, total: float) -> list[str]:
    raw = stats.stats  # type: ignore[attr-defined]
    lines = []
    for label, suffix, name in PROFILED:
        want, nth = (name.split("#") + [""])[:2]
        hits = sorted((k, v) for k, v in raw.items() if k[0].endswith(suffix) and k[2] == want)
        if not hits:
            continue
        # Two search_rows in index.py: Index's comes first in the file, VectorStore's after.
        k, v = hits[-1] if nth == "store" else hits[0]
        calls, cum = v[1], v[3]
        lines.append(f"    {label:<45} {cum:7.3f} s  {calls:6d} calls  {100 * cum / total:5.1f} %")
    return lines


def top_functions(stats: pstats.Stats, n: int = 20) -> list[str]:
    raw = stats.stats  # type: ignore[attr-defined]
    rows = sorted(raw.items(), key=lambda kv: kv[1][2], reverse=True)[:n]
    out = []
    for (file, line, func), (_, nc, tt, ct, _) in rows:
        where = file.split("site-packages/")[-1] if "site-packages" in file else file.replace(str(REPO) + "/", "")
        out.append(f"    {tt:7.3f} s own  {ct:7.3f} s cum  {nc:7d} calls  {func} ({where}:{line})")
    return out


def timed_parts(check, draft, index_dir: Path, embedder) -> tuple[dict[str, float], dict[str, int]]:  # type: ignore[no-untyped-def]
    """One ``check`` call with its steps wrapped by timers: own seconds per step."""
    import importlib

    mod = importlib.import_module("verify.check")  # the module: ``verify.check`` is the API's function
    import verify.index as index_module
    from verify.index import Index, VectorStore

    own: dict[str, float] = {}
    calls: dict[str, int] = {}
    stack: list[float] = []  # time spent in wrapped children of each open frame

    def wrap(name: str, f):  # type: ignore[no-untyped-def]
        def timed(*a, **kw):  # type: ignore[no-untyped-def]
            stack.append(0.0)
            t = time.perf_counter()
            try:
                return f(*a, **kw)
            finally:
                dt = time.perf_counter() - t
                children = stack.pop()
                own[name] = own.get(name, 0.0) + dt - children
                calls[name] = calls.get(name, 0) + 1
                if stack:
                    stack[-1] += dt
        return timed

    patches = [
        (Index, "open", classmethod(wrap("Index.open (manifest)", Index.open.__func__))),
        (index_module, "_line_table", wrap("index._line_table (read a claims/documents file, find its lines)",
                                           index_module._line_table)),
        (Index, "claim_at", wrap("Index.claim_at (parse a claim's JSON)", Index.claim_at)),
        (Index, "claim_parent", wrap("Index.claim_parent (a row's id and parent)", Index.claim_parent)),
        (Index, "vector", wrap("Index.vector (one row, memory-mapped)", Index.vector)),
        (Index, "document", wrap("Index.document (parse a document's JSON)", Index.document)),
        (VectorStore, "__init__", wrap("VectorStore.__init__ (the segments' vectors mapped)", VectorStore.__init__)),
        (VectorStore, "search_rows", wrap("VectorStore.search_rows (FAISS search)", VectorStore.search_rows)),
        (mod, "parse", wrap("nlp.parse (spaCy)", mod.parse)),
        (mod, "extract_claims", wrap("claims.claims (attribution, numbers, times)", mod.extract_claims)),
        (mod, "_speaker_names", wrap("check._speaker_names (names.unify)", mod._speaker_names)),
        (mod, "_fact", wrap("check._fact (pair checks: _link, match.pair, verdicts)", mod._fact)),
        (mod, "_status", wrap("check._status (statuses, copies)", mod._status)),
        (embedder, "embed", wrap("embed (MiniLM, the draft's claims)", embedder.embed)),
    ]
    saved = [(obj, name, obj.__dict__.get(name, _MISSING)) for obj, name, _ in patches]
    try:
        for obj, name, new in patches:
            setattr(obj, name, new)
        wrap("whole check call", check)(draft, index_dir)
    finally:
        for obj, name, old in saved:
            if old is _MISSING:
                delattr(obj, name)
            else:
                setattr(obj, name, old)
    whole = own["whole check call"]
    own["whole check call"] = whole + sum(v for k, v in own.items() if k != "whole check call")
    own["other (check's own code, Index.search_rows glue, ...)"] = whole
    return own, calls


_MISSING = object()


def warm(index_dir: Path, draft_file: Path, runs: int) -> dict:
    from verify.check import check
    from verify.embed import load_embedder
    from verify.index import Index
    from verify.nlp import load_nlp
    from verify.read import document_from_text, documents

    draft = next(documents([draft_file]))
    print(f"\nwarm: models loaded first, then check(draft, index) in the same process ({load()})")
    t = time.perf_counter()
    load_nlp()
    embedder = load_embedder(Index.open(index_dir).embedder or "all-MiniLM-L6-v2")
    embedder.embed(["warm up"])
    small = document_from_text("Five people were injured in a shooting on Sunday, police said.", id="warmup")
    check(small, index_dir)
    print(f"  loading spaCy and the embedder and a first check of one sentence: {time.perf_counter() - t:.2f} s")
    if "torch" in sys.modules:
        print(f"  torch uses {sys.modules['torch'].get_num_threads()} threads")

    times, cpu = [], []
    result = None
    for i in range(runs):
        t, c = time.perf_counter(), time.process_time()
        result = check(draft, index_dir)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        print(f"  run {i + 1}: {times[-1]:.3f} s  (CPU {cpu[-1]:.3f} s in all threads)")
    med = median(times)
    assert result is not None
    statuses: dict[str, int] = {}
    for c in result.claims:
        statuses[c.status] = statuses.get(c.status, 0) + 1
    print(f"  median of {runs}: {med:.3f} s  {bar(med, WARM_BAR)}")
    print(f"  statuses: {', '.join(f'{k} {v}' for k, v in sorted(statuses.items()))}")

    # Where the time goes: the same check calls with the steps it takes timed
    # in place (own time, children excluded, so the parts add up to the call).
    timed = [timed_parts(check, draft, index_dir, embedder) for _ in range(runs)]
    parts_runs = [p for p, _ in timed]
    ncalls = timed[-1][1]
    names = list(dict.fromkeys(k for r in parts_runs for k in r))
    parts = {k: median([r.get(k, 0.0) for r in parts_runs]) for k in names}
    total_p = parts.pop("whole check call")
    print(f"\n  where the time goes: {runs} more check calls with each step timed in place "
          f"(own time, median; whole call {total_p:.3f} s):")
    for name, v in sorted(parts.items(), key=lambda kv: -kv[1]):
        n = ncalls.get(name)
        print(f"    {name:<58} {v:7.3f} s  {100 * v / total_p:5.1f} %" + (f"  {n:5d} calls" if n else ""))

    # cProfile of one call.
    prof = cProfile.Profile()
    t = time.perf_counter()
    prof.enable()
    check(draft, index_dir)
    prof.disable()
    total = time.perf_counter() - t
    st = pstats.Stats(prof)
    print(f"\n  cProfile of one check call ({total:.3f} s with the profiler's overhead), cumulative:")
    for line in profile_table(st, total):
        print(line)
    print("  top functions by own time:")
    for line in top_functions(st):
        print(line)
    return {
        "runs": [round(x, 3) for x in times], "median": round(med, 3), "statuses": statuses,
        "cpu": [round(x, 3) for x in cpu], "draft_claims": len(result.claims),
        "parts": {k: round(v, 3) for k, v in parts.items()},
    }


# --------------------------------------------------------------------------- cold


def children_cpu() -> float:
    """User + system CPU seconds of finished child processes so far."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def verify_command() -> list[str]:
    """The console script next to this Python (``verify`` has no ``__main__``)."""
    script = Path(sys.executable).parent / ("verify.exe" if os.name == "nt" else "verify")
    if script.exists():
        return [str(script)]
    found = shutil.which("verify")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from verify.cli import main; sys.argv[0] = 'verify'; main()"]


def cold(index_dir: Path, draft_file: Path, runs: int, work: Path) -> dict:
    cmd = verify_command() + ["check", str(draft_file), "--index", str(index_dir), "--format", "json"]
    print(f"\ncold: {' '.join(cmd)}  ({load()})")
    times, cpu, out = [], [], None
    for i in range(runs):
        t, c = time.perf_counter(), children_cpu()
        p = subprocess.run(cmd, cwd=work, capture_output=True, text=True)
        times.append(time.perf_counter() - t)
        cpu.append(children_cpu() - c)
        if p.returncode not in (0, 1):
            print(f"  the command failed with exit status {p.returncode}:\n{p.stderr}", file=sys.stderr)
            raise SystemExit(1)
        out = p.stdout
        print(f"  run {i + 1}: {times[-1]:.2f} s  (CPU {cpu[-1]:.2f} s; exit status {p.returncode})")
    med = median(times)
    n = None
    try:
        data = json.loads(out or "")
        n = len(data.get("claims", [])) if isinstance(data, dict) else None
    except ValueError:
        pass
    print(f"  median of {runs}: {med:.2f} s  {bar(med, COLD_BAR)}" + (f"  ({n} claims in the JSON)" if n is not None else ""))

    imp = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import torch, spacy"], check=True, capture_output=True)
        imp.append(time.perf_counter() - t)
    print(f"  for context: python -c \"import torch, spacy\": "
          f"{', '.join(f'{x:.2f}' for x in imp)} s, median {median(imp):.2f} s "
          f"({100 * median(imp) / med:.0f} % of the cold command)")

    # The cold command's steps, timed in one fresh process without a profiler.
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", COLD_STEPS, str(draft_file), str(index_dir)],
                       cwd=work, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if p.returncode == 0 and p.stdout.strip():
        steps = json.loads(p.stdout.strip().splitlines()[-1])
        inside = sum(steps.values())
        print(f"\n  the same steps in one fresh process, timed in place ({wall:.2f} s in all):")
        print(f"    {'python start-up and interpreter exit':<58} {wall - inside:7.3f} s")
        for name, v in steps.items():
            print(f"    {name:<58} {v:7.3f} s")
    else:
        print(f"  (the step-by-step cold run failed: {p.stderr.strip()[-300:]})")

    # One cold command under cProfile: what the fresh process spends its time on.
    prof_file = work / "cold.prof"
    script = cmd[0] if cmd[0] != sys.executable else None
    if script:
        pcmd = [sys.executable, "-m", "cProfile", "-o", str(prof_file), script] + cmd[1:]
        t = time.perf_counter()
        subprocess.run(pcmd, cwd=work, capture_output=True, text=True)
        total = time.perf_counter() - t
        if prof_file.exists():
            st = pstats.Stats(str(prof_file))
            print(f"\n  cProfile of one cold command ({total:.2f} s with the profiler's overhead), cumulative:")
            for label, suffix, name in COLD_PROFILED:
                hits = [(k, v) for k, v in st.stats.items()  # type: ignore[attr-defined]
                        if k[0].endswith(suffix) and k[2] == name]
                if hits:
                    v = max((v for _, v in hits), key=lambda v: v[3])
                    print(f"    {label:<52} {v[3]:7.3f} s")
    return {"runs": [round(x, 2) for x in times], "median": round(med, 2), "cpu": [round(x, 2) for x in cpu],
            "imports": [round(x, 2) for x in imp], "imports_median": round(median(imp), 2)}


COLD_STEPS = """
import json, sys, time
steps = {}
t = time.perf_counter()
import verify.cli, verify.check, verify.report, verify.read
from verify.check import check as check_draft
from verify.report import check_output
steps["import verify.cli, .check, .report, .read"] = time.perf_counter() - t
t = time.perf_counter()
import torch
steps["import torch (spaCy's thinc imports it)"] = time.perf_counter() - t
t = time.perf_counter()
import spacy
steps["import spacy (the rest of it)"] = time.perf_counter() - t
t = time.perf_counter()
from verify.nlp import load_nlp
load_nlp()
steps["load_nlp() (en_core_web_sm pipeline)"] = time.perf_counter() - t
t = time.perf_counter()
from verify.embed import load_embedder
load_embedder().model
steps["MiniLM weights and tokenizer (verify.minilm)"] = time.perf_counter() - t
t = time.perf_counter()
import faiss
steps["import faiss"] = time.perf_counter() - t
t = time.perf_counter()
load_embedder().embed(["Five people were injured, police said."])
steps["first embed, one sentence (torch's first run)"] = time.perf_counter() - t
t = time.perf_counter()
from verify.nlp import parse
parse("Five people were injured, police said.")
steps["first parse, one sentence"] = time.perf_counter() - t
t = time.perf_counter()
doc = next(verify.read.documents([sys.argv[1]]))
result = check_draft(doc, sys.argv[2])
steps["check(draft, index), first call"] = time.perf_counter() - t
t = time.perf_counter()
check_output(result, doc.text, "json")
steps["check_output json"] = time.perf_counter() - t
heavy = sorted(m for m in ("transformers", "sentence_transformers", "sklearn", "scipy") if m in sys.modules)
steps["(imported besides: " + (", ".join(heavy) or "none of transformers, sklearn, scipy") + ")"] = 0.0
print(json.dumps(steps))
"""


COLD_PROFILED = [
    ("everything (the click command)", "verify/cli.py", "check"),
    ("all imports (importlib _find_and_load)", "<frozen importlib._bootstrap>", "_find_and_load"),
    ("check()", "verify/check.py", "check"),
    ("nlp.load_nlp (spaCy pipeline load)", "verify/nlp.py", "load_nlp"),
    ("embed._load_minilm (MiniLM weights, tokenizer)", "verify/embed.py", "_load_minilm"),
    ("embed (incl. model load)", "verify/embed.py", "embed"),
    ("Index.search_rows (vectors mapped + FAISS)", "verify/index.py", "search_rows"),
    ("index._line_table (claims, documents files)", "verify/index.py", "_line_table"),
    ("nlp.parse", "verify/nlp.py", "parse"),
    ("claims.claims", "verify/extract/claims.py", "claims"),
    ("_fact (pair checks)", "verify/check.py", "_fact"),
    ("report.check_output", "verify/report.py", "check_output"),
]


# --------------------------------------------------------------------------- main


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "verify-check-speed",
                    help="where the index, its corpus files and the draft go (default: %(default)s)")
    ap.add_argument("--min-claims", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5, help="warm runs")
    ap.add_argument("--cold-runs", type=int, default=3)
    ap.add_argument("--rebuild", action="store_true", help="build the index again")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--limit", type=int, help="only the first N GVA incidents (a quick try of the script; "
                    "the bars are for the full index)")
    args = ap.parse_args()

    data = data_dir()
    gva_file = data / "gva-clusters" / "incidents.jsonl"
    polnear = data / "polnear-dev" / "text"
    missing = [p for p in (gva_file, polnear) if not p.exists()]
    if missing:
        print(f"development data not found: {', '.join(map(str, missing))}; "
              "set VERIFY_DATA to the shared data folder", file=sys.stderr)
        return 2
    work = args.workdir.resolve()
    if work == REPO or REPO in work.parents:
        print(f"--workdir {work} is inside the repository; give a folder outside it", file=sys.stderr)
        return 2
    work.mkdir(parents=True, exist_ok=True)

    import verify

    print(f"verify {getattr(verify, '__version__', '?')} from {Path(verify.__file__).parent}; python {sys.version.split()[0]}")
    print(f"data: {data}; workdir: {work}; {load()}")

    incidents = read_incidents(gva_file)[: args.limit]
    draft_articles = held_out(incidents)
    skip = {a["doc_id"] for a in draft_articles}

    print(f"\nindex (>= {args.min_claims} claims):")
    info = build_index(work, incidents, skip, polnear, args.min_claims, args.rebuild)
    how = "reused from an earlier run" if info.get("reused") else f"built in {info['build_seconds']:.0f} s"
    print(f"  {info['index']}: {info['documents']} documents, {info['claims']} claims, "
          f"embedder {info['embedder']} ({how})")
    for s in info["stages"]:
        print(f"    {s['stage']}: {s['documents']} documents ingested ({s['skipped']} already there), "
              f"{s['claims']} claims, {s['seconds']:.0f} s; index then {s['index_claims']} claims")
    if info["claims"] < args.min_claims:
        print(f"the index holds {info['claims']} claims, fewer than {args.min_claims}", file=sys.stderr)
        return 1
    index_dir = Path(info["index"])

    text, changed = make_draft(draft_articles)
    draft_file = work / "draft.txt"
    draft_file.write_text(text, encoding="utf-8")
    from verify.extract.claims import claims as extract_claims
    from verify.nlp import parse
    from verify.read import documents

    doc = next(documents([draft_file]))
    found = extract_claims(doc, parse(doc.text, doc.skip))
    sentences = sum(1 for c in found if c.parent is None)
    print(f"\ndraft {draft_file}: {words(text)} words from {len(draft_articles)} held-out GVA articles "
          f"({changed} numbers changed); {len(found)} claims ({sentences} sentences, "
          f"{len(found) - sentences} numbers)")

    w = warm(index_dir, draft_file, args.runs)
    c = cold(index_dir, draft_file, args.cold_runs, work)

    print("\nsummary")
    print(f"  index: {info['claims']} claims, {info['documents']} documents")
    print(f"  draft: {words(text)} words, {len(found)} claims")
    print(f"  warm check (models loaded), median of {args.runs}: {w['median']:.3f} s  {bar(w['median'], WARM_BAR)}")
    print(f"  cold command, median of {args.cold_runs}: {c['median']:.2f} s  {bar(c['median'], COLD_BAR)}")
    if args.json:
        args.json.write_text(json.dumps({"index": info, "draft_words": words(text), "draft_claims": len(found),
                                         "warm": w, "cold": c}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
