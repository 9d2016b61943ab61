"""Entity resolution across documents: one IRI per real-world thing, all its names kept.

Within a document, `extract.mentions` already merged acronyms, short forms and "the ministry".
Here, entities of several documents become one when they share a name or an alias that names one
thing only (not an acronym that two organisations share), and a bare brand ("Samsung") joins the
one full name it stands for ("Samsung Electronics", not the subsidiary "Samsung SDI"). Two different
full names are never merged ("Hyundai Motor Group" vs "Hyundai Motor Company").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from kg.extract import lexicon as lx
from kg.extract.mentions import norm
from kg.extract.names import is_acronym
from kg.extract.projects import lemma_key
from kg.model import ORG_TYPES, DocumentExtraction, Entity, Evidence, Funding, Relation
from kg.rdf.iris import slug

GENERIC_SUFFIXES = {"group", "corporation", "corp", "co", "company", "inc", "holdings", "ltd"}


@dataclass
class ResolvedEntity:
    id: str  # IRI path under the instance base: "org/samsung-electronics"
    type: str
    name: str
    aliases: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.0
    documents: set[str] = field(default_factory=set)
    attrs: dict[str, object] = field(default_factory=dict)  # target attributes


@dataclass
class ResolvedGraph:
    entities: dict[str, ResolvedEntity]
    relations: list[tuple[str, Relation]]  # (doc_id, relation with entity ids as subject/object)
    fundings: list[tuple[str, Funding]]  # (doc_id, funding with entity ids)
    extractions: list[DocumentExtraction]


def _group(typ: str) -> str:
    return "org" if typ in ORG_TYPES else typ.lower()


def _is_proper(name: str) -> bool:
    """A proper name ('National Growth Fund'), not a capitalised common noun or acronym ('R&D')."""
    words = [w for w in name.split() if w[:1].isalpha()]
    if len(words) == 1:
        w = words[0]
        return len(w) > 3 and w[:1].isupper() and not w.isupper() and w.isalpha()
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= len(words) // 2 + 1


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(self, x: tuple[str, str]) -> tuple[str, str]:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def resolve(extractions: Sequence[DocumentExtraction]) -> ResolvedGraph:
    """Merge the entities of all documents and rewrite relations and fundings onto merged ids."""
    uf = _UnionFind()
    records: dict[tuple[str, str], Entity] = {}
    index: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)  # (group, name) -> members
    acronym_owners: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for ex in extractions:
        for ent in ex.entities:
            ref = (ex.document.doc_id, ent.key)
            records[ref] = ent
            uf.find(ref)
            group = _group(ent.type)
            if ent.type in {"Project", "Target"}:
                if ent.type == "Project" and (_is_proper(ent.name) or len(lemma_key(ent.name)) >= 3):
                    index[(group, " ".join(sorted(lemma_key(ent.name))))].append(ref)
                continue
            index[(group, norm(ent.name))].append(ref)
            for alias in ent.aliases:
                if is_acronym(alias):
                    acronym_owners[(group, alias)].add(ref)
                elif len(norm(alias).split()) >= 2 or ent.type in {"Place"}:
                    index[(group, norm(alias))].append(ref)
    for members in index.values():
        for other in members[1:]:
            uf.union(members[0], other)
    # an acronym shared by entities of one name only joins them
    _merge_bare_names(records, uf)
    _merge_misread_short_names(records, uf)

    clusters: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for ref in records:
        clusters[uf.find(ref)].append(ref)

    ref_to_id: dict[tuple[str, str], str] = {}
    entities: dict[str, ResolvedEntity] = {}
    for members in clusters.values():
        ents = [records[r] for r in members]
        typ = _vote_type(ents)
        name = _canonical_name(ents, typ)
        doc_scoped = typ == "Target" or (typ == "Project" and not (_is_proper(name) or len(lemma_key(name)) >= 3))
        ident = f"{_kind(typ)}/{slug(name)}"
        if typ == "Target":
            year = next((e.year for e in ents if e.year), None)
            ident = f"target/{slug(name)}" + ("" if year and str(year) in name else f"-{year}")
        if doc_scoped:
            ident = f"{_kind(typ)}/{slug(members[0][0])}/{slug(name)}"
        while ident in entities and entities[ident].type != typ:
            ident += "-" + typ.lower()
        res = entities.get(ident) or ResolvedEntity(ident, typ, name)
        entities[ident] = res
        for (doc_id, _key), ent in zip(members, ents, strict=False):
            res.aliases |= set(ent.aliases) | {ent.name}
            res.evidence += ent.evidence
            res.confidence = max(res.confidence, ent.confidence)
            res.documents.add(doc_id)
            if ent.type == "Target":
                for attr in ("year", "value", "unit", "currency", "baseline", "qualifier"):
                    if getattr(ent, attr) is not None:
                        res.attrs.setdefault(attr, getattr(ent, attr))
        res.aliases.discard(res.name)
        for ref in members:
            ref_to_id[ref] = ident

    relations: list[tuple[str, Relation]] = []
    fundings: list[tuple[str, Funding]] = []
    for ex in extractions:
        doc_id = ex.document.doc_id
        for r in ex.relations:
            s, o = ref_to_id.get((doc_id, r.subject)), ref_to_id.get((doc_id, r.object))
            if s and o and s != o:
                relations.append((doc_id, Relation(s, r.predicate, o, r.evidence, r.role)))
        for f in ex.fundings:
            funders = [ref_to_id[(doc_id, k)] for k in f.funders if (doc_id, k) in ref_to_id]
            project = ref_to_id.get((doc_id, f.project))
            if funders and project:
                fundings.append((doc_id, Funding(sorted(set(funders)), project, f.amounts, f.evidence, f.year)))
    return ResolvedGraph(entities, relations, fundings, list(extractions))


def _merge_bare_names(records: dict[tuple[str, str], Entity], uf: _UnionFind) -> None:
    """'Samsung' (one document) joins 'Samsung Electronics' (another) when that is the only full name
    starting with it that is not a subsidiary written with an acronym ('Samsung SDI')."""
    orgs = [(ref, e) for ref, e in records.items() if e.type in ORG_TYPES]
    names = {norm(e.name) for _, e in orgs}
    for ref, ent in orgs:
        words = norm(ent.name).split()
        if len(words) != 1:
            continue
        candidates = sorted({n for n in names if n.startswith(words[0] + " ")})
        candidates = [c for c in candidates if not _subsidiary(c, records)]
        generic = [c for c in candidates if c.split()[-1] in GENERIC_SUFFIXES]
        chosen = generic if len(generic) == 1 else candidates if len(candidates) == 1 else []
        if len(chosen) == 1:
            for other_ref, other in orgs:
                if norm(other.name) == chosen[0]:
                    uf.union(ref, other_ref)
                    break


def _merge_misread_short_names(records: dict[tuple[str, str], Entity], uf: _UnionFind) -> None:
    """A one-word name read as a person or place in one document ("Kexim's capital") that another
    document gives, in mixed case, as an organisation's short form ("Export-Import Bank of Korea
    (Kexim)") is that organisation, unless some person's full name contains the word."""
    short_forms: dict[str, list[tuple[tuple[str, str], Entity]]] = defaultdict(list)
    for ref, ent in records.items():
        if ent.type in ORG_TYPES:
            for alias in ent.aliases:
                if " " not in alias and not alias.isupper() and alias[:1].isupper():
                    short_forms[alias].append((ref, ent))
    person_words = {w for e in records.values() if e.type == "Person" and " " in e.name for w in e.name.split()}
    for ref, ent in list(records.items()):
        owners = short_forms.get(ent.name)
        if ent.type not in {"Person", "Place"} or not owners or ent.name in person_words:
            continue
        if len({norm(o.name) for _, o in owners}) != 1:
            continue  # two organisations share the short form: leave it
        owner_ref, owner = owners[0]
        records[ref] = replace(ent, type=owner.type)
        uf.union(ref, owner_ref)


