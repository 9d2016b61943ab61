"""`kg validate` and `kg export` on a workspace: exit codes, readable output, lossless exports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS
from typer.testing import CliRunner

from kg.cli import app
from kg.rdf.export import ExportFormat
from kg.rdf.graphfile import read_dataset, union_graph
from kg.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "tests" / "data" / "sample.trig"
SAMSUNG = URIRef("https://w3id.org/kg-builder/id/org/samsung-electronics")
runner = CliRunner()


@pytest.fixture()
def workspace(tmp_path: Path) -> Workspace:
    """A workspace whose graph is the hand-made sample (as a build would leave it)."""
    ws = Workspace.at(tmp_path / "ws").ensure()
    shutil.copy(SAMPLE, ws.graph_trig)
    return ws


def quads(dataset: Dataset) -> set[tuple]:
    return {(s, p, o, str(g.identifier) if isinstance(g, Graph) else str(g))
            for s, p, o, g in dataset.quads((None, None, None, None))}


# ------------------------------------------------------------------ validate


def test_validate_conforming_workspace(workspace: Workspace) -> None:
    result = runner.invoke(app, ["validate", "--out", str(workspace.root)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.stdout and "triples" in result.stdout


def test_validate_reports_each_violation_and_exits_1(workspace: Workspace) -> None:
    dataset = read_dataset(workspace.graph_trig)
    seed = dataset.graph(URIRef("https://w3id.org/kg-builder/id/doc/seed-article"))
    seed.add((SAMSUNG, RDFS.label, Literal("Samsung Electronics Co., Ltd.")))   # a second label
    dataset.serialize(workspace.graph_trig, format="trig")

    result = runner.invoke(app, ["validate", "--out", str(workspace.root)])
    assert result.exit_code == 1
    line = next(line for line in result.stdout.splitlines() if "rdfs:label" in line)
    assert "kgr:org/samsung-electronics" in line and "exactly one rdfs:label" in line
    assert "Samsung Electronics" in line          # the focus node's label, for people
    assert "1 violation(s)" in result.stderr


def test_validate_without_graph_is_one_line_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", "--out", str(tmp_path / "empty")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "no graph in workspace" in result.stderr
    assert "Traceback" not in result.output


def test_validate_broken_file_names_it(workspace: Workspace) -> None:
    workspace.graph_trig.write_text(SAMPLE.read_text().replace("kgo:confidence 0.9 ;", "kgo:confidence ;", 1))
    result = runner.invoke(app, ["validate", "--out", str(workspace.root)])
    assert result.exit_code == 1
    assert "cannot parse" in result.stderr and "graph.trig" in result.stderr
    assert result.stderr.strip().count("\n") == 0


# ------------------------------------------------------------------ export


@pytest.mark.parametrize("fmt", [ExportFormat.trig, ExportFormat.jsonld, ExportFormat.nquads])
def test_export_keeps_every_quad(workspace: Workspace, tmp_path: Path, fmt: ExportFormat) -> None:
    target = tmp_path / f"export{fmt.suffix}"
    result = runner.invoke(app, ["export", "--format", fmt.value, "--output", str(target),
                                 "--out", str(workspace.root)])
    assert result.exit_code == 0, result.output
    original, exported = read_dataset(workspace.graph_trig), read_dataset(target)
    assert quads(exported) == quads(original)
    assert len({q[3] for q in quads(exported)}) == 2        # the two documents' named graphs


def test_export_turtle_to_stdout_is_the_union(workspace: Workspace, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--out", str(workspace.root)])    # default format: turtle
    assert result.exit_code == 0, result.stderr
    exported = Graph().parse(data=result.stdout_bytes, format="turtle")
    union = union_graph(read_dataset(workspace.graph_trig))
    assert len(exported) == len(union) and isomorphic(exported, union)


def test_export_format_follows_output_suffix(workspace: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "graph.nq"
    result = runner.invoke(app, ["export", "--output", str(target), "--out", str(workspace.root)])
    assert result.exit_code == 0, result.output
    assert target.read_text().split("\n", 1)[0].rstrip().endswith("> .")   # N-Quads: graph IRI last
    assert quads(read_dataset(target)) == quads(read_dataset(workspace.graph_trig))


def test_export_never_overwrites_the_workspace_graph(workspace: Workspace) -> None:
    before = workspace.graph_trig.read_bytes()
    result = runner.invoke(app, ["export", "-f", "nquads", "--output", str(workspace.graph_trig),
                                 "--out", str(workspace.root)])
    assert result.exit_code == 1 and "refusing to overwrite" in result.stderr
    assert workspace.graph_trig.read_bytes() == before


def test_export_without_graph_is_one_line_error(tmp_path: Path) -> None:
    target = tmp_path / "out.ttl"
    result = runner.invoke(app, ["export", "--output", str(target), "--out", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no graph in workspace" in result.stderr
    assert not target.exists()


def test_export_unknown_format_is_a_usage_error(workspace: Workspace) -> None:
    result = runner.invoke(app, ["export", "--format", "rdfxml", "--out", str(workspace.root)])
    assert result.exit_code == 2


# ------------------------------------------------------------------ a real build


def test_seed_build_conforms_and_exports_losslessly(seed_workspace: Workspace, tmp_path: Path) -> None:
    """What `kg build seeds/` writes satisfies the shapes (the contract of docs/rdf-model.md)."""
    result = runner.invoke(app, ["validate", "--out", str(seed_workspace.root)])
    assert result.exit_code == 0, result.output
    target = tmp_path / "seed.jsonld"
    result = runner.invoke(app, ["export", "--output", str(target), "--out", str(seed_workspace.root)])
    assert result.exit_code == 0, result.output
    assert quads(read_dataset(target)) == quads(read_dataset(seed_workspace.graph_trig))
