"""Find and type proper names from how English names organisations, places and people.

The small en_core_web_sm NER splits "Ministry of Oceans and Fisheries", misses "M.AX Alliance" and
calls "AI" a place. This module finds capitalised name sequences with their internal connectors
("of", "and", lists after "of"), types a name from its head word (see `lexicon`), and cleans a
name (leading "the", nationality adjectives, titles, possessives).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from kg.extract import lexicon as lx
from kg.extract.gazetteer import is_country_name, is_place_name

_TOKEN_RE = re.compile(r"\(?[A-Za-z0-9][A-Za-z0-9&'’.\-]*\)?|,|\n|[^\sA-Za-z0-9]")
_CONNECTORS = {"of", "and", "&", "for", "the"}
ABBREVIATIONS = {
    "corp",
    "inc",
    "co",
    "ltd",
    "jr",
    "sr",
    "st",
    "no",
    "dr",
    "mr",
    "ms",
    "mrs",
    "gov",
    "dept",
    "bros",
    "plc",
    "ag",
    "sa",
    "nv",
    "bhd",
    "pte",
    "vs",
    "est",
}
ACRONYM_IN_PARENS_RE = re.compile(r"\s*\(([A-Z][A-Za-z0-9.&\-]{1,12})\)")


DESCRIBED_BY_HYPHEN = re.compile(rf"-(?:{'|'.join(lx.DESCRIBING_HYPHEN_WORDS)})$")  # 'US-based'
YEAR_NAMED_HEADS = {"strategy", "plan", "vision", "initiative", "program", "programme", "roadmap", "agenda"}
CURRENCY_CODES = {"KRW", "USD", "EUR", "JPY", "CNY", "RMB", "GBP", "INR", "CAD", "AUD", "TWD", "CHF", "SGD", "HKD"}
CURRENCY_CODES |= {"IDR", "SAR", "AED", "MYR", "THB", "VND", "PHP", "BRL", "MXN", "ZAR", "PLN", "CZK"}
CURRENCY_CODES |= {"SEK", "NOK", "DKK", "HUF"}


VERSION_NUMBER = re.compile(r"\d{1,2}\.\d")
AMOUNT_WORDS = {"trillion", "billion", "million", "thousand", "won", "yen", "yuan", "dollars", "euros", "percent"}


# an amount written as one word: glued to its currency ('Rp4.8', 'R$2', 'US$1.2', 'KRW3'), to its scale
# ('18.75bn'), or both ('SAR18.75bn', '€5bn')
_GLUED_PREFIX = rf"(?:[A-Z]{{0,3}}\$|[€£¥₩₹]|Rp|Rs|RM|{'|'.join(sorted(CURRENCY_CODES))})"
_GLUED_SCALE = r"(?:mn|bn|m|b|k|tn|tr|trn|bln)"
_PRICED = rf"{_GLUED_PREFIX}\d[\d.,]*{_GLUED_SCALE}?"  # glued to its currency: 'RM25', 'SAR18.75bn' (not '3M')
GLUED_AMOUNT = re.compile(rf"^(?:{_PRICED}|{_GLUED_PREFIX}?\d[\d.,]*{_GLUED_SCALE})$")
PRICED_AMOUNT = re.compile(rf"^{_PRICED}$")


def _is_cap(tok: str) -> bool:
    t = tok.strip("()")
    if t in CURRENCY_CODES or GLUED_AMOUNT.match(t):
        return False  # 'KDB (KEXIM) and KRW 4 trillion', 'Zhongyuan Energy Materials Rp4.8 trillion': money, not a name
    return bool(t) and (t[0].isupper() or (t[0].isdigit() and any(c.isupper() for c in t)))


def _chunks(text: str) -> list[list[tuple[str, int, int]]]:
    """Runs of capitalised words with their inner connectors ("of", "and", commas), connectors
    kept only when a capitalised word follows."""
    toks = [(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    chunks: list[list[tuple[str, int, int]]] = []
    cur: list[tuple[str, int, int]] = []
    pending: list[tuple[str, int, int]] = []
    in_alias = False
    in_amount = False
    for tok in toks:
        word = tok[0]
        if in_alias:
            in_alias = not word.endswith(")")  # 'Australian Industry Group (Ai Group)': skip the alias
            continue
        if not cur and word.startswith("(") and not word.endswith(")") and len(word) > 1 and word[1:2].isupper():
            tok = (word[1:], tok[1] + 1, tok[2])  # '2025.09.25 (Ministry of Science and ICT)': a name opens
            word = tok[0]
        if cur and not pending and re.fullmatch(r"(?:19|20)\d\d", word) and cur[-1][0].lower() in YEAR_NAMED_HEADS:
            cur.append(tok)  # 'Quantum Leap Strategy 2035', 'Vision 2030': the year is part of the name
            continue
        if not cur and word.startswith("(") and word.endswith(")"):
            continue  # '(MRO) of U.S. Navy vessels': a bracketed acronym closes a name, never opens one
        if cur and word.startswith("(") and word.endswith(")") and cur[-1][0].endswith(("'s", "’s")):
            chunks.append(cur)  # "the Department of Energy's (DOE) Loan Programs Office": the owner's acronym
            cur, pending = [], []  # ends the owner's name; the next name opens after it
            continue
        if not cur and word.endswith(")") and not word.startswith("("):
            continue  # the last word of a bracket opens no name
        hyphen_described = "-" in word and DESCRIBED_BY_HYPHEN.search(word)  # (the regex only where it can match)
        if word.startswith("(") and not word.endswith(")") and len(word) > 1 or hyphen_described:
            if cur:  # 'Australian Industry Group (Ai Group)': a bracket of several words is no part of the name
                chunks.append(cur)
                in_alias = word.startswith("(")
            cur, pending = [], []
            continue
        if (in_amount or pending and VERSION_NUMBER.fullmatch(pending[-1][0])) and word.lower() in AMOUNT_WORDS:
            if cur:
                chunks.append(cur)  # 'Launch 1.2 Trillion Won CDMO Fund': an amount, no version of a name
            cur, pending, in_amount = [], [], True
            continue
        in_amount = False
        if (
            _is_cap(word)
            and word.lower() not in _CONNECTORS
            or (cur and word.isupper() and word.lower() in _CONNECTORS and len(word) > 1)
        ):
            if word.isupper() and word.lower() in _CONNECTORS and cur:
                pending.append(tok)
                continue
            cur.extend(pending)
            pending = []
            if word.endswith(".") and len(word) > 2 and word[:-1].lower() not in ABBREVIATIONS and "." not in word[:-1]:
                # 'Ministry of Science and ICT. The ...': a sentence ends here
                cur.append((word[:-1], tok[1], tok[2] - 1))
                chunks.append(cur)
                cur = []
                continue
            cur.append(tok)
        elif cur and (word.lower() in _CONNECTORS or word == "," or VERSION_NUMBER.fullmatch(word)):
            pending.append(tok)  # 'Manufacturing AX 2.0 Strategy': a version number inside a name is kept
        else:
            if cur:
                chunks.append(cur)
            cur, pending = [], []
    if cur:
        chunks.append(cur)
    return chunks


def _segments(chunk: list[tuple[str, int, int]], after_the: bool = False) -> list[list[tuple[str, int, int]]]:
    """Split a chunk at commas and "and" unless they list the parts of one "X of A, B and C" name, and
    glue a cue-less part to the next one when that one has a cue ("Korea Mine Rehabilitation and
    Mineral Resource Corporation")."""
    lowered = [t[0].lower() for t in chunk]
    if len(chunk) > 3 and chunk[-1][0].startswith("(") and chunk[-1][0].endswith(")"):
        # 'Ministry of Food and Drug Safety (MFDS)': the acronym spells the whole name
        words_before = [t[0] for t in chunk[:-1] if t[0] != ","]
        acronym, full = chunk[-1][0].strip("()"), " ".join(words_before)
        loose = acronym_fits(acronym, full) and not any(t[0] == "," for t in chunk)
        if (acronym_matches(acronym, full) or loose) and cue_type(full):
            return [chunk]
    link = next((i for i, w in enumerate(lowered) if i and w in {"of", "for"}), None)
    if link is not None:
        # 'Korea Development Bank and the Export-Import Bank of Korea': what comes before the "of" is
        # split like any list; after it, 'of Trade, Industry and Energy' (short topic words) stays whole,
        # while 'of China, Bank of China and China Construction Bank' ends the name at the first item
        before, tail = chunk[:link], chunk[link:]
        if tail[0][0].lower() == "for" and len(tail) > 2 and tail[-1][0].lower().rstrip(".") in FIRM_HEADS and cue_type(
            " ".join(t[0] for t in before)
        ) in {"Project", "GovernmentAgency"}:
            # 'the National Wealth Fund for Severn Semiconductor': money for a business, not a fund's name
            return [before, *_segments(_strip_leading(tail[1:]))]
        boundary = next(
            (
                k
                for k in range(2, len(tail) - 1)
                if tail[k][0].lower() in {",", "and", "&"}
                and (tail[k + 1][0].lower() == "the" or tail[k + 1][0] == "Ministry")
            ),
            None,
        )
        if boundary is not None:
            # 'Ministry of Science and ICT (MSIT) and the Ministry of Trade, ...': 'and the' opens a new name
            return [*_segments(before + tail[:boundary]), *_segments(_strip_leading(tail[boundary:]))]
        last_cut = max((i for i, t in enumerate(before) if t[0] == "," or t[0].lower() in {"and", "&"}), default=-1)
        own_words = [t[0] for t in before[last_cut + 1 :] if t[0].lower() != "the"]
        closing = next(
            (
                k
                for k in range(2, len(tail) - 1)
                if tail[k][0].startswith("(")
                and tail[k][0].endswith(")")
                and acronym_fits(tail[k][0].strip("()"), " ".join(own_words + [t[0] for t in tail[:k] if t[0] != ","]))
            ),
            None,
        )
        if closing is not None:
            # 'Korea Advanced Institute of Science and Technology (KAIST), Seoul National University and
            # POSCO': the acronym closes the name; what follows is the rest of the list
            head = _strip_leading(before[last_cut + 1 :])
            pre = _segments(before[:last_cut]) if last_cut > 0 else []
            return [*pre, head + tail[: closing + 1], *_segments(_strip_leading(tail[closing + 1 :]))]
        head_word = before[-1][0].lower()
        if head_word not in LINK_HEADS and any(t[0].lower() in {"of", "for"} for t in tail[1:]):
            # 'Minister Kim Jung-kwan of the Ministry of Trade, ...': this "of" is not inside a name
            return [before, *_segments(_strip_leading(tail[1:]))]
        items: list[list[tuple[str, int, int]]] = [[]]
        joiners: list[str] = []
        for tok in tail[1:]:
            if tok[0] == "," or tok[0].lower() in {"and", "&"}:
                items.append([])
                joiners.append(tok[0].lower())
            else:
                items[-1].append(tok)
        first_long = next(
            (
                k
                for k, it in enumerate(items)
                if k
                and (
                    len([t for t in it if not t[0].startswith("(")]) > 2
                    or any(t[0].lower() in STRONG_HEADS for t in it)
                )
            ),
            None,
        )
        rest: list[list[tuple[str, int, int]]] = []
        if first_long is not None:
            # 'of China, Bank of China and ...' ends the name at the first item; 'Institute of Ships and Ocean
            # Engineering and Hanoi University ...' keeps the topics an 'and' joined before the next name
            kept = first_long - 1 if joiners[first_long - 2 : first_long - 1] == ["and"] and items[0] else 0
            end = items[kept][-1][2] if items[kept] else tail[0][2]
            rest_toks = [t for t in tail[1:] if t[1] >= end]
            tail = [t for t in tail if t[2] <= end]
            rest = _segments(_strip_leading(rest_toks)) if rest_toks else []
        cut = max([i for i, t in enumerate(before) if t[0] == "," or t[0].lower() in {"and", "&"}], default=-1)
        if cut < 0:
            return [before + tail, *rest]
        named = chunk[cut + 1 : link] + tail
        while named and named[0][0].lower() == "the":
            named = named[1:]
        pre = _segments(before[:cut]) if before[:cut] else []
        if (
            pre
            and (
                cue_type(" ".join(t[0] for t in pre[-1])) is None
                and cue_type(" ".join(t[0] for t in named)) not in (None, "Project", "Place", "Person")
                or _acronym_joins(pre[-1], named)
            )
            and _joined_by_and(chunk, pre[-1], named)
            and not _acronym_refuses(pre[-1], named)
        ):
            # 'Industrial and Commercial Bank of China'
            named = pre.pop() + [("and", 0, 0)] + named
        return [*pre, named, *rest]
    parts: list[list[tuple[str, int, int]]] = [[]]
    for tok in chunk:
        if tok[0] == "," or tok[0].lower() in {"and", "&"}:
            if parts[-1]:
                parts.append([])
            continue
        parts[-1].append(tok)
    parts = [p for p in parts if p]
    merged: list[list[tuple[str, int, int]]] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        name = " ".join(t[0] for t in part)
        law = i + 1 < len(parts) and is_law_name(" ".join(t[0] for t in parts[i + 1]))  # 'CHIPS and Science Act'
        right = " ".join(t[0] for t in parts[i + 1]) if i + 1 < len(parts) else ""
        if (
            i + 1 < len(parts)
            and not (  # 'BHP, Rio Tinto and BlueScope Steel'; not '..., Korea Land and Housing Corp.'
                i
                and _joined_by_comma(chunk, parts[i - 1], part)
                and not _starts_with_country([t[0].lower() for t in part if t[0].lower() != "the"])
            )
            and cue_type(name) is None
            and (
                law
                or cue_type(right) not in (None, "Project", "Place", "Person")
                or after_the and len(parts) == 2 and _one_programme(part, parts[1])
            )
            and _joined_by_and(chunk, part, parts[i + 1])
            and (law or not _acronym_refuses(part, parts[i + 1]))
            # 'startup Rebellions and Seoul National University': a name that opens with its city or
            # country is a whole name of its own
            and not opens_with_place([t[0] for t in parts[i + 1]])
        ):
            merged.append(part + [("and", 0, 0)] + parts[i + 1])
            i += 2
            continue
        merged.append(part)
        i += 1
    return merged


ALLIANCE_WORDS = {"alliance", "consortium", "coalition", "council", "association", "federation", "forum"}
# the last words of a business's name ('Severn Semiconductor', 'Acme Corp.'), never of a cause a body is for
FIRM_HEADS = {"semiconductor", "semiconductors", "corp", "corporation", "inc", "ltd", "co", "plc", "llc", "ag", "se",
              "motors", "electronics", "holdings"}


def _one_programme(left: list[tuple[str, int, int]], right: list[tuple[str, int, int]]) -> bool:
    """'the Temporary Crisis and Transition Framework', 'the Clean Growth and Innovation Fund': after one
    'the', two cue-less words and a programme's name are one programme (two names would take two 'the's)."""
    left_words = [t[0] for t in left if t[0] != "The"]
    whole = " ".join(left_words) + " and " + " ".join(t[0] for t in right)
    return (
        len(left_words) <= 3
        and left_words
        and not any(is_place_name(w) or w.lower() in lx.CAPITALS for w in left_words)
        and not any(w.isupper() for w in left_words)  # 'KDB and Innovation Fund': an acronym names a body
        and cue_type(whole) == "Project"
    )


def opens_with_place(ws: list[str]) -> bool:
    """'Seoul National University', 'Korea Development Bank': a name that opens with its city or country."""
    lowered = [w.lower() for w in ws if w.lower() != "the"]
    return bool(lowered) and len(lowered) >= 3 and (lowered[0] in lx.CAPITALS or _starts_with_country(lowered))


def _strip_leading(toks: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    while toks and (toks[0][0] == "," or toks[0][0].lower() in {"and", "&", "the", "of", "for"}):
        toks = toks[1:]
    return toks


def _acronym_joins(left: list[tuple[str, int, int]], right: list[tuple[str, int, int]]) -> bool:
    """'Korea Technology and Information Promotion Agency for SMEs (TIPA)': the acronym spells both parts."""
    readings = _acronym_readings(left, right)
    if readings is None:
        return False
    acronym, alone, both = readings
    return _initials_in_order(acronym, both) and not _initials_in_order(acronym, alone)


def _acronym_readings(
    left: list[tuple[str, int, int]], right: list[tuple[str, int, int]]
) -> tuple[str, str, str] | None:
    """The bracketed acronym closing `right`, the right part alone and both parts joined by 'and'."""
    last = right[-1][0]
    if not (last.startswith("(") and last.endswith(")")):
        return None
    alone = " ".join(t[0] for t in right[:-1])
    return last.strip("()"), alone, " ".join(t[0] for t in left) + " and " + alone


def _initials_in_order(acronym: str, name: str) -> bool:
    """Every letter of the acronym is the initial of a later word of the name (words may be skipped)."""
    letters = [c for c in acronym.upper() if c.isalpha()]
    initials = iter(w[0].upper() for w in words(name) if w[:1].isalpha() and w.lower() not in {"of", "and", "the"})
    return len(letters) >= 3 and all(any(c == i for i in initials) for c in letters)


def _acronym_refuses(left: list[tuple[str, int, int]], right: list[tuple[str, int, int]]) -> bool:
    """'LG and Korea Development Bank (KDB)': the bracketed acronym spells the right part alone;
    'HD Hyundai and CJ Logistics': a brand prefix starts a name of its own."""
    first = left[0][0]
    if first.isupper() and first.isalpha() and 2 <= len(first) <= 3 and len(left) >= 2:
        return True
    if len(left) == 1 and first.isupper() and first.isalpha() and len(first) >= 2:
        return True  # 'POSCO and Hyundai Steel', 'KAIST and Seoul National University': an acronym is a name
    readings = _acronym_readings(left, right)
    if readings is None:
        return False
    acronym, alone, both = readings
    fits = acronym_matches(acronym, alone) or acronym_fits(acronym, alone)
    return fits and not (acronym_matches(acronym, both) or acronym_fits(acronym, both))


def _joined_by_comma(chunk, left, right) -> bool:
    return [t[0] for t in chunk if left[-1][2] <= t[1] < right[0][1]] == [","]


def _joined_by_and(chunk, left, right) -> bool:
    between = [t[0].lower() for t in chunk if left[-1][2] <= t[1] < right[0][1]]
    return between == ["and"]


@dataclass(frozen=True)
class NameMatch:
    start: int
    end: int
    text: str
    type: str | None  # a core type when a cue says so


def words(name: str) -> list[str]:
    return re.findall(r"[\w&.'’\-]+", name)


def head_word(name: str) -> str:
    ws = [w for w in words(name) if not w.startswith("(")]
    return ws[-1].lower().rstrip(".") if ws else ""


# what a public institute does for the state, as opposed to a research institute
PUBLIC_SERVICE_WORDS = {
    "planning",
    "evaluation",
    "promotion",
    "advancement",
    "development",
    "certification",
    "accreditation",
    "standards",
    "safety",
    "statistics",
    "assessment",
    "management",
}
# what a manufacturer makes: 'Indonesia Battery Corporation' is a business, 'Korea Gas Corp.' a public one
MAKER_WORDS = {
    "electronics",
    "semiconductor",
    "semiconductors",
    "motor",
    "motors",
    "steel",
    "shipbuilding",
    "chemical",
    "chemicals",
    "display",
    "displays",
    "battery",
    "batteries",
    "bio",
    "biologics",
    "pharmaceutical",
    "pharmaceuticals",
    "telecom",
    "foods",
    "securities",
    "manufacturing",
    "zinc",
    "aerospace",
}


def is_law_name(name: str) -> bool:
    """'Inflation Reduction Act', 'Bipartisan Infrastructure Law': money is given under a law, not for it."""
    ws = words(name)
    return len(ws) >= 2 and ws[-1] in {"Act", "Law"}


# plan nouns that head a name before its 'for'/'of' ('Measures for the Automobile Industry')
PLAN_OF_HEADS = lx.PLAN_NAME_HEADS - {"agenda"} | {"measures", "blueprint"}


@lru_cache(maxsize=65536)
def cue_type(name: str) -> str | None:
    """The core type a name's own words announce, or None when they say nothing."""
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name)
    ws = [w.lower() for w in words(name)]
    if len(ws) == 2 and ws[0] in YEAR_NAMED_HEADS and re.fullmatch(r"(?:19|20)\d\d", ws[1]):
        return "Project"  # 'Vision 2030', 'Agenda 2030': a plan named by its year alone
    if len(ws) > 1 and re.fullmatch(r"(?:i{1,3}|iv|v|vi{1,3}|ix|x|\d{1,2}|(?:19|20)\d\d)", ws[-1]):
        ws = ws[:-1]  # "Big Fund III", "Phase 2", "Quantum Leap Strategy 2035"
    if len(ws) > 2 and ws[-2] not in {"of", "for", "and", "in"} and ws[-2] in ALLIANCE_WORDS and (
        is_country_name(ws[-1]) or ws[-1] in lx.COUNTRY_ALIASES
    ):
        ws = ws[:-1]  # 'Hydrogen Steel Alliance Korea': the group's head comes before the country
    if not ws:
        return None
    low = " ".join(ws)
    head = ws[-1]
    first = ws[0]
    # "X of Y" / "X for Y": the word before it is the head ("Bank of Korea", "Alliance for ...")
    link = next((i for i, w in enumerate(ws) if i and w in {"of", "for"}), None)
    of_head = ws[link - 1] if link else None
    if low in WELL_KNOWN_GOVERNMENT:
        return "GovernmentAgency"
    heads = [h for h in (of_head, head) if h]
    if any(h in lx.ALLIANCE_HEADS for h in heads) or "task force" in low:
        return "Alliance"
    if any(h in {"chamber", "federation", "association", "confederation", "lobby", "guild"} for h in heads):
        return "Association"
    if of_head in {"ministry", "department", "office", "secretariat", "cabinet", "government", "authority"} or (
        first == "ministry"
    ):
        return "GovernmentAgency"  # 'Government of Aragon', 'Saudi Authority for Industrial Cities and ...'
    if of_head in PLAN_OF_HEADS:
        return "Project"  # 'Emergency Support Measures for the Automobile Industry', 'Strategy for the Steel Industry'
    if "institute" in heads and "research" not in ws:
        service = PUBLIC_SERVICE_WORDS - ({"development"} if "industry" not in ws else set())
        if any(w in service for w in ws):
            return "GovernmentAgency"  # 'Korea Institute for Advancement of Technology': a public institute
        # 'Korea Institute of Science and Technology', 'Korea Development Institute', 'Korea Environment
        # Institute': a research institute or think tank, whoever funds it
        return "Organization"
    if "institute" in heads and "research" in ws:
        return "Organization"
    if head == "department" or (
        of_head in {"institute", "agency", "office", "service", "administration", "commission", "centre", "center"}
        and (first in {"national", "federal", "state", "public", "royal"} or _starts_with_country(ws))
    ):
        return "GovernmentAgency"
    if "export" in ws and set(ws) & {"finance", "credit", "development"} and len(ws) <= 4:
        return "GovernmentAgency"  # 'Export Finance Australia', 'UK Export Finance': a state's export credit agency
    if any(h == "bank" for h in heads):
        if of_head == "bank" or any(w in lx.PUBLIC_BANK_WORDS for w in ws):
            return "GovernmentAgency"
        return "Company"
    if head == "assembly" and not (set(ws) & lx.LEGISLATIVE_WORDS or _starts_with_country(ws)):
        return None  # 'Apex Semiconductor Assembly': assembly as industrial work, not a legislature
    if head in lx.GOV_HEADS and head not in {"service", "office"}:
        return "GovernmentAgency"
    if head in {"service", "office"} and (
        ws[0] in {"national", "presidential", "prime", "federal", "state"} or _starts_with_country(ws)
    ):
        return "GovernmentAgency"
    if head == "office" and len(ws) >= 2 and not set(ws) & lx.COMPANY_HEADS:
        return "GovernmentAgency"  # 'CHIPS Program Office', 'Loan Programs Office': a government office
    if head in {"corporation", "corp", "corp."} and "finance" in ws:
        return "GovernmentAgency"  # 'Clean Energy Finance Corporation', 'Japan Finance Corporation': a public lender
    if head in {"corporation", "corp", "corp."} and _starts_with_country(ws) and not set(ws[1:-1]) & MAKER_WORDS:
        return "GovernmentAgency"  # 'Korea Electric Power Corp.', 'Korea Trade Insurance Corporation'
    if (
        head in {"corporation", "corp", "corp.", "agency", "authority", "institute", "service"}
        and _starts_with_country(ws)
        and not any(w in lx.COMPANY_HEADS - {"corporation", "corp", "corp.", "insurance"} for w in ws[1:-1])
    ):
        return "GovernmentAgency"
    if head == "group" and len(ws) >= 2 and ws[-2] in {"industry", "business", "lobby", "employers", "advocacy"}:
        return "Association"  # 'Australian Industry Group'
    if any(h in {"organization", "organisation"} for h in heads) and set(ws) & {"industry", "industries", "business"}:
        return "Association"  # 'Korea Biotechnology Industry Organization'
    if any(h in {"council", "union", "society"} for h in heads) and any(
        w in ws
        for w in (
            "business",
            "industry",
            "industries",
            "employers",
            "trade",
            "manufacturers",
            "producers",
            "exporters",
            "makers",
            "companies",
            "merchants",
        )
    ):
        return "Association"
    if head in {"complex", "complexes"} and "industrial" in ws and of_head is None:
        return "Place"  # 'Gumi National Industrial Complex': an industrial site named as a place
    if (head in lx.PROJECT_HEADS or head == "zones" and of_head is None) and head not in {
        "policy",
        "act",
        "strategy",
        "park",
    }:
        return "Project"  # 'AI Data Center Special Zones' too: a designation is a programme
    if is_law_name(name):
        return "Project"  # 'Inflation Reduction Act', 'Bipartisan Infrastructure Law': a law, which guidelines count
    if head in {"strategy", "framework", "roadmap", "blueprint"} and len(ws) >= 3:
        return "Project"  # 'National Semiconductor Strategy', 'Humanoid Industry Development Strategy'
    if head in {"council", "committee"} and first in {"national", "presidential"}:
        return "GovernmentAgency"  # 'National Quantum Committee', 'National Science and Technology Council'
    if any(h in lx.ORGANIZATION_HEADS for h in heads) or head in {"council", "union", "society"}:
        return "Organization"
    if head in lx.COMPANY_HEADS and len(ws) > 1:
        return "Company"
    if head in lx.PLACE_HEADS and of_head is None and len(ws) <= 5:
        return "Place"  # 'Gyeonggi Province', 'Hsinchu Science Park', 'King Abdullah Economic City'
    if any(ws[-1].endswith(sfx) for sfx in lx.PLACE_SUFFIXES) and len(ws) == 1:
        return "Place"  # 'Haenam-gun'; not 'Seok Jong-gun', a person
    return None


LINK_HEADS = {
    "ministry",
    "department",
    "bank",
    "office",
    "secretariat",
    "chamber",
    "federation",
    "association",
    "alliance",
    "council",
    "institute",
    "university",
    "commission",
    "agency",
    "authority",
    "society",
    "confederation",
    "board",
    "committee",
    "coalition",
    "consortium",
    "union",
    "administration",
    "fund",
    "corporation",
    "minister",
    "secretary",
    "school",
    "college",
    "academy",
    "center",
    "centre",
    "bureau",
    "service",
    "league",
}
STRONG_HEADS = {
    "bank",
    "ministry",
    "agency",
    "commission",
    "corporation",
    "group",
    "company",
    "association",
    "alliance",
    "chamber",
    "federation",
    "council",
    "institute",
    "university",
    "office",
    "department",
}
WELL_KNOWN_GOVERNMENT = {
    "white house",
    "blue house",
    "kremlin",
    "european union",
    "eu",
    "european commission",
    "presidential office",
    "cabinet office",
    "union cabinet",
    "federal reserve",
}


def _starts_with_country(ws: list[str]) -> bool:
    text = " ".join(ws[:3])
    return any(text.startswith(c.lower()) for c in lx.COUNTRIES) or ws[0] in {
        "korea",
        "national",
        "state",
        "federal",
        "public",
    }


def find_cue_names(text: str) -> list[NameMatch]:
    """Capitalised name sequences whose own words type them (non-overlapping, in text order)."""
    found: list[NameMatch] = []
    for chunk in _chunks(text):
        after_the = chunk[0][0] == "The" or text[max(0, chunk[0][1] - 4) : chunk[0][1]] in {"the ", "The "}
        for seg in _segments(chunk, after_the):
            real = [t for t in seg if t[2] > t[1]]
            real = _strip_titles(real)
            while real and (real[-1][0].lower() in _CONNECTORS or real[-1][0] == ","):
                real.pop()
            if not real:
                continue
            start, end = real[0][1], real[-1][2]
            name = text[start:end]
            typ = cue_type(name)
            if typ is None or name.lower() in {"government", "the government"}:
                continue
            start, end = _trim(text, start, end)
            if end - start < 3:
                continue
            if " " not in text[start:end] and text[start:end].lower() in lx.PROJECT_HEADS | lx.GOV_HEADS:
                continue  # 'the Centre will provide ...', 'the Fund': a head word alone names nothing
            found.append(NameMatch(start, end, text[start:end], typ))
    return found


def _strip_titles(seg: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """'CEO of the Device Experience Division' -> 'Device Experience Division'."""
    i = 0
    while i < len(seg) and (
        seg[i][0].lower() in lx.TITLE_WORDS and seg[i][0].lower() not in lx.COMPANY_HEADS
        or i == 0 and seg[i][0].lower() in LEAD_NOUNS
    ):
        i += 1
    if 0 < i < len(seg) and seg[i][0].lower() in {"of", "for"}:
        i += 1
        while i < len(seg) and seg[i][0].lower() == "the":
            i += 1
        return seg[i:]
    return seg


# common nouns that open a sentence before "of" + a name: "Shares of Hanwha Ocean rose ..."
LEAD_NOUNS = {
    "shares",
    "stocks",
    "officials",
    "executives",
    "employees",
    "workers",
    "members",
    "investors",
    "analysts",
    "customers",
    "sales",
    "orders",
    "profits",
    "revenues",
    "units",
    "affiliates",
    "subsidiaries",
    "representatives",
    "leaders",
    "heads",
    "delegates",
    "staff",
    "some",
    "most",
    "many",
    "all",
    "both",
    "each",
    "one",
    "two",
    "three",
    "none",
    "part",
    "half",
}


def _trim(text: str, start: int, end: int) -> tuple[str, int] | tuple[int, int]:
    """Drop a leading "The", a sentence's opening preposition ('Under the X Strategy, ...') and a
    trailing possessive."""
    while True:
        m = re.match(r"(The|THE|A|An|and|And|&|Members of the|Members of|Member of the|Member of|"
                     r"(?:Under|Through|Via|From|For|In|At|On|By|Into|Over|Amid|After|Before|During|With|Within)"
                     r"(?=\s+(?:the\s+)?[A-Z])|"
                     r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?=\s+the\s))\s+", text[start:end])
        if m:
            start += m.end()
            continue
        break
    while text[start:end].endswith(("'s", "’s")):
        end -= 2
    return start, end


GENERIC_GOV_STARTS = (
    "ministry",
    "department",
    "government",
    "office",
    "agency",
    "cabinet",
    "finance ministry",
    "industry ministry",
    "trade ministry",
    "central bank",
    "parliament",
    "foreign ministry",
)


@lru_cache(maxsize=65536)  # a pure function of a string, called for the same names again and again
def strip_nationality(name: str) -> tuple[str, str | None]:
    """'South Korean Ministry of X' -> ('Ministry of X', 'South Korea'); "Japan's Ministry of X" likewise.
    A nationality that is part of an official name stays ('European Commission', 'Korean Air')."""
    m = re.match(r"^([A-Z][\w.]*(?: [A-Z][\w.]*)?)['’]s (.+)$", name)
    if m and (m.group(1) in lx.COUNTRIES or m.group(1).lower() in lx.COUNTRY_ALIASES):
        return m.group(2), lx.COUNTRY_ALIASES.get(m.group(1).lower(), m.group(1))
    low = name.lower()
    for adj in sorted(lx.NATIONALITY_TO_COUNTRY, key=len, reverse=True):
        if low.startswith(adj + " ") and len(name) > len(adj) + 3:
            rest = name[len(adj) + 1 :]
            if rest[:1].isupper() and rest.lower().startswith(GENERIC_GOV_STARTS):
                return rest, lx.NATIONALITY_TO_COUNTRY[adj]
    return name, None


@lru_cache(maxsize=65536)  # a pure function of a string, called for the same names again and again
def clean_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" \t\n,;:\"'“”‘’()[]")
    name = re.sub(r"^(?:the|The|THE)\s+", "", name)
    name = re.sub(r"(?:'s|’s)$", "", name)
    return name.strip()


