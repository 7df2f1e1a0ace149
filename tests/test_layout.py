"""The rules of the house, checked on the source (an AST walk, nothing imported): which module may import
which, how large a module may grow, and that the rule names the code mentions exist.

`timeline/` is the package `newsline` and `cli/` is `newsline.cli` (pyproject.toml, package-dir); every
import counts, the ones inside functions too (a lazy import is still a dependency, and used to hide cycles).
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = {"newsline": ROOT / "timeline", "newsline.cli": ROOT / "cli"}

# A library module longer than this is split along its seams; rule data (rules/*.toml) is not code.
MAX_LINES = 600
# The one module allowed past the limit, with the reason: the event layer is being rebuilt on a syntactic
# analysis, and is split then.
TOO_LONG_FOR_NOW = {"newsline.events.extract": "the event layer's rebuild splits it"}

# The stages in the order data flows through them. A lower stage never imports a higher one; the pairs are
# (stage, what it must not import).
LOWER = ("model", "rules", "schema", "language", "timex", "events")
HIGHER = ("pipeline", "readers", "order", "merge", "entity", "formats", "run", "cli")
NEVER = {
    **{low: ("formats", "run", "merge", "entity", "pipeline", "cli") for low in LOWER},
    "order": ("merge", "run", "formats", "entity", "pipeline", "cli"),
    "merge": ("formats", "run", "entity", "pipeline", "cli"),
    "entity": ("run", "cli"),
    "formats": ("run", "cli"),
    "readers": ("timex", "events", "order", "merge", "entity", "formats", "run", "pipeline", "cli"),
}
# What the library (everything but the command line) must never import: the command line and its toolkit.
LIBRARY_NEVER = ("newsline.cli", "typer", "rich", "click")


@dataclass
class Module:
    name: str
    path: Path
    is_package: bool
    tree: ast.Module
    lines: int
    # (module imported, names imported from it: empty for `import x`), every import in the file
    imports: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    @property
    def stage(self) -> str:
        """The first component under `newsline` ("timex" for newsline.timex.tagger), "" for the root."""
        parts = self.name.split(".")
        return parts[1] if len(parts) > 1 else ""

    @property
    def package(self) -> str:
        return self.name if self.is_package else self.name.rpartition(".")[0]


def module_name(top: str, folder: Path, path: Path) -> tuple[str, bool]:
    rel = path.relative_to(folder).with_suffix("").parts
    if rel[-1] == "__init__":
        return ".".join((top, *rel[:-1])), True
    return ".".join((top, *rel)), False


def _imports(mod: Module) -> list[tuple[str, tuple[str, ...]]]:
    out: list[tuple[str, tuple[str, ...]]] = []
    for node in ast.walk(mod.tree):
        if isinstance(node, ast.Import):
            out.extend((alias.name, ()) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = mod.package.split(".")
                parent = parent[: len(parent) - (node.level - 1)]
                base = ".".join([*parent, base] if base else parent)
            out.append((base, tuple(alias.name for alias in node.names)))
    return out


def load_modules(folders: dict[str, Path] = FOLDERS) -> dict[str, Module]:
    """Every Python module of the given folders, by its import name, with its imports."""
    mods: dict[str, Module] = {}
    for top, folder in folders.items():
        for path in sorted(folder.rglob("*.py")):
            if top == "newsline" and FOLDERS["newsline.cli"] in path.parents:
                continue
            name, is_package = module_name(top, folder, path)
            text = path.read_text(encoding="utf-8")
            mods[name] = Module(name, path, is_package, ast.parse(text, str(path)), len(text.splitlines()))
    for mod in mods.values():
        mod.imports = _imports(mod)
    return mods


def edges(mods: dict[str, Module]) -> dict[str, set[str]]:
    """module -> the modules of this code base it imports. `from newsline.merge import spill` imports the
    submodule; `from newsline.merge import merge` imports the package."""
    out: dict[str, set[str]] = {name: set() for name in mods}
    for mod in mods.values():
        for target, names in mod.imports:
            for name in names:
                if f"{target}.{name}" in mods:
                    out[mod.name].add(f"{target}.{name}")
            if target in mods and (not names or any(f"{target}.{n}" not in mods for n in names)):
                out[mod.name].add(target)
    for name in out:
        out[name].discard(name)
    return out


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of `graph` as a path that ends where it starts, or None."""
    sys.setrecursionlimit(max(10_000, sys.getrecursionlimit()))
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


