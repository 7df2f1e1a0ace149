"""Entity timelines (`--entity`): which events the entity takes part in, and where an article refers to it
by a name, a pronoun or a description. Table-driven sentences with a pinned publication day; none of these
needs ../shared.
"""

from __future__ import annotations

from datetime import date

import newsline
import pytest
from conftest import entity_triggers, taking_part
from newsline.entity.references import entity_refs
from newsline.entity.select import _generic, _pattern, keep_entity

PUB = date(2023, 4, 21)


@pytest.mark.parametrize(
    ("text", "entity", "kept", "left_out"),
    [
        # The subject and the object take part; somebody else's event in the same sentence does not.
        (
            "Boeing delivered the first 787 on Monday, while Airbus announced new orders.",
            "Boeing",
            {"delivered"},
            {"announced"},
        ),
        ("Airbus defeated Boeing in the contest on Monday.", "Boeing", {"defeated"}, set()),
        # A name that qualifies the next noun names something else: the executive, the aircraft.
        ("Boeing executive Michael Sears arranged a job on Monday.", "Boeing", set(), {"arranged"}),
        ("The Airbus A380 landed in Sydney on Monday.", "Airbus", set(), {"landed"}),
        ("The Airbus A380 landed in Sydney on Monday.", "Airbus A380", {"landed"}, set()),
        # An apposition between the subject and its verb.
        (
            "Steve Jobs, the chief executive of Apple, announced the phone on Monday.",
            "Steve Jobs",
            {"announced"},
            set(),
        ),
        # A verb joined to the first one shares its subject.
        (
            "Jobs welcomed everyone on Monday and announced a new phone.",
            "Steve Jobs",
            {"welcomed", "announced"},
            set(),
        ),
        # Two subjects joined by "and".
        ("Northrop Grumman and EADS defeated Boeing on Monday.", "Northrop Grumman", {"defeated"}, set()),
        # Another subject stands between the name and the verb.
        (
            "For owners of the iPhone 4, Jobs said on Monday that a case would be free.",
            "iPhone 4",
            set(),
            {"said"},
        ),
        # A possessive names the owner of the subject, not the subject: the rival announced.
        ("Boeing's rival announced new orders on Monday.", "Boeing", set(), {"announced"}),
        # A pronoun after the entity's name, in the next sentence.
        (
            "Steve Jobs gave the keynote at Moscone Center on Monday. He demoed the new widget.",
            "Steve Jobs",
            {"gave", "demoed"},
            set(),
        ),
        # The subject of a passive, however long the phrase between it and its verb (read off the parse):
        # the product in a noun phrase whose head says what kind of thing it is.
        (
            "The first Zephyr X9 airliner, built by Acme in Toulouse, was delivered to Globe Air on Monday.",
            "Zephyr X9",
            {"delivered"},
            set(),
        ),
    ],
)
def test_entity_takes_part(text: str, entity: str, kept: set[str], left_out: set[str]):
    found = taking_part(text, entity, PUB)
    assert kept <= found, found
    assert not (left_out & found), found


@pytest.mark.parametrize(
    ("text", "entity", "refs"),
    [
        # "he" after the person's name, across names of places that do not act.
        (
            "Steve Jobs spoke at Moscone Center in San Francisco. He announced a phone.",
            "Steve Jobs",
            ["Steve Jobs", "He"],
        ),
        # Another person who acts in between takes the pronoun.
        ("Steve Jobs left. Tim Cook said he would stay.", "Steve Jobs", ["Steve Jobs"]),
        # "it" of a company, but not the "it" of "it emerged that".
        (
            "Ryanair said on Monday that it will buy jets. Later it emerged that the deal was off.",
            "Ryanair",
            ["Ryanair", "it"],
        ),
        # A description the article gave the entity ("aircraft manufacturer Boeing" ... "the manufacturer").
        (
            "The order went to aircraft manufacturer Boeing. The manufacturer will deliver in May.",
            "Boeing",
            ["Boeing", "The manufacturer"],
        ),
        # A generic word of the entity's own name ("iTunes store" ... "the store").
        (
            "Apple opened the iTunes store. The store sold a song.",
            "iTunes store",
            ["iTunes store", "The store"],
        ),
        # "the company" refers back to the organisation named last; "the company president" does not.
        (
            "Ryanair bought jets. The company said it was pleased. The company president left.",
            "Ryanair",
            ["Ryanair", "The company", "it"],
        ),
        # A maker's name before a model number is not the maker.
        ("Airbus A380 flights resumed. Airbus said so.", "Airbus", ["Airbus"]),
    ],
)
def test_entity_refs(text: str, entity: str, refs: list[str]):
    found = [text[r.start : r.end] for r in entity_refs(text, _pattern(entity), entity, _generic())]
    assert found == refs


