"""Documents from files and folders: .txt, .md, .html, .json, .jsonl, .docx."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from verify.errors import InputError, VerifyError
from verify.models import Document
from verify.extract import VERSION as EXTRACTION
from verify.extract.timeref import parse_date
from verify.read.furniture import RECUR_STORIES, Piece, boilerplate, furniture, recurring, recurring_lines
from verify.read.markup import html_text, markdown_text
from verify.read.paragraphs import flowed
from verify.read.metadata import FIELDS as _FIELDS, metadata as _metadata

__all__ = ["SUFFIXES", "document_from_text", "documents", "explain"]

SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".docx")
"""File name endings that are read; other files in a folder are skipped."""

_TEXT_FIELDS = ("text", "content", "body", "article", "maintext", "articlebody", "article_text", "full_text",
                "body_text")  # common crawlers' names (metadata.FIELDS)
# Fields that hold an article as a list of paragraphs, each a string or a
# list of sentences ({"body-paragraphs": [["First.", "Second."], ["Next."]]}).
_PARAGRAPH_FIELDS = ("paragraphs", "body-paragraphs", "body_paragraphs", "sentences")
# A record without a text field may hold a list of records ({"articles": [...]}).
_CONTAINERS = ("articles", "documents", "docs", "items", "records", "data", "results")
_HELP_TYPES = ", ".join(SUFFIXES)
_NEWLINE = b"\n"


def documents(paths: Iterable[str | Path], errors: list[VerifyError] | None = None) -> Iterator[Document]:
    """The documents in files and folders, one at a time.

    Folders are walked recursively (each folder's files in name order, then its
    subfolders); files with an unknown ending, hidden files and Office lock
    files there are skipped, while a file named explicitly must be readable.
    A bad file raises :class:`InputError`, or, when ``errors`` is a list, is
    appended to it and reading goes on. A broken record of a ``.jsonl`` or
    ``.json`` file loses only that record. Documents are read in windows of
    ``RECUR_WINDOW``, each given once the window is full, because a line that
    recurs in the documents of several stories read together is page
    furniture (``furniture.recurring_lines``); memory stays bounded by the
    window, whatever the size of the corpus.
    """
    batch: list[Document] = []
    for path in paths:
        for item in _read_path(path):
            if isinstance(item, Document):
                batch.append(item)
                if len(batch) >= RECUR_WINDOW:
                    yield from _without_recurring(batch)
                    batch = []
            elif errors is None:
                yield from _without_recurring(batch)
                raise item
            else:
                errors.append(item)
    yield from _without_recurring(batch)


# Documents read together to find the lines a site repeats on every page: a
# site's furniture recurs in any few of its pages, so a window of this size
# finds it while a corpus of millions streams through in bounded memory.
RECUR_WINDOW = 2000


def count_documents(paths: Iterable[str | Path]) -> int:
    """How many documents ``documents(paths)`` gives at most, for a progress
    bar's total: a file is one, a JSON or JSON Lines file as many as its
    records hold (parsed, not read as documents). Unreadable files count
    nothing; ``documents`` names them."""
    total = 0
    for name in paths:
        path = Path(name)
        files = _walk(path) if path.is_dir() else [path] if path.suffix.lower() in SUFFIXES else []
        for file in files:
            try:
                total += _count_file(file)
            except (OSError, ValueError):
                continue
    return total


def _count_file(file: Path) -> int:
    suffix = file.suffix.lower()
    if suffix == ".jsonl":
        with file.open("rb") as f:
            return sum(_count_record(json.loads(line)) for line in f if line.strip())
    if suffix == ".json":
        data = json.loads(file.read_bytes())
        return sum(map(_count_record, data)) if isinstance(data, list) else _count_record(data)
    return 1 if file.is_file() else 0


def _count_record(record: Any) -> int:
    """The documents one JSON record holds: itself, or the records it nests."""
    if not isinstance(record, dict):
        return 0
    _, text, nested = _holds(record)
    return 1 if text is not None else sum(map(_count_record, nested or []))


def _without_recurring(docs: list[Document]) -> list[Document]:
    """The documents with the lines that recur across their stories added to their skip spans."""
    lines = recurring_lines([d.text for d in docs]) if len(docs) >= RECUR_STORIES else set()
    for doc in docs:
        found = recurring(doc.text, lines) if lines else []
        if found:
            doc.skip = _merge([*doc.skip, *((p.start, p.end) for p in found)], doc.text)
            doc.digest = _digest(doc)
    return docs


def document_from_text(text: str, id: str = "draft", path: str = "<text>") -> Document:
    """A document from text in memory (a draft), read like a ``.txt`` file."""
    if not text.strip():
        raise InputError(f"{path}: empty text; give the text to read")
    return _document(text, id=id, path=path, front_matter=True)


def _read_path(name: str | Path) -> Iterator[Document | InputError]:
    path = Path(name)
    if not str(name) or not path.exists():  # Path("") would be the current folder
        yield InputError(f"{name or repr(name)}: no such file or folder; check the path")
    elif path.is_dir():
        for file in _walk(path):
            yield from _read_file_safely(file)
    elif path.suffix.lower() not in SUFFIXES:
        yield InputError(f"{path}: cannot read '{path.suffix or path.name}' files; use {_HELP_TYPES}")
    else:
        yield from _read_file_safely(path)


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith((".", "~$")) or Path(name).suffix.lower() not in SUFFIXES:
                continue
            yield Path(root) / name


def _read_file_safely(file: Path) -> Iterator[Document | InputError]:
    try:
        yield from _read_file(file)
    except InputError as error:
        yield error


def _read_file(file: Path) -> Iterator[Document | InputError]:
    suffix = file.suffix.lower()
    if suffix == ".docx":
        yield _docx(file)
    elif suffix == ".jsonl":
        yield from _jsonl(file)
    elif suffix == ".json":
        text = _decode(_bytes(file), file)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(f"{file}: broken JSON at line {e.lineno} column {e.colno} ({e.msg}); "
                             "fix it, or write one record per line as .jsonl") from None
        if isinstance(data, dict):
            yield from _records(data, str(file), file, file.stem)
        elif isinstance(data, list):
            for n, item in enumerate(data, 1):
                yield from _records(item, f"{file} (record {n})", file, f"{file.stem}-{n}")
        else:
            raise InputError(f"{file}: JSON holds no records; give an object with a text field or a list of them")
    else:
        text = _decode(_bytes(file), file)
        if suffix in (".html", ".htm"):
            body, meta, skip = html_text(text)
            yield _document(body, id=file.stem, path=str(file), skip=skip, **meta)
        elif suffix == ".md":
            yield _document(markdown_text(text), id=file.stem, path=str(file), front_matter=True)
        else:
            yield _document(text, id=file.stem, path=str(file), front_matter=True)


def _bytes(file: Path) -> bytes:
    try:
        return file.read_bytes()
    except OSError as e:
        raise InputError(f"{file}: cannot read ({e.strerror}); check that it is a file you may read") from None


def _decode(data: bytes, file: Path, line: int | None = None, offset: int = 0) -> str:
    """UTF-8 text, or an error naming the file (and line) and what to do."""
    where = f"{file}:{line}" if line else str(file)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError(f"{where}: UTF-16 text; re-save it as UTF-8")
    if b"\x00" in data:
        raise _binary(where)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        at = f"line {data.count(_NEWLINE, 0, e.start) + 1}, " if line is None else ""
        raise InputError(f"{where}: not UTF-8 text (byte 0x{data[e.start]:02X} at {at}byte offset "
                         f"{offset + e.start}); re-save it as UTF-8") from None
    if not text.strip() and line is None:
        raise InputError(f"{where}: empty file; add text or remove it")
    return text


def _binary(where: str) -> InputError:
    return InputError(f"{where}: not a text file (it holds NUL bytes); give {_HELP_TYPES} files, "
                      "or re-save it as UTF-8 text")


def _jsonl(file: Path) -> Iterator[Document | InputError]:
    """One document per line; a bad line is an error of its own and reading goes on."""
    try:
        handle = file.open("rb")
    except OSError as e:
        raise InputError(f"{file}: cannot read ({e.strerror}); check that it is a file you may read") from None
    seen, offset = False, 0
    with handle:
        if b"\x00" in handle.read(8192):  # a binary file fails whole, not line by line
            raise _binary(str(file))
        handle.seek(0)
        for number, raw in enumerate(handle, 1):
            offset += len(raw)
            try:
                line = _decode(raw, file, number, offset - len(raw))
            except InputError as error:
                yield error
                continue
            if not line.strip():
                continue
            seen = True
            try:
                record = json.loads(line.rstrip())
            except json.JSONDecodeError as e:
                yield InputError(f"{file}:{number}: broken JSON line ({e.msg} at column {e.colno}); "
                                 "fix or remove that line")
                continue
            yield from _records(record, f"{file}:{number}", file, f"{file.stem}-{number}")
    if not seen:
        raise InputError(f"{file}: empty file; add one JSON record per line or remove it")


def _records(record: Any, where: str, file: Path, default_id: str) -> Iterator[Document | InputError]:
    """Documents from one JSON record; ``where`` names it in messages ("file:12")."""
    if not isinstance(record, dict):
        yield InputError(f"{where}: a record must be a JSON object; give objects with a text field")
        return
    fields, text, nested = _holds(record)
    if text is None:
        if nested is not None:
            for n, item in enumerate(nested, 1):
                yield from _records(item, f"{where} (item {n})", file, f"{default_id}-{n}")
            return
        yield InputError(f"{where}: record has no text field; add one of: {', '.join(_TEXT_FIELDS[:4])}")
        return
    meta = {name: _field(fields, keys) for name, keys in _FIELDS.items()}
    doc_id = meta.pop("id") or default_id
    if not text.strip():
        yield InputError(f"{where}: record {doc_id} has an empty text field; give it text or remove it")
        return
    yield _document(text, id=doc_id, path=str(file), **meta)


def _holds(record: dict[str, Any]) -> tuple[dict[str, Any], str | None, list[Any] | None]:
    """A record's fields (keys in lower case), its text, and else the list of records it nests."""
    fields = {str(k).lower(): v for k, v in record.items()}
    text = next((fields[k] for k in _TEXT_FIELDS if isinstance(fields.get(k), str)), None)
    if text is None:
        text = next((t for k in _TEXT_FIELDS + _PARAGRAPH_FIELDS if (t := _paragraphs(fields.get(k))) is not None), None)
    nested = None if text is not None else next(
        (fields[k] for k in _CONTAINERS if isinstance(fields.get(k), list)), None)
    return fields, text, nested


