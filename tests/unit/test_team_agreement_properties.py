"""Properties of the team agreement over generated teams: never a crash, no member with more hours than the day,
every shared window inside each working member's hours, every finding about people who are in the team."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import bridge, org, team_agreement
from toolkit.team_agreement.checks import window
from toolkit.team_agreement.model import DAY_KEYS, Team

ORG = org.merge({})
times = st.sampled_from(["00:00", "06:30", "08:00", "09:00", "12:15", "17:00", "20:45", "24:00", "25:00", "x", ""])
zones = st.sampled_from(["", "+0", "-5", "+5:30", "+5:45", "+9", "+14", "-12", "+15", "abc"])
places = st.sampled_from(["office", "home", "elsewhere", "off", "moon", None])
hours = st.sampled_from(["7.5", "15", "22.5", "30", "37.5", "40", "0", "-3", "168", "nan", "1e999", ""])


@st.composite
def member_rows(draw, index):
    row = {"name": f"M{index}", "hours": draw(hours), "start": draw(times), "finish": draw(times),
           "timezone": draw(zones), "rotas": draw(st.sampled_from(["", "Phones", "Phones, Desk", "Nope"]))}
    row.update({key: draw(places) for key in DAY_KEYS})
    return row


@st.composite
def teams(draw):
    n = draw(st.integers(min_value=1, max_value=8))
    return {
        "team": {"name": "T", "agreed": "2026-11-30", "timezone": draw(zones)},
        "rules": {"anchor_days": ["Tuesday"], "min_days": "1", "core_start": "10:00", "core_end": "15:00",
                  "desks": draw(st.sampled_from(["", "0", "3"]))},
        "members": [draw(member_rows(i)) for i in range(n)],
        "rotas": [{"name": "Phones", "days": ["Monday", "Friday"], "place": "anywhere", "people": "1"},
                  {"name": "Desk", "days": ["Tuesday"], "place": "office", "people": "2"}],
    }


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@st.composite
def sound_member_rows(draw, index):
    """A member whose hours fit their days: most generated teams then pass validation and reach the checks."""
    start = draw(st.integers(min_value=0, max_value=92)) * 15
    finish = draw(st.integers(min_value=start // 15 + 1, max_value=96)) * 15
    week = draw(st.lists(st.sampled_from(["office", "home", "elsewhere", "off"]), min_size=7, max_size=7)
                .filter(lambda w: any(p != "off" for p in w)))
    days = sum(p != "off" for p in week)
    span = (finish - start) * days
    contracted = draw(st.integers(min_value=max(1, span - 60 * days), max_value=span))
    zone = draw(st.sampled_from(["", "+0", "-5", "+5:30", "+5:45", "+9", "+14", "-12"]))
    return {"name": f"M{index}", "hours": f"{contracted / 60:.4f}", "start": clock(start), "finish": clock(finish),
            "timezone": zone, "rotas": draw(st.sampled_from(["", "Phones", "Phones, Desk"])),
            **dict(zip(DAY_KEYS, week))}


@st.composite
def sound_teams(draw):
    values = draw(teams())
    values["team"]["timezone"] = draw(st.sampled_from(["+0", "-5", "+5:30", "+10"]))
    values["members"] = [draw(sound_member_rows(i)) for i in range(draw(st.integers(min_value=1, max_value=12)))]
    return values


@settings(max_examples=300, deadline=None)
@given(st.one_of(teams(), sound_teams()))
def test_any_team_gets_a_result_or_field_errors_and_no_member_has_more_hours_than_the_day(values):
    team = team_agreement.validate(values, ORG, today=date(2026, 11, 30))
    answer = json.loads(bridge.handle(json.dumps({"tool": "team_agreement", "values": values})))
    assert "failure" not in answer
    if not isinstance(team, Team):
        assert answer["ok"] is False and all(e["field"] for e in answer["errors"])
        return
    names = {m.name for m in team.members}
    for m in team.members:
        assert 0 < m.finish - m.start <= 24 * 60
        assert m.contracted <= (m.finish - m.start) * len(m.working_days)
    result = team_agreement.compute(team)
    for day in result.days:
        for m in day.working:
            if day.window:
                start, end = window(m, team)
                assert start <= day.window[0] < day.window[1] <= end
    for finding in result.findings:
        assert set(finding.people) <= names
