"""The trial review: hand-worked measures in both directions, the outcome rules (adjust by default, an ending that
must give its reason, a permanent change confirmed in writing, an extension), the decision deadline, safe output,
the record loaded back, and a start from the decision record's trial, whole or damaged."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from toolkit import now
from toolkit import bridge, forms, org, records, trial_review
from toolkit.flexible_working.dates import months_after
from toolkit.trial_review.model import Trial

ORG = org.merge({})
TODAY = date(2026, 11, 30)
XSS = "<img src=x onerror=alert(1)>"


def measure(name="Invoices processed a week", baseline="95", target="105", actual="118", better="higher",
            kind="outputs", unit="invoices"):
    return {"name": name, "kind": kind, "unit": unit, "baseline": baseline, "target": target, "actual": actual,
            "better": better}


def values(measures=None, reviews=None, outcome=None, start="2026-08-03", end="2026-10-23", decide_by="",
           employee="Alex Morgan", manager="Priya Shah", notes=None):
    return {
        "people": {"employee": employee, "manager": manager},
        "trial": {"pattern": "Home on Monday and Friday.\nOffice Tuesday to Thursday.", "success": "",
                  "start": start, "end": end, "decide_by": decide_by},
        "reviews": reviews if reviews is not None else [{"date": "2026-09-25", "notes": "Both of us."},
                                                        {"date": "2026-12-11", "notes": ""}],
        "measures": measures if measures is not None else [measure()],
        "notes": notes or {"employee": "", "manager": ""},
        "outcome": {"choice": "adjust", "decided": "2026-10-23", "next_review": "2027-01-22", **(outcome or {})},
    }


def trial_of(v, org_=ORG) -> Trial:
    trial = trial_review.validate(v, org_, today=TODAY)
    assert isinstance(trial, Trial), trial
    return trial


def result_of(v, org_=ORG):
    return trial_review.compute(trial_of(v, org_))


def errors_of(v) -> dict[str, str]:
    errors = trial_review.validate(v, ORG, today=TODAY)
    assert isinstance(errors, list), "expected field errors"
    return {e.field: e.message for e in errors}


def rendered(v, org_=ORG):
    return trial_review.render(result_of(v, org_), v)


# ---------------------------------------------------------------- each measure against its target

@pytest.mark.parametrize("baseline, target, actual, better, state, words", [
    # higher is better: invoices a week
    ("95", "105", "118", "higher", "met", "Up 23 (24%), better"),
    ("95", "105", "105", "higher", "met", "Up 10 (11%), better"),  # exactly on target counts as met
    ("95", "105", "100", "higher", "not_met", "Up 5 (5%), better"),  # better than before, short of the target
    ("95", "105", "90", "higher", "not_met", "Down 5 (5%), worse"),
    # lower is better: hours to answer an email
    ("20", "8", "6", "lower", "met", "Down 14 (70%), better"),
    ("20", "8", "11", "lower", "not_met", "Down 9 (45%), better"),
    ("20", "8", "25", "lower", "not_met", "Up 5 (25%), worse"),
    ("0", "0", "0", "lower", "met", "No change"),
    ("0", "2", "3", "higher", "met", "Up 3, better"),  # no percentage of a zero baseline
])
def test_each_measure_is_met_or_not_in_its_own_direction(baseline, target, actual, better, state, words):
    [reading] = result_of(values([measure(baseline=baseline, target=target, actual=actual, better=better)])).readings
    assert (reading.state, reading.change_words) == (state, words)


@pytest.mark.parametrize("unit, actual, words", [
    ("%", "92", "Up 12 percentage points, better"),
    ("% of calls answered", "81", "Up 1 percentage point, better"),
    ("per cent", "70", "Down 10 percentage points, worse"),
    ("calls", "92", "Up 12 (15%), better"),  # a count: the change as a share of the baseline
])
def test_a_change_in_a_percentage_is_in_percentage_points(unit, actual, words):
    [reading] = result_of(values([measure(baseline="80", target="85", actual=actual, better="higher",
                                          unit=unit)])).readings
    assert reading.change_words == words


def test_a_measure_without_an_actual_figure_is_not_measured_yet():
    result = result_of(values([measure(actual=""), measure("Well-being score", "5", "7", "8", unit="out of 10")]))
    assert [r.state for r in result.readings] == ["unmeasured", "met"]
    assert result.readings[0].change is None and result.readings[0].change_words == "Not measured yet"
    assert result.overall == "1 of 2 measures met their targets; “Invoices processed a week” is not measured yet."


@pytest.mark.parametrize("actuals, sentence", [
    (("118", "6"), "All 2 measures met their targets."),
    (("", ""), "None of the 2 measures has been measured yet: fill in the actual figures before the review."),
    (("100", "11"), "0 of 2 measures met their targets; “Invoices processed a week” and “Replies” did not."),
    (("118", "11"), "1 of 2 measures met their targets; “Replies” did not."),
])
def test_the_overall_picture_is_one_sentence(actuals, sentence):
    ms = [measure(actual=actuals[0]), measure("Replies", "20", "8", actuals[1], "lower", "response_time", "hours")]
    assert result_of(values(ms)).overall == sentence


def test_the_reviews_held_and_to_come_depend_on_the_date_of_this_review():
    v = values(reviews=[{"date": "2026-12-11", "notes": ""}, {"date": "2026-08-28", "notes": ""},
                        {"date": "2026-11-30", "notes": ""}], outcome={"decided": "2026-11-30"},
               end="2026-12-18")
    result = result_of(v)
    assert [r.day.isoformat() for r in result.held] == ["2026-08-28", "2026-11-30"]
    assert [r.day.isoformat() for r in result.to_come] == ["2026-12-11"]
    html = rendered(v).html
    assert "<td data-label=\"State\">Done (this review)</td>" in html
    states = {ev.what + ev.day.isoformat(): ev.state for ev in result.events}
    assert states["review2026-12-11"] == "due" and states["review2026-08-28"] == "done"
    assert states["this review2026-11-30"] == "done"


def _rows(html: str, caption: str) -> dict[str, list[str]]:
    """A table's rows by their first cell (the date), as text."""
    import re

    at = html.index(caption)
    body = html[at:html.index("</table>", at)]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        if cells and cells[0] != "Date":
            rows.setdefault(cells[0], []).append(" | ".join(cells[1:]).strip(" |"))
    return rows


