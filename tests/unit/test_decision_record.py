"""The manager's decision record: dates worked by hand, every refusal ground, every jurisdiction setting, what it
refuses (with the rule) and what it only says, the letters, and the request file carried over."""

from __future__ import annotations

import copy
import json
import re
from datetime import date

import pytest

from toolkit import now
from toolkit import bridge, decision_record, request, org
from toolkit.flexible_working.rules import STATUTORY_GROUNDS

TODAY = date(2027, 3, 1)
GB = org.merge({})
NI = org.merge({"policy": {"requests": {"jurisdiction": "NI"}}})
POLICY = org.merge({"policy": {"requests": {"jurisdiction": "policy", "decision_within_months": 1,
                                            "grounds": ["the service cannot run with it"]}}})


def values(**groups):
    base = {"request": {"employee": "Sam <b>Taylor</b>", "manager": "Priya Shah", "made": "2027-01-31",
                        "hours_asked": "30", "start_date": "2027-06-01"},
            "previous": [],
            "decision": {"received": "2027-01-31", "meeting": "2027-02-10", "companion": "accepted"}}
    for group, changes in groups.items():
        base[group] = {**base.get(group, {}), **changes} if isinstance(changes, dict) else changes
    return base


def run(v, settings=GB, today=TODAY):
    model = decision_record.validate(v, settings, today=today)
    if isinstance(model, list):
        return model
    return decision_record.compute(model)


def errors(v, settings=GB, today=TODAY):
    found = run(v, settings, today)
    assert isinstance(found, list), "expected problems"
    return {e.field: e.message for e in found}


def test_received_31_january_the_decision_is_due_30_march():
    r = run(values())
    assert r.decide_by == date(2027, 3, 30)
    assert "Decide by 30 March 2027, and write to the employee." in r.missing
    assert r.next_date.day == date(2027, 3, 30) and r.next_date.state == "due"


def test_northern_ireland_times_each_step_and_a_policy_its_own_period():
    # NI: a meeting within 28 days of receipt, the decision within 14 days of the meeting.
    assert run(values(), NI).decide_by == date(2027, 2, 24)
    unmet = run(values(decision={"meeting": ""}), NI, today=date(2027, 2, 1))
    assert unmet.decide_by == date(2027, 3, 14)
    assert any(ev.what == "meeting due by" and ev.day == date(2027, 2, 28) for ev in unmet.events)
    late = run(values(decision={"meeting": "2027-03-05"}), NI, today=date(2027, 3, 6))
    assert any(f == "decision.meeting" and "by 28 February 2027" in m for f, m in late.warnings)
    refused = run(values(decision={"outcome": "refuse", "decided_on": "2027-02-20", "grounds": ["costs"],
                                   "explanation": "x"}), NI)
    assert any(ev.what == "last day to appeal" and ev.day == date(2027, 3, 6) for ev in refused.events)
    appeal = run(values(decision={"outcome": "refuse", "decided_on": "2027-02-20", "grounds": ["costs"],
                                  "explanation": "x"},
                        appeal={"received": "2027-02-25", "by": "Jo", "meeting": "2027-03-01"}), NI)
    assert any(ev.what == "appeal decision due by" and ev.day == date(2027, 3, 15) for ev in appeal.events)
    assert run(values(), POLICY).decide_by == date(2027, 2, 28)


def test_an_extension_agreed_in_writing_moves_the_deadline():
    r = run(values(decision={"extended_to": "2027-05-15", "extension_agreed_on": "2027-03-01"}))
    assert r.decide_by == date(2027, 5, 15)
    assert any(ev.what == "decision due (extended)" for ev in r.events)
    assert any(letter.key == "extension-agreement" for letter in r.letters)
    assert errors(values(decision={"extended_to": "2027-05-15"}))["decision.extension_agreed_on"]
    assert "after the decision is due" in errors(values(decision={"extended_to": "2027-03-01",
                                                                  "extension_agreed_on": "2027-02-01"}))[
        "decision.extended_to"]


