"""The tree is the architecture: the dependency rule between stages, no cycles, a small top level.

The rule (README, "Development"):

    errors, findings, i18n, files  <-  text  <-  plan  <-  check, config  <-  workspace
        <-  render  <-  track | change  <-  cli
                         workspace  <-  importer | scaffold  <-  cli

An arrow points from a stage to what it may import: every stage may import the stages to its
left, never one to its right; track and change both lay documents out through render but never
import each other; importer and scaffold (init, a plan from nothing) need no rendering. Imports inside
functions (lazy imports) count like any other.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "thidua"

# stage -> the stages it may import (besides itself)
STAGES = ("base", "text", "plan", "check", "workspace", "importer", "render", "track", "change", "scaffold", "cli")
MAY_IMPORT = {
    "base": set(),
    "text": {"base"},
    "plan": {"base", "text"},
    "check": {"base", "text", "plan"},
    "workspace": {"base", "text", "plan", "check"},
    "importer": {"base", "text", "plan", "check", "workspace"},
    "render": {"base", "text", "plan", "check", "workspace"},
    "track": {"base", "text", "plan", "check", "workspace", "render"},
    "change": {"base", "text", "plan", "check", "workspace", "render"},
    "scaffold": {"base", "text", "plan", "check", "workspace"},
    "cli": set(STAGES) - {"cli"},
}
LOOSE = {"__init__", "__main__", "errors", "findings", "i18n", "files", "config", "workspace"}


def stage(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in ("__init__", "errors", "findings", "i18n", "files"):
        return "base"
    if parts[1] == "config":
        return "check"  # reads [tool.thidua] and validates its codes against the rules
    if parts[1] == "__main__":
        return "cli"
    return parts[1]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """Every thidua module `path` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from thidua.check import rules` imports the module thidua.check.rules
            names = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name.startswith("thidua"):
                found.add(name)
    return found


def graph() -> dict[str, set[str]]:
    known = set(modules())
    return {name: imports_of(path, known) - {name} for name, path in modules().items()}


def violations(edges: dict[str, set[str]]) -> list[str]:
    wrong = []
    for source, targets in sorted(edges.items()):
        for target in sorted(targets):
            here, there = stage(source), stage(target)
            if there != here and there not in MAY_IMPORT[here]:
                wrong.append(f"{source} ({here}) imports {target} ({there})")
    return wrong


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_every_stage_imports_only_the_stages_before_it() -> None:
    assert violations(graph()) == []


def test_there_is_no_import_cycle_lazy_imports_included() -> None:
    assert cycles(graph()) == []


def test_the_rule_catches_an_import_against_it() -> None:
    edges = graph()
    edges["thidua.render.pipeline"] = edges["thidua.render.pipeline"] | {"thidua.track.status"}
    edges["thidua.plan.loader"] = edges["thidua.plan.loader"] | {"thidua.check.rules"}
    assert violations(edges) == [
        "thidua.plan.loader (plan) imports thidua.check.rules (check)",
        "thidua.render.pipeline (render) imports thidua.track.status (track)",
    ]
    edges["thidua.findings"] = edges["thidua.findings"] | {"thidua.errors"}
    edges["thidua.errors"] = edges["thidua.errors"] | {"thidua.findings"}
    assert ["thidua.errors", "thidua.findings"] in cycles(edges)


@pytest.mark.parametrize("leaf", ["thidua.findings", "thidua.errors", "thidua.i18n"])
def test_the_bottom_imports_nothing_from_thidua(leaf: str) -> None:
    assert graph()[leaf] == set()


def test_the_loader_reaches_no_rule_and_no_model() -> None:
    edges = graph()
    reached: set[str] = set()
    todo = ["thidua.plan.loader"]
    while todo:
        for nxt in edges[todo.pop()] - reached:
            reached.add(nxt)
            todo.append(nxt)
    assert not {m for m in reached if m.startswith(("thidua.check", "thidua.plan.model", "thidua.plan.results"))}


def test_the_top_level_is_small_and_the_stages_are_folders() -> None:
    loose = {path.stem for path in PACKAGE.glob("*.py")}
    assert loose <= LOOSE and len(loose) <= 8, sorted(loose - LOOSE)
    folders = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()}
    assert {"plan", "check", "text", "render", "track", "change", "importer", "scaffold", "cli"} <= folders


def test_no_two_modules_are_named_x_and_xs() -> None:
    by_folder: dict[Path, set[str]] = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        by_folder[path.parent].add(path.stem)
    twins = [(folder.name, name) for folder, names in by_folder.items() for name in names if name + "s" in names]
    assert twins == []