def test_a_review_date_has_one_state_in_both_tables():
    # As a decision record's reviews load: the next one to come is due, in the dates and in the reviews alike.
    v = values(reviews=[{"date": "2026-11-20", "notes": ""}, {"date": "2026-12-18", "notes": ""},
                        {"date": "2027-01-15", "notes": ""}], end="2027-01-15",
               outcome={"choice": "", "decided": "2026-12-07"})
    result = result_of(v)
    page = trial_review.render(result, v)
    dates = _rows(page.html, "The trial's dates in words")
    reviews = _rows(page.html, "The reviews, held and to come")
    assert dates["18 December 2026"] == ["review | Due"] and reviews["18 December 2026"] == ["Due"]
    assert dates["15 January 2027"][-1] == "review | Planned" and reviews["15 January 2027"] == ["Planned"]
    assert dates["20 November 2026"] == ["review | Done"] and reviews["20 November 2026"] == ["Done"]
    assert "To come" not in page.html and "To come" not in page.markdown
    assert "- 18 December 2026 (due)" in page.markdown and "| 18 December 2026 | review | Due |" in page.markdown
    assert [r["state"] for r in page.record["result"]["reviews"]] == ["done", "due", "planned"]


# ---------------------------------------------------------------- bad input, beside the field

def test_a_trial_that_ends_before_it_starts_is_explained_beside_the_end_date():
    assert errors_of(values(start="2026-10-23", end="2026-08-03"))["trial.end"] == (
        "The trial must end after it starts (23 October 2026). Check both dates.")
    assert "trial.end" in errors_of(values(start="2026-08-03", end="2026-08-03"))


def test_a_review_before_the_trial_starts_is_explained_beside_its_date():
    errors = errors_of(values(reviews=[{"date": "2026-07-01", "notes": ""}]))
    assert errors == {"reviews.0.date": "Review 1: this date is before the trial starts (3 August 2026). "
                                        "Check both dates."}


