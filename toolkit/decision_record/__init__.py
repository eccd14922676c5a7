"""The manager's decision record: a request received, the dates the rules set, the meeting, the consultation, the
outcome (only on the grounds the rules allow), any appeal, and every letter on the way.

Parts as in every tool package: `schema`, `model`, `validation`, `computation` (dates, what is missing),
`letters` (each letter's wording), `rendering`, and `importing` (it starts from the employee's request file)."""

from .computation import compute
from .importing import TAKES
from .rendering import render
from .schema import NAME, example, form
from .validation import validate

__all__ = ["NAME", "TAKES", "compute", "example", "form", "render", "validate"]
