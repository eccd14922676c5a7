"""The where & when planner's result in words: safe HTML for the page, Markdown to take into the conversation.

Both are written from the same sentences, so the download says exactly what the page says. A sentence is a list
of parts: our own words, and _Typed parts (what a person typed), which md() escapes for Markdown; in HTML every
part goes through esc()."""

from __future__ import annotations

import re
from typing import Any

from .. import now, records
from ..forms import fmt_clock, fmt_number
from ..documents import Rendered, file_name, made_line, printable_page, table
from ..safe import esc, md
from . import figures
from .commute import MODES, WEEKS_PER_YEAR
from .schema import NAME
from .model import DAYS, FOCUS, HOME_NEEDS, WHERE, Activity, Day, Plan, Result, label

class _Typed(str):
    """Text a person typed."""


Sentence = list[str]


# The page speaks to the person planning ("your hours"); the plan they download and send is theirs, in their own
# voice ("my hours"), as its title says. Only our own words change: what they typed stays as typed.
_MINE = ((r"\bYour\b", "My"), (r"\byour\b", "my"), (r"\byou would\b", "I would"), (r"\byou do not\b", "I do not"),
         (r"\bsuit you\b", "suit me"), (r"\bexpect you\b", "expect me"), (r"\byou used\b", "I used"))


def _mine(words: str) -> str:
    for pattern, replacement in _MINE:
        words = re.sub(pattern, replacement, words)
    return words


def _html_of(parts: Sentence, mine: bool = False) -> str:
    return "".join(esc(p if isinstance(p, _Typed) or not mine else _mine(p)) for p in parts)


def _md_of(parts: Sentence) -> str:
    # Our own sentences hold no Markdown syntax, so they stay readable as plain text in the file.
    return "".join(md(p) if isinstance(p, _Typed) else _mine(p) for p in parts)


def _hours(minutes: float) -> str:
    return fmt_number(minutes / 60)


def _hours_word(minutes: int) -> str:
    return "1 hour" if minutes == 60 else f"{_hours(minutes)} hours"


