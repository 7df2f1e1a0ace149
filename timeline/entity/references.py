"""Where an article refers to one entity: by a name, a pronoun or a description.

There is no parser here either. An entity is named by one of its variants ("Boeing 787 Dreamliner",
"the 787"), but a name that only qualifies the noun after it ("Boeing executive Michael Sears", "Airbus
A380", "USAF officials") names something else: the executive, the aircraft, the officials. After a name,
an article goes on with pronouns ("he", "it", "they"), a person's first name ("Steve") and descriptions
("the company", "the store"). A pronoun, or a description by the entity's kind ("the company" for an
organisation, "the superjumbo" for a product), refers to the entity when the entity is the last name
told before it, in its sentence or the two before (for "he" and "she", the last person: a name that acts
or has a title), counting the pronouns already resolved, so that "Jobs ... He ... He ..." is a chain. A
description the article has given the entity itself ("Airbus, Europe's biggest aircraft manufacturer"
... "the manufacturer"), or the last word of its name ("iTunes store" ... "the store"), refers to it
anywhere after its first name.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cache

from newsline.language.lexicon import events_data, open_verb, titles, verb_forms
from newsline.language.text import lexicon
from newsline.rules import determiners, month_names, weekday_names

# Words, numbers with their inner punctuation ("737-800", "U.S.", "Boeing's"), and single marks.
TOKEN = re.compile(r"[^\W_](?:[\w'’.\-]*[^\W_])?|[^\w\s]")

# Words that may follow a name without making it a modifier: the name is then the head of its phrase.
# fmt: off
FUNCTION_WORDS = determiners("articles", "demonstratives", "plural_demonstratives") | frozenset([
    "and", "or", "but", "nor", "so", "yet", "as",
    "than", "then", "to", "of", "in", "on", "at", "by", "for", "from", "with", "into", "onto", "over",
    "under", "about", "against", "between", "among", "through", "during", "before", "after", "since",
    "until", "while", "when", "where", "which", "who", "whom", "whose", "what", "why", "how", "whether",
    "if", "because", "although", "though", "also", "not", "n't", "never", "still", "just", "only",
    "even", "already", "again", "now", "today", "yesterday", "tomorrow", "currently", "recently",
    "soon", "later", "earlier", "once", "twice", "first", "last", "alone", "too", "itself", "himself",
    "herself", "themselves", "said", "says", "say", "will", "would", "shall", "should", "can", "could",
    "may", "might", "must", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have",
    "had", "having", "do", "does", "did", "done"
])
# fmt: on
PERSON_PRONOUNS = {
    "he": "subject",
    "him": "object",
    "his": "possessive",
    "she": "subject",
    "her": "possessive",
}
THING_PRONOUNS = {"it": "subject", "its": "possessive"}
GROUP_PRONOUNS = {"they": "subject", "their": "possessive", "them": "object"}


@dataclass(frozen=True, slots=True)
class Ref:
    """One place where an article refers to the entity: its character span and how (name, pronoun,
    possessive pronoun, description)."""

    start: int
    end: int
    how: str  # "name", "pronoun", "possessive", "description"


@cache
def _org_nouns() -> frozenset[str]:
    return frozenset(events_data()["entity"]["organisation_nouns"])


@cache
def _kind_nouns() -> frozenset[str]:
    return frozenset(events_data()["entity"]["kind_nouns"])


@cache
def _title_words() -> frozenset[str]:
    """The words of titles ("chief", "executive", "president"), without the function words some titles
    carry ("then"): "Jobs then moved on" is the name of the one who moved, not a title's."""
    words = frozenset(w for t in titles() for w in t.split() if w.isalpha())
    return (words | {"ceo", "cfo", "coo", "executive"}) - FUNCTION_WORDS


def is_verb_form(word: str) -> bool:
    """Whether a lower-case word can be a verb form: from the trigger lexicon, by its shape, an irregular
    verb ("made", "makes") or an auxiliary."""
    w = word.lower()
    if w in verb_forms() or open_verb(w) is not None or w in _aux_words():
        return True
    irregular = lexicon()["irregular"]
    return w in irregular or (w.endswith("s") and (w[:-1] in irregular or w[:-2] in irregular))


