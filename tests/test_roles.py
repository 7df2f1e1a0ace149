"""What a clause's structure says of its happening (newsline.events.roles), table-driven: every example of
rules/roles.toml is a test, a sentence of our own with what is expected of the row its trigger makes."""

from __future__ import annotations

from datetime import date

import newsline
import pytest
from newsline.events.roles import judge_mention, words
from newsline.events.titles import close_brackets
from newsline.language.syntax import analyse
from newsline.language.text import segment
from newsline.model import Article, Event, Modality
from newsline.rules import load
from newsline.timex import article_times

EXAMPLES = load("roles")["example"]


def _verdict(text: str, trigger: str):
    doc = segment(text)
    mentions, _, _, _ = article_times(Article("a", text, date(2025, 7, 4)), doc)
    start = text.index(trigger)
    syntax = analyse(doc)
    # the words that tell an event of the sentence, as the pipeline finds them
    told = frozenset(
        w.i
        for e in newsline.parse_text(text, published="2025-07-04").events
        for m in e.mentions
        if (w := syntax.at(m.trigger[0], m.trigger[1])) is not None
    )
    return judge_mention(
        doc, syntax, mentions, start, start + len(trigger), doc.quote_at(start) is not None, told=told
    )


@pytest.mark.parametrize("case", EXAMPLES, ids=[f"{c['trigger']}: {c['text'][:50]}" for c in EXAMPLES])
def test_roles_example(case: dict) -> None:
    if "xfail" in case:
        pytest.xfail(case["xfail"])  # a known error of the parser, said in the rule file
    v = _verdict(case["text"], case["trigger"])
    assert v is not None
    if "row" in case:
        assert v.row == case["row"]
    if "status" in case:
        want = case["status"]
        if want in ("asserted", "reported"):
            assert v.status is None
            assert v.reported == (want == "reported")
        else:
            assert v.status == Modality(want)
    if "speaker" in case:
        if case["speaker"]:
            assert v.speaker is not None and case["speaker"] in v.speaker
        else:
            assert v.speaker is None


def test_examples_have_known_keys_and_values() -> None:
    for case in EXAMPLES:
        assert set(case) <= {"text", "trigger", "row", "status", "speaker", "xfail"}, case
        assert case["trigger"] in case["text"], case
        assert case.get("status", "asserted") in {m.value for m in Modality}, case
        assert {"row", "status", "speaker"} & set(case), case


def test_word_classes_are_lowercase_words() -> None:
    for name, ws in words().items():
        assert ws, name
        assert all(w == w.lower() and w.strip() == w for w in ws), name


def test_a_bare_attribution_gives_its_content_the_speaker_and_is_no_row() -> None:
    # the two sides of one sentence: the content is the row, reported by the speaker; the telling is not
    said = _verdict("Police said the bridge collapsed.", "said")
    collapsed = _verdict("Police said the bridge collapsed.", "collapsed")
    assert said is not None and not said.row
    assert collapsed is not None and collapsed.row and collapsed.speaker == "Police"


@pytest.mark.parametrize(
    "text, word, speaker",
    [
        # the reporting verb after the quote, in its sentence
        ('"We have begun the work," said Maria Olsen, the chief executive.', "begun", "Olsen"),
        # in the sentence after a quote that ends its own
        ('"We have begun the work." Maria Olsen, the chief, said in a statement.', "begun", "Olsen"),
        # before a quote that opens its sentence, the frame ending in a colon
        ('The mayor said: "The floods destroyed dozens of homes."', "destroyed", "mayor"),
        # the ASCII quotes of wiki and treebank exports are quotes too
        ("``We have begun the work,'' said Maria Olsen.", "begun", "Olsen"),
    ],
)
def test_a_quote_s_words_are_its_speaker_s(text: str, word: str, speaker: str) -> None:
    e = _event_of(text, word)
    assert e.speaker is not None and speaker in e.speaker


