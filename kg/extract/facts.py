"""Facts of a document: fundings, targets and the eight core relations, from clause structure.

Each rule reads one construction of English news prose (the subject of "invest", the agent of
"led by", the list after "including", "Chairman X of Y", "aims to ... by 2030") and records what it
found with the sentence it came from and a confidence that reflects how direct the construction is.
"""

from __future__ import annotations

import contextlib
import datetime
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract import lexicon as lx
from kg.extract.gazetteer import country_code, is_country_name, is_place_name, is_region_name, lies_in
from kg.extract.mentions import (
    DocEntity,
    EntityTable,
    doc_amounts,
    doc_text,
    doc_tokens,
    formed_group,
    government_of,
    is_local_government,
    norm,
    project_pronouns,
    sent_tokens,
    sent_verbs,
    sentence_of,
    sentences,
    span_text,
    tokens_of,
)
from kg.extract.mentions import definite_descriptions as resolve_definites
from kg.extract.money import AmountMatch, find_amounts
from kg.extract.names import LISTED_ITEM, alnum_name, clean_name, cue_type, is_acronym, is_law_name
from kg.extract.projects import (
    EVENT_VERBS,
    ProjectIndex,
    coordinated,
    direct_objects,
    lemma_key,
    project_name,
    same_project,
    split_pp_list,
)
from kg.model import ORG_TYPES

YEAR_RE = re.compile(r"^(19|20)\d\d$")
WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
}
LENDING_NOUNS = {"loan", "guarantee", "credit", "financing"}
LOAN_AFTER_AMOUNT = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:in\s+)?(?:[a-z-]+\s+){0,2}(?:loans?|credit)\b")
LOAN_VERBS = {"approve", "close", "finalise", "finalize", "sign", "conclude", "issue", "complete", "arrange"}
COST_VERBS = {"cost", "require", "need", "involve", "entail"}
RECEIVE_VERBS = {"receive", "get", "obtain", "win", "secure", "land", "gain"}
# what an organisation does when it sets up a thing: the thing is a project
EXPANDING_VERBS = {"expand", "upgrade", "modernize", "modernise", "enlarge"}  # of a facility only
BUILDING_VERBS = {"build", "construct", "open", "add", "set", "establish", "introduce", "launch", "develop", "create"}
# verbs whose subject means to do what their infinitive says: 'plans to open', 'intends to build'
PLANNING_VERBS = {"plan", "intend", "aim", "seek", "decide", "agree", "prepare"}
# verbs whose subject can be the money itself and whose object is what it pays for
PAYING_VERBS = {"fund", "finance", "support", "cover", "subsidize", "subsidise", "bankroll"}
RECIPIENT_VERBS = {"provide", "award", "grant", "lend", "give", "offer", "extend", "disburse", "pay"}
INSTRUMENTS = {
    "subsidy",
    "subsidies",
    "aid",
    "support",
    "bond",
    "bonds",
    "capital",
    "loan",
    "loans",
    "cash",
    "equity",
    "debt",
    "financing",
    "guarantee",
    "guarantees",
    "grant",
    "credit",
    "credits",
    "deposit",
    "deposits",
    "stake",
}
MONTHS = lx.MONTH_WORDS | {"end", "mid", "early", "late", "the"}  # what may stand before a deadline year
SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7}


@dataclass
class FoundRelation:
    subject: str
    predicate: str
    object: str
    sentence: Span
    confidence: float
    role: str | None = None


@dataclass
class FoundFunding:
    funders: list[str]
    project: str
    amount: AmountMatch
    year: int | None
    sentence: Span
    confidence: float


@dataclass
class FoundTarget:
    entity: DocEntity
    owner: str | None
    sentence: Span


@dataclass
class DocFacts:
    table: EntityTable
    relations: list[FoundRelation] = field(default_factory=list)
    fundings: list[FoundFunding] = field(default_factory=list)
    targets: list[FoundTarget] = field(default_factory=list)

    def relate(
        self, s: DocEntity | None, p: str, o: DocEntity | None, sent: Span, conf: float, role: str | None = None
    ) -> None:
        if s is None or o is None or s.key == o.key:
            return
        self.relations.append(FoundRelation(s.key, p, o.key, sent, conf, role))


# a target's value, unit, baseline, currency and qualifier
TargetMeasures = tuple[float | None, str | None, float | None, str | None, str | None]
YEAR_LEAD_WORDS = {
    "fiscal",
    "fy",
    "calendar",
    "early",
    "late",
    "mid",
    "-",
    "the",
    "end",
    "of",
    "half",
    "first",
    "second",
    "middle",
    "beginning",
    "start",
    "quarter",
    "third",
    "fourth",
}
TEAM_HEADS = (" Team", " Council", " Committee", " Task Force", " Taskforce")
MEMBER_LIST_WORDS = {"including", "include", "includes", "such", "comprising", "comprise", "comprises", "grouping"}
# what money a sentence splits is called: 'the money will be split across three areas'
MONEY_NOUNS = {"money", "fund", "budget", "funding", "investment"}
# the subjects whose parts a counted list names: a plan ('the strategy rests on three pillars') or its money
PARENT_NOUNS = MONEY_NOUNS | {"strategy", "plan", "programme", "program", "project", "package", "initiative", "scheme",
                              "roadmap", "mission", "policy"}
# the plural nouns that count a plan's parts before a colon: 'three pillars:', 'four key technologies:'
COUNTED_PART_NOUNS = {
    "areas", "pillars", "priorities", "components", "projects", "tracks", "programs", "programmes", "technologies",
    "fields", "missions", "initiatives", "strands", "themes", "parts", "elements", "tasks", "measures",
}
PART_NOUNS = {"areas", "parts", "pillars", "components", "elements", "priorities", "tasks", "measures", "steps"}
# an amount that continues a list of shares: 'Another 420 billion won', 'The remaining 300 billion won'
NEXT_SHARE = re.compile(r"\b(?:[Aa]nother|[Tt]he remaining|[Aa] further)\s*$")
SHARE_OF_TOTAL = re.compile(
    r"\s*(?:\([^)]*\)\s*)?of (?:the|its|this) (?:total|cost|costs|bill|sum|amount|price|budget)\b"
)
OF_THE_TOTAL_OPENER = re.compile(
    r"(?i)of (?:(?:the|this|that) (?:\w+ )?"
    r"(?P<noun>total|cost|costs|sum|amount|money|budget|package|aid|investment)|that|this|it)\s*,"
)
TOTAL_WORDS = {"total", "sum", "amount", "money", "cost", "costs"}
FINANCED_VERBS = {"fund", "finance", "back", "bankroll", "capitalise", "capitalize", "co-fund", "co-finance"}
PURSE_NOUNS = {"budget", "treasury", "coffer", "coffers", "fund", "funds", "money", "purse", "balance", "sheet"}
CONSISTING_VERBS = {"include", "comprise", "total", "consist"}  # 'The fund will consist of 200 billion won from ...'
DEAL_VERBS = {"sign", "place", "award"}  # 'the agency signed a $7.2 billion contract'
BUYING_VERBS = {"order", "buy", "purchase", "acquire"}
LEVEL_WORDS = {"state", "province", "city", "prefecture", "county", "region", "government"}
SHARE_VERBS = {"cover", "come", "foot"}  # verbs a share of a total is the subject of
GAP_QUALIFIERS = {"about", "roughly", "around", "some", "nearly", "almost", "approximately", "another", "over"}
WORK_NOUNS = {"construction", "expansion", "development", "building", "creation", "establishment", "cost"}
FINANCE_NOUNS = {"financing", "funding", "finance", "money", "capital"}
# what makes a fund an investor rather than a pot of money ('sovereign wealth fund', 'pension fund')
INVESTOR_FUND_WORDS = {"wealth", "sovereign", "pension"}
# nouns for a set of organisations that a clause lists ('a syndicate of banks made up of A and B')
GROUP_WORDS = {"group", "team", "partnership", "syndicate", "club"}
BUILD_VERBS = {"build", "construct", "develop", "establish", "operate", "design"}
PLACE_IN_NAME = re.compile(r"\b(?:in|at|near) (?:the )?([A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,3})")
RATE_AFTER_AMOUNT = re.compile(
    r"\s*(?:for|per|a|an)\s+(?:every|each|kilogram|kg|tonne|ton|unit|litre|liter|kilowatt|kwh|megawatt|mwh)\b"
)
CORPORATE_TITLES = {"ceo", "chairman", "chairwoman", "president", "founder", "chief", "executive"}


_LEMMAS: dict[int, str] = {}  # lemma hash -> lower-cased lemma


def lemma(tok: Token) -> str:
    """The token's lower-cased lemma. Called for every token by most rules, so it is looked up by the lemma's
    hash (an int read without the string store) and lower-cased once per distinct lemma."""
    key = tok.lemma
    low = _LEMMAS.get(key)
    if low is None:
        low = _LEMMAS[key] = tok.lemma_.lower()
    return low


def _named_by_participle(table: EntityTable, tok: Token) -> DocEntity | None:
    """'The group, called the Semiconductor Talent Alliance', 'a fund known as the K-Bio Fund': the entity a
    description is named as."""
    for acl in (c for c in tok.children if c.dep_ == "acl" and lemma(c) in {"call", "name", "know", "dub"}):
        for c in acl.children:
            named = c if c.dep_ in {"oprd", "attr", "dobj"} else next(
                (p for p in c.children if p.dep_ == "pobj"), None
            ) if c.dep_ == "prep" and c.lower_ == "as" else None
            ent = table.at(named.i) if named is not None else None
            if ent is not None:
                return ent
    return None


def _dateline(tok: Token) -> bool:
    """'TOKYO -- Japan's ministry will ...': the place a story is filed from, which the parser may take
    for a second subject."""
    doc = tok.doc
    if not (tok.is_upper and len(tok.text) > 1):
        return False
    j = tok.i + 1
    while j < min(len(doc), tok.i + 9) and doc[j].text not in DASHES and (
        doc[j].is_punct or doc[j].like_num or doc[j].ent_type_ == "DATE" or doc[j].lower_[:3] in MONTH_NUMBERS
    ):
        j += 1  # 'SEOUL, Oct. 22, 2025 --'
    return j < len(doc) and doc[j].text in DASHES


DASHES = {"--", "—", "–", "-"}


def verb_subjects(verb: Token) -> list[Token]:
    """Subjects of a verb, following xcomp/conj/advcl chains up ('plans to invest', 'and will lead')."""
    seen = 0
    tok = verb
    while seen < 4:
        subs = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
        if len(subs) > 1:
            subs = [s for s in subs if not _dateline(s)] or subs
        if subs:
            out = []
            for s in subs:
                if s.lower_ in {"which", "that", "who", "each", "both", "all"} and tok.dep_ == "relcl":
                    out.extend(coordinated(tok.head))  # 'X, which put in 35 billion yuan'
                    continue
                out.extend(listed(s))
            return out
        if tok.dep_ in {"xcomp", "conj", "advcl", "ccomp", "pcomp", "acl", "relcl"} and tok.head.i != tok.i:
            if tok.dep_ in {"acl", "relcl"}:
                head = tok.head
                for_subject = [
                    p
                    for c in head.children
                    if c.lower_ == "for" and head.i < c.i < tok.i
                    for p in c.children
                    if p.dep_ == "pobj"
                ]
                if tok.dep_ == "acl" and for_subject:
                    return for_subject  # 'a plan for the National Development Fund to invest NT$10 billion'
                if head.dep_ in {"attr", "appos"} and head.head.pos_ in {"AUX", "VERB", "NOUN", "PROPN"}:
                    # 'The Ministry of Finance is the largest shareholder, contributing 60 billion yuan'
                    subs = [c for c in head.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
                    if subs:
                        return subs
                    if head.dep_ == "appos":
                        return [head.head]
                return [head]
            tok = tok.head
            seen += 1
            continue
        break
    return []


def passive_agents(verb: Token) -> list[Token]:
    out = []
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(listed(p))
    return out


def listed(tok: Token) -> list[Token]:
    """The noun and those listed with it; 'A, B and C' parsed as A with the apposition 'B and C' is a list."""
    out = coordinated(tok)
    for a in tok.children:
        if a.dep_ == "appos" and a.pos_ in {"PROPN", "NOUN"} and any(c.dep_ == "conj" for c in a.children):
            out.extend(coordinated(a))
    return out


MONTH_NAMES = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# 'SEOUL, Aug. 27 (Yonhap) --': a dateline's month and day; the weekday the story names ('said Wednesday')
DATELINE_DAY = re.compile(rf"\b({MONTH_NAMES}) (\d{{1,2}})\b(?!,? (?:19|20)\d\d)")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
MONTH_NUMBERS = {m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                                 "nov", "dec"])}
DATE_RES = (
    re.compile(rf"\b{MONTH_NAMES} \d{{1,2}},? ((?:19|20)\d\d)\b"),  # 'Oct. 22, 2025'
    re.compile(r"\b((?:19|20)\d\d)[.\-/](?:0?[1-9]|1[0-2])[.\-/](?:0?[1-9]|[12]\d|3[01])\b"),  # '2025.04.09'
    re.compile(rf"\b\d{{1,2}} {MONTH_NAMES} ((?:19|20)\d\d)\b"),  # '22 October 2025'
)


def document_year(text: str) -> int | None:
    """The year the story was written, from a date in its first lines ('Oct. 22, 2025', '2025.04.09'), else
    from a dateline's day and the weekday the story names ('SEOUL, Aug. 27 (Yonhap) -- ... said Wednesday'):
    what 'next year' counts from. None when the story carries no date."""
    head = text[:800]
    for pattern in DATE_RES:
        m = pattern.search(head)
        if m:
            return int(m.group(1))
    return _year_of_weekday(text)


def _year_of_weekday(text: str) -> int | None:
    """Of the years in which the dateline's day falls on the weekday the story names, the latest before every
    deadline the story sets ('by 2030'); without deadlines, the one its other years sit around (a story cites a
    year or two back and looks up to a dozen years ahead)."""
    day = DATELINE_DAY.search(text[:600])
    weekday = WEEKDAY.search(text[:1500])
    if day is None or weekday is None:
        return None
    month = MONTH_NUMBERS[day.group(1)[:3].lower()]
    wanted = WEEKDAYS.index(weekday.group(1).lower())
    candidates = []
    for year in range(2010, 2041):
        with contextlib.suppress(ValueError):
            if datetime.date(year, month, int(day.group(2))).weekday() == wanted:
                candidates.append(year)
    # 'by 2030' lies at least a year ahead, 'by the end of 2026' may close the story's own year
    deadlines = [
        int(year) - (0 if end else 1)
        for end, year in re.findall(r"\b(?:by|until|through) (the end of )?(20[0-6]\d)\b", text)
    ]
    before = [c for c in candidates if deadlines and c <= min(deadlines)]
    if before:
        return before[-1]  # the latest year from which every 'by 2030' still lies ahead
    mentioned = [int(y) for y in re.findall(r"\b(20[0-6]\d)\b", text)]
    fit = {c: sum(c - 2 <= y <= c + 12 for y in mentioned) for c in candidates}
    best = max(fit.values(), default=0)
    return [c for c in candidates if fit[c] == best][-1] if best else None


def year_of(tok: Token) -> int | None:
    return int(tok.text) if YEAR_RE.match(tok.text) else None