def test_a_unit_typed_into_a_number_box_is_pointed_to_the_unit_box():
    errors = errors_of(values([measure(baseline="95 invoices")]))
    assert errors == {"measures.0.baseline": "Invoices processed a week: The baseline must be only a number: "
                                             "put “invoices” in the unit box."}


def test_a_figure_with_a_thousands_comma_reads_as_thousands():
    [reading] = result_of(values([measure(baseline="1,200", target="1,250", actual="1,300")])).readings
    assert (reading.measure.baseline, reading.measure.actual) == (1200, 1300)


def test_empty_rows_are_skipped_but_a_review_needs_at_least_one_measure():
    v = values(measures=[measure(name="", baseline="", target="", actual="", unit="")],
               reviews=[{"date": "", "notes": ""}])
    assert errors_of(v) == {"measures": "Add at least one measure you agreed, with its baseline and its target."}
    v["measures"] = [measure()]
    notes = dict(result_of(v).notes)
    assert notes["reviews"].startswith("Add the review dates you agreed")


def test_two_measures_with_the_same_name_are_told_apart():
    errors = errors_of(values([measure(), measure(name="invoices processed a week")]))
    assert "measure 1 has the same name" in errors["measures.1.name"]


def test_a_target_worse_than_the_baseline_in_the_chosen_direction_is_a_note_not_an_error():
    result = result_of(values([measure("Replies", "20", "8", "6", better="higher")]))
    assert dict(result.notes)["measures.0.better"] == ("Replies: the target is worse than the baseline, with higher "
                                                       "marked better. If that is the slack you agreed, leave it; if "
                                                       "not, check which way is better.")


# ---------------------------------------------------------------- the outcome

def test_an_unanswered_outcome_is_no_outcome_never_ending_and_drafts_no_letter():
    v = values()
    del v["outcome"]["choice"]
    assert trial_of(v).outcome == ""
    v["outcome"]["choice"] = ""
    v["outcome"]["decided"] = ""  # empty: today
    result = result_of(v)
    assert result.trial.outcome == "" and result.letter is None and result.suggestions == ()
    assert dict(result.notes)["outcome.choice"] == "Choose what you agreed, to draft the outcome letter."
    assert not any(ev.what in ("earlier pattern again from", "permanent from", "adjusted pattern from")
                   for ev in result.events)
    out = trial_review.render(result, v)
    said = ("To draft the trial outcome letter, choose what you agreed under “What you agreed”, and fill in “Date of "
            "this review” if the review was not held on 30 November 2026.")
    for text in (out.html, out.markdown, out.document, out.status):
        assert "Thank you for reviewing" not in text and "We agreed to adjust" not in text
        assert "end the trial" not in text.casefold() and "trial ends, and" not in text
        assert said in text.replace("&#x27;", "'").replace("&quot;", '"')
    # The measures, the reviews and the dates are all there still.
    assert "Each measure's baseline, target and actual" in out.html and "The reviews, held and to come" in out.html
    assert "The trial's dates in words" in out.html
    assert [label for label, _, _ in out.pages] == []
    assert "trial outcome letter" not in " ".join(f["label"] for f in out.files()).casefold()
    summary = out.record["result"]
    assert summary["outcome"] is None and summary["takes_effect"] is None
    assert out.record["values"]["outcome"]["choice"] == ""  # loads back with nothing chosen


def test_the_form_chooses_no_outcome_and_a_decision_record_loads_with_none_chosen():
    form = trial_review.form(ORG)
    choice = next(f for g in form.fields if hasattr(g, "fields") for f in g.fields if f.name == "outcome.choice")
    assert choice.default == ""
    assert take(decision_record(DECIDED_TRIAL))["values"]["outcome"]["choice"] == ""
    assert ' checked' not in forms.render_tool(form).split('name="outcome.choice"', 1)[1].split("</fieldset>")[0]


