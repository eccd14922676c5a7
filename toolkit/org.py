"""The organisation's settings (org.yml, applied as `extra.org` when the site builds), merged over neutral defaults."""

from __future__ import annotations

import copy
from typing import Any

from .svg import colour
from .forms import DAYS

DEFAULTS: dict[str, Any] = {
    "name": "Your organisation",
    "short_name": "",
    "site_name": "Smart Working Toolkit",
    "site_url": "",
    "term": "Smart Working",
    "term_article": "a",  # "a Smart Working conversation"; "an" for "an Agile Working conversation"
    "logo": "assets/brand/logo.svg",
    "logo_dark": "",
    "favicon": "assets/brand/logo.svg",
    "colours": {"primary": "#1f5f8b", "accent": "#b03a2e"},
    "contact": {"team": "HR", "team_article": "", "email": "", "phone": "", "intranet": ""},
    "currency": "",  # the symbol money is shown with, e.g. "£" or "€"; empty: amounts without one
    "policy": {
        "anchor_days": ["Tuesday"],
        "core_hours": {"start": "10:00", "end": "15:00"},
        "min_days_together": 1,
        "emissions": {},  # kg CO2e per km by mode, over the planner's own factors
        "emissions_source": "",
        # The law requests are handled under (GB, NI, or "policy": no statutory scheme, for an organisation
        # outside Great Britain and Northern Ireland); under a law the other values may only be more generous
        # than it (toolkit.flexible_working.rules and its law files). None: the law's.
        "requests": {
            "jurisdiction": "GB",
            "from_day_one": None,
            "qualifying_weeks": None,
            "per_12_months": None,
            "decision_within_months": None,
            "appeal": True,
            "grounds": [],
            "law": "",
            # The Employment Rights Act 2025 (s.9): a refusal must be reasonable and say why. Switch on the day
            # it commences in Great Britain; until then the decision record asks for it as good practice.
            "era_2025_reasonable_refusal": False,
        },
    },
    # The counts a team hands HR (the team agreement's "Counts for HR", the team counts page): no group smaller
    # than this is shown as a number ("fewer than 5"); the desks the organisation has, to plan against (None: unknown).
    "counts": {"smallest_group": 5, "desks": None},
    "content": {"switched_off": []},  # pages ("faq.md") and sections ("managers/") left out of the site
    # Python restored from a memory snapshot made at build time (snapshot.py): about three times sooner.
    "python": {"memory_snapshot": True},
    # A service worker keeps the site in the reader's browser after one visit (docs/sw.js, sitebuild/offline.py).
    "offline": True,
}

# Placeholders that templates (checklists, documents) may use; filled from the settings.
PLACEHOLDERS = ("org_name", "term", "a_term", "contact_team", "the_contact_team", "contact_email", "contact_phone",
                "contact_intranet")


def merge(user: dict[str, Any] | None) -> dict[str, Any]:
    """Return the defaults with the organisation's own values laid over them, key by key, and the phrases made
    from them: `a_term` ("a Smart Working", "an Agile Working") and `contact.the_team` ("the People Team",
    "HR Services"), so every sentence reads right whatever the names."""
    org = _merge(copy.deepcopy(DEFAULTS), user or {})
    org["a_term"] = f"{org['term_article']} {org['term']}"
    contact = org["contact"]
    contact["the_team"] = f"{contact['team_article']} {contact['team']}".strip()
    # The rules in force for requests, for the pages (org.request_rules) as for the tools.
    from .flexible_working.rules import for_org

    org["request_rules"] = for_org(org).to_dict()
    return org


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
        "a_term": str(org.get("a_term", f"a {org.get('term', DEFAULTS['term'])}")),
        "contact_team": str(org.get("contact", {}).get("team", "")),
        "the_contact_team": str(org.get("contact", {}).get("the_team", org.get("contact", {}).get("team", ""))),
        "contact_email": str(org.get("contact", {}).get("email", "")),
        "contact_phone": str(org.get("contact", {}).get("phone", "")),
        "contact_intranet": str(org.get("contact", {}).get("intranet", "")),
    }


def fill(text: str, org: dict[str, Any]) -> str:
    """Replace `{term}`, `{org_name}`, ... in a template's text; any other braces stay as written."""
    for key, value in placeholders(org).items():
        text = text.replace("{" + key + "}", value)
    return text
