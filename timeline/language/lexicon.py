"""Word forms derived from the rule files: verb inflections, event nouns, names and their titles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from newsline.language.text import Token, lexicon
from newsline.rules import determiners, load, month_names, weekday_names


@dataclass(frozen=True, slots=True)
class VerbForm:
    lemma: str
    cls: str
    form: str  # base, s, past (past or participle), ing
    particle: str | None = None  # "down" of "shoot down"


def _inflect(lemma: str) -> dict[str, str]:
    """Regular English inflections of a one-word verb: base, -s, -ed, -ing."""
    forms = {lemma: "base"}
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):  # go -> goes, veto -> vetoes
        forms[lemma + "es"] = "s"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms[lemma[:-1] + "ies"] = "s"
    else:
        forms[lemma + "s"] = "s"
    if lemma.endswith("e"):
        forms[lemma + "d"] = "past"
        forms[lemma[:-1] + "ing"] = "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms[lemma[:-1] + "ied"] = "past"
        forms[lemma + "ing"] = "ing"
    elif re.search(r"[^aeiou][aeiou][bdgmnprt]$", lemma) and len(lemma) <= 4:
        # One-syllable verbs double the final consonant: stop -> stopped, ban -> banned.
        forms[lemma + lemma[-1] + "ed"] = "past"
        forms[lemma + lemma[-1] + "ing"] = "ing"
    else:
        forms[lemma + "ed"] = "past"
        forms[lemma + "ing"] = "ing"
        if re.search(r"[^aeiou][aeiou][bdglmnprt]$", lemma):
            # Longer verbs stressed on the last syllable double it too ("transferred", "committed",
            # "controlled"); the undoubled form stays for the others ("visited", "opened").
            forms[lemma + lemma[-1] + "ed"] = "past"
            forms[lemma + lemma[-1] + "ing"] = "ing"
    return forms


@cache
def verb_forms() -> dict[str, list[VerbForm]]:
    """Surface form (lower case, first word of a phrasal verb) -> its readings."""
    ev = load("events")
    irregular = lexicon()["irregular"]
    out: dict[str, list[VerbForm]] = {}
    seen: set[tuple[str, str]] = set()
    for cls, lemmas in ev["verbs"].items():
        for phrase in lemmas:
            head, _, particle = phrase.partition(" ")
            forms = _inflect(head)
            if head in irregular:
                past, part = irregular[head]
                for f in [k for k, v in forms.items() if v == "past"]:
                    del forms[f]
                forms[past] = "past"
                forms.setdefault(part, "past")
            for form, kind in forms.items():
                key = (form, phrase)
                if key in seen:
                    continue
                seen.add(key)
                out.setdefault(form, []).append(VerbForm(phrase, cls, kind, particle or None))
    return out


@cache
def noun_forms() -> dict[str, tuple[str, str]]:
    """Event noun (lower case, head word) -> (lemma, class)."""
    out: dict[str, tuple[str, str]] = {}
    for cls, nouns in load("events")["nouns"].items():
        for noun in nouns:
            head = noun.split()[-1]
            if head.endswith("y") and head[-2:-1] not in "aeiou":
                plural = head[:-1] + "ies"  # injury -> injuries
            else:
                plural = head + ("es" if head.endswith(("s", "sh", "ch", "x")) else "s")
            out.setdefault(head, (noun, cls))
            out.setdefault(plural, (noun, cls))
    return out


@cache
def _not_verbs() -> frozenset[str]:
    words = lexicon()["not_verbs"]
    return frozenset(words["ed"]) | frozenset(words["ing"])


@cache
def _irregular_lemmas() -> dict[str, str]:
    """Irregular past and participle -> lemma, for verbs outside the trigger lexicon (be, have and do are
    auxiliaries here, not events)."""
    out: dict[str, str] = {}
    for lemma, (past, part) in lexicon()["irregular"].items():
        if lemma in ("be", "have", "do"):
            continue
        out.setdefault(past, lemma)
        out.setdefault(part, lemma)
    return out


GENERAL_CLASS = "occurrence"


# The event stage asks about the same word forms over and over (9,090 calls for the 22 reader articles);
# the answer depends on the word alone. Bounded: a long run meets an open set of words.
@lru_cache(maxsize=16384)
def open_verb(word: str) -> VerbForm | None:
    """A verb reading for a word the trigger lexicon does not list, from its shape alone: an irregular past
    form ("went", "fled"), a regular -ed form ("stalled") or an -ing form ("disabling"). News tells its
    events with far more verbs than any list holds; a word's shape is enough to know it is one, and the
    clause rules then decide whether it stands as a verb where it is."""
    w = word.lower()
    if w in _not_verbs() or (not w.isalpha() and "-" not in w):
        return None
    if w in _irregular_lemmas():
        return VerbForm(_irregular_lemmas()[w], GENERAL_CLASS, "past")
    if len(w) > 4 and w.endswith("ed") and not w.endswith("eed"):
        return VerbForm(w[:-2], GENERAL_CLASS, "past")
    if len(w) > 5 and w.endswith("ing") and re.search(r"[aeiouy]", w[:-3]):
        return VerbForm(w[:-3], GENERAL_CLASS, "ing")
    return None


@cache
def events_data() -> dict:
    return load("events")


@cache
def noun_markers() -> frozenset[str]:
    return frozenset(lexicon()["noun_markers"]["words"])


@cache
def titles() -> tuple[str, ...]:
    return tuple(sorted(lexicon()["names"]["titles"], key=len, reverse=True))


# Capitalised words that start no name ("The", "When"): the determiners (language.toml) and these. A time
# expression opening the sentence ("Several years later, talks failed") names nobody.
# fmt: off
_STOP_CAPS_WORDS = frozenset([
    "when", "while", "after", "before", "yet", "but", "and", "notably", "however", "meanwhile", "on", "in",
    "at", "for", "it", "he", "she", "they", "we", "i", "if", "as", "absolutely", "one", "no", "there",
    "here", "what", "why", "how", "who", "where", "then", "also", "with", "from", "by", "of", "to", "so",
    "not", "just", "only", "still", "even", "both", "all", "some", "many", "most", "more", "every", "each",
    "such", "debris", "fires", "several", "few", "last", "next", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands",
    "yesterday", "today", "tomorrow", "tonight", "earlier", "later", "overnight", "recently", "now",
])
# fmt: on


@cache
def _stop_caps() -> frozenset[str]:
    kinds = ("articles", "possessives", "demonstratives", "plural_demonstratives")
    return determiners(*kinds) | _STOP_CAPS_WORDS


@cache
def _not_names() -> frozenset[str]:
    """Capitalised words that name no one: the weekdays and months."""
    return frozenset(weekday_names() + month_names())


_POSSESSIVE_END = re.compile(r"['’]s$")


def _bare(word: str) -> str:
    return _POSSESSIVE_END.sub("", word)


def names(tokens: list[Token], sentence_start: int) -> list[tuple[int, int, str]]:
    """Capitalised word runs that name somebody or something: (start, end, name without titles)."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not tok.text[:1].isupper() or _bare(tok.lower) in _not_names():
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and (
            tokens[j + 1].text[:1].isupper()
            or (
                tokens[j + 1].lower in ("of", "de", "von", "al")
                and j + 2 < len(tokens)
                and tokens[j + 2].text[:1].isupper()
            )
        ):
            if tokens[j].text.endswith(("'s", "’s")):
                break
            j += 1
        run = tokens[i : j + 1]
        while run and (run[0].lower in _stop_caps() or _bare(run[0].lower) in _not_names()):
            run = run[1:]
        while run and _bare(run[-1].lower) in _not_names():
            run = run[:-1]
        if run:
            text = " ".join(t.text for t in run)
            text = re.sub(r"['’]s$", "", text)
            stripped = strip_titles(text)
            if stripped:
                out.append((run[0].start, run[-1].end, stripped))
        i = j + 1
    return out


# The same names come back in an article (1,054 calls for the 22 reader articles) and each call tries
# every title; the answer depends on the name alone.
@lru_cache(maxsize=4096)
def strip_titles(name: str) -> str:
    """ "U.S. President Donald Trump" -> "Donald Trump"; a bare title gives ""."""
    words = name.split()
    changed = True
    while words and changed:
        changed = False
        low = " ".join(words).lower()
        for t in titles():
            if low == t:
                return ""
            if low.startswith(t + " "):
                words = words[len(t.split()) :]
                changed = True
                break
    return " ".join(words)
