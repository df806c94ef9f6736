"""Fails (exit 1) when modules of tillit, initiatives, trials and reporting import each other in a
cycle, function-local imports included. Run by ``make lint`` (``python -m tests.import_cycles``)
and by ``tests/test_architecture.py``; grimp is import-linter's graph library."""

from __future__ import annotations

import sys

import grimp

PACKAGES = ("tillit", "initiatives", "trials", "reporting")
# Cycles that are allowed: none. A new one needs a reason written here.
ALLOWED: set[frozenset[str]] = set()


def import_graph() -> grimp.ImportGraph:
    return grimp.build_graph(*PACKAGES, cache_dir=None)


def cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected groups of modules (Tarjan's algorithm), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return sorted(found)


def forbidden_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    return [group for group in cycles(graph) if frozenset(group) not in ALLOWED]


def main() -> int:
    found = forbidden_cycles(import_graph())
    for group in found:
        print("Import cycle: " + " <-> ".join(group), file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
