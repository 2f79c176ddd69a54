"""The short fields of the Einstellungen at Windows' larger text (150 %: 9 pt becomes about
14 pt): none is capped narrower than its text needs. A cap of 240 pixels cut the choice of
"Beschlussfähigkeit" (found by a tester)."""

from __future__ import annotations

import pytest
from laptop_fonts import dejavu_sans  # noqa: F401 (fixture)
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QFormLayout, QWidget

from expertenrat.ui.form_errors import FormErrors
from expertenrat.ui.settings_council import CouncilSettingsFields
from expertenrat.ui.settings_minutes import MinutesSettingsFields
from expertenrat.ui.settings_profile import ProfileSettingsFields


@pytest.fixture
def larger_text(qapp, dejavu_sans):  # noqa: F811 (the fixture imported above)
    before = qapp.font()
    larger = qapp.font()
    larger.setPointSize(14)
    qapp.setFont(larger)
    yield
    qapp.setFont(before)


@pytest.mark.usefixtures("larger_text")
def test_no_short_settings_field_is_narrower_than_its_text(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    form = QFormLayout(host)
    errors = FormErrors(form)
    groups = (
        CouncilSettingsFields(errors, form, dialogs=None),
        MinutesSettingsFields(errors, form),
        ProfileSettingsFields(errors, form),
    )
    capped = {
        name: field
        for group in groups
        for name, field in vars(group).items()
        if isinstance(field, QComboBox | QAbstractSpinBox) and field.maximumWidth() < 10_000
    }

    assert "quorum_combo" in capped
    cut = {
        name: (field.maximumWidth(), field.sizeHint().width())
        for name, field in capped.items()
        if field.maximumWidth() < field.sizeHint().width()
    }
    assert cut == {}
