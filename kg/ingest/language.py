"""A light language guess (no model download): English vs other Latin-script languages by stop words,
plus non-Latin scripts by Unicode block.

Why stop words: they make up ~40% of running text in any European language and barely overlap once the
words English shares are left out, so a handful of them tells a French caption from an English one.
Short English lines without stop words (headlines, names) are kept because nothing speaks against them.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from dataclasses import dataclass, field


def _words(text: str) -> list[str]:
    return text.split()


ENGLISH = frozenset(_words("""
the of and to a an is are was were be been being that this these those for it its with by on at from
as or but not no which who whom whose what when where while will would shall should can could may might
has have had do does did into than then there their they them he she his her we our you your i
about after before over under between during through against also said says such other more most
only any all each both if so up out per new just very
"""))

# Words that are also ordinary English (in, on, a, die, was, so, also...) are left out on purpose.
FOREIGN: dict[str, frozenset[str]] = {
    "French": frozenset(_words("""
        le la les des du de un une et est sont dans pour par sur avec au aux ce cette ces qui que quoi nous
        vous ils elles il elle ne pas ou où mais leur leurs notre nos votre vos ses été être avoir fait
        comme tout tous très aussi selon entre sans sous chez lors depuis après avant dont cela ça
        plusieurs ainsi
    """)),
    "German": frozenset(_words("""
        der die das und ist nicht mit von zu den dem des ein eine einen einem einer auf für im sich auch
        werden wird wurde sind bei nach aus oder wie noch nur über zum zur sie wir ihr dass durch gegen
        ohne um vor aber kann haben hat hatte diese dieser dieses soll sollen
    """)),
    "Spanish": frozenset(_words("""
        el la los las de del y en que un una es por para con se su sus al lo como más pero este esta
        estos estas ha han fue ser está están entre sobre también sin hasta desde muy ya cuando donde
        porque ni
    """)),
    "Italian": frozenset(_words("""
        il lo la gli le di del della dei delle è che per con non un una sono nel nella alla anche come
        più ma questo questa ha hanno stato essere tra fra dopo sul sulla degli
    """)),
    "Portuguese": frozenset(_words("""
        os de do da dos das em na nos nas um uma é que para com não por mais mas como foi ser está são
        ao aos pelo pela também sobre entre seu sua
    """)),
    "Dutch": frozenset(_words("""
        de het een en van dat die niet op voor met zijn ook aan te om er maar bij nog naar uit wordt
        worden deze dit hij zij wij als door heeft hebben
    """)),
}

# Lower-case particles that belong to names ("Ursula von der Leyen", "Banco de la Nación"): not counted
# when the next word is capitalised.
NAME_PARTICLES = frozenset(_words("de la le du des von van der den di da del della dos das do zu ter el y e"))

FRENCH_ELISION = re.compile(r"^(?:l|d|qu|n|c|j|s|m)['’]\w", re.IGNORECASE)
LANG_DIACRITICS = {
    "French": set("éèêëàâçùûîïôœ"),
    "German": set("äöüß"),
    "Spanish": set("ñáéíóú¿¡"),
    "Italian": set("àèéìòù"),
    "Portuguese": set("ãõçáéíóúâê"),
    "Dutch": set("ëïé"),
}

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

# (first code point, last code point, what the text looks like)
SCRIPTS: tuple[tuple[int, int, str], ...] = (
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "a Cyrillic-script language"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"),
    (0x0900, 0x097F, "a Devanagari-script language"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x1100, 0x11FF, "Korean"),
    (0x3040, 0x30FF, "Japanese"),
    (0x3130, 0x318F, "Korean"),
    (0x3400, 0x4DBF, "Chinese"),
    (0x4E00, 0x9FFF, "Chinese"),
    (0xAC00, 0xD7AF, "Korean"),
)


@dataclass
class LanguageCounts:
    """Evidence gathered from some text; add line counts together for a document-level verdict."""

    english: int = 0
    foreign: Counter[str] = field(default_factory=Counter)
    latin_letters: int = 0
    scripts: Counter[str] = field(default_factory=Counter)
    words: int = 0
    diacritics: Counter[str] = field(default_factory=Counter)

    def __iadd__(self, other: LanguageCounts) -> LanguageCounts:
        self.english += other.english
        self.foreign.update(other.foreign)
        self.latin_letters += other.latin_letters
        self.scripts.update(other.scripts)
        self.words += other.words
        self.diacritics.update(other.diacritics)
        return self

    def script(self) -> str | None:
        """The non-Latin script that makes up most letters, if one does."""
        if not self.scripts:
            return None
        if sum(self.scripts.values()) <= self.latin_letters:
            return None
        name = max(sorted(self.scripts), key=lambda s: self.scripts[s])
        # Kanji with kana is Japanese, not Chinese.
        return "Japanese" if name == "Chinese" and self.scripts["Japanese"] else name

    def best_foreign(self) -> tuple[str, int]:
        if not self.foreign:
            return ("", 0)
        # Ties resolve in FOREIGN's order (deterministic).
        best = max(FOREIGN, key=lambda lang: (self.foreign[lang], -list(FOREIGN).index(lang)))
        return best, self.foreign[best]


def _script_of(ch: str) -> str | None:
    cp = ord(ch)
    for lo, hi, name in SCRIPTS:
        if lo <= cp <= hi:
            return name
    return None


_ASCII_LETTERS = string.ascii_letters.encode("ascii")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")
_WORD_LANGS: dict[str, tuple[str, ...]] = {}
for _lang, _words_of_lang in FOREIGN.items():
    for _w in _words_of_lang:
        _WORD_LANGS[_w] = (*_WORD_LANGS.get(_w, ()), _lang)
_MARK_LANGS: dict[str, tuple[str, ...]] = {}
for _lang, _marks in LANG_DIACRITICS.items():
    for _m in _marks:
        _MARK_LANGS[_m] = (*_MARK_LANGS.get(_m, ()), _lang)


def count(text: str) -> LanguageCounts:
    """Stop-word and script counts for a piece of text (a line, usually)."""
    c = LanguageCounts()
    raw = text.encode("utf-8")
    c.latin_letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
    if not text.isascii():
        for ch in _NON_ASCII_LETTER.findall(text):
            if ord(ch) < 0x0250:
                c.latin_letters += 1
                for lang in _MARK_LANGS.get(ch.lower(), ()):
                    c.diacritics[lang] += 1
            else:
                name = _script_of(ch)
                if name:
                    c.scripts[name] += 1
    tokens = WORD.findall(text)
    c.words = len(tokens)
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if low in ENGLISH:
            c.english += 1
        elif ("'" in low or "’" in low) and FRENCH_ELISION.match(low):
            c.foreign["French"] += 1
        elif low in _WORD_LANGS and not (
            tok[0].islower() and low in NAME_PARTICLES and i + 1 < len(tokens) and tokens[i + 1][0].isupper()
        ):
            for lang in _WORD_LANGS[low]:
                c.foreign[lang] += 1
    return c


def foreign_line(line: str) -> str | None:
    """The language a line is written in when it is clearly not English, else None (keep it)."""
    return foreign_line_counts(count(line))


def foreign_line_counts(c: LanguageCounts) -> str | None:
    """foreign_line() from counts already made."""
    script = c.script()
    if script:
        return script
    lang, hits = c.best_foreign()
    if hits >= 2 and hits > 2 * c.english:
        return lang
    # A short label with one foreign function word and that language's accents ("Image générée par IA").
    if hits == 1 and c.english == 0 and c.words <= 8 and c.diacritics[lang]:
        return lang
    return None


def foreign_document(counts: LanguageCounts) -> str | None:
    """The language a whole document is mostly written in when it is not English, else None."""
    script = counts.script()
    if script:
        return script
    lang, hits = counts.best_foreign()
    if hits >= 3 and hits > counts.english:
        return lang
    return None
