"""Loading the shipped spaCy pipeline: the same pipeline `spacy.load` builds, less the work whose result
nothing on our path uses. Half of a cold `newsline parse` was spaCy's import and the model's loading.

- `import_spacy`: `import spacy` without spaCy's command line. `spacy/__init__.py` imports `spacy.cli.info`
  for the one name `spacy.info`, and with it the whole `spacy.cli` package (weasel, the download and
  project commands, Typer apps): about 150 ms of every cold start (spaCy's own issue: explosion/spaCy PR
  #13933, lazy CLI loading). Stand-ins keep those two modules out while spaCy imports itself; afterwards
  `spacy.cli` and `spacy.info` import the real thing on first use.
- `load`: `spacy.load(path)`, except that the tokenizer `Language.__init__` builds from the language's
  defaults (1,300 special cases and four large regexes, about 60 ms) starts empty instead. It was thrown
  away anyway: `Language.from_disk` replaces the tokenizer's every setting from the model's own
  `tokenizer` file (`Tokenizer.from_bytes` resets them all first; `faster_heuristics`, which it does not,
  is True in both) and resets the vocabulary's lexemes.

Either step applies only where it is known to hold, and otherwise the plain way runs.
"""

from __future__ import annotations

import configparser
import importlib
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

# The modules spaCy's import must not pull in, outermost first.
_CLI = ("spacy.cli", "spacy.cli.info")
# The tokenizer the model's config names (spaCy's own, from the language's defaults), and ours.
_SPACY_TOKENIZER = "spacy.Tokenizer.v1"
_EMPTY_TOKENIZER = "newsline.EmptyTokenizer.v1"


def import_spacy() -> ModuleType:
    """`import spacy`, without importing `spacy.cli` until something uses it (see the module's doc).

    Only for a first import: when spaCy (or its command line) is imported already, or its package does not
    look as expected, this is plain `import spacy`."""
    if "spacy" in sys.modules or any(name in sys.modules for name in _CLI):
        return _plain_import()
    try:
        spec = importlib.util.find_spec("spacy")
    except (ImportError, ValueError):
        spec = None
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    cli_dir = Path(locations[0]) / "cli" if locations else None
    if cli_dir is None or not (cli_dir / "__init__.py").is_file() or not (cli_dir / "info.py").is_file():
        return _plain_import()
    return _import_without_cli(cli_dir)


def _plain_import() -> ModuleType:
    # an import statement, not importlib.import_module: `python -X importtime` sees only the former
    import spacy

    return spacy


def _import_without_cli(cli_dir: Path) -> ModuleType:
    cli = ModuleType("spacy.cli")
    # Its real directory: were a submodule of spacy.cli imported meanwhile, it is the real one.
    cli.__path__ = [str(cli_dir)]
    info = ModuleType("spacy.cli.info")
    stand_ins = (cli, info)

    def drop_stand_ins() -> None:
        for name in _CLI:
            if sys.modules.get(name) in stand_ins:
                del sys.modules[name]

    def real(module: str, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            # the import system's own questions (`__path__` for every `from ... import`) are answered as
            # for a plain module: no such attribute
            raise AttributeError(name)
        drop_stand_ins()
        return getattr(importlib.import_module(module), name)

    def lazy_info(*args: Any, **kwargs: Any) -> Any:
        # What `from .cli.info import info` binds while the stand-ins are in place; removed from spaCy's
        # namespace below, so that only an early caller (spaCy's import itself) ever holds this one.
        return real("spacy.cli.info", "info")(*args, **kwargs)

    # Anything else asked of a stand-in (a plugin reading `spacy.cli.app` while spaCy imports) is answered by
    # the real module, imported then.
    cli.__dict__["__getattr__"] = lambda name: real("spacy.cli", name)
    info.__dict__["__getattr__"] = lambda name: real("spacy.cli.info", name)
    info.__dict__["info"] = lazy_info
    sys.modules.update(zip(_CLI, stand_ins, strict=True))
    try:
        spacy = _plain_import()
    finally:
        drop_stand_ins()
    for name, value in (("cli", cli), ("info", lazy_info)):
        if spacy.__dict__.get(name) is value:
            del spacy.__dict__[name]
    previous: Callable[[str], Any] | None = spacy.__dict__.get("__getattr__")

    def module_getattr(name: str) -> Any:
        # `spacy.cli` and `spacy.info` as an eager import would have bound them (PEP 562: asked only for
        # names the module does not have).
        if name == "cli":
            return importlib.import_module("spacy.cli")
        if name == "info":
            return importlib.import_module("spacy.cli.info").info
        if previous is not None:
            return previous(name)
        raise AttributeError(f"module 'spacy' has no attribute {name!r}")

    spacy.__dict__["__getattr__"] = module_getattr
    return spacy


def load(path: Path) -> Any:
    """The spaCy pipeline saved in directory `path`, as `spacy.load(str(path))` returns it."""
    spacy = import_spacy()
    if not _tokenizer_from_disk(path):
        return spacy.load(str(path))
    if _EMPTY_TOKENIZER not in spacy.registry.tokenizers:
        spacy.registry.tokenizers.register(_EMPTY_TOKENIZER, func=_empty_tokenizer)
    nlp = spacy.load(str(path), config={"nlp": {"tokenizer": {"@tokenizers": _EMPTY_TOKENIZER}}})
    # The config names the tokenizer the model was saved with, as after a plain load.
    nlp.config["nlp"]["tokenizer"] = {"@tokenizers": _SPACY_TOKENIZER}
    return nlp


def _tokenizer_from_disk(path: Path) -> bool:
    """Whether loading `path` replaces the tokenizer spaCy builds first: the model has a tokenizer file and
    its config names spaCy's default tokenizer (nothing of a custom one to keep)."""
    if not (path / "tokenizer").is_file():
        return False
    config = configparser.ConfigParser(interpolation=None)
    try:
        config.read_string((path / "config.cfg").read_text(encoding="utf-8"))
        section = dict(config["nlp.tokenizer"])
    except (OSError, UnicodeDecodeError, configparser.Error, KeyError):
        return False
    return section == {"@tokenizers": f'"{_SPACY_TOKENIZER}"'}


def _empty_tokenizer() -> Callable[[Any], Any]:
    """A tokenizer with no rules, for `Language.__init__` to build before the model's own is read."""
    from spacy.tokenizer import Tokenizer

    def make(nlp: Any) -> Any:
        return Tokenizer(nlp.vocab)

    return make
