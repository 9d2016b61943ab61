"""Files and folders in, clean Documents out, one at a time; bad inputs become Problems, never exceptions.

Folders are walked recursively in sorted order (hidden entries skipped) so a build sees the same
documents in the same order, hence the same ids, every time.
"""

from __future__ import annotations

import codecs
import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kg.ingest import html as html_reader
from kg.ingest import markdown
from kg.ingest.clean import chrome_reason, clean_text, looks_like_headline, normalize_line
from kg.ingest.dates import iso_date
from kg.ingest.decode import DEFAULT_MAX_BYTES, decode, looks_binary, megabytes, read_bytes
from kg.ingest.ids import IdAllocator, slugify, url_slug
from kg.ingest.language import foreign_document, foreign_line
from kg.ingest.problems import Problem, SkipInput
from kg.model import Document

FORMATS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
           ".jsonl": "jsonl"}
SUPPORTED = ", ".join(sorted(FORMATS))
MALFORMED_START_LIMIT = 20      # a .jsonl whose first N lines are all not JSON is not JSON Lines at all


@dataclass(frozen=True)
class Article:
    """What a format reader found, before cleaning."""

    source: str
    slug: str
    content_hash: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    title_in_text: bool = True      # False: put the title on the first line when the text lacks it


def read_sources(
    paths: Sequence[Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Problem]:
    """Yield a Document per readable article and a Problem per bad input, in a deterministic order.

    Files and folders (recursive) of .txt, .md, .html/.htm and .jsonl (one article a line). A single
    file (or .jsonl line) larger than `max_bytes` is refused without being read.
    """
    ids = IdAllocator()
    seen: set[Path] = set()
    for given in paths:
        for item in _discover(Path(given)):
            if isinstance(item, Problem):
                yield item
                continue
            key = item.resolve()
            if key in seen:
                yield Problem(str(item), "listed more than once; read once", "warning")
                continue
            seen.add(key)
            yield from _read_file(item, ids, max_bytes)


def _discover(path: Path) -> Iterator[Path | Problem]:
    if path.is_dir():
        found = False
        entries = sorted(path.rglob("*"), key=lambda p: p.relative_to(path).parts)
        for entry in entries:
            rel = entry.relative_to(path).parts
            if any(part.startswith(".") for part in rel) or entry.suffix.lower() not in FORMATS:
                continue
            if entry.is_file():
                found = True
                yield entry
        if not found:
            yield Problem(str(path), f"no {SUPPORTED} files in folder", "warning")
    elif path.is_file():
        if path.suffix.lower() in FORMATS:
            yield path
        else:
            kind = f"'{path.suffix}'" if path.suffix else "without extension"
            yield Problem(str(path), f"unsupported file type {kind} (expected {SUPPORTED})", "error")
    elif path.exists():
        yield Problem(str(path), "not a regular file or folder", "error")
    else:
        yield Problem(str(path), "no such file or folder", "error")


def _read_file(path: Path, ids: IdAllocator, max_bytes: int) -> Iterator[Document | Problem]:
    kind = FORMATS[path.suffix.lower()]
    if kind == "jsonl":
        yield from _read_jsonl(path, ids, max_bytes)
        return
    source = str(path)
    try:
        data = read_bytes(path, max_bytes)
        decoded = decode(data, html=kind == "html")
        if decoded.warning:
            yield Problem(source, decoded.warning, "warning")
        article = _parse(kind, decoded.text, path, "sha256:" + hashlib.sha256(data).hexdigest())
        yield _finish(article, ids)
    except SkipInput as exc:
        yield Problem(source, exc.message, "error")
    except Exception as exc:    # a reader bug on one odd file must not stop the whole build
        yield Problem(source, _unexpected(exc), "error")


def _parse(kind: str, text: str, path: Path, content_hash: str) -> Article:
    base = {"source": str(path), "slug": slugify(path.stem), "content_hash": content_hash}
    if kind == "html":
        page = html_reader.extract(text)
        # trafilatura gives one paragraph a line; make them paragraphs like the .txt articles have.
        body = "\n\n".join(line for line in page.text.splitlines() if line.strip())
        return Article(**base, text=body, title=page.title, url=page.url, date=page.date, title_in_text=False)
    if kind == "markdown":
        md = markdown.to_text(text)
        title = md.meta.get("title") or md.first_heading
        return Article(**base, text=md.text, title=title, url=md.meta.get("url"), date=md.meta.get("date"),
                       title_in_text="title" not in md.meta)
    return Article(**base, text=text)


def _finish(article: Article, ids: IdAllocator) -> Document:
    """Clean an article and check it is English text; SkipInput when nothing usable is left."""
    if not article.text.strip():
        raise SkipInput("empty file" if article.title is None else "no article text")
    cleaned = clean_text(article.text)
    lang = foreign_document(cleaned.language)
    if lang:
        raise SkipInput(f"not English (looks like {lang})")
    if not cleaned.text:
        raise SkipInput("no article text left after removing site chrome")
    text, removed = cleaned.text, cleaned.removed_lines
    lines = text.split("\n")
    title = normalize_line(article.title) if article.title else None
    if title and (chrome_reason(title) or foreign_line(title)):
        title = None
    if title and not article.title_in_text and title not in lines[:3]:
        text = f"{title}\n\n{text}"
    elif not title and looks_like_headline(lines[0]):
        title = lines[0]
    date = iso_date(article.date) if article.date else None
    return Document(doc_id=ids.take(article.slug), source=article.source, text=text,
                    content_hash=article.content_hash, title=title or None, url=article.url, date=date,
                    removed_lines=removed)


def _read_jsonl(path: Path, ids: IdAllocator, max_bytes: int) -> Iterator[Document | Problem]:
    """One Document per line, streamed: the file is never held in memory, only one line at a time."""
    source = str(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Problem(source, f"cannot read file: {exc.strerror or exc}", "error")
        return
    with fh:
        if looks_binary(_peek(fh)):
            yield Problem(source, "binary file, not text", "error")
            return
        lineno = records = parsed = 0
        not_json = 0
        while True:
            raw = fh.readline(max_bytes + 1)
            if not raw:
                break
            lineno += 1
            where = f"{source}:{lineno}"
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                _skip_line(fh)
                yield Problem(where, f"line too large (over {megabytes(max_bytes)} limit)", "error")
                continue
            line = raw.rstrip(b"\r\n")
            if lineno == 1:
                line = line.removeprefix(codecs.BOM_UTF8)
            if not line.strip():
                continue
            records += 1
            try:
                obj = _json_object(line)
            except SkipInput as exc:
                not_json += exc.message.startswith("malformed JSON")
                yield Problem(where, exc.message, "error")
                if parsed == 0 and not_json >= MALFORMED_START_LIMIT:
                    message = f"not JSON Lines (first {not_json} lines malformed); stopped"
                    yield Problem(source, message, "error")
                    return
                continue
            parsed += 1
            try:
                digest = "sha256:" + hashlib.sha256(line).hexdigest()
                article, warnings = _jsonl_article(obj, path, lineno, digest)
                yield from (Problem(where, w, "warning") for w in warnings)
                yield _finish(article, ids)
            except SkipInput as exc:
                yield Problem(where, exc.message, "error")
            except Exception as exc:    # as in _read_file: one odd line must not stop the rest
                yield Problem(where, _unexpected(exc), "error")
        if records == 0:
            yield Problem(source, "empty file", "error")


def _unexpected(exc: Exception) -> str:
    detail = " ".join(str(exc).split())[:200]
    return f"could not read ({type(exc).__name__}{': ' + detail if detail else ''})"


def _peek(fh: BinaryIO) -> bytes:
    head = fh.read(8192)
    fh.seek(0)
    return head


def _skip_line(fh: BinaryIO) -> None:
    while True:
        chunk = fh.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _json_object(line: bytes) -> dict[str, object]:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SkipInput(f"not valid UTF-8 (byte {exc.start})") from None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SkipInput(f"malformed JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise SkipInput(f"expected a JSON object, got {type(obj).__name__}")
    return obj


def _jsonl_article(
    obj: dict[str, object], path: Path, lineno: int, content_hash: str
) -> tuple[Article, list[str]]:
    text = obj.get("text")
    if text is None:
        raise SkipInput("no 'text' field")
    if not isinstance(text, str):
        raise SkipInput(f"'text' is a {type(text).__name__}, not a string")
    if not text.strip():
        raise SkipInput("empty 'text'")
    warnings: list[str] = []
    meta: dict[str, str | None] = {}
    for key in ("title", "url", "date"):
        value = obj.get(key)
        if isinstance(value, int) and key == "date":
            value = str(value)
        if value is not None and not isinstance(value, str):
            warnings.append(f"'{key}' is a {type(value).__name__}, not a string; ignored")
            value = None
        meta[key] = value.strip() or None if value else None
    if meta["date"] and iso_date(meta["date"]) is None:
        warnings.append(f"unrecognised date {meta['date']!r}; ignored")
        meta["date"] = None
    url = meta["url"]
    slug = url_slug(url) if url else f"{slugify(path.stem)}-{lineno}"
    article = Article(source=url or f"{path}:{lineno}", slug=slug, content_hash=content_hash, text=text,
                      title=meta["title"], url=url, date=meta["date"])
    return article, warnings
