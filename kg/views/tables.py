"""pandas tables of a built graph: entities, relations, fundings and targets, each with provenance.

Every function takes what `to_networkx` takes (a Workspace, a graph file, an rdflib Graph) or the
MultiDiGraph it made, so a notebook reads the graph once and makes every table from it.
"""

from __future__ import annotations

import statistics
from typing import Any

import networkx as nx
import pandas as pd

from kg.views.networkx import Source, to_networkx

GraphLike = nx.MultiDiGraph | Source
PROJECT_LINKS = ("announces", "funds", "leads")


def as_graph(source: GraphLike) -> nx.MultiDiGraph:
    return source if isinstance(source, nx.MultiDiGraph) else to_networkx(source)


def _doc_label(G: nx.MultiDiGraph, doc: str) -> str:
    info = G.graph.get("documents", {}).get(doc) or {}
    return str(info.get("source") or info.get("title") or doc)


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)


ENTITY_COLUMNS = ["name", "type", "aliases", "confidence", "documents", "mentions", "sentence", "iri"]


def entities_table(source: GraphLike, types: tuple[str, ...] | None = None) -> pd.DataFrame:
    """One row per entity: canonical name, type, aliases, confidence, where it was stated."""
    G = as_graph(source)
    rows = []
    for _, d in G.nodes(data=True):
        if d.get("type") == "Funding" or (types and d.get("type") not in types):
            continue
        rows.append({
            "name": d["name"], "type": d["type"], "aliases": "; ".join(d.get("aliases") or []),
            "confidence": d.get("confidence"),
            "documents": "; ".join(_doc_label(G, x) for x in d.get("documents") or []),
            "mentions": len(d.get("evidence") or []),
            "sentence": (d.get("sentences") or [""])[0], "iri": d["iri"],
        })
    df = _frame(rows, ENTITY_COLUMNS)
    return df.sort_values(["type", "name"], ignore_index=True)


RELATION_COLUMNS = ["subject", "relation", "object", "role", "confidence", "document", "sentence", "start",
                    "end", "subject_type", "object_type"]


def relations_table(source: GraphLike, relations: tuple[str, ...] | None = None) -> pd.DataFrame:
    """One row per supporting sentence of each relation (a relation without one gets one row)."""
    G = as_graph(source)
    rows = []
    for u, v, rel, d in G.edges(keys=True, data=True):
        if relations and rel not in relations:
            continue
        base = {"subject": G.nodes[u]["name"], "relation": rel, "object": G.nodes[v]["name"],
                "subject_type": G.nodes[u]["type"], "object_type": G.nodes[v]["type"]}
        evidence = d.get("evidence") or [{"document": (d.get("documents") or [""])[0], "sentence": "",
                                          "start": -1, "end": -1, "confidence": d.get("confidence"),
                                          "role": d.get("role")}]
        for ev in evidence:
            rows.append({**base, "role": ev.get("role") or d.get("role"), "confidence": ev.get("confidence"),
                         "document": _doc_label(G, ev["document"]) if ev.get("document") else "",
                         "sentence": ev.get("sentence", ""), "start": ev.get("start"), "end": ev.get("end")})
    df = _frame(rows, RELATION_COLUMNS)
    return df.sort_values(["relation", "subject", "object", "start"], ignore_index=True)


def conversion_rates(fundings: list[dict[str, Any]], currency: str) -> dict[str, float]:
    """Units of `currency` per unit of each other currency, as the articles' own conversions state.

    "700 billion won ($478 million)" gives KRW -> USD 0.000683; several statements give the median.
    """
    seen: dict[str, list[float]] = {}
    for f in fundings:
        stated = [a for a in f["amounts"] if not a["is_conversion"]]
        target = [a for a in f["amounts"] if a["is_conversion"] and a["currency"] == currency]
        for s in stated:
            for t in target:
                if s["currency"] != currency and s["value"]:
                    seen.setdefault(s["currency"], []).append(t["value"] / s["value"])
    return {cur: statistics.median(values) for cur, values in seen.items()}


FUNDING_COLUMNS = ["funder", "project", "year", "stated", "stated_value", "stated_currency", "value",
                   "currency", "basis", "confidence", "document", "sentence", "funding"]


