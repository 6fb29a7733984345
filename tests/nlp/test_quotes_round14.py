"""Quote speakers, round 14 (issue #7: attribution on other outlets' reports), on train sentences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

TRAIN = Path(__file__).parents[1] / "data/reports/train"


def _train_speakers(nlp: Any, stem: str, words: str) -> list[str | None]:
    """The speakers of the quotes holding ``words`` in train report ``stem``."""
    doc = nlp((TRAIN / f"{stem}.txt").read_text(encoding="utf-8"))
    names = {e.id: e.name for e in doc._.claimgraph_entities}
    return [names.get(q.speaker or "") for q in doc._.claimgraph_quotes if words in q.text]


def test_quotes_a_title_tagged_a_proper_noun_is_the_person_described(nlp: Any) -> None:
    # "Chris Grayling warned on Monday that ... Speaking in the Commons, the Conservative MP said: "...""
    # ("MP" parsed a proper noun): the subject of the sentence before, as for "the real estate agent"
    assert _train_speakers(nlp, "turkey-poland-caribbean-islands-added-to",
                           "It does not need to be like this") == ["Chris Grayling"]
    # "... Dr Mitchell suggested an even broader annual initiative ... The Prime Minister said, "...""
    assert _train_speakers(nlp, "pm-attends-financial-access-roundtable-in",
                           "We claim to have close borders") == ["Keith Mitchell"]


def test_quotes_pronouns_of_words_reported_before_their_writer_give_no_gender(nlp: Any) -> None:
    # ""She said they had been arguing all week and she was just 'mad' at him," Cornett wrote." (and
    # more such): the she's and her's of the words Investigator Robert Cornett gives are Avalos', not a
    # cue that Cornett is a woman, so "She denied having anything to do with the shooting" is Avalos'
    assert _train_speakers(nlp, "perris-woman-ordered-hit-on-father",
                           "having anything to do with the shooting") == ["Judy Avalos"]


def test_quotes_a_quoted_question_is_the_askers(nlp: Any) -> None:
    # ""What is it about Joe Biden that you feel a personal connection to?" King asked Scott.": the
    # interviewer asks ("ask" reports no claim, so no cue was found and the interviewee went on)
    assert _train_speakers(nlp, "black-voters-in-south-carolina-are",
                           "What is it about Joe Biden") == ["Gayle King"]
    # "After trust member Peggy Bell asked last week "Why has this taken four months ...?" Cueto
    # responded ...": the asker, not who answers
    assert _train_speakers(nlp, "transit-tax-trust-rejects-countys-south",
                           "Why has this taken four months") == ["Peggy Bell"]


def test_quotes_a_subject_inside_the_quoted_words_is_not_he(nlp: Any) -> None:
    # "That person "has to put in the work and earn it," he said.": "that person", the quoted clause's
    # subject, is whom Sharpton speaks of, not someone unnamed that "he" stands for
    assert _train_speakers(nlp, "sharpton-responds-to-criticism-that-his",
                           "has to put in the work and earn it") == ["Al Sharpton"]


def test_quotes_she_replied_is_the_one_asked(nlp: Any) -> None:
    # "At a press conference ..., a reporter asked Montoya-Lewis, "What do you see as ...?"  "The
    # biggest hurdle is ...," she replied.": the one asked answers, not the unnamed reporter who asked
    assert _train_speakers(nlp, "state-of-washington-swears-in-first",
                           "The biggest hurdle is getting people") == ["Raquel Montoya-Lewis"]


def test_quotes_a_post_signed_by_an_account_named_for_a_place_is_its(nlp: Any) -> None:
    # "A power failure is currently affecting certain parts of @STN_Airport. ...\n\n— Stansted Airport
    # (@STN_Airport) December 22, 2014": the model types the airport a place; its account posts
    speakers = _train_speakers(nlp, "power-outage-at-londons-stansted-airport",
                               "A power failure is currently affecting")
    assert speakers and all(s is not None and "Stansted" in s for s in speakers)


def test_quotes_a_description_named_beside_a_person_is_someone_else(nlp: Any) -> None:
    # "Dempsey talked with the man over the phone ... "It doesn't affect me at all now ...," the man
    # wrote": the man is the unnamed patient, told apart from Dempsey, not the subject before
    assert _train_speakers(nlp, "a-man-developed-feather-duvet-lung",
                           "It doesn’t affect me at all now") == [None]


def test_quotes_the_airport_is_the_one_named_though_typed_a_place(nlp: Any) -> None:
    # "A power outage at Stansted International Airport in London ... The power outage is affecting the
    # transit system ..., according to the airport.": the airport the report named (LOC to the model)
    speakers = _train_speakers(nlp, "power-outage-at-londons-stansted-airport",
                               "The power outage is affecting the transit system")
    assert "Stansted International Airport" in speakers
