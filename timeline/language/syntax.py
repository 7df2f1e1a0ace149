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
from itertools import pairwise
from pathlib import Path
from typing import Any

from newsline.language.text import Document

# A sentence longer than this many characters is parsed in pieces cut at punctuation: a parser's cost
# and memory grow with a sentence's length, and a run-on "sentence" of a transcript or a list is no
# clause structure anyway.
MAX_PIECE = 600

# Universal POS from the Penn Treebank tag the tagger predicts (the mapping is fixed for English).
_UPOS = {
    "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "PRP": "PRON", "PRP$": "PRON",
    "WP": "PRON", "WP$": "PRON", "EX": "PRON", "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB",
    "VBP": "VERB", "VBZ": "VERB", "MD": "AUX", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "RB": "ADV",
    "RBR": "ADV", "RBS": "ADV", "WRB": "ADV", "IN": "ADP", "RP": "ADP", "TO": "PART", "DT": "DET",
    "PDT": "DET", "WDT": "DET", "CD": "NUM", "CC": "CCONJ", "UH": "INTJ", "POS": "PART",
}  # fmt: skip


@dataclass(slots=True)
class Word:
    """One word of the article as the parser read it; offsets are the article's characters."""

    i: int  # index in `Syntax.words`
    start: int
    end: int
    text: str
    lemma: str
    tag: str  # Penn Treebank tag
    dep: str  # Universal Dependencies relation to the head ("root" for a sentence's root)
    head: int  # index of the head word (itself for a root)
    sentence: int  # index of our sentence

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def pos(self) -> str:
        """The universal part of speech, from the tag (an auxiliary's tag is a verb's: see `dep`)."""
        if self.dep in ("aux", "aux:pass", "cop"):
            return "AUX"
        return _UPOS.get(self.tag, "X")

    @property
    def verbal(self) -> bool:
        return self.tag.startswith("VB") and self.dep not in ("aux", "aux:pass", "cop")


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
    known, forms = _verb_lemmas()
    for sent_index, offset, piece in jobs:
        base = len(words)
        tokens = parsed_now[piece]
        for start, end, text, lemma, tag, dep, head in tokens:
            a, b = offset + start, offset + end
            if tag.startswith("VB") and lemma not in known and (fixed := forms.get(text.lower())):
                lemma = fixed  # the lemmatiser's guess ("citing", "recounte") for a verb the rules name
            words.append(Word(len(words), a, b, doc.text[a:b], lemma, tag, dep, base + head, sent_index))
    return Syntax(_repair(words))


def _place_apposition(words: list[Word]) -> None:
    """ "A judge in Paris, France found ...": the parser reads the country after a place's comma as the
    verb's subject. A place's country, state or region set off by a comma is that place's apposition, and the
    noun the place qualifies (the judge) is the subject. Only where the place qualifies a noun: in "In
    Paris, France announced ..." the place qualifies the verb, and France is the subject."""
    for x in words:
        i = x.i
        if not x.dep.startswith("nsubj") or x.tag not in ("NNP", "NNPS") or i < 2:
            continue
        comma, y = words[i - 1], words[i - 2]
        if comma.text != "," or y.tag not in ("NNP", "NNPS") or y.sentence != x.sentence:
            continue
        place = y
        while place.dep in ("flat", "compound") and place.head != place.i:
            place = words[place.head]
        if place.dep not in ("nmod", "obl") or place.head == place.i:
            continue
        noun = words[place.head]
        if noun.i >= place.i or not noun.tag.startswith("NN") or noun.head != x.head:
            continue
        if not any(w.head == place.i and w.dep == "case" and w.lower in ("in", "at", "from") for w in words):
            continue
        x.head, x.dep = place.i, "appos"
        comma.head = place.i
        if not noun.dep.startswith("nsubj"):
            noun.dep = "nsubj"


def _repair(words: list[Word]) -> list[Word]:
    """The parse with the parser's misreadings that the words themselves disprove mended, in place (the
    words are the article's own, made afresh from the cached parse)."""
    _place_apposition(words)
    _name_read_as_two_subjects(words)
    _finite_verb_under_a_participle(words)
    _content_read_as_relative(words)
    _verb_read_as_adjective(words)
    _passive_read_as_adjective(words)
    return words


def _name_read_as_two_subjects(words: list[Word]) -> None:
    """ "Minister Pieter Janssen met both sides": the parser sometimes gives the verb each part of a name
    as a subject of its own. A clause has one subject, so two proper nouns side by side that are both
    subjects of one verb are one name: the later word joins the earlier one (UD's `flat`)."""
    for x, y in pairwise(words):
        if (
            x.dep == y.dep
            and x.dep in ("nsubj", "nsubj:pass")
            and x.head == y.head
            and x.tag in ("NNP", "NNPS")
            and y.tag in ("NNP", "NNPS")
            and x.sentence == y.sentence
        ):
            y.head, y.dep = x.i, "flat"
            for w in words:
                if w.head == y.i and w is not y:
                    w.head = x.i  # what hung on the later part hangs on the name


