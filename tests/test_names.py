"""The names of an entity (`newsline.entity.names`): the forms news gives a name, the short forms an article
defines, a misspelt query; and end to end, the events an entity named so takes part in. Sentences written
for these tests."""

from __future__ import annotations

from datetime import date

import newsline
import pytest
from conftest import entity_triggers
from newsline.entity.names import clipped, corrected, defined_forms, initials, pattern, variants
from newsline.entity.select import keep_entity

PUB = date(2024, 3, 8)


@pytest.mark.parametrize(
    ("entity", "has", "lacks"),
    [
        ("International Business Machines", {"IBM", "I.B.M."}, set()),
        ("Standard & Poor's 500", {"S&P", "S&P 500"}, {"500"}),  # a count, not a model number
        ("Federal Reserve", {"the Fed"}, set()),
        ("Dow Jones Industrial Average", {"the Dow"}, set()),
        ("Nasdaq Composite", {"the Nasdaq"}, set()),
        ("Boeing 777", set(), {"the Boeing", "Boeing"}),  # a maker is not its model
        ("Metropolitan Police", {"the Met"}, set()),
        ("Airbus A380", {"A380"}, {"the Air"}),  # a clipping starts with a consonant
        ("iPhone 3G", {"3G iPhone"}, set()),
        ("Louis Gallois", {"Gallois"}, {"LG", "L.G."}),  # two words' initials name too much else
        ("Acme Holdings Ltd", {"Acme"}, set()),  # legal forms go
        ("United States Air Force", {"USAF", "the Air Force"}, {"United States"}),  # one kind word at most
        ("China Eastern Airlines", {"China Eastern"}, set()),
    ],
)
def test_variants(entity: str, has: set[str], lacks: set[str]):
    found = set(variants(entity))
    assert has <= found
    assert not lacks & found


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Federal", "Bureau", "of", "Investigation"], "FBI"),
        (["Standard", "&", "Poor's"], "S&P"),
        (["United", "States", "Air", "Force"], "USAF"),
    ],
)
def test_initials(words: list[str], expected: str):
    assert initials(words) == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # The article's own short form, in parentheses after the name.
        ("General Motors (GM) recalled 40,000 cars on Monday.", ["General Motors"], ["GM"]),
        # A query in initials: the long form the article defines for it ...
        ("Orion Freight Lines (OFL) cut fares. OFL said.", ["OFL"], ["Orion Freight Lines"]),
        # ... starting at the initial's letter, not at the words before it.
        ("Rail operator Northern Link Services (NLS) said.", ["NLS"], ["Northern Link Services"]),
        # ... or written out without parentheses, when its initials are the query.
        ("Shares of International Business Machines rose.", ["IBM"], ["International Business Machines"]),
        # Another name's short form is not this one's.
        ("General Electric (GE) rose; General Motors fell.", ["General Motors"], []),
    ],
)
def test_defined_forms(text: str, names: list[str], expected: list[str]):
    assert defined_forms(text, names) == expected


@pytest.mark.parametrize(
    ("query", "texts", "expected"),
    [
        ("Federal Aviation Adminstration", ["The Federal Aviation Administration said."],
         "Federal Aviation Administration"),
        ("Nortrop Grumman", ["Northrop Grumman won."], "Northrop Grumman"),
        # Written as in the articles: unchanged.
        ("Northrop Grumman", ["Northrop Grumman won."], "Northrop Grumman"),
        # A short word one letter from another is another word.
        ("Bank of Amerika", ["Bank of America said."], "Bank of America"),
        ("Acme Core", ["Acme Corp said."], "Acme Core"),
        # Two words one letter away: no way to choose.
        ("Halt Inc", ["Hale said. Hall said."], "Halt Inc"),
    ],
)
def test_corrected(query: str, texts: list[str], expected: str):
    assert corrected(query, texts) == expected


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("The Fed raised rates.", ["The Fed"]),
        ("the Fed raised rates.", ["the Fed"]),
        ("Officials fed the crowd.", []),  # the clipping only as written
        ("the Fed Cup final", []),  # part of a longer name
        ("Steve Jobs spoke. Jobs smiled. Apple cut jobs.", ["Steve Jobs", "Jobs"]),
        ("steve jobs spoke.", ["steve jobs"]),  # the query itself in any case
    ],
)
def test_pattern_case(text: str, matches: list[str]):
    names = ["Steve Jobs", "Jobs"] if "obs" in text else ["Federal Reserve", "the Fed"]
    query = names[0]
    assert [m.group() for m in pattern(names, query).finditer(text)] == matches


