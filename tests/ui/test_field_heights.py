"""Number, date and time fields are as high as the text fields beside them under the app's
style sheet: any style sheet made Qt's Fusion style size them 3 px lower, which cut the
bottoms of their letters ("14 Tage") (found by a tester)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from expertenrat.ui.date_fields import date_edit
from expertenrat.ui.text_fields import LineEdit
from expertenrat.ui.time_fields import optional_time_edit, time_edit
from expertenrat.ui.widgets import FocusSpin


def _days() -> QWidget:
    spin = FocusSpin()
    spin.setSuffix(" Tage")
    spin.setValue(14)
    return spin


@pytest.mark.parametrize(
    "make",
    [_days, date_edit, time_edit, optional_time_edit, QDateTimeEdit],
    ids=["spin", "date", "time", "optional time", "date and time"],
)
def test_as_high_as_a_line_edit(qtbot, app_style_sheet, make) -> None:
    field, line = make(), LineEdit()
    qtbot.addWidget(field)
    qtbot.addWidget(line)
    assert field.sizeHint().height() >= line.sizeHint().height()
    assert field.minimumSizeHint().height() >= line.minimumSizeHint().height()
