"""The parser's misreadings that the words themselves disprove, mended in place before any rule reads the
parse (`repair`, which `syntax.analyse` calls): a place's country read as a subject, a name split into two
subjects, a past tense coordinated under a participle's auxiliary, a content clause read as a relative
one, a clause read as a phrase, a verb read as an adjective and the reverse. Each mend rests on what a
word's form allows (a finite verb is no complement; an adjective takes no object; a clause has one
subject), not on the sentence's meaning.

Also the verbs the rules name, with their inflections (`verb_lemmas`), which the lemmatiser's guesses are
checked against.
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise

from newsline.language.word import Word


def _place_apposition(words: list[Word]) -> None:
    """ "A judge in Paris, France found ...": the parser reads the country after a place's comma as the
    verb's subject. A place's country, state or region set off by a comma is that place's apposition, and the
    noun the place qualifies (the judge) is the subject. Only where the place qualifies a noun: in "In
    Paris, France announced ..." the place qualifies the verb, and France is the subject."""
    for x in words:
        i = x.i
        if not x.dep.startswith("nsubj") or x.tag not in ("NNP", "NNPS") or i < 2:
            continue
        comma, y = words[i - 1], words[i - 2]
        if comma.text != "," or y.tag not in ("NNP", "NNPS") or y.sentence != x.sentence:
            continue
        place = y
        while place.dep in ("flat", "compound") and place.head != place.i:
            place = words[place.head]
        if place.dep not in ("nmod", "obl") or place.head == place.i:
            continue
        noun = words[place.head]
        if noun.i >= place.i or not noun.tag.startswith("NN") or noun.head != x.head:
            continue
        if not any(w.head == place.i and w.dep == "case" and w.lower in ("in", "at", "from") for w in words):
            continue
        x.head, x.dep = place.i, "appos"
        comma.head = place.i
        if not noun.dep.startswith("nsubj"):
            noun.dep = "nsubj"


def repair(words: list[Word]) -> list[Word]:
    """The parse with the parser's misreadings that the words themselves disprove mended, in place (the
    words are the article's own, made afresh from the cached parse)."""
    _place_apposition(words)
    _name_read_as_two_subjects(words)
    _finite_verb_under_a_participle(words)
    _content_read_as_relative(words)
    _clause_read_as_phrase(words)
    _relative_read_as_content(words)
    _predicate_read_as_participle(words)
    _past_read_as_adjective(words)
    _verb_read_as_adjective(words)
    _passive_read_as_adjective(words)
    return words


def _name_read_as_two_subjects(words: list[Word]) -> None:
    """ "Minister Pieter Janssen met both sides": the parser sometimes gives the verb each part of a name
    as a subject of its own. A clause has one subject, so two proper nouns side by side that are both
    subjects of one verb are one name: the later word joins the earlier one (UD's `flat`)."""
    for x, y in pairwise(words):
        if (
            x.dep == y.dep
            and x.dep in ("nsubj", "nsubj:pass")
            and x.head == y.head
            and x.tag in ("NNP", "NNPS")
            and y.tag in ("NNP", "NNPS")
            and x.sentence == y.sentence
        ):
            y.head, y.dep = x.i, "flat"
            for w in words:
                if w.head == y.i and w is not y:
                    w.head = x.i  # what hung on the later part hangs on the name


def _finite_verb_under_a_participle(words: list[Word]) -> None:
    """ "Operators said 30 ships were waiting to berth and warned that delays could spread": the parser
    coordinates the past tense "warned" with "waiting", inside what was said. A finite past verb with no
    subject of its own cannot share the auxiliary of a participle or infinitive ("were ... warned" would be
    a participle), nor the copula of an adjective ("said he was shocked and pledged help"); it goes on the
    first finite verb of the clauses the participle's clause completes
    ("said the assessment concluded he was killed, but added ...": said, added)."""
    subjects = {w.head for w in words if w.dep.startswith("nsubj") and w.head != w.i}
    auxed = {w.head for w in words if w.dep in ("aux", "aux:pass") and w.head != w.i}
    copular = {w.head for w in words if w.dep == "cop" and w.head != w.i}
    for w in words:
        if w.dep != "conj" or w.tag != "VBD" or w.i in subjects:
            continue
        part = words[w.head]
        if part.i > w.i or not (
            (part.tag in ("VBG", "VBN", "VB") and part.i in auxed)
            or (part.tag.startswith("JJ") and part.i in copular)
        ):
            continue
        top = None
        while part.dep in ("ccomp", "xcomp") and part.head != part.i:
            part = words[part.head]  # up to the first of what was said ("said the inquiry concluded ...")
            if part.tag in ("VBD", "VBZ", "VBP") and part.i < w.i:
                top = part
        if top is not None:
            w.head = top.i


def _children(words: list[Word]) -> dict[int, list[Word]]:
    """Each word's dependents, as the parse stands when a mend starts (an earlier mend may have moved
    some)."""
    kids: dict[int, list[Word]] = {}
    for w in words:
        if w.head != w.i:
            kids.setdefault(w.head, []).append(w)
    return kids


