"""verify: claims, their speakers and numbers, matched across news sources."""

from __future__ import annotations

__version__ = "0.1.0"
