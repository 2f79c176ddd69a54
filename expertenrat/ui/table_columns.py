"""Columns of a table (or tree) view the user can show or hide from the header's context menu (or,
from the keyboard, with the context-menu key in the table: the header takes no focus).

Which columns are hidden is remembered in QSettings under stable column keys (not
indexes), so that adding a column later does not shuffle what the user chose.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QMenu, QTableView, QTreeView

from expertenrat.ui.column_fit import columns_header, dropped_columns, forget_dropped


class ColumnChooser(QObject):
    changed = Signal()  # a column was shown or hidden (the page fits its columns again)

    def __init__(
        self,
        view: QTableView | QTreeView,
        keys: Sequence[str],
        hidden_by_default: Sequence[int],
        settings: QSettings,
        settings_key: str,
        *,
        always_shown: Sequence[int] = (0,),
    ) -> None:
        super().__init__(view)
        self._view = view
        self._keys = tuple(keys)
        self._settings = settings
        self._settings_key = settings_key
        self._always_shown = frozenset(always_shown)
        self.menu: QMenu | None = None
        header = columns_header(view)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_menu)
        view.installEventFilter(self)  # the keyboard's context menu (see eventFilter)
        stored = settings.value(settings_key)
        if isinstance(stored, str):
            hidden = {self._keys.index(k) for k in stored.split(",") if k in self._keys}
        else:
            hidden = set(hidden_by_default)
        for column in range(len(self._keys)):
            header.setSectionHidden(column, column in hidden - self._always_shown)

    def is_shown(self, column: int) -> bool:
        """Whether the user has ``column`` shown (it may be left out for a narrow
        table's width: :func:`~expertenrat.ui.column_fit.dropped_columns`)."""
        hidden = columns_header(self._view).isSectionHidden(column)
        return not hidden or column in dropped_columns(self._view)

    def set_shown(self, column: int, shown: bool) -> None:
        if column in self._always_shown:
            return
        forget_dropped(self._view, column)  # the user's choice now
        header = columns_header(self._view)
        header.setSectionHidden(column, not shown)
        if shown and header.sectionSize(column) < header.minimumSectionSize() * 2:
            self._view.resizeColumnToContents(column)
        dropped = dropped_columns(self._view)
        hidden = [
            k for c, k in enumerate(self._keys) if header.isSectionHidden(c) and c not in dropped
        ]
        self._settings.setValue(self._settings_key, ",".join(hidden))
        self.changed.emit()

    def build_menu(self) -> QMenu:
        """The menu of the header: one check box per column that can be hidden."""
        menu = QMenu(self._view)
        model = self._view.model()
        for column in range(len(self._keys)):
            if column in self._always_shown:
                continue
            title = model.headerData(column, Qt.Orientation.Horizontal)
            action = QAction(str(title), menu)
            action.setCheckable(True)
            action.setChecked(self.is_shown(column))
            action.toggled.connect(lambda on, c=column: self.set_shown(c, on))
            menu.addAction(action)
        return menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The context-menu key in the table opens the header's menu under the header."""
        keyboard = QContextMenuEvent.Reason.Keyboard
        if (
            watched is self._view
            and event.type() == QEvent.Type.ContextMenu
            and isinstance(event, QContextMenuEvent)
            and event.reason() == keyboard
        ):
            self._show_menu(QPoint(0, columns_header(self._view).height()))
            return True
        return False

    def _show_menu(self, position: QPoint) -> None:
        self.menu = self.build_menu()
        self.menu.aboutToHide.connect(self.menu.deleteLater)
        self.menu.popup(columns_header(self._view).mapToGlobal(position))
