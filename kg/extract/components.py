"""kg-builder's spaCy components, registered as factories so a config can add and tune them.

- `kg_currency_nouns`: 'won' after a number parses as a currency noun, not a verb.
- `kg_lemma_fixes`: the few verb forms the model's lemmatizer reads as another verb ('hopes' -> 'hop').
- `kg_paragraphs`: a line break starts a sentence.
- `kg_entities` (extract.entities): core-typed entity spans.
- `kg_facts`: entity table (aliases, coreference), projects, fundings, targets and relations,
  stored on `doc._.kg_facts` for `assemble` to turn into a DocumentExtraction.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

import kg.extract.entities  # noqa: F401  (registers kg_entities)
from kg.extract.facts import FactFinder
from kg.extract.mentions import build_entity_table, doc_text

if not Doc.has_extension("kg_facts"):
    Doc.set_extension("kg_facts", default=None)


@Language.factory("kg_facts", default_config={})
def make_fact_finder(nlp: Language, name: str) -> FactComponent:
    return FactComponent()


class FactComponent:
    """Runs the entity table and the fact rules over a parsed, entity-typed Doc."""

    def __call__(self, doc: Doc) -> Doc:
        table = build_entity_table(doc)
        doc._.kg_facts = FactFinder(doc, table).run()
        return doc


# 'invest 360 trillion won to build': the tagger reads 'won' as the past of 'win' and the parse falls
# apart around the amount; read with the norm of another currency noun, the same words parse as money
_WON_AMOUNT = re.compile(r"\d(?:\s*(?:hundred|thousand|million|billion|trillion|mil|bil|tril)\.?)?\s+(won)\b", re.I)


@Language.component("kg_currency_nouns")
def currency_nouns(doc: Doc) -> Doc:
    """Give 'won' after a number the norm of a currency noun, before tok2vec reads the norms."""
    text = doc_text(doc)
    if "won" not in text and "Won" not in text:
        return doc
    for match in _WON_AMOUNT.finditer(text):
        span = doc.char_span(match.start(1), match.end(1))
        if span is not None and len(span) == 1:
            span[0].norm_ = "yen"
    return doc


# verb forms the model's rule lemmatizer reads as another verb ('hopes' -> 'hop': both stems are in its index,
# and the shorter wins); the goal and building rules look verbs up by lemma
LEMMA_FIXES = {"hopes": "hope", "hoped": "hope", "hoping": "hope", "installed": "install", "installing": "install"}
_LEMMA_FIX_FORMS = re.compile(r"\b(?:hope[sd]|hoping|install(?:ed|ing))\b", re.I)


@Language.component("kg_lemma_fixes")
def lemma_fixes(doc: Doc) -> Doc:
    """Set the lemma of the few verb forms in LEMMA_FIXES right."""
    if not _LEMMA_FIX_FORMS.search(doc_text(doc)):
        return doc
    for tok in doc:
        fixed = LEMMA_FIXES.get(tok.lower_)
        if fixed is not None and tok.pos_ == "VERB":
            tok.lemma_ = fixed
    return doc


@Language.component("kg_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and paragraphs never run into each other."""
    tokens = list(doc)
    for prev, tok in zip(tokens, tokens[1:], strict=False):
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
    return doc
