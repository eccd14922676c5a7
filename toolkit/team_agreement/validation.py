"""Reading what was typed into the team agreement: the team, or a plain message beside each field that will not do."""

from __future__ import annotations

import dataclasses
import functools
import json
from datetime import date, timedelta
from typing import Any

from .. import links, now
from .. import org as org_settings
from ..forms import (Errors, FieldError, choice, choices, clock, day_date, group_of, hours_as_minutes,
                     readable_rows, row_list, text, utc_offset, whole_number)
from ..documents import date_words
from ..records import strict_json
from .model import (CHANNEL_KINDS, DAY_KEYS, DAY_OPTIONS, DAYS, EXEMPT_FROM, MEETING_MODES, PLACES, ROTA_PLACES,
                    TRIGGERS, Meeting, Member, Rota, Team)
from .revision import snapshot
from .schema import (AGREED_LIMIT, MAX_MEETINGS, MAX_MEMBERS, MAX_ROTAS, NAME_LIMIT, REASON_LIMIT, SHORT_LIMIT,
                     hours_text, sections)

PREVIOUS_LIMIT = 60_000


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has no such day (31 Jan + 1 = 28/29 Feb)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    following = date(year + (month == 12), month % 12 + 1, 1)
    return date(year, month, min(day.day, (following - timedelta(days=1)).day))


def validate(values: dict[str, Any], org: dict[str, Any], today: date | None = None) -> Team | list[FieldError]:
    """The team, or a plain message on each field that will not do. Never raises, whatever it is given."""
    values = values if isinstance(values, dict) else {}
    org = org if isinstance(org, dict) else {}
    today = today or now.today()
    e = Errors()

    t = group_of(values, "team")
    name = e.take("team.name", text(t.get("name"), label="The team's name", required=True, max_length=SHORT_LIMIT))
    manager = e.take("team.manager", text(t.get("manager"), label="The manager", max_length=NAME_LIMIT)) or ""
    agreed_given = e.take("team.agreed", day_date(t.get("agreed"), label="The date agreed", required=False))
    agreed = agreed_given or today  # a draft's review is worked out as if it were agreed today
    review = e.take("team.review", day_date(t.get("review"), label="The review date", required=False))
    review_given = review is not None
    if review is None:
        review = add_months(agreed, 3)
        if review < today:
            e.add("team.review", f"Three months after the date agreed is {date_words(review)}, which has passed. "
                                 "If you are revising the agreement, set the date agreed to today, or give the "
                                 "date of its next review.")
    elif review <= agreed:
        e.add("team.review", f"The review date must be after the date agreed ({date_words(agreed)}).")
    elif review < today:
        e.add("team.review", f"The review date, {date_words(review)}, has passed. If you are revising the "
                             "agreement, set the date of its next review.")
    triggers = e.take("team.triggers", choices(t.get("triggers", [v for v, _ in TRIGGERS]),
                                               label="When to review", options=TRIGGERS))
    other = e.take("team.other_triggers", text(t.get("other_triggers"), label="Other reasons to review",
                                               max_length=300)) or ""
    team_offset = e.take("team.timezone", utc_offset(t.get("timezone"), label="The team's time zone")) or 0
    site = e.take("team.site", text(t.get("site"), label="The site", max_length=SHORT_LIMIT)) or ""

    r = group_of(values, "rules")
    defaults = org_settings.form_policy(org)
    anchors = e.take("rules.anchor_days", choices(r.get("anchor_days", defaults["anchor_days"]),
                                                  label="Anchor days", options=DAY_OPTIONS))
    min_days = e.take("rules.min_days", whole_number(r.get("min_days"), "Minimum days together a week", 0, 7,
                                                     default=defaults["min_days"]))
    core = _core(r.get("core_start", defaults["core_start"]), r.get("core_end", defaults["core_end"]), e)
    desks = e.take("rules.desks", _optional_whole(r.get("desks"), "Desks", 0, 1000))
    full_time = e.take("rules.full_time", hours_as_minutes(r.get("full_time") or "37.5", "A full-time week", 100))

    rotas, rota_names = _rotas(values, e)
    members = _members(values, e, rota_names, team_offset)
    members = _exemptions(values, e, members)
    meetings = _meetings(values, e)
    channels = {}
    c = group_of(values, "channels")
    for kind, kind_label in CHANNEL_KINDS:
        raw = c.get(kind) if isinstance(c.get(kind), dict) else {}
        channels[kind] = (
            e.take(f"channels.{kind}.channel", text(raw.get("channel"), label=f"The channel for {kind_label.lower()}",
                                                    max_length=SHORT_LIMIT)) or "",
            e.take(f"channels.{kind}.response", text(raw.get("response"), label="The answer time",
                                                     max_length=SHORT_LIMIT)) or "",
        )
    w = group_of(values, "ways")
    known = sections(org)
    agreed_text = {s.id: e.take(f"ways.{s.id}", text(w.get(s.id), label=s.title, max_length=AGREED_LIMIT)) or "" for s in known}
    previous = _previous(values.get("previous"))
    if e.list:
        return e.list
    term = org.get("term") if isinstance(org.get("term"), str) else "flexible working"
    return Team(term, name, manager, agreed, review, review_given, tuple(triggers), other, team_offset,
                tuple(DAYS.index(d) for d in anchors), min_days, core, desks, tuple(members), tuple(rotas),
                tuple(meetings), channels, agreed_text, known, org_settings.primary_colour(org), previous,
                # only a revision compares: a first agreement need not describe itself on every change
                snapshot(values) if previous is not None else {},
                full_time=full_time, site=site, smallest_group=_smallest_group(org),
                settings=links.fingerprint(org), draft=agreed_given is None)


