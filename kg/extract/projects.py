"""Projects: programmes, funds, plans and investment purposes, as noun phrases.

A project is found where English puts one: the purpose of money ("invest X in/for/into P",
"to support P"), the object of a plan ("plans to extend P"), a noun phrase headed by a programme
word ("support package for ...", "National Growth Fund"), and the items of a counted list
("the five major projects include developing A, B and C; creating D").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from kg.extract import lexicon as lx
from kg.extract.mentions import DocEntity, EntityTable, norm, sentence_of
from kg.extract.names import GLUED_AMOUNT
from kg.model import ORG_TYPES

DROP_LEFT = {"det", "poss", "nummod", "quantmod", "predet", "case", "punct", "cc", "advmod"}
WEAK_ADJ = {
    "key",
    "major",
    "main",
    "other",
    "another",
    "new",
    "various",
    "several",
    "such",
    "more",
    "further",
    "core",
    "additional",
    "total",
    "overall",
    "first",
    "second",
    "third",
}
# weak adjectives that still belong to a project's name ('core components'),
# though they do not tell two projects apart (lemma_key drops them)
NAMING_ADJ = {"core"}
NAME_DROPPING_ADJ = WEAK_ADJ - NAMING_ADJ
LEADING_DROP = NAME_DROPPING_ADJ | {"the", "a", "an", "its", "their"}  # words a project's name never opens with
STOP = {
    "the",
    "a",
    "an",
    "of",
    "for",
    "in",
    "on",
    "and",
    "to",
    "by",
    "with",
    "from",
    "its",
    "their",
    "at",
    "as",
    "into",
}


@dataclass
class ProjectMention:
    name: str
    start: int  # token span in the doc
    end: int
    head: int  # head token index
    sentence: int  # sentence start token
    parts: list[str] = field(default_factory=list)


@lru_cache(maxsize=65536)
def lemma_key(text: str) -> frozenset[str]:
    """Content words, singular, with synonyms folded: 'exports of AI factories' = 'AI factory exports'."""
    out = set()
    for w in norm(text).split():
        if w in STOP or w in WEAK_ADJ:
            continue
        w = lx.SYNONYMS.get(w, w)
        if len(w) > 3 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        w = lx.SYNONYMS.get(w, w)
        out.add(w)
    return frozenset(out)


def same_project(a: str, b: str) -> bool:
    ka, kb = lemma_key(a), lemma_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    inter = len(ka & kb)
    if inter >= 2 and (ka <= kb or kb <= ka) and abs(len(ka) - len(kb)) == 1 and a[:1].isupper() and b[:1].isupper():
        return True  # 'Big Fund' = 'Big Fund III'
    short, long_ = (ka, kb) if len(ka) < len(kb) else (kb, ka)
    if len(short) >= 2 and short < long_ and long_ - short <= PLAN_WORDS and any(c.isdigit() for w in short for c in w):
        return True  # 'France 2030' = 'the France 2030 investment plan'
    return inter >= 2 and inter / len(ka | kb) >= 0.75


# the words a plan's own name may be followed by in the text ('the France 2030 investment plan')
PLAN_WORDS = frozenset(lx.PLAN_NAME_HEADS | {"investment", "national", "industrial", "policy"})

# nouns that name a stage of something, never a project alone: 'a second phase of the X Industrial Park'
STAGE_HEADS = {
    "phase",
    "stage",
    "expansion",
    "extension",
    "construction",
    "redevelopment",
    "modernization",
    "modernisation",
    "upgrade",
}


SCALE_NAMES = {"thousand", "million", "billion", "trillion", "mln", "bln", "tln", "mil", "bil", "tril"}


def _glued_number(tok: Token) -> bool:
    """'6' in '6G', '3' in '3D': a number written together with the word after it."""
    doc = tok.doc
    return tok.like_num and not tok.whitespace_ and tok.i + 1 < len(doc) and doc[tok.i + 1].is_alpha


def _split_object(tok: Token, head: Token) -> bool:
    """A noun the parser made a second object of the verb right before the object's own words."""
    return (
        tok.dep_ == "dobj" == head.dep_
        and tok.head.i == head.head.i
        and tok.pos_ == "NOUN"
        and tok.i < head.i
        and all(t.dep_ in {"amod", "compound"} for t in tok.doc[tok.i + 1 : head.i])
    )


