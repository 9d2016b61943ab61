"""kg-builder's spaCy components, registered as factories so a config can add and tune them.

- `kg_entities` (extract.entities): core-typed entity spans.
- `kg_facts`: entity table (aliases, coreference), projects, fundings, targets and relations,
  stored on `doc._.kg_facts` for `assemble` to turn into a DocumentExtraction.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import kg.extract.entities  # noqa: F401  (registers kg_entities)
from kg.extract.facts import FactFinder
from kg.extract.mentions import build_entity_table

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


@Language.component("kg_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and paragraphs never run into each other."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
        elif not tok.is_space and not prev.is_space and tok.is_sent_start is None:
            continue
    return doc
