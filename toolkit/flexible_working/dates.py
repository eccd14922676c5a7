"""Calendar months as the law counts them, month ends handled.

Two readings, because the statutes use both:
- a period of N months *beginning with* a day (the decision period: ERA 1996 s.80G(1B)) includes that day, so it
  ends the day before the same date N months on: received 15 January, two months end on 14 March;
- N months *after* a day (written notice of a change: ERA 1996 s.4) ends on the same date N months on.
Where the later month has no such date (31 January + 1 month), the period ends on that month's last day.

Periods in days and weeks (Australia's 21 days, Ireland's 4 weeks) are counted either way too: `last_day` takes the
law's reading, "beginning_with" (the day counts as the first) or "after" (counting starts the next day)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def _month_on(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + (day.month - 1) + months
    return index // 12, index % 12 + 1


def months_after(day: date, months: int) -> date:
    """The same date `months` later; the month's last day where it has no such date (31 Jan + 1 = 28/29 Feb)."""
    year, month = _month_on(day, months)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_end(start: date, months: int) -> date:
    """The last day of a period of `months` months beginning with `start` (which counts as its first day)."""
    year, month = _month_on(start, months)
    last = calendar.monthrange(year, month)[1]
    if start.day > last:  # no corresponding date: the period runs to the end of that month
        return date(year, month, last)
    return date(year, month, start.day) - timedelta(days=1)


def last_day(received: date, n: int, unit: str, counting: str) -> date:
    """The last day of a period of `n` days, weeks or months that starts with `received` ("beginning_with") or
    the day after it ("after": Acts Interpretation Act 1901 (Cth) s.36; Legislation Act 2019 (NZ) ss.54, 56)."""
    start = received if counting == "beginning_with" else received + timedelta(days=1)
    if unit == "months":
        return period_end(start, n)
    return start + timedelta(days=n * (7 if unit == "weeks" else 1) - 1)


def weeks_after(day: date, weeks: int) -> date:
    return day + timedelta(weeks=weeks)


def dated_example(value: object, today: date) -> object:
    """An example's dates written as days from today ("@-60", "@+70") made real dates, so an example built into
    the site stays sensible however long after it is used: a request received in the past, a start to come."""
    if isinstance(value, dict):
        return {k: dated_example(v, today) for k, v in value.items()}
    if isinstance(value, list):
        return [dated_example(v, today) for v in value]
    if isinstance(value, str) and value.startswith("@") and value[1:].lstrip("+-").isdigit():
        return (today + timedelta(days=int(value[1:]))).isoformat()
    return value
