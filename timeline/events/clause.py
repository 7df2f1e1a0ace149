"""What a clause's own words say of its happening, before any verb above it is read: denied ("did not",
"no one"), a simple present (a state or a generality), the measure of a superlative; whether it is finite,
inside a framing participle, or a relative clause of a noun; the status its own auxiliaries, markers and
hedges give it (`status_of_clause`)."""

from __future__ import annotations

from functools import cache

from newsline.language.lexicon import events_data
from newsline.language.syntax import Syntax, Word
from newsline.model import Modality


def negated(syntax: Syntax, w: Word, neg: frozenset[str]) -> bool:
    """Whether the clause's own words deny it: a negation (`neg`) on its verb, "no longer", or a subject or
    object that is no one and nothing."""
    for k in syntax.kids(w):
        if k.dep in ("advmod", "neg", "det", "cc:preconj") and k.lower in neg:
            return True
        if k.dep == "advmod" and k.lower == "longer" and any(x.lower == "no" for x in syntax.kids(k)):
            return True
    # "yielded no progress", "No one was hurt": the happening named is denied
    for k in syntax.kids(w, "obj", "nsubj"):
        if k.lower in ("nothing", "nobody", "none", "no-one"):
            return True
        if any(d.dep == "det" and d.lower == "no" for d in syntax.kids(k)):
            return True
    return False


def has_until(syntax: Syntax, w: Word) -> bool:
    """ "did not reach the coast until Wednesday": the negation tells when it did happen."""
    for k in syntax.kids(w, "obl", "advcl", "advmod"):
        if k.lower == "until" or any(c.lower in ("until", "till") for c in syntax.kids(k, "case", "mark")):
            return True
    return False


def superlative(syntax: Syntax, n: Word | None) -> bool:
    """Whether a noun is the head of a superlative ("the worst storm", "one of the most destructive
    attacks")."""
    if n is None:
        return False
    heads = [n, *syntax.kids(n, "nmod")] if n.tag == "CD" or n.lower == "one" else [n]
    return any(
        a.tag in ("JJS", "RBS") or any(m.lower in ("most", "least") for m in syntax.kids(a, "advmod"))
        for h in heads
        for a in syntax.kids(h, "amod")
    )


def simple_present(syntax: Syntax, w: Word) -> bool:
    """A simple present, active or passive ("falls short", "is listed in critical condition"); a present
    perfect or a progressive tells a happening and is not one."""
    aux = syntax.kids(w, "aux")
    if w.tag in ("VBZ", "VBP"):
        return not aux
    if w.tag == "VBN" and not aux:
        return any(k.tag in ("VBZ", "VBP") for k in syntax.kids(w, "aux:pass"))
    return False


def finite(syntax: Syntax, w: Word) -> bool:
    """Whether the verb is finite: a tensed form, or an auxiliary or modal that is."""
    return w.tag in ("VBD", "VBZ", "VBP") or any(
        k.tag in ("VBD", "VBZ", "VBP", "MD") for k in syntax.kids(w, "aux", "aux:pass")
    )


def in_frame(syntax: Syntax, w: Word, W: dict[str, frozenset[str]]) -> bool:
    """Whether the word is told inside a participle that frames its sentence ("..., citing concerns over
    dwindling stockpiles", "..., marking one of the most destructive assaults"), below any finite verb."""
    for a in syntax.ancestors(w):
        if not syntax.is_predicate(a):
            continue
        if (
            a.tag in ("VBG", "VBN")
            and a.lemma.lower() in W["framing"]
            and a.lemma.lower() != "follow"  # "following his loss": a time, and the loss a happening
            and not syntax.kids(a, "nsubj", "aux")
        ):
            return True
        if a.tag in ("VBD", "VBZ", "VBP", "MD") or syntax.kids(a, "aux", "aux:pass", "nsubj"):
            return False
    return False


_RELATIVE = frozenset({"that", "which", "who", "whom", "whose"})


def relative(syntax: Syntax, w: Word) -> bool:
    """Whether the clause is a relative clause of the noun it hangs on: labelled so, or a plain "acl" with a
    relative pronoun as an argument ("the plan that the mayor proposed") or with a subject and a tense of
    its own ("a law the bloc passed"); not a complement clause ("the possibility that it fails")."""
    if w.dep == "acl:relcl":
        return True
    if w.dep != "acl" or syntax.kids(w, "mark"):
        return False
    return any(k.lower in _RELATIVE for k in syntax.kids(w, "nsubj", "nsubj:pass", "obj", "obl")) or bool(
        syntax.kids(w, "nsubj", "nsubj:pass") and finite(syntax, w)
    )