def direct_objects(verb: Token) -> list[Token]:
    """The verb's objects, a noun split off the next object by the parser left out ('build a lithium
    hydroxide refinery': the refinery)."""
    objs = [o for o in verb.children if o.dep_ == "dobj"]
    return [o for o in objs if not any(_split_object(o, other) for other in objs)]


def np_span(doc: Doc, head: Token, table: EntityTable, keep_of: bool = True) -> tuple[int, int] | None:
    """The noun phrase around `head` without determiners, money, numbers, possessors or a trailing clause."""
    left = head.i
    for child in sorted(head.lefts, key=lambda t: -t.i):
        if child.text == "-":
            continue  # 'eco-friendly'
        if child.i == left - 1 and _glued_number(child):
            left = child.i  # '6G', '3D': a number glued to the word is part of it
            continue
        if child.is_quote and child.i < left:
            continue  # 'a new "AI smart factory" track': the quoted words belong to the name
        if (
            child.i == left - 1
            and re.fullmatch(r"(?:19|20)\d\d", child.text)
            and child.i
            and doc[child.i - 1].text[:1].isupper()
            and doc[child.i - 1].pos_ == "PROPN"
        ):
            left = child.i  # 'the Blue Port 2030 strategy': a year inside a name belongs to it
            continue
        if child.dep_ in DROP_LEFT or child.ent_type_ in {"MONEY", "CARDINAL", "DATE", "PERCENT"}:
            break
        if child.lower_ in NAME_DROPPING_ADJ:
            break
        left = child.left_edge.i
    while left > 0 and _split_object(doc[left - 1], head):
        left = doc[left - 1].left_edge.i  # 'build a lithium hydroxide refinery' parsed as two objects
    left = _whole_hyphenated_word(doc, left)
    # skip leading tokens that are money / determiners / weak adjectives
    while left < head.i and not _glued_number(doc[left]) and (
        doc[left].ent_type_ in {"MONEY", "CARDINAL", "QUANTITY"}
        or doc[left].lower_ in {"won", "yen", "yuan", "dollar", "euro"} and left and doc[left - 1].like_num
        or doc[left].lower_ in {"won", "yen", "yuan"} and left and doc[left - 1].lower_.rstrip(".") in SCALE_NAMES
        or doc[left].lower_.rstrip(".") in SCALE_NAMES and left and doc[left - 1].like_num
        or doc[left].is_punct
        or doc[left].lower_ in LEADING_DROP
        or doc[left].dep_ in {"poss", "case", "det"}
        or doc[left].like_num
        or doc[left].text in {"$", "€", "£", "¥", "₩"}
        or GLUED_AMOUNT.match(doc[left].text)  # 'SAR18.75bn AI data centre campus' (a headline's amount)
    ):
        left += 1
    right = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in {"for", "of", "on", "in", "to", "covering"} and keep_of:
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj and (
                pobj[0].ent_type_ in {"MONEY", "DATE", "CARDINAL"}
                or pobj[0].like_num
                or re.match(r"^[A-Z]{3}\d", pobj[0].text)
                or pobj[0].lower_ in {"trillion", "billion", "million"}
            ):
                break
            if (
                pobj
                and table.at(pobj[0].i) is not None
                and table.at(pobj[0].i).type in {"Place"}
                and not (child.lower_ in {"in", "at"} and head.lower_ in lx.FACILITY_HEADS)
                and not (child.lower_ == "of" and head.lemma_.lower() in STAGE_HEADS)
            ):
                break
            right = child.right_edge.i + 1
        elif (
            child.dep_ in {"acl"}
            and child.tag_ in {"VB", "VBG"}
            and any(c.dep_ == "aux" for c in child.children)
            or child.dep_ == "acl"
            and child.lower_ in {"covering", "targeting"}
        ):
            right = child.right_edge.i + 1
        elif child.dep_ in {"compound", "amod", "nmod"}:
            right = max(right, child.right_edge.i + 1)
        elif child.dep_ == "cc" and child.lower_ in {"and", "or"}:
            continue
        elif (
            child.dep_ == "conj"
            and child.pos_ == "NOUN"
            and child.ent_type_ not in {"MONEY", "CARDINAL"}
            and not any(c.like_num or c.lower_ in {"another", "other"} for c in child.subtree)
        ):
            right = child.right_edge.i + 1
        else:
            break
    # never swallow a following clause, an amount or another item
    for i in range(left + 1, right):
        if (
            doc[i].text in {";", ":"}
            or doc[i].lower_ in {"another", "while", "which", "that", "where", "who", "whose"}
            or doc[i].text == "," and i + 1 < right and doc[i + 1].lower_ in {"as", "when", "after", "before"}
            or ((doc[i].ent_type_ == "MONEY" or doc[i].is_currency) and i > head.i)  # '... of ₹300 crore'
        ):
            right = i
            break
    # 'funds to aid domestic manufacturers of chips ...': an adjacent purpose clause names the project
    plain_right = right
    if (
        right + 1 < len(doc)
        and doc[right].lower_ == "to"
        and doc[right + 1].tag_ == "VB"
        and head.lemma_.lower() in lx.PROJECT_HEADS
        and doc[right + 1].lemma_ in lx.DOING_VERBS
        # an aid package is no name of what it is to support
        and not (head.lemma_.lower() in lx.AID_NOUNS and doc[right + 1].lemma_ in lx.AID_VERBS)
    ):
        verb = doc[right + 1]
        end = verb.right_edge.i + 1
        for t in doc[verb.i : end]:
            if t.dep_ in {"acl", "relcl"} and t.tag_ == "VBN" or t.text in {";", ","} and t.i > verb.i + 2:
                end = t.i
                break
        right = end
    place = table.at(right - 1) if right > head.i + 1 else None
    if place is not None and place.type == "Place":
        # 'a factory in Jaraguá do Sul' where the parse ends the phrase at 'Jaraguá': the whole place
        right = max([right, *(end for start, end in place.mentions if start < right <= end)])
    right = _without_trailing_words(doc, left, right)
    if right - left > 16:
        # 'the training of shipbuilding workers and the maintenance, repair and overhaul of ...': the
        # parser hung the next item on this one; end at the first coordination
        cut = next(
            (
                i
                for i in range(head.i + 2, right - 1)
                if (doc[i].lower_ in {"and", "or"} or doc[i].text == ",") and doc[i + 1].lower_ in {"the", "a", "an"}
            ),
            None,
        )
        if cut is not None:
            right = cut
    if right - left > 16 and plain_right - left <= 16:
        right = _without_trailing_words(doc, left, plain_right)  # the purpose runs on too long: the noun phrase
    if right - left > 16 or right <= left:
        return None
    return left, right


