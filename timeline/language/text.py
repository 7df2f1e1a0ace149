"""Sentences, words, quotes and tense: the little English a rule-based timeline needs, without a parser.

Everything here works on character offsets into the article text as read, so that every span newsline
reports can be checked against the original.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from newsline.rules import determiners, load

WORD = re.compile(r"(?:[A-Z]\.){2,}|\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?|[^\W\d_](?:[\w’'\-]*\w)?", re.UNICODE)
# ``...'' is the ASCII rendering of curly quotes in Penn-Treebank-style and wiki exports of news
QUOTE_CHARS = {'"': "any", "“": "open", "”": "close", "``": "open", "''": "close"}
_QUOTE_MARK = re.compile('["“”]|``|\'\'')


_UNSEEN = object()
# A written form -> (its token_tense,) when it can show a tense, else None (see Sentence.tensed).
_FORM_SHOWS: dict[str, tuple[str | None] | object | None] = {}
_FORMS_KEPT = 100_000  # then forgotten: a stream of articles must not grow it without end


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    lower: str


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    _tokens: list[Token] | None = None
    _tensed: tuple[list[int], list[int], list[str | None]] | None = None
    _futures: tuple[list[int], list[int]] | None = None

    @property
    def futures(self) -> tuple[list[int], list[int]]:
        """The starts and ends of the multi-word future markers ("is expected to", `_future_re`) that
        begin at each place of the sentence, overlapping ones included: found once, so that `tense_near`
        does not scan the text around every time expression again (most of its time on a text dense
        with them)."""
        if self._futures is None:
            base = self.start
            found = [(m.start() + base, m.end(1) + base) for m in _future_at_re().finditer(self.text)]
            self._futures = ([f[0] for f in found], [f[1] for f in found])
        return self._futures

    @property
    def tensed(self) -> tuple[list[int], list[int], list[str | None]]:
        """The tokens that can show a tense (`token_tense`, or a past with the present's form such as
        "cut"): their indices in `tokens`, their starts, and their `token_tense`. Made once, so that
        `tense_near` looks at these few instead of every word near each time expression (a text that is
        all time expressions, "on Monday, " repeated, made it read thousands of words per expression)."""
        if self._tensed is None:
            # What each written form shows, looked up once per form and process (every sentence the time
            # tagger reads asked every word again: a fifth of its time).
            known = _FORM_SHOWS
            indices: list[int] = []
            starts: list[int] = []
            tenses: list[str | None] = []
            for i, tok in enumerate(self.tokens):
                shows = known.get(tok.text, _UNSEEN)
                if shows is _UNSEEN:
                    tense = token_tense(tok)
                    shows = (tense,) if tense is not None or tok.lower in _SAME_FORM_PASTS else None
                    if len(known) >= _FORMS_KEPT:
                        known.clear()
                    known[tok.text] = shows
                if shows is not None:
                    indices.append(i)
                    starts.append(tok.start)
                    tenses.append(shows[0])
            self._tensed = (indices, starts, tenses)
        return self._tensed

    @property
    def tokens(self) -> list[Token]:
        """The sentence's words (made on first use: the time tagger needs them for few sentences)."""
        if self._tokens is None:
            base = self.start
            self._tokens = [
                Token(base + m.start(), base + m.end(), m.group(), m.group().lower())
                for m in WORD.finditer(self.text)
            ]
        return self._tokens


@dataclass(slots=True)
class Quote:
    """Quoted speech: the inner span, who said it, and the reporting frame (the words around it)."""

    start: int
    end: int
    sentence: int
    speaker: str | None = None
    frame: tuple[int, int] | None = None