def counterfactual(syntax: Syntax, w: Word) -> bool:
    """Whether the clause tells what would have happened and did not: "would/could/might/should have" with
    a past participle under a condition ("could have been fined up to 225,000 euros if convicted", "would
    have been delivered if the sale had gone through"). Without one it may be a guess: "may have been
    killed", "the batteries would have expired by now"."""
    aux = [k.lower for k in syntax.kids(w, "aux")]
    if w.tag != "VBN" or "have" not in aux:
        return False
    if not any(a in ("would", "'d", "could", "might", "should") for a in aux):
        return False
    # (the condition anywhere in the clause: the parser may hang it on a word of the verb's phrase)
    return any(
        k.dep == "advcl" and any(m.lower == "if" for m in syntax.kids(k, "mark")) for k in syntax.subtree(w)
    )


def opens(words_: list[Word], x: Word) -> bool:
    """Whether the word is an opening quotation mark: a curly or doubled one, or a straight one written
    against the word after it and apart from the word before it."""
    if x.text in ("“", "``"):
        return True
    if x.text != '"' or x.i + 1 >= len(words_) or words_[x.i + 1].start != x.end:
        return False
    return x.i == 0 or words_[x.i - 1].end != x.start



def is_clause(syntax: Syntax, w: Word) -> bool:
    """Whether the word heads a clause: a predicate, or a noun or adjective with a copula or a subject
    ("the outbreak is at the centre", "Trump is a scoundrel")."""
    return syntax.is_predicate(w) or bool(syntax.kids(w, "cop", "nsubj", "nsubj:pass"))



def relative_link(syntax: Syntax, k: Word) -> bool:
    """Whether the branch of `k` is what links a relative clause to its noun ("in which", "under which",
    "whose ...")."""
    return any(relative_word(x) for x in syntax.subtree(k)[:2])


def relative_word(x: Word) -> bool:
    """A relative pronoun, determiner or adverb ("who", "which", "whose", "where"), not an acronym the
    tagger read as one ("WHO")."""
    return x.tag in ("WDT", "WP", "WP$", "WRB") and not (len(x.text) > 1 and x.text.isupper())



def before_a_verb(syntax: Syntax, k: Word, top: Word) -> bool:
    """Whether the branch of `k` is right before a finite verb other than the title's own `top` that has
    no subject: a noun there is that verb's subject, whatever the parser hung it on."""
    j = syntax.subtree(k)[-1].i + 1
    nxt = syntax.words[j] if j < len(syntax.words) else None
    return (
        nxt is not None
        and nxt.i != top.i
        and nxt.sentence == k.sentence
        and nxt.tag in ("VBD", "VBZ", "VBP", "MD")
        and not syntax.kids(nxt, "nsubj", "nsubj:pass")
        and not any(x.i == nxt.i for x in syntax.kids(top, "aux", "aux:pass", "cop"))
    )



def across_semicolon(syntax: Syntax, k: Word, top: Word) -> bool:
    """Whether a semicolon stands between the branch of `k` and the predicate `top`: a semicolon joins
    two clauses, whatever the parser hung on which."""
    sub = syntax.subtree(k)
    lo, hi = (sub[-1].i, top.i) if sub[-1].i < top.i else (top.i, sub[0].i)
    return any(syntax.words[j].text == ";" for j in range(lo + 1, hi))



def holds(syntax: Syntax, k: Word, i: int) -> bool:
    """Whether the word of index `i` is in the branch under `k` (not `k` itself); False for i < 0."""
    return i >= 0 and any(a.i == k.i for a in syntax.ancestors(syntax.words[i]))



def holds_or_is(syntax: Syntax, s: Word, x: Word) -> bool:
    """Whether `x` is `s` or in the branch under it."""
    return x.i == s.i or any(a.i == s.i for a in syntax.ancestors(x))


_RELATIVE_SUBJECT = frozenset({"who", "which", "that", "whom"})
_NO_SUBJECT = _RELATIVE_SUBJECT | {"it", "there"}


