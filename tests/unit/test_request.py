"""The employee's request: the letter for each kind of request, the plan file it starts from, escaping."""

from __future__ import annotations

import json
from datetime import date

from toolkit import now
from toolkit import bridge, request, org, planner

GB = org.merge({})
TODAY = date(2027, 1, 10)


def letter_for(values, settings=GB):
    asked = request.validate(values, settings, today=TODAY)
    assert not isinstance(asked, list), asked
    return request.render(request.compute(asked), values)


def base(**request):
    return {"request": {"employee": "Sam", "manager": "Priya", "made": "2027-01-10", "hours_now": "37.5",
                        "hours_asked": "30", "start_date": "2027-04-01", **request}, "previous": []}


def test_a_statutory_request_names_the_law_and_the_date_due():
    made = letter_for(base())
    html = made.html
    assert "statutory request for flexible working under section 80F of the Employment Rights Act 1996" in html
    assert "Hours: 30 hours a week, from 37.5 hours now." in html
    # The letter says how the period is counted, never a date counted from the date written on it (reg. 5).
    letter = html[html.index('id="request-letter"'):]
    assert "by 9 March 2027" not in letter and "I have not made a request" in html
    assert "within two months beginning with the day you receive it" in letter
    assert made.record["result"]["decision_due"] == "2027-03-09"
    assert made.status == ("Your statutory request letter is ready. A decision is due by 9 March 2027 if it is "
                           "received the day it is dated.")


def test_hours_asked_for_that_are_the_hours_now_are_questioned_beside_the_field():
    # "37,5" is 37.5 in a form (a comma as the decimal point): the same hours, so no change of hours.
    found = request.validate(base(hours_asked="37,5"), GB, today=TODAY)
    assert isinstance(found, list)
    assert {e.field: e.message for e in found} == {"request.hours_asked": (
        "The hours asked for are the hours worked now (37.5 a week). Give the new hours, or leave this empty if "
        "the hours stay the same.")}


def test_an_informal_request_says_when_a_formal_one_can_be_made():
    v = base()
    v["previous"] = [{"made": "2026-12-01", "state": "open"}]
    made = letter_for(v)
    assert "Informal request" in made.html and made.notes[0][0] == "previous.0.state"
    ni_org = org.merge({"policy": {"requests": {"jurisdiction": "NI"}}})
    ni = letter_for(base(employed_since="2026-11-01", how_it_works="Cover by Jo."), ni_org)
    assert "cannot be a formal request until 2 May 2027" in ni.html


def test_in_northern_ireland_the_request_says_its_effect_and_the_steps():
    ni_org = org.merge({"policy": {"requests": {"jurisdiction": "NI"}}})
    missing = request.validate(base(), ni_org, today=TODAY)
    assert [e.field for e in missing] == ["request.how_it_works"]
    assert "effect on the organisation" in missing[0].message
    made = letter_for(base(how_it_works="Jo covers Fridays."), ni_org)
    assert "The effect on the organisation, and how it could be dealt with" in made.html
    assert "meet within 28 days after you receive" in made.html and "within 14 days after the meeting" in made.html
    assert "Article 112F of the Employment Rights (Northern Ireland) Order 1996" in made.html


def test_under_a_policy_the_letter_names_the_organisations_policy():
    made = letter_for(base(), org.merge({"name": "Acme", "term": "Agile Working",
                                         "policy": {"requests": {"jurisdiction": "policy"}}}))
    assert "formal request for flexible working under Acme's Agile Working policy" in made.html
    assert "statutory" not in made.html


def test_a_disability_or_caring_link_is_carried_into_the_letter():
    assert "reasonable adjustment" in letter_for(base(health_or_care=True)).html


def test_typed_text_is_escaped_in_the_page_the_markdown_and_the_printable_letter():
    made = letter_for(base(employee="<b>Sam</b>", manager="<img src=x>", change_words="Fridays *off* <i>"))
    assert "&lt;b&gt;Sam&lt;/b&gt;" in made.html and "<b>Sam" not in made.html
    assert "\\*off\\*" in made.markdown and "\\<i\\>" in made.markdown
    assert "\\<img src=x\\>" in made.markdown  # the name in "Dear ...," and "To:" too
    assert "<b>Sam" not in made.document and "<img src" not in made.document


def test_the_change_in_words_keeps_its_paragraphs_and_the_letter_reads_as_a_letter():
    made = letter_for(base(change_words="Four days a week.\n\nFridays off, from April."))
    assert "<p>Four days a week.</p><p>Fridays off, from April.</p>" in made.html
    assert made.document.count("<h1>") == 1 and "<h1>Statutory request for flexible working</h1>" in made.document
    assert "Dear Priya," in made.markdown and "Yours sincerely," in made.markdown
    assert not made.markdown.startswith("#")  # to paste into an email as it is


def test_the_plan_file_becomes_the_change_asked_for():
    plan = planner.example()
    plan["role"]["name"] = "Sam Taylor"
    model = planner.validate(plan, GB)
    record = planner.render(planner.compute(model), plan).record
    answer = json.loads(bridge.handle(json.dumps({"tool": "request", "action": "import",
                                                  "text": json.dumps(record)})))
    assert answer["ok"], answer
    request = answer["values"]["request"]
    assert request["employee"] == "Sam Taylor" and request["hours_now"] == "37.5"
    assert "start_time" not in request and "finish_time" not in request  # usual hours are not a change
    placed = {d["day"]: d["place"] for d in record["result"]["week"]}
    assert request["week"]["tue"] == {"site": "office", "home": "home"}[placed["Tuesday"]]
    assert request["week"]["sat"] == "" and "planner" not in request["how_it_works"]
    record["result"] = {}
    empty = json.loads(bridge.handle(json.dumps({"tool": "request", "action": "import",
                                                 "text": json.dumps(record)})))
    assert not empty["ok"] and "no suggested week" in empty["errors"][0]["message"]


def test_the_example_renders_and_its_record_loads_back():
    ex = request.example()
    answer = json.loads(bridge.handle(json.dumps({"tool": "request", "values": ex})))
    assert answer["ok"] and "statutory request" in answer["parts"][0]
    record = next(d["content"] for d in answer["downloads"] if d["filename"].endswith(".json"))
    back = json.loads(bridge.handle(json.dumps({"tool": "request", "action": "import", "text": record})))
    # Left empty, the request's date was today: the record keeps that date, so the letter and its deadline
    # do not move when it is opened again another day.
    assert back["values"] == {**ex, "request": {**ex["request"], "made": now.today().isoformat()}}