def _finite_verb_under_a_participle(words: list[Word]) -> None:
    """ "Operators said 30 ships were waiting to berth and warned that delays could spread": the parser
    coordinates the past tense "warned" with "waiting", inside what was said. A finite past verb with no
    subject of its own cannot share the auxiliary of a participle or infinitive ("were ... warned" would be
    a participle), nor the copula of an adjective ("said he was shocked and pledged help"); it goes on the
    first finite verb of the clauses the participle's clause completes
    ("said the assessment concluded he was killed, but added ...": said, added)."""
    subjects = {w.head for w in words if w.dep.startswith("nsubj") and w.head != w.i}
    auxed = {w.head for w in words if w.dep in ("aux", "aux:pass") and w.head != w.i}
    copular = {w.head for w in words if w.dep == "cop" and w.head != w.i}
    for w in words:
        if w.dep != "conj" or w.tag != "VBD" or w.i in subjects:
            continue
        part = words[w.head]
        if part.i > w.i or not (
            (part.tag in ("VBG", "VBN", "VB") and part.i in auxed)
            or (part.tag.startswith("JJ") and part.i in copular)
        ):
            continue
        top = None
        while part.dep in ("ccomp", "xcomp") and part.head != part.i:
            part = words[part.head]  # up to the first of what was said ("said the inquiry concluded ...")
            if part.tag in ("VBD", "VBZ", "VBP") and part.i < w.i:
                top = part
        if top is not None:
            w.head = top.i


def _content_read_as_relative(words: list[Word]) -> None:
    """ "said outside the courthouse that her client was disappointed": the parser reads "that" as a
    relative pronoun, the object of a clause about the courthouse. A clause whose predicate is an adjective
    or a noun (with its copula), or that has an object of its own, has no place for "that" as its object:
    "that" opens a content clause, which completes the verb the preposition's noun hangs on."""
    kids: dict[int, list[Word]] = {}
    for w in words:
        if w.head != w.i:
            kids.setdefault(w.head, []).append(w)
    for t in words:
        if t.lower != "that" or t.dep != "obj":
            continue
        clause = words[t.head]
        mine = kids.get(clause.i, [])
        if clause.dep != "acl:relcl" or clause.head == clause.i:
            continue
        nominal = not clause.tag.startswith("VB") and any(k.dep == "cop" for k in mine)
        if not nominal and not any(k.dep == "obj" and k is not t for k in mine):
            continue
        noun = words[clause.head]
        verb = words[noun.head]
        if noun.dep != "obl" or not verb.tag.startswith("VB") or verb.i > noun.i:
            continue
        t.dep = "mark"
        clause.head, clause.dep = verb.i, "ccomp"


def _passive_read_as_adjective(words: list[Word]) -> None:
    """A passive read as an adjective with a copula ("Nine people were injured, officials said", "injured"
    tagged an adjective as UD often has it): the participle of a verb that tells a happening (rules/events.
    toml, less its states) is the passive of that verb, its copula the passive's auxiliary. Adjectives that
    are states ("worried", "involved") stay."""
    parts = _event_participles()
    cops = {w.head: w for w in words if w.dep == "cop" and w.lemma.lower() == "be"}
    subjects: dict[int, list[Word]] = {}
    for w in words:
        if w.dep == "nsubj":
            subjects.setdefault(w.head, []).append(w)
    for w in words:
        if w.i not in cops or not w.tag.startswith("JJ") or w.lower not in parts:
            continue
        w.tag, w.lemma = "VBN", parts[w.lower]
        cops[w.i].dep = "aux:pass"
        for k in subjects.get(w.i, ()):
            k.dep = "nsubj:pass"


@cache
def _event_participles() -> dict[str, str]:
    """The past participles ("-ed", "-en") of the verbs that tell happenings (rules/events.toml), less
    those rules/roles.toml counts as states or moods, -> the verb."""
    from newsline.language.lexicon import events_data
    from newsline.rules import load

    words = load("roles")["words"]
    states = set(words["stative"]) | set(words["sentiments"])
    verbs = {v for vs in events_data()["verbs"].values() for v in vs if v.isalpha()} - states
    _, forms = _verb_lemmas()
    return {f: v for f, v in forms.items() if v in verbs and f.endswith(("ed", "en")) and f != v}


def _verb_read_as_adjective(words: list[Word]) -> None:
    """A misreading that leaves a sentence with no verb: a past verb with a subject of its own read as an
    adjective of the noun after it, that noun made the sentence's root ("Germany announced plans to buy
    ..." read as the noun phrase "[announced plans] to buy ..."). An adjective has no subject: the verb is
    the root, and the noun its object."""
    subjects = {w.head for w in words if w.dep.startswith("nsubj") and w.head != w.i}
    for w in words:
        if w.dep != "amod" or w.tag not in ("VBD", "VBN") or w.i not in subjects:
            continue
        noun = words[w.head]
        if noun.head != noun.i or noun.i <= w.i or not noun.tag.startswith("NN"):
            continue
        w.head, w.dep = w.i, "root"
        noun.head, noun.dep = w.i, "obj"


@cache
def _verb_lemmas() -> tuple[frozenset[str], dict[str, str]]:
    """The verbs the rules name (rules/roles.toml's word classes, rules/events.toml's verbs) and each of
    their regular inflections -> the verb: the statistical lemmatiser misses some forms, and a rule keyed
    on a lemma would then not see its verb."""
    from newsline.language.lexicon import _inflect, events_data
    from newsline.language.text import lexicon
    from newsline.rules import load

    lemmas = {w for ws in load("roles")["words"].values() for w in ws if w.isalpha()}
    for verbs in events_data()["verbs"].values():
        lemmas.update(v for v in verbs if v.isalpha())
    lemmas.update(v for v in events_data()["roles"]["reporting"] if v.isalpha())
    forms: dict[str, str] = {}
    for lemma in sorted(lemmas):
        for form in _inflect(lemma):
            forms.setdefault(form, lemma)
    # irregular pasts ("spoke", "found", "told") the lemmatiser may leave as they are
    for lemma, pasts in lexicon()["irregular"].items():
        if lemma in lemmas:
            for form in pasts:
                forms.setdefault(form, lemma)
    return frozenset(lemmas), forms
