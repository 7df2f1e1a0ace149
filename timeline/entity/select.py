"""Choosing events: the timeline of one entity (`newsline parse --entity NAME`).

An event belongs to an entity's timeline when the entity takes part in it: in one of the event's mentions a
reference to the entity is the subject of the trigger, an object of it (or the agent of a passive), or the
noun phrase of a nominal trigger ("Boeing's protest", "the purchase of 22 787s") - not merely a word
somewhere in the same sentence. The roles are read first off the dependency parse of the article
(`newsline.entity.roles`; the parse is made again, only for articles that refer to the entity), then, where
the parse finds none (a small parser misreads headlines and long noun phrases), off the sentence as words
and marks: the verbal triggers of every event found in it, and the references to the entity
(`newsline.entity.references`: names, pronouns, descriptions). Articles name an entity in several ways
("Boeing 787 Dreamliner", "the 787", "Dreamliner"; "United States Air Force", "USAF", "the Air Force";
"Steve Jobs", "Jobs"); `newsline.entity.names` lists them.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from dataclasses import dataclass
from functools import cache

from newsline.entity.explain import describe
from newsline.entity.names import corrected, defined_forms, generic_words, newest_model, variants
from newsline.entity.names import pattern as name_pattern
from newsline.entity.references import FUNCTION_WORDS, TOKEN, Ref, entity_refs, is_product, is_verb_form
from newsline.entity.roles import arguments, names_entity
from newsline.entity.ties import share_ranks
from newsline.formats.document import time_source
from newsline.language.lexicon import events_data, noun_forms
from newsline.language.lexicon import titles as lexicon_titles
from newsline.language.syntax import Syntax, Word, analyse
from newsline.language.text import segment
from newsline.model import Event, Mention, Modality, Timeline, TimeMention
from newsline.order.rank import anchored
from newsline.rules import determiners


def _generic() -> frozenset[str]:
    return generic_words()


def _pattern(entity: str, text: str | None = None) -> re.Pattern[str]:
    """The entity's names (`newsline.entity.names.variants`), with the short and long forms `text`
    defines for it."""
    names = variants(entity)
    if text:
        names += defined_forms(text, names) + newest_model(text, entity)
    return name_pattern(names, entity, plural=is_product(entity))


# Words that open a clause of its own: an entity named before one of them is not the subject after it.
# fmt: off
BOUNDARIES = frozenset(
    [";", ":", "—", "–", "that", "which", "who", "whom", "whose", "because", "while", "whereas",
     "although", "though", "if", "unless", "where", "whether"]
)
# fmt: on
DETERMINERS = determiners()  # every kind
CONJUNCTIONS = frozenset(["and", "but", "or"])
# Prepositions that tie a participant to an event noun: "the purchase of ...", "a dispute between ...".
NOUN_LINKS = frozenset(["of", "by", "between", "from", "with", "against", "for", "to", "on", "over"])


@cache
def _light_verbs() -> frozenset[str]:
    from newsline.language.lexicon import verb_forms

    light = set(events_data()["roles"]["light_verbs"])
    return frozenset(f for f, readings in verb_forms().items() if any(r.lemma in light for r in readings))


@dataclass(slots=True)
class _Sentence:
    """One sentence of an article as words and marks, with the verbal triggers and entity references."""

    tokens: list[tuple[int, int, str]]
    starts: list[int]
    verbs: set[int]  # token indexes of verbal triggers
    refs: list[tuple[int, int, Ref]]  # token ranges [i, j) of references to the entity


def _segment_ok(words: list[str]) -> bool:
    """No clause boundary among these words."""
    return not any(w.lower() in BOUNDARIES for w in words)


def _link(words: list[str], next_verb: str) -> bool:
    """Whether the words between two verbs let the first verb's subject be the second's too: "allowed to
    bid", "welcomed everyone and announced", "unveiled the device by walking", "hinting at it, saying"."""
    low = [w.lower() for w in words]
    if not _segment_ok(words):
        return False
    if (
        low
        and low[-1] == "to"
        and (
            (len(low) <= 3 and not any(w in DETERMINERS or w[:1].isupper() for w in words[:-1]))
            # a purpose after a place: "returned to the stage to reveal", not "forced Apple to lower"
            or (len(low) > 1 and low[0] in PREPOSITIONS | {"to"} and len(low) <= 6)
        )
    ):
        return True
    cc = [k for k, w in enumerate(low) if w in CONJUNCTIONS]
    if cc:
        rest = words[cc[-1] + 1 :]
        if len(rest) <= 3 and not any(
            w.lower() in DETERMINERS or w[:1].isupper() or w.lower() in _PRONOUNS for w in rest
        ):
            return True
    return next_verb.lower().endswith("ing") and bool(low) and low[-1] in ("by", ",")


