"""The forms limit their inputs with the numbers of the one source (domain.field_limits)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit
from sqlalchemy import text

from expertenrat.domain.councils import ActionField, CouncilSettings
from expertenrat.domain.field_limits import COUNCIL, LATEST_DATE, PERSON
from expertenrat.ui.error_dialog import ErrorReporter
from expertenrat.ui.member_form import MemberForm

TODAY_FIELDS = [ActionField(id=1, name="Stadtdaten")]


def test_every_one_line_input_of_the_member_form_has_the_field_limit(qtbot, today):
    form = MemberForm(TODAY_FIELDS, today)
    qtbot.addWidget(form)

    limits = {name: edit.maxLength() for name, edit in form.line_edits().items()}

    assert limits == {name: spec.max_length for name, spec in PERSON.items() if not spec.multiline}
    assert form.phone_edit.maxLength() == 100
    form.phone_edit.setText("0" * 150)
    assert form.member().phone == "0" * 100


def test_the_date_inputs_of_the_member_form_end_in_2100(qtbot, today):
    form = MemberForm(TODAY_FIELDS, today)
    qtbot.addWidget(form)

    for edit in form.findChildren(QDateEdit):
        assert edit.maximumDate() == QDate(LATEST_DATE)
        assert edit.minimumDate() == QDate(1900, 1, 1)


def test_the_settings_page_inputs_have_the_field_limits(make_window, services):
    services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    window = make_window()
    page = window.settings_page

    limits = {name: edit.maxLength() for name, edit in page.council_form.line_edits().items()}

    assert limits == {name: spec.max_length for name, spec in COUNCIL.items()}


def test_a_database_error_reaching_the_event_loop_shows_no_values(qtbot, tmp_path, sqlite_database):
    reporter = ErrorReporter(tmp_path / "expertenrat.log")
    try:
        with sqlite_database.engine.begin() as connection:
            connection.execute(
                text("INSERT INTO persons (given_name, family_name) VALUES (:g, NULL)"),
                {"g": "Wilhelmine Geheim"},
            )
    except Exception:
        reporter(*sys.exc_info())

    dialog = reporter.dialogs[0]
    qtbot.addWidget(dialog)
    details = dialog.details.toPlainText()
    assert "sqlalchemy.exc.IntegrityError: (text hidden" in details
    assert "Wilhelmine" not in details and "INSERT" not in details
    dialog.reject()
