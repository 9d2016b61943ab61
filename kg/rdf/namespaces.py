"""The namespaces of kg-builder's RDF (see docs/rdf-model.md)."""

from __future__ import annotations

import os

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

KGO = Namespace("https://w3id.org/kg-builder/ontology#")
ONTOLOGY_GRAPH = "https://w3id.org/kg-builder/ontology"
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")

DEFAULT_BASE_IRI = "https://w3id.org/kg-builder/id/"


def base_iri() -> str:
    """The instance base IRI: `KG_BASE_IRI` when set, else the project default."""
    base = os.environ.get("KG_BASE_IRI", DEFAULT_BASE_IRI)
    return base if base.endswith(("/", "#")) else base + "/"


def kgr() -> Namespace:
    return Namespace(base_iri())


def bind_prefixes(graph) -> None:  # graph: rdflib Graph or Dataset
    for prefix, ns in {
        "kgo": KGO, "kgr": kgr(), "rdf": RDF, "rdfs": RDFS, "owl": OWL, "skos": SKOS, "prov": PROV,
        "dcterms": DCTERMS, "schema": SCHEMA, "xsd": XSD, "org": ORG, "time": TIME,
    }.items():
        graph.bind(prefix, ns, override=True)
