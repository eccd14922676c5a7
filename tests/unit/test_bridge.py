"""The bridge the browser calls: always a JSON answer, never an exception."""

from __future__ import annotations

import json

import pytest

from toolkit import bridge, tools


@pytest.mark.parametrize("request_json", [
    json.dumps({"tool": "nope", "values": {}}),
    json.dumps([]),
    json.dumps("text"),
])
def test_a_request_for_no_known_tool_is_answered_plainly(request_json):
    answer = json.loads(bridge.handle(request_json))
    assert answer["ok"] is False and "does not have" in answer["errors"][0]["message"]


@pytest.mark.parametrize("values", [None, [], "x", 3])
def test_values_that_are_not_a_form_are_refused(values):
    answer = json.loads(bridge.handle(json.dumps({"tool": "checklist", "values": values})))
    assert answer == {"ok": False, "errors": [{"field": "", "message": "The form sent nothing to work with."}]}


def test_even_a_broken_request_gets_an_answer_with_the_detail_for_the_console():
    answer = json.loads(bridge.handle("{this is not json"))
    assert answer["ok"] is False and answer["failure"] and "Traceback" in answer["detail"]


def test_every_registered_tool_exists_and_has_the_tool_shape():
    for name in tools.names():
        module = tools.module(name)
        assert module.NAME == name
        for part in ("form", "validate", "compute", "render"):
            assert callable(getattr(module, part))


@pytest.mark.parametrize("jurisdiction", ["GB", "NI", "policy"])
def test_every_tools_form_renders_under_every_jurisdiction(jurisdiction):
    from toolkit import forms, org

    settings = org.merge({"policy": {"requests": {"jurisdiction": jurisdiction}}})
    for name in tools.names():
        module = tools.module(name)
        html = forms.render_tool(module.form(settings))
        assert f'data-tool="{name}"' in html
