"""„Versand ändern …“ on the Empfehlungen page (the place of „Versenden …“ once a
recommendation is sent, while no statement is recorded): the sending recorded wrongly is
corrected, either the day it went out or, where it did not go out, the sending taken back
(the recommendation "beschlossen" again). The dialog reports the choice through its signals;
the services decide (:mod:`~expertenrat.services.recommendation_send_corrections`). Where
they keep the sending (a reminder went out: ``sending_kept``), the taking back is off and
their reason stands under it (found by a tester: it was refused only after OK)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QRadioButton, QWidget

from expertenrat.ui.date_fields import date_edit
from expertenrat.ui.dialog_parts import dialog_buttons
from expertenrat.ui.i18n import tr
from expertenrat.ui.widgets import wrapping_label

_CONTEXT = "SendingCorrectionDialog"


class SendingCorrectionDialog(QDialog):
    corrected = Signal(object)  # the day it went out
    taken_back = Signal()

    def __init__(self, parent: QWidget, code: str, sent_on: date, kept: str | None) -> None:
        """``kept``: why the sending can no longer be taken back (``None``: it can)."""
        super().__init__(parent)
        self.setWindowTitle(tr(_CONTEXT, "Versand ändern"))
        self.other_day = QRadioButton(tr(_CONTEXT, "Übermittelt am"))
        self.other_day.setChecked(True)
        self.editor = date_edit(sent_on)
        self.editor.setAccessibleName(tr(_CONTEXT, "Übermittelt am"))
        self.other_day.toggled.connect(self.editor.setEnabled)
        self.not_sent = QRadioButton(
            tr(_CONTEXT, "Nicht übermittelt: Versand zurücknehmen (wieder „beschlossen“)")
        )
        layout = QFormLayout(self)
        intro = tr(
            _CONTEXT,
            "Der Versand von {code} ist für den {day:%d.%m.%Y} erfasst. Die Frist folgt einem "
            "anderen Tag, wenn sie nicht von Hand gesetzt wurde; ein zurückgenommener Versand "
            "lässt Versanddatum und Frist entfallen. Das Änderungsprotokoll vermerkt die "
            "Berichtigung.",
        ).format(code=code, day=sent_on)
        layout.addRow(wrapping_label(intro))
        layout.addRow(self.other_day, self.editor)
        layout.addRow(self.not_sent)
        if kept is not None:
            self.not_sent.setEnabled(False)
            self.not_sent.setToolTip(kept)
            layout.addRow(wrapping_label(kept))
        layout.addRow(dialog_buttons(self, on_accept=self._submit))

    def _submit(self) -> None:
        if self.not_sent.isChecked():
            self.taken_back.emit()
        else:
            self.corrected.emit(self.editor.date().toPython())
        self.accept()
