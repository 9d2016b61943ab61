"""Serialise a workspace's graph as Turtle, TriG, JSON-LD or N-Quads (to bytes or, atomically, a file).

TriG, JSON-LD and N-Quads keep the named graph of each document; Turtle has no named graphs and
gets their union (what graph.ttl holds).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from rdflib import Dataset

from kg.rdf.graphfile import read_dataset, union_graph
from kg.rdf.namespaces import bind_prefixes
from kg.workspace import KgError, Workspace, atomic_write_bytes


class ExportFormat(str, Enum):
    turtle = "turtle"
    trig = "trig"
    jsonld = "jsonld"
    nquads = "nquads"

    @property
    def suffix(self) -> str:
        return {"turtle": ".ttl", "trig": ".trig", "jsonld": ".jsonld", "nquads": ".nq"}[self.value]

    @classmethod
    def for_path(cls, path: Path) -> ExportFormat | None:
        """The format a file name asks for (`graph.nq` -> nquads), if any."""
        return next((f for f in cls if f.suffix == path.suffix.lower()), None)


def serialize(dataset: Dataset, fmt: ExportFormat) -> bytes:
    if fmt is ExportFormat.turtle:
        graph = union_graph(dataset)
        bind_prefixes(graph)
        return graph.serialize(format="turtle", encoding="utf-8")
    bind_prefixes(dataset)
    if fmt is ExportFormat.jsonld:
        context = {prefix: str(ns) for prefix, ns in dataset.namespaces()
                   if prefix in {"kgo", "rdf", "rdfs", "skos", "prov", "dcterms", "schema", "xsd"}}
        return dataset.serialize(format="json-ld", context=context, indent=2, encoding="utf-8")
    return dataset.serialize(format={"trig": "trig", "nquads": "nquads"}[fmt.value], encoding="utf-8")


def export_workspace(workspace: Workspace, fmt: ExportFormat, output: Path | None = None) -> bytes:
    """The workspace graph in `fmt`; also written to `output` (atomically) when given."""
    source = workspace.require_graph()
    data = serialize(read_dataset(source), fmt)
    if output is not None:
        if output.resolve() == source.resolve():
            raise KgError(f"refusing to overwrite the workspace graph {source}")
        try:
            atomic_write_bytes(output, data)
        except OSError as exc:
            raise KgError(f"cannot write {output}: {exc.strerror or exc}") from exc
    return data
