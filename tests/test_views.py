"""The networkx view and what is made from it (tables, pictures, analytics), on the seed build.

What the view says is checked against the RDF it was read from (queried independently with
rdflib), against the cleaned text the offsets point into, and, for the shortest paths and the
Neo4j subgraph, against the same questions asked of the real SPARQL endpoint and Neo4j server.
Small hand-written graphs pin down the cases the seed does not have (inverse properties,
conversions implied by another funding, communities).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from kg.model import RELATION_TYPES, DocumentExtraction
from kg.rdf.graphfile import read_dataset, union_graph
from kg.rdf.namespaces import KGO
from kg.views import analytics, charts, draw, tables
from kg.views.networkx import most_specific_type, to_networkx
from kg.workspace import KgError, Workspace

ENTITY_CLASSES = ("Organization", "Person", "Place", "Project", "Target")
PREFIXES = """
@prefix kgo: <https://w3id.org/kg-builder/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


@pytest.fixture(scope="module")
def seed_graph(seed_workspace: Workspace) -> nx.MultiDiGraph:
    return to_networkx(seed_workspace)


@pytest.fixture(scope="module")
def seed_rdf(seed_workspace: Workspace) -> Graph:
    return union_graph(read_dataset(seed_workspace.require_graph()))


def small_graph(turtle: str) -> Graph:
    """A graph from Turtle written with `kgr:kind/slug` names (made full IRIs: '/' is not Turtle)."""
    text = re.sub(r"kgr:([\w/]+)", r"<https://w3id.org/kg-builder/id/\1>", turtle)
    return Graph().parse(data=PREFIXES + text, format="turtle")


# --- the view against the RDF -------------------------------------------------------------------


def test_nodes_are_the_entities_of_the_rdf(seed_graph: nx.MultiDiGraph, seed_rdf: Graph) -> None:
    entities = {str(s) for c in ENTITY_CLASSES for s in seed_rdf.subjects(RDF.type, KGO[c])}
    assert entities and set(seed_graph.nodes) == entities
    for n, d in seed_graph.nodes(data=True):
        classes = {str(c).rsplit("#", 1)[-1] for c in seed_rdf.objects(URIRef(n), RDF.type)}
        assert d["iri"] == n and d["name"] and d["type"] in classes
        assert d["documents"], f"{d['name']} has no document"
        if classes & {"GovernmentAgency", "Company", "Alliance", "Association"}:
            assert d["type"] != "Organization"      # the most specific type, not the superclass
    assert most_specific_type(["Organization", "Company"]) == "Company"


def test_edges_are_the_core_relations_of_the_rdf(seed_graph: nx.MultiDiGraph, seed_rdf: Graph) -> None:
    expected = {(str(s), p, str(o)) for p in RELATION_TYPES for s, o in seed_rdf.subject_objects(KGO[p])}
    found = {(u, k, v) for u, v, k in seed_graph.edges(keys=True)}
    assert expected and found == expected
    assert all(d["relation"] == k for _, _, k, d in seed_graph.edges(keys=True, data=True))


def test_provenance_offsets_point_at_the_sentences(seed_graph: nx.MultiDiGraph,
                                                    seed_workspace: Workspace) -> None:
    text_of_source = {}                             # the cleaned text the offsets refer to, by source
    for path in seed_workspace.extractions.glob("*.json"):
        document = DocumentExtraction.from_json(json.loads(path.read_text("utf-8"))).document
        text_of_source[document.source] = document.text
    sources = {iri: info["source"] for iri, info in seed_graph.graph["documents"].items()}
    checked = 0
    for _, _, d in seed_graph.edges(data=True):
        assert d["documents"] and d["evidence"], "an edge without provenance"
        assert 0.0 <= d["confidence"] <= 1.0
        for ev in d["evidence"]:
            text = text_of_source[sources[ev["document"]]]
            assert text[ev["start"]:ev["end"]] == ev["sentence"]
            checked += 1
    assert checked >= seed_graph.number_of_edges()


