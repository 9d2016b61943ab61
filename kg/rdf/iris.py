"""Deterministic instance IRIs: the same thing gets the same IRI on every build."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.rdf.namespaces import base_iri

MAX_SLUG = 80


def slug(text: str) -> str:
    """Lower-case ASCII [a-z0-9-]; long names are cut and keep a short hash so they stay unique."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"
    if len(s) > MAX_SLUG or s != re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-"):
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        s = f"{s[:MAX_SLUG].rstrip('-')}-{digest}" if len(s) > MAX_SLUG else s
    return s


def content_id(*parts: object) -> str:
    """A short stable hash of a record's content (fundings, amounts, assertions)."""
    text = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def iri(path: str) -> URIRef:
    return URIRef(base_iri() + path)
