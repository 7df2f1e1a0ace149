"""Reading articles: plain text files, standard input, and JSON Lines of {id, title, published, text}.

Problems are reported as `InputError`s naming the input (and the line of a JSON Lines file), so that the
caller can report each one and go on with the rest.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from newsline.model import Article
from newsline.published import OUT_OF_RANGE, parse_published
from newsline.readers.html import NoArticleText, article_from_html, looks_like_html

MAX_BYTES = 20 * 1024 * 1024  # one article larger than this is refused, not read into memory
MAX_MB = MAX_BYTES // (1024 * 1024)
# A .jsonl file holds many articles (each line is held to MAX_BYTES) but is still read whole.
MAX_JSONL_BYTES = 1024 * 1024 * 1024
# Share of control bytes in a file's first 8 KB above which it is taken for binary: text has almost none
# (tabs, line breaks and form feeds do not count).
_BINARY_SHARE = 0.05
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_SURROGATE = re.compile("[\ud800-\udfff]")


class InputError(Exception):
    """A problem with one input; the message names it."""


@dataclass(slots=True)
class Problem:
    """One bad input (or one bad line of a .jsonl input): where, and what is wrong, for one stderr line."""

    where: str
    message: str


def too_big(size: int) -> str:
    """The message for an input over the size limit."""
    return (
        f"{size:,} bytes is over the {MAX_MB} MB limit for one article "
        "(split it, or give a .jsonl file with one article a line)"
    )


def _looks_binary(head: bytes) -> bool:
    """A file's first 8 KB hold a NUL byte or more control bytes than text has."""
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return b"\x00" in head or controls > _BINARY_SHARE * len(head)


@dataclass(frozen=True, slots=True)
class Decoded:
    """An input's text, the encoding it was read in, and how many byte sequences that were not valid in it
    became U+FFFD (only for a file that is UTF-8 but for a few bytes; `first_bad` is the first one's
    byte offset)."""

    text: str
    encoding: str
    replaced: int = 0
    first_bad: int = -1

    def note(self) -> str | None:
        """The warning to give about the replaced bytes, or None."""
        if not self.replaced:
            return None
        places = "1 place" if self.replaced == 1 else f"{self.replaced:,} places"
        return (
            f"not valid UTF-8 in {places} (first at byte {self.first_bad:,}): read as UTF-8 with each "
            "bad sequence replaced by U+FFFD"
        )


def _mostly_utf8(data: bytes, error: UnicodeDecodeError) -> Decoded | None:
    """`data` as UTF-8 with its few bad sequences replaced, when it is UTF-8 but for them: its valid
    multi-byte characters are at least as many as its invalid sequences. A file in a single-byte code page
    (Windows-1252, ISO 8859) has almost no valid UTF-8 multi-byte sequences (each accented letter is one
    lone high byte, which is invalid), so it fails this test and goes to charset detection; a UTF-8 file
    with a stray byte (a truncated copy, one line pasted from elsewhere) passes, instead of being
    decoded whole in another encoding and every one of its accented letters garbled."""
    text = data.decode("utf-8-sig", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for ch in text if ch > "\x7f") - text.count("\ufffd")
    if bad <= 0 or good < bad:
        return None
    return Decoded(text, "utf-8", bad, error.start)


def decode(data: bytes, where: str) -> str:
    """The text of an input: UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark, or
    the encoding charset-normalizer detects (Windows-1252, ISO 8859, Shift JIS, ...); InputError for binary
    data and bytes no encoding explains. A file that is UTF-8 but for a few bytes stays UTF-8 (see
    `decode_input`, which also says how many bytes were replaced)."""
    return decode_input(data, where).text


