"""The rules for the organisation's settings (org.yml): every key, what it may hold, and `problems`, which names
each thing wrong in words a non-programmer can act on: what is wrong and what to write instead.

The schema is a table, SCHEMA: a dotted key and the check for its value. A group (`colours`, `policy.requests`) is
every key under it, so a new setting is one line here and its default in org.DEFAULTS.

Settings arrive from YAML, which quietly turns some values into others: unquoted 10:00 is the number 600, no and
off are false, 2026-01-01 is a date, and `#1f5f8b` unquoted is a comment (so nothing). The messages name these
traps. `problems` never raises, whatever it is given: the build reports the file's problems, it does not crash."""

from __future__ import annotations

import datetime
import difflib
import json
import math
import posixpath
import re
from pathlib import Path
from typing import Any, Callable, Iterator, NamedTuple

from toolkit import org
from toolkit.svg import contrast
from toolkit.forms import DAYS
from toolkit.planner.commute import FACTORS  # the planner's ways of travelling: emissions may override any of them


class Problem(NamedTuple):
    key: str      # dotted path: "policy.core_hours.start", "content.switched_off (item 2)"; "" the whole file
    message: str  # what is wrong and what to write instead


class Context(NamedTuple):
    docs_dir: Path | None  # where logos and pages must exist; None: paths are checked only for their form


# A check reads one setting's value and yields its problems (more than one for a list or a table).
Check = Callable[[Any, str, Context], Iterator[Problem]]


# ---------------------------------------------------------------- how values are shown in messages

def _show(value: Any) -> str:
    """A value as the person wrote it, kept short (and never str() of a huge number, which raises)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value) if abs(value) < 10 ** 15 else "a very large number"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value if len(value) <= 40 else value[:39] + "…", ensure_ascii=False)
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return "a list" if isinstance(value, (list, tuple, set)) else "a group of settings" if isinstance(value, dict) \
        else "a value of another kind"


def _not(value: Any) -> str:
    """What a value is, for "..., not <this>"; the YAML trap named where there is one."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"{_show(value)} (unquoted, YAML reads yes, no, on and off as true or false)"
    if isinstance(value, (int, float)):
        return f"the number {_show(value)}"
    if isinstance(value, datetime.date):
        return f"the date {_show(value)}"
    return f"the text {_show(value)}" if isinstance(value, str) else _show(value)


def _yaml(value: Any) -> str:
    """An example value as it would be written in org.yml."""
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return _show(value) if value is None or isinstance(value, (bool, str)) else str(value)


def _name(key: Any) -> str:
    """A mapping's key as it appears in a problem's dotted path."""
    return (key if len(key) <= 60 else key[:59] + "…") if isinstance(key, str) else _show(key)


def _suggest(word: str, names: list[str]) -> str | None:
    """The name `word` most likely meant: the only one it begins, else the closest in spelling, else None."""
    lower = {n.lower(): n for n in names}
    w = word.strip().lower()[:60]  # difflib is quadratic: a pasted paragraph must not take minutes
    starts = [n for n in lower if len(w) >= 2 and n.startswith(w)]
    close = starts if len(starts) == 1 else difflib.get_close_matches(w, list(lower), n=1)
    return lower[close[0]] if close else None


# ---------------------------------------------------------------- checks

def _rule(like: Any, blank_ok: bool = False, none_ok: bool = False, hint: str = "") -> Callable[..., Check]:
    """A check of one value from a test giving the message when it will not do (None when it will). An empty
    value (`key:` with nothing after it, which YAML reads as null) is named here, once for every check."""
    def wrap(test: Callable[[Any, Context], str | None]) -> Check:
        def check(value: Any, key: str, ctx: Context) -> Iterator[Problem]:
            if value is None and not none_ok:
                blank = ' To leave it empty, write two quote marks: "".' if blank_ok else ""
                yield Problem(key, f"This is empty: write a value, like {_yaml(like)}, or delete the line to use "
                                   f"the default.{blank}{hint}")
            elif value is not None and (message := test(value, ctx)):
                yield Problem(key, message)
        return check
    return wrap


