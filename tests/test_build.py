"""The build: seeds to a workspace, idempotent, incremental, atomic, and robust to bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, RDFS
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

from kg.build import build, load_manifest, remove_documents
from kg.cli import app
from kg.extract import pipeline
from kg.extract.pipeline import DEFAULT_COMPONENTS, Extractor, create_nlp
from kg.model import Document, DocumentExtraction, ExtractionFailure
from kg.rdf.namespaces import KGO
from kg.workspace import KgError, Workspace

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_075fe3f23501dc51.txt"
runner = CliRunner()


def labels_of(graph: Graph, cls: URIRef) -> set[str]:
    return {str(graph.value(s, RDFS.label)) for s in graph.subjects(RDF.type, cls)}


def built_from(tmp_path: Path, articles: dict[str, str]) -> tuple[Path, Workspace]:
    """(input folder, workspace) after building one-line `articles` ({file name: text})."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name, text in articles.items():
        (inputs / name).write_text(text + "\n")
    ws = Workspace.at(tmp_path / "ws")
    build([inputs], ws)
    return inputs, ws


def test_seed_workspace_has_every_output(seed_workspace: Workspace) -> None:
    ws = seed_workspace
    for path in (ws.graph_ttl, ws.graph_trig, ws.manifest, ws.store / "CURRENT"):
        assert path.exists(), path
    manifest = json.loads(ws.manifest.read_text())
    (record,) = manifest["documents"].values()
    assert record["content_hash"].startswith("sha256:")
    g = Graph().parse(ws.graph_ttl)
    assert "Samsung Electronics" in labels_of(g, KGO.Company)
    assert "Manufacturing AX Alliance" in labels_of(g, KGO.Alliance)
    # the French chrome of the seed never reaches the graph
    assert not any("cookie" in str(o).lower() or "Rapporté" in str(o) for o in g.objects())


def test_named_graph_per_document(seed_workspace: Workspace) -> None:
    ds = Dataset()
    ds.parse(seed_workspace.graph_trig, format="trig")
    graphs = [g for g in ds.graphs() if len(g)]
    assert len(graphs) == 1
    (doc,) = graphs
    assert (doc.identifier, RDF.type, KGO.Document) in doc


def test_rebuild_is_idempotent_and_skips_unchanged(tmp_path: Path) -> None:
    ws = Workspace.at(tmp_path / "ws")
    first = build([SEED], ws)
    ttl, trig = ws.graph_ttl.read_bytes(), ws.graph_trig.read_bytes()
    second = build([SEED], ws)
    assert (first.extracted, second.extracted, second.skipped) == (1, 0, 1)
    assert ws.graph_ttl.read_bytes() == ttl
    assert ws.graph_trig.read_bytes() == trig


def test_same_input_same_triples_in_another_workspace(tmp_path: Path, seed_workspace: Workspace) -> None:
    ws = Workspace.at(tmp_path / "again")
    build([REPO / "seeds"], ws)
    assert ws.graph_trig.read_bytes() == seed_workspace.graph_trig.read_bytes()


def test_changed_document_is_extracted_again(tmp_path: Path) -> None:
    src = tmp_path / "in" / "article.txt"
    src.parent.mkdir()
    src.write_text("Acme Robotics will invest $2 billion in a new battery plant, the company said.\n")
    ws = Workspace.at(tmp_path / "ws")
    build([src.parent], ws)
    src.write_text("The Ministry of Oceans and Fisheries will invest 1 trillion won in smart ports.\n")
    report = build([src.parent], ws)
    assert report.extracted == 1
    g = Graph().parse(ws.graph_ttl)
    assert "Ministry of Oceans and Fisheries" in labels_of(g, KGO.GovernmentAgency)
    assert "Acme Robotics" not in labels_of(g, KGO.Company)


def test_bad_inputs_are_reported_and_the_rest_is_built(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(SEED.read_text())
    (inputs / "empty.txt").write_text("")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02\x03binary\x00" * 50)
    (inputs / "broken.jsonl").write_text(
        '{"text": "The Korea Development Bank will lend 5 trillion won."}\n{not json\n'
    )
    (inputs / "latin1.txt").write_bytes("The Ministry of Finance said the café fund gets €3 billion.".encode("cp1252"))
    french = "Le gouvernement français va investir dans les usines et les entreprises de la région. " * 5
    (inputs / "french.txt").write_text(french)
    ws = Workspace.at(tmp_path / "ws")
    report = build([inputs, tmp_path / "missing.txt"], ws)
    problems = "\n".join(report.errors + report.warnings)
    for name in ("empty.txt", "binary.txt", "broken.jsonl", "french.txt", "missing.txt"):
        assert name in problems, name
    assert all("\n" not in p for p in report.errors + report.warnings)
    manifest = load_manifest(ws)
    assert any(r["source"].endswith("good.txt") for r in manifest.values())
    assert any("latin1" in doc_id for doc_id in manifest)
    assert ws.graph_trig.is_file()


@Language.component("kg_test_fails_on_marker")
def _fails_on_marker(doc: Doc) -> Doc:
    """A component with a bug that only one document triggers."""
    if "MARKER" in doc.text:
        raise ValueError("cannot read\nthis document")
    return doc


class _PipeFailingOnMarker:
    """A batch pipe (like the model's parser) whose errors spaCy lets through instead of calling a handler."""

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, **_kwargs):
        for doc in docs:
            if "MARKER" in doc.text:
                raise RuntimeError("the parser gave up")
            yield doc


