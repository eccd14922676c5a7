"""The team counts: three teams' counts added into per-day totals worked by hand, ranges where groups are hidden,
per site, the busiest day against the desks there are, and plain reasons for files that will not do."""

from __future__ import annotations

import json

import pytest

from toolkit import bridge, org, team_counts
from toolkit.team_counts.model import Picture

ORG = org.merge({})


def ask(**request):
    return json.loads(bridge.handle(json.dumps(request)))


def example(desks=""):
    return {**team_counts.example(), "desks": desks}


def result(values):
    picture = team_counts.validate(values, ORG)
    assert isinstance(picture, Picture), picture
    return team_counts.compute(picture)


def test_three_teams_combine_into_known_totals():
    # In the office (Customer Finance 8, Payroll 12, IT Service Desk 6). A day with a hidden group hides every group
    # but the office, and the office too when it is small; a hidden group is 0 to what the day's shown numbers
    # leave: Customer Finance's Monday hides all four, so its office is 0 to 8.
    #   Monday    0..8 + 6 + 6         = 12 to 20
    #   Tuesday   7 + 10 + 6           = 23
    #   Wednesday 0..8 + 8 + 0..6      = 8 to 22
    #   Thursday  5 + 10 + 6           = 21
    #   Friday    0..8 + 5 + 0         = 5 to 13
    out = result(example())
    assert [(t.day, t.places["office"]) for t in out.days] == [(0, (12, 20)), (1, (23, 23)), (2, (8, 22)),
                                                                (3, (21, 21)), (4, (5, 13))]
    assert [t.places["home"] for t in out.days] == [(6, 14), (0, 3), (0, 18), (0, 5), (13, 21)]
    assert out.busiest.day == 1 and out.days[1].anchoring == ("Customer Finance", "Payroll")
    assert out.sites == (("Leeds", ((12, 12), (16, 16), (8, 14), (16, 16), (5, 5))),
                         ("London", ((0, 8), (7, 7), (0, 8), (5, 5), (0, 8))))
    assert out.no_common_day == ("Customer Finance", "Payroll")


def test_the_busiest_day_is_set_against_the_desks_there_are():
    answer = ask(tool="team_counts", values=example("20"))
    page = "".join(answer["parts"])
    assert "The busiest day is Tuesday: 23 desks needed, with 2 of 3 teams anchoring on it, more than the 20 desks" in page
    assert "Anchor days cluster on Tuesday" in page and "nothing was uploaded" in page
    csv = next(d["content"] for d in answer["downloads"] if d["mime"] == "text/csv")
    assert "all,Tuesday,2,23,0,0,0,23,3,3,3\r\n" in csv and "Leeds,Wednesday,,8,,,,14,,,\r\n" in csv


def test_the_desks_default_comes_from_the_settings():
    html = team_counts.form(org.merge({"counts": {"desks": 250}}))
    assert [f for g in html.fields if hasattr(g, "legend") and g.legend == "The desks you have"
            for f in g.fields][0].default == "250"


def file_of(**change):
    data = json.loads(team_counts.example()["teams"][0]["counts"])
    data.update(change)
    return json.dumps(data)


@pytest.mark.parametrize("text, words", [
    (file_of(version=3), "made by a newer version of the toolkit (format 3)"),
    (file_of(version="1"), "made by another version"),
    (file_of(format="toolkit-record"), "not a team's counts"),
    (file_of(smallest_group=10), "hide groups smaller than 10"),
    (file_of(size=9), "the numbers do not add up: on Saturday the groups come to 8 people, but the team has 9"),
    (file_of(size=20), "on Saturday the groups come to 8 people, but the team has 20"),
    (file_of(size=4), "the team's size or its seven days are missing"),  # 4 would be "fewer than 5"
    ("{\"format\": \"toolkit-counts\", \"version\": 1, \"x\": NaN}", "NaN"),
    ("[" * 100, "nested too deeply"),
])
def test_a_file_that_will_not_do_is_named_and_the_rows_already_there_stay(text, words):
    current = team_counts.example()
    answer = ask(tool="team_counts", action="import_rows", repeat="teams", count=3, current=current,
                 files=[{"name": "bad.json", "text": text}])
    assert answer["rows"] == [] and answer["errors"][0]["message"].startswith("bad.json: not added, because")
    assert words in answer["errors"][0]["message"]


def test_numbers_that_do_not_add_up_are_refused_when_suppression_cannot_explain_them():
    # Customer Finance's Monday: office and elsewhere hidden, home 5 and off 0: a team of 8 adds up, and with
    # Monday's home count changed to 9 it cannot (at least 9).
    assert team_counts.validate({"teams": [{"team": "A", "counts": file_of()}]}, ORG).teams
    data = json.loads(file_of())
    data["days"][0]["home"] = 9
    errors = team_counts.validate({"teams": [{"team": "A", "counts": json.dumps(data)}]}, ORG)
    assert errors[0].field == "teams.0.team"
    assert "the numbers do not add up: on Monday the groups come to at least 9 people, but the team has 8" in errors[0].message


def test_a_team_added_twice_is_refused():
    values = example()
    values["teams"].append(dict(values["teams"][0]))
    [error] = team_counts.validate(values, ORG)
    assert error.field == "teams.3.team" and "here twice (rows 1 and 4)" in error.message
    again = ask(tool="team_counts", action="import_rows", repeat="teams", count=3, current=example(),
                files=[{"name": "again.json", "text": example()["teams"][0]["counts"]}])
    assert "Customer Finance's counts are here already (row 1)" in again["errors"][0]["message"]


def test_typed_names_are_escaped_and_a_formula_is_not_run_by_a_spreadsheet():
    values = example()
    values["teams"][0]["site"] = "=HYPERLINK(\"x\")<b>"
    answer = ask(tool="team_counts", values=values)
    assert "<b>" not in "".join(answer["parts"]) and "&lt;b&gt;" in "".join(answer["parts"])
    csv = next(d["content"] for d in answer["downloads"] if d["mime"] == "text/csv")
    assert "'=HYPERLINK" in csv
