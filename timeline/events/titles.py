"""Titles that say who did what: a row's title that starts with its verb ("Did not offer specifics",
"Killed perhaps fifteen government soldiers", "Urged platforms to remove content") gets the verb's
subject from the parse ("Trump did not offer specifics"). The subject is the verb's own, or the one it
shares: with the clause it is coordinated with ("Macron held a meeting and deployed police": Macron), the
verb that controls it ("Rescuers worked to contain it"), or the noun a participle qualifies ("a man killed
by police"). A relative pronoun stands for the noun it refers to.

A statement that is itself the row ("warned Russia may launch") is titled with what it says, and a row whose
title is no sentence a reader could repeat ("Falling drones", "Trump responded") is a fragment, not a row.

A row told by a verb is titled from the parse (`events.sentence`) once every row is known (`retitle`),
except where the built title shows a misparse by its shape (`misread`: it lacks the row's word, lost the
subject the window's title named, or is a verbless few of a whole clause's words), and except a verb
inside the phrase of the noun that told the row ("announced plans to buy ... to fill gaps caused by ...").

Reads: a row's title, its verb in the `Syntax`. Writes: the title (`events.roles.judge` calls this).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsline.events.clause import holds, own_subject, raised_subject
from newsline.events.sentence import title as parse_title
from newsline.language.syntax import Syntax, Word
from newsline.language.text import Document
from newsline.model import Event, TimeMention

_EXPLETIVE = frozenset({"it", "there"})
_MAX_WORDS = 8
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def close_brackets(title: str) -> str:
    """The title without a parenthesis it opens and does not close ("Fanned by winds of 56kph (35mph" ->
    "Fanned by winds of 56kph"): a clause cut short inside an aside leaves it open, and what an aside adds
    (a conversion, a time in another zone, an acronym) the row can do without."""
    depth, cut = 0, None
    for i, ch in enumerate(title):
        if ch == "(":
            if depth == 0:
                cut = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
    if not depth or cut is None or cut == 0:
        return title
    return title[:cut].rstrip(" ,;:-–—") or title


def _subject(syntax: Syntax, w: Word) -> Word | None:
    """The subject the verb `w` is told of, its own or shared."""
    cur = w
    for _ in range(6):
        if (s := own_subject(syntax, cur)) is not None:
            return s
        head = syntax.head(cur)
        if head is None:
            return None
        dep = cur.dep.split(":")[0]
        if dep == "conj" and syntax.is_predicate(head):
            cur = head  # "held a meeting and deployed police"
        elif dep == "xcomp":
            objs = syntax.kids(head, "obj", "iobj")
            if objs:
                return objs[0]  # "urged Germany to send": Germany sends
            cur = head  # "worked to contain it"
        elif dep == "acl" and not syntax.is_predicate(head):
            if syntax.kids(head, "cop"):
                cur = head  # "it was on the scene working to ...": the copula's subject
                continue
            return head  # "a man killed by police"
        elif dep == "advcl":
            cur = head  # "described the talks as important, though did not offer specifics"
        else:
            return None
    return None


# Branches of a subject that are not its name: clauses, appositions, the preposition of an oblique.
_NOT_NAME = frozenset(
    {
        "acl",
        "acl:relcl",
        "appos",
        "punct",
        "case",
        "mark",
        "advcl",
        "parataxis",
        "conj",
        "cc",
        "cop",
        "nsubj",
        "nsubj:pass",
        "aux",
        "aux:pass",
    }
)


def _subject_text(text: str, syntax: Syntax, s: Word, verb: Word) -> str | None:
    """The subject's own words ("the 2009 crash", "Health experts and aid workers"), as written."""
    sub = [x for x in syntax.subtree(s, skip=_NOT_NAME) if x.i != verb.i]
    conj = syntax.kids(s, "conj")
    if conj and all(c.tag.startswith("NN") for c in conj):
        # coordinated subjects are one subject ("Health experts and aid workers")
        sub = [x for x in syntax.subtree(s, skip=_NOT_NAME - {"conj", "cc"}) if x.i != verb.i]
    words = [x for x in sub if x.i < verb.i or (x.i > verb.i and s.i > verb.i)]
    if not words or words[0].dep in ("case", "mark") or words[0].tag.startswith(("VB", "IN", "TO", "CC")):
        return None  # a misparse made a clause or a phrase the subject
    if not (s.tag.startswith(("NN", "PRP", "CD")) or s.tag in ("DT", "EX")):
        return None
    out = text[words[0].start : words[-1].end]
    return out if out.count(" ") < _MAX_WORDS and "\n" not in out else None


