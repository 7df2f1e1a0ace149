"""Many articles in bounded memory: parse them a few at a time and fold each timeline into the merge as it
arrives.

`newsline.merge` is order-independent because it sorts its inputs (by their article ids) before merging
them one after the other. `Fold` is that same loop turned inside out: it takes the timelines one at a time,
in that sorted order, and keeps only the merge state, so `Fold` over sorted timelines gives exactly `merge`
of all of them (tests/test_stream.py checks this on random sets). What memory holds is then the merged
timeline itself (the story being told: its events, sources, relations and time mentions) plus the articles
in flight, never every article text or every per-article timeline at once.

`parse_stream` drives it: articles (or `newsline.readers.files.ArticleRef`s, which workers read themselves)
are sorted by id, parsed by a pool of processes (or any executor with `submit`, such as a Dask client) with
a bounded number of chunks in flight, and folded in sorted order whatever order the workers finish in.
"""

from __future__ import annotations

import gc
import json
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import tzinfo
from itertools import islice
from typing import IO, TYPE_CHECKING, Any

from newsline.language.syntax import prefetch
from newsline.language.text import Document, segment
from newsline.merge.fold import Fold, lighten
from newsline.model import Article, Timeline
from newsline.pipeline import parse_article
from newsline.readers.files import ArticleRef, InputError, load_article

if TYPE_CHECKING:
    from newsline.merge.spill import Packed, SpilledTimeline, SpillFold

Item = Article | ArticleRef
Result = Timeline | tuple[str, str]


def _item_id(item: Item) -> str:
    return item.id


def parse_item(
    item: Item, tz: tzinfo | None = None, keep_text: bool = True, packed: bool = False
) -> Result | Packed:
    """The map step for one article or reference: its timeline, or (article id, error message) when it
    cannot be read or parsed. Errors come back as values, so one bad article never stops a batch or a
    cluster job. Without `keep_text` the timeline's article has no text (what travels back is smaller, and
    only a table or TimeML output needs the text). `packed`: the timeline as a `newsline.merge.spill.Packed`,
    what a `SpillFold` takes (cheaper to send than the timeline's objects)."""
    return _finish(item, _load(item), None, tz, keep_text, packed)


def _load(item: Item) -> Article | tuple[str, str]:
    """The article of `item`, or (article id, error message)."""
    try:
        return load_article(item)
    except InputError as exc:
        return (item.id, str(exc))
    except Exception as exc:  # a bug on one article must not cost the others
        return (item.id, f"{type(exc).__name__}: {exc}")


def _finish(
    item: Item,
    article: Article | tuple[str, str],
    doc: Document | None,
    tz: tzinfo | None,
    keep_text: bool,
    packed: bool,
) -> Result | Packed:
    """`parse_item` once the article is loaded (and perhaps segmented: `doc`)."""
    if isinstance(article, tuple):
        return article
    try:
        tl = parse_article(article, tz, doc)
    except Exception as exc:  # a bug on one article must not cost the others
        return (item.id, f"{type(exc).__name__}: {exc}")
    if not keep_text:
        tl.articles[:] = [replace(a, text="") for a in tl.articles]
        for e in tl.events:
            lighten(e.mentions[1:])
    if packed:
        from newsline.merge.spill import pack

        return pack(tl)
    return tl


# Articles whose sentences go through the dependency analyser together (`newsline.language.syntax.prefetch`):
# several articles' pieces fill its batches (measured: BENCHMARKS.md, issue 17). A group is held whole (texts
# and segmented documents), so it also ends once its texts reach GROUP_CHARS characters (about what
# `prefetch` covers anyway: half the piece cache, pieces of up to 600 characters).
GROUP = 16
GROUP_CHARS = 1 << 20


def _groups(items: Iterable[Item]) -> Iterator[list[tuple[Item, Article | tuple[str, str]]]]:
    """`items` with their articles loaded (or the reason why not), a group at a time, in their order."""
    group: list[tuple[Item, Article | tuple[str, str]]] = []
    size = 0
    for item in items:
        article = _load(item)
        group.append((item, article))
        size += len(article.text or "") if isinstance(article, Article) else 0
        if len(group) >= GROUP or size >= GROUP_CHARS:
            yield group
            group, size = [], 0
    if group:
        yield group


