"""The ontology (ontology/kg.ttl) and its shapes (ontology/shapes.ttl): terms, alignments, what validates."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.rdf import ontology as onto_mod
from kg.rdf.graphfile import read_dataset, union_graph
from kg.rdf.namespaces import KGO, ORG, SCHEMA
from kg.rdf.ontology import (
    classes,
    datatype_properties,
    inverses,
    load_ontology,
    object_properties,
    ontology_paths,
    superclasses,
)
from kg.rdf.validate import validate
from kg.workspace import KgError

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "tests" / "data" / "sample.trig"
ID = Namespace("https://w3id.org/kg-builder/id/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")

ORG_SUBCLASSES = ["GovernmentAgency", "Company", "Alliance", "Association"]
CORE_CLASSES = ["Organization", *ORG_SUBCLASSES, "Person", "Place", "Project", "Target", "Funding",
                "MonetaryAmount", "Document", "Assertion"]
CORE_RELATIONS = ["memberOf", "leads", "announces", "funds", "partOf", "hasTarget", "headOf", "locatedIn"]
OBJECT_ATTRIBUTES = ["funder", "fundedProject", "amount"]
DATATYPE_PROPERTIES = {
    "confidence": XSD.decimal, "year": XSD.gYear, "targetYear": XSD.gYear, "targetValue": XSD.decimal,
    "unit": XSD.string, "currency": XSD.string, "baselineValue": XSD.decimal, "qualifier": XSD.string,
    "value": XSD.decimal, "isConversion": XSD.boolean, "role": XSD.string, "sentence": XSD.string,
    "startChar": XSD.integer, "endChar": XSD.integer, "extractorVersion": XSD.string,
    "contentHash": XSD.string,
}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


@pytest.fixture()
def sample() -> Graph:
    """The sample's union graph, a fresh copy per test (tests break it)."""
    return union_graph(read_dataset(SAMPLE))


def below(graph: Graph, term: URIRef, pred: URIRef) -> set[URIRef]:
    """term and everything under it along `pred`, as the quality scorer computes it."""
    seen, todo = {term}, [term]
    while todo:
        for child in graph.subjects(pred, todo.pop()):
            if isinstance(child, URIRef) and child not in seen:
                seen.add(child)
                todo.append(child)
    return seen


# ------------------------------------------------------------------ terms


def test_ontology_header_has_version(onto: Graph) -> None:
    header = URIRef("https://w3id.org/kg-builder/ontology")
    assert (header, RDF.type, OWL.Ontology) in onto
    assert re.fullmatch(r"\d+\.\d+\.\d+", str(onto.value(header, OWL.versionInfo)))
    assert onto.value(header, OWL.versionIRI) is not None


def test_every_kgo_term_is_labelled_and_defined(onto: Graph) -> None:
    terms = {s for s in onto.subjects() if isinstance(s, URIRef) and str(s).startswith(str(KGO))}
    assert len(terms) >= len(CORE_CLASSES) + len(CORE_RELATIONS) + len(DATATYPE_PROPERTIES)
    undefined = [t for t in terms if not any(onto.objects(t, SKOS.definition))]
    unlabelled = [t for t in terms if not any(
        isinstance(lab, Literal) and lab.language == "en" for lab in onto.objects(t, RDFS.label))]
    assert not undefined and not unlabelled, (undefined, unlabelled)


def test_core_vocabulary_is_declared(onto: Graph) -> None:
    assert {KGO[c] for c in CORE_CLASSES} <= set(classes(onto))
    assert {KGO[p] for p in CORE_RELATIONS + OBJECT_ATTRIBUTES} <= set(object_properties(onto))
    assert {KGO[p] for p in DATATYPE_PROPERTIES} <= set(datatype_properties(onto))
    for name, datatype in DATATYPE_PROPERTIES.items():
        assert onto.value(KGO[name], RDFS.range) == datatype, name


def test_every_kgo_term_of_the_rdf_model_is_declared(onto: Graph) -> None:
    """docs/rdf-model.md is the contract: every kgo: term it uses exists in the ontology."""
    used = set(re.findall(r"kgo:([A-Za-z]+)", (REPO / "docs" / "rdf-model.md").read_text()))
    declared = {str(t)[len(str(KGO)):] for t in onto.subjects(RDF.type, None)
                if isinstance(t, URIRef) and str(t).startswith(str(KGO))}
    assert used and used <= declared, used - declared


