"""Result tables: one builder for every tool, so each cell can carry its column's name on a phone."""

from __future__ import annotations

import pytest

from toolkit.render import table


def test_a_result_table_labels_every_cell_with_its_column_and_keeps_row_cells_as_given():
    html = table("Per day", ("Day", "Where", "Hours"), [("Monday", ["At home", "7.5"]), ("Tuesday", ["<b>x</b>", "8"])])
    assert '<caption>Per day</caption>' in html
    assert html.count('<th scope="col">') == 3 and html.count('<th scope="row">') == 2
    assert '<td data-label="Where">At home</td><td data-label="Hours">7.5</td>' in html
    assert "<b>x</b>" in html  # cells arrive as safe HTML: the caller escapes what a person typed


def test_a_result_table_refuses_a_row_with_the_wrong_number_of_cells():
    with pytest.raises(ValueError):
        table("Per day", ("Day", "Where", "Hours"), [("Monday", ["At home"])])
