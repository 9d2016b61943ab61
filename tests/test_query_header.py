"""The query-header parser shared by the SPARQL and Cypher libraries: one format, one set of errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.stores import cypher_library, sparql_library
from kg.stores.query_header import QueryParam, convert, parse_header
from kg.workspace import KgError

HEADER = """{p} question: Which targets are due by a given year?
{p} parameter: year (integer): the deadline year: inclusive
{p} parameter: owner (string, optional): only this owner's

{p} a free note: not a field
{p} columns: owner, target , due_year
BODY
{p} columns: not, the, header
"""


@pytest.mark.parametrize("prefix", ["#", "//"])
def test_a_well_formed_header(prefix: str) -> None:
    header = parse_header(HEADER.format(p=prefix), prefix, Path("q"))
    assert header.question == "Which targets are due by a given year?"
    assert header.parameters == (QueryParam("year", "integer", "the deadline year: inclusive"),
                                 QueryParam("owner", "string", "only this owner's", optional=True))
    assert [p.signature for p in header.parameters] == ["year (integer)", "owner (string, optional)"]
    assert header.columns == ("owner", "target", "due_year")


@pytest.mark.parametrize(("lines", "message"), [
    ("{p} question: q\n{p} parameter: year integer\n{p} columns: a", r"q\.x: bad parameter line 'year integer'"),
    ("{p} question: q\n{p} parameter: year (date): d\n{p} columns: a", r"q\.x: parameter year has unknown type date"),
    ("{p} parameters: none\n{p} columns: a", r"q\.x: the header needs `{p} question:` and `{p} columns:` lines"),
    ("{p} question: q\n{p} columns:\n", r"q\.x: the header needs `{p} question:` and `{p} columns:` lines"),
])
@pytest.mark.parametrize("prefix", ["#", "//"])
def test_malformed_headers_fail_alike(prefix: str, lines: str, message: str) -> None:
    with pytest.raises(KgError, match=message.format(p=prefix)):
        parse_header(lines.format(p=prefix), prefix, Path("q.x"))


def test_the_libraries_read_the_same_parameters() -> None:
    text = HEADER.format(p="#")
    sparql = sparql_library.parse_header("q", Path("q.rq"), text)
    cypher = cypher_library.parse_header("q", text.replace("#", "//"), Path("q.cypher"))
    assert sparql.parameters == cypher.params


def test_value_coercion_differs_only_where_the_languages_do() -> None:
    year, doc = QueryParam("year", "integer"), QueryParam("document", "string")
    assert convert(year, "2030") == sparql_library.coerce(year, "2030") == cypher_library.coerce(year, "2030") == 2030
    assert sparql_library.coerce(year, 2030.5) == 2030          # SPARQL truncates as int() does
    with pytest.raises(KgError, match="must be an integer, got 2030.5"):
        cypher_library.coerce(year, 2030.5)                       # Cypher compares integers exactly
    assert sparql_library.coerce(doc, "https://e.org/d") == ("https://e.org/d", "<https://e.org/d>")
    assert cypher_library.coerce(doc, "https://e.org/d") == "https://e.org/d"
