"""Checks that the week a team describes works: each finding names who and when, and suggests what to discuss.

No check is a verdict. Every time here is in the team's time zone: a member's own hours are moved by the
difference between their time zone and the team's."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from ..forms import fmt_clock, fmt_number, fmt_offset
from .model import DAYS, PLACE_SHORT, Burden, Finding, Meeting, Member, Rota, Team

# Hours in a member's own day that are not unsociable: a meeting outside them is counted against them.
SOCIABLE = (8 * 60, 18 * 60)
ROUNDING = "to the nearest whole day, a half rounded down so no one is asked for more than their share"
WELL_OVER = ("more than one and a half times the team's median, and at least one more (a day or an hour a week) "
             "than it")


def exempt(m: Member, rule: str) -> bool:
    """Whether a member is agreed exempt from "office" (anchor days, minimum days together) or "rotas"."""
    return rule in m.exempt


def left_out(members: list[Member], rule: str) -> str:
    """" Ana is left out of this check: agreed individually." for the members exempt from `rule`, or ""."""
    names = [m.name for m in members if exempt(m, rule)]
    if not names:
        return ""
    return f" {join(names)} {'is' if len(names) == 1 else 'are'} left out of this check: agreed individually."


def week_days(m: Member, team: Team) -> float:
    """The days a week a member works, as a share of a full-time five-day week: 22.5 of 37.5 hours is 3 days,
    18.75 is 2.5. Never more than the days their week shows, nor more than five."""
    return min(len(m.working_days), 5.0, 5 * m.contracted / team.full_time) if team.full_time else 5.0


def pro_rata(days: int, m: Member, team: Team) -> tuple[float, int]:
    """A full-timer's `days` pro-rated for `m`: (exactly, rounded to the nearest whole day, a half rounded down)."""
    exact = days * week_days(m, team) / 5
    return exact, min(len(m.working_days), max(0, math.ceil(round(exact, 6) - 0.5)))


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
        coverers = [m for m in team.members if rota.name in m.rotas and not exempt(m, "rotas")]
        need = "someone in the office" if rota.place == "office" else "someone working"
        if rota.people > 1:
            need = f"{rota.people} people" + (" in the office" if rota.place == "office" else " working")
        if not coverers:
            out.append(Finding("cover", f"{rota.name}: no one covers it",
                               f"{rota.name} needs {need} on {_day_list(list(rota.days))}, and no member lists it "
                               "among the rotas they can cover.",
                               "Agree who will cover it, and add the rota's name to their row.",
                               (), tuple(DAYS[d] for d in rota.days), rota.name, blocking=True))
            continue
        gaps = []
        for d in rota.days:
            able = [m for m in coverers if m.works(d) and (rota.place == "anywhere" or m.places[d] == "office")]
            if len(able) < rota.people:
                gaps.append((d, able, f"on {DAYS[d]} "
                             + _short_of(rota.people, able, [m for m in coverers if m not in able], d)))
        if gaps:
            asked = _cover_asks(rota, coverers, gaps)
            out.append(Finding(
                "cover", f"{rota.name}: days without cover",
                f"{rota.name} needs {need} each day it runs: " + "; ".join(text for _, _, text in gaps) + ".",
                asked, tuple(m.name for m in coverers), tuple(DAYS[d] for d, _, _ in gaps), rota.name,
                blocking=True))
    return out


def _cover_asks(rota: Rota, coverers: list[Member], gaps: list[tuple[int, list[Member], str]]) -> str:
    """What to ask about the days a rota lacks cover, naming only people who cover it: who could come in, who
    could work that day; and that someone else could learn it."""
    asks = []
    for d, able, _ in gaps:
        rest = [m for m in coverers if m not in able]
        come_in = [m.name for m in rest if m.works(d)]
        work = [m.name for m in rest if not m.works(d)]
        if come_in:
            asks.append(f"whether {either(come_in)} could come in on {DAYS[d]}")
        if work:
            asks.append(f"whether {either(work)} could work on {DAYS[d]}")
    those = "that day" if len(gaps) == 1 else "those days"
    asks += ([f"whether it could be covered from home {those}"] if rota.place == "office" else []) + [
        "whether someone else could learn to cover it"]
    names = join([m.name for m in coverers])
    if len(coverers) < rota.people:
        first = (f"Only {names} {'covers' if len(coverers) == 1 else 'cover'} {rota.name}, fewer than the "
                 f"{rota.people} it needs each day. Ask ")
    elif len(coverers) == 1:
        first = f"Only {names} covers {rota.name}. Ask "
    else:
        first = f"Of those who cover {rota.name}, ask "
    return first + join_or(asks) + "."


