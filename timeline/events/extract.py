"""Events: triggers, clauses, titles, actors, speakers, modality, coreference and signal relations.

There is no parser here: a clause is found from the words around a finite verb trigger (a word from the
trigger lexicon in a verbal position), its subject is what stands before it back to a clause boundary, its
object what follows up to the next boundary. Nominal triggers ("the call", "the aerial attack") are events
when something makes them one (a time, participants, a light or aspectual verb, a signal) and are otherwise
matched to an event already told (same class, compatible participants, or a definite "the ..." anaphor).
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache, lru_cache

from newsline.language.lexicon import (
    events_data,
    names,
    noun_forms,
    noun_markers,
    open_verb,
    strip_titles,
    verb_forms,
)
from newsline.language.text import Document, Quote, Sentence, Token, lead_paragraph, lexicon
from newsline.model import (
    INF,
    AnchorKind,
    Event,
    Mention,
    Modality,
    Relation,
    RelType,
    TimeMention,
    to_datetime,
    to_minutes,
)

SUBORDINATORS = frozenset(
    [
        "that",
        "after",
        "before",
        "when",
        "while",
        "because",
        "though",
        "although",
        "if",
        "which",
        "who",
        "whom",
        "whose",
        "where",
        "since",
        "until",
        "unless",
        "whereas",
        "but",
        "and",
        "or",
        "so",
        "as",
    ]
)
CLAUSE_PUNCT = re.compile(
    r"[;:—–]|\s-\s|,\s*(?:according\s+to|prompting|including|marking|citing|based\s+on)"
)
DEFINITE = frozenset(
    ["the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "such"]
)
PRONOUNS = {"he", "she", "they", "we", "i", "it"}
MODALS_POSSIBLE = frozenset(lexicon()["modal_possible"])
NEGATIONS = frozenset(w for w in lexicon()["negations"] if " " not in w)


@dataclass(slots=True)
class Trigger:
    """A trigger word in a sentence region, verbal or nominal."""

    tok: int  # index into the region's tokens
    start: int
    end: int
    lemma: str
    cls: str
    nominal: bool
    finite: bool = True
    modality: Modality = Modality.ASSERTED
    particle_end: int | None = None


@dataclass(slots=True)
class Region:
    """A stretch of one sentence that is either quoted speech or the narrator's words."""

    sentence: Sentence
    start: int
    end: int
    tokens: list[Token]
    quote: Quote | None


@dataclass(slots=True)
class Draft:
    """An event being built from one mention, before coreference."""

    trig: Trigger
    region: Region
    clause: tuple[int, int]
    subject: tuple[int, int]
    participants: set[str]
    speaker: str | None
    modality: Modality
    point: str = "during"  # which part of the event this mention tells: start, end, during
    definite: bool = False
    eventive: bool = True
    event: Event | None = None
    complement_of: Draft | None = None
    has_quote: bool = False
    extra_relations: list[tuple[str, Draft]] = field(default_factory=list)
    time: TimeMention | None = None  # the time expression of this mention's own clause
    joins: Draft | None = None  # a coordinated verb telling the same event as this earlier draft


def _regions(doc: Document, sent: Sentence) -> list[Region]:
    cuts = [(sent.start, None)]
    # Quotes do not overlap and come in text order: only those from the one holding the sentence's start
    # on can touch it (a scan of every quote for every sentence was quadratic).
    first = doc.quote_index(sent.start)
    if first is None:
        first = bisect.bisect_left(doc.quote_starts(), sent.start)
    for q in doc.quotes[first:]:
        if q.start >= sent.end:
            break
        if q.end <= sent.start:
            continue
        cuts.append((max(q.start, sent.start), q))
        cuts.append((min(q.end, sent.end), None))
    cuts.sort(key=lambda c: c[0])
    regions = []
    tokens = sent.tokens
    starts = [t.start for t in tokens]
    for (a, q), (b, _) in zip(cuts, [*cuts[1:], (sent.end, None)], strict=True):
        if b > a:
            toks = tokens[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]
            regions.append(Region(sent, a, b, toks, q))
    return regions


def _quote_near(doc: Document, start: int, end: int) -> bool:
    """A quote opens within 60 characters after [start, end) or closed within 30 before it."""
    starts = doc.quote_starts()
    i = bisect.bisect_left(starts, end)
    if i < len(doc.quotes) and doc.quotes[i].start - end <= 60:
        return True
    j = i - 1
    while j >= 0 and doc.quotes[j].end > start:  # quotes that close after `start` cannot count
        j -= 1
    return j >= 0 and start - doc.quotes[j].end <= 30


def _verb_readings(toks: list[Token], i: int) -> tuple[tuple[str, str, str, str | None], ...]:
    """Every (lemma, class, form, particle) toks[i] can have as a trigger verb here, phrasal readings
    whose particle follows first ("shot down"), then the plain ones ("found" is "find" in the past and
    "found" in the present), then the reading from the word's shape alone."""
    phrasal, plain, general = _word_readings(toks[i].lower)
    if phrasal:
        nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
        here = tuple(r for r in phrasal if r[3] == nxt)
        if here or plain:
            return here + plain
    return plain or general


Reading = tuple[str, str, str, str | None]


# Every word of every sentence is looked up (9,571 calls for the 22 reader articles, a few thousand forms),
# and what the lexicon says of a form depends on the form alone.
@lru_cache(maxsize=16384)
def _word_readings(lower: str) -> tuple[tuple[Reading, ...], tuple[Reading, ...], tuple[Reading, ...]]:
    """The readings of the word form `lower` for `_verb_readings`, before the next word is known: the
    phrasal ones (each applies only where its particle follows), the plain ones, and the one from the
    word's shape alone (`open_verb`; what applies when none of the others does)."""
    readings = verb_forms().get(lower) or []
    phrasal = tuple((r.lemma, r.cls, r.form, r.particle) for r in readings if r.particle)
    plain = tuple((r.lemma, r.cls, r.form, None) for r in readings if not r.particle)
    general = open_verb(lower)
    return phrasal, plain, ((general.lemma, general.cls, general.form, None),) if general else ()


