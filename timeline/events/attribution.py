"""Who says it happened: the speaker of a clause, read off the dependency analysis (the subject of the
reporting verb whose content the clause is, "according to X", "by varying reports", the maker of a
statement, the last person named for a "he said"), whether a telling is only an attribution ("Trump
said", whose content is the row) or a claim made without evidence, and the word classes of
rules/roles.toml that the event stage reads clauses with.

Reads: the `Syntax` of an article. Writes: speaker names (str) and answers for `events.roles`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

from newsline.events.clause import last_doer, last_person
from newsline.language.lexicon import events_data
from newsline.language.syntax import Syntax, Word
from newsline.language.text import Document, Quote
from newsline.model import Modality, TimeMention
from newsline.rules import load

# A name or a noun phrase naming who spoke: words, not a quote or a clause ("Kyiv's mayor, Vitali
# Klitschko", "a company spokesman"), at most twelve words.
_SPEAKER = re.compile(r"^(?!.*(?:[\"“”:;]|``|''))\W*\w[^\n]*$")


# What hangs from a name but is no part of it: clauses, and a verb's relations when the parser made the
# name the head of its sentence ("Jane Roe, who said ..., told reporters" read with "Jane" as its root).
_NOT_NAME = frozenset(
    {
        "acl",
        "acl:relcl",
        "advcl:relcl",
        "advcl",
        "parataxis",
        "ccomp",
        "xcomp",
        "csubj",
        "punct",
        "nsubj",
        "nsubj:pass",
        "obj",
        "iobj",
        "obl",
        "obl:tmod",
        "obl:unmarked",
        "advmod",
        "aux",
        "aux:pass",
        "cop",
        "mark",
        "expl",
        "discourse",
        "vocative",
        "dislocated",
    }
)


@cache
def words() -> dict[str, frozenset[str]]:
    """The word classes of rules/roles.toml, plus the reporting verbs of rules/events.toml."""
    data = load("roles")["words"]
    out = {k: frozenset(v) for k, v in data.items()}
    out["reporting"] = frozenset(events_data()["roles"]["reporting"]) | out.pop("saying")
    return out


def _name(syntax: Syntax, w: Word, times: Sequence[TimeMention] = ()) -> str:
    """The words of a noun phrase that name who it is: the phrase without its relative clauses and
    trailing clauses ("a company spokesman", "Kyiv's mayor, Vitali Klitschko"), nor a time the parser
    hung on it ("Yesterday, the club ...")."""
    sub = [w]
    for c in syntax.kids(w):
        if c.dep not in _NOT_NAME and not (c.tag.startswith("VB") and c.dep not in ("amod", "compound")):
            sub.extend(syntax.subtree(c))
    sub.sort(key=lambda x: x.i)
    timed = {x.i for x in sub if any(tm.start <= x.start < tm.end for tm in times)}
    # (and the preposition of a time left out: "Elena Marsh on [Tuesday]")
    sub = [x for x in sub if x.i not in timed and not (x.dep == "case" and x.head in timed)]
    inside = {x.i for x in sub}
    # a conjunction stays only between two words of the name ("Bureau of Enquiry and Analysis"), not
    # where it led to a conjunct that is left out
    sub = [x for x in sub if x.dep != "cc" or {x.i - 1, x.i + 1} <= inside]
    text = ""
    for prev, x in zip([None, *sub], sub, strict=False):
        # the article's own spacing: "(BEA)", "Kyiv's", not "( BEA )", "Kyiv 's"
        text += x.text if prev is None or prev.end == x.start else " " + x.text
    return text.replace(" ,", ",").strip(" ,")


def _speaker_name(syntax: Syntax, sw: Word, times: Sequence[TimeMention]) -> str | None:
    """The name of who spoke from the speaker's word; None when the word is a time's ("on Monday" is no
    speaker) or a misparse gave a quote or a clause, not who spoke."""
    if any(tm.start <= sw.start < tm.end for tm in times):
        return None
    name = _name(syntax, sw, times)
    if not (_SPEAKER.match(name) and len(name.split()) <= 12):
        return None
    owner = next((k for k in syntax.kids(sw, "nmod:poss") if k.lower in ("his", "her")), None)
    person = last_person(syntax, owner) if owner is not None else None
    if owner is not None and person is not None:
        # "his lawyer said", "her spokesman said": whose lawyer the row must say, away from the sentence
        # that named him ("Alexei Navalny's associates", not "His associates")
        name = re.sub(rf"\b{re.escape(owner.text)}\b", f"{person}'s", name, count=1)
    return name


def _misread_content(syntax: Syntax, w: Word, W: dict[str, frozenset[str]]) -> Word | None:
    """The reporting verb of "said the bridge collapsed" when the parser read it as "said [the bridge
    collapsed]" with a participle modifying the object (past tenses and participles look alike): the
    participle is the reported clause and the object its subject. Likewise a verb of believing or of
    taking a stand whose object's "participle" the tagger itself calls a past tense. None otherwise."""
    if w.dep != "acl" or w.tag not in ("VBD", "VBN") or syntax.kids(w, "aux", "aux:pass", "mark"):
        return None
    obj = syntax.head(w)
    if obj is None or obj.dep not in ("obj", "nsubj"):
        return None  # "said the bridge collapsed", or quote-first: "Acme collapsed, said a spokesman"
    verb = syntax.head(obj)
    if verb is None:
        return None
    lemma = verb.lemma.lower()
    if lemma in W["reporting"]:
        return verb
    # a verb of believing or of taking a stand takes a clause too ("investigators concluded ice
    # accumulated", "police believe the man fled"); its object can also be a noun that a participle
    # qualifies ("condemned the attack carried out by ..."), so only a past tense, which no noun's
    # participle has, says the clause was misread
    if w.tag == "VBD" and (lemma in W["belief"] or lemma in W["stance"]):
        return verb
    return None


