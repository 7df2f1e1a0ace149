"""The newsline command: arguments, inputs, and the choice of renderer. The work is done by `timeline`.

Exit codes: 0 success; 1 an input could not be read (the others were still processed); 2 usage error.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2

PARSE_HELP = """Turn news articles into one timeline of dated, ordered events.

Examples:

  newsline parse samples/kyiv-drone-strike-2025-07-04.txt

  newsline parse story.txt --published 2025-07-04 --tz Europe/Kyiv | jq '.events[].title'

  cat story.txt | newsline parse - --format jsonl

  newsline parse corpus.jsonl --format json > timeline.json

A .jsonl input holds one article a line: {"id", "title", "published", "text"}; an article's own
"published" wins over --published. Without any publication date, days are shown relative to publication.

Exit codes: 0 success, 1 an input could not be read (the others are still processed), 2 usage error.
"""


class Format(StrEnum):
    auto = "auto"
    table = "table"
    json = "json"
    jsonl = "jsonl"


app = typer.Typer(
    name="newsline",
    help="newsline: news articles in, a timeline of what happened, when, out.",
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from timeline import __version__

        typer.echo(f"newsline {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """newsline: news articles in, a timeline of what happened, when, out."""


def fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"newsline: error: {message}", err=True)
    return typer.Exit(code)


@app.command(help=PARSE_HELP)
def parse(
    files: Annotated[
        list[str],
        typer.Argument(help="Article files (.txt, .jsonl), or - for standard input.", show_default=False),
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
    no_color: Annotated[bool, typer.Option("--no-color", help="No colours in the table.")] = False,
) -> None:
    from timeline.ingest import parse_published, read_inputs

    pub = None
    if published is not None:
        try:
            pub = parse_published(published)
        except ValueError:
            raise fail(
                f"--published: {published!r} is not an ISO 8601 date such as 2025-07-04", EXIT_USAGE
            ) from None
    zone = None
    if tz is not None:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            zone = ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            raise fail(
                f"--tz: unknown time zone {tz!r} (use an IANA name such as Europe/Kyiv)", EXIT_USAGE
            ) from None
    stdin_text = sys.stdin.read() if "-" in files else None
    articles, problems = read_inputs(files, pub, stdin_text)
    for p in problems:
        typer.echo(f"newsline: error: {p.where}: {p.message}", err=True)
    if not articles:
        raise typer.Exit(EXIT_INPUT if problems else EXIT_OK)

    from timeline import Article, parse_articles

    failed: list[str] = []

    def report(article: Article, exc: Exception) -> None:
        # A bug of ours must not cost the user the other articles, nor show a traceback.
        failed.append(article.id)
        typer.echo(f"newsline: error: {article.source or article.id}: {article.id}: could not be parsed "
                   f"({type(exc).__name__}: {exc}); please report this article", err=True)

    tl = parse_articles(articles, zone, on_error=report)
    if entity:
        from timeline.select import keep_entity

        tl = keep_entity(tl, entity)
    unknown = [a.id for a in tl.articles if a.published is None]
    if unknown:
        typer.echo(
            f"newsline: note: no publication date for {', '.join(unknown[:5])}"
            f"{' and others' if len(unknown) > 5 else ''}: days are relative to publication; "
            "give --published (or a dateline in the text) for absolute dates",
            err=True,
        )
    for w in tl.warnings:
        typer.echo(f"newsline: warning: {w}", err=True)

    if fmt == Format.auto:
        fmt = Format.table if sys.stdout.isatty() else Format.json
    if fmt == Format.json:
        from timeline import to_json

        sys.stdout.write(to_json(tl))
    elif fmt == Format.jsonl:
        from timeline import to_jsonl

        sys.stdout.writelines(to_jsonl(tl))
    else:
        from cli.render import render_table

        render_table(tl, no_color=no_color)
    raise typer.Exit(EXIT_INPUT if problems or failed else EXIT_OK)


def run() -> None:
    """Console entry point: usage errors become one line on stderr and exit code 2."""
    import click

    command = typer.main.get_command(app)
    try:
        code = command.main(args=sys.argv[1:], prog_name="newsline", standalone_mode=False)
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
    except click.Abort:
        typer.echo("newsline: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`| head`): not an error of ours.
        sys.stderr.close()
        sys.exit(EXIT_OK)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


if __name__ == "__main__":
    run()
