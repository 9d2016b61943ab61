"""The analyst SPARQL library (queries/*.rq) on the seed graph: embedded, over HTTP, and from the CLI."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

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
    assert [(p.name, p.type) for p in load_query("targets_due_by").parameters] == [("year", "integer")]
    assert [(p.name, p.type) for p in load_query("document_facts").parameters] == [("document", "string")]


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
