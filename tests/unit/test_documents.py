"""What people expect of the documents every tool writes: who and when, their own line breaks, money and hours
as they write them, Markdown that pastes cleanly into a wiki and never turns a typed address into a link."""

from __future__ import annotations

import re

import json

import pytest

from toolkit import now
from toolkit import bridge, checklist, org, safe, planner
from toolkit.documents import date_words, table

ORG = org.merge({"currency": "£"})


def answer(tool, values, org_=ORG):
    reply = json.loads(bridge.handle(json.dumps({"tool": tool, "values": values, "context": org_})))
    assert reply["ok"], reply
    return reply, {d["mime"]: d["content"] for d in reply["downloads"]}


def test_a_checklist_record_says_who_filled_it_in_with_whom_and_when():
    cid = "trial-review"
    first = checklist.load(cid).items()[0].id
    values = {"checklist": cid, "about": {"by": "Sam Jones", "with": "Ana Silva", "date": "2026-12-01"},
              "items": {first: {"done": True, "note": "Met weekly.\nAll targets met.\n\nReview again in March."}}}
    reply, files = answer("checklist", values)
    assert "Filled in by Sam Jones with Ana Silva on 1 December 2026." in "".join(reply["parts"])
    assert files["text/markdown"].splitlines()[2] == "Filled in by Sam Jones with Ana Silva on 1 December 2026."
    assert "Met weekly.<br>All targets met.</p><p>Review again in March.</p>" in "".join(reply["parts"])
    assert "  - Note: Met weekly.  \n    All targets met.\n    \n    Review again in March." in files["text/markdown"]


def test_a_checklist_without_a_date_is_dated_today():
    reply, _ = answer("checklist", {"checklist": "trial-review"})
    assert f"Filled in on {date_words(now.today())}." in "".join(reply["parts"])


def test_the_plan_download_carries_the_name_and_date_speaks_in_one_voice_and_uses_the_currency():
    values = planner.example()
    values["role"]["name"] = "Priya Shah"
    reply, files = answer("planner", values)
    plan = files["text/markdown"]
    assert plan.splitlines()[2] == f"Priya Shah, {date_words(now.today())}"
    assert "Download" not in plan and "download" not in plan  # the page says how to download; the file does not
    assert "a year saved, at £4.80 each way." in plan and "in the currency you used" not in plan
    # A day's hours in the decimals the activities use ("2.5 hours"), never a clock's "7:30" beside them.
    assert ">7.5 of up to 8</td>" in "".join(reply["parts"]) and "### Monday: at home, 7.5 hours" in plan
    assert not re.search(r"\b\d{1,2}:\d\d (hours|of up to)", plan + "".join(reply["parts"]))


def test_without_a_currency_money_is_shown_without_a_symbol_and_says_so():
    _, files = answer("planner", planner.example(), org.merge({}))
    assert "at 4.80 each way (in the currency I used)." in files["text/markdown"]  # the plan is in its author's voice


def test_markdown_escapes_only_what_would_change_the_text():
    assert safe.md("One-to-ones (weekly) at 10.30 #1") == "One-to-ones (weekly) at 10.30 #1"
    assert safe.md("# not a heading") == "\\# not a heading"
    assert safe.md("*not bold* [not a link]") == "\\*not bold\\* \\[not a link\\]"


def test_typed_addresses_are_not_turned_into_links():
    assert safe.md("https://example.org and www.example.org, me@example.org") == \
        "https\\://example.org and www\\.example.org, me\\@example.org"


def test_the_organisations_own_emission_factors_reach_the_plan_and_are_named():
    """Settings `policy.emissions` replace the default factor for that mode; the source is named in the plan."""
    own = org.merge({"policy": {"emissions": {"car": 0.2}, "emissions_source": "Acme's travel policy 2026"}})
    values = planner.example() | {"commute": {"minutes": "30", "km": "10", "mode": "car", "cost": "5"}}
    answer = json.loads(bridge.handle(json.dumps({"tool": "planner", "values": values, "context": own})))
    saved = json.loads(next(d["content"] for d in answer["downloads"] if d["mime"] == "application/json"))
    commute = saved["result"]["commute_saved_a_year"]
    assert commute["kg_co2e_per_km"] == 0.2 and commute["kg_co2e"] == pytest.approx(commute["km"] * 0.2)
    assert "Acme's travel policy 2026, and otherwise the UK Government" in commute["factors"]
    text = "".join(answer["parts"])
    assert "car (petrol, diesel or hybrid) 0.2;" in text and "Acme's travel policy 2026, and otherwise" in text


# ---------------------------------------------------------------- result tables: one builder for every tool
def test_a_result_table_labels_every_cell_with_its_column_and_keeps_row_cells_as_given():
    html = table("Per day", ("Day", "Where", "Hours"), [("Monday", ["At home", "7.5"]), ("Tuesday", ["<b>x</b>", "8"])])
    assert '<caption>Per day</caption>' in html
    assert html.count('<th scope="col">') == 3 and html.count('<th scope="row">') == 2
    assert '<td data-label="Where">At home</td><td data-label="Hours">7.5</td>' in html
    assert "<b>x</b>" in html  # cells arrive as safe HTML: the caller escapes what a person typed


def test_a_result_table_refuses_a_row_with_the_wrong_number_of_cells():
    with pytest.raises(ValueError):
        table("Per day", ("Day", "Where", "Hours"), [("Monday", ["At home"])])
