"""Reading an index a row at a time: what ``verify check`` reads of a large index."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from verify.embed import HashEmbedder
from verify.errors import IndexError_
from verify.index import Index, VectorStore
from verify.models import Claim, Document

EMBEDDER = HashEmbedder(32)


def make_doc(i: int, version: int = 0) -> tuple[Document, list[Claim], np.ndarray]:
    """Document ``d{i}``: a sentence and, after it, the clauses of its numbers."""
    sentence = f'In version {version}, {i} people said "{i + 1} came" to d{i} \\ ,"parent":"x" ✓.'
    text = sentence + " And more."
    doc = Document(id=f"d{i}", path=f"d{i}.txt", text=text, digest=f"{i}-{version}")
    claims = [Claim(id=f"d{i}:0", doc=doc.id, start=0, end=len(sentence), text=sentence)]
    for k in range(1 + i % 3):
        claims.append(Claim(id=f"d{i}:{k + 1}", doc=doc.id, start=0, end=10 + k, text=sentence[: 10 + k],
                            parent=f"d{i}:0"))
    return doc, claims, EMBEDDER.embed([c.text for c in claims])


@pytest.fixture
def index(tmp_path: Path) -> Index:
    """Two segments, the first with dead rows (documents replaced or removed since)."""
    path = tmp_path / "ix"
    with Index.open(path, create=True).writer(EMBEDDER) as w:
        for i in range(12):
            w.put(*make_doc(i))
    with Index.open(path).writer(EMBEDDER) as w:
        w.put(*make_doc(3, version=1))
        w.put(*make_doc(20))
        w.remove("d5")
    manifest = json.loads((path / "manifest.json").read_text())
    assert len(manifest["segments"]) == 2
    return Index.open(path)


def test_rows_one_at_a_time_are_the_rows_of_the_whole(index: Index) -> None:
    claims, vectors = list(index.claims()), index.vectors()
    assert index.rows == len(claims) == len(vectors) == index.counts["claims"]
    assert index.claim_ids() == [c.id for c in claims]
    for row in reversed(range(len(claims))):  # in any order
        assert index.claim_at(row) == claims[row]
        assert index.claim_parent(row) == (claims[row].id, claims[row].parent)
        assert np.array_equal(index.vector(row), vectors[row])
    with pytest.raises(IndexError):
        index.claim_at(len(claims))
    assert index.document("d3") == make_doc(3, version=1)[0]
    assert index.document("d5") is None


def test_a_documents_rows_hold_its_claims_whatever_segment_it_lies_in(index: Index) -> None:
    claims = list(index.claims())
    for doc in ("d0", "d4", "d6", "d11", "d3", "d20"):  # before and after dead rows, in both segments
        assert [claims[r].id for r in index.document_rows(doc)] == [c.id for c in claims if c.doc == doc]
    assert index.document_rows("d5") == range(0)  # removed


def test_search_over_segments_is_the_search_of_the_whole(index: Index) -> None:
    import faiss

    vectors = index.vectors()
    queries = EMBEDDER.embed(["7 people said 8 came", "version 1", "nothing alike"])
    flat = faiss.IndexFlatIP(vectors.shape[1])
    flat.add(vectors)
    want_scores, want_rows = flat.search(queries, 5)
    scores, rows = index.search_rows(queries, 5)
    # the same best scores, each the score of the row given with it (rows of
    # equal score may come in another order)
    assert np.allclose(scores, want_scores, atol=1e-6)
    for q, got, s in zip(queries, rows, scores):
        assert np.allclose(vectors[got] @ q, s, atol=1e-6)
    ids = index.search(queries, 2)[1]
    assert ids[0] == [index.claim_parent(int(r))[0] for r in rows[0][:2]]


def test_store_of_several_arrays_numbers_their_rows_in_turn() -> None:
    a, b = EMBEDDER.embed(["one two", "three four"]), EMBEDDER.embed(["five six", "one two three"])
    store = VectorStore([a, b], ids=["a0", "a1", "b0", "b1"])
    scores, rows = store.search_rows(b, 1)
    assert rows[:, 0].tolist() == [2, 3] and np.allclose(scores[:, 0], 1.0)
    assert store.search(a, 1)[1] == [["a0"], ["a1"]]
    assert store.search_rows(a, 10)[1].shape == (2, 4)  # k is at most the rows there are
    with pytest.raises(ValueError, match="only search_rows"):
        VectorStore([a]).search(a, 1)


def test_claims_file_cut_short_is_named(index: Index) -> None:
    seg = index.path / json.loads((index.path / "manifest.json").read_text())["segments"][0]["name"]
    lines = (seg / "claims.jsonl").read_bytes().splitlines(keepends=True)
    (seg / "claims.jsonl").write_bytes(b"".join(lines[:-1]))
    with pytest.raises(IndexError_, match="claims.jsonl has .* lines, not"):
        Index.open(index.path).claim_at(0)


def test_a_batch_of_queries_scored_as_one_product_finds_the_same() -> None:
    import faiss

    rng = np.random.default_rng(0)
    base = rng.standard_normal((500, 32)).astype(np.float32)
    queries = rng.standard_normal((25, 32)).astype(np.float32)
    before = faiss.cvar.distance_compute_blas_threshold
    one_by_one = VectorStore([base[:300], base[300:]]).search_rows(queries, 7)
    batched = VectorStore([base[:300], base[300:]], blas=True).search_rows(queries, 7)
    assert np.allclose(batched[0], one_by_one[0], atol=1e-5)
    assert (batched[1] == one_by_one[1]).mean() > 0.99  # random vectors: hardly any ties
    assert faiss.cvar.distance_compute_blas_threshold == before  # left as it was


def test_equal_scores_across_arrays_come_in_faiss_order() -> None:
    """Copies of an article have equal vectors: among equal scores the later row first, as in FAISS."""
    import faiss

    rng = np.random.default_rng(1)
    base = rng.integers(-2, 3, (10, 8)).astype(np.float32)  # small integers: exact, equal scores
    copies = np.concatenate([base] * 3)
    queries = base.copy()
    flat = faiss.IndexFlatIP(8)
    flat.add(copies)
    want_scores, want_rows = flat.search(queries, 3)
    for blas in (False, True):
        scores, rows = VectorStore([copies[:10], copies[10:25], copies[25:]], blas=blas).search_rows(queries, 3)
        assert np.array_equal(scores, want_scores)
        assert rows.tolist() == want_rows.tolist()  # the three copies of the query itself, last first
        assert all(r.tolist() == sorted(r.tolist(), reverse=True) for r in rows)
