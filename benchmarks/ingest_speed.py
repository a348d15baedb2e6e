"""Ingest throughput against the models' own, and the cost of an unchanged re-ingest.

Corpus: the 2,054 news articles of ``gva-clusters/incidents.jsonl`` in the
shared data folder (``../shared/data``, or ``$VERIFY_DATA``); ``--limit N``
takes the articles of the first N incidents.

Steps, in one process, the models loaded and warmed up before any timing:

1. ingest: ``verify.ingest.ingest`` of the corpus into a new index (read,
   parse, extract, embed, write): documents/s, claims/s.
2. models alone, on the same input: the spaCy pipeline
   (``load_nlp().pipe`` over the same paragraph blocks that ``parse_blocks``
   makes, with the ingest's batch size) and the embedder
   (``load_embedder().embed`` of the claim texts the ingest stored, in one
   call). ``models / ingest`` is the share of the ingest's time that the
   models need: the bar is >= 0.8 (at most 20% of an ingest is overhead).
   The embedding is also timed in the chunks the ingest embeds in (it
   flushes every >= ``verify.ingest.EMBED_CHUNK`` claims), to show what
   chunking costs.
   The ingest commits in chunks (every ``verify.ingest.COMMIT_SECONDS``):
   their count and time are printed as a share of the ingest.
3. re-ingest: the same input into the same index, unchanged: its time and
   its ratio to the first ingest (bar: < 0.02).
4. ``--commit-cost N,N,...``: what one commit of a chunk costs in an index
   of N documents (synthetic records of 20 claims each, written without
   models): the manifest is rewritten whole, so this grows with the index
   and decides how often an ingest can commit.
5. ``--ray``: the same corpus ingested with ``ray="local"`` into a new index
   (Ray's start and the workers' model loading included), its time against
   the plain ingest's.

Both wall-clock and CPU time (``time.process_time``, all threads of this
process) are printed; on a shared machine the CPU ratio is the steadier one.
Peak memory is ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` (tracemalloc is
never started: it would slow the ingest), read after the models load, after
the ingest and at the end.

``--profile`` then ingests once more into a fresh index under pyinstrument
(a sampling profiler; cProfile if pyinstrument is not installed) and prints
where the time goes: by package and module (self time), by pipeline step
(time inside named functions), and the top functions.

Run ``python benchmarks/ingest_speed.py [--limit N] [--workdir DIR] [--profile]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BATCH_SIZE = 32  # verify.ingest.ingest's default batch of documents for spaCy
BARS = {"models_over_ingest": 0.8, "reingest_over_ingest": 0.02}


def data_dir() -> Path:
    return Path(os.environ.get("VERIFY_DATA") or ROOT.parent / "shared" / "data")


def incidents_file() -> Path:
    path = data_dir() / "gva-clusters" / "incidents.jsonl"
    if not path.is_file():
        sys.exit(
            f"ingest_speed.py: {path} not found: this benchmark needs the shared data folder "
            f"(expected at {data_dir()}; set VERIFY_DATA to the folder that holds gva-clusters/)"
        )
    return path


def rss_mb() -> float:
    """Peak resident memory of this process so far, MB (ru_maxrss is KB on Linux)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 2**20


class Clock:
    """Wall and CPU seconds of a block."""

    def __enter__(self) -> Clock:
        self.w0, self.c0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.w0
        self.cpu = time.process_time() - self.c0


def bar(ok: bool) -> str:
    return "meets the bar" if ok else "MISSES the bar"


