"""Fair weeks and a team gathered by link, worked by hand: pro-rata office days for a 3-day and a 2.5-day week,
a member agreed exempt (whose reason appears nowhere), who carries what across UTC+0, UTC+5:30 and UTC-5, rotating
meeting times, the counts for HR with small groups hidden, and replies merged by name."""

from __future__ import annotations

import json

from tests.unit.test_team_agreement import ORG, TODAY, errors_of, findings, member, rota, team_of, team_values
from toolkit import bridge, counts, links, team_agreement
from toolkit.team_agreement.checks import pro_rata, week_days
from toolkit.team_agreement.rendering import hr_counts_record

REASON = "Caring for my father on Tuesdays"


def rendered(values):
    return team_agreement.render(team_agreement.compute(team_of(values)), values)


def ask(**request):
    return json.loads(bridge.handle(json.dumps(request)))


def meeting(name, day, start, end, mode="online"):
    return {"name": name, "day": day, "start": start, "end": end, "mode": mode}


# ---------------------------------------------------------------- pro-rata

def test_a_three_day_week_is_asked_for_three_fifths_rounded_to_the_nearest_day():
    # 22.5 of 37.5 hours is a 3-day week: 3 days together x 3/5 = 1.8, rounded to 2. Priya is in with Ana once.
    values = team_values([member("Ana"), member("Ben"), member("Priya", "ohh----", hours="22.5")], anchors=(),
                         min_days="3")
    team = team_of(values)
    priya = team.members[2]
    assert week_days(priya, team) == 3 and pro_rata(3, priya, team) == (1.8, 2)
    [short] = findings(values, "minimum")
    assert short.people == ("Priya",)
    assert "working 3 days a week, their share is 1.8, rounded to 2" in short.text
    assert "a half rounded down" in short.text


def test_a_two_and_a_half_day_week_rounds_its_half_down():
    # 18.75 hours is a 2.5-day week (though it is spread over three days): 3 x 2.5/5 = 1.5, a half: rounded down to 1.
    values = team_values([member("Ana"), member("Ben"), member("Raj", "ohh----", hours="18.75")], anchors=(),
                         min_days="3")
    team = team_of(values)
    raj = team.members[2]
    assert week_days(raj, team) == 2.5 and pro_rata(3, raj, team) == (1.5, 1)
    assert findings(values, "minimum") == []  # in with Ana on Monday: 1 of the 1 asked


def test_part_timers_asked_for_more_anchor_days_than_their_share_are_named():
    # Two anchor days: a full-timer is asked for 2. Priya (3 days) and Raj (2.5 days) have a share of 1.2 and 1.0,
    # both rounded to 1, yet both anchor days fall on days they work.
    values = team_values([member("Ana"), member("Priya", "ooo----", hours="22.5"),
                          member("Raj", "ooh----", hours="18.75")], anchors=("Monday", "Tuesday"))
    shares = findings(values, "share")
    assert [f.people for f in shares] == [("Priya",), ("Raj",)]
    assert "share is 1.2 days, rounded to 1" in shares[0].text and "which asks 2" in shares[0].text
    assert "share is 1 days, rounded to 1" in shares[1].text


def test_the_rounding_is_stated_in_the_agreement():
    out = rendered(team_values([member("Ana")]))
    assert "pro-rated against a full-time week of 37.5 hours, to the nearest whole day, a half rounded down" in out.markdown


# ---------------------------------------------------------------- exemptions

def exempt_team(rule="office"):
    values = team_values([member("Ana"), member("Ben", "ohooo--"), member("Cy", "ohooo--")])
    values["exemptions"] = [{"member": "ben", "from": rule, "reason": REASON}]
    return values


def test_an_exempt_member_is_left_out_of_the_check_and_the_check_says_so():
    [anchor] = findings(exempt_team(), "anchor")
    assert anchor.people == ("Cy",)
    assert "Ben is left out of this check: agreed individually." in anchor.text


def test_the_reason_for_an_exemption_appears_in_no_output():
    values = exempt_team()
    out = rendered(values)
    files = [d["content"] for d in out.to_dict()["downloads"]]
    invite = ask(tool="team_agreement", action="link", kind="invite", values=values)
    outputs = [out.html, out.document, out.markdown, *files, json.dumps(invite)]
    assert all(REASON not in text for text in outputs)
    assert "Office days agreed individually" in out.html and "Ben: office days agreed individually" in out.markdown
    assert all("agreed individually" in text for text in (out.html, out.document, out.markdown))