@dataclass(slots=True)
class Document:
    text: str
    sentences: list[Sentence]
    quotes: list[Quote]
    # Quote starts, for a binary search: quote_at is called per token and per time mention, and a linear
    # scan made texts with thousands of quotes quadratic. Rebuilt when `quotes` changes length.
    _quote_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence containing `offset` (the last one starting at or before it)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return self.sentences[lo]

    def quote_index(self, offset: int) -> int | None:
        """The index in `quotes` of the quote containing `offset`, or None (quotes do not overlap)."""
        if len(self._quote_starts) != len(self.quotes):
            self._quote_starts = [q.start for q in self.quotes]
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        if i >= 0 and self.quotes[i].start <= offset < self.quotes[i].end:
            return i
        return None

    def quote_starts(self) -> list[int]:
        """The quotes' start offsets, in order (kept in step with `quotes`)."""
        if len(self._quote_starts) != len(self.quotes):
            self._quote_starts = [q.start for q in self.quotes]
        return self._quote_starts

    def quote_at(self, offset: int) -> Quote | None:
        """The quote containing `offset`, or None."""
        i = self.quote_index(offset)
        return None if i is None else self.quotes[i]


@cache
def lexicon() -> dict:
    return load("language")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(lexicon()["abbreviations"])


@cache
def past_forms() -> dict[str, str]:
    """Irregular past and participle forms -> lemma."""
    out: dict[str, str] = {}
    for lemma, (past, part) in lexicon()["irregular"].items():
        out.setdefault(past, lemma)
        out.setdefault(part, lemma)
    return out


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group(), m.group().lower()) for m in WORD.finditer(text, start, end)]


# Possessive quantifiers and the lookbehind keep this linear: a long run of dots ("......") used to be
# re-scanned from each of its positions (quadratic); backtracking into the run can never help the lookahead.
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]++[\"”’')\]]*+(?=\s+(?:``|[\"“'(\[])?[A-Z0-9])|\n\s*")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences by punctuation and line breaks, not fooled by "U.S. President" or "Gen. Smith"."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for m in _BOUNDARY.finditer(text):
        stop = m.end() if not m.group().isspace() else m.start()
        if m.group()[0] == ".":
            word = re.search(r"([\w.’']+)\.$", text[max(begin, m.start() - 12) : m.start() + 1])
            if word and (word.group(1).lower() in _abbreviations() or len(word.group(1)) == 1):
                continue
        if text[begin:stop].strip():
            spans.append((begin, stop))
        begin = m.end()
    if text[begin:].strip():
        spans.append((begin, len(text)))
    sentences = []
    for i, (a, b) in enumerate(spans):
        # Trim white space so that sentence spans start and end on text.
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        sentences.append(Sentence(i, a, b, text[a:b]))
    return sentences


# A quote a writer carries over a line break closes within this many paragraphs, or is not carried.
_QUOTE_CARRY = 3


def _closes(text: str, m: re.Match[str]) -> bool:
    """Whether a quote mark reads as a closing one: a closing form, or a straight mark after a word and
    before a space, punctuation or the line's end."""
    kind = QUOTE_CHARS[m.group()]
    if kind != "any":
        return kind == "close"
    before = text[m.start() - 1] if m.start() > 0 else " "
    after = text[m.end()] if m.end() < len(text) else "\n"
    return not before.isspace() and (after.isspace() or after in ".,;:!?)")


