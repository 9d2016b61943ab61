"""Ingest: files and folders (.txt, .md, .html/.htm, .jsonl) to clean English `kg.model.Document`s.

    for item in read_sources([Path("articles/")]):
        if isinstance(item, Problem): print(item)      # one line: level, file (or file:line), why
        else: extract(item)

Bad inputs never raise: each becomes a Problem and the other inputs go on.
"""

from kg.ingest.decode import DEFAULT_MAX_BYTES
from kg.ingest.problems import Problem
from kg.ingest.sources import FORMATS, read_sources

__all__ = ["DEFAULT_MAX_BYTES", "FORMATS", "Problem", "read_sources"]
