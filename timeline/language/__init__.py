"""Language: an article's text segmented into sentences, tokens and quotes, the tense near a word,
and the word lists the later stages share.

Reads: article text. Writes: `Document` (sentences, tokens, quotes with their spans).
"""
from __future__ import annotations

from newsline.language.lexicon import (
    VerbForm,
    events_data,
    names,
    noun_forms,
    noun_markers,
    open_verb,
    strip_titles,
    titles,
    verb_forms,
)
from newsline.language.text import (
    Document,
    Quote,
    Sentence,
    Token,
    find_quotes,
    is_target,
    lexicon,
    past_forms,
    segment,
    split_sentences,
    tense_near,
    token_tense,
    tokenize,
)

__all__ = [
    "Document",
    "Quote",
    "Sentence",
    "Token",
    "VerbForm",
    "events_data",
    "find_quotes",
    "is_target",
    "lexicon",
    "names",
    "noun_forms",
    "noun_markers",
    "open_verb",
    "past_forms",
    "segment",
    "split_sentences",
    "strip_titles",
    "tense_near",
    "titles",
    "token_tense",
    "tokenize",
    "verb_forms",
]
