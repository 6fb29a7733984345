"""What keeps the local server safe from the reports it shows and the pages a browser visits.

- Every response carries a Content-Security-Policy with no inline script and no other origin,
  so a script that escaped the templates' escaping still could not run.
- Writes need ``--allow-write`` and the token printed at start: as ``Authorization: Bearer``
  (scripts), or as the cookie set by opening the printed link plus a CSRF token bound to it
  (the browser's forms), with the Origin checked when the browser sends one.
- The Host header must name this machine, so another site cannot reach the server by DNS
  rebinding.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "claimgraph_token"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


class Forbidden(Exception):
    """A write without the token, without its CSRF token, or on a read-only server."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(slots=True)
class Access:
    allow_write: bool
    token: str | None

    @classmethod
    def make(cls, allow_write: bool, token: str | None = None) -> Access:
        return cls(allow_write, (token or secrets.token_urlsafe(24)) if allow_write else None)

    def csrf(self) -> str:
        """The CSRF token forms carry: derived from the write token, so it changes with it."""
        assert self.token
        return hmac.new(self.token.encode(), b"csrf", hashlib.sha256).hexdigest()[:32]

    def valid_token(self, given: str | None) -> bool:
        return bool(self.token and given and hmac.compare_digest(given.encode(), self.token.encode()))

    def signed_in(self, request: Request) -> bool:
        """Whether the browser holds the write token (opened the printed link)."""
        return self.allow_write and self.valid_token(request.cookies.get(COOKIE))

    def check_write(self, request: Request, csrf: str | None) -> None:
        """Raise :class:`Forbidden` unless this request may write."""
        if not self.allow_write:
            raise Forbidden("this server is read-only: start it with --allow-write")
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            if self.valid_token(auth[7:].strip()):
                return  # a script: browsers never send this header on their own, so no CSRF risk
            raise Forbidden("wrong token")
        if not self.valid_token(request.cookies.get(COOKIE)):
            raise Forbidden("open the link printed at start (with its token) first")
        if not csrf or not hmac.compare_digest(csrf.encode(), self.csrf().encode()):
            raise Forbidden("missing or wrong CSRF token")
        origin = request.headers.get("origin")
        if origin and origin != "null" and origin.split("://", 1)[-1] != request.headers.get("host"):
            raise Forbidden("cross-origin request")


class SecurityHeaders:
    """ASGI middleware: the security headers on every response; requests for foreign hosts refused."""

    def __init__(self, app: ASGIApp, allowed_hosts: tuple[str, ...] = LOCAL_HOSTS) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if name not in self.allowed_hosts and "*" not in self.allowed_hosts:
            await _plain(send, 421, b"unknown host")
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)


async def _plain(send: Send, status: int, body: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain"), *HEADERS],
        }
    )
    await send({"type": "http.response.body", "body": body})