_PRONOUNS = frozenset(["he", "she", "it", "they", "we", "i", "you"])


PREPOSITIONS = frozenset(
    [
        "in",
        "on",
        "at",
        "during",
        "since",
        "for",
        "from",
        "with",
        "after",
        "before",
        "by",
        "of",
        "over",
        "under",
        "into",
        "across",
        "near",
    ]
)


def _no_new_subject(words: list[str]) -> bool:
    """Whether the words between a name and its verb leave the name the subject: adverbs, auxiliaries,
    prepositional phrases ("Boeing Commercial Airplanes on Tuesday delivered", "Jobs also announced") and
    other names joined to it ("Northrop Grumman and EADS defeated"), but no other noun phrase ("For owners
    of the iPhone 4, Jobs said") and no clause boundary."""
    in_pp = in_conjunct = False
    for w in words:
        low = w.lower()
        if low in BOUNDARIES or w in ('"', "“", "”", "`", "'", "(", ")"):
            return False
        if low in PREPOSITIONS:
            in_pp = True
            continue
        if low == "but":
            return False  # "compete with the A380 but instead is aimed": a clause of its own
        if low in ("and", "or") and not in_pp:
            in_conjunct = True  # another name joins the subject: "Northrop Grumman and Airbus parent EADS"
            continue
        if w == ",":
            return False
        if in_pp:
            continue
        if in_conjunct and (w[:1].isupper() or (low not in DETERMINERS and low not in _PRONOUNS)):
            continue
        if w[:1].isupper() or low in DETERMINERS or low in _PRONOUNS or w[:1].isdigit():
            return False
    return not in_conjunct or words[-1][:1].isupper()


def _subject_of(sent: _Sentence, j: int, t: int) -> bool:
    """Whether the reference ending before token `j` is the subject of the verb at token `t`."""
    gap = list(range(j, t))
    words = [sent.tokens[k][2] for k in gap]
    if words and words[0] == ")":
        gap, words = gap[1:], words[1:]  # "European Aeronautic Defence and Space Company (EADS) have won"
    # An apposition or a relative clause about the entity: "Jobs, born in 1955, has built", "Singapore
    # Airlines, which will be the first to operate the giant", "Scott Carson, president of Boeing
    # Commercial Airplanes said".
    if words and words[0] == ",":
        commas = [k for k, w in enumerate(words) if w == ","]
        if len(commas) > 1:
            gap, words = gap[commas[-1] + 1 :], words[commas[-1] + 1 :]
        elif len(words) > 1 and words[1].lower() in ("which", "who"):
            gap, words = gap[2:], words[2:]
        elif len(words) > 1 and words[1][:1].islower() and not any(g in sent.verbs for g in gap):
            return _segment_ok(words)
        else:
            gap, words = gap[1:], words[1:]
    verbs = [k for k, g in enumerate(gap) if g in sent.verbs]
    if not _no_new_subject(words[: verbs[0]] if verbs else words):
        return False
    if not verbs:
        return True
    chain = [*verbs, len(gap)]
    for a, b in itertools.pairwise(chain):
        nxt = words[b] if b < len(words) else sent.tokens[t][2]
        if not _link(words[a + 1 : b], nxt):
            return False
    return True


