"""The `kg` command: a thin shell over the library (each sub-module registers its commands)."""

from __future__ import annotations

import typer

from kg.cli import build as _build
from kg.cli import evaluate as _evaluate
from kg.cli import graph_tools as _graph_tools
from kg.cli import load as _load
from kg.cli import neo4j as _neo4j
from kg.cli import query as _query
from kg.cli import serve as _serve

app = typer.Typer(
    name="kg",
    help="kg-builder: industrial-policy news -> knowledge graph (RDF, SPARQL, Neo4j).",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

for module in (_build, _evaluate, _graph_tools, _neo4j, _load, _query, _serve):
    module.register(app)


def main() -> None:
    app()
