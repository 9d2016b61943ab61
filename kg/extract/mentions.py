"""Document-level entities from entity spans: canonical names, aliases, acronyms, short forms,
"the government", "the ministry" and pronouns resolved to the entity they stand for.

The result is an `EntityTable`: entities keyed by a document-local key, and a map from token index
to entity key that the relation rules read ("it" and "the alliance" map to the alliance).
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.extract import lexicon as lx
from kg.extract.gazetteer import (
    is_country_name,
    is_place_name,
    is_region_name,
    lies_in,
    region_by_code,
    region_codes,
)
from kg.extract.money import AmountMatch, find_amounts
from kg.extract.names import (
    acronym_matches,
    clean_name,
    is_acronym,
    split_inner_acronym,
    strip_nationality,
    title_case,
)
from kg.model import ORG_TYPES

TYPE_RANK = {"GovernmentAgency": 5, "Alliance": 5, "Association": 5, "Organization": 3, "Company": 2}
DEFINITE_HEADS = {
    "plant": {"Project"},
    "factory": {"Project"},
    "facility": {"Project"},
    "gigafactory": {"Project"},
    "site": {"Project"},
    "fab": {"Project"},
    "complex": {"Project"},
    "ministry": {"GovernmentAgency"},
    "agency": {"GovernmentAgency"},
    "commission": {"GovernmentAgency"},
    "bank": {"GovernmentAgency", "Company"},
    "alliance": {"Alliance"},
    "coalition": {"Alliance"},
    "force": {"Alliance"},
    "taskforce": {"Alliance"},
    "consortium": {"Alliance"},
    "chamber": {"Association"},
    "federation": {"Association"},
    "association": {"Association"},
    "company": {"Company"},
    "utility": {"Company", "GovernmentAgency"},
    "lender": {"GovernmentAgency", "Company"},
    "insurer": {"GovernmentAgency", "Company"},
    "automaker": {"Company"},
    "chipmaker": {"Company"},
    "shipbuilder": {"Company"},
    "steelmaker": {"Company"},
    "group": {"Company"},
    "firm": {"Company"},
    "committee": {"Organization", "Alliance", "GovernmentAgency", "Association"},
    "council": {"Organization", "Alliance", "GovernmentAgency", "Association"},
    "fund": {"Project"},
    "programme": {"Project"},
    "program": {"Project"},
    "package": {"Project"},
    "initiative": {"Project"},
    "project": {"Project"},
    "plan": {"Project"},
    "hubs": {"Project"},
    "hub": {"Project"},
    "cluster": {"Project"},
    "center": {"Project"},
    "centre": {"Project"},
}
# one word in its British and American spelling: 'the centre' takes up the 'National Innovation Center'
SPELLINGS = {"centre": "center", "programme": "program", "organisation": "organization"}

# words that say nothing of which project is meant: 'the government project', 'the new plan'
PLAIN_MODIFIERS = {"government", "state", "national", "new", "public", "flagship", "whole", "entire", "overall"}
# 'Under the strategy, ...': the strategy named before
PLAN_HEADS = {"strategy", "scheme", "roadmap", "measures"}
DEFINITE_HEADS |= {head: {"Project"} for head in PLAN_HEADS}


@dataclass(eq=False)
class DocEntity:
    key: str
    type: str
    name: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token spans
    confidence: float = 0.6
    # Target attributes
    year: int | None = None
    value: float | None = None
    unit: str | None = None
    baseline: float | None = None
    currency: str | None = None
    qualifier: str | None = None

    def all_names(self) -> list[str]:
        """The name, then the aliases in a fixed order: readers that stop at the first name that fits
        must not depend on Python's string hash seed."""
        return [self.name, *sorted(self.aliases - {self.name})]


@dataclass
class EntityTable:
    entities: dict[str, DocEntity] = field(default_factory=dict)
    token_entity: dict[int, str] = field(default_factory=dict)
    country: str | None = None  # the document's own country (for "the government")

    def at(self, i: int) -> DocEntity | None:
        key = self.token_entity.get(i)
        return self.entities.get(key) if key else None

    def add(self, ent: DocEntity) -> DocEntity:
        existing = self.entities.get(ent.key)
        if existing:
            if existing.name.upper() in existing.aliases and ent.name.upper() not in ent.aliases | {ent.name}:
                # 'MINISTRY OF SCIENCE AND ICT' in a caption, then 'Ministry of Science and ICT': the name as
                # written in mixed case, not as title-cased from capitals ('... and Ict')
                existing.name = ent.name
            existing.aliases |= ent.aliases | ({ent.name} - {existing.name})
            existing.aliases.discard(existing.name)
            return existing
        self.entities[ent.key] = ent
        return ent

    def add_named(self, typ: str, name: str, start: int, end: int, confidence: float = 0.6) -> DocEntity:
        """An entity of `typ` called `name`, mentioned by tokens start..end (added or, if known, reused)."""
        ent = self.add(DocEntity(entity_key(typ, name), typ, name, confidence=confidence))
        self.mark(start, end, ent.key)
        return ent

    def mark(self, start: int, end: int, key: str) -> None:
        for i in range(start, end):
            self.token_entity.setdefault(i, key)
        self.entities[key].mentions.append((start, end))


def doc_text(doc: Doc) -> str:
    """The document's text, once: spaCy rebuilds `Doc.text` from every token on each access. The
    Extractor stores the input string before parsing; other callers pay for one join."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.text
        doc.user_data["kg_text"] = text
    return text


def span_text(span: Span) -> str:
    """`span.text`, sliced from the document's text: spaCy joins the span's tokens on every access."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def doc_tokens(doc: Doc) -> list:
    """The document's tokens as one list, built once: spaCy makes a new Token object on every access."""
    cached = doc.user_data.get("kg_tokens")
    if cached is None:
        cached = list(doc)
        doc.user_data["kg_tokens"] = cached
    return cached


def sent_tokens(sent: Span) -> list:
    return doc_tokens(sent.doc)[sent.start : sent.end]