def either(names: list[str]) -> str:
    """ "Ana, Ben or Cy": any one of them."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1] if names else ""


def join_or(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + ", or " + words[-1] if words else ""


def anchor(team: Team) -> list[Finding]:
    """Anchor days some are not in on: anchor days missed alike (the same people, in the same places) are one
    finding naming the days."""
    alike: dict[tuple, list[int]] = {}
    for d in team.anchor_days:
        away = tuple((m.name, m.places[d]) for m in team.members
                     if m.works(d) and m.places[d] != "office" and not exempt(m, "office"))
        if not away:
            continue
        off = tuple(m.name for m in team.members if not m.works(d) and not exempt(m, "office"))
        left = tuple(m.name for m in team.members if m.works(d) and m.places[d] != "office" and exempt(m, "office"))
        alike.setdefault((away, off, left), []).append(d)
    out = []
    for (away, off, left), days in alike.items():
        named, many = _day_list(days), len(days) > 1
        text = (f"{named} {'are anchor days' if many else 'is an anchor day'}, but "
                + join([f"{name} ({PLACE_SHORT[place].lower()})" for name, place in away])
                + (" is" if len(away) == 1 else " are") + f" not in the office {'those days' if many else 'that day'}.")
        if off:
            text += (f" {join(list(off))} {'does' if len(off) == 1 else 'do'} not work on "
                     + join([DAYS[d] + "s" for d in days]) + ".")
        if left:
            text += (f" {join(list(left))} {'is' if len(left) == 1 else 'are'} left out of this check: agreed "
                     "individually.")
        out.append(Finding("anchor", f"{named}: not everyone is in on the anchor day{'s' if many else ''}", text,
                           "Check whether the day still works for them, or agree what the anchor day is for and "
                           "how they take part when they cannot come in.",
                           tuple(name for name, _ in away), tuple(DAYS[d] for d in days)))
    return out


def together(m: Member, team: Team) -> int:
    """The days a member is in the office with at least one other member of the team."""
    return sum(1 for d in m.office_days if any(o is not m and o.places[d] == "office" for o in team.members))


def minimum(team: Team) -> list[Finding]:
    """The minimum days together, pro-rated for part-time members (with the rounding said)."""
    if not team.min_days or len(team.members) < 2:
        return []
    asked = [m for m in team.members if not exempt(m, "office")]
    short = [m for m in asked if together(m, team) < pro_rata(team.min_days, m, team)[1]]
    if not short:
        return []
    days = "day" if team.min_days == 1 else "days"

    def said(m: Member) -> str:
        exact, rounded = pro_rata(team.min_days, m, team)
        share = "" if exact == team.min_days else (
            f" (working {fmt_number(week_days(m, team))} days a week, their share is {fmt_number(round(exact, 2))}, "
            f"rounded to {rounded})")
        return f"{m.name} is in with colleagues on {together(m, team)} of {len(m.working_days)} working days{share}"

    return [Finding(
        "minimum", "Below the minimum days together",
        f"The rules ask for at least {team.min_days} {days} a week in the office together, pro-rated for part-time "
        f"members ({ROUNDING}). " + join([said(m) for m in short]) + "." + left_out(list(team.members), "office"),
        "Talk through whether office days could line up, or whether an exception is agreed and why.",
        tuple(m.name for m in short))]


def share(team: Team) -> list[Finding]:
    """Part-time members asked for more office days than their pro-rated share of what a full-timer is asked: the
    anchor days falling on days they work, against the larger of the anchor days and the minimum days together."""
    ask = max(team.min_days, len(team.anchor_days))
    if not ask:
        return []
    out = []
    for m in team.members:
        if exempt(m, "office") or week_days(m, team) >= 5:
            continue
        exact, rounded = pro_rata(ask, m, team)
        anchors = [d for d in team.anchor_days if m.works(d)]
        if len(anchors) > rounded:
            out.append(Finding(
                "share", f"{m.name}: asked for more than their share",
                f"A full-timer is asked for {ask} office day{'s' if ask != 1 else ''} a week. {m.name} works "
                f"{fmt_number(week_days(m, team))} days a week, so their share is {fmt_number(round(exact, 2))} days, "
                f"rounded to {rounded} ({ROUNDING}); but the anchor days {_day_list(anchors)} all fall on days they "
                f"work, which asks {len(anchors)}.",
                f"Agree which anchor day{'s' if rounded != 1 else ''} {m.name} keeps, or write down that they "
                "choose to come in on every one.",
                (m.name,), tuple(DAYS[d] for d in anchors)))
    return out


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
    counts = [len([m for m in team.members if m.places[d] == "office"]) for d in range(7)]
    over = [(d, n) for d, n in enumerate(counts) if n > team.desks]
    if not over:
        return []
    return [Finding(
        "desks", "More people than desks",
        f"The team has {team.desks} desk{'s' if team.desks != 1 else ''}. "
        + " ".join(f"On {DAYS[d]} {n} {'person is' if n == 1 else 'people are'} in, {n - team.desks} more than "
                   "there are desks." for d, n in over)
        ,
        _desks_suggestion(team, counts, over),
        (), tuple(DAYS[d] for d, _ in over), blocking=True)]


def _desks_suggestion(team: Team, counts: list[int], over: list[tuple[int, int]]) -> str:
    """Where the office days could go: the days people work with desks free, by how many; an anchor day is for
    being together, so its extra people are better given desks than moved off it."""
    free = [(d, team.desks - counts[d]) for d in range(7)
            if counts[d] < team.desks and any(m.works(d) for m in team.members)]
    extra = sum(n - team.desks for _, n in over)
    anchored = [DAYS[d] for d, _ in over if d in team.anchor_days]
    said = []
    if free:
        room = sum(n for _, n in free)
        places = join_or([f"{DAYS[d]} ({n} free)" for d, n in free])
        said.append(f"Move {extra} office day{'s' if extra != 1 else ''} to {places}"
                    + ("." if room >= extra else f": that makes room for {room} of the {extra}."))
    else:
        said.append("No day the team works has a desk free, so moving office days will not help.")
    if anchored:
        said.append(f"{join(anchored)} {'is an anchor day' if len(anchored) == 1 else 'are anchor days'}, for "
                    "being together: book extra desks or agree who shares that day rather than send people home.")
    else:
        said.append("Or book extra desks for those days, or agree who shares.")
    return " ".join(said)


def shared_window(team: Team, d: int) -> tuple[int, int] | None:
    """When everyone working on day `d` is available, in the team's time; None when there is no such time."""
    working = [window(m, team) for m in team.members if m.works(d)]
    if not working:
        return None
    start, end = max(w[0] for w in working), min(w[1] for w in working)
    return (start, end) if end > start else None


