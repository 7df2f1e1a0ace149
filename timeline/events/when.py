"""A row's time from the time expression its own clause governs, as the dependency analysis reads it.

The event layer first dates events from token windows (`events.extract`): the nearest expression in the
clause, else the sentence's, else the story's (the narrative's time, the lead's, the publication day for
a present tense). A window can miss what the grammar makes plain: "The WHO declared the outbreak an
emergency on Friday" (a reporting verb's window stops at its content), "Lawmakers approved the budget
late on Tuesday after a long debate". Here an event whose time was inherited from the story, or that has
none, takes the expression its own predicate governs: the expression's nearest verbal governor is the
event's word, or, for an event told by a noun, the expression sits in the noun's own phrase ("Thursday's
call", "the crash on 1 June"), or hangs on a verb that only carries the noun ("the hearing is scheduled for
March 14"). A verb with no time of its own also takes a day the parser hung inside its object ("declared
a state of emergency in both regions on Sunday"), the time that names the occasion it happened at ("won
the Golden Glove in this year's World Cup"), or the time a "when" clause follows ("last summer, when an
investor took a stake"). Its `time_source` becomes "same clause": the text gives that time. A
clause with no subject of its own that hangs on a verb so dated (a participle, "..., ending a fight"; a
coordinated verb, "arrested two men on Wednesday ... and charged them") takes that verb's time. A time
lent from a relative clause or a clause of concession is given back first (`_unlend_background`).

The same reading answers the event rules' questions about a clause's times: whether one hangs from it
(`own_time`, `noun_time`) and whether all it has are recurrences (`recurring`: "every day", a habit).

Reads: events (their mentions' trigger spans), the `Syntax` and `TimeMention`s of the article.
Writes: each such event's `time` and `time_source`.
"""

from __future__ import annotations

import math

from newsline.events.attribution import words
from newsline.language.syntax import Syntax, Word
from newsline.model import Event, TimeMention

# Sources of a time the story lends an event (not its own clause's): see events.extract.
_INHERITED = ("sentence", "narrative", "lead", "tense")


def hanging_times(syntax: Syntax, times: list[TimeMention]) -> dict[int, list[TimeMention]]:
    """For each word, the dated expressions (DATE, TIME) that hang from it: a predicate's adjunct "on
    Friday", a noun's modifier "Thursday's call". Only the word an expression hangs from: "reported
    revenue for the fourth quarter" dates the revenue, not the reporting. Found once per article (kept in
    `syntax.memo`); `events.roles` asks it of nouns too."""
    memo = syntax.memo.get("hanging")
    if memo is not None and memo[0] is times:
        return memo[1]
    out: dict[int, list[TimeMention]] = {}
    for tm in times:
        if not tm.text or tm.type not in ("DATE", "TIME"):
            continue
        tw = syntax.at(tm.start, tm.end)
        head = syntax.head(tw) if tw is not None else None
        if head is not None:
            out.setdefault(head.i, []).append(tm)
    syntax.memo["hanging"] = (times, out)
    return out


def clause_times(events: list[Event], syntax: Syntax, times: list[TimeMention]) -> None:
    """Give each event whose time the story lent it (or that has none) the time its own clause governs."""
    governed = hanging_times(syntax, times)
    if not governed:
        return
    ends = {tm.end: tm for tm in times if tm.text and tm.type == "DATE"}
    _unlend_background(events, syntax)
    for e in events:
        if e.time is not None and not (e.time_source or "").startswith(_INHERITED):
            continue  # the text already gives its time
        for m in e.mentions:
            w = syntax.at(m.trigger[0], m.trigger[1])
            if w is None:
                continue
            own = [
                tm
                for tm in _candidates(syntax, w, governed)
                # a duration, a set or an open reference ("recently") dates no one happening
                if not (math.isinf(tm.lo) or math.isinf(tm.hi))
                and not (tm.start <= w.start < tm.end)
                # the same expression the story already placed ("by 8:30pm": on the story's day)
                and not (e.time is not None and (e.time.start, e.time.end) == (tm.start, tm.end))
            ]
            if not own and (tm := _when_of(syntax, w, ends)) is not None:
                own = [tm]
            if own:
                e.time = min(own, key=lambda tm: (tm.hi - tm.lo, abs(tm.start - w.start)))
                e.time_source = "same clause"
                break
    _dependent_clause_times(events, syntax)


# What leads a clause that is background to its sentence, not a time it shares ("although this was
# accepted in January, Khan was handed a ban").
_BACKGROUND_MARKS = frozenset({"although", "though", "whereas", "because", "unless", "if"})


