"""Several articles' sentences analysed in one go (newsline.language.syntax.prefetch, driven by
newsline.run.stream.parse_items): the same timelines and analyses as article by article, in the same order,
and an article that fails reported for itself alone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from newsline import Article, to_json
from newsline.language import inference
from newsline.language.syntax import analyse, clear_cache, prefetch
from newsline.language.text import segment
from newsline.run import stream
from newsline.run.stream import parse_item, parse_items, parse_stream

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "samples" / "kyiv-drone-strike-2025-07-04.txt").read_text(encoding="utf-8")
TEXTS = [
    "Russia launched a drone attack on Kyiv on Friday, officials said. Two people were killed.",
    "Zelensky met Trump in Rome on Saturday. The talks ended without a deal, officials said on Sunday.",
    SEED,
    "Police arrested 12 protesters in the capital on Monday. The minister will travel to Brussels next week.",
    "Russia launched a drone attack on Kyiv on Friday, officials said. The mayor said schools would close.",
]
ARTICLES = [Article(f"a{k}", t, date(2025, 7, 5)) for k, t in enumerate(TEXTS)]


def _words(text: str) -> list[tuple]:
    return [
        (w.start, w.end, w.text, w.lemma, w.tag, w.dep, w.head, w.sentence)
        for w in analyse(segment(text)).words
    ]


def _one_by_one(articles: list[Article]) -> list[str]:
    clear_cache()
    return [to_json(r) if not isinstance(r, tuple) else repr(r) for r in map(parse_item, articles)]


@pytest.mark.parametrize("group", [2, 3, 8])
def test_grouped_parsing_is_article_by_article(group: int, monkeypatch: pytest.MonkeyPatch) -> None:
    alone = _one_by_one(ARTICLES)
    clear_cache()
    monkeypatch.setattr(stream, "GROUP", group)
    grouped = [to_json(r) if not isinstance(r, tuple) else repr(r) for r in parse_items(ARTICLES)]
    assert grouped == alone


def test_prefetched_analyses_are_the_analyses_alone() -> None:
    clear_cache()
    alone = [_words(t) for t in TEXTS]
    clear_cache()
    assert prefetch(segment(t) for t in TEXTS) == len(TEXTS)
    assert [_words(t) for t in TEXTS] == alone


def test_prefetch_takes_documents_while_their_pieces_fit() -> None:
    clear_cache()
    docs = [segment(t) for t in TEXTS]
    assert prefetch(docs, budget=1) == 1  # the first always, however many pieces it has
    assert prefetch(docs[:2], budget=4) == 2  # two sentences each
    assert prefetch(docs, budget=4) == 2


def test_an_error_in_one_article_of_a_group_is_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = [*ARTICLES[:2], Article("poison", "The POISON spread on Monday. Officials said so.", None)]
    articles += [Article("unreadable", None, None), ARTICLES[3]]  # type: ignore[arg-type]
    good = [a for a in articles if a.id in ("a0", "a1", "a3")]
    alone = _one_by_one(good)
    real = inference.annotate

    def annotate(nlp, texts, batch_size):  # the analyser failing on one sentence
        if any("POISON" in t for t in texts):
            raise ValueError("cannot analyse")
        return real(nlp, texts, batch_size)

    monkeypatch.setattr(inference, "annotate", annotate)
    monkeypatch.setattr(stream, "GROUP", 8)
    clear_cache()
    results = list(parse_items(articles))
    assert [r[0] if isinstance(r, tuple) else r.articles[0].id for r in results] == [a.id for a in articles]
    assert results[2] == ("poison", "ValueError: cannot analyse")
    assert isinstance(results[3], tuple) and results[3][0] == "unreadable"
    assert [to_json(r) for r in results if not isinstance(r, tuple)] == alone


def test_progress_and_order_are_per_article(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "GROUP", 2)
    seen: list[tuple[int, int]] = []
    failed: list[str] = []
    articles = [*ARTICLES, Article("bad", None, None)]  # type: ignore[arg-type]
    tl = parse_stream(
        articles, jobs=1, on_error=lambda aid, _: failed.append(aid), on_progress=lambda *p: seen.append(p)
    )
    assert seen == [(n, 6) for n in range(1, 7)]
    assert failed == ["bad"]
    monkeypatch.setattr(stream, "GROUP", 1)
    clear_cache()
    assert to_json(parse_stream(ARTICLES, jobs=1)) == to_json(tl)


def test_a_group_ends_at_its_size_or_its_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "GROUP", 3)
    assert [len(g) for g in stream._groups(ARTICLES)] == [3, 2]
    monkeypatch.setattr(stream, "GROUP", 8)
    monkeypatch.setattr(stream, "GROUP_CHARS", len(SEED))  # the seed article ends a group
    assert [[a.id for a, _ in g] for g in stream._groups(ARTICLES)] == [["a0", "a1", "a2"], ["a3", "a4"]]
    monkeypatch.setattr(stream, "GROUP_CHARS", 50)
    assert [len(g) for g in stream._groups(ARTICLES)] == [1, 1, 1, 1, 1]
