"""`crosslink serve --workers N` as a user runs it: several processes behind one port, each with its own
connections to the graph, all writing one audit log, all stopped by Ctrl-C or SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx2
import neo4j
import pytest

from graph import apikeys
from graph.config import REPO_ROOT, Settings

QUERY = "{ stats { adverts } }"


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str
    key: str
    audit: Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(empty_graph: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path) -> Iterator[Server]:
    """`crosslink serve --workers 2` in a session of its own (as a terminal runs a command), answering."""
    _, key = apikeys.create_key(empty_graph, neo4j_settings.database, role="reader", name="workers test")
    port = _free_port()
    audit = tmp_path / "audit.jsonl"
    command = [sys.executable, "-m", "api.cli", "serve", "--workers", "2", "--port", str(port)]
    process = subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        env={**os.environ, "CROSSLINK_AUDIT_LOG": str(audit)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_both_answer(process, url)
        yield Server(process, url, key, audit)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _wait_until_both_answer(process: subprocess.Popen[bytes], url: str) -> None:
    """Until both workers have started (each holds a connection to the graph) and the port answers."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, "crosslink serve --workers 2 ended before it answered"
        if len(_workers(process.pid)) == 2:
            try:
                if httpx2.get(f"{url}/health", timeout=5).status_code == 200:
                    return
            except httpx2.TransportError:
                pass
        time.sleep(0.2)
    pytest.fail("crosslink serve --workers 2 did not start both workers within 120 s")


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid`, from the process list (/proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        # "pid (name) state ppid ...": the name may hold spaces, so split after its closing parenthesis.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _workers(pid: int) -> list[int]:
    """The children of `pid` connected to the graph: its workers (multiprocessing's helper is not)."""
    return [child for child in _children(pid) if _graph_connections(child)]


def _graph_connections(pid: int) -> int:
    """How many TCP connections process `pid` has open to the Neo4j server's Bolt port."""
    bolt_port = urlsplit(Settings.from_env().uri).port or 7687
    try:
        sockets = {os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")}
    except OSError:
        return 0
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            fields = row.split()
            remote_port = int(fields[2].rsplit(":", 1)[1], 16)
            established = fields[3] == "01"
            if established and remote_port == bolt_port and f"socket:[{fields[9]}]" in sockets:
                count += 1
    return count


def _alive(pid: int) -> bool:
    """Whether `pid` is a process that has not ended (a zombie has ended, and waits for its parent)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _all_end(pids: list[int]) -> bool:
    """Whether every one of `pids` has ended, or does within half a minute."""
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _ask(server: Server) -> tuple[int, dict]:
    """One GraphQL request on a connection of its own, so that any worker may take it."""
    answer = httpx2.post(
        f"{server.url}/graphql",
        json={"query": QUERY},
        headers={"Authorization": f"Bearer {server.key}", "Connection": "close"},
        timeout=30,
    )
    return answer.status_code, answer.json()


def _audit_pids(server: Server) -> list[int]:
    lines = server.audit.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["pid"] for line in lines]


def test_two_workers_each_with_its_own_graph_connections_both_answer(server: Server) -> None:
    workers = _workers(server.process.pid)
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: _ask(server), range(200)))
    pids = _audit_pids(server)

    assert len(workers) == 2  # each connected to the graph: drivers of their own
    assert _graph_connections(server.process.pid) == 0  # the supervisor keeps no driver
    assert answers == [(200, {"data": {"stats": {"adverts": 0}}})] * 200
    assert len(pids) == 200  # one whole line per request, whichever process wrote it
    assert set(pids) == set(workers)


@pytest.mark.parametrize(
    "stop",
    [
        pytest.param(lambda p: os.killpg(p.pid, signal.SIGINT), id="ctrl-c"),
        pytest.param(lambda p: p.send_signal(signal.SIGTERM), id="sigterm"),
    ],
)
def test_ctrl_c_or_sigterm_stops_every_worker(server: Server, stop) -> None:
    """Ctrl-C reaches the terminal's whole process group; SIGTERM, from a service manager, the parent
    alone: either way the parent waits for its workers, so none is left when it has ended."""
    workers = _workers(server.process.pid)
    children = _children(server.process.pid)
    assert _ask(server)[0] == 200
    stop(server.process)
    status = server.process.wait(timeout=60)

    assert len(workers) == 2 and set(workers) <= set(children)
    assert status == 0
    assert [pid for pid in workers if _alive(pid)] == []  # joined by the parent before it ended
    # multiprocessing's helper process ends by itself once the parent has gone.
    assert _all_end(children), f"left running: {[pid for pid in children if _alive(pid)]}"
    with pytest.raises(httpx2.TransportError):
        httpx2.get(f"{server.url}/health", timeout=5)


def test_webhook_settings_that_cannot_work_stop_serve_in_one_line_before_it_starts() -> None:
    env = {**os.environ, "CROSSLINK_WEBHOOK_URL": "https://alerts.example.org/hook"}
    env.pop("CROSSLINK_WEBHOOK_SECRET", None)
    env.pop("CROSSLINK_WEBHOOK_SECRET_FILE", None)
    env["NEO4J_URI"] = "bolt://127.0.0.1:1"  # never reached: the settings are checked first
    done = subprocess.run(
        [sys.executable, "-m", "api.cli", "serve", "--port", "8999"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "CROSSLINK_WEBHOOK_SECRET" in done.stderr and "Traceback" not in done.stderr