@cache
def _aux_words() -> frozenset[str]:
    lx = lexicon()
    return (
        frozenset(lx["auxiliaries_past"])
        | frozenset(lx["auxiliaries_present"])
        | frozenset(lx["modal_possible"])
    )


_NEXT_WORD = re.compile(r"[ \t]+([^\W_][\w'’\-]*)")


def _modifies_next(text: str, end: int, product: bool) -> bool:
    """Whether the name ending at `end` qualifies the word after it ("Airbus A380", "Boeing executive",
    "USAF officials") instead of standing as the head of its phrase ("Boeing has", "Airbus, the maker")."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    low = word.lower()
    if re.search(r"\d", word) or (
        re.fullmatch(r"[A-Z]{1,3}\d*[A-Z]?", word) and len(word) <= 4 and word != "I"
    ):
        return not product  # a model: "Airbus A380", "Boeing 777", the maker's product, not the maker
    if low in _title_words():
        return True  # "Boeing executive Michael Sears", "Airbus chief executive": the person
    if word[:1].isupper():
        return False  # the name goes on: "Boeing Commercial Airplanes", "iTunes Music Store"
    if low in FUNCTION_WORDS or low.endswith("ly") or is_verb_form(low):
        return False  # "Boeing has", "Jobs also"
    # Else a common noun it qualifies: "Airbus jets", "the Boeing scandal", "iPhone 4 users"; but after a
    # product's name, a noun that says what kind of thing it is names the product ("A380 superjumbo",
    # "787 Dreamliner aircraft"), also after words that qualify that noun ("iPod portable music player").
    return not (product and _kind_follows(text, end))


# Up to three lower-case words after a name: the noun phrase it may head or qualify.
_NEXT_WORDS = re.compile(r"(?:[ \t]+[a-z][a-z\-]*){1,3}")


def _kind_follows(text: str, end: int) -> bool:
    """Whether a noun of a product's kind follows the name within three lower-case words that are neither
    function words nor verb forms: "A380 superjumbo", "iPod portable music player", not "iPhone 4 users"."""
    m = _NEXT_WORDS.match(text, end)
    if m is None:
        return False
    for w in m.group().split():
        if w in _kind_nouns():
            return True
        if w in FUNCTION_WORDS or is_verb_form(w):
            return False
    return False


def is_product(entity: str) -> bool:
    """A product name carries a model number or a brand spelling ("Boeing 777", "iPhone 4", "iPod"):
    then a noun after it ("iPhone 4 users", "787 aircraft") still speaks of the product itself."""
    return bool(re.search(r"\d", entity)) or any(w[:1].islower() and w[1:2].isupper() for w in entity.split())


def name_refs(text: str, pattern: re.Pattern[str], product: bool) -> list[Ref]:
    """The entity's names in `text`, leaving out those that only qualify the next noun."""
    out = []
    for m in pattern.finditer(text):
        end = m.end()
        if text[end : end + 2] in ("'s", "’s"):
            out.append(Ref(m.start(), end + 2, "possessive"))
            continue
        if _modifies_next(text, end, product):
            continue
        # The name may go on ("Boeing Commercial Airplanes", "iTunes Music Store"): the reference is the
        # whole name, so that what follows it is read from its end.
        more = _NAME_GOES_ON.match(text, end)
        if more and not (_title_words() & {w.lower() for w in more.group().split()}):
            end = more.end()
            if _modifies_next(text, end, product):
                continue  # "Boeing Commercial Airplanes CEO Scott Carson"
            if text[end : end + 2] in ("'s", "’s"):
                out.append(Ref(m.start(), end + 2, "possessive"))
                continue
        out.append(Ref(m.start(), end, "name"))
    return out


_NAME_GOES_ON = re.compile(r"(?:[ \t]+[A-Z][a-z][\w&\-]*)+")


# A name-like run: capitalised words ("Tim Cook", "Apple Inc."), read to find which name came last.
_WORD_OF_NAME = r"(?:[A-Z][\w&'’.\-]*|[a-z]+[A-Z][\w\-]*|\d[\w\-]*[A-Za-z][\w\-]*)"
_NAME = re.compile(r"(?<![\w.])" + _WORD_OF_NAME + r"(?:[ \t]+(?:[A-Z][\w&'’.\-]*|\d[\w\-]*))*")
_SENTENCE_START = re.compile(r"(?:^|[.!?]['\"”’)]*\s+|\n)\s*$")


