"""The project's Neo4j server: start, status, refusals, loopback-only Bolt, clean stop, one-line errors.

These tests run their own server in a temporary workspace (through `start()`, as `kg neo4j start`
does), besides the session server of tests/fixtures/neo4j.py that the `neo4j_driver` tests use.
"""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from neo4j.exceptions import AuthError
from typer.testing import CliRunner

from kg.cli import app
from kg.stores import neo4j_server
from kg.stores.neo4j_server import Neo4jConnection, connection_settings, status
from kg.workspace import KgError, Workspace

pytestmark = pytest.mark.neo4j

runner = CliRunner()
NEO4J_ENV = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD")


@pytest.fixture(autouse=True)
def _no_neo4j_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the workspace's own server, not one named by NEO4J_URI."""
    for name in NEO4J_ENV:
        monkeypatch.delenv(name, raising=False)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _cli(*args: str) -> tuple[int, str]:
    env: dict[str, str | None] = {name: None for name in NEO4J_ENV}  # None: unset while invoked
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, Neo4jConnection]]:
    saved = {name: os.environ.pop(name) for name in NEO4J_ENV if name in os.environ}
    ws = Workspace.at(tmp_path_factory.mktemp("own-neo4j"))
    try:
        conn = neo4j_server.start(ws, port=_free_port())
        yield ws, conn
    finally:
        neo4j_server.stop(ws)
        os.environ.update(saved)


