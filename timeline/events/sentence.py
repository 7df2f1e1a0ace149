"""Titles built from the parse: a row's title is the sentence a reader could repeat, "who did what (to
whom, where)", made of the words of the event's clause that say what happened, in the article's order and
spacing.

A verb's title is its subject (its own, or the one it shares: with the clause it is coordinated with, "Macron
held a meeting and deployed police"; the verb that controls it, "Rescuers worked to contain it"; the noun
a participle qualifies, "a man killed by police"; the noun a relative pronoun stands for), its auxiliaries,
negation and modals, its objects, complements, particles and the prepositional phrases that say to whom
and where. Left out, because the row says them elsewhere or they are another story: time expressions (the
row shows the day; a time that modifies a noun stays, "the 2009 crash", "in this year's World Cup", and a
rate or a length stays with the count it qualifies, "1,000 drones per day", "two flights a week"),
attributions ("according to ...", ", X said": the speaker column), relative clauses and long appositions
(who someone is), trailing participle and adverbial clauses ("..., citing concerns", "..., with officials
saying ..."), the clauses coordinated with it (rows of their own), a speaker's quoted clauses (the quote's
words, not the article's), and the connectives that tie the clause to the text around it ("however",
"also"). A noun that names the event ("the attack", "the shelling of Kyiv") keeps its noun phrase; one that
a verb only carries ("launched an assault", "the call ended") is titled with that verb's clause.

Reads: an event's word in the `Syntax`, the article's time mentions. Writes: the title (`events.roles.judge`
calls this).
"""

from __future__ import annotations

from newsline.events.branch import (
    TEMPORAL,
    Context,
    agent_of_subject,
    complement_clause,
    frame,
    object_before,
    quantified,
    rescued,
    set_off,
    tells_a_row,
)
from newsline.events.clause import (
    across_semicolon,
    before_a_verb,
    holds,
    holds_or_is,
    is_clause,
    own_subject,
    raised_subject,
    relative_link,
    relative_word,
)
from newsline.events.wording import DASHES, QUOTE_MARKS, write
from newsline.language.syntax import Syntax, Word
from newsline.language.text import Document
from newsline.model import TimeMention

_RELATIVE = frozenset({"who", "which", "that", "whom"})
_EXPLETIVE = frozenset({"it", "there"})
# Heads a participle must stay with to mean anything ("those combating the outbreak", "anyone resisting").
_PRONOUNS = frozenset({"those", "anyone", "anybody", "everyone", "someone", "people", "all"})
# A subject longer than this is shortened to its name (its determiners, modifiers and head).
SUBJECT_WORDS = 8
# An apposition of more words than this says who someone is, not their name ("Ralph Crosby, the
# company's North America chief executive"): left out. A short one is part of the name ("Paris, Texas",
# "the investigators (BEA)").
APPOSITION_WORDS = 3

# Relations whose branch is never part of a title: relative and adverbial clauses, asides, what the parser
# could not attach.
_NEVER = frozenset(
    {"acl:relcl", "advcl:relcl", "parataxis", "discourse", "vocative", "dislocated", "reparandum",
     "list", "dep", "orphan"}
)
# Adjuncts of the verb that, set off by a comma before the subject, frame the sentence ("In a statement,
# ...", "After the meeting, ...", "However, ..."): not what happened.
_ADJUNCT = frozenset(
    {"obl", "obl:tmod", "obl:npmod", "obl:unmarked", "advmod", "nmod", "nmod:tmod", "nmod:unmarked", "advcl"}
)
# Words that end no title: what they lead to or modify is left out after them.
# Conjunctions that subordinate a clause of time, cause, condition or concession: what they lead is
# another happening, whatever relation the parser gave it.
_SUBORDINATING = frozenset(
    {"as", "while", "whilst", "because", "although", "though", "if", "unless", "when", "whenever", "after",
     "before", "since", "until", "till", "whereas", "once"}
)


