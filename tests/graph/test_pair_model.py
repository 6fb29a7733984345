"""The learned pair scorer and the general name mechanisms it reads (issue #8)."""

from __future__ import annotations

from claimgraph.graph.features import all_features, person_like, reads_as_body
from claimgraph.graph.pair_model import FEATURES, PairModel, default_model, fit, kind, pair_features
from claimgraph.graph.resolve import EntityProfile, candidate_pairs, link_reason, resolve


def R(pid: str, name: str, type_: str = "PERSON", docs=(), *, aliases=(), context=()) -> EntityProfile:
    return EntityProfile(pid, name, type_, list(aliases), list(context), list(docs))


def test_pair_model_shipped_weights_cover_every_feature() -> None:
    model = default_model()
    assert set(model.weights) == set(FEATURES)
    full = dict.fromkeys(FEATURES, 0.0) | {"full": 1.0}
    lone = dict.fromkeys(FEATURES, 0.0) | {"lone": 1.0}
    assert model.probability(full) > 0.85 > model.probability(lone)  # a shared full name says more


def test_pair_model_fit_stays_at_its_prior_without_rows_and_follows_the_labels() -> None:
    prior = PairModel({"lone": 0.5, "context": 1.0})
    assert fit([], [], prior).weights["lone"] == 0.5
    rows = [dict.fromkeys(FEATURES, 0.0) | {"lone": 1.0}] * 20
    against = fit(rows, [0] * 20, prior, strength=1.0)
    assert against.weights["lone"] < -1.0  # twenty lone-word pairs all different
    held = fit(rows, [0] * 20, prior, strength=100.0)
    assert against.weights["lone"] < held.weights["lone"] < 0.5  # a strong prior moves less


def test_pair_model_a_lone_word_many_people_carry_says_less() -> None:
    """'Robert' alone in two reports is ambiguous when the store names several Roberts in full;
    'Burisma' (an organisation the model tagged as a person) is held by no one's full name."""
    ctx = ["Hunter Biden", "Ukraine"]
    profiles = [R("r1", "Robert", docs=["d1"], context=ctx), R("r2", "Robert", docs=["d2"], context=ctx),
                R("b1", "Burisma", docs=["d1"], context=ctx), R("b2", "Burisma", docs=["d2"], context=ctx),
                *(R(f"n{i}", f"Robert {s}", docs=[f"x{i}"]) for i, s in enumerate(["Mueller", "Doyle", "Burns", "Hunter"]))]
    feats = all_features(profiles)
    assert len(feats["r1"].namesakes) == 4 and not feats["b1"].namesakes
    x_robert = pair_features(feats["r1"], feats["r2"], "same name", 1.0)
    x_burisma = pair_features(feats["b1"], feats["b2"], "same name", 1.0)
    assert kind(feats["r1"], feats["r2"], "same name") == "lone" and x_robert["namesakes"] == 1.0
    scores = {(a, b): s for a, b, s, _ in candidate_pairs(profiles)}
    assert scores[("b1", "b2")] > scores[("r1", "r2")]


def test_names_no_person_holds_a_digit_and_an_institution_is_no_person() -> None:
    assert not person_like("H1N1") and person_like("Vázquez") and person_like("Abdul-Mahdi")
    assert reads_as_body("Emergency Situations Ministry") and not reads_as_body("Margaret Court")
    feats = all_features([R("m", "Emergency Situations Ministry")])
    assert feats["m"].family == "org" and feats["m"].body


def test_resolve_a_short_name_that_drops_a_place_is_another_body() -> None:
    """A report calling the Iowa Democratic Party 'the Democratic Party' does not make the state
    party the national one; a short name that drops no place still links."""
    profiles = [R("iowa", "Iowa Democratic Party", "NORP", ["d1"], aliases=["Democratic Party"]),
                R("dem", "Democratic Party", "NORP", ["d2"]),
                R("lnp", "Liberal National Party", "ORG", ["d3"], aliases=["Liberal National"]),
                R("ln", "Liberal National", "ORG", ["d4"])]
    feats = all_features(profiles)
    assert link_reason(feats["iowa"], feats["dem"]) is None
    assert link_reason(feats["lnp"], feats["ln"]) is not None
    assert resolve(profiles)["iowa"] != resolve(profiles)["dem"]
