"""Chunked commits: a killed ingest keeps every chunk it finished, and the next one skips them."""

from __future__ import annotations

import importlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from verify.embed import HashEmbedder
from verify.index import Index
from verify.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
# `verify` as a user runs it, from this interpreter (the console script's own code)
VERIFY = [sys.executable, "-c", "import sys; from verify.cli import main; sys.exit(main())"]


def _variants(seeds_dir: Path, folder: Path, copies: int) -> list[Path]:
    """Each seed article ``copies`` times, each copy a different article (a sentence of its own added)."""
    folder.mkdir()
    made = []
    for i in range(copies):
        for seed in sorted(seeds_dir.glob("*.txt")):
            text = seed.read_text(encoding="utf-8")
            extra = (f"\n\nA spokesperson for the Varnholt council said {i + 3} roads near "
                     f"Elmbridge were closed on Tuesday.\n")
            path = folder / f"{seed.stem}-v{i:02d}.txt"
            path.write_text(text + extra, encoding="utf-8")
            made.append(path)
    return made


def _committed(index: Path) -> int:
    """Documents in the index's manifest as it stands (0 while there is none)."""
    try:
        return len(json.loads((index / "manifest.json").read_bytes())["documents"])
    except (FileNotFoundError, ValueError, KeyError):
        return 0  # not written yet (its replacement is atomic: never half a manifest)


def _assert_whole(index: Path, reference: dict[str, list[tuple[str, str, str | None]]], embed) -> Index:  # type: ignore[no-untyped-def]
    """Every committed document has all its claims, rows and vectors, consistently."""
    ix = Index.open(index)
    claims = list(ix.claims())
    vectors = ix.vectors()
    assert ix.counts == {"documents": len(list(ix.documents())), "claims": len(claims)}
    assert len(claims) == len(vectors) == ix.rows
    by_doc: dict[str, list] = {}
    for row, c in enumerate(claims):
        by_doc.setdefault(c.doc, []).append((c.id, c.text, c.speaker))
        assert ix.claim_at(row).id == c.id
    docs = [d.id for d in ix.documents()]
    for doc in docs:
        assert by_doc.get(doc, []) == reference[doc], doc
    np.testing.assert_allclose(vectors, embed([c.text for c in claims]), atol=1e-5)
    return ix


