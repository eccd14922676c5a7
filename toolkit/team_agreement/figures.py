"""The team's result drawn: members by days, patterned by place, with desks and rota cover under it; and each
member's hours on the busiest day, with the time everyone shares. The tables stay on the page (see toolkit.svg)."""

from __future__ import annotations

import functools

from ..svg import Figure, fit, text_on
from ..forms import fmt_clock, fmt_number
from .checks import shared_window, window
from .model import DAYS, PLACE_SHORT, Result, Rota

NAMES = 150  # the column of names
CELL_W, CELL_H = 84, 22
FILLS = {"office": "solid", "home": "hatch", "elsewhere": "dots", "off": "none"}


def _gaps(result: Result) -> dict[str, set[str]]:
    """Rota name -> the days the checks found without cover."""
    gaps: dict[str, set[str]] = {}
    for f in result.findings:
        if f.check == "cover":
            gaps.setdefault(f.subject, set()).update(f.days)
    return gaps


def grid(result: Result, colour: str) -> str:
    team = result.team
    gaps = _gaps(result)
    people = tuple((m.name, m.places) for m in team.members)
    return _grid(people, team.rotas, team.desks, team.anchor_days, tuple(s.day for s in result.days),
                 tuple(sorted((name, tuple(sorted(days))) for name, days in gaps.items())), colour)


@functools.lru_cache(maxsize=4)
def _grid(people: tuple[tuple[str, tuple[str, ...]], ...], rotas: tuple[Rota, ...], desks: int | None,
          anchor_days: tuple[int, ...],
          days: tuple[int, ...], gap_list: tuple[tuple[str, tuple[str, ...]], ...], colour: str) -> str:
    """The grid from exactly what it shows, kept between recomputes: most edits (a role, a section of the
    agreement) leave it as it was."""
    gaps = {name: set(d) for name, d in gap_list}
    rows = len(people) + 1 + len(rotas)
    width = NAMES + CELL_W * len(days) + 8
    height = 24 + rows * CELL_H + 34
    office = {d: sum(1 for _, places in people if places[d] == "office") for d in days}
    fig = Figure("ta-week", width, height, "The team's week, member by member",
                 f"{len(people)} members across {len(days)} days, each day marked office, home, elsewhere or "
                 "not working; under it, people in the office against desks, and the rota days without cover. "
                 "The table below gives the same week in words.", colour)
    for j, d in enumerate(days):
        fig.text(NAMES + j * CELL_W + CELL_W / 2, 16, DAYS[d][:3] + (" ★" if d in anchor_days else ""),
                 size=11, anchor="middle", bold=True)
    for i, (name, places) in enumerate(people):
        y = 24 + i * CELL_H
        fig.text(4, y + 15, fit(name, NAMES - 8), size=11)
        for j, d in enumerate(days):
            place = places[d]
            x = NAMES + j * CELL_W
            fig.rect(x, y, CELL_W, CELL_H, fig.pattern(FILLS[place]), tip=f"{name}, {DAYS[d]}: {PLACE_SHORT[place]}")
            word = {"office": "Office", "home": "Home", "elsewhere": "Away", "off": "—"}[place]
            if place == "office":
                fig.text(x + CELL_W / 2, y + 15, word, size=10, anchor="middle", fill=text_on(colour))
            else:
                fig.rect(x + CELL_W / 2 - 20, y + 5, 40, 13, "#ffffff", stroke="none", cls="swt-fig-bg")
                fig.text(x + CELL_W / 2, y + 15, word, size=10, anchor="middle")
    y = 24 + len(people) * CELL_H
    fig.text(4, y + 15, "In the office" + (f" / {desks} desks" if desks is not None else ""), size=11, bold=True)
    for j, d in enumerate(days):
        over = desks is not None and office[d] > desks
        fig.rect(NAMES + j * CELL_W, y, CELL_W, CELL_H, fig.pattern("cross") if over else "none",
                 tip=f"{DAYS[d]}: {office[d]} in the office" + (f", {desks} desks" if desks is not None else ""))
        words = f"{office[d]}" + (f" / {desks}" if desks is not None else "") + (" over" if over else "")
        fig.rect(NAMES + j * CELL_W + CELL_W / 2 - 30, y + 5, 60, 13, "#ffffff", stroke="none", cls="swt-fig-bg")
        fig.text(NAMES + j * CELL_W + CELL_W / 2, y + 15, words, size=10, anchor="middle", bold=over)
    for k, rota in enumerate(rotas):
        y = 24 + (len(people) + 1 + k) * CELL_H
        fig.text(4, y + 15, fit(rota.name, NAMES - 8), size=11, bold=True)
        for j, d in enumerate(days):
            if d not in rota.days:
                continue
            gap = DAYS[d] in gaps.get(rota.name, set())
            fig.rect(NAMES + j * CELL_W, y, CELL_W, CELL_H, fig.pattern("cross") if gap else "none",
                     tip=f"{rota.name}, {DAYS[d]}: " + ("no cover" if gap else "covered"))
            fig.rect(NAMES + j * CELL_W + CELL_W / 2 - 26, y + 5, 52, 13, "#ffffff", stroke="none", cls="swt-fig-bg")
            fig.text(NAMES + j * CELL_W + CELL_W / 2, y + 15, "No cover" if gap else "Covered", size=10,
                     anchor="middle", bold=gap)
    legend = height - 12
    for n, (place, word) in enumerate((("office", "office"), ("home", "home"), ("elsewhere", "elsewhere"),
                                        ("off", "not working"))):
        fig.rect(4 + n * 110, legend - 9, 14, 10, fig.pattern(FILLS[place]))
        fig.text(22 + n * 110, legend, word, size=10)
    fig.rect(4 + 4 * 110, legend - 9, 14, 10, fig.pattern("cross"))
    fig.text(22 + 4 * 110, legend, "over desks / no cover", size=10)
    return fig.svg()