def test_a_decision_records_trial_opened_fresh_shows_no_letter_until_an_outcome_is_chosen():
    v = take(decision_record(DECIDED_TRIAL))["values"]
    for m, way in zip(v["measures"], ("higher", "lower", "higher", "lower")):
        m["better"] = way
    v["measures"][3]["baseline"] = "4"
    answer = json.loads(bridge.handle(json.dumps({"tool": "trial_review", "values": v})))
    assert answer["ok"] is True, answer
    html = "".join(answer["parts"]) if "parts" in answer else json.dumps(answer)
    assert "Thank you for reviewing" not in html and "To draft the trial outcome letter" in html
    assert not any("trial-outcome-letter" in d["filename"] for d in answer["downloads"])
    v["outcome"]["choice"] = "adjust"
    answer = json.loads(bridge.handle(json.dumps({"tool": "trial_review", "values": v})))
    assert any("trial-outcome-letter" in d["filename"] for d in answer["downloads"])


def test_ending_without_a_reason_is_blocked_beside_the_reason_and_the_basis():
    errors = errors_of(values(outcome={"choice": "end"}))
    assert errors["outcome.reason"].startswith("Say why the trial is ending, pointing to the measures you agreed or "
                                               "to the needs of the work")
    assert "A trial never ends as a sanction." in errors["outcome.basis"]


def test_ending_on_the_measures_needs_a_measure_that_was_missed():
    errors = errors_of(values(outcome={"choice": "end", "basis": "measures", "reason": "Not working."}))
    assert errors == {"outcome.basis": "Every measure you agreed was met, so the measures cannot be why the trial "
                                       "ends. Choose the needs of the work and say which, or adjust the pattern "
                                       "instead."}


def test_an_ending_says_it_is_not_a_sanction_and_what_could_be_adjusted_instead():
    ms = [measure(), measure("Replies", "20", "8", "11", "lower", "response_time", "hours")]
    v = values(ms, outcome={"choice": "end", "basis": "measures",
                            "reason": "Budget holders waited two days for answers in six of the twelve weeks."})
    result = result_of(v)
    assert result.trial.effective == date(2026, 10, 24)  # the day after the trial ends
    assert result.suggestions == ("Agree set times in the day to answer messages, or share an inbox so that "
                                  "someone else can answer.",)
    out = trial_review.render(result, v)
    assert "This is not a sanction" in out.html and "Before ending it, could you adjust instead?" in out.html
    page = out.pages[0][2]()
    assert "Ending the trial rests on the measures we agreed: Replies did not reach its target." in page
    assert "Ending the trial is not a sanction" in page and "Budget holders waited two days" in page
    assert "returns to the one you had before it" in page


ENDING = {"choice": "end", "basis": "work", "reason": "The front desk needs cover on Fridays."}


def test_ending_a_trial_that_answers_a_request_leaves_the_written_decision_due():
    # The review ends the trial, and so refuses the request: the decision itself is still to be given in writing.
    result = result_of(values(outcome=ENDING, decide_by="2026-10-30"))
    [due] = [e for e in result.events if e.what == "decision due"]
    assert due.state == "due"
    assert "You will receive the decision on it in writing by 30 October 2026" in result.letter.markdown()


def test_ending_after_the_decision_was_due_promises_no_date_that_has_passed():
    result = result_of(values(outcome={**ENDING, "decided": "2026-11-05", "from": "2026-10-26"},
                              decide_by="2026-10-30"))
    [due] = [e for e in result.events if e.what == "decision due"]
    assert due.state == "late"
    letter = result.letter.markdown()
    assert "in writing by 30 October 2026" not in letter
    assert "in writing straight away (it was due by 30 October 2026)" in letter
    # Back to the earlier pattern from a day before the review that decided it: questioned, not refused.
    assert ("outcome.from", "This takes effect before the review that decided it (5 November 2026). If that is "
                            "what you agreed, leave it; if not, check the date.") in result.trial.notes


def test_an_ending_on_the_needs_of_the_work_suggests_changes_to_the_work():
    v = values(outcome={"choice": "end", "basis": "work", "reason": "The front desk needs cover on Fridays."})
    assert result_of(v).suggestions[0].startswith("Change which days are in the office")


