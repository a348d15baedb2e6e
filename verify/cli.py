"""The command line: parse options, call the library, format, turn errors into messages.

Imports of the library happen inside the commands, so that ``verify --help``
answers at once without loading spaCy or torch.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click

from .errors import VerifyError

FORMATS = ("table", "github", "csv", "json")


def output_options(formats: tuple[str, ...] = FORMATS, default: str = "table") -> Callable[[Any], Any]:
    """``--format`` shared by the commands that print tables."""

    def decorate(f: Any) -> Any:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(formats),
            default=default,
            show_default=True,
            help="Output format: " + ", ".join(formats) + ".",
        )(f)

    return decorate


def publisher_options(f: Any) -> Any:
    """``--publisher`` and ``--url``: who reviews, for the ``claimreview`` format."""
    f = click.option("--url", "publisher_url", metavar="URL",
                     help="claimreview: the reviewing organisation's site; each review's url starts with it.")(f)
    return click.option("--publisher", metavar="NAME",
                        help="claimreview: the reviewing organisation, author of each review.")(f)


def _publisher_note(fmt: str, publisher: str | None, publisher_url: str | None) -> None:
    """ClaimReview without its reviewer: say what a search engine will miss."""
    if fmt == "claimreview" and not (publisher and publisher_url):
        click.echo("Note: give --publisher NAME and --url URL: a ClaimReview names who reviewed and where", err=True)


def _problems(errors: list[VerifyError]) -> None:
    """One line per bad file, on standard error."""
    for e in errors:
        click.echo(f"Error: {e}", err=True)


def _emit(text: str, out: Path | None, errors: Sequence[VerifyError] = ()) -> None:
    """Print, or write to ``out``; then the bad files; the path written comes last."""
    if out is None:
        click.echo(text)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + "\n", encoding="utf-8")
    _problems(list(errors))
    if out is not None:
        click.echo(f"Wrote {out}", err=True)


@contextmanager
def _progress(label: str, file: IO[str] | None = None) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar (steps done of the total, time left) on standard error when it is
    a terminal; elsewhere (a pipe, a log, CI) nothing at all. Yields the
    ``progress(done, total)`` callback for the library, or None."""
    file = file or sys.stderr
    if not file.isatty():
        yield None
        return
    with click.progressbar(length=1, label=label, show_pos=True, show_eta=True, file=file) as bar:

        def step(done: int, total: int) -> None:
            bar.length = total
            bar.update(done - bar.pos)

        yield step


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except VerifyError as e:  # one clear line, never a traceback
            raise click.ClickException(str(e)) from None
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            sys.exit(130)


@click.group(cls=_Group)
@click.version_option(package_name="verify")
def main() -> None:
    """verify: who claimed what across news sources, and whether they agree.

    Extract the claims of a corpus of articles with their speakers and
    numbers, match them across sources, and check a draft before publication.
    """


def index_option(f: Any) -> Any:
    return click.option(
        "--index",
        "index",
        default=None,
        metavar="NAME",
        help="Index name under indexes/ (or a folder path). Default: default.",
    )(f)


def _has_index(name: str | None) -> bool:
    from .ingest import index_path

    return (index_path(name) / "manifest.json").exists()


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@index_option
@output_options()
def claims(paths: tuple[Path, ...], index: str | None, fmt: str) -> None:
    """List the claims in PATHS with speakers, quantities and times.

    PATHS are files or folders of .txt, .md, .html, .json, .jsonl or .docx
    articles. With no PATHS, the claims of the index are listed; with no
    PATHS and no index, those of the bundled demo corpus (seeds/).
    """
    from .pipeline import bundled_seeds, corpus
    from .report import claims_output

    errors: list[VerifyError] = []
    if not paths and (index or _has_index(index)):
        from .ingest import load

        _, found, _ = load(index)
    else:
        _, found = corpus(list(paths) or [bundled_seeds()], errors)
    click.echo(claims_output(found, fmt))
    _problems(errors)
    if errors:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@index_option
@click.option("--rebuild", is_flag=True, help="Start the index afresh (e.g. after an upgrade).")
@click.option("--wait", type=float, default=0.0, metavar="SECONDS",
              help="Wait this long for another ingest into the same index to finish.")
@click.option("--commit-every", "commit_seconds", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="Commit what is done this often (default: 30, longer for a large index, so that "
                   "commits take under 2% of the time); a killed ingest keeps every commit.")
