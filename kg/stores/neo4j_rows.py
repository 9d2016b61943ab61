"""Turn a build's quads (graph.trig, one named graph per document) into property-graph rows for Neo4j.

The shape (see docs/neo4j-model.md):

- one node per entity, funding, amount, target and document, with the `:Resource` label, its class
  labels, `iri`, `name` (rdfs:label), `aliases` (skos:altLabel), its typed datatype properties and
  `documents` (the IRIs of the documents whose named graph states something about it);
- one relationship per distinct fact (subject, property, object), whatever the number of documents
  stating it, with `documents` and the provenance of its `kgo:Assertion`s as parallel lists, one
  entry per supporting sentence: `evidenceDocuments`, `sentences`, `startChars`, `endChars`,
  `confidences`, `roles`, `extractorVersions` (-1 / "" where the assertion leaves it out), plus the
  summaries `confidence` (max), `role` (the smallest stated role) and `extractorVersion` (max);
- `(:Document)-[:MENTIONS]->(node)` for each `prov:wasDerivedFrom` and each `rdf:type` assertion,
  carrying the typing's provenance the same way.

Assertions are not nodes: they only feed those properties.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from collections.abc import Mapping as MappingT
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pyoxigraph as ox
from rdflib.namespace import PROV, RDF

from kg.rdf.namespaces import KGO
from kg.stores.neo4j_mapping import (
    ALIASES,
    ASSERTION_CLASS,
    DOCUMENT_CLASS,
    MENTIONS,
    NAME,
    Mapping,
    PropertySpec,
    ValueKind,
    local_name,
)
from kg.workspace import KgError

_RDF_TYPE = str(RDF.type)
_RDF_SUBJECT, _RDF_PREDICATE, _RDF_OBJECT = str(RDF.subject), str(RDF.predicate), str(RDF.object)
_DERIVED = str(PROV.wasDerivedFrom)
_SENTENCE, _START, _END = str(KGO.sentence), str(KGO.startChar), str(KGO.endChar)
_CONFIDENCE, _ROLE, _VERSION = str(KGO.confidence), str(KGO.role), str(KGO.extractorVersion)
_YEAR = re.compile(r"^-?\d+")


@dataclass(frozen=True)
class Evidence:
    """One supporting sentence of a fact (one kgo:Assertion)."""

    document: str
    sentence: str = ""
    start: int = -1
    end: int = -1
    confidence: float = -1.0
    role: str = ""
    version: str = ""

    @property
    def key(self) -> tuple[str, int, int, str]:
        return (self.document, self.start, self.end, self.sentence)


@dataclass(frozen=True)
class NodeRow:
    iri: str
    labels: tuple[str, ...]
    props: dict[str, Any]


@dataclass(frozen=True)
class RelRow:
    type: str
    start: str
    end: str
    props: dict[str, Any]


@dataclass
class PropertyGraph:
    """Rows ready for the loader, and what could not be mapped."""

    nodes: list[NodeRow]
    relationships: list[RelRow]
    documents: list[str]
    quads: int
    ignored: int = 0                                   # quads with nothing to map to (external terms)
    undeclared: list[str] = field(default_factory=list)  # kgo: predicates missing from the ontology


def convert(lexical: str, kind: ValueKind) -> Any:
    """An RDF literal's lexical form as a Neo4j value of `kind` (ValueError when it does not fit)."""
    if kind is ValueKind.FLOAT:
        return float(lexical)
    if kind is ValueKind.INT:
        return int(lexical)
    if kind is ValueKind.YEAR:
        match = _YEAR.match(lexical.strip())
        if not match:
            raise ValueError(lexical)
        return int(match.group())
    if kind is ValueKind.BOOL:
        if lexical.strip() not in ("true", "false", "1", "0"):
            raise ValueError(lexical)
        return lexical.strip() in ("true", "1")
    if kind is ValueKind.DATE:
        return dt.date.fromisoformat(lexical.strip()[:10])
    return lexical


