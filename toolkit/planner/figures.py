"""The planner's result drawn: the suggested week as a timeline, the shares as one bar, what changes as pairs of
bars. Each figure summarises a table or list that stays on the page (see toolkit.svg)."""

from __future__ import annotations

from ..svg import Figure, fit, text_on
from ..forms import fmt_clock, fmt_number
from .model import DAYS, Day, Result, Slot

LABELS = 118  # room for the day names on the left
WIDTH = 720
ROW, GAP, TOP = 30, 8, 34


def blocks(day: Day, core: tuple[int, int] | None = None) -> list[tuple[int, int, Slot]]:
    """Where each slot of a day sits in the day, as (start, end, slot) in minutes after midnight.

    Set-time work sits at its set time. Work tied to core hours goes first, into the free windows' core part
    (the week kept room for it there: toolkit.planner.week); the rest fills what is left, from the start of the
    day. So the drawing shows how the hours can fit, never core-hours work outside core hours (the plan itself
    does not fix when flexible work is done)."""
    out = [(s.start, s.end, s) for s in day.slots if s.start is not None]
    windows = [list(w) for w in day.windows]
    flexible = [s for s in day.slots if s.start is None]
    tied = [s for s in flexible if core and s.activity.when == "core"]
    for slot in tied:
        left = slot.minutes
        while left > 0:
            at = next((i for i, (a, b) in enumerate(windows) if min(b, core[1]) > max(a, core[0])), None)
            if at is None:
                break
            a, b = windows[at]
            lo = max(a, core[0])
            take = min(left, min(b, core[1]) - lo)
            out.append((lo, lo + take, slot))
            left -= take
            # The window loses what was taken: the part before it stays a window of its own.
            windows[at:at + 1] = [w for w in ([a, lo], [lo + take, b]) if w[1] > w[0]]
    for slot in (s for s in flexible if s not in tied):
        left = slot.minutes
        for window in windows:
            if left <= 0:
                break
            take = min(left, window[1] - window[0])
            if take > 0:
                out.append((window[0], window[0] + take, slot))
                window[0] += take
                left -= take
    return sorted(out, key=lambda b: b[0])


def _range(result: Result) -> tuple[int, int]:
    p = result.plan
    times = [p.start, p.finish] + ([t for t in p.core] if p.core else [])
    for d in result.week.working():
        times += [t for c in d.commitments for t in (c.start, c.end)]
    return min(times) // 60 * 60, -(-max(times) // 60) * 60


def timeline(result: Result, colour: str) -> str:
    p = result.plan
    days = result.week.working()
    lo, hi = _range(result)
    scale = (WIDTH - LABELS - 24) / max(hi - lo, 60)

    def x(minutes: int) -> float:
        return LABELS + (minutes - lo) * scale

    height = TOP + len(days) * (ROW + GAP) + 26
    home = sum(1 for d in days if d.place == "home")
    fig = Figure("planner-week", WIDTH, height, "The suggested week as a timeline",
                 f"{len(days)} working days, {home} at home and {len(days) - home} at the base, each day's work "
                 "placed across the day; fixed commitments and core hours are shown. The table below gives the same "
                 "week in words.", colour)
    for hour in range(lo, hi + 1, 60):
        fig.line(x(hour), TOP - 6, x(hour), height - 26, dash=True)
        fig.text(x(hour), TOP - 10, fmt_clock(hour), size=10, anchor="middle")
    if p.core:
        fig.rect(x(p.core[0]), TOP - 4, (p.core[1] - p.core[0]) * scale, height - TOP - 26, "none", dash=True,
                 tip=f"Core hours, {fmt_clock(p.core[0])} to {fmt_clock(p.core[1])}")
    for i, d in enumerate(days):
        y = TOP + i * (ROW + GAP)
        fig.text(4, y + 13, DAYS[d.day] + (" ★" if d.anchor else ""), size=12, bold=True)
        fig.text(4, y + 26, ("At home" if d.place == "home" else "At the base") + (", anchor" if d.anchor else ""),
                 size=10)
        for c in d.commitments:
            fig.rect(x(c.start), y, (c.end - c.start) * scale, ROW, fig.pattern("cross"),
                     tip=f"Kept clear: {c.what or 'a fixed commitment'}, {fmt_clock(c.start)} to {fmt_clock(c.end)}")
        fill = "hatch" if d.place == "home" else "solid"
        for start, end, slot in blocks(d, p.core):
            width = (end - start) * scale
            fig.rect(x(start), y, width, ROW, fig.pattern(fill),
                     tip=f"{slot.activity.name}: {fmt_clock(start)} to {fmt_clock(end)}")
            label = fit(slot.activity.name, width - 4, 10)
            if label:
                if fill == "solid":
                    fig.text(x(start) + 3, y + 19, label, size=10, fill=text_on(colour))
                else:  # on the hatching, the label sits on a plain strip so it stays legible
                    fig.rect(x(start) + 1, y + 9, min(width - 2, len(label) * 5.6 + 4), 13, "#ffffff",
                             stroke="none", cls="swt-fig-bg")
                    fig.text(x(start) + 3, y + 19, label, size=10)
    legend = height - 10
    keys = [("solid", "at the base", False), ("hatch", "at home", False), ("cross", "kept clear", False)]
    if p.core:
        keys.append(("none", "core hours", True))
    for n, (fill, words, dash) in enumerate(keys):
        fig.rect(LABELS + n * 110, legend - 9, 14, 10, fig.pattern(fill), dash=dash)
        fig.text(LABELS + 18 + n * 110, legend, words, size=10)
    return fig.svg()


