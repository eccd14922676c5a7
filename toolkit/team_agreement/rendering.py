"""The team agreement for the page, as a printable page, as Markdown for a wiki and as a record that loads back.

Every value a person typed goes through safe.esc / html_block for HTML and safe.md / md_text for Markdown."""

from __future__ import annotations

import functools
import json
import re
from typing import Any

from .. import counts as hr_counts
from .. import records
from ..forms import day_date, fmt_number, fmt_offset
from ..documents import PAGE_NUMBERS, Rendered, date_words, file_name, printable_page, table
from ..safe import attr, esc, html_block, md, md_text
from . import figures
from .checks import ROUNDING, SOCIABLE, WELL_OVER, clock, join, long_day_members, window
from .model import (CHANNEL_KINDS, DAYS, EXEMPT_WORDS, MEETING_MODES, PLACE_SHORT, ROTA_PLACES, TRIGGERS, Finding,
                    Member, Result, label)
from .schema import NAME, hours_text

def _slug(name: str) -> str:
    """A file name's part from a team's name: letters and digits, joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:40] or "team"


def title(result: Result) -> str:
    return f"{'Draft team agreement' if result.team.draft else 'Team agreement'}: {result.team.name}"


def status(result: Result) -> str:
    n, k = len(result.team.members), len(result.findings)
    return (("Draft, not agreed yet; " if result.team.draft else "")
            + f"{n} member{'s' if n != 1 else ''}; "
            + (f"{k} finding{'s' if k != 1 else ''} to discuss." if k else "no findings to discuss."))


# ---------------------------------------------------------------- words shared by every format

def _cell(m: Member, d: int, result: Result) -> str:
    """A member's day, in plain words (our own words and times only: no typed text)."""
    if not m.works(d):
        return "Not working"
    start, end = window(m, result.team)
    return f"{PLACE_SHORT[m.places[d]]}, {clock(start)} to {clock(end)}"


def _day_rows(result: Result) -> list[tuple[str, list[str]]]:
    team = result.team
    out = []
    for s in result.days:
        desks = "" if team.desks is None else f"{len(s.in_office)} of {team.desks}"
        shared = f"{clock(s.window[0])} to {clock(s.window[1])}" if s.window else (
            "No shared time" if len(s.working) > 1 else "Only one person working" if s.working else "No one working")
        out.append((DAYS[s.day], [str(len(s.working)), str(len(s.in_office)), desks or "Not given", shared]))
    return out


def agreed_individually(m: Member) -> str:
    """ "office days agreed individually": all any output says of an exemption (never its reason)."""
    return "; ".join(EXEMPT_WORDS[rule] for rule in m.exempt)


def _rules(result: Result) -> list[str]:
    team = result.team
    anchors = join([DAYS[d] for d in team.anchor_days]) or "none"
    core = f"{clock(team.core[0])} to {clock(team.core[1])}" if team.core else "none"
    individual = [f"{m.name}: {agreed_individually(m)}" for m in team.members if m.exempt]
    return [f"Anchor days: {anchors}.", f"Minimum days in the office together a week: {team.min_days}.",
            f"For part-time members the office days are pro-rated against a full-time week of "
            f"{hours_text(team.full_time)} hours, {ROUNDING}.",
            *([f"Agreed individually: {'; '.join(individual)}."] if individual else []),
            f"Core hours: {core}.", f"Desks: {team.desks if team.desks is not None else 'not given'}.",
            f"Times are shown in the team's time zone, {fmt_offset(team.offset)}."]


def agreed_line(result: Result, manager: str) -> str:
    """ "Agreed on 1 December 2026, with Ana Silva as manager.", or, with no date agreed yet, that it is a draft.
    `manager` is the manager's name made safe for the format."""
    team = result.team
    if team.draft:
        return ("Draft: not agreed yet. It becomes our agreement on the day we agree it"
                + (f", with {manager} as manager" if team.manager else "") + ".")
    return f"Agreed on {date_words(team.agreed)}" + (f", with {manager} as manager" if team.manager else "") + "."


def review_line(result: Result) -> str:
    """When the next review is: a draft's default one is three months after it is agreed, not after today."""
    team = result.team
    if team.draft and not team.review_given:
        return "Next review three months after it is agreed."
    return f"Next review by {date_words(team.review)}" + (
        " (three months after it was agreed)." if not team.review_given else ".")


def review_when(result: Result) -> str:
    team = result.team
    if team.draft and not team.review_given:
        return "We review it three months after we agree it."
    return f"We review it by {date_words(team.review)}."