_AUX = frozenset(
    ["is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "'s"]
)
_ADVERBS = frozenset(lexicon()["verb_markers"]["words"]) - {"to", "not", "never"}
_MODAL = frozenset(["will", "would", "shall", "should", "may", "might", "could", "can", "must", "'ll", "wo"])


def _classify_verb(toks: list[Token], i: int, form: str) -> tuple[bool, bool]:
    """(is a verb here, is finite) from the words just before it."""
    prev = toks[i - 1].lower if i > 0 else ""
    prev2 = toks[i - 2].lower if i > 1 else ""
    if not toks[i].text[:1].islower():
        return False, False  # "Fires broke out", "Unmanned Systems Forces": a verb is not capitalised
    if prev == "that" and form == "past" and toks[i].lower.endswith("ed"):
        return True, True  # "a plane that crashed": "that" opens a relative clause, not a noun phrase
    if prev in noun_markers() or prev.endswith(("'s", "’s")):
        return False, False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if prev == "to":
        return True, False
    if form == "ing":
        if prev in _AUX or (prev in NEGATIONS and prev2 in _AUX):
            return True, True  # "were shooting": a finite progressive
        if toks[i].lower == "following" and nxt is not None and (
            nxt.lower in noun_markers()
            or nxt.lower in noun_forms()
            or nxt.lower.endswith(("'s", "’s"))
            or nxt.text[:1].isupper()
        ):
            return False, False  # "following his loss": a preposition, the signal of what came first
        # "disabling autopilot", "while continuing to gather", "a report alleging": a participle clause that
        # tells an event of its own, with the subject of the clause it hangs on.
        return True, False
    if form == "base":
        if prev in ("help", "helps", "helped", "helping"):
            return True, False  # "to help create": a bare infinitive
        if prev in ("and", "or") and any(
            toks[j].lower == "to" and (verb_forms().get(toks[j + 1].lower) or open_verb(toks[j + 1].lower))
            for j in range(max(0, i - 7), i - 2)
        ):
            return True, False  # "to support survivors and locate the deceased": a second infinitive
        if prev in _ADVERBS or (prev.endswith("ly") and len(prev) > 4):
            prev = prev2  # "may soon deploy", "will probably meet"
        if (
            prev in _MODAL
            or prev in ("did", "do", "does", "not", "n't", "never")
            or prev in PRONOUNS - {"it"}
        ):
            return True, True
        if (
            prev.endswith("s")
            and not prev.endswith("ss")
            and toks[i - 1].text[:1].islower()
            and len(prev) > 3
        ):
            return True, True  # "Russian forces continue"
        return False, False
    if form == "s":
        # "Russia warns" is a verb, "Russian forces continue" and "media reports" are nouns.
        if nxt is not None and nxt.text[:1].islower() and verb_forms().get(nxt.lower) and nxt.lower != "down":
            return False, False
        before = toks[i - 1] if i > 0 else None
        if before is None or not (
            before.text[:1].isupper()
            or before.lower in ("he", "she", "it", "who", "which", "that", "also", "now")
        ):
            return False, False
        return True, True
    if form == "past" and prev in (
        "when",
        "if",
        "once",
        "while",
        "though",
        "although",
        "unless",
        "until",
        "as",
    ):
        return False, False  # "when asked": a reduced clause with no subject of its own
    if (
        form == "past"
        and prev
        and prev[0].isdigit()
        and toks[i].lower in _CASUALTIES
        and (nxt is None or nxt.lower != "by")
    ):
        return True, False  # "843 injured": a toll, told as a happening with no subject
    if form == "past" and prev and (prev[0].isdigit() or prev in ("by",)):
        return False, False  # "60 downed by ...": a reduced relative, not a new clause
    return True, True


def _modality(toks: list[Token], i: int, in_quote: bool) -> Modality:
    window = [t.lower for t in toks[max(0, i - 4) : i]]
    if any(w in MODALS_POSSIBLE or w in ("must", "should", "if", "whether", "unless") for w in window):
        return Modality.POSSIBLE
    if any(w in ("will", "'ll", "shall", "would", "wo") for w in window) or "going" in window:
        return Modality.PLANNED
    if any(w in NEGATIONS for w in window[-2:]):
        return Modality.NEGATED
    return Modality.REPORTED if in_quote else Modality.ASSERTED


def _triggers(region: Region) -> list[Trigger]:
    toks = region.tokens
    nouns = noun_forms()
    compound = frozenset(events_data()["roles"]["compound_heads"])
    out: list[Trigger] = []
    for i, tok in enumerate(toks):
        if tok.lower == "dead" and i > 0 and toks[i - 1].lower[:1].isdigit():
            # "222 dead": a toll, the deaths told as a happening
            out.append(Trigger(i, tok.start, tok.end, "die", "harm", False, False))
            continue
        found = False
        for lemma, cls, form, particle in _verb_readings(toks, i):
            is_verb, finite = _classify_verb(toks, i, form)
            if is_verb:
                trig = Trigger(
                    i,
                    tok.start,
                    tok.end,
                    lemma,
                    cls,
                    False,
                    finite,
                    _modality(toks, i, region.quote is not None),
                )
                if particle:
                    trig.particle_end = toks[i + 1].end
                out.append(trig)
                found = True
                break
        if found:
            continue
        if tok.lower in nouns:
            nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
            adjacent = i + 1 < len(toks) and not region.sentence.text[
                tok.end - region.sentence.start : toks[i + 1].start - region.sentence.start
            ].strip()
            if adjacent and (nxt in compound or (nxt in nouns and nxt not in ("of",))):
                continue  # a modifier: "air raid alerts", "attack drones" (not "murder, kidnapping")
            lemma, cls = nouns[tok.lower]
            out.append(Trigger(i, tok.start, tok.end, lemma, cls, True, False))
    return out


@cache
def _intent_words() -> frozenset[str]:
    return frozenset(lexicon()["intent"]["words"])


def _nonfinite_draft(
    doc: Document, region: Region, trig: Trigger, finite_idx: list[int], times: list[TimeMention]
) -> Draft | None:
    """An event told by an infinitive or a participle ("forced to walk", "disabling autopilot"): its clause
    runs from the verb to the next boundary; it has no subject of its own. What governs it sets whether it
    happened: "plans to build" is planned, "failed to stop" negated."""
    toks = region.tokens
    i = trig.tok
    nxt = [f for f in finite_idx if f > i]
    right = _right_boundary(doc, region, i, nxt[0] if nxt else len(toks))
    clause = (trig.start, max(right, trig.particle_end or trig.end))
    modality = trig.modality
    prev = toks[i - 1].lower if i > 0 else ""
    if prev in ("and", "or"):
        # "plans to build a plant and open a store": the second infinitive is governed as the first.
        first_to = next((j for j in range(i - 2, max(-1, i - 8), -1) if toks[j].lower == "to"), None)
        if first_to is not None:
            i, prev = first_to + 1, "to"
    if prev == "to":
        governor = " ".join(t.lower for t in toks[max(0, i - 3) : i - 1])
        gov = toks[i - 2].lower if i > 1 else ""
        if gov in ("failed", "refused", "declined") or re.search(r"\b(?:not|never|n't)\b", governor):
            modality = Modality.NEGATED
        elif gov in _intent_words() or governor.endswith("in order") or gov in ("to", "for"):
            modality = Modality.PLANNED if modality == Modality.ASSERTED else modality
    i = trig.tok
    d = Draft(trig, region, clause, (trig.start, trig.start), set(), None, modality)
    obj_end = min(clause[1], _object_end(doc, toks, i))
    d.participants = _participants(doc, region, trig.start, obj_end, None)
    return d


_CASUALTIES = frozenset(["killed", "injured", "wounded", "hurt", "hospitalized", "hospitalised"])
_PREPOSITIONS = frozenset(
    ["from", "of", "by", "with", "in", "on", "at", "for", "into", "over", "under", "after", "before", "to"]
)


def _bounds_a_clause(toks: list[Token], i: int) -> bool:
    """Whether the participle or infinitive at i takes words after it as its own (so that a later verb's
    subject starts after them): not a noun in disguise ("Russian shelling killed", "from falling drones")."""
    if toks[i].lower in noun_forms():
        return False
    prev = toks[i - 1].lower if i > 0 else ""
    return prev not in _PREPOSITIONS - {"to"} and prev not in noun_markers()


_PHRASE_HEADS = _PREPOSITIONS | {"during", "amid", "following", "about", "against", "between", "over"}


def _in_phrase(doc: Document, n: Draft) -> bool:
    """Whether the noun phrase of nominal draft n stands after a preposition ("over the police shooting",
    "during a Tuesday raid")."""
    toks = n.region.tokens
    for j in range(n.trig.tok - 1, max(-1, n.trig.tok - 6), -1):
        if toks[j].lower in _PHRASE_HEADS:
            return True
        if "," in doc.text[toks[j].end : toks[j + 1].start] or toks[j].lower in SUBORDINATORS:
            return False
    return False


def _is_past(toks: list[Token], i: int) -> bool:
    """Whether the verb at i is told in the simple past ("stepped", "went", "was shot")."""
    readings = verb_forms().get(toks[i].lower) or []
    general = None if readings else open_verb(toks[i].lower)
    forms = {r.form for r in readings} | ({general.form} if general else set())
    return "past" in forms and draft_tense(toks, i, "past") == "past"


def _is_boundary_word(toks: list[Token], j: int, stops: frozenset[int]) -> bool:
    low = toks[j].lower
    if j in stops:
        return True  # a reporting verb: what follows it is its complement clause
    if len(toks[j].text) > 1 and toks[j].text.isupper():
        return False  # an acronym: "the World Health Organisation (WHO) stated", not "who"
    if low in ("and", "but", "or"):
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        return nxt is not None and (nxt.lower in PRONOUNS or bool(verb_forms().get(nxt.lower)))
    if low == "as":
        prev = toks[j - 1].lower if j > 0 else ""
        return prev not in ("such", "well", "described", "describes", "known", "same")
    return low in SUBORDINATORS and low != "so"


def _attribution_start(doc: Document, region: Region, i: int) -> int | None:
    """For a reporting verb placed after what it reports ("..., officials said."), the token index where
    its short subject starts (just after the comma), else None."""
    toks = region.tokens
    for j in range(i - 1, max(-1, i - 9), -1):
        between = doc.text[toks[j].end : toks[j + 1].start]
        if "," in between:
            rest = doc.text[toks[i].end : region.end]
            # Only a few words may follow ("..., officials said late on Thursday."): with more, the verb
            # has its complement after it ("On Thursday, the WHO stated the outbreak was an emergency").
            short = re.fullmatch(r"\s*(?:[\w.'’]+\s*){0,4}[.!?\"”]*\s*", rest)
            if short and j + 1 < i and not any(w.lower() in _AUX for w in re.findall(r"[\w']+", rest)):
                return j + 1
            return None
    return None


def _left_boundary(doc: Document, region: Region, i: int, stops: frozenset[int] = frozenset()) -> int:
    """Token index where the clause of token i begins."""
    toks = region.tokens
    j = i - 1
    while j >= 0:
        between = doc.text[toks[j].end : toks[j + 1].start] if j + 1 < len(toks) else ""
        if CLAUSE_PUNCT.search(between):
            return j + 1
        if _is_boundary_word(toks, j, stops):
            return j + 1
        j -= 1
    return 0


def _right_boundary(doc: Document, region: Region, i: int, stop_at: int) -> int:
    """Character offset where the clause of token i ends."""
    toks = region.tokens
    for j in range(i + 1, min(stop_at, len(toks))):
        between = doc.text[toks[j - 1].end : toks[j].start]
        if CLAUSE_PUNCT.search(between) or _is_boundary_word(toks, j, frozenset()):
            return toks[j - 1].end
    last = min(stop_at, len(toks)) - 1
    return toks[last].end if last >= 0 else region.end


def _past_or_dated(
    doc: Document, toks: list[Token], i: int, clause: tuple[int, int], times: list[TimeMention]
) -> bool:
    reading = verb_forms().get(toks[i].lower) or []
    if any(r.form == "past" for r in reading):
        return True
    return _has_time_between(times, clause[0], clause[1])


def _object_end(doc: Document, toks: list[Token], i: int) -> int:
    """End of the words right after a verb that name who it was done to or with (up to 6 words or a
    preposition other than with/to)."""
    end = toks[i].end
    for t in toks[i + 1 : i + 7]:
        if t.lower in (
            "about",
            "in",
            "on",
            "at",
            "for",
            "from",
            "over",
            "during",
            "after",
            "before",
            "including",
            "that",
            "as",
            "by",
        ):
            break
        end = t.end
    return end


def _participants(doc: Document, region: Region, a: int, b: int, speaker: str | None) -> set[str]:
    # the tokens of [a, b) by bisection (a scan of the region for each event was quadratic in a sentence
    # of thousands of events)
    lo = bisect.bisect_left(region.tokens, a, key=lambda t: t.start)
    hi = bisect.bisect_left(region.tokens, b, key=lambda t: t.start)
    toks = [t for t in region.tokens[lo:hi] if t.end <= b]
    people = {n for _, _, n in names(toks, region.sentence.start)}
    if region.quote is not None and speaker and any(t.lower in ("we", "i") for t in toks):
        people.add(speaker)
    return people


# Punctuation between two words that ends a noun phrase. The patterns of the functions called per trigger are
# compiled once here: `re.search(pattern, ...)` looks its pattern up in re's cache at every call, thousands
# of times per article.
_NP_BREAK = re.compile(r"[,;:()\"“”]")


def _np_bounds(region: Region, i: int) -> tuple[int, int]:
    """The noun phrase around nominal trigger i: back over modifiers and a possessor, on over
    "with/between/of/on" + names."""
    toks = region.tokens
    j = i
    while j > 0:
        prev = toks[j - 1]
        if _NP_BREAK.search(
            region.sentence.text[prev.end - region.sentence.start : toks[j].start - region.sentence.start],
        ):
            break
        if prev.lower in SUBORDINATORS or prev.lower in (
            "in",
            "on",
            "at",
            "by",
            "from",
            "to",
            "for",
            "over",
            "about",
            "with",
            "against",
            "into",
        ):
            break
        if (
            verb_forms().get(prev.lower)
            and prev.lower not in noun_markers()
            and not prev.text[0].isupper()
            and not prev.lower.endswith(("'s", "’s"))
        ):
            break  # a verb before the noun phrase ends it
        j -= 1
        if i - j > 8:
            break
    k = i
    while (
        k + 1 < len(toks)
        and toks[k + 1].lower in ("with", "between", "and")
        and k + 2 < len(toks)
        and (toks[k + 2].text[0].isupper() or toks[k + 2].lower in ("president",))
    ):
        k += 2
        while k + 1 < len(toks) and toks[k + 1].text[0].isupper():
            k += 1
    return toks[j].start, toks[k].end


# Prepositions that attach a phrase to the noun before them ("a call between the two presidents on
# Thursday"); "after", "before", "since" and the like instead name another event, whose time it is.
_NOUN_ATTACHMENTS = frozenset(
    {"of", "between", "with", "among", "on", "in", "at", "from", "to", "against", "over", "by"}
    | {"for", "about"}
)


def _np_with_attachments(region: Region, i: int) -> tuple[int, int]:
    """The noun phrase of nominal trigger i with the prepositional phrases that follow it ("a call
    between the two presidents on Thursday"), up to punctuation, a verb, a clause word or a
    preposition that names another event ("after the strike")."""
    a, b = _np_bounds(region, i)
    toks = region.tokens
    k = next((j for j in range(i, len(toks)) if toks[j].end >= b), i)
    j = k + 1
    in_phrase = False
    while j < len(toks) and j - k <= 10:
        t = toks[j]
        gap = region.sentence.text[toks[j - 1].end - region.sentence.start : t.start - region.sentence.start]
        if re.search(r"[,;:()\"“”—–-]", gap):
            break
        low = t.lower
        if low in _NOUN_ATTACHMENTS:
            in_phrase = True
        else:
            clause_word = low in SUBORDINATORS or low in ("that", "which", "who", "whom", "whose")
            joins_clauses = low in ("and", "or") and not (j + 1 < len(toks) and toks[j + 1].text[0].isupper())
            verb = (
                bool(verb_forms().get(low))
                and low not in noun_forms()
                and low not in noun_markers()
                and not t.text[0].isupper()
            )
            if not in_phrase or clause_word or joins_clauses or verb:
                break
        b = t.end
        j += 1
    return a, b


def _speaker_of(
    doc: Document, region: Region, subject: tuple[int, int], last_speaker: str | None
) -> str | None:
    lo = bisect.bisect_left(region.tokens, subject[0], key=lambda t: t.start)
    hi = bisect.bisect_left(region.tokens, subject[1], key=lambda t: t.start)
    toks = [t for t in region.tokens[lo:hi] if t.end <= subject[1]]
    if any(t.lower in ("he", "she") for t in toks) and len(toks) <= 2:
        return last_speaker
    # A short subject is the attribution a reader wants as written: "Ukraine's Air Force",
    # "Kremlin spokesperson Dmitry Peskov", "Ukrainian authorities".
    text = doc.text[subject[0] : subject[1]].strip(" ,")
    text = re.sub(r"^(?:and|but|the|a|an|also)\s+", "", text, flags=re.I)
    text = re.sub(r"\s+(?:also|then|later|again)$", "", text)
    if toks and len(text.split()) <= 6 and any(t.text[0].isupper() for t in toks):
        return text
    found = names(toks, region.sentence.start)
    if found:
        return found[-1][2]
    words = [
        t.text
        for t in toks
        if t.text[0].isupper()
        or t.lower in ("authorities", "officials", "residents", "police", "military", "ministry")
    ]
    return " ".join(words) if words else None


SPEAKER_REACH = 300  # characters either side of a quote where its speaker is looked for


def quote_speakers(doc: Document) -> None:
    """Who said each quote: the name next to a reporting verb in the words around it ("X said:",
    "..., said X", "X described it as '...'"); "he"/"she" is the last speaker named."""
    reporting = frozenset(events_data()["roles"]["reporting"])
    last: str | None = None
    # Each sentence's words outside quotes, made once, and only the part near the quote looked at:
    # rebuilding and scanning whole sentences for every quote was quadratic in a sentence with thousands of
    # quotes.
    outside: dict[int, list[Token]] = {}
    for q in doc.quotes:
        sents = {q.sentence, doc.sentence_at(max(q.start, q.end - 1)).index}
        frame: list[Token] = []
        for si in sorted(sents):
            if si not in outside:
                outside[si] = [t for t in doc.sentences[si].tokens if doc.quote_at(t.start) is None]
            words = outside[si]
            lo = bisect.bisect_left(words, q.start - SPEAKER_REACH, key=lambda t: t.start)
            hi = bisect.bisect_right(words, q.end + SPEAKER_REACH, key=lambda t: t.start)
            frame += words[lo:hi]
        speaker = None
        for k, tok in enumerate(frame):
            readings = verb_forms().get(tok.lower)
            if not readings or not any(r.lemma in reporting for r in readings):
                continue
            before = [t for t in frame[:k] if t.end <= tok.start]
            after = frame[k + 1 : k + 6]
            found = names(before[-8:], 0)
            if found:
                speaker = found[-1][2]
            elif before and before[-1].lower in ("he", "she"):
                speaker = last
            else:
                found = names(after, 0)
                speaker = (
                    found[0][2] if found else (last if after and after[0].lower in ("he", "she") else None)
                )
            if speaker:
                break
        q.speaker = speaker
        last = speaker or last


def extract(
    doc: Document,
    article_id: str,
    mentions: list[TimeMention],
    publication: TimeMention | None = None,
) -> tuple[list[Event], list[Relation]]:
    """Events and signal relations of one article, with each event's governing time mention.

    With `publication` (the publication day as a time mention), events the text gives no time of their
    own are dated from the narrative (see `_inherit_times`); without it they keep `time` None."""
    drafts: list[Draft] = []
    last_speaker: str | None = None
    quote_speakers(doc)
    reporting = frozenset(events_data()["roles"]["reporting"])
    light = frozenset(events_data()["roles"]["light_verbs"])
    aspectual: dict[str, str] = events_data()["aspectual"]

    for sent in doc.sentences:
        for region in _regions(doc, sent):
            trigs = _triggers(region)
            toks = region.tokens
            finite_idx = sorted(t.tok for t in trigs if not t.nominal and t.finite)
            stops = frozenset(t.tok for t in trigs if not t.nominal and t.finite and t.lemma in reporting)
            reporting_at = {t.tok for t in trigs if not t.nominal and t.finite and t.lemma in reporting}
            # Where each verb's words end (its particle included): a clause does not reach back over the
            # verb before it ("released a report Wednesday alleging clergy members ... abused": the
            # subject of "abused" starts after "alleging").
            verb_ends = sorted(
                t.tok + (1 if t.particle_end is not None else 0)
                for t in trigs
                if not t.nominal and (t.finite or _bounds_a_clause(toks, t.tok))
            )

            def clause_start(
                i: int,
                region: Region = region,
                stops: frozenset[int] = stops,
                reporting_at: set[int] = reporting_at,
                verb_ends: list[int] = verb_ends,
            ) -> int:
                left = _left_boundary(doc, region, i, stops)
                if i in reporting_at:
                    attribution = _attribution_start(doc, region, i)
                    if attribution is not None:
                        return attribution
                k = bisect.bisect_left(verb_ends, i) - 1
                if k >= 0 and verb_ends[k] + 1 > left:
                    left = verb_ends[k] + 1
                    # "... moved the peace process forward, Trump responded": the subject follows the comma.
                    toks = region.tokens
                    for j in range(i - 1, left - 1, -1):
                        if "," in doc.text[toks[j - 1].end : toks[j].start]:
                            left = j
                            break
                return left

            region_drafts: list[Draft] = []
            for trig in trigs:
                i = trig.tok
                if not trig.nominal and not trig.finite:
                    if region.quote is None:
                        d = _nonfinite_draft(doc, region, trig, finite_idx, mentions)
                        if d is not None:
                            region_drafts.append(d)
                    continue
                if trig.nominal:
                    a, b = _np_bounds(region, i)
                    first = toks[bisect.bisect_left(toks, a, key=lambda t: t.start)]
                    definite = first.lower in DEFINITE or (
                        first.lower.endswith(("'s", "’s")) and first.text[0].islower()
                    )
                    speaker = region.quote.speaker if region.quote else None
                    d = Draft(
                        trig,
                        region,
                        (a, b),
                        (a, a),
                        set(),
                        speaker,
                        Modality.REPORTED if region.quote else Modality.ASSERTED,
                        definite=definite,
                        eventive=False,
                    )
                    d.participants = _participants(doc, region, a, b, speaker)
                    region_drafts.append(d)
                    continue
                left = clause_start(i)
                nxt = finite_idx[bisect.bisect_right(finite_idx, i) :]
                stop = nxt[0] if nxt else len(toks)
                if nxt:
                    stop = max(i + 1, clause_start(nxt[0]))
                right = _right_boundary(doc, region, i, stop)
                subj = (toks[left].start, trig.start)
                clause = (toks[left].start, max(right, trig.particle_end or trig.end))
                speaker = region.quote.speaker if region.quote is not None else None
                if region.quote is not None and not _past_or_dated(doc, toks, i, clause, mentions):
                    continue  # present-tense talk inside a quote ("Russia is showing ...") is not an event
                d = Draft(trig, region, clause, subj, set(), speaker, trig.modality)
                if left > 0 and toks[left - 1].lower in ("if", "whether", "unless"):
                    d.eventive = False  # "asked if the discussion moved ...": a question, not a happening
                # Who took part: the subject, and whoever the verb is "with" or done to next.
                obj_end = min(clause[1], _object_end(doc, toks, i))
                d.participants = _participants(doc, region, subj[0], obj_end, speaker)
                if (
                    region.quote is None
                    and left > 0
                    and toks[left - 1].lower in ("and", "but")
                    and region_drafts
                ):
                    prev_d = region_drafts[-1]
                    if (
                        not prev_d.trig.nominal
                        and prev_d.trig.lemma not in reporting
                        and trig.lemma not in reporting
                        and prev_d.clause[1] >= toks[left - 1].start - 2
                    ):
                        if prev_d.trig.cls == trig.cls:
                            # "killed one person and injured 23 others": one event told by two verbs of
                            # one kind; the second verb is one more trigger of it.
                            prev_d.clause = (prev_d.clause[0], clause[1])
                            d.joins = prev_d
                            d.eventive = False
                        elif (
                            toks[left - 1].lower == "and"
                            and _is_past(toks, i)
                            and _is_past(region.tokens, prev_d.trig.tok)
                        ):
                            # "left a stove on and stepped outside": two things done, told in the order
                            # they were done.
                            d.extra_relations.append(("then", prev_d))
                if trig.lemma in reporting and region.quote is None:
                    sp = _speaker_of(doc, region, subj, last_speaker)
                    if sp:
                        last_speaker = sp
                    d.speaker = sp
                    d.has_quote = _quote_near(doc, trig.start, trig.end)
                region_drafts.append(d)
            drafts.extend(region_drafts)

    _link_clauses(doc, drafts, reporting, light, aspectual, mentions)
    _manner_participles(doc, drafts, reporting | light | frozenset(aspectual))
    _causes(doc, drafts)
    events = _corefer(doc, article_id, drafts, mentions)
    _attach_times(doc, drafts, events, mentions)
    relations = _signals(doc, article_id, drafts)
    if publication is not None:
        relations += _inherit_times(doc, article_id, drafts, mentions, publication)
    relations += _about(article_id, drafts)
    relations += _consequences(article_id, drafts)
    events = [e for e in events if e.mentions]
    drafts_of: dict[int, list[Draft]] = {}
    for d in drafts:
        if d.event is not None:
            drafts_of.setdefault(id(d.event), []).append(d)
    for e in events:
        _finish(doc, e, drafts_of.get(id(e), []), mentions)
    return events, relations


def _response_verbs() -> frozenset[str]:
    return frozenset(events_data()["roles"].get("response_verbs", []))


# How far (characters) a reporting verb looks for the clause it reports, before or after it.
LINK_REACH = 600


def _link_clauses(
    doc: Document,
    drafts: list[Draft],
    reporting: frozenset[str],
    light: frozenset[str],
    aspectual: dict[str, str],
    times: list[TimeMention],
) -> None:
    """Light and aspectual verbs give their clause to the event noun they carry; reporting verbs fold
    into the event they report unless they are news themselves."""
    by_region: dict[int, list[Draft]] = {}
    for d in drafts:
        by_region.setdefault(id(d.region), []).append(d)
    for group in by_region.values():
        # the group's nouns in text order, found by bisection (a scan per verb was quadratic)
        nouns = sorted((n for n in group if n.trig.nominal), key=lambda n: n.trig.start)
        noun_starts = [n.trig.start for n in nouns]
        trig_starts = [x.trig.start for x in group]

        def nouns_between(
            a: int, b: int, nouns: list[Draft] = nouns, starts: list[int] = noun_starts
        ) -> list[Draft]:
            return nouns[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]

        for k, d in enumerate(group):
            if d.trig.nominal:
                continue
            # Aspectual and light verbs: the event noun right before (subject) or after (object).
            if d.trig.lemma in aspectual or d.trig.lemma in light:
                subj_nouns = nouns_between(d.subject[0], d.trig.start)
                obj_nouns = nouns_between(d.trig.end, d.clause[1])
                carrier = None
                if d.trig.lemma in aspectual and subj_nouns:
                    # The subject's head, not a noun inside a phrase that modifies it: "Unrest over the
                    # police shooting ... during a Tuesday raid ... continued" is the unrest.
                    heads = [n for n in subj_nouns if not _in_phrase(doc, n)]
                    carrier = (heads or subj_nouns)[-1]
                    d.point = aspectual[d.trig.lemma]
                elif d.trig.lemma in light and obj_nouns and d.trig.lemma not in aspectual:
                    carrier = obj_nouns[0]
                elif d.trig.lemma in light and subj_nouns:
                    carrier = subj_nouns[-1]
                if carrier is not None:
                    carrier.eventive = True
                    carrier.point = d.point
                    carrier.clause = (
                        min(carrier.clause[0], d.clause[0]),
                        max(carrier.clause[1], d.clause[1]),
                    )
                    carrier.modality = d.modality
                    carrier.participants |= d.participants
                    d.eventive = False
                    d.complement_of = carrier  # the verb's clause belongs to the noun's event
                    continue
            # A verb that answers an event ("identified the first death", "extinguishing a fire") does not
            # fold the event its object names: that came first.
            if d.trig.lemma in _response_verbs():
                obj = [n for n in group if n.trig.nominal and d.trig.end <= n.trig.start < d.clause[1]]
                if obj and not _has_time_between(times, d.trig.end, obj[0].trig.start):
                    obj[0].eventive = True
                    d.extra_relations.append(("caused_by", obj[0]))
                    # "returning to find a pot ablaze": what one comes back to find was there before the
                    # coming back too.
                    for v in group:
                        if (
                            not v.trig.nominal
                            and v is not d
                            and re.fullmatch(r"\s+to\s+", doc.text[v.trig.end : d.trig.start])
                        ):
                            v.extra_relations.append(("caused_by", obj[0]))
            # Nominal subjects of other verbs ("the aerial attack killed") are events in their own right.
            for n in nouns_between(d.subject[0], d.trig.start):
                if n.definite:
                    n.eventive = True
                    d.extra_relations.append(("caused_by", n))
            if d.trig.lemma in reporting:
                # The reported clause starts right after the verb (or its "that").
                # (only the drafts near the verb are looked at: a scan of the whole group for every reporting
                # verb was quadratic in a sentence of thousands of events)
                window_end = bisect.bisect_right(trig_starts, d.trig.end + LINK_REACH)
                later = [
                    x
                    for x in group[k + 1 : max(k + 1, window_end)]
                    if not x.trig.nominal and x.eventive and d.trig.end <= x.subject[0] <= d.trig.end + 7
                ]
                inner = later[0] if later else None
                if inner is None:
                    # "Drones hit Kyiv overnight, officials said": the report comes after what it reports.
                    window_start = bisect.bisect_left(trig_starts, d.trig.start - LINK_REACH)
                    earlier = [
                        x
                        for x in group[window_start:k]
                        if not x.trig.nominal
                        and x.eventive
                        and x.complement_of is None
                        and x.trig.lemma not in reporting
                        and re.fullmatch(r"[\s,]*", doc.text[x.clause[1] : d.subject[0]])
                    ]
                    inner = earlier[-1] if earlier else None
                if inner is not None:
                    inner.speaker = d.speaker or inner.speaker
                    if inner.modality == Modality.ASSERTED:
                        inner.modality = Modality.REPORTED
                    inner.complement_of = d
                # A statement is news of its own (who said what, when): it stays an event, and what it
                # reports began before it or as it was said.
                d.eventive = True
                if inner is not None and inner.modality in (Modality.ASSERTED, Modality.REPORTED):
                    d.extra_relations.append(("reports", inner))
    # "according to X" names the speaker of the clause before it (searched once a sentence).
    according: dict[int, re.Match[str] | None] = {}
    for d in drafts:
        key = id(d.region.sentence)
        if key not in according:
            according[key] = _ACCORDING.search(d.region.sentence.text)
        m = according[key]
        if m and d.speaker is None and not d.trig.nominal and d.region.quote is None:
            d.speaker = m.group(1).strip()
            if d.modality == Modality.ASSERTED:
                d.modality = Modality.REPORTED


def _causes(doc: Document, drafts: list[Draft]) -> None:
    """A noun a cause phrase names ("closed due to business troubles", "cancelled because of a strike") is
    an event of its own, and the verb told before it in its sentence comes after it."""
    last_verb: dict[int, Draft] = {}
    for d in sorted(drafts, key=lambda x: x.trig.start):
        key = id(d.region)
        if not d.trig.nominal:
            if d.eventive or d.complement_of is None:
                last_verb[key] = d
            continue
        v = last_verb.get(key)
        if v is not None and _CAUSE.search(doc.text, max(v.trig.end, d.trig.start - 40), d.trig.start):
            d.eventive = True
            v.extra_relations.append(("caused_by", d))


def _manner_participles(doc: Document, drafts: list[Draft], carriers: frozenset[str]) -> None:
    """An -ing participle right after a finite verb, with no comma between ("died extinguishing a fire"),
    tells what was going on when that happened: the verb's event happens during the participle's.
    After a comma ("struck the coast, killing 222") it tells a result, which the telling order keeps."""
    by_region: dict[int, list[Draft]] = {}
    for d in drafts:
        if not d.trig.nominal:
            by_region.setdefault(id(d.region), []).append(d)
    for group in by_region.values():
        at = {d.trig.tok: d for d in group}
        for n in group:
            if n.trig.finite or n.trig.tok == 0 or not n.trig.lemma or n.region.quote is not None:
                continue
            toks = n.region.tokens
            if not toks[n.trig.tok].lower.endswith("ing"):
                continue
            v = at.get(n.trig.tok - 1)
            if v is None or not v.trig.finite or v.trig.lemma in carriers or v.modality != n.modality:
                continue
            if doc.text[toks[n.trig.tok - 1].end : toks[n.trig.tok].start].strip():
                continue  # a comma or a dash between
            v.extra_relations.append(("during", n))


_ACCORDING = re.compile(r"according to ([^,.;]+)")


def _has_time_between(times: list[TimeMention], a: int, b: int) -> bool:
    """Whether a DATE or TIME mention starts in [a, b); `times` are in text order (the tagger's)."""
    i = bisect.bisect_left(times, a, key=lambda m: m.start)
    while i < len(times) and times[i].start < b:
        if times[i].type in ("DATE", "TIME"):
            return True
        i += 1
    return False


def _same_people(a: set[str], b: set[str]) -> bool:
    def last(n: str) -> str:
        return n.split()[-1].lower()

    la, lb = {last(x) for x in a}, {last(x) for x in b}
    common = la & lb
    return bool(common) and len(common) >= min(2, len(la), len(lb))


COREFER_REACH = 200  # events of one class a mention may point back over


def _corefer(doc: Document, article_id: str, drafts: list[Draft], times: list[TimeMention]) -> list[Event]:
    """Drafts to events: repeated mentions of one happening become one event.

    A noun (or a talk verb) joins an earlier event of its class told with the same people, or, when it
    is definite ("the call", "this attack") and names nobody new, the last event of its class. Only the
    classes listed in `roles.corefer_by_class` gather different words ("the assault" ... "the attack");
    in the others the same word must come back ("the investigation" ... "the investigation"). A bare noun
    that nothing makes an event of its own ("sustained damage", "ignited several fires") is one more
    trigger of the event whose clause it stands in; with no such clause it is an event of its own.
    """
    events: list[Event] = []
    of_kind: dict[str, list[Event]] = {}
    recent: dict[str, Event] = {}
    lemmas: dict[int, set[str]] = {}
    by_class = frozenset(events_data()["roles"]["corefer_by_class"])
    talk_like = {"talk"}
    pending: list[Draft] = []

    def key(cls: str, lemma: str) -> str:
        return cls if cls in by_class else f"{cls}:{lemma}"

    def add(d: Draft, target: Event) -> None:
        d.event = target
        target.mentions.append(
            Mention(
                article_id,
                d.region.sentence.index,
                (d.trig.start, d.trig.particle_end or d.trig.end),  # "stepped down": both words
                d.region.sentence.text,
                d.clause,
            )
        )
        for p in sorted(d.participants):
            if not any(p.split()[-1] == a.split()[-1] for a in target.actors):
                target.actors.append(p)
        lemmas.setdefault(id(target), set()).add(d.trig.lemma)

    def new_event(d: Draft) -> Event:
        e = Event(
            id="",
            title="",
            trigger=doc.text[d.trig.start : d.trig.end],
            kind=d.trig.cls,
            mentions=[],
            nominal=d.trig.nominal,
            modality=d.modality,
            speaker=d.speaker,
        )
        events.append(e)
        of_kind.setdefault(e.kind, []).append(e)
        return e

    for d in drafts:
        if d.joins is not None and d.joins.event is not None:
            add(d, d.joins.event)
            continue
        if not d.trig.nominal and not d.eventive:
            continue
        cls = d.trig.cls
        target: Event | None = None
        if d.trig.nominal or cls in talk_like:
            # Same class and the same people, or a definite noun with nobody named: an event told before.
            # The events of this class, latest first, and only the last few hundred: scanning every
            # event for every noun was quadratic in a long text.
            for e in reversed(of_kind.get(cls, [])[-COREFER_REACH:]):
                if cls not in by_class and d.trig.lemma not in lemmas.get(id(e), ()):
                    continue
                if d.participants and e.actors and _same_people(d.participants, set(e.actors)):
                    target = e
                    break
            k = key(cls, d.trig.lemma)
            if (
                target is None
                and d.trig.nominal
                and d.definite
                and k in recent
                and (not d.participants or not recent[k].actors)
            ):
                target = recent[k]
        np_start = _np_bounds(d.region, d.trig.tok)[0] if d.trig.nominal else 0
        if (
            target is None
            and d.trig.nominal
            and not d.eventive
            and not d.participants
            and not _has_time_between(times, *_np_bounds(d.region, d.trig.tok))
            # "injured following attacks": what a signal names is an event of its own
            and not _AFTER_SIGNAL.search(doc.text, max(0, np_start - 20), np_start)
        ):
            pending.append(d)
            continue
        if target is None:
            target = new_event(d)
        add(d, target)
        recent[key(cls, d.trig.lemma)] = target
    verbs_in: dict[int, list[Draft]] = {}
    for v in drafts:
        verbs_in.setdefault(id(v.region), []).append(v)
    for d in pending:
        hosts = [
            v
            for v in verbs_in.get(id(d.region), [])
            if v.event is not None
            and not v.trig.nominal
            and v.region is d.region
            and v.clause[0] <= d.trig.start < v.clause[1]
        ]
        if hosts:
            add(d, min(hosts, key=lambda v: abs(v.trig.start - d.trig.start)).event)  # type: ignore[arg-type]
        else:
            add(d, new_event(d))
    # Verbs folded into a noun's event point at that event too.
    for d in drafts:
        if d.event is None and d.complement_of is not None and d.complement_of.event is not None:
            d.event = d.complement_of.event
    return events


def _attach_times(
    doc: Document, drafts: list[Draft], events: list[Event], mentions: list[TimeMention]
) -> None:
    """Each mention takes the time expression of its own clause, nearest its trigger; an event takes the
    most precise time among its mentions."""
    reporting = frozenset(events_data()["roles"]["reporting"])
    pointlike = sorted((m for m in mentions if m.type in ("DATE", "TIME")), key=lambda m: m.start)
    point_starts = [m.start for m in pointlike]
    # Noun drafts by region: each verb looks only at the nouns of its own region (a scan of every draft
    # for every draft was quadratic).
    nouns_in: dict[int, list[Draft]] = {}
    np_spans: dict[int, list[tuple[Draft, tuple[int, int]]]] = {}
    for x in drafts:
        if x.trig.nominal:
            nouns_in.setdefault(id(x.region), []).append(x)
    # Verb clauses by start, so that each draft finds the clauses that start inside its own by bisection:
    # scanning every draft for every draft was quadratic in the events of a long article.
    by_clause = sorted(
        (x for x in drafts if x.event is not None and not x.trig.nominal), key=lambda x: x.clause[0]
    )
    clause_starts = [x.clause[0] for x in by_clause]
    for d in drafts:
        if d.event is None:
            continue
        a, b = d.clause
        if d.trig.nominal and d.complement_of is None:
            # "a call between the two presidents on Thursday": a time in the noun's own phrase, its
            # prepositional attachments included, is the noun's.
            a, b = _np_with_attachments(d.region, d.trig.tok)
        inside = [
            m
            for m in pointlike[bisect.bisect_left(point_starts, a) : bisect.bisect_left(point_starts, b)]
            if (d.region.quote is None) == (doc.quote_at(m.start) is None)
        ]
        # A time inside the clause of a folded verb or of an inner clause belongs to that clause.
        others = [
            x
            for x in by_clause[bisect.bisect_right(clause_starts, a) : bisect.bisect_left(clause_starts, b)]
            if x is not d and x.event is not d.event
        ]
        inside = [
            m
            for m in inside
            if not any(
                x.clause[0] <= m.start < x.clause[1]
                and abs(m.start - x.trig.start) < abs(m.start - d.trig.start)
                for x in others
            )
        ]
        if not d.trig.nominal and inside:
            # "this year's conference", "Thursday's call": a possessive time dates the noun it stands
            # before, not the clause's verb.
            # So does a time made an adjective: "reported third-quarter profit" dates the profit.
            inside = [
                m
                for m in inside
                if not re.match(r"['’]s\b", doc.text[m.end : m.end + 2])
                and not _ATTRIBUTIVE.search(m.text or "")
            ]
            # (the noun phrases of a region are found once: a sentence of thousands of events made this
            # quadratic)
            region_nps = np_spans.get(id(d.region))
            if region_nps is None:
                region_nps = np_spans[id(d.region)] = [
                    (x, _np_bounds(x.region, x.trig.tok)) for x in nouns_in.get(id(d.region), [])
                ]
            inside = [
                m
                for m in inside
                if not any(p <= m.start < q for x, (p, q) in region_nps if x.event is not d.event)
            ]
            if d.trig.lemma in reporting:
                # "On Friday, WHO stated the outbreak is now an emergency": a time after a reporting verb
                # is the saying's only right after it ("said on Friday", "announced Wednesday"); further
                # on it belongs to what is said.
                inside = [
                    m
                    for m in inside
                    if m.start < d.trig.start or _SAID_WHEN.fullmatch(doc.text[d.trig.end : m.start])
                ]
        if not inside:
            continue
        best = min(inside, key=lambda m: abs(m.start - d.trig.start))
        d.time = best
        e = d.event
        width = best.hi - best.lo
        if e.time is None or width < (e.time.hi - e.time.lo):
            e.time = best
            e.time_source = "same clause"


_ATTRIBUTIVE = re.compile(r"\w-(?:quarter|half|year|month|week|day)$", re.I)
_AFTER_SIGNAL = re.compile(
    r"\b(?:after|following|before|during|amid|since|until|ahead\s+of|prior\s+to)\s+$", re.I
)
_ORDERING = re.compile(r"\b(?:after|before|since|until|following|ahead\s+of|prior\s+to)\s+$", re.I)
_ASIDE = re.compile(r"\s[—–]\s[^—–]*\s[—–]\s|\([^()]*\)")
_TIME_LINK = re.compile(r"\b(?:as|while|when)\b", re.I)
# A cause phrase right before a noun, with at most two modifiers between: "due to business troubles".
_CAUSE = re.compile(
    r"\b(?:due\s+to|because\s+of|as\s+a\s+result\s+of|owing\s+to)"
    r"(?:\s+(?:the|a|an|his|her|its|their|this|that))?(?:\s+[\w'’-]+){0,2}\s+$",
    re.I,
)
_SAME_TIME_OPENING = re.compile(r"\s*(?:at\s+the\s+same\s+time|simultaneously)\s*,", re.I)
_SAID_WHEN = re.compile(r"\s*(?:(?:on|in|at|during|early|late|last|this)\s+)*", re.I)
_PERFECT_AUX = frozenset(["has", "have", "'s", "’s"])
_PRESENT_AUX = frozenset(["is", "are", "am", "'re", "’re", "does", "do"])


def draft_tense(toks: list[Token], i: int, form: str) -> str:
    """The tense and aspect a verb trigger is told in, from the auxiliaries before it: "future",
    "present" (present simple and progressive), "perfect" (present perfect: done by now), "pluperfect"
    (had done: before the story's time), "past", or "none" (an infinitive or a participle)."""
    before = [t.lower for t in toks[max(0, i - 4) : i]]
    # Adverbs and negations may stand between the auxiliary and the verb: "has also been", "had not".
    aux = [w for w in before if w in _AUX or w in _MODAL or w in _PRESENT_AUX or w in _PERFECT_AUX]
    last = aux[-1] if aux else ""
    if any(w in ("will", "'ll", "shall", "wo") for w in aux):
        return "future"
    if "had" in aux:
        return "pluperfect"
    if any(w in _PERFECT_AUX for w in aux) and form in ("past", "ing"):
        return "perfect"
    if last in _PRESENT_AUX:
        return "present"
    if last in ("was", "were", "did"):
        return "past"
    if form == "past":
        return "past"
    if form == "s":
        return "present"
    if form == "base" and before and before[-1] in ("i", "we", "you", "they"):
        return "present"
    return "none"


def _named_by_its_time(d: Draft) -> bool:
    """Whether a noun's time stands before it in its own noun phrase ("the November 27 agreement", "the
    2009 crash", "Thursday's call"): such a noun names a thing the reader knows by its date, background
    rather than the next step of the story, so the narrative does not move to its time."""
    if not d.trig.nominal or d.time is None or d.complement_of is not None:
        return False
    a, _ = _np_bounds(d.region, d.trig.tok)
    return a <= d.time.start < d.trig.start


def _inherit_times(
    doc: Document,
    article_id: str,
    drafts: list[Draft],
    mentions: list[TimeMention],
    publication: TimeMention,
) -> list[Relation]:
    """Dates for events the text gives no time of their own, from how news tells a story.

    - An event told in the present or present perfect ("has been shut down", "uses") holds at publication;
      a present progressive ("officials are investigating") is going on then, since a time not given.
    - A past event takes the time of its sentence when it shares the sentence with a dated event it is
      not reported by ("said yesterday as he inspected"), else the narrative's current time: the time of
      the last dated event told before it (Reichenbach's reference time, which a story moves forward as
      it names new times). Statements do not move it: a report's day is not the day of what it reports.
    - A past perfect event ("had been diagnosed") happened before that reference time: it gets no day,
      and a BEFORE relation to the reference event instead.
    - A new paragraph that names no time goes back to the lead's time, unless the story has since told a
      happening of an earlier year (its background) and has not come back to its present (an event told
      in the present tense) since: such a paragraph may go on with the background, and gets no day.
    - A past event told before any dated happening (a headline, the lead's first words) takes the time of
      the first dated happening: the lead.
    - A headline's present ("WHO warns of ...") tells the news: it takes the first time the lead paragraph
      gives a happening or a statement, else the publication day.
    - A sentence that opens "At the same time," is at the narrative's time, whatever its tense.
    - A noun dated inside its own noun phrase ("the November 27 agreement") does not move the narrative
      once the story has a lead: it names background the reader knows by its date.
    - Inside quotes, a simple past ("the roofing came down") takes the narrative's time; nothing else
      there gets a time, except in a quoted fragment of the narrator's own sentence ('offered "full
      support"'), which is dated as if unquoted.
    - Planned, possible and negated events keep no time, except what is told in the future tense ("will
      examine"): after publication (FUTURE_REF), on no day the text gives.
    Returns the relations this adds.
    """
    out: list[Relation] = []
    reporting = frozenset(events_data()["roles"]["reporting"])
    focus: Draft | None = None
    lead: Draft | None = None  # the story's own time: the first dated happening it tells
    _clocks_to_story_day(drafts, paragraphs_of(doc), publication, reporting, mentions)
    paragraphs = paragraphs_of(doc)
    # A first line with no end punctuation, followed by more, is a headline: it names the story, often
    # with a coarse time ("not guilty in 2009 crash"), and the lead sentence after it tells the news.
    first_line = doc.text.split("\n", 1)[0]
    headline_end = (
        len(first_line) if "\n" in doc.text and not re.search(r"[.!?\"”]\s*$", first_line) else -1
    )
    top = bisect.bisect_right(paragraphs, lead_paragraph(doc.text)[0])  # the lead's paragraph
    paragraph = -1
    away = False  # the last dated happening told is older than the story's time
    told_lead: Draft | None = None  # the first dated statement, for a story that dates nothing else
    spoken: Draft | None = None  # the last dated statement: when the story's statements are made
    returned = False
    before_lead: list[Draft] = []
    headline_present: list[Draft] = []
    told_by_verb = {id(d.event) for d in drafts if d.event is not None and not d.trig.nominal}
    # Drafts by sentence: an event looks for a dated neighbour in its own sentence only.
    in_sentence: dict[int, list[Draft]] = {}
    for x in sorted(drafts, key=lambda x: x.trig.start):
        in_sentence.setdefault(id(x.region.sentence), []).append(x)
    sentence_starts = {k: [x.trig.start for x in v] for k, v in in_sentence.items()}
    ordered = sorted(drafts, key=lambda x: x.trig.start)
    for d in ordered:
        e = d.event
        if e is None:
            continue
        here = bisect.bisect_right(paragraphs, d.trig.start)
        if here != paragraph:
            # A new paragraph that names no time of its own goes back to the story's time: background
            # told with its own date ("In April, ...") does not carry over. But once the text has gone
            # back to an earlier time ("In 2018, the office began ..."), a paragraph that names none is not
            # known to have returned: it may go on with the background, and gets no day from the story.
            paragraph, focus = here, (None if away else lead)
            returned = focus is not None  # the paragraph is at the lead's time only by going back to it
        told = d.trig.lemma in reporting or e.kind == "statement"
        if d.time is not None and d.time.value == "PRESENT_REF" and e.time is d.time:
            # "now", "currently": for an event, the day the article speaks from.
            e.time = dataclasses.replace(
                publication, start=d.time.start, end=d.time.end, text=d.time.text, rule=d.time.rule
            )
            e.time_source = "same clause: present = publication day"
            continue
        if d.time is not None:
            realis = d.modality in (Modality.ASSERTED, Modality.REPORTED) and d.time.hi <= publication.hi
            if (
                realis
                and lead is not None
                and lead.time is not None
                and d is not lead
                and not (math.isinf(d.time.lo) or math.isinf(d.time.hi))
                and not _named_by_its_time(d)
            ):
                # the text has gone back to an earlier year than the story's: its background (what
                # happened weeks before in the same year is most often the story's run-up, told as such)
                story = to_datetime(lead.time.lo)
                away = story is not None and d.time.hi <= to_minutes(datetime(story.year, 1, 1))
            if told and realis and not (math.isinf(d.time.lo) or math.isinf(d.time.hi)):
                told_lead = told_lead or d
                spoken = d
            if (
                not told
                and realis
                and not (math.isinf(d.time.lo) or math.isinf(d.time.hi))
                and not (lead is not None and _named_by_its_time(d))
            ):
                focus = d
                # The lead is what the story's first dated sentence tells last in time ("the police
                # shooting during a Tuesday raid ... continued last night": last night): the
                # background a lead mentions is older than its news.
                if (
                    lead is None
                    or (lead.trig.start < headline_end <= d.trig.start)
                    or (
                        d.region.sentence is lead.region.sentence
                        and lead.time is not None
                        and d.time.lo > lead.time.lo
                    )
                ):
                    lead = d
            continue
        # A quoted fragment woven into the narrator's sentence ('offered "full support to the
        # families"') is the narrator's clause: its nouns are dated as outside a quote.
        quote = d.region.quote
        fragment = (
            quote is not None
            and doc.text[quote.start : quote.start + 1].islower()
            # a quoted noun phrase, not a quoted clause ('to "restore supplies and impose sanctions"')
            and d.trig.nominal
            and _np_bounds(d.region, d.trig.tok)[0] <= quote.start + 1
        )
        if e.time is not None or (d.region.quote is not None and d.trig.nominal and not fragment):
            continue
        if d.trig.nominal and id(e) in told_by_verb:
            continue  # the verb's tense decides ("had passed an inspection")
        form = "past"
        if not d.trig.nominal:
            readings = verb_forms().get(d.region.tokens[d.trig.tok].lower) or []
            reading = next((r for r in readings if r.lemma == d.trig.lemma), None)
            general = open_verb(d.region.tokens[d.trig.tok].lower)
            form = reading.form if reading else (general.form if general else "past")
        tense = "past" if d.trig.nominal else draft_tense(d.region.tokens, d.trig.tok, form)
        if d.modality == Modality.PLANNED and tense == "future" and d.region.quote is None:
            # "the bill will become law once signed": what the story says is to come has not happened by
            # the time it is told: after publication, on no day the text gives
            e.time = _vague(publication, "FUTURE_REF", publication.lo, INF)
            e.time_source = "tense: after publication"
            continue
        if d.modality in (Modality.PLANNED, Modality.POSSIBLE, Modality.NEGATED):
            continue
        if tense == "future":
            continue
        if d.region.quote is not None and not fragment:
            # A witness telling in the simple past what happened ("The roofing came down") tells the
            # story's events at the story's time; anything else in a quote (nouns, present, perfect,
            # participles: "the extent of damage", "has been launched") keeps no time of its own.
            if (
                tense == "past"
                and form == "past"
                and focus is not None
                and focus.time is not None
                and d.modality in (Modality.ASSERTED, Modality.REPORTED)
            ):
                e.time, e.time_source = focus.time, "narrative"
            continue
        if (
            focus is not None
            and focus.time is not None
            and _SAME_TIME_OPENING.match(d.region.sentence.text)
        ):
            # "At the same time, X is loaned to Chelsea": the sentence is told at the time the story is
            # at, whatever its tense (a present here is the historic present of the news, not the day
            # the article is published).
            e.time, e.time_source = focus.time, "narrative"
            continue
        if tense == "perfect" and any(
            t.lower == "previously" for t in d.region.tokens[max(0, d.trig.tok - 3) : d.trig.tok]
        ):
            # "WHO have previously warned": done before the story's time, like a past perfect.
            tense = "pluperfect"
        if tense == "perfect" and here > top:
            # "has already postponed a visit", told below the lead: done by now, since the story's news
            # broke (the perfect tells what is new since then; background is told in the past, dated), on
            # a day the text does not give. At the top of a story the perfect is the news itself.
            since = lead.time.lo if lead is not None and lead.time is not None else -INF
            if since >= publication.lo:
                e.time, e.time_source = publication, "tense: publication day"
            else:
                e.time = _vague(publication, "PAST_REF", since, publication.hi)
                e.time_source = "tense: before publication"
            continue
        if tense == "present" and d.trig.start < headline_end:
            # "WHO warns of thousands of new cases": a headline's present is the news's, told as the lead
            # tells it (its day, after the loop), not a state on the day of publication
            headline_present.append(d)
            continue
        going_to = (  # "is going to reopen": a future, not something going on
            d.trig.lemma == "go"
            and d.trig.tok + 1 < len(d.region.tokens)
            and d.region.tokens[d.trig.tok + 1].lower == "to"
        )
        if tense == "present" and form == "ing" and not going_to:
            # "officials are investigating", "airlines are considering": going on as the story is told,
            # since a time the text does not give; not a happening of the publication day
            e.time = _vague(publication, "PRESENT_REF", -INF, publication.hi)
            e.time_source = "tense: ongoing at publication"
            away = False
            continue
        if tense in ("present", "perfect"):
            e.time, e.time_source = publication, "tense: publication day"
            away = False  # the narrator speaks from the story's present again
            continue
        if tense == "pluperfect":
            if focus is not None and focus.event is not None and focus.event is not e:
                out.append(
                    Relation(
                        _eid(e), _eid(focus.event), RelType.BEFORE, "", article_id, (0.0, INF), "start-start"
                    )
                )
            # "identified the first death of a patient who had been diagnosed": before what its own
            # sentence tells before it, too.
            told_before = {
                id(x.event): x.event
                for x in in_sentence.get(id(d.region.sentence), [])
                if x.trig.start < d.trig.start
                and x.event is not None
                and x.event is not e
                and (focus is None or x.event is not focus.event)
                and x.region.quote is None
                and x.modality in (Modality.ASSERTED, Modality.REPORTED)
            }
            for later in told_before.values():
                out.append(
                    Relation(_eid(e), _eid(later), RelType.BEFORE, "", article_id, (0.0, INF), "start-start")
                )
            continue
        # A dated neighbour is near: within a few hundred characters (a huge run-on "sentence" of a
        # malformed text would otherwise make this quadratic).
        pool = in_sentence.get(id(d.region.sentence), [])
        keys = sentence_starts.get(id(d.region.sentence), [])
        near_pool = pool[
            bisect.bisect_left(keys, d.trig.start - 600) : bisect.bisect_right(keys, d.trig.start + 600)
        ]
        # What a report tells as going on ("announced Wednesday they were closing", "announced reaching
        # an agreement") holds when it is said; so does what a time clause ties to it ("said yesterday as
        # he inspected"). A simple past it reports may be older ("told police yesterday he left a stove
        # on"): that goes by the narrative.
        concurrent = (d.trig.nominal and not d.definite) or tense == "none" or form == "ing"

        def may_date(x: Draft, d: Draft = d, concurrent: bool = concurrent) -> bool:
            if x.trig.lemma not in reporting and x is not d.complement_of:
                return True
            if x.trig.start > d.trig.start:
                return False
            between = doc.text[x.trig.end : d.trig.start]
            return concurrent or bool(_TIME_LINK.search(between) and not re.search(r"\bthat\b", between))

        same = [
            x
            for x in near_pool
            if x.time is not None
            and x is not d
            and x.region.sentence is d.region.sentence
            and x.region.quote is None
            and not (math.isinf(x.time.lo) or math.isinf(x.time.hi))
            and x.time.lo < publication.hi  # a past event is not dated by what is yet to come
            and may_date(x)
            # "came hours after a call on Thursday": an event ordered against another is not at its time.
            and not (
                x.trig.nominal
                and x.trig.start > d.trig.end
                and _ORDERING.search(doc.text[d.trig.end : _np_bounds(x.region, x.trig.tok)[0]])
            )
            and not (
                # "concluded that the November 27 agreement is void", "acquitted them of manslaughter in
                # the 2009 crash": a noun dated in its own phrase, told after the verb, is background the
                # verb speaks of, not its time (told before it, it frames it: "In the 2009 deal, ...")
                x.trig.start > d.trig.start
                and _named_by_its_time(x)
            )
        ]
        if same:
            near = min(same, key=lambda x: abs(x.trig.start - d.trig.start))
            assert near.time is not None
            e.time, e.time_source = near.time, "sentence"
            if _named_by_its_time(near) and not d.trig.nominal and not told:
                # "In the November 27 deal, Turkey and Libya agreed ...": a verb that the dated noun
                # frames tells that time as the story's, and the narrative moves there.
                focus = near
        elif (
            focus is not None
            and focus.time is not None
            and d.complement_of is not None
            and d.complement_of.time is not None
            and d.complement_of.region.sentence is d.region.sentence
            and focus.time.lo >= d.complement_of.time.hi
        ):
            # What was said happened by the time it was said: "In November, the UN reported gangs
            # controlled 60%" is not dated by a later narrative time.
            e.time, e.time_source = d.complement_of.time, "sentence"
        elif (
            told
            and returned
            and focus is lead
            and d.complement_of is None  # (what a statement reports happened when it happened)
            and spoken is not None
            and spoken.time is not None
            and focus is not None
            and focus.time is not None
            and spoken.time.lo > focus.time.lo
        ):
            # A statement told with no time of its own in a paragraph that went back to the lead is made
            # when the story's statements are: the day of the last statement it dated ("warned Friday
            # ...¶ Zelensky urged further sanctions"), not the day of the happening it reacts to
            e.time, e.time_source = spoken.time, "narrative"
        elif focus is not None and focus.time is not None:
            e.time, e.time_source = focus.time, "narrative"
        elif lead is None:
            before_lead.append(d)
    # A headline and whatever comes before the first dated happening tell the lead (news opens with it).
    # A story that dates no happening, only a statement ("On Friday, the WHO stated ..."), is told from
    # that statement's time.
    # Only the headline and the lead's own paragraph: paragraphs of background told before a story's
    # first dated happening give no day for a reader to rely on.
    lead = lead or told_lead
    # The headline's present tells what the lead paragraph opens with: the first time that paragraph
    # gives a happening or a statement ("Yesterday, Chelsea announced reaching an agreement"), whatever
    # background later paragraphs date.
    lead_end = lead_paragraph(doc.text)[1]
    opening = next(
        (
            x.event.time
            for x in ordered
            if headline_end <= x.trig.start < lead_end
            and x.event is not None
            and x.event.time is not None
            and x.event.time_source in (None, "same clause", "sentence")
            and x.modality in (Modality.ASSERTED, Modality.REPORTED)
            and x.event.time.value[:4].isdigit()  # a calendar time ("now" is no news's day)
            and not (math.isinf(x.event.time.lo) or math.isinf(x.event.time.hi))
            and x.event.time.hi <= publication.hi
        ),
        None,
    )
    for d in headline_present:
        assert d.event is not None
        if opening is not None:
            d.event.time, d.event.time_source = opening, "lead"
        else:
            d.event.time, d.event.time_source = publication, "tense: publication day"
    if lead is not None and lead.time is not None:
        leads_paragraph = bisect.bisect_right(paragraphs, lead.trig.start)
        for d in before_lead:
            if (
                d.event is not None
                and d.event.time is None
                and (
                    d.trig.start < headline_end
                    or bisect.bisect_right(paragraphs, d.trig.start) == leads_paragraph
                )
            ):
                d.event.time, d.event.time_source = lead.time, "lead"
    return out


_DAY_PRECISE = ("day", "part_of_day")


def _vague(publication: TimeMention, value: str, lo: float, hi: float) -> TimeMention:
    """A time told only against the moment of writing (PAST_REF: before publication, PRESENT_REF: going on
    at it, FUTURE_REF: after it), bounded by `lo` and `hi`: the publication's mention, with no day of its
    own."""
    return dataclasses.replace(publication, value=value, lo=lo, hi=hi, granularity="vague", rel_days=None)


def paragraphs_of(doc: Document) -> list[int]:
    """Where the article's paragraphs start (after each line break)."""
    return [m.start() for m in re.finditer(r"\n\s*\S", doc.text)]


def _clocks_to_story_day(
    drafts: list[Draft],
    paragraphs: list[int],
    publication: TimeMention,
    reporting: frozenset[str],
    mentions: list[TimeMention],
) -> None:
    """Clock times with no day of their own move to the day the story is at: the day last named for a
    happening in the paragraph, else the story's first such day. The moved time is the event's time too,
    marked as inferred ("narrative"): the text gives the hour, the story the day."""
    day_focus: TimeMention | None = None
    story_day: TimeMention | None = None
    paragraph = -1
    for d in sorted(drafts, key=lambda x: x.trig.start):
        e = d.event
        if e is None or d.time is None:
            continue
        here = bisect.bisect_right(paragraphs, d.trig.start)
        if here != paragraph:
            paragraph, day_focus = here, story_day
        if d.region.quote is None and day_focus is not None:
            moved = _clock_on_story_day(d.time, day_focus, mentions)
            if moved is not None:
                if e.time is d.time:
                    e.time, e.time_source = moved, "narrative"
                d.time = moved
                continue
        told = d.trig.lemma in reporting or e.kind == "statement"
        realis = d.modality in (Modality.ASSERTED, Modality.REPORTED) and d.time.hi <= publication.hi
        if not told and realis and d.time.granularity in _DAY_PRECISE and d.time.type == "DATE":
            day_focus = d.time
            story_day = story_day or d.time


def _clock_on_story_day(
    clock: TimeMention, day: TimeMention, mentions: list[TimeMention]
) -> TimeMention | None:
    """A clock time whose sentence names no day ("It was brought under control by 8:30pm") is read by the
    tagger on the publication day; in a story told in the past it is on the day the story is at. Returns
    the clock time moved to `day`, or None when it stays where it is."""
    if clock.anchor != AnchorKind.PREVIOUS or clock.granularity != "minute" or math.isinf(clock.lo):
        return None
    if clock.rel_days is None or day.rel_days is None or math.isinf(day.lo):
        return None
    i = bisect.bisect_left(mentions, clock.start, key=lambda m: m.start)
    earlier = mentions[max(0, i - 4) : i]
    if any(m.sentence == clock.sentence and m.granularity in _DAY_PRECISE for m in earlier):
        return None  # "On Saturday ... at 21:30": the tagger already put it on that day
    shift = day.rel_days - clock.rel_days
    if shift >= 0:
        return None  # only back into the story's past: a time after publication is not what it tells
    value = clock.value
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        moved = date(int(m.group(1)), int(m.group(2)), int(m.group(3))) + timedelta(days=shift)
        value = moved.isoformat() + value[10:]
    minutes = shift * 1440.0
    return dataclasses.replace(
        clock, value=value, lo=clock.lo + minutes, hi=clock.hi + minutes, rel_days=day.rel_days
    )


@cache
def _signal_re() -> re.Pattern[str]:
    words = sorted(
        (w for s in events_data()["signal"] for w in s["words"] if " " in w or w in ("after", "before")),
        key=len,
        reverse=True,
    )
    return re.compile(
        r"\b(?:just\s+|only\s+)?(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b",
        re.I,
    )


def _signals(doc: Document, article_id: str, drafts: list[Draft]) -> list[Relation]:
    out: list[Relation] = []
    reporting = frozenset(events_data()["roles"]["reporting"])
    signals = events_data()["signal"]
    table = []
    for s in signals:
        for w in s["words"]:
            gap = tuple(INF if g == "inf" else float(g) for g in s["gap"])
            table.append((w, s))
    table.sort(key=lambda x: -len(x[0]))
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w, _ in table) + r")\b", re.I
    )
    by_sentence: dict[int, list[Draft]] = {}
    for d in drafts:
        if d.event is not None:
            by_sentence.setdefault(d.region.sentence.index, []).append(d)
    for sent in doc.sentences:
        group = by_sentence.get(sent.index, [])
        if len(group) < 2:
            continue
        # Asides between dashes or in brackets ("testing positive for ostarine — a banned agent promoting
        # muscle growth — following his loss") are not what a signal ties.
        asides = [(a.start(), a.end()) for a in _ASIDE.finditer(doc.text, sent.start, sent.end)]
        for m in pattern.finditer(doc.text, sent.start, sent.end):
            word = re.sub(r"\s+", " ", m.group(1).lower())
            spec = next(s for w, s in table if w == word)
            outside = [
                d
                for d in group
                if not any(p <= d.trig.start < q and not p <= m.start() < q for p, q in asides)
                and not (d.trig.start <= m.start() < d.trig.end)  # "following" is the signal, not an event
            ]
            before = [
                d
                for d in outside
                if (d.trig.start < m.start() and not d.trig.nominal)
                or (
                    d.trig.nominal
                    and (d.eventive or (d.event is not None and d.event.nominal))
                    and d.trig.start < m.start()
                )
            ]
            after = [d for d in outside if d.trig.start >= m.end()]
            if not before or not after:
                continue
            a = before[-1]
            nxt_word = re.match(r"\s*(\w+)", doc.text[m.end() : sent.end])
            if word in ("while", "when", "as", "after", "before", "since") and nxt_word and (
                nxt_word.group(1).lower().endswith("ing")
            ):
                # "found a door ... while conducting a search": a clause with no subject of its own hangs
                # on the main clause's verb, the first one told that is not an attribution.
                main = [
                    d
                    for d in before
                    if not d.trig.nominal and d.trig.finite and d.trig.lemma not in reporting
                ]
                a = main[0] if main else a
            # Prefer the main clause's event when the signal follows a comma or ends a clause.
            b = after[0]
            if (
                word in ("while", "whereas")
                and "," in doc.text[max(sent.start, m.start() - 3) : m.start()]
                and not b.trig.nominal
                and b.trig.finite
            ):
                continue  # ", while Zelensky urged sanctions": a contrast, not one thing during another
            if a.event is b.event:
                continue
            gap = tuple(INF if g == "inf" else float(g) for g in spec["gap"])
            # The point of B the text names: "after the call ended" is the call's end.
            points = spec["points"]
            rtype = RelType(spec["type"])
            assert a.event is not None and b.event is not None
            out.append(
                Relation(
                    a.event.id or str(id(a.event)),
                    b.event.id or str(id(b.event)),
                    rtype,
                    m.group(1),
                    article_id,
                    gap,
                    points,
                )
            )
            out[-1].source = _eid(a.event)
            out[-1].target = _eid(b.event)
    return out