class Meter:
    """Wall and CPU seconds spent in calls, summed."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0
        self.calls = 0

    def add(self, w0: float, c0: float) -> None:
        self.wall += time.perf_counter() - w0
        self.cpu += time.process_time() - c0
        self.calls += 1


class TimedEmbedder:
    """An embedder that times its calls; passed to ``ingest(embedder=...)``."""

    def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.meter = Meter()

    def embed(self, texts):  # type: ignore[no-untyped-def]
        w0, c0 = time.perf_counter(), time.process_time()
        try:
            return self.inner.embed(texts)
        finally:
            self.meter.add(w0, c0)


class timed_commits:
    """Times ``IndexWriter.commit`` while active (the commits of the chunks and the last one)."""

    def __enter__(self) -> Meter:
        from verify.index import IndexWriter

        self.real, meter = IndexWriter.commit, Meter()
        real = self.real

        def commit(writer):  # type: ignore[no-untyped-def]
            w0, c0 = time.perf_counter(), time.process_time()
            try:
                return real(writer)
            finally:
                meter.add(w0, c0)

        IndexWriter.commit = commit  # type: ignore[method-assign]
        return meter

    def __exit__(self, *exc: object) -> None:
        from verify.index import IndexWriter

        IndexWriter.commit = self.real  # type: ignore[method-assign]


class timed_parse:
    """Times ``verify.extract.claims.parse_blocks`` (each step of its generator) while
    active: measurement only, the function itself runs unchanged."""

    def __init__(self) -> None:
        self.meter = Meter()

    def __enter__(self) -> Meter:
        import verify.extract.claims as claims_module

        self.module, self.real = claims_module, getattr(claims_module, "parse_blocks", None)
        real, meter = self.real, self.meter

        def parse_blocks(*args, **kwargs):  # type: ignore[no-untyped-def]
            inner = real(*args, **kwargs)
            while True:
                w0, c0 = time.perf_counter(), time.process_time()
                try:
                    item = next(inner)
                except StopIteration:
                    meter.add(w0, c0)
                    return
                meter.add(w0, c0)
                yield item

        if real is not None:
            claims_module.parse_blocks = parse_blocks
        return meter

    def __exit__(self, *exc: object) -> None:
        if self.real is not None:
            self.module.parse_blocks = self.real


def prepare(args: argparse.Namespace, work: Path) -> Path:
    source = incidents_file()
    if args.limit is None:
        return source  # read in place, never copied
    lines = []
    with source.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                lines.append(line)
            if len(lines) >= args.limit:
                break
    path = work / f"incidents-first-{args.limit}.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def run(args: argparse.Namespace) -> int:
    work_tmp = None
    if args.workdir:
        work = Path(args.workdir)
        work.mkdir(parents=True, exist_ok=True)
    else:
        work_tmp = tempfile.mkdtemp(prefix="verify-speed-")
        work = Path(work_tmp)
    try:
        return _run(args, work)
    finally:
        if work_tmp:
            shutil.rmtree(work_tmp, ignore_errors=True)


def _run(args: argparse.Namespace, work: Path) -> int:
    path = prepare(args, work)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    index = work / f"speed-index-{stamp}"

    from verify.embed import load_embedder
    from verify.index import Index
    from verify.ingest import COMMIT_SECONDS
    from verify.ingest import EMBED_CHUNK as FLUSH_CLAIMS
    from verify.ingest import ingest
    from verify.nlp import block_spans, load_nlp
    from verify.read import documents

    print(f"corpus: {path}" + (f" (first {args.limit} incidents)" if args.limit else ""))
    print(f"cores: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.1f}")
    rss0 = rss_mb()
    with Clock() as load:
        nlp = load_nlp()
        embedder = load_embedder()
        embedder.embed(["The models are warmed up before any timing."])
        list(nlp.pipe(["The models are warmed up before any timing."] * 4, batch_size=BATCH_SIZE))
    rss_models = rss_mb()
    print(f"models loaded and warmed up in {load.wall:.1f} s; peak RSS {rss_models:.0f} MB "
          f"(at start {rss0:.0f} MB)")

    # 1. the ingest
    timed = TimedEmbedder(embedder)
    with timed_parse() as parsing, timed_commits() as committing, Clock() as first:
        stats = ingest([str(path)], str(index), embedder=timed, batch_size=BATCH_SIZE)
    rss_ingest = rss_mb()
    n_docs, n_claims = stats.documents, stats.claims
    inner_embed, inner_parse = timed.meter, parsing
    rest_wall = first.wall - inner_embed.wall - inner_parse.wall
    rest_cpu = first.cpu - inner_embed.cpu - inner_parse.cpu
    print(f"\n1. ingest: {n_docs} documents, {n_claims} claims ({len(stats.errors)} records left out) "
          f"in {first.wall:.1f} s wall, {first.cpu:.1f} s CPU")
    print(f"   {n_docs / first.wall:.2f} documents/s, {n_claims / first.wall:.1f} claims/s (wall)")
    print(f"   inside it: parse_blocks {inner_parse.wall:.1f} s wall {inner_parse.cpu:.1f} s CPU; "
          f"embed ({inner_embed.calls} calls) {inner_embed.wall:.1f} s wall {inner_embed.cpu:.1f} s CPU; "
          f"the rest (read, extract, write) {rest_wall:.1f} s wall {rest_cpu:.1f} s CPU")
    print(f"   commits (every {COMMIT_SECONDS:.0f} s of work, and the last): {committing.calls} in "
          f"{committing.wall:.2f} s wall {committing.cpu:.2f} s CPU, {committing.wall / first.wall:.2%} of the ingest; "
          f"{len(Index.open(index)._manifest.segments)} segments left")
    print(f"   peak RSS after the ingest: {rss_ingest:.0f} MB (+{rss_ingest - rss_models:.0f} MB over the models)")

    # 2. the models alone on the same input
    with Clock() as read:
        docs = list(documents([str(path)], []))
    blocks = [d.text[a:b] for d in docs for a, b in block_spans(d.text, d.skip)]
    with Clock() as parse:
        for _ in nlp.pipe(blocks, batch_size=BATCH_SIZE):
            pass
    claims_by_doc: dict[str, list[str]] = defaultdict(list)
    order: list[str] = []
    for c in Index.open(index).claims():
        if c.doc not in claims_by_doc:
            order.append(c.doc)
        claims_by_doc[c.doc].append(c.text)
    texts = [t for d in order for t in claims_by_doc[d]]
    with Clock() as embed:
        embedder.embed(texts)
    chunked = None
    if not args.no_chunked:
        chunks, pending = [], []
        for d in order:
            pending += claims_by_doc[d]
            if len(pending) >= FLUSH_CLAIMS:
                chunks.append(pending)
                pending = []
        if pending:
            chunks.append(pending)
        with Clock() as chunked:
            for chunk in chunks:
                embedder.embed(chunk)
    models_wall, models_cpu = parse.wall + embed.wall, parse.cpu + embed.cpu
    share_wall, share_cpu = models_wall / first.wall, models_cpu / first.cpu
    print(f"\n2. models alone on the same input ({len(docs)} documents, {len(blocks)} blocks, {len(texts)} claims):")
    print(f"   spaCy pipe (batch {BATCH_SIZE}):  {parse.wall:7.1f} s wall {parse.cpu:7.1f} s CPU  "
          f"({len(docs) / parse.wall:.2f} documents/s)")
    print(f"   embed (one call):       {embed.wall:7.1f} s wall {embed.cpu:7.1f} s CPU  "
          f"({len(texts) / embed.wall:.1f} claims/s)")
    if chunked:
        print(f"   embed (ingest's chunks of >= {FLUSH_CLAIMS}, {len(chunks)} calls): {chunked.wall:.1f} s wall "
              f"{chunked.cpu:.1f} s CPU ({chunked.wall / embed.wall:.2f}x one call)")
    print(f"   (reading the file alone: {read.wall:.1f} s wall)")
    print(f"   models / ingest = {share_wall:.2f} wall, {share_cpu:.2f} CPU   (bar >= {BARS['models_over_ingest']}: "
          f"{bar(share_cpu >= BARS['models_over_ingest'])} on CPU, {bar(share_wall >= BARS['models_over_ingest'])} on wall)")
    print(f"   overhead outside the models: {first.wall - models_wall:.1f} s wall, {first.cpu - models_cpu:.1f} s CPU")
    print(f"   the models inside the ingest / alone: parse {inner_parse.wall / parse.wall:.2f} wall "
          f"{inner_parse.cpu / parse.cpu:.2f} CPU; embed {inner_embed.wall / embed.wall:.2f} wall "
          f"{inner_embed.cpu / embed.cpu:.2f} CPU"
          + (f" ({inner_embed.wall / chunked.wall:.2f} wall against the same chunks alone)" if chunked else ""))

    # 3. unchanged re-ingest
    with Clock() as second:
        again = ingest([str(path)], str(index), embedder=embedder, batch_size=BATCH_SIZE)
    redo = second.wall / first.wall
    print(f"\n3. re-ingest, unchanged: {again.documents} documents new, {again.skipped} unchanged, "
          f"{second.wall:.2f} s wall, {second.cpu:.2f} s CPU")
    print(f"   re-ingest / ingest = {redo:.4f} wall, {second.cpu / first.cpu:.4f} CPU   "
          f"(bar < {BARS['reingest_over_ingest']}: {bar(redo < BARS['reingest_over_ingest'])})")
    rss_end = rss_mb()
    print(f"\npeak RSS at the end: {rss_end:.0f} MB (tracemalloc off); load average now: {os.getloadavg()[0]:.1f}")

    figures = {
        "documents": n_docs, "claims": n_claims,
        "ingest_s": {"wall": first.wall, "cpu": first.cpu},
        "documents_per_s": n_docs / first.wall, "claims_per_s": n_claims / first.wall,
        "parse_s": {"wall": parse.wall, "cpu": parse.cpu},
        "embed_s": {"wall": embed.wall, "cpu": embed.cpu},
        "embed_chunked_s": {"wall": chunked.wall, "cpu": chunked.cpu} if chunked else None,
        "read_s": read.wall,
        "inside_ingest_s": {"parse": {"wall": inner_parse.wall, "cpu": inner_parse.cpu},
                            "embed": {"wall": inner_embed.wall, "cpu": inner_embed.cpu},
                            "rest": {"wall": rest_wall, "cpu": rest_cpu}},
        "models_over_ingest": {"wall": share_wall, "cpu": share_cpu},
        "reingest_s": {"wall": second.wall, "cpu": second.cpu},
        "reingest_over_ingest": {"wall": redo, "cpu": second.cpu / first.cpu},
        "peak_rss_mb": {"models": rss_models, "after_ingest": rss_ingest, "end": rss_end},
        "commits": {"count": committing.calls, "wall": committing.wall, "cpu": committing.cpu},
    }
    if args.commit_cost:
        figures["commit_cost_s"] = commit_cost([int(n) for n in args.commit_cost.split(",")], work)
    if args.ray:
        figures["ray"] = ray_ingest(path, work / f"ray-index-{stamp}", first.wall, index)

    if args.profile:
        target = path
        if args.profile_limit:
            target = prepare(argparse.Namespace(limit=args.profile_limit), work)
        figures["profile"] = profile(target, work / f"profile-index-{stamp}", embedder, args)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
        print(f"\nfigures written to {args.json}")
    if not args.keep:
        shutil.rmtree(index, ignore_errors=True)
    ok = share_cpu >= BARS["models_over_ingest"] and redo < BARS["reingest_over_ingest"]
    return 0 if ok or not args.strict else 1


# -- commit cost and Ray ---------------------------------------------------------------


def commit_cost(sizes: list[int], work: Path) -> dict[str, float]:
    """Seconds of one commit of a chunk of 30 documents into an index of each size."""
    import numpy as np

    from verify.embed import HashEmbedder
    from verify.index import Index
    from verify.models import Claim, Document

    print("\n4. one commit of a chunk of 30 documents (20 claims each) into an index of N documents:")
    embedder, out = HashEmbedder(384), {}
    for n in sizes:
        folder = work / f"commit-cost-{n}"
        shutil.rmtree(folder, ignore_errors=True)
        index = Index.open(folder, create=True)
        vectors = np.zeros((20, 384), dtype=np.float32)
        vectors[:, 0] = 1

        def put(writer, i: int) -> None:  # type: ignore[no-untyped-def]
            text = f"Officials in Town {i} said {i % 97} people were hurt. " * 20
            doc = Document(id=f"doc-{i:07d}", path=f"corpus/{i}.txt", text=text)
            claims = [Claim(id=f"doc-{i:07d}:{k}", doc=doc.id, start=53 * k, end=53 * k + 52,
                            text=text[53 * k : 53 * k + 52]) for k in range(20)]
            writer.put(doc, claims, vectors)

        with index.writer(embedder) as writer:
            for i in range(n):
                put(writer, i)
        took = []
        with Index.open(folder).writer(embedder) as writer:
            for chunk in range(3):
                for i in range(n + 30 * chunk, n + 30 * (chunk + 1)):
                    put(writer, i)
                with Clock() as one:
                    writer.commit()
                took.append(one.wall)
        manifest = (folder / "manifest.json").stat().st_size / 2**20
        out[str(n)] = min(took)
        print(f"   N = {n:>7,}: {min(took):6.3f} s wall (best of 3; manifest {manifest:.1f} MB): "
              f"{min(took) / 30:.2%} of a chunk of 30 s")
        shutil.rmtree(folder, ignore_errors=True)
    return out


def ray_ingest(path: Path, index: Path, plain_wall: float, plain_index: Path) -> dict[str, float]:
    """The same ingest on a local Ray: its time against the plain one's, and the same claims."""
    import numpy as np

    from verify.index import Index
    from verify.ingest import ingest

    print("\n5. the same corpus with --ray (a local Ray: its start and the workers' models included):")
    with Clock() as on_ray:
        stats = ingest([str(path)], str(index), ray="local", batch_size=BATCH_SIZE)
    a, b = Index.open(plain_index), Index.open(index)
    same = [c.model_dump() for c in a.claims()] == [c.model_dump() for c in b.claims()]
    close = bool(np.allclose(a.vectors(), b.vectors(), atol=1e-5))
    print(f"   {stats.documents} documents, {stats.claims} claims in {on_ray.wall:.1f} s wall "
          f"({stats.documents / on_ray.wall:.2f} documents/s): {on_ray.wall / plain_wall:.2f}x the plain ingest; "
          f"claims the same: {same}, vectors within 1e-5: {close}")
    shutil.rmtree(index, ignore_errors=True)
    return {"wall": on_ray.wall, "over_plain": on_ray.wall / plain_wall, "same_claims": same, "close_vectors": close}