def _triggers(result: Result) -> list[str]:
    team = result.team
    return [label(TRIGGERS, t) for t in team.triggers]


# ---------------------------------------------------------------- HTML

def _week_table(result: Result) -> str:
    days = tuple(s.day for s in result.days)
    rows = [_week_row(m, result.team.offset, days) for m in result.team.members]
    rows = [(first + (f'<br><span class="swt-hint">{esc(agreed_individually(m).capitalize())}</span>'
                      if m.exempt else ""), cells) for (first, cells), m in zip(rows, result.team.members)]
    return table("Where each member usually is, and their hours in the team's time", ("Member", *(DAYS[d] for d in days)),
                 rows)


@functools.lru_cache(maxsize=64)
def _week_row(m: Member, team_offset: int, days: tuple[int, ...]) -> tuple[str, list[str]]:
    """One member's row of the week table. Kept between recomputes (the worker lives for the visit): an edit
    changes one row at most, and for a team of 30 the rows were a fifth of a recompute."""
    start, end = m.start + team_offset - m.offset, m.finish + team_offset - m.offset
    zone = "" if m.offset == team_offset else f", their own time {fmt_offset(m.offset)}"
    first = esc(m.name) + (f'<br><span class="swt-hint">{esc(m.role)}</span>' if m.role else "") \
        + f'<br><span class="swt-hint">{hours_text(m.contracted)} hours a week{zone}</span>'
    cells = [f'<span class="swt-place swt-place-{m.places[d]}">'
             + (f"{PLACE_SHORT[m.places[d]]}, {clock(start)} to {clock(end)}" if m.works(d) else "Not working")
             + "</span>" for d in days]
    return first, cells


def _burden_rows(result: Result) -> list[tuple[str, list[str]]]:
    def cell(b, key: str) -> str:
        value = getattr(b, key)
        if value is None:
            return "Agreed individually"
        return fmt_number(value) + (" (well over the median)" if key in b.flagged else "")
    return [(b.name, [cell(b, k) for k in ("rota_days", "anchor_days", "unsociable")]) for b in result.burden]


BURDEN_HEADINGS = ("Member", "Rota days a week", "Anchor days a week",
                   f"Meeting hours outside {clock(SOCIABLE[0])} to {clock(SOCIABLE[1])}, their own time")


def _burden_html(result: Result) -> str:
    if not result.burden:
        return ""
    rows = [(esc(name), [f"<strong>{esc(c)}</strong>" if "well over" in c else esc(c) for c in cells])
            for name, cells in _burden_rows(result)]
    return (figures.burden(result, result.team.colour) or "") + table(
        esc(f"Each member's share a week. Rota days are shared among those able to cover each day; a share is "
            f"flagged when it is {WELL_OVER}."), BURDEN_HEADINGS, rows)


def _counts_rows(result: Result) -> list[tuple[str, list[str]]]:
    record = hr_counts_record(result)
    return [(day["day"], [str(day[p]) for p in (*hr_counts.PLACES, "desks")]) for day in record["days"]]


def hr_counts_record(result: Result) -> dict[str, Any]:
    """What the team hands HR: per day, how many in the office, at home, elsewhere and not working, and the desks
    needed (one for each person in the office); the team's name, site and size; no one's name, and small groups
    hidden so that none can be worked out from the rest (the rule is `toolkit.counts`')."""
    team, small = result.team, result.team.smallest_group
    days = [hr_counts.day_record(DAYS[d], {p: sum(1 for m in team.members if m.places[d] == p)
                                           for p in hr_counts.PLACES}, small) for d in range(7)]
    asked = [m for m in team.members if "office" not in m.exempt]
    common = [DAYS[d] for d in range(7) if asked and all(m.places[d] == "office" for m in asked)]
    return {"format": hr_counts.FORMAT, "version": hr_counts.VERSION, "settings": team.settings,
            "smallest_group": small, "team": team.name, "site": team.site,
            "size": hr_counts.shown_size(len(team.members), small), "note": hr_counts.note(small),
            "anchor_days": [DAYS[d] for d in team.anchor_days], "common_days": common, "days": days}


def _counts_html(result: Result) -> str:
    small = result.team.smallest_group
    return ("<h3>Counts for HR</h3><p>The counts file below holds, for each day, how many of the team are in the "
            "office, at home, elsewhere and not working, and the desks needed; the team's name, site and size, its "
            f"anchor days and the days everyone is in. It names no one. {esc(hr_counts.note(small))} "
            "HR can add many teams' files together on the team counts page.</p>"
            + table("What the counts file holds, day by day", ("Day", *(hr_counts.WORDS[p] for p in hr_counts.PLACES),
                                                               "Desks needed"),
                    [(esc(day), [esc(c) for c in cells]) for day, cells in _counts_rows(result)]))


