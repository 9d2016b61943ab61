"""The notebooks run top to bottom without a cell error, on a fresh workspace, with the real servers.

They run in order in one temporary workspace (notebook 1 builds the seeds into it, the others
reuse it) from a temporary working folder, saving their figures into a temporary folder rather
than docs/images/. The Cypher notebook uses the session's test Neo4j (NEO4J_* exported, so it
starts no second JVM); the SPARQL notebook starts and stops its own endpoint.
Committed notebooks must carry no outputs and match notebooks/make_notebooks.py.
"""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from kg.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
FOLDER = REPO / "notebooks"
NOTEBOOKS = sorted(p.name for p in FOLDER.glob("*.ipynb"))
CELL_TIMEOUT_S = 300

pytestmark = pytest.mark.notebooks


def _generator():
    spec = importlib.util.spec_from_file_location("make_notebooks", FOLDER / "make_notebooks.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def notebook_dirs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {"workspace": tmp_path_factory.mktemp("nb-ws") / "kg-data",
            "images": tmp_path_factory.mktemp("nb-images"), "cwd": tmp_path_factory.mktemp("nb-cwd")}


def test_every_notebook_is_generated_and_committed_without_outputs() -> None:
    generator = _generator()
    assert sorted(generator.NOTEBOOKS) == NOTEBOOKS, "notebooks/ and make_notebooks.py disagree"
    for name in NOTEBOOKS:
        committed = nbformat.read(FOLDER / name, as_version=4)
        nbformat.validate(committed)
        for cell in committed.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, f"{name}: outputs not cleared"
        expected = generator.build_notebook(name)
        assert [c.source for c in committed.cells] == [c.source for c in expected.cells], \
            f"{name} differs from make_notebooks.py: run `.venv/bin/python notebooks/make_notebooks.py`"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs(name: str, notebook_dirs: dict[str, Path], request: pytest.FixtureRequest,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    if "cypher" in name:
        request.getfixturevalue("neo4j_driver")       # the session server, emptied; NEO4J_* exported
    monkeypatch.setenv("KG_WORKSPACE", str(notebook_dirs["workspace"]))
    monkeypatch.setenv("KG_IMAGES_DIR", str(notebook_dirs["images"]))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(FOLDER / name, as_version=4)
    client = NotebookClient(nb, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                            resources={"metadata": {"path": str(notebook_dirs["cwd"])}})
    started = time.monotonic()
    try:
        client.execute()
    except CellExecutionError as exc:
        pytest.fail(f"{name}: a cell failed:\n{str(exc)[-3000:]}")
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, f"{name}: {errors[0]['ename']}: {errors[0]['evalue']}"
    print(f"{name}: {time.monotonic() - started:.1f} s")
    _check_results(name, nb, notebook_dirs)


def _text(nb: nbformat.NotebookNode) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            parts.append(str(out.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


def _check_results(name: str, nb: nbformat.NotebookNode, dirs: dict[str, Path]) -> None:
    """What each notebook must have produced besides running: its figures, its key outputs."""
    images = dirs["images"]
    expected = {
        "01_explore_the_build.ipynb": ["seed_graph.png"],
        "02_funding_and_targets.ipynb": ["fundings.png", "targets_timeline.png", "agency_project_target.png"],
        "03_cypher.ipynb": ["cypher_agency_to_company.png"],
        "05_graph_analytics.ipynb": ["centrality.png", "communities.png"],
    }.get(name, [])
    for png in expected:
        path = images / png
        assert path.is_file() and path.stat().st_size > 10_000, f"{name} did not save {png}"
    text = _text(nb)
    if name.startswith("01"):
        assert Workspace.at(dirs["workspace"]).graph_trig.is_file()
        assert "Manufacturing AX Alliance" in text
    if name.startswith("03"):
        assert "left the server running" in text            # it reused the test server, started nothing
        html = [o for c in nb.cells for o in c.get("outputs", []) if "text/html" in o.get("data", {})]
        assert any("Samsung Electronics" in str(o["data"]["text/html"]) for o in html)
    if name.startswith("04"):
        assert "endpoint stopped: True" in text
