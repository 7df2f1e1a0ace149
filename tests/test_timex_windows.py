"""Rules run only near the words they need (newsline.timex.recognise.windows); that must never change
what is found."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import example as hypothesis_example
from hypothesis import given, settings
from hypothesis import strategies as st
from newsline.timex import recognise, rules

ROOT = Path(__file__).resolve().parent.parent

WORDS = [
    "the",
    "last",
    "next",
    "third-quarter",
    "quarter",
    "year",
    "years",
    "a",
    "two",
    "twenty-four",
    "hours",
    "ago",
    "earlier",
    "later",
    "Monday",
    "Friday",
    "night",
    "morning",
    "March",
    "May",
    "may",
    "5",
    "1990",
    "1990s",
    "2003",
    "10:30",
    "a.m.",
    "p.m.",
    "noon",
    "yesterday",
    "today",
    "overnight",
    "recently",
    "soon",
    "Christmas",
    "Easter",
    "fiscal",
    "period",
    "year-earlier",
    "mid-November",
    "per",
    "day",
    "daily",
    "every",
    "nineteen",
    "ninety-six",
    "weekend",
    "over",
    "about",
    ",",
    ".",
    "said",
    "will",
    "in",
    "on",
    "of",
    "\n",
    "spring",
    "the fall",
    "four-month",
    "following",
    "month",
    "decade",
    "half",
    "century",
    "current",
    "%",
    "$",
]


def _same(text: str) -> None:
    fast = [(c.start, c.end, c.rule.name) for c in recognise(text)]
    full = [(c.start, c.end, c.rule.name) for c in recognise(text, everywhere=True)]
    assert fast == full


def test_windows_find_what_a_full_scan_finds_on_the_sample_and_examples() -> None:
    for path in sorted((ROOT / "samples").glob("*.txt")):
        _same(path.read_text(encoding="utf-8"))
    for rule in rules():
        for example in rule.examples:
            _same(example["text"])


# A window that ended inside "weekend" once offered "30 week" as a duration.
WINDOW_ENDS_IN_A_WORD = [
    "third-quarter", "Christmas", "Christmas", "Christmas", "Easter", "last", "last", "%", "10:30", "weekend",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60))
@hypothesis_example(WINDOW_ENDS_IN_A_WORD)
def test_windows_find_what_a_full_scan_finds(words: list[str]) -> None:
    _same(" ".join(words))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), st.integers(0, 200))
def test_windows_hold_across_long_gaps(words: list[str], gap: int) -> None:
    # Expressions far apart get separate windows; one near the edge of a window is still whole.
    text = " ".join(words[: len(words) // 2]) + " filler" * gap + " " + " ".join(words[len(words) // 2 :])
    _same(text)


# The engine (newsline.timex.engine) scans an ASCII view of the text: characters it stands in for, and
# control bytes it gives a meaning to, must never hide a match nor change one.
ODD = ["’", "–", "—", "£", "€", "ſ", "K", "İ", "ı", "é", "Ü", "\u00a0", "\u2009", "\x1c", "\x0b", "\x01",
       "\x05", "٣", "²", "'", "-", "_", "x", "0", "(", ")", "“", "”"]


def _same_engine(text: str) -> None:
    def seen(cands: list) -> list:
        return [(c.start, c.end, c.rule.name, c.groups) for c in cands]

    assert seen(recognise(text)) == seen(recognise(text, pure=True))
    assert seen(recognise(text, everywhere=True)) == seen(recognise(text, everywhere=True, pure=True))


def test_the_engine_is_used_where_it_is_installed() -> None:
    from newsline.timex.recognise import _engine

    pytest.importorskip("hyperscan")
    if os.environ.get("NEWSLINE_PURE_RE"):
        pytest.skip("NEWSLINE_PURE_RE turns the engine off")
    eng = _engine()
    assert eng is not None and len(eng.covered) >= len(rules())  # nearly every rule and trigger regex
    text = "Talks – on Monday’s 2025-07-03 ſession – ended £5 later. Ü"
    assert len(eng.view(text)) == len(text) and eng.view(text).isascii()


def test_the_engine_finds_what_python_finds_on_the_samples_and_examples() -> None:
    for path in sorted((ROOT / "samples").glob("*.txt")):
        _same_engine(path.read_text(encoding="utf-8"))
    for rule in rules():
        for example in rule.examples:
            _same_engine(example["text"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS + ODD), min_size=1, max_size=60), st.sampled_from(["", " ", "’", "x"]))
def test_the_engine_finds_what_python_finds(words: list[str], glue: str) -> None:
    _same_engine(glue.join(words) if glue else " ".join(words))
    _same_engine("".join(words))


def test_the_caches_give_what_parsing_and_compiling_give(tmp_path, monkeypatch) -> None:
    """Parsed rule files and compiled rule regexes are kept on disk (newsline.rules.cache_dir): what comes
    back from there must be what tomllib and re.compile make, written fresh and read back."""
    import re
    import tomllib
    from importlib import resources

    from newsline import rules as rule_files
    from newsline.timex import engine

    monkeypatch.setenv("NEWSLINE_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("NEWSLINE_PURE_RE", raising=False)
    patterns = tuple(r.pattern for r in rules())
    text = (ROOT / "samples" / "kyiv-drone-strike-2025-07-04.txt").read_text(encoding="utf-8")
    for attempt in ("written", "read back"):
        rule_files.load.cache_clear()
        engine._codes.cache_clear()
        for name in ("time", "language"):
            raw = resources.files("newsline.rules").joinpath(f"{name}.toml").read_bytes()
            assert rule_files.load(name) == tomllib.loads(raw.decode("utf-8")), attempt
        for pattern in patterns:
            got = engine.compiled(pattern, patterns, int(re.IGNORECASE))
            want = re.compile(pattern, re.IGNORECASE)
            assert (got.pattern, got.flags, got.groups, got.groupindex) == (
                want.pattern, want.flags, want.groups, want.groupindex
            )
            assert [(m.span(), m.groupdict()) for m in got.finditer(text)] == [
                (m.span(), m.groupdict()) for m in want.finditer(text)
            ]
    assert sorted(p.name.split("-")[0] for p in tmp_path.iterdir()) == ["regex", "rules", "rules"]
    rule_files.load.cache_clear()
    engine._codes.cache_clear()


def test_a_negated_set_naming_a_stand_in_is_covered_by_a_wider_one() -> None:
    """A negated set that names a character of the ASCII view's stand-ins ("s", which "ſ" becomes; a
    letter, which "é" becomes "x") is widened, not refused: the engine then offers every offset where
    Python's regex matches, and more."""
    import re

    from newsline.timex.engine import engine

    pytest.importorskip("hyperscan")
    if os.environ.get("NEWSLINE_PURE_RE"):
        pytest.skip("NEWSLINE_PURE_RE turns the engine off")
    regexes = (
        (r"(?<![A-Za-z])FY\s?\d\d", 0),
        (r"(?<![A-Za-z])[QH][1-4](?!\d)", 0),
        (r"[^s\W]s\b", 0),
        (r"[^X]y", 0),
        (r"[^0-9 ]+z", 0),
    )
    eng = engine(regexes)
    assert eng is not None and eng.covered == frozenset(range(len(regexes)))
    for text in ["éFY25 FY 26 xFY27", "ſQ3 éH2 Q4 aQ1", "ſs és as ss", "éy Xy xy", "é1z ٣z 7z"]:
        starts = eng.starts(text)
        for i, (rx, flags) in enumerate(regexes):
            want = {m.start() for m in re.finditer(rx, text, flags)}
            assert want <= set(starts[i]), (rx, text)
