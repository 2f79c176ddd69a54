"""Qt's own German catalogues are loaded: standard buttons speak German."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from expertenrat.ui.i18n import install_qt_translations
from tests.ui.settling import exposed


@pytest.fixture(autouse=True)
def _default_locale_kept() -> Iterator[None]:
    """install_qt_translations makes German the default locale, as the program's start
    does; the tests after these in the same process (which ones depends on the order and
    on how xdist shares them out) get the locale they had before."""
    before = QLocale()
    yield
    QLocale.setDefault(before)


def test_standard_buttons_say_speichern_and_abbrechen(qapp):
    translators = install_qt_translations(qapp)
    try:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        texts = {
            box.button(QDialogButtonBox.StandardButton.Save).text().replace("&", ""),
            box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", ""),
        }
        assert texts == {"Speichern", "Abbrechen"}
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_a_message_s_details_button_says_details_einblenden_with_the_programs_ellipsis(qapp, qtbot):
    """The texts refer to it as „Details einblenden …“; Qt's catalogue writes "...".
    Every other text of Qt's catalogues still comes through (the OK button)."""
    translators = install_qt_translations(qapp)
    try:
        box = QMessageBox(QMessageBox.Icon.Warning, "Protokoll", "Text gesichert.")
        qtbot.addWidget(box)
        box.setDetailedText("der gesicherte Text")
        box.show()
        exposed(box)
        (details,) = [b for b in box.buttons() if "Details" in b.text()]
        assert details.text() == "Details einblenden …"
        details.click()
        assert details.text() == "Details ausblenden …"
        assert box.button(QMessageBox.StandardButton.Ok).text() == "OK"
        assert QApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
