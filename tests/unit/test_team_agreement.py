"""The team agreement drafter: hand-worked teams for every check, plain messages for bad input, planner files in,
revisions compared, safe output."""

from __future__ import annotations

import json
from datetime import date

import pytest

from toolkit import bridge, org, team_agreement
from toolkit.team_agreement.model import DAY_KEYS, Team
from toolkit.team_agreement.validation import add_months

ORG = org.merge({})
TODAY = date(2026, 11, 30)
XSS = "<img src=x onerror=alert(1)>"
PLACE = {"o": "office", "h": "home", "e": "elsewhere", "-": "off"}


def member(name, week="ooooo--", hours="37.5", start="09:00", finish="17:00", tz="", rotas="", role=""):
    """`week`: seven letters, Monday first: o office, h home, e elsewhere, - not working."""
    return {"name": name, "role": role, "hours": hours, "start": start, "finish": finish, "timezone": tz,
            "rotas": rotas, **{key: PLACE[c] for key, c in zip(DAY_KEYS, week)}}


def team_values(members, rotas=(), meetings=(), anchors=("Tuesday",), min_days="0", core=("", ""), desks="",
                tz="+0", ways=None, review=""):
    return {
        "team": {"name": "Claims", "manager": "", "agreed": "2026-11-30", "review": review,
                 "triggers": ["joins"], "other_triggers": "", "timezone": tz},
        "rules": {"anchor_days": list(anchors), "min_days": min_days, "core_start": core[0], "core_end": core[1],
                  "desks": desks},
        "members": list(members),
        "rotas": list(rotas) or {},
        "meetings": list(meetings) or {},
        "channels": {},
        "ways": ways or {},
    }


