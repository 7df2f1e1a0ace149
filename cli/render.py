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

from newsline.formats.writers import INFERRED_NOTE, INFERRED_SOURCES, day_label, mark, one_line, time_of_day
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text


def color_wanted(no_color: bool) -> bool:
    """Colours unless --no-color or NO_COLOR (set and not empty, as https://no-color.org says)."""
    return not no_color and not os.environ.get("NO_COLOR")


def paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs (runs of non-blank lines) begin."""
    return [m.start() for m in re.finditer(r"(?:^|(?<=\n))[^\S\n]*\S", text)]


def source_room(width: int) -> int:
    """The characters the Source column may take in a table `width` columns wide: enough for an article id
    and a count, never so many that the other columns lose theirs."""
    return max(10, min(24, width // 5))


def _fit(text: str, room: int) -> str:
    return text if len(text) <= room else text[: max(room - 1, 1)] + "…"


def _source_label(
    event: dict[str, Any], multi: bool, paragraphs: dict[str, list[int]], room: int = 24
) -> str:
    """ "¶3" (the paragraph of the first source) for one article; with several articles in the table, the
    event's first article's id and how many more ("reuters-kyiv +3", or "4 articles" when an id would not
    keep six characters), in at most `room` characters: listing every id took the whole width."""
    if multi:
        articles = sorted({s["article"] for s in event["sources"]})
        if len(articles) == 1:
            return _fit(articles[0], room)
        more = f" +{len(articles) - 1}"
        if room - len(more) < 6:
            return f"{len(articles)} articles"
        return _fit(articles[0], room - len(more)) + more
    first = event["sources"][0]
    starts = paragraphs.get(first["article"])
    if starts is None:
        return f"s.{first['sentence'] + 1}"
    return f"¶{max(bisect.bisect_right(starts, first['trigger'][0]), 1)}"


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
    if any(e["when"] and e["when"].get("source") in INFERRED_SOURCES for e in events):
        notes.append(INFERRED_NOTE)
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
    room = source_room(width)
    multi = len(d["articles"]) > 1
    paragraphs = {k: paragraph_starts(v) for k, v in (texts or {}).items()}
    previous_day = None
    rows: list[tuple[bool, list[Text | str]]] = []  # (a new day begins, the cells)
    for e in events:
        when = e["when"]
        day = day_label(when)
        new_day = previous_day is not None and day != previous_day
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
        if when and when.get("source") in INFERRED_SOURCES:
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
            row.append(Text(one_line(_source_label(e, multi, paragraphs, room))))
        rows.append((new_day, row))

    fixed: dict[str, int | None] = {"Day": None, "Who": None, "Source": None}
    if not show_when:
        fixed = _narrow_widths(width, rows, show_who, show_source)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Day", max_width=20 if show_when else 16, width=fixed["Day"], overflow="fold")
    if show_when:
        table.add_column("When (text)", style="cyan", max_width=16, overflow="fold")
    table.add_column("Event", ratio=4, min_width=20, overflow="fold")
    if show_who:
        table.add_column("Who", ratio=1, max_width=28, width=fixed["Who"], overflow="fold")
    if show_source:
        table.add_column(
            "Source", no_wrap=True, style="dim", max_width=room, width=fixed["Source"], overflow="ellipsis"
        )
    for new_day, row in rows:
        if new_day:
            table.add_section()
        table.add_row(*row)
    return table


def _natural(rows: list[tuple[bool, list[Text | str]]], column: int, header: str) -> int:
    """The width column `column` would take unwrapped: its longest line, or its header."""
    lines = [line for _, row in rows for line in str(row[column]).split("\n")]
    return max([cell_len(header)] + [cell_len(line) for line in lines])


def _narrow_widths(
    width: int, rows: list[tuple[bool, list[Text | str]]], show_who: bool, show_source: bool
) -> dict[str, int | None]:
    """Fixed widths for Day, Who and Source in a table under 110 columns (no When column), so that the
    Event column, the only one left to wrap, takes the rest and keeps at least 20 characters. Rich evens
    out the widths of the columns that wrap, so with long Source labels (several articles) it squeezed
    Event below its minimum and then overflowed the terminal, or shrank Day and Who to nothing. Each
    column is given its natural width within its cap; when Event would get less than 20, Who gives way
    first (down to 8), then Day (down to 10), then Source (down to 8)."""
    ncols = 3 + show_who + show_source
    overhead = (ncols + 1) + 2 * ncols  # borders, and a space either side of each cell
    rank = _natural(rows, 0, "#")
    day = min(16, _natural(rows, 1, "Day"))
    who = min(28, max(8, width // 5), _natural(rows, 3, "Who")) if show_who else 0
    source = _natural(rows, 3 + show_who, "Source") if show_source else 0
    source = min(source, source_room(width))
    event_min = 20
    for name, floor in (("who", 8), ("day", 10), ("source", 8)):
        short = event_min - (width - overhead - rank - day - who - source)
        if short <= 0:
            break
        if name == "who" and show_who:
            who = max(min(who, 8), who - short)
        elif name == "day":
            day = max(min(day, floor), day - short)
        elif name == "source" and show_source:
            source = max(min(source, floor), source - short)
    return {"Day": day, "Who": who if show_who else None, "Source": source if show_source else None}


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