def windows(team: Team) -> list[Finding]:
    """Days with no time when everyone working is available: one finding for the days that fail the same way
    (the same person finishing before the same person starts), naming the days, and saying so when no day of
    the week has such a time."""
    shared: list[int] = []  # the days more than one person works
    alike: dict[tuple[str, int, str, int], list[tuple[int, int]]] = {}
    for d in range(7):
        working = [m for m in team.members if m.works(d)]
        if len(working) < 2:
            continue
        shared.append(d)
        if shared_window(team, d):
            continue
        latest = max(working, key=lambda m: window(m, team)[0])
        earliest = min(working, key=lambda m: window(m, team)[1])
        key = (earliest.name, window(earliest, team)[1], latest.name, window(latest, team)[0])
        alike.setdefault(key, []).append((d, len(working)))
    none = bool(shared) and sum(len(days) for days in alike.values()) == len(shared)
    out = []
    for (first, finish, last, start), days in alike.items():
        counts = {n for _, n in days}
        who = ("both people" if counts == {2} else f"all {counts.pop()} people" if len(counts) == 1
               else "everyone") + " working"
        named = _day_list([d for d, _ in days])
        gap = f"in the team's time, {first} finishes at {clock(finish)} and {last} starts at {clock(start)}"
        whole = none and len(shared) > 1
        if whole and len(alike) == 1:
            title, text = ("No day when everyone is available at once",
                           f"No day of the week has a time when everyone working is available: on {named}, {gap}.")
        else:
            title = f"{named}: no time when everyone is available"
            text = (f"On {named} there is no time when {who} {'is' if who.startswith('everyone') else 'are'} "
                    f"available: {gap}."
                    + (" No day of the week has a time when everyone working is available." if whole and not out
                       else ""))
        out.append(Finding(
            "window", title, text,
            f"Agree which work needs everyone at once and {_days_shared(team)}, or hand over in writing."
            if not none else "Agree which work needs everyone at once and how it is done without a shared hour: "
            "hand over in writing, or rotate a meeting's time so the same people are not always outside their day.",
            (first, last), tuple(DAYS[d] for d, _ in days)))
    return out


