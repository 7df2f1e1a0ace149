"""One row per happening: an article that tells one happening twice with the same verb ("Fires broke out
across six districts ... The fires broke out after debris fell") gets one event with both mentions.

Two rows of one article are one happening when they have the same class and the same verb (its lemma,
from the parse), times that are precise and overlap, compatible statuses (or one asserted), and either a
participant in common or titles of mostly the same words. Different verbs are left apart: "the fire broke
out" and "the fire engulfed 140 buildings" may be one happening, but nothing in the structure says so.

A later mention also joins an earlier row when it refers back to it: a noun with a definite determiner or a
possessor ("the decision", "the fire", "its crash"), or an active verb without an object whose subject is
one ("the storm weakened overnight": what the storm did), whose word is the earlier row's noun or verb
("decided ... the decision", "a fire ... the fire"), or a body mention of what the headline tells with
the same word ("Fire destroys 140 buildings" ... "the fire broke out"). News names a happening again
with its own word; a definite noun says the reader has met it.

Reads: events (after `roles.judge`) and the `Syntax`. Writes: the events kept, and for each event folded
into another, the one it joined.
"""

from __future__ import annotations

import math
import re

from newsline.events.attribution import words
from newsline.language.syntax import Syntax
from newsline.model import Event, Modality, written

_WORD = re.compile(r"[a-z]{3,}")


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def _lemma(e: Event, syntax: Syntax) -> str | None:
    m = e.mentions[0]
    w = syntax.at(m.trigger[0], m.trigger[1])
    return w.lemma.lower() if w is not None and syntax.is_predicate(w) else None


def _word_lemmas(e: Event, syntax: Syntax) -> set[str]:
    """The lemmas of the words every mention of the event is told by (verbs and nouns)."""
    out = set()
    for m in e.mentions:
        w = syntax.at(m.trigger[0], m.trigger[1])
        if w is not None and (w.tag.startswith("NN") or w.tag.startswith("VB")):
            out.add(w.lemma.lower())
    return out