def _token_index(doc: Doc) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Lower-case word -> its token indexes, and lower-cased lemma -> its token indexes, built once per document."""
    index = doc.user_data.get("kg_token_index")
    if index is None:
        by_word: dict[str, list[int]] = {}
        by_lemma: dict[str, list[int]] = {}
        for i, t in enumerate(doc_tokens(doc)):
            word, lemma = t.lower_, t.lemma_.lower()
            if word in by_word:  # (no new list for every token, as setdefault would make)
                by_word[word].append(i)
            else:
                by_word[word] = [i]
            if lemma in by_lemma:
                by_lemma[lemma].append(i)
            else:
                by_lemma[lemma] = [i]
        index = doc.user_data["kg_token_index"] = (by_word, by_lemma)
    return index


def tokens_of(
    doc: Doc, words: Iterable[str] = (), lemmas: Iterable[str] = (), start: int = 0, end: int | None = None
) -> list[Token]:
    """The tokens from `start` to `end` that are one of `words` (lower-case) or have one of `lemmas` (lower-cased),
    in document order. A rule that starts from a few words reads them here instead of testing every token."""
    by_word, by_lemma = _token_index(doc)
    stop = len(doc) if end is None else end
    found = {i for w in words for i in by_word.get(w, ()) if start <= i < stop}
    found.update(i for w in lemmas for i in by_lemma.get(w, ()) if start <= i < stop)
    toks = doc_tokens(doc)
    return [toks[i] for i in sorted(found)]


def sent_verbs(sent: Span) -> list[Token]:
    """The sentence's tokens tagged VERB, in order. Many fact rules start from a verb and would otherwise
    scan every token of every sentence for one: the document's verbs are listed once."""
    doc = sent.doc
    verbs = doc.user_data.get("kg_verbs")
    if verbs is None:
        verbs = [t for t in doc_tokens(doc) if t.pos_ == "VERB"]
        doc.user_data["kg_verbs"] = verbs
        doc.user_data["kg_verb_at"] = [t.i for t in verbs]
    at = doc.user_data["kg_verb_at"]
    return verbs[bisect_left(at, sent.start) : bisect_left(at, sent.end)]


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences, computed once (spaCy rebuilds them on every `doc.sents`)."""
    cached = doc.user_data.get("kg_sents")
    if cached is None:
        cached = list(doc.sents)
        owner = [0] * len(doc)
        for n, sent in enumerate(cached):
            for i in range(sent.start, sent.end):
                owner[i] = n
        doc.user_data["kg_sents"] = cached
        doc.user_data["kg_sent_of"] = owner
    return cached


def sentence_of(doc: Doc, i: int) -> Span:
    sents = sentences(doc)
    return sents[doc.user_data["kg_sent_of"][i]]


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    text = text.lower().replace("&", " and ").replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def entity_key(typ: str, name: str) -> str:
    group = "org" if typ in ORG_TYPES else typ.lower()
    return f"{group}:{norm(name)}"


KOREAN_PROVINCE = re.compile(r"^([A-Z][a-z]+?)(buk|nam)?-do$")


@lru_cache(maxsize=65536)  # a pure function of a string, called for every place mention
def canonical_place(name: str) -> str:
    """One name per place: 'U.S.' is the United States; a Korean province written in romanised Korean
    ('Gangwon-do', 'Gyeongsangnam-do') takes the English name the same stories use ('South Gyeongsang
    Province'), so two documents that write it differently meet in one node."""
    province = KOREAN_PROVINCE.match(name)
    if province:
        side = {"buk": "North ", "nam": "South "}.get(province.group(2) or "", "")
        return f"{side}{province.group(1)} Province"
    return lx.COUNTRY_ALIASES.get(name.lower(), name)


def build_entity_table(doc: Doc) -> EntityTable:
    table = EntityTable()
    all_ents = list(doc.ents)
    spans = [
        e
        for e in all_ents
        if e.label_
        in {"GovernmentAgency", "Company", "Alliance", "Association", "Organization", "Person", "Place", "Project"}
    ]
    table.country = _document_country(all_ents, spans)
    _local_dollars(doc, table.country)
    acronym_spans: list[Span] = []
    previous: Span | None = None
    for span in spans:
        raw = span.text
        if (
            previous is not None
            and span.start == previous.end + 1
            and doc[previous.end].text == "("
            and span.end < len(doc)
            and doc[span.end].text == ")"
            and previous.label_ in ORG_TYPES | {"Project"}
            and not (span.label_ == "Place" and is_place_name(raw))  # 'its Martorell (Barcelona) plant'
        ):
            # 'Aneka Tambang (Antam)': the name in brackets is the same thing's short name
            key = table.token_entity.get(previous.start)
            if key in table.entities:
                table.entities[key].aliases.add(clean_name(raw))
                table.mark(span.start, span.end, key)
                continue
        previous = span
        name, aliases = _name_and_aliases(raw, span.label_)
        if not name or norm(name) in lx.NOT_NAMES:
            continue
        label = span.label_
        known = _alias_owner(table, name) if label in {"Person", "Place"} else None
        if known is None and label in {"Person", "Place"} and is_acronym(name) and name not in lx.COUNTRY_ACRONYMS:
            known = _entity_for_acronym(table, name)  # 'METI has allocated ...' that the model calls a place
        if known is not None:
            # 'the Export-Import Bank of Korea (Kexim)', then 'Kexim' that the model calls a person
            table.mark(span.start, span.end, known.key)
            continue
        if label in ORG_TYPES and (name in lx.COUNTRIES or name in {"European Union"}):
            label = "Place"
        if label != "Person" and label != "Place" and is_acronym(name):
            acronym_spans.append(span)
            continue
        ent = table.add(DocEntity(entity_key(label, name), label, name, aliases))
        ent.type = _stronger(ent.type, label)
        table.mark(span.start, span.end, ent.key)
        _parenthesised_acronym(doc, span, ent, table)
    _merge_short_forms(table)
    for span in acronym_spans:
        name = clean_name(span.text)
        target = _entity_for_acronym(table, name)
        if target is None:
            table.add_named(span.label_, name, span.start, span.end)
        else:
            target.aliases.add(name)
            table.mark(span.start, span.end, target.key)
    _hereafter(doc, table)
    _acronym_mentions(doc, table)
    _known_as(doc, table)
    _leaders_governments(table)
    _government_mentions(doc, table)
    definite_descriptions(doc, table)
    _pronouns(doc, table)
    return table


def _name_and_aliases(raw: str, label: str) -> tuple[str, set[str]]:
    aliases: set[str] = set()
    text = clean_name(raw)
    trailing = re.search(r"\s*\(([A-Z][A-Za-z0-9.&\-]{1,12})\)?$", text)
    if trailing:
        aliases.add(trailing.group(1))
        text = text[: trailing.start()].strip()
    text, inner = split_inner_acronym(text)
    aliases |= set(inner)
    if label != "Place":
        stripped, country = strip_nationality(text)
        if country and stripped != text:
            aliases.add(text)
            text = stripped
    if text.isupper() and len(text) > 12:
        aliases.add(text)
        text = title_case(text)
    if label == "Place" or text in lx.COUNTRIES or text.lower() in lx.COUNTRY_ALIASES:
        canonical = canonical_place(text)
        if canonical != text:
            aliases.add(text)
            text = canonical
    aliases.discard(text)
    return text, aliases


def _alias_owner(table: EntityTable, name: str) -> DocEntity | None:
    """The organisation or project that already has `name` as a short name (an acronym in brackets)."""
    for ent in table.entities.values():
        if ent.type in ORG_TYPES | {"Project"} and name in ent.aliases and (is_acronym(name) or len(name.split()) == 1):
            return ent
    return None


def _stronger(a: str, b: str) -> str:
    return a if TYPE_RANK.get(a, 0) >= TYPE_RANK.get(b, 0) else b


def _parenthesised_acronym(doc: Doc, span: Span, ent: DocEntity, table: EntityTable) -> None:
    """'Korea Development Bank (KDB)': the acronym right after a name is its alias."""
    if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
        acro = doc[span.end + 1].text
        short_name = (  # '(Kexim)', '(aT)': a short name in mixed case, after an organisation's full name
            ent.type in ORG_TYPES and acro.isalpha() and 2 <= len(acro) <= 8 and any(c.isupper() for c in acro)
        )
        if is_acronym(acro) or short_name:
            ent.aliases.add(acro)
            table.mark(span.end + 1, span.end + 2, ent.key)


def _entity_for_acronym(table: EntityTable, acronym: str) -> DocEntity | None:
    for ent in table.entities.values():
        if acronym in ent.aliases:
            return ent
    for ent in table.entities.values():
        if ent.type in ORG_TYPES and acronym_matches(acronym, ent.name):
            return ent
    return None


def _merge_short_forms(table: EntityTable) -> None:
    """'Samsung' = 'Samsung Electronics', 'Yoon' = 'Yoon Suk Yeol' when the longer name is the only one
    that starts (or, for people, starts or ends) with the short one. 'MINISTRY OF X' = 'Ministry of X'."""
    ents = list(table.entities.values())
    for short in ents:
        if short.key not in table.entities:
            continue
        candidates = []
        for long in ents:
            if long is short or long.key not in table.entities:
                continue
            same_kind = (short.type in ORG_TYPES) == (long.type in ORG_TYPES) and (
                short.type == long.type or (short.type in ORG_TYPES and long.type in ORG_TYPES)
            ) or short.type == "Person" and " " not in short.name and long.type == "Company"  # 'Micron said'
            if not same_kind:
                continue
            if norm(long.name) == norm(short.name) or _inverted(short.name) == norm(long.name):
                candidates.append(long)  # 'Commerce Department' = 'Department of Commerce'
                continue
            if short.type == "Place" and long.name.split()[-1] in PLACE_SITE_HEADS:
                continue  # 'Daegu' is the city, not the 'Daegu Dyeing Industrial Complex' in it
            sw, lw = norm(short.name).split(), norm(long.name).split()
            if short.type == "Place" and set(lw[len(sw) :]) & SITE_MODIFIERS:
                continue  # 'Yanbu' is the town, not 'Yanbu Industrial City' (but 'Busan Metropolitan City' is Busan)
            head_alias = short.type in ORG_TYPES and len(sw) == 1 and lw[-1] == sw[0]  # 'the Commission'
            if len(sw) < len(lw) and (
                lw[: len(sw)] == sw or short.type == "Person" and lw[-len(sw) :] == sw or head_alias
            ):
                if short.type in ORG_TYPES and _is_subsidiary_suffix(long.name, len(sw)):
                    continue
                if short.type in ORG_TYPES and len(sw) >= 2 and not set(lw[len(sw) :]) <= LEGAL_WORDS | {"industries"}:
                    continue  # 'HD Hyundai' is a name of its own, not short for 'HD Hyundai Heavy Industries'
                candidates.append(long)
        groups = [c for c in candidates if c.name.endswith(" Group")]
        if len(candidates) > 1 and len(groups) == 1 and short.type in ORG_TYPES:
            candidates = groups  # 'Hyundai' beside Hyundai Motor Group and Hyundai Motor Company: the group
        legal = [c for c in candidates if _only_a_legal_form_more(short.name, c.name)]
        if len(candidates) > 1 and len(legal) == 1 and short.type in ORG_TYPES:
            candidates = legal  # 'Coretronic' beside Coretronic Corp and Coretronic Intelligent Robotics Corp
        if len(candidates) == 1:
            _absorb(table, candidates[0], short)


PLACE_SITE_HEADS = {*lx.SITE_NAME_HEADS, "Center", "Centre", "Airport", "Station"}
SITE_MODIFIERS = {"industrial", "economic", "science", "technology", "innovation", "free", "tech", "export",
                  "logistics"}  # (norm()ed words: 'Hi-Tech' is 'hi tech')
LEGAL_WORDS = {"co", "corp", "corporation", "company", "inc", "ltd", "limited", "llc", "plc", "holdings", "group"}
# a company's legal form after its name ('Volkswagen AG', 'Northvolt AB'): no subsidiary's acronym
LEGAL_FORMS = {s.rstrip(".") for s in lx.LEGAL_SUFFIXES} | {
    "bv", "gmbh", "ab", "asa", "oyj", "spa", "kk", "pte", "tbk", "bhd"
}


@lru_cache(maxsize=65536)  # a pure function of a string, called for every pair of entities
def _inverted(name: str) -> str:
    m = re.match(r"^(.+?) (Department|Ministry|Agency|Commission)$", name.strip())
    return norm(f"{m.group(2)} of {m.group(1)}") if m else ""


def _only_a_legal_form_more(short: str, long: str) -> bool:
    rest = norm(long).split()[len(norm(short).split()) :]
    return bool(rest) and set(rest) <= LEGAL_WORDS - {"group", "holdings"} | LEGAL_FORMS


def _is_subsidiary_suffix(name: str, n: int) -> bool:
    """'Samsung SDI' is not what a bare 'Samsung' means: the rest is an acronym or a single word of its own."""
    rest = name.split()[n:]
    return len(rest) == 1 and is_acronym(rest[0]) and rest[0].lower().rstrip(".") not in LEGAL_FORMS


def _absorb(table: EntityTable, into: DocEntity, other: DocEntity) -> None:
    into.aliases |= set(other.all_names()) - {into.name}
    into.type = _stronger(into.type, other.type)
    for i, key in list(table.token_entity.items()):
        if key == other.key:
            table.token_entity[i] = into.key
    into.mentions += other.mentions
    del table.entities[other.key]


def _document_country(all_ents: list[Span], spans: list[Span]) -> str | None:
    """The country whose government 'the government' means: the most mentioned one, where the
    headline (the first line) counts four times over (a Korean article says 'U.S.' often too)."""
    counts: dict[str, float] = {}
    first_line_end = 0
    if all_ents:
        for tok in all_ents[0].doc:  # stops at the end of the first line
            if "\n" in tok.text or "\n" in tok.whitespace_:
                first_line_end = tok.i
                break

    def weight(span: Span) -> float:
        return 4.0 if span.start <= first_line_end else 1.0

    norp: list[tuple[int, str | None]] = []
    for ent in all_ents:
        if ent.label_ == "NORP":
            people = ent.text.lower().removesuffix("'s")
            # 'West Australian', 'South Indian': a region's people are the country's
            country = lx.NATIONALITY_TO_COUNTRY.get(people) or lx.NATIONALITY_TO_COUNTRY.get(
                re.sub(r"^(?:north|south|east|west)(?:ern)?\s+", "", people)
            )
            norp.append((ent.start, country))
            if country:
                counts[country] = counts.get(country, 0) + 2 * weight(ent)
    places = [(e.start, canonical_place(clean_name(e.text))) for e in spans if e.label_ == "Place"]
    firsts = sorted(norp + places, key=lambda x: x[0])
    first = next((c for _, c in firsts if c and c in lx.COUNTRIES), None)
    if first:
        counts[first] = counts.get(first, 0) + 3  # the headline's own country: 'Korea details ... to rebuild U.S. ...'
    for span in spans:
        if span.label_ not in {"Place", "Person"}:
            # 'Korea Development Bank', 'Export-Import Bank of Korea': a country word inside an
            # organisation's name counts a little, a public body's more
            for word in {w.lower() for w in re.findall(r"[A-Za-z]+", clean_name(span.text))}:
                if word in lx.COUNTRY_ALIASES or word.title() in lx.COUNTRIES:
                    name = canonical_place(word.title())
                    counts[name] = counts.get(name, 0) + (1.0 if span.label_ == "GovernmentAgency" else 0.5)
        if span.label_ == "Place":
            name = canonical_place(clean_name(span.text))
            if name in lx.COUNTRIES:
                # 'U.S. tariffs', 'U.S. yards': a country as a modifier is a topic, not the home country
                modifier = span.root.dep_ in {"compound", "amod", "nmod"} and span.root.head.i >= span.end
                counts[name] = counts.get(name, 0) + weight(span) * (0.5 if modifier else 1.0)
            elif name.lower() in lx.CAPITALS and lx.CAPITALS[name.lower()] in lx.COUNTRIES:
                home = lx.CAPITALS[name.lower()]  # 'Seoul' stands for South Korea
                counts[home] = counts.get(home, 0) + 0.5 * weight(span)
    if all_ents:
        # the money a story counts in: won in a Korean paper, yen in a Japanese one (not dollars or
        # euros, which everyone quotes)
        for amount in doc_amounts(all_ents[0].doc):
            home = CURRENCY_HOMES.get(amount.currency)
            if home and not amount.inferred_currency:
                counts[home] = counts.get(home, 0) + 1.5
    if all_ents and _writes_local_dollars(doc_text(all_ents[0].doc)):
        # '$315 million ... (US$510 million)': a story that marks US dollars counts in its own dollars
        local = {c: n for c, n in counts.items() if c in DOLLAR_CURRENCIES}
        counts = local or counts
    return max(sorted(counts), key=lambda c: counts[c]) if counts else None


# countries whose own currency is written '$' at home
DOLLAR_CURRENCIES = {
    "Australia": "AUD",
    "Canada": "CAD",
    "New Zealand": "NZD",
    "Singapore": "SGD",
    "Hong Kong": "HKD",
}


def _writes_local_dollars(text: str) -> bool:
    """Both a marked dollar ('US$', 'A$', 'C$') and a bare '$' amount: the bare one is the home dollar."""
    marked = "US$" in text or re.search(r"(?<![A-Za-z])(?:A|C|NZ|S|HK)\$\s?\d", text) is not None
    return marked and re.search(r"(?<![A-Za-z])\$\s?\d", text) is not None


def _local_dollars(doc: Doc, country: str | None) -> None:
    """Rewrite bare '$' amounts to the home dollar where the story marks US dollars as 'US$' ('$315 million
    in federal loans' in an Australian paper is AUD)."""
    local = DOLLAR_CURRENCIES.get(country or "")
    text = doc_text(doc)
    if local is None or not _writes_local_dollars(text):
        return

    def home(a: AmountMatch | None) -> AmountMatch | None:
        if a is None or a.currency != "USD" or not a.text.startswith("$"):
            return a
        return dataclasses.replace(a, currency=local)

    doc.user_data["kg_amounts"] = [
        dataclasses.replace(home(a), conversion=home(a.conversion)) for a in doc_amounts(doc)
    ]


CURRENCY_HOMES = {
    "KRW": "South Korea",
    "JPY": "Japan",
    "CNY": "China",
    "INR": "India",
    "GBP": "United Kingdom",
    "TWD": "Taiwan",
    "AUD": "Australia",
    "CAD": "Canada",
    "BRL": "Brazil",
    "MXN": "Mexico",
    "VND": "Vietnam",
    "IDR": "Indonesia",
    "MYR": "Malaysia",
    "SAR": "Saudi Arabia",
    "CZK": "Czech Republic",
    "PLN": "Poland",
    "THB": "Thailand",
}


def doc_amounts(doc: Doc) -> list:
    """Every money amount in the document, found once."""
    cached = doc.user_data.get("kg_amounts")
    if cached is None:
        cached = find_amounts(doc_text(doc))
        doc.user_data["kg_amounts"] = cached
    return cached


# country names written with "the": 'the Government of the United Kingdom'
THE_COUNTRIES = {
    "United States",
    "United Kingdom",
    "Netherlands",
    "Philippines",
    "Czech Republic",
    "United Arab Emirates",
    "Dominican Republic",
    "Bahamas",
    "Gambia",
    "Maldives",
}
NOT_COUNTRIES = {"state", "states", "nation", "country", "region", "province", "city"}


def government_of(table: EntityTable, country: str) -> DocEntity:
    """'Government of X' for a country (or a capital, a region standing for its government)."""
    if country.isupper() and len(country) > 3:
        country = title_case(country)  # a dateline: 'MEXICO CITY'
    country = lx.CAPITALS.get(country.lower(), canonical_place(country))
    if country.lower() in NOT_COUNTRIES and table.country:
        country = table.country  # 'the State budget'
    the = "the " if country in THE_COUNTRIES else ""
    name = f"Government of {the}{country}"
    key = entity_key("GovernmentAgency", name)
    if key not in table.entities:  # a region's government named by its level first: 'X Provincial Government'
        local = next((e for e in table.entities.values() if e.type == "GovernmentAgency" and name in e.aliases), None)
        local = local or next(
            (
                e
                for e in table.entities.values()
                if e.type == "GovernmentAgency" and e.name.startswith(f"{country} ") and is_local_government(e)
            ),
            None,
        )  # 'South Jeolla Governor X' beside the 'South Jeolla Provincial Government'
        if local is not None:
            return local
    ent = table.add(DocEntity(key, "GovernmentAgency", name))
    if the:
        ent.aliases.add(f"Government of {country}")
    return ent


def is_local_government(ent: DocEntity) -> bool:
    """'North Chungcheong Provincial Government', 'Busan City Government', 'Government of Western Australia'
    (a region's, not a country's)."""
    words = ent.name.split()
    if len(words) >= 3 and words[-1] == "Government" and words[-2].lower() in lx.LOCAL_LEVELS:
        return True
    place = ent.name[len("Government of ") :] if ent.name.startswith("Government of ") else ""
    return bool(place) and not is_country_name(place) and place not in lx.COUNTRIES


def _acronym_mentions(doc: Doc, table: EntityTable) -> None:
    """'the Make American Shipbuilding Great Again (MASGA) project ... MASGA covers four areas': every
    later use of a bracketed acronym is a mention of what it abbreviates."""
    acronyms = {
        a: ent.key
        for ent in table.entities.values()
        if ent.type not in {"Person", "Place"}
        for a in ent.aliases
        if " " not in a and (is_acronym(a) or a[:1].isupper() and len(a) <= 8 and a.isalpha())  # 'Kexim'
    }
    if not acronyms:
        return
    for ent in list(table.entities.values()):
        owner_key = acronyms.get(ent.name)
        if owner_key is not None and owner_key != ent.key and owner_key in table.entities and not ent.aliases:
            _absorb(table, table.entities[owner_key], ent)  # 'Kexim' typed on its own before the bracket was read
    for tok in tokens_of(doc, {a.lower() for a in acronyms}):
        key = acronyms.get(tok.text)
        if key is not None and tok.i not in table.token_entity and key in table.entities:
            table.mark(tok.i, tok.i + 1, key)


def _leaders_governments(table: EntityTable) -> None:
    """'the Albanese Government', 'the Yoon administration': a leader's name before 'Government' means
    the country's government (a place before it is that place's own government)."""
    if not table.country:
        return
    for ent in list(table.entities.values()):
        m = re.match(r"^([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}) (?:Government|Administration|government)$", ent.name)
        if ent.type != "GovernmentAgency" or m is None:
            continue
        who = m.group(1)
        leader = any(e.type == "Person" and who in e.name.split() for e in table.entities.values())
        if not leader and (" " in who or who.lower() in lx.PORTFOLIO_WORDS | lx.PUBLIC_BANK_WORDS):
            continue  # only a leader's name: 'Defense Acquisition Program Administration' is an agency
        if who in lx.COUNTRIES or who.lower() in lx.COUNTRY_ALIASES or who.lower() in lx.NATIONALITY_TO_COUNTRY:
            continue
        if not leader and who.endswith("sh"):
            continue  # 'Welsh Government', 'Scottish Government': a people's own government, no leader's
        if any(e.type == "Place" and who in e.all_names() for e in table.entities.values()):
            continue
        if who.lower() in {"federal", "central", "national", "state", "provincial", "local", "city"}:
            continue
        gov = government_of(table, table.country)
        if gov is not ent:
            _absorb(table, gov, ent)


HEREAFTER = re.compile(
    r"\((?:[^()]{0,60}?,\s*)?(?:hereafter|hereinafter)(?: referred to as| called)?\s*[\"'“‘]?([A-Z][A-Za-z&.\-]{1,14})"
)


def _hereafter(doc: Doc, table: EntityTable) -> None:
    """'The Ministry of Science and ICT (Minister Yoo Hyun-joo, hereafter MSIT) announced ...': the short
    name a press release declares in brackets belongs to the organisation right before the bracket."""
    text = doc_text(doc)
    if "hereafter" not in text and "hereinafter" not in text:
        return
    for m in HEREAFTER.finditer(text):
        before = doc.char_span(0, m.start(), alignment_mode="contract")
        if before is None or not len(before):
            continue
        owner = table.at(before.end - 1)
        if owner is None or owner.type in {"Person", "Place", "Project", "Target"}:
            continue
        short = m.group(1)
        owner.aliases.add(short)
        for ent in list(table.entities.values()):
            if ent is not owner and ent.name == short:
                _absorb(table, owner, ent)


def _known_as(doc: Doc, table: EntityTable) -> None:
    """'The fund, known as Big Fund III' / 'X, also called Y': Y is another name of what X names."""
    for tok in tokens_of(doc, {"known", "called", "dubbed", "named"}):
        if tok.i + 2 >= len(doc):
            continue
        start = tok.i + 1 + (doc[tok.i + 1].lower_ == "as")
        alias_ent = table.at(start)
        head = tok.head if tok.dep_ in {"acl", "relcl"} else None
        if head is None:
            continue
        if alias_ent is None:
            _name_known_as(doc, table, head, start)
            continue
        target = table.at(head.i)
        if target is None:
            # 'the fund' -> the last entity of the alias's type whose name shares the head word
            for i in range(head.i - 1, -1, -1):
                ent = table.at(i)
                if (
                    ent is not None
                    and ent.type == alias_ent.type
                    and ent is not alias_ent
                    and head.lower_ in norm(ent.name).split()
                ):
                    target = ent
                    break
        if target is not None and target is not alias_ent and target.type == alias_ent.type:
            target.aliases.update(alias_ent.all_names())
            for i, key in list(table.token_entity.items()):
                if key == alias_ent.key:
                    table.token_entity[i] = target.key
            target.mentions += alias_ent.mentions
            table.entities.pop(alias_ent.key, None)


def _name_known_as(doc: Doc, table: EntityTable, head: Token, start: int) -> None:
    """'the Korea Water Resources Corporation, better known as K-water,': a short name the model did not
    take for a name is the organisation's alias, and every later use of it a mention of the organisation."""
    owner = table.at(head.i)
    if owner is None or owner.type not in ORG_TYPES or not doc[start].text[:1].isupper():
        return
    end = start
    while end < len(doc) and end - start < 5 and (not doc[end].is_punct or doc[end].text in {"-", "&"}):
        end += 1
    if end == start or end >= len(doc) or doc[end].text not in {",", ")", ".", ";"}:
        return  # a name ends at a comma, bracket or full stop: 'better known as K-water, to ...'
    words = [t.text for t in doc[start:end]]
    owner.aliases.add(doc[start:end].text)
    n = end - start
    for first in tokens_of(doc, {words[0].lower()}):
        j = first.i
        if [t.text for t in doc[j : j + n]] == words and all(k not in table.token_entity for k in range(j, j + n)):
            table.mark(j, j + n, owner.key)


GOVERNMENT_WORDS = {"government", "administration", "state", "gov't", "gov’t", "govt", "centre", "center"}


@lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern[str]:
    """`word` as a whole word, compiled once: a loop over every nationality would overflow re's own cache."""
    return re.compile(rf"\b{re.escape(word)}\b")


def _government_mentions(doc: Doc, table: EntityTable) -> None:
    """'the South Korean government', 'the government', 'the Lee Jae-myung administration'."""
    last_local: DocEntity | None = None
    for tok in tokens_of(doc, GOVERNMENT_WORDS | set(LEVEL_OF_NOUN)):
        if tok.i in table.token_entity:
            continue
        by_level = _government_by_level(doc, table, tok)
        if by_level is not None:
            table.mark(tok.left_edge.i, tok.i + 1, by_level.key)
            last_local = by_level
            continue
        if tok.lower_ in LEVEL_OF_NOUN:
            continue
        if tok.lower_ in {"state", "centre", "center"} and not (
            tok.dep_ in {"nsubj", "nsubjpass"} and [c.lower_ for c in tok.children] == ["the"]
        ):
            continue
        if tok.text == "State" and last_local is not None:
            table.mark(tok.i, tok.i + 1, last_local.key)  # '... the Tamil Nadu government. The State would build'
            continue
        if tok.lower_ in {"centre", "center"} and (tok.text[0].islower() or table.country != "India"):
            continue  # 'the Centre will provide ...': India's central government
        if tok.lower_ == "administration" and not any(
            table.at(t.i) is not None and table.at(t.i).type == "Person" for t in tok.lefts
        ):
            continue
        start = tok.i
        country = None
        for left in reversed(list(tok.lefts)):
            if left.dep_ in {"det", "amod", "compound", "poss", "nmod"}:
                start = min(start, left.left_edge.i)
        text = doc[start : tok.i + 1].text
        local = _local_government(doc, table, start, tok) or _devolved_government(doc, table, tok)
        if local is not None:
            table.mark(start, tok.i + 1, local.key)
            last_local = local
            continue
        region = _region_by_adjective(doc[start : tok.i]) or _region_by_code(doc[start : tok.i], table)
        if region is not None:  # 'the Western Australian government': the state's, not the country's
            gov = government_of(table, region)
            gov.aliases.add(clean_name(text))
            table.mark(start, tok.i + 1, gov.key)
            continue
        low = text.lower()
        for adj, c in lx.NATIONALITY_TO_COUNTRY.items():
            if _word_pattern(adj).search(low):
                country = c if len(adj) > (len(country or "") and 0) else country
        m = re.search(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)'s government", doc[max(0, start - 3) : tok.i + 1].text)
        if m:
            country = canonical_place(m.group(1))
        if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" and doc[tok.i + 2].ent_type_ == "Place":
            country = canonical_place(doc[tok.i + 2].text)
        country = country or table.country
        if not country:
            continue
        gov = government_of(table, country)
        alias = clean_name(text)
        if alias and alias.lower() not in GOVERNMENT_WORDS:
            gov.aliases.add(alias)
        table.mark(start, tok.i + 1, gov.key)


# the noun a place's name ends with for the adjective of its level of government
LEVEL_NOUNS = {"provincial": "Province", "prefectural": "Prefecture", "metropolitan": "Metropolitan City"}
LEVEL_OF_NOUN = {"province": "provincial", "prefecture": "prefectural"}  # 'the prefecture will spend'


def _devolved_government(doc: Doc, table: EntityTable, tok) -> DocEntity | None:
    """'the Welsh government', 'the Bavarian government': a people's adjective no country goes by names a
    government of its own, called as the text calls it ('Welsh Government')."""
    adj = doc[tok.i - 1] if tok.i > 0 else None
    if (
        adj is None
        or tok.lower_ != "government"
        or not adj.text[:1].isupper()
        or adj.lower_ in lx.NATIONALITY_TO_COUNTRY
        or adj.lower_ in lx.LEGISLATIVE_WORDS | lx.LOCAL_LEVELS
        or not adj.lower_.endswith(("sh", "an", "ese"))  # Welsh, Scottish, Bavarian, Catalan
    ):
        return None
    taken = table.at(adj.i)
    if taken is not None and not (taken.type == "Person" and taken.name == adj.text):
        return None
    if taken is not None:
        _forget(table, taken)  # 'the Welsh government's secretary': the model's person 'Welsh' is the people's word
    name = f"{adj.text} Government"
    return table.add(DocEntity(entity_key("GovernmentAgency", name), "GovernmentAgency", name))


def _forget(table: EntityTable, ent: DocEntity) -> None:
    """Drop an entity the text shows to be no name of its own, with every token that pointed to it."""
    table.entities.pop(ent.key, None)
    for i in [i for i, key in table.token_entity.items() if key == ent.key]:
        del table.token_entity[i]


def _region_by_adjective(words: Span) -> str | None:
    """'Western Australian', 'South Australian': a compass word and a people's adjective that together
    name a state of that country ('Western Australia')."""
    toks = [t for t in words if t.lower_ != "the"]
    if len(toks) != 2 or not toks[0].text[:1].isupper():
        return None
    country = lx.NATIONALITY_TO_COUNTRY.get(toks[1].lower_)
    region = f"{toks[0].text} {country}" if country else None
    return region if region is not None and is_region_name(region) else None


def _region_by_code(words: Span, table: EntityTable) -> str | None:
    """'the WA government' in an Australian story, or beside 'Western Australia': the state its ISO code
    names."""
    toks = [t for t in words if t.lower_ != "the"]
    if len(toks) != 1 or not 2 <= len(toks[0].text) <= 3 or not toks[0].text.isupper():
        return None
    code = toks[0].text
    named = next((e.name for e in table.entities.values() if e.type == "Place" and code in region_codes(e.name)), None)
    return named or (region_by_code(table.country, code) if table.country else None)


def _local_government(doc: Doc, table: EntityTable, start: int, tok) -> DocEntity | None:
    """'the South Chungcheong provincial government', 'the Cheonan city government': a place's own
    government, not the country's."""
    words = [t for t in doc[start : tok.i] if t.lower_ not in {"the", "'s", "’s"}]
    levels = [t.lower_ for t in words if t.lower_ in lx.LOCAL_LEVELS]
    if tok.lower_ != "government":
        return None
    place = next((table.at(t.i) for t in words if table.at(t.i) is not None and table.at(t.i).type == "Place"), None)
    named_elsewhere = False
    if place is None:  # 'the Cheonan city government', 'the Tamil Nadu government' where the model saw no place here:
        named = " ".join(t.text for t in words if t.text[:1].isupper())  # a place named elsewhere in the story
        place = next((e for e in table.entities.values() if e.type == "Place" and named and e.name == named), None)
        named_elsewhere = place is not None
        if place is None and levels and named and all(t.text[:1].isupper() or t.lower_ in levels for t in words):
            # 'the Miyagi prefectural government' where the model took Miyagi for a company: the level says
            # Miyagi is a place
            owner = next((table.at(t.i) for t in words if table.at(t.i) is not None), None)
            if owner is not None and owner.name == named and owner.type in ORG_TYPES:
                owner.type = "Place"
            if owner is None or owner.type != "Place":
                named_words = [t for t in words if t.text[:1].isupper()]
                owner = table.add_named("Place", named, named_words[0].i, named_words[-1].i + 1)
            place = owner
            named_elsewhere = True
        if (
            place is None
            and named
            and all(t.text[:1].isupper() and table.at(t.i) is None for t in words)
            and table.country
            and lies_in(named, table.country)
        ):
            # 'the Maharashtra government' where the model saw no name: a region of the story's country
            place = table.add_named("Place", named, words[0].i, words[-1].i + 1)
            named_elsewhere = True
    if place is None or place.name in lx.COUNTRIES or place.name.lower() in lx.CAPITALS:
        return None  # ('the Seoul government' is the country's)
    if not levels and not named_elsewhere and not all(table.at(t.i) is place for t in words):
        return None  # 'the Queensland government': a state's own; 'the new government' is no place's
    ent = _government_at_level(table, place, levels)
    if levels and all(t.text[:1].isupper() or t.lower_ in levels for t in words):
        ent.aliases.add(" ".join(t.text[:1].upper() + t.text[1:] for t in words) + " Government")  # as written
    return ent


def _government_at_level(table: EntityTable, place: DocEntity, levels: list[str]) -> DocEntity:
    """The government of `place` at the levels the text names: 'South Chungcheong Provincial Government'."""
    levels = [w for w in levels if not place.name.lower().endswith(w)]  # 'Sejong ... City' + 'city'
    base = place.name
    for level in levels:
        noun = LEVEL_NOUNS.get(level)
        if noun and base.endswith(f" {noun}"):
            base = base[: -len(noun) - 1]  # 'South Chungcheong Province' + 'provincial': 'South Chungcheong Provincial'
    name = " ".join([base, *(w.capitalize() for w in levels), "Government"])
    plain = table.entities.get(entity_key("GovernmentAgency", f"Government of {place.name}"))
    if plain is not None:  # named 'Government of X' before ('Governor X said'): the same government
        plain.aliases.add(name)
        return plain
    ent = table.add(DocEntity(entity_key("GovernmentAgency", name), "GovernmentAgency", name))
    ent.aliases.add(f"Government of {place.name}")
    return ent


def _government_by_level(doc: Doc, table: EntityTable, tok) -> DocEntity | None:
    """'The provincial government will give ...', 'the prefecture will spend ...': the government of the
    last province (prefecture, metropolitan city) the story named before."""
    words = [t.lower_ for t in tok.lefts if t.lower_ != "the"]
    if tok.lower_ in LEVEL_OF_NOUN:
        if words or tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in lx.FUND_VERBS | lx.ANNOUNCE_VERBS:
            return None  # 'the prefecture will spend', not 'the province is home to 40 plants'
        level = LEVEL_OF_NOUN[tok.lower_]
    elif len(words) == 1 and words[0] in LEVEL_NOUNS and tok.lower_ == "government":
        level = words[0]
    else:
        return None
    suffix = " " + LEVEL_NOUNS[level]
    for i in range(tok.i - 1, max(-1, tok.i - 400), -1):
        place = table.at(i)
        if place is not None and place.type == "Place" and place.name.endswith(suffix):
            return _government_at_level(table, place, [level])
    return None


def _heads_named_before(doc: Doc, table: EntityTable) -> None:
    """'the Chip Academy ... The academy will receive ...': a definite noun that is the last word of a name
    given before (a project or an organisation) takes up that name."""
    by_head: dict[str, list[tuple[int, str]]] = {}
    for ent in table.entities.values():
        last = ent.name.split()[-1]
        if ent.type in {"Person", "Place", "Target"} or " " not in ent.name or not last[:1].isupper():
            continue  # a proper name's head ('Chip Academy'), not a description's ('hydrogen reduction technology')
        head = last.lower()
        by_head.setdefault(head, []).extend((m[0], ent.key) for m in ent.mentions)
    if not by_head:
        return
    for tok in tokens_of(doc, by_head.keys() - DEFINITE_HEADS.keys()):
        if tok.tag_ != "NN" or tok.i in table.token_entity:
            continue
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in tok.children) or any(
            c.dep_ in {"amod", "compound"} for c in tok.children
        ):
            continue
        before = [m for m in by_head[tok.lower_] if m[0] < tok.i]
        if before and len({key for _, key in before}) == 1:  # one thing of that name: no guessing
            table.mark(tok.i, tok.i + 1, before[0][1])