class FactFinder:
    """Runs every rule over one parsed document."""

    def __init__(self, doc: Doc, table: EntityTable) -> None:
        self.doc = doc
        self.table = table
        self.projects = ProjectIndex(doc, table)
        self.purpose_clause: dict[int, Token] = {}  # purpose object token -> its clause verb
        # (the counting sentence's subject, or its verb when the money is counted, and its items)
        self.counted_parts: list[tuple[Token, list[DocEntity]]] = []
        self.body_start: int | None = None  # where the text after the headline and deck starts (_headline_end)
        self.text = doc_text(doc)
        self.doc_year = document_year(self.text)
        self.facts = DocFacts(table)
        self.groups: dict[str, list[DocEntity]] = {}
        # every place mention, also those inside a project's name ('a plant in Iwaki, Fukushima Prefecture'),
        # which the table marks as the project's
        self.place_at: dict[int, DocEntity] = {
            i: ent
            for ent in table.entities.values()
            if ent.type == "Place"
            for start, end in ent.mentions
            for i in range(start, end)
        }

    # ------------------------------------------------------------------ helpers
    def entity_of(self, tok: Token, allow_generic_group: bool = True) -> list[DocEntity]:
        """The entities a subject token stands for: a named entity, a person's organisation is NOT
        substituted here; a country means its government; a generic group means its listed members."""
        ent = self.table.at(tok.i)
        if ent is None and tok.lower_ in {"they", "their"}:
            return self._they(tok)
        if ent is None:
            ent = _named_by_participle(self.table, tok)  # 'The group, called the Semiconductor Talent Alliance, ...'
        if ent is None:  # 'its US subsidiary, Ridgefield America, will build ...' names the subsidiary, not the US
            ent = next((e for c in tok.children if c.dep_ == "appos" and (e := self.table.at(c.i)) is not None
                        and e.type in ORG_TYPES), None)

        if ent is None:
            listed = self._listed_members(tok) or self._counted_reference(tok)
            if listed:
                return listed
            for t in tok.subtree:
                if t.i in self.table.token_entity and (
                    t.dep_ not in {"pobj", "poss"}
                    or tok.lower_ in {"province", "state", "government", "region", "city", "prefecture"}
                ):
                    ent = self.table.at(t.i)
                    break
        if ent is not None:
            return [ent]
        if allow_generic_group and tok.pos_ in {"NOUN"} and tok.tag_ == "NNS":
            members = self._group_members(tok)
            if members:
                return members
        return []

    def _org_agents(self, verb: Token) -> list[DocEntity]:
        """The organisations a passive verb names as its agents ('managed by KDB and IBK')."""
        return [e for a in passive_agents(verb) for e in self._agent_named(a) if e.type in ORG_TYPES]

    def _agent_named(self, agent: Token) -> list[DocEntity]:
        """Who an agent names: itself, the name apposed to its descriptor ('owned by the Bristol-based
        investment group Avonmouth Capital'), else what its phrase names."""
        named = self._noun_named(agent)
        return [named] if named is not None else self.entity_of(agent, False)

    def _they(self, tok: Token) -> list[DocEntity]:
        """'DAPA and the ministry said they will provide ...': 'they' are the coordinated subject of the
        verb the clause hangs on."""
        verb = tok.head
        for _ in range(3):
            if verb.head.i == verb.i:
                break
            verb = verb.head
            subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i != tok.i]
            if subjects:
                out: list[DocEntity] = []
                for s in [subjects[0], *subjects[0].conjuncts]:
                    ent = self.table.at(s.i)
                    if ent is not None and ent.type in ORG_TYPES and ent not in out:
                        out.append(ent)
                return out if len(out) >= 2 else []
        return []

    def _listed_members(self, tok: Token) -> list[DocEntity]:
        """'its members, including A and B' / 'companies such as A and B' stand for A and B."""
        out: list[DocEntity] = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in {"including", "like", "such"}:
                for t in c.subtree:
                    ent = self.table.at(t.i)
                    if ent is not None and ent.type in ORG_TYPES and ent not in out:
                        out.append(ent)
        colon = tok.right_edge.i + 1
        if not out and tok.tag_ == "NNS" and colon < len(self.doc) and self.doc[colon].text == ":":
            # 'the three shipbuilders taking part: HD KSOE, Samsung Heavy Industries and Hanwha Ocean'
            out = self._names_listed_from(colon + 1, sentence_of(self.doc, tok.i).end)
        # the group's own clause, or its members' ('a syndicate of state banks made up of A, B and C')
        holders = [tok, *(p for c in tok.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj")]
        comprising = next((c for h in holders for c in h.children if c.dep_ == "acl" and _comprising(c)), None)
        if not out and comprising is not None and tok.lower_ in lx.ALLIANCE_HEADS | GROUP_WORDS:
            # 'led by a consortium comprising SK siltron, DB HiTek and Power Master Semiconductor'
            start = comprising.i + 1
            while start < len(self.doc) and self.doc[start].lower_ in {"up", "of"}:
                start += 1  # 'made up of', 'consisting of'
            out = self._names_listed_from(start, sentence_of(self.doc, tok.i).end)
        return out

    def _names_listed_from(self, start: int, end: int) -> list[DocEntity]:
        """The organisations listed from token `start` on ('A, B and C'), read from the text: the parser
        often breaks a long list apart."""
        out: list[DocEntity] = []
        for t in self.doc[start:end]:
            ent = self.table.at(t.i)
            if ent is not None and ent.type in ORG_TYPES and ent not in out:
                out.append(ent)
            elif ent is None and not (t.is_punct or t.lower_ in {"and", "or"} or t.text[:1].isupper()):
                break
        return out

    def _counted_reference(self, tok: Token) -> list[DocEntity]:
        """'The two ministries also announced ...', 'the four companies': the last two (four) organisations
        of that kind named before."""
        if tok.tag_ != "NNS" or tok.i in self.table.token_entity:
            return []
        count = next((c for c in tok.children if c.dep_ == "nummod"), None)
        if count is None and tok.i and self.doc[tok.i - 1].tag_ == "CD":
            count = self.doc[tok.i - 1]  # the parser may hang the number elsewhere: 'the three shipbuilders and'
        if count is None:
            return []
        n = WORD_NUMBERS.get(count.lower_) or (int(count.text) if count.text.isdigit() else 0)
        if not 2 <= n <= 12:
            return []
        kind = lemma(tok)
        word = {"ministry": "Ministry", "bank": "Bank", "lender": "Bank"}.get(kind)
        wanted = lx.DESCRIPTOR_TYPES.get(kind)
        if word is None and wanted is None:
            return []  # 'the three sites': no organisations
        named: list[DocEntity] = []
        for i in range(tok.i - 1, max(-1, tok.i - 250), -1):
            ent = self.table.at(i)
            if ent is None or ent.type not in ORG_TYPES or ent in named:
                continue
            if word is not None and word not in ent.name or word is None and wanted and ent.type != wanted:
                continue
            named.append(ent)
            if len(named) == n:
                return named[::-1]
        return []

    def _group_members(self, tok: Token) -> list[DocEntity]:
        mods = {c.lower_ for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}}
        for key, members in self.groups.items():
            if key in mods:
                return members
        return []

    def funder_for(self, tok: Token) -> list[DocEntity]:
        if tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and lemma(tok.head) in lx.FOUNDING_VERBS:
            # "Korea's battery materials makers launched the K-Battery Materials Alliance, pledging to invest
            # ...": the founders the text does not name pay as the group they set up
            group = formed_group(self.table, tok)
            if group is not None and group.type in {"Alliance", "Association"}:
                return [group]
        out = []
        for ent in self.entity_of(tok):
            if ent.type == "Place":
                # 'South Korea pumps $19B', 'Ontario will put in C$500 million', 'Ottawa will contribute'
                first = tok
                while first.dep_ == "conj" and first.head.i != first.i:
                    first = first.head
                if first.dep_ == "nsubjpass":
                    continue  # 'Naju and Jinju will be designated as ..., with 45 billion won earmarked': no payer
                country = lx.CAPITALS.get(ent.name.lower())
                if country == "European Union":
                    continue
                gov = government_of(self.table, country or ent.name)
                if country is None and " " in ent.name and ent.name not in lx.COUNTRIES:
                    gov.aliases.add(ent.name)  # 'Busan Metropolitan City will add 30 billion won': its government
                if tok.lower_ in LEVEL_WORDS - {"government", "region"} and country is None and any(
                    c.dep_ == "prep" and c.lower_ == "of" for c in tok.children
                ):
                    gov.aliases.add(f"{tok.lower_.capitalize()} of {ent.name}")  # 'the city of Changwon will spend'
                out.append(gov)
            elif ent.type == "Person":
                org = self.person_org(ent)
                if org is not None:
                    out.append(org)
                elif " " not in ent.name and _spends_money(tok):
                    ent.type = "Company"  # 'Of that, Kioxia will shoulder roughly ¥1.08 trillion': no person pays so
                    out.append(ent)
            elif ent.type in ORG_TYPES:
                out.append(ent)
            elif ent.type == "Project" and _standing_public_fund(
                ent, self.facts.fundings, lends=tok.dep_ == "nsubj" and lemma(tok.head) in {"lend", "loan"}
            ):
                # 'a plan for the National Development Fund to invest NT$10 billion', 'the Northern Australia
                # Infrastructure Facility (NAIF) will lend a further $150 million'
                ent.type = "GovernmentAgency"
                out.append(ent)
            elif ent.type == "Project" and tok.dep_ == "nsubj" and lemma(tok.head) in RECIPIENT_VERBS:
                # 'The scheme will provide demand incentives worth ₹3,679 crore': who funds the scheme pays
                payers = [k for f in self.facts.fundings if f.project == ent.key for k in f.funders]
                out += [self.table.entities[k] for k in dict.fromkeys(payers) if k in self.table.entities]
        if not out and lemma(tok) in PURSE_NOUNS:
            for poss in (c for c in tok.children if c.dep_ == "poss"):
                out += [e for e in self.entity_of(poss, False) if e.type in ORG_TYPES]  # "MOTIR's own budget"
        own = self._own_government() if not out and _public_purse(tok) else None
        if own is not None:
            out.append(own)  # 'funded by the state budget': the government the story names
        return out

    def person_org(self, person: DocEntity) -> DocEntity | None:
        for rel in self.facts.relations:
            if rel.predicate == "headOf" and rel.subject == person.key:
                return self.table.entities.get(rel.object)
        return None

    def _sentences_back(self, i: int, n_back: int) -> int:
        """The first token of the sentence `n_back` sentences before the one holding token i."""
        n = self.doc.user_data["kg_sent_of"][i]
        return sentences(self.doc)[max(0, n - n_back)].start

    def _own_government(self) -> DocEntity | None:
        """The government of the story's country, when the text names or implies it."""
        if not self.table.country:
            return None
        return self.table.entities.get(f"org:{norm('Government of ' + self.table.country)}")

    def default_funder(self, before: int | None = None) -> DocEntity | None:
        """Who pays when the sentence does not say: the government of the document, else a public body
        named in the sentence or the two before ('METI approved the subsidies. Panasonic was awarded ¥46
        billion'), else the last payer."""
        own = self._own_government()
        if own is not None:
            last = self.facts.fundings[-1] if self.facts.fundings else None
            payer = self.table.entities.get(last.funders[0]) if last is not None and last.funders else None
            if payer is not None and (payer is own or MINISTRY_NAME.search(payer.name)):
                return payer  # 'The government will invest W800 billion ... W120 billion will be spent next year'
            ministries = [
                e for e in self.table.entities.values() if e.type == "GovernmentAgency" and MINISTRY_NAME.search(e.name)
            ]
            if len(ministries) == 1 and len(ministries[0].mentions) >= 2:
                return ministries[0]  # the one ministry the story is about pays what it does not attribute
            return own
        if before is not None:
            for i in range(before - 1, self._sentences_back(before, 2) - 1, -1):
                ent = self.table.at(i)
                if ent is not None and ent.type == "GovernmentAgency":
                    return ent
        for f in reversed(self.facts.fundings):
            if f.funders and f.funders[0] in self.table.entities:
                return self.table.entities[f.funders[0]]
        for ent in self.table.entities.values():
            if ent.type == "GovernmentAgency" and ent.name.startswith("Government of"):
                return ent
        return None

    # ------------------------------------------------------------------ run
    def run(self) -> DocFacts:
        self.find_groups()
        self._funds_that_act()
        for sent in sentences(self.doc):
            self.head_of(sent)
        self.amounts = self._amounts()
        for sent in sentences(self.doc):
            self.purpose_projects(sent)
            self.listed_projects(sent)
            self.counted_list(sent)
        resolve_definites(self.doc, self.table)
        project_pronouns(self.doc, self.table)
        for sent in sentences(self.doc):
            self.fundings(sent)
            self.announces(sent)
            self.leads(sent)
            self.members(sent)
            self.located(sent)
            self.part_of(sent)
            self._possessed_bodies(sent)
            self.targets(sent)
        self._drop_headline_targets()
        self._counted_parts_of_their_subject()
        self._projects_called()
        self.merge_same_amount_projects()
        self.merge_same_name_projects()
        self._bare_instruments_to_the_project_before()
        self.allocations()
        self.companies_carry_out_what_they_pay_for()
        self.companies_named_in_their_facilities()
        self.places_in_project_names()
        self.places_of_listed_items()
        self.places_in_their_countries()
        self.brand_groups()
        self.bodies_chaired_by_ministers()
        self.bodies_paying_public_money()
        self._drop_names_inside_projects()
        self._drop_parts_across_kinds()
        return self.facts

    def _funds_that_act(self) -> None:
        """'an agreement with the Public Investment Fund', 'chief executive of the National Wealth Fund', 'a loan
        from the Saudi Industrial Development Fund', 'owned by PIF', 'The X Fund has approved loans': a named
        fund that signs, is headed, lends or owns is an investing body, not a pot of money."""
        for ent in [e for e in self.table.entities.values() if e.type == "Project" and e.name.endswith(" Fund")]:
            if any(self._fund_acts(self.doc[start:end].root) for start, end in ent.mentions if end <= len(self.doc)):
                words = set(norm(ent.name).split())
                public = words & (lx.PUBLIC_BANK_WORDS | {"national", "public", "state", "sovereign", "wealth"})
                ent.type = "GovernmentAgency" if public or is_country_name(ent.name.split()[0]) else "Company"

    @staticmethod
    def _fund_acts(head: Token) -> bool:
        """Whether a fund's mention (its head token) names a party: see _funds_that_act."""
        up = head.head
        if head.dep_ == "pobj" and up.lower_ == "with":
            deal = up.head
            return lemma(deal) in DEAL_NOUNS
        if head.dep_ == "pobj" and up.lower_ == "of" and lemma(up.head) in CORPORATE_HEADS_OF:
            return True  # 'chief executive of the National Wealth Fund', 'the board of the SIDF'
        if head.dep_ == "pobj" and up.lower_ == "from" and lemma(up.head) in {"loan", "financing", "credit"}:
            return True
        if head.dep_ == "pobj" and up.dep_ == "agent" and lemma(up.head) in {"own", "back", "control"}:
            return True
        return head.dep_ == "nsubj" and lemma(head.head) in {"lend", "sign", "say", "approve"}

    def _drop_parts_across_kinds(self) -> None:
        """A project is part of a project, an organisation of an organisation: a partOf found while one end
        was still taken for the other kind (a company first read as a project) is dropped."""
        kinds = {k: e.type == "Project" for k, e in self.table.entities.items()}
        self.facts.relations = [
            r
            for r in self.facts.relations
            if r.predicate != "partOf" or kinds.get(r.subject) == kinds.get(r.object)
        ]

    def _drop_names_inside_projects(self) -> None:
        """'the "Follow-up Measures for Humanoid Robot Industry Competitiveness"': the model's organisation
        'Humanoid Robot Industry Competitiveness' is part of the project's name, not a name of its own."""
        used = {k for r in self.facts.relations for k in (r.subject, r.object)}
        used |= {k for f in self.facts.fundings for k in (*f.funders, f.project)}
        spans = [m for e in self.table.entities.values() if e.type == "Project" for m in e.mentions]
        if not spans:
            return
        for key, ent in list(self.table.entities.items()):
            if ent.type in {"Project", "Target", "Place", "Person"} or key in used or not ent.mentions:
                continue
            if all(any(ps <= s and e <= pe and (ps, pe) != (s, e) for ps, pe in spans) for s, e in ent.mentions):
                self.table.entities.pop(key)

    def bodies_chaired_by_ministers(self) -> None:
        """'the Hydrogen Economy Committee, chaired by Prime Minister Han', 'National Development Council
        Minister Chen': a committee or council a minister heads is a public body, whatever its name's head."""
        doc = self.doc
        for rel in self.facts.relations:
            body = self.table.entities.get(rel.object)
            person = self.table.entities.get(rel.subject)
            if rel.predicate != "headOf" or body is None or person is None or body.type not in {
                "Organization",
                "Association",
            }:
                continue
            titled = any(
                doc[k].lower_ in MINISTERIAL_TITLES
                for start, _ in person.mentions
                for k in range(max(0, start - 2), start)
            )
            if titled or any(w in (rel.role or "").lower().split() for w in MINISTERIAL_TITLES):
                body.type = "GovernmentAgency"

    def bodies_paying_public_money(self) -> None:
        """'The subsidies will be administered by the New Energy and Industrial Technology Development Organization',
        'paid through X', 'the Green Innovation Fund, run by X': an organisation that hands out a government's
        subsidies or runs its fund is a public agency, whatever its name's head."""
        for verb in sent_verbs(self.doc[:]):
            if lemma(verb) not in {"administer", "manage", "run", "disburse", "pay", "distribute", "handle"}:
                continue
            subjects = [verb.head] if verb.dep_ == "acl" else verb_subjects(verb)
            if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i > 1 and self.doc[verb.i - 1].text == ",":
                subjects = [self.doc[verb.i - 2]]  # 'from the Clean Steel Fund, run by X', hung on the verb
            money = any(
                lemma(s) in PUBLIC_MONEY_NOUNS
                or (ent := self.table.at(s.i)) is not None and ent.type == "Project" and ent.name.endswith("Fund")
                for s in subjects
            )
            if not money:
                continue
            agents = list(passive_agents(verb))
            agents += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "through" for p in c.children]
            for agent in agents:
                ent = self.table.at(agent.i)
                if ent is not None and ent.type == "Organization":
                    ent.type = "GovernmentAgency"

    def brand_groups(self) -> None:
        """'SK Telecom' and 'SK E&S' beside 'SK Group': a company named with a group's brand is part of
        that group (how business groups name their affiliates)."""
        groups = {
            e.name[: -len(" Group")]: e
            for e in self.table.entities.values()
            if e.type == "Company" and e.name.endswith(" Group") and len(e.name.split()) >= 2
        }
        if not groups:
            return
        linked = {(r.subject, r.object) for r in self.facts.relations if r.predicate == "partOf"}
        for ent in list(self.table.entities.values()):
            if ent.type != "Company" or ent.name.endswith(" Group") or not ent.mentions:
                continue
            for brand, group in groups.items():
                if ent.name.startswith(brand + " ") and (ent.key, group.key) not in linked:
                    self.facts.relate(ent, "partOf", group, sentence_of(self.doc, ent.mentions[0][0]), 0.5)

    def companies_carry_out_what_they_pay_for(self) -> None:
        """'Hyosung will spend 120 billion won on a new production line': a company that pays for a
        project of its own carries it out. A fund, plan or programme it pays into is somebody else's."""
        leading = {(r.subject, r.object) for r in self.facts.relations if r.predicate == "leads"}
        announced = {
            (r.subject, r.object, r.sentence.start) for r in self.facts.relations if r.predicate == "announces"
        }
        for f in self.facts.fundings:
            project = self.table.entities.get(f.project)
            if project is None:
                continue
            if lemma_key(project.name) & (lx.PROGRAMME_HEADS - {"project"} | INSTRUMENTS) and not any(
                (key, project.key, f.sentence.start) in announced for key in f.funders
            ):
                continue  # (but 'Embraer announced a R$2 billion programme to develop ...' is Embraer's own)
            lent = LOAN_AFTER_AMOUNT.match(self.text[f.amount.full_end : f.amount.full_end + 40])
            for key in f.funders:
                payer = self.table.entities.get(key)
                if payer is None or lent or "bank" in payer.name.lower():
                    continue  # 'Rabobank will provide a €90 million loan to Solvera for its plant': a lender
                if payer.type == "Company" and (key, project.key) not in leading:
                    leading.add((key, project.key))
                    self.facts.relate(payer, "leads", project, f.sentence, 0.55)

    def companies_named_in_their_facilities(self) -> None:
        """'a Toyota plant in Fukuoka Prefecture', 'the Samsung Pyeongtaek campus': a facility called by a
        company's name is that company's; the company carries it out."""
        companies = [e for e in self.table.entities.values() if e.type == "Company"]
        called: dict[str, list[str]] = {}  # each company's names, with its brand: read once, not per project
        for company in companies:
            first = company.name.split()[0]  # 'Toyota' for 'Toyota Motor Corp.' when no other company is
            brand = [first] if (
                " " in company.name
                and not is_place_name(first)
                and not is_country_name(first)
                and first.replace(".", "") not in lx.COUNTRY_ACRONYMS  # not 'U.S.' of 'U.S. Navy MRO'
                and not any(c is not company and c.name.split()[0] == first for c in companies)
            ) else []
            called[company.key] = company.all_names() + brand
        body = self._headline_end()  # (a headline's 'Intel chip plant' may be the body's factory in other words)
        for project in [
            e
            for e in self.table.entities.values()
            if e.type == "Project" and any(self.doc[start].idx >= body for start, _ in e.mentions)
        ]:
            head = norm(project.name).split(" in ")[0].split()[-1:]
            if not head or head[0] not in lx.FACILITY_HEADS:
                continue
            for company in companies:
                names = [n for n in called[company.key] if project.name.startswith(n + " ")]
                if names and project.name[len(names[0]) + 1 :][:1].islower():
                    start = min(m[0] for m in project.mentions)
                    self.facts.relate(company, "leads", project, sentence_of(self.doc, start), 0.55)

    def places_in_project_names(self) -> None:
        """'fuel cell system plant in Ulsan', 'a research fab at Hoa Lac': a project whose own name puts
        it in a place of the document is located there."""
        places = {
            n: e for e in self.table.entities.values() if e.type == "Place" for n in e.all_names() if n[:1].isupper()
        }
        if not places:
            return
        located = {(r.subject, r.object) for r in self.facts.relations if r.predicate == "locatedIn"}
        for ent in list(self.table.entities.values()):
            if ent.type != "Project" or not ent.mentions:
                continue
            sent = sentence_of(self.doc, ent.mentions[0][0])
            for name in ent.all_names():
                place = _opening_place(name, places)  # 'Ulsan AI data center', 'the Bowling Green site'
                if place is not None and (ent.key, place.key) not in located:
                    located.add((ent.key, place.key))
                    self.facts.relate(ent, "locatedIn", place, sent, 0.55)
                for m in PLACE_IN_NAME.finditer(name):
                    place = places.get(m.group(1))
                    if place is None:
                        # 'in Krishnagiri, Tamil Nadu': the first of a comma pair
                        place = places.get(m.group(1).split(",")[0])
                    if place is not None and (ent.key, place.key) not in located:
                        located.add((ent.key, place.key))
                        self.facts.relate(ent, "locatedIn", place, sent, 0.6)
        for ent in list(self.table.entities.values()):
            # 'Daegu Dyeing Industrial Complex': a site named after the city it is in
            if ent.type != "Place" or not ent.mentions or not ent.name.endswith(lx.SITE_NAME_HEADS):
                continue
            first = ent.name.split()[0]
            place = places.get(first)
            if place is not None and place is not ent and (ent.key, place.key) not in located:
                located.add((ent.key, place.key))
                self.facts.relate(ent, "locatedIn", place, sentence_of(self.doc, ent.mentions[0][0]), 0.6)

    def places_in_their_countries(self) -> None:
        """'China is building a device in Hefei': a town or region named within a sentence of a country
        it lies in (by the gazetteer) is located there, as the text plainly implies."""
        places = [e for e in self.table.entities.values() if e.type == "Place" and e.mentions]
        countries = [e for e in places if country_code(e.name) is not None]
        if not countries:
            return

        def sentence_starts(ent: DocEntity) -> set[int]:
            return {sentence_of(self.doc, start).start for start, _ in ent.mentions}

        in_sentences = {country.key: sentence_starts(country) for country in countries}
        located = {(r.subject, r.object) for r in self.facts.relations if r.predicate == "locatedIn"}
        for place in places:
            if place in countries:
                continue
            near = sentence_starts(place)
            for country in countries:
                if (place.key, country.key) in located or not lies_in(place.name, country.name):
                    continue
                if near & in_sentences[country.key]:
                    located.add((place.key, country.key))
                    self.facts.relate(place, "locatedIn", country, sentence_of(self.doc, place.mentions[0][0]), 0.55)

    def allocations(self) -> None:
        """'The Fund will comprise KRW 150 trillion ... Over five years, KRW 15 trillion will be deployed for
        direct investment': a smaller amount for a common-noun project, stated right after a named
        fund's total, is a part of that fund."""
        sents = list(sentences(self.doc))
        index = {s.start: n for n, s in enumerate(sents)}
        for f in self.facts.fundings:
            project = self.table.entities.get(f.project)
            if project is None or project.name[:1].isupper():
                continue
            n = index.get(f.sentence.start, 0)
            for g in self.facts.fundings:
                parent = self.table.entities.get(g.project)
                if parent is None or parent is project:
                    continue
                if any(r.subject == project.key and r.predicate == "partOf" for r in self.facts.relations):
                    break
                if not (0 < n - index.get(g.sentence.start, -9) <= 2):
                    continue
                if (
                    g.amount.currency == f.amount.currency
                    and g.amount.value > f.amount.value
                    and (
                        lemma_key(parent.name) & {"package", "plan"}
                        or lemma_key(parent.name) & {"fund", "program", "initiative"}
                        and not lemma_key(project.name) & {"fund", "program", "package", "plan", "initiative"}
                    )
                ):
                    self.facts.relate(project, "partOf", parent, f.sentence, 0.5)
                    break

    # ------------------------------------------------------------------ groups
    def find_groups(self) -> None:
        """'battery makers - A, B and C' / 'battery makers, including A, B and C' names a group."""
        group_words = {"makers", "companies", "firms", "producers", "manufacturers", "groups", "conglomerates"}
        for tok in tokens_of(self.doc, group_words):
            if tok.tag_ != "NNS":
                continue
            mods = [
                c.lower_
                for c in tok.children
                if c.dep_ in {"compound", "amod", "nmod"}
                and c.lower_ not in {"key", "major", "largest", "big", "biggest", "leading", "local"}
            ]
            if not mods:
                continue
            window = self.doc[tok.i + 1 : min(len(self.doc), tok.i + 16)]
            members: list[DocEntity] = []
            for t in window:
                if t.text in {".", ";"} or (t.lower_ in {"as", "while"} and members):
                    break
                ent = self.table.at(t.i)
                if ent is not None and ent.type == "Company" and ent not in members:
                    members.append(ent)
            if len(members) >= 2:
                self.groups.setdefault(mods[-1], members)

    # ------------------------------------------------------------------ headOf
    def head_of(self, sent: Span) -> None:
        for tok in sent_tokens(sent):
            if tok.i not in self.table.token_entity:
                continue  # (most tokens name nothing: spare the lookup)
            person = self.table.at(tok.i)
            if person is None or person.type != "Person":
                continue
            if tok.i > sent.start and self.table.at(tok.i - 1) is person:
                continue  # not the first token of the mention
            end = tok.i
            while end < sent.end and self.table.at(end) is person:
                end += 1
            self._title_before(sent, tok.i, end, person)
            self._title_after(sent, end, person)
            self._headed_by_person(sent, tok.i, person)
            self._whose_title(sent, tok.i, person)
            self._bracketed_head(sent, tok.i, person)
            self._apposed_title(sent, tok.i, person)

    def _title_before(self, sent: Span, start: int, end: int, person: DocEntity) -> None:
        doc = self.doc
        i = start - 1
        words: list[Token] = []
        while i >= sent.start and (
            doc[i].lower_ in lx.TITLE_WORDS
            or doc[i].lower_ in {"of", ","}
            and words
            and doc[i - 1].lower_ != ","
            or doc[i].lower_ in {"and", "&"}  # 'Kioxia President and CEO Hiroshi Tamura' (a company's titles)
            and words
            and words[0].lower_ in CORPORATE_TITLES
            and doc[i - 1].lower_ in CORPORATE_TITLES
            or doc[i].text == "-"
            and words
            and doc[i - 1].lower_ in lx.TITLE_WORDS
        ):
            words.insert(0, doc[i])
            i -= 1
        if words and words[0].lower_ in {"minister", "secretary", "commissioner"}:
            # 'Investment Minister X', 'Information and Broadcasting Minister X': the portfolio words
            while (
                i >= sent.start
                and self.table.at(i) is None
                and (
                    doc[i].text[:1].isupper()
                    and doc[i].pos_ in {"PROPN", "NOUN", "ADJ"}
                    or doc[i].lower_ in {"and", "&"}
                    and words
                    and doc[i - 1].text[:1].isupper()
                )
            ):
                words.insert(0, doc[i])
                i -= 1
            if words and words[0].lower_ in {"and", "&"}:
                words.pop(0)
                i += 1
        if i >= sent.start and doc[i].text in {"'s", "’s"} and words:
            i -= 1  # "LG Energy Solution's chief executive Kwon Young-soo"
        # "Minister of Trade, Industry and Energy Lee Chang-yang"
        before_text = doc[max(sent.start, start - 12) : start].text
        if before_text.endswith(",") and end < sent.end and doc[end].text in {",", "."}:
            before_text = before_text[:-1]  # 'The Minister of Industry and Tourism, Jordi Hereu, said'
        m = re.search(r"\b(Minister|Secretary) of ((?:[A-Z][\w-]*(?:,? (?:and )?)?)+)\s*$", before_text)
        if m:
            ministry_name = "Ministry of " + m.group(2).strip().rstrip(",")
            ministry = self._find_or_make_ministry(ministry_name)
            before = before_text[: m.start()].split()
            if before and before[-1].lower() in lx.NOT_HEAD_ROLE_WORDS:
                return  # 'Second Vice Minister of Science and ICT X': the ministry is named, a deputy heads nothing
            role = f"{m.group(1)} of {m.group(2).strip()}"
            self.facts.relate(person, "headOf", ministry, sent, 0.8, role)
            return
        titles = [w for w in words if w.lower_ in lx.TITLE_WORDS]
        if not titles:
            return
        role_words = [w.text for w in words if w.lower_ not in {"of", ",", "-"}]
        role = " ".join(role_words)
        if not any(w.lower() in lx.HEAD_ROLE_WORDS for w in role_words):
            return
        if any(part in lx.NOT_HEAD_ROLE_WORDS for w in role_words for part in w.lower().split("-")):
            return
        org = self.table.at(self._before_bracket(i, sent)) if i >= sent.start else None  # 'Council (NDC) Minister X'
        if (
            org is not None
            and org.type == "Place"
            and any(
                w.lower() in {"premier", "governor", "gov.", "mayor", "president", "prime", "chancellor"}
                for w in role_words
            )
        ):
            org = government_of(self.table, lx.CAPITALS.get(org.name.lower(), org.name))  # 'Ontario Premier X'
        if (
            org is None
            and i >= sent.start
            and role_words[-1].lower() in CORPORATE_TITLES
        ):
            org = self._unnamed_company_before(sent, i)
        if org is not None and org.type in ORG_TYPES:
            self.facts.relate(person, "headOf", org, sent, 0.85, role)
            return
        after = self._of_org(end_of_mention(self, start), sent)
        if after is not None:
            self.facts.relate(person, "headOf", after, sent, 0.8, role)
            return
        lower_role = role.lower()
        if "minister" in lower_role or "secretary" in lower_role:
            topic = {w.lower() for w in role_words} - {
                "minister",
                "prime",
                "secretary",
                "general",
                "and",
                "&",
                "deputy",
            }
            body_words = ("ministry",) if "minister" in lower_role else ("ministry", "department", "office")
            best, best_n = None, 0
            for ent in self.table.entities.values():
                if ent.type != "GovernmentAgency" or not any(b in ent.name.lower() for b in body_words):
                    continue
                stems = {w[:5] for w in norm(ent.name).split() if len(w) >= 5}
                n = len(topic & set(norm(ent.name).split())) or len({w[:5] for w in topic if len(w) >= 5} & stems)
                if n > best_n:  # 'Economy Minister X': the Ministry for Economic Affairs
                    best, best_n = ent, n
            if best is not None:
                self.facts.relate(person, "headOf", best, sent, 0.7, role)
                return
        if any(w in lower_role for w in ("governor", "mayor")) and "vice" not in lower_role:
            local = self._local_government_before(start, region="governor" in lower_role)
            if local is not None:  # 'Governor Kim said ...' after 'the North Chungcheong provincial government'
                self.facts.relate(person, "headOf", local, sent, 0.65, role)
                return
        if any(w in lower_role for w in ("president", "prime minister", "premier", "chancellor")) and (
            "vice" not in lower_role and "deputy" not in lower_role
            and not any(w.lower() in CORPORATE_TITLES - {"president"} for w in role_words)  # 'President and CEO X'
        ):
            left = doc[max(sent.start, i - 2) : i + 1].text.lower()
            country = None
            for adj, c in lx.NATIONALITY_TO_COUNTRY.items():
                if re.search(rf"\b{re.escape(adj)}\b", left):
                    country = c
            if "president" in lower_role:
                country = country or self.table.country  # a head of government is named with the country
            if country:
                self.facts.relate(person, "headOf", government_of(self.table, country), sent, 0.7, role)

    def _local_government_before(self, i: int, region: bool = False) -> DocEntity | None:
        """The last government of a province, state or city named before token i; with `region`, else the
        government of the last state or province named ('a plant in Texas. Governor X said')."""
        for k in range(i - 1, max(-1, i - 600), -1):
            ent = self.table.at(k)
            if ent is not None and ent.type == "GovernmentAgency" and is_local_government(ent):
                return ent
        for k in range(i - 1, max(-1, i - 600), -1) if region else ():
            ent = self.table.at(k)
            if ent is not None and ent.type == "Place" and is_region_name(ent.name) and not is_country_name(ent.name):
                return government_of(self.table, ent.name)
        return None

    def _name_before_brackets(self, k: int, sent: Span) -> DocEntity | None:
        """The entity that ends at token k or before its bracketed acronym and comma: 'the Taiwan
        Semiconductor Industry Association (TSIA), whose ...'."""
        while k > sent.start and (self.doc[k].text in {",", ")", "("} or is_acronym(self.doc[k].text)):
            k -= 1
        return self.table.at(k)

    def _title_words_before(self, sent: Span, j: int) -> tuple[list[str], int]:
        """The title words ending at token j ('chairman', 'Minister') and the token before them."""
        role: list[str] = []
        while j > sent.start and self.doc[j].lower_ in lx.TITLE_WORDS:
            role.insert(0, self.doc[j].text)
            j -= 1
        return role, j

    def _bracketed_head(self, sent: Span, start: int, person: DocEntity) -> None:
        """'The Ministry of Trade, Industry and Energy (Minister Kim Jung-kwan) announced ...': a press
        release names the head of the organisation in brackets after it."""
        role, j = self._title_words_before(sent, start - 1)
        if role and self.doc[j].text == "," and j > sent.start:
            # '(hereafter "MOLIT", Minister Kang Jun-seok)': past the declared short name
            k = j - 1
            while k > sent.start and self.doc[k].text != "(" and j - k < 8:
                k -= 1
            j = k if self.doc[k].text == "(" and self.doc[k + 1].lower_ == "hereafter" else j
        if not role or self.doc[j].text != "(" or any(w.lower() in lx.NOT_HEAD_ROLE_WORDS for w in role):
            return
        org = self.table.at(j - 1) if j > sent.start else None
        if org is not None and org.type in ORG_TYPES and org is not person:
            self.facts.relate(person, "headOf", org, sent, 0.8, " ".join(role))

    def _apposed_title(self, sent: Span, start: int, person: DocEntity) -> None:
        """'the President of the Government of Aragon, Jorge Azcón', 'Its CEO, Park Min-cheol, said': a title
        of an organisation with the person's name apposed after a comma."""
        doc = self.doc
        j = start - 1
        if j - 1 <= sent.start or doc[j].text != ",":
            return
        org = self._name_before_brackets(j - 1, sent) if doc[j - 1].lower_ not in lx.TITLE_WORDS else None
        k = j - 1
        while k > sent.start and (self.table.at(k) is org and org is not None or doc[k].text in {")", "("}):
            k -= 1
        if org is not None and doc[k].lower_ == "the":
            k -= 1
        if org is not None and doc[k].lower_ == "of":
            role, _ = self._title_words_before(sent, k - 1)  # 'the President of the Government of Aragon, X'
        elif org is None:
            role, k = self._title_words_before(sent, j - 1)  # 'Its CEO, X'
            org = self.table.at(k) if doc[k].lower_ in {"its", "their"} else None
        else:
            return
        if not role or not any(w.lower() in lx.HEAD_ROLE_WORDS for w in role):
            return
        if any(w.lower() in lx.NOT_HEAD_ROLE_WORDS for w in role) or org is None or org.type not in ORG_TYPES:
            return
        self.facts.relate(person, "headOf", org, sent, 0.75, " ".join(role))

    def _whose_title(self, sent: Span, start: int, person: DocEntity) -> None:
        """'the Taiwan Semiconductor Industry Association (TSIA), whose chairman, Cliff Hou, ...'."""
        doc = self.doc
        j = start - 1
        if j > sent.start and doc[j].text == ",":
            j -= 1
        role, j = self._title_words_before(sent, j)
        if not role or doc[j].lower_ != "whose" or any(w.lower() in lx.NOT_HEAD_ROLE_WORDS for w in role):
            return
        org = self._name_before_brackets(j - 1, sent)
        if org is not None and org.type in ORG_TYPES:
            self.facts.relate(person, "headOf", org, sent, 0.75, " ".join(role))

    def _headed_by_person(self, sent: Span, start: int, person: DocEntity) -> None:
        """'The task force is headed by Yoon Chang-ryeol', 'the committee, chaired by Prime Minister
        Han Duck-soo': the person heads what the verb's subject (or the noun it describes) names."""
        doc = self.doc
        i = start - 1
        while i > sent.start and (doc[i].lower_ in lx.TITLE_WORDS or doc[i].text[:1].isupper()):
            i -= 1  # titles and their portfolio words: 'First Vice Minister of Trade ... Kang'
            if doc[i].lower_ in {"of", ",", "and"} and i > sent.start and doc[i - 1].text[:1].isupper():
                i -= 1
        if i <= sent.start or doc[i].lower_ != "by":
            # 'co-chaired by Kim Jung-kwan and Chung Eui-sun': the second of the listed heads
            root = doc[start]
            while root.head.i != root.i and self.table.at(root.head.i) is person:
                root = root.head  # the person's head word
            while root.dep_ == "conj" and root.head.i < root.i:
                root = root.head  # the first of the list
                while root.head.i != root.i and self.table.at(root.head.i) is self.table.at(root.i):
                    root = root.head
            if root.head.lower_ != "by" or root.head.i >= start:
                return
            i = root.head.i
        verb = doc[i].head
        if lemma(verb) not in {"head", "chair", "lead", "run", "helm", "co-chair"} or verb.tag_ != "VBN":
            return
        if any(t.lower_ in lx.NOT_HEAD_ROLE_WORDS for t in doc[i + 1 : start]):
            return  # 'chaired by Vice Minister X': a deputy does not head it
        holders = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not holders:  # 'The alliance is co-chaired by ...': the parser hangs the subject on 'is'
            holders = [s for c in verb.children if c.dep_ in {"auxpass", "aux"} for s in c.children
                       if s.dep_ in {"nsubj", "nsubjpass"}]
        if verb.dep_ in {"acl", "relcl"}:
            holders.append(verb.head)
        elif verb.dep_ == "advcl" and doc[verb.i - 1].text == "," and verb.i >= 2:
            holders.append(doc[verb.i - 2])  # '..., the Hydrogen Economy Committee, chaired by X
        for h in holders:
            for org in self.entity_of(h, False):
                if org.type in ORG_TYPES and org is not person:
                    self.facts.relate(person, "headOf", org, sent, 0.7, lemma(verb))
                    return

    def _unnamed_company_before(self, sent: Span, i: int) -> DocEntity | None:
        """'SK hynix CEO Kwak Noh-jung': the words right before a corporate title name the company."""
        doc = self.doc
        j = i
        while (
            j >= max(0, sent.start - 2)
            and i - j < 3
            and self.table.at(j) is None
            and (doc[j].pos_ == "PROPN" or doc[j].is_lower and j < i and doc[j - 1].is_upper)
        ):
            j -= 1
        before = self.table.at(j) if j >= max(0, sent.start - 1) else None
        if before is not None and before.type in ORG_TYPES:
            return before  # 'POSCO Holdings Chairman X' where spaCy split the name
        if j == i or not doc[j + 1].text[:1].isupper():
            return None
        name = doc[j + 1 : i + 1].text
        if name.lower() in lx.NOT_NAMES or name in lx.COUNTRIES:
            return None
        ent = self.table.add(DocEntity(f"org:{norm(name)}", "Company", name, confidence=0.5))
        self.table.mark(j + 1, i + 1, ent.key)
        return ent

    def _portfolio_ministry(self, i: int, sent: Span) -> DocEntity | None:
        """'of Trade, Industry and Energy' after a minister's title: the ministry of that portfolio."""
        doc = self.doc
        j = i + 1
        while j < sent.end and doc[j].lower_ == "the":
            j += 1
        named = self.table.at(j) if j < sent.end else None
        if named is not None and named.type == "GovernmentAgency":
            return named
        words: list[str] = []
        k = j
        while k < sent.end and (
            doc[k].text[:1].isupper()
            and doc[k].is_alpha
            and (doc[k].lower_ in lx.PORTFOLIO_WORDS or doc[k].lower_ not in lx.TITLE_WORDS)
            and (self.table.at(k) is None or self.table.at(k).type != "Person")
            or doc[k].lower_ in {"and", "&"} and words
            or doc[k].text == "," and words and k + 1 < sent.end and doc[k + 1].text[:1].isupper()
            and doc[k + 1].lower_ in lx.PORTFOLIO_WORDS
        ):
            words.append(doc[k].text)
            k += 1
        while words and words[-1].lower() in {"and", "&", ","}:
            words.pop()
        if not words or self.table.at(j) is not None and self.table.at(j).type == "Person":
            return None
        portfolio = " ".join(words).replace(" ,", ",")
        preposition = "for" if doc[i].lower_ == "for" else "of"
        return self._find_or_make_ministry(f"Ministry {preposition} {portfolio}")

    def _find_or_make_ministry(self, name: str) -> DocEntity:
        name = clean_name(name)
        for ent in self.table.entities.values():
            if ent.type == "GovernmentAgency" and norm(ent.name) == norm(name):
                return ent
        key = f"org:{norm(name)}"
        return self.table.add(DocEntity(key, "GovernmentAgency", name))

    def _title_after(self, sent: Span, end: int, person: DocEntity) -> None:
        """'Chey Tae-won, chairman of the Korea Chamber ...' / 'Roh Tae-moon, CEO of the DX Division'."""
        doc = self.doc
        if end < sent.end and doc[end].text == "(":
            # 'Premier Cho Jung-tai (卓榮泰), who chairs the Executive Yuan': past the bracket
            close = next((j for j in range(end, min(sent.end, end + 8)) if doc[j].text == ")"), None)
            end = close + 1 if close is not None else end
        if end >= sent.end or doc[end].text != ",":
            return
        i = end + 1
        while i < sent.end and doc[i].lower_ in {"the", "a", "an"}:
            i += 1
        owner = self.table.at(i) if i < sent.end else None
        if owner is not None and owner.type in ORG_TYPES:
            # "Sanjay Mehrotra, Micron's president and CEO"
            k = i
            while k < sent.end and self.table.at(k) is owner:
                k += 1
            if k < sent.end and doc[k].text in {"'s", "’s"}:
                role = []
                k += 1
                while k < sent.end and (doc[k].lower_ in lx.TITLE_WORDS or doc[k].lower_ == "and" and role):
                    role.append(doc[k].text)
                    k += 1
                role_text = " ".join(role).removesuffix(" and")
                heads = lx.HEAD_ROLE_WORDS
                if (
                    role
                    and not any(p in lx.NOT_HEAD_ROLE_WORDS for w in role for p in w.lower().split("-"))
                    and any(w.lower() in heads for w in role)
                ):
                    self.facts.relate(person, "headOf", owner, sent, 0.8, role_text)
                return
        if i < sent.end and doc[i].lower_ == "who" and i + 1 < sent.end:
            verb = doc[i + 1]
            if lemma(verb) in {"head", "lead", "chair", "run"} and verb.pos_ == "VERB":
                k = i + 2
                while k < sent.end and doc[k].lower_ in {"the", "a"}:
                    k += 1
                org = self.table.at(k) if k < sent.end else None
                if org is not None and org.type in ORG_TYPES:
                    self.facts.relate(person, "headOf", org, sent, 0.75, lemma(verb))  # 'X, who heads Y'
            self._titles_in_clause(sent, i + 1, person)
            return
        role: list[str] = []
        while i < sent.end and (
            doc[i].lower_ in lx.TITLE_WORDS
            or doc[i].lower_ in {"first", "second", "third"} and i + 1 < sent.end and doc[i + 1].lower_ == "vice"
        ):
            role.append(doc[i].text)
            i += 1
        deputy = any(part in lx.NOT_HEAD_ROLE_WORDS for w in role for part in w.lower().split("-"))
        if role and role[-1].lower() in {"minister", "secretary"} and i < sent.end and doc[i].lower_ in {"of", "for"}:
            ministry = self._portfolio_ministry(i, sent)  # 'X, (Vice) Minister of Trade, Industry and Energy,'
            if ministry is not None:
                if not deputy:
                    self.facts.relate(person, "headOf", ministry, sent, 0.8, f"{' '.join(role)} {ministry.name[9:]}")
                return
        if not role or deputy:
            return
        if i < sent.end and doc[i].lower_ == "of":
            org = self._of_org(i, sent)
            if org is not None:
                self.facts.relate(person, "headOf", org, sent, 0.85, " ".join(role))
        elif i < sent.end:
            org = self.table.at(i)
            if org is not None and org.type in ORG_TYPES:
                self.facts.relate(person, "headOf", org, sent, 0.75, " ".join(role))

    def _titles_in_clause(self, sent: Span, start: int, person: DocEntity) -> None:
        """'X, who chairs the KDIA and is also CEO of Samsung Display,' / '... as well as serving as CEO
        of Y': a head's title 'of' an organisation inside the person's relative clause."""
        doc = self.doc
        for k in range(start, sent.end - 1):
            if doc[k].text == ";" or doc[k].text == "," and doc[k + 1].pos_ in {"VERB", "AUX"}:
                return  # the clause ends: ', said ...'
            if doc[k].lower_ not in lx.HEAD_ROLE_WORDS or doc[k + 1].lower_ != "of":
                continue
            if doc[k - 1].lower_ in lx.NOT_HEAD_ROLE_WORDS or doc[k - 1].text == "-":
                continue  # 'vice chairman of', 'co-head of'
            org = self._of_org(k + 1, sent)
            if org is not None and org is not person:
                role = "chief executive" if doc[k - 1].lower_ == "chief" else doc[k].text
                self.facts.relate(person, "headOf", org, sent, 0.7, role)

    def _described_before(self, sent: Span, i: int, possessors: bool = False) -> DocEntity | None:
        """The organisation a clause or apposition ending at token i describes: 'KOGAS, which is
        headquartered in ...', 'The Korea Institute for Robot Industry Advancement (KIRIA), a state-run
        agency based in ...' (with `possessors`, also "42dot, Hyundai Motor Group's software center")."""
        doc = self.doc
        k = i - 1
        while k > sent.start and i - k <= 8 and doc[k].text != ",":
            ent = self.table.at(k)
            if ent is not None and possessors:
                if doc[k + 1].text not in {"'s", "’s"}:
                    return None  # only an owner's name may stand inside the description
                while k > sent.start and self.table.at(k - 1) is ent:
                    k -= 1
            elif ent is not None or doc[k].text in {";", ":"}:
                return None
            k -= 1
        if k <= sent.start or doc[k].text != ",":
            return None
        j = self._before_bracket(k - 1, sent)  # 'the Korea Internet & Security Agency (KISA), which ...'
        return self.table.at(j) if j >= sent.start else None

    def _pronoun_owners(self, site: Token) -> list[DocEntity]:
        """Whose 'its/their' site is: the subjects (or passive agents) of the clause the site stands in.
        'A and B will carry out tests at their yards on Geoje Island', 'done by KATECH at its centers'."""
        pronoun = next((c for c in site.children if c.dep_ == "poss" and c.lower_ in {"its", "their"}), None)
        if pronoun is None:
            return []
        verb = site.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in {"VERB", "AUX"}:
            return []
        if _passive(verb):
            owners = self._org_agents(verb)
        else:
            owners = [e for s in verb_subjects(verb) for e in self.entity_of(s, False) if e.type in ORG_TYPES]
        if pronoun.lower_ == "its":
            # the nearest organisation before 'its' must be the subject: not in 'and Kakao 2,400 units at its ...'
            between = self.doc[min(verb.i, pronoun.i) + 1 : pronoun.i]
            if any(t.pos_ == "PROPN" and t.nbor(-1).lower_ in {"and", "while", ","} for t in between):
                return []  # 'and Daum 2,400 units at its data center': 'its' is whoever starts the gapped clause
            subjects = {t.i for s in verb_subjects(verb) for t in s.subtree}
            before = (k for k in range(pronoun.i - 1, pronoun.sent.start - 1, -1) if k not in subjects)
            nearest = next((e for k in before if (e := self.table.at(k)) is not None and e.type in ORG_TYPES), None)
            return owners[:1] if nearest is None or nearest in owners else []  # (names inside the subject aside)
        return owners

    def _apposed_to(self, sent: Span, noun: int) -> DocEntity | None:
        """The organisation a noun phrase ending at `noun` stands in apposition to: 'IMR, a government-funded
        research body', "42dot, Hyundai Motor Group's software center" (not 'X, which operates data centers')."""
        doc = self.doc
        k = noun - 1
        while k > sent.start and noun - k <= 8 and doc[k].text != ",":
            k -= 1
        phrase = doc[k + 1 : noun]
        if doc[k].text != "," or any(
            t.pos_ in {"AUX", "PRON", "ADP"} or t.pos_ == "VERB" and t.dep_ not in {"amod", "compound"} for t in phrase
        ):
            return None
        return self._described_before(sent, noun, possessors=True)

    def _ends_clause(self, k: int, ent: DocEntity, sent: Span) -> bool:
        """Whether the mention of `ent` at k closes an inserted phrase (a comma, a full stop or the
        sentence's end after it): ', in South Chungcheong Province,' but not ', in Yeosu and Ulsan'."""
        while k < sent.end and self.table.at(k) is ent:
            k += 1
        return k >= sent.end or self.doc[k].text in {",", ".", ";", ")"}

    def _after_bracket(self, k: int, sent: Span, within: int = 10) -> int:
        """Token k, or the token after the bracket that opens at k and closes within `within` tokens:
        '... won ($1.64 billion) in'."""
        if k < sent.end and self.doc[k].text == "(":
            close = next((j for j in range(k, min(sent.end, k + within)) if self.doc[j].text == ")"), None)
            return close + 1 if close is not None else k
        return k

    def _before_bracket(self, j: int, sent: Span) -> int:
        """Token j, or the token before it when j closes a one-word bracket: '... Institute (KTDI)'."""
        doc = self.doc
        if doc[j].text == ")" and j - 2 >= sent.start and doc[j - 2].text == "(":
            return j - 3
        return j

    def _of_org(self, i: int, sent: Span) -> DocEntity | None:
        doc = self.doc
        if i >= sent.end or doc[i].lower_ != "of":
            return None
        j = i + 1
        while j < sent.end and doc[j].lower_ == "the":
            j += 1
        ent = self.table.at(j) if j < sent.end else None
        if ent is None and j < sent.end:
            # 'president of aT': a short name declared in brackets earlier, which the model did not see here
            ent = next((e for e in self.table.entities.values() if e.type in ORG_TYPES and doc[j].text in e.aliases
                        and " " not in doc[j].text), None)
            if ent is None and alnum_name(doc[j]) and j + 1 < sent.end and doc[j + 1].is_punct:
                ent = self.table.add(DocEntity(f"org:{norm(doc[j].text)}", "Company", doc[j].text, confidence=0.5))
                self.table.mark(j, j + 1, ent.key)  # 'CEO of 42dot'
        if ent is not None and ent.type == "Project" and ent.name[:1].isupper():
            # 'Owen Carter, chief executive of the National Wealth Fund': what has a chief is an organisation
            public = ent.name.split()[0] in {"National", "State", "Public", "Federal"} or any(
                c in ent.name for c in lx.COUNTRIES
            )
            ent.type = "GovernmentAgency" if public else "Company"
        return ent if ent is not None and ent.type in ORG_TYPES else None

    # ------------------------------------------------------------------ projects
    def purpose_projects(self, sent: Span) -> None:
        """Objects of purpose: 'invest ... in/for/into P', 'to support P', 'plans to extend P'."""
        for tok in sent_tokens(sent):
            if tok.pos_ not in {"VERB", "NOUN", "PROPN"}:
                continue  # every rule below starts from a verb or a noun
            lem = lemma(tok)
            if tok.pos_ == "VERB" and (lem in lx.FUND_VERBS or lem in {"go", "chip"}) and not _prepares_nothing(tok):
                for head in self._purpose_heads(tok):
                    if head.dep_ == "dobj" and _changes_a_measure(head.head):
                        self._project_measured_or_named(head)
                    else:
                        self.projects.add_np(_facility_paid_for(head) or head)
                if lem in {"fund", "finance", "subsidize", "subsidise", "bankroll"}:
                    for obj in [c for c in tok.children if c.dep_ == "dobj"]:
                        self.projects.add_np(obj, 0.55)  # 'the ministry will fund a "K-Cloud" project'
            if tok.pos_ == "VERB" and lem in lx.DOING_VERBS and tok.dep_ in {"xcomp", "advcl", "conj", "pcomp"}:
                anchor = tok.head
                infinitive = any(c.lower_ == "to" for c in tok.children) or tok.tag_ == "VBG"
                # 'converted one of its plants to make motor housings': what a plant makes is its product
                makes_a_product = lem in PRODUCING_VERBS and lemma(anchor) not in lx.GOAL_VERBS | lx.FUND_VERBS
                if (
                    lemma(anchor) in lx.GOAL_VERBS | lx.FUND_VERBS
                    or lemma(anchor) in lx.DOING_VERBS
                    and anchor.dep_ == "xcomp"
                    or infinitive
                ) and not makes_a_product:
                    for obj in [c for c in tok.children if c.dep_ == "dobj"]:
                        self._project_measured_or_named(obj)
            if tok.pos_ == "VERB" and self._will_set_up(tok, planned=False):
                # 'the agency would open a trade office in Riyadh', 'SungEel will add a lithium carbonate
                # production line': what an organisation will build or open is a project of its own
                for obj in (c for c in tok.children if c.dep_ == "dobj"):
                    self._project_from_object(obj) or self._facility_at_place(tok, obj)
            if tok.pos_ == "VERB" and _will_be_built(tok):
                # 'a 1,000-qubit quantum computer will be developed by 2032': the new thing is a project
                for sub in (c for c in tok.children if c.dep_ == "nsubjpass"):
                    if any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in sub.children):
                        self._project_from_object(sub)
            if tok.pos_ == "VERB" and lem in {"build", "construct"}:
                for obj in (c for c in tok.children if c.dep_ == "dobj"):
                    named = self.table.at(obj.i)
                    if (
                        named is not None
                        and named.type in {"Company", "Organization"}
                        and obj.lower_ in BUILT_THINGS | lx.FACILITY_HEADS
                    ):
                        named.type = "Project"  # 'to build the National AI Computing Center': built, no company
            if tok.pos_ in {"NOUN", "PROPN"} and lem in lx.PROGRAMME_HEADS and tok.ent_type_ not in {"MONEY"}:
                ent = self.table.at(tok.i)
                if ent is None and not _generic_alone(tok) and not _investing_fund(tok):
                    self.projects.add_np(_instrument_purpose(tok), 0.55)

    def _will_set_up(self, verb: Token, planned: bool = True) -> list[DocEntity]:
        """The organisations that, as the main clause says, will build, open, add or introduce something
        (or, with `planned`, plan to: what they plan to build is a project only if named elsewhere)."""
        planned = (  # 'KEPCO plans to complete a transmission line', 'DAPA also plans to open a centre'
            planned
            and verb.dep_ == "xcomp"
            and lemma(verb.head) in PLANNING_VERBS
            and verb.head.dep_ in {"ROOT", "ccomp", "conj"}
        )
        builds = lemma(verb) in BUILDING_VERBS or lemma(verb) in EXPANDING_VERBS and any(
            c.dep_ == "dobj" and lemma(c) in lx.FACILITY_HEADS for c in verb.children
        )  # 'will expand its wafer fab in Newport' (not 'expand exports')
        if not (
            verb.pos_ == "VERB"
            and (verb.dep_ in {"ROOT", "ccomp", "conj"} and (_future(verb) or _under_way(verb)) and builds
                 or verb.dep_ == "relcl" and _under_way(verb) and builds and _builds_a_facility(verb)
                 or planned and (builds or lemma(verb) == "complete"))
        ):
            return []
        subjects = verb_subjects(verb)
        orgs = [e for s in subjects for e in self.entity_of(s, False) if e.type in ORG_TYPES]
        return orgs or [e for s in subjects for e in self._leaders_of_unnamed_group(s)]

    def _leaders_of_unnamed_group(self, noun: Token) -> list[DocEntity]:
        """'A consortium led by POSCO will build ...': a group the text does not name acts through the
        organisation said to lead it."""
        if lemma(noun) not in lx.ALLIANCE_HEADS | {"group", "venture"} or self.table.at(noun.i) is not None:
            return []
        return [e for c in noun.children if c.dep_ == "acl" and lemma(c) == "lead" for e in self._org_agents(c)]

    def _project_measured_or_named(self, obj: Token) -> None:
        """'to raise annual output at its transformer plant from 250 to 500 units', 'raise cosmetics exports
        from $11.4 billion to $16 billion': a measure moved from one number to another is a target's subject,
        not a project; the facility it is measured at is (a named thing that is no project keeps the old
        reading: 'the capacity of its Metaplant America (HMGMA)')."""
        if not _changes_a_measure(obj.head):
            self._project_from_object(obj)
            return
        measured = _measured_things(obj)
        if any(self.table.at(m.i) is not None and self.table.at(m.i).type != "Project" for m in measured):
            self._project_from_object(obj)
            return
        for thing in measured:
            self._project_from_object(thing)

    def _project_from_object(self, obj: Token) -> DocEntity | None:
        if obj.lower_ in lx.NON_PROJECT_HEADS or obj.pos_ not in {"NOUN", "PROPN"}:
            return None
        if not any(c.dep_ in {"compound", "amod", "prep", "nmod", "acl"} for c in obj.children):
            return None
        return self.projects.add_np(obj, 0.5)

    def _facility_at_place(self, verb: Token, obj: Token) -> DocEntity | None:
        """'Kestrel Vanadium will build a refinery in Townsville' (the place hung on the verb): the refinery in
        Townsville."""
        if lemma(obj) not in lx.FACILITY_HEADS or not any(c.lower_ in {"a", "an"} for c in obj.children):
            return None
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "at", "near"} and c.i > obj.i):
            place = next((self.table.at(p.i) for p in prep.children if p.dep_ == "pobj"), None)
            if place is not None and place.type == "Place":
                return self.projects.add(f"{obj.text} {prep.text} {place.name}", obj.i, obj.i + 1, 0.5)
        return None

    def _purpose_heads(self, verb: Token) -> list[Token]:
        heads: list[Token] = []
        candidates = list(verb.children)
        # the money object's own prepositions: 'invest 100 billion won ... in building X'
        for c in verb.children:
            if c.dep_ in {"dobj", "nsubjpass", "nsubj", "xcomp"} and (
                c.ent_type_ == "MONEY" or c.like_num or c.lower_ in {"won", "dollars", "trillion", "billion"}
            ):
                candidates += list(c.children)
                for conj in c.conjuncts:
                    candidates += list(conj.children)
        recipient_verb = lemma(verb) in RECIPIENT_VERBS
        for c in candidates:
            if c.dep_ == "prep" and c.lower_ in {"in", "into", "for", "to", "toward", "towards", "on"}:
                if c.lower_ == "to" and recipient_verb:
                    continue
                for p in c.children:
                    if p.dep_ == "pobj" and p.lower_ in {"which", "whom"}:
                        p = _relative_antecedent(c)  # 'three tasks, for which KRW 152 billion will be invested'
                        if p is None:
                            continue
                    if p.dep_ in {"pobj", "pcomp"} or p.pos_ in {"NOUN", "PROPN"}:
                        if year_of(p) or p.ent_type_ in {"DATE", "MONEY"}:
                            continue
                        if lemma(p) in INSTRUMENTS | {"budget"} and _instrument_purpose(p) is not p:
                            p = _instrument_purpose(p)  # 'in subsidies for the X plant': the plant
                        elif lemma(p) in INSTRUMENTS or _money_source(p):
                            continue
                        ent = self.table.at(p.i)
                        if ent is not None and ent.type in ORG_TYPES | {"Place", "Person"}:
                            continue
                        heads.append(p)
            if c.dep_ in {"advcl", "xcomp"} and c.pos_ == "VERB":
                objs = direct_objects(c) if lemma(c) in lx.DOING_VERBS else []
                if not any(o.dep_ == "dobj" for o in c.children):
                    # 'to design and build a pilot device': the object the verbs share
                    objs = [o for v in c.conjuncts if v.i > c.i and lemma(v) in lx.DOING_VERBS
                            for o in v.children if o.dep_ == "dobj"][:1]
                for o in objs:
                    self.purpose_clause[o.i] = c
                heads += objs
        return heads

    def clause_alias(self, project: DocEntity, head: Token) -> None:
        """'to widen the use of hydrogen vehicles and build a domestic supply chain': the whole purpose,
        its verbs and coordinated goals included, as another name of the project."""
        verb = self.purpose_clause.get(head.i)
        if verb is None:
            return
        end = verb.right_edge.i + 1
        for t in self.doc[verb.i + 1 : end]:
            if t.text in {";", ":", "("} or t.text == "," and t.i + 1 < end and self.doc[t.i + 1].lower_ in {
                "as", "which", "while", "where", "with", "including", "and"
            } or t.lower_ in {"which", "while", "as"}:
                end = t.i
                break
        if 2 < end - verb.i <= 25:
            project.aliases.add(self.doc[verb.i : end].text.strip(" ,"))

    def counted_list(self, sent: Span) -> None:
        """'The strategy rests on three pillars: AI factories, AI robots for production lines and a shared data
        platform': a counted list after a colon names that many projects (the count decides where the last
        'and' splits); items priced with an amount are left to the money readers."""
        doc = self.doc
        colon = next((t for t in sent_tokens(sent) if t.text == ":"), None)
        if colon is None or colon.i + 2 >= sent.end:
            return
        noun = next(  # the counted noun nearest the colon: 'calls for projects in three areas:'
            (t for t in reversed(doc[max(sent.start, colon.i - 4) : colon.i]) if t.lower_ in COUNTED_PART_NOUNS), None
        )
        count = next((c for c in noun.children if c.dep_ == "nummod"), None) if noun is not None else None
        number = WORD_NUMBERS.get(count.lower_) if count is not None else None
        if number is None and count is not None and count.text.isdecimal() and count.text.isascii():
            number = int(count.text)
        if number is None or not 2 <= number <= 8:
            return
        chunks: list[list[Token]] = [[]]
        depth = 0
        for t in doc[colon.i + 1 : sent.end]:
            depth += (t.text == "(") - (t.text == ")")
            if depth == 0 and t.text in {",", ";"}:
                chunks.append([])
            elif not (t.is_punct and t.i == sent.end - 1):
                chunks[-1].append(t)
        chunks = [c for c in chunks if c]
        if len(chunks) == number - 1:  # 'A, B and C': the last 'and' splits
            last = chunks[-1]
            cut = max((k for k, t in enumerate(last) if t.lower_ == "and" and 0 < k < len(last) - 1), default=None)
            if cut is not None:
                chunks[-1:] = [last[:cut], last[cut + 1 :]]
        if len(chunks) != number:
            return
        verb = noun
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head  # 'the money would be split across three areas': the clause that counts them
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        named = self.table.at(subject.i) if subject is not None else None
        parent_subject = subject is not None and (
            named is not None and named.type == "Project"
            or named is None and (lemma(subject) in PARENT_NOUNS or subject.lower_ in lx.GENERIC_PROJECT_NOUNS)
        )
        if not parent_subject and lemma(verb) not in lx.FUND_VERBS:
            # the parts of a plan or of its money ('will invest €1.5 billion ... in three areas: A, B and C'),
            # not 'three companies: A, B and C'
            return
        trimmed: list[list[Token]] = []
        for chunk in chunks:
            while chunk and (chunk[0].lower_ in {"and", "or", "the", "a", "an"} or chunk[0].tag_ == "VBG"):
                chunk = chunk[1:]  # 'and the training of technicians', 'developing X'
            end = next((k for k, t in enumerate(chunk) if t.lower_ in {"that", "which", "who", "where"}), len(chunk))
            chunk = chunk[:end]
            while chunk and chunk[-1].is_punct and chunk[-1].text != ")":
                chunk = chunk[:-1]
            if not chunk or len(chunk) > 12 or find_amounts(" ".join(t.text for t in chunk)):
                return
            if any((e := self.table.at(t.i)) is not None and e.type != "Project" for t in chunk):
                return  # the items name organisations or places, not projects
            trimmed.append(chunk)
        items: list[DocEntity] = []
        for chunk in trimmed:
            # 'a shared AI "robot brain"': the quotes are no part of the name
            name = re.sub(r'\s*["“”]\s*', " ", doc[chunk[0].i : chunk[-1].i + 1].text).strip(" .")
            item = self.projects.add(name, chunk[0].i, chunk[-1].i + 1, 0.5)
            if item is not None:
                items.append(item)
        self.counted_parts.append((subject if parent_subject and subject is not None else verb, items))

    def _counted_parts_of_their_subject(self) -> None:
        """'The strategy rests on three pillars: ...': once 'the strategy' is resolved, each item is part of it."""
        for subject, items in self.counted_parts:
            if subject.pos_ == "VERB":
                # 'will invest €1.5 billion in the battery supply chain ... in three areas: A, B and C': parts of
                # what the money in that sentence pays for
                paid = [f for f in self.facts.fundings if f.sentence.start == sentence_of(self.doc, subject.i).start]
                parent = self.table.entities.get(paid[0].project) if paid else None
            else:
                parent = self.table.at(subject.i)
                if lemma(subject) in MONEY_NOUNS and (parent is None or parent.name.lower() == subject.lower_):
                    # 'the money would be split across three areas': the project the money was last said to pay for
                    paid = [f for f in self.facts.fundings if f.sentence.start < subject.i]
                    parent = self.table.entities.get(paid[-1].project) if paid else None
            if parent is None or parent.type != "Project":
                continue
            for item in items:
                if item is not parent:
                    self.facts.relate(item, "partOf", parent, sentence_of(self.doc, subject.i), 0.6)

    def listed_projects(self, sent: Span) -> None:
        """'The five major projects include developing A for X, Y and Z; creating B' and
        'This includes developing A and promoting B' (A, B part of the project before)."""
        listing = {"include", "comprise", "cover", "involve"}
        for tok in tokens_of(self.doc, lemmas=listing, start=sent.start, end=sent.end):
            if tok.pos_ not in {"VERB", "AUX"}:
                continue
            subj = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if not subj:
                continue
            s = subj[0]
            parent = None
            counted = any(c.like_num or c.ent_type_ == "CARDINAL" for c in s.children)
            if s.lower_ in {"this", "it", "these"}:
                parent = self.projects.recent(s.i)
            elif s.lower_ in lx.GENERIC_PROJECT_NOUNS:
                # 'The five major projects include ...', 'the programme includes ...': the document's
                # main project (the largest commitment so far, else the first one named)
                parent = self._main_project() or self.projects.first()
            elif self.table.at(s.i) is not None and self.table.at(s.i).type == "Project":
                parent = self.table.at(s.i)
            else:
                continue
            items = [c for c in tok.children if c.dep_ in {"dobj", "xcomp", "attr", "ccomp"}]
            # 'covers four areas: the construction of A, the modernization of B, ...': the list after the
            # colon names the parts
            items = [
                next((a for a in it.children if a.dep_ == "appos" and a.i > it.i), it)
                if it.lower_ in lx.GENERIC_PROJECT_NOUNS | PART_NOUNS
                else it
                for it in items
            ]
            expanded: list[Token] = []
            for it in items:
                expanded += coordinated(it)
            for item in expanded:
                head = item
                if item.tag_ == "VBG" or item.pos_ == "VERB":
                    objs = [c for c in item.children if c.dep_ == "dobj"]
                    if not objs:
                        continue
                    head = objs[0]
                children: list[DocEntity | None] = []
                split = split_pp_list(self.doc, head, self.table) if counted else None
                if split:
                    for name, start, end in split:
                        children.append(self.projects.add(name, start, end, 0.6))
                else:
                    if (
                        head.ent_type_ == "MONEY"
                        or head.lower_ in {"won", "trillion", "billion"}
                        or re.match(r"^[A-Z]{3}\d", head.text)
                        or head.like_num
                    ):
                        for p in list(head.children) + list(tok.children):
                            if p.dep_ == "prep" and p.lower_ == "in":
                                for q in p.children:
                                    if q.dep_ == "pobj":
                                        head = q
                    children.append(self.projects.add_np(head, 0.6))
                for child in children:
                    if parent is not None and child is not None and child is not parent:
                        self.facts.relate(child, "partOf", parent, sent, 0.65)

    # ------------------------------------------------------------------ money
    def _amounts(self) -> list[AmountMatch]:
        return doc_amounts(self.doc)

    def fundings(self, sent: Span) -> None:
        for amount in self.amounts:
            if not (sent.start_char <= amount.start < sent.end_char):
                continue
            if re.search(r"\b[Oo]f the\s*$", self.text[max(0, amount.start - 8) : amount.start]):
                continue  # 'Of the 50 trillion won, ...' refers back to an amount already stated
            span = self.doc.char_span(amount.start, amount.end, alignment_mode="expand")
            if span is None:
                continue
            self._funding(sent, amount, span)

    def _funding(self, sent: Span, amount: AmountMatch, span: Span) -> None:
        if RATE_AFTER_AMOUNT.match(self.text[amount.full_end : amount.full_end + 30]):
            return  # 'A$2 for every kilogram', '$5 a tonne': a rate, not a commitment
        if amount.value < 1000:
            return  # 'at most NT$1 for every NT$1 of private money': no commitment is that small
        if _measured_change(sent, amount):
            return  # 'raise output value from NT$30 billion to NT$150 billion by 2030': a goal, not money moved
        if re.search(r"\bfrom (?:its|their|the|a) $", self.text[max(0, amount.start - 12) : amount.start]) and re.match(
            r"\s*(?:envelope|budget|pot|allocation|fund)\b", self.text[amount.full_end : amount.full_end + 15]
        ):
            return  # 'contribute 120 billion won from its 350 billion won envelope': where the money is drawn
        if self._listed_item_money(sent, amount, span):
            return
        numeric = [t for t in span if t.like_num or t.lower_ in SCALE_WORDS or any(c.isdigit() for c in t.text)]
        anchor = numeric[-1] if numeric else span.root
        if _price_of_a_recipient(anchor, span):
            return  # 'The €1.5 billion cathode plant will receive €250 million': what the plant costs
        verb = self._fund_verb(anchor, span, sent)
        if verb is not None and self._share_of_funding_list(verb, anchor, amount, span, sent):
            return
        project = self._list_item_project(span, sent) or self._money_project(span, sent)
        if project is not None:
            project = self._what_the_aid_supports(anchor) or project
        money_verb = verb
        if project is None and verb is not None:
            verb, project = self._with_money_to_be_spent(verb)
        if (
            project is None
            and verb is not None
            and verb.tag_ == "VBG"
            and verb.dep_ == "advcl"
            and verb.head.pos_ == "VERB"
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
            and not self._purpose_after(span, sent)
            and not self._purpose_heads(verb)
        ):
            verb = verb.head  # 'MSIT launched an alliance to put AI chips into data centres, pledging 1.2 trillion won'
        funders: list[DocEntity] = []
        recipients: list[DocEntity] = []
        conf = 0.7
        parent = self._of_the_amount(sent, amount)
        parent_project = self.table.entities.get(parent.project) if parent is not None else None
        own_clause = (  # '... won to be shouldered by participating companies': the money's own payer
            verb is not None
            and verb.dep_ in {"relcl", "acl"}
            and verb.head.i == span.root.i
            and any(c.dep_ == "agent" for c in verb.children)
        )
        if project is None and not own_clause:
            # 'X will set up a plant ..., with an investment of ₹91,000 crore', 'China has launched the
            # fund with registered capital of 344 billion yuan', 'sets up a fund with 344 billion yuan'
            inv = anchor
            for _ in range(5):
                if inv.lower_ in {"with", "at"} or inv.head.i == inv.i:
                    break
                if inv.pos_ == "VERB" and inv.i != anchor.i:
                    break
                inv = inv.head
            if inv.lower_ == "at" and any(lemma(c) == "cost" for c in inv.children) and inv.head.pos_ == "VERB":
                # 'will set up a display module unit in Noida at a cost of ₹3,100 crore', 'A skilling centre will
                # be set up ... at a cost of ₹240 crore': the project the verb's object already names (a new
                # description here would double a project the story tells in other words)
                obj = next((c for c in inv.head.children if c.dep_ in {"dobj", "nsubjpass"}), None)
                named = self.table.at(obj.i) if obj is not None else None
                if named is not None and named.type == "Project":
                    verb, project = inv.head, named
            elif inv.lower_ == "with":
                main = inv.head
                if main.dep_ in {"advcl", "xcomp"} and any(c.lower_ == "to" for c in main.children):
                    main = main.head  # 'set up a fund to boost X, with a capital of ...': the fund
                if main.pos_ == "NOUN" and lemma(main) in lx.PROGRAMME_HEADS | lx.FACILITY_HEADS:
                    project = self.projects.add_np(main, 0.55)
                elif main.pos_ == "VERB" and lemma(main) in PRODUCING_VERBS:
                    # 'It will produce LFP cells ..., with a total investment of €2.9bn': the plant, not its cells
                    nsubj = next((c for c in main.children if c.dep_ == "nsubj"), None)
                    subject = self.table.at(nsubj.i) if nsubj is not None else None
                    if subject is None and nsubj is not None and (nsubj.lower_ == "it" or lemma(nsubj) in SITE_LEMMAS):
                        subject = self._last_facility(sent.start, self._sentences_back(sent.start, 2))
                    project = subject if subject is not None and subject.type == "Project" else None
                elif main.pos_ == "VERB":
                    verb = main
                    for o in main.children:
                        if o.dep_ == "dobj":
                            project = self._phase_of(o) or self.projects.add_np(o, 0.55)
                            break
                        if o.dep_ == "nsubjpass" and lemma(main) in SETTING_UP_VERBS | {"set", "raise"}:
                            # 'The X Fund will be created with 300 billion won from Samsung Electronics'
                            named = self.table.at(o.i)
                            project = named if named is not None and named.type == "Project" else None
                            break
        clause = verb
        while clause is not None and clause.dep_ == "xcomp":
            clause = clause.head  # 'where it plans to invest'
        if (
            project is None
            and clause is not None
            and clause.dep_ == "relcl"
            and (_relative_of_place(clause) or _relative_of_place(verb))
        ):
            # 'an AI data center ..., in which the two companies will invest KRW 7 trillion', 'its Bio Campus II,
            # where it plans to invest 7.5 trillion won': what the clause is about
            head = clause.head
            for _ in range(4):  # 'its Bio Campus II in Songdo, Incheon, where ...': the site, not its town
                named = self.table.at(head.i)
                if named is not None and named.type == "Project" or named is None and lemma(head) in SITE_LEMMAS:
                    break
                if head.head.i == head.i or named is None and head.dep_ != "pobj":
                    break
                head = head.head.head if head.dep_ == "pobj" else head.head  # '... of 100 megawatts in X, in which'
            if head.pos_ == "VERB":  # 'are building an AI data center ... in the X Complex, in which'
                head = next((c for c in head.children if c.dep_ == "dobj"), head)
            named = self.table.at(head.i)
            project = named if named is not None and named.type == "Project" else None
            if named is None and head.pos_ in {"NOUN", "PROPN"}:
                project = self.projects.add_np(head, 0.55)
        if project is None and verb is not None and lemma(verb) in PAYING_VERBS and _amount_is_subject(anchor, verb):
            # 'Another NT$3.2 billion will fund a drone industrial park': the money's own object
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                project = self.table.at(obj.i) or self.projects.add_np(obj, 0.55)
                project = project if project is not None and project.type == "Project" else None
        last = self.facts.fundings[-1] if self.facts.fundings else None  # (also read by the money list below)
        if (
            project is None
            and verb is not None
            and (verb.dep_ in {"advcl", "conj"} or verb.dep_ == "pcomp" and verb.head.lower_ == "with")
            and last is not None
            and last.sentence.start == sent.start
            and last.project in self.table.entities
            and not self._purpose_after(span, sent)
            and not self._purpose_heads(verb)
        ):
            project = self.table.entities[last.project]  # '..., while Samsung will contribute 900 billion won'
        if verb is None and project is None and parent_project is not None:
            # 'Of the KRW 15 trillion, KRW 6 trillion will be provided by KDB, KRW 5 trillion by KEXIM':
            # the gapped share names its payer only
            payers = self._payer_right_after(span, sent) or self._payer_before_for(span, sent)
            if payers:
                year = self._year_near(span, span.root, sent)
                self.facts.fundings.append(
                    FoundFunding([e.key for e in payers], parent_project.key, amount, year, sent, 0.6)
                )
            return
        if verb is None and project is None:
            payers = self._payer_from(span, sent)
            if payers and last is not None and last.sentence.start == sent.start:
                # '... with 300 billion won from Samsung, 200 billion won from SK hynix': the next share
                # of the same money list, paid by its own payer
                year = self._year_near(span, span.root, sent)
                self.facts.fundings.append(FoundFunding([payers[0].key], last.project, amount, year, sent, 0.6))
                return
            self._listed_funding(sent, amount, span)
            return
        after = [h for h in self._purpose_after(span, sent) if lemma(h) not in INSTRUMENTS]
        if verb is not None and project is None and lemma(verb) in CONSISTING_VERBS and not after:
            subj = [c for c in verb.children if c.dep_ == "nsubj"]
            if subj:
                ent = self.table.at(subj[0].i)
                project = ent if ent is not None and ent.type == "Project" else None
        opener = OF_THE_TOTAL_OPENER.match(span_text(sent))
        if (
            project is None
            and (opener or parent_project is not None)
            and not after
            and not (verb is not None and self._purpose_heads(verb))
        ):
            # 'Of the aid, 910 million euros will come ... through the KTF', 'Of the 600 billion won, KDB and IBK
            # will each provide 200 billion won in policy loans': a share of the total's project, whatever
            # channel or instrument it takes
            project = parent_project or self._larger_total(sent, amount, opener.group("noun") if opener else None)
        if project is None and verb is not None:
            # 'provide £2 billion through a new Automotive Transformation Fund to support ...': the vehicle
            project = self._programme_after(verb, {"through", "via"}, lx.PROGRAMME_HEADS | {"project", "fund", "plan"})
        inputs = [t for h in after for t in coordinated(h)]
        if project is None and inputs and all(
            lemma(t) in SITE_INPUTS and not any(c.dep_ == "prep" for c in t.children) for t in inputs
        ):
            project = self._site_discussed(sent)  # '45 billion won for land and utilities': for the site's project
        if project is None:
            project, through_a_stake = self._owned_through_a_stake(self._purpose_after(span, sent))
            if through_a_stake and project is None:
                return  # a stake in a company that will own something no rule names: no project to guess
        if project is None:
            for purpose in after or (self._purpose_heads(verb) if verb is not None else []):
                head = _facility_paid_for(purpose) or purpose
                project = self.projects.add_np(head)
                if project is not None:
                    self.clause_alias(project, head)
                    break
        if project is None and verb is not None:
            project = self._available_for_or_bought(verb, anchor)
        if project is None and verb is not None:
            # 'launched a consortium to develop home-grown chip equipment, pledging 1.2 trillion won': the
            # money pays for what the main clause sets up to do
            main = verb.head if verb.tag_ == "VBG" and verb.dep_ == "advcl" else verb
            project = self._set_up_to_do(main)
            verb = main if project is not None else verb
        if project is None and verb is not None:
            # 'Under the sovereign AI foundation model project, the ministry will provide 530 billion won':
            # with no purpose of its own, the money goes to the programme it is given under
            project = self._programme_after(verb, {"under"}, {"project", "programme", "program"})
        if project is None and verb is not None:
            project = self._financed_by(verb)
        if (
            project is None
            and verb is not None
            and (lemma(verb) in RECEIVE_VERBS or _passive(verb) and lemma(verb) in RECIPIENT_VERBS | {"allocate"})
        ):
            # 'A vanadium refinery planned for Townsville has secured $315 million in loans', 'the plant has
            # been granted €298 million': the receiver is the project, the loans its instrument
            for sub in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN"):
                if lemma(sub) in lx.FACILITY_HEADS | lx.PROGRAMME_HEADS | lx.PROJECT_HEADS:
                    project = self.table.at(sub.i) or self.projects.add_np(sub, 0.55)
                    project = project if project is not None and project.type == "Project" else None
        if project is None and verb is not None:
            # 'provide 5 trillion won in low-interest loans to shipbuilders': the instrument is the programme
            after_conversion = self._after_bracket(span.end, sent)  # '2.4 trillion won ($1.64 billion) in ...'
            for t in self.doc[after_conversion : min(sent.end, after_conversion + 4)]:
                if t.lower_ == "in":
                    objs = [c for c in t.children if c.dep_ == "pobj" and lemma(c) in INSTRUMENTS]
                    if objs and lemma(objs[0]) not in {"capital", "stake", "equity"} and not _money_source(objs[0]):
                        project = self._instrument_project(objs[0], sent)
                    break
        receiving = verb is not None and (
            lemma(verb) in RECEIVE_VERBS
            or _passive(verb)
            and lemma(verb) in RECIPIENT_VERBS | {"award", "grant", "give", "allocate"}
        )
        if receiving:
            # 'The plant will receive €250 million', 'X was awarded ¥46 billion for Y', 'selected 15 projects
            # to receive €992 million': the subject receives; the payer is the agent, 'from X', or the one
            # who selected
            recipients = [e for sub in verb_subjects(verb) for e in self.entity_of(sub, False)]
            if verb.dep_ in {"xcomp", "advcl"} and not [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]:
                # 'selected 15 projects to receive ...', 'hubs have been selected by DOE to receive ...'
                objs = [c for c in verb.head.children if c.dep_ in {"dobj", "nsubjpass"}]
                recipients = [e for o in objs for e in self.entity_of(o, False)] or [
                    p for o in objs for p in [self.projects.add_np(o, 0.55)] if p is not None
                ]
                for sub in verb_subjects(verb.head) if not _passive(verb.head) else []:
                    funders += self.funder_for(sub)
                for a in passive_agents(verb.head):
                    funders += self.funder_for(a)
            if project is None:
                project = next((r for r in recipients if r.type == "Project"), None)
            if project is None:
                project = self._what_the_recipient_builds(verb)
            for a in passive_agents(verb):
                funders += self.funder_for(a)
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ == "from":
                    for p in c.children:
                        funders += [e for e in self.entity_of(p, False) if e.type in ORG_TYPES]
        elif verb is not None and lemma(verb) == "come":
            sources = [c for c in verb.children if c.lower_ == "from"]
            next_amount = min((a.start for a in self.amounts if a.start >= amount.full_end), default=len(self.text))
            own = [c for c in sources if c.i >= span.end and c.idx < next_amount]
            payers = (q for c in own or sources for p in c.children if p.dep_ == "pobj" for q in (p, *p.conjuncts))
            for src in (q for q in payers if q.ent_type_ != "MONEY"):  # not 'and 320 billion won from X'
                # '840 billion won will come from state coffers'; '300 billion won will come from MOTIE and 120
                # billion won from MOE': each share from the source written after it; 'from JOGMEC and Sojitz'
                funders += self.funder_for(src)
        elif verb is not None and lemma(verb) not in CONSISTING_VERBS:
            for s in verb_subjects(verb):
                funders += self.funder_for(s)
            for a in passive_agents(verb):
                funders += self.funder_for(a)
            if lemma(verb) in RECIPIENT_VERBS:
                recipients = self._paid_organisations(verb)  # 'award Toyota ¥120 billion', 'give ... to Samsung'
        if project is not None and not funders:
            # 'a programme of KRW17 trillion managed by the Korea Development Bank'
            for t in sent_tokens(sent):
                if lemma(t) in lx.LEAD_VERBS and t.dep_ in {"acl", "relcl"} and self.table.at(t.head.i) is project:
                    funders += self._org_agents(t)
        if (
            project is None
            and funders
            and verb is not None
            and (
                lemma(verb) in {"contribute", "put", "commit", "inject", "chip", "add"}
                or lemma(verb) == "invest" and not self._purpose_heads(verb)
            )
        ):
            # 'the largest shareholder, contributing 60 billion yuan': into the fund being discussed (the
            # last one named before the money); 'Samsung will invest 200 billion won apiece': the fund of
            # this sentence or the two before
            since = -1 if lemma(verb) != "invest" else self._sentences_back(sent.start, 2)
            project = next(
                (
                    p
                    for p in self._projects_named_between(since, span.start)
                    if lemma_key(p.name) & {"fund", "program", "package", "plan", "initiative"}
                ),
                None,
            )
        buying = verb is not None and lemma(verb) in BUYING_VERBS  # 'ships worth N from KSOE': KSOE sells
        direct = (
            self._payer_right_after(span, sent)
            or self._gapped_payer(span, sent)
            or (self._payer_from(span, sent) if not buying else [])
            or self._payer_before_bracket(span, sent)
        )
        if direct:
            funders = direct  # '..., KRW 5 trillion by KEXIM and KRW 4 trillion by IBK': each share its payer
        elif verb is not None and len(funders) > 1:
            funders = self._respective_payer(span, verb, funders)
        share = SHARE_OF_TOTAL.match(self.text[amount.full_end : amount.full_end + 60])
        before = self.text[max(0, amount.start - 20) : amount.start]  # 'Another', 'the remaining'
        if project is None and (share or opener):
            # 'KEPCO will shoulder 3.1 trillion won of the cost', 'Of the total, 610 billion won will be funded by'
            project = self._project_of_the_total(sent, amount, opener)
        elif project is not None and share:
            # 'The ministry will spend 480 billion won of the total on a robot rental program': a part of what
            # the total pays for
            total = self._larger_total(sent, amount)
            if total is not None and total is not project and total.type == "Project":
                self.facts.relate(project, "partOf", total, sent, 0.6)
        elif project is not None and NEXT_SHARE.search(before):
            # '... of the total on a robot rental program. Another 420 billion won will go to core components':
            # the next share is a part of the same whole
            last = self.facts.fundings[-1] if self.facts.fundings else None
            whole = next((r.object for r in self.facts.relations if last is not None and r.predicate == "partOf"
                          and r.subject == last.project and r.sentence.start == last.sentence.start), None)
            if whole is not None and whole != project.key and whole in self.table.entities:
                self.facts.relate(project, "partOf", self.table.entities[whole], sent, 0.6)
        if parent is not None:
            if project is None and funders and lemma(verb) not in RECEIVE_VERBS:
                project = parent_project  # 'Of the 15 trillion, 6 trillion will be provided by KDB'
            funders = funders or [self.table.entities[k] for k in parent.funders if k in self.table.entities]
            if project is not None and parent_project is not None and project is not parent_project:
                self.facts.relate(project, "partOf", parent_project, sent, 0.6)
        paying = verb is not None and lemma(verb) in lx.FUND_VERBS | SHARE_VERBS | {"approve"}  # 'comes from'
        if project is None and funders and verb is not None and lemma(verb) == "invest":
            project = self._investment_in_place(verb, funders)  # 'Intel plans to invest $33 billion in Germany'
        if project is None and funders and paying:
            # 'The West Coast HVDC will be carried out by KEPCO. A total of KRW 8.1 trillion will be invested
            # by the utility by 2036': the money goes to the story's subject; 'The central government will
            # provide 1.3 trillion won': with no purpose at all, to the story's main project
            project = self._topic_project(sent) or self._facility_just_named(sent, span.start, funders)
            remaining = re.search(r"\b(?:remaining|rest of the)\s*$", before)
            if project is None and (remaining or all(f.type == "GovernmentAgency" for f in funders)):
                # public money, or 'the remaining 1.5 trillion won'; the story's first money, to the plan the next
                # sentence names ('... will invest 1.2 trillion won to spread service robots. Under the Service
                # Robot Industry Promotion Strategy, the government aims to ...')
                project = self._main_project() or self._plan_named_next(sent)
        if project is None:
            return
        recipients = recipients or self._instrument_recipients(anchor, span)
        for r in recipients:
            # 'Panasonic Energy was awarded ¥46 billion for an anode materials facility': who is paid for
            # a project carries it out
            if r.type in ORG_TYPES and r is not project and r not in funders and project.type == "Project":
                self.facts.relate(r, "leads", project, sent, 0.55)
        nation = self._aid_nation(span)
        if nation is not None:
            funders = [government_of(self.table, nation)]
        if not funders and verb is None:
            funders = self._owner_of_priced(anchor)  # 'its US$7 billion advanced packaging plant in Penang'
        if not funders and re.match(
            r"\s*(?:\([^)]*\)\s*)?from (?:(?:private|other|institutional|individual|foreign|local) )*[a-z]+s\b",
            self.text[amount.full_end : amount.full_end + 40],
        ):
            return  # '300 billion won from private investors': the text names payers that are no one in particular
        if not funders and verb is not None and _passive(verb) and lemma(verb) in RECIPIENT_VERBS | {"allocate"}:
            # 'The plant has been granted €298 million, the ministry said': who reports an unattributed grant
            # made it
            funders = self._reporting_body(sent, verb)
        if not funders and INVESTMENT_OF.search(self.text[max(0, amount.start - 30) : amount.start]):
            # 'The plant will be built by Voltera Cells ..., with a total investment of €2.9bn': the company
            # that builds a plant makes the investment in it
            funders = self._builders_of(project)
        if not funders:
            prev = self._previous_funding_funders(sent, verb) if verb is not None else []
            default = self.default_funder(span.start)
            funders = prev or ([default] if default else [])
            conf = 0.5
        if not funders:
            return
        year = self._year_near(span, money_verb if money_verb is not None else span.root, sent)
        if year is None and parent is not None:
            # 'Of the 2.1 trillion won to be spent in 2025, 1.1 trillion won will ...': the share's year
            m = re.search(r"\b[Oo]f the ([^,]{3,60}),", span_text(sent))
            y = re.search(r"\b(?:in|by|for) (?:fiscal )?((?:19|20)\d\d)\b", m.group(1)) if m else None
            year = int(y.group(1)) if y else None  # a share keeps no year its total states for itself
        funders = list({f.key: f for f in funders}.values())
        self.facts.fundings.append(FoundFunding([f.key for f in funders], project.key, amount, year, sent, conf))

    def places_of_listed_items(self) -> None:
        """'Esbjerg Power-to-X, Esbjerg (Denmark): a 200 MW plant ...': the item is where its line says."""
        for item in LISTED_ITEM.finditer(self.text):
            project = self._listed_item_project(item)
            group = "place" if item.group("place") else "country"
            place = self.table.at(self._token_at(item.start(group)))
            if project is not None and place is not None and place.type == "Place":
                self.facts.relate(project, "locatedIn", place, sentence_of(self.doc, self._token_at(item.start())), 0.6)

    def _listed_item_money(self, sent: Span, amount: AmountMatch, span: Span) -> bool:
        """A press release's list item priced by instrument: 'GreenSines H2, Sines (Portugal): a 300 MW
        electrolyser ... Grant: €280 million. EIB loan: €500 million.' or '... It will receive a grant of €280
        million and an EIB loan of €500 million.' The item is the project; a lender named in the label pays
        its loan; a bare grant comes from whoever the release says gives the grants."""
        line_start = self.text.rfind("\n", 0, amount.start) + 1
        item = LISTED_ITEM.match(self.text, line_start, amount.start)  # the line opens with an item
        if item is None:
            return False
        before = self.text[max(line_start, sent.start_char) : amount.start]
        label = INSTRUMENT_LABEL.search(before)
        if label is None:
            return False
        project = self._listed_item_project(item)
        if project is None:
            return False
        start = max(line_start, sent.start_char) + label.start()
        named = [
            e
            for t in self.doc[self._token_at(start) : self._token_at(amount.start)]
            if (e := self.table.at(t.i)) is not None and e.type in ORG_TYPES
        ]
        funders = named[:1] or self._instrument_giver(label.group("instrument"), line_start)
        if not funders:
            return False
        year = self._year_near(span, span.root, sent)
        self.facts.fundings.append(FoundFunding([funders[0].key], project.key, amount, year, sent, 0.6))
        return True

    def _listed_item_project(self, item: re.Match[str]) -> DocEntity | None:
        """The project a list item's line names (typed so by the entity typer), if it is one."""
        project = self.table.at(self._token_at(item.start("name")))
        return project if project is not None and project.type == "Project" else None

    def _token_at(self, char: int) -> int:
        """The index of the token that holds character `char`."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else len(self.doc)

    def _instrument_giver(self, instrument: str, before: int) -> list[DocEntity]:
        """Who the text says gives an instrument ('The European Commission has selected three projects to receive
        €640 million in grants'): the public body that is the subject of a sentence before naming it."""
        word = instrument.lower().rstrip("s")
        for sent in sentences(self.doc):
            if sent.start_char >= before:
                break
            if not any(lemma(t).rstrip("s") == word for t in sent):
                continue
            for s in (c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}):
                payers = [e for e in self.entity_of(s, False) if e.type == "GovernmentAgency"]
                if payers:
                    return payers[:1]
        return []

    def _what_the_recipient_builds(self, verb: Token) -> DocEntity | None:
        """'Envision AESC, which is building a gigafactory in Navalmoral, was selected to receive €116 million':
        a company that receives money gets it for the site its own clause says it builds."""
        for sub in (c for c in verb_subjects(verb) if (e := self.table.at(c.i)) is not None and e.type == "Company"):
            for clause in (c for c in sub.children if c.dep_ == "relcl" and lemma(c) in BUILD_VERBS | BUILDING_VERBS):
                for obj in (c for c in clause.children if c.dep_ == "dobj"):
                    site = self.table.at(obj.i)
                    if site is None and lemma(obj) in lx.FACILITY_HEADS:
                        site = self.projects.add_np(obj, 0.5)
                    if site is not None and site.type == "Project":
                        return site
        return None

    def _site_discussed(self, sent: Span) -> DocEntity | None:
        """The site project named last, in this sentence or the two before ('The pilot line, to be built in
        Cheonan, ... The provincial government will contribute 45 billion won for land and utilities')."""
        since = self._sentences_back(sent.start, 2)
        return self._last_project(lambda p: bool(set(lemma_key(p.name)) & lx.FACILITY_HEADS), sent.end, since)

    def _investment_in_place(self, verb: Token, funders: list[DocEntity]) -> DocEntity | None:
        """'Intel plans to invest $33 billion in Germany': with nothing else to pay for, the investment in a
        country or region is the project ('Intel investment in Germany'), carried out by the investor."""
        places = [
            ent
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "in"
            for p in c.children
            if p.dep_ == "pobj" and (ent := self.table.at(p.i)) is not None
        ]
        if len(funders) != 1 or len(places) != 1 or places[0].type != "Place":
            return None
        project = self.projects.add(f"{funders[0].name} investment in {places[0].name}", verb.i, verb.i + 1, 0.5)
        if project is not None:
            self.facts.relate(funders[0], "leads", project, sentence_of(self.doc, verb.i), 0.5)
        return project

    def _approved_aid(self, verb: Token, span: Span, sent: Span) -> bool:
        """'approved Rs 7,000 crore in incentives': incentives, subsidies or grants a government approves are
        its own; a commission that approves a state's aid clears it and pays nothing (but the money is
        still the state's: 'approved €902 million in German state aid for X', see _aid_nation)."""
        after = self._after_bracket(span.end, sent)
        aid = after + 1 < len(self.doc) and self.doc[after].lower_ == "in" and lemma(self.doc[after + 1]) in {
            "incentive",
            "subsidy",
            "grant",
        }
        approvers = [e for s in verb_subjects(verb) for e in self.entity_of(s, False)]
        cleared = self._aid_nation(span) is not None
        return (aid or cleared) and bool(approvers) and (
            cleared or not any("commission" in e.name.lower() for e in approvers)
        )

    def _aid_nation(self, span: Span) -> str | None:
        """'€902 million in German state aid', '€1.2 billion of French public funding': the country whose
        people the adjective names; its government pays, whoever approves or announces the money."""
        m = NATIONAL_AID.match(self.text, span.end_char)
        return lx.NATIONALITY_TO_COUNTRY.get(m.group(1).lower()) if m else None

    def _instrument_recipients(self, anchor: Token, span: Span) -> list[DocEntity]:
        """'a R$1.1 billion loan to WEG for a factory': the companies a loan or grant goes to."""
        noun = anchor
        while noun.head.i != noun.i and (span.start <= noun.i < span.end or noun.pos_ != "NOUN"):
            noun = noun.head
        if noun.pos_ != "NOUN" or lemma(noun) not in LENDING_NOUNS | INSTRUMENTS:
            return []
        attached = [*noun.children, *(noun.head.children if noun.dep_ == "dobj" else [])]  # 'approved a loan to X'
        out: list[DocEntity] = []
        for p in (p for c in attached if c.dep_ == "prep" and c.lower_ == "to" for p in c.children):
            if p.dep_ != "pobj":
                continue
            if p.pos_ == "PROPN" and self.table.at(p.i) is None and p.left_edge.i >= noun.i:
                # 'a loan to Andes Cathode', a name the model did not see: a company named by the money it gets
                start = next(t.i for t in p.subtree if t.pos_ == "PROPN")
                name = self.doc[start : p.i + 1].text
                if cue_type(name) in {None, "Company"} and all(t.text[:1].isupper() for t in self.doc[start : p.i + 1]):
                    self.table.add_named("Company", name, start, p.i + 1, confidence=0.5)
            for e in self.entity_of(p, False):
                if e.type == "Person" or e.type == "Place" and not is_place_name(e.name):
                    e.type = "Company"  # 'a loan to Ardent Graphite': no person or place borrows for a plant
                if e.type == "Company":
                    out.append(e)
        return out

    def _reporting_body(self, sent: Span, verb: Token) -> list[DocEntity]:
        """The public body that 'said' or 'announced' the sentence, when the money's verb hangs on that report."""
        for tok in sent_verbs(sent):
            if tok.pos_ != "VERB" or lemma(tok) not in {"say", "announce"} or tok.i == verb.i:
                continue
            if not (verb.head.i == tok.i or tok.head.i == verb.i):
                continue  # 'X has been granted ..., the ministry said' ('said' hangs on the grant) or its mirror
            for sub in (c for c in tok.children if c.dep_ == "nsubj"):
                ent = self.table.at(sub.i)
                if ent is not None and ent.type == "GovernmentAgency":
                    return [ent]
        return []

    def _financed_by(self, verb: Token) -> DocEntity | None:
        """What a passive 'financed/co-funded by' pays for: 'The X Fund will be financed by KDB (1.5 trillion
        won)'; also from the payer's relative clause: 'The complex will be co-funded by the provincial
        government, which has pledged 80 billion won'."""
        if verb.dep_ == "relcl" and verb.head.dep_ == "pobj":
            by = verb.head.head
            while by.dep_ == "conj" and by.head.i != by.i:
                by = by.head  # '..., and by KASA, which will contribute 120 billion won'
            if by.dep_ == "agent":
                verb = by.head
        if not (_passive(verb) and lemma(verb).removeprefix("co-") in FINANCED_VERBS):
            return None
        for subject in (c for c in verb.children if c.dep_ == "nsubjpass"):
            named = self.table.at(subject.i) or self._project_named_with(lemma(subject), subject.i)
            if named is not None and named.type == "Project":
                return named
        return None

    def _project_of_the_total(self, sent: Span, share: AmountMatch, opener: re.Match | None) -> DocEntity | None:
        """What 'the cost' or 'the total' a share is of pays for: the project of the last larger amount
        stated in this sentence or the two before, else the last project named in this sentence or the
        one before ('4.6 trillion won will be invested to build transmission lines ... KEPCO will shoulder
        3.1 trillion won of the cost')."""
        total = self._larger_total(sent, share, opener.group("noun") if opener else None)
        if total is not None:
            return total
        project = self.projects.recent(sent.start, sent.start - self._sentences_back(sent.start, 1) + 1)
        return project or next(iter(self.projects.in_sentence(sent)), None)

    def _larger_total(self, sent: Span, share: AmountMatch, noun: str | None = None) -> DocEntity | None:
        """The project of the last larger amount in the same currency, stated in this sentence or the four
        before: what 'the total' of a share is ('Of the aid': the last larger amount given as aid)."""
        since = self._sentences_back(sent.start, 4)
        larger = []
        for f in reversed(self.facts.fundings):
            if f.sentence.start < since:
                break
            bigger = f.amount.currency == share.currency and f.amount.value > share.value
            if bigger and f.project in self.table.entities:
                larger.append(f)
        word = noun.lower() if noun and noun.lower() not in TOTAL_WORDS else None
        named = [f for f in larger if word and word in f.sentence.text.lower()]
        best = (named or larger)[:1]
        return self.table.entities[best[0].project] if best else None

    def _respective_payer(self, span: Span, verb: Token, funders: list[DocEntity]) -> list[DocEntity]:
        """'Samsung and SK hynix will contribute 900 billion won and 600 billion won, respectively': the
        n-th payer pays the n-th amount."""
        if not any(t.lower_ in {"respectively", "respective"} for t in span.sent if t.i >= span.start):
            return funders
        first = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "attr"}), None)
        if first is None:
            return funders
        amounts = [first, *(t for t in first.subtree if t.dep_ == "conj" and t.head.i >= first.i)]
        for n, tok in enumerate(sorted(amounts, key=lambda t: t.i)):
            if span.start <= tok.i < span.end and len(amounts) == len(funders):
                return [funders[n]]
        return funders

    def _what_the_aid_supports(self, anchor: Token) -> DocEntity | None:
        """'a €5 billion state aid package to support the construction of a semiconductor factory': the
        package is how the money comes, the factory what it pays for."""
        tok = _priced_noun(anchor)
        if tok is None or lemma(tok) not in lx.AID_NOUNS:
            return None
        clauses = [c for c in tok.children if c.dep_ in {"acl", "relcl"} and c.tag_ == "VB"]
        if tok.dep_ == "dobj":  # 'approved a ... package to support X': the parser may hang it on the verb
            clauses += [c for c in tok.head.children if c.dep_ == "advcl" and c.tag_ == "VB" and c.i > tok.i]
        for clause in clauses:
            if lemma(clause) in lx.AID_VERBS:
                for obj in (c for c in clause.children if c.dep_ == "dobj"):
                    project = self.projects.add_np(obj, 0.55)
                    if project is not None:
                        return project
        purpose = _instrument_purpose(tok)
        if purpose is not tok and self.table.at(purpose.i) is None:
            # 'a capital subsidy of ₹320 crore for the Kalinga SiC unit': the unit is what it pays for
            project = self.projects.add_np(purpose, 0.55)
            if project is not None and project.type == "Project":
                return project
        return None

    def _set_up_to_do(self, main: Token) -> DocEntity | None:
        """What the object of a setting-up verb is there to do: 'launched a consortium to develop X' -> X."""
        if main.pos_ != "VERB" or lemma(main) not in SETTING_UP_VERBS | {"set"}:
            return None
        for o in (c for c in main.children if c.dep_ == "dobj"):
            for clause in (c for c in o.children if c.dep_ in {"relcl", "acl"} and lemma(c) in lx.DOING_VERBS):
                for obj in (c for c in clause.children if c.dep_ == "dobj"):
                    project = self.projects.add_np(obj)
                    if project is not None:
                        return project
        return None

    def _owner_of_priced(self, anchor: Token) -> list[DocEntity]:
        """'Intel remained committed to its US$7 billion plant': who owns what the amount prices pays for it."""
        tok = _priced_noun(anchor)
        for poss in (c for c in tok.children if c.dep_ == "poss") if tok is not None else []:
            owner = self.table.at(poss.i)
            if owner is not None and owner.type in {"Company", "Organization", "GovernmentAgency"}:
                return [owner]
        return []

    def _paid_organisations(self, verb: Token) -> list[DocEntity]:
        """The organisations a paying verb pays: its indirect object ('award Toyota ¥120 billion') or
        'to X' ('give 10 billion won to Samsung for ...')."""
        out: list[DocEntity] = []
        for c in verb.children:
            heads = [c] if c.dep_ == "dative" and c.pos_ == "PROPN" else []
            if c.dep_ in {"prep", "dative"} and c.lower_ == "to":
                heads = [p for p in c.children if p.dep_ == "pobj"]
            named = [self.table.at(t.i) for h in heads for t in listed(h)]
            out += [e for e in named if e is not None and e.type in ORG_TYPES]
        return out

    def _with_money_to_be_spent(self, verb: Token) -> tuple[Token, DocEntity | None]:
        """'South Korea will build a CCUS cluster ..., with a total of 2.9 trillion won to be invested by 2030':
        the money is for what the main clause does, paid by its subject."""
        if not (verb.dep_ in {"pcomp", "acl"} and verb.head.lower_ == "with" and _passive(verb)):
            return verb, None
        main = verb.head.head
        while main.dep_ in {"advcl", "xcomp"} and main.head.i != main.i and main.head.pos_ in {"VERB", "AUX"}:
            main = main.head
        if main.pos_ != "VERB":
            return verb, None
        for o in main.children:
            if o.dep_ == "dobj":
                project = self._phase_of(o) or self.projects.add_np(o, 0.55)
                if project is not None:
                    return main, project
        return verb, None

    def _projects_named_between(self, since: int, before: int) -> list[DocEntity]:
        """The projects mentioned between two tokens, the one mentioned last first."""
        last_seen: dict[str, int] = {}
        for i, key in self.table.token_entity.items():
            if since <= i < before and key in self.projects.by_key and key in self.table.entities:
                last_seen[key] = max(i, last_seen.get(key, -1))
        return [self.table.entities[k] for k in sorted(last_seen, key=lambda k: -last_seen[k])]

    def _facility_just_named(self, sent: Span, before: int, payers: list[DocEntity]) -> DocEntity | None:
        """'It will assemble chiplets at a plant in Kikuyo. ... The three partners will invest a combined 60
        billion yen': money with no purpose of its own goes to the facility named last, in this sentence or
        the two before; a payer's own facility first, and never one another organisation carries out."""
        since = self._sentences_back(sent.start, 2)
        facilities = [p for p in self._projects_named_between(since, before) if _facility_named(p.name)]
        paying = {p.key for p in payers}
        leaders = {f.key: set(self._leaders_of(f)) for f in facilities}
        own = next((f for f in facilities if leaders[f.key] & paying), None)
        if own is not None or not facilities:
            return own
        private = all(p.type in {"Company", "Alliance"} for p in payers)  # (public money: the story's main project)
        return facilities[0] if private and not leaders[facilities[0].key] else None

    def _topic_project(self, sent: Span) -> DocEntity | None:
        """The project the sentence before was about: the subject of its main verb."""
        if sent.start == 0:
            return None
        prev = sentence_of(self.doc, sent.start - 1)
        for t in prev:
            if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT":
                if lemma(t) in WORK_NOUNS | FINANCE_NOUNS:
                    # 'Construction of the center will cost 2.5 trillion won': the center; 'Financing for the
                    # plant will come from several sources': the plant
                    preps = {"of"} if lemma(t) in WORK_NOUNS else {"for"}
                    t = next((p for c in t.children if c.lower_ in preps for p in c.children if p.dep_ == "pobj"), t)
                ent = self.table.at(t.i)
                if ent is None and t.pos_ == "NOUN" and lemma(t) in lx.FACILITY_HEADS | BUILT_THINGS:
                    ent = self.projects.add_np(t, 0.5)  # 'a chip design hub will be set up at KAIST. It will ...'
                return ent if ent is not None and ent.type == "Project" else None
        return None

    def _programme_after(self, verb: Token, preps: set[str], heads: set[str]) -> DocEntity | None:
        """The project named by the object of one of the verb's prepositions ('through a new Automotive
        Transformation Fund', 'under the sovereign AI foundation model project'); the last one wins."""
        project = None
        for c in verb.children:
            if c.dep_ != "prep" or c.lower_ not in preps:
                continue
            for p in c.children:
                if p.dep_ != "pobj" or year_of(p):
                    continue
                named_heads = heads
                if p.lower_ == "which":
                    p = _relative_antecedent(c) or p  # 'the Green Ship strategy, under which ... will spend'
                    named_heads = heads | lx.PROGRAMME_HEADS | lx.PROJECT_HEADS
                ent = self.table.at(p.i)
                if ent is not None and ent.type == "Project":
                    project = None if is_law_name(ent.name) else ent  # 'under the Bipartisan Infrastructure Law'
                elif ent is None and lemma(p) in named_heads:
                    project = self.projects.add_np(p, 0.55)
        return project

    def _list_item_project(self, span: Span, sent: Span) -> DocEntity | None:
        """'The money will go to three areas: KRW 600 billion to develop X, KRW 450 billion for Y, and ...':
        an amount that opens an item of a list after a colon goes to the purpose its own item names."""
        doc = self.doc
        if not any(t.text == ":" for t in doc[sent.start : span.start]):
            return None
        i = span.start - 1
        while i > sent.start and doc[i].lower_ in {"and", "the", "remaining"}:
            i -= 1
        if doc[i].text not in {":", ",", ";"}:
            return None
        for head in self._purpose_after(span, sent):
            if lemma(head) in INSTRUMENTS:
                continue
            ent = self.table.at(head.i)
            project = ent if ent is not None and ent.type == "Project" else self.projects.add_np(head, 0.55)
            if project is not None:
                self.clause_alias(project, head)
                earlier = [f for f in self.facts.fundings if f.sentence.start < sent.start]
                whole = self.table.entities.get(earlier[-1].project) if earlier else None
                if whole is not None and whole is not project:
                    self.facts.relate(project, "partOf", whole, sent, 0.6)  # 'The money will go to three areas: ...'
                return project
        return None

    def _listed_funding(self, sent: Span, amount: AmountMatch, span: Span) -> None:
        """'Key measures include: - A$13.7 billion for a Hydrogen Production Tax Incentive; ...': an amount
        that opens a list item (or follows 'include') and says what it is for, paid by whoever pays for
        the rest of the document's measures."""
        doc = self.doc
        i = span.start - 1
        while i >= sent.start and (doc[i].is_punct or doc[i].is_space or _bullet(doc[i])):
            i -= 1
        opens = i < sent.start or doc[i].lower_ in {"include", "includes", "including", "included", "plus"}
        last = self.facts.fundings[-1] if self.facts.fundings else None
        next_item = (
            not opens
            and doc[i].lower_ in {"and", ","}
            and last is not None
            and last.sentence.start == sent.start
            and last.amount.end <= doc[i].idx
        )  # ': 350 billion won for wafer technology and 250 billion won for a pilot fab': the next item
        if not (opens or next_item):
            return
        project = None
        for head in self._purpose_after(span, sent):
            if lemma(head) in INSTRUMENTS or head.lower_ in {"every", "each"}:
                continue
            ent = self.table.at(head.i)
            project = ent if ent is not None and ent.type == "Project" else self._rest_of_item(head, sent)
            project = project or self.projects.add_np(head, 0.5)
            if project is not None:
                break
        if project is None:
            return
        default = self.default_funder()
        payers = last.funders if next_item and last is not None else [default.key] if default is not None else []
        if not payers:
            return
        year = self._year_near(span, span.root, sent)
        self.facts.fundings.append(FoundFunding(list(payers), project.key, amount, year, sent, 0.5))

    def _rest_of_item(self, head: Token, sent: Span) -> DocEntity | None:
        """'o KRW 620 billion for R&D on ammonia-fuelled engines': a list item's purpose runs to the item's end,
        whatever the parser hung its last phrase on."""
        start, end = head.left_edge.i, sent.end
        while end > start and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space):
            end -= 1
        words = self.doc[start:end]
        if not 2 <= len(words) <= 12 or any(t.ent_type_ == "MONEY" or t.text in {",", ";", ":"} for t in words):
            return None
        if any(self.table.at(t.i) is not None for t in words):
            return None  # names in the item are read on their own
        return self.projects.add(project_name(self.doc, start, end), start, end, 0.5)

    def _gapped_payer(self, span: Span, sent: Span) -> list[DocEntity]:
        """'KDB will provide 6 trillion won, the Export-Import Bank of Korea 5 trillion won and IBK 4 trillion
        won': in a clause whose verb is left out, the organisation right before the amount pays it."""
        doc = self.doc
        k = span.start - 1
        while k > sent.start and doc[k].lower_ in GAP_QUALIFIERS:
            k -= 1  # 'and SanDisk about ¥720 billion'
        if k <= sent.start or self.table.at(k) is None or self.table.at(k).type not in ORG_TYPES:
            return []
        payers = [self.table.at(k)]
        while True:
            while k > sent.start and (self.table.at(k) is payers[-1] or doc[k].text in {"(", ")"}):
                k -= 1
            if doc[k].lower_ == "the":
                k -= 1
            before = self.table.at(k - 1) if doc[k].lower_ == "and" and k - 1 > sent.start else None
            if before is None or before.type not in ORG_TYPES or before in payers:
                break
            payers.append(before)  # 'and Hanwha Ocean and Samsung Heavy 45 billion won each'
            k -= 1
        if doc[k].lower_ not in {",", "and"}:
            return []
        earlier = [a for a in self.amounts if sent.start_char <= a.start < doc[k].idx]
        if earlier and self._received(earlier[-1]):
            return []  # 'X will get 19 billion yen for A, and Y 15 billion yen for B': Y receives, no payer
        return payers[::-1] if earlier else []

    def _received(self, amount: AmountMatch) -> bool:
        """Whether the verb an amount hangs on receives it ('will get 19 billion yen', 'was awarded ...')."""
        span = self.doc.char_span(amount.start, amount.end, alignment_mode="expand")
        tok = span.root if span is not None else None
        for _ in range(4):
            if tok is None or tok.head.i == tok.i:
                return False
            tok = tok.head
            if tok.pos_ in {"VERB", "AUX"}:
                passive_giving = _passive(tok) and lemma(tok) in RECIPIENT_VERBS | {"award", "grant"}
                return lemma(tok) in RECEIVE_VERBS or passive_giving
        return False

    def _payer_right_after(self, span: Span, sent: Span) -> list[DocEntity]:
        """'KRW 5 trillion by the Export-Import Bank of Korea': the organisation named by a 'by' right
        after the amount."""
        k = span.end
        while k < min(sent.end, span.end + 5) and self.doc[k].lower_ != "by":
            if self.doc[k].text in {",", ";"} or self.doc[k].ent_type_ == "MONEY" or self.doc[k].like_num:
                return []
            k += 1  # 'KRW 6 trillion will be provided by KDB'
        if k + 1 >= sent.end or self.doc[k].lower_ != "by":
            return []
        j = k + 1
        while j < sent.end and self.doc[j].lower_ == "the":
            j += 1
        ent = self.table.at(j) if j < sent.end else None
        if ent is None or ent.type not in ORG_TYPES:
            return []
        payers = [ent]  # 'by SK Energy, S-Oil and Korea East-West Power': each one listed, read off the text
        i = j  # (the parser often hangs such lists as appositions and modifiers)
        while True:
            while i < sent.end and self.table.at(i) is payers[-1]:
                i += 1
            gap = i
            while gap < sent.end and self.doc[gap].lower_ in {",", "and"} and gap - i < 2:
                gap += 1
            nxt = self.table.at(gap) if gap < sent.end and gap > i else None
            if nxt is None or nxt.type not in ORG_TYPES or nxt in payers:
                break
            payers.append(nxt)
            i = gap
        return payers

    def _payer_before_for(self, span: Span, sent: Span) -> list[DocEntity]:
        """'Of the 6.2 trillion won, A will account for 2.4 trillion won, B for 1.5 trillion won': the
        organisation right before 'for', or the subject of 'account for'."""
        k = span.start - 1
        if k - 1 < sent.start or self.doc[k].lower_ != "for":
            return []
        prep = self.doc[k]
        if lemma(prep.head) == "account" and prep.head.i == k - 1:
            return [e for s in verb_subjects(prep.head) for e in self.entity_of(s, False) if e.type in ORG_TYPES]
        ent = self.table.at(k - 1)
        return [ent] if ent is not None and ent.type in ORG_TYPES else []

    def _payer_before_bracket(self, span: Span, sent: Span) -> list[DocEntity]:
        """'financed by KDB (1.5 trillion won), the Export-Import Bank of Korea (700 billion won) and lenders
        made up of A, B and C (800 billion won combined)': the organisations right before the bracket."""
        doc = self.doc
        k = span.start - 1
        if k - 1 <= sent.start or doc[k].text != "(":
            return []
        payers: list[DocEntity] = []
        k -= 1
        while k > sent.start:
            ent = self.table.at(k)
            if ent is None or ent.type not in ORG_TYPES or ent in payers:
                break
            payers.append(ent)
            while k > sent.start and self.table.at(k) is ent:
                k -= 1
            while k > sent.start and doc[k].lower_ in {",", "and", "the"}:
                k -= 1
        return payers[::-1]

    def _share_of_funding_list(self, verb: Token, anchor: Token, amount: AmountMatch, span: Span, sent: Span) -> bool:
        """'The line will be funded by a 400 billion won government grant, 500 billion won in loans from KDB
        and 350 billion won in loans from KEXIM': what the passive verb funds takes each share from the payer
        the share itself names. False where the amount is no such share or names no payer."""
        if lemma(verb) not in PAYING_VERBS or not _passive(verb):
            return False
        agent = next((c for c in verb.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "with"), None)
        if agent is None or not any(t.i == agent.i for t in anchor.ancestors):
            return False  # ('funded with SAR7.5 billion of equity from HUMAIN, a SAR6 billion loan from SIDF')
        share = anchor
        while share.dep_ not in {"pobj", "appos", "conj"} and share.head.i != share.i:
            share = share.head  # the amount's own noun: 'won', or the 'grant' the amount prices
        if not (share.dep_ in {"appos", "conj"} or any(c.dep_ in {"appos", "conj"} for c in share.children)):
            return False  # one amount: no list of shares
        payers = self._payers_named_in_share(share)
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if not payers or subject is None:
            return False
        project = self.table.at(subject.i)
        if project is None or project.type != "Project":
            project = self.projects.add_np(subject, 0.55)
        if project is None or project.type != "Project":
            return False
        year = self._year_near(span, span.root, sent)
        self.facts.fundings.append(FoundFunding([e.key for e in payers], project.key, amount, year, sent, 0.65))
        return True

    def _payers_named_in_share(self, share: Token) -> list[DocEntity]:
        """'500 billion won in loans from the Korea Development Bank' (from whom), 'a 400 billion won
        government grant' (whose grant), without reading into the next shares coordinated on it."""
        todo = [share]
        while todo:
            tok = todo.pop()
            for c in tok.children:
                if c.dep_ in {"appos", "conj", "cc", "relcl", "acl"}:
                    continue
                if c.dep_ == "pobj" and tok.lower_ == "from" or c.dep_ == "compound" and tok.i == share.i:
                    ent = self.table.at(c.i)
                    if ent is not None and ent.type == "Project" and _standing_public_fund(ent, self.facts.fundings):
                        ent.type = "GovernmentAgency"  # 'a SAR6 billion loan from the SIDF'
                    if ent is not None and ent.type in ORG_TYPES:
                        return [ent]
                todo.append(c)
        return []

    def _leaders_of(self, project: DocEntity) -> list[str]:
        """The keys of what is said to lead (build, run) the project, first said first."""
        return list(
            dict.fromkeys(r.subject for r in self.facts.relations if r.predicate == "leads" and r.object == project.key)
        )

    def _builders_of(self, project: DocEntity) -> list[DocEntity]:
        """The companies said to lead (build, run) a plant or site."""
        if not set(lemma_key(project.name)) & lx.FACILITY_HEADS:
            return []
        leaders = (self.table.entities.get(k) for k in self._leaders_of(project))
        return [e for e in leaders if e is not None and e.type == "Company"]

    def _payer_from(self, span: Span, sent: Span) -> list[DocEntity]:
        """'300 billion won from Samsung Electronics, 250 billion won from the Korea Development Bank':
        the organisation an amount comes from, named right after it."""
        k = self._after_bracket(span.end, sent, within=len(sent))  # '1.1 trillion won (US$773 million) from KEPCO'
        if k + 2 < sent.end and lemma(self.doc[k]) in INSTRUMENTS and self.doc[k + 1].lower_ == "from":
            k += 1  # 'a 1.2 billion-real loan from BNDES': the lender of the instrument the amount prices
        if k + 1 >= sent.end or self.doc[k].lower_ != "from":
            return []
        source = next((c for c in self.doc[k].children if c.dep_ == "pobj"), None)
        k += 1
        while k < sent.end and self.doc[k].lower_ == "the":
            k += 1
        if k < sent.end and self.doc[k].tag_ == "PRP$":
            return []  # 'with the state adding €270mn from its regional programme': the clause's subject pays
        ent = self.table.at(k) if k < sent.end else None
        if ent is None and source is not None and self.doc[k].pos_ in {"NOUN", "ADJ"}:
            ent = self.table.at(source.i)  # 'from the state lender KfW'
        if ent is None and k + 2 < sent.end and self.doc[k].lower_ in LEVEL_WORDS and self.doc[k + 1].lower_ == "of":
            return self.funder_for(self.doc[k + 2])  # '390 million euros from the state of Rhineland-Palatinate'
        if ent is None or ent.type not in ORG_TYPES:
            return []
        payers = [ent]
        for other in source.conjuncts if source is not None else ():
            named = self.table.at(other.i)  # '500 billion won from the Korea Development Bank and IBK'
            if named is not None and named.type in ORG_TYPES and named not in payers:
                payers.append(named)
        return payers

    def _phase_of(self, obj: Token) -> DocEntity | None:
        """'the third phase of its National Integrated Circuit Industry Investment Fund': the fund."""
        if lemma(obj) not in {"phase", "stage", "round", "part", "tranche", "installment"}:
            return None
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        ent = self.table.at(p.i)
                        if ent is not None and ent.type == "Project":
                            return ent
                        return self.projects.add_np(p, 0.55)
        return None

    def _instrument_project(self, head: Token, sent: Span) -> DocEntity | None:
        """'low-interest loans to shipbuilders' named with its recipients (cut before 'including')."""
        doc = self.doc
        left = min([head.i] + [c.left_edge.i for c in head.lefts if c.dep_ in {"amod", "compound"}])
        right = head.i + 1
        nxt = doc[right] if right < sent.end else None
        if nxt is not None and nxt.lower_ == "to" and right + 1 < sent.end and doc[right + 1].tag_ == "VB":
            nxt = None  # 'RM25 billion in fiscal support to move Malaysia into chip design': a purpose clause
        if nxt is not None and nxt.lower_ in {"to", "for"} and right + 1 < sent.end:
            if doc[right + 1].lower_ in {"it", "them"}:
                # "$5.5 billion in tax credits to it": the project the pronoun stands for
                return self._topic_project(sent) or self.projects.recent(right)
            right = nxt.i + 1
            while (
                right < sent.end
                and doc[right].text not in {",", ".", ";"}
                and doc[right].lower_
                not in {"including", "by", "in", "at", "on", "over", "from", "that", "which", "who"}
                and (doc[right].tag_ not in {"VBN", "VBG", "VBD", "MD"} or doc[right - 1].text == "-")
            ):
                right += 1  # ('hydrogen-based' is one modifier)
            facility = _facility_among(doc[nxt.i + 1 : right])
            if facility is not None:
                # '€620mn in direct aid to a battery cell factory', '... in subsidies for 12 storage battery projects'
                return self.projects.add_np(facility, 0.55)
        name = doc[left:right].text
        return self.projects.add(name, left, right, 0.5) if len(name) > 3 else None

    def _fund_verb(self, anchor: Token, span: Span, sent: Span) -> Token | None:
        """The verb that moves the money: the verb right before the amount ('with the government chipping in
        1 trillion won'), else the nearest ancestor that invests, allocates, goes, includes."""
        if GOAL_AMOUNT.search(self.doc[max(sent.start, span.start - 3) : span.end].text):
            return None  # 'has set a target of $500 billion in annual electronics production': a goal, no money
        for k in range(span.start - 1, max(sent.start, span.start - 5) - 1, -1):
            tok = self.doc[k]
            if tok.pos_ == "VERB":
                if lemma(tok) in lx.FUND_VERBS | lx.MONEY_GO_VERBS | {"add"} and tok.tag_ in {
                    "VBG",
                    "VB",
                    "VBZ",
                    "VBP",
                    "VBD",
                }:
                    return tok  # 'will add a further £40mn for road connections'
                break
            if not (
                tok.pos_ in {"ADP", "PART", "DET", "ADV"}
                or tok.lower_ in {"aside", "up", "out", "nearly", "further", "additional", "extra"}
            ):
                break
        for c in span.root.children:
            if c.dep_ in {"relcl", "acl"} and c.pos_ == "VERB" and lemma(c) in lx.FUND_VERBS | SHARE_VERBS:
                return c  # 'with the remaining 144 billion won to be shouldered by participating companies'
        buyer = _bought_worth(anchor) or _at_a_cost(anchor)
        tok = anchor
        for _ in range(8):
            if tok.head.i == tok.i:
                break
            tok = tok.head
            if span.start <= tok.i < span.end:
                continue
            if tok.pos_ == "VERB" and lemma(tok) in COST_VERBS and tok.dep_ in {"relcl", "acl"}:
                # 'The plant, which will cost / require an investment of €4.1 billion, has been granted ...': a
                # cost said in passing
                return None
            if tok.pos_ in {"VERB", "AUX"} and lemma(tok) in lx.FUND_VERBS | lx.MONEY_GO_VERBS | RECEIVE_VERBS | {
                "unveil",
                *CONSISTING_VERBS,
            }:
                return tok
            if tok.pos_ == "VERB" and lemma(tok) == "add" and any(
                c.dep_ == "dobj" and c.left_edge.i <= anchor.i <= c.right_edge.i for c in tok.children
            ):
                return tok  # 'The state government will add a capital subsidy of ₹300 crore for the project'
            if tok.pos_ == "VERB" and lemma(tok) == "give" and _passive(tok):
                return tok  # 'The project has been given 38 billion won by the ministry': the subject receives
            if (
                tok.pos_ == "VERB"
                and lemma(tok) in SETTING_UP_VERBS | {"run", "operate", "announce"}
                and self._amount_inside_project(anchor, span)
            ):
                # 'will jointly create a 500 billion won fund', 'KHIDI will run a 70 billion won programme': who
                # sets up or runs the fund pays into it
                return tok
            if tok.pos_ == "VERB" and lemma(tok) == "approve" and self._approved_aid(tok, span, sent):
                return tok  # 'the government has approved Rs 7,000 crore in incentives for 12 module makers'
            if tok.pos_ == "VERB" and lemma(tok) in LOAN_VERBS and self._lent_amount(anchor, span):
                # 'NAIF had approved a $200 million loan', 'the LPO closed a $2.5bn loan to X': the lender's
                # commitment
                return tok
            if tok.pos_ == "VERB" and lemma(tok) in SHARE_VERBS and _amount_is_subject(anchor, tok):
                return tok  # '336 billion won will be covered by the government', '... will come from state coffers'
            if tok.pos_ == "VERB" and buyer is not None and buyer.i == tok.i:
                # 'it will order 12 container ships worth 2.6 trillion won', 'plans to buy 50,000 drones by 2027,
                # at a cost of T$14.5 billion': the buyer pays
                return tok
            if tok.pos_ == "VERB" and lemma(tok) == "make" and self._made_available(anchor) is not None:
                return tok  # 'it would make 8 trillion won available for defense export loans'
            if tok.pos_ == "VERB" and lemma(tok) in DEAL_VERBS and _priced_deal(anchor) is not None:
                return tok  # 'the agency signed a $7.2 billion contract for 180 tanks': the buyer pays
        for tok in reversed(self.doc[sent.start : span.start]):
            if tok.pos_ == "VERB" and lemma(tok) in lx.FUND_VERBS | {"go"}:
                return tok
        return None

    def _available_for_or_bought(self, verb: Token, anchor: Token) -> DocEntity | None:
        """What 'make 8 trillion won available for X' pays for (X), and the purchase a signed contract
        prices ('signed a $7.2 billion contract for 180 tanks')."""
        if lemma(verb) == "make" and (available := self._made_available(anchor)) is not None:
            for t in (p for c in available.children if c.lower_ == "for" for p in c.children):
                if (project := self.projects.add_np(t, 0.55)) is not None:
                    return project
        if _at_a_cost(anchor) == verb or _bought_worth(anchor) == verb:
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                left = obj.left_edge.i  # 'order 12 ammonia-ready container ships' (the worth left out)
                return self.projects.add(self.doc[left : obj.i + 1].text, left, obj.i + 1, 0.55)
        deal = _priced_deal(anchor) if lemma(verb) in DEAL_VERBS else None
        return self.projects.add_np(deal, 0.55) if deal is not None else None

    @staticmethod
    def _made_available(anchor: Token) -> Token | None:
        """'make 8 trillion won available (for X)': the word 'available' next to the amount."""
        near = [*anchor.head.children, *anchor.head.head.children] if anchor.head.i != anchor.i else []
        return next((c for c in near if c.lower_ == "available"), None)

    @staticmethod
    def _lent_amount(anchor: Token, span: Span) -> bool:
        """'a $200 million loan', '$1.2 billion in loans': the amount is a loan or a guarantee (what an
        approval commits the approver to), not an aid package a regulator clears."""
        tok = anchor
        for _ in range(4):
            if lemma(tok) in LENDING_NOUNS:
                return True
            if tok.head.i == tok.i:
                break
            tok = tok.head
        return any(lemma(c) in LENDING_NOUNS for t in span for c in t.children if c.dep_ == "pobj")

    @staticmethod
    def _amount_inside_project(anchor: Token, span: Span) -> bool:
        """'a 500 billion won fund', 'a $2 billion plant': the amount modifies a project noun."""
        tok = anchor
        for _ in range(5):
            if not (span.start <= tok.i < span.end):
                break
            if tok.dep_ not in {"compound", "nummod", "nmod", "quantmod", "amod"} or tok.head.i == tok.i:
                return False
            tok = tok.head
        return tok.pos_ == "NOUN" and lemma(tok) in lx.PROJECT_HEADS | lx.FACILITY_HEADS

    def _money_project(self, span: Span, sent: Span) -> DocEntity | None:
        """The project the money is written into: 'a KRW1 trillion fund', 'The KRW 150 trillion "National
        Growth Fund"', 'a semiconductor financial support programme of KRW17 trillion'."""
        doc = self.doc
        i = span.end
        while i < sent.end and (
            doc[i].is_quote
            or doc[i].text in {"(", ")", "$"}
            or doc[i].like_num
            or doc[i].lower_ in SCALE_WORDS
            or doc[i].ent_type_ == "MONEY"
        ):
            if doc[i].text == "(":
                after = self._after_bracket(i, sent, within=8)
                if after == i:
                    break
                i = after
                continue
            i += 1
        if i < sent.end:
            ent = self.table.at(i)
            if ent is not None and ent.type == "Project":
                return ent
            tok = doc[i]
            noun = tok
            while noun.dep_ in {"compound", "amod", "nmod"} and noun.head.i > noun.i:
                noun = noun.head
            if noun.dep_ in {"nsubj", "nsubjpass"} and lemma(noun.head) in RECEIVE_VERBS | {"cost"}:
                return None  # 'The €1.5 billion plant will receive €250 million': a cost, not a commitment
            if (
                noun.dep_ == "appos"
                and self.table.at(noun.head.i) is not None
                and self.table.at(noun.head.i).type == "Project"
            ):
                return self.table.at(noun.head.i)  # appositive: France 2030, a plan

            head = tok
            while head.dep_ in {"compound", "amod", "nmod"} and head.head.i > head.i and head.head.i - i < 6:
                head = head.head
            if (
                lemma(head) in lx.FACILITY_HEADS
                and head.dep_ in {"nsubj", "nsubjpass"}
                and any(c.lower_ == "the" for c in head.children)
            ):
                # 'The 1.3 trillion-won plant will be funded by KOSPO': the plant named before
                named = self._project_named_with(lemma(head), sent.start)
                if named is not None:
                    return named
            if lemma(head) in lx.PROJECT_HEADS and head.pos_ in {"NOUN", "PROPN"}:
                return self.projects.add_np(head, 0.6)
        # '<project noun> of KRW17 trillion'
        j = span.start - 1
        if j > sent.start and doc[j].lower_ == "of":
            noun = doc[j].head
            ent = self.table.at(noun.i)
            if ent is not None and ent.type == "Project":
                return ent
            if lemma(noun) in lx.PROJECT_HEADS:
                return self.projects.add_np(noun, 0.6)
        return None

    def _previous_funding_funders(self, sent: Span, verb: Token) -> list[DocEntity]:
        """'... and another 700 billion won by 2032 for X': the conjunct shares the funder."""
        for f in reversed(self.facts.fundings):
            if f.sentence.start == sent.start:
                return [self.table.entities[k] for k in f.funders if k in self.table.entities]
        return []

    def _of_the_amount(self, sent: Span, amount: AmountMatch) -> FoundFunding | None:
        m = re.search(r"\b[Oo]f the ([^,]{3,40}),", span_text(sent))
        if not m:
            return None
        ref = find_amounts(m.group(1))
        if not ref or abs(sent.start_char + m.start(1) - amount.start) < 3:
            return None
        for f in self.facts.fundings:
            if f.amount.currency == ref[0].currency and abs(f.amount.value - ref[0].value) <= 0.02 * ref[0].value:
                return f
        return None

    def _purpose_after(self, span: Span, sent: Span) -> list[Token]:
        """'KRW 35 trillion for indirect investment', '... won ($35 billion) into research', '700 billion
        won by 2032 for X': the for/into/in/to phrase right after the amount (conversion and year skipped)."""
        doc = self.doc
        i = span.end
        while i < sent.end:
            t = doc[i]
            if t.text == "(":
                close = next((j for j in range(i, min(sent.end, i + 10)) if doc[j].text == ")"), None)
                if close is None:
                    return []
                i = close + 1
                continue
            if t.lower_ in {"by", "in", "until", "through", "over"} and i + 1 < sent.end and year_of(doc[i + 1]):
                i += 2
                continue
            if t.lower_ in {"in", "for"} and i + 2 < sent.end and doc[i + 1].lower_ in {"fiscal", "fy"}:
                i += 3 if year_of(doc[i + 2]) else 2
                continue
            if t.lower_ == "from" and i > span.end and lemma(doc[i - 1]) in INSTRUMENTS:
                lender = next((c for c in t.children if c.dep_ == "pobj"), None)
                named = self.table.at(lender.i) if lender is not None else None
                if named is not None and named.type in ORG_TYPES:
                    # 'a 300 million euro loan from the Ministry of Industry for its plant': past the lender
                    i = next((e for s_, e in named.mentions if s_ <= lender.i < e), lender.i + 1)
                    continue
            if (
                t.lower_
                in {"each", "annually", "a", "per", "year", "over", "the", "next", "years", "through", "until", "from"}
                or t.like_num
                or i == span.end and t.pos_ == "NOUN" and lemma(t) in INSTRUMENTS  # 'a $200 million loan for X'
            ):
                i += 1
                continue
            break
        verb = self._fund_verb(span[0], span, sent)
        preps = {"for", "into", "to", "in", "toward", "towards", "on"}
        if verb is not None and lemma(verb) in RECIPIENT_VERBS:
            preps.discard("to")
        if (
            i + 1 < sent.end
            and doc[i].lower_ == "to"
            and doc[i + 1].tag_ == "VB"
            and lemma(doc[i + 1]) in lx.DOING_VERBS | {"help", "train", "support"}
        ):
            # 'KRW 600 billion to develop AI-based threat detection': the object of the purpose
            objs = [c for c in doc[i + 1].children if c.dep_ == "dobj"]
            for o in objs:
                self.purpose_clause[o.i] = doc[i + 1]
            return objs
        if i < sent.end and doc[i].lower_ in preps:
            return [
                _instrument_purpose(c)
                for c in doc[i].children
                if c.dep_ in {"pobj", "pcomp"}
                and not year_of(c)
                and not _money_source(c)
                and c.ent_type_ not in {"DATE", "MONEY"}
                and (self.table.at(c.i) is None or self.table.at(c.i).type == "Project")
                and not (doc[i].lower_ == "to" and c.pos_ == "PROPN" and self.table.at(c.i) is None)
            ]  # 'a loan to Andes Cathode': money to a name goes to someone, not to a purpose
        return []

    def _year_near(self, span: Span, verb: Token, sent: Span) -> int | None:
        """'in 2026' / 'by 2030' right after the amount or attached to its verb."""
        # right after the amount (and its conversion)
        start = span.end
        if start < sent.end and self.doc[start].text == "(":  # past a stated conversion: '($20.2 billion)'
            start = next((j + 1 for j in range(start, min(sent.end, start + 8)) if self.doc[j].text == ")"), start)
        window = self.doc[start : min(sent.end, start + 14)]
        for i, t in enumerate(window):
            if t.lower_ in {"in", "by", "until", "through"} and i + 1 < len(window):
                year = _deadline_after(window, i + 1)
                if year is not None:
                    return year
            relative = self._relative_year(window, i)
            if relative is not None:
                return relative
            if (
                t.lower_ in {"in", "by"}
                and i + 2 < len(window)
                and window[i + 1].lower_ in {"fiscal", "fy"}
                and year_of(window[i + 2])
            ):
                return year_of(window[i + 2])
            if t.lower_ in {"for", "to", "into", ","} or t.ent_type_ == "MONEY" and i > 3:
                if t.lower_ == "to" and i + 1 < len(window):
                    year = self._year_after_recipient(window[i + 1].i, sent)
                    if year is not None:
                        return year  # '... in subsidies to Rapidus Corp. in fiscal 2024'
                break
        for c in list(verb.children) + list(span.root.children):
            if c.dep_ == "prep" and c.lower_ in {"in", "by", "until", "through"}:
                for p in c.children:
                    if year_of(p):
                        return year_of(p)
                    if p.dep_ == "pobj" and p.lower_ in lx.MONTH_WORDS:  # 'by March 2028'
                        year = next((y for n in p.children if (y := year_of(n))), None)
                        if year is not None:
                            return year
            if c.dep_ == "npadvmod" and c.lower_ == "year" and self.doc_year:
                relative = self._relative_year(self.doc[c.i - 1 : c.i + 1], 0)  # 'will spend X next year'
                if relative is not None:
                    return relative
        return None

    def _year_after_recipient(self, i: int, sent: Span) -> int | None:
        """'to Rapidus Corp. in fiscal 2024': the year right after the organisation the money goes to."""
        recipient = self.table.at(i)
        if recipient is None or recipient.type not in ORG_TYPES:
            return None
        k = i
        while k < sent.end and self.table.at(k) is recipient:
            k += 1
        words = [t.lower_ for t in self.doc[k : min(sent.end, k + 3)]]
        if words[:1] != ["in"] or len(words) < 2:
            return None
        fiscal = words[1] in {"fiscal", "fy"} and len(words) == 3
        return year_of(self.doc[k + 2]) if fiscal else year_of(self.doc[k + 1])

    def _relative_year(self, window: Span, i: int) -> int | None:
        """'next year', 'through the end of next year', 'this year': the year counted from the story's date."""
        if not self.doc_year:
            return None
        k = i
        if window[k].lower_ in {"through", "by", "until", "in"}:
            k += 1
            while k < len(window) and window[k].lower_ in {"the", "end", "of", "first", "second", "half"}:
                k += 1
        if k + 1 < len(window) and window[k + 1].lower_ == "year" and window[k].lower_ in {"next", "this"}:
            return self.doc_year + (1 if window[k].lower_ == "next" else 0)
        return None

    def merge_same_amount_projects(self) -> None:
        """Two fundings of the same amount in one document are one commitment ('$19B' = '$19.1 billion'):
        their projects are one project."""
        fundings = self.facts.fundings
        end = self._headline_end()
        for i, a in enumerate(fundings):
            for b in fundings[i + 1 :]:
                if a.project == b.project or a.sentence.start == b.sentence.start:
                    continue
                # a headline's 'Japan to give Rapidus another ¥590 billion' is the story's ¥590 billion told again
                told_again = a.sentence.start_char < end <= b.sentence.start_char
                if _is_additional(self.text, b.amount) or not told_again and _is_additional(self.text, a.amount):
                    continue
                if _same_money(a.amount, b.amount):
                    pa, pb = self.table.entities.get(a.project), self.table.entities.get(b.project)
                    if pa is None or pb is None:
                        continue
                    keep, drop = (pb, pa) if _better_project_name(pb.name, pa.name) else (pa, pb)
                    self._merge_projects(keep, drop)

    def merge_same_name_projects(self) -> None:
        """Two project entities that name the same thing ('Big Fund' in the headline, 'Big Fund III' in the
        text) become one."""
        projects = [e for e in self.table.entities.values() if e.type == "Project"]
        for i, a in enumerate(projects):
            for b in projects[i + 1 :]:
                if a.key not in self.table.entities or b.key not in self.table.entities:
                    continue
                if any(same_project(x, y) for x in a.all_names() for y in b.all_names()) or _headed_alias(a, b):
                    keep, drop = (b, a) if _better_project_name(b.name, a.name) else (a, b)
                    self._merge_projects(keep, drop)
        self._merge_descriptions_of_named_funds()
        self._merge_definite_descriptions()
        self._merge_descriptions_of_named_programmes()
        self._merge_sites_named_by_their_town()
        self._merge_headline_projects()

    def _drop_headline_targets(self) -> None:
        """'..., targets 36,000 factories by 2035' in a headline: the story states the goal again in full; a
        headline goal with the year and the number (or two words) of a goal of the story is that goal told short:
        one goal, the headline's words kept as another name."""
        end = self._headline_end()
        body = [t.entity for t in self.facts.targets if t.sentence.start_char >= end]

        def told_again(goal: DocEntity) -> DocEntity | None:
            return next(
                (
                    other
                    for other in body
                    if other.year == goal.year
                    and (other.value == goal.value if other.value is not None and goal.value is not None
                         else len(lemma_key(other.name) & lemma_key(goal.name)) >= 2)
                ),
                None,
            )

        kept = []
        for t in self.facts.targets:
            full = told_again(t.entity) if t.sentence.start_char < end else None
            if full is None:
                kept.append(t)
            else:
                full.aliases.add(t.entity.name)  # the headline's short words stay a name of the goal
        self.facts.targets = kept

    def _headline_end(self) -> int:
        """Where the story's body starts: the first line that ends a sentence (the lines before are its
        headline and deck); read once per document."""
        if self.body_start is None:
            self.body_start, pos = 0, 0
            for line in self.text.splitlines(keepends=True):
                if line.rstrip().endswith((".", '"', "”")):
                    self.body_start = pos
                    break
                pos += len(line)
        return self.body_start

    def _merge_headline_projects(self) -> None:
        """'MOTIE to invest KRW 264 billion next year in K-Humanoid follow-up measures' (headline) is the
        'Follow-up Measures for Humanoid Robot Industry Competitiveness' the story names: a project named only
        in the headline that shares its head and two more words with one proper-named project is that one."""
        end = self._headline_end()
        if end == 0:
            return
        projects = [e for e in self.table.entities.values() if e.type == "Project" and e.mentions]
        for p in projects:
            if any(self.doc[m[0]].idx >= end for m in p.mentions) or p.key not in self.table.entities:
                continue
            words = lemma_key(p.name)
            head = next(iter(lemma_key(p.name.split()[-1])), None)
            matches = [
                q for q in projects
                if q is not p and q.key in self.table.entities and _proper_name(q.name)
                and any(self.doc[m[0]].idx >= end for m in q.mentions)
                and head in lemma_key(q.name) and len(words & lemma_key(q.name)) >= 3
            ]
            if len(matches) == 1:
                self._merge_projects(matches[0], p)

    def _merge_definite_descriptions(self) -> None:
        """'W350 billion for 8-inch SiC wafer and device technology' ... 'The SiC project will be led by SK
        siltron' / 'The pilot fab will be operated by KERI': a definite description whose words (less a
        generic head) all belong to one project named before is that project."""
        first: dict[str, int] = {}
        for i, key in sorted(self.table.token_entity.items()):
            first.setdefault(key, i)
        projects = sorted(
            (e for e in self.table.entities.values() if e.type == "Project" and e.key in first),
            key=lambda e: first[e.key],
        )
        for p in projects:
            at = first[p.key]
            opener = self.doc[at - 1] if at else None
            if opener is not None and opener.lower_ not in {"the", "this"}:
                opener = self.doc[at].left_edge  # 'The 290-kilometer (180-mile) line'
            if opener is None or opener.lower_ not in {"the", "this"} or _proper_name(p.name):
                continue
            # 'The 290-kilometer line': a size says nothing that tells two projects apart
            words = {w for w in lemma_key(p.name) - DESCRIPTION_HEADS if not _measure_word(w)}
            if not words:
                continue
            earlier = [
                q for q in projects
                if first[q.key] < at and q.key in self.table.entities and q is not p
                and any(words <= lemma_key(n) for n in q.all_names())
            ]
            if len(earlier) == 1 and p.key in self.table.entities:
                self._merge_projects(earlier[0], p)

    def _merge_sites_named_by_their_town(self) -> None:
        """'a battery cell plant in Bowling Green' ... 'invest $2.4 billion in the Bowling Green site': a site
        named by its town alone is the one facility of the story in that town."""
        projects = [e for e in self.table.entities.values() if e.type == "Project"]
        places = {e.name for e in self.table.entities.values() if e.type == "Place"}
        for d in projects:
            m = TOWN_SITE.fullmatch(d.name)
            if m is None or m.group(1) not in places or d.key not in self.table.entities:
                continue
            town = re.compile(rf"\b(?:in|at|near) (?:the )?{re.escape(m.group(1))}\b")
            sites = [
                p for p in projects
                if p is not d and p.key in self.table.entities and lemma_key(p.name) & lx.FACILITY_HEADS
                and any(town.search(n) for n in p.all_names())
            ]
            if len(sites) == 1:
                self._merge_projects(sites[0], d)

    def _merge_descriptions_of_named_programmes(self) -> None:
        """'a W120 billion voucher program that the ministry rolled out' ... 'The K-Beauty Export Voucher
        program will be funded ...': a described programme whose words all belong to the one named programme
        of the story with its head is that programme (before or after the name)."""
        projects = [e for e in self.table.entities.values() if e.type == "Project"]
        named = [
            p for p in projects
            if (_proper_name(p.name) or p.name[:1].isupper()) and p.name.split()[-1].lower() in PROGRAMME_NAME_HEADS
        ]  # ('K-Beauty Export Voucher program': a name, whatever the case of its head)
        for d in projects:
            if d in named or d.name[:1].isupper() or d.key not in self.table.entities:
                continue
            head = re.split(r"\s+(?:in|at|for|of|to|on|that|which)\s+", d.name.lower())[0].split()[-1:]
            words = {w for w in lemma_key(d.name) - DESCRIPTION_HEADS if not _measure_word(w)}
            if not words or not head or head[0] not in PROGRAMME_NAME_HEADS:
                continue
            owners = [
                p for p in named
                if p.key in self.table.entities and lemma_key(p.name.split()[-1]) == lemma_key(head[0])
                and any(words <= lemma_key(n) for n in p.all_names())
            ]
            if len(owners) == 1:
                self._merge_projects(owners[0], d)

    def _merge_descriptions_of_named_funds(self) -> None:
        """'a 1.5 trillion won fund to help battery makers secure lithium' ... 'the Critical Minerals Supply
        Chain Fund will be financed by ...': with one named fund in the story, 'the fund' described
        without a name is that fund."""
        projects = [e for e in self.table.entities.values() if e.type == "Project"]
        for head in NAMED_BY_HEAD:
            named = [p for p in projects if _proper_name(p.name) and p.name.split()[-1].lower() == head]
            if len(named) != 1:
                continue
            for p in projects:
                first = p.name.split()[0].lower() if p.name else ""
                if p is not named[0] and not _proper_name(p.name) and first in {head, head + "s"}:
                    self._merge_projects(named[0], p)

    def _bare_instruments_to_the_project_before(self) -> None:
        """'The work will be paid for by four backers. ... the Scottish government is providing a £25m grant':
        money written as a bare instrument ('a £25m grant', 'public funding', 'the remaining £35m') pays for
        the project the fundings just before it paid for, not for a project called 'grant'."""
        fundings = self.facts.fundings
        for i, f in enumerate(fundings):
            bare = self.table.entities.get(f.project)
            if bare is None or not _bare_instrument(bare.name):
                continue
            if any(start and self.doc[start - 1].lower_ in {"for", "into", "to", "toward", "towards", "on"}
                   for start, _ in bare.mentions):
                continue  # 'KRW 15 trillion for direct investment': a purpose, not the money's form
            before = next(
                (
                    g
                    for g in reversed(fundings[:i])
                    if g.project != f.project
                    and g.project in self.table.entities
                    and not _bare_instrument(self.table.entities[g.project].name)
                ),
                None,
            )
            if before is None or before.sentence.start < self._sentences_back(f.sentence.start, 2):
                # 'launched the National Chip Strategy, under which the government will allocate RM25 billion in
                # fiscal support': else the plan the same sentence named before the money
                plan = next(
                    (
                        e for e in reversed(self.projects.in_sentence(f.sentence))
                        if e is not bare and _plan_name(e.name)
                        and any(start < self._token_at(f.amount.start) for start, _ in e.mentions)
                    ),
                    None,
                )
                # else the plant or site the story has named before ('Voltera will build the plant. ... KfW will
                # provide €400mn in loans')
                site = plan or self._last_facility(self._token_at(f.amount.start))
                if site is not None and site is not bare:
                    self._merge_projects(site, bare, take_names=False)
                continue
            # (a grant is no other name of the project it pays for)
            self._merge_projects(self.table.entities[before.project], bare, take_names=False)

    def _projects_called(self) -> None:
        """'The plan, called Nova Indústria Brasil (NIB), sets six missions': the name is that of the plan
        'the plan' stands for (known only once the story's programmes are read), not a programme of its own."""
        for tok in tokens_of(self.doc, {"called", "named", "dubbed"}):
            named = self.table.at(tok.i + 1) if tok.i + 1 < len(self.doc) else None
            head = tok.head
            described = self.table.at(head.i) if tok.dep_ == "acl" else None
            if described is None and tok.dep_ == "acl" and any(c.lower_ == "the" for c in head.children) and (
                lx.DESCRIPTOR_TYPES.get(head.lower_) == "Project"
            ):
                described = self.projects.recent(head.i)  # 'The plan': the programme named last
            if (
                named is not None
                and described is not None
                and named is not described
                and named.type == described.type == "Project"
            ):
                self._merge_projects(described, named)

    def _merge_projects(self, keep: DocEntity, drop: DocEntity, take_names: bool = True) -> None:
        if take_names:
            keep.aliases |= set(drop.all_names()) - {keep.name}
        for i, key in list(self.table.token_entity.items()):
            if key == drop.key:
                self.table.token_entity[i] = keep.key
        for f in self.facts.fundings:
            if f.project == drop.key:
                f.project = keep.key
        for r in self.facts.relations:
            if r.subject == drop.key:
                r.subject = keep.key
            if r.object == drop.key:
                r.object = keep.key
        self.facts.relations = [r for r in self.facts.relations if r.subject != r.object]
        for t in self.facts.targets:
            if t.owner == drop.key:
                t.owner = keep.key
        self.table.entities.pop(drop.key, None)

    # ------------------------------------------------------------------ announces / leads
    def announces(self, sent: Span) -> None:
        for tok in sent_verbs(sent):
            lem = lemma(tok)
            if tok.pos_ not in {"VERB"} or lem not in lx.ANNOUNCE_VERBS:
                continue
            if lem == "lay" and not any(c.lower_ == "out" for c in tok.children):
                continue
            if lem in {"hold", "report", "launch"}:
                continue
            subjects: list[DocEntity] = []
            for s in verb_subjects(tok) if tok.dep_ not in {"acl"} else []:
                subjects += [e for e in self._named_together(s) if e.type in ORG_TYPES | {"Person"}]
            agents = [
                e for a in passive_agents(tok) for e in self._named_together(a) if e.type in ORG_TYPES | {"Person"}
            ]
            objects = self._announced_objects(tok) or self._reported_before(tok)
            if tok.dep_ == "acl" and agents:
                head_ent = self.table.at(tok.head.i)
                if head_ent is not None and head_ent.type == "Project":
                    objects.append(head_ent)
                else:
                    p = self.projects.add_np(tok.head, 0.5) if tok.head.pos_ == "NOUN" else None
                    if p is not None:
                        objects.append(p)
            for s in subjects + agents:
                for o in objects:
                    self.facts.relate(s, "announces", o, sent, 0.7)

    def _named_together(self, tok: Token) -> list[DocEntity]:
        """What a subject or agent names, with the names joined to it inside its own phrase: 'The Ministry of
        Trade, Industry and Energy and the Ministry of Employment and Labor unveiled ...' (the parser hangs
        the second ministry on 'Energy')."""
        out = self.entity_of(tok, False)
        first = self.table.at(tok.i)
        if first is None:
            return out
        for t in tok.subtree:
            other = self.table.at(t.i) if t.dep_ == "conj" and self.table.at(t.head.i) is first else None
            if other is not None and other is not first and other not in out and self.table.at(t.i - 1) is not other:
                out.append(other)
        return out

    def _reported_before(self, verb: Token) -> list[DocEntity]:
        """'The government will provide £2 billion through a new X Fund, Business Secretary Y announced today':
        a closing 'Y said / announced' reports the clause before it."""
        if verb.dep_ != "conj" or verb.head.i > verb.i or any(c.dep_ in {"dobj", "ccomp"} for c in verb.children):
            return []
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.left_edge.i == 0 or self.doc[subject.left_edge.i - 1].text != ",":
            return []
        out: list[DocEntity] = []
        for t in self.doc[verb.head.left_edge.i : subject.left_edge.i]:
            ent = self.table.at(t.i)
            if ent is not None and ent.type == "Project" and ent not in out:
                out.append(ent)
        return out

    def _announced_objects(self, verb: Token) -> list[DocEntity]:
        out: list[DocEntity] = []
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                # 'The programme, dubbed "K-AI Chip Leap," was unveiled by MSIT and MOTIE'
                ent = self.table.at(c.i) or _named_by_participle(self.table, c)
                if ent is not None and ent.type == "Project":
                    out.append(ent)
            if c.dep_ in {"dobj"}:
                ent = self.table.at(c.i)
                if ent is not None and ent.type == "Project":
                    out.append(ent)
                    continue
                # 'key projects ... for the AI transformation of the manufacturing sector'
                generic_object = c.lower_ in lx.GENERIC_PROJECT_NOUNS or lemma(c) in lx.PROGRAMME_HEADS
                for p in (list(c.children) + list(verb.children)) if generic_object else []:
                    if p.dep_ == "prep" and p.lower_ == "for":
                        for q in p.children:
                            if q.dep_ == "pobj":
                                e = self.table.at(q.i)
                                if e is None and q.pos_ == "NOUN":
                                    e = self.projects.add_np(q, 0.55)
                                if e is not None and e.type == "Project":
                                    out.append(e)
                if out:
                    continue
                purpose = [
                    x
                    for x in self.doc[c.i + 1 : min(sentence_of(self.doc, verb.i).end, c.i + 30)]
                    if x.tag_ == "VB" and self.doc[x.i - 1].lower_ == "to" and lemma(x) in lx.DOING_VERBS
                ]
                definite = any(
                    d.lower_ in {"the", "this", "that", "its"} for d in c.children if d.dep_ in {"det", "poss"}
                )
                if (
                    lemma(c) in {"plan", "strategy", "roadmap", "programme", "program", "package", "initiative"}
                    and purpose
                    and not definite
                ):
                    clause = self.doc[purpose[0].i - 1 : purpose[0].right_edge.i + 1]
                    cut = [
                        t.i
                        for t in clause
                        if t.dep_ in {"prep"} and t.lower_ in {"during", "at", "on", "in"} and t.head == purpose[0]
                    ]
                    end = min(cut) if cut else clause.end
                    name = f"{c.text} {self.doc[purpose[0].i - 1 : end].text}".strip(" ,.")
                    proj = self.projects.add(name, c.i, c.i + 1, 0.55)
                    if proj is not None:
                        out.append(proj)
                    continue
                if c.lower_ in lx.GENERIC_PROJECT_NOUNS or c.lemma_ in lx.GENERIC_PROJECT_NOUNS:
                    proj = self.projects.add_np(c, 0.55) if not _generic_alone(c) else self.projects.recent(c.i)
                    if proj is not None:
                        out.append(proj)
                    continue
                if lemma(c) in lx.PROGRAMME_HEADS:
                    proj = self.projects.add_np(c, 0.55)
                    if proj is not None:
                        out.append(proj)
                    continue
                # 'announced the investment structure ...': the named project of the sentence
                named = [p for p in self.projects.in_sentence(sentence_of(self.doc, verb.i)) if p.name[:1].isupper()]
                out += named[:1]
            if c.dep_ in {"ccomp"}:
                for t in _own_clause(c):
                    ent = self.table.at(t.i)
                    if ent is not None and ent.type == "Project" and ent not in out:
                        out.append(ent)
                for t in c.subtree:
                    if t.dep_ == "xcomp" and lemma(t) in lx.DOING_VERBS:
                        for o in t.children:
                            if o.dep_ == "dobj":
                                ent = self.table.at(o.i)
                                if ent is not None and ent.type == "Project" and ent not in out:
                                    out.append(ent)
        return out

    def leads(self, sent: Span) -> None:
        toks = doc_tokens(self.doc)
        self._public_founders(sent)
        for tok in sent_verbs(sent):
            lem = lemma(tok)
            if tok.pos_ == "VERB" and lem in lx.LEAD_VERBS:
                if lem == "carry" and not any(c.lower_ == "out" for c in tok.children):
                    continue
                if lem in {"chair", "lead", "head", "run", "helm", "co-chair"} and self._headed_by(tok, sent):
                    continue
                if tok.dep_ in {"acl", "relcl"} and (tok.tag_ == "VBN" or any(c.dep_ == "agent" for c in tok.children)):
                    # 'X led by Y' / 'programme ... managed by Y'
                    agents = self._org_agents(tok)
                    target = self.table.at(_purpose_of_amount(tok.head).i)
                    if target is None or target.type == "Place":
                        target = self._object_before_a_circumstance(tok) or target
                    if target is None and tok.head.pos_ == "NOUN":
                        target = self._project_described(tok.head)  # 'The data platform, to be run by KITECH'
                    if target is None:
                        target = self._group_described(tok.head)  # 'X Consortium, a group of firms headed by Y'
                    if target is None and tok.head.pos_ == "NOUN":
                        target = self.projects.add_np(tok.head, 0.5) if lemma(tok.head) in lx.PROGRAMME_HEADS else None
                    if target is None and agents and lemma(tok.head) in lx.PROGRAMME_HEADS | lx.GENERIC_PROJECT_NOUNS:
                        # 'The scheme, to be implemented by MHI, will provide incentives worth ...'
                        target = next(iter(self.projects.in_sentence(sent)), None)
                    if target is not None and target.type in {"Project", "Alliance"}:
                        for a in agents:
                            self.facts.relate(a, "leads", target, sent, 0.75)
                    continue
                if _passive(tok):
                    # 'The fund, worth 344 billion yuan, will be managed by Huaxin Investment Management'; 'carried
                    # out by KETI together with LX Semicon and Wavice'
                    agents = self._org_agents(tok)
                    agents += [p for p in self._partners(tok) if p not in agents]
                    for sp in (c for c in tok.children if c.dep_ == "nsubjpass"):
                        target = self.table.at(sp.i) or _named_by_participle(self.table, sp)
                        if target is None and lemma(sp) in lx.PROGRAMME_HEADS | lx.GENERIC_PROJECT_NOUNS:
                            target = self.projects.recent(sp.i) or self.projects.add_np(sp, 0.5)
                        if target is None:
                            target = self._project_described(sp)  # 'The pilot line ... will be run by KITECH'
                        if target is not None and target.type in {"Project", "Alliance"}:
                            for a in agents:
                                self.facts.relate(a, "leads", target, sent, 0.7)
                    continue
                subjects = [e for s in verb_subjects(tok) for e in self.entity_of(s, False) if e.type in ORG_TYPES]
                if tok.dep_ == "advcl" and lemma(tok.head) in lx.FOUNDING_VERBS:
                    # 'A, B and C have formed the X Alliance to run a mentoring program': the group runs it
                    formed = [e for c in tok.head.children if c.dep_ == "dobj" for e in self.entity_of(c, False)
                              if e.type in {"Alliance", "Association"}]
                    subjects = formed or subjects
                for o in [c for c in tok.children if c.dep_ == "dobj"]:
                    if tok.dep_ == "relcl" and o.tag_ == "WDT":
                        o = self._antecedent_past_its_place(tok)  # 'the Patnow project in Poland, which KHNP is
                        # pursuing together with ZE PAK'
                    targets: list[DocEntity] = []
                    ent = self.table.at(o.i)
                    if ent is not None and ent.type in {"Project", "Alliance"}:
                        targets.append(ent)
                    elif o.lower_ in lx.GENERIC_PROJECT_NOUNS or lemma(o) in {"effort", "work", "drive"}:
                        targets += self._projects_before(sent, 2)
                    else:
                        p = self.projects.add_np(o, 0.5) if lemma(o) in lx.PROGRAMME_HEADS else None
                        if p is not None:
                            targets.append(p)
                    partners = [p for p in self._partners(tok) if p not in subjects] if targets else []
                    for s in subjects + partners:
                        for t in targets:
                            self.facts.relate(s, "leads", t, sent, 0.7)
        self._builders(sent)
        self._nominal_agents(sent)
        # possessive: "SK hynix's Yongin Cluster"
        for tok in sent_tokens(sent):
            if tok.dep_ == "poss" or (tok.i + 1 < len(self.doc) and toks[tok.i + 1].text in {"'s", "’s"}):
                owner = self.table.at(tok.i)
                head = tok.head if tok.dep_ == "poss" else None
                if head is None or owner is None or owner.type not in ORG_TYPES:
                    continue
                target = self.table.at(head.i)
                if target is None and lemma(head) in lx.FACILITY_HEADS:
                    target = self._project_holding(head)
                if target is None or target.type != "Project" or target is owner:
                    continue
                if owner.type in {"Company", "Organization"} or _proper_name(target.name):
                    # "LPO's Advanced Technology Vehicles Manufacturing Loan Program"; not the ministry's own
                    # 'core initiative' (a description, no project of its own)
                    self.facts.relate(owner, "leads", target, sent, 0.6)

    def _taking_part_through(self, sent: Span) -> None:
        """'A, B and C will take part in the program through a consortium called the K-Green Ship Alliance':
        who takes part through a group is a member of it."""
        for tok in sent_verbs(sent):
            if tok.pos_ != "VERB" or tok.lemma_ not in {"participate", "take"}:
                continue
            if tok.lemma_ == "take" and not any(c.dep_ == "dobj" and c.lower_ == "part" for c in tok.children):
                continue
            groups = [
                ent
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in {"through", "via"}
                for t in c.subtree
                if (ent := self.table.at(t.i)) is not None and ent.type in {"Alliance", "Association"}
            ]
            if not groups:
                continue
            for member in (e for s in verb_subjects(tok) for e in self.entity_of(s, False) if e.type in ORG_TYPES):
                if member is not groups[0]:
                    self.facts.relate(member, "memberOf", groups[0], sent, 0.65)

    def _public_founders(self, sent: Span) -> None:
        """'The ministry launched the K-SDV Alliance', 'the ministry has formed the Carbon Fiber Council with
        14 companies': a public body that sets up a group of others runs it (it does not join it)."""
        for tok in sent_verbs(sent):
            if tok.pos_ != "VERB" or not (lemma(tok) in lx.FOUNDING_VERBS or _sets_up(tok)) or _passive(tok):
                continue
            founders = [
                e for s in verb_subjects(tok) for e in self.entity_of(s, False) if e.type == "GovernmentAgency"
            ]
            for obj in (o for c in tok.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)):
                group = self.table.at(obj.i)
                if group is not None and (
                    group.type == "Alliance"
                    or group.type in {"Organization", "Association"}
                    and obj.lower_ in lx.ALLIANCE_HEADS | {"council", "committee", "force"}  # typed later as alliance
                ):
                    for founder in founders:
                        self.facts.relate(founder, "leads", group, sent, 0.65)

    def _project_holding(self, facility: Token) -> DocEntity | None:
        """The project whose noun phrase ends in `facility`: 'a new production line at Hyosung's
        Changwon plant', 'the expansion of KERI's test center' (the plant's owner carries it out)."""
        prep = facility.head if facility.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in {"at", "of", "in", "for"} or prep.head.pos_ != "NOUN":
            return None
        target = self.table.at(prep.head.i)
        return target if target is not None and target.type == "Project" else None

    def _builders(self, sent: Span) -> None:
        """'SK hynix is constructing four fabs', 'Hyosung is building a plant in Ulsan with Linde': the
        organisation that builds (or develops) a facility or a named project carries it out."""
        for tok in sent_verbs(sent):
            if tok.pos_ == "VERB" and (lemma(tok) in BUILD_VERBS or lemma(tok) == "set") and _passive(tok):
                self._built_by(tok, sent)
                continue
            setters = self._will_set_up(tok) if tok.pos_ == "VERB" else []
            if setters:
                setters += [p for p in self._partners(tok) if p not in setters]
            will = tok.dep_ != "xcomp"  # set up as the main clause says it will, not only planned
            for o in [c for c in tok.children if c.dep_ == "dobj"] if setters else []:
                ent = self.table.at(o.i)
                if ent is not None and not will and not _built_thing(ent):
                    continue  # what is only planned is carried out when it is a site or a name: not 'AI chips'
                for s in setters if ent is not None and ent.type == "Project" else []:
                    self.facts.relate(s, "leads", ent, sent, 0.6)  # 'the ministry will introduce a battery passport'
            if tok.pos_ != "VERB" or not (lemma(tok) in BUILD_VERBS or _sets_up(tok)):
                continue
            subjects = [e for s in verb_subjects(tok) for e in self.entity_of(s, False) if e.type == "Company"]
            if not subjects:
                continue
            partners = self._partners(tok)
            for o in [c for c in tok.children if c.dep_ == "dobj"]:
                ent = self.table.at(o.i)
                if ent is None and lemma(o) in lx.FACILITY_HEADS and any(
                    c.dep_ in {"compound", "amod", "prep", "nmod"} for c in o.children
                ):
                    ent = self.projects.add_np(o, 0.5)  # 'a liquefied hydrogen plant', not 'a plant'
                if ent is None or ent.type != "Project" or not _built_thing(ent):
                    continue
                for s in subjects + partners:
                    self.facts.relate(s, "leads", ent, sent, 0.6)

    def _partners(self, verb: Token) -> list[DocEntity]:
        """The organisations a verb says it acts with: 'with Linde', 'together with Korea Expressway Corp.',
        'in partnership with the Public Investment Fund', 'jointly with KOGAS'."""
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
        preps += [  # 'together with' hangs wherever the parser likes: on the verb, its object, a place
            t
            for t in verb.subtree
            if t.lower_ == "with" and t.i > 0 and t.nbor(-1).lower_ in {"together", "jointly"} and t not in preps
        ]
        if verb.dep_ in {"advcl", "xcomp", "acl"}:  # 'signed an agreement with PIF to set up a joint plant'
            deals = [verb.head] if verb.dep_ == "acl" else [c for c in verb.head.children if c.dep_ == "dobj"]
            preps += [
                c
                for d in deals
                if lemma(d) in DEAL_NOUNS
                for c in d.children
                if c.dep_ == "prep" and c.lower_ == "with"
            ]
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in {"in", "with"}:
                preps += [
                    w
                    for p in c.children
                    if p.dep_ == "pobj" and p.lower_ in {"partnership", "cooperation", "collaboration", "conjunction"}
                    for w in p.children
                    if w.dep_ == "prep" and w.lower_ == "with"
                ]
        return [
            e
            for c in preps
            for p in c.children
            if p.dep_ == "pobj"
            for t in listed(p)
            if (e := self.table.at(t.i)) is not None and e.type in ORG_TYPES  # not 'with support from ERIA'
        ]

    def _nominal_agents(self, sent: Span) -> None:
        """'the construction of a semiconductor factory by Intel in Magdeburg': the organisation after
        'by' carries out the project the noun phrase names."""
        for tok in tokens_of(self.doc, {"by"}, start=sent.start, end=sent.end):
            if tok.dep_ not in {"prep", "agent"} or tok.head.pos_ != "NOUN" or tok.i < 1:
                continue
            project = self.table.at(tok.i - 1)
            if project is None or project.type != "Project":
                continue
            for p in (c for c in tok.children if c.dep_ == "pobj"):
                for t in listed(p):
                    org = self.table.at(t.i)
                    if org is not None and org.type in ORG_TYPES:
                        self.facts.relate(org, "leads", project, sent, 0.6)

    def _built_by(self, verb: Token, sent: Span) -> None:
        """'A humanoid demonstration center will be built in Pohang by KIRIA', 'a "Digital Textile Data
        Platform" ... will be built by KTDI': the agent carries out what is built."""
        agents = self._org_agents(verb)
        if not agents:
            return
        agents += [p for p in self._partners(verb) if p not in agents]
        built = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if verb.dep_ in {"acl", "relcl"} and (
            lemma(verb.head) in lx.FACILITY_HEADS or _is_project(self.table.at(verb.head.i))
        ):
            built.append(verb.head)  # 'a tyre plant to be built by Pirelli in partnership with PIF'
        for sp in built:
            target = self.table.at(sp.i)
            if (
                target is not None
                and target.type == "Company"
                and (cue_type(target.name) is None or target.name.split()[-1].lower() in BUILT_THINGS)
            ):
                target.type = "Project"  # what is built is no company: 'Digital Textile Data Platform'
            buildable = lx.FACILITY_HEADS | lx.PROGRAMME_HEADS | BUILT_THINGS
            if target is None and sp.pos_ == "NOUN" and lemma(sp) in buildable:
                target = self.projects.add_np(sp, 0.55)
            if target is None and sp.pos_ == "NOUN":
                target = self._project_described(sp)  # 'The pilot device will be designed by KFE'
            if target is not None and target.type == "Project":
                for a in agents:
                    self.facts.relate(a, "leads", target, sent, 0.65)

    def _group_described(self, noun: Token) -> DocEntity | None:
        """'the Micro LED Display Consortium, a group of 12 firms headed by AP Systems': the alliance that
        a descriptor (or what it is a group of) stands beside."""
        node = noun
        for _ in range(4):
            if node.dep_ == "appos":
                found = self.table.at(node.head.i)
                return found if found is not None and found.type == "Alliance" else None
            if node.dep_ not in {"pobj", "prep"}:
                return None
            node = node.head
        return None

    def _owned_through_a_stake(self, purposes: list[Token]) -> tuple[DocEntity | None, bool]:
        """'invest 210 billion won for a 15 percent stake in the special purpose company that will own the
        campus': the money pays for what the company in which the stake is bought will own, build or run;
        and whether a stake said what it buys into (then no other project is guessed for the money)."""
        for stake in (h for h in purposes if lemma(h) in {"stake", "share", "interest"}):
            holders = [p for c in stake.children if c.lower_ == "in" for p in c.children if p.dep_ == "pobj"]
            for clause in (c for h in holders for c in h.children if c.dep_ == "relcl"):
                if lemma(clause) not in {"own", "build", "run", "operate", "develop", "hold"}:
                    continue
                for obj in (c for c in clause.children if c.dep_ == "dobj"):
                    named = self.table.at(obj.i) or self._project_described(obj)
                    if named is None and any(c.lower_ in {"the", "this"} for c in obj.children):
                        words = lemma_key(obj.text)  # 'the campus': the last project of that head
                        named = self._last_project(lambda p, w=words: bool(w) and w <= lemma_key(p.name), obj.i)
                    return named if named is not None and named.type == "Project" else None, True
        return None, False

    def _project_described(self, head: Token) -> DocEntity | None:
        """'The pilot line', 'the data platform': a definite description whose words (two at least, less a
        generic head) all belong to a project named before is that project."""
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in head.children):
            return None
        modifiers = [c for c in head.children if c.dep_ in {"compound", "amod"} and c.i < head.i]
        described = lemma_key(" ".join(t.text for t in [*modifiers, head])) - DESCRIPTION_HEADS
        if len(described) < 2:
            return None
        return self._last_project(lambda p: any(described <= lemma_key(n) for n in p.all_names()), head.i)

    def _antecedent_past_its_place(self, relative: Token) -> Token:
        """What a relative clause is about: the noun it hangs on, or the noun before that noun's place
        ('the Patnow project in Poland, which ...')."""
        head = relative.head
        while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in {"NOUN", "PROPN"}:
            ent = self.table.at(head.i)
            if ent is None or ent.type != "Place":
                break
            head = head.head.head
        if _is_project(self.table.at(head.i)):
            return head
        # the parser hung the clause elsewhere ('9 billion euros for the Patnow project in Poland, which'):
        # the words right before the comma say what it is about
        doc, i = self.doc, min(c.i for c in relative.subtree) - 1
        while i > 0 and doc[i].is_punct:
            i -= 1
        place = self.table.at(i)
        while place is not None and place.type == "Place":
            while i > 0 and self.table.at(i - 1) is place:
                i -= 1
            if i < 2 or doc[i - 1].lower_ not in {"in", "at", "near"}:
                return head
            i -= 2
            place = self.table.at(i)
        return doc[i] if _is_project(self.table.at(i)) else head

    def _object_before_a_circumstance(self, relative: Token) -> DocEntity | None:
        """'to open a testing centre in Gimhae in 2027, which will be operated by KIDA': a relative clause
        hung on the date or place of a clause is about that clause's object."""
        anchor = relative.head
        if anchor.dep_ != "pobj" or anchor.head.dep_ != "prep" or anchor.head.head.pos_ != "VERB":
            return None
        if not (anchor.ent_type_ in {"DATE", "Place"} or anchor.like_num):
            return None
        objects = [c for c in anchor.head.head.children if c.dep_ == "dobj"]
        found = self.table.at(objects[0].i) if objects else None
        return found if _is_project(found) else None

    def _plan_named_next(self, sent: Span) -> DocEntity | None:
        """The plan, strategy or programme named by its proper name in the sentence after this one."""
        if sent.end >= len(self.doc):
            return None
        for t in sentence_of(self.doc, sent.end):
            ent = self.table.at(t.i)
            if ent is not None and ent.type == "Project" and _proper_name(ent.name) and (
                norm(ent.name).split()[-1] in {"strategy", "plan", "program", "programme", "roadmap", "initiative"}
            ):
                return ent
        return None

    def _main_project(self) -> DocEntity | None:
        best = None
        for f in self.facts.fundings:
            if best is None or (f.amount.currency == best.amount.currency and f.amount.value > best.amount.value):
                best = f
        if best is None:
            return None
        return self.table.entities.get(best.project)

    def _headed_by(self, verb: Token, sent: Span) -> bool:
        """'the Union Cabinet chaired by Prime Minister X', 'which will be chaired by Minister X',
        'The company is led by chief executive X': the person heads the organisation."""
        people = [e for a in passive_agents(verb) for e in self.entity_of(a, False) if e.type == "Person"]
        if not people:
            return False
        if verb.dep_ in {"acl", "relcl"}:
            target_tok = verb.head
        else:
            subj = [c for c in verb.children if c.dep_ in {"nsubjpass", "nsubj"}]
            if not subj:  # 'It is co-chaired by X', parsed 'is (co-)(chaired)' or 'It (will be) (co) chaired'
                subj = [t for t in verb.doc[max(0, verb.i - 6) : verb.i] if t.dep_ in {"nsubjpass", "nsubj"}
                        and _reaches(t.head, verb, 3)][-1:]
            target_tok = subj[0] if subj else None
        if target_tok is not None and target_tok.lower_ in {"which", "that", "who"}:
            target_tok = verb.head.head if verb.dep_ == "relcl" else target_tok
        org = self.entity_of(target_tok, False) if target_tok is not None else []
        if verb.dep_ == "relcl" and not org:
            org = self.entity_of(verb.head, False)
        orgs = [o for o in org if o.type in ORG_TYPES]
        if not orgs:
            return False
        for person in people:
            role = self._role_before(person)
            self.facts.relate(person, "headOf", orgs[0], sent, 0.75, role or lemma(verb))
        return True

    def _role_before(self, person: DocEntity) -> str | None:
        for start, _end in person.mentions:
            words = []
            i = start - 1
            while i >= 0 and self.doc[i].lower_ in lx.TITLE_WORDS:
                words.insert(0, self.doc[i].text)
                i -= 1
            if words:
                return " ".join(words)
        return None

    def _projects_before(self, sent: Span, n_sentences: int) -> list[DocEntity]:
        out: list[DocEntity] = []
        start = sent.start
        sents = [s for s in sentences(self.doc) if s.start < start][-n_sentences:]
        for s in sents + [sent]:
            for p in self.projects.in_sentence(s):
                if p not in out:
                    out.append(p)
        return out

    # ------------------------------------------------------------------ members
    def members(self, sent: Span) -> None:
        """'<alliance> ... including A, B and C' and 'A joined <alliance>'."""
        self._taking_part_through(sent)
        alliances = self._group_of_its_members(sent) or [
            ent
            for ent in (self.table.at(i) for i in range(sent.start, sent.end) if i in self.table.token_entity)
            if ent is not None and (ent.type in {"Alliance", "Association"} or _named_team(ent))
        ]
        if alliances:
            group = alliances[0]
            self._fronted_members(sent, group)
            self._founders(sent, group)
            self._counted_founders(sent, group)
            mentioned = [t.i for t in sent_tokens(sent) if self.table.at(t.i) is group]
            first_mention = min(mentioned) if mentioned else sent.start  # (the group may be named before)
            for tok in sent_tokens(sent):
                nxt = self.doc[tok.i + 1].lower_ if tok.i + 1 < sent.end else ""
                lists_members = (
                    tok.lower_ in MEMBER_LIST_WORDS
                    or tok.lower_ in {"made", "composed", "consisting", "consists", "consist"} and nxt in {"up", "of"}
                    # 'groups A, B and C', 'brings together A, B and C': the group's verb lists its members
                    or (
                        tok.pos_ == "VERB"
                        and (lemma(tok) in lx.MEMBER_VERBS - {"join", "bring", "consist"} or nxt == "together")
                        and any(group in self.entity_of(s, False) for s in verb_subjects(tok))
                    )
                )  # 'made up of A, B and C', 'comprising A, B and C'
                if lists_members and tok.i > first_mention:
                    found: list[tuple[DocEntity, Token]] = []
                    for t in self.doc[tok.i + 1 : sent.end]:
                        ent = self.table.at(t.i)
                        if t.text in {".", ";"} or t.lower_ in {"while", "whereas"}:
                            break  # '..., while the Upstage team groups ...': another clause, another group
                        if ent is None and t.tag_ in {"MD", "VBZ", "VBD", "VBP"} and t.i > tok.i + 1:
                            # '..., and will be chaired by KOMSA', '..., and the ADB will lend ...': the list ended;
                            # a name right before the verb is its subject
                            if found and found[-1][1].i == t.i - 1 and found[-1][1].dep_ == "conj":
                                subject = found[-1][0]
                                found = [f for f in found if f[0] is not subject]
                            break
                        for counted in self._counted_reference(t) if ent is None else []:
                            self._add_member(counted, group, sent, 0.65)  # 'made up of the three shipbuilders'
                        if ent is None or ent.type not in ORG_TYPES or ent is group:
                            continue
                        if not _owner_of_parts(t, self.table):
                            found.append((ent, t))
                    for ent, _ in found:
                        self._add_member(ent, group, sent, 0.75)
        # 'X, a member of Y' / 'X is a member of Y'
        for tok in tokens_of(self.doc, {"member", "members"}, start=sent.start, end=sent.end):
            groups = [
                self.table.at(p.i)
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
            ]
            group = groups[0] if groups else None
            if group is None or group.type not in ORG_TYPES:
                continue
            owners: list[DocEntity] = []
            if tok.dep_ == "appos":
                owners = [e for t in listed(tok.head) for e in self.entity_of(t, False)]  # 'A and B, both members'
            elif tok.dep_ in {"attr"}:
                owners = [e for s in verb_subjects(tok.head) for e in self.entity_of(s, False)]
            for e in owners:
                if e.type in ORG_TYPES and e is not group:
                    self.facts.relate(e, "memberOf", group, sent, 0.75)
        for tok in sent_verbs(sent):
            if lemma(tok) in {"join"} and tok.pos_ == "VERB":
                objs = [c for c in tok.children if c.dep_ == "dobj"]
                subs = verb_subjects(tok)
                for o in objs:
                    group = self.table.at(o.i)
                    if group is None or group.type not in ORG_TYPES:
                        continue
                    for s in subs:
                        for e in self.entity_of(s, False):
                            if e.type in ORG_TYPES and group.type in {"Alliance", "Association"}:
                                self.facts.relate(e, "memberOf", group, sent, 0.7)

    def _group_of_its_members(self, sent: Span) -> list[DocEntity]:
        """'The ministry also launched the K-Beauty Global Council. Its members include ...': the group
        named in the two sentences before."""
        if not any(t.lower_ == "members" and any(c.lower_ in {"its", "their"} for c in t.children)
                   for t in tokens_of(self.doc, {"members"}, start=sent.start, end=sent.end)):
            return []
        found = [
            ent
            for i in range(sent.start - 1, self._sentences_back(sent.start, 2) - 1, -1)
            for ent in [self.table.at(i)]
            if ent is not None and (ent.type in {"Alliance", "Association"} or _named_team(ent))
        ]  # an alliance before the association that runs it ('the X Alliance, run by the KDIA')
        return [next((e for e in found if e.type != "Association"), found[0])] if found else []

    def _add_member(self, ent: DocEntity, group: DocEntity, sent: Span, confidence: float) -> None:
        if _named_team(group):
            group.type = "Alliance"  # 'the UAM Future Team, made up of KT, Hyundai Motor Company, ...'
        self.facts.relate(ent, "memberOf", group, sent, confidence)

    def _fronted_members(self, sent: Span, group: DocEntity) -> None:
        """'Made up of KHNP, Doosan Enerbility and Samsung C&T, the i-SMR Export Alliance will ...'."""
        words = [t.lower_ for t in self.doc[sent.start : sent.start + 3]]
        if not (words[:3] == ["made", "up", "of"] or words[:1] in (["comprising"], ["consisting"])):
            return
        for t in self.doc[sent.start : sent.end]:
            ent = self.table.at(t.i)
            if ent is group:
                break
            if ent is not None and ent.type in ORG_TYPES and (t.i == 0 or self.table.at(t.i - 1) is not ent):
                self._add_member(ent, group, sent, 0.7)

    def _counted_founders(self, sent: Span, group: DocEntity) -> None:
        """'The four companies formed the "K-HVDC Supply Chain Consortium" in June': the last four
        organisations named before are its members."""
        for tok in tokens_of(self.doc, lemmas=lx.FOUNDING_VERBS | {"set"}, start=sent.start, end=sent.end):
            if _passive(tok):
                continue
            if not any(self.table.at(c.i) is group for c in tok.children if c.dep_ == "dobj"):
                continue
            for sub in (c for c in tok.children if c.dep_ == "nsubj"):
                for ent in self._counted_reference(sub):
                    if ent is not group:
                        self._add_member(ent, group, sent, 0.6)

    def _founders(self, sent: Span, group: DocEntity) -> None:
        """'the PIM-NPU Consortium, which was formed last year by Samsung Electronics, SK hynix and KAIST'."""
        for tok in tokens_of(self.doc, lemmas=lx.FOUNDING_VERBS, start=sent.start, end=sent.end):
            if not _passive(tok):
                self._active_founders(tok, group, sent)
                continue
            subjects = [e for s in verb_subjects(tok) for e in self.entity_of(s, False)]
            if group not in subjects:
                continue
            for e in self._org_agents(tok):
                if e is not group:
                    self._add_member(e, group, sent, 0.7)

    def _active_founders(self, verb: Token, group: DocEntity, sent: Span) -> None:
        """'Four drugmakers -- A, B, C and D -- have formed the X Alliance', 'A and B formed X': the businesses
        and institutes that form a group are its members (a ministry that launches one is not)."""
        if lemma(verb) not in {"form", "found", "create", "establish"} or not any(
            group in self.entity_of(c, False) for c in verb.children if c.dep_ == "dobj"
        ):
            return
        for subject in verb_subjects(verb):
            named = self.entity_of(subject, False) or [  # 'Four drugmakers -- A, B, ...': the names apposed
                e for a in subject.children if a.dep_ == "appos" for t in (a, *a.conjuncts)
                for e in self.entity_of(t, False)
            ]
            for ent in named:
                if ent is not group and ent.type in {"Company", "Organization", "Association"}:
                    self._add_member(ent, group, sent, 0.7)

    # ------------------------------------------------------------------ locatedIn
    def _spanning(self, verb: Token, sent: Span) -> None:
        """'The Pacific Northwest Hydrogen Hub, spanning Washington, Oregon and Montana, ...': a project or body
        spanning places is in each of them."""
        if verb.dep_ not in {"acl", "relcl", "ROOT"} or verb.pos_ != "VERB":
            return
        owner = self.table.at(verb.head.i) if verb.dep_ != "ROOT" else None
        if owner is None:
            owner = next((e for s in verb_subjects(verb) for e in self.entity_of(s, False)), None)
        if owner is None or owner.type not in ORG_TYPES | {"Project"}:
            return
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            for tok in coordinated(obj):
                place = self.place_at.get(tok.i)
                if place is not None and place is not owner:
                    self.facts.relate(owner, "locatedIn", place, sent, 0.6)

    def located(self, sent: Span) -> None:
        doc = self.doc
        for home in tokens_of(doc, {"home"}, (), sent.start, sent.end):
            self._home_to(home, sent)
        for spanning in tokens_of(doc, (), {"span", "straddle"}, sent.start, sent.end):
            self._spanning(spanning, sent)
        pairs: dict[int, int] | None = None  # the sentence's place chains, read once when a place appears
        framing = self._framing_place(sent)
        for tok in sent_tokens(sent):
            place = self.place_at.get(tok.i)
            if place is None:
                continue
            if tok.i > sent.start and self.place_at.get(tok.i - 1) is place:
                continue
            end = tok.i
            while end < sent.end and self.place_at.get(end) is place:
                end += 1
            if pairs is None:
                pairs = self._place_pair_starts(sent)
            for inside in self._placed_by_name(sent, tok.i, end, place):
                self.facts.relate(inside, "locatedIn", place, sent, 0.6)
            if end + 2 < sent.end and doc[end].text == "-" and doc[end + 1].lower_ in lx.BASED_WORDS:
                j = end + 2
                while j < min(sent.end - 1, end + 6) and self.table.at(j) is None and (
                    doc[j].is_lower or doc[j].text == "-"
                ):
                    j += 1  # 'the Bristol-based investment group Avonmouth Capital', 'Berlin-based think-tank X'
                based = self.table.at(j)  # 'Hwaseong-based Wavice'
                if based is None or based.type not in ORG_TYPES:
                    based = self._described_before(sent, tok.i)  # 'KAT, a Daejeon-based maker of wires'
                if based is not None and based.type in ORG_TYPES:
                    self.facts.relate(based, "locatedIn", place, sent, 0.7)
            k = tok.i - 1
            while k > sent.start and doc[k].lower_ in {"the", "south", "north", "central"}:
                k -= 1
            if k - 1 > sent.start and doc[k].lower_ == "in" and doc[k - 1].lower_ in SITUATED_WORDS:
                org = self._described_before(sent, k - 1)  # 'KISA, which is based in Naju,', 'X, an agency based in Y'
                if org is not None and org.type in ORG_TYPES:
                    self.facts.relate(org, "locatedIn", place, sent, 0.7)
                elif org is None and doc[k - 1].dep_ == "ROOT":
                    # 'The centre is located in the Hòa Lạc Hi-Tech Park', 'The fund is registered in Beijing'
                    for sub in verb_subjects(doc[k - 1]):
                        for ent in self.entity_of(sub, False):
                            if ent.type in ORG_TYPES | {"Project"} and ent is not place:
                                self.facts.relate(ent, "locatedIn", place, sent, 0.65)
            # 'Haenam-gun, Jeollanam-do' / 'Yeouido, Yeongdeungpo-gu, Seoul': a place in the next one
            if framing is not None and place is not framing[0] and tok.i > framing[1]:
                self._in_the_framing_place(place, framing[0], sent)
            if end + 1 < sent.end and doc[end].text in {",", "("} and tok.i in pairs and (
                framing is None or tok.i > framing[1] or end + 1 < framing[1]  # 'In Kedah, the Kulim Park'
            ):
                nxt = self.place_at.get(end + 1)  # 'its Martorell (Barcelona) plant' too
                if (
                    nxt is not None
                    and nxt is not place
                    and place.name not in lx.COUNTRIES
                    and not (nxt.name.endswith("-gun") and not place.name.endswith(LOCAL_SUFFIXES))
                ):  # 'Ulsan, Haenam-gun and Pohang': a city is not in a county
                    self.facts.relate(place, "locatedIn", nxt, sent, 0.7)
            comma_in = end + 2 < sent.end and doc[end].text == "," and doc[end + 1].lower_ == "in"
            if end + 1 < sent.end and (doc[end].lower_ == "in" or comma_in) and place.name not in lx.COUNTRIES:
                k = end + 2 if comma_in else end + 1
                while k < sent.end - 1 and doc[k].is_lower and (doc[k].pos_ == "ADJ" or doc[k].lower_ == "the"):
                    k += 1  # 'Jamsil in southeastern Seoul', 'Virginia in the United States'
                k = _after_level_of(doc, k, sent.end)  # 'Itajaí, in the southern state of Santa Catarina'
                region = self.place_at.get(k)  # 'Haenam-gun in Jeollanam-do', 'Pohang in Gyeongsangbuk-do'
                if (
                    region is not None
                    and region is not place
                    and (not comma_in or self._ends_clause(k, region, sent))
                ):  # 'Thoothukudi in Tamil Nadu', 'At Daesan, in South Chungcheong Province,'
                    self.facts.relate(place, "locatedIn", region, sent, 0.65)
            k = tok.i - 1
            if k > sent.start and doc[k].lower_ == "in":
                j = self._before_bracket(k - 1, sent)  # 'the Korea Textile Development Institute (KTDI) in Daegu'
                org = self.table.at(j) if j >= sent.start else None
                if (
                    org is not None
                    and org.type in {"GovernmentAgency", "Organization", "Association"}
                    and place.name not in lx.COUNTRIES
                ):
                    self.facts.relate(org, "locatedIn", place, sent, 0.6)
            # 'X in <place>' where X is a project or an organisation (or its head office)
            before = _before_level_of(doc, tok.i, sent.start) - 1  # 'a plant in the US state of Michigan'
            while before > sent.start and (
                doc[before].lower_ in {",", "and", "or"}
                or self.table.at(before) is not None
                and self.table.at(before).type == "Place"
            ):
                before -= 1  # 'in Clay, New York, and Boise, Idaho': Boise is 'in' too
            if (
                before >= sent.start
                and doc[before].lower_ in {"in", "at", "on"}
                and (doc[before].lower_ != "on" or doc[before].head.lower_ in SITES)  # 'its yard on Geoje Island'
                and tok.i not in pairs.values()
            ):
                prep = doc[before]
                head = prep.head
                owner = self.table.at(head.i)
                if (
                    owner is None
                    and head.pos_ == "VERB"
                    and lemma(head) in {"build", "establish", "construct", "set", "open", "locate", "develop",
                                        *EXPANDING_VERBS}
                ):
                    objs = [c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}]
                    owner = self.table.at(objs[0].i) if objs else None
                    owner = owner if owner is not None and owner.type == "Project" else None
                if owner is None and head.dep_ == "appos" and head.pos_ == "NOUN" and head.head.i != head.i:
                    described = self.table.at(head.head.i)  # 'Daeil Precision, a parts maker in Changwon'
                    owner = described if described is not None and described.type in ORG_TYPES else None
                if owner is None and before - 1 > sent.start and lemma(doc[before - 1]) in DESCRIBING_NOUNS:
                    # 'IMR, a government-funded research body in Daejeon', "42dot, HMG's software center in Seoul"
                    described = self._apposed_to(sent, before - 1)
                    owner = described if described is not None and described.type in ORG_TYPES else None
                if owner is None and lemma(head) in {"office", "headquarters", "campus", "plant", "site"}:
                    for c in head.children:
                        if c.dep_ == "poss" and c.pos_ != "PRON":
                            owner = self.table.at(c.i)
                        elif c.dep_ == "poss":  # 'its plants': whose, as its clause says
                            owner = next(iter(self._pronoun_owners(head)), None)
                if owner is None and head.lower_ in SITES:
                    named = [self.table.at(c.i) for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"]
                    if named and named[0] is not None and named[0].type == "Company":
                        owner = named[0]  # "LG Electronics' home appliance factory in Changwon"
                    for o in self._pronoun_owners(head) if owner is None else []:
                        if o is not place:  # 'carried out by KATECH at its centers in Cheonan and Gwangju'
                            self.facts.relate(o, "locatedIn", place, sent, 0.6)
                    verb = head.head
                    while verb.dep_ == "xcomp" and verb.tag_ == "VBG":
                        verb = verb.head  # 'operates recycling plants', read as 'operates recycling (plants)'
                    if owner is None and head.dep_ == "dobj" and lemma(verb) in OPERATING_VERBS:
                        # 'SungEel HiTech, which operates recycling plants in Gunsan', 'runs a cathode plant in Gumi'
                        subjects = [verb.head] if verb.dep_ == "relcl" else verb_subjects(verb)  # 'X, which operates'
                        owner = next((e for s in subjects for e in self.entity_of(s, False)), None)
                        owner = owner if owner is not None and owner.type == "Company" else None
                if owner is not None and owner.type in {"Project"} | ORG_TYPES and owner is not place:
                    self.facts.relate(owner, "locatedIn", place, sent, 0.6)
            if end < sent.end and doc[end].lower_ in SITES and doc[end - 1].head.i == end:
                self._owner_of_named_site(doc[end], place, sent)  # "Hanwha Ocean's Geoje shipyard"
        if framing is not None:
            self._projects_in_the_framing_place(sent, framing[0])
        # 'The hubs will be established in 11 countries ..., including A, B and C'
        for tok in sent_verbs(sent):
            if (
                lemma(tok) in {"establish", "build", "locate", "set", "open", "construct", "base", "install"}
                and tok.pos_ == "VERB"
            ):
                subj = [s for s in verb_subjects(tok)]
                projects = [e for s in subj for e in self.entity_of(s, False) if e.type == "Project"]
                if not projects:
                    continue
                for t in tok.subtree:
                    ent = self.table.at(t.i)
                    if ent is not None and ent.type == "Place":
                        for p in projects:
                            self.facts.relate(p, "locatedIn", ent, sent, 0.65)

    def _framing_place(self, sent: Span) -> tuple[DocEntity, int] | None:
        """'In Penang, ...', 'At Daesan, ...': a region or city a sentence opens with frames what it says
        (returned with the index of the comma that closes it). A country frames nothing that counts."""
        doc = self.doc
        if len(sent) < 4 or doc[sent.start].lower_ not in {"in", "at"}:
            return None
        k = sent.start + 1
        while k < sent.end and doc[k].lower_ == "the":
            k += 1
        place = self.place_at.get(k)
        if place is None or place.name in lx.COUNTRIES:
            return None
        while k < sent.end and self.place_at.get(k) is place:
            k += 1
        while k + 1 < sent.end and doc[k].text == ",":  # 'In Yeosu, South Jeolla Province, ...': a chain
            j = k + 2 if doc[k + 1].lower_ == "in" else k + 1
            nxt = self.place_at.get(j)
            while nxt is not None and j < sent.end and self.place_at.get(j) is nxt:
                j += 1
            if nxt is None or j >= sent.end or doc[j].text != ",":
                break  # ('In Kedah, the Kulim Hi-Tech Park will ...': the park is what the sentence is about)
            k = j
        return (place, k) if k < sent.end and doc[k].text == "," else None

    def _in_the_framing_place(self, place: DocEntity, framing: DocEntity, sent: Span) -> None:
        """'In Kedah, the Kulim Hi-Tech Park will be expanded', 'In the North East, ... a pilot line in Sunderland':
        a site the framed sentence names lies in the framing place, and so does any place in a framing region."""
        site = place.name.endswith(lx.SITE_NAME_HEADS)  # 'Kulim Hi-Tech Park'; 'Ulsan' is no part of Yeosu
        regional = framing.name.endswith(lx.REGION_SUFFIXES) or is_region_name(framing.name)
        if place.type == "Place" and place.name not in lx.COUNTRIES and (site or regional):
            self.facts.relate(place, "locatedIn", framing, sent, 0.55)

    def _projects_in_the_framing_place(self, sent: Span, framing: DocEntity) -> None:
        """'In Penang, ... RM3 billion for a second phase of the Batu Kawan Industrial Park': a site or facility
        project the framed sentence names with no place of its own lies in the framing place."""
        placed = {r.subject for r in self.facts.relations if r.predicate == "locatedIn"}
        for p in self.projects.in_sentence(sent):
            sited = set(lemma_key(p.name)) & (lx.FACILITY_HEADS | {h.lower() for h in lx.SITE_NAME_HEADS})
            if p.key not in placed and sited and not any(PLACE_IN_NAME.search(n) for n in p.all_names()):
                self.facts.relate(p, "locatedIn", framing, sent, 0.55)

    def _placed_by_name(self, sent: Span, start: int, end: int, place: DocEntity) -> list[DocEntity]:
        """What the text places in `place` by naming the two together: 'China's Zhejiang Huayou Cobalt',
        'Seoul's Gangnam district', 'Powerchip Semiconductor Manufacturing Corp of Taiwan', 'US companies
        Tesla and Figure AI'."""
        doc = self.doc
        out: list[DocEntity] = []

        def named(i: int) -> DocEntity | None:
            ent = self.table.at(i) if sent.start <= i < sent.end else None
            return ent if ent is not None and ent is not place and ent.type in ORG_TYPES | {"Place"} else None

        country = place.name in lx.COUNTRIES
        if end + 1 < sent.end and doc[end].text in {"'s", "’s"}:
            k = end + 1
            while k < min(sent.end, end + 4) and doc[k].is_lower and doc[k].pos_ in {"ADJ", "NOUN"}:
                k += 1  # "China's battery maker CATL"
            ent = named(k)
            if ent is not None and (country or ent.type == "Place") and self.table.at(k - 1) is not ent:
                out.append(ent)
        if country and start >= sent.start + 2 and doc[start - 1].lower_ == "of":
            ent = named(start - 2)
            if ent is not None and ent.type in {"Company", "Organization", "Association"}:
                out.append(ent)
        k = end
        while k < min(sent.end, end + 3) and doc[k].is_lower and doc[k].pos_ in {"ADJ", "NOUN"}:
            k += 1
        if country and k > end and lx.DESCRIPTOR_TYPES.get(doc[k - 1].lemma_.lower()) == "Company":
            # 'US companies Tesla and Figure AI', 'Chinese biotech companies such as WuXi AppTec'
            while k < sent.end:
                ent = named(k)
                if ent is not None and ent.type in {"Company", "Organization"}:
                    out.append(ent)
                    while k < sent.end and self.table.at(k) is ent:
                        k += 1
                elif doc[k].lower_ in {",", "and", "such", "as", "like"}:
                    k += 1
                else:
                    break
        return out

    def _home_to(self, home: Token, sent: Span) -> None:
        """'Naju is home to KEPCO', 'Geoje, South Gyeongsang Province, home to the shipyards of Hanwha Ocean
        and Samsung Heavy Industries': what a place is home to (or whose sites it is home to) is there."""
        to = next((c for c in home.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        if to is None:
            return
        if home.dep_ in {"attr", "advmod", "npadvmod"} and lemma(home.head) in {"be", "remain"}:
            place = next((e for s in verb_subjects(home.head) for e in self.entity_of(s, False)), None)
        elif home.i > sent.start and self.doc[home.i - 1].text == ",":  # (the parser hangs this 'home' anywhere)
            k = home.i - 1
            while k >= sent.start and (self.doc[k].text == "," or self.place_at.get(k) is not None):
                k -= 1  # 'Geoje, South Gyeongsang Province, home to': the first place of the chain
            place = next((self.place_at[j] for j in range(k + 1, home.i) if j in self.place_at), None)
        else:
            return
        if place is None or place.type != "Place":
            return
        for obj in (c for c in to.children if c.dep_ == "pobj"):
            if obj.lower_ in SITES or lemma(obj) in {"headquarters", "site", "shipyard", "yard", "plant"}:
                obj = next(  # 'the shipyards of A and B', "Taeyang Motor's largest plant"
                    (p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                     if p.dep_ == "pobj"),
                    next((c for c in obj.children if c.dep_ == "poss" and c.pos_ != "PRON"), obj),
                )
            for tok in (obj, *obj.conjuncts):
                for ent in self.entity_of(tok, False):
                    if ent.type in ORG_TYPES or ent.type == "Project":
                        self.facts.relate(ent, "locatedIn", place, sent, 0.65)

    def _owner_of_named_site(self, site: Token, place: DocEntity, sent: Span) -> None:
        """"Hanwha Ocean's Geoje shipyard", 'its Ulsan yard': the company whose site a place names is there."""
        for c in site.children:
            if c.dep_ != "poss":
                continue
            owners = [self.table.at(c.i)] if c.pos_ != "PRON" else self._pronoun_owners(site)
            for owner in owners:
                if owner is not None and owner.type == "Company":
                    self.facts.relate(owner, "locatedIn", place, sent, 0.6)
        verb = site.head.head if site.dep_ == "pobj" and site.head.lower_ in {"at", "in"} else None
        if verb is not None and verb.pos_ == "VERB" and lemma(verb) in BUILDING_VERBS | {"install", "deploy"}:
            for obj in (c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}):
                built = self.table.at(obj.i)  # 'will build the digital twin at its Ulsan yard'
                if built is not None and built.type == "Project":
                    self.facts.relate(built, "locatedIn", place, sent, 0.6)

    def _place_pair_starts(self, sent: Span) -> dict[int, int]:
        """Token indexes of places that lie in the place after them. 'Yeouido, Yeongdeungpo-gu, Seoul'
        is a chain (each in the next); 'Delhi, Mumbai and Chennai' a list (none); 'Clay, New York,
        and Boise, Idaho' a list of pairs (the first of each pair in the second)."""
        doc = self.doc
        chains: list[tuple[list[int], list[str]]] = []
        items: list[int] = []
        seps: list[str] = []
        k = sent.start
        while k < sent.end:
            ent = self.place_at.get(k)
            if ent is None:
                if items:
                    chains.append((items, seps))
                items, seps = [], []
                k += 1
                continue
            items.append(k)
            while k < sent.end and self.place_at.get(k) is ent:
                k += 1
            sep = []
            j = k
            if j < sent.end and doc[j].text == "(":
                sep, j = [","], j + 1  # 'its Martorell (Barcelona) plant': the bracket says where
            while j < sent.end and doc[j].lower_ in {",", "and", "or"} and len(sep) < 2:
                sep.append(doc[j].lower_)
                j += 1
            nxt = self.place_at.get(j) if j < sent.end else None
            if sep and nxt is not None and nxt is not ent:
                seps.append("and" if any(w in {"and", "or"} for w in sep) else ",")
                k = j
            else:
                chains.append((items, seps))
                items, seps = [], []
        if items:
            chains.append((items, seps))
        starts: dict[int, int] = {}
        for items, seps in chains:
            if "and" not in seps:
                starts.update(zip(items[:-1], items[1:], strict=True))
            elif len(items) % 2 == 0 and all(sep == "," for sep in seps[::2]):
                starts.update(zip(items[::2], items[1::2], strict=True))  # pairs: a comma inside a pair
        return starts

    def _project_part_of(self, part: Token, sent: Span) -> None:
        """'The fund forms part of the Advanced Manufacturing Plan', 'the X Fund, part of the government's Y Plan,
        ...', 'X is part of Y': one project part of another."""
        whole = next(
            (self.table.at(p.i) for c in part.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
             if p.dep_ == "pobj"),
            None,
        )
        if whole is None or whole.type != "Project":
            return
        if part.dep_ == "appos":
            children = [self.table.at(part.head.i)]
        elif part.dep_ in {"attr", "dobj"} and lemma(part.head) in {"be", "form", "become", "constitute"}:
            children = [e for s in verb_subjects(part.head) for e in self.entity_of(s, False)]
            children += [e for s in verb_subjects(part.head) for e in self._counted_projects_before(s, sent)]
        else:
            return
        for child in children:
            bare = child is not None and child.name.islower() and " " not in child.name
            if child is None or child.type != "Project" or child is whole or bare:
                continue  # (a bare 'new fund, part of the ... Plan' in a headline names no project of its own)
            self.facts.relate(child, "partOf", whole, sent, 0.7)

    def part_of(self, sent: Span) -> None:
        """'Y, a subsidiary of X', "X's battery unit Y", 'projects under the France 2030 plan'."""
        starts = {"subsidiary", "unit", "division", "arm", "affiliate", "branch", "business", "part", "agency", "body"}
        starts |= {"institute", "organization", "organisation", "office", "own", "venture"}
        for tok in tokens_of(self.doc, {"under"}, starts, sent.start, sent.end):  # every lemma a rule opens with
            low = lemma(tok)
            if low == "venture":
                self._joint_venture(tok, sent)
            if low == "part":
                self._project_part_of(tok, sent)
            if low in {"subsidiary", "unit", "division", "arm", "affiliate", "branch", "business", "part"} and (
                low != "part" or tok.dep_ == "appos" or self.doc[tok.i - 1].text == ","
            ):
                parent = None
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        # 'a unit of state-owned defense group Polska Grupa Zbrojeniowa (PGZ)'
                        parent = next((self._noun_named(p) for p in c.children if p.dep_ == "pobj"), None)
                    if c.dep_ == "poss":
                        parent = self.table.at(c.i)
                    if c.dep_ == "compound" and parent is None and tok.dep_ == "appos":
                        parent = self.table.at(c.i)  # '42dot, another Hyundai Motor affiliate'
                child = None
                left = tok.left_edge.i if self.doc[tok.left_edge.i].text == "(" else tok.left_edge.i - 1
                if tok.dep_ == "appos" and left > sent.start and self.doc[left].text == "(":
                    child = self.table.at(left - 1)  # '42dot (Hyundai Motor Group's software subsidiary)'
                elif tok.dep_ == "appos":
                    child = self.table.at(tok.head.i)
                elif tok.dep_ == "attr":
                    # 'SK Energy is the refining arm of SK Innovation'
                    child = next((e for s in verb_subjects(tok.head) for e in self.entity_of(s, False)), None)
                else:
                    child = next(
                        (
                            self.table.at(c.i)
                            for c in tok.children
                            if c.dep_ in {"appos", "compound"} and self.table.at(c.i) is not None
                            and self.table.at(c.i).type in ORG_TYPES  # not 'its US subsidiary, X'
                        ),
                        None,
                    )
                    if child is None and tok.i + 1 < sent.end:
                        child = self.table.at(tok.i + 1)
                if parent is not None and child is not None and parent.type in ORG_TYPES and child.type in ORG_TYPES:
                    self.facts.relate(child, "partOf", parent, sent, 0.7)
            after = self._after_bracket(tok.i + 1, sent)
            if (
                low in {"agency", "body", "institute", "organization", "organisation", "office", "unit", "arm"}
                and after + 1 < sent.end
                and self.doc[after].lower_ in {"under", "within"}
            ):
                # 'the Korea Institute for Advancement of Technology (KIAT), a state agency under the ministry',
                # 'the CHIPS Program Office (CPO) within the National Institute of Standards and Technology'
                j = after + 1
                while j < sent.end and self.doc[j].lower_ == "the":
                    j += 1
                parent = self.table.at(j) if j < sent.end else None
                k = tok.i - 1
                while k > sent.start and (self.doc[k].is_lower or self.doc[k].text == "-"):
                    k -= 1  # 'a state-run'
                k -= 1 if self.doc[k].text == "," else 0
                while k > sent.start and (self.doc[k].text in {")", "("} or is_acronym(self.doc[k].text)):
                    k -= 1  # '(KIAT)'
                child = self.table.at(k) if self.doc[k + 1].text in {",", "("} else None
                own = self.table.at(tok.i)
                if own is not None and own.type in ORG_TYPES:
                    child = own  # the office's own name
                if (
                    child is not None
                    and parent is not None
                    and child.type in ORG_TYPES
                    and child is not parent
                    and parent.type == "GovernmentAgency"
                ):
                    self.facts.relate(child, "partOf", parent, sent, 0.7)
            if low in {"affiliate", "subsidiary", "unit"} and tok.tag_ == "NNS":
                self._listed_affiliates(sent, tok)
            if low == "own" and tok.tag_ == "VBN":
                # 'SK Siltron, a wafer maker owned by SK Inc.', 'HUMAIN, the AI company owned by the PIF'
                owned = self._owned_one(tok, sent)
                for owner in (e for a in passive_agents(tok) for e in self._agent_named(a)):
                    if owner.type == "Project" and _standing_public_fund(owner, self.facts.fundings):
                        owner.type = "GovernmentAgency"  # 'owned by the Public Investment Fund': an owner
                    if owned is not None and owned.type in ORG_TYPES and owner.type in ORG_TYPES and owner is not owned:
                        self.facts.relate(owned, "partOf", owner, sent, 0.65)
            if low == "own" and tok.pos_ == "VERB":
                # 'Hyundai Motor Group, which owns Hyundai Motor Company, Kia and Hyundai Mobis'
                owners = [e for sub in verb_subjects(tok) for e in self.entity_of(sub, False) if e.type in ORG_TYPES]
                for o in (t for c in tok.children if c.dep_ == "dobj" for t in listed(c)):
                    for owned in self.entity_of(o, False):
                        if owned.type in ORG_TYPES and owners:
                            self.facts.relate(owned, "partOf", owners[0], sent, 0.65)
            if tok.lower_ == "under" and tok.dep_ == "prep":
                pobj = next((p for p in tok.children if p.dep_ == "pobj"), None)
                programme = self.table.at(pobj.i) if pobj is not None else None
                if pobj is None or programme is None or programme.type != "Project":
                    continue
                # '..., which the Commission adopted to respond to the Inflation Reduction Act': what a clause
                # on the programme says about it is not under it
                described = {self.table.at(t.i) for c in pobj.children if c.dep_ == "relcl" for t in c.subtree}
                subjects = [s for s in verb_subjects(tok.head)] if tok.head.pos_ in {"VERB", "AUX"} else []
                for p in (q for s in subjects for q in self._counted_projects_before(s, sent)):
                    if p is not programme:
                        self.facts.relate(p, "partOf", programme, sent, 0.55)  # 'Both projects fall under X'
                for p in self.projects.in_sentence(sent):
                    if p is not programme and p not in described and p.key not in {
                        r.subject for r in self.facts.relations if r.predicate == "partOf"
                    }:
                        self.facts.relate(p, "partOf", programme, sent, 0.55)

    def _counted_projects_before(self, noun: Token, sent: Span) -> list[DocEntity]:
        """'Both projects', 'these plants', 'the three programmes': the projects the sentence before named
        (as many as counted)."""
        if noun.tag_ != "NNS" or lemma(noun) not in COUNTED_PROJECT_NOUNS or sent.start == 0:
            return []
        words = {c.lower_ for c in noun.children if c.dep_ in {"det", "predet", "nummod"}}
        counts = (WORD_NUMBERS.get(w) or (int(w) if w.isdigit() else 0) for w in words)
        count = 2 if "both" in words else next((n for n in counts if 2 <= n <= 6), 0)
        if not count and not words & {"these", "those"}:
            return []
        before: list[DocEntity] = []
        prev = sent
        for _ in range(3 if count else 1):  # 'Both projects' may take up one named in each of two sentences
            if prev.start == 0:
                break
            prev = sentence_of(self.doc, prev.start - 1)
            before = [p for p in self.projects.in_sentence(prev) if p not in before] + before
            if count and len(before) >= count:
                break
        if len(before) < max(count, 2):
            return []
        return before[-count:] if count else before

    def _noun_named(self, tok: Token) -> DocEntity | None:
        """The entity a noun names, or the name apposed to it: 'defense group Polska Grupa Zbrojeniowa'."""
        ent = self.table.at(tok.i)
        if ent is None:
            ent = next((self.table.at(c.i) for c in tok.children if c.dep_ == "appos" and self.table.at(c.i)), None)
        return ent

    def _joint_venture(self, tok: Token, sent: Span) -> None:
        """'Posco HY Clean Metal, a joint venture between POSCO Holdings and Huayou': the venture is part of
        each partner. ('X, the holding company of Y' is not read: it says either way who holds whom.)"""
        if not any(c.lower_ == "joint" for c in tok.children if c.dep_ in {"amod", "compound"}):
            return
        if tok.dep_ == "appos":
            named = self.table.at(tok.head.i)
        elif tok.dep_ == "attr":
            named = next((e for s in verb_subjects(tok.head) for e in self.entity_of(s, False)), None)
        else:
            return
        others = [
            e
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in {"between", "of", "by"}
            for p in c.children
            if p.dep_ == "pobj"
            for q in (p, *p.conjuncts)
            for e in [self._noun_named(q)]
            if e is not None and e.type in ORG_TYPES
        ]
        if named is None or named.type not in ORG_TYPES:
            return
        for other in others:
            self.facts.relate(named, "partOf", other, sent, 0.65)

    def _owned_one(self, verb: Token, sent: Span) -> DocEntity | None:
        """The organisation an 'owned by' describes: its subject ('X is owned by Y'), the name it hangs
        on ('X, owned by Y'), or the name a descriptor it hangs on stands beside ('X, a maker owned by Y')."""
        if verb.dep_ != "acl":
            subjects = [e for s in verb_subjects(verb) for e in self.entity_of(s, False)]
            return subjects[0] if subjects else None
        head = verb.head
        ent = self.table.at(head.i)
        if ent is None and head.dep_ == "appos":
            ent = self.table.at(head.head.i)
        return ent or self._described_before(sent, head.left_edge.i)

    def _possessed_bodies(self, sent: Span) -> None:
        """"the Department of Energy's Loan Programs Office", "Hanwha Group's Philly Shipyard": an
        organisation named right after another's possessive belongs to it (a body of a public body, a
        company of a company); 'the Armament Agency of the Polish Ministry of National Defence': two public
        bodies the model named apart."""
        doc = self.doc
        for tok in tokens_of(doc, {"'s", "’s", "'", "’", "of"}, start=sent.start + 1, end=sent.end - 1):
            before = self.table.at(self._before_bracket(tok.i - 1, sent))
            if before is None or before.type not in {"Company", "GovernmentAgency"} or before.name.startswith(
                "Government"
            ):
                continue
            if tok.lower_ == "of":
                j = tok.i + 1
                while j < sent.end - 1 and self.table.at(j) is None and doc[j].pos_ in {"DET", "PROPN"}:
                    j += 1  # 'of the Polish Ministry ...'
                ministry = self.table.at(j)
                if (
                    ministry is not None
                    and ministry is not before
                    and before.type == ministry.type == "GovernmentAgency"
                    and ministry.name.split()[0] in {"Ministry", "Department"}
                ):
                    self.facts.relate(before, "partOf", ministry, sent, 0.6)
                continue
            if tok.tag_ != "POS":
                continue
            j = self._after_bracket(tok.i + 1, sent)
            owned = self.table.at(j) if j < sent.end else None
            if owned is None or owned is before or self.table.at(j - 1) is owned or owned.type != before.type:
                continue
            end = j
            while end + 1 < sent.end and self.table.at(end + 1) is owned:
                end += 1
            if doc[end].dep_ not in {"compound", "amod", "nmod"}:  # not "TSMC's Kyushu fabs": a name describing
                self.facts.relate(owned, "partOf", before, sent, 0.6)

    def _listed_affiliates(self, sent: Span, noun: Token) -> None:
        """'Hyundai Motor Group, whose affiliates include A, B and C', 'three affiliates of KEPCO: A, B and
        C': each listed company is part of the group."""
        doc = self.doc
        parent = None
        if noun.i > sent.start and doc[noun.i - 1].lower_ == "whose":
            parent = self._name_before_brackets(noun.i - 2, sent)
            start = next((t.i + 1 for t in doc[noun.i : sent.end] if lemma(t) in {"include", "be"}), None)
        elif any(c.dep_ == "poss" for c in noun.children) and noun.i + 2 < sent.end and (
            self.table.at(noun.i + 1) or doc[noun.i + 1].text == "," and self.table.at(noun.i + 2)
        ):
            # 'though its affiliates Hyundai Mobis and Hyundai Rotem have joined': the names follow the noun
            parent = next((self.table.at(c.i) for c in noun.children if c.dep_ == "poss"), None)
            start = noun.i + 1
        else:
            of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((p for p in of.children if p.dep_ == "pobj"), None) if of is not None else None
            parent = self.table.at(obj.i) if obj is not None else None
            start = next((t.i + 1 for t in doc[noun.i : sent.end] if t.text.endswith(":")), None)
        if parent is None or parent.type not in ORG_TYPES or start is None:
            return
        seen_one = False
        for t in doc[start : sent.end]:
            ent = self.table.at(t.i)
            if t.text in {".", ";"} or seen_one and ent is None and t.pos_ in {"VERB", "AUX"}:
                break
            if ent is not None and ent.type in ORG_TYPES and ent is not parent:
                self.facts.relate(ent, "partOf", parent, sent, 0.65)
                seen_one = True

    # ------------------------------------------------------------------ targets
    def _states_a_goal(self, sent: Span) -> bool:
        return any(
            lemma(t) in GOAL_WORDS
            or t.lower_ == "to" and t.i > sent.start and lemma(self.doc[t.i - 1]) == "be" and t.i + 1 < sent.end
            and self.doc[t.i + 1].tag_ == "VB"  # 'services are to be launched by 2028', 'is to make its maiden flight'
            # 'production is due to start in 2027', 'the plant is set to open in 2028'
            or t.lower_ in SCHEDULED_WORDS and t.i + 1 < sent.end and self.doc[t.i + 1].lower_ == "to"
            # 'the pilot line would start operating in 2027', 'the plant will begin production in 2028'
            or t.lower_ in {"will", "would"} and t.dep_ == "aux" and lemma(t.head) in GOAL_MILESTONE_VERBS
            for t in sent_tokens(sent)
        )

    def targets(self, sent: Span) -> None:
        toks = doc_tokens(self.doc)
        if not YEAR_IN_TEXT.search(span_text(sent)):
            return  # every goal has a deadline year
        self._purpose_by_the_moneys_year(sent)
        has_goal = self._states_a_goal(sent)
        for tok in sent_tokens(sent):
            year = year_of(tok)
            if (
                not year
                and tok.lower_ in {"year", "date", "period", "deadline"}
                and tok.i - sent.start >= 3
                and toks[tok.i - 1].lower_ == "same"
                and toks[tok.i - 2].lower_ == "the"
                and toks[tok.i - 3].lower_ in {"by", "over", "within", "in"}
                and self.facts.targets
            ):
                # 'and to increase charging stations to 660 over the same period': the last deadline
                target = self._target_at(sent, toks[tok.i - 3], self.facts.targets[-1].entity.year, has_goal, tok)
                if target is not None:
                    self.facts.targets.append(target)
                continue
            if (
                not year
                and tok.lower_ == "then"
                and tok.i - 1 > sent.start
                and toks[tok.i - 1].lower_ == "by"
                and not toks[tok.i - 2].is_punct  # not '; by then the ministry wants ...': the goal follows
            ):
                # 'to 100,000 by 2030, and to lift the industry's output value to T$60 billion by then'
                earlier = self._last_year_before(tok.i, sent)
                target = self._target_at(sent, toks[tok.i - 1], earlier, has_goal, tok) if earlier else None
                if target is not None:
                    self.facts.targets.append(target)
                continue
            if not year or tok.i == sent.start:
                continue
            if self.doc_year and year < self.doc_year:
                continue  # 'led the development of Korea's first humanoid robot in 2004': history, no goal
            j = tok.i - 1
            while j > sent.start and tok.i - j <= 6 and (toks[j].lower_ in MONTHS or toks[j].lower_ in YEAR_LEAD_WORDS):
                j -= 1  # 'by March 2026', 'by the end of fiscal 2029', 'in the second half of 2025'
            prep = toks[j]
            scheduled_for = (
                prep.lower_ == "for" and prep.i > sent.start and toks[prep.i - 1].lower_ in SCHEDULED_FOR_WORDS
            )  # 'with commercial operation targeted for 2029', 'First production is scheduled for 2028'
            starting = (  # 'will build small electric models from 2026', not 'from 2025 through 2032'
                prep.lower_ == "from"
                and prep.i == tok.i - 1  # not 'from the 2025 level'
                and not (tok.i + 1 < sent.end and toks[tok.i + 1].lower_ in {"level", "levels", "figure", "figures"})
                and not (tok.i + 2 < sent.end and toks[tok.i + 1].lower_ in {"to", "through", "until", "-", "–"})
                and not (prep.i > sent.start and toks[prep.i - 1].lower_ in {"up", "down", "percent", "%", "rise"})
            )
            at_the_end = (  # 'is expected to begin production at the end of 2026'
                prep.lower_ == "at" and toks[prep.i + 1].lower_ == "the" and toks[prep.i + 2].lower_ in YEAR_LEAD_WORDS
            )
            if prep.lower_ not in {"by", "in", "until", "before"} and not (scheduled_for or starting or at_the_end):
                continue
            if prep.lower_ == "in" and _baseline_year(toks, prep.i, tok.i, sent):
                continue  # 'from $13.2 billion in 2023 to $25 billion by 2030': when the baseline was measured
            target = self._scheduled_milestone(sent, prep, year)
            if target is None and scheduled_for:
                continue
            target = target or self._target_at(sent, prep, year, has_goal, tok)
            if target is not None:
                self.facts.targets.append(target)

    def _last_year_before(self, i: int, sent: Span) -> int | None:
        """The deadline year a 'by then' takes up: the last year this sentence or the one before names."""
        start = self._sentences_back(sent.start, 1)
        for k in range(i - 1, start - 1, -1):
            year = year_of(self.doc[k])
            if year and k and self.doc[k - 1].lower_ in {"by", "in", "until"}:
                return year
        return None

    def _purpose_by_the_moneys_year(self, sent: Span) -> None:
        """'will invest $210 million by 2027 to raise annual output at its plant from 250 to 500 units': the
        change the money is for is due when the money is; its payer owns it."""
        doc = self.doc
        for f in self.facts.fundings:
            if f.sentence.start != sent.start or not f.year or not f.funders:
                continue
            amount = doc.char_span(f.amount.start, f.amount.end, alignment_mode="expand")
            if amount is None:
                continue
            for verb in sent_verbs(sent):
                if (
                    verb.i < amount.end
                    or verb.tag_ != "VB"
                    or lemma(verb) not in RAISING_VERBS
                    or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
                    or verb.dep_ not in {"advcl", "xcomp", "acl"}
                ):
                    continue
                end = verb.right_edge.i + 1
                while end > verb.i and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"and", "or"}):
                    end -= 1
                phrase = doc[verb.i : end]
                if end - verb.i > 25 or any(year_of(t) for t in phrase) or not FROM_TO_NUMBER.search(phrase.text):
                    continue
                if not _target_evidence(phrase)[0]:
                    continue
                ent = self._new_target(f"{phrase.text} by {f.year}", 0.55, f.year, _target_value(phrase))
                self.table.mark(verb.i, end, ent.key)
                self.facts.targets.append(FoundTarget(ent, f.funders[0], sent))
                return

    def _scheduled_milestone(self, sent: Span, prep: Token, year: int) -> FoundTarget | None:
        """A milestone the text schedules for a year: 'with commercial operation targeted for 2029', 'First
        production is scheduled for 2028', 'a noodle plant in Busan due for completion in 2026'."""
        doc = self.doc
        milestone = None
        if sent.start_char < self._headline_end():
            return None  # a headline or deck: the story states the milestone again, in full
        if prep.lower_ == "for" and doc[prep.i - 1].lower_ in SCHEDULED_FOR_WORDS:
            sched = doc[prep.i - 1]
        elif (
            prep.lower_ in {"in", "by"}
            and prep.i - 3 >= sent.start
            and doc[prep.i - 2].lower_ == "for"
            and doc[prep.i - 3].lower_ in SCHEDULED_FOR_WORDS
            and lemma(doc[prep.i - 1]) in lx.MILESTONE_NOUNS
        ):
            sched, milestone = doc[prep.i - 3], doc[prep.i - 1]  # 'due for completion in 2026'
        else:
            return None
        if sched.dep_ in {"acl", "amod"} and sched.head.pos_ in {"NOUN", "PROPN"} and sched.head.i < sched.i:
            thing = sched.head
        else:
            clause = sched.head if sched.dep_ in {"acomp", "advcl"} else sched
            thing = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < sched.i), None)
        before = doc[sched.i - 1]
        if thing is None and sched.i > sent.start and before.pos_ in {"NOUN", "PROPN"}:
            # 'a noodle plant in Busan due for completion in 2026', the parser hanging 'due' on the verb
            thing = before
            while thing.dep_ == "pobj" and thing.head.dep_ == "prep" and thing.head.head.pos_ in {"NOUN", "PROPN"}:
                thing = thing.head.head
        if thing is None or thing.pos_ not in {"NOUN", "PROPN"}:
            return None
        left = thing.left_edge.i
        while left < thing.i and doc[left].lower_ in {"the", "a", "an", "its", "their"}:
            left += 1
        right = thing.i + 1
        for c in thing.rights:  # 'of the IC design park', not ', run by ...'
            if c.dep_ == "prep" and c.lower_ in {"of", "in", "at"} and c.right_edge.i < sched.i:
                right = c.right_edge.i + 1
            else:
                break
        words = doc[left:right].text
        if right - left > 12 or not words:
            return None
        if milestone is not None:
            name = f"{milestone.text.capitalize()} of {'the ' if doc[left - 1].lower_ == 'the' else ''}{words}"
            owner = self.table.at(thing.i)
        elif lemma(thing) in lx.MILESTONE_NOUNS:
            name = words[0].upper() + words[1:]
            named = [e for t in doc[left:right] if (e := self.table.at(t.i)) is not None and e.type == "Project"]
            # 'First production is scheduled for 2028': of the site the story is about
            owner = named[0] if named else self._last_facility(sent.end)
        else:
            return None
        if owner is None or owner.type not in ORG_TYPES | {"Project"}:
            owner = self._target_owner(sent, doc[left:right], None)
        ent = self._new_target(f"{name} in {year}", 0.55, year, (None, None, None, None, None))
        self.table.mark(sched.i if milestone is not None else left, prep.i + 2, ent.key)
        return FoundTarget(ent, owner.key if owner else None, sent)

    def _subject_before_schedule(self, i: int, sent: Span) -> str:
        """The noun phrase a goal's verb is scheduled for, where the parser found no subject: 'with mass
        production of cefazolin due to begin in 2028', 'with the first due to be completed in 2027'."""
        doc = self.doc
        k = i - 1
        while k >= sent.start and doc[k].lower_ in SCHEDULE_WORDS:
            k -= 1
        if k < sent.start or lemma(doc[k]) in GOAL_WORDS | {"hope", "want", "seek", "intend"}:
            return ""  # 'aims to lift ...': the goal's owner, not what is scheduled
        end = k + 1
        while k >= sent.start and end - k <= 8 and (
            doc[k].pos_ in {"NOUN", "PROPN", "ADJ", "NUM"} or doc[k].lower_ == "of" and k < end - 1
        ):
            k -= 1
        start = k + 1
        named = any(t.pos_ in {"NOUN", "PROPN"} or t.lower_ in {"first", "second"} for t in doc[start:end])
        if start >= end or not named:
            return ""
        return doc[start:end].text

    def _target_at(
        self, sent: Span, prep: Token, year: int, has_goal: bool, year_tok: Token | None = None
    ) -> FoundTarget | None:
        doc = self.doc
        head = prep.head
        # the amount of a funding: its year, not a target
        if (
            head.ent_type_ == "MONEY"
            and lemma(head.head) in lx.FUND_VERBS
            or lemma(head) in lx.FUND_VERBS
            and bool(find_amounts(doc[head.left_edge.i : prep.i].text))
        ) and not (
            GOAL_AMOUNT.search(doc[head.left_edge.i : prep.i].text)
            or RAISED_TO_NUMBER.search(doc[head.i : prep.i].text)
        ):
            return None
        for f in self.facts.fundings:
            if f.sentence.start == sent.start and f.year == year:
                span = doc.char_span(f.amount.start, f.amount.end, alignment_mode="expand")
                if span is not None and 0 <= prep.i - span.end <= 8:
                    return None
        if (
            prep.lower_ == "in"
            and head.tag_ == "VBN"
            and head.dep_ == "acl"
            and lemma(head) in PAST_EVENT_VERBS
            and not any(c.dep_ in {"aux", "auxpass"} for c in head.children)
        ):
            return None  # 'a €54 billion plan launched in 2021': when something past happened
        # the clause the year closes: from its verb (or noun phrase) to the year
        start_tok = self._target_start(sent, prep)
        if start_tok is None:
            return None
        phrase = doc[start_tok : prep.i]
        dashes = [t.i for t in phrase if t.text in {"--", "—", "–"}]
        aside = range(dashes[0], dashes[-1]) if len(dashes) >= 2 else range(0)  # '-- production sites where ... --'
        subj = [t for t in phrase if t.dep_ in {"nsubj", "nsubjpass"} and t.i not in aside]
        if subj:
            verbs = [t for t in phrase if t.i > subj[-1].i and t.pos_ == "VERB"]
            if verbs:
                start_tok = verbs[0].i
                phrase = doc[start_tok : prep.i]
        goal_of = [
            t.i
            for t in phrase
            if t.lower_ == "of" and t.i > start_tok and lemma(doc[t.i - 1]) in {"goal", "target", "aim", "objective"}
        ]
        if goal_of and goal_of[-1] + 1 < prep.i:
            start_tok = goal_of[-1] + 1  # 'set a goal of exporting 10 nuclear reactors by 2030'
            phrase = doc[start_tok : prep.i]
        if any(t.tag_ in {"VBD"} for t in phrase[:2]):
            return None
        if any(
            lemma(t) in lx.FUND_VERBS | RECEIVE_VERBS | {"pledge", "commit", "earmark"}
            and t.pos_ == "VERB"
            and t.lower_ != "won"
            and t.ent_type_ != "MONEY"
            for t in phrase
        ) and find_amounts(phrase.text) and not (
            FROM_TO_NUMBER.search(phrase.text)
            or RAISED_TO_NUMBER.search(phrase.text)
            or BUSINESS_WORTH.search(phrase.text)
        ):
            # money being spent by a year is a funding, not a target ('raise exports from $X to $Y' is, and so is
            # 'win overseas orders worth 2 trillion won by 2035')
            return None
        if any(
            lemma(t) == "market"
            and t.dep_ in {"nsubj", "nsubjpass", "dobj"}
            and any(c.lower_ in {"global", "world", "worldwide", "international"} for c in t.subtree if c.i < t.i)
            for t in doc[max(sent.start, start_tok - 8) : prep.i]
        ):
            return None  # 'the global SiC device market is expected to triple by 2029': a forecast, nobody's goal
        numbers, milestone = _target_evidence(phrase)
        if not numbers and not milestone:
            # the walk stopped at an inner 'for'/'to' ('securing 10 GW of power for the cluster by 2036'):
            # the word the year's preposition hangs on starts the goal
            anchor = prep.head
            alt = anchor.i if anchor.pos_ in {"VERB", "AUX"} else anchor.left_edge.i
            if sent.start <= alt < start_tok and prep.i - alt <= 25:
                start_tok = alt
                phrase = doc[start_tok : prep.i]
                numbers, milestone = _target_evidence(phrase)
        if not numbers and not milestone and phrase[0].pos_ == "VERB":
            # 'expects at least 400 startups and university labs to use it by 2027': the counted subject of
            # the infinitive is what the goal counts
            counted = [
                s for s in verb_subjects(phrase[0])
                if s.i < start_tok and any(c.dep_ == "nummod" for c in s.children)
                and s.left_edge.i > sent.start and doc[s.left_edge.i - 1].pos_ in {"VERB", "AUX"}
            ]
            if counted and prep.i - counted[0].left_edge.i <= 25:
                start_tok = counted[0].left_edge.i
                phrase = doc[start_tok : prep.i]
                numbers, milestone = _target_evidence(phrase)
        text = phrase.text.strip(" ,;")
        if not text or re.match(r"(?i)(?:up|down|rising|falling) from\b|from\b|compared (?:with|to)\b", text):
            return None  # 'up from 300,000 tons in 2024': the baseline, not the goal
        if re.search(r"(?:^|\bfor )\d+ (?:years|months)(?: starting)?$", text):
            return None  # 'sell power for 15 years starting in 2029': a term, not a goal
        if any(
            lemma(s) in FORECASTERS
            for t in doc[sent.start : prep.i]
            if t.pos_ == "VERB" and lemma(t) in {"expect", "forecast", "predict", "project", "estimate"}
            for s in verb_subjects(t)
        ):
            return None  # 'Industry analysts expect software to account for 40 percent ... by 2030': a forecast
        measured = phrase
        if aside and start_tok < aside.start and aside.stop + 1 < prep.i:
            # 'raise the number of "AI factories" -- production sites where ... -- from 180 to 500': the goal
            # reads on without the aside
            measured = doc[aside.stop + 1 : prep.i]
            text = f"{doc[start_tok : aside.start].text} {measured.text}".strip(" ,;")
        verb = next((t for t in phrase[:3] if t.pos_ == "VERB"), None) or next(
            (t for t in phrase[:3] if t.pos_ == "AUX"), None
        )  # 'will open in 2030': the verb, not its auxiliary
        if verb is not None and verb.tag_ in {"VBN", "VBD"} and verb.dep_ in {"acl", "ROOT"} and not any(
            c.dep_ in {"aux", "auxpass"} for c in verb.children
        ):
            return None  # 'a €54 billion plan launched in 2021': a past event, not a goal
        change = verb is not None and lemma(verb) in CHANGE_VERBS and verb.i == phrase.start
        # 'The number of pilot zones will be expanded from two to ten by 2028': the measure names the goal
        of_a_measure = verb is not None and any(lemma(s) in MEASURED_SUBJECTS for s in verb_subjects(verb))
        if verb is not None and (
            change or of_a_measure or not numbers and (milestone or verb.tag_ == "VBN" and _passive(verb))
        ):
            # 'the first phase of the IC design park is expected to open by 2024': what opens; 'at least
            # five new drugs are to be developed by 2030': what is counted
            subj = next(iter(verb_subjects(verb)), None)
            if subj is not None and (subj.ent_type_ == "MONEY" or lemma(subj) in SCALE_WORDS) and lemma(verb) in (
                lx.FUND_VERBS
            ):
                return None  # 'Of the 2.1 trillion won to be spent in 2025, ...': when money is spent, no goal
            if (
                subj is not None
                and subj.i < phrase.start
                and subj.pos_ in {"NOUN", "PROPN"}
                and subj.lower_ not in lx.DEFINITE_ORG_NOUNS
            ):
                ent = self.table.at(subj.i)
                if ent is None or ent.type == "Project":
                    left = subj.left_edge.i
                    while left < subj.i and doc[left].lower_ in {"the", "a", "an", "its", "their"}:
                        left += 1
                    right = subj.i + 1
                    for c in subj.rights:  # keep 'of the IC design park', not ', run by ...' or 'who ...'
                        if c.dep_ == "prep" and c.lower_ == "of":
                            right = c.right_edge.i + 1
                        else:
                            break
                    if subj.i - left < 10 and right - left < 14:
                        text = f"{doc[left:right].text} {text}"
                        counted = any(c.dep_ == "nummod" for c in subj.children)  # '1,100 parts makers'
                        if not (change or of_a_measure) and (verb.tag_ == "VBN" and _passive(verb) or counted):
                            measured = doc[left : prep.i]  # 'at least five new drugs ... produced by 2030': 5
                            numbers = _target_evidence(doc[left:right])[0]
        if text == phrase.text.strip(" ,;") and phrase[0].pos_ in {"VERB", "AUX"} and not numbers:
            text = f"{self._subject_before_schedule(phrase.start, sent)} {text}".strip()
        if phrase[0].pos_ in {"NOUN", "ADJ", "PROPN"} and not numbers and not milestone:
            # 'mass production of humanoid robots in 2029 and self-driving cars in 2030'
            for t in reversed(self.facts.targets):
                m = re.match(r"^(\w+ \w+ of) ", t.entity.name)
                if t.sentence.start == sent.start and m and m.group(1).split()[-2] in lx.MILESTONE_NOUNS:
                    text = f"{m.group(1)} {text}"
                    milestone = True
                    break
        if not numbers and not milestone:
            return None
        # 'an agreement with two colleges to train 500 technicians by 2028': a purpose with a count and a deadline
        purpose = (
            numbers
            and prep.lower_ == "by"
            and verb is not None
            and verb.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and (
                verb.dep_ == "acl" and verb.head.pos_ == "NOUN"
                or verb.dep_ == "advcl"
                or _committed_to(verb)  # 'agreed to combine their crackers and to shut one by 2026'
            )  # (not 'is expected to shrink by 1.2 million by 2035': a forecast)
        )
        if not has_goal and not purpose and not any(
            t.lower_ in {"will", "would", "target", "targeted", "aim", "goal"} for t in sent_tokens(sent)
        ):
            return None
        value, unit, baseline, currency, qualifier = _target_value(measured)
        if baseline is None and year_tok is not None:
            # '... to 150 GWh a year by 2030, up from about 50 GWh today': the baseline follows the year
            after = doc[year_tok.i + 1 : min(sent.end, year_tok.i + 8)].text
            m = re.match(r"\s*,?\s*(?:up|down) from (?:about |around |roughly |some |nearly )?([\d,.]+)", after)
            if m:
                with contextlib.suppress(ValueError):
                    baseline = float(m.group(1).replace(",", "").rstrip("."))
        if year_tok is not None and year_tok.i > prep.i and not year_of(year_tok):
            name = f"{text} {'by' if prep.lower_ == 'over' else prep.text} {year}"  # 'by the same year' -> its year
        elif year_tok is not None and year_tok.i > prep.i:
            name = f"{text} {doc[prep.i : year_tok.i + 1].text}"
        else:
            between = doc[prep.i + 1 : prep.i + 2].text if doc[prep.i + 1].lower_ in MONTHS else ""
            name = f"{text} {prep.text} {between + ' ' if between else ''}{year}"
        ent = self._new_target(name, 0.6, year, (value, unit, baseline, currency, qualifier))
        self.table.mark(start_tok, prep.i + 2, ent.key)
        owner = self._target_owner(sent, phrase, unit)
        self._coordinated_goal(sent, phrase, name[len(text) :], year, owner)
        return FoundTarget(ent, owner.key if owner else None, sent)

    def _coordinated_goal(
        self, sent: Span, phrase: Span, tail: str, year: int, owner: DocEntity | None
    ) -> None:
        """'aims to supply 1,000 humanoid robots to industrial sites and raise the share ... by 2030': the
        first goal shares the second one's deadline."""
        doc = self.doc
        verb = phrase[0]
        if verb.pos_ != "VERB" or verb.dep_ != "conj" or verb.head.pos_ != "VERB" or verb.head.i >= verb.i:
            return
        first = verb.head
        cc = max((t.i for t in doc[first.i : verb.i] if t.lower_ in {"and", "while"}), default=None)
        if cc is None or cc - first.i > 15 or any(year_of(t) for t in doc[first.i : cc]):
            return
        part = doc[first.i : cc]
        numbers, milestone = _target_evidence(part)
        if not numbers:
            return
        ent = self._new_target(f"{part.text.strip(' ,;')}{tail}", 0.55, year, _target_value(part))
        self.table.mark(first.i, cc, ent.key)
        self.facts.targets.append(FoundTarget(ent, owner.key if owner else None, sent))

    def _new_target(self, name: str, confidence: float, year: int, measures: TargetMeasures) -> DocEntity:
        """The Target entity named `name`, with its deadline and (value, unit, baseline, currency, qualifier)."""
        ent = self.table.add(DocEntity(f"target:{norm(name)}", "Target", name, confidence=confidence))
        ent.year = year
        ent.value, ent.unit, ent.baseline, ent.currency, ent.qualifier = measures
        return ent

    def _target_start(self, sent: Span, prep: Token) -> int | None:
        doc = self.doc
        # walk left from the preposition to the start of its clause: a verb (gerund/infinitive) or a
        # noun phrase after 'for'/'with'/'is'
        i = prep.i - 1
        while i > sent.start:
            t = doc[i]
            place = self.place_at.get(i - 1) if t.text == "," else None
            if place is not None:  # 'its plant in Karawang, West Java, from 10 GWh to 40 GWh': read past the place
                k = i - 1
                while k > sent.start and self.place_at.get(k) is place:
                    k -= 1
                if doc[k].text == "," and self.place_at.get(k - 1) is not None:
                    i = k - 1
                    continue
            if t.text in {",", ";", ":"} and i < prep.i - 1:
                nxt = doc[i + 1]
                return i + 2 if nxt.lower_ in {"and", "with", "while"} else i + 1
            if t.lower_ in {"and"} and (doc[i + 1].tag_ in {"VBG", "VB"} or year_of(doc[i - 1])):
                return i + 1
            if t.lower_ == "to" and doc[i + 1].tag_ != "VB":
                i -= 1
                continue
            duration = t.lower_ == "for" and doc[i + 1].like_num and doc[i + 2].lower_ in DURATION_WORDS
            if t.lower_ in {"to", "for", "is", "are", "be", "aims", "targets", "with"} and i < prep.i - 1 and not (
                duration  # 'to sustain plasma at 100 million degrees for 300 seconds by 2026': how long, read on
            ):
                return i + 1
            i -= 1
        return sent.start if sent.start < prep.i else None

    def _target_owner(self, sent: Span, phrase: Span, unit: str | None) -> DocEntity | None:
        for f in self.facts.fundings:
            # 'will invest 650 billion won to expand capacity from A to B by 2029': the project paid for (not
            # the money of a later clause: '..., and will build a steel plant with an investment of $5.8 billion')
            if f.sentence.start == sent.start and f.project in self.table.entities and f.amount.start < phrase.end_char:
                return self.table.entities[f.project]
        national = bool(unit) and NATIONAL_MEASURE.search(unit.lower())
        # projects named before this goal: what it measures may be one of them ('overseas logistics bases')
        earlier = [
            p for p in self.projects.by_key.values() if p.mentions and min(m[0] for m in p.mentions) < sent.start
        ] if unit and not national else []  # "the country's offshore wind capacity" measures no project
        measured = next(
            (p for p in earlier if same_project(unit, p.name) or _all_words_in(p.name, unit)),
            None,
        )  # every word of the project's name is in the measure: 'overseas logistics hubs' <- '... logistics bases'
        if measured is not None:
            return measured
        # the subject of the goal verb ('the alliance aims to', 'it targets', 'Korea also aims to')
        for t in sent_verbs(sent):
            if lemma(t) in lx.GOAL_VERBS | {"target"} and t.pos_ == "VERB":
                for s in verb_subjects(t):
                    owner = self._goal_owner(s)
                    if owner is not None:
                        return owner
        # a project sharing two words with the measure, when nobody is said to aim at it
        for p in earlier:
            if any(len(lemma_key(unit) & lemma_key(n)) >= 2 for n in p.all_names()):
                return p
        for t in sent_tokens(sent):
            # 'The government set a goal of ...', 'the ministry has a target of ...', 'the Government's target'
            if lemma(t) in {"goal", "target", "aim", "objective"} and t.dep_ in {"dobj", "attr"}:
                setter = t.head
                if setter.tag_ == "VBG" and setter.dep_ == "advcl":
                    # 'approved the National Chip Strategy, setting a goal of ...': the plan sets it
                    for o in (c for c in setter.head.children if c.dep_ == "dobj"):
                        plan = self.table.at(o.i)
                        if plan is not None and plan.type == "Project":
                            return plan
                for sub in verb_subjects(setter):
                    owner = self._goal_owner(sub)
                    if owner is not None:
                        return owner
            if lemma(t) in {"goal", "aim", "objective"} and t.dep_ == "pobj" and t.head.lower_ == "with":
                for sub in verb_subjects(t.head.head):  # 'KHIDI will run a centre with the aim of training ...'
                    owner = self._goal_owner(sub)
                    if owner is not None:
                        return owner
            if lemma(t) in {"goal", "target", "aim", "objective"} and t.pos_ == "NOUN":
                for poss in (c for c in t.children if c.dep_ == "poss"):
                    owner = self._goal_owner(poss)
                    if owner is not None:
                        return owner
        if any(t.lower_ in {"goal", "target", "aim"} for t in sent_tokens(sent)):
            return self._main_project() or self.projects.recent(sent.start)
        for t in phrase:
            if t.pos_ == "VERB":
                subjects = verb_subjects(t)
                ents = [e for s in subjects for e in self.entity_of(s, False)]
                if ents and ents[0].type in ORG_TYPES | {"Project"}:
                    return ents[0]
                for s in subjects:
                    if lemma(s) in lx.FACILITY_HEADS | BUILT_THINGS | {"device", "port"}:
                        # 'the yard will deliver its first vessel in 2029': the yard named before
                        return self._project_named_with(lemma(s), sent.start)
                break
        if any(lemma(t) in OUTPUT_WORDS for t in [*phrase, *sent_tokens(sent)[:4]]):
            # 'Production is scheduled to begin in 2028, with output reaching 25,000 wafers a month by 2031': what
            # the site the story is about makes
            site = self._last_facility(sent.end, self._sentences_back(sent.start, 3))
            if site is not None:
                return site
        # a goal nobody in the sentence owns ('exports are to reach $50 billion by 2030'): the government's
        return self._own_government()


    def _project_named_with(self, word: str, before: int) -> DocEntity | None:
        """The project last mentioned before token `before` with `word` in one of its names ('the
        yard' = 'a greenfield shipyard at Thoothukudi' is not found; 'the plant' = 'a cefazolin plant')."""
        return self._last_project(lambda p: any(word in lemma_key(n) for n in p.all_names()), before)

    def _last_facility(self, before: int, since: int = 0) -> DocEntity | None:
        """The described facility ('the vanadium refinery') mentioned last between tokens `since` and `before`:
        the site a story's unowned production goals are about."""
        return self._last_project(lambda p: _facility_named(p.name), before, since)

    def _last_project(self, wanted: Callable[[DocEntity], bool], before: int, since: int = 0) -> DocEntity | None:
        """The `wanted` project mentioned last between tokens `since` and `before`."""
        best, best_i = None, -1
        for p in self.projects.by_key.values():
            starts = [m[0] for m in p.mentions if since <= m[0] < before]
            if starts and max(starts) > best_i and wanted(p):
                best, best_i = p, max(starts)
        return best

    def _goal_owner(self, tok: Token) -> DocEntity | None:
        """Who owns a goal its subject (or possessor) names: an organisation or a project; a country
        stands for its government ('Korea also aims to hold 30 percent of ...')."""
        ents = self.entity_of(tok, False)
        if not ents:
            return None
        if ents[0].type in ORG_TYPES | {"Project"}:
            return ents[0]
        country = lx.CAPITALS.get(ents[0].name.lower()) if ents[0].type == "Place" else None
        if country is not None and country != "European Union":
            return government_of(self.table, country)  # 'Beijing has set a goal of ...'
        if ents[0].type == "Place" and ents[0].name in lx.COUNTRIES and "Union" not in ents[0].name:
            return government_of(self.table, ents[0].name)  # (a union of countries has no government of its own)
        return None


