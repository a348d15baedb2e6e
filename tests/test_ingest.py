"""verify ingest as a user runs it: killed midway, the index keeps its earlier content."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from verify.index import Index
from verify.ingest import ingest

pytestmark = pytest.mark.model


def test_sigkill_midway_leaves_the_earlier_index_whole(tmp_path: Path, seeds_dir: Path) -> None:
    index = tmp_path / "ix"
    ingest([seeds_dir], index)
    before = sorted(c.id for c in Index.open(index).claims())
    more = tmp_path / "more"
    more.mkdir()
    text = (seeds_dir / "003_6e6245e77d5995f7.txt").read_text(encoding="utf-8")
    for i in range(400):
        (more / f"copy-{i:03d}.txt").write_text(text.replace("2,000", f"{2000 + i:,}"), encoding="utf-8")
    script = (
        "import sys\nfrom verify.ingest import ingest\n"
        f"ingest([{str(more)!r}], {str(index)!r}, commit_seconds=1e9)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    # Wait until the ingest is writing its new segment, then kill it without warning.
    while time.time() < deadline and not any(p.name.startswith("tmp-") for p in index.iterdir()):
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        time.sleep(0.2)
    time.sleep(1.0)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    after = Index.open(index)
    assert sorted(c.id for c in after.claims()) == before
    assert len(after.vectors()) == len(before)
    # and the next ingest cleans up and goes on
    ingest([seeds_dir], index)
    assert not any(p.name.startswith("tmp-") for p in index.iterdir())


def test_second_ingest_into_a_locked_index_stops_with_a_clear_message(tmp_path: Path, seeds_dir: Path) -> None:
    from verify.embed import HashEmbedder
    from verify.errors import IndexError_

    index = tmp_path / "ix"
    holder = Index.open(index, create=True).writer(HashEmbedder(8))
    with holder:
        with pytest.raises(IndexError_, match=r"is being written by another verify process \(pid \d+\); wait for it to finish"):
            ingest([seeds_dir], index, embedder=HashEmbedder(8))


def test_unchanged_reingest_parses_and_embeds_nothing(tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import verify.extract.claims
    from verify.embed import HashEmbedder

    index = tmp_path / "ix"
    first = ingest([seeds_dir], index, embedder=HashEmbedder(8))

    class NoEmbedder(HashEmbedder):
        def embed(self, texts):  # type: ignore[no-untyped-def]
            assert not texts, "an unchanged document was embedded"
            return super().embed(texts)

    def no_parse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("an unchanged document was parsed")

    monkeypatch.setattr(verify.extract.claims, "parse_blocks", no_parse)
    again = ingest([seeds_dir], index, embedder=NoEmbedder(8))
    assert (again.documents, again.skipped, again.claims) == (0, first.documents, 0)


def test_a_record_given_twice_is_read_once(tmp_path: Path, seeds_dir: Path) -> None:
    import json

    from verify.embed import HashEmbedder

    text = (seeds_dir / "003_6e6245e77d5995f7.txt").read_text(encoding="utf-8")
    records = [{"id": "a", "text": text}, {"id": "b", "text": text.replace("2,000", "3,000")}, {"id": "a", "text": text}]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    stats = ingest([corpus], tmp_path / "ix", embedder=HashEmbedder(8))
    assert (stats.documents, stats.skipped) == (2, 1)
    assert stats.claims == len(list(Index.open(tmp_path / "ix").claims()))


def test_progress_is_told_of_every_document_read(tmp_path: Path, seeds_dir: Path) -> None:
    """The progress bar reaches its total: unchanged documents count too."""
    from verify.embed import HashEmbedder
    from verify.read import count_documents

    index = tmp_path / "ix"
    seen: list[str] = []
    ingest([seeds_dir], index, embedder=HashEmbedder(8), progress=lambda doc, found: seen.append(doc.id))
    again: list[str] = []
    ingest([seeds_dir], index, embedder=HashEmbedder(8), progress=lambda doc, found: again.append(doc.id))
    assert len(seen) == len(again) == count_documents([seeds_dir]) == 5


def test_count_documents_counts_records_cheaply(tmp_path: Path) -> None:
    """A JSON Lines file counts its records, nested ones too; a broken file counts nothing."""
    import json

    from verify.read import count_documents

    (tmp_path / "a.jsonl").write_text(
        json.dumps({"text": "One story."}) + "\n\n"
        + json.dumps({"articles": [{"content": "Two."}, {"content": "Three."}]}) + "\n", encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps([{"body": "Four."}, {"body": "Five."}]), encoding="utf-8")
    (tmp_path / "c.txt").write_text("Six.", encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    assert count_documents([tmp_path]) == 6