def _keep(c: Context, k: Word, parent: Word, top: Word, subject: Word | None) -> bool:
    """Whether the branch of `k`, a dependent of `parent`, belongs in the title of `top`."""
    syntax = c.syntax
    dep = k.dep
    base = dep.split(":")[0]
    if (
        k.tag in ("VBG", "VBN")
        and k.lemma.lower() in c.framing
        and dep not in ("amod", "compound")
        and not syntax.kids(k, "nsubj", "aux")
    ):
        return False  # "citing concerns", "including 60", "marking one of ...": the sentence's frame
    if any(m.lower in _SUBORDINATING for m in syntax.kids(k, "mark")):
        return False  # "as Russia escalates ...", "while talks went on": a clause of its own
    if dep == "mark" and k.lower == "that" and parent.dep == "ccomp" and k.i + 1 < len(syntax.words):
        return False  # "warned [that] Russia may deploy": a title drops the complementiser, as headlines do
    sub = [x for x in syntax.subtree(k) if x.dep != "punct"] or [k]
    lead = sub[0]
    opener = syntax.words[lead.i - 1] if lead.i > 0 else lead  # ", though [by political means]"
    if opener.text in QUOTE_MARKS and opener.i > 0:
        opener = syntax.words[opener.i - 1]
    asides = c.framing | c.connectives | _SUBORDINATING
    if k.i > parent.i and (
        (set_off(c, k, False) and (lead.lemma.lower() in asides or lead.lower in asides))
        or (opener.lower in asides and opener.i > 0 and syntax.words[opener.i - 1].text in DASHES)
    ):
        return False  # "..., including 60 downed by ...", "..., though by political means": an aside
    if k.dep.split(":")[0] == "conj" and k.tag.startswith("NN") and before_a_verb(syntax, k, top):
        return False  # "... air attacks and Andrii Sybiha said": the subject of the next clause
    if base == "advcl" and not complement_clause(c, k, parent):
        return False  # "..., citing concerns", "after talks failed", "to support survivors"
    if dep in _NEVER or base == "parataxis":
        return False
    if dep == "acl" and k.tag in ("VBG", "VBN") and any(x.dep != "punct" for x in syntax.kids(k)) and not (
        syntax.kids(k, "case", "mark")
        or (parent.tag in ("DT", "PRP", "NN", "NNS") and parent.lower in _PRONOUNS)
        or agent_of_subject(syntax, k, parent, top)
    ):
        # "media reports discussing a phone call", "the man driving the truck": a relative clause told
        # without its pronoun says which one, not what happened (but "commitment to achieving ...")
        return False
    if frame(c, k, parent):
        return False
    if dep == "appos" and set_off(c, k, False) and (
        sum(x.dep != "punct" for x in syntax.subtree(k)) > APPOSITION_WORDS
    ):
        return False  # "Ralph Crosby, the company's North America chief": who he is, not his name
    if dep in _ADJUNCT and k.lemma.lower() in c.connectives and not syntax.kids(k):
        return False  # "however", "also", "then", "yesterday": what ties it to the text around it
    before = syntax.words[k.i - 1] if k.i > 0 else None
    if dep == "advmod" and before is not None and before.dep == "advmod" and before.head == k.head and (
        before.lemma.lower() in c.connectives and k.lower in ("on", "off")
    ):
        return False  # "late on", "later on": the adverb of time's own particle
    if any(x.tag in ("VBN", "VBG") or x.lemma.lower() in c.framing for x in syntax.kids(k, "case")):
        return False  # "following the talks", "given the fact", "including ...": a frame or a time
    if c.quoted_apart(k):
        return False  # 'ordered his troops to "crush anyone who resists"': the quote's own words
    if base == "conj" and is_clause(syntax, k) and (
        syntax.kids(k, "nsubj", "nsubj:pass", "expl") or (parent.i == top.i and tells_a_row(c, k))
    ):
        # "..., but a scandal erupted": a clause of its own; "... and deployed police", when the deployment
        # is a row: told there. A verb that shares the subject and tells no row of its own is part of what
        # this row tells ("killed one person and injured 23 others")
        return False
    before_subject = subject is not None and syntax.subtree(k)[-1].i < subject.i
    if dep in _ADJUNCT and before_subject and set_off(c, k, True):
        return False  # "In a statement, ...", "On the battlefield, ...": the frame of the sentence
    if (dep in _ADJUNCT or base in ("acl", "amod")) and set_off(c, k, True) and set_off(c, k, False):
        return False  # "Putin, on television, offered", "The bill, passed by the Senate, would": an aside
    if parent.i != top.i:
        return True
    # the predicate's own dependents
    if across_semicolon(syntax, k, top):
        return False  # "which the pilots disregarded; Airbus agreed with this explanation"
    if (
        dep == "ccomp"
        and k.i > top.i
        and set_off(c, k, False)
        and syntax.subtree(k)[0].i > top.i + 1
        and not object_before(syntax, k)
    ):
        return False  # "called the ban 'strange' given the fact, he has retired": another clause
    if c.outside_quote(k) and not dep.startswith(("nsubj", "expl")):
        return False
    if relative_link(syntax, k):
        return False  # "[the memoranda] in which Turkey and Libya agreed": Turkey and Libya agreed
    if dep == "xcomp" and k.tag in ("VBD", "VBZ", "VBP") and set_off(c, k, False):
        return False  # a finite verb after a comma is a clause of its own that the parser hung here
    if dep == "mark" and any(x.i < k.i for x in syntax.kids(top, "cop")):
        return True  # "the drilling is only to protect ...", "the ban was for doping": the predicate's
    if dep in ("cc", "mark") or (dep == "case" and not syntax.kids(top, "cop")):
        # "and", "that", "though", "in [the 2009 crash]": what links it to the sentence (but "[was] in
        # violation", "[are] at the centre" are the predicate's)
        return False
    if dep == "advmod" and relative_word(k):
        return False  # "when [borders were drawn]": what ties it to the sentence
    if base in ("obl", "advcl") and any(m.lower in TEMPORAL for m in syntax.kids(k, "case", "mark")):
        return False  # "[came] after the ceasefire", "[retired] three months after the fight": the day says
    if dep in _ADJUNCT and k.i < top.i and subject is None and set_off(c, k, True):
        return False  # "However, ...": the frame of the sentence
    # "..., with officials saying ...": a trailing clause
    return not (
        dep in _ADJUNCT
        and k.i > top.i
        and set_off(c, k, False)
        and any(x.tag in ("VBG", "VBN") and x.dep.startswith(("acl", "advcl")) for x in syntax.subtree(k))
    )