def test_roles_come_from_the_assertions(seed_graph: nx.MultiDiGraph, seed_rdf: Graph) -> None:
    stated = {(str(seed_rdf.value(a, RDF.subject)), str(seed_rdf.value(a, RDF.object)), str(role))
              for a, role in seed_rdf.subject_objects(KGO.role)}
    found = {(u, v, r) for u, v, k, d in seed_graph.edges(keys=True, data=True) for r in d["roles"]}
    assert found == stated


def test_fundings_ride_on_the_funds_edges(seed_graph: nx.MultiDiGraph, seed_rdf: Graph) -> None:
    fundings = list(seed_rdf.subjects(RDF.type, KGO.Funding))
    assert fundings and len(seed_graph.graph["fundings"]) == len(fundings)
    for f in fundings:
        stated = [a for a in seed_rdf.objects(f, KGO.amount)
                  if not seed_rdf.value(a, KGO.isConversion).toPython()]
        for funder in seed_rdf.objects(f, KGO.funder):
            for project in seed_rdf.objects(f, KGO.fundedProject):
                edge = seed_graph.edges[str(funder), str(project), "funds"]
                assert str(f) in {x["iri"] for x in edge["fundings"]}
                if len(edge["fundings"]) == 1:
                    assert edge["amount"] == float(seed_rdf.value(stated[0], KGO.value).toPython())
                    assert edge["currency"] == str(seed_rdf.value(stated[0], KGO.currency))


def test_include_fundings_adds_funding_nodes(seed_workspace: Workspace, seed_rdf: Graph) -> None:
    G = to_networkx(seed_workspace, include_fundings=True)
    funding_nodes = {n for n, d in G.nodes(data=True) if d["type"] == "Funding"}
    assert funding_nodes == {str(f) for f in seed_rdf.subjects(RDF.type, KGO.Funding)}
    for f in funding_nodes:
        assert {k for _, _, k in G.out_edges(f, keys=True)} == {"funder", "fundedProject"}
        assert G.nodes[f]["amounts"]
    assert tables.entities_table(G)["type"].ne("Funding").all()


def test_every_source_gives_the_same_view(seed_workspace: Workspace, seed_graph: nx.MultiDiGraph) -> None:
    dataset: Dataset = read_dataset(seed_workspace.graph_trig)
    for source in (dataset, union_graph(dataset), seed_workspace.graph_trig, str(seed_workspace.graph_ttl)):
        G = to_networkx(source)
        assert set(G.nodes) == set(seed_graph.nodes)
        assert set(G.edges(keys=True)) == set(seed_graph.edges(keys=True))


def test_an_empty_workspace_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(KgError, match="kg build"):
        to_networkx(Workspace.at(tmp_path))
    with pytest.raises(KgError, match="cannot make a graph view"):
        to_networkx(42)  # type: ignore[arg-type]


def test_inverse_properties_are_turned_around() -> None:
    G = to_networkx(small_graph("""
        kgr:org/a a kgo:Alliance, kgo:Organization ; rdfs:label "A" ; kgo:hasMember kgr:org/b .
        kgr:org/b a kgo:Company, kgo:Organization ; rdfs:label "B" .
        kgr:project/p a kgo:Project ; rdfs:label "P" ; kgo:fundedBy kgr:org/b .
    """))
    assert set(G.edges(keys=True)) == {("https://w3id.org/kg-builder/id/org/b",
                                        "https://w3id.org/kg-builder/id/org/a", "memberOf"),
                                       ("https://w3id.org/kg-builder/id/org/b",
                                        "https://w3id.org/kg-builder/id/project/p", "funds")}
    assert G.nodes["https://w3id.org/kg-builder/id/org/a"]["type"] == "Alliance"


# --- tables ------------------------------------------------------------------------------------