# business a goal counts in money: 'to win overseas orders worth 2 trillion won by 2035'
BUSINESS_WORTH = re.compile(r"\b(?:orders|contracts|deals|exports|sales|revenues?)\s+worth\b")
# who leads or sits on a body: 'chief executive of X', 'the board of X' (a fund headed so is a body)
CORPORATE_HEADS_OF = {"executive", "officer", "ceo", "chairman", "chair", "president", "board", "head", "director"}
# what two parties sign: 'an agreement with PIF to set up a joint plant' (the partner is a party, and acts)
DEAL_NOUNS = {"agreement", "deal", "partnership", "memorandum", "mou", "venture", "contract"}
# verbs that set up what an amount is written into ('create a 500 billion won fund', 'build a $2 billion plant')
SETTING_UP_VERBS = {"create", "launch", "establish", "form", "build", "construct", "open"}
# what may be built besides plants and programmes: 'a humanoid demonstration center will be built by X'
BUILT_THINGS = {"center", "centre", "platform", "network", "cluster", "base", "port", "terminal", "campus"}
# Korean counties, districts and towns: below a city, so a bare city name is never in one
LOCAL_SUFFIXES = ("-gun", "-gu", "-eup", "-myeon", "-dong")
# a measure of the whole country, not of one project: "the country's offshore wind capacity"
NATIONAL_MEASURE = re.compile(r"\b(?:the country|the nation|nationwide|domestic|global|the world)\b")
# 'raising domestic sales of chips to more than 15 trillion yen': a measure raised to an amount, no money spent
RAISED_TO_NUMBER = re.compile(
    r"\b(?:rais|lift|boost|increas|grow)(?:e|es|ed|ing|s)?\b(?! (?:funds|money|capital)\b)[^,;]*? to "
    r"(?:about |around |over |more than |at least )?\S*\d"
)
# 'from $X to $Y', 'from 250 to 500 units': a change of a measure
FROM_TO_NUMBER = re.compile(
    r"\bfrom (?:about |around |some )?\S*\d[^,;]*? to (?:about |around |over |more than )?\S*\d"
)
# a ministry's own name: 'Ministry of ...', 'Department for ...', 'Executive Yuan'
MINISTRY_NAME = re.compile(r"\b(?:Ministry|Department|Yuan)\b")
# subjects that are measures: a goal's name keeps them ('the number of pilot zones will be expanded')
MEASURED_SUBJECTS = {"number", "share", "output", "capacity", "production", "sales", "export", "revenue", "value",
                     "rate", "volume", "proportion", "percentage"}