@Language.factory("kg_test_pipe_fails_on_marker")
def _make_failing_pipe(nlp: Language, name: str) -> _PipeFailingOnMarker:
    return _PipeFailingOnMarker()


@pytest.mark.parametrize(
    ("component", "reason"),
    [
        ("kg_test_fails_on_marker", "kg_test_fails_on_marker: ValueError: cannot read this document"),
        # a batch that fails in a pipe with its own handler is run again one document at a time
        ("kg_test_pipe_fails_on_marker", "pipeline: RuntimeError: the parser gave up"),
    ],
)
def test_one_document_failing_in_the_pipeline_costs_only_itself(component: str, reason: str) -> None:
    nlp = create_nlp(components={**DEFAULT_COMPONENTS, component: {}})
    texts = ["Acme Robotics will build a plant in Ulsan.", "MARKER text.", "The Ministry of Finance will pay."]
    docs = [Document(f"d{i}", f"d{i}.txt", t, f"sha256:{i}") for i, t in enumerate(texts)]
    out = list(Extractor(nlp, batch_size=8).extract(docs))
    assert [type(x).__name__ for x in out] == ["DocumentExtraction", "ExtractionFailure", "DocumentExtraction"]
    failure = out[1]
    assert isinstance(failure, ExtractionFailure) and failure.document.doc_id == "d1"
    assert failure.reason == reason
    assert isinstance(out[2], DocumentExtraction) and out[2].entities


def test_extraction_failure_is_reported_and_the_previous_extraction_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs, ws = built_from(
        tmp_path,
        {
            "plant.txt": "Acme Robotics will invest $2 billion in a new battery plant in Ulsan.",
            "port.txt": "The Ministry of Oceans and Fisheries will spend 1 trillion won on ports.",
        },
    )
    (inputs / "plant.txt").write_text("Borealis Motors will invest $3 billion in a new battery plant in Gumi.\n")
    (inputs / "new.txt").write_text("Cobalt Dynamics will open a factory in Busan, the company said.\n")
    real_assemble = pipeline.assemble

    def assemble_with_a_bug(doc: Doc, document: Document, version: str) -> DocumentExtraction:
        if "Motors" in document.text or "Cobalt" in document.text:
            raise KeyError("no such token")
        return real_assemble(doc, document, version)

    monkeypatch.setattr(pipeline, "assemble", assemble_with_a_bug)
    result = runner.invoke(app, ["build", str(inputs), "--out", str(ws.root)])
    assert result.exit_code == 1
    report_lines = [line for line in result.output.splitlines() if "extraction failed" in line]
    assert any("plant.txt" in line and "previous extraction kept" in line for line in report_lines)
    assert any("new.txt" in line and "not in the graph" in line for line in report_lines)
    g = Graph().parse(ws.graph_ttl)
    companies = labels_of(g, KGO.Company)
    assert "Acme Robotics" in companies  # the last good extraction of plant.txt stays
    assert not {"Borealis Motors", "Cobalt Dynamics"} & companies
    assert "Ministry of Oceans and Fisheries" in labels_of(g, KGO.GovernmentAgency)


def test_failed_publish_keeps_the_previous_graph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = Workspace.at(tmp_path / "ws")
    build([SEED], ws)
    before = ws.graph_trig.read_bytes(), ws.manifest.read_bytes()
    other = tmp_path / "other.txt"
    other.write_text("Samsung SDI will invest 2 trillion won in a battery plant in Hungary.\n")

    def broken(*_args, **_kwargs):
        raise KgError("disk full (simulated)")

    monkeypatch.setattr("kg.rdf.mapping.to_dataset", broken)
    with pytest.raises(KgError):
        build([other], ws)
    assert (ws.graph_trig.read_bytes(), ws.manifest.read_bytes()) == before


def test_nothing_to_build_is_a_clear_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    with pytest.raises(KgError, match="nothing to build"):
        build([empty], Workspace.at(tmp_path / "ws"))


def test_remove_document_republishes_without_it(tmp_path: Path) -> None:
    _inputs, ws = built_from(
        tmp_path,
        {
            "a.txt": "LG Energy Solution will invest $3 billion in a battery plant in Arizona.",
            "b.txt": "Posco Future M will invest 1 trillion won in cathode materials.",
        },
    )
    remove_documents(ws, ["a"])
    g = Graph().parse(ws.graph_ttl)
    companies = labels_of(g, KGO.Company)
    assert "LG Energy Solution" not in companies and "Posco Future M" in companies
    with pytest.raises(KgError, match="no such document"):
        remove_documents(ws, ["a"])


def test_cli_build_prints_table_and_exit_codes(tmp_path: Path) -> None:
    out = tmp_path / "ws"
    ok = runner.invoke(app, ["build", str(SEED), "--out", str(out)])
    assert ok.exit_code == 0, ok.output
    assert "documents in workspace" in ok.output and "entities: Company" in ok.output
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00\x00")
    failed = runner.invoke(app, ["build", str(bad), "--out", str(out), "--quiet"])
    assert failed.exit_code == 1
    assert "bad.txt" in failed.output
    assert runner.invoke(app, ["build", "--help"]).exit_code == 0


def test_workers_give_the_same_graph(tmp_path: Path, seed_workspace: Workspace) -> None:
    ws = Workspace.at(tmp_path / "par")
    build([REPO / "seeds"], ws, workers=2)
    assert ws.graph_trig.read_bytes() == seed_workspace.graph_trig.read_bytes()
