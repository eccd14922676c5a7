"""The team agreement's form, declared once: the page renders it, the example fills it, a planner file adds to it."""

from __future__ import annotations

import functools
import json
import tomllib
from typing import Any

from .. import org as org_settings
from .. import tools
from .. import templates
from ..forms import Field, Group, Repeat, ToolForm, fmt_number
from .model import (CHANNEL_KINDS, DAY_KEYS, DAY_OPTIONS, DAYS, EXEMPT_FROM, MEETING_MODES, PLACES, ROTA_PLACES,
                    TRIGGERS, Section)

NAME = "team_agreement"
SECTIONS = "team_agreement/sections.toml"
MAX_MEMBERS = 30
MAX_ROTAS = 10
MAX_MEETINGS = 15
REASON_LIMIT = 500
NAME_LIMIT = 60
SHORT_LIMIT = 80
AGREED_LIMIT = 1500  # one section of the agreement: a few short paragraphs


def sections(org: dict[str, Any]) -> tuple[Section, ...]:
    """The ways-of-working sections an organisation words in templates/team_agreement/sections.toml."""
    return _sections(templates.read(SECTIONS), json.dumps(org, sort_keys=True))


@functools.lru_cache(maxsize=8)
def _sections(source: str, org_json: str) -> tuple[Section, ...]:
    org = json.loads(org_json)
    out = []
    for raw in tomllib.loads(source)["section"]:
        out.append(Section(raw["id"], *(org_settings.fill(raw[k].strip(), org) for k in ("title", "questions", "good"))))
    return tuple(out)


