"""Document ids: lower-case [a-z0-9-] slugs, stable for the same input, unique within one read."""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_SLUG = 80


def slugify(value: str, fallback: str = "doc") -> str:
    """"000_075fe3f23501dc51" -> "000-075fe3f23501dc51"; accents folded. A name with no Latin letters
    ("뉴스") becomes fallback + a hash of it, and a long one is cut and given a hash of the whole, so that
    different names keep different ids."""
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    digest = hashlib.sha1(value.encode("utf-8")).hexdigest()[:8]
    if not slug:
        return f"{fallback}-{digest}" if value.strip() else fallback
    if len(slug) > MAX_SLUG:
        slug = slug[: MAX_SLUG - 9].rstrip("-") + "-" + digest
    return slug


def url_slug(url: str) -> str:
    """A readable id from a URL: scheme and "www." dropped ("https://www.x.com/a/b" -> "x-com-a-b")."""
    bare = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.IGNORECASE)
    bare = re.sub(r"^www\.", "", bare, flags=re.IGNORECASE)
    return slugify(bare, fallback="url")


class IdAllocator:
    """Hands out ids, suffixing "-2", "-3"... when a slug was already used in this read."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def take(self, slug: str) -> str:
        candidate, n = slug, 1
        while candidate in self._used:
            n += 1
            candidate = f"{slug}-{n}"
        self._used.add(candidate)
        return candidate
