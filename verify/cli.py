"""The command line: parse options, call the library, format, turn errors into messages.

Imports of the library happen inside the commands, so that ``verify --help``
answers at once without loading spaCy or torch.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def _problems(errors: list[VerifyError]) -> None:
    """One line per bad file, on standard error."""
    for e in errors:
        click.echo(f"Error: {e}", err=True)


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


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@output_options()
def claims(paths: tuple[Path, ...], fmt: str) -> None:
    """List the claims in PATHS with speakers, quantities and times.

    PATHS are files or folders of .txt, .md, .html, .json, .jsonl or .docx
    articles. With no PATHS, the bundled demo corpus (seeds/) is used.
    """
    from .pipeline import bundled_seeds, corpus
    from .report import claims_output

    errors: list[VerifyError] = []
    _, found = corpus(list(paths) or [bundled_seeds()], errors)
    click.echo(claims_output(found, fmt))
    _problems(errors)
    if errors:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_options(default="json")
@click.option("--out", type=click.Path(path_type=Path), help="Write here instead of standard output.")
def report(paths: tuple[Path, ...], fmt: str, out: Path | None) -> None:
    """The cross-source report of the articles in PATHS.

    ``--format json`` prints the prediction JSON that ``verify eval`` scores.
    """
    from .pipeline import build_report
    from .report import claims_output, report_json

    errors: list[VerifyError] = []
    result = build_report(paths, errors)
    text = report_json(result) if fmt == "json" else claims_output(result.claims, fmt)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + "\n", encoding="utf-8")
        click.echo(f"Wrote {out}", err=True)
    else:
        click.echo(text)
    _problems(errors)
    if errors:
        sys.exit(1)


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
