"""Streaming many articles: the running fold gives exactly the batch merge, inputs are read one article at a
time, at most a bounded number of articles is in flight, and the streamed output is the batch output."""

from __future__ import annotations

import copy
import functools
import io
import json
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from newsline import Article, merge, to_json, to_jsonl
from newsline.formats.document import to_dict
from newsline.merge.fold import Fold, fold, lighten, merge_loaded
from newsline.merge.same import same_event, sentence_sign, side, told_the_same
from newsline.readers.files import ArticleRef, index_inputs, load_article, read_inputs
from newsline.readers.saved import from_dict
from newsline.run.pool import map_article, parse_many
from newsline.run.stream import parse_stream, run_chunks, write_json, write_jsonl

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "samples" / "kyiv-drone-strike-2025-07-04.txt").read_text(encoding="utf-8")

# Several tellings of the same few happenings, so that the merge has events to join, and ids chosen so that
# article order and event-id order disagree ("a" < "a-b" but "a-b:e1" < "a:e1"; "x#10" < "x#2").
STORIES = [
    "Russia launched a drone attack on Kyiv on Friday, officials said. Two people were killed.",
    "Russian forces launched a drone attack on Kyiv on Friday night. Officials said two people were killed.",
    "Zelensky met Trump in Rome on Saturday. The talks ended without a deal, officials said on Sunday.",
    "Trump met Zelensky in Rome on Saturday, and the talks ended without a deal.",
    "Police arrested 12 protesters in the capital on Monday. The minister will travel to Brussels next week.",
    "No date here: the company said it was reviewing the plan.",
]
IDS = ["a", "a-b", "b", "x#10", "x#2", "c"]
# A long story told three times (whole, in part, with another day), where one event often matches several.
HALF = SEED[: len(SEED) // 2]
STORIES += [SEED, HALF, SEED.replace("Friday", "Thursday")]
IDS += ["seed", "s", "s#10"]


@cache
def _timeline(k: int):
    day = date(2025, 7, 5 + k % 3) if k < 6 else date(2025, 7, 4)
    return map_article(Article(IDS[k], STORIES[k], day if k != 5 else None))


def _pool(indices: list[int]) -> list:
    return [_timeline(k) for k in indices]


SETTINGS = settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


@SETTINGS
@given(st.lists(st.integers(0, len(STORIES) - 1), min_size=1, max_size=8), st.integers(0, 3))
def test_the_running_fold_is_the_batch_merge(indices: list[int], premerge: int) -> None:
    timelines = _pool(indices)
    # Inputs may themselves be merged timelines (timelines parsed apart, then joined).
    if premerge and len(timelines) > premerge:
        timelines = [merge(timelines[:premerge]), *timelines[premerge:]]
    before = [to_json(t) for t in timelines]
    assert to_json(fold(timelines)) == to_json(merge(timelines))
    assert [to_json(t) for t in timelines] == before  # the inputs are left as they were


def _same_by_definition(e, candidates):
    # The first candidate `same_event` takes, unless one is told in the same words and sentence, or
    # failing that in the same words (merge.told_the_same).
    alike = [a for a in candidates if same_event(a, e)]
    same_words = [a for a in alike if told_the_same(side(a), side(e))]
    mine = sentence_sign(e.mentions[0])
    same_sentence = [a for a in same_words if sentence_sign(a.mentions[0]) == mine != 0]
    return next(iter(same_sentence or same_words or alike), None)


@SETTINGS
@given(st.lists(st.integers(0, len(STORIES) - 1), min_size=2, max_size=8))
def test_the_folds_shortcuts_change_nothing(indices: list[int]) -> None:
    # merge() is a Fold too, so this checks the Fold's shortcuts against their definitions: the merge
    # target found by `same_event` itself, and the mentions' texts kept.
    timelines = _pool(indices)
    fast = fold(timelines)
    original = Fold.__dict__["_first_same"]
    Fold._first_same = staticmethod(_same_by_definition)  # type: ignore[method-assign]
    try:
        slow = fold(timelines)
    finally:
        Fold._first_same = original  # type: ignore[method-assign]
    assert to_json(fast) == to_json(slow)
    light = Fold(light=True)
    for t in sorted(copy.deepcopy(timelines), key=lambda t: [a.id for a in t.articles]):
        for e in t.events:
            lighten(e.mentions[1:])  # what parse_item does without the texts
        light.add(t)
    assert to_json(light.result()) == to_json(slow)


@SETTINGS
@given(st.lists(st.integers(0, len(STORIES) - 1), min_size=1, max_size=6), st.integers(0, 3))
def test_merging_timelines_loaded_one_at_a_time_is_merge(indices: list[int], premerge: int) -> None:
    # What `newsline merge` does with its files: each is loaded when the merge reaches it.
    timelines = _pool(indices)
    if premerge and len(timelines) > premerge:
        timelines = [merge(timelines[:premerge]), *timelines[premerge:]]
    docs = [to_dict(t) for t in timelines]
    loaders = [([a["id"] for a in d["articles"]], functools.partial(from_dict, d)) for d in docs]
    merged = merge([from_dict(d) for d in docs])
    assert to_json(merge_loaded(loaders)) == to_json(merged)
    # `newsline merge --format jsonl` keeps the merge on disk: the same events.
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = io.StringIO()
        spilled = merge_loaded(loaders, tmp)
        write_jsonl(spilled, out)
        if hasattr(spilled, "close"):
            spilled.close()
    assert out.getvalue() == "".join(to_jsonl(merged))


def test_the_fold_refuses_timelines_out_of_merge_order() -> None:
    f = Fold()
    f.add(map_article(Article("b", STORIES[0], date(2025, 7, 5))))
    with pytest.raises(ValueError, match="sort"):
        f.add(map_article(Article("a", STORIES[1], date(2025, 7, 5))))


def test_an_empty_fold_is_an_empty_timeline() -> None:
    tl = Fold().result()
    assert tl.articles == tl.events == []


@pytest.mark.parametrize("jobs", [1, 2])
def test_parse_stream_is_the_batch_merge_of_every_article(jobs: int) -> None:
    articles = [Article(IDS[k], STORIES[k], date(2025, 7, 5)) for k in range(len(STORIES))]
    batch = to_json(merge([map_article(a) for a in articles]))
    assert to_json(parse_stream(list(reversed(articles)), jobs=jobs)) == batch
    assert to_json(parse_many(articles, jobs=jobs)) == batch
    # Without the texts (what the CLI asks for when the format does not show them) the JSON is the same.
    lean = parse_stream(articles, jobs=jobs, keep_text=False)
    assert to_json(lean) == batch and all(a.text == "" for a in lean.articles)


def test_progress_and_errors_are_reported_once_per_article() -> None:
    articles = [Article(IDS[k], STORIES[k], None) for k in range(3)]
    articles.append(Article("bad", None, None))  # type: ignore[arg-type]
    seen: list[tuple[int, int]] = []
    failed: list[str] = []
    tl = parse_stream(
        articles, jobs=2, on_error=lambda aid, _: failed.append(aid), on_progress=lambda *p: seen.append(p)
    )
    assert failed == ["bad"]
    assert seen == [(n, 4) for n in range(1, 5)]
    assert {a.id for a in tl.articles} == set(IDS[:3])


class _Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def test_at_most_in_flight_chunks_are_held() -> None:
    outstanding: list[int] = []
    peak = 0

    def submit(chunk):
        nonlocal peak
        outstanding.append(1)
        peak = max(peak, len(outstanding))
        return _Done(chunk)

    def chunks():
        for i in range(50):
            yield [i]

    out = []
    for r in run_chunks(chunks(), submit, 3):
        outstanding.pop()
        out.extend(r)
    assert out == list(range(50))  # in order
    assert peak == 3 + 1  # three in the workers' hands, one being folded


def _jsonl(tmp_path: Path, lines: list[str], name: str = "dump.jsonl", encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes("\n".join(lines).encode(encoding))
    return p


def test_a_jsonl_index_holds_no_texts_and_reads_them_back(tmp_path: Path) -> None:
    recs = [
        json.dumps({"id": "one", "text": STORIES[0], "published": "2025-07-05"}),
        "",
        "not json",
        json.dumps({"id": "two", "title": "T", "text": "Café owners said on Friday ☕ …"}),
        json.dumps({"text": "   "}),
        json.dumps({"id": "one", "text": STORIES[1]}),
    ]
    path = _jsonl(tmp_path, ["\ufeff" + recs[0], *recs[1:]])
    refs, problems = index_inputs([str(path)], date(2025, 7, 1))
    assert [r.id for r in refs] == ["one", "two", "dump-5", "one-2"]
    assert all(r.article is None for r in refs)  # nothing but where each record is
    assert [r.blank for r in refs] == [False, False, True, False]
    assert [(p.where, p.message.split(" (")[0]) for p in problems] == [(f"{path}:3", "not JSON")]
    articles, again = read_inputs([str(path)], date(2025, 7, 1))
    assert [load_article(r) for r in refs] == articles and again == problems
    assert articles[0].published == date(2025, 7, 5) and articles[1].published == date(2025, 7, 1)
    assert articles[1].text == "Café owners said on Friday ☕ …" and articles[3].id == "one-2"


def test_a_jsonl_file_that_is_not_utf8_is_decoded_whole(tmp_path: Path) -> None:
    text = "Les cafés de la région ont fermé vendredi, a déclaré le maire de la ville, très inquiet."
    path = _jsonl(
        tmp_path, [json.dumps({"id": "fr", "text": text}, ensure_ascii=False)] * 2, encoding="cp1252"
    )
    refs, problems = index_inputs([str(path)], None)
    assert problems == [] and [r.id for r in refs] == ["fr", "fr-2"]
    assert all(isinstance(r.article, Article) for r in refs)
    assert load_article(refs[1]).text == text and load_article(refs[1]).id == "fr-2"


def test_standard_input_is_held_and_files_are_read_again(tmp_path: Path) -> None:
    f = tmp_path / "story.txt"
    f.write_text(STORIES[2], encoding="utf-8")
    refs, problems = index_inputs([str(f), "-", str(f)], None, STORIES[3].encode())
    assert problems == [] and [r.id for r in refs] == ["story", "stdin", "story-2"]
    assert refs[0].article is None and isinstance(refs[1].article, Article)
    assert load_article(refs[2]) == Article("story-2", STORIES[2], None, str(f), None, None)
    assert isinstance(refs[0], ArticleRef)


def test_an_input_that_vanished_is_an_error_for_that_article_only(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(STORIES[0], encoding="utf-8")
    b.write_text(STORIES[1], encoding="utf-8")
    refs, _ = index_inputs([str(a), str(b)], None)
    b.unlink()
    failed: list[tuple[str, str]] = []
    tl = parse_stream(refs, jobs=1, on_error=lambda *e: failed.append(e))
    assert [x[0] for x in failed] == ["b"] and "no such file" in failed[0][1]
    assert [x.id for x in tl.articles] == ["a"]


def test_streamed_output_is_the_batch_output() -> None:
    tl = parse_many([Article(IDS[k], STORIES[k], date(2025, 7, 5)) for k in range(4)], jobs=1)
    out = io.StringIO()
    write_jsonl(tl, out)
    assert out.getvalue() == "".join(to_jsonl(tl))
    for buffer in (1, 100, 1 << 16):
        out = io.StringIO()
        write_json(to_dict(tl), out, buffer)
        assert out.getvalue() == to_json(tl)


def _spilled_jsonl(timelines: list, directory: str, light: bool = False) -> str:
    from newsline.merge.spill import SpillFold

    f = SpillFold(directory, light=light)
    for t in sorted(copy.deepcopy(timelines), key=lambda t: [a.id for a in t.articles]):
        if light:
            for e in t.events:
                lighten(e.mentions[1:])
        f.add(t)
    tl = f.result()
    out = io.StringIO()
    write_jsonl(tl, out)
    if hasattr(tl, "close"):
        tl.close()
    return out.getvalue()


@SETTINGS
@given(st.lists(st.integers(0, len(STORIES) - 1), min_size=1, max_size=8), st.integers(0, 3), st.booleans())
def test_the_fold_on_disk_is_the_merge(indices: list[int], premerge: int, light: bool) -> None:
    # The same article may come twice (its events are then found by their sources, not added again), and
    # an input may be a merged timeline.
    import tempfile

    timelines = _pool(indices)
    if premerge and len(timelines) > premerge:
        timelines = [merge(timelines[:premerge]), *timelines[premerge:]]
    with tempfile.TemporaryDirectory() as tmp:
        assert _spilled_jsonl(timelines, tmp, light) == "".join(to_jsonl(merge(timelines)))


@pytest.mark.parametrize("jobs", [1, 2])
def test_parse_stream_on_disk_gives_the_same_events(jobs: int, tmp_path: Path) -> None:
    articles = [Article(IDS[k], STORIES[k], date(2025, 7, 5)) for k in range(len(STORIES))]
    batch = merge([map_article(a) for a in articles])
    tl = parse_stream(articles, jobs=jobs, keep_text=False, spill=str(tmp_path))
    out = io.StringIO()
    write_jsonl(tl, out)
    assert out.getvalue() == "".join(to_jsonl(batch))
    assert [a.id for a in tl.articles] == [a.id for a in batch.articles]
    assert sorted(tl.warnings) == sorted(batch.warnings)
    tl.close()  # type: ignore[union-attr]


def test_a_packed_event_is_the_event() -> None:
    from newsline.merge import pack_event, unpack_event

    events = [e for k in range(len(STORIES)) for e in _timeline(k).events]
    assert events and any(e.time is not None for e in events)
    for e in events:
        assert unpack_event(pack_event(e)) == e