@cache
def _calendar_words() -> frozenset[str]:
    """The weekday and month names, which are capitalised without naming anybody."""
    return frozenset(weekday_names() + month_names())


def _names_between(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Name-like runs in text[start:end], without capitalised function words, pronouns and calendar words
    ("The", "He", "Monday")."""
    out = []
    skip = (
        FUNCTION_WORDS
        | _calendar_words()
        | PERSON_PRONOUNS.keys()
        | GROUP_PRONOUNS.keys()
        | THING_PRONOUNS.keys()
    )
    for m in _NAME.finditer(text, start, end):
        # (a name's run takes the full stop after it: "on Monday." is still a weekday)
        words = list(re.finditer(r"\S+", m.group()))
        # A capitalised function word opening the run is no part of the name: "The Zephyr X7 landed"
        # names the Zephyr X7.
        while words and words[0].group().lower().rstrip(".") in FUNCTION_WORDS and len(words) > 1:
            words.pop(0)
        if words[0].group().lower().rstrip(".") not in skip:
            out.append((m.start() + words[0].start(), m.end()))
    return out


# The "it" of an extraposition ("it emerged that", "it is expected that", "it is hard to say") stands for
# the clause after it, not for anything named before. With "to", only after an adjective of judgement: a
# participle ("it was flown to Toulouse") or a raising word ("it is due to land", "it is likely to fly")
# leaves "it" the subject, which refers back.
_COPULA = r"(?:is|was|has been|had been|will be|would be|is being|was being)"
_RAISING = r"(?:due|set|likely|unlikely|certain|sure|about|going|able|unable|expected|scheduled)"
_EXTRAPOSED = re.compile(
    rf"\s+(?:{_COPULA}\s+(?:\w+\s+){{1,2}}(?:that|whether|if)\b"
    rf"|{_COPULA}\s+(?!{_RAISING}\s|\w+(?:ed|en|wn)\s)(?:\w+\s+){{1,2}}to\b"
    r"|(?:emerged|emerges|seems|seemed|appears|appeared|happened|transpired|turned out|remains|remained)"
    r"\s+(?:that|to|whether|if)\b)",
    re.I,
)


class Spans:
    """References sorted by start, for the two questions coreference asks many times: which reference
    ends last before a position, and whether a position lies inside one. Both are binary searches, so
    that an article with thousands of pronouns is not quadratic."""

    def __init__(self, refs: list[Ref] | None = None) -> None:
        self.refs: list[Ref] = sorted(refs or [], key=lambda r: (r.start, r.end))
        self.starts = [r.start for r in self.refs]

    def add(self, r: Ref) -> None:
        k = bisect.bisect_right(self.starts, r.start)
        self.starts.insert(k, r.start)
        self.refs.insert(k, r)

    def covers(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return any(self.refs[n].start <= pos < self.refs[n].end for n in range(max(0, k - 2), k + 1))

    def last_before(self, at: int) -> Ref | None:
        k = bisect.bisect_right(self.starts, at) - 1
        found = [self.refs[n] for n in range(max(0, k - 2), k + 1) if self.refs[n].end <= at]
        return max(found, key=lambda r: r.end) if found else None


# How far back (characters) a pronoun or a description may look for the name it stands for.
REACH = 1200


def refers_back(text: str, refs: Spans, at: int, person: bool = False, kind: bool = False) -> bool:
    """Whether something said at `at` without a name of its own (a pronoun, "the plane") can only be about
    the entity: the last reference to it is in this sentence or the two before, and no other name stands
    between. For a person only another person counts, a name that acts or has a title: places and things
    in between ("at Moscone Center in San Francisco") do not take a "he". For a description by a
    product's kind (`kind`: "the plane", "the aircraft") only another product counts (see `_product_like`):
    an airport, a city or an airline named on the way is not a plane. Otherwise (an organisation's or a
    product's "it", "the company") a place does not count (see `_a_place`)."""
    last = refs.last_before(at)
    if last is None or at - last.end > REACH:
        return False
    if re.fullmatch(r"\s*,?\s*(?:which|that|whom)\s+", text[last.end : at]):
        return False  # "the A380s which it will fly": the relative clause's subject is someone else
    # (news paragraphs are often one sentence long: a line break is one more sentence, no more)
    if text.count(".", last.end, at) > 2 or text.count("\n", last.end, at) > 2:
        return False
    others = [n for n in _names_between(text, last.end, at) if not refs.covers(n[0])]
    if person:
        others = [n for n in others if _titled(text, n) or (_acts(text, n) and _may_be_person(text, n))]
    elif kind:
        others = [n for n in others if _product_like(text, n)]
    else:
        others = [n for n in others if not _a_place(text, n)]
    return not others


def _may_be_person(text: str, span: tuple[int, int]) -> bool:
    """Whether a name that acts may be a person's: news names a person in full first and by the surname
    after, so one word alone ("Intel has added", "IBM said") is a person only when the article also
    writes it after a first name or a title ("Tim Cook" ... "Cook said"); a name of several words may
    be."""
    name = text[span[0] : span[1]].rstrip(".,'’s")
    if " " in name.strip():
        return True
    before = re.compile(r"\b(?:[A-Z][a-z]+\.?)[ \t]+" + re.escape(name) + r"\b")
    return any(not _common_word(m.group().split()[0]) for m in before.finditer(text))


def _a_place(text: str, span: tuple[int, int]) -> bool:
    """Whether a name is told as a place, after "in" or "at" ("signed the agreement in Paris", "the
    third largest in China"): an "it" or "the company" after it still speaks of the company."""
    return bool(re.search(r"\b(?:in|at)\s+(?:the\s+)?$", text[max(0, span[0] - 12) : span[0]]))


def _product_like(text: str, span: tuple[int, int]) -> bool:
    """Whether a name may be a product that a description by kind could stand for: a model number or a
    brand spelling ("A320", "the 737", "iPhone 3GS"), or a name followed by a kind noun ("the Boeing
    tanker", "Airbus A400M military transport plane")."""
    name = text[span[0] : span[1]]
    if is_product(name):
        return True
    after = re.match(r"(?:[ \t]+[a-z\-]+){1,3}", text[span[1] : span[1] + 60])
    return bool(after) and any(w in _kind_nouns() for w in after.group().split())


def _pronouns(text: str, person: bool) -> list[Ref]:
    """Pronouns that could refer to the entity: "he"/"his" for a person, "it"/"its" (and "they" for a
    company told in the plural) otherwise; not the "it" of an extraposition ("it emerged that")."""
    words = PERSON_PRONOUNS if person else {**THING_PRONOUNS, **GROUP_PRONOUNS}
    out = []
    for m in re.finditer(r"\b(" + "|".join(words) + r")\b", text, re.I):
        word = m.group(1).lower()
        if (
            m.group(1)[0].isupper()
            and m.start() > 0
            and not _SENTENCE_START.search(text[max(0, m.start() - 6) : m.start()])
        ):
            continue
        if word == "it" and _EXTRAPOSED.match(text, m.end()):
            continue
        out.append(Ref(m.start(), m.end(), "possessive" if words[word] == "possessive" else "pronoun"))
    return out


def _kind_descriptions(text: str, nouns: frozenset[str]) -> list[Ref]:
    """Definite descriptions by a kind: "the plane", "the new airliner", "this jet" for a product, "the
    company" for an organisation."""
    pat = re.compile(
        r"\b(?:the|this)\s+(?:[a-z\-]+\s+)?(" + "|".join(sorted(map(re.escape, nouns))) + r")\b", re.I
    )
    return [
        Ref(m.start(), m.end(), "description")
        for m in pat.finditer(text)
        if not _modifies_next(text, m.end(), False)
    ]


def resolve(
    text: str, known: list[Ref], candidates: list[Ref], person: bool, product: bool = False
) -> list[Ref]:
    """The candidates (pronouns, descriptions) that refer to the entity, in text order: each one refers
    back (see `refers_back`) to the references known so far, including the candidates already resolved,
    so that "Jobs ... He ... He ..." is a chain."""
    refs = Spans(known)
    out = []
    for c in sorted(candidates, key=lambda r: r.start):
        if refs.covers(c.start):
            continue
        kind = product and c.how == "description"
        if refers_back(text, refs, c.start, person, kind) or (
            c.how == "pronoun" and continues_subject(text, refs, c.start)
        ):
            refs.add(c)
            out.append(c)
    return out


_SENTENCE_END = re.compile(r"[.!?]['\"”’)]*\s+|\n")


def continues_subject(text: str, refs: Spans, at: int) -> bool:
    """Whether a pronoun that opens its sentence ("He demoed a widget.") continues the previous sentence's
    subject, the entity: news goes on about whom the last sentence was about, and names the others it
    mentions on the way ("Jobs showed the phone to Intel's chief") without passing the pronoun to them. The
    entity counts as that subject when it is the first name of the previous sentence."""
    head = text[max(0, at - 6) : at]
    if at and not _SENTENCE_START.search(head):
        return False
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, at - 600), at) if m.end() <= at]
    # A closing quote set off by a space ('... for five years. "' then a new line) is no sentence of its
    # own: a stretch with no word between two ends joins the sentence before it.
    ends = [e for e, nxt in itertools.pairwise(ends) if re.search(r"\w", text[e:nxt])] + ends[-1:]
    if not ends:
        return False
    start = ends[-2] if len(ends) >= 2 else max(0, at - 600)
    if len(ends) < 2 and at - 600 > 0:
        return False
    first = next((r for r in refs.refs if start <= r.start < ends[-1]), None)
    if first is None or first.how not in ("name", "pronoun"):
        return False
    # A capitalised word that opens the sentence without naming anyone ("Moving on, Jobs announced") is
    # no name before the subject.
    before = [
        n
        for n in _names_between(text, start, first.start)
        if not (n[0] == start and " " not in text[n[0] : n[1]] and _common_word(text[n[0] : n[1]]))
    ]
    return not before