@click.option("--ray", "ray", is_flag=False, flag_value="local", default=None, metavar="[ADDRESS]",
              help="Parse and embed on a Ray cluster at ADDRESS (e.g. 10.0.0.5:6379); "
                   "alone, on a Ray started on this machine. Needs pip install 'verify[ray]'.")
def ingest(paths: tuple[Path, ...], index: str | None, rebuild: bool, wait: float,
           commit_seconds: float, ray: str | None) -> None:
    """Read, extract, embed and index the articles in PATHS.

    Unchanged articles are skipped; a changed one replaces its claims. What
    is done is committed every --commit-every seconds: a stopped or killed
    ingest keeps every commit, and the next one skips what they hold. With
    --ray, the index is written here and the work done on the cluster.
    """
    import time

    from .ingest import index_path
    from .ingest import ingest as run
    from .read import count_documents

    if ray is not None:
        from .ray_ingest import check_address, require_ray

        require_ray()
        check_address(ray)

    target = index_path(index)
    # On a terminal: documents done of the total, their rate and the time
    # left; elsewhere (a pipe, a log, CI) click shows nothing but the label.
    started = time.monotonic()  # documents come in bursts (embedded together): the rate is the mean since the start
    with click.progressbar(length=count_documents(paths), label="Ingesting", show_pos=True, show_eta=True,
                           item_show_func=lambda rate: rate, file=sys.stderr) as bar:

        def step(doc: Any, found: list[Any]) -> None:
            elapsed = time.monotonic() - started
            bar.update(1, f"{(bar.pos + 1) / elapsed:.1f} documents/s" if elapsed > 0 else None)

        stats = run(paths, target, rebuild=rebuild, progress=step, wait=wait,
                    commit_seconds=commit_seconds, ray=ray)
    click.echo(
        f"{stats.documents} documents indexed ({stats.claims} claims), "
        f"{stats.skipped} unchanged skipped, in {target}",
        err=True,
    )
    _problems(stats.errors)
    if stats.errors:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@index_option
@output_options(formats=("table", "github", "csv", "json", "html", "claimreview"), default="table")
@click.option("--out", type=click.Path(path_type=Path), help="Write the report here.")
@publisher_options
def report(paths: tuple[Path, ...], index: str | None, fmt: str, out: Path | None,
           publisher: str | None, publisher_url: str | None) -> None:
    """The cross-source report: what agrees, what differs, what rests on one source.

    With PATHS, the articles there are read and matched on the fly; without,
    the index is used, or, with no index, the bundled demo corpus (seeds/).
    table, json and claimreview (schema.org ClaimReview JSON-LD, one review
    per discrepancy) print to standard output; github, csv and html are
    written under reports/ unless --out says where.
    """
    from .api import report as build
    from .pipeline import bundled_seeds
    from .report import report_output

    if not paths and not index and not _has_index(index):
        paths = (bundled_seeds(),)
    errors: list[VerifyError] = []
    with _progress("Reporting") as step:
        result = build(list(paths) or None, index, errors=errors, progress=step)
    text = report_output(result, fmt, publisher=publisher, publisher_url=publisher_url)
    _publisher_note(fmt, publisher, publisher_url)
    if out is None and fmt in ("github", "csv", "html"):
        ext = {"github": "md", "csv": "csv", "html": "html"}[fmt]
        out = Path("reports") / f"report-{index or 'default' if not paths else 'paths'}.{ext}"
    _emit(text, out, errors)
    if errors:
        sys.exit(1)


@main.command()
@click.argument("text")
@index_option
@click.option("-k", "--limit", "k", default=10, show_default=True, help="How many claims.")
@output_options(formats=("table", "github", "csv", "json"))
def search(text: str, index: str | None, k: int, fmt: str) -> None:
    """The claims of the index nearest to TEXT, with their sources."""
    from .search import search as nearest
    from .report import search_output

    click.echo(search_output(nearest(text, index, k), fmt))


@main.command()
@click.argument("draft", type=click.Path(path_type=Path))
@index_option
@click.option("--fail-on", default="contradicted", show_default=True, metavar="STATUSES",
              help="Comma-separated statuses that make the exit status 1: contradicted, unsupported, single-source.")
