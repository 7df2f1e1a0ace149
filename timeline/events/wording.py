"""How a title's words are written: in the article's own spacing, with the punctuation that still pairs or
separates, names without the titles before them, and at most TITLE_WORDS words, cut where nothing is
left hanging. Which words a title has is `events.titles`' business.

Reads: the words of a title (`Word`s of the `Syntax`). Writes: the title's text.
"""

from __future__ import annotations

from itertools import pairwise

from newsline.events.clause import last_person, teller
from newsline.language.lexicon import strip_titles
from newsline.language.syntax import Syntax, Word

# A title longer than this many words ends at a word boundary with "…" (a table row is read at a glance).
TITLE_WORDS = 16
# Relations and tags of words that end no title: what they lead to or modify would be cut off after them.
_NEEDS_MORE = frozenset(
    {"case", "det", "cc", "mark", "aux", "aux:pass", "cop", "nmod:poss", "amod", "compound", "nummod",
     "punct", "expl", "fixed", "advmod"}
)
_FUNCTION_TAGS = frozenset({"IN", "DT", "CC", "TO", "PRP$", "WDT", "WP", "WP$", "POS", "MD", "PDT", "EX"})
_OPENING = {"(": ")", "[": "]", "{": "}"}
_CLOSING = {v: k for k, v in _OPENING.items()}
QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "``", "''", "`", "´"})
DASHES = frozenset({",", ";", ":", "-", "–", "—", "--"})


def _balanced(ws: list[Word]) -> list[Word]:
    """The words less punctuation that no longer pairs or separates: a bracket whose partner is left out,
    a comma or dash next to a word left out, an odd quotation mark, and what leads or ends the title."""
    inside = {x.i for x in ws}
    keep: list[Word] = []
    for x in ws:
        if x.text in DASHES and not {x.i - 1, x.i + 1} <= inside:
            continue
        if x.text in (".", "!", "?"):
            continue  # a title is no sentence of the article (a period of "K.R.C." is in its word)
        keep.append(x)
    # brackets: each opening one needs its closing one
    stack: list[int] = []
    bad: set[int] = set()
    for n, x in enumerate(keep):
        if x.text in _OPENING:
            stack.append(n)
        elif x.text in _CLOSING:
            if stack and keep[stack[-1]].text == _CLOSING[x.text]:
                stack.pop()
            else:
                bad.add(n)
    bad.update(stack)
    # (an apostrophe written against the word before it is a possessive's: "victims' families")
    marks = [
        n for n, x in enumerate(keep)
        if x.text in QUOTE_MARKS and not (x.text in ("'", "’") and n > 0 and keep[n - 1].end == x.start)
    ]
    if len(marks) % 2:
        bad.update(marks)
    keep = [x for n, x in enumerate(keep) if n not in bad]
    while keep and (keep[0].dep == "punct" or keep[0].text in DASHES) and keep[0].text not in _OPENING:
        if keep[0].text in QUOTE_MARKS and any(x.text in QUOTE_MARKS for x in keep[1:]):
            break
        keep.pop(0)
    while keep and (keep[-1].text in DASHES or keep[-1].text in (".", "!", "?", "…")):
        keep.pop()
    # a title that is all one quote ('"It is our life sentence,"'): without the marks around it
    while len(keep) > 2 and keep[0].text in QUOTE_MARKS and keep[-1].text in QUOTE_MARKS:
        keep = keep[1:-1]
        while keep and keep[-1].text in DASHES:
            keep.pop()
    return keep


def _no_comma_before_verb(syntax: Syntax, ws: list[Word], p: Word) -> list[Word]:
    """Without a comma between the subject and its verb that pairs with none before it ("Luigi Di Maio,
    joined the talks" when the title before the name was left out); "Kyiv's mayor, Vitali Klitschko,
    confirmed" keeps its pair."""
    group = {p.i} | {k.i for k in syntax.kids(p, "aux", "aux:pass", "cop", "advmod")}
    out: list[Word] = []
    for n, x in enumerate(ws):
        paired = sum(y.text == "," for y in out) % 2 == 1
        if x.text == "," and n + 1 < len(ws) and ws[n + 1].i in group and not paired:
            continue
        out.append(x)
    return out


