"""The where & when planner's form, declared once: the page renders it and the example fills it."""

from __future__ import annotations

from typing import Any

from .. import org as org_settings
from .. import tools
from ..forms import Field, Group, Repeat, ToolForm
from ..links import DRAFT
from .commute import MODE_OPTIONS
from .model import DAY_OPTIONS, FOCUS, HOME_NEEDS, WHEN, WHERE, WHY

NAME = "planner"
MAX_ACTIVITIES = 40
MAX_COMMITMENTS = 20
NAME_LIMIT = 80
DETAIL_LIMIT = 120


def form(org: dict[str, Any]) -> ToolForm:
    rules = org_settings.form_policy(org)
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
            Field("role.name", "Your name or initials (optional)", width="m", max_length=NAME_LIMIT,
                  hint="Only needed if you will share the plan, e.g. to add it to your team's agreement."),
            Field("role.hours", "Contracted hours a week", kind="number", width="s", suffix="hours"),
            Field("role.days", "Working days a week", kind="number", width="s", suffix="days", default="5",
                  hint="Days with work at a set time (below) are chosen first, then Monday to Friday, then the "
                       "weekend."),
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
                  options=DAY_OPTIONS, default=rules["anchor_days"]),
            Field("team.core_start", "Core hours start", kind="time", width="s", default=rules["core_start"],
                  hint="Leave both core hours empty if there are none."),
            Field("team.core_end", "Core hours end", kind="time", width="s", default=rules["core_end"]),
            Field("team.min_days", "Minimum days together a week", kind="number", width="s", suffix="days",
                  default=rules["min_days"]),
        ), hint="Filled in from your organisation's policy; change them to match what your team agreed."),
    ]
    return tools.tool_form(
        NAME,
        fields=fields,
        result_heading="Your plan",
        result_placeholder="Fill in your role and what you do, or try the example: your plan appears here.",
        example=example(),
        links=((DRAFT["kind"], "Share this draft as a link", ""),),  # a draft passed to a manager (toolkit.links)
        former_names=("where_when",),
    )


def example() -> dict[str, Any]:
    """A realistic role, kept as data in templates/examples/ so an organisation can replace it."""
    return tools.example(NAME)
