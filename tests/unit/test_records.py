"""Loading a saved record back: anything that is not a record from this page gets a plain reason."""

from __future__ import annotations

import json

import pytest

from toolkit import bridge, records


def load(text, tool="checklist", fixed=None):
    return json.loads(bridge.handle(json.dumps(
        {"tool": tool, "action": "import", "text": text, "fixed": fixed or {}})))


def record(values, tool="checklist", **over):
    return json.dumps({**records.make(tool, "T", values, {}), **over})


def nested(depth):
    value = "x"
    for _ in range(depth):
        value = {"a": value}
    return value


@pytest.mark.parametrize("text, message", [
    ("", "The file is empty"),
    ("   ", "The file is empty"),
    ("{not json", "it is not valid JSON"),
    ("[1, 2]", "not a record saved by this toolkit"),
    ('{"format": "other", "values": {}}', "not a record saved by this toolkit"),
    (record({}, version=99), "saved by a newer version of the toolkit (format 99)"),
    (record({}, version="1"), "format this page does not know"),
    (record({}, tool="planner"), "saved from a different tool"),
    (record({"checklist": "team-agreement-start"}), "belongs to a different page"),
    (record({"a": nested(20)}), "nested too deeply"),
    (record({"a": ["x"] * 600}), "more than 500 entries"),
    (record({"a": "x" * 6000}), "longer than 5,000 characters"),
    ("x" * (records.MAX_CHARS + 1), "too large to be a saved record"),
    ("[" * 100_001 + "]" * 100_001, "too large"),
    ("[" * 50_000 + "]" * 50_000, "nested too deeply"),
])
def test_a_bad_file_is_refused_with_a_reason(text, message):
    answer = load(text, fixed={"checklist": "manager-conversation"})
    assert answer["ok"] is False
    assert answer["errors"][0]["field"] == records.IMPORT
    assert message in answer["errors"][0]["message"]


def test_a_good_record_gives_back_its_values():
    values = {"checklist": "manager-conversation", "items": {"a": {"done": True, "note": "n"}}}
    assert load(record(values), fixed={"checklist": "manager-conversation"}) == {"ok": True, "values": values}


def test_records_carry_a_neutral_format_name_and_ones_saved_under_the_old_name_still_load():
    """A fork's downloads must not carry the default product's name; people's saved files must still open."""
    fresh = json.loads(record({"id": "manager-conversation"}))
    assert fresh["format"] == "toolkit-record"
    old = json.dumps({**fresh, "format": "smart-working-toolkit"})
    assert load(old)["ok"] is True
