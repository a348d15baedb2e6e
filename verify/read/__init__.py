"""Documents from files and folders: formats, metadata and page furniture; no NLP.

Offsets are sacred: every offset the tool reports is an index into
``Document.text``. For ``.txt`` and ``.md`` that is the file exactly as decoded
from UTF-8 (no stripping, no newline normalisation). For ``.html`` it is a text
of the same length as the raw file, tags and entities blanked in place, so an
offset into the text is an offset into the file. Metadata lines and page
furniture are never cut out: they are listed in ``Document.skip``.

Modules: ``formats`` (files, folders, records; the Document), ``metadata``
(front matter and header lines), ``markup`` (HTML to text, offsets kept),
``furniture`` (lines and spans that hold no claim).
"""

from __future__ import annotations

from verify.read.formats import SUFFIXES, count_documents, document_from_text, documents
from verify.read.furniture import boilerplate
from verify.read.markup import html_text

__all__ = ["SUFFIXES", "boilerplate", "count_documents", "document_from_text", "documents", "html_text"]
