"""The Dask integration, against a real (local) dask.distributed cluster: the timeline parsed on the cluster
is byte-identical with the one parsed here. Dask is in the test extra, so this runs wherever the suite does:
it is not skipped when Dask is missing, it fails."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE, base_env
from dask.distributed import Client, LocalCluster
from newsline import Article, to_json
from newsline.readers.files import index_inputs
from newsline.run.dask import DaskUnavailable, connect, parse_on_dask
from newsline.run.stream import parse_stream

TEXTS = [
    SAMPLE.read_text(encoding="utf-8"),
    "Russia launched a drone attack on Kyiv on Friday, officials said. Two people were killed.",
    "Russian forces launched a drone attack on Kyiv on Friday night. Officials said two people were killed.",
    "Police arrested 12 protesters in the capital on Monday. The minister will travel to Brussels next week.",
]


@pytest.fixture(scope="module")
def cluster():
    # Threads in this process (processes=False) start fast; tcp so that another process can connect.
    with LocalCluster(
        processes=False, n_workers=1, threads_per_worker=2, protocol="tcp", dashboard_address=":0"
    ) as c:
        yield c


def _dump(tmp_path: Path) -> Path:
    path = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"id": f"art{i}", "published": f"2025-07-0{4 + i % 2}", "text": TEXTS[i % len(TEXTS)]})
        for i in range(10)
    ]
    lines.insert(3, "not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_cluster_gives_the_local_timeline(cluster, tmp_path):
    refs, problems = index_inputs([str(_dump(tmp_path))], None)
    assert len(refs) == 10 and len(problems) == 1
    errors: list[str] = []
    with Client(cluster) as client:
        remote = parse_on_dask(refs, client, on_error=lambda aid, _: errors.append(aid))
        # An article that cannot be parsed is reported, not lost in the cluster.
        bad = parse_on_dask([Article("bad", None, None)], client, on_error=lambda aid, _: errors.append(aid))  # type: ignore[arg-type]
    assert to_json(remote) == to_json(parse_stream(refs, jobs=1))
    assert len(remote.articles) == 10 and any(len(e.mentions) > 1 for e in remote.events)
    assert errors == ["bad"] and bad.articles == []


def test_newsline_parse_dask_scheduler(cluster, tmp_path, newsline):
    dump = str(_dump(tmp_path))
    local = newsline("parse", dump, "-f", "json", "--jobs", "1")
    remote = newsline("parse", dump, "-f", "json", "--dask-scheduler", cluster.scheduler_address)
    assert remote.code == local.code == 1  # the bad line
    assert remote.stdout == local.stdout and json.loads(remote.stdout)["articles"]
    assert remote.err_lines == local.err_lines
    # JSON Lines: the workers send packed timelines and the merge is kept on disk, as locally.
    local = newsline("parse", dump, "-f", "jsonl", "--jobs", "1")
    remote = newsline("parse", dump, "-f", "jsonl", "--dask-scheduler", cluster.scheduler_address)
    assert remote.stdout == local.stdout and len(remote.stdout.splitlines()) > 1


def test_without_dask_the_option_is_a_one_line_error(tmp_path):
    # Dask made unimportable in the child, as on a machine where it is not installed.
    code = "import sys; sys.modules['dask'] = None; sys.modules['distributed'] = None; "
    code += "from newsline.cli.main import run; run()"
    r = subprocess.run(
        [sys.executable, "-c", code, "parse", str(_dump(tmp_path)), "--dask-scheduler", "tcp://127.0.0.1:1"],
        capture_output=True,
        text=True,
        env=base_env(),
        timeout=120,
    )
    assert r.returncode == 3
    assert r.stdout == "" and r.stderr.strip().count("\n") == 1  # the bad line, then this one
    assert (
        "Dask is not installed" in r.stderr and "newsline[dask]" in r.stderr and "Traceback" not in r.stderr
    )


def test_an_unreachable_scheduler_is_a_clear_error() -> None:
    with pytest.raises(DaskUnavailable, match="cannot reach the Dask scheduler"):
        connect("tcp://127.0.0.1:9", timeout=1)


def test_dask_is_imported_only_when_used() -> None:
    code = "import sys, timeline, newsline.run.stream, newsline.run.pool; print('dask' in sys.modules)"
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=base_env(), timeout=60
    )
    assert r.stdout.strip() == "False"