def test_making_it_permanent_reminds_that_the_contract_change_is_confirmed_in_writing_within_a_month():
    v = values(end="2027-01-30", outcome={"choice": "confirm", "decided": "2027-01-30", "next_review": ""})
    result = result_of(v)
    assert result.trial.effective == date(2027, 1, 31)
    assert result.confirm_by == months_after(date(2027, 1, 31), 1) == date(2027, 2, 28)
    out = trial_review.render(result, v)
    assert ("confirm the change to Alex Morgan in writing by 28 February 2027, within one month of it taking effect "
            "(section 4 of the Employment Rights Act 1996)") in out.html
    assert "as section 4 of the Employment Rights Act 1996 requires" in out.pages[0][2]()


@pytest.mark.parametrize("jurisdiction, law", [
    ("NI", "Article 36 of the Employment Rights (Northern Ireland) Order 1996"), ("policy", None)])
def test_the_written_statement_names_the_law_that_applies(jurisdiction, law):
    custom = org.merge({"policy": {"requests": {"jurisdiction": jurisdiction}}})
    letter = rendered(values(outcome={"choice": "confirm"}), custom).pages[0][2]()
    assert "within one month of it taking effect" in letter
    assert (law in letter) if law else "Employment Rights" not in letter


def test_extending_asks_for_the_new_end_after_the_current_one_and_a_signature():
    assert errors_of(values(outcome={"choice": "extend"}))["outcome.new_end"] == "Enter the new end date."
    assert errors_of(values(outcome={"choice": "extend", "new_end": "2026-10-01"}))["outcome.new_end"] == (
        "The new end must be after the trial's current end (23 October 2026).")
    v = values([measure(actual="")], outcome={"choice": "extend", "new_end": "2026-12-18"})
    letter = rendered(v).pages[0][2]()
    assert "We agreed to extend the trial to 18 December 2026, so that we can see how these measures go: Invoices " \
           "processed a week." in letter
    assert "Agreed by Alex Morgan: signature" in letter


def test_each_outcome_has_its_own_letter():
    subjects = set()
    for choice_, extra in (("adjust", {}), ("confirm", {}), ("extend", {"new_end": "2026-12-18"}),
                           ("end", {"basis": "work", "reason": "Cover."})):
        letter = result_of(values(outcome={"choice": choice_, **extra})).letter
        subjects.add(letter.subject)
        assert letter.to == "Alex Morgan" and letter.sender == "Priya Shah" and letter.dated == date(2026, 10, 23)
    assert len(subjects) == 4


# ---------------------------------------------------------------- the decision deadline

def test_a_trial_ending_after_the_decision_deadline_needs_an_agreed_extension():
    v = values(decide_by="2026-10-14", reviews=[], outcome={"decided": "2026-10-09", "next_review": ""})
    notes = dict(result_of(v).notes)
    assert notes["trial.decide_by"] == (
        "The trial ends on 23 October 2026, after the decision is due (14 October 2026). Trials longer than the "
        "decision period need an extension agreed by you both (writing it down is good practice). Agree to extend "
        "it before 14 October 2026 (the outcome letter has the words for you both to sign), then put the new date "
        "here.")
    letter = rendered(v).pages[0][2]()
    assert "we agree to extend the decision period, including any appeal, to 23 November 2026" in letter


def test_a_last_review_after_the_deadline_needs_it_too_and_a_late_one_says_so():
    v = values(decide_by="2026-11-30", reviews=[{"date": "2026-09-25"}],
               outcome={"decided": "2026-12-02", "next_review": ""})
    assert dict(result_of(v).notes)["trial.decide_by"] == (
        "This review is on 2 December 2026, after the decision is due (30 November 2026). Trials longer than the "
        "decision period need an extension agreed by you both (writing it down is good practice). It had to be "
        "extended by agreement before 30 November 2026 (in Great Britain, or within three months after it, looking "
        "back): if it was, put the extended date here.")
    v = values(decide_by="2026-12-05", outcome={"decided": "2026-11-02", "next_review": ""})
    assert dict(result_of(v).notes)["trial.decide_by"].startswith("The last review is on 11 December 2026, after")


