"""Running the shipped spaCy pipeline: the analyses `Language.pipe` gives, in less time.

- The dependency parser's greedy loop. spaCy's own (`Parser.greedy_parse`, in Cython) picks each hidden
  unit's best maxout piece with thinc's `Vec.arg_max`, which Cython 3 compiles to take and release the GIL
  at every call: 128 times for each word of each parse step, a third of the parser's time (`perf` shows
  `take_gil` and `PyGILState_Ensure` under `predict_states`). `_parse` runs the same steps through the
  parser's Python interface instead (the one spaCy's training uses, `ParserStepModel`, and
  `Parser.transition_states` for the moves): the same features, sums, matrix products and moves, so the
  same scores and the same trees.
- The maxout of the token vectors and of the parser's states (`_Ops.maxout`): thinc's kernel finds each
  unit's best piece with branches; numpy's `maximum` is several times faster and gives the same values
  (checked, not assumed: see `_Ops.maxout`).

Every step has a fallback to spaCy's own code where its assumptions do not hold (another kind of parser or
model, beam search, another array backend). Output identity: `benchmarks/parse_hash.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy

# The parser's own batching (`Parser.pipe`): batches of `batch_size` documents, each sorted by length and
# parsed in sub-batches of a quarter of that.
_SUB_BATCH = 4


def _make_ops() -> Any:
    from thinc.api import NumpyOps

    class _Ops(NumpyOps):  # type: ignore[misc]
        """thinc's CPU operations for inference only, with a faster `maxout`."""

        name = "newsline-inference"

        def maxout(self, X: Any) -> tuple[Any, Any]:
            """The largest of each unit's pieces, as `NumpyOps.maxout` gives it (its first largest, by `>`),
            without the indices of the winners (no gradient is ever asked of this pipeline).

            `numpy.maximum` returns one of the tied values when pieces tie, and the tied values are the
            same number: the result is identical unless a winner is zero (-0.0 and 0.0 tie but differ) or
            a piece is NaN (NumpyOps skips it, numpy.maximum returns it). Either case shows in the result
            (a zero or a NaN), and then the whole array is done by NumpyOps instead."""
            if X.ndim != 3 or X.dtype != numpy.float32 or X.shape[2] < 2:
                return super().maxout(X)
            best = numpy.maximum(X[:, :, 0], X[:, :, 1])
            for p in range(2, X.shape[2]):
                numpy.maximum(best, X[:, :, p], out=best)
            if not best.all() or numpy.isnan(best).any():
                return super().maxout(X)
            return best, None

        def backprop_maxout(self, dY: Any, which: Any, P: int) -> Any:
            if which is None:
                raise RuntimeError("newsline's spaCy pipeline is for inference: it cannot be trained")
            return super().backprop_maxout(dY, which, P)

    return _Ops()


_OPS: Any = None


def prepare(nlp: Any) -> None:
    """Set the token vectors' layers of `nlp` to compute their maxout with `_Ops` (the same values)."""
    global _OPS
    from thinc.api import NumpyOps

    if _OPS is None:
        _OPS = _make_ops()
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            # only where thinc's CPU operations run anyway: _Ops is those, less the indices of maxout
            if type(node.ops) is NumpyOps and node.ops.use_blis:
                node.ops = _OPS


def annotate(nlp: Any, texts: Sequence[str], batch_size: int) -> list[Any]:
    """`list(nlp.pipe(texts, batch_size=batch_size))`, the same analyses, faster (see the module's doc)."""
    docs = [nlp.make_doc(t) for t in texts]
    for _, proc in nlp.pipeline:
        if _fast_parser(proc):
            _parse(proc, docs, batch_size)
        elif _fast_lemmatizer(proc):
            _lemmatize(proc, docs, batch_size)
        elif hasattr(proc, "pipe"):
            # Each component reads only the documents (the token vectors through `doc.tensor`), so running
            # them one after the other over all the documents is what `Language.pipe` does batch by batch.
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(doc) for doc in docs]
    return docs


