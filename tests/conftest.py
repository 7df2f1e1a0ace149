"""Shared fixtures: the seed article, and two ways to run the `newsline` command: in this process (fast, the
default) and as a user would, in a subprocess (for what only a real process shows).

Only files inside this repository are used (samples/ and inline texts), so the suite runs anywhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from newsline import parse_text
from newsline.entity.references import entity_refs
from newsline.entity.select import _Article, _generic, _pattern, keep_entity, takes_part

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_REL = "samples/kyiv-drone-strike-2025-07-04.txt"
SAMPLE = ROOT / SAMPLE_REL

# Environment variables that would change what the command prints (colours, terminal width, hash order).
_NOISY_ENV = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "CLICOLOR_FORCE", "COLUMNS", "LINES")


def newsline_command() -> list[str]:
    """The installed console script of this interpreter, else the one on PATH, else its entry point."""
    sibling = Path(sys.executable).with_name("newsline")
    if sibling.is_file() and os.access(sibling, os.X_OK):
        return [str(sibling)]
    found = shutil.which("newsline")
    if found:
        return [found]
    return [sys.executable, "-c", "from newsline.cli.main import run; run()"]


def entity_triggers(text: str, entity: str, published: object) -> set[str]:
    """The trigger words of the events an entity timeline of `text` keeps (one article, id "a")."""
    tl = keep_entity(parse_text(text, published=published, id="a"), entity)
    return {text[e.mentions[0].trigger[0] : e.mentions[0].trigger[1]] for e in tl.events}


def taking_part(text: str, entity: str, published: object) -> set[str]:
    """The trigger words (lower case) of the events the entity takes part in, dated or not (one article,
    id "a"): which events are the entity's, before the timeline keeps only those with a place in time."""
    tl = parse_text(text, published=published, id="a")
    pattern = _pattern(entity)
    verbs = [m.trigger for e in tl.events if not e.nominal for m in e.mentions]
    articles = {"a": _Article(text, entity_refs(text, _pattern(entity, text), entity, _generic()), verbs)}
    return {
        text[m.trigger[0] : m.trigger[1]].lower()
        for e in tl.events
        if takes_part(e, articles, pattern)
        for m in e.mentions
    }


def base_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _NOISY_ENV}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra)
    return env


def fresh_python(*args: str, timeout: float = 120, **env: str) -> subprocess.CompletedProcess[str]:
    """`python ARGS` in a fresh interpreter at the repository's root (what a test of imports or of process
    exit needs), with the tests' environment plus `env`; the run must succeed."""
    proc = subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=base_env(**env),
        timeout=timeout,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


@dataclass
class Result:
    code: int
    raw_stdout: bytes
    raw_stderr: bytes

    @property
    def stdout(self) -> str:
        return self.raw_stdout.decode("utf-8")

    @property
    def stderr(self) -> str:
        return self.raw_stderr.decode("utf-8", errors="replace")

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def run_newsline(
    *args: str, input: str | None = None, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> Result:
    proc = subprocess.run(
        [*newsline_command(), *args],
        input=input.encode("utf-8") if input is not None else None,
        capture_output=True,
        env=env or base_env(),
        cwd=cwd,
        timeout=120,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def run_in_process(
    *args: str, input: str | None = None, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> Result:
    """`newsline ARGS...` run in this process, as the console script runs it (`newsline.cli.main.run`, with
    its exit codes and one-line errors), its standard streams and environment swapped for the call by
    Click's test runner. Several times faster than a subprocess, which pays Python's start and the imports
    again.

    `env` is the whole environment, as for `run_newsline`: variables not in it are unset for the call.
    """
    from newsline.cli.main import run
    from typer.testing import CliRunner

    wanted = env or base_env()
    changes: dict[str, str | None] = {k: None for k in os.environ if k not in wanted}
    changes.update(wanted)
    argv, here = sys.argv, os.getcwd()
    code = 0
    runner = CliRunner()
    with runner.isolation(input=input.encode("utf-8") if input is not None else None, env=changes) as streams:
        out, err = streams[0], streams[1]
        sys.argv = ["newsline", *args]
        os.chdir(cwd)
        try:
            run()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except Exception:  # what an uncaught error does to the real command: a traceback, exit code 1
            import traceback

            sys.stderr.write(traceback.format_exc())
            code = 1
        finally:
            sys.argv = argv
            os.chdir(here)
            sys.stdout.flush()
            sys.stderr.flush()
        return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def newsline():
    """Run `newsline ARGS...` in this process (`run_in_process`) from the repository root; returns a
    `Result`. Keyword arguments: input (text for standard input), env (the whole environment), cwd.
    """
    return run_in_process


@pytest.fixture
def newsline_subprocess():
    """Run `newsline ARGS...` as a user does, the installed console script in a subprocess; returns a
    `Result`. For what only a real process shows: the entry point, start-up imports, signals."""
    return run_newsline
