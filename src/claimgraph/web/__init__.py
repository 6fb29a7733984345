"""`claimgraph serve`: the store as a local web application, every page with a JSON twin.

``create_app(store)`` gives the Starlette application; :func:`serve` runs it with uvicorn.
"""

from __future__ import annotations

from claimgraph.web.app import create_app
from claimgraph.web.server import serve

__all__ = ["create_app", "serve"]
