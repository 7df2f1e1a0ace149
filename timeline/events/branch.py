"""The branches of a clause's parse a title asks about: what is a time or an attribution (told in columns
of their own) and what the parser hung under one that is none of it, what is set off by commas, what
completes its verb, what tells another row. `events.sentence` builds the title from them.

Reads: the `Syntax`, the article's time mentions. Writes: nothing.
"""

from __future__ import annotations

import bisect

from newsline.events.attribution import by_account, words
from newsline.events.clause import before_a_verb, is_clause, opens
from newsline.events.wording import DASHES, QUOTE_MARKS
from newsline.language.syntax import Syntax, Word
from newsline.language.text import Document
from newsline.model import TimeMention

# Relations through which a time expression modifies a noun ("the 2009 crash", "this year's World Cup",
# "Thursday's storm"): the time stays, as part of the noun's name.
_MODIFIER = frozenset({"nmod:poss", "compound", "amod", "nummod", "det"})


# Prepositions that make a gerund the verb's complement, not an adjunct clause: "resulted in overlapping
# claims", "banned from flying", "accused of hiding", "not planning on appealing".
_COMPLEMENT_CASES = frozenset(
    {"in", "on", "of", "from", "for", "about", "into", "against", "over", "at", "by", "to", "toward",
     "towards", "between"}
)


class Context:
    """What one title is built in: the parse, the article and the words of its time expressions."""

    def __init__(
        self, doc: Document, syntax: Syntax, times: list[TimeMention], w: Word, rows: frozenset[int]
    ) -> None:
        self.doc = doc
        self.syntax = syntax
        self.rows = rows  # the words that tell other rows
        W = words()
        self.connectives = W["connectives"]
        self.framing = W["framing"]
        sentence = syntax.sentence_words(w.sentence)
        lo, hi = (sentence[0].start, sentence[-1].end) if sentence else (w.start, w.end)
        # the words inside a time expression of the sentence, and the top word of each expression
        first = bisect.bisect_left(times, lo, key=lambda m: m.end)
        inside: set[int] = set()
        self.time_tops: set[int] = set()
        # the top words of the expressions that measure rather than place: how often or how long ("per
        # day", "a week", "10-hour"), which say how much of a noun or number there is when they hang on one
        self.measures: set[int] = set()
        self.rates: set[int] = set()  # of those, how often ("per day", "a week")
        for m in times[first:]:
            if m.start >= hi:
                break
            covered = [x for x in sentence if m.start <= x.start and x.end <= m.end]
            ids = {x.i for x in covered}
            inside |= ids
            tops = {x.i for x in covered if x.head not in ids or x.head == x.i}
            self.time_tops |= tops
            if m.type in ("SET", "DURATION"):
                self.measures |= tops
            if m.type == "SET":
                self.rates |= tops
        self.time_words = inside
        self.quote = doc.quote_at(w.start)

    def quoted_apart(self, k: Word) -> bool:
        """Whether the clause `k` (or a conjunct: 'and "crush anyone who resists"') is a speaker's quote
        other than the one the title's predicate is in."""
        if not is_clause(self.syntax, k) and k.dep.split(":")[0] not in ("conj", "ccomp"):
            return False
        q = self.doc.quote_at(k.start)
        if q is not None:
            # (not a branch inside a quote its head opened: 'has "no plans to return"' is one phrase)
            return q is not self.quote and self.doc.quote_at(self.syntax.words[k.head].start) is not q
        # a quote the article does not close in this sentence ('was quoted as saying, "Monkeypox is a
        # serious disease ...'): its opening mark is the clause's first word, or the one before it
        words_ = self.syntax.words
        # (the clause's first word after its conjunction: 'and "crush anyone ..."')
        first = next((x for x in self.syntax.subtree(k) if x.dep not in ("cc", "punct")), k)
        before = words_[first.i - 1] if first.i > 0 else None
        return self.quote is None and before is not None and before.sentence == k.sentence and (
            opens(words_, before)
        )

    def outside_quote(self, k: Word) -> bool:
        """Whether `k`'s branch is outside the quote the title's predicate is in ('After the verdict she
        said, "Our lost ones have died"': the quote's clause is the speaker's words alone)."""
        if self.quote is None:
            return False
        first = next((x for x in self.syntax.subtree(k) if x.text not in QUOTE_MARKS), k)
        return not self.quote.start <= first.start < self.quote.end


