"""The fields of an election in a vote line of the minutes (Abstimmung "Wahl"): the persons
who stood, each with the votes received, the abstentions, the invalid ballots, secret
ballot or not, who is elected and whether the person accepts.

A person is a member of the council (the name offered as it is typed, the member then
recorded with it) or any name typed. A change that is complete (a field left, a choice
made) emits ``changed``, as the counts of a vote do; the line hands the election on with
:meth:`ElectionFields.election`. A person's line that is added waits until a name or votes
are entered in it. The Tab key goes through the persons in their order, then "Person
hinzufügen", the counts and the outcome.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.elections import Candidate, Election
from expertenrat.domain.field_limits import CANDIDATE_NAME
from expertenrat.ui.i18n import tr
from expertenrat.ui.text_fields import LineEdit, set_read_only, show_text
from expertenrat.ui.widgets import FocusCombo, FocusSpin, drop_widget

_CONTEXT = "MinutesEditor"
MAX_COUNT = 999
ACCEPTANCE = (None, True, False)  # the entries of "Annahme", in their order


class CandidateRow(QWidget):
    """One person who stood: the name and the votes received."""

    def __init__(self, candidate: Candidate, names: Sequence[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.name_edit = LineEdit()
        show_text(self.name_edit, candidate.name)
        self.name_edit.setMaxLength(CANDIDATE_NAME.max_length)
        self.name_edit.setPlaceholderText(tr(_CONTEXT, "Name (Mitglied oder frei)"))
        self.name_edit.setAccessibleName(tr(_CONTEXT, "Person zur Wahl"))
        completer = QCompleter(list(names), self.name_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name_edit.setCompleter(completer)
        self.votes_spin = FocusSpin()
        self.votes_spin.setRange(0, MAX_COUNT)
        self.votes_spin.setValue(candidate.votes)
        self.votes_spin.setAccessibleName(tr(_CONTEXT, "Stimmen"))
        self.remove_button = QPushButton(tr(_CONTEXT, "Entfernen"))
        self.remove_button.setToolTip(tr(_CONTEXT, "Diese Person aus der Wahl nehmen"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name_edit, 1)
        layout.addWidget(QLabel(tr(_CONTEXT, "Stimmen")))
        layout.addWidget(self.votes_spin)
        layout.addWidget(self.remove_button)

    def tab_stops(self) -> list[QWidget]:
        return [self.name_edit, self.votes_spin, self.remove_button]


class ElectionFields(QWidget):
    changed = Signal()

    def __init__(
        self,
        election: Election | None,
        abstain: int,
        members: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._read_only = False
        self._members = {name: membership_id for membership_id, name in members}
        self.rows: list[CandidateRow] = []
        self._rows_layout = QVBoxLayout()
        self.add_button = QPushButton(tr(_CONTEXT, "Person hinzufügen"))
        self.add_button.setToolTip(tr(_CONTEXT, "Eine weitere Person zur Wahl eintragen"))
        self.abstain_spin = _count(tr(_CONTEXT, "Enthaltungen"), abstain)
        self.invalid_spin = _count(tr(_CONTEXT, "Ungültige Stimmen"), 0)
        self.secret_check = QCheckBox(tr(_CONTEXT, "Geheime Wahl"))
        self.elected_combo = FocusCombo()
        self.elected_combo.setAccessibleName(tr(_CONTEXT, "Gewählt"))
        self.accepted_combo = FocusCombo()
        self.accepted_combo.setAccessibleName(tr(_CONTEXT, "Annahme der Wahl"))
        for label in (
            tr(_CONTEXT, "nicht erfasst"),
            tr(_CONTEXT, "nimmt die Wahl an"),
            tr(_CONTEXT, "nimmt die Wahl nicht an"),
        ):
            self.accepted_combo.addItem(label)
        counts = QHBoxLayout()
        for caption, widget in (
            (tr(_CONTEXT, "Enthaltung"), self.abstain_spin),
            (tr(_CONTEXT, "Ungültig"), self.invalid_spin),
        ):
            counts.addWidget(QLabel(caption))
            counts.addWidget(widget)
        counts.addWidget(self.secret_check)
        counts.addStretch(1)
        outcome = QFormLayout()
        outcome.addRow(tr(_CONTEXT, "Gewählt"), self.elected_combo)
        outcome.addRow(tr(_CONTEXT, "Annahme"), self.accepted_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_layout)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(counts)
        layout.addLayout(outcome)
        self.show_election(election or Election(), abstain)
        self.add_button.clicked.connect(self.add_candidate)
        for spin in (self.abstain_spin, self.invalid_spin):
            spin.editingFinished.connect(self.changed)
        self.secret_check.toggled.connect(self.changed)
        self.elected_combo.activated.connect(self._elected_chosen)
        self.accepted_combo.activated.connect(self.changed)

    def show_election(self, election: Election, abstain: int) -> None:
        """The fields as ``election`` and ``abstain`` say, without ``changed``."""
        for row in self.rows:
            drop_widget(row)
        self.rows = []
        for candidate in election.candidates:
            self._add_row(candidate)
        blockers = [QSignalBlocker(w) for w in (self.abstain_spin, self.invalid_spin,
                                                self.secret_check)]  # fmt: skip
        self.abstain_spin.setValue(abstain)
        self.invalid_spin.setValue(election.invalid)
        self.secret_check.setChecked(election.secret)
        del blockers
        self._update_elected(election.elected)
        self.accepted_combo.setCurrentIndex(ACCEPTANCE.index(election.accepted))

    def election(self) -> Election:
        """What the fields hold (a person's line with neither name nor votes left out)."""
        candidates = tuple(
            Candidate(name, row.votes_spin.value(), self._members.get(name))
            for row in self.rows
            if (name := row.name_edit.text().strip()) or row.votes_spin.value()
        )
        return Election(
            candidates=candidates,
            invalid=self.invalid_spin.value(),
            secret=self.secret_check.isChecked(),
            elected=self.elected_combo.currentData() or "",
            accepted=ACCEPTANCE[self.accepted_combo.currentIndex()],
        )

    def abstain(self) -> int:
        return self.abstain_spin.value()

    def add_candidate(self) -> None:
        """A new person's line with the cursor in its name; saved once something is in it."""
        row = self._add_row(Candidate(""))
        row.name_edit.setFocus()

    def tab_stops(self) -> list[QWidget]:
        """The fields in the order the Tab key should reach them."""
        rows = [stop for row in self.rows for stop in row.tab_stops()]
        return [*rows, self.add_button, self.abstain_spin, self.invalid_spin,
                self.secret_check, self.elected_combo, self.accepted_combo]  # fmt: skip

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for row in self.rows:
            _row_read_only(row, read_only)
        for widget in (self.add_button, self.secret_check, self.elected_combo,
                       self.accepted_combo):  # fmt: skip
            widget.setEnabled(not read_only)
        for spin in (self.abstain_spin, self.invalid_spin):
            set_read_only(spin, read_only)

    def _add_row(self, candidate: Candidate) -> CandidateRow:
        row = CandidateRow(candidate, list(self._members), self)
        # Tab reaches the new line after the one before (or the field before the first),
        # ahead of "Person hinzufügen".
        before = (
            self.rows[-1].remove_button if self.rows else self.add_button.previousInFocusChain()
        )
        for stop in row.tab_stops():
            QWidget.setTabOrder(before, stop)
            before = stop
        _row_read_only(row, self._read_only)
        row.name_edit.editingFinished.connect(self._names_left)
        row.votes_spin.editingFinished.connect(self.changed)
        row.remove_button.clicked.connect(lambda: self._remove(row))
        self._rows_layout.addWidget(row)
        self.rows.append(row)
        return row

    def _remove(self, row: CandidateRow) -> None:
        if row not in self.rows:
            return
        self.rows.remove(row)
        if row.isAncestorOf(self.focusWidget()):
            self.add_button.setFocus()
        drop_widget(row)
        self._update_elected(self.elected_combo.currentData() or "")
        self.changed.emit()

    def _names_left(self) -> None:
        self._update_elected(self.elected_combo.currentData() or "")
        self.changed.emit()

    def _elected_chosen(self) -> None:
        self.changed.emit()

    def _update_elected(self, elected: str) -> None:
        """ "– niemand –" and the names of the persons, ``elected`` chosen where it stood."""
        blocker = QSignalBlocker(self.elected_combo)
        self.elected_combo.clear()
        self.elected_combo.addItem(tr(_CONTEXT, "– niemand –"), "")
        for row in self.rows:
            name = row.name_edit.text().strip()
            if name:
                self.elected_combo.addItem(name, name)
        self.elected_combo.setCurrentIndex(max(0, self.elected_combo.findData(elected)))
        del blocker


def _count(name: str, value: int) -> FocusSpin:
    spin = FocusSpin()  # the wheel passing over it scrolls the minutes
    spin.setRange(0, MAX_COUNT)
    spin.setValue(value)
    spin.setAccessibleName(name)
    return spin


def _row_read_only(row: CandidateRow, read_only: bool) -> None:
    set_read_only(row.name_edit, read_only)
    set_read_only(row.votes_spin, read_only)
    row.remove_button.setEnabled(not read_only)
