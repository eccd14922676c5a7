"""The request's result: where it stands, its dates drawn, and the letter; and its downloads."""

from __future__ import annotations

from typing import Any

from .. import records
from ..render import Rendered, date_words, made_line
from ..requests import timeline
from ..safe import esc
from .computation import Result
from .schema import NAME


def title(result: Result) -> str:
    return "My flexible working request"


def standing_html(result: Result) -> str:
    st, rules = result.asked.standing, result.asked.rules
    if st.statutory:
        head = f"This is a statutory request under {esc(rules.source)}."
    elif st.formal:
        head = f"This is a formal request under {esc(result.asked.org.get('name', ''))}'s policy."
    else:
        head = "This can be an informal request for now."
    points = "".join(f"<li>{esc(message)}</li>" for _, message in st.notes)
    return (f'<div class="swt-finding" data-part-name="standing"><p><strong>{head}</strong></p>'
            + (f"<ul>{points}</ul>" if points else "") + "</div>")


def dates_html(result: Result) -> str:
    return timeline.drawn("fr-dates", "Your request's dates", "The dates that follow from your request",
                          list(result.events), result.asked.org)


def markdown(result: Result) -> str:
    return f"# {title(result)}\n\n{made_line(result.asked.request.employee)}\n\n{result.letter.markdown()}"


def summary(result: Result) -> dict[str, Any]:
    """What was worked out, as data: the decision record reads the request's own values, this is for people."""
    st, req = result.asked.standing, result.asked.request
    return {"statutory": st.statutory, "formal": st.formal, "rules": result.asked.rules.source,
            "made": req.made.isoformat(), "start": req.start_date.isoformat(),
            "decision_due": st.decide_by.isoformat() if st.decide_by and st.formal else None,
            "formal_request_possible_from": st.statutory_from.isoformat() if st.statutory_from else None,
            "change": req.change_lines()}


def status(result: Result) -> str:
    st = result.asked.standing
    kind = "statutory" if st.statutory else "formal" if st.formal else "informal"
    due = f" A decision is due by {date_words(st.decide_by)}." if st.decide_by and st.formal else ""
    return f"Your {kind} request letter is ready.{due}"


def render(result: Result, values: dict[str, Any]) -> Rendered:
    return Rendered(
        parts=(standing_html(result), dates_html(result), result.letter.html()),
        filename="flexible-working-request",
        status=status(result),
        make_markdown=lambda: markdown(result),
        make_record=lambda: records.make(NAME, title(result), values, summary(result)),
        make_document=lambda: result.letter.page(),
        notes=result.asked.standing.notes,
    )
