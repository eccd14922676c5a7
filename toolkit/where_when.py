"""The where & when planner: which work can happen where and when, a suggested week, and what it changes.

The form is declared here; the week is worked out in where_when_week, the commute in where_when_commute, and
the page and documents are written in where_when_render."""

from __future__ import annotations

import json
from typing import Any

from . import records, templates
from .forms import (Field, FieldError, Group, Repeat, ToolForm, choice, choices, clock, flag, fmt_clock,
                    fmt_number, number, text)
from .render import Rendered
from .where_when_commute import MODE_OPTIONS, savings
from .where_when_model import (DAY_OPTIONS, DAYS, FOCUS, HOME_NEEDS, WHEN, WHERE, WHY, Activity, Commitment,
                               Commute, Plan, Result)
from .where_when_week import suggest

NAME = "where_when"
EXAMPLE = "examples/where_when.json"
MAX_ACTIVITIES = 40
MAX_COMMITMENTS = 20
WEEK_HOURS = 168
NAME_LIMIT = 80
DETAIL_LIMIT = 120


# ---------------------------------------------------------------- the form

def _policy(org: dict[str, Any]) -> tuple[list[str], str, str, str]:
    """The organisation's anchor days, core hours and minimum days together, as the form's defaults."""
    policy = org.get("policy") if isinstance(org.get("policy"), dict) else {}
    raw_days = policy.get("anchor_days") if isinstance(policy.get("anchor_days"), list) else []
    names = {d.lower(): d for d in DAYS}
    anchors = [names[d.strip().lower()] for d in raw_days if isinstance(d, str) and d.strip().lower() in names]
    core = policy.get("core_hours") if isinstance(policy.get("core_hours"), dict) else {}
    start = core.get("start") if isinstance(core.get("start"), str) else ""
    end = core.get("end") if isinstance(core.get("end"), str) else ""
    min_days = policy.get("min_days_together")
    min_days = str(min_days) if isinstance(min_days, int) and not isinstance(min_days, bool) else "1"
    return anchors, start, end, min_days


def form(org: dict[str, Any]) -> ToolForm:
    anchors, core_start, core_end, min_days = _policy(org)
    activity = (
        Field("name", "Activity", hint="A few words, e.g. “Processing invoices”.", width="l",
              max_length=NAME_LIMIT),
        Field("hours", "Hours a week", kind="number", width="s", suffix="hours"),
        Field("where", "Where it can happen", kind="select", options=WHERE, default="anywhere"),
        Field("why", "Why it has to happen there", kind="select", options=WHY, default="",
              shown_when=("where", ("base", "site"))),
        Field("detail", "With whom, or what (optional)", width="l", max_length=DETAIL_LIMIT,
              hint="e.g. “visitors at reception”, “the paper case files”."),
        Field("when", "When it can happen", kind="select", options=WHEN, default="any"),
        Field("day", "Set day", kind="select", options=(("", "No set day"),) + DAY_OPTIONS, default="",
              shown_when=("when", ("set",))),
        Field("start", "Set time from", kind="time", width="s", hint="e.g. 10:00.", shown_when=("when", ("set",))),
        Field("end", "Set time to", kind="time", width="s", hint="e.g. 11:00.", shown_when=("when", ("set",))),
        Field("focus", "Concentration it needs", kind="select", options=FOCUS, default="medium"),
    )
    commitment = (
        Field("day", "Day", kind="select", options=DAY_OPTIONS, default="Monday"),
        Field("start", "From", kind="time", width="s", hint="e.g. 15:00"),
        Field("end", "To", kind="time", width="s", hint="e.g. 16:00"),
        Field("what", "What it is (optional)", width="m", max_length=NAME_LIMIT,
              hint="You need not say: “school pick-up” or just “fixed”."),
    )
    fields: list[Any] = [
        Group("Your role", (
            Field("role.hours", "Contracted hours a week", kind="number", width="s", suffix="hours"),
            Field("role.days", "Working days a week", kind="number", width="s", suffix="days", default="5"),
            Field("role.start", "Usual start", kind="time", width="s", default="09:00",
                  hint="24-hour clock, e.g. 09:00."),
            Field("role.finish", "Usual finish", kind="time", width="s", default="17:00",
                  hint="No day in the plan is longer than from your usual start to your usual finish."),
        )),
        Repeat("activities", "What you do", "activity", activity, min_rows=1, max_rows=MAX_ACTIVITIES,
               hint="List the main parts of your work and the hours each takes in a typical week. "
                    "Together they should come close to your contracted hours."),
        Group("Working at home", tuple(
            Field(f"home.{value}", text_, kind="checkbox") for value, text_ in HOME_NEEDS
        ), hint="Tick what you have. A home day is only suggested if you have all three.", name="home"),
        Repeat("commitments", "Caring or other fixed commitments", "commitment", commitment, min_rows=0,
               max_rows=MAX_COMMITMENTS,
               hint="Times in your working week you cannot work, e.g. a school run. The plan keeps them clear."),
        Group("Your commute", (
            Field("commute.minutes", "Minutes each way", kind="number", width="s", suffix="minutes"),
            Field("commute.km", "Distance each way", kind="number", width="s", suffix="km"),
            Field("commute.mode", "How you usually travel", kind="select", options=MODE_OPTIONS, default="car"),
            Field("commute.cost", "Cost each way", kind="number", width="s",
                  hint="Fares or fuel and parking for one journey; for a return ticket, half its price."),
        ), hint="Optional: used to show what a home day saves in a year."),
        Group("Your team and organisation", (
            Field("team.anchor_days", "Anchor days (the team is together)", kind="checkboxes",
                  options=DAY_OPTIONS, default=anchors),
            Field("team.core_start", "Core hours start", kind="time", width="s", default=core_start,
                  hint="Leave both core hours empty if there are none."),
            Field("team.core_end", "Core hours end", kind="time", width="s", default=core_end),
            Field("team.min_days", "Minimum days together a week", kind="number", width="s", suffix="days",
                  default=min_days),
        ), hint="Filled in from your organisation's policy; change them to match what your team agreed."),
    ]
    return ToolForm(
        tool=NAME,
        draft_key=NAME,
        fields=fields,
        result_heading="Your plan",
        result_placeholder="Fill in your role and what you do, or try the example: your plan appears here.",
        example=example(),
        import_limit=records.MAX_CHARS,
    )