def _unit_ends(ws: list[Word]) -> list[int]:
    """Where the words may be cut: after each word that is followed by a space (not inside "US$10",
    "Kyiv's", "ex-officer")."""
    return [n for n in range(1, len(ws) + 1) if n == len(ws) or ws[n - 1].end != ws[n].start]


def _fits(ws: list[Word]) -> tuple[list[Word], bool]:
    """At most TITLE_WORDS words, cut at a word boundary and never after a word that needs what follows
    (a preposition, article, conjunction, auxiliary, or a modifier whose noun is cut off); and whether it
    was cut."""
    ends = _unit_ends(ws)
    if len(ends) <= TITLE_WORDS:
        return ws, False
    inside = {x.i for x in ws}
    for n in range(TITLE_WORDS - 1, 1, -1):
        cut = ws[: ends[n - 1]]
        while len(cut) > 1 and (cut[-1].text in DASHES or cut[-1].text in QUOTE_MARKS):
            cut = cut[:-1]  # "40 apartment buildings," ends on its noun
        kept = {x.i for x in cut}
        last = cut[-1]
        if last.tag in _FUNCTION_TAGS or last.text in DASHES or last.text in _OPENING:
            continue
        if last.dep in _NEEDS_MORE and last.head not in kept and last.head in inside:
            continue
        return _balanced(cut), True
    return _balanced(ws[: ends[TITLE_WORDS - 1]]), True


def _sentence_starts(syntax: Syntax, ws: list[Word]) -> set[int]:
    """The words that begin their sentence in the article, when a title puts them inside itself ("Zelensky
    said the talks collapsed" of '"The talks collapsed," Zelensky said'): a common word is lowercased."""
    out = set()
    for x in ws:
        before = [y for y in syntax.words[max(0, x.i - 2) : x.i] if y.sentence == x.sentence]
        if all(y.text in QUOTE_MARKS for y in before) and x.tag not in ("NNP", "NNPS") and x.text != "I":
            out.add(x.i)
    return out


def _attached(syntax: Syntax, ws: list[Word]) -> set[int]:
    """Closing quotation marks written against a word left out of the title (the period of 'means."'):
    they stay against the word before them."""
    out = set()
    for prev, x in pairwise(ws):
        between = syntax.words[prev.i + 1 : x.i]
        if x.text in QUOTE_MARKS and between and all(y.dep == "punct" for y in between) and (
            between[-1].end == x.start and between[0].start == prev.end
        ):
            out.add(x.i)
    return out


def _named(syntax: Syntax, ws: list[Word]) -> dict[int, str]:
    """A title that opens on a pronoun, its subject, names whom it stands for in brackets, as an editor
    marks words put into a quote ("[Alexei Navalny] fell ill", "[Maersk] had diverted three ships"): a row
    is read away from the sentence that named them. "He" or "she": the person last named as a doer near
    (`clause.last_person`); "it" or "they": the one whose saying it is the subject of (`clause.teller`).
    Left as written when neither is found."""
    first = ws[0] if ws else None
    if first is None or not first.dep.startswith("nsubj") or first.tag != "PRP":
        return {}
    if first.lower in ("he", "she"):
        who = last_person(syntax, first)
    else:
        who = teller(syntax, first) if first.lower in ("it", "they") else None
    return {first.i: f"[{who}]"} if who else {}


def _text(ws: list[Word], lower: set[int], attached: set[int], named: dict[int, str] | None = None) -> str:
    """The words in the article's own spacing: "(BEA)", "Kyiv's", "US$10", not "( BEA )"; one space
    where the article had any, or where words between were left out. `named`: words written otherwise."""
    out = ""
    prev: Word | None = None
    for x in ws:
        word = x.text[:1].lower() + x.text[1:] if x.i in lower and not x.text.isupper() else x.text
        word = (named or {}).get(x.i, word)
        out += word if prev is None or prev.end == x.start or x.i in attached else " " + word
        prev = x
    return out