def test_relations_have_the_domains_and_ranges_of_the_vocabulary(onto: Graph) -> None:
    def members(node) -> set:
        union = onto.value(node, OWL.unionOf)
        return set(onto.items(union)) if union is not None else {node}

    assert members(onto.value(KGO.memberOf, RDFS.range)) == {KGO.Alliance, KGO.Association}
    assert members(onto.value(KGO.leads, RDFS.range)) == {KGO.Project, KGO.Alliance}
    assert members(onto.value(KGO.announces, RDFS.domain)) == {KGO.Organization, KGO.Person}
    assert onto.value(KGO.headOf, RDFS.domain) == KGO.Person
    assert onto.value(KGO.headOf, RDFS.range) == KGO.Organization
    assert onto.value(KGO.locatedIn, RDFS.range) == KGO.Place
    assert onto.value(KGO.funder, RDFS.range) == KGO.Organization
    assert onto.value(KGO.amount, RDFS.range) == KGO.MonetaryAmount


# ------------------------------------------------------------------ hierarchy (as the scorer reads it)


def test_only_the_organization_subclasses_are_below_a_core_class(onto: Graph) -> None:
    for cls in CORE_CLASSES:
        under = {c for c in below(onto, KGO[cls], RDFS.subClassOf) if c != KGO[cls]}
        expected = {KGO[c] for c in ORG_SUBCLASSES} if cls == "Organization" else set()
        assert under == expected, cls


def test_no_core_relation_turns_into_another(onto: Graph) -> None:
    """With sub-properties and inverses followed, each core relation reaches only itself (+ its inverse)."""
    inverse_of = inverses(onto)
    for rel in CORE_RELATIONS:
        subs = below(onto, KGO[rel], RDFS.subPropertyOf)
        assert subs == {KGO[rel]}, rel
        reached = subs | {i for i, target in inverse_of.items() if target in subs}
        reached |= {target for i, target in inverse_of.items() if i in subs}
        others = {KGO[r] for r in CORE_RELATIONS if r != rel}
        assert not reached & others, rel
    assert inverse_of[KGO.hasMember] == KGO.memberOf
    assert inverse_of[KGO.fundedBy] == KGO.funds
    assert set(inverse_of.values()) <= {KGO[r] for r in CORE_RELATIONS}


@pytest.mark.parametrize(("term", "pred", "external"), [
    (KGO.Organization, RDFS.subClassOf, ORG.Organization),
    (KGO.Organization, RDFS.subClassOf, SCHEMA.Organization),
    (KGO.GovernmentAgency, RDFS.subClassOf, SCHEMA.GovernmentOrganization),
    (KGO.Alliance, RDFS.subClassOf, SCHEMA.Consortium),
    (KGO.Person, RDFS.subClassOf, SCHEMA.Person),
    (KGO.Person, RDFS.subClassOf, PROV.Person),
    (KGO.Place, RDFS.subClassOf, SCHEMA.Place),
    (KGO.Project, RDFS.subClassOf, FOAF.Project),
    (KGO.Funding, RDFS.subClassOf, SCHEMA.MonetaryGrant),
    (KGO.MonetaryAmount, RDFS.subClassOf, SCHEMA.MonetaryAmount),
    (KGO.Document, RDFS.subClassOf, PROV.Entity),
    (KGO.Document, RDFS.subClassOf, SCHEMA.CreativeWork),
    (KGO.Assertion, RDFS.subClassOf, PROV.Entity),
    (KGO.Assertion, RDFS.subClassOf, RDF.Statement),
    (KGO.memberOf, RDFS.subPropertyOf, ORG.memberOf),
    (KGO.headOf, RDFS.subPropertyOf, ORG.headOf),
    (KGO.partOf, RDFS.subPropertyOf, DCTERMS.isPartOf),
    (KGO.locatedIn, RDFS.subPropertyOf, SCHEMA.location),
    (KGO.funder, RDFS.subPropertyOf, SCHEMA.funder),
    (KGO.amount, RDFS.subPropertyOf, SCHEMA.amount),
    (KGO.currency, RDFS.subPropertyOf, SCHEMA.currency),
    (KGO.targetYear, RDFS.seeAlso, URIRef("http://www.w3.org/2006/time#year")),
])
def test_alignment_axiom(onto: Graph, term: URIRef, pred: URIRef, external: URIRef) -> None:
    assert (term, pred, external) in onto


def test_superclasses_helper(onto: Graph) -> None:
    assert superclasses(onto, KGO.Company, namespace=str(KGO)) == [KGO.Organization]
    everything = superclasses(onto, KGO.Company)
    assert everything.index(KGO.Organization) < everything.index(ORG.Organization)  # nearest first
    assert superclasses(onto, KGO.Person, namespace=str(KGO)) == []


