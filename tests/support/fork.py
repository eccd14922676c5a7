"""A fork of the toolkit made the way an organisation makes one: a copy of the repository with its own org.yml,
its own logo and one checklist of its own, built with `mkdocs build --strict`. Nothing in the copy is patched:
if the fork needs more than the settings file and added files, the fork tests fail."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.support.build import ROOT, site_url

# Unlike the defaults in every way the settings allow: a name, a term taking "an", a contact named without
# "the", a purple brand, other policy, a section switched off, no memory snapshot.
SETTINGS = {
    "name": "Northgate University",
    "short_name": "Northgate",
    "site_name": "Agile Working at Northgate",
    "site_url": "https://staff.northgate.example/agile/",
    "term": "Agile Working",
    "term_article": "an",
    "logo": "assets/brand/northgate.svg",
    "favicon": "assets/brand/northgate.svg",
    "colours": {"primary": "#5b2a86", "accent": "#8a1c4a"},
    "contact": {"team": "HR Services", "team_article": "", "email": "hr@northgate.example",
                "phone": "0100 000 0000", "intranet": "https://staff.northgate.example/hr/"},
    "currency": "€",
    "policy": {
        "anchor_days": ["Monday", "Thursday"],
        "core_hours": {"start": "09:30", "end": "14:30"},
        "min_days_together": 2,
        "emissions": {"car": 0.17},
        "emissions_source": "Northgate's travel plan 2026",
        # A US-style policy: no statutory scheme, the university's own rules (a wait of 13 weeks, two requests a
        # year, a decision within a month, its own grounds and an appeal), and letters that claim no statutory right.
        "requests": {"jurisdiction": "policy", "from_day_one": False, "qualifying_weeks": 13, "per_12_months": 2,
                     "decision_within_months": 1, "appeal": True,
                     "grounds": ["the needs of the department's teaching timetable", "the cost of the change",
                                 "the work cannot be done in the pattern asked for"],
                     "law": "Northgate University's Agile Working policy"},
    },
    "content": {"switched_off": ["organisations/"]},
    # The switch for a site without the memory snapshot: the whole browser suite then runs Python's plain start.
    "python": {"memory_snapshot": False},
}

# What the default settings say, which no page or download of the fork may say.
DEFAULT_WORDS = ("Example Organisation", "Smart Working", "People Team", "people@example.org", "intranet.example",
                 "#1f5f8b")

LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" role="img" aria-label="Northgate">'
        '<rect width="24" height="24" rx="4" fill="#5b2a86"/><path d="M6 18V6l12 12V6" stroke="#fff" '
        'stroke-width="2.5" fill="none"/></svg>\n')

CHECKLIST = '''title = "Preparing {a_term} lab rota"
audience = "teams"
summary = "For a research group agreeing who is in the lab on which days."

[[sections]]
title = "Cover"

[[sections.items]]
id = "safety-cover"
text = "Agree who is trained to supervise the lab on each day."
hint = "Ask {the_contact_team} about the university's rules for lone working."
'''

PAGE = "# Parking at {{ org.short_name }}\n\nParking at {{ org.name }} is booked the day before.\n"

_SKIP = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "__pycache__", "*.egg-info", ".pytest_cache")


def make_fork(dest: Path) -> Path:
    """Copy the repository to `dest` and make it Northgate's: settings, logo, a checklist and a page of its own."""
    shutil.copytree(ROOT, dest, ignore=_SKIP)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")  # Pyodide, as `npm ci` would put it there
    (dest / "org.yml").write_text(yaml.safe_dump(SETTINGS, sort_keys=False, allow_unicode=True), encoding="utf-8")
    (dest / "docs/assets/brand/northgate.svg").write_text(LOGO, encoding="utf-8")
    (dest / "templates/checklists/lab-rota.toml").write_text(CHECKLIST, encoding="utf-8")
    (dest / "docs/local").mkdir()
    (dest / "docs/local/parking.md").write_text(PAGE, encoding="utf-8")
    return dest


def build_fork(fork: Path, out: Path, port: int) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SWT_SITE_URL": site_url(port)}
    env.pop("SWT_ORG", None)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
                          cwd=fork, env=env, capture_output=True, text=True)
