"""Bytes to text, refusing what is not text: binary files, unknown encodings, oversized files.

The size is checked with stat() before anything is read, and the read itself is capped, so a huge or
growing file never lands in memory.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from kg.ingest.problems import SkipInput

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Bytes that never occur in text files (all C0 controls except tab, newline, form feed, carriage return).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None      # set when the text was not valid UTF-8 and was decoded as a guess


def megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """A file's bytes, or SkipInput when it is too large, empty or unreadable."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SkipInput(f"file too large ({megabytes(size)}, limit {megabytes(max_bytes)})")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise SkipInput(f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise SkipInput(f"file too large (over {megabytes(max_bytes)} limit)")
    if not data.strip():
        raise SkipInput("empty file")
    return data


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than 5% control bytes: an image, archive, PDF, office file..."""
    if not data:
        return False
    if b"\x00" in data:
        return True
    sample = data[: 64 * 1024]
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls / len(sample) > 0.05


def _printable_ratio(text: str) -> float:
    if not text:
        return 1.0
    good = sum(ch.isprintable() or ch in "\n\t\r\f" for ch in text)
    return good / len(text)


def decode(data: bytes, *, html: bool = False) -> Decoded:
    """UTF-8 (with or without BOM), UTF-16 with BOM, a declared HTML charset, else cp1252/latin-1 with
    a warning when the result reads like text; anything else is SkipInput."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            raise SkipInput("invalid UTF-16 text") from None
    if looks_binary(data):
        raise SkipInput("binary file, not text")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Decoded(data.decode("utf-8-sig"), "utf-8-sig")
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if html:
        declared = _CHARSET.search(data[:4096])
        if declared:
            name = declared.group(1).decode("ascii", "replace")
            try:
                return Decoded(data.decode(name), name)
            except (LookupError, UnicodeDecodeError):
                pass
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _printable_ratio(text) >= 0.97 and sum(ch.isalpha() for ch in text) >= len(text) * 0.3:
            return Decoded(text, encoding, f"not valid UTF-8 (byte {first_bad}); decoded as {encoding}")
    raise SkipInput(f"not valid UTF-8 text (byte {first_bad}) and not readable as cp1252/latin-1")
