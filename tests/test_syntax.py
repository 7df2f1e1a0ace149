"""The dependency analysis (newsline.language.syntax): offsets in the article's characters, our sentence
boundaries kept, long run-on text parsed in bounded pieces, and clause heads found where the tagger errs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsline.language import syntax as syntax_module
from newsline.language.syntax import MAX_PIECE, analyse, clear_cache
from newsline.language.text import segment


def test_words_carry_the_article_offsets_and_sentences() -> None:
    text = "Officials said the bridge collapsed.  Rescuers arrived on Friday."
    syn = analyse(segment(text))
    for w in syn.words:
        assert text[w.start : w.end] == w.text
    assert {w.sentence for w in syn.words} == {0, 1}
    said = syn.at(text.index("said"))
    assert said is not None and said.lemma == "say" and said.dep == "root"
    assert [k.text for k in syn.kids(said, "nsubj")] == ["Officials"]


def test_a_head_never_crosses_a_sentence() -> None:
    text = "The storm hit the coast. It killed three people. Power was cut in the region."
    syn = analyse(segment(text))
    for w in syn.words:
        assert syn.words[w.head].sentence == w.sentence


def test_at_a_span_gives_its_head_word() -> None:
    text = "Russia launched its largest drone assault overnight."
    syn = analyse(segment(text))
    start = text.index("largest")
    w = syn.at(start, text.index("overnight") - 1)
    assert w is not None and w.text == "assault"


def test_a_run_on_sentence_is_parsed_in_pieces() -> None:
    text = "on Monday, " * 400 + "the talks ended."
    syn = analyse(segment(text))
    assert syn.words[-2].text == "ended"
    # no piece is longer than the limit: each piece has its own root
    roots = [w for w in syn.words if w.head == w.i]
    assert len(roots) >= len(text) // MAX_PIECE


def test_a_clause_head_the_tagger_took_for_a_noun() -> None:
    # "launch" has an auxiliary and a subject: it heads a clause whatever its tag
    text = "Ukraine's commander warned that Russia may soon launch 1,000 drones a day."
    syn = analyse(segment(text))
    w = syn.at(text.index("launch"))
    assert w is not None and syn.is_predicate(w)
    drones = syn.at(text.index("drones"))
    assert drones is not None and not syn.is_predicate(drones)


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ,.;:\"'\n-")) | st.characters(), max_size=300))
def test_any_text_gives_words_inside_it(text: str) -> None:
    syn = analyse(segment(text))
    for w in syn.words:
        assert 0 <= w.start < w.end <= len(text)
        assert text[w.start : w.end] == w.text
        assert 0 <= w.head < len(syn.words)


def test_a_parse_from_the_cache_is_the_parse() -> None:
    from newsline.language.syntax import clear_cache

    text = "Officials said the bridge collapsed. Rescuers arrived on Friday."
    clear_cache()
    fresh = analyse(segment(text)).words
    again = analyse(segment("Intro line here. " + text)).words  # same sentences, other offsets
    shift = len("Intro line here. ")
    tail = [w for w in again if w.start >= shift]
    assert [(w.start - shift, w.end - shift, w.text, w.tag, w.dep) for w in tail] == [
        (w.start, w.end, w.text, w.tag, w.dep) for w in fresh
    ]
    assert [again[w.head].text for w in tail] == [fresh[w.head].text for w in fresh]


def test_a_lone_surrogate_is_parsed_not_raised() -> None:
    text = "A fire\ud800 broke out on Friday."
    syn = analyse(segment(text))
    assert [w.text for w in syn.words if w.text == "broke"]


@pytest.mark.parametrize(
    "text, word, lemma",
    [
        ("The company halted shipments on Monday, citing concerns over supplies.", "citing", "cite"),
        ("One local resident recounted the night to reporters.", "recounted", "recount"),
    ],
)
def test_verbs_the_rules_name_have_their_lemma(text: str, word: str, lemma: str) -> None:
    # the statistical lemmatiser misses some forms; the rules' verbs are keyed on lemmas
    syntax = analyse(segment(text))
    w = syntax.at(text.index(word), text.index(word) + len(word))
    assert w is not None and w.lemma == lemma


def test_a_verb_read_as_the_adjective_of_a_root_noun_heads_its_sentence() -> None:
    # the parser reads "[announced plans] to purchase ..." as a noun phrase with a subject on its adjective
    text = (
        "Germany announced plans to purchase two frigates to fill gaps caused by the delay in deliveries, "
        "while the navy urged further cuts."
    )
    syntax = analyse(segment(text))
    announced = syntax.at(text.index("announced"))
    plans = syntax.at(text.index("plans"))
    assert announced is not None and plans is not None
    assert announced.dep == "root" and plans.dep == "obj" and plans.head == announced.i
    assert [k.text for k in syntax.kids(announced, "nsubj")] == ["Germany"]


@pytest.mark.parametrize(
    ("text", "subject", "place", "country"),
    [
        # a place's country after its comma is the place's apposition, not the verb's subject
        ("A judge in Lyon, France found the airline not guilty.", "judge", "Lyon", "France"),
        ("Officials in Jakarta, Indonesia confirmed the death toll.", "Officials", "Jakarta", "Indonesia"),
        # a place that qualifies the verb: the name after it is the subject
        ("In Paris, France announced new measures.", "France", None, None),
    ],
)
def test_a_place_s_country_is_no_subject(
    text: str, subject: str, place: str | None, country: str | None
) -> None:
    syntax = analyse(segment(text))
    verb = next(w for w in syntax.words if w.dep == "root")
    assert [k.text for k in syntax.kids(verb, "nsubj")] == [subject]
    if place is not None and country is not None:
        c = syntax.at(text.index(country))
        assert c is not None and c.dep == "appos" and syntax.words[c.head].text == place


@pytest.mark.parametrize(
    "text, name",
    [
        # each part of the name read as a subject of its own: one clause, one subject, one name
        ("Dutch Economy Minister Pieter Janssen met both sides on Wednesday.", "Pieter Janssen"),
        # a subject that is one word, and a name the parser reads whole, stay as they are
        ("Janssen met both sides on Wednesday.", "Janssen"),
        ("Pieter Janssen met both sides on Wednesday.", "Pieter Janssen"),
    ],
)
def test_a_name_is_one_subject(text: str, name: str) -> None:
    syntax = analyse(segment(text))
    verb = next(w for w in syntax.words if w.dep == "root")
    subjects = syntax.kids(verb, "nsubj")
    assert len(subjects) == 1
    a, b = syntax.span(subjects[0], skip=frozenset({"nmod:desc"}))  # the name, without its title
    assert text[a:b] == name


@pytest.mark.parametrize(
    "text, verb, host",
    [
        # a past tense with no subject of its own does not share a participle's auxiliary: it goes on the
        # first finite verb above ("warned" was read with "were waiting", inside what was said)
        (
            "Operators said at least 30 ships were waiting to berth by Tuesday afternoon and warned that"
            " delays could spread to Antwerp and Hamburg within days.",
            "warned",
            "said",
        ),
        # ... nor an adjective's copula
        (
            'He said he was "shocked and concerned by the events" and pledged the army would help.',
            "pledged",
            "said",
        ),
        # a participle does share it: searched, like stopped, by the navy
        ("Officials said the ships were stopped and searched by the navy.", "searched", "stopped"),
    ],
)
def test_a_coordinated_verb_hangs_where_its_form_allows(text: str, verb: str, host: str) -> None:
    syntax = analyse(segment(text))
    w = syntax.at(text.index(verb))
    assert w is not None and w.dep == "conj"
    assert syntax.words[w.head].text == host


def test_that_after_a_place_opens_what_was_said() -> None:
    # "that" cannot be the object of "was disappointed": not a relative clause of the courthouse
    text = "His lawyer said outside the courthouse that her client was disappointed and would appeal."
    syntax = analyse(segment(text))
    w = syntax.at(text.index("disappointed"))
    assert w is not None and w.dep == "ccomp" and syntax.words[w.head].text == "said"


@pytest.mark.parametrize(
    "text, verb, subject",
    [
        # a past tense is no complement: the phrase before it, led by "after", is its subject
        (
            "The investigation began after a city auditor flagged irregular payments in 2021.",
            "flagged",
            "auditor",
        ),
        # ... or read as a clause with no subject
        ("She waited on her roof before firefighters reached her on Sunday.", "reached", "firefighters"),
        # an adjective takes no object: "pleaded" with one is the verb, the name before it its subject
        ("Chen pleaded guilty last year and testified against Reyes.", "pleaded", "Chen"),
    ],
)
def test_a_finite_verb_has_its_subject(text: str, verb: str, subject: str) -> None:
    syntax = analyse(segment(text))
    w = syntax.at(text.index(verb))
    assert w is not None and w.tag == "VBD"
    assert [k.text for k in syntax.kids(w, "nsubj")] == [subject]


def test_a_cached_piece_pushed_out_by_its_own_articles_new_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    # The article's cached piece is the oldest in a full cache: remembering its new pieces evicts it.
    monkeypatch.setattr(syntax_module, "CACHE_PIECES", 2)
    clear_cache()
    analyse(segment("The storm hit the coast. It killed three people."))
    text = "The storm hit the coast. Power was cut. Schools closed on Monday."
    words = analyse(segment(text)).words  # (a KeyError here before)
    assert [w.text for w in words][:4] == ["The", "storm", "hit", "the"]


def test_a_happening_s_passive_read_as_an_adjective_is_a_passive_and_a_state_stays_one() -> None:
    # UD often tags "injured" an adjective with a copula; a verb that tells a happening is its passive
    text = "Nine people were injured, officials said. Residents were worried about the floods."
    syntax = analyse(segment(text))
    injured, worried = syntax.at(text.index("injured")), syntax.at(text.index("worried"))
    assert injured is not None and worried is not None
    assert injured.tag == "VBN" and injured.lemma == "injure"
    assert [k.dep for k in syntax.kids(injured) if k.text in ("were", "people")] == ["nsubj:pass", "aux:pass"]
    assert worried.tag.startswith("JJ") and [k.dep for k in syntax.kids(worried, "cop")] == ["cop"]
