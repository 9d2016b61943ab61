"""Load a workspace's graph into Neo4j, and withdraw one document's facts.

Writes are batched `UNWIND $rows AS row MERGE ...` statements, one transaction per batch (CREATE
instead when the database holds nothing the loader wrote: a first load). Values only travel as
parameters; the Cypher text holds labels and relationship types alone, taken from the
ontology-derived mapping and checked to be plain identifiers. Node batches return the nodes' element
ids; relationship batches match their ends on those (a record read, not two index seeks per row).

A load is a sync: every node and relationship of the graph is merged and stamped with `kgLoad`
(a digest of the graph file and the mapping), then what the loader wrote before and the graph no
longer states (an older stamp) is deleted. So loading twice changes nothing, loading a rebuilt
workspace drops the facts of documents that are gone or changed, and a load that fails half-way
leaves the previous facts in place until the next complete one.
"""

from __future__ import annotations

import hashlib
import queue
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from neo4j import Driver, ManagedTransaction

from kg.stores.neo4j_errors import neo4j_errors
from kg.stores.neo4j_mapping import BASE_LABEL, Mapping, check_identifier, load_mapping
from kg.stores.neo4j_rows import (
    RELATIONSHIP_KEYS,
    PropertyGraph,
    evidence_from_props,
    gc_paused,
    read_trig,
    relationship_props,
)
from kg.workspace import KgError, Workspace

DEFAULT_BATCH = 5000
DEFAULT_WORKERS = 2
SWEEP_BATCH = 10000
LOADER_VERSION = "1"
STAMP = "kgLoad"

Progress = Callable[[str, int, int], None]      # (phase, done, total)


@dataclass(frozen=True)
class LoadSummary:
    """What a load did (counts are of the loaded graph, then of the changes it made)."""

    documents: int
    nodes: int
    relationships: int
    nodes_created: int
    relationships_created: int
    nodes_deleted: int
    relationships_deleted: int
    quads: int
    ignored: int
    undeclared: tuple[str, ...]
    seconds: float


@dataclass(frozen=True)
class RemoveSummary:
    document: str
    relationships_deleted: int
    relationships_updated: int
    nodes_deleted: int
    nodes_updated: int


SCHEMA_STATEMENTS = (
    f"CREATE CONSTRAINT kg_resource_iri IF NOT EXISTS FOR (n:{BASE_LABEL}) REQUIRE n.iri IS UNIQUE",
    f"CREATE INDEX kg_resource_name IF NOT EXISTS FOR (n:{BASE_LABEL}) ON (n.name)",
)


def ensure_schema(driver: Driver) -> None:
    """The unique `iri` constraint every MERGE relies on (and a name index for lookups)."""
    with neo4j_errors("creating the Neo4j schema"), driver.session() as session:
        for statement in SCHEMA_STATEMENTS:
            session.run(statement).consume()
        session.run("CALL db.awaitIndexes(300)").consume()


def node_query(labels: Sequence[str], all_labels: Iterable[str]) -> str:
    """MERGE a batch of nodes with `labels`, dropping the mapping's other labels (a class that changed);
    returns each node's element id, which the relationship batches then match on.

    A row is the node's properties (its `iri` included). `ON CREATE` / `ON MATCH` rather than a
    plain SET after the MERGE: the planner then needs no Eager step (which would hold the whole
    batch before writing).
    """
    labels = [check_identifier(label, "label") for label in labels]
    stale = sorted(set(all_labels) - set(labels))
    assign = "n = row" + (", n" + "".join(f":`{label}`" for label in labels) if labels else "")
    lines = ["UNWIND $rows AS row", f"MERGE (n:{BASE_LABEL} {{iri: row.iri}})",
             f"ON CREATE SET {assign}", f"ON MATCH SET {assign}"]
    if stale:
        lines.append("REMOVE n" + "".join(f":`{check_identifier(label, 'label')}`" for label in stale))
    lines.append("RETURN row.iri AS iri, elementId(n) AS id")
    return "\n".join(lines)