def test_an_exemption_with_no_member_is_refused_beside_it():
    values = exempt_team()
    values["exemptions"][0]["member"] = "Bea"
    assert "no member is called “Bea” (members: Ana, Ben, Cy)" in errors_of(values)["exemptions.0.member"]


def test_a_member_exempt_from_rotas_is_left_out_of_cover():
    values = team_values([member("Ana", rotas="Phones"), member("Ben", rotas="Phones")],
                         rotas=[rota("Phones", place="anywhere")], anchors=())
    values["exemptions"] = [{"member": "Ben", "from": "rotas"}]
    result = team_agreement.compute(team_of(values))
    assert [(b.name, b.rota_days) for b in result.burden] == [("Ana", 5.0), ("Ben", None)]


# ---------------------------------------------------------------- burden across time zones

def zones_team():
    """Ana at UTC+0 (the team's time), Raj at UTC+5:30, Maria at UTC-5, each 09:00-17:00 in their own time."""
    return team_values(
        [member("Ana", rotas="Phones"), member("Raj", tz="+5:30"), member("Maria", tz="-5")],
        rotas=[rota("Phones", place="anywhere")],
        meetings=[meeting("Planning", "Tuesday", "14:00", "15:00"),  # Raj 19:30-20:30: 1 hour outside 08-18
                  meeting("Stand-up", "Thursday", "09:00", "10:00"),  # Maria 04:00-05:00: 1 hour
                  meeting("Review", "Monday", "16:30", "17:30")])  # Raj 22:00-23:00: 1 hour


def test_the_burden_across_three_time_zones_worked_by_hand():
    result = team_agreement.compute(team_of(zones_team()))
    rows = {b.name: b for b in result.burden}
    assert (rows["Ana"].rota_days, rows["Ana"].anchor_days, rows["Ana"].unsociable) == (5.0, 1, 0.0)
    assert (rows["Raj"].rota_days, rows["Raj"].anchor_days, rows["Raj"].unsociable) == (0.0, 1, 2.0)
    assert (rows["Maria"].rota_days, rows["Maria"].anchor_days, rows["Maria"].unsociable) == (0.0, 1, 1.0)
    # Medians: rota days 0, unsociable hours 1. Ana's 5 rota days and Raj's 2 hours are well over them.
    assert rows["Ana"].flagged == ("rota_days",) and rows["Raj"].flagged == ("unsociable",) and not rows["Maria"].flagged
    burden = [f for f in result.findings if f.check == "burden"]
    assert [f.people for f in burden] == [("Ana",), ("Raj",)]
    assert "more than one and a half times the team's median" in burden[1].text


def test_the_burden_is_a_figure_with_its_table():
    out = rendered(zones_team())
    assert "Who carries what" in out.html and 'role="img"' in out.html
    assert "2 (well over the median)" in out.html


def test_a_meeting_outside_someones_day_is_given_a_time_to_rotate_with():
    # No time of any day is inside the usual hours of both Raj (03:30-11:30 team time) and Maria (14:00-22:00):
    # the nearest time that leaves out Maria rather than Raj is 10:30 to 11:30, inside Raj's and Ana's hours
    # (11:30 to 12:30, inside Raj's 08:00 to 18:00 but after his usual finish, would leave him out again).
    [planning] = [f for f in findings(zones_team(), "rotation") if "Planning" in f.title]
    assert "Alternate Planning between 14:00 and 10:30" in planning.suggestion
    assert "at 10:30 (the team's time), it is outside the usual hours of Maria" in planning.text
    assert set(planning.people) == {"Raj", "Maria"}


def test_one_time_zone_needs_no_rotation():
    values = team_values([member("Ana"), member("Ben")], meetings=[meeting("Late", "Monday", "18:30", "19:00")])
    assert findings(values, "rotation") == []


# ---------------------------------------------------------------- counts for HR

def test_a_team_of_four_is_fewer_than_five_and_its_groups_hidden():
    values = team_values([member(n) for n in ("Ana", "Ben", "Cy", "Dee")])
    record = hr_counts_record(team_agreement.compute(team_of(values)))
    monday = record["days"][0]
    assert record["size"] == "fewer than 5"
    # The four in the office are hidden, and every other group with them: a 0 beside them would give them away.
    assert monday == {"day": "Monday", "office": "hidden", "home": "hidden", "elsewhere": "hidden", "off": "hidden",
                      "desks": "hidden"}
    assert "Ana" not in json.dumps(record)


