"""The embedded Oxigraph store (`ws.store`): rebuild it from graph.trig, open it, query it with parameters.

Layout: one named graph per document (exactly graph.trig's quads), the ontology in the named
graph <https://w3id.org/kg-builder/ontology>, and the default graph holding the union of all of
them, each triple once (graph.ttl plus the ontology). Queries without GRAPH see everything, as
with a "union default graph", but with set semantics: Oxigraph's own union-default-graph mode
repeats a triple once per document stating it, and on a 1M-quad graph where popular entities
appear in hundreds of documents, every join multiplies those copies (seconds per query instead
of milliseconds). `GRAPH ?doc {...}` still reaches each document's own graph.

Concurrency (checked with pyoxigraph/oxigraph 0.5): a read-write open takes RocksDB's `LOCK`
file, so a second writer fails; a read-only open (`Store.read_only`, `oxigraph serve-read-only`)
takes no lock at all, so any number of read-only readers share the store, but a writer next to
them is undefined behaviour for the readers. RocksDB cannot tell us about read-only readers, so
kg-builder keeps its own lock file next to the store (`<workspace>/.store.lock`, flock):

* a read-only `kg serve` holds it shared for as long as the server process lives,
* `kg serve --allow-updates` and `rebuild_store` hold it exclusively,
* `open_store` checks it once when opening.

So a build while any `kg serve` runs fails with a one-line error and leaves the old store as it
was; several read-only endpoints and embedded read-only queries run side by side.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pyoxigraph as ox

from kg.rdf.namespaces import ONTOLOGY_GRAPH
from kg.stores.sparql_params import bind_values, parameter_marks
from kg.stores.sparql_terms import (
    Param,
    Row,
    default_prefixes,
    first_line,
    result_rows,
    to_substitutions,
)
from kg.workspace import KgError, Workspace, atomic_directory

LOCK_NAME = ".store.lock"


# --- the workspace lock ------------------------------------------------------------------------

def lock_path(ws: Workspace) -> Path:
    return ws.root / LOCK_NAME


def acquire_lock_fd(ws: Workspace, *, exclusive: bool, purpose: str) -> int:
    """Take the store lock without waiting and return its fd (the lock lives as long as the fd).

    Returns -1 (no lock) for a shared lock in a workspace this user cannot write to.
    """
    try:
        ws.root.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path(ws), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        if not exclusive:
            return -1  # a workspace we may not write to: nobody can build or write there either
        raise KgError(f"cannot {purpose}: cannot create {lock_path(ws)}: {exc.strerror}") from None
    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        holder = ("a running `kg serve` (or a build)" if exclusive
                  else "a build or a `kg serve --allow-updates`")
        raise KgError(f"cannot {purpose}: the store in {ws.root} is in use by {holder}; "
                      "stop it and try again") from None
    return fd


@contextlib.contextmanager
def store_lock(ws: Workspace, *, exclusive: bool, purpose: str) -> Iterator[None]:
    fd = acquire_lock_fd(ws, exclusive=exclusive, purpose=purpose)
    try:
        yield
    finally:
        if fd >= 0:
            os.close(fd)


def _check_no_writer(store_dir: Path) -> None:
    """Fail when some process holds the store open read-write (RocksDB's own LOCK)."""
    if not (store_dir / "CURRENT").is_file():
        return
    try:
        probe = ox.Store(str(store_dir))
    except OSError as exc:
        if "lock" in str(exc).lower():
            raise KgError(f"the store {store_dir} is open read-write by another process "
                          "(an `oxigraph serve` or a notebook): close it and build again") from None
        return  # unreadable old store: it is about to be replaced anyway
    del probe
    gc.collect()


# --- building and opening ----------------------------------------------------------------------

def _format_for(path: Path) -> ox.RdfFormat:
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower())
    if fmt is None:
        raise KgError(f"cannot load {path}: unknown RDF file extension {path.suffix!r}")
    return fmt


