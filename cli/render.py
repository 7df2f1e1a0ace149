"""The Rich table: events grouped by day, relative days when the publication date is unknown."""

from __future__ import annotations

import os
import re
import sys

from rich.console import Console
from rich.table import Table
from rich.text import Text

from timeline import Timeline
from timeline.export import relative_label
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
        label = relative_label(t.rel_days) or ""
        weekday = _WEEKDAYS[(ref.day.weekday() + t.rel_days) % 7] if ref.weekday_inferred else None
        return f"{label} ({weekday})" if weekday and re.search(r"day", t.text, re.I) else label
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


def build_table(tl: Timeline) -> Table:
    table = Table(title="newsline timeline", show_lines=False, expand=False, header_style="bold")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Day", no_wrap=True)
    table.add_column("When (text)", style="cyan")
    table.add_column("Event", ratio=3)
    table.add_column("Who", ratio=1)
    table.add_column("Source", no_wrap=True, style="dim")
    previous_day = None
    multi = len(tl.articles) > 1
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
        src = ", ".join(sources) if multi else f"¶{e.mentions[0].sentence + 1}"
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
