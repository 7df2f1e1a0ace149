"""Saved web pages: the article's main text and its publication date, with the libraries built for it.

trafilatura finds the main text (no navigation, cookie banners, "most read" lists or footers) and, through
htmldate, the publication date (article:published_time and similar metadata first, then the byline). Both
work on the page as given: nothing is fetched, and lxml's HTML parser resolves no external entities. They
are imported only when an HTML input is read, so the cold start of plain-text runs does not pay for them.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from newsline.model import Article

_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


class NoArticleText(ValueError):
    """The page has no main text to read (an index page, a form, an empty document)."""


def looks_like_html(text: str, name: str = "") -> bool:
    """An .html/.htm name, or a document that starts like one."""
    return name.lower().endswith(HTML_SUFFIXES) or bool(_HTML_START.match(text[:2048]))


def article_from_html(
    html: str, article_id: str, source: str | None, published: date | datetime | None
) -> Article:
    """The Article a saved page holds: title, main text, and the page's own publication date (which wins
    over `published`, the fallback for pages that do not give one)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": True, "original_date": True},
    )
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        raise NoArticleText("no article text found in the page")
    title = (getattr(doc, "title", None) or "").strip() or None
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    page_date = getattr(doc, "date", None)
    when: date | datetime | None = published
    origin = "given" if published is not None else None
    if page_date:
        try:
            when = date.fromisoformat(str(page_date)[:10])
            origin = "page"
        except ValueError:
            pass
    return Article(article_id, text, when, source, title, origin)
