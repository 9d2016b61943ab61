"""The project's own Neo4j server: start, stop and reach it (Neo4j Community 5.26, embedded, Bolt only).

The server is the small Java program in `neo4j-launcher/` (built with Maven on first use). It runs
detached, one per workspace, with its files under `<ws>/neo4j/`::

    password            the password of user neo4j (mode 0600; generated on first start)
    server.json         the Bolt port (kept across restarts), a hash of the password last applied
    neo4j.pid           the running JVM (removed on stop)
    data/, logs/        Neo4j's store and logs; logs/launcher.log is the JVM's own output

Bolt listens on 127.0.0.1 only and authentication is on. `NEO4J_URI` / `NEO4J_USER` /
`NEO4J_PASSWORD` point every client (`connection_settings`, `driver`) at another server instead.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import neo4j
from neo4j.exceptions import AuthError, ConfigurationError, DriverError, Neo4jError, ServiceUnavailable

from kg.workspace import DEFAULT_WORKSPACE, KgError, Workspace, atomic_write_text

LAUNCHER_DIR = Path(
    os.environ.get("KG_NEO4J_LAUNCHER") or Path(__file__).resolve().parents[2] / "neo4j-launcher"
)
MAIN_CLASS = "io.kgbuilder.neo4j.Launcher"
READY_MARK = "KG-NEO4J READY"
USER = "neo4j"
DEFAULT_PORT = 7687
DEFAULT_HEAP = "768m"
DEFAULT_PAGECACHE_MB = 256
JVM_FLAGS = (
    # The flags Neo4j's own start script passes (Netty and the page cache need them on Java 17).
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "-XX:+ExitOnOutOfMemoryError",
)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Neo4jConnection:
    """Where a Neo4j server answers and with which credentials."""

    uri: str
    user: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class Neo4jStatus:
    """The workspace server as seen from outside: its process, address and whether Bolt answers."""

    running: bool
    pid: int | None
    port: int | None
    uri: str | None
    reachable: bool
    home: Path
    log: Path


@dataclass(frozen=True)
class _Files:
    """The server's files inside `<ws>/neo4j/`."""

    home: Path

    @property
    def password(self) -> Path:
        return self.home / "password"

    @property
    def config(self) -> Path:
        return self.home / "server.json"

    @property
    def pid(self) -> Path:
        return self.home / "neo4j.pid"

    @property
    def log(self) -> Path:
        return self.home / "logs" / "launcher.log"

    @property
    def lock(self) -> Path:
        return self.home / ".lock"

    @property
    def system_db(self) -> Path:
        return self.home / "data" / "databases" / "system"

    @property
    def store_lock(self) -> Path:
        return self.home / "data" / "databases" / "store_lock"


# JVMs this Python process started: kept so that they are reaped (no zombies) when stopped.
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}


def connection_settings(ws: Workspace) -> Neo4jConnection:
    """The server clients use: NEO4J_URI (+ NEO4J_USER, NEO4J_PASSWORD) if set, else the workspace's."""
    uri = os.environ.get("NEO4J_URI")
    if uri:
        password = os.environ.get("NEO4J_PASSWORD")
        if password is None:
            raise KgError("NEO4J_URI is set but NEO4J_PASSWORD is not: set both (NEO4J_USER is optional)")
        return Neo4jConnection(uri, os.environ.get("NEO4J_USER") or USER, password)
    files = _Files(ws.neo4j)
    port = _read_port(files)
    if port is None or not files.password.is_file():
        raise KgError(f"no Neo4j server in workspace {ws.root}: run `kg neo4j start{_out_hint(ws)}` first")
    return _local_connection(port, _read_password(files))


def driver(ws: Workspace) -> neo4j.Driver:
    """A connected driver for `connection_settings(ws)`, or a one-line KgError when the server is down."""
    conn = connection_settings(ws)
    from_env = bool(os.environ.get("NEO4J_URI"))
    try:
        drv = neo4j.GraphDatabase.driver(conn.uri, auth=(conn.user, conn.password), connection_timeout=10)
    except (ConfigurationError, ValueError) as exc:
        raise KgError(f"invalid Neo4j URI {conn.uri!r}: {exc}") from None
    try:
        drv.verify_connectivity()
    except AuthError:
        drv.close()
        where = "NEO4J_USER/NEO4J_PASSWORD" if from_env else str(_Files(ws.neo4j).password)
        message = f"Neo4j at {conn.uri} rejected the password of user {conn.user}: check {where}"
        raise KgError(message) from None
    except (ServiceUnavailable, DriverError, Neo4jError, OSError):
        drv.close()
        hint = "check NEO4J_URI" if from_env else f"run `kg neo4j start{_out_hint(ws)}`"
        raise KgError(f"Neo4j at {conn.uri} is not reachable: {hint}") from None
    return drv


