"""Routes of ``verify serve`` and what each page shows.

``/``                the groups by verdict, discrepancies first (paged)
``/group/{id}``      one group: its reason, conflicts, evidence side by side
``/single``          facts with numbers or quotes that one article states (paged)
``/flags``           what a person should look at that is no verdict (the same words
                     given to different speakers), with the evidence
``/doc/{id}``        an article as indexed: its source and its text
``/search?q=``       the claims nearest a text, as ``verify search``
``/check``           a draft, pasted or uploaded, annotated claim by claim; a .docx
                     comes back with a Word comment on each claim to look at
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from verify.errors import VerifyError
from verify.html import marked, plural
from verify.models import CheckResult, Document, Group
from verify.report import quantity_label
from verify.sources import href, label, link, ranked_conflicts, worst_pair

from .state import ReportCache, View

HERE = Path(__file__).parent
PAGE = 50
RELOAD = 5
"""Seconds between reloads of a page that waits for the report."""
"""Groups, facts or hits on one page."""
DRAFT_TYPES = (".txt", ".md", ".docx")
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAX_DRAFT = 10 * 1024 * 1024
"""The largest draft accepted, in bytes."""
# No script runs on these pages, whatever an article holds.
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
_BADGES = {"supported": "✔ supported", "contradicted": "✘ contradicted",
           "single-source": "① single source", "unsupported": "? unsupported"}
_ORDER = ("contradicted", "unsupported", "single-source", "supported")


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["marked"] = lambda c: Markup(marked(c.text, c.start, c.quantities, c.quote))
    env.globals.update(plural=plural, badges=_BADGES)
    return env


class Pages:
    """The pages over one index."""

    def __init__(self, index: str | os.PathLike[str] | None) -> None:
        self.index = index
        self.cache = ReportCache(index)
        self.env = _environment()
        self._models = threading.Lock()

    async def run(self, fn: Any, *args: Any) -> Any:
        """A search or a check, in a worker thread, one at a time: the models are
        loaded once and shared, and a desk's laptop has few cores to give."""

        def locked() -> Any:
            with self._models:
                return fn(*args)

        return await run_in_threadpool(locked)

    def render(self, name: str, request: Request, status: int = 200, headers: dict[str, str] | None = None,
               **context: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(request=request, index=str(self.cache.folder), **context)
        return HTMLResponse(html, status_code=status, headers={**HEADERS, **(headers or {})})

    async def report(self, request: Request) -> View | Response:
        """The report for a page, or, before the first is built, a page that says so and reloads itself."""
        view, fresh = await run_in_threadpool(self.cache.current)
        if view is None:
            return self.render("building.html", request, status=503, headers={"Retry-After": str(RELOAD)},
                               seconds=int(self.cache.building_for()), reload=RELOAD)
        request.state.stale = not fresh
        return view

    def error(self, request: Request, message: str, status: int) -> HTMLResponse:
        return self.render("error.html", request, status=status, message=message)

    # -- sources --------------------------------------------------------------

    def source(self, view: View, doc_id: str) -> dict[str, Any]:
        return _source(view.documents.get(doc_id), doc_id)

    def columns(self, view: View, ids: Iterable[str], conflicts: Iterable[tuple[str, str]] = ()) -> list[dict[str, Any]]:
        """The evidence side by side: one column per article, in the order they first come."""
        against: dict[str, list[str]] = {}
        for a, b in conflicts:
            for x, y in ((a, b), (b, a)):
                if y in view.claims:
                    against.setdefault(x, []).append(label(view.documents.get(view.claims[y].doc), view.claims[y].doc))
        by_doc: dict[str, list[dict[str, Any]]] = {}
        for i in ids:
            c = view.claims.get(i)
            if c is None:
                continue
            parent = view.claims.get(c.parent) if c.parent else None
            context = None
            if parent is not None and " ".join(parent.text.split()) != " ".join(c.text.split()):
                context = Markup(marked(parent.text, parent.start, c.quantities, parent.quote))
            by_doc.setdefault(c.doc, []).append({"claim": c, "context": context, "clashes": against.get(c.id, [])})
        return [{"source": self.source(view, d), "claims": items} for d, items in by_doc.items()]

    def summary(self, view: View, g: Group) -> dict[str, Any]:
        """A group in a list: its verdict, reason, articles, and each conflict in words."""
        conflicts = []
        for a, b in ranked_conflicts(g.conflicts, view.claims):
            _, qa, qb = worst_pair(a, b)
            la, lb = (label(view.documents.get(x.doc), x.doc) for x in (a, b))
            conflicts.append(f"{quantity_label(qa)} ({la}) vs {quantity_label(qb)} ({lb})"
                             if qa is not None and qb is not None else f"worded differently in {la} and {lb}")
        docs = list(dict.fromkeys(view.claims[i].doc for i in g.claims if i in view.claims))
        return {"group": g, "conflicts": conflicts, "sources": [self.source(view, d) for d in docs]}

    # -- routes ---------------------------------------------------------------

    async def home(self, request: Request) -> Response:
        view = await self.report(request)
        if not isinstance(view, View):
            return view
        page = _page(request)
        shown = view.ordered[(page - 1) * PAGE : page * PAGE]
        counts = {v: sum(g.verdict == v for g in view.report.groups) for v in ("discrepancy", "agree")}
        return self.render("home.html", request, view=view, groups=[self.summary(view, g) for g in shown],
                           counts=counts, page=page, pages=_pages(len(view.ordered)))

    async def group(self, request: Request) -> Response:
        view = await self.report(request)
        if not isinstance(view, View):
            return view
        g = view.groups.get(request.path_params["gid"])
        if g is None:
            return self.error(request, "No such group in this index; it may have changed since: start from the list.", 404)
        return self.render("group.html", request, item=self.summary(view, g),
                           columns=self.columns(view, g.claims, g.conflicts))

    async def single(self, request: Request) -> Response:
        view = await self.report(request)
        if not isinstance(view, View):
            return view
        page = _page(request)
        shown = view.singles[(page - 1) * PAGE : page * PAGE]
        return self.render("single.html", request, facts=[(c, self.source(view, c.doc)) for c in shown],
                           total=len(view.singles), page=page, pages=_pages(len(view.singles)))

    async def flags(self, request: Request) -> Response:
        view = await self.report(request)
        if not isinstance(view, View):
            return view
        page = _page(request)
        shown = view.report.flags[(page - 1) * PAGE : page * PAGE]
        return self.render("flags.html", request, flags=[(f, self.columns(view, f.claims)) for f in shown],
                           total=len(view.report.flags), page=page, pages=_pages(len(view.report.flags)))

    async def document(self, request: Request) -> Response:
        view = await self.report(request)
        if not isinstance(view, View):
            return view
        doc = view.documents.get(request.path_params["doc"])
        if doc is None:
            return self.error(request, "No such article in this index.", 404)
        return self.render("document.html", request, doc=doc, source=self.source(view, doc.id))

    async def search(self, request: Request) -> Response:
        from verify.api import search

        query = request.query_params.get("q", "").strip()
        hits = await self.run(search, query, self.index, PAGE) if query else []
        rows = [(h, _source(h.document, h.claim.doc)) for h in hits]
        return self.render("search.html", request, query=query, hits=rows)

    async def check_form(self, request: Request) -> Response:
        return self.render("check.html", request, text="", result=None)

    async def check(self, request: Request) -> Response:
        from verify.api import check
        from verify.read import document_from_text

        try:
            form = await request.form(max_files=1, max_fields=4, max_part_size=MAX_DRAFT)
        except Exception:  # a malformed or oversized form
            return self.error(request, f"The form could not be read; paste the draft or upload a file under "
                                       f"{MAX_DRAFT // 1024 // 1024} MB.", 400)
        upload = form.get("draft")
        text = str(form.get("text") or "")
        uploaded = upload is not None and not isinstance(upload, str) and bool(upload.filename)
        try:
            if uploaded:
                name = Path(upload.filename).name
                if Path(name).suffix.lower() not in DRAFT_TYPES:
                    raise VerifyError(f"{name}: cannot check this kind of file; upload {', '.join(DRAFT_TYPES)}")
                if (upload.size or 0) > MAX_DRAFT:
                    raise VerifyError(f"{name}: larger than {MAX_DRAFT // 1024 // 1024} MB; check a shorter draft")
                word = form.get("word") is not None
                if word and Path(name).suffix.lower() != ".docx":
                    raise VerifyError(f"{name}: Word comments go into a .docx draft; upload one, or check without them")
                data = await upload.read()
                doc, result, commented = await self.run(_check_upload, name, data, self.index, word)
                if commented is not None:
                    return Response(commented, media_type=_DOCX, headers={
                        **HEADERS, "Content-Disposition": f"attachment; filename*=UTF-8''{quote('checked-' + name)}"})
            elif text.strip():
                doc = document_from_text(text.replace("\r\n", "\n"))
                result = await self.run(check, doc, self.index)
            else:
                raise VerifyError("nothing to check; paste a draft or choose a file")
        except VerifyError as e:
            return self.render("check.html", request, status=400, text=text, result=None, error=str(e))
        return self.render("check.html", request, text="" if uploaded else doc.text,
                           result=result, pieces=_annotated(doc.text, result),
                           counts=[(s, sum(c.status == s for c in result.claims)) for s in _ORDER],
                           claims=[(n, c, [_source(e, e.doc) | {"evidence": e} for e in c.evidence[:6]])
                                   for n, c in enumerate(sorted(result.claims, key=lambda c: c.start), 1)])


def _source(doc: Any, doc_id: str) -> dict[str, Any]:
    """An article as the pages name it (a Document or a piece of Evidence): label,
    title, date, outlet, and its web address when it has one (a link only when
    it is http(s)); an article read from a file opens here, at ``/doc/``."""
    if doc is None:
        return {"id": doc_id, "label": doc_id, "title": None, "date": None, "outlet": None, "href": None, "where": ""}
    return {"id": doc_id, "label": label(doc, doc_id), "title": doc.title, "date": doc.date, "outlet": doc.outlet,
            "href": doc.url if doc.url and href(doc) else None, "where": link(doc)}


def _check_upload(name: str, data: bytes, index: str | os.PathLike[str] | None,
                  word: bool) -> tuple[Document, CheckResult, bytes | None]:
    """An uploaded draft read as a file of its name (its type from its ending) and
    checked; with ``word``, the .docx again with a Word comment on each claim to look at."""
    from verify.api import check, draft_document
    from verify.docx_out import commented_docx

    with tempfile.TemporaryDirectory(prefix="verify-draft-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        doc = draft_document(path).model_copy(update={"path": name})
        result = check(doc, index)
        if not word:
            return doc, result, None
        out = Path(tmp) / "commented.docx"
        commented_docx(path, result, out)
        return doc, result, out.read_bytes()


def _annotated(text: str, result: CheckResult) -> list[tuple[str, int | None, str | None]]:
    """The draft as pieces: ``(text, None, None)`` between claims, ``(text, n, status)`` for claim n."""
    pieces: list[tuple[str, int | None, str | None]] = []
    at = 0
    for n, c in enumerate(sorted(result.claims, key=lambda c: c.start), 1):
        if c.start < at:  # overlapping spans: the earlier claim keeps the words
            continue
        pieces.append((text[at : c.start], None, None))
        pieces.append((text[c.start : c.end], n, c.status))
        at = c.end
    pieces.append((text[at:], None, None))
    return pieces


def _page(request: Request) -> int:
    try:
        return max(1, int(request.query_params.get("page", "1")))
    except ValueError:
        return 1


def _pages(n: int) -> int:
    return max(1, -(-n // PAGE))


async def _problem(request: Request, exc: Exception) -> Response:
    """An index that went missing or bad while serving: its one line, on a page."""
    return request.app.state.pages.error(request, str(exc), 500)


def create_app(index: str | os.PathLike[str] | None = None) -> Starlette:
    """The web application over ``index``; it only reads the index."""
    pages = Pages(index)
    app = Starlette(routes=[
        Route("/", pages.home),
        Route("/group/{gid:str}", pages.group),
        Route("/single", pages.single),
        Route("/flags", pages.flags),
        Route("/doc/{doc:path}", pages.document),
        Route("/search", pages.search),
        Route("/check", pages.check_form, methods=["GET"]),
        Route("/check", pages.check, methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ], exception_handlers={VerifyError: _problem})
    app.state.pages = pages
    return app
