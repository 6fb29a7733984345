"""The README cannot drift: every command and every setting is documented there."""

from __future__ import annotations

from claimgraph.cli import main
from claimgraph.settings import SETTINGS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_docs_readme_names_every_command() -> None:
    missing = [name for name in main.commands if f"claimgraph {name}" not in README]
    assert not missing, f"commands missing from README: {missing}"


def test_docs_readme_names_every_setting() -> None:
    missing = [s.env for s in SETTINGS if s.env not in README]
    assert not missing, f"settings missing from README: {missing}"


def test_docs_readme_has_the_two_setup_commands_ci_runs() -> None:
    assert "make demo" in README and "make test" in README
    assert "make test" in (ROOT / ".ci" / "run").read_text()
