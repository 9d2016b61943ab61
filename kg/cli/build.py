"""`kg build PATH...`: articles in, workspace out, with a progress bar and a summary table."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.cli.common import DEFAULT_OUT, OutOption, console, err_console, user_errors
from kg.workspace import Workspace


def register(app: typer.Typer) -> None:
    app.command("build")(build_command)


@user_errors
def build_command(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders: .txt, .md, .html, .jsonl.")],
    out: OutOption = DEFAULT_OUT,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Extraction processes.")] = 1,
    max_mb: Annotated[
        float, typer.Option("--max-mb", help="Refuse a single file (or .jsonl line) over this size.")
    ] = 20,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or table.")] = False,
) -> None:
    """Extract entities, relations, money and targets from articles and write the workspace graph.

    Unchanged documents (same content hash) are not extracted again; the graph (graph.ttl, graph.trig)
    and the embedded SPARQL store are rebuilt atomically from every document in the workspace.
    """
    from kg.build import build

    ws = Workspace.at(out)
    with Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        disable=quiet,
        transient=True,
    ) as bar:
        task = bar.add_task("reading", total=None)
        counts = {"read": 0, "done": 0}

        def tick(event: str, n: int) -> None:
            if event == "read":
                counts["read"] += n
                bar.update(task, total=counts["read"], description="extracting")
            elif event in {"extracted", "skipped", "failed"}:
                counts["done"] += n
                bar.update(task, completed=counts["done"])

        report = build(paths, ws, workers=workers, progress=tick, max_bytes=int(max_mb * 1024 * 1024))
    for line in report.warnings + report.errors:
        err_console.print(
            line, style="yellow" if line.startswith("warning") else "red", highlight=False, soft_wrap=True
        )
    if quiet:
        if report.errors:
            raise typer.Exit(1)
        return
    table = Table(title=f"kg build -> {ws.root}", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents in workspace", str(report.documents))
    table.add_row("  extracted now", str(report.extracted))
    table.add_row("  unchanged (skipped)", str(report.skipped))
    for typ, n in sorted(report.entities_by_type.items()):
        table.add_row(f"entities: {typ}", str(n))
    for rel, n in sorted(report.relations_by_type.items()):
        table.add_row(f"relations: {rel}", str(n))
    table.add_row("fundings", str(report.fundings))
    table.add_row("triples", str(report.triples))
    table.add_row("warnings / errors", f"{len(report.warnings)} / {len(report.errors)}")
    console.print(table)
    if report.errors:
        err_console.print(f"{len(report.errors)} input(s) could not be built (see above); the rest was built.")
        raise typer.Exit(1)
    console.print(
        f"next: [bold]kg validate --out {ws.root}[/], [bold]kg query sparql --out {ws.root} "
        "--name fundings[/], [bold]kg serve --out {ws.root}[/]".replace("{ws.root}", str(ws.root))
    )