def _unlend_background(events: list[Event], syntax: Syntax) -> None:
    """An event that took its time from another event of its sentence ("sentence"), or from its clause
    window ("same clause" of `events.extract`, which reads no clause inside its own), gives it back when
    that time is the background's: a relative clause about something ("identified the man as a lawyer
    whose practice closed last year": not last year), or a clause of concession or cause. The text gives
    the event no day; it is left undated rather than dated by what it was told against."""
    for e in events:
        if e.time is None or e.time_source not in ("sentence", "same clause") or not e.time.text:
            continue  # (a window's "same clause" too: it reads no clause inside its own)
        w = syntax.at(e.mentions[0].trigger[0], e.mentions[0].trigger[1])
        tw = syntax.at(e.time.start, e.time.end)
        if w is None or tw is None:
            continue
        mine = {x.i for x in syntax.ancestors(w)} | {w.i}
        for a in syntax.ancestors(tw):
            if a.i in mine:
                break  # up to where the two meet, the time's clauses are all under the event's
            if a.dep.endswith("relcl") or (
                a.dep == "advcl" and any(m.lower in _BACKGROUND_MARKS for m in syntax.kids(a, "mark"))
            ):
                e.time, e.time_source = None, None
                break


def _when_of(syntax: Syntax, w: Word, ends: dict[int, TimeMention]) -> TimeMention | None:
    """The time a "when" clause right after it tells of ("since last summer, when an investor took a
    stake": last summer)."""
    first = next((x for x in syntax.subtree(w) if x.dep != "punct"), w)
    if first.lower != "when" or first.head != w.i or first.i < 2:
        return None
    before = syntax.words[first.i - 1]
    if before.text == ",":
        before = syntax.words[first.i - 2]
    return ends.get(before.end) if before.sentence == w.sentence else None


def _candidates(syntax: Syntax, w: Word, governed: dict[int, list[TimeMention]]) -> list[TimeMention]:
    """The expressions that may date the word `w`: its own, its carrier's, a day hung inside its object or
    adjunct, the time that names the occasion it happened at."""
    return [
        *governed.get(w.i, []),
        *_carrier_times(syntax, w, governed),
        *_on_a_day(syntax, w, governed),
        *_occasion(syntax, w, governed),
    ]


def _carrier_times(syntax: Syntax, w: Word, governed: dict[int, list[TimeMention]]) -> list[TimeMention]:
    """The times of the verb that only carries the noun `w` ("the hearing is scheduled for March 14", "the
    talks began on Monday": rules/roles.toml's carriers): the noun's happening is then."""
    head = syntax.head(w)
    if head is None or w.dep.split(":")[0] not in ("nsubj", "obj") or not syntax.is_predicate(head):
        return []
    return governed.get(head.i, []) if head.lemma.lower() in words()["carriers"] else []


def _on_a_day(syntax: Syntax, w: Word, governed: dict[int, list[TimeMention]]) -> list[TimeMention]:
    """A day "on" which, or a bare time ("last month"), that the parser hung inside the verb's object or
    adjunct ("declared a state of emergency in both regions on Sunday": "regions on Sunday"; "reported
    revenue of $1.8 billion last month": "$1.8 billion last month"): a thing is on no day, what was done
    to it is, when the verb has no time of its own. Not a time that names its noun ("third-quarter
    revenue"), nor one inside a clause of the phrase."""
    if not syntax.is_predicate(w) or governed.get(w.i):
        return []
    out = []
    for k in syntax.kids(w, "obj", "obl"):
        for x in syntax.subtree(k):
            if x.i != k.i and (syntax.is_predicate(x) or x.dep.startswith("acl")):
                break  # (a clause in the phrase has times of its own)
            for tm in governed.get(x.i, []):
                tw = syntax.at(tm.start, tm.end)
                cases = [c.lower for c in syntax.kids(tw, "case")] if tw is not None else ["?"]
                if tm.type == "DATE" and tw is not None and tw.dep.split(":")[0] in ("nmod", "obl") and (
                    cases in (["on"], [])
                ):
                    out.append(tm)
    return out


def _occasion(syntax: Syntax, w: Word, governed: dict[int, list[TimeMention]]) -> list[TimeMention]:
    """The time that names the occasion in, at or during which the verb's happening took place ("won the
    Golden Glove in this year's World Cup", "was injured in the 2009 crash", "spoke at Thursday's
    meeting"): the happening is then, when the verb has no time of its own and tells no charge
    (`_charged`)."""
    if not syntax.is_predicate(w) or governed.get(w.i) or _charged(syntax, w):
        return []
    # (the parser may hang the occasion on the object: "won [the Golden Glove in this year's World Cup]")
    places = syntax.kids(w, "obl") + [n for o in syntax.kids(w, "obj") for n in syntax.kids(o, "nmod")]
    return [
        tm
        for k in places
        if any(c.lower in ("in", "at", "during") for c in syntax.kids(k, "case"))
        for tm in governed.get(k.i, [])
        if tm.type == "DATE"
        and (tw := syntax.at(tm.start, tm.end)) is not None
        and tw.dep in ("nmod:poss", "compound", "amod", "nummod")
        and tw.i < k.i
    ]


