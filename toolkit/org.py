"""The organisation's settings (`extra.org` in mkdocs.yml), merged over neutral defaults."""

from __future__ import annotations

import copy
from typing import Any

from .draw import colour
from .forms import DAYS

DEFAULTS: dict[str, Any] = {
    "name": "Your organisation",
    "term": "Smart Working",
    "logo": "assets/brand/logo.svg",
    "colours": {"primary": "#1f5f8b", "accent": "#c0392b"},
    "contact": {"team": "HR", "email": "", "intranet": ""},
    "currency": "",  # the symbol money is shown with, e.g. "£" or "€"; empty: amounts without one
    "policy": {
        "anchor_days": ["Tuesday"],
        "core_hours": {"start": "10:00", "end": "15:00"},
        "min_days_together": 1,
        "requests": {
            "from_day_one": True,
            "per_12_months": None,
            "decision_within_months": None,
            "appeal": True,
            "law": "",
        },
    },
}

# Placeholders that templates (checklists, documents) may use; filled from the settings.
PLACEHOLDERS = ("org_name", "term", "contact_team", "contact_email")


def merge(user: dict[str, Any] | None) -> dict[str, Any]:
    """Return the defaults with the organisation's own values laid over them, key by key."""
    return _merge(copy.deepcopy(DEFAULTS), user or {})


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value
    return base


def form_policy(org: dict[str, Any]) -> dict[str, Any]:
    """The organisation's anchor days, core hours and minimum days together, as text for a form's defaults:
    every tool that asks about them starts from the same answers."""
    p = org.get("policy") if isinstance(org.get("policy"), dict) else {}
    names = {d.lower(): d for d in DAYS}
    raw_days = p.get("anchor_days") if isinstance(p.get("anchor_days"), list) else []
    core = p.get("core_hours") if isinstance(p.get("core_hours"), dict) else {}
    min_days = p.get("min_days_together")
    return {
        "anchor_days": [names[d.strip().lower()] for d in raw_days if isinstance(d, str) and d.strip().lower() in names],
        "core_start": core.get("start") if isinstance(core.get("start"), str) else "",
        "core_end": core.get("end") if isinstance(core.get("end"), str) else "",
        "min_days": str(min_days) if isinstance(min_days, int) and not isinstance(min_days, bool) else "1",
    }


def primary_colour(org: dict[str, Any]) -> str:
    """The organisation's primary colour for figures (the default when it is not a #rrggbb value)."""
    colours = org.get("colours") if isinstance(org.get("colours"), dict) else {}
    return colour(colours.get("primary"))


def placeholders(org: dict[str, Any]) -> dict[str, str]:
    """The values a template's `{term}`-style placeholders are replaced with."""
    return {
        "org_name": str(org.get("name", DEFAULTS["name"])),
        "term": str(org.get("term", DEFAULTS["term"])),
        "contact_team": str(org.get("contact", {}).get("team", "")),
        "contact_email": str(org.get("contact", {}).get("email", "")),
    }


def fill(text: str, org: dict[str, Any]) -> str:
    """Replace `{term}`, `{org_name}`, ... in a template's text; any other braces stay as written."""
    for key, value in placeholders(org).items():
        text = text.replace("{" + key + "}", value)
    return text
