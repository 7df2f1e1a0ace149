"""What the structure of a clause says about the happening it tells: whether it is a row of the timeline,
whether it happened (asserted or reported, planned, possible, negated), and who says so.

Everything here is read off the dependency analysis (`newsline.language.syntax`), with the word classes of
`rules/roles.toml`:

- **Row.** A clause's predicate is a row when it tells a happening. It is not when it is a bare
  attribution ("Trump said" whose content is a clause or a quote: the content is the row, reported by
  Trump, with its own status when it is denied or alleged; an announcement or warning of what will or may
  come is itself the news: "warned Russia may launch"), a
  participle that frames its sentence ("including ...", "citing ...") or is told as part of its clause
  ("..., causing thousands of deaths"), a purpose ("to support survivors"), an obligation ("must feel"), a
  verb used as a modifier ("falling debris"), a state, feeling or opinion ("had no warning", "I think") or
  a present-tense generality, unless the clause gives a time of its own. An event named only by nouns is
  a row when a time of its own dates it, a verb carries it ("the call ended", "launched an assault",
  "there was an attack") or a possessor says whose it is ("his defeat").
- **Status.** Negation of the predicate, of its subject or object ("yielded no progress"); a modal
  auxiliary; a condition ("if talks fail"); a hedging adverb ("allegedly"); and the verb the clause is the
  complement of: intended ("plans to buy"), believed or claimed ("alleged that"), denied or not achieved
  ("denied that", "failed to", "has yet to"). A negation with "until" tells when it did happen.
- **Speaker.** The subject of the reporting verb whose complement the clause is ("Trump said the call
  ...", "..., said a company spokesman"), or the X of "according to X"; never a time expression
  (`events.attribution`).

Reads: events (their mentions' trigger spans), the `Syntax` and `TimeMention`s of the article.
Writes: each event's `minor`, `modality` and `speaker`.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsline.events import titles
from newsline.events.attribution import (
    _misread_content,
    _speaker,
    bare_attribution,
    by_account,
    continued_report,
    named_speakers,
    pronoun_speaker,
    quoted,
    unsupported,
    words,
)
from newsline.events.clause import (
    denied,
    finite,
    in_frame,
    is_clause,
    marked,
    own_subject,
    relative,
    simple_present,
    status_of_clause,
    superlative,
)
from newsline.events.when import noun_time, own_time, recurring
from newsline.language.syntax import Syntax, Word
from newsline.language.text import Document
from newsline.model import Event, Modality, TimeMention

_CLAUSAL = ("ccomp", "xcomp", "csubj", "advcl", "parataxis")
_CHARGE_MARKS = frozenset({"of", "with", "for", "including"})


@dataclass(slots=True)
class Verdict:
    """What the structure says of one mention."""

    row: bool
    status: Modality | None  # None: the structure says it happened (asserted or reported)
    reported: bool  # under a reporting verb, or in a quote
    speaker: str | None
    verbal: bool = True  # told by a verb (else by a noun)
    dated: bool = False  # a time expression of its own clause or phrase
    word: int = -1  # the word the verdict is about (a verb that completes another: that other)
    carried: bool = False  # a noun whose verb only carries it ("the call ended")


def _governed(syntax: Syntax, w: Word, W: dict[str, frozenset[str]]) -> tuple[Modality | None, Word | None]:
    """The status the verbs above the clause give it, and the reporting verb it is the content of."""
    status: Modality | None = None
    reporter: Word | None = None
    locked = False  # no status from above this point
    if any(
        a.lower.endswith("ing") and a.lower[:-3] in W["belief"] | {x[:-1] for x in W["belief"]}
        for k in syntax.kids(w, "nsubj")
        for a in syntax.subtree(k)
        if a.dep == "amod" and a.i < k.i
    ):
        # "a report alleging managers moved ...", which the parser reads as "[alleging managers] moved":
        # the claim is the clause's, not an adjective of its subject
        status = Modality.POSSIBLE
    cur = w
    for _ in range(12):
        gov = syntax.head(cur)
        if gov is None:
            break
        if syntax.kids(cur, "nsubj", "nsubj:pass") and any(
            x.text == ";" for x in syntax.words[min(gov.i, cur.i) + 1 : max(gov.i, cur.i)]
        ):
            # "There is a chance of a challenge; Boeing was challenged in 2006": a semicolon joins
            # clauses of their own, whatever the parser hung the second on
            break
        if relative(syntax, cur):
            # a relative clause tells what its noun is; what is planned or denied above ("rejected the
            # plan that the mayor proposed", "has yet to be released because of a law the bloc passed")
            # is not its status (who tells it still is)
            locked = True
        rel = cur.dep.split(":")[0]
        if (reported := _misread_content(syntax, cur, W)) is not None:
            gov, rel = reported, "ccomp"
        if rel == "conj":
            if syntax.kids(cur, "nsubj") and finite(syntax, cur) and not finite(syntax, gov):
                # "was reported to have closed its borders, but an announcement later clarified ...": a
                # finite clause with its own subject is not coordinated with an infinitive or a participle,
                # whatever the parser hung it on; it is a clause of its own sentence, under nothing above
                break
            if syntax.is_predicate(cur) and not is_clause(syntax, gov):
                # "likely to create 1,500 jobs and support 25,000 others" read as "[jobs and support]": a
                # clause is coordinated with the verb above that noun, not with the noun
                gov = next((a for a in syntax.ancestors(gov) if syntax.is_predicate(a)), gov)
            # a coordinated clause shares its first conjunct's modal and governor ("will meet and discuss")
            if status is None:
                for k in syntax.kids(gov, "aux"):
                    if k.lower in W["modal_planned"]:
                        status = Modality.PLANNED
                    elif k.lower in W["modal_possible"]:
                        status = Modality.POSSIBLE
            cur = gov
            continue
        to_clause = rel == "acl" and marked(syntax, cur, "to")
        # inside a noun phrase ("a possibility of the union challenging"): up to the nouns that govern it
        of_noun = rel in ("acl", "nmod") and not syntax.is_predicate(gov)
        if rel not in _CLAUSAL and not to_clause and not of_noun:
            # (not through a clause with a subject of its own: "announced plans to buy ..., while Zelensky
            # urged sanctions" is Zelensky's)
            if (
                reporter is None
                and not locked
                and rel == "obj"
                and gov.lemma.lower() in W["reporting"]
                and not syntax.is_predicate(cur)
            ):
                reporter = gov  # "announced plans to buy": what the plan's noun says is told by the subject
            break
        if rel in ("advcl", "parataxis") and syntax.kids(cur, "nsubj") and not to_clause and not locked:
            # "..., while Zelensky urged sanctions": a clause with a subject of its own tells its own
            # happening; what the words above plan or fear is not its status (its speaker still is). Only
            # its host's own modal reaches it: "once we have reviewed it, we will decide" is to come.
            if status is None and (
                any(k.lower in W["modal_planned"] for k in syntax.kids(gov, "aux"))
                # "after we have selected an alternative, we intend to require competition": an intention
                # held now is for what is to come, and so is the clause that says when
                or (
                    gov.lemma.lower() in W["intent"]
                    and gov.tag in ("VBP", "VBZ")
                    and not syntax.kids(gov, "aux")
                )
            ):
                status = Modality.PLANNED
            locked = True
        lemma = gov.lemma.lower()
        # what someone is accused of, charged with or indicted for, and what that takes in ("accused the
        # firm of hiding losses, including falsifying its accounts"): the preposition's clause is the claim
        charged = rel == "advcl" and any(m.lower in _CHARGE_MARKS for m in syntax.kids(cur, "mark"))
        if status is None and not locked and not syntax.is_predicate(gov) and rel in ("acl", "nmod"):
            # "the possibility of Boeing challenging", "plans to buy": the noun says it has not happened
            if lemma in W["possibility_nouns"] or unsupported(syntax, gov, W):
                status = Modality.POSSIBLE  # (or "without evidence that soldiers set it": a bare claim)
            elif lemma in W["plan_nouns"]:
                status = Modality.PLANNED
        if (
            status is None
            and not locked
            # (the parser sometimes hangs the infinitive as an adverbial clause)
            and (rel == "xcomp" or (rel == "advcl" and marked(syntax, cur, "to")))
            and (lemma in W["reporting"] or lemma in W["belief"])
            and syntax.kids(gov, "aux:pass")
        ):
            status = Modality.POSSIBLE  # "was reported to have closed", "is believed to have fled": hearsay
            if reporter is None:
                reporter = gov  # said by no one named: "unnamed reports"
        if status is None and not locked:
            if lemma in W["denial"] or lemma in W["unrealised"]:
                status = Modality.NEGATED
            elif lemma == "have" and any(k.lower == "yet" for k in syntax.kids(gov, "advmod")):
                status = Modality.NEGATED  # "has yet to be released"
            elif rel in ("xcomp", "acl") or (rel == "advcl" and marked(syntax, cur, "to")):
                if lemma in W["intent"]:
                    status = Modality.PLANNED
            elif (rel in ("ccomp", "csubj", "parataxis") or charged) and lemma in W["belief"]:
                status = Modality.POSSIBLE
            own = status_of_clause(syntax, gov, W)
            if status is None and own in (Modality.PLANNED, Modality.POSSIBLE) and rel == "xcomp":
                status = own  # "may try to launch"
            if status is None and own == Modality.NEGATED and rel == "xcomp":
                status = Modality.NEGATED  # "did not manage to reach"
        if (
            reporter is None
            and rel == "acl"
            and lemma in W["statement_nouns"]
            and ((maker := syntax.head(gov)) is not None and syntax.is_predicate(maker))
        ):
            reporter = maker  # "said in a statement that ...", "issued a warning that ...": the maker's
        elif (
            reporter is None
            and (rel in ("ccomp", "parataxis") or charged)
            and (lemma in W["reporting"] or lemma in W["belief"] or lemma in W["stance"])
        ):
            reporter = gov  # "said the call ...", "alleged that ...", "investigators concluded ice ..."
            unbacked = any(unsupported(syntax, o, W) for o in syntax.kids(gov, "obl"))
            if status is None and not locked and unbacked:
                status = Modality.POSSIBLE  # "said without evidence that soldiers set the fire": a claim
            locked = locked or bool(syntax.kids(gov, "nsubj"))  # a denial above it denies the telling
        elif reporter is None and rel == "xcomp" and (lemma in W["reporting"] or lemma in W["stance"]):
            reporter = gov  # "threatened to sue", "vowed to rebuild": the subject says so
        cur = gov
    return status, reporter


def judge_mention(
    doc: Document,
    syntax: Syntax,
    times: list[TimeMention],
    start: int,
    end: int,
    in_quote: bool,
    up: bool = True,
    told: frozenset[int] = frozenset(),
) -> Verdict | None:
    """The structure's verdict on the mention whose trigger is [start, end); None when the analysis has no
    word there. `up`: a verb that completes another ("began to blare") may defer to it (not when the
    question comes from that verb: "said" asking about its content). `told`: the words that trigger an
    event of the article (a noun is part of its verb's row only when that verb tells an event)."""
    W = words()
    w = syntax.at(start, end)
    if w is None:
        return None
    row = True
    status: Modality | None = None
    reporter: Word | None = None
    gov = syntax.head(w)
    if (
        up
        and syntax.is_predicate(w)
        and w.dep == "xcomp"
        and gov is not None
        and syntax.is_predicate(gov)
        and gov.lemma.lower() not in W["intent"]
        and gov.lemma.lower() not in W["unrealised"]
        and gov.lemma.lower() != "have"  # "has yet to be released", "had to leave": not one predicate
        and gov.lemma.lower() not in W["reporting"]  # "reported [that ...] shelling killed": the content
        and gov.lemma.lower() not in W["belief"]
    ):
        # "continue to press", "began to blare": one predicate; the governing verb speaks for it, and when
        # it tells an event of its own, that event is the row (one happening, one row)
        outer = judge_mention(doc, syntax, times, gov.start, gov.end, in_quote, told=told)
        if outer is not None:
            if gov.i in told:
                outer.row = False
            return outer
    if (
        up
        and w.tag.startswith("JJ")
        and not syntax.is_predicate(w)
        and gov is not None
        and syntax.is_predicate(gov)
        and w.dep in ("xcomp", "advcl", "ccomp")
    ):
        # "went missing", "was found dead": the adjective completes its verb's predicate
        outer = judge_mention(doc, syntax, times, gov.start, gov.end, in_quote, told=told)
        if outer is not None:
            return outer
    gerund = (
        w.tag == "VBG"
        and w.dep.split(":")[0] in ("nmod", "obl", "nsubj", "obj", "conj")
        and not (syntax.kids(w, "nsubj", "aux"))
    )
    if syntax.is_predicate(w) and not gerund:
        if w.dep in ("amod", "compound", "nmod"):
            row = False  # "falling debris": a verb used as a modifier
        elif w.dep in ("case", "mark", "fixed"):
            row = False  # "given the fact", "following the talks": a verb's form used as a preposition
        elif (
            w.tag in ("VBG", "VBN")
            and w.dep in ("advcl", "acl", "xcomp", "case", "obl", "conj")
            and (w.lemma.lower() in W["framing"] and not syntax.kids(w, "nsubj"))
        ):
            row = False  # "including ...", "citing ...": the sentence's frame
        elif (
            # (a past tense the tagger gave a participle's place needs its marker: "with cases reported")
            (w.tag in ("VBG", "VBN") or (w.tag == "VBD" and syntax.kids(w, "mark", "case")))
            and w.dep.split(":")[0] in ("advcl", "acl")
            and not syntax.kids(w, "nsubj", "aux")
            and all(m.lower in W["adjunct_marks"] for m in syntax.kids(w, "mark", "case"))
            and not own_time(syntax, w, times)
        ):
            # "..., causing thousands of deaths", "a cost for taking an aircraft", "with cases reported in
            # Guinea": told as part of the clause it hangs from
            row = False
        elif (
            w.tag in ("VB", "VBG", "JJ", "NN")
            and w.dep.split(":")[0] in ("advcl", "acl", "ccomp", "xcomp", "conj")
            and marked(syntax, w, "to")
            # (what one intends is a row; what one urges others to do, the urging's: "urged them to return")
            and not (
                w.dep == "xcomp" and gov is not None and gov.lemma.lower() in W["intent"] | W["unrealised"]
                and not syntax.kids(gov, "obj", "iobj")
            )
        ):
            row = False  # "to support survivors": a purpose, not a happening
        elif w.dep.endswith("relcl") and (h := syntax.head(w)) is not None and h.dep == "appos":
            # "DeSai, an attorney who worked in Houston": an apposition says who someone is; what its
            # relative clause tells is their background, not the story's happening
            row = False
        elif any(k.lower in W["deontic"] for k in syntax.kids(w, "aux")):
            row = False  # "they must feel sanctions": an obligation or an opinion
        elif bare_attribution(doc, syntax, w, W):
            # "X said Y": Y is the row, unless Y did not happen as a fact (a warning that something may
            # come, a denial, an announcement of a plan): then the statement itself is the news.
            row = False
            for c in syntax.kids(w, "ccomp", "parataxis"):
                if doc.quote_at(c.start) is not None:
                    continue  # a quote's own words are the speaker's, not a claim the article reports
                inner = judge_mention(doc, syntax, times, c.start, c.end, in_quote, up=False, told=told)
                if inner is None or inner.status is None:
                    continue
                if c.i in told and (
                    inner.status == Modality.NEGATED
                    or w.lemma.lower() in W["belief"]
                    or (inner.row and w.lemma.lower() in W["plain_saying"])
                ):
                    # "officials said no traces were found", "associates alleged he was poisoned": the
                    # content is an event of its own, the row, with its status, reported by the speaker.
                    # An announcement or a warning of what will or may come is itself the news.
                    continue
                row = True
        elif any(
            x.lemma.lower() in W["reporting"]
            and (x.dep == "xcomp" or marked(syntax, x, "to"))
            and bare_attribution(doc, syntax, x, W)
            for x in syntax.kids(w, "xcomp", "advcl")
        ):
            row = False  # "went on to say that ...", "began to explain that ...": what was said is the row
        elif w.lemma.lower() in W["unrealised"] and any(
            c.i in told for c in syntax.kids(w, "xcomp", "advcl", "ccomp")
        ):
            row = False  # "refrained from declaring": the complement is the row, and it did not happen
        elif w.lemma.lower() in W["intention"] and any(
            k.i in told and (k.dep == "xcomp" or (k.tag == "VBG" and marked(syntax, k, "on")))
            for k in syntax.kids(w, "xcomp", "advcl", "ccomp")
        ):
            row = False  # "MSF planned to redouble aid": what is planned is the row, an event of its own
        elif w.lemma.lower() in W["stative"] and not own_time(syntax, w, times):
            row = False
        elif any(o.lemma.lower() in W["sentiments"] for o in syntax.kids(w, "obj")):
            row = False  # "the decision has raised alarm", "stoked fears of war": a mood, not a happening
        elif w.dep.endswith("relcl") and superlative(syntax, syntax.head(w)):
            row = False  # "the worst storm the town has seen": the measure of a comparison, not a happening
        elif w.lemma.lower() in W["perception"]:
            row = False  # "I saw a lot of blood": what was seen is the happening, not the seeing
        elif (
            simple_present(syntax, w)
            and w.sentence > 0
            and not own_time(syntax, w, times)
            and w.lemma.lower() not in W["reporting"]
        ):
            row = False  # a present-tense generality or state, told in the story's body
        elif recurring(syntax, w, times):
            row = False  # "we deal with this every day", "sails twice a day": a habit, not a happening
        elif (
            any(k.lower in W["habitual"] for k in syntax.kids(w, "advmod"))
            and (w.tag in ("VBZ", "VBP") or any(k.tag in ("VBZ", "VBP") for k in syntax.kids(w, "aux")))
            and not own_time(syntax, w, times)
        ):
            row = False  # "contractors are often hired to lobby": what usually happens, not a happening
        status = status_of_clause(syntax, w, W)
        governed, reporter = _governed(syntax, w, W)
        if status is None or (
            status in (Modality.PLANNED, Modality.POSSIBLE)
            and w.dep == "ccomp"
            and denied(syntax, w, W["denial"])
        ):
            status = governed  # (what one denies will happen is, in their telling, not to happen)
        if in_quote and status in (Modality.PLANNED, Modality.POSSIBLE):
            row = False  # a speaker's intentions and fears in their own words are the quote, not events
        if in_frame(syntax, w, W):
            row = False
    else:
        # A noun naming the happening ("the call", "his first defeat"): a row when a time of its own dates
        # it, a verb carries it ("the call ended", "launched an assault", "there was an attack"), or the
        # phrase says which happening it is (a possessor, a modifier, a complement); a bare or generic
        # noun ("the war", "abuse", "every such strike") is not one.
        head = gov
        existential = (
            head is not None
            and head.lemma.lower() == "be"
            and head.tag not in ("VBZ", "VBP")  # "there is a cost": a state; "there was an attack"
            and not any(k.lower in W["modal_planned"] for k in syntax.kids(head, "aux"))
            and any(k.dep == "expl" for k in syntax.kids(head))
        )
        carried = (
            head is not None
            and syntax.is_predicate(head)
            and w.dep.split(":")[0] in ("nsubj", "obj")
            and (head.lemma.lower() in W["carriers"] or existential)
        )
        kids = syntax.kids(w)
        generic = any(k.dep == "det" and k.lower in W["generic_determiners"] for k in kids)
        # the phrase says which happening it is: a complement or possessor ("the shelling of Kyiv", "his
        # defeat", "the talks that ended"), or a name that says whose or where ("the Boeing scandal"); an
        # adjective or a common noun alone ("tough new sanctions", "the airtanker contract") does not
        specific = any(
            k.dep.split(":")[0] in ("nmod", "acl", "appos")
            or (k.dep == "compound" and k.tag in ("NNP", "NNPS"))
            for k in kids
        )
        # a time of its own: one its clause governs, or one in its own phrase ("the 2009 crash", "this
        # nine-week trial last year")
        dated = own_time(syntax, w, times) or noun_time(syntax, w, times)
        # "Air France Flight", "the Joint Strike Fighter": a name (not a common noun capitalised because
        # it opens the sentence: "Sentencing is scheduled for March 14")
        first = syntax.sentence_words(w.sentence)[:1] == [w] and not syntax.kids(w, "compound", "flat")
        named = w.tag in ("NNP", "NNPS") and not first
        # "there is an additional cost", "the cost is high": a state now, not a happening
        stated = (head is not None and head.lemma.lower() in W["stative"] and head.tag in ("VBZ", "VBP")) or (
            # "it is our life sentence", "this is a tragedy": the noun says what its subject is now (not
            # "regrettable is the decision", where the noun is what is judged)
            any(k.dep == "cop" and k.tag in ("VBZ", "VBP") for k in kids)
            and any(k.dep == "nsubj" and k.tag[:2] in ("NN", "PR", "DT") for k in kids)
        )
        row = (carried or dated or (specific and not generic)) and not named and not (stated and not dated)
        if by_account(syntax, w):
            row = False  # "by varying reports", "according to reports": who tells it, not a happening
        elif not dated and any(c.lower == "about" for c in syntax.kids(w, "case")):
            row = False  # "we talked about the war with Ukraine": what was talked of, not a happening told
        if row and not dated and in_frame(syntax, w, W):
            # "citing concerns over dwindling stockpiles", "marking one of the most destructive assaults":
            # the sentence's frame
            row = False
        # the verb whose phrase the noun is in ("urged tough new sanctions", "marking one of the most
        # destructive assaults"): when it tells an event, the noun is part of that event or of its frame
        governor = (
            head
            if head is not None and syntax.is_predicate(head)
            else next((a for a in syntax.ancestors(w) if syntax.is_predicate(a)), None)
        )
        if (
            row
            and not carried
            and not dated
            and governor is not None
            and governor.i in told
            and (
                w.dep.split(":")[0] in ("nsubj", "obj")
                # (what a verb of telling has as its object is the happening told: "confirmed the deaths",
                # "identified the state's first death")
                and not (w.dep == "obj" and governor.lemma.lower() in W["reporting"])
            )
        ):
            # "urged tough new sanctions", "described the assault": the noun is an argument of the verb's
            # happening, which is the row if anything is
            outer = judge_mention(
                doc, syntax, times, governor.start, governor.end, in_quote, up=False, told=told
            )
            if outer is None or outer.row:
                row = False
        if head is not None and syntax.is_predicate(head):
            governed, reporter = _governed(syntax, head, W)
            status = status_of_clause(syntax, head, W) or governed
            if reporter is None and w.dep == "obj" and head.lemma.lower() in W["reporting"]:
                reporter = head  # "announced plans to buy", "confirmed the deaths": what is told, by whom
        if any(k.dep == "amod" and k.lower in W["ahead"] for k in kids) or (
            # "an increase in funding is needed", "a vote is expected next week": wanted, not done (but
            # "the deal is expected to lead to ...": what is expected is the infinitive)
            w.dep == "nsubj:pass"
            and status is None
            and head is not None
            and head.lemma.lower() in W["intent"]
            and not syntax.kids(head, "xcomp")
        ):
            status = Modality.PLANNED  # "a future meeting", "the proposed merger"
        speaker = _speaker(syntax, w, reporter, times)[0]
        if in_quote:
            speaker, status = quoted(doc, syntax, w, times, speaker, status)
        return Verdict(row, status, in_quote or reporter is not None, speaker, False, dated, w.i, carried)
    speaker, attributed = _speaker(syntax, w, reporter, times)
    if in_quote:
        speaker, status = quoted(doc, syntax, w, times, speaker, status)
    return Verdict(row, status, in_quote or attributed, speaker, word=w.i)


def judge(
    doc: Document,
    syntax: Syntax,
    events: list[Event],
    times: list[TimeMention],
    publication: TimeMention | None = None,
) -> None:
    """Each event's row flag (`minor`), status and speaker from the structure of its mentions' clauses.

    An event is a row when one of its mentions is; its status and speaker come from that mention (the
    first such), or from its first mention when none is."""
    W = words()
    named = named_speakers(syntax, times)
    alone: list[int] = []
    doers: list[int] = []
    # the title each row's fragment test counts: the clause window's, patched (see `titles.fragments`)
    window: dict[int, str] = {}
    verbal: list[titles.Told] = []  # the rows told by a verb (`titles.retitle`)
    told = frozenset(
        w.i for e in events for m in e.mentions if (w := syntax.at(m.trigger[0], m.trigger[1])) is not None
    )
    for e in sorted(events, key=lambda e: e.mentions[0].trigger[0]):
        verdicts = []
        chosen = None  # the verdict on the mention the event's trigger was chosen from
        for m in e.mentions:
            v = judge_mention(
                doc,
                syntax,
                times,
                m.trigger[0],
                m.trigger[1],
                doc.quote_at(m.trigger[0]) is not None,
                told=told,
            )
            if v is not None:
                verdicts.append(v)
                if chosen is None and doc.text[m.trigger[0] : m.trigger[1]] == e.trigger:
                    chosen = v
        if not verdicts:
            continue
        main = next((v for v in verdicts if v.row), verdicts[0])
        e.minor = not main.row
        if main.row and main.verbal and main.word >= 0:
            title = titles.statement_title(doc, syntax, syntax.words[main.word], W["reporting"] | W["belief"])
            if title is not None:
                e.title = title
            else:
                e.title = titles.with_subject(doc.text, syntax, syntax.words[main.word], e.title)
        elif main.row and main.word >= 0:
            e.title = titles.told_noun_title(doc.text, syntax, syntax.words[main.word], e.title)
        window[id(e)] = titles.close_brackets(e.title)
        # who did what, from the parse of the mention the event's trigger was chosen from (its first
        # telling by a clause: "Drones struck Kyiv ... The attack came hours after" reads as the strike)
        told_by = chosen or main
        if main.row and told_by.verbal and told_by.word >= 0:
            verbal.append(titles.Told(e, told_by.word, told_by.carried, -1 if main.verbal else main.word))
        elif main.row and main.carried and main.word >= 0 and len(e.title.split()) <= 3:
            # a noun titled alone ("Sentencing") says what its verb does, not a participle that places it
            carrier = syntax.head(syntax.words[main.word])  # ("following attacks")
            if carrier is not None and not (carrier.tag == "VBG" and carrier.dep in ("advcl", "acl")):
                verbal.append(titles.Told(e, main.word, True, -1))
        if main.verbal and main.word >= 0:
            w = syntax.words[main.word]
            if (k := own_subject(syntax, w)) is not None and k.tag in ("NNP", "NNPS"):
                doers.append(id(e))  # "Reyes resigned": two words that name who did it
            lemma = w.lemma.lower()
            if (lemma in W["reporting"] or lemma in W["belief"]) and not syntax.kids(
                w, "obj", "iobj", "xcomp", "ccomp", "obl", "parataxis"
            ):
                alone.append(id(e))
        if main.status is not None:
            e.modality = main.status
        elif e.modality in (Modality.NEGATED, Modality.POSSIBLE) or (
            # a plan the words near the trigger suggested, for an event dated before publication
            e.modality == Modality.PLANNED
            and e.time is not None
            and publication is not None
            and e.time.hi <= publication.hi
        ):
            # the structure says it happened
            e.modality = Modality.REPORTED if main.reported else Modality.ASSERTED
        elif e.modality == Modality.ASSERTED and main.reported:
            e.modality = Modality.REPORTED
        if (
            e.modality in (Modality.ASSERTED, Modality.REPORTED)
            and e.time is not None
            and publication is not None
            and e.time.lo >= publication.hi
        ):
            # "a signal ahead of the 2024 elections" in a 2023 story: what is dated after the story was
            # published has not happened yet, whatever the clause's words say
            e.modality = Modality.PLANNED
        speaker = main.speaker
        if speaker is not None and speaker.lower() in W["pronouns"]:
            at = syntax.words[main.word].start if main.word >= 0 else e.mentions[0].trigger[0]
            speaker = pronoun_speaker(syntax, speaker, at, named)  # "he said": who he is
        if speaker is None and main.verbal and main.word >= 0:
            speaker = continued_report(doc, syntax, syntax.words[main.word], times)
        if speaker:
            e.speaker = speaker
        elif not main.reported:
            e.speaker = None
    titles.retitle(doc, syntax, times, events, verbal, window)  # once all rows are known
    for e in events:
        e.title = titles.close_brackets(e.title)
    titles.fragments(events, frozenset(alone), window, frozenset(doers))
