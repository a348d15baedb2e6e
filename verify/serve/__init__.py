"""``verify serve``: a local web page over an index, for a desk without a terminal.

Read-only: the index is opened for reading only, never locked nor written.
Pages are rendered on the server (Starlette, Jinja2 with autoescape); the
pages hold no script, and a Content Security Policy forbids any. Article
text and metadata are untrusted input: they reach a page only escaped, and
a link only when it is http(s).

Modules: ``state`` (the report of the index, loaded once per state of its
manifest), ``app`` (routes and their templates).
"""

from __future__ import annotations

__all__ = ["create_app"]


def create_app(index: str | None = None):  # type: ignore[no-untyped-def]
    """The Starlette application over ``index`` (a name under indexes/ or a folder)."""
    from .app import create_app as create

    return create(index)
