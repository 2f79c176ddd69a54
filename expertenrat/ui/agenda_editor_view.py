"""The widgets of the "Tagesordnung" tab and where they sit; :class:`AgendaEditor` adds the
behaviour (the view/controller split of the house style).

Above, a hint why the agenda may not change (approved minutes, a held or cancelled
meeting; how an urgent item is added, its button's tooltip says) or that the invitation
has to be sent again after a change, on at most two lines (a longer one ends in "…"; its
tooltip and a click give the whole); below it the buttons of the structure, then the tree
(:mod:`ui.agenda_tree_pane`) beside the form of the selected item with "Übernehmen", which
gets a good share of the width, so a long title can be read while it is edited.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton, QSplitter, QVBoxLayout, QWidget

from expertenrat.domain.agenda import Agenda, change_refusal
from expertenrat.domain.enums import MeetingState
from expertenrat.domain.minutes_approval import FROZEN_HINT
from expertenrat.ui.agenda_item_form import AgendaItemForm
from expertenrat.ui.agenda_tree_pane import AgendaTreePane
from expertenrat.ui.i18n import tr
from expertenrat.ui.key_actions import SaveKeys
from expertenrat.ui.status_line import StatusLine

_CONTEXT = "AgendaEditor"
INVITED_HINT = (
    "Zu dieser Sitzung wurde bereits eingeladen: Nach einer Änderung der Tagesordnung bitte "
    "Einladung und Kalenderdatei erneut senden („Einladung …“ → „Als E-Mail-Entwurf "
    "speichern …“; „Kalender …“ ist die öffentliche Datei, für die Website)."
)

BEGUN_HINT = (
    "Die Sitzung hat begonnen: Einen Punkt, den der Rat jetzt aufnimmt, erfassen Sie als "
    "Dringlichkeitsantrag („Dringlichkeitsantrag …“, sobald die Sitzung auf „Durchgeführt“ "
    "gesetzt ist)."
)


class AgendaEditorView(QWidget):
    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        # Two lines at most: at 1024 x 640 a held meeting's hint took four and pushed the
        # item's form below the fold (found by a tester).
        self.hint = StatusLine()
        self.tree = AgendaTreePane(settings)
        self.model, self.view, self.columns = self.tree.model, self.tree.view, self.tree.columns
        self.end_label = self.tree.end_label
        self.form = AgendaItemForm()
        self.save_button = QPushButton(tr(_CONTEXT, "Übernehmen"))
        self.save_button.setDefault(True)
        SaveKeys(self.form, self.save_button)  # as in the meeting's form

    def _layout(self, structure: QWidget) -> None:
        """Lay the widgets out, with ``structure``, the buttons that move, add and delete
        items, above the tree (the editor makes them: they work with the services)."""
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.form, 1)
        right_layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        # The form nearly as wide as the tree: at 3 : 1 its fields were ~210 px wide at
        # 1280 x 800, too narrow to read a long title while editing it (found by a tester);
        # at 4 : 3 the tree's titles fell under 200 px at 1024 x 640.
        splitter.setStretchFactor(0, 10)
        splitter.setStretchFactor(1, 7)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(structure)
        layout.addWidget(splitter, 1)

    def show_note(self, agenda: Agenda) -> None:
        """The hint above the tree: why ``agenda`` may not change, or for an invited
        meeting that the invitation is to be sent again after a change; else none."""
        note = refusal(agenda) or _invited_note(agenda)
        self.hint.setText(note or "")
        self.hint.setVisible(note is not None)


def refusal(agenda: Agenda, *, title_only: bool = False) -> str | None:
    """Why the agenda may not change so (approved minutes first), or ``None``."""
    if agenda.frozen:
        return tr(_CONTEXT, FROZEN_HINT)
    return change_refusal(agenda.state, title_only=title_only, open_order=agenda.order_open)


def _invited_note(agenda: Agenda) -> str | None:
    """For an invited meeting: its members have the agenda from the invitation and the
    calendar file, so a change reaches them only with both sent again (the calendar's
    SEQUENCE rises with each change, as after a move). Once it has begun, no letter
    reaches them in time: an item taken up there is a Dringlichkeitsantrag, which the
    minutes name as such; added as a new item it was named nowhere (found by a tester)."""
    if agenda.state is not MeetingState.INVITED:
        return None
    return tr(_CONTEXT, BEGUN_HINT if agenda.begun else INVITED_HINT)