MODULES = load_modules()


def _internal(target: str) -> bool:
    return target == "newsline" or target.startswith("newsline.")


def _stage_of(target: str) -> str:
    parts = target.split(".")
    return parts[1] if len(parts) > 1 else ""


# --------------------------------------------------------------------------------------------------------


def test_the_walk_sees_the_code_base():
    """A guard for the checks below: they are vacuous if the walk finds nothing."""
    assert {"newsline", "newsline.pipeline", "newsline.timex.tagger", "newsline.cli.main"} <= MODULES.keys()
    assert sum(len(v) for v in edges(MODULES).values()) > 100


def test_no_import_cycle():
    cycle = find_cycle(edges(MODULES))
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_no_private_name_imported_across_subpackages():
    bad = []
    for mod in MODULES.values():
        for target, names in mod.imports:
            if not _internal(target):
                continue
            private_module = any(p.startswith("_") and p != "__init__" for p in target.split("."))
            for name in names:
                crosses = _stage_of(target) != mod.stage
                if crosses and (private_module or (name.startswith("_") and not name.startswith("__"))):
                    bad.append(f"{mod.name} imports {target}.{name}")
    assert not bad, "private names imported across subpackages:\n" + "\n".join(bad)


def test_lower_stages_never_import_higher_ones():
    bad = []
    for mod in MODULES.values():
        forbidden = NEVER.get(mod.stage, ())
        for target in edges(MODULES)[mod.name]:
            if _stage_of(target) in forbidden:
                bad.append(f"{mod.name} ({mod.stage}) imports {target} ({_stage_of(target)})")
    assert not bad, "a stage imports a later one:\n" + "\n".join(sorted(bad))


def test_the_library_never_imports_the_command_line():
    bad = []
    for mod in MODULES.values():
        if mod.stage == "cli":
            continue
        for target, _ in mod.imports:
            if any(target == never or target.startswith(never + ".") for never in LIBRARY_NEVER):
                bad.append(f"{mod.name} imports {target}")
    assert not bad, "\n".join(bad)


def test_the_command_line_imports_only_public_names():
    bad = []
    for mod in MODULES.values():
        if mod.stage != "cli":
            continue
        for target, names in mod.imports:
            if not _internal(target) or _stage_of(target) == "cli":
                continue
            if any(p.startswith("_") for p in target.split(".")):
                bad.append(f"{mod.name} imports from private module {target}")
            bad.extend(
                f"{mod.name} imports {target}.{n}" for n in names if n.startswith("_") and n != "__version__"
            )
        # `import newsline.x` and then `newsline.x._private`
        for node in ast.walk(mod.tree):
            private = isinstance(node, ast.Attribute) and re.match(r"_(?!_)", node.attr)
            if private and _internal(base := ast.unparse(node.value)):
                bad.append(f"{mod.name} uses {base}.{node.attr}")
    assert not bad, "\n".join(bad)


def test_no_library_module_is_too_long():
    long = {
        m.name: m.lines
        for m in MODULES.values()
        if m.stage != "cli" and m.lines > MAX_LINES and m.name not in TOO_LONG_FOR_NOW
    }
    assert not long, f"modules over {MAX_LINES} lines, to split along their seams: {long}"


def test_the_exceptions_to_the_size_rule_are_still_needed():
    """An exception is removed once its module is split, so it cannot cover a new one."""
    for name in TOO_LONG_FOR_NOW:
        assert name in MODULES, f"{name} is gone: remove it from TOO_LONG_FOR_NOW"
        assert MODULES[name].lines > MAX_LINES, f"{name} fits now: remove it from TOO_LONG_FOR_NOW"


# --------------------------------------------------------------------------------------------------------
# Rule names the Python code mentions