def _gather(c: Context, node: Word, top: Word, subject: Word | None, out: list[Word],
            avoid: int = -1) -> None:
    """`node` and the branches under it that belong in the title of `top` (none containing `avoid`)."""
    out.append(node)
    if node.dep == "punct":
        return  # (what the parser hangs on a comma is a misreading)
    for k in c.syntax.kids(node):
        if k.i == avoid or holds(c.syntax, k, avoid):
            continue
        if frame(c, k, node) and not c.quoted_apart(k):
            for r in rescued(c, k, top):
                if _keep(c, r, node, top, subject):
                    _gather(c, r, top, subject, out, avoid)
            continue
        if not _keep(c, k, node, top, subject):
            continue
        if node.i == top.i and k.dep.startswith("nsubj"):
            out.extend(_short(c, k, _subject_words(c, k)))  # its name, not its relative clauses and asides
            continue
        mark = len(out)
        _gather(c, k, top, subject, out, avoid)
        if (
            k.dep.startswith("acl")
            and len(out) == mark + 1
            and any(x.dep != "punct" for x in c.syntax.kids(k))
        ):
            # "an agreement made [yesterday]", "restrictions imposed [in the last few months]": a
            # participle whose only words were a time says nothing left alone
            del out[mark:]


def _subject_words(c: Context, s: Word, avoid: int = -1) -> list[Word]:
    """The subject's phrase; with the one next to it when the parser split a title and a name into two
    subjects ("Chief of Staff | Andriy Yermak described")."""
    words_ = _phrase(c, s, avoid)
    head = c.syntax.head(s)
    for other in c.syntax.kids(head, "nsubj", "nsubj:pass") if head is not None else []:
        if other.i > s.i and other.i not in c.time_words:
            more = _phrase(c, other, avoid)
            if more and more[0].i == words_[-1].i + 1:
                words_ = words_ + more
    return words_


