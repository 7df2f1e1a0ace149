"""Loading the shipped parser (`newsline.language.loader`): the shortcuts never change the pipeline or the
parse, and spaCy's command line still works for whoever uses it afterwards.

spaCy must not be imported yet for the lazy command line to apply, so each case runs in a fresh
interpreter."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from conftest import ROOT, fresh_python
from newsline.language.loader import _tokenizer_from_disk

MODEL = ROOT / "timeline" / "language" / "parser"

SENTENCES = [
    "Russia launched its largest drone assault to date on Ukraine overnight, striking Kyiv with 539 drones.",
    "U.S. President Donald Trump's call with Vladimir Putin ended in frustration, officials said on Friday.",
    "The minister, who resigned on Tuesday, didn't comment; e-mail: press@example.org, see https://x.org/a?b=1.",
    "  Prices rose 3.5% in Q2 (vs. 2.1%) -- the fastest since 2008 ... \"We're worried,\" she said.\n\nMore:",
]

# What a run prints: every token's analysis, the pipeline's config and tokenizer, and the modules imported.
_DUMP = """
import hashlib, json, sys
sentences = json.loads(sys.argv[1])
out = {"parse": [[(t.idx, t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.norm_, t.is_space) for t in doc]
                 for doc in nlp.pipe(sentences)]}
out["config"] = nlp.config.to_str()
out["tokenizer"] = hashlib.sha256(nlp.tokenizer.to_bytes(exclude=["vocab"])).hexdigest()
out["cli_imported"] = "spacy.cli" in sys.modules
print(json.dumps(out))
"""


def _run(code: str) -> dict:
    proc = fresh_python("-c", textwrap.dedent(code) + _DUMP, json.dumps(SENTENCES))
    return json.loads(proc.stdout.splitlines()[-1])


def test_the_loaders_pipeline_parses_as_spacy_load_does():
    plain = _run(f"import spacy; nlp = spacy.load({str(MODEL)!r})")
    ours = _run("from newsline.language.syntax import parser; nlp = parser()")
    assert plain["cli_imported"] and not ours["cli_imported"]  # the shortcut applied
    assert ours["parse"] == plain["parse"]
    assert ours["tokenizer"] == plain["tokenizer"]
    assert ours["config"] == plain["config"]


def test_spacy_cli_works_after_the_lazy_import():
    code = f"""
    import sys
    from pathlib import Path
    from newsline.language.loader import load
    nlp = load(Path({str(MODEL)!r}))
    assert "spacy.cli" not in sys.modules
    import spacy
    cli_dir = Path(spacy.__file__).parent / "cli"
    # spacy.info and spacy.cli: the real ones, imported on first use
    assert spacy.info.__module__ == "spacy.cli.info", spacy.info
    assert spacy.info is sys.modules["spacy.cli.info"].info
    assert Path(sys.modules["spacy.cli"].__file__) == cli_dir / "__init__.py"
    assert spacy.cli is sys.modules["spacy.cli"]
    from spacy.cli import app, download
    from spacy.cli.download import get_model_filename
    assert callable(download) and callable(get_model_filename) and app.info.name == "spacy"
    assert isinstance(spacy.info(silent=True), dict)
    try:
        spacy.no_such_name
    except AttributeError:
        pass
    else:
        raise AssertionError("spacy.no_such_name")
    """
    _run(code)


def test_an_earlier_import_of_spacy_is_left_alone():
    # spaCy imported the usual way first (its command line with it): the loader imports nothing again.
    out = _run(
        f"""
        import spacy
        from pathlib import Path
        from newsline.language.loader import import_spacy, load
        assert import_spacy() is spacy and "__getattr__" not in vars(spacy)
        nlp = load(Path({str(MODEL)!r}))
        """
    )
    assert out["cli_imported"]


def test_the_tokenizer_shortcut_needs_the_models_own_tokenizer(tmp_path: Path):
    assert _tokenizer_from_disk(MODEL)
    config = (MODEL / "config.cfg").read_text(encoding="utf-8")
    (tmp_path / "config.cfg").write_text(config, encoding="utf-8")
    assert not _tokenizer_from_disk(tmp_path)  # no tokenizer file: spaCy's default one stays
    (tmp_path / "tokenizer").write_bytes(b"")
    assert _tokenizer_from_disk(tmp_path)
    custom = config.replace('@tokenizers = "spacy.Tokenizer.v1"', '@tokenizers = "custom.Tokenizer.v1"')
    assert custom != config
    (tmp_path / "config.cfg").write_text(custom, encoding="utf-8")
    assert not _tokenizer_from_disk(tmp_path)
