"""The header of a library query (`queries/*.rq`, `queries/*.cypher`), read the same way for both.

The twins of a question must declare the same parameters and columns (see queries/README.md), so
one parser reads both languages; only the comment prefix differs (`#` or `//`)::

    # question: Which targets are due by a given year (inclusive), and who owns them?
    # parameter: year (integer): the deadline year       (one line per parameter)
    # parameter: owner (string, optional): ...            (may be omitted)
    # parameters: none                                    (when there are none)
    # columns: owner, target, due_year, value, unit

The header is the leading run of comment and blank lines; other comment lines in it are free notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.workspace import KgError

PARAM_TYPES = ("integer", "decimal", "string", "iri")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*\((?P<type>\w+)\s*(?P<optional>,\s*optional\s*)?\)\s*:?\s*(?P<doc>.*)$",
                    re.IGNORECASE)


@dataclass(frozen=True)
class QueryParam:
    """One `parameter:` line of a header."""

    name: str
    type: str               # one of PARAM_TYPES
    description: str = ""
    optional: bool = False  # `(type, optional)`: may be omitted (SPARQL: left unbound; Cypher: null)

    @property
    def signature(self) -> str:
        """`name (type)` or `name (type, optional)`, as in the header."""
        return f"{self.name} ({self.type}{', optional' if self.optional else ''})"


@dataclass(frozen=True)
class QueryHeader:
    question: str
    parameters: tuple[QueryParam, ...]
    columns: tuple[str, ...]


def parse_header(text: str, prefix: str, path: Path) -> QueryHeader:
    """The header of a query file whose comment lines start with `prefix`; KgError naming `path` if malformed."""
    fields: dict[str, str] = {}
    params: list[QueryParam] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith(prefix):
            if stripped:
                break
            continue
        key, _, value = stripped[len(prefix):].partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "parameter":
            params.append(_parameter(value, path))
        elif key in ("question", "columns"):
            fields[key] = value
    columns = tuple(c.strip() for c in fields.get("columns", "").split(",") if c.strip())
    if not fields.get("question") or not columns:
        raise KgError(f"{path}: the header needs `{prefix} question:` and `{prefix} columns:` lines")
    return QueryHeader(fields["question"], tuple(params), columns)


def _parameter(value: str, path: Path) -> QueryParam:
    """A `parameter:` line's value, `name (type[, optional]): description`."""
    match = _PARAM.match(value)
    if not match:
        raise KgError(f"{path}: bad parameter line {value!r} (want `name (type[, optional]): description`)")
    ptype = match["type"].lower()
    if ptype not in PARAM_TYPES:
        raise KgError(f"{path}: parameter {match['name']} has unknown type {ptype} "
                      f"(one of {', '.join(PARAM_TYPES)})")
    return QueryParam(match["name"], ptype, match["doc"].strip(), optional=bool(match["optional"]))


def convert(param: QueryParam, value: Any, *, exact_integers: bool = False) -> int | float | str:
    """The value as its declared type: int, float, or text for string and iri (CLI values arrive as text).

    `exact_integers` refuses booleans and floats with a fraction for an integer (Cypher compares
    integers exactly); without it, int() truncates them as Python does.
    """
    try:
        if param.type == "integer":
            if exact_integers and (isinstance(value, bool) or (isinstance(value, float) and not value.is_integer())):
                raise ValueError(value)
            return int(value)
        if param.type == "decimal":
            return float(value)
    except (TypeError, ValueError):
        raise KgError(f"parameter {param.name} must be {'an' if param.type == 'integer' else 'a'} "
                      f"{param.type}, got {value!r}") from None
    return str(value)