def text(least: int, most: int, like: str) -> Check:
    @_rule(like, blank_ok=least == 0)
    def test(v: Any, ctx: Context) -> str | None:
        if not isinstance(v, str):
            quote = " Put it in quotes to keep it as written." if isinstance(v, (int, float, datetime.date)) else ""
            return f"Write text here, like {_yaml(like)}, not {_not(v)}.{quote}"
        if len(v.strip()) < least:
            return (f"This is empty: write at least one letter, like {_yaml(like)}, or delete the line to use the "
                    "default.")
        return f"This is {len(v)} characters long: shorten it to {most} or fewer." if len(v) > most else None
    return test


def choice(*options: str, why: str) -> Check:
    shown = " or ".join(_show(o) for o in options)

    @_rule(options[0], blank_ok="" in options)
    def test(v: Any, ctx: Context) -> str | None:
        return None if isinstance(v, str) and v in options else f"Write {shown} here, as in {why}; not {_not(v)}."
    return test


def url(like: str, slash: bool = False) -> Check:
    @_rule(like, blank_ok=True)
    def test(v: Any, ctx: Context) -> str | None:
        if v == "":
            return None
        if not isinstance(v, str) or not re.fullmatch(r"https?://[^\s/?#]+\S*", v):
            return f'Write a web address starting with https://, like {_yaml(like)}, or "" for none; not {_not(v)}.'
        return f'End the address with "/": {_show(v + "/")}.' if slash and not v.endswith("/") else None
    return test


def email(like: str) -> Check:
    @_rule(like, blank_ok=True)
    def test(v: Any, ctx: Context) -> str | None:
        ok = v == "" or isinstance(v, str) and re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s.]+", v)
        return None if ok else f'Write an email address, like {_yaml(like)}, or "" for none; not {_not(v)}.'
    return test


def colour(like: str) -> Check:
    # The colours are text on a white page (links, headings), so they must read: WCAG AA wants 4.5:1 for text.
    @_rule(like, hint=' Write colours in quotes: unquoted, YAML reads "#" as the start of a comment.')
    def test(v: Any, ctx: Context) -> str | None:
        if isinstance(v, str) and re.fullmatch(r"#[0-9a-fA-F]{3}", v):  # CSS shorthand: say the long form
            return f'Write the colour with six digits, "#rrggbb": {_show("#" + "".join(c * 2 for c in v[1:]))}.'
        if not isinstance(v, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}", v):
            return (f'Write a colour as "#rrggbb" in quotes: "#" then six digits 0-9 or letters a-f, like '
                    f'{_yaml(like)}; not {_not(v)}.')
        ratio = contrast(v, "#ffffff")
        # Rounded down, so a ratio just under 4.5 never shows as "4.50".
        return None if ratio >= 4.5 else (f"{v} on a white page has a contrast of {math.floor(ratio * 100) / 100:.2f}"
                                          ":1; text needs at least 4.5:1: choose a darker shade.")
    return test


def _outside(v: str, like: str) -> str | None:
    """Why a path is not a plain path inside the docs folder (None when it is)."""
    if "://" in v or v.lower().startswith(("http:", "https:", "//", "www.")):
        return (f"This is a web address: put the file in the docs folder and write its path there, like "
                f"{_yaml(like)}.")
    if "\\" in v:
        return f'Write "/" between folders, not "\\": {_show(v.replace(chr(92), "/"))}.'
    if v.startswith("/") or re.match(r"[A-Za-z]:", v):
        return f'Write the path from the docs folder, with no "/" or drive at the start, like {_yaml(like)}.'
    if ".." in v.split("/"):
        return (f'The file must be inside the docs folder: remove "..", and write its path from there, like '
                f'{_yaml(like)}.')
    return None


def _exists(ctx: Context, path: str, folder: bool) -> bool:
    try:  # a name with a NUL or too long for the system raises rather than answering "no"
        found = ctx.docs_dir / path  # type: ignore[operator]
        return found.is_dir() if folder else found.is_file()
    except (OSError, ValueError):
        return False


