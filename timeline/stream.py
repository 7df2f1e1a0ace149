"""Many articles in bounded memory: parse them a few at a time and fold each timeline into the merge as
it arrives.

`timeline.merge` is order-independent because it sorts its inputs (by their article ids) before merging
them one after the other. `Fold` is that same loop turned inside out: it takes the timelines one at a time,
in that sorted order, and keeps only the merge state, so `Fold` over sorted timelines gives exactly
`merge` of all of them (tests/test_stream.py checks this on random sets). What memory holds is then the
merged timeline itself (the story being told: its events, sources, relations and time mentions) plus the
articles in flight, never every article text or every per-article timeline at once.

`parse_stream` drives it: articles (or `timeline.ingest.ArticleRef`s, which workers read themselves) are
sorted by id, parsed by a pool of processes (or any executor with `submit`, such as a Dask client) with a
bounded number of chunks in flight, and folded in sorted order whatever order the workers finish in.
"""

from __future__ import annotations

import copy
import gc
import json
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from datetime import tzinfo
from itertools import islice
from typing import IO, TYPE_CHECKING, Any

from timeline.build import order, parse_article
from timeline.ingest import ArticleRef, InputError, load_article
from timeline.merge import (
    Side,
    Told,
    _days,
    _surnames,
    alike_sides,
    same_time,
    sentence_sign,
    side,
    telling_key,
    told_alike,
    told_the_same,
)
from timeline.model import Article, Event, Mention, Modality, Reference, Relation, Timeline, TimeMention

if TYPE_CHECKING:
    from timeline.spill import Packed, SpilledTimeline, SpillFold

Item = Article | ArticleRef
Result = Timeline | tuple[str, str]


