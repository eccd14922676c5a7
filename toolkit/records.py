"""Saved records: the JSON a tool offers for download, and reading one back safely."""

from __future__ import annotations

import json
import re
from typing import Any, Callable

from .forms import FieldError

# A neutral name: a record carries no organisation's or product's name into a fork's files.
FORMAT = "toolkit-record"
# Records saved before the name changed still load.
EARLIER_FORMATS = ("smart-working-toolkit",)
VERSION = 1
# A real record is a few kilobytes; this leaves room for long notes and 40 rows while refusing
# anything that could make the page hang.
MAX_CHARS = 200_000
MAX_DEPTH = 6
MAX_ITEMS = 500
MAX_STRING = 5_000

IMPORT = "import"  # the field name errors about an imported file are shown beside


class NotStrictJSON(ValueError):
    """JSON that parses somewhere but not here: too deep, or holding NaN, Infinity or a number out of range."""


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")


def _too_deep(text: str, limit: int) -> bool:
    """Whether brackets outside strings nest deeper than `limit`: checked before parsing, because parsing a file
    nested thousands deep overflows the stack of Python in the browser, which kills it until the page reloads.
    Strings are taken out first, so only the brackets are counted one by one (it runs on every recompute)."""
    depth = 0
    for match in _BRACKET.finditer(_STRING.sub("", text)):
        depth += 1 if match.group() in "[{" else -1
        if depth > limit:
            return True
    return False


def _no_constant(name: str) -> Any:
    raise NotStrictJSON(f"it holds {name}, which is not a number JSON allows")


def _finite(literal: str) -> float:
    value = float(literal)
    if value in (float("inf"), float("-inf")):
        raise NotStrictJSON(f"it holds the number {literal[:20]}, which is too large")
    return value


def strict_json(text: str, max_depth: int = MAX_DEPTH + 4) -> Any:
    """Parse JSON as the standard says it: no NaN or Infinity, no number too large for a float, and not nested
    deeper than `max_depth`. Raises NotStrictJSON (with the reason in words) or ValueError."""
    if _too_deep(text, max_depth):
        raise NotStrictJSON("it is nested too deeply")
    return json.loads(text, parse_constant=_no_constant, parse_float=_finite)


def make(tool: str, title: str, values: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
    """The downloadable record: what was typed (to load back) and what was worked out (to read)."""
    return {"format": FORMAT, "version": VERSION, "tool": tool, "title": title, "values": values, "result": result}


def read(text: Any, tool: str, fixed: dict[str, Any],
         takes: dict[str, Callable[[dict[str, Any]], dict[str, Any] | str]] | None = None
         ) -> dict[str, Any] | list[FieldError]:
    """The typed values inside a record file, or plain reasons why it cannot be loaded on this page.

    `takes` maps other tools' names to how this tool starts from their records (the request from a plan):
    each gives the values to fill in, or why that record will not do."""
    data = open_record(text, (tool, *(takes or {})))
    if isinstance(data, str):
        return [FieldError(IMPORT, data)]
    if data["tool"] != tool:
        taken = (takes or {})[data["tool"]](data)
        return [FieldError(IMPORT, taken)] if isinstance(taken, str) else taken
    values = data["values"]
    for key, expected in fixed.items():
        if values.get(key) != expected:
            return [FieldError(IMPORT, f"The record belongs to a different page ({key} “{values.get(key)}”), "
                                       "so it cannot be loaded here.")]
    return values


def open_record(text: Any, tool: str | tuple[str, ...]) -> dict[str, Any] | str:
    """A whole record of `tool` (or of one of several), its values and its result, checked like typed input; or
    why it will not do.

    A tool that takes in another tool's record (the team agreement reads the planner's) comes through here."""
    def bad(message: str) -> str:
        return message

    if not isinstance(text, str) or not text.strip():
        return bad("The file is empty. Choose a record saved from this page.")
    if len(text) > MAX_CHARS:
        return bad(f"The file is too large to be a saved record ({len(text):,} characters; the limit is {MAX_CHARS:,}).")
    try:
        data = strict_json(text)
    except NotStrictJSON as exc:
        return bad(f"The file is not a saved record: {exc}.")
    except ValueError:
        return bad("The file is not a saved record: it is not valid JSON.")
    if not isinstance(data, dict) or data.get("format") not in (FORMAT, *EARLIER_FORMATS) or not isinstance(data.get("values"), dict):
        return bad("The file is not a record saved by this toolkit.")
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        return bad(f"The record was saved by a newer version of the toolkit (format {version}); this page reads "
                   f"format {VERSION}. Open it on the site it came from, or ask for this site to be updated.")
    if version != VERSION:
        return bad(f"The record is in a format this page does not know (version {version!r}).")
    if data.get("tool") not in ((tool,) if isinstance(tool, str) else tool):
        return bad("The record was saved from a different tool, so it cannot be loaded here.")
    # What was typed is held to the form's limits; what was worked out (long findings) only to plain data.
    problem = _shape_problem(data["values"], 0) or _shape_problem(data.get("result"), 0, MAX_CHARS)
    if problem:
        return bad(f"The record cannot be loaded: {problem}.")
    return data


def shape_problem(value: Any) -> str | None:
    """Why a value is not plain form data within a record's limits, or None: links are held to the same."""
    return _shape_problem(value, 0)


def _shape_problem(value: Any, depth: int, longest: int = MAX_STRING) -> str | None:
    """Why a value is not plain form data (text, ticks, lists and groups of them), or None."""
    if depth > MAX_DEPTH:
        return "it is nested too deeply"
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return None
    if isinstance(value, str):
        return f"a value is longer than {longest:,} characters" if len(value) > longest else None
    if isinstance(value, (list, dict)):
        if len(value) > MAX_ITEMS:
            return f"a list has more than {MAX_ITEMS} entries"
        items = value.values() if isinstance(value, dict) else value
        if isinstance(value, dict) and any(not isinstance(k, str) for k in value):
            return "it has a malformed key"
        for item in items:
            problem = _shape_problem(item, depth + 1, longest)
            if problem:
                return problem
        return None
    return "it holds a value of an unknown kind"
