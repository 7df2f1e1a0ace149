"""The Rich table, built from the newsline/1 dict like every other format: events grouped by day, days
relative to publication when its date is unknown, reported/planned/possible/negated events marked, columns
chosen to fit the terminal.

Article text is data: every cell is a `rich.text.Text` (never parsed as markup) and goes through
`newsline.formats.writers.one_line`, which removes terminal control sequences.
"""

from __future__ import annotations

import bisect
import os
import re
import sys
from typing import IO, Any

from newsline.formats.writers import day_label, mark, one_line, time_of_day
from rich.console import Console
from rich.table import Table
from rich.text import Text


def color_wanted(no_color: bool) -> bool:
    """Colours unless --no-color or NO_COLOR (set and not empty, as https://no-color.org says)."""
    return not no_color and not os.environ.get("NO_COLOR")


def paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs (runs of non-blank lines) begin."""
    return [m.start() for m in re.finditer(r"(?:^|(?<=\n))[^\S\n]*\S", text)]


def _source_label(event: dict[str, Any], multi: bool, paragraphs: dict[str, list[int]]) -> str:
    """ "¶3" (the paragraph of the first source) for one article; the article ids for several."""
    if multi:
        return ", ".join(sorted({s["article"] for s in event["sources"]}))
    first = event["sources"][0]
    starts = paragraphs.get(first["article"])
    if starts is None:
        return f"s.{first['sentence'] + 1}"
    return f"¶{max(bisect.bisect_right(starts, first['trigger'][0]), 1)}"


_INFERRED = {"narrative", "lead", "tense"}


def build_table(
    d: dict[str, Any], width: int, texts: dict[str, str] | None = None, show_all: bool = False
) -> Table:
    """The table for a console `width` characters wide: under 110 the "When" column goes (its words join
    the day), under 72 "Who", under 56 "Source", so that the event titles keep room to be read. Minor
    events (marked `minor` by the library) are left out unless `show_all`; the caption says how many."""
    unknown = [a["id"] for a in d["articles"] if a["published"] is None]
    # The library decides what a row is (`minor`); a saved timeline from before that field has none.
    events = d["events"] if show_all else [e for e in d["events"] if not e.get("minor")]
    notes = []
    if unknown:
        notes.append("days relative to the unknown publication day (pub.); give --published for dates")
    if any(e["when"] and e["when"].get("source") in _INFERRED for e in events):
        notes.append("≈ the text gives no time for the event: the day is inferred from the story")
    if len(events) < len(d["events"]):
        notes.append(
            f"{len(d['events']) - len(events)} minor events (bare attributions, fragments, states) "
            "not shown: --all"
        )
    caption = "\n".join(notes) or None
    show_when, show_who, show_source = width >= 110, width >= 72, width >= 56
    table = Table(
        title="newsline timeline",
        caption=caption,
        expand=False,
        header_style="bold",
        show_lines=False,
    )
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Day", max_width=20 if show_when else 16, overflow="fold")
    if show_when:
        table.add_column("When (text)", style="cyan", max_width=16, overflow="fold")
    table.add_column("Event", ratio=4, min_width=20, overflow="fold")
    if show_who:
        table.add_column("Who", ratio=1, max_width=28, overflow="fold")
    if show_source:
        table.add_column("Source", no_wrap=True, style="dim")
    multi = len(d["articles"]) > 1
    paragraphs = {k: paragraph_starts(v) for k, v in (texts or {}).items()}
    previous_day = None
    for e in events:
        when = e["when"]
        day = day_label(when)
        if previous_day is not None and day != previous_day:
            table.add_section()
        shown_day = day if day != previous_day else ""
        previous_day = day
        title = Text(one_line(e["title"]))
        how = mark(e)
        if how:
            title.append(f"  [{one_line(how)}]", style="italic yellow")
        when_text = one_line(when["text"]) if when else ""
        part = time_of_day(when)
        if part and part not in when_text:
            when_text += f" ({part})"
        if when and when.get("source") in _INFERRED:
            # The text gives this event no time of its own: the day is inferred from the story.
            when_text = f"≈ {when_text or 'present tense'}"
        row: list[Text | str] = [str(e["rank"])]
        if show_when:
            row += [Text(shown_day), Text(when_text)]
        else:
            cell = Text(shown_day + ("\n" if shown_day and when_text else ""))
            cell.append(when_text, style="cyan")
            row.append(cell)
        row.append(title)
        if show_who:
            row.append(Text(one_line(", ".join(e["actors"][:4]))))
        if show_source:
            row.append(Text(one_line(_source_label(e, multi, paragraphs))))
        table.add_row(*row)
    return table


def render_table(
    d: dict[str, Any],
    texts: dict[str, str] | None = None,
    no_color: bool = False,
    file: IO[str] | None = None,
    width: int | None = None,
    show_all: bool = False,
) -> None:
    """Print the newsline/1 dict `d` as a table fitted to the terminal, honouring NO_COLOR and --no-color.

    `texts` (article id -> text) lets the Source column give paragraphs; without it, sentences.
    """
    color = color_wanted(no_color)
    console = Console(
        file=file or sys.stdout,
        no_color=not color,
        color_system="auto" if color else None,
        highlight=False,
        soft_wrap=False,
        emoji=False,
        markup=False,
        width=width,
    )
    if not d["events"]:
        console.print(Text("No events found."))
        return
    console.print(build_table(d, console.width, texts, show_all))