def rota(name, days=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"), place="office", people="1"):
    return {"name": name, "days": list(days), "place": place, "people": people}


def team_of(values) -> Team:
    team = team_agreement.validate(values, ORG, today=TODAY)
    assert isinstance(team, Team), team
    return team


def findings(values, check):
    return [f for f in team_agreement.compute(team_of(values)).findings if f.check == check]


def errors_of(values):
    errors = team_agreement.validate(values, ORG, today=TODAY)
    assert isinstance(errors, list), "expected field errors"
    return {e.field: e.message for e in errors}


# ---------------------------------------------------------------- hand-worked teams

def test_a_rota_day_with_no_one_in_the_office_to_cover_it_is_named():
    values = team_values([member("Ana", "ooohh--", rotas="Front desk"), member("Ben", "hhhhh--")],
                         rotas=[rota("Front desk")], anchors=())
    [gap] = findings(values, "cover")
    assert gap.days == ("Thursday", "Friday") and gap.people == ("Ana",)
    assert "on Thursday no one who covers it can: Ana is at home" in gap.text


def test_a_rota_anyone_working_can_cover_has_no_gap_on_home_days():
    values = team_values([member("Ana", "ooohh--", rotas="phones")], rotas=[rota("Phones", place="anywhere")],
                         anchors=())
    assert findings(values, "cover") == []


def test_a_rota_no_one_covers_is_said_once():
    [gap] = findings(team_values([member("Ana")], rotas=[rota("Lab", days=("Monday",))], anchors=()), "cover")
    assert "no member lists it" in gap.text and gap.days == ("Monday",)


def test_no_shared_window_across_time_zones():
    # Kenji in Tokyo (+9) works 09:00-17:00 his time: 00:00-08:00 in London (+0), where Ana works 09:00-17:00.
    values = team_values([member("Ana"), member("Kenji", tz="+9")], anchors=())
    found = findings(values, "window")
    # One finding for the five days alike (issue 22, point 6), saying that no day works.
    assert [f.days for f in found] == [("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")]
    assert "No day of the week has a time when everyone working is available" in found[0].text
    assert "in the team's time, Kenji finishes at 08:00 and Ana starts at 09:00" in found[0].text
    result = team_agreement.compute(team_of(values))
    assert all(day.window is None for day in result.days)


def test_half_and_quarter_hour_zones_give_the_shared_window_to_the_minute():
    # Kathmandu, +5:45: 09:00-17:00 there is 03:15-11:15 in UTC; the team is at UTC+0, Ana 09:00-17:00.
    values = team_values([member("Ana"), member("Sita", tz="+5:45")], anchors=())
    monday = team_agreement.compute(team_of(values)).days[0]
    assert monday.window == (9 * 60, 11 * 60 + 15)


def test_desk_demand_over_the_desks_available():
    values = team_values([member("Ana", "ooooo--"), member("Ben", "hoooh--"), member("Cy", "hohhh--")],
                         desks="2", anchors=())
    [over] = findings(values, "desks")
    assert over.days == ("Tuesday",) and "On Tuesday 3 people are in, 1 more than there are desks" in over.text
    # Where the office day could go: the days with desks free, by how many.
    assert over.suggestion == ("Move 1 office day to Monday (1 free), or Friday (1 free). Or book extra desks for "
                               "those days, or agree who shares.")


def test_desks_over_on_an_anchor_day_are_given_desks_not_sent_home():
    values = team_values([member("Ana", "ooooo--"), member("Ben", "hoooh--"), member("Cy", "hohhh--")],
                         desks="2", anchors=("Tuesday",))
    [over] = findings(values, "desks")
    assert over.suggestion.endswith("Tuesday is an anchor day, for being together: book extra desks or agree who "
                                    "shares that day rather than send people home.")


def test_desks_full_every_day_say_moving_will_not_help():
    values = team_values([member("Ana", "ooooo--"), member("Ben", "ooooo--"), member("Cy", "hohhh--")],
                         desks="2", anchors=())
    [over] = findings(values, "desks")
    assert over.suggestion.startswith("No day the team works has a desk free, so moving office days will not help.")


def test_desks_with_too_little_room_elsewhere_say_how_much_there_is():
    values = team_values([member("Ana", "ooooo--"), member("Ben", "ooooo--"), member("Cy", "ooohh--"),
                          member("Di", "ooohh--")], desks="3", anchors=())
    [over] = findings(values, "desks")
    assert over.suggestion.startswith("Move 3 office days to Thursday (1 free), or Friday (1 free): that makes room "
                                      "for 2 of the 3.")


def test_an_anchor_day_missed_names_who_and_where_and_who_does_not_work_it():
    values = team_values([member("Ana"), member("Ben", "ohooo--"), member("Cy", "o-ooo--", hours="30")])
    [missed] = findings(values, "anchor")
    assert missed.people == ("Ben",) and "Ben (home) is not in the office" in missed.text
    assert "Cy does not work on Tuesdays" in missed.text


def test_the_minimum_days_together_counts_days_in_with_colleagues_against_the_days_a_member_works():
    values = team_values([member("Ana", "oohhh--"), member("Ben", "oohhh--"), member("Cy", "o------", hours="7.5"),
                          member("Di", "hhooh--")], min_days="2", anchors=())
    [short] = findings(values, "minimum")
    # Ana and Ben share Monday and Tuesday; Cy works one day and is in with them on it; Di's days in are her own.
    assert short.people == ("Di",)
    assert "Di is in with colleagues on 0 of 5 working days" in short.text


def test_office_days_that_never_meet_are_not_days_together():
    values = team_values([member("Ana", "oohhh--"), member("Ben", "hhooh--")], min_days="2", anchors=())
    [short] = findings(values, "minimum")
    assert short.people == ("Ana", "Ben")


def test_a_night_shift_runs_into_the_next_morning():
    values = team_values([member("Nia", start="22:00", finish="06:00"), member("Ana")], anchors=())
    team = team_of(values)
    assert (team.members[0].start, team.members[0].finish) == (22 * 60, 30 * 60)
    none = findings(values, "window")[0]
    assert "Ana finishes at 17:00 and Nia starts at 22:00" in none.text


def test_usual_days_longer_than_the_contract_are_a_finding_and_a_note_beside_the_hours_not_an_error():
    values = team_values([member("Ana", hours="20"), member("Ben")], anchors=())
    [long] = findings(values, "hours")
    assert "Ana's 5 days of 09:00 to 17:00 come to 40 hours against 20 contracted" in long.text
    notes = rendered(values).to_dict(contents=False)["notes"]
    assert [n["field"] for n in notes] == ["members.0.hours"] and "more hours than the contract" in notes[0]["message"]


def test_a_rota_with_a_problem_of_its_own_does_not_make_its_members_wrong():
    errors = errors_of(team_values([member("Ana", rotas="Phones")], rotas=[rota("Phones", days=())], anchors=()))
    assert "members.0.rotas" not in errors and "choose at least one day" in errors["rotas.0.days"]


def test_a_default_review_date_that_has_passed_is_said():
    values = team_values([member("Ana")])
    values["team"]["agreed"] = "2020-01-01"
    assert "Three months after the date agreed is 1 April 2020, which has passed" in errors_of(values)["team.review"]


def test_a_review_date_before_the_date_agreed_is_said_with_the_date_in_words():
    values = team_values([member("Ana")])
    values["team"]["agreed"], values["team"]["review"] = "2026-12-05", "2026-11-01"
    assert errors_of(values)["team.review"] == "The review date must be after the date agreed (5 December 2026)."


def test_the_record_keeps_the_dates_as_worked_out():
    values = team_values([member("Ana")])
    saved = json.loads(next(d["content"] for d in rendered(values).to_dict()["downloads"]
                            if d["mime"] == "application/json"))
    assert saved["values"]["team"]["agreed"] == "2026-11-30"
    assert saved["values"]["team"]["review"] == "2027-02-28"  # three months on, as worked out
    # A draft (no date agreed) stays a draft when loaded again (issue 22, point 7).
    values["team"]["agreed"] = ""
    saved = json.loads(next(d["content"] for d in rendered(values).to_dict()["downloads"]
                            if d["mime"] == "application/json"))
    assert saved["values"]["team"]["agreed"] == "" and saved["values"]["team"]["review"] == ""


def test_an_earlier_agreement_that_cannot_be_read_is_said_and_does_not_block_the_result():
    values = team_values([member("Ana")]) | {"previous": "[" * 30000 + "]" * 30000}
    result = team_agreement.compute(team_of(values))
    assert "could not be read" in result.changes[0].text


def test_uneven_cover_says_how_uneven():
    # Phones, Monday to Friday, one person: Ana works all five days, Ben only Monday. Monday is shared (0.5 each),
    # the other four days fall to Ana: 4.5 days against 0.5, nine times as much.
    values = team_values([member("Ana", rotas="Phones"), member("Ben", "o------", hours="7.5", rotas="Phones")],
                         rotas=[rota("Phones", place="anywhere")], anchors=())
    [uneven] = [f for f in findings(values, "fairness") if "Rota" in f.title]
    assert "Ana would carry 4.5 days of cover a week and Ben 0.5 days: 9 times as much" in uneven.text


def test_office_days_falling_unevenly_give_the_shares():
    values = team_values([member("Ana", "ooooo--"), member("Ben", "ohhhh--"), member("Cy", "hhhhh--")], anchors=())
    [uneven] = findings(values, "fairness")
    assert "Ana is in the office on 5 of 5 working days (100%), Cy on 0 of 5 (0%)" in uneven.text


def test_a_team_meeting_on_a_part_timers_day_off():
    values = team_values([member("Ana"), member("Priya", "ooo----", hours="22.5")], anchors=(),
                         meetings=[{"name": "Team meeting", "day": "Friday", "start": "10:00", "end": "11:00",
                                    "mode": "hybrid"}])
    [off] = findings(values, "meetings")
    assert off.people == ("Priya",) and "falls on a day Priya does not work" in off.text


def test_core_hours_not_covered_by_a_part_day():
    values = team_values([member("Ana"), member("Ben", start="09:00", finish="13:00", hours="20")],
                         core=("10:00", "15:00"), anchors=())
    [core] = findings(values, "core")
    assert core.people == ("Ben",) and "is not working 13:00 to 15:00" in core.text


def test_a_team_that_works_has_no_findings():
    values = team_values([member("Ana", rotas="Desk"), member("Ben", rotas="Desk")], rotas=[rota("Desk")],
                         core=("10:00", "15:00"), desks="2", min_days="1")
    result = team_agreement.compute(team_of(values))
    assert result.findings == ()
    assert "nothing to discuss" in team_agreement.render(result, values).html


# ---------------------------------------------------------------- what bad input gets

@pytest.mark.parametrize("row, field, words", [
    (member("Ana", start="09:00", finish="09:00"), "finish", "cannot be the same as the usual start"),
    (member("Ana", hours="45"), "hours", "do not fit in 5 days of 8 hours"),
    (member("Ana", tz="+15"), "timezone", "between -12 and +14"),
    (member("Ana", tz="+5:20"), "timezone", ":15, :30 or :45"),
    (member("Ana", week="-------"), "mon", "at least one day"),
    (member("Ana", rotas="Phnoes"), "rotas", "“Phnoes” is not one of the team's rotas"),
    (member("", hours="37.5"), "name", "Enter a name or initials"),
])
def test_a_member_row_that_will_not_do_is_explained_beside_the_field(row, field, words):
    errors = errors_of(team_values([row], rotas=[rota("Phones")], anchors=()))
    assert words in errors[f"members.0.{field}"]


def test_duplicate_names_are_asked_about_not_merged():
    errors = errors_of(team_values([member("Sam"), member("Ana"), member("sam")], anchors=()))
    assert "member 1 is also called “sam”" in errors["members.2.name"]


def test_a_review_date_in_the_past_is_refused():
    errors = errors_of(team_values([member("Ana")], review="2026-12-01") | {"team": {
        "name": "Claims", "agreed": "2026-01-01", "review": "2026-03-01"}})
    assert "has passed" in errors["team.review"]


def test_thirty_one_members_are_refused_with_the_limit_and_nothing_is_dropped():
    errors = errors_of(team_values([member(f"M{i}") for i in range(31)]))
    assert errors["members"] == "You can list up to 30 members; there are 31. Combine similar ones."


def test_the_review_date_defaults_to_three_months_on_with_month_ends_handled():
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert team_of(team_values([member("Ana")])).review == date(2027, 2, 28)


# ---------------------------------------------------------------- planner files in

def planner_record(name="Priya", **role) -> str:
    from toolkit import planner  # the test, not the tool, knows both tools

    values = planner.example()
    values["role"] = {**values["role"], "name": name, **role}
    answer = json.loads(bridge.handle(json.dumps({"tool": "planner", "values": values})))
    return next(d["content"] for d in answer["downloads"] if d["mime"] == "application/json")


def test_a_planner_file_becomes_a_member_row_with_its_suggested_week():
    saved = planner_record()
    week = {d["day"]: d["place"] for d in json.loads(saved)["result"]["week"]}
    answer = team_agreement.import_rows("members", [{"name": "plan.json", "text": saved}], 0)
    [row] = answer["rows"]
    assert answer["errors"] == [] and answer["notes"] == ["plan.json added as member 1."]
    assert row["name"] == "Priya" and row["hours"] == "37.5" and (row["start"], row["finish"]) == ("09:00", "17:00")
    for key, day in zip(DAY_KEYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")):
        assert row[key] == {"site": "office", "home": "home", None: "off"}[week.get(day)]
    team = team_of(team_values([row]))  # the round trip: the row passes the drafter's own validation
    assert team.members[0].office_days == tuple(i for i, k in enumerate(DAY_KEYS) if row[k] == "office")


def test_planner_files_that_will_not_do_are_named_and_the_rest_added():
    good = planner_record()
    newer = json.dumps({**json.loads(good), "version": 9})
    checklist = json.dumps({**json.loads(good), "tool": "checklist"})
    files = [{"name": "a.json", "text": good}, {"name": "b.json", "text": "{broken"},
             {"name": "c.json", "text": newer}, {"name": "d.json", "text": checklist},
             {"name": "e.json", "text": planner_record(name="")}]
    answer = team_agreement.import_rows("members", files, 0)
    assert len(answer["rows"]) == 2 and answer["notes"][1] == "e.json added as member 2; type their name."
    message = answer["errors"][0]["message"]
    assert answer["errors"][0]["field"] == "import.members"
    assert "b.json: not added. The file is not a saved record: it is not valid JSON." in message
    assert "c.json: not added. The record was saved by a newer version of the toolkit (format 9)" in message
    assert "d.json: not added, because it is not a plan from the where & when planner." in message


def test_a_plan_chosen_as_a_saved_agreement_is_pointed_to_where_it_goes():
    answer = json.loads(bridge.handle(json.dumps({"tool": "team_agreement", "action": "import",
                                                  "text": planner_record(), "fixed": {}})))
    assert answer["ok"] is False
    [error] = answer["errors"]
    assert error["field"] == "import" and "Add members from planner or reply files (JSON)" in error["message"]


def test_planner_files_past_the_limit_are_named_not_dropped():
    answer = team_agreement.import_rows("members", [{"name": "x.json", "text": planner_record()}], 30)
    assert answer["rows"] == [] and "the most members the drafter takes (30)" in answer["errors"][0]["message"]


def test_import_rows_goes_through_the_bridge():
    answer = json.loads(bridge.handle(json.dumps({"tool": "team_agreement", "action": "import_rows",
                                                  "repeat": "members", "count": 3,
                                                  "files": [{"name": "p.json", "text": planner_record()}]})))
    assert answer["ok"] and answer["notes"] == ["p.json added as member 4."]


# ---------------------------------------------------------------- documents, records and revisions

def rendered(values):
    return team_agreement.render(team_agreement.compute(team_of(values)), values)


def test_typed_text_is_escaped_in_every_format_and_markdown_stays_clean():
    values = team_values([member(XSS), member("Ana")], anchors=(),
                         ways={"meetings": "One-to-ones stay weekly.\nNo meetings on Friday (after 15:00).\n\n- a *bold* claim"})
    out = rendered(values)
    for html in (out.html, out.document):
        assert XSS not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert out.document.startswith("<!doctype html>") and "@page{size:A4" in out.document
    assert "One-to-ones stay weekly.<br>No meetings on Friday (after 15:00).</p><p>- a *bold* claim" in out.document
    assert "One-to-ones stay weekly.  \nNo meetings on Friday (after 15:00).\n\n\\- a \\*bold\\* claim" in out.markdown
    assert "\\<img src=x onerror=alert(1)\\>" in out.markdown
    downloads = out.to_dict()["downloads"]
    stem = f"team-agreement-claims-{TODAY.isoformat()}"  # by tool, team and the day agreed
    assert [d["filename"] for d in downloads] == [f"{stem}.html", f"{stem}.md", f"{stem}.json",
                                                  "team-counts-claims.json"]


def test_a_saved_agreement_loads_back_and_a_revision_says_what_changed():
    values = team_agreement.example()
    values["team"]["agreed"] = "2026-11-30"  # an agreement agreed, not a draft
    saved = next(d["content"] for d in rendered(values).to_dict()["downloads"] if d["mime"] == "application/json")
    loaded = json.loads(bridge.handle(json.dumps({"tool": "team_agreement", "action": "import", "text": saved})))
    assert loaded["ok"] and json.loads(loaded["values"]["previous"])["members"]
    unchanged = team_agreement.compute(team_of(loaded["values"]))
    assert unchanged.changes == ()
    revised = json.loads(json.dumps(loaded["values"]))
    revised["members"][0]["fri"] = "office"
    revised["members"] = revised["members"][:-1]
    revised["ways"]["reporting"] = "A written update every Friday."
    revised["rules"]["desks"] = "8"
    changes = [c.text for c in team_agreement.compute(team_of(revised)).changes]
    assert "Lucy Evans is no longer in the agreement." in changes
    assert any(c.startswith("Ana Silva: was ") and "Fri home" in c and "Fri office" in c for c in changes)
    assert "The desks: was 6; now 8." in changes
    assert "Reporting progress and problems: written." in changes or any("written." in c for c in changes)
    assert "What changed since the agreement of" in rendered(revised).html


def test_the_example_is_a_team_of_eight_with_a_part_time_member_and_findings_to_discuss():
    team = team_of(team_agreement.example())
    assert len(team.members) == 8 and any(len(m.working_days) < 5 for m in team.members)
    checks = {f.check for f in team_agreement.compute(team).findings}
    assert {"cover", "desks", "core", "meetings"} <= checks


def test_the_examples_carry_no_copy_of_the_organisations_policy():
    from toolkit import planner

    assert "team" not in planner.example()  # anchor days, core hours, minimum: from the settings
    assert set(team_agreement.example()["rules"]) == {"desks"}
    settings = org.merge({"policy": {"anchor_days": ["Thursday"], "core_hours": {"start": "11:00", "end": "14:00"}}})
    team = team_agreement.validate(team_agreement.example(), settings, today=TODAY)
    assert team.anchor_days == (3,) and team.core == (660, 840)
