"""The analyst's Cypher library (`queries/*.cypher`) and a runner for any Cypher query.

Each library file starts with `//` header lines (the same contract as the SPARQL twins, read by
kg.stores.query_header; see queries/README.md)::

    // question: Which targets are due by a given year (inclusive), and who owns them?
    // parameter: year (integer): the deadline year        (one line per parameter)
    // parameter: owner (string, optional): ...             (omitted: passed as null)
    // parameters: none                                     (when there are none)
    // columns: owner, target, due_year, value, unit

Values reach Neo4j as query parameters only, converted to the declared type first.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from neo4j import Driver, Query
from neo4j.graph import Node, Relationship
from neo4j.graph import Path as GraphPath
from neo4j.time import Date, DateTime, Duration, Time

from kg.stores import query_header
from kg.stores.neo4j_errors import neo4j_errors
from kg.stores.query_header import PARAM_TYPES as PARAM_TYPES  # re-exported: a public name here
from kg.stores.query_header import QueryParam, convert
from kg.workspace import KgError

QUERIES_DIR = Path(__file__).resolve().parents[2] / "queries"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
# The driver logs server notifications (e.g. "relationship type X does not exist") as warnings, with
# the whole query: without this, Python's last-resort handler prints them. Callers of run_cypher
# can get them as one-liners through `on_notice`; applications that configure logging still see them.
logging.getLogger("neo4j.notifications").addHandler(logging.NullHandler())


@dataclass(frozen=True)
class LibraryQuery:
    name: str
    question: str
    params: tuple[QueryParam, ...]
    columns: tuple[str, ...]
    text: str
    path: Path


class QueryResult(NamedTuple):
    columns: list[str]
    rows: list[tuple[Any, ...]]


def parse_header(name: str, text: str, path: Path) -> LibraryQuery:
    """The query `name` read from its `//` header (see kg.stores.query_header)."""
    header = query_header.parse_header(text, "//", path)
    return LibraryQuery(name, header.question, header.parameters, header.columns, text, path)


def list_queries(directory: Path | None = None) -> list[LibraryQuery]:
    """Every library query, by name."""
    folder = directory or QUERIES_DIR
    return [load_query(p.stem, folder) for p in sorted(folder.glob("*.cypher"))]


def load_query(name: str, directory: Path | None = None) -> LibraryQuery:
    folder = directory or QUERIES_DIR
    path = folder / f"{name}.cypher"
    if not _NAME.match(name) or not path.is_file():
        known = ", ".join(p.stem for p in sorted(folder.glob("*.cypher"))) or "none"
        raise KgError(f"no Cypher library query {name!r} (known: {known})")
    return parse_header(name, path.read_text(encoding="utf-8"), path)


def coerce(param: QueryParam, value: Any) -> int | float | str:
    """A parameter value (from the command line: text) as its declared type; an iri stays text.

    Integers are exact: Neo4j compares 2030 and 2030.5 as different, so a fraction is refused, not truncated.
    """
    return convert(param, value, exact_integers=True)


def bind_params(query: LibraryQuery, params: Mapping[str, Any] | None) -> dict[str, Any]:
    """Parameters coerced to their declared types; an omitted optional one is passed as null."""
    given = dict(params or {})
    unknown = sorted(set(given) - {p.name for p in query.params})
    if unknown:
        expected = ", ".join(p.name for p in query.params) or "none"
        raise KgError(f"query {query.name} has no parameter {', '.join(unknown)} (parameters: {expected})")
    bound: dict[str, Any] = {}
    for param in query.params:
        if given.get(param.name) is None and param.optional:
            bound[param.name] = None
            continue
        if param.name not in given:
            raise KgError(f"query {query.name} needs --param {param.name}=... ({param.type}: "
                          f"{param.description})")
        bound[param.name] = coerce(param, given[param.name])
    return bound


def plain(value: Any) -> Any:
    """Driver values as plain Python (dates as ISO text, nodes as their properties)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (Date, DateTime, Time)):
        return value.iso_format()
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, GraphPath):
        return [plain(n) for n in value.nodes]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return str(value)


def run_cypher(driver: Driver, text: str, params: Mapping[str, Any] | None = None, *,
               timeout: float | None = None, on_notice: Callable[[str], None] | None = None) -> QueryResult:
    """Run one Cypher statement (read or write, as written) and return plain columns and rows.

    `on_notice` receives the server's warnings (unknown label, deprecated syntax ...) as one line each;
    without it they are not requested.
    """
    config: dict[str, Any] = {} if on_notice else {"notifications_min_severity": "OFF"}
    with neo4j_errors("Cypher query"), driver.session(**config) as session:
        result = session.run(Query(text, timeout=timeout), dict(params or {}))
        columns = list(result.keys())
        rows = [tuple(plain(v) for v in record.values()) for record in result]
        summary = result.consume()
    if on_notice:
        for status in summary.gql_status_objects:
            if status.is_notification:
                on_notice(status.status_description)
    return QueryResult(columns, rows)


def run_query(driver: Driver, name: str, params: Mapping[str, Any] | None = None,
              directory: Path | None = None) -> QueryResult:
    """Run a library query by name; returns (columns, rows) with the header's column names."""
    query = load_query(name, directory)
    result = run_cypher(driver, query.text, bind_params(query, params))
    if tuple(result.columns) != query.columns:
        raise KgError(f"query {name} returned columns {result.columns}, "
                      f"its header says {list(query.columns)}")
    return result
