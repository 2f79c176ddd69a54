"""The buttons above the agenda tree and the changes of its structure they make.

"Neuer Punkt", "Unterpunkt" (a new one), "Löschen …", "Nach oben", "Nach unten",
"Einrücken", "Ausrücken"; before the meeting "Vertagte Punkte übernehmen …"
(:mod:`ui.agenda_postponed_items`) and "Umlaufbeschlüsse berichten …"
(:mod:`ui.agenda_written_reports`), for a held meeting "Dringlichkeitsantrag …"
(:mod:`ui.agenda_urgent_item`), off, its tooltip saying why, unless the minutes are an open
draft. The tree's Alt+arrow keys and drag and drop move items the same way. Each
change first saves the form's typed item (``save_pending``), is stored at once and hands
the stored agenda to ``stored`` with the item to select. A button whose move the selected
item's place does not allow (``domain.agenda.possible_moves``) is disabled, and its key does
nothing; a change refused all the same (changed elsewhere, a drop too deep) shows its
German reason and emits ``refused`` (the editor rereads the agenda).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from expertenrat.domain.agenda import Agenda, AgendaItem, numbers, ordered
from expertenrat.domain.agenda_moves import PossibleMoves
from expertenrat.domain.enums import AgendaItemKind, MeetingState
from expertenrat.domain.errors import ExpertenratError
from expertenrat.services.context import Services
from expertenrat.ui.agenda_postponed_items import (
    POSTPONED_TOOLTIP,
    PostponedItemsQuestion,
)
from expertenrat.ui.agenda_postponed_items import TITLE as POSTPONED_TITLE
from expertenrat.ui.agenda_urgent_item import URGENT_TOOLTIP, UrgentItemQuestion
from expertenrat.ui.agenda_written_reports import TITLE as WRITTEN_TITLE
from expertenrat.ui.agenda_written_reports import WRITTEN_TOOLTIP, WrittenReportQuestion
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.wrapping_row import WrappingRow

_CONTEXT = "AgendaEditor"


class AgendaStructureBar(QWidget):
    stored = Signal(object, object)  # the stored Agenda, the key of the item to select
    refused = Signal()
    added = Signal(object)  # the key of the new item, after ``stored``

    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        agenda: Callable[[], Agenda | None],
        selected_item: Callable[[], AgendaItem | None],
        chosen_item: Callable[[], AgendaItem | None],
        save_pending: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        """``agenda()`` is the agenda shown, ``selected_item()`` its selected item,
        ``chosen_item()`` that item if the user chose it (not the first row the tab selects
        itself); ``save_pending()`` saves typed input and says whether the agenda may change
        now."""
        super().__init__(parent)
        self._services = services
        self._dialogs = dialogs
        self._agenda = agenda
        self._selected_item = selected_item
        self._chosen_item = chosen_item
        self._save_pending = save_pending
        self.add_button = QPushButton(tr(_CONTEXT, "Neuer Punkt"))
        self.add_sub_button = QPushButton(tr(_CONTEXT, "Unterpunkt"))
        self.delete_button = QPushButton(tr(_CONTEXT, "Löschen …"))
        self.up_button = QPushButton(tr(_CONTEXT, "Nach oben"))
        self.down_button = QPushButton(tr(_CONTEXT, "Nach unten"))
        self.indent_button = QPushButton(tr(_CONTEXT, "Einrücken"))
        self.outdent_button = QPushButton(tr(_CONTEXT, "Ausrücken"))
        self.urgent_button = QPushButton(tr(_CONTEXT, "Dringlichkeitsantrag …"))
        self.urgent_button.hide()  # for a held meeting only (show_urgent)
        self.postponed_button = QPushButton(tr(_CONTEXT, POSTPONED_TITLE) + " …")
        self.postponed_button.setToolTip(tr(_CONTEXT, POSTPONED_TOOLTIP))
        self.written_button = QPushButton(tr(_CONTEXT, WRITTEN_TITLE) + " …")
        self.written_button.setToolTip(tr(_CONTEXT, WRITTEN_TOOLTIP))
        self.add_sub_button.setToolTip(tr(_CONTEXT, "Neuer Unterpunkt des gewählten Punkts"))
        self.up_button.setToolTip(tr(_CONTEXT, "Alt+Pfeil nach oben"))
        self.down_button.setToolTip(tr(_CONTEXT, "Alt+Pfeil nach unten"))
        self.indent_button.setToolTip(tr(_CONTEXT, "Alt+Pfeil nach rechts"))
        self.outdent_button.setToolTip(tr(_CONTEXT, "Alt+Pfeil nach links"))
        # On more rows where the tab is too narrow for one (the least window, 720 x 480).
        self.row = WrappingRow(
            (
                (self.add_button, self.add_sub_button),
                (self.urgent_button,),
                (self.postponed_button,),
                (self.written_button,),
                (self.delete_button,),
                (self.up_button, self.down_button),
                (self.indent_button, self.outdent_button),
            ),
            packed_left=True,
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.row)

        self.add_button.clicked.connect(lambda: self.add_item(sub=False))
        self.add_sub_button.clicked.connect(lambda: self.add_item(sub=True))
        self.urgent = UrgentItemQuestion(
            self,
            services,
            dialogs,
            agenda,
            save_pending,
            stored=self.stored.emit,
            refused=self.refused.emit,
            added=self.added.emit,
        )
        self.urgent_button.clicked.connect(lambda: self.urgent.ask())
        handing = {
            "stored": self.stored.emit,
            "refused": self.refused.emit,
            "added": self.added.emit,
        }
        self.postponed = PostponedItemsQuestion(
            self, services, dialogs, agenda, save_pending, **handing
        )
        self.postponed_button.clicked.connect(lambda: self.postponed.ask())
        self.written = WrittenReportQuestion(
            self, services, dialogs, agenda, save_pending, **handing
        )
        self.written_button.clicked.connect(lambda: self.written.ask())
        self.delete_button.clicked.connect(self._ask_delete)
        self.up_button.clicked.connect(lambda: self.move_selected("up"))
        self.down_button.clicked.connect(lambda: self.move_selected("down"))
        self.indent_button.clicked.connect(lambda: self.move_selected("indent"))
        self.outdent_button.clicked.connect(lambda: self.move_selected("outdent"))

    def enable(
        self,
        *,
        structural: bool,
        moves: PossibleMoves | None,
        deletable: bool = False,
        reorder: bool = False,
    ) -> None:
        """``structural``: the agenda's items may be added, moved and deleted now;
        ``moves``: what the selected item's place allows (``None``: nothing selected);
        ``deletable``: the selected item may be deleted all the same (an urgent item of an
        open draft), ``reorder`` moved up and down (a held meeting's, in an open draft). A
        move its place does not allow is disabled, not refused."""
        self.add_button.setEnabled(structural)
        self.postponed_button.setEnabled(structural)
        self.written_button.setEnabled(structural)
        allowed = moves if structural and moves is not None else PossibleMoves()
        if reorder and moves is not None and not structural:
            allowed = PossibleMoves(up=moves.up, down=moves.down)
        self.delete_button.setEnabled((structural and moves is not None) or deletable)
        self.add_sub_button.setEnabled(allowed.sub_item)
        self.up_button.setEnabled(allowed.up)
        self.down_button.setEnabled(allowed.down)
        self.indent_button.setEnabled(allowed.indent)
        self.outdent_button.setEnabled(allowed.outdent)

    def show_urgent(self, agenda: Agenda | None) -> None:
        """ "Dringlichkeitsantrag …" for a held meeting: on while its minutes are an open
        draft (its tooltip says what for), else off with the reason as its tooltip;
        "Vertagte Punkte übernehmen …" and "Umlaufbeschlüsse berichten …" for a meeting not
        held (nor cancelled)."""
        held = agenda is not None and agenda.state is MeetingState.HELD
        ahead = agenda is not None and agenda.state in (MeetingState.PLANNED, MeetingState.INVITED)
        self.postponed_button.setVisible(ahead or agenda is None)
        self.written_button.setVisible(ahead or agenda is None)
        self.urgent_button.setVisible(held)
        refusal = agenda.urgent_refusal if agenda is not None and held else None
        self.urgent_button.setEnabled(held and refusal is None)
        self.urgent_button.setToolTip(refusal or tr(_CONTEXT, URGENT_TOOLTIP))

    def add_item(self, *, sub: bool) -> None:
        """A new item after the row the user chose (or as the selected one's last
        sub-item); with no row chosen after the opening formalities and before the closing
        items (``AgendaService.add_new``). Of the kind "Bericht": "Beratung eines Projekts"
        is for an item with a project, "Verschiedenes" marks a closing item."""
        if self._agenda() is None or not self._save_pending():
            return
        shown = self._agenda()  # a saved form gave it a new version
        assert shown is not None
        current = self._selected_item() if sub else self._chosen_item()
        item = AgendaItem(0, tr(_CONTEXT, "Neuer Tagesordnungspunkt"), kind=AgendaItemKind.REPORT)
        service, meeting_id = self._services.agenda, shown.meeting_id
        if sub and current is not None:
            action = partial(service.add, meeting_id, item, current.key)
        elif current is not None:
            action = partial(service.add_after, meeting_id, item, current.key)
        else:
            action = partial(service.add_new, meeting_id, item)
        before = {i.key for i in shown.items}
        agenda = self._run(action)
        if agenda is not None:
            self.added.emit(next((i.key for i in agenda.items if i.key not in before), None))

    def move_selected(self, direction: str) -> None:
        """``direction``: "up", "down", "indent" or "outdent"; a move the item's place does
        not allow (its button is disabled: TOP 1 up, a top-level item out) does nothing."""
        item, shown = self._selected_item(), self._agenda()
        if item is None or shown is None:
            return
        buttons = {"up": self.up_button, "down": self.down_button}
        buttons |= {"indent": self.indent_button, "outdent": self.outdent_button}
        if not buttons[direction].isEnabled():  # as the item's place and the agenda allow
            return
        if not self._save_pending():
            return
        item = self._selected_item()  # a saved form gave it a new version
        agenda = self._services.agenda
        actions = {
            "up": lambda: agenda.move(item.key, item.version, -1),
            "down": lambda: agenda.move(item.key, item.version, +1),
            "indent": lambda: agenda.indent(item.key, item.version),
            "outdent": lambda: agenda.outdent(item.key, item.version),
        }
        self._run(actions[direction], select=item.key)

    def drop(self, key: int, parent_key: int, index: int) -> None:
        """An item dragged under ``parent_key`` (0: the top level) at ``index``."""
        if self._agenda() is None or not self._save_pending():
            return
        shown = self._agenda()  # a saved form gave it a new version
        assert shown is not None
        item = next((i for i in shown.items if i.key == key), None)
        if item is None:
            return
        self._run(
            lambda: self._services.agenda.move_to(key, item.version, parent_key or None, index),
            select=key,
        )

    def _ask_delete(self) -> None:
        item, shown = self._selected_item(), self._agenda()
        if item is None or shown is None:
            return
        number = numbers(list(shown.items))[item.key]
        children = sum(1 for i in shown.items if i.parent == item.key)
        text = tr(_CONTEXT, "TOP {number} „{title}“ löschen?").format(
            number=number, title=item.title if len(item.title) < 80 else item.title[:79] + "…"
        )
        if children:
            text += " " + tr(_CONTEXT, "Seine Unterpunkte werden mit gelöscht.")
        self._dialogs.question(
            self,
            tr(_CONTEXT, "Tagesordnungspunkt löschen"),
            text,
            lambda: self._run(
                lambda: self._services.agenda.delete(item.key, item.version),
                select=_in_its_place(shown.items, item.key),
            ),
        )

    def _run(self, action: Callable[[], Agenda], select: int | None = None) -> Agenda | None:
        """Store a change; hand on the stored agenda (or show why it was refused)."""
        try:
            agenda = action()
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Tagesordnung"), error.message)
            self.refused.emit()
            return None
        self.stored.emit(agenda, select)
        return agenda


def _in_its_place(items: Sequence[AgendaItem], key: int) -> int | None:
    """The item the keyboard goes on at once the item ``key`` is deleted with its
    sub-items: the next in the agenda, else the one before; the first row was selected,
    and the arrow keys went on from TOP 1 (found by a tester)."""
    placed = [(place.item.key, place.number) for place in ordered(items)]
    position = next(index for index, (shown, _number) in enumerate(placed) if shown == key)
    gone = placed[position][1] + "."
    later = [shown for shown, number in placed[position + 1 :] if not number.startswith(gone)]
    earlier = [shown for shown, _number in placed[:position]]
    return later[0] if later else earlier[-1] if earlier else None