def test_groups_of_five_and_more_are_counted():
    values = team_values([member(n, "ooooh--" if n in "ABCDE" else "hhhhh--") for n in "ABCDEFGHI"])
    record = hr_counts_record(team_agreement.compute(team_of(values)))
    assert record["size"] == 9
    assert record["days"][0] == {"day": "Monday", "office": 5, "home": "hidden", "elsewhere": "hidden",
                                 "off": "hidden", "desks": 5}
    assert record["days"][4]["home"] == 9 and record["days"][5]["off"] == 9
    assert record["smallest_group"] == 5 and counts.bounds(record["days"][0]["home"], 5, most=9) == (0, 9)


def test_the_threshold_comes_from_the_settings():
    values = team_values([member(n) for n in "ABCDEF"])
    team = team_agreement.validate(values, {**ORG, "counts": {"smallest_group": 10}}, today=TODAY)
    assert hr_counts_record(team_agreement.compute(team))["size"] == "fewer than 10"


# ---------------------------------------------------------------- gathered by link

def invitation(values):
    made = ask(tool="team_agreement", action="link", kind="invite", values=values)
    return ask(tool="team_agreement", action="open_link", text=made["fragment"])["values"]


def reply(values, *rows):
    return ask(tool="team_agreement", action="link", kind="reply", values={**values, "members": list(rows)})


def test_an_invitation_carries_the_frame_and_no_one_in_it():
    values = team_values([member("Ana")], rotas=[rota("Phones")])
    made = ask(tool="team_agreement", action="link", kind="invite", values=values)
    assert "no one's name or week" in made["contains"] and "never sends to a website" in made["contains"]
    opened = ask(tool="team_agreement", action="open_link", text="https://x.example/a/#" + made["fragment"])
    assert opened["values"]["team"]["name"] == "Claims" and "members" not in opened["values"]
    assert opened["values"]["rotas"][0]["name"] == "Phones"
    assert "Ana" not in json.dumps(links.read(made["fragment"], "team_agreement", ORG).payload)


def test_replies_merge_by_name_with_changed_rows_side_by_side():
    manager = team_values([member("Ana")])
    member_form = invitation(manager)
    ben = reply(member_form, member("Ben"))["fragment"]
    ana = reply(member_form, member("Ana", hours="22.5", week="ooo----"))
    merged = ask(tool="team_agreement", action="import_rows", repeat="members", count=1, current=manager,
                 files=[{"name": "Link 1", "text": ben}, {"name": "ana.json", "text": ana["file"]["content"]},
                        {"name": "Link 3", "text": ben}])
    assert [r["name"] for r in merged["rows"]] == ["Ben"]
    [change] = merged["changes"]
    assert change["value"] == "Ana" and change["row"]["hours"] == "22.5"
    assert "<td data-label=\"In the form now\">37.5</td><td data-label=\"In the reply\">22.5</td>" in change["html"]
    # Two replies for one name: the first is kept, the second named with why.
    assert "Link 3: a reply from “Ben” came already from Link 1" in merged["errors"][0]["message"]


def test_a_reply_for_another_team_is_named_and_nothing_gathered_is_lost():
    payroll = invitation({**team_values([]), "team": {"name": "Payroll"}})
    stray = reply(payroll, member("Zed"))["fragment"]
    ok = reply(invitation(team_values([member("Ana")])), member("Ben"))["fragment"]
    merged = ask(tool="team_agreement", action="import_rows", repeat="members", count=1,
                 current=team_values([member("Ana")]), files=[{"name": "Link 1", "text": stray},
                                                              {"name": "Link 2", "text": ok}])
    assert [r["name"] for r in merged["rows"]] == ["Ben"]
    assert "Link 1 is a reply for the team “Payroll”, not “Claims”" in merged["errors"][0]["message"]


def test_a_reply_needs_an_invitation_and_a_row():
    assert "Open the invitation link" in ask(tool="team_agreement", action="link", kind="reply",
                                             values=team_values([member("Ana")]))["errors"][0]["message"]
    member_form = invitation(team_values([]))
    assert "Fill in your row first" in reply(member_form, {"name": ""})["errors"][0]["message"]


def test_a_reply_opened_as_the_page_address_goes_to_the_gathered_replies():
    answer = reply(invitation(team_values([member("Ana")])), member("Ben"))
    opened = ask(tool="team_agreement", action="open_link", text="#" + answer["fragment"])
    assert opened["gather"] == "members"