# Relations of a noun's words that are not its phrase: its preposition, a conjunction or marker; and for a
# noun with a copula, the copula and its subject, which make it a clause ("it was [Europe] that was ...").
_NOT_IN_PHRASE = frozenset({"case", "cc", "mark"})
_NOT_IN_PREDICATE = _NOT_IN_PHRASE | {"cop", "nsubj", "expl"}


def _phrase(c: Context, w: Word, avoid: int = -1) -> list[Word]:
    """The words of the noun phrase `w` that name it: without its preposition, relative clauses, long
    appositions, attributions and times (`avoid`: a word whose branch is not part of it)."""
    out: list[Word] = [w]
    kids = c.syntax.kids(w)
    # coordinated nouns are one phrase ("Health experts and aid workers") when a conjunction joins them;
    # a comma alone is the parser's guess at a list
    joined = any(c.syntax.kids(k, "cc") for k in kids if k.dep == "conj")
    not_in = _NOT_IN_PREDICATE if any(k.dep == "cop" for k in kids) else _NOT_IN_PHRASE
    for k in kids:
        if k.i == avoid or holds(c.syntax, k, avoid) or k.dep in not_in:
            continue
        if k.text in (".", "!", "?", ";") or relative_word(k):
            continue  # the sentence's end; "whose", "which": what links a relative clause
        if k.dep == "conj":
            # (a quantifier standing for its noun is one too: "the Po and several of its tributaries")
            nominal = k.tag.startswith(("NN", "PRP", "CD", "JJ")) or k.tag in ("VBG", "DT")
            if joined and nominal and not is_clause(c.syntax, k):
                _gather(c, k, w, None, out, avoid)
        elif _keep(c, k, w, w, None):
            _gather(c, k, w, None, out, avoid)
    out.sort(key=lambda x: x.i)
    return out


def _short(c: Context, s: Word, words_: list[Word]) -> list[Word]:
    """A subject of more than SUBJECT_WORDS words shortened to its name and the names it is coordinated
    with ("Clergy members and others [in the archdiocese of ...]"): a long subject would leave no room for
    what it did."""
    if len(words_) <= SUBJECT_WORDS or (
        len(words_) > 1 and all(x.tag in ("NNP", "NNPS") for x in words_[-2:]) and words_[-1].i not in
        {x.i for x in _core(c.syntax, s)}
    ):
        # (a phrase that ends in a name of two words or more is a person's name with the titles before it,
        # which `write` drops: "Assistant Secretary of the Air Force for Acquisition Marvin Sambur")
        return words_
    if not all(holds_or_is(c.syntax, s, x) for x in words_):
        return words_  # a title and a name the parser split into two subjects: one name
    names = {x.i for x in _core(c.syntax, s)}
    for k in c.syntax.kids(s, "conj"):
        names |= {x.i for x in _core(c.syntax, k)} | {x.i for x in c.syntax.kids(k, "cc")}
    short = [x for x in words_ if x.i in names]
    return short if short and len(short) < len(words_) else words_


