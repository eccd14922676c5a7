"""Working out the team's result: the week by day, the findings of every check, and what changed."""

from __future__ import annotations

from .checks import ALL, burden, shared_window
from .model import Change, DaySummary, Result, Team
from .revision import compare


def compute(team: Team) -> Result:
    """Pure: no I/O. Saturday and Sunday are shown only when someone works them."""
    shown = [d for d in range(7) if d < 5 or any(m.works(d) for m in team.members)]
    days = tuple(
        DaySummary(d, tuple(m for m in team.members if m.works(d)),
                   tuple(m for m in team.members if m.places[d] == "office"), shared_window(team, d))
        for d in shown
    )
    # What stops the week working comes first (a rota day without cover, more people than desks), then the rest,
    # each in the order of the checks.
    findings = tuple(sorted((f for check in ALL for f in check(team)), key=lambda f: not f.blocking))
    changes = None
    if team.previous is not None and team.previous.get("unreadable"):
        changes = (Change("review", "The earlier agreement this one revises could not be read, so what changed "
                                    "cannot be shown. Load the saved agreement again to compare."),)
    elif team.previous is not None:
        changes = compare(team.previous, team.snapshot, {s.id: s.title for s in team.sections})
    return Result(team, days, findings, changes, burden(team))
