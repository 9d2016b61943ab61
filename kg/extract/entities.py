"""spaCy component `kg_entities`: named entities typed with the core classes.

It runs after spaCy's `ner`, overlays the cue-typed names of `names.find_cue_names` (which win
where they overlap), repairs the statistical entities (line breaks inside a span, titles, leading
"the", possessives, a following acronym: "Samsung" + "SDI") and relabels every span with a core
type: GovernmentAgency, Company, Alliance, Association, Organization, Person, Place, Project.
Other spaCy labels (MONEY, DATE, CARDINAL, PERCENT, NORP) are kept as they are for later stages.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.extract import lexicon as lx
from kg.extract.gazetteer import is_country_name, is_place_name, is_region_name
from kg.extract.mentions import doc_text, doc_tokens, span_text, tokens_of
from kg.extract.names import (
    FIRM_HEADS,
    GLUED_AMOUNT,
    LISTED_ITEM,
    PRICED_AMOUNT,
    alnum_name,
    cue_type,
    find_cue_names,
    head_word,
    opens_with_place,
)

CORE_LABELS = {"GovernmentAgency", "Company", "Alliance", "Association", "Organization", "Person", "Place", "Project"}
KEEP_SPACY = {"MONEY", "DATE", "CARDINAL", "PERCENT", "NORP", "QUANTITY", "ORDINAL", "TIME"}
EVENT_WORDS = {
    "event",
    "ceremony",
    "conference",
    "summit",
    "forum",
    "exhibition",
    "show",
    "fair",
    "expo",
    "meeting",
    "award",
    "awards",
    "festival",
    "launch",
}


@Language.factory("kg_entities", default_config={"default_org_type": "Company"})
def make_entity_typer(nlp: Language, name: str, default_org_type: str) -> EntityTyper:
    return EntityTyper(default_org_type, nlp)


class EntityTyper:
    """Turn spaCy's entities plus cue-typed names into core-typed entity spans."""

    def __init__(self, default_org_type: str = "Company", nlp: Language | None = None) -> None:
        self.default_org_type = default_org_type
        self._nlp = nlp
        self._nouns: frozenset[str] | None = None

    def common_nouns(self) -> frozenset[str]:
        """The English nouns the model's lemmatizer knows (read once its tables are loaded): 'Ocean
        Engineering' is made of them, 'Samsung' is not."""
        if self._nouns is None:
            nouns: list[str] = []
            if self._nlp is not None and "lemmatizer" in self._nlp.pipe_names:
                lookups = getattr(self._nlp.get_pipe("lemmatizer"), "lookups", None)
                if lookups is not None and lookups.has_table("lemma_index"):
                    nouns = lookups.get_table("lemma_index").get("noun", [])
            self._nouns = frozenset(nouns)
        return self._nouns

    def __call__(self, doc: Doc) -> Doc:
        original = list(doc.ents)
        persons = [e for e in original if e.label_ == "PERSON"]
        spans: list[Span] = []
        model_bounds = {(e.start, e.end) for e in original}
        for match in find_cue_names(doc_text(doc)):
            span = doc.char_span(match.start, match.end, label=match.type, alignment_mode="expand")
            if span is not None and _two_names_joined(span, model_bounds):
                continue
            cut = None if span is None else _proper_name_after_and(span, model_bounds, self.common_nouns())
            if span is not None and cut is not None:
                span = Span(doc, span.start, cut, label=match.type)  # the name after the 'and' is the model's
            if span is not None:
                span = _cut_person(doc, span, persons)
                if span is not None and len(span) and not _portfolio(doc, span):
                    spans.append(Span(doc, span.start, span.end, label=cue_type(span.text) or match.type))
        for whole in _joined_by_their_acronym(doc, original):
            for ent in (e for part in _split_at_breaks(doc, whole) for e in _split_at_commas(doc, part)):
                fixed = self._fix(doc, ent)
                if fixed is not None:
                    spans.append(fixed)
        spans = _whole_hyphenated_names([piece for s in spans for piece in _split_at_possessive(doc, s)])
        cue_tokens = {i for s in spans if s.label_ in CORE_LABELS for i in range(s.start, s.end)}
        spans = [s for s in spans if s.label_ in CORE_LABELS or not (set(range(s.start, s.end)) & cue_tokens)]
        ents = _vote_types(_place_lists(doc, _places_by_gazetteer(doc, _retype_by_context(doc, filter_spans(spans)))))
        ents = _list_items(doc, ents)
        ents = _companies_in_lists(doc, ents)
        ents = _described_lists(doc, _described_names(doc, ents))
        ents = _owners_of_parts(doc, ents)
        ents = _apposed_names(doc, ents)
        ents = _accented_names(doc, _titled_persons(doc, ents))
        ents = _korean_names(doc, ents)
        ents = _companies_before_titles(doc, ents)
        ents = _names_with_common_heads(doc, ents)
        ents = _surnames_to_persons(doc, ents)
        ents = _places_naming_projects(doc, ents)
        ents = _quoted_groups(doc, ents)
        ents = _listed_projects(doc, ents)
        ents = _plans_named_before_their_head(doc, ents)
        ents = _plans_named_with_a_year(doc, ents)
        ents = _repeat_mentions(doc, ents)
        ents = _persons_named_as_organisations(_headline_names(doc, ents))
        terms = _term_acronyms(doc)
        if terms:
            ents = [e for e in ents if e.label_ not in CORE_LABELS - {"Project"} or e.text.rstrip("s") not in terms]
        ents = [_without_glued_amount(doc, e) for e in ents if not _owned_product(doc, e)]
        ents = [e for e in ents if not PRICED_AMOUNT.match(e[0].text)]  # 'RM25 bln' in a headline is no name
        ents = [e for e in ents if not (e[0].text == "BY" and len(e) > 1 and e.text.isupper())]  # 'BY HAN SEO-YEON'
        doc.ents = ents  # set once: every doc.ents read or write walks the whole document
        return doc

    def _fix(self, doc: Doc, ent: Span) -> Span | None:
        toks = doc_tokens(doc)
        label = ent.label_
        if label == "NORP" and is_place_name(ent.text):
            return Span(doc, ent.start, ent.end, label="Place")  # 'in Mohali, Punjab', 'Chitose, Hokkaido'
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
        if any(w.lower() in {"krw", "usd", "won"} for w in text.split()) or re.match(r"^[A-Z]{3}\s?\d", text):
            return None
        if "/" in text or "=" in text:
            return None
        if MODEL_CODE.match(text):
            return None  # 'KF-21', 'KC-2', 'A320': a model's code, not an organisation
        if span.start and toks[span.start - 1].like_num and not toks[span.start - 1].whitespace_:
            span = Span(doc, span.start - 1, span.end, label=span.label_)  # '6G Forum', not 'G Forum'
            if len(span) == 2:
                return None  # '6G', '5G': a technology, not a name
        if span[-1].lower_ in {"forum", "council"} and _acronym_after(doc, span) or _standing_forum(doc, span):
            return Span(doc, span.start, span.end, label="Association")  # 'Korea Atomic Industrial Forum (KAIF)'
        if span[-1].lower_ in EVENT_WORDS:
            return _named_inside_event(doc, span)
        if span.end < len(doc) and toks[span.end].lower_ in EVENT_WORDS:
            return None
        if _portfolio(doc, span):
            return None  # 'Minister of Trade, Industry and Energy': a title; the facts name the ministry
        if label in {"ORG", "PERSON"}:
            span = _extend_org(doc, span)
        cut = next(
            (
                t.i
                for t in span[1:]
                if t.lower_ in {"with", "and"} and cue_type(doc[span.start : t.i].text)
                or t.lower_ == "for"  # 'National Wealth Fund for Severn Semiconductor': money for a business
                and span[-1].lower_.rstrip(".") in FIRM_HEADS
                and cue_type(doc[span.start : t.i].text) in {"Project", "GovernmentAgency"}
            ),
            None,
        )
        if cut is not None:
            span = Span(doc, span.start, cut, label=span.label_)  # 'K-AI Chip Alliance with Rebellions'
        if (
            label == "ORG"
            and len(span) == 1
            and span.text.isupper()
            and span.end < len(doc)
            and toks[span.end].is_lower
            and toks[span.end].pos_ == "NOUN"
            and not (span.start and _descriptor_kind(doc, toks[span.start - 1]) is not None)
        ):
            return None  # 'LNG carriers', 'EV batteries': an acronym used as a modifier
        cue = cue_type(span.text)
        if label == "PERSON" and span[0].lower_ in {"complex", "center", "centre", "hall", "tower", "building"}:
            return None  # 'Government Complex Sejong': a building, not a person
        if label == "PERSON":
            if cue in {"Place", "Project"} or cue and cue != "Person" and len(span) > 1 and not _looks_personal(span):
                return Span(doc, span.start, span.end, label=cue)
            if len(span) > 1 and span[0].is_upper and span[0].is_alpha and len(span[0]) <= 3:
                return Span(doc, span.start, span.end, label=cue or self.default_org_type)  # 'HD Hyundai Heavy'
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
        if span.end < len(doc) and toks[span.end].lower_ in {"minister", "ministry"} or _portfolio_list(doc, span):
            return None
        return Span(doc, span.start, span.end, label=cue or self.default_org_type)


def _owned_product(doc: Doc, span: Span) -> bool:
    """"Nvidia's latest Blackwell chips", 'its Optimus robots', "Hyundai Rotem's K9 howitzers": a name
    between an owner's possessive and a product noun names a product, not an organisation or a place."""
    if span.label_ not in {"Person", "Place", "Company"} or span.end >= len(doc) or cue_type(span.text):
        return False
    j = span.end  # past common nouns between: 'its XCIENT fuel cell trucks'
    while j + 1 < len(doc) and j - span.end < 3 and doc[j].tag_ in {"NN", "NNS"} and doc[j].text.islower():
        if doc[j].lemma_.lower() in lx.PRODUCT_NOUNS:
            break
        j += 1
    if doc[j].lemma_.lower() not in lx.PRODUCT_NOUNS and doc[j].lower_ not in lx.PRODUCT_NOUNS:
        return False
    k = span.start - 1
    while k >= 0 and span.start - k <= 3 and doc[k].pos_ == "ADJ":
        k -= 1
    if k >= 0 and doc[k].lower_ == "the" and len(span) == 1 and j == span.end and span.label_ != "Place":
        return True  # 'KARI, which developed the Nuri rocket'
    return k >= 0 and (doc[k].text in {"'s", "’s"} or doc[k].lower_ in {"its", "their"})


def _term_acronyms(doc: Doc) -> set[str]:
    """Acronyms the text spells out in lower case: 'silicon carbide (SiC)', 'through-silicon via (TSV)',
    'very large gas carriers (VLGCs)', 'a memorandum of understanding (MOU)': terms, never names."""
    terms: set[str] = set()
    text = doc_text(doc)
    if "(" not in text:
        return terms
    for m in re.finditer(r"\(([A-Za-z]{2,6})\)", text):
        acronym = m.group(1).removesuffix("s") if m.group(1).endswith("s") and len(m.group(1)) > 2 else m.group(1)
        letters = [c for c in acronym if c.isupper()]
        if len(letters) < 2 or not acronym[:1].isupper():
            continue
        before = re.findall(r"[A-Za-z]+", text[max(0, m.start() - 80) : m.start()])
        initials = "".join(w[0] for w in before[-len(letters) :])
        spelled = before[-len(letters) :]
        if len(spelled) == len(letters) and all(w.islower() for w in spelled) and initials.upper() == "".join(letters):
            terms.add(acronym)
    return terms


def _standing_forum(doc: Doc, span: Span) -> bool:
    """'the 6G Forum, a public-private body', '6G Forum Chairman X': a forum with no date or number of its
    own in the name, not held, is a standing body; 'the 2025 Korea-U.S. Business Forum' is an event."""
    if span[-1].lower_ != "forum" or len(span) < 2:
        return False
    if any(t.like_num and not (t.i + 1 < span.end and not t.whitespace_) or t.ent_type_ in {"DATE", "ORDINAL"}
           for t in span):
        return False
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return after not in {"meeting", "session", "event", "held", "was", "in", "on"}


def _portfolio_list(doc: Doc, span: Span) -> bool:
    """'Investment, Trade and Industry Minister Tengku Zafrul': the first word of a minister's portfolio
    list, which names no organisation."""
    i = span.end
    while i < min(len(doc), span.end + 8) and (doc[i].text in {",", "&"} or doc[i].lower_ == "and" or (
        doc[i].is_title and doc[i].lower_ not in {"minister", "secretary"}
    )):
        i += 1
    return i > span.end and i < len(doc) and doc[i].lower_ in {"minister", "secretary"} and doc[span.end].text == ","


def _acronym_after(doc: Doc, span: Span) -> bool:
    """The name is followed by '(ACRONYM)' spelling its initials: a standing body, not an event."""
    if span.end + 2 >= len(doc) or doc[span.end].text != "(" or doc[span.end + 2].text != ")":
        return False
    acronym = doc[span.end + 1].text
    initials = "".join(t.text[0] for t in span if t.text[:1].isupper())
    return acronym.isupper() and len(acronym) >= 2 and initials.startswith(acronym[:2])


def _portfolio(doc: Doc, span: Span) -> bool:
    """A minister's title or the portfolio after it, which the model may take for an organisation."""
    k = span.start - 1
    while k > 0 and span.start - k < 8 and (doc[k].text[:1].isupper() or doc[k].lower_ in {"and", "&", ","}):
        k -= 1  # 'Minister of Oceans and Fisheries': back over the portfolio's other words
    if k >= 1 and doc[k].lower_ in {"of", "for"} and doc[k - 1].lower_ in PORTFOLIO_HOLDERS:
        return all(t.text[:1].isupper() or t.is_punct or t.lower_ in {"and", "&"} for t in span)
    k = span.start
    while k < span.end and doc[k].lower_ in lx.TITLE_WORDS | {"first", "second", "third"}:
        k += 1
    return k > span.start and doc[k - 1].lower_ in PORTFOLIO_HOLDERS and k < span.end and doc[k].lower_ in {
        "of",
        "for",
    }


