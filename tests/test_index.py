from __future__ import annotations

import inspect
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from verify.embed import Embedder, HashEmbedder, load_embedder
from verify.errors import IndexError_
from verify.index import Index, VectorStore
from verify.models import Claim, Document

ROOT = Path(__file__).resolve().parents[1]
EMBEDDER = HashEmbedder(32)


def make_doc(i: int, version: int = 0) -> tuple[Document, list[Claim], np.ndarray]:
    """Document ``d{i}`` with ``1 + (i + version) % 3`` claims; the same for the same arguments."""
    from verify.embed import HashEmbedder
    from verify.models import Claim, Document

    sentences = [
        f"Claim {k} of document {i} in version {version} says {i * k} people came."
        for k in range(1 + (i + version) % 3)
    ]
    text = " ".join(sentences)
    doc = Document(
        id=f"d{i}", path=f"d{i}.txt", text=text, title=f"Doc {i}", digest=f"{i}-{version}"
    )
    claims, at = [], 0
    for k, sentence in enumerate(sentences):
        start = text.index(sentence, at)
        at = start + len(sentence)
        claims.append(Claim(id=f"d{i}:{k}", doc=doc.id, start=start, end=at, text=sentence))
    return doc, claims, HashEmbedder(32).embed([c.text for c in claims])


def python(code: str, stdin: int | None = None) -> subprocess.Popen[str]:
    """Start ``code`` in a fresh interpreter that has ``make_doc`` and the package."""
    source = "from __future__ import annotations\nimport numpy as np\n"
    source += textwrap.dedent(inspect.getsource(make_doc)) + textwrap.dedent(code)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", source], env=env, text=True, stdin=stdin, stdout=subprocess.PIPE
    )


def build(path: Path, docs: range, version: int = 0) -> Index:
    index = Index.open(path, create=True)
    with index.writer(EMBEDDER) as w:
        for i in docs:
            w.put(*make_doc(i, version))
    return index


def content(index: Index) -> tuple[list[Document], list[Claim], np.ndarray]:
    return list(index.documents()), list(index.claims()), index.vectors()


def assert_consistent(index: Index, embedder: Embedder = EMBEDDER) -> None:
    """Claims belong to indexed documents and each vector row is its claim's vector."""
    docs, claims, vectors = content(index)
    assert {d.id for d in docs} == set(index.digests())
    assert {c.doc for c in claims} <= {d.id for d in docs}
    assert index.counts == {"documents": len(docs), "claims": len(claims)}
    assert index.claim_ids() == [c.id for c in claims]
    if claims:
        assert np.allclose(vectors, embedder.embed([c.text for c in claims]), atol=1e-6)


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "indexes" / "foo"
    build(path, range(4))
    index = Index.open(path)
    expected = [make_doc(i) for i in range(4)]
    assert list(index.documents()) == [d for d, _, _ in expected]
    assert list(index.claims()) == [c for _, cs, _ in expected for c in cs]
    assert np.array_equal(index.vectors(), np.concatenate([v for _, _, v in expected]))
    assert (index.embedder, index.dim) == ("hash-32", 32)
    assert index.counts == {"documents": 4, "claims": 1 + 2 + 3 + 1}
    manifest = json.loads((path / "manifest.json").read_text())
    assert manifest["format"] == 1 and manifest["documents"]["d2"]["digest"] == "2-0"
    assert sorted(p.name for p in path.iterdir()) == ["lock", "manifest.json", "seg-000001"]


def test_search_returns_scores_and_claim_ids(tmp_path: Path) -> None:
    index = build(tmp_path / "foo", range(4))
    claims = list(index.claims())
    scores, ids = index.search(EMBEDDER.embed([claims[3].text, claims[0].text]), k=2)
    assert scores.shape == (2, 2)
    assert [row[0] for row in ids] == [claims[3].id, claims[0].id]
    assert scores[0, 0] == pytest.approx(1.0) and scores[0, 1] < scores[0, 0]
    scores, ids = index.search(EMBEDDER.embed(["x"]), k=100)
    assert len(ids[0]) == len(claims)


