"""The JSON bridge: the one function the browser's worker calls (and pytest calls the same way)."""

from __future__ import annotations

import json
from typing import Any

from . import links, now, records, tools
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
    org = org_settings.merge(request.get("context") if isinstance(request.get("context"), dict) else {})
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
        return tool.import_rows(request.get("repeat"), request.get("files"), request.get("count"),
                                current=request.get("current"), org=org)
    if action == "open_link":
        return _open_link(tool, request.get("text"), org)
    values = request.get("values")
    if not isinstance(values, dict):
        return _errors([FieldError("", "The form sent nothing to work with.")])
    if action == "link":
        return _make_link(tool, request.get("kind"), values, org)
    model = tool.validate(values, org)
    if isinstance(model, list):
        return _errors(model)
    rendered = tool.render(tool.compute(model), values)
    if action == "download":  # one file, made when the person asks for it
        made = rendered.download(request.get("filename"))
        return {"ok": True, "download": made} if made else _errors([FieldError("", "There is no such download.")])
    # The page asks with "lazy": the downloads are listed now and made on a click (action "download").
    return rendered.to_dict(contents=request.get("lazy") is not True)


def _make_link(tool: Any, kind: Any, values: dict[str, Any], org: dict[str, Any]) -> dict[str, Any]:
    """A link carrying what the tool shares of the form (toolkit.links), with what it holds in words, and the same
    as a small file for a channel that mangles long links. A draft may be incomplete: nothing is validated."""
    if kind not in {k for k, _, _ in tool.form(org).links}:
        return _errors([FieldError("link", "This page does not make that kind of link.")])
    made = tool.make_link(kind, values, org) if hasattr(tool, "make_link") else {
        "payload": links.share_draft(values), "contains": links.DRAFT["contains"], "file": f"{tool.NAME}-draft"}
    if isinstance(made, str):
        return _errors([FieldError("link", made)])
    fragment = links.make(kind, tool.NAME, made["payload"], org)
    if len(fragment) > links.MAX_CHARS:
        return _errors([FieldError("link", f"This would make a link too long to pass on ({len(fragment):,} "
                                           f"characters; the limit is {links.MAX_CHARS:,}). Download the JSON "
                                           "record and send that instead.")])
    file = {"filename": f"{made['file']}-link.json", "mime": "application/json",
            "content": json.dumps({"format": links.FILE_FORMAT, "version": links.VERSION, "link": fragment},
                                  indent=2, ensure_ascii=False)}
    return {"ok": True, "fragment": fragment, "contains": made["contains"], "file": file}


def _open_link(tool: Any, text: Any, org: dict[str, Any]) -> dict[str, Any]:
    """What the link the page was opened with puts in the form, or why it cannot be opened (beside the links)."""
    link = links.read(text, tool.NAME, org, "The link this page was opened with")
    if isinstance(link, str):
        return _errors([FieldError("link", link)])
    opened = links.open_draft(link) if link.kind == "draft" else (
        tool.open_link(link, org) if hasattr(tool, "open_link") else "This page does not open that kind of link.")
    if isinstance(opened, str):
        return _errors([FieldError("link", opened)])
    return {"ok": True, **opened}
