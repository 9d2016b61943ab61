"""Money in running text: "700 billion won ($478 million)", "KRW26 trillion", "€5 billion", "₹91,000 crore".

`find_amounts` scans a text and returns every amount with its character span, its value in units,
its ISO 4217 currency and, when a conversion follows in parentheses, that conversion as a second
amount. Bare numbers with a scale ("19.5 trillion") take the currency of the nearest amount before
them in the same document (the caller passes it as `default_currency`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "bln": 1e9,
    "trln": 1e12,
    "tln": 1e12,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "tr": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "lakh crore": 1e12,
    "lakh crores": 1e12,
    # headline abbreviations, always written with their period: "3 tril. won", "500 bil. won"
    "tril.": 1e12,
    "bil.": 1e9,
    "mil.": 1e6,
}
# symbols and codes written before the number
PREFIX_CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "jpy": "JPY",
    "₩": "KRW",
    "krw": "KRW",
    "w": "KRW",  # The Korea Herald's won sign: 'W1.2 trillion', 'W3tr' (a prefix must start a word)
    "₹": "INR",
    "inr": "INR",
    "rs": "INR",
    "rs.": "INR",
    "cny": "CNY",
    "rmb": "CNY",
    "yuan": "CNY",
    "a$": "AUD",
    "aud": "AUD",
    "c$": "CAD",
    "cad": "CAD",
    "hk$": "HKD",
    "hkd": "HKD",
    "s$": "SGD",
    "sgd": "SGD",
    "chf": "CHF",
    "nt$": "TWD",
    "t$": "TWD",  # Reuters writes the Taiwan dollar "T$48 billion"
    "nz$": "NZD",
    "nzd": "NZD",
    "twd": "TWD",
    "r$": "BRL",
    "brl": "BRL",
    "rm": "MYR",
    "myr": "MYR",
    "sar": "SAR",
    "mxn": "MXN",
    "mx$": "MXN",
    "vnd": "VND",
    "vnđ": "VND",
    "idr": "IDR",
    "rp": "IDR",
    "thb": "THB",
    "czk": "CZK",
    "pln": "PLN",
    "zł": "PLN",
    "zar": "ZAR",
    "aed": "AED",
    "sek": "SEK",
    "nok": "NOK",
    "dkk": "DKK",
    "huf": "HUF",
}
# words written after the number
SUFFIX_CURRENCIES = {
    "won": "KRW",
    "dollars": "USD",
    "dollar": "USD",
    "us dollars": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "pound sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupees": "INR",
    "rupee": "INR",
    "krw": "KRW",
    "usd": "USD",
    "eur": "EUR",
    "jpy": "JPY",
    "cny": "CNY",
    "inr": "INR",
    "gbp": "GBP",
    "swiss francs": "CHF",
    "francs": "CHF",
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    "singapore dollars": "SGD",
    "taiwan dollars": "TWD",
    "ringgit": "MYR",
    "baht": "THB",
    "rupiah": "IDR",
    "dong": "VND",
    "pesos": "MXN",
    "reais": "BRL",
    "rand": "ZAR",
    "riyals": "SAR",
    "riyal": "SAR",
    "koruna": "CZK",
    "korunas": "CZK",
    "crowns": "CZK",
    "zlotys": "PLN",
    "zloty": "PLN",
    "lira": "TRY",
    "dirhams": "AED",
    # singular or English words that name money only after a scale ('a 1.2 billion-real loan', 'a
    # 9 billion-kronor guarantee'); '2 real problems' is none
    "real": "BRL",
    "peso": "MXN",
    "pound": "GBP",
    "dirham": "AED",
    "krona": "SEK",
    "kronor": "SEK",
    "kroner": "NOK",
    "forint": "HUF",
}
SCALED_ONLY_SUFFIXES = {"dong", "real", "peso", "pound", "dirham", "krona", "kronor", "kroner", "forint"}
QUALIFIERS = (
    "at least",
    "more than",
    "over",
    "up to",
    "around",
    "about",
    "nearly",
    "almost",
    "less than",
    "some",
    "roughly",
    "approximately",
    "a minimum of",
    "a maximum of",
)

_prefix = "|".join(sorted((re.escape(k) for k in PREFIX_CURRENCIES), key=len, reverse=True))
_suffix = "|".join(sorted((re.escape(k) for k in SUFFIX_CURRENCIES), key=len, reverse=True))
_scale = "|".join(sorted((re.escape(k) for k in SCALES), key=len, reverse=True))
_number = r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?"

# Every amount has its number within a prefix and a space of where it starts: the lookahead (which changes no
# match) lets the scan skip the rest of the text quickly instead of trying every currency prefix at every character.
_REACH = max(len(k) for k in PREFIX_CURRENCIES) + 1
AMOUNT_RE = re.compile(
    rf"""(?ix)
    (?=[\s\S]{{0,{_REACH}}}\d)
    (?:(?<![A-Za-z])(?P<prefix>{_prefix}))?\s?
    (?P<number>{_number})
    (?:[\s-]?(?P<scale>{_scale})(?:\b|(?<=\.)))?
    (?:[\s-](?P<suffix>{_suffix})\b)?
    """
)
CONVERSION_RE = re.compile(r"\s*\((?:about |around |approximately |roughly |some |or |~)?(?P<inner>[^()]{1,40})\)")
BARE_SCALED_RE = re.compile(
    rf"(?i)(?<![\w.,$€£¥₩₹])(?P<number>{_number})\s?(?P<scale>trillion|billion|million|crore|lakh)\b"
)


@dataclass(frozen=True)
class AmountMatch:
    start: int
    end: int  # end of the main amount (conversion excluded)
    value: float
    currency: str
    text: str
    qualifier: str | None = None
    conversion: AmountMatch | None = None
    inferred_currency: bool = False

    @property
    def full_end(self) -> int:
        return self.conversion.end + 1 if self.conversion else self.end


def _scaled(number: str, scale: float) -> float:
    """'4.1' billion as 4,100,000,000 exactly (4.1 * 1e9 in binary floating point is 4,099,999,999.9999995)."""
    return float(Decimal(number.replace(",", "")) * Decimal(repr(scale)))


def parse_amount(text: str) -> AmountMatch | None:
    """Parse one amount written alone ("$478 million", "KRW 75 trillion")."""
    for match in _iter_matches(text, default_currency=None):
        return match
    return None


def _qualifier_before(text: str, start: int) -> str | None:
    window = text[max(0, start - 20) : start].lower().rstrip()
    for q in QUALIFIERS:
        if window.endswith(q):
            return q.replace("a minimum of", "at least").replace("over", "more than")
    return None


def _iter_matches(text: str, default_currency: str | None):
    for m in AMOUNT_RE.finditer(text):
        prefix, suffix, scale = m.group("prefix"), m.group("suffix"), m.group("scale")
        if not prefix and not suffix and not (scale and default_currency):
            continue
        if scale and scale.lower() in {"m", "b", "k"} and not prefix:
            continue
        if not scale and not prefix and suffix and suffix.lower() in SCALED_ONLY_SUFFIXES:
            continue
        currency = (
            (PREFIX_CURRENCIES.get(prefix.lower()) if prefix else None)
            or (SUFFIX_CURRENCIES.get(suffix.lower()) if suffix else None)
            or default_currency
        )
        if currency is None:
            continue
        value = _scaled(m.group("number"), SCALES[scale.lower()] if scale else 1.0)
        # a year or a bare small number with a currency word after it is rarely money ("2026 won")
        if not prefix and not scale and value >= 1000 and value < 2200 and value == int(value):
            continue
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        yield AmountMatch(
            start,
            m.end(),
            value,
            currency,
            text[start : m.end()],
            qualifier=_qualifier_before(text, start),
            inferred_currency=not prefix and not suffix,
        )


def find_amounts(text: str, default_currency: str | None = None) -> list[AmountMatch]:
    """Every money amount in `text`, conversions in parentheses attached to the amount before them."""
    explicit = list(_iter_matches(text, None))
    taken: list[tuple[int, int]] = [(a.start, a.end) for a in explicit]
    currency = default_currency
    results: list[AmountMatch] = []
    # bare scaled numbers ("19.5 trillion") take the last explicit currency seen before them
    bare: list[AmountMatch] = []
    for m in BARE_SCALED_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        after = text[m.end() : m.end() + 12]
        if not re.match(
            r"\s*(?:[,.;)\]]|$|will\b|would\b|is\b|was\b|are\b|go|went|into\b|for\b|to\b|in\b|and\b|of\b|from\b|has\b|had\b)",
            after,
        ):
            continue
        before = [a for a in explicit if a.end <= m.start()]
        cur = before[-1].currency if before else currency
        if cur is None:
            continue
        value = _scaled(m.group("number"), SCALES[m.group("scale").lower()])
        bare.append(
            AmountMatch(
                m.start(),
                m.end(),
                value,
                cur,
                m.group(0),
                qualifier=_qualifier_before(text, m.start()),
                inferred_currency=True,
            )
        )
    found = sorted(explicit + bare, key=lambda a: a.start)
    skip: set[int] = set()
    for i, amount in enumerate(found):
        if i in skip:
            continue
        conv = None
        cm = CONVERSION_RE.match(text, amount.end)
        if cm and i + 1 < len(found):
            nxt = found[i + 1]
            if cm.start("inner") <= nxt.start < cm.end() and nxt.currency != amount.currency:
                conv = AmountMatch(nxt.start, nxt.end, nxt.value, nxt.currency, nxt.text, conversion=None)
                skip.add(i + 1)
        results.append(
            AmountMatch(
                amount.start,
                amount.end,
                amount.value,
                amount.currency,
                amount.text,
                amount.qualifier,
                conv,
                amount.inferred_currency,
            )
        )
    return results