REL_KEYS = (*RELATIONSHIP_KEYS, STAMP)


def create_node_query(labels: Sequence[str]) -> str:
    """CREATE a batch of nodes: only into a database the loader has not written to (see `fresh`)."""
    label_text = "".join(f":`{check_identifier(label, 'label')}`" for label in labels)
    return (f"UNWIND $rows AS row\nCREATE (n:{BASE_LABEL}{label_text})\nSET n = row\n"
            "RETURN row.iri AS iri, elementId(n) AS id")


def _match_ends(rel_type: str) -> str:
    # By element id (returned when the nodes were written): a direct record read, where matching
    # on `iri` costs two index seeks per row; rows are lists, lighter to send than maps.
    check_identifier(rel_type, "relationship type")
    return ("UNWIND $rows AS row\n"
            "MATCH (a) WHERE elementId(a) = row[0]\n"
            "MATCH (b) WHERE elementId(b) = row[1]\n")


def create_relationship_query(rel_type: str) -> str:
    """CREATE a batch of relationships between nodes this load wrote (no existence check, unlike MERGE).

    A row is `[start id, end id, properties]`, the properties without their null values.
    """
    return _match_ends(rel_type) + f"CREATE (a)-[r:`{rel_type}`]->(b)\nSET r = row[2]"


def relationship_query(rel_type: str) -> str:
    """MERGE a batch of relationships of one type; a row is `[start id, end id, *values of REL_KEYS]`.

    Every key set by name (a fixed set: no Eager step, and a key set to null disappears, as with
    `SET r = map`).
    """
    assign = ", ".join(f"r.{check_identifier(key, 'key')} = row[{i}]" for i, key in enumerate(REL_KEYS, 2))
    return _match_ends(rel_type) + f"MERGE (a)-[r:`{rel_type}`]->(b)\nSET {assign}"


SWEEP_RELATIONSHIPS = (
    f"MATCH (:{BASE_LABEL})-[r]->(:{BASE_LABEL}) WHERE r.{STAMP} IS NOT NULL AND r.{STAMP} <> $stamp\n"
    f"CALL (r) {{ DELETE r }} IN TRANSACTIONS OF {SWEEP_BATCH} ROWS"
)
SWEEP_NODES = (
    f"MATCH (n:{BASE_LABEL}) WHERE n.{STAMP} IS NOT NULL AND n.{STAMP} <> $stamp\n"
    f"CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF {SWEEP_BATCH} ROWS"
)