_BY_ACCOUNT = frozenset({"report", "account", "estimate", "count", "tally"})


def by_account(syntax: Syntax, w: Word) -> bool:
    """Whether the noun names who tells the clause ("by varying reports", "according to reports")."""
    cases = {c.lower for c in syntax.kids(w, "case")}
    # whoever "according to" names tells it ("according to head of Instagram Adam Mosseri"); "by" names a
    # teller only with a noun of telling ("by varying reports", not "by the army")
    return "according" in cases or (w.lemma.lower() in _BY_ACCOUNT and "by" in cases)


def _according_to(syntax: Syntax, w: Word) -> Word | None:
    """X in "according to X" attached to the clause or to a clause above it, or anywhere in its sentence
    ("At least 26 people, according to Belgian officials, have been killed": the parser often hangs it on
    the subject); or "by X reports" on the clause ("injured, by varying reports, eight people", "by one
    estimate")."""
    for k in syntax.kids(w, "obl", "nmod"):
        if k.lemma.lower() in _BY_ACCOUNT and any(c.lower == "by" for c in syntax.kids(k, "case")):
            return k
    if w.sentence not in _according_sentences(syntax):
        # what follows looks for the word "according" among the clause's words, its heads' and its
        # sentence's, all of them in its sentence (a parse never joins two): most sentences have none
        return None
    for node in (w, *syntax.ancestors(w)):
        for k in syntax.kids(node, "obl", "nmod", "advcl", "advmod"):
            if any(c.lower == "according" for c in syntax.kids(k, "case", "mark")) or (
                k.lower == "according"
            ):
                target = k
                if k.lower == "according":
                    target = next(iter(syntax.kids(k, "obl", "nmod")), k)
                return target
    for x in syntax.sentence_words(w.sentence):
        if x.lower == "according" and (h := syntax.head(x)) is not None and h.i != w.i:
            if x.dep in ("case", "mark", "fixed"):
                target = h
            else:
                target = next(iter(syntax.kids(x, "obl", "nmod")), None)
            if target is not None:
                return target
    return None


def _according_sentences(syntax: Syntax) -> frozenset[int]:
    """The sentences with the word "according", found once per analysis (`_according_to` is asked about
    every mention of the article)."""
    found = syntax.memo.get("according")
    if found is None:
        found = frozenset(x.sentence for x in syntax.words if x.lower == "according")
        syntax.memo["according"] = found
    return found


