"""The law as data: the law files (every rule sourced and dated, refused when it cannot be trusted), a table of
hand-worked cases per jurisdiction with the source that decides each, and the fifteen points of issue 21, each
with the text that was wrong before."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from sitebuild import org_schema
from toolkit import decision_record, org, request
from toolkit.flexible_working import rules, rules_page

LAW = Path(rules.__file__).parent / "law"
GB = org.merge({})
NI = org.merge({"policy": {"requests": {"jurisdiction": "NI"}}})


# ---------------------------------------------------------------- the law files

def test_every_rule_in_every_law_file_has_its_value_citation_link_and_date():
    assert rules.all_problems() == []
    for code in ("GB", "NI"):
        lw = rules.law(code)
        assert set(rules.REQUIRED) <= set(lw.rules)
        for r in lw.rules.values():
            assert r.citation and r.link.startswith("https://") and r.verified == date(2026, 12, 5), r.key


def broken(old: str, new: str) -> list[str]:
    text = (LAW / "gb.toml").read_text(encoding="utf-8")
    assert old in text
    return rules.law_problems(text.replace(old, new, 1), "law/gb.toml", today=date(2026, 12, 5))


@pytest.mark.parametrize("old, new, key, words", [
    ('citation = "Employment Rights Act 1996, s.80F(4)(b), (4A) and (4B)"\n', "", "rules.one_at_a_time.citation",
     'write citation = "…"'),
    ("[rules.one_at_a_time]", "[rules.one_at_once]", "rules.one_at_once", "there is no rule called"),
    ("value = 2\nsays = \"The employer must notify", "value = \"two\"\nsays = \"The employer must notify",
     "rules.decision_period_months.value", "cannot be counted"),
    ('value = "beginning_with"', 'value = "from"', "rules.period_counting.value", "cannot be counted"),
    ("value = 2\nsays = \"The employer must notify", "value = 0\nsays = \"The employer must notify",
     "rules.decision_period_months", "no date could be counted"),
    ("verified = 2026-12-05\n\n[rules.qualifying_weeks]", "verified = \"yesterday\"\n\n[rules.qualifying_weeks]",
     "rules.eligibility.verified", "YYYY-MM-DD"),
    ("verified = 2026-12-05\n\n[rules.qualifying_weeks]", "verified = 2027-01-01\n\n[rules.qualifying_weeks]",
     "rules.eligibility.verified", "in the future"),
])
def test_a_law_file_that_cannot_be_trusted_is_refused_with_the_file_the_key_and_what_to_write(old, new, key, words):
    found = broken(old, new)
    assert any(p.startswith(f"law/gb.toml: {key}") and words in p for p in found), found


def test_the_build_runs_the_law_file_check_through_the_settings_check(monkeypatch, tmp_path):
    bad = tmp_path / "law"
    bad.mkdir()
    (bad / "gb.toml").write_text((LAW / "gb.toml").read_text("utf-8").replace("[rules.grounds]", "[rules.groundz]"),
                                 "utf-8")
    (bad / "ni.toml").write_text((LAW / "ni.toml").read_text("utf-8"), "utf-8")
    monkeypatch.setattr(rules, "LAW_DIR", bad)
    found = org_schema.problems({"name": "Example"})
    assert any(p.key == "policy.requests.jurisdiction" and "gb.toml: rules.groundz" in p.message for p in found)


@pytest.mark.parametrize("settings, key", [
    ({"jurisdiction": "GB", "per_12_months": 1}, "policy.requests.per_12_months"),
    ({"jurisdiction": "GB", "decision_within_months": 3}, "policy.requests.decision_within_months"),
    ({"jurisdiction": "GB", "from_day_one": False}, "policy.requests.from_day_one"),
    ({"jurisdiction": "NI", "appeal": False}, "policy.requests.appeal"),  # the appeal is NI's law (point 2)
    ({"jurisdiction": "NI", "era_2025_reasonable_refusal": True}, "policy.requests.era_2025_reasonable_refusal"),
])
def test_a_setting_less_generous_than_the_law_stops_the_build(settings, key):
    assert key in [p.key for p in org_schema.problems({"policy": {"requests": settings}})]


# ---------------------------------------------------------------- hand-worked cases, with their sources

@dataclass(frozen=True)
class Case:
    where: str  # GB or NI
    what: str
    made: str  # the date written on the request
    received: str  # the day it was received (reg. 5: by post, the day it would arrive in the ordinary course)
    since: str = ""  # employed since
    earlier: tuple[tuple[str, str], ...] = ()  # (date, state)
    decision: dict = field(default_factory=dict)
    appeal: dict = field(default_factory=dict)
    formal: bool = True
    statutory: bool = True
    due: dict = field(default_factory=dict)  # event words -> date
    source: str = ""


CASES = [
    Case("GB", "mid-month", "2027-01-15", "2027-01-15", due={"decision due, appeal included": "2027-03-14"},
         source="ERA 1996 s.80G(1B)(a): two months beginning with the day: ends the day before 15 March"),
    Case("GB", "month end", "2027-01-31", "2027-01-31", due={"decision due, appeal included": "2027-03-30"},
         source="s.80G(1B)(a): the day before 31 March"),
    Case("GB", "into a leap February", "2027-12-30", "2027-12-30", due={"decision due, appeal included": "2028-02-29"},
         source="s.80G(1B)(a): no 30 February 2028, so the month's last day"),
    Case("GB", "received on 29 February", "2028-02-29", "2028-02-29", due={"decision due, appeal included": "2028-04-28"},
         source="s.80G(1B)(a): the day before 29 April"),
    Case("GB", "by post", "2027-01-08", "2027-01-11", due={"decision due, appeal included": "2027-03-10"},
         source="Flexible Working Regulations 2014 reg. 5(2)(b): posted Friday 8 January, delivered in the ordinary "
                "course on Monday 11 January; the period begins with 11 January"),
    Case("GB", "an agreed extension", "2027-01-15", "2027-01-15",
         decision={"extended_to": "2027-04-30", "extension_agreed_on": "2027-03-01"},
         due={"decision due (extended)": "2027-04-30"}, source="s.80G(1B)(b) and (1C)(a): agreed before it ends"),
    Case("GB", "two missed meetings", "2027-01-15", "2027-01-15",
         decision={"missed": "2", "outcome": "treated_withdrawn", "decided_on": "2027-02-20"}, due={},
         source="s.80G(1D): two meetings missed without good reason"),
    Case("GB", "a third request in 12 months", "2027-01-10", "2027-01-10",
         earlier=(("2026-03-01", "decided"), ("2026-09-01", "decided")), formal=False, statutory=False,
         source="s.80F(4)(a): no more than two in any 12 months"),
    Case("GB", "an earlier request still proceeding", "2027-01-10", "2027-01-10",
         earlier=(("2026-12-01", "open"),), formal=False, statutory=False, source="s.80F(4)(b), (4A)"),
    Case("GB", "first week in the job", "2027-01-10", "2027-01-10", since="2027-01-04",
         due={"decision due, appeal included": "2027-03-09"},
         source="Flexible Working Regulations 2014 reg. 3 revoked: a day-one right"),
    Case("NI", "meeting due", "2027-03-01", "2027-03-01", decision={"meeting": ""},
         due={"meeting due by": "2027-03-29"},
         source="FW (Procedural Requirements) Regs (NI) 2003 reg. 3: within 28 days after the day it is made"),
    Case("NI", "meeting due in a leap February", "2028-02-01", "2028-02-01", decision={"meeting": ""},
         due={"meeting due by": "2028-02-29"}, source="2003 Regs reg. 3: 28 days after 1 February 2028"),
    Case("NI", "decision after the meeting", "2027-03-01", "2027-03-01", decision={"meeting": "2027-03-20"},
         due={"decision due": "2027-04-03"}, source="2003 Regs reg. 4: within 14 days after the meeting"),
    Case("NI", "the appeal's first step", "2027-03-01", "2027-03-01",
         decision={"meeting": "2027-03-20", "outcome": "refuse", "decided_on": "2027-04-02", "grounds": ["costs"],
                   "explanation": "x"},
         due={"last day to appeal": "2027-04-16"},
         source="Art. 112G(2)(d); 2003 Regs reg. 6: within 14 days after notice of the decision is given"),
    Case("NI", "the appeal meeting", "2027-03-01", "2027-03-01",
         decision={"meeting": "2027-03-20", "outcome": "refuse", "decided_on": "2027-04-02", "grounds": ["costs"],
                   "explanation": "x"}, appeal={"received": "2027-04-10", "by": "Jo"},
         due={"appeal meeting due by": "2027-04-24"}, source="2003 Regs reg. 8: within 14 days after the appeal"),
    Case("NI", "the appeal decision", "2027-03-01", "2027-03-01",
         decision={"meeting": "2027-03-20", "outcome": "refuse", "decided_on": "2027-04-02", "grounds": ["costs"],
                   "explanation": "x"}, appeal={"received": "2027-04-10", "by": "Jo", "meeting": "2027-04-22"},
         due={"appeal decision due by": "2027-05-06"}, source="2003 Regs reg. 9: within 14 days after the meeting"),
    Case("NI", "under 26 weeks' service", "2027-03-01", "2027-03-01", since="2026-10-01", formal=False,
         statutory=False, source="Art. 112F(8)(a)(i); FW Regs (NI) 2015: 26 weeks from 1 October 2026 is 1 April 2027"),
    Case("NI", "a second request within 12 months", "2027-03-01", "2027-03-01", earlier=(("2026-06-01", "decided"),),
         formal=False, statutory=False, source="Art. 112F(4): twelve months beginning with 1 June 2026"),
]


def case_values(c: Case) -> dict:
    v = {"request": {"employee": "Sam", "manager": "Priya", "made": c.made, "hours_asked": "30",
                     "start_date": "2027-12-01" if c.made < "2027-12-01" else "2028-06-01",
                     "employed_since": c.since},
         "previous": [{"made": d, "state": s} for d, s in c.earlier],
         "decision": {"received": c.received, **c.decision}}
    if c.where == "NI":
        v["request"]["how_it_works"] = "Cover by the team."
    if c.appeal:
        v["appeal"] = c.appeal
    return v


@pytest.mark.parametrize("c", CASES, ids=[f"{c.where}: {c.what}" for c in CASES])
def test_hand_worked_cases(c: Case):
    settings = GB if c.where == "GB" else NI
    result = decision_record.compute(decision_record.validate(case_values(c), settings, today=date(2028, 6, 1)))
    st = result.decision.standing
    assert (st.formal, st.statutory) == (c.formal, c.statutory), c.source
    for what, day in c.due.items():
        assert any(ev.what == what and ev.day == date.fromisoformat(day) for ev in result.events), (
            c.source, [(ev.what, ev.day) for ev in result.events])
    if c.decision.get("outcome") == "treated_withdrawn":
        v = case_values(c)
        v["decision"]["missed"] = "1"
        assert "decision.outcome" in {e.field for e in decision_record.validate(v, settings, today=date(2028, 6, 1))}


# ---------------------------------------------------------------- the fifteen points of issue 21

def ni_refusal(settings=NI, **decision):
    v = case_values(CASES[13])
    v["decision"].update(decision)
    return decision_record.compute(decision_record.validate(v, settings, today=date(2027, 4, 3)))


def outcome_html(result) -> str:
    return next(x for x in result.letters if x.key == "outcome-letter").html()


def test_1_ni_refusal_gives_the_last_day_to_appeal_and_the_appeal_steps():
    html = outcome_html(ni_refusal())
    assert "within 14 days after the day this notice is given to you, that is by 16 April 2027" in html
    assert "within 14 days after receiving it" in html and "within 14 days after that meeting" in html
    assert "Article 112G" in html and "Procedural Requirements) Regulations (Northern Ireland) 2003" in html
    assert "as soon as you can" not in html and "decided by" not in html
    assert "including any appeal" not in ni_refusal().letters[0].html()  # the acknowledgement under NI


def test_2_ni_appeal_stays_when_the_settings_say_appeal_false():
    settings = org.merge({"policy": {"requests": {"jurisdiction": "NI", "appeal": False}}})
    assert rules.for_org(settings).appeal
    assert "you have the right to appeal" in outcome_html(ni_refusal(settings))
    assert any(f.name == "appeal.received" for g in decision_record.form(settings).fields
               for f in getattr(g, "fields", ()))


def test_3_the_companion_is_worded_for_the_jurisdiction():
    ni = ni_refusal().letters[0].html()
    assert "one companion to the meeting, who must be a worker employed by us" in ni
    assert "trade union representative" not in ni
    gb = decision_record.compute(decision_record.validate(case_values(CASES[0]), GB, today=date(2027, 2, 1)))
    assert "(the Acas Code of Practice recommends this; it is not a legal right)" in gb.letters[0].html()


def test_4_extension_is_by_agreement_and_writing_is_advice_in_great_britain():
    v = case_values(CASES[0])
    v["decision"].update({"outcome": "accept", "decided_on": "2027-03-20", "start": "2027-04-01"})
    r = decision_record.compute(decision_record.validate(v, GB, today=date(2027, 3, 21)))
    words = dict(r.warnings)["decision.decided_on"]
    assert "Agree an extension in writing" not in words
    assert "within three months after it ended" in words and "good practice" in words


def test_5_northern_ireland_has_no_overall_period():
    ni = rules.for_org(NI)
    assert ni.decision_months is None and ni.steps.meeting == 28
    assert "NI 3" not in Path("org.yml").read_text("utf-8")
    with_aim = rules.for_org(org.merge({"policy": {"requests": {"jurisdiction": "NI", "decision_within_months": 3}}}))
    assert with_aim.decision_months is None and with_aim.aim_months == 3 and with_aim.steps is not None


def test_6_gb_written_reasons_are_good_practice_and_ni_requires_them():
    gb, ni = rules.law("GB"), rules.law("NI")
    assert "does not require written reasons" in gb.rules["decision_notice"].says
    assert ni.value("decision_notice") == "written_grounds_explained"


def test_7_dismissal_and_re_engagement_is_dated_and_not_said_to_be_unlawful():
    text = Path("docs/organisations/changing-arrangements.md").read_text("utf-8")
    assert "which must be followed" not in text
    assert "not in itself unlawful" in text and "not in force when this page was last checked" in text


def test_8_policy_is_only_for_outside_gb_and_ni_and_a_gb_letter_says_statutory():
    text = Path("docs/organisations/request-rules.md").read_text("utf-8")
    assert "or to run a scheme that goes beyond the statutory one" not in text
    assert "only for an organisation outside Great Britain and Northern Ireland" in text
    generous = org.merge({"policy": {"requests": {"per_12_months": 3}}})
    v = {"request": {"employee": "Sam", "made": "2027-01-10", "hours_asked": "30", "start_date": "2027-06-01"},
         "previous": [{"made": "2026-12-01", "state": "decided"}]}
    made = request.render(request.compute(request.validate(v, generous, today=date(2027, 1, 10))), v)
    assert "I am making a statutory request for flexible working under section 80F" in made.html
    v["previous"].append({"made": "2026-06-01", "state": "decided"})  # a third: formal under policy, not statutory
    third = request.compute(request.validate(v, generous, today=date(2027, 1, 10)))
    assert third.asked.standing.formal and not third.asked.standing.statutory


def test_9_the_employee_letter_counts_from_receipt_not_from_its_own_date():
    v = {"request": {"employee": "Sam", "made": "2027-01-10", "hours_asked": "30", "start_date": "2027-06-01"},
         "previous": []}
    letter = request.compute(request.validate(v, GB, today=date(2027, 1, 10))).letter.html()
    assert "9 March 2027" not in letter
    assert "within two months beginning with the day you receive it" in letter and "ordinary course of post" in letter
    glossary = Path("docs/glossary.md").read_text("utf-8")
    assert "two months from" not in glossary and "two months beginning with" in glossary


def test_10_the_right_belongs_to_employees():
    assert "not workers" in rules.law("GB").rules["eligibility"].says.replace("Workers who are not employees",
                                                                               "not workers")
    faq = Path("docs/faq.md").read_text("utf-8")
    assert "belongs to employees, not to workers" in faq


def test_11_the_tax_relief_text_is_dated_and_says_what_earlier_years_can_claim():
    text = Path("docs/employees/home-working.md").read_text("utf-8")
    assert "checked 5 December 2026" in text and "For tax years before then" in text


def test_12_the_emission_factors_are_stated_as_they_are():
    text = Path("docs/tools/planner.md").read_text("utf-8")
    assert "could not be verified against the published 2024 table" in text


def test_13_request_rules_live_in_org_yml():
    text = Path("templates/checklists/organisation-launch.toml").read_text("utf-8")
    assert "mkdocs.yml" not in text and "org.yml under policy.requests" in text
    assert "published figures on productivity, morale" not in Path(
        "templates/checklists/employee-request.toml").read_text("utf-8")


def test_14_can_be_unlawful_and_advice_marked_as_advice():
    assert "refusing a change can be unlawful unless" in Path("docs/managers/disability-and-caring.md").read_text("utf-8")
    for page in ("docs/faq.md", "docs/managers/trials-and-reviews.md"):
        assert "A return to the office is not the answer" not in Path(page).read_text("utf-8")


def test_15_ni_proposals_are_said_without_dates():
    for page in ("docs/employees/formal-request.md", "docs/organisations/request-rules.md"):
        text = Path(page).read_text("utf-8")
        assert "Good Jobs" in text and "no date set" in text


# ---------------------------------------------------------------- the Employment Rights Act 2025 setting

def refusal(settings, **decision):
    v = case_values(CASES[0])
    v["decision"].update({"meeting": "2027-02-01", "outcome": "refuse", "decided_on": "2027-02-10",
                          "grounds": ["costs"], "explanation": "The cover would cost more.", **decision})
    return decision_record.validate(v, settings, today=date(2027, 2, 11))


def test_the_reasonable_refusal_is_good_practice_until_the_setting_says_it_has_commenced():
    assert not isinstance(refusal(GB), list)  # asked, not required
    made = decision_record.compute(refusal(GB, reasonable="Cover cannot be found at any cost we can carry."))
    assert "Why refusing is reasonable" in outcome_html(made)
    commenced = org.merge({"policy": {"requests": {"era_2025_reasonable_refusal": True}}})
    assert "decision.reasonable" in {e.field for e in refusal(commenced)}
    assert rules.law("GB").rules["reasonable_refusal"].status == "not in force"


# ---------------------------------------------------------------- the rules page and "Rules as of"

def test_the_rules_page_lists_every_rule_with_its_citation_and_date():
    for settings, code in ((GB, "GB"), (NI, "NI")):
        page = rules_page.page_markdown(settings)
        for r in rules.law(code).rules.values():
            assert r.link in page
        assert page.count("5 December 2026") >= len(rules.law(code).rules)


def test_every_managers_letter_carries_rules_as_of():
    result = ni_refusal()
    assert result.letters and all("Rules as of 5 December 2026" in x.html() for x in result.letters)
    assert all("Rules as of 5 December 2026" in x.page() for x in result.letters)
