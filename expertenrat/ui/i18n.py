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
    own = _OwnWords(app)  # installed last, asked first
    app.installTranslator(own)
    installed.append(own)
    return installed


_OWN_WORDS = {
    ("QMessageBox", "Show Details..."): "Details einblenden …",
    ("QMessageBox", "Hide Details..."): "Details ausblenden …",
}


class _OwnWords(QTranslator):
    """Qt's texts that the program writes its own way: a message's details button says
    "Details einblenden …" with the program's ellipsis, as its texts refer to it ("Sie
    finden ihn unter „Details einblenden …“"); Qt's catalogue has "Details einblenden...".
    """

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return _OWN_WORDS.get((context, source_text))  # None: the next catalogue answers

    def isEmpty(self) -> bool:
        return False
