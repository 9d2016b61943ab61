"""What every command shares: the workspace option, one-line errors, exit codes."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from kg.workspace import DEFAULT_WORKSPACE, KgError

console = Console()
err_console = Console(stderr=True)

OutOption = Annotated[
    Path, typer.Option("--out", "-o", help="Workspace folder.", envvar="KG_WORKSPACE", show_default=True)
]
DEFAULT_OUT = DEFAULT_WORKSPACE

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line error and return the Exit to raise."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def user_errors(func: F) -> F:
    """Turn KgError (and a few well-known failures) into one line on stderr and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KgError as exc:
            raise fail(str(exc)) from None
        except KeyboardInterrupt:
            raise fail("interrupted", 130) from None

    return wrapper  # type: ignore[return-value]
