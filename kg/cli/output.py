"""Print query results as a rich table, CSV or JSON (shared by `kg query cypher` and `kg query sparql`)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from enum import Enum
from typing import Any

from rich.table import Table

from kg.cli.common import console


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


def print_rows(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: OutputFormat) -> None:
    if fmt is OutputFormat.json:
        records = [dict(zip(columns, map(_plain, row), strict=False)) for row in rows]
        json.dump(records, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    elif fmt is OutputFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(
                [
                    ""
                    if v is None
                    else json.dumps(_plain(v), ensure_ascii=False)
                    if isinstance(v, (list, dict))
                    else _plain(v)
                    for v in row
                ]
            )
    else:
        table = Table(*columns, show_lines=False)
        for row in rows:
            table.add_row(*["" if v is None else str(_plain(v)) for v in row])
        console.print(table)
        console.print(f"{len(rows)} row(s)", style="dim")
