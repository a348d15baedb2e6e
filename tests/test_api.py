"""The public API: ``__all__`` matches what ``verify`` exports, and works."""

from __future__ import annotations

import verify


def test_all_names_resolve() -> None:
    for name in verify.__all__:
        assert getattr(verify, name) is not None, name


def test_the_library_answers_without_the_command_line(seeds_dir) -> None:
    docs, found = verify.corpus([seeds_dir])
    assert len(docs) == 5
    assert any(c.speaker == "Javier Colomina" for c in found)
    assert all(isinstance(c, verify.Claim) for c in found)
