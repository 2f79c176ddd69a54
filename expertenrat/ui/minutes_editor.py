"""Protokoll: the minutes tab of a held meeting (see ``widget_contract`` in the meetings page).

Left: "Kopfdaten" and the agenda items (those without content marked), under them the live
completeness check with "Entwurf abschließen" (:mod:`ui.minutes_draft_finishing`). Right:
the header form or the selected item's form (:mod:`ui.minutes_line_display`), and a line
with the autosave indicator, the phrase menu and the item steps (the widgets:
:mod:`ui.minutes_editor_view`).
Everything typed is autosaved (:mod:`ui.autosave`), votes are saved in the worker as well
(:mod:`ui.minutes_vote_actions`): at the latest 2 s after a pause, at once
when another item is shown or focus leaves a field, and on ``flush``. Ctrl+Enter shows the
next item, Ctrl+Shift+Enter the previous one (:mod:`ui.minutes_navigation`). A meeting that
is not held, or cancelled, shows a German hint instead; approved (frozen) minutes are
read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from expertenrat.domain.errors import ExpertenratError, NotFoundError
from expertenrat.domain.minutes import ItemMinutes, Minutes
from expertenrat.domain.minutes_approval import FROZEN_HINT
from expertenrat.services.context import Services
from expertenrat.services.minutes_freeze import MinutesFrozenError
from expertenrat.ui.autosave import Autosave
from expertenrat.ui.autosave_recovery import RecoveryStore
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.minutes_checklist_refresh import ChecklistRefresh
from expertenrat.ui.minutes_draft_finishing import DraftFinishing
from expertenrat.ui.minutes_editor_view import MinutesEditorView
from expertenrat.ui.minutes_header_form import header_payload
from expertenrat.ui.minutes_item_form import texts_payload
from expertenrat.ui.minutes_item_list import header_key, item_key
from expertenrat.ui.minutes_line_display import MinutesLineDisplay
from expertenrat.ui.minutes_navigation import MinutesNavigation
from expertenrat.ui.minutes_offers import MinutesOffers, merged_payload
from expertenrat.ui.minutes_phrase_menu import PhraseMenu
from expertenrat.ui.minutes_recommendation_actions import RecommendationActions
from expertenrat.ui.minutes_saving import MinutesSaver
from expertenrat.ui.minutes_vote_actions import VoteActions
from expertenrat.ui.no_meeting import KeepsNoMeetingHint, no_meeting_hint

_CONTEXT = "MinutesEditor"


class MinutesEditor(KeepsNoMeetingHint, MinutesEditorView):
    changed = Signal()
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
        self.recommendation_actions = RecommendationActions(
            self, services, dialogs, lambda: self._minutes, self._current_item, self._item_saved
        )
        self.vote_actions = VoteActions(
            self,
            dialogs,
            services.minutes.save_votes,
            self.item_form.votes,
            lambda: self._minutes,
            self._current_item,
            self._item_changed,
            self.refresh,
        )
        self.draft_finishing = DraftFinishing(
            self,
            services.minutes,
            dialogs,
            self.autosave,
            lambda: self._minutes,
            self.refresh,
            self.changed.emit,
        )
        self._connect()
        self.set_meeting(None)

    def _connect(self) -> None:
        self.items.currentItemChanged.connect(self._line_changed)
        self.header_form.edited.connect(self._header_edited)
        self.item_form.edited.connect(self._item_edited)
        self.item_form.focus_left.connect(self._save_current)
        self.item_form.votes.save_requested.connect(self.vote_actions.save)
        self.item_form.recommendations.add_requested.connect(self.recommendation_actions.add)
        self.item_form.recommendations.remove_requested.connect(
            self.recommendation_actions.ask_remove
        )
        self.phrase_menu.chosen.connect(self._insert_phrase)
        self.checklist.jump.connect(self.navigation.jump_to)
        self.checklist.finish_requested.connect(self.draft_finishing.finish)
        self.checklist.reopen_requested.connect(self.draft_finishing.reopen)
        self.autosave.status_changed.connect(self.indicator.setText)
        self.indicator.clicked.connect(self._show_whole_status)
        self.autosave.saved.connect(self._saved)
        self.autosave.conflicted.connect(self._conflicted)
        self.autosave.replaced.connect(self._replaced)
        self.autosave.gave_up.connect(self._gave_up)

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

    def flush(self, then: Callable[[], None]) -> bool:
        """Everything typed goes to the recovery file now and is being saved: go on."""
        self.item_form.votes.commit()  # a count typed, its field still focused (Ctrl+Q)
        self.autosave.flush()
        return True

    def has_unsaved_changes(self) -> bool:
        """A save is due or running (the text is safe in the recovery file meanwhile), or a
        vote holds a count typed into a field that still has the focus. Not for an editor
        already deleted (see :meth:`idle`)."""
        if not isValid(self):
            return False
        return (
            not (self.autosave.idle() and self.vote_actions.idle())
            or self.item_form.votes.has_typed()
        )

    def idle(self) -> bool:
        """No save, recovery write or checklist read runs or is due (tests wait for it).

        An editor already deleted is idle: its timers and jobs went with it, so nothing of
        it is due and no outcome reaches it. A wait that polls this runs Qt's deferred
        deletes (``qWait``), so it may outlive the editor; before, the autosave's deleted
        timers raised "Internal C++ object (QTimer) already deleted"."""
        if not isValid(self):
            return True
        return self.autosave.idle() and self.vote_actions.idle() and self.checklist_refresh.idle()

    # --- showing --------------------------------------------------------------------------

    def _show(self, minutes: Minutes | None, hint: str) -> None:
        self._minutes = minutes
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        self.body.setVisible(minutes is not None)
        if minutes is None:
            self.items.show_minutes(None)
            self.checklist.show_checklist(None)
            self.navigation.update_buttons()
            return
        self.item_form.set_style(minutes.style)
        for item in minutes.items:
            key = item_key(item.item_id)
            self.autosave.track(key, item.version, self._meta(item.label))
            self.saver.bases.setdefault(key, texts_payload(item.texts))
            if self.autosave.unsaved_payload(key) is None:
                self.saver.bases[key] = texts_payload(item.texts)
        key = header_key(minutes.meeting_id)
        self.autosave.track(key, minutes.header.version, self._meta(tr(_CONTEXT, "Kopfdaten")))
        if self.autosave.unsaved_payload(key) is None:
            self.saver.bases[key] = header_payload(minutes.header)
        self.items.show_minutes(minutes)
        for item in minutes.items:  # typed but unsaved text counts for the marks
            unsaved = self.autosave.unsaved_payload(item_key(item.item_id))
            if unsaved is not None:
                self.items.mark_key(item_key(item.item_id), lacking=self._lacking(item, unsaved))
        self.header_form.set_read_only(minutes.frozen)
        self.item_form.set_read_only(minutes.frozen)
        self._show_line(self.items.current_key())
        self.navigation.update_buttons()
        self.checklist_refresh.refresh()

    def _show_line(self, key: str | None) -> None:
        if key is not None:
            # Unsaved text, else the text as last read or saved here: a save since the
            # minutes were read is newer than they are (shown as read, the text typed
            # before seemed lost, and typing on saved over it).
            self.display.show(key, self.autosave.unsaved_payload(key) or self.saver.bases.get(key))

    # --- editing --------------------------------------------------------------------------

    def _line_changed(self, current, previous) -> None:
        if previous is not None:
            self.autosave.save_now(previous.data(Qt.ItemDataRole.UserRole))
        if current is not None:
            self._show_line(current.data(Qt.ItemDataRole.UserRole))
            self.scroll_to_top()

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
        self.items.mark_key(key, lacking=self._lacking(item, payload))

    def _item_changed(self, changed: ItemMinutes) -> None:
        """An item's votes or recommendations were saved: its mark and the checklist."""
        assert self._minutes is not None
        items = tuple(changed if i.item_id == changed.item_id else i for i in self._minutes.items)
        self._minutes = replace(self._minutes, items=items)
        key = item_key(changed.item_id)
        unsaved = self.autosave.unsaved_payload(key) or texts_payload(changed.texts)
        self.items.mark_key(key, lacking=self._lacking(changed, unsaved))
        self.checklist_refresh.schedule()

    def _item_saved(self, changed: ItemMinutes) -> None:
        """A recommendation was adopted in or removed from the item shown."""
        self._item_changed(changed)
        self._show_line(self.items.current_key())

    def _insert_phrase(self, text: str) -> None:
        if not self.item_form.insert_phrase(text):
            self._dialogs.information(
                self,
                tr(_CONTEXT, "Textbaustein"),
                tr(
                    _CONTEXT,
                    "Der Textbaustein passt nicht mehr in das Ergebnis (höchstens {limit} "
                    "Zeichen) und ist nicht eingefügt.",
                ).format(limit=self.item_form.result_edit.maxLength()),
            )

    def _current_item(self) -> ItemMinutes | None:
        key = self.items.current_key()
        if self._minutes is None or key is None or not key.startswith("item:"):
            return None
        return self._minutes.item(int(key.partition(":")[2]))

    def _save_current(self) -> None:
        key = self.items.current_key()
        if key is not None:
            self.autosave.save_now(key)

    @staticmethod
    def _lacking(item: ItemMinutes, payload: dict) -> bool:
        if item.votes or item.recommendations:
            return False
        return not any(str(text).strip() for text in payload.values())

    def _meta(self, label: str) -> dict:
        return {"meeting_id": self._meeting_id, "label": label}

    # --- autosave outcomes ------------------------------------------------------------------

    def _saved(self, key: str, _version: int) -> None:
        if key.startswith("header:"):
            self.changed.emit()
        self.checklist_refresh.schedule()

    def _show_whole_status(self) -> None:
        """A click on the shortened status line: the whole message."""
        self._dialogs.information(self, tr(_CONTEXT, "Speichern"), self.indicator.text())

    def _gave_up(self, key: str, payload: dict, error: object) -> None:
        """A save no retry can mend: text of an item deleted meanwhile is shown to copy (and
        the item leaves the list once that is closed), and so is the header of a meeting
        deleted meanwhile (the tab then says the meeting is gone); text of minutes approved
        meanwhile stays in the form, read-only after the next reread."""
        if not isinstance(error, NotFoundError):
            return
        if key.startswith("item:"):
            label = self.autosave.label_of(key) or self.display.label_of(key)
            self.offers.deleted(key, payload, label, then=self.refresh)
        elif key.startswith("header:"):
            self.offers.meeting_deleted(key, payload, then=self.refresh)

    def _conflicted(self, key: str, mine: dict, theirs: dict) -> None:
        """Another PC saved the record meanwhile: changes of other fields are both kept
        (saved and shown at once), the same field changed on both sides is a question."""
        merged = merged_payload(self.saver.bases.get(key), mine, theirs)
        if merged is None:
            self.offers.conflict(key, mine, theirs)
            return
        self.saver.bases[key] = theirs
        self.autosave.resolve_merged(key, merged)
        self.display.show_payload(key, merged)

    def _replaced(self, key: str, payload: dict) -> None:
        self.saver.bases[key] = payload
        self.display.show_payload(key, payload)
        self.refresh()