FRONTING = frozenset(["while", "after", "before", "when", "by", "since", "upon", "on", "in", "during"])


def _fronted_subject(sent: _Sentence, t: int, i: int, j: int) -> bool:
    """A participle clause opening the sentence shares the main clause's subject: "While introducing
    iPhone 4, at the annual conference, Jobs started ...": Jobs is the one introducing."""
    words = [sent.tokens[k][2] for k in range(t)]
    if (
        not sent.tokens[t][2].lower().endswith("ing")
        or len(words) > 1
        or (words and words[0].lower() not in FRONTING)
    ):
        return False
    between = range(t + 1, i)
    if any(k in sent.verbs for k in between) or "," not in [sent.tokens[k][2] for k in between]:
        return False
    last_comma = max(k for k in between if sent.tokens[k][2] == ",")
    return (
        last_comma == i - 1
        and j < len(sent.tokens)
        and j in sent.verbs | {j + 1}
        and any(k in sent.verbs for k in (j, j + 1, j + 2))
    )


def _object_of(sent: _Sentence, te: int, i: int, j: int, nominal: bool) -> bool:
    """Whether the reference at tokens [i, j) is an object (or the agent of a passive) of the trigger
    ending before token `te`: close after it, with no verb, comma or clause boundary between, and not the
    subject of a verb of its own ("After the case closed, Apple CEO Steve Jobs extended ...")."""
    words = [sent.tokens[k][2] for k in range(te, i)]
    if any(k in sent.verbs for k in range(te, i)) or "," in words or not _segment_ok(words):
        return False
    if "than" in (w.lower() for w in words):
        return False  # a comparison: "Airbus sold more planes than Boeing"
    if j < len(sent.tokens) and (j in sent.verbs or is_verb_form(sent.tokens[j][2])) and not nominal:
        return False
    if nominal:
        # "the purchase of 22 Boeing 787s", but not "delays of the production of the A380": the nearer
        # event noun has the A380.
        return (
            len(words) <= 6
            and (not words or words[0].lower() in NOUN_LINKS)
            and not any(w.lower() in noun_forms() for w in words)
        )
    return len(words) <= 12


def _in_pp(sent: _Sentence, i: int) -> bool:
    """Whether the reference starting at token `i` is the object of a preposition ("of the A380", "for
    Boeing"): then it is not the subject of the verb after it."""
    k = i - 1
    while k >= 0 and i - k <= 4:
        w = sent.tokens[k][2]
        low = w.lower()
        if low in PREPOSITIONS:
            return True
        if not w.isalpha() or not w.islower() or low in CONJUNCTIONS or is_verb_form(low) or k in sent.verbs:
            return False  # only determiners and adjectives stand between a preposition and its object
        k -= 1
    return False


@cache
def _party_nouns() -> frozenset[str]:
    """Nouns for a person or body of its own (`party_nouns`, organisation nouns and titles)."""
    entity = events_data()["entity"]
    titles = {w.lower() for t in lexicon_titles() for w in t.split() if w.isalpha()}
    return frozenset(entity["party_nouns"]) | frozenset(entity["organisation_nouns"]) | titles


def _owned_thing(sent: _Sentence, j: int, t: int) -> int | None:
    """After an owner ("IBM's", "its") at token `j`, the end of the thing it owns when that is a plain noun
    phrase of up to three words before `t` ("shares", "quarterly profit") and not a person or body of its
    own ("rival", "chief executive"); else None."""
    k = j
    while k < t and k - j < 3:
        w = sent.tokens[k][2]
        if not (w.isalpha() and w.islower()) or k in sent.verbs or w in FUNCTION_WORDS:
            break
        k += 1
    if k == j or sent.tokens[k - 1][2] in _party_nouns():
        return None
    return k