def _core(syntax: Syntax, w: Word) -> list[Word]:
    """The name of a long noun phrase: its determiners, modifiers, possessor and head ("the company's
    chief executive")."""
    return syntax.subtree(
        w, skip=frozenset(k.dep for k in syntax.kids(w)) - {"det", "amod", "compound", "nmod:poss", "nummod",
                                                           "flat", "fixed", "goeswith"}
    )


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
        if dep == "conj" and is_clause(syntax, head):
            cur = head  # "held a meeting and deployed police"
        elif dep == "xcomp":
            if cur.tag in ("VBD", "VBN", "VBZ", "VBP") and not syntax.kids(cur, "mark"):
                # "reported that late Thursday, shelling killed ...", misread: a finite or past form is no
                # infinitive whose subject the verb above shares
                return None
            objs = syntax.kids(head, "obj", "iobj")
            if objs:
                return objs[0]  # "urged Germany to send": Germany sends
            cur = head  # "worked to contain it"
        elif dep == "acl" and not syntax.is_predicate(head):
            if syntax.kids(head, "cop") and cur.tag == "VBG":
                cur = head  # "it was on the scene working to ...": the copula's subject
                continue
            if syntax.kids(head, "case") and any(m.lower == "to" for m in syntax.kids(cur, "mark")):
                return None  # "restrictions put in place to limit ...": a place does nothing
            return head  # "a man killed by police", "an American tanker, flown by American airmen"
        elif dep == "advcl":
            first = syntax.subtree(cur)[0].i
            noun = syntax.words[first - 1] if first > 0 else cur
            if cur.tag == "VBN" and not syntax.kids(cur, "aux", "aux:pass", "mark") and noun.tag[:2] == "NN":
                return noun  # "to fill gaps caused by the pause": a participle after a noun is told of it
            objs = [o for o in syntax.kids(head, "obj") if syntax.subtree(o)[-1].i == first - 1]
            if objs and any(m.lower == "to" for m in syntax.kids(cur, "mark")):
                return objs[0]  # "urged platforms to remove content" (read as a purpose): platforms remove
            cur = head  # "described the talks as important, though did not offer specifics"
        elif dep == "ccomp":
            # "alleged [Navalny] was poisoned", "as reporting [the parties] had settled": a clause has its
            # subject; the object the parser took just before it is that subject
            first = syntax.subtree(cur)[0].i
            objs = [
                o for o in syntax.sentence_words(cur.sentence)
                if o.dep == "obj"
                and o.i < first
                and all(x.dep == "punct" for x in syntax.words[syntax.subtree(o)[-1].i + 1 : first])
            ]
            return objs[0] if objs else None
        else:
            return None
    return None


def _raised(c: Context, w: Word) -> list[Word] | None:
    """For an infinitive whose subject is the subject of the verb it completes (`clause.raised_subject`):
    that subject and verb ("The country was reported"), so that the title keeps who and the hedge."""
    syntax = c.syntax
    raised = raised_subject(syntax, w)
    if raised is None:
        return None
    s, head = raised
    name = _name_of(c, s, head)
    if name is None:
        return None
    verb = [k for k in syntax.kids(head, "aux", "aux:pass", "cop", "advmod") if s.i < k.i < head.i]
    verb += syntax.kids(head, "fixed")  # "is due to": the word the parser fixed to the adjective
    verb = [k for k in verb if k.dep != "advmod" or k.lemma.lower() not in c.connectives]
    return [*name, *sorted([*verb, head], key=lambda x: x.i)]


def _name_of(c: Context, s: Word, verb: Word) -> list[Word] | None:
    """The words of the subject `s` of `verb` as a title names it; None when the parse made a clause or a
    phrase the subject."""
    if not (s.tag.startswith(("NN", "PRP", "CD")) or s.tag in ("DT", "EX")) or s.i in c.time_words:
        return None  # (a time the parser made a subject: "Ariel Henry, last year called")
    avoid = verb.i if holds(c.syntax, s, verb.i) else -1  # "a man killed by police": the man
    words_ = _subject_words(c, s, avoid)
    if len(words_) > SUBJECT_WORDS:
        words_ = [x for x in _core(c.syntax, s) if x.i != verb.i and not holds(c.syntax, x, verb.i)]
    if not words_ or words_[0].tag.startswith(("VB", "IN", "TO", "CC")) or len(words_) > SUBJECT_WORDS:
        return None
    return words_


