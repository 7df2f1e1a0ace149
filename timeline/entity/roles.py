"""Participants from the parse: which words of a sentence name a participant of an event, read off the
dependency analysis (`newsline.language.syntax`) instead of from the words near the trigger.

A participant of a verb is its subject, its object, its indirect object, the agent of a passive ("was
praised by Jobs") and a noun it governs through a preposition that ties a party to a happening ("delivered
to Singapore Airlines", "a suit against Apple"), but not a place or a time ("in Toulouse", "in 2004"). A
verb without a subject of its own takes one from the clause it hangs on, as English leaves it out there:

- a verb joined by "and" to another ("Jobs returned to Apple and reassumed the role of CEO");
- an infinitive or participle complement: the object of the verb above, else its subject ("forced Apple
  to lower its prices", "Airbus decided to take the case");
- a participle clause ("Jobs started by hinting at the incident, saying ...");
- a participle or infinitive that qualifies a noun: the noun ("the aircraft leaving a parking space", "the
  first A380, made by Airbus"), and a relative clause's "which"/"who": the noun it qualifies ("Singapore
  Airlines, which will be the first to operate the plane").

A participant of an event noun is its possessor ("Boeing's protest", "its launch"), a noun before it
("iPod use"), a noun tied to it by a preposition ("the purchase of 22 787s", "a deal with Boeing"), and the
subject of a light verb whose object it is ("Airbus makes its maiden flight").

A participant word names the entity when it lies in one of the entity's references, when its own name
qualifier does ("the first A380 superjumbo", "Northrop Grumman and EADS"), or when the entity owns it and
it is a thing, not a party of its own: "IBM's shares fell", "shares of IBM fell", "its profit rose" are
about IBM; "Boeing's rival announced", "the chief executive of Airbus said" are about the rival and the
chief executive.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache

from newsline.language.lexicon import events_data, noun_forms
from newsline.language.syntax import Syntax, Word

# Prepositions that tie a party to a happening: "delivered to", "a suit against", "a deal with", "bought
# from", "the purchase of", "bid for", "chosen by", "a dispute between", "a win over".
PARTY_CASES = frozenset(["of", "by", "between", "from", "with", "against", "for", "to", "over"])
# Words that stand for the noun their relative clause qualifies: "Singapore Airlines, which will ...".
RELATIVES = frozenset(["which", "who", "whom", "that"])
SUBJECTS = ("nsubj", "csubj")
OBJECTS = ("obj", "iobj")


@cache
def light_lemmas() -> frozenset[str]:
    """Verbs whose object names the happening ("makes its maiden flight", "launched an assault"): their
    subject takes part in it."""
    return frozenset(w for v in events_data()["roles"]["light_verbs"] for w in v.split()[:1])


def _cases(syntax: Syntax, w: Word) -> set[str]:
    return {c.lower for c in syntax.kids(w, "case")}


def _subject(syntax: Syntax, verb: Word, statement: bool = False, depth: int = 0) -> list[Word]:
    """The subject of `verb`: its own, else the one English leaves out (see the module's docstring).
    `statement`: the verb tells what someone said (see `_shares_subject`)."""
    own = syntax.kids(verb, *SUBJECTS)
    if own or depth > 4:
        return own
    head = syntax.head(verb)
    if head is None:
        return []
    dep = verb.dep.partition(":")[0]
    if dep == "conj":
        return _subject(syntax, head, False, depth + 1)
    if dep == "xcomp":
        return syntax.kids(head, "obj") or _subject(syntax, head, False, depth + 1)
    if dep == "advcl" and _shares_subject(syntax, verb, head, statement):
        return _subject(syntax, head, False, depth + 1)
    if dep == "acl" and verb.tag == "VBG":
        return [head]  # "the aircraft leaving a parking space"
    return []


def _shares_subject(syntax: Syntax, verb: Word, head: Word, statement: bool) -> bool:
    """Whether an adverbial clause without a subject has the subject of the clause it hangs on: a purpose
    ("returned to the stage to reveal"), a participle opened by a preposition or conjunction ("by
    hinting", "while introducing") or put before the clause, and a trailing participle that tells what the
    subject said ("..., saying"). Another trailing participle often tells what the whole clause brought
    about ("announced 35 new orders, bringing the total to 677"; "a feature that mirrors a library,
    allowing users to listen"): that is no act of the subject's."""
    if verb.tag == "VB":
        return any(m.lower == "to" for m in syntax.kids(verb, "mark"))
    if verb.tag not in ("VBG", "VBN"):
        return False
    return bool(syntax.kids(verb, "mark", "case")) or verb.i < head.i or statement


def arguments(syntax: Syntax, w: Word, nominal: bool, statement: bool = False) -> list[Word]:
    """The words that head the participants of the event whose trigger is `w` (see the module's
    docstring), relative pronouns replaced by the noun they stand for. `statement`: the event is
    something said."""
    out: list[Word] = []
    if nominal or not w.tag.startswith("VB"):
        for k in syntax.kids(w, "nmod", "compound", "amod", "flat"):
            if k.dep != "nmod" or _cases(syntax, k) & PARTY_CASES:
                out.append(k)  # a possessor, a noun before it, or a party by its preposition
        head = syntax.head(w)
        counted = syntax.kids(w, "nummod")  # "800 orders": a count of things held, not a happening
        if head is not None and w.dep in OBJECTS and head.lemma.lower() in light_lemmas() and not counted:
            out += _subject(syntax, head)
    else:
        out += _subject(syntax, w, statement)
        out += syntax.kids(w, *OBJECTS)
        for k in syntax.kids(w, "obl"):
            if k.dep == "obl:agent" or _cases(syntax, k) & PARTY_CASES:
                out.append(k)
        head = syntax.head(w)
        if head is not None and w.dep == "acl" and w.tag == "VBN":
            out.append(head)  # "the first A380, made by Airbus": the A380 is what was made
    resolved = []
    for a in out:
        if a.lower in RELATIVES and (rel := _relative_head(syntax, a)) is not None:
            a = rel
        resolved.append(a)
    # Words joined to a participant by "and" are participants too: "Northrop Grumman and EADS defeated".
    return [x for a in resolved for x in _with_conjuncts(syntax, a)]


def _relative_head(syntax: Syntax, w: Word) -> Word | None:
    """The noun a relative clause qualifies, for its relative pronoun `w`."""
    for h in syntax.ancestors(w):
        if h.dep == "acl:relcl":
            return syntax.head(h)
        if h.dep in ("root", "ccomp", "advcl"):
            return None
    return None


def _with_conjuncts(syntax: Syntax, w: Word) -> Iterator[Word]:
    yield w
    for c in syntax.kids(w, "conj"):
        if not c.tag.startswith("VB"):
            yield c


def names_entity(
    syntax: Syntax,
    a: Word,
    inside: Callable[[Word], object],
    party: frozenset[str],
    kinds: frozenset[str],
    owner: bool = True,
) -> object:
    """The reference (what `inside` returns for a word in one) by which participant word `a` names the
    entity, or None: the word itself; a name before a noun that says what kind of thing the name is ("the
    first A380 superjumbo", "the Acme company": `kinds`); or, with `owner`, the entity as the owner of a
    thing that is neither a party of its own (`party`: "Boeing's rival", "the chief executive of Airbus"),
    nor a thing of its own kind ("Boeing's newest aircraft made its first flight": the aircraft did), nor
    a happening ("the purchase of 22 Dreamliners" is the buyer's act)."""
    ref = inside(a)
    if ref is not None:
        return ref
    if a.lower in kinds:
        for k in syntax.kids(a, "compound", "flat", "amod"):
            if k.tag.startswith("NNP") or any(ch.isdigit() for ch in k.text):
                ref = inside(k)
                if ref is not None:
                    return ref
    if not owner or a.lower in party | kinds or a.lower in noun_forms() or a.tag.startswith("NNP"):
        return None
    if a.tag == "PRP":
        return None
    for k in syntax.kids(a, "nmod"):
        if k.dep == "nmod:poss" or "of" in _cases(syntax, k):
            ref = inside(k)
            if ref is not None:
                return ref
    return None
