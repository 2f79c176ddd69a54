"""Protokoll: the minutes tab of a held meeting (see ``widget_contract`` in the meetings page).

Left: "Kopfdaten" and the agenda items (those without content marked), under them the live
completeness check with "Entwurf abschließen" (:mod:`ui.minutes_draft_finishing`). Right:
the header form or the selected item's form (:mod:`ui.minutes_line_display`), and a line
with the autosave indicator, the phrase menu and the item steps (the widgets:
:mod:`ui.minutes_editor_view`; whether all is saved: :mod:`ui.minutes_editor_saves`; the
minutes read put into them: :mod:`ui.minutes_editor_showing`).
Everything typed is autosaved (:mod:`ui.autosave`, the records it tracks and its outcomes:
:mod:`ui.minutes_autosave_link`), votes are saved in the
worker as well (:mod:`ui.minutes_vote_actions`): at the latest 2 s after a pause, at once
when another item is shown or focus leaves a field, and on ``flush``. Ctrl+Enter shows the
next item, Ctrl+Shift+Enter the previous one (:mod:`ui.minutes_navigation`); Ctrl+S saves
at once what waits for the pause. A meeting that
is not held, or cancelled, shows a German hint instead; approved (frozen) minutes are
read-only.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from expertenrat.domain.errors import ExpertenratError, NotFoundError
from expertenrat.domain.minutes import ItemMinutes, Minutes
from expertenrat.domain.minutes_approval import FROZEN_HINT
from expertenrat.services.context import Services
from expertenrat.services.minutes_freeze import MinutesFrozenError
from expertenrat.ui.autosave import Autosave
from expertenrat.ui.autosave_recovery import RecoveryStore
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.minutes_autosave_link import AutosaveLink
from expertenrat.ui.minutes_checklist_refresh import ChecklistRefresh
from expertenrat.ui.minutes_draft_finishing import DraftFinishing
from expertenrat.ui.minutes_editor_showing import MinutesEditorShowing
from expertenrat.ui.minutes_item_form import texts_payload
from expertenrat.ui.minutes_item_list import header_key, item_key, lacking
from expertenrat.ui.minutes_line_display import MinutesLineDisplay
from expertenrat.ui.minutes_navigation import MinutesNavigation
from expertenrat.ui.minutes_offers import MinutesOffers
from expertenrat.ui.minutes_outcome_actions import OutcomeActions
from expertenrat.ui.minutes_pending_saves import PendingSaves, SavedFirst
from expertenrat.ui.minutes_phrase_menu import PhraseMenu, insert_phrase
from expertenrat.ui.minutes_recommendation_actions import RecommendationActions
from expertenrat.ui.minutes_saving import MinutesSaver
from expertenrat.ui.minutes_vote_actions import VoteActions
from expertenrat.ui.no_meeting import KeepsNoMeetingHint, no_meeting_hint

_CONTEXT = "MinutesEditor"


class MinutesEditor(KeepsNoMeetingHint, MinutesEditorShowing):
    changed = Signal()
    # Text, votes, an outcome or a recommendation stored (the record's key, "item:<id>" or
    # "header:<id>"), text and votes in the worker, perhaps after the tab or the page was
    # left: what the list, another tab or area read of the minutes may be older (the change
    # watch rereads for another PC's saves only).
    stored = Signal(str)
    open_tab = Signal(str)  # "meeting", "attendance" or "conflicts"
    open_meeting_tab = Signal(int, str)  # another meeting and its tab ("approval")

    def __init__(
        self, services: Services, dialogs: DialogService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)  # the widgets, laid out
        self._services = services
        self._dialogs = dialogs
        self._meeting_id: int | None = None
        self._no_meeting_hint = no_meeting_hint()
        self._minutes: Minutes | None = None
        self.saver = MinutesSaver(services)
        store = RecoveryStore.for_database(services.database.digest)
        self.autosave = Autosave(
            self.saver.save,
            store,
            self,
            # approved or the item deleted meanwhile (perhaps on another PC): no retry helps
            final=lambda error: isinstance(error, (MinutesFrozenError, NotFoundError)),
        )
        self.display = MinutesLineDisplay(self, services, lambda: self._minutes)
        self.offers = MinutesOffers(
            self,
            dialogs,
            self.autosave,
            lambda: self._minutes,
            self.display.describer,
            self.display.label_of,
            self.display.show_payload,
        )
        self.checklist_refresh = ChecklistRefresh(
            services.minutes.checklist, self.checklist, lambda: self._minutes, self
        )
        self.navigation = MinutesNavigation(
            self, lambda: self._minutes, self.open_tab.emit, self.open_meeting_tab.emit
        )
        self.phrase_menu = PhraseMenu(
            services.text_templates.templates,
            lambda: self._minutes.council_id if self._minutes else None,
            self,
        )
        self.phrase_button.setMenu(self.phrase_menu)

        def current_item() -> ItemMinutes | None:
            return self.items.current_item(self._minutes)

        self.recommendation_actions = RecommendationActions(
            self, services, dialogs, lambda: self._minutes, current_item, self._item_saved
        )
        self.vote_actions = VoteActions(
            self,
            dialogs,
            services.minutes.save_votes,
            self.item_form.votes,
            lambda: self._minutes,
            current_item,
            self._item_changed,
            self.refresh,
        )
        self.outcome_actions = OutcomeActions(
            self,
            dialogs,
            services.minutes.set_outcome,
            lambda: self._minutes,
            self.refresh,
            lambda item_id: self.stored.emit(item_key(item_id)),
        )
        pending = PendingSaves(self.autosave, self.vote_actions, self._hand_on, self)
        self.saved_first = SavedFirst(pending, self)  # the page's documents wait for it
        self.draft_finishing = DraftFinishing(
            self,
            services.minutes,
            dialogs,
            SavedFirst(pending, self),
            lambda: self._minutes,
            self.refresh,
            self.changed.emit,
        )
        self.autosave_link = AutosaveLink(
            self,
            dialogs,
            self.autosave,
            self.saver,
            self.display,
            self.offers,
            self.checklist_refresh,
            self.indicator,
            self.refresh,
            self.changed.emit,
            lambda: self._minutes,
        )
        self._connect()
        save = QShortcut(QKeySequence.StandardKey.Save, self)  # as "Speichern" on every page
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self._hand_on)
        self.set_meeting(None)

    def _connect(self) -> None:
        self.autosave.saved.connect(lambda key, _version: self.stored.emit(key))
        self.vote_actions.saving.saved.connect(
            lambda request, _saved: self.stored.emit(item_key(request.item_id))
        )
        self.items.currentItemChanged.connect(self._line_changed)
        self.header_form.edited.connect(self._header_edited)
        self.item_form.edited.connect(self._item_edited)
        self.item_form.focus_left.connect(self._save_current)
        self.item_form.votes.save_requested.connect(self.vote_actions.save)
        self.item_form.outcome_chosen.connect(self.outcome_actions.choose)
        self.item_form.outcome_stepped.connect(self.outcome_actions.step)
        self.item_form.recommendations.add_requested.connect(self.recommendation_actions.add)
        self.item_form.recommendations.remove_requested.connect(
            self.recommendation_actions.ask_remove
        )
        self.phrase_menu.chosen.connect(
            lambda text: insert_phrase(self, self._dialogs, self.item_form, text)
        )
        self.checklist.jump.connect(self.navigation.jump_to)
        self.checklist.finish_requested.connect(self.draft_finishing.finish)
        self.checklist.reopen_requested.connect(self.draft_finishing.reopen)

    # --- contract -------------------------------------------------------------------------

    def set_meeting(self, meeting_id: int | None) -> None:
        if meeting_id != self._meeting_id:
            self.item_form.votes.commit()
            self.autosave.flush()
            self.saver.new_editing_session()
            self.items.show_minutes(None)
        self._meeting_id = meeting_id
        self.refresh()

    def refresh(self) -> None:
        """Reread the minutes; what is typed and not saved yet stays in the fields."""
        self.outcome_actions.commit()  # a step of "Behandlung" first, else shown as stored
        if self._meeting_id is None:
            self._show(None, self._no_meeting_hint)
            return
        try:
            minutes = self._services.minutes.minutes(self._meeting_id)
        except ExpertenratError as error:
            self._show(None, error.message)
            return
        self.display.read_attendance(minutes.meeting_id)
        # The tab where a correction is looked for says where it goes, as the others do.
        hint = tr(_CONTEXT, FROZEN_HINT) if minutes.frozen else ""
        self._show(minutes, hint)
        self.offers.offer_recovered()

    def shown_meeting_id(self) -> int | None:
        """The meeting whose minutes are shown (and whose kept text the tab offers)."""
        return self._minutes.meeting_id if self._minutes is not None else None

    def shows_item(self, key: str) -> bool:
        """Whether the minutes shown hold the item saved under ``key``."""
        shown = self._minutes.items if self._minutes is not None else ()
        return any(item_key(item.item_id) == key for item in shown)

    # --- editing --------------------------------------------------------------------------

    def _line_changed(self, current, previous) -> None:
        if previous is not None:
            self.autosave.save_now(previous.data(Qt.ItemDataRole.UserRole))
        if current is not None:
            self._show_line(current.data(Qt.ItemDataRole.UserRole))
            self.scroll_to_top()
        self.outcome_actions.commit()  # a step on the item before; its reread refills the list

    def _header_edited(self) -> None:
        if self._minutes is not None:
            self.autosave.edit(header_key(self._minutes.meeting_id), self.header_form.payload())

    def _item_edited(self) -> None:
        key = self.items.current_key()
        if key is None or not key.startswith("item:") or self._minutes is None:
            return
        payload = self.item_form.payload()
        self.autosave.edit(key, payload)
        item = self._minutes.item(int(key.partition(":")[2]))
        self.items.mark_key(key, lacking=lacking(item, payload))

    def _item_changed(self, changed: ItemMinutes) -> None:
        """An item's votes or recommendations were saved: its mark and the checklist."""
        assert self._minutes is not None
        items = tuple(changed if i.item_id == changed.item_id else i for i in self._minutes.items)
        self._minutes = replace(self._minutes, items=items)
        key = item_key(changed.item_id)
        unsaved = self.autosave.unsaved_payload(key) or texts_payload(changed.texts)
        self.items.mark_key(key, lacking=lacking(changed, unsaved))
        self.checklist_refresh.schedule()

    def _item_saved(self, changed: ItemMinutes) -> None:
        """A recommendation was adopted in or removed from the item shown."""
        self._item_changed(changed)
        self._show_line(self.items.current_key())
        self.stored.emit(item_key(changed.item_id))

    def _save_current(self) -> None:
        self.outcome_actions.commit()  # the focus left "Behandlung"
        key = self.items.current_key()
        if key is not None:
            self.autosave.save_now(key)