def split_inner_acronym(name: str) -> tuple[str, list[str]]:
    """'Manufacturing AX (M.AX) Alliance' -> ('Manufacturing AX Alliance', ['M.AX Alliance', 'M.AX', full])."""
    m = re.search(r"\s*\(([A-Z][A-Za-z0-9.&\-]{1,12})\)\s*", name)
    if not m or m.end() >= len(name):
        return name, []
    acronym = m.group(1)
    plain = (name[: m.start()] + " " + name[m.end() :]).strip()
    tail = name[m.end() :].strip()
    return re.sub(r"\s+", " ", plain), [f"{acronym} {tail}".strip(), acronym, name]


def alnum_name(tok: Token) -> bool:
    """'42dot', '3M': a name that starts with a digit."""
    return tok.text[:1].isdigit() and any(c.isalpha() for c in tok.text) and not tok.like_num


def is_acronym(text: str) -> bool:
    t = text.replace(".", "").replace("&", "").replace("-", "")
    return 2 <= len(t) <= 10 and t.isupper() and t.isalnum()


def acronym_matches(acronym: str, name: str) -> bool:
    """Does `acronym` abbreviate `name`? (KCCI ~ Korea Chamber of Commerce and Industry, MOTIE ~ Ministry
    of Trade, Industry and Energy)."""
    letters = [c for c in acronym.upper() if c.isalpha()]
    ws = [w for w in words(name) if w[:1].isalpha()]
    if len(letters) < 2 or not ws:
        return False
    content = [w for w in ws if w.lower() not in {"of", "and", "the", "for", "on", "&"}]
    if [w[0].upper() for w in content] == letters:
        return True
    with_of = [w for w in ws if w.lower() not in {"and", "the", "&"}]
    return [w[0].upper() for w in with_of] == letters