def test_a_trial_inside_the_decision_period_has_no_note_and_the_decision_made_in_time_is_met():
    v = values(decide_by="2027-01-31", outcome={"choice": "confirm", "decided": "2026-12-11"})
    result = result_of(v)
    assert "trial.decide_by" not in dict(result.notes) and result.extension == ""
    # The date is still to come on the day of the review: met early, never "Done".
    assert {ev.what: ev.state for ev in result.events}["decision due"] == "met"


# ---------------------------------------------------------------- safe output

def test_typed_text_is_escaped_in_every_format():
    notes = {"employee": XSS + "\n# not a heading", "manager": "[link](http://x) *bold*"}
    v = values([measure(name=XSS, unit="<b>u</b>")], employee=XSS, manager="Priya | *Shah*", notes=notes,
               outcome={"changes": XSS})
    v["trial"]["pattern"] = XSS
    v["reviews"][0]["notes"] = XSS
    out = rendered(v)
    for html in (out.html, out.document, out.pages[0][2]()):
        assert XSS not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
        assert "<b>u</b>" not in html
    md = out.markdown
    assert XSS not in md and "\\<img src=x onerror=alert(1)\\>" in md
    assert "\\# not a heading" in md and "\\[link\\](http\\://x) \\*bold\\*" in md
    assert "Priya \\| \\*Shah\\*" in md


# ---------------------------------------------------------------- the example, the record, the bridge

def test_the_example_renders_with_figures_letter_and_downloads():
    example = trial_review.example()
    result = result_of(example)
    assert [r.state for r in result.readings] == ["met", "not_met", "met"]
    assert result.trial.outcome == "adjust" and len(result.trial.reviews) == 3
    out = trial_review.render(result, example)
    assert out.html.count('role="img"') == 2  # the measures and the dates
    assert "Download the trial outcome letter (printable page)" in [f["label"] for f in out.files()]
    assert out.document.startswith("<!doctype html>") and out.pages[0][2]().startswith("<!doctype html>")
    assert "Trial outcome letter" in out.html and "Alex Morgan" in out.markdown
    answer = json.loads(bridge.handle(json.dumps({"tool": "trial_review", "values": example})))
    assert answer["ok"] is True
    assert "trial-outcome-letter-alex-morgan-2026-10-23.html" in [d["filename"] for d in answer["downloads"]]


def test_the_json_record_loads_back_through_the_bridge():
    v = values()
    v["outcome"]["decided"] = ""  # today: the record keeps the date it was worked out for
    record = json.dumps(rendered(v).record)
    answer = json.loads(bridge.handle(json.dumps({"tool": "trial_review", "action": "import", "text": record,
                                                  "fixed": {}})))
    assert answer["ok"] is True
    assert answer["values"]["outcome"]["decided"] == TODAY.isoformat()
    assert answer["values"]["measures"] == v["measures"] and answer["values"]["people"] == v["people"]
    again = trial_review.validate(answer["values"], ORG, today=date(2027, 3, 1))
    assert isinstance(again, Trial) and again.decided == TODAY


# ---------------------------------------------------------------- a start from the decision record

DECIDED_TRIAL = {
    "employee": "Alex Morgan", "manager": "Priya Shah",
    "pattern": ["Monday: at home.", "Friday: at home.", "Times: starting at 08:00 and finishing at 16:00."],
    "start": "2026-08-03", "end": "2026-10-23", "reviews": ["2026-08-28", "2026-09-25", "2026-10-23"],
    "decide_by": "2026-10-30", "success": "Invoices keep moving; replies within a working day.",
    "measures": [{"name": "Invoices processed a week", "baseline": "95 invoices", "target": "105 invoices"},
                 {"name": "Response time to budget holders' emails", "baseline": "20 hours", "target": "8 hours"},
                 {"name": "Well-being score", "baseline": "5", "target": "7"},
                 {"name": "Errors found at audit", "baseline": "about 4", "target": "2"}],
}


def decision_record(trial) -> str:
    return json.dumps(records.make("decision_record", "Decision", {"decision": {"outcome": "trial"}},
                                   {"trial": trial}))


def take(text: str) -> dict:
    return json.loads(bridge.handle(json.dumps({"tool": "trial_review", "action": "import", "text": text,
                                                "fixed": {}})))