def _fast_parser(proc: Any) -> bool:
    """Whether `_parse` does what `proc.pipe` would: spaCy's greedy transition parser on the CPU, with the
    output layer whose steps `_parse` runs."""
    try:
        from spacy.pipeline.transition_parser import Parser
        from thinc.api import NumpyOps
    except ImportError:
        return False
    if not isinstance(proc, Parser) or proc.cfg.get("beam_width", 1) != 1:
        return False
    model = proc.model
    return (
        isinstance(model.ops, NumpyOps)
        and model.attrs.get("has_upper") is True
        and all(hasattr(proc, name) for name in ("transition_states", "set_annotations", "moves"))
    )


def _fast_lemmatizer(proc: Any) -> bool:
    """Whether `_lemmatize` does what `proc.pipe` would: spaCy's edit-tree lemmatiser, best tree only."""
    try:
        from spacy.pipeline.edit_tree_lemmatizer import EditTreeLemmatizer
    except ImportError:
        return False
    return isinstance(proc, EditTreeLemmatizer) and getattr(proc, "top_k", None) == 1


def _lemmatize(lemmatizer: Any, docs: Sequence[Any], batch_size: int) -> None:
    """Lemmatise `docs` as `lemmatizer.pipe(docs, batch_size=batch_size)` does. spaCy's `predict` applies
    each word's best tree to check that it applies, and `set_annotations` applies it again, with a Python
    loop over each document's words twice; here once, on the same scores, with the same fallback."""
    labels = lemmatizer.cfg["labels"]
    trees = lemmatizer.trees
    backoff = lemmatizer.backoff
    overwrite = lemmatizer.overwrite
    for i in range(0, len(docs), batch_size):
        batch = docs[i : i + batch_size]
        if not any(len(doc) for doc in batch):
            continue  # spaCy predicts nothing and sets nothing
        for doc, scores in zip(batch, lemmatizer.model.predict(batch), strict=True):
            for token, best in zip(doc, scores.argmax(axis=1).tolist(), strict=True):
                if not overwrite and token.lemma != 0:
                    continue
                lemma = trees.apply(labels[best], token.text)
                if lemma is not None:
                    token.lemma_ = lemma
                elif backoff is not None:  # no tree applies: the word's own form (spaCy's backoff)
                    token.lemma = getattr(token, backoff)


def _parse(parser: Any, docs: Sequence[Any], batch_size: int) -> None:
    """Annotate `docs` as `parser.pipe(docs, batch_size=batch_size)` does."""
    for i in range(0, len(docs), batch_size):
        by_length = sorted(docs[i : i + batch_size], key=len)
        size = max(batch_size // _SUB_BATCH, 2)
        for j in range(0, len(by_length), size):
            sub = by_length[j : j + size]
            try:
                states = _greedy(parser, sub)
            except (AttributeError, TypeError):
                # a spaCy whose parser's Python interface differs from the one `_greedy` drives (its
                # version is pinned, but an install may differ): spaCy's own loop, the same parse
                states = parser.predict(sub)
            parser.set_annotations(sub, states)


def _greedy(parser: Any, docs: Sequence[Any]) -> list[Any]:
    """The parse states of `docs` after the parser's greedy steps: `Parser.predict` with its C loop
    (`_parseC`: features, sum, maxout, scores, best valid move) run step by step from Python."""
    if not any(len(doc) for doc in docs):
        return list(parser.moves.init_batch(docs))
    parser._ensure_labels_are_added(docs)
    batch = parser.moves.init_batch(docs)
    step = parser.model.predict(docs)  # the token vectors and the per-word part of the hidden layer
    try:
        if _OPS is not None:
            step.state2vec.numpy_ops = _OPS
        mask = step._class_mask
        unseen = mask == 0 if not mask.all() else None
        states = [s for s in batch if not s.is_final()]
        while states:
            hidden = step.state2vec.predict(step.get_token_ids(states))
            scores = step.vec2scores.predict(hidden)
            if unseen is not None:
                # as `predict_states`: a class never seen in training scores the batch's lowest
                scores[:, unseen] = numpy.nanmin(scores)
            states = parser.transition_states(states, scores)
    finally:
        step.clear_memory()
    return list(batch)
