"""HTML pages to text with trafilatura (main content only, no network), with a plain lxml fallback
for pages trafilatura gives up on (too short, odd markup)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura

from kg.ingest.problems import SkipInput

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button",
              "iframe", "svg", "template", "select")
_BLOCK_TAGS = ("p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
               "h6", "blockquote", "pre", "table", "tr", "td", "th", "br", "dd", "dt", "figcaption")
_CHROME_ATTR = re.compile(r"cookie|consent|gdpr|banner|\bnav|menu|share|social|related|footer|sidebar|"
                          r"subscribe|newsletter|advert|\bads?\b|promo", re.IGNORECASE)


@dataclass(frozen=True)
class HtmlText:
    text: str                   # one paragraph per line
    title: str | None = None
    date: str | None = None
    url: str | None = None
    fallback: bool = False      # True when trafilatura found nothing and the lxml fallback was used


def extract(html: str) -> HtmlText:
    """The article text of a page, or SkipInput when there is none."""
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=True, include_images=False)
    except Exception:       # trafilatura raises many kinds of errors on odd markup: fall back
        doc = None
    text = (getattr(doc, "text", None) or "").strip()
    if doc is not None and text:
        return HtmlText(text, _clean_str(doc.title), _clean_str(doc.date), _clean_str(doc.url))
    return _fallback(html)


def _clean_str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _fallback(html: str) -> HtmlText:
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise SkipInput(f"unreadable HTML ({exc})") from None
    title = _clean_str(root.findtext(".//title"))
    for el in list(root.iter(*_DROP_TAGS)):
        el.drop_tree()
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        attrs = " ".join((el.get("id") or "", el.get("class") or "", el.get("role") or ""))
        if attrs.strip() and _CHROME_ATTR.search(attrs):
            el.drop_tree()
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
        el.text = "\n" + (el.text or "")
    body = root.find("body")
    raw = (body if body is not None else root).text_content()
    lines = [" ".join(line.split()) for line in raw.splitlines()]
    text = "\n".join(line for line in lines if line)
    if not text:
        raise SkipInput("no text found in HTML")
    return HtmlText(text, title, None, None, fallback=True)
