"""Syntax: a dependency analysis of each sentence, so that clauses, their predicates, subjects, objects,
negation, modals and attribution follow from structure rather than from nearby words.

The analyser is a small spaCy pipeline (tagger, dependency parser, lemmatiser) that the project trains
itself on the Universal Dependencies English Web Treebank (CC BY-SA 4.0) and ships inside the package
(`language/parser/`; its licence, data and training script: `language/parser/README.md` and
`benchmarks/parser/`). Nothing is downloaded; spaCy is imported only when an analysis is asked for, so
`newsline tag` never loads it.

Reads: a `Document` (our sentences). Writes: `Syntax`, every word with its tag, lemma, head and relation,
in article character offsets.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from newsline.language.repair import repair, verb_lemmas
from newsline.language.text import Document
from newsline.language.word import Word

# A sentence longer than this many characters is parsed in pieces cut at punctuation: a parser's cost
# and memory grow with a sentence's length, and a run-on "sentence" of a transcript or a list is no
# clause structure anyway.
MAX_PIECE = 600

@dataclass(slots=True)
class Syntax:
    """The words of an article with their dependency tree, and questions about it."""

    words: list[Word]
    children: list[list[int]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    memo: dict[str, Any] = field(default_factory=dict)  # what a later stage computes once per article
    # Each word's relation without its subtype ("nsubj" for "nsubj:pass"), for `kids`.
    _base_deps: list[str] = field(default_factory=list)
    # `is_predicate` of each word once asked (the event stage asks about the same words again and again;
    # nothing changes a word or the tree once the analysis is made).
    _predicates: list[bool | None] = field(default_factory=list)
    # `at` of each (start, end) once asked: the event stage asks about each trigger's span six times on
    # average (9,364 calls for 1,453 spans over the reader articles), and the answer never changes.
    _at: dict[tuple[int, int | None], Word | None] = field(default_factory=dict)
    # sentence -> (first word, last word + 1), for `sentence_words`
    _sentences: dict[int, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.children = [[] for _ in self.words]
        for w in self.words:
            if w.head != w.i:
                self.children[w.head].append(w.i)
        self._starts = [w.start for w in self.words]
        self._base_deps = [w.dep.partition(":")[0] for w in self.words]
        self._predicates = [None] * len(self.words)

    def at(self, start: int, end: int | None = None) -> Word | None:
        """The word at character `start`, or the head-most word of those overlapping [start, end)."""
        key = (start, end)
        try:
            return self._at[key]
        except KeyError:
            found = self._at[key] = self._find(start, end)
            return found

    def _find(self, start: int, end: int | None) -> Word | None:
        stop = end if end is not None else start + 1
        k = max(bisect.bisect_right(self._starts, start) - 1, 0)
        span = []
        words = self.words
        for j in range(k, len(words)):  # (no slice: a copy of the rest of the list for each call)
            w = words[j]
            if w.start >= stop:
                break
            if w.end > start:
                span.append(w)
        if not span:
            return None
        inside = {w.i for w in span}
        return next((w for w in span if w.head == w.i or w.head not in inside), span[0])

    def is_predicate(self, w: Word) -> bool:
        """Whether the word heads a clause: a verb (not an auxiliary), or a word the tagger took for a noun
        but that has a clause's dependents, an auxiliary or a subject ("Russia may soon launch" with
        "launch" tagged a noun: the tagger errs most on words that are nouns and verbs alike)."""
        if self.words[w.i] is not w:  # a word of another analysis: nothing remembered applies
            return self._is_predicate(w)
        known = self._predicates[w.i]
        if known is None:
            known = self._predicates[w.i] = self._is_predicate(w)
        return known

    def _is_predicate(self, w: Word) -> bool:
        if w.verbal:
            return True
        if not (w.tag.startswith("NN") or w.tag.startswith("JJ")) or w.dep in ("compound", "amod"):
            return False
        kids = self.kids(w)
        if any(k.dep == "cop" for k in kids):
            return False
        subject = any(k.dep.startswith("nsubj") for k in kids)
        if any(k.dep == "obj" for k in kids) and w.dep not in ("nsubj", "obj", "obl", "nmod"):
            return True  # a noun takes no object: "to free the miners" with "free" tagged an adjective
        return any(k.dep in ("aux", "aux:pass") for k in kids) or (
            subject
            and (w.dep in ("root", "ccomp", "advcl", "parataxis") or any(k.dep == "mark" for k in kids))
        )

    def kids(self, w: Word, *deps: str) -> list[Word]:
        """The word's dependents, those with one of `deps` (or a subtype: "nsubj" takes "nsubj:pass")."""
        words = self.words
        if not deps:
            return [words[c] for c in self.children[w.i]]
        base = self._base_deps
        return [words[c] for c in self.children[w.i] if base[c] in deps or words[c].dep in deps]

    def head(self, w: Word) -> Word | None:
        return None if w.head == w.i else self.words[w.head]

    def ancestors(self, w: Word) -> Iterator[Word]:
        seen = {w.i}
        h = self.head(w)
        while h is not None and h.i not in seen:
            yield h
            seen.add(h.i)
            h = self.head(h)

    def subtree(self, w: Word, skip: frozenset[str] = frozenset()) -> list[Word]:
        """The word and everything under it, in text order, less the branches whose relation is in `skip`."""
        out = [w]
        stack = [c for c in self.children[w.i] if self.words[c].dep not in skip]
        while stack:
            c = stack.pop()
            out.append(self.words[c])
            stack.extend(self.children[c])
        out.sort(key=lambda x: x.i)
        return out

    def span(self, w: Word, skip: frozenset[str] = frozenset()) -> tuple[int, int]:
        """The character span of `subtree(w, skip)`, contiguous from its first to its last word."""
        sub = self.subtree(w, skip)
        return sub[0].start, sub[-1].end

    def sentence_words(self, sentence: int) -> list[Word]:
        """The words of one of our sentences."""
        if not self._sentences:
            # where each sentence's words begin and end, found once (the event stage asks for the words of
            # the sentence of every mention)
            bounds = self._sentences
            for w in self.words:
                lo, _ = bounds.get(w.sentence, (w.i, 0))
                bounds[w.sentence] = (lo, w.i + 1)
        lo, hi = self._sentences.get(sentence, (0, 0))
        return self.words[lo:hi]


