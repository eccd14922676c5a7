"""The where & when planner: which work can happen where and when, a suggested week, and what it changes.

Every tool package has the same parts: `model` (what validate builds and compute returns), `schema` (the form),
`validation`, `computation` and `rendering`; the bridge calls the four names below."""

from .computation import compute
from .rendering import render
from .schema import NAME, example, form
from .validation import validate

__all__ = ["NAME", "compute", "example", "form", "render", "validate"]