def _content_read_as_relative(words: list[Word]) -> None:
    """ "said outside the courthouse that her client was disappointed": the parser reads "that" as a
    relative pronoun, the object of a clause about the courthouse. A clause whose predicate is an adjective
    or a noun (with its copula), or that has an object of its own, has no place for "that" as its object:
    "that" opens a content clause, which completes the verb the preposition's noun hangs on (or the verb
    the parser already hung it on: "warned that a storm could bring a month's worth of rain")."""
    kids = _children(words)
    for t in words:
        if t.lower != "that" or t.dep != "obj":
            continue
        clause = words[t.head]
        mine = kids.get(clause.i, [])
        nominal = not clause.tag.startswith("VB") and any(k.dep == "cop" for k in mine)
        if not nominal and not any(k.dep == "obj" and k is not t for k in mine):
            continue
        if clause.dep == "ccomp" and t.i < clause.i:
            t.dep = "mark"  # "warned that a storm could bring a month's rain": already what was said
            continue
        if clause.dep != "acl:relcl" or clause.head == clause.i:
            continue
        noun = words[clause.head]
        verb = words[noun.head]
        if noun.dep != "obl" or not verb.tag.startswith("VB") or verb.i > noun.i:
            continue
        t.dep = "mark"
        clause.head, clause.dep = verb.i, "ccomp"


# Words that lead a phrase or a clause alike ("after the vote", "after the auditor flagged payments").
_PREPOSITION_OR_CONJUNCTION = frozenset({"after", "before", "since", "until", "till"})


def _clause_read_as_phrase(words: list[Word]) -> None:
    """ "The investigation began after a city auditor flagged irregular payments": the parser reads "after
    a city auditor" as a phrase and "flagged" as a complement of "began" (or "before firefighters" and
    "reached" as a clause with no subject). A past tense is finite, no complement and not without a
    subject; the noun phrase just before it, led by a word that leads clauses too, is its subject, and
    that word its conjunction."""
    for v in words:
        if v.dep not in ("xcomp", "advcl") or v.tag != "VBD" or v.head == v.i or v.i == 0:
            continue
        if any(w.head == v.i and w.dep.startswith("nsubj") for w in words):
            continue
        # up the phrase that ends just before the verb, to the noun its clause-leading word leads
        x, lead = words[v.i - 1], None
        while lead is None and x.head != x.i and x.head < v.i:
            leads = _PREPOSITION_OR_CONJUNCTION
            lead = next((w for w in words if w.head == x.i and w.dep == "case" and w.lower in leads), None)
            if lead is None:
                x = words[x.head]
        host, above = x, set()
        while host.head != host.i:
            host = words[host.head]
            above.add(host.i)
        if lead is None or x.sentence != v.sentence or x.dep not in ("obl", "nmod") or v.head not in above:
            continue  # (the phrase hangs under the verb's host: "began after ...", "waited on a roof before")
        x.head, x.dep = v.i, "nsubj"
        lead.head, lead.dep = v.i, "mark"
        v.dep = "advcl"


def _relative_read_as_content(words: list[Word]) -> None:
    """ "..., said Giulia Rossi, 64, whose house was flooded to the first floor": the parser reads the
    "whose" clause as part of what she said. A clause that opens on "whose" right after a noun phrase (a
    comma between) is that noun's relative clause: it says what happened to her, not what she said."""
    for rel in words:
        if rel.lower != "whose" or rel.dep != "nmod:poss" or rel.i < 2:
            continue
        owner = words[rel.head]
        clause = words[owner.head]
        if not owner.dep.startswith("nsubj") or clause.dep not in ("ccomp", "parataxis", "conj", "advcl"):
            continue
        before = words[rel.i - 1]
        if before.text == ",":
            before = words[rel.i - 2]
        if before.sentence != rel.sentence or not (before.tag.startswith("NN") or before.tag == "CD"):
            continue
        noun = before
        while noun.dep in ("flat", "compound", "nmod:unmarked", "nummod", "appos") and noun.head < rel.i:
            noun = words[noun.head]  # ("Giulia Rossi, 64": the name the age is told of)
        if noun.tag.startswith("NN") and noun.i < clause.i:
            clause.head, clause.dep = noun.i, "acl:relcl"


def _predicate_read_as_participle(words: list[Word]) -> None:
    """ "Rescue teams using helicopters and boats evacuated 12,000 residents": the parser makes "using" the
    verb and "evacuated 12,000 residents" a participle of "boats". A participle that modifies a noun takes
    no object, and a "-ing" form with no auxiliary is no finite verb: the participle with an object is
    the predicate, the "-ing" clause a modifier of the subject."""
    kids = _children(words)
    for v in words:
        if v.dep != "acl" or v.tag not in ("VBN", "VBD") or v.head == v.i:
            continue
        mine = kids.get(v.i, [])
        if not any(k.dep == "obj" for k in mine) or any(k.dep.startswith(("aux", "mark")) for k in mine):
            continue
        noun = words[v.head]
        while noun.dep == "conj" and noun.head != noun.i:
            noun = words[noun.head]  # ("helicopters and boats")
        g = words[noun.head]
        if noun.dep != "obj" or g.tag != "VBG" or g.i > v.i:
            continue
        gk = kids.get(g.i, [])
        subject = next((k for k in gk if k.dep == "nsubj"), None)
        if subject is None or any(k.dep.startswith("aux") for k in gk):
            continue
        v.tag = "VBD"
        v.head, v.dep = (v.i if g.head == g.i else g.head), g.dep
        g.head, g.dep = subject.i, "acl"
        subject.head = v.i


