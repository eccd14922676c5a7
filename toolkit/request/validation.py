"""Reading the request form: the request and where it stands, or a plain message beside each field."""

from __future__ import annotations

from datetime import date
from typing import Any

from .. import now
from ..forms import Errors, FieldError
from ..flexible_working import rules as request_rules
from ..flexible_working.reading import read_request, standing
from .model import Asked


def validate(values: dict[str, Any], org: dict[str, Any], today: date | None = None) -> Asked | list[FieldError]:
    values = values if isinstance(values, dict) else {}
    org = org if isinstance(org, dict) else {}
    today = today or now.today()
    e = Errors()
    rules = request_rules.for_org(org)
    request = read_request(values, e, today, by="employee", rules=rules)
    if e.list or request is None:
        return e.list or [FieldError("request.employee", "Fill in your name, the change and when it would start.")]
    rules = rules.of_kind(request.kind)  # where the law has more than one kind of request (Ireland)
    return Asked(request, standing(request, rules), rules, org, today)
