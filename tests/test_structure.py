"""The package keeps its shape: small functions and modules, one home for language rules,
no private name crossing a module boundary, no import cycle, a one-line purpose atop each module."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "habitat_docs"
MODULES = sorted(PACKAGE.rglob("*.py"))
LANGUAGE_CODES = {"ar", "en", "es", "fr", "ru", "zh"}
MAX_FUNCTION, MAX_MODULE = 60, 500


def name_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def imports(path: Path, module: ast.Module) -> Iterator[tuple[str, list[str], int]]:
    """(imported module, names, line) of each ``from habitat_docs… import``, in functions too
    (an import moved into a function to dodge a cycle is still a cycle)."""
    for node in ast.walk(module):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("habitat_docs"):
            yield node.module or "", [a.name for a in node.names], node.lineno


def test_functions_are_short() -> None:
    long = [f"{p.relative_to(PACKAGE)}:{n.lineno} {n.name} ({n.end_lineno - n.lineno + 1} lines)"
            for p in MODULES for n in ast.walk(tree(p))
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
            and (n.end_lineno or n.lineno) - n.lineno + 1 > MAX_FUNCTION]  # fmt: skip
    assert long == []


def test_modules_are_small() -> None:
    big = [f"{p.relative_to(PACKAGE)} ({n} lines)" for p in MODULES
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE]  # fmt: skip
    assert big == []


def test_each_module_says_what_it_is_for() -> None:
    silent = [str(p.relative_to(PACKAGE)) for p in MODULES
              if not (ast.get_docstring(tree(p)) or "").strip()]  # fmt: skip
    assert silent == []


def test_no_private_name_is_imported_from_another_module() -> None:
    crossing = [f"{p.relative_to(PACKAGE)}:{line} {n}" for p in MODULES
                for _, names, line in imports(p, tree(p))
                for n in names if n.startswith("_") and not n.startswith("__")]  # fmt: skip
    assert crossing == []


def test_no_import_cycle() -> None:
    known = {name_of(p) for p in MODULES}
    # "from habitat_docs.writers.docx import ooxml" imports the submodule, not its package
    graph = {name_of(p): {f"{m}.{n}" if f"{m}.{n}" in known else m
                          for m, names, _ in imports(p, tree(p)) for n in names}
             for p in MODULES}  # fmt: skip

    def cycle_from(start: str) -> list[str] | None:
        stack = [(start, [start])]
        seen: set[str] = set()
        while stack:
            node, path = stack.pop()
            for nxt in graph.get(node, ()):
                if nxt == start:
                    return [*path, nxt]
                if nxt not in seen and nxt in graph and not start.startswith(nxt + "."):
                    seen.add(nxt)
                    stack.append((nxt, [*path, nxt]))
        return None

    cycles = [c for m in graph if (c := cycle_from(m))]
    assert cycles == []


def test_no_python_branch_on_a_language_code() -> None:
    """Language rules live in templates/<lang>/: Python never compares with "zh", "en" …"""

    def codes(node: ast.expr) -> bool:
        if isinstance(node, ast.Constant):
            return node.value in LANGUAGE_CODES
        return isinstance(node, ast.Tuple | ast.List | ast.Set) and any(map(codes, node.elts))

    branches = [f"{p.relative_to(PACKAGE)}:{n.lineno}" for p in MODULES for n in ast.walk(tree(p))
                if isinstance(n, ast.Compare) and any(map(codes, [n.left, *n.comparators]))]  # fmt: skip
    assert branches == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_inside_the_package_are_absolute(path: Path) -> None:
    relative = [n.lineno for n in ast.walk(tree(path)) if isinstance(n, ast.ImportFrom) and n.level]
    assert relative == []