def shares(result: Result, colour: str) -> str:
    """One bar, split into hours that are flexible in place and time, in place only, in time only, or in neither."""
    parts = share_parts(result)
    total = max(result.total, 1)
    fig = Figure("planner-shares", WIDTH, 96, "How flexible the hours are",
                 "; ".join(f"{name}: {fmt_number(m / 60)} hours ({round(100 * m / total)}%)" for name, m, _ in parts)
                 + ".", colour)
    x = 4.0
    span = WIDTH - 8
    for name, minutes, fill in parts:
        width = span * minutes / total
        fig.rect(x, 6, width, 30, fig.pattern(fill), tip=f"{name}: {fmt_number(minutes / 60)} hours")
        x += width
    for i, (name, minutes, fill) in enumerate(parts):
        lx, ly = 4 + (i % 2) * (span / 2), 50 + (i // 2) * 22
        fig.rect(lx, ly, 14, 12, fig.pattern(fill))
        fig.text(lx + 18, ly + 10, f"{name}: {fmt_number(minutes / 60)} h ({round(100 * minutes / total)}%)", size=11)
    return fig.svg()


def share_parts(result: Result) -> list[tuple[str, int, str]]:
    """The four parts of the week's hours, in minutes: they add up to the whole."""
    both = result.both_flexible
    place_only = result.place_flexible - both
    time_only = result.time_flexible - both
    bound = result.total - both - place_only - time_only
    return [("Anywhere, any time", both, "solid"), ("Anywhere, set times", place_only, "hatch"),
            ("Any time, set place", time_only, "dots"), ("Set place and time", bound, "none")]


def changes(result: Result, colour: str) -> str | None:
    """Commuting a year, every working day against with this plan: hours, cost and CO2e, where they were given."""
    s, p = result.savings, result.plan
    if not s.home_days:
        return None
    ratio = p.days / s.home_days  # the savings are for the home days; every day's commute is this many times it
    rows = [(label, saved * ratio, saved * ratio - saved, unit) for label, saved, unit in (
        ("Hours commuting", s.hours, "h"), ("Cost", s.cost, p.currency), ("Kg CO2e", s.co2_kg, "kg"))
        if saved is not None and saved > 0]
    if not rows:
        return None

    def amount(value: float, unit: str) -> str:
        return f"{round(value):,} h" if unit == "h" else f"{round(value):,} kg" if unit == "kg" else f"{unit}{round(value):,}"

    fig = Figure("planner-changes", WIDTH, 24 + len(rows) * 52, "What changes in a year",
                 "; ".join(f"{label}: {amount(before, unit)} travelling in every working day, {amount(after, unit)} "
                           "with this plan" for label, before, after, unit in rows) + ".", colour)
    for i, (label, before, after, unit) in enumerate(rows):
        y = 10 + i * 52
        fig.text(4, y + 12, label, size=11, bold=True)
        for j, (value, fill, words) in enumerate(((before, "none", "every working day"), (after, "solid", "this plan"))):
            width = (WIDTH - 340) * value / before
            fig.rect(160, y + j * 18, width, 14, fig.pattern(fill))
            fig.text(166 + width, y + j * 18 + 11, f"{amount(value, unit)}: {words}", size=10)
    return fig.svg()