@pytest.mark.parametrize(
    "text, word, speaker",
    [
        # "he" is the last speaker named before it, not the first one of the article
        (
            "The mayor described the flood as a disaster, and Interior Minister Lena Berg said: "
            '"A terrible night." He also noted a pump station was destroyed by the water.',
            "destroyed",
            "Berg",
        ),
        # "he" is a person named by name, not "the ministry"
        (
            "Foreign Minister Jan Novak criticised the deal. The ministry said that the talks had failed. "
            "He also noted that parliament did not ratify the treaty.",
            "ratify",
            "Novak",
        ),
        # a speaker named by making a statement counts too
        (
            "Police said two roads were closed. Bishop Paul Hart released a statement. "
            '"We have failed the victims and we have lost their trust," he said.',
            "failed",
            "Hart",
        ),
        # ... or the person named last as a doer, when nearer; a meeting "to discuss" says nothing
        (
            "Foreign Minister Jan Novak said the talks had failed. Prime Minister Anna Weiss visited the "
            "flooded town on Monday. She said the army would help.",
            "help",
            "Anna Weiss",
        ),
        (
            "Foreign Minister Jan Novak said the talks had failed. Prime Minister Anna Weiss has convened a "
            'COBRA meeting to discuss the response. She said she was "shocked" and pledged the army would '
            "help.",
            "help",
            "Anna Weiss",
        ),
    ],
)
def test_he_said_is_the_last_speaker_named_before_it(text: str, word: str, speaker: str) -> None:
    e = _event_of(text, word)
    assert e.speaker is not None and speaker in e.speaker


def test_reported_speech_carried_into_the_next_sentence_keeps_its_speaker() -> None:
    text = (
        "The clinic said in a statement that the patient would be examined on Monday. His family would be "
        "consulted before any comment. Doctors treated him for burns."
    )
    tl = newsline.parse_text(text, published="2025-07-04")
    by_word = {text[e.mentions[0].trigger[0] : e.mentions[0].trigger[1]]: e for e in tl.events}
    assert by_word["consulted"].speaker is not None and "clinic" in by_word["consulted"].speaker
    assert by_word["treated"].speaker is None  # no "would": the narrator's again


def test_ascii_quotes_are_quotes_and_end_sentences() -> None:
    doc = segment("He spoke. ``We have begun,'' said Crosby. It ended.")
    assert [doc.text[q.start : q.end] for q in doc.quotes] == ["We have begun,"]
    assert len(doc.sentences) == 3


@pytest.mark.parametrize(
    "text, quoted",
    [
        # a quote of several sentences on lines of their own closes on the last one
        (
            "Mayor Ann Cole said ``It was a long night.\nThe river will rise again.''\nCrews worked on.",
            ["It was a long night.\nThe river will rise again."],
        ),
        ('He said "We will win.\nThey will lose." Then "fine".', ["We will win.\nThey will lose.", "fine"]),
        # a line that opens a quote of its own does not close the one before: that one ends with its line
        ('He said "We will win.\nAnother line "quoted" here.', ["We will win.", "quoted"]),
    ],
)
def test_a_quote_carried_over_a_line_break_ends_where_it_closes(text: str, quoted: list[str]) -> None:
    doc = segment(text)
    assert [doc.text[q.start : q.end] for q in doc.quotes] == quoted


def test_a_speaker_s_hopes_in_a_quote_over_two_lines_are_no_rows() -> None:
    text = "Governor Ann Cole said ``This is a great day.\nThis will go down in history.''\n"
    tl = newsline.parse_text(text, published="2025-07-04")
    rows = [e for e in tl.events if not e.minor]
    assert not any("go down" in text[m.trigger[0] : m.trigger[1]] for e in rows for m in e.mentions)


def test_according_to_names_the_speaker_without_its_preposition() -> None:
    text = "The storm flooded 300 homes overnight, according to local officials."
    v = _verdict(text, "flooded")
    assert v is not None and v.speaker == "local officials"


