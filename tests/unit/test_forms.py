"""Reading what people type: numbers, times and text, with the message a person sees when it will not do."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from toolkit import forms


@pytest.mark.parametrize("raw, value, message", [
    ("7.5", 7.5, None),
    (" 8 ", 8.0, None),
    ("7,5", 7.5, None),
    ("", None, "Enter hours."),
    ("seven", None, "Hours must be a number, like 7.5."),
    ("1e3", None, "Hours must be a number, like 7.5."),
    ("nan", None, "Hours must be a number, like 7.5."),
    ("-1", None, "Hours must be 0 or more."),
    ("169", None, "Hours must be 168 or less."),
    (True, None, "Hours must be a number, like 7.5."),
])
def test_number(raw, value, message):
    assert forms.number(raw, label="Hours", minimum=0, maximum=168) == (value, message)


@pytest.mark.parametrize("raw, minutes, message", [
    ("09:30", 570, None),
    ("9.30", 570, None),
    ("24:00", 1440, None),
    ("00:00", 0, None),
    ("25:00", None, "Start must be a real time of day, from 00:00 to 24:00."),
    ("12:60", None, "Start must be a real time of day, from 00:00 to 24:00."),
    ("noon", None, "Start must be a time in 24-hour form, like 09:30."),
    ("", None, "Enter start."),
])
def test_clock(raw, minutes, message):
    assert forms.clock(raw, label="Start") == (minutes, message)


@pytest.mark.parametrize("value, written", [(7.5, "7.5"), (8.0, "8"), (7.25, "7.25"), (0.0, "0"), (1 / 3, "0.33")])
def test_numbers_are_written_as_people_write_them(value, written):
    assert forms.fmt_number(value) == written


class _Controls(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.labels, self.controls = set(), set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "label" and "for" in a:
            self.labels.add(a["for"])
        if tag in ("input", "select", "textarea") and a.get("type") not in ("hidden",):
            self.controls.append(a)


def test_every_control_has_a_label_and_ids_are_unique():
    form = forms.ToolForm("t", "t", [
        forms.Field("a", "A", kind="number", hint="h"),
        forms.Field("b", "B", kind="radios", options=(("x", "X"), ("y", "Y"))),
        forms.Group("G", (forms.Field("c", "C", kind="checkbox"),), name="g"),
        forms.Repeat("rows", "Rows", "row", (forms.Field("n", "N"), forms.Field("w", "W", kind="select",
                                                                               options=(("1", "One"),)))),
    ], example={"a": "</script><script>alert(1)</script>"})
    html = forms.render_tool(form)
    assert "</script><script>" not in html
    parser = _Controls()
    parser.feed(html.split("<template")[0] + html.split("</template>")[1])
    for control in parser.controls:
        assert control["id"] in parser.labels, control


@pytest.mark.parametrize("raw", [["a"], {"a": 1}, 3, True])
def test_a_choice_that_is_not_text_gets_a_message_not_an_exception(raw):
    assert forms.choice(raw, label="Mode", options=(("a", "A"),)) == (None, "Choose one of the options for mode.")


def test_a_question_that_applies_after_one_answer_starts_hidden_unless_the_default_is_that_answer():
    when = forms.Field("when", "When", kind="select", options=(("any", "Any"), ("set", "Set")), default="any")
    day = forms.Field("day", "Day", shown_when=("when", ("set",)))
    where = forms.Field("where", "Where", kind="select", options=(("base", "Base"),), default="base")
    why = forms.Field("why", "Why", shown_when=("where", ("base", "site")))
    html = forms.render_tool(forms.ToolForm("t", "t", [forms.Repeat("rows", "Rows", "row", (when, day, where, why))]))
    row = html.split("<template")[0]
    assert '<div class="swt-field" data-shown-when="when" data-shown-values="set" hidden>' in row
    assert '<div class="swt-field" data-shown-when="where" data-shown-values="base site">' in row


def test_only_a_single_control_can_depend_on_another_answer():
    with pytest.raises(ValueError, match="single control"):
        forms.Field("c", "C", kind="checkbox", shown_when=("when", ("set",)))
