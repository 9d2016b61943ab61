"""The analyst SPARQL library (queries/*.rq) on the seed graph: embedded, over HTTP, and from the CLI."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from kg.stores.oxigraph_store import query
from kg.stores.sparql_library import list_queries, load_query, run_query
from kg.stores.sparql_server import Endpoint
from kg.workspace import KgError, Workspace

SEED_SOURCE = "000_075fe3f23501dc51.txt"
PARAMS: dict[str, dict[str, Any]] = {"targets_due_by": {"year": 2030}}
KG = Path(sys.executable).parent / "kg"


def seed_document(ws: Workspace) -> tuple[str, str]:
    """(IRI, source) of the seed article's document node."""
    _, docs = query(ws, "SELECT DISTINCT ?d ?src WHERE { ?d a kgo:Document ; dcterms:source ?src }")
    matches = [(d, s) for d, s in docs if s.endswith(SEED_SOURCE)]
    assert matches, f"no document with source *{SEED_SOURCE}: {docs}"
    return matches[0]


def params_for(name: str, ws: Workspace) -> dict[str, Any]:
    if name == "document_facts":
        return {"document": seed_document(ws)[1]}
    return PARAMS.get(name, {})


def _key(value: Any) -> tuple[int, Any]:
    return (0, "") if value is None else (1, value)  # SPARQL orders unbound first


def test_library_headers() -> None:
    names = [q.name for q in list_queries()]
    assert names == sorted(["members_of_alliance", "fundings", "targets_due_by", "people_and_roles",
                            "document_facts", "agency_to_company_paths"])
    for q in list_queries():
        assert q.question.endswith("?") or q.question.endswith(".")
        assert q.columns and len(set(q.columns)) == len(q.columns)
    def params(name: str) -> list[tuple[str, str, bool]]:
        return [(p.name, p.type, p.optional) for p in load_query(name).parameters]

    assert params("targets_due_by") == [("year", "integer", False), ("owner", "string", True)]
    assert params("document_facts") == [("document", "string", False)]
    assert params("members_of_alliance") == [("alliance", "string", True), ("member", "string", True)]
    assert params("fundings") == [("funder", "string", True), ("project", "string", True)]
    assert params("people_and_roles") == [("person", "string", True), ("organization", "string", True)]
    assert params("agency_to_company_paths") == [("agency", "string", True), ("company", "string", True)]


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_each_query_runs_ordered_and_deterministic(sparql_workspace: Workspace, name: str) -> None:
    params = params_for(name, sparql_workspace)
    columns, rows = run_query(sparql_workspace, name, params)
    assert tuple(columns) == load_query(name).columns
    assert rows, f"{name} found nothing on the seed graph"
    assert len({tuple(r) for r in rows}) == len(rows)  # DISTINCT
    assert run_query(sparql_workspace, name, params) == (columns, rows)


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_embedded_and_endpoint_agree(sparql_workspace: Workspace, sparql_endpoint: Endpoint,
                                     name: str) -> None:
    params = params_for(name, sparql_workspace)
    assert run_query(sparql_endpoint, name, params) == run_query(sparql_workspace, name, params)
    assert run_query(sparql_endpoint.url, name, params) == run_query(sparql_workspace, name, params)


# (query, parameter) pairs where the parameter keeps the rows whose column of that name holds the value
NARROWING = [("members_of_alliance", "alliance"), ("members_of_alliance", "member"), ("fundings", "funder"),
             ("fundings", "project"), ("people_and_roles", "person"), ("people_and_roles", "organization"),
             ("targets_due_by", "owner"), ("agency_to_company_paths", "agency"),
             ("agency_to_company_paths", "company")]


@pytest.mark.parametrize(("name", "param"), NARROWING)
def test_a_parameter_narrows_to_its_column(sparql_workspace: Workspace, sparql_endpoint: Endpoint,
                                           name: str, param: str) -> None:
    """Each value of the column, given as the parameter, gives exactly the whole answer's rows with it."""
    base = params_for(name, sparql_workspace)
    columns, whole = run_query(sparql_workspace, name, base)
    i = columns.index(param)
    values = sorted({row[i] for row in whole if row[i] is not None})
    assert values, f"{name}: no {param} on the seed graph"
    for value in values:
        expected = [row for row in whole if row[i] == value]
        assert run_query(sparql_workspace, name, {**base, param: value}) == (columns, expected)
        assert run_query(sparql_endpoint, name, {**base, param: value}) == (columns, expected)
    assert run_query(sparql_workspace, name, {**base, param: "No Such Name"})[1] == []
    assert run_query(sparql_workspace, name, {**base, param: None}) == (columns, whole)  # None: omitted


def ax_alliance(ws: Workspace) -> str:
    names = {a for a, _ in run_query(ws, "members_of_alliance")[1] if "AX" in a}
    assert len(names) == 1, names
    return names.pop()