def acronym_fits(acronym: str, name: str) -> bool:
    """A looser reading for agencies that skip words in their acronym (NEDO ~ New Energy and Industrial
    Technology Development Organization): same first and last initials, letters in order."""
    letters = [c for c in acronym.upper() if c.isalpha()]
    initials = [w[0].upper() for w in words(name) if w[:1].isalpha() and w.lower() not in {"of", "and", "the", "for"}]
    if len(letters) < 3 or not initials or letters[0] != initials[0] or letters[-1] != initials[-1]:
        return False
    it = iter(initials)
    return all(any(c == i for i in it) for c in letters)


def title_case(name: str) -> str:
    """'MINISTRY OF TRADE, INDUSTRY AND ENERGY' -> 'Ministry of Trade, Industry and Energy'."""
    small = {"of", "and", "for", "on", "the", "in", "to"}
    out = []
    for i, w in enumerate(name.split(" ")):
        lw = w.lower()
        out.append(lw if i and lw in small else lw[:1].upper() + lw[1:])
    return " ".join(out)


# a press release's list item: 'GreenSines H2, Sines (Portugal): a 300 MW electrolyser ...'
LISTED_ITEM = re.compile(
    r"^(?:[-•*o]\s+)?(?P<name>[A-Z0-9][^,():\n]{1,60}?)(?:, (?P<place>[^,():\n]{2,40}))?"
    r" \((?P<country>[^()\n]{2,40})\): (?:a|an|the) ",
    re.M,
)
