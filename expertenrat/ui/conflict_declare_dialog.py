"""Befangenheit eintragen: a member and the reason they declared for one agenda item.

``submit(membership_id, reason)`` saves and answers whether it worked; the dialog closes
only then, so a refused entry keeps what was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from expertenrat.domain.conflict_sheet import CONFLICT, MemberRef
from expertenrat.ui.dialog_parts import FORM_DIALOG_WIDTH, dialog_buttons, name_choice_boxes
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.discard_check import DiscardCheck
from expertenrat.ui.i18n import tr
from expertenrat.ui.text_fields import LineEdit, with_placeholder
from expertenrat.ui.widgets import FocusCombo

_CONTEXT = "ConflictDeclareDialog"


class ConflictDeclareDialog(QDialog):
    def __init__(
        self,
        item_label: str,
        members: Sequence[MemberRef],
        submit: Callable[[int, str], bool],
        parent: QWidget | None = None,
        *,
        dialogs: DialogService | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(tr(_CONTEXT, "Befangenheit eintragen"))
        item = QLabel(item_label)
        item.setWordWrap(True)
        item.setTextFormat(Qt.TextFormat.PlainText)
        self.member_combo = FocusCombo()
        _add_members(self.member_combo, members)
        self.reason_edit = LineEdit()
        self.reason_edit.setMaxLength(CONFLICT["reason"].max_length)
        with_placeholder(
            self.reason_edit, tr(_CONTEXT, "z. B. Geschäftsführerin des Projektpartners")
        )
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Save)
        form = QFormLayout(self)
        form.addRow(tr(_CONTEXT, "Tagesordnungspunkt"), item)
        form.addRow(tr(_CONTEXT, "Mitglied"), self.member_combo)
        form.addRow(tr(_CONTEXT, "Grund"), self.reason_edit)
        name_choice_boxes(form)
        form.addRow(buttons)
        self.setMinimumWidth(FORM_DIALOG_WIDTH)
        self.finished.connect(self.deleteLater)
        self._discard = DiscardCheck(self, dialogs, self.reason_edit.text)

    def reject(self) -> None:
        self._discard.reject(super().reject)

    def accept(self) -> None:
        member = self.member_combo.currentData()
        if member is not None and self._submit(member, self.reason_edit.text()):
            super().accept()
        elif not self.reason_edit.text().strip():
            # Once the message asking for the reason is closed, the cursor is there (it
            # stayed on the member; found by a tester).
            self.reason_edit.setFocus()


def _add_members(combo: QComboBox, members: Sequence[MemberRef]) -> None:
    """The members, those recorded as entschuldigt or abwesend last, marked so and not to
    be chosen: the service refuses a recusal for them (found by a tester: offered like
    the others, they were refused only after the reason was typed)."""
    for member in sorted(members, key=lambda m: m.away is not None):  # stable
        if member.away is None:
            combo.addItem(member.name, member.membership_id)
            continue
        combo.addItem(f"{member.name} – {member.away.label}", member.membership_id)
        index = combo.count() - 1
        combo.model().item(index).setEnabled(False)  # type: ignore[attr-defined]
        tip = tr(
            _CONTEXT,
            "In der Anwesenheit als „{status}“ erfasst: eine Befangenheit lässt sich nur "
            "für anwesende Mitglieder erfassen.",
        ).format(status=member.away.label)
        combo.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)
