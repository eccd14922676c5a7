"""The team agreement drafter: a team's week, rota cover and ways of working, checked and drafted together.

Parts as in every tool package: `model`, `schema` (the form), `validation`, `computation` (with `checks` and
`revision`) and `rendering`; `importing` takes in planner files and saved agreements."""

from .computation import compute
from .importing import import_rows, imported
from .rendering import render
from .schema import NAME, example, form
from .validation import validate

__all__ = ["NAME", "compute", "example", "form", "import_rows", "imported", "render", "validate"]
