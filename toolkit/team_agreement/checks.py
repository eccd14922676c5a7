"""Checks that the week a team describes works: each finding names who and when, and suggests what to discuss.

No check is a verdict. Every time here is in the team's time zone: a member's own hours are moved by the
difference between their time zone and the team's."""

from __future__ import annotations

from ..forms import fmt_clock, fmt_number
from .model import DAYS, PLACE_SHORT, Finding, Member, Team


def window(member: Member, team: Team) -> tuple[int, int]:
    """A member's usual hours in the team's time (may run past midnight either way)."""
    shift = team.offset - member.offset
    return member.start + shift, member.finish + shift


def clock(minutes: int) -> str:
    """A time of the team's day; one that falls on another day says which."""
    day, rest = divmod(minutes, 1440)
    near = {0: "", -1: " the day before", 1: " the next day"}
    return fmt_clock(rest) + near.get(day, f" {abs(day)} days {'before' if day < 0 else 'later'}")


def join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1] if words else ""


def _day_list(days: list[int]) -> str:
    return join([DAYS[d] for d in days])


def _short_of(people: int, able: list[Member], others: list[Member], d: int) -> str:
    """Who can cover a rota day and where the others are, e.g. "only Ana can; Ben and Cy are at home"."""
    have = f"only {join([m.name for m in able])} can cover it" if able else "no one who covers it can"
    if people > 1 and able:
        have += f" ({len(able)} of {people} needed)"
    where = {}
    for m in others:
        where.setdefault(m.places[d], []).append(m.name)
    said = [f"{join(names)} {'is' if len(names) == 1 else 'are'} "
            + {"home": "at home", "elsewhere": "elsewhere", "off": "not working", "office": "in the office"}[place]
            for place, names in where.items()]
    return have + (": " + "; ".join(said) if said else "")


def cover(team: Team) -> list[Finding]:
    out = []
    for rota in team.rotas:
        coverers = [m for m in team.members if rota.name in m.rotas]
        need = "someone in the office" if rota.place == "office" else "someone working"
        if rota.people > 1:
            need = f"{rota.people} people" + (" in the office" if rota.place == "office" else " working")
        if not coverers:
            out.append(Finding("cover", f"{rota.name}: no one covers it",
                               f"{rota.name} needs {need} on {_day_list(list(rota.days))}, and no member lists it "
                               "among the rotas they can cover.",
                               "Agree who will cover it, and add the rota's name to their row.",
                               (), tuple(DAYS[d] for d in rota.days), rota.name))
            continue
        gaps = []
        for d in rota.days:
            able = [m for m in coverers if m.works(d) and (rota.place == "anywhere" or m.places[d] == "office")]
            if len(able) < rota.people:
                gaps.append((d, f"on {DAYS[d]} " + _short_of(rota.people, able, [m for m in coverers if m not in able], d)))
        if gaps:
            names = join([m.name for m in coverers])
            out.append(Finding(
                "cover", f"{rota.name}: days without cover",
                f"{rota.name} needs {need} each day it runs: " + "; ".join(text for _, text in gaps) + ".",
                f"Ask whether {names} could change a day, whether {rota.name} could be covered "
                + ("from home on those days, " if rota.place == "office" else "")
                + "or whether someone else could learn to cover it.",
                tuple(m.name for m in coverers), tuple(DAYS[d] for d, _ in gaps), rota.name))
    return out


def anchor(team: Team) -> list[Finding]:
    out = []
    for d in team.anchor_days:
        away = [m for m in team.members if m.works(d) and m.places[d] != "office"]
        off = [m for m in team.members if not m.works(d)]
        if not away:
            continue
        text = (f"{DAYS[d]} is an anchor day, but "
                + join([f"{m.name} ({PLACE_SHORT[m.places[d]].lower()})" for m in away])
                + (" is" if len(away) == 1 else " are") + " not in the office that day.")
        if off:
            text += f" {join([m.name for m in off])} {'does' if len(off) == 1 else 'do'} not work on {DAYS[d]}s."
        out.append(Finding("anchor", f"{DAYS[d]}: not everyone is in on the anchor day", text,
                           "Check whether the day still works for them, or agree what the anchor day is for and "
                           "how they take part when they cannot come in.",
                           tuple(m.name for m in away), (DAYS[d],)))
    return out


def together(m: Member, team: Team) -> int:
    """The days a member is in the office with at least one other member of the team."""
    return sum(1 for d in m.office_days if any(o is not m and o.places[d] == "office" for o in team.members))


