"""The suggested week: place-bound and set-time work on as few days together as needed, the rest on home days.

Rules, in the order they apply (the page explains them in the same words):
- A day holds at most the time from the usual start to the usual finish, less fixed commitments that day.
- Set-time work goes on its set day, in its slot; a slot that clashes with a commitment or another set time
  is reported, not moved.
- Working days are the set days first, then Monday to Friday, then the weekend; within each, anchor days come
  first, then the days with the most free time. An anchor day is the team's, not the person's: it never brings a
  weekend day into the week in place of a weekday. An anchor day that is not a working day is said, beside the
  anchor days too, so the person can talk to the team.
- Days together start with the days that place-bound set-time work needs, then the anchor days; there are at
  least the minimum days together, and one more is added only while place-bound work does not fit.
- Each day is first filled to the contracted hours over the working days, and only then up to its limit, so
  the week stays even. Work tied to core hours is placed before work that can happen at any time, and more
  concentrated work before less, so focused work lands on home days.
Everything is counted in whole minutes, so what is placed plus what is reported as not placed is the total.
"""

from __future__ import annotations

from .model import DAYS, Activity, Commitment, Day, Plan, Slot, Unplaced, Week

Interval = tuple[int, int]
_FOCUS_ORDER = {"high": 0, "medium": 1, "low": 2}


# ---------------------------------------------------------------- intervals of the day, in minutes

def subtract(spans: list[Interval], cuts: list[Interval]) -> list[Interval]:
    """`spans` with every part covered by `cuts` removed."""
    out = list(spans)
    for c0, c1 in cuts:
        nxt: list[Interval] = []
        for s0, s1 in out:
            if c1 <= s0 or c0 >= s1:
                nxt.append((s0, s1))
                continue
            if s0 < c0:
                nxt.append((s0, c0))
            if c1 < s1:
                nxt.append((c1, s1))
        out = nxt
    return out


def length(spans: list[Interval]) -> int:
    return sum(b - a for a, b in spans)


def intersect(spans: list[Interval], window: Interval) -> list[Interval]:
    lo, hi = window
    return [(max(a, lo), min(b, hi)) for a, b in spans if min(b, hi) > max(a, lo)]


def overlaps(a: Interval, b: Interval) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# ---------------------------------------------------------------- choosing days

def _working_days(plan: Plan, window: dict[int, int]) -> tuple[list[int], list[str]]:
    """Which days of the week to work: set days (busiest first), then weekdays before the weekend, anchor days
    first within each, then the days with most free time; and what to say of anchor days left out."""
    set_minutes: dict[int, int] = {}
    for a in plan.activities:
        if a.when == "set" and a.day is not None:
            set_minutes[a.day] = set_minutes.get(a.day, 0) + a.minutes
    by_set = sorted(set_minutes, key=lambda d: (-set_minutes[d], d))
    others = sorted(range(7), key=lambda d: (d >= 5, d not in plan.anchor_days, -window[d], d))
    order: list[int] = []
    for d in by_set + others:
        if d not in order:
            order.append(d)
    chosen = sorted(order[: plan.days])
    notes = []
    missed = [DAYS[d] for d in plan.anchor_days if d not in chosen]
    if missed:
        many = len(missed) > 1
        why = (" Set-time work needs the days you have." if all(d in by_set for d in chosen)
               and any(DAYS.index(m) < 5 for m in missed) else "")
        notes.append(f"The anchor day{'s' if many else ''} {_join(missed)} {'are' if many else 'is'} not "
                     f"{'among' if many else 'one of'} your working days in this plan ({_span_of(chosen)}), so "
                     f"you would not be together with your team {'those days' if many else 'that day'}.{why} "
                     "Talk to your team about it: they may be able to move the anchor day, or agree how you keep "
                     f"in touch {'those days' if many else 'that day'}.")
    return chosen, notes


def _site_candidates(plan: Plan, working: list[int], window: dict[int, int]) -> tuple[list[int], int]:
    """Working days in the order they become days together, and how many place-bound set-time work needs."""
    forced = sorted({a.day for a in plan.activities
                     if a.when == "set" and a.place_bound and a.day in working})
    anchors = [d for d in plan.anchor_days if d in working]
    rest = sorted(working, key=lambda d: (-window[d], d))
    order: list[int] = []
    for d in forced + anchors + rest:
        if d not in order:
            order.append(d)
    return order, len(forced)


