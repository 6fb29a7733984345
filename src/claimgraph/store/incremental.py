"""Incremental cross-report resolution: a new report's entities are compared with their blocks'
members only, and only the connected components they touch are clustered again.

The store keeps what a full resolution would compute (migration 0009_incremental_resolution):
each entity's name group, each group's resolver profile, its blocking keys in an indexed table,
and every pair the name rules linked, with the pair model's score before partial names are
settled (the scored candidate pairs, as edges). :func:`update_index` brings them up to date with
the entities not resolved yet and returns what clustering must redo (:class:`Changes`): the name
groups whose components are clustered again, and those that only follow a place (a group that
gained members, a new group joining one actor as a leaf: :meth:`_Run._changes`);
:func:`components` reads what :func:`claimgraph.store.resolution.recluster` needs to cluster their
connected components again.

The result is the full resolution's (``tests/store/test_incremental.py`` checks it): what a
profile's comparison reads of other profiles is kept up to date too. A group that gains members
is profiled and compared again (but one that only gained reports keeps its pairs with the groups
the run leaves alone: :meth:`_Run._grown`); the type a name is read as (``features.reading``: an
organisation's one word as a person's surname, an organisation's name as a person's full name, a
person's lone word as an organisation's) is decided again when what it reads of the others
changes, found by indexed look-ups of the profiles' own names (the people of a surname, the
organisations of a name, the words of full names, the profiles writing a word alone); a lone
word's namesakes when the full names holding it change; the pairs whose shared company holds a
name that becomes common (or stops being) are scored again; a block over ``MAX_BLOCK`` keeps the
pairs of its sliding window; and each partial name whose settling may change is settled again
(:meth:`_Run._settle`: not those of a full name that only gained reports, unless chosen by the
report counts).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import itertools
import json
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Integer, cast, delete, func, insert, select, update
from sqlalchemy.engine import Connection

from claimgraph.graph import resolve as R
from claimgraph.graph.resolve import cluster_traits
from claimgraph.graph.features import (
    DOMINANCE,
    LINKED,
    EntityProfile,
    Features,
    Reconciling,
    Reports,
    alone_key,
    apply_reading,
    dominant_surnames,
    held_words,
    lone_person,
    lone_word,
    may_read_as_person,
    org_shaped,
    own_features,
    partial_link,
    person_tails,
    reading,
    reports,
)
from claimgraph.graph import bodies as B
from claimgraph.graph.features import family
from claimgraph.graph.names import PersonName, parse_person, surnames
from claimgraph.graph.pair_model import NAMESAKES_CAP, default_model
from claimgraph.graph.partial import BY_DOMINANT, DOMINANT, settle_partial_names
from claimgraph.store import blocks, schema
from claimgraph.store.leaves import place as place_leaves
from claimgraph.store.report_facts import kept_facts
from claimgraph.store.judgements import judgements_in_force
from claimgraph.store.resolution import _CONTEXT_REPORTS, MIN_SCORE, THRESHOLD, Member, group_key, profiles

log = logging.getLogger(__name__)

MARK = "resolution"  # run_state key: the fingerprint of the rules the kept keys, profiles and pairs came from


@functools.cache
def fingerprint() -> str:
    """What the kept blocking keys, profiles and scored pairs depend on besides the data: the
    resolver's rules, its pair model and lexicons. A store resolved by other rules is resolved whole again
    (:meth:`Store.resolve`): name groups no new report touches would keep what the old rules made."""
    from claimgraph.graph import features, names, pair_model, partial
    from claimgraph.store import blocks as read, report_facts as facts, resolution

    digest = hashlib.sha256()
    for module in (R, B, features, names, pair_model, partial, facts, resolution, read):
        digest.update(Path(str(module.__file__)).read_bytes())
    digest.update(Path(__file__).read_bytes())
    data = resources.files("claimgraph.data")  # the pair model's weights and the name lexicons
    for item in sorted(data.iterdir(), key=lambda x: x.name):
        if item.name.endswith((".json", ".txt")):
            digest.update(item.read_bytes())
    return digest.hexdigest()[:16]


def other_rules(conn: Connection) -> bool:
    """Whether the store keeps resolution state that other rules made (see :func:`fingerprint`)."""
    if conn.execute(select(RG.c.group_id).limit(1)).first() is None:
        return False  # nothing kept yet: the first resolution computes it all anyway
    mark = conn.execute(select(schema.run_state.c.value).where(schema.run_state.c.key == MARK)).scalar()
    return mark != fingerprint()


def mark_rules(conn: Connection) -> None:
    """Record that the store's resolution state is this version's."""
    state = schema.run_state
    conn.execute(delete(state).where(state.c.key == MARK))
    conn.execute(insert(state).values(key=MARK, value=fingerprint()))


@contextlib.contextmanager
def no_collections() -> Iterator[None]:
    """No cyclic garbage collection during a resolution. A run keeps thousands of profiles alive
    and makes few cycles (about 1,400 objects collected in a batch of 100 reports into a 1k-report
    store, 2,200 at 10k, 3,400 resolving the 1k store whole, over 285, 452 and 968 collections):
    each full collection walks every tracked object, the process's and the run's, so what the
    collector costs grew with the profiles a run loads (0.07 s of CPU at 1k, 0.20 s at 10k,
    ``docs/scaling.md``). The cycles a run leaves are collected by the first collection after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


CHUNK = 500  # ids per statement
SCAN_FROM = 5_000  # new reports from which their entities are found by a scan (one statement names them)
HELD, LONE = "~h|", "~l|"  # key prefixes: a word of a full name, a lone word
# what the type reconciliation reads of each profile's own features, indexed (``features.reading``):
# an organisation's name; the surname of a person-shaped name within it; a word of a person's
# full names; a surname a person holds (of one with a surname: ``held``; of any: ``in_report``);
# a person's surname with the full name; a lone person's name; a lone untitled person's name; a place's
# name; the organisation key of a person's name (``features.org_shaped``). The rows of an organisation's
# name and of a person's name's organisation key hold, as their sort, how many reports the profile is in.
ORGS, TAILS, WORDS, SURNAMES, IN_REPORT, PEOPLE, LONE_NAMES, ALONE, PLACES, SHAPED = (
    "~o|", "~t|", "~w|", "~s|", "~d|", "~f|", "~m|", "~a|", "~p|", "~g|")
TYPE_KEYS = frozenset([ORGS, TAILS, WORDS, SURNAMES, IN_REPORT, PEOPLE, LONE_NAMES, ALONE, PLACES, SHAPED])
COUNTED = (ORGS, SHAPED)  # type keys whose sort is a count of reports
Pair = tuple[str, str]
KeyRow = tuple[str, str, str]  # a blocking_keys row: key, group id, sort

E, RM, RG = schema.entities, schema.resolution_members, schema.resolution_groups
BK, RE, CC, C = schema.blocking_keys, schema.resolution_edges, schema.context_counts, schema.candidates
SN, UR, DF = schema.shared_names, schema.unresolved_reports, schema.document_facts
_MEMBER = (E.c.id, E.c.key, E.c.doc_seq, E.c.canonical_id, E.c.confidence, E.c.name, E.c.type, E.c.aliases)


def _members_of(gids: list[str]) -> Any:
    """The members of these name groups, with their group id first."""
    return select(RM.c.group_id, *_MEMBER).join(E, E.c.id == RM.c.entity_id).where(RM.c.group_id.in_(gids))


