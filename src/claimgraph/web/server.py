"""Run the web application with uvicorn on a local address."""

from __future__ import annotations

import logging
from collections.abc import Callable

from claimgraph.store import Store

log = logging.getLogger(__name__)


def serve(
    store: Store,
    host: str = "127.0.0.1",
    port: int = 8765,
    allow_write: bool = False,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve ``store`` until interrupted; ``announce`` receives the address (and the write link)."""
    import uvicorn

    from claimgraph.web.app import create_app

    app = create_app(store, allow_write=allow_write, hosts=(host,))
    shown = f"[{host}]" if ":" in host else host
    base = f"http://{shown}:{port}"
    announce(f"claimgraph: serving {store.url} at {base}/  (Ctrl-C stops)")
    if allow_write:
        announce(
            "claimgraph: writes allowed with this link (keep it private): "
            f"{base}/login?token={app.state.access.token}"
        )
    else:
        announce("claimgraph: read-only (start with --allow-write to record review judgements)")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