def _smallest_group(org: dict[str, Any]) -> int:
    counts = org.get("counts") if isinstance(org.get("counts"), dict) else {}
    value = counts.get("smallest_group")
    return value if isinstance(value, int) and not isinstance(value, bool) and 2 <= value <= 50 else 5


def _exemptions(values: dict[str, Any], e: Errors, members: list[Member]) -> list[Member]:
    """Members agreed exempt from a rule. The reason is read (to hold it to its limit) and then dropped: nothing
    past this point can show it."""
    rows = row_list(values, "exemptions", MAX_MEMBERS, "exemptions", e)
    named = {}
    for member_row in row_list(values, "members", MAX_MEMBERS, "members", Errors()):
        if isinstance(member_row, dict):
            listed = text(member_row.get("name"), label="", max_length=NAME_LIMIT)[0]
            if listed:
                named[listed.casefold()] = listed
    exempt: dict[str, set[str]] = {}
    for _, at, n, row in readable_rows(rows, "exemptions", "Exemption", "member", e):
        who = e.take(at + "member", text(row.get("member"), label="The member's name", required=True,
                                         max_length=NAME_LIMIT), n)
        rule = e.take(at + "from", choice(row.get("from") or "office", label="What they are left out of",
                                          options=EXEMPT_FROM), n)
        e.take(at + "reason", text(row.get("reason"), label="The note", max_length=REASON_LIMIT), n)
        if who and who.casefold() not in named:
            listed = ", ".join(sorted(named.values())) or "none yet"
            e.add(at + "member", n + f"no member is called “{who}” (members: {listed}). An exemption needs a member "
                                     "of the team: check the spelling, or add them under “Who is in the team”.")
        elif who and rule:
            exempt.setdefault(who.casefold(), set()).update(("office", "rotas") if rule == "both" else (rule,))
    return [dataclasses.replace(m, exempt=tuple(sorted(exempt[m.name.casefold()])))
            if m.name.casefold() in exempt else m for m in members]


def _optional_whole(raw: Any, label: str, low: int, high: int) -> tuple[int | None, str | None]:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, None
    return whole_number(raw, label, low, high)


def _core(raw_start: Any, raw_end: Any, e: Errors) -> tuple[int, int] | None:
    if all(r is None or (isinstance(r, str) and not r.strip()) for r in (raw_start, raw_end)):
        return None
    cs = e.take("rules.core_start", clock(raw_start, label="Core hours start"))
    ce = e.take("rules.core_end", clock(raw_end, label="Core hours end"))
    if cs is not None and ce is not None and ce <= cs:
        e.add("rules.core_end", "Core hours must end after they start.")
        return None
    return (cs, ce) if cs is not None and ce is not None else None