# what a site's goals measure: 'production is to begin in 2028', 'output of 6,000 tonnes a year by 2030'
OUTPUT_WORDS = {"production", "output", "capacity", "operation", "delivery", "produce", "operate", "deliver"}
# 'The centre is located in X', 'The fund is registered in Beijing': where something is
SITUATED_WORDS = lx.BASED_WORDS | {"located", "situated", "registered"}
# what a plan or body had done to it once ('a plan launched in 2021', 'an agency set up in 2019')
PAST_EVENT_VERBS = {"launch", "unveil", "announce", "adopt", "introduce", "approve", "found", "establish", "create",
                    "set", "sign", "pass", "enact", "form"}
# '... targeted for 2029': the words that make 'for <year>' a deadline
SCHEDULED_FOR_WORDS = {"due", "set", "slated", "scheduled", "targeted", "planned", "earmarked", "pencilled", "penciled"}
# 'is due to start in 2027', 'is designed to turn out 200 tons a year by 2029'
SCHEDULED_WORDS = {"due", "set", "slated", "poised", "designed", "expected", "scheduled", "intended"}
GOAL_WORDS = lx.GOAL_VERBS | {"goal", "target", "aim", "plan", "schedule", "slate"}
DURATION_WORDS = {"seconds", "minutes", "hours", "days", "weeks", "months", "years"}
# who forecasts rather than aims: 'Industry analysts expect ...'
FORECASTERS = {"analyst", "economist", "expert", "forecaster", "observer", "researcher", "strategist"}
# what money is spent to change: 'to raise annual output from 250 to 500 units'
RAISING_VERBS = {"raise", "expand", "increase", "lift", "boost", "double", "triple", "grow", "cut", "reduce"}
# 'a target of $500 billion in annual electronics production': an amount that is a goal, not money paid
GOAL_AMOUNT = re.compile(r"\b(?:target|goal|aim|objective|ambition)s? of (?:about |around |more than |over )?\S*\d")
YEAR_IN_TEXT = re.compile(r"\b(?:19|20)\d\d\b|\bsame (?:year|date|period|deadline)\b")
# heads of projects that a story names once and then calls by the head alone ('the fund')
NAMED_BY_HEAD = ("fund", "package", "initiative", "scheme")
# verbs whose subject is the measure that changes: 'the share of X will climb from 3 to 50 percent by 2030'
CHANGE_VERBS = {"climb", "rise", "grow", "reach", "increase", "fall", "drop", "decline", "double", "triple", "hit"}
GOAL_MILESTONE_VERBS = {
    "produce",
    "release",
    "launch",
    "complete",
    "commercialize",
    "commercialise",
    "achieve",
    "reach",
    "start",
    "begin",
    "operate",
    "become",
    "open",
    "finish",
    "deploy",
    "obtain",
    "sign",
    "win",
    "sell",
    "fly",
    "land",
    "enter",
    "introduce",
    "debut",
    "install",
    "commission",
    "mass-produce",
    "deliver",
    "ship",
    "unveil",
    "roll",
    "build",
    "develop",
}