RULES_DIR = ROOT / "timeline" / "rules"
TIME = tomllib.loads((RULES_DIR / "time.toml").read_text(encoding="utf-8"))
RULE_NAMES = {r["name"] for r in TIME["rule"]}
RULE_KINDS = {r["kind"] for r in TIME["rule"]}
# Mentions that no rule made, named in code on purpose: the publication day, and a time read back from a
# saved timeline.
NOT_RULES = {"publication", "loaded"}

# Expressions whose value is a time rule's name, and a rule's kind.
_NAMES_A_RULE = re.compile(r"\.rule$|\brule\.name$|^rule_name$|^\w*_RULES$")
_NAMES_A_KIND = re.compile(r"(?:^|\.)rule\.kind$")


def _strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [s for e in node.elts for s in _strings(e)]
    if isinstance(node, ast.Call) and ast.unparse(node.func) in ("frozenset", "set", "tuple") and node.args:
        return _strings(node.args[0])
    return []


def mentioned(mods: dict[str, Module], pattern: re.Pattern[str]) -> set[tuple[str, str]]:
    """(module, string) for every string compared with, or assigned to, an expression `pattern` matches."""
    out: set[tuple[str, str]] = set()
    for mod in mods.values():
        if mod.stage in ("cli",):
            continue
        for node in ast.walk(mod.tree):
            if isinstance(node, ast.Compare):
                sides = [node.left, *node.comparators]
                if any(pattern.search(ast.unparse(s)) for s in sides):
                    out.update((mod.name, s) for side in sides for s in _strings(side))
            elif isinstance(node, ast.Assign) and any(pattern.search(ast.unparse(t)) for t in node.targets):
                out.update((mod.name, s) for s in _strings(node.value))
    return out


def test_every_rule_name_the_code_mentions_exists():
    names = mentioned(MODULES, _NAMES_A_RULE)
    assert len(names) >= 4, names  # the walk finds them ("daylight", "quarter", ...)
    unknown = sorted(f"{m}: {s!r}" for m, s in names if s not in RULE_NAMES | NOT_RULES)
    assert not unknown, "rule names not in rules/time.toml:\n" + "\n".join(unknown)


def test_every_rule_kind_the_code_mentions_exists():
    kinds = mentioned(MODULES, _NAMES_A_KIND)
    assert kinds, "the walk found no rule kinds"
    unknown = sorted(f"{m}: {s!r}" for m, s in kinds if s not in RULE_KINDS)
    assert not unknown, "rule kinds not in rules/time.toml:\n" + "\n".join(unknown)


# --------------------------------------------------------------------------------------------------------
# The checks themselves, on a small made-up code base: each must catch what it is for.


def _fake(tmp_path: Path, files: dict[str, str]) -> dict[str, Module]:
    for rel, text in files.items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return load_modules({"newsline": tmp_path})


def test_a_cycle_hidden_inside_a_function_is_found(tmp_path):
    mods = _fake(
        tmp_path,
        {
            "__init__.py": "",
            "merge/__init__.py": "",
            "merge/fold.py": "def f():\n    from newsline.merge.spill import g\n",
            "merge/spill.py": "from newsline.merge import fold\n",
        },
    )
    assert find_cycle(edges(mods)) == ["newsline.merge.fold", "newsline.merge.spill", "newsline.merge.fold"]


def test_relative_imports_are_resolved(tmp_path):
    mods = _fake(
        tmp_path,
        {
            "__init__.py": "",
            "a/__init__.py": "from .b import x\n",
            "a/b.py": "from ..c import y\n",
            "c.py": "",
        },
    )
    graph = edges(mods)
    assert graph["newsline.a"] == {"newsline.a.b"}
    assert graph["newsline.a.b"] == {"newsline.c"}


@pytest.mark.parametrize(
    ("name", "rule"),
    [("daylight", True), ("not_a_rule", False)],
)
def test_a_rule_name_in_a_comparison_is_seen(tmp_path, name: str, rule: bool):
    mods = _fake(tmp_path, {"__init__.py": "", "t.py": f"def f(rule):\n    return rule.name == {name!r}\n"})
    assert mentioned(mods, _NAMES_A_RULE) == {("newsline.t", name)}
    assert (name in RULE_NAMES) is rule
