"""The shape of the code, kept by tests: one direction of imports, policy in views, small modules.

- No import cycles between the package's modules.
- Layers import downwards only: the core (model, load, validate, pipeline, guidance)
  knows no output; views and labels know only the core; each output room knows the
  core, views and labels (and, from render, the shared escaping and page addresses); publish assembles
  the outputs; the adapters (cli, mkdocs) sit on top.
- render/ never decides which services, procedures or briefings apply to a record:
  it asks views (its templates included).
- Modules stay under 400 lines and functions under 40.
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "levelofneed"
CORE = {"model", "findings", "messages", "load", "mentions", "placeholders", "validate", "checks", "review_dates",
        "references", "wording", "pipeline", "guidance", "labels", "__init__"}
SHARED = {"views", "hours"}
OUTPUTS = {"render", "exports", "reports", "editors", "helper", "search", "pdf", "diff", "offline"}
LAYERS = {**dict.fromkeys(CORE, 0), **dict.fromkeys(SHARED, 1), **dict.fromkeys(OUTPUTS, 2), "publish": 3,
          "cli": 4, "mkdocs": 4, "__main__": 5}
MAX_MODULE_LINES, MAX_FUNCTION_LINES = 400, 40
# What every output may take from render: escaping text, and where each page is published.
SHARED_FROM_RENDER = {"render.text", "render.paths"}


@functools.cache
def _modules() -> dict[str, Path]:
    return {".".join(path.relative_to(PACKAGE).with_suffix("").parts): path for path in PACKAGE.rglob("*.py")}


def _imports(name: str, path: Path) -> set[str]:
    """The package's own modules that ``name`` imports (relative and absolute).

    ``from . import paths`` imports the module ``paths``; ``from .site import Site``
    imports the module ``site``; a name re-exported by a package counts as the package.
    """
    modules = _modules()
    package = name.split(".")[:-1]
    found: set[str | None] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            target = [*package[: len(package) - node.level + 1], *(node.module.split(".") if node.module else [])]
        elif node.module and node.module.startswith("levelofneed"):
            target = node.module.split(".")[1:]
        else:
            continue
        for alias in node.names:
            found.add(_resolve(".".join([*target, alias.name]), modules) or _resolve(".".join(target), modules))
    return {module for module in found if module is not None} - {name}


def _resolve(target: str, modules: dict[str, Path]) -> str | None:
    if target in modules:
        return target
    if f"{target}.__init__" in modules:
        return f"{target}.__init__"
    return None


GRAPH = {name: _imports(name, path) for name, path in _modules().items()}


def _room(module: str) -> str:
    return module.split(".")[0]


def test_there_are_no_import_cycles() -> None:
    visiting: list[str] = []
    done: set[str] = set()

    def visit(module: str) -> None:
        assert module not in visiting, " → ".join([*visiting[visiting.index(module):], module])
        if module in done:
            return
        visiting.append(module)
        for imported in GRAPH[module]:
            visit(imported)
        visiting.pop()
        done.add(module)

    for module in GRAPH:
        visit(module)


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_only_run_downwards(module: str) -> None:
    room = _room(module)
    upward = [imported for imported in GRAPH[module]
              if _room(imported) != room and LAYERS[_room(imported)] >= LAYERS[room]
              and not (room in CORE and _room(imported) in CORE) and imported not in SHARED_FROM_RENDER]
    assert upward == [], f"{module} imports from a layer at or above its own"


APPLIES = re.compile(r"\b(?!guidance\b|g\b)(\w+)\.(services|procedures|briefings)\b"
                     r"|\b(service|procedure|briefing)_by_id\b")


@pytest.mark.parametrize("source", sorted((PACKAGE / "render").glob("*.*")), ids=lambda p: p.name)
def test_render_asks_views_what_applies(source: Path) -> None:
    """Only the whole lists (guidance.services, g.procedures …) may be read directly, for index pages."""
    if source.suffix not in {".py", ".j2"}:
        return
    text = source.read_text(encoding="utf-8")
    assert APPLIES.findall(text) == []


def test_render_reaches_views() -> None:
    assert "views" in GRAPH["render.site"]


@pytest.mark.parametrize("name", sorted(_modules()))
def test_modules_and_functions_stay_small(name: str) -> None:
    path = _modules()[name]
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_MODULE_LINES
    long = [node.name for node in ast.walk(ast.parse(text))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and (node.end_lineno or node.lineno) - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert long == []
