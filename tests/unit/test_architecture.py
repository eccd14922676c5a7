"""ARCHITECTURE.md kept true: its tables are read and checked against the code, so a change that makes the page
wrong fails here. Paths it names exist; the tools, core modules and tool parts it lists are the code's; every
tool has its parts, its page, its example and its tests under one name; the "may import" column holds, the
toolkit imports the standard library only, and nothing imports in a circle."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from toolkit import tools

DOC = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
TOOLKIT = ROOT / "toolkit"


def table(heading: str) -> list[list[str]]:
    """The rows of the first table under `## heading`, as lists of cells."""
    section = DOC.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


def ticked(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def layout_row(path: str) -> list[str]:
    return next(row for row in table("Layout") if ticked(row[0]) == [path])


# ---------------------------------------------------------------- what the page says exists

def test_every_path_the_page_names_exists():
    roots = ("toolkit/", "sitebuild/", "docs/", "tests/", "templates/", "deploy/", "bench/", "overrides/")
    paths = {p for p in re.findall(r"`([\w./-]+)`", DOC) if p.startswith(roots)}
    files = {p for p in re.findall(r"`([\w-]+\.(?:py|mjs|js|yml|toml|css))`", DOC)}
    walkthrough = {p for p in paths | files if "day_length" in p or "day-length" in p}  # its throwaway example
    skipped = {".venv", "node_modules", "site", ".git", ".cache"}  # installed, or made by a build
    everywhere = {p.name for p in ROOT.rglob("*") if not skipped & set(p.relative_to(ROOT).parts)}
    everywhere |= {"brand.css"}  # the one file the page names that the build makes (sitebuild/orgfile.py)
    missing = sorted(p for p in paths - walkthrough if not (ROOT / p.rstrip("/")).exists())
    missing += sorted(f for f in files - walkthrough if f not in everywhere)
    assert not missing, f"ARCHITECTURE.md names paths that do not exist: {missing}"


def test_the_tools_listed_are_the_tools_found():
    listed = [name.rstrip("/") for name in ticked(layout_row("toolkit/<tool>/")[1])]
    assert sorted(listed) == list(tools.names())


def test_the_core_modules_listed_are_the_core():
    listed = set(ticked(layout_row("toolkit/*.py")[1])) - {"Rendered"}
    core = {p.stem for p in TOOLKIT.glob("*.py") if p.stem not in ("__init__", "__main__")}
    assert listed == core


# ---------------------------------------------------------------- one shape for every tool

PARTS = {ticked(row[0])[0].removesuffix(".py"): row[1] == "yes" for row in table("A tool")}


@pytest.mark.parametrize("name", tools.names())
def test_every_tool_has_the_same_parts_and_no_others(name):
    package = TOOLKIT / name
    modules = {p.stem for p in package.glob("*.py")}
    assert {part for part, always in PARTS.items() if always} <= modules, "a part every tool has is missing"
    assert modules <= set(PARTS), f"a module the page's table of parts does not name: {modules - set(PARTS)}"
    module = tools.module(name)
    for export in ("NAME", "form", "example", "validate", "compute", "render"):
        assert hasattr(module, export), export
    assert module.NAME == name


@pytest.mark.parametrize("name", tools.names())
def test_every_tool_has_one_name_from_package_to_page_example_and_tests(name):
    from toolkit import org

    assert tools.module(name).form(org.merge({})).tool == name  # data-tool
    assert (ROOT / "templates" / "examples" / f"{name}.json").is_file() or name == "checklist"
    assert (ROOT / "tests" / "unit" / f"test_{name}.py").is_file()
    assert (ROOT / "tests" / "browser" / f"test_{name}_page.py").is_file()
    if name == "checklist":  # one page per checklist file, made by the build when it has none
        assert (ROOT / "docs" / "checklists").is_dir()
    else:
        page = ROOT / "docs" / "tools" / f"{tools.slug(name)}.md"
        assert f'tool("{name}")' in page.read_text(encoding="utf-8")


# ---------------------------------------------------------------- who may import whom

def imports(path: Path) -> set[str]:
    """The toolkit modules (and top-level outside modules) one file imports, at any depth of the file."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([node.module] if node.module else []))
            for alias in node.names:  # `from .. import now` imports the module toolkit.now
                candidate = f"{base}.{alias.name}"
                as_module = ROOT / (candidate.replace(".", "/") + ".py")
                as_package = ROOT / candidate.replace(".", "/") / "__init__.py"
                found.add(candidate if as_module.exists() or as_package.exists() else base)
    return found - {"__future__"}


MODULES = {".".join(p.relative_to(ROOT).with_suffix("").parts): p for p in TOOLKIT.rglob("*.py")}
GRAPH = {name: imports(path) for name, path in MODULES.items()}


def layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 2:
        return "core"
    return "flexible_working" if parts[1] == "flexible_working" else "tool"


def allowed(importer: str, imported: str) -> bool:
    """The page's "may import" column, for toolkit modules."""
    rule = set(ticked(layout_row({"core": "toolkit/*.py", "tool": "toolkit/<tool>/",
                                   "flexible_working": "toolkit/flexible_working/"}[layer(importer)])[2]))
    if imported == "toolkit" or layer(imported) in rule:
        return True
    own = importer.split(".")[1]
    if layer(importer) == "tool" and imported.split(".")[1] == own and "its own package" in layout_row(
            "toolkit/<tool>/")[2]:
        return True
    return layer(imported) == "tool" and imported.endswith(".record") and "record" in rule


def test_each_module_imports_only_what_the_page_allows():
    wrong = [f"{a} imports {b}" for a, targets in GRAPH.items() for b in targets
             if b.startswith("toolkit") and not allowed(a, b)]
    assert not wrong, wrong


def test_the_toolkit_imports_the_standard_library_only():
    outside = {b.split(".")[0] for targets in GRAPH.values() for b in targets if not b.startswith("toolkit")}
    assert outside <= set(sys.stdlib_module_names) | {"js"}, outside - set(sys.stdlib_module_names)  # js: Pyodide's


def test_no_module_of_the_toolkit_imports_in_a_circle():
    edges = {a: {b for b in targets if b in MODULES and not b.endswith("__init__")} for a, targets in GRAPH.items()}
    # A package's __init__ re-exports its modules; a module importing its own package is taken as importing the
    # module it names, so the edges above are between modules.
    state: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                pytest.fail("import cycle: " + " -> ".join(path[path.index(nxt):] + [nxt]))
            if nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = "done"

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])


def test_a_core_module_never_imports_a_tool():
    wrong = [f"{a} imports {b}" for a, targets in GRAPH.items() if layer(a) == "core" for b in targets
             if b.startswith("toolkit.") and layer(b) == "tool"]
    assert not wrong, wrong
