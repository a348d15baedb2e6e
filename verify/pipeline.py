"""The whole job on a set of paths: read, extract, canonical speakers, report."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .errors import VerifyError
from .models import Claim, Document, DocumentRef, Report


def bundled_seeds() -> Path:
    """The demo corpus shipped with verify (``seeds/``)."""
    here = Path.cwd() / "seeds"
    if here.is_dir():
        return here
    return Path(__file__).resolve().parent.parent / "seeds"


def corpus(
    paths: Iterable[str | Path], errors: list[VerifyError] | None = None
) -> tuple[list[Document], list[Claim]]:
    """Every document under ``paths`` and its claims, speakers named alike
    across documents. Bad files go to ``errors`` (or raise when it is None)."""
    from .extract.claims import canonical_speakers, extract
    from .read import documents

    docs: list[Document] = []
    found: list[Claim] = []
    for doc, claims in extract(documents(paths, errors), errors=errors):
        docs.append(doc)
        found.extend(claims)
    return docs, canonical_speakers(found)


def document_ref(doc: Document) -> DocumentRef:
    return DocumentRef(id=doc.id, path=doc.path, date=doc.date, title=doc.title, outlet=doc.outlet, url=doc.url)


def build_report(paths: Iterable[str | Path], errors: list[VerifyError] | None = None) -> Report:
    """The cross-source report of the documents under ``paths``."""
    from .embed import load_embedder

    docs, claims = corpus(paths, errors)
    vectors = load_embedder().embed([c.text for c in claims]) if claims else None
    return assemble(docs, claims, vectors)


def assemble(docs: list[Document], claims: list[Claim], vectors, progress=None) -> Report:  # type: ignore[no-untyped-def]
    """The report of claims already extracted and embedded; ``progress(done,
    total)`` as the candidate pairs are judged."""
    from .match import groups
    from .models import Flag

    found, flags = groups(claims, vectors, {d.id: d for d in docs}, progress) if vectors is not None else ([], [])
    return Report(
        documents=[document_ref(d) for d in docs],
        claims=claims,
        groups=found,
        flags=[Flag(claims=[f.a, f.b], reason=f.reason) for f in flags],
    )
