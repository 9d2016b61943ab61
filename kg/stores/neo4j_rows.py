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

import contextlib
import datetime as dt
import gc
import re
from collections.abc import Iterable, Iterator
from collections.abc import Mapping as MappingT
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple
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


class Evidence(NamedTuple):
    """One supporting sentence of a fact (one kgo:Assertion); sorts by document, then position."""

    document: str
    start: int = -1
    end: int = -1
    sentence: str = ""
    confidence: float = -1.0
    role: str = ""
    version: str = ""


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


RELATIONSHIP_KEYS = ("documents", "evidenceDocuments", "sentences", "startChars", "endChars", "confidences",
                     "roles", "extractorVersions", "confidence", "role", "extractorVersion")


def relationship_props(documents: Iterable[str], evidence: Iterable[Evidence]) -> dict[str, Any]:
    """A relationship's properties from the documents stating it and its supporting sentences."""
    evs = sorted(evidence)
    if len(evs) > 1:     # the same sentence asserting twice (e.g. one typing per superclass): merge
        merged = [evs[0]]
        for ev in evs[1:]:
            last = merged[-1]
            if ev[:4] == last[:4]:
                merged[-1] = last._replace(confidence=max(ev.confidence, last.confidence),
                                           role=max(ev.role, last.role),
                                           version=max(ev.version, last.version))
            else:
                merged.append(ev)
        evs = merged
    docs = sorted(set(documents).union(ev.document for ev in evs))
    if not evs:
        return {"documents": docs, "evidenceDocuments": [], "sentences": [], "startChars": [], "endChars": [],
                "confidences": [], "roles": [], "extractorVersions": [], "confidence": None, "role": None,
                "extractorVersion": None}
    ev_docs, starts, ends, sentences, confidences, roles, versions = (list(c) for c in zip(*evs, strict=True))
    known = [c for c in confidences if c >= 0]
    stated_roles = [r for r in roles if r]
    stated_versions = [v for v in versions if v]
    return {
        "documents": docs, "evidenceDocuments": ev_docs, "sentences": sentences, "startChars": starts,
        "endChars": ends, "confidences": confidences, "roles": roles, "extractorVersions": versions,
        "confidence": max(known) if known else None,
        "role": min(stated_roles) if stated_roles else None,
        "extractorVersion": max(stated_versions) if stated_versions else None,
    }


def evidence_from_props(props: MappingT[str, Any]) -> list[Evidence]:
    """The inverse of relationship_props for the per-sentence lists (used to withdraw a document)."""
    docs = list(props.get("evidenceDocuments") or [])
    n = len(docs)

    def column(key: str, default: Any) -> list[Any]:
        values = list(props.get(key) or [])
        return values + [default] * (n - len(values))

    sentences, starts, ends = column("sentences", ""), column("startChars", -1), column("endChars", -1)
    confs, roles, versions = column("confidences", -1.0), column("roles", ""), column("extractorVersions", "")
    return [Evidence(docs[i], int(starts[i]), int(ends[i]), sentences[i], float(confs[i]), roles[i],
                     versions[i]) for i in range(n)]


def _read_quads(quads: Iterable[Any]) -> tuple[list[Any], list[Any], list[Any], set[str], int, int]:
    """One pass over the quads into flat lists of plain strings (the hot loop: kept simple)."""
    types: list[tuple[str, str, str | None]] = []                    # (s, class, graph)
    links: list[tuple[str, str, str, str | None]] = []               # (s, p, object IRI, graph)
    literals: list[tuple[str, str, str, str, str | None]] = []       # (s, p, lexical, datatype, graph)
    graphs: set[str] = set()
    count = ignored = 0
    named, blank, literal = ox.NamedNode, ox.BlankNode, ox.Literal
    rdf_type = _RDF_TYPE
    for quad in quads:
        count += 1
        s = quad.subject
        kind = type(s)
        if kind is named:
            skey = s.value
        elif kind is blank:
            skey = "_:" + s.value
        else:
            ignored += 1
            continue
        g = quad.graph_name
        graph = g.value if type(g) is named else None
        p = quad.predicate.value
        o = quad.object
        kind = type(o)
        if kind is literal:
            literals.append((skey, p, o.value, o.datatype.value, graph))
        elif kind is named:
            if p == rdf_type:
                types.append((skey, o.value, graph))
            else:
                links.append((skey, p, o.value, graph))
        elif kind is blank:
            links.append((skey, p, "_:" + o.value, graph))
        else:
            ignored += 1
            continue
        if graph is not None:
            graphs.add(graph)
    return types, links, literals, graphs, count, ignored


