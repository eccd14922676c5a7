"""The where & when planner: hand-worked weeks, shares and savings, plain messages for bad input, safe output."""

from __future__ import annotations

import json
import re

import pytest

from toolkit import bridge, forms, org, records, planner
from toolkit.planner.model import DAYS, Plan

ORG = org.merge({})
XSS = "<img src=x onerror=alert(1)>"


def act(name="Casework", hours="8", where="anywhere", why="", when="any", day="", start="", end="",
        focus="medium", detail=""):
    return {"name": name, "hours": hours, "where": where, "why": why, "detail": detail, "when": when,
            "day": day, "start": start, "end": end, "focus": focus}


def form_values(activities, commitments=(), home=True, commute=None, team=None, **role):
    return {
        "role": {"hours": "37.5", "days": "5", "start": "09:00", "finish": "17:00", **role},
        "activities": list(activities),
        "home": {"space": home, "connection": home, "equipment": home},
        "commitments": list(commitments) or {},  # the runtime sends an empty repeat as {}
        "commute": commute or {"minutes": "", "km": "", "mode": "car", "cost": ""},
        "team": team or {"anchor_days": ["Tuesday"], "core_start": "10:00", "core_end": "15:00", "min_days": "1"},
    }


def plan_of(values, org_=ORG) -> Plan:
    plan = planner.validate(values, org_)
    assert isinstance(plan, Plan), plan
    return plan


def result_of(values):
    return planner.compute(plan_of(values))


def day(result, name):
    return next(d for d in result.week.days if DAYS[d.day] == name)


def hours_on(d):
    return d.minutes / 60


def errors_of(values):
    errors = planner.validate(values, ORG)
    assert isinstance(errors, list), "expected field errors"
    return {e.field: e.message for e in errors}


# ---------------------------------------------------------------- hand-worked weeks

def test_eight_place_bound_hours_make_one_day_together_on_the_anchor_day():
    result = result_of(form_values([act("Client visits", "8", where="base", why="contact", detail="clients"),
                                    act("Casework", "29.5")]))
    together = [DAYS[d.day] for d in result.week.days if d.place == "site"]
    home = [DAYS[d.day] for d in result.week.days if d.place == "home"]
    assert together == ["Tuesday"]
    assert home == ["Monday", "Wednesday", "Thursday", "Friday"]
    assert hours_on(day(result, "Tuesday")) == 8  # the usual day, 09:00 to 17:00, holds all eight
    assert [s.activity.name for s in day(result, "Tuesday").slots] == ["Client visits"]
    assert result.week.unplaced == ()


def test_more_place_bound_work_than_a_day_holds_takes_a_second_day_together():
    result = result_of(form_values([act("Lab work", "12", where="site", why="equipment"), act("Writing", "25.5")]))
    assert [d.day for d in result.week.days if d.place == "site"] == [0, 1]  # Tuesday, then the freest day
    assert sum(s.minutes for d in result.week.days for s in d.slots if s.activity.name == "Lab work") == 12 * 60


def test_the_minimum_days_together_is_kept_even_without_place_bound_work():
    team = {"anchor_days": ["Wednesday", "Thursday"], "core_start": "", "core_end": "", "min_days": "2"}
    result = result_of(form_values([act("Writing", "37.5")], team=team))
    assert [DAYS[d.day] for d in result.week.days if d.place == "site"] == ["Wednesday", "Thursday"]


def test_set_time_work_lands_on_its_day_in_its_slot():
    result = result_of(form_values([
        act("Board meeting", "2", when="set", day="Thursday", start="14:00", end="16:00"),
        act("Site inspection", "3", where="site", why="equipment", when="set", day="Friday", start="09:00",
            end="12:00"),
        act("Writing", "32.5"),
    ]))
    thursday, friday = day(result, "Thursday"), day(result, "Friday")
    board = next(s for s in thursday.slots if s.activity.name == "Board meeting")
    assert (board.start, board.end, board.minutes) == (14 * 60, 16 * 60, 120)
    assert thursday.place == "home"  # place-flexible set-time work does not need the base
    assert friday.place == "site"  # place-bound set-time work makes its day a day together
    assert all((14 * 60, 16 * 60) != w for w in thursday.windows)
    assert thursday.windows == ((9 * 60, 14 * 60), (16 * 60, 17 * 60))