def _target_evidence(phrase: Span) -> tuple[list[Token], bool]:
    """The numbers a goal phrase states, and whether it names a milestone instead."""
    numbers = [
        t
        for t in phrase
        if (t.like_num or t.ent_type_ in {"CARDINAL", "PERCENT", "MONEY"}) and not year_of(t) and not _is_spec(t)
    ]
    if not numbers and find_amounts(phrase.text):  # 'T$60 billion', which the model leaves untagged
        numbers = [t for t in phrase if any(c.isdigit() for c in t.text) and not year_of(t)]
    milestone = any(lemma(t) in lx.MILESTONE_NOUNS | GOAL_MILESTONE_VERBS for t in phrase)
    return numbers, milestone


def _better_project_name(a: str, b: str) -> bool:
    """Is `a` the better name for one project: a proper name ('Automotive Transformation Fund') over a
    description, else the longer one."""
    proper_a, proper_b = _proper_name(a), _proper_name(b)
    if proper_a != proper_b:
        return proper_a
    return len(a) > len(b)


# the units a project's size is told in ('the 290-kilometer line'): words that tell no two projects apart
SIZE_UNITS = {"kilometer", "kilometre", "km", "mile", "megawatt", "mw", "gigawatt", "gw", "gwh", "mwh", "tonne",
              "ton", "hectare", "acre", "meter", "metre", "qubit", "wafer", "bed", "berth", "lane", "storey"}