def example() -> dict[str, Any]:
    """A realistic role, kept as data in templates/examples/ so an organisation can replace it."""
    return json.loads(templates.read(EXAMPLE))


# ---------------------------------------------------------------- reading what was typed

class _Errors:
    """Collects field errors while reading; `take` returns the value either way."""

    def __init__(self) -> None:
        self.list: list[FieldError] = []

    def take(self, name: str, read: tuple[Any, str | None], prefix: str = "") -> Any:
        value, problem = read
        if problem:
            self.list.append(FieldError(name, prefix + problem))
        return value

    def add(self, name: str, message: str) -> None:
        self.list.append(FieldError(name, message))


def _group(values: dict[str, Any], key: str) -> dict[str, Any]:
    raw = values.get(key)
    return raw if isinstance(raw, dict) else {}


def _rows(values: dict[str, Any], key: str, limit: int, what: str, errors: _Errors) -> list[Any]:
    """Repeating rows as a list; the runtime sends an empty repeat as {} and a file may hold anything."""
    raw = values.get(key)
    if raw in (None, "", {}):
        return []
    # Row numbers as keys ({"0": ...}); only short ASCII digits, which int() always reads.
    if isinstance(raw, dict) and all(isinstance(k, str) and k.isascii() and k.isdigit() and len(k) < 5 for k in raw):
        raw = [raw[k] for k in sorted(raw, key=int)]
    if not isinstance(raw, list):
        errors.add(key, f"The {what} could not be read. Add them again.")
        return []
    if len(raw) > limit:
        errors.add(key, f"You can list up to {limit} {what}; there are {len(raw)}. Combine similar ones.")
        return []
    return raw


def _hours(raw: Any, label: str) -> tuple[int | None, str | None]:
    """Hours as whole minutes: more than 0, no more than the week holds."""
    value, problem = number(raw, label=label, minimum=-1e9, maximum=WEEK_HOURS)
    if problem:
        return None, problem
    minutes = round(value * 60)
    if minutes <= 0:
        return None, f"{label} must be more than 0."
    return minutes, None


def _whole(raw: Any, label: str, low: int, high: int, default: str | None = None) -> tuple[int | None, str | None]:
    if raw is None and default is not None:
        raw = default
    value, problem = number(raw, label=label, minimum=low, maximum=high)
    if problem:
        return None, problem
    if value != int(value):
        return None, f"{label} must be a whole number, from {low} to {high}."
    return int(value), None


def _hrs(minutes: int) -> str:
    return fmt_number(minutes / 60)


