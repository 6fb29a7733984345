"""Reports longer than the parser takes at once (spaCy's ``nlp.max_length``, 1,000,000 characters).

Files up to the ``max_bytes`` setting (20 MB) are read, so a text may be twenty times what the
parser accepts. Such a text is cut at paragraph breaks (else line breaks, sentence ends, spaces)
into parts the parser takes, each part is extracted as a report of its own, and the extractions
are joined back with every offset shifted into the whole text. Entities of the same name and type
in different parts become one entity, so the store sees one report, as if parsed at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.language import Language

from claimgraph.model import Document, Entity, Extraction, Span

# Parts much smaller than the parser's limit: some steps compare every name of a report with every
# other, so one 1,000,000-character part takes 2.5 times as long as ten of 100,000 (and 3.5 GB).
PART_SIZE = 100_000
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?]\s"), re.compile(r"\s"))


def parts(text: str, size: int) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive parts of ``text``, none longer than ``size``."""
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = next((m.end() for pattern in _BREAKS
                    for m in [_last(pattern, text, start + size // 2, end)] if m), end)
        yield start, cut
        start = cut
    if start < len(text):
        yield start, len(text)


def _last(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text, lo, hi):
        pass
    return found


def extract_long(document: Document, nlp: Language) -> Extraction:
    """Extract a text over ``nlp.max_length`` part by part and join the results."""
    from claimgraph.extract import extract

    joined = Extraction(document)
    by_key: dict[tuple[str, str], Entity] = {}
    n_quotes = n_relations = n_quantities = 0
    for start, end in parts(document.text, min(nlp.max_length, PART_SIZE)):
        part = Document(document.text[start:end], source=document.source,
                        title=document.title if start == 0 else None, url=document.url)
        ex = extract(part, nlp=nlp)
        ids: dict[str, str] = {}
        for e in ex.entities:
            mentions = [_shift(m, start) for m in e.mentions]
            known = by_key.get((e.name, e.type))
            if known is None:
                known = by_key[(e.name, e.type)] = Entity(f"e{len(by_key) + 1}", e.name, e.type, [], [])
                joined.entities.append(known)
            known.aliases += [a for a in e.aliases if a not in known.aliases]
            known.mentions += mentions
            ids[e.id] = known.id
        for q in ex.quotes:
            n_quotes += 1
            joined.quotes.append(replace(q, id=f"q{n_quotes}", start=q.start + start, end=q.end + start,
                                         speaker=ids.get(q.speaker or ""),
                                         sentence=_shift(q.sentence, start) if q.sentence else None))
        for r in ex.relations:
            n_relations += 1
            joined.relations.append(replace(r, id=f"r{n_relations}", subject=ids[r.subject], object=ids[r.object],
                                            evidence=_shift(r.evidence, start),
                                            attributed_to=ids.get(r.attributed_to or "")))
        for k in ex.quantities:
            n_quantities += 1
            joined.quantities.append(replace(k, id=f"n{n_quantities}", subject=ids[k.subject],
                                             evidence=_shift(k.evidence, start),
                                             attributed_to=ids.get(k.attributed_to or "")))
    return joined


def _shift(span: Span, by: int) -> Span:
    return Span(span.start + by, span.end + by, span.text)