def picture(like: str, kinds: tuple[str, ...], blank_ok: bool = False) -> Check:
    shown = " or ".join(kinds)

    @_rule(like, blank_ok=blank_ok)
    def test(v: Any, ctx: Context) -> str | None:
        if v == "" and blank_ok:
            return None
        if not isinstance(v, str) or not v.strip():
            return f"Write the path of a {shown} file in the docs folder, like {_yaml(like)}; not {_not(v)}."
        if wrong := _outside(v, like):
            return wrong
        if not v.lower().endswith(kinds):
            return f"Use a {shown} file: {_show(v)} is not one. Write its path, like {_yaml(like)}."
        if ctx.docs_dir is not None and not _exists(ctx, v, folder=False):
            return f"There is no file {_show(v)} in the docs folder: put the file there, or correct the path."
        return None
    return test


def clock(like: str) -> Check:
    @_rule(like)
    def test(v: Any, ctx: Context) -> str | None:
        if isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 24 * 60:  # YAML 1.1 reads 10:00 as 10*60
            return (f'YAML read the unquoted time as the number {v}: write times in quotes, like '
                    f'"{v // 60:02d}:{v % 60:02d}".')
        if isinstance(v, str) and (m := re.fullmatch(r"\s*([0-9]{1,2})\s*[:.]\s*([0-9]{2})\s*", v)):
            fixed = f"{int(m[1]):02d}:{m[2]}"
            if int(m[1]) > 23 or int(m[2]) > 59:
                return f'{_show(v)} is not a time of day: write a time from "00:00" to "23:59", like {_yaml(like)}.'
            return None if fixed == v else (f'Write the time as "{fixed}": two digits for the hour, a colon, two '
                                            'for the minutes.')
        unquoted = " Unquoted, YAML reads a time as a number." if isinstance(v, (int, float)) else ""
        return f"Write a time in quotes, in 24-hour form, like {_yaml(like)}; not {_not(v)}.{unquoted}"
    return test


def whole(least: int, most: int, like: int, null: bool = False) -> Check:
    wanted = f"a whole number from {least} to {most}" + (", or null for none" if null else "")

    @_rule(like, none_ok=null)
    def test(v: Any, ctx: Context) -> str | None:
        if isinstance(v, int) and not isinstance(v, bool) and least <= v <= most:
            return None
        quoted = " without quotes" if isinstance(v, str) and re.fullmatch(r"\s*[0-9]+\s*", v) else ""
        return f"Write {wanted}{quoted}, like {like}; not {_not(v)}."
    return test


def yes_no(like: bool, null: bool = False) -> Check:
    @_rule(like, none_ok=null)
    def test(v: Any, ctx: Context) -> str | None:
        if isinstance(v, bool):
            return None
        quoted = isinstance(v, str) and v.strip().lower() in ("true", "false", "yes", "no", "on", "off")
        return f"Write true or false{' without quotes' if quoted else ''}, not {_not(v)}."
    return test


def listed(item: Callable[[Any, Context], str | None], like: list[str], what: str) -> Check:
    """A list of values, each checked by `item`; each listed once."""
    def check(v: Any, key: str, ctx: Context) -> Iterator[Problem]:
        if isinstance(v, str) and v.strip():  # `anchor_days: Tuesday` is one piece of text, not a list of one
            parts = [p for p in re.split(r"\s*(?:,|\band\b)\s*", v.strip()) if p]
            example = _yaml(parts) if len(v) <= 60 else _yaml(like)
            yield Problem(key, f"Write a list in square brackets, even for one {what}: {example}.")
        elif not isinstance(v, list):
            yield Problem(key, f"Write a list in square brackets, like {_yaml(like)}, or [] for none; not {_not(v)}.")
        else:
            seen: set[str] = set()
            for i, x in enumerate(v):
                if message := item(x, ctx):
                    yield Problem(f"{key} (item {i + 1})", message)  # counted as people count
                elif (same := x.strip().lower()) in seen:
                    yield Problem(f"{key} (item {i + 1})", f"{_show(x)} is listed twice: list each {what} once.")
                else:
                    seen.add(same)
    return check


def _jurisdictions() -> tuple[str, ...]:
    from toolkit.flexible_working import rules

    return rules.jurisdictions()


