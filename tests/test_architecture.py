"""The arrows point one way: the platform (``tillit``) imports no domain app, initiatives never
imports reporting, and no modules import each other in a cycle (``make lint`` checks the same
with import-linter's contracts in pyproject.toml and ``tests/import_cycles.py``)."""

import copy
import subprocess
import sys
from pathlib import Path

import pytest

from .import_cycles import ALLOWED, cycles, forbidden_cycles, import_graph

ROOT = Path(__file__).resolve().parent.parent
# (importer package, packages it must never import)
FORBIDDEN = {
    "tillit": ("initiatives", "trials", "reporting"),
    "initiatives": ("trials", "reporting"),
    "trials": ("reporting",),
}


@pytest.fixture(scope="module")
def graph():
    return import_graph()


def _imports_between(graph, importer: str, imported: str) -> list[tuple[str, str]]:
    return sorted(
        (module, target)
        for module in graph.find_children(importer) | graph.find_descendants(importer) | {importer}
        for target in graph.find_modules_directly_imported_by(module)
        if target == imported or target.startswith(imported + ".")
    )


@pytest.mark.parametrize(
    ("importer", "imported"), [(a, b) for a, bs in FORBIDDEN.items() for b in bs]
)
def test_no_module_imports_upwards(graph, importer, imported):
    assert _imports_between(graph, importer, imported) == []


def test_the_graph_holds_the_downward_imports(graph):
    # not vacuous: the domain apps do import the platform, and reporting imports initiatives
    assert ("initiatives.privacy", "tillit.accounts.privacy.registry") in _imports_between(
        graph, "initiatives", "tillit"
    )
    assert _imports_between(graph, "reporting", "initiatives")


def test_an_upward_import_is_caught(graph):
    graph = copy.deepcopy(graph)
    graph.add_import(importer="tillit.core.views", imported="initiatives.models")
    assert _imports_between(graph, "tillit", "initiatives") == [
        ("tillit.core.views", "initiatives.models")
    ]


def test_no_import_cycles_but_the_allowed_ones(graph):
    assert forbidden_cycles(graph) == []
    # every allowed exception still exists: remove it from ALLOWED once its cycle is gone
    assert {frozenset(group) for group in cycles(graph)} >= ALLOWED


def test_a_new_cycle_is_caught(graph):
    graph = copy.deepcopy(graph)
    graph.add_import(importer="tillit.core.registry", imported="tillit.core.retention")
    assert ["tillit.core.registry", "tillit.core.retention"] in forbidden_cycles(graph)


def test_the_import_linter_contracts_are_kept():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [lint_imports, "--no-cache"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stdout
    assert " 0 broken" in result.stdout
