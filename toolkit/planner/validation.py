"""Reading what was typed into the planner: the plan, or a plain message beside each field that will not do."""

from __future__ import annotations

from typing import Any

from .. import org as org_settings
from ..forms import (Errors, FieldError, choice, choices, clock, flag, fmt_clock, fmt_number, group_of,
                     hours_as_minutes, number, readable_rows, row_list, text, whole_number)
from .model import DAY_OPTIONS, DAYS, FOCUS, HOME_NEEDS, WHEN, WHERE, WHY, Activity, Commitment, Commute, Plan
from .commute import MODE_OPTIONS, own_factors
from .schema import DETAIL_LIMIT, MAX_ACTIVITIES, MAX_COMMITMENTS, NAME_LIMIT


def _hrs(minutes: int) -> str:
    return fmt_number(minutes / 60)


def validate(values: dict[str, Any], org: dict[str, Any]) -> Plan | list[FieldError]:
    """The plan, or a plain message on each field that will not do. Never raises, whatever it is given."""
    values = values if isinstance(values, dict) else {}
    org = org if isinstance(org, dict) else {}
    e = Errors()

    role = group_of(values, "role")
    # The name heads the downloaded plan, and the team agreement reads it from the record.
    name = e.take("role.name", text(role.get("name"), label="Your name or initials", max_length=NAME_LIMIT)) or ""
    contracted = e.take("role.hours", hours_as_minutes(role.get("hours"), "Contracted hours a week"))
    days = e.take("role.days", whole_number(role.get("days"), "Working days a week", 1, 7))
    start = e.take("role.start", clock(role.get("start"), label="Usual start"))
    finish = e.take("role.finish", clock(role.get("finish"), label="Usual finish"))
    if start is not None and finish is not None and finish <= start:
        e.add("role.finish", f"Your usual finish must be later than your usual start ({fmt_clock(start)}). "
                             "The planner works with days that start and finish on the same date.")
        finish = None

    defaults = org_settings.form_policy(org)
    team = group_of(values, "team")
    raw_anchors = team.get("anchor_days", defaults["anchor_days"])
    if isinstance(raw_anchors, (list, str)):
        anchors = e.take("team.anchor_days", choices(raw_anchors, label="Anchor days", options=DAY_OPTIONS))
    else:
        anchors = e.take("team.anchor_days", ([], "Choose only from the options for anchor days."))
    core, core_state = _core(team.get("core_start", defaults["core_start"]), team.get("core_end", defaults["core_end"]),
                             e)
    min_days = e.take("team.min_days", whole_number(team.get("min_days"), "Minimum days together a week", 0, 7,
                                              default=defaults["min_days"]))

    activities = _activities(values, e, start, finish, core_state)
    if contracted is not None and activities is not None:
        total = sum(a.minutes for a in activities)
        if total > contracted:
            e.add("activities", f"Your activities add up to {_hrs(total)} hours a week, more than your "
                                f"{_hrs(contracted)} contracted hours. Check the hours of each, "
                                "or your contracted hours.")

    commitments = _commitments(values, e)

    home = group_of(values, "home")
    missing = tuple(value for value, _ in HOME_NEEDS if not flag(home.get(value)))

    c = group_of(values, "commute")
    commute = Commute(
        minutes=e.take("commute.minutes", number(c.get("minutes"), label="Minutes each way", minimum=0,
                                                 maximum=720, required=False)),
        km=e.take("commute.km", number(c.get("km"), label="Distance each way", minimum=0, maximum=1000,
                                       required=False)),
        mode=e.take("commute.mode", choice(c.get("mode") or "car", label="How you usually travel",
                                            options=MODE_OPTIONS)) or "car",
        cost=e.take("commute.cost", number(c.get("cost"), label="Cost each way", minimum=0, maximum=10_000,
                                           required=False)),
    )
    if e.list:
        return e.list
    term = org.get("term") if isinstance(org.get("term"), str) else "flexible working"
    currency = org.get("currency") if isinstance(org.get("currency"), str) else ""
    factors, source = own_factors(org.get("policy") if isinstance(org.get("policy"), dict) else {})
    return Plan(term, currency[:5], name, org_settings.primary_colour(org), contracted, days, start, finish,
                tuple(activities), missing, tuple(commitments), commute, tuple(DAYS.index(d) for d in anchors),
                core, min_days, tuple(factors.items()), source)