def test_a_decision_records_trial_fills_the_review():
    answer = take(decision_record(DECIDED_TRIAL))
    assert answer["ok"] is True
    v = answer["values"]
    assert v["people"] == {"employee": "Alex Morgan", "manager": "Priya Shah"}
    assert v["trial"]["pattern"].splitlines()[0] == "Monday: at home."
    assert v["trial"]["decide_by"] == "2026-10-30" and [r["date"] for r in v["reviews"]][-1] == "2026-10-23"
    assert v["outcome"]["choice"] == ""  # nothing chosen for them: the review has not been held
    m = v["measures"]
    # Which way is better is the record's to say: an older record that does not say leaves it to be chosen.
    assert (m[0]["baseline"], m[0]["unit"], m[0]["kind"], m[0]["better"]) == ("95", "invoices", "outputs", "")
    assert (m[1]["kind"], m[1]["better"], m[1]["unit"]) == ("response_time", "", "hours")
    assert (m[2]["kind"], m[2]["unit"]) == ("well_being", "")
    # A figure that is not a number stays as it was written, to be put right beside its field.
    assert m[3]["baseline"] == "about 4"
    errors = errors_of(v)
    assert list(errors) == ["measures.0.better", "measures.1.better", "measures.2.better", "measures.3.baseline",
                            "measures.3.better"]
    v["measures"][3]["baseline"] = "4"
    for m, way in zip(v["measures"], ("higher", "lower", "higher", "lower")):
        m["better"] = way
    result = result_of(v)
    assert {r.state for r in result.readings} == {"unmeasured"}


def test_a_decision_record_without_a_trial_says_to_choose_one_first():
    answer = take(decision_record(None))
    assert answer == {"ok": False, "errors": [{"field": "import", "message": "This decision record has no trial in "
                                                                            "it: choose a trial as the outcome "
                                                                            "there first."}]}


def damaged(**changes):
    trial = copy.deepcopy(DECIDED_TRIAL)
    for key, value in changes.items():
        if value is KeyError:
            del trial[key]
        else:
            trial[key] = value
    return trial


@pytest.mark.parametrize("trial, says", [
    (damaged(start="next week"), "the start date is not a date"),
    (damaged(end=KeyError), "the end date is not a date"),
    (damaged(employee=7), "the employee's name is missing or not text"),
    (damaged(pattern="Home on Mondays"), "the pattern is not a list of lines"),
    (damaged(reviews=["2026-08-28", 5]), "the review dates are not a list of dates"),
    (damaged(measures={"name": "x"}), "the measures are not a list"),
    (damaged(measures=[{"name": "Replies", "baseline": 20, "target": "8"}]), "measure 1 has no name, baseline or"),
    (damaged(decide_by=20261030), "the date the decision is due is not a date"),
    ("a trial", "The decision record's trial is damaged. Open it"),
])
def test_a_damaged_decision_record_is_named_and_fills_nothing(trial, says):
    answer = take(decision_record(trial))
    assert answer["ok"] is False and says in answer["errors"][0]["message"]
    assert answer["errors"][0]["field"] == "import"


def test_a_decision_record_with_no_result_is_named():
    text = json.dumps(records.make("decision_record", "Decision", {}, None))
    assert "holds no decision" in take(text)["errors"][0]["message"]
    text = json.dumps({**records.make("decision_record", "Decision", {}, {}), "result": [1, 2]})
    assert "holds no decision" in take(text)["errors"][0]["message"]


def test_a_review_prepared_before_the_trial_starts_is_a_draft_not_an_error():
    v = values(start="2026-12-07", end="2027-02-26", reviews=[], outcome={"decided": "", "next_review": ""})
    assert dict(result_of(v).notes)["outcome.decided"] == ("The trial starts on 7 December 2026: until you review "
                                                           "it together, the outcome and the letter are a draft.")
    v["outcome"]["decided"] = "2026-12-01"
    assert errors_of(v) == {"outcome.decided": "The review cannot be before the trial starts (7 December 2026)."}