def find_quotes(text: str, sentences: list[Sentence]) -> list[Quote]:
    """Double-quoted spans, paired within a paragraph. An unclosed quote runs to the paragraph's end, or,
    when the next paragraphs close it before they open one (a quote of several sentences that a wiki or
    treebank export put on lines of their own: "``To say this is a great day ...\nThis will go down in
    history.''"), to its closing mark."""
    quotes: list[Quote] = []
    carried: int | None = None  # where an unclosed quote opened
    waited = 0  # paragraphs without a mark since
    for para in re.finditer(r"[^\n]+", text):
        marks = list(_QUOTE_MARK.finditer(text, para.start(), para.end()))
        if carried is not None:
            if marks and _closes(text, marks[0]):
                quotes[-1] = Quote(carried, marks[0].start(), 0)  # the unclosed quote, to where it closes
                marks = marks[1:]
            elif not marks and waited + 1 < _QUOTE_CARRY:
                waited += 1
                continue
            carried = None
        open_at: int | None = None
        for m in marks:
            kind = QUOTE_CHARS[m.group()]
            i = m.start()
            if open_at is None and kind in ("any", "open"):
                open_at = m.end()
            elif open_at is not None and kind in ("any", "close"):
                quotes.append(Quote(open_at, i, 0))
                open_at = None
        if open_at is not None and para.end() - open_at > 1:
            quotes.append(Quote(open_at, para.end(), 0))
            carried, waited = open_at, 0
    doc = Document(text, sentences, [])
    for q in quotes:
        q.sentence = doc.sentence_at(q.start).index
    return quotes


def lead_paragraph(text: str) -> tuple[int, int]:
    """The span of the story's lead paragraph: the first line that ends as a sentence does (a headline and
    a dateline above it do not); the first line when none does."""
    for m in re.finditer(r"[^\n]+", text):
        if re.search(r"[.!?\"”'’]\s*$", m.group()):
            return m.start(), m.end()
    first = re.search(r"[^\n]+", text)
    return (first.start(), first.end()) if first else (0, len(text))


def segment(text: str) -> Document:
    sentences = split_sentences(text)
    return Document(text, sentences, find_quotes(text, sentences))


@cache
def _future_re() -> re.Pattern[str]:
    words = sorted(lexicon()["future_markers"], key=len, reverse=True)
    due = "|".join(lexicon()["due_to_verbs"])
    alternation = "|".join(re.escape(w) for w in words) + rf"|(?:is|are|'s|’s)\s+due\s+to\s+(?:{due})"
    # "must reach a deal by Tuesday" looks ahead; "must have left on Monday" back
    alternation += r"|(?:must|might)(?!\s+(?:not\s+)?(?:have|'ve|’ve)\b)"
    return re.compile(r"(?<![\w’'])(?:" + alternation + r")(?![\w])", re.I)


@cache
def _future_at_re() -> re.Pattern[str]:
    # `_future_re` as a lookahead: a match at every place one begins, overlapping ones too.
    return re.compile(r"(?=(" + _future_re().pattern + r"))", re.I)


@cache
def _scheduled_verbs() -> frozenset[str]:
    return frozenset(lexicon()["scheduled_verbs"])