def start(
    ws: Workspace,
    *,
    port: int | None = None,
    timeout: float = 240,
    heap: str | None = None,
    pagecache_mb: int | None = None,
    progress: Progress | None = None,
) -> Neo4jConnection:
    """Start the workspace's server (building the launcher first if needed) and wait until Bolt answers.

    Returns the running server's connection if it is already up. Refuses to start a second JVM
    on the same store. Raises KgError with the log's last words if the server does not come up.
    Memory: `heap` (JVM -Xmx, default $KG_NEO4J_HEAP or 768m) and `pagecache_mb` (default
    $KG_NEO4J_PAGECACHE_MB or 256).
    """
    heap = heap or os.environ.get("KG_NEO4J_HEAP") or DEFAULT_HEAP
    if pagecache_mb is None:
        try:
            pagecache_mb = int(os.environ.get("KG_NEO4J_PAGECACHE_MB") or DEFAULT_PAGECACHE_MB)
        except ValueError:
            raise KgError("KG_NEO4J_PAGECACHE_MB must be a whole number of megabytes") from None
    say = progress or (lambda _msg: None)
    deadline = time.monotonic() + timeout
    files = _Files(ws.neo4j.resolve())
    files.home.mkdir(parents=True, exist_ok=True)
    with _file_lock(files.lock):
        pid = _running_pid(files)
        if pid is not None:
            current = _read_port(files)
            if current is None:
                raise KgError(f"Neo4j runs (pid {pid}) but {files.config} is missing: run `kg neo4j stop`")
            if port is not None and port != current:
                raise KgError(
                    f"Neo4j for workspace {ws.root} already runs on port {current} (pid {pid}): "
                    f"run `kg neo4j stop{_out_hint(ws)}` before changing the port"
                )
            conn = _local_connection(current, _read_password(files))
            say(f"Neo4j already running (pid {pid}); waiting for Bolt on {conn.uri}")
            _wait_for_bolt(conn, deadline, alive=lambda: _alive(pid), files=files)
            return conn
        _refuse_foreign_server(files)
        java = _java()
        classpath = _ensure_launcher(say)
        password = _ensure_password(files)
        # A new store takes the password from the launcher's initial-user file; an existing one only
        # needs it again when the file changed (re-applying costs a Cypher compilation, ~8 s).
        applied = _read_config(files).get("password_sha256")
        sync = files.system_db.is_dir() and applied != _sha256(password)
        chosen = _choose_port(files, port)
        _write_config(files, port=chosen, password_sha256=applied)
        conn = _local_connection(chosen, password)

        files.log.parent.mkdir(parents=True, exist_ok=True)
        offset = files.log.stat().st_size if files.log.exists() else 0
        command = [
            java, f"-Xmx{heap}", *JVM_FLAGS, "-cp", classpath, MAIN_CLASS,
            "--home", str(files.home), "--port", str(chosen),
            "--password-file", str(files.password), "--pagecache-mb", str(pagecache_mb),
            "--sync-password", str(sync).lower(),
        ]
        say(f"Starting Neo4j on {conn.uri}")
        with open(files.log, "ab") as log:
            proc = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                cwd=files.home, start_new_session=True,
            )
        _CHILDREN[proc.pid] = proc
        atomic_write_text(files.pid, f"{proc.pid}\n")
        try:
            _wait_for_ready_line(proc, files, offset, deadline)
            say(f"Waiting for Bolt on {conn.uri}")
            _wait_for_bolt(conn, deadline, alive=lambda: proc.poll() is None, files=files, offset=offset)
        except BaseException:
            _terminate(proc.pid, grace=30)
            files.pid.unlink(missing_ok=True)
            raise
        _write_config(files, port=chosen, password_sha256=_sha256(password))
        return conn


def stop(ws: Workspace, timeout: float = 60) -> bool:
    """Stop the workspace's server (SIGTERM, then SIGKILL after `timeout`). False if none was running."""
    files = _Files(ws.neo4j.resolve())
    if not files.home.is_dir():
        return False
    with _file_lock(files.lock):
        pid = _running_pid(files)
        if pid is None:
            return False
        _terminate(pid, grace=timeout)
        files.pid.unlink(missing_ok=True)
        return True


def status(ws: Workspace) -> Neo4jStatus:
    """Whether the workspace's server runs, where, and whether Bolt answers with its password."""
    files = _Files(ws.neo4j.resolve())
    pid = _running_pid(files, clean=False)
    port = _read_port(files)
    uri = _local_connection(port, "").uri if port is not None else None
    reachable = False
    if pid is not None and port is not None and files.password.is_file():
        reachable = _bolt_probe(_local_connection(port, _read_password(files))) == "ok"
    return Neo4jStatus(pid is not None, pid, port, uri, reachable, files.home, files.log)


