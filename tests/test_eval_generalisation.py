"""Generalisation guard: the extractor on 15 held-out articles (tests/data/articles), never tuned on.

The gold files (tests/data/gold) are annotated by /work/shared/eval/GUIDELINES.md and scored with the
shared scorer, exactly as the hidden evaluation is. The floors sit a little below what the extractor
scored when they were set, so the test catches regressions; raise them as the extractor improves.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

from kg.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "tests" / "data" / "articles"
GOLD = REPO / "tests" / "data" / "gold"
ONTOLOGY = REPO / "ontology" / "kg.ttl"
SCORER = Path(os.environ.get("KG_SCORER", "/work/shared/eval/kgscore.py"))

# measured when set: entity F1 0.756, relation F1 0.466 (15 articles)
MIN_ENTITY_F1 = 0.72
MIN_RELATION_F1 = 0.43


def _scorer() -> ModuleType:
    if not SCORER.is_file():
        pytest.skip(f"scorer not found at {SCORER} (set KG_SCORER)")
    spec = importlib.util.spec_from_file_location("kgscore", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict:
    from rdflib import Graph

    from kg.build import build

    kgscore = _scorer()
    ws = Workspace.at(tmp_path_factory.mktemp("generalisation-ws"))
    build([ARTICLES], ws)
    gold = kgscore.load_gold(sorted(GOLD.glob("*.json")))
    graph = kgscore.load_graph(ws.graph_ttl)
    onto = Graph()
    onto.parse(ONTOLOGY)
    onto += graph
    nodes, triples, fundings = kgscore.predicted(graph, onto)
    res = kgscore.score(gold, nodes, triples, fundings, strict=True)
    e, r = res["entities"], res["relations"]
    print(f"\nheld-out articles: entity F1 {e['f1']:.3f} (P {e['precision']:.3f} R {e['recall']:.3f}); "
          f"relation F1 {r['f1']:.3f} (P {r['precision']:.3f} R {r['recall']:.3f}); "
          f"fundings {res['fundings_correct']}; targets {res['targets_correct']}")
    return res


def test_every_article_has_gold() -> None:
    articles = {p.stem for p in ARTICLES.glob("*.txt")}
    golds = {p.stem for p in GOLD.glob("*.json")}
    assert articles == golds


def test_entity_f1_floor(result: dict) -> None:
    assert result["entities"]["f1"] >= MIN_ENTITY_F1, result["missed_entities"]


def test_relation_f1_floor(result: dict) -> None:
    assert result["relations"]["f1"] >= MIN_RELATION_F1, result["missed_relations"]
