"""Readers: inputs to `Article`s: text files in any common encoding, standard input, JSON Lines of
articles, saved web pages, publication dates; and saved newsline/1 timelines back to `Timeline`s.

Reads: paths and bytes. Writes: `Article`s (or `Timeline`s from saved JSON).
"""
from __future__ import annotations

from newsline.readers.files import (
    ArticleRef,
    InputError,
    Problem,
    articles_from_jsonl,
    decode,
    expand_paths,
    index_inputs,
    load_article,
    parse_published,
    read_bytes,
    read_inputs,
    too_big,
)
from newsline.readers.html import NoArticleText, article_from_html, looks_like_html
from newsline.readers.saved import LoadError, from_dict

__all__ = [
    "ArticleRef",
    "InputError",
    "LoadError",
    "NoArticleText",
    "Problem",
    "article_from_html",
    "articles_from_jsonl",
    "decode",
    "expand_paths",
    "from_dict",
    "index_inputs",
    "load_article",
    "looks_like_html",
    "parse_published",
    "read_bytes",
    "read_inputs",
    "too_big",
]
