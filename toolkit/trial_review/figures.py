"""Each measure drawn on its own scale: the baseline (a hollow square), the target (a dashed line), the actual (a
filled square when met, a crossed one when not) and a hatched bar for the change. Every mark is named in words
too, so nothing depends on colour; the table beside it says the same (see toolkit.svg)."""

from __future__ import annotations

from ..svg import Figure, fit
from ..forms import fmt_number
from .letters import amount
from .model import Reading

WIDTH, LEFT, RIGHT = 640, 24, 24
ROW_H = 92
CHAR = 6.1  # about how wide a character of 11-unit text is


def _scale(r: Reading) -> tuple[float, float]:
    m = r.measure
    values = [m.baseline, m.target] + ([m.actual] if m.actual is not None else [])
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.12 or max(abs(hi) * 0.1, 1)
    return lo - pad, hi + pad


def _label(fig: Figure, x: float, y: float, words: str, bold: bool = False) -> None:
    """Words centred on x, kept inside the figure, on a background so a line under them does not cross them."""
    words = fit(words, WIDTH - LEFT - RIGHT)
    width = len(words) * CHAR
    left = min(max(x - width / 2, LEFT / 2), WIDTH - RIGHT / 2 - width)
    fig.rect(left - 2, y - 11, width + 4, 14, "#ffffff", stroke="none", cls="swt-fig-bg")
    fig.text(left, y, words, size=11, bold=bold)


def measures(readings: tuple[Reading, ...], overall: str, colour: str) -> str:
    if not readings:
        return ""
    height = len(readings) * ROW_H + 30
    fig = Figure("tr-measures", WIDTH, height, "How each measure went against its target",
                 f"{len(readings)} measure{'s' if len(readings) != 1 else ''}, each on its own scale: the baseline "
                 "as a hollow square, the target as a dashed line, the actual as a filled square when met or a "
                 f"crossed square when not, and a hatched bar for the change. {overall} The table below gives the "
                 "same in words.", colour)
    for i, r in enumerate(readings):
        m, top = r.measure, i * ROW_H
        lo, hi = _scale(r)

        def x(v: float) -> float:
            return LEFT + (WIDTH - LEFT - RIGHT) * (v - lo) / (hi - lo)

        unit = f" ({m.unit})" if m.unit else ""
        way = "higher is better →" if m.better == "higher" else "← lower is better"
        fig.text(LEFT / 2, top + 14, fit(f"{m.name}{unit}: {way}", WIDTH - LEFT), size=12, bold=True)
        axis = top + 46
        fig.line(LEFT, axis, WIDTH - RIGHT, axis)
        fig.line(x(m.target), axis - 14, x(m.target), axis + 14, dash=True)
        _label(fig, x(m.target), axis - 16, f"Target {amount(m.target, m)}")
        if m.actual is not None:
            start, stop = sorted((x(m.baseline), x(m.actual)))
            fig.rect(start, axis - 3, stop - start, 6, fig.pattern("hatch"), stroke="none")
        # Filled with the page's background (swt-fig-bg), so the change bar does not show through the hollow mark.
        fig.rect(x(m.baseline) - 6, axis - 6, 12, 12, "#ffffff", cls="swt-fig-bg",
                 tip=f"{m.name}: baseline {fmt_number(m.baseline)}")
        _label(fig, x(m.baseline), axis + 24, f"Baseline {amount(m.baseline, m)}")
        if m.actual is None:
            _label(fig, (LEFT + WIDTH - RIGHT) / 2, axis + 40, "Actual: not measured yet", bold=True)
            continue
        state = "met" if r.state == "met" else "not met"
        fig.rect(x(m.actual) - 7, axis - 7, 14, 14, fig.pattern("solid" if r.state == "met" else "cross"),
                 tip=f"{m.name}: actual {fmt_number(m.actual)}, {state}")
        _label(fig, x(m.actual), axis + 40, f"Actual {amount(m.actual, m)}: {state}", bold=True)
    legend = height - 10
    for at, fill, word in ((0, "none", "baseline"), (90, "solid", "actual, met"), (200, "cross", "actual, not met"),
                           (410, "hatch", "change from the baseline")):
        fig.rect(LEFT / 2 + at, legend - 9, 12, 12, fig.pattern(fill), stroke="none" if fill == "hatch" else
                 "currentColor")
        fig.text(LEFT / 2 + at + 18, legend, word, size=10)
    fig.line(LEFT / 2 + 336, legend - 11, LEFT / 2 + 336, legend + 3, dash=True)
    fig.text(LEFT / 2 + 344, legend, "target", size=10)
    return fig.svg()