def _clause(c: Context, p: Word) -> list[Word]:
    """The words of the predicate `p`'s title: its subject, verb group, objects and complements."""
    syntax = c.syntax
    own = [k for k in syntax.kids(p, "nsubj", "nsubj:pass", "csubj", "expl") if k.i not in c.time_words]
    subject = own[0] if own else None
    body: list[Word] = []
    _gather(c, p, p, subject, body)
    body.extend(_left_unattached(c, p, body))
    kept = {x.i for x in body}
    for k in syntax.kids(p, "ccomp"):
        first = syntax.subtree(k)[0].i
        if (
            k.i > p.i
            and first - 1 not in kept
            and not syntax.kids(k, "nsubj", "nsubj:pass", "expl")
            and not object_before(syntax, k)
        ):
            # "pulled 12 miners, with officials saying more were trapped": a clause after words left out,
            # with no subject of its own, was theirs
            gone = {x.i for x in syntax.subtree(k)}
            body = [x for x in body if x.i not in gone]
    kept = {x.i for x in body}
    for k in syntax.kids(p, "ccomp", "xcomp"):
        if k.i in kept and not syntax.kids(k, "nsubj", "nsubj:pass", "expl"):
            body.extend(_subject_before(c, k))  # "reported that late Thursday, [Russian shelling] killed"
    body = sorted({x.i: x for x in body}.values(), key=lambda x: x.i)
    # '"The talks collapsed," Zelensky said': a title says who said it first, then what
    fronted = [
        k for k in syntax.kids(p, "ccomp")
        if subject is not None and k.i < subject.i and k.i < p.i and not c.quoted_apart(k)
    ]
    if fronted:
        content = {x.i for k in fronted for x in syntax.subtree(k)}
        body = [x for x in body if x.i not in content] + [x for x in body if x.i in content]
    infinitive = any(m.lower == "to" for m in syntax.kids(p, "mark")) or (
        # "is due to visit", the "to" fixed to the adjective
        p.dep == "csubj" and any(f.lower == "to" for f in syntax.kids(syntax.words[p.head], "fixed"))
    )
    rel = next(
        (s for s in own if s.lower in _RELATIVE and (relative_word(s) or p.dep.endswith("relcl"))), None
    )
    if rel is not None:
        body = [x for x in body if x.i != rel.i]  # "who was killed": the man was killed
    elif subject is not None and subject.i > p.i and subject.dep.startswith("nsubj"):
        # '"...," said a company spokesman': the subject comes first in a title
        name = [x for x in body if x.i >= subject.i and holds_or_is(syntax, subject, x)]
        return [*name, *(x for x in body if x not in name)]
    elif own:
        return body
    if rel is None and p.tag == "VBG" and not syntax.kids(p, "aux", "aux:pass"):
        return body  # a participle frames its sentence ("marking ...", "including ..."): no subject
    lead: list[Word] = []
    if infinitive and (raised := _raised(c, p)) is not None:
        lead = raised
    else:
        s = _subject(syntax, p)
        if s is not None and s.lower not in _EXPLETIVE and s.i != p.i:
            lead = _name_of(c, s, p) or []
    if not lead and not infinitive and (lead := _subject_before(c, p)):
        # what stood before the comma it followed was the sentence's frame ("On the battlefield, ...")
        body = [x for x in body if x.i > p.i or x.i >= lead[0].i]
    if not lead:
        return body
    if infinitive:
        # "The city to buy more buses": a headline's infinitive tells what is to come
        to = [m for m in syntax.kids(p, "mark") if m.lower == "to"]
        body = sorted({x.i: x for x in [*to, *body]}.values(), key=lambda x: x.i)
    if not infinitive and p.dep.split(":")[0] == "conj" and not any(x.dep.startswith("aux") for x in body):
        # "has held a meeting and deployed police": the auxiliaries the coordinated verbs share
        head = syntax.head(p)
        deps = ("aux", "aux:pass", "cop") if p.tag == "VBN" else ("aux", "aux:pass")
        shared = [k for k in syntax.kids(head, *deps)] if head is not None else []  # "was shot and killed"
        if p.tag in ("VBZ", "VBP") or (p.tag == "VBD" and head is not None and head.tag == "VBG"):
            shared = []  # a tensed verb has its own ("are not leaving and planned": planned, not are planned)
        body = [*shared, *body]
    return [*lead, *body]


