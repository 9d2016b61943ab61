"""`kg validate` checks the workspace graph against the shapes; `kg export` writes it in another format."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from kg.cli.common import DEFAULT_OUT, OutOption, console, err_console, user_errors
from kg.rdf.export import ExportFormat, export_workspace
from kg.rdf.validate import ValidationReport, Violation, validate
from kg.workspace import Workspace


def register(app: typer.Typer) -> None:
    app.command("validate")(validate_command)
    app.command("export")(export_command)


@user_errors
def validate_command(out: OutOption = DEFAULT_OUT) -> None:
    """Check the workspace graph against ontology/shapes.ttl; exit 1 when anything breaks the contract."""
    workspace = Workspace.at(out)
    report = validate(workspace.require_graph())
    print_report(report, workspace.graph_trig)
    if not report.conforms:
        raise typer.Exit(1)


def print_report(report: ValidationReport, source: Path) -> None:
    for violation in report.violations:
        console.print(_line(violation), highlight=False, soft_wrap=True)
    problems = sum(v.severity == "Violation" for v in report.violations)
    others = len(report.violations) - problems
    note = f" ({others} warning(s))" if others else ""
    if report.conforms:
        console.print(f"[green]✓ {escape(str(source))} conforms to the shapes[/] "
                      f"({report.triples} triples){escape(note)}", highlight=False)
    else:
        err_console.print(f"[bold red]✗ {problems} violation(s)[/] in {escape(str(source))} "
                          f"({report.triples} triples){escape(note)}", highlight=False)


def _line(v: Violation) -> str:
    style = "red" if v.severity == "Violation" else "yellow"
    who = escape(v.focus_node) + (f' [dim]("{escape(v.focus_label)}")[/]' if v.focus_label else "")
    where = f" [cyan]{escape(v.path)}[/]" if v.path else ""
    value = f" [dim](value {escape(v.value)})[/]" if v.value else ""
    return f"[{style}]{v.severity.lower()}[/] {who}{where}: {escape(v.message)}{value}"


FormatOption = Annotated[
    ExportFormat | None,
    typer.Option("--format", "-f", help="Output format (default: from --output's suffix, else turtle).",
                 case_sensitive=False),
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", help="Write to this file (atomically) instead of stdout.")
]


@user_errors
def export_command(
    fmt: FormatOption = None, output: OutputOption = None, out: OutOption = DEFAULT_OUT
) -> None:
    """Write the workspace graph as Turtle (union of all), TriG, JSON-LD or N-Quads (a graph per document)."""
    chosen = fmt or (ExportFormat.for_path(output) if output else None) or ExportFormat.turtle
    data = export_workspace(Workspace.at(out), chosen, output)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        err_console.print(f"[green]wrote {escape(str(output))}[/] ({chosen.value}, {len(data)} bytes)",
                          highlight=False)