def minimum(team: Team) -> list[Finding]:
    if not team.min_days or len(team.members) < 2:
        return []
    short = [m for m in team.members if together(m, team) < min(team.min_days, len(m.working_days))]
    if not short:
        return []
    days = "day" if team.min_days == 1 else "days"
    return [Finding(
        "minimum", "Below the minimum days together",
        f"The rules ask for at least {team.min_days} {days} a week in the office together. "
        + join([f"{m.name} is in with colleagues on {together(m, team)} of {len(m.working_days)} working days"
                for m in short]) + ".",
        "Talk through whether office days could line up, or whether an exception is agreed and why; for "
        "part-time members the minimum is counted against the days they work.",
        tuple(m.name for m in short))]


def long_day_members(team: Team) -> list[Member]:
    """Members whose usual days come to more than their contract, allowing an hour's break a day."""
    return [m for m in team.members
            if (m.finish - m.start) * len(m.working_days) > m.contracted + 60 * len(m.working_days)]


def long_days(team: Team) -> list[Finding]:
    """Usual days longer than the contract: said beside the hours too (rendering), but never refused, as flexible
    hours and other people's availability windows are often wider than the hours worked."""
    over = long_day_members(team)
    if not over:
        return []
    return [Finding(
        "hours", "Usual days longer than the contract",
        join([f"{m.name}'s {len(m.working_days)} days of {clock(m.start)} to {clock(m.finish)} come to "
              f"{fmt_number((m.finish - m.start) * len(m.working_days) / 60)} hours against "
              f"{fmt_number(m.contracted / 60)} contracted" for m in over])
        + ", even allowing an hour's break a day.",
        "Check whether these are the hours people are available rather than working, and agree what is "
        "expected outside the contract: nobody should be expected to answer then.",
        tuple(m.name for m in over))]


def desks(team: Team) -> list[Finding]:
    if team.desks is None:
        return []
    over = [(d, len([m for m in team.members if m.places[d] == "office"])) for d in range(7)]
    over = [(d, n) for d, n in over if n > team.desks]
    if not over:
        return []
    return [Finding(
        "desks", "More people than desks",
        f"The team has {team.desks} desk{'s' if team.desks != 1 else ''}. "
        + " ".join(f"On {DAYS[d]} {n} {'person is' if n == 1 else 'people are'} in, {n - team.desks} more than "
                   "there are desks." for d, n in over)
        ,
        "Move some office days to quieter days, book extra desks for those days, or agree who shares.",
        (), tuple(DAYS[d] for d, _ in over))]


def shared_window(team: Team, d: int) -> tuple[int, int] | None:
    """When everyone working on day `d` is available, in the team's time; None when there is no such time."""
    working = [window(m, team) for m in team.members if m.works(d)]
    if not working:
        return None
    start, end = max(w[0] for w in working), min(w[1] for w in working)
    return (start, end) if end > start else None


def windows(team: Team) -> list[Finding]:
    out = []
    for d in range(7):
        working = [m for m in team.members if m.works(d)]
        if len(working) < 2 or shared_window(team, d):
            continue
        latest = max(working, key=lambda m: window(m, team)[0])
        earliest = min(working, key=lambda m: window(m, team)[1])
        out.append(Finding(
            "window", f"{DAYS[d]}: no time when everyone is available",
            f"On {DAYS[d]} there is no time when {'both' if len(working) == 2 else f'all {len(working)}'} people "
            f"working are available: in the team's time, {earliest.name} finishes at "
            f"{clock(window(earliest, team)[1])} and {latest.name} starts at {clock(window(latest, team)[0])}.",
            "Agree which work needs everyone at once and move it to another day, or hand over in writing.",
            (earliest.name, latest.name), (DAYS[d],)))
    return out


def core(team: Team) -> list[Finding]:
    if not team.core:
        return []
    lines, people = [], []
    for m in team.members:
        start, end = window(m, team)
        if start <= team.core[0] and end >= team.core[1]:
            continue
        days = [d for d in range(7) if m.works(d)]
        gaps = []
        if start > team.core[0]:
            gaps.append(f"{clock(team.core[0])} to {clock(min(start, team.core[1]))}")
        if end < team.core[1]:
            gaps.append(f"{clock(max(end, team.core[0]))} to {clock(team.core[1])}")
        people.append(m.name)
        lines.append(f"{m.name} ({clock(start)} to {clock(end)} on {_day_list(days)}) is not working "
                     f"{' or '.join(gaps)}")
    if not lines:
        return []
    return [Finding(
        "core", "Core hours not covered",
        f"Core hours are {clock(team.core[0])} to {clock(team.core[1])}. " + "; ".join(lines) + ".",
        "Agree how these members are reached in those hours, or whether core hours apply to their pattern "
        "(part days and other time zones often cannot cover them).",
        tuple(people))]