_ASSERTION_FIELDS = {_RDF_SUBJECT: 0, _RDF_PREDICATE: 1, _RDF_OBJECT: 2, _DERIVED: 3, _SENTENCE: 5,
                     _START: 6, _END: 7, _CONFIDENCE: 8, _ROLE: 9, _VERSION: 10}


class _Builder:
    """Accumulates nodes, relationships and evidence from the flat quad lists."""

    def __init__(self, mapping: Mapping) -> None:
        self.mapping = mapping
        self.node_graphs: dict[str, set[str]] = {}
        self.node_props: dict[str, dict[str, Any]] = {}
        self.node_types: dict[str, set[str]] = {}
        self.rel_graphs: dict[tuple[str, str, str], set[str]] = {}
        self.rel_evidence: dict[tuple[str, str, str], list[Evidence]] = {}
        self.undeclared: set[str] = set()
        self.ignored = 0
        self._rel_specs: dict[str, tuple[str, bool] | None] = {_DERIVED: (MENTIONS, True)}
        self._prop_specs: dict[tuple[str, str | None], PropertySpec | None] = {}

    def node(self, iri: str) -> dict[str, Any]:
        props = self.node_props.get(iri)
        if props is None:
            props = self.node_props[iri] = {}
            self.node_graphs[iri] = set()
            self.node_types[iri] = set()
        return props

    def rel_spec(self, predicate: str) -> tuple[str, bool] | None:
        """(type, reversed) of an IRI-valued predicate, or None (cached per predicate)."""
        if predicate not in self._rel_specs:
            spec = self.mapping.relationship_for(predicate) if predicate != _RDF_TYPE else None
            if spec is not None and predicate not in self.mapping.relationships:
                self.undeclared.add(predicate)
            self._rel_specs[predicate] = None if spec is None else (spec.type, spec.reverse)
        return self._rel_specs[predicate]

    def prop_spec(self, predicate: str, datatype: str | None) -> PropertySpec | None:
        key = (predicate, datatype)
        if key not in self._prop_specs:
            spec = self.mapping.property_for(predicate, datatype)
            declared = predicate in self.mapping.properties or not predicate.startswith(str(KGO))
            if spec is not None and not declared:
                self.undeclared.add(predicate)
            if spec is not None and datatype is None:        # an IRI-valued attribute, e.g. schema:url
                spec = PropertySpec(spec.key, ValueKind.STRING)
            self._prop_specs[key] = spec
        return self._prop_specs[key]

    def set_value(self, iri: str, spec: PropertySpec, lexical: str) -> None:
        try:
            value = convert(lexical, spec.kind)
        except ValueError:
            self.ignored += 1
            return
        props = self.node(iri)
        old = props.get(spec.key)
        props[spec.key] = value if old is None else max(old, value)   # several documents: keep the max

    def entities(self, types: list[Any], links: list[Any], literals: list[Any], assertions: set[str]) -> None:
        for s, cls, g in types:
            if s in assertions or s.startswith("_:"):
                continue
            self.node(s)
            self.node_types[s].add(cls)
            if g is not None:
                self.node_graphs[s].add(g)
        rel_graphs = self.rel_graphs
        for s, p, o, g in links:
            if s in assertions:
                continue
            if s.startswith("_:"):
                self.ignored += 1
                continue
            self.node(s)
            if g is not None:
                self.node_graphs[s].add(g)
            spec = self.rel_spec(p)
            if spec is not None:
                if o.startswith("_:"):
                    self.ignored += 1
                    continue
                key = (spec[0], o, s) if spec[1] else (spec[0], s, o)
                graphs = rel_graphs.get(key)
                if graphs is None:
                    graphs = rel_graphs[key] = set()
                if g is not None:
                    graphs.add(g)
                continue
            prop = self.prop_spec(p, None)
            if prop is not None:
                self.set_value(s, prop, o)
            else:
                self.ignored += 1
        for s, p, lexical, datatype, g in literals:
            if s in assertions:
                continue
            if s.startswith("_:"):
                self.ignored += 1
                continue
            props = self.node(s)
            if g is not None:
                self.node_graphs[s].add(g)
            if p == NAME:
                props.setdefault("_names", set()).add(lexical)
            elif p == ALIASES:
                props.setdefault("aliases", set()).add(lexical)
            else:
                prop = self.prop_spec(p, datatype)
                if prop is not None:
                    self.set_value(s, prop, lexical)
                else:
                    self.ignored += 1

    def assertions(self, links: list[Any], literals: list[Any], assertions: set[str]) -> None:
        """Each kgo:Assertion becomes one Evidence on the relationship (or MENTIONS) it describes."""
        fields: dict[str, list[Any]] = {a: [None, None, None, None, None, "", -1, -1, -1.0, "", ""]
                                        for a in assertions}
        positions = _ASSERTION_FIELDS
        for s, p, o, g in links:
            record = fields.get(s)
            if record is not None:
                at = positions.get(p)
                if at is not None:
                    record[at] = o
                if record[4] is None:
                    record[4] = g
        for s, p, lexical, _dt, g in literals:
            record = fields.get(s)
            if record is not None:
                at = positions.get(p)
                if at is not None:
                    record[at] = lexical
                if record[4] is None:
                    record[4] = g
        for record in fields.values():
            subject, predicate, obj, derived, graph = record[:5]
            doc = derived or graph
            if subject is None or predicate is None or obj is None or doc is None:
                self.ignored += 1
                continue
            if predicate == _RDF_TYPE:
                key: tuple[str, str, str] | None = (MENTIONS, doc, subject)
                self.rel_graphs.setdefault(key, set()).add(doc)   # the typing's document mentions it
            else:
                spec = self.rel_spec(predicate)
                key = None if spec is None else \
                    (spec[0], obj, subject) if spec[1] else (spec[0], subject, obj)
            if key is None:
                self.ignored += 1
                continue
            try:
                ev = Evidence(doc, int(record[6]), int(record[7]), record[5], float(record[8]), record[9],
                              record[10])
            except ValueError:
                self.ignored += 1
                continue
            evidence = self.rel_evidence.get(key)
            if evidence is None:
                self.rel_evidence[key] = [ev]
            else:
                evidence.append(ev)

    def rows(self, documents: set[str]) -> tuple[list[NodeRow], list[RelRow]]:
        rel_rows: list[RelRow] = []
        no_evidence: list[Evidence] = []
        for key in sorted(self.rel_graphs.keys() | self.rel_evidence.keys()):
            rtype, start, end = key
            if key not in self.rel_graphs:
                self.ignored += len(self.rel_evidence[key])   # provenance of a triple no graph states
                continue
            props = relationship_props(self.rel_graphs[key], self.rel_evidence.get(key, no_evidence))
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
        labels_cache: dict[frozenset[str], tuple[str, ...]] = {}
        for iri in sorted(self.node_props):
            props = self.node_props[iri]
            names = sorted(props.pop("_names", ()))
            aliases = set(props.pop("aliases", ()))
            name = names[0] if names else props.get("title") or unquote(local_name(iri)) or iri
            aliases.update(names[1:])
            aliases.discard(name)
            props.update(iri=iri, name=name, aliases=sorted(aliases), documents=sorted(self.node_graphs[iri]))
            classes = frozenset(self.node_types[iri])
            labels = labels_cache.get(classes)
            if labels is None:
                labels = labels_cache[classes] = self.mapping.labels_for(set(classes))
            node_rows.append(NodeRow(iri, labels, props))
        return node_rows, rel_rows