def _about(article_id: str, drafts: list[Draft]) -> list[Relation]:
    """What a statement talks about had started before the statement; an effect starts after its cause."""
    out: list[Relation] = []
    nouns_in: dict[int, list[Draft]] = {}
    for x in drafts:
        if x.trig.nominal:
            nouns_in.setdefault(id(x.region), []).append(x)
    for group in nouns_in.values():
        group.sort(key=lambda x: x.trig.start)
    noun_starts: dict[int, list[int]] = {}
    for d in drafts:
        if d.event is None:
            continue
        for kind, n in d.extra_relations:
            if n.event is not None and n.event is not d.event and kind in ("caused_by", "reports", "then"):
                out.append(
                    Relation(
                        _eid(d.event), _eid(n.event), RelType.AFTER, "", article_id, (0.0, INF), "start-start"
                    )
                )
            elif n.event is not None and n.event is not d.event and kind == "during":
                rel = Relation(_eid(d.event), _eid(n.event), RelType.IS_INCLUDED, "", article_id)
                rel.point = "overlap"
                out.append(rel)
        if d.trig.cls == "statement" and not d.trig.nominal:
            # the region's nouns in [trigger, clause end), by bisection (a scan per statement was
            # quadratic in a sentence of thousands of events)
            region_nouns = nouns_in.get(id(d.region), [])
            starts = noun_starts.setdefault(id(d.region), [n.trig.start for n in region_nouns])
            lo, hi = bisect.bisect_left(starts, d.trig.end), bisect.bisect_left(starts, d.clause[1])
            for n in region_nouns[lo:hi]:
                if (
                    n.trig.nominal
                    and n.event is not None
                    and n.event is not d.event
                    and n.region is d.region
                    and d.trig.end <= n.trig.start < d.clause[1]
                ):
                    out.append(
                        Relation(
                            _eid(d.event),
                            _eid(n.event),
                            RelType.AFTER,
                            "",
                            article_id,
                            (0.0, INF),
                            "start-start",
                        )
                    )
    return out