def _core(raw_start: Any, raw_end: Any, e: Errors) -> tuple[tuple[int, int] | None, str]:
    """Core hours, and whether they are "set", "none" (both left empty) or in "error"."""
    if all(r is None or (isinstance(r, str) and not r.strip()) for r in (raw_start, raw_end)):
        return None, "none"
    before = len(e.list)
    cs = e.take("team.core_start", clock(raw_start, label="Core hours start"))
    ce = e.take("team.core_end", clock(raw_end, label="Core hours end"))
    if cs is not None and ce is not None and ce <= cs:
        e.add("team.core_end", "Core hours must end after they start.")
    if len(e.list) > before:
        return None, "error"
    return (cs, ce), "set"


def _activities(values: dict[str, Any], e: Errors, start: int | None, finish: int | None,
                core_state: str) -> list[Activity] | None:
    rows = row_list(values, "activities", MAX_ACTIVITIES, "activities", e)
    if not rows and not any(x.field == "activities" for x in e.list):
        e.add("activities", "Add at least one activity.")
    out: list[Activity] = []
    readable = list(readable_rows(rows, "activities", "Activity", "name", e))
    complete = len(readable) == len(rows)
    for i, at, n, row in readable:
        before = len(e.list)
        name = e.take(at + "name", text(row.get("name"), label="A name", required=True, max_length=NAME_LIMIT), n)
        minutes = e.take(at + "hours", hours_as_minutes(row.get("hours"), "Hours a week"), n)
        where = e.take(at + "where", choice(row.get("where"), label="Where it can happen", options=WHERE), n)
        why, detail = "", ""
        if where in ("base", "site"):
            why = e.take(at + "why", choice(row.get("why"), label="Why it has to happen there", options=WHY[1:]),
                         n) or ""
        detail = e.take(at + "detail", text(row.get("detail"), label="With whom, or what",
                                            max_length=DETAIL_LIMIT), n) or ""
        when = e.take(at + "when", choice(row.get("when"), label="When it can happen", options=WHEN), n)
        focus = e.take(at + "focus", choice(row.get("focus"), label="Concentration it needs", options=FOCUS), n)
        day = s0 = s1 = None
        if when == "core" and core_state == "none":
            e.add(at + "when", n + "there are no core hours below. Enter them, or choose another answer.")
        if when == "set":
            day_name = e.take(at + "day", choice(row.get("day"), label="The set day", options=DAY_OPTIONS), n)
            day = DAYS.index(day_name) if day_name else None
            s0 = e.take(at + "start", clock(row.get("start"), label="Set time from"), n)
            s1 = e.take(at + "end", clock(row.get("end"), label="Set time to"), n)
            if s0 is not None and s1 is not None:
                if s1 <= s0:
                    e.add(at + "end", n + "the set time must end after it starts.")
                elif start is not None and finish is not None and (s0 < start or s1 > finish):
                    e.add(at + "start", n + f"the set time {fmt_clock(s0)} to {fmt_clock(s1)} is outside your "
                                            f"usual day ({fmt_clock(start)} to {fmt_clock(finish)}). "
                                            "Change it, or your usual start and finish.")
                elif minutes is not None and minutes > s1 - s0:
                    e.add(at + "hours", n + f"{_hrs(minutes)} hours a week do not fit in its set time "
                                            f"({fmt_clock(s0)} to {fmt_clock(s1)}). Make the set time longer, "
                                            "or list the rest as another activity.")
        if len(e.list) > before:
            complete = False
            continue
        out.append(Activity(i, name, minutes, where, why, detail, when, day, s0, s1, focus))
    return out if complete else None


def _commitments(values: dict[str, Any], e: Errors) -> list[Commitment]:
    out = []
    rows = row_list(values, "commitments", MAX_COMMITMENTS, "commitments", e)
    for _, at, n, row in readable_rows(rows, "commitments", "Commitment", "day", e):
        day = e.take(at + "day", choice(row.get("day"), label="The day", options=DAY_OPTIONS), n)
        s0 = e.take(at + "start", clock(row.get("start"), label="From"), n)
        s1 = e.take(at + "end", clock(row.get("end"), label="To"), n)
        what = e.take(at + "what", text(row.get("what"), label="What it is", max_length=NAME_LIMIT), n)
        if s0 is not None and s1 is not None and s1 <= s0:
            e.add(at + "end", n + "it must end after it starts.")
        elif day and s0 is not None and s1 is not None and what is not None:
            out.append(Commitment(DAYS.index(day), s0, s1, what))
    return out
