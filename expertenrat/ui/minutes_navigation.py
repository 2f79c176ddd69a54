"""Moving through the minutes: the next or previous line, and what a checklist line is about.

Ctrl+Enter and "Weiter ▶" show the next line of the list (Kopfdaten, then the agenda
items), Ctrl+Shift+Enter and "◀ Zurück" the previous one, each with the cursor in its
first field; at either end the button that would do nothing is off. A checklist line
selects its item and puts the cursor in its field; a line about the meeting, the
attendance or the conflicts names the meetings page's tab to show (``open_tab``), a line
about the previous minutes that meeting and its tab (``open_meeting_tab``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut

from expertenrat.domain.minutes import Minutes
from expertenrat.domain.minutes_checklist_lines import ChecklistTarget
from expertenrat.ui.minutes_editor_view import MinutesEditorView
from expertenrat.ui.minutes_item_list import header_key, item_key

# Checklist targets outside this tab: the meetings page shows the tab of that name.
OTHER_TABS = {"meeting": "meeting", "attendance": "attendance", "conflicts": "conflicts"}


class MinutesNavigation:
    def __init__(
        self,
        view: MinutesEditorView,
        minutes: Callable[[], Minutes | None],
        open_tab: Callable[[str], None],
        open_meeting_tab: Callable[[int, str], None],
    ) -> None:
        """The shortcuts work anywhere in ``view``; ``minutes()`` are the minutes shown."""
        self._view = view
        self._minutes = minutes
        self._open_tab = open_tab
        self._open_meeting_tab = open_meeting_tab
        view.items.currentRowChanged.connect(self.update_buttons)
        view.previous_button.clicked.connect(lambda: self.step(-1))
        view.next_button.clicked.connect(lambda: self.step(1))
        for keys, offset in (
            (("Ctrl+Return", "Ctrl+Enter"), 1),
            (("Ctrl+Shift+Return", "Ctrl+Shift+Enter"), -1),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), view)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(lambda offset=offset: self.step(offset))

    def update_buttons(self) -> None:
        """ "◀ Zurück" off on the first line, "Weiter ▶" off on the last."""
        items, row = self._view.items, self._view.items.currentRow()
        self._view.previous_button.setEnabled(row > 0)
        self._view.next_button.setEnabled(0 <= row < items.count() - 1)

    def step(self, offset: int) -> None:
        """The next or previous line, its first field."""
        view = self._view
        view.item_form.votes.commit()  # the focus may still be in a count of this item
        if view.items.step(offset):
            if view.pages.currentWidget() is view.item_form:
                view.item_form.discussion_edit.setFocus()
            else:
                view.header_form.opened_edit.setFocus()

    def jump_to(self, target: ChecklistTarget) -> None:
        """Show what a checklist line is about: a field here, or another tab of the meeting."""
        minutes, view = self._minutes(), self._view
        if minutes is None:
            return
        if target.meeting_id is not None:  # the previous meeting's Genehmigung tab
            self._open_meeting_tab(target.meeting_id, target.field)
            return
        area, _, field = target.field.partition(".")
        if area in OTHER_TABS:  # "meeting.place": the tab and, where it has one, the field
            self._open_tab(f"{OTHER_TABS[area]}.{field}" if field else OTHER_TABS[area])
            return
        if target.item_id is not None:
            view.items.select_key(item_key(target.item_id))
            if target.field == "votes":
                view.item_form.votes.focus_first()
            else:
                view.item_form.fields.get(target.field, view.item_form.discussion_edit).setFocus()
            return
        if target.field in view.header_form.fields:
            view.items.select_key(header_key(minutes.meeting_id))
            view.header_form.fields[target.field].setFocus()