def _speaker_word(syntax: Syntax, reporter: Word) -> Word | None:
    W = words()
    if syntax.kids(reporter, "aux:pass"):
        # "was reported by Reuters to have ...": the agent speaks; the passive's subject is what is told of
        return next(
            (o for o in syntax.kids(reporter, "obl") if any(c.lower == "by" for c in syntax.kids(o, "case"))),
            None,
        )
    # a subject that is in fact the reported clause's ("Acme collapsed, said a spokesman") is no speaker
    subj = [
        k
        for k in syntax.kids(reporter, "nsubj")
        if not any(_misread_content(syntax, c, W) for c in syntax.kids(k, "acl"))
    ]
    if subj:
        if subj[0].lower in ("who", "that") and reporter.dep.endswith("relcl"):
            # "Wehner, who said she was ...", "an official who spoke to ...": the noun the clause qualifies
            return syntax.head(reporter)
        return subj[0]
    # "Khan maintained his innocence, saying he had not ...", "the report, alleging": a participle's or an
    # infinitive's subject is the one of the clause it hangs from
    head = syntax.head(reporter)
    if head is not None and reporter.dep.split(":")[0] in ("advcl", "xcomp", "conj", "acl"):
        if reporter.dep.startswith("acl"):
            if any(m.lower == "to" for m in syntax.kids(reporter, "mark")):
                return None  # "a meeting to discuss the response": what the noun is for, not what it says
            return head  # "a report alleging": the noun it qualifies
        controller = [
            k
            for k in syntax.kids(head, "nsubj")
            if not any(_misread_content(syntax, c, W) for c in syntax.kids(k, "acl"))
        ]
        if controller:
            return controller[0]
    # "..., said a company spokesman": the subject of an inverted reporting verb follows it
    nxt = syntax.words[reporter.i + 1] if reporter.i + 1 < len(syntax.words) else None
    after = [k for k in syntax.kids(reporter, "obj") if k.i > reporter.i]
    if (
        after
        and reporter.lemma.lower() in W["reporting"]
        and not (
            nxt is not None and nxt.text in (":", '"', "“", "``")  # 'said: "..."' is content
        )
    ):
        return after[0]
    # "..., and Foreign Minister Jan Novak said:" with the name hung elsewhere (the parser is least sure
    # of long coordinations): a name right before the verb is its subject
    before = syntax.words[reporter.i - 1] if reporter.i > 0 else None
    if before is not None and before.sentence == reporter.sentence and before.tag in ("NNP", "NNPS"):
        head = syntax.head(before)
        return head if before.dep == "flat" and head is not None and head.tag in ("NNP", "NNPS") else before
    return None


def _speaker(
    syntax: Syntax, w: Word, reporter: Word | None, times: list[TimeMention]
) -> tuple[str | None, bool]:
    """Who says it happened, and whether the clause is attributed to someone (reported, not asserted)."""
    W = words()
    own = False
    if (
        reporter is None
        and syntax.is_predicate(w)
        and (
            w.lemma.lower() in W["reporting"]
            or w.lemma.lower() in W["belief"]
            or _takes_a_stand(syntax, w, W)
            # "Lori released a statement", "the ministry issued a warning": the maker of what is said
            or any(o.lemma.lower() in W["statement_nouns"] for o in syntax.kids(w, "obj"))
        )
    ):
        reporter, own = w, True  # a statement that is itself the row: its speaker is who made it
    according = _according_to(syntax, w)
    speaker: str | None = None
    if reporter is not None:
        sw = _speaker_word(syntax, reporter)
        if sw is not None:
            speaker = _speaker_name(syntax, sw, times)
        elif sw is None and syntax.kids(reporter, "aux:pass"):
            speaker = "unnamed reports"  # "was reported to have closed": nobody is named
    elif according is not None and according.lemma.lower() in _BY_ACCOUNT:
        # "by varying reports": the reports, as the phrase names them
        words_ = [according, *syntax.kids(according, "amod", "det", "nummod", "compound")]
        speaker = " ".join(x.text for x in sorted(words_, key=lambda x: x.i))
    elif according is not None:
        # the phrase without its "according to" ("Ukrainian officials", not "according to Ukrainian ...")
        speaker = re.sub(r"^according\s+to\s+", "", _name(syntax, according, times), flags=re.I) or None
    return speaker, (reporter is not None and not own) or according is not None