def relationship_props(documents: Iterable[str], evidence: Iterable[Evidence]) -> dict[str, Any]:
    """A relationship's properties from the documents stating it and its supporting sentences."""
    merged: dict[tuple[str, int, int, str], Evidence] = {}
    for ev in evidence:
        old = merged.get(ev.key)
        if old is not None:      # the same sentence asserting twice (e.g. one typing per superclass)
            ev = Evidence(ev.document, ev.sentence, ev.start, ev.end, max(ev.confidence, old.confidence),
                          max(ev.role, old.role), max(ev.version, old.version))
        merged[ev.key] = ev
    evs = [merged[k] for k in sorted(merged)]
    docs = sorted(set(documents) | {ev.document for ev in evs})
    props: dict[str, Any] = {
        "documents": docs,
        "evidenceDocuments": [ev.document for ev in evs],
        "sentences": [ev.sentence for ev in evs],
        "startChars": [ev.start for ev in evs],
        "endChars": [ev.end for ev in evs],
        "confidences": [ev.confidence for ev in evs],
        "roles": [ev.role for ev in evs],
        "extractorVersions": [ev.version for ev in evs],
    }
    confidences = [ev.confidence for ev in evs if ev.confidence >= 0]
    roles = [ev.role for ev in evs if ev.role]
    versions = [ev.version for ev in evs if ev.version]
    props["confidence"] = max(confidences) if confidences else None
    props["role"] = min(roles) if roles else None
    props["extractorVersion"] = max(versions) if versions else None
    return props


def evidence_from_props(props: MappingT[str, Any]) -> list[Evidence]:
    """The inverse of relationship_props for the per-sentence lists (used to withdraw a document)."""
    docs = list(props.get("evidenceDocuments") or [])
    n = len(docs)

    def column(key: str, default: Any) -> list[Any]:
        values = list(props.get(key) or [])
        return values + [default] * (n - len(values))

    sentences, starts, ends = column("sentences", ""), column("startChars", -1), column("endChars", -1)
    confs, roles, versions = column("confidences", -1.0), column("roles", ""), column("extractorVersions", "")
    return [Evidence(docs[i], sentences[i], int(starts[i]), int(ends[i]), float(confs[i]), roles[i],
                     versions[i]) for i in range(n)]


class _Subject:
    """What the quads say about one subject (classified as node or assertion once all are read)."""

    __slots__ = ("types", "literals", "links", "graphs")

    def __init__(self) -> None:
        self.types: set[str] = set()
        self.literals: list[tuple[str, str, str | None, str | None]] = []   # (p, lexical, datatype, graph)
        self.links: list[tuple[str, str, str | None]] = []                # (p, object IRI, graph)
        self.graphs: set[str] = set()


def _term_key(term: Any) -> str | None:
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return None


def _read_quads(quads: Iterable[Any]) -> tuple[dict[str, _Subject], set[str], int, int]:
    subjects: dict[str, _Subject] = {}
    graphs: set[str] = set()
    count = ignored = 0
    named, blank, literal = ox.NamedNode, ox.BlankNode, ox.Literal
    for quad in quads:
        count += 1
        s, o, g = quad.subject, quad.object, quad.graph_name
        skey = s.value if isinstance(s, named) else ("_:" + s.value if isinstance(s, blank) else None)
        if skey is None:
            ignored += 1
            continue
        graph = g.value if isinstance(g, named) else None
        if graph is not None:
            graphs.add(graph)
        subj = subjects.get(skey)
        if subj is None:
            subj = subjects[skey] = _Subject()
        if graph is not None:
            subj.graphs.add(graph)
        p = quad.predicate.value
        if isinstance(o, literal):
            subj.literals.append((p, o.value, o.datatype.value, graph))
        else:
            okey = o.value if isinstance(o, named) else ("_:" + o.value if isinstance(o, blank) else None)
            if okey is None:
                ignored += 1
            elif p == _RDF_TYPE:
                subj.types.add(okey)
            else:
                subj.links.append((p, okey, graph))
    return subjects, graphs, count, ignored