def test_search_empty_index(tmp_path: Path) -> None:
    store = VectorStore(np.zeros((0, 8), dtype=np.float32), [])
    scores, ids = store.search(np.ones((2, 8), dtype=np.float32), 5)
    assert scores.shape == (2, 0) and ids == [[], []]


def test_unchanged_documents_are_known_by_digest(tmp_path: Path) -> None:
    index = build(tmp_path / "foo", range(3))
    assert index.has("d1", "1-0")
    assert not index.has("d1", "1-1")
    assert not index.has("d9", "9-0")
    assert not index.has("d1", "")


def test_changed_document_replaces_its_claims(tmp_path: Path) -> None:
    path = tmp_path / "foo"
    index = build(path, range(3))
    with index.writer(EMBEDDER) as w:
        for i in range(3):
            doc = make_doc(i, version=1 if i == 1 else 0)
            if not w.has(doc[0].id, doc[0].digest):
                w.put(*doc)
        assert w.has("d1", "1-1")
        assert not index.has("d1", "1-1")  # readers see the last commit only
    index = Index.open(path)
    claims = list(index.claims())
    assert [c.text for c in claims if c.doc == "d1"] == [c.text for c in make_doc(1, 1)[1]]
    assert not [c for c in claims if "version 0" in c.text and c.doc == "d1"]
    assert [c for c in claims if c.doc != "d1"] == make_doc(0)[1] + make_doc(2)[1]
    assert index.has("d1", "1-1") and index.has("d0", "0-0")
    assert_consistent(index)


def test_remove_document_and_put_twice(tmp_path: Path) -> None:
    index = build(tmp_path / "foo", range(3))
    with index.writer(EMBEDDER) as w:
        w.remove("d0")
        w.remove("d7")  # not indexed: nothing happens
        w.put(*make_doc(2, 1))
        w.put(*make_doc(2, 2))  # the later put wins
    index = Index.open(tmp_path / "foo")
    assert [d.id for d in index.documents()] == ["d1", "d2"]
    assert index.digests() == {"d1": "1-0", "d2": "2-2"}
    assert_consistent(index)


def test_document_without_digest_gets_one(tmp_path: Path) -> None:
    doc, claims, vectors = make_doc(0)
    doc = doc.model_copy(update={"digest": ""})
    index = Index.open(tmp_path / "foo", create=True)
    with index.writer(EMBEDDER) as w:
        w.put(doc, claims, vectors)
    (stored,) = index.documents()
    assert len(stored.digest) == 64 and index.has("d0", stored.digest)


def test_empty_ingest_writes_an_empty_index(tmp_path: Path) -> None:
    with Index.open(tmp_path / "foo", create=True).writer(EMBEDDER):
        pass
    index = Index.open(tmp_path / "foo")
    assert index.counts == {"documents": 0, "claims": 0} and index.vectors().shape == (0, 32)
    assert index.search(EMBEDDER.embed(["x"]), 3)[1] == [[]]


def test_document_without_claims(tmp_path: Path) -> None:
    doc = make_doc(0)[0]
    index = Index.open(tmp_path / "foo", create=True)
    with index.writer(EMBEDDER) as w:
        w.put(doc, [], np.zeros((0,)))
        w.put(*make_doc(1))
    index = Index.open(tmp_path / "foo")
    assert [d.id for d in index.documents()] == ["d0", "d1"] and index.has("d0", "0-0")
    assert_consistent(index)


def test_writer_outside_with_block(tmp_path: Path) -> None:
    writer = Index.open(tmp_path / "foo", create=True).writer(EMBEDDER)
    with pytest.raises(RuntimeError, match="context manager"):
        writer.put(*make_doc(0))


def test_put_checks_its_arguments(tmp_path: Path) -> None:
    doc, claims, vectors = make_doc(1)
    with Index.open(tmp_path / "foo", create=True).writer(EMBEDDER) as w:
        with pytest.raises(ValueError, match="shape"):
            w.put(doc, claims, vectors[:1])
        with pytest.raises(ValueError, match="another"):
            w.put(make_doc(2)[0], claims, vectors)