def test_fixed_commitments_are_kept_out_of_the_flexible_window_and_shorten_the_day():
    result = result_of(form_values([act("Writing", "35")],
                                   commitments=[{"day": "Monday", "start": "15:00", "end": "17:00", "what": "Care"}]))
    monday = day(result, "Monday")
    assert monday.windows == ((9 * 60, 15 * 60),)
    assert monday.limit == 6 * 60 and monday.minutes <= 6 * 60
    assert result.week.placed() == 35 * 60


def test_set_days_choose_the_working_days_and_a_set_day_beyond_them_is_reported():
    values = form_values([act("Monday call", "2", when="set", day="Monday", start="10:00", end="12:00"),
                          act("Friday call", "1", when="set", day="Friday", start="10:00", end="11:00"),
                          act("Writing", "4")], hours="7", days="1")
    result = result_of(values)
    assert [d.day for d in result.week.working()] == [0]  # the day with the most set-time work
    (left,) = result.week.unplaced
    assert left.activity.name == "Friday call"
    assert left.reason == "it is set on Friday, which is not one of your 1 working days in this plan"
    html = planner.render(result, values).html
    assert ("The anchor day Tuesday is not one of your working days in this plan (Monday), so you would not be "
            "together with your team that day. Set-time work needs the days you have." in html)


def test_an_anchor_day_left_at_home_is_named():
    team = {"anchor_days": ["Tuesday"], "core_start": "", "core_end": "", "min_days": "0"}
    values = form_values([act("Writing", "37.5")], team=team)
    result = result_of(values)
    assert {d.place for d in result.week.working()} == {"home"}
    assert ("Tuesday (anchor day) is a home day in this plan, because none of your work needs the base"
            in planner.render(result, values).html)


def example_with_anchor_days(*names, **role):
    values = planner.example()
    values["role"] = {**values["role"], **role}
    values["team"] = {"anchor_days": list(names), "core_start": "10:00", "core_end": "15:00", "min_days": "1"}
    return values


def test_an_anchor_day_on_a_day_you_do_not_work_keeps_your_week_and_says_so():
    # The example works five days with a school pick-up on Wednesday; the team's only anchor day is a Saturday.
    values = example_with_anchor_days("Saturday")
    result = result_of(values)
    assert [DAYS[d.day] for d in result.week.working()] == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    wednesday = day(result, "Wednesday")
    assert [c.what for c in wednesday.commitments] == ["School pick-up"]
    assert wednesday.limit == 7 * 60 and (15 * 60, 16 * 60) not in wednesday.windows
    assert not day(result, "Saturday").working and day(result, "Saturday").minutes == 0
    assert [DAYS[d.day] for d in result.week.days if d.place == "site"] == ["Tuesday"]  # the team meeting's day
    rendered = planner.render(result, values)
    assert "Not a working day in this plan" not in rendered.html
    assert "Saturday (anchor day) is a home day" not in rendered.html
    said = ("The anchor day Saturday is not one of your working days in this plan (Monday to Friday), so you would "
            "not be together with your team that day. Talk to your team about it: they may be able to move the "
            "anchor day, or agree how you keep in touch that day.")
    assert said in rendered.html  # in the result, and beside the anchor days:
    assert rendered.notes == (("team.anchor_days", said),)


def test_without_anchor_days_off_your_week_there_is_nothing_to_check():
    rendered = planner.render(result_of(example_with_anchor_days("Tuesday")), example_with_anchor_days("Tuesday"))
    assert rendered.notes == ()


def test_an_anchor_day_you_work_outside_monday_to_friday_is_a_day_together():
    # Tuesday to Saturday: a check-in call at 09:00 on each of those days says which days are worked.
    opening = [act(f"Check-in call ({d})", "0.5", when="set", day=d, start="09:00", end="09:30")
               for d in ("Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")]
    team = {"anchor_days": ["Saturday"], "core_start": "", "core_end": "", "min_days": "1"}
    values = form_values([*opening, act("Stock checks", "6", where="site", why="equipment"),
                          act("Cataloguing", "29")], team=team)
    result = result_of(values)
    assert [DAYS[d.day] for d in result.week.working()] == ["Tuesday", "Wednesday", "Thursday", "Friday",
                                                            "Saturday"]
    saturday = day(result, "Saturday")
    assert saturday.place == "site" and saturday.anchor
    assert any(s.activity.name == "Stock checks" for s in saturday.slots)
    rendered = planner.render(result, values)
    assert rendered.notes == () and "not one of your working days" not in rendered.html


