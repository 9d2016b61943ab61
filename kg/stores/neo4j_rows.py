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


class RelRow:
    """One fact. Its properties are built on first use: the loader does that on a thread while the
    server writes the nodes, instead of holding up the whole load for ~455k rows."""

    __slots__ = ("type", "start", "end", "_documents", "_evidence", "_props")

    def __init__(self, type: str, start: str, end: str, documents: Iterable[str] = (),
                 evidence: Iterable[Evidence] = (), props: dict[str, Any] | None = None) -> None:
        self.type, self.start, self.end = type, start, end
        self._documents, self._evidence, self._props = documents, evidence, props

    @property
    def props(self) -> dict[str, Any]:
        if self._props is None:
            self._props = relationship_props(self._documents, self._evidence)
            self._documents = self._evidence = ()
        return self._props

    def __repr__(self) -> str:
        return f"RelRow({self.type!r}, {self.start!r}, {self.end!r}, {self.props!r})"


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
    evs = evidence if isinstance(evidence, list) and len(evidence) == 1 else sorted(evidence)
    if len(evs) == 1 and len(documents_set := set(documents) | {evs[0].document}) == 1:
        # most facts: one sentence in one document (the general case below gives the same, slower)
        ev = evs[0]
        return {"documents": list(documents_set), "evidenceDocuments": None, "sentences": [ev.sentence],
                "startChars": [ev.start], "endChars": [ev.end], "confidences": [ev.confidence],
                "roles": [ev.role] if ev.role else None, "extractorVersions": None,
                "confidence": ev.confidence if ev.confidence >= 0 else None, "role": ev.role or None,
                "extractorVersion": ev.version or None}
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
        return {"documents": docs, **dict.fromkeys(RELATIONSHIP_KEYS[1:])}   # no assertion, no evidence
    ev_docs, starts, ends, sentences, confidences, roles, versions = (list(c) for c in zip(*evs, strict=True))
    known = [c for c in confidences if c >= 0]
    stated_roles = [r for r in roles if r]
    stated_versions = sorted({v for v in versions if v})
    return {
        # lists that would only repeat a single value are left out (fewer property records to write)
        "documents": docs, "evidenceDocuments": ev_docs if len(docs) > 1 else None, "sentences": sentences,
        "startChars": starts, "endChars": ends, "confidences": confidences,
        "roles": roles if stated_roles else None,
        "extractorVersions": versions if len(stated_versions) > 1 else None,
        "confidence": max(known) if known else None,
        "role": min(stated_roles) if stated_roles else None,
        "extractorVersion": stated_versions[-1] if stated_versions else None,
    }


def evidence_from_props(props: MappingT[str, Any]) -> list[Evidence]:
    """The inverse of relationship_props for the per-sentence lists (used to withdraw a document)."""
    sentences = list(props.get("sentences") or [])
    n = len(sentences)

    def column(key: str, default: Any) -> list[Any]:
        values = list(props.get(key) or [])
        return values + [default] * (n - len(values))

    documents = list(props.get("documents") or [""])
    docs = column("evidenceDocuments", documents[0])
    starts, ends, confs = column("startChars", -1), column("endChars", -1), column("confidences", -1.0)
    roles, versions = column("roles", ""), column("extractorVersions", props.get("extractorVersion") or "")
    return [Evidence(docs[i], int(starts[i]), int(ends[i]), sentences[i], float(confs[i]), roles[i],
                     versions[i]) for i in range(n)]


# How each predicate is handled (decided once per predicate, then looked up per quad).
_ASSERTION_ONLY = {_RDF_SUBJECT: 0, _RDF_PREDICATE: 1, _RDF_OBJECT: 2, _SENTENCE: 5, _START: 6, _END: 7,
                   _ROLE: 9, _VERSION: 10}
_TYPE, _CONF, _DERIV, _NAME, _ALIAS, _REL, _PROP, _SKIP, _ASSERT = range(9)


