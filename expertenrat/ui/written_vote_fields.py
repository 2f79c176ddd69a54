"""The fields of a written procedure (Umlaufverfahren) in the adoption dialog: a check box
"Im Umlaufverfahren beschlossen" and, while it is checked, the day the draft went to the
members, the deadline, how many members were asked and the votes returned
(:class:`~expertenrat.domain.written_procedures.WrittenVote`). The service checks them and
refuses in German (deadline before sending, more votes than members, no majority)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QWidget

from expertenrat.domain.written_procedures import MAX_MEMBERS, WrittenVote
from expertenrat.ui.date_fields import date_edit
from expertenrat.ui.i18n import tr
from expertenrat.ui.widgets import FocusSpin, in_row

_CONTEXT = "AdoptRecommendationDialog"


class WrittenVoteFields:
    """Adds its rows to ``form``; :meth:`value` is None unless the box is checked."""

    def __init__(self, form: QFormLayout, today: date, members: int) -> None:
        self.check = QCheckBox(
            tr(_CONTEXT, "Im Umlaufverfahren beschlossen (zwischen den Sitzungen)")
        )
        self.sent_edit = date_edit(today - timedelta(days=7))
        self.deadline_edit = date_edit(today)
        self.members_spin = _spin(members)
        self.yes_spin, self.no_spin = _spin(0), _spin(0)
        self.abstain_spin, self.recused_spin = _spin(0), _spin(0)
        form.addRow("", self.check)
        self._rows: list[QWidget] = []
        for label, field in (
            (tr(_CONTEXT, "Versandt am"), self.sent_edit),
            (tr(_CONTEXT, "Frist bis"), self.deadline_edit),
            (tr(_CONTEXT, "Befragte Mitglieder"), in_row(self.members_spin)),
            (
                tr(_CONTEXT, "Stimmen"),
                _counted((tr(_CONTEXT, "Ja"), self.yes_spin), (tr(_CONTEXT, "Nein"), self.no_spin)),
            ),
            (
                "",
                _counted(
                    (tr(_CONTEXT, "Enthaltung"), self.abstain_spin),
                    (tr(_CONTEXT, "befangen"), self.recused_spin),
                ),
            ),
        ):
            form.addRow(label, field)
            self._rows.append(field)
        self._form = form
        self.check.toggled.connect(self._show)
        self._show(False)

    def _show(self, shown: bool) -> None:
        for field in self._rows:
            self._form.setRowVisible(field, shown)

    def value(self) -> WrittenVote | None:
        if not self.check.isChecked():
            return None
        return WrittenVote(
            sent_on=self.sent_edit.date().toPython(),
            deadline_on=self.deadline_edit.date().toPython(),
            member_count=self.members_spin.value(),
            yes=self.yes_spin.value(),
            no=self.no_spin.value(),
            abstain=self.abstain_spin.value(),
            recused=self.recused_spin.value(),
        )


def _counted(*counts: tuple[str, FocusSpin]) -> QWidget:
    """Each count after its caption ("Ja [5]  Nein [1]"), the caption its buddy and its name
    for screen readers: two bare spin boxes behind "Ja / Nein" left the user to guess which
    was which (found by review)."""
    widgets: list[QWidget] = []
    for caption, spin in counts:
        label = QLabel(caption)
        label.setBuddy(spin)
        spin.setAccessibleName(caption)
        widgets += [label, spin]
    return in_row(*widgets)


def _spin(value: int) -> FocusSpin:
    spin = FocusSpin(minimum=0, maximum=MAX_MEMBERS)
    spin.setValue(value)
    return spin
