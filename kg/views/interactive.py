"""Results of Cypher queries as graphs: fetched from Neo4j, drawn interactively (neo4j-viz) or statically.

Library queries return names and values (tables); `names_in_rows` collects the entities a result
talks about, `neo4j_subgraph` fetches those nodes and the relationships between them from Neo4j
(names and IRIs go in as query parameters), as the same typed MultiDiGraph `to_networkx` makes,
so `kg.views.draw.draw_graph` draws it and `to_visualization` turns it into a neo4j-viz graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import networkx as nx
from neo4j import Driver, RoutingControl
from neo4j_viz import Node, Relationship, VisualizationGraph

from kg.stores.neo4j_errors import neo4j_errors
from kg.stores.neo4j_mapping import BASE_LABEL
from kg.views.draw import color_of
from kg.views.networkx import most_specific_type

SUBGRAPH_QUERY = """
MATCH (n:Resource) WHERE n.iri IN $iris OR n.name IN $names
WITH collect(n) AS nodes
UNWIND nodes AS a
OPTIONAL MATCH (a)-[r]->(b:Resource) WHERE b IN nodes AND type(r) IN $types
RETURN a, r, b
"""
ACTOR_TYPES = ("MEMBER_OF", "LEADS", "ANNOUNCES", "FUNDS", "PART_OF", "HAS_TARGET", "HEAD_OF", "LOCATED_IN")


def relation_name(rel_type: str) -> str:
    """A Neo4j relationship type as the ontology property's local name (`HAS_TARGET` -> `hasTarget`)."""
    first, *rest = rel_type.lower().split("_")
    return first + "".join(p.capitalize() for p in rest)


def names_in_rows(columns: Sequence[str], rows: Iterable[Sequence[Any]], name_columns: Iterable[str],
                  path_separator: str = " > ") -> list[str]:
    """The entity names in the given columns of a result (path columns split on `path_separator`)."""
    wanted = [list(columns).index(c) for c in name_columns]
    names: set[str] = set()
    for row in rows:
        for i in wanted:
            value = row[i]
            if isinstance(value, str) and value:
                names.update(part.strip() for part in value.split(path_separator) if part.strip())
    return sorted(names)


def neo4j_subgraph(driver: Driver, names: Iterable[str] = (), iris: Iterable[str] = (),
                   relationship_types: Iterable[str] = ACTOR_TYPES) -> nx.MultiDiGraph:
    """The nodes named (or with the IRIs) given and the relationships among them, from Neo4j."""
    params = {"names": sorted(set(names)), "iris": sorted(set(iris)),
              "types": sorted(set(relationship_types))}
    with neo4j_errors("Cypher query"):
        records, _, _ = driver.execute_query(SUBGRAPH_QUERY, parameters_=params, routing_=RoutingControl.READ)
    G = nx.MultiDiGraph()
    for record in records:
        for node in (record["a"], record["b"]):
            if node is not None and node.element_id not in G:
                _add_node(G, node)
        rel = record["r"]
        if rel is not None:
            u, v, k = rel.start_node.element_id, rel.end_node.element_id, relation_name(rel.type)
            props = dict(rel.items())
            G.add_edge(u, v, key=k, relation=k, confidence=props.get("confidence"), role=props.get("role"),
                       documents=list(props.get("documents") or []),
                       sentences=list(props.get("sentences") or []))
    ordered = nx.MultiDiGraph()       # keyed by IRI and sorted, whatever order the server answered in
    ids = {n: d.get("iri") or n for n, d in G.nodes(data=True)}
    ordered.add_nodes_from(sorted(((ids[n], d) for n, d in G.nodes(data=True)), key=lambda x: x[0]))
    ordered.add_edges_from(sorted(((ids[u], ids[v], k, d) for u, v, k, d in G.edges(keys=True, data=True)),
                                  key=lambda e: e[:3]))
    return ordered


def _add_node(G: nx.MultiDiGraph, node: Any) -> None:
    props = dict(node.items())
    labels = sorted(set(node.labels) - {BASE_LABEL})
    G.add_node(node.element_id, iri=props.get("iri", node.element_id), name=props.get("name", ""),
               type=most_specific_type(labels), labels=labels, aliases=list(props.get("aliases") or []),
               confidence=props.get("confidence"), documents=list(props.get("documents") or []))


def to_visualization(G: nx.MultiDiGraph) -> VisualizationGraph:
    """A neo4j-viz graph of `G`: captions are names and relations, colours by type as in the PNGs."""
    degree = dict(G.degree())
    nodes = [Node(id=n, caption=d.get("name", n), color=color_of(d.get("type")),
                  size=12 + 3 * min(degree[n], 8),
                  properties={"type": d.get("type"), "iri": d.get("iri", n), "aliases": d.get("aliases", [])})
             for n, d in G.nodes(data=True)]
    rels = [Relationship(id=f"{u}|{k}|{v}", source=u, target=v, caption=k,
                         properties={"confidence": d.get("confidence"), "role": d.get("role")})
            for u, v, k, d in G.edges(keys=True, data=True)]
    vg = VisualizationGraph(nodes=nodes, relationships=rels)
    vg.set_legend(nodes={t: color_of(t) for t in sorted({d.get("type", "") for _, d in G.nodes(data=True)})})
    return vg
