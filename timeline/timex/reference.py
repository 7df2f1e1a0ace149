"""The reference days time expressions are resolved against: the article's publication day (given, read
from a dateline, or a stand-in whose weekday the article's past-tense weekdays suggest), and the day each
quote was said.

Reads an `Article` and its segmented `Document` (and, for speech days, the time mentions); writes a
`Reference`, a publication `TimeMention` and a {quote index: day} map.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, tzinfo

from newsline.language.text import Document, segment, tense_near
from newsline.model import AnchorKind, Article, Reference, TimeMention
from newsline.timex.recognise import data as time_data
from newsline.timex.recognise import lex, recognise
from newsline.timex.tagger import tag

DAY = 1440.0


def reference_for(article: Article, doc: Document, tz: tzinfo | None = None) -> tuple[Reference, str | None]:
    """The article's reference day: given, or read from a dateline, or a stand-in with an inferred weekday.

    Returns the reference and where it came from ("given", "dateline" or None for unknown).
    """
    pub = article.published
    if pub is not None:
        if isinstance(pub, datetime):
            moment = pub
            if pub.tzinfo is not None and tz is not None:
                moment = pub.astimezone(tz)
            return Reference(moment.date(), True, tz or pub.tzinfo, moment), article.published_from or "given"
        return Reference(pub, True, tz), article.published_from or "given"
    found = dateline(article.text)
    if found is not None:
        return Reference(found, True, tz), "dateline"
    return Reference(_stand_in_day(doc), False, tz, weekday_inferred=True), None


_DATELINE_HINT = re.compile(r"(?:published|posted|updated|date|dateline)\s*:?\s*$", re.I)


def dateline(text: str) -> date | None:
    """A full date standing alone on one of the first lines, or after "Published:" and the like."""
    head = text[:400]
    for cand in recognise(head):
        if cand.rule.anchor != AnchorKind.ABSOLUTE or not {"year", "month", "day"} <= cand.groups.keys():
            continue
        line_start = head.rfind("\n", 0, cand.start) + 1
        line_end = head.find("\n", cand.end)
        line = head[line_start : line_end if line_end >= 0 else len(head)]
        before = head[line_start : cand.start]
        if len(line.strip()) <= 60 or _DATELINE_HINT.search(before):
            month = cand.groups["month"]
            m = int(month) if month.isdigit() else lex("month", month)
            try:
                return date(int(cand.groups["year"]), m, int(cand.groups["day"]))
            except ValueError:
                continue
    return None


def _stand_in_day(doc: Document) -> date:
    """With no publication date, a stand-in day whose weekday best explains the weekdays the article uses
    in the past tense (news tells the last few days): the day that puts them all closest before it."""
    weekdays = time_data()["lexicon"]["weekday"]
    pattern = re.compile(r"\b(" + "|".join(weekdays) + r")\b", re.I)
    seen: list[int] = []
    for m in pattern.finditer(doc.text):
        if tense_near(doc, m.start(), m.end()) != "future":
            seen.append(weekdays[m.group(1).lower()])
    best = 0
    if seen:
        best = min(range(7), key=lambda w: (sum((w - s) % 7 for s in seen), w))
    # Any day with that weekday serves: values tied to it are printed relative to publication.
    base = date(2001, 1, 1)  # a Monday
    return base + timedelta(days=best)


_FULL_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def speech_days(doc: Document, mentions: list[TimeMention], ref: Reference) -> dict[int, date]:
    """The day each quote was said: a day-precise time in its reporting frame, else the speaker's previous
    quote's day when the frame only says "he added", else the publication day."""
    out: dict[int, date] = {}
    previous: tuple[int, date] | None = None
    # Day-precise mentions outside quotes, by sentence: each quote looks at its own sentences only (a scan
    # of every mention for every quote was quadratic in a text with thousands of quotes).
    by_sentence: dict[int, list[TimeMention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for qi, q in enumerate(doc.quotes):
        sent_idx = {q.sentence, doc.sentence_at(max(q.start, q.end - 1)).index}
        frame = [
            m
            for si in sorted(sent_idx)
            for m in by_sentence.get(si, [])
            if doc.quote_at(m.start) is None
            and (m.rel_days is not None or _FULL_DAY.match(m.value))
            and m.granularity in ("day", "part_of_day", "minute")
        ]
        if frame:
            near = min(frame, key=lambda m: min(abs(m.start - q.start), abs(m.start - q.end)))
            # a day the frame states in full ("said on 15 January 2024") is that day, whatever publication
            if near.rel_days is not None:
                out[qi] = ref.day + timedelta(days=near.rel_days)
            else:
                out[qi] = date.fromisoformat(near.value[:10])
        else:
            sent = doc.sentences[q.sentence]
            frame_text = doc.text[sent.start : q.start]
            if (
                previous is not None
                and q.sentence - previous[0] <= 2
                and re.search(
                    r"\b(?:he|she|they)\s+(?:also\s+)?(?:added|continued|went on)\b", frame_text, re.I
                )
            ):
                out[qi] = previous[1]
        if qi in out:
            previous = (q.sentence, out[qi])
    return out


def publication_mention(article_id: str, ref: Reference) -> TimeMention:
    """The publication day as a time mention (no text of its own): what an event told in the present
    tense is dated by."""
    lo = ref.midnight
    value = ref.day.isoformat() if ref.known else "XXXX-XX-XX"
    return TimeMention(
        article_id,
        0,
        0,
        "",
        "DATE",
        value,
        "publication",
        AnchorKind.PUBLICATION,
        "day",
        None,
        lo,
        lo + DAY,
        0,
        None,
        -1,
    )


def article_times(
    article: Article, doc: Document, tz: tzinfo | None = None
) -> tuple[list[TimeMention], Reference, str | None, dict[int, date]]:
    """Every time mention of an article, resolved: its reference day (and where it came from: "given",
    "dateline" or None), and the day each quote was said, against which the quotes' own expressions
    ("yesterday" in a Friday quote) are resolved. The one way both `newsline parse` and `newsline tag` date
    an article."""
    ref, origin = reference_for(article, doc, tz)
    # Recognised once, resolved once per set of anchors: recognition is most of tagging's time, and the
    # quotes' speech days only change what their expressions resolve against.
    candidates = recognise(doc.text)
    first = tag(doc, article.id, ref, candidates=candidates)
    speech = speech_days(doc, first, ref)
    mentions = tag(doc, article.id, ref, speech, candidates) if speech else first
    return mentions, ref, origin, speech


def tag_text(
    text: str, article_id: str, published: date | datetime | None = None, tz: tzinfo | None = None
) -> tuple[list[TimeMention], Reference, str | None]:
    """The time mentions of a text, as `newsline parse` finds them (no events): `newsline tag`.

    The reference is `published` when given, else a dateline, else an unknown day (values tied to it are
    then underspecified). Returns the mentions, the reference and where it came from ("given", "dateline"
    or None).
    """
    doc = segment(text)
    article = Article(article_id, text, published, None, None, "given" if published is not None else None)
    mentions, ref, origin, _ = article_times(article, doc, tz)
    return mentions, ref, origin