def test_many_commits_keep_few_segments(tmp_path: Path) -> None:
    path = tmp_path / "foo"
    index = Index.open(path, create=True)
    with index.writer(EMBEDDER) as w:
        for i in range(64):
            w.put(*make_doc(i))
            w.commit()
        for i in range(0, 64, 2):
            w.put(*make_doc(i, 1))
            w.commit()
    segments = [p for p in path.iterdir() if p.name.startswith("seg-")]
    assert len(segments) <= 8
    index = Index.open(path)
    assert index.digests() == {f"d{i}": f"{i}-{1 - i % 2}" for i in range(64)}
    assert_consistent(index)


def test_failed_block_commits_nothing(tmp_path: Path) -> None:
    path = tmp_path / "foo"
    before = content(build(path, range(2)))
    index = Index.open(path)
    with pytest.raises(RuntimeError):
        with index.writer(EMBEDDER) as w:
            w.put(*make_doc(5))
            raise RuntimeError("extraction failed")
    after = content(Index.open(path))
    assert after[:2] == before[:2] and np.array_equal(after[2], before[2])
    assert not [p for p in path.iterdir() if p.name.startswith("tmp-")]


def test_missing_index_message(tmp_path: Path) -> None:
    path = tmp_path / "indexes" / "foo"
    with pytest.raises(IndexError_) as err:
        Index.open(path)
    assert str(err.value) == f"no index at {path}; run `verify ingest PATH --index foo` first"
    path.mkdir(parents=True)  # a folder without a manifest is no index either
    with pytest.raises(IndexError_, match="^no index at"):
        Index.open(path)


def test_other_format_is_refused_and_can_be_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "foo"
    build(path, range(2))
    manifest = json.loads((path / "manifest.json").read_text())
    (path / "manifest.json").write_text(json.dumps({**manifest, "format": 7}))
    with pytest.raises(IndexError_) as err:
        Index.open(path)
    assert str(err.value) == (
        f"index {path} was written by verify format 7 (this verify reads format 1); "
        f"rebuild it with `verify ingest PATH --index {path} --rebuild`"
    )
    index = Index.open(path, rebuild=True)
    assert list(index.documents()) == []
    with index.writer(EMBEDDER) as w:
        w.put(*make_doc(3))
    assert [d.id for d in Index.open(path).documents()] == ["d3"]


def test_rebuild_keeps_old_content_until_commit(tmp_path: Path) -> None:
    path = tmp_path / "foo"
    build(path, range(3))
    with Index.open(path, rebuild=True).writer(EMBEDDER) as w:
        w.put(*make_doc(7))
        assert [d.id for d in Index.open(path).documents()] == ["d0", "d1", "d2"]
    assert [d.id for d in Index.open(path).documents()] == ["d7"]
    assert_consistent(Index.open(path))


