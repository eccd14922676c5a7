"""Issue 22, the team agreement's points: its findings (6), a draft said as a draft (7), the Markdown in its
author's voice (5), the member rows' layout (12) and on a phone (10). One test (or more) per point, named after
it. Priya's team: 12 people in London, Pune and New York, with a part-timer, a phone rota and 6 desks."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from toolkit import now, org, team_agreement
from toolkit.team_agreement.model import DAY_KEYS, Team

ROOT = Path(__file__).resolve().parent.parent.parent
ORG = org.merge({})
TODAY = date(2026, 12, 5)
PLACE = {"o": "office", "h": "home", "e": "elsewhere", "-": "off"}


def member(name, week="ooooo--", hours="37.5", start="09:00", finish="17:00", tz="", rotas="", role=""):
    """`week`: seven letters, Monday first: o office, h home, e elsewhere, - not working."""
    return {"name": name, "role": role, "hours": hours, "start": start, "finish": finish, "timezone": tz,
            "rotas": rotas, **{key: PLACE[c] for key, c in zip(DAY_KEYS, week)}}


def priya(agreed="", members=None, people="1", desks="6"):
    """Priya's team of 12: London (+0), Pune (+5:30) and New York (-5); Ana part-time; Phones needs someone in
    the office; on Friday only Ben, of those who cover Phones, is in."""
    return {
        "team": {"name": "Payments", "manager": "Priya Shah", "agreed": agreed, "review": "",
                 "triggers": ["joins"], "other_triggers": "", "timezone": "+0"},
        "rules": {"anchor_days": ["Tuesday"], "min_days": "1", "core_start": "10:00", "core_end": "15:00",
                  "desks": desks},
        "members": members or [
            member("Priya Shah", "oohoh--", rotas="Phones", role="Team leader"),
            member("Ben Okafor", "hohoo--", rotas="Phones"),
            member("Ana Silva", "oo-h---", hours="22.5", rotas="Phones"),
            member("Tom Reid", "hoohh--", rotas="Phones"),
            member("Mei Chen", "oohhh--", rotas="Phones"),
            member("Lucy Evans", "hoooh--", rotas="Phones"),
            member("Sam Jones", "ohoho--"),
            member("Raj Patel", "hhhhh--", tz="+5:30"),
            member("Anil Rao", "eeeee--", tz="+5:30"),
            member("Dev Iyer", "hhhhh--", tz="+5:30"),
            member("Kate Moss", "hhhhh--", tz="-5"),
            member("Joe Park", "eeeee--", tz="-5"),
        ],
        "rotas": [{"name": "Phones", "days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
                   "place": "office", "people": people}],
        "meetings": [{"name": "Weekly team meeting", "day": "Tuesday", "start": "10:00", "end": "11:00",
                      "mode": "hybrid"}],
        "channels": {}, "ways": {},
    }


def result_of(values, today=TODAY):
    team = team_agreement.validate(values, ORG, today=today)
    assert isinstance(team, Team), team
    return team_agreement.compute(team)


def of(result, check):
    return [f for f in result.findings if f.check == check]


def example():
    return json.loads((ROOT / "templates/examples/team_agreement.json").read_text())


# ---------------------------------------------------------------- 6. the team agreement's findings

def test_22_6_identical_findings_merge_into_one_naming_the_days():
    found = of(result_of(priya()), "window")
    assert len(found) == 1, [f.title for f in found]
    [window] = found
    assert window.days == ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
    assert "on Monday, Tuesday, Wednesday, Thursday and Friday" in window.text
    assert "Raj Patel finishes at 11:30 and Kate Moss starts at 14:00" in window.text


def test_22_6_when_no_day_works_the_finding_says_so():
    [window] = of(result_of(priya()), "window")
    assert window.title == "No day when everyone is available at once"
    assert "No day of the week has a time when everyone working is available" in window.text
    # When some day works, the days that do not are named, and no more is claimed.
    values = priya(members=[member("Ana", "ooooo--"), member("Kenji", "hhh----", hours="22.5", tz="+9"),
                            member("Ben", "---oo--", hours="15")])
    [some] = of(result_of(values), "window")
    assert some.days == ("Monday", "Tuesday", "Wednesday") and "No day of the week" not in some.text
    assert some.title == "Monday, Tuesday and Wednesday: no time when everyone is available"


def test_22_6_anchor_days_missed_alike_are_one_finding():
    values = priya(members=[member("Ana", "ooooo--"), member("Ben", "hhhhh--"), member("Cy", "ooooo--")])
    values["rules"]["anchor_days"] = ["Tuesday", "Thursday"]
    [anchor] = of(result_of(values), "anchor")
    assert anchor.days == ("Tuesday", "Thursday")
    assert "Tuesday and Thursday are anchor days, but Ben (home) is not in the office those days." in anchor.text


def test_22_6_a_cover_gap_names_only_the_people_who_cover_that_rota():
    # Phones needs two in the office; on Friday only Ben is in. Sam, Raj and the others do not cover Phones.
    [gap] = of(result_of(priya(people="2")), "cover")
    assert "on Friday only Ben Okafor can cover it (1 of 2 needed)" in gap.text
    covers = {"Priya Shah", "Ben Okafor", "Ana Silva", "Tom Reid", "Mei Chen", "Lucy Evans"}
    others = {"Sam Jones", "Raj Patel", "Anil Rao", "Dev Iyer", "Kate Moss", "Joe Park"}
    said = gap.text + " " + gap.suggestion
    assert not [name for name in others if name in said]
    assert set(gap.people) <= covers
    assert "could come in on Friday" in gap.suggestion
    # Ben is there already: the question on Friday is not put to him.
    friday = gap.suggestion[gap.suggestion.index("on Friday") - 120:gap.suggestion.index("on Friday")]
    assert "Ben Okafor" not in friday
    assert "whether Priya Shah, Tom Reid, Mei Chen or Lucy Evans could come in on Friday" in gap.suggestion
    assert "whether Ana Silva could work on Friday" in gap.suggestion


def test_22_6_a_rota_only_one_person_covers_asks_for_someone_to_learn_it_and_names_no_one_else():
    members = [member("Ben", "ooooh--", rotas="Phones")] + [member(n, "ooooo--") for n in ("Ana", "Cy", "Di")]
    [gap] = of(result_of(priya(members=members, desks="")), "cover")
    assert gap.suggestion.startswith("Only Ben covers Phones. Ask whether Ben could come in on Friday, ")
    assert not [n for n in ("Ana", "Cy", "Di") if n in gap.text + gap.suggestion]


def test_22_6_office_day_fairness_compares_like_with_like_and_says_who_is_left_out():
    # Lucy is in 4 days of 5, Raj in Pune none: that is where he works, not an uneven share of London's office.
    assert not [f for f in of(result_of(example()), "fairness") if f.title == "Office days fall unevenly"]
    members = [member("Ana", "ooooo--"), member("Ben", "ohhhh--"), member("Cy", "hhhhh--"),
               member("Raj", "hhhhh--", tz="+5:30"), member("Joe", "eeeee--")]
    [uneven] = [f for f in of(result_of(priya(members=members, desks="")), "fairness")
                if f.title == "Office days fall unevenly"]
    assert "Ana is in the office on 5 of 5 working days (100%), Cy on 0 of 5 (0%)." in uneven.text
    assert ("Raj and Joe are left out of this comparison: working in another time zone or at another site, they "
            "do not share the team's office days.") in uneven.text
    assert "Raj" not in uneven.people and "Joe" not in uneven.people


def test_22_6_ratios_are_stated_rightly():
    # Ben carries 2 days of Front desk and Phones a week, Priya 0.75: 2 / 0.75 is about 2.7, and both are said
    # in days, with the same precision the ratio was worked from.
    [uneven] = [f for f in of(result_of(example()), "fairness") if f.title == "Rota cover falls unevenly"]
    assert ("Ben Okafor would carry 2 days of cover a week and Priya Shah 0.75 days: about 2.7 times as much"
            in uneven.text)
    for most, least, times in re.findall(r"carry ([\d.]+) days? of cover a week and \w+ \w+ ([\d.]+) days?: "
                                         r"(?:about )?([\d.]+) times", uneven.text):
        assert abs(float(most) / float(least) - float(times)) < 0.05


def test_22_6_findings_are_ordered_blocking_problems_first():
    checks = [f.check for f in result_of(example()).findings]
    assert checks[:2] == ["cover", "desks"], checks
    blocking = [f.blocking for f in result_of(priya(people="2", desks="3")).findings]
    assert blocking == sorted(blocking, reverse=True) and blocking.count(True) == 2
    # The page and the Markdown say which come first, and why.
    values = example()
    with now.pinned(TODAY):
        rendered = team_agreement.render(result_of(values), values)
    text = re.sub(r"<[^>]+>", " ", "".join(rendered.parts))
    assert "Settle these first: the week does not work as written until they are." in text
    md = rendered.markdown
    assert md.index("Settle these first") < md.index("Front desk: days without cover") < md.index(
        "More people than desks") < md.index("Then talk these through") < md.index("Tuesday: not everyone is in")


# ---------------------------------------------------------------- 5. no tool jargon in what people send

def test_22_5_the_markdown_speaks_as_its_author_with_no_tool_jargon():
    values = example()
    with now.pinned(TODAY):
        md = team_agreement.render(result_of(values), values).markdown
    opening = md.split("## ", 1)[0]
    assert "printable page" not in md and "(HTML)" not in md and "draws the week" not in md
    assert not re.search(r"\b(tool|download|Markdown|HTML|JSON|the form)\b", opening), opening


# ---------------------------------------------------------------- 7. a draft is not "Agreed"

def rendered(values, today=TODAY):
    with now.pinned(today):
        return team_agreement.render(result_of(values, today), values)


def test_22_7_with_no_date_agreed_the_agreement_says_draft_everywhere():
    values = example()
    assert values["team"]["agreed"] == ""
    out = rendered(values)
    page = re.sub(r"<[^>]+>", " ", "".join(out.parts))
    document = re.sub(r"<[^>]+>", " ", out.make_document())
    for text in (out.markdown, document):
        assert "Agreed on" not in text and "5 December 2026" not in text
        assert "Draft team agreement: Customer Finance" in text
        assert "Draft: not agreed yet." in text
        assert "Next review three months after it is agreed." in text
        assert "We review it three months after we agree it." in text
    assert "Draft: not agreed yet" in page and out.status.startswith("Draft, not agreed yet; ")
    record = out.make_record()
    assert record["values"]["team"]["agreed"] == "" and record["result"]["agreed"] is None


def test_22_7_a_draft_says_agreed_once_the_person_gives_the_date():
    values = example()
    values["team"]["agreed"] = "2026-12-04"
    out = rendered(values)
    for text in (out.markdown, out.make_document()):
        assert "Draft" not in text
        assert "Agreed on 4 December 2026, with Ana Silva as manager." in text
        assert "Next review by 4 March 2027 (three months after it was agreed)." in text
    assert not out.status.startswith("Draft")
    assert out.make_record()["values"]["team"]["agreed"] == "2026-12-04"


def test_22_7_the_form_says_an_empty_date_agreed_keeps_it_a_draft():
    from toolkit import forms

    html = forms.render_tool(team_agreement.form(ORG))
    assert "Leave empty for today" not in html
    assert "while the agreement is a draft" in html


# ---------------------------------------------------------------- 12. small things people notice

def test_22_12_in_member_rows_monday_starts_the_week_on_its_own_line_not_beside_the_time_zone():
    from toolkit import forms

    html = forms.render_tool(team_agreement.form(ORG))
    row = html[html.index('<template data-row-template>', html.index('data-repeat="members"')):]
    row = row[:row.index("</template>")]
    # The fields the rule picks out are there, as the rule names them: Monday's select, the rotas' input.
    assert re.search(r'<div class="swt-field"><label class="swt-label" for="[^"]+">Monday</label>'
                     r'(?:<div class="swt-hint"[^>]*>[^<]*</div>)?<p class="swt-field-error"[^>]*></p>'
                     r'<select id="[^"]+" name="members\.__i__\.mon"', row)
    assert 'name="members.__i__.rotas"' in row
    css = (ROOT / "docs/assets/stylesheets/toolkit.css").read_text()
    wide = css[css.index("@media screen and (min-width: 60em)"):]
    wide = wide[:wide.index("\n}\n")]
    assert ('[data-repeat="members"] .swt-row > fieldset > .swt-field:has(> select[name$=".mon"]) '
            '{ grid-column-start: 1; }') in wide
    assert ('[data-repeat="members"] .swt-row > fieldset > .swt-field:has(> input[name$=".rotas"]) '
            '{ grid-column: 1 / -1; }') in wide


# ---------------------------------------------------------------- 10. a team of 12 on a phone

def test_22_10_a_team_of_twelve_on_a_phone_has_member_rows_of_one_line_each():
    css = (ROOT / "docs/assets/stylesheets/toolkit.css").read_text()
    start = css.index("A team of six or more on a phone")
    phone = css[start:css.index("\n}\n", start)]
    assert "@media screen and (max-width: 44.9375em)" in phone
    closed = ('[data-repeat="members"] .swt-rows:has(> li:nth-child(6)) > li:not(:focus-within)'
              ':not(:has(.swt-field-error:not([hidden])))')
    # Every field but the name is out of the way until the row is chosen; the name's label and the row's legend
    # stay for screen readers; a row with a problem stays open.
    assert closed + ' > fieldset > :not(legend):not(.swt-field:has(> input[name$=".name"])) {\n    display: none;' \
        in phone
    assert closed + " > fieldset > legend," in phone and closed + " .swt-field > .swt-label {" in phone
    assert "clip: rect(0 0 0 0)" in phone
    # The name field the rule keeps is the member row's first, and named as the rule expects.
    from toolkit import forms

    html = forms.render_tool(team_agreement.form(ORG))
    row = html[html.index('<template data-row-template>', html.index('data-repeat="members"')):]
    assert re.search(r'<legend>Member <span data-row-number>__n__</span></legend><div class="swt-field">'
                     r'<label class="swt-label" for="[^"]+">Name or initials</label><p class="swt-field-error"[^>]*>'
                     r'</p><input type="text" class="swt-input swt-w-m" id="[^"]+" name="members\.__i__\.name"', row)
