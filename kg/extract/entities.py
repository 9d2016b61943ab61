"""spaCy component `kg_entities`: named entities typed with the core classes.

It runs after spaCy's `ner`, overlays the cue-typed names of `names.find_cue_names` (which win
where they overlap), repairs the statistical entities (line breaks inside a span, titles, leading
"the", possessives, a following acronym: "Samsung" + "SDI") and relabels every span with a core
type: GovernmentAgency, Company, Alliance, Association, Organization, Person, Place, Project.
Other spaCy labels (MONEY, DATE, CARDINAL, PERCENT, NORP) are kept as they are for later stages.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.extract import lexicon as lx
from kg.extract.names import cue_type, find_cue_names

CORE_LABELS = {"GovernmentAgency", "Company", "Alliance", "Association", "Organization", "Person", "Place",
               "Project"}
KEEP_SPACY = {"MONEY", "DATE", "CARDINAL", "PERCENT", "NORP", "QUANTITY", "ORDINAL", "TIME"}
EVENT_WORDS = {"event", "ceremony", "conference", "summit", "forum", "exhibition", "show", "fair", "expo",
               "meeting", "award", "awards", "festival", "launch"}


@Language.factory("kg_entities", default_config={"default_org_type": "Company"})
def make_entity_typer(nlp: Language, name: str, default_org_type: str) -> EntityTyper:
    return EntityTyper(default_org_type)


class EntityTyper:
    """Turn spaCy's entities plus cue-typed names into core-typed entity spans."""

    def __init__(self, default_org_type: str = "Company") -> None:
        self.default_org_type = default_org_type

    def __call__(self, doc: Doc) -> Doc:
        persons = [e for e in doc.ents if e.label_ == "PERSON"]
        spans: list[Span] = []
        for match in find_cue_names(doc.text):
            span = doc.char_span(match.start, match.end, label=match.type, alignment_mode="expand")
            if span is not None:
                span = _cut_person(doc, span, persons)
                if span is not None and len(span):
                    spans.append(Span(doc, span.start, span.end, label=cue_type(span.text) or match.type))
        for ent in doc.ents:
            fixed = self._fix(doc, ent)
            if fixed is not None:
                spans.append(fixed)
        cue_tokens = {i for s in spans if s.label_ in CORE_LABELS for i in range(s.start, s.end)}
        spans = [s for s in spans if s.label_ in CORE_LABELS or not (set(range(s.start, s.end)) & cue_tokens)]
        doc.ents = _prefer_cue(filter_spans(spans))
        _surnames_to_persons(doc)
        return doc

    def _fix(self, doc: Doc, ent: Span) -> Span | None:
        label = ent.label_
        if label in KEEP_SPACY:
            return ent
        if label not in {"ORG", "PERSON", "GPE", "LOC", "FAC"}:
            return None
        span = _trim_span(doc, ent)
        if span is None:
            return None
        text = span.text
        low = text.lower()
        if low in lx.NOT_NAMES or not any(c.isupper() for c in text) or any(c.isdigit() for c in text[:1]):
            return None
        if any(w.lower() in {"krw", "usd", "won"} for w in text.split()):
            return None
        if span.end < len(doc) and doc[span.end].lower_ in EVENT_WORDS:
            return None
        if label == "ORG":
            span = _extend_org(doc, span)
        cue = cue_type(span.text)
        if label == "PERSON":
            if cue in {"Place", "Project"} or cue and cue != "Person" and len(span) > 1 and not _looks_personal(span):
                return Span(doc, span.start, span.end, label=cue)
            if len(span) == 1 and span.text.lower() in lx.TITLE_WORDS:
                return None
            return Span(doc, span.start, span.end, label="Person")
        if label in {"GPE", "LOC", "FAC"}:
            if cue and cue not in {"Place"} and label == "FAC":
                return Span(doc, span.start, span.end, label=cue)
            return Span(doc, span.start, span.end, label="Place")
        # ORG
        if len(span) == 1 and span.text.lower() in lx.TITLE_WORDS:
            return None
        if span.end < len(doc) and doc[span.end].lower_ in {"minister", "ministry"}:
            return None
        return Span(doc, span.start, span.end, label=cue or self.default_org_type)