def _past_read_as_adjective(words: list[Word]) -> None:
    """ "Chen pleaded guilty last year and testified ...": the tagger reads "pleaded" as an adjective and the
    name before it as its modifier. An adjective takes no object: a past form of a verb the rules know
    with an object is that verb's past tense, and the proper noun right before it, hung on it as
    something else, its subject."""
    _, forms = verb_lemmas()
    kids = _children(words)
    for w in words:
        if not w.tag.startswith("JJ") or not w.lower.endswith("ed") or w.lower not in forms:
            continue
        mine = kids.get(w.i, [])
        if not any(k.dep == "obj" for k in mine):
            continue
        w.tag, w.lemma = "VBD", forms[w.lower]
        before = words[w.i - 1] if w.i > 0 else None
        if (
            not any(k.dep.startswith("nsubj") for k in mine)
            and before is not None
            and before.head == w.i
            and before.tag in ("NNP", "NNPS")
            and before.dep in ("advmod", "amod", "compound", "nmod", "obl")
        ):
            before.dep = "nsubj"


def _passive_read_as_adjective(words: list[Word]) -> None:
    """A passive read as an adjective with a copula ("Nine people were injured, officials said", "injured"
    tagged an adjective as UD often has it): the participle of a verb that tells a happening (rules/events.
    toml, less its states) is the passive of that verb, its copula the passive's auxiliary. Adjectives that
    are states ("worried", "involved") stay."""
    parts = _event_participles()
    cops = {w.head: w for w in words if w.dep == "cop" and w.lemma.lower() == "be"}
    subjects: dict[int, list[Word]] = {}
    for w in words:
        if w.dep == "nsubj":
            subjects.setdefault(w.head, []).append(w)
    for w in words:
        if w.i not in cops or not w.tag.startswith("JJ") or w.lower not in parts:
            continue
        w.tag, w.lemma = "VBN", parts[w.lower]
        cops[w.i].dep = "aux:pass"
        for k in subjects.get(w.i, ()):
            k.dep = "nsubj:pass"


@cache
def _event_participles() -> dict[str, str]:
    """The past participles ("-ed", "-en") of the verbs that tell happenings (rules/events.toml), less
    those rules/roles.toml counts as states or moods, -> the verb."""
    from newsline.language.lexicon import events_data
    from newsline.rules import load

    words = load("roles")["words"]
    states = set(words["stative"]) | set(words["sentiments"])
    verbs = {v for vs in events_data()["verbs"].values() for v in vs if v.isalpha()} - states
    _, forms = verb_lemmas()
    return {f: v for f, v in forms.items() if v in verbs and f.endswith(("ed", "en")) and f != v}


def _verb_read_as_adjective(words: list[Word]) -> None:
    """A misreading that leaves a sentence with no verb: a past verb with a subject of its own read as an
    adjective of the noun after it, that noun made the sentence's root ("Germany announced plans to buy
    ..." read as the noun phrase "[announced plans] to buy ..."). An adjective has no subject: the verb is
    the root, and the noun its object."""
    subjects = {w.head for w in words if w.dep.startswith("nsubj") and w.head != w.i}
    for w in words:
        if w.dep != "amod" or w.tag not in ("VBD", "VBN") or w.i not in subjects:
            continue
        noun = words[w.head]
        if noun.head != noun.i or noun.i <= w.i or not noun.tag.startswith("NN"):
            continue
        w.head, w.dep = w.i, "root"
        noun.head, noun.dep = w.i, "obj"


@cache
def verb_lemmas() -> tuple[frozenset[str], dict[str, str]]:
    """The verbs the rules name (rules/roles.toml's word classes, rules/events.toml's verbs) and each of
    their regular inflections -> the verb: the statistical lemmatiser misses some forms, and a rule keyed
    on a lemma would then not see its verb."""
    from newsline.language.lexicon import _inflect, events_data
    from newsline.language.text import lexicon
    from newsline.rules import load

    lemmas = {w for ws in load("roles")["words"].values() for w in ws if w.isalpha()}
    for verbs in events_data()["verbs"].values():
        lemmas.update(v for v in verbs if v.isalpha())
    lemmas.update(v for v in events_data()["roles"]["reporting"] if v.isalpha())
    forms: dict[str, str] = {}
    for lemma in sorted(lemmas):
        for form in _inflect(lemma):
            forms.setdefault(form, lemma)
    # irregular pasts ("spoke", "found", "told") the lemmatiser may leave as they are
    for lemma, pasts in lexicon()["irregular"].items():
        if lemma in lemmas:
            for form in pasts:
                forms.setdefault(form, lemma)
    return frozenset(lemmas), forms
