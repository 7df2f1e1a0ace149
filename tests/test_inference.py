"""newsline.language.inference: the analyser run faster gives spaCy's own analyses, word for word."""

from __future__ import annotations

import math

import numpy
import pytest
from newsline.language import inference
from newsline.language.loader import load
from newsline.language.syntax import parser
from thinc.api import NumpyOps

SENTENCES = [
    "Officials said on Friday that talks began in Geneva.",
    "A Russian drone struck an apartment block in Kyiv overnight, killing two people, the mayor said.",
    "",
    "   ",
    "Yes.",
    "The company, which had denied the report, said it would appeal; the court did not comment - and the "
    "minister, asked about it on Monday, said only that the inquiry would continue into next year.",
    "He resigned in 2019 after the scandal broke, and was replaced by his deputy , who has since left.",
]


def _words(docs: list) -> list:
    return [
        [(t.idx, t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.is_space, t.is_sent_start) for t in doc]
        for doc in docs
    ]


@pytest.fixture(scope="module")
def plain():
    """The shipped pipeline as spaCy runs it: loaded afresh, without `inference.prepare`."""
    from importlib import resources
    from pathlib import Path

    return load(Path(str(resources.files("newsline.language") / "parser")))


@pytest.mark.parametrize("batch_size", [1, 2, 4, 64, 256])
def test_annotate_is_nlp_pipe(plain, batch_size):
    expected = _words(list(plain.pipe(SENTENCES, batch_size=64)))
    assert _words(inference.annotate(parser(), SENTENCES, batch_size)) == expected
    # and on the pipeline spaCy runs itself, without the faster maxout
    assert _words(inference.annotate(plain, SENTENCES, batch_size)) == expected


def test_a_parser_interface_that_differs_falls_back_to_spacy_s_own_loop(plain, monkeypatch):
    def differs(*_args, **_kwargs):
        raise AttributeError("'ParserStepModel' object has no attribute 'state2vec'")

    monkeypatch.setattr(inference, "_greedy", differs)
    expected = _words(list(plain.pipe(SENTENCES, batch_size=64)))
    assert _words(inference.annotate(parser(), SENTENCES, 64)) == expected


def test_the_prepared_pipeline_uses_the_faster_maxout_only_where_numpy_ops_ran():
    nlp = parser()
    kinds = {type(node.ops).__name__ for _, proc in nlp.pipeline for node in proc.model.walk()}
    assert kinds == {type(inference._OPS).__name__}


def _reference_maxout(X: numpy.ndarray) -> numpy.ndarray:
    best, _ = NumpyOps().maxout(X)
    return best


@pytest.mark.parametrize(
    "pieces",
    [
        [1.0, 2.0, 3.0],
        [3.0, 3.0, 1.0],
        [0.0, -0.0, -1.0],  # a zero winner: -0.0 and 0.0 tie, and thinc keeps the first
        [-0.0, 0.0, -1.0],
        [math.nan, 1.0, 2.0],  # thinc keeps a NaN in first place and skips a later one
        [1.0, math.nan, 0.5],
    ],
)
def test_maxout_is_numpy_ops_maxout_bit_for_bit(pieces):
    X = numpy.array([[pieces, [0.5, 0.25, 0.75]]], dtype="f")
    best, _ = inference._OPS.maxout(X)
    assert best.tobytes() == _reference_maxout(X).tobytes()


def test_maxout_on_random_arrays():
    rng = numpy.random.default_rng(7)
    for shape in [(1, 128, 3), (16, 128, 3), (300, 96, 3), (5, 7, 2), (4, 5, 4)]:
        X = rng.standard_normal(shape).astype("f")
        best, _ = inference._OPS.maxout(X)
        assert best.tobytes() == _reference_maxout(X).tobytes()


def test_the_inference_ops_refuse_to_train():
    X = numpy.ones((2, 3, 3), dtype="f")
    best, which = inference._OPS.maxout(X + numpy.arange(3, dtype="f"))
    with pytest.raises(RuntimeError):
        inference._OPS.backprop_maxout(best, which, 3)