# Tags a noun phrase may begin with.
_NOMINAL_START = frozenset({"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "CD"})


def _subject_before(c: Context, p: Word) -> list[Word]:
    """The subject of a finite verb the parser gave none, when the words just before it are a noun phrase
    from a comma or the sentence's start ("late Thursday, Russian shelling killed", "On the battlefield,
    Russian forces continue"): English puts the subject there; the parser hung it on what came before."""
    syntax = c.syntax
    # (a past participle heading a clause with no auxiliary is a past tense the tagger misread)
    past = p.tag == "VBN" and p.dep.split(":")[0] in ("root", "ccomp", "xcomp", "conj", "parataxis")
    finite = past or p.tag in ("VBD", "VBZ", "VBP") or any(
        k.tag in ("VBD", "VBZ", "VBP", "MD") for k in syntax.kids(p, "aux", "aux:pass")
    )
    if not finite:
        return []
    group = {k.i for k in syntax.kids(p, "aux", "aux:pass", "advmod")}
    j = p.i - 1
    while j in group:
        j -= 1  # "[Russian forces] have already decided"
    span: list[Word] = []
    while j >= 0 and syntax.words[j].sentence == p.sentence and not (
        syntax.words[j].text in DASHES or syntax.words[j].tag == "CC"
    ):
        span.insert(0, syntax.words[j])
        j -= 1
    if (
        not span
        or len(span) > SUBJECT_WORDS
        or not span[-1].tag.startswith(("NN", "PRP"))
        or quantified(syntax, span)[0].tag not in _NOMINAL_START
        or any(x.i in c.time_words or x.tag.startswith(("VB", "MD", "W")) for x in span)
        or any(x.text in QUOTE_MARKS for x in span)
    ):
        return []
    return span


def _left_unattached(c: Context, p: Word, body: list[Word]) -> list[Word]:
    """What the parser did not attach to the title's words: a noun it read as what the verb `p` modifies
    ("Russia may [deploy] tanks" read as the compound "deploy tanks"), or a noun phrase it left as a root
    of its own right after them ("drones struck | Kyiv", "sue Meta over rival app | Threads"): a sentence
    has one root, and a headline's nouns are the verb's."""
    syntax = c.syntax
    head = syntax.head(p)
    if p.dep in ("compound", "amod") and head is not None and head.i > p.i and head.tag.startswith("NN"):
        return _phrase(c, head, avoid=p.i)
    last = max((x.i for x in body), default=p.i)
    nxt = syntax.words[last + 1] if last + 1 < len(syntax.words) else None
    # (a name the tagger took for an adjective: "struck | Kyiv")
    nominal = nxt is not None and (nxt.tag.startswith("NN") or (nxt.tag == "JJ" and nxt.text[:1].isupper()))
    if nxt is None or nxt.sentence != p.sentence or nxt.i in c.time_words or not nominal:
        return []
    top = nxt
    while top.head != top.i and syntax.words[top.head].i > last:
        top = syntax.words[top.head]  # the phrase "Thibaut Courtois" of "Thibaut"
    if top.head != top.i or syntax.subtree(top)[0].i != last + 1:
        return []
    return _phrase(c, top)


def title(
    doc: Document,
    syntax: Syntax,
    w: Word,
    times: list[TimeMention],
    carried: bool = False,
    rows: frozenset[int] = frozenset(),
) -> str | None:
    """The title of the event told by the word `w`: its clause's "who did what" when `w` heads a clause
    (a verb, or a noun or adjective with a copula or subject), the clause of the verb that carries it when
    `carried` ("launched an assault", "the call ended"), else its noun phrase ("the shelling of Kyiv", "the
    2009 crash"). None when the parse gives no words."""
    c = Context(doc, syntax, times, w, rows)
    head = syntax.head(w)
    particle = w.dep == "compound:prt" or (w.dep == "advmod" and not is_clause(syntax, w))
    if (carried or particle) and head is not None and syntax.is_predicate(head):
        w = head  # "launched an assault", "the call ended"; "[goes] down"
    if w.dep == "case" and head is not None:
        ws = sorted([w, *_phrase(c, head)], key=lambda x: x.i)  # "following the fatal shooting of ..."
    elif is_clause(syntax, w):
        ws = _clause(c, w)
    elif w.dep == "amod" and head is not None and head.i < w.i and head.tag.startswith("NN"):
        ws = _phrase(c, head)  # "Multiple people wounded in Houston": who the participle tells of
    else:
        ws = _phrase(c, w)
    return write(syntax, list({x.i: x for x in ws}.values()), w if is_clause(syntax, w) else None)