def _rotas(values: dict[str, Any], e: Errors) -> tuple[list[Rota], dict[str, str]]:
    """The rotas, and the name of every rota row that has one (members may list a rota whose row has a problem
    of its own: that problem is shown once, on the rota)."""
    out: list[Rota] = []
    seen: dict[str, int] = {}
    rows = row_list(values, "rotas", MAX_ROTAS, "rotas", e)
    for i, at, n, row in readable_rows(rows, "rotas", "Rota", "name", e):
        before = len(e.list)
        name = e.take(at + "name", text(row.get("name"), label="Its name", required=True, max_length=SHORT_LIMIT), n)
        if name and "," in name:
            e.add(at + "name", n + "a rota's name cannot contain a comma: members list their rotas with commas.")
        elif name and name.casefold() in seen:
            e.add(at + "name", n + f"there is already a rota called “{name}” (rota {seen[name.casefold()] + 1}).")
        days = e.take(at + "days", choices(row.get("days"), label="Its days", options=DAY_OPTIONS), n)
        if days == [] and not any(x.field == at + "days" for x in e.list):
            e.add(at + "days", n + "choose at least one day it runs.")
        place = e.take(at + "place", choice(row.get("place") or "office", label="What it needs",
                                            options=ROTA_PLACES), n)
        people = e.take(at + "people", whole_number(row.get("people"), "People needed", 1, 30, default="1"), n)
        if name:
            seen.setdefault(name.casefold(), i)
        if len(e.list) == before:
            out.append(Rota(name, tuple(DAYS.index(d) for d in days), place, people))
    names = {}
    for row in row_list(values, "rotas", MAX_ROTAS, "rotas", Errors()):
        listed = text(row.get("name") if isinstance(row, dict) else None, label="", max_length=SHORT_LIMIT)[0]
        if listed and "," not in listed:
            names.setdefault(listed.casefold(), listed)
    return out, names


def _members(values: dict[str, Any], e: Errors, rota_names: dict[str, str], team_offset: int) -> list[Member]:
    rows = row_list(values, "members", MAX_MEMBERS, "members", e)
    if not rows and not any(x.field == "members" for x in e.list):
        e.add("members", "Add at least one member of the team.")
    out: list[Member] = []
    seen: dict[str, int] = {}
    names = tuple(sorted(rota_names.items()))
    for i, at, n, row in readable_rows(rows, "members", "Member", "name", e):
        name, member, problems = _member(json.dumps(row, sort_keys=True), i, names, team_offset)
        e.list.extend(problems)
        if name and name.casefold() in seen:
            e.add(at + "name", n + f"member {seen[name.casefold()] + 1} is also called “{name}”. Add an initial or "
                                   "a surname so the agreement can tell them apart.")
        elif name:
            seen[name.casefold()] = i
        if member:
            out.append(member)
    return out