def raised_subject(syntax: Syntax, w: Word) -> tuple[Word, Word] | None:
    """For an infinitive whose subject is the subject of the verb it completes ("the country was reported
    to have closed its borders", "rescuers worked to contain it"): (that subject, that verb). None when the
    verb has an object ("urged Germany to send": Germany sends), or no subject to name (an expletive or a
    relative pronoun)."""
    head = syntax.head(w)
    if head is None or not is_clause(syntax, head) or syntax.kids(head, "obj", "iobj"):
        return None
    subjects = syntax.kids(head, "nsubj", "nsubj:pass")
    # (the parser sometimes hangs a passive's infinitive as an adverbial clause; an active verb's adverbial
    # infinitive is a purpose, "went to Paris to meet", whose subject is not raised; and an adjective's
    # infinitive as its clausal subject, "he is due to visit", though the adjective has a subject)
    if not (
        w.dep == "xcomp"
        or (w.dep == "advcl" and syntax.kids(head, "aux:pass"))
        or (w.dep == "csubj" and bool(subjects))
    ):
        return None
    if not any(m.lower == "to" for m in syntax.kids(w, "mark") + syntax.kids(head, "fixed")):
        return None
    if not subjects or subjects[0].lower in _NO_SUBJECT:
        return None
    return subjects[0], head


def _cleft_focus(syntax: Syntax, rel: Word) -> Word | None:
    """In a cleft ("it was Europe that was targeted", "it is the families who pay"), the noun the relative
    pronoun stands for is the one "it is" puts right before it, whatever the parser hung the clause on."""
    if rel.i == 0:
        return None
    x = syntax.words[rel.i - 1]
    cleft = (
        x.tag.startswith("NN")
        and any(k.lemma.lower() == "be" for k in syntax.kids(x, "cop"))
        and any(k.lower == "it" for k in syntax.kids(x, "nsubj"))
    )
    return x if cleft else None


def own_subject(syntax: Syntax, w: Word) -> Word | None:
    """The verb's own subject, a relative pronoun read as the noun it stands for ("the man who was killed":
    the man; in a cleft, the noun "it was" puts before it); None when the verb has none."""
    own = syntax.kids(w, "nsubj", "nsubj:pass")
    if not own:
        return None
    s = own[0]
    if s.lower in _RELATIVE_SUBJECT and w.dep.startswith("acl") and (h := syntax.head(w)) is not None:
        return _cleft_focus(syntax, s) or h
    return s


def marked(syntax: Syntax, w: Word, marker: str) -> bool:
    """Whether the clause is introduced by `marker` ("to" of an infinitive, "on" of "planning on")."""
    return any(m.lower == marker for m in syntax.kids(w, "mark"))


def status_of_clause(syntax: Syntax, w: Word, W: dict[str, frozenset[str]]) -> Modality | None:
    """The status the predicate's own words give it."""
    if negated(syntax, w, W["negations"]) and not has_until(syntax, w):
        return Modality.NEGATED
    if marked(syntax, w, "to") and any(
        k.lower in ("is", "are", "was", "were", "'s", "'re") for k in syntax.kids(w, "cop", "aux")
    ):
        return Modality.PLANNED  # "Courtois is to be presented", "the aim was to reach": arranged, to come
    if counterfactual(syntax, w):
        return Modality.NEGATED  # "could have been fined if convicted", "would have turned 80": it did not
    if any(m.lower in W["conditional"] for a in syntax.kids(w, "advcl") for m in syntax.kids(a, "mark")) and (
        any(k.lower in W["modal_planned"] | W["modal_possible"] for k in syntax.kids(w, "aux"))
    ):
        return Modality.POSSIBLE  # "if the motion passes, elections would be held": only on that condition
    for k in syntax.kids(w, "aux", "mark", "advmod"):
        low = k.lower
        if k.dep.startswith("aux") and low in W["modal_planned"]:
            return Modality.PLANNED
        if k.dep.startswith("aux") and low in W["modal_possible"]:
            return Modality.POSSIBLE
        if k.dep == "mark" and low in W["conditional"]:
            return Modality.POSSIBLE
        if k.dep == "advmod" and low in W["hedges"]:
            return Modality.POSSIBLE
    return None


_DOUBLE_QUOTES = frozenset({'"', "“", "”", "``", "''"})
# How many sentences back a "he", "she", "his" or "her" may look for the person it stands for.
_PRONOUN_REACH = 2


def last_person(syntax: Syntax, pronoun: Word) -> str | None:
    """The name of `last_doer`, or None."""
    found = last_doer(syntax, pronoun)
    return found[0] if found else None