@pytest.mark.parametrize(
    "text, word, title",
    [
        # the verb's own subject, with the auxiliaries and negation the title left out
        ("On Thursday Trump did not offer specifics.", "offer", "Trump did not offer specifics"),
        # a subjectless adverbial clause shares its host's subject
        ("Finance Minister Lena Berg described the talks as useful, though did not offer details.",
         "offer", "Finance Minister Lena Berg did not offer"),
        # a subject shared with a coordinated clause
        ("The mayor held a briefing on Sunday and deployed extra firefighters.", "deployed",
         "The mayor"),
        # a time that is its noun's determiner stays with its preposition: no "won the award World Cup"
        ("The goalkeeper won the award in this year's World Cup.", "won",
         "The goalkeeper won the award in this year's World Cup"),
        ("Thursday's storm flooded the harbour.", "flooded", "Thursday's storm flooded the harbour"),
        ("A court cleared the pilots of negligence in the 2014 collision.", "cleared",
         "A court cleared the pilots of negligence in the 2014 collision"),
    ],
)
def test_titles_say_who_did_what(text: str, word: str, title: str) -> None:
    _title_starts(text, word, title)


@pytest.mark.parametrize(
    "text, word, title",
    [
        # a clause cut short by a quote taken out ends on no word that needs what follows
        ('The general ordered his troops to march on the capital and "crush anyone who resists".',
         "ordered", "The general ordered his troops to march on the capital"),
        # a coordinated predicate that tells no row of its own is part of what the row tells
        ('She said she has retired and has "no plans to return".', "retired",
         'She has retired and has "no plans to return"'),
        ('The minister criticized the court for "ignoring the evidence".', "criticized",
         "The minister criticized the court"),
        # a headline's length with no preposition is what its verb faces, not a time to take out
        ("Former mayor convicted of bribery, faces up to 20 years", "convicted",
         "Former mayor convicted of bribery, faces up to 20 years"),
        # a time taken out takes the preposition that only led it ("within weeks", "for years")
        ("The virus could reach the capital within weeks.", "reach", "The virus could reach the capital"),
        ("Operators warned that delays could spread to Antwerp and Hamburg within days.", "spread",
         "Delays could spread to Antwerp and Hamburg"),
        # an infinitive's subject is the passive's it completes, and the hedge stays
        ("Mali and Niger are both reported to have deployed troops to the border.", "deployed",
         "Mali and Niger are both reported to have deployed troops to the border"),
    ],
)
def test_titles_end_on_no_dangling_word(text: str, word: str, title: str) -> None:
    _title_starts(text, word, title, whole=True)


def _title_starts(text: str, word: str, title: str, whole: bool = False) -> None:
    e = _event_of(text, word)
    assert (e.title == title) if whole else e.title.startswith(title), e.title


def test_an_infinitive_s_title_says_what_is_to_come() -> None:
    from newsline.events.titles import with_subject

    text = "The council asked the city to buy more buses."
    syntax = analyse(segment(text))
    buy = syntax.at(text.index("buy"), text.index("buy") + 3)
    assert buy is not None
    assert with_subject(text, syntax, buy, "Buy more buses") == "The city to buy more buses"


@pytest.mark.parametrize(
    ("text", "word", "status"),
    [
        # dated after publication: not yet happened, whatever the clause says
        ("The strike warned the elites ahead of the 2027 elections.", "elections", Modality.PLANNED),
        ("The strike warned the elites ahead of the 2024 elections.", "elections", Modality.ASSERTED),
        ("The union said the strike in 2027 is a warning.", "strike", Modality.PLANNED),
    ],
)
def test_what_is_dated_after_publication_is_not_a_fact(text: str, word: str, status: Modality) -> None:
    e = _event_of(text, word, "2026-03-01")
    assert e.modality == status


def test_a_noun_in_a_quote_is_its_speaker_s() -> None:
    text = 'An adviser said: "The vote was a signal to the elites ahead of the talks."'
    e = _event_of(text, "vote", "2026-03-01")
    assert e.speaker == "An adviser"


_PLAN = (
    "Germany announced plans to purchase two frigates to fill gaps caused by the delay in deliveries, "
    "while the navy urged further cuts."
)
_NAMES = (
    "The Bureau of Enquiry and Analysis (BEA) said the wreckage was found. "
    "Air France-KLM's chief executive said the airline was cleared."
)


