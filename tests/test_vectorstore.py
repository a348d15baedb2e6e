"""The vector store: exact and IVF search of shards, and indexes written before the IVF."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from verify.embed import HashEmbedder
from verify.errors import IndexError_
from verify.index import IVF, Index, VectorStore, ivf_lists, ivf_probes
from verify.models import Claim, Document

DIM = 32


def unit_rows(n: int, seed: int, dim: int = DIM) -> np.ndarray:
    """Rows in clusters, as claims about a few topics are: unit vectors."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(max(1, n // 100), dim))
    x = centres[rng.integers(0, len(centres), n)] + 0.6 * rng.normal(size=(n, dim))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def exact(vectors: np.ndarray, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    import faiss

    flat = faiss.IndexFlatIP(vectors.shape[1])
    flat.add(vectors)
    return flat.search(queries, k)


def same_results(got: tuple[np.ndarray, np.ndarray], want: tuple[np.ndarray, np.ndarray]) -> bool:
    """The same scores, and the same rows but among those tied with the last
    (sentences that embed alike: which of them make the cut is arbitrary)."""
    (scores, rows), (want_scores, want_rows) = got, want
    if not np.allclose(scores, want_scores, atol=1e-5):
        return False
    for s, r, w in zip(want_scores, rows, want_rows):
        above = s > s[-1] + 1e-5
        if set(r[above]) != set(w[above]):
            return False
    return True


# Both ways through an IVF: lists scored by matrix products (a batch), and
# FAISS's search of the 8-bit codes with the candidates scored again.
WAYS = pytest.mark.parametrize("list_batch", [1, 10**9], ids=["lists by products", "codes re-scored"])


@WAYS
def test_ivf_at_full_nprobe_finds_what_exact_search_finds(list_batch: int) -> None:
    vectors, queries = unit_rows(3000, 1), unit_rows(50, 2)
    want_scores, want_rows = exact(vectors, queries, 10)
    lists = ivf_lists(len(vectors))
    store = VectorStore(vectors, ivf_rows=1000, nprobe=lists)
    store.LIST_BATCH = list_batch
    assert store.shards[0].size >= store.ivf_rows  # searched through its IVF
    scores, rows = store.search_rows(queries, 10)
    assert np.array_equal(rows, want_rows)
    assert np.allclose(scores, want_scores, atol=1e-5)  # re-scored exactly, not the 8-bit codes


@WAYS
def test_ivf_with_few_lists_visited_loses_little(list_batch: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(VectorStore, "LIST_BATCH", list_batch)
    vectors, queries = unit_rows(6000, 3), unit_rows(200, 4)
    _, want = exact(vectors, queries, 10)
    _, rows = VectorStore(vectors, ivf_rows=1000, nprobe=ivf_lists(6000) // 4).search_rows(queries, 10)
    recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(rows, want)])
    assert recall >= 0.9
    _, one = VectorStore(vectors, ivf_rows=1000, nprobe=1).search_rows(queries, 10)
    assert np.mean([len(set(a) & set(b)) / 10 for a, b in zip(one, want)]) < recall  # nprobe matters


@pytest.mark.parametrize("ivf_rows", [10**9, 500], ids=["flat shards", "IVF shards"])
def test_shards_merge_to_the_top_k_of_one_flat_index(ivf_rows: int) -> None:
    vectors, queries = unit_rows(2400, 5), unit_rows(40, 6)
    want_scores, want_rows = exact(vectors, queries, 7)
    shards = [vectors[:300], vectors[300:1400], vectors[1400:]]  # a small one stays exact
    store = VectorStore(shards, ivf_rows=ivf_rows, nprobe=64)
    scores, rows = store.search_rows(queries, 7)
    assert np.array_equal(rows, want_rows)
    assert np.allclose(scores, want_scores, atol=1e-5)
    assert store.search_rows(queries, 5000)[1].shape == (40, 2400)  # k is at most the rows there are


@WAYS
def test_dead_rows_are_skipped_by_the_ivf_and_rows_count_the_live_ones(list_batch: int) -> None:
    vectors, queries = unit_rows(2000, 7), unit_rows(30, 8)
    live = np.flatnonzero(np.arange(2000) % 3 != 1)
    want_scores, want_rows = exact(np.ascontiguousarray(vectors[live]), queries, 5)
    for ivf_rows in (10**9, 500):
        store = VectorStore([vectors], live=[live], ivf_rows=ivf_rows, nprobe=64)
        store.LIST_BATCH = list_batch
        scores, rows = store.search_rows(queries, 5)
        assert store.rows == len(live)
        assert np.array_equal(rows, want_rows)
        assert np.allclose(scores, want_scores, atol=1e-5)


@WAYS
def test_equal_scores_keep_the_later_row_first_through_the_ivf(list_batch: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(VectorStore, "LIST_BATCH", list_batch)
    one = unit_rows(700, 9)
    copies = np.concatenate([one, one])  # an article ingested twice
    for ivf_rows in (10**9, 100):
        _, rows = VectorStore([copies[:900], copies[900:]], ivf_rows=ivf_rows, nprobe=64).search_rows(one[:20], 2)
        assert rows.tolist() == [[700 + i, i] for i in range(20)]


def test_ivf_lists_grow_as_the_square_root() -> None:
    assert ivf_lists(20_000) == 256 and ivf_lists(200_000) == 1024 and ivf_lists(10_000_000) == 8192
    assert ivf_probes(64) == VectorStore.NPROBE and ivf_probes(8192) == 2048 and ivf_probes(16) == 16
    assert ivf_lists(1000) * VectorStore.TRAIN_PER_LIST <= 1000  # enough rows to train each list
    assert ivf_lists(10) == 1


# --------------------------------------------------------------------------- on disk


def write_format_1(path: Path, segments: list[list[tuple[str, list[str]]]], embedder: HashEmbedder) -> np.ndarray:
    """An index as verify wrote it before the IVF existed: the manifest, and per
    segment its documents, claims and vectors files, written here by hand."""
    manifest: dict = {"format": 1, "verify": "0.1.0", "embedder": embedder.name, "dim": embedder.dim,
                      "counts": {"documents": 0, "claims": 0}, "segments": [], "retired": [], "documents": {}}
    all_vectors = []
    for n, docs in enumerate(segments, 1):
        name = f"seg-{n:06d}"
        (path / name).mkdir(parents=True)
        rows = 0
        with open(path / name / "documents.jsonl", "w") as d, open(path / name / "claims.jsonl", "w") as c, \
                open(path / name / "vectors.f32", "wb") as v:
            for line, (doc_id, texts) in enumerate(docs):
                text = " ".join(texts)
                d.write(json.dumps({"id": doc_id, "path": f"{doc_id}.txt", "text": text, "digest": doc_id}) + "\n")
                at = 0
                for i, t in enumerate(texts):
                    c.write(json.dumps({"id": f"{doc_id}:{i}", "doc": doc_id, "start": at, "end": at + len(t),
                                        "text": t}) + "\n")
                    at += len(t) + 1
                vectors = embedder.embed(texts)
                v.write(vectors.astype("<f4").tobytes())
                all_vectors.append(vectors)
                manifest["documents"][doc_id] = {"digest": doc_id, "segment": name, "line": line, "row": rows,
                                                 "claims": len(texts)}
                rows += len(texts)
        manifest["segments"].append({"name": name, "documents": len(docs), "rows": rows})
        manifest["counts"]["documents"] += len(docs)
        manifest["counts"]["claims"] += rows
    (path / "manifest.json").write_text(json.dumps(manifest))
    return np.concatenate(all_vectors)


TOWNS = ["Oskarvale", "Lindqvist Harbour", "Brennmoor", "Tallowfield", "Quenby", "Marrowgate"]


def corpus(n_docs: int, start: int = 0) -> list[tuple[str, list[str]]]:
    return [(f"doc{i}", [f"{3 + i % 7} people were hurt in {TOWNS[i % 6]} on day {i}, officials said.",
                         f"The mayor of {TOWNS[(i + 1) % 6]} said repairs would cost {i * 1000} crowns.",
                         f"Inspector Vale Okonkwo-{i} said the bridge had been closed since {i % 12 + 1} March."])
            for i in range(start, start + n_docs)]


def test_an_index_written_before_the_ivf_opens_and_searches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    embedder = HashEmbedder(DIM)
    path = tmp_path / "old"
    vectors = write_format_1(path, [corpus(200), corpus(60, start=200)], embedder)
    queries = embedder.embed(["people were hurt in Brennmoor", "repairs would cost crowns", "the bridge closed"])
    want_scores, want_rows = exact(vectors, queries, 8)

    index = Index.open(path)
    assert index.counts == {"documents": 260, "claims": 780}
    scores, rows = index.search_rows(queries, 8)  # both segments small: exact
    assert same_results((scores, rows), (want_scores, want_rows))
    assert index.search(queries, 1)[1][0] == [index.claim_at(int(rows[0, 0])).id]

    # Past the switch the first segment (600 rows) is searched through an IVF,
    # trained once and kept in its folder; the small one stays exact.
    monkeypatch.setattr(VectorStore, "IVF_ROWS", 500)
    monkeypatch.setattr(VectorStore, "NPROBE", 10_000)
    index = Index.open(path)
    index.prepare_search()
    ivf = path / "seg-000001" / IVF
    assert ivf.is_file() and not (path / "seg-000002" / IVF).exists()
    stamp = ivf.stat().st_mtime_ns
    for _ in range(2):  # the second open reads the file rather than training again
        assert same_results(Index.open(path).search_rows(queries, 8), (want_scores, want_rows))
    assert ivf.stat().st_mtime_ns == stamp


def test_an_ivf_file_cut_short_is_trained_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    embedder = HashEmbedder(DIM)
    path = tmp_path / "ix"
    vectors = write_format_1(path, [corpus(250)], embedder)
    monkeypatch.setattr(VectorStore, "IVF_ROWS", 500)
    monkeypatch.setattr(VectorStore, "NPROBE", 10_000)
    Index.open(path).prepare_search()
    ivf = path / "seg-000001" / IVF
    ivf.write_bytes(ivf.read_bytes()[:100])
    queries = embedder.embed(["people were hurt in Quenby"])
    assert same_results(Index.open(path).search_rows(queries, 5), exact(vectors, queries, 5))
    assert ivf.stat().st_size == 100  # a reader trains in memory and writes nothing
    Index.open(path).prepare_search()
    assert ivf.stat().st_size > 100  # prepared again, whole


def test_an_index_that_cannot_be_written_is_searched_through_an_ivf_in_memory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    embedder = HashEmbedder(DIM)
    path = tmp_path / "ix"
    vectors = write_format_1(path, [corpus(250)], embedder)
    monkeypatch.setattr(VectorStore, "IVF_ROWS", 500)
    monkeypatch.setattr(VectorStore, "NPROBE", 10_000)

    def refused(*args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refused)  # a read-only folder, whoever runs the tests
    queries = embedder.embed(["the mayor said repairs would cost"])
    assert same_results(Index.open(path).search_rows(queries, 5), exact(vectors, queries, 5))
    assert sorted(p.name for p in (path / "seg-000001").iterdir()) == ["claims.jsonl", "documents.jsonl", "vectors.f32"]


def test_the_writer_keeps_what_it_wrote_whatever_a_reader_added(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader's IVF in a segment's folder does not stop a writer merging or dropping it."""
    embedder = HashEmbedder(DIM)
    path = tmp_path / "ix"
    monkeypatch.setattr(VectorStore, "IVF_ROWS", 50)
    with Index.open(path, create=True).writer(embedder) as w:
        for doc_id, texts in corpus(30):
            doc = Document(id=doc_id, path=f"{doc_id}.txt", text=" ".join(texts))
            claims = [Claim(id=f"{doc_id}:{i}", doc=doc_id, start=0, end=len(t), text=t) for i, t in enumerate(texts)]
            w.put(doc, claims, embedder.embed(texts))
    Index.open(path).prepare_search()
    assert list(path.glob(f"seg-*/{IVF}"))
    with Index.open(path).writer(embedder) as w:
        w.remove("doc3")
    index = Index.open(path)
    ids = index.search(embedder.embed(["people were hurt in Quenby on day 3"]), 90)[1][0]
    assert len(ids) == 87 and not any(i.startswith("doc3:") for i in ids)


def test_a_reader_writes_nothing_and_still_checks_the_lines(tmp_path: Path) -> None:
    embedder = HashEmbedder(DIM)
    path = tmp_path / "ix"
    write_format_1(path, [corpus(40)], embedder)  # an index of an older verify: no line tables
    before = sorted(p.name for p in (path / "seg-000001").iterdir())
    first = Index.open(path).claim_at(100)
    assert Index.open(path).claim_at(100) == first
    assert sorted(p.name for p in (path / "seg-000001").iterdir()) == before  # read only
    claims = path / "seg-000001" / "claims.jsonl"
    claims.write_bytes(claims.read_bytes()[:-300])  # cut short
    with pytest.raises(IndexError_, match=r"is damaged \(seg-000001/claims.jsonl has 11\d lines, not 120\)"):
        Index.open(path).claim_at(3)


def test_the_writer_keeps_where_lines_start_beside_a_segment(tmp_path: Path, seeds_dir: Path) -> None:
    from verify.ingest import ingest

    path = tmp_path / "ix"
    ingest([seeds_dir], path, embedder=HashEmbedder(DIM))
    index = Index.open(path)
    seg = next(p for p in path.iterdir() if p.name.startswith("seg-"))
    starts = np.fromfile(seg / "claims.jsonl.lines", dtype="<i8")
    assert len(starts) == index.rows + 1 and starts[-1] == (seg / "claims.jsonl").stat().st_size
    assert index.claim_at(index.rows - 1).id == index.claim_ids()[-1]


def test_a_large_batch_is_searched_in_parts_with_the_same_results(monkeypatch: pytest.MonkeyPatch) -> None:
    vectors, queries = unit_rows(3000, 11), unit_rows(300, 12)
    whole = VectorStore(vectors, ivf_rows=1000, nprobe=8).search_rows(queries, 10)
    from verify.index import _Shard

    monkeypatch.setattr(_Shard, "CANDIDATE_CELLS", 8 * 10 * 7)  # 7 queries at a time
    parts = VectorStore(vectors, ivf_rows=1000, nprobe=8).search_rows(queries, 10)
    assert np.array_equal(whole[1], parts[1]) and np.allclose(whole[0], parts[0])


def test_a_reports_search_through_hnsw_finds_the_exact_neighbours() -> None:
    vectors = unit_rows(6000, 13)
    want_scores, _ = exact(vectors, vectors, 25)
    store = VectorStore(vectors, hnsw_rows=1000)
    scores, rows = store.neighbour_rows(25)
    # found: as many at or above the exact k-th score (copies tie) as asked
    recall = np.mean(np.minimum((scores >= want_scores[:, -1:] - 1e-5).sum(1), 25) / 25)
    assert recall >= 0.95
    assert np.allclose(scores, np.einsum("nd,nkd->nk", vectors, vectors[rows]), atol=1e-5)  # exact cosines
    assert np.all(np.diff(scores, axis=1) <= 1e-6)  # best first
    again = VectorStore(vectors, hnsw_rows=1000).neighbour_rows(25)
    assert np.array_equal(rows, again[1])  # one index, one report


def test_below_its_rows_a_reports_search_is_exact() -> None:
    vectors = unit_rows(3000, 14)
    assert len(vectors) < VectorStore.HNSW_ROWS
    ids = [f"c{i}" for i in range(3000)]
    scores, neighbours = VectorStore(vectors, ids).neighbours(25)
    want_scores, want_rows = exact(vectors, vectors, 25)
    assert same_results((scores, np.array([[int(i[1:]) for i in n] for n in neighbours])), (want_scores, want_rows))
    dead = VectorStore([vectors[:1000], vectors[1000:]], live=[None, np.arange(0, 2000, 2)])
    kept = np.concatenate([vectors[:1000], vectors[1000::2]])
    assert same_results(dead.neighbour_rows(7), exact(kept, kept, 7))  # shards and dead rows as search_rows has them


def _put_corpus(index: Index, docs: list[tuple[str, list[str]]], embedder: HashEmbedder, version: str = "") -> None:
    with index.writer(embedder) as w:
        for doc_id, texts in docs:
            text = " ".join(texts)
            doc = Document(id=doc_id, path=f"{doc_id}.txt", text=text, digest=doc_id + version)
            claims, at = [], 0
            for i, t in enumerate(texts):
                claims.append(Claim(id=f"{doc_id}:{i}", doc=doc_id, start=at, end=at + len(t), text=t + version))
                at += len(t) + 1
            w.put(doc, claims, embedder.embed([c.text for c in claims]))
    index.prepare_search()


def test_the_index_keeps_a_graph_for_its_reports_and_grows_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A report's neighbour search goes through the graph the index keeps,
    grown by each ingest's new claims rather than built again; a replaced
    document's old claims are skipped; a graph that lacks live claims is not
    used."""
    from verify.index import GRAPH, GRAPH_KEYS

    monkeypatch.setattr(VectorStore, "HNSW_KEEP_ROWS", 500)
    embedder = HashEmbedder(DIM)
    path = tmp_path / "ix"
    index = Index.open(path, create=True)
    _put_corpus(index, corpus(200), embedder)  # 600 claims
    assert (path / GRAPH).is_file()
    first = (path / GRAPH_KEYS).read_text().splitlines()
    assert len(first) == 600

    _put_corpus(index, corpus(100, start=200), embedder)  # 300 more, grown, not rebuilt
    _put_corpus(index, corpus(10, start=0), embedder, version=" (updated)")  # 30 replaced
    keys = (path / GRAPH_KEYS).read_text().splitlines()
    assert keys[:600] == first and len(keys) == 930

    index = Index.open(path)
    vectors = index.vectors()
    import faiss

    def no_build(*args: object, **kwargs: object) -> None:
        raise AssertionError("a report searches the kept graph, it does not build one")

    monkeypatch.setattr(faiss, "IndexHNSWFlat", no_build)
    scores, rows = index.neighbour_rows(10)
    assert rows.shape == (900, 10) and rows.min() >= 0 and rows.max() < 900  # no dead claim
    assert np.allclose(scores, np.einsum("nd,nkd->nk", vectors, vectors[rows]), atol=1e-5)  # exact cosines
    want_scores, _ = exact(vectors, vectors, 10)
    assert np.mean(np.minimum((scores >= want_scores[:, -1:] - 1e-5).sum(1), 10) / 10) >= 0.95

    # claims committed but not yet in the graph: the store's own search
    monkeypatch.undo()
    monkeypatch.setattr(VectorStore, "HNSW_KEEP_ROWS", 500)
    with index.writer(embedder) as w:
        doc = Document(id="late", path="late.txt", text="A late claim.", digest="late")
        w.put(doc, [Claim(id="late:0", doc="late", start=0, end=13, text="A late claim.")], embedder.embed(["A late claim."]))
    index = Index.open(path)
    scores, rows = index.neighbour_rows(5)
    assert rows.shape == (901, 5) and (rows == 900).any()
