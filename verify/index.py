"""The on-disk index: documents, claims and their vectors under ``indexes/NAME/``.

Layout::

    indexes/NAME/
      manifest.json        the current state: format, embedder and dim, counts,
                           segments, and per document its digest and place
      lock                 writers hold an exclusive lock on it; it holds their pid
      seg-000001/          a segment, never changed once written:
        documents.jsonl      Document records, one JSON object a line
        claims.jsonl         Claim records; a document's claims are consecutive
        vectors.f32          float32 little-endian rows, row i for claims line i
        vectors.ivf          a large segment's IVF index (FAISS's file), written
                             after an ingest (``Index.prepare_search``); a reader
                             without it trains one in memory (see ``VectorStore``)
        signatures.jsonl     per document line, the names and people it is about
                             (``verify.extract.signature``), read at ingest so
                             that a check reads them rather than the texts; a
                             segment of an older verify has none, and its
                             readers read them from the text
        claims.jsonl.lines   where each line starts (int64), written with the
        documents.jsonl.lines  segment; a reader without them counts in memory
        signatures.jsonl.lines
      tmp-<pid>-<hex>/     a segment being written (an abandoned one is removed
                           by the next writer)
      neighbours.hnsw      the graph a report finds each claim's nearest through
      neighbours.keys      (FAISS's HNSW file) and, a line per graph row, the
                           claim it holds; grown after each ingest (see
                           ``Index.neighbour_rows``); not part of a commit:
                           without it, or stale, a report builds one in memory

A document lives where the manifest says (segment, line, first claim row); a
record that is not there is dead (its document was replaced or removed) and is
skipped by readers and dropped when segments are merged.

Safety: a writer streams new records into a ``tmp-`` folder; ``commit`` fsyncs
the files, renames the folder to ``seg-N``, then writes ``manifest.json.tmp``,
fsyncs it and ``os.replace``s it over ``manifest.json``. Readers follow only
``manifest.json``, so a process killed at any moment leaves the previous state
whole; what it leaves behind is unreferenced and removed by the next writer.
Segments a commit drops stay on disk until the commit after it, for readers
that opened the previous manifest.

Locking: a writer takes an exclusive ``flock`` on ``lock``, without blocking.
By default a second writer fails at once with "index ... is being written by
another verify process (pid N); wait for it to finish"; ``writer(timeout=S)``
waits up to S seconds first. Readers never lock.

Vectors sit behind ``VectorStore``: each segment is a shard searched on its
own, its memory-mapped vectors in place, by brute force (exact) or, past
``VectorStore.IVF_ROWS`` rows, through an IVF index kept beside them; the
shards' best are merged. Readers read a file of a segment only when one of
its rows is wanted (see ``_Reader``).
"""

from __future__ import annotations

import bisect
import errno
import hashlib
import json
import mmap
import os
import re
import secrets
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import numpy as np
from pydantic import BaseModel, Field, ValidationError

from verify import __version__
from verify.embed import Embedder
from verify.errors import IndexError_
from verify.extract.signature import signature
from verify.models import Claim, Document

FORMAT = 1
MANIFEST, LOCK = "manifest.json", "lock"
DOCUMENTS, CLAIMS, VECTORS = "documents.jsonl", "claims.jsonl", "vectors.f32"
SIGNATURES = "signatures.jsonl"
IVF = "vectors.ivf"
GRAPH, GRAPH_KEYS = "neighbours.hnsw", "neighbours.keys"  # a report's graph, for the whole index
LINES = ".lines"  # beside a segment's file: where each of its lines starts
_SEGMENT = re.compile(r"seg-(\d{6,})")
_DTYPE = np.dtype("<f4")
_INT = np.dtype("<i8")


class _Entry(BaseModel):
    digest: str
    segment: str
    line: int
    """Line of the document in the segment's documents.jsonl."""
    row: int
    """First row of its claims in claims.jsonl and vectors.f32."""
    claims: int


class _Segment(BaseModel):
    name: str
    documents: int
    rows: int


class _Manifest(BaseModel):
    format: int = FORMAT
    verify: str = __version__
    embedder: str | None = None
    dim: int | None = None
    counts: dict[str, int] = Field(default_factory=lambda: {"documents": 0, "claims": 0})
    segments: list[_Segment] = Field(default_factory=list)
    retired: list[str] = Field(default_factory=list)
    """Segments the last commit dropped, kept for readers of the manifest before it."""
    documents: dict[str, _Entry] = Field(default_factory=dict)


# The index ``Index.open_cached`` keeps, by its path and its manifest's identity.
_OPENED: dict[tuple, Index] = {}


