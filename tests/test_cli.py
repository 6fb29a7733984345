"""`claimgraph extract` end to end, as a user runs it: formats, several inputs, bad files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from claimgraph.cli import main
from tests.conftest import CORPUS, DEV, SHARED

SCHEMA = json.loads((SHARED / "schema" / "extraction.schema.json").read_text())


def test_cli_json_is_schema_valid_and_source_is_path_as_given() -> None:
    path = str(DEV / "london-knife.txt")
    result = CliRunner().invoke(main, ["extract", path, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    jsonschema.validate(data, SCHEMA)
    assert data["document"]["source"] == path
    speakers = {e["id"]: e["name"] for e in data["entities"]}
    assert "Sadiq Khan" in {speakers.get(q["speaker"]) for q in data["quotes"]}


def test_cli_bad_files_get_one_line_each_and_others_still_run(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    missing = tmp_path / "missing.txt"
    good = str(DEV / "soleimani.txt")
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(empty), good, str(binary), str(missing), "--format", "jsonl"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [d["document"]["source"] for d in lines] == [good]
    errors = [line for line in result.stderr.splitlines() if line.startswith("claimgraph: error:")]
    assert len(errors) == 3
    for path in (empty, binary, missing):
        assert any(str(path) in line for line in errors)


def test_cli_jsonl_corpus_slice_keeps_input_order(tmp_path: Path) -> None:
    rows = CORPUS.read_text(encoding="utf-8").splitlines()[:4]
    sample = tmp_path / "four.jsonl"
    sample.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(sample), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["document"]["source"] for d in out] == [json.loads(r)["url"] for r in rows]
    for d in out:
        jsonschema.validate(d, SCHEMA)


def test_cli_summary_names_speakers_from_stdin() -> None:
    text = (DEV / "khashoggi-fiancee.txt").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "-"], input=text)
    assert result.exit_code == 0, result.stderr
    assert "## Speakers" in result.stdout and "Hatice Cengiz" in result.stdout


def test_cli_workers_give_the_same_output_as_one_process(tmp_path: Path) -> None:
    paths = [str(p) for p in sorted(DEV.glob("*.txt"))]
    cmd = [sys.executable, "-m", "claimgraph", "extract", *paths, "--format", "jsonl"]
    one = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    two = subprocess.run([*cmd, "--workers", "2"], capture_output=True, text=True, check=True).stdout
    assert one == two and len(one.splitlines()) == len(paths)