def test_six_working_days_reach_a_saturday_anchor_day_and_make_it_the_day_together():
    team = {"anchor_days": ["Saturday"], "core_start": "", "core_end": "", "min_days": "1"}
    values = form_values([act("Visits", "6", where="base", why="contact"), act("Writing", "31.5")], team=team,
                         days="6")
    result = result_of(values)
    assert [DAYS[d.day] for d in result.week.working()] == ["Monday", "Tuesday", "Wednesday", "Thursday",
                                                            "Friday", "Saturday"]
    assert [DAYS[d.day] for d in result.week.days if d.place == "site"] == ["Saturday"]
    assert planner.render(result, values).notes == ()


def test_a_sunday_anchor_day_is_the_weekend_day_of_a_six_day_week():
    team = {"anchor_days": ["Sunday"], "core_start": "", "core_end": "", "min_days": "1"}
    result = result_of(form_values([act("Visits", "6", where="base", why="contact"), act("Writing", "31.5")],
                                   team=team, days="6"))
    assert not day(result, "Saturday").working
    assert day(result, "Sunday").place == "site"


def test_a_home_anchor_day_names_the_day_together_that_the_base_work_fits_on():
    values = example_with_anchor_days("Monday")
    result = result_of(values)
    assert day(result, "Monday").place == "home"
    assert ("Monday (anchor day) is a home day in this plan, because the work that needs the base fits on your "
            "day together, Tuesday." in planner.render(result, values).html)


def test_more_anchor_days_than_working_days_says_so_without_blaming_set_time_work():
    team = {"anchor_days": ["Monday", "Tuesday"], "core_start": "", "core_end": "", "min_days": "1"}
    values = form_values([act("Writing", "7")], team=team, hours="7", days="1")
    result = result_of(values)
    assert [DAYS[d.day] for d in result.week.working()] == ["Monday"]
    html = planner.render(result, values).html
    assert "The anchor day Tuesday is not one of your working days in this plan (Monday)" in html
    assert "Set-time work needs" not in html


def test_a_set_time_that_clashes_with_a_commitment_is_reported_not_moved():
    result = result_of(form_values([act("Call", "1", when="set", day="Monday", start="15:00", end="16:00"),
                                    act("Writing", "30")],
                                   commitments=[{"day": "Monday", "start": "15:30", "end": "17:00", "what": ""}]))
    (left,) = result.week.unplaced
    assert left.activity.name == "Call" and "clashes with a fixed commitment on Monday" in left.reason


def test_a_role_that_cannot_fit_its_days_says_so_plainly():
    values = form_values([act("Casework", "37.5")], days="4")  # four days of 09:00 to 17:00 hold 32 hours
    result = result_of(values)
    assert [hours_on(d) for d in result.week.working()] == [8, 8, 8, 8]
    assert result.week.unplaced_minutes() == 5.5 * 60
    html = planner.render(result, values).html
    assert "does not all fit your days: 5.5 hours are left over" in html
    assert "hold 32 hours, but your activities need 37.5" in html


def test_without_a_place_to_work_at_home_no_home_day_is_suggested():
    values = form_values([act("Writing", "37.5")], home=False)
    result = result_of(values)
    assert {d.place for d in result.week.working()} == {"site"}
    assert result.savings.home_days == 0
    assert "No home day is suggested, because you do not have a quiet space" in planner.render(result, values).html


def test_anchor_days_come_from_the_organisation_when_the_form_has_none():
    values = form_values([act("Visits", "4", where="base", why="contact"), act("Writing", "30")])
    del values["team"]
    result = planner.compute(plan_of(values, org.merge({"policy": {"anchor_days": ["thursday"]}})))
    assert [d.day for d in result.week.days if d.place == "site"] == [3]


# ---------------------------------------------------------------- shares and savings