def _common_word(word: str) -> bool:
    low = word.lower().rstrip(".,")
    return is_verb_form(low) or low.endswith("ly") or low in FUNCTION_WORDS


def _acts(text: str, span: tuple[int, int]) -> bool:
    m = re.match(r"\s+(?:[a-z]+ly\s+)?([a-z]+)\b", text[span[1] : span[1] + 40])
    return bool(m) and is_verb_form(m.group(1))


def _titled(text: str, span: tuple[int, int]) -> bool:
    before = re.search(r"([A-Za-z.]+)\s+$", text[max(0, span[0] - 30) : span[0]])
    return bool(before) and before.group(1).lower().rstrip(".") in _title_words() | {"mr", "mrs", "ms", "dr"}


def description_refs(text: str, names: list[Ref], nouns: set[str]) -> list[Ref]:
    """Definite descriptions ("the company", "the store") whose noun the article (or the entity's name)
    uses for the entity, after the entity has been named."""
    if not names or not nouns:
        return []
    first = min(r.start for r in names)
    pat = re.compile(
        r"\b(?:the|this)\s+(?:[a-z\-]+\s+)?(" + "|".join(sorted(map(re.escape, nouns))) + r")\b", re.I
    )
    out = []
    own = Spans(names)
    for m in pat.finditer(text, first):
        if own.covers(m.start()) or _modifies_next(text, m.end(), False):
            continue  # "the company president": the president
        named = _TITLE_OF.match(text, m.end())
        if named and not own.covers(named.end() - 1):
            continue  # "the president and CEO Louis Gallois said": the title of the name after it
        out.append(Ref(m.start(), m.end(), "description"))
    return out


