"""Form fields: the one schema a tool declares, rendered to accessible HTML and read back from raw values."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterator, Union

from .safe import attr, esc

# The week, Monday first: every tool's day names and the organisation's anchor days use these.
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DAY_OPTIONS = tuple((d, d) for d in DAYS)

# Raw values arrive from the browser as strings (text inputs), booleans (one checkbox) or lists
# (a group of checkboxes, repeating rows). Text inputs are used even for numbers and times so that
# nothing a person types is dropped by the browser before we can explain what is wrong with it.
Raw = Union[str, bool, list, dict, None]


@dataclass(frozen=True)
class FieldError:
    """A problem with one field, in plain words. `field` is the dotted name ("activities.2.hours")."""

    field: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


@dataclass(frozen=True)
class Field:
    """One question. `kind` is text, number, time, date, textarea, select, radios, checkbox, checkboxes, hidden (a
    fixed value of the page) or carried (a value the tool keeps with the form, e.g. an earlier version to compare)."""

    name: str
    label: str
    kind: str = "text"
    hint: str = ""
    options: tuple[tuple[str, str], ...] = ()  # (value, label)
    default: Raw = None
    width: str = ""  # "s", "m" or "l": a visual width for short answers
    suffix: str = ""  # a unit shown after the input, e.g. "hours"
    max_length: int = 200
    # (sibling field, answers): the question applies only after one of those answers, and is hidden otherwise.
    # Its value is kept while hidden, so the tool's validate must ignore it then.
    shown_when: tuple[str, tuple[str, ...]] | None = None
    # A textarea behind a "Add a note" disclosure until it is used: long checklists stay short on a phone.
    # The runtime opens it when it holds text (a draft, an example, a loaded record) or a problem.
    collapsed: bool = False

    def __post_init__(self) -> None:
        if self.shown_when and self.kind not in ("text", "number", "time", "date", "textarea", "select"):
            raise ValueError(f"{self.name}: shown_when needs a single control, not {self.kind}")


@dataclass(frozen=True)
class Group:
    """A fieldset of related questions; `name` receives errors about the group as a whole."""

    legend: str
    fields: tuple[Any, ...]
    hint: str = ""
    name: str = ""


@dataclass(frozen=True)
class Repeat:
    """Repeating rows (add, remove, reorder) of the same fields, read back as a list of dicts."""

    name: str
    legend: str
    item: str  # what one row is called: "activity"
    fields: tuple[Field, ...]
    min_rows: int = 1
    max_rows: int = 40
    hint: str = ""
    # A button that adds rows from other tools' records (files the person chooses); the tool's `import_rows`
    # turns each file into a row. Its problems are shown under the button, as the field "import.<name>".
    import_label: str = ""
    # A box to paste links into (one a line), read by the same `import_rows` as the files: a team's replies.
    paste_label: str = ""
    paste_hint: str = ""


@dataclass
class ToolForm:
    """Everything the page needs to render a tool: its fields, fixed context and labels."""

    tool: str
    draft_key: str
    fields: list[Any]
    context: dict[str, Any] = field(default_factory=dict)
    result_heading: str = "Your result"
    result_placeholder: str = "Your result appears here as you fill in the form."
    example: dict[str, Any] | None = None
    import_limit: int = 0
    # Links the tool makes from the form (toolkit.links): (kind, button label, when). `when` names a carried field
    # the button needs filled ("invitation") or empty ("!invitation"); "" always.
    links: tuple[tuple[str, str, str], ...] = ()
    former_names: tuple[str, ...] = ()  # names the tool had before: their drafts move to this one


def field_id(name: str) -> str:
    return "f-" + re.sub(r"[^A-Za-z0-9_-]", "-", name)


# ---------------------------------------------------------------- rendering

def render_tool(form: ToolForm) -> str:
    """The whole tool block: progress, error summary, form, actions and result panel, on no blank line."""
    fields = "".join(_render(item, item_prefix="") for item in form.fields)
    example = ""
    if form.example is not None:
        # An attribute, not a <script type="application/json"> block: after Material's instant navigation such
        # a block could be read as null, an attribute is plain page data wherever the page came from.
        example = (f'<button type="button" class="md-button" data-tool-action="example" '
                   f"data-example='{attr(json.dumps(form.example, sort_keys=True))}'>Try an example</button>")
    import_id = f"import-{form.draft_key}".replace(":", "-")
    X = "data-search-exclude"  # noqa: N806 (see below)
    return (
        # Out of the site's search (Material's data-search-exclude, X below): the form's chrome ("There is a
        # problem", the buttons, the placeholder) is on every tool page, and its labels would rank a tool above the
        # guidance and the glossary that explain the words. The page's own text says what the tool is for. (Material
        # ends an exclusion at the first closing tag of the same name: X marks no element with one like it inside.)
        f'<div class="swt-tool" data-tool-root>'
        f'<div class="swt-boot" data-tool-boot {X}>'
        '<progress max="100" value="0" aria-hidden="true" data-boot-bar></progress> '
        '<span data-boot-text aria-hidden="true">The tool is loading. You can start filling in the form.</span>'
        # Screen readers hear each stage once and the percentage in quarters; the visible text follows the bar.
        '<span class="swt-sr" data-boot-live role="status" aria-live="polite"></span>'
        '<span data-boot-actions></span></div>'
        f'<div class="swt-error-summary" data-error-summary role="alert" tabindex="-1" hidden {X}>'
        '<h2>There is a problem</h2><ul></ul></div>'
        f'<form class="swt-form" {X} data-tool="{attr(form.tool)}" data-draft-key="{attr(form.draft_key)}" '
        f'data-draft-former="{attr(" ".join(form.former_names))}" '
        f"data-tool-context='{attr(json.dumps(form.context, sort_keys=True))}' "
        f'data-import-limit="{form.import_limit}" novalidate>'
        f"{fields}"
        '<div class="swt-actions" data-screen-only>'
        f"{example}"
        '<button type="button" class="md-button" data-tool-action="clear">Clear what I typed</button>'
        f'<label class="md-button" for="{attr(import_id)}">Load a saved record (JSON)</label>'
        f'<input type="file" id="{attr(import_id)}" class="swt-file" accept=".json,application/json" '
        f'data-tool-import aria-describedby="{attr(import_id)}-error">'
        f'<p class="swt-field-error" id="{attr(import_id)}-error" data-error-for="import" hidden></p>'
        "</div>"
        # Undo after the example, Clear or a loaded file replaced what was typed; drafts that could not be kept.
        '<div class="swt-notice" data-notice role="status" aria-live="polite" data-screen-only hidden></div>'
        f"{_render_links(form, import_id)}"
        '<p class="swt-saved" data-screen-only data-draft-note>What you type is kept in this browser only, so you '
        "can come back to it. Nothing is sent anywhere.</p>"
        "</form>"
        f'<section class="swt-result" data-tool-result aria-labelledby="{attr(import_id)}-result-h">'
        f'<h2 id="{attr(import_id)}-result-h">{esc(form.result_heading)}</h2>'
        f'<p class="swt-status swt-sr" data-tool-status role="status" aria-live="polite" {X}></p>'
        f'<div data-result-body {X}><p>{esc(form.result_placeholder)}</p></div>'
        f'<div class="swt-downloads" data-downloads data-screen-only {X}></div>'
        "</section></div>"
    )


def _render_links(form: ToolForm, key: str) -> str:
    """The buttons that make links from the form, and the place the link is shown with what it holds."""
    if not form.links:
        return ""
    buttons = "".join(
        f'<button type="button" class="md-button" data-link-kind="{attr(kind)}" data-link-when="{attr(when)}"'
        f'{" hidden" if when and not when.startswith("!") else ""}>{esc(label)}</button>'
        for kind, label, when in form.links)
    out = f"{key}-link"
    return (
        f'<div class="swt-links" data-screen-only><div class="swt-actions">{buttons}</div>'
        f'<p class="swt-field-error" id="{attr(out)}-error" data-error-for="link" hidden></p>'
        f'<div class="swt-link" data-link-panel hidden>'
        f'<p id="{attr(out)}-about" data-link-about></p>'
        f'<label class="swt-label" for="{attr(out)}">The link</label>'
        f'<input type="text" class="swt-input swt-w-l" id="{attr(out)}" readonly data-link-out '
        f'aria-describedby="{attr(out)}-about">'
        '<div class="swt-actions"><button type="button" class="md-button" data-link-copy>Copy the link</button>'
        '<span data-link-file></span></div></div></div>'
    )


def _render(item: Any, item_prefix: str) -> str:
    if isinstance(item, Group):
        inner = "".join(_render(f, item_prefix) for f in item.fields)
        err = _error_slot(item_prefix + item.name) if item.name else ""
        hint = f'<div class="swt-hint">{esc(item.hint)}</div>' if item.hint else ""
        return f'<fieldset class="swt-group"><legend>{esc(item.legend)}</legend>{hint}{err}{inner}</fieldset>'
    if isinstance(item, Repeat):
        return _render_repeat(item)
    return _render_field(item, item_prefix + item.name)


def _error_slot(name: str) -> str:
    return f'<p class="swt-field-error" id="{attr(field_id(name))}-error" data-error-for="{attr(name)}" hidden></p>'


def _described(fid: str, hint: str) -> str:
    ids = ([f"{fid}-hint"] if hint else []) + [f"{fid}-error"]
    return f'aria-describedby="{attr(" ".join(ids))}"'


def _render_field(f: Field, name: str, siblings: dict[str, Raw] | None = None) -> str:
    """`siblings`: the default answers beside this field, to render a conditional question hidden or not."""
    fid = field_id(name)
    hint = f'<div class="swt-hint" id="{attr(fid)}-hint">{esc(f.hint)}</div>' if f.hint else ""
    err = _error_slot(name)
    described = _described(fid, f.hint)
    width = f" swt-w-{f.width}" if f.width else ""
    if f.kind == "hidden":
        return f'<input type="hidden" name="{attr(name)}" value="{attr(f.default or "")}" data-fixed>'
    if f.kind == "carried":
        return f'<input type="hidden" name="{attr(name)}" value="" data-carried>'
    if f.kind == "checkbox":
        checked = " checked" if f.default is True else ""
        return (
            f'<div class="swt-field swt-check">{err}'
            f'<input type="checkbox" id="{attr(fid)}" name="{attr(name)}"{checked} {described}>'
            f'<label for="{attr(fid)}">{esc(f.label)}</label>{hint}</div>'
        )
    if f.kind in ("radios", "checkboxes"):
        kind = "radio" if f.kind == "radios" else "checkbox"
        multi = " data-multi" if kind == "checkbox" else ""
        chosen = f.default if isinstance(f.default, (list, tuple)) else [f.default]
        opts = "".join(
            f'<div class="swt-option"><input type="{kind}" id="{attr(fid)}-{i}" name="{attr(name)}" '
            f'value="{attr(v)}"{multi}{" checked" if v in chosen else ""}>'
            f'<label for="{attr(fid)}-{i}">{esc(lbl)}</label></div>'
            for i, (v, lbl) in enumerate(f.options)
        )
        hint = f'<div class="swt-hint" id="{attr(fid)}-hint">{esc(f.hint)}</div>' if f.hint else ""
        return (
            f'<fieldset class="swt-field swt-choices" id="{attr(fid)}" {described}>'
            f"<legend>{esc(f.label)}</legend>{hint}{err}<div class=\"swt-options\">{opts}</div></fieldset>"
        )
    label = f'<label class="swt-label" for="{attr(fid)}">{esc(f.label)}</label>'
    common = f'id="{attr(fid)}" name="{attr(name)}" {described}'
    if f.kind == "select":
        opts = "".join(
            f'<option value="{attr(v)}"{" selected" if v == f.default else ""}>{esc(lbl)}</option>'
            for v, lbl in f.options
        )
        control = f'<select {common}>{opts}</select>'
    elif f.kind == "textarea":
        control = f'<textarea {common} rows="3" maxlength="{f.max_length}">{esc(f.default or "")}</textarea>'
    else:
        mode = {"number": ' inputmode="decimal"', "time": ' inputmode="numeric"', "date": ' inputmode="numeric"'}.get(f.kind, "")
        value = "" if f.default is None else str(f.default)
        control = (
            f'<input type="text" class="swt-input{width}{" swt-date" if f.kind == "date" else ""}" {common}{mode} '
            f'value="{attr(value)}" maxlength="{f.max_length}" autocomplete="off">'
        )
    suffix = f' <span class="swt-suffix">{esc(f.suffix)}</span>' if f.suffix else ""
    if f.collapsed:
        return (f'<details class="swt-more" data-collapsed><summary>Add a note<span class="swt-sr"> '
                f'({esc(f.label)})</span></summary><div class="swt-field">{label}{hint}{err}{control}</div></details>')
    condition = ""
    if f.shown_when:
        other, answers = f.shown_when
        hidden = " hidden" if (siblings or {}).get(other) not in answers else ""
        condition = f' data-shown-when="{attr(other)}" data-shown-values="{attr(" ".join(answers))}"{hidden}'
    return f'<div class="swt-field"{condition}>{label}{hint}{err}{control}{suffix}</div>'


def _render_repeat(r: Repeat) -> str:
    row = _render_row(r, "__i__")
    hint = f'<div class="swt-hint">{esc(r.hint)}</div>' if r.hint else ""
    rows = "".join(_render_row(r, str(i)) for i in range(r.min_rows))
    importer = ""
    if r.import_label:
        iid = field_id(f"import.{r.name}")
        importer = (
            f'<label class="md-button" for="{attr(iid)}">{esc(r.import_label)}</label>'
            f'<input type="file" id="{attr(iid)}" class="swt-file" accept=".json,application/json" multiple '
            f'name="{attr(f"import.{r.name}")}" data-row-import="{attr(r.name)}" aria-describedby="{attr(iid)}-error">'
            + _error_slot(f"import.{r.name}")
        )
    if r.paste_label:
        pid = field_id(f"paste.{r.name}")
        hint = f'<div class="swt-hint" id="{attr(pid)}-hint">{esc(r.paste_hint)}</div>' if r.paste_hint else ""
        importer += (
            f'<div class="swt-field swt-paste"><label class="swt-label" for="{attr(pid)}">{esc(r.paste_label)}</label>'
            f'{hint}<textarea id="{attr(pid)}" rows="3" data-row-paste-text '
            f'aria-describedby="{attr(pid)}-hint {attr(field_id("import." + r.name))}-error"></textarea>'
            f'<button type="button" class="md-button" data-row-paste="{attr(r.name)}">Add what I pasted</button></div>'
        )
    return (
        f'<fieldset class="swt-repeat" data-repeat="{attr(r.name)}" data-min="{r.min_rows}" '
        f'data-max="{r.max_rows}" data-item="{attr(r.item)}">'
        f"<legend>{esc(r.legend)}</legend>{hint}{_error_slot(r.name)}"
        f'<ol class="swt-rows" data-rows>{rows}</ol>'
        f"<template data-row-template>{row}</template>"
        f'<div class="swt-repeat-actions" data-screen-only>'
        f'<button type="button" class="md-button" data-row-action="add">Add {esc(r.item)}</button>{importer}</div>'
        "</fieldset>"
    )


def _render_row(r: Repeat, index: str) -> str:
    number = "__n__" if index == "__i__" else str(int(index) + 1)
    defaults = {f.name: f.default for f in r.fields}
    inner = "".join(_render_field(f, f"{r.name}.{index}.{f.name}", defaults) for f in r.fields)
    item = esc(r.item)
    button = (
        '<button type="button" class="swt-row-button" data-row-action="{act}">{text}'
        f'<span class="swt-sr"> {item} <span data-row-number>{number}</span></span></button>'
    )
    actions = "".join(button.format(act=a, text=t) for a, t in (("up", "Move up"), ("down", "Move down"), ("remove", "Remove")))
    return (
        f'<li class="swt-row" data-row><fieldset><legend>{item.capitalize()} '
        f'<span data-row-number>{number}</span></legend>{inner}'
        f'<div class="swt-row-actions" data-screen-only>{actions}</div></fieldset></li>'
    )


# ---------------------------------------------------------------- reading raw values

def text(raw: Raw, *, label: str, required: bool = False, max_length: int = 200) -> tuple[str, str | None]:
    """A trimmed string, or a message saying why it will not do."""
    if raw is None:
        raw = ""
    if not isinstance(raw, str):
        return "", f"{label} must be text."
    value = raw.strip()
    if required and not value:
        return "", f"Enter {label.lower()}."
    if len(value) > max_length:
        return value, f"{label} must be {max_length} characters or fewer (it has {len(value)})."
    return value, None


_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def number(raw: Raw, *, label: str, minimum: float, maximum: float, required: bool = True) -> tuple[float | None, str | None]:
    """A number within [minimum, maximum] from what was typed ("7.5", "7,5", " 8 ")."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, (f"Enter {label.lower()}." if required else None)
    if not isinstance(raw, str) or not _NUMBER.match(raw.strip()):
        return None, f"{label} must be a number, like 7.5."
    value = float(raw.strip().replace(",", "."))
    if not math.isfinite(value):
        return None, f"{label} must be a number, like 7.5."
    if value < minimum:
        return None, f"{label} must be {fmt_number(minimum)} or more."
    if value > maximum:
        return None, f"{label} must be {fmt_number(maximum)} or less."
    return value, None