def _same_word(a: str, b: str) -> bool:
    """One word or its derivation ("decide" and "decision", "explode" and "explosion"): a common start of
    at least four letters covering most of the shorter word."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 4 and n >= 0.6 * min(len(a), len(b))


def _refers_back(e: Event, syntax: Syntax) -> str | None:
    """The noun's lemma when the event's first mention is a definite or possessed noun ("the fire", "the
    decision", "its crash"), or a verb whose subject is one ("the fire broke out in a shop"): a happening
    the reader has met."""
    m = e.mentions[0]
    w = syntax.at(m.trigger[0], m.trigger[1])
    if w is not None and syntax.is_predicate(w) and not syntax.kids(w, "obj"):
        # (an active verb's subject: what "the deal was killed" tells is done to the deal, another happening)
        w = next((k for k in syntax.kids(w) if k.dep == "nsubj"), None)
    if w is None or not w.tag.startswith("NN") or w.tag.startswith("NNP"):
        return None
    kids = syntax.kids(w)
    if any(k.dep == "det" and k.lower in _DEFINITE for k in kids) or any(
        k.dep == "nmod:poss" for k in kids
    ):
        return w.lemma.lower()
    return None


def given(e: Event) -> bool:
    """Whether the event's time is one its own clause gives (not inherited from the story)."""
    return e.time is not None and e.time_source in (None, "same clause")


def _times_agree(a: Event, b: Event) -> bool:
    """No times of their own clauses set them apart (an inherited time says nothing against another)."""
    if not given(a) or not given(b):
        return True
    assert a.time is not None and b.time is not None
    return a.time.lo < b.time.hi and b.time.lo < a.time.hi


def _statuses_agree(a: Event, b: Event) -> bool:
    return a.modality == b.modality or {a.modality, b.modality} <= {Modality.ASSERTED, Modality.REPORTED}


def _precise(e: Event) -> bool:
    t = e.time
    return t is not None and not (math.isinf(t.lo) or math.isinf(t.hi)) and t.hi - t.lo <= 3 * 1440


def _alike(a: Event, b: Event) -> bool:
    if {x.lower() for x in a.actors} & {x.lower() for x in b.actors}:
        return True
    wa, wb = (set(_WORD.findall(written(e.title).lower())) for e in (a, b))
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.5


def join_retellings(events: list[Event], syntax: Syntax) -> dict[int, Event]:
    """Fold every row that retells an earlier row of the article into it (its mentions and actors join);
    returns {id(folded event): the event it joined}. Minor events are left alone."""
    joined: dict[int, Event] = {}
    rows = _Rows(syntax)  # the rows kept so far, in text order
    by_word = {
        w.i: e
        for e in events
        if not e.minor and (w := syntax.at(e.mentions[0].trigger[0], e.mentions[0].trigger[1])) is not None
    }
    for e in sorted(events, key=lambda e: e.mentions[0].trigger[0]):
        # "were reported missing", "went missing": an adjective that completes the verb of a row is that
        # row's happening, told by the verb
        w = syntax.at(e.mentions[0].trigger[0], e.mentions[0].trigger[1])
        if w is not None and w.tag.startswith("JJ") and w.dep == "xcomp" and (
            (target := by_word.get(w.head)) is not None
            and target is not e
            and (e.time is None or (target.time is not None and e.time.value == target.time.value))
        ):
            target.mentions.extend(e.mentions)
            joined[id(e)] = target
            continue
        if e.minor:
            continue
        target = _retold(e, rows) or _referred(e, rows) or _headline(e, rows)
        if target is None:
            rows.add(e)
            continue
        target.mentions.extend(e.mentions)
        rows.words[id(target)] |= _word_lemmas(e, syntax)
        target.actors.extend(x for x in e.actors if x not in target.actors)
        if e.time is not None and (
            target.time is None
            or (given(e) and not given(target))
            or (given(e) == given(target) and e.time.hi - e.time.lo < target.time.hi - target.time.lo)
        ):
            target.time, target.time_source = e.time, e.time_source  # the time the text gives, the finer
        joined[id(e)] = target
    return joined


class _Rows:
    """The rows kept so far, with what the joins ask of each found once (not once per later event: a
    long article has thousands): the rows in text order, by the verb of their first mention, and the
    words all their mentions are told by."""

    def __init__(self, syntax: Syntax) -> None:
        self.syntax = syntax
        self.order: list[Event] = []
        self.by_verb: dict[str, list[Event]] = {}
        self.words: dict[int, set[str]] = {}

    def add(self, e: Event) -> None:
        self.order.append(e)
        lemma = _lemma(e, self.syntax)
        if lemma is not None:
            self.by_verb.setdefault(lemma, []).append(e)
        self.words[id(e)] = _word_lemmas(e, self.syntax)


def _retold(e: Event, rows: _Rows) -> Event | None:
    """An earlier row told with the same verb, on an overlapping precise time, by the same people."""
    lemma = _lemma(e, rows.syntax)
    if lemma is None or not _precise(e):
        return None
    return next(
        (
            a
            for a in rows.by_verb.get(lemma, ())
            if _precise(a)
            and a.kind == e.kind
            and a.time.lo < e.time.hi  # type: ignore[union-attr]
            and e.time.lo < a.time.hi  # type: ignore[union-attr]
            and (a.modality == e.modality or Modality.ASSERTED in (a.modality, e.modality))
            and _alike(a, e)
            and _says_alike(a, e, rows.syntax)
        ),
        None,
    )


def _says_alike(a: Event, b: Event, syntax: Syntax) -> bool:
    """Whether two tellings by one speaker could be one: what a verb of saying reports tells it apart, and
    "she announced a new phone" and "she announced that backups would be built in" are two announcements
    of one keynote. Told apart when both say something (an object or a clause) and no word of it is shared."""
    said = [_content(e, syntax) for e in (a, b)]
    return not (said[0] and said[1]) or bool(said[0] & said[1])


def _content(e: Event, syntax: Syntax) -> set[str]:
    w = syntax.at(e.mentions[0].trigger[0], e.mentions[0].trigger[1])
    if w is None or not syntax.is_predicate(w) or w.lemma.lower() not in words()["reporting"]:
        return set()  # (a verdict's findings, "found them not guilty ... found Airbus negligent", are one)
    return {k.lemma.lower() for k in syntax.kids(w, "obj", "ccomp", "xcomp")}


def _referred(e: Event, rows: _Rows) -> Event | None:
    """The latest earlier row that a definite noun names with its own word ("the decision")."""
    noun = _refers_back(e, rows.syntax)
    if noun is None:
        return None
    for a in reversed(rows.order):
        if (
            any(_same_word(noun, x) for x in rows.words[id(a)])
            and _statuses_agree(a, e)
            and _times_agree(a, e)
        ):
            return a
    return None


def _headline(e: Event, rows: _Rows) -> Event | None:
    """The headline's row that this body mention tells again with the same word."""
    if e.mentions[0].sentence == 0:
        return None
    lemmas = _word_lemmas(e, rows.syntax)
    for a in rows.order:
        if a.mentions[0].sentence != 0:
            break
        if (
            len(a.mentions) == 1  # the headline's first retelling only: later ones refer back
            and (_refers_back(e, rows.syntax) is not None or _alike(a, e))  # a verb: the same people
            and any(_same_word(x, y) for x in lemmas for y in rows.words[id(a)])
            and _statuses_agree(a, e)
            and _times_agree(a, e)
        ):
            return a
    return None
