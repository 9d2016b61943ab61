"""Where the notebooks find things: the workspace, the seed articles, the folder for figures.

Environment variables let a test (or a user) point them elsewhere: KG_WORKSPACE (as the CLI's
--out), KG_SEEDS (the articles to build), KG_IMAGES_DIR (where figures are saved; by default
docs/images/ of the repository, which the README shows).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from kg.workspace import DEFAULT_WORKSPACE, Workspace

if TYPE_CHECKING:
    import neo4j

    from kg.build import BuildReport

REPO = Path(__file__).resolve().parents[2]


def workspace() -> Workspace:
    """KG_WORKSPACE, else kg-data/ at the repository root."""
    configured = os.environ.get("KG_WORKSPACE")
    return Workspace.at(Path(configured) if configured else REPO / DEFAULT_WORKSPACE)


def seeds() -> Path:
    configured = os.environ.get("KG_SEEDS")
    return Path(configured) if configured else REPO / "seeds"


def images_dir() -> Path:
    configured = os.environ.get("KG_IMAGES_DIR")
    folder = Path(configured) if configured else REPO / "docs" / "images"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def ensure_built(ws: Workspace, sources: list[Path] | None = None, *, rebuild: bool = False
                 ) -> BuildReport | None:
    """Build `sources` (the seeds by default) into `ws` unless it already holds a graph.

    Returns the BuildReport of the build, or None when the existing graph was used as it is.
    """
    if ws.graph_trig.is_file() and not rebuild:
        return None
    from kg.build import build

    return build(sources or [seeds()], ws)


def connect_neo4j(ws: Workspace) -> tuple[neo4j.Driver, bool]:
    """(driver, started): a driver to the Neo4j to use, starting the workspace's server if needed.

    With NEO4J_URI set (a test session, a shared server) that server is used and nothing is
    started. `started` tells the caller to stop the server when done (`neo4j_server.stop(ws)`).
    """
    from kg.stores import neo4j_server

    started = False
    if not os.environ.get("NEO4J_URI") and not neo4j_server.status(ws).running:
        neo4j_server.start(ws)
        started = True
    return neo4j_server.driver(ws), started