# -- profile --------------------------------------------------------------------------

# Pipeline steps: time inside these functions (outermost call only), by the
# name of the function and the end of its file's path.
STEPS = [
    ("read (verify.read.documents)", "read/formats.py", "documents"),
    ("parse (verify.nlp.parse_blocks)", "nlp.py", "parse_blocks"),
    ("claims (verify.extract.claims.claims)", "claims.py", "claims"),
    ("  attribution.attributions", "attribution.py", "attributions"),
    ("  claims._numbers", "claims.py", "_numbers"),
    ("  quantities.quantities", "quantities.py", "quantities"),
    ("  timeref.time_expressions", "timeref.py", "time_expressions"),
    ("  timeref.document_date", "timeref.py", "document_date"),
    ("embed (Embedder.embed)", "embed.py", "embed"),
    ("index writer put", "index.py", "put"),
    ("index writer commit", "index.py", "commit"),
]


def _package(path: str) -> str:
    """A file path as the package (or verify module) it belongs to."""
    p = path.replace("\\", "/")
    if "/verify/" in p and "site-packages" not in p:
        return "verify." + p.rsplit("/", 1)[-1].removesuffix(".py")
    if "site-packages/" in p:
        return p.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    if p.startswith("<") or "/" not in p:
        return p or "<builtin>"
    if not p.startswith("/"):  # Cython modules: "thinc/backends/numpy_ops.pyx"
        return p.split("/", 1)[0]
    return "stdlib:" + p.rsplit("/", 1)[-1].removesuffix(".py")


