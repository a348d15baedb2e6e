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
        f"ingest([{str(more)!r}], {str(index)!r}, commit_every=10**9)\n"
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