def _consequences(article_id: str, drafts: list[Draft]) -> list[Relation]:
    """An undated harm told soon after an attack is taken as its consequence (classes in events.toml)."""
    rules: dict[str, list[str]] = events_data().get("consequences", {})
    out: list[Relation] = []
    last_cause: dict[str, Draft] = {}
    seen: set[tuple[int, int]] = set()
    for d in drafts:
        if d.event is None:
            continue
        for cause_cls, effects in rules.items():
            c = last_cause.get(cause_cls)
            if (
                d.trig.cls in effects
                and c is not None
                and c.event is not d.event
                and d.event.time is None
                and d.region.sentence.index - c.region.sentence.index <= 6
                and d.trig.cls != cause_cls
            ):
                key = (id(d.event), id(c.event))
                if key not in seen:
                    seen.add(key)
                    out.append(
                        Relation(
                            _eid(d.event),
                            _eid(c.event),
                            RelType.AFTER,
                            "",
                            article_id,
                            (0.0, INF),
                            "start-start",
                        )
                    )
        if d.event.kind in rules:
            last_cause[d.event.kind] = d
    return out


def _eid(e: Event) -> str:
    return e.id or f"@{id(e)}"


def _finish(doc: Document, e: Event, own: list[Draft], times: list[TimeMention]) -> None:
    """Title, actors and speaker from the event's most telling mention (`own`: the event's drafts, in
    text order)."""
    verbal = [d for d in own if not d.trig.nominal]
    nominal = [d for d in own if d.trig.nominal]
    # A noun event carried by a light or aspectual verb reads best as that verb's clause.
    carried = [
        d
        for d in own
        if d.trig.nominal and d.complement_of is None and d.clause != _np_bounds(d.region, d.trig.tok)
    ]
    # The first telling of those: "Drones struck Kyiv ... The attack came hours after" reads as the strike.
    main = min(carried + verbal, key=lambda d: d.trig.start) if carried or verbal else nominal[0]
    a, b = main.clause
    if main.trig.nominal and not carried:
        a, b = _np_bounds(main.region, main.trig.tok)
    e.title = make_title(doc, a, b, main, times)
    e.trigger = doc.text[main.trig.start : main.trig.end]
    sp = next((d.speaker for d in own if d.speaker), None)
    e.speaker = sp
    if main.modality != Modality.ASSERTED:
        e.modality = main.modality
    elif any(d.region.quote is not None for d in own) and all(d.region.quote is not None for d in own):
        e.modality = Modality.REPORTED
    # The first mention in the text comes first.
    e.mentions.sort(key=lambda m: m.trigger[0])