def test_entity_timeline_keeps_ranks_dense_and_order():
    text = "Boeing delivered a jet on Monday. Boeing announced orders on Tuesday. Airbus sold planes."
    whole = newsline.parse_text(text, published=PUB, id="a")
    order = [e.id for e in whole.events]
    tl = keep_entity(newsline.parse_text(text, published=PUB, id="a"), "Boeing")
    assert [e.rank for e in tl.events] == list(range(1, len(tl.events) + 1))
    ids = [e.id for e in tl.events]
    assert ids == [i for i in order if i in ids]


def test_entity_timeline_leaves_out_what_nothing_places_in_time():
    # "reviewed" has no time, no relation and no tense that dates it; "delivered" is dated.
    text = "Boeing delivered a jet on Monday. Boeing may review the deal."
    tl = keep_entity(newsline.parse_text(text, published=PUB, id="a"), "Boeing")
    assert {e.trigger for e in tl.events} == {"delivered"}
    assert all(e.time is not None or e.lo > float("-inf") for e in tl.events)


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        # A chain of pronouns: each "He" refers back to the one before.
        (
            "Steve Jobs spoke on Monday. He called it great. He demoed a widget.",
            ["Steve Jobs", "He", "He"],
        ),
        # The first name alone after the full name, but not another Steve.
        (
            "Steve Jobs said he was proud. Steve announced a phone. Steve Ballmer left.",
            ["Steve Jobs", "he", "Steve"],
        ),
        # A product told by its kind ("the A380 superjumbo" ... "the superjumbo").
        (
            "The Airbus A380 superjumbo left Toulouse. The superjumbo landed in Sydney.",
            ["Airbus A380", "The superjumbo"],
        ),
    ],
)
def test_entity_refs_chains(text: str, refs: list[str]):
    entity = "Steve Jobs" if "Steve" in text else "Airbus A380"
    found = [text[r.start : r.end] for r in entity_refs(text, _pattern(entity), entity, _generic())]
    assert found == refs


def test_entity_option_in_every_format(newsline, tmp_path):
    # --entity reads the article texts (who is the subject of what), so the command must keep them
    # whatever the output format.
    path = tmp_path / "a.txt"
    path.write_text("Boeing delivered the first 787 on Monday. Airbus announced new orders on Tuesday.\n")
    for fmt in ("json", "jsonl", "csv"):
        r = newsline("parse", str(path), "--published", "2023-04-21", "--entity", "Boeing", "--format", fmt)
        assert r.code == 0, r.stderr
        assert "delivered" in r.stdout and "announced" not in r.stdout, (fmt, r.stdout)


def test_entity_event_keeps_the_mentions_of_its_part():
    # One event told three times: Boeing's sentence, the same word again, and another party's sentence
    # that was taken for the same event. The entity's timeline keeps the first two.
    from newsline.model import AnchorKind, Article, Event, Mention, Timeline, TimeMention

    text = "Boeing won the contract on Monday. The bid won easily. Airbus lost a contract."
    sentences = [(0, 34), (35, 54), (55, 78)]
    triggers = [(7, 10), (43, 46), (62, 66)]
    assert [text[a:b] for a, b in triggers] == ["won", "won", "lost"]
    mentions = [
        Mention("a", n, t, text[a:b], (a, b))
        for n, ((a, b), t) in enumerate(zip(sentences, triggers, strict=True))
    ]
    e = Event("e1", "Boeing won the contract", "won", "decision", mentions)
    monday = TimeMention("a", 27, 33, "Monday", "DATE", "2023-04-17", "test", AnchorKind.PUBLICATION)
    e.time, e.time_source, e.lo = monday, "same clause", 0.0  # dated by its own clause
    kept = keep_entity(Timeline([Article("a", text)], [e], [], [], {}), "Boeing")
    assert [text[m.trigger[0] : m.trigger[1]] for m in kept.events[0].mentions] == ["won", "won"]