def test_a_decision_after_the_deadline_is_said_and_still_drawn():
    r = run(values(decision={"outcome": "accept", "decided_on": "2027-04-02", "start": "2027-05-01"}),
            today=date(2027, 4, 3))
    assert not isinstance(r, list)
    assert any(f == "decision.decided_on" and "after it was due (30 March 2027)" in m
               for f, m in r.warnings)


def test_no_decision_by_the_deadline_is_late():
    r = run(values(), today=date(2027, 4, 1))
    assert [ev.state for ev in r.events if ev.what.startswith("decision due")] == ["late"]


def test_a_received_date_in_the_future_is_refused_beside_it():
    assert "cannot be received in the future" in errors(values(decision={"received": "2027-03-02"}))[
        "decision.received"]


@pytest.mark.parametrize("key, words", STATUTORY_GROUNDS)
def test_every_statutory_ground_can_carry_a_refusal_and_is_in_the_letter(key, words):
    r = run(values(decision={"outcome": "refuse", "decided_on": "2027-02-20", "grounds": [key],
                             "explanation": "The desk needs two people <every> morning."}))
    letter = next(letter for letter in r.letters if letter.key == "outcome-letter")
    assert words[0].upper() + words[1:] in letter.html()
    assert "&lt;every&gt;" in letter.html() and "<every>" not in letter.html()
    assert "\\<every\\>" in letter.markdown()
    assert "you can appeal" in letter.html()


def test_a_refusal_with_no_ground_is_blocked_with_the_reason():
    found = errors(values(decision={"outcome": "refuse", "decided_on": "2027-02-20", "explanation": "x"}))
    assert "must rest on at least one of the grounds" in found["decision.grounds"]


def test_a_ground_the_settings_do_not_list_is_blocked():
    found = errors(values(decision={"outcome": "refuse", "decided_on": "2027-02-20", "grounds": ["attitude"],
                                    "explanation": "x"}))
    assert "only on the grounds listed" in found["decision.grounds"]
    policy = errors(values(decision={"outcome": "refuse", "decided_on": "2027-02-20", "grounds": ["costs"],
                                     "explanation": "x"}), POLICY)
    assert "decision.grounds" in policy  # a statutory ground is not one this policy lists


def test_a_policys_own_ground_carries_its_refusal():
    r = run(values(decision={"outcome": "refuse", "decided_on": "2027-02-20", "grounds": ["ground_1"],
                             "explanation": "x"}), POLICY)
    assert "The service cannot run with it." in r.letters[-1].html()


def test_a_refusal_without_an_explanation_is_blocked():
    assert "decision.explanation" in errors(values(decision={"outcome": "refuse", "decided_on": "2027-02-20",
                                                             "grounds": ["costs"]}))


def test_a_refusal_before_consulting_is_blocked_in_great_britain_only():
    v = values(decision={"meeting": "", "outcome": "refuse", "decided_on": "2027-02-20", "grounds": ["costs"],
                         "explanation": "x"})
    assert "must consult the employee before refusing" in errors(v)["decision.consulted"]
    assert not isinstance(run(v, NI), list)
    v["decision"]["consulted"] = "2027-02-15"
    assert not isinstance(run(v), list)
    v["decision"]["consulted"] = "2027-02-25"  # after the decision
    assert "consult before deciding" in errors(v)["decision.consulted"]


def test_treated_as_withdrawn_needs_two_missed_meetings():
    assert "two meetings" in errors(values(decision={"outcome": "treated_withdrawn", "missed": "1"}))[
        "decision.outcome"]
    r = run(values(decision={"outcome": "treated_withdrawn", "missed": "2", "decided_on": "2027-02-20"}))
    assert "treating your request as withdrawn" in r.letters[-1].html() and r.missing == ()


