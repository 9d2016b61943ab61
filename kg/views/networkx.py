"""The built graph as a typed, attributed networkx MultiDiGraph (for notebooks and graph analytics).

It reads only the RDF shape of docs/rdf-model.md. Nodes are the entities (organisations, people,
places, projects, targets), keyed by IRI; edges are the relations between them, keyed by the
property's local name (`memberOf` ...), inverse properties (`kgo:hasMember`) turned around into
the property they invert. Provenance comes from the `kgo:Assertion` nodes: every node and edge
carries its documents, supporting sentences and confidence.

Money: the shortcut edge `funder -funds-> project` carries the fundings behind it (amount,
currency, year); with `include_fundings=True` each `kgo:Funding` is a node too, linked as in RDF
(`funding -funder-> org`, `funding -fundedProject-> project`). Every funding is also listed in
`G.graph["fundings"]`, and the source documents in `G.graph["documents"]`.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kg.rdf.graphfile import read_dataset, union_graph
from kg.rdf.namespaces import KGO, SCHEMA
from kg.rdf.ontology import classes, inverses, load_ontology, superclasses
from kg.workspace import KgError, Workspace

Source = Workspace | Graph | Path | str
NON_ENTITY_CLASSES = frozenset({"Document", "Assertion", "Funding", "MonetaryAmount"})
_YEAR = re.compile(r"^-?\d+")


@dataclass(frozen=True)
class Evidence:
    """One supporting sentence (one kgo:Assertion) of a node's typing or of an edge."""

    document: str
    sentence: str = ""
    start: int = -1
    end: int = -1
    confidence: float | None = None
    role: str | None = None


@dataclass(frozen=True)
class Amount:
    value: float
    currency: str
    is_conversion: bool = False
    label: str = ""


@dataclass
class Funding:
    """One `kgo:Funding`: who pays, for what, how much (stated amount first, then conversions), when."""

    iri: str
    label: str
    funders: list[str]
    projects: list[str]
    amounts: list[Amount] = field(default_factory=list)
    year: int | None = None
    confidence: float | None = None
    documents: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def stated(self) -> Amount | None:
        """The amount as the text states it (not a conversion)."""
        stated = [a for a in self.amounts if not a.is_conversion]
        return (stated or self.amounts or [None])[0]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_graph(source: Source) -> Graph:
    """The union of all triples of a workspace, a graph file, or an rdflib Graph/Dataset."""
    if isinstance(source, Workspace):
        return union_graph(read_dataset(source.require_graph()))
    if isinstance(source, (str, Path)):
        return union_graph(read_dataset(source))
    if isinstance(source, Dataset):
        return union_graph(source)
    if isinstance(source, Graph):
        return source
    raise KgError(f"cannot make a graph view of {type(source).__name__} "
                  "(want a Workspace, a graph file or an rdflib Graph)")


def local(term: URIRef | str) -> str:
    text = str(term)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]


def _py(value: Any) -> Any:
    """An rdflib literal as a plain Python value (decimals as float, gYear as int)."""
    if isinstance(value, Literal):
        if value.datatype is not None and local(value.datatype) == "gYear":
            match = _YEAR.match(str(value).strip())
            return int(match.group()) if match else str(value)
        value = value.toPython()
    if isinstance(value, Decimal):
        return float(value)
    return value if isinstance(value, (int, float, bool, str)) or value is None else str(value)


@functools.lru_cache(maxsize=1)
def _ontology_facts() -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """(kgo class -> its kgo superclasses, inverse property -> the property it inverts), by local name."""
    onto = load_ontology()
    supers = {local(c): frozenset(local(s) for s in superclasses(onto, c, str(KGO))) for c in classes(onto)}
    return supers, {local(k): local(v) for k, v in inverses(onto).items()}


def most_specific_type(types: Iterable[str]) -> str:
    """The type no other type of the node specialises (`Company` over `Organization`); ties by name."""
    names = sorted(set(types))
    supers = _ontology_facts()[0]
    inherited = set().union(*(supers.get(t, frozenset()) for t in names)) if names else set()
    specific = [t for t in names if t not in inherited]
    return (specific or names or ["Thing"])[0]


