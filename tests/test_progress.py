"""The progress bar: on standard error when it is a terminal and the run lasts, never in a pipe."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE, base_env, newsline_command


def _dump(tmp_path: Path, n: int = 8) -> Path:
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "many.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": f"a{i}", "published": "2025-07-04", "text": text}) + "\n" for i in range(n)
        ),
        encoding="utf-8",
    )
    return path


@pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal needs POSIX")
def test_a_terminal_shows_a_progress_bar(tmp_path):
    import pty

    master, slave = pty.openpty()
    # Standard output goes to a file: a pipe nobody reads while the terminal is watched would fill up.
    out_file = (tmp_path / "out.jsonl").open("wb")
    proc = subprocess.Popen(
        [*newsline_command(), "parse", str(_dump(tmp_path)), "-f", "jsonl", "--jobs", "1"],
        stdout=out_file,
        stderr=slave,
        env=base_env(TERM="xterm-256color", COLUMNS="100", NEWSLINE_PROGRESS_DELAY="0"),
    )
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    proc.wait(timeout=120)
    os.close(master)
    out_file.close()
    out = (tmp_path / "out.jsonl").read_bytes()
    assert proc.returncode == 0
    shown = seen.decode("utf-8", "replace")
    assert "parsing" in shown and "/8" in shown, shown[-500:]
    # The bar is on standard error only: standard output is the JSON Lines of every event.
    assert out and all(json.loads(line)["id"].startswith("a") for line in out.decode().splitlines())


PYTHON_IMPORTTIME = [sys.executable, "-X", "importtime", "-c", "from newsline.cli.main import run; run()"]


def test_a_pipe_shows_no_progress_bar(tmp_path):
    # Nothing is drawn when standard error is a pipe. (Rich itself is imported by spaCy, the event stage's
    # analyser, so its import no longer tells whether a bar was built.)
    r = subprocess.run(
        [*PYTHON_IMPORTTIME, "parse", str(_dump(tmp_path)), "-f", "jsonl", "--jobs", "1"],
        capture_output=True,
        env=base_env(NEWSLINE_PROGRESS_DELAY="0"),
        timeout=120,
    )
    assert r.returncode == 0 and r.stdout
    err = r.stderr.decode("utf-8", "replace")
    lines = [line for line in err.splitlines() if not line.startswith("import time:")]
    assert "parsing" not in err and "\x1b[" not in err and "━" not in err
    assert all(line.startswith("newsline: ") for line in lines), lines