def test_clipped_needs_a_long_first_word():
    assert clipped("Fed Reserve") is None
    assert clipped("Apple") is None


@pytest.mark.parametrize(
    ("text", "entity", "kept"),
    [
        ("International Business Machines cut 500 jobs on Monday.", "IBM", {"cut"}),
        ("I.B.M. cut 500 jobs on Monday.", "International Business Machines", {"cut"}),
        ("The S&P 500 index fell 2 percent on Monday.", "Standard & Poor's 500", {"fell"}),
        ("The Fed raised rates on Wednesday.", "Federal Reserve", {"raised"}),
        ("The Dow fell 300 points on Monday.", "Dow Jones Industrial Average", {"fell"}),
        ("The Air Force awarded the contract on Friday.", "United States Air Force", {"awarded"}),
        ("The Air Force Academy awarded a prize on Friday.", "United States Air Force", set()),
        (
            "The Federal Aviation Administration grounded the jets on Friday.",
            "Federal Aviation Adminstration",
            {"grounded"},
        ),
        (
            "Orion Freight Lines (OFL) cut fares on Monday. OFL hired 200 drivers on Tuesday.",
            "Orion Freight Lines",
            {"cut", "hired"},
        ),
        # "jobs" is not Steve Jobs
        ("Steve Jobs said on Monday he was proud. Factories cut jobs on Tuesday.", "Steve Jobs", {"said"}),
    ],
)
def test_entity_named_so_takes_part(text: str, entity: str, kept: set[str]):
    assert entity_triggers(text, entity, PUB) == kept


def test_explain_says_which_reference_takes_part():
    text = (
        "Harbor Logistics (HL) cut fares on Monday. Analysts praised the move. "
        "It hired 200 drivers on Tuesday. HL may sell its ships."
    )
    why: list[str] = []
    tl = keep_entity(newsline.parse_text(text, published=PUB, id="a"), "Harbor Logistcs", why)
    assert len(tl.events) == 2
    assert why[0].startswith('"Harbor Logistcs" read as "Harbor Logistics": no article writes "Logistcs"')
    assert any(line.startswith("names searched: ") and '"HL"' not in line for line in why)
    assert any(line.startswith("article a: ") and 'defines "HL"' in line for line in why)
    ranks = [line for line in why if line.startswith("rank ")]
    assert len(ranks) == 2
    # the head of the subject, as the parse reads it (the short form is its apposition)
    assert '"Harbor Logistics" (name) takes part' in ranks[0]
    assert '"It" (pronoun) takes part' in ranks[1]
    assert any("1 more event(s)" in line for line in why)  # "may sell": not on the time line


def test_explain_names_articles_that_do_not_name_it():
    why: list[str] = []
    tl = keep_entity(newsline.parse_text("Airbus sold jets on Monday.", published=PUB, id="b"), "Boeing", why)
    assert tl.events == []
    assert "not named in 1 article(s): b" in why


def test_explain_marks_a_namesake_as_ambiguous():
    text = "Steve Jobs spoke on Monday. Laurene Jobs, his wife, said on Tuesday that Jobs rested."
    why: list[str] = []
    keep_entity(newsline.parse_text(text, published=PUB, id="a"), "Steve Jobs", why)
    assert any('ambiguous: "Jobs" may also be "Laurene Jobs"' in line for line in why)
    why = []
    keep_entity(
        newsline.parse_text("Steve Jobs spoke on Monday. Mr. Jobs rested.", published=PUB, id="a"),
        "Steve Jobs",
        why,
    )
    assert not any("ambiguous" in line for line in why)