class Index:
    """An index folder as of its last commit. Open it with ``Index.open``."""

    def __init__(self, path: Path, manifest: _Manifest, rebuild: bool = False) -> None:
        self.path = path
        self._manifest = manifest
        self._rebuild = rebuild
        self._reader: _Reader | None = None

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], *, create: bool = False, rebuild: bool = False
    ) -> Index:
        """Open the index at ``path``.

        ``create`` makes an empty index if there is none; ``rebuild`` opens it
        as empty whatever it holds (even from another format), and the first
        commit replaces the old content. Raises ``IndexError_`` when there is no
        index (and not ``create``), or it is from another format or damaged.
        """
        path = Path(path)
        if rebuild or (create and not (path / MANIFEST).exists()):
            _make_folder(path)
            return cls(path, _Manifest(), rebuild=rebuild)
        return cls(path, _read_manifest(path))

    @classmethod
    def open_cached(cls, path: str | os.PathLike[str]) -> Index:
        """The index at ``path`` as of its last commit, for reading only, opened
        once per process while that commit stands: a server or a script that
        checks or searches many times reads the manifest, maps the files and
        builds their line tables once rather than at every call. A commit
        replaces the manifest (a new file), so the next call opens the new one.
        Raises as ``open`` does."""
        path = Path(path)
        try:
            st = (path / MANIFEST).stat()
        except OSError:
            return cls.open(path)  # no index: ``open`` says so
        key = (str(path.resolve()), st.st_ino, st.st_mtime_ns, st.st_size)
        cached = _OPENED.get(key)
        if cached is None:
            cached = cls.open(path)
            _OPENED.clear()  # one index kept: the one being read
            _OPENED[key] = cached
        return cached

    @property
    def embedder(self) -> str | None:
        """Name of the embedder that made the vectors (see ``load_embedder``)."""
        return self._manifest.embedder

    @property
    def dim(self) -> int | None:
        return self._manifest.dim

    @property
    def counts(self) -> dict[str, int]:
        """``{"documents": n, "claims": m}``."""
        return dict(self._manifest.counts)

    def digests(self) -> dict[str, str]:
        """Each document id with the digest it was indexed with."""
        return {doc: e.digest for doc, e in self._manifest.documents.items()}

    def has(self, doc_id: str, digest: str) -> bool:
        """Whether the document is indexed with this digest (so can be skipped)."""
        entry = self._manifest.documents.get(doc_id)
        return bool(digest) and entry is not None and entry.digest == digest

    def documents(self) -> Iterator[Document]:
        """Every document, with its full text, oldest segment first."""
        for seg, entries in self._by_segment():
            live = {e.line for e in entries}
            for i, line in enumerate(_lines(self.path, seg, DOCUMENTS, seg.documents)):
                if i in live:
                    yield Document.model_validate_json(line)

    def claims(self) -> Iterator[Claim]:
        """Every claim, in the order of the rows of ``vectors()``."""
        for seg, mask in self._live_rows():
            for i, line in enumerate(_lines(self.path, seg, CLAIMS, seg.rows)):
                if mask[i]:
                    yield Claim.model_validate_json(line)

    def claim_ids(self) -> list[str]:
        """Every claim id, in the order of the rows of ``vectors()``."""
        reader = self._read()
        return [_claim_id(reader.claim_line(row)) for row in range(reader.rows)]

    def claim_at(self, row: int) -> Claim:
        """The claim of one row of ``vectors()``, read and parsed only when asked for."""
        return Claim.model_validate_json(self._read().claim_line(row))

    def claim_parent(self, row: int) -> tuple[str, str | None]:
        """The id of the claim of a row and of its sentence (``parent``), without parsing the rest."""
        return _id_and_parent(self._read().claim_line(row))

    def document(self, doc_id: str) -> Document | None:
        """One document by id, or None."""
        entry = self._manifest.documents.get(doc_id)
        if entry is None:
            return None
        seg = next(s for s in self._manifest.segments if s.name == entry.segment)
        return Document.model_validate_json(self._read().line(seg, DOCUMENTS, seg.documents, entry.line))

    def signature(self, doc_id: str) -> tuple[set[str], set[str]] | None:
        """The names and the people one document is about (``verify.extract.signature``),
        as written at ingest beside it; read from its text in a segment written
        without them. None when it is not indexed."""
        entry = self._manifest.documents.get(doc_id)
        if entry is None:
            return None
        seg = next(s for s in self._manifest.segments if s.name == entry.segment)
        line = self._read().signature_line(seg, entry.line)
        if line is not None:
            try:
                data = json.loads(line)
                return set(data["names"]), set(data["people"])
            except (ValueError, KeyError, TypeError):  # damaged: read from the text
                pass
        return signature(Document.model_validate_json(self._read().line(seg, DOCUMENTS, seg.documents, entry.line)).text)

    def document_rows(self, doc_id: str) -> range:
        """The rows of ``vectors()`` that hold one document's claims (empty when it is not indexed)."""
        entry = self._manifest.documents.get(doc_id)
        if entry is None or not entry.claims:
            return range(0)
        return self._read().rows_of(entry.segment, entry.row, entry.claims)

    @property
    def rows(self) -> int:
        """How many rows ``vectors()`` has: the claims of the live documents."""
        return self._read().rows

    def vector(self, row: int) -> np.ndarray:
        """The vector of one row of ``vectors()``, without reading the others."""
        return self._read().vector(row)

    def search_rows(self, vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Like ``search``, with rows of ``vectors()`` (-1 where there is none) for ids."""
        return self._read().store().search_rows(vectors, k)

    def prepare_search(self) -> None:
        """Train and keep the IVF of each segment large enough to be searched through
        one (``VectorStore.IVF_ROWS``), so that the first search does not; and
        grow the report's graph by the claims added since (``neighbour_rows``)."""
        self._read().store().prepare()
        self._grow_graph()

    def neighbour_rows(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Every row's ``k`` nearest among all rows, a report's search, as
        ``VectorStore.neighbour_rows`` gives it, but through the graph the index
        keeps (``neighbours.hnsw``) when it holds every live claim: a report
        then pays for the graph's search, not for building it. An ingest grows
        the graph by the claims it added (``prepare_search``, one thread, so
        that the same ingests give the same graph); claims of documents
        replaced or removed stay in it, skipped, until they are a fifth of it
        and it is built again. Without a graph (fewer than
        ``VectorStore.HNSW_KEEP_ROWS`` claims, or one not grown since the last
        commit) the store's own search."""
        store = self._read().store()
        kept = self._kept_graph()
        if kept is None or k <= 0:
            return store.neighbour_rows(k)
        graph, graph_keys = kept
        keys = self._row_keys()
        where = {key: i for i, key in enumerate(graph_keys)}
        if any(key not in where for key in keys):
            return store.neighbour_rows(k)  # claims the graph has not had yet
        row_of = np.full(len(graph_keys), -1, dtype=np.int64)
        row_of[[where[key] for key in keys]] = np.arange(len(keys))
        dead = len(graph_keys) - len(keys)
        k = min(k, len(keys))
        want = min(len(graph_keys), k + (min(k, dead) if dead else 0))
        scores, found = _graph_search(graph, self.vectors(), want)
        rows = np.where(found >= 0, row_of[np.maximum(found, 0)], -1)
        return _best(scores, rows, k)

    def _row_keys(self) -> list[str]:
        """A key per row of ``vectors()``: its document, the document's digest and
        the claim's place in it (a replaced document's claims are new keys)."""
        reader = self._read()
        keys: list[str] = [""] * reader.rows
        for doc, e in self._manifest.documents.items():
            for j, row in enumerate(reader.rows_of(e.segment, e.row, e.claims)):
                keys[row] = f"{e.digest} {doc} {j}"
        return keys

    def _kept_graph(self):  # type: ignore[no-untyped-def]
        """The kept graph and its keys, or None (none, cut short, or unreadable)."""
        import faiss

        file, keys_file = self.path / GRAPH, self.path / GRAPH_KEYS
        if not file.exists() or not keys_file.exists():
            return None
        try:
            graph = faiss.read_index(str(file))
            keys = keys_file.read_text(encoding="utf-8").splitlines()
        except (OSError, RuntimeError, UnicodeDecodeError):
            return None
        if graph.ntotal != len(keys) or graph.d != (self.dim or 0):
            return None
        return graph, keys

    def _grow_graph(self) -> None:
        """Add the claims the kept graph lacks (built anew when none, or when a
        fifth of it is dead); none below ``VectorStore.HNSW_KEEP_ROWS`` claims."""
        import faiss

        keys = self._row_keys()
        if len(keys) < VectorStore.HNSW_KEEP_ROWS:
            return
        kept = self._kept_graph()
        live = set(keys)
        if kept is not None and sum(1 for key in kept[1] if key not in live) * 5 > len(kept[1]):
            kept = None
        graph, graph_keys = kept if kept is not None else (None, [])
        have = set(graph_keys)
        new = [i for i, key in enumerate(keys) if key not in have]
        if graph is not None and not new:
            return
        graph = _graph_add(graph, self.vectors()[new], self.dim or 0)
        graph_keys = graph_keys + [keys[i] for i in new]
        tag = f"tmp-{os.getpid()}-{secrets.token_hex(4)}"
        tmp, tmp_keys = self.path / f"{GRAPH}.{tag}", self.path / f"{GRAPH_KEYS}.{tag}"
        try:  # the keys last: a graph and keys that disagree in count are not used
            faiss.write_index(graph, str(tmp))
            tmp_keys.write_text("\n".join(graph_keys) + "\n", encoding="utf-8")
            os.replace(tmp, self.path / GRAPH)
            os.replace(tmp_keys, self.path / GRAPH_KEYS)
        except (OSError, RuntimeError):  # a read-only index: a report builds one in memory
            tmp.unlink(missing_ok=True)
            tmp_keys.unlink(missing_ok=True)

    def vectors(self) -> np.ndarray:
        """The claim vectors, float32 ``(claims, dim)``, in the order of ``claims()``."""
        return self._read().whole()

    def search(self, vectors: np.ndarray, k: int) -> tuple[np.ndarray, list[list[str]]]:
        """The ``k`` claims nearest each query row: scores (cosine) and claim ids."""
        reader = self._read()
        scores, rows = reader.store().search_rows(vectors, k)
        return scores, [[_claim_id(reader.claim_line(int(r))) for r in row if r >= 0] for row in rows]

    def _read(self) -> _Reader:
        """What has been read of the current manifest (a writer replaces the manifest)."""
        if self._reader is None or self._reader.manifest is not self._manifest:
            self._reader = _Reader(self.path, self._manifest, self._live_rows())
        return self._reader

    def writer(self, embedder: Embedder, *, timeout: float = 0.0) -> IndexWriter:
        """A writer for this index; use it as a context manager (see ``IndexWriter``)."""
        return IndexWriter(self, embedder.name, embedder.dim, timeout=timeout)

    def _by_segment(self) -> list[tuple[_Segment, list[_Entry]]]:
        groups: dict[str, list[_Entry]] = {s.name: [] for s in self._manifest.segments}
        for e in self._manifest.documents.values():
            groups[e.segment].append(e)
        return [(s, groups[s.name]) for s in self._manifest.segments]

    def _live_rows(self) -> list[tuple[_Segment, np.ndarray]]:
        masks = []
        for seg, entries in self._by_segment():
            mask = np.zeros(seg.rows, dtype=bool)
            for e in entries:
                mask[e.row : e.row + e.claims] = True
            masks.append((seg, mask))
        return masks


class IndexWriter:
    """Adds, replaces and removes documents; one writer per index at a time.

    ``with index.writer(embedder) as w: w.put(doc, claims, vectors)`` commits
    on leaving the block and discards everything since the last commit if the
    block raises. ``commit()`` may also be called along the way, so that a long
    ingest that is stopped keeps what it committed.
    """

    def __init__(self, index: Index, embedder: str, dim: int, *, timeout: float = 0.0) -> None:
        self.index = index
        self.embedder, self.dim, self.timeout = embedder, dim, timeout
        self._lock: _Lock | None = None
        self._segment: _SegmentFiles | None = None
        self._fresh: list[_Segment] = []  # finished, not yet in a manifest
        self._dirty = False
        self._docs: dict[str, _Entry] = {}

    def __enter__(self) -> IndexWriter:
        root = self.index.path
        _make_folder(root)
        self._lock = _Lock(root / LOCK)
        self._lock.acquire(self.timeout, root)
        try:
            self._start()
        except BaseException:
            self._release()
            raise
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if kind is None:
                self.commit()
            elif self._segment is not None:
                self._segment.discard()
        finally:
            self._release()

    def _start(self) -> None:
        root = self.index.path
        disk: _Manifest | None = None
        if (root / MANIFEST).exists():
            try:
                disk = _read_manifest(root)  # newer than ours if another writer committed
            except IndexError_:
                if not self.index._rebuild:
                    raise
        self._base = disk if disk is not None and not self.index._rebuild else _Manifest()
        self._disk = disk
        _remove_abandoned(root, disk)
        m = self._base
        if m.embedder is not None and (m.embedder, m.dim) != (self.embedder, self.dim):
            raise IndexError_(
                f"index {root} holds vectors from embedder {m.embedder} ({m.dim} dimensions), "
                f"not {self.embedder}; {_rebuild_hint(root)}"
            )
        self._docs = dict(m.documents)
        taken = [int(x.group(1)) for p in root.iterdir() if (x := _SEGMENT.fullmatch(p.name))]
        self._next = max(taken, default=0) + 1
        self.index._manifest = m  # readers re-read when the manifest is replaced

    def has(self, doc_id: str, digest: str) -> bool:
        """Like ``Index.has``, counting what this writer put or removed."""
        entry = self._docs.get(doc_id)
        return bool(digest) and entry is not None and entry.digest == digest

    def put(self, document: Document, claims: list[Claim], vectors: np.ndarray) -> None:
        """Add a document with its claims and their vectors, replacing any older version."""
        self._check_open()
        vectors = np.asarray(vectors, dtype=np.float32)
        if not claims and vectors.size == 0:
            vectors = vectors.reshape(0, self.dim)
        if vectors.shape != (len(claims), self.dim):
            raise ValueError(
                f"vectors of shape {vectors.shape} for {len(claims)} claims of dim {self.dim}"
            )
        if any(c.doc != document.id for c in claims):
            raise ValueError(f"a claim given with document {document.id} belongs to another")
        if not document.digest:
            document = document.model_copy(update={"digest": _digest(document)})
        if self._segment is None:
            self._segment = _SegmentFiles(self.index.path, self._name())
        line, row = self._segment.add(
            document.model_dump_json().encode(),
            [c.model_dump_json().encode() for c in claims],
            vectors,
            signature_line(document.text),
        )
        self._docs[document.id] = _Entry(
            digest=document.digest,
            segment=self._segment.name,
            line=line,
            row=row,
            claims=len(claims),
        )
        self._dirty = True

    def remove(self, doc_id: str) -> None:
        """Drop a document and its claims (nothing if it is not indexed)."""
        self._check_open()
        if self._docs.pop(doc_id, None) is not None:
            self._dirty = True

    def commit(self) -> None:
        """Make everything put or removed so far durable and visible, atomically."""
        self._check_open()
        if not self._dirty and self._disk is not None and not self.index._rebuild:
            return  # nothing to do (an empty ingest still writes an empty index)
        root, docs = self.index.path, dict(self._docs)
        if self._segment is not None:
            self._fresh.append(self._segment.finish())
            self._segment = None
        used = {e.segment for e in docs.values()}
        segments = [s for s in self._base.segments + self._fresh if s.name in used]
        merge = _plan_merge(segments, docs)
        if merge:  # updates docs to point into the merged segment
            segments = segments[: -len(merge)] + [_merge(root, merge, docs, self.dim, self._name())]
        names = {s.name for s in segments}
        previous = {s.name for s in self._disk.segments} if self._disk else set()
        new = _Manifest(
            embedder=self.embedder,
            dim=self.dim,
            counts={"documents": len(docs), "claims": sum(e.claims for e in docs.values())},
            segments=segments,
            retired=sorted(previous - names),
            documents=docs,
        )
        # pydantic's serializer: json.dump(indent=...) runs in Python, 80% of a
        # commit's time at 20,000 documents
        _write_bytes(root / MANIFEST, new.model_dump_json(indent=1).encode())
        # Committed. Readers of the manifest before the last no longer need its
        # retired segments; segments made and merged away here were never read.
        dropped = set(self._disk.retired if self._disk else []) | {s.name for s in self._fresh}
        for name in dropped - names - previous:
            shutil.rmtree(root / name, ignore_errors=True)
        self._base = self._disk = new
        self._docs, self._fresh, self._dirty = dict(docs), [], False
        self.index._manifest, self.index._rebuild = new, False

    def _check_open(self) -> None:
        if self._lock is None:
            raise RuntimeError("use the writer as a context manager: with index.writer(e) as w")

    def _name(self) -> str:
        self._next += 1
        return f"seg-{self._next - 1:06d}"

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None


class VectorStore:
    """Claim vectors searchable by inner product (cosine for unit rows), in shards.

    Each array given is a shard, searched on its own; the ``k`` best of each
    are merged into the ``k`` best of all (what ``faiss.IndexShards`` does, in
    code, so that a shard needs no copy into a FAISS index), their rows
    numbered in turn. A shard may be a segment's memory-mapped vectors, read
    in place, so the shards of one index may sit on several disks. Among
    equal scores (copies of an article) the later row comes first, as FAISS
    orders them.

    A shard of fewer than ``IVF_ROWS`` rows is searched exactly: FAISS's
    brute force (``faiss.knn``, the search of ``IndexFlatIP``). A larger one
    through an IVF index, ``faiss.index_factory(dim, "IVF<lists>,SQ8")``: its
    rows clustered in about 2 sqrt(rows) lists (``ivf_lists``); a query visits
    the quarter of them nearest it (``ivf_probes``). A batch of ``LIST_BATCH`` queries
    or more (a draft, a report's neighbours) is scored list by list: the
    queries that visit a list against its rows' own float32 vectors, with
    one matrix product, as the brute force does for all rows. Fewer queries
    go through FAISS's IVF search of the 8-bit codes (a quarter of a vector
    each), and the ``RERANK * k`` rows found are scored again exactly. Either
    way every score is the exact cosine and only recall is approximate. The
    IVF of a shard given an ``ivf_files`` path is read from it
    (memory-mapped) when it is there for as many rows, and written there once
    trained, so that it is trained once per segment; without a path it is
    trained in memory.

    ``live``: per shard, the rows of its array that count, sorted (None: all);
    the others are skipped (dead records of a segment) and the rows returned
    number only the live ones.

    ``blas``: a batch of at least ``BLAS_BATCH`` queries is scored by the
    brute force with one matrix product (FAISS's BLAS path, its default up to
    version 1.8) rather than FAISS's current default of one query at a time;
    on the 85 queries of a 1,000-word draft against 100,000 claims that is a
    quarter of the CPU. Scores agree to 1e-6, so rows of almost equal score
    may swap.
    """

    BLAS_BATCH = 20
    # `benchmarks/scale.py --vectors` on the MiniLM vectors of its index (news
    # claims, 2026-12-02): for recall@10 >= 0.95 the IVF must visit an eighth
    # (claims of the index) to a quarter (a draft's sentences) of its lists,
    # and then it is no faster than the brute force up to the 41,192 claims
    # measured: a report's neighbour search over all of them took 23.2 s CPU
    # flat, 43.4 s through the IVF with its training (a quarter visited,
    # recall 0.986; an eighth: 26.5 s against 25.7 s, recall 0.967). At a
    # fixed share of lists the IVF saves a constant factor at best (under 4x,
    # its lists being uneven); its speed grew with the rows per list, and its
    # recall at a fixed share with the size, so the switch is placed past the
    # sizes measured. Measured again on a 200,175-claim index (2026-12-07,
    # 1,024 lists, a quarter visited): a draft's 48 sentences took 0.12 s flat
    # and 0.22 to 0.27 s through the IVF, recall@10 0.94 to 0.97; 4,000 of the
    # index's own claims 5.2 to 6.1 s flat, 3.5 to 3.8 s IVF, recall 0.97. A
    # check is a draft's queries and a report's neighbours go through the HNSW
    # graph (``neighbour_rows``), so at 200,000 rows the IVF costs a check
    # time and recall: the switch is at 1,000,000 rows, where the flat search
    # of a draft would take about 0.6 s. Unmeasured there.
    IVF_ROWS = 1_000_000
    NPROBE = 32
    RERANK = 2
    LIST_BATCH = 16  # from this many queries, IVF lists are scored by matrix products (``_search_lists``)
    TRAIN_PER_LIST = 64  # rows to train the lists on, per list (FAISS wants at least 39)
    # A report's neighbour search (``neighbour_rows``), every claim's 25 nearest
    # among all, `benchmarks/scale.py --neighbours` on the index's MiniLM vectors
    # (news claims, 2026-12-07, CPU of one thread): exact 0.29, 1.16, 4.66,
    # 16.1 s at 5,022, 10,075, 20,936, 40,122 claims (n^1.93); the HNSW graph
    # built and searched 0.70, 2.12, 6.29, 14.5 s (n^1.47 up to there), and at
    # twice 40,122 (each vector and a copy moved to cosine 0.9) 57.4 s
    # against 30.7 s (n^1.2 from 40,122). Equal near 34,000 rows: exact below.
    # Recall@25 against exact 0.990 to 0.965 as n grows (0.994 to 0.975 @10)
    # with efSearch 48; with 25, 0.946 at 40,122. M 24 and efConstruction 40
    # were the cheapest of M 16 to 32, efConstruction 32 to 100 at that
    # recall. The recall falls about 0.01 each time n doubles: measure again
    # before trusting it past 200,000.
    HNSW_ROWS = 35_000
    # The graph an index keeps for its reports (``Index.neighbour_rows``)
    # costs a report only its search, which beats the exact search from about
    # 6,000 rows (the same measure: the search alone 0.33 s against 0.29 s
    # exact at 5,022 claims, 1.01 against 1.16 s at 10,075, 2.89 against 4.66 s
    # at 20,936): an index of HNSW_KEEP_ROWS claims or more keeps one.
    HNSW_KEEP_ROWS = 10_000
    HNSW_M = 24
    HNSW_EF_CONSTRUCTION = 40
    HNSW_EF_SEARCH = 48

    def __init__(
        self,
        vectors: np.ndarray | list[np.ndarray],
        ids: list[str] | None = None,
        *,
        blas: bool = False,
        live: list[np.ndarray | None] | None = None,
        ivf_files: list[Path | None] | None = None,
        ivf_rows: int | None = None,
        nprobe: int | None = None,
        hnsw_rows: int | None = None,
    ) -> None:
        import faiss  # lazy: not needed by `verify --help`

        self._faiss = faiss
        self.blas = blas
        self.ivf_rows = self.IVF_ROWS if ivf_rows is None else ivf_rows
        self.nprobe = nprobe  # None: ``ivf_probes`` of each shard's lists
        self.hnsw_rows = self.HNSW_ROWS if hnsw_rows is None else hnsw_rows
        arrays = list(vectors) if isinstance(vectors, list) else [vectors]
        live = live if live is not None else [None] * len(arrays)
        files = ivf_files if ivf_files is not None else [None] * len(arrays)
        if not len(arrays) == len(live) == len(files):
            raise ValueError(f"{len(arrays)} shards, {len(live)} live row lists, {len(files)} IVF files")
        self.dim = arrays[0].shape[1] if arrays else 0
        self.shards = [_Shard(a, r, f) for a, r, f in zip(arrays, live, files)]
        self.shards = [s for s in self.shards if s.rows]
        self.rows = sum(s.rows for s in self.shards)
        if ids is not None and len(ids) != self.rows:
            raise ValueError(f"{self.rows} vectors for {len(ids)} ids")
        self.ids = ids
        self._whole: np.ndarray | None = None

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, list[list[str]]]:
        if self.ids is None:
            raise ValueError("a store made without ids can only search_rows")
        scores, rows = self.search_rows(queries, k)
        return scores, [[self.ids[r] for r in row if r >= 0] for row in rows]

    def neighbours(self, k: int) -> tuple[np.ndarray, list[list[str]]]:
        """Every row's ``k`` nearest among all rows (itself among them), as ``search`` gives them."""
        if self.ids is None:
            raise ValueError("a store made without ids can only give neighbour_rows")
        scores, rows = self.neighbour_rows(k)
        return scores, [[self.ids[r] for r in row if r >= 0] for row in rows]

    def neighbour_rows(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Every row's ``k`` nearest among all rows: a report's search, n queries
        against n rows. Below ``hnsw_rows`` rows it is ``search_rows`` of the rows
        themselves, exact. From there it goes through an HNSW graph built in
        memory for this search (``faiss.IndexHNSWFlat``, ``HNSW_M`` links a row,
        ``HNSW_EF_CONSTRUCTION`` and ``HNSW_EF_SEARCH``): about n log n distances
        rather than n squared; every score is the exact cosine and only recall is
        approximate. The graph is built on one thread: FAISS inserts rows in
        parallel in an order that varies from run to run, and one index should
        give one report."""
        everything = self.whole()
        k = min(k, self.rows)
        if self.rows < self.hnsw_rows or k <= 0:
            return self.search_rows(everything, k)
        scores, found = _graph_search(_graph_add(None, everything, self.dim), everything, k)
        return _best(scores, found, k)  # as the exact search orders equal scores

    def whole(self) -> np.ndarray:
        """Every live row, in order, as one float32 array (made once)."""
        if self._whole is None:
            rows = [s.vectors if s.live is None else s.vectors[s.live] for s in self.shards]
            self._whole = np.ascontiguousarray(
                rows[0] if len(rows) == 1 else np.concatenate(rows) if rows else np.zeros((0, self.dim)),
                dtype=np.float32)
        return self._whole

    def prepare(self) -> None:
        """Read or train (and keep) the IVF of every shard that is searched through one."""
        for shard in self.shards:
            if shard.size >= self.ivf_rows:
                shard.ivf(self, keep=True)

    def search_rows(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The nearest rows themselves (-1 where there are fewer than ``k``)."""
        queries = np.ascontiguousarray(np.atleast_2d(queries), dtype=np.float32)
        if queries.shape[1] != self.dim and self.rows:
            raise ValueError(f"queries of dim {queries.shape[1]} for vectors of dim {self.dim}")
        k = min(k, self.rows)
        if k <= 0:
            return np.zeros((len(queries), 0), dtype=np.float32), np.zeros((len(queries), 0), dtype=np.int64)
        found, base = [], 0
        knob = self._faiss.cvar  # the threshold is process-wide: set for this search only
        threshold = knob.distance_compute_blas_threshold
        if self.blas and len(queries) >= self.BLAS_BATCH:
            knob.distance_compute_blas_threshold = self.BLAS_BATCH
        try:
            for shard in self.shards:
                scores, rows = shard.search(queries, min(k, shard.rows), self)
                found.append((scores, np.where(rows >= 0, rows + base, -1)))
                base += shard.rows
        finally:
            knob.distance_compute_blas_threshold = threshold
        if len(found) == 1:
            return found[0]
        return _best(np.concatenate([s for s, _ in found], axis=1),
                     np.concatenate([r for _, r in found], axis=1), k)


def ivf_lists(rows: int, per_list: int = VectorStore.TRAIN_PER_LIST) -> int:
    """The IVF lists for a shard of ``rows``: the power of two nearest 2 sqrt(rows),
    fewer when there are not ``per_list`` rows to train each on."""
    lists = 2 ** max(0, round(np.log2(2 * np.sqrt(max(rows, 1)))))
    while lists > 1 and lists * per_list > rows:
        lists //= 2
    return lists


def ivf_probes(lists: int) -> int:
    """The lists a query visits: ``NPROBE``, or a quarter of them when that is more
    (recall@10 0.95 to 0.98 on news claims at 10,000 to 41,192 rows, for claims of
    the index and sentences of a draft; an eighth gave 0.91 to 0.96)."""
    return min(lists, max(VectorStore.NPROBE, lists // 4))


def _graph_add(graph, vectors: np.ndarray, dim: int):  # type: ignore[no-untyped-def]
    """``graph`` (a new HNSW graph when None: ``VectorStore.HNSW_M`` links a
    row, ``HNSW_EF_CONSTRUCTION``) with ``vectors`` added, on one thread:
    FAISS inserts rows in parallel in an order that varies from run to run,
    and one index should give one report."""
    import faiss

    if graph is None:
        graph = faiss.IndexHNSWFlat(dim, VectorStore.HNSW_M, faiss.METRIC_INNER_PRODUCT)
        graph.hnsw.efConstruction = VectorStore.HNSW_EF_CONSTRUCTION
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        graph.add(np.ascontiguousarray(vectors, dtype=np.float32))
    finally:
        faiss.omp_set_num_threads(threads)
    return graph


def _graph_search(graph, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:  # type: ignore[no-untyped-def]
    """The ``k`` nearest of each query through an HNSW graph (``HNSW_EF_SEARCH``)."""
    import faiss

    params = faiss.SearchParametersHNSW(efSearch=max(k, VectorStore.HNSW_EF_SEARCH))
    return graph.search(np.ascontiguousarray(queries, dtype=np.float32), k, params=params)


def _best(scores: np.ndarray, rows: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` best of each line: the best score first and, as FAISS orders
    them, the later row first among equal scores (copies of an article have
    the same vectors); rows of -1 last."""
    scores = np.where(rows >= 0, scores, -np.inf)
    best = np.lexsort((-rows, -scores), axis=1)[:, :k]
    scores, rows = np.take_along_axis(scores, best, axis=1), np.take_along_axis(rows, best, axis=1)
    return np.where(rows >= 0, scores, np.finfo(np.float32).min).astype(np.float32), rows


class _Shard:
    """One array of a ``VectorStore``: its rows, those that count, and its IVF."""

    RERANK_QUERIES = 1024  # queries whose candidates are scored again at a time
    PRODUCT_CELLS = 1 << 22  # scores of one matrix product in ``_search_lists`` (16 MB)
    CANDIDATE_CELLS = 1 << 23  # candidates held at once by ``_search_lists`` (100 MB)

    def __init__(self, vectors: np.ndarray, live: np.ndarray | None, ivf_file: Path | None) -> None:
        if not isinstance(vectors, np.memmap):
            vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.vectors, self.ivf_file = vectors, ivf_file
        self.live = None if live is None else np.asarray(live, dtype=np.int64)
        self.size = len(vectors)  # what an IVF indexes: every row, dead or not
        self.rows = self.size if self.live is None else len(self.live)
        self._flat: np.ndarray | None = None
        self._ivf = None
        self._order: np.ndarray | None = None
        self._starts: np.ndarray | None = None
        self._alive: np.ndarray | None = None

    def search(self, queries: np.ndarray, k: int, store: VectorStore) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` best of this shard: scores and live rows."""
        faiss = store._faiss
        if self.size < store.ivf_rows:
            if self._flat is None:
                self._flat = self.vectors if self.live is None else np.ascontiguousarray(self.vectors[self.live])
            return faiss.knn(queries, self._flat, k, metric=faiss.METRIC_INNER_PRODUCT)
        index = self.ivf(store)
        ivf = faiss.extract_index_ivf(index)
        nprobe = min(store.nprobe or ivf_probes(ivf.nlist), ivf.nlist)
        if len(queries) >= store.LIST_BATCH:
            scores, rows = self._search_lists(queries, k, ivf, nprobe)
        else:
            params = faiss.SearchParametersIVF(nprobe=nprobe)
            if self.live is not None:
                keep = faiss.IDSelectorBatch(self.live)
                params.sel = keep
            want = min(self.rows, max(k, store.RERANK * k))
            _, candidates = index.search(queries, want, params=params)
            scores, rows = self._rerank(queries, candidates, k)
        if self.live is not None:
            rows = np.where(rows >= 0, np.searchsorted(self.live, rows), -1)
        return scores, rows

    def _search_lists(self, queries: np.ndarray, k: int, ivf, nprobe: int) -> tuple[np.ndarray, np.ndarray]:  # type: ignore[no-untyped-def]
        """Many queries at once, list by list: the queries that visit a list are
        scored against its rows (their float32 vectors, exactly) with one matrix
        product, as the brute force scores all rows; each keeps its ``k`` best
        of each list it visits, and then its ``k`` best of those."""
        step = max(1, self.CANDIDATE_CELLS // (nprobe * k))  # queries at a time: bounded memory
        if len(queries) > step:
            parts = [self._search_lists(queries[at : at + step], k, ivf, nprobe) for at in range(0, len(queries), step)]
            return np.concatenate([s for s, _ in parts]), np.concatenate([r for _, r in parts])
        import faiss

        _, probes = ivf.quantizer.search(queries, nprobe)
        order, starts = self._lists(ivf)
        scores = np.full((len(queries), nprobe * k), -np.inf, dtype=np.float32)
        rows = np.full((len(queries), nprobe * k), -1, dtype=np.int64)
        flat = probes.ravel()
        by_list = np.argsort(flat, kind="stable")
        bounds = np.searchsorted(flat[by_list], np.arange(ivf.nlist + 1))
        for lst in np.flatnonzero(np.diff(bounds)):
            members = order[starts[lst] : starts[lst + 1]]
            if self._alive is not None:
                members = members[self._alive[members]]
            if not len(members):
                continue
            block = np.ascontiguousarray(self.vectors[members], dtype=np.float32)
            m = min(k, len(members))
            visits = by_list[bounds[lst] : bounds[lst + 1]]
            step = max(1, self.PRODUCT_CELLS // len(members))
            for at in range(0, len(visits), step):
                q, p = np.divmod(visits[at : at + step], nprobe)
                # FAISS's brute force on the list: its BLAS product, and the k best kept as it goes
                found, top = faiss.knn(queries[q], block, m, metric=faiss.METRIC_INNER_PRODUCT)
                cols = p[:, None] * k + np.arange(m)
                scores[q[:, None], cols] = found
                rows[q[:, None], cols] = np.where(top >= 0, members[np.maximum(top, 0)], -1)
        # the k best scores first (a partition, linear), then those k in order
        part = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        return _best(np.take_along_axis(scores, part, axis=1), np.take_along_axis(rows, part, axis=1), k)

    def _lists(self, ivf) -> tuple[np.ndarray, np.ndarray]:  # type: ignore[no-untyped-def]
        """The shard's rows list by list (ascending within each), and where each list starts."""
        if self._order is None:
            import faiss

            sizes = np.array([ivf.invlists.list_size(i) for i in range(ivf.nlist)], dtype=np.int64)
            order = np.empty(int(sizes.sum()), dtype=np.int64)
            at = 0
            for i, n in enumerate(sizes):
                if n:
                    order[at : at + n] = np.sort(faiss.rev_swig_ptr(ivf.invlists.get_ids(i), int(n)))
                    at += n
            self._order, self._starts = order, np.concatenate([[0], np.cumsum(sizes)])
            if self.live is not None:
                self._alive = np.zeros(self.size, dtype=bool)
                self._alive[self.live] = True
        return self._order, self._starts  # type: ignore[return-value]

    def _rerank(self, queries: np.ndarray, candidates: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The candidates scored exactly against the shard's vectors; the ``k`` best."""
        out_scores = np.empty((len(queries), k), dtype=np.float32)
        out_rows = np.empty((len(queries), k), dtype=np.int64)
        for at in range(0, len(queries), self.RERANK_QUERIES):
            rows = candidates[at : at + self.RERANK_QUERIES]
            block = self.vectors[np.where(rows >= 0, rows, 0).ravel()].reshape(*rows.shape, -1)
            scores = np.matmul(block, queries[at : at + self.RERANK_QUERIES, :, None])[..., 0]
            out_scores[at : at + len(rows)], out_rows[at : at + len(rows)] = _best(scores, rows, k)
        return out_scores, out_rows

    def ivf(self, store: VectorStore, keep: bool = False):  # type: ignore[no-untyped-def]
        """The shard's IVF index: read from its file, else trained; written
        there only when ``keep`` (``Index.prepare_search``, after an ingest):
        a reader never writes to an index."""
        if self._ivf is None:
            self._ivf = self._read(store._faiss) or self._train(store._faiss, keep)
        return self._ivf

    def _read(self, faiss):  # type: ignore[no-untyped-def]
        if self.ivf_file is None or not self.ivf_file.exists():
            return None
        try:
            index = faiss.read_index(str(self.ivf_file), faiss.IO_FLAG_MMAP | faiss.IO_FLAG_READ_ONLY)
        except RuntimeError:  # cut short or from another FAISS: train it again
            return None
        dim = self.vectors.shape[1]
        return index if index.ntotal == self.size and index.d == dim else None

    def _train(self, faiss, keep: bool = False):  # type: ignore[no-untyped-def]
        dim = self.vectors.shape[1]
        lists = ivf_lists(self.size)
        index = faiss.index_factory(dim, f"IVF{lists},SQ8", faiss.METRIC_INNER_PRODUCT)
        # rows coded as they are, not as residuals from their list's centre: a
        # fifth faster to scan, and the exact re-scoring makes up the precision
        faiss.extract_index_ivf(index).by_residual = False
        # rows spread over the whole shard: a segment holds its articles in the order they came
        sample = np.unique(np.linspace(0, self.size - 1, min(self.size, VectorStore.TRAIN_PER_LIST * lists)).astype(np.int64))
        index.train(np.ascontiguousarray(self.vectors[sample], dtype=np.float32))
        for at in range(0, self.size, 65536):
            index.add(np.ascontiguousarray(self.vectors[at : at + 65536], dtype=np.float32))
        if self.ivf_file is not None and keep:
            tmp = self.ivf_file.with_name(f"{self.ivf_file.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}")
            try:  # a segment never changes, so neither does its IVF
                faiss.write_index(index, str(tmp))
                os.replace(tmp, self.ivf_file)
            except (OSError, RuntimeError):  # a read-only index: train again next time
                tmp.unlink(missing_ok=True)
        return index


class _Reader:
    """What readers of one manifest have read, each part when first needed.

    The rows of ``vectors()`` are the live rows of the segments in turn. A
    segment whose rows are all live is searched and read in place (its vectors
    memory-mapped); only the live rows of one with dead rows are copied. A
    file of claims or documents is read whole the first time one of its lines
    is wanted, with a table of where each line starts, so that a line is one
    slice rather than a parse of every line before it.
    """

    def __init__(self, root: Path, manifest: _Manifest, live: list[tuple[_Segment, np.ndarray]]) -> None:
        self.root, self.manifest, self.dim = root, manifest, manifest.dim or 0
        # (segment, its first row in vectors(), its file rows when only some are live)
        self.segments: list[tuple[_Segment, int, np.ndarray | None]] = []
        base = 0
        for seg, mask in live:
            n = int(mask.sum())
            if n:
                self.segments.append((seg, base, None if n == seg.rows else np.flatnonzero(mask)))
                base += n
        self.rows = base
        self._starts = [b for _, b, _ in self.segments]  # a list: bisect is 20x numpy's call for one row
        self._store: VectorStore | None = None
        self._files: dict[tuple[str, str], tuple[bytes | mmap.mmap, np.ndarray]] = {}
        self._unsigned: set[tuple[str, str]] = set()  # segments whose signatures are read from the texts

    def _locate(self, row: int) -> tuple[int, int]:
        """The segment (its place in ``segments``) of a row, and the row within its live rows."""
        if not 0 <= row < self.rows:
            raise IndexError(f"row {row} of an index of {self.rows} rows")
        i = bisect.bisect_right(self._starts, row) - 1
        return i, row - self.segments[i][1]

    def rows_of(self, segment: str, first: int, n: int) -> range:
        """The rows of ``vectors()`` of ``n`` live file rows of a segment from ``first``."""
        for seg, base, files in self.segments:
            if seg.name == segment:
                local = first if files is None else int(np.searchsorted(files, first))
                return range(base + local, base + local + n)
        return range(0)

    def whole(self) -> np.ndarray:
        return self.store().whole()

    def vector(self, row: int) -> np.ndarray:
        """One row's vector, read from its segment's mapped file (no segment is copied)."""
        i, local = self._locate(row)
        shard = self.store().shards[i]  # one shard per segment here: every one has live rows
        return np.array(shard.vectors[local if shard.live is None else shard.live[local]])

    def store(self) -> VectorStore:
        """The segments as the shards of one store: their vectors memory-mapped in
        place, dead rows skipped, each large one's IVF kept in its folder."""
        if self._store is None:
            if not self.segments:
                self._store = VectorStore([np.zeros((0, self.dim), dtype=np.float32)], blas=True)
            else:
                self._store = VectorStore(
                    [_vectors(self.root, seg, self.dim) for seg, _, _ in self.segments],
                    live=[files for _, _, files in self.segments],
                    ivf_files=[self.root / seg.name / IVF for seg, _, _ in self.segments],
                    blas=True,
                )
        return self._store

    def claim_line(self, row: int) -> bytes:
        i, local = self._locate(row)
        seg, _, files = self.segments[i]
        return self.line(seg, CLAIMS, seg.rows, local if files is None else int(files[local]))

    def signature_line(self, seg: _Segment, n: int) -> bytes | None:
        """Line ``n`` of a segment's signatures, or None for a segment written
        without them or whose signatures are damaged: they are read from the
        texts again, and nothing else of the index is lost."""
        key = (seg.name, SIGNATURES)
        if key in self._unsigned:
            return None
        if key not in self._files:
            try:
                self._files[key] = _line_table(self.root, seg, SIGNATURES, seg.documents)
            except IndexError_:  # none (an older verify) or cut short
                self._unsigned.add(key)
                return None
        return self.line(seg, SIGNATURES, seg.documents, n)

    def line(self, seg: _Segment, name: str, expected: int, n: int) -> bytes:
        """Line ``n`` of a segment's file (which must have ``expected`` lines)."""
        key = (seg.name, name)
        if key not in self._files:
            self._files[key] = _line_table(self.root, seg, name, expected)
        data, starts = self._files[key]
        return data[starts[n] : starts[n + 1]]


class _SegmentFiles:
    """A segment streamed into a temporary folder, renamed into place by ``finish``."""

    def __init__(self, root: Path, name: str) -> None:
        self.root, self.name = root, name
        self.tmp = root / f"tmp-{os.getpid()}-{secrets.token_hex(4)}"
        self.tmp.mkdir()
        self.files: list[BinaryIO] = [
            open(self.tmp / n, "wb") for n in (DOCUMENTS, CLAIMS, VECTORS, SIGNATURES)
        ]
        self.lines = self.rows = 0

    def add(self, document: bytes, claims: list[bytes], vectors: np.ndarray, signature: bytes) -> tuple[int, int]:
        docs, lines, vecs, sigs = self.files
        docs.write(document.rstrip(b"\n") + b"\n")
        sigs.write(signature.rstrip(b"\n") + b"\n")
        lines.writelines(c.rstrip(b"\n") + b"\n" for c in claims)
        vecs.write(np.ascontiguousarray(vectors, dtype=_DTYPE).tobytes())
        place = (self.lines, self.rows)
        self.lines, self.rows = self.lines + 1, self.rows + len(claims)
        return place

    def finish(self) -> _Segment:
        for f in self.files:
            f.flush()
            os.fsync(f.fileno())
            f.close()
        _fsync_dir(self.tmp)
        os.rename(self.tmp, self.root / self.name)
        seg = _Segment(name=self.name, documents=self.lines, rows=self.rows)
        for name, count in ((DOCUMENTS, self.lines), (CLAIMS, self.rows), (SIGNATURES, self.lines)):
            _line_table(self.root, seg, name, count, keep=True)  # where each line starts, for readers
        _fsync_dir(self.root)
        return seg

    def discard(self) -> None:
        for f in self.files:
            f.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


def _line_table(root: Path, seg: _Segment, name: str, expected: int,
                keep: bool = False) -> tuple[bytes | mmap.mmap, np.ndarray]:
    """A segment's file, memory-mapped, and where its lines start (one more: the
    end), checking the count. The table is kept beside the file (``LINES``,
    written with the segment, ``keep``), so that reading one line of a large
    index does not read its whole file; a reader finding none (an index of
    an older verify) makes it in memory and writes nothing."""
    file = root / seg.name / name
    try:
        with open(file, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            data: bytes | mmap.mmap = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
    except FileNotFoundError:
        raise _missing(root, f"{seg.name}/{name}") from None
    table = file.with_name(file.name + LINES)
    try:
        # a plain array over the mapped file: a memmap's own indexing is a
        # Python call, and a check reads tens of thousands of lines
        starts = np.asarray(np.memmap(table, dtype=_INT, mode="r")).view(np.ndarray)
        if len(starts) == expected + 1 and starts[0] == 0 and starts[-1] == size:
            return data, starts
    except (OSError, ValueError):  # none yet, or cut short
        pass
    ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == ord("\n")) + 1
    if size and data[-1:] != b"\n":  # a last line without its newline still counts
        ends = np.append(ends, size)
    if len(ends) != expected:
        raise _damaged(root, f"{seg.name}/{name} has {len(ends)} lines, not {expected}")
    starts = np.concatenate([[0], ends]).astype(_INT)
    if not keep:
        return data, starts
    tmp = table.with_name(f"{table.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}")
    try:
        tmp.write_bytes(starts.tobytes())
        os.replace(tmp, table)
    except OSError:  # a read-only index: the table is made again next time
        tmp.unlink(missing_ok=True)
    return data, starts


def signature_line(text: str) -> bytes:
    """A document's line of ``signatures.jsonl``."""
    found, named = signature(text)
    return json.dumps({"names": sorted(found), "people": sorted(named)}, ensure_ascii=False).encode()


def _id_and_parent(line: bytes) -> tuple[str, str | None]:
    """A claim's id and parent from its JSON line; parses it only when the fast way fails."""
    cid = _claim_id(line)
    at = line.find(b',"parent":')
    if at > 0 and line.count(b'"parent":') == 1:
        rest = line[at + 10 :]
        if rest.startswith(b"null"):
            return cid, None
        if rest.startswith(b'"'):
            end = rest.find(b'"', 1)
            if end > 0 and b"\\" not in rest[1:end]:
                return cid, rest[1:end].decode()
    data = json.loads(line)
    return str(data["id"]), data.get("parent")


def _claim_id(line: bytes) -> str:
    """A claim's id from its JSON line without parsing the rest (``id`` comes first)."""
    if line.startswith(b'{"id":"'):
        end = line.find(b'"', 7)
        if end > 0 and b"\\" not in line[7:end]:
            return line[7:end].decode()
    return str(json.loads(line)["id"])


def _plan_merge(segments: list[_Segment], docs: dict[str, _Entry]) -> list[_Segment]:
    """The newest segments to merge into one, or none.

    All of them when most records are dead; else the newest ones while together
    they are at least half the size of the one before, so that sizes grow
    geometrically and a record is copied O(log n) times (as in LSM trees).
    """
    live = {s.name: 0 for s in segments}
    for e in docs.values():
        live[e.segment] += 1 + e.claims
    total = sum(s.documents + s.rows for s in segments)
    if segments and total - sum(live.values()) > sum(live.values()):
        return segments
    i, size = len(segments) - 1, live[segments[-1].name] if segments else 0
    while i > 0 and 2 * size >= live[segments[i - 1].name]:
        i -= 1
        size += live[segments[i].name]
    return segments[i:] if len(segments) - i > 1 else []


def _merge(
    root: Path, segments: list[_Segment], docs: dict[str, _Entry], dim: int, name: str
) -> _Segment:
    """Copy the live records of ``segments`` into a new one, updating ``docs``."""
    out = _SegmentFiles(root, name)
    try:
        for seg in segments:
            by_line = {e.line: (doc, e) for doc, e in docs.items() if e.segment == seg.name}
            vectors = _vectors(root, seg, dim)
            claims = _lines(root, seg, CLAIMS, seg.rows)
            # an older segment has no signatures: they are read from the texts
            signed = (root / seg.name / SIGNATURES).exists()
            signatures = _lines(root, seg, SIGNATURES, seg.documents) if signed else None
            at = 0
            for i, line in enumerate(_lines(root, seg, DOCUMENTS, seg.documents)):
                sig = next(signatures) if signatures is not None else None
                if i not in by_line:
                    continue
                doc, e = by_line[i]
                for _ in range(e.row - at):
                    next(claims)
                mine = [next(claims) for _ in range(e.claims)]
                at = e.row + e.claims
                if sig is None:
                    sig = signature_line(Document.model_validate_json(line).text)
                new_line, new_row = out.add(line, mine, vectors[e.row : at], sig)
                docs[doc] = e.model_copy(update={"segment": name, "line": new_line, "row": new_row})
            for rest in (claims, signatures or iter(())):  # let the readers check the line counts
                for _ in rest:
                    pass
        return out.finish()
    except BaseException:
        out.discard()
        raise


def _read_manifest(path: Path) -> _Manifest:
    file = path / MANIFEST
    try:
        raw = json.loads(file.read_bytes())
    except FileNotFoundError:
        raise IndexError_(
            f"no index at {path}; run `verify ingest PATH --index {_option(path)}` first"
        ) from None
    except (OSError, ValueError) as exc:
        raise _damaged(path, f"{MANIFEST}: {exc}") from None
    found = raw.get("format") if isinstance(raw, dict) else None
    if not isinstance(found, int):
        raise _damaged(path, f"{MANIFEST} has no format number")
    if found != FORMAT:
        raise IndexError_(
            f"index {path} was written by verify format {found} (this verify reads "
            f"format {FORMAT}); {_rebuild_hint(path)}"
        )
    try:
        manifest = _Manifest.model_validate(raw)
    except ValidationError as exc:
        reason = exc.errors()[0]
        where = ".".join(str(x) for x in reason["loc"])
        raise _damaged(path, f"{MANIFEST}: {where}: {reason['msg']}") from None
    segments = {s.name: s for s in manifest.segments}
    for doc, e in manifest.documents.items():
        seg = segments.get(e.segment)
        if seg is None or e.line >= seg.documents or e.row + e.claims > seg.rows:
            raise _damaged(path, f"{MANIFEST}: document {doc} points outside its segment")
    if manifest.documents and manifest.dim is None:
        raise _damaged(path, f"{MANIFEST} has no dim")
    return manifest


def _lines(root: Path, seg: _Segment, name: str, expected: int) -> Iterator[bytes]:
    """The lines of a segment's file, checking that it has the ``expected`` count."""
    count = 0
    try:
        with open(root / seg.name / name, "rb") as f:
            for line in f:
                count += 1
                yield line
    except FileNotFoundError:
        raise _missing(root, f"{seg.name}/{name}") from None
    if count != expected:
        raise _damaged(root, f"{seg.name}/{name} has {count} lines, not {expected}")


def _vectors(root: Path, seg: _Segment, dim: int) -> np.ndarray:
    """A segment's vectors, memory-mapped, after checking the file's size."""
    file = root / seg.name / VECTORS
    try:
        size = file.stat().st_size
    except FileNotFoundError:
        raise _missing(root, f"{seg.name}/{VECTORS}") from None
    if size != seg.rows * dim * _DTYPE.itemsize:
        raise _damaged(root, f"{seg.name}/{VECTORS} has {size} bytes, not {seg.rows} rows of {dim}")
    if seg.rows == 0:
        return np.zeros((0, dim), dtype=_DTYPE)
    return np.memmap(file, dtype=_DTYPE, mode="r", shape=(seg.rows, dim))


def _missing(root: Path, name: str) -> IndexError_:
    return IndexError_(
        f"index {root} changed while it was read, or is damaged ({name} is missing); "
        f"run the command again, or {_rebuild_hint(root)}"
    )


def _make_folder(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IndexError_(f"cannot create index folder {path}: {exc.strerror}") from None


def _damaged(path: Path, reason: str) -> IndexError_:
    return IndexError_(f"index {path} is damaged ({reason}); {_rebuild_hint(path)}")


def _rebuild_hint(path: Path) -> str:
    return f"rebuild it with `verify ingest PATH --index {_option(path)} --rebuild`"


def _option(path: Path) -> str:
    """What to give ``--index`` for ``path``: a bare name for the default home."""
    return path.name if path.parent.name == "indexes" else str(path)


def _remove_abandoned(root: Path, manifest: _Manifest | None) -> None:
    """Remove what killed writers left: temporary files and unreferenced segments."""
    keep = (
        set() if manifest is None else {s.name for s in manifest.segments} | set(manifest.retired)
    )
    for p in root.iterdir():
        if p.name.startswith("tmp-"):
            shutil.rmtree(p, ignore_errors=True)
        elif p.name.startswith((MANIFEST + ".tmp", GRAPH + ".tmp", GRAPH_KEYS + ".tmp")):
            p.unlink(missing_ok=True)
        elif manifest is not None and _SEGMENT.fullmatch(p.name) and p.name not in keep:
            shutil.rmtree(p, ignore_errors=True)


def _write_bytes(file: Path, data: bytes) -> None:
    """Replace ``file`` by ``data`` atomically and durably (fsync, rename, fsync of the folder)."""
    tmp = file.with_name(f"{file.name}.tmp-{os.getpid()}")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, file)
    _fsync_dir(file.parent)


def _fsync_dir(path: Path) -> None:
    if sys.platform == "win32":  # Windows cannot open a directory; NTFS journals renames
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _digest(document: Document) -> str:
    return hashlib.sha256(document.model_dump_json(exclude={"digest"}).encode()).hexdigest()


class _Lock:
    """An exclusive, non-blocking lock on a file; the holder's pid is written in it."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.fd: int | None = None

    def acquire(self, timeout: float, root: Path) -> None:
        fd = os.open(self.file, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                pid = self._holder()
                who = f" (pid {pid})" if pid else ""
                raise IndexError_(
                    f"index {root} is being written by another verify process{who}; "
                    "wait for it to finish"
                )
            time.sleep(0.05)
        self.fd = fd
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())

    def release(self) -> None:
        if self.fd is not None:
            os.ftruncate(self.fd, 0)
            if sys.platform == "win32":
                import msvcrt

                os.lseek(self.fd, 0, os.SEEK_SET)
                msvcrt.locking(self.fd, msvcrt.LK_UNLCK, 1)
            os.close(self.fd)  # on POSIX, closing the descriptor releases the flock
            self.fd = None

    def _holder(self) -> int | None:
        try:
            return int(self.file.read_text().strip())
        except (OSError, ValueError):
            return None


def _try_lock(fd: int) -> bool:
    try:
        if sys.platform == "win32":  # locks byte 0, which the holder's pid overwrites
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK):
            return False
        raise
    return True


class IndexVectors:
    """An index's vectors as a report reads them: the array (``array``, the
    rows of ``Index.vectors()``) and the index's own neighbour search
    (``neighbour_rows``, through the graph it keeps)."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.array = index.vectors()

    def neighbour_rows(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        return self.index.neighbour_rows(k)
