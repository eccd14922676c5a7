"""A decision record starts from the employee's request file: the two tools ask the same request questions
(toolkit.flexible_working.fields), so the request's answers carry over as they are."""

from __future__ import annotations

from typing import Any


def from_request(data: dict[str, Any]) -> dict[str, Any] | str:
    values = data["values"]
    request = values.get("request")
    if not isinstance(request, dict):
        return "The request file holds no request. Ask the employee for the JSON file the request page gave them."
    result = data.get("result") if isinstance(data.get("result"), dict) else {}
    if not request.get("made") and isinstance(result.get("made"), str):  # left empty, it was dated the day it was made
        request = {**request, "made": result["made"]}
    return {"request": request, "previous": values.get("previous") if isinstance(values.get("previous"), list) else []}


TAKES = {"request": from_request}
