"""The employee's flexible working request: the change asked for, checked against the rules in force, written as
a letter to send. Parts as in every tool package: `schema`, `validation`, `computation`, `rendering`, and
`importing` (a request starts from a plan made with the where & when planner)."""

from .computation import compute
from .importing import TAKES
from .rendering import render
from .schema import NAME, example, form
from .validation import validate

__all__ = ["NAME", "TAKES", "compute", "example", "form", "render", "validate"]
