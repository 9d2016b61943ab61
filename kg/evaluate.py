"""Score a built graph against hand-annotated gold files (the format of the project's eval gold).

Users measure the extractor on their own annotated articles with `kg eval GOLD...`. Scoring is
document-level and one-to-one: each gold entity matches at most one predicted node (exact name or
alias match; projects and targets by word overlap >= 0.5, targets also by year), so an unmerged
duplicate costs precision. Relations are scored on matched entities; `optional` entities and
`optional_relations` neither earn nor cost.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from kg.model import ENTITY_TYPES, ORG_TYPES, RELATION_TYPES
from kg.rdf.namespaces import KGO
from kg.workspace import KgError

FUZZY = {"Project", "Target"}
_STOP = set(
    ["the", "a", "an", "of", "for", "in", "on", "and", "to", "by", "with", "from", "its", "their", "at", "as", "into"]
)


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"'s\b", "", text.replace("&", " and "))
    return re.sub(r"^the ", "", re.sub(r"[^a-z0-9]+", " ", text).strip())


def _tokens(text: str) -> set[str]:
    return {t for t in norm(text).split() if t not in _STOP}


def name_similarity(a: list[str], b: list[str], fuzzy: bool) -> float:
    if {norm(x) for x in a} & {norm(y) for y in b}:
        return 1.0
    if not fuzzy:
        return 0.0
    best = 0.0
    for x in a:
        for y in b:
            tx, ty = _tokens(x), _tokens(y)
            if tx and ty:
                best = max(best, len(tx & ty) / len(tx | ty))
    return best


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalResult:
    entities: Score
    entities_by_type: dict[str, Score]
    relations: Score
    relations_by_type: dict[str, Score]
    fundings_correct: tuple[int, int]
    targets_correct: tuple[int, int]
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)
    spurious_relations: list[str] = field(default_factory=list)


def _as_set(value) -> set[str]:
    return set(value) if isinstance(value, list) else {value}


def load_gold(paths: list[Path]) -> dict:
    files = sorted(f for p in paths for f in ([p] if p.is_file() else sorted(p.glob("*.json"))))
    if not files:
        raise KgError("no gold files (*.json) in " + ", ".join(map(str, paths)))
    entities: dict[str, dict] = {}
    key_of: dict[tuple[str, str], str] = {}
    relations, optional, fundings = [], [], []
    for path in files:
        try:
            doc = json.loads(path.read_text("utf-8"))
            local: dict[str, str] = {}
            for e in doc["entities"]:
                gid = key_of.setdefault((e["type"], norm(e["name"])), f"{path.stem}:{e['id']}")
                local[e["id"]] = gid
                if gid in entities:
                    entities[gid]["aliases"] |= set(e.get("aliases", []))
                    entities[gid]["optional"] &= bool(e.get("optional", False))
                else:
                    entities[gid] = {**e, "aliases": set(e.get("aliases", [])), "optional": bool(e.get("optional"))}

            def ref(v, local=local):
                return {local[x] for x in _as_set(v)}

            for r in doc.get("relations", []):
                relations.append((ref(r["s"]), r["p"], ref(r["o"])))
            for r in doc.get("optional_relations", []):
                optional.append((ref(r["s"]), r["p"], ref(r["o"])))
            for f in doc.get("fundings", []):
                fundings.append({**f, "funder": local[f["funder"]], "project": local[f["project"]]})
        except (ValueError, KeyError, TypeError, OSError) as exc:
            raise KgError(f"bad gold file {path}: {type(exc).__name__}: {exc}") from None
    unique: list[tuple[set[str], str, set[str]]] = []
    for rel in relations:
        if not any(rel[1] == u[1] and rel[0] & u[0] and rel[2] & u[2] for u in unique):
            unique.append(rel)
    return {"entities": entities, "relations": unique, "optional": optional, "fundings": fundings}


def _first(g: Graph, node, pred):
    return next(iter(g.objects(node, pred)), None)


def _number(value) -> float | None:
    try:
        return float(value.toPython()) if value is not None else None
    except (TypeError, ValueError):
        return None


def predicted(g: Graph) -> tuple[dict, list, list]:
    nodes: dict[URIRef, dict] = {}
    for typ in ENTITY_TYPES:
        for node in g.subjects(RDF.type, KGO[typ]):
            current = nodes.get(node, {}).get("type")
            if current is None or current == "Organization":
                year = _number(_first(g, node, KGO.targetYear))
                nodes[node] = {
                    "type": typ,
                    "names": [str(o) for o in g.objects(node, RDFS.label)]
                    + [str(o) for o in g.objects(node, SKOS.altLabel)],
                    "year": int(year) if year else None,
                    "value": _number(_first(g, node, KGO.targetValue)),
                    "baseline": _number(_first(g, node, KGO.baselineValue)),
                }
    triples = sorted({(s, rel, o) for rel in RELATION_TYPES for s, o in g.subject_objects(KGO[rel])})
    fundings = []
    for f in g.subjects(RDF.type, KGO.Funding):
        values = [
            (_number(_first(g, a, KGO.value)), str(_first(g, a, KGO.currency) or "")) for a in g.objects(f, KGO.amount)
        ]
        year = _number(_first(g, f, KGO.year))
        for funder in g.objects(f, KGO.funder):
            for project in g.objects(f, KGO.fundedProject):
                fundings.append(
                    {"funder": funder, "project": project, "values": values, "year": int(year) if year else None}
                )
    return nodes, triples, fundings


def evaluate(graph: Graph, gold: dict) -> EvalResult:
    nodes, triples, fundings = predicted(graph)
    ents = gold["entities"]
    pairs = []
    for gid, ge in ents.items():
        names = [ge["name"], *ge["aliases"]]
        for node, pe in nodes.items():
            if ge["type"] != pe["type"]:
                continue
            fuzzy = ge["type"] in FUZZY
            score = name_similarity(names, pe["names"], fuzzy)
            if ge["type"] == "Target" and ge.get("year") and pe["year"] and ge["year"] != pe["year"]:
                score = 0.0
            if score >= (0.5 if fuzzy else 1.0):
                pairs.append((score, gid, node))
    pairs.sort(key=lambda x: (-x[0], str(x[1]), str(x[2])))
    g2p: dict[str, URIRef] = {}
    p2g: dict[URIRef, str] = {}
    for _score, gid, node in pairs:
        if gid not in g2p and node not in p2g:
            g2p[gid], p2g[node] = node, gid
    by_type: dict[str, Score] = defaultdict(Score)
    result = EvalResult(Score(), by_type, Score(), defaultdict(Score), (0, 0), (0, 0))
    for gid, ge in ents.items():
        if ge["optional"]:
            continue
        if gid in g2p:
            by_type[ge["type"]].tp += 1
        else:
            by_type[ge["type"]].fn += 1
            result.missed.append(f"{ge['type']}: {ge['name']}")
    for node, pe in nodes.items():
        if node not in p2g:
            by_type[pe["type"]].fp += 1
            result.spurious.append(f"{pe['type']}: {(pe['names'] or [str(node)])[0]}")
    for s in by_type.values():
        result.entities.tp += s.tp
        result.entities.fp += s.fp
        result.entities.fn += s.fn

    def name(n):
        return (nodes[n]["names"] or [str(n)])[0]

    consumed: set[int] = set()
    for s, rel, o in triples:
        if s not in nodes or o not in nodes:
            continue
        gs, go = p2g.get(s), p2g.get(o)
        hit = (
            next((i for i, (ss, pp, oo) in enumerate(gold["relations"]) if pp == rel and gs in ss and go in oo), None)
            if gs and go
            else None
        )
        if hit is not None:
            if hit not in consumed:
                consumed.add(hit)
                result.relations.tp += 1
                result.relations_by_type[rel].tp += 1
            continue
        if gs and go and any(pp == rel and gs in ss and go in oo for ss, pp, oo in gold["optional"]):
            continue
        result.relations.fp += 1
        result.relations_by_type[rel].fp += 1
        result.spurious_relations.append(f"{name(s)} {rel} {name(o)}")
    for i, (ss, pp, oo) in enumerate(gold["relations"]):
        if i not in consumed:
            result.relations.fn += 1
            result.relations_by_type[pp].fn += 1
            result.missed_relations.append(f"{ents[sorted(ss)[0]]['name']} {pp} {ents[sorted(oo)[0]]['name']}")
    ok = 0
    for gf in gold["fundings"]:
        want = [(gf["value"], gf["currency"])] + (
            [(gf["also"]["value"], gf["also"]["currency"])] if "also" in gf else []
        )
        for pf in fundings:
            if pf["funder"] != g2p.get(gf["funder"]) or pf["project"] != g2p.get(gf["project"]):
                continue
            amount_ok = any(
                v is not None and cur.upper() == wc and abs(v - wv) <= 0.02 * wv
                for v, cur in pf["values"]
                for wv, wc in want
            )
            if amount_ok and (not gf.get("year") or pf["year"] == gf["year"]):
                ok += 1
                break
    result.fundings_correct = (ok, len(gold["fundings"]))
    t_ok = t_n = 0
    for gid, ge in ents.items():
        if ge["type"] != "Target" or ge["optional"]:
            continue
        t_n += 1
        node = g2p.get(gid)
        if node is None:
            continue
        pe = nodes[node]
        good = not ge.get("year") or pe["year"] == ge["year"]
        good &= ge.get("value") is None or (
            pe["value"] is not None and abs(pe["value"] - ge["value"]) <= 0.02 * ge["value"]
        )
        good &= ge.get("baseline") is None or pe["baseline"] == ge["baseline"]
        t_ok += good
    result.targets_correct = (t_ok, t_n)
    return result


__all__ = ["EvalResult", "Score", "evaluate", "load_gold", "ORG_TYPES"]
