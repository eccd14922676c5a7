"""The figures the toolkit draws: hand-worked geometry, valid SVG with nothing active in it, typed text escaped,
accessible names, and colours that read."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.unit.test_team_agreement import member, team_values
from tests.unit.test_planner import act, form_values
from toolkit import org, planner, svg, team_agreement
from toolkit.planner import figures as planner_figures
from toolkit.planner.figures import LABELS, WIDTH, blocks, share_parts

ORG = org.merge({})
SVG = "{http://www.w3.org/2000/svg}"
PAYLOADS = ["<img src=x onerror=alert(1)>", '"><script>alert(1)</script>', "javascript:alert(1)",
            "]]><svg onload=alert(1)>", "&lt;b&gt;", "url(#x) x=\"y\""]


def svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(s) for s in re.findall(r"<svg.*?</svg>", html, re.S)]


def plan_of(values):
    plan = planner.validate(values, ORG)
    assert not isinstance(plan, list), plan
    return planner.compute(plan)


def one_day_plan(**role):
    # One working day, 09:00-17:00, one activity of 7.5 hours that can happen anywhere at any time.
    return plan_of(form_values([act("Casework", "7.5")], days="1", hours="7.5", **role))


def x_of(result, minutes):
    lo = min(result.plan.start, *(result.plan.core or ())) // 60 * 60
    hi = -(-max(result.plan.finish, *(result.plan.core or ())) // 60) * 60
    return LABELS + (minutes - lo) * (WIDTH - LABELS - 24) / (hi - lo)


def rects(svg: ET.Element) -> list[ET.Element]:
    return [r for r in svg.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]


def test_a_seven_and_a_half_hour_day_from_nine_draws_one_block_of_the_right_length_at_the_right_place():
    result = one_day_plan()
    [day] = result.week.working()
    assert [(s, e) for s, e, _ in blocks(day)] == [(9 * 60, 16 * 60 + 30)]
    [svg] = svgs(planner_figures.timeline(result, "#1f5f8b"))
    [block] = [r for r in rects(svg) if r.find(f"{SVG}title").text.startswith("Casework")]
    assert float(block.get("x")) == pytest.approx(x_of(result, 540), abs=0.1)
    assert float(block.get("width")) == pytest.approx(x_of(result, 990) - x_of(result, 540), abs=0.1)


def test_a_fixed_commitment_from_three_to_four_sits_where_it_should():
    values = form_values([act("Casework", "7")], commitments=[{"day": "Monday", "start": "15:00", "end": "16:00",
                                                               "what": "School pick-up"}])
    result = plan_of(values)
    [svg] = svgs(planner_figures.timeline(result, "#1f5f8b"))
    [kept] = [r for r in rects(svg) if "School pick-up" in r.find(f"{SVG}title").text]
    assert float(kept.get("x")) == pytest.approx(x_of(result, 900), abs=0.1)
    assert float(kept.get("width")) == pytest.approx(x_of(result, 960) - x_of(result, 900), abs=0.1)
    monday = result.week.working()[0]
    assert all(not (s < 960 and e > 900) for s, e, _ in blocks(monday))  # no work drawn in the kept-clear hour


def test_the_shares_add_up_to_the_whole_bar():
    result = plan_of(planner.example())
    assert sum(m for _, m, _ in share_parts(result)) == result.total
    [svg] = svgs(planner_figures.shares(result, "#1f5f8b"))
    widths = [float(r.get("width")) for r in rects(svg)]
    assert sum(widths) == pytest.approx(WIDTH - 8, abs=0.5)


def test_a_thirty_member_team_grid_has_thirty_rows():
    values = team_values([member(f"M{i}") for i in range(30)], anchors=())
    result = team_agreement.compute(team_agreement.validate(values, ORG))
    html = team_agreement.render(result, values).html
    grid = svgs(html)[0]
    tips = [r.find(f"{SVG}title").text for r in rects(grid)]
    rows = {tip.split(",")[0] for tip in tips if re.match(r"M\d+, ", tip)}
    assert rows == {f"M{i}" for i in range(30)}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_figure_parses_holds_nothing_active_and_keeps_typed_text_as_text(payload):
    planner_values = planner.example()
    planner_values["activities"][0]["name"] = payload[:80]
    planner_values["commitments"][0]["what"] = payload[:80]
    team = team_values([member(payload[:60], rotas="Desk"), member("B" + payload[:59])],
                       rotas=[{"name": "Desk", "days": ["Monday"], "place": "office", "people": "2"}])
    team_result = team_agreement.compute(team_agreement.validate(team, ORG))
    outputs = [planner.render(plan_of(planner_values), planner_values),
               team_agreement.render(team_result, team)]
    for rendered in outputs:
        for html in (rendered.html, rendered.document):
            figures = svgs(html)
            assert figures
            for figure in figures:
                assert figure.get("role") == "img" and figure.find(f"{SVG}title").text and figure.find(f"{SVG}desc").text
                for el in figure.iter():
                    tag = el.tag.replace(SVG, "")
                    assert tag not in ("script", "foreignObject", "image", "a", "use", "style")
                    for name, value in el.attrib.items():
                        assert not name.lower().startswith("on") and name != "style"
                        assert "javascript:" not in value.lower()
                        if "url(" in value:
                            assert re.fullmatch(r"url\(#swt-[a-z-]+\)", value)
                        assert not name.endswith("href")


def test_text_on_a_colour_is_chosen_for_contrast():
    assert svg.text_on("#1f5f8b") == "#ffffff" and svg.contrast("#1f5f8b", "#ffffff") >= 4.5
    assert svg.text_on("#ffd54f") == "#000000" and svg.contrast("#ffd54f", "#000000") >= 4.5
    assert svg.colour("red; x") == svg.DEFAULT_COLOUR and svg.colour("#7a1fa2") == "#7a1fa2"


def test_each_page_of_a_tool_has_its_figures_once_with_ids_that_do_not_clash():
    values = planner.example()
    html = planner.render(plan_of(values), values).html
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids)) and len(svgs(html)) == 3
