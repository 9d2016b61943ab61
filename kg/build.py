"""`build`: the main job. Files in, a workspace out (ingest -> extract -> resolve -> rdf -> stores).

The workspace accumulates documents: each build adds or updates the documents it is given (by
content hash, so unchanged ones are not extracted again) and then rebuilds the graph files and the
store from every document's cached extraction. The same inputs always give the same triples.
Every write is atomic: an interrupted or failed build leaves the previous graph in place.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from kg.ingest import Problem, read_sources
from kg.model import Document, DocumentExtraction, ExtractionFailure
from kg.workspace import KgError, Workspace, atomic_write_text

MANIFEST_VERSION = 1
ProgressCallback = Callable[[str, int], None]  # (event, amount): "read", "extracted", "skipped", "failed", "problem"


@dataclass
class BuildReport:
    """What a build did: counts for the summary table and every warning, one line each."""

    workspace: Path
    documents: int = 0  # documents in the workspace after the build
    extracted: int = 0  # extracted in this run
    skipped: int = 0  # unchanged since the last build
    entities_by_type: Counter[str] = field(default_factory=Counter)
    relations_by_type: Counter[str] = field(default_factory=Counter)
    fundings: int = 0
    triples: int = 0
    quads_in_store: int = 0
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def load_manifest(ws: Workspace, report: BuildReport | None = None) -> dict[str, dict]:
    """The documents built so far ({doc_id: record}); a broken manifest is reported, not fatal."""
    if not ws.manifest.is_file():
        return {}
    try:
        data = json.loads(ws.manifest.read_text("utf-8"))
        docs = data["documents"]
        if not isinstance(docs, dict):
            raise ValueError("'documents' is not an object")
        return docs
    except (ValueError, KeyError, OSError) as exc:
        if report is not None:
            report.warnings.append(
                f"warning: {ws.manifest}: unreadable manifest ({exc}); rebuilding it from the cached extractions"
            )
        return _manifest_from_cache(ws)


def _manifest_from_cache(ws: Workspace) -> dict[str, dict]:
    docs: dict[str, dict] = {}
    for path in sorted(ws.extractions.glob("*.json")):
        try:
            ex = DocumentExtraction.from_json(json.loads(path.read_text("utf-8")))
        except (ValueError, KeyError, TypeError, OSError):
            continue
        docs[ex.document.doc_id] = _record(ex, path)
    return docs


def _record(ex: DocumentExtraction, path: Path) -> dict:
    d = ex.document
    return {
        "source": d.source,
        "content_hash": d.content_hash,
        "title": d.title,
        "url": d.url,
        "date": d.date,
        "extraction": path.name,
        "extractor_version": ex.extractor_version,
        "entities": len(ex.entities),
        "relations": len(ex.relations),
        "fundings": len(ex.fundings),
    }


def _extraction_path(ws: Workspace, doc_id: str) -> Path:
    return ws.extractions / f"{doc_id}.json"


def load_extractions(ws: Workspace, manifest: dict[str, dict], report: BuildReport) -> list[DocumentExtraction]:
    out = []
    for doc_id in sorted(manifest):
        path = _extraction_path(ws, doc_id)
        try:
            out.append(DocumentExtraction.from_json(json.loads(path.read_text("utf-8"))))
        except (ValueError, KeyError, TypeError, OSError) as exc:
            report.warnings.append(
                f"warning: {path}: unreadable cached extraction ({type(exc).__name__}); "
                "rebuild that document to restore it"
            )
    return out


# ------------------------------------------------------------------ extraction (1 or N processes)
_WORKER_EXTRACTOR = None


def _worker_init() -> None:
    global _WORKER_EXTRACTOR
    from kg.extract.pipeline import Extractor

    _WORKER_EXTRACTOR = Extractor()


def _worker_extract(batch: list[Document]) -> list[DocumentExtraction | ExtractionFailure]:
    assert _WORKER_EXTRACTOR is not None
    return list(_WORKER_EXTRACTOR.extract(batch))


def extract_stream(
    documents: Iterable[Document], workers: int = 1
) -> Iterator[DocumentExtraction | ExtractionFailure]:
    """Extractions (or failures) in input order; with workers > 1, batches go to a pool of processes."""
    if workers <= 1:
        from kg.extract.pipeline import Extractor

        yield from Extractor().extract(documents)
        return
    from kg.extract.pipeline import batches

    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init) as pool:
        pending = []
        for batch in batches(documents, 16):
            pending.append(pool.submit(_worker_extract, batch))
            if len(pending) >= workers * 2:
                yield from pending.pop(0).result()
        for fut in pending:
            yield from fut.result()


# ------------------------------------------------------------------ the build
def build(
    paths: Sequence[Path | str],
    workspace: Workspace,
    *,
    workers: int = 1,
    progress: ProgressCallback | None = None,
    max_bytes: int | None = None,
) -> BuildReport:
    """Build (or update) `workspace` from the articles under `paths`."""
    from kg.extract.pipeline import EXTRACTOR_VERSION

    ws = workspace.ensure()
    report = BuildReport(ws.root)
    manifest = load_manifest(ws, report)
    tick = progress or (lambda event, n: None)

    def to_extract() -> Iterator[Document]:
        kwargs = {"max_bytes": max_bytes} if max_bytes else {}
        for item in read_sources([Path(p) for p in paths], **kwargs):
            if isinstance(item, Problem):
                (report.errors if item.level == "error" else report.warnings).append(str(item))
                tick("problem", 1)
                continue
            tick("read", 1)
            known = manifest.get(item.doc_id)
            if (
                known
                and known.get("content_hash") == item.content_hash
                and known.get("extractor_version") == EXTRACTOR_VERSION
                and _extraction_path(ws, item.doc_id).is_file()
            ):
                report.skipped += 1
                tick("skipped", 1)
                continue
            yield item

    for ex in extract_stream(to_extract(), workers):
        if isinstance(ex, ExtractionFailure):
            kept = "its previous extraction kept" if ex.document.doc_id in manifest else "not in the graph"
            report.errors.append(f"error: {ex.document.source}: extraction failed ({ex.reason}); {kept}")
            tick("failed", 1)
            continue
        path = _extraction_path(ws, ex.document.doc_id)
        atomic_write_text(path, json.dumps(ex.to_json(), ensure_ascii=False, sort_keys=True))
        manifest[ex.document.doc_id] = _record(ex, path)
        report.extracted += 1
        tick("extracted", 1)

    if not manifest:
        raise KgError("nothing to build: no readable article in " + ", ".join(str(p) for p in paths))
    publish(ws, manifest, report)
    return report


def publish(ws: Workspace, manifest: dict[str, dict], report: BuildReport) -> None:
    """Resolve every cached extraction and write graph.trig, graph.ttl, the store and the manifest."""
    from kg.extract.pipeline import EXTRACTOR_VERSION
    from kg.rdf.mapping import to_dataset
    from kg.rdf.ontology import ontology_paths
    from kg.resolve import resolve
    from kg.stores.oxigraph_store import rebuild_store

    extractions = load_extractions(ws, manifest, report)
    resolved = resolve(extractions)
    dataset = to_dataset(resolved, EXTRACTOR_VERSION)
    trig = deterministic_trig(dataset)
    union = _union_turtle(dataset)
    atomic_write_text(ws.graph_trig, trig)
    atomic_write_text(ws.graph_ttl, union)
    report.quads_in_store = rebuild_store(ws, ws.graph_trig, ontology_paths())
    atomic_write_text(
        ws.manifest,
        json.dumps({"version": MANIFEST_VERSION, "documents": manifest}, indent=2, sort_keys=True, ensure_ascii=False),
    )
    report.documents = len(manifest)
    report.entities_by_type = Counter(e.type for e in resolved.entities.values())
    report.relations_by_type = Counter(r.predicate for _, r in resolved.relations)
    report.relations_by_type["funds"] += len({(tuple(f.funders), f.project) for _, f in resolved.fundings})
    from rdflib.namespace import RDF

    from kg.rdf.namespaces import KGO

    report.fundings = len({s for s, _, _, _ in dataset.quads((None, RDF.type, KGO.Funding, None))})
    report.triples = sum(1 for _ in dataset.quads((None, None, None, None)))


def deterministic_trig(dataset) -> str:
    """TriG with graphs in IRI order and subjects sorted, so the same graph is the same bytes."""
    from rdflib import Graph

    prefixes: list[str] = []
    blocks: list[str] = []
    for ctx in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(ctx) == 0:
            continue
        g = Graph()
        for prefix, ns in dataset.namespaces():
            g.bind(prefix, ns, override=True)
        for triple in ctx:
            g.add(triple)
        body_lines = []
        for line in g.serialize(format="turtle").splitlines():
            if line.startswith("@prefix"):
                if line not in prefixes:
                    prefixes.append(line)
            elif line.strip():
                body_lines.append("    " + line)
            else:
                body_lines.append("")
        blocks.append(f"<{ctx.identifier}> {{\n" + "\n".join(body_lines).rstrip() + "\n}\n")
    return "\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)


def _union_turtle(dataset) -> str:
    from kg.rdf.graphfile import union_graph

    return union_graph(dataset).serialize(format="turtle")


def remove_documents(ws: Workspace, doc_ids: Sequence[str]) -> BuildReport:
    """Withdraw documents from the workspace and republish the graph without them."""
    report = BuildReport(ws.root)
    manifest = load_manifest(ws, report)
    missing = [d for d in doc_ids if d not in manifest]
    if missing:
        raise KgError(f"no such document in {ws.root}: {', '.join(missing)} (see manifest.json)")
    for d in doc_ids:
        manifest.pop(d)
        _extraction_path(ws, d).unlink(missing_ok=True)
    publish(ws, manifest, report)
    return report
