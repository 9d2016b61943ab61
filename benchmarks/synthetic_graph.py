"""A synthetic build output (graph.trig) in the shape of docs/rdf-model.md, for load benchmarks.

Deterministic for a seed. Each document gets a named graph with its document node, ~20 entities
drawn from a shared pool (so popular entities are stated by many documents), their typing
assertions, ~40 relations with one assertion each (headOf with a role), two fundings with a KRW
amount and a stated USD conversion, and two targets. The defaults give about 105k Neo4j nodes and
430k relationships (5.4M quads)::

    .venv/bin/python benchmarks/synthetic_graph.py --docs 6000 --out benchmarks/out/synthetic.trig
"""

from __future__ import annotations

import argparse
import hashlib
import random
import time
from dataclasses import dataclass
from pathlib import Path

KGO = "https://w3id.org/kg-builder/ontology#"
KGR = "https://w3id.org/kg-builder/id/"
PREFIXES = """@prefix kgo: <https://w3id.org/kg-builder/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
# kind -> (IRI segment, classes, pool size, drawn per document)
KINDS = {
    "Company": ("org", ("Company", "Organization"), 30000, 6),
    "GovernmentAgency": ("org", ("GovernmentAgency", "Organization"), 3000, 2),
    "Alliance": ("org", ("Alliance", "Organization"), 2000, 1),
    "Association": ("org", ("Association", "Organization"), 2000, 1),
    "Person": ("person", ("Person",), 10000, 3),
    "Place": ("place", ("Place",), 3000, 2),
    "Project": ("project", ("Project",), 10000, 5),
}
ORGS = ("Company", "GovernmentAgency", "Alliance", "Association")
WORDS = ("Korea", "Global", "Smart", "Robotics", "Semiconductor", "Energy", "Mobility", "Green", "Data",
         "Factory", "Bio", "Quantum", "Ocean", "Steel", "Digital", "Future", "Hydrogen", "Battery")
ROLES = ("chairman", "CEO", "president", "Industry Minister", "director")


def lit(text: str) -> str:
    """A Turtle string literal (escaped)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def iri(kind_segment: str, slug: str) -> str:
    return f"<{KGR}{kind_segment}/{slug}>"


