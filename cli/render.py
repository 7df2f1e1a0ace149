"""The Rich table: events grouped by day, relative days when the publication date is unknown."""

from __future__ import annotations

import bisect
import os
import re
import sys

from rich.console import Console
from rich.table import Table
from rich.text import Text

from timeline import Timeline
from timeline.model import Event, Modality

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]|\x1b\[[0-9;?]*[ -/]*[@-~]")
_WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def clean(text: str) -> str:
    """Article text is data: no terminal control sequences reach the screen."""
    return _CONTROL.sub("", text)


def day_label(e: Event, tl: Timeline) -> str:
    """The day an event happened, as a reader wants it: "Thu 3 Jul 2025", or relative to publication."""
    t = e.time
    if t is None:
        return "undated"
    ref = tl.references.get(t.article)
    if t.value in ("PAST_REF", "XXXX-PAST_REF"):
        return "before publication"
    if t.value.endswith("FUTURE_REF"):
        return "after publication"
    if t.value.endswith("PRESENT_REF"):
        return "around publication"
    if ref is not None and not ref.known and t.rel_days is not None:
        # The weekday is only shown when the text named it: it is inferred, not known.
        where = "pub. day" if t.rel_days == 0 else f"pub. {t.rel_days:+d} d"
        weekday = _WEEKDAYS[(ref.day.weekday() + t.rel_days) % 7]
        named = re.search(r"monday|tuesday|wednesday|thursday|friday|saturday|sunday", t.text, re.I)
        return f"{weekday} ({where})" if named else where
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", t.value)
    if m:
        from datetime import date

        d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return f"{_WEEKDAYS[d.weekday()]} {d.day} {d.strftime('%b')} {d.year}"
    return t.value


def _marks(e: Event) -> str:
    return {
        Modality.REPORTED: "reported",
        Modality.PLANNED: "planned",
        Modality.POSSIBLE: "possible",
        Modality.NEGATED: "did not happen",
    }.get(e.modality, "")


def paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs (runs of non-blank lines) begin."""
    return [m.start() for m in re.finditer(r"(?:^|(?<=\n))[^\S\n]*\S", text)]


def build_table(tl: Timeline) -> Table:
    unknown = [a.id for a in tl.articles if a.published is None]
    caption = None
    if unknown:
        caption = "days relative to the unknown publication day (pub.); give --published for dates"
    table = Table(title="newsline timeline", caption=caption, expand=False, header_style="bold")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Day", no_wrap=True)
    table.add_column("When (text)", style="cyan", max_width=16)
    table.add_column("Event", ratio=4, min_width=30)
    table.add_column("Who", ratio=1, max_width=28)
    table.add_column("Source", no_wrap=True, style="dim")
    previous_day = None
    multi = len(tl.articles) > 1
    paragraphs = {a.id: paragraph_starts(a.text) for a in tl.articles}
    for e in tl.events:
        day = day_label(e, tl)
        if previous_day is not None and day != previous_day:
            table.add_section()
        shown_day = day if day != previous_day else ""
        previous_day = day
        title = Text(clean(e.title))
        mark = _marks(e)
        if mark:
            title.append(
                f"  [{mark}" + (f": {clean(e.speaker)}" if e.speaker else "") + "]", style="italic yellow"
            )
        when = clean(e.time.text) if e.time else ""
        sources = sorted({m.article for m in e.mentions})
        first = e.mentions[0]
        para = bisect.bisect_right(paragraphs.get(first.article, [0]), first.trigger[0])
        src = ", ".join(sources) if multi else f"¶{max(para, 1)}"
        table.add_row(
            str(e.rank), shown_day, Text(when), title, Text(clean(", ".join(e.actors[:4]))), Text(src)
        )
    return table


def render_table(tl: Timeline, no_color: bool = False, file=None) -> None:
    """Print the timeline as a table, honouring NO_COLOR and --no-color."""
    color = not no_color and "NO_COLOR" not in os.environ
    console = Console(
        file=file or sys.stdout,
        no_color=not color,
        highlight=False,
        soft_wrap=False,
        emoji=False,
        markup=False,
    )
    if not tl.events:
        console.print("No events found.")
        return
    console.print(build_table(tl))
