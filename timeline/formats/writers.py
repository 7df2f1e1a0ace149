"""Every output format, built from one place: the newsline/1 dict of `newsline.formats.document.to_dict`.

CSV, Markdown, TimelineJS and TimeML (and the CLI's table) read only that dict, never the dataclasses, so
that a fact shown in one format is the same fact in every other. TimeML also needs each article's text (the
document it tags); it is passed alongside, keyed by article id.

Article text is data. Each writer makes it safe for its medium: control characters are removed everywhere,
CSV cells that a spreadsheet would run as a formula are defused, Markdown table syntax is escaped, HTML is
escaped for TimelineJS (which renders `text` as HTML) and XML for TimeML.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache
from typing import Any

from newsline.model import AnchorKind, TimeMention
from newsline.rules import weekday_names

WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


@cache
def _weekday_re() -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(weekday_names()) + r")", re.I)


# Escape sequences first (CSI, OSC, other ESC-led), so that their parameters go with them, then any other
# C0/C1 control character and the bidirectional overrides that can make a terminal show text reordered.
_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, screen clearing
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window titles, hyperlinks
    r"|\x1b[P^_X][^\x1b]*(?:\x1b\\)?"  # DCS, PM, APC, SOS strings
    r"|\x1b[ -~]?"  # any other escape
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)
_BREAKS = re.compile(r"[\t\r\n\u2028\u2029]+")


def clean(text: str) -> str:
    """Text safe to show: terminal control sequences and control characters removed (tabs and line
    breaks are kept; `one_line` folds them)."""
    return _CONTROL.sub("", text)


def one_line(text: str) -> str:
    """`clean` text on one line: tabs and line breaks become single spaces."""
    return _BREAKS.sub(" ", clean(text)).strip()


# ---------------------------------------------------------------------------------------------- rows


def _date_of(value: str) -> date | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


_PART_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "MI": "midday",
                "DT": "daytime"}


def time_of_day(when: dict[str, Any] | None) -> str:
    """The time of day a `when` gives, as its value says it: "09:30", "night", "" (none: a day or vaguer).
    Never a clock time the text did not give."""
    if not when:
        return ""
    m = re.search(r"T(\d\d:\d\d|[A-Z]{2})$", when["value"])
    if not m:
        return ""
    part = m.group(1)
    return _PART_OF_DAY.get(part, part)


def day_iso(when: dict[str, Any] | None) -> str:
    """The calendar day of a `when` as YYYY-MM-DD, when its value names one ("" otherwise)."""
    d = _date_of(when["value"]) if when else None
    return d.isoformat() if d else ""


def day_label(when: dict[str, Any] | None) -> str:
    """The day an event happened as a reader wants it: "Thu 3 Jul 2025"; relative to publication
    ("Thu (pub. -1 d)", "pub. day") when the publication date is unknown; "undated" without a time."""
    if when is None:
        return "undated"
    value = when["value"]
    if value.endswith("PAST_REF"):
        return "before publication"
    if value.endswith("FUTURE_REF"):
        return "after publication"
    if value.endswith("PRESENT_REF"):
        return "around publication"
    d = _date_of(value)
    if d is not None:
        return f"{WEEKDAYS[d.weekday()]} {d.day} {d.strftime('%b')} {d.year}"
    if when["relative_day"] is not None and value.startswith("XXXX"):
        # The weekday is shown only when the text named it: without a publication date it is not known.
        days = when["relative_day"]
        where = "pub. day" if days == 0 else f"pub. {days:+d} d"
        named = _weekday_re().search(when["text"])
        return f"{named.group(1)[:3].title()} ({where})" if named else where
    if value.startswith("XXXX") and when.get("start") and when.get("end"):
        # "a few days later": no day of its own, but the days it lies between are known.
        return span_label(when["start"], when["end"])
    return period_label(value)


_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_PERIOD = re.compile(
    r"(?P<year>\d{4})(?:-W(?P<week>\d\d)(?P<we>-WE)?|-(?P<month>\d\d)|-Q(?P<q>[1-4])|-H(?P<h>[12])"
    r"|-(?P<season>SP|SU|FA|WI))?|(?P<decade>\d{3})|(?P<century>\d{2})"
)


def period_label(value: str) -> str:
    """A TIMEX3 value coarser than a day as a reader wants it: "week of 14 Jul 2025", "Aug 2025", "Q3 2025",
    "summer 2025", "winter 2025-26", "1990s", "1800s"; any other value as it is."""
    m = _PERIOD.fullmatch(value)
    if not m:
        return value
    year = int(m["year"]) if m["year"] else None
    if m["week"] and year is not None:
        try:
            monday = date.fromisocalendar(year, int(m["week"]), 1)
        except ValueError:
            return value
        if m["we"]:
            return "weekend " + span_label((monday + timedelta(days=5)).isoformat(),
                                           (monday + timedelta(days=7)).isoformat())
        return f"week of {monday.day} {monday.strftime('%b')} {monday.year}"
    if m["month"] and year is not None and 1 <= int(m["month"]) <= 12:
        return f"{date(year, int(m['month']), 1).strftime('%b')} {year}"
    if m["q"]:
        return f"Q{m['q']} {year}"
    if m["h"]:
        return f"H{m['h']} {year}"
    if m["season"] and year is not None:
        name = _SEASONS[m["season"]]
        return f"{name} {year}-{(year + 1) % 100:02d}" if m["season"] == "WI" else f"{name} {year}"
    if m["decade"]:
        return f"{m['decade']}0s"
    if m["century"]:
        return f"{m['century']}00s"
    return value


def span_label(start: str, end: str) -> str:
    """The days from `start` up to `end` (exclusive, ISO times) as a reader wants them: "1-4 Jul 2025",
    "28 Jun - 4 Jul 2025", "Jan 1989 - Dec 1998" for long spans."""
    first = date.fromisoformat(start[:10])
    last = date.fromisoformat(end[:10])
    if end[10:] in ("", "T00:00") and last > first:
        last -= timedelta(days=1)  # the end is exclusive: midnight closes the day before
    if (last - first).days > 62:
        a, b = first.strftime("%b %Y"), last.strftime("%b %Y")
        return a if a == b else f"{a} - {b}"
    if first == last:
        return f"{WEEKDAYS[first.weekday()]} {first.day} {first.strftime('%b')} {first.year}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}-{last.day} {first.strftime('%b')} {first.year}"
    if first.year == last.year:
        return f"{first.day} {first.strftime('%b')} - {last.day} {last.strftime('%b')} {last.year}"
    return f"{first.day} {first.strftime('%b %Y')} - {last.day} {last.strftime('%b %Y')}"


MARKS = {"reported": "reported", "planned": "planned", "possible": "possible", "negated": "did not happen"}


def mark(event: dict[str, Any]) -> str:
    """How sure the text is that an event happened, for display: "" when asserted, "reported: X", ..."""
    word = MARKS.get(event["modality"], "")
    if word and event["speaker"]:
        return f"{word}: {event['speaker']}"
    return word


def sources_label(event: dict[str, Any]) -> str:
    """Where an event is told: "kyiv s.1, 3, 14; bbc s.2" (each article once, its sentences 1-based)."""
    by_article: dict[str, list[int]] = {}
    for s in event["sources"]:
        sentences = by_article.setdefault(s["article"], [])
        if s["sentence"] + 1 not in sentences:
            sentences.append(s["sentence"] + 1)
    return "; ".join(f"{a} s.{', '.join(map(str, sorted(n)))}" for a, n in by_article.items())


def event_row(event: dict[str, Any]) -> dict[str, Any]:
    """The columns every tabular format shows, for one event of the newsline/1 dict (text not yet made
    safe for any medium: each writer does that)."""
    when = event["when"]
    return {
        "rank": event["rank"],
        "day": day_iso(when) or (when["relative"] if when and when["relative"] else day_label(when)),
        "day_label": day_label(when),
        "time": time_of_day(when),
        "when": when["text"] if when else "",
        "title": event["title"],
        "modality": event["modality"],
        "minor": "true" if event.get("minor") else "false",
        "mark": mark(event),
        "speaker": event["speaker"] or "",
        "actors": ", ".join(event["actors"]),
        "sources": sources_label(event),
        "id": event["id"],
        "inferred": bool(when and when.get("source") in INFERRED_SOURCES),
    }


# Where an event's day is inferred from the story, not given by the text (`when.source`): the table and
# the Markdown mark such a day with "≈".
INFERRED_SOURCES = frozenset({"narrative", "lead", "tense"})
INFERRED_NOTE = "≈ the text gives no time for the event: the day is inferred from the story"


# ----------------------------------------------------------------------------------------------- CSV

CSV_COLUMNS = [
    "rank", "day", "time", "when", "title", "modality", "minor", "speaker", "actors", "sources", "id"
]  # fmt: skip
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A cell a spreadsheet shows as text: one that would start a formula (= + - @ tab CR) gets a leading
    apostrophe (the OWASP advice); numbers are left alone."""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START):
        value = "'" + value
    return one_line(value)


