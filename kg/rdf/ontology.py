"""The kg-builder ontology (`ontology/kg.ttl`) and its SHACL shapes, loaded once and shared.

Other modules derive from it rather than restating it: the Neo4j mapping (labels from superclasses,
relationship types from object properties), the store (the ontology named graph) and validation.
The folder is the repository's `ontology/` next to the `kg` package; set `KG_ONTOLOGY_DIR` to use
another one (an installed copy, or an ontology under development).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.rdf.namespaces import KGO
from kg.workspace import KgError

ONTOLOGY_FILE = "kg.ttl"
SHAPES_FILE = "shapes.ttl"
_REPO_ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"


def ontology_dir() -> Path:
    """`KG_ONTOLOGY_DIR` when set, else the repository's `ontology/` folder."""
    configured = os.environ.get("KG_ONTOLOGY_DIR")
    folder = Path(configured).expanduser() if configured else _REPO_ONTOLOGY_DIR
    if not (folder / ONTOLOGY_FILE).is_file():
        source = "KG_ONTOLOGY_DIR" if configured else "the repository"
        raise KgError(f"no {ONTOLOGY_FILE} in {folder} (ontology folder from {source})")
    return folder


def ontology_paths() -> list[Path]:
    """The ontology's Turtle files: `kg.ttl` first, then any extension modules; never the shapes."""
    folder = ontology_dir()
    extra = sorted(p for p in folder.glob("*.ttl") if p.name not in (ONTOLOGY_FILE, SHAPES_FILE))
    return [folder / ONTOLOGY_FILE, *extra]


def shapes_path() -> Path:
    path = ontology_dir() / SHAPES_FILE
    if not path.is_file():
        raise KgError(f"no {SHAPES_FILE} in {path.parent}")
    return path


def parse_turtle(paths: list[Path]) -> Graph:
    """Parse Turtle files into one graph; a syntax error becomes a KgError naming the file."""
    graph = Graph()
    for path in paths:
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises many unrelated types for bad syntax
            raise KgError(f"cannot parse {path}: {one_line(exc)}") from exc
    return graph


@functools.lru_cache(maxsize=8)
def _cached(paths: tuple[Path, ...], mtimes: tuple[float, ...]) -> Graph:
    return parse_turtle(list(paths))


def _load(paths: list[Path]) -> Graph:
    """A private copy of the cached parse (keyed by path and mtime, so edits are picked up)."""
    cached = _cached(tuple(paths), tuple(p.stat().st_mtime for p in paths))
    copy = Graph()
    for prefix, namespace in cached.namespaces():
        copy.bind(prefix, namespace, override=True)
    copy += cached
    return copy


def load_ontology() -> Graph:
    """The ontology as an rdflib Graph (a fresh copy: callers may add to it)."""
    return _load(ontology_paths())


def load_shapes() -> Graph:
    return _load([shapes_path()])


def superclasses(graph: Graph, cls: URIRef, namespace: str | None = None) -> list[URIRef]:
    """All named superclasses of `cls` along rdfs:subClassOf (nearest first, `cls` excluded).

    With `namespace` (e.g. `str(KGO)`) only superclasses in it: `Company` gives `[Organization]`.
    """
    seen: list[URIRef] = []
    frontier = [cls]
    while frontier:
        following: list[URIRef] = []
        for node in frontier:
            for parent in graph.objects(node, RDFS.subClassOf):
                if isinstance(parent, URIRef) and parent != cls and parent not in seen:
                    seen.append(parent)
                    following.append(parent)
        frontier = following
    return [c for c in seen if namespace is None or str(c).startswith(namespace)]


def _declared(graph: Graph, kind: URIRef, namespace: str | None) -> list[URIRef]:
    return sorted(
        s for s in set(graph.subjects(RDF.type, kind))
        if isinstance(s, URIRef) and (namespace is None or str(s).startswith(namespace))
    )


def classes(graph: Graph, namespace: str | None = str(KGO)) -> list[URIRef]:
    """The ontology's classes (by default only kgo: ones, not the external terms it aligns to)."""
    return _declared(graph, OWL.Class, namespace)


def object_properties(graph: Graph, namespace: str | None = str(KGO)) -> list[URIRef]:
    """kgo: object properties, inverses included (see `inverses` to tell them apart)."""
    return _declared(graph, OWL.ObjectProperty, namespace)


def datatype_properties(graph: Graph, namespace: str | None = str(KGO)) -> list[URIRef]:
    return _declared(graph, OWL.DatatypeProperty, namespace)


def inverses(graph: Graph) -> dict[URIRef, URIRef]:
    """Declared inverse -> the property it inverts (`kgo:hasMember` -> `kgo:memberOf`)."""
    return {
        s: o for s, o in graph.subject_objects(OWL.inverseOf)
        if isinstance(s, URIRef) and isinstance(o, URIRef)
    }


def local_name(term: URIRef) -> str:
    """`https://w3id.org/kg-builder/ontology#memberOf` -> `memberOf`."""
    text = str(term)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def one_line(exc: BaseException) -> str:
    """An exception's message on one line (rdflib's syntax errors span several)."""
    why, line = getattr(exc, "_why", None), getattr(exc, "lines", None)
    if isinstance(why, str) and isinstance(line, int):  # notation3.BadSyntax (Turtle, TriG, N3)
        return f"bad syntax at line {line + 1}: {why}"
    text = str(exc).strip() or type(exc).__name__
    return " ".join(text.split())[:300]