def test_members_of_one_alliance_and_of_one_member(sparql_workspace: Workspace) -> None:
    alliance = ax_alliance(sparql_workspace)
    _, rows = run_query(sparql_workspace, "members_of_alliance", {"alliance": alliance})
    members = [m for _, m in rows]
    assert {"Samsung Electronics", "LG Electronics"} <= set(members) and members == sorted(members)
    _, rows = run_query(sparql_workspace, "members_of_alliance", {"member": "Samsung Electronics"})
    assert [alliance, "Samsung Electronics"] in rows
    assert run_query(sparql_workspace, "members_of_alliance",
                     {"alliance": alliance, "member": "LG Electronics"})[1] == [[alliance, "LG Electronics"]]


def test_fundings_of_one_funder_and_one_project(sparql_workspace: Workspace) -> None:
    _, rows = run_query(sparql_workspace, "fundings", {"funder": "Government of South Korea"})
    assert {r[0] for r in rows} == {"Government of South Korea"}
    f700 = [r for r in rows if r[2:] == [2026, 7e11, 4.78e8]]
    assert len(f700) == 1
    project = f700[0][1]
    assert run_query(sparql_workspace, "fundings", {"project": project})[1] == f700
    assert run_query(sparql_workspace, "fundings", {"funder": "Samsung Electronics", "project": project})[1] == []


def test_roles_of_one_person_and_of_one_organisation(sparql_workspace: Workspace) -> None:
    _, rows = run_query(sparql_workspace, "people_and_roles", {"person": "Chey Tae-won"})
    assert len(rows) == 1 and rows[0][2] == "Korea Chamber of Commerce and Industry"
    assert (rows[0][1] or "").lower() == "chairman"
    assert run_query(sparql_workspace, "people_and_roles",
                     {"organization": "Korea Chamber of Commerce and Industry"})[1] == rows


def test_targets_of_one_owner(sparql_workspace: Workspace) -> None:
    alliance = ax_alliance(sparql_workspace)
    _, rows = run_query(sparql_workspace, "targets_due_by", {"year": 2030, "owner": alliance})
    assert rows and {r[0] for r in rows} == {alliance} and all(r[2] <= 2030 for r in rows)
    assert any(r[3] == 1e14 and r[4] == "KRW" for r in rows)  # more than 100 trillion won by 2030