def test_entity_and_relation_tables(seed_graph: nx.MultiDiGraph) -> None:
    entities = tables.entities_table(seed_graph)
    assert len(entities) == seed_graph.number_of_nodes()
    assert set(entities["name"]) == {d["name"] for _, d in seed_graph.nodes(data=True)}
    relations = tables.relations_table(seed_graph)
    assert len(relations) == sum(len(d["evidence"]) for _, _, d in seed_graph.edges(data=True))
    assert relations["sentence"].str.len().gt(0).all()
    assert set(relations["relation"]) <= set(RELATION_TYPES)


FUNDINGS = """
kgr:org/gov a kgo:GovernmentAgency, kgo:Organization ; rdfs:label "Gov" .
kgr:project/x a kgo:Project ; rdfs:label "X" .
kgr:project/y a kgo:Project ; rdfs:label "Y" .
kgr:project/z a kgo:Project ; rdfs:label "Z" .
kgr:org/gov kgo:funds kgr:project/x, kgr:project/y, kgr:project/z .
kgr:funding/1 a kgo:Funding ; rdfs:label "f1" ; kgo:funder kgr:org/gov ; kgo:fundedProject kgr:project/x ;
    kgo:year "2026"^^xsd:gYear ; kgo:amount kgr:amount/1a, kgr:amount/1b .
kgr:amount/1a a kgo:MonetaryAmount ; kgo:value 700000000000.0 ; kgo:currency "KRW" ; kgo:isConversion false .
kgr:amount/1b a kgo:MonetaryAmount ; kgo:value 478000000.0 ; kgo:currency "USD" ; kgo:isConversion true .
kgr:funding/2 a kgo:Funding ; rdfs:label "f2" ; kgo:funder kgr:org/gov ; kgo:fundedProject kgr:project/y ;
    kgo:amount kgr:amount/2a .
kgr:amount/2a a kgo:MonetaryAmount ; kgo:value 100000000000.0 ; kgo:currency "KRW" ; kgo:isConversion false .
kgr:funding/3 a kgo:Funding ; rdfs:label "f3" ; kgo:funder kgr:org/gov ; kgo:fundedProject kgr:project/z ;
    kgo:amount kgr:amount/3a .
kgr:amount/3a a kgo:MonetaryAmount ; kgo:value 5000000.0 ; kgo:currency "EUR" ; kgo:isConversion false .
"""


def test_fundings_are_normalised_only_where_a_conversion_is_stated() -> None:
    G = to_networkx(small_graph(FUNDINGS))
    df = tables.fundings_table(G, "USD").set_index("project")
    assert df.loc["X", "value"] == pytest.approx(478e6) and df.loc["X", "basis"] == "stated conversion"
    assert df.loc["X", "year"] == 2026
    assert df.loc["Y", "value"] == pytest.approx(100e9 * 478e6 / 700e9)
    assert df.loc["Y", "basis"] == "implied rate"
    assert math.isnan(df.loc["Z", "value"]) and df.loc["Z", "basis"] == ""     # no EUR->USD statement
    strict = tables.fundings_table(G, "USD", implied_rates=False).set_index("project")
    assert math.isnan(strict.loc["Y", "value"])
    krw = tables.fundings_table(G, "KRW").set_index("project")
    assert krw.loc["Y", "value"] == 100e9 and krw.loc["Y", "basis"] == "stated"


def test_targets_table_and_chains(seed_graph: nx.MultiDiGraph) -> None:
    targets = tables.targets_table(seed_graph)
    assert len(targets) == sum(1 for _, d in seed_graph.nodes(data=True) if d["type"] == "Target")
    years = [y for y in targets["year"] if y is not None and y == y]
    assert years == sorted(years)
    for row in targets.itertuples():
        owners = {seed_graph.nodes[u]["name"] for u, _, k in seed_graph.in_edges(row.iri, keys=True)
                  if k == "hasTarget"}
        assert set(filter(None, row.owners.split("; "))) == owners
    chains = tables.agency_project_targets(seed_graph)
    agencies = {d["name"] for _, d in seed_graph.nodes(data=True) if d["type"] == "GovernmentAgency"}
    assert len(chains) and set(chains["agency"]) <= agencies
    for row in chains.itertuples():
        if row.project and isinstance(row.target, str) and not row.via:  # (an empty target is NaN, and NaN is true)
            projects = [n for n, d in seed_graph.nodes(data=True) if d["name"] == row.project]
            assert row.target in {seed_graph.nodes[v]["name"] for n in projects
                                  for _, v, k in seed_graph.out_edges(n, keys=True) if k == "hasTarget"}


