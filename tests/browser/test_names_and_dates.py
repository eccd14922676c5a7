"""One name end to end, and one clock: a draft kept under a tool's former name (where_when, flexible_request) is
moved to its new name, not lost; and Python works to the reader's own date, which the page sends with each
question, not the worker's clock."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.browser.conftest import wait_for_result


def draft_key(tool: str) -> str:
    return f"swt:v2:/smart-working/:{tool}"


@pytest.mark.own_page  # a draft set before Python starts, then the page loaded afresh
@pytest.mark.parametrize("path, former, new, label, typed", [
    ("tools/planner/", "where_when", "planner", "Your name or initials (optional)", "Kept from before"),
    ("tools/request/", "flexible_request", "request", "Your name", "Sam Kept"),
])
def test_a_draft_under_a_tools_former_name_is_moved_to_its_new_name(page, server, path, former, new, label, typed):
    page.goto(server.url + path)
    name = page.get_by_label(label, exact=True).get_attribute("name")
    values = {}
    node = values
    *parents, last = name.split(".")
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = typed
    page.evaluate("([k, v]) => { localStorage.clear(); localStorage.setItem(k, JSON.stringify({version: 2, values: v})) }",
                  [draft_key(former), values])
    page.reload()
    page.wait_for_function("() => document.querySelector('form[data-tool]').dataset.bound")
    assert page.get_by_label(label, exact=True).input_value() == typed
    moved = page.evaluate("([a, b]) => [localStorage.getItem(a), JSON.parse(localStorage.getItem(b))]",
                          [draft_key(former), draft_key(new)])
    assert moved[0] is None and moved[1]["values"] == values | moved[1]["values"]


@pytest.mark.own_page  # its clock is its own
@pytest.mark.own_page  # its own clock, set before the page loads
def test_python_works_to_the_date_the_page_has_not_the_workers(page, server):
    page.clock.set_fixed_time(datetime(2028, 2, 29, 9, 30))
    page.goto(server.url + "checklists/manager-conversation/")
    page.get_by_label("Filled in by (optional)").fill("Jo")
    wait_for_result(page, "on 29 February 2028")
