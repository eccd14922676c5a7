"""The organisation's picture without names: many teams' counts for HR (from the team agreement) added together in
the browser: desks needed per day, across teams and per site, anchor days against the desks there are, and the
teams with no day they are all in.

Parts as in every tool package: `model`, `schema` (the form), `validation` (each team's file read strictly),
`computation`, `rendering` with `figures`, and `importing` (the count files chosen)."""

from .computation import compute
from .importing import import_rows
from .rendering import render
from .schema import NAME, example, form
from .validation import validate

__all__ = ["NAME", "compute", "example", "form", "import_rows", "render", "validate"]
