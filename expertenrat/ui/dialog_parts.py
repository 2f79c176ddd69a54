"""The parts small dialogs share: their buttons, the "* Pflichtangabe" note, the tab order
of their buttons and their size on a small screen."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from expertenrat.ui.i18n import tr
from expertenrat.ui.widgets import hint_label

# The narrowest a small form dialog gets (Gast hinzufügen, Befangenheit eintragen …): its
# fields show their placeholders ("z. B. Referentin zu TOP 3") and titles whole.
FORM_DIALOG_WIDTH = 420


def fit_height(dialog: QDialog) -> None:
    """Grow ``dialog`` as high as its layout needs at its width: a window whose layout
    wraps text does not grow by itself when a longer text appears, and a message shown
    under a field was squeezed into one line over the field above it (found by review)."""
    layout = dialog.layout()
    layout.activate()
    if not layout.hasHeightForWidth():
        return
    needed = layout.totalHeightForWidth(dialog.width())
    if needed > dialog.height():
        dialog.resize(dialog.width(), needed)


def dialog_buttons(
    dialog: QDialog,
    accept: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok,
    on_accept: Callable[[], None] | None = None,
) -> QDialogButtonBox:
    """The buttons under a small dialog: ``accept`` ("OK"; "Speichern" under a form) and
    "Abbrechen". The first accepts ``dialog``, or calls ``on_accept`` where the dialog
    checks what was typed first; the second rejects it."""
    buttons = QDialogButtonBox(accept | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(on_accept or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def close_buttons(dialog: QDialog, *actions: QAbstractButton) -> QDialogButtonBox:
    """The buttons under a dialog that shows rather than asks: "Schließen", which rejects
    ``dialog``, and the ``actions`` beside it."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    for action in actions:
        buttons.addButton(action, QDialogButtonBox.ButtonRole.ActionRole)
    buttons.rejected.connect(dialog.reject)
    return buttons


def required_note_beside(buttons: QWidget) -> QHBoxLayout:
    """The row under a form dialog: "* Pflichtangabe" on the left (what the fields marked
    with * mean), ``buttons`` on the right."""
    row = QHBoxLayout()
    row.addWidget(hint_label(tr("Widgets", "* Pflichtangabe")), 1)
    row.addWidget(buttons)
    return row


def tab_as_shown(box: QDialogButtonBox) -> None:
    """Tab goes through ``box``'s buttons as they are shown, left to right; Qt keeps the
    order they were made in, so a button added beside a standard one ("Schreiben speichern
    …" left of "Schließen") came after it."""
    row = box.layout()
    shown = [
        widget
        for index in range(row.count())
        if isinstance(widget := row.itemAt(index).widget(), QAbstractButton)
    ]
    for before, after in pairwise(shown):
        QWidget.setTabOrder(before, after)


def name_choice_boxes(form: QFormLayout) -> None:
    """Name each choice box of ``form`` after the label of its row, for screen readers: a
    combo box alone says only its entry ("Empfehlung", "– kein Projekt –"), not what it
    chooses (on Linux Qt gives the entry as its name, the label only as a relation). One
    named already keeps its name."""
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        caption = label.widget() if label is not None else None
        box = field.widget() if field is not None else None
        if (
            isinstance(caption, QLabel)
            and isinstance(box, QComboBox)
            and caption.text()
            and not box.accessibleName()
        ):
            box.setAccessibleName(caption.text().replace("&", "").rstrip(":* "))


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """``window`` (a dialog) at ``width`` x ``height``, but never larger than nine tenths of
    its screen: on a small screen (720 x 480) its buttons stay in sight."""
    room = window.screen().availableGeometry().size() * 0.9
    window.resize(QSize(width, height).boundedTo(room))
