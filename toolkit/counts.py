"""Counts for HR: how many of a team are in the office, at home, elsewhere and not working each day, with small
groups hidden so that no one can work them out. The team agreement writes them; the team counts page adds many
teams' together. Both read this one description of the file.

The rule (statistical disclosure control, applied to each day of each team):

- primary: a group smaller than the organisation's threshold (`counts.smallest_group`, default 5), but not
  none, is hidden;
- secondary: a day with a hidden group hides every group but the office, and the office too when it is small
  itself. Hiding only the next smallest group was not enough: whoever knows which group the rule picks could
  still work some out. So the three are always hidden together, and any one of them could hold the small group.
  The office is shown wherever it is not small itself (with a threshold of 2, where small is exactly 1, it is
  hidden with the rest), so that the desks needed stay shown where they can;
- a team smaller than the threshold shows its size as "fewer than 5", and its days follow the same rule.

Every hidden number is written "hidden" and stands for anything from 0 to the team's size; a reader narrows it
with `tighten` to what the day's shown numbers allow (two hidden groups that come to 3 are each 0 to 3), which
never comes to one number. Format 1 wrote a hidden group as "fewer than 5" and hid nothing else, so a day with
one hidden group could be worked out: its files are still read, and such a day is hidden again by this rule."""

from __future__ import annotations

from typing import Any

FORMAT = "toolkit-counts"
VERSION = 2
READS = (1, 2)  # the versions read: format 1's days are hidden again by the rule above (see `protect`)
PLACES = ("office", "home", "elsewhere", "off")  # each day's groups; desks needed is the office's number
WORDS = {"office": "In the office", "home": "At home", "elsewhere": "Elsewhere", "off": "Not working"}
HIDDEN = "hidden"
LIMIT = 10_000  # the largest count read

Bounds = tuple[int, int]


def fewer(smallest: int) -> str:
    return f"fewer than {smallest}"


def note(smallest: int) -> str:
    """Said in the file and beside the counts, in plain words."""
    return (f"Some numbers are hidden to protect small groups. No group smaller than {smallest} is shown, and on a "
            "day with a hidden group every group but the office is hidden (the office too when it is small), so "
            "that no hidden group can be worked out from the team's size, the other numbers or the rule itself.")


def shown_size(n: int, smallest: int) -> int | str:
    """The team's size as the counts show it: "fewer than 5" for a team smaller than the threshold."""
    return n if n >= smallest else fewer(smallest)


def hide(n: dict[str, int], smallest: int) -> dict[str, int | str]:
    """One day's groups as the counts show them: the rule in this module's description."""
    small = {p for p in PLACES if 0 < n[p] < smallest}
    # With a threshold of 2 a small group is exactly 1, so an office hidden only when small would give itself away.
    office = "office" in small or smallest <= 2
    hidden = ({p for p in PLACES if p != "office"} | ({"office"} if office else set())) if small else set()
    return {p: HIDDEN if p in hidden else n[p] for p in PLACES}


def day_record(day: str, n: dict[str, int], smallest: int) -> dict[str, Any]:
    cells = hide(n, smallest)
    return {"day": day, **cells, "desks": cells["office"]}


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= LIMIT


def size_bounds(value: Any, smallest: int) -> Bounds | None:
    """The least and most a team's shown size can stand for ((1, 4) for "fewer than 5"), or None."""
    if value == fewer(smallest):
        return 1, smallest - 1
    if _count(value) and value >= smallest:
        return value, value
    return None


def bounds(value: Any, smallest: int, version: int = VERSION, most: int = LIMIT) -> Bounds | None:
    """The least and most a shown group can stand for, or None if it is not one: "hidden" is 0 to `most` (the
    team's size at most); format 1's "fewer than 5" is 1 to 4, and its other numbers were 0 or the threshold
    and more."""
    if version == 1:
        if value == fewer(smallest):
            return 1, smallest - 1
        return (value, value) if _count(value) and (value == 0 or value >= smallest) else None
    if value == HIDDEN:
        return 0, most
    return (value, value) if _count(value) and (value == 0 or value >= smallest) else None


def tighten(cells: dict[str, Bounds], size: Bounds) -> dict[str, Bounds] | None:
    """Each group's least and most once the day's groups must add up to the team's size (None if they cannot)."""
    least, most = sum(lo for lo, _ in cells.values()), sum(hi for _, hi in cells.values())
    if least > size[1] or most < size[0]:
        return None
    return {p: (max(lo, size[0] - (most - hi)), min(hi, size[1] - (least - lo))) for p, (lo, hi) in cells.items()}


def protect(cells: dict[str, Bounds], hidden: set[str], size: Bounds, smallest: int) -> dict[str, Bounds] | None:
    """A day as read, tightened, and hidden again by the rule where what its file showed gives a hidden group
    away (format 1's days with one hidden group): None if the numbers do not add up or give a group away in a way
    this cannot mend."""
    tight = tighten(cells, size)
    if tight is None or not any(tight[p][0] == tight[p][1] for p in hidden):
        return tight
    if size[0] != size[1] or any(lo != hi for lo, hi in tight.values()):
        return None
    again = hide({p: lo for p, (lo, _) in tight.items()}, smallest)
    return tighten({p: (0, size[1]) if again[p] == HIDDEN else (v, v) for p, v in again.items()}, size)


def words(lo: int, hi: int) -> str:
    """A total that may hold hidden groups: "12", or "12 to 15"."""
    return str(lo) if lo == hi else f"{lo} to {hi}"
