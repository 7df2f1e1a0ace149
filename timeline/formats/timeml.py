"""TimeML in and out: the time expressions of a text as TIMEX3 tags (the TempEval-3 Task A interface).

Reading: a TimeML or TempEval-3 file (`.tml`, `.TE3input`) is split into three parts, kept as written:
everything up to and including `<TEXT>` (the head, with the DCT), the inside of `<TEXT>` with every tag
removed (EVENT, TIMEX3, SIGNAL, ...), and everything from `</TEXT>` on (the tail). The publication date is
the DCT's TIMEX3 value. The text given to the tagger is the inside of `<TEXT>` with XML's character
references (`&amp;`, `&#233;`, ...) replaced by their characters; an offset map takes spans in that text back
to the text as written, so that the output has exactly the input's characters between its tags.

Writing: the head and tail byte for byte, and the text as written with `<TIMEX3 tid="t1" type="DATE"
value="...">...</TIMEX3>` tags around each time mention (tids in text order). A plain text becomes a minimal
TimeML document.

Everything here is a pure function (no file is opened, no clock read); files are the caller's business.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePath

from newsline.model import TimeMention
from newsline.readers.files import decode_input

TEXT_OPEN = "<TEXT>"
TEXT_CLOSE = "</TEXT>"
TIMEML_SUFFIXES = (".tml", ".te3input")

_TAG = re.compile(r"<[^<>]*>")
_ENTITY = re.compile(r"&(#[0-9]+|#x[0-9A-Fa-f]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_DCT = re.compile(r"<DCT>\s*<TIMEX3\b([^>]*)>", re.S)
_ATTR = re.compile(r'([\w:-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')


class TimeMLError(ValueError):
    """A document that is not TimeML this module can read (no `<TEXT>...</TEXT>`)."""


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """A TimeML document taken apart.

    `head` ends with `<TEXT>`, `tail` starts with `</TEXT>`; `body` is the inside of TEXT with every tag
    removed and character references kept as written; `text` is `body` with the references resolved (what
    is tagged); `offsets[i]` is where `text[i]` starts in `body` (one more entry: `len(body)`); `dct` is the
    DCT's value as a date or date-time, or None when absent or not a calendar date.
    """

    head: str
    body: str
    tail: str
    text: str
    offsets: tuple[int, ...]
    dct: date | datetime | None


def looks_like_timeml(name: str, content: str) -> bool:
    """Whether an input is TimeML: by its name (`.tml`, `.TE3input`) or, for other names, by its content:
    an XML declaration or `<TimeML` first, and a TimeML element with a TEXT element inside."""
    if name.lower().endswith(TIMEML_SUFFIXES):
        return True
    start = content.lstrip("\ufeff \t\r\n")
    return start.startswith(("<?xml", "<TimeML")) and all(
        part in content for part in ("<TimeML", "</TimeML>", TEXT_OPEN, TEXT_CLOSE)
    )


def decode_source(data: bytes, where: str) -> tuple[str, str]:
    """The text of an input file and the encoding to write its TimeML back in ("utf-8", "utf-8-sig" when
    it starts with a byte order mark, else "cp1252"); ingest.InputError for binary or undecodable data."""
    decoded = decode_input(data, where)
    if decoded.encoding != "utf-8":
        return decoded.text, "cp1252"
    # UTF-8, also with a few bad bytes replaced (U+FFFD, which only UTF-8 of these can write back).
    return decoded.text, "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"


def output_name(path: str, timeml_input: bool) -> str:
    """The file name of an input's TimeML output: the input's own name for TimeML, else its stem plus
    `.tml` ("stdin.tml" for standard input)."""
    if path == "-":
        return "stdin.tml"
    name = PurePath(path).name
    return name if timeml_input else PurePath(name).stem + ".tml"


def article_id(path: str) -> str:
    """An input's article id: its file name without `.TE3input` and `.tml`/`.txt` ("stdin" for -)."""
    if path == "-":
        return "stdin"
    name = PurePath(path).name
    for suffix in (".te3input", ".tml", ".txt", ".xml"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    return name


def strip_tags(markup: str) -> str:
    """`markup` with every tag removed and nothing else changed (character references stay as written)."""
    return _TAG.sub("", markup)


def unescape(body: str) -> tuple[str, tuple[int, ...]]:
    """XML character references resolved, and where each resulting character starts in `body`.

    Only XML's five named entities and numeric references are resolved; anything else is text. The offset
    tuple has one more entry than the text, `len(body)`, so a span [a, b) of the text is
    [offsets[a], offsets[b]) of `body`.
    """
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _ENTITY.finditer(body):
        for i in range(pos, m.start()):
            out.append(body[i])
            offsets.append(i)
        name = m.group(1)
        if name.startswith("#x"):
            code = int(name[2:], 16)
        elif name.startswith("#"):
            code = int(name[1:])
        else:
            code = -1
        if code == -1:
            char = _NAMED[name]
        elif 0 < code <= 0x10FFFF:
            char = chr(code)
        else:  # not a character: keep the reference as text
            for i in range(m.start(), m.end()):
                out.append(body[i])
                offsets.append(i)
            pos = m.end()
            continue
        out.append(char)
        offsets.append(m.start())
        pos = m.end()
    for i in range(pos, len(body)):
        out.append(body[i])
        offsets.append(i)
    offsets.append(len(body))
    return "".join(out), tuple(offsets)


def escape_text(text: str) -> str:
    """Text as XML character data (`&`, `<`, `>` escaped)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attr(value: str) -> str:
    """A value for a double-quoted XML attribute."""
    return escape_text(value).replace('"', "&quot;")


def parse_dct_value(value: str) -> date | datetime | None:
    """A TIMEX3 value as the publication date: "1998-01-08", "1998-01-08T09:24", "19980108"; None for
    anything else ("XXXX-XX-XX", "1998-W02", "PRESENT_REF")."""
    v = value.strip()
    if re.fullmatch(r"\d{8}", v):
        v = f"{v[:4]}-{v[4:6]}-{v[6:]}"
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            return date.fromisoformat(v)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?", v):
            return datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        return None
    return None


def read_dct(head: str) -> date | datetime | None:
    """The publication date from `<DCT><TIMEX3 ... value="...">` in `head`, or None."""
    m = _DCT.search(head)
    if m is None:
        return None
    attrs = {k: a if a else b for k, a, b in _ATTR.findall(m.group(1))}
    value = attrs.get("value")
    return parse_dct_value(value) if value else None


def read_timeml(content: str) -> TimeMLDocument:
    """Take a TimeML document apart; TimeMLError when it has no `<TEXT>...</TEXT>`."""
    start = content.find(TEXT_OPEN)
    if start < 0:
        raise TimeMLError("no <TEXT> element")
    inner_start = start + len(TEXT_OPEN)
    end = content.find(TEXT_CLOSE, inner_start)
    if end < 0:
        raise TimeMLError("<TEXT> is not closed by </TEXT>")
    head, tail = content[:inner_start], content[end:]
    body = strip_tags(content[inner_start:end])
    text, offsets = unescape(body)
    return TimeMLDocument(head, body, tail, text, offsets, read_dct(head))


def timex_tag(tid: int, m: TimeMention) -> str:
    """The opening TIMEX3 tag of a mention (tid "t<n>", type, value, and mod when it has one)."""
    attrs = [("tid", f"t{tid}"), ("type", m.type), ("value", m.value)]
    if m.mod:
        attrs.append(("mod", m.mod))
    return "<TIMEX3 " + " ".join(f'{k}="{escape_attr(v)}"' for k, v in attrs) + ">"


def _non_overlapping(mentions: list[TimeMention]) -> list[TimeMention]:
    out: list[TimeMention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.end <= m.start or (out and m.start < out[-1].end):
            continue
        out.append(m)
    return out


def annotate(body: str, offsets: tuple[int, ...] | None, mentions: list[TimeMention], escape: bool) -> str:
    """`body` with a TIMEX3 element around each mention, tids t1, t2, ... in text order.

    Mention offsets are into the tagged text; `offsets` maps them into `body` (None: the same string).
    With `escape`, the pieces of `body` are XML-escaped (plain text); without, they are copied as written
    (the inside of a TimeML TEXT). Overlapping mentions keep the first (TIMEX3 tags do not nest here).
    """
    piece = escape_text if escape else (lambda s: s)
    out: list[str] = []
    pos = 0
    for n, m in enumerate(_non_overlapping(mentions), 1):
        a = offsets[m.start] if offsets else m.start
        b = offsets[m.end] if offsets else m.end
        out += [piece(body[pos:a]), timex_tag(n, m), piece(body[a:b]), "</TIMEX3>"]
        pos = b
    out.append(piece(body[pos:]))
    return "".join(out)


def write_timeml(doc: TimeMLDocument, mentions: list[TimeMention]) -> str:
    """The document again, its head and tail unchanged, its TEXT the text as written plus TIMEX3 tags
    for `mentions` (offsets into `doc.text`)."""
    return doc.head + annotate(doc.body, doc.offsets, mentions, escape=False) + doc.tail


def iso(value: date | datetime) -> str:
    """A publication date or date-time in ISO 8601 (minutes when the seconds are zero)."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")
    return value.isoformat()


def minimal_timeml(
    text: str, mentions: list[TimeMention], dct: date | datetime | None, docid: str | None = None
) -> str:
    """A small TimeML document for a plain text: DOCID, DCT (value "XXXX-XX-XX" when the publication
    date is unknown) and the escaped text with TIMEX3 tags for `mentions` (offsets into `text`)."""
    value = iso(dct) if dct is not None else "XXXX-XX-XX"
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n']
    if docid:
        parts.append(f"<DOCID>{escape_text(docid)}</DOCID>\n")
    parts.append(
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{escape_attr(value)}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{escape_text(value)}</TIMEX3></DCT>\n'
    )
    parts += [TEXT_OPEN, annotate(text, None, mentions, escape=True), TEXT_CLOSE, "\n</TimeML>\n"]
    return "".join(parts)


__all__ = [
    "TimeMLDocument",
    "TimeMLError",
    "annotate",
    "article_id",
    "decode_source",
    "escape_attr",
    "escape_text",
    "iso",
    "looks_like_timeml",
    "minimal_timeml",
    "output_name",
    "parse_dct_value",
    "read_dct",
    "read_timeml",
    "strip_tags",
    "timex_tag",
    "unescape",
    "write_timeml",
]