_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def clock(raw: Raw, *, label: str, required: bool = True) -> tuple[int | None, str | None]:
    """Minutes after midnight from a 24-hour time such as "09:30" (24:00 means the end of the day)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, (f"Enter {label.lower()}." if required else None)
    m = _TIME.match(raw.strip()) if isinstance(raw, str) else None
    if not m:
        return None, f"{label} must be a time in 24-hour form, like 09:30."
    hours, minutes = int(m.group(1)), int(m.group(2))
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        return None, f"{label} must be a real time of day, from 00:00 to 24:00."
    return hours * 60 + minutes, None


_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_UK_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


def day_date(raw: Raw, *, label: str, required: bool = True) -> tuple[date | None, str | None]:
    """A date written 2026-12-01 or 1/12/2026 (day first, as in the UK)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, (f"Enter {label.lower()}." if required else None)
    value = raw.strip() if isinstance(raw, str) else ""
    iso, uk = _ISO_DATE.match(value), _UK_DATE.match(value)
    parts = (iso.group(1), iso.group(2), iso.group(3)) if iso else (uk.group(3), uk.group(2), uk.group(1)) if uk else None
    if parts is None:
        return None, f"{label} must be a date like 2026-12-01 or 1/12/2026."
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2])), None
    except ValueError:
        return None, f"{label} must be a real date: {value} is not in the calendar."


