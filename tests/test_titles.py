"""Titles built from the parse (events.sentence): who did what, to whom, with nothing cut out leaving a gap,
numbers whole; times, attributions, relative clauses and trailing adjuncts left to the other columns.
Sentences of our own."""

from __future__ import annotations

import newsline
import pytest


def _title(text: str, word: str) -> str:
    """The title of the event of `text` one of whose mentions' triggers is `word`."""
    tl = newsline.parse_text(text, published="2025-07-04")
    return next(
        e.title for e in tl.events if any(text[m.trigger[0] : m.trigger[1]] == word for m in e.mentions)
    )


@pytest.mark.parametrize(
    "text, word, title",
    [
        # in a cleft the relative clause is told of the noun "it was" puts before it, wherever the parser
        # hung the clause ("... but it was the inland towns that were flooded": not the coast)
        (
            'The governor said "the storm hit the coast but it was the inland towns that were flooded".',
            "flooded",
            "The inland towns were flooded",
        ),
        # a title drops the "that" of a reported clause, as a headline does, to keep room for its words
        (
            "The coastguard warned that up to 300 migrants may attempt the crossing per night this week.",
            "warned",
            "The coastguard warned up to 300 migrants may attempt the crossing per night",
        ),
        # a verb of finding keeps what was found; the relative clause on its subject is left out
        (
            "The inquiry, which opened in May, found the pilot had ignored three warnings.",
            "found",
            "The inquiry found the pilot had ignored three warnings",
        ),
        # a time that opens the sentence is the day's column; the subject the parser hung on it after
        # its comma, with the count that leads it, is the clause's own
        (
            "Within two hours of the opening, over 5,000 visitors had entered the museum.",
            "entered",
            "Over 5,000 visitors had entered the museum",
        ),
        # a trailing participle set off by a comma is another happening; a name written with hyphens
        # stays whole
        (
            "Gunmen attacked a clinic south of Port-au-Prince on Monday, wounding two nurses.",
            "attacked",
            "Gunmen attacked a clinic south of Port-au-Prince",
        ),
        # a "he" or "she" that opens the title names, in brackets, the person last named as a doer
        # nearby, through the "she" that goes on with her
        (
            "Senator Maria Lopez fell ill on Thursday. She was flown to Boston. She underwent surgery.",
            "underwent",
            "[Maria Lopez] underwent surgery",
        ),
        # ... not the speaker of the quote it is in, and not when the last doer is no one by name
        (
            'The analyst Tom Hale described the general: "He quickly rose through the party."',
            "rose",
            "He quickly rose through the party",
        ),
        (
            "Police arrested a man on Monday. Officers said he fled the scene on foot.",
            "fled",
            "He fled the scene on foot",
        ),
        # an "it" or "they" that is the subject of what an organisation or a group says is the teller
        (
            "Shipping group Maersk said it had diverted three vessels.",
            "diverted",
            "[Shipping group Maersk] had diverted three vessels",
        ),
        ("Officials said they had closed the road on Monday.", "closed", "[Officials] had closed the road"),
        # a name that ends in a word of organisations' names is one organisation, however it is spelt
        (
            "Northwind Technologies said on Monday it had agreed to buy Cobalt Systems.",
            "agreed",
            "[Northwind Technologies] had agreed to buy Cobalt Systems",
        ),
        # ... not a name alone, which may be a person's, and not one that does not agree in number
        ("Trump acknowledged it yielded no progress.", "yielded", "It yielded no progress"),
        ("The company said they had closed the road.", "closed", "They had closed the road"),
        # a length the verb takes with no preposition is what is served or lasted, not the row's time
        ("He served five years for fraud.", "served", "He served five years for fraud"),
        ("The strike at the port lasted nine days.", "lasted", "The strike at the port lasted nine days"),
        # ... a length that places it from another happening is a time
        ("Rebels withdrew from the town three days later.", "withdrew", "Rebels withdrew from the town"),
        # ... past a thing a relative clause tells of
        (
            '"I have never seen anything like this," said Giulia Rossi, whose house was flooded. She spent '
            "the night on her roof.",
            "spent",
            "[Giulia Rossi] spent the night on her roof",
        ),
        # a subject coordinated with a quantifier that stands for its noun keeps both
        (
            "The Po and several of its tributaries overflowed on Saturday.",
            "overflowed",
            "The Po and several of its tributaries overflowed",
        ),
        # an adjective's infinitive takes the adjective's subject and copula ("is due to", "is set to")
        ("The bill is set to pass next week.", "pass", "The bill is set to pass"),
        (
            "The mayor is due to visit the worst-hit areas on Monday.",
            "visit",
            "The mayor is due to visit the worst-hit areas",
        ),
        # a "-ing" form is no finite verb: the participle with an object is the predicate
        (
            "Rescue teams using helicopters and boats evacuated more than 12,000 residents.",
            "evacuated",
            "Rescue teams evacuated more than 12,000 residents",
        ),
        # a warning of what may come is titled with what it warns of, even cut short
        (
            "Meteorologists had warned last week that an unusually slow-moving storm system could bring a"
            " month's worth of rain in two days.",
            "warned",
            "Meteorologists had warned last week that an unusually slow-moving storm system could bring a"
            " month's worth of rain…",
        ),
        # a time made an adjective of its noun stays with it
        (
            "Acme reported third-quarter profit of $2 billion on Tuesday.",
            "reported",
            "Acme reported third-quarter profit of $2 billion",
        ),
        # a coordinated predicate that tells no row of its own is part of what the row tells
        (
            'She said she has retired and has "no plans to return".',
            "retired",
            'She has retired and has "no plans to return"',
        ),
        # where the parse misread the sentence, the window's title stays: the parser loses the subject of
        # "yet to be sold", and the window's title names it
        (
            "The new drug was approved in Canada last year. However, it has yet to be sold in Europe.",
            "sold",
            "However, it has yet to be sold in Europe",
        ),
        (
            "Nobody can know for a fact what happened on the ship that night.",
            "happened",
            "Nobody can know for a fact what happened on the ship",
        ),
        # an attribution misread as the row's noun: the parse keeps only its phrase, a few of the window
        # title's words with no verb where the window's title had one
        (
            "According to report by Reuters, the club had to pay about 20 million euros for the striker.",
            "report",
            "Report by Reuters, the club had to pay about 20 million euros for the striker",
        ),
        # a rate that hangs on the count is part of it ("500 trucks per week" is no total of 500); the
        # predicate's own time ("soon") is the day's column
        (
            "The factory may soon produce up to 500 trucks per week, its owners warned on Monday.",
            "produce",
            "The factory may produce up to 500 trucks per week",
        ),
        # the parser hangs "a week" on the verb, right after the count it qualifies: still the count's
        (
            "Officials said the airline will soon add two flights a week to Lisbon.",
            "add",
            "The airline will add two flights a week to Lisbon",
        ),
    ],
)
def test_a_title_is_the_clause_from_the_parse(text: str, word: str, title: str) -> None:
    assert _title(text, word) == title