def batches(rows: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def mapping_fingerprint(mapping: Mapping) -> str:
    parts = (mapping.labels, mapping.relationships, mapping.properties, mapping.fixed_properties)
    text = repr(([sorted(part.items()) for part in parts], LOADER_VERSION))
    return hashlib.sha256(text.encode()).hexdigest()


def file_stamp(path: Path, mapping: Mapping) -> int:
    """Same file + same mapping -> same stamp, so a reload rewrites identical values.

    60 bits of a digest: an integer is stored inline in the property record (a string would not).
    """
    digest = hashlib.sha256(mapping_fingerprint(mapping).encode())
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return int(digest.hexdigest()[:15], 16)


Job = tuple[str, list[Any]]      # (Cypher, rows): one transaction


def _write_nodes(tx: ManagedTransaction, query: str, rows: list[Any]) -> tuple[int, list[tuple[str, str]]]:
    result = tx.run(query, rows=rows)
    ids = [(record[0], record[1]) for record in result]
    return result.consume().counters.nodes_created, ids


def _write_relationships(tx: ManagedTransaction, query: str, rows: list[Any]) -> int:
    return tx.run(query, rows=rows).consume().counters.relationships_created


def _node_jobs(graph: PropertyGraph, mapping: Mapping, stamp: int, batch_size: int, fresh: bool) -> list[Job]:
    all_labels = mapping.all_labels
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for node in graph.nodes:
        groups.setdefault(node.labels, []).append({**node.props, STAMP: stamp})
    return [(create_node_query(labels) if fresh else node_query(labels, all_labels), list(batch))
            for labels, rows in sorted(groups.items()) for batch in batches(rows, batch_size)]


def _relationship_jobs(graph: PropertyGraph, stamp: int, batch_size: int, fresh: bool) -> Iterator[Job]:
    """Relationship batches with IRIs as ends (the writer swaps in element ids), one type at a time."""
    groups: dict[str, list[Any]] = {}
    for rel in graph.relationships:
        groups.setdefault(rel.type, []).append(rel)
    for rel_type, rels in sorted(groups.items()):
        query = create_relationship_query(rel_type) if fresh else relationship_query(rel_type)
        for batch in batches(rels, batch_size):
            if fresh:
                rows = []
                for rel in batch:
                    props = {key: value for key, value in rel.props.items() if value is not None}
                    props[STAMP] = stamp
                    rows.append([rel.start, rel.end, props])
            else:
                rows = [[rel.start, rel.end, *(rel.props[key] for key in RELATIONSHIP_KEYS), stamp]
                        for rel in batch]
            yield query, rows


_DONE = object()


def _in_background(jobs: Iterator[Job]) -> Iterator[Job]:
    """Build `jobs` on a thread, ahead of the caller, who meanwhile waits on the server (the driver
    releases the GIL while it does): the rows' Python work overlaps the server's."""
    pending: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def produce() -> None:
        try:
            for job in jobs:
                pending.put(job)
        except BaseException as exc:      # handed to the consumer, raised there
            pending.put(exc)
        pending.put(_DONE)

    threading.Thread(target=produce, name="kg-load-rows", daemon=True).start()
    while (item := pending.get()) is not _DONE:
        if isinstance(item, BaseException):
            raise item
        yield item


def write_rows(driver: Driver, graph: PropertyGraph, mapping: Mapping, stamp: int, *,
               batch_size: int = DEFAULT_BATCH, workers: int = DEFAULT_WORKERS, fresh: bool = False,
               progress: Progress | None = None) -> tuple[int, int]:
    """MERGE all nodes then all relationships, grouped by label set / type; returns (created nodes, rels).

    `fresh`: the database holds nothing the loader wrote, so every row is new and CREATE does what
    MERGE would, without looking for an existing relationship first (about twice as fast at 400k
    relationships). The rows are unique by construction (one per IRI, one per fact).

    The node batches return element ids, and the relationship batches match their ends on them;
    the relationship rows are built on a thread while the nodes are written.
    """
    rel_jobs = _in_background(_relationship_jobs(graph, stamp, batch_size, fresh))
    ids: dict[str, str] = {}
    nodes_created = rels_created = done = 0

    def write_nodes(job: Job) -> tuple[int, list[tuple[str, str]], int]:
        with driver.session() as session:
            created, found = session.execute_write(_write_nodes, *job)
        return created, found, len(job[1])

    node_jobs = _node_jobs(graph, mapping, stamp, batch_size, fresh)
    # Node batches share no node: several sessions keep both of the server's cores busy.
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="kg-load") as pool:
        for future in as_completed([pool.submit(write_nodes, job) for job in node_jobs]):
            created, found, size = future.result()
            ids.update(found)
            nodes_created, done = nodes_created + created, done + size
            if progress:
                progress("nodes", done, len(graph.nodes))
    if progress and not node_jobs:
        progress("nodes", 0, 0)
    # Relationship batches share nodes: in parallel they deadlock and retry more than they gain.
    done = 0
    with driver.session() as session:
        for query, rows in rel_jobs:
            for row in rows:
                row[0], row[1] = ids[row[0]], ids[row[1]]
            rels_created += session.execute_write(_write_relationships, query, rows)
            done += len(rows)
            if progress:
                progress("relationships", done, len(graph.relationships))
    if progress and not graph.relationships:
        progress("relationships", 0, 0)
    return nodes_created, rels_created