@cache
def _target_re() -> re.Pattern[str]:
    words = sorted(lexicon()["target_before"], key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(r"(?<![\w’'])(?:" + alternation + r")\s+(?:on\s+|of\s+)?$", re.I)


def is_target(doc: Document, start: int) -> bool:
    """Whether the time expression at `start` follows a word that makes it a deadline or target ("until",
    "payable", "postponed to"): its year or week is then not the clause's tense to choose."""
    return _target_re().search(doc.text, max(0, start - 40), start) is not None


_NOT_PAST_ED = frozenset(
    [
        "need",
        "speed",
        "seed",
        "red",
        "bed",
        "hundred",
        "united",
        "based",
        "related",
        "bled",
        "fed",
        "wed",
        "shed",
        "breed",
        "deed",
        "feed",
        "greed",
        "heed",
        "proceed",
        "succeed",
        "exceed",
        "indeed",
        "weed",
        "reed",
        "sled",
        "bred",
    ]
)


def token_tense(tok: Token) -> str | None:
    """'past', 'present', 'future', 'conditional' ("would") or 'scheduled' (a simple present that tells of
    a planned event: "the trial begins in March") when a word shows it, else None."""
    w = tok.lower.replace("’", "'")
    lex = lexicon()
    if w in ("will", "'ll", "shall", "won't"):
        return "future"
    if w in _scheduled_verbs() and tok.text[0].islower():
        return "scheduled"
    if w in lex["conditional_markers"]:
        # "said the summit would be held on April 24": ahead of the saying, so neither a past nor a
        # future of its own; a date it governs takes the nearer one.
        return "conditional"
    if w in lex["auxiliaries_past"]:
        return "past"
    if w in lex["auxiliaries_present"] or w in ("says", "say", "warns", "tells"):
        return "present"
    if w in past_forms() and w not in (
        "set",
        "put",
        "cut",
        "let",
        "hit",
        "read",
        "cost",
        "become",
        "come",
        "run",
    ):
        return "past"
    if len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED and tok.text[0].islower():
        return "past"
    if w in lex["short_past"] and tok.text[0].islower():
        return "past"
    return None


# Irregular pasts with the present's form; token_tense leaves them without a tense.
_SAME_FORM_PASTS = frozenset(
    ["set", "put", "cut", "let", "hit", "cost", "shut", "spread", "hurt", "quit", "burst"]
)
_SUBJECT_PRONOUNS_PLURAL = frozenset(["i", "we", "you", "they"])
_CLAUSE_JOIN = re.compile(r",\s*(?:but|and|while|whereas|although|though|yet)\b|\s(?:but|whereas)\s", re.I)
_AUX_BEFORE_PARTICIPLE = frozenset(
    # "will stay closed", "remains shut": a participle after a copula is an adjective; the copula tells
    ["be", "been", "being", "is", "are", "was", "were", "has", "have", "had", "'s", "stay", "stays", "remain",
     "remains", "become", "becomes", "get", "gets", "keep", "keeps"]
)


_AUX_BEFORE_BASE = frozenset(
    [
        "to",
        "did",
        "didn't",
        "does",
        "doesn't",
        "do",
        "don't",
        "not",
        "never",
        "will",
        "won't",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "must",
        "cannot",
        "can't",
        "couldn't",
        "wouldn't",
        "shall",
    ]
)
_PERFECT = frozenset(["has", "have", "'ve", "’ve", "hasn't", "haven't"])
# Not "that", which before a participle is mostly a conjunction ("said that injured people ...").
_NOT_BEFORE_PARTICIPLE = frozenset(["that"])


@cache
def _determiners() -> frozenset[str]:
    """The determiners after which a participle is an adjective ("a still unspecified date", "the proposed
    merger"), not a verb: a verb never follows an article. Not the quantifiers and "my"/"your", which the
    rule was not written for."""
    kinds = ("articles", "possessives", "demonstratives", "plural_demonstratives")
    return determiners(*kinds) - _NOT_BEFORE_PARTICIPLE


TENSE_REACH = 400
_ED_AFTER_PENALTY = 40


def _participle_follows(tokens: list[Token], aux: Token) -> bool:
    """Whether a past participle comes right after `aux`, an adverb ("has long been") allowed between."""
    i = bisect.bisect_left(tokens, aux.start, key=lambda t: t.start)
    for tok in tokens[i + 1 : i + 3]:
        if token_tense(tok) == "past":
            return True
        if not tok.lower.endswith("ly") and tok.lower not in ("not", "never", "already", "also", "just"):
            return False
    return False


def tense_near(doc: Document, start: int, end: int) -> str | None:
    """The tense of the clause around [start, end): 'past', 'perfect' ("has risen"), 'present', 'future',
    'scheduled' ("begins", see `token_tense`) or 'conditional' ("would"),
    from the nearest word that shows a tense ("will", "said", "is", a multi-word future marker such as "is
    expected to"), within the clause and on the same side of any quote mark as the expression. Words before
    the expression win ties (auxiliaries come first)."""
    sent = doc.sentence_at(start)
    quote = doc.quote_at(start)
    # A clause's tense words are near it: looking further than TENSE_REACH made a long sentence with many
    # time expressions quadratic (a megabyte without a full stop).
    lo, hi = max(sent.start, start - TENSE_REACH), min(sent.end, end + TENSE_REACH)
    if quote is not None:
        lo, hi = max(lo, quote.start), min(hi, quote.end)
    # The clause: stop at strong punctuation, quote marks and a comma before a conjunction on either side.
    left = max((i for i in (doc.text.rfind(c, lo, start) for c in ';:"“”') if i >= 0), default=lo - 1) + 1
    right = min((i for i in (doc.text.find(c, end, hi) for c in ';:"“”') if i >= 0), default=hi)
    for m in _CLAUSE_JOIN.finditer(doc.text, left, right):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = min(right, m.start())
            break
    # A comma ends the part of the clause that is surely the expression's own ("will take place on Sunday,
    # officials said"): a tensed word there wins over any beyond it.
    near_left = max(doc.text.rfind(",", left, start) + 1, left)
    near_right = doc.text.find(",", end, right)
    near_right = right if near_right < 0 else near_right
    candidates: list[tuple[int, int, int, str]] = []
    # The markers a scan of [left, right) would find: left to right, each after the end of the one before.
    mark_starts, mark_ends = sent.futures
    after_last = left
    for k in range(bisect.bisect_left(mark_starts, left), bisect.bisect_left(mark_starts, right)):
        m_start, m_end = mark_starts[k], mark_ends[k]
        if m_start < after_last or m_end > right:
            continue
        after_last = m_end
        if start <= m_start < end:
            continue
        dist = m_start - end if m_start >= end else start - m_end
        tier = 0 if near_left <= m_start < near_right else 1
        candidates.append((tier, dist, 0 if m_start < start else 1, "future"))
    tokens = sent.tokens
    # Only the words that can show a tense are looked at (`Sentence.tensed`); the two words before each
    # are read from the token list.
    indices, starts, tenses = sent.tensed
    for k in range(bisect.bisect_left(starts, left), bisect.bisect_right(starts, right)):
        i = indices[k]
        tok = tokens[i]
        after = tokens[i - 1].lower if i > 0 else ""
        before_after = tokens[i - 2].lower if i > 1 else ""
        if tok.start < left or tok.end > right or (start <= tok.start < end):
            continue
        tense = tenses[k]
        if (
            tense is None
            and tok.lower in _SAME_FORM_PASTS
            and tok.text[0].islower()
            and after not in _AUX_BEFORE_BASE
            and after not in _SUBJECT_PRONOUNS_PLURAL
            and after not in ("'ll", "’ll")
        ):
            # "The company cut 300 jobs on Monday": the past, as news tells it (a headline's present too)
            tense = "past"
        if tense == "past" and after in _PERFECT:
            tense = "perfect"  # "has fallen": a past whose result holds now
        elif tense is None or (tense == "past" and after in _AUX_BEFORE_PARTICIPLE):
            continue  # "will be held", "was held": the auxiliary carries the tense
        elif tense == "scheduled" and after in _AUX_BEFORE_BASE:
            continue  # "did not begin", "won't start": the auxiliary carries the tense
        elif tense == "past" and (
            after in _determiners()
            or (before_after in _determiners() and (after == "still" or after.endswith("ly")))
        ):
            continue  # "the proposed merger", "a still unspecified date", "a newly elected board"
        elif tense == "present" and tok.lower in _PERFECT and _participle_follows(tokens, tok):
            continue  # the participle after it gives the tense
        dist = tok.start - end if tok.start >= end else start - tok.end
        regular_ed = tok.lower.endswith("ed") and tok.lower not in past_forms()
        if tense == "past" and tok.start >= end and regular_ed:
            # A regular -ed form after the expression is often a participle ("by August in the search for
            # markets untouched by the crisis"): it wins only when nothing nearer shows the tense.
            dist += _ED_AFTER_PENALTY
        tier = 0 if near_left <= tok.start < near_right else 1
        candidates.append((tier, dist, 0 if tok.start < start else 1, tense))
    return min(candidates)[3] if candidates else None