def last_doer(syntax: Syntax, pronoun: Word) -> tuple[str, int] | None:
    """The person a "he", "she", "his" or "her" most likely stands for: the last proper name before it,
    within its sentence and the two before, that is the subject of a clause (news names someone as the
    doer, then goes on with "he" and "his"; a "he" or "she" subject on the way goes on with the same
    person); its name words only ("Alexei Navalny" of "opposition leader Alexei Navalny"). None when no
    such name is near, or the last doer is no one person by name ("police", "Ministers"), or a quotation
    mark lies between (the speaker of '... described: "He very quickly got ...' is not the "he"). With the
    name, where it stands in the text."""
    for x in reversed(syntax.words[: pronoun.i]):
        if x.sentence < pronoun.sentence - _PRONOUN_REACH or x.text in _DOUBLE_QUOTES:
            return None
        if x.dep.split(":")[0] != "nsubj" or x.lower in ("he", "she"):
            continue
        if x.tag in ("NN", "NNS"):
            # "The senator, Maria Lopez, voted": the name in apposition
            x = next((k for k in syntax.kids(x, "appos") if k.tag in ("NNP", "NNPS")), x)
        if x.tag != "NNP" and syntax.words[x.head].dep.startswith("acl"):
            continue  # a thing a relative clause tells of ("Rossi, whose house was flooded. She ...")
        if x.tag != "NNP":
            return None  # the last doer is no one person by name ("the ministers", "police")
        parts = [x, *(k for k in syntax.kids(x, "flat", "compound") if k.tag == "NNP")]
        return " ".join(p.text for p in sorted(parts, key=lambda p: p.i)), x.start
    return None


def teller(syntax: Syntax, pronoun: Word) -> str | None:
    """The subject an "it" or "they" stands for when it is the subject of what that subject says ("shipping
    group Maersk said it had diverted three ships", "officials said they had closed the road"): the words
    of the teller's noun phrase, without a clause or an aside on it. Only where the two agree in number
    ("it" one, "they" many or a body told as many: "the military have said they will"), an "it" only of
    what a noun says is an organisation ("the company", "shipping group Maersk"; rules/events.toml), and
    not the "it" of a verdict or an appraisal ("said it was a tragic accident", "said it remains
    unclear"). None else."""
    verb = syntax.head(pronoun)
    said = syntax.head(verb) if verb is not None and verb.dep == "ccomp" else None
    if said is None or verb is None or verb.lemma.lower() == "be" or syntax.kids(verb, "cop"):
        return None
    if any(k.tag.startswith("JJ") for k in syntax.kids(verb, "xcomp")):
        return None
    s = next((k for k in syntax.kids(said, "nsubj") if k.tag.startswith("NN")), None)
    if s is None:
        return None
    many = (
        (s.tag == "NNS" or (s.tag == "NNPS" and s.lower not in _organisation_nouns()))  # ("Technologies")
        or bool(syntax.kids(s, "conj"))
        or any(x.tag == "VBP" for x in (said, *syntax.kids(said, "aux")))
    )
    if many != (pronoun.lower == "they"):
        return None
    if pronoun.lower == "it" and not any(
        x.lower in _organisation_nouns() or x.lemma.lower() in _organisation_nouns()
        for x in (s, *syntax.kids(s, "nmod:desc", "compound", "flat"))
    ):
        return None  # "Trump acknowledged it yielded no progress": a name alone may be a person's
    ws = syntax.subtree(s, skip=frozenset({"acl", "acl:relcl", "appos", "punct", "advcl", "parataxis"}))
    if len(ws) > 6:
        ws = [s, *syntax.kids(s, "flat", "compound")]
    ws = sorted(ws, key=lambda x: x.i)
    return "".join(x.text if i == 0 or ws[i - 1].end == x.start else " " + x.text for i, x in enumerate(ws))


@cache
def _organisation_nouns() -> frozenset[str]:
    # (and the words that end organisations' names: "Northwind Technologies", "Acme Corp")
    entity = events_data()["entity"]
    return frozenset(entity["organisation_nouns"]) | frozenset(entity["generic_words"])


def denied(syntax: Syntax, w: Word, denial: frozenset[str]) -> bool:
    """Whether the clause is what a verb of denial (`denial`, their lemmas) says ("denied it would close
    the plant")."""
    gov = syntax.head(w)
    return gov is not None and gov.lemma.lower() in denial
