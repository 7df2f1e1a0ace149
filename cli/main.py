"""The newsline command: arguments, inputs, and the choice of renderer. The work is done by `timeline`.

Exit codes: EXIT_CODES below, the one list that `--help`, every command's help and the README give.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from collections.abc import Iterator

    from newsline.model import Timeline

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_DASK = 3
EXIT_SCRATCH = 4
EXIT_OUTPUT = 5

# Every exit code of every command, in one place: the help texts are built from it and a test checks
# that the README's table says the same (tests/test_docs.py).
EXIT_CODES: list[tuple[int, str]] = [
    (EXIT_OK, "success (also for an article with no events, and when the reader of standard output stops "
              "early, as | head does)"),
    (EXIT_INPUT, "an input could not be read (missing file, directory, binary or undecodable file, over the "
                 "size limit, bad JSON Lines line, publication date refused) or a TimeML file could not be "
                 "written: each is named on one line of standard error, every good input is still processed "
                 "and printed"),
    (EXIT_USAGE, "usage error: unknown option or format, --published that is not a full date (or outside "
                 "the years 2-9998), unknown --tz, --format timeml with several articles and no "
                 "--output-dir, --output-dir without --format timeml"),
    (EXIT_DASK, "parse --dask-scheduler could not use Dask: it is not installed (pip install "
                "'newsline[dask]') or the scheduler cannot be reached; nothing is parsed"),
    (EXIT_SCRATCH, "--format jsonl could not keep the merge in its scratch file (the disk under $TMPDIR is "
                   "full or cannot be written): set TMPDIR to a disk with room"),
    (EXIT_OUTPUT, "standard output could not be written (a full disk, or closed): one line on standard "
                  "error"),
    (130, "interrupted by SIGINT (Ctrl-C): the scratch files are removed and the worker processes stopped; "
          "the output, if any, is incomplete"),
    (143, "stopped by SIGTERM (kill, timeout, systemd, docker stop): the same"),
]


def _exit_codes_help() -> str:
    """The exit codes as a help section (click keeps a block after \\b as it is written)."""
    import textwrap

    lines = ["Exit codes:", "", "\b"]
    for code, meaning in EXIT_CODES:
        wrapped = textwrap.wrap(meaning, 100 - 8)
        lines.append(f"  {code:>3}  {wrapped[0]}")
        lines += [f"       {more}" for more in wrapped[1:]]
    return "\n".join(lines) + "\n"


EXIT_CODES_HELP = _exit_codes_help()

PARSE_HELP = """Turn news articles into one timeline of dated, ordered events.

Worked example: for a file story.txt holding

\b
  Russia launched a drone assault on Kyiv overnight, officials said on Friday.

\b
  newsline parse story.txt --published 2025-07-04 --format csv

prints

\b
  rank,day,time,when,title,modality,minor,speaker,actors,sources,id
  1,2025-07-03,night,overnight,Russia launched a drone assault on Kyiv,asserted,false,,Russia,story s.1, ...
  2,2025-07-04,,Friday,Officials said,asserted,true,officials,,story s.1,story:e2

Examples:

\b
  newsline parse samples/kyiv-drone-strike-2025-07-04.txt
  newsline parse story.txt --published 2025-07-04 --tz Europe/Kyiv | jq '.events[].title'
  cat story.txt | newsline parse - --format jsonl
  newsline parse a.txt b.txt corpus.jsonl --format markdown > timeline.md
  newsline parse story.txt -p 2025-07-04 --format timelinejs > timeline.json
  newsline parse corpus.jsonl --format timeml --output-dir tml/

Formats: table (a terminal), json (newsline/1: `newsline schema` prints its JSON Schema), jsonl (one event
a line), csv and markdown (one row per event), timelinejs (TimelineJS 3's JSON; events without a calendar
date are left out), timeml (TIMEX3 tags: one article to standard output, several need --output-dir).
auto, the default, is a table on a terminal and JSON when piped.

A .jsonl input holds one article a line: {"id", "title", "published", "text"}; an article's own
"published" wins over --published. Without any publication date, days are shown relative to publication.
One input may hold at most 20 MB (a .jsonl file: 20 MB a line).

Many articles: --jobs N parses in N processes (the output is the same whatever N is); a .jsonl input is
read one article at a time, so memory holds the merged timeline and the articles being parsed, not the
whole input. --dask-scheduler tcp://HOST:8786 parses on a Dask cluster instead (pip install
'newsline[dask]'; the workers need newsline installed). A progress bar shows on standard error when it is
a terminal and the run lasts more than a second.