class _Reader:
    """One streaming pass over the quads, straight into per-node and per-fact aggregates.

    Whether a subject is a kgo:Assertion is only known once its quads are read: predicates used
    only by assertions go to assertion records, the two they share with entities (kgo:confidence,
    prov:wasDerivedFrom) wait in small side tables, and assertion subjects are dropped from the
    node tables at the end.
    """

    def __init__(self, mapping: Mapping) -> None:
        self.mapping = mapping
        self.records: dict[str, list[Any]] = {}              # assertion -> fields (see _ASSERTION_ONLY)
        self.typed_assertions: set[str] = set()
        self.node_types: dict[str, set[str]] = {}
        self.node_graphs: dict[str, set[str]] = {}
        self.node_props: dict[str, dict[str, Any]] = {}
        self.confidence: dict[str, tuple[str, str | None]] = {}   # subject -> (max lexical seen, graph)
        self.entity_confidence: dict[str, float] = {}
        self.derived: list[tuple[str, str, str | None]] = []
        self.rel_graphs: dict[tuple[str, str, str], set[str]] = {}
        self.rel_evidence: dict[tuple[str, str, str], list[Evidence]] = {}
        self.graphs: set[str] = set()
        self.undeclared: set[str] = set()
        self.quads = 0
        self.ignored = 0
        self._handlers: dict[Any, tuple[Any, ...]] = {}

    # -- per predicate ---------------------------------------------------------------------------
    def handler(self, predicate: Any, is_literal: bool, datatype: str | None) -> tuple[Any, ...]:
        iri = predicate.value
        if iri == _RDF_TYPE:
            return (_TYPE,)
        if iri in _ASSERTION_ONLY:
            return (_ASSERT, _ASSERTION_ONLY[iri])
        if iri == _CONFIDENCE and is_literal:
            return (_CONF,)
        if iri == _DERIVED and not is_literal:
            return (_DERIV,)
        if is_literal:
            if iri == NAME:
                return (_NAME,)
            if iri == ALIASES:
                return (_ALIAS,)
            spec = self.mapping.property_for(iri, datatype)
            if spec is None:
                return (_SKIP,)
            if iri.startswith(str(KGO)) and iri not in self.mapping.properties:
                self.undeclared.add(iri)
            return (_PROP, spec)
        rel = self.mapping.relationship_for(iri)
        if rel is not None:
            if iri not in self.mapping.relationships:
                self.undeclared.add(iri)
            return (_REL, rel.type, rel.reverse)
        spec = self.mapping.property_for(iri, None)            # an IRI-valued attribute, e.g. schema:url
        return (_PROP, PropertySpec(spec.key, ValueKind.STRING)) if spec is not None else (_SKIP,)

    # -- the hot loop ------------------------------------------------------------------------------
    def feed(self, quads: Iterable[Any]) -> None:
        named, blank, literal = ox.NamedNode, ox.BlankNode, ox.Literal
        handlers = self._handlers
        records, node_graphs, node_props, rel_graphs = self.records, self.node_graphs, self.node_props, \
            self.rel_graphs
        last_g: Any = None
        graph: str | None = None
        count = ignored = 0
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
            if g != last_g:
                last_g = g
                graph = g.value if type(g) is named else None
                if graph is not None:
                    self.graphs.add(graph)
            o = quad.object
            okind = type(o)
            is_literal = okind is literal
            p = quad.predicate
            key = (p, o.datatype) if is_literal else p
            h = handlers.get(key)
            if h is None:
                h = handlers[key] = self.handler(p, is_literal, o.datatype.value if is_literal else None)
            op = h[0]
            if okind is named or is_literal:
                value = o.value
            elif okind is blank:
                value = "_:" + o.value
            else:
                ignored += 1
                continue
            if op == _ASSERT:
                record = records.get(skey)
                if record is None:
                    record = records[skey] = [None, None, None, None, graph, "", -1, -1, None, "", ""]
                record[h[1]] = value
                continue
            if op == _TYPE:
                if value == ASSERTION_CLASS:
                    self.typed_assertions.add(skey)
                    continue
                types = self.node_types.get(skey)
                if types is None:
                    types = self.node_types[skey] = set()
                types.add(value)
            elif op == _CONF:
                old = self.confidence.get(skey)
                if old is None or _as_float(value) > _as_float(old[0]):
                    self.confidence[skey] = (value, graph)
            elif op == _DERIV:
                self.derived.append((skey, value, graph))
                continue
            elif op == _REL:
                if okind is blank or kind is blank:
                    ignored += 1
                    continue
                rkey = (h[1], value, skey) if h[2] else (h[1], skey, value)
                graphs = rel_graphs.get(rkey)
                if graphs is None:
                    graphs = rel_graphs[rkey] = set()
                if graph is not None:
                    graphs.add(graph)
            elif op == _SKIP:
                ignored += 1
                continue
            else:
                props = node_props.get(skey)
                if props is None:
                    props = node_props[skey] = {}
                if op == _NAME:
                    props.setdefault("_names", set()).add(value)
                elif op == _ALIAS:
                    props.setdefault("aliases", set()).add(value)
                else:
                    spec = h[1]
                    try:
                        converted = convert(value, spec.kind)
                    except ValueError:
                        ignored += 1
                        continue
                    old_value = props.get(spec.key)
                    props[spec.key] = converted if old_value is None else max(old_value, converted)
            if graph is not None:
                graphs_of = node_graphs.get(skey)
                if graphs_of is None:
                    graphs_of = node_graphs[skey] = set()
                graphs_of.add(graph)
        self.quads += count
        self.ignored += ignored

    # -- after the pass ----------------------------------------------------------------------------
    def resolve(self) -> set[str]:
        """Route the shared predicates, turn assertion records into evidence; returns the assertions."""
        assertions = set(self.records) | self.typed_assertions
        for skey, (lexical, graph) in self.confidence.items():
            if skey in assertions:
                record = self.records.get(skey)
                if record is not None:
                    record[8] = lexical
            else:
                self._entity_value(skey, _CONFIDENCE, lexical, graph)
        for skey, doc, graph in self.derived:
            if skey in assertions:
                record = self.records.get(skey)
                if record is not None:
                    record[3] = doc
            elif skey.startswith("_:") or doc.startswith("_:"):
                self.ignored += 1
            else:
                self.rel_graphs.setdefault((MENTIONS, doc, skey), set())
                if graph is not None:
                    self.rel_graphs[(MENTIONS, doc, skey)].add(graph)
                    self.node_graphs.setdefault(skey, set()).add(graph)
        for skey in assertions:
            self.node_types.pop(skey, None)
            self.node_props.pop(skey, None)
            self.node_graphs.pop(skey, None)
        for key in [k for k in self.rel_graphs if k[1] in assertions or k[2] in assertions]:
            del self.rel_graphs[key]
        for skey in [k for k in self.node_types if k.startswith("_:")]:
            self.ignored += 1
            del self.node_types[skey]
        for skey in [k for k in self.node_props if k.startswith("_:")]:
            self.ignored += 1
            del self.node_props[skey]
        for record in self.records.values():
            self._evidence(record)
        return assertions

    def _entity_value(self, skey: str, predicate: str, lexical: str, graph: str | None) -> None:
        spec = self.mapping.property_for(predicate, None)
        if spec is None:
            return
        try:
            value = convert(lexical, spec.kind)
        except ValueError:
            self.ignored += 1
            return
        props = self.node_props.setdefault(skey, {})
        old = props.get(spec.key)
        props[spec.key] = value if old is None else max(old, value)
        if graph is not None:
            self.node_graphs.setdefault(skey, set()).add(graph)

    def _evidence(self, record: list[Any]) -> None:
        subject, predicate, obj, derived, graph = record[:5]
        doc = derived or graph
        if subject is None or predicate is None or obj is None or doc is None:
            self.ignored += 1
            return
        if predicate == _RDF_TYPE:
            key: tuple[str, str, str] | None = (MENTIONS, doc, subject)
            self.rel_graphs.setdefault(key, set()).add(doc)           # the typing's document mentions it
        else:
            rel = self.mapping.relationship_for(predicate)
            key = None if rel is None else \
                (rel.type, obj, subject) if rel.reverse else (rel.type, subject, obj)
        if key is None:
            self.ignored += 1
            return
        try:
            confidence = -1.0 if record[8] is None else float(record[8])
            ev = Evidence(doc, int(record[6]), int(record[7]), record[5], confidence, record[9], record[10])
        except ValueError:
            self.ignored += 1
            return
        evidence = self.rel_evidence.get(key)
        if evidence is None:
            self.rel_evidence[key] = [ev]
        else:
            evidence.append(ev)

    def rows(self, documents: set[str]) -> tuple[list[NodeRow], list[RelRow]]:
        rel_rows: list[RelRow] = []
        no_evidence: list[Evidence] = []
        node_graphs, node_types, node_props = self.node_graphs, self.node_types, self.node_props
        rel_graphs, rel_evidence = self.rel_graphs, self.rel_evidence
        self.ignored += sum(len(evs) for key, evs in rel_evidence.items() if key not in rel_graphs)
        for key in sorted(rel_graphs):     # by type, then start node: locality for the writes
            rtype, start, end = key
            graphs = rel_graphs[key]
            evidence = rel_evidence.get(key, no_evidence)
            # the documents relationship_props will list, without building the rest now
            documents = graphs.union([ev.document for ev in evidence]) if evidence else graphs
            for iri in (start, end):
                of = node_graphs.get(iri)
                if of is None:
                    node_graphs[iri] = set(documents)
                else:
                    of.update(documents)
            if rtype == MENTIONS:
                node_types.setdefault(start, set()).add(DOCUMENT_CLASS)
            rel_rows.append(RelRow(rtype, start, end, graphs, evidence))
        for doc in documents:
            node_types.setdefault(doc, set()).add(DOCUMENT_CLASS)
            node_graphs.setdefault(doc, set()).add(doc)
        node_rows: list[NodeRow] = []
        labels_cache: dict[frozenset[str], tuple[str, ...]] = {}
        for iri in sorted(node_types.keys() | node_props.keys() | node_graphs.keys()):
            props = node_props.get(iri) or {}
            names = sorted(props.pop("_names", ()))
            aliases = set(props.pop("aliases", ()))
            name = names[0] if names else props.get("title") or unquote(local_name(iri)) or iri
            aliases.update(names[1:])
            aliases.discard(name)
            props.update(iri=iri, name=name, aliases=sorted(aliases),
                         documents=sorted(node_graphs.get(iri, ())))
            classes = frozenset(node_types.get(iri, ()))
            labels = labels_cache.get(classes)
            if labels is None:
                labels = labels_cache[classes] = self.mapping.labels_for(set(classes))
            node_rows.append(NodeRow(iri, labels, props))
        return node_rows, rel_rows


def _as_float(lexical: str) -> float:
    try:
        return float(lexical)
    except ValueError:
        return float("-inf")


def property_graph(quads: Iterable[Any], mapping: Mapping) -> PropertyGraph:
    """Map pyoxigraph quads (named graph = document) to node and relationship rows."""
    reader = _Reader(mapping)
    reader.feed(quads)
    reader.resolve()
    documents = set(reader.graphs)
    documents.update(s for s, types in reader.node_types.items() if DOCUMENT_CLASS in types)
    nodes, rels = reader.rows(documents)
    return PropertyGraph(nodes=nodes, relationships=rels, documents=sorted(documents), quads=reader.quads,
                         ignored=reader.ignored, undeclared=sorted(reader.undeclared))


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
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
        with gc_paused():
            return property_graph(quads, mapping)
    except (SyntaxError, ValueError) as exc:
        where = "the TriG data" if isinstance(source, bytes) else str(source)
        raise KgError(f"cannot read {where}: {str(exc).splitlines()[0]}") from None
    except OSError as exc:
        raise KgError(f"cannot read {source}: {exc.strerror or exc}") from None