def _organisation_at(table: EntityTable, i: int) -> bool:
    ent = table.at(i)
    return ent is not None and ent.type in ORG_TYPES


def _without_trailing_words(doc: Doc, left: int, right: int) -> int:
    """The phrase's end with trailing punctuation and function words ('for', 'and', 'while') dropped."""
    while right > left + 1 and (doc[right - 1].is_punct or doc[right - 1].lower_ in STOP | {"while"}):
        right -= 1
    return right


def _whole_hyphenated_word(doc: Doc, left: int) -> int:
    """'mid-sized yards' where the parser cut 'mid' off as a word of its own: the phrase starts at 'mid'."""
    hyphen = left if doc[left].text == "-" else left - 1
    if (
        hyphen >= 1
        and doc[hyphen].text == "-"
        and not doc[hyphen].whitespace_
        and not doc[hyphen - 1].whitespace_
        and doc[hyphen - 1].is_alpha
    ):
        return hyphen - 1
    return left


def full_np(doc: Doc, head: Token) -> tuple[int, int] | None:
    """The head's whole noun phrase, its numbers and prepositional attachments kept, without a leading
    determiner or amount and without a relative clause or a second clause."""
    left, right = _whole_hyphenated_word(doc, head.left_edge.i), head.right_edge.i + 1
    conj = [c for c in head.children if c.dep_ in {"conj", "cc"} and c.i > head.i]
    if conj:
        right = min(c.left_edge.i for c in conj)  # 'the modernization of A, the training of B': one item
    while left < head.i and (
        doc[left].lower_ in {"the", "a", "an", "its", "their", "this", "these", "that", "those"}
        or doc[left].ent_type_ == "MONEY"
        or doc[left].is_punct
        or doc[left].dep_ == "poss"
        or doc[left].text in {"'s", "’s"}
    ):
        left += 1
    for i in range(head.i + 1, right):
        tok = doc[i]
        if (
            tok.text in {";", ":", "(", "—", "–"}
            or tok.lower_ in {"which", "that", "who", "whose", "while", "where", "when"}
            or tok.ent_type_ == "MONEY"
            or tok.dep_ in {"relcl", "advcl"}
            or tok.text == "," and i + 1 < right and doc[i + 1].pos_ in {"VERB", "AUX", "ADV"}
            or tok.text == "," and i + 1 < right and doc[i + 1].lower_ in {"as", "when", "after", "before"}
            or tok.text == "," and i + 2 < right and doc[i + 2].lower_ in {"which", "whom"}  # ', under which'
        ):
            right = i
            break
    while right > left + 1 and (doc[right - 1].is_punct or doc[right - 1].lower_ in STOP):
        right -= 1
    if right - left > 20 or right - left < 2:
        return None
    return left, right


