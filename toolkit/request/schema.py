"""The request's form: the shared request questions (toolkit.flexible_working.fields), worded to the person asking."""

from __future__ import annotations

from typing import Any

from .. import now, tools
from ..forms import ToolForm
from ..links import DRAFT
from ..flexible_working import rules as request_rules
from ..flexible_working.dates import dated_example
from ..flexible_working.fields import request_groups

NAME = "request"


def form(org: dict[str, Any]) -> ToolForm:
    return tools.tool_form(
        NAME,
        fields=request_groups(request_rules.for_org(org), by="employee"),
        result_heading="Your request",
        result_placeholder="Fill in the change you want, or load the JSON file the planner gave you: your letter "
                           "appears here, with the dates that follow from it.",
        example=example(),
        links=((DRAFT["kind"], "Share this draft as a link", ""),),  # a draft passed to a manager (toolkit.links)
        former_names=("flexible_request",),
    )


def example() -> dict[str, Any]:
    """Kept as data in templates/examples/; its dates count from the day the site is built (see dated_example)."""
    return dated_example(tools.example(NAME), now.today())