def parse_items(
    items: Iterable[Item], tz: tzinfo | None = None, keep_text: bool = True, packed: bool = False
) -> Iterator[Result | Packed]:
    """`parse_item` of each of `items`, in their order, one result at a time: the same results, faster.
    A group of articles (`GROUP`) is read and segmented, and the sentences of all of them analysed in one
    go, before each is parsed on its own. An article that cannot be read or segmented is left out of the
    analysis and reported when its turn comes; if the group's analysis fails (a sentence the analyser
    cannot take), each article is analysed on its own again, so the error is reported for its article
    alone."""
    for group in _groups(items):
        docs: list[Document | None] = []
        for _, article in group:
            try:
                docs.append(None if isinstance(article, tuple) else segment(article.text))
            except Exception:  # reported by `parse_article`, which segments the text again
                docs.append(None)
        if sum(d is not None for d in docs) > 1:
            # A failure here: each article's own analysis meets it again and reports it.
            with suppress(Exception):
                prefetch(d for d in docs if d is not None)
        for (item, article), doc in zip(group, docs, strict=True):
            yield _finish(item, article, doc, tz, keep_text, packed)


def parse_chunk(
    items: Sequence[Item], tz: tzinfo | None = None, keep_text: bool = True, packed: bool = False
) -> list[Result | Packed]:
    """`parse_item` over a few articles: one task, one round trip to a worker."""
    return list(parse_items(items, tz, keep_text, packed))


Submit = Callable[..., "Future[list[Result]] | Any"]


def run_chunks(chunks: Iterator[list[Item]], submit: Submit, in_flight: int) -> Iterator[list[Result]]:
    """Each chunk's results, in the order of `chunks`, with `in_flight` chunks submitted while the caller
    folds the one before: memory holds at most `in_flight` + 1 chunks, however many there are."""
    window: deque[Any] = deque(submit(c) for c in islice(chunks, in_flight))
    while window:
        results = window.popleft().result()
        for c in islice(chunks, 1):
            window.append(submit(c))
        yield results


