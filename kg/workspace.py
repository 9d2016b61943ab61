"""The workspace folder (`--out DIR`): where a build's outputs live, and atomic writes into it.

Layout::

    kg-data/
      manifest.json          documents built: id, source, content hash, title, counts
      extractions/<id>.json  each document's extraction (so unchanged documents are skipped)
      graph.ttl              the whole graph (one graph)
      graph.trig             one named graph per source document
      store/                 the embedded Oxigraph store (same quads + the ontology graph)
      neo4j/                 the project's Neo4j server: data, logs, password (0600)
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_WORKSPACE = Path("kg-data")


class KgError(Exception):
    """An error with a one-line message meant for the user (the CLI prints it, exit code 1)."""


@dataclass(frozen=True)
class Workspace:
    root: Path

    @classmethod
    def at(cls, root: Path | str | None = None) -> Workspace:
        return cls(Path(root) if root is not None else DEFAULT_WORKSPACE)

    @property
    def manifest(self) -> Path:
        return self.root / "manifest.json"

    @property
    def extractions(self) -> Path:
        return self.root / "extractions"

    @property
    def graph_ttl(self) -> Path:
        return self.root / "graph.ttl"

    @property
    def graph_trig(self) -> Path:
        return self.root / "graph.trig"

    @property
    def store(self) -> Path:
        return self.root / "store"

    @property
    def neo4j(self) -> Path:
        return self.root / "neo4j"

    def ensure(self) -> Workspace:
        self.root.mkdir(parents=True, exist_ok=True)
        self.extractions.mkdir(exist_ok=True)
        return self

    def require_graph(self) -> Path:
        """The workspace's TriG graph, or a clear error when nothing was built yet."""
        if not self.graph_trig.is_file():
            raise KgError(f"no graph in workspace {self.root}: run `kg build PATH --out {self.root}` first")
        return self.graph_trig


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write a file so that readers see the old or the new content, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


@contextlib.contextmanager
def atomic_directory(path: Path) -> Iterator[Path]:
    """Yield a fresh sibling folder; on success it replaces `path` (the old one is kept on failure)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"))
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = path.with_name(f".{path.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if path.exists():
        os.replace(path, old)
    os.replace(tmp, path)
    shutil.rmtree(old, ignore_errors=True)