def _days_shared(team: Team) -> str:
    """Where work that needs everyone at once can go: the days those working share some hours. Never a day
    everyone works: a member's hours are the same each day they work, so a day without a shared time for some
    has none for all."""
    some = [d for d in range(7) if len([m for m in team.members if m.works(d)]) > 1 and shared_window(team, d)]
    return (f"whether it can go to {either([DAYS[d] for d in some])}, when those working share some hours (though "
            "no day has everyone working and available at once)")


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


def away_from_office(m: Member, team: Team) -> bool:
    """A member who works somewhere else than the team's office: in another time zone (another country or
    office), or elsewhere (another site) on every day they work. Their office days are not the team's to share."""
    return m.offset != team.offset or bool(m.working_days) and all(m.places[d] == "elsewhere"
                                                                    for d in m.working_days)


def fairness(team: Team) -> list[Finding]:
    out = []
    # Like with like: office days are compared among those the team's office is for.
    apart = [m for m in team.members if m.working_days and not exempt(m, "office") and away_from_office(m, team)]
    shares = [(m, len(m.office_days) / len(m.working_days)) for m in team.members
              if m.working_days and not exempt(m, "office") and m not in apart]
    if len(shares) >= 3:
        most, least = max(shares, key=lambda s: s[1]), min(shares, key=lambda s: s[1])
        if most[1] - least[1] >= 0.5:
            text = (f"{most[0].name} is in the office on {len(most[0].office_days)} of "
                    f"{len(most[0].working_days)} working days ({round(most[1] * 100)}%), {least[0].name} on "
                    f"{len(least[0].office_days)} of {len(least[0].working_days)} ({round(least[1] * 100)}%).")
            if apart:
                text += (f" {join([m.name for m in apart])} {'is' if len(apart) == 1 else 'are'} left out of this "
                         "comparison: working in another time zone or at another site, they do not share the "
                         "team's office days.")
            text += left_out([m for m in team.members if m.working_days], "office")
            out.append(Finding(
                "fairness", "Office days fall unevenly", text,
                "Check the difference comes from the work or a choice each person made, not from who asked first.",
                (most[0].name, least[0].name)))
    load = cover_load(team)
    if len(load) >= 2:
        most_m, most_l = max(load.items(), key=lambda kv: kv[1])
        least_m, least_l = min(load.items(), key=lambda kv: kv[1])
        if most_l >= 1 and most_l >= 2 * least_l:
            # The ratio is of the numbers as said, so a reader can check it.
            most_said, least_said = round(most_l, 2), round(least_l, 2)
            ratio = most_said / least_said if least_said else 0
            least_words = (f"{least_m} {days_words(least_said)}: {'' if ratio == round(ratio, 1) else 'about '}"
                           f"{fmt_number(round(ratio, 1))} times as much" if least_said else
                           f"{least_m}, who is listed for rotas, none: no day they work needs them")
            out.append(Finding(
                "fairness", "Rota cover falls unevenly",
                f"Shared out among those able to cover each rota day, {most_m} would carry "
                f"{days_words(most_said)} of cover a week and {least_words}.",
                f"Ask whether {least_m} could take more cover days, or whether others could learn the rota.",
                (most_m, least_m)))
    return out


