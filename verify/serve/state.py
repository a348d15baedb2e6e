"""The report of an index, loaded once per state of the index.

The state is the index's ``manifest.json``: a writer replaces it (a new
file) at each commit, so its inode, size and modification time name the
state. A page asks for the report; it is read and matched again only when
the manifest changed since, in a thread of its own, while the pages show the
report built before (or, before the first, that it is being built).
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from verify.models import Claim, Document, Group, Report


@dataclass
class View:
    """A report with the lookups its pages need."""

    report: Report
    documents: dict[str, Document]
    claims: dict[str, Claim] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    ordered: list[Group] = field(default_factory=list)
    """Discrepancies first (the most sources first), then agreements."""
    singles: list[Claim] = field(default_factory=list)
    """Claims with numbers or quotes that no other article states."""

    @classmethod
    def of(cls, report: Report, documents: list[Document]) -> View:
        view = cls(report, {d.id: d for d in documents})
        view.claims = {c.id: c for c in report.claims}
        view.groups = {g.id: g for g in report.groups}
        view.ordered = sorted(report.groups, key=lambda g: (g.verdict != "discrepancy", -len(g.claims)))
        grouped = {i for g in report.groups for i in g.claims}
        view.singles = [c for c in report.claims if c.id not in grouped and (c.quantities or c.quote)]
        return view


def state_key(folder: Path) -> tuple[int, int, int]:
    """What names the index's state: its manifest's inode, size and mtime."""
    st = os.stat(folder / "manifest.json")
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class ReportCache:
    """The report of one index, built in the background once per state of the index.

    Matching a large index takes minutes, so pages do not wait for it:
    ``current()`` gives the latest report built (maybe of an earlier state,
    or None before the first) and starts a build of the current state when
    none is under way; ``view()`` waits for the report of the current state.
    """

    def __init__(self, index: str | os.PathLike[str] | None) -> None:
        from verify.ingest import index_path

        self.index = index
        self.folder = index_path(index)
        self._cond = threading.Condition()
        self._key: tuple[int, int, int] | None = None
        self._view: View | None = None
        self._building: tuple[int, int, int] | None = None
        self._since = 0.0
        self._error: Exception | None = None
        self.loads = 0
        """How many times the report was built (once per state of the index)."""

    def _state(self) -> tuple[int, int, int] | None:
        try:
            return state_key(self.folder)
        except OSError:
            return None

    def current(self) -> tuple[View | None, bool]:
        """The latest report built, and whether it is of the index as it is now."""
        key = self._state()
        with self._cond:
            fresh = self._view is not None and self._key == key
            if not fresh:
                if self._error is not None and self._building is None:
                    error, self._error = self._error, None
                    raise error  # shown once; the next page tries again
                self._start(key)
            return self._view, fresh

    def building_for(self) -> float:
        """Seconds since the build under way started (0 when none is)."""
        with self._cond:
            return time.monotonic() - self._since if self._building is not None else 0.0

    def view(self) -> View:
        """The report of the index as it is now, built first if need be."""
        while True:
            key = self._state()
            with self._cond:
                if self._view is not None and self._key == key:
                    return self._view
                self._error = None
                self._start(key)
                while self._building is not None:
                    self._cond.wait()
                if self._error is not None:
                    raise self._error
                if self._view is not None and self._key == key:
                    return self._view

    def _start(self, key: tuple[int, int, int] | None) -> None:
        """Build the report of state ``key`` in a thread, unless one is under way (call with the lock held)."""
        if self._building is not None:
            return
        self._building, self._since, self._error = key or (0, 0, 0), time.monotonic(), None
        threading.Thread(target=self._build, args=(key,), name="verify-report", daemon=True).start()

    def _build(self, key: tuple[int, int, int] | None) -> None:
        view, error = None, None
        try:
            view = self._load()
        except Exception as e:  # a VerifyError (the index went missing or bad) or worse: shown on the pages
            error = e
        with self._cond:
            if view is not None:
                self._view, self._key = view, key
                self.loads += 1
            self._error = error
            self._building = None
            self._cond.notify_all()

    def _load(self) -> View:
        from verify.ingest import load
        from verify.pipeline import assemble

        docs, found, vectors = load(self.index)
        return View.of(assemble(docs, found, vectors), docs)
