"""The toolkit's tools, found rather than listed (a tool is a package of `toolkit` with a `schema` module), and
the one way every tool makes its form and its example.

Its package name is its name everywhere: `toolkit/team_agreement/` is `data-tool="team_agreement"`, the page
`docs/tools/team-agreement.md`, the example `templates/examples/team_agreement.json` and the tests
`tests/unit/test_team_agreement.py`. Adding a tool is adding those files; nothing here or elsewhere lists it."""

from __future__ import annotations

import functools
import importlib
import json
import pkgutil
import sys
from types import ModuleType
from typing import Any

import toolkit

from . import records, templates
from .forms import ToolForm


@functools.cache
def names() -> tuple[str, ...]:
    """Every tool's name, sorted: the packages of toolkit that have a schema, found without importing them.
    Python restored from the memory snapshot has the modules in memory but not their files: those count too."""
    found = {name.split(".")[1] for name in sys.modules if name.startswith("toolkit.") and name.endswith(".schema")
             and name.count(".") == 2}
    for package in pkgutil.iter_modules(toolkit.__path__):
        if package.ispkg and any(m.name == "schema" for m in pkgutil.iter_modules(
                [f"{toolkit.__path__[0]}/{package.name}"])):
            found.add(package.name)
    return tuple(sorted(found))


def module(name: str) -> ModuleType:
    """The package of a tool; KeyError for a name the toolkit does not have."""
    if name not in names():
        raise KeyError(name)
    return importlib.import_module(f"toolkit.{name}")


def slug(name: str) -> str:
    """A tool's name as its page's address has it: team_agreement -> team-agreement."""
    return name.replace("_", "-")


def tool_form(name: str, fields: list[Any], result_heading: str, result_placeholder: str, *,
              example: dict[str, Any] | None = None, draft_key: str = "",
              links: tuple[tuple[str, str, str], ...] = (), former_names: tuple[str, ...] = ()) -> ToolForm:
    """A tool's form as every tool makes it: drafts kept under the tool's name (or `draft_key`), a loaded record
    limited to what `records` reads, the example offered when there is one, and drafts kept under the tool's
    `former_names` moved to its name."""
    return ToolForm(tool=name, draft_key=draft_key or name, fields=fields, result_heading=result_heading,
                    result_placeholder=result_placeholder, example=example, import_limit=records.MAX_CHARS, links=links,
                    former_names=former_names)


def example(name: str) -> dict[str, Any]:
    """A tool's example: `templates/examples/<name>.json`, data an organisation may replace."""
    return json.loads(templates.read(f"examples/{name}.json"))