def days_words(value: float) -> str:
    """ "1 day", "0.75 days", "2 days"."""
    return f"{fmt_number(value)} day{'' if value == 1 else 's'}"


def cover_load(team: Team) -> dict[str, float]:
    """Days of rota cover a week each member would carry if every rota day were shared among those able."""
    load = {m.name: 0.0 for m in team.members if m.rotas and not exempt(m, "rotas")}
    for rota in team.rotas:
        for d in rota.days:
            able = [m for m in team.members if rota.name in m.rotas and m.works(d) and not exempt(m, "rotas")
                    and (rota.place == "anywhere" or m.places[d] == "office")]
            for m in able:
                load[m.name] += min(rota.people, len(able)) / len(able)
    return load


def meetings(team: Team) -> list[Finding]:
    out = []
    for mt in team.meetings:
        when = f"{mt.name} ({DAYS[mt.day]}, {clock(mt.start)} to {clock(mt.end)})"
        off = [m for m in team.members if not m.works(mt.day)]
        outside = [m for m in team.members if m.works(mt.day)
                   and not (window(m, team)[0] <= mt.start and window(m, team)[1] >= mt.end)]
        away = [m for m in team.members if m.works(mt.day) and m.places[mt.day] != "office"] \
            if mt.mode == "in_person" else []
        move = another_time(team, mt) if off or outside or away else ""
        moved = move.startswith("Move ")
        if off:
            out.append(Finding(
                "meetings", f"{mt.name}: on a day some do not work",
                f"{when} falls on a day {join([m.name for m in off])} {'does' if len(off) == 1 else 'do'} not work.",
                move + (" Or rotate the day, or share notes and decisions in writing." if moved else ""),
                tuple(m.name for m in off), (DAYS[mt.day],)))
        if outside:
            out.append(Finding(
                "meetings", f"{mt.name}: outside some people's hours",
                f"{when} is outside the usual hours of "
                + join([f"{m.name} ({clock(window(m, team)[0])} to {clock(window(m, team)[1])} in the team's time)"
                        for m in outside]) + ".",
                move + " Or agree that this meeting is recorded.",
                tuple(m.name for m in outside), (DAYS[mt.day],)))
        if away:
            out.append(Finding(
                "meetings", f"{mt.name}: in person, but not everyone is in",
                f"{when} is in person, and {join([m.name for m in away])} "
                f"{'is' if len(away) == 1 else 'are'} not in the office that day.",
                move + " Or run it as a hybrid meeting with a proper link.",
                tuple(m.name for m in away), (DAYS[mt.day],)))
    return out


# ---------------------------------------------------------------- another time for a meeting

STEP = 15  # minutes: the times a meeting could move to start on the quarter hours of the team's day


@dataclass(frozen=True)
class Slot:
    """A day and time a meeting could be held, in the team's time, and what stands in its way: each member who
    could not make it (name, why), and for the time itself ("", why): outside the core hours, at the same time
    as another of the team's meetings. A slot with no problems fits everyone."""

    day: int
    start: int
    end: int
    problems: tuple[tuple[str, str], ...]

    @functools.cached_property
    def people(self) -> frozenset[str]:
        return frozenset(name for name, _ in self.problems if name)


def _timely(m: Member, team: Team, starts: list[int], length: int) -> list[tuple[str, str] | None]:
    """For each start, why a meeting then (any day) does not suit a member, or None: the meeting checks' own
    tests of hours."""
    lo, hi = window(m, team)
    shift = m.offset - team.offset
    hours = (m.name, f"it is outside the usual hours of {m.name} ({clock(lo)} to {clock(hi)} in the team's time)")
    late = (m.name, f"it is outside 08:00 to 18:00 in {m.name}'s own time")
    return [hours if not (lo <= s and hi >= s + length) else late if _outside(s + shift, s + length + shift)
            else None for s in starts]