def form(org: dict[str, Any]) -> ToolForm:
    rules = org_settings.form_policy(org)
    member = (
        Field("name", "Name or initials", width="m", max_length=NAME_LIMIT),
        Field("role", "Role (optional)", width="m", max_length=SHORT_LIMIT),
        Field("hours", "Contracted hours a week", kind="number", width="s", suffix="hours"),
        Field("start", "Usual start", kind="time", width="s", default="09:00", hint="Their own local time."),
        Field("finish", "Usual finish", kind="time", width="s", default="17:00"),
        Field("timezone", "Time zone (difference from UTC, optional)", width="s", max_length=12,
              hint="Only if it differs from the team's, e.g. +5:30 or -5."),
        *(Field(key, day, kind="select", options=PLACES, default="office" if i < 5 else "off")
          for i, (key, day) in enumerate(zip(DAY_KEYS, DAYS))),
        Field("rotas", "Rotas they can cover (optional)", width="l", max_length=200,
              hint="The rotas' names as listed below, separated by commas, e.g. “Phones, Front desk”."),
    )
    rota = (
        Field("name", "Rota", width="m", max_length=SHORT_LIMIT, hint="e.g. “Phones”, “Front desk”, “On call”."),
        Field("days", "Days it runs", kind="checkboxes", options=DAY_OPTIONS,
              default=[d for d in DAYS[:5]]),
        Field("place", "What it needs", kind="select", options=ROTA_PLACES, default="office"),
        Field("people", "People needed each day", kind="number", width="s", default="1"),
    )
    meeting = (
        Field("name", "Meeting", width="m", max_length=SHORT_LIMIT, hint="e.g. “Weekly team meeting”."),
        Field("day", "Day", kind="select", options=DAY_OPTIONS, default="Tuesday"),
        Field("start", "From", kind="time", width="s", hint="The team's time, e.g. 10:00."),
        Field("end", "To", kind="time", width="s"),
        Field("mode", "How people take part", kind="select", options=MEETING_MODES, default="hybrid"),
    )
    channels = tuple(
        field
        for kind, text_ in CHANNEL_KINDS
        for field in (
            Field(f"channels.{kind}.channel", f"{text_}: which channel", width="m", max_length=SHORT_LIMIT),
            Field(f"channels.{kind}.response", f"{text_}: the answer we expect within", width="m",
                  max_length=SHORT_LIMIT),
        )
    )
    fields: list[Any] = [
        Group("Your team", (
            Field("team.name", "Team name", width="l", max_length=SHORT_LIMIT),
            Field("team.manager", "Manager (optional)", width="m", max_length=NAME_LIMIT),
            Field("team.agreed", "Date agreed", kind="date", width="s",
                  hint="Leave it empty while the agreement is a draft: it says “Draft” until you give the date "
                       "the team agreed it, e.g. 2026-12-01 or 1/12/2026."),
            Field("team.review", "Review date", kind="date", width="s",
                  hint="Leave empty for three months after the date agreed."),
            Field("team.triggers", "Also review the agreement when", kind="checkboxes", options=TRIGGERS,
                  default=[v for v, _ in TRIGGERS]),
            Field("team.other_triggers", "Anything else that would make you review it (optional)",
                  kind="textarea", max_length=300, hint="e.g. “a new service”, “the office move in spring”."),
            Field("team.timezone", "The team's time zone (difference from UTC)", width="s", default="+0",
                  max_length=12, hint="All times in the result are shown in it, e.g. +0 for the UK in winter."),
            Field("team.site", "Site or office (optional)", width="m", max_length=SHORT_LIMIT,
                  hint="Where the team's office days are, e.g. “Leeds”: HR's counts add up desks per site."),
        )),
        Group("The rules you work within", (
            Field("rules.anchor_days", "Anchor days (the team is together in the office)", kind="checkboxes",
                  options=DAY_OPTIONS, default=rules["anchor_days"]),
            Field("rules.min_days", "Minimum days in the office together a week", kind="number", width="s",
                  suffix="days", default=rules["min_days"]),
            Field("rules.core_start", "Core hours start", kind="time", width="s", default=rules["core_start"],
                  hint="Leave both core hours empty if there are none."),
            Field("rules.core_end", "Core hours end", kind="time", width="s", default=rules["core_end"]),
            Field("rules.desks", "Desks the team can use in the office (optional)", kind="number", width="s",
                  suffix="desks"),
            Field("rules.full_time", "A full-time week", kind="number", width="s", suffix="hours", default="37.5",
                  hint="Part-time members' share of the office days is pro-rated against it: 22.5 hours is a "
                       "3-day week."),
        ), hint="Filled in from your organisation's policy; change them to what applies to your team."),
        Repeat("members", "Who is in the team", "member", member, min_rows=1, max_rows=MAX_MEMBERS,
               import_label="Add members from planner or reply files (JSON)",
               paste_label="Paste reply links from the team (one a line)",
               paste_hint="The links members sent back from your invitation. A new name is added as a member; "
                          "a reply from someone already listed is shown beside their row for you to accept.",
               hint="One row each, with where they usually are each day and their usual hours. Anyone who used "
                    "the where & when planner can bring its JSON download: it fills their row."),
        Repeat("exemptions", "Agreed individually", "exemption", (
            Field("member", "Member's name", width="m", max_length=NAME_LIMIT,
                  hint="As written under “Who is in the team”."),
            Field("from", "Left out of", kind="select", options=EXEMPT_FROM, default="office"),
            Field("reason", "Why (optional, private)", kind="textarea", max_length=REASON_LIMIT,
                  hint="A note for you only: it stays in this browser's draft, and never appears in the agreement, "
                       "a download, a link or a print, which say only “agreed individually”."),
        ), min_rows=0, max_rows=MAX_MEMBERS,
               hint="A member agreed to be left out of a rule, for example because of an adjustment or caring. The "
                    "checks leave them out of it and say so."),
        Repeat("rotas", "Rotas the team covers", "rota", rota, min_rows=0, max_rows=MAX_ROTAS,
               hint="Work someone must always be there for: phones, a front desk, a lab, being on call."),
        Repeat("meetings", "Regular team meetings", "meeting", meeting, min_rows=0, max_rows=MAX_MEETINGS,
               hint="The meetings everyone is expected at."),
        Group("Which channel for what", channels,
              hint="For each kind of message: which channel (chat, email, phone, a ticket) and how quickly "
                   "people can expect an answer."),
        Group("How you will work together", tuple(
            Field(f"ways.{s.id}", s.title, kind="textarea", max_length=AGREED_LIMIT, hint=s.questions)
            for s in sections(org)
        ), hint="Write what the team agrees, in its own words. The questions under each are there to start "
                "the conversation."),
        # The agreement this one revises, when a saved one was loaded: the result says what changed.
        Field("previous", "", kind="carried"),
        # The team's invitation this form was opened from (a member replying): the page offers a reply link.
        Field("invitation", "", kind="carried"),
    ]
    return tools.tool_form(
        NAME,
        fields=fields,
        result_heading="Your team agreement",
        result_placeholder="Fill in your team and its members, or try the example: the week, the checks and "
                           "the agreement appear here.",
        example=example(),
        links=(("invite", "Make an invitation link for the team", "!invitation"),
               ("reply", "Make my reply link", "invitation")),
    )


def example() -> dict[str, Any]:
    """A realistic team of eight, kept as data in templates/examples/ so an organisation can replace it."""
    return tools.example(NAME)


def hours_text(minutes: int) -> str:
    return fmt_number(minutes / 60)