def _untitled(ws: list[Word]) -> list[Word]:
    """Names without the titles before them: "U.S. President Donald Trump" -> "Donald Trump" (the speaker
    and actors columns name the office; a title reads shorter with the name alone)."""
    units: list[list[Word]] = []  # words written together ("Director-General", "Kyiv's")
    for x in ws:
        if units and units[-1][-1].end == x.start and units[-1][-1].i + 1 == x.i:
            units[-1].append(x)
        else:
            units.append([x])
    out: list[Word] = []
    n = 0
    while n < len(units):
        m = n
        while m < len(units) and units[m][0].text[:1].isupper() and (
            m == n or units[m - 1][-1].i + 1 == units[m][0].i
        ):
            m += 1
        if m - n >= 2:
            run = units[n:m]
            stripped = strip_titles(" ".join("".join(x.text for x in u) for u in run))
            left = len(stripped.split()) if stripped else len(run)
            for u in run[len(run) - left :]:
                out.extend(u)
            n = m
        else:
            out.extend(units[n])
            n += 1
    return out


# Marks that end or open a written word rather than join two ("Kyiv," "(BEA)", '"null'): a word written
# against one of them is still a word of its own.
_APART = frozenset({",", ".", ";", ":", "!", "?", "(", ")", "[", "]", "{", "}"}) | QUOTE_MARKS


def _part(x: Word) -> bool:
    """Whether the word can be a piece of a word written whole: letters or digits, a hyphen, a currency
    sign, a possessive; not a mark that ends a word nor a verb's clitic ("That's" is two words)."""
    if x.text in _APART or x.text in ("...", "…"):
        return False
    if x.text[:1] in ("'", "’") or x.lower == "n't":
        return x.tag == "POS"
    return any(ch.isalnum() for ch in x.text) or x.text in ("-", "–", "/", "&", "$", "£", "€", "%", ".")


def _whole(syntax: Syntax, ws: list[Word]) -> list[Word]:
    """The words with every word written together with one of them ("Port-au-Prince", "2014–15",
    "US$44"): the parser splits such a word into pieces it may hang apart, and a title keeps a word whole
    or not at all."""
    inside = {x.i for x in ws}
    out = list(ws)
    for x in ws:
        for step in (-1, 1):
            cur = x
            while 0 <= cur.i + step < len(syntax.words):
                y = syntax.words[cur.i + step]
                joined = y.end == cur.start if step < 0 else cur.end == y.start
                if not joined or y.sentence != x.sentence or not (_part(y) and _part(cur)):
                    break
                if y.i not in inside:
                    inside.add(y.i)
                    out.append(y)
                cur = y
    return sorted(out, key=lambda x: x.i)


def _unled(ws: list[Word]) -> list[Word]:
    """Without a conjunction that leads the title ("And many more were injured"): it tied the clause to
    the one before it, which the title does not tell."""
    n = 0
    while n < len(ws) - 1 and (ws[n].tag == "CC" or ws[n].dep == "cc"):
        n += 1
    return ws[n:]


def _one_clause(ws: list[Word], p: Word) -> list[Word]:
    """The words on the predicate's side of a semicolon: what comes after one is a clause of its own ("The
    pilots disregarded the alarms; Airbus agreed with this explanation"), whatever the parser joined."""
    semis = [n for n, x in enumerate(ws) if x.text == ";"]
    if not semis:
        return ws
    at = next((n for n, x in enumerate(ws) if x.i == p.i), None)
    if at is None:
        return ws
    before = [n for n in semis if n < at]
    after = [n for n in semis if n > at]
    return ws[(before[-1] + 1 if before else 0) : (after[0] if after else len(ws))]


def write(syntax: Syntax, ws: list[Word], predicate: Word | None) -> str | None:
    """The title's text from its words (in title order: a shared subject first), capitalised, with "…"
    when it was cut; None when no word is left. `predicate`: the clause's verb, when the title is one."""
    ws = _unled(_balanced(_untitled(_whole(syntax, ws))))
    if predicate is not None:
        ws = _no_comma_before_verb(syntax, _one_clause(ws, predicate), predicate)
    ws, cut = _fits(ws)
    text = _text(ws, _sentence_starts(syntax, ws[1:]), _attached(syntax, ws), _named(syntax, ws)).strip()
    if not text:
        return None
    lead = 2 if text.startswith("[") else 1  # "[The US] would send ...": the bracket's first word
    return text[:lead].upper() + text[lead:] + ("…" if cut else "")