def set_off(c: Context, k: Word, after: bool) -> bool:
    """Whether the branch of `k` is set off by a comma (or dash, colon) before it, or after it (the
    parser hangs the comma inside the branch or outside it; a time between is looked past: "Putin, on
    television yesterday, offered")."""
    syntax = c.syntax
    sub = [x for x in syntax.subtree(k) if x.dep != "punct"] or [k]
    j = sub[-1].i + 1 if after else sub[0].i - 1
    step = 1 if after else -1
    while 0 <= j < len(syntax.words) and syntax.words[j].sentence == k.sentence and (
        j in c.time_words or syntax.words[j].lemma.lower() in c.connectives
    ):
        j += step  # ("in a vote late on Thursday, approved": the time's words too)
    if not 0 <= j < len(syntax.words):
        return False
    x = syntax.words[j]
    return x.sentence == k.sentence and x.text in DASHES


def agent_of_subject(syntax: Syntax, k: Word, parent: Word, top: Word) -> bool:
    """Whether the participle `k` names who acts on the subject of the title's verb, not set off by a comma
    ("A hospital supported by the charity closed"): an indefinite subject is told apart from the others
    of its kind by it, and the agent is one of the row's actors."""
    return (
        k.tag == "VBN"
        and parent.dep.startswith("nsubj")
        and top.i in (parent.i, parent.head)
        and parent.i < k.i
        and bool(syntax.kids(k, "obl:agent"))
        and syntax.words[k.i - 1].text != ","
    )


def frame(c: Context, k: Word, parent: Word) -> bool:
    """Whether the branch of `k` is a time or an attribution, which the row tells in columns of their own:
    the row shows the day ("on Monday", "three days ago", "since March"; but a time that names its noun
    stays: "the 2009 crash", "this year's World Cup"), the speaker column who says so ("according to
    officials")."""
    if (
        k.i in c.time_tops
        and not names_its_noun(c.syntax, k, parent)
        and not measures_its_noun(c, k, parent)
        and not _how_long(c, k)
    ):
        return True
    return k.dep in ("obl", "nmod", "advmod") and (by_account(c.syntax, k) or k.lower == "according")


# Prepositions that relate a happening to another in time ("after the ceasefire", "before the vote"): the
# row's day and the timeline's order tell it.
TEMPORAL = frozenset({"after", "before", "since", "until", "till", "during", "prior", "ahead", "following"})


def _how_long(c: Context, k: Word) -> bool:
    """Whether the time `k` is a length the verb takes with no preposition ("faces up to 20 years in
    prison", "served five years", "the strike lasted nine days"): what is faced, served or lasted, part of
    the predicate, which no day column shows. ("for years", "three days ago" and "two weeks later" are
    times, and so is a length that places the verb from another happening: "retired three months after
    the fight".)"""
    syntax = c.syntax
    return (
        k.i in c.measures
        and k.i not in c.rates
        and k.dep in ("obj", "obl:unmarked", "obl:npmod")
        and not syntax.kids(k, "case", "advmod")
        and not any(_leads_in_time(syntax, y) for y in syntax.kids(k))
        and not any(  # (the parser may hang "after the fight" on the verb, next to the length)
            _leads_in_time(syntax, y) and syntax.subtree(y)[0].i == syntax.subtree(k)[-1].i + 1
            for y in syntax.kids(syntax.words[k.head])
        )
    )


def _leads_in_time(syntax: Syntax, y: Word) -> bool:
    return any(x.lower in TEMPORAL for x in [y, *syntax.kids(y, "case", "mark")])


def rescued(c: Context, k: Word, top: Word) -> list[Word]:
    """The branches under the time or attribution `k` that are none of it, which the parser hung there:
    what follows the comma that closes it ("Within two days of the launch, over 70 million users signed
    up": a phrase that opens a sentence ends at its comma, and the clause's own words follow), and a
    number outside the time's words ("reported on Sunday 222 dead": a count is never part of a day)."""
    syntax = c.syntax
    sub = syntax.subtree(k)
    inside = {x.i for x in sub}
    depth, comma = 0, None
    for x in sub:  # the first comma after the phrase's head outside its brackets ("08:00 (CET, UTC+1),")
        depth += (x.text in "([{") - (x.text in ")]}")
        if x.i > k.i and x.text == "," and depth == 0:
            comma = x.i
            break
    out = []
    for x in sub:
        if x.i == k.i or x.dep == "punct" or x.i in c.time_words or x.head not in inside:
            continue
        # (not a subject the phrase hung before another verb: "in January, Khan was handed")
        after = comma is not None and x.i > comma and x.head < comma and not before_a_verb(syntax, x, top)
        if after or (x.tag == "CD" and x.head in c.time_words):
            out.append(x)
    # (only the top of each rescued branch: the branch comes with it)
    tops = {x.i for x in out}
    return [x for x in out if not any(a.i in tops for a in syntax.ancestors(x))]


