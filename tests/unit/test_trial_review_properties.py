"""Properties of the trial review over generated forms: validate, compute and render never raise, whatever they are
given; every problem names a field; a measure is met exactly when its actual is at least as good as its target."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import bridge, org, trial_review
from toolkit.trial_review.model import Trial

ORG = org.merge({})
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

junk = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
                 st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=5), st.text(max_size=5),
                                                                            max_size=3))
dates = st.one_of(st.sampled_from(["", "2026-08-03", "2026-10-23", "2026-11-30", "2027-01-31", "1/12/2026",
                                   "2026-02-30", "tomorrow", "0001-01-01", "9999-12-31"]), junk)
figures = st.one_of(st.sampled_from(["", "0", "95", "-3", "7,5", "1,200", "1e999", "nan", "95 invoices", "10" * 12]),
                    junk)
words = st.one_of(st.sampled_from(["", "Alex", "<img src=x onerror=alert(1)>", "x" * 2001, "a\n\nb|*c*"]), junk)
choices = st.sampled_from(["", "adjust", "confirm", "extend", "end", "sanction", None])


@st.composite
def measure_rows(draw):
    return {"name": draw(st.one_of(st.sampled_from(["Invoices", "Replies", ""]), words)),
            "kind": draw(st.sampled_from(["outputs", "response_time", "well_being", "other", "nope", ""])),
            "unit": draw(words), "baseline": draw(figures), "target": draw(figures), "actual": draw(figures),
            "better": draw(st.sampled_from(["higher", "lower", "", "up"]))}


@st.composite
def forms(draw):
    return {
        "people": draw(st.one_of(st.fixed_dictionaries({"employee": words, "manager": words}), junk)),
        "trial": draw(st.one_of(st.fixed_dictionaries({"pattern": words, "success": words, "start": dates,
                                                       "end": dates, "decide_by": dates}), junk)),
        "reviews": draw(st.one_of(st.lists(st.fixed_dictionaries({"date": dates, "notes": words}), max_size=14),
                                  junk)),
        "measures": draw(st.one_of(st.lists(measure_rows(), max_size=9), junk)),
        "notes": draw(st.one_of(st.fixed_dictionaries({"employee": words, "manager": words}), junk)),
        "outcome": draw(st.one_of(st.fixed_dictionaries({
            "choice": choices, "decided": dates, "changes": words, "next_review": dates, "new_end": dates,
            "basis": st.sampled_from(["", "measures", "work", "mood"]), "reason": words, "from": dates}), junk)),
    }


@st.composite
def sound_forms(draw):
    """Forms that mostly pass validation, so compute and render are reached often."""
    day = st.sampled_from(["2026-08-03", "2026-09-25", "2026-10-23", "2026-11-30", "2027-01-22"])
    number = st.integers(min_value=-50, max_value=500).map(str)
    n = draw(st.integers(min_value=1, max_value=8))
    return {
        "people": {"employee": "Alex", "manager": "Priya"},
        "trial": {"pattern": "Home on Mondays.", "start": "2026-08-03", "end": draw(st.sampled_from(
            ["2026-10-23", "2026-12-18"])), "decide_by": draw(st.one_of(st.just(""), day))},
        "reviews": [{"date": draw(day), "notes": ""} for _ in range(draw(st.integers(min_value=0, max_value=4)))],
        "measures": [{"name": f"M{i}", "kind": "other", "unit": "", "baseline": draw(number),
                      "target": draw(number), "actual": draw(st.one_of(st.just(""), number)),
                      "better": draw(st.sampled_from(["higher", "lower"]))} for i in range(n)],
        "outcome": {"choice": draw(choices), "decided": draw(day), "next_review": draw(st.one_of(st.just(""), day)),
                    "new_end": draw(st.one_of(st.just(""), day)), "basis": draw(st.sampled_from(["measures", "work"])),
                    "reason": "The work.", "from": ""},
    }


@SETTINGS
@given(st.one_of(forms(), sound_forms(), junk))
def test_any_form_gets_a_result_or_field_errors_and_never_a_crash(values):
    trial = trial_review.validate(values, ORG, today=date(2026, 11, 30))
    if not isinstance(trial, Trial):
        assert trial and all(isinstance(e.field, str) and e.message for e in trial)
        return
    result = trial_review.compute(trial)
    out = trial_review.render(result, values if isinstance(values, dict) else {})
    assert out.html and out.markdown and out.document
    json.dumps(out.record, allow_nan=False)
    for _, _, make in out.pages:
        assert make().startswith("<!doctype html>")
    # No letter, and no letter to download, until an outcome is chosen; a date on or before the review is never
    # "planned"; a decision date the letter extends is shown extended, with the new date due.
    assert (result.letter is None) == (trial.outcome == "") == (not out.pages)
    assert all(ev.state != "planned" for ev in result.events if ev.day <= trial.decided), result.events
    if result.extended_to:
        assert result.letter and "we agree to extend" in result.letter.markdown()
        assert any(ev.day == result.extended_to and ev.state == "due" for ev in result.events)
    for r in result.readings:
        m = r.measure
        if m.actual is None:
            assert r.state == "unmeasured"
        else:
            good = m.actual >= m.target if m.better == "higher" else m.actual <= m.target
            assert (r.state == "met") == good


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(forms(), sound_forms()))
def test_the_bridge_answers_any_form_with_json_the_page_can_read(values):
    answer = json.loads(bridge.handle(json.dumps({"tool": "trial_review", "values": values})),
                        parse_constant=lambda name: (_ for _ in ()).throw(AssertionError(name)))
    assert "failure" not in answer, answer.get("detail")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.recursive(junk, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                  st.dictionaries(st.sampled_from(
                                                      ["employee", "manager", "pattern", "start", "end", "reviews",
                                                       "decide_by", "success", "measures", "name", "baseline",
                                                       "target"]), inner, max_size=10)), max_leaves=20))
def test_any_decision_record_trial_fills_the_form_or_says_why(trial):
    text = json.dumps({"format": "toolkit-record", "version": 1, "tool": "decision_record", "values": {},
                       "result": {"trial": trial}})
    answer = json.loads(bridge.handle(json.dumps({"tool": "trial_review", "action": "import", "text": text})))
    assert "failure" not in answer, answer.get("detail")
    if answer["ok"]:
        assert isinstance(trial_review.validate(answer["values"], ORG), (Trial, list))
