"""One word of an article as the dependency parser read it (`Word`): shared by the analysis
(`language.syntax`) and its mends (`language.repair`)."""

from __future__ import annotations

from dataclasses import dataclass

# Universal POS from the Penn Treebank tag the tagger predicts (the mapping is fixed for English).
_UPOS = {
    "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "PRP": "PRON", "PRP$": "PRON",
    "WP": "PRON", "WP$": "PRON", "EX": "PRON", "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB",
    "VBP": "VERB", "VBZ": "VERB", "MD": "AUX", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "RB": "ADV",
    "RBR": "ADV", "RBS": "ADV", "WRB": "ADV", "IN": "ADP", "RP": "ADP", "TO": "PART", "DT": "DET",
    "PDT": "DET", "WDT": "DET", "CD": "NUM", "CC": "CCONJ", "UH": "INTJ", "POS": "PART",
}  # fmt: skip


@dataclass(slots=True)
class Word:
    """One word of the article as the parser read it; offsets are the article's characters."""

    i: int  # index in `Syntax.words`
    start: int
    end: int
    text: str
    lemma: str
    tag: str  # Penn Treebank tag
    dep: str  # Universal Dependencies relation to the head ("root" for a sentence's root)
    head: int  # index of the head word (itself for a root)
    sentence: int  # index of our sentence

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def pos(self) -> str:
        """The universal part of speech, from the tag (an auxiliary's tag is a verb's: see `dep`)."""
        if self.dep in ("aux", "aux:pass", "cop"):
            return "AUX"
        return _UPOS.get(self.tag, "X")

    @property
    def verbal(self) -> bool:
        return self.tag.startswith("VB") and self.dep not in ("aux", "aux:pass", "cop")
