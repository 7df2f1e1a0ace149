"""The time tagger: the candidates of an article resolved in text order, each against the anchor its rule
asks for (the publication day, the speech day of the quote it stands in, or the last time the story named),
then the passes over the whole list (`passes`).

Reads a `Document`, a `Reference` and the quotes' speech days. Writes `TimeMention`s.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from newsline.language.text import Document, lexicon
from newsline.model import AnchorKind, Reference, TimeMention
from newsline.rules import determiners
from newsline.timex.dates import DATE_KINDS, _quarter_ended, _reporting_quarter
from newsline.timex.passes import (
    _NAMED_DAY,
    _clock_on_day,
    _month_ranges,
    _ranges_past_midnight,
    _weekday_ranges,
    _year_carried_back,
)
from newsline.timex.recognise import Candidate, lex, recognise
from newsline.timex.relative import RELATIVE_KINDS
from newsline.timex.resolve import Anchor, Kind, known_tense, underspecify
from newsline.timex.tense import _ADJUNCT_BEFORE, _past_beside, _placing, _tense_of

# "The following month" and "the year before" count from the last time mentioned, whatever its precision.
_COARSE = frozenset(["week", "month", "year", "decade"])


def _coarse_previous(mode: str | None, groups: dict[str, str], sentences_back: int) -> bool:
    """Whether a rule's week, month or year counts from any time named before, not only a day: always
    ("the year before"), or "near", when that time is in this or the previous sentence ("In 1988 ... A year
    later"; from further back "a year earlier" usually means the year before the period being reported)."""
    unit = (groups.get("unit") or groups.get("unit3") or "").lower().rstrip("s")
    if mode is None or unit not in _COARSE:
        return False
    return mode == "always" or (mode == "near" and sentences_back <= 1)


# One resolver per rule kind (the `kind` of a rule in time.toml).
KINDS: dict[str, Kind] = {**DATE_KINDS, **RELATIVE_KINDS}


def tag(
    doc: Document,
    article_id: str,
    ref: Reference,
    speech_days: dict[int, date] | None = None,
    candidates: list[Candidate] | None = None,
) -> list[TimeMention]:
    """Every time mention of `doc`, resolved.

    `candidates` are the expressions `recognise(doc.text)` found, when the caller has them already:
    resolving against other anchors (the speech days of quotes) needs no second recognition.

    `speech_days` maps a quote's index in `doc.quotes` to the day its words were said; expressions inside
    that quote anchor there. Relative expressions of the "previous" kind anchor on the last day-precise
    mention before them (a week, month or year on any dated mention, as the rule's `coarse_previous`
    says), falling back to the publication day.
    """
    speech_days = speech_days or {}
    out: list[TimeMention] = []
    last: Anchor | None = None
    last_any: Anchor | None = None
    last_any_sentence = -1
    last_quarter: tuple[int, tuple[int, int]] | None = None
    last_sentence = -1
    last_day: tuple[int, date] | None = None  # the last day named as a whole day, for "overnight"
    # The last date with its year stated, outside quotes, when that year is not the publication's: a
    # story told in the past ("On April 3, 2011, ... In May, ...") goes on in that year.
    story_year: tuple[int, date] | None = None
    publication = Anchor(ref.day, AnchorKind.PUBLICATION)
    dayless_clocks: set[int] = set()  # indexes in `out` of clock times that name no day of their own
    for cand in recognise(doc.text) if candidates is None else candidates:
        rule = cand.rule
        if rule.kind == "none":
            continue
        anchor = publication
        kind = rule.anchor
        if rule.kind == "clock" and any(cand.groups.get(k) for k in _NAMED_DAY):
            # A clock time that names its day ("4 a.m. Friday", "10 a.m. tomorrow") is placed as the day
            # alone is: from publication, or from when a quote was spoken.
            kind = AnchorKind.PUBLICATION
        quote_index = doc.quote_index(cand.start)  # a binary search: a scan was quadratic in quotes
        if kind == AnchorKind.PUBLICATION and quote_index is not None:
            kind = AnchorKind.SPEECH
            anchor = Anchor(speech_days.get(quote_index, ref.day), AnchorKind.SPEECH)
        sent = doc.sentence_at(cand.start)
        sent_index = sent.index
        any_previous = rule.fields.get("any_previous") or _coarse_previous(
            rule.fields.get("coarse_previous"), cand.groups, sent_index - last_any_sentence
        )
        if kind == AnchorKind.PREVIOUS and rule.kind == "overnight":
            if last_day is not None and sent_index - last_day[0] <= 1:
                # The night before a day named in its own sentence or the one before ("closed lower
                # Friday. ... overnight losses in New York"); a night or an hour is no such day.
                anchor = Anchor(last_day[1], kind, from_story=True)
            else:
                # No day near: the night before publication (or before the quote was spoken), said so.
                kind = AnchorKind.PUBLICATION
                if quote_index is not None:
                    kind = AnchorKind.SPEECH
                    anchor = Anchor(speech_days.get(quote_index, ref.day), AnchorKind.SPEECH)
        elif (
            kind == AnchorKind.PREVIOUS
            and rule.fields.get("near_previous")
            and (last is None or sent_index - last_sentence > 1)
        ):
            # "Later in the day" far from any day named: the story's main day, which the events' narrative
            # time finds better than the last day named or publication would
            continue
        elif kind == AnchorKind.PREVIOUS and any_previous:
            # "that year", "the year before": any dated mention will do, a bare "1988" too
            anchor = last_any or anchor
        elif (
            kind == AnchorKind.PREVIOUS
            and last is not None
            and (rule.kind != "clock" or last_sentence == sent_index)
        ):
            # A clock time takes a day named in its own sentence; otherwise it is on the story's day.
            anchor = last
        recent_quarter = last_quarter[1] if last_quarter and sent_index - last_quarter[0] <= 3 else None
        adjunct = _ADJUNCT_BEFORE.search(doc.text, max(0, cand.start - 20), cand.start) is not None
        anchor = Anchor(
            anchor.day, anchor.kind, anchor.granularity, recent_quarter, adjunct, anchor.from_story
        )
        if rule.fields.get("not_in_play") and _play_re().search(sent.text):
            continue  # "left in the fourth quarter": a period of a game
        if rule.fields.get("not_past") and _past_beside(sent, cand.start, cand.end):
            continue  # "was soon released": shortly after a past event, no time of its own
        # Asked for only where it matters (most expressions never need it): each condition below reads
        # it last.
        tense = _tense_of(doc, cand, sent)
        in_story_year = (
            story_year is not None
            and kind == AnchorKind.PUBLICATION
            and ((rule.kind == "date" and "month" in cand.groups) or rule.kind == "season")
            and not any(cand.groups.get(k) for k in ("year", "year2", "spelled", "yrel", "wrel", "rel"))
            and sent_index - story_year[0] <= 2
            and tense() in ("past", "perfect")
        )
        if in_story_year and story_year is not None:
            # The nearer such month to the story's day: the tense of a past story says nothing about it.
            kind, tense = AnchorKind.PREVIOUS, known_tense(None)
            anchor = Anchor(story_year[1], kind, anchor.granularity, recent_quarter, adjunct, True)
        try:
            res = KINDS[rule.kind](cand.groups, rule.fields, anchor, tense)
            if (
                res is not None
                and res.day is not None
                and res.day > anchor.day
                and rule.kind == "date"
                and cand.groups.get("month")
                and not any(cand.groups.get(k) for k in ("year", "year2", "spelled", "yrel", "wrel"))
                and _placing(doc, cand, sent)[1]  # it follows "since"
            ):
                # "has been closed since September", in July: the September behind, however near the next
                earlier = {**cand.groups, "year": str(res.day.year - 1)}
                res = KINDS[rule.kind](earlier, rule.fields, anchor, tense)
        except (ValueError, OverflowError):
            # Off the calendar ("1999 decades earlier" is year -17989): no date to give, and no reason to
            # lose the article over it.
            continue
        if res is None:
            continue
        value = res.value
        # A year the text states ("the summer of 2008", "the third quarter of 1998") needs no reference.
        stated_year = any(cand.groups.get(k) for k in ("year", "year2", "spelled"))
        rel_days = None
        if (
            res.day is not None
            and kind != AnchorKind.ABSOLUTE
            and not stated_year
            and res.granularity in ("day", "part_of_day", "minute")
        ):
            rel_days = (res.day - ref.day).days
        if not ref.known and kind != AnchorKind.ABSOLUTE and not stated_year and not in_story_year:
            fixed_holiday = rule.kind == "holiday" and re.fullmatch(
                r"\d\d-\d\d", str(lex("holiday", cand.groups["holiday"]))
            )
            textual = "month" in cand.groups or bool(fixed_holiday)
            value = underspecify(value, keep_month_day=textual)
        mention = TimeMention(
            article=article_id,
            start=cand.start,
            end=cand.end,
            text=doc.text[cand.start : cand.end],
            type=res.type,
            value=value,
            rule=rule.name,
            anchor=kind,
            granularity=res.granularity,
            mod=res.mod,
            lo=res.lo,
            hi=res.hi,
            rel_days=rel_days,
            quantity=res.quantity,
            sentence=sent.index,
        )
        out.append(mention)
        if (rule.kind in ("clock", "clock_words") or rule.name == "daylight") and not any(
            cand.groups.get(k) for k in _NAMED_DAY
        ):
            dayless_clocks.add(len(out) - 1)
        if (
            res.day is not None
            and (rule.name == "quarter" or _reporting_quarter(rule.name, cand.groups))
            # the calendar first: a quarter that has ended needs no tense
            and (_quarter_ended(res.day, ref.day if ref.known else None) or tense() in ("past", "perfect"))
        ):
            # A quarter still to end that is not told in the past ("will result in a fourth-quarter
            # charge", "no estimate of fourth-quarter results" in November) is not the one the results
            # are about, which "the latest quarter" and "a year ago" then refer to.
            last_quarter = (sent_index, (res.day.year, (res.day.month - 1) // 3 + 1))
        # A day outside quotes that is not only a thing's name: where the story is.
        story_day = (
            res.day is not None
            and quote_index is None
            and res.granularity in ("day", "part_of_day", "minute")
            and not _names_a_thing(doc.text, cand.start, cand.end)
        )
        if res.day is not None and quote_index is None and not in_story_year:
            # A day with its year stated sets the story's year; any other year the story moves to ("the
            # following year") ends it.
            if stated_year and story_day:
                story_year = (sent_index, res.day) if res.day.year != ref.day.year else None
            elif story_year is not None and res.day.year != story_year[1].year:
                story_year = None
        if res.day is not None and quote_index is None and res.granularity not in ("decade", "century"):
            last_any = Anchor(res.day, kind, from_story=True)
            last_any_sentence = sent_index
        if story_day and res.day is not None:
            last = Anchor(res.day, kind, from_story=True)
            last_sentence = sent_index
            if res.granularity == "day":
                last_day = (sent_index, res.day)
    out = _clock_on_day(doc.text, out, dayless_clocks)
    _ranges_past_midnight(doc.text, out)
    _weekday_ranges(doc, out)
    _year_carried_back(doc, out)
    _month_ranges(doc, out, ref.day)
    return out


@cache
def _play_re() -> re.Pattern[str]:
    words = sorted(lexicon()["play_words"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r"|led\s+by\s+\d+(?!\s*%))\b", re.I)


@cache
def _determiner_before() -> re.Pattern[str]:
    """A determiner just before a day's name makes it a thing's name ("the Sunday Times", "its Monday
    edition"): the articles, the possessives and the demonstratives ("these" and "those" go with no one
    day)."""
    words = determiners("articles", "possessives", "demonstratives")
    return re.compile(r"(?:^|\W)(?:" + "|".join(sorted(words)) + r")\s+$", re.I)


_NOUN_AFTER = re.compile(
    r",?\s+(?!(?:and|or|but|to|of|in|on|at|by|for|from|with|when|while|as|that|which|who|"
    r"is|was|were|are|has|had|have|will|would|after|before|until|since)\b)[a-z][a-z-]+"
)


def _names_a_thing(text: str, start: int, end: int) -> bool:
    """Whether a date only names a thing ("the November 27 agreement", "the March 5 vote"): it says when
    that thing was, not where the story is, so "the following day" does not count from it."""
    return bool(_determiner_before().search(text, max(0, start - 8), start)) and bool(
        _NOUN_AFTER.match(text, end)
    )
