"""The messages of a form without a row of their own, under the form: warnings in amber,
errors in red."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget
from settling import exposed

from expertenrat.domain.errors import FieldProblem
from expertenrat.ui.form_errors import FormErrors

HOLIDAY = FieldProblem("dates", "Der 03.10.2026 ist ein Feiertag.", warning=True)


@pytest.fixture
def errors(qtbot) -> Iterator[FormErrors]:
    form = QWidget()
    qtbot.addWidget(form)
    errors = FormErrors(QFormLayout(form))
    errors.add_row("Ort", "place", QLineEdit())
    yield errors  # (not return: the form lives until the test ends)


def test_warnings_under_the_form_are_amber(errors) -> None:
    """(found by a tester) A holiday or an overlap stood in red, as if it stopped saving."""
    errors.show([HOLIDAY])
    assert errors.general.objectName() == "warningLabel"


def test_an_error_under_the_form_is_red(errors) -> None:
    errors.show([HOLIDAY])
    errors.show([HOLIDAY, FieldProblem("state", "Eine abgesagte Sitzung …")])
    assert errors.general.objectName() == "errorLabel"
    errors.show([HOLIDAY])
    errors.show_general("Die Datenbank ist nicht erreichbar.")
    assert errors.general.objectName() == "errorLabel"


def test_a_field_without_a_row_is_shown_under_another(errors) -> None:
    errors.show_under("number", "place")
    errors.show([FieldProblem("number", "Sie erhält die Nummer 8.", warning=True)])
    assert errors.message("place") == "Sie erhält die Nummer 8."
    assert not errors.general.text()


LONG = (
    "Die Rückkehr liegt vor dem Weggang: das Mitglied verlässt die Sitzung bei TOP 3 und "
    "kehrt zu TOP 2 zurück. Bitte wählen Sie für die Rückkehr einen späteren Punkt oder "
    "lassen Sie das Feld leer, wenn das Mitglied bis zum Ende der Sitzung fehlt."
)


@pytest.mark.parametrize("under_field", [True, False])
def test_a_small_dialog_grows_for_a_message_of_four_lines(qtbot, under_field) -> None:
    """(found by review) A wrapping label lets Qt set a dialog's minimum height to none: a
    message that came later kept the dialog's height and was squeezed into one line over
    the field above it."""
    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = QFormLayout(dialog)
    errors = FormErrors(form, collapsed=True)
    errors.add_row("Ort", "place", QLineEdit())
    form.addRow(errors.general)
    dialog.resize(320, dialog.sizeHint().height())
    dialog.show()
    exposed(dialog)
    opened = dialog.height()

    if under_field:
        errors.show([FieldProblem("place", LONG)])
    else:
        errors.show_general(LONG)

    (label,) = [label for label in dialog.findChildren(QLabel) if label.text() == LONG]
    assert label.heightForWidth(label.width()) >= 4 * label.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert dialog.height() > opened
