"""The review queue: the undecided candidate pairs most worth a person's time, with evidence.

The resolver keeps every pair it found alike from score 0.5 (see :mod:`claimgraph.store.resolution`);
many of those are noise a person should never see: a sentence-initial adverb the model took for
a name ('Morally' / 'Michael Morell'), a common noun ('Girl' / 'Squirrel Girl'), an initialism
matched to a lower-case phrase ('HM' / 'Health ministry'). So the queue

- skips a pair unless both names are proper names: no lower-case word but particles ('of',
  'bin'), and no word that the stored reports use more often in lower case than capitalised
  inside a sentence (tested for one-word names and a person's first word);
- ranks the rest by the resolver's score plus evidence: the actors both sides are reported with
  (``SHARED_BONUS`` each, at most ``SHARED_MAX``) and how often the less-reported side is in the
  reports (``REPORT_BONUS`` each, at most ``REPORT_MAX``): a 7-report 'Trump' matters more than
  a one-off, and two namesakes rarely share company;
- lists two actors once, by their best pair of members, since one judgement settles them;
- shows each side's name, type, report count and the first sentence naming it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Connection

from claimgraph.store import dialect, schema
from claimgraph.store.judgements import judgements_in_force, pair
from claimgraph.store.queries import names_of

E, D, C, M = schema.entities, schema.documents, schema.candidates, schema.mentions
SHARED_BONUS, SHARED_MAX = 0.05, 4
REPORT_BONUS, REPORT_MAX = 0.02, 5
CONTEXT_REPORTS = 5  # reports of each side whose other actors make up its company
SAMPLE_REPORTS = 30  # reports read to tell whether a word is a common word
# particles that are lower case inside proper names ('Republic of Ireland', 'Osama bin Laden')
PARTICLES = frozenset(
    ["of", "the", "and", "for", "on", "in", "at", "to", "a", "an", "de", "del", "della", "der", "des", "di", "du", "da", "dos", "la", "le", "van", "von", "den", "bin", "ibn", "bint", "al", "el", "y", "e"]
)
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s|\n")


@dataclass(slots=True)
class Side:
    id: str  # the member entity the resolver compared
    graph_id: str
    name: str  # the actor's display name
    member_name: str  # the name this member has in its report
    type: str
    reports: int
    sentence: str | None = None  # the first sentence of its report that names it (in full if it can)
    title: str | None = None
    published: str | None = None


@dataclass(slots=True)
class Candidate:
    """A pair the resolver found alike that is not merged and nobody has judged."""

    left: str
    right: str
    score: float
    reason: str
    priority: float = 0.0  # the rank: score plus evidence
    shared: list[str] = field(default_factory=list)  # actors both sides are reported with
    left_side: Side | None = None
    right_side: Side | None = None


def queue(conn: Connection, limit: int = 20) -> list[Candidate]:
    """The ``limit`` most worthwhile undecided pairs, best first, each with its evidence."""
    pending = _undecided(conn)
    if not pending:
        return []
    ids = sorted({x for c in pending for x in (c.left, c.right)})
    info = _members(conn, ids)
    words = {w for i in ids for w in _words_to_test(info[i][0], info[i][1])}
    common = common_words(conn, words)
    pending = [
        c for c in pending if all(is_proper(info[x][0], info[x][1], common) for x in (c.left, c.right))
    ]
    groups = sorted({info[x][2] for c in pending for x in (c.left, c.right)})
    company, reports = _company(conn, groups)
    shared_of: dict[tuple[str, str], set[str]] = {}
    for c in pending:
        ga, gb = info[c.left][2], info[c.right][2]
        shared = shared_of[(c.left, c.right)] = (company.get(ga, set()) & company.get(gb, set())) - {ga, gb}
        fewer = min(reports.get(ga, 0), reports.get(gb, 0))
        c.priority = round(
            c.score + SHARED_BONUS * min(len(shared), SHARED_MAX) + REPORT_BONUS * min(fewer, REPORT_MAX), 3
        )
    pending.sort(key=lambda c: (-c.priority, -c.score, c.left, c.right))
    chosen, seen = [], set()
    for c in pending:  # one judgement settles two actors: their best pair of members stands for all
        actors = frozenset((info[c.left][2], info[c.right][2]))
        if actors not in seen:
            seen.add(actors)
            chosen.append(c)
        if len(chosen) >= limit:
            break
    names = names_of(conn, groups + [g for c in chosen for g in shared_of[(c.left, c.right)]])
    for c in chosen:
        c.shared = sorted(names.get(g, g) for g in shared_of[(c.left, c.right)])
    for c in chosen:
        c.left_side, c.right_side = (
            _side(conn, x, info[x], names, reports) for x in (c.left, c.right)
        )
    return chosen


def _undecided(conn: Connection) -> list[Candidate]:
    """Candidate pairs that sit in different graph entities and were never judged."""
    judged = judgements_in_force(conn)
    ids = select(C.c.left_id).union(select(C.c.right_id)).scalar_subquery()
    canon = dict(conn.execute(select(E.c.id, E.c.canonical_id).where(E.c.id.in_(ids))).all())
    out = []
    for left, right, score, reason in conn.execute(select(C.c.left_id, C.c.right_id, C.c.score, C.c.reason)):
        if canon.get(left) == canon.get(right) or pair(left, right) in judged:
            continue
        if pair(canon.get(left, left), canon.get(right, right)) in judged:
            continue
        out.append(Candidate(left, right, score, reason))
    return out


def _members(conn: Connection, ids: list[str]) -> dict[str, tuple[str, str, str, str]]:
    """id -> (name, type, graph id, document id)."""
    out: dict[str, tuple[str, str, str, str]] = {}
    for i in range(0, len(ids), 500):
        rows = conn.execute(
            select(E.c.id, E.c.name, E.c.type, E.c.canonical_id, E.c.document_id).where(
                E.c.id.in_(ids[i : i + 500])
            )
        )
        out.update((r[0], (r[1], r[2], r[3], r[4])) for r in rows)
    return out


def _words_to_test(name: str, type_: str) -> list[str]:
    """The words whose case decides whether a name is a proper name: a one-word name, and the
    first word of a person's name ('Afterwards Trump'); acronyms need no test."""
    words = [w for w in _WORD.findall(name) if not w.isupper()]
    if len(_WORD.findall(name)) == 1 or (type_ == "PERSON" and words and words[0] == _WORD.findall(name)[0]):
        return words[:1]
    return []


