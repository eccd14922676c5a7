"""The organisation's week for the page, as a printable summary, as CSV and Markdown, and as a record.

Team and site names come from files and typing: every one goes through safe.esc for HTML and safe.md for Markdown;
in the CSV a cell that a spreadsheet would read as a formula is quoted."""

from __future__ import annotations

import csv
import io
from typing import Any

from .. import counts as hr_counts
from .. import records
from ..counts import words
from ..forms import DAYS
from ..documents import Rendered, made_line, printable_page, table
from ..safe import esc, md
from . import figures
from .model import PLACES, Result
from .schema import NAME

TITLE = "Desks and office days across the organisation"
HEADINGS = ("Day", "Teams with it as an anchor day", *(hr_counts.WORDS[p] for p in PLACES), "Desks needed")


def _capacity(result: Result, office: tuple[int, int]) -> str:
    desks = result.picture.desks
    if desks is None:
        return ""
    lo, hi = office
    return " (over the desks you have)" if lo > desks else " (may be over the desks you have)" if hi > desks else ""


def _rows(result: Result) -> list[tuple[str, list[str]]]:
    return [(DAYS[t.day], [str(len(t.anchoring)), *(words(*t.places[p]) for p in PLACES),
                           words(*t.places["office"]) + _capacity(result, t.places["office"])]) for t in result.days]


def _findings(result: Result) -> list[str]:
    pic, out = result.picture, []
    busiest = result.busiest
    if busiest is not None:
        lo, hi = busiest.places["office"]
        anchoring = len(busiest.anchoring)
        line = (f"The busiest day is {DAYS[busiest.day]}: {words(lo, hi)} desks needed"
                + (f", with {anchoring} of {len(pic.teams)} teams anchoring on it" if anchoring else ""))
        if pic.desks is not None:
            line += (f", more than the {pic.desks} desks you have." if lo > pic.desks else
                     f", which may be more than the {pic.desks} desks you have." if hi > pic.desks else
                     f", within the {pic.desks} desks you have.")
        else:
            line += ". Give the desks you have to set it against them."
        out.append(line)
    anchors = sorted(result.days, key=lambda t: -len(t.anchoring))
    if anchors and len(anchors[0].anchoring) >= 2 and len(anchors[0].anchoring) * 2 > len(pic.teams):
        out.append(f"Anchor days cluster on {DAYS[anchors[0].day]}: {len(anchors[0].anchoring)} of {len(pic.teams)} "
                   "teams have it as an anchor day. Spreading them over the week evens out the desks needed.")
    if result.no_common_day:
        out.append(f"{len(result.no_common_day)} team{'s' if len(result.no_common_day) != 1 else ''} "
                   f"{'has' if len(result.no_common_day) == 1 else 'have'} no day when everyone is in the office: "
                   + ", ".join(result.no_common_day) + ".")
    else:
        out.append("Every team has a day when everyone is in the office.")
    if any(lo != hi for t in result.days for lo, hi in t.places.values()):
        out.append(hr_counts.note(pic.smallest_group) + " So some totals are ranges: the least and the most they "
                   "can be.")
    return out


def _sites_rows(result: Result) -> list[tuple[str, list[str]]]:
    return [(site or "No site given", [words(*b) for b in bounds]) for site, bounds in result.sites]


def _body(result: Result, level: int) -> str:
    h = f"h{level}"
    parts = [f"<ul>{''.join(f'<li>{esc(line)}</li>' for line in _findings(result))}</ul>",
             figures.week(result, result.picture.colour) or "",
             table("Every team's counts added together, day by day", HEADINGS,
                   [(esc(d), [esc(c) for c in cells]) for d, cells in _rows(result)])]
    if result.sites:
        parts.append(f"<{h}>Desks needed per site</{h}>" + table(
            "Desks needed each day at each site", ("Site", *(DAYS[t.day] for t in result.days)),
            [(esc(site), [esc(c) for c in cells]) for site, cells in _sites_rows(result)]))
    parts.append(f"<{h}>The teams counted</{h}>" + table(
        "Each team's size, site and anchor days", ("Team", "Size", "Site", "Anchor days", "A day everyone is in"),
        [(esc(t.team), [esc(words(*t.size)), esc(t.site) or "Not given",
                        esc(", ".join(DAYS[d] for d in t.anchor_days) or "None"),
                        esc(", ".join(DAYS[d] for d in t.common_days) or "None")]) for t in result.picture.teams]))
    return "".join(parts)


def html(result: Result) -> list[str]:
    n = len(result.picture.teams)
    return [f'<p class="swt-headline"><strong>{n}</strong> team{"s" if n != 1 else ""} counted. Everything here was '
            "added up in this browser: nothing was uploaded.</p>", _body(result, 3)]


def document(result: Result) -> str:
    return printable_page(TITLE, _body(result, 2), subtitle=made_line())


def csv_text(result: Result) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["site", "day", "teams_anchoring", *(f"{p}_least" for p in PLACES), *(f"{p}_most" for p in PLACES)])
    for t in result.days:
        writer.writerow(["all", DAYS[t.day], len(t.anchoring), *(t.places[p][0] for p in PLACES),
                         *(t.places[p][1] for p in PLACES)])
    for site, bounds in result.sites:
        for t, (lo, hi) in zip(result.days, bounds):
            writer.writerow([_cell(site or "no site given"), DAYS[t.day], "", lo, "", "", "", hi, "", "", ""])
    return out.getvalue()


def _cell(value: str) -> str:
    """A typed name in a CSV cell: one a spreadsheet would run as a formula starts with a quote."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def markdown(result: Result) -> str:
    out = [f"# {TITLE}", "", made_line() + ".", ""] + [f"- {md(line)}" for line in _findings(result)] + [""]
    out += ["| " + " | ".join(HEADINGS) + " |", "|" + "---|" * len(HEADINGS)]
    out += ["| " + " | ".join([d, *cells]) + " |" for d, cells in _rows(result)] + [""]
    if result.sites:
        out += ["## Desks needed per site", "", "| Site | " + " | ".join(DAYS[t.day] for t in result.days) + " |",
                "|" + "---|" * (len(result.days) + 1)]
        out += ["| " + " | ".join([md(site), *cells]) + " |" for site, cells in _sites_rows(result)] + [""]
    return "\n".join(out)


def summary(result: Result) -> dict[str, Any]:
    return {"days": [{"day": DAYS[t.day], "teams_anchoring": len(t.anchoring),
                      **{p: list(t.places[p]) for p in PLACES}} for t in result.days],
            "sites": {site: [list(b) for b in bounds] for site, bounds in result.sites},
            "no_common_day": list(result.no_common_day)}


def render(result: Result, values: dict[str, Any]) -> Rendered:
    n = len(result.picture.teams)
    return Rendered(
        parts=tuple(html(result)),
        filename="team-counts-combined",
        status=f"{n} team{'s' if n != 1 else ''} counted.",
        make_markdown=lambda: markdown(result),
        make_record=lambda: records.make(NAME, TITLE, values, summary(result)),
        make_document=lambda: document(result),
        more=(("Download as CSV (for a spreadsheet)", "team-counts-combined.csv", "text/csv",
               lambda: csv_text(result)),),
    )