""" + EXIT_CODES_HELP


class Format(StrEnum):
    auto = "auto"
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"
    timelinejs = "timelinejs"
    timeml = "timeml"


APP_HELP = """newsline: news articles in, a timeline of what happened, when, out.

Worked example:

\b
  $ newsline parse samples/kyiv-drone-strike-2025-07-04.txt --published 2025-07-04 --format csv | head -3
  rank,day,time,when,title,modality,minor,speaker,actors,sources,id
  1,undated,,,Media reports,reported,true,Ukrainian President Volodymyr Zelensky,,kyiv-drone-strik ...
  2,2025-07-03,,Thursday,Donald Trump's call with Vladimir Putin ended in frustration,asserted,fal ...

Examples:

\b
  newsline parse story.txt --published 2025-07-04 | jq '.events[].title'
  newsline tag story.txt --published 2025-07-04 --format json
  newsline schema > newsline-1.schema.json
  newsline --install-completion          # shell completion (bash, zsh, fish, PowerShell)

""" + EXIT_CODES_HELP

app = typer.Typer(
    name="newsline",
    help=APP_HELP,
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from newsline import __version__

        typer.echo(f"newsline {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """newsline: news articles in, a timeline out (the help text is APP_HELP)."""


def say(message: str) -> None:
    """One line on standard error. File names, article ids and warnings can carry article text: terminal
    control sequences are removed first."""
    from newsline.formats.writers import one_line

    typer.echo(one_line(message), err=True)


def published_option(published: str | None):
    """The --published value as a date or date-time, or a usage error (exit 2) naming it."""
    if published is None:
        return None
    from newsline.readers.files import OUT_OF_RANGE, parse_published

    try:
        return parse_published(published)
    except ValueError as exc:
        if str(exc) == OUT_OF_RANGE.format(value=published):
            raise fail(f"--published: {exc}", EXIT_USAGE) from None
        raise fail(
            f"--published: {published!r} is not a full date such as 2025-07-04 or 'July 4, 2025'", EXIT_USAGE
        ) from None


def fail(message: str, code: int) -> typer.Exit:
    """Report an error that ends the run, and the exit to raise."""
    say(f"newsline: error: {message}")
    return typer.Exit(code)


@contextlib.contextmanager
def scratch_space(wanted: bool) -> Iterator[str | None]:
    """A scratch directory for the merge kept on disk (`--format jsonl`), removed at the end, or None when
    not `wanted`. A disk that is full or cannot be written is one error line and exit code 4."""
    if not wanted:
        yield None
        return
    import sqlite3
    import tempfile

    hint = "set TMPDIR to a directory on a disk with room"
    try:
        scratch = tempfile.TemporaryDirectory(prefix="newsline-")
    except OSError as exc:
        message = f"no scratch directory for the merge: {exc.strerror or exc}; {hint}"
        raise fail(message, EXIT_SCRATCH) from None
    with scratch as path:
        try:
            yield path
        except sqlite3.Error as exc:
            message = f"the merge's scratch file in {tempfile.gettempdir()}: {exc}; {hint}"
            raise fail(message, EXIT_SCRATCH) from None


@app.command(help=PARSE_HELP)
def parse(
    files: Annotated[
        list[str],
        typer.Argument(
            help="Article files (.txt, .html, .jsonl) or directories, or - for standard input.",
            show_default=False,
        ),
    ],
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            "-p",
            help="Publication date or date-time (ISO 8601) of articles that do not give one.",
            show_default=False,
        ),
    ] = None,
    tz: Annotated[
        str | None,
        typer.Option("--tz", help="The articles' time zone, e.g. Europe/Kyiv.", show_default=False),
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="auto: a table on a terminal, JSON when piped.")
    ] = Format.auto,
    entity: Annotated[
        str | None, typer.Option("--entity", help="Keep only events naming this entity.", show_default=False)
    ] = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="With --entity: say on stderr which names were searched, how each article refers to the "
            "entity, and which reference takes part in each event kept.",
        ),
    ] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colours in the table.")] = False,
    show_all: Annotated[
        bool,
        typer.Option("--all", help="Table: also show minor events (bare attributions such as 'he added')."),
    ] = False,
    output_dir: Annotated[
        str | None,
        typer.Option(
            "--output-dir",
            "-o",
            help="Where --format timeml writes one ARTICLE.tml per article (created).",
            show_default=False,
        ),
    ] = None,
    globs: Annotated[
        list[str] | None,
        typer.Option(
            "--glob",
            help="Files to read in a directory (repeatable; default *.txt *.jsonl *.text *.md *.html *.htm).",
            show_default=False,
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="Processes to parse with (default: every core).", show_default=False
        ),
    ] = None,
    dask_scheduler: Annotated[
        str | None,
        typer.Option(
            "--dask-scheduler",
            help="Parse on this Dask cluster (tcp://host:8786) instead of local processes; needs Dask.",
            show_default=False,
        ),
    ] = None,
) -> None:
    from newsline.readers.files import DEFAULT_GLOBS, expand_paths, index_inputs

    pub = published_option(published)
    zone = None
    if tz is not None:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            zone = ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            raise fail(
                f"--tz: unknown time zone {tz!r} (use an IANA name such as Europe/Kyiv)", EXIT_USAGE
            ) from None
    if output_dir is not None and fmt != Format.timeml:
        raise fail("--output-dir is only for --format timeml", EXIT_USAGE)
    stdin_data = read_stdin() if "-" in files else None
    paths, problems = expand_paths(files, tuple(globs) if globs else DEFAULT_GLOBS)
    if stdin_data is None and "-" in paths:
        # `<&-`: nothing to read; the other inputs are still parsed.
        from newsline.readers.files import Problem

        problems.append(Problem("-", "standard input is closed"))
        paths = [p for p in paths if p != "-"]
    # One pass reads and checks every input but keeps only where each article is: the texts are read
    # again, one at a time, when they are parsed.
    notes: list = []
    refs, read_problems = index_inputs(paths, pub, stdin_data, notes)
    problems += read_problems
    for p in problems:
        say(f"newsline: error: {p.where}: {p.message}")
    for p in notes:
        say(f"newsline: warning: {p.where}: {p.message}")
    for r in refs:
        if r.blank:
            say(f"newsline: warning: {r.source or r.id}: {r.id}: no text, so no events")
    if not refs:
        raise typer.Exit(EXIT_INPUT if problems else EXIT_OK)
    if fmt == Format.timeml and output_dir is None and len(refs) > 1:
        raise fail(
            f"--format timeml writes one document per article: {len(refs)} articles need --output-dir DIR",
            EXIT_USAGE,
        )
    if fmt == Format.auto:
        fmt = Format.table if sys.stdout.isatty() else Format.json

    failed: list[str] = []
    sources = {r.id: r.source or r.id for r in refs}
    paths = {r.id: r.path for r in refs}

    def report(article_id: str, message: str) -> None:
        # A bug of ours must not cost the user the other articles, nor show a traceback.
        failed.append(article_id)
        if message.startswith(f"{paths.get(article_id)}:"):
            # Not a bug: the input could not be read again when its turn came (every input is read once
            # to index it, and again to parse it): it was removed, truncated or changed in between.
            note = "" if "changed" in message else " (it changed after it was first read; not parsed)"
            say(f"newsline: error: {message}{note}")
            return
        say(
            f"newsline: error: {sources.get(article_id, article_id)}: {article_id}: could not be parsed "
            f"({message}); please report this article"
        )

    from newsline.cli.progress import ProgressBar

    progress = ProgressBar()
    # Only the table and TimeML show article text: the other formats let each text go once parsed.
    keep_text = fmt in (Format.table, Format.timeml) or bool(entity)  # --entity reads the texts
    # JSON Lines is the format for streams too large for memory: the merge is kept in a scratch file,
    # and the events are written one at a time as they are read back from it.
    spilling = fmt == Format.jsonl and not entity
    with contextlib.ExitStack() as scratch:
        spill = scratch.enter_context(scratch_space(spilling))
        try:
            if dask_scheduler is not None:
                from newsline.run.dask import DaskUnavailable, connect, parse_on_dask

                try:
                    client = connect(dask_scheduler)
                except DaskUnavailable as exc:
                    raise fail(f"--dask-scheduler: {exc}", EXIT_DASK) from None
                with client:
                    tl = parse_on_dask(refs, client, zone, keep_text, report, progress, spill)
            else:
                from newsline.run.stream import parse_stream

                # Worker processes cost more to start than a few articles take to parse.
                workers = jobs if jobs is not None else (os.cpu_count() or 1) if len(refs) >= 16 else 1
                tl = parse_stream(refs, workers, zone, keep_text, report, progress, spill=spill)
        finally:
            progress.close()
        if hasattr(tl, "close"):
            scratch.callback(tl.close)
        if entity:
            from newsline.entity.select import keep_entity

            why: list[str] | None = [] if explain else None
            tl = keep_entity(tl, entity, why)
            for line in why or ():
                say(f"newsline: entity: {line}")
        unknown = [a.id for a in tl.articles if a.published is None]
        if unknown:
            say(
                f"newsline: note: no publication date for {', '.join(unknown[:5])}"
                f"{' and others' if len(unknown) > 5 else ''}: days are relative to publication; "
                "give --published (or a dateline in the text) for absolute dates"
            )
        for w in tl.warnings:
            say(f"newsline: warning: {w}")

        written = write_output(tl, fmt, no_color, output_dir, show_all)
    raise typer.Exit(EXIT_INPUT if problems or failed or not written else EXIT_OK)


def read_stdin() -> bytes | None:
    """Standard input as bytes (decoded later like a file, so invalid UTF-8 is an error line, not a
    traceback), at most one byte over the size limit so that a huge stream is refused without being held;
    None when it is closed (`<&-`)."""
    from newsline.readers.files import MAX_BYTES

    if sys.stdin is None:
        return None

    return sys.stdin.buffer.read(MAX_BYTES + 1)


def write_output(tl, fmt: Format, no_color: bool, output_dir: str | None, show_all: bool = False) -> bool:
    """Print (or, for timeml with --output-dir, write) the timeline in `fmt`. Every format is built from
    the one newsline/1 dict. False when a file could not be written (each is reported)."""
    from newsline.formats.document import to_dict

    if fmt == Format.jsonl:
        from newsline.run.stream import write_jsonl

        write_jsonl(tl, sys.stdout)
        return True
    d = to_dict(tl)
    texts = {a.id: a.text for a in tl.articles}
    if fmt == Format.json:
        from newsline.run.stream import write_json

        write_json(d, sys.stdout)
    elif fmt == Format.csv:
        from newsline.formats.writers import to_csv

        sys.stdout.write(to_csv(d))
    elif fmt == Format.markdown:
        from newsline.formats.writers import to_markdown

        sys.stdout.write(to_markdown(d))
    elif fmt == Format.timelinejs:
        from newsline.formats.writers import to_timelinejs_json

        out = to_timelinejs_json(d)
        shown = out.count('"start_date"')
        if shown < len(d["events"]):
            say(
                f"newsline: note: timelinejs: {len(d['events']) - shown} of {len(d['events'])} events have "
                "no calendar date and are left out"
                + (" (give --published)" if any(a["published"] is None for a in d["articles"]) else "")
            )
        sys.stdout.write(out)
    elif fmt == Format.timeml:
        return write_timeml_files(d, texts, output_dir)
    else:
        from newsline.cli.render import render_table

        render_table(d, texts, no_color=no_color, show_all=show_all)
    return True


def write_timeml_files(d: dict, texts: dict[str, str], output_dir: str | None) -> bool:
    """TimeML per article: to standard output for one article, else one ARTICLE.tml per article in
    `output_dir`."""
    from pathlib import Path

    from newsline.formats.writers import to_timeml

    docs = list(to_timeml(d, texts))
    if output_dir is None:
        sys.stdout.writelines(doc for _, doc in docs)
        return True
    target = Path(output_dir)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise fail(f"--output-dir: cannot create {output_dir}: {exc.strerror or exc}", EXIT_INPUT) from None
    ok = True
    used: set[str] = set()
    for aid, doc in docs:
        # Article ids come from the input (a .jsonl "id"): never let one name a path outside the directory.
        name = re.sub(r"[^\w.-]+", "_", aid).lstrip(".") or "article"
        while name.lower() in used:
            name += "_"
        used.add(name.lower())
        try:
            (target / f"{name}.tml").write_text(doc, encoding="utf-8")
        except OSError as exc:
            say(f"newsline: error: {aid}: cannot write {target / (name + '.tml')}: {exc.strerror or exc}")
            ok = False
    return ok


MERGE_HELP = """Merge saved newsline/1 timelines into one: the same event from several articles becomes
one event with every source. Parse apart (other processes, other machines), merge afterwards.

