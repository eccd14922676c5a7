"""The trial review: a manager and an employee look at a trial arrangement together, measure by measure, and
agree the outcome (adjusting the pattern by default, never a return to the office as a sanction).

Parts as in every tool package: `model`, `schema` (the form), `validation`, `computation` (with `letter`, the
outcome letter), `figures` and `rendering`; `importing` starts a review from the decision record's trial."""

from .computation import compute
from .importing import TAKES
from .rendering import render
from .schema import NAME, example, form
from .validation import validate

__all__ = ["NAME", "TAKES", "compute", "example", "form", "render", "validate"]
