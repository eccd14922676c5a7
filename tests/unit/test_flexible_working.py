"""The request model shared by the request, the decision record and the trial review: calendar months worked by
hand, the rules of each jurisdiction setting, and where a request stands under them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit import org
from toolkit.forms import Errors
from toolkit.flexible_working import rules
from toolkit.flexible_working.dates import dated_example, months_after, period_end
from toolkit.flexible_working.reading import read_request, standing

GB = rules.for_org(org.merge({}))
NI = rules.for_org(org.merge({"policy": {"requests": {"jurisdiction": "NI"}}}))
POLICY = rules.for_org(org.merge({"policy": {"requests": {"jurisdiction": "policy", "per_12_months": 3,
                                                          "decision_within_months": 1,
                                                          "grounds": ["the needs of the service"]}}}))


# ---------------------------------------------------------------- dates, by hand

@pytest.mark.parametrize("received, months, end", [
    (date(2027, 1, 15), 2, date(2027, 3, 14)),  # beginning with the 15th: ends the day before the 15th
    (date(2027, 1, 31), 2, date(2027, 3, 30)),
    (date(2027, 1, 31), 1, date(2027, 2, 28)),  # no 31 February: the period runs to the month's end
    (date(2028, 1, 31), 1, date(2028, 2, 29)),  # a leap year
    (date(2026, 12, 31), 2, date(2027, 2, 28)),  # across a new year, into a short month
    (date(2027, 12, 30), 2, date(2028, 2, 29)),
    (date(2027, 12, 29), 2, date(2028, 2, 28)),  # 29 February exists in 2028: the day before it
    (date(2027, 3, 1), 2, date(2027, 4, 30)),
    (date(2027, 11, 1), 3, date(2028, 1, 31)),  # three months (an organisation's own period)
])
def test_a_period_beginning_with_a_day_ends_the_day_before_the_same_date(received, months, end):
    assert period_end(received, months) == end


@pytest.mark.parametrize("day, months, after", [
    (date(2027, 1, 31), 1, date(2027, 2, 28)),  # 31 January + 1 month
    (date(2028, 1, 31), 1, date(2028, 2, 29)),
    (date(2027, 3, 15), 1, date(2027, 4, 15)),
    (date(2027, 12, 31), 2, date(2028, 2, 29)),
    (date(2027, 5, 31), -12, date(2026, 5, 31)),
    (date(2028, 2, 29), -12, date(2027, 2, 28)),
])
def test_months_after_a_day_fall_on_the_same_date_or_the_months_end(day, months, after):
    assert months_after(day, months) == after


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31)), st.integers(min_value=1, max_value=12))
def test_the_deadline_is_never_before_the_received_date_and_grows_with_it(received, months):
    end = period_end(received, months)
    assert received <= end
    assert (end - received).days < 31 * months
    assert period_end(received, months + 1) > end
    later = date.fromordinal(received.toordinal() + 1) if received < date(2200, 12, 31) else received
    assert period_end(later, months) >= end


def test_an_examples_dates_count_from_today():
    assert dated_example({"a": ["@-3", "@+70", "@x", "x"]}, date(2027, 1, 1)) == {
        "a": ["2026-12-29", "2027-03-12", "@x", "x"]}


# ---------------------------------------------------------------- the rules of each setting

def test_great_britain_by_default():
    assert GB.jurisdiction == "GB" and GB.statutory
    assert (GB.per_12_months, GB.decision_months, GB.qualifying_weeks) == (2, 2, 0)
    assert GB.consult_before_refusal and len(GB.grounds) == 8
    assert "Employment Rights Act 1996" in GB.law.citation


def test_northern_ireland():
    # No overall period: each step is timed (meeting within 28 days, decision within 14 days of it).
    assert NI.statutory and (NI.per_12_months, NI.decision_months, NI.qualifying_weeks) == (1, None, 26)
    assert (NI.law.steps.meeting, NI.law.steps.decision, NI.law.steps.appeal) == (28, 14, 14)
    assert NI.law.explain_effect and not GB.law.explain_effect
    assert "Northern Ireland" in NI.law.citation and len(NI.grounds) == 8


def test_policy_only_uses_the_organisations_own_rules():
    assert not POLICY.statutory and POLICY.law is None
    assert (POLICY.per_12_months, POLICY.decision_months) == (3, 1)
    assert [w for _, w in POLICY.grounds] == ["the needs of the service"]
    bare = rules.for_org(org.merge({"policy": {"requests": {"jurisdiction": "policy"}}}))
    assert bare.per_12_months is None and bare.decision_months is None and len(bare.grounds) == 8


def test_a_policy_may_be_more_generous_than_the_law_never_less():
    better = rules.for_org(org.merge({"policy": {"requests": {"per_12_months": 4, "decision_within_months": 1}}}))
    assert (better.per_12_months, better.decision_months) == (4, 1)
    worse = rules.for_org(org.merge({"policy": {"requests": {"per_12_months": 1, "decision_within_months": 6}}}))
    assert (worse.per_12_months, worse.decision_months) == (2, 2)
    ni_day_one = rules.for_org(org.merge({"policy": {"requests": {"jurisdiction": "NI", "from_day_one": True}}}))
    # A formal request from day one under the policy; the law's 26 weeks still decide when it is a statutory one.
    assert ni_day_one.from_day_one and ni_day_one.qualifying_weeks == 0 and ni_day_one.law.qualifying_weeks == 26


def test_the_pages_get_the_rules_in_force():
    merged = org.merge({"policy": {"requests": {"jurisdiction": "NI"}}})
    assert merged["request_rules"]["per_12_months"] == 1
    assert merged["request_rules"]["decision_within_months"] is None
    assert merged["request_rules"]["steps"]["meeting"] == 28
    assert merged["request_rules"]["grounds"][0] == "the burden of additional costs"


# ---------------------------------------------------------------- where a request stands

def request(**changes):
    values = {"request": {"employee": "Sam", "made": "2027-01-31", "hours_asked": "30", "start_date": "2027-06-01",
                          **changes.pop("request", {})}, "previous": changes.pop("previous", [])}
    e = Errors()
    req = read_request(values, e, date(2027, 2, 1), by="employee")
    assert not e.list, e.list
    return req


def test_a_first_request_is_statutory_and_due_within_two_months():
    st_ = standing(request(), GB)
    assert st_.statutory and st_.formal and not st_.notes
    assert st_.decide_by == date(2027, 3, 30)


def test_a_third_request_in_twelve_months_is_told_with_the_rule_and_the_date():
    st_ = standing(request(previous=[{"made": "2026-03-01", "state": "decided"},
                                     {"made": "2026-09-01", "state": "withdrawn"}]), GB)
    assert not st_.statutory and not st_.formal
    assert st_.statutory_from == date(2027, 3, 1)
    field, message = st_.notes[0]
    assert field == "previous.1.made"
    assert "request number 3 in 12 months" in message and "two requests" in message and "1 March 2027" in message


def test_a_request_older_than_twelve_months_does_not_count():
    assert standing(request(previous=[{"made": "2026-01-31", "state": "decided"},
                                      {"made": "2026-09-01", "state": "decided"}]), GB).statutory


def test_northern_ireland_allows_one_a_year_after_26_weeks():
    st_ = standing(request(previous=[{"made": "2026-06-01", "state": "decided"}]), NI)
    assert not st_.formal and "one request" in st_.notes[0][1]
    new = standing(request(request={"employed_since": "2026-10-01"}), NI)
    assert not new.formal and new.statutory_from == date(2027, 4, 1)  # 26 weeks from 1 October: 182 days
    assert new.notes[0][0] == "request.employed_since" and "26 weeks" in new.notes[0][1]
    assert standing(request(request={"employed_since": "2026-10-01"}), GB).statutory  # from day one in GB


def test_one_request_at_a_time():
    st_ = standing(request(previous=[{"made": "2026-12-01", "state": "open"}]), GB)
    assert not st_.formal and st_.notes[0][0] == "previous.0.state" and "one request" in st_.notes[0][1]


def test_a_start_before_the_decision_can_be_made_is_said_not_refused():
    st_ = standing(request(request={"start_date": "2027-02-15"}), GB)
    assert st_.statutory
    assert st_.notes == (("request.start_date", st_.notes[0][1]),) and "30 March 2027" in st_.notes[0][1]


@pytest.mark.parametrize("changes, field, words", [
    ({"request": {"start_date": "2027-01-01"}}, "request.start_date", "cannot start before"),
    ({"request": {"hours_asked": ""}}, "request.change_words", "Say what change"),
    ({"request": {"start_time": "09:00"}}, "request.finish_time", "both a start and a finish"),
    ({"request": {"start_time": "17:00", "finish_time": "09:00"}}, "request.finish_time", "later than"),
    ({"request": {"employed_since": "2027-03-01"}}, "request.employed_since", "after the date of the request"),
    ({"request": {"week": {"mon": "moon"}}}, "request.week.mon", "options for where and whether you work"),
    ({"previous": [{"made": "2027-02-15", "state": "decided"}]}, "previous.0.made", "after this request"),
    ({"previous": [{"made": "", "state": "decided"}]}, "previous.0.made", "Earlier request 1"),
])
def test_bad_answers_are_named_beside_their_field(changes, field, words):
    values = {"request": {"employee": "Sam", "made": "2027-01-31", "hours_asked": "30", "start_date": "2027-06-01",
                          **changes.get("request", {})}, "previous": changes.get("previous", [])}
    e = Errors()
    read_request(values, e, date(2027, 2, 1), by="employee")
    assert [x.field for x in e.list] == [field], e.list
    assert words in e.list[0].message