def property_graph(quads: Iterable[Any], mapping: Mapping) -> PropertyGraph:
    """Map pyoxigraph quads (named graph = document) to node and relationship rows."""
    types, links, literals, graphs, count, ignored = _read_quads(quads)
    assertions = {s for s, cls, _g in types if cls == ASSERTION_CLASS}
    assertions.update(s for s, p, _o, _g in links if p == _RDF_SUBJECT)
    documents = set(graphs)
    documents.update(s for s, cls, _g in types if cls == DOCUMENT_CLASS)
    builder = _Builder(mapping)
    builder.entities(types, links, literals, assertions)
    builder.assertions(links, literals, assertions)
    nodes, rels = builder.rows(documents)
    return PropertyGraph(nodes=nodes, relationships=rels, documents=sorted(documents), quads=count,
                         ignored=ignored + builder.ignored, undeclared=sorted(builder.undeclared))


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Millions of small acyclic tuples: the cyclic collector would only rescan them again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_trig(source: Path | str | bytes, mapping: Mapping) -> PropertyGraph:
    """Parse TriG (a path, or the data itself as bytes) and map it."""
    try:
        if isinstance(source, bytes):
            quads = ox.parse(source, format=ox.RdfFormat.TRIG)
        else:
            quads = ox.parse(path=str(source), format=ox.RdfFormat.TRIG)
        with _gc_paused():
            return property_graph(quads, mapping)
    except (SyntaxError, ValueError) as exc:
        where = "the TriG data" if isinstance(source, bytes) else str(source)
        raise KgError(f"cannot read {where}: {str(exc).splitlines()[0]}") from None
    except OSError as exc:
        raise KgError(f"cannot read {source}: {exc.strerror or exc}") from None
