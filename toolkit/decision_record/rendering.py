"""The decision record's result: where things stand and the next date, the dates drawn, the letters."""

from __future__ import annotations

from typing import Any

from .. import records
from ..documents import Rendered, date_words, file_name, made_line, printable_page
from ..flexible_working import timeline
from ..safe import esc, md
from .model import OUTCOMES, Result
from .schema import NAME


def title(r: Result) -> str:
    return f"Decision record: {r.decision.request.employee}'s flexible working request"


def _kind(r: Result) -> str:
    st = r.decision.standing
    return "a statutory request" if st.statutory else "a formal request" if st.formal else "an informal request"


def summary_lines(r: Result) -> list[list[tuple[str, bool]]]:
    """Where the record stands, once for every format: each paragraph as pieces of plain text, the bold ones
    marked. The page, the printable page and the Markdown all say these same facts."""
    d = r.decision
    first = [(f"This is {_kind(r)} under {d.rules.source}.", False)]
    if r.decide_by:
        appeal = ", including any appeal," if d.rules.decision_months else ""
        first += [(f" The decision{appeal} is due by ", False), (date_words(r.decide_by), True),
                  (" (extended by agreement)." if d.extended_to else ".", False)]
    out = [first, [("Outcome: ", False), (dict(OUTCOMES)[d.outcome], True), (".", False)]]
    if r.next_date:
        out.append([("Next date: ", False), (date_words(r.next_date.day), True), (f", {r.next_date.what}.", False)])
    return out


def summary_html(r: Result) -> str:
    paragraphs = "".join("<p>" + "".join(f"<strong>{esc(text)}</strong>" if bold else esc(text)
                                         for text, bold in line) + "</p>" for line in summary_lines(r))
    missing = "".join(f"<li>{esc(m)}</li>" for m in r.missing)
    todo = f"<h3>Still to do</h3><ul>{missing}</ul>" if missing else "<p>Nothing is missing from the record.</p>"
    return f'<div class="swt-finding">{paragraphs}{todo}</div>'


def summary_markdown(r: Result) -> list[str]:
    """The same facts as summary_html, a paragraph each."""
    out: list[str] = []
    def piece(text: str, bold: bool) -> str:  # md folds the spaces at either end: keep them, outside the bold
        inner = f"**{md(text)}**" if bold else md(text)
        return (" " if text[:1].isspace() else "") + inner + (" " if text[-1:].isspace() else "")

    for line in summary_lines(r):
        out += ["".join(piece(text, bold) for text, bold in line).strip(), ""]
    out += ["## Still to do", ""] + [f"- {md(m)}" for m in r.missing] if r.missing else \
        ["Nothing is missing from the record."]
    return out


def dates_html(r: Result) -> str:
    return timeline.drawn("dr-dates", "The request's dates", "The request's dates, in order", list(r.events),
                          r.decision.org)


def letters_html(r: Result) -> str:
    intro = "<h3>The letters</h3><p>Each is ready to download below, to print or to copy into your own template.</p>"
    return intro + "".join(letter.html(level=4) for letter in r.letters)


def markdown(r: Result) -> str:
    d = r.decision
    lines = [f"# {md(title(r))}", "", md(made_line(d.request.manager)), ""] + summary_markdown(r)
    lines += ["", "## Dates", ""] + [f"- {date_words(ev.day)}: {md(ev.what)} ({ev.state})"
                                     for ev in sorted(r.events, key=lambda ev: ev.day)]
    lines += [""] + [letter.markdown() for letter in r.letters]
    return "\n".join(lines)


def pattern_lines(r: Result) -> list[str]:
    """The pattern tried, as the trial review's field holds it: the employee's own description quoted and named as
    theirs, apart from the set parts."""
    req = r.decision.request
    words = " ".join(req.change_words.split())
    return req.change_lines(words=False) + ([f"In {req.employee}'s words: “{words}”"] if words else [])


def trial_data(r: Result) -> dict[str, Any] | None:
    """The trial as the trial review reads it from this record (toolkit.trial_review.importing)."""
    d, t = r.decision, r.decision.trial
    if t is None or r.trial_end is None:
        return None
    return {"employee": d.request.employee, "manager": d.request.manager,
            "pattern": pattern_lines(r), "start": t.start.isoformat(), "end": r.trial_end.isoformat(),
            "reviews": [day.isoformat() for day in r.reviews],
            "decide_by": r.decide_by.isoformat() if r.decide_by else None, "success": t.success,
            "measures": [{"name": m.name, "baseline": m.baseline, "target": m.target, "better": m.better}
                         for m in t.measures]}


def summary(r: Result) -> dict[str, Any]:
    d = r.decision
    return {"statutory": d.standing.statutory, "formal": d.standing.formal, "rules": d.rules.source,
            "received": d.received.isoformat(), "decide_by": r.decide_by.isoformat() if r.decide_by else None,
            "outcome": d.outcome, "grounds": [dict(d.rules.grounds)[g] for g in d.grounds],
            "dates": [{"date": ev.day.isoformat(), "what": ev.what, "state": ev.state} for ev in r.events],
            "missing": list(r.missing), "trial": trial_data(r)}


def document(r: Result) -> str:
    body = summary_html(r) + dates_html(r) + "".join(letter.html(level=2) for letter in r.letters)
    return printable_page(title(r), body, subtitle=made_line(r.decision.request.manager))


def status(r: Result) -> str:
    due = f" Decision due by {date_words(r.decide_by)}." if r.decide_by else ""
    if not r.missing:  # never "0 things still to do": nothing left reads as what it is
        return f"Record complete: nothing is left to do.{due}"
    return f"Record updated: {len(r.missing)} thing{'s' if len(r.missing) != 1 else ''} still to do.{due}"


def render(r: Result, values: dict[str, Any]) -> Rendered:
    return Rendered(
        parts=(summary_html(r), dates_html(r), letters_html(r)),
        filename=file_name("decision-record", r.decision.request.employee, on=r.decision.today),
        status=status(r),
        make_markdown=lambda: markdown(r),
        make_record=lambda: records.make(NAME, title(r), values, summary(r)),
        make_document=lambda: document(r),
        notes=r.decision.notes + r.warnings,
        pages=tuple((f"Download the {letter.title.lower()} (printable page)",
                     file_name(letter.key, r.decision.request.employee, on=letter.dated or r.decision.today) + ".html",
                     letter.page) for letter in r.letters),
    )