class _Reader:
    def __init__(self, graph: Graph) -> None:
        self.g = graph
        self.inverse = _ontology_facts()[1]

    def one(self, s: URIRef, p: URIRef) -> Any:
        values = sorted(self.g.objects(s, p), key=str)
        return _py(values[0]) if values else None

    def kgo_types(self, node: URIRef) -> list[str]:
        return sorted(local(t) for t in self.g.objects(node, RDF.type) if str(t).startswith(str(KGO)))

    def documents(self, node: URIRef) -> list[str]:
        return sorted(str(d) for d in self.g.objects(node, PROV.wasDerivedFrom))

    def assertions(self) -> list[tuple[URIRef, str, URIRef, Evidence]]:
        found = []
        for a in self.g.subjects(RDF.type, KGO.Assertion):
            s, p, o = (self.one_term(a, x) for x in (RDF.subject, RDF.predicate, RDF.object))
            if s is None or p is None or o is None:
                continue
            docs = self.documents(a)
            start, end = self.one(a, KGO.startChar), self.one(a, KGO.endChar)
            found.append((s, "type" if p == RDF.type else local(p), o, Evidence(
                document=docs[0] if docs else "", sentence=str(self.one(a, KGO.sentence) or ""),
                start=int(start) if start is not None else -1, end=int(end) if end is not None else -1,
                confidence=self.one(a, KGO.confidence), role=self.one(a, KGO.role))))
        return sorted(found, key=lambda x: (str(x[0]), x[1], str(x[2]), x[3].document, x[3].start))

    def one_term(self, s: URIRef, p: URIRef) -> URIRef | None:
        values = sorted((v for v in self.g.objects(s, p) if isinstance(v, URIRef)), key=str)
        return values[0] if values else None


def _edge_summary(evidence: list[Evidence], documents: set[str]) -> dict[str, Any]:
    confidences = [e.confidence for e in evidence if e.confidence is not None]
    roles = sorted({e.role for e in evidence if e.role})
    return {
        "confidence": max(confidences) if confidences else None,
        "documents": sorted(documents | {e.document for e in evidence if e.document}),
        "sentences": list(dict.fromkeys(e.sentence for e in evidence if e.sentence)),
        "role": roles[0] if roles else None,
        "roles": roles,
        "evidence": [asdict(e) for e in evidence],
    }