# ---------------------------------------------------------------- placing work

class _Days:
    """The running state of one attempt at the week: what each day holds and has left."""

    def __init__(self, plan: Plan, working: list[int], free: dict[int, list[Interval]]):
        self.plan = plan
        self.working = working
        self.free = {d: list(free[d]) for d in working}  # window less commitments, less set slots as placed
        self.limit = {d: length(free[d]) for d in working}
        self.used = {d: 0 for d in working}  # all minutes placed on the day
        self.flex_used = {d: 0 for d in working}  # minutes placed in the free windows (not in set slots)
        self.core_used = {d: 0 for d in working}  # of those, minutes that must fall within core hours
        self.slots: dict[int, list[Slot]] = {d: [] for d in working}

    def core_free(self, d: int) -> int:
        core = self.plan.core
        return length(intersect(self.free[d], core)) if core else 0

    def room(self, d: int, a: Activity, cap: int) -> int:
        room = min(cap - self.used[d], length(self.free[d]) - self.flex_used[d])
        if a.when == "core":
            # Core-bound minutes must fit in the core part of the free window, beside those already there.
            room = min(room, self.core_free(d) - self.core_used[d])
        return max(room, 0)

    def add(self, d: int, a: Activity, minutes: int) -> None:
        self.used[d] += minutes
        self.flex_used[d] += minutes
        if a.when == "core":
            self.core_used[d] += minutes
        for i, s in enumerate(self.slots[d]):  # one line per activity per day, however many passes add to it
            if s.activity is a and s.start is None:
                self.slots[d][i] = Slot(a, s.minutes + minutes)
                return
        self.slots[d].append(Slot(a, minutes))


def _place_set(days: _Days, a: Activity, commitments: dict[int, list[Commitment]],
               unplaced: list[Unplaced]) -> None:
    d, slot = a.day, (a.start, a.end)
    if d not in days.working:
        unplaced.append(Unplaced(a, a.minutes, f"it is set on {DAYS[d]}, which is not one of your "
                                               f"{days.plan.days} working days in this plan"))
        return
    for c in commitments.get(d, []):
        if overlaps(slot, (c.start, c.end)):
            unplaced.append(Unplaced(a, a.minutes, f"its set time clashes with a fixed commitment on {DAYS[d]} "
                                                   f"({_clock(c.start)} to {_clock(c.end)})"))
            return
    for s in days.slots[d]:
        if s.start is not None and overlaps(slot, (s.start, s.end)):
            unplaced.append(Unplaced(a, a.minutes, f"its set time clashes with “{s.activity.name}” on {DAYS[d]}"))
            return
    # Validation keeps the slot inside the usual day and the minutes within the slot, so it always fits.
    days.free[d] = subtract(days.free[d], [slot])
    days.used[d] += a.minutes
    days.slots[d].append(Slot(a, a.minutes, a.start, a.end))


def _spread(days: _Days, a: Activity, passes: list[tuple[list[int], int | None]]) -> int:
    """Place as much of `a` as the passes allow (days, cap per day: None = the day's limit); return what is left."""
    left = a.minutes
    for day_list, cap in passes:
        for d in day_list:
            if left == 0:
                return 0
            take = min(left, days.room(d, a, days.limit[d] if cap is None else min(cap, days.limit[d])))
            if take:
                days.add(d, a, take)
                left -= take
    return left


