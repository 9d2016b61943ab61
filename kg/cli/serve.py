"""`kg serve`: the workspace store as a SPARQL 1.1 endpoint (read-only unless --allow-updates)."""

from __future__ import annotations

import signal
import types
from typing import Annotated

import typer

from kg.cli.common import DEFAULT_OUT, OutOption, console, fail, user_errors
from kg.stores.sparql_server import DEFAULT_HOST, DEFAULT_PORT, start_endpoint, stop_endpoint
from kg.workspace import Workspace


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


class _Stop(Exception):
    """Raised in the main thread by the SIGTERM handler."""


def _on_sigterm(signum: int, frame: types.FrameType | None) -> None:
    raise _Stop


@user_errors
def serve(
    out: OutOption = DEFAULT_OUT,
    port: Annotated[int, typer.Option(
        "--port", help="TCP port to listen on.", min=1, max=65535)] = DEFAULT_PORT,
    host: Annotated[str, typer.Option(
        "--host", help="Address to bind (loopback by default; anything else exposes the store).")
    ] = DEFAULT_HOST,
    allow_updates: Annotated[bool, typer.Option(
        "--allow-updates", help="Accept SPARQL UPDATE and Graph Store writes (read-only by default).")
    ] = False,
    timeout_s: Annotated[int | None, typer.Option(
        "--timeout", help="Stop any query that runs longer than this many seconds.", min=1)] = None,
) -> None:
    """Serve the workspace store over HTTP: SPARQL protocol at /query, Graph Store Protocol at /store.

    The default graph is the union of all documents' graphs (GRAPH ?doc {...} reaches one). While
    it runs, `kg build` on this workspace fails cleanly instead of replacing the store under it.
    Stop with Ctrl-C (or SIGTERM).
    """
    ws = Workspace.at(out)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    endpoint = None
    try:
        endpoint = start_endpoint(ws, port=port, host=host, allow_updates=allow_updates,
                                  timeout_s=timeout_s, quiet=False)
        mode = "read-write: SPARQL UPDATE at " + endpoint.update_url if allow_updates else "read-only"
        console.print(f"SPARQL endpoint: {endpoint.url}  ({mode}; Graph Store at {endpoint.store_url})",
                      highlight=False, soft_wrap=True)
        console.print("Press Ctrl-C to stop.", style="dim")
        code = endpoint.process.wait()
        if code != 0:
            raise fail(f"the SPARQL server stopped by itself (exit code {code})", code if code > 0 else 1)
    except (KeyboardInterrupt, _Stop):
        console.print("stopping the SPARQL endpoint", style="dim")
    finally:
        if endpoint is not None:
            stop_endpoint(endpoint)
        signal.signal(signal.SIGTERM, previous)