def definite_descriptions(doc: Doc, table: EntityTable) -> None:
    """'the ministry' -> the last ministry named before it; 'the alliance' -> the last alliance."""
    _heads_named_before(doc, table)
    for tok in tokens_of(doc, DEFINITE_HEADS):
        if tok.i in table.token_entity or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        dets = [c.lower_ for c in tok.children if c.dep_ in {"det", "poss"}]
        headline_ministry = not dets and tok.lower_ == "ministry"  # 'Health ministry sets aside 62 billion yen'
        if not headline_ministry and (not dets or dets[0] not in {"the", "this", "its", "that"}):
            continue
        if tok.lower_ in PLAN_HEADS and tok.i > 0 and doc[tok.i - 1].text == ")":
            continue  # 'the Design Linked Incentive (DLI) scheme': a name of its own, not the scheme before
        modifiers = [
            c
            for c in tok.children
            if c.dep_ in {"amod", "compound"} and c.lower_ != "task" and c.lower_ not in PLAIN_MODIFIERS
            and c.lower_ not in lx.BASED_WORDS  # 'the Sacheon-based agency': where it sits, not which agency
        ]  # 'the government project' is the project named before; 'the SiC project' may be another one
        if tok.lower_ == "force" and not any(c.lower_ == "task" for c in tok.children):
            continue  # 'the force' alone is no task force
        if modifiers and tok.lower_ != "ministry" or headline_ministry and not modifiers:
            continue
        types = DEFINITE_HEADS[tok.lower_]
        if modifiers:
            # 'the industry ministry': the ministry whose name has that word
            topic = {m.lower_ for m in modifiers}
            named = [
                e
                for e in table.entities.values()
                if e.type == "GovernmentAgency" and topic & set(norm(e.name).split()) and "ministry" in e.name.lower()
            ]
            if len(named) == 1:
                table.mark(tok.i, tok.i + 1, named[0].key)
            continue
        best = None
        if tok.lower_ in lx.FACILITY_HEADS:
            # 'the plant', 'the facility': the facility project named last (but 'its plant in Changwon', some
            # company's own plant said to be elsewhere than that one, is another)
            sited = [p.text for c in tok.children if c.dep_ == "prep" and c.lower_ in {"in", "at", "near"}
                     for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"] if dets[0] == "its" else []
            for i in range(tok.i - 1, -1, -1):
                if i not in table.token_entity:
                    continue  # (most tokens name nothing: spare the lookup)
                ent = table.at(i)
                if ent is not None and ent.type == "Project" and set(norm(ent.name).split()) & lx.FACILITY_HEADS:
                    best = ent if all(p in " ".join(ent.all_names()) for p in sited) else None
                    break
            if best:
                table.mark(tok.i, tok.i + 1, best.key)
            continue
        if tok.lower_ in {"company", "firm"} and tok.dep_ in {"nsubj", "nsubjpass"}:
            # 'PowerCo chief executive Frank Blome said the company plans ...': the speaker's company; else
            # the previous sentence's subject (salience: a subject stays the topic)
            best = _speakers_company(table, tok) or _previous_sentence_subject(doc, table, tok, {"Company"})
        if tok.lower_ == "project" and tok.dep_ in {"nsubj", "nsubjpass"}:
            best = _previous_sentence_subject(doc, table, tok, {"Project"})  # 'X will be built. The project ...'
        for i in range(tok.i - 1, -1, -1):
            if best is not None:
                break
            if i not in table.token_entity:
                continue  # (most tokens name nothing: spare the lookup)
            ent = table.at(i)
            if (
                ent
                and ent.type in types
                and (
                    SPELLINGS.get(tok.lower_, tok.lower_) in {SPELLINGS.get(w, w) for w in norm(ent.name).split()}
                    or tok.lower_ in DESCRIBING_HEADS and _is_kind(ent, tok.lower_)
                    or ent.type == "Alliance"
                )
            ):
                best = ent
                break
        if best is None and tok.lower_ == "agency":
            best = next(
                (e for i in range(tok.i - 1, -1, -1) if i in table.token_entity
                 for e in [table.at(i)] if e is not None and e.type == "GovernmentAgency"
                 and set(norm(e.name).split()) & AGENCY_WORDS),
                None,
            )
        if best:
            table.mark(tok.i, tok.i + 1, best.key)


# what the name must say for the noun to fit: 'the lender' is a bank, 'the utility' makes power or gas
DESCRIBED_KINDS = {
    "lender": ("bank", "finance", "financial", "credit"),
    "insurer": ("insurance",),
    "utility": ("power", "electric", "energy", "gas", "water"),
    "automaker": ("motor", "motors", "auto", "automotive"),
    "chipmaker": ("semiconductor", "electronics", "chip"),
    "shipbuilder": ("heavy", "ocean", "shipbuilding", "marine"),
    "steelmaker": ("steel",),
}
# 'the agency' takes up an administration, authority or office when no agency is named ('KASA ... the agency')
AGENCY_WORDS = {"administration", "authority", "office", "service", "bureau"}
# nouns that stand for an organisation named before without sharing a word with its name
DESCRIBING_HEADS = {"company", "firm", *DESCRIBED_KINDS}


def _is_kind(ent: DocEntity, noun: str) -> bool:
    if noun not in DESCRIBED_KINDS:
        return True  # 'the company', 'the firm': any company
    words = set(norm(" ".join(ent.all_names())).split())
    return any(w in words for w in DESCRIBED_KINDS[noun])


def _pronouns(doc: Doc, table: EntityTable) -> None:
    """'it'/'its' as a subject or possessor -> the subject entity of the sentence before (or of its own)."""
    for sent in sentences(doc):
        for tok in tokens_of(doc, {"it", "its"}, start=sent.start, end=sent.end):
            if tok.dep_ not in {"nsubj", "nsubjpass", "poss"}:
                continue
            antecedent = _recipient_before(table, tok) if tok.lower_ == "its" else None
            antecedent = antecedent or _previous_subject(doc, table, tok)
            if antecedent is not None:
                table.token_entity[tok.i] = antecedent.key


def project_pronouns(doc: Doc, table: EntityTable) -> None:
    """'The project will be led by KRISS, and 580 billion won has been allocated to it': once 'the
    project' is known, an 'it' that money goes to, or an 'it' subject left unresolved, is the project
    that is the subject before it (in its own sentence, else the sentence before)."""
    for tok in tokens_of(doc, {"it"}):
        if tok.i in table.token_entity:
            continue
        paid = tok.dep_ == "pobj" and tok.head.lower_ in {"to", "for", "into"} and tok.head.head.pos_ == "VERB"
        paid = paid and tok.head.head.lemma_.lower() in lx.FUND_VERBS
        if not paid and tok.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        antecedent = _previous_subject(doc, table, tok)
        if antecedent is not None and antecedent.type == "Project":
            table.token_entity[tok.i] = antecedent.key


def _recipient_before(table: EntityTable, tok) -> DocEntity | None:
    """'KfW will lend €200 million to Nexwafe for its wafer plant': 'its' is the company the money goes to."""
    pobj = tok.head.head.head if tok.head.dep_ == "pobj" and tok.head.head.lower_ == "for" else None
    if pobj is None:
        return None
    for c in pobj.children:
        if c.dep_ in {"prep", "dative"} and c.lower_ == "to" and c.i < tok.i:
            ent = next((table.at(p.i) for p in c.children if p.dep_ == "pobj" and table.at(p.i) is not None), None)
            if ent is not None and ent.type == "Company":
                return ent
    return None


def _speakers_company(table: EntityTable, tok) -> DocEntity | None:
    """The company named in the subject of the verb that reports the clause 'the company' opens."""
    report = tok.head.head if tok.head.dep_ == "ccomp" else None
    if report is None or report.pos_ != "VERB":
        return None
    for subject in (c for c in report.children if c.dep_ == "nsubj"):
        for t in subject.subtree:
            ent = table.at(t.i)
            if ent is not None and ent.type == "Company":
                return ent
    return None


def _previous_subject(doc: Doc, table: EntityTable, tok) -> DocEntity | None:
    sent = sentence_of(doc, tok.i)
    # same sentence first: "Samsung Electronics unveiled its vision"
    for t in sent:
        if t.i >= tok.i:
            break
        if t.dep_ in {"nsubj", "nsubjpass"}:
            ent = table.at(t.i) or _entity_in_subtree(table, t) or formed_group(table, t)
            if ent and ent.type != "Person" and ent.type != "Place":
                return ent
    prev_start = sent.start - 1
    while prev_start >= 0:
        prev = sentence_of(doc, prev_start)
        for t in prev:
            if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT":
                ent = table.at(t.i) or _entity_in_subtree(table, t) or formed_group(table, t)
                if ent and ent.type not in {"Person", "Place"}:
                    return ent
                if ent is None and tok.lower_ == "it" and t.tag_ == "NN" and any(
                    c.dep_ == "det" and c.lower_ in {"a", "an"} for c in t.children
                ):
                    return None  # 'A robot brain will be developed by 2028. It will be carried out by ...': a
                    # new thing the sentence before introduced, not whoever was named before it
        prev_start = prev.start - 1
        if sent.start - prev_start > 120:
            break
    return None


def formed_group(table: EntityTable, subject) -> DocEntity | None:
    """'The four companies formed the K-HVDC Consortium; it is led by ...': when the subject names no one,
    the alliance or project its verb sets up is what the story goes on about."""
    for obj in (c for c in subject.head.children if c.dep_ == "dobj"):
        ent = table.at(obj.i)
        if ent is not None and ent.type in {"Alliance", "Association", "Project"}:
            return ent
    return None


def _previous_sentence_subject(doc: Doc, table: EntityTable, tok, types: set[str]) -> DocEntity | None:
    """'Ridgeline ... is backed by Crestline Partners. The company expects ...': the company of the
    sentence before that was its subject."""
    sent = sentence_of(doc, tok.i)
    if sent.start == 0 or any(table.at(t.i) is not None for t in sent if t.i < tok.i):
        return None
    prev = sentence_of(doc, sent.start - 1)
    for t in prev:
        if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT":
            ent = table.at(t.i) or _entity_in_subtree(table, t)
            if ent is not None and ent.type == "Person":
                # 'Nippon Steel President Tadashi Imai said ... The company aims ...': the speaker's company
                ent = next((e for e in (table.at(x.i) for x in t.subtree) if e is not None and e.type in types), ent)
            return ent if ent is not None and ent.type in types else None
    return None


def _entity_in_subtree(table: EntityTable, tok) -> DocEntity | None:
    for t in tok.subtree:
        ent = table.at(t.i)
        if ent:
            return ent
    return None
