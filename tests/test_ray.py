"""verify ingest --ray: the same index as a plain ingest, the work done on a (local) Ray cluster."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from verify.cli import main
from verify.index import Index


def test_without_ray_the_option_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                       seeds_dir: Path) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray fails, as when it is not installed
    result = CliRunner().invoke(main, ["ingest", str(seeds_dir), "--index", str(tmp_path / "ix"), "--ray"])
    assert result.exit_code == 1
    assert result.output == "Error: --ray needs Ray: pip install 'verify[ray]' (or pip install 'ray[data]')\n"
    assert not (tmp_path / "ix").exists()


def test_an_address_that_does_not_answer_is_one_line_and_changes_nothing(tmp_path: Path, seeds_dir: Path) -> None:
    import socket

    pytest.importorskip("ray.data", reason="Ray is not installed: pip install 'verify[ray]'")
    with socket.socket() as s:  # a port that was free a moment ago: nothing listens on it
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = CliRunner().invoke(main, ["ingest", str(seeds_dir), "--index", str(tmp_path / "ix"),
                                       "--ray", f"127.0.0.1:{port}"])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot reach the Ray cluster at 127.0.0.1:{port} (")
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert not (tmp_path / "ix").exists()


@pytest.fixture(scope="module")
def local_ray():  # type: ignore[no-untyped-def]
    """One local Ray for the module (it takes a while to start); the ingests join it."""
    pytest.importorskip("ray", reason="Ray is not installed: pip install 'verify[ray]'")
    pytest.importorskip("ray.data", reason="Ray Data is not installed: pip install 'ray[data]'")
    import ray

    from verify.ray_ingest import connect

    connect("local")
    yield
    ray.shutdown()


def _ingest(*args: str) -> str:
    result = CliRunner().invoke(main, ["ingest", *args])
    assert result.exit_code == 0, result.output
    return result.output


def _claims(index: Path) -> dict[str, dict]:
    """Every field of every claim, by id in the index's order."""
    return {c.id: c.model_dump() for c in Index.open(index).claims()}


@pytest.mark.model
def test_ray_ingest_gives_the_claims_and_vectors_of_a_plain_ingest(local_ray, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                   seeds_dir: Path) -> None:
    plain, on_ray = tmp_path / "plain", tmp_path / "ray"
    _ingest(str(seeds_dir), "--index", str(plain))
    said = _ingest(str(seeds_dir), "--index", str(on_ray), "--ray")
    assert "5 documents indexed (93 claims), 0 unchanged skipped" in said

    a, b = _claims(plain), _claims(on_ray)
    assert len(a) == 93 and list(a) == list(b)  # same ids in the same order
    assert a == b  # texts, speakers, quantities, offsets, times: every field
    assert any(c["quantities"] for c in a.values()) and any(c["speaker"] for c in a.values())
    np.testing.assert_allclose(Index.open(on_ray).vectors(), Index.open(plain).vectors(), atol=1e-5)

    # the plain commands open it
    result = CliRunner().invoke(main, ["claims", "--index", str(on_ray), "--format", "json"])
    assert result.exit_code == 0 and len(json.loads(result.output)) == 93
    result = CliRunner().invoke(main, ["search", "how many people died", "--index", str(on_ray), "-k", "3"])
    assert result.exit_code == 0, result.output


@pytest.mark.model
def test_ray_ingest_sends_only_changed_documents(local_ray, tmp_path: Path, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    corpus, index = tmp_path / "corpus", tmp_path / "ix"
    shutil.copytree(seeds_dir, corpus)
    _ingest(str(corpus), "--index", str(index))
    first = next(iter(sorted(corpus.glob("*.txt"))))
    first.write_text(first.read_text(encoding="utf-8") + "\n\nThe Varnholt council said 12 roads were closed.\n",
                     encoding="utf-8")
    said = _ingest(str(corpus), "--index", str(index), "--ray")
    assert "1 documents indexed" in said and "4 unchanged skipped" in said
    assert any("12 roads" in c.text for c in Index.open(index).claims())
    said = _ingest(str(corpus), "--index", str(index), "--ray")
    assert "0 documents indexed (0 claims), 5 unchanged skipped" in said
