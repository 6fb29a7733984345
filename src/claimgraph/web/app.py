"""The web application: each page and its /api/ twin over the same data functions (pages.py).

``create_app(store)`` builds a Starlette app; ``claimgraph serve`` runs it with uvicorn.
Templates are Jinja2 with autoescaping on, so everything taken from a report is escaped.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jinja2
import orjson
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from claimgraph.graph.claims import MODALITIES
from claimgraph.model import PREDICATES
from claimgraph.store import Store
from claimgraph.web import data, highlight, pages
from claimgraph.web.names import NameIndex
from claimgraph.web.openapi import openapi
from claimgraph.web.security import COOKIE, LOCAL_HOSTS, Access, Forbidden, SecurityHeaders

HERE = Path(__file__).resolve().parent
JUDGEMENTS = ("same", "different", "unsure")


def to_json(x: Any) -> bytes:
    """JSON of the dataclasses, dicts and lists the pages return, by orjson: an actor of
    thousands of reports is a few hundred kilobytes, which the standard library takes tens of
    milliseconds to write (and as long again to walk the dataclasses into dicts first)."""
    return orjson.dumps(x, option=orjson.OPT_NON_STR_KEYS)


class ApiResponse(Response):
    """A JSON response written by :func:`to_json`."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return to_json(content)


