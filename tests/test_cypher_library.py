"""The Cypher query library (queries/*.cypher) and `kg query cypher`, against the real Neo4j server."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import neo4j
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.stores.cypher_library import QUERIES_DIR, list_queries, load_query, run_cypher, run_query
from kg.stores.neo4j_loader import load_trig, load_workspace
from kg.workspace import KgError, Workspace

TWO_DOCS = Path(__file__).parent / "data" / "neo4j" / "two_docs.trig"
ALLIANCE = "Manufacturing AX (M.AX) Alliance"
ACME = 'Acme "Quoted" {Braces} `Backtick` Co.\'); MATCH (n) DETACH DELETE n //'
GOV = "Government of South Korea"
EXPECTED_NAMES = {"members_of_alliance", "fundings", "targets_due_by", "people_and_roles", "document_facts",
                  "agency_to_company_paths"}


def rq_header(stem: str) -> tuple[list[str], list[str]]:
    """(columns, parameter names) of the SPARQL twin, read from its `#` header."""
    text = (QUERIES_DIR / f"{stem}.rq").read_text(encoding="utf-8")
    columns = re.search(r"^# columns:\s*(.+)$", text, re.M)
    params = re.findall(r"^# parameter:\s*(\w+)", text, re.M)
    assert columns, stem
    return [c.strip() for c in columns.group(1).split(",")], params


@pytest.fixture
def two_docs(neo4j_driver: neo4j.Driver) -> neo4j.Driver:
    load_trig(neo4j_driver, TWO_DOCS)
    return neo4j_driver


def test_library_headers_match_their_sparql_twins() -> None:
    queries = {q.name: q for q in list_queries()}
    assert set(queries) >= EXPECTED_NAMES
    for name, query in queries.items():
        assert query.question and query.columns, name
        if (QUERIES_DIR / f"{name}.rq").is_file():
            columns, params = rq_header(name)
            assert list(query.columns) == columns, name
            assert [p.name for p in query.params] == params, name
    assert [(p.name, p.optional) for p in queries["targets_due_by"].params] == [("year", False), ("owner", True)]


def test_unknown_or_unsafe_names_are_refused() -> None:
    for name in ("nope", "../kg/cli/query", "Fundings"):
        with pytest.raises(KgError, match="no Cypher library query"):
            load_query(name)


@pytest.mark.neo4j
def test_members_of_alliance(two_docs: neo4j.Driver) -> None:
    columns, rows = run_query(two_docs, "members_of_alliance")
    assert columns == ["alliance", "member"]
    assert rows == [(ALLIANCE, ACME), (ALLIANCE, "LG Electronics"), (ALLIANCE, "Samsung Electronics")]


@pytest.mark.neo4j
def test_fundings(two_docs: neo4j.Driver) -> None:
    columns, rows = run_query(two_docs, "fundings")
    assert columns == ["funder", "project", "year", "krw", "usd"]
    assert rows == [(GOV, "AI database for manufacturing", 2030, 1e11, 6.8e7)]


@pytest.mark.neo4j
def test_targets_due_by(two_docs: neo4j.Driver) -> None:
    semis = (ALLIANCE, "10 types of AI semiconductors by 2030", 2030, 10.0, "types of AI semiconductors")
    assert run_query(two_docs, "targets_due_by", {"year": 2029}).rows == []
    assert run_query(two_docs, "targets_due_by", {"year": "2030"}).rows == [semis]     # CLI text is coerced
    rows = run_query(two_docs, "targets_due_by", {"year": 2032}).rows
    assert rows == [semis, (GOV, "more than 100 trillion KRW by 2032", 2032, 1e14, "KRW")]
    with pytest.raises(KgError, match="needs --param year"):
        run_query(two_docs, "targets_due_by")
    with pytest.raises(KgError, match="must be an integer"):
        run_query(two_docs, "targets_due_by", {"year": "soon"})
    with pytest.raises(KgError, match="no parameter"):
        run_query(two_docs, "targets_due_by", {"year": 2030, "yaer": 1})


@pytest.mark.neo4j
def test_people_and_roles(two_docs: neo4j.Driver) -> None:
    assert run_query(two_docs, "people_and_roles").rows == [
        ("Chey Tae-won", "chairman", "Korea Chamber of Commerce and Industry")]


@pytest.mark.neo4j
def test_document_facts(two_docs: neo4j.Driver) -> None:
    beta = [("LG Electronics", "LOCATED_IN", "Las Vegas"), ("LG Electronics", "MEMBER_OF", ALLIANCE),
            ("Samsung Electronics", "MEMBER_OF", ALLIANCE)]
    assert run_query(two_docs, "document_facts", {"document": "seeds/beta.txt"}).rows == beta
    assert run_query(two_docs, "document_facts",
                     {"document": "https://w3id.org/kg-builder/id/doc/beta"}).rows == beta
    alpha = run_query(two_docs, "document_facts", {"document": "seeds/alpha.txt"}).rows
    relations = {r[1] for r in alpha}
    assert {"FUNDS", "FUNDER", "FUNDED_PROJECT", "AMOUNT", "HEAD_OF", "HAS_TARGET", "MEMBER_OF"} <= relations
    assert "MENTIONS" not in relations and ("LG Electronics", "MEMBER_OF", ALLIANCE) not in alpha
    assert run_query(two_docs, "document_facts", {"document": "unknown"}).rows == []


@pytest.mark.neo4j
def test_agency_to_company_paths(two_docs: neo4j.Driver) -> None:
    rows = run_query(two_docs, "agency_to_company_paths").rows
    via = f"{GOV} > AI database for manufacturing > {ALLIANCE} > "
    companies = (ACME, "LG Electronics", "Samsung Electronics")
    assert rows == [(GOV, company, 3, via + company) for company in companies]


@pytest.mark.neo4j
def test_optional_parameters_narrow_the_answer(two_docs: neo4j.Driver) -> None:
    members = [(ALLIANCE, ACME), (ALLIANCE, "LG Electronics"), (ALLIANCE, "Samsung Electronics")]
    assert run_query(two_docs, "members_of_alliance", {"alliance": ALLIANCE}).rows == members
    assert run_query(two_docs, "members_of_alliance", {"member": ACME}).rows == [(ALLIANCE, ACME)]
    assert run_query(two_docs, "members_of_alliance", {"alliance": ALLIANCE, "member": None}).rows == members
    assert run_query(two_docs, "members_of_alliance", {"alliance": "Nope"}).rows == []
    funding = [(GOV, "AI database for manufacturing", 2030, 1e11, 6.8e7)]
    assert run_query(two_docs, "fundings", {"funder": GOV}).rows == funding
    assert run_query(two_docs, "fundings", {"project": "AI database for manufacturing"}).rows == funding
    assert run_query(two_docs, "fundings", {"funder": ALLIANCE}).rows == []
    chey = [("Chey Tae-won", "chairman", "Korea Chamber of Commerce and Industry")]
    assert run_query(two_docs, "people_and_roles", {"person": "Chey Tae-won"}).rows == chey
    assert run_query(two_docs, "people_and_roles", {"organization": GOV}).rows == []
    added_value = (GOV, "more than 100 trillion KRW by 2032", 2032, 1e14, "KRW")
    assert run_query(two_docs, "targets_due_by", {"year": 2032, "owner": GOV}).rows == [added_value]
    assert run_query(two_docs, "targets_due_by", {"year": 2030, "owner": GOV}).rows == []
    path = (GOV, "LG Electronics", 3, f"{GOV} > AI database for manufacturing > {ALLIANCE} > LG Electronics")
    assert run_query(two_docs, "agency_to_company_paths", {"agency": GOV, "company": "LG Electronics"}).rows == [path]
    assert len(run_query(two_docs, "agency_to_company_paths", {"agency": GOV}).rows) == 3
    assert run_query(two_docs, "agency_to_company_paths", {"agency": ALLIANCE}).rows == []


@pytest.mark.neo4j
def test_parameters_never_touch_the_query_text(two_docs: neo4j.Driver) -> None:
    query = "MATCH (n:Company) WHERE n.name = $name RETURN n.name AS name"
    result = run_cypher(two_docs, query, {"name": ACME})
    assert result.rows == [(ACME,)]
    assert run_cypher(two_docs, "MATCH (n) RETURN count(n) AS c").rows[0][0] > 1


@pytest.mark.neo4j
def test_library_on_the_seed_graph(neo4j_driver: neo4j.Driver, seed_workspace: Workspace) -> None:
    """Facts the seed article states, asserted loosely enough to survive extractor changes."""
    load_workspace(neo4j_driver, seed_workspace)
    results: dict[str, Any] = {}
    for query in list_queries():
        params: dict[str, Any] = {}
        if query.name == "targets_due_by":
            params = {"year": 2030}
        elif query.name == "document_facts":
            docs = run_cypher(neo4j_driver, "MATCH (d:Document) RETURN d.iri ORDER BY d.iri LIMIT 1").rows
            params = {"document": docs[0][0]}
        columns, rows = run_query(neo4j_driver, query.name, params)
        assert columns == list(query.columns)
        assert len(set(rows)) == len(rows), query.name          # DISTINCT rows, as the contract says
        results[query.name] = rows

    members = results["members_of_alliance"]
    assert any(m == "Samsung Electronics" and "AX" in a for a, m in members)
    assert {m for _a, m in members} >= {"Samsung Electronics", "LG Electronics"}
    assert any(krw == 7e11 for _f, _p, _y, krw, _u in results["fundings"])
    assert all(isinstance(y, int) for *_r, y, _k, _u in results["fundings"] if y is not None)
    assert results["targets_due_by"] and all(due <= 2030 for _o, _t, due, _v, _u in results["targets_due_by"])
    assert any(person == "Chey Tae-won" for person, _r, _o in results["people_and_roles"])
    assert any(rel == "MEMBER_OF" for _s, rel, _o in results["document_facts"])
    for agency, company, hops, path in results["agency_to_company_paths"]:
        assert 1 <= hops <= 3 and path.startswith(agency) and path.endswith(company)
        assert path.count(" > ") == hops


@pytest.mark.neo4j
def test_cli_query_cypher(two_docs: neo4j.Driver, neo4j_server: Any, monkeypatch: pytest.MonkeyPatch,
                          tmp_path: Path) -> None:
    monkeypatch.setenv("NEO4J_URI", neo4j_server.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password)
    runner = CliRunner()
    out = ["--out", str(tmp_path)]
    result = runner.invoke(app, ["query", "cypher", "--name", "targets_due_by", "--param", "year=2030",
                                 "--format", "json", *out])
    assert result.exit_code == 0, result.output
    assert [row["target"] for row in json.loads(result.stdout)] == ["10 types of AI semiconductors by 2030"]
    result = runner.invoke(app, ["query", "cypher", "MATCH (n:Company {name: $n}) RETURN n.iri AS iri",
                                 "--param", f"n={ACME}", "--format", "csv", *out])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["iri", "https://w3id.org/kg-builder/id/org/acme-quoted"]
    result = runner.invoke(app, ["query", "cypher", "RETURN $x + 1 AS y", "-p", "x=41", "-f", "json", *out])
    assert json.loads(result.stdout) == [{"y": 42}]
    result = runner.invoke(app, ["query", "cypher", "MATCH (n RETURN n", *out])
    assert result.exit_code == 1 and "SyntaxError" in result.output and "Traceback" not in result.output
    result = runner.invoke(app, ["query", "cypher", "--name", "targets_due_by", *out])
    assert result.exit_code == 1 and "needs --param year" in result.output
    result = runner.invoke(app, ["query", "cypher", "--list", *out])
    assert result.exit_code == 0 and "members_of_alliance" in result.output
