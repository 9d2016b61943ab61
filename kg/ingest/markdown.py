"""Markdown to plain text, lightly: the extractor wants words, not `**`, `#` or link targets.

Line structure is kept (one output line per input line) so paragraphs stay as written. A leading YAML
front matter block gives title, date and url.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^(title|date|url|link|source)\s*:\s*(.+?)\s*$", re.IGNORECASE)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_EMPHASIS = re.compile(r"(\*\*|\*|~~)(?=\S)(.+?)(?<=\S)\1|(?<!\w)(__|_)(?=\S)(.+?)(?<=\S)\3(?!\w)")
_CODE = re.compile(r"`([^`]*)`")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


@dataclass(frozen=True)
class MarkdownText:
    text: str
    meta: dict[str, str] = field(default_factory=dict)   # front matter: title, date, url
    first_heading: str | None = None


def to_text(source: str) -> MarkdownText:
    meta: dict[str, str] = {}
    front = _FRONT.match(source)
    if front:
        for line in front.group(1).splitlines():
            m = _FIELD.match(line)
            if m:
                key = m.group(1).lower()
                key = "url" if key in ("link", "source") else key
                meta.setdefault(key, m.group(2).strip("\"'"))
        source = source[front.end():]
    out: list[str] = []
    heading: str | None = None
    in_fence = False
    for line in source.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence:
            out.append(line)
            continue
        if _REF_DEF.match(line) or _RULE.match(line) or (_SETEXT.match(line) and out and out[-1].strip()):
            out.append("")
            continue
        m = _HEADING.match(line)
        if m:
            line = m.group(1)
            heading = heading or line.strip() or None
        line = _QUOTE.sub("", line)
        line = _BULLET.sub("", line)
        line = _IMAGE.sub("", line)
        line = _LINK.sub(r"\1", line)
        line = _REF_LINK.sub(r"\1", line)
        line = _CODE.sub(r"\1", line)
        line = _TAG.sub("", line)
        for _ in range(2):      # nested emphasis: ***x***
            line = _EMPHASIS.sub(lambda m: m.group(2) or m.group(4), line)
        out.append(line)
    return MarkdownText("\n".join(out), meta, heading)