def test_an_accepted_change_is_permanent_and_confirmed_in_writing_within_a_month():
    r = run(values(decision={"outcome": "accept", "decided_on": "2027-02-20", "start": "2027-03-31"}))
    assert r.confirm_by == date(2027, 4, 30)
    outcome = next(letter for letter in r.letters if letter.key == "outcome-letter")
    assert "permanent change" in outcome.html()
    assert [letter.key for letter in r.letters][-1] == "contract-change"
    assert "Confirm the new terms in writing by 30 April 2027." in r.missing
    done = run(values(decision={"outcome": "accept", "decided_on": "2027-02-20", "start": "2027-01-31",
                                "confirmed_on": "2027-02-21"}))
    assert done.confirm_by == date(2027, 2, 28)  # 31 January + 1 month
    assert not any("Confirm" in m for m in done.missing)


def test_accepted_with_changes_says_what_was_agreed_instead():
    assert "decision.changes" in errors(values(decision={"outcome": "accept_changes", "decided_on": "2027-02-20"}))
    r = run(values(decision={"outcome": "accept_changes", "decided_on": "2027-02-20", "start": "2027-03-01",
                             "changes": "Four days <at home>"}))
    assert "Four days &lt;at home&gt;" in r.letters[-2].html()


def test_a_trial_past_the_deadline_needs_a_written_extension_and_gets_one_drafted():
    v = values(decision={"outcome": "trial", "decided_on": "2027-02-20"},
               trial={"start": "2027-03-01", "weeks": "12", "review_every": "4", "success": "Cover every day."},
               trial_measures=[{"name": "Calls answered", "baseline": "90%", "target": "95%", "better": "higher"}])
    r = run(v)
    assert r.trial_end == date(2027, 5, 21)  # twelve weeks from Monday 1 March: the last working day, Friday 21 May
    assert r.reviews == (date(2027, 3, 29), date(2027, 4, 26), date(2027, 5, 21))
    # A month past the trial: room to review it, decide, and hear an appeal, all inside the extended period.
    assert any(f == "trial.weeks" and "any appeal included, to 21 June 2027" in m for f, m in r.warnings)
    assert "Agree with the employee to extend the decision period to 21 June 2027, a month after the trial ends (writing the agreement down is good practice)." in r.missing
    extension = next(letter for letter in r.letters if letter.key == "extension-agreement")
    assert "is extended to 21 June 2027, any appeal included" in extension.html()
    assert [ev.state for ev in r.events if ev.what.startswith("decision due")] == ["due"]
    keys = [letter.key for letter in r.letters]
    assert "trial-confirmation" in keys and "extension-agreement" in keys
    data = decision_record.render(r, v).record["result"]["trial"]
    assert data["end"] == "2027-05-21" and data["decide_by"] == "2027-03-30"
    assert data["measures"] == [{"name": "Calls answered", "baseline": "90%", "target": "95%", "better": "higher"}]
    v["decision"].update(extended_to="2027-06-21", extension_agreed_on="2027-02-20")
    assert not any(f == "trial.weeks" for f, _ in run(v).warnings)


def test_an_appeal_heard_by_the_same_manager_is_said_and_its_outcome_written():
    v = values(decision={"outcome": "refuse", "decided_on": "2027-02-20", "grounds": ["quality"],
                         "explanation": "x"},
               appeal={"received": "2027-02-24", "by": "priya shah", "outcome": "dismissed",
                       "decided_on": "2027-03-10", "reasons": "The reasons stand."})
    r = run(v, today=date(2027, 3, 11))
    assert any(f == "appeal.by" and "different manager" in m for f, m in decision_record.render(r, v).notes)
    assert r.letters[-1].key == "appeal-outcome" and "The reasons stand." in r.letters[-1].html()
    assert "comes before the decision" in errors(values(
        decision={"outcome": "refuse", "decided_on": "2027-02-20", "grounds": ["quality"], "explanation": "x"},
        appeal={"received": "2027-02-10", "by": "Jo"}))["appeal.received"]
    late = run({**v, "appeal": {**v["appeal"], "decided_on": "2027-04-02"}}, today=date(2027, 4, 3))
    assert any(f == "appeal.decided_on" for f, _ in late.warnings)


def test_a_third_request_in_twelve_months_is_said_to_the_manager_too():
    v = values(previous=[{"made": "2026-05-01", "state": "decided"}, {"made": "2026-10-01", "state": "decided"}])
    r = run(v)
    assert not r.decision.standing.formal
    ack = r.letters[0].html()
    assert "informal request" in ack and "1 May 2027" in ack


