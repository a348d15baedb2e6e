"""verify: claims, their speakers and numbers, matched across news sources.

The public API; heavy parts (spaCy, torch) load only when first used, so that
``import verify`` and ``verify --help`` stay fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Claim": "models",
    "Document": "models",
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

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'verify' has no attribute {name!r}")