def to_networkx(source: Source, *, include_fundings: bool = False) -> nx.MultiDiGraph:
    """The entities and relations of `source` as a MultiDiGraph (see the module docstring)."""
    g = load_graph(source)
    r = _Reader(g)
    G = nx.MultiDiGraph()
    evidence: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    typing: dict[str, list[Evidence]] = defaultdict(list)
    for s, p, o, ev in r.assertions():
        if p != "type" and p in r.inverse:
            s, p, o = o, r.inverse[p], s
        evidence[(str(s), p, str(o))].append(ev)
        if p == "type":
            typing[str(s)].append(ev)

    subjects = sorted({s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef)}, key=str)
    for node in subjects:
        types = r.kgo_types(node)
        kind = most_specific_type(types)
        if not types or kind in NON_ENTITY_CLASSES:
            continue
        summary = _edge_summary(typing.get(str(node), []), set(r.documents(node)))
        attrs: dict[str, Any] = {
            "iri": str(node), "name": str(r.one(node, RDFS.label) or local(node)), "type": kind,
            "types": types, "aliases": sorted(str(a) for a in g.objects(node, SKOS.altLabel)),
            "confidence": r.one(node, KGO.confidence), "documents": summary["documents"],
            "sentences": summary["sentences"], "evidence": summary["evidence"],
        }
        if kind == "Target":
            attrs.update(target_year=r.one(node, KGO.targetYear), target_value=r.one(node, KGO.targetValue),
                         unit=r.one(node, KGO.unit), baseline_value=r.one(node, KGO.baselineValue),
                         qualifier=r.one(node, KGO.qualifier))
        G.add_node(str(node), **attrs)

    for s, p, o in sorted(g, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
        if not (isinstance(o, URIRef) and str(p).startswith(str(KGO))) or p == RDF.type:
            continue
        rel = local(p)
        if rel in r.inverse:
            s, rel, o = o, r.inverse[rel], s
        u, v = str(s), str(o)
        if u in G and v in G and not G.has_edge(u, v, key=rel):
            G.add_edge(u, v, key=rel, relation=rel, **_edge_summary(evidence.get((u, rel, v), []), set()))

    fundings = _fundings(r, evidence)
    G.graph["fundings"] = [f.to_dict() for f in fundings]
    G.graph["documents"] = _documents(r)
    _attach_fundings(G, fundings)
    if include_fundings:
        for f in fundings:
            stated = f.stated
            G.add_node(f.iri, iri=f.iri, name=f.label, type="Funding", types=["Funding"], aliases=[],
                       confidence=f.confidence, documents=f.documents,
                       sentences=list(dict.fromkeys(e.sentence for e in f.evidence if e.sentence)),
                       evidence=[asdict(e) for e in f.evidence], year=f.year,
                       amount=stated.value if stated else None, currency=stated.currency if stated else None,
                       amounts=[asdict(a) for a in f.amounts])
            for rel, ends in (("funder", f.funders), ("fundedProject", f.projects)):
                for end in ends:
                    if end in G:
                        G.add_edge(f.iri, end, key=rel, relation=rel,
                                   **_edge_summary(evidence.get((f.iri, rel, end), []), set(f.documents)))
    return G


def _fundings(r: _Reader, evidence: dict[tuple[str, str, str], list[Evidence]]) -> list[Funding]:
    out = []
    for f in sorted((x for x in r.g.subjects(RDF.type, KGO.Funding) if isinstance(x, URIRef)), key=str):
        amounts = []
        for a in sorted(r.g.objects(f, KGO.amount), key=str):
            value, currency = r.one(a, KGO.value), r.one(a, KGO.currency)
            if value is None or currency is None:
                continue
            amounts.append(Amount(float(value), str(currency), bool(r.one(a, KGO.isConversion)),
                                  str(r.one(a, RDFS.label) or "")))
        amounts.sort(key=lambda a: (a.is_conversion, a.currency))
        year = r.one(f, KGO.year)
        out.append(Funding(
            iri=str(f), label=str(r.one(f, RDFS.label) or local(f)),
            funders=sorted(str(x) for x in r.g.objects(f, KGO.funder)),
            projects=sorted(str(x) for x in r.g.objects(f, KGO.fundedProject)),
            amounts=amounts, year=int(year) if isinstance(year, int) else None,
            confidence=r.one(f, KGO.confidence), documents=r.documents(f),
            evidence=evidence.get((str(f), "type", str(KGO.Funding)), [])))
    return out


def _attach_fundings(G: nx.MultiDiGraph, fundings: list[Funding]) -> None:
    """Put each funding on its `funds` edge; amount/currency/year when they are one and the same."""
    by_edge: dict[tuple[str, str], list[Funding]] = defaultdict(list)
    for f in fundings:
        for funder in f.funders:
            for project in f.projects:
                by_edge[(funder, project)].append(f)
    for (u, v), fs in by_edge.items():
        if not G.has_edge(u, v, key="funds"):
            if u not in G or v not in G:
                continue
            G.add_edge(u, v, key="funds", relation="funds", **_edge_summary([], set()))
        data = G.edges[u, v, "funds"]
        stated = [f.stated for f in fs if f.stated is not None]
        currencies = {a.currency for a in stated}
        years = {f.year for f in fs if f.year is not None}
        data["fundings"] = [f.to_dict() for f in fs]
        data["currency"] = currencies.pop() if len(currencies) == 1 else None
        data["amount"] = sum(a.value for a in stated) if data["currency"] else None
        data["year"] = years.pop() if len(years) == 1 else None


def _documents(r: _Reader) -> dict[str, dict[str, Any]]:
    docs = {}
    for d in sorted(r.g.subjects(RDF.type, KGO.Document), key=str):
        docs[str(d)] = {"title": r.one(d, DCTERMS.title) or r.one(d, RDFS.label),
                        "source": r.one(d, DCTERMS.source), "date": r.one(d, DCTERMS.date),
                        "url": r.one(d, SCHEMA.url)}
    return docs
