"""Ingest: files and folders to clean Documents, bad inputs to one-line Problems (real files and parsers)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from kg.ingest import DEFAULT_MAX_BYTES, Problem, read_sources
from kg.ingest import html as html_reader
from kg.ingest.clean import clean_text
from kg.ingest.ids import slugify, url_slug
from kg.ingest.language import foreign_line
from kg.model import Document

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_075fe3f23501dc51.txt"
DATA = REPO / "tests" / "data" / "ingest"


def read(*paths: Path, **kwargs: int) -> tuple[list[Document], list[Problem]]:
    docs: list[Document] = []
    problems: list[Problem] = []
    for item in read_sources(list(paths), **kwargs):
        (docs if isinstance(item, Document) else problems).append(item)
    return docs, problems


def only_doc(*paths: Path, **kwargs: int) -> Document:
    docs, problems = read(*paths, **kwargs)
    assert len(docs) == 1, problems
    return docs[0]


def only_problem(*paths: Path, **kwargs: int) -> Problem:
    docs, problems = read(*paths, **kwargs)
    assert docs == [] and len(problems) == 1, (docs, problems)
    return problems[0]


def assert_clean_layout(text: str) -> None:
    """Paragraphs separated by one blank line, no whitespace-only lines, nothing trailing."""
    assert text == text.strip()
    assert "\n\n\n" not in text
    assert all(line == line.strip() for line in text.split("\n"))


# --- the seed -------------------------------------------------------------------------------------

def test_seed_drops_french_and_cookie_banner_keeps_every_english_line() -> None:
    doc = only_doc(SEED)
    raw_lines = {line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()}
    kept = set(doc.text.split("\n"))
    dropped = {line for line in raw_lines if line.replace("\u00a0", "").strip()} - kept
    assert dropped == {
        "Articles connexes",
        "Image générée par IA",
        "Rapporté par l'IA Image générée par IA",
        "Rapporté par l'IA",
        "Ce site utilise des cookies",
        "Nous utilisons des cookies pour l'analyse afin d'améliorer notre site. "
        "Lisez notre politique de confidentialité pour plus d'informations.",
        "Refuser",
    }
    # 9 lines went (the "Rapporté par l'IA" label appears four times).
    assert doc.removed_lines == 9
    assert "cookie" not in doc.text.lower() and "IA" not in doc.text.split()
    assert doc.doc_id == "000-075fe3f23501dc51"
    assert doc.source == str(SEED)
    assert doc.title == "Government to invest 700 billion won in manufacturing AI transformation in 2026"
    assert doc.text.startswith(doc.title + "\n\n")
    assert doc.content_hash == "sha256:" + hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert_clean_layout(doc.text)


def test_seed_sentences_have_consistent_offsets() -> None:
    doc = only_doc(SEED)
    raw = SEED.read_text(encoding="utf-8")
    sentences = [s for line in raw.splitlines() for s in re.split(r"(?<=[.!?])\s+", line)
                 if len(s.split()) >= 8 and s.isascii()]
    assert len(sentences) > 20
    for sentence in sentences:
        start = doc.text.find(sentence)
        assert start >= 0, sentence
        assert doc.text[start:start + len(sentence)] == sentence
    for start in (m.start() for m in re.finditer(r"(?m)^", doc.text)):
        line = doc.text[start:].split("\n", 1)[0]
        assert line == "" or not foreign_line(line)


# --- cleaning rules -------------------------------------------------------------------------------

def test_english_article_loses_chrome_and_foreign_lines() -> None:
    doc = only_doc(DATA / "article_en.txt")
    cleaned = clean_text((DATA / "article_en.txt").read_text(encoding="utf-8"))
    reasons = {reason for reason, _ in cleaned.removed}
    assert {"navigation", "ai-label", "language:German", "language:Korean", "heading", "share", "cookie",
            "button", "legal"} <= reasons
    assert doc.title == "Ministry unveils hydrogen truck subsidy for 2027"
    assert doc.text.startswith(doc.title)
    for kept in ("120 billion won on subsidies", "Doosan Fuel Cell", "30,000 fuel-cell trucks",
                 "Samsung SDI and LG Energy Solution expand solid-state battery research."):
        assert kept in doc.text
    for gone in ("Home", "Regierung", "정부", "Read more", "Facebook", "cookies", "Accept all",
                 "All rights reserved", "AI-generated", "Image generated"):
        assert gone not in doc.text
    assert doc.removed_lines == len(cleaned.removed) == 17
    assert_clean_layout(doc.text)


def test_dropped_line_keeps_paragraphs_apart_and_whitespace_lines_collapse() -> None:
    raw = "Title line here\n\u00a0\n \n\nFirst paragraph.\nRead more\nSecond paragraph.\n\u200b\n"
    cleaned = clean_text(raw)
    assert cleaned.text == "Title line here\n\nFirst paragraph.\n\nSecond paragraph."
    assert cleaned.removed_lines == 1


@pytest.mark.parametrize("line", [
    "Ursula von der Leyen visits Seoul", "Banco de la Nación", "Marine Le Pen", "Lee Jae-myung",
    "South Korea pumps $19B into chip sector", "Samsung Electronics (삼성전자) will build a plant",
    "Société Générale de Banques", "Des Moines plant to close", "Hyundai Motor Group",
    "The minister said « nous sommes prêts » at the summit.",
])
def test_short_english_lines_and_names_are_kept(line: str) -> None:
    assert foreign_line(line) is None
    assert clean_text(line).text == line


@pytest.mark.parametrize(("line", "language"), [
    ("Le gouvernement français investit dans les puces", "French"),
    ("Die Bundesregierung hat ein neues Förderprogramm für die Industrie beschlossen.", "German"),
    ("El gobierno anunció un plan de inversión para la industria de semiconductores.", "Spanish"),
    ("Il governo ha annunciato un piano per la industria.", "Italian"),
    ("삼성전자가 새로운 반도체 공장을 건설한다", "Korean"),
])
def test_foreign_lines_are_recognised(line: str, language: str) -> None:
    assert foreign_line(line) == language
    assert clean_text(f"Korea steps up chip support\n\n{line}").text == "Korea steps up chip support"


@pytest.mark.parametrize("line", [
    "This site uses cookies", "Diese Website verwendet Cookies.", "Accept", "Tout accepter", "Read more",
    "À lire aussi", "Image générée par IA", "Rapporté par l'IA", "AI-generated image",
    "Photo generated by AI", "Skip to main content", "Share this article", "Home > Economy > Industry",
    "Subscribe to our newsletter",
])
def test_chrome_lines_are_dropped(line: str) -> None:
    cleaned = clean_text(f"Korea steps up chip support\n\n{line}\n\nSK Hynix will build a fab in Yongin.")
    assert cleaned.text == "Korea steps up chip support\n\nSK Hynix will build a fab in Yongin."
    assert cleaned.removed_lines == 1


# --- formats --------------------------------------------------------------------------------------

def test_html_page_through_trafilatura_drops_nav_footer_and_cookie_banner() -> None:
    doc = only_doc(DATA / "page.html")
    assert doc.doc_id == "page"
    assert doc.title == "Port of Busan automation plan"
    assert doc.date == "2026-03-05"
    assert doc.url == "https://harbour.example.org/busan-automation"
    assert doc.text.startswith("Port of Busan automation plan\n\n")
    assert "1.2 trillion won" in doc.text and "Gangseo district" in doc.text
    for gone in ("cookie", "Accept", "Shipping", "About us", "All rights reserved", "Privacy policy",
                 "Related articles", "Incheon", "Image generated"):
        assert gone not in doc.text
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) == 4 and all("\n" not in p for p in paragraphs)


def test_html_that_trafilatura_rejects_falls_back_to_plain_text(tmp_path: Path) -> None:
    page = tmp_path / "tiny.htm"
    page.write_text("<p>LG Chem opens a plant.<footer>Privacy policy</footer>")
    assert html_reader.extract(page.read_text()).fallback
    doc = only_doc(page)
    assert (doc.text, doc.title) == ("LG Chem opens a plant.", None)
    titled = tmp_path / "titled.html"
    titled.write_text("<title>Chem news</title><p>LG Chem opens a plant.</p>")
    doc = only_doc(titled)
    assert (doc.text, doc.title) == ("Chem news\n\nLG Chem opens a plant.", "Chem news")
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><script>var x = 1;</script></body></html>")
    problem = only_problem(empty)
    assert problem.level == "error" and "no text" in problem.message


def test_markdown_front_matter_and_markup(tmp_path: Path) -> None:
    doc = only_doc(DATA / "notes.md")
    assert doc.title == "Shipbuilders sign green fuel pact"
    assert doc.date == "2026-02-11" and doc.url == "https://example.net/shipbuilders-pact"
    assert doc.text.startswith("Shipbuilders sign green fuel pact\n\n"
                               "Three shipbuilders signed a pact with the Ministry of Trade on Monday")
    for markup in ("**", "](", "![", "## ", "- HD", "---"):
        assert markup not in doc.text
    assert "HD Hyundai Heavy Industries will build the first prototype by 2028." in doc.text.split("\n")


def test_jsonl_lines_become_documents_and_bad_lines_problems() -> None:
    path = DATA / "records.jsonl"
    docs, problems = read(path)
    lines = path.read_bytes().split(b"\n")
    assert [d.doc_id for d in docs] == [
        "example-com-news-steel-2026", "records-3", "example-com-news-steel-2026-2"]
    first = docs[0]
    assert first.source == first.url == "https://example.com/news/steel-2026"
    assert first.title == "Steelmakers pledge low-carbon furnaces" and first.date == "2026-01-15"
    assert first.content_hash == "sha256:" + hashlib.sha256(lines[0]).hexdigest()
    assert "Rapporté" not in first.text and first.removed_lines == 1
    assert first.text == json.loads(lines[0])["text"].replace("\nRapporté par l'IA", "")
    assert docs[1].source == f"{path}:3" and docs[1].title is None
    by_source = {p.source: p for p in problems}
    assert "malformed JSON" in by_source[f"{path}:4"].message
    assert by_source[f"{path}:5"].message == "no 'text' field"
    assert by_source[f"{path}:6"].message == "not English (looks like French)"
    assert by_source[f"{path}:7"].message == "empty 'text'"
    assert "JSON object" in by_source[f"{path}:8"].message
    assert by_source[f"{path}:9"].level == "warning" and "date" in by_source[f"{path}:9"].message
    assert docs[2].date is None
    assert all(p.level == "error" for s, p in by_source.items() if not s.endswith(":9"))


def test_jsonl_is_streamed_one_line_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "stream.jsonl"
    path.write_text(json.dumps({"text": "Samsung opens a fab in Texas."}) + "\n")
    items = read_sources([path])
    first = next(items)
    assert isinstance(first, Document) and first.doc_id == "stream-1"
    # Lines written after the first document came out are still read: nothing was loaded up front.
    with path.open("a") as fh:
        fh.write(json.dumps({"text": "SK On opens a plant in Georgia."}) + "\n")
    rest = list(items)
    assert [d.doc_id for d in rest if isinstance(d, Document)] == ["stream-2"]


def test_jsonl_line_over_the_limit_is_skipped_and_the_rest_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    lines = [{"text": "LG Energy Solution expands in Poland."}, {"text": "x " * 3000},
             {"text": "Hanwha Ocean wins a frigate order."}]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    assert path.stat().st_size > 2000     # the whole file is over the limit: fine for .jsonl
    docs, problems = read(path, max_bytes=2000)
    assert [d.doc_id for d in docs] == ["big-1", "big-3"]
    assert [(p.source, p.level) for p in problems] == [(f"{path}:2", "error")]
    assert "too large" in problems[0].message


def test_jsonl_that_is_not_json_stops_early(tmp_path: Path) -> None:
    path = tmp_path / "plain.jsonl"
    path.write_text("".join(f"Plain text line number {i}.\n" for i in range(100)))
    docs, problems = read(path)
    assert docs == []
    assert len(problems) == 21 and problems[-1].source == str(path)
    assert "not JSON Lines" in problems[-1].message


# --- folders, order, ids --------------------------------------------------------------------------

def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    body = "\n\nThe Ministry of Trade announced a support package for the industry on Monday."
    _write(tmp_path / "b" / "Report 1.txt", "Report one" + body)
    _write(tmp_path / "a" / "z.md", "# Zinc smelter expands" + body)
    _write(tmp_path / "a" / "sub" / "Report_1.txt", "Report one again" + body)
    _write(tmp_path / "c.TXT", "Upper-case extension" + body)
    _write(tmp_path / "notes.csv", "a,b\n")
    _write(tmp_path / ".cache" / "hidden.txt", "Hidden" + body)
    _write(tmp_path / ".hidden.txt", "Hidden" + body)
    docs, problems = read(tmp_path)
    assert problems == []
    assert [d.source for d in docs] == [str(tmp_path / p) for p in
                                        ("a/sub/Report_1.txt", "a/z.md", "b/Report 1.txt", "c.TXT")]
    assert [d.doc_id for d in docs] == ["report-1", "z", "report-1-2", "c"]
    assert all(re.fullmatch(r"[a-z0-9-]+", d.doc_id) for d in docs)
    again, _ = read(tmp_path)
    assert again == docs


def test_explicit_unsupported_file_and_missing_path_are_problems(tmp_path: Path) -> None:
    csv = _write(tmp_path / "table.csv", "a,b\n")
    good = _write(tmp_path / "ok.txt", "Posco builds a hydrogen furnace in Pohang, the company said.")
    docs, problems = read(tmp_path / "missing.txt", csv, good, tmp_path / "missing_dir")
    assert [d.doc_id for d in docs] == ["ok"]
    assert [(p.source, p.level) for p in problems] == [
        (str(tmp_path / "missing.txt"), "error"), (str(csv), "error"),
        (str(tmp_path / "missing_dir"), "error")]
    assert "no such file" in problems[0].message and "unsupported file type '.csv'" in problems[1].message
    assert all("\n" not in str(p) for p in problems)


# --- bad input ------------------------------------------------------------------------------------

@pytest.mark.parametrize("content", [b"", b"  \n\n\t \r\n"])
def test_empty_files_are_errors(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    problem = only_problem(path)
    assert (problem.source, problem.level, problem.message) == (str(path), "error", "empty file")


@pytest.mark.parametrize("content", [
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04",
    bytes([1, 2, 3, 4, 5, 6, 14, 15, 16, 17]) * 20 + b"some words",
])
def test_binary_files_are_errors(tmp_path: Path, content: bytes) -> None:
    for name in ("image.txt", "image.jsonl"):
        path = tmp_path / name
        path.write_bytes(content)
        problem = only_problem(path)
        assert problem.level == "error" and problem.message == "binary file, not text"


def test_cp1252_text_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    raw = "Renault–Samsung café plan\n\nThe €2 billion “Renault Korea” plan was approved in Busan.\n"
    path.write_bytes(raw.encode("cp1252"))
    docs, problems = read(path)
    assert [p.level for p in problems] == ["warning"] and "cp1252" in problems[0].message
    assert docs[0].text == raw.strip()
    assert docs[0].content_hash == "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def test_undecodable_bytes_are_an_error(tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 40)
    problem = only_problem(path)
    assert problem.level == "error" and "not valid UTF-8" in problem.message


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_bom_encodings_decode_without_warning(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("Hanwha wins order\n\nHanwha Aerospace won a K9 howitzer order.".encode(encoding))
    docs, problems = read(path)
    assert problems == [] and docs[0].text.startswith("Hanwha wins order\n")


def test_non_english_documents_are_errors(tmp_path: Path) -> None:
    korean = _write(tmp_path / "ko.txt", "정부는 반도체 산업에 26조 원을 지원한다.\n\n"
                                         "삼성전자와 SK하이닉스가 투자를 늘린다.")
    docs, problems = read(DATA / "article_fr.txt", korean, DATA / "article_en.txt")
    assert [d.doc_id for d in docs] == ["article-en"]
    assert [p.message for p in problems] == [
        "not English (looks like French)", "not English (looks like Korean)"]


def test_foreign_chrome_does_not_make_a_short_english_article_foreign(tmp_path: Path) -> None:
    banner = ("Nous utilisons des cookies pour mesurer l'audience de notre site et vous proposer des "
              "contenus adaptés à vos centres d'intérêt. Ce site utilise des cookies.\n"
              "Tout accepter\nRefuser")
    article = "Kia opens an EV plant\n\nKia opened a plant in Gwangmyeong."
    path = _write(tmp_path / "short.txt", f"{article}\n\n{banner}")
    doc = only_doc(path)
    assert doc.text == "Kia opens an EV plant\n\nKia opened a plant in Gwangmyeong."
    assert doc.removed_lines == 3


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:            # sparse: 21 MB on paper, nothing on disk
        fh.truncate(DEFAULT_MAX_BYTES + 1024 * 1024)
    problem = only_problem(path)
    assert problem.level == "error" and "too large" in problem.message and "20.0 MB" in problem.message
    small = _write(tmp_path / "small.txt", "Doosan Enerbility signs a turbine deal with Czech utility CEZ.")
    assert only_problem(small, max_bytes=20).message.startswith("file too large")


def test_only_chrome_left_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "chrome.txt", "Home\nNews\nBusiness\n\nThis site uses cookies.\nAccept\n")
    problem = only_problem(path)
    assert problem.level == "error" and "no article text" in problem.message


def test_slugs_are_safe_and_distinct() -> None:
    assert slugify("000_075fe3f23501dc51") == "000-075fe3f23501dc51"
    assert slugify("Café Münster Report") == "cafe-munster-report"
    korean = {slugify("뉴스"), slugify("기사")}
    assert len(korean) == 2 and all(re.fullmatch(r"doc-[0-9a-f]{8}", s) for s in korean)
    long_a, long_b = slugify("a" * 200 + "1"), slugify("a" * 200 + "2")
    assert long_a != long_b and len(long_a) <= 80 and re.fullmatch(r"[a-z0-9-]+", long_a)
    assert url_slug("https://www.Example.com/news/2026/01?id=7") == "example-com-news-2026-01-id-7"
