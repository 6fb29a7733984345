"""Doc -> the document's entities with aliases and every mention."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.model import Entity, Span
from claimgraph.graph.names import name_key
from claimgraph.nlp.aliases import canonical_name, cluster_type, group_mentions
from claimgraph.nlp.capitals import capital_links, standing_for_country
from claimgraph.nlp.handles import handle_forms
from claimgraph.nlp.headline_source import headline_source
from claimgraph.nlp.listed_people import relabel_listed_people
from claimgraph.nlp.mentions import (
    RawMention,
    acronym_occurrences,
    bodies_after_leading_places,
    bodies_after_places,
    common_word_before_surname,
    dateline_mentions,
    headline_names_in_body,
    defined_forms,
    leading_places,
    model_mentions,
    place_led_bodies,
    relabel_company_names,
    relabel_people,
    repeated_forms,
    state_abbreviations,
    unlabelled_names,
)
from claimgraph.nlp.tokens import doc_text
from claimgraph.nlp.transcript_labels import transcript_labels
from claimgraph.nlp.type_evidence import unevidenced_person_type


def _drop_overlaps(mentions: list[RawMention]) -> list[RawMention]:
    """Keep the longer of two overlapping mentions (the model's wins a tie)."""
    out: list[RawMention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start), m.source != "ner")):
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _entity_type(doc: Doc, cluster: list[RawMention], clusters: list[list[RawMention]]) -> str:
    """The cluster's type by its labels, less a person's where the text shows a body or place."""
    labelled = cluster_type(cluster)
    return unevidenced_person_type(doc, cluster, clusters) or labelled if labelled == "PERSON" else labelled


def find_entities(doc: Doc, common_words: frozenset[str] = frozenset(), title_end: int = 0) -> list[Entity]:
    """The entities of a parsed document, each with its canonical name, aliases and mentions.

    ``common_words``: dictionary nouns and adjectives (see :func:`dictionary_words`); ``title_end``:
    where the headline ends (0: none)."""
    text = doc_text(doc)
    mentions = dateline_mentions(text, model_mentions(doc, common_words) + unlabelled_names(doc, common_words))
    mentions = headline_names_in_body(text, title_end, mentions)
    new, links = defined_forms(text, mentions)
    mentions = state_abbreviations(text, mentions + new)
    links = [link for link in links if link.first in mentions and link.second in mentions]
    acronyms = {link.second.text: link.first.label for link in links if link.kind == "acronym"}
    mentions += acronym_occurrences(text, set(acronyms), {m.start for m in mentions}, acronyms)
    mentions = _drop_overlaps(mentions)
    relabel_people(doc, mentions)
    relabel_listed_people(text, mentions, common_words)
    relabel_company_names(mentions)
    mentions = common_word_before_surname(text, mentions, common_words)
    mentions = _drop_overlaps(mentions + repeated_forms(doc, mentions, common_words))
    # after the repeats: a body's "News Nation tried ..." would take the nominal speakers near it
    mentions += headline_source(text, title_end, mentions, common_words)
    mentions = bodies_after_places(text, mentions)
    mentions += place_led_bodies(text, mentions)
    spans = {(m.start, m.end) for m in mentions}
    # inside an organisation's name: kept with it
    inner_bodies, inner_links = bodies_after_leading_places(mentions)
    mentions += [m for m in leading_places(mentions) if (m.start, m.end) not in spans]
    mentions += [m for m in inner_bodies if (m.start, m.end) not in spans]
    links += [link for link in inner_links if link.second in mentions]
    handles, handle_links = handle_forms(text, mentions)
    mentions += handles
    labels, label_links = transcript_labels(text, mentions)
    mentions += labels
    links += handle_links + label_links + capital_links(doc, mentions)
    entities = []
    clusters = group_mentions(mentions, links, common_words, text)
    former = {link.second.text for link in links if link.kind == "former"}  # "born Doris Mary Ann Kappelhoff"
    for n, cluster in enumerate(clusters, start=1):
        metonyms = standing_for_country(m.text for m in cluster)
        name = canonical_name([m for m in cluster if m.text not in metonyms | former] or cluster)
        aliases = sorted({m.text for m in cluster if name_key(m.text) != name_key(name) and m.text not in metonyms})
        entities.append(
            Entity(
                id=f"e{n}",
                name=name,
                type=_entity_type(doc, cluster, clusters),
                aliases=aliases,
                mentions=[Span(m.start, m.end, m.text) for m in cluster],
            )
        )
    return entities


def dictionary_words(nlp: Language) -> frozenset[str]:
    """The nouns and adjectives the pipeline's rule lemmatizer knows (its WordNet index), or none
    when the pipeline has no such table: the words that are roles, not names, before a name."""
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        index = lookups.get_table("lemma_index")
    except (KeyError, AttributeError, ValueError):
        return frozenset()
    return frozenset(w for pos in ("noun", "adj") if pos in index for w in index[pos])
