"""verify: claims, their speakers and numbers, matched across news sources.

The public API; heavy parts (spaCy, torch) load only when first used, so that
``import verify`` and ``verify --help`` stay fast::

    import verify

    verify.ingest("seeds")                # into indexes/default
    report = verify.report()              # agreements, discrepancies, single sources
    result = verify.check("draft.docx")   # each claim of a draft: status, reason, evidence
    hits = verify.search("how many died")

``ingest``, ``report``, ``check`` and ``search`` are functions here, though
modules of those names exist too (``from verify.check import check`` still
works): importing a module never replaces the function.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import Any

from .api import Hit as Hit, check, ingest, report, search

__version__ = "0.1.0"

_EXPORTS = {
    "CheckResult": "models",
    "CheckedClaim": "models",
    "Claim": "models",
    "Document": "models",
    "Evidence": "models",
    "Group": "models",
    "Quantity": "models",
    "Report": "models",
    "VerifyError": "errors",
    "InputError": "errors",
    "documents": "read",
    "corpus": "pipeline",
    "build_report": "pipeline",
    "load_gold": "evaluate",
    "score": "evaluate",
}

_FUNCTIONS = {"check": check, "ingest": ingest, "report": report, "search": search}

__all__ = sorted([*_EXPORTS, *_FUNCTIONS, "Hit"]) + ["__version__"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'verify' has no attribute {name!r}")


class _Package(ModuleType):
    """``verify`` itself: importing the submodule ``verify.check`` sets the
    attribute ``check`` of its package; this keeps the function there (the
    module stays in ``sys.modules``, where ``from verify.check import ...``
    finds it)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _FUNCTIONS and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
