"""A request starts from a plan: the planner's JSON download fills in the name, hours and the week.

The planner's record is read through `records`, like any typed input: this package never imports the planner."""

from __future__ import annotations

from typing import Any

from ..forms import fmt_number
from ..requests.model import DAY_KEYS
from ..forms import DAYS

PLACE_FROM_PLANNER = {"site": "office", "home": "home"}


def from_plan(data: dict[str, Any]) -> dict[str, Any] | str:
    """The request's answers from a where & when plan, or why the plan will not do."""
    values, result = data["values"], data.get("result")
    role = values.get("role") if isinstance(values.get("role"), dict) else {}
    week = result.get("week") if isinstance(result, dict) else None
    if not isinstance(week, list) or not all(isinstance(d, dict) for d in week):
        return "The plan holds no suggested week (it was saved before the plan was complete). Finish it in the planner and download it again."
    places = {d.get("day"): PLACE_FROM_PLANNER.get(d.get("place")) for d in week}
    if any(day not in DAYS or place is None for day, place in places.items()):
        return "The plan's suggested week is damaged (a day or a place is not one the planner writes)."
    hours = result.get("hours") if isinstance(result.get("hours"), dict) else {}
    request: dict[str, Any] = {
        "employee": role.get("name") if isinstance(role.get("name"), str) else "",
        "hours_now": role.get("hours") if isinstance(role.get("hours"), str) else "",
        "start_time": role.get("start") if isinstance(role.get("start"), str) else "",
        "finish_time": role.get("finish") if isinstance(role.get("finish"), str) else "",
        "week": {key: places.get(day) or "" for key, day in zip(DAY_KEYS, DAYS)},
    }
    total, anywhere = hours.get("total"), hours.get("place_flexible")
    if isinstance(total, (int, float)) and isinstance(anywhere, (int, float)) and total > 0:
        home_days = sum(1 for p in places.values() if p == "home")
        request["how_it_works"] = (
            f"I planned this week with the where & when planner. Of my {fmt_number(round(total, 2))} working hours "
            f"a week, {fmt_number(round(anywhere, 2))} are work that can be done well away from the office; the "
            f"{home_days} day{'s' if home_days != 1 else ''} at home hold that work, and the office days keep the "
            "work that needs people together.")
    return {"request": request, "previous": []}


TAKES = {"where_when": from_plan}
