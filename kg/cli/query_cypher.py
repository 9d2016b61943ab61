"""`kg query cypher`: run a Cypher query, or a named library query, against the project's Neo4j."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.table import Table

from kg.cli.common import DEFAULT_OUT, OutOption, console, err_console, user_errors
from kg.cli.output import OutputFormat, print_rows
from kg.stores.cypher_library import list_queries, load_query, run_cypher, run_query
from kg.workspace import KgError, Workspace


def register(app: typer.Typer) -> None:
    app.command("cypher")(cypher)


def parse_params(pairs: list[str], typed: bool) -> dict[str, Any]:
    """`k=v` pairs. For ad-hoc queries a value that is JSON (42, 1.5, true, null, [..], "..") is passed
    typed, anything else as text; library queries convert to their declared types themselves."""
    params: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise KgError(f"--param wants NAME=VALUE, got {pair!r}")
        if typed:
            try:
                params[key] = json.loads(value)
                continue
            except ValueError:
                pass
        params[key] = value
    return params


def show_library() -> None:
    table = Table(title="Cypher library (queries/*.cypher)")
    table.add_column("name", no_wrap=True, style="bold")
    for header in ("parameters", "columns", "question"):
        table.add_column(header)
    for q in list_queries():
        table.add_row(q.name, ", ".join(p.signature for p in q.params) or "-",
                      ", ".join(q.columns), q.question)
    console.print(table)


@user_errors
def cypher(
    query: Annotated[str | None, typer.Argument(
        help="The Cypher query (omit with --name or --list).")] = None,
    name: Annotated[str | None, typer.Option("--name", "-n", help="Run this library query instead.")] = None,
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", help="Query parameter NAME=VALUE (repeatable); reaches Neo4j as $NAME.")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    list_: Annotated[bool, typer.Option("--list", help="List the library queries and exit.")] = False,
    out: OutOption = DEFAULT_OUT,
) -> None:
    """Run a Cypher query on the project's Neo4j server and print the rows.

    Values go in as parameters, never into the query text:

    kg query cypher "MATCH (o:Organization {name: $n}) RETURN o.iri" --param n="Samsung Electronics"

    The analyst library: `kg query cypher --list`, then `kg query cypher --name targets_due_by -p year=2030`.
    """
    if list_:
        show_library()
        return
    if (query is None) == (name is None):
        raise KgError("give either a Cypher QUERY or --name NAME (see --list)")
    params = parse_params(param or [], typed=name is None)
    if name is not None:
        load_query(name)            # unknown names fail before connecting

    from kg.stores import neo4j_server

    driver = neo4j_server.driver(Workspace.at(out))
    try:
        if name is not None:
            result = run_query(driver, name, params)
        else:
            result = run_cypher(driver, query or "", params, on_notice=lambda text: err_console.print(
                f"[yellow]notice:[/] {text}", highlight=False, soft_wrap=True))
    finally:
        driver.close()
    print_rows(result.columns, result.rows, fmt)
