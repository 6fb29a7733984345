"""`claimgraph serve`: its options, and what it prints before serving."""

from __future__ import annotations

import asyncio
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.web.server import listening_socket
from tests.web.conftest import free_port


def test_serve_cli_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--allow-write", "--workers"):
        assert option in result.output


@pytest.mark.parametrize("allow_write", [False, True])
def test_serve_cli_binds_locally_and_prints_the_token_only_for_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, allow_write: bool
) -> None:
    import uvicorn

    ran: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: ran.update(app=app, **kw))
    from claimgraph.store import open_store

    open_store(tmp_path / "x.db").close()  # an empty store (only ingest creates one from the CLI)
    args = ["serve", "--db", str(tmp_path / "x.db"), "--port", "9999"] + (
        ["--allow-write"] if allow_write else []
    )
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert ran["host"] == "127.0.0.1" and ran["port"] == 9999
    token = ran["app"].state.access.token
    assert ("read-only" in result.output) is not allow_write
    assert (f"/login?token={token}" in result.output) is allow_write


def test_serve_cli_bad_store_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "no" / "such" / "dir" / "x.db")])
    assert result.exit_code == 1 and "no store here" in result.output and "[E301]" in result.output


def test_serve_cli_workers_socket_lets_asyncio_turn_nagle_off() -> None:
    # uvicorn's own socket for workers (proto 0) left TCP_NODELAY off: 40 ms per keep-alive request
    sock = listening_socket("127.0.0.1", 0)
    port = sock.getsockname()[1]
    seen: list[int] = []

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: Any) -> None:  # type: ignore[override]
            seen.append(transport.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    async def accept_one() -> None:
        server = await asyncio.get_running_loop().create_server(Probe, sock=sock)
        _reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for _ in range(100):
            if seen:
                break
            await asyncio.sleep(0.01)
        writer.close()
        server.close()

    # in a thread of its own: Playwright may be running an event loop in this one
    probe = threading.Thread(target=lambda: asyncio.run(accept_one()))
    probe.start()
    probe.join(30)
    assert sock.proto == socket.IPPROTO_TCP and seen and seen[0] != 0


def test_serve_cli_workers_share_the_store_and_the_write_token(tmp_path: Path) -> None:
    from claimgraph.store import open_store

    db = tmp_path / "x.db"
    open_store(db).close()
    port = free_port()
    cmd = [sys.executable, "-m", "claimgraph", "serve", "--db", str(db), "--port", str(port), "--workers", "2",
           "--allow-write"]
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert process.stdout is not None
        token = next(m.group(1) for line in process.stdout if (m := re.search(r"login\?token=(\S+)", line)))
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                httpx.get(base + "/api/openapi.json", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        for _ in range(4):  # new connections, answered by either worker
            assert httpx.get(base + "/api/search", params={"q": "x"}).status_code == 200
            refused = httpx.post(base + "/api/review", json={"left": "a", "right": "b"})
            assert refused.status_code == 403
            allowed = httpx.post(  # past the token check (the token every worker was given) to the form's
                base + "/api/review", json={"left": "a", "right": "b"}, headers={"Authorization": f"Bearer {token}"}
            )
            assert allowed.status_code == 400 and "judgement must be one of" in allowed.json()["error"]
    finally:
        process.terminate()
        process.wait(20)
