"""The planner's record as the tools that start from a plan read it (the request, the team agreement): the
planner's own package says what its files mean, so no other module has to know their inside."""

from __future__ import annotations

from typing import Any

from ..forms import DAYS
from .schema import NAME

_PLACES = {"site": "office", "home": "home"}


def week(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]] | str:
    """The role typed into a planner record and its suggested week (day name -> "office" or "home"), or what is
    wrong with the record, as the end of a sentence: "holds no suggested week (...)"."""
    values, result = data["values"], data.get("result")
    role = values.get("role") if isinstance(values.get("role"), dict) else {}
    found = result.get("week") if isinstance(result, dict) else None
    if not isinstance(found, list) or not all(isinstance(d, dict) for d in found):
        return "holds no suggested week (it was saved before the plan was complete)"
    places = {d.get("day"): _PLACES.get(d.get("place")) for d in found}
    if any(day not in DAYS or place is None for day, place in places.items()):
        return "has a damaged suggested week (a day or a place is not one the planner writes)"
    return role, places


__all__ = ["NAME", "week"]