# who holds a portfolio named after 'of'/'for': 'Minister of ...', 'Commissioner for Climate, Net Zero and ...'
PORTFOLIO_HOLDERS = {"minister", "secretary", "commissioner"}
MODEL_CODE = re.compile(r"^[A-Z]{1,4}-?\d{1,4}[A-Z]?$")


def _whole_hyphenated_names(spans: list[Span]) -> list[Span]:
    """'Saxony' that the model tags in "Saxony-Anhalt's premier": a name cut at a glued hyphen takes the rest
    back when the whole is named so elsewhere in the text or is a known place ('Korea-U.S. talks' stay)."""
    whole_names = {s.text for s in spans if "-" in s.text}
    out = []
    for span in spans:
        doc, end = span.doc, span.end
        if (
            end + 1 < len(doc)
            and not span[-1].whitespace_
            and doc[end].text == "-"
            and not doc[end].whitespace_
            and doc[end + 1].text[:1].isupper()
        ):
            whole = doc[span.start : end + 2].text
            if whole in whole_names or is_place_name(whole):
                span = Span(doc, span.start, end + 2, label=span.label_)
        out.append(span)
    return out


def _accented(tok) -> bool:
    return not tok.text.isascii() and tok.is_alpha


def _name_run_word(tok) -> bool:
    """A word that may continue a name written with accents: capitalised, no title ('Prime Minister')."""
    return (
        tok.is_alpha
        and tok.text[:1].isupper()
        and (tok.pos_ == "PROPN" or _accented(tok))
        and not tok.is_stop  # 'The Łódź plant', 'In Brasília'
        and tok.lower_ not in lx.TITLE_WORDS
        and tok.ent_type_ not in {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"}
    )


def _accented_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Phạm Minh Chính', 'Hồ Chí Minh City', 'Hòa Lạc Hi-Tech Park': the small English model cuts names
    written with accents into pieces (a person and a place, a company and a place); the capitalised words
    around an accented one, touching an entity, are one name, typed by its own words or else by its pieces."""
    if doc_text(doc).isascii():
        return ents
    toks = doc_tokens(doc)
    headlines = _headline_ranges(doc)
    at = {i: e for e in ents for i in range(e.start, e.end)}
    out: list[Span] = []
    replaced: set[int] = set()
    for e in ents:
        if id(e) in replaced:
            continue
        start, end = e.start, e.end
        while start > 0 and _name_run_word(toks[start - 1]) and "\n" not in toks[start - 1].whitespace_:
            start -= 1
        while end < len(toks) and "\n" not in toks[end - 1].whitespace_ and (
            _name_run_word(toks[end])
            or toks[end].text == "-" and not toks[end - 1].whitespace_ and not toks[end].whitespace_
            and end + 1 < len(toks) and _name_run_word(toks[end + 1])
        ):
            end += 1
        run = doc[start:end]
        if (
            (start, end) == (e.start, e.end)
            or not any(_accented(t) for t in run)
            or len(run) > 6
            or any(a <= run.start_char < b for a, b in headlines)  # a Title Case headline capitalises everything
        ):
            out.append(e)
            continue
        pieces = sorted({id(at[i]): at[i] for i in range(start, end) if i in at}.values(), key=lambda x: x.start)
        loose = [t for t in run if t.i not in at and t.text != "-"]
        if any(p.start < start or p.end > end for p in pieces) or len(pieces) < 2 and not all(map(_accented, loose)):
            out.append(e)
            continue
        last = pieces[-1]
        label = cue_type(run.text) or (  # 'Łukasiewicz Research Network': a name of several words at the end heads
            last.label_ if len(last) > 1 and last.end == end and last.label_ != "Person"
            else "Person" if any(p.label_ == "Person" for p in pieces) else e.label_
        )
        replaced.update(id(p) for p in pieces)
        out.append(Span(doc, start, end, label=label))
    return filter_spans(out)  # a run reaching back over a name kept before it wins


def _split_at_possessive(doc: Doc, ent: Span) -> list[Span]:
    """"the Department of Energy's Loan Programs Office": two bodies, each named by its own words."""
    toks = doc_tokens(doc)
    k = next((i for i in range(ent.start + 1, ent.end - 1) if toks[i].text in {"'s", "’s"}), None)
    if k is None:
        return [ent]
    left, right = doc[ent.start : k], doc[k + 1 : ent.end]
    left_type, right_type = cue_type(left.text), cue_type(right.text)
    if left_type is None and right_type == "Project" and _defined_acronym(doc, left.text):
        left_type = _defined_acronym(doc, left.text)  # "LPO's Advanced Technology Vehicles Manufacturing Loan Program"
    if left_type is None or right_type is None or right_type == "Place":
        return [ent]
    return [Span(doc, left.start, left.end, label=left_type), Span(doc, right.start, right.end, label=right_type)]


def _defined_acronym(doc: Doc, word: str) -> str | None:
    """The type of the body an acronym stands for where the story defines it: 'Loan Programs Office (LPO)'."""
    if not (2 <= len(word) <= 6 and word.isupper() and word.isalpha()):
        return None
    m = re.search(rf"((?:[A-Z][\w&.-]*\s+(?:of\s+|and\s+|for\s+|the\s+)*){{1,8}})\(\s*{word}\s*\)", doc_text(doc))
    return (cue_type(m.group(1).strip()) or "Organization") if m else None


def _without_glued_amount(doc: Doc, ent: Span) -> Span:
    """'Zhongyuan Energy Materials Rp4.8 trillion': an amount glued to its currency ends no name."""
    end = ent.end
    while end - 1 > ent.start and GLUED_AMOUNT.match(doc_tokens(doc)[end - 1].text):
        end -= 1
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


def _split_at_breaks(doc: Doc, ent: Span) -> list[Span]:
    """'The Ministry of Economy awarded Hanul Motors ¥80 billion': the model may read a clause as one name;
    a lower-case finite verb (or a possessive) inside it is where one name ends and the next begins."""
    cut = next(
        (
            t.i
            for t in doc_tokens(doc)[ent.start + 1 : ent.end - 1]
            if t.is_lower and t.tag_ in {"VBD", "VBZ", "VBP"} or t.text in {"'", "’", "'s", "’s"}
        ),
        None,
    )  # also "Samsung Electronics' Pyeongtaek campus": the owner, then the site
    spaced = re.search(r" [-–—] ", doc_text(doc)[ent.start_char : ent.end_char])
    dash = None
    if spaced is not None:  # 'European Commission - Press release': a spaced dash ends a name
        dash = doc.char_span(ent.start_char + spaced.start() + 1, ent.start_char + spaced.end() - 1)[0].i
    if dash is not None and (cut is None or dash < cut):
        rest = Span(doc, dash + 1, ent.end, label=ent.label_)
        kept = [rest] if len(rest) > 1 and rest.text[:1].isupper() else []
        return [Span(doc, ent.start, dash, label=ent.label_), *kept]
    if cut is None:
        return [ent]
    parts = [Span(doc, ent.start, cut, label=ent.label_), Span(doc, cut + 1, ent.end, label=ent.label_)]
    return [p for p in parts if p[0].text[:1].isupper()]


def _split_at_commas(doc: Doc, ent: Span) -> list[Span]:
    """'KEPCO Engineering & Construction, Doosan Enerbility', 'K-SURE, the Korea Development Bank': the
    model may join two listed names into one; 'Micron Technology, Inc.' and 'Ministry of Trade, Industry
    and Energy' stay whole."""
    if ent.label_ in {"GPE", "ORG", "LOC", "FAC", "PERSON"} and any(t.lower_ in {"and", "to", ","} for t in ent):
        pieces = [p.strip() for p in re.split(r",?\s+(?:and|to)\s+|,\s+", ent.text)]
        if len(pieces) >= 2 and all(is_place_name(p) for p in pieces):
            joins = [t.i for t in ent if t.lower_ in {"and", "to"} or t.text == ","]
            bounds = [ent.start, *[j + 1 for j in joins]]
            ends = [*joins, ent.end]
            # 'Busan and Gwangyang', 'from Daejeon to Incheon', 'in Kochi, Kerala'
            return [Span(doc, b, e, label="GPE") for b, e in zip(bounds, ends, strict=True) if e > b]
    if ent.label_ != "ORG" or not any(t.text == "," or t.lower_ == "and" for t in ent):
        return [ent]
    if any(t.lower_ in {"of", "for"} for t in ent) or _acronym_reaches_back(doc, ent):
        return [ent]
    commas = [t.i for t in ent if t.text == ","]
    ands = [t.i for t in ent if t.lower_ == "and" and t.i not in {c + 1 for c in commas}]
    # 'Rio Tinto and BlueScope Steel': two companies; 'Rebellions and Seoul National University': a name that
    # opens with its city is a name of its own
    place_after = bool(ands) and opens_with_place(doc[ands[-1] + 1 : ent.end].text.split())
    if ands and (commas or place_after or all(i - ent.start >= 2 and ent.end - i - 1 >= 2 for i in ands)):
        commas = sorted(commas + ands)
    if not commas:
        return [ent]
    parts: list[Span] = []
    start = ent.start
    for c in [*commas, ent.end]:
        piece_start = start
        while piece_start < c and doc[piece_start].lower_ in {"the", "and"}:
            piece_start += 1
        if piece_start < c:
            parts.append(Span(doc, piece_start, c, label=ent.label_))
        start = c + 1
    if any(p.text.lower() in lx.LEGAL_SUFFIXES or not p.text[:1].isupper() for p in parts[1:]):
        return [ent]
    if any(len(p) < 2 for p in parts) and not any(t.text == "," for t in ent) and not place_after:
        return [ent]  # 'Johnson and Johnson'
    return parts


def _bracketed_acronym(doc: Doc, end: int) -> str | None:
    """The acronym in brackets right after token `end` ('(CINEA)'), if any."""
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return None
    acronym = doc[end + 1].text
    return acronym if acronym.isupper() and acronym.isalpha() and len(acronym) >= 3 else None


def _acronym_reaches_back(doc: Doc, span: Span) -> bool:
    """'European Climate, Infrastructure and Environment Executive Agency (CINEA)': the acronym after a name
    with a list in it starts with a word before the list's last comma or 'and', so it abbreviates the whole."""
    acronym = _bracketed_acronym(doc, span.end)
    joins = [t.i for t in span if t.text == "," or t.lower_ == "and"]
    if not acronym or not joins or doc[joins[-1] + 1 : span.end].text.removeprefix("the ")[:1] == acronym[0]:
        return False  # ('Samsung Electronics, LG Chem and SK Innovation (SKI)': the last name's own acronym)
    return any(t.is_title and t.text[0] == acronym[0] for t in doc[span.start : joins[-1]])


def _joined_by_their_acronym(doc: Doc, ents: list[Span]) -> list[Span]:
    """The model's pieces of one listed name ('the European Climate,' 'Infrastructure and Environment Executive
    Agency') joined when the acronym after the last reaches back into the first (joined across ',' and 'and'
    only)."""
    out = list(ents)
    for k, last in enumerate(ents):
        if last.label_ != "ORG" or _bracketed_acronym(doc, last.end) is None:
            continue
        first = k
        while first and ents[first - 1].label_ == "ORG" and doc_text(doc)[
            ents[first - 1].end_char : ents[first].start_char
        ].strip(" ,") in {"", "and"}:
            first -= 1
        whole = Span(doc, ents[first].start, last.end, label="ORG")
        named = any(cue_type(ents[j].text.strip(" ,")) is not None for j in range(first, k))
        if first < k and not named and _acronym_reaches_back(doc, whole):  # (not 'Korea University, ... (POSTECH)')
            out = [e for e in out if not (whole.start <= e.start and e.end <= whole.end)] + [whole]
    return sorted(out, key=lambda e: e.start) if out != ents else ents


def _two_names_joined(span: Span, model_bounds: set[tuple[int, int]]) -> bool:
    """'Samsung and Hyundai Heavy Industries': a cue name read across 'and' where the model saw two names, a
    one-word one before it ('Korea Mine Rehabilitation and Mineral Resource Corporation' is one name, whatever
    the model says; 'Procter & Gamble' joins with '&')."""
    return (
        len(span) > 3
        and span[1].lower_ == "and"
        and (span.start, span.start + 1) in model_bounds
        and (span.start + 2, span.end) in model_bounds
    )


def _proper_name_after_and(span: Span, model_bounds: set[tuple[int, int]], nouns: frozenset[str]) -> int | None:
    """Where 'Ministry of Finance and Samsung' holds two names: the model ends one at the 'and' and sees a
    proper name after it (not 'of Ships and Ocean Engineering', topic words; not 'of Science and ICT';
    not 'for Jubail and Yanbu', two places)."""
    doc = span.doc
    starts = {span.start, span.start - 1} if span.start and doc[span.start - 1].lower_ == "the" else {span.start}
    for tok in span[2:-1]:
        if tok.lower_ != "and" or (tok.i + 1, span.end) not in model_bounds:
            continue
        if not any((start, tok.i) in model_bounds for start in starts):
            continue
        right = doc[tok.i + 1 : span.end]
        if all(t.is_upper for t in right) or all(_common_noun(t.lower_, nouns) for t in right):
            return None
        if is_place_name(right.text) and is_place_name(doc[tok.i - 1].text):
            return None
        return tok.i
    return None


def _common_noun(word: str, nouns: frozenset[str]) -> bool:
    singular = word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word
    return word in nouns or singular in nouns


def _looks_personal(span: Span) -> bool:
    return any("-" in t.text for t in span)


HEAD_TITLES = {
    "administrator",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "president",
    "director",
    "minister",
    "governor",
    "mayor",
    "commissioner",
    "secretary",
    "chief",
}
NAME_PARTICLES = {"de", "del", "da", "do", "dos", "van", "von", "der", "al", "bin", "e", "y", "la", "le"}


def _trim_span(doc: Doc, ent: Span) -> Span | None:
    toks = doc_tokens(doc)
    start, end = ent.start, ent.end
    # never across a line break: keep the part after the last one
    for i in range(start, end):
        if "\n" in toks[i].text or "\n" in toks[i].whitespace_ and i < end - 1:
            start = i + 1
    while start < end and (
        toks[start].lower_ in {"the", "a", "an", "and", "'", '"', "“", "(", "["} or toks[start].is_punct
    ):
        start += 1
    if (
        end - start > 1
        and ent.label_ == "ORG"
        and toks[start + 1].text[:1].isupper()
        and (toks[start].lower_ in lx.DESCRIPTOR_TYPES or toks[start].lower_.endswith(lx.DESCRIPTOR_SUFFIXES))
        and toks[start].lower_ not in lx.GOV_HEADS
    ):
        start += 1  # 'Chipmaker SK' at the start of a sentence
    based = next((i for i in range(start + 2, min(end - 1, start + 5)) if toks[i].lower_ == "based"), None)
    if based is not None and toks[based - 1].text == "-":
        start = based + 1  # 'US-based Amkor Technology'
    if ent.label_ in {"ORG", "GPE", "FAC"}:
        first = start
        while (
            first < end - 1
            and toks[first].is_lower
            and toks[first].is_alpha
            and toks[first].lower_ not in NAME_PARTICLES
        ):
            first += 1
        if first > start and toks[first].text[:1].isupper():
            start = first  # 'state development bank BNDES': the description before the name
    if ent.label_ == "PERSON":
        while start < end - 1 and toks[start].lower_ in lx.TITLE_WORDS:
            start += 1
    if ent.label_ in {"GPE", "LOC"}:
        while end - 1 > start and toks[end - 1].lower_ in PLACE_OF_NOUNS and toks[end - 1].is_lower:
            end -= 1  # 'the Busan city government': the city is Busan
    if ent.label_ == "ORG":
        # "South Korean Ministry ...": the nationality is not part of the name
        text = doc_text(doc)
        for adj in ("South Korean", "Korean", "American", "Chinese", "Japanese"):
            n = len(adj.split())
            # (the text test first: it spares building a Span for every adjective)
            if end - start > n + 1 and text.startswith(adj, toks[start].idx) and doc[start : start + n].text == adj:
                start += n  # not 'Korean Air': a one-word rest is the name's own word
                break
    while end > start and (
        toks[end - 1].text in {"'s", "’s", "'", "(", ")", ",", "-", '"', "”"}
        or toks[end - 1].is_punct
        and toks[end - 1].text != "."
        or toks[end - 1].lower_ in {"and", "or"}  # 'Moonbeam and': the model ran into the list
    ):
        end -= 1
    while ent.label_ == "ORG" and end - start > 1 and toks[end - 1].lower_ in HEAD_TITLES:
        end -= 1  # 'KASA Administrator Kang Tae-won': the title belongs to the person after it
    if end - start > 1 and toks[end - 1].lower_ == "gov.":
        end -= 1  # 'Kumamoto Gov. Takashi Kimura': the place's governor
    opening = next((i for i in range(start + 1, end) if toks[i].text == "("), None)
    if opening is not None and not any(toks[i].text == ")" for i in range(opening, end)):
        end = opening  # 'Australian Industry Group (Ai Group': the bracket is another name
    if end <= start:
        return None
    # 'Han Duck-soo', 'Namsa-eup': the model may stop at the hyphen of a name's last part
    while (
        end + 1 < len(doc)
        and not toks[end - 1].whitespace_
        and toks[end].text in {"-", "‐"}
        and not toks[end].whitespace_
        and toks[end + 1].is_alpha
        and toks[end + 1].is_lower
        and len(toks[end + 1]) <= 5
        and toks[end + 1].lower_ not in lx.DESCRIBING_HYPHEN_WORDS  # 'Hwaseong-based Wavice'
        and toks[end - 1].text[:1].isupper()
        and not toks[end - 1].is_upper
    ):
        end += 2
    if ent.label_ in {"ORG", "GPE", "FAC"}:
        inside = next((i for i in range(start + 1, end - 1) if toks[i].lower_ == "in"), None)
        if inside is not None and (
            doc[inside + 1 : end].text.endswith(lx.REGION_SUFFIXES) or is_place_name(doc[inside + 1 : end].text)
        ):
            end = inside  # 'Saemangeum in Jeollabuk-do': the name ends before its region
    return Span(doc, start, end, label=ent.label_)


def _extend_org(doc: Doc, span: Span) -> Span:
    """ "Samsung" + "SDI", "SK" + "On": a capitalised word right after an organisation name belongs to it;
    so does a short all-capitals word right before it ("HD" + "Hyundai")."""
    start = span.start
    if start and span.label_ in {"ORG", "PERSON"}:
        prev = doc[start - 1]
        if (
            prev.is_upper
            and prev.is_alpha
            and 2 <= len(prev) <= 3
            and prev.text not in {"US", "UK", "EU", "UN", "AI", "EV", "IT", "ICT"}
            and prev.lower_ not in lx.TITLE_WORDS
            and prev.ent_type_ in {"", "ORG"}
            and "\n" not in prev.whitespace_
        ):
            start -= 1
            span = Span(doc, start, span.end, label=span.label_)
    end = span.end
    while end < len(doc):
        tok = doc[end]
        if "\n" in doc[end - 1].whitespace_ or tok.is_sent_start:
            break
        if (
            tok.text[:1].isupper()
            and (tok.pos_ == "PROPN" or tok.is_stop and tok.is_alpha)
            and tok.lower_ not in lx.TITLE_WORDS
            and tok.ent_type_ not in {"PERSON", "GPE", "DATE", "MONEY"}
            and tok.lower_ not in lx.NOT_NAMES
        ):
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
                while start < span.end and doc[start].lower_ in {"of", "the", ",", "at", "from", "and", "&"}:
                    start += 1
                return Span(doc, start, span.end, label=span.label_) if start < span.end else None
            end = person.start
            while end > span.start and doc[end - 1].lower_ in lx.TITLE_WORDS | {",", "the"}:
                end -= 1
            return Span(doc, span.start, end, label=span.label_) if end > span.start else None
    return span


def _surnames_to_persons(doc: Doc, ents: list[Span]) -> list[Span]:
    """A lone capitalised token that is the family or given name of a person in the document is that
    person ("Yoon" after "Yoon Suk Yeol"), whatever the statistical model called it."""
    persons = [e for e in ents if e.label_ == "Person" and len(e) > 1]
    parts = {p[0].text for p in persons} | {p[-1].text for p in persons}
    new = []
    changed = False
    for ent in ents:
        if len(ent) == 1 and ent.label_ != "Person" and ent.text in parts and ent.label_ in CORE_LABELS:
            new.append(Span(doc, ent.start, ent.end, label="Person"))
            changed = True
        else:
            new.append(ent)
    taken = {i for e in new for i in range(e.start, e.end)}
    for tok in doc_tokens(doc):
        if tok.i not in taken and tok.text in parts and tok.pos_ == "PROPN" and tok.text[:1].isupper():
            new.append(Span(doc, tok.i, tok.i + 1, label="Person"))
            changed = True
    return filter_spans(new) if changed else ents


def _named_inside_event(doc: Doc, span: Span) -> Span | None:
    """'National Growth Fund Launch Ceremony' is an event; the fund named in it is a project."""
    for end in range(span.end - 1, span.start, -1):
        cue = cue_type(doc[span.start : end].text)
        if cue is not None:
            return Span(doc, span.start, end, label=cue)
    return None


def _list_items(doc: Doc, ents: list[Span]) -> list[Span]:
    """In 'A, B and C' where A and C are companies, an untyped capitalised B is a company too ('SK On');
    a capitalised name with a possessive before a project owns it ("SK hynix's Yongin Cluster")."""
    toks = doc_tokens(doc)
    ents = list(ents)
    project_starts = {e.start for e in ents if e.label_ == "Project"}
    taken = {i for e in ents for i in range(e.start, e.end)}
    by_start = {e.start: e for e in ents}
    by_end = {e.end: e for e in ents}
    new: list[Span] = []
    i = 0
    while i < len(doc):
        tok = toks[i]
        if i in taken or not _capitalised(tok) or tok.is_sent_start or tok.lower_ in lx.NOT_NAMES:
            i += 1
            continue
        j = i
        while (
            j < len(doc)
            and j not in taken
            and (
                _capitalised(toks[j])
                or (j > i and toks[j].text[:1].isupper() and toks[j].is_stop and toks[j].is_alpha)
                or (
                    j > i
                    and toks[j].is_lower
                    and toks[j].is_alpha
                    and not toks[j].is_stop  # 'SK hynix', not 'SDI and'
                    and toks[j].pos_ not in {"VERB", "AUX", "ADP"}  # not 'SK said'
                    and toks[j - 1].is_upper
                    and len(toks[j - 1]) <= 3
                )
            )
        ):
            j += 1
        prev = by_end.get(i - 1) if i >= 2 and toks[i - 1].text in {",", "and", "&"} else None
        if prev is None and i >= 3 and toks[i - 1].lower_ == "and" and toks[i - 2].text == ",":
            prev = by_end.get(i - 2)
        nxt = by_start.get(j + 1) if j + 1 < len(doc) and toks[j].text in {",", "and"} else None
        if nxt is None and j + 2 < len(doc) and toks[j].text == "," and toks[j + 1].lower_ == "and":
            nxt = by_start.get(j + 2)
        kinds = {e.label_ for e in (prev, nxt) if e is not None}
        possessive = j + 1 < len(doc) and toks[j].text in {"'s", "’s"} and (j + 1) in project_starts
        listed_with_orgs = bool(kinds) and kinds <= ORG_LABELS - {"Alliance"}  # 'Seoul National University and POSCO'
        one_word_person = nxt is not None and nxt.label_ == "Person" and len(nxt) == 1
        if prev is not None and prev.label_ == "Company" and one_word_person:
            listed_with_orgs = True  # 'Samsung Electronics, SK hynix and Rebellions': a one-word 'person' ends it
        if j > i and (listed_with_orgs or possessive) and j - i <= 4:
            first = i
            if (
                i >= 2
                and toks[i - 1].text == "-"
                and not toks[i - 1].whitespace_
                and not toks[i - 2].whitespace_
                and toks[i - 2].text[:1].isupper()
                and i - 2 not in taken
            ):
                first = i - 2  # 'K-SURE': the prefix before the hyphen is part of the name
            new.append(Span(doc, first, j, label="Company"))
            by_end[j] = new[-1]  # 'LG Energy Solution, Samsung SDI and SK On': the next item chains on
        i = max(j, i + 1)
    towns = [k for k, e in enumerate(ents) if e.label_ == "Company" and _place_by_neighbours(doc, ents, k)]
    for k in towns:
        ents[k] = Span(doc, ents[k].start, ents[k].end, label="Place")
    # a 'person' or 'place' listed beside companies is a company ('HD Hyundai Heavy Industries and Hanwha Ocean')
    relabel = []
    gaps = {",", "and", ", and", "&"}
    for k, e in enumerate(ents):
        if e.label_ not in {"Person", "Place"} or e.label_ == "Person" and any("-" in t.text for t in e):
            continue
        if _known_place(e) or _after_place_preposition(doc, ents, k) or _based_in(doc, e):
            continue  # 'In Yeosu, LG Chem and GS Caltex ...', 'in Yeosu, Daesan and Ulsan': places
        left = ents[k - 1] if k and _gap(doc, ents[k - 1], e) in gaps else None
        if left is None:  # the names found above are neighbours too: 'Samsung Electronics, SK hynix and Rebellions'
            left = next((n for n in new if n.end <= e.start and _gap(doc, n, e) in gaps), None)
        right = ents[k + 1] if k + 1 < len(ents) and _gap(doc, e, ents[k + 1]) in gaps else None
        if right is not None and right.end < len(doc) and toks[right.end].text in {"'s", "’s"}:
            right = None  # 'Sanjay Mehrotra, Micron's chief executive': an apposition, not a list
        if any(x is not None and x.label_ == "Company" for x in (left, right)) and not any(
            x is not None and x.label_ in {"Person", "Place"} for x in (left, right)
        ):
            relabel.append(e)
    # 'a plant in Krishnagiri, Tamil Nadu': a 'person' right after a place and a comma is a place too
    to_place = [
        e
        for k, e in enumerate(ents)
        if e.label_ == "Person"
        and k
        and ents[k - 1].label_ == "Place"
        and _gap(doc, ents[k - 1], e) == ","
        and not (e.start >= 1 and toks[e.start - 1].lower_ in lx.TITLE_WORDS)
        or e.label_ == "Person"
        and k
        and len(e) == 1
        and ents[k - 1].label_ == "Place"
        and _gap(doc, ents[k - 1], e) in LIST_GAPS
        and _after_place_preposition(doc, ents, k)  # 'complexes in Yeosu, Daesan and Ulsan'
    ]
    if to_place:
        ents = [Span(doc, e.start, e.end, label="Place") if e in to_place else e for e in ents]
        relabel = [e for e in relabel if e not in to_place]
    if relabel:
        ents = [Span(doc, e.start, e.end, label="Company") if e in relabel else e for e in ents]
    return filter_spans(ents + new) if new or relabel or to_place or towns else ents


ORG_LABELS = {"Company", "GovernmentAgency", "Alliance", "Association", "Organization"}
LIST_GAPS = {",", "and", ", and", "&", "or", ", or"}


def _companies_in_lists(doc: Doc, ents: list[Span]) -> list[Span]:
    """'led by Naver Cloud, SK Telecom, LG AI Research, Upstage and NC AI': in a list of three or more
    names that holds an organisation and no known place or person, the model's 'places' and 'persons'
    are organisations too (a list does not mix companies with towns)."""
    relabel: dict[int, str] = {}
    for run in _list_runs(doc, ents):
        if len(run) < 3:
            continue
        items = [ents[k] for k in run]
        if items[0].start and doc[items[0].start - 1].lower_ in {"in", "at", "near", "from", "across"}:
            continue  # 'complexes in Yeosu, Daesan and Ulsan': a list of places
        orgs = [e for e in items if e.label_ in ORG_LABELS]
        if not orgs or any(e.label_ not in ORG_LABELS | {"Place", "Person"} for e in items):
            continue
        if any(_known_place(e) or e.label_ == "Person" and _looks_personal(e) for e in items):
            continue
        label = max(dict.fromkeys(e.label_ for e in orgs), key=lambda lab: sum(e.label_ == lab for e in orgs))
        for k in run:
            if ents[k].label_ in {"Place", "Person"} and cue_type(ents[k].text) is None and not _based_in(doc, ents[k]):
                relabel[k] = label
    if not relabel:
        return ents
    return [Span(doc, e.start, e.end, label=relabel[k]) if k in relabel else e for k, e in enumerate(ents)]


def _gapped_subject(doc: Doc, e: Span) -> bool:
    """'... for a plant in Iwaki, Fukushima Prefecture, and Kyoei Seiyaku 15 billion yen to add ...': a name
    right before an amount is the subject of a clause whose verb was left out, not one more place (a known
    town stays one: '..., and Gumi 20 billion won' is the town's share)."""
    return e.end < len(doc) and doc[e.end].ent_type_ == "MONEY" and not _known_place(e)


def _place_lists(doc: Doc, ents: list[Span]) -> list[Span]:
    """'the complexes in Gwangyang, Onsan and Seosan': after 'in', a list that starts with a place is a list
    of places, whatever the model called the names without a cue of their own."""
    ents = sorted(ents, key=lambda e: e.start)
    out = list(ents)
    for run in _list_runs(doc, ents):
        first = ents[run[0]]
        items = [ents[j] for j in run]
        if (
            len(run) >= 2
            and any(_known_place(e) for e in items)
            and all(_known_place(e) or _bare_one_word_name(e) for e in items)
        ):
            for j in run:  # 'designated Ulsan, Haenam-gun and Pohang': a list with a county in it is of places
                if ents[j].label_ != "Place":
                    out[j] = Span(doc, ents[j].start, ents[j].end, label="Place")
        elif (
            len(run) >= 2
            and first.label_ == "Place"
            and first.start
            and doc[first.start - 1].lower_ in {"in", "at", "near"}
            and not doc[first.start - 1].is_sent_start  # 'In Onsan, S-Oil and Korea Zinc ...': a clause opener
            and all(ents[j].label_ in {"Place", "Company", "Person"} for j in run)
        ):
            for j in run[1:]:
                e = ents[j]
                if _gapped_subject(doc, e):
                    continue
                if e.label_ != "Place" and cue_type(e.text) is None and len(e) <= 2 and not _looks_personal(e):
                    out[j] = Span(doc, e.start, e.end, label="Place")
    return out


PLACE_PREPOSITIONS = {"in", "at", "near", "from", "outside", "across", "between", "around", "throughout", "into"}
PLACE_OF_NOUNS = {"town", "city", "village", "county", "province", "prefecture", "state", "region", "district",
                  "port", "ports", "island", "outskirts", "cities", "areas", "regions", "provinces", "towns"}
GAZETTEER_JOINERS = {"do", "de", "da", "dos", "das", "del", "la"}


def _places_by_gazetteer(doc: Doc, ents: list[Span]) -> list[Span]:
    """Towns and regions the model missed or called an organisation or a person, where the sentence
    reads like a place: 'extension of the line to Incheon', 'in Chitose, Hokkaido', 'Naju, Jinju and
    Wonju will be designated', 'Daejeon-based'. The gazetteer alone decides nothing: 'Toyota' is a
    town too."""
    toks = doc_tokens(doc)
    ents = [part for e in ents for part in _country_possessor(doc, e)]
    starts = {e.start for e in ents}
    ents = [_longer_place(doc, e, starts) for e in ents]
    candidates = [
        Span(doc, e.start, e.end, label="Place")
        if e.label_ in {"Company", "Person"} and cue_type(e.text) is None and len(e) <= 4
        and (not _looks_personal(e) or is_region_name(e.text))  # 'Schleswig-Holstein' is no 'Lee Jae-myung'
        and is_place_name(e.text)
        else e
        for e in ents
    ]
    taken = {i for e in ents for i in range(e.start, e.end)}
    new: list[Span] = []
    i = 0
    while i < len(toks):
        if i in taken or not toks[i].is_title:
            i += 1
            continue
        based = i + 2 < len(toks) and toks[i + 1].text == "-" and toks[i + 2].lower_ in lx.BASED_WORDS
        if toks[i].pos_ != "PROPN" and not based:
            i += 1  # the tagger may call 'Cheongju' in 'Cheongju-based' a common noun
            continue
        j = i + 1
        while j < len(toks) and j - i < 4 and j not in taken and (
            toks[j].pos_ == "PROPN" and toks[j].is_title or toks[j].lower_ in GAZETTEER_JOINERS
        ):
            j += 1
        end = next((k for k in range(j, i, -1) if is_place_name(doc[i:k].text)), None)
        if end is not None and end < j and all(t.lower_ in DIRECTION_WORDS for t in doc[i:end]):
            end = j  # 'Central Java', 'North Maluku': not the 'Central' region of some other country
        if end is None or cue_type(doc[i:end].text) is not None:
            i = j
            continue
        end = _with_level_suffix(doc, i, end)
        new.append(Span(doc, i, end, label="Place"))
        i = end
    merged = sorted(candidates + new, key=lambda e: e.start)
    placed = {e.start for e in merged if e.label_ == "Place"}
    originals = {(x.start, x.end): x for x in ents}
    out = []
    for k, e in enumerate(merged):
        original = originals.get((e.start, e.end))
        if original is not None and original.label_ == e.label_ or _reads_like_a_place(doc, merged, k, placed) or (
            original is not None and original.label_ == "Company" and is_country_name(e.text)
        ) or e.label_ == "Place" and is_region_name(e.text):  # 'Schleswig-Holstein': no business is named so
            out.append(e)
        elif original is not None:
            out.append(original)
    return out


def _longer_place(doc: Doc, e: Span, starts: set[int]) -> Span:
    """'Jaraguá' that the model stopped before 'do Sul': a known place name that goes on."""
    if e.label_ not in {"Place", "Company", "Person"} or e.end + 1 >= len(doc):
        return e
    if doc[e.end].lower_ in GAZETTEER_JOINERS and doc[e.end + 1].is_title:
        for end in (e.end + 3, e.end + 2):
            if end <= len(doc) and not starts & set(range(e.end, end)) and is_place_name(doc[e.start : end].text):
                return Span(doc, e.start, end, label=e.label_)
    end = _with_level_suffix(doc, e.start, e.end)
    return Span(doc, e.start, end, label=e.label_) if end != e.end else e


def _with_level_suffix(doc: Doc, start: int, end: int) -> int:
    """The end of a Korean place name with its '-do' / '-si' / '-gun' / '-gu' ('Gyeongsangbuk-do'), which
    the tokenizer splits off."""
    if (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and doc[end + 1].lower_ in {"do", "si", "gun", "gu"}
        and is_place_name(doc[start : end + 2].text)
    ):
        return end + 2
    return end


def _country_possessor(doc: Doc, e: Span) -> list[Span]:
    """"Germany's Infineon Technologies" read as one name: the country, then the name it owns."""
    if e.label_ != "Place" and len(e) > 2 and e[1].text in {"'s", "’s"} and is_country_name(e[0].text):
        return [Span(doc, e.start, e.start + 1, label="Place"), Span(doc, e.start + 2, e.end, label=e.label_)]
    return [e]


def _reads_like_a_place(doc: Doc, ents: list[Span], k: int, placed: set[int]) -> bool:
    """After 'in'/'at'/'near' (or a list that follows one), before '-based', after 'the port of', or
    listed with other places: the sentence reads the name as a place."""
    e = ents[k]
    prev = doc[e.start - 1].lower_ if e.start else ""
    if prev == "to" and e.start >= 2 and doc[e.start - 2].pos_ in {"NOUN", "VERB"} and (
        doc[e.start - 2].lemma_.lower() in {"move", "relocate", "extension", "extend", "link", "connect", "travel",
                                              "visit", "trip", "route", "line", "return"}
    ):
        return True
    if prev == "of" and e.start >= 2 and doc[e.start - 2].lower_ in PLACE_OF_NOUNS:
        return True
    if prev == "to" and k and ents[k - 1].label_ == "Place" and ents[k - 1].start >= 1 and (
        doc[ents[k - 1].start - 1].lower_ == "from" and ents[k - 1].end == e.start - 1
    ):
        return True  # 'from Sejong to Busan'
    if e.end + 1 < len(doc) and doc[e.end].text == "-" and doc[e.end + 1].lower_ in {"listed", "born"}:
        return True  # 'Toronto-listed'
    if is_country_name(e.text) and e.end + 1 < len(doc) and doc[e.end].text in {"'s", "’s"}:
        return True  # "Germany's Infineon"
    if _based_in(doc, e):
        return True
    j = e.end + (1 if e.end < len(doc) and doc[e.end].lower_ in {"is", "was", ",", "remains"} else 0)
    if j + 1 < len(doc) and doc[j].lower_ == "home" and doc[j + 1].lower_ == "to":
        return True  # 'Naju is home to KEPCO', 'Geoje, home to two shipyards'
    if e.end < len(doc) and doc[e.end].text == "," and k + 1 < len(ents) and ents[k + 1].start == e.end + 1 and (
        ents[k + 1].label_ == "Place" and prev in {",", "and"}
    ):
        return True  # 'Mohali, Punjab': a town before its region
    left = ents[k - 1] if k else None
    right = ents[k + 1] if k + 1 < len(ents) else None
    listed = [
        x for x, gap in ((left, _gap(doc, left, e) if left else None), (right, _gap(doc, e, right) if right else None))
        if x is not None and gap in LIST_GAPS
    ]
    if listed and all(x.start in placed for x in listed):
        return True  # 'Naju, Jinju and Wonju'
    return _after_place_preposition(doc, ents, k, PLACE_PREPOSITIONS)  # 'in X', 'in Yeosu, Daesan and X'


def _list_runs(doc: Doc, ents: list[Span]) -> list[list[int]]:
    """Indexes of the names in `ents` (in text order) grouped into lists: 'A, B and C' is one run."""
    runs: list[list[int]] = []
    for k in range(len(ents)):
        if k and _gap(doc, ents[k - 1], ents[k]) in LIST_GAPS:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _gap(doc: Doc, left: Span, right: Span) -> str:
    """The text between two names, trimmed (read from the kept text: a Span's text is rebuilt per call)."""
    return doc_text(doc)[left.end_char : right.start_char].strip()


def _bare_one_word_name(e: Span) -> bool:
    """One word, no cue, not a hyphenated personal name: a town as easily as a company."""
    return e.label_ in {"Place", "Person", "Company"} and len(e) == 1 and cue_type(e.text) is None and not (
        _looks_personal(e)
    )


def _after_place_preposition(doc: Doc, ents: list[Span], k: int, prepositions: set[str] | None = None) -> bool:
    """The name, or the list it ends, follows 'in'/'at' (or one of `prepositions`): 'in Yeosu, Daesan and
    Ulsan'."""
    prepositions = prepositions or {"in", "at", "near", "from", "outside"}
    while True:
        e = ents[k]
        if e.start and doc[e.start - 1].lower_ in prepositions:
            return True
        if not k or _gap(doc, ents[k - 1], e) not in LIST_GAPS:
            return False
        k -= 1


def _known_place(span: Span) -> bool:
    text = span.text
    return span.label_ == "Place" and (
        text in lx.COUNTRIES
        or text.lower() in lx.COUNTRY_ALIASES
        or text.lower() in lx.CAPITALS
        or cue_type(text) == "Place"
        or any(text.endswith(sfx) for sfx in lx.PLACE_SUFFIXES)
    )


def _place_by_neighbours(doc: Doc, ents: list[Span], k: int) -> bool:
    """'in Clay, New York': a name before a comma and a place, after 'in', is a town in that place;
    'Delhi, Mumbai, Bengaluru and Hyderabad': a name listed among places only is a place."""
    e = ents[k]
    if cue_type(e.text) is not None or len(e) > 3 or _gapped_subject(doc, e):
        return False
    prev = doc[e.start - 1].lower_ if e.start else ""
    right = ents[k + 1] if k + 1 < len(ents) else None
    if (
        right is not None
        and right.label_ == "Place"
        and _gap(doc, e, right) == ","
        and prev in {"in", "at", "near", "and", ",", "from", "outside"}
        and not (right.end < len(doc) and doc[right.end].text in {"'s", "’s"})
    ):
        return True
    left = ents[k - 1] if k else None
    seps = {",", "and", ", and", "or", ", or"}
    neighbours = [
        x
        for x, gap in (
            (left, _gap(doc, left, e) if left is not None else None),
            (right, _gap(doc, e, right) if right is not None else None),
        )
        if x is not None and gap in seps
    ]
    opener = left
    for j in range(k - 2, max(-1, k - 4), -1):  # 'In Yeosu, South Jeolla Province, LG Chem and ...'
        if opener is None or ents[j].label_ != "Place" or _gap(doc, ents[j], opener) != ",":
            break
        opener = ents[j]
    if (
        len(neighbours) == 1
        and neighbours[0] is left
        and opener is not None
        and opener.start
        and doc[opener.start - 1].is_sent_start
        and doc[opener.start - 1].lower_ in {"in", "at"}
    ):
        return False  # 'In Yeosu, LG Chem and GS Caltex ...': the place opens the clause, the name is its subject
    return bool(neighbours) and all(x.label_ == "Place" for x in neighbours) and prev in {",", "and", "or"}


NAMED_PROJECT_HEADS = {"project", "program", "programme", "initiative", "scheme"}
NAMED_PROJECT_HEADS_AFTER_ACRONYM = NAMED_PROJECT_HEADS | {"plan", "package", "fund", "strategy", "campaign"}
NAMED_ALLIANCE_HEADS = {"alliance", "consortium", "coalition", "taskforce"}


def _name_word_run(doc: Doc, i: int, taken: set[int]) -> int:
    """The end of the run of capitalised proper nouns starting at token `i` (`i` itself if none; only at the
    run's first word, so that one run is read once)."""
    if i and doc[i - 1].pos_ == "PROPN" and doc[i - 1].is_title:
        return i
    k = i
    while k < len(doc) and k not in taken and doc[k].pos_ == "PROPN" and doc[k].is_title and k - i < 6:
        k += 1
    return k


def _names_with_common_heads(doc: Doc, ents: list[Span]) -> list[Span]:
    """'the Make American Shipbuilding Great Again (MASGA) project', 'a MASGA task force': a name (or
    acronym) followed by a lower-case 'project' or 'task force' names a project or an alliance."""
    by_start = {e.start: e for e in ents}
    taken = {i for e in ents for i in range(e.start, e.end)}
    new: list[Span] = []
    drop: set[int] = set()
    org_labels = CORE_LABELS - {"Person", "Place", "Project"}
    for tok in doc_tokens(doc):
        ent = by_start.get(tok.i)
        if ent is not None:
            if ent.label_ not in org_labels:
                continue
            start, k = ent.start, ent.end
        elif tok.i not in taken and tok.is_upper and tok.is_alpha and 2 <= len(tok) <= 8:
            start, k = tok.i, tok.i + 1
        elif tok.pos_ == "PROPN" and tok.i not in taken and (run := _name_word_run(doc, tok.i, taken)) >= tok.i + 2:
            # 'a revamped Employment Gold Card scheme': capitalised words the model named nothing
            start, k = tok.i, run
        else:
            continue
        acronym = k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")" and doc[k + 1].text[:1].isupper()
        if acronym:
            k += 3
        if k >= len(doc) or not doc[k].is_lower:
            continue
        word = doc[k].lower_
        if word == "task" and k + 1 < len(doc) and doc[k + 1].lower_ in {"force", "forces"}:
            label, end = "Alliance", k + 2
        elif word in NAMED_ALLIANCE_HEADS:
            label, end = "Alliance", k + 1
        elif doc[k].pos_ == "NOUN" and word in (NAMED_PROJECT_HEADS_AFTER_ACRONYM if acronym else NAMED_PROJECT_HEADS):
            label, end = "Project", k + 1
        else:
            continue
        if any(i in taken and by_start.get(start) is None for i in range(start, end)) and ent is None:
            continue
        new.append(Span(doc, start, end, label=label))
        drop.update(e.start for e in ents if start <= e.start < end)
    if not new:
        return ents
    return filter_spans(new + [e for e in ents if e.start not in drop])


def _titled_persons(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Minister for Industry and Science Ed Husic', 'Minister of Planning and Investment Nguyễn Chí Dũng':
    after a minister's portfolio, the capitalised words that are no policy area are the minister's name
    (the statistical model often misses them or glues them to the portfolio)."""
    new: list[Span] = []
    persons = {i for e in ents if e.label_ == "Person" for i in range(e.start, e.end)}
    for tok in doc_tokens(doc):
        if tok.text in HEAD_OF_GOVERNMENT_TITLES and tok.i + 1 not in persons:
            k = tok.i + 1  # 'Malaysian PM Rahim Noor said', 'PM Anwar said': a premier's name after the title
            while k < len(doc) and k - tok.i <= 4 and doc[k].is_alpha and doc[k].text[:1].isupper() and (
                doc[k].pos_ == "PROPN"
            ):
                k += 1
            if k > tok.i + 1:
                new.append(Span(doc, tok.i + 1, k, label="Person"))
            continue
        if tok.lower_ not in lx.PORTFOLIO_TITLES or not tok.text[:1].isupper():
            continue
        if tok.i >= 2 and doc[tok.i - 1].text == "," and tok.i - 2 in persons:
            continue  # 'Ida Storm, Commissioner for Climate, Net Zero and ...': the name came before the title
        k = tok.i + 1
        if k >= len(doc) or doc[k].lower_ not in {"of", "for"}:
            continue
        while k < len(doc) and (doc[k].lower_ in lx.PORTFOLIO_WORDS or doc[k].text == ","):
            k += 1
        start = k
        while k < len(doc) and k - start < 6 and (
            doc[k].text[:1].isupper()
            and doc[k].is_alpha
            or doc[k].text == "-"
            and not doc[k - 1].whitespace_
            or doc[k - 1].text == "-"
            and doc[k].is_alpha
            and not doc[k - 2].whitespace_
        ):
            k += 1  # 'Lee Chang-yang': a hyphenated given name
        while k > start and doc[k - 1].text == "-":
            k -= 1
        if k - start >= 2 and doc[start - 1].lower_ not in {"of", "for"}:
            new.append(Span(doc, start, k, label="Person"))
    if not new:
        return ents
    kept = []
    for e in ents:
        overlap = next((p for p in new if e.start < p.end and p.start < e.end), None)
        if overlap is None and any(t.lower_ in lx.PORTFOLIO_TITLES for t in e) and all(
            t.lower_ in TITLE_PHRASE_WORDS or t.is_punct for t in e
        ):
            continue  # 'Union Minister for Electronics' before the minister's name: a title, not a name
        if overlap is None:
            kept.append(e)
        elif (
            e.start < overlap.start
            and e.label_ != "Person"
            and not all(
                t.lower_ in lx.PORTFOLIO_WORDS or t.lower_ in lx.TITLE_WORDS or t.is_punct
                for t in doc[e.start : overlap.start]
            )
            and not any(t.lower_ in lx.PORTFOLIO_TITLES for t in doc[e.start : overlap.start])
        ):  # ('Union Minister for Electronics and ...' is a title, not a name)
            kept.append(Span(doc, e.start, overlap.start, label=e.label_))  # the part before, if a name
    return filter_spans(kept + new)


HEAD_OF_GOVERNMENT_TITLES = {"PM", "Premier", "Chancellor"}
# the words a ministerial title is written with: 'Union Minister for Electronics and Information Technology'
TITLE_PHRASE_WORDS = lx.PORTFOLIO_WORDS | lx.TITLE_WORDS | lx.PORTFOLIO_TITLES | {"union", "federal"}
KOREAN_NAME = re.compile(r"\b[A-Z][a-z]{1,4} [A-Z][a-z]{1,6}-[a-z]{2,6}\b")


# a business's titles (a minister's or a governor's name their ministry or region, not a company)
CORPORATE_TITLES = {"chief", "executive", "ceo", "chairman", "chairwoman", "president", "officer", "founder", "vice"}


def _companies_before_titles(doc: Doc, ents: list[Span]) -> list[Span]:
    """'PowerCo chief executive Frank Blome': a capitalised word the model named nothing, right before the
    title of the person named after it, is the organisation that person heads."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    new: list[Span] = []
    for person in (e for e in ents if e.label_ == "Person"):
        k = person.start
        while k > 0 and doc[k - 1].lower_ in CORPORATE_TITLES:
            k -= 1
        if k == person.start or k == 0:
            continue
        name = doc[k - 1]
        if (
            name.i not in taken
            and name.is_alpha
            and name.text[:1].isupper()
            and (name.is_sent_start or doc[k - 2].lower_ in {"the", ",", "said", "by", '"', "“"})
            and not is_place_name(name.text)
            and name.lower_ not in lx.TITLE_WORDS | lx.PORTFOLIO_WORDS
        ):
            new.append(Span(doc, name.i, name.i + 1, label=cue_type(name.text) or "Company"))
    return filter_spans(ents + new) if new else ents


def _korean_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Executive Chair Chung Eui-sun', 'Minister Kim Jung-kwan': a family name and a hyphenated given name
    is a person even when the model missed it (places end in -gu, -do, -si ... and are left alone)."""
    text = doc_text(doc)
    taken = {i for e in ents for i in range(e.start, e.end)}
    new = []
    for m in KOREAN_NAME.finditer(text):
        if m.group(0).endswith(lx.PLACE_SUFFIXES) or m.group(0).split("-")[-1] in lx.DESCRIBING_HYPHEN_WORDS:
            continue
        span = doc.char_span(m.start(), m.end(), label="Person", alignment_mode="contract")
        if span is None or any(i in taken for i in range(span.start, span.end)):
            continue
        if span.start and doc[span.start - 1].text[:1].isupper() and doc[span.start - 1].lower_ not in lx.TITLE_WORDS:
            continue  # part of a longer capitalised name
        new.append(span)
    return filter_spans(ents + new) if new else ents


def _described_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """'chipmaker SK hynix', 'battery maker SK On': a name right after a descriptive noun is what the
    noun says, even where the statistical model saw nothing ("hynix" is tagged a common noun)."""
    starts = {e.start: e for e in ents}
    taken = {i for e in ents for i in range(e.start, e.end)}
    new: list[Span] = []
    tokens = doc_tokens(doc)
    for tok, nxt in zip(tokens, tokens[1:], strict=False):
        if not (nxt.text[:1].isupper() or alnum_name(nxt)):
            continue  # the cheap test first: this runs on every token ('startup 42dot' passes too)
        sentence_initial = tok.is_sent_start and tok.text[1:].islower()
        if not ((tok.is_lower or sentence_initial) and (nxt.is_alpha or alnum_name(nxt))):
            continue
        descriptive = tok.lower_ in lx.DESCRIPTOR_TYPES or tok.lower_.endswith(lx.DESCRIPTOR_SUFFIXES)
        if not (tok.pos_ == "NOUN" or sentence_initial and descriptive):
            continue
        if "\n" in tok.whitespace_ or tok.lower_ in lx.TITLE_WORDS:
            continue
        kind = _descriptor_kind(doc, tok)
        if kind not in {"Company", "GovernmentAgency", "Association", "Organization", "Alliance"}:
            continue
        j = tok.i + 1
        if j in starts:
            ent = starts[j]
            end = ent.end
        elif j in taken:
            continue
        else:
            end = j
            while (
                end < len(doc)
                and end not in taken
                and (_capitalised(doc[end]) or end == j and alnum_name(doc[end]))
                and end - j < 4
            ):
                end += 1
            if end == j:
                continue
        if (
            end < len(doc)
            and end not in taken
            and doc[end - 1].is_upper
            and len(doc[end - 1]) <= 3
            and doc[end].is_lower
            and doc[end].is_alpha
            and doc[end].tag_ == "NN"
            and not doc[end].is_stop
            and (end + 1 >= len(doc) or doc[end + 1].pos_ not in {"NOUN", "PROPN"})
        ):
            end += 1  # 'SK hynix'
        label = starts[j].label_ if j in starts and cue_type(starts[j].text) else kind
        new.append(Span(doc, j, end, label=label))
        if tok.tag_ == "NNS" and end + 1 < len(doc) and doc[end].lower_ in {"and", ","}:
            k = end + 1  # 'fabless startups Rebellions and FuriosaAI': the plural describes both
            while k < len(doc) and k not in taken and doc[k].text[:1].isupper() and doc[k].is_alpha and k - end < 5:
                k += 1  # the model may tag a name like 'FuriosaAI' a number: its capital is what counts
            if k > end + 1:
                new.append(Span(doc, end + 1, k, label=kind))
    if not new:
        return ents
    replaced = {s.start for s in new}
    return filter_spans(new + [e for e in ents if e.start not in replaced])


def _described_lists(doc: Doc, ents: list[Span]) -> list[Span]:
    """'participating companies, including Hanbit Semicon and Daeil HiTek', 'lenders such as X and Y': the
    names listed after a plural descriptive noun are what the noun says (the statistical model may read
    them as people or places)."""
    tokens = doc_tokens(doc)
    starts = {e.start: e for e in ents}
    new: list[Span] = []
    for tok in tokens:
        if tok.tag_ != "NNS" or tok.i + 2 >= len(doc):
            continue
        k = tok.i + 1 + (tokens[tok.i + 1].text == ",")
        apposed = tok.is_lower and k == tok.i + 1 and (  # 'development banks Nafin and Bancomext'
            k in starts or tokens[k].is_title and tokens[k].is_alpha and tokens[k + 1].text in {",", "and"}
        )  # (or names the model missed: 'the fabless start-ups Rebellions, FuriosaAI and DeepX')
        if k + 1 >= len(doc) or tokens[k].lower_ not in {"including", "such", "like"} and not apposed:
            continue
        kind = _descriptor_kind(doc, tok)
        if kind not in {"Company", "GovernmentAgency", "Association", "Organization"}:
            continue
        if not apposed:
            k += 1 + (tokens[k].lower_ == "such" and tokens[k + 1].lower_ == "as")
        while k < len(doc):
            ent = starts.get(k)
            after = ent.end if ent is not None else k + 1
            hyphen = after + 1 < len(doc) and tokens[after].text == "-"
            if hyphen and tokens[after + 1].lower_ in lx.DESCRIBING_HYPHEN_WORDS:
                k = after + 2  # 'Hwaseong-based Dongjin Semichem': the place describes the name after it
                continue
            if ent is not None:
                public = apposed and kind == "GovernmentAgency" and ent.label_ == "Company"  # 'development banks X
                if (ent.label_ in {"Person", "Place"} or public) and not cue_type(ent.text):
                    new.append(Span(doc, ent.start, ent.end, label=kind))
                k = ent.end
            elif tokens[k].text[:1].isupper() and tokens[k].is_alpha:
                end = k
                while end < len(doc) and end not in starts and tokens[end].text[:1].isupper() and end - k < 4:
                    end += 1
                new.append(Span(doc, k, end, label=kind))
                k = end
            else:
                break
            if k + 2 < len(doc) and tokens[k].text == "(" and tokens[k + 2].text == ")":
                k += 3  # 'Nacional Financiera (Nafin) and Bancomext'
            if k < len(doc) and tokens[k].lower_ in {",", "and"}:
                k += 1 + (k + 1 < len(doc) and tokens[k].text == "," and tokens[k + 1].lower_ == "and")
            else:
                break
    if not new:
        return ents
    replaced = {(s.start, s.end) for s in new}
    kept = [e for e in ents if (e.start, e.end) not in replaced]
    return filter_spans(new + kept)


PART_WORDS = {"subsidiary", "subsidiaries", "unit", "units", "arm", "affiliate", "affiliates", "division"}


def _owners_of_parts(doc: Doc, ents: list[Span]) -> list[Span]:
    """'the refining arm of SK Innovation', 'a unit of Meridian Holdings': what owns a company's part is a
    company, also where the statistical model saw no name."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    new: list[Span] = []
    tokens = doc_tokens(doc)
    for tok in tokens[1:-1]:
        if tok.lower_ != "of" or tokens[tok.i - 1].lower_ not in PART_WORDS:
            continue
        j = tok.i + 1
        while j < len(tokens) and tokens[j].lower_ == "the":
            j += 1
        end = j
        while end < len(tokens) and end not in taken and end - j < 5 and (
            _capitalised(tokens[end]) or tokens[end].text == "&" and end > j
        ):
            end += 1
        if end > j and tokens[end - 1].text != "&" and j not in taken:
            new.append(Span(doc, j, end, label=cue_type(doc[j:end].text) or "Company"))
    return filter_spans(new + ents) if new else ents


def _apposed_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """'SK E&S, the energy affiliate of SK Group,' / 'Upstage, a startup founded in 2020,': capitalised
    words that an apposition describes as an organisation are its name, where the statistical model
    saw nothing."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    new: list[Span] = []
    for tok in doc_tokens(doc):
        if tok.text != "," or tok.i in taken or not tok.i or tok.i + 2 >= len(doc):
            continue
        if doc[tok.i + 1].lower_ not in {"a", "an", "the"} or not _name_word(doc[tok.i - 1]):
            continue  # the cheap tests first: this runs on every comma
        start = tok.i
        while start > 0 and tok.i - start < 6 and start - 1 not in taken and (
            _name_word(doc[start - 1])
            or start > 1
            and doc[start - 1].text == "."
            and not doc[start].is_sent_start
            and not doc[start - 2].whitespace_
            and _name_word(doc[start - 2])
        ):
            start -= 1  # 'Coromandel Packaging Technologies Pvt. Ltd.'
        if start == tok.i or start - 1 in taken or "\n" in doc[start:tok.i].text:
            continue
        first = doc[start]
        if (
            first.is_stop
            or first.lower_ in lx.TITLE_WORDS | lx.LEGAL_SUFFIXES
            or first.like_num
            or first.text == "."
            or doc[tok.i - 1].lower_ in lx.TITLE_WORDS
        ):
            continue  # 'In 2024, the ...', 'Chairman, the ...'
        if start and (doc[start - 1].text[:1].isupper() and not doc[start - 1].is_sent_start):
            continue  # part of a longer capitalised run
        span = Span(doc, start, tok.i, label="Company")
        kind = _descriptor_type(doc, span)
        if kind in {"Company", "GovernmentAgency", "Association", "Organization", "Alliance"}:
            new.append(Span(doc, start, tok.i, label=kind))
    return filter_spans(ents + new) if new else ents


def _name_word(tok) -> bool:
    """A word of a proper name: capitalised ('Upstage'), an acronym with '&' ('E&S') or glued digits."""
    return (tok.text[:1].isupper() or alnum_name(tok)) and not tok.is_punct and not tok.like_num


def _repeat_mentions(doc: Doc, ents: list[Span]) -> list[Span]:
    """A name found once is the same name wherever else it is written the same way ('SK hynix' in a
    list, then 'SK hynix said ...' where the statistical model sees no entity)."""
    texts = [span_text(e) for e in ents]
    labels = CORE_LABELS - {"Project"}
    names = {t: e.label_ for e, t in zip(ents, texts, strict=True) if e.label_ in labels and len(t) > 2}
    if not names:
        return ents
    taken = {i for e in ents for i in range(e.start, e.end)}
    new: list[Span] = []
    text = doc_text(doc)
    found: dict[str, int] = {}
    for t in texts:
        found[t] = found.get(t, 0) + 1
    for name, label in names.items():
        if text.count(name) <= found.get(name, 0):
            continue  # every occurrence is already a mention
        for m in re.finditer(r"(?<![\w])" + re.escape(name) + r"(?![\w])", text):
            span = doc.char_span(m.start(), m.end(), label=label)
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            new.append(span)
            taken.update(range(span.start, span.end))
    return sorted(ents + new, key=lambda e: e.start) if new else ents


GROUP_NOUNS = {"consortium", "alliance", "coalition", "partnership", "taskforce"}


def _quoted_groups(doc: Doc, ents: list[Span]) -> list[Span]:
    """'"Team Korea," the consortium led by KHNP': a quoted name that the next words call a consortium or an
    alliance is one, even when the statistical model saw no name in it."""
    text = doc_text(doc)
    if '"' not in text and "“" not in text:
        return ents
    taken = {i for e in ents for i in range(e.start, e.end)}
    new: list[Span] = []
    for tok in doc_tokens(doc):
        if not tok.is_quote or tok.i + 1 >= len(doc) or not doc[tok.i + 1].text[:1].isupper():
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 6 and not doc[end].is_quote and doc[end].text != ",":
            end += 1
        k = end
        while k < len(doc) and (doc[k].is_quote or doc[k].text == ","):
            k += 1
        described = k + 1 < len(doc) and doc[k].lower_ in {"the", "a", "an"} and doc[k + 1].lower_ in GROUP_NOUNS
        if described and end > tok.i + 1 and not any(i in taken for i in range(tok.i + 1, end)):
            new.append(Span(doc, tok.i + 1, end, label="Alliance"))
        elif end > tok.i + 1 and k > end and doc[k - 1].is_quote and _dubbed_programme(doc, tok.i):
            new.append(Span(doc, tok.i + 1, end, label="Project"))
    if not new:
        return ents
    inside = {i for s in new for i in range(s.start, s.end)}
    # the quoted name replaces what the model saw inside it ('K-Bio' as a company)
    return filter_spans(new + [e for e in ents if not set(range(e.start, e.end)) <= inside])


def _dubbed_programme(doc: Doc, quote: int) -> bool:
    """'the programme, dubbed "K-Bio Jump,"', 'a fund called "Nova"': the quoted words name the programme."""
    k = quote - 1
    if k >= 0 and doc[k].lower_ == "as":
        k -= 1
    if k < 0 or doc[k].lower_ not in {"dubbed", "called", "named", "titled", "known", "branded"}:
        return False
    described = doc[k].head
    return described.pos_ in {"NOUN", "PROPN"} and described.lemma_.lower() in lx.PROGRAMME_HEADS | {"strategy"}


SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "as", "vs"}


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of headline lines written in Title Case, where every word is capitalised."""
    ranges = []
    pos = 0
    for line in text.split("\n"):
        words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", line) if w.lower() not in SMALL_WORDS]
        capitals = sum(w[0].isupper() for w in words)
        if 3 <= len(words) <= 25 and not line.rstrip().endswith(".") and capitals == len(words):
            ranges.append((pos, pos + len(line)))
        pos += len(line) + 1
    return ranges


def _headline_ranges(doc: Doc) -> list[tuple[int, int]]:
    """The document's Title Case headline lines, read once (two readers ask)."""
    cached = doc.user_data.get("kg_headlines")
    if cached is None:
        cached = doc.user_data["kg_headlines"] = _title_case_lines(doc_text(doc))
    return cached


def _headline_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Korea Bets 448 Billion Won on 6G, Eyes World's First ...': in a Title Case headline every word
    looks like a name. A name found there stands only when the story uses it too (or its own words
    type it); 'K-Humanoid Alliance Launched' is cut back to the 'K-Humanoid Alliance' of the story."""
    text = doc_text(doc)
    lines = _headline_ranges(doc)
    if not lines:
        return ents
    starts = [0] + [end + 1 for _, end in lines]
    ends = [start for start, _ in lines] + [len(text)]
    body = "\n".join(text[a:b] for a, b in zip(starts, ends, strict=True))
    out: list[Span] = []
    changed = False
    for ent in ents:
        inside = any(a <= ent.start_char < b for a, b in lines)
        if not inside or ent.label_ not in CORE_LABELS or ent.text in body:
            out.append(ent)
            continue
        changed = True
        end = ent.end - 1
        while end > ent.start and doc[ent.start : end].text not in body:
            end -= 1
        if end > ent.start:
            out.append(Span(doc, ent.start, end, label=ent.label_))
        elif ent.label_ in {"Place", "Project"} and (_known_place(ent) or cue_type(ent.text)):
            out.append(ent)
    return out if changed else ents


def _listed_projects(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Esbjerg Power-to-X, Esbjerg (Denmark): a 200 MW plant turning hydrogen into e-methanol': a line that
    names an item, its place and country, then describes it as a thing built or run, names a project
    (described as a maker or an agency, it names an organisation, left as the model read it)."""
    text = doc_text(doc)
    if "):" not in text:
        return ents
    found: list[Span] = []
    for m in LISTED_ITEM.finditer(text):
        name = doc.char_span(m.start("name"), m.end("name"), label="Project", alignment_mode="contract")
        described = doc.char_span(m.end(), min(len(text), m.end() + 120), alignment_mode="contract")
        if name is None or described is None or not len(name):
            continue
        head = None
        for tok in described:
            if tok.pos_ in {"VERB", "ADP", "PUNCT", "PRON", "SCONJ", "CCONJ"}:
                break
            if tok.pos_ in {"NOUN", "PROPN"}:
                head = tok
        kind = lx.DESCRIPTOR_TYPES.get(head.lemma_.lower()) if head is not None else None
        if head is None or kind in ORG_LABELS:
            continue  # 'Vestas (Denmark): a turbine maker'
        found.append(name)
        country = doc.char_span(m.start("country"), m.end("country"), label="Place", alignment_mode="contract")
        if country is not None and len(country) and is_country_name(country.text):
            found.append(country)
            place = doc.char_span(m.start("place"), m.end("place"), label="Place", alignment_mode="contract")
            if m.group("place") and place is not None and len(place) and place.text[:1].isupper():
                found.append(place)  # 'Esbjerg' in 'Esbjerg Power-to-X, Esbjerg (Denmark)' is the town
    return _replaced_by(ents, found)


PLAN_NAME_LINKS = {"in", "of", "for", "and", "&", "-"}


def _plans_named_before_their_head(doc: Doc, ents: list[Span]) -> list[Span]:
    """'the Green Transformation strategy', 'the Investing in America agenda', 'the Makers Forward
    programme': capitalised words right before a plan noun in lower case name that plan, noun and all.
    Not when one name fills them ('the Hyundai Motor plan' is the company's plan) or opens them."""
    heads = [t for t in tokens_of(doc, lx.PLAN_NAME_HEADS) if t.is_lower and t.i > 1]
    if not heads:
        return ents
    owner_at = {i: e for e in ents for i in range(e.start, e.end)}
    found: list[Span] = []
    for head in heads:
        k = head.i - 1
        while k >= 0 and (_capitalised(doc[k]) or doc[k].lower_ in PLAN_NAME_LINKS and k > 0 and _capitalised(
            doc[k - 1]
        )):
            k -= 1
        start = k + 1
        while start < head.i and not _capitalised(doc[start]):
            start += 1  # a run opens with a capitalised word
        run = doc[start : head.i]
        capitals = [t for t in run if _capitalised(t) and not t.is_sent_start]
        if len(capitals) < 2 or doc[head.i - 1].dep_ not in {"compound", "amod", "nmod"} or any(
            t.lower_ in DIRECTION_WORDS or t.ent_type_ in {"DATE", "NORP"} or is_country_name(t.text) for t in run
        ):
            continue
        opening = owner_at.get(start)
        if opening is not None and opening.label_ != "Place":
            continue  # 'the Korea Development Bank programme', 'the Samsung Electronics AI plan'
        if head.i + 1 < len(doc) and _capitalised(doc[head.i + 1]):
            continue
        found.append(Span(doc, start, head.i + 1, label="Project"))
    return _replaced_by(ents, found)


def _plans_named_with_a_year(doc: Doc, ents: list[Span]) -> list[Span]:
    """'France 2030, a €54 billion plan launched in 2021, ...': capitalised words and a year, described
    right after as a plan, name that plan (not the country and a date)."""
    found: list[Span] = []
    text = doc_text(doc)
    for m in re.finditer(r"(?<![\w.])20[0-8]\d(?=,)", text):  # a year right before a comma: 'France 2030,'
        year_span = doc.char_span(m.start(), m.end())
        if year_span is None:
            continue
        year = year_span[0]
        start = year.i
        while start > 0 and _capitalised(doc[start - 1]) and year.i - start < 4:
            start -= 1
        if start == year.i or year.i + 3 >= len(doc) or doc[year.i + 1].text != ",":
            continue
        if start > 0 and doc[start - 1].pos_ == "ADP":
            continue  # 'in France 2030 ...' hardly; 'by Korea 2030' is a date
        described = doc[year.i + 2 : min(len(doc), year.i + 12)]
        head = next((t for t in described if t.text in {",", ".", ";"} or t.lower_ in lx.PLAN_NAME_HEADS), None)
        if head is None or head.lower_ not in lx.PLAN_NAME_HEADS or doc[year.i + 2].lower_ not in {"a", "an", "the"}:
            continue
        found.append(Span(doc, start, year.i + 1, label="Project"))
    return _replaced_by(ents, found)


def _replaced_by(ents: list[Span], found: list[Span]) -> list[Span]:
    """`ents` with the spans that overlap a `found` one replaced by it, in text order."""
    if not found:
        return ents
    taken = {i for s in found for i in range(s.start, s.end)}
    return sorted([e for e in ents if not taken & set(range(e.start, e.end))] + found, key=lambda e: e.start)


def _capitalised(tok) -> bool:
    return (
        tok.text[:1].isupper()
        and tok.is_alpha
        and tok.lower_ not in lx.TITLE_WORDS
        and tok.pos_ in {"PROPN", "NOUN", "ADJ", "X"}
    )


def _places_naming_projects(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Sinan Ui offshore wind power project': a place name that starts a project's name is not a place
    of its own here."""
    kept = []
    changed = False
    for ent in ents:
        if ent.label_ == "Place" and ent.end < len(doc):
            k = ent.end
            while k < len(doc) and doc[k].is_lower and doc[k].is_alpha and k - ent.end < 5:
                if doc[k].lower_ in lx.PROJECT_HEADS:
                    changed = True
                    break
                k += 1
            else:
                kept.append(ent)
                continue
            if changed and doc[k].lower_ in lx.PROJECT_HEADS:
                continue
        kept.append(ent)
    return kept if changed else ents


BUSINESS_VERBS = {
    "invest",
    "build",
    "produce",
    "manufacture",
    "supply",
    "sign",
    "acquire",
    "employ",
    "operate",
    "export",
    "develop",
    "expand",
    "receive",
    "win",
    "partner",
    "ship",
    "sell",
    "hire",
    "list",
    "merge",
    "buy",
    "construct",
    "make",
    "spend",
    "raise",
    "secure",
    "open",
    "award",
    "found",
    "incorporate",
    "headquarter",
}
CORPORATE_NOUNS = {
    "plant",
    "factory",
    "factories",
    "shares",
    "stake",
    "subsidiary",
    "unit",
    "ceo",
    "chief",
    "president",
    "chairman",
    "chairwoman",
    "founder",
    "executive",
    "headquarters",
    "board",
    "revenue",
    "profit",
    "products",
    "shareholders",
    "investment",
    "gigafactory",
    "facility",
}
REGION_AFTER_IN = re.compile(
    r"^(?:North |South |East |West )?[A-Z][\w]*(?:-do\b| (?:Province|Prefecture|State|County)\b)"
)
# what a place's name modifies: a person's name never does
SITE_NOUNS = {"site", "reservoir", "dam", "port", "harbor", "harbour", "complex", "project", "plant", "county",
              "region", "area", "coast", "field", "basin", "island", "valley"}
# what an owner's possessive names by its place: "S-Oil's Onsan refinery", 'its Ulsan yard'
OWNED_SITE_NOUNS = {"refinery", "campus", "fab", "mill", "shipyard", "terminal", "factory", "works", "yard",
                    "deposit", "mine", "smelter", "operations"}
PLACE_PREPS = {"in", "near", "at", "across", "outside", "off"}
# titles that only companies have: 'CEO of X' is a company, 'President of X' may be a country
ORG_HEAD_TITLES = {"ceo", "chairman", "chairwoman", "founder", "co-founder", "cto", "cfo", "coo"}


def _retype_by_context(doc: Doc, spans: list[Span]) -> list[Span]:
    """Fix the statistical model's guesses that the sentence contradicts: 'Northvolt will build' is a
    company, not a place; 'a plant in Dunkirk' is a place, not a company; 'Micron' alone, never named
    in full as a person, investing, is a company."""
    full_person_parts = {t.text for e in spans if e.label_ == "Person" and len(e) > 1 for t in e}
    described: dict[str, str] = {}
    for span in spans:
        if span.label_ in {"Person", "Company"} and cue_type(span.text) in {None, "Company"}:
            kind = _project_called(doc, span)  # 'The launcher, called Vélan', 'giga-projects such as NEOM'
            if kind is not None:
                described.setdefault(span.text, kind)
                continue
        if span.label_ in {"Person", "Place", "Company"} and cue_type(span.text) in {None, "Company"}:
            kind = _descriptor_type(doc, span)
            if kind is not None:
                described.setdefault(span.text, kind)
        elif span.label_ == "Project" and head_word(re.sub(r"\s*\([^)]*\)\s*$", "", span.text)) in {"center", "centre"}:
            kind = _descriptor_type(doc, span)  # 'the National Innovation Center (NIC), an agency under ...'
            if kind in {"GovernmentAgency", "Organization", "Company", "Association"}:
                described.setdefault(span.text, kind)
    out = []
    for span in spans:
        label = span.label_
        text = span_text(span)
        cue = cue_type(text)
        if label == "Project" and _site_named_after_a_preposition(doc, span):
            out.append(Span(doc, span.start, span.end, label="Place"))
            continue
        if label == "Project" and text in described:
            span = Span(doc, span.start, span.end, label=described[text])
        elif label in {"Person", "Place", "Company"} and cue in {None, "Company"}:
            # an apposition outranks a weak company head word ('X Capital, a state-run lender')
            new = described.get(text) or (None if cue else _contextual_label(doc, span, full_person_parts))
            if new and new != label:
                span = Span(doc, span.start, span.end, label=new)
        out.append(span)
    return out


def _site_named_after_a_preposition(doc: Doc, span: Span) -> bool:
    """'in Info Valley, Bhubaneswar', 'from the Naro Space Center in Goheung': a valley or a space centre
    where something is, or is launched from, is a place."""
    words = span.text.split()
    site = words[-1].lower() == "valley" or len(words) >= 3 and words[-2].lower() == "space" and words[-1].lower() in {
        "center", "centre"}
    k = span.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return site and k >= 0 and doc[k].lower_ in {"in", "at", "from", "near"}


def _descriptor_type(doc: Doc, span: Span) -> str | None:
    """What a descriptive noun beside the name says it is: 'chipmaker SK hynix', 'Empire State
    Development, the state's economic development agency,', 'KDB, a state-run lender'. Countries and
    capitals keep their type ('China, the world's biggest producer')."""
    name = span.text
    if name in lx.COUNTRIES or name.lower() in lx.COUNTRY_ALIASES or name.lower() in lx.CAPITALS:
        return None
    before = doc[span.start - 1] if span.start else None
    if before is not None and before.is_lower and before.pos_ in {"NOUN", "PROPN"} and "\n" not in before.whitespace_:
        kind = _descriptor_kind(doc, before)
        if kind is not None:
            return kind
    end = span.end + 1 if span.end < len(doc) and doc[span.end].text in {'"', "”", "'", "’"} else span.end
    if end + 3 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        end += 3  # 'the National Innovation Center (NIC), an agency under ...'
    if end + 2 >= len(doc) or doc[end].text != ",":
        return None
    # an apposition: ', the state's economic development agency,' / ', a unit of ...'
    k = end + 1
    if k < len(doc) and doc[k].text in {'"', "”", "'", "’"}:
        k += 1  # '"Team Korea," a consortium that ...'
    first = doc[k]
    if first.lower_ not in {"the", "a", "an", "its", "their"} and not any(
        t.text in {"'s", "’s"} for t in doc[k : min(k + 4, len(doc))]
    ):
        return None
    head = None
    while k < len(doc) and k - span.end <= 10:
        tok = doc[k]
        if tok.is_punct and tok.text not in {"-", "'s", "’s"} or tok.lower_ in APPOSITION_STOPS or "\n" in tok.text:
            break
        if head is not None and tok.tag_ in {"VBG", "VBN"} and tok.dep_ == "acl" and tok.head.i == head.i:
            return _descriptor_kind(doc, head)  # 'a Toulouse-based startup developing a launcher': the startup
        if tok.is_lower and tok.pos_ in {"NOUN", "PROPN"}:
            head = tok
        k += 1
    if head is None or head.lower_ in lx.TITLE_WORDS or k >= len(doc):
        return None
    if doc[k].pos_ in {"VERB", "AUX"}:
        return None  # 'X, the ministry said': the speaker, not an apposition
    if doc[k].lower_ == "of" and head.lower_ in {"group", "consortium", "alliance", "coalition"}:
        return "Alliance" if head.lower_ != "group" else None
    return _descriptor_kind(doc, head)


def _project_called(doc: Doc, span: Span) -> str | None:
    """A name a programme or facility noun is called by: 'The launcher, called Vélan,', 'a hub known as
    HyVelocity', 'giga-projects such as NEOM'."""
    i = span.start - 1
    if i >= 1 and doc[i].lower_ == "as" and doc[i - 1].lower_ in {"known", "such"}:
        i -= 1
    if i < 1 or doc[i].lower_ not in {"called", "named", "dubbed", "known", "such"}:
        return None
    noun = doc[i].head if doc[i].lower_ != "such" else doc[i - 1]
    if doc[i].lower_ != "such" and noun.i == doc[i].i:
        return None
    kind = lx.DESCRIPTOR_TYPES.get(noun.lower_) or lx.DESCRIPTOR_TYPES.get(noun.lemma_.lower())
    return "Project" if kind == "Project" or noun.lemma_.lower() in lx.FACILITY_HEADS | {"hub"} else None


APPOSITION_STOPS = {"which", "who", "whose", "that", "with", "to", "for", "in", "of", "on", "at", "from", "by", "as"}
APPOSITION_STOPS |= {"and", "or", "said", "says", "will", "has", "is", "was"}


def _descriptor_kind(doc: Doc, noun) -> str | None:
    """The type a descriptive noun gives, its modifiers considered ('state-run lender', 'industry group')."""
    word = noun.lower_
    if word in {"ups", "up"} and noun.i >= 2 and doc[noun.i - 1].text == "-" and doc[noun.i - 2].lower_ == "start":
        word = "start-ups" if word == "ups" else "start-up"  # the tokenizer splits 'start-ups'
    if word in lx.TITLE_WORDS:
        return None
    mods = {t.lower_ for t in doc[max(noun.i - 4, 0) : noun.i] if t.is_lower}
    if word in {"group", "groups", "body", "organisation", "organization"} and mods & lx.ASSOCIATION_GROUP_MODIFIERS:
        return "Association"
    kind = lx.DESCRIPTOR_TYPES.get(word)
    if kind is None and noun.tag_ == "NNS":
        kind = lx.DESCRIPTOR_TYPES.get(noun.lemma_.lower())  # 'contract manufacturers Kolmar Korea and Cosmax'
    if kind is None and word.endswith(lx.DESCRIPTOR_SUFFIXES):
        kind = "Company"
    if kind is None and word in {"group", "investor", "bank"}:
        kind = "Company"
    public = kind in {"Company", "Organization"} and word not in lx.STATE_COMPANY_NOUNS and mods & lx.STATE_MODIFIERS
    if public and (kind == "Organization" or word in {"lender", "bank", "investor", "agency", "institution"}):
        return "GovernmentAgency"
    if noun.lemma_.lower() in {"bank", "lender"} and mods & lx.PUBLIC_BANK_WORDS:
        return "GovernmentAgency"  # "Brazil's development bank BNDES", 'the export-import bank'
    return kind


_COMPASS = ("north", "south", "east", "west", "northeast", "southeast", "northwest", "southwest")
DIRECTION_WORDS = {*_COMPASS, *(f"{w}ern" for w in _COMPASS), "central"}  # 'southeastern Seoul'


def _region_after(doc: Doc, i: int) -> bool:
    """A province or a well-known place starts at token i ('Jeollabuk-do', 'southeastern Seoul')."""
    while i < len(doc) and doc[i].lower_ in DIRECTION_WORDS:
        i += 1
    if i >= len(doc):
        return False
    name = doc[i].text
    return bool(REGION_AFTER_IN.match(doc[i : i + 4].text)) or name.lower() in lx.CAPITALS or name in lx.COUNTRIES


def _agent_of_a_group(tok) -> bool:
    """'a consortium led by Galp and Fusion Fuel': the name is among those who lead or formed a group."""
    for _ in range(3):
        if tok.dep_ == "agent":
            verb = tok.head
            return verb.lemma_.lower() in {"lead", "form", "found", "back", "own", "operate"} and (
                verb.head.lemma_.lower() in GROUP_NOUNS | {"venture", "group", "team"}
            )
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _based_in(doc: Doc, span: Span) -> bool:
    """'Hwaseong-based Wavice': the name before '-based' is where the next one sits."""
    return (
        span.end + 1 < len(doc)
        and doc[span.end].text == "-"
        and doc[span.end + 1].lower_ in lx.BASED_WORDS
        and span.text not in lx.COUNTRIES
    )


def _contextual_label(doc: Doc, span: Span, full_person_parts: set[str]) -> str | None:
    root = span.root
    head = root.head
    label = span.label_
    after = doc[span.end] if span.end < len(doc) else None
    after2 = doc[span.end + 1] if span.end + 1 < len(doc) else None
    if _based_in(doc, span):
        return "Place" if label != "Place" else None  # 'Hwaseong-based Wavice'
    if (
        label in {"Place", "Person"}
        and span.start >= 2
        and doc[span.start - 1].text in {"'s", "’s"}
        and (doc[span.start - 2].text in lx.COUNTRIES or doc[span.start - 2].lower_ in lx.COUNTRY_ALIASES)
        and root.dep_ == "nsubj"
        and head.lemma_ in {"say", "announce", "plan", "invest", "spend", "build", "expand", "unveil", "open"}
        and not _known_place(span)
    ):
        return "Company"  # "Taiwan's Foxconn ... said it would spend $250 million"
    staff = doc[span.start - 2].lower_ if span.start >= 2 and doc[span.start - 1].lower_ == "at" else ""
    if staff and label in {"Place", "Person"} and not _known_place(span):
        if staff in {"analysts", "economists", "strategists", "bankers", "executives"}:
            return "Company"  # 'analysts at Macquarie'
        if staff in {"researchers", "scientists", "professors", "engineers"}:
            return "Organization"  # 'researchers at KAIST'
    if (
        label in {"Person", "Company"}
        and len(span) <= 2
        and cue_type(span.text) is None
        and (span.start == 0 or "\n" in doc[span.start - 1].text or "\n" in doc[span.start - 1].whitespace_)
        and after is not None
        and after.text == ","
        and after2 is not None
        and (after2.lower_.rstrip(".") in lx.MONTH_WORDS or re.fullmatch(r"(?:19|20)\d\d", after2.text))
    ):
        return "Place"  # a press release's dateline: 'Sejong, August 11, 2025 - Ministry of ...'
    if label in {"Place", "Person"} and after is not None and after.text in {"'s", "’s"} and not _known_place(span):
        k = span.end + 1
        while k < len(doc) and k - span.end <= 4 and (doc[k].pos_ == "ADJ" or doc[k].text[:1].isupper()):
            k += 1
        if k < len(doc) and k > span.end + 1 and doc[k].lemma_.lower() in lx.PRODUCT_NOUNS:
            return "Company"  # "Nvidia's latest Blackwell chips": who makes a named product is a business
    if label in {"Company", "Person"} and len(span.text.split()) <= 2 and cue_type(span.text) is None:
        if (
            span.start >= 2
            and doc[span.start - 1].lower_ == "in"
            and doc[span.start - 2].lower_ in lx.BASED_WORDS | {"located"}
        ):
            return "Place"  # 'which is based in Naju'
        if (
            span.start >= 2
            and doc[span.start - 1].lower_ == "of"
            and doc[span.start - 2].lower_ in {"town", "city", "village", "county", "province", "prefecture",
                                                "region", "district", "port", "island", "state", *_COMPASS}
        ):
            return "Place"  # 'the town of Ohira', 'north of Sendai'
        site = after
        if after is not None and after.text == "(" and span.end + 3 < len(doc) and doc[span.end + 2].text == ")":
            site = doc[span.end + 3]  # 'its Martorell (Barcelona) plant'
        if (
            span.start >= 1
            and doc[span.start - 1].lower_ in {"'s", "’s", "'", "’", "its", "their"}
            and site is not None
            and site.lemma_.lower() in SITE_NOUNS | OWNED_SITE_NOUNS
        ):
            return "Place"  # "S-Oil's Onsan refinery", "Samsung's Pyeongtaek campus", "Kestrel's Cabbage Tree deposit"
    if (
        label in {"Person", "Place"}
        and span.start >= 2
        and doc[span.start - 1].lower_ in lx.BASED_WORDS
        and doc[span.start - 2].text == "-"
        and not _looks_personal(span)
    ):
        return "Company"  # what is 'Hwaseong-based' is a business
    subject_of_business = (
        root.dep_ in {"nsubj", "nsubjpass"} and head.pos_ == "VERB" and head.lemma_.lower() in BUSINESS_VERBS
    ) or any(  # 'Ridgeline, headquartered in Nashville,': a place has no headquarters
        c.dep_ == "acl" and c.lower_ in {"headquartered", "founded", "incorporated"}
        # 'Doosan Enerbility, which has developed a turbine,': a business, not a person
        or c.dep_ == "relcl" and c.lemma_.lower() in BUSINESS_VERBS and any(w.lower_ == "which" for w in c.children)
        for c in root.children
    )
    corporate_possessor = (
        after is not None
        and after.text in {"'s", "’s"}
        and (
            after2 is not None
            and after2.lower_ in CORPORATE_NOUNS
            or root.dep_ == "poss"
            and head.lemma_.lower() in CORPORATE_NOUNS
        )
    )
    corporate_modifier = after is not None and after.lower_ in CORPORATE_NOUNS and root.dep_ in {"compound", "nmod"}
    # 'awarded a 9.2 billion peso contract to Alstom': who gets a contract or a loan is a business
    deals = {"contract", "order", "loan", "grant", "subsidy"}
    corporate_modifier |= (
        root.dep_ == "pobj"
        and head.lower_ == "to"
        and (
            head.head.lemma_.lower() in deals
            or any(c.dep_ == "dobj" and c.lemma_.lower() in deals for c in head.head.children)  # (a dative 'to')
        )
    )
    if (
        (label == "Company" or label == "Person" and len(span) == 1 and span.text not in full_person_parts)
        and len(span) <= 2
        and cue_type(span.text) is None
        and after is not None
        and after.lower_ == "in"
        and _region_after(doc, span.end + 1)
        and root.dep_ not in {"nsubj", "nsubjpass"}
        and not corporate_possessor
    ):
        return "Place"  # 'linking Saemangeum in Jeollabuk-do with Seosan in Chungcheongnam-do'
    prev = doc[span.start - 1] if span.start else None
    titled = label == "Place" and prev is not None and prev.lower_ in lx.TITLE_WORDS and prev.text[:1].isupper()
    if titled and (
        any("-" in t.text for t in span) or 2 <= len(span) <= 3 and not span.text.endswith(lx.PLACE_SUFFIXES)
    ):
        return "Person"  # 'DAPA Minister Seok Jong-gun'
    if (
        label == "Person"
        and after is not None
        and after.text == ","
        and span.end + 2 < len(doc)
        and doc[span.end + 1].lower_ in {"controlled", "owned", "majority-owned", "backed"}
        and doc[span.end + 2].lower_ == "by"
    ):
        return "Company"  # 'Terra Magna, controlled by Aurora Critical Metals': people are not owned
    titled_at = span.end + 1 if after is not None and after.text in {"'s", "’s"} else span.end
    if (
        label in {"Person", "Company"}
        and " " not in span.text  # one word, hyphens and all: 'Saxony-Anhalt'
        and titled_at + 1 < len(doc)
        and doc[titled_at].lower_ in {"governor", "gov.", "mayor", "premier"}
        and doc[titled_at + 1].text[:1].isupper()
    ):
        return "Place"  # 'Kumamoto Governor Takashi Kimura', "Rhineland-Palatinate's premier X": the place governed
    if (
        label in {"Place", "Person"}
        and span.start >= 2
        and doc[span.start - 1].lower_ == "of"
        and doc[span.start - 2].lower_ in ORG_HEAD_TITLES
    ):
        return "Company"  # 'Kim Sung-hoon, CEO of Upstage'
    if (
        label == "Person"
        and after is not None
        and after.lower_ in ORG_HEAD_TITLES
        and after2 is not None
        and after2.text[:1].isupper()
        and not after2.is_sent_start
    ):
        return "Company"  # 'Elektrarna Dukovany II CEO Petr Zavodsky'
    if (
        label == "Person"
        and len(span) == 1
        and span.text not in full_person_parts
        and not _looks_personal(span)
        and root.dep_ in {"compound", "nmod"}
        and head.lemma_.lower() in SITE_NOUNS
    ):
        return "Place"  # 'the Dukovany site', 'the Patnow nuclear project', 'the Hoedong reservoir'
    if (
        label in {"Person", "Place"}
        and len(span) <= 2
        and span.text not in full_person_parts
        and not _looks_personal(span)
        and not _known_place(span)
        and _agent_of_a_group(root)
    ):
        return "Company"  # 'a consortium led by Galp and Fusion Fuel': companies lead consortia
    if label == "Person" and len(span) == 1 and span.text not in full_person_parts:
        prev = doc[span.start - 1] if span.start else None
        nxt_place = span.end + 1 < len(doc) and doc[span.end + 1].ent_type_ in {"GPE", "LOC"}
        if (
            prev is not None
            and prev.lower_ in PLACE_PREPS
            and not subject_of_business
            or after is not None
            and after.text in {",", "'s", "’s"}
            and (nxt_place or after2 is not None and after2.text.endswith(lx.PLACE_SUFFIXES))
        ):
            return "Place"  # 'in Ulsan', "Yongin's Cheoin District", 'Yongin, Gyeonggi Province'
    if label == "Person" and not _looks_personal(span) and span[0].lower_ not in lx.PROJECT_NAME_OPENERS and any(
        c.dep_ == "relcl" and any(w.lower_ == "which" and w.dep_ in {"nsubj", "nsubjpass"} for w in c.children)
        for c in root.children
    ):
        return "Company"  # 'Doosan Enerbility, which has developed ...': a person is 'who'
    if label == "Person":
        if (
            len(span) == 1
            and span.text not in full_person_parts
            and (subject_of_business or corporate_possessor or corporate_modifier)
        ):
            return "Company"
        if len(span) >= 2 and (
            span[0].text.isupper() and len(span[0].text) >= 2 and "." not in span[0].text
            or span[-1].lower_ in lx.COMPANY_HEADS
        ):
            return "Company"
        return None
    if label == "Place":
        name = span.text
        if (
            name in lx.COUNTRIES
            or name.lower() in lx.COUNTRY_ALIASES
            or name.lower() in lx.CAPITALS
            or any(name.endswith(sfx) for sfx in lx.PLACE_SUFFIXES)
        ):
            return None
        if subject_of_business or corporate_possessor:
            return "Company"
        acronym = len(span) == 1 and name.isupper() and name.isalpha() and len(name) >= 3
        if acronym and name not in lx.COUNTRY_ACRONYMS:
            return "Company"  # 'TSMC', 'KHNP': an acronym the model calls a place names an organisation
        return None
    if (
        label == "Company"
        and len(span) == 1
        and span.text.isupper()
        and len(span.text) > 3
        and (span.start == 0 or "\n" in doc[span.start - 1].text or "\n" in doc[span.start - 1].whitespace_)
        and after is not None
        and after.text in {",", "(", "-", "—", "–"}
    ):
        return "Place"  # a dateline: 'JAKARTA, Oct 3 (Reuters) -'
    if (
        label == "Company"
        and len(span) <= 2
        and cue_type(span.text) is None
        and span.start
        and doc[span.start - 1].lower_ in {"in", "at"}
        and doc[span.start - 1].is_sent_start
        and after is not None
        and after.text == ","
    ):
        return "Place"  # 'At Daesan, in South Chungcheong Province, ...'
    if label == "Company" and len(span) <= 2:
        prev = doc[span.start - 1] if span.start else None
        if (
            prev is not None
            and prev.lower_ in PLACE_PREPS
            and prev.head.pos_ in {"NOUN", "PROPN"}
            and prev.head.lemma_.lower() not in {"stake", "share", "interest", "investment"}
            and not corporate_possessor
            and not (after is not None and after.lower_ in CORPORATE_NOUNS)
        ):
            return "Place"
    return None


def _persons_named_as_organisations(spans: list[Span]) -> list[Span]:
    """'Hanbit Memory and Daeil Flash will build a fab ... Hanbit Memory will shoulder ¥1 trillion': a name
    the context rules typed as an organisation in one sentence is no person in another."""
    orgs = {s.text.lower(): s.label_ for s in spans if s.label_ in ORG_LABELS}
    return [
        Span(s.doc, s.start, s.end, label=orgs[s.text.lower()])
        if s.label_ == "Person" and s.text.lower() in orgs
        else s
        for s in spans
    ]


def _vote_types(spans: list[Span]) -> list[Span]:
    """One name, one type in a document: the statistical model may call 'Northvolt' a place in one
    sentence and a company in the next. A cue in the name decides; else an organisation reading wins
    when at least as many mentions support it; else the majority."""
    from collections import Counter

    votes: dict[str, Counter[str]] = {}
    person_parts = {t.lower_ for s in spans if s.label_ == "Person" and len(s) > 1 for t in s}
    lowered = [span_text(s).lower() for s in spans]
    for span, low in zip(spans, lowered, strict=True):
        if span.label_ in CORE_LABELS:
            votes.setdefault(low, Counter())[span.label_] += 1
    decided: dict[str, str] = {}
    for name, counter in votes.items():
        if len(counter) < 2:
            continue
        cue = cue_type(name)
        if cue:
            decided[name] = cue
            continue
        if set(counter) == {"Person", "Place"} and " " not in name and name not in person_parts:
            decided[name] = "Place"  # 'Yongin', 'Ulsan': a one-word name that is sometimes a place is one
            continue
        org = sum(n for lab, n in counter.items() if lab not in {"Person", "Place", "Project"})
        other = max((n for lab, n in counter.items() if lab in {"Person", "Place"}), default=0)
        if org and org == other and counter["Place"] == other and is_place_name(name):
            decided[name] = "Place"  # a tie with a known place ('Sherman wins chip plant', 'a plant in Sherman')
        elif org and org >= other:
            decided[name] = max(
                (lab for lab in counter if lab not in {"Person", "Place", "Project"}), key=lambda lab: counter[lab]
            )
        else:
            decided[name] = counter.most_common(1)[0][0]
    return [
        Span(s.doc, s.start, s.end, label=decided[low]) if low in decided else s
        for s, low in zip(spans, lowered, strict=True)
    ]
