"""Map a resolved graph onto the ontology: one named graph per source document (docs/rdf-model.md).

Every triple a document supports goes into that document's graph, so that the union is the whole
graph (graph.ttl), each document can be withdrawn alone, and provenance questions can be asked with
`GRAPH ?doc { ... }`. Statement-level provenance is a `kgo:Assertion` per supporting sentence.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.model import ORG_TYPES, Document, Evidence
from kg.rdf.iris import content_id, iri, slug
from kg.rdf.namespaces import KGO, SCHEMA, bind_prefixes
from kg.resolve import ResolvedEntity, ResolvedGraph


def decimal(value: float) -> Literal:
    d = Decimal(repr(float(value)))
    if d == d.to_integral_value():
        d = d.quantize(Decimal(1))
    return Literal(d, datatype=XSD.decimal)


def year_literal(year: int) -> Literal:
    return Literal(f"{int(year):04d}", datatype=XSD.gYear)


def document_iri(doc_id: str) -> URIRef:
    return iri(f"doc/{slug(doc_id)}")


class _Writer:
    def __init__(self, graph: ResolvedGraph, extractor_version: str) -> None:
        self.resolved = graph
        self.version = extractor_version
        self.dataset = Dataset()
        bind_prefixes(self.dataset)
        self.docs: dict[str, Document] = {ex.document.doc_id: ex.document for ex in graph.extractions}
        self.versions = {ex.document.doc_id: ex.extractor_version or extractor_version for ex in graph.extractions}

    def graph_for(self, doc_id: str) -> Graph:
        return self.dataset.graph(document_iri(doc_id))

    def write(self) -> Dataset:
        for _doc_id, doc in sorted(self.docs.items()):
            self._document(doc)
        for ent in sorted(self.resolved.entities.values(), key=lambda e: e.id):
            self._entity(ent)
        for doc_id, rel in self.resolved.relations:
            g = self.graph_for(doc_id)
            s, o = iri(rel.subject), iri(rel.object)
            p = KGO[rel.predicate]
            g.add((s, p, o))
            self._assertion(g, s, p, o, rel.evidence, rel.role)
        for doc_id, funding in self.resolved.fundings:
            self._funding(doc_id, funding)
        return self.dataset

    def _document(self, doc: Document) -> None:
        d = document_iri(doc.doc_id)
        g = self.graph_for(doc.doc_id)
        g.add((d, RDF.type, KGO.Document))
        title = doc.title or doc.text.strip().split("\n", 1)[0][:200] or doc.doc_id
        g.add((d, RDFS.label, Literal(title)))
        g.add((d, DCTERMS.title, Literal(title)))
        g.add((d, DCTERMS.source, Literal(doc.source)))
        g.add((d, DCTERMS.identifier, Literal(doc.doc_id)))
        g.add((d, KGO.contentHash, Literal(doc.content_hash)))
        if doc.url:
            g.add((d, SCHEMA.url, URIRef(doc.url) if "://" in doc.url and " " not in doc.url else Literal(doc.url)))
        if doc.date:
            g.add((d, DCTERMS.date, Literal(doc.date, datatype=XSD.date)))

    def _entity(self, ent: ResolvedEntity) -> None:
        node = iri(ent.id)
        by_doc: dict[str, list[Evidence]] = {}
        for ev in ent.evidence:
            by_doc.setdefault(ev.doc_id, []).append(ev)
        for doc_id in sorted(ent.documents):
            g = self.graph_for(doc_id)
            g.add((node, RDF.type, KGO[ent.type]))
            if ent.type in ORG_TYPES and ent.type != "Organization":
                g.add((node, RDF.type, KGO.Organization))
            g.add((node, RDFS.label, Literal(ent.name)))
            for alias in sorted(ent.aliases):
                g.add((node, SKOS.altLabel, Literal(alias)))
            g.add((node, KGO.confidence, decimal(round(ent.confidence, 3))))
            g.add((node, PROV.wasDerivedFrom, document_iri(doc_id)))
            if ent.type == "Target":
                self._target_attrs(g, node, ent)
            for ev in by_doc.get(doc_id, [])[:5]:
                self._assertion(g, node, RDF.type, KGO[ent.type], ev, None)

    def _target_attrs(self, g: Graph, node: URIRef, ent: ResolvedEntity) -> None:
        a = ent.attrs
        if a.get("year"):
            g.add((node, KGO.targetYear, year_literal(int(a["year"]))))  # type: ignore[arg-type]
        if a.get("value") is not None:
            g.add((node, KGO.targetValue, decimal(float(a["value"]))))  # type: ignore[arg-type]
        if a.get("baseline") is not None:
            g.add((node, KGO.baselineValue, decimal(float(a["baseline"]))))  # type: ignore[arg-type]
        unit = a.get("currency") or a.get("unit")
        if unit:
            g.add((node, KGO.unit, Literal(str(unit))))
        if a.get("qualifier"):
            g.add((node, KGO.qualifier, Literal(str(a["qualifier"]))))

    def _assertion(self, g: Graph, s: URIRef, p: URIRef, o: URIRef, ev: Evidence, role: str | None) -> None:
        node = iri(f"assertion/{content_id(s, p, o, ev.doc_id, ev.start, ev.end)}")
        g.add((node, RDF.type, KGO.Assertion))
        g.add((node, RDF.subject, s))
        g.add((node, RDF.predicate, p))
        g.add((node, RDF.object, o))
        g.add((node, PROV.wasDerivedFrom, document_iri(ev.doc_id)))
        g.add((node, KGO.sentence, Literal(ev.sentence)))
        g.add((node, KGO.startChar, Literal(int(ev.start), datatype=XSD.integer)))
        g.add((node, KGO.endChar, Literal(int(ev.end), datatype=XSD.integer)))
        g.add((node, KGO.confidence, decimal(min(1.0, max(0.0, ev.confidence)))))
        g.add((node, KGO.extractorVersion, Literal(self.versions.get(ev.doc_id, self.version))))
        if role:
            g.add((node, KGO.role, Literal(role)))

    def _funding(self, doc_id: str, funding) -> None:
        g = self.graph_for(doc_id)
        main = funding.amounts[0]
        key = content_id(doc_id, tuple(funding.funders), funding.project, main.value, main.currency, funding.year)
        node = iri(f"funding/{key}")
        g.add((node, RDF.type, KGO.Funding))
        project = self.resolved.entities[funding.project]
        label = f"{_money_label(main.value, main.currency)} for {project.name}"
        if funding.year:
            label += f" ({funding.year})"
        g.add((node, RDFS.label, Literal(label)))
        for funder in funding.funders:
            g.add((node, KGO.funder, iri(funder)))
            g.add((iri(funder), KGO.funds, iri(funding.project)))
            self._assertion(g, iri(funder), KGO.funds, iri(funding.project), funding.evidence, None)
        g.add((node, KGO.fundedProject, iri(funding.project)))
        if funding.year:
            g.add((node, KGO.year, year_literal(funding.year)))
        g.add((node, KGO.confidence, decimal(funding.evidence.confidence)))
        g.add((node, PROV.wasDerivedFrom, document_iri(doc_id)))
        self._assertion(g, node, RDF.type, KGO.Funding, funding.evidence, None)
        for amount in funding.amounts:
            a = iri(f"amount/{content_id(node, amount.value, amount.currency, amount.is_conversion)}")
            g.add((node, KGO.amount, a))
            g.add((a, RDF.type, KGO.MonetaryAmount))
            g.add((a, RDFS.label, Literal(_money_label(amount.value, amount.currency))))
            g.add((a, KGO.value, decimal(amount.value)))
            g.add((a, KGO.currency, Literal(amount.currency)))
            g.add((a, KGO.isConversion, Literal(bool(amount.is_conversion))))


def _money_label(value: float, currency: str) -> str:
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= scale:
            return f"{value / scale:g} {word} {currency}"
    return f"{value:,.0f} {currency}"


def to_dataset(graph: ResolvedGraph, extractor_version: str) -> Dataset:
    """The whole build as an rdflib Dataset with one named graph per document."""
    return _Writer(graph, extractor_version).write()