def with_subject(text: str, syntax: Syntax, w: Word, title: str) -> str:
    """The title with the verb's subject before it, when the title starts with the verb (or an auxiliary
    or negation of it) and the subject is not in it already; else the title as it is. An infinitive
    takes "to" ("Twitter to sue Meta"), as a headline tells what is to come."""
    if not title:
        return title
    first = title.split()[0].lower().strip(",;:")
    if first == "to" and (raised := _raised(text, syntax, w)) is not None:
        return f"{raised} {title[:1].lower()}{title[1:]}"
    aux = [k for k in syntax.kids(w, "aux", "aux:pass") if k.i < w.i]
    neg = [k for k in syntax.kids(w, "advmod") if k.i < w.i and k.lower in ("not", "n't", "never")]
    if first not in {w.lower} | {k.lower for k in aux + neg}:
        return title
    infinitive = w.tag == "VB" and any(k.lower == "to" for k in syntax.kids(w, "mark"))
    if w.tag == "VBG" and not aux:
        return title  # a participle frames its sentence ("marking ...", "including ..."): no subject
    s = _subject(syntax, w)
    if s is None or s.lower in _EXPLETIVE or s.i == w.i:
        return title
    name = _subject_text(text, syntax, s, w)
    h = syntax.head(s)
    sibs = [k for k in syntax.kids(h, "nsubj", "nsubj:pass")] if h is not None else []
    if name and len(sibs) > 1 and sibs[0].i == s.i:
        # a title and a name read as two subjects ("Chief of Staff | Andriy Yermak described"): one
        last = _subject_text(text, syntax, sibs[-1], w)
        end = syntax.subtree(sibs[-1], skip=_NOT_NAME)[-1].end
        if last and end < w.start:
            joined = text[syntax.subtree(s, skip=_NOT_NAME)[0].start : end]
            if joined.count(" ") < _MAX_WORDS and "\n" not in joined:
                name = joined
    if not name or name.lower() in title.lower():
        return title
    lead = ""
    if first == w.lower:
        # the auxiliaries and negation the title left out ("are closing", "did not offer")
        lead = " ".join(k.text for k in sorted(aux + neg, key=lambda k: k.i))
        if infinitive and not aux:
            lead = "to"
    name = name[:1].upper() + name[1:]
    return " ".join(x for x in (name, lead, title[:1].lower() + title[1:]) if x)


def told_noun_title(text: str, syntax: Syntax, n: Word, title: str) -> str:
    """A row told by the object noun of a finite verb ("officials identified the state's first death",
    "the ministry issued a warning") is titled with that verb and its subject when the title starts with
    the noun's phrase: "First death" is no sentence a reader could repeat, and says nothing of who told
    it."""
    verb = syntax.head(n)
    if n.dep != "obj" or verb is None or not syntax.is_predicate(verb) or verb.i > n.i:
        return title
    if not (verb.tag in ("VBD", "VBZ", "VBP") or syntax.kids(verb, "aux", "aux:pass")):
        return title
    phrase = syntax.subtree(n)
    if not title or not phrase or title.split()[0].lower() != phrase[0].lower:
        return title
    told = f"{verb.text} {title[:1].lower()}{title[1:]}"
    out = with_subject(text, syntax, verb, told)
    return out if out != told else title


def _raised(text: str, syntax: Syntax, w: Word) -> str | None:
    """For an infinitive whose subject is the subject of the verb it completes (`clause.raised_subject`):
    that subject and verb, as written ("The country was reported"), so that the title keeps who and the
    hedge."""
    raised = raised_subject(syntax, w)
    if raised is None:
        return None
    s, head = raised
    name = _subject_text(text, syntax, s, head)
    if not name:
        return None
    verb = [k for k in syntax.kids(head, "aux", "aux:pass", "advmod") if s.i < k.i < head.i]
    words = " ".join(x.text for x in sorted([*verb, head], key=lambda x: x.i))
    return f"{name[:1].upper()}{name[1:]} {words}"


TITLE_WORDS = 18


def statement_title(doc: Document, syntax: Syntax, w: Word, sayings: frozenset[str]) -> str | None:
    """A statement that is itself the row ("warned Russia may launch", "declared the causes will remain
    unknown") is titled with what it says: from its subject to the end of the clause it reports. `sayings`:
    the lemmas of verbs of saying and believing."""
    if w.lemma.lower() not in sayings:
        return None
    content = syntax.kids(w, "ccomp")
    subject = syntax.kids(w, "nsubj")
    if not content or not subject or doc.quote_at(content[0].start) is not None:
        return None
    start = syntax.subtree(subject[0], skip=frozenset({"acl:relcl", "appos", "punct"}))[0].start
    end = syntax.span(content[0], skip=frozenset({"punct", "parataxis"}))[1]
    if start >= w.start or end <= w.end:
        return None
    words = doc.text[start:end].split()
    text = " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")
    text = text.strip(" ,;:\"“”'`")
    return text[:1].upper() + text[1:] if len(text.split()) > 2 else None


