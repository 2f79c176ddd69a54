"""The minutes editor and its autosave (:mod:`ui.autosave`): the records it tracks, and
what the editor does once a save has an outcome.

The autosave knows the version of each record shown (the items' texts, the header), and the
saver (:mod:`ui.minutes_saving`) the text each save starts from, unless text typed here
still waits to be saved. A save done: the checklist is read again (and a new header tells
the meetings page); a save of an item's text that found another "Behandlung" stored (set on
another PC) rereads the minutes, so the form shows what is stored. The status line shows the
autosave's status; a click on the shortened line shows the whole message. A save refused
because another PC saved meanwhile: changes of other fields are both kept (saved and shown
at once), the same field changed on both sides is a question
(:mod:`ui.minutes_text_conflict`). A save no retry can mend: the text of an item, or of the
header of a meeting, deleted meanwhile is shown to copy. A record replaced by what is
stored: shown, and the minutes reread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from expertenrat.domain.errors import NotFoundError
from expertenrat.domain.minutes import Minutes
from expertenrat.ui.autosave import Autosave
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.minutes_checklist_refresh import ChecklistRefresh
from expertenrat.ui.minutes_header_form import header_payload
from expertenrat.ui.minutes_item_form import texts_payload
from expertenrat.ui.minutes_item_list import header_key, item_key
from expertenrat.ui.minutes_line_display import MinutesLineDisplay
from expertenrat.ui.minutes_offers import MinutesOffers, merged_payload
from expertenrat.ui.minutes_saving import MinutesSaver
from expertenrat.ui.minutes_text_conflict import ask_which_text
from expertenrat.ui.status_line import StatusLine

_CONTEXT = "MinutesEditor"


class AutosaveLink:
    """Connects itself to ``autosave`` and the status button ``indicator``; ``refresh``
    rereads the minutes, ``header_saved`` tells that the header was saved, ``minutes`` are
    those shown."""

    def __init__(
        self,
        parent: QWidget,
        dialogs: DialogService,
        autosave: Autosave,
        saver: MinutesSaver,
        display: MinutesLineDisplay,
        offers: MinutesOffers,
        checklist_refresh: ChecklistRefresh,
        indicator: StatusLine,
        refresh: Callable[[], None],
        header_saved: Callable[[], None],
        minutes: Callable[[], Minutes | None],
    ) -> None:
        self._parent = parent
        self._dialogs = dialogs
        self._autosave = autosave
        self._saver = saver
        self._display = display
        self._offers = offers
        self._checklist_refresh = checklist_refresh
        self._indicator = indicator
        self._refresh = refresh
        self._header_saved = header_saved
        self._minutes = minutes
        autosave.status_changed.connect(indicator.setText)
        indicator.clicked.connect(self.show_whole_status)
        autosave.saved.connect(self.saved)
        autosave.conflicted.connect(self.conflicted)
        autosave.replaced.connect(self.replaced)
        autosave.gave_up.connect(self.gave_up)

    def track(self, minutes: Minutes) -> None:
        """Tell the autosave the versions of ``minutes``' records and keep their texts as
        read as the base of the next save, where no typed text waits to be saved."""
        for item in minutes.items:
            key = item_key(item.item_id)
            self._autosave.track(key, item.version, _meta(minutes, item.label))
            self._saver.bases.setdefault(key, texts_payload(item.texts))
            if self._autosave.unsaved_payload(key) is None:
                self._saver.bases[key] = texts_payload(item.texts)
        key = header_key(minutes.meeting_id)
        header = _meta(minutes, tr(_CONTEXT, "Kopfdaten"))
        self._autosave.track(key, minutes.header.version, header)
        if self._autosave.unsaved_payload(key) is None:
            self._saver.bases[key] = header_payload(minutes.header)

    def saved(self, key: str, _version: int) -> None:
        if key.startswith("header:"):
            self._header_saved()
        if self._outcome_changed(key):
            self._refresh()  # the "Behandlung" set on another PC, its marks and the check
            return
        self._checklist_refresh.schedule()

    def _outcome_changed(self, key: str) -> bool:
        """The save of an item's text found another outcome stored than the one shown."""
        outcome, minutes = self._saver.outcomes.pop(key, None), self._minutes()
        if outcome is None or minutes is None:
            return False
        item_id = int(key.partition(":")[2])
        return any(i.item_id == item_id and i.outcome is not outcome for i in minutes.items)

    def show_whole_status(self) -> None:
        """A click on the shortened status line: the whole message."""
        self._dialogs.information(self._parent, tr(_CONTEXT, "Speichern"), self._indicator.text())

    def gave_up(self, key: str, payload: dict, error: object) -> None:
        """A save no retry can mend: text of an item deleted meanwhile is shown to copy (and
        the item leaves the list once that is closed), and so is the header of a meeting
        deleted meanwhile (the tab then says the meeting is gone); text of minutes approved
        meanwhile stays in the form, read-only after the next reread."""
        if not isinstance(error, NotFoundError):
            return
        if key.startswith("item:"):
            label = self._autosave.label_of(key) or self._display.label_of(key)
            self._offers.deleted(key, payload, label, then=self._refresh)
        elif key.startswith("header:"):
            self._offers.meeting_deleted(key, payload, then=self._refresh)

    def conflicted(self, key: str, mine: dict, theirs: dict) -> None:
        """Another PC saved the record meanwhile: changes of other fields are both kept
        (saved and shown at once), the same field changed on both sides is a question."""
        merged = merged_payload(self._saver.bases.get(key), mine, theirs)
        if merged is not None:
            self._keep_over(key, theirs, merged)
            return
        conflict = self._autosave.conflict_of(key)
        ask_which_text(
            self._parent,
            self._dialogs,
            self._display.label_of(key),
            self._display.describer(key),
            (mine, theirs),
            conflict.corrections if conflict is not None else (),
            (
                lambda: self._autosave.resolve(key, keep_mine=True),
                lambda: self._autosave.resolve(key, keep_mine=False),
                lambda corrected: self._keep_over(key, theirs, corrected),
            ),
        )

    def _keep_over(self, key: str, theirs: dict, payload: dict) -> None:
        """Save ``payload``, which holds the changes of both sides, over ``theirs``."""
        self._saver.bases[key] = theirs
        self._autosave.resolve_merged(key, payload)
        self._display.show_payload(key, payload)

    def replaced(self, key: str, payload: dict) -> None:
        self._saver.bases[key] = payload
        self._display.show_payload(key, payload)
        self._refresh()


def _meta(minutes: Minutes, label: str) -> dict:
    """What the recovery file keeps beside a record's text: its meeting and its name."""
    return {"meeting_id": minutes.meeting_id, "label": label}