\b
Examples:
  newsline parse part1.jsonl --format json > a.json
  newsline parse part2.jsonl --format json > b.json
  newsline merge a.json b.json --format table

The result does not depend on the order of the files, and merging a timeline with itself changes nothing.

""" + EXIT_CODES_HELP


def _load_again(path: str) -> Timeline:
    import json

    from newsline.readers.files import InputError, decode, read_bytes
    from newsline.readers.saved import LoadError, from_dict

    try:
        return from_dict(json.loads(decode(read_bytes(path), path)))
    except (LoadError, ValueError) as exc:
        raise InputError(f"{path}: {exc}") from None


@app.command("merge", help=MERGE_HELP)
def merge_command(
    files: Annotated[
        list[str], typer.Argument(help="newsline/1 JSON files, or - for standard input.", show_default=False)
    ],
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="auto: a table on a terminal, JSON when piped.")
    ] = Format.auto,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colours in the table.")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="Table: also show minor events.")] = False,
) -> None:
    import copy
    import functools
    import json

    from newsline.merge.fold import merge_loaded
    from newsline.readers.files import InputError, decode, read_bytes
    from newsline.readers.saved import LoadError, from_dict

    if fmt == Format.timeml:
        raise fail("merge: --format timeml needs the article texts; use newsline parse", EXIT_USAGE)
    loaders = []
    bad = 0
    # Each file is read twice, and only one at a time is held: once here, to check it and to learn its
    # place in the merge's order, then again when the merge reaches it (standard input is held).
    for path in files:
        try:
            raw = read_stdin() if path == "-" else read_bytes(path)
            if raw is None:
                raise InputError("-: standard input is closed")
            first = from_dict(json.loads(decode(raw, path)))
        except (InputError, LoadError, ValueError) as exc:
            bad += 1
            message = str(exc).split(": ", 1)[-1] if isinstance(exc, InputError) else str(exc)
            say(f"newsline: error: {path}: {message}")
            continue
        if path == "-":
            loaders.append(([a.id for a in first.articles], functools.partial(copy.deepcopy, first)))
        else:
            loaders.append(([a.id for a in first.articles], functools.partial(_load_again, path)))
        del first
    if not loaders:
        raise typer.Exit(EXIT_INPUT)
    if fmt == Format.auto:
        fmt = Format.table if sys.stdout.isatty() else Format.json
    with contextlib.ExitStack() as scratch:
        # As parse does: with JSON Lines the merge is on disk and the events are written one at a time.
        spill = scratch.enter_context(scratch_space(fmt == Format.jsonl))
        try:
            tl = merge_loaded(loaders, spill)
        except (InputError, LoadError, ValueError) as exc:
            raise fail(f"{exc} (it changed after it was first read)", EXIT_INPUT) from None
        if hasattr(tl, "close"):
            scratch.callback(tl.close)
        for w in tl.warnings:
            say(f"newsline: warning: {w}")
        written = write_output(tl, fmt, no_color, None, show_all)
    raise typer.Exit(EXIT_INPUT if bad or not written else EXIT_OK)


TAG_HELP = """Tag the time expressions of texts (no events): TimeML TIMEX3 tags, or JSON.