@pytest.mark.parametrize(
    "damage",
    ["garbage", "no format", "bad entry", "short vectors", "missing claims"],
)
def test_damaged_index_message(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "foo"
    build(path, range(3))
    manifest = json.loads((path / "manifest.json").read_text())
    if damage == "garbage":
        (path / "manifest.json").write_text("{not json")
    elif damage == "no format":
        del manifest["format"]
        (path / "manifest.json").write_text(json.dumps(manifest))
    elif damage == "bad entry":
        manifest["documents"]["d1"]["row"] = 99
        (path / "manifest.json").write_text(json.dumps(manifest))
    elif damage == "short vectors":
        file = path / "seg-000001" / "vectors.f32"
        file.write_bytes(file.read_bytes()[:-4])
    else:
        (path / "seg-000001" / "claims.jsonl").unlink()
    with pytest.raises(IndexError_) as err:
        content(Index.open(path))
    message = str(err.value)
    assert message.startswith(f"index {path} ") and "\n" not in message
    assert message.endswith(f"rebuild it with `verify ingest PATH --index {path} --rebuild`")


def test_other_embedder_is_refused(tmp_path: Path) -> None:
    index = build(tmp_path / "foo", range(2))
    with pytest.raises(
        IndexError_, match="holds vectors from embedder hash-32 .32 dimensions., not hash-64"
    ):
        with index.writer(HashEmbedder(64)):
            pass


def test_second_writer_is_refused_while_first_holds_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "foo"
    build(path, range(2))
    holder = python(
        f"""
        import sys
        from verify.index import Index
        from verify.embed import HashEmbedder
        with Index.open({str(path)!r}).writer(HashEmbedder(32)) as w:
            w.put(*make_doc(9))
            print("locked", flush=True)
            sys.stdin.readline()
        """,
        stdin=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        with pytest.raises(IndexError_) as err:
            with Index.open(path).writer(EMBEDDER):
                pass
        assert str(err.value) == (
            f"index {path} is being written by another verify process (pid {holder.pid}); "
            "wait for it to finish"
        )
        assert [d.id for d in Index.open(path).documents()] == ["d0", "d1"]  # readers need no lock
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        with Index.open(path).writer(EMBEDDER, timeout=30) as w:  # waits for the holder
            w.put(*make_doc(10))
    finally:
        holder.kill()
        holder.wait()
    assert [d.id for d in Index.open(path).documents()] == ["d0", "d1", "d9", "d10"]


def test_killed_writer_leaves_the_index_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "foo"
    before = content(build(path, range(3)))
    writer = python(
        f"""
        import time
        from verify.index import Index
        from verify.embed import HashEmbedder
        with Index.open({str(path)!r}).writer(HashEmbedder(32)) as w:
            w.put(*make_doc(0, 1))  # a replaced document
            w.remove("d1")  # a removed one
            for i in range(3, 10_000):
                w.put(*make_doc(i))
                print(i, flush=True)
                time.sleep(0.002)
        """
    )
    assert writer.stdout is not None
    while int(writer.stdout.readline()) < 100:
        pass
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    after = content(Index.open(path))
    assert after[:2] == before[:2] and np.array_equal(after[2], before[2])
    with Index.open(path).writer(EMBEDDER) as w:  # the lock died with the writer
        w.put(*make_doc(4))
    assert not [p for p in path.iterdir() if p.name.startswith("tmp-")]
    assert_consistent(Index.open(path))


@pytest.mark.parametrize("delay", [0.3, 0.45, 0.6, 0.8])
def test_writer_killed_while_committing_leaves_a_whole_commit(tmp_path: Path, delay: float) -> None:
    path = tmp_path / "foo"
    build(path, range(1))
    writer = python(
        f"""
        from verify.index import Index
        from verify.embed import HashEmbedder
        with Index.open({str(path)!r}).writer(HashEmbedder(32)) as w:
            print("started", flush=True)
            for i in range(1, 100_000):
                w.put(*make_doc(i))
                w.put(*make_doc(i - 1, 1))
                w.commit()
        """
    )
    assert writer.stdout is not None and writer.stdout.readline() == "started\n"
    time.sleep(delay)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    index = Index.open(path)
    n = index.counts["documents"]
    assert n > 1, "the writer committed nothing before it was killed"
    assert index.digests() == {f"d{i}": f"{i}-{1 if i < n - 1 else 0}" for i in range(n)}
    assert_consistent(index)


@pytest.mark.model
def test_paraphrase_is_nearer_than_unrelated_sentence(tmp_path: Path) -> None:
    embedder = load_embedder()  # cached: the model loads once per test session
    texts = [
        "About 6,500 people died in the 2020 war between Armenia and Azerbaijan.",
        "The central bank raised interest rates by half a percentage point.",
    ]
    doc = Document(id="a", path="a.txt", text=" ".join(texts), digest="a")
    claims = [Claim(id=f"a:{k}", doc="a", start=0, end=1, text=t) for k, t in enumerate(texts)]
    index = Index.open(tmp_path / "foo", create=True)
    with index.writer(embedder) as w:
        w.put(doc, claims, embedder.embed(texts))
    scores, ids = index.search(
        embedder.embed(["The 2020 Armenian-Azerbaijani conflict claimed some 6,500 lives."]), k=2
    )
    assert ids[0] == ["a:0", "a:1"]
    assert scores[0, 0] > 0.6 > scores[0, 1]
    assert Index.open(tmp_path / "foo").embedder == "all-MiniLM-L6-v2"


def named_doc(i: int) -> tuple[Document, list[Claim], np.ndarray]:
    """Document ``n{i}`` naming a person in full and again by surname, and a city."""
    surname = "Whitfield" + "abcdefghijklmnopqrstuvwxyz"[i]
    text = (f"Officers said Jordan {surname} was shot in Cleveland on Friday. "
            f"Police said {surname} was taken to hospital.")
    doc = Document(id=f"n{i}", path=f"n{i}.txt", text=text, digest=f"n{i}")
    claim = Claim(id=f"n{i}:0", doc=doc.id, start=0, end=len(text), text=text)
    return doc, [claim], EMBEDDER.embed([text])


def test_signatures_are_written_at_ingest_and_kept_through_merges(tmp_path: Path) -> None:
    """A check reads each article's names and people from the index
    (``Index.signature``), as written beside it at ingest and copied by
    every merge of segments, rather than from its text; a segment of an
    older verify, without them, is read from its texts."""
    from verify.extract.signature import names, people

    path = tmp_path / "foo"
    index = Index.open(path, create=True)
    with index.writer(EMBEDDER) as w:
        w.put(*named_doc(0))
    (next(p for p in path.iterdir() if p.name.startswith("seg-")) / "signatures.jsonl").unlink()
    with index.writer(EMBEDDER) as w:
        for i in range(1, 24):
            w.put(*named_doc(i))
            w.commit()
    index = Index.open(path)
    for i in range(24):
        doc = index.document(f"n{i}")
        assert doc is not None
        assert index.signature(f"n{i}") == (names(doc.text), people(doc.text))
        surname = "Whitfield" + "abcdefghijklmnopqrstuvwxyz"[i]
        assert index.signature(f"n{i}") == ({"Jordan", surname, "Cleveland"}, {f"Jordan {surname}"})
    assert index.signature("absent") is None
    assert all((p / "signatures.jsonl").exists() for p in path.iterdir() if p.name.startswith("seg-"))


def test_damaged_signatures_are_read_from_the_texts(tmp_path: Path) -> None:
    """Signatures cut short lose nothing: the check reads the names from the
    texts, as for an index of an older verify."""
    from verify.extract.signature import names, people

    path = tmp_path / "foo"
    index = Index.open(path, create=True)
    with index.writer(EMBEDDER) as w:
        for i in range(3):
            w.put(*named_doc(i))
    seg = next(p for p in path.iterdir() if p.name.startswith("seg-"))
    (seg / "signatures.jsonl").write_bytes((seg / "signatures.jsonl").read_bytes()[:-20])
    (seg / "signatures.jsonl.lines").unlink()
    index = Index.open(path)
    for i in range(3):
        doc = index.document(f"n{i}")
        assert doc is not None and index.signature(f"n{i}") == (names(doc.text), people(doc.text))


def test_an_index_opened_for_reading_is_kept_while_its_commit_stands(tmp_path: Path) -> None:
    """``open_cached``: one opening (manifest, mapped files, line tables) per commit, for a server
    that checks many drafts; the next commit's manifest is opened afresh, with what it holds."""
    build(tmp_path / "ix", range(3))
    first = Index.open_cached(tmp_path / "ix")
    assert Index.open_cached(tmp_path / "ix") is first
    build(tmp_path / "ix", range(5))  # a commit: a new manifest
    second = Index.open_cached(tmp_path / "ix")
    assert second is not first
    assert second.counts["documents"] == 5 and first.counts["documents"] == 3
    with pytest.raises(IndexError_):
        Index.open_cached(tmp_path / "none")