class _Builder:
    def __init__(self, mapping: Mapping) -> None:
        self.mapping = mapping
        self.node_graphs: dict[str, set[str]] = {}
        self.node_props: dict[str, dict[str, Any]] = {}
        self.node_types: dict[str, set[str]] = {}
        self.rel_graphs: dict[tuple[str, str, str], set[str]] = {}
        self.rel_evidence: dict[tuple[str, str, str], list[Evidence]] = {}
        self.undeclared: set[str] = set()
        self.ignored = 0

    def node(self, iri: str) -> dict[str, Any]:
        if iri not in self.node_props:
            self.node_props[iri] = {}
            self.node_graphs[iri] = set()
            self.node_types[iri] = set()
        return self.node_props[iri]

    def rel_key(self, subject: str, predicate: str, obj: str) -> tuple[str, str, str] | None:
        if predicate == _RDF_TYPE:
            return None
        if predicate == _DERIVED:
            return (MENTIONS, obj, subject)
        spec = self.mapping.relationship_for(predicate)
        if spec is None:
            return None
        if predicate not in self.mapping.relationships:
            self.undeclared.add(predicate)
        return (spec.type, obj, subject) if spec.reverse else (spec.type, subject, obj)

    def add_literal(self, iri: str, predicate: str, lexical: str, datatype: str | None) -> None:
        props = self.node(iri)
        if predicate == NAME:
            props.setdefault("_names", set()).add(lexical)
            return
        if predicate == ALIASES:
            props.setdefault("aliases", set()).add(lexical)
            return
        spec = self.mapping.property_for(predicate, datatype)
        if spec is None:
            self.ignored += 1
            return
        if predicate.startswith(str(KGO)) and predicate not in self.mapping.properties:
            self.undeclared.add(predicate)
        self._set(props, spec, lexical)

    def _set(self, props: dict[str, Any], spec: PropertySpec, lexical: str) -> None:
        try:
            value = convert(lexical, spec.kind)
        except ValueError:
            self.ignored += 1
            return
        old = props.get(spec.key)
        props[spec.key] = value if old is None else max(old, value)   # several documents: keep the max

    def assertion(self, subj: _Subject) -> None:
        fields: dict[str, str] = {}
        derived = graph = None
        for p, o, g in subj.links:
            if p in (_RDF_SUBJECT, _RDF_PREDICATE, _RDF_OBJECT):
                fields[p] = o
            elif p == _DERIVED:
                derived = o
            graph = graph or g
        values: dict[str, str] = {}
        for p, lexical, _dt, g in subj.literals:
            values[p] = lexical
            graph = graph or g
        doc = derived or graph
        s, p, o = fields.get(_RDF_SUBJECT), fields.get(_RDF_PREDICATE), fields.get(_RDF_OBJECT)
        if s is None or p is None or o is None or doc is None:
            self.ignored += 1
            return
        key = (MENTIONS, doc, s) if p == _RDF_TYPE else self.rel_key(s, p, o)
        if key is None:
            self.ignored += 1
            return
        try:
            ev = Evidence(
                document=doc, sentence=values.get(_SENTENCE, ""),
                start=int(values.get(_START, -1)), end=int(values.get(_END, -1)),
                confidence=float(values.get(_CONFIDENCE, -1.0)), role=values.get(_ROLE, ""),
                version=values.get(_VERSION, ""))
        except ValueError:
            self.ignored += 1
            return
        self.rel_evidence.setdefault(key, []).append(ev)
        if p == _RDF_TYPE:           # a typing is stated by its document: the MENTIONS link exists
            self.rel_graphs.setdefault(key, set()).add(doc)

    def entity(self, iri: str, subj: _Subject) -> None:
        self.node(iri)
        self.node_types[iri].update(subj.types)
        self.node_graphs[iri].update(subj.graphs)
        for p, lexical, datatype, _g in subj.literals:
            self.add_literal(iri, p, lexical, datatype)
        for p, o, g in subj.links:
            key = self.rel_key(iri, p, o)
            if key is not None:
                if o.startswith("_:"):
                    self.ignored += 1
                    continue
                graphs = self.rel_graphs.setdefault(key, set())
                if g is not None:
                    graphs.add(g)
                continue
            spec = self.mapping.property_for(p, None)
            if spec is not None:     # an IRI-valued attribute, e.g. schema:url
                self._set(self.node_props[iri], PropertySpec(spec.key, ValueKind.STRING), o)
            else:
                self.ignored += 1

    def rows(self, documents: set[str]) -> tuple[list[NodeRow], list[RelRow]]:
        rel_rows: list[RelRow] = []
        for key in sorted(set(self.rel_graphs) | set(self.rel_evidence)):
            rtype, start, end = key
            if key not in self.rel_graphs and rtype != MENTIONS:
                self.ignored += len(self.rel_evidence[key])   # provenance of a triple no graph states
                continue
            props = relationship_props(self.rel_graphs.get(key, ()), self.rel_evidence.get(key, ()))
            for iri in (start, end):
                self.node(iri)
                self.node_graphs[iri].update(props["documents"])
            if rtype == MENTIONS:
                self.node_types[start].add(DOCUMENT_CLASS)
            rel_rows.append(RelRow(rtype, start, end, props))
        for doc in documents:
            self.node(doc)
            self.node_types[doc].add(DOCUMENT_CLASS)
            self.node_graphs[doc].add(doc)
        node_rows: list[NodeRow] = []
        for iri in sorted(self.node_props):
            props = self.node_props[iri]
            names = sorted(props.pop("_names", ()))
            aliases = set(props.pop("aliases", ()))
            name = names[0] if names else props.get("title") or unquote(local_name(iri)) or iri
            aliases.update(names[1:])
            aliases.discard(name)
            row_props = {**props, "iri": iri, "name": name, "aliases": sorted(aliases),
                         "documents": sorted(self.node_graphs[iri])}
            node_rows.append(NodeRow(iri, self.mapping.labels_for(self.node_types[iri]), row_props))
        return node_rows, rel_rows


