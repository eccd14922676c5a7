"""The organisation's week drawn: desks needed each day (a range where small groups are hidden), the desks there
are, and how many teams anchor on each day. The table stays on the page (see toolkit.svg)."""

from __future__ import annotations

from ..counts import words
from ..svg import Figure
from ..forms import DAYS
from .model import Result


def week(result: Result, colour: str) -> str | None:
    if not result.days:
        return None
    desks = result.picture.desks
    top = max([t.places["office"][1] for t in result.days] + [desks or 0, 1])
    width, left, bar_w, gap = 720, 50, 80, 30
    plot_h, top_y = 200, 40
    height = top_y + plot_h + 70
    scale = plot_h / top
    busiest = result.busiest
    said = (f"The busiest day is {DAYS[busiest.day]}, with {words(*busiest.places['office'])} desks needed"
            + (f" against {desks} desks." if desks else ".") if busiest else "No one is in the office on any day.")
    fig = Figure("tc-week", width, height, "Desks needed each day, across every team",
                 f"{len(result.picture.teams)} teams' counts added together for {len(result.days)} days. {said} "
                 "The table below gives the same numbers.", colour)
    base = top_y + plot_h
    fig.line(left, base, width - 10, base)
    for j, total in enumerate(result.days):
        x = left + j * (bar_w + gap) + gap / 2
        lo, hi = total.places["office"]
        over = desks is not None and lo > desks
        fig.rect(x, base - lo * scale, bar_w, lo * scale, fig.pattern("cross") if over else fig.pattern("solid"),
                 tip=f"{DAYS[total.day]}: {words(lo, hi)} desks needed")
        if hi > lo:
            fig.rect(x, base - hi * scale, bar_w, (hi - lo) * scale, fig.pattern("hatch"), dash=True,
                     tip=f"{DAYS[total.day]}: up to {hi - lo} more in groups too small to show")
        fig.text(x + bar_w / 2, base - hi * scale - 6, words(lo, hi), size=11, anchor="middle", bold=over)
        fig.text(x + bar_w / 2, base + 16, DAYS[total.day][:3], size=11, anchor="middle", bold=True)
        anchoring = len(total.anchoring)
        fig.text(x + bar_w / 2, base + 32, f"★ {anchoring} team{'s' if anchoring != 1 else ''}" if anchoring else "",
                 size=10, anchor="middle")
    if desks:
        y = base - desks * scale
        fig.line(left, y, width - 10, y, dash=True)
        fig.text(4, y + 4, f"{desks}", size=10)
        fig.text(width - 12, y - 4, "desks you have", size=10, anchor="end")
    fig.rect(4, height - 18, 14, 10, fig.pattern("solid"))
    fig.text(22, height - 9, "desks needed", size=10)
    fig.rect(124, height - 18, 14, 10, fig.pattern("hatch"))
    fig.text(142, height - 9, "up to, in small groups", size=10)
    fig.rect(284, height - 18, 14, 10, fig.pattern("cross"))
    fig.text(302, height - 9, "more than the desks you have", size=10)
    fig.text(500, height - 9, "★ teams with it as an anchor day", size=10)
    return fig.svg()