UNCLOSED_BRACKET = re.compile(r"\s*\([^)]*$")


def project_name(doc: Doc, start: int, end: int) -> str:
    text = doc[start:end].text
    text = re.sub(r"\s*\([^)]*\)", "", text) if not re.search(r"\([A-Z.]+\)\s+\w", text) else text
    text = UNCLOSED_BRACKET.sub("", text)  # 'small modular reactor (SMR' cut inside its brackets
    text = re.sub(r"\s+", " ", re.sub(r"\s*[\"“”]\s*", " ", text)).strip(" ,;:'")  # 'a new "AI" track': no quotes
    if text.endswith(".") and not re.search(r"\b[A-Z]\.$", text):
        text = text[:-1]
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    return text


def acceptable(doc: Doc, head: Token, table: EntityTable) -> bool:
    if head.pos_ not in {"NOUN", "PROPN"} and head.tag_ != "VBG":
        return False
    # a utility's supply is built ('8 billion yen for water supply and road access'), a supply alone is not
    utility_supply = head.lower_ == "supply" and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in head.children)
    # a contest that pays out is a programme: 'a competition to scale up the production of electric motors'
    contest = head.lower_ == "competition" and any(
        c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children) for c in head.children
    )
    if (
        head.lower_ in lx.NON_PROJECT_HEADS or head.lemma_.lower() in lx.NON_PROJECT_HEADS
    ) and not (utility_supply or contest):
        return False
    if head.ent_type_ in {"MONEY", "DATE", "CARDINAL", "PERCENT", "TIME", "QUANTITY", "NORP"}:
        return False
    if GLUED_AMOUNT.match(head.text):
        return False  # '£250mn in loans and equity': an amount, not a project
    ent = table.at(head.i)
    return not (ent is not None and ent.type != "Project")


def is_generic(head: Token) -> bool:
    """'these efforts', 'the plan', 'key projects': stands for a project named elsewhere."""
    if head.lower_ not in lx.GENERIC_PROJECT_NOUNS:
        return False
    modifiers = [
        c
        for c in head.children
        if c.dep_ in {"compound", "amod", "nmod"} and c.lower_ not in WEAK_ADJ | {"worth"}  # 'The project, worth $5bn,'
    ]
    preps = [c for c in head.children if c.dep_ in {"prep", "acl", "relcl"}]
    return not modifiers and not preps