def test_the_employees_request_file_fills_the_request():
    ex = request.example()
    made = request.render(request.compute(request.validate(ex, GB)), ex)
    text = json.dumps(made.record)
    answer = json.loads(bridge.handle(json.dumps({"tool": "decision_record", "action": "import", "text": text})))
    assert answer["ok"]
    # The request's date, left empty by the employee (today), is carried as the day the letter was made.
    assert answer["values"]["request"] == {**ex["request"], "made": now.today().isoformat()}
    wrong = json.loads(bridge.handle(json.dumps({"tool": "decision_record", "action": "import",
                                                 "text": text.replace('"request"', '"planner"')})))
    assert not wrong["ok"] and "different tool" in wrong["errors"][0]["message"]


def test_the_example_renders_with_its_letters_and_loads_back():
    ex = decision_record.example()
    answer = json.loads(bridge.handle(json.dumps({"tool": "decision_record", "values": ex})))
    assert answer["ok"], answer
    names = [d["filename"] for d in answer["downloads"]]
    kinds = {re.sub(r"-sam-taylor-\d{4}-\d\d-\d\d", "", name) for name in names}  # named by person and date
    assert {"acknowledgement-letter.html", "trial-confirmation.html", "extension-agreement.html",
            "decision-record.json"} <= kinds
    record = next(d["content"] for d in answer["downloads"] if d["filename"].endswith(".json"))
    back = json.loads(bridge.handle(json.dumps({"tool": "decision_record", "action": "import", "text": record})))
    assert back["values"] == ex


def test_nothing_typed_reaches_the_page_unescaped():
    ex = copy.deepcopy(decision_record.example())
    ex["request"]["employee"] = "<script>x</script>"
    ex["trial"]["success"] = "<img src=x onerror=alert(1)>"
    answer = json.loads(bridge.handle(json.dumps({"tool": "decision_record", "values": ex})))
    html = "".join(answer["parts"]) + "".join(d["content"] for d in answer["downloads"] if d["mime"] == "text/html")
    assert "<script>x" not in html and "<img src=x" not in html


def test_the_deadline_is_done_only_when_nothing_can_still_follow():
    refused = values(decision={"outcome": "refuse", "decided_on": "2027-02-20", "grounds": ["costs"],
                               "explanation": "x"})
    state = lambda r: [ev.state for ev in r.events if ev.what.startswith("decision due")][0]  # noqa: E731
    assert state(run(refused)) == "due"  # an appeal can still come before 30 March
    assert state(run(refused, today=date(2027, 3, 31))) == "done"
    late_appeal = {**refused, "appeal": {"received": "2027-02-25", "by": "Jo", "outcome": "dismissed",
                                         "decided_on": "2027-04-02", "reasons": "x"}}
    assert state(run(late_appeal, today=date(2027, 4, 3))) == "late"


def test_an_informal_request_gets_no_date_in_law_and_the_manager_is_spoken_to():
    v = values(previous=[{"made": "2026-05-01", "state": "decided"}, {"made": "2026-10-01", "state": "decided"}])
    r = run(v)
    assert r.decide_by is None and not any(ev.what.startswith("decision due") for ev in r.events)
    note = dict(r.decision.notes)["previous.1.made"]
    assert "This is request number 3" in note and "You may still consider it as an informal request." in note


def test_a_change_for_a_set_time_is_confirmed_with_its_end():
    r = run(values(decision={"outcome": "accept_changes", "decided_on": "2027-02-20", "start": "2027-03-01",
                             "changes": "Four days a week.", "lasting": "until", "until": "2027-12-31"}))
    confirmation = next(letter for letter in r.letters if letter.key == "contract-change")
    assert "It lasts until 31 December 2027" in confirmation.html() and "permanent" not in confirmation.html()


