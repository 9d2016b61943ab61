"""Typed records passed between the stages: ingest -> extract -> resolve -> rdf.

They are plain dataclasses (JSON round-trippable) so that a document's extraction can be cached in
the workspace and re-resolved with the others without running spaCy again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

ENTITY_TYPES = (
    "GovernmentAgency",
    "Company",
    "Alliance",
    "Association",
    "Organization",
    "Person",
    "Place",
    "Project",
    "Target",
)
ORG_TYPES = frozenset({"GovernmentAgency", "Company", "Alliance", "Association", "Organization"})
RELATION_TYPES = ("memberOf", "leads", "announces", "funds", "partOf", "hasTarget", "headOf", "locatedIn")


@dataclass(frozen=True)
class Document:
    """One cleaned source document, ready for extraction."""

    doc_id: str  # stable slug, used in the document's IRI
    source: str  # path or URL it came from
    text: str  # cleaned text (offsets refer to it)
    content_hash: str  # "sha256:..." of the raw bytes
    title: str | None = None
    url: str | None = None
    date: str | None = None  # ISO date when known
    removed_lines: int = 0  # site chrome / foreign-language lines dropped by cleaning


@dataclass(frozen=True)
class ExtractionFailure:
    """A document the extractor could not read: reported and skipped, so one bad document costs
    only itself (its previous extraction, if any, stays in the workspace)."""

    document: Document
    reason: str  # "ExceptionType: message", one line


@dataclass(frozen=True)
class Evidence:
    """Where a statement came from: the sentence, its offsets in the cleaned text, a confidence."""

    doc_id: str
    sentence: str
    start: int
    end: int
    confidence: float

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Evidence:
        return cls(**data)


@dataclass
class Entity:
    """A thing found in one document (document-level: all its mentions merged)."""

    key: str  # document-local id
    type: str  # one of ENTITY_TYPES
    name: str  # the fullest proper form seen
    aliases: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    # Target attributes
    year: int | None = None
    value: float | None = None
    unit: str | None = None
    currency: str | None = None
    baseline: float | None = None
    qualifier: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["evidence"] = [e.to_json() for e in self.evidence]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entity:
        data = dict(data)
        data["evidence"] = [Evidence.from_json(e) for e in data.get("evidence", [])]
        return cls(**data)


@dataclass
class Relation:
    """A stated relation between two entities of the same document."""

    subject: str  # Entity.key
    predicate: str  # one of RELATION_TYPES
    object: str  # Entity.key
    evidence: Evidence
    role: str | None = None  # headOf: the role title ("chairman", "Industry Minister")

    def to_json(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "evidence": self.evidence.to_json(),
            "role": self.role,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Relation:
        return cls(
            data["subject"], data["predicate"], data["object"], Evidence.from_json(data["evidence"]), data.get("role")
        )


@dataclass(frozen=True)
class MonetaryAmount:
    value: float  # in units: 700 billion won -> 700000000000
    currency: str  # ISO 4217
    text: str = ""  # as written
    is_conversion: bool = False  # a conversion the text states ("($478 million)")


@dataclass
class Funding:
    """One stated money commitment: who pays, for what, how much, for when."""

    funders: list[str]  # Entity.key
    project: str  # Entity.key
    amounts: list[MonetaryAmount]
    evidence: Evidence
    year: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "funders": self.funders,
            "project": self.project,
            "year": self.year,
            "amounts": [asdict(a) for a in self.amounts],
            "evidence": self.evidence.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Funding:
        return cls(
            list(data["funders"]),
            data["project"],
            [MonetaryAmount(**a) for a in data["amounts"]],
            Evidence.from_json(data["evidence"]),
            data.get("year"),
        )


@dataclass
class DocumentExtraction:
    """Everything extracted from one document."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    fundings: list[Funding] = field(default_factory=list)
    extractor_version: str = ""

    def entity(self, key: str) -> Entity:
        for ent in self.entities:
            if ent.key == key:
                return ent
        raise KeyError(key)

    def to_json(self) -> dict[str, Any]:
        return {
            "document": asdict(self.document),
            "extractor_version": self.extractor_version,
            "entities": [e.to_json() for e in self.entities],
            "relations": [r.to_json() for r in self.relations],
            "fundings": [f.to_json() for f in self.fundings],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DocumentExtraction:
        return cls(
            document=Document(**data["document"]),
            entities=[Entity.from_json(e) for e in data["entities"]],
            relations=[Relation.from_json(r) for r in data["relations"]],
            fundings=[Funding.from_json(f) for f in data["fundings"]],
            extractor_version=data.get("extractor_version", ""),
        )