class ProjectIndex:
    """Projects of one document, merged by name, with the token positions that mention them."""

    def __init__(self, doc: Doc, table: EntityTable) -> None:
        self.doc = doc
        self.table = table
        self.by_key: dict[str, DocEntity] = {}
        self.order: list[str] = []
        for ent in table.entities.values():
            if ent.type == "Project":
                self._register(ent)

    def _register(self, ent: DocEntity) -> None:
        if ent.key not in self.by_key:
            self.by_key[ent.key] = ent
            self.order.append(ent.key)

    def find(self, name: str) -> DocEntity | None:
        for ent in self.by_key.values():
            if any(same_project(name, n) for n in ent.all_names()):
                return ent
        return None

    def add(self, name: str, start: int, end: int, confidence: float = 0.6) -> DocEntity | None:
        name = UNCLOSED_BRACKET.sub("", name.strip())  # 'silicon photonics and co-packaged optics (CPO'
        if not name or len(lemma_key(name)) == 0 or norm(name) in lx.NOT_NAMES and not any(c.isdigit() for c in name):
            return None
        existing = self.find(name)
        if existing is not None:
            if name != existing.name:
                existing.aliases.add(name)
            self.table.mark(start, end, existing.key)
            return existing
        key = f"project:{norm(name)}"
        ent = self.table.add(DocEntity(key, "Project", name, confidence=confidence))
        self.table.mark(start, end, key)
        self._register(ent)
        return ent

    def add_np(self, head: Token, confidence: float = 0.6) -> DocEntity | None:
        """Register the noun phrase headed by `head` as a project (a gerund stands for its object)."""
        if head.tag_ == "VBG" and head.pos_ == "VERB":
            objs = [c for c in head.children if c.dep_ in {"dobj", "attr"}]
            ent = self.add_np(objs[0], confidence) if objs else None
            end = head.right_edge.i + 1
            while end > head.i + 1 and (self.doc[end - 1].is_punct or self.doc[end - 1].lower_ in STOP):
                end -= 1
            if not 2 <= end - head.i <= 12:
                return ent
            phrase = project_name(self.doc, head.i, end)  # 'hiring AI researchers from abroad'
            if ent is None:
                return self.add(phrase, head.i, end, confidence)
            if phrase != ent.name:
                ent.aliases.add(phrase)
            return ent
        existing = self.table.at(head.i)
        if existing is not None and existing.type == "Project":
            return existing
        facility = self._definite_facility(head)
        if facility is not None:
            return facility
        event = self._event_taken_up(head, confidence)
        if event is not None:
            return event
        earlier = self._described_before(head)
        if earlier is not None:
            return self.add_np(earlier, confidence)
        if head.lower_ in lx.FACILITY_HEADS and _bare_definite(head):
            return None  # 'the site' with nothing named before it is no project of its own
        if not acceptable(self.doc, head, self.table):
            return None
        if is_generic(head):
            return self.recent(head.i)
        span = np_span(self.doc, head, self.table)
        if span is None:
            return None
        if span[1] - span[0] == 1 and head.lower_ in lx.GENERIC_PROJECT_NOUNS:
            return None
        ent = self.add(self._name_without_agent(*span), span[0], span[1], confidence)
        full = full_np(self.doc, head)
        if ent is not None and full is not None:
            alias = project_name(self.doc, *full)
            if alias and alias != ent.name and len(alias) <= 140:
                ent.aliases.add(alias)  # the whole phrase, numbers and attachments kept: '13,000 GPUs'
        return ent

    def _event_taken_up(self, head: Token, confidence: float) -> DocEntity | None:
        """'will expand its stockpile of critical minerals ... The ministry has set aside 210 billion won for
        the expansion': a bare 'the expansion' is the expansion of what the sentence before expanded."""
        verbs = EVENT_VERBS.get(head.lower_)
        if verbs is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        if any(c.dep_ in {"prep", "compound", "amod", "poss"} for c in head.children):
            return None  # 'the expansion of the port', 'the plant expansion': it says what it expands
        doc = head.doc
        start = _sentence_before(doc, head.i)
        for i in range(head.i - 1, start - 1, -1):
            verb = doc[i]
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
                continue
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is None or obj.pos_ not in {"NOUN", "PROPN"}:
                return None
            left = obj.left_edge.i
            while left < obj.i and doc[left].lower_ in {"the", "a", "an", "its", "their", "his", "her"}:
                left += 1
            end = obj.right_edge.i + 1
            if end - left > 10:
                return None
            return self.add(f"{head.lower_} of the {doc[left:end].text}", head.i, head.i + 1, confidence)
        return None

    def _described_before(self, head: Token) -> Token | None:
        """'Regional smart manufacturing centers in Changwon will ... 21 billion won has been allocated to the
        centers': a bare 'the centers' takes up the described noun of the same word in this sentence or the
        one before (no organisation, no named project of another word)."""
        if not (head.pos_ == "NOUN" and head.tag_ == "NNS" and _bare_definite(head)) or is_generic(head):
            return None
        doc = head.doc
        start = _sentence_before(doc, head.i)
        for i in range(head.i - 1, start - 1, -1):
            tok = doc[i]
            if tok.lemma_ == head.lemma_ and tok.pos_ == "NOUN" and not _bare_definite(tok):
                described = any(c.dep_ in {"amod", "compound"} for c in tok.children)
                ent = self.table.at(i)
                return tok if described and (ent is None or ent.type == "Project") else None
        return None

    def _name_without_agent(self, start: int, end: int) -> str:
        """The project's name without the organisation that carries it out: 'construction of a factory by
        Intel in Magdeburg' is 'construction of a factory in Magdeburg' (Intel leads it)."""
        doc, table = self.doc, self.table
        for i in range(start + 1, end - 1):
            if doc[i].lower_ == "by" and _organisation_at(table, i + 1):
                agent = table.at(i + 1)
                j = i + 1
                while j < end and table.at(j) is agent:
                    j += 1
                head = project_name(doc, start, i)
                if j < end and doc[j].lower_ in {"in", "at", "near"}:
                    return f"{head} {project_name(doc, j, end)}"
                return head
        return project_name(doc, start, end)

    def _definite_facility(self, head: Token) -> DocEntity | None:
        """'the plant', 'construction of the facility': the facility project named before."""
        target = head
        if head.lemma_.lower() in {"construction", "expansion", "development", "building", "completion"}:
            pobjs = [
                p
                for c in head.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
            ]
            if not pobjs:
                return None
            target = pobjs[0]
        if target.lower_ not in lx.FACILITY_HEADS:
            return None
        dets = [c.lower_ for c in target.children if c.dep_ in {"det", "poss"}]
        if not dets or dets[0] not in {"the", "this", "its", "that", "their"}:
            return None
        modifiers = [c for c in target.children if c.dep_ in {"amod", "compound", "nmod"}]
        if modifiers:
            # 'the Kalinga SiC unit': the facility named before after that company
            words = self.doc[target.left_edge.i : target.i]
            if words[0].lower_ in {"the", "this", "that"}:
                words = words[1:]
            if not words or not all(t.text[:1].isupper() for t in words):
                return None
            short = norm(words.text)
            owners = {
                e.key
                for e in self.table.entities.values()
                if e.type == "Company" and any((n + " ").startswith(f"{short} ") for n in map(norm, e.all_names()))
            }
            owned = self._facility_named_after(owners, target) if owners else None
            if owned is not None:
                self.table.mark(target.left_edge.i, target.i + 1, owned.key)
            return owned
        plural = target.tag_ == "NNS"
        fallback = None
        owned = self._facility_of_named_company(target)
        if owned is not None:
            self.table.mark(target.i, target.i + 1, owned.key)
            return owned
        for i in range(target.i - 1, -1, -1):
            ent = self.table.at(i)
            heads = _facility_heads(ent)
            if heads:
                if not plural or any(h.endswith("s") for h in heads):
                    self.table.mark(target.i, target.i + 1, ent.key)
                    return ent
                fallback = fallback or ent
        if fallback is not None:
            self.table.mark(target.i, target.i + 1, fallback.key)
        return fallback

    def _facility_of_named_company(self, target: Token) -> DocEntity | None:
        """'Japan Finance Corporation will lend 10 billion yen to Sanwa for the plant': the facility named
        last after that company in an earlier sentence (before the next company: 'A will get X for a plant
        in Iwaki, and B Y for a plant in Kumamoto')."""
        verb = target
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        companies = {
            e.key for t in verb.subtree
            for e in [self.table.at(t.i)] if e is not None and e.type == "Company" and t.i != target.i
        }
        return self._facility_named_after(companies, target)

    def _facility_named_after(self, companies: set[str], target: Token) -> DocEntity | None:
        """The facility named last after one of these companies in a sentence before the target's."""
        doc = self.doc
        found: list[tuple[int, DocEntity]] = []
        for key in companies:
            for start, end in self.table.entities[key].mentions:
                if start >= sentence_of(doc, target.i).start:
                    continue
                for i in range(end, sentence_of(doc, start).end):
                    ent = self.table.at(i)
                    if ent is not None and ent.type == "Company" and ent.key != key:
                        break  # the next company's share
                    heads = _facility_heads(ent)
                    if heads and (target.tag_ != "NNS" or any(h.endswith("s") for h in heads)):
                        found.append((start, ent))  # ('the two sites' are no 'facility')
                        break
        return max(found, key=lambda pair: pair[0])[1] if found else None

    def recent(self, before: int, window: int = 400) -> DocEntity | None:
        """The project mentioned last before token `before` (for 'these efforts', 'the plan')."""
        best, best_i = None, -1
        for i, key in self.table.token_entity.items():
            if i < before and before - i < window and i > best_i:
                ent = self.table.entities.get(key)
                if ent is not None and ent.type == "Project":
                    best, best_i = ent, i
        return best

    def in_sentence(self, sent) -> list[DocEntity]:
        seen: list[DocEntity] = []
        for t in sent:
            ent = self.table.at(t.i)
            if ent is not None and ent.type == "Project" and ent not in seen:
                seen.append(ent)
        return seen

    def first(self) -> DocEntity | None:
        return self.by_key[self.order[0]] if self.order else None