def decode_input(data: bytes, where: str) -> Decoded:
    """`decode`, with the encoding used and the count of bytes replaced."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: not valid UTF-16 text ({exc.reason})") from None
    if _looks_binary(data[:8192]):
        raise InputError(f"{where}: looks like a binary file, not text")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError as utf8:
        mostly = _mostly_utf8(data, utf8)
        if mostly is not None:
            return mostly
        # Not UTF-8: detect the encoding from the bytes (charset-normalizer) rather than guess one.
        from charset_normalizer import from_bytes

        matches = list(from_bytes(data))
        if not matches or matches[0].percent_coherence <= 0:
            # No language evidence for any encoding (a few stray bytes): Windows-1252 if it decodes the
            # bytes at all, else the input is not text newsline can read without guessing.
            try:
                return Decoded(data.decode("cp1252"), "cp1252")
            except UnicodeDecodeError:
                raise InputError(
                    f"{where}: not UTF-8 text (byte {utf8.start}: {utf8.reason}) and no other encoding fits"
                ) from None
        best = matches[0]
        # Short Western texts decode cleanly as Windows-1252 and as Central European cp1250 alike, and
        # the language guess between them is a coin toss; newsline reads English news, so on a near tie
        # the Western code page wins.
        for m in matches:
            if (
                m.encoding == "cp1252"
                and m.percent_chaos <= best.percent_chaos
                and m.percent_coherence >= best.percent_coherence - 10
            ):
                best = m
                break
        return Decoded(str(best), best.encoding)


def read_bytes(path: str) -> bytes:
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{path}: is a directory")
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    if path.endswith(".jsonl"):
        if size > MAX_JSONL_BYTES:
            raise InputError(f"{path}: {size:,} bytes is over the 1 GB limit for one .jsonl file (split it)")
    elif size > MAX_BYTES:
        raise InputError(f"{path}: {too_big(size)}")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None


def _record_article(
    line: str, n: int, where: str, default_published: date | datetime | None
) -> Article | Problem:
    """The Article one JSON Lines record holds, or the Problem with it (`n` is its line number)."""
    if len(line) > MAX_BYTES:
        return Problem(f"{where}:{n}", too_big(len(line.encode("utf-8", "replace"))))
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        return Problem(f"{where}:{n}", f"not JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:  # thousands of nested brackets
        return Problem(f"{where}:{n}", "not JSON this reader accepts (nested too deeply)")
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        return Problem(f"{where}:{n}", "a line needs an object with a string 'text'")
    if rec.get("title") is not None and not isinstance(rec["title"], str):
        return Problem(f"{where}:{n}", "'title' must be a string")
    published: date | datetime | None = default_published
    origin = "given" if default_published is not None else None
    if rec.get("published"):
        try:
            published = parse_published(str(rec["published"]))
            origin = "given"
        except ValueError as exc:
            out_of_range = str(exc) == OUT_OF_RANGE.format(value=str(rec["published"]))
            message = f"'published': {exc}" if out_of_range else "'published' is not an ISO date"
            return Problem(f"{where}:{n}", message if out_of_range else f"{message}: {rec['published']!r}")
    return Article(
        _no_surrogates(str(rec.get("id") or f"{Path(where).stem}-{n}")),
        _no_surrogates(rec["text"]),
        published,
        where,
        _no_surrogates(rec["title"]) if rec.get("title") is not None else None,
        origin,
    )


def articles_from_jsonl(
    text: str, where: str, default_published: date | datetime | None, problems: list[Problem]
) -> Iterator[Article]:
    """One article a line; a bad line is recorded in `problems` and skipped, the others are read."""
    # Records are separated by \n only: splitlines() would also split inside a record at \x1c, \u2028, ...
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        found = _record_article(line, n, where, default_published)
        if isinstance(found, Problem):
            problems.append(found)
        else:
            yield found


def _no_surrogates(text: str) -> str:
    """JSON's \\ud800 escapes can give lone surrogates, which no output can encode: each becomes U+FFFD
    (one character for one, so offsets into the text stay right)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


DEFAULT_GLOBS = ("*.txt", "*.jsonl", "*.text", "*.md", "*.html", "*.htm")


