"""`kg eval GOLD...`: precision, recall and F1 of a workspace (or a fresh build) against gold files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from kg.cli.common import DEFAULT_OUT, OutOption, console, user_errors
from kg.workspace import Workspace


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)


@user_errors
def eval_command(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSON files or folders of them.")],
    out: OutOption = DEFAULT_OUT,
    build_from: Annotated[
        list[Path] | None,
        typer.Option("--build", help="Build these articles into --out first (else the workspace is read as it is)."),
    ] = None,
    graph: Annotated[Path | None, typer.Option("--graph", help="Score this RDF file instead of the workspace.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List missed and spurious items.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    min_entity_f1: Annotated[float, typer.Option(help="Exit 1 when entity F1 is below this.")] = 0.0,
    min_relation_f1: Annotated[float, typer.Option(help="Exit 1 when relation F1 is below this.")] = 0.0,
) -> None:
    """Per-type precision/recall/F1 of entities and relations, and exact fundings and targets."""
    from kg.evaluate import evaluate, load_gold
    from kg.rdf.graphfile import read_dataset, union_graph

    ws = Workspace.at(out)
    if build_from:
        from kg.build import build

        build(build_from, ws)
    source = graph or ws.require_graph()
    result = evaluate(union_graph(read_dataset(source)), load_gold(gold))
    if as_json:

        def row(s):
            return {
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
                "precision": round(s.precision, 3),
                "recall": round(s.recall, 3),
                "f1": round(s.f1, 3),
            }

        console.print_json(
            json.dumps(
                {
                    "entities": row(result.entities),
                    "relations": row(result.relations),
                    "entities_by_type": {k: row(v) for k, v in sorted(result.entities_by_type.items())},
                    "relations_by_type": {k: row(v) for k, v in sorted(result.relations_by_type.items())},
                    "fundings_correct": list(result.fundings_correct),
                    "targets_correct": list(result.targets_correct),
                    "missed": result.missed,
                    "spurious": result.spurious,
                    "missed_relations": result.missed_relations,
                    "spurious_relations": result.spurious_relations,
                }
            )
        )
    else:
        table = Table("kind", "P", "R", "F1", "tp", "fp", "fn", title=f"kg eval: {source}")
        for label, group in (("entity", result.entities_by_type), ("relation", result.relations_by_type)):
            for name, s in sorted(group.items()):
                table.add_row(
                    f"{label}: {name}",
                    f"{s.precision:.3f}",
                    f"{s.recall:.3f}",
                    f"{s.f1:.3f}",
                    str(s.tp),
                    str(s.fp),
                    str(s.fn),
                )
        for name, s in (("ALL entities", result.entities), ("ALL relations", result.relations)):
            table.add_row(
                f"[bold]{name}[/]",
                f"{s.precision:.3f}",
                f"{s.recall:.3f}",
                f"[bold]{s.f1:.3f}[/]",
                str(s.tp),
                str(s.fp),
                str(s.fn),
            )
        console.print(table)
        console.print(
            f"fundings with amount and year right: {result.fundings_correct[0]}/{result.fundings_correct[1]}; "
            f"targets with value and year right: {result.targets_correct[0]}/{result.targets_correct[1]}"
        )
        if verbose:
            for title, items in (
                ("missed entities", result.missed),
                ("spurious entities", result.spurious),
                ("missed relations", result.missed_relations),
                ("spurious relations", result.spurious_relations),
            ):
                console.print(f"[bold]{title}[/] ({len(items)})")
                for item in sorted(items):
                    console.print(f"  {item}", highlight=False)
    if result.entities.f1 < min_entity_f1 or result.relations.f1 < min_relation_f1:
        raise typer.Exit(1)
