"""Translations: one helper with explicit contexts, and Qt's own German catalogues.

The UI's source strings are German already; ``tr`` keeps them translatable for another
language without relying on ``self.tr()``, which PySide6 resolves against the base class.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def install_qt_translations(app: QCoreApplication) -> list[QTranslator]:
    """Load Qt's German catalogues so standard buttons say "Speichern", "Abbrechen"."""
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = []
    for catalogue in ("qtbase_de", "qt_de"):
        translator = QTranslator(app)
        if translator.load(catalogue, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