def test_shares_are_counted_exactly():
    values = form_values([
        act("Writing", "20"),
        act("Help desk", "10", where="base", why="cover", when="core"),
        act("Filing", "4", where="site", why="habit"),
        act("Team meeting", "1.5", where="base", why="contact", when="set", day="Tuesday", start="10:00",
            end="11:30"),
        act("Calls", "2", when="core"),
    ])
    r = result_of(values)
    assert (r.total, r.place_flexible, r.time_flexible, r.both_flexible, r.core_bound, r.habit_bound) == (
        37.5 * 60, 22 * 60, 24 * 60, 20 * 60, 12 * 60, 4 * 60)
    html = planner.render(r, values).html
    assert "Place-flexible: 22 of 37.5 hours (59%)" in html
    assert "Time-flexible: 24 of 37.5 hours (64%)" in html
    assert "If that changed, 69% of your hours could happen anywhere" in html  # (22 + 4) / 37.5
    assert "most of your work could happen away from the base" in html


@pytest.mark.parametrize("anywhere, words", [
    ("30", "most of your work could happen away from the base"),
    ("15", "up to half your week could be away from the base"),
    ("5", "Other forms of flexibility may suit you better: flexitime"),
])
def test_what_the_share_suggests(anywhere, words):
    rest = str(37.5 - float(anywhere))
    values = form_values([act("Anywhere", anywhere), act("At base", rest, where="base", why="security")])
    assert words in planner.render(result_of(values), values).html


def test_commute_savings_a_year():
    values = form_values([act("Visits", "7.5", where="base", why="contact"), act("Writing", "30")],
                         commute={"minutes": "45", "km": "24", "mode": "car", "cost": "4.80"})
    s = result_of(values).savings
    assert s.home_days == 4 and s.trips == 4 * 2 * 46
    assert s.hours == 368 * 45 / 60 == 276
    assert s.cost == pytest.approx(368 * 4.80)
    assert s.km == 368 * 24
    assert s.co2_kg == pytest.approx(8832 * 0.166)
    html = planner.render(result_of(values), values).html
    assert "368 fewer single journeys a year (4 × 2 journeys × 46 working weeks)" in html
    assert "about 276 hours a year back" in html and "about 1,766.40 a year saved" in html
    assert "about 1,466 kg CO2e a year" in html
    assert "greenhouse gas conversion factors for company reporting, 2024 (DESNZ)" in html


def test_a_blank_commute_is_not_counted_as_zero():
    values = form_values([act("Writing", "37.5")])
    html = planner.render(result_of(values), values).html
    assert "enter your minutes each way" in html and "enter your distance each way" in html


def test_fewer_described_hours_than_contracted_are_named():
    values = form_values([act("Writing", "10")])
    html = planner.render(result_of(values), values).html
    assert "cover only 10 of your 37.5 contracted hours: less than half your week" in html
    values = form_values([act("Writing", "30")])
    assert "The other 7.5 hours are not described" in planner.render(result_of(values), values).html


# ---------------------------------------------------------------- bad input, field by field

def with_role(**role):
    return form_values([act()], **role)


def with_act(**fields):
    return form_values([act(**fields)])


