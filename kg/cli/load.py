"""`kg load` and `kg remove`: sync the workspace's graph into Neo4j, or withdraw one document from it."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.cli.common import DEFAULT_OUT, OutOption, console, err_console, user_errors
from kg.stores.neo4j_loader import DEFAULT_BATCH, load_workspace, remove_document
from kg.workspace import Workspace

PHASES = {"reading": "reading graph.trig", "nodes": "nodes", "relationships": "relationships",
          "sweep": "removing stale facts"}


def register(app: typer.Typer) -> None:
    app.command("load")(load)
    app.command("remove")(remove)


@user_errors
def load(
    out: OutOption = DEFAULT_OUT,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, help="Rows per transaction.")] = DEFAULT_BATCH,
) -> None:
    """Load the workspace's graph (graph.trig) into the project's Neo4j server.

    A sync: loading twice changes nothing; after a rebuild, changed facts are updated.

    Facts of documents that are gone are removed. Start the server first: `kg neo4j start`.
    """
    from kg.stores import neo4j_server

    ws = Workspace.at(out)
    ws.require_graph()
    driver = neo4j_server.driver(ws)
    try:
        with Progress(TextColumn("{task.description:<22}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=err_console, transient=True) as progress:
            tasks: dict[str, TaskID] = {}

            def on_progress(phase: str, done: int, total: int) -> None:
                if phase not in tasks:
                    tasks[phase] = progress.add_task(PHASES.get(phase, phase), total=total)
                progress.update(tasks[phase], completed=done, total=total)

            summary = load_workspace(driver, ws, batch_size=batch_size, progress=on_progress)
    finally:
        driver.close()

    table = Table(title=f"Loaded {ws.graph_trig} into Neo4j", show_header=True)
    table.add_column("")
    table.add_column("in graph", justify="right")
    table.add_column("created", justify="right")
    table.add_column("deleted", justify="right")
    table.add_row("documents", str(summary.documents), "", "")
    table.add_row("nodes", str(summary.nodes), str(summary.nodes_created), str(summary.nodes_deleted))
    table.add_row("relationships", str(summary.relationships), str(summary.relationships_created),
                  str(summary.relationships_deleted))
    console.print(table)
    ignored = f"; {summary.ignored} not mapped (terms outside the mapping)" if summary.ignored else ""
    console.print(f"{summary.quads} quads read in {summary.seconds:.1f} s{ignored}", highlight=False)
    if summary.undeclared:
        err_console.print("[yellow]warning:[/] predicates missing from the ontology (mapped by name): "
                          + ", ".join(summary.undeclared), highlight=False)


@user_errors
def remove(
    document: Annotated[str, typer.Argument(
        help="The document's IRI, id (the last part of its IRI) or source path.")],
    out: OutOption = DEFAULT_OUT,
) -> None:
    """Withdraw one document's facts from Neo4j (what another document also states stays).

    Only the Neo4j copy changes: a later `kg load` brings back what the workspace still has.
    """
    from kg.stores import neo4j_server

    ws = Workspace.at(out)
    driver = neo4j_server.driver(ws)
    try:
        summary = remove_document(driver, document)
    finally:
        driver.close()
    table = Table(title=f"Removed {summary.document}")
    table.add_column("")
    table.add_column("deleted", justify="right")
    table.add_column("kept, updated", justify="right")
    table.add_row("nodes", str(summary.nodes_deleted), str(summary.nodes_updated))
    table.add_row("relationships", str(summary.relationships_deleted), str(summary.relationships_updated))
    console.print(table)
