"""The votes of one agenda item: ausgezählt (Ja / Nein / Enthaltung), einstimmig,
ohne Abstimmung zur Kenntnis genommen, or a Wahl; the recused members named from the
conflicts.

Each vote is one line (:mod:`ui.vote_line`). A change that is complete (a mode chosen, a
count left, a subject typed and left, a line removed) emits ``save_requested`` with every
line as a :class:`VoteDraft`, and so does :meth:`VotesBox.commit` for what is typed in a
field that still has the focus; a line just added waits until something is entered in it. The editor
saves them and shows the service's verdict with :meth:`VotesBox.show_message` (a refusal in
red, a warning such as a missing quorum in brown; ``message_shown`` then). Filling the
lines does not emit anything. The Tab key goes through the lines in their order, before
"Abstimmung hinzufügen".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from expertenrat.domain.votes import RecusedMember, Vote, VoteDraft, recused_names
from expertenrat.ui.i18n import tr
from expertenrat.ui.vote_line import VoteLine
from expertenrat.ui.widgets import drop_widget

_CONTEXT = "MinutesEditor"


class VotesBox(QGroupBox):
    save_requested = Signal(object)  # list[VoteDraft]
    remove_asked = Signal(object)  # a VoteLine with a stored vote: ask, then ``remove``
    message_shown = Signal()  # ``message_label`` says something (to be scrolled into view)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr(_CONTEXT, "Abstimmung"), parent)
        self.lines: list[VoteLine] = []
        self.recused_label = QLabel()
        self.recused_label.setTextFormat(Qt.TextFormat.PlainText)
        self.recused_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.add_button = QPushButton(tr(_CONTEXT, "Abstimmung hin&zufügen"))
        self.add_button.clicked.connect(self.add_vote)
        self._lines_layout = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self._lines_layout)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.recused_label)
        layout.addWidget(self.message_label)
        self._read_only = False
        self._members: tuple[tuple[int, str], ...] = ()
        self.show_message("", warning=False)

    def set_members(self, members: Sequence[tuple[int, str]]) -> None:
        """The members offered as persons who stood in an election (id, name)."""
        self._members = tuple(members)

    def show_votes(self, votes: Sequence[Vote], recused: Sequence[RecusedMember]) -> None:
        self.show_drafts([vote.as_draft() for vote in votes])
        self.show_recused(recused)

    def show_drafts(self, drafts: Sequence[VoteDraft]) -> None:
        """One line per draft (the votes stored, or those typed and refused)."""
        for line in self.lines:
            drop_widget(line)
        self.lines = []
        for draft in drafts:
            self._add_line(draft)

    def show_recused(self, recused: Sequence[RecusedMember]) -> None:
        """Who did not vote for a conflict of interest (as the attendance now says)."""
        names = recused_names(recused)
        self.recused_label.setText(
            tr(_CONTEXT, "Befangen und nicht mitgestimmt: {}").format(names) if names else ""
        )
        self.recused_label.setVisible(bool(names))

    def drafts(self) -> list[VoteDraft]:
        return [line.draft() for line in self.lines]

    def shows(self, votes: Sequence[Vote]) -> bool:
        """The lines stand for ``votes`` as stored (nothing to rebuild)."""
        return [replace(v.as_draft(), adopted=None) for v in votes] == self.drafts()

    def has_typed(self) -> bool:
        """A line holds input not handed on to be saved yet (its field still focused)."""
        return any(line.typed() for line in self.lines)

    def commit(self) -> None:
        """Ask to save what was typed and not handed on yet: a count or subject whose field
        still has the focus when the item, meeting or area is left with the keyboard."""
        if [line for line in self.lines if line.take_change()]:
            self.save_requested.emit(self.drafts())

    def add_vote(self) -> None:
        """A new line with the cursor in it; it is saved once something is entered."""
        self.show_message("", warning=False)
        self._add_line(VoteDraft()).subject_edit.setFocus()

    def _add_line(self, draft: VoteDraft) -> VoteLine:
        line = VoteLine(draft, self._members, self)
        # Tab reaches the line's fields after the line before, ahead of "Abstimmung
        # hinzufügen" (a widget made later would come last in the window).
        before = self.lines[-1].remove_button if self.lines else self._stop_before_box()
        for stop in line.tab_stops():
            QWidget.setTabOrder(before, stop)
            before = stop
        line.set_read_only(self._read_only)
        line.changed.connect(lambda: self.save_requested.emit(self.drafts()))
        line.remove_requested.connect(self._remove_requested)
        self._lines_layout.addWidget(line)
        self.lines.append(line)
        return line

    def _stop_before_box(self) -> QWidget:
        """The last field before the votes that the Tab key stops at."""
        widget = self.add_button.previousInFocusChain()
        while widget is not self.add_button and (
            self.isAncestorOf(widget) or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget = widget.previousInFocusChain()
        return widget

    def _remove_requested(self, line: VoteLine) -> None:
        """A stored vote goes only after asking; a line never saved goes at once."""
        if line.id is None:
            self.remove(line)
        else:
            self.remove_asked.emit(line)

    def remove(self, line: VoteLine) -> None:
        if line not in self.lines:
            return  # another item is shown by now
        self.lines.remove(line)
        if line.isAncestorOf(QApplication.focusWidget()):
            self.add_button.setFocus()  # the keyboard stays in the votes
        drop_widget(line)
        self.save_requested.emit(self.drafts())

    def show_message(self, text: str, *, warning: bool) -> None:
        self.message_label.setObjectName("warningLabel" if warning else "errorLabel")
        self.message_label.style().unpolish(self.message_label)
        self.message_label.style().polish(self.message_label)
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
        if text:
            self.message_shown.emit()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.add_button.setEnabled(not read_only)
        for line in self.lines:
            line.set_read_only(read_only)

    def focus_first(self) -> None:
        if self.lines:
            self.lines[0].mode_combo.setFocus()
        else:
            self.add_button.setFocus()