@output_options(formats=("table", "github", "csv", "json", "html", "claimreview", "docx"))
@click.option("--out", type=click.Path(path_type=Path), help="Write the output here.")
@publisher_options
def check(draft: Path, index: str | None, fail_on: str, fmt: str, out: Path | None,
          publisher: str | None, publisher_url: str | None) -> None:
    """Check a DRAFT (.txt, .md, .html, .docx) against the index before publication.

    Each claim is supported (by how many independent origins), contradicted,
    single-source or unsupported, with its evidence and its sources;
    claimreview prints one schema.org ClaimReview per claim; docx writes to --out
    a copy of a .docx draft with a Word comment on each claim contradicted,
    single-source or unsupported. Exit status: 0 when no
    claim's status is in --fail-on, 1 when one is, 2 for a usage or input error.
    """
    from .api import check as run
    from .check import STATUSES, failing
    from .read import documents
    from .report import check_output

    wanted = [s.strip() for s in fail_on.split(",") if s.strip()]
    unknown = [s for s in wanted if s not in STATUSES]
    if unknown:
        raise click.BadParameter(f"unknown status {unknown[0]!r}; use {', '.join(STATUSES)}", param_hint="--fail-on")
    if fmt == "docx" and (out is None or draft.suffix.lower() != ".docx"):
        _usage("--format docx writes a commented copy of a .docx draft: give a .docx DRAFT and --out FILE.docx")
    if fmt == "docx" and out is not None and out.resolve() == draft.resolve():
        _usage(f"{out}: --out would overwrite the draft; give another file")
    try:
        docs = list(documents([draft]))
        if not docs:
            raise VerifyError(f"{draft}: no text to check; give a draft with text")
        with _progress("Checking") as step:
            result = run(docs[0], index, progress=step)
        if fmt == "docx":
            from .docx_out import commented_docx
            from .html import plural

            written = commented_docx(draft, result, out)  # type: ignore[arg-type]
            click.echo(f"Wrote {out} ({plural(written, 'comment')})", err=True)
            sys.exit(1 if failing(result, wanted) else 0)
    except VerifyError as e:
        _usage(str(e))
    text = check_output(result, docs[0].text, fmt, publisher=publisher, publisher_url=publisher_url, draft=docs[0])
    _publisher_note(fmt, publisher, publisher_url)
    if out is None and fmt == "html":
        out = Path("reports") / f"check-{draft.stem}.html"
    _emit(text, out)
    sys.exit(1 if failing(result, wanted) else 0)


@main.command()
@index_option
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this computer only.")
def serve(index: str | None, port: int, host: str) -> None:
    """A local web page over the index: the groups by verdict with their evidence,
    a search box, and a draft to check (pasted or uploaded).

    It only reads the index: an ingest may run meanwhile, and the page shows
    its new state once committed. The report is built once per state of the
    index, in the background; search and draft checks work meanwhile.
    """
    try:
        import uvicorn

        from .serve.app import create_app
    except ImportError as e:
        raise VerifyError(f"verify serve needs {e.name}; pip install starlette uvicorn jinja2 python-multipart") from None
    from .ingest import index_path
    from .index import Index

    counts = Index.open(index_path(index)).counts  # a missing or bad index: its one line, before anything starts
    _free(host, port)
    app = create_app(index)
    app.state.pages.cache.current()  # the report is built now, in the background, and again only when the index changes
    click.echo(f"{index_path(index)}: {counts.get('documents', 0)} documents, {counts.get('claims', 0)} claims; "
               "the report is being built (a large index takes minutes)", err=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"Note: listening on {host}: anyone who reaches this address reads the index and can check drafts", err=True)
    click.echo(f"Serving on http://{host if ':' not in host else f'[{host}]'}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _free(host: str, port: int) -> None:
    """Fail in one line, before loading anything, when the address cannot be listened on."""
    import socket

    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((host, port))
    except OSError as e:
        raise VerifyError(f"cannot listen on {host} port {port} ({e.strerror or e}); give another --port or --host") from None


def _usage(message: str) -> None:
    """A usage or input error of ``check``: one line, exit status 2."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(2)


@main.command(name="eval")
@click.argument("gold", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("-v", "--verbose", is_flag=True, help="List every miss with its reason.")
def eval_(gold: Path, as_json: bool, verbose: bool) -> None:
    """Score verify against a GOLD file (see the gold FORMAT).

    The documents are read from the gold file's corpus folder.
    """
    import json

    from .evaluate import evaluate, format_scores
    from .pipeline import build_report

    scores = evaluate(gold, lambda folder: build_report([folder]))
    if as_json:
        click.echo(json.dumps(scores.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(format_scores(scores, verbose=verbose))
