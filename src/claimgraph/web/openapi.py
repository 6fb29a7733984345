"""The OpenAPI 3.1 document of the /api/ routes, declared once as data.

``tests/web/test_api.py`` checks that every /api/ route of the app is described here.
"""

from __future__ import annotations

from typing import Any

from claimgraph.graph.claims import MODALITIES
from claimgraph.model import PREDICATES
from claimgraph.web.data import TYPES


def _q(
    name: str, description: str, schema: dict[str, Any] | None = None, required: bool = False
) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": schema or {"type": "string"},
    }


def _path(name: str, description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": {"type": "string"},
    }


def _get(summary: str, *params: dict[str, Any]) -> dict[str, Any]:
    return {
        "get": {
            "summary": summary,
            "parameters": list(params),
            "responses": {
                "200": {
                    "description": "the page's data",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
                "404": {"description": "no such actor or report"},
            },
        }
    }


ACTOR = _path("actor_id", "a graph id, a member entity id, or a name (the best-attested actor of that name)")
JUDGE_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["left", "right"],
                "properties": {
                    "left": {"type": "string", "description": "entity id"},
                    "right": {"type": "string", "description": "entity id"},
                    "judgement": {"type": "string", "enum": ["same", "different", "unsure"]},
                },
            }
        }
    },
}
WRITE = {
    "security": [{"token": []}],
    "requestBody": JUDGE_BODY,
    "responses": {
        "200": {"description": "recorded"},
        "403": {"description": "read-only server or wrong token"},
    },
}


def openapi() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "claimgraph",
            "version": "1",
            "description": "The JSON twins of the pages of `claimgraph serve`: the same queries for scripts.",
        },
        "components": {
            "securitySchemes": {
                "token": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "the token printed by serve --allow-write",
                }
            }
        },
        "paths": {
            "/api/search": _get(
                "Actors by any of their names, quotes and reports by their words",
                _q("q", "the words typed", required=True),
                _q("since", "first publication date (YYYY-MM-DD)", {"type": "string", "format": "date"}),
                _q("until", "last publication date (YYYY-MM-DD)", {"type": "string", "format": "date"}),
                _q("publisher", "only reports of this publisher"),
                _q("type", "only actors of this entity type", {"type": "string", "enum": list(TYPES)}),
                _q("limit", "results of each kind", {"type": "integer", "minimum": 1, "maximum": 100}),
            ),
            "/api/actors/{actor_id}": _get(
                "An actor: names with their reports, relations by predicate with modality and sources, "
                "quotes by and about it, numbers over time, conflicts, merge candidates",
                ACTOR,
                _q("limit", "items listed of each kind", {"type": "integer", "minimum": 1, "maximum": 200}),
            ),
            "/api/actors/{actor_id}/network": _get(
                "The actor's neighbourhood: nodes and edges labelled by predicate and modality",
                ACTOR,
                _q("hops", "1 or 2", {"type": "integer", "minimum": 1, "maximum": 2}),
                _q("predicate", "only this predicate", {"type": "string", "enum": list(PREDICATES)}),
                _q("modality", "only this modality", {"type": "string", "enum": list(MODALITIES)}),
            ),
            "/api/actors/{actor_id}/timeline": _get(
                "The actor's claims and quotes in publication order, conflicts marked", ACTOR
            ),
            "/api/reports/{document_id}": _get(
                "A report: metadata, text, entity mentions, quotes with speakers, claims",
                _path("document_id", "the report's id"),
            ),
            "/api/review": {
                **_get(
                    "The strongest undecided merge candidates with their evidence, and recent judgements",
                    _q("limit", "pairs", {"type": "integer", "minimum": 1, "maximum": 100}),
                ),
                "post": {"summary": "Judge a pair: same, different or unsure (needs --allow-write)", **WRITE},
            },
            "/api/review/undo": {
                "post": {"summary": "Withdraw the judgement in force between two entities", **WRITE},
            },
            "/api/openapi.json": _get("This document"),
        },
    }