@pytest.mark.parametrize(
    ("text", "entity", "kept", "left_out"),
    [
        # The name goes on: the whole of it is the subject.
        ("Boeing Commercial Airplanes on Tuesday delivered the final jet.", "Boeing", {"delivered"}, set()),
        # In a prepositional phrase the name is not the subject of the verb after it.
        ("The president of Boeing Commercial Airplanes said the jets were ready.", "Boeing", set(), {"said"}),
        ("Delays of the production of the A380 have cost Airbus money.", "Airbus A380", set(), {"cost"}),
        # The subject of a light verb takes part in its noun.
        ("Boeing 787 makes maiden flight on Tuesday.", "Boeing 787 Dreamliner", {"flight"}, set()),
        # A purpose after a place: "returned to the stage to reveal".
        ("Steve Jobs returned to the stage to reveal the new service.", "Steve Jobs", {"reveal"}, set()),
    ],
)
def test_entity_takes_part_more(text: str, entity: str, kept: set[str], left_out: set[str]):
    found = taking_part(text, entity, PUB)
    assert kept <= found, found
    assert not (left_out & found), found


def test_entity_timeline_leaves_out_background_years():
    # "cut" has no time of its own: it inherits 2004 from the sentence before, which is the story's
    # background, not its date. "won" is dated by its own clause.
    text = "Airbus won more orders in 2004. Airbus also cut jobs."
    tl = newsline.parse_text(text, published=PUB, id="a")
    cut = next(e for e in tl.events if e.trigger == "cut")
    assert cut.time is not None and cut.time.value == "2004" and cut.time_source != "same clause"
    assert {e.trigger for e in keep_entity(tl, "Airbus").events} == {"won"}


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        # times told only against the moment of writing: no calendar date for the timeline to show
        ("Boeing delivered a jet on Monday. The company is currently in talks with China.", "talks"),
        ("Boeing delivered a jet on Monday. Boeing is now in talks with Airbus.", "talks"),
        ("Boeing delivered a jet on Monday. More recently, Boeing has entered into an agreement.", "entered"),
        ("Boeing delivered a jet on Monday. Boeing recently signed a deal with Airbus.", "signed"),
    ],
)
def test_entity_timeline_leaves_out_times_without_a_date(text: str, left_out: str):
    tl = newsline.parse_text(text, published=PUB, id="a")
    assert any(e.trigger == left_out and e.time is not None for e in tl.events)
    kept = {e.trigger for e in keep_entity(tl, "Boeing").events}
    assert "delivered" in kept and left_out not in kept, kept


@pytest.mark.parametrize(
    ("text", "entity", "refs"),
    [
        # A name in the plural is one body, called by the singular even after another name.
        (
            "China Eastern Airlines bought twenty Airbus A320 jets. The airline signed the deal in Paris.",
            "China Eastern Airlines",
            ["China Eastern Airlines", "The airline"],
        ),
        (
            "Singapore Airlines met Qantas Airways on Monday. Later the airline, not Qantas, signed it.",
            "Singapore Airlines",
            ["Singapore Airlines", "the airline"],
        ),
    ],
)
def test_a_plural_name_is_described_by_its_singular(text: str, entity: str, refs: list[str]):
    found = [text[r.start : r.end] for r in entity_refs(text, _pattern(entity), entity, _generic())]
    assert found == refs


def test_spans_answer_like_a_scan():
    from newsline.entity.references import Ref, Spans

    refs = [Ref(0, 6, "name"), Ref(20, 22, "pronoun"), Ref(40, 52, "description")]
    spans = Spans(refs[::-1])
    spans.add(Ref(30, 33, "pronoun"))
    every = [*refs, Ref(30, 33, "pronoun")]
    for pos in range(0, 60):
        assert spans.covers(pos) == any(r.start <= pos < r.end for r in every), pos
        before = [r for r in every if r.end <= pos]
        expected = max(before, key=lambda r: r.end) if before else None
        assert spans.last_before(pos) == expected, pos