def is_fresh(driver: Driver) -> bool:
    """True when no node the loader manages exists (a first load, or after a database reset)."""
    with driver.session() as session:
        return session.run(f"MATCH (n:{BASE_LABEL}) RETURN n LIMIT 1").single() is None


def sweep(driver: Driver, stamp: int) -> tuple[int, int]:
    """Delete what an earlier load wrote and this one did not; returns (nodes, relationships) deleted."""
    with driver.session() as session:
        rels = session.run(SWEEP_RELATIONSHIPS, stamp=stamp).consume().counters.relationships_deleted
        nodes = session.run(SWEEP_NODES, stamp=stamp).consume().counters.nodes_deleted
    return nodes, rels


def load_property_graph(driver: Driver, graph: PropertyGraph, mapping: Mapping, *, stamp: int | None = None,
                        batch_size: int = DEFAULT_BATCH, workers: int = DEFAULT_WORKERS,
                        progress: Progress | None = None, started: float | None = None) -> LoadSummary:
    """Sync Neo4j to `graph`: merge every row, then sweep what is no longer stated."""
    started = time.perf_counter() if started is None else started
    stamp = stamp if stamp is not None else uuid.uuid4().int >> 68
    ensure_schema(driver)
    with neo4j_errors("loading into Neo4j"):
        with gc_paused():       # the rows built while writing are as acyclic as those read
            nodes_created, rels_created = write_rows(driver, graph, mapping, stamp, batch_size=batch_size,
                                                     workers=workers, fresh=is_fresh(driver), progress=progress)
        if progress:
            progress("sweep", 0, 1)
        nodes_deleted, rels_deleted = sweep(driver, stamp)
        if progress:
            progress("sweep", 1, 1)
    return LoadSummary(
        documents=len(graph.documents), nodes=len(graph.nodes), relationships=len(graph.relationships),
        nodes_created=nodes_created, relationships_created=rels_created, nodes_deleted=nodes_deleted,
        relationships_deleted=rels_deleted, quads=graph.quads, ignored=graph.ignored,
        undeclared=tuple(graph.undeclared), seconds=time.perf_counter() - started)