# A description followed by a name it is the title of: "the president Louis Gallois", "the company
# president and CEO Louis Gallois".
_TITLE_OF = re.compile(r"(?:[ \t]+and)?(?:[ \t]+(?:[a-z]+|[A-Z]{2,4}))?[ \t]+[A-Z][a-z]+[ \t]+[A-Z][a-z]+")


_APPOSITION = re.compile(
    r",\s+(?:the\s+|an?\s+|[A-Z][\w]*['’]s\s+)(?:[a-z\-]+\s+){0,3}([a-z]+)"
    r"(?:\s+(?:in|of|on|at)\s+(?:the\s+)?[a-z]+)?\s*[,.]"
)


def described_as(text: str, names: list[Ref], product: bool = False) -> set[str]:
    """Nouns the article describes the entity with: an apposition ("Airbus, Europe's biggest aircraft
    manufacturer,"; "Irish low cost airline, Ryanair,"; "the A380, the largest passenger jet in the
    world,"), a noun right before the name ("airframer Boeing", "aircraft manufacturer Boeing"), and for a
    product the nouns of its kind right after it ("the A380 superjumbo airliner")."""
    out: set[str] = set()
    for r in names:
        if r.how != "name":
            continue
        after = _APPOSITION.match(text, r.end)
        if after:
            out.add(after.group(1))
        kind = re.match(r"\s+([a-z]+)(?:\s+([a-z]+))?", text[r.end : r.end + 40]) if product else None
        for word in kind.groups() if kind else ():
            if word not in _kind_nouns():
                break
            out.add(word)
        before = re.search(r"\b([A-Za-z]+),?\s+(?:the\s+)?$", text[max(0, r.start - 60) : r.start])
        if before:
            word = before.group(1)
            if word.islower() or (word.isupper() and word.lower() in _title_words()):
                word = word.lower()
                if word not in FUNCTION_WORDS and not is_verb_form(word):
                    out.add(word)
    return {
        w
        for w in out
        if (len(w) >= 4 or w in _title_words()) and w not in FUNCTION_WORDS and not w.endswith("ly")
    }


