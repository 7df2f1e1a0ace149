"""Parsing on a Dask cluster: the map (`newsline.run.stream.parse_chunk`, one article's timeline each) runs on
the cluster's workers, the reduce (the merge, as a `newsline.merge.fold.Fold`) runs here as the results come
back, in the same order as on one machine, so the timeline is byte-identical with a local run.

Dask is optional: it is imported only when this is used (`pip install 'newsline[dask]'`), and the workers
need newsline installed too (the same version). The articles are read here and sent to the workers, so
the workers need not see the input files.

    from dask.distributed import Client
    from newsline.run.dask import parse_on_dask
    from newsline.readers.files import index_inputs

    refs, problems = index_inputs(["dump.jsonl"], None)
    tl = parse_on_dask(refs, Client("tcp://scheduler:8786"))
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import tzinfo
from typing import TYPE_CHECKING, Any

from newsline.model import Timeline
from newsline.readers.files import load_article
from newsline.run.stream import Item, parse_stream

if TYPE_CHECKING:
    from newsline.merge.spill import SpilledTimeline


class DaskUnavailable(RuntimeError):
    """Dask is not installed, or the scheduler cannot be reached; the message says which."""


def connect(address: str, timeout: float = 10.0) -> Any:
    """A `dask.distributed.Client` connected to the scheduler at `address` (tcp://host:8786)."""
    try:
        from dask.distributed import Client
    except ImportError:
        raise DaskUnavailable(
            "Dask is not installed (pip install 'newsline[dask]', or dask[distributed])"
        ) from None
    try:
        return Client(address, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as exc:
        raise DaskUnavailable(f"cannot reach the Dask scheduler at {address}: {exc}") from None


def parse_on_dask(
    items: Sequence[Item],
    client: Any,
    tz: tzinfo | None = None,
    keep_text: bool = True,
    on_error: Callable[[str, str], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    spill: str | None = None,
) -> Timeline | SpilledTimeline:
    """One merged timeline from `items` (Articles or `newsline.readers.files.ArticleRef`s), parsed on the Dask
    cluster of `client` (a `dask.distributed.Client`): the same timeline as
    `newsline.run.pool.parse_many` gives on one machine. `spill`: as for `parse_stream`."""
    threads = sum(client.nthreads().values()) or 1

    def submit(fn: Callable[..., Any], *args: Any) -> Any:
        # pure=False: no hashing of every chunk's texts to name the task; each chunk is parsed once.
        return client.submit(fn, *args, pure=False)

    return parse_stream(
        items,
        jobs=threads,
        tz=tz,
        keep_text=keep_text,
        on_error=on_error,
        on_progress=on_progress,
        submit=submit,
        prepare=load_article,
        spill=spill,
    )