def _paragraphs(value: Any) -> str | None:
    """A text given as a list of paragraphs (strings, or lists of sentence
    strings): the paragraphs apart by a blank line, a paragraph's sentences
    by a space. None for anything else (a list of records is no text)."""
    if not isinstance(value, list) or not value:
        return None
    paragraphs = []
    for p in value:
        if isinstance(p, str):
            paragraphs.append(p.strip())
        elif isinstance(p, list) and all(isinstance(x, str) for x in p):
            paragraphs.append(" ".join(x.strip() for x in p if x.strip()))
        else:
            return None
    return "\n\n".join(p for p in paragraphs if p)


def _field(fields: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = fields.get(key)
        if isinstance(value, dict):  # {"source": {"id": ..., "name": "Reuters"}}
            value = value.get("name") or value.get("title")
        if isinstance(value, (int, float)) and not isinstance(value, bool) and key in _FIELDS["date"]:
            seconds = value / 1000 if value > 1e11 else value  # an epoch time, in s or ms
            value = datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
        if isinstance(value, (str, int)) and str(value).strip():
            return str(value).strip()
    return None


def _docx(file: Path) -> Document:
    if not _bytes(file):
        raise InputError(f"{file}: empty file; add text or remove it")
    try:
        import docx  # python-docx; imported here, only .docx needs it
    except ImportError:  # pragma: no cover - a dependency of verify
        raise InputError(f"{file}: reading .docx needs python-docx; pip install python-docx") from None
    try:
        package = docx.Document(str(file))
    except Exception:  # python-docx raises BadZipFile, KeyError, PackageNotFoundError, ...
        raise InputError(f"{file}: not a valid .docx file; open it in Word and save it again as .docx, "
                         "or save it as .txt") from None
    text = "\n\n".join(p.text for p in package.paragraphs if p.text.strip())
    if not text:
        raise InputError(f"{file}: empty file; the document holds no text")
    title = (package.core_properties.title or "").strip() or None
    return _document(text, id=file.stem, path=str(file), title=title)


def _document(text: str, *, id: str, path: str, title: str | None = None, outlet: str | None = None,
              date: str | None = None, url: str | None = None, skip: Iterable[tuple[int, int]] = (),
              front_matter: bool = False) -> Document:
    spans, meta, begin = _metadata(text, front_matter)
    title = title or meta.get("title")
    date = date or meta.get("date") or meta.get("updated")
    found, headline = boilerplate(flowed(text), title, begin=begin)  # a wrapped line is no line of its own
    doc = Document(
        id=id, path=path, text=text, title=title or headline,
        outlet=outlet or meta.get("outlet"), url=url or meta.get("url"),
        date=(parse_date(date) or None) if date else None,
        skip=_merge([*skip, *spans, *found], text),
    )
    doc.date_source = "given" if doc.date else None
    doc.digest = _digest(doc)
    return doc



def _merge(spans: Iterable[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Sorted spans, joined where they overlap or only spaces on one line part them."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and (start <= merged[-1][1] or not text[merged[-1][1]:start].strip(" \t")):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _digest(doc: Document) -> str:
    payload = [doc.text, doc.title, doc.outlet, doc.date, doc.url, doc.skip, EXTRACTION]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()



def explain(doc: Document) -> list[Piece]:
    """The metadata and furniture pieces of a document, each with the rule that found it.

    For development (``benchmarks/furniture.py``): ``doc.skip`` holds the same
    spans merged, without their reasons (a headline taken for the title is
    named "title" here).
    """
    front = Path(doc.path).suffix.lower() not in (".json", ".jsonl", ".html", ".htm")
    spans, _, begin = _metadata(doc.text, front)
    found, _ = furniture(flowed(doc.text), doc.title, begin)
    return [Piece(s, e, "metadata") for s, e in spans] + found