@pytest.mark.parametrize(
    ("text", "entity", "kept"),
    [
        # The entity's thing is the subject: the entity's event.
        ("IBM's shares fell 5 percent on Monday.", "IBM", {"fell"}),
        ("Shares of IBM fell 5 percent on Monday.", "IBM", {"fell"}),
        ("IBM warned on Monday. Its shares fell 5 percent.", "IBM", {"warned", "fell"}),
        # A person or body of its own: theirs, not the entity's.
        ("IBM's chief executive resigned on Monday.", "IBM", set()),
        ("The chief executive of IBM resigned on Monday.", "IBM", set()),
        ("Boeing's rival announced orders on Monday.", "Boeing", set()),
        ("A spokesman for Boeing confirmed the order on Monday.", "Boeing", set()),
        # A weekday that ends a sentence is no other name between a pronoun and the entity.
        (
            "Airbus delivered a jet on Monday. It hired 200 engineers on Tuesday.",
            "Airbus",
            {"delivered", "hired"},
        ),
    ],
)
def test_entity_as_owner(text: str, entity: str, kept: set[str]):
    assert entity_triggers(text, entity, PUB) == kept


def test_explain_goes_to_stderr_and_leaves_the_json_alone(newsline, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Boeing delivered the first 787 on Monday. Airbus announced new orders on Tuesday.\n")
    args = ("parse", str(path), "--published", "2023-04-21", "--entity", "Boeing", "--format", "json")
    plain = newsline(*args)
    explained = newsline(*args, "--explain")
    assert explained.code == 0, explained.stderr
    assert explained.stdout == plain.stdout
    assert '"ties": true' in plain.stdout
    assert "newsline: entity: names searched: " in explained.stderr
    assert '"Boeing" (name) takes part' in explained.stderr
    assert "names searched" not in plain.stderr


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        # A pronoun opening its sentence continues the previous sentence's subject, whoever else that
        # sentence names on the way.
        (
            "Steve Jobs said Paul Otellini agreed. He then demoed a widget.",
            ["Steve Jobs", "He"],
        ),
        # ... but not when the previous sentence is about someone else first.
        (
            "Steve Jobs spoke on Monday, he said. Paul Otellini said Intel agreed. He then demoed a chip.",
            ["Steve Jobs", "he"],
        ),
        # A closing quote set off by a space ('... for years. "') ends the same sentence, not one of its
        # own: the sentence before the pronoun is still the one that names the subject first.
        (
            'Steve Jobs spoke on Monday.\nJobs said OS X had " a double life for years. "\nHe demoed a chip.',
            ["Steve Jobs", "Jobs", "He"],
        ),
        # ... nor inside a sentence, where the last person named who acts is the nearer reading.
        (
            "Steve Jobs said Paul Otellini agreed, and he then demoed a widget.",
            ["Steve Jobs"],
        ),
    ],
)
def test_pronoun_continues_the_subject(text: str, refs: list[str]):
    entity = "Steve Jobs"
    found = [text[r.start : r.end] for r in entity_refs(text, _pattern(entity), entity, _generic())]
    assert found == refs


def test_pronoun_continues_a_subject_after_an_opening_word():
    text = "Steve Jobs spoke on Monday. Moving on, Jobs said Paul Otellini agreed. He demoed a widget."
    found = [
        text[r.start : r.end] for r in entity_refs(text, _pattern("Steve Jobs"), "Steve Jobs", _generic())
    ]
    assert found == ["Steve Jobs", "Jobs", "He"]


@pytest.mark.parametrize(
    ("text", "entity", "kept"),
    [
        # A title given in an apposition names the person afterwards, and makes the name a person's.
        (
            "Louis Gallois, the Airbus chief executive, spoke on Monday. The chief executive announced a "
            "plan on Tuesday.",
            "Louis Gallois",
            {"spoke", "announced"},
        ),
        (
            "Scott Carson, president of Boeing Commercial Airplanes, spoke on Monday. The president visited "
            "Tokyo on Tuesday.",
            "Scott Carson",
            {"spoke", "visited"},
        ),
        # Another title is another person.
        (
            "Scott Carson, president of Boeing Commercial Airplanes, spoke on Monday. The chairman visited "
            "Tokyo on Tuesday.",
            "Scott Carson",
            {"spoke"},
        ),
        # No title given: "the president" is somebody else.
        (
            "Mary Barra, who spoke on Monday, met the president on Tuesday. The president left on Wednesday.",
            "Mary Barra",
            {"spoke", "met"},
        ),
    ],
)
def test_person_by_title(text: str, entity: str, kept: set[str]):
    assert entity_triggers(text, entity, PUB) == kept


def test_a_title_before_another_name_is_that_name_s():
    text = (
        "Scott Carson, president of Boeing Commercial Airplanes, spoke on Monday. The company president and "
        "CEO Louis Gallois said on Tuesday that orders rose."
    )
    assert entity_triggers(text, "Scott Carson", PUB) == {"spoke"}
