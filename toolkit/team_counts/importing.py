"""Taking teams' count files in: each becomes a row, or is named with the reason it was not."""

from __future__ import annotations

import json
from typing import Any

from ..forms import FieldError
from .schema import MAX_TEAMS
from .validation import read_counts, smallest_group


def import_rows(repeat: str, files: Any, count: Any, current: Any = None, org: Any = None) -> dict[str, Any]:
    """Rows for the teams from the files chosen ([{name, text}]), after `count` rows already there. A file that
    will not do is named with its reason; the others are added, and nothing already there is touched."""
    field = f"import.{repeat}"
    if repeat != "teams" or not isinstance(files, list) or not isinstance(count, int):
        return {"ok": False, "errors": [FieldError(field, "Those files could not be read. Choose them again.").to_dict()]}
    small = smallest_group(org if isinstance(org, dict) else {})
    values = current if isinstance(current, dict) else {}
    here = values.get("teams") if isinstance(values.get("teams"), list) else []
    seen = {(str(r.get("team", "")).strip().casefold(), str(r.get("site", "")).strip().casefold()): i
            for i, r in enumerate(here) if isinstance(r, dict)}
    rows, problems, notes = [], [], []
    for i, item in enumerate(files[:MAX_TEAMS]):
        name = item.get("name")[:100] if isinstance(item, dict) and isinstance(item.get("name"), str) else f"file {i + 1}"
        content = item.get("text") if isinstance(item, dict) else None
        read = read_counts(content, small)
        if isinstance(read, str):
            problems.append(f"{name}: not added, because {read}")
            continue
        data = json.loads(content)
        team, site = str(data.get("team") or "")[:80].strip(), str(data.get("site") or "")[:80].strip()
        key = (team.casefold(), site.casefold())
        if not team:
            problems.append(f"{name}: not added, because it does not name its team.")
        elif key in seen:
            problems.append(f"{name}: not added, because {team}'s counts are here already (row {seen[key] + 1}).")
        elif count + len(rows) >= MAX_TEAMS:
            problems.append(f"{name}: not added, because the page takes {MAX_TEAMS} teams at most.")
        else:
            seen[key] = count + len(rows)
            rows.append({"team": team, "site": site, "counts": content})
            notes.append(f"{name} added: {team}.")
    errors = [FieldError(field, " ".join(problems)).to_dict()] if problems else []
    return {"ok": True, "rows": rows, "errors": errors, "notes": notes}
