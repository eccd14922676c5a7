"""The organisation's settings (`extra.org` in mkdocs.yml), merged over neutral defaults."""

from __future__ import annotations

import copy
from typing import Any

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