def _measure_word(word: str) -> bool:
    return any(c.isdigit() for c in word) or word in SIZE_UNITS


def _facility_named(name: str) -> bool:
    """'chiplet packaging plant in Kikuyo': a described facility (its head before any attachment), not a
    programme's proper name ('Critical Minerals Facility') nor 'road connections to the site'."""
    if _proper_name(name):
        return False
    words = re.split(r"\s+(?:in|at|near|for|of|to|on)\s+", name.lower())[0].split()
    return bool(words) and words[-1].removesuffix("s") in lx.FACILITY_HEADS


def _proper_name(name: str) -> bool:
    words = [w for w in name.split() if w[:1].isalpha() and w.lower() not in {"of", "and", "the", "for", "in", "to"}]
    return bool(words) and all(w[:1].isupper() for w in words)


def _named_team(ent: DocEntity) -> bool:
    """'UAM Future Team', 'Cyber Threat Response Council': a team or council the model typed as one
    organisation, which the organisations listed as its members make an alliance."""
    return ent.type in {"Organization", "Company", "GovernmentAgency"} and ent.name.endswith(TEAM_HEADS)


def _owner_of_parts(tok: Token, table: EntityTable) -> bool:
    """'three affiliates of KEPCO: A, B and C': KEPCO owns the listed members, it is not one of them."""
    ent = table.at(tok.i)
    head = tok
    while head.head.i != head.i and table.at(head.head.i) is ent:
        head = head.head  # the top of the name's own tokens
    for t in (tok, head):
        if t.dep_ == "pobj" and t.head.lower_ == "of" and lemma(t.head.head) in {
            "affiliate",
            "subsidiary",
            "unit",
            "division",
            "arm",
        }:
            return True
    return False