def _takes_a_stand(syntax: Syntax, w: Word, W: dict[str, frozenset[str]]) -> bool:
    """Whether the verb is one of taking a stand in this sentence ("appealed for calm"; not "would appeal
    the ruling", rules/roles.toml's stance_with_for_or_to)."""
    lemma = w.lemma.lower()
    if lemma not in W["stance"]:
        return False
    if lemma not in W["stance_with_for_or_to"]:
        return True
    return bool(syntax.kids(w, "xcomp")) or any(
        c.lower in ("for", "to") for o in syntax.kids(w, "obl") for c in syntax.kids(o, "case")
    )


def pronoun_speaker(syntax: Syntax, pronoun: str, at: int, named: list[tuple[int, str, bool]]) -> str | None:
    """Who the "he" (she, they) of "he said" at offset `at` is: the last speaker the article named before
    it (`named_speakers`; for "he" or "she", one person by name), or, for "he" or "she", the person named
    last as a doer when nearer ("Cameron has convened a meeting. He said ...": Cameron, not a speaker of
    paragraphs ago; `clause.last_doer`)."""
    before = named[: bisect.bisect_left(named, (at, "", False))]
    if pronoun.lower() in ("he", "she"):
        before = [n for n in before if n[2]]  # one person, by name
        w = syntax.at(at)
        here = syntax.sentence_words(w.sentence) if w is not None else []
        pw = [x for x in here if x.lower == pronoun.lower()]
        doer = last_doer(syntax, pw[0]) if pw else None
        if doer is not None and (not before or doer[1] > before[-1][0]):
            return doer[0]
    return before[-1][1] if before else None


def named_speakers(syntax: Syntax, times: list[TimeMention]) -> list[tuple[int, str, bool]]:
    """(offset, name, one person) of each speaker the article names as the subject of a verb of saying or
    of taking a stand, in text order: who "he said" most likely stands for is the last of them before it
    (news names a speaker once, then says "he"), and "he" or "she" is one person named by a name ("Foreign
    Minister Jan Novak", "Kyiv's mayor, Vitali Klitschko"; not "the agreement", "officials")."""
    W = words()
    verbs = W["reporting"] | W["stance"] | W["belief"]
    pronouns = W["pronouns"]
    statements = W["statement_nouns"]
    # The words that can be such a verb, by their lemma or their object's, before the dearer question
    # whether each heads a clause (asked of every word of the article, it was most of this function)
    # and the speaker's search; in text order.
    heads: set[int] = set()
    for x in syntax.words:
        lemma = x.lemma.lower()
        if lemma in verbs:
            heads.add(x.i)
        if lemma in statements and x.head != x.i and x.dep.partition(":")[0] == "obj":
            heads.add(x.head)  # (`kids(head, "obj")` holds it)
    out = []
    for i in sorted(heads):
        x = syntax.words[i]
        if not syntax.is_predicate(x):
            continue
        sw = _speaker_word(syntax, x)
        if sw is None or sw.lower in pronouns:
            continue
        name = _speaker_name(syntax, sw, times)
        if name is not None:
            # a singular head and a name: a proper noun in it, or capitalised without an article (the
            # tagger reads some surnames as common nouns: "Trump")
            named = any(y.tag == "NNP" for y in syntax.subtree(sw) if y.text in name) or (
                name[:1].isupper() and name.split()[0].lower() not in ("the", "a", "an")
            )
            one = sw.tag not in ("NNS", "NNPS", "PRP") and named
            out.append((x.start, name, one))
    return out


def quote_speaker(doc: Document, syntax: Syntax, quote: Quote, times: list[TimeMention]) -> str | None:
    """Who speaks a quote: the subject of the reporting verb that frames it (`quote_frame`). None when no
    reporting verb frames it."""
    x = quote_frame(doc, syntax, quote)
    sw = None if x is None else _speaker_word(syntax, x)
    return None if sw is None else _speaker_name(syntax, sw, times)