def _of_thing(sent: _Sentence, i: int) -> bool:
    """Whether the reference at token `i` owns the noun before it by "of": "shares of IBM", "the profit of
    the company" (not "the chief executive of IBM", "a unit of Boeing")."""
    k = i - 1
    if k >= 0 and sent.tokens[k][2].lower() in DETERMINERS:
        k -= 1
    if k < 1 or sent.tokens[k][2].lower() != "of":
        return False
    noun = sent.tokens[k - 1][2]
    plain = noun.islower() or k - 1 == 0  # "Shares of IBM fell" opens its sentence
    low = noun.lower()
    # An event noun has the entity as its own participant: "delays of the production of the A380 have
    # cost": the A380 takes part in the production, not in the cost.
    thing = low not in _party_nouns() and low not in noun_forms()
    return noun.isalpha() and plain and thing and k - 1 not in sent.verbs


def _participant(sent: _Sentence, t: int, te: int, nominal: bool) -> Ref | None:
    """The reference to the entity that takes part in the event whose trigger is at tokens [t, te)."""
    for i, j, ref in sent.refs:
        if i <= t < j:
            return ref  # the trigger is inside the name ("the Boeing scandal" has no other participant)
        if j <= t:
            words = [sent.tokens[k][2] for k in range(j, t)]
            if nominal:
                # "Boeing's protest", "its launch", "iPod use", "the A380's maiden flight"
                if len(words) <= 3 and "," not in words and not any(k in sent.verbs for k in range(j, t)):
                    return ref
                # "Airbus makes its maiden flight": the subject of a light verb takes part in its noun.
                light = [k for k in range(max(j, t - 4), t) if sent.tokens[k][2].lower() in _light_verbs()]
                if (
                    light
                    and not any(k in sent.verbs for k in range(light[-1] + 1, t))
                    and ref.how != "possessive"
                    and _subject_of(sent, j, light[-1])
                ):
                    return ref
                continue
            if ref.how == "possessive":
                # "IBM's shares fell", "its profit rose": the entity's thing is the subject; but "Boeing's
                # rival announced": the rival did.
                k = _owned_thing(sent, j, t)
                if k is not None and _subject_of(sent, k, t):
                    return ref
                continue
            if ref.how != "pronoun" and _in_pp(sent, i) and not _of_thing(sent, i):
                continue  # "the CEO of Boeing Commercial Airplanes said": the CEO did
            if _subject_of(sent, j, t):
                return ref
        elif (i >= te and ref.how != "possessive" and _object_of(sent, te, i, j, nominal)) or (
            i >= te and _fronted_subject(sent, t, i, j)
        ):
            return ref
    return None


@cache
def _kinds() -> frozenset[str]:
    """Nouns that say what kind of thing a name is: a product's kind ("superjumbo", "phone") and an
    organisation's ("company", "airline")."""
    entity = events_data()["entity"]
    return frozenset(entity["kind_nouns"]) | frozenset(entity["organisation_nouns"])


