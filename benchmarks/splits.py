"""The fixed halves of every development set: *tune* and *held apart*.

A rule is tuned on the tune half and kept only when it gains on the held-apart
half too; every scorer prints both. An item's half is a function of its key
alone (the article's name, a case's text), so the split never moves when items
are added, removed or reordered.
"""

from __future__ import annotations

import hashlib

HALVES = ("tune", "held")


# Prefixed to every key before hashing; fixed once (it splits PolNeAR's 84
# articles 42/42) and never changed after, or the held-apart half would leak.
SALT = "verify:"


def half(key: str) -> str:
    """"tune" or "held" for an item's key: the parity of its salted SHA-256's first byte."""
    return HALVES[hashlib.sha256((SALT + key).encode("utf-8")).digest()[0] & 1]


def split(keys: list[str]) -> dict[str, list[str]]:
    """The keys of each half, in the order given."""
    out: dict[str, list[str]] = {h: [] for h in HALVES}
    for k in keys:
        out[half(k)].append(k)
    return out