@functools.lru_cache(maxsize=128)
def _member(row_json: str, i: int, names: tuple[tuple[str, str], ...], team_offset: int
            ) -> tuple[str, Member | None, tuple[FieldError, ...]]:
    """One member's row read, from its JSON, as (their name, the member or None, the problems): kept between recomputes, since an edit changes one row at most
    (for a team of 30, reading every row again was a third of each recompute)."""
    row, rota_names, e = json.loads(row_json), dict(names), Errors()
    at, n = f"members.{i}.", f"Member {i + 1}: "
    name = e.take(at + "name", text(row.get("name"), label="A name or initials", required=True,
                                    max_length=NAME_LIMIT), n)
    who = f"{name}: " if name else n
    role = e.take(at + "role", text(row.get("role"), label="The role", max_length=SHORT_LIMIT), who) or ""
    contracted = e.take(at + "hours", hours_as_minutes(row.get("hours"), "Contracted hours a week"), who)
    start = e.take(at + "start", clock(row.get("start"), label="Usual start"), who)
    finish = e.take(at + "finish", clock(row.get("finish"), label="Usual finish"), who)
    offset = e.take(at + "timezone", utc_offset(row.get("timezone"), label="The time zone"), who)
    places = tuple(e.take(at + key, choice(row.get(key) or "off", label=f"Where on {day}", options=PLACES), who)
                   or "off" for key, day in zip(DAY_KEYS, DAYS))
    working = sum(p != "off" for p in places)
    if not working:
        e.add(at + "mon", who + "choose at least one day they work.")
    if start is not None and finish is not None:
        if finish == start:
            e.add(at + "finish", who + "the usual finish cannot be the same as the usual start. For a night "
                                       "shift, give the finish the next morning, e.g. 22:00 to 06:00.")
        elif contracted is not None and working:
            # A finish before the start is the next morning: a night shift.
            _fits(e, at, who, contracted, (finish - start) % 1440, working)
    if start is not None and finish is not None and finish < start:
        finish += 1440
    rotas = _rota_list(row.get("rotas"), rota_names, e, at, who)
    if e.list:
        return name or "", None, tuple(e.list)
    return name, Member(i, name, role, contracted, start, finish, offset if offset is not None else team_offset,
                        places, rotas), ()


def _fits(e: Errors, at: str, who: str, contracted: int, day: int, working: int) -> None:
    """The contract fits in the days (days that run longer than the contract are a finding, not an error)."""
    span = day * working
    if contracted > span:
        e.add(at + "hours", who + f"{hours_text(contracted)} contracted hours do not fit in {working} "
                                  f"day{'s' if working > 1 else ''} of {hours_text(day)} hours "
                                  f"({hours_text(span)} hours). Check the hours, the usual start and finish, "
                                  "or the days worked.")


def _rota_list(raw: Any, rota_names: dict[str, str], e: Errors, at: str, who: str) -> tuple[str, ...]:
    listed, problem = text(raw, label="The rotas", max_length=200)
    if problem:
        e.add(at + "rotas", who + problem)
        return ()
    out = []
    for item in (part.strip() for part in (listed or "").split(",")):
        if not item:
            continue
        if item.casefold() not in rota_names:
            known = ", ".join(rota_names.values()) or "none yet"
            e.add(at + "rotas", who + f"“{item}” is not one of the team's rotas (listed: {known}). "
                                      "Check the spelling, or add the rota below.")
        elif rota_names[item.casefold()] not in out:
            out.append(rota_names[item.casefold()])
    return tuple(out)


def _meetings(values: dict[str, Any], e: Errors) -> list[Meeting]:
    out = []
    rows = row_list(values, "meetings", MAX_MEETINGS, "meetings", e)
    for _, at, n, row in readable_rows(rows, "meetings", "Meeting", "name", e):
        before = len(e.list)
        name = e.take(at + "name", text(row.get("name"), label="Its name", required=True, max_length=SHORT_LIMIT), n)
        day = e.take(at + "day", choice(row.get("day"), label="The day", options=DAY_OPTIONS), n)
        start = e.take(at + "start", clock(row.get("start"), label="From"), n)
        end = e.take(at + "end", clock(row.get("end"), label="To"), n)
        mode = e.take(at + "mode", choice(row.get("mode") or "hybrid", label="How people take part",
                                          options=MEETING_MODES), n)
        if start is not None and end is not None and end <= start:
            e.add(at + "end", n + "it must end after it starts.")
        if len(e.list) == before:
            out.append(Meeting(name, DAYS.index(day), start, end, mode))
    return out


def _previous(raw: Any) -> dict | None:
    """The earlier agreement carried with the form (see revision.snapshot); one that cannot be read becomes
    {"unreadable": True}, which the result says in words: it never stops the rest of the agreement."""
    if raw in (None, ""):
        return None
    try:
        data = strict_json(raw) if isinstance(raw, str) and len(raw) <= PREVIOUS_LIMIT else None
    except ValueError:
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("members"), dict):
        return {"unreadable": True}
    return data

