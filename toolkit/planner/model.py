"""The where & when planner's vocabulary: the choices its form offers, what validate builds, what compute returns."""

from __future__ import annotations

from dataclasses import dataclass

from ..forms import DAY_OPTIONS, DAYS  # noqa: F401  (the planner's vocabulary, re-exported)

WHERE = (
    ("anywhere", "Anywhere"),
    ("base", "With the team at a shared base"),
    ("site", "Only at a specific site or with specific equipment"),
)
WHY = (
    ("", "Choose a reason"),  # asked only for place-bound work
    ("contact", "In-person contact (say with whom below)"),
    ("equipment", "Equipment that is only there"),
    ("security", "Security of data or of the place"),
    ("cover", "A cover rota"),
    ("habit", "Habit, or a process that could change (paper files, a meeting held in person because it always was)"),
)
WHEN = (
    ("any", "Any time"),
    ("core", "Within core hours"),
    ("set", "At set times (give the day and time below)"),
)
FOCUS = (
    ("high", "High: needs quiet and long stretches"),
    ("medium", "Medium"),
    ("low", "Low: fine with interruptions"),
)
HOME_NEEDS = (
    ("space", "A quiet space where I can work"),
    ("connection", "A reliable internet connection"),
    ("equipment", "The equipment I need (or it can be provided)"),
)


def label(options: tuple[tuple[str, str], ...], value: str) -> str:
    return dict(options).get(value, value)


@dataclass(frozen=True)
class Activity:
    index: int  # its row, from 0: errors and the record point back to it
    name: str
    minutes: int  # a week; whole minutes keep every total exact
    where: str  # a WHERE value
    why: str  # a WHY value ("" when it can happen anywhere)
    detail: str  # with whom, or what
    when: str  # a WHEN value
    day: int | None  # 0 = Monday; only for set times
    start: int | None  # minutes after midnight; only for set times
    end: int | None
    focus: str  # a FOCUS value

    @property
    def place_bound(self) -> bool:
        return self.where != "anywhere"


@dataclass(frozen=True)
class Commitment:
    day: int
    start: int
    end: int
    what: str


@dataclass(frozen=True)
class Commute:
    minutes: float | None  # each way
    km: float | None  # each way
    mode: str
    cost: float | None  # each way


@dataclass(frozen=True)
class Plan:
    """The validated input."""

    term: str  # the organisation's name for flexible working, for the documents
    currency: str  # the symbol money is shown with ("" for none)
    name: str  # the person's name or initials, if they gave it: on the downloaded plan
    colour: str  # the organisation's primary colour, for the figures
    contracted: int  # minutes a week
    days: int  # working days a week
    start: int  # usual start, minutes after midnight
    finish: int
    activities: tuple[Activity, ...]
    home_missing: tuple[str, ...]  # HOME_NEEDS values the person does not have
    commitments: tuple[Commitment, ...]
    commute: Commute
    anchor_days: tuple[int, ...]
    core: tuple[int, int] | None
    min_days: int
    factors: tuple[tuple[str, float], ...]  # kg CO2e per km by mode: the organisation's, over the defaults
    factors_source: str  # where they come from, as a sentence says it ("the UK Government ...")

    @property
    def home_ok(self) -> bool:
        return not self.home_missing


# ---------------------------------------------------------------- the suggested week

@dataclass(frozen=True)
class Slot:
    """Some of one activity's hours on one day; set times carry their clock times."""

    activity: Activity
    minutes: int
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Day:
    day: int
    working: bool
    place: str  # "site", "home" or "" (not working)
    anchor: bool
    limit: int  # the most minutes this day holds: the usual day less fixed commitments
    slots: tuple[Slot, ...]
    windows: tuple[tuple[int, int], ...]  # where flexible hours can fall: clear of commitments and set times
    commitments: tuple[Commitment, ...]

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.slots)


@dataclass(frozen=True)
class Unplaced:
    activity: Activity
    minutes: int
    reason: str


@dataclass(frozen=True)
class Week:
    days: tuple[Day, ...]  # all seven, Monday first
    unplaced: tuple[Unplaced, ...]
    target: int  # minutes a day the plan aims for before filling a day to its limit
    notes: tuple[str, ...]  # plain sentences about choices the plan had to make
    checks: tuple[tuple[str, str], ...] = ()  # (field, sentence) of those notes to show beside a field as well

    def working(self) -> list[Day]:
        return [d for d in self.days if d.working]

    def placed(self) -> int:
        return sum(d.minutes for d in self.days)

    def unplaced_minutes(self) -> int:
        return sum(u.minutes for u in self.unplaced)


# ---------------------------------------------------------------- the result

@dataclass(frozen=True)
class Savings:
    home_days: int
    trips: int  # single journeys a year
    hours: float | None
    cost: float | None
    km: float | None
    co2_kg: float | None
    factor: float  # kg CO2e per km for the mode


@dataclass(frozen=True)
class Result:
    plan: Plan
    total: int  # minutes a week across all activities
    place_flexible: int
    time_flexible: int
    both_flexible: int
    core_bound: int
    habit_bound: int  # place-bound only by habit or a process that could change
    week: Week
    savings: Savings
