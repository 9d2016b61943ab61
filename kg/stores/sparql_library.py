"""The analyst SPARQL library: `queries/*.rq`, each with a header naming its question, parameters, columns.

The same stems exist as `queries/*.cypher` (see queries/README.md): one question, two languages,
the same columns. `run_query` runs one on the embedded store, an open pyoxigraph Store, a running
Endpoint or any SPARQL endpoint URL.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.stores import oxigraph_store, query_header
from kg.stores.query_header import PARAM_TYPES as PARAM_TYPES  # re-exported: a public name here
from kg.stores.query_header import QueryParam, convert
from kg.stores.sparql_client import query_endpoint
from kg.stores.sparql_server import Endpoint
from kg.stores.sparql_terms import Param, Row
from kg.workspace import KgError, Workspace

QUERIES_DIR = Path(__file__).resolve().parents[2] / "queries"

_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|^`\\]+$")

Target = Workspace | ox.Store | Endpoint | str
Parameter = QueryParam  # the header's parameter (kg.stores.query_header), shared with the Cypher library


def coerce(param: QueryParam, value: Any) -> Param | tuple[Param, ...]:
    """The value as the declared type, as SPARQL binds it: an iri as `<...>`.

    A string that is an absolute IRI is bound both as that string and as the IRI, so that
    `document=https://...` finds a document by its IRI as well as by a URL source.
    """
    converted = convert(param, value)
    if not isinstance(converted, str):
        return converted
    if param.type == "iri":
        return converted if converted.startswith("<") else f"<{converted}>"
    if _ABSOLUTE_IRI.match(converted):  # "https://..." may name a resource or be a plain string:
        with contextlib.suppress(ValueError):  # bind both (two VALUES rows)
            ox.NamedNode(converted)
            return (converted, f"<{converted}>")
    return converted


@dataclass(frozen=True)
class LibraryQuery:
    name: str
    path: Path
    question: str
    parameters: tuple[QueryParam, ...]
    columns: tuple[str, ...]
    text: str

    def bind(self, params: Mapping[str, Any] | None) -> dict[str, Param | tuple[Param, ...]]:
        """Check and coerce parameters against the header: required ones given, none unknown.

        An optional parameter that is omitted (or None) is not bound: its variable stays free,
        so the query answers for every value.
        """
        given = {k: v for k, v in (params or {}).items() if v is not None}
        declared = {p.name: p for p in self.parameters}
        unknown = sorted(set(given) - set(declared))
        if unknown:
            raise KgError(f"query {self.name} has no parameter {', '.join(unknown)} "
                          f"(it takes: {', '.join(declared) or 'none'})")
        missing = [name for name, p in declared.items() if name not in given and not p.optional]
        if missing:
            raise KgError(f"query {self.name} needs parameter(s) {', '.join(missing)} (--param NAME=VALUE)")
        return {name: coerce(declared[name], value) for name, value in given.items()}


def parse_header(name: str, path: Path, text: str) -> LibraryQuery:
    """The query `name` read from its `#` header (see kg.stores.query_header)."""
    header = query_header.parse_header(text, "#", path)
    return LibraryQuery(name, path, header.question, header.parameters, header.columns, text)


def list_queries(directory: Path = QUERIES_DIR) -> list[LibraryQuery]:
    """Every `*.rq` of the library, by name."""
    return [load_query(p.stem, directory) for p in sorted(directory.glob("*.rq"))]


def load_query(name: str, directory: Path = QUERIES_DIR) -> LibraryQuery:
    if not re.fullmatch(r"[A-Za-z0-9_\-]+", name):
        raise KgError(f"invalid query name {name!r}")
    path = directory / f"{name}.rq"
    if not path.is_file():
        known = ", ".join(p.stem for p in sorted(directory.glob("*.rq"))) or "none"
        raise KgError(f"no SPARQL library query {name!r} (known: {known})")
    return parse_header(name, path, path.read_text(encoding="utf-8"))


def execute(target: Target, sparql: str, bindings: Mapping[str, Any] | None = None
            ) -> tuple[list[str], list[Row]]:
    """Run SPARQL on a workspace store, an open Store, a running Endpoint or an endpoint URL."""
    if isinstance(target, Endpoint):
        return query_endpoint(target.url, sparql, bindings)
    if isinstance(target, str):
        return query_endpoint(target, sparql, bindings)
    return oxigraph_store.query(target, sparql, bindings)


def run_query(target: Target, name: str, params: Mapping[str, Any] | None = None
              ) -> tuple[list[str], list[Row]]:
    """Run the library query `name` with its parameters; (columns, rows) as the header declares."""
    query = load_query(name)
    columns, rows = execute(target, query.text, query.bind(params))
    if tuple(columns) != query.columns:
        raise KgError(f"query {name} returned columns {columns}, its header says {list(query.columns)}")
    return columns, rows