def jurisdiction(like: str) -> Check:
    """One of the law files, or policy: an unknown code is told the ones there are and how to add its own file."""
    @_rule(like)
    def test(v: Any, ctx: Context) -> str | None:
        from toolkit.flexible_working import rules

        there = rules.jurisdictions()
        if isinstance(v, str) and v in there:
            return None
        close = isinstance(v, str) and v.upper() in there and v.upper()
        if close:
            return f"Write the code in capitals: {close}."
        named = ", ".join(f'"{code}" ({rules.law(code).whole[0] or rules.law(code).name})' for code in there
                          if code != "policy")
        code = v.strip().upper() if isinstance(v, str) and v.strip().isalpha() else "XX"
        return (f"There is no law file for {_not(v)}. The jurisdictions there are: {named}, or \"policy\" (your own "
                "rules only, where no law gives a right to request flexible working). To add your own, copy "
                f"toolkit/flexible_working/law/gb.toml to toolkit/flexible_working/law/{code.lower()}.toml, write "
                f"jurisdiction = \"{code}\" at its top and each rule with its citation, a link to the text and the "
                f"day you checked it, and set jurisdiction: {code}. The build checks the file; \"Make it yours\" "
                "in the organisations' guide walks through it.")
    return test


def _ground(v: Any, ctx: Context) -> str | None:
    if not isinstance(v, str) or not 3 <= len(v.strip()) <= 200:
        return f"Write a ground for refusing as a short phrase, like \"the burden of additional costs\"; not {_not(v)}."
    return None


def day(v: Any, ctx: Context) -> str | None:
    if isinstance(v, str) and v.strip().lower() in (d.lower() for d in DAYS):
        return None
    if not isinstance(v, str):
        return f"Write a day's name, like Tuesday; not {_not(v)}."
    if close := _suggest(v, list(DAYS)):
        return f"{_show(v)} is not a day of the week; did you mean {close}?"
    return f"{_show(v)} is not a day of the week: write one of {', '.join(DAYS[:-1])} or {DAYS[-1]}."


def page(v: Any, ctx: Context) -> str | None:
    """A page ("faq.md") or a whole section ("managers/") to switch off, written as the site names it."""
    if not isinstance(v, str) or not v.strip():
        return (f'Write a page as its path in the docs folder, like "faq.md", or a whole section with "/" at the '
                f'end, like "managers/"; not {_not(v)}.')
    if wrong := _outside(v, "faq.md"):
        return wrong
    section = v.endswith("/")
    if not section and not v.endswith(".md"):
        return (f'Write a page with its .md ending, like {_show(v + ".md")}, or a whole section with "/" at the '
                f'end, like {_show(v + "/")}.')
    tidy = posixpath.normpath(v) + ("/" if section else "")
    if tidy != v:  # the site compares paths as written: "./faq.md" would switch nothing off
        return f"Write it as {_show(tidy)}."
    if v in ("index.md", "./"):  # "./" is the whole site
        return "The home page (index.md) cannot be switched off: remove this entry."
    if ctx.docs_dir is not None and not _exists(ctx, v, folder=section):
        kind = "section (folder)" if section else "page"
        # Compared without ".md" or "/", so "managers/trial.md" begins "managers/trials-and-reviews".
        names = {n.removesuffix(".md").rstrip("/"): n for n in _contents(ctx.docs_dir, folders=section)}
        close = names[c] if (c := _suggest(v.removesuffix(".md").rstrip("/"), list(names))) else None
        return (f"There is no {kind} {_show(v)} in the docs folder: "
                + (f"did you mean {_show(close)}?" if close else "check the spelling, or remove the entry."))
    return None


def _contents(docs_dir: Path, folders: bool) -> list[str]:
    """The docs folder's pages ("faq.md") or sections ("managers/"), as content.switched_off names them."""
    try:
        return [p.relative_to(docs_dir).as_posix() + ("/" if folders else "") for p in docs_dir.rglob("*")
                if (p.is_dir() if folders else p.suffix == ".md")]
    except (OSError, ValueError):
        return []