def expand_paths(paths: list[str], globs: tuple[str, ...] = DEFAULT_GLOBS) -> tuple[list[str], list[Problem]]:
    """Paths with every directory replaced by the files below it (recursively) that match one of
    `globs`, in a stable order; a directory with no such file is a problem, not silence."""
    out: list[str] = []
    problems: list[Problem] = []
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            found = sorted({str(f) for g in globs for f in p.rglob(g) if f.is_file()})
            if not found:
                problems.append(Problem(path, f"is a directory with no files matching {', '.join(globs)}"))
            out.extend(found)
        else:
            out.append(path)
    return out, problems


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """Where one article is, without its text: enough to read it again (in any process that sees the
    file) and to sort and report it. `article` holds the article itself only when it cannot be read again:
    standard input, or a .jsonl file that is not UTF-8 (its lines cannot be found by byte offset)."""

    id: str  # the article's id in this run (a second "story" is "story-2")
    path: str
    source: str
    published: date | datetime | None  # the fallback publication date (--published)
    line: int = 0  # a .jsonl record's line number; 0 for a whole file
    offset: int = 0  # the record's byte offset and length in the .jsonl file
    length: int = 0
    blank: bool = False  # no text, so no events (the caller may say so)
    article: Article | None = None


def _name(path: str) -> str:
    return "stdin" if path == "-" else Path(path).stem


def _whole_input(
    path: str,
    published: date | datetime | None,
    data: bytes | str | None = None,
    notes: list[Problem] | None = None,
) -> Article:
    """The one article a text file, a saved web page or standard input (given as `data`) holds; a warning
    about its decoding goes to `notes`."""
    decoded = None
    if path == "-":
        raw = data or ""
        if isinstance(raw, bytes):
            if len(raw) > MAX_BYTES:
                raise InputError(f"-: {too_big(len(raw))}")
            decoded = decode_input(raw, "-")
            raw = decoded.text
        text = raw
    else:
        decoded = decode_input(read_bytes(path), path)
        text = decoded.text
    if notes is not None and decoded is not None and decoded.note():
        notes.append(Problem(path, decoded.note() or ""))
    source = path if path != "-" else "<stdin>"
    if looks_like_html(text, path):
        try:
            return article_from_html(text, _name(path), source, published)
        except NoArticleText as exc:
            raise InputError(f"{path}: {exc}") from None
    return Article(_name(path), text, published, source, None, "given" if published is not None else None)


def _jsonl_records(path: str) -> Iterator[tuple[int, int, bytes]]:
    """(line number, byte offset, bytes) of each line of a .jsonl file, read one line at a time."""
    try:
        fh = open(path, "rb")  # noqa: SIM115 (closed below; a generator cannot use `with` around yields)
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    with fh:
        offset = 0
        for n, raw in enumerate(fh, 1):
            yield n, offset, raw
            offset += len(raw)


def _index_jsonl(
    path: str, published: date | datetime | None, problems: list[Problem], notes: list[Problem] | None = None
) -> list[tuple[Article, ArticleRef]]:
    """Each good record of a .jsonl file with a reference to it; bad lines go to `problems`.

    A UTF-8 file (what JSON Lines is meant to be) is read a line at a time: each record is decoded,
    checked and let go, and only its reference is kept. A file in any other encoding is decoded whole, as
    a text file would be, and its articles are held."""
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{path}: is a directory")
    try:
        size = p.stat().st_size
        with p.open("rb") as fh:
            head = fh.read(8192)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    if size > MAX_JSONL_BYTES:
        raise InputError(f"{path}: {size:,} bytes is over the 1 GB limit for one .jsonl file (split it)")
    if not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        if _looks_binary(head):
            raise InputError(f"{path}: looks like a binary file, not text")
        found: list[tuple[Article, ArticleRef]] = []
        bad: list[Problem] = []
        try:
            for n, offset, raw in _jsonl_records(path):
                line = raw.decode("utf-8").rstrip("\n")
                if n == 1:
                    line = line.removeprefix("\ufeff")
                if not line.strip():
                    continue
                a = _record_article(line, n, path, published)
                if isinstance(a, Problem):
                    bad.append(a)
                    continue
                ref = ArticleRef(a.id, path, path, published, n, offset, len(raw), not a.text.strip())
                # The text is let go here: only what the reference needs is kept.
                found.append((Article(a.id, "", None, a.source), ref))
        except UnicodeDecodeError:
            pass
        else:
            problems.extend(bad)
            return found
    # Not UTF-8: charset detection needs the whole file.
    decoded = decode_input(read_bytes(path), path)
    text = decoded.text
    if notes is not None and decoded.note():
        notes.append(Problem(path, decoded.note() or ""))
    return [
        (a, ArticleRef(a.id, path, path, published, blank=not a.text.strip(), article=a))
        for a in articles_from_jsonl(text, path, published, problems)
    ]