_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+-−]?)\s*(\d{1,2})(?:[:.]?(\d{2}))?$", re.I)


def utc_offset(raw: Raw, *, label: str) -> tuple[int | None, str | None]:
    """A time zone as minutes ahead of UTC, from "+5:30", "-3", "UTC+0545" or "0"; empty means none given."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, None
    m = _OFFSET.match(raw.strip()) if isinstance(raw, str) else None
    if not m:
        return None, f"{label} must be a difference from UTC, like +1, -5 or +5:30."
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    minutes = -minutes if m.group(1) in ("-", "−") else minutes
    if int(m.group(3) or 0) % 15 or int(m.group(3) or 0) > 45:
        return None, f"{label} must be in whole hours, or with :15, :30 or :45, like +5:30."
    if not -12 * 60 <= minutes <= 14 * 60:
        return None, f"{label} must be between -12 and +14 hours from UTC."
    return minutes, None


def fmt_offset(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60}" + (f":{abs(minutes) % 60:02d}" if minutes % 60 else "")


def choice(raw: Raw, *, label: str, options: tuple[tuple[str, str], ...], required: bool = True) -> tuple[str | None, str | None]:
    """One of the allowed option values."""
    if raw in (None, ""):
        return None, (f"Choose {label.lower()}." if required else None)
    if not isinstance(raw, str) or raw not in {v for v, _ in options}:
        return None, f"Choose one of the options for {label.lower()}."
    return str(raw), None


def choices(raw: Raw, *, label: str, options: tuple[tuple[str, str], ...]) -> tuple[list[str], str | None]:
    """Several of the allowed option values, in the options' order."""
    if raw in (None, ""):
        return [], None
    picked = raw if isinstance(raw, list) else [raw]
    allowed = [v for v, _ in options]
    if any(p not in allowed for p in picked):
        return [], f"Choose only from the options for {label.lower()}."
    return [v for v in allowed if v in picked], None