def quote_frame(doc: Document, syntax: Syntax, quote: Quote) -> Word | None:
    """The reporting verb that frames a quote, outside the quote in its own sentence ('"...," said a
    spokesman', 'Tusk said: "..."'), else in the sentence right after a quote that ends its sentence
    ('"...". Crosby said in a statement.') or right before one it opens. None when none frames it. Found
    once per quote (every word of a quote asks for it: its speaker, whether it is a claim)."""
    frames = syntax.memo.setdefault("quote_frames", {})
    key = (quote.start, quote.end)
    if key not in frames:
        frames[key] = _quote_frame(doc, syntax, quote)
    return frames[key]


def _quote_frame(doc: Document, syntax: Syntax, quote: Quote) -> Word | None:
    W = words()

    def reporters(sentence: int) -> list[Word]:
        if not 0 <= sentence < len(doc.sentences):
            return []
        return [
            x
            for x in syntax.sentence_words(sentence)
            if (
                x.lemma.lower() in W["reporting"] and syntax.is_predicate(x) and doc.quote_at(x.start) is None
            )
            or _frames_quote(doc, syntax, x)
        ]

    def bare(x: Word) -> bool:
        # a verb that frames a quote tells nothing else: no clause of its own to report
        return not any(doc.quote_at(c.start) is None for c in syntax.kids(x, "ccomp", "parataxis"))

    own = reporters(quote.sentence)
    if own:
        x = min(own, key=lambda x: min(abs(x.start - quote.end), abs(x.start - quote.start)))
    else:
        sentence = doc.sentences[quote.sentence] if 0 <= quote.sentence < len(doc.sentences) else None
        after = [x for x in reporters(quote.sentence + 1) if bare(x)]
        before = [x for x in reporters(quote.sentence - 1) if bare(x)]
        if sentence is not None and quote.end >= sentence.end - 3 and after:
            x = after[0]
        elif sentence is not None and quote.start <= sentence.start + 2 and before:
            x = before[-1]
        else:
            return None
    return x


# Prepositions of an oblique that says to whom, where or how something was said, not what.
_FRAME_CASES = frozenset({"to", "in", "at", "via", "through", "during", "with", "from", "before"})


def unsupported(syntax: Syntax, w: Word, W: dict[str, frozenset[str]]) -> bool:
    """ "without evidence", "without proof": what a claim made so is not borne out."""
    return w.lemma.lower() in W["unsupported"] and any(c.lower == "without" for c in syntax.kids(w, "case"))


def _frames_quote(doc: Document, syntax: Syntax, w: Word) -> bool:
    """'"...," Brown continued', '"...," she recalled': a verb outside a quote, with no object of its own,
    whose clausal complement is the quote, or whose clause is all that follows a quote in its sentence,
    tells only who spoke it, whatever the verb."""
    if not syntax.is_predicate(w) or doc.quote_at(w.start) is not None or syntax.kids(w, "obj"):
        return False
    if any(doc.quote_at(syntax.span(c)[0]) is not None for c in syntax.kids(w, "ccomp", "parataxis")):
        return True
    if any(k.dep.split(":")[0] not in ("nsubj", "advmod", "aux", "punct") for k in syntax.kids(w)):
        return False  # (it tells something of its own: "and planned to redouble aid")
    a, b = syntax.span(w)
    i = bisect.bisect_left(doc.quote_starts(), a) - 1
    if i < 0 or not 0 <= w.sentence < len(doc.sentences):
        return False
    between = doc.text[doc.quotes[i].end : a]
    after = doc.text[b : doc.sentences[w.sentence].end]
    return (
        doc.quotes[i].end >= doc.sentences[w.sentence].start - 1
        and not between.strip(" ,\"'”’")
        and not after.strip(" .")
    )


