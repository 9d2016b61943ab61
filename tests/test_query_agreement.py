"""Each library question asked in SPARQL (Oxigraph) and in Cypher (Neo4j) gets the same answer.

For every stem with both queries/NAME.rq and queries/NAME.cypher (without its optional parameters,
and with each of them set to a value of its column), the graph is loaded into the real
Neo4j server (kg.stores.neo4j_loader) and served from the real Oxigraph store; the rows must agree
once numbers are compared as numbers (SPARQL sorts nulls first and Cypher last, so rows are
compared as sorted multisets; each side's own order is checked by the library tests).
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import pytest

from kg.stores import cypher_library, sparql_library
from kg.stores.neo4j_loader import load_workspace
from kg.workspace import Workspace

pytestmark = [pytest.mark.neo4j, pytest.mark.sparql]

QUERIES = sparql_library.QUERIES_DIR
STEMS = sorted(p.stem for p in QUERIES.glob("*.rq") if (QUERIES / f"{p.stem}.cypher").is_file())


def normalise(value: Any) -> Any:
    """Numbers as rounded floats (1e11 == 100000000000), everything else as text or None."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return float(f"{float(value):.12g}") if math.isfinite(float(value)) else float(value)
    return str(value)


def answer(columns: list[str], rows: Any) -> tuple[list[str], Counter[tuple[Any, ...]]]:
    return list(columns), Counter(tuple(normalise(v) for v in row) for row in rows)


def params_for(name: str, ws: Workspace) -> dict[str, Any]:
    if name == "targets_due_by":
        return {"year": 2030}
    if name == "document_facts":
        sources = "SELECT DISTINCT ?src WHERE { ?d a kgo:Document ; dcterms:source ?src }"
        _, docs = sparql_library.execute(ws, sources)
        return {"document": sorted(d[0] for d in docs)[0]}
    return {}


def cases(name: str, ws: Workspace) -> list[dict[str, Any]]:
    """The required parameters alone, then each optional one (and all of them) set to a value
    taken from that answer's column of the same name (the optional parameters filter their column)."""
    base = params_for(name, ws)
    optional = [p.name for p in sparql_library.load_query(name).parameters if p.optional]
    if not optional:
        return [base]
    columns, rows = sparql_library.run_query(ws, name, base)
    first = rows[0] if rows else [None] * len(columns)
    picked = {p: first[columns.index(p)] for p in optional if first[columns.index(p)] is not None}
    return [base, *({**base, p: v} for p, v in picked.items()), {**base, **picked}]


def test_both_libraries_have_the_same_stems() -> None:
    assert {p.stem for p in QUERIES.glob("*.rq")} == {p.stem for p in QUERIES.glob("*.cypher")}
    for stem in STEMS:
        rq, cy = sparql_library.load_query(stem), cypher_library.load_query(stem)
        assert rq.columns == cy.columns, stem
        assert [(p.name, p.type, p.optional) for p in rq.parameters] == \
            [(p.name, p.type, p.optional) for p in cy.params], stem


@pytest.mark.parametrize("workspace", ["sparql_workspace", "sample_sparql_workspace"])
def test_sparql_and_cypher_agree(request: pytest.FixtureRequest, neo4j_driver: Any, workspace: str) -> None:
    ws: Workspace = request.getfixturevalue(workspace)
    load_workspace(neo4j_driver, ws)
    for stem in STEMS:
        for params in cases(stem, ws):
            sparql_cols, sparql_rows = answer(*sparql_library.run_query(ws, stem, params))
            cypher = cypher_library.run_query(neo4j_driver, stem, params)
            cypher_cols, cypher_rows = answer(cypher.columns, cypher.rows)
            assert sparql_cols == cypher_cols, stem
            assert sparql_rows, f"{stem} {params}: no rows to compare"
            only_sparql, only_cypher = sparql_rows - cypher_rows, cypher_rows - sparql_rows
            assert not only_sparql and not only_cypher, (
                f"{stem} {params}: only in SPARQL {sorted(only_sparql, key=str)}; "
                f"only in Cypher {sorted(only_cypher, key=str)}")
