"""The names an article may give an entity, from the way news names things.

A query names an entity one way; articles name it several: the whole name ("International Business
Machines"), its initials, plain or dotted ("IBM", "I.B.M."; "S&P" for "Standard & Poor's", with the index's
number: "S&P 500"), the name without a generic last word ("China Eastern"), a model number ("the 787"), the
surname or last distinctive word ("Jobs", "Dreamliner"), a clipped first word after "the" ("the Fed" for the
Federal Reserve), a model number before its product ("the 3G iPhone"), the last two words with "the" when
the last is a kind word ("the Air Force" for the United States Air Force), an index by its first word
("the Dow" for the Dow Jones Industrial Average). An article also defines its own
short form in parentheses ("General Motors (GM)", "European Aeronautic Defence and Space Company (EADS)"),
which holds for that article, and a query in initials matches the long form whose initials they are; an
article about a line's newest model calls it "the new iPhone" (`newest_model`). A product's names match in
the plural too ("two A380s"). A query
word misspelt by one letter ("Froce") is read as the word the articles write ("Force").

Which of these matched is what `--explain` reports (`newsline.entity.explain`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from newsline.language.lexicon import events_data

# Words that do not give an initial: "Bank of America" -> "BA"? News writes "BofA", which no rule
# derives; but "Federal Bureau of Investigation" -> "FBI" skips "of".
SKIPPED = frozenset(
    ["of", "and", "the", "for", "de", "du", "des", "la", "le", "del", "der", "und", "on", "in"]
)


# Words that say what legal form a company has; an article drops them all.
LEGAL_FORMS = frozenset(
    ["inc", "corp", "co", "ltd", "llc", "plc", "ag", "sa", "nv", "limited", "corporation", "holdings",
     "group"]
)


@cache
def generic_words() -> frozenset[str]:
    """Words that end many organisation names and name nothing alone ("Airlines", "Inc", "Corps")."""
    return frozenset(events_data()["entity"]["generic_words"])


def _brand_like(word: str) -> bool:
    """A word that names one thing on its own: mixed case ("iTunes"), or letters with digits ("A380")."""
    return bool(re.search(r"\d", word)) or (word[:1].islower() and any(c.isupper() for c in word))


def initials(words: list[str]) -> str:
    """The initials of the capitalised words, "&" kept ("Standard & Poor's" -> "S&P"), function words
    skipped ("Federal Bureau of Investigation" -> "FBI")."""
    out = ""
    for w in words:
        if w == "&":
            out += "&"
        elif w[:1].isupper() and w.lower() not in SKIPPED:
            out += w[0]
    return out


def variants(entity: str) -> list[str]:
    """Ways an article may name the entity (see the module's docstring), the query first."""
    words = re.findall(r"[\w'’.-]+|&", entity)
    out = [entity]
    if len(words) < 2:
        return out
    generic = generic_words()
    # Without its generic last word, or its legal forms: "China Eastern Airlines" -> "China Eastern",
    # "Acme Holdings Ltd" -> "Acme"; but one kind word at most: "United States Air Force" is not
    # "United States".
    core = list(words)
    while len(core) > 1 and core[-1].lower().rstrip(".") in LEGAL_FORMS:
        core.pop()
    if len(core) > 1 and core[-1].lower() in generic:
        core.pop()
    legal_only = all(w.lower().rstrip(".") in LEGAL_FORMS for w in words[len(core) :])
    if core != words and (len(core) >= 2 or _brand_like(core[0]) or legal_only):
        out.append(" ".join(core))
    if len(words) >= 3 and words[1][:1].isupper():
        out.append(" ".join(words[1:]))  # "Beatles Apple Corps" -> "Apple Corps"
    # Initials: of three capitalised words or more ("USAF"), or of two joined by "&" ("S&P"): two plain
    # words' initials ("Louis Gallois" -> "LG") name something else too often.
    named = [w for w in words if not re.fullmatch(r"\d[\w.-]*", w)]
    number = [w for w in words if re.fullmatch(r"\d[\w.-]*", w)]
    short = initials(named)
    capitals = short.replace("&", "")
    if len(capitals) >= 3 or (len(capitals) == 2 and "&" in short):
        out.append(short)
        if "&" not in short:
            out.append(".".join(short) + ".")  # "I.B.M."
        if number and words[-1] in number:
            out.append(f"{short} {number[-1]}")  # "S&P 500"
    if re.search(r"\d", words[1]) and len(words[1]) >= 3:
        out.append(words[1])  # a model number after its maker: "the 787", "the A380" (not "S&P 500": "500")
    last = words[-1]
    if last.lower() not in generic and last[:1].isupper() and len(last) >= 4 and not re.search(r"\d", last):
        out.append(last)
    kind_last = words[-1].lower() in generic and words[-2][:1].isupper()
    if len(words) >= 3 and kind_last and words[0][:1].isupper():
        # "the Air Force" for the United States Air Force: an article drops the country or the owner
        # once the story has said whose body it is, and keeps the kind word with "the".
        out.append(f"the {words[-2]} {words[-1]}")
    if words[-1].lower() in events_data()["entity"]["index_words"] and words[0][:1].isupper():
        out.append(f"the {words[0]}")  # an index by its first word: "the Dow", "the Nasdaq"
    clip = clipped(entity)
    if clip:
        out.append(clip)
    if len(words) == 2 and re.search(r"\d", words[1]) and not re.search(r"\d", words[0]):
        out.append(f"{words[1]} {words[0]}")  # "iPhone 3G" -> "3G iPhone"
    return list(dict.fromkeys(v for v in out if v.strip()))


def clipped(entity: str) -> str | None:
    """ "the Fed" for "Federal Reserve": the first syllable of a long first word, after "the" (the only way
    news writes such a clipping). None when the name is one word or its first word is short."""
    words = entity.split()
    if len(words) < 2 or len(words[0]) < 6 or not words[0][:1].isupper() or not words[0].isalpha():
        return None
    m = re.match(r"[B-DF-HJ-NP-TV-Z][aeiou][b-df-hj-np-tv-xz]", words[0])
    return f"the {m.group()}" if m and len(m.group()) == 3 else None


def pattern(names: Iterable[str], query: str | None = None, plural: bool = False) -> re.Pattern[str]:
    """One regular expression for all the names, the longest first. The query matches in any case (it is
    typed by hand: "itunes store"); a form derived from it only as written, since in lower case it is
    often a plain word: "Jobs" / "jobs", "the Fed" / "the fed", "Machines" / "machines". With `plural`
    (a product's names), a name also matches with a plural "s": "two A380s", "22 Boeing 787s", "iPods"
    are units of the product."""
    alts = []
    for v in sorted(set(names), key=len, reverse=True):
        body = re.escape(v).replace(r"\ ", r"\s+")
        if v.startswith("the "):
            # "The Fed" opens a sentence; such a form is no part of a longer name ("the Fed Cup")
            body = r"(?i:the)\s+(?-i:" + re.escape(v[4:]) + r"(?!\s+[A-Z0-9]))"
            alts.append(body)
            continue
        alts.append(body if query is None or v.lower() == query.lower() else f"(?-i:{body})")
    many = "(?-i:s)?" if plural else ""  # (a lower-case "s": "4S" is another model)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")" + many + r"(?![\w-])", re.I)


_DEFINED = re.compile(r"\(\s*(?:the\s+)?([A-Z][A-Za-z&.]*[A-Z.])\s*\)")
_CAPITAL_RUN = re.compile(r"(?:[A-Z][\w'’.-]*|&)(?:\s+(?:(?:of|and|the|for|de|&)\s+)*(?:[A-Z][\w'’.-]*|&))+")


def defined_forms(text: str, names: Iterable[str]) -> list[str]:
    """Short forms the article defines for one of `names` ("General Motors (GM)"), and long forms it
    defines for a query in initials ("European Aeronautic Defence and Space Company (EADS)" for "EADS",
    or a run of capitalised words whose initials those are)."""
    names = list(names)
    out: list[str] = []
    low = {n.lower() for n in names}
    for m in _DEFINED.finditer(text):
        short = m.group(1)
        before = text[max(0, m.start() - 120) : m.start()].rstrip()
        run = None
        for r in _CAPITAL_RUN.finditer(before):
            if r.end() == len(before):
                run = r.group()
        if run is None:
            continue
        if any(before.lower().endswith(n) for n in low) and short.lower() not in low:
            out.append(short)  # the article's own short form of the name
        elif short.lower() in low or short.replace(".", "").lower() in low:
            # a query in initials, defined here: the long form is as good a name
            # The long form starts at a word with the short form's first letter ("Airbus parent European
            # Aeronautic Defence and Space Company (EADS)"); it may end in a word the short form leaves
            # out ("Company").
            words = re.findall(r"[\w'’.-]+|&", run)
            first = short[0].lower()
            starts = [k for k, w in enumerate(words) if w[0].lower() == first and w.lower() not in SKIPPED]
            if starts and len(words) - starts[0] >= 2:
                out.append(" ".join(words[starts[0] :]))
    for n in names:
        if re.fullmatch(r"[A-Z]{3,}", n):
            for r in _CAPITAL_RUN.finditer(text):
                words = re.findall(r"[\w'’.-]+|&", r.group())
                for k in range(len(words) - 1):  # "Shares of International Business Machines"
                    if words[k].lower() not in SKIPPED and initials(words[k:]) == n:
                        out.append(" ".join(words[k:]))
                        break
    return [f for f in dict.fromkeys(out) if f.lower() not in low]


def newest_model(text: str, entity: str) -> list[str]:
    """ "the new iPhone" for the model ("iPhone 4") of a line whose name is a brand ("iPhone", not a maker
    such as "Boeing"), in an article whose first model of that line is this one: a launch story calls the
    model it is about "the new iPhone"; an article that first names another model is about that one."""
    words = entity.split()
    if len(words) != 2 or not _brand_like(words[0]) or re.search(r"\d", words[0]):
        return []
    if not re.search(r"\d", words[1]):
        return []
    first = re.search(rf"(?<![\w-]){re.escape(words[0])}[ \t]+([\w.-]*\d[\w.-]*)", text)
    if first is None or first.group(1).lower() != words[1].lower():
        return []
    return [f"the new {words[0]}"]


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` becomes `b` by one substitution, insertion, deletion or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def corrected(entity: str, texts: Iterable[str]) -> str:
    """The query with a misspelt word ("United States Air Froce") replaced by the one capitalised word the
    articles write that is one letter away from it ("Force"), when the query's word itself is in none of
    them. Words under five letters are left alone: one letter away from a short word is another word."""
    texts = list(texts)
    words = entity.split()
    vocab: set[str] | None = None
    out = []
    for w in words:
        if len(w) < 5 or not w.isalpha() or any(re.search(rf"\b{re.escape(w)}\b", t, re.I) for t in texts):
            out.append(w)
            continue
        if vocab is None:
            vocab = {m.group() for t in texts for m in re.finditer(r"\b[A-Z][a-z]{3,}\b", t)}
        near = sorted(v for v in vocab if v[0].lower() == w[0].lower() and _one_edit(v.lower(), w.lower()))
        out.append(near[0] if len(near) == 1 else w)
    return " ".join(out)
