"""The embedded Oxigraph store: rebuild (atomic, with the ontology graph), open, query with parameters."""

from __future__ import annotations

import gc
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.rdf.namespaces import ONTOLOGY_GRAPH
from kg.rdf.ontology import ontology_paths
from kg.stores import oxigraph_store as store
from kg.stores.sparql_params import bind_values
from kg.stores.sparql_terms import default_prefixes
from kg.workspace import KgError, Workspace
from tests.fixtures.sparql import SAMPLE_TRIG, make_sample_workspace

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def quads_in(path: Path) -> int:
    return len(set(ox.parse(path=str(path))))


def triples_in(*paths: Path) -> int:
    return len({(q.subject, q.predicate, q.object) for p in paths for q in ox.parse(path=str(p))})


def stored(path: Path, *ontology: Path) -> int:
    """What rebuild_store holds: the named graphs, the ontology graph, and their union once."""
    return quads_in(path) + sum(quads_in(p) for p in ontology) + triples_in(path, *ontology)


def test_rebuild_loads_every_quad_and_the_ontology_graph(tmp_path: Path) -> None:
    ws = Workspace.at(tmp_path / "ws")
    count = store.rebuild_store(ws, SAMPLE_TRIG, ontology_paths())
    ontology_triples = sum(quads_in(p) for p in ontology_paths())
    assert count == stored(SAMPLE_TRIG, *ontology_paths())
    assert store.query(ws, COUNT)[1] == [[quads_in(SAMPLE_TRIG) + ontology_triples]]
    assert store.query(ws, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[1] == [
        [triples_in(SAMPLE_TRIG, *ontology_paths())]]
    cols, rows = store.query(ws, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                             {"g": f"<{ONTOLOGY_GRAPH}>"})
    assert rows == [[ontology_triples]]
    assert store.query(ws, "ASK { GRAPH ?g { kgo:Company rdfs:subClassOf kgo:Organization } }",
                       {"g": f"<{ONTOLOGY_GRAPH}>"})[1] == [[True]]


def test_rebuild_replaces_the_store_and_a_failed_one_keeps_it(tmp_path: Path) -> None:
    ws = make_sample_workspace(tmp_path / "ws")
    before = store.query(ws, COUNT)[1]
    bad = tmp_path / "bad.trig"
    bad.write_text("<https://example.org/g> { <https://example.org/a> <https://example.org/b> ")
    with pytest.raises(KgError, match="cannot load") as err:
        store.rebuild_store(ws, bad, [])
    assert "\n" not in str(err.value)
    assert store.query(ws, COUNT)[1] == before
    assert not [p for p in ws.root.iterdir() if p.name.startswith(".store.") and p.name != ".store.lock"]
    with pytest.raises(KgError, match="does not exist"):
        store.rebuild_store(ws, tmp_path / "missing.trig", [])
    small = tmp_path / "small.trig"
    small.write_text("<https://example.org/g> { <https://example.org/a> <https://example.org/b> 1 . }")
    assert store.rebuild_store(ws, small, []) == 2  # its graph, and the default graph
    assert store.query(ws, COUNT)[1] == [[1]]


def sst_files(store_dir: Path) -> list[str]:
    return sorted(p.name for p in store_dir.glob("*.sst"))


def test_rebuild_leaves_the_store_compacted(tmp_path: Path) -> None:
    """Each bulk load ingests its own SST files (about two dozen on this graph); the store is
    compacted before the swap, so compacting it again rewrites nothing, and it still answers."""
    ws = make_sample_workspace(tmp_path / "ws")
    built = sst_files(ws.store)
    assert 0 < len(built) < 20
    answers = store.query(ws, COUNT)[1], store.query(ws, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[1]
    writer = store.open_store(ws, read_only=False)
    writer.optimize()
    del writer
    gc.collect()
    assert sst_files(ws.store) == built
    reader = store.open_store(ws)  # read-only, as `kg serve` opens it
    assert (store.query(reader, COUNT)[1],
            store.query(reader, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[1]) == answers
    assert answers[0] == [[quads_in(SAMPLE_TRIG) + sum(quads_in(p) for p in ontology_paths())]]


def test_rebuild_refused_while_the_store_is_open_for_writing(tmp_path: Path) -> None:
    ws = make_sample_workspace(tmp_path / "ws")
    writer = store.open_store(ws, read_only=False)
    try:
        with pytest.raises(KgError, match="open read-write"):
            store.rebuild_store(ws, SAMPLE_TRIG, [])
    finally:
        del writer
    assert store.rebuild_store(ws, SAMPLE_TRIG, []) == stored(SAMPLE_TRIG)


def test_open_store_missing(tmp_path: Path) -> None:
    with pytest.raises(KgError, match="no SPARQL store in workspace"):
        store.open_store(Workspace.at(tmp_path / "empty"))
    with pytest.raises(KgError, match="no SPARQL store"):
        store.query(Workspace.at(tmp_path / "empty"), "ASK {}")


def test_default_graph_is_the_union_once(sample_sparql_workspace: Workspace) -> None:
    ws = sample_sparql_workspace
    # Samsung's label is stated in both documents' graphs; the default graph holds it once
    cols, rows = store.query(ws, "SELECT ?g WHERE { GRAPH ?g { ?s rdfs:label ?n } } ORDER BY ?g",
                             {"n": "Samsung Electronics"})
    assert [r[0].rsplit("/", 1)[1] for r in rows] == ["samsung-first-look", "seed-article"]
    assert store.query(ws, "SELECT ?s WHERE { ?s rdfs:label ?n }", {"n": "Samsung Electronics"})[1] == [
        ["https://w3id.org/kg-builder/id/org/samsung-electronics"]]
    per_graph = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
    assert store.query(ws, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[1] == store.query(ws, per_graph)[1]


def test_values_are_typed(sample_sparql_workspace: Workspace) -> None:
    cols, rows = store.query(sample_sparql_workspace, """
        SELECT ?value ?year ?conv ?date WHERE {
          ?f kgo:year ?year ; kgo:amount ?a .
          ?a kgo:value ?value ; kgo:currency "USD" ; kgo:isConversion ?conv .
          ?d kgo:contentHash ?h ; dcterms:date ?date .
        } ORDER BY ?date LIMIT 1""")
    assert cols == ["value", "year", "conv", "date"]
    assert rows == [[478000000.0, 2026, True, "2025-12-24"]]


def test_parameters_substituted_or_bound(sample_sparql_workspace: Workspace) -> None:
    ws = sample_sparql_workspace
    projected = "SELECT DISTINCT ?s ?name WHERE { ?s rdfs:label ?name }"
    assert store.query(ws, projected, {"name": "Rainbow Robotics"})[1] == [
        ["https://w3id.org/kg-builder/id/org/rainbow-robotics", "Rainbow Robotics"]]
    hidden = ("SELECT DISTINCT ?t WHERE { ?t kgo:targetYear ?y FILTER(xsd:integer(STR(?y)) < ?before) }"
              " ORDER BY ?t")
    due = store.query(ws, hidden, {"before": 2028})[1]
    assert [r[0].rsplit("/", 1)[1] for r in due] == ["ai-living-2027"]
    hostile = '"} ; DROP ALL #'
    assert store.query(ws, projected, {"name": hostile})[1] == []
    assert store.query(ws, "SELECT ?s WHERE { ?s ?p ?o }", {"s": "<https://example.org/none>"})[1] == []
    with pytest.raises(KgError, match="invalid IRI"):
        store.query(ws, "SELECT ?p WHERE { ?s ?p ?o }", {"s": "<a b>"})
    with pytest.raises(KgError, match="invalid parameter name"):
        store.query(ws, "SELECT ?p WHERE { ?s ?p ?o }", {"bad name": 1})


def test_a_list_parameter_binds_each_value(sample_sparql_workspace: Workspace) -> None:
    cols, rows = store.query(sample_sparql_workspace, "SELECT ?s WHERE { ?s rdfs:label ?n } ORDER BY ?s",
                             {"n": ["LG Electronics", "Rainbow Robotics", "nobody"]})
    assert [r[0].rsplit("/", 1)[1] for r in rows] == ["lg-electronics", "rainbow-robotics"]


def test_bad_queries_are_one_line_errors(sample_sparql_workspace: Workspace) -> None:
    with pytest.raises(KgError, match="invalid SPARQL query") as err:
        store.query(sample_sparql_workspace, "SELECT WHERE {")
    assert "\n" not in str(err.value)
    with pytest.raises(KgError, match="invalid SPARQL query"):  # the store is opened read-only
        store.query(sample_sparql_workspace, "INSERT DATA { <http://a> <http://b> <http://c> }")


@pytest.mark.parametrize("query", [
    "SELECT ?s WHERE { ?s rdfs:label ?n }",
    "PREFIX ex: <http://example.org/a#b(c)>\n# a { comment }\nSELECT (CONCAT('{', ?n) AS ?x) ?s\n"
    "WHERE { ?s rdfs:label ?n }",
    'CONSTRUCT { ?s <http://example.org/p> "}{" } WHERE { ?s rdfs:label ?n }',
    "ASK { ?s rdfs:label ?n }",
    'SELECT ?s { ?s rdfs:label ?n FILTER(?n != """}""") }',
])
def test_values_block_lands_in_the_where_group(sample_sparql_workspace: Workspace, query: str) -> None:
    bound = bind_values(query, {"n": "LG Electronics"})
    head, _, tail = bound.partition('VALUES (?n) { ("LG Electronics") }')
    assert tail and head.rstrip().endswith("{")
    ox.Store().query(bound, prefixes=default_prefixes())  # parses
    cols, rows = store.query(sample_sparql_workspace, query, {"n": "LG Electronics"})
    if cols == ["ask"]:
        assert rows == [[True]]
    else:
        assert rows and all("lg-electronics" in str(r) for r in rows)


def test_values_needs_a_where_group() -> None:
    with pytest.raises(KgError, match="no WHERE clause"):
        bind_values("DESCRIBE <http://example.org/a>", {"n": 1})
    with pytest.raises(KgError, match="short CONSTRUCT WHERE"):
        bind_values("CONSTRUCT WHERE { ?s ?p ?n }", {"n": 1})


MARKED = """SELECT ?s ?n WHERE {
  {
    {
      #@parameters
      FILTER(BOUND(?n))
    }
    ?s rdfs:label ?n .
  } UNION {
    {
      #@parameters
      FILTER(!BOUND(?n))
    }
    ?s a kgo:Company ; rdfs:label ?n .
  }
} ORDER BY ?s"""


def test_parameters_bound_again_at_each_mark(sample_sparql_workspace: Workspace) -> None:
    """`#@parameters` repeats the VALUES block on the next line (not in the comment), and makes the
    embedded store bind with VALUES too; a branch guarded by BOUND then applies to one form only."""
    bound = bind_values(MARKED, {"n": "LG Electronics"})
    assert bound.count('VALUES (?n) { ("LG Electronics") }') == 3
    assert '#@parameters\nVALUES (?n) { ("LG Electronics") }' in bound
    assert bind_values(MARKED, {}) == MARKED
    ox.Store().query(bound, prefixes=default_prefixes())  # parses
    _, one = store.query(sample_sparql_workspace, MARKED, {"n": "LG Electronics"})
    assert [r[0].rsplit("/", 1)[1] for r in one] == ["lg-electronics"]
    _, every = store.query(sample_sparql_workspace, MARKED)
    _, companies = store.query(sample_sparql_workspace,
                               "SELECT ?s ?n WHERE { ?s a kgo:Company ; rdfs:label ?n } ORDER BY ?s")
    assert every == companies and len(every) > 1
