"""Turn a processed spaCy Doc into a `DocumentExtraction` with provenance on every item."""

from __future__ import annotations

import re
from collections.abc import Collection

from spacy.tokens import Doc, Span

from kg.extract import lexicon as lx
from kg.extract.facts import DocFacts
from kg.extract.mentions import DocEntity, doc_text, sentence_of
from kg.model import Document, DocumentExtraction, Entity, Evidence, Funding, MonetaryAmount, Relation

MAX_EVIDENCE = 5


def _evidence(doc_id: str, sent: Span, confidence: float) -> Evidence:
    """The sentence and its exact offsets in the cleaned text (surrounding whitespace excluded)."""
    text = doc_text(sent.doc)[sent.start_char : sent.end_char]  # (Span.text rebuilds it token by token)
    start = sent.start_char + (len(text) - len(text.lstrip()))
    stripped = text.strip()
    return Evidence(doc_id, stripped, start, start + len(stripped), round(confidence, 3))


# abbreviated legal forms a company's name may carry or leave out ('Samsung Heavy Industries Co.')
LEGAL_FORM = re.compile(r",?\s+(?:Co\.,? Ltd\.?|Pvt\.? Ltd\.?|Co\.|Corp\.?|Inc\.?|Ltd\.?|Co|PLC|plc)$")


def _noun_phrase_name(ent: DocEntity) -> tuple[str, set[str]]:
    """A project named by its purpose clause ('build six fabs at a national industrial complex') is named by
    the clause's noun phrase ('six fabs at ...'), as the guidelines ask; the clause stays an alias."""
    words = ent.name.split()
    if ent.type != "Project" or len(words) < 3 or words[0] not in lx.PURPOSE_VERBS:
        return ent.name, set(ent.aliases)
    rest = words[1:]
    while len(rest) > 1 and rest[0].lower() in {"its", "their", "the", "a", "an"}:
        rest = rest[1:]
    return " ".join(rest), set(ent.aliases) | {ent.name}


def _without_legal_form(ent: DocEntity) -> set[str]:
    """The company's name without its legal form, as another way the same company is written."""
    if ent.type not in {"Company", "GovernmentAgency"}:
        return set()
    short = LEGAL_FORM.sub("", ent.name)
    return {short} if short != ent.name and len(short) > 2 else set()


def _entity_evidence(doc: Doc, document: Document, ent: DocEntity) -> list[Evidence]:
    seen: list[Evidence] = []
    starts: set[int] = set()
    for start, _end in sorted(ent.mentions):
        sent = sentence_of(doc, start)
        if sent.start_char in starts:
            continue
        starts.add(sent.start_char)
        seen.append(_evidence(document.doc_id, sent, ent.confidence))
        if len(seen) >= MAX_EVIDENCE:
            break
    return seen


def assemble(doc: Doc, document: Document, extractor_version: str) -> DocumentExtraction:
    facts: DocFacts = doc._.kg_facts
    table = facts.table
    used: set[str] = set()
    for r in facts.relations:
        used |= {r.subject, r.object}
    for f in facts.fundings:
        used |= set(f.funders) | {f.project}
    for t in facts.targets:
        used.add(t.entity.key)
        if t.owner:
            used.add(t.owner)

    entities: list[Entity] = []
    organisations = {n for e in table.entities.values() if e.type not in {"Project", "Target"} for n in e.all_names()}
    for ent in table.entities.values():
        # a project nobody funds, leads, announces or targets is noise, unless it is a proper name
        if ent.type == "Project" and ent.key not in used and not _proper(ent.name, organisations):
            continue
        if ent.type == "Target" and ent.key not in used:
            continue
        evidence = _entity_evidence(doc, document, ent)
        if not evidence:
            evidence = [Evidence(document.doc_id, "", 0, 0, ent.confidence)]
        name, aliases = _noun_phrase_name(ent)
        entities.append(
            Entity(
                key=ent.key,
                type=ent.type,
                name=name,
                aliases=sorted(a for a in aliases | _without_legal_form(ent) - {name} if not _generic_alias(a)),
                evidence=evidence,
                confidence=round(ent.confidence, 3),
                year=ent.year,
                value=ent.value,
                unit=ent.unit,
                currency=ent.currency,
                baseline=ent.baseline,
                qualifier=ent.qualifier,
            )
        )
    keys = {e.key for e in entities}

    relations: list[Relation] = []
    seen_rel: set[tuple[str, str, str, int]] = set()
    for r in facts.relations:
        if r.subject not in keys or r.object not in keys:
            continue
        sig = (r.subject, r.predicate, r.object, r.sentence.start_char)
        if sig in seen_rel:
            continue
        seen_rel.add(sig)
        relations.append(
            Relation(r.subject, r.predicate, r.object, _evidence(document.doc_id, r.sentence, r.confidence), r.role)
        )
    for t in facts.targets:
        if t.owner and t.owner in keys and t.entity.key in keys:
            sig = (t.owner, "hasTarget", t.entity.key, t.sentence.start_char)
            if sig not in seen_rel:
                seen_rel.add(sig)
                relations.append(
                    Relation(t.owner, "hasTarget", t.entity.key, _evidence(document.doc_id, t.sentence, 0.6))
                )

    fundings: list[Funding] = []
    for f in facts.fundings:
        funders = [k for k in f.funders if k in keys]
        if not funders or f.project not in keys:
            continue
        a = f.amount
        amounts = [MonetaryAmount(a.value, a.currency, a.text, False)]
        if a.conversion is not None:
            amounts.append(MonetaryAmount(a.conversion.value, a.conversion.currency, a.conversion.text, True))
        fundings.append(
            Funding(funders, f.project, amounts, _evidence(document.doc_id, f.sentence, f.confidence), f.year)
        )
    return DocumentExtraction(document, entities, relations, fundings, extractor_version)


def _proper(name: str, organisations: Collection[str] = ()) -> bool:
    """A proper name, also before a common head ('Employment Gold Card scheme', 'K-Smart Yard project'; not
    'a Singapore-based fund' or an organisation's 'Hyundai Motor project')."""
    words = [w for w in name.split() if w[:1].isalpha() and w.lower() not in {"of", "and", "the", "for", "in"}]
    short, _, head = name.rpartition(" ")
    if (
        len(words) >= 2
        and head in lx.PROPER_NAME_HEADS
        and short not in organisations
        and not re.search(r"-(?:based|led|backed)\b", name)
    ):
        words = words[:-1]
    return bool(words) and all(w[:1].isupper() for w in words)



GENERIC_ALIASES = {
    "government",
    "ministry",
    "department",
    "agency",
    "administration",
    "state",
    "company",
    "group",
    "bank",
    "fund",
    "alliance",
    "association",
    "council",
    "committee",
    "office",
    "authority",
    "board",
    "firm",
    "plan",
    "project",
    "programme",
    "program",
}


def _generic_alias(alias: str) -> bool:
    """'Government', 'the ministry': a bare head word names nothing in particular across documents."""
    words = alias.lower().replace("’", "'").split()
    if words and words[0] in {"the", "a", "an", "this", "its"}:
        words = words[1:]
    return len(words) == 1 and words[0] in GENERIC_ALIASES
