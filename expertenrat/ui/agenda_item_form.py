"""The fields of one agenda item beside the agenda tree: title, kind, publicity, presenter,
linked project, planned minutes, and a picker for the text templates of recurring items."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.agenda import (
    MAX_PLANNED_MINUTES,
    AgendaItem,
    presenter_text,
    split_presenter,
)
from expertenrat.domain.agenda_templates import AgendaTemplate
from expertenrat.domain.enums import AgendaItemKind, PresenterKind
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.field_limits import AGENDA_ITEM
from expertenrat.domain.pasted_agenda_titles import pasted_title
from expertenrat.services.project_choices import ProjectChoice
from expertenrat.ui.eliding_widgets import compact_combo
from expertenrat.ui.form_errors import FormErrors
from expertenrat.ui.i18n import tr
from expertenrat.ui.project_combo import ProjectCombo
from expertenrat.ui.text_fields import LineEdit, line_combo
from expertenrat.ui.widgets import FocusCombo, FocusSpin

_CONTEXT = "AgendaItemForm"


class AgendaItemForm(QWidget):
    """Shows one item (``set_item``) and reads the typed values back (``item``).

    ``edited`` fires on every change the user makes; ``set_item`` does not fire it. An item
    just added (``mark_new``) takes the kind "Beratung eines Projekts" when a project is
    picked, "Bericht" again when none is, until the user chooses a kind herself.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._item: AgendaItem | None = None
        self._templates: list[AgendaTemplate] = []
        self._filling = False
        self._kind_follows_project = False  # see ``mark_new``

        self.template_combo = compact_combo(20)
        self.template_combo.setToolTip(
            tr(
                _CONTEXT,
                "Übernimmt Titel, Art, Öffentlichkeit und Dauer eines wiederkehrenden Punkts.",
            )
        )
        self.title_edit = LineEdit(cleaning=pasted_title)  # without a copied "TOP 3"
        self.title_edit.setMaxLength(AGENDA_ITEM["title"].max_length)
        self.kind_combo = FocusCombo()
        for kind in AgendaItemKind:
            self.kind_combo.addItem(kind.label, kind)
        self.public_check = QCheckBox(tr(_CONTEXT, "öffentlich"))
        self.presenter_kind_combo = FocusCombo()
        for kind in PresenterKind:
            self.presenter_kind_combo.addItem(kind.label, kind)
        self.presenter_edit = line_combo()
        self.presenter_edit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.presenter_edit.lineEdit().setMaxLength(AGENDA_ITEM["presenter"].max_length - 20)
        self.presenter_edit.lineEdit().setPlaceholderText(tr(_CONTEXT, "Name"))
        self.presenter_edit.setAccessibleName(tr(_CONTEXT, "Name der vortragenden Person"))
        self.projects = ProjectCombo()  # after years 150 projects, most finished
        self.project_combo = self.projects.combo
        self.minutes_spin = FocusSpin()
        self.minutes_spin.setRange(0, MAX_PLANNED_MINUTES)
        self.minutes_spin.setSuffix(tr(_CONTEXT, " Min."))

        form = QFormLayout()
        self.errors = FormErrors(form, collapsed=True)  # the rows evenly apart, as "Sitzung"
        for label, combo in (
            (tr(_CONTEXT, "Vorlage"), self.template_combo),
            (tr(_CONTEXT, "Art"), self.kind_combo),
            (tr(_CONTEXT, "Vortragende*r"), self.presenter_kind_combo),
            (tr(_CONTEXT, "Projekt"), self.project_combo),
        ):
            combo.setAccessibleName(label)  # a combo alone says only its entry
        form.addRow(tr(_CONTEXT, "Vorlage"), self.template_combo)
        self.errors.add_row(tr(_CONTEXT, "Titel"), "title", self.title_edit)
        form.addRow(tr(_CONTEXT, "Art"), self.kind_combo)
        form.addRow("", self.public_check)
        form.addRow(tr(_CONTEXT, "Vortragende*r"), self.presenter_kind_combo)
        self.errors.add_row("", "presenter", self.presenter_edit)
        self.errors.add_row(tr(_CONTEXT, "Projekt"), "project_id", self.project_combo)
        self.errors.add_row(tr(_CONTEXT, "Geplante Dauer"), "planned_minutes", self.minutes_spin)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)

        self.template_combo.activated.connect(self._apply_template)
        self.kind_combo.activated.connect(self._kind_chosen)
        self.project_combo.activated.connect(self._project_picked)  # before ``edited``
        for signal in (
            self.title_edit.textEdited,
            self.presenter_edit.editTextChanged,
            self.kind_combo.activated,
            self.public_check.toggled,
            self.presenter_kind_combo.activated,
            self.project_combo.activated,
            self.minutes_spin.valueChanged,
        ):
            signal.connect(self._changed)
        self.set_item(None)

    # --- choices ------------------------------------------------------------------------

    def set_choices(
        self,
        projects: Sequence[ProjectChoice],
        templates: Sequence[AgendaTemplate],
        member_names: Iterable[str],
    ) -> None:
        """Offer these projects, templates and members; the typed values stay."""
        typed = self.item()
        self._filling = True
        self._templates = list(templates)
        self.template_combo.clear()
        self.template_combo.addItem(tr(_CONTEXT, "– Vorlage wählen –"))
        for template in self._templates:
            self.template_combo.addItem(template.title)
        self.projects.set_projects(projects)
        self.presenter_edit.clear()
        self.presenter_edit.addItems(list(member_names))
        self._filling = False
        self.show_values(typed or AgendaItem(0, ""))

    # --- the item -----------------------------------------------------------------------

    def set_item(self, item: AgendaItem | None) -> None:
        """Show ``item`` (``None``: empty) and clear the messages."""
        if item is None or self._item is None or item.key != self._item.key:
            self._kind_follows_project = False  # another item
        self._item = item
        self.show_values(item or AgendaItem(0, ""))
        self.errors.clear()

    def show_values(self, shown: AgendaItem) -> None:
        """Put ``shown``'s values in the fields, as typed (the item stays the stored one)."""
        self._filling = True
        self.title_edit.setText(shown.title)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(shown.kind), 0))
        self.public_check.setChecked(shown.public)
        kind, name = split_presenter(shown.presenter)
        self.presenter_kind_combo.setCurrentIndex(self.presenter_kind_combo.findData(kind))
        self.presenter_edit.setEditText(name)
        self._show_project(shown)
        self.minutes_spin.setValue(max(0, min(shown.planned_minutes, MAX_PLANNED_MINUTES)))
        self.template_combo.setCurrentIndex(0)
        self._filling = False

    def mark_new(self) -> None:
        """The item shown was just added ("Neuer Punkt"), its kind the default "Bericht":
        picking a project makes it a "Beratung eines Projekts" (until a kind is chosen)."""
        self._kind_follows_project = (
            self._item is not None
            and AgendaItemKind(self.kind_combo.currentData()) is AgendaItemKind.REPORT
        )

    def item(self) -> AgendaItem | None:
        """The shown item with the typed values, or ``None`` when no item is shown."""
        if self._item is None:
            return None
        return replace(
            self._item,
            title=self.title_edit.text(),
            kind=AgendaItemKind(self.kind_combo.currentData()),
            public=self.public_check.isChecked(),
            presenter=presenter_text(
                PresenterKind(self.presenter_kind_combo.currentData()),
                self.presenter_edit.currentText(),
            ),
            project_id=self.project_combo.currentData(),
            project_title=self.projects.chosen_title(),
            planned_minutes=self.minutes_spin.value(),
        )

    def stored(self) -> AgendaItem | None:
        """The item as shown before the typing (what a merge compares both versions with)."""
        return self._item

    def is_dirty(self) -> bool:
        shown = self.item()
        return shown is not None and _content(shown) != _content(self._item)

    def set_title_only(self, title_only: bool) -> None:
        """A held meeting: only the title may still be corrected."""
        for widget in (
            self.template_combo,
            self.kind_combo,
            self.public_check,
            self.presenter_kind_combo,
            self.presenter_edit,
            self.project_combo,
            self.minutes_spin,
        ):
            widget.setEnabled(not title_only)

    def show_problems(self, problems: Iterable[FieldProblem]) -> None:
        """Each problem under its field; the topmost field with an error takes the cursor."""
        self.errors.show(problems)
        self.errors.focus_first_error()

    # --- helpers ------------------------------------------------------------------------

    def _show_project(self, item: AgendaItem) -> None:
        index = self.project_combo.findData(item.project_id) if item.project_id else 0
        if index < 0:  # linked to a project no longer offered (deleted)
            self.projects.add_project(ProjectChoice(item.project_id, item.project_title))
            index = self.project_combo.count() - 1
        self.project_combo.setCurrentIndex(index)

    def _apply_template(self, index: int) -> None:
        if index <= 0 or self._item is None:
            return
        template = self._templates[index - 1]
        self._filling = True
        self.title_edit.setText(template.title)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(template.kind))
        self.public_check.setChecked(template.public)
        self.minutes_spin.setValue(template.planned_minutes)
        self.template_combo.setCurrentIndex(0)
        self._filling = False
        self._kind_follows_project = False  # the template's kind
        self.edited.emit()

    def _kind_chosen(self) -> None:
        self._kind_follows_project = False

    def _project_picked(self) -> None:
        if self._kind_follows_project:
            project = self.project_combo.currentData() is not None
            kind = AgendaItemKind.CONSULTATION if project else AgendaItemKind.REPORT
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def _changed(self, *_args: object) -> None:
        if not self._filling:
            self.edited.emit()


def _content(item: AgendaItem | None) -> tuple | None:
    if item is None:
        return None
    return (
        item.title,
        item.kind,
        item.public,
        item.presenter,
        item.project_id,
        item.planned_minutes,
    )
