"""Bind query parameters with a VALUES block built from escaped RDF terms (never pasted user text).

Used for remote SPARQL endpoints (the protocol has no parameters) and for the embedded store
when Oxigraph's own substitution cannot be used: pyoxigraph substitutes only variables that the
SELECT clause projects. The block goes first in the outermost WHERE group, so the parameter is
bound for every pattern and FILTER of that group (write parameterised queries that way).

A query may repeat the binding inside a nested group by a comment line `#@parameters` there
(PARAMETER_MARK): the same block goes after that comment too. A VALUES row joined twice is the
same answer, as long as what the group answers differently with the parameter bound is what the
outer group drops anyway (e.g. a FILTER on BOUND(?p) beside the mark); what it changes is the
plan: Oxigraph starts that group from the parameter, and folds such a FILTER to true or false
while planning, dropping a UNION branch whose FILTER is false before evaluating it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping, Sequence

import pyoxigraph as ox

from kg.stores.sparql_terms import Param, to_term
from kg.workspace import KgError

_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_WORD = re.compile(r"[A-Za-z_][\w\-.:]*")
_VAR = re.compile(r"[?$]\w*")
_FORMS = {"select", "construct", "describe", "ask"}
PARAMETER_MARK = "#@parameters"


def _tokens(text: str) -> Iterator[tuple[str, str, int]]:
    """(kind, text, offset) for words, braces, parentheses and comments; skips strings and IRIs."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            end = n if end < 0 else end
            yield "comment", text[i:end], i
            i = end + 1
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
        elif c == "<" and (m := _IRIREF.match(text, i)):
            i = m.end()
        elif c in "{}()":
            yield c, c, i
            i += 1
        elif c in "?$":
            i = max(_VAR.match(text, i).end(), i + 1)  # type: ignore[union-attr]
        elif m := _WORD.match(text, i):
            yield "word", m.group(0), i
            i = m.end()
        else:
            i += 1


def _where_group_start(sparql: str) -> int:
    """Offset just after the `{` that opens the query's outermost WHERE group."""
    form: str | None = None
    depth_paren = 0
    skip_template = False
    brace_depth = 0
    for kind, text, pos in _tokens(sparql):
        if kind == "comment":
            continue
        if form is None:
            if kind == "word" and text.lower() in _FORMS:
                form = text.lower()
                skip_template = form == "construct"
            continue
        if kind == "word" and skip_template and brace_depth == 0 and text.lower() == "where":
            # CONSTRUCT WHERE { ... }: the group is also the template, which cannot hold VALUES
            raise KgError("cannot bind parameters in the short CONSTRUCT WHERE form: "
                          "write CONSTRUCT { ... } WHERE { ... }")
        if kind == "(":
            depth_paren += 1
        elif kind == ")":
            depth_paren -= 1
        elif kind == "{" and depth_paren == 0:
            if brace_depth == 0 and not skip_template:
                return pos + 1
            brace_depth += 1
        elif kind == "}" and depth_paren == 0:
            brace_depth -= 1
            if brace_depth == 0 and skip_template:
                skip_template = False
    raise KgError("cannot bind parameters: the query has no WHERE clause")


def values_block(bindings: Mapping[str, Param | Sequence[Param]]) -> str:
    """`VALUES (?a ?b) { (term term) }` with each value written as an escaped RDF term.

    A parameter given as a list or tuple binds each of its values in turn (one row each; with
    several such parameters, every combination).
    """
    names, columns = [], []
    for name, value in bindings.items():
        try:
            var = ox.Variable(name.lstrip("?$"))
        except ValueError:
            raise KgError(f"invalid parameter name {name!r}") from None
        names.append(str(var))
        values = value if isinstance(value, (list, tuple)) else [value]
        columns.append([str(to_term(v)) for v in values])
    rows = " ".join(f"({' '.join(row)})" for row in itertools.product(*columns))
    return f"VALUES ({' '.join(names)}) {{ {rows} }}"


def parameter_marks(sparql: str) -> list[int]:
    """Offsets of the end of each `#@parameters` comment's text (see PARAMETER_MARK)."""
    return [pos + len(text) for kind, text, pos in _tokens(sparql)
            if kind == "comment" and text.strip() == PARAMETER_MARK]


def bind_values(sparql: str, bindings: Mapping[str, Param | Sequence[Param]] | None) -> str:
    """The query with its parameters bound by a VALUES block at the top of the WHERE group
    (and after each `#@parameters` comment line)."""
    if not bindings:
        return sparql
    block = values_block(bindings)
    inserts = [(_where_group_start(sparql), f" {block}\n")]
    inserts += [(at, f"\n{block}") for at in parameter_marks(sparql)]  # after the comment's text
    for at, text in sorted(inserts, reverse=True):
        sparql = f"{sparql[:at]}{text}{sparql[at:]}"
    return sparql
