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
from dataclasses import dataclass
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
COMPONENT_GAP = 0.8  # between packed components, inches
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


@dataclass(frozen=True)
class Style:
    """Sizes in points (fonts, markers) and inches (spacing): one data unit is one inch."""

    font_size: float = 9.0
    wrap: int = 18                   # label characters per line
    edge_length: float = 2.1         # median edge length of a component, inches
    pad: float = 0.08                # space kept between two labels, inches

    def marker_area(self, degree: int) -> float:      # pt^2, as matplotlib's node_size
        return 220.0 + 60.0 * min(degree, 10)


def _box(G: nx.MultiDiGraph, n: str, style: Style, degree: int) -> tuple[float, float, float]:
    """(width, height, centre offset below the node) of a node with its label under it, inches."""
    lines = _wrap(str(G.nodes[n].get("name", n)), style.wrap).split("\n")
    radius = math.sqrt(style.marker_area(degree)) / 2 / 72
    text_w = max(len(line) for line in lines) * style.font_size * 0.56 / 72
    text_h = len(lines) * style.font_size * 1.22 / 72
    gap = 3 / 72
    return max(text_w, 2 * radius), 2 * radius + gap + text_h, (gap + text_h) / 2


def _declutter(pos: dict[str, list[float]], boxes: dict[str, tuple[float, float, float]], pad: float,
               iterations: int = 200) -> None:
    """Push apart nodes whose label boxes overlap (along the axis of least overlap), in place."""
    nodes = sorted(pos)
    for _ in range(iterations):
        moved = False
        for a_i, a in enumerate(nodes):
            wa, ha, oa = boxes[a]
            for b in nodes[a_i + 1:]:
                wb, hb, ob = boxes[b]
                dx = pos[b][0] - pos[a][0]
                dy = (pos[b][1] - ob) - (pos[a][1] - oa)
                over_x = (wa + wb) / 2 + pad - abs(dx)
                over_y = (ha + hb) / 2 + pad - abs(dy)
                if over_x <= 0 or over_y <= 0:
                    continue
                moved = True
                if over_y <= over_x:
                    step = (over_y / 2 + 1e-3) * (1 if dy >= 0 else -1)
                    pos[a][1] -= step
                    pos[b][1] += step
                else:
                    step = (over_x / 2 + 1e-3) * (1 if dx >= 0 else -1)
                    pos[a][0] -= step
                    pos[b][0] += step
        if not moved:
            return


