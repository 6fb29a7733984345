"""`claimgraph serve`: its options, and what it prints before serving."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimgraph.cli import main


def test_serve_cli_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--allow-write"):
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
