"""Links read as strictly as files: a size limit before anything else, a version, the settings they were made under,
strict JSON, a record's limits; a plain reason for each that will not do, and the draft passed on by link."""

from __future__ import annotations

import base64
import json
import zlib

import pytest

from toolkit import bridge, links, org, planner

ORG = org.merge({})


def packed(raw: bytes) -> str:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return base64.urlsafe_b64encode(packer.compress(raw) + packer.flush()).decode().rstrip("=")


def made(payload=None, kind="draft", tool="planner", settings=ORG):
    return links.make(kind, tool, payload or {"values": {"a": "b"}}, settings)


def test_a_link_reads_back_from_a_whole_address_or_its_fragment():
    fragment = made()
    for text in (fragment, "#" + fragment, f"https://intranet.example/smart-working/tools/planner/#{fragment}",
                 f"  Here is my plan: https://x.example/#{fragment}\n"):
        assert links.read(text, "planner", ORG) == links.Link("draft", "planner", {"values": {"a": "b"}})


@pytest.mark.parametrize("text, words", [
    ("", "no “#swt” part"),
    ("https://x.example/page", "no “#swt” part"),
    (made()[:-4], "damaged"),
    (made().replace(".draft.", ".other."), "damaged"),
    (made().replace("swt1", "swt2"), "newer version"),
    (made().replace("swt1", "swtx"), "form this page does not know"),
    (made(tool="request"), "belongs to another tool of the toolkit (request)"),
    (made(settings=org.merge({"name": "Another Council"})), "made on a copy of the toolkit with other settings"),
    ("swt1.draft.planner." + links.fingerprint(ORG) + "." + "A" * 9000, "too long"),
    ("swt1.draft.planner." + links.fingerprint(ORG) + "." + packed(b'{"values": NaN}'), "NaN"),
    ("swt1.draft.planner." + links.fingerprint(ORG) + "." + packed(b"[" * 50), "nested too deeply"),
    ("swt1.draft.planner." + links.fingerprint(ORG) + "." + packed(b'{"v": "' + b"x" * 100_000 + b'"}'),
     "holds more than a link"),
    ("swt1.draft.planner." + links.fingerprint(ORG) + "." + packed(b'{"v": "' + b"x" * 6000 + b'"}'),
     "longer than 5,000 characters"),
    ("swt1.draft.planner." + links.fingerprint(ORG) + "." + packed(b"[1]"), "does not hold"),
    ("swt1.draft.planner." + links.fingerprint(ORG) + ".AB$C", "damaged"),
])
def test_a_link_that_will_not_do_says_why(text, words):
    reason = links.read(text, "planner", ORG)
    assert isinstance(reason, str) and reason.startswith("The link") and words in reason


def test_the_settings_that_make_links_differ_are_the_organisation_and_its_rules():
    assert links.fingerprint(ORG) == links.fingerprint(org.merge({"colours": {"primary": "#000000"}}))
    assert links.fingerprint(ORG) != links.fingerprint(org.merge({"policy": {"anchor_days": ["Monday"]}}))


def test_a_planner_draft_is_shared_by_link_and_opens_as_typed():
    values = planner.example()
    answer = json.loads(bridge.handle(json.dumps({"tool": "planner", "action": "link", "kind": "draft",
                                                  "values": values})))
    assert answer["ok"] and answer["fragment"].startswith("swt1.draft.planner.")
    assert len(answer["fragment"]) < links.MAX_CHARS
    assert json.loads(answer["file"]["content"])["format"] == links.FILE_FORMAT
    opened = json.loads(bridge.handle(json.dumps({"tool": "planner", "action": "open_link",
                                                  "text": "#" + answer["fragment"]})))
    assert opened["values"] == values and "Opened the draft" in opened["message"]
    # The same link on another tool's page is refused beside the links, with the tool it belongs to.
    other = json.loads(bridge.handle(json.dumps({"tool": "request", "action": "open_link",
                                                 "text": "#" + answer["fragment"]})))
    assert other["errors"][0]["field"] == "link" and "(planner)" in other["errors"][0]["message"]


def test_a_kind_of_link_a_tool_does_not_make_is_refused():
    answer = json.loads(bridge.handle(json.dumps({"tool": "planner", "action": "link", "kind": "invite",
                                                  "values": {}})))
    assert answer["errors"] == [{"field": "link", "message": "This page does not make that kind of link."}]


def test_a_link_changed_anywhere_is_read_or_refused_in_words_never_raises():
    import random

    fragment = made({"values": {"team": {"name": "Claims"}, "rows": [{"a": "b" * 40}] * 5}})
    rng = random.Random(23)
    alphabet = "ABCabc012-_.#%$ "
    for _ in range(400):
        chars = list(fragment)
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(chars))
            if rng.random() < 0.5:
                chars[at] = rng.choice(alphabet)
            else:
                del chars[at]
        read = links.read("".join(chars), "planner", ORG)
        assert isinstance(read, (str, links.Link))


def test_a_pasted_line_with_no_link_is_named():
    from toolkit import team_agreement  # noqa: F401

    answer = json.loads(bridge.handle(json.dumps({
        "tool": "team_agreement", "action": "import_rows", "repeat": "members", "count": 0, "current": {},
        "files": [{"name": "Link 1", "text": "Here is my reply"}]})))
    assert answer["errors"][0]["message"] == ("Link 1 is not a link made by this toolkit: it has no “#swt” part. "
                                              "Copy the whole link again.")
