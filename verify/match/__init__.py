"""Claims across documents: which state one fact, and do they agree.

- ``facts``: what a number measures and the values it allows;
- ``compare``: two numbers of one measure, two times;
- ``quotes``: one speaker's words in two articles;
- ``events``: which articles report one event;
- ``origins``: copies of one text count once;
- ``links``: candidate pairs, the verdict on each, and groups of one fact.
"""

from __future__ import annotations

from ..extract.signature import names, people
from .compare import Link
from .events import Events
from .links import aggregate, groups, links, pair, told_again
from .origins import copies

__all__ = ["Events", "Link", "aggregate", "copies", "groups", "links", "names", "pair", "people", "told_again"]
