"""A synthetic kg-builder graph of any size, in the exact shape of docs/rdf-model.md (for benchmarks).

One named graph per synthetic news article, each stating ~230 quads: the entities it mentions
(types, label, aliases, confidence, provenance), core relations with one kgo:Assertion each,
a funding with a KRW amount and a USD conversion, a target, and the document node. Entities are
drawn from shared pools with a Zipf-like popularity, so (as in real news) a few agencies,
alliances and companies appear everywhere and most appear rarely. Deterministic for a seed.

    .venv/bin/python benchmarks/synthetic.py --documents 4500 --out benchmarks/out/synthetic
    (writes graph.trig and builds the Oxigraph store: a workspace `kg serve --out` can serve)
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

KGO = "https://w3id.org/kg-builder/ontology#"
KGR = "https://w3id.org/kg-builder/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"

# pool sizes per 1000 documents (scaled with --documents)
POOLS = {"agency": 40, "company": 1200, "alliance": 60, "association": 25, "person": 800,
         "place": 60, "project": 2000}
ORG_CLASSES = {"agency": "GovernmentAgency", "company": "Company", "alliance": "Alliance",
               "association": "Association"}
ROLES = ("chairman", "CEO", "minister", "president", "director")


@dataclass(frozen=True)
class Entity:
    kind: str
    index: int

    @property
    def iri(self) -> str:
        folder = {"person": "person", "place": "place", "project": "project"}.get(self.kind, "org")
        return f"{KGR}{folder}/{self.kind}-{self.index:05d}"

    @property
    def label(self) -> str:
        return f"{self.kind.capitalize()} {self.index:05d}"

    @property
    def classes(self) -> tuple[str, ...]:
        if self.kind in ORG_CLASSES:
            return (ORG_CLASSES[self.kind], "Organization")
        return (self.kind.capitalize(),)


class Pool:
    """Entities of one kind with Zipf-like popularity (rank r drawn with weight 1/(r+1))."""

    def __init__(self, kind: str, size: int) -> None:
        self.kind, self.size = kind, max(size, 2)
        self.cumulative = list(itertools.accumulate(1.0 / (r + 1) for r in range(self.size)))

    def draw(self, rng: random.Random, k: int = 1) -> list[Entity]:
        total = self.cumulative[-1]
        picks = {bisect.bisect_left(self.cumulative, rng.random() * total) for _ in range(k * 3)}
        return [Entity(self.kind, i) for i in sorted(picks)[:k]]


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _typed(value: object, datatype: str) -> str:
    return f'"{value}"^^<{XSD}{datatype}>'


def _hash(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def document_triples(n: int, pools: dict[str, Pool], rng: random.Random) -> Iterator[tuple[str, str, str]]:
    """The triples of synthetic article n (subject, predicate, object as N-Triples terms)."""
    doc = f"<{KGR}doc/synthetic-{n:06d}>"
    yield doc, f"<{RDF}type>", f"<{KGO}Document>"
    yield doc, f"<{RDFS}label>", _lit(f"Synthetic article {n}")
    yield doc, f"<{DCT}title>", _lit(f"Synthetic article {n}")
    yield doc, f"<{DCT}source>", _lit(f"synthetic/doc-{n:06d}.txt")
    yield doc, f"<{DCT}date>", _typed(f"20{20 + n % 6}-{1 + n % 12:02d}-{1 + n % 28:02d}", "date")
    yield doc, f"<{KGO}contentHash>", _lit(f"sha256:{_hash('doc', n)}")

    agencies, companies = pools["agency"].draw(rng, 2), pools["company"].draw(rng, 5)
    alliance, association = pools["alliance"].draw(rng)[0], pools["association"].draw(rng)[0]
    people, places, projects = pools["person"].draw(rng, 2), pools["place"].draw(rng, 2), pools["project"].draw(rng, 2)
    mentioned = [*agencies, *companies, alliance, association, *people, *places, *projects]

    def assertion(s: str, p: str, o: str, sentence_no: int, role: str | None = None) -> Iterator[tuple[str, ...]]:
        a = f"<{KGR}assertion/{_hash(s, p, o, n)}>"
        yield a, f"<{RDF}type>", f"<{KGO}Assertion>"
        yield a, f"<{RDF}subject>", s
        yield a, f"<{RDF}predicate>", p
        yield a, f"<{RDF}object>", o
        yield a, f"<{PROV}wasDerivedFrom>", doc
        yield a, f"<{KGO}sentence>", _lit(f"Sentence {sentence_no} of synthetic article {n}.")
        yield a, f"<{KGO}startChar>", _typed(sentence_no * 120, "integer")
        yield a, f"<{KGO}endChar>", _typed(sentence_no * 120 + 110, "integer")
        yield a, f"<{KGO}confidence>", _typed("0.8", "decimal")
        if role:
            yield a, f"<{KGO}role>", _lit(role)

    for i, e in enumerate(mentioned):
        s = f"<{e.iri}>"
        for cls in e.classes:
            yield s, f"<{RDF}type>", f"<{KGO}{cls}>"
        yield s, f"<{RDFS}label>", _lit(e.label)
        yield s, f"<{SKOS}altLabel>", _lit(f"{e.kind[:3].upper()}{e.index}")
        yield s, f"<{KGO}confidence>", _typed("0.9", "decimal")
        yield s, f"<{PROV}wasDerivedFrom>", doc
        if i < 4:  # typing provenance for a few entities
            yield from assertion(s, f"<{RDF}type>", f"<{KGO}{e.classes[0]}>", i)

    relations: list[tuple[Entity, str, Entity, str | None]] = [
        *[(c, "memberOf", alliance, None) for c in companies[:3]],
        (companies[3], "memberOf", association, None),
        (alliance, "leads", projects[0], None),
        (agencies[0], "announces", projects[0], None),
        (agencies[0], "funds", projects[0], None),
        (agencies[1], "funds", projects[1], None),
        (projects[1], "partOf", projects[0], None),
        (people[0], "headOf", companies[4], rng.choice(ROLES)),
        (people[1], "headOf", agencies[1], rng.choice(ROLES)),
        (projects[0], "locatedIn", places[0], None),
        (agencies[0], "locatedIn", places[1], None),
    ]
    for i, (s, p, o, role) in enumerate(relations):
        triple = (f"<{s.iri}>", f"<{KGO}{p}>", f"<{o.iri}>")
        yield triple
        yield from assertion(*triple, 10 + i, role)

    year = 2025 + rng.randrange(8)
    krw = rng.randrange(1, 500) * 10**10
    funding = f"<{KGR}funding/{_hash('funding', n)}>"
    amounts = [(f"<{KGR}amount/{_hash('krw', n)}>", krw, "KRW", False),
               (f"<{KGR}amount/{_hash('usd', n)}>", round(krw / 1400, -6), "USD", True)]
    yield funding, f"<{RDF}type>", f"<{KGO}Funding>"
    yield funding, f"<{RDFS}label>", _lit(f"{krw} KRW for {projects[0].label} ({year})")
    yield funding, f"<{KGO}funder>", f"<{agencies[0].iri}>"
    yield funding, f"<{KGO}fundedProject>", f"<{projects[0].iri}>"
    yield funding, f"<{KGO}year>", _typed(year, "gYear")
    yield funding, f"<{KGO}confidence>", _typed("0.8", "decimal")
    yield funding, f"<{PROV}wasDerivedFrom>", doc
    for iri, value, currency, conversion in amounts:
        yield funding, f"<{KGO}amount>", iri
        yield iri, f"<{RDF}type>", f"<{KGO}MonetaryAmount>"
        yield iri, f"<{KGO}value>", _typed(f"{value:.1f}", "decimal")
        yield iri, f"<{KGO}currency>", _lit(currency)
        yield iri, f"<{RDFS}label>", _lit(f"{value:.0f} {currency}")
        yield iri, f"<{KGO}isConversion>", _typed(str(conversion).lower(), "boolean")

    target = f"<{KGR}target/{_hash('target', n)}>"
    target_year = 2026 + rng.randrange(10)
    yield target, f"<{RDF}type>", f"<{KGO}Target>"
    yield target, f"<{RDFS}label>", _lit(f"{n % 50 + 1} units of {projects[0].label} by {target_year}")
    yield target, f"<{KGO}targetYear>", _typed(target_year, "gYear")
    yield target, f"<{KGO}targetValue>", _typed(f"{n % 50 + 1}.0", "decimal")
    yield target, f"<{KGO}unit>", _lit("units")
    yield target, f"<{PROV}wasDerivedFrom>", doc
    yield f"<{alliance.iri}>", f"<{KGO}hasTarget>", target


def write_trig(path: Path, documents: int, seed: int = 7) -> int:
    """Write `documents` synthetic articles as TriG (one graph each); return the quad count."""
    rng = random.Random(seed)
    scale = documents / 1000
    pools = {kind: Pool(kind, round(size * scale)) for kind, size in POOLS.items()}
    count = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for n in range(documents):
            out.write(f"<{KGR}doc/synthetic-{n:06d}> {{\n")
            seen: set[tuple[str, ...]] = set()
            for triple in document_triples(n, pools, rng):
                if triple not in seen:
                    seen.add(triple)
                    out.write(f"{triple[0]} {triple[1]} {triple[2]} .\n")
            count += len(seen)
            out.write("}\n")
    return count


def make_workspace(root: Path, documents: int, seed: int = 7) -> tuple[object, int]:
    """A workspace with graph.trig and the Oxigraph store (plus the ontology graph) built."""
    from kg.rdf.ontology import ontology_paths
    from kg.stores.oxigraph_store import rebuild_store
    from kg.workspace import Workspace

    ws = Workspace.at(root)
    ws.root.mkdir(parents=True, exist_ok=True)
    write_trig(ws.graph_trig, documents, seed)
    return ws, rebuild_store(ws, ws.graph_trig, ontology_paths())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=4500, help="number of synthetic articles")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out/synthetic"), help="workspace folder")
    parser.add_argument("--trig-only", action="store_true", help="write graph.trig, do not build the store")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if args.trig_only:
        quads = write_trig(args.out / "graph.trig", args.documents, args.seed)
    else:
        _, quads = make_workspace(args.out, args.documents, args.seed)
    print(f"{quads} quads in {args.out} ({time.perf_counter() - start:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
