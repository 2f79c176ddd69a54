"""The agenda item's choice of a project among many: after ten years a council has advised
150 projects and more, most of them finished (found by a tester). The running ones come
first, a finished one is named "… (abgeschlossen)", as on the Projekte page; the words typed
into the box list the projects whose title holds them all, case and accents aside, in any
order (as the project filter of the register's dialogs)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from expertenrat.domain.projects import marked_title
from expertenrat.domain.text_folding import holds_words, search_words, searchable
from expertenrat.services.project_choices import ProjectChoice
from expertenrat.ui.eliding_widgets import compact_combo
from expertenrat.ui.i18n import tr
from expertenrat.ui.text_fields import LineEdit

_CONTEXT = "ProjectCombo"
_FOLDED = Qt.ItemDataRole.UserRole + 1  # the entry as a search folds it
_TITLE = Qt.ItemDataRole.UserRole + 2  # the project's title, without the mark


class _WordFilter(QSortFilterProxyModel):
    """The combo's entries whose title holds every word typed."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self._words: list[str] = []
        self.setSourceModel(combo.model())

    def set_text(self, text: str) -> None:
        words = search_words(text)
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def finds(self, text: str) -> bool:
        """Whether the entries left are those ``text`` finds (some words typed)."""
        return bool(self._words) and search_words(text) == self._words

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        folded = self.sourceModel().index(source_row, 0, source_parent).data(_FOLDED)
        return folded is not None and holds_words(folded, self._words)


class ProjectCombo:
    """An editable combo box (``combo``) of "– kein Projekt –" and the projects: the list
    opened shows them all; typing shows those the words find, to pick with a click or the
    arrow keys and Enter (Enter alone where only one is found). Text that names none is
    put back to the chosen entry when the box is left."""

    def __init__(self) -> None:
        self.combo = compact_combo(20)
        self.combo.setLineEdit(LineEdit())  # makes it editable
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.lineEdit().setPlaceholderText(tr(_CONTEXT, "Wörter des Titels tippen"))
        self._filter = _WordFilter(self.combo)
        completer = QCompleter(self._filter, self.combo)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.combo.setCompleter(completer)  # picking an entry sets the combo's and says so
        line = self.combo.lineEdit()
        line.textEdited.connect(self._filter.set_text)  # before the popup is shown
        line.returnPressed.connect(self._pick_the_one_found)
        line.editingFinished.connect(self._show_chosen)
        self.combo.currentIndexChanged.connect(self._show_chosen)

    def set_projects(self, projects: Sequence[ProjectChoice]) -> None:
        """Offer "– kein Projekt –" and ``projects``; nothing chosen is kept."""
        self.combo.clear()
        self.combo.addItem(tr(_CONTEXT, "– kein Projekt –"), None)
        for project in projects:
            self.add_project(project)

    def add_project(self, project: ProjectChoice) -> None:
        """Offer ``project`` at the end (one no longer offered that an item still links)."""
        self.combo.addItem(marked_title(project.title, project.ended), project.id)
        row = self.combo.count() - 1
        self.combo.setItemData(row, searchable(project.title), _FOLDED)
        self.combo.setItemData(row, project.title, _TITLE)

    def chosen_title(self) -> str:
        """The chosen project's title (without the mark), "" for none."""
        return self.combo.currentData(_TITLE) or ""

    def _pick_the_one_found(self) -> None:
        typed = self.combo.lineEdit().text()
        if self._filter.finds(typed) and self._filter.rowCount() == 1:
            row = self._filter.mapToSource(self._filter.index(0, 0)).row()
            if row != self.combo.currentIndex():
                self.combo.setCurrentIndex(row)
                self.combo.activated.emit(row)

    def _show_chosen(self) -> None:
        line = self.combo.lineEdit()
        chosen = self.combo.itemText(self.combo.currentIndex())
        if line.text() != chosen:
            line.setText(chosen)
        line.home(False)  # a long title shows its beginning