def test_a_noun_row_is_not_retitled_from_a_verb_in_its_phrase() -> None:
    # the row is the plans (a noun, whose event the participle "caused" was merged into); the participle
    # inside their phrase is a detail of them, not what the row tells
    text = (
        "France announced plans to purchase new radar systems to fill gaps caused by the U.K. freeze in "
        "funding, while Macron urged patience."
    )
    assert _title(text, "caused") == (
        "Plans to purchase new radar systems to fill gaps caused by the U.K. freeze in funding"
    )


@pytest.mark.parametrize(
    "word, words",
    [
        # what comes after a semicolon is a clause of its own, whatever the parser joined to the title
        ("agreed", "Airbus agreed with this explanation ."),
        ("disregarded", "The pilots disregarded the alarms"),
    ],
)
def test_a_title_keeps_to_its_side_of_a_semicolon(word: str, words: str) -> None:
    from newsline.events.wording import _one_clause
    from newsline.language.syntax import analyse
    from newsline.language.text import segment

    syntax = analyse(segment("The pilots disregarded the alarms; Airbus agreed with this explanation."))
    predicate = next(w for w in syntax.words if w.text == word)
    assert " ".join(w.text for w in _one_clause(list(syntax.words), predicate)) == words


@pytest.mark.parametrize(
    "text, word, row",
    [
        # two words that name who did it are a sentence a reader can repeat, through a relative pronoun
        ("Reyes, who resigned in 2022 after the FBI searched his office, did not testify.", "resigned", True),
        # two words that name nobody are a fragment
        ("Falling debris damaged two cars on Monday.", "Falling", False),
    ],
)
def test_a_short_title_is_a_row_when_it_names_who_did_it(text: str, word: str, row: bool) -> None:
    tl = newsline.parse_text(text, published="2025-07-04")
    found = [e for e in tl.events if any(text[m.trigger[0] : m.trigger[1]] == word for m in e.mentions)]
    assert all(e.minor != row for e in found) and (found or not row)