def fundings_table(source: GraphLike, currency: str = "USD", *, implied_rates: bool = True) -> pd.DataFrame:
    """One row per (funding, funder, project), with the amount in `currency` where it can be said.

    `basis` says how `value` was obtained: "stated" (the text gives this currency), "stated
    conversion" (the text converts this very amount, "700 billion won ($478 million)"), "implied
    rate" (another funding's stated conversion gives the rate; only with `implied_rates`), or empty
    when no statement allows it (value is then missing, never guessed).
    """
    G = as_graph(source)
    fundings = G.graph.get("fundings", [])
    rates = conversion_rates(fundings, currency) if implied_rates else {}
    rows = []
    for f in fundings:
        amounts = f["amounts"]
        stated = next((a for a in amounts if not a["is_conversion"]), amounts[0] if amounts else None)
        same = [a for a in amounts if a["currency"] == currency]
        value, basis = None, ""
        if same:
            value, basis = same[0]["value"], "stated conversion" if same[0]["is_conversion"] else "stated"
        elif stated and stated["currency"] in rates:
            value, basis = stated["value"] * rates[stated["currency"]], "implied rate"
        ev = (f.get("evidence") or [{}])[0]
        for funder in f["funders"] or [""]:
            for project in f["projects"] or [""]:
                rows.append({
                    "funder": _name(G, funder), "project": _name(G, project), "year": f.get("year"),
                    "stated": stated["label"] if stated else "",
                    "stated_value": stated["value"] if stated else None,
                    "stated_currency": stated["currency"] if stated else None,
                    "value": value, "currency": currency, "basis": basis, "confidence": f.get("confidence"),
                    "document": "; ".join(_doc_label(G, x) for x in f.get("documents") or []),
                    "sentence": ev.get("sentence", ""), "funding": f["iri"],
                })
    df = _frame(rows, FUNDING_COLUMNS)
    df["year"] = df["year"].astype("Int64")
    return df.sort_values(["funder", "project", "year"], ignore_index=True)


def _name(G: nx.MultiDiGraph, iri: str) -> str:
    return G.nodes[iri]["name"] if iri in G else iri


TARGET_COLUMNS = ["target", "year", "value", "unit", "qualifier", "baseline", "owners", "owner_types",
                  "document", "sentence", "iri"]


def targets_table(source: GraphLike) -> pd.DataFrame:
    """One row per target, by deadline year: its value and unit where stated, and who owns it."""
    G = as_graph(source)
    rows = []
    for n, d in G.nodes(data=True):
        if d.get("type") != "Target":
            continue
        owners = sorted({u for u, _, k in G.in_edges(n, keys=True) if k == "hasTarget"},
                        key=lambda u: G.nodes[u]["name"])
        rows.append({
            "target": d["name"], "year": d.get("target_year"), "value": d.get("target_value"),
            "unit": d.get("unit"), "qualifier": d.get("qualifier"), "baseline": d.get("baseline_value"),
            "owners": "; ".join(G.nodes[u]["name"] for u in owners),
            "owner_types": "; ".join(G.nodes[u]["type"] for u in owners),
            "document": "; ".join(_doc_label(G, x) for x in d.get("documents") or []),
            "sentence": (d.get("sentences") or [""])[0], "iri": n,
        })
    df = _frame(rows, TARGET_COLUMNS)
    df["year"] = df["year"].astype("Int64")
    return df.sort_values(["year", "target"], ignore_index=True, na_position="last")


def agency_project_targets(source: GraphLike, agency_types: tuple[str, ...] = ("GovernmentAgency",)
                           ) -> pd.DataFrame:
    """Government agency -> project (announces, funds, leads) -> target (hasTarget) chains.

    A project's targets include those of its parts (`via` names the part: on-device AI chips,
    part of the programme the government funds, target 10 types of chips by 2030). Projects
    without a target get a row with an empty target, and targets an agency holds directly a row
    with an empty project, so that nothing the agency does is hidden.
    """
    G = as_graph(source)
    rows = []

    def targets_of(node: str) -> list[str]:
        return sorted({v for _, v, k in G.out_edges(node, keys=True) if k == "hasTarget"})

    for a, d in G.nodes(data=True):
        if d.get("type") not in agency_types:
            continue
        projects = sorted({(v, k) for _, v, k in G.out_edges(a, keys=True)
                           if k in PROJECT_LINKS and G.nodes[v]["type"] == "Project"})
        for p, how in projects:
            reached = [(None, t) for t in targets_of(p)]
            parts = sorted({u for u, _, k in G.in_edges(p, keys=True) if k == "partOf"})
            reached += [(q, t) for q in parts for t in targets_of(q)]
            for via, t in reached or [(None, None)]:
                rows.append(_chain_row(G, a, how, p, via, t))
        for t in targets_of(a):
            rows.append(_chain_row(G, a, "hasTarget", None, None, t))
    columns = ["agency", "link", "project", "via", "target", "year", "value", "unit"]
    df = _frame(rows, columns)
    df["year"] = df["year"].astype("Int64")
    return df.sort_values(["agency", "project", "year"], ignore_index=True, na_position="last")


def _chain_row(G: nx.MultiDiGraph, agency: str, link: str, project: str | None, via: str | None,
               target: str | None) -> dict[str, Any]:
    t = G.nodes[target] if target else {}
    return {"agency": G.nodes[agency]["name"], "link": link,
            "project": G.nodes[project]["name"] if project else None,
            "via": G.nodes[via]["name"] if via else None, "target": t.get("name"),
            "year": t.get("target_year"), "value": t.get("target_value"), "unit": t.get("unit")}