def chunk_size(n: int, jobs: int) -> int:
    """Articles per task: enough that a task is worth its round trip, few enough that the workers get
    even shares and little is in flight."""
    return max(1, min(16, n // (jobs * 8) or 1))


def _warm() -> None:
    # Compile every rule in this process before the workers fork, so that each does not do it again.
    parse_article(Article("warm-up", "Officials said on Friday that talks began.", None))


def _plain_signals() -> None:
    # A worker ends at once on SIGTERM or SIGINT, by the kernel, whatever handler the parent installed: a
    # Python-level handler runs only between bytecodes, so a worker deep in a C call would outlive its
    # terminate() and leave its parent waiting for it.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def parse_stream(
    items: Sequence[Item],
    jobs: int | None = None,
    tz: tzinfo | None = None,
    keep_text: bool = True,
    on_error: Callable[[str, str], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    submit: Submit | None = None,
    prepare: Callable[[Item], Item] | None = None,
    spill: str | None = None,
) -> Timeline | SpilledTimeline:
    """One merged timeline from `items` (Articles, or ArticleRefs that each worker reads itself), parsed by
    `jobs` processes (default: every core), folded as they arrive; the same timeline as `merge` of every
    article's timeline, whatever `jobs` is.

    `on_error(article_id, message)` hears about articles that could not be read or parsed (they are left
    out); `on_progress(done, total)` after each article. `submit(parse_chunk, chunk, tz, keep_text,
    packed)` runs the chunks elsewhere (a Dask client's submit, say) instead of local processes; `prepare`
    turns each item into what is sent (e.g. `load_article`, when the workers cannot read the caller's
    files).

    With `spill` (a directory) the merge is kept in a file there instead of memory (`newsline.merge.spill`):
    what comes back is then a `SpilledTimeline` whose events are read from the file in rank order, the
    same events as without it; memory holds only what later events are compared with."""
    if spill is not None:
        from newsline.merge.spill import SpillFold

        f: Fold | SpillFold = SpillFold(spill, light=not keep_text)
    else:
        f = Fold(light=not keep_text)
    with _settled_memory() as settle:
        return _parse_stream(items, jobs, tz, keep_text, on_error, on_progress, submit, prepare, settle, f)


@contextmanager
def _settled_memory() -> Iterator[Callable[[], None]]:
    """A `settle()` that moves every object alive into the garbage collector's permanent generation, undone
    on the way out. The fold's state only grows, and each collection used to walk all of it again: three
    quarters of the main process's time went to unpickling the workers' results with the collector
    scanning the merged story (measured: 2.65 s with it, 0.59 s without, for 4,000 articles). Objects
    frozen so are still freed when nothing refers to them, and a collection before each freeze frees the
    cycles that parsing leaves (without it, peak memory grew by 5-7%)."""

    def settle() -> None:
        gc.collect()  # cheap: only what is not frozen yet, and it frees the cycles parsing left behind
        gc.freeze()

    try:
        yield settle
    finally:
        gc.unfreeze()


def _parse_stream(
    items: Sequence[Item],
    jobs: int | None,
    tz: tzinfo | None,
    keep_text: bool,
    on_error: Callable[[str, str], None] | None,
    on_progress: Callable[[int, int], None] | None,
    submit: Submit | None,
    prepare: Callable[[Item], Item] | None,
    settle: Callable[[], None],
    f: Fold | SpillFold,
) -> Timeline | SpilledTimeline:
    ordered = sorted(items, key=_item_id)  # merge's order: the fold must see the timelines in it
    total = len(ordered)
    jobs = max(1, jobs or os.cpu_count() or 1)
    packed = not isinstance(f, Fold)  # a SpillFold takes the timelines packed by the workers
    done = 0

    def take(r: Result | Packed) -> None:
        nonlocal done
        done += 1
        if not isinstance(r, tuple):
            f.add(r)  # type: ignore[arg-type]
            if done % 64 == 0:
                settle()
        elif on_error is not None:
            on_error(*r)
        if on_progress is not None:
            on_progress(done, total)

    if submit is None and (jobs == 1 or total < 2):
        for r in parse_items(ordered, tz, keep_text, packed):
            take(r)
        return f.result()
    size = chunk_size(total, jobs)

    def send(item: Item) -> Item:
        if prepare is None:
            return item
        try:
            return prepare(item)
        except InputError:
            return item  # the worker reports the problem as it does any other

    chunks = ([send(x) for x in ordered[i : i + size]] for i in range(0, total, size))
    pool = None
    if submit is None:
        _warm()
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_plain_signals)
        submit = pool.submit
    try:
        for results in run_chunks(chunks, lambda c: submit(parse_chunk, c, tz, keep_text, packed), jobs * 4):
            for r in results:
                take(r)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return f.result()


def write_jsonl(tl: Timeline | SpilledTimeline, out: IO[str]) -> None:
    """`--format jsonl`: one event a line, each serialised and written on its own (never the whole
    output at once); the same lines as `newsline.formats.document.to_jsonl`."""
    from newsline.formats.document import event_dict

    for e in tl.events:
        out.write(json.dumps(event_dict(e, tl.references), ensure_ascii=False) + "\n")


def write_json(doc: dict[str, Any], out: IO[str], buffer: int = 1 << 16) -> None:
    """`doc` as indented JSON (the bytes of `json.dumps(doc, ensure_ascii=False, indent=2)` and a line
    break), written in pieces of about `buffer` characters rather than built as one string."""
    pending: list[str] = []
    size = 0
    for piece in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(doc):
        pending.append(piece)
        size += len(piece)
        if size >= buffer:
            out.write("".join(pending))
            pending, size = [], 0
    pending.append("\n")
    out.write("".join(pending))
