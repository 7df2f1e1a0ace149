"""Why an entity timeline holds what it holds (`newsline parse --entity NAME --explain`): the names searched,
how each article refers to the entity, and for each event kept the reference that takes part in it.

Lines of plain text for standard error: the JSON contract is unchanged by asking. An article that names
somebody else with the entity's last word ("Laurene Jobs" beside Steve Jobs) is marked ambiguous: "Jobs"
alone may be either.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from newsline.entity.references import Ref
from newsline.model import Article, Event

# How a reference was read, in the words of the explanation.
HOW = {"name": "name", "possessive": "owner", "pronoun": "pronoun", "description": "description"}


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f'"{text if len(text) <= limit else text[: limit - 1] + "…"}"'


def namesakes(text: str, entity: str, names: list[str]) -> list[str]:
    """Other people or things the article names with the entity's last word, when that word alone is one
    of the names searched ("Laurene Jobs" in an article about Steve Jobs): "Jobs" alone may be either."""
    words = entity.split()
    if len(words) < 2 or words[-1] not in names:
        return []
    found = re.findall(r"\b([A-Z][\w'’-]+)\s+" + re.escape(words[-1]) + r"\b", text)
    skip = {w.lower() for w in words[:-1]} | {"mr", "mrs", "ms", "dr"}
    return sorted(
        {f"{f} {words[-1]}" for f in found if f.lower().rstrip(".") not in skip and not f.isupper()}
    )


def describe(
    query: str,
    entity: str,
    names: list[str],
    articles: Iterable[Article],
    refs: dict[str, list[Ref]],
    defined: dict[str, list[str]],
    kept: list[tuple[Event, Ref | None]],
    left_off: int,
) -> list[str]:
    """The explanation's lines (see the module's docstring). `refs`: each article's references to the
    entity; `defined`: the short or long forms each article defines for it; `kept`: the events kept, each
    with the reference that takes part in it; `left_off`: events it takes part in that are not on the
    time line (possible, negated, or placed by nothing)."""
    out = []
    if entity != query:
        for a, b in zip(query.split(), entity.split(), strict=False):
            if a != b:
                out.append(
                    f"{_quote(query)} read as {_quote(entity)}: no article writes {_quote(a)}; "
                    f"{_quote(b)}, one letter away, is what they write"
                )
    out.append("names searched: " + ", ".join(_quote(n) for n in names))
    texts = {}
    named_nowhere = []
    for a in articles:
        texts[a.id] = a.text
        found = refs.get(a.id) or []
        if not found:
            named_nowhere.append(a.id)
            continue
        forms = Counter(
            " ".join(a.text[r.start : r.end].split()) for r in found if r.how in ("name", "possessive")
        )
        kinds = Counter(HOW[r.how] for r in found)
        line = f"article {a.id}: " + ", ".join(
            f"{n} {k}{'s' if n > 1 else ''}" for k, n in sorted(kinds.items())
        )
        if forms:
            line += " (" + ", ".join(f"{_quote(f)} x{n}" for f, n in forms.most_common(6)) + ")"
        if defined.get(a.id):
            line += "; defines " + ", ".join(_quote(f) for f in defined[a.id])
        others = namesakes(a.text, entity, names)
        if others:
            line += f"; ambiguous: {_quote(entity.split()[-1])} may also be " + ", ".join(map(_quote, others))
        out.append(line)
    if named_nowhere:
        out.append(
            f"not named in {len(named_nowhere)} article(s): "
            + ", ".join(named_nowhere[:10])
            + (" ..." if len(named_nowhere) > 10 else "")
        )
    for e, ref in kept:
        m = e.mentions[0]
        text = texts.get(m.article) or ""
        who = (
            f"{_quote(text[ref.start : ref.end])} ({HOW[ref.how]})"
            if ref and text
            else "named in the sentence"
        )
        out.append(f"rank {e.rank} {_quote(e.title)}: {who} takes part, article {m.article}")
    if left_off:
        out.append(
            f"{left_off} more event(s) it takes part in are off the time line (possible, negated, "
            "or nothing places them in time); the whole timeline has them"
        )
    return out
