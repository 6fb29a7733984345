"""Grow a SQLite store of the corpus reports to any size in minutes, by copying rows in SQL.

``resolve_bench.build`` adds the corpus over and over under synthetic ids (``store_bench.copy_of``:
round ``r`` stores report ``X`` as ``X-r``, URL ``X's URL#copyr``), one ``Store.add`` at a time,
then resolves once: 40 minutes of adds for 30k reports. :func:`grow` gives the same store (checked
table by table after resolution: ``tests/store/test_store_grow.py``) from one round of adds (the
corpus, unresolved) and one ``INSERT ... SELECT`` per table for all the other rounds: every row of
a round-0 report under the round's ids, its ingest order (``seq``) shifted by whole rounds. Before
a resolution a copy's graph ids are those its add would write: the earliest entity of its key,
which is round 0's (``writer._canonical_by_key``), so graph id columns are copied as they are.
Tables an add does not write (resolution state, summaries, judgements, labels, name words: a
copy adds no new name) are left to the resolution.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from claimgraph.model import Extraction
from claimgraph.store import open_store

ROUNDS_PER_COMMIT = 50
CACHE_KB = 4_000_000  # SQLite's page cache while copying (its default, 2 MB, spills to disk at every row)


def _remap(col: str, doc: str) -> str:
    """SQL: the id ``col`` of round-0 report ``doc`` (``<doc>:e1``) under the round's report id."""
    return f"{doc} || '-' || r.r || substr({col}, length({doc}) + 1)"


# table -> (source alias expression, column -> SQL expression); unlisted columns are copied as they are
def _copies(docs: int, quotes: int) -> list[tuple[str, str, dict[str, str]]]:
    new_doc = "t.document_id || '-' || r.r"
    shift = f"t.doc_seq + r.r * {docs}"
    return [
        ("documents", "documents t JOIN base_docs b ON b.id = t.id", {
            "seq": f"t.seq + r.r * {docs}", "id": "t.id || '-' || r.r",
            "url": "coalesce(t.url, t.id) || '#copy' || r.r"}),
        ("entities", "entities t JOIN base_docs b ON b.id = t.document_id", {
            "id": _remap("t.id", "t.document_id"), "document_id": new_doc, "doc_seq": shift}),
        ("names", "names t JOIN base_entities b ON b.id = t.entity_id", {
            "entity_id": _remap("t.entity_id", "b.document_id")}),
        ("mentions", "mentions t JOIN base_docs b ON b.id = t.document_id", {
            "entity_id": _remap("t.entity_id", "t.document_id"), "document_id": new_doc}),
        ("quotes", "quotes t JOIN base_docs b ON b.id = t.document_id", {
            "seq": f"t.seq + r.r * {quotes}", "id": _remap("t.id", "t.document_id"), "document_id": new_doc,
            "speaker_id": _remap("t.speaker_id", "t.document_id"), "doc_seq": shift}),
        ("quote_mentions", "quote_mentions t JOIN base_quotes b ON b.id = t.quote_id", {
            "quote_id": _remap("t.quote_id", "b.document_id"),
            "entity_id": _remap("t.entity_id", "b.document_id"), "doc_seq": shift}),
        ("claims", "claims t JOIN base_docs b ON b.id = t.document_id", {
            "id": _remap("t.id", "t.document_id"), "document_id": new_doc,
            **{c: _remap(f"t.{c}", "t.document_id") for c in ("subject_id", "object_id", "attributed_id")}}),
        ("rebuttals", "rebuttals t JOIN base_docs b ON b.id = t.document_id", {"document_id": new_doc}),
        ("unresolved_reports", "unresolved_reports t JOIN base_docs b ON b.id = t.document_id",
         {"document_id": new_doc}),
    ]


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]