BLOCKING_WORDS = "Settle these first: the week does not work as written until they are."
REST_WORDS = "Then talk these through."


def _in_order(result: Result) -> list[tuple[str, list[Finding]]]:
    """The findings under what to do with them: what stops the week working first, then the rest (a lead-in only
    when there are both)."""
    first = [f for f in result.findings if f.blocking]
    rest = [f for f in result.findings if not f.blocking]
    if not first or not rest:
        return [(BLOCKING_WORDS if first else "", first or rest)]
    return [(BLOCKING_WORDS, first), (REST_WORDS, rest)]


def _findings_html(result: Result, level: int) -> str:
    if not result.findings:
        return ("<p>The checks found nothing to discuss: every rota day has cover, anchor days and desks work, "
                "and everyone working on a day shares some hours.</p>")
    h = f"h{level}"
    return "".join(
        (f'<p class="swt-findings-lead"><strong>{esc(lead)}</strong></p>' if lead else "") + "".join(
            f'<div class="swt-finding" data-check="{attr(f.check)}"'
            f'{" data-blocking" if f.blocking else ""}><{h}>{esc(f.title)}</{h}><p>{esc(f.text)}</p>'
            f"<p><strong>To discuss:</strong> {esc(f.suggestion)}</p></div>"
            for f in group)
        for lead, group in _in_order(result))


def _since(result: Result) -> str:
    """ "since the agreement of 1 December 2026", or "since the earlier agreement" when it gave no date."""
    agreed = day_date((result.team.previous or {}).get("agreed"), label="", required=False)[0]
    return f"since the agreement of {date_words(agreed)}" if agreed else "since the earlier agreement"


def _changes_html(result: Result) -> str:
    if result.changes is None:
        return ""
    items = "".join(f"<li>{esc(c.text)}</li>" for c in result.changes) or "<li>Nothing yet.</li>"
    return f"<h3>What changed {esc(_since(result))}</h3><ul>{items}</ul>"


def _agreement_html(result: Result, top: int, week: str) -> str:
    """The agreement itself: the same body on the page (under an h3) and in the printable page (under an h1)."""
    team = result.team
    h1, h2 = f"h{top}", f"h{top + 1}"
    parts = [f"<{h1}>{esc(title(result))}</{h1}>",
             ('<p class="swt-draft">' if team.draft else "<p>") + "<br>".join(esc(line) for line in (
                 agreed_line(result, team.manager), review_line(result))) + "</p>"]
    parts.append(f"<{h2}>The rules we work within</{h2}><ul>" + "".join(f"<li>{esc(r)}</li>" for r in _rules(result))
                 + "</ul>")
    parts.append(f"<{h2}>Our week</{h2}>" + week)
    channels = [(esc(label(CHANNEL_KINDS, k)), [esc(team.channels[k][0]) or "Not agreed yet",
                                               esc(team.channels[k][1]) or "Not agreed yet"]) for k, _ in CHANNEL_KINDS]
    parts.append(f"<{h2}>Which channel for what</{h2}>"
                 + table("Channels and the answer each can expect", ("For", "Channel", "Answer within"), channels))
    if team.meetings:
        parts.append(f"<{h2}>Regular meetings</{h2}><ul>" + "".join(
            f"<li>{esc(mt.name)}: {DAYS[mt.day]}, {clock(mt.start)} to {clock(mt.end)}, "
            f"{esc(label(MEETING_MODES, mt.mode).lower())}</li>" for mt in team.meetings) + "</ul>")
    if team.rotas:
        parts.append(f"<{h2}>Rotas</{h2}><ul>" + "".join(
            f"<li>{esc(r.name)}: {esc(join([DAYS[d] for d in r.days]))}; "
            f"{esc(label(ROTA_PLACES, r.place).lower())}, {r.people} a day; covered by "
            f"{esc(join([m.name for m in team.members if r.name in m.rotas]) or 'no one yet')}</li>"
            for r in team.rotas) + "</ul>")
    for s in team.sections:
        agreed = team.agreed_text.get(s.id, "")
        parts.append(f"<{h2}>{esc(s.title)}</{h2}>"
                     + (html_block(agreed) if agreed else "<p><em>Not agreed yet.</em></p>")
                     + f'<p class="swt-hint">What good looks like: {esc(s.good)}</p>')
    if result.burden:
        parts.append(f"<{h2}>Who carries what</{h2}>" + _burden_html(result))
    parts.append(f"<{h2}>Findings still open</{h2}>" + _findings_html(result, top + 2))
    triggers = _triggers(result) + ([team.other_triggers] if team.other_triggers else [])
    parts.append(f"<{h2}>Reviewing this agreement</{h2}><p>{esc(review_when(result))}"
                 + (" We also review it when:</p><ul>" + "".join(f"<li>{esc(t)}</li>" for t in triggers) + "</ul>"
                    if triggers else "</p>"))
    signs = [(esc(m.name), ["", ""]) for m in team.members]
    signs.append((esc(f"{team.manager}, manager" if team.manager else "The manager"), ["", ""]))
    parts.append(f"<{h2}>Signed</{h2}>" + table("Each member and the manager sign and date", ("Name", "Signature", "Date"),
                                               signs))
    return "".join(parts)