def _charged(syntax: Syntax, w: Word) -> bool:
    """Whether the verb tells what someone did in a happening ("cleared the pilots of negligence in the 2014
    collision", "accused him of lying at Thursday's hearing"): the phrase after the charge is its matter,
    not the verb's occasion."""
    phrases = [n for h in (w, *syntax.kids(w, "obj")) for n in syntax.kids(h, "nmod", "obl")]
    return any(c.lower in ("of", "with") for n in phrases for c in syntax.kids(n, "case"))


def _dependent_clause_times(events: list[Event], syntax: Syntax) -> None:
    """A clause with no subject of its own that hangs on a dated verb happens at that verb's time: a
    participle that adds to it ("found them not guilty on Monday, concluding the first trial": on Monday,
    not at the time of "the 2009 crash" nearer in the sentence), or a verb coordinated with it ("killed 228
    and injured 12 on Sunday"). Only a time the story lent it, or none, gives way."""
    dated: dict[int, Event] = {}
    for e in events:
        if e.time is not None and not (e.time_source or "").startswith(_INHERITED):
            for m in e.mentions:
                w = syntax.at(m.trigger[0], m.trigger[1])
                if w is not None and syntax.is_predicate(w):
                    dated.setdefault(w.i, e)
    if not dated:
        return
    for e in events:
        if e.time is not None and not (e.time_source or "").startswith(_INHERITED):
            continue
        m = e.mentions[0]
        w = syntax.at(m.trigger[0], m.trigger[1])
        if (
            w is None
            or not syntax.is_predicate(w)
            or w.dep not in ("advcl", "conj")
            or w.tag not in ("VBG", "VBD", "VBN")
            or syntax.kids(w, "nsubj", "nsubj:pass", "mark", "aux", "aux:pass")
        ):
            continue
        host = dated.get(w.head)
        if host is not None and host is not e and host.modality == e.modality:
            e.time, e.time_source = host.time, "same clause"


def own_time(syntax: Syntax, w: Word, times: list[TimeMention]) -> bool:
    """Whether a time expression hangs from this clause (its nearest verbal governor is `w`)."""
    return w.i in timed_clauses(syntax, times)


def noun_time(syntax: Syntax, w: Word, times: list[TimeMention]) -> bool:
    """Whether a dated expression hangs from this noun ("the 2009 crash", "Thursday's call")."""
    return bool(hanging_times(syntax, times).get(w.i))


def timed_clauses(syntax: Syntax, times: list[TimeMention]) -> frozenset[int]:
    """The words that govern a time expression (each expression's nearest verbal governor), found once
    for an article's time mentions: asked per word, it was quadratic in a sentence with many times."""
    memo = syntax.memo.get("timed")
    if memo is not None and memo[0] is times:
        return memo[1]
    out = set()
    for tm in times:
        if not tm.text:
            continue
        tw = syntax.at(tm.start, tm.end)
        if tw is None or (tm.type == "DURATION" and _length_only(syntax, tw)):
            continue
        gov = (
            tw
            if syntax.is_predicate(tw)
            else next((a for a in syntax.ancestors(tw) if syntax.is_predicate(a)), None)
        )
        if gov is not None:
            out.add(gov.i)
    result = frozenset(out)
    syntax.memo["timed"] = (times, result)
    return result


def _length_only(syntax: Syntax, tw: Word) -> bool:
    """Whether a duration says only how long ("lived there for years", "a round that may last months"),
    not when: no preposition that places it ("in the last few months", "over the past week")."""
    return all(c.lower == "for" for c in syntax.kids(tw, "case"))


def recurring(syntax: Syntax, w: Word, times: list[TimeMention]) -> bool:
    """Whether the clause's own times are all recurrences ("every day", "twice a week") hanging from its
    verb, not from a noun of it ("the annual meeting")."""
    sentence = syntax.sentence_words(w.sentence)
    if not sentence:
        return False
    lo, hi = sentence[0].start, sentence[-1].end
    own = []
    for tm in times:
        if lo <= tm.start < hi and tm.text and (tw := syntax.at(tm.start, tm.end)) is not None:
            gov = tw if syntax.is_predicate(tw) else next(
                (a for a in syntax.ancestors(tw) if syntax.is_predicate(a)), None
            )
            if gov is not None and gov.i == w.i:
                own.append((tm, tw))
    return bool(own) and all(tm.type == "SET" and tw.head == w.i for tm, tw in own)