def factors(v: Any, key: str, ctx: Context) -> Iterator[Problem]:
    """kg CO2e per km by way of travelling: the organisation's own figures over the planner's."""
    modes = list(FACTORS)
    if not isinstance(v, dict):
        yield Problem(key, f"Write one line per way of travelling under it, indented, like car: 0.166, or {{}} for "
                           f"none; not {_not(v)}.")
        return
    for mode, factor in v.items():
        at = f"{key}.{_name(mode)}"
        if not isinstance(mode, str) or mode not in FACTORS:
            close = _suggest(_name(mode), modes)
            yield Problem(at, f'There is no way of travelling "{_name(mode)}"; '
                              + (f'did you mean "{close}"?' if close else f"write one of {', '.join(modes)}."))
        elif isinstance(factor, bool) or not isinstance(factor, (int, float)) or not 0 <= factor <= 1:
            quoted = " without quotes" if isinstance(factor, str) and re.fullmatch(r"\s*[0-9.]+\s*", factor) else ""
            yield Problem(at, f"Write kg CO2e per km as a number from 0 to 1{quoted}, like {FACTORS[mode]}; "
                              f"not {_not(factor)}.")


# ---------------------------------------------------------------- the schema

SCHEMA: dict[str, Check] = {
    "name": text(1, 80, "Example Organisation"),  # used in sentences
    "short_name": text(0, 30, "Example"),  # where space is short; "" uses the name
    "site_name": text(1, 80, "Smart Working Toolkit"),
    "site_url": url("https://intranet.example/smart-working/", slash=True),  # MkDocs wants the trailing "/"
    "term": text(1, 40, "Smart Working"),
    "term_article": choice("a", "an", why='"a Smart Working conversation", "an Agile Working conversation"'),
    "logo": picture("assets/brand/logo.svg", (".svg", ".png")),
    "logo_dark": picture("assets/brand/logo-dark.svg", (".svg", ".png"), blank_ok=True),
    "favicon": picture("assets/brand/favicon.png", (".svg", ".png", ".ico")),
    "colours.primary": colour("#1f5f8b"),
    "colours.accent": colour("#b03a2e"),
    "currency": text(0, 5, "£"),
    "contact.team": text(1, 60, "People Team"),
    "contact.team_article": choice("the", "", why='"Ask the People Team", or "" for "Ask HR Services"'),
    "contact.email": email("people@example.org"),
    "contact.phone": text(0, 40, "0123 456 7890"),
    "contact.intranet": url("https://intranet.example/hr/"),
    "policy.anchor_days": listed(day, ["Tuesday", "Thursday"], "day"),
    "policy.core_hours.start": clock("10:00"),
    "policy.core_hours.end": clock("15:00"),
    "policy.min_days_together": whole(0, 5, 2),
    "policy.emissions": factors,
    "policy.emissions_source": text(0, 200, "UK Government conversion factors, 2024"),
    "policy.requests.jurisdiction": jurisdiction("GB"),
    "policy.requests.from_day_one": yes_no(True, null=True),
    "policy.requests.qualifying_weeks": whole(1, 104, 26, null=True),
    "policy.requests.per_12_months": whole(1, 12, 2, null=True),
    "policy.requests.decision_within_months": whole(1, 12, 2, null=True),
    "policy.requests.appeal": yes_no(True),
    "policy.requests.grounds": listed(_ground, ["the burden of additional costs"], "ground"),
    "policy.requests.law": text(0, 200, "Employment Relations (Flexible Working) Act 2023"),
    "policy.requests.era_2025_reasonable_refusal": yes_no(False),
    "counts.smallest_group": whole(2, 50, 5),
    "counts.desks": whole(1, 100_000, 400, null=True),
    # Not `off`: unquoted, YAML reads off as false.
    "content.switched_off": listed(page, ["faq.md", "managers/"], "page or section"),
    "python.memory_snapshot": yes_no(True),
    "offline": yes_no(True),
}
KNOWN_KEYS: tuple[str, ...] = tuple(SCHEMA)
# Settings that need no default in org.DEFAULTS: left out, the feature is simply not used.
OPTIONAL: frozenset[str] = frozenset({"short_name", "logo_dark", "policy.emissions", "policy.emissions_source"})
# The groups of settings: every dotted prefix of a key ("policy", "policy.core_hours", ...).
GROUPS: frozenset[str] = frozenset(k.rsplit(".", n)[0] for k in SCHEMA for n in range(1, k.count(".") + 1))


