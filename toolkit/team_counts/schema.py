"""The team counts' form: the desks the organisation has, and one row per team's count file."""

from __future__ import annotations

from typing import Any

from .. import tools
from ..forms import Field, Group, Repeat, ToolForm

NAME = "team_counts"
MAX_TEAMS = 100
COUNTS_LIMIT = 4_000  # one team's counts file, as the row carries it


def desks_default(org: dict[str, Any]) -> str:
    counts = org.get("counts") if isinstance(org.get("counts"), dict) else {}
    desks = counts.get("desks")
    return str(desks) if isinstance(desks, int) and not isinstance(desks, bool) else ""


def form(org: dict[str, Any]) -> ToolForm:
    team = (
        Field("team", "Team", width="m", max_length=80, hint="As its counts file names it."),
        Field("site", "Site (optional)", width="m", max_length=80,
              hint="Where its office days are: desks are added up per site."),
        Field("counts", "", kind="carried"),  # the team's counts file, as it was read
    )
    return tools.tool_form(
        NAME,
        fields=[
            Group("The desks you have", (
                Field("desks", "Desks across the organisation (optional)", kind="number", width="s", suffix="desks",
                      default=desks_default(org),
                      hint="Filled in from your organisation's settings; the busiest day is set against it."),
            )),
            Repeat("teams", "Teams' counts", "team", team, min_rows=0, max_rows=MAX_TEAMS,
                   import_label="Add teams' count files (JSON)",
                   hint="Each team's manager downloads “Counts for HR” from the team agreement drafter. Choose "
                        "several files at once; each becomes a row. The files are read in this browser only."),
        ],
        result_heading="The organisation's week",
        result_placeholder="Add teams' count files, or try the example: desks needed per day, per site and against "
                           "the desks you have appear here.",
        example=example(),
    )


def example() -> dict[str, Any]:
    """Three teams' counts, kept as data in templates/examples/ so an organisation can replace it."""
    return tools.example(NAME)