def fairness(team: Team) -> list[Finding]:
    out = []
    shares = [(m, len(m.office_days) / len(m.working_days)) for m in team.members if m.working_days]
    if len(shares) >= 3:
        most, least = max(shares, key=lambda s: s[1]), min(shares, key=lambda s: s[1])
        if most[1] - least[1] >= 0.5:
            out.append(Finding(
                "fairness", "Office days fall unevenly",
                f"{most[0].name} is in the office on {len(most[0].office_days)} of {len(most[0].working_days)} "
                f"working days ({round(most[1] * 100)}%), {least[0].name} on {len(least[0].office_days)} of "
                f"{len(least[0].working_days)} ({round(least[1] * 100)}%).",
                "Check the difference comes from the work or a choice each person made, not from who asked first.",
                (most[0].name, least[0].name)))
    load = cover_load(team)
    if len(load) >= 2:
        most_m, most_l = max(load.items(), key=lambda kv: kv[1])
        least_m, least_l = min(load.items(), key=lambda kv: kv[1])
        if most_l >= 1 and most_l >= 2 * least_l:
            least_words = (f"{least_m} {fmt_number(round(least_l, 1))}: "
                           f"{fmt_number(round(most_l / least_l, 1))} times as much" if least_l else
                           f"{least_m}, who is listed for rotas, none: no day they work needs them")
            out.append(Finding(
                "fairness", "Rota cover falls unevenly",
                f"Shared out among those able to cover each rota day, {most_m} would carry "
                f"{fmt_number(round(most_l, 1))} days of cover a week and {least_words}.",
                f"Ask whether {least_m} could take more cover days, or whether others could learn the rota.",
                (most_m, least_m)))
    return out


def cover_load(team: Team) -> dict[str, float]:
    """Days of rota cover a week each member would carry if every rota day were shared among those able."""
    load = {m.name: 0.0 for m in team.members if m.rotas}
    for rota in team.rotas:
        for d in rota.days:
            able = [m for m in team.members if rota.name in m.rotas and m.works(d)
                    and (rota.place == "anywhere" or m.places[d] == "office")]
            for m in able:
                load[m.name] += min(rota.people, len(able)) / len(able)
    return load


def meetings(team: Team) -> list[Finding]:
    out = []
    for mt in team.meetings:
        when = f"{mt.name} ({DAYS[mt.day]}, {clock(mt.start)} to {clock(mt.end)})"
        off = [m for m in team.members if not m.works(mt.day)]
        if off:
            out.append(Finding(
                "meetings", f"{mt.name}: on a day some do not work",
                f"{when} falls on a day {join([m.name for m in off])} {'does' if len(off) == 1 else 'do'} not work.",
                "Move it to a day everyone works, rotate the day, or share notes and decisions in writing.",
                tuple(m.name for m in off), (DAYS[mt.day],)))
        outside = [m for m in team.members if m.works(mt.day)
                   and not (window(m, team)[0] <= mt.start and window(m, team)[1] >= mt.end)]
        if outside:
            out.append(Finding(
                "meetings", f"{mt.name}: outside some people's hours",
                f"{when} is outside the usual hours of "
                + join([f"{m.name} ({clock(window(m, team)[0])} to {clock(window(m, team)[1])} in the team's time)"
                        for m in outside]) + ".",
                "Find a time inside everyone's hours, or agree that this meeting is recorded.",
                tuple(m.name for m in outside), (DAYS[mt.day],)))
        if mt.mode == "in_person":
            away = [m for m in team.members if m.works(mt.day) and m.places[mt.day] != "office"]
            if away:
                out.append(Finding(
                    "meetings", f"{mt.name}: in person, but not everyone is in",
                    f"{when} is in person, and {join([m.name for m in away])} "
                    f"{'is' if len(away) == 1 else 'are'} not in the office that day.",
                    "Hold it on a day they are in, or run it as a hybrid meeting with a proper link.",
                    tuple(m.name for m in away), (DAYS[mt.day],)))
    return out


ALL = (cover, anchor, minimum, desks, windows, core, fairness, meetings, long_days)