_NAME_RUN = re.compile(r"(?<![\w.])(?:[A-Z][\w.’'-]*\s+){1,5}[A-Z][\w’'-]*")
_TITLE_CUT = re.compile(
    r",\s*(?:according to|prompting|including|marking|citing|based on|though|but)\b.*$"
    r"|\s+according to\b.*$",
    re.I,
)


_TIME_COMPLEMENT = re.compile(r"\s*(?:of|after|before|since|from|into|following)\b", re.I)
_PREPOSITION_LEFT = re.compile(r"\b(?:within|for|over|after|before|about|around|in|under)\s*$", re.I)
_TIME_PREPOSITION = re.compile(r"(?:\b(?:on|in|at|during|since|by|late|early)\s+)?$", re.I)
_RELATIVE_AFTER = re.compile(r"\s*(?:later|earlier|afterwards?|ago|before|on|in)\b", re.I)
_SPAN_PREPOSITION = re.compile(r"\b(?:within|for|over|throughout|through|until|till|from|around)\s+$", re.I)


_DANGLING_ADVERB = r"\s(?:just|only|shortly|soon|immediately|barely|almost|nearly|some|about)\W*$"
# make_title's patterns, compiled once (it runs for every event)
_DANGLING_ADVERB_RE = re.compile(_DANGLING_ADVERB, re.I)
_POSSESSIVE = re.compile(r"['’]s\b")
_YEAR = re.compile(r"\d{4}")
_LEADING_LY = re.compile(r"^\s*\w+ly,\s*")
_LEADING_PHRASE = re.compile(
    r"^(?:on|in|at|during|after|before|with|for|from|under|amid)\b[^,]{0,40},\s*", re.I
)
_LEADING_LINK = re.compile(r"^(?:that|and|but|then|also|yet|notably|when|after|before|while|of)\s+", re.I)
_EDGE_PUNCTUATION = re.compile(r"^[\"“”'\s,]+|[\"“”'\s,;:.]+$")
_SPACES = re.compile(r"\s{2,}")


