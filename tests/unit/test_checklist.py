"""Checklists: definitions load or fail plainly; ticks and notes become a summary and a safe record."""

from __future__ import annotations

import json
import re

import pytest

from toolkit import bridge, checklist, templates
from toolkit.checklist.model import NOTE_LIMIT

ORG = {"name": "Acme Ltd", "term": "Agile Working"}


def call(values, **extra):
    return json.loads(bridge.handle(json.dumps({"tool": "checklist", "values": values, "context": ORG, **extra})))


@pytest.fixture
def first_id():
    return checklist.available()[0]


def test_every_shipped_checklist_loads_and_items_are_unique():
    ids = checklist.available()
    assert {"manager-conversation", "employee-request"} <= set(ids)
    for cid in ids:
        loaded = checklist.load(cid, ORG)
        assert loaded.audience in checklist.AUDIENCES
        item_ids = [i.id for i in loaded.items()]
        assert len(item_ids) == len(set(item_ids)) >= 3


def test_placeholders_take_the_organisations_words():
    loaded = checklist.load("manager-conversation", ORG)
    words = " ".join([loaded.title, loaded.summary] + [i.text + i.hint for i in loaded.items()])
    assert "{term}" not in words and "{org_name}" not in words
    assert "Agile Working" in loaded.title


@pytest.mark.parametrize("source, reason", [
    ('title = "x"\naudience = "managers"\nsummary = "s"\n[[sections]\n', "is not valid TOML"),
    ('audience = "managers"\nsummary = "s"\n[[sections]]\ntitle="a"\n[[sections.items]]\nid="a"\ntext="t"\n',
     "needs a “title”"),
    ('title="x"\naudience = "everyone"\nsummary = "s"\n', "audience must be one of"),
    ('title="x"\naudience = "teams"\nsummary = "s"\n', "add at least one [[sections]]"),
    ('title="x"\naudience = "teams"\nsummary = "s"\n[[sections]]\ntitle="a"\n', "needs at least one [[sections.items]]"),
    ('title="x"\naudience = "teams"\nsummary = "s"\n[[sections]]\ntitle="a"\n[[sections.items]]\nid="1"\ntext="t"\n',
     "needs an id of lower-case letters"),
    ('title="x"\naudience = "teams"\nsummary = "s"\n[[sections]]\ntitle="a"\n[[sections.items]]\nid="a"\ntext="t"\n'
     '[[sections.items]]\nid="a"\ntext="u"\n', "repeats the id “a”"),
    ('title="x"\naudience = "teams"\nsummary = "s"\n[[sections]]\ntitle="a"\n[[sections.items]]\nid="a"\ntext=""\n',
     "item 1 needs a “text”"),
])
def test_a_broken_definition_names_the_file_and_the_problem(tmp_path, monkeypatch, source, reason):
    (tmp_path / "checklists").mkdir()
    (tmp_path / "checklists" / "broken.toml").write_text(source, encoding="utf-8")
    monkeypatch.setattr(templates, "root", lambda: tmp_path)
    with pytest.raises(checklist.ChecklistError) as caught:
        checklist.load("broken")
    assert "templates/checklists/broken.toml" in str(caught.value)
    assert reason in str(caught.value)


@pytest.mark.parametrize("requested", ["no-such-list", "../../etc/passwd", "", None, 42, ["a"]])
def test_an_unknown_checklist_is_a_plain_error_not_a_traceback(requested):
    answer = call({"checklist": requested})
    assert answer["ok"] is False
    assert answer["errors"][0]["field"] == "checklist"
    assert "There is no checklist called" in answer["errors"][0]["message"]


def test_the_summary_counts_each_section_and_lists_what_is_open():
    loaded = checklist.load("manager-conversation", ORG)
    first, second = loaded.sections[0], loaded.sections[1]
    ticked = [first.items[0].id, second.items[0].id]
    values = {"checklist": loaded.id, "items": {i: {"done": True, "note": ""} for i in ticked}}
    result = checklist.compute(checklist.validate(values, ORG))
    assert (result.done, result.total) == (2, len(loaded.items()))
    assert [(s.done, s.total) for s in result.sections[:2]] == [(1, len(first.items)), (1, len(second.items))]
    assert [i.id for i in result.open_items] == [i.id for i in loaded.items() if i.id not in ticked]


def test_nothing_ticked_and_everything_ticked():
    loaded = checklist.load("employee-request", ORG)
    none = call({"checklist": loaded.id})
    assert none["ok"] and f"0 of {len(loaded.items())}" in none["status"]
    every = call({"checklist": loaded.id, "items": {i.id: {"done": True} for i in loaded.items()}})
    assert "Everything on this checklist is done" in "".join(every["parts"])


def test_typed_html_is_shown_as_text_in_the_page_and_the_document():
    cid = "manager-conversation"
    item = checklist.load(cid).items()[0].id
    attack = '<img src=x onerror=alert(1)> **bold** [link](javascript:alert(1))'
    answer = call({"checklist": cid, "items": {item: {"done": True, "note": attack}}})
    assert "<img" not in "".join(answer["parts"])
    assert "&lt;img src=x onerror=alert(1)&gt;" in "".join(answer["parts"])
    markdown = next(d["content"] for d in answer["downloads"] if d["mime"] == "text/markdown")
    assert not re.search(r"(?<!\\)<img", markdown) and "\\<img" in markdown
    assert "\\*\\*bold\\*\\*" in markdown and "\\[link\\]" in markdown


def test_a_note_that_is_too_long_is_reported_beside_it():
    cid = "manager-conversation"
    item = checklist.load(cid).items()[0].id
    answer = call({"checklist": cid, "items": {item: {"note": "x" * (NOTE_LIMIT + 1)}}})
    assert answer["errors"] == [{"field": f"items.{item}.note",
                                 "message": f"The note must be 1000 characters or fewer (it has {NOTE_LIMIT + 1})."}]


@pytest.mark.parametrize("items", [None, "x", [1, 2], {"a": "b"}, {"read-request": 5}])
def test_malformed_values_are_read_as_nothing_ticked(items):
    answer = call({"checklist": "manager-conversation", "items": items})
    assert answer["ok"] is True


def test_the_json_record_loads_back_to_the_same_values():
    cid = "manager-conversation"
    item = checklist.load(cid).items()[1].id
    values = {"checklist": cid, "items": {item: {"done": True, "note": "Agreed with Sam"}}}
    record = next(d["content"] for d in call(values)["downloads"] if d["mime"] == "application/json")
    loaded = json.loads(bridge.handle(json.dumps(
        {"tool": "checklist", "action": "import", "text": record, "fixed": {"checklist": cid}})))
    assert loaded == {"ok": True, "values": values}
    assert json.loads(record)["result"]["done"] == 1


def test_the_form_has_a_labelled_checkbox_and_note_for_every_item():
    form = checklist.form(ORG, "manager-conversation")
    html = __import__("toolkit.forms", fromlist=["render_tool"]).render_tool(form)
    for item in checklist.load("manager-conversation", ORG).items():
        assert f'<label for="f-items-{item.id}-done">' in html
        assert f'<label class="swt-label" for="f-items-{item.id}-note">' in html
