"""The library as a notebook calls it: ``ingest``, ``report``, ``check``, ``search``.

Each function takes what a person has at hand (paths, a draft's path or its
text, an index name) and returns the models the command line prints. They
are bound in ``verify`` itself: ``verify.check("draft.docx")``.

``progress``, where a function takes it, is called as ``progress(done,
total)`` with the steps of the work finished so far; the command line draws
its progress bar from it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .errors import InputError, VerifyError

if TYPE_CHECKING:  # pydantic and the models load when first used
    from .ingest import IngestStats
    from .models import CheckResult, Claim, Document, Report

__all__ = ["Hit", "Progress", "check", "draft_document", "ingest", "report", "search"]

Progress = Callable[[int, int], None]
"""``progress(done, total)``: how many steps of the work are finished."""

PathLike = str | os.PathLike[str]


class Hit(NamedTuple):
    """A claim of the index found by ``search``, with its score and its article."""

    score: float
    """Cosine similarity to the text searched for, 1 at most."""
    claim: Claim
    document: Document


def ingest(paths: PathLike | Iterable[PathLike], index: PathLike | None = None, *,
           rebuild: bool = False, progress: Progress | None = None) -> IngestStats:
    """Read, extract, embed and index the articles under ``paths``.

    ``paths`` is a file or folder, or a list of them (.txt, .md, .html,
    .json, .jsonl, .docx); ``index`` a name under ``indexes/`` or a folder
    (default: ``default``). Unchanged articles are skipped. Returns the
    counts of what was done; files that could not be read are listed in its
    ``errors`` while the others still go in. ``rebuild`` starts the index
    afresh. ``progress(done, total)`` is called after each document.
    """
    from .ingest import ingest as run
    from .read import count_documents

    paths = _paths(paths)
    step = None
    if progress is not None:
        total = count_documents(paths)
        done = 0

        def step(doc: Document, claims: list[Claim]) -> None:
            nonlocal done
            done += 1
            progress(done, max(total, done))

    return run(paths, index, rebuild=rebuild, progress=step)


def report(paths: PathLike | Iterable[PathLike] | None = None, index: PathLike | None = None, *,
           errors: list[VerifyError] | None = None, progress: Progress | None = None) -> Report:
    """The cross-source report: agreements, discrepancies, single-sourced facts.

    With ``paths``, the articles there are read and matched on the fly (a
    file that cannot be read raises ``verify.InputError``, or is added to
    ``errors`` when it is a list, and the others are read); without, the
    claims of ``index`` (default: ``default``) are matched. Returns a
    ``verify.Report``: its ``documents``, ``claims``, ``groups`` (each with
    its ``verdict``, ``reason`` and ``conflicts``) and ``flags``.
    ``progress(done, total)`` is called as the candidate pairs of claims
    are judged (reading and matching are one step for ``paths``).
    """
    from .pipeline import assemble, build_report

    if paths is not None:
        tick = _steps(progress, 1)
        result = build_report(_paths(paths), errors)
        tick()
        return result
    from .ingest import load

    docs, found, vectors = load(index)
    return assemble(docs, found, vectors, progress)


def check(draft: PathLike | Document, index: PathLike | None = None, *,
          progress: Progress | None = None) -> CheckResult:
    """Check a draft against the index, claim by claim.

    ``draft`` is a file (``.txt``, ``.md``, ``.html``, ``.docx``, as a
    ``pathlib.Path`` or a string naming an existing file), the draft's text
    itself (any other string), or a ``verify.Document``. Returns a
    ``CheckResult`` whose ``claims`` each have a ``status`` (``supported``,
    ``contradicted``, ``single-source``, ``unsupported``), a ``reason``,
    character offsets into the draft's text and the ``evidence`` with its
    sources. ``progress(done, total)`` is called after each claim of the
    draft is checked.
    """
    from .check import check as run
    from .models import Document

    doc = draft if isinstance(draft, Document) else draft_document(draft)
    return run(doc, index, progress=progress)


def search(text: str, index: PathLike | None = None, k: int = 10) -> list[Hit]:
    """The ``k`` claims of the index nearest in meaning to ``text``, best first.

    Each ``Hit`` is ``(score, claim, document)``: the cosine similarity, the
    ``verify.Claim`` and the ``verify.Document`` it was read from (outlet,
    title, date, url, path).
    """
    from .search import search as nearest

    return [Hit(score, claim, doc) for score, claim, doc in nearest(text, index, k)]


def draft_document(draft: PathLike) -> Document:
    """A draft as a ``Document``: a path (``Path``, or a string naming a file) is
    read; any other string is the text itself."""
    from .read import document_from_text, documents

    if isinstance(draft, str) and not _names_file(draft):
        return document_from_text(draft)
    docs = list(documents([Path(draft)]))
    if not docs:
        raise InputError(f"{draft}: no text to check; give a draft with text")
    return docs[0]


def _names_file(text: str) -> bool:
    """Whether a string is a file's name rather than a text: one short line naming a file."""
    if "\n" in text or len(text) > 4096:
        return False
    try:
        return Path(text).is_file()
    except OSError:  # a name too long for the system, say
        return False


def _paths(paths: PathLike | Iterable[PathLike]) -> list[PathLike]:
    return [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)


def _steps(progress: Progress | None, total: int) -> Callable[[], None]:
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    return tick
