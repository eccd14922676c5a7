"""The request's result: where it stands, its dates drawn, and the letter; and its downloads."""

from __future__ import annotations

from typing import Any

from .. import records
from ..documents import Rendered, date_words, file_name
from ..flexible_working import timeline
from ..safe import esc
from .model import Result
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
    return result.letter.markdown(heading=False)


def kept(result: Result, values: dict[str, Any]) -> dict[str, Any]:
    """The form as typed, with the request's date as it was worked out: left empty, it would become the day the
    record is opened again, and move the date a decision is due."""
    request = dict(values.get("request")) if isinstance(values.get("request"), dict) else {}
    return {**values, "request": {**request, "made": result.asked.request.made.isoformat()}}


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
    due = (f" A decision is due by {date_words(st.decide_by)} if it is received the day it is dated."
           if st.decide_by and st.formal else "")
    return f"Your {kind} request letter is ready.{due}"


def render(result: Result, values: dict[str, Any]) -> Rendered:
    return Rendered(
        parts=(standing_html(result), dates_html(result), result.letter.html()),
        filename=file_name("flexible-working-request", result.asked.request.employee,
                           on=result.asked.request.made),
        status=status(result),
        make_markdown=lambda: markdown(result),
        make_record=lambda: records.make(NAME, title(result), kept(result, values), summary(result)),
        make_document=lambda: result.letter.page(),
        notes=result.asked.standing.notes,
    )
