"""Each module-level name of the package is bound once.

The rule and scoring modules hold hundreds of word sets (``_COPULAS``, ``_PARTICIPLES``...). A second binding
of the same name further down a module silently replaces the first for every function, including those
written against the first; this test makes such a clash an error to resolve (rename one, or merge them)."""
import ast
from collections import Counter
from pathlib import Path

import tension

PACKAGE = Path(tension.__file__).parent


def _bindings(tree: ast.Module) -> Counter[str]:
    names: Counter[str] = Counter()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
            continue
        else:
            continue
        for target in targets:
            if isinstance(target, ast.Name):
                names[target.id] += 1
    return names


def test_no_module_level_name_is_bound_twice():
    clashes = {}
    for path in sorted(PACKAGE.glob("*.py")):
        twice = sorted(n for n, k in _bindings(ast.parse(path.read_text(encoding="utf-8"))).items() if k > 1)
        if twice:
            clashes[path.name] = twice
    assert clashes == {}


def test_the_check_sees_a_clash():
    tree = ast.parse("_WORDS = frozenset({'a'})\ndef f():\n    return _WORDS\n_WORDS = frozenset({'b'})\n")
    assert _bindings(tree)["_WORDS"] == 2
