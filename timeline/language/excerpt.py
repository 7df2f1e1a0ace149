"""An event's `text` in the output: its sentence, bounded.

Every event repeated its whole source sentence, so a long sentence with many events was written once per
event and the output grew with the square of the input (19 KB of text gave 41.6 MB of JSON; unpunctuated
transcripts were worse). A news sentence is rarely longer than `MAX_TEXT` characters (the seed article's
longest is 281), and such a sentence is still given whole; a longer one is cut to the event's clause
when that fits, else to a window of `MAX_TEXT` characters around the trigger, at word boundaries, with
"…" where it was cut. So every event's text is bounded and the output is linear in the input.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsline.language.text import Document
from newsline.model import Event, Mention

MAX_TEXT = 300
ELLIPSIS = "…"


def note_sentence_starts(events: Iterable[Event], doc: Document) -> None:
    """Record in each mention where its sentence starts in the article (what `excerpt` needs to find the
    clause and the trigger in the sentence)."""
    for e in events:
        for m in e.mentions:
            if 0 <= m.sentence < len(doc.sentences):
                m.sentence_start = doc.sentences[m.sentence].start


def _cut(text: str, lo: int, hi: int) -> str:
    """text[lo:hi] widened or narrowed to word boundaries, with an ellipsis at each end that was cut."""
    lo, hi = max(0, lo), min(len(text), hi)
    if lo > 0 and not text[lo - 1].isspace():
        space = text.find(" ", lo, hi)
        lo = space + 1 if space >= 0 else lo
    if hi < len(text) and not text[hi].isspace():
        space = text.rfind(" ", lo, hi)
        hi = space if space > lo else hi
    body = text[lo:hi].strip()
    return (ELLIPSIS if lo > 0 else "") + body + (ELLIPSIS if hi < len(text) else "")


def excerpt(m: Mention, limit: int = MAX_TEXT) -> str:
    """The text to show for mention `m`: its sentence when at most `limit` characters, else its clause
    when that fits, else `limit` characters around its trigger (never more than `limit` + 2 ellipses)."""
    text = m.text
    start = m.sentence_start
    if len(text) <= limit or (start < 0 and len(text) <= limit + 2 * len(ELLIPSIS)):
        # (A text read back from newsline's JSON may be an excerpt already, with its ellipses: kept.)
        return text
    if start < 0:
        # Where the sentence lies is unknown (a timeline read back from JSON): its head.
        return _cut(text, 0, limit)
    c0, c1 = m.clause[0] - start, m.clause[1] - start
    if 0 <= c0 < c1 <= len(text) and c1 - c0 <= limit:
        return _cut(text, c0, c1) if (c0, c1) != (0, len(text)) else text
    t0, t1 = m.trigger[0] - start, m.trigger[1] - start
    if not 0 <= t0 < len(text):
        return _cut(text, 0, limit)
    room = max(0, limit - (t1 - t0))
    lo = max(0, t0 - room // 2)
    hi = min(len(text), lo + limit)
    lo = max(0, hi - limit)
    return _cut(text, lo, hi)
