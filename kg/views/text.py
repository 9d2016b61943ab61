"""An article with its entities highlighted (spaCy displaCy), in the graph's type colours."""

from __future__ import annotations

from collections.abc import Iterable

from spacy import displacy
from spacy.tokens import Doc

from kg.model import ENTITY_TYPES
from kg.views.draw import TYPE_COLORS

EXTRA_LABELS = {"MONEY": "#fff3b0", "DATE": "#e8e8e8"}    # the model's own labels the facts are made from


def entity_html(doc: Doc, labels: Iterable[str] | None = None, *, max_chars: int | None = None) -> str:
    """displaCy's entity view of `doc` as HTML: kg-builder's types (and money, dates) in colour.

    `max_chars` cuts the text after the paragraph that passes that length (long articles).
    """
    shown = list(labels) if labels is not None else [*ENTITY_TYPES, *EXTRA_LABELS]
    colors = {t: _light(c) for t, c in TYPE_COLORS.items()} | EXTRA_LABELS
    if max_chars is not None and len(doc.text) > max_chars:
        cut = doc.text.find("\n\n", max_chars)
        if cut > 0:
            doc = doc[: doc.char_span(0, cut, alignment_mode="contract").end].as_doc()
    return displacy.render(doc, style="ent", jupyter=False, options={"ents": shown, "colors": colors})


def _light(hex_color: str, amount: float = 0.55) -> str:
    """A lighter tint of a colour, so that black text stays readable on it."""
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{int(c + (255 - c) * amount):02x}" for c in (r, g, b))