def _listening_sockets_of(pid: int) -> list[tuple[str, int]]:
    """(local address, port) of the TCP sockets `pid` listens on, from /proc (Linux)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and inode in inodes:  # 0A = LISTEN
                address, port = local.split(":")
                found.append((address, int(port, 16)))
    return found


def _is_loopback(hex_address: str) -> bool:
    if len(hex_address) == 8:  # IPv4, little-endian: 0100007F = 127.0.0.1
        return hex_address == "0100007F"
    # IPv6: ::1, or ::ffff:127.0.0.1 (an IPv4-mapped loopback on a dual-stack socket)
    return hex_address in ("00000000000000000000000001000000", "0000000000000000FFFF00000100007F")


def test_start_answers_with_the_workspace_password_only(server: tuple[Workspace, Neo4jConnection]) -> None:
    ws, conn = server
    assert conn.uri.startswith("bolt://127.0.0.1:")
    assert connection_settings(ws) == conn
    drv = neo4j_server.driver(ws)
    try:
        records, _, _ = drv.execute_query("CALL dbms.components() YIELD versions, edition RETURN *")
    finally:
        drv.close()
    assert records[0]["edition"] == "community"
    assert records[0]["versions"][0].startswith("5.26.")
    for password in ("neo4j", conn.password + "x"):
        with neo4j.GraphDatabase.driver(conn.uri, auth=("neo4j", password)) as bad, pytest.raises(AuthError):
            bad.verify_connectivity()


def test_password_file_is_owner_only(server: tuple[Workspace, Neo4jConnection]) -> None:
    ws, conn = server
    password_file = ws.neo4j / "password"
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert password_file.read_text().strip() == conn.password
    assert len(conn.password) >= 16
    assert "password" not in repr(conn) and conn.password not in repr(conn)


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads /proc (Linux)")
def test_listens_on_loopback_bolt_only(server: tuple[Workspace, Neo4jConnection]) -> None:
    ws, conn = server
    info = status(ws)
    assert info.pid is not None
    sockets = _listening_sockets_of(info.pid)
    # One port (no HTTP, no routing port 7688), and only on the loopback address.
    assert {port for _, port in sockets} == {info.port}, sockets
    assert all(_is_loopback(address) for address, _ in sockets), sockets


def test_status_reports_the_running_server(server: tuple[Workspace, Neo4jConnection]) -> None:
    ws, conn = server
    info = status(ws)
    assert info.running and info.reachable
    assert info.uri == conn.uri
    code, output = _cli("neo4j", "status", "--out", str(ws.root))
    assert code == 0
    assert "running" in output and str(info.pid) in output and "answers" in output


def test_start_again_returns_the_running_server(server: tuple[Workspace, Neo4jConnection]) -> None:
    ws, conn = server
    pid = status(ws).pid
    assert neo4j_server.start(ws, timeout=20) == conn
    assert status(ws).pid == pid
    code, output = _cli("neo4j", "start", "--out", str(ws.root))
    assert code == 0 and conn.uri in output
    assert status(ws).pid == pid


def test_refuses_another_port_while_running(server: tuple[Workspace, Neo4jConnection]) -> None:
    ws, conn = server
    with pytest.raises(KgError, match="already runs on port"):
        neo4j_server.start(ws, port=_free_port())
    code, output = _cli("neo4j", "start", "--out", str(ws.root), "--port", str(_free_port()))
    assert code == 1
    assert output.startswith("error: ") and "already runs on port" in output
    assert "Traceback" not in output


def test_refuses_a_second_server_on_the_same_store(server: tuple[Workspace, Neo4jConnection]) -> None:
    """Without its pid file (lost, or a server started by hand) the store lock still tells."""
    ws, conn = server
    pid_file = ws.neo4j / "neo4j.pid"
    saved = pid_file.read_text()
    pid = int(saved)
    pid_file.unlink()
    try:
        with pytest.raises(KgError, match=rf"process {pid} already runs Neo4j on .* stop it first"):
            neo4j_server.start(ws, timeout=20)
    finally:
        pid_file.write_text(saved)
    assert status(ws).reachable


def test_a_failing_start_says_why_in_one_line(tmp_path: Path) -> None:
    ws = Workspace.at(tmp_path / "ws")
    with pytest.raises(KgError) as caught:
        neo4j_server.start(ws, port=_free_port(), heap="1k", timeout=60)  # the JVM refuses this heap
    message = str(caught.value)
    assert "\n" not in message
    assert "Neo4j exited during start-up" in message and "launcher.log" in message
    assert not status(ws).running
    assert not (ws.neo4j / "neo4j.pid").exists()


def test_busy_port_is_refused(tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(KgError, match=f"port {port} .* already in use"):
            neo4j_server.start(Workspace.at(tmp_path / "ws"), port=port)


def test_connection_settings_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = Workspace.at(tmp_path / "never-started")
    with pytest.raises(KgError, match=r"no Neo4j server in workspace .*kg neo4j start --out"):
        connection_settings(ws)
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")
    with pytest.raises(KgError, match="NEO4J_PASSWORD"):
        connection_settings(ws)
    monkeypatch.setenv("NEO4J_PASSWORD", "elsewhere-secret")
    assert connection_settings(ws) == Neo4jConnection("bolt://127.0.0.1:1", "neo4j", "elsewhere-secret")
    with pytest.raises(KgError, match=r"^Neo4j at bolt://127.0.0.1:1 is not reachable: check NEO4J_URI$"):
        neo4j_server.driver(ws)


def test_stop_then_restart_keeps_data_and_applies_a_new_password(
    server: tuple[Workspace, Neo4jConnection],
) -> None:
    """Last in this module: it stops the module's server."""
    ws, conn = server
    drv = neo4j_server.driver(ws)
    try:
        drv.execute_query("CREATE (:KeepMe {name: $name})", name="survives a restart")
    finally:
        drv.close()
    pid = status(ws).pid
    assert pid is not None

    code, output = _cli("neo4j", "stop", "--out", str(ws.root))
    assert code == 0 and "stopped" in output
    assert not status(ws).running
    assert not (ws.neo4j / "neo4j.pid").exists()
    assert not Path(f"/proc/{pid}").exists()
    assert neo4j_server.stop(ws) is False

    # Stopped: every client gets one line naming the fix, no traceback.
    with pytest.raises(KgError, match=rf"^Neo4j at {conn.uri} is not reachable: run `kg neo4j start --out "):
        neo4j_server.driver(ws)
    code, output = _cli("query", "cypher", "RETURN 1", "--out", str(ws.root))
    assert code == 1
    assert output.startswith("error: Neo4j at ") and "kg neo4j start" in output
    assert "Traceback" not in output

    # A lost password file: a new one is generated and applied to the existing store.
    (ws.neo4j / "password").unlink()
    restarted = neo4j_server.start(ws)
    try:
        assert restarted.uri == conn.uri  # the workspace keeps its port
        assert restarted.password != conn.password
        drv = neo4j_server.driver(ws)
        try:
            records, _, _ = drv.execute_query("MATCH (k:KeepMe) RETURN k.name AS name")
        finally:
            drv.close()
        assert [r["name"] for r in records] == ["survives a restart"]
        old = neo4j.GraphDatabase.driver(conn.uri, auth=("neo4j", conn.password))
        with old, pytest.raises(AuthError):
            old.verify_connectivity()
    finally:
        assert neo4j_server.stop(ws) is True


# --- the shared fixtures other tests use ------------------------------------------------------


@pytest.mark.parametrize("round_", [1, 2])
def test_neo4j_driver_fixture_gives_an_empty_database(neo4j_driver: neo4j.Driver, round_: int) -> None:
    """Both rounds leave data and a constraint behind; each starts empty all the same."""
    records, _, _ = neo4j_driver.execute_query("MATCH (n) RETURN count(n) AS n")
    assert records[0]["n"] == 0
    constraints, _, _ = neo4j_driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN name")
    assert constraints == []
    run = neo4j_driver.execute_query
    run("CREATE CONSTRAINT kept IF NOT EXISTS FOR (r:Resource) REQUIRE r.iri IS UNIQUE")
    run("UNWIND range(1, $n) AS i CREATE (:Resource {iri: 'urn:x:' + i})", n=3 * round_)
    # The fixture exports NEO4J_*: the library (and CLI) reach the same server from any workspace.
    drv = neo4j_server.driver(Workspace.at("/nonexistent-workspace"))
    try:
        records, _, _ = drv.execute_query("MATCH (r:Resource) RETURN count(r) AS n")
    finally:
        drv.close()
    assert records[0]["n"] == round_ * 3
