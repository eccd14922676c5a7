"""Interactive checklists: definitions in templates/checklists/*.toml, ticked and annotated in the browser."""

from .computation import compute
from .model import AUDIENCES, NAME, Checklist, ChecklistError, available, load, parse
from .rendering import render
from .schema import example, form
from .validation import validate

__all__ = ["AUDIENCES", "NAME", "Checklist", "ChecklistError", "available", "compute", "example", "form", "load", "parse",
           "render", "validate"]
