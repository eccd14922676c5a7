"""The accessibility statement page (docs/accessibility.md), made from the settings' contact and
templates/accessibility.toml: the standard, how the site was tested, and the problems known today."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from toolkit.documents import date_words

FILE = Path(__file__).resolve().parent.parent / "templates" / "accessibility.toml"
COMPLIANCE = {
    "fully": "fully compliant with",
    "partially": "partially compliant with",
    "not": "not compliant with",
}


def load(path: Path = FILE) -> dict[str, Any]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    if data.get("compliance") not in COMPLIANCE or not isinstance(data.get("prepared"), date):
        raise ValueError(f"{path}: compliance must be one of {', '.join(COMPLIANCE)} and prepared a date")
    return data


def page_markdown(org: dict[str, Any], data: dict[str, Any] | None = None) -> str:
    """The statement's body, under the page's own heading."""
    data = data or load()
    c, name = org["contact"], org["name"]
    ways = ([f"email <{c['email']}>"] if c.get("email") else []) + ([f"call {c['phone']}"] if c.get("phone") else [])
    reach = (" or ".join(ways) if ways else "use the contact details on the home page")
    team = c.get("the_team") or c.get("team") or "us"
    problems = data.get("known_problems", [])
    out = [
        f"{name} runs this site. We want as many people as possible to be able to use it: to change colours, "
        "zoom in up to 400% without the text spilling off the screen, move around it with the keyboard alone, "
        "and listen to it with a screen reader. The tools work in your browser and keep nothing you type anywhere "
        "else.",
        "",
        "## How accessible this site is",
        "",
        f"This site is {COMPLIANCE[data['compliance']]} the Web Content Accessibility Guidelines "
        f"({data['standard']})" + (", because of the problems listed below." if problems else "."),
        "",
        "## Problems we know about",
        "",
    ]
    out += [f"- {p['what']} {p['plan']}" for p in problems] or ["We know of none today."]
    out += [
        "",
        "## Feedback and contact",
        "",
        f"If you find a problem not listed here, or need a page or a letter in another format, {reach}, and "
        f"{team} will answer within 5 working days.",
        "",
        "## Enforcement procedure",
        "",
        "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies "
        "(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how "
        "we respond to your complaint, contact the Equality Advisory and Support Service (EASS); in Northern "
        "Ireland, the Equality Commission for Northern Ireland (ECNI).",
        "",
        "## How we tested this site",
        "",
        f"This statement was prepared on {date_words(data['prepared'])}. We tested:",
        "",
    ]
    out += [f"- {t}." for t in data.get("tested", [])]
    out += ["", "Figures on the tools' pages are drawn with a title and a description, and the table after each "
                "holds the same facts in words. On a phone each figure keeps its size and scrolls sideways in its "
                "own box."]
    return "\n".join(out)
