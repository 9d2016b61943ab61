"""RDF terms in and out of SPARQL: query parameters as terms, result terms as plain Python values."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import pyoxigraph as ox

from kg.rdf.namespaces import base_iri
from kg.workspace import KgError

XSD = "http://www.w3.org/2001/XMLSchema#"

Param = str | int | float | bool | ox.NamedNode | ox.BlankNode | ox.Literal
Row = list[Any]

_INTEGER_TYPES = {f"{XSD}{t}" for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
)}
_FLOAT_TYPES = {f"{XSD}{t}" for t in ("decimal", "double", "float")}


def default_prefixes() -> dict[str, str]:
    """Prefixes every query may use without declaring them (its own PREFIX lines win)."""
    return {
        "kgo": "https://w3id.org/kg-builder/ontology#", "kgr": base_iri(),
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "owl": "http://www.w3.org/2002/07/owl#", "xsd": XSD, "skos": "http://www.w3.org/2004/02/skos/core#",
        "prov": "http://www.w3.org/ns/prov#", "dcterms": "http://purl.org/dc/terms/",
        "schema": "https://schema.org/",
    }


def prefix_prologue() -> str:
    """The default prefixes as PREFIX lines (for endpoints, which have no default prefixes)."""
    return "".join(f"PREFIX {k}: <{v}>\n" for k, v in default_prefixes().items())


def to_term(value: Param) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A query parameter as an RDF term: `<...>` strings are IRIs, other strings plain literals."""
    if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return value
    if isinstance(value, bool):
        return ox.Literal(value)
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(f"{XSD}integer"))
    if isinstance(value, float):
        return ox.Literal(value)
    if isinstance(value, Decimal):
        return ox.Literal(str(value), datatype=ox.NamedNode(f"{XSD}decimal"))
    if isinstance(value, str):
        if len(value) > 1 and value.startswith("<") and value.endswith(">"):
            try:
                return ox.NamedNode(value[1:-1])
            except ValueError as exc:
                raise KgError(f"invalid IRI parameter {value}: {exc}") from None
        return ox.Literal(value)
    raise KgError(f"unsupported parameter value {value!r} ({type(value).__name__})")


def to_substitutions(bindings: Mapping[str, Any] | None) -> dict[ox.Variable, Any]:
    """Parameters as pyoxigraph substitutions; empty when one has several values (VALUES only)."""
    subs: dict[ox.Variable, Any] = {}
    for name, value in (bindings or {}).items():
        try:
            var = ox.Variable(name.lstrip("?$"))
        except ValueError:
            raise KgError(f"invalid parameter name {name!r}") from None
        if isinstance(value, (list, tuple)):
            return {}
        subs[var] = to_term(value)
    return subs


def literal_to_python(text: str, datatype: str | None) -> Any:
    """A literal's lexical form as int/float/bool for numeric, boolean and gYear types, else as text."""
    try:
        if datatype in _INTEGER_TYPES:
            return int(text)
        if datatype in _FLOAT_TYPES:
            return float(Decimal(text)) if datatype == f"{XSD}decimal" else float(text)
        if datatype == f"{XSD}boolean":
            return text.strip() in ("true", "1")
        if datatype == f"{XSD}gYear" and re.fullmatch(r"-?\d{4,}", text):
            return int(text)
    except (ValueError, InvalidOperation):
        return text
    return text


def to_python(term: Any) -> Any:
    """An RDF term as a plain value: IRIs as strings, numbers as int/float, gYear as int."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return literal_to_python(term.value, term.datatype.value)
    if isinstance(term, ox.Triple):
        return f"<< {term} >>"
    return str(term)




def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def result_rows(result: Any) -> tuple[list[str], list[Row]]:
    """pyoxigraph query results (solutions, boolean or triples) as (columns, rows).

    Evaluation errors surface while iterating: the caller turns them into KgError.
    """
    if isinstance(result, ox.QuerySolutions):
        columns = [v.value for v in result.variables]
        return columns, [[to_python(sol[c]) for c in columns] for sol in result]
    if isinstance(result, ox.QueryBoolean):
        return ["ask"], [[bool(result)]]
    return ["subject", "predicate", "object"], [
        [to_python(t.subject), to_python(t.predicate), to_python(t.object)] for t in result
    ]
