"""The messages of a form without a row of their own, under the form: warnings in amber,
errors in red."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

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
