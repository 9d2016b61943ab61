"""`kg query cypher|sparql`: run one query and print its rows."""

from __future__ import annotations

import typer

from kg.cli import query_cypher, query_sparql

query_app = typer.Typer(help="Run a Cypher (Neo4j) or SPARQL query and print the rows.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    query_cypher.register(query_app)
    query_sparql.register(query_app)
    app.add_typer(query_app, name="query")
