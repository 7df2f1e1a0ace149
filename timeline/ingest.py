"""Reading articles: plain text files, standard input, and JSON Lines of {id, title, published, text}.

Problems are reported as `InputError`s naming the input (and the line of a JSON Lines file), so that the
caller can report each one and go on with the rest.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from timeline.model import Article

MAX_BYTES = 20 * 1024 * 1024  # one article larger than this is refused, not read into memory


class InputError(Exception):
    """A problem with one input; the message names it."""


@dataclass(slots=True)
class Problem:
    where: str
    message: str


def parse_published(value: str) -> date | datetime:
    """An ISO 8601 date or date-time ("2025-07-04", "2025-07-04T09:30+03:00"); ValueError otherwise."""
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text)
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment


def decode(data: bytes, where: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: not UTF-8 or Windows-1252 text ({exc.reason})") from None


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
    if size > MAX_BYTES:
        raise InputError(f"{path}: {size} bytes is over the {MAX_BYTES} byte limit for one input")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None


def articles_from_jsonl(
    text: str, where: str, default_published: date | datetime | None, problems: list[Problem]
) -> Iterator[Article]:
    """One article a line; a bad line is recorded in `problems` and skipped, the others are read."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(f"{where}:{n}", f"not JSON ({exc.msg})"))
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            problems.append(Problem(f"{where}:{n}", "a line needs an object with a string 'text'"))
            continue
        published: date | datetime | None = default_published
        origin = "given" if default_published is not None else None
        if rec.get("published"):
            try:
                published = parse_published(str(rec["published"]))
                origin = "given"
            except ValueError:
                problems.append(
                    Problem(f"{where}:{n}", f"'published' is not an ISO date: {rec['published']!r}")
                )
                continue
        yield Article(
            str(rec.get("id") or f"{Path(where).stem}-{n}"),
            rec["text"],
            published,
            where,
            rec.get("title"),
            origin,
        )


def read_inputs(
    paths: list[str], published: date | datetime | None, stdin_text: str | None = None
) -> tuple[list[Article], list[Problem]]:
    """Every article in `paths` ("-" is standard input, given as `stdin_text`), and the problems met."""
    articles: list[Article] = []
    problems: list[Problem] = []
    used: dict[str, int] = {}
    for path in paths:
        try:
            if path == "-":
                text = stdin_text or ""
                name = "stdin"
            else:
                text = decode(read_bytes(path), path)
                name = Path(path).stem
            if path.endswith(".jsonl"):
                found = list(articles_from_jsonl(text, path, published, problems))
            else:
                found = [
                    Article(
                        name,
                        text,
                        published,
                        path if path != "-" else "<stdin>",
                        None,
                        "given" if published is not None else None,
                    )
                ]
        except InputError as exc:
            problems.append(Problem(path, str(exc).split(": ", 1)[-1]))
            continue
        for a in found:
            # Article ids must be unique in one run: a second "story.txt" becomes "story-2".
            count = used.get(a.id, 0) + 1
            used[a.id] = count
            if count > 1:
                a = Article(f"{a.id}-{count}", a.text, a.published, a.source, a.title, a.published_from)
            articles.append(a)
    return articles, problems
