"""Adding the teams' counts together: per day, per site, the busiest day and the teams with no common day."""

from __future__ import annotations

from .model import PLACES, Bounds, DayTotal, Picture, Result


def add(bounds: list[Bounds]) -> Bounds:
    return sum(b[0] for b in bounds), sum(b[1] for b in bounds)


def compute(picture: Picture) -> Result:
    """Pure: no I/O. Saturday and Sunday are shown only when some team has anyone in the office then."""
    teams = picture.teams
    shown = [d for d in range(7) if d < 5 or any(t.days[d]["office"][1] for t in teams)]
    days = tuple(DayTotal(d, {p: add([t.days[d][p] for t in teams]) for p in PLACES},
                          tuple(t.team for t in teams if d in t.anchor_days)) for d in shown)
    sites = sorted({t.site for t in teams}, key=lambda s: (s == "", s.casefold()))
    per_site = tuple((site, tuple(add([t.days[d]["office"] for t in teams if t.site == site]) for d in shown))
                     for site in sites) if len(sites) > 1 or sites != [""] else ()
    busiest = max(days, key=lambda t: (t.places["office"][1], t.places["office"][0]), default=None)
    if busiest is not None and busiest.places["office"][1] == 0:
        busiest = None
    return Result(picture, days, per_site, busiest, tuple(t.team for t in teams if not t.common_days))
