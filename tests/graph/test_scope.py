"""Leadership claims scoped in time and office, numbers scoped to one count (graph/scope.py),
on sentences of the corpus reports (issue #8)."""

from __future__ import annotations

from claimgraph.graph.scope import counted, is_count, tenure
from tests.store.reports import corpus_row

IMPEACHED = "In the history of the United States, only two presidents have been impeached: Andrew Johnson and Bill Clinton."
KENNEDY = ("Robert F. Kennedy was the brother of U.S. President John F. Kennedy, who had himself been "
           "assassinated in 1963.")
CHIRAC = ("This morning Jacques Chirac, who served as President of France for twelve years, died at home in Paris, "
          "France, surrounded by family.")
MODI = 'Prime Minister Narendra Modi tweeted "Deeply saddened by the loss of lives"'
KHAMENEI = ("Sayyid Ali Hosseini Khamenei, the Supreme Leader of Iran, ordered three days of public mourning "
            "after the strike.")
NAVALNY = "Alexei Navalny is an outspoken critic of Russian president Vladimir Putin."
SWORN = ("Following the ruling, Secretary of Justice Wanda Vázquez Garced was sworn in as Puerto Rico's governor "
         "at 5:00 p.m. (2100 UTC) in the Supreme Court.")


def test_scope_sentences_are_corpus_text() -> None:
    texts = " ".join(corpus_row(n)["text"] for n in (117, 118, 82, 31))
    for sentence in (IMPEACHED, CHIRAC, SWORN, MODI):
        assert sentence in texts


ROOSEVELT = ("Only President Franklin Delano Roosevelt, who led the country during the Second World War, served "
             "more than two.")  # corpus 4 (train): term limits


def test_scope_a_president_who_led_in_another_era_is_past() -> None:
    assert ROOSEVELT in corpus_row(4)["text"]
    assert not tenure(ROOSEVELT, "2019-01-06", "Franklin Delano Roosevelt").current


def test_scope_presidents_of_other_eras_are_past() -> None:
    assert not tenure(IMPEACHED, "2019-09-25", "Andrew Johnson").current  # 'in the history of'
    assert not tenure(KENNEDY, "2019-09-03", "John F. Kennedy").current  # 1963, 'assassinated'
    assert not tenure(CHIRAC, "2019-09-26", "Jacques Chirac").current  # 'served as', 'died'
    assert tenure("US President Trump announces troop withdrawal from Syria", "2019-10-08", "Donald Trump").current


def test_scope_office_is_the_title_next_to_the_name() -> None:
    assert tenure(MODI, "2019-02-13", "Narendra Modi").office == "prime minister"
    assert tenure(CHIRAC, "2019-09-26", "Jacques Chirac").office == "president"
    assert tenure(KHAMENEI, "2020-01-05", "Sayyid Ali Hosseini Khamenei").office == "supreme leader"
    assert tenure(NAVALNY, "2020-08-22", "Vladimir Putin").office == "president"
    assert tenure("Today, Russian opposition leader Alexei Navalny was airlifted", "2020-08-22",
                  "Alexei Navalny").office == "opposition leader"


def test_scope_a_change_of_holder_is_a_succession() -> None:
    assert tenure(SWORN, "2019-08-08", "Wanda Vázquez Garced").change


def test_scope_rates_parts_and_new_tolls_are_no_counts() -> None:
    power = corpus_row(161)["text"]
    rate = "there were only four premature deaths per 100,000"
    assert rate in power and not is_count(rate)
    assert not is_count("Bangladesh reports five new deaths due to COVID-19, a daily highest")
    assert not is_count("This revised downwards an earlier toll of 27 dead.")
    assert not is_count("Last week a Kabul car bombing killed five and wounded 110, another attack ascribed to the Taliban.")
    assert is_count("Taliban spokesperson Zabiullah Mujahid claimed 190 were dead.")


def test_scope_counted_reads_what_a_number_counts() -> None:
    parts, _ = counted("the confirmed deaths are fourteen civilians, five Armed Forces personnel, and one member", 14)
    assert parts == {"civilians"}
    assert counted("As of September 30, Armenia claimed 790 Azerbaijani soldiers had been killed", 790) == (
        {"soldiers"}, {"azerbaijani"})
    assert counted("Azerbaijan claimed to have killed about 2,300 Artsakh soldiers.", 2300)[1] == {"artsakh"}
    assert counted("six Mexican nationals were killed", 6)[1] == counted("eight Mexicans died in the attack", 8)[1]


WASHINGTON = ("The U.S. Constitution originally did not limit the number of presidential terms, but there was a "
              "longstanding tradition of not seeking a third term after the country's first president, George "
              "Washington, sought no third term.")  # corpus 4 (train): term limits


def test_scope_the_first_holder_of_an_office_is_past() -> None:
    assert WASHINGTON in corpus_row(4)["text"]
    assert not tenure(WASHINGTON, "2019-01-06", "George Washington").current
    # a first of a kind may be in office: only the office word right after "first" says the past
    first_woman = "Zuzana Čaputová, Slovakia's first female president, met the prime minister on Monday."
    assert tenure(first_woman, "2019-07-01", "Zuzana Čaputová").current
