"""Check a graph against the SHACL shapes of `ontology/shapes.ttl` (the contract of docs/rdf-model.md).

pyshacl runs with the ontology as `ont_graph` (so that `sh:targetClass kgo:Organization` reaches
Companies through rdfs:subClassOf) and inference "none": RDFS inference would derive types from
rdfs:domain/range and make the `sh:class` checks pass vacuously. A TriG input is validated as the
union of its named graphs (what graph.ttl holds), plus one check of its own: each named graph is
named by a kgo:Document it describes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from kg.rdf.graphfile import read_dataset, union_graph
from kg.rdf.namespaces import KGO, ORG, SCHEMA, TIME, base_iri
from kg.rdf.ontology import load_ontology, load_shapes, one_line, parse_turtle
from kg.workspace import KgError

_IRI = re.compile(r"https?://[^\s<>\"{}]+")  # IRIs that SPARQL-based messages spell out in full
_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class Violation:
    """One failed check, with terms rendered short (`kgr:org/x`, `kgo:memberOf`) for people."""

    focus_node: str
    path: str | None
    message: str
    severity: str = "Violation"
    value: str | None = None
    focus_label: str | None = None   # the focus node's rdfs:label, when it has one
    shape: str | None = None


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0                 # size of the validated (union) graph


GraphInput = Graph | Dataset | Path | str


def validate(
    data: GraphInput,
    shapes: Graph | Path | str | None = None,
    ontology: Graph | Path | str | None = None,
) -> ValidationReport:
    """Validate `data` (a graph, a dataset or an RDF file) against the shapes.

    Bad data gives violations in the report; only an unreadable file or broken shapes raise KgError.
    """
    dataset = read_dataset(data) if isinstance(data, (Path, str)) else data
    graph = union_graph(dataset) if isinstance(dataset, Dataset) else dataset
    shapes_graph = _graph(shapes, load_shapes)
    ont_graph = _graph(ontology, load_ontology)
    try:
        _, results, _ = shacl_validate(
            graph, shacl_graph=shapes_graph, ont_graph=ont_graph, inference="none",
            abort_on_first=False, allow_warnings=True, allow_infos=True, advanced=True,
        )
    except Exception as exc:  # a broken shapes file: pyshacl's own error types
        raise KgError(f"SHACL validation failed to run: {one_line(exc)}") from exc
    if not isinstance(results, Graph):  # pyshacl's ValidationFailure: the shapes themselves are wrong
        raise KgError(f"SHACL validation failed to run: {one_line(Exception(str(results)))}")
    found = _violations(results, graph)
    if isinstance(dataset, Dataset):
        found += _named_graph_violations(dataset)
    found.sort(key=lambda v: (v.focus_node, v.path or "", v.message, v.value or ""))
    conforms = not any(v.severity == "Violation" for v in found)
    return ValidationReport(conforms=conforms, violations=found, triples=len(graph))


def _graph(value: Graph | Path | str | None, default) -> Graph:
    if value is None:
        return default()
    if isinstance(value, Graph):
        return value
    return parse_turtle([Path(value)])


def _violations(results: Graph, data: Graph) -> list[Violation]:
    out: list[Violation] = []
    for result in set(results.subjects(RDF.type, SH.ValidationResult)):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        messages = sorted(_IRI.sub(lambda m: short(URIRef(m.group())), str(m))
                          for m in results.objects(result, SH.resultMessage))
        label = data.value(focus, RDFS.label) if focus is not None else None
        out.append(Violation(
            focus_node=short(focus),
            path=None if path is None else "(complex path)" if isinstance(path, BNode) else short(path),
            message=messages[0] if messages else "constraint not met",
            severity=_SEVERITY.get(results.value(result, SH.resultSeverity), "Violation"),
            value=None if value is None else short(value),
            focus_label=str(label) if label is not None else None,
            shape=short(results.value(result, SH.sourceShape)),
        ))
    return out


def _named_graph_violations(dataset: Dataset) -> list[Violation]:
    """graph.trig holds one named graph per document, named by that document's IRI."""
    out = []
    for context in dataset.graphs():
        name = context.identifier
        if not isinstance(name, URIRef) or str(name) == str(dataset.default_graph.identifier):
            continue
        if len(context) and (name, RDF.type, KGO.Document) not in context:
            out.append(Violation(
                focus_node=short(name), path="rdf:type", value="kgo:Document",
                message="a named graph must be named by the IRI of the kgo:Document whose triples it holds",
            ))
    return out


def short(term: Node | None) -> str:
    """A compact, readable form of an RDF term for messages."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        text = str(term)
        shown = text if len(text) <= 60 else text[:57] + "..."
        return f'"{shown}"' + (f"^^{short(term.datatype)}" if term.datatype else "")
    if isinstance(term, BNode):
        return "_:" + str(term)[:8]
    text = str(term)
    for prefix, namespace in _PREFIXES():
        if text.startswith(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return f"<{text}>"


def _PREFIXES() -> list[tuple[str, str]]:  # noqa: N802 (a computed constant: the base IRI is configurable)
    return [
        ("kgo", str(KGO)), ("kgr", base_iri()), ("rdf", str(RDF)), ("rdfs", str(RDFS)),
        ("xsd", "http://www.w3.org/2001/XMLSchema#"), ("skos", "http://www.w3.org/2004/02/skos/core#"),
        ("prov", "http://www.w3.org/ns/prov#"), ("dcterms", "http://purl.org/dc/terms/"),
        ("schema", str(SCHEMA)), ("org", str(ORG)), ("time", str(TIME)),
        ("kgsh", "https://w3id.org/kg-builder/shapes#"),
    ]