def flag(raw: Raw) -> bool:
    return raw is True or raw in ("on", "true", "yes", "1")


def fmt_number(value: float) -> str:
    """7.5 -> "7.5", 8.0 -> "8", 7.25 -> "7.25": how a person writes it."""
    text_ = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text_ in ("-0", "") else text_


def fmt_clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# ---------------------------------------------------------------- reading a whole form

class Errors:
    """Collects field errors while reading; `take` returns the value either way."""

    def __init__(self) -> None:
        self.list: list[FieldError] = []

    def take(self, name: str, read: tuple[Any, str | None], prefix: str = "") -> Any:
        value, problem = read
        if problem:
            self.list.append(FieldError(name, prefix + problem))
        return value

    def add(self, name: str, message: str) -> None:
        self.list.append(FieldError(name, message))


def group_of(values: dict[str, Any], key: str) -> dict[str, Any]:
    raw = values.get(key)
    return raw if isinstance(raw, dict) else {}


def row_list(values: dict[str, Any], key: str, limit: int, what: str, errors: Errors) -> list[Any]:
    """Repeating rows as a list; the runtime sends an empty repeat as {} and a file may hold anything."""
    raw = values.get(key)
    if raw in (None, "", {}):
        return []
    # Row numbers as keys ({"0": ...}); only short ASCII digits, which int() always reads.
    if isinstance(raw, dict) and all(isinstance(k, str) and k.isascii() and k.isdigit() and len(k) < 5 for k in raw):
        raw = [raw[k] for k in sorted(raw, key=int)]
    if not isinstance(raw, list):
        errors.add(key, f"The {what} could not be read. Add them again.")
        return []
    if len(raw) > limit:
        errors.add(key, f"You can list up to {limit} {what}; there are {len(raw)}. Combine similar ones.")
        return []
    return raw