def load_trig(driver: Driver, path: Path, *, mapping: Mapping | None = None, batch_size: int = DEFAULT_BATCH,
              workers: int = DEFAULT_WORKERS, progress: Progress | None = None) -> LoadSummary:
    """Load a TriG file (one named graph per document) into Neo4j."""
    started = time.perf_counter()
    mapping = mapping or load_mapping()
    if progress:
        progress("reading", 0, 1)
    # The collector stays paused until the rows are gone: re-enabled while they live, it would scan
    # millions of acyclic objects; freed first, they go by reference counting alone.
    with gc_paused(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-stamp") as pool:
        stamp = pool.submit(file_stamp, path, mapping)     # hashing releases the GIL: overlaps the parse
        graph = read_trig(path, mapping)
        if progress:
            progress("reading", 1, 1)
        summary = load_property_graph(driver, graph, mapping, stamp=stamp.result(), batch_size=batch_size,
                                      workers=workers, progress=progress, started=started)
        del graph
    return summary


def load_workspace(driver: Driver, ws: Workspace, **kwargs: Any) -> LoadSummary:
    """Load the workspace's graph.trig (the build's output) into Neo4j."""
    return load_trig(driver, ws.require_graph(), **kwargs)


FIND_DOCUMENT = (
    f"MATCH (d:Document:{BASE_LABEL}) WHERE d.iri = $q OR d.source = $q OR d.identifier = $q "
    "OR d.iri ENDS WITH $suffix "
    "RETURN d.iri AS iri ORDER BY iri"
)
DOCUMENT_RELATIONSHIPS = (      # a relationship's documents are also on its start node: scan nodes, not rels
    f"MATCH (n:{BASE_LABEL}) WHERE $doc IN n.documents "
    f"MATCH (n)-[r]->(:{BASE_LABEL}) WHERE $doc IN r.documents "
    "RETURN elementId(r) AS id, properties(r) AS props"
)
DELETE_RELATIONSHIPS = "UNWIND $ids AS id MATCH ()-[r]->() WHERE elementId(r) = id DELETE r"
UPDATE_RELATIONSHIPS = "UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.id SET r += row.props"
DELETE_NODES = (
    f"MATCH (n:{BASE_LABEL}) WHERE $doc IN n.documents AND size(n.documents) = 1 "
    "DETACH DELETE n"
)
UPDATE_NODES = (
    f"MATCH (n:{BASE_LABEL}) WHERE $doc IN n.documents "
    "SET n.documents = [d IN n.documents WHERE d <> $doc] RETURN count(n) AS updated"
)


def _find_document(tx: ManagedTransaction, document: str) -> str:
    suffix = "/doc/" + document.strip("/")
    found = [r["iri"] for r in tx.run(FIND_DOCUMENT, q=document, suffix=suffix)]
    if not found:
        known = [r["id"] for r in tx.run(
            f"MATCH (d:Document:{BASE_LABEL}) RETURN d.iri AS id ORDER BY id LIMIT 5")]
        hint = f" (loaded: {', '.join(known)}{' ...' if len(known) == 5 else ''})" if known else \
            " (no document is loaded)"
        raise KgError(f"no document {document!r} in Neo4j{hint}")
    if len(found) > 1:
        raise KgError(f"{document!r} matches {len(found)} documents; give its IRI: {', '.join(found[:3])}")
    return found[0]


def _remove(tx: ManagedTransaction, document: str) -> RemoveSummary:
    doc = _find_document(tx, document)
    deletions: list[str] = []
    updates: list[dict[str, Any]] = []
    for record in tx.run(DOCUMENT_RELATIONSHIPS, doc=doc):
        props = record["props"]
        docs = [d for d in props.get("documents", []) if d != doc]
        if not docs:
            deletions.append(record["id"])
            continue
        evidence = [ev for ev in evidence_from_props(props) if ev.document != doc]
        updates.append({"id": record["id"], "props": relationship_props(docs, evidence)})
    for batch in batches(deletions, DEFAULT_BATCH):
        tx.run(DELETE_RELATIONSHIPS, ids=list(batch)).consume()
    for batch in batches(updates, DEFAULT_BATCH):
        tx.run(UPDATE_RELATIONSHIPS, rows=list(batch)).consume()
    nodes_deleted = tx.run(DELETE_NODES, doc=doc).consume().counters.nodes_deleted
    nodes_updated = tx.run(UPDATE_NODES, doc=doc).single(strict=True)["updated"]
    return RemoveSummary(doc, len(deletions), len(updates), nodes_deleted, nodes_updated)


def remove_document(driver: Driver, document: str) -> RemoveSummary:
    """Withdraw one document's facts (by IRI, id or source path), in one transaction.

    A node or relationship another document also states stays, without this document in its
    `documents` and evidence; the rest goes, with the document node. Node properties the removed
    document alone contributed (an alias, a higher confidence) stay until the next `kg load` of a
    rebuilt workspace, which recomputes everything.
    """
    with neo4j_errors("removing a document from Neo4j"), driver.session() as session:
        return session.execute_write(_remove, document)


def count_graph(driver: Driver) -> tuple[int, int]:
    """(nodes, relationships) the loader manages."""
    with neo4j_errors("counting the Neo4j graph"), driver.session() as session:
        nodes = session.run(f"MATCH (n:{BASE_LABEL}) RETURN count(n) AS c").single(strict=True)["c"]
        rels = session.run(f"MATCH (:{BASE_LABEL})-[r]->(:{BASE_LABEL}) RETURN count(r) AS c")\
            .single(strict=True)["c"]
    return nodes, rels
