"""Static pictures of a typed graph (matplotlib): readable, deterministic, saved as PNG.

Readable rather than complete: `core_view` keeps the entity types and relations asked for and
drops what is left unconnected; `draw_graph` lays out each connected component on its own
(Kamada-Kawai, or a seeded spring layout) and packs them side by side, so that a few small
components do not squash the big one; nodes are coloured by type (with a legend), labelled with
wrapped names, and edges labelled with their relation.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable
from pathlib import Path

import matplotlib.pyplot as plt
import networkx as nx
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

TYPE_COLORS: dict[str, str] = {
    "GovernmentAgency": "#1f77b4", "Company": "#ff7f0e", "Alliance": "#2ca02c", "Association": "#17becf",
    "Organization": "#7f7f7f", "Person": "#d62728", "Place": "#8c564b", "Project": "#9467bd",
    "Target": "#e377c2", "Funding": "#bcbd22",
}
OTHER_COLOR = "#c7c7c7"
GAP = 2.2            # between packed components, in layout units
LAYER_ORDER = ("Person", "GovernmentAgency", "Association", "Alliance", "Company", "Organization", "Funding",
               "Project", "Target", "Place")


def color_of(node_type: str | None) -> str:
    return TYPE_COLORS.get(node_type or "", OTHER_COLOR)


def core_view(G: nx.MultiDiGraph, types: Iterable[str] | None = None, relations: Iterable[str] | None = None,
              *, drop_isolates: bool = True) -> nx.MultiDiGraph:
    """The subgraph of the given node types and relations (all when None), isolated nodes dropped."""
    keep_types = set(types) if types is not None else None
    keep_rels = set(relations) if relations is not None else None
    nodes = [n for n, d in G.nodes(data=True) if keep_types is None or d.get("type") in keep_types]
    sub = nx.MultiDiGraph()
    sub.graph.update(G.graph)
    sub.add_nodes_from((n, G.nodes[n]) for n in nodes)
    sub.add_edges_from((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)
                       if u in sub and v in sub and (keep_rels is None or k in keep_rels))
    if drop_isolates:
        sub.remove_nodes_from([n for n in list(sub) if sub.degree(n) == 0])
    return sub


def neighbourhood(G: nx.MultiDiGraph, names_or_iris: Iterable[str], hops: int = 1) -> nx.MultiDiGraph:
    """The nodes within `hops` (either direction) of the given nodes, with the edges between them."""
    wanted = set(names_or_iris)
    seeds = [n for n, d in G.nodes(data=True) if n in wanted or d.get("name") in wanted]
    undirected = G.to_undirected(as_view=True)
    keep: set[str] = set()
    for s in seeds:
        keep |= set(nx.single_source_shortest_path_length(undirected, s, cutoff=hops))
    return G.subgraph(sorted(keep)).copy()


def _component_positions(component: nx.Graph, layout: str, seed: int) -> dict[str, tuple[float, float]]:
    H = nx.Graph()          # nodes and edges sorted: the same picture whatever the input order
    H.add_nodes_from(sorted(component))
    H.add_edges_from(sorted(tuple(sorted(e)) for e in component.edges()))
    if len(H) == 1:
        return {next(iter(H)): (0.0, 0.0)}
    if layout == "spring":
        pos = nx.spring_layout(H, seed=seed, k=1.6 / math.sqrt(len(H)), iterations=200)
    else:
        pos = nx.kamada_kawai_layout(H)
    return {n: (float(x), float(y)) for n, (x, y) in pos.items()}


def layout_positions(G: nx.MultiDiGraph, layout: str = "kamada_kawai", seed: int = 7
                     ) -> dict[str, tuple[float, float]]:
    """Node positions: each component laid out alone (scaled by its size); the biggest on the left,
    the others stacked in columns to its right (a landscape picture, not a tall strip)."""
    if layout == "layered":
        return _layered(G)
    simple = nx.Graph(G.to_undirected(as_view=True))
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    placed: dict[str, tuple[float, float]] = {}
    x, y, column_width, height_limit = 0.0, 0.0, 0.0, 6.0
    for i, comp in enumerate(components):
        pos = _component_positions(simple.subgraph(comp), layout, seed)
        scale = max(1.0, math.sqrt(len(comp)) * 1.25)
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        w, h = (max(xs) - min(xs)) * scale, (max(ys) - min(ys)) * scale
        if y != 0.0 and -y + h > height_limit:      # this column is full: start the next one
            x, y, column_width = x + column_width + GAP, 0.0, 0.0
        for n, (px, py) in pos.items():
            placed[n] = (x + (px - min(xs)) * scale, y - (max(ys) - py) * scale)
        if i == 0:                                  # the biggest component: alone in the first column
            height_limit = max(h, height_limit)
            x += w + GAP
        else:
            y -= h + GAP
            column_width = max(column_width, w)
    return placed


def _layered(G: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Columns by distance from the first type in LAYER_ORDER present (agencies, then what they do ...).

    Within a column nodes are ordered by where their neighbours in earlier columns are (fewer
    crossings), and every other node is shifted a little so that edges inside a column do not run
    through the nodes between their ends.
    """
    kind = {n: d.get("type", "") for n, d in G.nodes(data=True)}
    rank = {n: LAYER_ORDER.index(t) if t in LAYER_ORDER else len(LAYER_ORDER) for n, t in kind.items()}
    if not rank:
        return {}
    undirected = nx.Graph(G.to_undirected(as_view=True))
    top = min(rank.values())
    roots = sorted(n for n in G if rank[n] == top)
    depth = nx.multi_source_dijkstra_path_length(undirected, roots) if roots else {}
    deepest = max(depth.values(), default=0)
    columns: dict[int, list[str]] = {}
    for n in G:
        columns.setdefault(int(depth.get(n, deepest + 1)), []).append(n)
    pos: dict[str, tuple[float, float]] = {}
    order: dict[str, float] = {}
    for x, key in enumerate(sorted(columns)):
        def barycentre(n: str) -> tuple[float, str]:
            placed = [order[m] for m in undirected.neighbors(n) if m in order]
            return (sum(placed) / len(placed) if placed else float("inf"), G.nodes[n].get("name", n))

        members = sorted(columns[key], key=barycentre if x else lambda n: (0.0, G.nodes[n].get("name", n)))
        for i, n in enumerate(members):
            order[n] = float(i) - (len(members) - 1) / 2
            pos[n] = (x * 4.5 + (0.7 if i % 2 else 0.0), -order[n] * 1.4)
    return pos