def _chunks(values: Iterable[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    it = iter(values)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _document(member_id: str) -> str:
    return member_id.rsplit(":", 1)[0]


def _pair(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def threshold_of(profiles: int) -> int:
    """A context name is common when more profiles name it than this (as ``common_context``)."""
    return max(5, profiles // 50)


FULL_COMPANY = 4  # context names shared: the company is full however many of them are common


def sensitive_names(a: Features, b: Features) -> list[str]:
    """The shared company names whose commonness can move the pair's score: none when the two
    share ``FULL_COMPANY`` context names or more (each counts at least a half, and
    ``_shared_company`` is full at two), else every name (or last word) they share."""
    shared = a.context & b.context
    if len(shared) >= FULL_COMPANY:
        return []
    return sorted(shared | (a.context_words & b.context_words))


FEW = 20  # a name group in more reports than this keeps their count, not their list (``Reports``)


class StoredReports:
    """The reports of stored name groups, found by index (:class:`features.Reports`): which
    groups each asked report has members in (one look-up per report, kept for the run), and a
    group's every report (its members, read whole when needed). The members of this run's new
    entities are in ``resolution_members`` before any is asked for (``_Run.assign``)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.groups_in: dict[str, set[str]] = {}  # report -> the name groups with a member in it
        self.read_whole = 0  # groups read whole (``all_of``), for the log

    def holding(self, gid: str, docs: Iterable[str]) -> set[str]:
        docs = set(docs)
        missing = sorted(docs - self.groups_in.keys())
        for chunk in _chunks(missing):
            self.groups_in.update({d: set() for d in chunk})
            query = select(E.c.document_id, RM.c.group_id).join(RM, RM.c.entity_id == E.c.id)
            for doc, group in self.conn.execute(query.where(E.c.document_id.in_(chunk))):
                self.groups_in[doc].add(group)
        return {d for d in docs if gid in self.groups_in[d]}

    def looked_up(self, docs: Iterable[str]) -> set[str]:
        return {d for d in docs if d in self.groups_in}

    def all_of(self, gid: str) -> frozenset[str]:
        self.read_whole += 1
        query = select(RM.c.entity_id).where(RM.c.group_id == gid)
        return frozenset(_document(e) for e in self.conn.execute(query).scalars())


class Profiles:
    """Features of stored name groups, read on demand; those of changed groups are set directly."""

    def __init__(self, conn: Connection, lookup: StoredReports | None = None) -> None:
        self.conn = conn
        self.lookup = lookup or StoredReports(conn)
        self.feats: dict[str, Features] = {}
        self.rows: dict[str, tuple[Features, str, list[str]]] = {}  # own features, reading, namesakes

    def load(self, gids: Iterable[str]) -> None:
        missing = [g for g in dict.fromkeys(gids) if g not in self.feats]
        for chunk in _chunks(missing):
            query = select(RG.c.group_id, RG.c.features, RG.c.reading, RG.c.namesakes)
            query = query.where(RG.c.group_id.in_(chunk))
            for gid, text, how, namesakes in self.conn.execute(query):
                self.rows[gid] = (load_features(text, self.lookup), how, _loads(namesakes))
                self.feats[gid] = stored_features(*self.rows[gid])

    def own(self, gid: str) -> Features:
        """The features of a loaded group as far as they depend on its profile alone."""
        return dataclasses.replace(self.rows[gid][0])

    def profiles(self, gids: Iterable[str]) -> dict[str, tuple[EntityProfile, str | None]]:
        """The stored profiles, with their first report's country."""
        out = {}
        for chunk in _chunks(gids):
            query = select(RG.c.group_id, RG.c.profile).where(RG.c.group_id.in_(chunk))
            for gid, text in self.conn.execute(query):
                data = _loads(text)
                p = EntityProfile(**data["profile"])
                if "reports" in data:  # in more than FEW reports: their count
                    p.documents = Reports(gid, data["reports"], self.lookup)
                out[gid] = (p, data["country"])
        return out

    def __getitem__(self, gid: str) -> Features:
        return self.feats[gid]


def stored_features(own: Features, how: str, namesakes: list[str]) -> Features:
    """A profile's features as ``all_features`` computes them over the whole store."""
    f = dataclasses.replace(own)
    apply_reading(f, how or None)
    f.namesakes = frozenset(namesakes)
    return f


_SETS = ("forms", "short_forms", "initials", "places", "shortened", "context", "context_words", "documents",
         "roles", "scoped", "countries")


def dump_features(f: Features) -> str:
    """A profile's own features as JSON: its reports listed, or counted when more than ``FEW``."""
    skip = ("namesakes", "documents")
    data = {k.name: getattr(f, k.name) for k in dataclasses.fields(f) if k.name not in skip}
    data.update({k: sorted(data[k]) for k in _SETS if k != "documents"})
    data["people"] = [[list(p.given), p.surname, p.mononym] for p in f.people]
    if len(f.documents) > FEW:
        data["reports"] = len(f.documents)
    else:
        data["documents"] = sorted(f.documents)
    return json.dumps(data)


def _loads(text: str) -> Any:
    """JSON read by orjson (profiles are read by the thousand a run); what it refuses (a lone
    surrogate escaped in a name) by the standard library, which reads it."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def load_features(text: str, lookup: StoredReports | None = None) -> Features:
    """Features from :func:`dump_features`; counted reports are looked up in the store by ``lookup``."""
    data = _loads(text)
    count = data.pop("reports", None)
    data.update({k: frozenset(data.get(k, ())) for k in _SETS})  # 'countries' came later
    data["people"] = tuple(PersonName(tuple(g), s, m) for g, s, m in data["people"])
    f = Features(**data)
    if count is not None:
        if lookup is None:
            raise ValueError(f"{f.id}: its reports are counted; a look-up in the store is needed")
        f.documents = Reports(f.id, count, lookup)
    return f


def _groups_with(conn: Connection, keys: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """Key -> its (sort, group id) rows, sorted."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for chunk in _chunks(set(keys)):
        query = select(BK.c.key, BK.c.group_id, BK.c.sort).where(BK.c.key.in_(chunk))
        for key, gid, sort in conn.execute(query):
            out[key].append((sort, gid))
    for rows in out.values():
        rows.sort()
    return out


def _tallies(conn: Connection, keys: Iterable[str]) -> tuple[dict[str, int], dict[str, int]]:
    """How many profiles each key has (counted by the database), and for those of ``COUNTED``
    the reports they are in."""
    rows: dict[str, int] = defaultdict(int)
    reports_of: dict[str, int] = defaultdict(int)
    keys = set(keys)
    for chunk in _chunks(keys):
        query = select(BK.c.key, func.count()).where(BK.c.key.in_(chunk)).group_by(BK.c.key)
        rows.update({k: n for k, n in self_rows(conn, query)})
    total = func.sum(cast(BK.c.sort, Integer))  # summed by the database: a name's rows may be thousands
    for chunk in _chunks(k for k in keys if k[:3] in COUNTED):
        query = select(BK.c.key, total).where(BK.c.key.in_(chunk)).group_by(BK.c.key)
        reports_of.update({k: int(n or 0) for k, n in self_rows(conn, query)})
    return rows, reports_of


def _key_rows(f: Features) -> set[KeyRow]:
    """(key, group id, sort) rows of a profile: blocks, context names, words of full names, lone word."""
    rows = {(k, f.id, R.window_sort(f)) for k in R.blocking_keys(f)}
    rows |= {(HELD + w, f.id, form) for w, form in held_words(f)}
    if (word := lone_word(f)) is not None:
        rows.add((LONE + word, f.id, ""))
    return rows


def _type_rows(f: Features) -> set[KeyRow]:
    """(key, group id, '') rows of what the type reconciliation reads of a profile's own features."""
    rows = set()
    counted = set()
    if f.family == "org":
        counted.add((ORGS + f.key, f.id, str(reports(f))))
        rows |= {TAILS + parse_person(t).surname for t in person_tails(f.name)}
    if f.family == "place":
        rows.add(PLACES + f.key)
    if f.family == "person" and f.people and not f.people[0].mononym:
        p = f.people[0]
        rows |= {WORDS + w for form in f.forms for w in form.split()}
        rows |= {IN_REPORT + s for s in surnames(p)}
        if p.surname:
            rows.add(PEOPLE + p.surname)
            rows |= {SURNAMES + s for s in surnames(p)}
    if lone_person(f):
        rows.add(LONE_NAMES + f.key)
    if (key := org_shaped(f)) is not None:  # a person's name read as an organisation's by its key
        rows.add(LONE_NAMES + key)
        counted.add((SHAPED + key, f.id, str(reports(f))))
    if (k := alone_key(f)) is not None:
        rows.add(ALONE + k)
    return {(k, f.id, "") for k in rows} | counted


def _edges_of(conn: Connection, gids: Collection[str]) -> dict[Pair, tuple[float, str]]:
    """Every stored edge with a side in ``gids``."""
    out: dict[Pair, tuple[float, str]] = {}
    for chunk in _chunks(gids):
        query = select(RE.c.left_id, RE.c.right_id, RE.c.score, RE.c.reason)
        for where in (RE.c.left_id.in_(chunk), RE.c.right_id.in_(chunk)):
            out.update({(a, b): (s, r) for a, b, s, r in self_rows(conn, query.where(where))})
    return out


def _pairs_in(conn: Connection, table: Any, pairs: Collection[Pair]) -> dict[Pair, tuple[float, str]]:
    """The stored pairs (candidates or edges) among these, with score and reason, looked up by
    the pair (a lone name's side alone holds hundreds of candidates)."""
    out: dict[Pair, tuple[float, str]] = {}
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    for chunk in _chunks(pairs, 300):
        values = ", ".join(f"({mark}, {mark})" for _ in chunk)
        rows = conn.exec_driver_sql(
            f"WITH t(a, b) AS (VALUES {values}) SELECT c.left_id, c.right_id, c.score, c.reason "
            f"FROM t JOIN {table.name} c ON c.left_id = t.a AND c.right_id = t.b",
            tuple(x for p in chunk for x in p),
        )
        out.update({(a, b): (s, r) for a, b, s, r in rows})
    return out


def self_rows(conn: Connection, query: Any) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in conn.execute(query)]


def _insert(conn: Connection, table: Any, rows: Iterable[tuple[Any, ...]]) -> None:
    """Insert many rows (tuples in the table's column order) straight through the driver: the
    first resolution of a store writes hundreds of thousands of keys."""
    rows = list(rows)
    if not rows:
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    names = ", ".join(f'"{c.name}"' for c in table.columns)
    sql = f"INSERT INTO {table.name} ({names}) VALUES ({', '.join([mark] * len(table.columns))})"
    conn.exec_driver_sql(sql, rows)


def _delete(conn: Connection, table: Any, columns: tuple[str, ...], rows: Iterable[tuple[Any, ...]]) -> None:
    """Delete many rows by the values of ``columns``, straight through the driver."""
    rows = list(rows)
    if not rows:
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    where = " AND ".join(f'"{c}" = {mark}' for c in columns)
    conn.exec_driver_sql(f"DELETE FROM {table.name} WHERE {where}", rows)


def rebuild(conn: Connection, min_score: float = MIN_SCORE) -> Changes:
    """Forget what the store keeps for resolution and compute it all again (a full resolution);
    every name group is to be clustered again."""
    for table in (RM, RG, BK, RE, SN, CC, DF):  # DF: the kept report facts may be other rules'
        conn.execute(delete(table))
    conn.execute(delete(C))
    return update_index(conn, min_score)


def update_index(conn: Connection, min_score: float = MIN_SCORE) -> Changes:
    """Resolve the entities not resolved yet into what the store keeps; returns what clustering
    must redo."""
    fresh = conn.execute(select(RG.c.group_id).limit(1)).first() is None  # (a count scans them all)
    reports = list(conn.execute(select(UR.c.document_id)).scalars())
    new = _unresolved(conn, None if fresh else reports)
    _delete(conn, UR, ("document_id",), [(d,) for d in reports])  # resolved in this transaction
    if not new:
        return Changes(set())
    if fresh:
        conn.execute(delete(C))
    run = _Run(conn, min_score)
    if not run.assign(new):  # an entity older than its name group's first member: reports out of order
        log.info("resolution: a report older than resolved ones; resolving the whole store again")
        return rebuild(conn, min_score)
    return run.resolve()


def _unresolved(conn: Connection, reports: list[str] | None) -> list[Member]:
    """The entities not resolved yet, earliest first: of these reports (``unresolved_reports``: those
    stored since the last resolution), by index; of the whole store (None, or more reports than
    ``SCAN_FROM``), by a scan. The reports are named in the query: PostgreSQL plans a join with
    the list, whose statistics say it is empty, as an anti-join of every entity."""
    query = select(*_MEMBER).outerjoin(RM, RM.c.entity_id == E.c.id).where(RM.c.entity_id.is_(None))
    if reports is not None and len(reports) <= SCAN_FROM:
        if not reports:
            return []
        query = query.where(E.c.document_id.in_(reports))
    return [Member(*r) for r in conn.execute(query.order_by(E.c.doc_seq, E.c.id))]


class _Run:
    """One incremental resolution: the name groups that changed and what follows from them."""

    def __init__(self, conn: Connection, min_score: float) -> None:
        self.conn = conn
        self.min_score = min_score
        self.model = default_model()
        self.view = Profiles(conn)  # the store as it is after this run
        self.old = Profiles(conn, self.view.lookup)  # changed groups as they were (but for their reports)
        self.profiles_before = int(conn.execute(select(func.count()).select_from(RG)).scalar() or 0)
        self.touched: dict[str, str] = {}  # changed group id -> its group key
        self.created: set[str] = set()

    # -- name groups -------------------------------------------------------------------------
    def assign(self, new: list[Member]) -> bool:
        conn = self.conn
        self.facts = kept_facts(conn, dict.fromkeys(_document(m.id) for m in new))
        gkeys = {m.id: group_key(m, self.facts.get(_document(m.id))) for m in new}
        existing: dict[str, str] = {}
        for chunk in _chunks(set(gkeys.values())):
            query = select(RG.c.gkey, RG.c.group_id).where(RG.c.gkey.in_(chunk))
            existing.update(dict(self_rows(conn, query)))
        first: dict[str, tuple[int, str]] = {}
        for chunk in _chunks(set(existing.values())):
            query = select(E.c.id, E.c.doc_seq).where(E.c.id.in_(chunk))
            first.update({i: (s, i) for i, s in self_rows(conn, query)})
        rows = []
        self.joined: dict[str, list[Member]] = defaultdict(list)  # group id -> its new members, in order
        for m in new:
            gkey = gkeys[m.id]
            gid = existing.get(gkey)
            if gid is not None and gid in first and (m.doc_seq, m.id) < first[gid]:
                return False
            if gid is None:
                gid = existing[gkey] = m.id
                self.created.add(gid)
            self.touched[gid] = gkey
            self.joined[gid].append(m)
            rows.append((m.id, gid))
        _insert(conn, RM, rows)
        self.view.lookup.holding("", dict.fromkeys(_document(m.id) for m in new))  # their groups, at once
        self.old.load(self.touched.keys() - self.created)
        return True

    def _profiles(self) -> dict[str, tuple[EntityProfile, str | None]]:
        """The profiles of the changed name groups, with their first report's country. A group
        already in ``_CONTEXT_REPORTS`` reports keeps its context and titles: it gains names
        and reports; the profile of a smaller one is made again from all its members."""
        conn = self.conn
        out: dict[str, tuple[EntityProfile, str | None]] = {}
        for gid, (p, country) in self.old.profiles(self.touched.keys() - self.created).items():
            if len(p.documents) < _CONTEXT_REPORTS:
                continue
            aliases = dict.fromkeys(p.aliases)
            for m in self.joined[gid]:
                aliases.update(dict.fromkeys(a for a in json.loads(m.aliases) if a != p.name))
            new = [_document(m.id) for m in self.joined[gid]]
            documents = (p.documents.extended(new) if isinstance(p.documents, Reports)
                         else list(dict.fromkeys([*p.documents, *new])))
            profile = dataclasses.replace(p, aliases=list(aliases), documents=documents)
            if "@" not in self.touched[gid] and family(p.type) == "org":
                profile.country = B.body_country([p.name, *aliases], country)
            out[gid] = (profile, country)
        members: dict[str, list[Member]] = defaultdict(list)
        for chunk in _chunks(self.touched.keys() - out.keys()):
            query = _members_of(chunk)
            for gid, *row in conn.execute(query):
                members[gid].append(Member(*row))
        groups = {}
        for gid, ms in members.items():
            ms.sort(key=lambda x: (x.doc_seq, x.id))
            groups[self.touched[gid]] = ms
        wanted = {d for ms in groups.values()
                  for d in list(dict.fromkeys(_document(x.id) for x in ms))[:_CONTEXT_REPORTS]}
        facts = {d: f for d, f in self.facts.items() if d in wanted}
        facts.update(kept_facts(conn, wanted - facts.keys()))
        near = [n for ms in groups.values()
                if (f := facts.get(_document(ms[0].id))) and (n := f.near.get(ms[0].id))]
        heads: dict[str, str] = {}
        for chunk in _chunks(near):
            query = select(RM.c.entity_id, RM.c.group_id).where(RM.c.entity_id.in_(chunk))
            heads.update(dict(self_rows(conn, query)))
        for p in profiles(conn, groups, facts, heads):
            out[p.id] = (p, (f.country if (f := facts.get(_document(p.id))) else None))
        return out

    # -- names the tagger gave the wrong type -------------------------------------------------
    def _readings(self, own: dict[str, Features]) -> tuple[dict[str, str], set[str]]:
        """How the type reconciliation reads each profiled group (``features.reading``, '' as
        tagged), and the stored groups whose reading changes because what it reads of the others
        changed: the people of a surname, an organisation's name, the words of full names, how
        many profiles write a lone word alone. Keeps the index of what it reads up to date."""
        conn = self.conn
        old_rows: set[KeyRow] = set()
        for chunk in _chunks(own):
            query = select(BK.c.key, BK.c.group_id, BK.c.sort).where(BK.c.group_id.in_(chunk))
            old_rows |= {r for r in self_rows(conn, query) if r[0][:3] in TYPE_KEYS}
        new_rows = {row for f in own.values() for row in _type_rows(f)}
        _delete(conn, BK, ("key", "group_id", "sort"), old_rows - new_rows)
        _insert(conn, BK, new_rows - old_rows)
        affected: dict[str, set[str]] = defaultdict(set)  # prefix -> the names whose readers changed
        for k, _, _ in old_rows | new_rows:
            affected[k[:3]].add(k[3:])
        wanted = [ORGS + k for k in affected[SURNAMES] | affected[IN_REPORT]]  # one words read as surnames
        lone = affected[ORGS] | affected[WORDS] | affected[SURNAMES] | affected[ALONE] | affected[PLACES] \
            | affected[SHAPED]
        flips = self._lone_flips(lone, old_rows, new_rows)
        wanted += [p + k for k in flips for p in (LONE_NAMES, ORGS)]  # ORGS: organisations read as people
        wanted += [TAILS + k for k in affected[PEOPLE]]
        found = _groups_with(conn, wanted)
        stored = {g for rows in found.values() for _, g in rows} - own.keys()
        self.view.load(stored)
        candidates = {**{g: self.view.own(g) for g in stored}, **own}
        ctx = self._context(candidates, own)
        decided = {gid: reading(f, ctx) or "" for gid, f in candidates.items()}
        flipped = {gid for gid in stored if decided[gid] != self.view.rows[gid][1]}
        return {gid: decided[gid] for gid in (*own, *flipped)}, flipped

    def _lone_flips(self, words: set[str], old_rows: set[KeyRow], new_rows: set[KeyRow]) -> set[str]:
        """The lone words whose stored readers may read otherwise. What ``reading`` reads of the
        others for a lone word is the same for every profile writing it: whether an organisation,
        a word of a full name, a surname held or a place has that name, and whether at least
        ``DOMINANCE`` profiles write it alone, and whether as many reports write a person's name's
        organisation key as an organisation's as write it as a person's; the stored ones (thousands
        of lone 'Trump's) are read again only when one of those changes."""
        prefixes = (ORGS, WORDS, SURNAMES, ALONE, PLACES, SHAPED)
        now, now_reports = _tallies(self.conn, [p + w for w in words for p in prefixes])
        was, was_reports = defaultdict(int, now), defaultdict(int, now_reports)
        for k, _, sort in new_rows - old_rows:
            was[k] -= 1
            was_reports[k] -= int(sort) if k[:3] in COUNTED else 0
        for k, _, sort in old_rows - new_rows:
            was[k] += 1
            was_reports[k] += int(sort) if k[:3] in COUNTED else 0

        def facts(n: dict[str, int], r: dict[str, int], w: str) -> tuple[bool, ...]:
            return (*(n[p + w] > 0 for p in (ORGS, WORDS, SURNAMES, PLACES)), n[ALONE + w] >= DOMINANCE,
                    r[SHAPED + w] <= r[ORGS + w])

        return {w for w in words if facts(now, now_reports, w) != facts(was, was_reports, w)}

    def _context(self, candidates: dict[str, Features], own: dict[str, Features]) -> Reconciling:
        """What the candidates' readings read of the other profiles' own features, by indexed look-ups."""
        names = {f.key for f in candidates.values() if may_read_as_person(f)}
        tails = {parse_person(t).surname for f in candidates.values() if f.family == "org"
                 for t in person_tails(f.name)}
        lone = {f.key for f in candidates.values() if lone_person(f)}
        lone |= {k for f in candidates.values() if (k := org_shaped(f)) is not None}
        lone |= {f.key for f in candidates.values() if f.family == "org" and " " in f.key}
        found = _groups_with(self.conn, [IN_REPORT + n for n in names] + [PEOPLE + s for s in names | tails])
        gids = {g for rows in found.values() for _, g in rows}
        self.view.load(gids - own.keys())
        # of a lone word, how many profiles have each fact (thousands write 'Trump' alone): counted
        prefixes = (ORGS, WORDS, SURNAMES, ALONE, PLACES, SHAPED)
        n, reports_of = _tallies(self.conn, [p + k for k in lone for p in prefixes])

        def current(gid: str) -> Features:
            return own[gid] if gid in own else self.view.own(gid)

        ctx = Reconciling()
        readers: dict[str, list[Features]] = defaultdict(list)  # a name -> candidates it may be a surname of
        for f in candidates.values():
            if may_read_as_person(f):
                readers[f.key].append(f)
        for gid in {g for n in names for _, g in found.get(IN_REPORT + n, [])}:
            f = current(gid)
            held = surnames(f.people[0])
            # ``reads_as_person`` asks of a candidate's reports whether its name is the surname of
            # someone named in full there: only the reports the two share (a big actor's are many)
            for cand in {c.id: c for s in held for c in readers.get(s, ())}.values():
                for d in f.documents & cand.documents:
                    ctx.surnames[d] |= held
        people = {g: current(g) for s in names | tails for _, g in found.get(PEOPLE + s, [])}
        for f in people.values():
            ctx.people[f.people[0].surname].append(f.people[0])
        ctx.dominant = dominant_surnames({g: f for g, f in people.items() if f.people[0].surname in names})
        ctx.orgs = {k for k in lone if n[ORGS + k]}
        ctx.words = {k for k in lone if n[WORDS + k]}
        ctx.held = {k for k in lone if n[SURNAMES + k]}
        ctx.alone = {k: n[ALONE + k] for k in lone}
        ctx.places = {k for k in lone if n[PLACES + k]}
        ctx.org_reports = {k: reports_of[ORGS + k] for k in lone}
        ctx.shaped = {k: reports_of[SHAPED + k] for k in lone}
        return ctx

    # -- the run -----------------------------------------------------------------------------
    def resolve(self) -> Changes:
        conn = self.conn
        found = self._profiles()
        own = {gid: own_features(p) for gid, (p, _) in found.items()}
        readings, flipped = self._readings(own)
        for gid in flipped:
            own[gid] = self.view.own(gid)
        stored_own = {gid: dump_features(f) for gid, f in own.items()}  # before their types are settled
        changed = set(own)  # profiled again or read differently: compared again
        for gid, f in own.items():
            apply_reading(f, readings.get(gid) or None)
        old_rows = set()
        for chunk in _chunks(changed):
            query = select(BK.c.key, BK.c.group_id, BK.c.sort).where(BK.c.group_id.in_(chunk))
            old_rows |= {r for r in self_rows(conn, query) if r[0][:3] not in TYPE_KEYS}
        new_rows = {row for f in own.values() for row in _key_rows(f)}
        common_before = self._common(self.profiles_before)
        self._count(own)
        _delete(conn, BK, ("key", "group_id", "sort"), old_rows - new_rows)
        _insert(conn, BK, new_rows - old_rows)
        common = self._common(self.profiles_before + len(self.created))
        words = {k[len(HELD):] for k, _, _ in old_rows ^ new_rows if k.startswith(HELD)}
        namesakes = self._namesakes(words, own)
        for gid, f in own.items():
            f.namesakes = frozenset(namesakes.pop(gid, ()))
        self._store_groups(own, stored_own, found, readings)
        renamed = set(namesakes)  # stored lone words whose namesakes changed
        self.view.feats.update(own)

        before = _edges_of(conn, changed)
        grown = self._grown(own, flipped, common ^ common_before)

        new_reports = {g: frozenset(_document(m.id) for m in self.joined[g]) for g in grown}
        shares: dict[Pair, bool] = {}

        def compared(pair: Pair) -> bool:
            """Compared again: a pair of a changed group, but a grown one's with an unchanged one,
            and two grown ones' unless one's new reports are the other's too."""
            sides = [x for x in pair if x in changed]
            if len(sides) == 2 and pair[0] in grown and pair[1] in grown:
                if pair not in shares:
                    a, b = pair
                    shares[pair] = bool(own[a].documents & new_reports[b]
                                        or own[b].documents & new_reports[a])
                return shares[pair]
            return len(sides) == 2 or len(sides) == 1 and sides[0] not in grown

        fresh = self._compare(changed, old_rows, new_rows, common, compared)
        kept = {p: v for p, v in before.items() if not compared(p)}  # scored as they were, if still compared
        rescored = self._rescore(compared, renamed, common ^ common_before, common)
        gained, lost = self._shifted(changed - grown, old_rows, new_rows, common)
        for chunk in _chunks(changed):
            conn.execute(delete(RE).where(RE.c.left_id.in_(chunk)))
            conn.execute(delete(RE).where(RE.c.right_id.in_(chunk)))
        upsert = {p: v for p, v in {**rescored, **gained}.items() if p not in lost}
        kept = {p: v for p, v in kept.items() if p not in lost}
        was = {**_pairs_in(conn, RE, (lost | upsert.keys()) - before.keys()), **before}
        _delete(conn, RE, ("left_id", "right_id"), lost | upsert.keys())
        same = kept.keys() - upsert.keys()  # their shared names stay listed
        _delete(conn, SN, ("left_id", "right_id"), (before.keys() - same) | lost | upsert.keys())
        rows = {**kept, **fresh, **upsert}
        shared = {p: sensitive_names(self.view[p[0]], self.view[p[1]]) for p in rows.keys() - same}
        _insert(conn, RE, ((a, b, s, r) for (a, b), (s, r) in rows.items()))
        _insert(conn, SN, ((a, b, k) for (a, b), names in shared.items() for k in names))
        moved = {p: (was.get(p), rows.get(p)) for p in was.keys() | rows.keys() if was.get(p) != rows.get(p)}
        settled = self._settle(changed, flipped, {**{p: rows[p] for p in kept}, **fresh}, moved, renamed)
        log.info("resolution: %d name groups in more than %d reports read whole",
                 self.view.lookup.read_whole, FEW)
        return self._changes(changed, flipped, settled)

    def _grown(self, own: dict[str, Features], flipped: set[str], turned: frozenset[str]) -> set[str]:
        """The stored groups that only gained reports: the same features but their reports, the
        same reading and namesakes, no context name that turned common (or stopped being). A pair
        of one with a group this run does not change scores as it did (the pair model reads two
        profiles' reports only for whether they share one, and the new reports are neither's), so
        it is not compared again: what grows with the store is the windows of the groups that
        gain reports (a big actor's name, in every batch), not of the new ones."""
        out = set()
        for gid in self.touched.keys() - self.created - flipped:
            now, was = (dataclasses.replace(f, documents=frozenset()) for f in (own[gid], self.old[gid]))
            if now == was and not (now.context | now.context_words) & turned:
                out.add(gid)
        return out

    def _changes(self, changed: set[str], flipped: set[str],
                 pairs: dict[Pair, tuple[float | None, float | None]]) -> Changes:
        """What clustering must redo: the components of the groups whose strong pairs (at or over
        ``THRESHOLD``) or whose traits (``cluster_traits``) changed.

        A group that only gained members keeps its place: its new members follow its head. A new
        group whose strong pairs all lead into one actor (or to new groups that do: the same new
        name in two reports of a batch, :mod:`claimgraph.store.leaves`), with no trait that may refuse a merge
        (given names, a state body's country), no judgement on it or on that actor, and, for a
        place's or an organisation's name, an actor whose members are all of its type family (a
        name of either type joins no other family then, nor changes what the actor may join), joins that
        actor whatever the order of the merges (clustering the component again gives the rest
        what it had: every merge inside one actor was allowed, and a merge refused stays refused),
        with the widest of its pairs' confidences, as long as it gives none of its partners a
        wider path (else the confidences around it change: the component is clustered again)."""
        conn = self.conn
        strong = {p for p, (old, new) in pairs.items()
                  if old != new and max(old or 0.0, new or 0.0) >= THRESHOLD}
        named = {x for pair in judgements_in_force(conn) for x in pair}
        judged: set[str] = set()  # name groups a judgement names a member of, and the actors of those
        for chunk in _chunks(named):
            judged |= set(conn.execute(select(RM.c.group_id).where(RM.c.entity_id.in_(chunk))).scalars())
            judged |= set(conn.execute(select(E.c.canonical_id).where(E.c.id.in_(chunk))).scalars())
        follow: dict[str, tuple[str, float]] = {}
        for gid in changed - self.created - flipped - judged:
            if cluster_traits(self.old[gid]) == cluster_traits(self.view[gid]):
                follow[gid] = (gid, 1.0)
        partners: dict[str, list[tuple[str, float]]] = defaultdict(list)  # a new group -> its strong pairs
        for chunk in _chunks(self.created - judged):
            for mine, other in ((C.c.left_id, C.c.right_id), (C.c.right_id, C.c.left_id)):
                query = select(mine, other, C.c.score).where(mine.in_(chunk), C.c.score >= THRESHOLD)
                for gid, partner, score in self_rows(conn, query):
                    partners[gid].append((partner, score))
        state: dict[str, tuple[str, float]] = {}  # a partner -> its graph id and confidence now
        for chunk in _chunks({p for found in partners.values() for p, _ in found} - self.created):
            query = select(E.c.id, E.c.canonical_id, E.c.confidence).where(E.c.id.in_(chunk))
            state.update({i: (cid, conf) for i, cid, conf in self_rows(conn, query)})
        single: dict[str, bool] = {}  # an actor -> whether all its members are of one type family

        def fits(gid: str, actor: str) -> bool:
            # pairs join one type family only, but places' and organisations' names of either type
            # (``cluster_traits``): an actor of one family keeps it whatever the order of its merges
            kind = self.view[gid].family
            return actor not in judged and (kind not in ("org", "place")
                                            or single.setdefault(actor, self._one_family(actor, kind)))

        plain = {g: found for g, found in partners.items()
                 if not any(cluster_traits(self.view[g])[1:3])}  # no state country, no given names
        placed, leaves = place_leaves(plain, state, fits)
        follow.update(placed)
        seeds = (changed - follow.keys()) | {x for p in strong - leaves for x in p}
        log.info("resolution: %d name groups to cluster again, %d follow their place",
                 len(seeds), len(follow))
        followers = {g: v for g, v in follow.items() if g not in seeds}
        return Changes(seeds, followers, {g: [m.id for m in self.joined[g]] for g in followers})

    def _one_family(self, actor: str, kind: str) -> bool:
        """Whether an actor of an organisation's or a place's names holds only that family: no
        member tagged a place in an organisation's, only members tagged places in a place's. (A
        member tagged a person in an organisation's actor is read as one: a person and an
        organisation are never merged but by a judgement, and judged actors are not asked.)"""
        query = select(E.c.type).where(E.c.canonical_id == actor).distinct()
        places = [family(t) == "place" for t in self.conn.execute(query).scalars()]
        return not any(places) if kind == "org" else all(places)

    def _common(self, profiles: int) -> frozenset[str]:
        query = select(CC.c.key).where(CC.c.n > threshold_of(profiles))
        return frozenset(self.conn.execute(query).scalars())

    def _count(self, own: dict[str, Features]) -> None:
        """Count the changed profiles' context names again."""
        delta: dict[str, int] = defaultdict(int)
        for gid, f in own.items():
            if gid in self.old.feats:
                for k in self.old[gid].context | self.old[gid].context_words:
                    delta[k] -= 1
            if gid in self.touched:  # not just read as a person or not: that keeps the context
                for k in f.context | f.context_words:
                    delta[k] += 1
        delta = {k: d for k, d in delta.items() if d}
        have: dict[str, int] = {}
        for chunk in _chunks(delta):
            have.update(dict(self_rows(self.conn, select(CC.c.key, CC.c.n).where(CC.c.key.in_(chunk)))))
        counts = {k: have.get(k, 0) + d for k, d in delta.items()}
        mark = "?" if self.conn.dialect.paramstyle == "qmark" else "%s"
        kept = [(n, k) for k, n in counts.items() if k in have and n > 0]
        if kept:
            self.conn.exec_driver_sql(f"UPDATE {CC.name} SET n = {mark} WHERE key = {mark}", kept)
        _delete(self.conn, CC, ("key",), [(k,) for k, n in counts.items() if k in have and n <= 0])
        _insert(self.conn, CC, [(k, n) for k, n in counts.items() if k not in have and n > 0])

    def _namesakes(self, words: set[str], own: dict[str, Features]) -> dict[str, list[str]]:
        """Namesakes of the changed lone words, and of the stored ones whose full names changed.
        Every stored profile of a lone word holds the word's namesakes as they were, so a word's
        stored profiles (one per report that writes 'Trump' alone) are read only when the first
        of them differs from what the word's namesakes are now."""
        lone = {gid: w for gid, f in own.items() if (w := lone_word(f)) is not None}
        holders: dict[str, list[str]] = {}

        def holders_of(w: str) -> list[str]:
            if w not in holders:
                query = select(BK.c.sort).where(BK.c.key == HELD + w).distinct()
                holders[w] = list(self.conn.execute(query.order_by(BK.c.sort).limit(NAMESAKES_CAP)).scalars())
            return holders[w]

        stored: set[str] = set()
        for key, rows in _groups_with(self.conn, [LONE + w for w in words]).items():
            gids = [g for _, g in rows if g not in own]
            if gids:
                self.view.load(gids[:1])
                if self.view.rows[gids[0]][2] != holders_of(key[len(LONE):]):
                    stored.update(gids)
        self.view.load(stored)
        lone.update({g: w for g in stored if (w := lone_word(self.view[g])) is not None})
        for w in set(lone.values()):
            holders_of(w)
        out = {gid: holders[w] for gid, w in lone.items() if gid in own}
        for gid in stored:
            if gid in lone and holders[lone[gid]] != self.view.rows[gid][2]:
                out[gid] = holders[lone[gid]]
                self.view.feats[gid].namesakes = frozenset(out[gid])
                values = {"namesakes": json.dumps(out[gid])}
                self.conn.execute(update(RG).where(RG.c.group_id == gid).values(**values))
        return out

    def _store_groups(self, own: dict[str, Features], stored_own: dict[str, str],
                      found: dict[str, tuple[EntityProfile, str | None]], readings: dict[str, str]) -> None:
        for gid, f in own.items():
            if gid not in found:  # read as another type or not, and nothing else changed
                values = {"reading": readings.get(gid, ""), "namesakes": json.dumps(sorted(f.namesakes))}
                self.conn.execute(update(RG).where(RG.c.group_id == gid).values(**values))
        for chunk in _chunks(found.keys() - self.created):
            self.conn.execute(delete(RG).where(RG.c.group_id.in_(chunk)))
        rows = []
        for gid, (p, country) in found.items():
            fields = {k.name: getattr(p, k.name) for k in dataclasses.fields(p)}
            stored: dict[str, Any] = {"profile": fields, "country": country}
            if len(p.documents) > FEW:  # counted, not listed (``Profiles.profiles`` looks them up)
                fields["documents"], stored["reports"] = [], len(p.documents)
            else:
                fields["documents"] = list(p.documents)
            profile = json.dumps(stored)
            row = {"group_id": gid, "gkey": self.touched[gid], "profile": profile,
                   "features": stored_own[gid],
                   "reading": readings.get(gid, ""), "namesakes": json.dumps(sorted(own[gid].namesakes))}
            rows.append(tuple(row[c.name] for c in RG.columns))
        _insert(self.conn, RG, rows)

    # -- pairs -------------------------------------------------------------------------------
    def _score(self, pairs: Iterable[Pair], common: frozenset[str]) -> dict[Pair, tuple[float, str]]:
        pairs = list(pairs)
        self.view.load(x for p in pairs for x in p)
        out = {}
        for a, b in pairs:
            scored = R.score_pair(self.view[a], self.view[b], common, self.model)
            if scored:
                out[(a, b)] = scored
        return out

    def _compare(self, changed: set[str], old_rows: set[KeyRow], new_rows: set[KeyRow],
                 common: frozenset[str], compared: Callable[[Pair], bool]) -> dict[Pair, tuple[float, str]]:
        """The changed profiles against their blocks' members (a big block: its window), read
        near the changed members' rows, before and after (:mod:`claimgraph.store.blocks`); only
        the pairs ``compared`` says change."""
        anchors: dict[str, set[blocks.Row]] = defaultdict(set)
        for k, g, s in old_rows | new_rows:
            if not k.startswith("~"):
                anchors[k].add((s, g))
        self.blocks = blocks.read(self.conn, anchors)
        pairs: set[Pair] = set()
        for key in {k for k, _, _ in new_rows if not k.startswith("~")}:
            pairs |= blocks.pairs_of(self.blocks[key], changed)
        return self._score((p for p in pairs if compared(p)), common)

    def _rescore(self, compared: Callable[[Pair], bool], renamed: set[str], flipped_common: frozenset[str],
                 common: frozenset[str]) -> dict[Pair, tuple[float, str]]:
        """Stored pairs not compared again whose score moves: a lone word's namesakes changed,
        or a name of the company both keep became common or stopped being."""
        pairs = set(_edges_of(self.conn, renamed))
        if flipped_common:  # the pairs a flip can move, by index (``sensitive_names``)
            log.info("resolution: %d context names turned common or stopped being", len(flipped_common))
            for chunk in _chunks(flipped_common):
                query = select(SN.c.left_id, SN.c.right_id).where(SN.c.name.in_(chunk))
                pairs |= {(a, b) for a, b in self_rows(self.conn, query)}
        return self._score((p for p in pairs if not compared(p)), common)

    def _shifted(self, changed: set[str], old_rows: set[KeyRow], new_rows: set[KeyRow],
                 common: frozenset[str]) -> tuple[dict[Pair, tuple[float, str]], set[Pair]]:
        """Pairs of unchanged profiles (and of groups that only gained reports, whose rows stay
        put) a big block's window gains or loses as the ``changed`` members come and go."""
        gained: set[Pair] = set()
        lost: set[Pair] = set()
        before_of: dict[str, list[blocks.Row]] = defaultdict(list)
        for k, g, s in old_rows:
            if g in changed:
                before_of[k].append((s, g))
        keys = {k for k, _, _ in old_rows | new_rows if not k.startswith("~")}
        for key in keys:
            was, now = blocks.shifts(self.blocks[key], before_of.get(key, []), changed)
            gained |= now - was
            lost |= was - now
        if lost:  # still compared in another block of the two?
            stored = _pairs_in(self.conn, RE, lost)
            lost = {p for p in lost if p in stored}
            lost -= self._compared(lost)
        return self._score(gained, common), lost

    def _compared(self, pairs: Collection[Pair]) -> set[Pair]:
        """The pairs still compared in a block of the two: a small one, or near in a big one."""
        self.view.load(x for p in pairs for x in p)
        shared = {(a, b): set(R.blocking_keys(self.view[a])) & set(R.blocking_keys(self.view[b])) for a, b in pairs}
        missing = {k for keys in shared.values() for k in keys} - self.blocks.keys()
        self.blocks.update(blocks.read(self.conn, {k: () for k in missing}))
        positions = {k: {g: i for i, (_, g) in enumerate(self.blocks[k].rows)}
                     for keys in shared.values() for k in keys if self.blocks[k].whole}
        out: set[Pair] = set()
        asks: list[tuple[Pair, tuple[str, blocks.Row, blocks.Row]]] = []
        for (a, b), keys in shared.items():
            for k in sorted(keys):
                if k not in positions:
                    row_a, row_b = (R.window_sort(self.view[a]), a), (R.window_sort(self.view[b]), b)
                    asks.append(((a, b), (k, row_a, row_b)))
                elif a in positions[k] and b in positions[k]:
                    if len(positions[k]) <= R.MAX_BLOCK or abs(positions[k][a] - positions[k][b]) <= R.WINDOW:
                        out.add((a, b))
        asks = [(p, ask) for p, ask in asks if p not in out]
        near = blocks.within(self.conn, (ask for _, ask in asks), R.WINDOW)
        return out | {p for (p, _), yes in zip(asks, near, strict=True) if yes}

    # -- partial names and candidates --------------------------------------------------------
    def _settle(self, changed: set[str], flipped: set[str], fresh: dict[Pair, tuple[float, str]],
                moved: dict[Pair, tuple[tuple[float, str] | None, tuple[float, str] | None]],
                renamed: set[str]) -> dict[Pair, tuple[float | None, float | None]]:
        """Settle again the partial names whose settling may change; store the candidate pairs
        that change. Returns those pairs with their score before and after (None: absent).

        A partial name is settled from its own profile, its pairs, what its full names are (type,
        name, given names, reports) and, for an organisation's short name, the pairs between its
        full names. So it is settled again when it changed (``changed``), a pair of its changed
        (``moved``), or one of its full names changed: in what it is (a new group, read as
        another type, another name or given names), or in its reports alone, which only the
        choice by the dominant full name counts (not the full name written nearest before it,
        nor the report's only one: their pairs say so), or when a pair of two of an
        organisation's full names changed, or its namesakes did (``renamed``: other people's full
        names holding the lone word, which may make it ambiguous, :func:`partial._only_full_name`).
        ``fresh`` holds every pair of the changed groups."""
        conn = self.conn
        self.view.load(x for p in (*fresh, *moved) for x in p)
        reshaped = self.created | flipped | {
            g for g in changed - self.created - flipped if _shape(self.old[g]) != _shape(self.view[g])}

        def split(pair: Pair, reason: str) -> tuple[Features, Features] | None:
            return partial_link(self.view[pair[0]], self.view[pair[1]], reason)

        shorts: set[str] = set(renamed)
        grown: dict[Pair, str] = {}  # pairs of a full name that only gained reports -> the partial name
        for pair, (_s, reason) in fresh.items():
            if (sides := split(pair, reason)) is None:
                continue
            short, full = sides
            if short.id in changed or full.id in reshaped:
                shorts.add(short.id)
            elif full.id in changed and short.family == "person" and short.documents:
                grown[pair] = short.id
        linked: set[str] = set()  # organisations' full names whose link to each other changed
        for pair, values in moved.items():
            for value in values:
                if value is None:
                    continue
                if (sides := split(pair, value[1])) is not None:
                    shorts.add(sides[0].id)
                elif (self.view[pair[0]].family != "person" and value[0] >= LINKED
                      and self.view[pair[0]].key != self.view[pair[1]].key):  # one name: one actor anyway
                    linked.update(pair)
        settled_by = _pairs_in(conn, C, grown)  # a pair absent (under MIN_SCORE) says nothing
        same_choice = self._same_choice(grown, settled_by)
        shorts |= {short for pair, short in grown.items() if short not in same_choice
                   and (pair not in settled_by or not settled_by[pair][1].endswith(_COUNTLESS))}
        if linked:
            around = _edges_of(conn, linked)
            self.view.load(x for p in around for x in p)
            shorts |= {sides[0].id for p, (_s, r) in around.items()
                       if (sides := split(p, r)) is not None and sides[1].id in linked}
        found = _edges_of(conn, shorts)
        self.view.load(x for p in found for x in p)
        fulls = set()  # an organisation's full names: two matched to each other may be one actor
        for pair, (_s, reason) in found.items():
            sides = split(pair, reason)
            if sides and sides[0].id in shorts and sides[0].family != "person":
                fulls.add(sides[1].id)
        for chunk in _chunks(fulls):
            query = select(RE.c.left_id, RE.c.right_id, RE.c.score, RE.c.reason)
            query = query.where(RE.c.left_id.in_(chunk))
            found.update({(a, b): (s, r) for a, b, s, r in self_rows(conn, query) if b in fulls})
        self.view.load(x for p in found for x in p)
        raw = dict(found)
        log.info("resolution: %d partial names settled again over %d pairs (%d pairs changed)",
                 len(shorts), len(found), len(moved))
        settle_partial_names(found, self.view.feats)
        settled: dict[Pair, tuple[float, str]] = {}
        for pair, value in found.items():
            sides = split(pair, raw[pair][1])
            if sides is not None and sides[0].id in shorts:
                settled[pair] = value
        for pair, (_old, now) in moved.items():
            if now is not None and split(pair, now[1]) is None:
                settled[pair] = now
        wanted = settled.keys() | moved.keys()
        have = _pairs_in(conn, C, wanted)
        new = {p: (round(s, 3), r) for p, (s, r) in settled.items() if s >= self.min_score}
        stale = [p for p in have if p not in new or new[p] != have[p]]
        _delete(conn, C, ("left_id", "right_id"), stale)
        added = {p: v for p, v in new.items() if have.get(p) != v}
        if added:
            graph: dict[str, str] = {}
            for chunk in _chunks({x for p in added for x in p}):
                graph.update(dict(self_rows(conn, select(E.c.id, E.c.canonical_id).where(E.c.id.in_(chunk)))))
            _insert(conn, C, ((a, b, s, r, graph.get(a), graph.get(b)) for (a, b), (s, r) in added.items()))
        log.info("resolution: %d candidate pairs changed", len(set(stale) | set(added)))
        return {p: (have[p][0] if p in have else None, new[p][0] if p in new else None)
                for p in (*stale, *added)}

    def _same_choice(self, grown: dict[Pair, str], settled_by: dict[Pair, tuple[float, str]]) -> set[str]:
        """The partial names that settling again would settle as they are, of the pairs of a
        person's surname alone (unchanged) and one of its full names that only gained reports
        (``grown``: pair -> the surname; ``settled_by``: their stored candidates), joined as the
        dominant full name's actor (``partial.BY_DOMINANT``). When that
        full name is the only one of the surname's that changed, the choice is the same
        (:func:`partial._surname_choice`): the full name written nearest before it and the
        report's full names are the pairs' and reports' as they were (the new reports are not
        the surname's), and of the report counts only this full name's grew, so the dominant one
        stays, with the same rivals, unless this one overtakes it. The full names joined so are
        the surname's candidates with that reason (each scores at least ``DOMINANT``); the one
        that dominated is the greatest by (reports, id). Spares reading every pair of the lone
        names of a big actor that gains reports in every batch (its namesakes' pairs, at 10k
        3,757 pairs of 190 partial names, 158 of them settled so)."""
        if self.min_score > DOMINANT:  # the candidates would not list them all
            return set()
        changed_fulls = Counter(grown.values())
        new_reports = {_document(m.id) for ms in self.joined.values() for m in ms}
        dominant = {p: s for p, s in grown.items()
                    if p in settled_by and settled_by[p][1].endswith(BY_DOMINANT)
                    and changed_fulls[s] == 1 and not self.view[s].documents & new_reports}
        joined: dict[str, list[str]] = defaultdict(list)  # a surname -> the full names joined to it
        for chunk in _chunks(set(dominant.values())):
            for mine, other in ((C.c.left_id, C.c.right_id), (C.c.right_id, C.c.left_id)):
                by_dominant = C.c.reason.endswith(BY_DOMINANT, autoescape=True)
                query = select(mine, other).where(mine.in_(chunk), by_dominant)
                for short, full in self_rows(self.conn, query):
                    joined[short].append(full)
        self.view.load(f for fulls in joined.values() for f in fulls)
        out = set()
        for (a, b), short in dominant.items():
            full = b if a == short else a
            others = [(len(self.view[f].documents), f) for f in joined[short] if f != full]
            before, now = (len(self.old[full].documents), full), (len(self.view[full].documents), full)
            if not others or before > max(others) or now < max(others):  # the one that dominates stays
                out.add(short)
        return out


def _shape(f: Features) -> tuple[Any, ...]:
    """What settling a partial name reads of a full name but its reports (``partial``)."""
    return f.family, f.key, f.people, f.short_forms


# reasons of a partial name settled by what its report says, whatever the full names' report counts
_COUNTLESS = ("the full name written nearest before it in the report",
              "the report's only full name with this surname")


@dataclasses.dataclass
class Changes:
    """What a resolution changed: the name groups whose components are clustered again, and the
    groups that follow another's place (group -> (group whose head it follows, the most its
    confidence may be)), as :func:`claimgraph.store.resolution.recluster` applies them."""

    groups: set[str]
    follow: dict[str, tuple[str, float]] = dataclasses.field(default_factory=dict)
    joined: dict[str, list[str]] = dataclasses.field(default_factory=dict)  # a follower's new members


# -- clustering the components -------------------------------------------------------------
@dataclasses.dataclass
class Component:
    """Connected components of name groups: their profile ids, features and candidate pairs, and
    whether a judgement names one of their members."""

    heads: set[str]
    features: dict[str, Features]
    candidates: list[tuple[str, str, float]]
    judged: bool


def components(
    conn: Connection, seeds: Collection[str], threshold: float, judged: list[tuple[str, str, str]]
) -> Component:
    """The connected components (candidates at or over ``threshold``, 'same' judgements) that
    hold the name groups ``seeds``."""
    group: dict[str, str] = {}
    for chunk in _chunks({x for a, b, _ in judged for x in (a, b)}):
        query = select(RM.c.entity_id, RM.c.group_id).where(RM.c.entity_id.in_(chunk))
        group.update(dict(self_rows(conn, query)))
    linked: dict[str, set[str]] = defaultdict(set)
    for a, b, j in judged:
        if j == "same" and a in group and b in group:
            linked[group[a]].add(group[b])
            linked[group[b]].add(group[a])
    seen = set(seeds)
    frontier = set(seeds)
    while frontier:
        nxt: set[str] = set()
        for chunk in _chunks(frontier):
            for mine, other in ((C.c.left_id, C.c.right_id), (C.c.right_id, C.c.left_id)):
                strong = select(other).where(mine.in_(chunk), C.c.score >= threshold)
                nxt |= set(conn.execute(strong).scalars())
        for g in frontier:
            nxt |= linked.get(g, set())
        frontier = nxt - seen
        seen |= frontier
    log.info("resolution: the components of %d name groups hold %d", len(seeds), len(seen))
    view = Profiles(conn)
    view.load(seen)
    candidates: list[tuple[str, str, float]] = []
    for chunk in _chunks(seen):
        query = select(C.c.left_id, C.c.right_id, C.c.score).where(C.c.left_id.in_(chunk))
        candidates += [(a, b, s) for a, b, s in self_rows(conn, query) if b in seen]
    candidates.sort(key=lambda t: (t[0], t[1]))
    touched = any(group.get(x) in seen for a, b, _ in judged for x in (a, b))
    return Component(seen, {g: view[g] for g in seen if g in view.feats}, candidates, touched)


def members(conn: Connection, heads: Collection[str]) -> tuple[list[Member], dict[str, list[Member]]]:
    """Every member of these name groups, earliest first, and by group."""
    out: list[Member] = []
    by_group: dict[str, list[Member]] = defaultdict(list)
    for chunk in _chunks(heads):
        for gid, *row in conn.execute(_members_of(chunk)):
            m = Member(*row)
            out.append(m)
            by_group[gid].append(m)
    out.sort(key=lambda x: (x.doc_seq, x.id))
    for ms in by_group.values():
        ms.sort(key=lambda x: (x.doc_seq, x.id))
    return out, dict(by_group)


def head_members(conn: Connection, heads: Collection[str]) -> list[Member]:
    """The first member of each of these name groups, earliest first."""
    out: list[Member] = []
    for chunk in _chunks(heads):
        out += [Member(*row) for row in conn.execute(select(*_MEMBER).where(E.c.id.in_(chunk)))]
    return sorted(out, key=lambda x: (x.doc_seq, x.id))


def regroup_groups(conn: Connection, targets: dict[str, tuple[str, float]]) -> tuple[int, set[str]]:
    """Give every member of each name group its head's graph id and confidence (what clustering
    the members gives when no judgement names them: each hangs on its head by an exact name).
    Returns how many entities changed, and those whose graph id changed."""
    moved: set[str] = set()
    changed = 0
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    for chunk in _chunks(targets.items(), 300):
        rows = [(g, cid, conf) for g, (cid, conf) in chunk]
        values = ", ".join(f"({mark}, {mark}, {mark})" for _ in rows)
        flat = tuple(x for row in rows for x in row)
        found = conn.exec_driver_sql(
            f"WITH t(gid, cid, conf) AS (VALUES {values}) "
            f"SELECT e.id, e.canonical_id = t.cid FROM t JOIN {RM.name} m ON m.group_id = t.gid "
            f"JOIN {E.name} e ON e.id = m.entity_id "
            f"WHERE e.canonical_id <> t.cid OR abs(e.confidence - t.conf) > 1e-9",
            flat,
        ).all()
        changed += len(found)
        moved |= {i for i, same in found if not same}
        ids = {i for i, _ in found}
        if ids:
            target_of = {}
            for chunk_ids in _chunks(ids):
                query = select(RM.c.entity_id, RM.c.group_id).where(RM.c.entity_id.in_(chunk_ids))
                target_of.update({i: targets[g] for i, g in self_rows(conn, query)})
            conn.exec_driver_sql(
                f"UPDATE {E.name} SET canonical_id = {mark}, confidence = {mark} WHERE id = {mark}",
                [(cid, conf, i) for i, (cid, conf) in target_of.items()],
            )
    return changed, moved


def follow(conn: Connection, followers: dict[str, tuple[str, float]], joined: dict[str, list[str]]
           ) -> tuple[int, set[str]]:
    """Give the new members of each of these name groups (``joined``: its other members have
    their place already) the graph id of the head they follow and its confidence, at most the
    given one (see :meth:`_Run._changes`). Returns how many entities changed, and those whose
    graph id changed."""
    leaders: dict[str, tuple[str, float]] = {}
    for chunk in _chunks({leader for leader, _ in followers.values()}):
        query = select(E.c.id, E.c.canonical_id, E.c.confidence).where(E.c.id.in_(chunk))
        leaders.update({i: (cid, conf) for i, cid, conf in self_rows(conn, query)})
    target = {}
    for gid, (leader, most) in followers.items():
        cid, conf = leaders[leader]
        target.update({m: (cid, min(conf, most)) for m in joined[gid]})
    changes: list[tuple[str, float, str]] = []
    moved: set[str] = set()
    for chunk in _chunks(target):
        query = select(E.c.id, E.c.canonical_id, E.c.confidence).where(E.c.id.in_(chunk))
        for i, cid, conf in self_rows(conn, query):
            new_cid, new_conf = target[i]
            if cid != new_cid or abs(conf - new_conf) > 1e-9:
                changes.append((new_cid, new_conf, i))
            if cid != new_cid:
                moved.add(i)
    if changes:
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        sql = f"UPDATE {E.name} SET canonical_id = {mark}, confidence = {mark} WHERE id = {mark}"
        conn.exec_driver_sql(sql, changes)
    return len(changes), moved