def is_proper(name: str, type_: str, common: set[str]) -> bool:
    """Whether ``name`` reads as a proper name: capitalised words (particles aside), and none of
    the tested words (:func:`_words_to_test`) a common word of the reports."""
    words = _WORD.findall(name)
    if not words:
        return False
    if any(w[0].islower() and w.lower() not in PARTICLES for w in words):
        return False
    return not any(w.lower() in common for w in _words_to_test(name, type_))


def common_words(conn: Connection, words: set[str]) -> set[str]:
    """The words that the stored reports write in lower case more often than capitalised inside
    a sentence: 'morally', 'girl', 'afterwards' (lower case, as returned)."""
    out = set()
    for word in sorted({w.lower() for w in words}):
        texts = conn.execute(
            select(D.c.text).where(D.c.current, dialect.document_match(conn, word)).limit(SAMPLE_REPORTS)
        ).scalars()
        lower = capital = 0
        low = re.compile(rf"(?<![\w'’\-]){re.escape(word)}(?![\w\-])")
        cap = re.compile(rf"(?<=[\w,;] ){re.escape(word.capitalize())}(?![\w\-])")
        for text in texts:
            lower += len(low.findall(text))
            capital += len(cap.findall(text))
        if lower > capital:
            out.add(word)
    return out


def _company(conn: Connection, graph_ids: list[str]) -> tuple[dict[str, set[str]], dict[str, int]]:
    """For each graph entity: the other actors of its first few reports, and its report count."""
    docs: dict[str, list[str]] = defaultdict(list)
    reports: dict[str, int] = {}
    for i in range(0, len(graph_ids), 500):
        chunk = graph_ids[i : i + 500]
        rows = conn.execute(
            select(E.c.canonical_id, E.c.document_id)
            .where(E.c.canonical_id.in_(chunk))
            .group_by(E.c.canonical_id, E.c.document_id)
            .order_by(E.c.canonical_id, func.min(E.c.doc_seq))
        )
        for gid, doc in rows:
            reports[gid] = reports.get(gid, 0) + 1
            if len(docs[gid]) < CONTEXT_REPORTS:
                docs[gid].append(doc)
    wanted = sorted({d for ds in docs.values() for d in ds})
    cast: dict[str, set[str]] = defaultdict(set)
    for i in range(0, len(wanted), 500):
        for doc, gid in conn.execute(
            select(E.c.document_id, E.c.canonical_id).where(E.c.document_id.in_(wanted[i : i + 500]))
        ):
            cast[doc].add(gid)
    return {g: set().union(*(cast[d] for d in ds)) - {g} for g, ds in docs.items()}, reports


def sentence_at(text: str, start: int, end: int, width: int = 300) -> str:
    """The sentence around ``text[start:end]`` (no sentence crosses a line break), at most ``width``."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    stop = _SENTENCE_END.search(text, end)
    sentence = text[begin : stop.start() + 1 if stop else len(text)].strip()
    if len(sentence) > width:
        at = max(0, start - begin - width // 2)
        sentence = ("…" if at else "") + sentence[at : at + width] + "…"
    return sentence


def _side(
    conn: Connection,
    member: str,
    info: tuple[str, str, str, str],
    names: dict[str, str],
    reports: dict[str, int],
) -> Side:
    name, type_, graph_id, doc_id = info
    side = Side(member, graph_id, names.get(graph_id, name), name, type_, reports.get(graph_id, 0))
    spans = conn.execute(select(M.c.start, M.c.end).where(M.c.entity_id == member).order_by(M.c.start)).all()
    report = conn.execute(select(D.c.text, D.c.title, D.c.published).where(D.c.id == doc_id)).first()
    if spans and report is not None:
        text, side.title, side.published = report
        # the first sentence writing the name in full, else the first naming it at all ('the House')
        start, end = next(((s, e) for s, e in spans if text[s:e] == name), spans[0])
        side.sentence = sentence_at(text, start, end)
    return side
