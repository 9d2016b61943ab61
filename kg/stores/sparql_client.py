"""Query any SPARQL 1.1 endpoint over HTTP (the SPARQL protocol), with safely bound parameters.

The protocol has no parameters, so they are bound with a VALUES block of escaped RDF terms at
the top of the WHERE group (kg.stores.sparql_params), never pasted as text. Results come back as
the same (columns, rows) of plain Python values as the embedded store gives.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pyoxigraph as ox
import requests

from kg.stores.sparql_params import bind_values
from kg.stores.sparql_terms import Param, Row, first_line, literal_to_python, prefix_prologue, result_rows
from kg.workspace import KgError

RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
ACCEPT = f"{RESULTS_JSON}, {N_TRIPLES};q=0.9"


def _binding_value(cell: Mapping[str, Any] | None) -> Any:
    if cell is None:
        return None
    kind, value = cell.get("type"), cell.get("value", "")
    if kind == "uri":
        return value
    if kind == "bnode":
        return f"_:{value}"
    if kind in ("literal", "typed-literal"):
        return literal_to_python(value, cell.get("datatype"))
    return str(value)


def parse_json_results(payload: Mapping[str, Any]) -> tuple[list[str], list[Row]]:
    """SPARQL 1.1 Query Results JSON as (columns, rows)."""
    if "boolean" in payload:
        return ["ask"], [[bool(payload["boolean"])]]
    columns = list(payload.get("head", {}).get("vars", []))
    bindings = payload.get("results", {}).get("bindings", [])
    return columns, [[_binding_value(b.get(c)) for c in columns] for b in bindings]


def query_endpoint(
    url: str,
    sparql: str,
    bindings: Mapping[str, Param | Sequence[Param]] | None = None,
    *,
    timeout: float = 60.0,
    session: requests.Session | None = None,
) -> tuple[list[str], list[Row]]:
    """POST the query (with its parameters bound) to `url` and return (columns, rows).

    The default prefixes (kgo, kgr, rdfs, ...) are declared ahead of the query's own PREFIX
    lines, which override them.
    """
    text = prefix_prologue() + bind_values(sparql, bindings)
    http = session or requests
    try:
        response = http.post(url, data={"query": text}, headers={"Accept": ACCEPT}, timeout=timeout)
    except requests.ConnectionError:
        raise KgError(f"cannot reach the SPARQL endpoint {url}: is it running?") from None
    except requests.Timeout:
        raise KgError(f"the SPARQL endpoint {url} did not answer within {timeout:g} s") from None
    except requests.RequestException as exc:
        raise KgError(f"SPARQL request to {url} failed: {first_line(exc)}") from None
    if response.status_code >= 400:
        detail = first_line(Exception(response.text)) if response.text.strip() else response.reason
        raise KgError(f"the SPARQL endpoint {url} answered {response.status_code}: {detail}")
    content_type = response.headers.get("Content-Type", "").split(";")[0].strip()
    try:
        if content_type == RESULTS_JSON or content_type.endswith("json"):
            return parse_json_results(response.json())
        if content_type in (N_TRIPLES, "text/plain", "text/turtle", "application/n-quads"):
            fmt = ox.RdfFormat.TURTLE if content_type == "text/turtle" else ox.RdfFormat.N_TRIPLES
            return result_rows(iter(ox.parse(response.content, format=fmt)))
    except (ValueError, SyntaxError) as exc:
        raise KgError(f"unreadable answer from the SPARQL endpoint {url}: {first_line(exc)}") from None
    raise KgError(f"unexpected answer type {content_type or 'none'} from the SPARQL endpoint {url}")