def availability(result: Result, colour: str) -> str | None:
    """Each member's hours on the day most of the team works, in the team's time, and the time they share."""
    if not result.days or not any(s.working for s in result.days):
        return None
    busiest = max(result.days, key=lambda s: len(s.working))
    team = result.team
    spans = [(m, window(m, team)) for m in busiest.working]
    lo = min(0, min(s for _, (s, _e) in spans)) // 60 * 60
    hi = max(1440, max(e for _, (_s, e) in spans))
    hi = -(-hi // 60) * 60
    width = 720
    scale = (width - NAMES - 10) / (hi - lo)

    def x(minutes: int) -> float:
        return NAMES + (minutes - lo) * scale

    shared = shared_window(team, busiest.day)
    height = 30 + len(spans) * 20 + 30
    words = (f"On {DAYS[busiest.day]} everyone working shares {fmt_clock(shared[0] % 1440)} to "
             f"{fmt_clock(shared[1] % 1440)} (the team's time)." if shared else
             f"On {DAYS[busiest.day]} there is no time everyone working shares.")
    fig = Figure("ta-hours", width, height, f"Who is available when, on {DAYS[busiest.day]}",
                 f"Each member's usual hours on {DAYS[busiest.day]} in the team's time. {words}", colour)
    for hour in range(lo, hi + 1, 180):
        fig.line(x(hour), 22, x(hour), height - 26, dash=True)
        fig.text(x(hour), 16, fmt_clock(hour % 1440), size=10, anchor="middle")
    if shared:
        fig.rect(x(shared[0]), 22, (shared[1] - shared[0]) * scale, height - 48, fig.pattern("dots"), dash=True,
                 tip=words)
    for i, (m, (start, end)) in enumerate(spans):
        y = 26 + i * 20
        fig.text(4, y + 12, fit(m.name, NAMES - 8), size=11)
        fig.rect(x(start), y, (end - start) * scale, 14, fig.pattern("solid"),
                 tip=f"{m.name}: {fmt_clock(start % 1440)} to {fmt_clock(end % 1440)}")
    fig.text(4, height - 10, words, size=11, bold=True)
    return fig.svg()


BURDEN_PANELS = (("rota_days", "Rota days a week"), ("anchor_days", "Anchor days a week"),
                 ("unsociable", "Meeting hours outside 08:00–18:00"))


def burden(result: Result, colour: str) -> str | None:
    """Each member's rota days, anchor days and unsociable meeting hours, as bars side by side, the team's median
    dashed, and a share well over it crossed."""
    rows = result.burden
    if len(rows) < 2:
        return None
    from .checks import median

    panel = 180
    width = NAMES + panel * 3 + 10
    height = 40 + len(rows) * 20 + 24
    flagged = [f"{b.name} ({', '.join(k.replace('_', ' ') for k in b.flagged)})" for b in rows if b.flagged]
    fig = Figure("ta-burden", width, height, "Who carries what",
                 f"Rota days, anchor days and meeting hours outside their own 08:00 to 18:00, a week, for each of "
                 f"{len(rows)} members, with the team's median dashed. "
                 + (f"Well over the median: {'; '.join(flagged)}." if flagged else "No one is well over the median.")
                 + " The table below gives the same numbers.", colour)
    for p, (key, heading) in enumerate(BURDEN_PANELS):
        x0 = NAMES + p * panel
        values = [getattr(b, key) for b in rows]
        known = [v for v in values if v is not None]
        top = max(known + [1])
        scale = (panel - 40) / top
        fig.text(x0 + 4, 16, heading, size=10, bold=True)
        middle = median(known)
        fig.line(x0 + 4 + middle * scale, 22, x0 + 4 + middle * scale, height - 24, dash=True)
        for i, (b, v) in enumerate(zip(rows, values)):
            y = 26 + i * 20
            if p == 0:
                fig.text(4, y + 12, fit(b.name, NAMES - 8), size=11)
            if v is None:
                fig.text(x0 + 4, y + 12, "agreed individually", size=9)
                continue
            over = key in b.flagged
            fig.rect(x0 + 4, y, v * scale, 14, fig.pattern("cross") if over else fig.pattern("solid"),
                     tip=f"{b.name}: {fmt_number(v)}" + (" (well over the median)" if over else ""))
            fig.text(x0 + 8 + v * scale, y + 11, fmt_number(v), size=9)
    fig.text(4, height - 8, "Dashed: the team's median. Crossed: well over it.", size=10)
    return fig.svg()