def _core_hours(group: dict[Any, Any], key: str, ctx: Context) -> Iterator[Problem]:
    # Only one of the two may be written: the other is then the default, and the pair must still make sense.
    default = org.DEFAULTS.get("policy", {}).get("core_hours", {})
    start, end = group.get("start", default.get("start")), group.get("end", default.get("end"))
    valid = [isinstance(t, str) and re.fullmatch(r"([01][0-9]|2[0-3]):[0-5][0-9]", t) for t in (start, end)]
    if all(valid) and start >= end:  # "HH:MM" texts sort in time order
        yield Problem(key, f'The core hours must start before they end, but they start at "{start}" and end at '
                           f'"{end}": swap them, or correct one.')


def _requests(group: dict[Any, Any], key: str, ctx: Context) -> Iterator[Problem]:
    # Under a law its figures are the floor: a policy may be more generous, never less (the law would still apply).
    from toolkit.flexible_working import rules

    jurisdiction = group.get("jurisdiction", org.DEFAULTS["policy"]["requests"]["jurisdiction"])
    if law_file_problems(jurisdiction):
        return  # said once, by problems(): the law's figures cannot be compared with a broken file
    law = rules.LAWS.get(jurisdiction) if isinstance(jurisdiction, str) else None
    if group.get("era_2025_reasonable_refusal") is True and (law is None or law.value("reasonable_refusal") is None):
        yield Problem(f"{key}.era_2025_reasonable_refusal",
                      "The Employment Rights Act 2025's rule on reasonable refusals is Great Britain's law: write "
                      "false, or set jurisdiction: GB.")
    if law is None:
        return
    name = law.whole[0] or law.name
    the = name[0].upper() + name[1:]
    per, months = group.get("per_12_months"), group.get("decision_within_months")
    if isinstance(per, int) and not isinstance(per, bool) and law.per_12_months is None and per >= 1:
        yield Problem(f"{key}.per_12_months", f"Under {name} no limit on requests applies: a limit would be "
                                              "less generous than the law. Write null.")
    elif isinstance(per, int) and not isinstance(per, bool) and 1 <= per < (law.per_12_months or 0):
        yield Problem(f"{key}.per_12_months", f"{the} allows {law.per_12_months} requests in 12 months: "
                                              f"write {law.per_12_months} or more, or null for the law's number.")
    period = law.period
    if isinstance(months, int) and not isinstance(months, bool) and period and period[1] != "months" and months >= 1:
        yield Problem(f"{key}.decision_within_months",
                      f"{the} asks for a reply within {period[0]} {period[1]}: a period in months would "
                      "be longer. Write null for the law's period.")
    elif (isinstance(months, int) and not isinstance(months, bool) and law.decision_months is not None
            and law.decision_months < months <= 12):
        yield Problem(f"{key}.decision_within_months",
                      f"{the} asks for a decision within {law.decision_months} "
                      f"month{'s' if law.decision_months != 1 else ''}: write {law.decision_months} or fewer, or null "
                      "for the law's period.")
    if group.get("from_day_one") is False and not law.has_qualifying_period:
        yield Problem(f"{key}.from_day_one", f"{the} lets people ask from their first day: write true, "
                                             "or null for the law's rule.")
    if group.get("appeal") is False and law.appeal_statutory:
        yield Problem(f"{key}.appeal", f"{the} gives the employee a right to appeal a refusal, so it "
                                       "cannot be switched off: write true, or delete the line.")
    if group.get("qualifying_weeks") is not None:
        yield Problem(f"{key}.qualifying_weeks", f"Under {name} the law sets the qualifying period: "
                                                 "write null, or set jurisdiction: policy to use your own.")
    if group.get("grounds"):
        yield Problem(f"{key}.grounds", f"Under {name} a refusal rests on "
                                        + (f"the law's {'eight' if n == 8 else n} grounds" if (n := len(
                                            rules.statutory_grounds(law))) else "its reasons, as the law asks")
                                        + ": "
                                        "write [], or set jurisdiction: policy to list your own.")


