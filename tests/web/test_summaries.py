"""Actor summaries (``store/summaries.py``): an actor page read from its summary is the page
computed in full, and every write that changes an actor forgets its summary first.

Real stores: the three hand-built corpus reports and the hostile one on SQLite and PostgreSQL,
and the 44 corpus reports of the browser tests (conflicts, numbers, rebuttals) on SQLite. The
summaries are written here for every actor (the store writes them for actors of at least
``MIN_MEMBERS`` report entities, which these small stores do not have).
"""

from __future__ import annotations

import copy
import functools
import logging
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from claimgraph.store import Store, actor_names, open_store, schema, summaries
from claimgraph.web import pages
from claimgraph.web.app import to_json
from tests.store import reports
from tests.web.test_api import web_store  # noqa: F401  (the API tests' store)


def _pages(store: Store) -> dict[str, bytes]:
    """Every actor's page, as its /api/ twin returns it."""
    with store.engine.connect() as conn:
        ids = conn.execute(select(schema.entities.c.canonical_id).distinct()).scalars().all()
    return {g: to_json(pages.actor(store, g)) for g in sorted(ids)}


def _fill(store: Store) -> int:
    with store.engine.begin() as conn:
        return summaries.fill(conn, min_members=1)


def _summarised(store: Store, graph_id: str) -> bool:
    with store.engine.connect() as conn:
        return summaries.load(conn, graph_id) is not None


def _forget_all(store: Store) -> None:
    with store.engine.begin() as conn:
        conn.execute(schema.actor_summaries.delete())


def test_summaries_give_every_actor_the_page_computed_in_full(web_store: Store) -> None:
    full = _pages(web_store)
    assert _fill(web_store) == len(full) > 10
    assert all(_summarised(web_store, g) for g in full)
    assert _pages(web_store) == full
    # another limit than the summaries' is computed in full
    soleimani = web_store.entity_id("Qasem Soleimani")
    assert len(pages.actor(web_store, soleimani, limit=1)["actor"]["reports"]) == 1


