"""Working out the planner's result: shares of flexible hours, the suggested week, what a home day saves."""

from __future__ import annotations

from .commute import savings
from .model import Plan, Result
from .week import suggest


def compute(plan: Plan) -> Result:
    """Shares of flexible hours, the suggested week and what a home day saves. Pure: no I/O."""
    acts = plan.activities
    week = suggest(plan)
    home_days = sum(1 for d in week.days if d.place == "home")
    return Result(
        plan=plan,
        total=sum(a.minutes for a in acts),
        place_flexible=sum(a.minutes for a in acts if not a.place_bound),
        time_flexible=sum(a.minutes for a in acts if a.when == "any"),
        both_flexible=sum(a.minutes for a in acts if not a.place_bound and a.when == "any"),
        core_bound=sum(a.minutes for a in acts if a.when == "core"),
        habit_bound=sum(a.minutes for a in acts if a.place_bound and a.why == "habit"),
        week=week,
        savings=savings(plan.commute, home_days, dict(plan.factors)),
    )
