"""A request starts from a plan: the planner's JSON download fills in the name, hours and the week.

The planner's record is read through `records`, like any typed input: this package never imports the planner."""

from __future__ import annotations

from typing import Any

from ..planner import record as planner_record  # a tool reads another's files only through its record module
from ..forms import DAYS, fmt_number
from ..flexible_working.model import DAY_KEYS



def from_plan(data: dict[str, Any]) -> dict[str, Any] | str:
    """The request's answers from a where & when plan, or why the plan will not do."""
    week = planner_record.week(data)
    if isinstance(week, str):
        return f"The plan {week}. Finish it in the planner and download it again."
    role, places = week
    result = data.get("result") if isinstance(data.get("result"), dict) else {}
    hours = result.get("hours") if isinstance(result.get("hours"), dict) else {}
    request: dict[str, Any] = {
        "employee": role.get("name") if isinstance(role.get("name"), str) else "",
        "hours_now": role.get("hours") if isinstance(role.get("hours"), str) else "",
        # The plan's usual start and finish are today's hours, not a change: the times asked for stay empty.
        "week": {key: places.get(day) or "" for key, day in zip(DAY_KEYS, DAYS)},
    }
    total, anywhere = hours.get("total"), hours.get("place_flexible")
    if isinstance(total, (int, float)) and isinstance(anywhere, (int, float)) and total > 0:
        home_days = sum(1 for p in places.values() if p == "home")
        request["how_it_works"] = (
            f"Of my {fmt_number(round(total, 2))} working hours "
            f"a week, {fmt_number(round(anywhere, 2))} are work that can be done well away from the office; the "
            f"{home_days} day{'s' if home_days != 1 else ''} at home hold that work, and the office days keep the "
            "work that needs people together.")
    return {"request": request, "previous": []}


TAKES = {planner_record.NAME: from_plan}