def test_ontology_dir_can_be_overridden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(ontology_paths()[0], tmp_path / "kg.ttl")
    (tmp_path / "extra.ttl").write_text(
        "@prefix kgo: <https://w3id.org/kg-builder/ontology#> .\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "kgo:University a owl:Class ; rdfs:subClassOf kgo:Organization .\n")
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(tmp_path))
    assert [p.name for p in ontology_paths()] == ["kg.ttl", "extra.ttl"]
    graph = load_ontology()
    assert superclasses(graph, KGO.University) == [KGO.Organization] + superclasses(graph, KGO.Organization)
    graph.add((KGO.Scratch, RDF.type, OWL.Class))           # a copy: the cache is not touched
    assert (KGO.Scratch, RDF.type, OWL.Class) not in load_ontology()

    (tmp_path / "extra.ttl").write_text("kgo:Broken a \n")
    with pytest.raises(KgError, match="extra.ttl"):
        load_ontology()
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(tmp_path / "missing"))
    with pytest.raises(KgError, match="KG_ONTOLOGY_DIR"):
        onto_mod.ontology_dir()


# ------------------------------------------------------------------ shapes


def test_sample_graph_validates() -> None:
    report = validate(SAMPLE)
    assert report.conforms, report.violations
    assert report.violations == []
    assert report.triples > 300


def test_sample_has_what_the_model_describes(sample: Graph) -> None:
    dataset = read_dataset(SAMPLE)
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert names == {ID["doc/seed-article"], ID["doc/samsung-first-look"]}
    for cls in CORE_CLASSES:
        assert any(sample.subjects(RDF.type, KGO[cls])), cls
    funding = next(sample.subjects(RDF.type, KGO.Funding))
    assert len(list(sample.objects(funding, KGO.amount))) == 2


def _set(graph: Graph, s: URIRef, p: URIRef, o) -> None:
    graph.set((s, p, o))


def _first(graph: Graph, cls: URIRef) -> URIRef:
    return sorted(graph.subjects(RDF.type, cls))[0]


def _amount(graph: Graph, currency: str) -> URIRef:
    return sorted(graph.subjects(KGO.currency, Literal(currency)))[0]


def _assertion(graph: Graph, predicate: URIRef) -> URIRef:
    return sorted(graph.subjects(RDF.predicate, predicate))[0]