class _Article:
    """An article read for one entity: its references to it and its verbal triggers, by sentence."""

    def __init__(self, text: str, refs: list[Ref], verbs: list[tuple[int, int]]) -> None:
        self.text = text
        self.refs = refs
        self.ref_starts = [r.start for r in refs]
        self.verb_starts = sorted(v[0] for v in verbs)
        self._cache: dict[tuple[int, int], _Sentence] = {}
        self._syntax: Syntax | None = None

    @property
    def syntax(self) -> Syntax:
        """The article's dependency analysis, made when first asked (only articles that refer to the
        entity are asked: the others have no participant to find)."""
        if self._syntax is None:
            self._syntax = analyse(segment(self.text))
        return self._syntax

    def ref_at(self, w: Word) -> Ref | None:
        """The reference to the entity that word `w` lies in, if any."""
        k = bisect.bisect_right(self.ref_starts, w.start) - 1
        for r in self.refs[max(0, k - 2) : k + 1]:
            if r.start <= w.start < r.end:
                return r
        return None

    def sentence(self, span: tuple[int, int]) -> _Sentence:
        if span not in self._cache:
            a, b = span
            tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(self.text, a, b)]
            starts = [x[0] for x in tokens]
            verbs = set()
            for v in self.verb_starts[
                bisect.bisect_left(self.verb_starts, a) : bisect.bisect_left(self.verb_starts, b)
            ]:
                k = bisect.bisect_right(starts, v) - 1
                if k >= 0:
                    verbs.add(k)
            refs = []
            for r in self.refs[
                bisect.bisect_left(self.ref_starts, a) : bisect.bisect_left(self.ref_starts, b)
            ]:
                i = bisect.bisect_right(starts, r.start) - 1
                j = bisect.bisect_left(starts, r.end)
                if i >= 0:
                    refs.append((i, j, r))
            self._cache[span] = _Sentence(tokens, starts, verbs, refs)
        return self._cache[span]


def _sentence_span(text: str, m: Mention) -> tuple[int, int]:
    at = text.find(m.text, max(0, m.trigger[0] - len(m.text)), m.trigger[1] + len(m.text))
    if at < 0 or not at <= m.trigger[0] < at + len(m.text):
        return m.clause
    return at, at + len(m.text)


def participant(e: Event, m: Mention, articles: dict[str, _Article]) -> Ref | None:
    """The reference to the entity (name, pronoun, description) that takes part in the event as told by
    mention `m`, or None (also when the article's text is not at hand)."""
    art = articles.get(m.article)
    if art is None or not art.text:
        return None
    sent = art.sentence(_sentence_span(art.text, m))
    if not sent.refs:
        return None
    w = art.syntax.at(*m.trigger)
    if w is not None:
        nominal = e.nominal or not w.tag.startswith("VB")
        for a in arguments(art.syntax, w, e.nominal, e.kind == "statement"):
            # the owner of an event noun's participant is no party of it: "its plane's maiden flight"
            ref = names_entity(art.syntax, a, art.ref_at, _party_nouns(), _kinds(), owner=not nominal)
            if ref is not None:
                return ref
    t = bisect.bisect_right(sent.starts, m.trigger[0]) - 1
    te = bisect.bisect_left(sent.starts, m.trigger[1])
    return _participant(sent, t, te, e.nominal) if t >= 0 else None


def mention_takes_part(e: Event, m: Mention, articles: dict[str, _Article], pattern: re.Pattern[str]) -> bool:
    """Whether the entity takes part in the event as told by mention `m` (see `takes_part`)."""
    art = articles.get(m.article)
    if art is None or not art.text:
        # No text (a timeline read back from JSON): the entity named in the mention's sentence.
        return bool(pattern.search(m.text))
    return participant(e, m, articles) is not None


def takes_part(e: Event, articles: dict[str, _Article], pattern: re.Pattern[str]) -> bool:
    """Whether the entity takes part in the event: in one of its mentions, a reference to the entity (its
    name, or a pronoun or description that refers to it) is the subject or an object of the trigger, or
    the noun phrase of a nominal trigger ("Boeing's protest", "the purchase of 22 Boeing 787s")."""
    return any(mention_takes_part(e, m, articles, pattern) for m in e.mentions)


def own_mentions(
    e: Event, articles: dict[str, _Article], pattern: re.Pattern[str], texts: dict[str, str]
) -> list[Mention]:
    """The mentions that tell the entity's part in the event: those where it takes part, and those that
    repeat one of their words ("purchase" ... "the purchase"; "unveils" in another article's headline).
    Another word that was only taken for the same event ("secured two orders": "orders"; "the contract"
    of a sentence about another party) is not the entity's event."""
    yes = [m for m in e.mentions if mention_takes_part(e, m, articles, pattern)]
    if not yes:
        return e.mentions

    def stem(m: Mention) -> str:
        text = texts.get(m.article) or ""
        return text[m.trigger[0] : m.trigger[1]].lower()[:4]

    stems = {stem(m) for m in yes} - {""}
    return [m for m in e.mentions if m in yes or stem(m) in stems]


