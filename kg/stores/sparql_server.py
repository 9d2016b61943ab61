"""Run the `oxigraph` server on the workspace store: a SPARQL 1.1 endpoint for any client.

Read-only (`oxigraph serve-read-only`) unless updates are asked for, bound to 127.0.0.1. The store's
default graph already holds the union of all named graphs, each triple once (see
kg.stores.oxigraph_store), so the server runs without `--union-default-graph`, whose per-document
copies of each triple make joins explode on large graphs. With updates, writes go where the
update says: an INSERT into a document's graph does not show in the default graph. It serves
`/query` (SPARQL protocol, GET and POST), `/update` (only with updates) and `/store` (Graph Store
Protocol).

While it runs it holds the workspace store lock (see kg.stores.oxigraph_store): shared when
read-only, so several read-only endpoints and embedded read-only queries work side by side, but a
`kg build` fails cleanly instead of swapping the store under it; exclusive with updates. The lock
fd is inherited by the server process, so the lock lasts exactly as long as the server does.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import requests

from kg.stores.oxigraph_store import acquire_lock_fd, require_store
from kg.workspace import KgError, Workspace

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
START_TIMEOUT_S = 30.0


@dataclass
class Endpoint:
    """A running endpoint: `url` is the SPARQL query URL (http://HOST:PORT/query)."""

    url: str
    process: subprocess.Popen[bytes]
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    allow_updates: bool = False
    _log: IO[bytes] | None = field(default=None, repr=False)

    @property
    def base_url(self) -> str:
        return self.url.rsplit("/", 1)[0]

    @property
    def update_url(self) -> str:
        return f"{self.base_url}/update"

    @property
    def store_url(self) -> str:
        """The Graph Store Protocol URL (`?default` or `?graph=IRI`)."""
        return f"{self.base_url}/store"

    def running(self) -> bool:
        return self.process.poll() is None

    def __enter__(self) -> Endpoint:
        return self

    def __exit__(self, *exc: object) -> None:
        stop_endpoint(self)


def oxigraph_binary() -> Path:
    """The `oxigraph` server installed by the `oxigraph` package next to this Python."""
    candidates = [Path(sys.executable).parent / "oxigraph", Path(sysconfig.get_path("scripts")) / "oxigraph"]
    found = shutil.which("oxigraph")
    if found:
        candidates.append(Path(found))
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return path
    raise KgError("the oxigraph server is not installed: `pip install oxigraph` in this environment")


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def check_port_free(host: str, port: int) -> None:
    """Fail with a one-line error when something already listens on host:port."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            sock.bind((host, port))
        except OSError as exc:
            reason = "already in use" if exc.errno in (98, 48) else exc.strerror or str(exc)
            raise KgError(f"cannot serve on {host}:{port}: port {reason} (pick another with --port)"
                          ) from None


def free_port(host: str = DEFAULT_HOST) -> int:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> None:
    """In the child: get SIGTERM when the parent dies, so no server outlives its owner (Linux)."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _wait_ready(endpoint: Endpoint, timeout: float, log: IO[bytes] | None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if endpoint.process.poll() is not None:
            detail = ""
            if log is not None:
                log.seek(0)
                lines = [ln for ln in log.read().decode("utf-8", "replace").splitlines() if ln.strip()]
                detail = f": {lines[-1].strip()}" if lines else ""
            code = endpoint.process.returncode
            raise KgError(f"the SPARQL server stopped at start-up (exit {code}){detail}")
        with contextlib.suppress(requests.RequestException):
            if requests.get(endpoint.url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return
        time.sleep(0.1)
    stop_endpoint(endpoint)
    raise KgError(f"the SPARQL server did not answer on {endpoint.url} within {timeout:g} s")


def start_endpoint(
    ws: Workspace,
    port: int | None = None,
    host: str = DEFAULT_HOST,
    allow_updates: bool = False,
    *,
    timeout_s: int | None = None,
    start_timeout: float = START_TIMEOUT_S,
    quiet: bool = True,
) -> Endpoint:
    """Start the server on the workspace store and wait until /query answers.

    `port=None` picks a free port. `timeout_s` caps each query's run time. `quiet` keeps the
    server's output in a temporary file (its last line is reported when start-up fails);
    otherwise the server writes to this process's stdout/stderr (the CLI does this).
    """
    store = require_store(ws)
    binary = oxigraph_binary()
    if port is None:
        port = free_port(host)
    else:
        check_port_free(host, port)
    lock_fd = acquire_lock_fd(ws, exclusive=allow_updates, purpose="start the SPARQL endpoint")
    try:
        cmd = [str(binary), "serve" if allow_updates else "serve-read-only", "--location", str(store),
               "--bind", f"{_url_host(host)}:{port}"]
        if timeout_s:
            cmd += ["--timeout-s", str(int(timeout_s))]
        out: IO[bytes] | None = tempfile.TemporaryFile() if quiet else None  # noqa: SIM115 (closed by stop)
        process = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=out,
            pass_fds=(lock_fd,) if lock_fd >= 0 else (), start_new_session=True, preexec_fn=_die_with_parent,
        )
    finally:
        if lock_fd >= 0:
            os.close(lock_fd)  # the server's inherited copy keeps the lock
    endpoint = Endpoint(url=f"http://{_url_host(host)}:{port}/query", process=process, host=host, port=port,
                        allow_updates=allow_updates, _log=out)
    try:
        _wait_ready(endpoint, start_timeout, out)
    except BaseException:
        stop_endpoint(endpoint)
        raise
    return endpoint


def stop_endpoint(endpoint: Endpoint, timeout: float = 10.0) -> int | None:
    """Stop the server (SIGTERM, then SIGKILL after `timeout`); return its exit code. Idempotent."""
    process = endpoint.process
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if endpoint._log is not None:
        with contextlib.suppress(OSError):
            endpoint._log.close()
        endpoint._log = None
    return process.returncode
