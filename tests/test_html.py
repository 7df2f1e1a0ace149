"""Saved web pages and text in other encodings."""

from __future__ import annotations

import json

from newsline.readers.files import decode
from newsline.readers.html import looks_like_html

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Drone attack hits Kyiv overnight | World News</title>
<meta property="article:published_time" content="2025-07-04T09:12:00+03:00">
</head><body>
<div id="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Drone attack hits Kyiv overnight</h1>
<p>Russia launched a large drone attack on Kyiv overnight, officials said on Friday. The attack came just
hours after a phone call between the two presidents ended on Thursday.</p>
<p>Fires broke out in several districts, and emergency services said at least two people were injured.</p>
</article>
<aside><h2>Most read</h2><ol><li>Ten recipes for summer</li><li>Football transfer news</li></ol></aside>
<footer>Copyright 2025 World News. All rights reserved.</footer>
</body></html>
"""


def test_a_saved_page_gives_its_article_and_date(newsline, tmp_path):
    page = tmp_path / "kyiv-page.html"
    page.write_text(PAGE, encoding="utf-8")
    r = newsline("parse", str(page), "--format", "json")
    assert r.code == 0, r.stderr
    d = json.loads(r.stdout)
    [article] = d["articles"]
    assert article["published"] == "2025-07-04" and article["published_from"] == "page"
    assert article["title"] == "Drone attack hits Kyiv overnight"
    text = " ".join(e["text"] for e in d["events"])
    for junk in ("cookies", "Most read", "recipes", "All rights reserved", "Sport"):
        assert junk not in text
    launched = [e for e in d["events"] if "launched" in e["title"]]
    assert launched and launched[0]["when"]["value"] == "2025-07-03TNI"


def test_the_page_date_wins_over_published(newsline, tmp_path):
    page = tmp_path / "p.htm"
    page.write_text(PAGE, encoding="utf-8")
    r = newsline("parse", str(page), "--published", "2020-01-01", "--format", "json")
    assert json.loads(r.stdout)["articles"][0]["published"] == "2025-07-04"


def test_a_page_with_no_article_is_one_error_line(newsline, tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><script>var x = 1;</script></head><body></body></html>", encoding="utf-8")
    r = newsline("parse", str(page), "--format", "json")
    assert r.code == 1
    lines = [x for x in r.stderr.splitlines() if "error" in x]
    assert len(lines) == 1 and "empty.html" in lines[0] and "Traceback" not in r.stderr


def test_html_is_recognised_by_name_or_content():
    assert looks_like_html("", "a.HTML")
    assert looks_like_html("  <!doctype html><html></html>")
    assert looks_like_html("<html><body>x</body></html>")
    assert not looks_like_html("Russia launched <b>drones</b> at Kyiv.")


def test_other_encodings_are_detected():
    greek = "Η επίθεση έγινε την Πέμπτη το βράδυ στο κέντρο της πόλης, είπαν οι αρχές την Παρασκευή."
    assert decode(greek.encode("iso-8859-7"), "g.txt") == greek
    french = "L'attaque a eu lieu jeudi soir près de la gare, a déclaré le préfet vendredi matin."
    assert decode(french.encode("cp1252"), "f.txt") == french


def test_external_entities_are_not_resolved(newsline, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    page = tmp_path / "xxe.html"
    page.write_text(
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>\n<html><body><article>'
        "<p>Officials said on Friday that the talks ended on Thursday &xxe; without a deal, and that "
        "new talks would begin next week in the capital.</p></article></body></html>",
        encoding="utf-8",
    )
    r = newsline("parse", str(page), "--published", "2025-07-04", "--format", "json")
    assert "TOP-SECRET-CONTENT" not in r.stdout + r.stderr
    assert "Traceback" not in r.stderr