def entity_refs(text: str, pattern: re.Pattern[str], entity: str, generic_nouns: frozenset[str]) -> list[Ref]:
    """Every place in `text` where it refers to `entity`, sorted by position."""
    product = is_product(entity)
    names = name_refs(text, pattern, product)
    if not names:
        return []
    person = looks_like_person(entity, text, names)
    if person:
        names += first_name_refs(text, entity, names)
    nouns = {w.lower() for w in entity.split() if w.lower() in generic_nouns}
    # A name in the plural ("Singapore Airlines", "Boeing Commercial Airplanes") is one body: news calls it
    # by the singular ("the airline"), when that is a generic word too.
    nouns |= {w[:-1] for w in nouns if w.endswith("s") and w[:-1] in generic_nouns}
    nouns |= described_as(text, names, product)
    if person:
        nouns |= titles_given(text, names)
    known = names + description_refs(text, names, nouns)
    kinds = _kind_nouns() if product else frozenset() if person else _org_nouns()
    candidates = _pronouns(text, person) + (_kind_descriptions(text, kinds) if kinds else [])
    refs = known + resolve(text, known, candidates, person, product)
    return sorted(set(refs), key=lambda r: (r.start, r.end))


_APPOSED = re.compile(r",\s+([^,.;:()\"“”]{3,80})(?=[,.;])")


def titles_given(text: str, names: list[Ref]) -> set[str]:
    """The titles an article gives a person in an apposition after the name ("Louis Gallois, the Airbus
    chief executive,"; "Scott Carson, president of Boeing Commercial Airplanes,"): after that, "the chief
    executive" or "the president" is the person (`description_refs`). The head of the title is its last
    title word before an "of" phrase."""
    out: set[str] = set()
    for r in names:
        if r.how != "name":
            continue
        m = _APPOSED.match(text, r.end)
        if not m:
            continue
        head = re.split(r"\s+(?:of|at|for|in)\s+", m.group(1))[0].split()
        found = [w for w in head if w.islower() and w in _title_words()]
        if found and not is_verb_form(head[0].lower()):
            out.add(found[-1])
    return out


def first_name_refs(text: str, entity: str, names: list[Ref]) -> list[Ref]:
    """After a person's full name, the first name alone ("Steve announced") is the person too, unless
    another name follows it ("Steve Ballmer")."""
    first = entity.split()[0]
    start = min(r.start for r in names)
    out = []
    own = Spans(names)
    for m in re.compile(r"\b" + re.escape(first) + r"\b(?![ \t]+[A-Z])").finditer(text, start):
        if not own.covers(m.start()):
            out.append(Ref(m.start(), m.end(), "name"))
    return out


def looks_like_person(entity: str, text: str, names: list[Ref]) -> bool:
    """A person's name is two or three capitalised words without digits or a company word, and the
    article writes "he"/"she" soon after it, or gives it a title: before the name ("company CEO Steve
    Jobs", "President Joe Biden") or in an apposition."""
    words = entity.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    for r in names:
        window = text[r.end : r.end + 200]
        if re.search(r"\b(?:he|she|his|her)\b", window, re.I):
            return True
        if _titled(text, (r.start, r.end)):
            return True
    return bool(titles_given(text, names))  # "Scott Carson, president of Boeing Commercial Airplanes,"