def law_file_problems(jurisdiction: Any) -> list[Problem]:
    """The law file of the jurisdiction chosen, checked like a setting: a rule without its source, an unknown rule
    or a date that cannot be counted stops the build, with the file, the key and what to write."""
    from toolkit.flexible_working import rules

    if not isinstance(jurisdiction, str) or jurisdiction not in rules.law_files():
        return []
    path = rules.law_files()[jurisdiction]
    return [Problem("policy.requests.jurisdiction", f"the law file for {jurisdiction} has a problem: {problem}")
            for problem in rules.law_problems(path.read_text(encoding="utf-8"), rules._shown(path))]


# Checks of a group as a whole, after its settings: the rules that join two settings.
TOGETHER: dict[str, Check] = {"policy.core_hours": _core_hours, "policy.requests": _requests}


# ---------------------------------------------------------------- the checker

def _here(group: str) -> list[str]:
    """The names a group may hold ("" is the top level), in the schema's order."""
    start = group + "." if group else ""
    return list(dict.fromkeys(k[len(start):].split(".")[0] for k in SCHEMA if k.startswith(start)))


def _unknown(name: Any, group: str) -> str:
    shown, here = _name(name), _here(group)
    if isinstance(name, bool):  # `off:`, `no:` or `on:` as a name: YAML has already made it true or false
        return (f"This name reads as {shown}: unquoted, YAML takes yes, no, on and off as true or false. Write the "
                f"setting's full name; the settings here are: {', '.join(here)}.")
    if close := _suggest(shown, here):
        return f'There is no setting "{shown}" here; did you mean "{close}"?'
    homes = [k.rpartition(".")[0] for k in (*SCHEMA, *GROUPS) if k.rpartition(".")[2] == shown]
    if homes:  # the right name at the wrong indentation
        where = f'under "{homes[0]}"' if homes[0] else "at the top level, not indented"
        return f'"{shown}" belongs {where}: move it there.'
    return (f'There is no setting "{shown}" here: check the spelling, or delete it. The settings here are: '
            f'{", ".join(here)}.')


def _walk(settings: dict[Any, Any], group: str, ctx: Context) -> Iterator[Problem]:
    for name, value in settings.items():
        key = f"{group}.{_name(name)}" if group else _name(name)
        if not isinstance(name, str) or "." in name or key not in SCHEMA and key not in GROUPS:
            yield Problem(key, _unknown(name, group))
        elif key in SCHEMA:
            yield from SCHEMA[key](value, key, ctx)
        elif isinstance(value, dict):
            yield from _walk(value, key, ctx)
        else:
            inside = ", ".join(_here(key))
            yield Problem(key, f"Write the settings of {name} on the lines below it, indented ({inside}); not "
                               f"{_not(value)}. To use the defaults, delete the line.")
    if group in TOGETHER:
        yield from TOGETHER[group](settings, group, ctx)


def problems(settings: object, docs_dir: Path | None = None) -> list[Problem]:
    """Every problem in the settings as loaded from YAML (all of them, in file order), [] when they are fine.
    None (an empty file) means every default. With `docs_dir`, the logos and the pages switched off must exist."""
    if settings is None:
        return law_file_problems(org.DEFAULTS["policy"]["requests"]["jurisdiction"])
    if not isinstance(settings, dict):
        return [Problem("", f'The settings must be written one per line as "key: value", like '
                            f'"name: Example Organisation"; this file holds {_not(settings)} instead.')]
    found = list(_walk(settings, "", Context(None if docs_dir is None else Path(docs_dir))))
    requests = (settings.get("policy") or {}).get("requests") if isinstance(settings.get("policy"), dict) else None
    chosen = requests.get("jurisdiction") if isinstance(requests, dict) and "jurisdiction" in requests else \
        org.DEFAULTS["policy"]["requests"]["jurisdiction"]
    return found + law_file_problems(chosen)