def test_a_decision_letter_dated_before_the_meeting_is_refused_beside_it():
    # The meeting is on 10 February: a decision is made after it, so a letter dated the 9th says it was not.
    early = errors(values(decision={"outcome": "accept", "decided_on": "2027-02-09", "start": "2027-03-01"}))
    assert "before the meeting (10 February 2027)" in early["decision.decided_on"]
    assert "decision.meeting" not in early
    refused = errors(values(decision={"outcome": "refuse", "decided_on": "2027-02-09", "grounds": ["costs"],
                                      "explanation": "x"}))
    assert "before the meeting" in refused["decision.decided_on"]
    # The same day is fine; so is a withdrawal before a meeting that then never took place.
    assert not isinstance(run(values(decision={"outcome": "accept", "decided_on": "2027-02-10",
                                               "start": "2027-03-01"})), list)
    assert not isinstance(run(values(decision={"outcome": "withdrawn", "decided_on": "2027-02-09"})), list)
    # The example as a new user changed it: the letter a day before its meeting.
    ex = copy.deepcopy(decision_record.example())
    meeting = decision_record.validate(ex, GB).meeting
    ex["decision"]["decided_on"] = date.fromordinal(meeting.toordinal() - 1).isoformat()
    answer = json.loads(bridge.handle(json.dumps({"tool": "decision_record", "values": ex})))
    assert not answer["ok"]
    assert [e["field"] for e in answer["errors"]] == ["decision.decided_on"]


TRIAL = {"start": "2027-02-22", "weeks": "6", "review_every": "2", "success": "Cover every day."}


def test_a_trial_before_the_request_or_its_meeting_is_refused_and_before_its_letter_is_a_note():
    decided = {"outcome": "trial", "decided_on": "2027-02-15"}
    # Before the request was received (31 January): no trial can answer a request not yet made.
    found = errors(values(decision=decided, trial={**TRIAL, "start": "2027-01-30"}))
    assert "before the request was received (31 January 2027)" in found["trial.start"]
    # Before the meeting (10 February): nothing is decided before the two have talked.
    found = errors(values(decision=decided, trial={**TRIAL, "start": "2027-02-08"}))
    assert "before the meeting (10 February 2027)" in found["trial.start"]
    # Agreed at the meeting, started at once, confirmed in writing days later: drawn, with a note to check.
    r = run(values(decision=decided, trial={**TRIAL, "start": "2027-02-11"}))
    assert any(f == "trial.start" and "before the letter agreeing it" in m for f, m in r.decision.notes)
    r = run(values(decision=decided, trial={**TRIAL, "start": "2027-02-15"}))
    assert not any(f == "trial.start" for f, _ in r.decision.notes)


def test_a_trial_letter_is_named_as_the_trial_agreed_not_as_the_decision():
    v = values(decision={"outcome": "trial", "decided_on": "2027-02-15"}, trial=TRIAL)
    r = run(v)
    whats = [ev.what for ev in r.events]
    assert "trial agreed in writing" in whats and "decision letter" not in whats
    made = decision_record.render(r, v)
    assert "15 February 2027: trial agreed in writing (done)" in made.markdown
    assert "trial agreed in writing" in "".join(made.parts) and "decision letter" not in "".join(made.parts)
    assert "trial agreed in writing" in made.document
    accepted = run(values(decision={"outcome": "accept", "decided_on": "2027-02-15", "start": "2027-03-01"}))
    assert "decision letter" in [ev.what for ev in accepted.events]


def test_the_markdown_and_html_downloads_carry_the_same_facts():
    v = values(decision={"outcome": "trial", "decided_on": "2027-02-15", "extended_to": "2027-05-15",
                         "extension_agreed_on": "2027-02-15"}, trial=TRIAL)
    r = run(v, today=date(2027, 2, 20))
    made = decision_record.render(r, v)
    html = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", made.document))
    text = made.markdown.replace("**", "")
    for fact in ("is due by 15 May 2027 (extended by agreement).", "Outcome: Agree a trial first.",
                 f"Next date: {decision_record.rendering.date_words(r.next_date.day)}, {r.next_date.what}."):
        assert fact in html, fact
        assert fact in text, fact