def validate(values: dict[str, Any], org: dict[str, Any]) -> Plan | list[FieldError]:
    """The plan, or a plain message on each field that will not do. Never raises, whatever it is given."""
    values = values if isinstance(values, dict) else {}
    org = org if isinstance(org, dict) else {}
    e = _Errors()

    role = _group(values, "role")
    contracted = e.take("role.hours", _hours(role.get("hours"), "Contracted hours a week"))
    days = e.take("role.days", _whole(role.get("days"), "Working days a week", 1, 7))
    start = e.take("role.start", clock(role.get("start"), label="Usual start"))
    finish = e.take("role.finish", clock(role.get("finish"), label="Usual finish"))
    if start is not None and finish is not None and finish <= start:
        e.add("role.finish", f"Your usual finish must be later than your usual start ({fmt_clock(start)}). "
                             "The planner works with days that start and finish on the same date.")
        finish = None

    anchors_default, core_start_default, core_end_default, min_default = _policy(org)
    team = _group(values, "team")
    raw_anchors = team.get("anchor_days", anchors_default)
    if isinstance(raw_anchors, (list, str)):
        anchors = e.take("team.anchor_days", choices(raw_anchors, label="Anchor days", options=DAY_OPTIONS))
    else:
        anchors = e.take("team.anchor_days", ([], "Choose only from the options for anchor days."))
    core, core_state = _core(team.get("core_start", core_start_default), team.get("core_end", core_end_default),
                             e)
    min_days = e.take("team.min_days", _whole(team.get("min_days"), "Minimum days together a week", 0, 7,
                                              default=min_default))

    activities = _activities(values, e, start, finish, core_state)
    if contracted is not None and activities is not None:
        total = sum(a.minutes for a in activities)
        if total > contracted:
            e.add("activities", f"Your activities add up to {_hrs(total)} hours a week, more than your "
                                f"{_hrs(contracted)} contracted hours. Check the hours of each, "
                                "or your contracted hours.")

    commitments = _commitments(values, e)

    home = _group(values, "home")
    missing = tuple(value for value, _ in HOME_NEEDS if not flag(home.get(value)))

    c = _group(values, "commute")
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
    return Plan(term, contracted, days, start, finish, tuple(activities), missing, tuple(commitments), commute,
                tuple(DAYS.index(d) for d in anchors), core, min_days)


def _core(raw_start: Any, raw_end: Any, e: _Errors) -> tuple[tuple[int, int] | None, str]:
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


def _activities(values: dict[str, Any], e: _Errors, start: int | None, finish: int | None,
                core_state: str) -> list[Activity] | None:
    rows = _rows(values, "activities", MAX_ACTIVITIES, "activities", e)
    if not rows and not any(x.field == "activities" for x in e.list):
        e.add("activities", "Add at least one activity.")
    out: list[Activity] = []
    complete = True
    for i, row in enumerate(rows):
        at, n = f"activities.{i}.", f"Activity {i + 1}: "
        if not isinstance(row, dict):
            e.add(at + "name", n + "this row could not be read. Fill it in again.")
            complete = False
            continue
        before = len(e.list)
        name = e.take(at + "name", text(row.get("name"), label="A name", required=True, max_length=NAME_LIMIT), n)
        minutes = e.take(at + "hours", _hours(row.get("hours"), "Hours a week"), n)
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


def _commitments(values: dict[str, Any], e: _Errors) -> list[Commitment]:
    out = []
    for i, row in enumerate(_rows(values, "commitments", MAX_COMMITMENTS, "commitments", e)):
        at, n = f"commitments.{i}.", f"Commitment {i + 1}: "
        if not isinstance(row, dict):
            e.add(at + "day", n + "this row could not be read. Fill it in again.")
            continue
        day = e.take(at + "day", choice(row.get("day"), label="The day", options=DAY_OPTIONS), n)
        s0 = e.take(at + "start", clock(row.get("start"), label="From"), n)
        s1 = e.take(at + "end", clock(row.get("end"), label="To"), n)
        what = e.take(at + "what", text(row.get("what"), label="What it is", max_length=NAME_LIMIT), n)
        if s0 is not None and s1 is not None and s1 <= s0:
            e.add(at + "end", n + "it must end after it starts.")
        elif day and s0 is not None and s1 is not None and what is not None:
            out.append(Commitment(DAYS.index(day), s0, s1, what))
    return out


# ---------------------------------------------------------------- working it out

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
        savings=savings(plan.commute, home_days),
    )


def render(result: Result, values: dict[str, Any]) -> Rendered:
    from . import where_when_render as out  # the page and documents; kept apart to keep this module short

    return Rendered(
        html=out.html(result),
        markdown=out.markdown(result),
        record=records.make(NAME, out.title(result), values, out.summary(result)),
        filename="where-and-when-plan",
        status=out.status(result),
    )
