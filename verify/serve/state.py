"""The report of an index, loaded once per state of the index.

The state is the index's ``manifest.json``: a writer replaces it (a new
file) at each commit, so its inode, size and modification time name the
state. A page asks for the report; it is read and matched again only when
the manifest changed since.
"""

from __future__ import annotations

import os
import threading
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
    """The report of one index, kept while the index is unchanged."""

    def __init__(self, index: str | os.PathLike[str] | None) -> None:
        from verify.ingest import index_path

        self.index = index
        self.folder = index_path(index)
        self._lock = threading.Lock()
        self._key: tuple[int, int, int] | None = None
        self._view: View | None = None
        self.loads = 0
        """How many times the report was built (once per state of the index)."""

    def view(self) -> View:
        with self._lock:  # two pages at once wait for one load
            try:
                key = state_key(self.folder)
            except OSError:
                key = None
            if self._view is None or key != self._key:
                self._view = self._load()
                self._key = key
                self.loads += 1
            return self._view

    def _load(self) -> View:
        from verify.ingest import load
        from verify.pipeline import assemble

        docs, found, vectors = load(self.index)
        return View.of(assemble(docs, found, vectors), docs)