# --- pictures ----------------------------------------------------------------------------------


def test_drawing_is_deterministic_and_labels_do_not_overlap(seed_graph: nx.MultiDiGraph,
                                                             tmp_path: Path) -> None:
    view = draw.core_view(seed_graph)
    assert all(view.degree(n) > 0 for n in view)
    pos = draw.layout_positions(view)
    shuffled = nx.MultiDiGraph()
    shuffled.add_nodes_from(sorted(view.nodes(data=True), reverse=True))
    shuffled.add_edges_from(sorted(view.edges(keys=True, data=True), key=lambda e: e[:3], reverse=True))
    assert draw.layout_positions(shuffled) == pos
    style = draw.Style()
    degree = dict(view.degree())
    boxes = {n: draw._box(view, n, style, degree[n]) for n in view}
    nodes = sorted(view)
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            (xa, ya), (xb, yb) = pos[a], pos[b]
            dx = abs(xa - xb)
            dy = abs((ya - boxes[a][2]) - (yb - boxes[b][2]))
            assert dx >= (boxes[a][0] + boxes[b][0]) / 2 or dy >= (boxes[a][1] + boxes[b][1]) / 2, (a, b)
    fig = draw.draw_graph(view, tmp_path / "graph.png", title="seed")
    assert (tmp_path / "graph.png").stat().st_size > 20_000
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert set(legend) == {d["type"] for _, d in view.nodes(data=True)}
    layered = draw.draw_graph(view, tmp_path / "layered.png", layout="layered")
    assert layered is not fig and (tmp_path / "layered.png").is_file()