def _palette(G: nx.MultiDiGraph, attribute: str) -> dict[str, str]:
    """Value -> colour for the legend, in legend order: the type colours, or tab10 for other attributes."""
    values = {str(d.get(attribute, "")) for _, d in G.nodes(data=True)}
    if attribute == "type":
        ordered = sorted(values, key=lambda t: (LAYER_ORDER.index(t) if t in LAYER_ORDER else 99, t))
        return {t: color_of(t) for t in ordered}
    cmap = plt.get_cmap("tab10")
    return {v: to_hex(cmap(i % 10)) for i, v in enumerate(sorted(values, key=_natural))}


def _natural(text: str) -> tuple[str, int]:
    head = text.rstrip("0123456789")
    return (head, int(text[len(head):]) if text[len(head):] else -1)


def _box(pad: float, alpha: float) -> dict[str, object]:
    return {"boxstyle": f"round,pad={pad}", "fc": "white", "ec": "none", "alpha": alpha}


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def draw_graph(G: nx.MultiDiGraph, path: Path | str | None = None, *, title: str | None = None,
               layout: str = "kamada_kawai", seed: int = 7, label_edges: bool = True, wrap: int = 18,
               figsize: tuple[float, float] | None = None, font_size: float = 9.0, dpi: int = 150,
               color_by: str = "type") -> Figure:
    """Draw `G` (nodes coloured by `type`, labelled by `name`; edges labelled by relation).

    `color_by` names another node attribute to colour by (e.g. `community`), with its own legend.

    Returns the figure; with `path`, also saves it there as PNG. Same graph, same picture.
    """
    pos = layout_positions(G, layout, seed)
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    if figsize is None:
        span_x, span_y = max(xs) - min(xs) + 2, max(ys) - min(ys) + 2
        width = min(16.0, max(8.0, 1.2 * span_x))
        figsize = (width, min(14.0, max(5.0, width * span_y / span_x)))
    fig, ax = plt.subplots(figsize=figsize)
    nodes = list(G.nodes)
    degree = dict(G.degree())
    sizes = [260 + 70 * min(degree[n], 10) for n in nodes]
    palette = _palette(G, color_by)
    nx.draw_networkx_nodes(G, pos, ax=ax, nodelist=nodes, node_size=sizes, edgecolors="white", linewidths=1,
                           node_color=[palette.get(G.nodes[n].get(color_by, ""), OTHER_COLOR) for n in nodes])
    simple = nx.DiGraph()
    simple.add_nodes_from(nodes)
    labels: dict[tuple[str, str], list[str]] = {}
    for u, v, k in G.edges(keys=True):
        simple.add_edge(u, v)
        labels.setdefault((u, v), []).append(k)
    nx.draw_networkx_edges(simple, pos, ax=ax, edge_color="#888888", width=1.0, arrows=True, arrowstyle="-|>",
                           arrowsize=11, node_size=sizes,
                           min_source_margin=6, min_target_margin=9)
    if label_edges:
        nx.draw_networkx_edge_labels(simple, pos, ax=ax, font_size=font_size - 1.5, font_color="#444444",
                                     edge_labels={e: ", ".join(sorted(set(ks))) for e, ks in labels.items()},
                                     bbox=_box(0.15, 0.75), rotate=False)
    for n in nodes:
        x, y = pos[n]
        ax.text(x, y - 0.22, _wrap(str(G.nodes[n].get("name", n)), wrap), fontsize=font_size, ha="center",
                va="top", zorder=5, bbox=_box(0.2, 0.8))
    handles = [Line2D([0], [0], marker="o", linestyle="", markersize=9, markerfacecolor=color,
                      markeredgecolor="white", label=value or "other") for value, color in palette.items()]
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
                  fontsize=font_size + 1, title=color_by, title_fontsize=font_size + 1)
    ax.set_xlim(min(xs) - 1.2, max(xs) + 1.2)
    ax.set_ylim(min(ys) - 1.0, max(ys) + 0.8)
    ax.set_axis_off()
    if title:
        ax.set_title(title, fontsize=font_size + 5)
    fig.tight_layout()
    if path is not None:
        save(fig, path, dpi=dpi)
    return fig


def save(fig: Figure, path: Path | str, dpi: int = 150) -> Path:
    """Save a figure as PNG (folders made as needed); returns the path."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=dpi, bbox_inches="tight", facecolor="white")
    return out