def index_inputs(
    paths: list[str],
    published: date | datetime | None,
    stdin_text: str | bytes | None = None,
    notes: list[Problem] | None = None,
) -> tuple[list[ArticleRef], list[Problem]]:
    """A reference to every article in `paths` ("-" is standard input, given as `stdin_text`), and the
    problems met, in one pass that holds one article at a time: every input is read and checked here
    (so problems are known before any parsing), and `load_article` reads an article again when needed.
    Warnings about inputs that were read all the same (bytes replaced in a file that is UTF-8 but for a
    few) go to `notes`."""
    refs: list[ArticleRef] = []
    problems: list[Problem] = []
    used: dict[str, int] = {}
    for path in paths:
        try:
            if path.endswith(".jsonl"):
                found = _index_jsonl(path, published, problems, notes)
            else:
                a = _whole_input(path, published, stdin_text, notes)
                # Standard input cannot be read twice: its one article is held.
                ref = ArticleRef(
                    a.id,
                    path,
                    a.source or path,
                    published,
                    blank=not a.text.strip(),
                    article=a if path == "-" else None,
                )
                found = [(a, ref)]
        except InputError as exc:
            problems.append(Problem(path, str(exc).split(": ", 1)[-1]))
            continue
        for a, ref in found:
            # Article ids must be unique in one run: a second "story.txt" becomes "story-2".
            count = used.get(a.id, 0) + 1
            used[a.id] = count
            if count == 1:
                refs.append(ref)
                continue
            aid = f"{a.id}-{count}"
            held = ref.article
            if held is not None:
                held = Article(aid, held.text, held.published, held.source, held.title, held.published_from)
            refs.append(replace(ref, id=aid, article=held))
    return refs, problems


def load_article(ref: ArticleRef | Article) -> Article:
    """The article a reference points to, read again (an Article is returned as it is). InputError when
    the input changed since it was indexed."""
    if isinstance(ref, Article):
        return ref
    if ref.article is not None:
        return ref.article
    if ref.line:
        try:
            with open(ref.path, "rb") as fh:
                fh.seek(ref.offset)
                raw = fh.read(ref.length)
        except OSError as exc:
            raise InputError(f"{ref.path}: {exc.strerror or exc}") from None
        line = raw.decode("utf-8", "replace").rstrip("\n")
        found = _record_article(
            line.removeprefix("\ufeff") if ref.line == 1 else line, ref.line, ref.path, ref.published
        )
        if isinstance(found, Problem):
            raise InputError(f"{found.where}: {found.message} (the file changed while it was read)")
    else:
        found = _whole_input(ref.path, ref.published)
    if found.id == ref.id:
        return found
    return Article(ref.id, found.text, found.published, found.source, found.title, found.published_from)


def read_inputs(
    paths: list[str], published: date | datetime | None, stdin_text: str | bytes | None = None
) -> tuple[list[Article], list[Problem]]:
    """Every article in `paths` ("-" is standard input, given as `stdin_text`: bytes are decoded and
    checked like a file's), and the problems met. No input raises: each problem names its input.

    This holds every text at once; `index_inputs` and `load_article` read one article at a time."""
    refs, problems = index_inputs(paths, published, stdin_text)
    return [load_article(r) for r in refs], problems
