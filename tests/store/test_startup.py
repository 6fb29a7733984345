"""The store's commands answer without the NLP: no spaCy, trafilatura, followthemoney or networkx.

Each command runs in a fresh interpreter (as a user runs it), which then reports what it imported.
Nothing here is timed: `bench/cli_startup.py` measures the start-up against a baseline.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from claimgraph.store import open_store
from tests.store.reports import ALL, vote

SRC = str(Path(__file__).resolve().parents[2] / "src")
HEAVY = ("spacy", "thinc", "trafilatura", "followthemoney", "networkx", "rigour", "nameparser", "alembic")
# Runs the command like `python -m claimgraph ...`, then prints the heavy modules it imported.
PROBE = """
import json, sys
from claimgraph.cli import main
import click
try:
    main(sys.argv[1:], standalone_mode=False)
except (SystemExit, click.ClickException):  # an error message is an answer too
    pass
print("\\nIMPORTED " + json.dumps(sorted({m.split('.')[0] for m in sys.modules} & set(%r))))
""" % (HEAVY,)


def imported(*args: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": SRC},
        check=True,
    ).stdout
    return list(json.loads(out.rsplit("IMPORTED ", 1)[1]))


def test_startup_query_commands_never_import_the_nlp(store_url: str, tmp_path: Path) -> None:
    with open_store(store_url) as store:
        for build in ALL:
            store.add(build())
        store.resolve()
    lone = f"{vote().document.id}:e1"
    db = ["--db", store_url]
    for args in (
        ["--version"],
        ["show", "Soleimani", *db],
        ["quotes", "--about", "Iraq", "--since", "2020-01-01", *db],
        ["claims", "Iraq", *db],
        ["conflicts", *db],
        ["timeline", "Qasem Soleimani", "--until", "2020-12", *db],
        ["review", "--list", *db],
        ["show", "Nobody Atall", *db],  # the did-you-mean path too
    ):
        assert imported(*args) == [], args
    # judgements run the resolver's name matching (rigour, nameparser), never spaCy
    for args in (["merge", "Adil Abdul-Mahdi", lone, *db], ["merge", "Adil Abdul-Mahdi", lone, "--undo", *db],
                 ["rename", "Quds Force", "Quds Force (IRGC)", *db]):
        assert not {"spacy", "thinc", "trafilatura"} & set(imported(*args)), args
    # an export loads its own format's library only
    assert imported("export", "--format", "csv", "--out", str(tmp_path / "csv"), *db) == []
    graphml = str(tmp_path / "g.graphml")
    assert imported("export", "--format", "graphml", "--out", graphml, *db) == ["networkx"]
