"""Showing the minutes read in the Protokoll tab: the hint or the body, the agenda items
with their marks (text typed and not saved yet counts), the forms read-only for approved
minutes, and the line selected with its text and its votes refused.

:class:`MinutesEditorShowing` adds this to the saves (:mod:`ui.minutes_editor_saves`);
:class:`~expertenrat.ui.minutes_editor.MinutesEditor` reads the minutes and makes the
collaborators used here.
"""

from __future__ import annotations

from expertenrat.domain.minutes import Minutes
from expertenrat.ui.minutes_autosave_link import AutosaveLink
from expertenrat.ui.minutes_editor_saves import MinutesEditorSaves
from expertenrat.ui.minutes_item_list import item_key, lacking
from expertenrat.ui.minutes_line_display import MinutesLineDisplay
from expertenrat.ui.minutes_navigation import MinutesNavigation
from expertenrat.ui.minutes_saving import MinutesSaver


class MinutesEditorShowing(MinutesEditorSaves):
    """The minutes editor's widgets filled with the minutes read. The editor
    (``MinutesEditor``) reads them and makes the collaborators."""

    _minutes: Minutes | None
    saver: MinutesSaver
    display: MinutesLineDisplay
    navigation: MinutesNavigation
    autosave_link: AutosaveLink

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
        self.autosave_link.track(minutes)
        self.items.show_minutes(minutes)
        for item in minutes.items:  # typed but unsaved text counts for the marks
            unsaved = self.autosave.unsaved_payload(item_key(item.item_id))
            if unsaved is not None:
                self.items.mark_key(item_key(item.item_id), lacking=lacking(item, unsaved))
        self.header_form.set_read_only(minutes.frozen)
        self.item_form.set_read_only(minutes.frozen)
        self._show_line(self.items.current_key())
        self.navigation.update_buttons()
        self.checklist_refresh.refresh()

    def show_item(self, item_id: int) -> None:
        """Show the minutes of the agenda item ``item_id`` (a hit of the Suche)."""
        self.items.select_key(item_key(item_id))

    def _show_line(self, key: str | None) -> None:
        if key is not None:
            # Unsaved text, else the text as last read or saved here: a save since the minutes
            # were read is newer (shown as read, text typed seemed lost, typing saved over it).
            self.display.show(key, self.autosave.unsaved_payload(key) or self.saver.bases.get(key))
            if key.startswith("item:"):
                self.vote_actions.show_refused(int(key.partition(":")[2]))
