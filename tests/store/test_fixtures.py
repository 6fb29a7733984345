"""The store tests' corpus reports stay out of the test split, whose reports nothing may be tuned on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.store.conftest import PICKED, unseen_report_urls


def test_fixtures_picked_reports_are_not_in_the_test_split(corpus: list[dict[str, Any]]) -> None:
    unseen = unseen_report_urls()
    assert len(unseen) >= 26
    assert not [n for n in PICKED if corpus[n]["url"] in unseen]


def test_fixtures_slice_skips_the_test_split(slice_path: Path) -> None:
    urls = [json.loads(line)["url"] for line in slice_path.read_text(encoding="utf-8").splitlines()]
    assert len(urls) == 20 and not set(urls) & unseen_report_urls()