def slots(team: Team, mt: Meeting) -> tuple[Slot, ...]:
    """Every day and quarter hour the meeting could be held (its own time among them), with what stands in the
    way of each: the tests the meeting checks make (a day each member works, inside their usual hours, in the
    office for a meeting in person, inside 08:00 to 18:00 in their own time), inside the core hours when the
    team has them, and clear of the team's other meetings."""
    return _slots(team.members, team.meetings, team.core, team.offset, mt)


@functools.lru_cache(maxsize=64)  # by value: a recompute that leaves the week and the meeting alone asks again
def _slots(members: tuple[Member, ...], meetings: tuple[Meeting, ...], core: tuple[int, int] | None, offset: int,
           mt: Meeting) -> tuple[Slot, ...]:
    team = _Week(members, meetings, core, offset)
    length = mt.end - mt.start
    starts = sorted(set(range(0, 1440 - length + 1, STEP)) | {mt.start})
    # A time's fit for a member is the same every day: worked out once, then each day adds who works it.
    timely = [_timely(m, team, starts, length) for m in members]  # type: ignore[arg-type]
    others = [o for o in meetings if o != mt]
    core_said = ("", f"it is outside the core hours ({clock(core[0])} to {clock(core[1])})") if core else None
    out = []
    for d in range(7):
        daily: list[tuple[str, str] | None] = []
        for m in members:
            if not m.works(d):
                daily.append((m.name, f"{m.name} does not work that day"))
            elif mt.mode == "in_person" and m.places[d] != "office":
                daily.append((m.name, f"{m.name} is not in the office that day"))
            else:
                daily.append(None)
        same_day = [o for o in others if o.day == d]
        for k, s in enumerate(starts):
            e = s + length
            problems = []
            for i in range(len(members)):
                said = daily[i] or timely[i][k]
                if said:
                    problems.append(said)
            if core_said and not (core[0] <= s and e <= core[1]):  # type: ignore[index]
                problems.append(core_said)
            problems += [("", f"it is at the same time as {o.name}") for o in same_day if o.start < e and s < o.end]
            out.append(Slot(d, s, e, tuple(problems)))
    return tuple(out)


@dataclass(frozen=True)
class _Week:
    """What `window` reads of a team."""

    members: tuple[Member, ...]
    meetings: tuple[Meeting, ...]
    core: tuple[int, int] | None
    offset: int


def _nearest(mt: Meeting):
    """The order slots are offered in: the meeting's own day first, then the nearest days, each at the time
    nearest its own."""
    return lambda slot: (len(slot.problems), abs(slot.day - mt.day), slot.day, abs(slot.start - mt.start),
                         slot.start)


def fitting(team: Team, mt: Meeting, found: tuple[Slot, ...] | None = None) -> Slot | None:
    """The nearest day and time that fits everyone (see `slots`), or None when none does."""
    fits = [s for s in (found if found is not None else slots(team, mt))
            if not s.problems and (s.day, s.start) != (mt.day, mt.start)]
    return min(fits, key=_nearest(mt)) if fits else None


def _when(slot: Slot) -> str:
    return f"{DAYS[slot.day]}, {clock(slot.start)} to {clock(slot.end)}"


def _why(slot: Slot) -> str:
    """ "Raj does not work that day and it is outside the core hours (10:00 to 15:00)"."""
    return join([why for _, why in slot.problems])


def _who(slot: Slot) -> frozenset[str]:
    """Who cannot make a slot, and what is wrong with the time itself."""
    return frozenset(name or why for name, why in slot.problems)


