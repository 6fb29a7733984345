"""Run the web application with uvicorn on a local address, in one process or several.

One process answers one request's Python at a time (the GIL; SQLite runs beside it), so on a
machine with several cores ``workers`` processes serve more requests at once. Each worker opens
the store itself; the parent passes it the store, the write token and the host names through
the environment, and binds the socket they share.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable

from starlette.applications import Starlette

from claimgraph.store import Store, open_store

log = logging.getLogger(__name__)

# how the parent tells its workers what to serve (not settings: set by serve itself)
_ENV_DB, _ENV_TOKEN, _ENV_HOSTS = "CLAIMGRAPH_SERVE_DB", "CLAIMGRAPH_SERVE_TOKEN", "CLAIMGRAPH_SERVE_HOSTS"
_ENV_WRITE = "CLAIMGRAPH_SERVE_WRITE"


def serve(
    store: Store,
    host: str = "127.0.0.1",
    port: int = 8765,
    allow_write: bool = False,
    announce: Callable[[str], None] = print,
    workers: int = 1,
    db: str | None = None,
) -> None:
    """Serve ``store`` until interrupted; ``announce`` receives the address (and the write link).
    With ``workers`` > 1, each of that many processes opens the store at ``db`` (its path or URL
    as given, password included: ``store.url`` hides it)."""
    import uvicorn

    from claimgraph.web.app import create_app

    app = create_app(store, allow_write=allow_write, hosts=(host,))
    shown = f"[{host}]" if ":" in host else host
    base = f"http://{shown}:{port}"
    announce(f"claimgraph: serving {store.url} at {base}/  (Ctrl-C stops)")
    token = app.state.access.token
    if allow_write:
        announce(f"claimgraph: writes allowed with this link (keep it private): {base}/login?token={token}")
    else:
        announce("claimgraph: read-only (start with --allow-write to record review judgements)")
    if workers <= 1:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
        return
    from uvicorn.supervisors import Multiprocess

    os.environ.update({_ENV_DB: db or store.url, _ENV_TOKEN: token or "", _ENV_HOSTS: host, _ENV_WRITE: "1" * allow_write})
    config = uvicorn.Config(
        "claimgraph.web.server:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
        # the supervisor kills a worker whose health-check thread has not answered within this
        # many seconds, resetting its connections: 5 (the default) is short for a worker whose
        # threads all want the GIL on a loaded machine (one bench run at load 8 saw a reset)
        timeout_worker_healthcheck=60,
    )
    Multiprocess(config, sockets=[listening_socket(host, port)]).run()


def listening_socket(host: str, port: int) -> socket.socket:
    """The socket the workers share, bound as a TCP socket.

    Not ``uvicorn.Config.bind_socket``: it makes the socket with ``proto`` 0, the connections it
    accepts inherit that, and asyncio sets ``TCP_NODELAY`` only on sockets whose ``proto`` is
    ``IPPROTO_TCP``. Nagle's algorithm then holds each small response body until the client's
    delayed ACK, 40 ms per keep-alive request (uvicorn issue #3149; why ``--workers`` once added
    a 40 ms floor here).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def app_from_environment() -> Starlette:
    """The application of one worker process, as its parent :func:`serve` described it."""
    from claimgraph.web.app import create_app

    hosts = tuple(h for h in os.environ.get(_ENV_HOSTS, "").split(",") if h)
    return create_app(
        open_store(os.environ[_ENV_DB], create=False),
        allow_write=os.environ.get(_ENV_WRITE) == "1",
        token=os.environ.get(_ENV_TOKEN) or None,
        hosts=hosts,
    )