def _looks_personal(span: Span) -> bool:
    return any("-" in t.text for t in span)


def _trim_span(doc: Doc, ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    # never across a line break: keep the part after the last one
    for i in range(start, end):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_ and i < end - 1:
            start = i + 1
    while start < end and (doc[start].lower_ in {"the", "a", "an", "'", '"', "“", "(", "["}
                           or doc[start].is_punct):
        start += 1
    if ent.label_ == "PERSON":
        while start < end - 1 and doc[start].lower_ in lx.TITLE_WORDS:
            start += 1
    if ent.label_ == "ORG":
        # "South Korean Ministry ...": the nationality is not part of the name
        for adj in ("South Korean", "Korean", "American", "Chinese", "Japanese"):
            n = len(adj.split())
            if doc[start:start + n].text == adj and end - start > n:
                start += n
                break
    while end > start and (doc[end - 1].text in {"'s", "’s", "'", "(", ")", ",", "-", '"', "”"}
                           or doc[end - 1].is_punct and doc[end - 1].text != "."):
        end -= 1
    if end <= start:
        return None
    return Span(doc, start, end, label=ent.label_)


def _extend_org(doc: Doc, span: Span) -> Span:
    """"Samsung" + "SDI", "SK" + "On": a capitalised word right after an organisation name belongs to it."""
    end = span.end
    while end < len(doc):
        tok = doc[end]
        if "\n" in doc[end - 1].whitespace_ or tok.is_sent_start:
            break
        if tok.text[:1].isupper() and tok.pos_ == "PROPN" and tok.lower_ not in lx.TITLE_WORDS \
                and tok.ent_type_ not in {"PERSON", "GPE", "DATE", "MONEY"} and tok.lower_ not in lx.NOT_NAMES:
            end += 1
            continue
        break
    return Span(doc, span.start, end, label=span.label_)


def _cut_person(doc: Doc, span: Span, persons: list[Span]) -> Span | None:
    """'Vice Chairman Lee Eok-won of the Financial Services Commission' -> the commission only."""
    for person in persons:
        if span.start <= person.start and person.end <= span.end:
            if person.end < span.end:
                start = person.end
                while start < span.end and doc[start].lower_ in {"of", "the", ",", "at", "from"}:
                    start += 1
                return Span(doc, start, span.end, label=span.label_) if start < span.end else None
            end = person.start
            while end > span.start and doc[end - 1].lower_ in lx.TITLE_WORDS | {",", "the"}:
                end -= 1
            return Span(doc, span.start, end, label=span.label_) if end > span.start else None
    return span


def _prefer_cue(spans: list[Span]) -> list[Span]:
    return sorted(spans, key=lambda s: s.start)


def _surnames_to_persons(doc: Doc) -> None:
    """A lone capitalised token that is the family or given name of a person in the document is that
    person ("Yoon" after "Yoon Suk Yeol"), whatever the statistical model called it."""
    persons = [e for e in doc.ents if e.label_ == "Person" and len(e) > 1]
    parts = {p[0].text for p in persons} | {p[-1].text for p in persons}
    new = []
    changed = False
    for ent in doc.ents:
        if len(ent) == 1 and ent.label_ != "Person" and ent.text in parts and ent.label_ in CORE_LABELS:
            new.append(Span(doc, ent.start, ent.end, label="Person"))
            changed = True
        else:
            new.append(ent)
    taken = {i for e in new for i in range(e.start, e.end)}
    for tok in doc:
        if tok.i not in taken and tok.text in parts and tok.pos_ == "PROPN" and tok.text[:1].isupper():
            new.append(Span(doc, tok.i, tok.i + 1, label="Person"))
            changed = True
    if changed:
        doc.ents = filter_spans(new)