def _bulk_load(store: ox.Store, path: Path, *, to_graph: ox.NamedNode | None = None) -> None:
    if not path.is_file():
        raise KgError(f"cannot load {path}: no such file")
    try:
        store.bulk_load(path=str(path), format=_format_for(path), to_graph=to_graph)
    except (SyntaxError, ValueError, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise KgError(f"cannot load {path}: {first}") from None


def _to_default_graph(path: Path) -> Iterator[ox.Quad]:
    for quad in ox.parse(path=str(path), format=_format_for(path)):
        yield ox.Quad(quad.subject, quad.predicate, quad.object)


def rebuild_store(ws: Workspace, trig_path: Path, ontology_paths: Sequence[Path]) -> int:
    """Build a fresh store from the TriG plus the ontology, then swap it in; return its quad count.

    The count is of all quads: the documents' named graphs, the ontology graph and the default
    graph (their union, each triple once). The new store is written into a sibling folder and
    replaces `ws.store` only when complete, so a failed load (or a store in use) leaves the old
    one untouched.

    Before the swap the store is compacted (`Store.optimize()`): each bulk load ingests its own
    SST files (LZ4-compressed), so a fresh store holds several per index (22 files on the
    1M-quad benchmark graph) and an index lookup (a RocksDB iterator) merges them; compacted,
    it holds about one per column family (12 files), written uncompressed by RocksDB, and the
    library queries cost a fifth to a quarter fewer instructions (benchmarks/RESULTS-sparql.md).
    The price, on that graph: about 2 s more build (19 -> 21 s) and 1.7x the disk (272 ->
    463 MB; while compacting, the folder briefly holds both).
    """
    trig_path = Path(trig_path)
    if not trig_path.is_file():
        raise KgError(f"cannot build the store: {trig_path} does not exist")
    sources = [Path(p) for p in ontology_paths]
    with store_lock(ws, exclusive=True, purpose="rebuild the store"):
        _check_no_writer(ws.store)
        with atomic_directory(ws.store) as tmp:
            store = ox.Store(str(tmp))
            try:
                _bulk_load(store, trig_path)
                ontology_graph = ox.NamedNode(ONTOLOGY_GRAPH)
                for path in sources:
                    _bulk_load(store, path, to_graph=ontology_graph)
                for path in [trig_path, *sources]:  # the union, in the default graph
                    store.bulk_extend(_to_default_graph(path))
                store.flush()
                store.optimize()  # compact: bulk loads leave many SST files; see the docstring
                count = len(store)
            except (SyntaxError, ValueError, OSError) as exc:
                raise KgError(f"cannot build the store: {first_line(exc)}") from None
            finally:
                del store  # release RocksDB's LOCK before the folder moves
                gc.collect()
    return count


def store_exists(ws: Workspace) -> bool:
    return (ws.store / "CURRENT").is_file()


def require_store(ws: Workspace) -> Path:
    if not store_exists(ws):
        raise KgError(f"no SPARQL store in workspace {ws.root}: run `kg build PATH --out {ws.root}` first")
    return ws.store


def open_store(ws: Workspace, read_only: bool = True) -> ox.Store:
    """Open the workspace store (read-only by default: any number of readers may share it)."""
    path = require_store(ws)
    purpose = "open the store" + ("" if read_only else " for writing")
    with store_lock(ws, exclusive=not read_only, purpose=purpose):
        try:
            return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as exc:
            raise KgError(f"cannot open the store {path}: {str(exc).splitlines()[0]}") from None


def query(
    ws_or_store: Workspace | ox.Store,
    sparql: str,
    bindings: Mapping[str, Param | Sequence[Param]] | None = None,
) -> tuple[list[str], list[Row]]:
    """Run a SPARQL query on the store; return (columns, rows) of plain Python values.

    The default graph is the union of all named graphs, each triple once (`GRAPH ?g {...}`
    still reaches each document's graph); the usual prefixes (kgo, kgr, rdfs, ...) need no
    declaration. Parameters are bound as RDF terms, never pasted into the text: with Oxigraph's
    substitutions (SEP-0007) when the SELECT clause projects them all, otherwise with a VALUES
    block at the top of the WHERE group (pyoxigraph substitutes projected variables only), and
    always with VALUES blocks when the query marks further places for them (`#@parameters`, see
    kg.stores.sparql_params). ASK gives one column `ask`; CONSTRUCT/DESCRIBE give `subject,
    predicate, object`. A parameter given as a list binds each of its values (VALUES rows).
    """
    store = open_store(ws_or_store) if isinstance(ws_or_store, Workspace) else ws_or_store
    subs = {} if parameter_marks(sparql) else to_substitutions(bindings)
    prefixes = default_prefixes()
    try:
        if bindings and not subs:  # a parameter with several values, or marks: VALUES rows
            result = store.query(bind_values(sparql, bindings), prefixes=prefixes)
        else:
            try:
                result = store.query(sparql, substitutions=subs or None, prefixes=prefixes)
            except RuntimeError as exc:
                if not subs or "projection" not in str(exc):
                    raise
                result = store.query(bind_values(sparql, bindings), prefixes=prefixes)
        return result_rows(result)
    except SyntaxError as exc:
        raise KgError(f"invalid SPARQL query: {first_line(exc)}") from None
    except (OSError, RuntimeError) as exc:
        raise KgError(f"SPARQL query failed: {first_line(exc)}") from None
