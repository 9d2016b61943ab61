"""The RDF -> Neo4j loader against the real server: mapping, idempotence, updates, removal, odd names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import neo4j
import pyoxigraph as ox
import pytest
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from typer.testing import CliRunner

from kg.cli import app
from kg.rdf.namespaces import KGO
from kg.rdf.ontology import load_ontology
from kg.stores.neo4j_loader import count_graph, load_trig, load_workspace, remove_document
from kg.stores.neo4j_mapping import load_mapping, mapping_from_graph, upper_snake
from kg.stores.neo4j_rows import read_trig
from kg.workspace import KgError, Workspace

DATA = Path(__file__).parent / "data" / "neo4j"
TWO_DOCS = DATA / "two_docs.trig"
KGR = "https://w3id.org/kg-builder/id/"
ALPHA, BETA = KGR + "doc/alpha", KGR + "doc/beta"
SAMSUNG, LG, ALLIANCE, ACME = (KGR + "org/samsung-electronics", KGR + "org/lg-electronics",
                               KGR + "org/manufacturing-ax-alliance", KGR + "org/acme-quoted")


def snapshot(driver: neo4j.Driver) -> tuple[list[Any], list[Any]]:
    """Every node and relationship with labels, type and properties, in a stable order."""
    with driver.session() as s:
        nodes = sorted((r["iri"], r["labels"], repr(sorted(r["props"].items()))) for r in s.run(
            "MATCH (n) RETURN n.iri AS iri, labels(n) AS labels, properties(n) AS props"))
        rels = sorted((r["a"], r["t"], r["b"], repr(sorted(r["props"].items()))) for r in s.run(
            "MATCH (a)-[r]->(b) RETURN a.iri AS a, type(r) AS t, b.iri AS b, properties(r) AS props"))
    return [(i, sorted(labels), p) for i, labels, p in nodes], rels


def one(driver: neo4j.Driver, query: str, **params: Any) -> Any:
    with driver.session() as s:
        record = s.run(query, params).single()
    return None if record is None else record[0]


def rel(driver: neo4j.Driver, start: str, rel_type: str, end: str) -> dict[str, Any] | None:
    return one(driver, f"MATCH (:Resource {{iri: $a}})-[r:{rel_type}]->(:Resource {{iri: $b}}) "
                       "RETURN properties(r)", a=start, b=end)


def write_trig(quads: set[ox.Quad], path: Path) -> Path:
    ox.serialize(sorted(quads, key=str), path, ox.RdfFormat.TRIG)
    return path


# --- the mapping: derived from the ontology --------------------------------------------------

def test_mapping_follows_the_ontology() -> None:
    mapping = load_mapping()
    assert mapping.labels[str(KGO.Company)] == ("Company", "Organization")
    assert mapping.labels[str(KGO.GovernmentAgency)] == ("GovernmentAgency", "Organization")
    assert str(KGO.Assertion) not in mapping.labels            # provenance, not nodes
    types = {str(p): spec.type for p, spec in mapping.relationships.items()}
    assert types[str(KGO.memberOf)] == "MEMBER_OF"
    assert types[str(KGO.hasTarget)] == "HAS_TARGET"
    assert {types[str(KGO.funder)], types[str(KGO.fundedProject)], types[str(KGO.amount)]} == \
        {"FUNDER", "FUNDED_PROJECT", "AMOUNT"}
    inverse = mapping.relationships[str(KGO.hasMember)]
    assert (inverse.type, inverse.reverse) == ("MEMBER_OF", True)
    kinds = {p.rsplit("#", 1)[1]: spec.kind.value for p, spec in mapping.properties.items()}
    assert kinds["value"] == "float" and kinds["targetYear"] == "year" and kinds["isConversion"] == "bool"
    assert upper_snake("fundedProject") == "FUNDED_PROJECT"


def test_mapping_changes_with_the_ontology() -> None:
    """A class or property added to the ontology is mapped without touching the loader."""
    onto = load_ontology()
    onto.add((KGO.Startup, RDF.type, OWL.Class))
    onto.add((KGO.Startup, RDFS.subClassOf, KGO.Company))
    onto.add((KGO.spunOffFrom, RDF.type, OWL.ObjectProperty))
    onto.add((KGO.employees, RDF.type, OWL.DatatypeProperty))
    onto.add((KGO.employees, RDFS.range, URIRef("http://www.w3.org/2001/XMLSchema#integer")))
    mapping = mapping_from_graph(onto)
    assert mapping.labels[str(KGO.Startup)] == ("Startup", "Company", "Organization")
    assert mapping.relationships[str(KGO.spunOffFrom)].type == "SPUN_OFF_FROM"
    assert mapping.properties[str(KGO.employees)].kind.value == "int"


def test_rows_carry_provenance_not_assertion_nodes() -> None:
    graph = read_trig(TWO_DOCS, load_mapping())
    assert graph.documents == [ALPHA, BETA]
    assert not any("Assertion" in n.labels or "/assertion/" in n.iri for n in graph.nodes)
    member = next(r for r in graph.relationships
                  if (r.type, r.start, r.end) == ("MEMBER_OF", SAMSUNG, ALLIANCE))
    assert member.props["documents"] == [ALPHA, BETA]
    assert len(member.props["sentences"]) == 2 and member.props["confidence"] == 0.8
    # kgo:hasMember in doc beta became LG -MEMBER_OF-> alliance
    assert any((r.type, r.start, r.end) == ("MEMBER_OF", LG, ALLIANCE) for r in graph.relationships)
    assert graph.undeclared == [] and graph.ignored == 0


# --- loading into the real server --------------------------------------------------------------

@pytest.mark.neo4j
def test_load_maps_labels_types_and_values(neo4j_driver: neo4j.Driver) -> None:
    summary = load_trig(neo4j_driver, TWO_DOCS)
    assert (summary.documents, summary.nodes_created, summary.relationships_created) == \
        (2, summary.nodes, summary.relationships)
    assert count_graph(neo4j_driver) == (summary.nodes, summary.relationships)
    assert one(neo4j_driver, "MATCH (n:Company:Organization:Resource {iri: $i}) RETURN n.name", i=SAMSUNG) \
        == "Samsung Electronics"
    assert one(neo4j_driver, "MATCH (n:Assertion) RETURN count(n)") == 0
    constraints = one(neo4j_driver, "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type "
                                    "WHERE type = 'UNIQUENESS' RETURN collect([labelsOrTypes, properties])")
    assert [["Resource"], ["iri"]] in constraints
    target = one(neo4j_driver, "MATCH (t:Target {iri: $i}) RETURN properties(t)",
                 i=KGR + "target/added-value-2032")
    assert target["targetYear"] == 2032 and isinstance(target["targetYear"], int)
    assert target["targetValue"] == 1e14 and target["qualifier"] == "more than"
    amounts = one(neo4j_driver, "MATCH (:Funding)-[:AMOUNT]->(m:MonetaryAmount) "
                                "RETURN collect([m.currency, m.value, m.isConversion])")
    assert sorted(amounts) == [["KRW", 1e11, False], ["USD", 6.8e7, True]]
    doc = one(neo4j_driver, "MATCH (d:Document {iri: $i}) RETURN properties(d)", i=ALPHA)
    assert doc["date"] == neo4j.time.Date(2025, 12, 24) and doc["source"] == "seeds/alpha.txt"
    assert one(neo4j_driver, "MATCH (:Document {iri: $d})-[:MENTIONS]->(n {iri: $i}) RETURN count(*)",
               d=BETA, i=SAMSUNG) == 1
    head = rel(neo4j_driver, KGR + "person/chey-tae-won", "HEAD_OF", KGR + "org/kcci")
    assert head is not None and head["role"] == "chairman" and head["extractorVersion"] == "kg-builder 0.1.0"
    assert head["sentences"] == ["Chey Tae-won, chairman of the KCCI, spoke."]
    assert one(neo4j_driver, "MATCH (:Funding)-[:FUNDER]->(o) RETURN o.name") == "Government of South Korea"


@pytest.mark.neo4j
def test_names_that_break_pasted_cypher_load_intact(neo4j_driver: neo4j.Driver) -> None:
    load_trig(neo4j_driver, TWO_DOCS)
    said = [q for q in ox.parse(path=TWO_DOCS, format=ox.RdfFormat.TRIG) if q.subject == ox.NamedNode(ACME)]
    expected = {q.object.value for q in said if q.predicate.value == str(RDFS.label)}
    alias = {q.object.value for q in said if q.predicate.value == str(SKOS.altLabel)}
    node = one(neo4j_driver, "MATCH (n:Resource {iri: $i}) RETURN properties(n)", i=ACME)
    assert {node["name"]} == expected and '"' in node["name"] and "`" in node["name"] and "{" in node["name"]
    assert set(node["aliases"]) == alias
    assert one(neo4j_driver, "MATCH (n:Company {name: $n}) RETURN n.iri", n=node["name"]) == ACME
    assert count_graph(neo4j_driver)[0] > 1          # the "DETACH DELETE" in the name did nothing


@pytest.mark.neo4j
def test_loading_twice_changes_nothing(neo4j_driver: neo4j.Driver) -> None:
    first = load_trig(neo4j_driver, TWO_DOCS)
    before = snapshot(neo4j_driver)
    second = load_trig(neo4j_driver, TWO_DOCS)
    assert snapshot(neo4j_driver) == before
    assert (second.nodes_created, second.relationships_created, second.nodes_deleted,
            second.relationships_deleted) == (0, 0, 0, 0)
    assert (second.nodes, second.relationships) == (first.nodes, first.relationships)


@pytest.mark.neo4j
def test_loading_a_rebuilt_graph_updates_changed_facts(neo4j_driver: neo4j.Driver, tmp_path: Path) -> None:
    load_trig(neo4j_driver, TWO_DOCS)
    user_rel = "MATCH (a:Resource {iri: $a}), (b:Resource {iri: $b}) CREATE (a)-[:ANALYST_NOTE]->(b)"
    with neo4j_driver.session() as s:           # not the loader's: a sync must leave it alone
        s.run(user_rel, a=SAMSUNG, b=LG).consume()
    quads = set(ox.parse(path=TWO_DOCS, format=ox.RdfFormat.TRIG))
    alpha, beta, kcci, acme = (ox.NamedNode(i) for i in (ALPHA, BETA, KGR + "org/kcci", ACME))
    member, part_of = ox.NamedNode(str(KGO.hasMember)), ox.NamedNode(str(KGO.partOf))
    rdf_type, label = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(RDFS.label))
    quads.remove(ox.Quad(ox.NamedNode(ALLIANCE), member, ox.NamedNode(LG), beta))  # LG no longer a member
    quads.add(ox.Quad(ox.NamedNode(LG), part_of, ox.NamedNode(SAMSUNG), beta))     # ... but a new fact
    quads.remove(ox.Quad(kcci, rdf_type, ox.NamedNode(str(KGO.Association)), alpha))   # reclassified
    quads.add(ox.Quad(kcci, rdf_type, ox.NamedNode(str(KGO.Alliance)), alpha))
    quads = {q for q in quads if not (q.subject == acme and q.predicate == label)}
    quads.add(ox.Quad(acme, label, ox.Literal("Acme Corp"), alpha))
    summary = load_trig(neo4j_driver, write_trig(quads, tmp_path / "graph.trig"))

    assert rel(neo4j_driver, LG, "MEMBER_OF", ALLIANCE) is None
    assert rel(neo4j_driver, LG, "PART_OF", SAMSUNG) is not None
    assert one(neo4j_driver, "MATCH (n {iri: $i}) RETURN labels(n)", i=kcci.value) is not None
    assert sorted(one(neo4j_driver, "MATCH (n {iri: $i}) RETURN labels(n)", i=kcci.value)) == \
        ["Alliance", "Organization", "Resource"]
    assert one(neo4j_driver, "MATCH (n {iri: $i}) RETURN n.name", i=ACME) == "Acme Corp"
    assert summary.relationships_deleted == 1 and summary.relationships_created == 1
    assert one(neo4j_driver, "MATCH ()-[r:ANALYST_NOTE]->() RETURN count(r)") == 1

    quads = {q for q in quads if q.graph_name != beta}              # the whole document is gone
    summary = load_trig(neo4j_driver, write_trig(quads, tmp_path / "graph.trig"))
    assert one(neo4j_driver, "MATCH (n {iri: $i}) RETURN count(n)", i=LG) == 0
    assert one(neo4j_driver, "MATCH (n:Document) RETURN collect(n.iri)") == [ALPHA]
    member = rel(neo4j_driver, SAMSUNG, "MEMBER_OF", ALLIANCE)
    assert member is not None and member["documents"] == [ALPHA] and len(member["sentences"]) == 1
    assert one(neo4j_driver, "MATCH (n {iri: $i}) RETURN n.documents", i=SAMSUNG) == [ALPHA]
    assert count_graph(neo4j_driver) == (summary.nodes, summary.relationships)


@pytest.mark.neo4j
def test_remove_document_keeps_what_another_document_supports(neo4j_driver: neo4j.Driver) -> None:
    loaded = load_trig(neo4j_driver, TWO_DOCS)
    removed = remove_document(neo4j_driver, "beta")
    assert removed.document == BETA
    assert one(neo4j_driver, "MATCH (n:Resource) WHERE n.iri IN $i RETURN count(n)",
               i=[LG, KGR + "place/las-vegas", BETA]) == 0
    member = rel(neo4j_driver, SAMSUNG, "MEMBER_OF", ALLIANCE)
    assert member is not None
    assert member["documents"] == [ALPHA] and "evidenceDocuments" not in member   # one document: no list
    assert member["sentences"] == ["The alliance includes Samsung Electronics."]
    assert one(neo4j_driver, "MATCH (n {iri: $i}) RETURN n.documents", i=SAMSUNG) == [ALPHA]
    nodes, rels = count_graph(neo4j_driver)
    assert nodes == loaded.nodes - removed.nodes_deleted
    assert rels == loaded.relationships - removed.relationships_deleted

    with pytest.raises(KgError, match="no document"):
        remove_document(neo4j_driver, "beta")
    removed = remove_document(neo4j_driver, "seeds/alpha.txt")       # by source path
    assert removed.document == ALPHA and count_graph(neo4j_driver) == (0, 0)

    load_trig(neo4j_driver, TWO_DOCS)                                 # a load brings everything back
    assert count_graph(neo4j_driver) == (loaded.nodes, loaded.relationships)


# --- the seed workspace (built by kg.build) ----------------------------------------------------

@pytest.mark.neo4j
def test_seed_workspace_loads_idempotently(neo4j_driver: neo4j.Driver, seed_workspace: Workspace) -> None:
    summary = load_workspace(neo4j_driver, seed_workspace)
    assert summary.documents >= 1 and summary.nodes > 0 and summary.relationships > 0
    assert summary.undeclared == ()
    assert count_graph(neo4j_driver) == (summary.nodes, summary.relationships)
    assert one(neo4j_driver, "MATCH (n) WHERE n.iri IS NULL OR n.name IS NULL RETURN count(n)") == 0
    assert one(neo4j_driver, "MATCH (n:Assertion) RETURN count(n)") == 0
    # every organisation the text names as an alliance member is linked, with its sentence
    members = one(neo4j_driver,
                  "MATCH (m)-[r:MEMBER_OF]->(a:Alliance) RETURN collect([m.name, a.name, r.sentences])")
    assert any(m == "Samsung Electronics" and "AX" in a and sentences for m, a, sentences in members)
    assert one(neo4j_driver, "MATCH (d:Document)-[:MENTIONS]->(n) RETURN count(DISTINCT n)") > 0
    before = snapshot(neo4j_driver)
    again = load_workspace(neo4j_driver, seed_workspace)
    assert snapshot(neo4j_driver) == before and again.nodes_created == again.relationships_created == 0


# --- the CLI ------------------------------------------------------------------------------------

@pytest.mark.neo4j
def test_cli_load_and_remove(neo4j_driver: neo4j.Driver, neo4j_server: Any, tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / "graph.trig").write_bytes(TWO_DOCS.read_bytes())
    monkeypatch.setenv("NEO4J_URI", neo4j_server.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password)
    runner = CliRunner()
    result = runner.invoke(app, ["load", "--out", str(ws)])
    assert result.exit_code == 0, result.output
    assert "relationships" in result.output and count_graph(neo4j_driver)[0] > 0
    result = runner.invoke(app, ["remove", "beta", "--out", str(ws)])
    assert result.exit_code == 0, result.output
    assert one(neo4j_driver, "MATCH (n {iri: $i}) RETURN count(n)", i=LG) == 0
    result = runner.invoke(app, ["remove", "beta", "--out", str(ws)])
    assert result.exit_code == 1 and "no document" in result.output and "Traceback" not in result.output


def test_cli_load_reports_a_down_server_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "graph.trig").write_bytes(TWO_DOCS.read_bytes())
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")            # nothing listens on the discard port
    monkeypatch.setenv("NEO4J_PASSWORD", "irrelevant-password")
    result = CliRunner().invoke(app, ["load", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip().startswith("error:") and len(result.output.strip().splitlines()) == 1
    result = CliRunner().invoke(app, ["load", "--out", str(tmp_path / "empty")])
    assert result.exit_code == 1 and "kg build" in result.output


def test_bad_trig_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "graph.trig"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(KgError, match="cannot read"):
        read_trig(bad, load_mapping())
