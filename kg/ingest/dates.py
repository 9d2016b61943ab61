"""Dates as ISO "YYYY-MM-DD" strings, from the few spellings metadata and JSON records use."""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_FORMATS = ("%Y/%m/%d", "%Y.%m.%d", "%d.%m.%Y", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y",
            "%B %d %Y", "%b %d %Y", "%Y%m%d", "%a, %d %b %Y %H:%M:%S %z", "%a, %d %b %Y %H:%M:%S %Z")


def iso_date(value: str) -> str | None:
    """"2025-12-24T09:00:00Z", "24 December 2025", "Dec 24, 2025" -> "2025-12-24"; None if unknown.
    A bare year or year-month is kept as written ("2025", "2025-12")."""
    value = value.strip()
    m = _ISO.match(value)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return None
    if re.fullmatch(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?", value):
        return value
    for fmt in _FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None
