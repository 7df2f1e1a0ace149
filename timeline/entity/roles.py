"""Whether an entity takes part in an event, read off the sentence's dependency analysis.

The entity takes part when a reference to it (`newsline.entity.references`: a name, a pronoun, a
description) heads one of the trigger's arguments, or sits in that argument in a way that makes the
entity the one concerned:

- the subject, object or agent of a verb ("Boeing delivered", "defeated Boeing", "was founded by the
  Beatles"), or an oblique of it ("sold to Boeing", "a dispute with Airbus");
- the possessor of the subject or object, or what it is "of" ("IBM's shares fell", "shares of IBM fell"),
  unless that noun is a person or another organisation ("IBM's chief executive said", "a unit of IBM
  said": the chief executive, the unit);
- the noun a participle or a relative clause describes ("the recently announced iPhone 4", "Airbus, which
  sold 30 jets");
- for a verb without a subject of its own, its controller's: a verb joined by "and" ("welcomed everyone and
  announced"), an infinitive ("plans to cut": the subject; "forced Apple to lower": the object); not a
  participle clause's ("..., allowing them to listen": what allows is often the whole clause before);
- never the term of a comparison ("sold more planes than Boeing");
- for an event noun, its possessor, compound or "of"-phrase ("Boeing's protest", "iPod use", "the
  purchase of 787s"), or the subject of a light verb that takes it ("Airbus made its maiden flight").

Reads: `newsline.language.syntax.Syntax` of the article and the character spans of the references.
"""

from __future__ import annotations

from functools import cache

from newsline.language.lexicon import events_data, titles
from newsline.language.syntax import Syntax, Word

# The arguments of a verb, and of a noun, that name a participant.
VERB_ARGS = frozenset(["nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "csubj"])
NOUN_ARGS = frozenset(["nmod", "nmod:poss", "compound", "amod", "obl"])
# Relations inside a noun phrase that keep the phrase about the same thing: "Apple Inc.", "Northrop
# Grumman and EADS", "Ryanair, Europe's largest low-cost airline".
SAME_THING = frozenset(["compound", "flat", "flat:name", "appos", "conj", "fixed"])
# Relations that hang an owner on a noun: "IBM's shares", "shares of IBM".
OWNER = frozenset(["nmod:poss", "nmod"])
OWNERS_ON = False
SUBJECTS = frozenset(["nsubj", "nsubj:pass", "csubj"])


@cache
def _other_party_nouns() -> frozenset[str]:
    """Nouns for a person or an organisation of its own: "IBM's chief executive", "a unit of Boeing",
    "Airbus's rival" speak of that person or body, not of the entity."""
    words = {w.lower() for t in titles() for w in t.split() if w.isalpha()}
    data = events_data()["entity"]
    return frozenset(words) | frozenset(data["organisation_nouns"]) | frozenset(data["party_nouns"])


@cache
def _light_lemmas() -> frozenset[str]:
    return frozenset(events_data()["roles"]["light_verbs"])


def _is_thing(w: Word) -> bool:
    """Whether an owned noun is a thing of the owner's (its shares, its planes, its plan) rather than a
    person or body of its own."""
    return w.lemma.lower() not in _other_party_nouns() and w.lower not in _other_party_nouns() and (
        w.tag not in ("NNP", "NNPS")
    )


def in_phrase(syn: Syntax, head: Word, refs: set[int], owners: bool) -> bool:
    """Whether a reference to the entity is the phrase under `head`: `head` itself, a word joined to it as
    the same thing (a compound, a name, an apposition, a conjunct), or (with `owners`) the owner of a
    thing that is `head` ("IBM's shares", "shares of IBM")."""
    if head.i in refs:
        return True
    for k in syn.kids(head):
        if k.dep in SAME_THING and in_phrase(syn, k, refs, owners):
            return True
        if OWNERS_ON and owners and k.dep in OWNER and _is_thing(head) and in_phrase(syn, k, refs, False):
            return True
    return False


def _compared(syn: Syntax, w: Word) -> bool:
    """An oblique of comparison ("sold more planes than Boeing") says nothing Boeing did."""
    return any(k.dep == "case" and k.lower in ("than", "unlike") for k in syn.kids(w))


def _controller_args(syn: Syntax, w: Word) -> list[tuple[Word, bool]]:
    """The arguments a verb without a subject of its own takes from the verb it depends on."""
    head = syn.head(w)
    if head is None or syn.kids(w, *SUBJECTS):
        return []
    if w.dep == "conj" and head.verbal:
        return [(s, True) for s in syn.kids(head, *SUBJECTS)] + _controller_args(syn, head)
    if w.dep == "xcomp":
        objs = syn.kids(head, "obj")
        return [(o, True) for o in objs] if objs else [(s, True) for s in syn.kids(head, *SUBJECTS)]
    if w.dep in ("acl", "amod") or (w.dep == "acl:relcl" and syn.kids(w, "nsubj", "obj")):
        return [(head, False)]  # "the recently announced iPhone 4"
    if w.dep == "acl:relcl":
        return [(head, False)]  # "Airbus, which sold 30 jets": the relative pronoun is the subject
    return []


def takes_part(syn: Syntax, trigger: tuple[int, int], refs: set[int], nominal: bool) -> bool | None:
    """Whether a reference to the entity (`refs`: indexes of its words in `syn`) is a participant of the
    event whose trigger spans `trigger` (see the module's docstring); None when the parse has no word
    there."""
    w = syn.at(*trigger)
    if w is None:
        return None
    if w.i in refs:
        return True  # the trigger is in the name: "the Boeing scandal"
    args: list[tuple[Word, bool]] = []
    if nominal or not w.verbal:
        args += [(k, k.dep != "amod") for k in syn.kids(w) if k.dep in NOUN_ARGS]
        head = syn.head(w)
        if head is not None and w.dep == "obj" and head.lemma.lower() in _light_lemmas():
            args += [(s, True) for s in syn.kids(head, *SUBJECTS)]  # "Airbus made its maiden flight"
        if head is not None and w.dep in ("nsubj", "nsubj:pass") and any(
            k.dep == "cop" for k in syn.kids(head)
        ):
            args.append((head, False))  # "the launch was Apple's": rare, kept for symmetry
    if w.verbal or not nominal:
        # A verb's subject and objects; the owner of its subject or object, not of an oblique ("announced
        # at Apple's conference" is not Apple's announcement).
        args += [(k, k.dep != "obl") for k in syn.kids(w) if k.dep in VERB_ARGS and not _compared(syn, k)]
        args += _controller_args(syn, w)
    return any(in_phrase(syn, a, refs, owners) for a, owners in args)


def ref_words(syn: Syntax, spans: list[tuple[int, int]]) -> set[int]:
    """Indexes of the words of `syn` inside the character spans of the entity's references."""
    out: set[int] = set()
    for a, b in spans:
        w = syn.at(a)
        k = w.i if w is not None else len(syn.words)
        while k < len(syn.words) and syn.words[k].start < b:
            if syn.words[k].end <= b and syn.words[k].start >= a:
                out.add(k)
            k += 1
    return out