def object_before(syntax: Syntax, k: Word) -> bool:
    """Whether the clause `k` has no subject and its verb's object ends just before it, a comma between:
    that object is the clause's subject, set off by an aside ("stated one of the blasts, at about eight,
    was set off by a bomber")."""
    if syntax.kids(k, "nsubj", "nsubj:pass", "expl"):
        return False
    first = syntax.subtree(k)[0].i
    return any(
        all(x.dep == "punct" for x in syntax.words[syntax.subtree(o)[-1].i + 1 : first])
        for o in syntax.kids(syntax.words[k.head], "obj")
    )


def tells_a_row(c: Context, k: Word) -> bool:
    """Whether the clause `k` tells a row of its own: its verb, or the noun it carries ("launched an
    assault"), is a row's word."""
    return k.i in c.rows or any(o.i in c.rows for o in c.syntax.kids(k, "obj"))


def measures_its_noun(c: Context, k: Word, parent: Word) -> bool:
    """Whether the time `k` says how often or how long of the noun or number it hangs on ("1,000 drones
    per day", "a shift of ten hours"), or how often of the count its verb's object ends with, where the
    parser hung it on the verb ("add two flights a week"): a rate or a length is part of the quantity it
    qualifies (without it "1,000 drones per day" reads as 1,000 drones in all), not the row's time. A time
    of the predicate ("met twice a week", "deployed drones for a week") is the row's."""
    syntax = c.syntax
    if k.i not in c.measures:
        return False
    if is_clause(syntax, parent):
        first = syntax.subtree(k)[0].i
        counted = [
            o for o in syntax.kids(parent, "obj")
            if syntax.subtree(o)[-1].i == first - 1 and any(x.tag == "CD" for x in syntax.subtree(o))
        ]
        return k.i in c.rates and bool(counted)
    return k.dep.split(":")[0] in ("nmod", "amod", "compound", "nummod", "advmod", "acl", "appos") and (
        parent.tag.startswith("NN") or parent.tag == "CD"
    )


def names_its_noun(syntax: Syntax, k: Word, parent: Word) -> bool:
    """Whether the time `k` is part of its noun's name: its possessor ("Thursday's storm", "this year's
    World Cup"), or a modifier inside the noun's phrase, after its determiner ("the 2009 crash", "the
    November 27 deal"); not a time the parser hung on a noun it does not modify ("found Monday Air France
    acted", "a report Wednesday alleging")."""
    if k.dep == "nmod:poss":
        return True
    if k.dep in _MODIFIER and k.i < parent.i and any(x.text == "-" for x in syntax.subtree(k)):
        return True  # a time made an adjective: "third-quarter profit", "a six-month ban"
    return k.dep in _MODIFIER and any(
        d.i < k.i for d in syntax.kids(parent, "det", "nmod:poss") if d.i not in (k.i,)
    )


def complement_clause(c: Context, k: Word, parent: Word) -> bool:
    """Whether the adverbial clause `k` completes its verb rather than framing it, when not set off by a
    comma: a gerund after a preposition of complement ("resulted in overlapping claims", "was not planning
    on appealing", "admitted to shooting"), or an infinitive after its verb ("ceasing to report", "urged
    platforms to remove content", "was ordered by Congress to work with Boeing": the parser reads many a
    complement so, and a purpose told without a comma is part of what was done)."""
    syntax = c.syntax
    if set_off(c, k, False) or k.i < parent.i:
        return False
    marks = [m.lower for m in syntax.kids(k, "mark", "case")]
    if k.tag == "VBG" and marks and all(m in _COMPLEMENT_CASES for m in marks):
        return True
    return k.tag == "VB" and marks == ["to"]


def quantified(syntax: Syntax, span: list[Word]) -> list[Word]:
    """The span without the words that lead it by saying how many of a number it has ("over 70 million
    users", "at least five people", "nearly 1,000"): a count's modifier may start a noun phrase."""
    inside = {x.i for x in span}
    n = 0
    while n < len(span) - 1 and span[n].tag in ("RB", "IN", "JJS", "JJR", "RBR", "RBS") and any(
        a.tag == "CD" and a.i in inside for a in syntax.ancestors(span[n])
    ):
        n += 1
    return span[n:]