def coordinated(head: Token) -> list[Token]:
    """The head and the nouns coordinated with it ('robotics, automobiles, and AI factories')."""
    out = [head]
    for t in head.conjuncts:
        if t.i > head.i and t.pos_ in {"NOUN", "PROPN", "VERB"}:
            out.append(t)
    return out


def split_pp_list(doc: Doc, head: Token, table: EntityTable) -> list[tuple[str, int, int]] | None:
    """'AI models for robotics, automobiles, and AI factories' -> three projects 'AI models for X'."""
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in {"for", "in", "of"}]
    if not preps:
        return None
    pobjs = [c for c in preps[0].children if c.dep_ == "pobj"]
    if not pobjs:
        return None
    items = coordinated(pobjs[0])
    if len(items) < 2:
        return None
    span = np_span(doc, head, table, keep_of=False)
    if span is None:
        return None
    base = project_name(doc, span[0], head.i + 1) + " " + preps[0].text
    out = []
    for item in items:
        left = min([item.i] + [c.left_edge.i for c in item.lefts if c.dep_ in {"compound", "amod"}])
        out.append((f"{base} {doc[left : item.i + 1].text}", span[0], item.i + 1))
    return out


def _sentence_before(doc: Doc, i: int) -> int:
    """Where the sentence before token i's sentence starts (its own start when it is the first)."""
    start = sentence_of(doc, i).start
    return sentence_of(doc, start - 1).start if start else start


def _bare_definite(tok: Token) -> bool:
    dets = [c.lower_ for c in tok.children if c.dep_ in {"det", "poss"}]
    return (
        bool(dets)
        and dets[0] in {"the", "this", "its", "that", "their"}
        and not any(c.dep_ in {"amod", "compound", "nmod", "prep"} for c in tok.children)
    )


def _facility_heads(ent: DocEntity | None) -> set[str]:
    """The facility nouns in a project's names ('plant', 'sites'); none for anything that is no project."""
    if ent is None or ent.type != "Project":
        return set()
    return {w for n in ent.all_names() for w in norm(n).split()} & lx.FACILITY_HEADS


# a nominalised event and the verbs it takes up: 'the expansion' after 'will expand its stockpile'
EVENT_VERBS = {
    "expansion": {"expand"},
    "construction": {"construct", "build"},
    "development": {"develop"},
    "upgrade": {"upgrade"},
    "extension": {"extend"},
    "renovation": {"renovate"},
}