def property_graph(quads: Iterable[Any], mapping: Mapping) -> PropertyGraph:
    """Map pyoxigraph quads (named graph = document) to node and relationship rows."""
    subjects, graphs, count, ignored = _read_quads(quads)
    builder = _Builder(mapping)
    documents = set(graphs)
    for iri, subj in subjects.items():
        if DOCUMENT_CLASS in subj.types:
            documents.add(iri)
    for iri, subj in subjects.items():
        is_assertion = ASSERTION_CLASS in subj.types or any(p == _RDF_SUBJECT for p, _o, _g in subj.links)
        if is_assertion:
            builder.assertion(subj)
        elif iri.startswith("_:"):
            builder.ignored += len(subj.literals) + len(subj.links) + len(subj.types)
        else:
            builder.entity(iri, subj)
    nodes, rels = builder.rows(documents)
    return PropertyGraph(nodes=nodes, relationships=rels, documents=sorted(documents), quads=count,
                         ignored=ignored + builder.ignored, undeclared=sorted(builder.undeclared))


def read_trig(source: Path | str | bytes, mapping: Mapping) -> PropertyGraph:
    """Parse TriG (a path, or the data itself as bytes) and map it."""
    try:
        if isinstance(source, bytes):
            quads = ox.parse(source, format=ox.RdfFormat.TRIG)
        else:
            quads = ox.parse(path=str(source), format=ox.RdfFormat.TRIG)
        return property_graph(quads, mapping)
    except (SyntaxError, ValueError) as exc:
        where = "the TriG data" if isinstance(source, bytes) else str(source)
        raise KgError(f"cannot read {where}: {str(exc).splitlines()[0]}") from None
    except OSError as exc:
        raise KgError(f"cannot read {source}: {exc.strerror or exc}") from None
