"""Run the web application with uvicorn on a local address, in one process or several.

Several worker processes (``workers``) serve more requests at once where the CPU is the limit
(the views are Python over SQL, one GIL per process). Each worker opens the store itself; the
parent passes it the store, the write token and the host names through the environment.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from starlette.applications import Starlette

from claimgraph.store import Store, open_store

log = logging.getLogger(__name__)

# how the parent tells its workers what to serve (not settings: set by serve itself)
_ENV_DB, _ENV_TOKEN, _ENV_HOSTS = "CLAIMGRAPH_SERVE_DB", "CLAIMGRAPH_SERVE_TOKEN", "CLAIMGRAPH_SERVE_HOSTS"


def serve(
    store: Store,
    host: str = "127.0.0.1",
    port: int = 8765,
    allow_write: bool = False,
    workers: int = 1,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve ``store`` until interrupted; ``announce`` receives the address (and the write link)."""
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
    os.environ.update({_ENV_DB: store.url, _ENV_TOKEN: token or "", _ENV_HOSTS: host})
    uvicorn.run(
        "claimgraph.web.server:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
    )


def app_from_environment() -> Starlette:
    """The application of one worker process, as its parent :func:`serve` described it."""
    from claimgraph.web.app import create_app

    token = os.environ.get(_ENV_TOKEN) or None
    hosts = tuple(h for h in os.environ.get(_ENV_HOSTS, "").split(",") if h)
    return create_app(
        open_store(os.environ[_ENV_DB]), allow_write=token is not None, token=token, hosts=hosts
    )
