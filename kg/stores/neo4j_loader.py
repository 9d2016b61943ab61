"""Load a workspace's graph into Neo4j, and withdraw one document's facts.

Writes are batched `UNWIND $rows AS row MERGE ...` statements, one transaction per batch (CREATE
instead when the database holds nothing the loader wrote: a first load). Values only travel as
parameters; the Cypher text holds labels and relationship types alone, taken from the
ontology-derived mapping and checked to be plain identifiers.

A load is a sync: every node and relationship of the graph is merged and stamped with `kgLoad`
(a digest of the graph file and the mapping), then what the loader wrote before and the graph no
longer states (an older stamp) is deleted. So loading twice changes nothing, loading a rebuilt
workspace drops the facts of documents that are gone or changed, and a load that fails half-way
leaves the previous facts in place until the next complete one.
"""

from __future__ import annotations

import hashlib
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
    """MERGE a batch of nodes with `labels`, dropping the mapping's other labels (a class that changed).

    `ON CREATE` / `ON MATCH` rather than a plain SET after the MERGE: the planner then needs no
    Eager step (which would hold the whole batch before writing).
    """
    labels = [check_identifier(label, "label") for label in labels]
    stale = sorted(set(all_labels) - set(labels))
    assign = "n = row.props" + (", n" + "".join(f":`{label}`" for label in labels) if labels else "")
    lines = ["UNWIND $rows AS row", f"MERGE (n:{BASE_LABEL} {{iri: row.iri}})",
             f"ON CREATE SET {assign}", f"ON MATCH SET {assign}"]
    if stale:
        lines.append("REMOVE n" + "".join(f":`{check_identifier(label, 'label')}`" for label in stale))
    return "\n".join(lines)


REL_KEYS = (*RELATIONSHIP_KEYS, STAMP)


def create_node_query(labels: Sequence[str]) -> str:
    """CREATE a batch of nodes: only into a database the loader has not written to (see `fresh`)."""
    label_text = "".join(f":`{check_identifier(label, 'label')}`" for label in labels)
    return f"UNWIND $rows AS row\nCREATE (n:{BASE_LABEL}{label_text})\nSET n = row.props"


def _relationship_batch(rel_type: str, verb: str) -> str:
    rel_type = check_identifier(rel_type, "relationship type")
    assign = ", ".join(f"r.{check_identifier(key, 'key')} = row.{key}" for key in REL_KEYS)
    return (f"UNWIND $rows AS row\n"
            f"MATCH (a:{BASE_LABEL} {{iri: row.start}})\n"
            f"MATCH (b:{BASE_LABEL} {{iri: row.end}})\n"
            f"{verb} (a)-[r:`{rel_type}`]->(b)\n"
            f"SET {assign}")


def create_relationship_query(rel_type: str) -> str:
    """CREATE a batch of relationships between existing nodes (no existence check, unlike MERGE)."""
    return _relationship_batch(rel_type, "CREATE")


def relationship_query(rel_type: str) -> str:
    """MERGE a batch of relationships of one type; every key set by name (a fixed set: no Eager step,
    and a key set to null disappears, as with `SET r = map`)."""
    return _relationship_batch(rel_type, "MERGE")


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


def _write(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> tuple[int, int]:
    counters = tx.run(query, params).consume().counters
    return counters.nodes_created, counters.relationships_created


def _run_batches(driver: Driver, jobs: list[tuple[str, list[dict[str, Any]]]], workers: int, phase: str,
                 total: int, progress: Progress | None) -> tuple[int, int]:
    """Run (query, rows) jobs, one transaction each, on `workers` sessions; returns summed counters.

    Several workers keep both of the server's cores busy; only for batches that share no node
    (node MERGEs): others would deadlock (the driver would retry them, at a loss).
    """
    created_nodes = created_rels = done = 0

    def run(job: tuple[str, list[dict[str, Any]]]) -> tuple[int, int, int]:
        query, rows = job
        with driver.session() as session:
            n, r = session.execute_write(_write, query, {"rows": rows})
        return n, r, len(rows)

    if workers <= 1:
        results: Iterator[tuple[int, int, int]] = map(run, jobs)
        for n, r, size in results:
            created_nodes, created_rels, done = created_nodes + n, created_rels + r, done + size
            if progress:
                progress(phase, done, total)
        return created_nodes, created_rels
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kg-load") as pool:
        for future in as_completed([pool.submit(run, job) for job in jobs]):
            n, r, size = future.result()
            created_nodes, created_rels, done = created_nodes + n, created_rels + r, done + size
            if progress:
                progress(phase, done, total)
    return created_nodes, created_rels


def write_rows(driver: Driver, graph: PropertyGraph, mapping: Mapping, stamp: int, *,
               batch_size: int = DEFAULT_BATCH, workers: int = DEFAULT_WORKERS, fresh: bool = False,
               progress: Progress | None = None) -> tuple[int, int]:
    """MERGE all nodes then all relationships, grouped by label set / type; returns (created nodes, rels).

    `fresh`: the database holds nothing the loader wrote, so every row is new and CREATE does what
    MERGE would, without looking for an existing relationship first (about twice as fast at 400k
    relationships). The rows are unique by construction (one per IRI, one per fact).
    """
    all_labels = mapping.all_labels
    node_groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for node in graph.nodes:
        node_groups.setdefault(node.labels, []).append(
            {"iri": node.iri, "props": {**node.props, STAMP: stamp}})
    rel_groups: dict[str, list[dict[str, Any]]] = {}
    for rel in graph.relationships:
        rel_groups.setdefault(rel.type, []).append(
            {**rel.props, STAMP: stamp, "start": rel.start, "end": rel.end})
    node_jobs = [(create_node_query(labels) if fresh else node_query(labels, all_labels), list(batch))
                 for labels, rows in sorted(node_groups.items()) for batch in batches(rows, batch_size)]
    rel_jobs = [(create_relationship_query(rel_type) if fresh else relationship_query(rel_type), list(batch))
                for rel_type, rows in sorted(rel_groups.items()) for batch in batches(rows, batch_size)]
    nodes_created, _ = _run_batches(driver, node_jobs, workers, "nodes", len(graph.nodes), progress)
    # Relationship batches share nodes: in parallel they deadlock and retry more than they gain.
    _, rels_created = _run_batches(driver, rel_jobs, 1, "relationships", len(graph.relationships), progress)
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
    graph = read_trig(path, mapping)
    if progress:
        progress("reading", 1, 1)
    return load_property_graph(driver, graph, mapping, stamp=file_stamp(path, mapping), batch_size=batch_size,
                               workers=workers, progress=progress, started=started)


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
