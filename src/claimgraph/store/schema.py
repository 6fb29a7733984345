"""The store's tables, as SQLAlchemy Core metadata: what every query in the package is written against.

The migrations in ``migrations/versions`` create the same tables; this module is the query-side mirror
and must stay equal to the newest migration (``tests/store/test_migrations.py`` checks that).

Ids: documents keep their content-derived id; entities, quotes and claims are namespaced with it
(``<document id>:e1``). ``entities.canonical_id`` is the graph id an entity is resolved to: the id of
one member of its group, so a graph id is always also a member id that judgements can name.
Rows that name a member also carry its graph id (the ``*_gid`` / ``graph_id`` columns, migration
0002), kept equal to ``canonical_id`` by :mod:`claimgraph.store.graph_ids`, so the views filter
on one indexed column rather than on a graph entity's thousands of members.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

metadata = MetaData()

# Rows listed newest report first carry their report's date and ingest order (documents never
# change either), so an index walks an actor's thousands of rows in that order and stops after
# the few shown, instead of looking up every report to sort them (migration 0008).
NEWEST = ("doc_published", "doc_seq")

documents = Table(
    "documents",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # ingest order; the FTS rowid
    Column("id", String(64), nullable=False, unique=True),
    Column("url", Text),
    Column("source", Text),
    Column("title", Text),
    Column("authors", Text),  # JSON list
    Column("publisher", Text),
    Column("published", String(40)),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Column("current", Boolean, nullable=False, default=True),  # False once a newer text of the url is in
    Column("added_at", String(40), nullable=False),
    Index("ix_documents_url", "url"),
    Index("ix_documents_published", "published"),
    # covering (0003): lists keep current reports and rank them by date from the index alone
    Index("ix_documents_listing", "id", "current", "published", "seq"),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(100), primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("doc_seq", Integer, nullable=False),  # the document's ingest order: picks stable canonical ids
    Column("name", Text, nullable=False),
    Column("type", String(40), nullable=False),
    Column("key", Text, nullable=False),  # normalised name + type: the exact-match blocking key
    Column("aliases", Text, nullable=False),  # JSON list
    Column("canonical_id", String(100), nullable=False),
    Column("confidence", Float, nullable=False, default=1.0),
    Column("doc_published", String(40)),  # the report's date (0008): an actor's reports, newest first
    Index("ix_entities_document", "document_id"),
    # covering: the reports of a graph entity's members come from the index alone
    Index("ix_entities_canonical", "canonical_id", "document_id", "id"),
    Index("ix_entities_key", "key", "doc_seq"),
    # covering (0003): a graph entity's member types are counted, its first members listed, from it
    Index("ix_entities_members", "canonical_id", "doc_seq", "type", "id", "document_id"),  # + id, report (0008)
    Index("ix_entities_reports", "canonical_id", *NEWEST, "document_id"),  # newest first (0008)
)

names = Table(
    "names",
    metadata,
    Column("entity_id", String(100), ForeignKey("entities.id"), nullable=False),
    Column("norm", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("graph_id", String(100)),  # the entity's graph id
    Index("ix_names_norm", "norm", "graph_id"),  # covering since 0004: graph entities by name
    Index("ix_names_entity", "entity_id", "name"),  # covering since 0008: examples of an actor's names
    Index("ix_names_graph", "graph_id", "norm", "name"),  # covering since 0003: an actor's names
)

mentions = Table(
    "mentions",
    metadata,
    Column("entity_id", String(100), ForeignKey("entities.id"), nullable=False),
    Column("document_id", String(64), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_mentions_entity", "entity_id"),
    Index("ix_mentions_document", "document_id", "start"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # the FTS rowid
    Column("id", String(100), nullable=False, unique=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("speaker_id", String(100)),  # member entity id
    Column("speaker_text", Text),
    Column("cue", Text),
    Column("sentence_start", Integer),
    Column("sentence_end", Integer),
    Column("speaker_gid", String(100)),  # the speaker's graph id
    Column("doc_published", String(40)),  # the report's date and ingest order (0008), for NEWEST
    Column("doc_seq", Integer),
    Index("ix_quotes_document", "document_id", "start"),
    Index("ix_quotes_speaker", "speaker_id"),
    Index("ix_quotes_speaker_gid", "speaker_gid", *NEWEST, "start", "id", "document_id"),  # newest first since 0008
    # covering (0003): "quotes about X" ranks its quotes without reading their text
    Index("ix_quotes_listing", "id", "speaker_gid", "document_id", "start"),
)

# Which entities each quote mentions, worked out once when the report is stored, so "quotes
# about X" is an index lookup rather than a range join of mentions against quotes.
quote_mentions = Table(
    "quote_mentions",
    metadata,
    Column("quote_id", String(100), ForeignKey("quotes.id"), nullable=False),
    Column("entity_id", String(100), ForeignKey("entities.id"), nullable=False),
    Column("graph_id", String(100)),  # the entity's graph id
    Column("doc_published", String(40)),  # the quote's report's date and ingest order, and the
    Column("doc_seq", Integer),  # quote's place in it (0008): "quotes about X", newest first
    Column("quote_start", Integer),
    Index("ix_quote_mentions_entity", "entity_id"),
    Index("ix_quote_mentions_quote", "quote_id"),
    Index("ix_quote_mentions_graph", "graph_id", *NEWEST, "quote_start", "quote_id"),  # newest first since 0008
)

# what claims are counted and ranked by, after the graph id they are looked up by (0008)
_SAID = ("kind", "predicate", "unit", "modality", "qualifier", "value", "high", "document_id", "start", "id")
CLAIMS_SUBJECT = ("subject_gid", "object_gid", *_SAID)
CLAIMS_OBJECT = ("object_gid", "subject_gid", *_SAID)
CLAIMS_ATTRIBUTED = ("attributed_gid", "subject_gid", "object_gid", *_SAID)

claims = Table(
    "claims",
    metadata,
    Column("id", String(100), primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("kind", String(16), nullable=False),  # relation | quantity
    Column("subject_id", String(100), nullable=False),
    Column("predicate", String(60), nullable=False),  # relation predicate or quantity property
    Column("object_id", String(100)),
    Column("value", Float),
    Column("high", Float),
    Column("unit", Text),
    Column("qualifier", String(20)),
    Column("modality", String(16), nullable=False),
    Column("attributed_id", String(100)),
    Column("evidence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("subject_gid", String(100)),  # graph ids of subject, object and source
    Column("object_gid", String(100)),
    Column("attributed_gid", String(100)),
    Index("ix_claims_subject", "subject_id"),
    Index("ix_claims_object", "object_id"),
    Index("ix_claims_attributed", "attributed_id"),
    Index("ix_claims_document", "document_id"),
    # covering since 0008: an actor's claims are counted by what they say and ranked by report
    # and position from these alone (see samples.sample_claims, queries.claim_shapes)
    Index("ix_claims_subject_gid", *CLAIMS_SUBJECT),
    Index("ix_claims_object_gid", *CLAIMS_OBJECT),
    Index("ix_claims_attributed_gid", *CLAIMS_ATTRIBUTED),
)

judgements = Table(
    "judgements",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # the newest edge of a pair wins
    Column("left_id", String(100), nullable=False),
    Column("right_id", String(100), nullable=False),
    Column("judgement", String(10), nullable=False),  # same | different | unsure
    Column("user", String(100), nullable=False),
    Column("created_at", String(40), nullable=False),
    Index("ix_judgements_pair", "left_id", "right_id"),
    Index("ix_judgements_right", "right_id"),
)

candidates = Table(
    "candidates",
    metadata,
    Column("left_id", String(100), primary_key=True),
    Column("right_id", String(100), primary_key=True),
    Column("score", Float, nullable=False),
    Column("reason", Text, nullable=False),
    Column("left_gid", String(100)),  # graph ids of both sides (0008)
    Column("right_gid", String(100)),
    Index("ix_candidates_right", "right_id"),
    Index("ix_candidates_left_gid", "left_gid", "right_gid"),  # an actor's candidates, either side
    Index("ix_candidates_right_gid", "right_gid", "left_gid"),
)

# Names people gave actors (migration 0005): the newest label of a graph entity's members is its name.
labels = Table(
    "labels",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", String(100), ForeignKey("entities.id"), nullable=False),  # a member id
    Column("name", Text, nullable=False),
    Column("norm", Text, nullable=False),
    Column("user", String(100), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("graph_id", String(100)),  # the member's graph id (0008)
    Index("ix_labels_entity", "entity_id"),
    Index("ix_labels_norm", "norm"),
    Index("ix_labels_graph", "graph_id", "seq"),
)

# Each word of each distinct normalised name (migration 0006): names holding a name as whole words.
name_words = Table(
    "name_words",
    metadata,
    Column("word", Text, nullable=False),
    Column("norm", Text, nullable=False),
    Index("ix_name_words_word", "word", "norm"),
)

# The store's own state (migration 0007): "resolved_seq", the last document seq resolved.
run_state = Table(
    "run_state",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

# Rebuttals found in the report texts (migration 0008; see :mod:`claimgraph.store.rebuttals`):
# the ``n``-th of a report, the claimed and the denying sentence, and who says each (graph ids).
rebuttals = Table(
    "rebuttals",
    metadata,
    Column("document_id", String(64), ForeignKey("documents.id"), primary_key=True),
    Column("n", Integer, primary_key=True),
    Column("claimant_gid", String(100)),
    Column("denier_gid", String(100)),
    Column("claim_start", Integer, nullable=False),
    Column("claim_end", Integer, nullable=False),
    Column("claim_text", Text, nullable=False),
    Column("denial_start", Integer, nullable=False),
    Column("denial_end", Integer, nullable=False),
    Column("denial_text", Text, nullable=False),
    Index("ix_rebuttals_claimant", "claimant_gid"),
    Index("ix_rebuttals_denier", "denier_gid"),
)

# Incremental cross-report resolution (migration 0009_incremental_resolution; see
# :mod:`claimgraph.store.incremental`): each entity's name group, each name group's resolver
# profile, the keys it is found by, and every pair the name rules linked, scored before partial
# names are settled. An entity without a row in ``resolution_members`` is not resolved yet.
resolution_members = Table(
    "resolution_members",
    metadata,
    Column("entity_id", String(100), primary_key=True),
    Column("group_id", String(100), nullable=False),  # the name group's earliest member: its profile id
    Index("ix_resolution_members_group", "group_id", "entity_id"),
)

resolution_groups = Table(
    "resolution_groups",
    metadata,
    Column("group_id", String(100), primary_key=True),
    Column("gkey", Text, nullable=False),  # the name group key (resolution.group_key)
    Column("profile", Text, nullable=False),  # the EntityProfile as JSON, and its report's country
    Column("features", Text, nullable=False),  # what the resolver compares of it, as JSON
    Column("reading", Text, nullable=False),  # how the type reconciliation reads it (features.reading), or ""
    Column("namesakes", Text, nullable=False),  # JSON: a lone word's namesakes, up to the pair model's cap
    Index("ix_resolution_groups_gkey", "gkey", unique=True),
)

# blocking keys ('person|s|5145'); with '~h|' a word of a person's full name (``sort``: the full
# name), with '~l|' a person's lone word, with incremental.TYPE_KEYS what the type reconciliation
# reads of the profile's own names (``sort`` of incremental.COUNTED ones: how many reports the profile
# is in); ``sort`` of a blocking key is the profile's comparison key. A block's members are read in their window's order, (sort, group id), by its primary key
# (migration 0012): compared byte by byte on both backends ("C" on PostgreSQL, SQLite's BINARY),
# which is the order of code points that Python sorts them in.
blocking_keys = Table(
    "blocking_keys",
    metadata,
    Column("key", Text, nullable=False),
    Column("group_id", String(100).with_variant(String(100, collation="C"), "postgresql"), nullable=False),
    Column("sort", Text().with_variant(Text(collation="C"), "postgresql"), nullable=False),
    PrimaryKeyConstraint("key", "sort", "group_id"),
    Index("ix_blocking_keys_group", "group_id"),
)

resolution_edges = Table(
    "resolution_edges",
    metadata,
    Column("left_id", String(100), primary_key=True),
    Column("right_id", String(100), primary_key=True),
    Column("score", Float, nullable=False),  # the pair model's probability, before partial names are settled
    Column("reason", Text, nullable=False),
    Index("ix_resolution_edges_right", "right_id"),
)

# the names a kept pair shares whose commonness can move its score (migration 0013): a pair sharing
# fewer than four context names, by each name it shares; found by name when one turns common
shared_names = Table(
    "shared_names",
    metadata,
    Column("left_id", String(100), primary_key=True),
    Column("right_id", String(100), primary_key=True),
    Column("name", Text, primary_key=True),
    Index("ix_shared_names_name", "name"),
)

# the reports whose entities are not resolved yet (migration 0014): written with the report, read and
# emptied by incremental resolution, which so finds the new entities without scanning every entity
unresolved_reports = Table(
    "unresolved_reports",
    metadata,
    Column("document_id", String(64), primary_key=True),
)

# what resolution reads in a report besides names (``report_facts.ReportFacts`` as JSON, 0014): read
# once per report (its text and entities never change; a resolution by other rules starts it anew)
document_facts = Table(
    "document_facts",
    metadata,
    Column("document_id", String(64), primary_key=True),
    Column("facts", Text, nullable=False),
)

# how many profiles name each context name: the common ones say little of who is meant
context_counts = Table(
    "context_counts",
    metadata,
    Column("key", Text, primary_key=True),
    Column("n", Integer, nullable=False),
    Index("ix_context_counts_n", "n"),
)

# What an actor page computes from all of a big actor's rows, as JSON (migration 0010; see
# :mod:`claimgraph.store.summaries`): written by resolution, deleted by writes that change it.
actor_summaries = Table(
    "actor_summaries",
    metadata,
    Column("graph_id", String(100), primary_key=True),
    Column("data", Text, nullable=False),
    Column("since", Integer),  # the first report (seq) the summary does not count yet; NULL: none (0011)
)
