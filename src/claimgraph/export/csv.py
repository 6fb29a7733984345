"""CSV tables: documents.csv, entities.csv, claims.csv, quotes.csv in one folder, streamed."""

from __future__ import annotations

import csv
from dataclasses import fields
from pathlib import Path
from typing import IO, Any

from claimgraph.export.cells import safe_row
from claimgraph.export.common import Exporter
from claimgraph.graph.records import GraphClaim, GraphDocument, GraphEntity, GraphQuote

LIST_SEPARATOR = "; "  # aliases and document ids in one cell


class CSVExporter(Exporter):
    """One table per record kind; the columns are the record's fields, lists joined by '; '."""

    TABLES = {"documents": GraphDocument, "entities": GraphEntity, "claims": GraphClaim, "quotes": GraphQuote}

    def __init__(self, out: Path) -> None:
        super().__init__(out)
        self.out.mkdir(parents=True, exist_ok=True)
        self._files: dict[str, IO[str]] = {}
        self._writers: dict[str, Any] = {}
        for name, record in self.TABLES.items():
            fh = (self.out / f"{name}.csv").open("w", encoding="utf-8", newline="")
            self._files[name] = fh
            self._writers[name] = csv.writer(fh)
            self._writers[name].writerow([f.name for f in fields(record)])

    def _row(self, table: str, record: Any) -> None:
        # the record class's own fields: a store's subclass (a Claim with a unit) keeps the header
        values = [getattr(record, f.name) for f in fields(self.TABLES[table])]
        cells = [LIST_SEPARATOR.join(v) if isinstance(v, list) else ("" if v is None else v) for v in values]
        self._writers[table].writerow(safe_row(cells))  # no cell runs as a spreadsheet formula

    def write_document(self, doc: GraphDocument) -> None:
        self._row("documents", doc)

    def write_entity(self, entity: GraphEntity) -> None:
        self._row("entities", entity)

    def write_claim(self, claim: GraphClaim) -> None:
        self._row("claims", claim)

    def write_quote(self, quote: GraphQuote) -> None:
        self._row("quotes", quote)

    def finalize(self) -> None:
        for fh in self._files.values():
            fh.close()