def test_targets_of_an_owner_leave_out_unowned_targets() -> None:
    """An unowned target has an empty owner: given an owner, it must not join with that name."""
    store = ox.Store()
    kgo, label = "https://w3id.org/kg-builder/ontology#", ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    owned, unowned, owner = (ox.NamedNode(f"https://example.org/{n}") for n in ("owned", "unowned", "owner"))
    for target, name in ((owned, "owned target"), (unowned, "unowned target")):
        store.add(ox.Quad(target, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                          ox.NamedNode(kgo + "Target")))
        store.add(ox.Quad(target, label, ox.Literal(name)))
        store.add(ox.Quad(target, ox.NamedNode(kgo + "targetYear"),
                          ox.Literal("2030", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYear"))))
    store.add(ox.Quad(owner, label, ox.Literal("Owner")))
    store.add(ox.Quad(owner, ox.NamedNode(kgo + "hasTarget"), owned))
    assert run_query(store, "targets_due_by", {"year": 2030})[1] == [
        ["Owner", "owned target", 2030, None, None], [None, "unowned target", 2030, None, None]]
    assert run_query(store, "targets_due_by", {"year": 2030, "owner": "Owner"})[1] == [
        ["Owner", "owned target", 2030, None, None]]
    assert run_query(store, "targets_due_by", {"year": 2030, "owner": "Nobody"})[1] == []


def test_paths_from_one_agency(sparql_workspace: Workspace) -> None:
    gov = "Government of South Korea"
    _, rows = run_query(sparql_workspace, "agency_to_company_paths", {"agency": gov})
    assert rows and {r[0] for r in rows} == {gov}
    assert "Samsung Electronics" in {r[1] for r in rows}
    pair = run_query(sparql_workspace, "agency_to_company_paths", {"agency": gov, "company": "Samsung Electronics"})
    assert pair[1] == [r for r in rows if r[1] == "Samsung Electronics"]


def test_members_of_alliance(sparql_workspace: Workspace) -> None:
    _, rows = run_query(sparql_workspace, "members_of_alliance")
    assert rows == sorted(rows)
    members = {m for a, m in rows if "AX" in a}
    assert "Samsung Electronics" in members


def test_fundings(sparql_workspace: Workspace) -> None:
    _, rows = run_query(sparql_workspace, "fundings")
    assert rows == sorted(rows, key=lambda r: [_key(v) for v in r])
    gov = [r for r in rows if r[0] == "Government of South Korea"]
    assert [2026, 7e11, 4.78e8] in [[year, krw, usd] for _, _, year, krw, usd in gov]
    for _, _, year, krw, usd in rows:
        assert year is None or isinstance(year, int)
        assert krw is None or isinstance(krw, float) and krw > 0
        assert usd is None or isinstance(usd, float) and usd > 0


@pytest.mark.parametrize("year", [2027, 2029, 2030, 2100])
def test_targets_due_by(sparql_workspace: Workspace, year: int) -> None:
    _, rows = run_query(sparql_workspace, "targets_due_by", {"year": year})
    assert all(due <= year for _, _, due, _, _ in rows)
    assert [r[2] for r in rows] == sorted(r[2] for r in rows)
    later = run_query(sparql_workspace, "targets_due_by", {"year": year + 1})[1]
    assert all(r in later for r in rows)
    if year >= 2030:
        assert any(due == 2030 and value == 10.0 for _, _, due, value, _ in rows)
    else:
        assert all(due < 2030 for _, _, due, _, _ in rows)


def test_targets_due_by_parameters(sparql_workspace: Workspace) -> None:
    assert run_query(sparql_workspace, "targets_due_by", {"year": "2030"}) == \
        run_query(sparql_workspace, "targets_due_by", {"year": 2030})
    with pytest.raises(KgError, match="needs parameter"):
        run_query(sparql_workspace, "targets_due_by")
    with pytest.raises(KgError, match="must be an integer"):
        run_query(sparql_workspace, "targets_due_by", {"year": "soon"})
    with pytest.raises(KgError, match="has no parameter"):
        run_query(sparql_workspace, "targets_due_by", {"year": 2030, "month": 1})
    with pytest.raises(KgError, match="no SPARQL library query"):
        run_query(sparql_workspace, "no_such_query")


def test_people_and_roles(sparql_workspace: Workspace) -> None:
    _, rows = run_query(sparql_workspace, "people_and_roles")
    chey = [r for r in rows if r[0] == "Chey Tae-won"]
    assert chey and chey[0][2] == "Korea Chamber of Commerce and Industry"
    assert "chairman" in (chey[0][1] or "").lower()


def test_document_facts(sparql_workspace: Workspace) -> None:
    iri, source = seed_document(sparql_workspace)
    _, by_source = run_query(sparql_workspace, "document_facts", {"document": source})
    _, by_iri = run_query(sparql_workspace, "document_facts", {"document": iri})
    assert by_source == by_iri and by_source
    assert all(rel.replace("_", "").isalpha() and rel.isupper() for _, rel, _ in by_source)
    assert any(s == "Samsung Electronics" and rel == "MEMBER_OF" for s, rel, _ in by_source)
    assert run_query(sparql_workspace, "document_facts", {"document": "no/such/document.txt"})[1] == []


def test_document_facts_is_per_document(sample_sparql_workspace: Workspace) -> None:
    _, seed = run_query(sample_sparql_workspace, "document_facts",
                        {"document": "seeds/000_075fe3f23501dc51.txt"})
    _, other = run_query(sample_sparql_workspace, "document_facts",
                         {"document": "tests/data/samsung-first-look.txt"})
    assert ["Roh Tae-moon", "HEAD_OF", "Device Experience Division"] in other
    assert ["Roh Tae-moon", "HEAD_OF", "Device Experience Division"] not in seed
    assert ["Samsung Electronics", "MEMBER_OF", "Manufacturing AX Alliance"] in seed
    assert ["Samsung Electronics", "MEMBER_OF", "Manufacturing AX Alliance"] not in other


def test_agency_to_company_paths(sparql_workspace: Workspace) -> None:
    _, rows = run_query(sparql_workspace, "agency_to_company_paths")
    hops_of: dict[tuple[str, str], set[int]] = {}
    for agency, company, hops, path in rows:
        names = path.split(" > ")
        assert names[0] == agency and names[-1] == company
        assert len(names) == hops + 1 and 1 <= hops <= 3
        hops_of.setdefault((agency, company), set()).add(hops)
    assert all(len(h) == 1 for h in hops_of.values())  # only the shortest paths of each pair
    assert ("Government of South Korea", "Samsung Electronics") in hops_of


def test_agency_paths_are_shortest(sample_sparql_workspace: Workspace) -> None:
    _, rows = run_query(sample_sparql_workspace, "agency_to_company_paths")
    by_pair = {(a, c): (h, p) for a, c, h, p in rows}
    assert by_pair[("Government of South Korea", "Samsung Electronics")] == (
        2, "Government of South Korea > AI living products and services > Samsung Electronics")
    assert by_pair[("Government of South Korea", "Rainbow Robotics")][0] == 3
    paths = [p for a, c, h, p in rows
             if a == "Ministry of Trade, Industry and Resources" and c == "Samsung Electronics"]
    assert len(paths) == 2  # two shortest routes, both listed
    _, pair = run_query(sample_sparql_workspace, "agency_to_company_paths",
                        {"agency": "Ministry of Trade, Industry and Resources", "company": "Samsung Electronics"})
    assert [r[3] for r in pair] == sorted(paths)


def test_cli_runs_a_library_query(sparql_workspace: Workspace) -> None:
    result = subprocess.run(
        [str(KG), "query", "sparql", "--name", "targets_due_by", "--param", "year=2030", "--format", "csv",
         "--out", str(sparql_workspace.root)],
        capture_output=True, text=True, timeout=60, env={**os.environ, "COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    table = list(csv.reader(io.StringIO(result.stdout)))
    columns, rows = run_query(sparql_workspace, "targets_due_by", {"year": 2030})
    assert table[0] == columns
    assert len(table) == len(rows) + 1
    assert [r[1] for r in table[1:]] == [r[1] for r in rows]
