"""Qt's own German catalogues are loaded: standard buttons speak German."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from expertenrat.ui.i18n import install_qt_translations


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