def profile(path: Path, index: Path, embedder, args: argparse.Namespace) -> dict:  # type: ignore[no-untyped-def]
    from verify.ingest import ingest

    try:
        import pyinstrument  # noqa: F401

        use = "pyinstrument"
    except ImportError:
        use = "cProfile"
    if args.profiler:
        use = args.profiler
    print(f"\n== profile of one more ingest into a fresh index ({use}) ==")
    by_package: dict[str, float] = defaultdict(float)
    steps: dict[str, float] = defaultdict(float)
    functions: dict[str, float] = defaultdict(float)
    if use == "pyinstrument":
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.005)
        profiler.start()
        t0 = time.perf_counter()
        ingest([str(path)], str(index), embedder=embedder, batch_size=BATCH_SIZE)
        total = time.perf_counter() - t0
        profiler.stop()
        root = profiler.last_session.root_frame()

        def walk(frame, inside: frozenset, owner: str) -> None:  # type: ignore[no-untyped-def]
            if frame.is_synthetic:  # "[self]" and such: counted in their parent's own time
                return
            file = frame.file_path or ""
            # Built-ins and Cython frames ("<built-in>", "numpy_ops.pyx") count for
            # the package of the Python code that called them.
            package = owner if (not file or file.startswith("<") or "/" not in file) else _package(file)
            real = [c for c in frame.children if not c.is_synthetic]
            own = frame.time - sum(c.time for c in real)
            if own > 0:
                by_package[package] += own
                functions[f"{package}:{frame.function}"] += own
            now = inside
            for label, suffix, name in STEPS:
                if frame.function == name and file.endswith("/verify/" + suffix) and label not in inside:
                    steps[label] += frame.time
                    now = now | {label}
            for child in real:
                walk(child, now, package)

        if root is not None:
            walk(root, frozenset(), "<no Python frame>")
        measured = root.time if root is not None else total
    else:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        t0 = time.perf_counter()
        prof.enable()
        ingest([str(path)], str(index), embedder=embedder, batch_size=BATCH_SIZE)
        prof.disable()
        total = time.perf_counter() - t0
        st = pstats.Stats(prof)
        for (file, _line, name), (_cc, _nc, tt, ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
            by_package[_package(file)] += tt
            functions[f"{_package(file)}:{name}"] += tt
            for label, suffix, fname in STEPS:
                if name == fname and file.endswith("/verify/" + suffix):
                    steps[label] = max(steps[label], ct)  # cumulative time (recursion counted once)
        measured = sum(by_package.values())
    shutil.rmtree(index, ignore_errors=True)
    print(f"profiled ingest: {total:.1f} s wall (profiler overhead included); shares of {measured:.1f} s sampled")
    print("\nby pipeline step (time inside, children included):")
    for label, _, _ in STEPS:
        if steps.get(label):
            print(f"  {label:34} {steps[label]:8.1f} s  {steps[label] / measured:6.1%}")
    print("\nby package / verify module (self time):")
    for name, t in sorted(by_package.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"  {name:34} {t:8.1f} s  {t / measured:6.1%}")
    print("\ntop functions (self time):")
    for name, t in sorted(functions.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"  {name[:70]:70} {t:7.1f} s  {t / measured:6.1%}")
    return {
        "profiler": use, "wall_s": total, "measured_s": measured,
        "steps": dict(steps), "packages": dict(sorted(by_package.items(), key=lambda kv: -kv[1])[: args.top]),
        "functions": dict(sorted(functions.items(), key=lambda kv: -kv[1])[: args.top]),
    }


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the articles of the first N incidents")
    parser.add_argument("--workdir", help="folder for the indexes; default: a temp folder (removed)")
    parser.add_argument("--keep", action="store_true", help="keep the index in --workdir")
    parser.add_argument("--no-chunked", action="store_true", help="skip timing the embedding in the ingest's chunks")
    parser.add_argument("--profile", action="store_true", help="profile one more ingest and print where time goes")
    parser.add_argument("--profile-limit", type=int, help="profile the articles of the first N incidents only")
    parser.add_argument("--profiler", choices=("pyinstrument", "cProfile"), help="default: pyinstrument if installed")
    parser.add_argument("--top", type=int, default=25, help="rows of the profile tables (default 25)")
    parser.add_argument("--commit-cost", metavar="N,N,...", help="time one commit into synthetic indexes of N documents")
    parser.add_argument("--ray", action="store_true", help="also ingest on a local Ray (needs pip install 'verify[ray]')")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a bar is missed")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