def html(result: Result, grid: str, week: str) -> list[str]:
    """The page's result in parts, so that an edit lays out again only what changed; `grid` and `week` (the
    figure and the table of the week) are drawn once per result."""
    team = result.team
    k = len(result.findings)
    parts = [
        f'<p class="swt-headline">{esc(team.name)}: <strong>{len(team.members)}</strong> '
        f'member{"s" if len(team.members) != 1 else ""}, '
        f'<strong>{k}</strong> finding{"s" if k != 1 else ""} to discuss. '
        + ("Draft: not agreed yet (give the date agreed when it is).</p>" if team.draft
           else f"Review by {date_words(team.review)}.</p>"),
        "<h3>The team's week</h3>", grid, week,
        "<h3>Each day</h3>", figures.availability(result, team.colour) or "", table("People working, in the office, desks and the time everyone shares, each day",
                                    ("Day", "Working", "In the office", "Desks used", "Everyone available"),
                                    _day_rows(result)),
        "<h3>Who carries what</h3>", _burden_html(result),
        "<h3>What to talk about</h3>", _findings_html(result, 4),
        _changes_html(result),
        # The whole agreement, with every section as written, is in the downloads; the page keeps to what was
        # worked out (putting it here too doubled the page's work on every change for a large team).
        "<p>The agreement itself, with every section as you wrote it, the rules, the channels, the review and "
        "lines to sign, is in the printable page and the Markdown below.</p>",
        _counts_html(result),
    ]
    return parts


def document(result: Result, grid: str, week: str) -> str:
    """A whole printable page: the agreement on clean A4, opened from the downloaded file with no site around it."""
    hours = figures.availability(result, result.team.colour) or ""
    return printable_page(title(result), _agreement_html(result, 1, grid + week + hours), heading=False,
                          style=PAGE_NUMBERS)


# ---------------------------------------------------------------- Markdown

def _md_table(headings: tuple[str, ...], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)] + [
        "| " + " | ".join(cell or " " for cell in row) + " |" for row in rows] + [""]


def markdown(result: Result) -> str:
    team = result.team
    out = [f"# {md(title(result))}", "",
           agreed_line(result, md(team.manager)), review_line(result), "", "## The rules we work within", ""]
    out += [f"- {r}" for r in _rules(result)] + ["", "## Our week", ""]
    days = [s.day for s in result.days]
    out += _md_table(("Member", *(DAYS[d] for d in days)), [
        [md(m.name) + (f" ({md(m.role)})" if m.role else "") + (f"; {agreed_individually(m)}" if m.exempt else "")]
        + [_cell(m, d, result) for d in days]
        for m in team.members])
    out += ["## Each day", ""] + _md_table(("Day", "Working", "In the office", "Desks used", "Everyone available"),
                                           [[first, *cells] for first, cells in _day_rows(result)])
    out += ["## Which channel for what", ""] + _md_table(("For", "Channel", "Answer within"), [
        [label(CHANNEL_KINDS, k), md(team.channels[k][0]) or "Not agreed yet", md(team.channels[k][1]) or "Not agreed yet"]
        for k, _ in CHANNEL_KINDS])
    if team.meetings:
        out += ["## Regular meetings", ""] + [
            f"- {md(mt.name)}: {DAYS[mt.day]}, {clock(mt.start)} to {clock(mt.end)}, "
            f"{label(MEETING_MODES, mt.mode).lower()}" for mt in team.meetings] + [""]
    if team.rotas:
        out += ["## Rotas", ""] + [
            f"- {md(r.name)}: {join([DAYS[d] for d in r.days])}; {label(ROTA_PLACES, r.place).lower()}, "
            f"{r.people} a day; covered by {md(join([m.name for m in team.members if r.name in m.rotas]) or 'no one yet')}"
            for r in team.rotas] + [""]
    for s in team.sections:
        agreed = team.agreed_text.get(s.id, "")
        out += [f"## {md(s.title)}", "", md_text(agreed) if agreed else "*Not agreed yet.*", "",
                f"*What good looks like: {md(s.good)}*", ""]
    if result.burden:
        out += ["## Who carries what", "", f"A share is flagged when it is {WELL_OVER}.", ""] + _md_table(
            BURDEN_HEADINGS, [[md(name), *cells] for name, cells in _burden_rows(result)])
    out += ["## Findings still open", ""]
    for lead, group in _in_order(result) if result.findings else []:
        out += ([f"**{lead}**", ""] if lead else []) + [
            f"- **{md(f.title)}.** {md(f.text)} To discuss: {md(f.suggestion)}" for f in group] + [""]
    if not result.findings:
        out += ["None: every check passed.", ""]
    if result.changes is not None:
        out += [f"## What changed {_since(result)}", ""]
        out += [f"- {md(c.text)}" for c in result.changes] or ["- Nothing yet."]
        out.append("")
    triggers = _triggers(result) + ([md(team.other_triggers)] if team.other_triggers else [])
    out += ["## Reviewing this agreement", "", review_when(result)
            + (" We also review it when:" if triggers else ""), ""] + [f"- {t}" for t in triggers] + [""]
    out += ["## Signed", ""] + _md_table(("Name", "Signature", "Date"), [[md(m.name), "", ""] for m in team.members]
                                         + [[md(f"{team.manager}, manager") if team.manager else "The manager", "", ""]])
    return "\n".join(out)


