"""Read an RDF file (a workspace's graph.trig, or Turtle, N-Quads, JSON-LD ...) with one-line errors."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from kg.rdf.ontology import one_line
from kg.workspace import KgError

FORMAT_BY_SUFFIX = {
    ".trig": "trig", ".ttl": "turtle", ".nq": "nquads", ".nt": "nt", ".jsonld": "json-ld",
    ".json": "json-ld", ".rdf": "xml", ".owl": "xml", ".n3": "n3",
}


def read_dataset(path: Path | str) -> Dataset:
    """Parse `path` (format from its suffix) into a Dataset; named graphs are kept as such."""
    file = Path(path)
    if not file.is_file():
        raise KgError(f"no such graph file: {file}")
    fmt = FORMAT_BY_SUFFIX.get(file.suffix.lower())
    if fmt is None:
        raise KgError(f"unknown RDF format for {file} (use one of {', '.join(sorted(FORMAT_BY_SUFFIX))})")
    dataset = Dataset()
    try:
        dataset.parse(file, format=fmt)
    except Exception as exc:  # rdflib raises many unrelated types for bad syntax
        raise KgError(f"cannot parse {file}: {one_line(exc)}") from exc
    return dataset


def union_graph(dataset: Dataset) -> Graph:
    """All triples of all graphs of `dataset` in one Graph (what graph.ttl holds)."""
    union = Graph()
    for prefix, namespace in dataset.namespaces():
        union.bind(prefix, namespace, override=True)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union
