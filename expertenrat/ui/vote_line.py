"""One vote of an agenda item, as a line of :mod:`ui.minutes_votes`: its subject, its mode
(ausgezählt with Ja / Nein / Enthaltung, einstimmig, ohne Abstimmung zur Kenntnis genommen,
or a Wahl with the fields of :mod:`ui.election_fields`) and the button removing it.

A change that is complete (a mode chosen, a count left, a subject typed and left) emits
``changed``; a line just added, or an election with no person yet, waits until something is
entered in it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from expertenrat.domain.enums import VoteMode
from expertenrat.domain.field_limits import VOTE_SUBJECT
from expertenrat.domain.votes import Vote, VoteDraft
from expertenrat.ui.election_fields import MAX_COUNT, ElectionFields
from expertenrat.ui.eliding_widgets import compact_combo
from expertenrat.ui.i18n import tr
from expertenrat.ui.text_fields import LineEdit, set_read_only, show_text
from expertenrat.ui.widgets import FocusSpin

_CONTEXT = "MinutesEditor"


class VoteLine(QWidget):
    changed = Signal()
    remove_requested = Signal(object)

    def __init__(
        self,
        vote: VoteDraft,
        members: Sequence[tuple[int, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.id, self.version = vote.id, vote.version
        self.subject_edit = LineEdit()
        show_text(self.subject_edit, vote.subject)
        self.subject_edit.setMaxLength(VOTE_SUBJECT.max_length)
        self.subject_edit.setPlaceholderText(tr(_CONTEXT, "Gegenstand, z. B. Beschlussvorschlag"))
        self.subject_edit.setAccessibleName(tr(_CONTEXT, "Gegenstand der Abstimmung"))
        self.mode_combo = compact_combo(12)
        for mode in VoteMode:
            self.mode_combo.addItem(tr(_CONTEXT, mode.label), mode.value)
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(vote.mode.value))
        self.mode_combo.setAccessibleName(tr(_CONTEXT, "Art der Abstimmung"))  # not its entry
        self.counts: dict[str, FocusSpin] = {}
        counts = QHBoxLayout()
        for name, caption, value in (
            ("yes", tr(_CONTEXT, "Ja"), vote.yes),
            ("no", tr(_CONTEXT, "Nein"), vote.no),
            ("abstain", tr(_CONTEXT, "Enthaltung"), vote.abstain),
        ):
            spin = FocusSpin()  # the wheel passing over it scrolls the minutes
            spin.setRange(0, MAX_COUNT)
            spin.setValue(value)
            spin.setAccessibleName(caption)
            counts.addWidget(QLabel(caption))
            counts.addWidget(spin)
            self.counts[name] = spin
            spin.editingFinished.connect(self._count_left)
        counts.addStretch(1)
        self.counts_row = QWidget()
        self.counts_row.setLayout(counts)
        counts.setContentsMargins(0, 0, 0, 0)
        self.election_fields = ElectionFields(vote.election, vote.abstain, members)
        self.remove_button = QPushButton(tr(_CONTEXT, "Entfernen"))
        self.remove_button.setToolTip(tr(_CONTEXT, "Diese Abstimmung löschen"))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.subject_edit, 0, 0, 1, 2)
        grid.addWidget(self.mode_combo, 1, 0)
        grid.addWidget(self.remove_button, 1, 1)
        grid.addWidget(self.counts_row, 2, 0, 1, 2)
        grid.addWidget(self.election_fields, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self._stored = self.draft()
        self._update_counts()
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        self.subject_edit.editingFinished.connect(self._count_left)
        self.election_fields.changed.connect(self._count_left)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

    def stored_as(self, vote: Vote) -> None:
        """The line was saved as ``vote`` (its id and version for the next save); an
        "einstimmig" or "ohne Abstimmung" line shows the counts it stands for (greyed), not
        those typed before the mode was chosen ("einstimmig" beside "Enthaltung 1")."""
        self.id, self.version = vote.id, vote.version
        if vote.mode is self.mode() and vote.mode in (VoteMode.UNANIMOUS, VoteMode.NOTED):
            for name, value in (("yes", vote.yes), ("no", vote.no), ("abstain", vote.abstain)):
                blocker = QSignalBlocker(self.counts[name])
                self.counts[name].setValue(value)
                del blocker
        self._stored = self.draft()

    def tab_stops(self) -> list[QWidget]:
        """The fields in the order the Tab key should reach them."""
        return [
            self.subject_edit, self.mode_combo, *self.counts.values(), self.remove_button,
            *self.election_fields.tab_stops(),
        ]  # fmt: skip

    def mode(self) -> VoteMode:
        return VoteMode(self.mode_combo.currentData())

    def draft(self) -> VoteDraft:
        if self.mode() is VoteMode.ELECTION:
            return VoteDraft(
                mode=VoteMode.ELECTION,
                abstain=self.election_fields.abstain(),
                subject=self.subject_edit.text(),
                id=self.id,
                version=self.version,
                election=self.election_fields.election(),
            )
        counted = self.mode() is VoteMode.COUNTED
        return VoteDraft(
            mode=self.mode(),
            yes=self.counts["yes"].value() if counted else 0,
            no=self.counts["no"].value() if counted else 0,
            abstain=self.counts["abstain"].value() if counted else 0,
            subject=self.subject_edit.text(),
            adopted=None,  # follows from the counts (the service decides)
            id=self.id,
            version=self.version,
        )

    def _mode_changed(self) -> None:
        self._update_counts()
        if self._waits():  # two lines ready for the usual two persons
            while len(self.election_fields.rows) < 2:
                self.election_fields.add_candidate()
            self.election_fields.rows[0].name_edit.setFocus()
        self._count_left()

    def _waits(self) -> bool:
        """An election with no person entered yet waits for one, as a new line does."""
        return self.mode() is VoteMode.ELECTION and not self.election_fields.election().candidates

    def _count_left(self) -> None:
        if self.take_change():
            self.changed.emit()

    def typed(self) -> bool:
        """The line differs from what was last handed on to be saved."""
        return not self._waits() and self.draft() != self._stored

    def take_change(self) -> bool:
        """The line differs from what was last handed on to be saved (it is handed on now)."""
        if not self.typed():
            return False
        self._stored = self.draft()
        return True

    def _update_counts(self) -> None:
        for spin in self.counts.values():
            spin.setEnabled(self.mode() is VoteMode.COUNTED)
        election = self.mode() is VoteMode.ELECTION
        self.counts_row.setVisible(not election)
        self.election_fields.setVisible(election)

    def set_read_only(self, read_only: bool) -> None:
        set_read_only(self.subject_edit, read_only)  # looks read-only, the text copyable
        self.mode_combo.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)
        for spin in self.counts.values():
            set_read_only(spin, read_only)
        self.election_fields.set_read_only(read_only)