@cache  # (called under _PARSING by analyse: loaded once even when threads ask at once)
def parser() -> Any:
    """The shipped spaCy pipeline, loaded once per process (about half a second)."""
    # imported here: only the event stage needs spaCy, and it costs a cold start (`loader`: what it spares)
    from newsline.language.inference import prepare
    from newsline.language.loader import load

    nlp = load(Path(str(resources.files("newsline.language") / "parser")))
    prepare(nlp)
    return nlp


_SURROGATE = re.compile("[\ud800-\udfff]")
_PIECE_CUT = re.compile(r"[;:,]\s+|\s+[-–—]\s+")


def _pieces(text: str, start: int) -> Iterator[tuple[int, str]]:
    """(offset, text) pieces of one sentence, each at most MAX_PIECE characters where punctuation allows."""
    while len(text) > MAX_PIECE:
        cut = None
        for m in _PIECE_CUT.finditer(text, 0, MAX_PIECE):
            cut = m.end()
        if cut is None:
            space = text.rfind(" ", 0, MAX_PIECE)
            cut = space + 1 if space > 0 else MAX_PIECE
        yield start, text[:cut]
        start += cut
        text = text[cut:]
    if text.strip():
        yield start, text


# A parsed piece as plain tuples, relative to its own start: (start, end, text, lemma, tag, dep, head) per
# word, heads counted within the piece. Kept for the pieces seen last: the same sentences come back (a
# story's boilerplate across articles, the same article parsed again), and a parse costs milliseconds.
Parsed = tuple[tuple[int, int, str, str, str, str, int], ...]
CACHE_PIECES = 4096
# Pieces per batch of the analyser (spaCy's `batch_size`): an article's new pieces (a few dozen) in one
# batch, and one sub-batch of the parser (a quarter of it), whose steps then cover all of them at once.
# A piece's analysis does not depend on its batch (benchmarks/parse_hash.py: the same hashes at 64).
BATCH = 256


_CACHE: OrderedDict[str, Parsed] = OrderedDict()
_PARSING = threading.RLock()


def clear_cache() -> None:
    """Forget the pieces parsed so far (a benchmark measures the parser, not the cache)."""
    _CACHE.clear()


def _remember(piece: str, parsed: Parsed) -> None:
    _CACHE[piece] = parsed
    if len(_CACHE) > CACHE_PIECES:
        _CACHE.popitem(last=False)


def _from_spacy(parsed: Any) -> Parsed:
    index: dict[int, int] = {}
    for t in parsed:
        if not t.is_space:
            index[t.i] = len(index)
    return tuple(
        (
            t.idx,
            t.idx + len(t.text),
            t.text,
            t.lemma_ or t.text.lower(),
            t.tag_,
            "root" if t.dep_ == "ROOT" else t.dep_,
            index.get(t.head.i, index[t.i]),
        )
        for t in parsed
        if not t.is_space
    )


