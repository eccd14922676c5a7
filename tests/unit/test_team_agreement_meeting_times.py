"""Another time for a meeting, worked by hand: a suggestion to move a meeting names a day and time that fits
everyone (a day each works, inside each one's usual hours and own 08:00 to 18:00, in the office for a meeting in
person, inside the core hours, clear of the team's other meetings), or says plainly that none does and who cannot
make the closest times. Never a time that the checks would flag again."""

from __future__ import annotations

import json
import re

from tests.unit.test_team_agreement import XSS, findings, member, team_of, team_values
from toolkit import team_agreement, templates

MOVE = re.compile(r"Move (.+?) to (\w+day), (\d\d:\d\d) to (\d\d:\d\d)")


def meeting(name, day, start, end, mode="online"):
    return {"name": name, "day": day, "start": start, "end": end, "mode": mode}


def meeting_findings(values):
    return [f for f in team_agreement.compute(team_of(values)).findings if f.check in ("meetings", "rotation")]


def moved(values, name, day, start, end):
    """The team's values with the meeting `name` held at the suggested time instead."""
    out = json.loads(json.dumps(values))
    for row in out["meetings"]:
        if row["name"] == name:
            row.update(day=day, start=start, end=end)
    return out


def assert_moves_fit(values):
    """Every "Move … to …" suggested, taken, leaves no finding about that meeting; returns the moves."""
    moves = {MOVE.search(f.suggestion).groups() for f in meeting_findings(values) if MOVE.search(f.suggestion)}
    for name, day, start, end in moves:
        after = moved(values, name, day, start, end)
        again = [f for f in meeting_findings(after) if f.title.startswith(name + ":")]
        assert again == [], (name, day, start, again)
    return moves


def example():
    return json.loads(templates.read("examples/team_agreement.json"))


def test_the_examples_friday_catch_up_is_moved_to_a_time_that_fits_everyone():
    # Raj (UTC+5:30, 09:00-17:00) is 03:30 to 11:30 in the team's time; Priya works Monday to Wednesday; the core
    # hours are 10:00 to 15:00 and the weekly meeting is Tuesday 10:00 to 11:00. Everyone is free 10:00 to 11:30
    # on Monday to Wednesday: the nearest day to Friday is Wednesday, the time nearest 14:00 is 11:00.
    values = example()
    found = meeting_findings(values)
    catch_up = [f for f in found if f.title.startswith("Friday catch-up")]
    assert {f.title for f in catch_up} == {"Friday catch-up: on a day some do not work",
                                          "Friday catch-up: outside some people's hours",
                                          "Friday catch-up: a time inside everyone's day"}
    for f in catch_up:
        assert f.suggestion.startswith("Move Friday catch-up to Wednesday, 11:00 to 11:30, which fits everyone")
        assert "to 12:00" not in f.suggestion
    assert assert_moves_fit(values) == {("Friday catch-up", "Wednesday", "11:00", "11:30")}


def test_raj_and_priya_who_share_no_day_are_told_plainly_that_no_time_fits():
    # Priya works Monday to Wednesday, Raj (UTC+5:30) Thursday and Friday: no day has both.
    values = team_values(
        [member("Ana"), member("Priya", "ooo----", hours="22.5", finish="16:30"),
         member("Raj", "---hh--", hours="15", tz="+5:30")],
        anchors=(), core=("10:00", "15:00"), meetings=[meeting("Friday catch-up", "Friday", "14:00", "14:30")])
    found = meeting_findings(values)
    assert len(found) == 3
    for f in found:
        assert "Move " not in f.suggestion and "Alternate " not in f.suggestion
        assert f.suggestion.startswith("No day or time fits everyone for the meeting “Friday catch-up”. The closest: "
                                       "Thursday or Friday, 11:00 to 11:30: Priya does not work that day. "
                                       "Monday, Tuesday or Wednesday, 14:00 to 14:30: Raj does not work that day.")


def test_a_part_timers_day_off_moves_the_meeting_to_the_nearest_day_everyone_works():
    # Friday is Priya's day off, and so is Thursday: Wednesday is the nearest day she works, at the same time.
    values = team_values([member("Ana"), member("Priya", "ooo----", hours="22.5")], anchors=(),
                         meetings=[meeting("Team meeting", "Friday", "10:00", "11:00", "hybrid")])
    [off] = meeting_findings(values)
    assert off.suggestion == ("Move Team meeting to Wednesday, 10:00 to 11:00, which fits everyone: a day they all "
                              "work and inside their usual hours. Or rotate the day, or share notes and decisions in "
                              "writing.")
    assert_moves_fit(values)