def bare_attribution(doc: Document, syntax: Syntax, w: Word, W: dict[str, frozenset[str]]) -> bool:
    """ "Trump said" whose content is a clause ("said the call ..."), a quote in its sentence, or what
    follows "that" or a colon: the content is the row."""
    lemma = w.lemma.lower()
    if lemma not in W["reporting"] and lemma not in W["belief"]:
        return _frames_quote(doc, syntax, w)
    if syntax.kids(w, "ccomp", "parataxis"):
        return True
    if any(_misread_content(syntax, c, W) for o in syntax.kids(w, "obj") for c in syntax.kids(o, "acl")):
        return True
    told_of = [
        k
        # (a gerund is what is told too, however the parser hung it: "denied accepting money")
        for k in syntax.kids(w, "obj", "xcomp", "obl")
        + [g for g in syntax.kids(w, "advcl") if g.tag == "VBG" and not syntax.kids(g, "mark")]
        # who it was told to, where or how ("recounted to the broadcaster", "said in a statement") is
        # no content
        if not (k.dep.startswith("obl") and any(c.lower in _FRAME_CASES for c in syntax.kids(k, "case")))
    ]
    if not told_of:
        return True  # "The WHO stated", "Associates of Navalny alleged": nothing told but the telling
    if syntax.kids(w, "aux:pass") and not syntax.kids(w, "xcomp"):
        return True  # "the spread of the disease is reported", "it is suspected": what is told is its subject
    if syntax.kids(w, "aux:pass") and any(
        k.lemma.lower() in ("have", "be")
        for x in syntax.kids(w, "xcomp")
        for k in syntax.kids(x, "aux", "cop")
    ):
        # "1,000 people are reported to have been killed", "he is said to be hiding": what is told is the
        # infinitive, of the passive's subject ("were told to leave", an instruction, is not this)
        return True
    if doc.quote_at(w.start) is not None:
        return False
    nxt = syntax.words[w.i + 1] if w.i + 1 < len(syntax.words) else None
    if nxt is not None and nxt.sentence == w.sentence and nxt.lower in ("that", ":"):
        return True
    # a quote in its sentence or in the next or previous one ("Djamal told reporters. '...'")
    lo = doc.sentences[max(w.sentence - 1, 0)].start
    hi = doc.sentences[min(w.sentence + 1, len(doc.sentences) - 1)].end
    # quotes are sorted and do not overlap: the last one starting before `hi` is the only candidate
    i = bisect.bisect_left(doc.quote_starts(), hi) - 1
    return i >= 0 and doc.quotes[i].end > lo


def continued_report(doc: Document, syntax: Syntax, w: Word, times: list[TimeMention]) -> str | None:
    """The speaker of a report that the clause goes on with: reported speech carried into the next
    sentence with the report's "would" and no verb of saying of its own ("The clinic said Navalny would
    be examined. His family would be consulted first."). None otherwise."""
    if doc.quote_at(w.start) is not None or not any(k.lower == "would" for k in syntax.kids(w, "aux")):
        return None
    W = words()
    for x in syntax.sentence_words(w.sentence):
        if x.lemma.lower() in W["reporting"] and syntax.is_predicate(x):
            return None  # a telling of its own
    if w.sentence == 0:
        return None
    before = syntax.sentence_words(w.sentence - 1)
    woulds = [
        y
        for y in before
        if doc.quote_at(y.start) is None and any(k.lower == "would" for k in syntax.kids(y, "aux"))
    ]
    for x in before:
        if x.lemma.lower() not in W["reporting"] or not syntax.is_predicate(x):
            continue
        if any(x in syntax.ancestors(y) for y in woulds):  # what it said would come
            sw = _speaker_word(syntax, x)
            if sw is not None and sw.lower not in W["pronouns"]:
                return _speaker_name(syntax, sw, times)
    return None


def quoted(
    doc: Document,
    syntax: Syntax,
    w: Word,
    times: list[TimeMention],
    speaker: str | None,
    status: Modality | None,
) -> tuple[str | None, Modality | None]:
    """A quoted word's speaker and status from the verb that frames its quote: a quote's words are its
    speaker's, and a quote framed by a verb of claiming ('The report alleged: "Leaders dismissed ..."') is a
    claim in every sentence it runs over, as is one made "without evidence"."""
    q = doc.quote_at(w.start)
    frame = None if q is None else quote_frame(doc, syntax, q)
    if frame is None or q is None:
        return speaker, status
    if speaker is None:
        speaker = quote_speaker(doc, syntax, q, times)
    W = words()
    if status is None and (
        frame.lemma.lower() in W["belief"]
        or any(unsupported(syntax, o, W) for o in syntax.kids(frame, "obl"))
    ):
        status = Modality.POSSIBLE  # (or 'declared without evidence the jet was "shot down"': a bare claim)
    return speaker, status
