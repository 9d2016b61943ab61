"""Graph analytics on the networkx view: who is central, which groups form, how agencies reach companies.

All of it runs on the undirected simple view of the graph (direction says who did what to whom,
not whether two actors are connected) restricted to the relations that tie actors together:
`locatedIn` and `hasTarget` are left out by default, as in the Cypher/SPARQL library query
`agency_to_company_paths` (a shared country or a shared deadline year would join everything).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

import networkx as nx
import pandas as pd
from networkx.algorithms import community as nx_community

from kg.model import ORG_TYPES

ACTOR_RELATIONS = ("memberOf", "leads", "announces", "funds", "partOf", "headOf")


def undirected_view(G: nx.MultiDiGraph, relations: Iterable[str] | None = ACTOR_RELATIONS,
                    types: Iterable[str] | None = None) -> nx.Graph:
    """A simple undirected Graph of the given relations (all when None) between nodes of `types`.

    Each edge's `relations` lists the relations it merges; nodes keep their attributes.
    """
    keep_rels = set(relations) if relations is not None else None
    keep_types = set(types) if types is not None else None
    H = nx.Graph()
    H.add_nodes_from((n, d) for n, d in G.nodes(data=True)
                     if keep_types is None or d.get("type") in keep_types)
    for u, v, k in G.edges(keys=True):
        if u in H and v in H and u != v and (keep_rels is None or k in keep_rels):
            if H.has_edge(u, v):
                H.edges[u, v]["relations"] = sorted(set(H.edges[u, v]["relations"]) | {k})
            else:
                H.add_edge(u, v, relations=[k])
    return H


def centrality(G: nx.MultiDiGraph, types: Iterable[str] = tuple(sorted(ORG_TYPES)),
               relations: Iterable[str] | None = ACTOR_RELATIONS) -> pd.DataFrame:
    """Degree and betweenness centrality of the nodes of `types` (organisations by default).

    Computed on the whole undirected view (so a ministry that links two alliances through a
    project scores), then reported for the nodes of `types`, most central first.
    """
    H = undirected_view(G, relations)
    degree = nx.degree_centrality(H) if len(H) > 1 else dict.fromkeys(H, 0.0)
    betweenness = nx.betweenness_centrality(H, normalized=True)
    wanted = set(types)
    rows = [{"name": d["name"], "type": d["type"], "degree": H.degree(n), "degree_centrality": degree[n],
             "betweenness": betweenness[n], "iri": n}
            for n, d in H.nodes(data=True) if d.get("type") in wanted]
    df = pd.DataFrame(rows, columns=["name", "type", "degree", "degree_centrality", "betweenness", "iri"])
    return df.sort_values(["betweenness", "degree", "name"], ascending=[False, False, True],
                          ignore_index=True)


def communities(G: nx.MultiDiGraph, relations: Iterable[str] | None = ACTOR_RELATIONS,
                min_size: int = 2) -> pd.DataFrame:
    """Communities by greedy modularity maximisation (Clauset-Newman-Moore) on the undirected view.

    One row per node: its community number (0 = the largest), the community's size. Nodes with
    no relation at all are left out; communities smaller than `min_size` too.
    """
    H = undirected_view(G, relations)
    H.remove_nodes_from([n for n in list(H) if H.degree(n) == 0])
    if H.number_of_edges() == 0:
        return pd.DataFrame(columns=["community", "size", "name", "type", "iri"])
    found = nx_community.greedy_modularity_communities(H)
    groups = sorted((sorted(c) for c in found if len(c) >= min_size), key=lambda c: (-len(c), c[0]))
    rows = [{"community": i, "size": len(group), "name": H.nodes[n]["name"], "type": H.nodes[n]["type"],
             "iri": n} for i, group in enumerate(groups) for n in group]
    df = pd.DataFrame(rows, columns=["community", "size", "name", "type", "iri"])
    return df.sort_values(["community", "type", "name"], ignore_index=True)


def modularity(G: nx.MultiDiGraph, table: pd.DataFrame, relations: Iterable[str] | None = ACTOR_RELATIONS
               ) -> float:
    """The modularity of the partition in `table` (from `communities`) on the same view."""
    H = undirected_view(G, relations)
    H.remove_nodes_from([n for n in list(H) if H.degree(n) == 0])
    parts = [set(group["iri"]) for _, group in table.groupby("community")]
    covered = set().union(*parts) if parts else set()
    parts += [{n} for n in H if n not in covered]
    return float(nx_community.modularity(H, parts)) if H.number_of_edges() else 0.0


def shortest_paths(G: nx.MultiDiGraph, source_type: str = "GovernmentAgency", target_type: str = "Company",
                   relations: Iterable[str] | None = ACTOR_RELATIONS, max_hops: int = 3,
                   max_paths: int = 20) -> pd.DataFrame:
    """All shortest paths (up to `max_hops`) from each node of `source_type` to each of `target_type`.

    Like the library query `agency_to_company_paths`: one row per path, `path` is the names on the
    way joined by " > " (source first). At most `max_paths` paths per pair.
    """
    H = undirected_view(G, relations)
    sources = sorted(n for n, d in H.nodes(data=True) if d.get("type") == source_type)
    targets = {n for n, d in H.nodes(data=True) if d.get("type") == target_type}
    rows = []
    for s in sources:
        lengths = nx.single_source_shortest_path_length(H, s, cutoff=max_hops)
        for t in sorted(targets & set(lengths)):
            if t == s:
                continue
            for path in islice(nx.all_shortest_paths(H, s, t), max_paths):
                rows.append({"agency": H.nodes[s]["name"], "company": H.nodes[t]["name"],
                             "hops": len(path) - 1, "path": " > ".join(H.nodes[n]["name"] for n in path),
                             "iris": list(path),
                             "relations": " / ".join(",".join(H.edges[a, b]["relations"])
                                                     for a, b in zip(path, path[1:], strict=False))})
    df = pd.DataFrame(rows, columns=["agency", "company", "hops", "path", "relations", "iris"])
    return df.sort_values(["agency", "company", "path"], ignore_index=True)


def path_subgraph(G: nx.MultiDiGraph, paths: pd.DataFrame, relations: Iterable[str] | None = ACTOR_RELATIONS
                  ) -> nx.MultiDiGraph:
    """The nodes on the paths of a `shortest_paths` table, with the relations between them."""
    keep = sorted({n for iris in paths["iris"] for n in iris})
    wanted = set(relations) if relations is not None else None
    sub = nx.MultiDiGraph()
    sub.add_nodes_from((n, G.nodes[n]) for n in keep)
    sub.add_edges_from((u, v, k, d) for u, v, k, d in G.subgraph(keep).edges(keys=True, data=True)
                       if wanted is None or k in wanted)
    return sub


def with_communities(G: nx.MultiDiGraph, table: pd.DataFrame) -> nx.MultiDiGraph:
    """The nodes of a `communities` table (and their relations), each with its `community` number."""
    community = dict(zip(table["iri"], table["community"], strict=True))
    sub = G.subgraph(sorted(community)).copy()
    for n in sub:
        sub.nodes[n]["community"] = f"community {community[n]}"
    return sub