@pytest.mark.parametrize("values, field, message", [
    (with_role(hours="-1"), "role.hours", "Contracted hours a week must be more than 0."),
    (with_role(hours="lots"), "role.hours", "Contracted hours a week must be a number, like 7.5."),
    (with_role(hours="169"), "role.hours", "Contracted hours a week must be 168 or less."),
    (with_role(hours=""), "role.hours", "Enter contracted hours a week."),
    (with_role(days="8"), "role.days", "Working days a week must be 7 or less."),
    (with_role(days="4.5"), "role.days", "Working days a week must be a whole number, from 1 to 7."),
    (with_role(start="25:00"), "role.start", "Usual start must be a real time of day, from 00:00 to 24:00."),
    (with_role(finish="08:00"), "role.finish", "Your usual finish must be later than your usual start (09:00)."),
    (with_act(name=""), "activities.0.name", "Activity 1: Enter a name."),
    (with_act(name="x" * 81), "activities.0.name", "Activity 1: A name must be 80 characters or fewer"),
    (with_act(hours="-2"), "activities.0.hours", "Activity 1: Hours a week must be more than 0."),
    (with_act(hours="0"), "activities.0.hours", "Activity 1: Hours a week must be more than 0."),
    (with_act(hours="two"), "activities.0.hours", "Activity 1: Hours a week must be a number"),
    (with_act(hours="200"), "activities.0.hours", "Activity 1: Hours a week must be 168 or less."),
    (with_act(where="moon"), "activities.0.where", "Activity 1: Choose one of the options for where"),
    (with_act(where="base"), "activities.0.why", "Activity 1: Choose why it has to happen there."),
    (with_act(when="set", day="Funday", start="10:00", end="11:00"), "activities.0.day",
     "Activity 1: Choose one of the options for the set day."),
    (with_act(when="set", day="Monday", start="10:00", end="09:00"), "activities.0.end",
     "Activity 1: the set time must end after it starts."),
    (with_act(when="set", day="Monday", start="10:61", end="11:00"), "activities.0.start",
     "Activity 1: Set time from must be a real time of day"),
    (with_act(when="set", day="Monday", start="07:00", end="08:00", hours="1"), "activities.0.start",
     "is outside your usual day (09:00 to 17:00)"),
    (with_act(when="set", day="Monday", start="10:00", end="11:00", hours="2"), "activities.0.hours",
     "2 hours a week do not fit in its set time (10:00 to 11:00)"),
    (with_act(focus=["high"]), "activities.0.focus", "Activity 1: Choose one of the options for concentration"),
    (form_values([act(hours="30"), act(hours="10")]), "activities",
     "Your activities add up to 40 hours a week, more than your 37.5 contracted hours."),
    (form_values([act()] * 41), "activities", "You can list up to 40 activities; there are 41."),
    (form_values([]), "activities", "Add at least one activity."),
    ({**form_values([act()]), "activities": "all of it"}, "activities", "The activities could not be read."),
    ({**form_values([act()]), "activities": [["not", "a", "row"]]}, "activities.0.name",
     "Activity 1: this row could not be read."),
    (form_values([act()], commitments=[{"day": "Monday", "start": "16:00", "end": "15:00", "what": ""}]),
     "commitments.0.end", "Commitment 1: it must end after it starts."),
    (form_values([act()], commitments=[{"day": "Someday", "start": "15:00", "end": "16:00", "what": ""}]),
     "commitments.0.day", "Commitment 1: Choose one of the options for the day."),
    (form_values([act()], commute={"minutes": "-5", "km": "", "mode": "car", "cost": ""}), "commute.minutes",
     "Minutes each way must be 0 or more."),
    (form_values([act()], commute={"minutes": "", "km": "", "mode": "rocket", "cost": ""}), "commute.mode",
     "Choose one of the options for how you usually travel."),
    (form_values([act()], team={"anchor_days": ["Caturday"], "core_start": "10:00", "core_end": "15:00",
                                "min_days": "1"}), "team.anchor_days", "Choose only from the options"),
    (form_values([act()], team={"anchor_days": [], "core_start": "15:00", "core_end": "10:00", "min_days": "1"}),
     "team.core_end", "Core hours must end after they start."),
    (form_values([act()], team={"anchor_days": [], "core_start": "10:00", "core_end": "", "min_days": "1"}),
     "team.core_end", "Enter core hours end."),
    (form_values([act()], team={"anchor_days": [], "core_start": "", "core_end": "", "min_days": "9"}),
     "team.min_days", "Minimum days together a week must be 7 or less."),
    (form_values([act(when="core")], team={"anchor_days": [], "core_start": "", "core_end": "", "min_days": "1"}),
     "activities.0.when", "there are no core hours below"),
])
def test_each_problem_gets_a_plain_message_on_its_field(values, field, message):
    errors = errors_of(values)
    assert field in errors, errors
    assert message in errors[field]


def test_fields_that_matter_only_for_set_times_are_ignored_otherwise():
    assert plan_of(with_act(when="any", day="Funday", start="99", end=["x"]))


@pytest.mark.parametrize("values", [
    {}, {"role": None}, {"role": [1, 2]}, {"activities": None}, {"activities": {"0": "x"}},
    {"activities": [None, 3, "x", {}]}, {"activities": [{"name": {"a": 1}, "hours": [], "where": {}}]},
    {"home": "yes", "commitments": 5, "commute": [], "team": "x"},
    {"team": {"anchor_days": {"a": 1}, "core_start": 9, "core_end": None, "min_days": True}},
    {"role": {"hours": "9" * 100_000, "days": "1" * 5000, "start": "0" * 10_000}},
    {"activities": [{"name": "x" * 1_000_000}]},
    {"activities": {"²": {}}}, {"activities": {"9" * 5000: {}}}, {"commitments": {"1": {"day": []}, "0": 7}},
])
def test_validate_never_raises_on_odd_input(values):
    result = planner.validate(values, ORG)
    assert isinstance(result, list) and all(isinstance(e, forms.FieldError) for e in result)