# Where an event's time may come from when its own clause has none (see `export.time_source`).
INHERITED = frozenset(["sentence", "narrative", "lead"])


def _within_a_day(t: TimeMention) -> bool:
    return not (math.isinf(t.lo) or math.isinf(t.hi)) and t.hi - t.lo <= 1440.0


def _dated(e: Event) -> bool:
    """Whether the event's time names a calendar date (a year at least). A time told only against the
    moment of writing ("has asked", "currently", "recently": PAST_REF, PRESENT_REF) or bounds that
    relations give an undated event place it before or at the telling, but on no date a timeline can
    show; a reader of the entity's timeline gets no day for it."""
    return e.time is not None and e.time.value[:4].isdigit()


def on_the_line(e: Event) -> bool:
    """Whether an event belongs on an entity's timeline: it happened, or it is planned for a time the text
    gives, and it has a place in time. What may happen or did not happen ("may deploy", "did not offer")
    is not a point of a timeline. Nor is an event that nothing places in time, or one whose only time is
    a year, a month or a week taken from another sentence or from the article's lead: that is the
    story's background, not the event's date ("Airbus won more orders in 2004. It also cut jobs": the cut
    is not dated 2004 by that); nor one whose time names no date at all ("currently", "recently",
    see `_dated`). The whole timeline still lists them all."""
    if e.modality in (Modality.POSSIBLE, Modality.NEGATED):
        return False
    if e.modality == Modality.PLANNED and e.time is None:
        return False
    if e.time is not None and time_source(e.time_source) in INHERITED and not _within_a_day(e.time):
        return False
    return anchored(e) and _dated(e)


def keep_entity(tl: Timeline, entity: str, explain: list[str] | None = None) -> Timeline:
    """Only the events in which `entity` (or one of its variants) takes part and that are on the time line
    (see `on_the_line`), in the same order as in the whole timeline; events that nothing orders share a
    rank (`newsline.entity.ties`). With `explain`, the lines of `newsline.entity.explain.describe` are
    added to it."""
    query = entity
    entity = corrected(entity, (a.text for a in tl.articles if a.text))
    pattern = _pattern(entity)
    verbs: dict[str, list[tuple[int, int]]] = {}
    for e in tl.events:
        if not e.nominal:
            for m in e.mentions:
                verbs.setdefault(m.article, []).append(m.trigger)
    generic = _generic()
    articles = {}
    for a in tl.articles:
        refs = entity_refs(a.text, _pattern(entity, a.text), entity, generic)
        articles[a.id] = _Article(a.text, refs, verbs.get(a.id, []))
    taking_part = [e for e in tl.events if takes_part(e, articles, pattern)]
    kept = [e for e in taking_part if on_the_line(e)]
    texts = {a.id: a.text for a in tl.articles}
    for e in kept:
        e.mentions = own_mentions(e, articles, pattern, texts)
    ids = {e.id for e in kept}
    share_ranks(kept, tl.relations)  # the relations of every event: an order may run through others
    rel = [r for r in tl.relations if r.source in ids and r.target in ids]
    if explain is not None:
        names = variants(entity)
        defined = {a.id: defined_forms(a.text, names) for a in tl.articles if a.text}
        why = [(e, next((r for m in e.mentions if (r := participant(e, m, articles))), None)) for e in kept]
        refs = {k: v.refs for k, v in articles.items()}
        left = len(taking_part) - len(kept)
        explain += describe(query, entity, names, tl.articles, refs, defined, why, left)
    return Timeline(tl.articles, kept, rel, tl.time_mentions, tl.references, tl.warnings, ties=True)