def _jobs(doc: Document) -> list[tuple[int, int, str]]:
    """(sentence index, offset, piece) for every piece of every sentence of `doc`, in text order."""
    jobs: list[tuple[int, int, str]] = []
    for s in doc.sentences:
        # a lone surrogate (from a JSON "\\ud800") cannot be encoded for the parser: one replacement
        # character for one, so offsets stay the article's
        text = _SURROGATE.sub("\ufffd", doc.text[s.start : s.end])
        for offset, piece in _pieces(text, s.start):
            jobs.append((s.index, offset, piece))
    return jobs


def _parse_fresh(pieces: list[str]) -> dict[str, Parsed]:
    """Parse `pieces` (distinct, none in the cache) in one call of the analyser and remember them.
    Call with `_PARSING` held."""
    from newsline.language.inference import annotate

    parsed_now: dict[str, Parsed] = {}
    for piece, parsed in zip(pieces, annotate(parser(), pieces, BATCH), strict=True):
        parsed_now[piece] = _from_spacy(parsed)
        _remember(piece, parsed_now[piece])
    return parsed_now


def prefetch(docs: Iterable[Document], budget: int = CACHE_PIECES // 2) -> int:
    """Parse the pieces of several documents that the cache lacks in one call of the analyser, so that
    `analyse` of each then finds all its pieces in the cache; returns how many documents were covered.

    Why: one article's new pieces are a few dozen, a fraction of a batch of `BATCH`; the pieces of several
    articles together fill the analyser's batches, and its sub-batches sorted by length waste fewer steps
    on short pieces waiting for long ones (benchmarks: BENCHMARKS.md, issue 17). A piece's analysis does
    not depend on its batch, so the analyses are the same as article by article.

    Documents are taken in order while their distinct pieces, cached or not, number at most `budget`
    (the first always): every piece of those must still be in the cache when its document is analysed,
    so they are at most half of it (the other half is for other threads, e.g. a Dask worker's). A
    document left out is parsed by `analyse` as before. An exception (a piece the analyser cannot take)
    leaves the cache as it was for the pieces not yet parsed: `analyse` then meets it again, for the
    article it belongs to."""
    with _PARSING:
        wanted: dict[str, None] = {}
        covered = 0
        for doc in docs:
            pieces = dict.fromkeys(piece for _, _, piece in _jobs(doc))
            if covered and len(wanted.keys() | pieces.keys()) > budget:
                break
            wanted.update(pieces)
            covered += 1
        fresh = []
        for piece in wanted:
            if piece in _CACHE:
                _CACHE.move_to_end(piece)  # kept until its document is analysed
            else:
                fresh.append(piece)
        if fresh:
            _parse_fresh(fresh)
    return covered


def analyse(doc: Document) -> Syntax:
    """The dependency analysis of every sentence of `doc` (our sentence boundaries are kept: a parse
    never joins two of them)."""
    jobs = _jobs(doc)
    # The pieces not parsed lately go through the parser together (batching is several times faster;
    # `annotate` is spaCy's `nlp.pipe`, faster: newsline.language.inference). After `prefetch` of a
    # group of articles, there are none.
    # One article at a time per process: the cache and the parser are shared by a process's threads (a
    # Dask worker's), and parsing is CPU-bound, so threads gain nothing by parsing at once.
    with _PARSING:
        # The cached pieces are taken before the new ones are parsed: remembering those may push these
        # out of the cache.
        parsed_now: dict[str, Parsed] = {}
        fresh: dict[str, None] = {}
        for _, _, piece in jobs:
            known = _CACHE.get(piece)
            if known is None:
                fresh[piece] = None
            elif piece not in parsed_now:
                parsed_now[piece] = known
                _CACHE.move_to_end(piece)
        if fresh:
            parsed_now.update(_parse_fresh(list(fresh)))
    words: list[Word] = []
    known, forms = verb_lemmas()
    for sent_index, offset, piece in jobs:
        base = len(words)
        tokens = parsed_now[piece]
        for start, end, text, lemma, tag, dep, head in tokens:
            a, b = offset + start, offset + end
            if tag.startswith("VB") and lemma not in known and (fixed := forms.get(text.lower())):
                lemma = fixed  # the lemmatiser's guess ("citing", "recounte") for a verb the rules name
            words.append(Word(len(words), a, b, doc.text[a:b], lemma, tag, dep, base + head, sent_index))
    return Syntax(repair(words))
