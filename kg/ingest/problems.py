"""What ingest reports instead of raising: one line per bad input, so the other inputs still go on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["warning", "error"]


@dataclass(frozen=True)
class Problem:
    """A bad or doubtful input: `source` names the file (or `file:line` for a .jsonl line)."""

    source: str
    message: str
    level: Level

    def __str__(self) -> str:
        return f"{self.level}: {self.source}: {self.message}"


class SkipInput(Exception):
    """Raised inside ingest to abandon one input; turned into an error Problem by the caller."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