def test_a_meeting_before_someones_start_moves_later_the_same_day_inside_core_hours():
    # Ben starts at 10:30; core hours are 11:00 to 15:00; the 11:00 to 12:00 slot is taken by Planning.
    values = team_values([member("Ana"), member("Ben", start="10:30", finish="17:00", hours="30")], anchors=(),
                         core=("11:00", "15:00"),
                         meetings=[meeting("Stand-up", "Monday", "09:00", "09:30"),
                                   meeting("Planning", "Monday", "11:00", "12:00")])
    [late] = meeting_findings(values)
    assert late.title == "Stand-up: outside some people's hours"
    assert late.suggestion.startswith("Move Stand-up to Monday, 12:00 to 12:30, which fits everyone: a day they all "
                                      "work, inside their usual hours and inside the core hours.")
    assert_moves_fit(values)


def test_a_meeting_in_person_moves_to_a_day_everyone_is_in():
    values = team_values([member("Ana", "ooooo--"), member("Ben", "hhoho--")], anchors=(),
                         meetings=[meeting("Review", "Monday", "10:00", "11:00", "in_person")])
    [away] = meeting_findings(values)
    assert away.suggestion.startswith("Move Review to Wednesday, 10:00 to 11:00, which fits everyone: a day they all "
                                      "work, inside their usual hours and with everyone in the office.")
    assert away.suggestion.endswith("Or run it as a hybrid meeting with a proper link.")
    assert_moves_fit(values)


def test_no_time_in_the_office_together_names_who_is_not_in():
    values = team_values([member("Ana", "oohhh--"), member("Ben", "hhooo--")], anchors=(),
                         meetings=[meeting("Review", "Monday", "10:00", "11:00", "in_person")])
    [away] = meeting_findings(values)
    assert away.suggestion.startswith("No day or time fits everyone for the meeting “Review”. The closest: Wednesday, Thursday or "
                                      "Friday, 10:00 to 11:00: Ana is not in the office that day. ")


def test_every_slot_is_judged_by_the_meeting_checks_own_tests():
    from toolkit.team_agreement.checks import slots
    values = example()
    team = team_of(values)
    catch_up = team.meetings[1]
    by_time = {(s.day, s.start): s for s in slots(team, catch_up)}
    assert by_time[(4, 14 * 60)].people == {"Priya Shah", "Raj Patel"}
    assert by_time[(2, 11 * 60)].problems == ()
    assert [why for _, why in by_time[(1, 10 * 60)].problems] == ["it is at the same time as Weekly team meeting"]
    assert by_time[(2, 9 * 60)].problems[-1] == ("", "it is outside the core hours (10:00 to 15:00)")


def test_moves_suggested_across_three_time_zones_fit():
    values = team_values([member("Ana"), member("Raj", tz="+5:30"), member("Li", tz="+8")], anchors=(),
                         meetings=[meeting("Planning", "Tuesday", "14:00", "15:00")])
    # Li (UTC+8, 09:00-17:00) is 01:00 to 09:00 in the team's time, Raj 03:30 to 11:30, Ana 09:00 to 17:00:
    # no time has all three.
    [hours, rotate] = meeting_findings(values)
    assert hours.suggestion.startswith("No day or time fits everyone for the meeting “Planning”.")
    assert rotate.title == "Planning: rotate the time"
    # Without Li, Ana and Raj share 09:00 to 11:30: the hour nearest 14:00 is 10:30 to 11:30.
    values["members"] = values["members"][:2]
    assert assert_moves_fit(values) == {("Planning", "Tuesday", "10:30", "11:30")}


def test_typed_names_in_the_suggestions_are_escaped():
    # The second member works Saturdays only, when Ana does not: no day fits both.
    values = team_values([member("Ana"), member(XSS, "-----o-", hours="8")], anchors=(),
                         meetings=[meeting(XSS, "Friday", "10:00", "11:00")])
    out = team_agreement.render(team_agreement.compute(team_of(values)), values)
    assert XSS not in out.html and XSS not in out.document
    assert "No day or time fits everyone for the meeting “&lt;img" in out.html
    assert "Saturday, 10:00 to 11:00: Ana does not work that day" in out.html
    assert "No day or time fits everyone for the meeting “\\<img" in out.markdown


def test_work_that_needs_everyone_goes_to_a_day_everyone_shares_hours():
    # On Monday Ben finishes before Cy starts; on Tuesday and Wednesday Ana and Cy share 10:00 to 12:00. No day
    # has all three: with the same hours each day, a day without a shared time for some has none for all.
    values = team_values([member("Ana"), member("Ben", "o------", start="07:00", finish="09:00", hours="2"),
                          member("Cy", "ooo----", start="10:00", finish="12:00", hours="6")], anchors=())
    [gap] = findings(values, "window")
    assert gap.suggestion == ("Agree which work needs everyone at once and whether it can go to Tuesday or "
                              "Wednesday, when those working share some hours (though no day has everyone working "
                              "and available at once), or hand over in writing.")
