"""`kg neo4j start|stop|status`: the project's own Neo4j server for a workspace."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from kg.cli.common import DEFAULT_OUT, OutOption, console, err_console, user_errors
from kg.stores import neo4j_server
from kg.workspace import Workspace

neo4j_app = typer.Typer(
    help="Run the workspace's Neo4j server (Bolt on 127.0.0.1; password in <out>/neo4j/password).",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

PortOption = Annotated[
    int | None,
    typer.Option(
        "--port", "-p", min=1, max=65535,
        help="Bolt port (default: the workspace's previous port, else 7687 if free, else any free port).",
    ),
]
TimeoutOption = Annotated[float, typer.Option("--timeout", help="Seconds to wait for the server.", min=1)]


@neo4j_app.command("start")
@user_errors
def start_command(
    out: OutOption = DEFAULT_OUT, port: PortOption = None, timeout: TimeoutOption = 240
) -> None:
    """Start the server (building its launcher with Maven on first use); wait until Bolt answers."""
    ws = Workspace.at(out)
    with console.status("Starting Neo4j") as spinner:
        conn = neo4j_server.start(ws, port=port, timeout=timeout, progress=spinner.update)
    password_file = ws.neo4j / "password"
    console.print(f"Neo4j is running at [bold]{conn.uri}[/] (user {conn.user}, password in {password_file})")
    if other := os.environ.get("NEO4J_URI"):
        err_console.print(f"note: NEO4J_URI is set, so the other kg commands use {other} instead")


@neo4j_app.command("stop")
@user_errors
def stop_command(out: OutOption = DEFAULT_OUT, timeout: TimeoutOption = 60) -> None:
    """Stop the server cleanly (its data stays in <out>/neo4j)."""
    ws = Workspace.at(out)
    with console.status("Stopping Neo4j"):
        stopped = neo4j_server.stop(ws, timeout=timeout)
    console.print("Neo4j stopped." if stopped else f"Neo4j was not running for workspace {ws.root}.")


@neo4j_app.command("status")
@user_errors
def status_command(out: OutOption = DEFAULT_OUT) -> None:
    """Say whether the server runs, where, and whether Bolt answers (exit code 0 either way)."""
    info = neo4j_server.status(Workspace.at(out))
    if not info.running:
        console.print(f"Neo4j is not running (workspace {out}).")
        return
    answer = "answers" if info.reachable else "does not answer (yet)"
    console.print(f"Neo4j is running: pid {info.pid}, {info.uri} {answer}.")
    console.print(f"data {info.home}, log {info.log}", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(neo4j_app, name="neo4j")