def copy_rounds(path: Path, base: list[Extraction], size: int) -> None:
    """Add to the store at ``path``, which holds round 0 (the first ``len(base)`` reports added
    in order, not resolved), the rounds after it up to ``size`` reports in all, as the adds would."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute(f"PRAGMA cache_size = -{CACHE_KB}")  # the indexes of 100k reports, written in no order
    try:
        docs = db.execute("SELECT count(*), max(seq) FROM documents").fetchone()
        quotes = db.execute("SELECT count(*), coalesce(max(seq), 0) FROM quotes").fetchone()
        assert docs[0] == docs[1] and quotes[0] == quotes[1], "round 0 only, its rows in order"
        seq_of = dict(db.execute("SELECT id, seq FROM documents"))
        db.execute("CREATE TEMP TABLE base_docs (id TEXT PRIMARY KEY, seq INTEGER)")
        db.executemany("INSERT INTO base_docs VALUES (?, ?)", seq_of.items())
        db.execute("CREATE TEMP TABLE base_entities AS SELECT id, document_id, doc_seq AS seq FROM entities")
        db.execute("CREATE UNIQUE INDEX temp.ix_be ON base_entities (id)")
        db.execute("CREATE TEMP TABLE base_quotes AS SELECT id, document_id, doc_seq AS seq FROM quotes")
        db.execute("CREATE UNIQUE INDEX temp.ix_bq ON base_quotes (id)")
        # r: the round; upto: the last round-0 seq it copies (the last round may be partial)
        db.execute("CREATE TEMP TABLE rounds (r INTEGER PRIMARY KEY, upto INTEGER)")
        n = len(base)
        for r in range(1, (size + n - 1) // n):
            held = {ex.document.id for ex in base[: min(n, size - r * n)]}
            upto = max((seq_of.get(i, 0) for i in held), default=0)
            db.execute("INSERT INTO rounds VALUES (?, ?)", (r, upto))
        last = db.execute("SELECT max(r) FROM rounds").fetchone()[0] or 0
        for first in range(1, last + 1, ROUNDS_PER_COMMIT):
            db.execute("BEGIN")
            for table, source, exprs in _copies(docs[0], quotes[0]):
                cols = _columns(db, table)
                select = ", ".join(exprs.get(c, f"t.{c}") for c in cols)
                db.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {select} FROM {source} "
                           f"JOIN rounds r ON b.seq <= r.upto WHERE r.r BETWEEN ? AND ? ORDER BY r.r, b.seq",
                           (first, first + ROUNDS_PER_COMMIT - 1))
            lo, hi = first * docs[0], (first + ROUNDS_PER_COMMIT) * docs[0]
            db.execute("INSERT INTO documents_fts(rowid, title, text) SELECT seq, coalesce(title, ''), text "
                       "FROM documents WHERE seq > ? AND seq <= ?", (lo, hi))
            db.execute("INSERT INTO quotes_fts(rowid, text) SELECT seq, text FROM quotes "
                       "WHERE doc_seq > ? AND doc_seq <= ?", (lo, hi))
            db.execute("COMMIT")
    finally:
        db.close()


def grow(path: Path, base: list[Extraction], size: int) -> None:
    """A store of ``size`` reports at ``path``, as ``resolve_bench.build`` adds them (not resolved):
    the first round added, the others copied."""
    store = open_store(str(path))
    for ex in base[:size]:
        store.add(ex)
    store.close()
    if size > len(base):
        copy_rounds(path, base, size)


def differences(a: Path, b: Path, skip: tuple[str, ...] = ("added_at",)) -> list[str]:
    """The tables whose rows differ between two SQLite stores (as multisets, without ``skip``
    columns), and the full-text indexes that fail SQLite's integrity check."""
    out = []
    db = sqlite3.connect(a)
    db.execute("ATTACH DATABASE ? AS other", (str(b),))
    try:
        tables = [t for (t,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite%' ORDER BY name")]
        for t in tables:
            cols = ", ".join(f'"{c}"' for c in _columns(db, t) if c not in skip)
            query = f"SELECT {cols}, count(*) FROM {{}}.{t} GROUP BY {cols}"
            mine, theirs = query.format("main"), query.format("other")
            extra = db.execute(f"SELECT count(*) FROM ({mine} EXCEPT {theirs})")
            missing = db.execute(f"SELECT count(*) FROM ({theirs} EXCEPT {mine})")
            n, m = extra.fetchone()[0], missing.fetchone()[0]
            if n or m:
                out.append(f"{t}: {n} rows only in {a.name}, {m} only in {b.name}")
        for path in (a, b):
            one = sqlite3.connect(path)
            for fts in ("documents_fts", "quotes_fts"):
                try:
                    one.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
                except sqlite3.DatabaseError as exc:
                    out.append(f"{path.name} {fts}: {exc}")
            one.close()
    finally:
        db.close()
    return out


def main() -> None:
    """``python bench/store_grow.py --check 700``: a store grown by copy against one built by adds."""
    import argparse
    import tempfile
    import time

    from resolve_bench import build  # bench/ is this script's folder
    from store_bench import extractions

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--check", type=int, default=700, help="reports in both stores")
    parser.add_argument("--cache", type=Path, default=None, help="JSON Lines cache of the corpus extractions")
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    base = extractions(args.cache)
    tmp = args.dir or Path(tempfile.mkdtemp(prefix="store_grow_"))
    stores = []
    for by_copy in (False, True):
        path = tmp / f"{'copied' if by_copy else 'added'}_{args.check}.db"
        started = time.perf_counter()
        resolved = build(path, base, args.check, by_copy)
        print(f"{path.name}: built in {time.perf_counter() - started:.1f} s (resolution {resolved:.1f} s)")
        stores.append(path)
    diff = differences(*stores)
    print("\n".join(diff) if diff else "the same rows in every table; full-text indexes intact")


if __name__ == "__main__":
    main()