def digest(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


@dataclass
class Entity:
    kind: str
    iri: str
    name: str


def make_pool(rng: random.Random, scale: float) -> dict[str, list[Entity]]:
    pool: dict[str, list[Entity]] = {}
    for kind, (segment, _classes, size, _per_doc) in KINDS.items():
        entities = []
        for i in range(max(2, int(size * scale))):
            name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {kind} {i}"
            if i % 997 == 0:
                name += ' "Quoted" {braces} `tick`'          # names that must travel as parameters
            entities.append(Entity(kind, iri(segment, f"{kind.lower()}-{i}"), name))
        pool[kind] = entities
    return pool


class DocWriter:
    """Writes one document's named graph."""

    def __init__(self, doc: str, index: int, rng: random.Random) -> None:
        self.doc, self.index, self.rng = doc, index, rng
        self.lines: list[str] = []
        self.offset = 0

    def sentence(self) -> tuple[str, int, int]:
        topic = self.rng.choice(WORDS)
        text = f"Sentence {self.offset} of document {self.index} says something about {topic}."
        start = self.offset
        self.offset += len(text) + 1
        return text, start, start + len(text)

    def assertion(self, s: str, p: str, o: str, role: str | None = None) -> None:
        text, start, end = self.sentence()
        a = iri("assertion", digest(self.doc, s, p, o))
        extra = f" ; kgo:role {lit(role)}" if role else ""
        self.lines.append(
            f"  {a} a kgo:Assertion ; rdf:subject {s} ; rdf:predicate {p} ; rdf:object {o} ;\n"
            f"    prov:wasDerivedFrom {self.doc} ; kgo:sentence {lit(text)} ; kgo:startChar {start} ;\n"
            f"    kgo:endChar {end} ; kgo:confidence 0.{self.rng.randint(50, 99)}{extra} ;\n"
            f"    kgo:extractorVersion \"kg-builder 0.1.0\" .")

    def entity(self, e: Entity) -> None:
        classes = ", ".join(f"kgo:{c}" for c in KINDS[e.kind][1])
        alias = lit(e.name.split()[0] + " " + e.kind)
        self.lines.append(
            f"  {e.iri} a {classes} ; rdfs:label {lit(e.name)} ; skos:altLabel {alias} ;\n"
            f"    kgo:confidence 0.{self.rng.randint(50, 99)} ; prov:wasDerivedFrom {self.doc} .")
        self.assertion(e.iri, "rdf:type", f"kgo:{e.kind}")

    def relation(self, s: Entity, prop: str, o: Entity, role: str | None = None) -> None:
        self.lines.append(f"  {s.iri} kgo:{prop} {o.iri} .")
        self.assertion(s.iri, f"kgo:{prop}", o.iri, role)


def candidates(ents: dict[str, list[Entity]]) -> list[tuple[Entity, str, Entity]]:
    orgs = [e for k in ORGS for e in ents[k]]
    out: list[tuple[Entity, str, Entity]] = []
    out += [(c, "memberOf", a) for c in ents["Company"] for a in ents["Alliance"] + ents["Association"]]
    out += [(o, "leads", p) for o in orgs for p in ents["Project"]]
    out += [(g, "announces", p) for g in ents["GovernmentAgency"] for p in ents["Project"]]
    out += [(p, "partOf", q) for p in ents["Project"] for q in ents["Project"] if p is not q]
    out += [(h, "headOf", o) for h in ents["Person"] for o in orgs]
    out += [(x, "locatedIn", pl) for x in orgs + ents["Project"] for pl in ents["Place"]]
    return out


def write_document(out: list[str], i: int, pool: dict[str, list[Entity]], rng: random.Random,
                   relations: int) -> None:
    doc = iri("doc", f"synthetic-{i:06d}")
    w = DocWriter(doc, i, rng)
    w.lines.append(
        f"  {doc} a kgo:Document ; rdfs:label {lit(f'Synthetic article {i}')} ;\n"
        f"    dcterms:title {lit(f'Synthetic article {i}')} ; dcterms:identifier \"synthetic-{i:06d}\" ;\n"
        f"    dcterms:source \"synthetic/{i:06d}.txt\" ;\n"
        f"    dcterms:date \"2025-{1 + i % 12:02d}-{1 + i % 28:02d}\"^^xsd:date ;\n"
        f"    kgo:contentHash \"sha256:{hashlib.sha256(str(i).encode()).hexdigest()}\" .")
    ents = {kind: rng.sample(pool[kind], KINDS[kind][3]) for kind in KINDS}
    for group in ents.values():
        for e in group:
            w.entity(e)
    for s, prop, o in rng.sample(candidates(ents), relations):
        w.relation(s, prop, o, rng.choice(ROLES) if prop == "headOf" else None)
    for k in range(2):                                          # two fundings, with their shortcut
        funder, project = rng.choice(ents["GovernmentAgency"]), rng.choice(ents["Project"])
        won = rng.randint(1, 900) * 10**9
        year = 2026 + rng.randint(0, 6)
        f = iri("funding", digest(doc, k))
        krw, usd = iri("amount", digest(doc, k, "KRW")), iri("amount", digest(doc, k, "USD"))
        label = lit(f"{won // 10**9} billion KRW for {project.name} ({year})")
        w.lines.append(
            f"  {f} a kgo:Funding ; rdfs:label {label} ;\n"
            f"    kgo:funder {funder.iri} ; kgo:fundedProject {project.iri} ; kgo:amount {krw}, {usd} ;\n"
            f"    kgo:year \"{year}\"^^xsd:gYear ; kgo:confidence 0.8 ; prov:wasDerivedFrom {doc} .\n"
            f"  {krw} a kgo:MonetaryAmount ; kgo:value {won}.0 ; kgo:currency \"KRW\" ;\n"
            f"    rdfs:label \"{won // 10**9} billion KRW\" ; kgo:isConversion false .\n"
            f"  {usd} a kgo:MonetaryAmount ; kgo:value {won * 683 // 1000}.0 ; kgo:currency \"USD\" ;\n"
            f"    rdfs:label \"{won * 683 // 10**12} million USD\" ; kgo:isConversion true .")
        w.relation(funder, "funds", project)
    for k in range(2):                                          # two targets
        owner = rng.choice(ents["Alliance"] + ents["Project"])
        year = 2027 + rng.randint(0, 8)
        value = rng.randint(2, 500)
        t = iri("target", f"synthetic-{i:06d}/target-{k}-{year}")
        w.lines.append(
            f"  {t} a kgo:Target ; rdfs:label {lit(f'{value} units by {year}')} ;\n"
            f"    kgo:targetYear \"{year}\"^^xsd:gYear ; kgo:targetValue {value}.0 ; kgo:unit \"units\" ;\n"
            f"    kgo:confidence 0.7 ; prov:wasDerivedFrom {doc} .")
        w.relation(owner, "hasTarget", Entity("Target", t, ""))
    out.append(f"{doc} {{\n" + "\n".join(w.lines) + "\n}\n")


def generate(path: Path, docs: int, seed: int = 7, scale: float = 1.0,
             relations: int = 40) -> dict[str, float]:
    """Write the TriG file; returns counts and timing."""
    rng = random.Random(seed)
    pool = make_pool(rng, scale)
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        fh.write(PREFIXES + "\n")
        for i in range(docs):
            chunk: list[str] = []
            write_document(chunk, i, pool, rng, relations)
            fh.write("".join(chunk))
    return {"docs": docs, "bytes": path.stat().st_size, "seconds": time.perf_counter() - started}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scale", type=float, default=1.0, help="Multiplies the entity pool sizes.")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out" / "synthetic.trig")
    args = parser.parse_args()
    info = generate(args.out, args.docs, args.seed, args.scale)
    print(f"wrote {args.out}: {info['docs']} documents, {info['bytes'] / 1e6:.0f} MB "
          f"in {info['seconds']:.1f} s")


if __name__ == "__main__":
    main()
