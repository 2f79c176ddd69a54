"""Hilfe → Tastenkürzel: the keys the program knows, in one list.

Each key is also named where it acts (a sidebar entry's or a button's tooltip); this list
is for the newcomer who wants them all at a glance. Add a key here when one is added.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from expertenrat.ui.i18n import tr

_CONTEXT = "ShortcutsHelp"


def shortcut_rows() -> list[tuple[str, str]]:
    """(key, what it does) in the order a user meets them."""
    return [
        (tr(_CONTEXT, "Strg+1 … Strg+8"), tr(_CONTEXT, "Bereich der Seitenleiste wählen")),
        (
            tr(_CONTEXT, "Strg+N"),
            tr(_CONTEXT, "Neues Mitglied, neues Projekt, neue Sitzung, neue Empfehlung"),
        ),
        (tr(_CONTEXT, "Strg+F"), tr(_CONTEXT, "In die Suche der Liste springen")),
        (tr(_CONTEXT, "Strg+S"), tr(_CONTEXT, "Das Formular der Seite speichern")),
        (
            tr(_CONTEXT, "Eingabetaste"),
            tr(_CONTEXT, "In einem Eingabefeld: speichern (im Textfeld: neue Zeile)"),
        ),
        (tr(_CONTEXT, "Entf"), tr(_CONTEXT, "Markierte Zeile einer Liste löschen (mit Rückfrage)")),
        (
            tr(_CONTEXT, "Alt+Pfeiltasten"),
            tr(_CONTEXT, "Tagesordnung und Partnerlisten: Eintrag verschieben, ein- und ausrücken"),
        ),
        (
            tr(_CONTEXT, "Strg+Eingabetaste"),
            tr(_CONTEXT, "Protokoll: nächste Zeile (Strg+Umschalt+Eingabetaste: vorige)"),
        ),
        (tr(_CONTEXT, "Strg+Q"), tr(_CONTEXT, "Programm beenden")),
    ]


def shortcuts_text() -> str:
    rows = "".join(
        f"<tr><td style='padding-right:12px'><b>{key}</b></td><td>{meaning}</td></tr>"
        for key, meaning in shortcut_rows()
    )
    return tr(_CONTEXT, "<h3>Tastenkürzel</h3>") + f"<table>{rows}</table>"


def show_shortcuts(parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(tr(_CONTEXT, "Tastenkürzel"))
    box.setText(shortcuts_text())
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.finished.connect(box.deleteLater)
    box.open()
    return box