def closest(team: Team, mt: Meeting, found: tuple[Slot, ...], most: int = 3) -> list[tuple[list[int], Slot]]:
    """When no time fits everyone: up to `most` other times that leave out the fewest (and no more than the
    meeting's own time leaves out, nor all it leaves out again), nearest first, each leaving out someone else
    or for another reason; the days a time is as close on are gathered (Monday, Tuesday or Wednesday, 10:00)."""
    own = next((s for s in found if (s.day, s.start) == (mt.day, mt.start)), None)
    rest = [s for s in found if s is not own and not (
        own and (len(s.problems) > len(own.problems) or _who(own) <= _who(s)))]
    fewest = min((len(s.problems) for s in rest), default=0)
    taken: dict[frozenset[str], tuple[list[int], Slot]] = {}
    for slot in sorted((s for s in rest if len(s.problems) == fewest), key=_nearest(mt)):
        key = _who(slot)
        if key in taken:
            days, first = taken[key]
            if first.start == slot.start and first.problems == slot.problems and slot.day not in days:
                days.append(slot.day)
        elif len(taken) < most:
            taken[key] = ([slot.day], slot)
    return [(sorted(days), slot) for days, slot in taken.values()]


def another_time(team: Team, mt: Meeting, found: tuple[Slot, ...] | None = None) -> str:
    """What to suggest for a meeting some cannot make: the nearest day and time that fits everyone, or, when
    none does, that plainly, with the closest times and who cannot make each, for the team to decide."""
    found = found if found is not None else slots(team, mt)
    best = fitting(team, mt, found)
    if best:
        fits = ["a day they all work", "inside their usual hours"] + (
            ["inside 08:00 to 18:00 in their own time"] if _zones(team) else []) + (
            ["inside the core hours"] if team.core else []) + (
            ["with everyone in the office"] if mt.mode == "in_person" else [])
        return f"Move {mt.name} to {_when(best)}, which fits everyone: {join(fits)}."
    options = closest(team, mt, found)
    said = f"No day or time fits everyone for the meeting “{mt.name}”."
    if not options:
        return said + (" No other time leaves out fewer people than this one. Agree who the meeting needs, and "
                       "share its notes and decisions in writing with whoever cannot make it.")
    return (said + " The closest: " + " ".join(
        f"{either([DAYS[d] for d in days])}, {clock(slot.start)} to {clock(slot.end)}: {_why(slot)}."
        for days, slot in options)
        + " Agree which the team keeps, or alternate between them, and share notes and decisions in writing with "
        "whoever cannot make it.")


def _zones(team: Team) -> bool:
    return len({m.offset for m in team.members}) > 1


# ---------------------------------------------------------------- burden and meeting times across time zones

def unsociable(m: Member, team: Team) -> float:
    """Hours a week of the team's regular meetings that fall outside 08:00 to 18:00 in the member's own time, on
    days they work."""
    total = 0
    shift = m.offset - team.offset
    for mt in team.meetings:
        if m.works(mt.day):
            total += _outside(mt.start + shift, mt.end + shift)
    return total / 60