# --- the launcher -------------------------------------------------------------------------------


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not java or not Path(java).exists():
        raise KgError("Java 17+ is needed to run Neo4j: install a JDK (or set JAVA_HOME)")
    return java


def _ensure_launcher(say: Progress) -> str:
    """Build `neo4j-launcher/` with Maven unless its current sources were already built; the classpath."""
    pom = LAUNCHER_DIR / "pom.xml"
    if not pom.is_file():
        raise KgError(f"the Neo4j launcher sources are missing ({pom}): set KG_NEO4J_LAUNCHER to them")
    target = LAUNCHER_DIR / "target"
    classpath = f"{target / 'classes'}{os.pathsep}{target / 'lib' / '*'}"
    digest = hashlib.sha256()
    for source in [pom, *sorted((LAUNCHER_DIR / "src").rglob("*.java"))]:
        digest.update(source.read_bytes())
    stamp = target / ".kg-build-stamp"
    target.mkdir(exist_ok=True)
    with _file_lock(target / ".kg-build.lock"):
        if stamp.is_file() and stamp.read_text().strip() == digest.hexdigest():
            return classpath
        mvn = shutil.which("mvn")
        if mvn is None:
            raise KgError("Maven (`mvn`) is needed once to build the Neo4j launcher: install Maven 3.8+")
        say("Building the Neo4j launcher with Maven (the first build downloads Neo4j, ~160 MB)")
        # copy-dependencies never removes jars: a changed pom must not leave old versions on the classpath.
        shutil.rmtree(target / "lib", ignore_errors=True)
        shutil.rmtree(target / "classes", ignore_errors=True)
        try:
            result = subprocess.run(
                [mvn, "-q", "-B", "package"], cwd=LAUNCHER_DIR, capture_output=True, text=True,
                timeout=1800, stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            raise KgError("building the Neo4j launcher with Maven took over 30 minutes: gave up") from None
        if result.returncode != 0:
            lines = [ln for ln in (result.stdout + result.stderr).splitlines() if "[ERROR]" in ln]
            detail = lines[0].replace("[ERROR]", "").strip() if lines else f"exit code {result.returncode}"
            raise KgError(f"building the Neo4j launcher failed (`mvn package` in {LAUNCHER_DIR}): {detail}")
        stamp.write_text(digest.hexdigest() + "\n")
    return classpath


# --- workspace files ----------------------------------------------------------------------------


def _out_hint(ws: Workspace) -> str:
    return "" if Path(ws.root) == DEFAULT_WORKSPACE else f" --out {ws.root}"


def _local_connection(port: int, password: str) -> Neo4jConnection:
    # bolt:// (not neo4j://): a direct connection, no routing table, no advertised addresses.
    return Neo4jConnection(f"bolt://127.0.0.1:{port}", USER, password)


def _read_config(files: _Files) -> dict[str, object]:
    try:
        config = json.loads(files.config.read_text())
    except (OSError, ValueError):
        return {}
    return config if isinstance(config, dict) else {}


def _write_config(files: _Files, **values: object) -> None:
    atomic_write_text(files.config, json.dumps(values, indent=2) + "\n")  # mkstemp: created 0600


def _read_port(files: _Files) -> int | None:
    port = _read_config(files).get("port")
    return port if isinstance(port, int) and not isinstance(port, bool) else None


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read_password(files: _Files) -> str:
    try:
        return files.password.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise KgError(f"cannot read the Neo4j password {files.password}: {exc.strerror}") from None


def _ensure_password(files: _Files) -> str:
    """The workspace password, generated on first use; only the owner may read the file."""
    if files.password.is_file():
        files.password.chmod(0o600)
        password = _read_password(files)
        if len(password) < 8:
            raise KgError(f"the password in {files.password} is shorter than 8 characters (Neo4j's minimum)")
        return password
    password = secrets.token_urlsafe(24)
    atomic_write_text(files.password, password + "\n")  # mkstemp: created 0600
    files.password.chmod(0o600)
    return password


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """Serialise start/stop (and launcher builds) across processes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# --- processes and ports ------------------------------------------------------------------------


def _alive(pid: int) -> bool:
    if pid in _CHILDREN:
        return _CHILDREN[pid].poll() is None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    with contextlib.suppress(OSError, IndexError):
        if stat.read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X"):
            return False
    return True


def _is_our_server(pid: int, home: Path) -> bool:
    """Guards against a recycled pid: the process must be our launcher on this home (where /proc tells)."""
    if not Path("/proc/self").is_dir():
        return True
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return MAIN_CLASS.encode() in args and str(home).encode() in args


def _running_pid(files: _Files, *, clean: bool = True) -> int | None:
    """The pid of the workspace's running server; a stale pid file is removed (if `clean`)."""
    try:
        pid = int(files.pid.read_text().strip())
    except (OSError, ValueError):
        return None
    if _alive(pid) and _is_our_server(pid, files.home):
        return pid
    if clean:
        files.pid.unlink(missing_ok=True)
        _CHILDREN.pop(pid, None)
    return None


def _refuse_foreign_server(files: _Files) -> None:
    """Neo4j allows one process per store: say so plainly instead of letting the JVM fail after 15 s."""
    if not files.store_lock.is_file():
        return
    with open(files.store_lock, "r+b") as fh:
        try:
            fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            owners = [str(pid) for pid in _launchers_on(files.home)]
            who = f"process {', '.join(owners)}" if owners else "another process"
            raise KgError(
                f"{who} already runs Neo4j on {files.home} (it holds {files.store_lock}) "
                f"without a pid file: stop it first"
            ) from None
        fcntl.lockf(fh, fcntl.LOCK_UN)


def _launchers_on(home: Path) -> list[int]:
    """Our launcher processes serving `home`, where /proc lists processes."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    return [int(p.name) for p in proc.iterdir() if p.name.isdigit() and _is_our_server(int(p.name), home)]


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _any_free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _choose_port(files: _Files, requested: int | None) -> int:
    """The requested port, else the workspace's previous one, else 7687, else any free port."""
    if requested is not None:
        if not _port_free(requested):
            raise KgError(f"port {requested} on 127.0.0.1 is already in use: choose another with --port")
        return requested
    for candidate in (_read_port(files), DEFAULT_PORT):
        if candidate is not None and _port_free(candidate):
            return candidate
    return _any_free_port()


def _terminate(pid: int, grace: float) -> None:
    """SIGTERM (Neo4j checkpoints and closes its store), then SIGKILL if it does not exit in time."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    if not _wait_gone(pid, grace):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        _wait_gone(pid, 10)
    child = _CHILDREN.pop(pid, None)
    if child is not None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(timeout=1)


def _wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while _alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


# --- waiting for start-up -----------------------------------------------------------------------


def _log_summary(files: _Files, offset: int = 0) -> str:
    """The launcher's own error line from this start if there is one, else the log's last lines."""
    try:
        with open(files.log, "rb") as fh:
            fh.seek(offset)
            lines = [ln.strip() for ln in fh.read().decode("utf-8", "replace").splitlines() if ln.strip()]
    except OSError:
        return f"no log at {files.log}"
    errors = [ln.split(" error: ", 1)[1] for ln in lines if " error: " in ln]
    summary = errors[-1] if errors else " / ".join(lines[-3:]) or "no output"
    return f"{summary} (log: {files.log})"


def _wait_for_ready_line(proc: subprocess.Popen[bytes], files: _Files, offset: int, deadline: float) -> None:
    while True:
        with contextlib.suppress(OSError), open(files.log, "rb") as fh:
            fh.seek(offset)
            if READY_MARK.encode() in fh.read():
                return
        code = proc.poll()
        if code is not None:
            raise KgError(f"Neo4j exited during start-up (code {code}): {_log_summary(files, offset)}")
        if time.monotonic() > deadline:
            raise KgError(f"Neo4j did not start in time: {_log_summary(files, offset)}")
        time.sleep(0.25)


def _bolt_probe(conn: Neo4jConnection, timeout: float = 3) -> str:
    """'ok', 'auth' (Bolt answers but refuses the password) or 'down'."""
    try:
        with neo4j.GraphDatabase.driver(
            conn.uri, auth=(conn.user, conn.password), connection_timeout=timeout
        ) as drv:
            drv.verify_connectivity()
    except AuthError:
        return "auth"
    except (DriverError, Neo4jError, OSError):
        return "down"
    return "ok"


def _wait_for_bolt(
    conn: Neo4jConnection, deadline: float, *, alive: Callable[[], bool], files: _Files, offset: int = 0
) -> None:
    while (state := _bolt_probe(conn)) != "ok":
        if state == "auth":
            raise KgError(f"Neo4j at {conn.uri} refused the password in {files.password}: "
                          "restart it (`kg neo4j stop`, then `kg neo4j start`) to apply that file")
        if not alive():
            raise KgError(f"Neo4j stopped before Bolt answered: {_log_summary(files, offset)}")
        if time.monotonic() > deadline:
            raise KgError(f"Neo4j at {conn.uri} did not answer in time: {_log_summary(files, offset)}")
        time.sleep(0.5)