def _safe_url(url: str | None) -> str | None:
    """A link only for http(s) URLs: a report's ``javascript:`` or ``data:`` source stays text."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = _safe_url
    env.filters["num"] = lambda v: "" if v is None else f"{v:,.0f}" if float(v).is_integer() else f"{v:,g}"
    env.globals.update(modalities=MODALITIES, predicates=PREDICATES, types=data.TYPES)
    return env


def _int(request: Request, name: str, default: int, lo: int, hi: int) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        return max(lo, min(hi, int(raw)))
    except ValueError:
        raise HTTPException(400, f"{name} must be a whole number") from None


def _choice(request: Request, name: str, allowed: tuple[str, ...]) -> str | None:
    value = request.query_params.get(name) or None
    if value is not None and value not in allowed:
        raise HTTPException(400, f"{name} must be one of {', '.join(allowed)}")
    return value


def _filters(request: Request) -> data.Filters:
    p = request.query_params
    return data.Filters(
        since=p.get("since") or None,
        until=p.get("until") or None,
        publisher=p.get("publisher") or None,
        type=_choice(request, "type", data.TYPES),
    )


def create_app(
    store: Store, allow_write: bool = False, token: str | None = None, hosts: tuple[str, ...] = ()
) -> Starlette:
    """The application over an open store. With ``allow_write`` the review page can judge, given
    ``token`` (one is made when None; read it from ``app.state.access.token``)."""
    env = _environment()
    access = Access.make(allow_write, token)
    names = NameIndex()

    def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        signed_in = access.signed_in(request)
        html = env.get_template(template).render(
            request=request,
            allow_write=access.allow_write,
            signed_in=signed_in,
            csrf=access.csrf() if signed_in else "",
            **context,
        )
        return HTMLResponse(html, status_code=status)

    def twin(
        template: str, build: Callable[[Request], Any]
    ) -> tuple[Callable[[Request], Response], Callable[[Request], Response]]:
        """The page handler and its JSON twin for one data function."""

        def page(request: Request) -> Response:
            found = build(request)
            context = found if isinstance(found, dict) else {"data": found}
            return render(request, template, **context)

        def api(request: Request) -> Response:
            return ApiResponse(build(request))

        return page, api

    # -- the data behind each page ------------------------------------------------------------
    def search_data(request: Request) -> dict[str, Any]:
        q = request.query_params.get("q", "").strip()[:200]
        return pages.search(store, q, _filters(request), _int(request, "limit", 10, 1, 100), names)

    def actor_data(request: Request) -> dict[str, Any]:
        return pages.actor(store, request.path_params["actor_id"], _int(request, "limit", 20, 1, 200))

    def report_data(request: Request) -> data.Report:
        return pages.report(store, request.path_params["document_id"])

    def network_data(request: Request) -> dict[str, Any]:
        return pages.network(
            store,
            request.path_params["actor_id"],
            _int(request, "hops", 1, 1, 2),
            _choice(request, "predicate", PREDICATES),
            _choice(request, "modality", MODALITIES),
        )

    def timeline_data(request: Request) -> dict[str, Any]:
        return pages.timeline(store, request.path_params["actor_id"])

    def review_data(request: Request) -> dict[str, Any]:
        return pages.review(store, _int(request, "limit", 8, 1, 100))

    search_api = twin("search.html", search_data)[1]  # the page is home(), with the form around it
    actor_page, actor_api = twin("actor.html", actor_data)
    network_page, network_api = twin("network.html", network_data)
    timeline_page, timeline_api = twin("timeline.html", timeline_data)
    review_page, review_api = twin("review.html", review_data)

    def home(request: Request) -> Response:
        context = pages.search_form(store)
        if request.query_params.get("q"):
            context.update(search_data(request))
        return render(request, "search.html", **context)

    def search_results(request: Request) -> Response:
        return render(request, "_results.html", **search_data(request))

    def report_page(request: Request) -> Response:
        r = report_data(request)
        mark = None
        start, end = request.query_params.get("start"), request.query_params.get("end")
        if start and end and start.isdigit() and end.isdigit():
            mark = (int(start), int(end))
        return render(
            request,
            "report.html",
            report=r,
            pieces=highlight.pieces(r.text, r.entities, r.quotes, mark),
            speakers=highlight.speakers(r.quotes),
            mark=mark,
        )

    def report_api(request: Request) -> Response:
        return ApiResponse(report_data(request))

    # -- writes: review judgements ------------------------------------------------------------
    def _judge(left: str, right: str, judgement: str, undo: bool) -> None:
        if not left or not right:
            raise HTTPException(400, "left and right entity ids are needed")
        if undo:
            store.undo(left, right, "web")
        elif judgement in JUDGEMENTS:
            store.judge(left, right, judgement, "web")
        else:
            raise HTTPException(400, f"judgement must be one of {', '.join(JUDGEMENTS)}")

    async def review_post(request: Request) -> Response:
        # the review forms are urlencoded; parsed here rather than with python-multipart
        form = {k: v[-1] for k, v in parse_qs((await request.body()).decode("utf-8", "replace")).items()}
        access.check_write(request, form.get("csrf"))
        undo = request.url.path.endswith("/undo")
        await run_in_threadpool(
            _judge, form.get("left", ""), form.get("right", ""), form.get("judgement", ""), undo
        )
        return RedirectResponse("/review", status_code=303)

    async def review_api_post(request: Request) -> Response:
        access.check_write(request, request.headers.get("x-csrf-token"))
        try:
            body = await request.json()
        except json.JSONDecodeError:
            raise HTTPException(400, "the body must be JSON") from None
        if not isinstance(body, dict):
            raise HTTPException(400, "the body must be a JSON object")
        undo = request.url.path.endswith("/undo")
        await run_in_threadpool(
            _judge,
            str(body.get("left", "")),
            str(body.get("right", "")),
            str(body.get("judgement", "")),
            undo,
        )
        return JSONResponse({"ok": True, "undo": undo})

    def login(request: Request) -> Response:
        if not access.valid_token(request.query_params.get("token")):
            raise Forbidden("wrong or missing token")
        response = RedirectResponse("/review", status_code=303)
        response.set_cookie(COOKIE, access.token or "", httponly=True, samesite="strict")
        return response

    def favicon(request: Request) -> Response:
        return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")

    def openapi_doc(request: Request) -> Response:
        return JSONResponse(openapi())

    # -- errors --------------------------------------------------------------------------------
    def _wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    async def not_found(request: Request, exc: Exception) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": "not found", "id": str(exc)}, status_code=404)
        return render(request, "error.html", 404, title="Not found", message=f"Nothing stored under {exc}.")

    async def forbidden(request: Request, exc: Exception) -> Response:
        reason = exc.reason if isinstance(exc, Forbidden) else str(exc)
        if _wants_json(request):
            return JSONResponse({"error": reason}, status_code=403)
        return render(request, "error.html", 403, title="Not allowed", message=reason)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if _wants_json(request):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
        return render(request, "error.html", exc.status_code, title="Error", message=exc.detail)

    routes = [
        Route("/", home),
        Route("/search/results", search_results),
        Route("/actor/{actor_id}", actor_page),
        Route("/actor/{actor_id}/network", network_page),
        Route("/actor/{actor_id}/timeline", timeline_page),
        Route("/report/{document_id}", report_page),
        Route("/review", review_page),
        Route("/review", review_post, methods=["POST"]),
        Route("/review/undo", review_post, methods=["POST"]),
        Route("/login", login),
        Route("/favicon.ico", favicon),
        Route("/api/openapi.json", openapi_doc),
        Route("/api/search", search_api),
        Route("/api/actors/{actor_id}", actor_api),
        Route("/api/actors/{actor_id}/network", network_api),
        Route("/api/actors/{actor_id}/timeline", timeline_api),
        Route("/api/reports/{document_id}", report_api),
        Route("/api/review", review_api),
        Route("/api/review", review_api_post, methods=["POST"]),
        Route("/api/review/undo", review_api_post, methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={
            pages.NotFound: not_found,
            Forbidden: forbidden,
            HTTPException: http_error,
        },
    )
    app.state.access = access
    app.state.store = store
    # listening on every address (0.0.0.0, ::), the server cannot know its names: any Host goes
    wildcard = ("*",) if {"0.0.0.0", "::"} & set(hosts) else ()
    app.add_middleware(SecurityHeaders, allowed_hosts=(*LOCAL_HOSTS, *hosts, *wildcard))
    return app