def _pct(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def _span(a: int, b: int) -> str:
    return f"{fmt_clock(a)} to {fmt_clock(b)}"


def _join(words: list[str]) -> str:
    return "" if not words else words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _days_word(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


# ---------------------------------------------------------------- the sentences

def title(result: Result) -> str:
    return f"My {result.plan.term} plan: where and when I work"


def status(result: Result) -> str:
    together = sum(1 for d in result.week.days if d.place == "site")
    home = sum(1 for d in result.week.days if d.place == "home")
    out = (f"{_pct(result.place_flexible, result.total)} of your hours could happen anywhere. "
           f"Suggested week: {_days_word(together)} together, {_days_word(home)} at home.")
    left = result.week.unplaced_minutes()
    return out + (f" {_hours_word(left)} {'does' if left == 60 else 'do'} not fit." if left else "")


def _role(result: Result) -> Sentence:
    p = result.plan
    return [f"Your role: {_hours(p.contracted)} hours a week over {_days_word(p.days)}, usually "
            f"{_span(p.start, p.finish)}. Your activities add up to {_hours(result.total)} hours."]


def _warnings(result: Result) -> list[Sentence]:
    p, out = result.plan, []
    gap = p.contracted - result.total
    if gap > 0 and result.total * 2 < p.contracted:
        out.append([f"Your activities cover only {_hours(result.total)} of your {_hours(p.contracted)} contracted "
                    "hours: less than half your week. The figures below describe only those hours, so add the "
                    "rest (even as “Other work”) before you rely on them."])
    elif gap > 0:
        out.append([f"Your activities cover {_hours(result.total)} of your {_hours(p.contracted)} contracted hours. "
                    f"The other {_hours(gap)} hours are not described, so they are not in the shares or the week."])
    week = result.week
    left = week.unplaced_minutes()
    if left:
        room = sum(d.limit for d in week.working())
        why = ""
        if room < result.total:
            why = (f" Your {_days_word(p.days)}, from {_span(p.start, p.finish)} less fixed commitments, hold "
                   f"{_hours(room)} hours, but your activities need {_hours(result.total)}.")
        out.append([f"Your work does not all fit your days: {_hours(left)} hours are left over.{why} "
                    "Longer days (compressed hours), another working day or a change to a set time or commitment "
                    "would make room. What is left over, and why, is listed under the week."])
    if not p.home_ok:
        missing = [label(HOME_NEEDS, m).lower() for m in p.home_missing]
        out.append([f"No home day is suggested, because you do not have {_join(missing)} at home. Work that can "
                    "happen anywhere could still be done at another site or a local hub, or the other forms of "
                    "flexibility below may help."])
    out += [[n] for n in week.notes]
    return out


def _where(a: Activity) -> Sentence:
    if not a.place_bound:
        return ["Place-flexible: it can happen anywhere."]
    detail = [" (", _Typed(a.detail), ")"] if a.detail else []
    head = f"Place-bound: {label(WHERE, a.where).lower()}. "
    reasons: dict[str, Sentence] = {
        "contact": ["In-person contact", *([" with ", _Typed(a.detail)] if a.detail else []),
                    ". Check which parts truly must be face to face; some may work by video."],
        "equipment": ["Needs equipment that is only there", *detail,
                      ". Ask whether it could be provided at home, or the work grouped onto days together."],
        "security": ["Needs the security of the place or the data", *detail,
                     ". Ask whether secure remote access could cover part of it."],
        "cover": ["Part of a cover rota", *detail, ". Agree the rota with the team so your turns fall on your days "
                  "together."],
        "habit": ["Could change: it happens there out of habit or because of a process", *detail,
                  ". Challenge it: could paper be scanned or kept digitally, the meeting be held online or hybrid, "
                  "or the process be changed?"],
    }
    return [head, *reasons.get(a.why, [])]


def _when(a: Activity, core: tuple[int, int] | None) -> Sentence:
    if a.when == "any":
        return ["Time-flexible: any time."]
    if a.when == "core":
        return [f"Time-bound to core hours ({_span(*core)})." if core else "Time-bound to core hours."]
    return [f"Time-bound: {DAYS[a.day]}, {_span(a.start, a.end)}."]


def _shares(result: Result) -> list[Sentence]:
    t, p = result.total, result.plan
    pf, tf, both = result.place_flexible, result.time_flexible, result.both_flexible
    out = [
        [f"Place-flexible: {_hours(pf)} of {_hours(t)} hours ({_pct(pf, t)}). This work can happen anywhere, "
         "so it can move to a home day."],
        [f"Time-flexible: {_hours(tf)} of {_hours(t)} hours ({_pct(tf, t)}). This work can happen at any time of "
         "the working day, so it can move around fixed commitments."],
        [f"Both: {_hours(both)} hours ({_pct(both, t)}) can happen anywhere and at any time: the freest part of "
         "your work, and the best for focused time at home."],
    ]
    if result.core_bound:
        out.append([f"Tied to core hours: {_hours(result.core_bound)} hours ({_pct(result.core_bound, t)}). This "
                    "work can move between places, but not outside core hours."])
    if result.habit_bound:
        out.append([f"Place-bound only by habit or a process that could change: {_hours(result.habit_bound)} hours. "
                    f"If that changed, {_pct(pf + result.habit_bound, t)} of your hours could happen anywhere."])
    share = pf / t if t else 0
    together = sum(1 for d in result.week.days if d.place == "site")
    if share > 0.5:
        out.append([f"What it suggests: most of your work could happen away from the base, so a mostly remote "
                    f"pattern is possible, with {_days_word(together)} together for the work that needs it."])
    elif share >= 0.2:
        out.append(["What it suggests: up to half your week could be away from the base, so a hybrid pattern "
                    "with a day or two at home suits this role."])
    else:
        out.append(["What it suggests: little of your work can move away from the base. Other forms of "
                    "flexibility may suit you better: flexitime (choosing your start and finish around core "
                    "hours), staggered hours (a different fixed start and finish) or compressed hours (your hours "
                    "over fewer, longer days)."])
    if t and tf * 2 >= t:
        out.append(["Much of your work can happen at any time, so flexitime or staggered hours are worth asking "
                    "for as well as a change of place."])
    elif p.core and result.core_bound:
        out.append(["Much of your work is tied to core hours or set times, so changes to when you work need to "
                    "fit around them."])
    return out


def _week_intro(result: Result) -> Sentence:
    p, w = result.plan, result.week
    span = p.finish - p.start
    return [f"No day holds more than your usual day, {_span(p.start, p.finish)} ({_hours(span)} hours), less any "
            f"fixed commitments that day. Each day is first filled to {_hours(w.target)} hours (your contracted "
            "hours spread over your working days) and only beyond that, up to the usual day, where the work needs "
            "it. Place-bound work is grouped onto as few days together as it needs, anchor days first, with at "
            f"least {_days_word(p.min_days)} together; set-time work is on its set day; the rest, the most "
            "concentrated first, is on home days."]


def _place(day: Day, home_ok: bool) -> str:
    if day.place == "home":
        return "At home"
    # Without a place to work at home every day is at the base; "together" would claim a choice not made.
    return ("Together at the base" if home_ok else "At the base") + (" (anchor day)" if day.anchor else "")


def _window(day: Day, core: tuple[int, int] | None) -> list[Sentence]:
    out: list[Sentence] = []
    if day.windows:
        out.append(["Flexible hours can fall " + _join([_span(a, b) for a, b in day.windows]) + "."])
    else:
        out.append(["No free time is left for flexible hours."])
    for c in day.commitments:
        if c.what:
            out.append(["Kept clear: ", _Typed(c.what), f", {_span(c.start, c.end)}."])
        else:
            out.append([f"Kept clear: a fixed commitment, {_span(c.start, c.end)}."])
    if core and any(s.activity.when == "core" and s.start is None for s in day.slots):
        out.append([f"Core-hours work falls between {fmt_clock(core[0])} and {fmt_clock(core[1])}."])
    return out


def _slot_words(day: Day) -> list[Sentence]:
    out = []
    for s in day.slots:
        when = f" ({_span(s.start, s.end)})" if s.start is not None else ""
        out.append([_Typed(s.activity.name), f": {_hours_word(s.minutes)}{when}"])
    return out


def _unplaced(result: Result) -> list[Sentence]:
    return [[_Typed(u.activity.name), f": {_hours_word(u.minutes)} not placed, because {u.reason}."]
            for u in result.week.unplaced]


def _days_off(result: Result) -> Sentence | None:
    off = [DAYS[d.day] for d in result.week.days if not d.working and d.day < 5]
    if not off:
        return None
    return [f"Not a working day in this plan: {_join(off)}."]


def _commute(result: Result, on_page: bool = True) -> list[Sentence]:
    s, c = result.savings, result.plan.commute
    if not s.home_days:
        return [["No home day is suggested, so your commute stays as it is."]]
    mode = next(text for value, text, _ in MODES if value == c.mode)
    out = [[f"With {_days_word(s.home_days)} at home a week you would make {s.trips:,} fewer single journeys a "
            f"year ({s.home_days} × 2 journeys × {WEEKS_PER_YEAR} working weeks), compared with travelling in "
            "on every working day."]]
    if s.hours is not None:
        out.append([f"Time: about {round(s.hours):,} hours a year back, at {fmt_number(c.minutes)} "
                    "minutes each way."])
    elif on_page:
        out.append(["Time: enter your minutes each way to see the hours you would get back."])
    if s.cost is not None:
        money = result.plan.currency
        unit = "" if money else " (in the currency you used)"
        out.append([f"Cost: about {money}{s.cost:,.2f} a year saved, at {money}{c.cost:,.2f} each way{unit}."])
    elif on_page:
        out.append(["Cost: enter your cost each way to see what you would save."])
    if s.km is not None:
        co2 = f"about {round(s.co2_kg):,} kg CO2e a year" if s.factor else "none, as it is zero-emission"
        out.append([f"Distance: {round(s.km):,} km a year not travelled. Emissions saved: {co2} "
                    f"({mode.lower()}: {s.factor:g} kg CO2e per km)."])
    elif on_page:
        out.append(["Distance and emissions: enter your distance each way to see them."])
    return out


def _factors(plan: Plan) -> Sentence:
    factors = dict(plan.factors)
    listed = "; ".join(f"{text.lower()} {factors[value]:g}" for value, text, _ in MODES)
    return [f"Emission factors, in kg CO2e per km for one person, approximate and rounded from "
            f"{plan.factors_source}: {listed}. Car and motorbike figures are per vehicle, for someone travelling alone. Working at home "
            "has emissions of its own (heating, power) that this does not count."]


def _conversation(result: Result, on_page: bool = True) -> list[Sentence]:
    out = [["Download this plan as Markdown to send or print before the conversation; download the JSON to load "
            "it back into this page later and change it."]] if on_page else []
    out.append(["Start with your activities: agree which are really place-bound or time-bound."])
    if result.habit_bound:
        out.append(["The activities marked “could change” are the best ones to talk about: a change to a habit "
                    "or a process may free more of your week."])
    out.append(["Agree your days together with the team, try the pattern for a set time, and set a date to "
                "review it."])
    return out


# ---------------------------------------------------------------- HTML

def html(result: Result, on_page: bool = True) -> list[str]:
    """The result in parts (a figure, a table, a list): the page patches only the parts that change."""
    p, mine = result.plan, not on_page  # the printable plan is the person's own, in their voice

    def of(parts: Sentence) -> str:
        return _html_of(parts, mine)

    your = "my" if mine else "your"
    parts = [f'<p class="swt-headline"><strong>{_pct(result.place_flexible, result.total)}</strong> of {your} hours '
             f'could happen anywhere, and <strong>{_pct(result.time_flexible, result.total)}</strong> at any time.</p>',
             figures.shares(result, p.colour), f"<p>{of(_role(result))}</p>"]
    for w in _warnings(result):
        parts.append(f'<div class="admonition warning"><p>{of(w)}</p></div>')

    rows = [(esc(a.name), [_hours(a.minutes), of(_where(a)), of(_when(a, p.core)),
                           esc(label(FOCUS, a.focus).split(':')[0])]) for a in p.activities]
    parts.append(f"<h3>{your.capitalize()} activities</h3>" + table(
        "Where and when each activity can happen, and why",
        ("Activity", "Hours a week", "Where", "When", "Concentration"), rows))
    parts.append(f"<h3>How flexible {your} hours are</h3><ul>"
                 + "".join(f"<li>{of(s)}</li>" for s in _shares(result)) + "</ul>")

    week_rows = [
        (DAYS[d.day], [_place(d, p.home_ok), f"{_hours(d.minutes)} of up to {_hours(d.limit)}",
                       f"<ul>{''.join(f'<li>{of(s)}</li>' for s in _slot_words(d)) or '<li>Nothing planned</li>'}</ul>",
                       " ".join(of(s) for s in _window(d, p.core))])
        for d in result.week.working()
    ]
    off = _days_off(result)
    unplaced = _unplaced(result)
    parts.append(
        f"<h3>A suggested week</h3><p>{of(_week_intro(result))}</p>"
        + figures.timeline(result, p.colour)
        + table("Hours per day and place", ("Day", "Where", "Hours", "What", "When flexible hours can fall"), week_rows)
        + (f"<p>{of(off)}</p>" if off else "")
        + ("<h4>Not in the week</h4><ul>" + "".join(f"<li>{of(s)}</li>" for s in unplaced) + "</ul>"
           if unplaced else "")
    )
    parts.append("<h3>What changes</h3>" + (figures.changes(result, p.colour) or "") + "<ul>"
                 + "".join(f"<li>{of(s)}</li>" for s in _commute(result, on_page))
                 + f'</ul><p class="swt-hint">{of(_factors(p))}</p>')
    parts.append("<h3>Taking it into the conversation</h3><ul>"
                 + "".join(f"<li>{of(s)}</li>" for s in _conversation(result, on_page)) + "</ul>")
    return parts


# ---------------------------------------------------------------- Markdown

def markdown(result: Result) -> str:
    p = result.plan
    out = [f"# {md(title(result))}", "", md(made_line(p.name)), "",
           f"**{_pct(result.place_flexible, result.total)}** of my hours could happen anywhere, and "
           f"**{_pct(result.time_flexible, result.total)}** at any time.", "", _md_of(_role(result)), ""]
    for w in _warnings(result):
        out += [f"> {_md_of(w)}", ""]
    out += ["## My activities", "", "| Activity | Hours a week | Where | When | Concentration |",
            "|---|---|---|---|---|"]
    for a in p.activities:
        out.append(f"| {md(a.name)} | {_hours(a.minutes)} | {_md_of(_where(a))} | {_md_of(_when(a, p.core))} | "
                   f"{label(FOCUS, a.focus).split(':')[0]} |")
    out += ["", "## How flexible my hours are", ""] + [f"- {_md_of(s)}" for s in _shares(result)]
    out += ["", "## A suggested week", "", _md_of(_week_intro(result)), ""]
    for d in result.week.working():
        out += [f"### {DAYS[d.day]}: {_place(d, p.home_ok).lower()}, {_hours_word(d.minutes)}", ""]
        out += [f"- {_md_of(s)}" for s in _slot_words(d)] or ["- Nothing planned"]
        out += [f"- {_md_of(s)}" for s in _window(d, p.core)]
        out.append("")
    off = _days_off(result)
    if off:
        out += [_md_of(off), ""]
    unplaced = _unplaced(result)
    if unplaced:
        out += ["### Not in the week", ""] + [f"- {_md_of(s)}" for s in unplaced] + [""]
    out += ["## What changes", ""] + [f"- {_md_of(s)}" for s in _commute(result, on_page=False)] + ["", _md_of(_factors(p)), ""]
    out += ["## Taking it into the conversation", ""] + [f"- {_md_of(s)}" for s in _conversation(result, on_page=False)] + [""]
    return "\n".join(out)


# ---------------------------------------------------------------- the record's result part

def summary(result: Result) -> dict[str, Any]:
    """What was worked out, as data: a reader of the JSON gets the figures without parsing sentences."""
    s = result.savings
    return {
        "hours": {"total": result.total / 60, "place_flexible": result.place_flexible / 60,
                  "time_flexible": result.time_flexible / 60, "both_flexible": result.both_flexible / 60,
                  "core_bound": result.core_bound / 60, "habit_bound": result.habit_bound / 60},
        "week": [{"day": DAYS[d.day], "place": d.place, "hours": d.minutes / 60,
                  "activities": [{"name": sl.activity.name, "hours": sl.minutes / 60} for sl in d.slots],
                  "flexible_windows": [[fmt_clock(a), fmt_clock(b)] for a, b in d.windows]}
                 for d in result.week.working()],
        "not_placed": [{"name": u.activity.name, "hours": u.minutes / 60, "reason": u.reason}
                       for u in result.week.unplaced],
        "commute_saved_a_year": {"home_days": s.home_days, "journeys": s.trips, "hours": s.hours, "cost": s.cost,
                                 "km": s.km, "kg_co2e": s.co2_kg, "kg_co2e_per_km": s.factor,
                                 "weeks_a_year": WEEKS_PER_YEAR, "factors": result.plan.factors_source},
    }


def document(result: Result) -> str:
    """The plan as a whole printable page, figures included, opened from the downloaded file."""
    return printable_page(title(result), "".join(html(result, on_page=False)), subtitle=made_line(result.plan.name))


def render(result: Result, values: dict[str, Any]) -> Rendered:
    return Rendered(
        parts=tuple(html(result)),
        filename=file_name("where-and-when-plan", result.plan.name, on=now.today()),
        status=status(result),
        make_markdown=lambda: markdown(result),
        make_record=lambda: records.make(NAME, title(result), values, summary(result)),
        make_document=lambda: document(result),
        notes=result.week.checks,  # beside their fields, marked "Check:"
    )
