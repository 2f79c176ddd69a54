"""The widgets of the member dialog and where they sit: the member form in a scroll area
(its columns fit the dialog's width), the message line under it, "Speichern" and
"Abbrechen" beside the "* Pflichtangabe" note, the consent history of a stored person under
the consent rows; as large as the form wants, within the screen.
:class:`~expertenrat.ui.member_dialog.MemberDialog` adds the behaviour (checking, saving,
what a refusal offers; the view/controller split of the house style)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.councils import ActionField, RoleTitles
from expertenrat.domain.errors import ExpertenratError, FieldProblem
from expertenrat.domain.members import Member
from expertenrat.services.members import MembersService
from expertenrat.ui.consent_history import consent_history_view
from expertenrat.ui.dialog_parts import dialog_buttons, required_note_beside
from expertenrat.ui.form_errors import announce, message_label, set_message_kind
from expertenrat.ui.i18n import tr
from expertenrat.ui.member_form import MemberForm
from expertenrat.ui.scroll_areas import plain_scroll_area
from expertenrat.ui.widgets import hint_label

_CONTEXT = "MemberDialog"
MINIMUM_SIZE = QSize(640, 420)


class MemberDialogView(QDialog):
    """The member form, showing ``member`` (a new one where ``None``), with its messages."""

    def __init__(
        self,
        members: MembersService,
        fields: list[ActionField],
        today: date,
        member: Member | None,
        titles: RoleTitles,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self._members = members
        self.form = MemberForm(fields, today)
        self.form.set_role_titles(titles)
        self.consent_history: QWidget | None = None
        if member is not None:
            self.form.set_member(member)
            self._show_consent_history(member)
        self.scroll = plain_scroll_area(self.form)
        self.general_label = message_label()
        self.buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Save, self.save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.general_label)
        layout.addLayout(required_note_beside(self.buttons))
        self._fit_to_screen()
        self.form.given_name_edit.setFocus()
        self.scroll.installEventFilter(self)  # its width decides the form's columns

    def save(self) -> None:
        """ "Speichern": check and store (:class:`~expertenrat.ui.member_dialog.MemberDialog`)."""
        raise NotImplementedError

    def _show_consent_history(self, member: Member) -> None:
        """The recorded grants and withdrawals, or why they cannot be shown."""
        if member.person_id is None:
            return
        try:
            entries = self._members.consent_history(member.person_id)
        except ExpertenratError as error:
            label = hint_label(error.message)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.consent_history = label
        else:
            self.consent_history = (
                consent_history_view(entries)
                if entries
                else hint_label(tr(_CONTEXT, "Noch keine Einwilligung erfasst."))
            )
        self.form.show_consent_history(self.consent_history)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll and event.type() == QEvent.Type.Resize:
            scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            self.form.fit_columns(self.scroll.width() - scrollbar)
        return super().eventFilter(watched, event)

    def _fit_to_screen(self) -> None:
        """As large as the form wants, but never larger than the screen; scroll if needed."""
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        wanted = self.sizeHint().expandedTo(
            self.form.sizeHint() + QSize(scrollbar + 32, self.buttons.sizeHint().height() + 48)
        )
        available = self.screen().availableGeometry().size() * 0.9
        self.setMinimumSize(MINIMUM_SIZE.boundedTo(available))
        self.resize(wanted.boundedTo(available))

    # --- messages ----------------------------------------------------------------------

    def message(self, field: str) -> str:
        """The message under the field named like the Member attribute ("" if none)."""
        return self.form.message(field)

    def general_message(self) -> str:
        return self.general_label.text()

    def _show_problems(
        self, problems: Sequence[FieldProblem], headline: str, *, warning: bool = False
    ) -> None:
        elsewhere = self.form.show_problems(problems)
        self._set_general([headline, *(p.message for p in elsewhere)], warning)
        widget = self.form.widget_of(problems)
        if widget is not None:
            self.scroll.ensureWidgetVisible(widget)
            widget.setFocus()

    def _show_general(self, text: str) -> None:
        """A message about the whole record: the fields keep what was typed."""
        self.form.clear_problems()
        self._set_general([text], warning=False)

    def _set_general(self, lines: list[str], warning: bool) -> None:
        self.general_label.setText("\n".join(lines))
        announce(self.general_label, self.general_label.text())
        set_message_kind(self.general_label, warning)