def fragments(
    events: list[Event],
    told_alone: frozenset[int] = frozenset(),
    window: dict[int, str] | None = None,
    named: frozenset[int] = frozenset(),
) -> None:
    """Rows whose title is no sentence a reader could repeat, none with a time of its own clause: two
    words naming nobody ("Falling drones"; `named`, ids of events whose verb's subject is a name, do:
    "Reyes resigned"), or a short telling whose verb has nothing after it (`told_alone`, ids of such
    events: "Trump responded", "He continued": what was said is elsewhere)."""
    for e in events:
        if e.minor or (e.time is not None and e.time_source is None):
            continue
        n = len((window or {}).get(id(e), e.title).split())
        if (n <= 2 and not e.actors and id(e) not in named) or (
            n <= 4 and (e.kind == "statement" or id(e) in told_alone)
        ):
            e.minor = True


def _fuller(built: str, window: str) -> str:
    """The title built from the parse; or the window's, when it is the same words and goes on without a
    pause ("Zuckerberg expressed his optimism" of "... his optimism about the future of Threads"): a
    phrase that continues its clause with no comma is the clause's own, which the parse hung where the
    title left it out (a time it misread, a noun it took for a verb); and the window's, cut short or not,
    when the built one is only who and the verb."""
    n = len(built.split())
    if n < 2 or not window.startswith(built + " "):
        return built
    if n <= 3:
        return window  # a window cut short still beats a bare "Meteorologists had warned"
    return window if len(window.split()) <= 16 and not window.endswith("…") else built


class Told(NamedTuple):
    """A row told by a verb, as `retitle` takes it: the event, its verb's index, whether the verb only
    carries its noun ("launched an assault"), and the index of the noun that decided the row when a noun
    did ("announced plans to purchase ..."), else -1."""

    event: Event
    word: int
    carried: bool
    noun: int


def _tokens(title: str) -> list[str]:
    """The title's words, lowercased, without punctuation ("1,000" is "1" and "000" alike in both)."""
    return re.findall(r"\w+", title.lower())


def _group(syntax: Syntax, w: Word) -> set[str]:
    """The words a clause's verb group may open with: the verb, its auxiliaries, negation and "to"."""
    kids = syntax.kids(w, "aux", "aux:pass", "mark", "advmod")
    return {w.lower} | {k.lower for k in kids if k.dep != "mark" or k.lower == "to"}


def misread(syntax: Syntax, w: Word, carried: bool, built: str, window: str) -> str | None:
    """Why the title built from the parse is worse than the clause window's by its shape alone, the sign
    of a misparse; None when it is not. "trigger": it lacks the row's own word (what the row is about was
    hung elsewhere); "subject": it opens with the verb where the window's title named who did it first
    (the parser lost the subject); "fragment": it is a few of the window's words with no verb of a clause
    where the window's title was a whole clause (the parser cut the clause off at a word it misread)."""
    trigger = _tokens(w.text)
    new, old = _tokens(built), _tokens(window)
    if not trigger or not new or not all(t in new for t in trigger):
        return "trigger"
    group = _group(syntax, w)
    if carried and (head := syntax.head(w)) is not None:
        group |= _group(syntax, head)  # "launched an assault": the verb that carries the noun
    told = old.index(trigger[0]) if trigger[0] in old else -1
    # (a window's title cut before its verb still opened with who: "Egyptian foreign minister Sameh ...…")
    named = told > 0 or (told < 0 and window.endswith("…"))
    if named and old[0] not in group and new[0] in group:
        return "subject"  # who, then the verb; now the verb alone
    finite = {x.lower for x in syntax.sentence_words(w.sentence) if x.tag in _FINITE}
    if 2 * len(new) <= len(old) and set(new) <= set(old) and finite & set(old) and not finite & set(new):
        return "fragment"
    return None


def _words_of(syntax: Syntax, e: Event) -> frozenset[int]:
    """The words that tell the event: its mentions' triggers."""
    return frozenset(w.i for m in e.mentions if (w := syntax.at(m.trigger[0], m.trigger[1])) is not None)


def retitle(
    doc: Document,
    syntax: Syntax,
    times: list[TimeMention],
    events: list[Event],
    verbal: list[Told],
    window: dict[int, str],
) -> None:
    """The title of each row told by a verb (`verbal`: the event, its verb's index, whether the verb only
    carries its noun), built from the parse (`events.sentence`), once every row is known: a clause
    coordinated with a row's verb that tells a row of its own is left out of the title ("held a meeting
    and deployed police"), one that does not is part of what the row tells ("killed one person and
    injured 23 others"). `window`: each event's title as the clause window gave it."""
    rows = {id(e): _words_of(syntax, e) for e in events if not e.minor}
    every = frozenset().union(*rows.values())
    for e, word, carried, noun in verbal:
        if noun >= 0 and holds(syntax, syntax.words[noun], word):
            # "announced plans to purchase systems to fill gaps caused by ...": the row is the plans, which
            # the noun's title tells; a verb inside its phrase is a detail of it, not the row
            continue
        others = every - rows.get(id(e), frozenset())
        built = parse_title(doc, syntax, syntax.words[word], times, carried, others)
        old = window.get(id(e), e.title)
        if built and not misread(syntax, syntax.words[word], carried, built, old):
            e.title = _fuller(built, old)
