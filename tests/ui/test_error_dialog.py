"""Unexpected errors are logged and shown as a friendly dialog; the app goes on."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QApplication, QLabel

from expertenrat.ui.error_dialog import ErrorReporter


def _raise_and_report(reporter: ErrorReporter) -> None:
    try:
        raise RuntimeError("Kaputt & <kaputter>")
    except RuntimeError:
        reporter(*sys.exc_info())


def test_an_unexpected_error_is_logged_and_shown_with_copyable_details(qtbot, tmp_path, caplog):
    reporter = ErrorReporter(tmp_path / "expertenrat.log")
    with caplog.at_level(logging.ERROR):
        _raise_and_report(reporter)

    assert "Kaputt & <kaputter>" in caplog.text
    dialog = reporter.dialogs[0]
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert "RuntimeError: Kaputt & <kaputter>" in dialog.details.toPlainText()
    dialog.copy_button.click()
    assert "Kaputt & <kaputter>" in QApplication.clipboard().text()
    assert not dialog.details.isVisible()
    dialog.toggle_button.click()
    assert dialog.details.isVisible()
    dialog.reject()
    assert reporter.dialogs == []


def test_the_dialog_names_the_log_file(qtbot, tmp_path):
    reporter = ErrorReporter(tmp_path / "expertenrat.log")
    _raise_and_report(reporter)
    dialog = reporter.dialogs[0]
    qtbot.addWidget(dialog)
    intro = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert str(tmp_path / "expertenrat.log") in intro
    assert "unerwarteter Fehler" in intro
    dialog.reject()


def test_an_expected_error_reaching_the_event_loop_is_shown_as_a_plain_message(qtbot, tmp_path):
    from expertenrat.services.unit_of_work import StorageError

    reporter = ErrorReporter(tmp_path / "expertenrat.log")
    try:
        raise StorageError(
            "Die Datenbank ist gerade von einem anderen Programm gesperrt.", "database is locked"
        )
    except StorageError:
        reporter(*sys.exc_info())
    assert reporter.dialogs == []
    box = reporter.messages[0]
    qtbot.addWidget(box)
    assert box.isVisible()
    assert box.text() == "Die Datenbank ist gerade von einem anderen Programm gesperrt."
    assert box.detailedText() == "database is locked"  # behind "Details einblenden …"
    box.accept()


def test_a_lost_server_is_one_message_whose_retry_rereads_the_window(qtbot, tmp_path):
    from expertenrat.domain.errors import ConnectionLostError

    reporter = ErrorReporter(tmp_path / "expertenrat.log")
    retried = []
    reporter.retry = lambda: retried.append(True)
    for _ in range(2):  # a poll that fails again adds no second box
        try:
            raise ConnectionLostError("Die Verbindung zum Datenbankserver ist unterbrochen.")
        except ConnectionLostError:
            reporter(*sys.exc_info())
    box = reporter.lost_box
    assert box is not None and reporter.dialogs == [] and reporter.messages == []
    retry = next(b for b in box.buttons() if b.text() == "Erneut versuchen")
    retry.click()
    assert retried == [True] and reporter.lost_box is None