# ---------------------------------------------------------------- the record

def summary(result: Result) -> dict[str, Any]:
    """What was worked out, as data: a reader of the JSON gets the findings without parsing sentences."""
    return {
        "agreed": None if result.team.draft else result.team.agreed.isoformat(),
        "review": None if result.team.draft and not result.team.review_given else result.team.review.isoformat(),
        "days": [{"day": DAYS[s.day], "working": [m.name for m in s.working], "in_office": [m.name for m in s.in_office],
                  "everyone_available": [clock(s.window[0]), clock(s.window[1])] if s.window else None}
                 for s in result.days],
        "findings": [{"check": f.check, "title": f.title, "text": f.text, "suggestion": f.suggestion,
                      "people": list(f.people), "days": list(f.days), "blocking": f.blocking}
                     for f in result.findings],
    }


def _kept(result: Result, values: dict[str, Any]) -> dict[str, Any]:
    """What the record keeps of the form: the dates as they were worked out (an empty date agreed would become
    the day it is reopened), and not the earlier agreement (loading this record makes it the earlier one)."""
    kept = {k: v for k, v in values.items() if k not in ("previous", "invitation")}
    # An exemption's reason stays in the browser's draft: the record, like every output, has no place for it.
    exemptions = kept.get("exemptions")
    exemptions = list(exemptions.values()) if isinstance(exemptions, dict) else exemptions
    if isinstance(exemptions, list):
        kept["exemptions"] = [{k: v for k, v in row.items() if k != "reason"} if isinstance(row, dict) else row
                              for row in exemptions]
    team = dict(kept.get("team")) if isinstance(kept.get("team"), dict) else {}
    # A draft stays a draft when it is loaded again: no date agreed, and its default review still to follow it.
    team["agreed"] = "" if result.team.draft else result.team.agreed.isoformat()
    team["review"] = "" if result.team.draft and not result.team.review_given else result.team.review.isoformat()
    return {**kept, "team": team}


def render(result: Result, values: dict[str, Any]) -> Rendered:
    grid, week = figures.grid(result, result.team.colour), _week_table(result)
    return Rendered(
        parts=tuple(html(result, grid, week)),
        filename=file_name("team-agreement", result.team.name, on=result.team.agreed),
        status=status(result),
        make_markdown=lambda: markdown(result),
        make_record=lambda: records.make(NAME, title(result), _kept(result, values), summary(result)),
        make_document=lambda: document(result, grid, week),
        more=(("Download counts for HR (JSON)", f"team-counts-{_slug(result.team.name)}.json", "application/json",
               lambda: json.dumps(hr_counts_record(result), indent=2, ensure_ascii=False)),),
        notes=tuple((f"members.{m.index}.hours", f"{m.name}'s usual days come to more hours than the contract, "
                     "even allowing an hour's break a day (see the findings). Check the hours, or keep them if "
                     "these are the hours they can be reached.") for m in long_day_members(result.team)),
    )