def _outside(start: int, end: int) -> int:
    """Minutes of [start, end) (minutes of a day, may run past midnight either way) outside the sociable hours."""
    inside = 0
    for day in range(start // 1440 - 1, end // 1440 + 2):
        lo, hi = day * 1440 + SOCIABLE[0], day * 1440 + SOCIABLE[1]
        inside += max(0, min(end, hi) - max(start, lo))
    return end - start - inside


def median(values: list[float]) -> float:
    ordered = sorted(values)
    n = len(ordered)
    return 0.0 if not n else ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2


def well_over(value: float, middle: float) -> bool:
    return value > 1.5 * middle and value >= middle + 1


def burden(team: Team) -> tuple[Burden, ...]:
    """Each member's rota days, anchor days and unsociable meeting hours a week, and which are well over the
    team's median (the rule is WELL_OVER); a part agreed individually is left out of the median and the flags."""
    load = cover_load(team)
    rows = []
    for m in team.members:
        rota = None if exempt(m, "rotas") else round(load.get(m.name, 0.0), 2)
        anchors = None if exempt(m, "office") else sum(1 for d in team.anchor_days if m.works(d))
        rows.append((m.name, rota, anchors, round(unsociable(m, team), 2)))
    middles = [median([r[k] for r in rows if r[k] is not None]) for k in (1, 2, 3)]
    keys = ("rota_days", "anchor_days", "unsociable")
    return tuple(Burden(name, rota, anchors, hours, tuple(
        key for key, value, middle in zip(keys, (rota, anchors, hours), middles)
        if value is not None and len(rows) >= 3 and well_over(value, middle)))
        for name, rota, anchors, hours in rows)


BURDEN_WORDS = {"rota_days": "rota days", "anchor_days": "anchor days", "unsociable": "hours of meetings outside "
                "their own 08:00 to 18:00"}


def burdens(team: Team) -> list[Finding]:
    rows = burden(team)
    out = []
    for key, words in BURDEN_WORDS.items():
        flagged = [b for b in rows if key in b.flagged]
        if not flagged:
            continue
        values = [getattr(b, key) for b in rows if getattr(b, key) is not None]
        out.append(Finding(
            "burden", f"More than others carry: {words}",
            join([f"{b.name} carries {fmt_number(getattr(b, key))} {_singular(words, getattr(b, key))} a week"
                  for b in flagged])
            + f", against a team median of {fmt_number(median(values))}. Flagged when a share is {WELL_OVER}.",
            "Share it round the team: rotate the rota, move or rotate the meeting, or agree why it falls this way.",
            tuple(b.name for b in flagged)))
    return out


def _singular(words: str, value: float) -> str:
    """ "1 rota day", "1 hour of meetings…": the words for one when the value is one."""
    return words.replace("days", "day", 1).replace("hours", "hour", 1) if value == 1 else words


def _unsociable_for(team: Team, day: int, start: int, end: int) -> list[Member]:
    shift = lambda m: m.offset - team.offset  # noqa: E731
    return [m for m in team.members if m.works(day) and _outside(start + shift(m), end + shift(m)) > 0]


def rotation(team: Team) -> list[Finding]:
    """Where the team spans time zones and a meeting falls outside someone's own 08:00 to 18:00: the nearest day
    and time that fits everyone (see `slots`), or a second time to alternate with that leaves out none of those
    the first does, so the same people are not always the ones who miss it; or, when there is neither, that
    plainly, with the closest times and who cannot make each."""
    if not _zones(team):
        return []
    out = []
    for mt in team.meetings:
        now = _unsociable_for(team, mt.day, mt.start, mt.end)
        if not now:
            continue
        found = slots(team, mt)
        zones = join(sorted({fmt_offset(m.offset) for m in team.members}))
        late = (f"The team spans {zones}. {mt.name} at {clock(mt.start)} on {DAYS[mt.day]} falls outside 08:00 to "
                f"18:00 in the own time of {join([m.name for m in now])}")
        best = fitting(team, mt, found)
        if best:
            out.append(Finding(
                "rotation", f"{mt.name}: a time inside everyone's day",
                f"{late}; {_when(best)} (the team's time) is inside everyone's.",
                another_time(team, mt, found), tuple(m.name for m in now), (DAYS[mt.day],)))
            continue
        own = next((s for s in found if (s.day, s.start) == (mt.day, mt.start)), None)
        apart = [s for s in found if own and not s.people & own.people and s.people
                 and not any(not name for name, _ in s.problems)]
        if not apart or not own:
            out.append(Finding(
                "rotation", f"{mt.name}: no time inside everyone's day",
                f"{late}.", another_time(team, mt, found), tuple(m.name for m in now), (DAYS[mt.day],)))
            continue
        other = min(apart, key=_nearest(mt))
        there = clock(other.start) if other.day == mt.day else f"{clock(other.start)} on {DAYS[other.day]}"
        here = clock(mt.start) if other.day == mt.day else f"{clock(mt.start)} on {DAYS[mt.day]}"
        out.append(Finding(
            "rotation", f"{mt.name}: rotate the time",
            f"{late}. No day or time fits everyone. At {here}, {_why(own)}; at {there} (the team's time), "
            f"{_why(other)} instead.",
            f"Alternate {mt.name} between {here} and {there} week by week, so the same people are not always the "
            "ones who miss it or join outside their usual hours.",
            tuple(sorted(own.people | other.people, key=[m.name for m in team.members].index)), (DAYS[mt.day],)))
    return out


ALL = (cover, anchor, minimum, share, desks, windows, core, fairness, burdens, meetings, rotation, long_days)