SAMSUNG = ID["org/samsung-electronics"]
BREAKAGES: dict[str, tuple[Callable[[Graph], None], str, str]] = {
    # name: (how to break the sample, path of the expected violation, words of its message)
    "funding without amount": (
        lambda g: g.remove((_first(g, KGO.Funding), KGO.amount, None)),
        "kgo:amount", "at least one kgo:amount"),
    "currency in words": (
        lambda g: _set(g, _amount(g, "KRW"), KGO.currency, Literal("won")),
        "kgo:currency", "ISO 4217"),
    "currency not ISO": (
        lambda g: _set(g, _amount(g, "KRW"), KGO.currency, Literal("KRX")),
        "kgo:currency", "not an active ISO 4217"),
    "year as a plain string": (
        lambda g: _set(g, _first(g, KGO.Funding), KGO.year, Literal("2026")), "kgo:year", "xsd:gYear"),
    "target year missing": (
        lambda g: g.remove((_first(g, KGO.Target), KGO.targetYear, None)), "kgo:targetYear", "exactly one"),
    "two labels": (
        lambda g: g.add((SAMSUNG, RDFS.label, Literal("Samsung"))), "rdfs:label", "exactly one rdfs:label"),
    "no label": (
        lambda g: g.remove((ID["place/germany"], RDFS.label, None)), "rdfs:label", "exactly one rdfs:label"),
    "confidence as a double": (
        lambda g: _set(g, SAMSUNG, KGO.confidence, Literal(0.9)), "kgo:confidence", "xsd:decimal"),
    "confidence above one": (
        lambda g: _set(g, SAMSUNG, KGO.confidence, Literal("1.5", datatype=XSD.decimal)),
        "kgo:confidence", "[0, 1]"),
    "entity without document": (
        lambda g: g.remove((ID["place/germany"], PROV.wasDerivedFrom, None)),
        "prov:wasDerivedFrom", "document"),
    "member of a government": (
        lambda g: g.add((SAMSUNG, KGO.memberOf, ID["org/government-of-south-korea"])),
        "kgo:memberOf", "Alliance or kgo:Association"),
    "head of a project": (
        lambda g: g.add((ID["person/chey-tae-won"], KGO.headOf, ID["project/overseas-logistics-hubs"])),
        "kgo:headOf", "must point to a kgo:Organization"),
    "located in an organisation": (
        lambda g: g.add((SAMSUNG, KGO.locatedIn, ID["org/government-of-south-korea"])),
        "kgo:locatedIn", "kgo:Place"),
    "supertype not materialised": (
        lambda g: g.remove((SAMSUNG, RDF.type, KGO.Organization)), "rdf:type", "materialised"),
    "funds shortcut missing": (
        lambda g: g.remove((None, KGO.funds, None)), "", "shortcut triple"),
    "relation without assertion": (
        lambda g: g.remove((_assertion(g, KGO.memberOf), None, None)), "kgo:memberOf", "no kgo:Assertion"),
    "assertion without document": (
        lambda g: g.remove((_assertion(g, KGO.leads), PROV.wasDerivedFrom, None)),
        "prov:wasDerivedFrom", "exactly one kgo:Document"),
    "negative offset": (
        lambda g: _set(g, _assertion(g, KGO.leads), KGO.startChar, Literal(-3)), "kgo:startChar", ">= 0"),
    "role on a membership": (
        lambda g: g.add((_assertion(g, KGO.memberOf), KGO.role, Literal("member"))), "", "headOf assertions"),
    "bad content hash": (
        lambda g: _set(g, ID["doc/seed-article"], KGO.contentHash, Literal("md5:abc")),
        "kgo:contentHash", "sha256"),
    "entity without typing assertion": (
        lambda g: [g.remove((a, None, None)) for a in list(g.subjects(RDF.subject, ID["place/germany"]))
                   if (a, RDF.predicate, RDF.type) in g],
        "", "where this entity's type comes from"),
    "asserted statement missing": (
        lambda g: g.remove((ID["person/chey-tae-won"], KGO.headOf, None)),
        "", "statement is not in the graph"),
    "start offset without end": (
        lambda g: g.remove((_assertion(g, KGO.leads), KGO.endChar, None)), "", "startChar and kgo:endChar"),
    "two stated amounts": (
        lambda g: _set(g, _amount(g, "USD"), KGO.isConversion, Literal(False)),
        "kgo:amount", "exactly one amount as stated"),
    "company as head": (
        lambda g: g.add((SAMSUNG, KGO.headOf, ID["org/korea-chamber-of-commerce-and-industry"])),
        "", "only a kgo:Person"),
    "project part of an organisation": (
        lambda g: g.add((ID["project/overseas-logistics-hubs"], KGO.partOf, SAMSUNG)),
        "", "kgo:partOf links"),
    "amount value as a string": (
        lambda g: _set(g, _amount(g, "USD"), KGO.value, Literal("478 million")),
        "kgo:value", "xsd:decimal"),
}


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_broken_graph_is_reported(sample: Graph, name: str) -> None:
    breaking, path, words = BREAKAGES[name]
    breaking(sample)
    report = validate(sample)
    assert not report.conforms
    assert any((v.path or "") == path and words in v.message for v in report.violations), report.violations


def test_violation_names_the_node_and_the_value(sample: Graph) -> None:
    amount = sorted(sample.subjects(KGO.currency, Literal("KRW")))[0]
    sample.set((amount, KGO.currency, Literal("won")))
    found = [v for v in validate(sample).violations if "ISO 4217" in v.message]
    assert found and all(v.focus_node.startswith("kgr:amount/") and v.value == '"won"' for v in found)
    assert found[0].focus_label == "700 billion KRW"


def test_named_graph_must_be_a_document(tmp_path: Path) -> None:
    dataset = read_dataset(SAMPLE)
    stray = dataset.graph(URIRef("https://example.org/not-a-document"))
    stray.add((SAMSUNG, SKOS.altLabel, Literal("SEC")))
    path = tmp_path / "graph.trig"
    dataset.serialize(path, format="trig")
    report = validate(path)
    assert not report.conforms
    assert [v.focus_node for v in report.violations] == ["<https://example.org/not-a-document>"]


def test_unreadable_graph_is_one_line_error(tmp_path: Path) -> None:
    broken = tmp_path / "graph.trig"
    broken.write_text(SAMPLE.read_text()[:2000])
    with pytest.raises(KgError, match=r"cannot parse .*graph\.trig: ") as info:
        validate(broken)
    assert "\n" not in str(info.value)


def test_dataset_input_equals_file_input() -> None:
    report = validate(read_dataset(SAMPLE))
    assert report.conforms
    assert report.triples == len(union_graph(read_dataset(SAMPLE)))
