"""Neo4j driver failures as one-line KgErrors (the CLI prints them; notebooks see a short message)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from kg.workspace import KgError

DOWN_HINT = "start it with `kg neo4j start`"


def one_line(text: str | None) -> str:
    return (text or "").strip().splitlines()[0] if (text or "").strip() else ""


@contextlib.contextmanager
def neo4j_errors(action: str = "Neo4j") -> Iterator[None]:
    """Translate driver exceptions raised inside the block into KgError."""
    try:
        yield
    except KgError:
        raise
    except (ServiceUnavailable, SessionExpired) as exc:
        raise KgError(f"{action}: the Neo4j server is not reachable ({one_line(str(exc))}); {DOWN_HINT}") \
            from None
    except AuthError as exc:
        raise KgError(f"{action}: Neo4j refused the credentials ({one_line(exc.message)})") from None
    except Neo4jError as exc:
        raise KgError(f"{action}: {exc.code}: {one_line(exc.message)}") from None
    except DriverError as exc:
        raise KgError(f"{action}: {type(exc).__name__}: {one_line(str(exc))}") from None