def _attempt(plan: Plan, working: list[int], site: list[int], free: dict[int, list[Interval]],
             commitments: dict[int, list[Commitment]], target: int) -> tuple[_Days, list[Unplaced], int]:
    """One week with the given days together; returns it, what did not fit, and place-bound minutes left over."""
    days = _Days(plan, working, free)
    unplaced: list[Unplaced] = []
    home = [d for d in working if d not in site]
    for a in plan.activities:
        if a.when == "set":
            _place_set(days, a, commitments, unplaced)

    def order(group: list[Activity]) -> list[Activity]:
        # Core-bound work first (it has fewer places to go), then the most concentrated work.
        return sorted(group, key=lambda a: (a.when != "core", _FOCUS_ORDER.get(a.focus, 1), a.index))

    bound_left = 0
    flexible_time = [a for a in plan.activities if a.when != "set"]
    for a in order([a for a in flexible_time if a.place_bound]):
        left = _spread(days, a, [(site, target), (site, None)])
        if left:
            bound_left += left
            unplaced.append(Unplaced(a, left, _no_room(a, "on your days together")))
    for a in order([a for a in flexible_time if not a.place_bound]):
        left = _spread(days, a, [(home, target), (site, target), (home, None), (site, None)])
        if left:
            unplaced.append(Unplaced(a, left, _no_room(a, "in your working days")))
    return days, unplaced, bound_left


def _no_room(a: Activity, where: str) -> str:
    if a.when == "core":
        return f"there is no room left within core hours {where}"
    return f"there is no room left {where}"


def suggest(plan: Plan) -> Week:
    """The suggested week for a validated plan."""
    by_day: dict[int, list[Commitment]] = {}
    for c in plan.commitments:
        by_day.setdefault(c.day, []).append(c)
    free = {d: subtract([(plan.start, plan.finish)], [(c.start, c.end) for c in by_day.get(d, [])])
            for d in range(7)}
    window = {d: length(free[d]) for d in range(7)}
    working, notes = _working_days(plan, window)
    checks = tuple(("team.anchor_days", n) for n in notes)  # each is about an anchor day not worked
    target = -(-plan.contracted // plan.days)  # the contracted hours spread evenly, rounded up to a minute

    if not plan.home_ok:
        site_days, first_try = working, len(working)
    else:
        site_days, forced = _site_candidates(plan, working, window)
        first_try = max(min(plan.min_days, len(working)), forced)
    if plan.min_days > len(working):
        notes.append(f"The minimum of {plan.min_days} days together is more than your {len(working)} working "
                     "days, so every working day is a day together.")
    for n in range(first_try, len(working) + 1):
        site = sorted(site_days[:n])
        days, unplaced, bound_left = _attempt(plan, working, site, free, by_day, target)
        if not bound_left:
            break

    if plan.home_ok:
        skipped = [DAYS[d] for d in plan.anchor_days if d in working and d not in site]
        if skipped:
            why = (f"the work that needs the base fits on your day{'s' if len(site) > 1 else ''} together, "
                   f"{_join([DAYS[d] for d in site])}" if site else "none of your work needs the base")
            notes.append(f"{_join(skipped)} (anchor day{'s' if len(skipped) > 1 else ''}) "
                         f"{'are home days' if len(skipped) > 1 else 'is a home day'} in this plan, because {why}. "
                         "Check with your team whether they expect you there.")
    out = []
    for d in range(7):
        if d in days.working:
            place = "site" if d in site else "home"
            slots = tuple(sorted(days.slots[d], key=lambda s: (s.start is None, s.start or 0, s.activity.index)))
            out.append(Day(d, True, place, d in plan.anchor_days, days.limit[d], slots,
                           tuple(days.free[d]), tuple(by_day.get(d, ()))))
        else:
            out.append(Day(d, False, "", d in plan.anchor_days, 0, (), (), tuple(by_day.get(d, ()))))
    return Week(tuple(out), tuple(sorted(unplaced, key=lambda u: u.activity.index)), target, tuple(notes),
                checks)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _span_of(days: list[int]) -> str:
    """Days in words, a run of three or more as "Monday to Friday": "Monday, Wednesday and Friday"."""
    runs: list[list[int]] = []
    for d in sorted(days):
        if runs and d == runs[-1][-1] + 1:
            runs[-1].append(d)
        else:
            runs.append([d])
    words = [f"{DAYS[r[0]]} to {DAYS[r[-1]]}" if len(r) >= 3 else DAYS[r[0]] if len(r) == 1
             else f"{DAYS[r[0]]} and {DAYS[r[1]]}" for r in runs]
    return _join(words)


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