def end_of_mention(finder: FactFinder, start: int) -> int:
    ent = finder.table.at(start)
    i = start
    while i < len(finder.doc) and finder.table.at(i) is ent:
        i += 1
    return i


def _generic_alone(tok: Token) -> bool:
    return not any(c.dep_ in {"compound", "amod", "nmod", "prep", "acl"} for c in tok.children)


def _deadline_after(window: Span, k: int) -> int | None:
    """The year a preposition's object names: '2026', 'March 2028', 'its 2026 budget'."""
    if year_of(window[k]):
        return year_of(window[k])
    if k + 1 >= len(window) or not year_of(window[k + 1]):
        return None
    budget = window[k].lower_ in {"its", "the"} and k + 2 < len(window) and window[k + 2].lower_ == "budget"
    return year_of(window[k + 1]) if window[k].lower_ in lx.MONTH_WORDS or budget else None


def _facility_among(tokens: Iterable[Token]) -> Token | None:
    """The first facility or project noun among the tokens ('to a battery cell factory')."""
    return next((t for t in tokens if t.pos_ == "NOUN" and lemma(t) in lx.FACILITY_HEADS | {"project"}), None)


def _facility_paid_for(head: Token) -> Token | None:
    """'CHIPS funding for Arizona advanced packaging plant', 'grants to a battery factory': money named by
    its instrument goes to the facility it is for."""
    if lemma(head) not in INSTRUMENTS | {"funding"}:
        return None
    return _facility_among(t for c in head.children if c.lower_ in {"for", "to"} for t in c.subtree)


