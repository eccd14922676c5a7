"""The team agreement drafter: a team's week, rota cover and ways of working, checked and drafted together.

Parts as in every tool package: `model`, `schema` (the form), `validation`, `computation` (with `checks` and
`revision`) and `rendering`; `importing` takes in planner files, the team's replies and saved agreements, and
makes the invitation and reply links (`toolkit.links`)."""

from .computation import compute
from .importing import TAKES, import_rows, imported, make_link, open_link
from .rendering import render
from .schema import NAME, example, form
from .validation import validate

__all__ = ["NAME", "TAKES", "compute", "example", "form", "import_rows", "imported", "make_link", "open_link", "render",
           "validate"]