# ---------------------------------------------------------------- safe output

def test_what_a_person_typed_is_escaped_in_html_and_markdown():
    values = form_values([act(XSS, "10", where="base", why="contact", detail=XSS), act("Writing", "20")],
                         commitments=[{"day": "Monday", "start": "15:00", "end": "16:00", "what": XSS}])
    rendered = planner.render(result_of(values), values)
    assert "<img" not in rendered.html and "&lt;img src=x onerror=alert(1)&gt;" in rendered.html
    assert not re.search(r"(?<!\\)<img", rendered.markdown)
    assert rendered.markdown.count(r"\<img src=x onerror=alert(1)\>") >= 4  # name, detail, week, commitment


def test_the_organisations_term_names_the_plan():
    values = form_values([act("Writing", "37.5")])
    plan = plan_of(values, org.merge({"term": "Agile Working"}))
    rendered = planner.render(planner.compute(plan), values)
    assert rendered.markdown.startswith("# My Agile Working plan")
    assert rendered.record["title"] == "My Agile Working plan: where and when I work"


# ---------------------------------------------------------------- the example, the form and the bridge

def test_the_example_is_data_that_passes_validate_and_computes():
    example = planner.example()
    result = planner.compute(plan_of(example))
    assert result.week.unplaced == () and result.total == 37.5 * 60
    assert [DAYS[d.day] for d in result.week.days if d.place == "site"] == ["Tuesday"]


def test_the_example_only_names_fields_the_form_has():
    form = planner.form(ORG)
    names = set()
    for item in form.fields:
        if isinstance(item, forms.Repeat):
            names |= {f"{item.name}.{f.name}" for f in item.fields}
        else:
            names |= {f.name for f in item.fields}
    example = form.example
    flat = {f"{group}.{key}" for group, inner in example.items() if isinstance(inner, dict) for key in inner}
    flat |= {f"{group}.{key}" for group, rows in example.items() if isinstance(rows, list) for row in rows
             for key in row}
    assert flat <= names, flat - names


def test_the_form_takes_its_defaults_from_the_organisations_policy():
    form = planner.form(org.merge({"policy": {"anchor_days": ["Monday", "Friday"],
                                                 "core_hours": {"start": "09:30", "end": "14:30"},
                                                 "min_days_together": 2}}))
    defaults = {f.name: f.default for item in form.fields if isinstance(item, forms.Group) for f in item.fields}
    assert defaults["team.anchor_days"] == ["Monday", "Friday"]
    assert (defaults["team.core_start"], defaults["team.core_end"], defaults["team.min_days"]) == (
        "09:30", "14:30", "2")
    assert form.draft_key == "planner" and 'data-example=' in forms.render_tool(form)


def call(request):
    return json.loads(bridge.handle(json.dumps(request)))


def test_the_bridge_computes_and_the_downloaded_record_loads_back_into_the_same_values():
    values = planner.example()
    answer = call({"tool": "planner", "values": values, "context": {"term": "Agile Working"}})
    assert answer["ok"] is True and "suggested week" in "".join(answer["parts"]).lower()
    saved = next(d["content"] for d in answer["downloads"] if d["mime"] == "application/json")
    loaded = call({"tool": "planner", "action": "import", "text": saved, "fixed": {}})
    assert loaded == {"ok": True, "values": values}
    again = call({"tool": "planner", "values": loaded["values"], "context": {"term": "Agile Working"}})
    assert "".join(again["parts"]) == "".join(answer["parts"])


def test_a_malformed_plan_is_refused_on_import_or_explained_on_its_fields():
    refused = call({"tool": "planner", "action": "import", "text": "{not json", "fixed": {}})
    assert refused["ok"] is False and refused["errors"][0]["field"] == records.IMPORT
    wrong_tool = json.dumps(records.make("checklist", "T", {}, {}))
    assert "different tool" in call({"tool": "planner", "action": "import", "text": wrong_tool})["errors"][0][
        "message"]
    odd = json.dumps(records.make("planner", "T", {"activities": "everything", "role": {"hours": "x"}}, {}))
    loaded = call({"tool": "planner", "action": "import", "text": odd})
    answer = call({"tool": "planner", "values": loaded["values"]})
    assert answer["ok"] is False
    fields = {e["field"] for e in answer["errors"]}
    assert {"activities", "role.hours"} <= fields