def _investing_fund(tok: Token) -> bool:
    """'Indonesia's sovereign wealth fund', 'the national pension fund': a body that invests, not a programme."""
    return lemma(tok) == "fund" and any(c.lower_ in INVESTOR_FUND_WORDS for c in tok.lefts)


# what a place is called before its name: 'the US state of Michigan', 'the southern province of Aceh'
LEVEL_OF_WORDS = {"state", "province", "prefecture", "city", "county", "region", "district", "island", "emirate"}
US_WORDS = {"US", "U.S."}


def _after_level_of(doc: Doc, k: int, end: int) -> int:
    """The token after 'state of' when a level word and 'of' start at k ('state of Santa Catarina'), else k."""
    j = k
    while j < end - 2 and (doc[j].pos_ == "ADJ" or doc[j].lower_ == "the" or doc[j].text in US_WORDS):
        j += 1  # 'the southern state of', 'the US state of'
    if j + 1 < end and doc[j].lower_ in LEVEL_OF_WORDS and doc[j + 1].lower_ == "of":
        return j + 2
    return k


def _before_level_of(doc: Doc, i: int, start: int) -> int:
    """The first token of 'the US state of' when it stands right before a place name at i, else i."""
    if i - 2 < start or doc[i - 1].lower_ != "of" or doc[i - 2].lower_ not in LEVEL_OF_WORDS:
        return i
    j = i - 2
    while j - 1 >= start and (doc[j - 1].pos_ == "ADJ" or doc[j - 1].lower_ == "the" or doc[j - 1].text in US_WORDS):
        j -= 1
    return j


def _own_clause(verb: Token) -> list[Token]:
    """The clause a verb heads without the announcements of other subjects inside it: in 'X said it would invest
    in A, while Y announced B', what X said is A (but in 'X said A will get N, while B was granted M', both)."""
    subtree = list(verb.subtree)
    others = [
        t
        for t in subtree
        if t.i != verb.i
        and t.dep_ in {"advcl", "conj"}
        and t.pos_ == "VERB"
        and lemma(t) in SPEECH_VERBS
        and any(c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ in {"PROPN", "NOUN"} for c in t.children)
    ]
    left_out = {x.i for t in others for x in t.subtree}
    return [t for t in subtree if t.i not in left_out]


SPEECH_VERBS = lx.ANNOUNCE_VERBS | {"say"}


# what a site needs, paid for as part of the site: 'for land and utilities', 'for land, power and water connections'
SITE_INPUTS = {"land", "utility", "utilities", "power", "water", "electricity", "road", "roads", "connection", "access"}
# 'Grant: €210 million', 'EIB loan:', 'a grant of', 'and an EIB loan of' right before an amount
INSTRUMENT_LABEL = re.compile(
    r"(?:^|[.;]\s+|\b(?:a|an|and|with)\s+)(?:[A-Z][\w.&-]*\s+)?(?P<instrument>grants?|loans?|equity|guarantees?|subsid(?:y|ies))"
    r"(?:\s*:|\s+of)\s*$",
    re.I,
)


def _built_thing(project: DocEntity) -> bool:
    """A project one builds or opens: a site ('a cathode plant') or a name ('K-Defense Export Support Center')."""
    return bool(set(lemma_key(project.name)) & lx.FACILITY_HEADS) or project.name[:1].isupper()


def _purpose_of_amount(noun: Token) -> Token:
    """What an amount is for, where a clause hangs on the amount: 'A$900 million for the Green Metals Fund,
    to be administered by ARENA' administers the fund, not the money."""
    if noun.ent_type_ != "MONEY" and noun.tag_ != "CD":
        return noun
    purposes = [p for c in noun.children if c.lower_ == "for" for p in c.children if p.dep_ == "pobj"]
    return purposes[0] if purposes else noun


def _sets_up(verb: Token) -> bool:
    """'set up' (not 'set aside', 'set a goal')."""
    return lemma(verb) == "set" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)


PASSIVE_BUILT_VERBS = {"build", "construct", "develop", "complete", "establish", "set", "open", "launch", "create"}


def _will_be_built(verb: Token) -> bool:
    """'... will be developed', '... is to be built': a main-clause passive that makes something new."""
    return (
        verb.pos_ == "VERB"
        and lemma(verb) in PASSIVE_BUILT_VERBS
        and verb.dep_ in {"ROOT", "conj", "ccomp"}
        and _passive(verb)
        and _future(verb, also=("to",))
    )


def _future(verb: Token, also: tuple[str, ...] = ()) -> bool:
    """'will build', 'would open' (and, where asked, 'is to be built'): what the clause says is yet to come."""
    return any(c.dep_ == "aux" and c.lower_ in {"will", "would", "'ll", *also} for c in verb.children)


def _headed_alias(a: DocEntity, b: DocEntity) -> bool:
    """'MASGA package' and 'Make American Shipbuilding Great Again (MASGA) project': one project's name is
    the other's short name (an acronym) with a programme's head after it."""
    for x, y in ((a, b), (b, a)):
        short, _, head = x.name.rpartition(" ")
        if short and head in lx.PROGRAMME_HEADS and (short == y.name or short in y.aliases):
            return True  # (also 'K-Smart Yard project' and 'K-Smart Yard')
    return False


def _price_of_a_recipient(anchor: Token, span: Span) -> bool:
    """'The €1.5 billion cathode plant will receive €250 million': an amount before the noun that receives
    money prices that thing; nobody commits it."""
    noun = anchor.head
    while noun.i < span.end and noun.head.i != noun.i and noun.dep_ in {"nummod", "compound", "nmod", "amod"}:
        noun = noun.head  # (past the amount's own words: '€1.5 billion')
    if noun.i < span.end or noun.pos_ != "NOUN" or noun.ent_type_ == "MONEY":
        return False
    verb = noun.head
    return noun.dep_ in {"nsubj", "nsubjpass"} and (
        lemma(verb) in RECEIVE_VERBS or _passive(verb) and lemma(verb) in RECIPIENT_VERBS
    )


def _all_words_in(name: str, measure: str) -> bool:
    """Every content word (two or more) of `name` is among the measure's: 'overseas logistics hubs' in
    'government-backed overseas logistics bases'."""
    words = lemma_key(name)
    return len(words) >= 2 and words <= lemma_key(measure)


def _committed_to(verb: Token) -> bool:
    """'agreed / decided / plans to shut X' (also the second of 'agreed to A and to B'): what the subject
    has bound itself to do."""
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head
    return verb.dep_ == "xcomp" and lemma(verb.head) in PLANNING_VERBS | {"promise", "pledge", "vow", "commit"}


def _under_way(verb: Token) -> bool:
    """'is building', 'are constructing': what the clause says is being done now, as a future is."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in {"is", "are", "'s", "'re"} for c in verb.children)


def _builds_a_facility(verb: Token) -> bool:
    """'which is building a gigafactory in X': the object is a plant or site, not what the plant makes."""
    return any(c.dep_ == "dobj" and lemma(c) in lx.FACILITY_HEADS | BUILT_THINGS for c in verb.children)


def _comprising(verb: Token) -> bool:
    """'comprising', 'including', 'made up of', 'consisting of', 'composed of': a clause that lists members."""
    if lemma(verb) in {"comprise", "include", "involve"}:
        return True
    if lemma(verb) == "make":
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    return lemma(verb) in {"consist", "compose"} and any(c.lower_ == "of" for c in verb.children)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


PROGRAMME_NAME_HEADS = lx.PROPER_NAME_HEADS | {"strategy", "plan"}
# a site named by its town alone: 'Bowling Green site', 'Sherman plant'
TOWN_SITE = re.compile(r"([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}) (?:site|plant|facility|factory|fab|campus)")
# heads a definite description may add to the words of the project it takes up: 'the SiC project'
DESCRIPTION_HEADS = {"project", "programme", "program", "plan", "initiative", "scheme", "effort", "work"}


def _relative_antecedent(prep: Token) -> Token | None:
    """The noun a 'for which' clause hangs on: 'three tasks, for which ...' -> 'tasks'."""
    doc = prep.doc
    k = prep.i - 1
    if k < 1 or doc[k].text != ",":
        return None
    noun = doc[k - 1]
    return noun if noun.pos_ in {"NOUN", "PROPN"} else None


def _amount_is_subject(anchor: Token, verb: Token) -> bool:
    """Whether the amount is the verb's subject: '336 billion won will be covered by ...'."""
    tok = anchor
    for _ in range(4):  # billion -> won -> of -> total
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.i == verb.i:
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i == verb.i and tok.head.i < tok.i:
            return True  # 'Of the total, 336 billion won will be covered by ...' parsed as one phrase
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _bought_worth(anchor: Token) -> Token | None:
    """The buying verb whose object the amount is the worth of: 'order 12 ships worth 2.6 trillion won'."""
    worth = anchor.head
    while worth.dep_ in {"nummod", "compound", "npadvmod", "pobj"} and worth.lower_ != "worth":
        if worth.head.i == worth.i:
            break
        worth = worth.head
    thing = worth.head if worth.lower_ == "worth" else None
    if thing is None or thing.dep_ != "dobj" or lemma(thing.head) not in BUYING_VERBS:
        return None
    return thing.head


def _at_a_cost(anchor: Token) -> Token | None:
    """The verb an amount is the cost of: 'buy 50,000 drones ..., at a cost of T$14.5 billion' -> buy; 'will
    build a plant in Sanand with an investment of ₹2,400 crore' -> build."""
    of = anchor.head
    cost = of.head if of.lower_ == "of" else None
    at = cost.head if cost is not None and lemma(cost) in {"cost", "price", "investment"} else None
    if at is None or at.lower_ not in {"at", "for", "with"} or at.head.pos_ != "VERB":
        return None
    return at.head


CHANGE_WORDS = re.compile(
    r"(?i)\b(?:rais|lift|increas|boost|grow|grew|expand|doubl|tripl|cut|reduc|bring|brought|tak|took|push|ris|rose)\w*\b"
)


def _measured_change(sent: Span, amount: AmountMatch) -> bool:
    """'raise silicon photonics output value from NT$30 billion in 2025 to NT$150 billion by 2030': money
    that measures a change (a goal or a statistic), not money anyone moves."""
    rel = amount.start - sent.start_char
    text = span_text(sent)
    for m in FROM_TO_NUMBER.finditer(text):
        if m.start() - 2 <= rel < m.end() and CHANGE_WORDS.search(" ".join(text[: m.start()].split()[-7:])):
            return True
    return False


# what a government's money is called: a body that hands it out is a public one
PUBLIC_MONEY_NOUNS = {"subsidy", "grant", "fund", "funding", "incentive", "loan", "support", "budget", "money"}
# titles only a government gives: a body such a person chairs is a public one
MINISTERIAL_TITLES = lx.PORTFOLIO_TITLES - {"secretary"} | {"premier"}
# where a company works: 'its Okpo yard on Geoje Island', 'operates data centers in Chuncheon'
SITES = lx.FACILITY_HEADS | {"works", "yards", "fabs", "mills", "refineries", "smelters", "center", "centre"}
SITES |= {"centers", "centres"}
# what a relative clause of place can be about: 'an AI data center ..., in which X will invest'
SITE_LEMMAS = {lemma for lemma in lx.FACILITY_HEADS | lx.PROGRAMME_HEADS | lx.PROJECT_HEADS if not lemma.endswith("s")}
# the words between a scheduled thing and its verb: 'the first due to be completed in 2027'
SCHEDULE_WORDS = {"due", "scheduled", "set", "expected", "slated", "poised", "to", "be", "is", "are", "will"}
# what a company does with a site it has: 'operates recycling plants in Gunsan', 'runs a cathode plant in Gumi'
# nouns an apposition describes an organisation by: 'X, a research body in Daejeon', 'X, a parts maker in Changwon'
DESCRIBING_NOUNS = {d for d, t in lx.DESCRIPTOR_TYPES.items() if t in ORG_TYPES} | {
    "body",
    "center",
    "centre",
    "institute",
    "lab",
    "laboratory",
}
OPERATING_VERBS = {"operate", "run", "own", "have", "buy", "acquire"}


def _reaches(tok: Token, target: Token, steps: int) -> bool:
    """`tok` is `target`, or its head chain reaches it (or it reaches `target`'s head) within `steps`."""
    for _ in range(steps + 1):
        if tok.i in {target.i, target.head.i}:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _plan_name(name: str) -> bool:
    """'National Chip Strategy', 'Quantum Leap Strategy 2035': a plan's proper name."""
    ws = [w for w in name.split() if not re.fullmatch(r"(?:19|20)\d\d", w)]
    return len(ws) >= 2 and ws[0][:1].isupper() and ws[-1].lower() in lx.PLAN_NAME_HEADS


def _measured_things(measure: Token) -> list[Token]:
    """What a measure is of or at: 'the capacity of its Metaplant America', 'output at its plant in X'."""
    return [
        o for p in measure.children if p.dep_ == "prep" and p.lower_ in {"of", "at"}
        for o in p.children if o.dep_ == "pobj" and (o.pos_ == "PROPN" or lemma(o) in lx.FACILITY_HEADS)
    ]


def _changes_a_measure(verb: Token) -> bool:
    """'to raise cosmetics exports from $11.4 billion to $16 billion', 'raise annual output ... from 250 to 500
    units': a measure moved from one number to another is a target's subject, not a project."""
    if lemma(verb) not in {"raise", "increase", "boost", "grow", "lift", "expand", "double", "triple", "cut",
                           "reduce", "improve"}:
        return False
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(
        p.dep_ == "prep" and p.lower_ in {"from", "to"}
        and any(o.dep_ == "pobj" and (o.like_num or o.ent_type_ in {"MONEY", "CARDINAL", "PERCENT", "QUANTITY"}
                                      or any(n.like_num for n in o.children)) for o in p.children)
        for h in heads for p in h.children
    )


def _opening_place(name: str, places: dict[str, DocEntity]) -> DocEntity | None:
    """The place a project's name opens with, the name going on after it: 'Ulsan AI data center', 'the
    Bowling Green site' (the longest place of up to three words; a name that is only the place is none)."""
    ws = name.removeprefix("the ").split()
    for k in (3, 2, 1):
        if k < len(ws) and " ".join(ws[:k]) in places:
            after = ws[k]  # in lower case or an acronym ('Ulsan AI data center'); 'Korea Zinc smelter' is a company's
            return places[" ".join(ws[:k])] if after[:1].islower() or after[:1].isdigit() or after.isupper() else None
    return None


def _relative_of_place(verb: Token) -> bool:
    """Whether a relative clause opens with 'in which', 'into which' or 'where' (money spent in its head)."""
    return any(
        c.dep_ == "advmod" and c.lower_ == "where"
        or c.dep_ == "prep" and c.lower_ in {"in", "into"} and any(p.lower_ == "which" for p in c.children)
        for c in verb.children
    )


def _standing_public_fund(ent: DocEntity, fundings: list[FoundFunding], lends: bool = False) -> bool:
    """A fund that pays as an institution ('the National Wealth Fund will provide £250mn'): named '... Fund'
    with a public word, or any '... Fund' or '... Facility' that lends; and no money of the story paid into it."""
    words = ent.name.lower().split()
    public = (
        len(words) >= 3
        and words[-1] == "fund"
        and bool(set(words) & (lx.STATE_MODIFIERS | {"development", "wealth", "investment", "guarantee"}))
    )
    lender = lends and ent.name.split()[-1] in {"Fund", "Facility"}
    return (public or lender) and not any(f.project == ent.key for f in fundings)


def _spends_money(tok: Token) -> bool:
    """Whether the subject's verb moves an amount of money ('Kioxia will shoulder roughly ¥1.08 trillion')."""
    objects = (c for c in tok.head.children if c.dep_ == "dobj") if tok.dep_ == "nsubj" else ()
    return any(find_amounts("".join(t.text_with_ws for t in c.subtree)) for c in objects)


def _public_purse(tok: Token) -> bool:
    """'the state budget', 'the national treasury', 'public funds', 'government coffers': the government's money."""
    if lemma(tok) not in PURSE_NOUNS:
        return False
    return any(c.lower_ in {"state", "government", "national", "public", "central", "federal"} for c in tok.children)


# verbs whose object is what a plant turns out, not what is paid for
PRODUCING_VERBS = {"produce", "make", "manufacture", "turn", "process", "refine", "assemble", "churn"}
# 'with a total investment of €2.9bn', 'an investment worth'
INVESTMENT_OF = re.compile(r"\binvestment (?:of|worth)(?: (?:about|around|some|nearly|almost|up to))?\s*$")
# '€902 million in German state aid': the people's adjective before the aid ('(about $980 million)' skipped)
NATIONAL_AID = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:in|of) ((?:South |North )?[A-Z][a-z]+) (?:state |public |government |federal )?"
    r"(?:aid|subsid(?:y|ies)|support|funding|grants?|incentives)\b"
)


def _money_source(tok: Token) -> bool:
    """'KRW 152 billion in government funds': whose money it is, not a programme."""
    return lemma(tok) in {"fund", "funds", "money", "budget"} and any(
        c.lower_ in {"government", "public", "state", "private", "own", "taxpayer", "national"} for c in tok.children
    )


def _is_additional(text: str, amount: AmountMatch) -> bool:
    """'another 700 billion won', 'an additional $5 billion': a new commitment, not a restatement."""
    before = text[max(0, amount.start - 25) : amount.start].lower()
    return bool(re.search(r"\b(another|additional|further|extra|second|new)\s*(?:\(|\$)?$", before.strip()))


def _same_money(a: AmountMatch, b: AmountMatch) -> bool:
    pa = [(a.value, a.currency)] + ([(a.conversion.value, a.conversion.currency)] if a.conversion else [])
    pb = [(b.value, b.currency)] + ([(b.conversion.value, b.conversion.currency)] if b.conversion else [])
    return any(ca == cb and abs(va - vb) <= 0.02 * max(va, vb) for va, ca in pa for vb, cb in pb)


NAME_LABELS = {"Person", "Place", "Company", "GovernmentAgency", "Organization", "Association", "Alliance"}
MEASURE_UNITS = {
    "nm",
    "mm",
    "cm",
    "km",
    "kg",
    "gw",
    "mw",
    "kw",
    "gwh",
    "mwh",
    "kwh",
    "ghz",
    "mhz",
    "v",
    "kv",
    "tb",
    "gb",
    "mb",
    "g",
    "kb",
}


GLUED_CAPACITY = re.compile(r"\d[\d.,]*(?:twh|gwh|mwh|kwh|gw|mw|kw)")


def _is_spec(tok: Token) -> bool:
    """'2nm', '5G', '300 mm': a specification, not a target number ('16GWh' is a quantity)."""
    if any(c.isalpha() for c in tok.text) and tok.lower_ not in WORD_NUMBERS and not GLUED_CAPACITY.fullmatch(
        tok.lower_
    ):
        return True
    doc = tok.doc
    if (
        tok.i + 2 < len(doc)
        and doc[tok.i + 1].text == "-"
        and not tok.whitespace_
        and not doc[tok.i + 1].whitespace_
        and (doc[tok.i + 2].lower_ in MEASURE_UNITS or doc[tok.i + 2].lower_.rstrip("s") in lx.SPEC_WORDS)
    ):
        return True  # '8-inch wafers', 'a 174,000-cubic-meter carrier', '15-year contracts': a modifier
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ not in MEASURE_UNITS:
        return False
    # '300 mm wafers' is a specification; 'securing 10 GW of power', 'a capacity of 40 GWh a year' the
    # quantity itself
    return nxt.dep_ not in {"dobj", "pobj", "attr", "conj", "appos", "nsubj", "nsubjpass", "ROOT"}


def _scaled_number(tok: Token) -> float | None:
    """'1 million' is 1e6: the number with the scale word after it."""
    value = _word_number(tok)
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if value is not None and nxt is not None and nxt.lower_ in SCALE_WORDS:
        value *= SCALE_WORDS[nxt.lower_]
    return value


def _word_number(tok: Token) -> float | None:
    text = tok.text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return WORD_NUMBERS.get(tok.lower_)


def _priced_noun(anchor: Token) -> Token | None:
    """The noun an amount prices: 'its US$7 billion plant' -> plant, 'a €5 billion aid package' -> package
    (else the head three steps up; none past the root)."""
    tok = anchor
    for _ in range(3):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ == "NOUN":
            break
    return tok


# words that say whose or how much an instrument is, but name no programme: 'public funding', 'a £25m grant'
PLAIN_MONEY_WORDS = {"public", "state", "private", "fiscal", "capital", "proposed", "federal", "government",
                     "additional", "further", "new", "direct", "financial", "remaining", "extra", "total", "equity",
                     "own", "central", "local", "m", "bn", "million", "billion", "trillion"}
BARE_INSTRUMENTS = {"grant", "loan", "subsidy", "stake", "investment", "funding", "financing", "aid", "support",
                    "money", "contribution", "injection", "backing", "equity"}


def _bare_instrument(name: str) -> bool:
    """'25m grant', 'public funding', 'remaining £35m': money's form or source, no programme's name."""
    words = re.findall(r"[a-z]+", name.lower())
    if not words or name[:1].isupper() and not name[:1].isdigit():
        return False
    head = words[-1].removesuffix("s") if words[-1] not in {"stakes"} else "stake"
    if head not in BARE_INSTRUMENTS and words[-1] not in {"m", "bn"}:
        return False
    return all(w in PLAIN_MONEY_WORDS or w.removesuffix("s") in BARE_INSTRUMENTS for w in words[:-1])


def _bullet(tok: Token) -> bool:
    """'  o KRW 620 billion for ...', '□ In addition, ...': a press release's bullet glyph opening a line."""
    at_line_start = tok.i == 0 or "\n" in tok.doc[tok.i - 1].text or "\n" in tok.doc[tok.i - 1].whitespace_
    return at_line_start and tok.text in {"o", "ㅇ", "□", "■", "▲", "◆", "○", "●", "◦", "▪"}


def _instrument_purpose(noun: Token) -> Token:
    """'subsidies for the Nippon Steel plant': an aid instrument is how money comes; the facility or
    programme after its 'for' is what the money pays for (else the noun itself)."""
    if lemma(noun) not in INSTRUMENTS | {"budget"}:
        return noun
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if (
                lemma(obj) in lx.FACILITY_HEADS | lx.PROJECT_HEADS | EVENT_VERBS.keys() | {"unit"}
                and lemma(obj) not in INSTRUMENTS
            ):  # ('set aside 210 billion won in its 2026 budget for the expansion': the expansion)
                return obj
    return noun


def _priced_deal(anchor: Token) -> Token | None:
    """The purchase an amount prices: 'a $7.2 billion contract', 'an order worth $3 billion'."""
    tok = _priced_noun(anchor)
    return tok if tok is not None and lemma(tok) in {"contract", "order", "deal", "purchase"} else None


def _numbered_name(tok: Token) -> bool:
    """'Level 4 robotaxi service', 'Phase 2': a small number that completes a capitalised word names a grade."""
    prev = tok.doc[tok.i - 1] if tok.i else None
    return (
        prev is not None
        and tok.text.isdigit()
        and len(tok.text) <= 2
        and prev.text[:1].isupper()
        and prev.is_alpha
        and not prev.is_sent_start
    )


def _target_value(phrase: Span) -> TargetMeasures:
    """Value, unit, baseline, currency and qualifier of a target phrase."""
    text = phrase.text
    amounts = find_amounts(text)
    qualifier = None
    m = re.search(
        r"\b(more than|at least|over|up to|nearly|almost|around|about|less than|below|under|fewer than)\b", text, re.I
    )
    if m:
        qualifier = m.group(1).lower().replace("over", "more than")
        qualifier = {"below": "less than", "under": "less than", "fewer than": "less than"}.get(qualifier, qualifier)
    first_number = next(
        (t for t in phrase if t.like_num and t.ent_type_ != "MONEY" and not year_of(t) and not _is_spec(t)), None
    )
    if amounts and (first_number is None or first_number.idx - phrase.start_char >= amounts[0].start):
        a = amounts[0]
        later = [b for b in amounts[1:] if b.currency == a.currency]
        if later and re.search(r"\bfrom\W+(?:\w+\W+){0,2}$", text[: a.start]) and re.search(
            r"\bto\W+(?:\w+\W+){0,2}$", text[a.end : later[0].start]
        ):  # 'from KRW 16 trillion last year to KRW 30 trillion': the goal, up from the baseline
            return later[0].value, a.currency, a.value, a.currency, qualifier or later[0].qualifier
        return a.value, a.currency, None, a.currency, qualifier or a.qualifier
    baseline = None
    um = re.search(r"\bup from (?:about |around |roughly )?([\d,.]+)", text)
    fm = re.search(
        r"\bfrom (?:about |around |roughly |some |nearly |just )?([\d,.]+|[a-z]+)"
        r"(?: (?:million|billion|trillion|lakh|crore))?"
        r"(?:\s*(?:percent|per cent|%)|(?= [A-Za-z]+(?: [A-Za-z]+)?(?: (?:a|per) (?:year|month|day))?"
        r"(?: (?:at present|now|currently|today|this year|last year))?"
        r" to (?:about |around |more than |at least |over |below |under )?[\d,.]+)"
        r" [A-Za-z]+(?: [A-Za-z]+)?)?"  # '54 days', '4 GW', '10 gigawatt hours'
        r"(?: (?:a|per) (?:year|month|day))?"  # '1.2 lakh tonnes a year'
        r"(?: (?:at present|now|currently|today|this year|last year|in \d{4}))?"
        r" to (?:about |around |more than |at least |over |below |under |less than |fewer than )?([\d,.]+|[a-z]+)",
        re.sub(r"\s*\([A-Za-z]{1,8}\)", "", text),  # 'from 10 gigawatt hours (GWh) to 40 GWh'
    )
    value = None
    unit_start = None
    if fm:
        toks = {t.text: t for t in phrase}
        b, v = toks.get(fm.group(1)), toks.get(fm.group(2))
        baseline = _scaled_number(b) if b is not None else None
        value = _scaled_number(v) if v is not None else None
    held = None if fm else re.search(r"\bfor (\d[\d,.]*) (seconds|minutes|hours)\b", text)
    if held:  # 'sustain plasma at 100 million degrees for 300 seconds': how long is what the goal measures
        return float(held.group(1).replace(",", "")), held.group(2), None, None, qualifier
    pm = None if fm else re.search(r"\bby (?:about |around |some )?(\d[\d.,]*)\s*(?:percent|per cent|%)", text)
    if pm:
        value = float(pm.group(1).replace(",", ""))  # 'raise productivity at the three yards by 30 percent'
    for i, t in enumerate(phrase):
        if value is None and GLUED_CAPACITY.fullmatch(t.lower_):
            value = float(t.lower_.rstrip("twhgmk").replace(",", ""))  # 'rising to 16GWh'
            unit_start = i + 1
        if (
            value is None
            and (t.like_num or t.ent_type_ in {"CARDINAL", "PERCENT"})
            and not year_of(t)
            and not _is_spec(t)
            and t.ent_type_ not in NAME_LABELS  # 'dismantle Kori 1 by 2037': a name's number counts nothing
            and not _numbered_name(t)
        ):
            value = _scaled_number(t)
            unit_start = i + 1
    unit = None
    if unit_start is not None:
        rest = phrase[unit_start:]
        words = [t.text for t in rest if not t.like_num]
        while (
            words
            and rest[len(words) - 1 : len(words)].text.endswith(("ed", "ing"))
            and len(words) > 1
            and rest[len(words) - 1].tag_ in {"VBN", "VBG", "VBD"}
        ):
            words.pop()
        unit = " ".join(words).strip() or None
        if unit and len(words) > 4:
            # 'five new drugs with global annual sales of ...': the unit is the noun phrase, not the clause
            kept = []
            for t in rest:
                if t.pos_ not in {"NOUN", "ADJ", "PROPN", "NUM"} and t.text != "-" or t.like_num and kept:
                    break
                if not t.like_num:
                    kept.append(t.text)
            unit = " ".join(kept) or unit
        if unit and unit.lower().startswith("percent"):
            unit = "percent"
    elif fm:
        # 'expand government-backed overseas logistics bases from nine to 40': the object is the unit
        obj = text[: fm.start()].split(" ", 1)
        unit = obj[1].strip() or None if len(obj) > 1 else None
    if baseline is None and um:
        with contextlib.suppress(ValueError):
            baseline = float(um.group(1).replace(",", ""))
    return value, unit, baseline, None, qualifier


def _is_project(ent: DocEntity | None) -> bool:
    return ent is not None and ent.type == "Project"


def _prepares_nothing(verb: Token) -> bool:
    """'prepare a financing package for X' pays for X; 'prepare for the carbon border tax' does not."""
    return lemma(verb) in {"prepare", "arrange"} and not any(c.dep_ == "dobj" for c in verb.children)


COUNTED_PROJECT_NOUNS = {"project", "plant", "facility", "factory", "programme", "program", "scheme", "initiative"}


def _baseline_year(toks: Sequence[Token], prep: int, year: int, sent: Span) -> bool:
    """Whether 'in YEAR' dates the baseline of a change: 'from two in 2025 to five by 2030'."""
    before = [t.lower_ for t in toks[max(sent.start, prep - 6) : prep]]
    after = [t.lower_ for t in toks[year + 1 : min(sent.end, year + 3)]]
    return "from" in before and "to" in after
