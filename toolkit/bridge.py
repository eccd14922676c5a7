"""The JSON bridge: the one function the browser's worker calls (and pytest calls the same way)."""

from __future__ import annotations

import json
from typing import Any

from . import now, records, tools
from . import org as org_settings
from .forms import FieldError


# A form's values nest a few levels (channels.urgent.channel inside values inside the request).
REQUEST_DEPTH = 12


def handle(request_json: str) -> str:
    """Answer one request `{tool, action, values, context, today, fixed|text}` with a JSON string; never raises."""
    try:
        # Strict both ways: the page's JSON.parse refuses NaN and Infinity, so they never go out, and a
        # request nested too deep is refused before parsing could overflow the stack.
        try:
            request = records.strict_json(request_json, max_depth=REQUEST_DEPTH)
        except records.NotStrictJSON as exc:
            return json.dumps(_errors([FieldError("", f"The form sent something this page cannot read: {exc}.")]))
        # The page sends its own date: the reader's day, not the worker's (which may be UTC).
        today = now.read(request.get("today")) if isinstance(request, dict) else None
        with now.pinned(today):
            return json.dumps(_dispatch(request), ensure_ascii=False, allow_nan=False)
    except Exception:  # a bug of ours: say so plainly, keep the details for the console
        import traceback  # only on failure: every import costs boot time in the browser

        answer = {"ok": False, "errors": [], "failure": "Something went wrong while working this out.",
                  "detail": traceback.format_exc(limit=5)}
    return json.dumps(answer, ensure_ascii=False)


def _errors(errors: list[FieldError]) -> dict[str, Any]:
    return {"ok": False, "errors": [e.to_dict() for e in errors]}


def _dispatch(request: Any) -> dict[str, Any]:
    if not isinstance(request, dict) or not isinstance(request.get("tool"), str) or request["tool"] not in tools.names():
        return _errors([FieldError("", "This page asked for a tool the toolkit does not have.")])
    tool = tools.module(request["tool"])
    action = request.get("action", "compute")
    if action == "import":
        fixed = request.get("fixed") if isinstance(request.get("fixed"), dict) else {}
        # A tool may start from another tool's record (TAKES: tool name -> values from that record).
        values = records.read(request.get("text"), request["tool"], fixed, getattr(tool, "TAKES", None))
        if isinstance(values, list):
            return _errors(values)
        # A tool may make more of a loaded record (the team agreement keeps it as the agreement it revises).
        return {"ok": True, "values": tool.imported(values) if hasattr(tool, "imported") else values}
    if action == "import_rows":
        if not hasattr(tool, "import_rows"):
            return _errors([FieldError("", "This tool does not take rows from files.")])
        return tool.import_rows(request.get("repeat"), request.get("files"), request.get("count"))
    values = request.get("values")
    if not isinstance(values, dict):
        return _errors([FieldError("", "The form sent nothing to work with.")])
    org = org_settings.merge(request.get("context") if isinstance(request.get("context"), dict) else {})
    model = tool.validate(values, org)
    if isinstance(model, list):
        return _errors(model)
    rendered = tool.render(tool.compute(model), values)
    if action == "download":  # one file, made when the person asks for it
        made = rendered.download(request.get("filename"))
        return {"ok": True, "download": made} if made else _errors([FieldError("", "There is no such download.")])
    # The page asks with "lazy": the downloads are listed now and made on a click (action "download").
    return rendered.to_dict(contents=request.get("lazy") is not True)