def test_summaries_of_real_reports_with_conflicts_and_numbers(web_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(web_db, db)
    with open_store(db) as store:
        full = _pages(store)
        shown = [pages.actor(store, g) for g in full]
        assert any(p["conflicts"] for p in shown)
        assert any(p["charts"] for p in shown) and any(p["claims_by"] for p in shown)
        assert _fill(store) == len(full)
        assert _pages(store) == full


def test_a_new_report_forgets_its_actors_summaries_and_resolution_writes_them_again(web_store: Store) -> None:
    _fill(web_store)
    soleimani = web_store.entity_id("Qasem Soleimani")
    before = pages.actor(web_store, soleimani)
    again = reports.strike()
    again.document.id, again.document.url = f"{again.document.id}-again", f"{again.document.url}#again"
    web_store.add(again)
    assert not _summarised(web_store, soleimani)
    assert _summarised(web_store, web_store.entity_id("Mallory Hacker"))  # not in that report: kept
    after = pages.actor(web_store, soleimani)  # computed in full, with the new report
    assert after["actor"]["counts"]["reports"] == before["actor"]["counts"]["reports"] + 1
    web_store.resolve(threshold=0.99)
    resolved = to_json(pages.actor(web_store, soleimani))  # too small for resolution to summarise
    assert not _summarised(web_store, soleimani)
    _fill(web_store)
    assert _summarised(web_store, soleimani) and to_json(pages.actor(web_store, soleimani)) == resolved


def test_merge_rename_and_undo_forget_the_summaries_they_change(web_store: Store) -> None:
    _fill(web_store)
    left, right = web_store.entity_id("Abdul-Mahdi"), web_store.entity_id("Adil Abdul-Mahdi")
    iraq = web_store.entity_id("Iraq")  # Adil Abdul-Mahdi leader_of Iraq: grouped by his graph id
    merged = web_store.merge("Abdul-Mahdi", "Adil Abdul-Mahdi")
    assert not any(_summarised(web_store, g) for g in (left, right, merged, iraq))
    full = _pages(web_store)
    _fill(web_store)
    assert _pages(web_store) == full
    web_store.rename(merged, "Prime Minister Adil Abdul-Mahdi")
    assert not _summarised(web_store, merged) and not _summarised(web_store, iraq)
    assert _summarised(web_store, web_store.entity_id("Mallory Hacker"))
    _fill(web_store)
    web_store.undo("Abdul-Mahdi", "Adil Abdul-Mahdi")
    assert not _summarised(web_store, merged)
    full = _pages(web_store)
    _fill(web_store)
    assert _pages(web_store) == full


def test_summaries_of_other_rules_are_not_read_and_opening_writes_them_again(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add(reports.strike())
        store.resolve()
        _fill(store)
        soleimani = store.entity_id("Qasem Soleimani")
        assert _summarised(store, soleimani)
        with store.engine.begin() as conn:  # as if written by another version of claimgraph
            rs = schema.run_state
            conn.execute(update(rs).where(rs.c.key == summaries.MARK).values(value="other rules"))
        assert not _summarised(store, soleimani)
    with open_store(store_url) as again, again.engine.connect() as conn:
        assert summaries.is_fresh(conn)  # the rows of the other rules are gone, the mark is ours
        assert conn.execute(select(schema.actor_summaries.c.graph_id)).first() is None


def _copy(ex: Any, tag: str) -> Any:
    """The same report under another id and URL, as if republished."""
    twin = copy.copy(ex)
    twin.document = copy.copy(ex.document)
    twin.document.id = f"{ex.document.id}-{tag}"
    twin.document.url = f"{ex.document.url or ex.document.id}#{tag}"
    return twin


def _deferred(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        s = schema.actor_summaries
        return set(conn.execute(select(s.c.graph_id).where(s.c.since.is_not(None))).scalars())


def _all_recomputed(store: Store) -> None:
    """Every stored summary is the one computed from all of its actor's rows."""
    with store.engine.connect() as conn:
        stored = conn.execute(select(schema.actor_summaries.c.graph_id, schema.actor_summaries.c.data)).all()
        assert stored
        for gid, data in stored:
            assert summaries.loads(data) == summaries.compute(conn, gid), gid


def test_summaries_brought_up_to_date_by_new_reports_are_those_computed_again(
    store_url: str, corpus_extractions: list[Any], caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Real reports on both backends: a first batch resolved and summarised, then new reports
    (new texts, and republished ones naming the same actors) added and resolved; the summaries
    they set aside are brought up to date from the new rows, and equal the full computation.
    Summaries brought up to date before a resolution regroups the new reports' entities are
    computed again after it (they count those reports already). The names' examples come from
    an actor's first 4 members here (``EARLY``, 200 in use), so that actors of these small
    stores keep their examples, or not, as big ones do."""
    monkeypatch.setattr(actor_names, "EARLY", 4)
    first, later = corpus_extractions[:20], corpus_extractions[20:]
    with open_store(store_url) as store:
        for ex in first:
            store.add(ex)
        store.resolve()
        _fill(store)
        for ex in [*later[:8], *(_copy(ex, "again") for ex in first[:6])]:
            store.add(ex)
        assert len(_deferred(store)) > 10
        _fill(store)  # before resolution, as opening the store does
        _all_recomputed(store)
        store.resolve()
        _fill(store)
        _all_recomputed(store)
        for ex in [*later[8:], *(_copy(ex, "again") for ex in first[6:14])]:
            store.add(ex)
        for build in reports.ALL:
            store.add(build())
        store.add(_copy(reports.strike(), "again"))
        store.resolve()
        deferred = _deferred(store)
        assert len(deferred) > 10  # set aside, not deleted: brought up to date below
        with store.engine.connect() as conn:  # and as pages read them meanwhile, unwritten
            assert all(summaries.current(conn, g) == summaries.compute(conn, g) for g in deferred)
        assert _deferred(store) == deferred
        full = _pages(store)
        with caplog.at_level(logging.INFO, logger="claimgraph.store.summaries"):
            _fill(store)
        assert f"({len(deferred)} brought up to date)" in caplog.text
        assert not _deferred(store)
        _all_recomputed(store)
        assert _pages(store) == full
        with store.engine.connect() as conn:  # conflicts and claims in the summaries brought up to date
            brought = [summaries.load(conn, g) for g in deferred]
            assert any(s and s.conflicts for s in brought) and any(s and s.by[0] for s in brought)


def test_resolution_leaves_summaries_to_pages_and_summarise(
    web_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch's resolution writes no summary: those its reports set aside stay so, and an actor
    page brings them up to date as it reads them (the page computed in full);
    ``Store.summarise`` (``claimgraph summaries``) writes them; a merge writes only the ones it
    deleted."""
    monkeypatch.setattr(summaries, "fill", functools.partial(summaries.fill, min_members=1))
    _fill(web_store)
    soleimani = web_store.entity_id("Qasem Soleimani")
    for tag in ("again", "once more"):
        web_store.add(_copy(reports.strike(), tag))
    web_store.resolve()
    assert soleimani in _deferred(web_store) and not _summarised(web_store, soleimani)
    with web_store.engine.connect() as conn:
        assert summaries.current(conn, soleimani) == summaries.compute(conn, soleimani)
    page = to_json(pages.actor(web_store, soleimani))
    mallory = web_store.entity_id("Mallory Hacker")
    with web_store.engine.begin() as conn:  # as a batch's regrouping deletes one
        conn.execute(schema.actor_summaries.delete().where(schema.actor_summaries.c.graph_id == mallory))
    merged = web_store.merge("Abdul-Mahdi", "Adil Abdul-Mahdi")
    assert soleimani in _deferred(web_store) and not _summarised(web_store, mallory)
    assert _summarised(web_store, merged)
    _forget_all(web_store)
    assert to_json(pages.actor(web_store, soleimani)) == page  # the page computed in full
    for tag in ("a third time",):
        web_store.add(_copy(reports.strike(), tag))
    web_store.resolve()
    assert web_store.summarise() > 0
    assert not _deferred(web_store) and _summarised(web_store, soleimani) and _summarised(web_store, mallory)