_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]+)")
# Words after a year that show it is not modifying a noun ("in 2009 the company", "in 2009 and 2010").
_NOT_A_NOUN = frozenset(
    {
        "the", "a", "an", "and", "or", "but", "he", "she", "it", "they", "we", "i", "his", "her", "its",
        "their", "this", "that", "these", "those", "when", "after", "before", "while", "as", "until",
        "since", "to", "of", "in", "on", "at", "by", "for", "from", "with",
    }
)
_DANGLING_END = re.compile(
    r"[\s,;:(\-–—]+(?:and|or|but|nor|for|to|of|with|in|on|at|by|from|into|as|than|that|which|who|the|a|an|"
    r"has|have|had|is|are|was|were|be|been|will|would|can|could|may|might|must|should|its|their|his|"
    r"he|she|they|we|I)\W*$",
    re.I,
)


def make_title(doc: Document, a: int, b: int, d: Draft, times: list[TimeMention]) -> str:
    """A short, readable "who did what": the clause without its time words, attributions and tail."""
    text = doc.text[a:b]
    # The mentions come in text order (the tagger's): only those inside [a, b) are looked at.
    lo = bisect.bisect_left(times, a, key=lambda m: m.start)
    hi = bisect.bisect_left(times, b, key=lambda m: m.start)
    times = [m for m in times[lo:hi] if m.end <= b]
    for m in sorted(times, key=lambda m: -m.start):
        s, e = m.start - a, m.end - a
        # Only the words just before the time can be its preposition: searching the whole prefix (the regex
        # tries every start) was quadratic in a long clause. With pos/endpos, \b still sees the character
        # before the window and $ matches at s.
        pre = _TIME_PREPOSITION.search(text, max(0, s - 40), s)
        if (pre is None or pre.start() == s) and not _TIME_COMPLEMENT.match(text, e):
            # "could reach the capital within weeks", "had spread for years": a preposition that only
            # leads the time goes with it (not one whose time goes on: "within days of the release")
            pre = _SPAN_PREPOSITION.search(text, max(0, s - 40), s) or pre
        if (
            m.type == "DURATION"
            and (pre is None or pre.start() == s)
            and not _TIME_COMPLEMENT.match(doc.text, m.end)
            and not _RELATIVE_AFTER.match(doc.text, m.end)
        ):
            continue  # a length with no preposition is what the verb takes: "faces up to 20 years", "served"
        s = pre.start() if pre else s
        post = _POSSESSIVE.match(text, e)  # (at e: the same match as on text[e:], its end absolute)
        e = post.end() if post else e
        if (post and pre) or (
            _YEAR.fullmatch(m.text or "")
            and (nxt := _NEXT_WORD.match(text, m.end - a)) is not None
            and nxt.group(1).lower() not in _NOT_A_NOUN
        ):
            # "won the award in this year's World Cup", "acquitted of manslaughter in the 2009 crash": the
            # time is the determiner or modifier of the occasion's noun; cut out with its preposition, it
            # would leave "won the award World Cup", "of manslaughter crash". The words stay.
            continue
        if _TIME_COMPLEMENT.match(text, e) and _PREPOSITION_LEFT.search(text, 0, s):
            # "within days of the release": the time heads a phrase that goes on; cut out, it would leave
            # "within of the release". The words stay.
            continue
        text = text[:s] + text[e:]
    text = _TITLE_CUT.sub("", text)
    sig = _signal_re().search(text, max(0, d.trig.end - a))
    if sig and sig.start() > d.trig.end - a:
        text = text[: sig.start()]
    # The adverb of a time or signal cut off after it goes too: "came just [hours after the call]".
    text = _DANGLING_ADVERB_RE.sub("", text)
    text = _LEADING_LY.sub("", text)
    text = _LEADING_PHRASE.sub("", text.strip())
    text = _LEADING_LINK.sub("", text.strip())
    text = _EDGE_PUNCTUATION.sub("", text)
    text = _SPACES.sub(" ", text).replace(" ,", ",")
    # Names read better without their titles: "U.S. President Donald Trump" -> "Donald Trump".
    text = _NAME_RUN.sub(lambda m: strip_titles(m.group(0)) or m.group(0), text)
    # A clause cut short (by a quote, a time or a signal taken out) ends on a word that needs what follows:
    # "ordered his forces to advance on Moscow and", "has retired and has". Those words go.
    while (cut := _DANGLING_END.search(text)) is not None and cut.start() >= d.trig.end - a:
        text = text[: cut.start()]
    words = text.split()
    if len(words) > 16:
        text = " ".join(words[:16]) + "…"
    return text[:1].upper() + text[1:] if text else doc.text[d.trig.start : d.trig.end]