def _subsidiary(name: str, records: dict[tuple[str, str], Entity]) -> bool:
    for e in records.values():
        if norm(e.name) == name:
            rest = e.name.split()[1:]
            return len(rest) == 1 and (is_acronym(rest[0]) or len(rest[0]) <= 3)
    return False


def _vote_type(ents: list[Entity]) -> str:
    counts = Counter(e.type for e in ents)
    specific = [t for t in counts if t not in {"Organization", "Company"}]
    if specific:
        return max(sorted(specific), key=lambda t: counts[t])
    return max(sorted(counts), key=lambda t: counts[t])


def _canonical_name(ents: list[Entity], typ: str = "") -> str:
    """The fullest proper form: the longest name that is not all upper case (for a project, the
    alias with the most content words: 'AI transformation of the manufacturing sector')."""
    names = Counter(e.name for e in ents)
    if typ == "Project":
        pool = sorted({n for e in ents for n in [e.name, *e.aliases] if n and not n.isupper()})
        nouns = [n for n in pool if n.split()[0] not in lx.PURPOSE_VERBS]
        pool = nouns or pool  # by its noun phrase, not a purpose clause ('build six fabs at ...')
        if pool:
            return max(pool, key=lambda n: (len(lemma_key(n)), n[:1].isupper(), -len(n), n))
    return max(sorted(names), key=lambda n: (not n.isupper(), len(n.split()), names[n], len(n)))


def _kind(typ: str) -> str:
    return {"Person": "person", "Place": "place", "Project": "project", "Target": "target"}.get(typ, "org")