Inputs are plain text files (or - for standard input), TimeML / TempEval-3 files (.tml, .TE3input),
directories (the files matching --glob below them) and .jsonl files of articles as `newsline parse` reads
them ({"id", "title", "published", "text"} a line, each dated by its own "published", else --published).
In a TimeML file the publication date is the value of its <DCT> (it wins over --published) and only the
text inside <TEXT> is tagged, after removing the tags it already has (EVENT, TIMEX3, SIGNAL).

Worked example: for a file in.tml holding

\b
  <DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">19980108</TIMEX3></DCT>
  <TEXT>Shares <EVENT eid="e1">fell</EVENT> on Wednesday.</TEXT>

\b
  newsline tag in.tml --format timeml --output-dir out

writes out/in.tml: the same file up to <TEXT> and from </TEXT> on, and in between

\b
  <TEXT>Shares fell on <TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3>.</TEXT>

More examples:

\b
  newsline tag TimeBank/*.tml --format timeml --output-dir system/
  newsline tag story.txt --published 2025-07-04 --format json | jq -r '.time_mentions[].value'
  cat story.txt | newsline tag - --format jsonl

--format timeml writes one file per input into --output-dir (created if need be): a TimeML input keeps its
name, a plain text becomes NAME.tml, a minimal TimeML document. json prints {"schema", "articles",
"time_mentions"} (offsets into the text that was tagged: for TimeML, the inside of <TEXT> without tags and
with &amp; and the like resolved); jsonl prints one time mention a line. Without any publication date,
values tied to it are underspecified (XXXX-XX-XX).

""" + EXIT_CODES_HELP


class TagFormat(StrEnum):
    timeml = "timeml"
    json = "json"
    jsonl = "jsonl"


# What `newsline tag` reads in a directory: what `parse` reads, and TimeML.
TAG_GLOBS = ("*.txt", "*.jsonl", "*.text", "*.md", "*.html", "*.htm", "*.tml", "*.TE3input")

# One input of `newsline tag`: (path, article id, text, publication date, TimeML document or None, encoding,
# output file name or None); a text of None means the input could not be read, and the id is the message.
TagInput = tuple[str, str, "str | None", object, object, str, "str | None"]


def _tag_inputs(paths: list[str], pub: object, stdin_text: str | None) -> Iterator[TagInput]:
    """Each article the inputs hold, read one at a time: a text or TimeML file is one article; each record
    of a .jsonl file is one, dated by its own "published" (else `pub`)."""
    from newsline.formats.timeml import TimeMLError, article_id, decode_source, looks_like_timeml, read_timeml
    from newsline.readers.files import InputError, decode_input, index_inputs, load_article, read_bytes

    for path in paths:
        if path != "-" and path.endswith(".jsonl"):
            notes: list = []
            refs, bad = index_inputs([path], pub, None, notes)  # type: ignore[arg-type]
            for p in notes:
                say(f"newsline: warning: {p.where}: {p.message}")
            for p in bad:
                yield p.where, p.message, None, None, None, "utf-8", None
            for ref in refs:
                try:
                    a = load_article(ref)
                except InputError as exc:
                    yield path, str(exc).split(": ", 1)[-1], None, None, None, "utf-8", None
                    continue
                # A .jsonl "id" comes from the input: it must not name a path outside --output-dir.
                name = re.sub(r"[^\w.-]+", "_", a.id).lstrip(".") or "article"
                yield path, a.id, a.text, a.published, None, "utf-8", f"{name}.tml"
            continue
        try:
            if path == "-":
                if stdin_text is None:
                    raise InputError("-: standard input is closed")
                content, encoding = stdin_text, "utf-8"
            else:
                raw = read_bytes(path)
                content, encoding = decode_source(raw, path)
                if "\ufffd" in content and (note := decode_input(raw, path).note()):
                    say(f"newsline: warning: {path}: {note}")
            timeml_in = looks_like_timeml(path, content)
            try:
                doc = read_timeml(content) if timeml_in else None
            except TimeMLError as exc:
                raise InputError(f"{path}: {exc}") from None
        except InputError as exc:
            yield path, str(exc).split(": ", 1)[-1], None, None, None, "utf-8", None
            continue
        text = doc.text if doc is not None else content.lstrip("\ufeff")
        given = doc.dct if doc is not None and doc.dct is not None else pub
        yield path, article_id(path), text, given, doc, encoding, None


@app.command("tag", help=TAG_HELP)
def tag_command(
    files: Annotated[
        list[str],
        typer.Argument(
            help="Text files, TimeML files (.tml, .TE3input), .jsonl files of articles, directories, or - "
            "for standard input.",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        TagFormat, typer.Option("--format", "-f", help="timeml (needs --output-dir), json or jsonl.")
    ] = TagFormat.json,
    output_dir: Annotated[
        str | None,
        typer.Option(
            "--output-dir", "-o", help="Where --format timeml writes its files (created).", show_default=False
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            "-p",
            help="Publication date or date-time (ISO 8601) of inputs without a DCT.",
            show_default=False,
        ),
    ] = None,
    globs: Annotated[
        list[str] | None,
        typer.Option(
            "--glob",
            help="Files to read in a directory (repeatable; default *.txt *.jsonl *.text *.md *.html *.htm "
            "*.tml *.TE3input).",
            show_default=False,
        ),
    ] = None,
) -> None:
    import json
    from pathlib import Path

    from newsline.formats.document import SCHEMA, mention_dict
    from newsline.formats.timeml import iso, minimal_timeml, output_name, write_timeml
    from newsline.readers.files import expand_paths
    from newsline.timex import tag_text

    pub = published_option(published)
    if fmt == TagFormat.timeml and output_dir is None:
        raise fail("--format timeml needs --output-dir DIR", EXIT_USAGE)
    if fmt != TagFormat.timeml and output_dir is not None:
        raise fail("--output-dir is only for --format timeml", EXIT_USAGE)
    out_dir = Path(output_dir) if output_dir is not None else None
    if out_dir is not None:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise fail(
                f"--output-dir: cannot create {output_dir}: {exc.strerror or exc}", EXIT_INPUT
            ) from None

    stdin_text = sys.stdin.read() if "-" in files and sys.stdin is not None else None
    problems = 0
    articles: list[dict] = []
    mentions: list = []
    unknown: list[str] = []
    used_ids: dict[str, int] = {}
    used_names: dict[str, int] = {}
    # Directories hold what `parse` reads there and TimeML files; a .jsonl file holds many articles, each
    # with its own publication date (the record's "published", else --published), as `parse` reads them.
    paths, missing = expand_paths(files, tuple(globs) if globs else TAG_GLOBS)
    for p in missing:
        typer.echo(f"newsline: error: {p.where}: {p.message}", err=True)
        problems += 1
    for path, aid, text, given, doc, encoding, name in _tag_inputs(paths, pub, stdin_text):
        if text is None:  # `aid` holds what went wrong
            typer.echo(f"newsline: error: {path}: {aid}", err=True)
            problems += 1
            continue
        timeml_in = doc is not None
        # Article ids are unique in one run: a second "story" becomes "story-2".
        used_ids[aid] = used_ids.get(aid, 0) + 1
        if used_ids[aid] > 1:
            aid = f"{aid}-{used_ids[aid]}"
        try:
            found, ref, origin = tag_text(text, aid, given)
        except Exception as exc:  # a bug of ours must not cost the user the other inputs
            typer.echo(
                f"newsline: error: {path}: could not be tagged ({type(exc).__name__}: {exc}); "
                "please report this input",
                err=True,
            )
            problems += 1
            continue
        when = given if origin == "given" else (ref.day if origin == "dateline" else None)
        if out_dir is not None:
            name = name or output_name(path, timeml_in)
            used_names[name] = used_names.get(name, 0) + 1
            if used_names[name] > 1:
                stem, dot, suffix = name.partition(".")
                name = f"{stem}-{used_names[name]}{dot}{suffix}"
            target = out_dir / name
            if path != "-" and target.exists() and target.resolve() == Path(path).resolve():
                typer.echo(
                    f"newsline: error: {path}: writing {target} would overwrite the input; "
                    "choose another --output-dir",
                    err=True,
                )
                problems += 1
                continue
            result = write_timeml(doc, found) if doc is not None else minimal_timeml(text, found, when, aid)
            try:
                target.write_text(result, encoding=encoding, newline="")
            except OSError as exc:
                typer.echo(f"newsline: error: {path}: cannot write {target}: {exc.strerror or exc}", err=True)
                problems += 1
                continue
        articles.append(
            {
                "id": aid,
                "source": path if path != "-" else "<stdin>",
                "title": None,
                "published": None if when is None else iso(when),
                "published_from": origin,
            }
        )
        mentions += found
        if origin is None:
            unknown.append(aid)
    if unknown:
        typer.echo(
            f"newsline: note: no publication date for {', '.join(unknown[:5])}"
            f"{' and others' if len(unknown) > 5 else ''}: values tied to it are underspecified; "
            "give --published (or a DCT, or a dateline in the text) for absolute dates",
            err=True,
        )
    if fmt == TagFormat.json and articles:
        out = {"schema": SCHEMA, "articles": articles, "time_mentions": [mention_dict(m) for m in mentions]}
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    elif fmt == TagFormat.jsonl:
        sys.stdout.writelines(json.dumps(mention_dict(m), ensure_ascii=False) + "\n" for m in mentions)
    raise typer.Exit(EXIT_INPUT if problems else EXIT_OK)


SCHEMA_HELP = """Print the JSON Schema (draft 2020-12) of newsline/1, the output of --format json.

One line of --format jsonl is one event: its schema is "#/$defs/event" in this document.

Worked example: check an output against it with the Python jsonschema package:

\b
  newsline schema > newsline-1.schema.json
  newsline parse story.txt -p 2025-07-04 --format json > out.json
  python -c 'import json, jsonschema; jsonschema.validate(json.load(open("out.json")),
             json.load(open("newsline-1.schema.json")))'

Exit code: 0.
"""


@app.command("schema", help=SCHEMA_HELP)
def schema_command() -> None:
    from newsline.schema import schema_text

    sys.stdout.write(schema_text())


def run() -> None:
    """Console entry point: usage errors become one line on stderr and exit code 2; an output that cannot
    be written, exit code 5; SIGINT and SIGTERM, after cleaning up, 130 and 143 (`cli.guard`)."""
    import signal

    from newsline.cli.guard import (
        GuardedOutput,
        end_after_signal,
        install_signal_handlers,
        received,
        silence_stdout,
    )

    _skip_final_collections()
    install_signal_handlers()
    sys.stdout = GuardedOutput(sys.stdout)  # type: ignore[assignment]
    try:
        _run()
    except BaseException as exc:
        signum = received()
        if signum is None:
            raise
        if isinstance(exc, SystemExit) and exc.code == 128 + signum:
            end_after_signal(128 + signum)
        # The signal's exception was lost (it landed in a finaliser) and the run went on, or failed for
        # want of the workers the handler stopped: it still ends as stopped by the signal.
        silence_stdout()
        name = signal.Signals(signum).name
        typer.echo(f"newsline: stopped by {name}; the output, if any, is incomplete", err=True)
        end_after_signal(128 + signum)


def _skip_final_collections() -> None:
    """At exit, move every object into the garbage collector's permanent generation (`gc.freeze`), so
    that the collections of the interpreter's shutdown do not walk them all once more: after a parse,
    spaCy's modules and model are most of 100,000 objects, and those walks took 100 ms of a cold `newsline
    parse`, to find cycles whose memory the process hands back by ending. The exit handlers still run
    (registered first, this one runs after those registered later: Dask's, `weakref.finalize`'s), and
    objects are still freed when their modules are cleared; only cyclic garbage left at exit goes
    uncollected, which Python does not promise to finalise anyway. Registered once however often `run`
    is called (the tests call it in their process)."""
    import atexit
    import gc

    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)


def _run() -> None:
    """`run` without the signal check around it."""
    import click
    from newsline.cli.guard import (
        EXIT_SIGINT,
        OutputError,
        ReaderGone,
        Terminated,
        silence_stdout,
    )

    command = typer.main.get_command(app)
    try:
        try:
            code = command.main(args=sys.argv[1:], prog_name="newsline", standalone_mode=False)
        finally:
            # What is still buffered is written here, where a failure is reported, not at exit.
            if sys.exc_info()[1] is None or isinstance(sys.exc_info()[1], click.exceptions.Exit):
                sys.stdout.flush()
    except click.exceptions.NoArgsIsHelpError as exc:
        typer.echo(exc.ctx.get_help() if exc.ctx else "", err=False)
        sys.exit(EXIT_OK)
    except click.UsageError as exc:
        hint = (
            f" (see 'newsline {exc.ctx.info_name} --help')"
            if exc.ctx and exc.ctx.info_name != "newsline"
            else " (see 'newsline --help')"
        )
        typer.echo(f"newsline: error: {exc.format_message()}{hint}", err=True)
        sys.exit(EXIT_USAGE)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except (click.Abort, KeyboardInterrupt):
        silence_stdout()
        typer.echo("newsline: interrupted (SIGINT); the output, if any, is incomplete", err=True)
        sys.exit(EXIT_SIGINT)
    except Terminated as exc:
        # Every `with` on the way here has run: the scratch directory is gone, the workers stopped.
        silence_stdout()
        typer.echo(f"newsline: stopped by {exc.name}; the output, if any, is incomplete", err=True)
        sys.exit(exc.exit_code)
    except OutputError as exc:
        silence_stdout()
        typer.echo(f"newsline: error: cannot write the output: {exc}", err=True)
        sys.exit(EXIT_OUTPUT)
    except (ReaderGone, BrokenPipeError):
        # The reader went away (`| head`): not an error of ours.
        silence_stdout()
        sys.exit(EXIT_OK)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


if __name__ == "__main__":
    run()
