"""The team counts' vocabulary: one team's counts as read, and the totals compute returns."""

from __future__ import annotations

from dataclasses import dataclass

from ..counts import PLACES  # noqa: F401  (re-exported: the groups each day is counted in)
from ..forms import DAYS  # noqa: F401

Bounds = tuple[int, int]  # the least and the most a count stands for: (3, 3), or (1, 4) for "fewer than 5"


@dataclass(frozen=True)
class TeamCounts:
    index: int  # its row, from 0
    team: str
    site: str
    size: Bounds
    anchor_days: tuple[int, ...]
    common_days: tuple[int, ...]
    days: tuple[dict[str, Bounds], ...]  # seven days, Monday first: place -> bounds


@dataclass(frozen=True)
class Picture:
    """The validated input."""

    teams: tuple[TeamCounts, ...]
    desks: int | None  # the desks the organisation has
    smallest_group: int
    colour: str


@dataclass(frozen=True)
class DayTotal:
    day: int
    places: dict[str, Bounds]  # every team's counts added: place -> bounds
    anchoring: tuple[str, ...]  # the teams with this day as an anchor day


@dataclass(frozen=True)
class Result:
    picture: Picture
    days: tuple[DayTotal, ...]  # Monday to Friday, and a weekend day when anyone is in
    sites: tuple[tuple[str, tuple[Bounds, ...]], ...]  # site -> desks needed on each of `days`
    busiest: DayTotal | None
    no_common_day: tuple[str, ...]
