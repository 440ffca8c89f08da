"""The layers of the README ("Architecture") hold: the import-linter contracts in pyproject.toml
pass, no module of the project imports itself back through others, and INSTALLED_APPS lists the
apps lowest layer first."""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
from django.conf import settings

ROOT = Path(__file__).resolve().parents[3]


def _is_test(module: str) -> bool:
    parts = module.split(".")
    return "tests" in parts or parts[-1].startswith("test_") or parts[-1] in {"conftest", "testing"} \
        or parts[:2] == ["thidua", "testing"]


def import_cycles(graph) -> list[set[str]]:
    """The strongly connected groups of two or more modules (Tarjan, without recursion)."""
    modules = sorted(m for m in graph.modules if not _is_test(m))
    edges = {m: sorted(i for i in graph.find_modules_directly_imported_by(m) if i in graph.modules
                       and not _is_test(i)) for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for root in modules:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            if i < len(edges[node]):
                work.append((node, i + 1))
                child = edges[node][i]
                if child not in index:
                    work.append((child, 0))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(group)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return groups


def test_no_module_imports_itself_back_through_others():
    cycles = import_cycles(grimp.build_graph("thidua", cache_dir=None))
    assert [sorted(group) for group in cycles] == []


def test_the_cycle_finder_finds_a_cycle():
    graph = grimp.ImportGraph()
    for name in ("thidua.a", "thidua.b", "thidua.c"):
        graph.add_module(name)
    graph.add_import(importer="thidua.a", imported="thidua.b")
    graph.add_import(importer="thidua.b", imported="thidua.c")
    graph.add_import(importer="thidua.c", imported="thidua.a")
    assert import_cycles(graph) == [{"thidua.a", "thidua.b", "thidua.c"}]


def test_the_import_contracts_are_kept():
    run = subprocess.run([str(Path(sys.executable).parent / "lint-imports"), "--no-cache"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:]


def test_installed_apps_list_the_layers_lowest_first():
    contract = next(c for c in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
                    ["contracts"] if c["id"] == "layers")
    rank = {}
    for height, layer in enumerate(reversed(contract["layers"])):
        for name in layer.replace(":", "|").split("|"):
            rank[name.strip()] = height
    ours = [app for app in settings.INSTALLED_APPS if app in rank]
    assert sorted(ours, key=lambda app: rank[app]) == ours
    assert set(ours) == set(rank) - {"thidua.rules"}  # rules is a package, not an app
