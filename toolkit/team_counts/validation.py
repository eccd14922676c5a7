"""Reading the team counts: each team's file held to the counts' format, or a plain message beside its row."""

from __future__ import annotations

from typing import Any

from .. import counts as hr_counts
from .. import org as org_settings
from .. import records
from ..forms import DAYS, Errors, FieldError, number, readable_rows, row_list, text
from .model import PLACES, Bounds, Picture, TeamCounts
from .schema import COUNTS_LIMIT, MAX_TEAMS


def smallest_group(org: dict[str, Any]) -> int:
    counts = org.get("counts") if isinstance(org.get("counts"), dict) else {}
    value = counts.get("smallest_group")
    return value if isinstance(value, int) and not isinstance(value, bool) and 2 <= value <= 50 else 5


def validate(values: dict[str, Any], org: dict[str, Any]) -> Picture | list[FieldError]:
    """The organisation's picture, or a plain message on each row or field that will not do. Never raises."""
    values = values if isinstance(values, dict) else {}
    org = org if isinstance(org, dict) else {}
    e = Errors()
    small = smallest_group(org)
    raw_desks = values.get("desks")
    desks = None
    if isinstance(raw_desks, str) and raw_desks.strip():
        got = e.take("desks", number(raw_desks, label="The desks", minimum=1, maximum=100_000))
        if got is not None and got != int(got):
            e.add("desks", "The desks must be a whole number.")
        desks = int(got) if got is not None else None
    rows = row_list(values, "teams", MAX_TEAMS, "teams", e)
    if not rows and not any(x.field == "teams" for x in e.list):
        e.add("teams", "Add at least one team's counts file.")
    teams: list[TeamCounts] = []
    seen: dict[tuple[str, str], int] = {}
    for i, at, n, row in readable_rows(rows, "teams", "Team", "team", e):
        name = e.take(at + "team", text(row.get("team"), label="The team's name", required=True, max_length=80), n)
        site = e.take(at + "site", text(row.get("site"), label="The site", max_length=80), n) or ""
        read = read_counts(row.get("counts"), small)
        if isinstance(read, str):
            e.add(at + "team", n + read)
            continue
        key = ((name or "").casefold(), site.casefold())
        if name and key in seen:
            e.add(at + "team", n + f"“{name}”{' at ' + site if site else ''} is here twice (rows {seen[key] + 1} and "
                                   f"{i + 1}): its desks would be counted twice. Remove one.")
            continue
        seen[key] = i
        if name:
            teams.append(TeamCounts(i, name, site, *read))
    if e.list:
        return e.list
    return Picture(tuple(teams), desks, small, org_settings.primary_colour(org))


def read_counts(raw: Any, small: int) -> tuple[Bounds, tuple[int, ...], tuple[int, ...], tuple[dict[str, Bounds], ...]] | str:
    """A team's counts file as (size, anchor days, common days, seven days of bounds), or why it will not do."""
    if not isinstance(raw, str) or not raw.strip():
        return "its counts are missing: add the team's file again."
    if len(raw) > COUNTS_LIMIT:
        return f"the file is too large to be a team's counts ({len(raw):,} characters; the limit is {COUNTS_LIMIT:,})."
    try:
        data = records.strict_json(raw)
    except records.NotStrictJSON as exc:
        return f"the file is not a team's counts: {exc}."
    except ValueError:
        return "the file is not a team's counts: it is not valid JSON."
    if not isinstance(data, dict) or data.get("format") != hr_counts.FORMAT:
        return ("the file is not a team's counts. Ask the team's manager for “Counts for HR” from the team agreement "
                "drafter.")
    version = data.get("version")
    if version not in hr_counts.READS or isinstance(version, bool):
        newer = isinstance(version, int) and not isinstance(version, bool) and version > hr_counts.VERSION
        return (f"the counts were made by {'a newer' if newer else 'another'} version of the toolkit (format "
                f"{version!r}); this page reads formats {' and '.join(map(str, hr_counts.READS))}. Ask for the counts "
                "again from this site.")
    if data.get("smallest_group") != small:
        return (f"the counts hide groups smaller than {data.get('smallest_group')!r}, and this page adds counts that "
                f"hide groups smaller than {small}: they were made on a site with other settings. Ask for the counts "
                "again from this site.")
    size = hr_counts.size_bounds(data.get("size"), small)
    days = data.get("days")
    if size is None or not isinstance(days, list) or len(days) != 7:
        return "the counts are damaged: the team's size or its seven days are missing."
    read_days = []
    for d, day in enumerate(days):
        if not isinstance(day, dict) or day.get("day") != DAYS[d]:
            return f"the counts are damaged: {DAYS[d]} is missing or out of order."
        places = {p: hr_counts.bounds(day.get(p), small, version, size[1]) for p in PLACES}
        if any(b is None for b in places.values()) or day.get("desks") != day.get("office"):
            return f"the counts are damaged: {DAYS[d]}'s numbers are not counts this page can read."
        hidden = {p for p, (lo, hi) in places.items() if lo != hi}
        if size[0] != size[1]:  # a team smaller than the threshold: a hidden group may be none, in format 1 too
            places = {p: (0, size[1]) if p in hidden else b for p, b in places.items()}
        # Each group as narrow as the day allows; a day whose file gives a hidden group away is hidden again.
        protected = hr_counts.protect(places, hidden, size, small)
        if protected is None:
            least, most = sum(b[0] for b in places.values()), sum(b[1] for b in places.values())
            if least <= size[1] and most >= size[0]:
                return (f"the counts give away a hidden group on {DAYS[d]}. Ask the team for its counts again from "
                        "this site.")
            came = (hr_counts.words(least, most) if least == most or version == 1 else
                    f"at least {least}" if least > size[1] else f"at most {most}")
            return (f"the numbers do not add up: on {DAYS[d]} the groups come to {came} "
                    f"people, but the team has {hr_counts.words(*size)}. Ask the team for its counts again.")
        read_days.append(protected)
    anchors, common = _days(data.get("anchor_days")), _days(data.get("common_days"))
    if anchors is None or common is None:
        return "the counts are damaged: the anchor days or common days are not days of the week."
    return size, anchors, common, tuple(read_days)


def _days(raw: Any) -> tuple[int, ...] | None:
    if not isinstance(raw, list) or any(d not in DAYS for d in raw):
        return None
    return tuple(sorted({DAYS.index(d) for d in raw}))
