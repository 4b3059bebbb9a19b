"""Structure limits: modules in pipeline/ over 500 lines and functions over 80 lines.

Usage: ``python scripts/check_sizes.py [ROOT] [--max-module N] [--max-function N]``
(``make lint``). Prints one line per offender, then a summary; exits 1 when any exist, else 0.
Function length is measured with ``ast``: from the ``def`` line (decorators included) to the
function's last line, nested functions counted in their enclosing function too.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80


def module_lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def long_functions(path: Path, limit: int) -> list[tuple[str, int, int]]:
    """``(qualified name, first line, length)`` of each function in ``path`` over ``limit`` lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[str, int, int]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"{prefix}{child.name}"
                if not isinstance(child, ast.ClassDef):
                    first = min([child.lineno] + [d.lineno for d in child.decorator_list])
                    length = child.end_lineno - first + 1
                    if length > limit:
                        found.append((name, first, length))
                visit(child, name + ".")
            else:
                visit(child, prefix)

    visit(tree, "")
    return found


def check(root: Path, max_module: int, max_function: int) -> tuple[list[str], list[str]]:
    """Offending modules and functions under ``root`` (``*.py``, sorted by path), as report lines."""
    modules, functions = [], []
    for path in sorted(root.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        n = module_lines(path)
        if n > max_module:
            modules.append(f"{path}: module has {n} lines (limit {max_module})")
        for name, line, length in long_functions(path, max_function):
            functions.append(f"{path}:{line}: function {name} has {length} lines (limit {max_function})")
    return modules, functions


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", default="pipeline", type=Path)
    ap.add_argument("--max-module", type=int, default=MAX_MODULE_LINES)
    ap.add_argument("--max-function", type=int, default=MAX_FUNCTION_LINES)
    args = ap.parse_args(argv)
    if not args.root.is_dir():
        print(f"error: {args.root} is not a directory", file=sys.stderr)
        return 2
    modules, functions = check(args.root, args.max_module, args.max_function)
    for line in modules + functions:
        print(line)
    print(f"{len(modules)} module(s) over {args.max_module} lines, "
          f"{len(functions)} function(s) over {args.max_function} lines")
    return 1 if modules or functions else 0


if __name__ == "__main__":
    sys.exit(main())