@pytest.mark.parametrize("baseline, target, expected", [
    ("6", "8", ("6", "8", "", "")),  # the words do not say which way is better: the review asks, never guesses
    ("6 hours", "8 hours or fewer", ("6", "8", "hours", "lower")),
    ("140", "140 or more", ("140", "140", "", "higher")),
    ("20", "at most 8 hours", ("20", "8", "hours", "lower")),
    ("5", "at least 7 out of 10", ("5", "7", "out of 10", "higher")),
    ("about 6", "within a day", ("about 6", "within a day", "", "")),  # left whole, for the form to explain
])
def test_a_decision_records_figures_are_split_into_number_unit_and_direction(baseline, target, expected):
    trial = dict(DECIDED_TRIAL, measures=[{"name": "Hours to answer an email", "baseline": baseline,
                                           "target": target}])
    [m] = take(decision_record(trial))["values"]["measures"]
    assert (m["baseline"], m["target"], m["unit"], m["better"]) == expected


def test_which_way_is_better_is_not_guessed_from_the_figures():
    trial = dict(DECIDED_TRIAL, measures=[{"name": "Errors found at audit", "baseline": "4", "target": "2"}])
    [m] = take(decision_record(trial))["values"]["measures"]
    assert (m["kind"], m["better"]) == ("other", "")


def test_a_draft_saved_before_the_trial_starts_loads_back_as_a_draft():
    """Prepared ahead, the review's date stays open in its record: pinned to the day it was saved, it would be a
    review before the trial and refused when loaded back."""
    from datetime import timedelta

    ex = json.loads(json.dumps(trial_review.example()))
    later = now.today() + timedelta(days=10)
    ex["trial"]["start"] = later.isoformat()
    ex["trial"]["end"] = (later + timedelta(weeks=12)).isoformat()
    ex["reviews"] = [{"date": (later + timedelta(weeks=4)).isoformat(), "notes": ""}]
    ex["outcome"] = {**ex["outcome"], "choice": "adjust", "decided": "", "next_review": "", "from": ""}
    answer = json.loads(bridge.handle(json.dumps({"tool": "trial_review", "values": ex})))
    assert answer["ok"], answer
    record = next(d["content"] for d in answer["downloads"] if d["filename"].endswith(".json"))
    assert json.loads(record)["values"]["outcome"]["decided"] == ""
    values = json.loads(bridge.handle(json.dumps({"tool": "trial_review", "action": "import", "text": record})))["values"]
    again = json.loads(bridge.handle(json.dumps({"tool": "trial_review", "values": values})))
    assert again["ok"], again


# ---------------------------------------------------------------- the dates tell the letter's story

def test_the_examples_dates_show_the_decision_period_as_its_letter_extends_it():
    example = trial_review.example()
    result = result_of(example)
    assert "we agree to extend the decision period, including any appeal, to 22 February 2027" in \
        result.letter.markdown()
    assert result.extended_to == date(2027, 2, 22)
    dates = {(ev.day.isoformat(), ev.what): ev.state for ev in result.events}
    assert dates[("2026-10-30", "decision due")] == "extended"
    assert dates[("2027-02-22", "decision due (extended by this review)")] == "due"
    out = trial_review.render(result, example)
    assert "| 30 October 2026 | decision due | Extended |" in out.markdown
    assert "| 22 February 2027 | decision due (extended by this review) | Due |" in out.markdown
    assert "The trial's dates in words, as at this review (23 October 2026)" in out.html
    assert out.record["result"]["decision_extended_to"] == "2027-02-22"


def test_a_decision_date_not_extended_by_the_letter_stays_due_and_no_date_on_or_before_the_review_is_planned():
    # Without an outcome there is no letter, so nothing is extended.
    v = values(decide_by="2026-10-30", outcome={"choice": "", "decided": "2026-10-23"})
    states = {ev.what: ev.state for ev in result_of(v).events}
    assert states["decision due"] == "due" and "decision due (extended by this review)" not in states
    # A permanent change dated from long before the review: its written statement was due before the review.
    v = values(end="2026-10-23", outcome={"choice": "confirm", "decided": "2026-12-11", "from": "2026-09-01",
                                          "next_review": ""})
    result = result_of(v)
    for ev in result.events:
        if ev.day <= result.trial.decided:
            assert ev.state != "planned", ev
    assert {ev.what: ev.state for ev in result.events}["change confirmed in writing by"] == "late"
