"""The planner under generated input: nothing escapes validate, and every suggested week keeps its promises."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import bridge, forms, org, planner
from toolkit.safe import esc
from toolkit.planner.commute import MODE_OPTIONS
from toolkit.planner.model import DAYS, Plan
from toolkit.planner.week import overlaps

ORG = org.merge({})
DAYS = DAYS
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


json_leaf = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30)
json_value = st.recursive(json_leaf, lambda inner: st.lists(inner, max_size=5)
                          | st.dictionaries(st.text(max_size=10), inner, max_size=5), max_leaves=30)
# Typed text of every kind, markup included, for names and notes.
typed = (st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(str.strip)
         | st.text(max_size=10).map(lambda t: "<img src=x onerror=alert(1)>" + t))


@st.composite
def planner_values(draw):
    """Form values that pass validate: a role, 1 to 40 activities within it, commitments, a team."""
    start = draw(st.integers(0, 80)) * 15
    finish = draw(st.integers(start // 15 + 1, 96)) * 15
    with_core = draw(st.booleans())
    activities = []
    for _ in range(draw(st.integers(1, 40))):
        when = draw(st.sampled_from(["any", "core", "set"] if with_core else ["any", "set"]))
        where = draw(st.sampled_from(["anywhere", "base", "site"]))
        row = {"name": draw(typed), "where": where,
               "why": "" if where == "anywhere" else draw(st.sampled_from(["contact", "equipment", "security",
                                                                            "cover", "habit"])),
               "detail": draw(st.just("") | typed), "when": when, "focus": draw(st.sampled_from(["low", "medium",
                                                                                               "high"]))}
        quarters = draw(st.integers(1, 16))  # up to 4 hours: 40 rows stay within the 168-hour week
        if when == "set":
            s0 = draw(st.integers(start // 15, finish // 15 - 1)) * 15
            s1 = draw(st.integers(s0 // 15 + 1, finish // 15)) * 15
            quarters = min(quarters, (s1 - s0) // 15)
            row.update(day=draw(st.sampled_from(DAYS)), start=clock(s0), end=clock(s1))
        row["hours"] = str(quarters / 4)
        activities.append(row)
    total_quarters = sum(round(float(a["hours"]) * 4) for a in activities)
    contracted = min(168 * 4, total_quarters + draw(st.integers(0, 40))) / 4
    commitments = []
    for _ in range(draw(st.integers(0, 6))):
        c0 = draw(st.integers(0, 95)) * 15
        c1 = draw(st.integers(c0 // 15 + 1, 96)) * 15
        commitments.append({"day": draw(st.sampled_from(DAYS)), "start": clock(c0), "end": clock(c1),
                            "what": draw(st.just("") | typed)})
    core = ("", "")
    if with_core:
        k0 = draw(st.integers(0, 94)) * 15
        core = (clock(k0), clock(draw(st.integers(k0 // 15 + 1, 96)) * 15))
    home = draw(st.booleans())
    return {
        "role": {"hours": str(contracted), "days": str(draw(st.integers(1, 7))), "start": clock(start),
                 "finish": clock(finish)},
        "activities": activities,
        "home": {"space": home, "connection": home, "equipment": home or draw(st.booleans())},
        "commitments": commitments,
        "commute": {"minutes": str(draw(st.integers(0, 120))), "km": str(draw(st.integers(0, 100))),
                    "mode": draw(st.sampled_from([m for m, _ in MODE_OPTIONS])), "cost": "3.5"},
        "team": {"anchor_days": draw(st.lists(st.sampled_from(DAYS), unique=True, max_size=3)),
                 "core_start": core[0], "core_end": core[1], "min_days": str(draw(st.integers(0, 7)))},
    }


@SETTINGS
@given(st.dictionaries(st.sampled_from(["role", "activities", "home", "commitments", "commute", "team", "x"]),
                       json_value))
def test_arbitrary_json_never_makes_validate_raise(values):
    result = planner.validate(values, ORG)
    if isinstance(result, list):
        assert all(isinstance(e, forms.FieldError) and e.message for e in result)
    else:
        planner.render(planner.compute(result), values)


@SETTINGS
@given(planner_values(), st.sampled_from(["role", "activities", "commitments", "commute", "team", "home"]),
       json_value)
def test_a_valid_form_with_one_part_replaced_by_anything_never_raises(values, part, junk):
    answer = json.loads(bridge.handle(json.dumps({"tool": "planner", "values": {**values, part: junk}})))
    assert "failure" not in answer, answer.get("detail")


@SETTINGS
@given(planner_values())
def test_every_suggested_week_keeps_its_promises(values):
    plan = planner.validate(values, ORG)
    assert isinstance(plan, Plan), plan
    result = planner.compute(plan)
    week = result.week
    assert len(week.working()) == plan.days

    # No day holds more than it has: the usual day, less fixed commitments.
    for day in week.days:
        assert day.minutes <= day.limit <= plan.finish - plan.start
        assert day.working or not day.slots

    # Nothing is lost: what is placed and what is reported as not placed add up to the total, activity by activity.
    assert week.placed() + week.unplaced_minutes() == result.total
    for a in plan.activities:
        placed = sum(s.minutes for d in week.days for s in d.slots if s.activity is a)
        assert placed + sum(u.minutes for u in week.unplaced if u.activity is a) == a.minutes
        if a.when == "set" and placed:
            (where,) = [d for d in week.days for s in d.slots if s.activity is a]
            assert where.day == a.day

    # Flexible windows stay inside the usual day and clear of every fixed commitment.
    for day in week.working():
        for window in day.windows:
            assert plan.start <= window[0] < window[1] <= plan.finish
            for c in plan.commitments:
                assert c.day != day.day or not overlaps(window, (c.start, c.end))

    # Place-bound work is only on days together; home days only when there is a place to work at home.
    for day in week.working():
        if day.place == "home":
            assert plan.home_ok
            assert not any(s.activity.place_bound for s in day.slots)
    together = sum(1 for d in week.working() if d.place == "site")
    assert together >= min(plan.min_days, plan.days)

    # The team's anchor days never change which part of the week is worked: as many weekend days without them.
    without = planner.compute(planner.validate({**values, "team": {**values["team"], "anchor_days": []}}, ORG))
    assert sum(d.working for d in week.days[5:]) == sum(d.working for d in without.week.days[5:])
    # A note names only working days and anchor days, and an anchor day off the week is said beside the field.
    named = {d for n in week.notes for d in DAYS if d in n}
    assert named <= {DAYS[d.day] for d in week.days if d.working or d.anchor}
    off = [d for d in week.days if d.anchor and not d.working]
    assert [f for f, _ in week.checks] == (["team.anchor_days"] if off else [])

    rendered = planner.render(result, values)
    assert rendered.notes == week.checks
    assert "<script" not in rendered.html.lower() and "<img" not in rendered.html
    for a in plan.activities:
        assert esc(a.name) in rendered.html