def hours_as_minutes(raw: Any, label: str, maximum: float = 168) -> tuple[int | None, str | None]:
    """Hours as whole minutes: more than 0, no more than `maximum` hours (a week holds 168)."""
    value, problem = number(raw, label=label, minimum=-1e9, maximum=maximum)
    if problem:
        return None, problem
    minutes = round(value * 60)
    if minutes <= 0:
        return None, f"{label} must be more than 0."
    return minutes, None


def whole_number(raw: Any, label: str, low: int, high: int, default: str | None = None) -> tuple[int | None, str | None]:
    if raw is None and default is not None:
        raw = default
    value, problem = number(raw, label=label, minimum=low, maximum=high)
    if problem:
        return None, problem
    if value != int(value):
        return None, f"{label} must be a whole number, from {low} to {high}."
    return int(value), None


def readable_rows(rows: list[Any], key: str, item: str, first: str, errors: Errors
                  ) -> Iterator[tuple[int, str, str, dict[str, Any]]]:
    """Each row of a repeat that is a group of answers, as (index, field prefix "key.i.", message prefix
    "Item i+1: ", row); a row that is not one is reported on its `first` field and skipped."""
    for i, row in enumerate(rows):
        at, n = f"{key}.{i}.", f"{item} {i + 1}: "
        if isinstance(row, dict):
            yield i, at, n, row
        else:
            errors.add(at + first, n + "this row could not be read. Fill it in again.")