def test_charts_are_saved(seed_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    charts.funding_chart(tables.fundings_table(seed_graph), tmp_path / "fundings.png")
    charts.target_timeline(tables.targets_table(seed_graph), tmp_path / "targets.png")
    assert (tmp_path / "fundings.png").stat().st_size > 5_000
    assert (tmp_path / "targets.png").stat().st_size > 5_000


def test_entity_html_highlights_the_core_types() -> None:
    spacy = pytest.importorskip("spacy")
    from kg.views.text import entity_html

    doc = spacy.blank("en")("Samsung Electronics joined the alliance.")
    doc.ents = [doc.char_span(0, 19, label="Company")]
    html = entity_html(doc)
    assert "Samsung Electronics" in html and "Company" in html


# --- analytics ---------------------------------------------------------------------------------

TWO_GROUPS = """
kgr:org/gov a kgo:GovernmentAgency ; rdfs:label "Gov" .
kgr:project/p a kgo:Project ; rdfs:label "P" .
kgr:org/all a kgo:Alliance ; rdfs:label "All" .
kgr:org/c1 a kgo:Company ; rdfs:label "C1" . kgr:org/c2 a kgo:Company ; rdfs:label "C2" .
kgr:org/c3 a kgo:Company ; rdfs:label "C3" .
kgr:project/q a kgo:Project ; rdfs:label "Q" . kgr:project/r a kgo:Project ; rdfs:label "R" .
kgr:target/t a kgo:Target ; rdfs:label "T" .
kgr:org/gov kgo:funds kgr:project/p ; kgo:announces kgr:project/q, kgr:project/r ;
    kgo:hasTarget kgr:target/t .
kgr:project/q kgo:partOf kgr:project/p . kgr:project/r kgo:partOf kgr:project/p .
kgr:org/all kgo:leads kgr:project/p .
kgr:org/c1 kgo:memberOf kgr:org/all . kgr:org/c2 kgo:memberOf kgr:org/all .
kgr:org/c3 kgo:memberOf kgr:org/all .
kgr:org/c1 kgo:partOf kgr:org/c2 .
kgr:org/c3 kgo:hasTarget kgr:target/t .
"""


def test_analytics_on_a_known_graph() -> None:
    G = to_networkx(small_graph(TWO_GROUPS))
    central = analytics.centrality(G).set_index("name")
    assert set(central.index) == {"Gov", "All", "C1", "C2", "C3"}
    assert central["betweenness"].idxmax() == "All"            # every company reaches the rest through it
    assert central.loc["All", "degree"] == 4
    groups = analytics.communities(G)
    by_name = dict(zip(groups["name"], groups["community"], strict=True))
    assert by_name["Gov"] == by_name["Q"] == by_name["R"] == by_name["P"]
    assert by_name["C1"] == by_name["C2"] == by_name["C3"] == by_name["All"] != by_name["Gov"]
    assert "T" not in by_name                                     # hasTarget is left out
    assert analytics.modularity(G, groups) > 0.2
    paths = analytics.shortest_paths(G)
    assert set(paths["company"]) == {"C1", "C2", "C3"} and set(paths["hops"]) == {3}
    assert "Gov > P > All > C3" in set(paths["path"])           # not Gov > T > C3: hasTarget is left out
    assert set(analytics.path_subgraph(G, paths).nodes) == {
        n for n, d in G.nodes(data=True) if d["name"] in {"Gov", "P", "All", "C1", "C2", "C3"}}


def _rows(columns: list[str], rows: Any, keep: list[str]) -> set[tuple[Any, ...]]:
    idx = [columns.index(c) for c in keep]
    return {tuple(int(r[i]) if isinstance(r[i], float) else r[i] for i in idx) for r in rows}


@pytest.mark.sparql
def test_shortest_paths_agree_with_the_sparql_library(seed_workspace: Workspace, sparql_workspace: Workspace,
                                                       sparql_endpoint: Any) -> None:
    from kg.stores import sparql_library

    columns, rows = sparql_library.run_query(sparql_endpoint, "agency_to_company_paths")
    paths = analytics.shortest_paths(to_networkx(sparql_workspace))
    keep = ["agency", "company", "hops", "path"]
    assert _rows(list(paths.columns), paths.itertuples(index=False), keep) == _rows(columns, rows, keep)


@pytest.mark.neo4j
def test_neo4j_paths_and_subgraph_match_the_view(seed_workspace: Workspace, seed_graph: nx.MultiDiGraph,
                                                 neo4j_driver: Any) -> None:
    from kg.stores import cypher_library
    from kg.stores.neo4j_loader import load_workspace
    from kg.views.interactive import names_in_rows, neo4j_subgraph, to_visualization

    load_workspace(neo4j_driver, seed_workspace)
    result = cypher_library.run_query(neo4j_driver, "agency_to_company_paths")
    paths = analytics.shortest_paths(seed_graph)
    keep = ["agency", "company", "hops", "path"]
    assert _rows(list(paths.columns), paths.itertuples(index=False), keep) == \
        _rows(result.columns, result.rows, keep)

    names = names_in_rows(result.columns, result.rows, ["agency", "company", "path"])
    sub = neo4j_subgraph(neo4j_driver, names)
    wanted = {n for n, d in seed_graph.nodes(data=True) if d["name"] in names}
    assert set(sub.nodes) == wanted
    assert set(sub.edges(keys=True)) == set(seed_graph.subgraph(wanted).edges(keys=True))
    assert {d["type"] for _, d in sub.nodes(data=True)} == {seed_graph.nodes[n]["type"] for n in wanted}
    vg = to_visualization(sub)
    assert {n.caption for n in vg.nodes} == set(names) and len(vg.relationships) == sub.number_of_edges()