class Fold:
    """`timeline.merge`, one timeline at a time: `add` each timeline in the order merge sorts them in (by
    the list of their article ids), then `result()` is `merge(all of them)`. The fold takes the timelines
    it is given (their events become the merged events); pass copies to keep the originals."""

    def __init__(self, light: bool = False) -> None:
        # light: the merged timeline will not need the mentions' texts (see `lighten`).
        self.light = light
        self.count = 0
        self._last: list[str] | None = None
        self._first: Timeline | None = None
        self._grew = False  # whether any timeline after the first adds an article, an event or a source
        self.articles: list[Article] = []
        self._seen_articles: set[str] = set()
        self.refs: dict[str, Reference] = {}
        self.mentions: list[TimeMention] = []
        self._seen_mentions: set[tuple[str, int, int]] = set()
        self.events: list[Event] = []
        self._by_source: dict[tuple[str, int, int], Event] = {}
        # Only events of one class whose precise times share a day can be one event: index them so.
        self._by_day: dict[tuple[str, int], list[int]] = {}
        # Each indexed event's side of the `alike` test, kept up to date as merges add actors: taking it
        # anew for every comparison was most of what the fold's candidate test cost.
        self._sides: dict[int, Side] = {}
        # Events without a precise time, by `telling_key` (see timeline.merge: only the text can tell
        # which are one happening), each with its sentence and its people's surnames.
        self._told: dict[Told, list[tuple[int, int, frozenset[str]]]] = {}
        self._story: set[str] = set()  # see `_story_of`
        self._signs: dict[int, int] = {}  # id(event) -> sentence_sign of its first mention
        self._before = 0
        self._alias: dict[str, str] = {}
        # Relation ends are renamed once every alias is known, as merge does.
        self._relations: list[list[Relation]] = []

    def add(self, t: Timeline) -> None:
        """Fold one more timeline in; ValueError if it comes before the previous one in merge's order."""
        key = [a.id for a in t.articles]
        if self._last is not None and key < self._last:
            raise ValueError(f"Fold.add: {key[:1]} comes before {self._last[:1]}; sort the timelines first")
        self._last = key
        later = self.count > 0
        if not later:
            self._first = t
        self.count += 1
        for a in t.articles:
            if a.id not in self._seen_articles:
                self._seen_articles.add(a.id)
                self.articles.append(a)
                self._grew = self._grew or later
        self.refs.update({k: v for k, v in t.references.items() if k not in self.refs})
        for m in t.time_mentions:
            if (m.article, m.start, m.end) not in self._seen_mentions:
                self._seen_mentions.add((m.article, m.start, m.end))
                self.mentions.append(m)
        self._story = self._story_of(t)
        self._before = len(self.events)  # the events of timelines folded before this one
        for e in sorted(t.events, key=lambda e: e.id):
            self._add_event(e, later)
        self._story = set()
        self._relations.append(t.relations)

    def _add_event(self, e: Event, later: bool) -> None:
        # The same steps as timeline.merge.merge, in the same order, so the result is the same.
        events, by_source, by_day = self.events, self._by_source, self._by_day
        keys = [(m.article, m.trigger[0], m.trigger[1]) for m in e.mentions]
        target = next((by_source[k] for k in keys if k in by_source), None)
        days = _days(e)
        told = None if days else telling_key(e.kind, e.title)
        if target is None and days:
            candidates = sorted({n for d in days for n in by_day.get((e.kind, d), [])})
            if candidates:
                target = self._first_same(e, [events[n] for n in candidates])
        elif target is None and told in self._told:
            target = self._first_told(e, self._told[told])
        if target is None:
            self._grew = self._grew or later
            for d in days:
                by_day.setdefault((e.kind, d), []).append(len(events))
            if days:
                self._sides[id(e)] = side(e)
            elif told is not None:
                entry = (len(events), sentence_sign(e.mentions[0]), _surnames(tuple(e.actors)))
                self._told.setdefault(told, []).append(entry)
            events.append(e)
            for k in keys:
                by_source[k] = e
            return
        self._alias[e.id] = target.id
        for m, k in zip(e.mentions, keys, strict=True):
            if k not in by_source:
                by_source[k] = target
                if self.light:
                    lighten([m])  # it joins another event's mentions: never the first
                target.mentions.append(m)
                self._grew = True
        grown = False
        for actor in e.actors:
            if actor not in target.actors:
                target.actors.append(actor)
                grown = True
        if grown and id(target) in self._sides:
            self._sides[id(target)] = side(target)
        if (
            e.time is not None
            and target.time is not None
            and (e.time.hi - e.time.lo) < (target.time.hi - target.time.lo)
        ):
            target.time = e.time  # the most specific time wins

    def _first_same(self, e: Event, candidates: list[Event]) -> Event | None:
        """The first of `candidates` that `same_event` takes for `e` (one told in the same words and
        sentence, or failing that in the same words, when there is one: `told_the_same`), tested faster:
        this is most of a large fold's time, which the main process spends alone. Every candidate comes
        from `e`'s kind and days in the index, so both times are precise (an indexed event's time can only
        become narrower) and the class is the same; what is left of `same_event` is tested here in its
        order, with `e`'s side of the comparison computed once."""
        assert e.time is not None  # e has days: its time is precise
        article, lo, hi, modality = e.mentions[0].article, e.time.lo, e.time.hi, e.modality
        mine: Side | None = None
        best: Event | None = None
        best_tier = 0
        my_sentence: int | None = None
        sides = self._sides
        for a in candidates:
            t = a.time
            if a.mentions[0].article == article or t is None or not (t.lo < hi and lo < t.hi):
                continue
            if a.modality != modality and Modality.ASSERTED not in (a.modality, modality):
                continue
            if mine is None:
                mine = side(e)
            theirs = sides[id(a)]
            if alike_sides(theirs, mine):
                # The same words in the same sentence, then the same words, then the first alike one.
                tier = 1
                if told_the_same(theirs, mine):
                    tier = 2
                    if my_sentence is None:
                        my_sentence = sentence_sign(e.mentions[0])
                    if self._sentence(a) == my_sentence != 0:
                        return a
                if tier > best_tier:
                    best, best_tier = a, tier
        return best

    def _sentence(self, e: Event) -> int:
        # Only for the fold's own events, which stay alive (an id is not reused while they do).
        sign = self._signs.get(id(e))
        if sign is None:
            sign = self._signs[id(e)] = sentence_sign(e.mentions[0])
        return sign

    def _first_told(self, e: Event, candidates: list[tuple[int, int, frozenset[str]]]) -> Event | None:
        """The first of `candidates` (events without a precise time, with `e`'s telling key) that is the
        same happening as `e` (timeline.merge, `told_alike`), from an article of the same story."""
        article, modality = e.mentions[0].article, e.modality
        mine: tuple[int, frozenset[str]] | None = None
        for n, sentence, surnames in candidates:
            if n >= self._before:
                break  # an event of this same timeline: only earlier ones are its story's other tellings
            a = self.events[n]
            if a.mentions[0].article == article or not same_time(a.time, e.time):
                continue
            if a.modality != modality and Modality.ASSERTED not in (a.modality, modality):
                continue
            if mine is None:
                mine = (sentence_sign(e.mentions[0]), _surnames(tuple(e.actors)))
            if told_alike(sentence, surnames, *mine) and a.mentions[0].article in self._story:
                return a
        return None

    def _story_of(self, t: Timeline) -> set[str]:
        """The articles folded before that tell the same story as `t`: those with an event of a precise
        time that one of `t`'s is merged into (by `_first_same`). Found before `t`'s events are added, and
        only when one of them without a precise time has candidates (else it is not needed)."""
        if not any(not _days(e) and telling_key(e.kind, e.title) in self._told for e in t.events):
            return set()
        story = set()
        for e in t.events:
            candidates = sorted({n for d in _days(e) for n in self._by_day.get((e.kind, d), [])})
            if candidates:
                found = self._first_same(e, [self.events[n] for n in candidates])
                if found is not None:
                    story.add(found.mentions[0].article)
        return story

    @property
    def grew(self) -> bool:
        """Whether a timeline after the first added an article, an event or a source."""
        return self._grew

    def result(self) -> Timeline:
        """The merged timeline (call once: ranking it changes the merged events)."""
        if self._first is None:
            return Timeline([], [], [], [], {}, [])
        if not self._grew:
            # Nothing new (one timeline, or the same again, or a part of it): the first one as it was.
            return self._first
        relations: list[Relation] = []
        seen = set()
        for rels in self._relations:
            for r in rels:
                r.source = self._alias.get(r.source, r.source)
                r.target = self._alias.get(r.target, r.target)
                key = (r.source, r.target, r.type, r.point, r.gap)
                if r.source != r.target and key not in seen:
                    seen.add(key)
                    relations.append(r)
        warnings: list[str] = []  # recomputed by order() over the merged events
        order(self.events, relations, self.refs, None, None, warnings)
        return Timeline(self.articles, self.events, relations, self.mentions, self.refs, warnings)