@pytest.mark.model
def test_sigkill_after_some_chunks_keeps_them_and_the_next_ingest_skips_them(
    tmp_path: Path, seeds_dir: Path
) -> None:
    from verify.embed import load_embedder
    from verify.extract.claims import extract
    from verify.read import documents

    corpus_dir = tmp_path / "corpus"
    _variants(seeds_dir, corpus_dir, copies=8)  # 40 articles
    index = tmp_path / "ix"
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cmd = [*VERIFY, "ingest", str(corpus_dir), "--index", str(index), "--commit-every", "0"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    # Kill it without warning once a few chunks are committed (the manifest says so).
    while _committed(index) < 4:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        assert time.monotonic() < deadline, "no chunk committed in 300 s"
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    embedder = load_embedder()
    reference = {doc.id: [(c.id, c.text, c.speaker) for c in found]
                 for doc, found in extract(documents([corpus_dir]))}
    docs = list(reference)

    kept = _assert_whole(index, reference, embedder.embed)
    committed = kept.counts["documents"]
    assert 4 <= committed < len(docs), "killed before the end, after some chunks"
    for name in ("claims", "search"):  # the plain commands open it
        args = ["claims", "--index", str(index), "--format", "json"] if name == "claims" else \
            ["search", "roads closed in Elmbridge", "--index", str(index)]
        done = subprocess.run([*VERIFY, *args], env=env, capture_output=True, timeout=300)
        assert done.returncode == 0, done.stderr.decode()

    done = subprocess.run(cmd, env=env, capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()
    said = done.stderr.decode()
    assert f"{len(docs) - committed} documents indexed" in said and f"{committed} unchanged skipped" in said
    ix = _assert_whole(index, reference, embedder.embed)
    assert ix.counts["documents"] == len(docs)
    assert not any(p.name.startswith("tmp-") for p in index.iterdir())
    # many chunks, few segments: they were merged as they came
    assert len(json.loads((index / "manifest.json").read_bytes())["segments"]) <= 8


def test_every_chunk_is_a_commit_and_segments_stay_few(tmp_path: Path, seeds_dir: Path) -> None:
    corpus_dir = tmp_path / "corpus"
    made = _variants(seeds_dir, corpus_dir, copies=8)  # 40 articles
    index = tmp_path / "ix"
    seen: list[int] = []
    stats = ingest([corpus_dir], index, embedder=HashEmbedder(16), commit_seconds=0,
                   progress=lambda doc, found: seen.append(_committed(index)))
    assert stats.documents == len(made) and stats.commits == len(made)
    assert seen[-1] < len(made) and seen[len(seen) // 2] > 0  # committed along the way, not only at the end
    manifest = json.loads((index / "manifest.json").read_bytes())
    assert len(manifest["segments"]) <= 8, "chunks' segments are merged (sizes grow geometrically)"
    ix = Index.open(index)
    assert ix.counts["documents"] == len(made) == len(list(ix.documents()))
    assert len(list(ix.claims())) == len(ix.vectors()) == ix.counts["claims"]
    on_disk = sorted(p.name for p in index.iterdir() if p.name.startswith("seg-"))
    assert set(on_disk) >= {s["name"] for s in manifest["segments"]}
    assert len(on_disk) <= len(manifest["segments"]) + len(manifest["retired"])


def test_a_failure_midway_keeps_the_chunks_committed(tmp_path: Path, seeds_dir: Path) -> None:
    """An ingest that fails (here the embedder, on its fifth call) keeps what it committed before."""
    corpus_dir = tmp_path / "corpus"
    made = _variants(seeds_dir, corpus_dir, copies=4)

    class Failing(HashEmbedder):
        calls = 0

        def embed(self, texts):  # type: ignore[no-untyped-def]
            Failing.calls += 1
            if Failing.calls == 5:
                raise OSError("disk full")
            return super().embed(texts)

    index = tmp_path / "ix"
    with pytest.raises(OSError):
        ingest([corpus_dir], index, embedder=Failing(16), commit_seconds=0)
    kept = Index.open(index).counts["documents"]
    assert kept == 4  # one document a chunk with commit_seconds=0
    again = ingest([corpus_dir], index, embedder=HashEmbedder(16), commit_seconds=0)
    assert (again.skipped, again.documents) == (kept, len(made) - kept)
    assert Index.open(index).counts["documents"] == len(made)


def test_commits_wait_for_their_time(tmp_path: Path, seeds_dir: Path) -> None:
    """With the default interval a short ingest commits once, at the end."""
    stats = ingest([seeds_dir], tmp_path / "ix", embedder=HashEmbedder(16))
    assert (stats.documents, stats.commits) == (5, 1)


def test_the_interval_grows_when_commits_grow_costly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commits stay under COMMIT_SHARE of the time: a commit of 1 s makes the next one wait 50 s."""
    module = importlib.import_module("verify.ingest")
    from verify.ingest import COMMIT_SECONDS, COMMIT_SHARE, Chunks, IngestStats

    now = [1000.0]
    monkeypatch.setattr(module.time, "monotonic", lambda: now[0])

    class Writer:
        cost = 0.1

        def commit(self) -> None:
            now[0] += self.cost

    writer = Writer()
    chunks = Chunks(writer, None, IngestStats())  # type: ignore[arg-type]
    now[0] += COMMIT_SECONDS - 1
    assert not chunks.due()
    now[0] += 1
    assert chunks.due()
    chunks.waiting = 1
    chunks.commit()
    assert chunks.interval == COMMIT_SECONDS  # a cheap commit: the interval stays
    writer.cost = 1.0
    chunks.commit()
    assert chunks.interval == pytest.approx(1.0 / COMMIT_SHARE)
    now[0] += COMMIT_SECONDS
    assert not chunks.due()
    assert Chunks(writer, 0, IngestStats()).due()  # type: ignore[arg-type]  # an explicit interval is kept