def _component_positions(component: nx.Graph, layout: str, seed: int, style: Style
                         ) -> dict[str, list[float]]:
    """One component laid out alone, scaled so that its median edge is `style.edge_length` inches."""
    H = nx.Graph()          # nodes and edges sorted: the same picture whatever the input order
    H.add_nodes_from(sorted(component))
    H.add_edges_from(sorted(tuple(sorted(e)) for e in component.edges()))
    if len(H) == 1:
        return {next(iter(H)): [0.0, 0.0]}
    if layout == "spring":
        raw = nx.spring_layout(H, seed=seed, k=1.6 / math.sqrt(len(H)), iterations=200)
    else:
        raw = nx.kamada_kawai_layout(H)
    lengths = sorted(math.dist(raw[u], raw[v]) for u, v in H.edges())
    scale = style.edge_length / max(lengths[len(lengths) // 2], 1e-9)
    return {n: [float(x) * scale, float(y) * scale] for n, (x, y) in raw.items()}


def _extent(pos: dict[str, list[float]], boxes: dict[str, tuple[float, float, float]]
            ) -> tuple[float, float, float, float]:
    """(left, right, bottom, top) of the nodes with their labels."""
    return (min(pos[n][0] - boxes[n][0] / 2 for n in pos), max(pos[n][0] + boxes[n][0] / 2 for n in pos),
            min(pos[n][1] - boxes[n][2] - boxes[n][1] / 2 for n in pos),
            max(pos[n][1] - boxes[n][2] + boxes[n][1] / 2 for n in pos))


def layout_positions(G: nx.MultiDiGraph, layout: str = "kamada_kawai", seed: int = 7,
                     style: Style | None = None) -> dict[str, tuple[float, float]]:
    """Node positions in inches, labels not overlapping.

    Each connected component is laid out alone; the biggest goes on the left and the others are
    stacked in columns to its right (a landscape picture, not a tall strip of small pieces).
    """
    style = style or Style()
    degree = dict(G.degree())
    boxes = {n: _box(G, n, style, degree[n]) for n in G}
    if layout == "layered":
        pos = _layered(G, boxes, style)
        return {n: (p[0], p[1]) for n, p in pos.items()}
    simple = nx.Graph(G.to_undirected(as_view=True))
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    placed: dict[str, tuple[float, float]] = {}
    x, y, column_width, height_limit = 0.0, 0.0, 0.0, 4.0
    for i, comp in enumerate(components):
        pos = _component_positions(simple.subgraph(comp), layout, seed, style)
        _declutter(pos, boxes, style.pad)
        left, right, bottom, top = _extent(pos, boxes)
        w, h = right - left, top - bottom
        if y != 0.0 and -y + h > height_limit:      # this column is full: start the next one
            x, y, column_width = x + column_width + COMPONENT_GAP, 0.0, 0.0
        for n, (px, py) in pos.items():
            placed[n] = (x + px - left, y + py - top)
        if i == 0:                                  # the biggest component: alone in the first column
            height_limit = max(h, height_limit)
            x += w + COMPONENT_GAP
        else:
            y -= h + COMPONENT_GAP / 2
            column_width = max(column_width, w)
    return placed


def _layered(G: nx.MultiDiGraph, boxes: dict[str, tuple[float, float, float]], style: Style
             ) -> dict[str, list[float]]:
    """Columns by distance from the first type in LAYER_ORDER present (agencies, then what they do ...).

    Within a column nodes are ordered by where their neighbours in earlier columns are (fewer
    crossings), and every other node is shifted a little so that edges inside a column do not run
    through the nodes between their ends.
    """
    rank = {n: LAYER_ORDER.index(t) if (t := d.get("type", "")) in LAYER_ORDER else len(LAYER_ORDER)
            for n, d in G.nodes(data=True)}
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
    pos: dict[str, list[float]] = {}
    order: dict[str, float] = {}
    x = 0.0
    for c, key in enumerate(sorted(columns)):
        def barycentre(n: str) -> tuple[float, str]:
            placed = [order[m] for m in undirected.neighbors(n) if m in order]
            return (sum(placed) / len(placed) if placed else float("inf"), G.nodes[n].get("name", n))

        members = sorted(columns[key], key=barycentre if c else lambda n: (0.0, G.nodes[n].get("name", n)))
        width = max(boxes[n][0] for n in members)
        row = max(boxes[n][1] for n in members) + 0.35
        shift = min(0.6, width / 2)
        for i, n in enumerate(members):
            order[n] = float(i) - (len(members) - 1) / 2
            pos[n] = [x + (shift if i % 2 else 0.0), -order[n] * row]
        x += width + shift + 1.8
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


def _text_box(pad: float, alpha: float) -> dict[str, object]:
    return {"boxstyle": f"round,pad={pad}", "fc": "white", "ec": "none", "alpha": alpha}


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def draw_graph(G: nx.MultiDiGraph, path: Path | str | None = None, *, title: str | None = None,
               layout: str = "kamada_kawai", seed: int = 7, label_edges: bool = True, wrap: int = 18,
               font_size: float = 9.0, dpi: int = 150, color_by: str = "type",
               max_width: float = 36.0) -> Figure:
    """Draw `G` (nodes coloured by `type`, labelled by `name`; edges labelled by relation).

    The figure is sized to the layout (one inch per layout unit, up to `max_width` inches wide),
    so labels keep their size and do not overlap however many nodes there are. `color_by` names
    another node attribute to colour by (e.g. `community`), with its own legend. Returns the
    figure; with `path`, also saves it there as PNG. Same graph, same picture.
    """
    style = Style(font_size=font_size, wrap=wrap)
    pos = layout_positions(G, layout, seed, style)
    nodes = list(G.nodes)
    degree = dict(G.degree())
    boxes = {n: _box(G, n, style, degree[n]) for n in nodes}
    if pos:
        left, right, bottom, top = _extent({n: list(p) for n, p in pos.items()}, boxes)
    else:
        left, right, bottom, top = 0.0, 1.0, 0.0, 1.0
    margin, legend_w, title_h = 0.3, 2.3, 0.6 if title else 0.2
    width, height = right - left + 2 * margin, top - bottom + 2 * margin
    fig_w, fig_h = width + legend_w, height + title_h
    shrink = min(1.0, max_width / fig_w)
    fig = plt.figure(figsize=(fig_w * shrink, fig_h * shrink))
    ax = fig.add_axes((0, 0, width / fig_w, height / fig_h))
    ax.set_xlim(left - margin, right + margin)
    ax.set_ylim(bottom - margin, top + margin)
    sizes = [style.marker_area(degree[n]) * shrink ** 2 for n in nodes]
    palette = _palette(G, color_by)
    colors = [palette.get(str(G.nodes[n].get(color_by, "")), OTHER_COLOR) for n in nodes]
    nx.draw_networkx_nodes(G, pos, ax=ax, nodelist=nodes, node_size=sizes, edgecolors="white", linewidths=1,
                           node_color=colors)
    simple = nx.DiGraph()
    simple.add_nodes_from(nodes)
    labels: dict[tuple[str, str], list[str]] = {}
    for u, v, k in G.edges(keys=True):
        simple.add_edge(u, v)
        labels.setdefault((u, v), []).append(k)
    nx.draw_networkx_edges(simple, pos, ax=ax, edge_color="#888888", width=1.0, arrows=True, arrowstyle="-|>",
                           arrowsize=11, node_size=sizes, min_source_margin=4, min_target_margin=6)
    text_size = font_size * shrink
    if label_edges:
        nx.draw_networkx_edge_labels(simple, pos, ax=ax, font_size=text_size - 1.5, font_color="#444444",
                                     edge_labels={e: ", ".join(sorted(set(ks))) for e, ks in labels.items()},
                                     bbox=_text_box(0.15, 0.75), rotate=False)
    for n, size in zip(nodes, sizes, strict=True):
        ax.annotate(_wrap(str(G.nodes[n].get("name", n)), wrap), pos[n], xytext=(0, -math.sqrt(size) / 2 - 3),
                    textcoords="offset points", fontsize=text_size, ha="center", va="top", zorder=5,
                    bbox=_text_box(0.1, 0.8))
    handles = [Line2D([0], [0], marker="o", linestyle="", markersize=9, markerfacecolor=color,
                      markeredgecolor="white", label=value or "other") for value, color in palette.items()]
    if handles:
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(width / fig_w, height / fig_h),
                   frameon=False, fontsize=text_size + 1, title=color_by, title_fontsize=text_size + 1)
    ax.set_axis_off()
    if title:
        fig.suptitle(title, fontsize=text_size + 5, x=0.02, y=1 - 0.15 / fig_h, ha="left", va="top")
    if path is not None:
        save(fig, path, dpi=dpi)
    return fig


def save(fig: Figure, path: Path | str, dpi: int = 150) -> Path:
    """Save a figure as PNG (folders made as needed); returns the path."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=dpi, bbox_inches="tight", facecolor="white")
    return out
