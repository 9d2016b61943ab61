"""`kg query sparql`: run a SPARQL query, or a named library query, on the embedded store or an endpoint."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from kg.cli.common import DEFAULT_OUT, OutOption, console, user_errors
from kg.cli.output import OutputFormat, print_rows
from kg.cli.query_cypher import parse_params
from kg.stores.sparql_library import execute, list_queries, run_query
from kg.workspace import KgError, Workspace


def register(app: typer.Typer) -> None:
    app.command("sparql")(sparql)


def show_library() -> None:
    table = Table("name", "parameters", "columns", "question", title="SPARQL library (queries/*.rq)")
    for q in list_queries():
        table.add_row(q.name, ", ".join(p.signature for p in q.parameters) or "-",
                      ", ".join(q.columns), q.question)
    console.print(table)


@user_errors
def sparql(
    query: Annotated[str | None, typer.Argument(
        help="The SPARQL query (omit with --name or --list).")] = None,
    name: Annotated[str | None, typer.Option("--name", "-n", help="Run this library query instead.")] = None,
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p",
        help="Query parameter NAME=VALUE (repeatable), bound to ?NAME as an RDF term: JSON numbers and "
             "booleans are typed literals, <...> is an IRI, anything else a string.")] = None,
    endpoint: Annotated[str | None, typer.Option(
        "--endpoint", "-e",
        help="Query this SPARQL 1.1 endpoint URL instead of the workspace store.")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    list_: Annotated[bool, typer.Option("--list", help="List the library queries and exit.")] = False,
    out: OutOption = DEFAULT_OUT,
) -> None:
    """Run a SPARQL query on the workspace's Oxigraph store (or --endpoint URL) and print the rows.

    The default graph is the union of all documents' graphs; GRAPH ?doc {...} reaches one
    document. Values go in as parameters, never into the query text: `kg query sparql
    "SELECT ?o WHERE { ?o rdfs:label ?n }" --param n="Samsung Electronics"`. Library queries:
    `kg query sparql --list`, then e.g. `kg query sparql --name targets_due_by --param year=2030`.
    """
    if list_:
        show_library()
        return
    if (query is None) == (name is None):
        raise KgError("give either a SPARQL QUERY or --name NAME (see --list)")
    params = parse_params(param or [], typed=name is None)
    target = endpoint if endpoint else Workspace.at(out)
    if name is not None:
        columns, rows = run_query(target, name, params)
    else:
        columns, rows = execute(target, query or "", params)
    print_rows(columns, rows, fmt)