def fold(timelines: Sequence[Timeline]) -> Timeline:
    """`merge(timelines)` through a `Fold` (on copies: the inputs stay as they were)."""
    f = Fold()
    for t in sorted(timelines, key=lambda t: [a.id for a in t.articles]):
        f.add(copy.deepcopy(t))
    return f.result()


def merge_loaded(
    loaders: Sequence[tuple[list[str], Callable[[], Timeline]]], spill: str | None = None
) -> Timeline | SpilledTimeline:
    """`merge` of timelines that are loaded one at a time: each is given as (its article ids, a function
    that loads it afresh), so only the merge state and the timeline being folded are held, not every
    input plus a copy of each (what `merge` holds). A loader may raise; its error stops the merge.
    With `spill` (a directory) the merge state is kept in a file there, as `parse_stream` does."""
    ordered = sorted(loaders, key=lambda x: x[0])  # stable, as merge's sort: the same order
    if len(ordered) == 1:
        return ordered[0][1]()
    if spill is not None:
        from timeline.spill import SpillFold

        f: Fold | SpillFold = SpillFold(spill)
    else:
        f = Fold()
    for _, load in ordered:
        f.add(load())
    if not f.grew:
        return ordered[0][1]()  # as merge: the first timeline as it was, not the one the fold changed
    return f.result()


def _item_id(item: Item) -> str:
    return item.id


def parse_item(
    item: Item, tz: tzinfo | None = None, keep_text: bool = True, packed: bool = False
) -> Result | Packed:
    """The map step for one article or reference: its timeline, or (article id, error message) when it
    cannot be read or parsed. Errors come back as values, so one bad article never stops a batch or a
    cluster job. Without `keep_text` the timeline's article has no text (what travels back is smaller, and
    only a table or TimeML output needs the text). `packed`: the timeline as a `timeline.spill.Packed`,
    what a `SpillFold` takes (cheaper to send than the timeline's objects)."""
    try:
        article = load_article(item)
        tl = parse_article(article, tz)
    except InputError as exc:
        return (item.id, str(exc))
    except Exception as exc:  # a bug on one article must not cost the others
        return (item.id, f"{type(exc).__name__}: {exc}")
    if not keep_text:
        tl.articles[:] = [replace(a, text="") for a in tl.articles]
        for e in tl.events:
            lighten(e.mentions[1:])
    if packed:
        from timeline.spill import pack

        return pack(tl)
    return tl


NO_SPAN = (0, 0)


def lighten(mentions: Sequence[Mention]) -> None:
    """Without the texts, a mention that is not its event's first needs only where it is (article,
    sentence, trigger) for the output: its sentence and clause serve the parse, the first mention's
    sentence is the event's `text`, and only `--entity` (which keeps the texts) reads the others. Letting
    them go makes what a worker sends back and what the merge holds smaller."""
    for m in mentions:
        m.text = ""
        m.clause = NO_SPAN


def parse_chunk(
    items: Sequence[Item], tz: tzinfo | None = None, keep_text: bool = True, packed: bool = False
) -> list[Result | Packed]:
    """`parse_item` over a few articles: one task, one round trip to a worker."""
    return [parse_item(item, tz, keep_text, packed) for item in items]


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

    With `spill` (a directory) the merge is kept in a file there instead of memory (`timeline.spill`):
    what comes back is then a `SpilledTimeline` whose events are read from the file in rank order, the
    same events as without it; memory holds only what later events are compared with."""
    if spill is not None:
        from timeline.spill import SpillFold

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
        for item in ordered:
            take(parse_item(item, tz, keep_text, packed))
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
        pool = ProcessPoolExecutor(max_workers=jobs)
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
    output at once); the same lines as `timeline.export.to_jsonl`."""
    from timeline.export import event_dict

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