def to_csv(d: dict[str, Any]) -> str:
    """One row per event (RFC 4180, CRLF line ends, a header row): day, time, title, actors, sources, and
    `minor` ("true" for an event the table leaves out: every event is here, as in the JSON)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in d["events"]:
        row = event_row(e)
        writer.writerow([csv_cell(row[c]) for c in CSV_COLUMNS])
    return out.getvalue()


# ------------------------------------------------------------------------------------------ Markdown

_MD_SPECIAL = re.compile(r"([\\|*_`\[\]<>#~])")


def md_cell(text: str) -> str:
    """Text for a Markdown table cell: on one line, with table and inline syntax escaped."""
    return _MD_SPECIAL.sub(r"\\\1", one_line(text))


def to_markdown(d: dict[str, Any]) -> str:
    """A Markdown (GitHub) table, one row per event the table shows (minor events are counted, not shown):
    rank, day, time, event (with how sure), who, sources."""
    lines = []
    titles = [a["title"] or a["id"] for a in d["articles"]]
    if titles:
        lines += ["## Timeline: " + md_cell("; ".join(titles)), ""]
    unknown = [a["id"] for a in d["articles"] if a["published"] is None]
    if unknown:
        lines += ["Days are relative to the unknown publication day (pub.).", ""]
    lines.append("| # | Day | Time | Event | Who | Sources |")
    lines.append("| ---: | --- | --- | --- | --- | --- |")
    rows = [e for e in d["events"] if not e.get("minor")]  # as the table: the library's rows
    for e in rows:
        row = event_row(e)
        time = " ".join(x for x in (row["when"], f"({row['time']})" if row["time"] else "") if x)
        if row["inferred"]:
            time = f"≈ {time or 'present tense'}"
        event = md_cell(row["title"]) + (f" *({md_cell(row['mark'])})*" if row["mark"] else "")
        cells = [str(row["rank"]), md_cell(row["day_label"]), md_cell(time), event, md_cell(row["actors"]),
                 md_cell(row["sources"])]
        lines.append("| " + " | ".join(cells) + " |")
    if not d["events"]:
        lines.append("| | | | no events found | | |")
    if any(event_row(e)["inferred"] for e in rows):
        lines += ["", INFERRED_NOTE]
    if len(rows) < len(d["events"]):
        lines += ["", f"{len(d['events']) - len(rows)} minor events (bare attributions, fragments, states) "
                  "are not shown; the JSON has them."]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------- TimelineJS


def html_escape(text: str) -> str:
    """Text for TimelineJS, which renders headlines and texts as HTML."""
    text = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;")


def _tljs_date(when: dict[str, Any]) -> dict[str, Any] | None:
    """A TimelineJS date object for a `when` with a calendar day; None without one. The hour is given
    only when the text gave a clock time (never a part of day turned into an invented hour)."""
    d = _date_of(when["value"])
    if d is None:
        return None
    out: dict[str, Any] = {"year": d.year, "month": d.month, "day": d.day}
    clock = re.search(r"T(\d\d):(\d\d)$", when["value"])
    if clock:
        out["hour"], out["minute"] = int(clock.group(1)), int(clock.group(2))
        if out["hour"] == 24:  # "midnight on Thursday" is T24:00 of Thursday: 00:00 of the next day
            nxt = d + timedelta(days=1)
            out.update(year=nxt.year, month=nxt.month, day=nxt.day, hour=0)
    return out


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "event"


def to_timelinejs(d: dict[str, Any]) -> dict[str, Any]:
    """The JSON that TimelineJS 3 loads as is: {"title": slide, "events": [slide...]}, each slide with a
    `start_date` ({year, month, day[, hour, minute]}) and `text` ({headline, text}, HTML-escaped).

    TimelineJS needs a calendar date for every slide, so events without one (undated, "recently", or any
    event when the publication date is unknown) are left out; the title slide says how many.
    """
    slides = []
    rows = [e for e in d["events"] if not e.get("minor")]  # as the table: the library's rows
    for e in rows:
        when = e["when"]
        start = _tljs_date(when) if when else None
        if start is None:
            continue
        row = event_row(e)
        parts = [f"<p>{html_escape(e['text'])}</p>"]
        if row["mark"]:
            parts.append(f"<p><em>{html_escape(row['mark'])}</em></p>")
        if row["actors"]:
            parts.append(f"<p>Who: {html_escape(row['actors'])}</p>")
        parts.append(f"<p>Source: {html_escape(row['sources'])}</p>")
        display = day_label(when) + (f", {when['text']}" if when["text"] else "")
        slides.append(
            {
                "start_date": start,
                "display_date": html_escape(display),
                "text": {"headline": html_escape(e["title"]), "text": "".join(parts)},
                "unique_id": _slug(e["id"]),
                "group": e["kind"],
            }
        )
    left_out = len(rows) - len(slides)
    names = [a["title"] or a["id"] for a in d["articles"]]
    intro = f"{len(slides)} dated events from {len(d['articles'])} article(s), by newsline."
    if left_out:
        intro += f" {left_out} events without a calendar date are not shown (see the JSON output)."
    if len(rows) < len(d["events"]):
        intro += f" {len(d['events']) - len(rows)} minor events (bare attributions, fragments) are not shown."
    return {
        "title": {"text": {"headline": html_escape("; ".join(names) or "newsline timeline"),
                           "text": f"<p>{intro}</p>"}},
        "events": slides,
    }


def to_timelinejs_json(d: dict[str, Any]) -> str:
    """`to_timelinejs` as indented JSON text."""
    return json.dumps(to_timelinejs(d), ensure_ascii=False, indent=2) + "\n"


# -------------------------------------------------------------------------------------------- TimeML

# XML 1.0 forbids these characters even as references; they become spaces (one for one, so that the
# offsets of the time mentions stay right).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _mention(m: dict[str, Any]) -> TimeMention:
    return TimeMention(m["article"], m["start"], m["end"], m["text"], m["type"], m["value"], m["rule"],
                       AnchorKind(m["anchor"]), mod=m["mod"])


def to_timeml(d: dict[str, Any], texts: dict[str, str]) -> Iterable[tuple[str, str]]:
    """One TimeML document per article: (article id, document), its text with TIMEX3 tags for the
    article's time mentions and the publication date as its DCT (the writer of `newsline tag`)."""
    from newsline.formats.timeml import minimal_timeml
    from newsline.readers.files import parse_published

    for a in d["articles"]:
        text = _XML_ILLEGAL.sub(" ", texts.get(a["id"], ""))
        mentions = [_mention(m) for m in d["time_mentions"] if m["article"] == a["id"]]
        dct = parse_published(a["published"]) if a["published"] else None
        yield a["id"], minimal_timeml(text, mentions, dct, a["id"])
