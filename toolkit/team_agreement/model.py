"""The team agreement's vocabulary: the choices its form offers, what validate builds, what compute returns."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from ..forms import DAY_OPTIONS, DAYS  # noqa: F401  (the drafter's vocabulary, re-exported)

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # a member's per-day fields: members.0.mon

PLACES = (
    ("office", "In the office"),
    ("home", "At home"),
    ("elsewhere", "Elsewhere (another site, travelling)"),
    ("off", "Not working"),
)
PLACE_SHORT = {"office": "Office", "home": "Home", "elsewhere": "Elsewhere", "off": "Not working"}
ROTA_PLACES = (("office", "Someone in the office"), ("anywhere", "Someone working, wherever they are"))
MEETING_MODES = (("in_person", "In person"), ("hybrid", "Hybrid (some in the room, some joining)"),
                 ("online", "Online for everyone"))
CHANNEL_KINDS = (
    ("urgent", "Something urgent"),
    ("decision", "A decision needed"),
    ("information", "Information to share"),
    ("social", "Social and keeping in touch"),
)
TRIGGERS = (("joins", "Someone joins the team"), ("leaves", "Someone leaves the team"))
# What a member can be agreed exempt from (an adjustment, caring): the reason is never kept in any output.
EXEMPT_FROM = (
    ("office", "The office days: anchor days and the minimum days together"),
    ("rotas", "Rota cover"),
    ("both", "Both the office days and rota cover"),
)
EXEMPT_WORDS = {"office": "office days agreed individually", "rotas": "rota cover agreed individually"}


def label(options: tuple[tuple[str, str], ...], value: str) -> str:
    return dict(options).get(value, value)


@dataclass(frozen=True)
class Member:
    index: int  # its row, from 0: findings and errors point back to it
    name: str
    role: str
    contracted: int  # minutes a week
    start: int  # usual start, minutes after midnight, the member's own time
    finish: int
    offset: int  # minutes ahead of UTC
    places: tuple[str, ...]  # seven PLACES values, Monday first
    rotas: tuple[str, ...]  # the names of the rotas they can cover, as the team spells them
    exempt: tuple[str, ...] = ()  # "office", "rotas": agreed individually (the reason is never here)

    def works(self, day: int) -> bool:
        return self.places[day] != "off"

    # Worked out once per member: every check asks, thousands of times a recompute for a team of 30.
    @functools.cached_property
    def working_days(self) -> tuple[int, ...]:
        return tuple(d for d in range(7) if self.places[d] != "off")

    @functools.cached_property
    def office_days(self) -> tuple[int, ...]:
        return tuple(d for d in range(7) if self.places[d] == "office")


@dataclass(frozen=True)
class Rota:
    name: str
    days: tuple[int, ...]
    place: str  # a ROTA_PLACES value
    people: int  # how many are needed each day it runs


@dataclass(frozen=True)
class Meeting:
    name: str
    day: int
    start: int  # the team's time
    end: int
    mode: str  # a MEETING_MODES value


@dataclass(frozen=True)
class Section:
    """One part of the agreement's ways of working, from templates/team_agreement/sections.toml."""

    id: str
    title: str
    questions: str
    good: str


@dataclass(frozen=True)
class Team:
    """The validated input."""

    term: str
    name: str
    manager: str
    agreed: date
    review: date
    review_given: bool  # False when the review date is the default three months on
    triggers: tuple[str, ...]  # TRIGGERS values
    other_triggers: str
    offset: int  # the team's time zone: minutes ahead of UTC; every time in the result is shown in it
    anchor_days: tuple[int, ...]
    min_days: int
    core: tuple[int, int] | None
    desks: int | None
    members: tuple[Member, ...]
    rotas: tuple[Rota, ...]
    meetings: tuple[Meeting, ...]
    channels: dict[str, tuple[str, str]]  # CHANNEL_KINDS value -> (channel, response time)
    agreed_text: dict[str, str]  # section id -> what the team agreed
    sections: tuple[Section, ...]
    colour: str  # the organisation's primary colour, for the figures
    previous: dict | None  # the earlier agreement's snapshot (see revision), when this is a revision
    snapshot: dict  # this agreement's, for the next revision
    full_time: int = 2250  # minutes in a full-time week: part-timers' share of office days is pro-rated by it
    site: str = ""  # where the team's office is, for the counts HR combines
    smallest_group: int = 5  # the counts never show a group smaller than this as a number (org.yml counts)
    settings: str = ""  # the settings' fingerprint (toolkit.links), carried by the counts
    # No date agreed yet: the agreement is a draft, and says so, until the person gives the date it was agreed
    # (`agreed` is then today, only to work out a default review date).
    draft: bool = False


# ---------------------------------------------------------------- the result

@dataclass(frozen=True)
class Finding:
    """One thing for the team to discuss: what was found, about whom and when, and a suggestion."""

    check: str  # "cover", "anchor", "minimum", "desks", "window", "core", "fairness", "meetings"
    title: str
    text: str
    suggestion: str
    people: tuple[str, ...] = ()
    days: tuple[str, ...] = ()
    subject: str = ""  # what the finding is about, when it is one of several (a rota's name)
    # The week does not work as written until it is settled (a rota day without cover, more people than desks):
    # said first, before what is for the team to talk through.
    blocking: bool = False


@dataclass(frozen=True)
class DaySummary:
    day: int
    working: tuple[Member, ...]
    in_office: tuple[Member, ...]
    window: tuple[int, int] | None  # when everyone working that day is available, in the team's time


@dataclass(frozen=True)
class Change:
    what: str  # "member", "rules", "section", "channels", "review"
    text: str


@dataclass(frozen=True)
class Burden:
    """One member's share of what the team asks: rota days and anchor days a week, and hours a week of team
    meetings outside 08:00 to 18:00 in their own time. None where that part is agreed individually."""

    name: str
    rota_days: float | None
    anchor_days: int | None
    unsociable: float
    flagged: tuple[str, ...]  # "rota_days", "anchor_days", "unsociable": well over the team's median


@dataclass(frozen=True)
class Result:
    team: Team
    days: tuple[DaySummary, ...]  # the days anyone works (Monday to Friday always)
    findings: tuple[Finding, ...]
    changes: tuple[Change, ...] | None  # None when this is a first agreement
    burden: tuple[Burden, ...] = ()