@pytest.mark.parametrize(
    "text, word, speaker",
    [
        # what a plan is told by, and a clause with a subject of its own, are each their speaker's
        (_PLAN, "plans", "Germany"),
        (_PLAN, "urged", "the navy"),
        # a speaker's name keeps its inner conjunction and the article's spacing ("(BEA)", "Air France-KLM")
        (_NAMES, "found", "The Bureau of Enquiry and Analysis (BEA)"),
        (_NAMES, "cleared", "Air France-KLM's chief executive"),
        # "his" or "her" in a speaker is the person last named as a doer: the row says whose aide it is
        (
            "Opposition leader Alexei Navalny fell ill on a flight on Thursday. His associates have alleged "
            "he was poisoned.",
            "poisoned",
            "Alexei Navalny's associates",
        ),
        (
            "The senator, Maria Lopez, voted against the bill. Her office said she would explain her vote.",
            "explain",
            "Maria Lopez's office",
        ),
        # what was said is told by the speaker through a clause coordinated with a state ("was
        # disappointed and would appeal"), and the "that" after a place opens it (not a relative clause)
        (
            "His lawyer, Anna Brooks, said outside the courthouse that her client was disappointed and "
            "would appeal.",
            "appeal",
            "Anna Brooks",
        ),
        # a "whose" clause after a speaker's name tells of them, not what they said
        (
            '"I have never seen anything like this," said Giulia Rossi, 64, whose house in Lugo was '
            "flooded to the first floor.",
            "flooded",
            None,
        ),
        # a time the parser hung on the speaker's name goes with its preposition
        ("Opposition leader Elena Marsh on Tuesday denied that she had taken money.", "taken",
         "Opposition leader Elena Marsh"),
        # ... and stays as written when the last doer is no one person ("the ministers")
        ("The ministers met on Monday. His aide said talks would resume.", "talks", "His aide"),
    ],
)
def test_the_speaker_is_named_whole(text: str, word: str, speaker: str) -> None:
    assert _event_of(text, word).speaker == speaker


def test_a_noun_dated_in_its_own_phrase_after_the_verb_does_not_date_the_verb() -> None:
    # the collision is background the ruling speaks of: the ruling goes by the story's time
    text = (
        "The trial opened on February 23. A judge cleared the pilots of negligence in the 2014 collision "
        "that killed nine."
    )
    cleared, collision = _event_of(text, "cleared", "2026-03-02"), _event_of(text, "collision", "2026-03-02")
    assert cleared.time is not None and cleared.time.value == "2026-02-23"
    assert collision.time is not None and collision.time.value == "2014"


def _event_of(text: str, word: str, published: str = "2025-07-04") -> Event:
    """The event of `text` (published then) that one of its mentions' triggers is `word`."""
    tl = newsline.parse_text(text, published=published)
    return next(e for e in tl.events if any(text[m.trigger[0] : m.trigger[1]] == word for m in e.mentions))


@pytest.mark.parametrize(
    "text, word, title",
    [
        # a happening told by the object noun of a verb of telling is titled with who told it
        (
            "On Tuesday, health officials in Ohio identified the state's first death involving a "
            "patient with the virus.",
            "death",
            "Health officials in Ohio identified the state's first death",
        ),
    ],
)
def test_a_row_told_by_an_object_noun_is_titled_with_its_verb_and_subject(
    text: str, word: str, title: str
) -> None:
    _title_starts(text, word, title)


@pytest.mark.parametrize(
    "title, tidy",
    [
        ("Fanned by winds of 56kph (35mph", "Fanned by winds of 56kph"),
        ("Plummeting at almost 8,000 feet (", "Plummeting at almost 8,000 feet"),
        ("The Bureau (BEA) said the wreck (a hull", "The Bureau (BEA) said the wreck"),
        ("The Bureau (BEA) said the wreck was found", "The Bureau (BEA) said the wreck was found"),
        ("(AP) Talks resumed", "(AP) Talks resumed"),
    ],
)
def test_a_title_drops_the_aside_it_does_not_close(title: str, tidy: str) -> None:
    assert close_brackets(title) == tidy


def test_an_aside_cut_short_leaves_no_open_bracket_in_the_row_s_title() -> None:
    text = (
        "Tracking data showed the plane plummeting at almost 8,000 feet per minute by 6:19 PM (15:19 UTC) "
        "and "
        "ceasing to report its altitude."
    )
    titles = [e.title for e in newsline.parse_text(text, published=date(2023, 8, 25)).events]
    assert all(t.count("(") == t.count(")") for t in titles), titles
