"""The RDF -> Neo4j property-graph mapping, derived from the ontology (`ontology/`), never written twice.

What the ontology decides:

- node labels: the local names of a node's `kgo:` classes plus all their `kgo:` superclasses
  (`kgo:Company` gives `:Company:Organization`); every loaded node also carries `:Resource`,
  whose unique `iri` constraint backs every node;
- relationship types: `kgo:` object properties in UPPER_SNAKE (`memberOf` -> `MEMBER_OF`); a
  property declared `owl:inverseOf` another (`kgo:hasMember`) is loaded as that other one, reversed,
  so that one fact is one relationship;
- node properties: `kgo:` datatype properties under their local name, typed by `rdfs:range`
  (xsd:decimal/double -> float, xsd:integer/gYear -> int, xsd:boolean -> bool, xsd:date -> date,
  anything else -> string).

What is fixed here (terms outside the ontology, per docs/rdf-model.md): `rdfs:label` -> `name`,
`skos:altLabel` -> `aliases`, `dcterms:title|source|identifier|date` and `schema:url` -> document
properties, `prov:wasDerivedFrom` -> `(:Document)-[:MENTIONS]->(node)`, and the provenance read
from `kgo:Assertion` nodes (which become relationship properties, not nodes: see neo4j_rows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS, XSD

from kg.rdf import ontology
from kg.rdf.namespaces import KGO, SCHEMA
from kg.workspace import KgError

BASE_LABEL = "Resource"          # on every loaded node; `iri` is unique for it
MENTIONS = "MENTIONS"            # (:Document)-[:MENTIONS]->(node): prov:wasDerivedFrom, rdf:type assertions
DOCUMENT_CLASS = str(KGO.Document)
ASSERTION_CLASS = str(KGO.Assertion)

_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


class ValueKind(str, Enum):
    """How an RDF literal becomes a Neo4j property value."""

    FLOAT = "float"
    INT = "int"
    YEAR = "year"
    BOOL = "bool"
    DATE = "date"
    STRING = "string"


_XSD_KINDS: dict[str, ValueKind] = {
    **{str(XSD[t]): ValueKind.FLOAT for t in ("decimal", "double", "float")},
    **{str(XSD[t]): ValueKind.INT for t in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort",
        "unsignedByte")},
    str(XSD.gYear): ValueKind.YEAR,
    str(XSD.boolean): ValueKind.BOOL,
    str(XSD.date): ValueKind.DATE,
}


def kind_of_datatype(datatype: str | None) -> ValueKind:
    return _XSD_KINDS.get(datatype or "", ValueKind.STRING)


def upper_snake(local_name: str) -> str:
    """`memberOf` -> `MEMBER_OF`, `hasTarget` -> `HAS_TARGET`, `fundedProject` -> `FUNDED_PROJECT`."""
    return _CAMEL_BOUNDARY.sub("_", local_name).upper()


def check_identifier(name: str, what: str) -> str:
    """Labels, types and keys are pasted into Cypher text: only plain identifiers are allowed."""
    if not _IDENTIFIER.match(name):
        raise KgError(f"cannot map {what} {name!r} to Neo4j: not a plain identifier")
    return name


def local_name(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


@dataclass(frozen=True)
class PropertySpec:
    key: str
    kind: ValueKind


@dataclass(frozen=True)
class RelationshipSpec:
    type: str
    reverse: bool = False        # an owl:inverseOf property: load (o)-[:TYPE]->(s)


@dataclass(frozen=True)
class Mapping:
    """Everything the loader needs to turn RDF terms into labels, types and keys."""

    labels: dict[str, tuple[str, ...]]                # class IRI -> labels (class first, then superclasses)
    relationships: dict[str, RelationshipSpec]        # object property IRI -> type (+ direction)
    properties: dict[str, PropertySpec]               # datatype property IRI -> key + value kind
    fixed_properties: dict[str, PropertySpec] = field(default_factory=dict)   # non-kgo literal predicates

    @property
    def all_labels(self) -> frozenset[str]:
        """Every class label the mapping can give (the loader removes the ones a node no longer has)."""
        return frozenset(label for labels in self.labels.values() for label in labels)

    @property
    def relationship_types(self) -> frozenset[str]:
        return frozenset(spec.type for spec in self.relationships.values()) | {MENTIONS}

    def labels_for(self, classes: set[str]) -> tuple[str, ...]:
        """Sorted labels of a node typed with `classes` (unknown classes give no label)."""
        found: set[str] = set()
        for cls in classes:
            found.update(self.labels.get(cls, ()))
        return tuple(sorted(found))

    def relationship_for(self, predicate: str) -> RelationshipSpec | None:
        """The mapping of an IRI-valued predicate; undeclared `kgo:` ones map by the same rule."""
        spec = self.relationships.get(predicate)
        if spec is None and predicate.startswith(str(KGO)):
            name = predicate[len(str(KGO)):]
            if _IDENTIFIER.match(name):
                return RelationshipSpec(upper_snake(name))
        return spec

    def property_for(self, predicate: str, datatype: str | None) -> PropertySpec | None:
        """The mapping of a literal-valued predicate; undeclared `kgo:` ones keep their local name."""
        spec = self.properties.get(predicate) or self.fixed_properties.get(predicate)
        if spec is None and predicate.startswith(str(KGO)):
            name = predicate[len(str(KGO)):]
            if _IDENTIFIER.match(name):
                return PropertySpec(name, kind_of_datatype(datatype))
        return spec


# Terms outside the ontology that docs/rdf-model.md uses on entities and documents.
NAME = str(RDFS.label)
ALIASES = str(SKOS.altLabel)
FIXED_PROPERTIES: dict[str, PropertySpec] = {
    str(DCTERMS.title): PropertySpec("title", ValueKind.STRING),
    str(DCTERMS.source): PropertySpec("source", ValueKind.STRING),
    str(DCTERMS.identifier): PropertySpec("identifier", ValueKind.STRING),
    str(DCTERMS.date): PropertySpec("date", ValueKind.DATE),
    str(SCHEMA.url): PropertySpec("url", ValueKind.STRING),
}
RESERVED_KEYS = frozenset({"iri", "name", "aliases", "documents", "kgLoad"})


def _kgo_local(term: URIRef) -> str:
    return check_identifier(ontology.local_name(term), "ontology term")


def mapping_from_graph(onto: Graph) -> Mapping:
    """Derive the mapping from an ontology graph (classes, object and datatype properties)."""
    kgo = str(KGO)
    labels: dict[str, tuple[str, ...]] = {}
    for cls in ontology.classes(onto, kgo):
        if str(cls) == ASSERTION_CLASS:      # provenance: properties on relationships, not nodes
            continue
        supers = ontology.superclasses(onto, cls, kgo)
        labels[str(cls)] = (_kgo_local(cls), *sorted({_kgo_local(s) for s in supers}))

    object_props = set(ontology.object_properties(onto, kgo))
    relationships = {str(p): RelationshipSpec(check_identifier(upper_snake(_kgo_local(p)), "object property"))
                     for p in object_props}
    inverse_of = ontology.inverses(onto)
    for prop, other in inverse_of.items():    # `kgo:hasMember owl:inverseOf kgo:memberOf`: MEMBER_OF reversed
        if prop in object_props and other in object_props and inverse_of.get(other) != prop:
            relationships[str(prop)] = RelationshipSpec(relationships[str(other)].type, reverse=True)

    properties: dict[str, PropertySpec] = {}
    for prop in ontology.datatype_properties(onto, kgo):
        key = _kgo_local(prop)
        if key in RESERVED_KEYS:
            raise KgError(f"ontology datatype property kgo:{key} clashes with a reserved Neo4j key")
        ranges = [str(r) for r in onto.objects(prop, RDFS.range)]
        properties[str(prop)] = PropertySpec(key, kind_of_datatype(ranges[0] if ranges else None))
    if not labels:
        raise KgError("the ontology declares no kgo: classes: cannot map the graph to Neo4j")
    return Mapping(labels=labels, relationships=relationships, properties=properties,
                   fixed_properties=dict(FIXED_PROPERTIES))


@lru_cache(maxsize=4)
def _cached_mapping(paths: tuple[Path, ...], mtimes: tuple[float, ...]) -> Mapping:
    return mapping_from_graph(ontology.parse_turtle(list(paths)))


def load_mapping(path: Path | str | None = None) -> Mapping:
    """The mapping of the project's ontology (`kg.rdf.ontology`: KG_ONTOLOGY_DIR or the repository's),
    or of one Turtle file; cached until the files change."""
    paths = [Path(path)] if path is not None else ontology.ontology_paths()
    for file in paths:
        if not file.is_file():
            raise KgError(f"ontology not found: {file}")
    return _cached_mapping(tuple(paths), tuple(p.stat().st_mtime for p in paths))
