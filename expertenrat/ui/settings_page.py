"""Einstellungen: the open council's settings, its action fields and appointment periods.

The council form is :mod:`ui.settings_council_form`'s (the logo's row
:mod:`ui.settings_logo`'s); "Speichern" with the merge after a
conflicting save is :mod:`ui.settings_saving`'s, "Weiteres Gremium anlegen …"
:mod:`ui.settings_new_council`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.overview import Target
from expertenrat.services.context import Services
from expertenrat.ui.action_field_buttons import ActionFieldButtons
from expertenrat.ui.action_fields_model import ActionFieldsModel
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.key_actions import SaveKeys
from expertenrat.ui.ordered_list_editor import OrderedListEditor
from expertenrat.ui.page import flush_again
from expertenrat.ui.scroll_areas import plain_scroll_area
from expertenrat.ui.settings_agenda_templates import AgendaTemplatesEditor
from expertenrat.ui.settings_council_form import CouncilForm
from expertenrat.ui.settings_minutes import PhrasesEditor
from expertenrat.ui.settings_new_council import NewCouncil
from expertenrat.ui.settings_periods import PeriodsEditor
from expertenrat.ui.settings_saving import SettingsSaving
from expertenrat.ui.settings_transfer import SettingsTransfer
from expertenrat.ui.table_height import rows_list_view
from expertenrat.ui.widgets import action_button, page_title
from expertenrat.ui.wrapping_row import WrappingRow


class SettingsPage(QWidget):
    """Edits the settings of one council; emits ``councilChanged`` after every save."""

    councilChanged = Signal()
    councilCreated = Signal(int)

    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        parent: QWidget | None = None,
        pc_settings: QWidget | None = None,
        database_box: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.pc_settings = pc_settings  # "Auf diesem PC", saved at once (not per council)
        self.database_box = database_box  # "Datenbank" of this PC (takes effect at restart)
        settings = self._service = services.settings
        self._dialogs = dialogs
        self._council: CouncilSettings | None = None
        self._unread_id: int | None = None  # a council set, not read yet (see set_council)

        self.save_button = QPushButton(tr("SettingsPage", "Speichern"))
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(tr("SettingsPage", "Verwerfen"))
        self.new_council_button = QPushButton(tr("SettingsPage", "Weiteres Gremium anlegen …"))
        self.transfer = SettingsTransfer(
            services.council_transfer,
            settings,
            dialogs,
            self,
            lambda: getattr(self._council, "id", None),
            self.flush,
        )
        self.transfer.applied.connect(self._taken_from_file)
        self.transfer.created.connect(self.councilCreated)
        self.transfer_buttons = [
            action_button(action)
            for action in (
                self.transfer.export_action,
                self.transfer.import_action,
                self.transfer.new_action,
            )
        ]
        self.saved_label = QLabel()

        self.fields_model = ActionFieldsModel(self)
        self.fields_view = rows_list_view(self.fields_model, ActionFieldsModel.COLUMN_NAME)
        self.field_buttons = ActionFieldButtons(
            settings, dialogs, self.fields_view, self.fields_model, self
        )
        self.field_buttons.changed.connect(self.councilChanged)
        self.phrases = PhrasesEditor(services.text_templates, dialogs)
        self.agenda_templates = AgendaTemplatesEditor(services.agenda_templates, dialogs)
        self.periods = PeriodsEditor(services.appointment_periods, dialogs, today)

        self._layout()
        self.saving = SettingsSaving(
            self,
            settings,
            self.council_form.errors,
            self.save_button,
            lambda: self._council,
            self.edited_settings,
            self._saved,
            self._merging,
        )
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.new_council = NewCouncil(
            settings, dialogs, self, lambda: self._council, self.councilCreated.emit
        )
        self.new_council_button.clicked.connect(self.new_council.ask)

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        self.council_form = CouncilForm(self._dialogs, buttons)
        SaveKeys(self.council_form, self.save_button)

        fields_box = QGroupBox(tr("SettingsPage", "Handlungsfelder"))
        fields_layout = QHBoxLayout(fields_box)
        fields_layout.addWidget(self.fields_view, 1)
        fields_layout.addWidget(self.field_buttons)

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(page_title(tr("SettingsPage", "Einstellungen")))
        column.addWidget(self.council_form)
        column.addWidget(fields_box, 1)
        column.addWidget(self.periods, 1)
        column.addWidget(self.agenda_templates, 1)
        column.addWidget(self.phrases, 1)
        if self.pc_settings is not None:
            column.addWidget(self.pc_settings)
        if self.database_box is not None:
            column.addWidget(self.database_box)
        # on two rows where the window is too narrow for one
        buttons = [*self.transfer_buttons, self.new_council_button]
        column.addWidget(WrappingRow([[button] for button in buttons], packed_left=True))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = plain_scroll_area(content)
        outer.addWidget(self.scroll_area)

    # --- loading and saving ---------------------------------------------------------------

    def show_pc_settings(self) -> None:
        """Scroll to "Auf diesem PC" and put the focus there (the Übersicht's backup
        warning leads here)."""
        if self.pc_settings is None:
            return
        self.scroll_area.widget().layout().activate()  # laid out before it is scrolled to
        self.scroll_area.ensureWidgetVisible(self.pc_settings)
        self.pc_settings.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_target(self, _target: Target) -> None:
        """The Übersicht's "Einstellungen prüfen": the council's settings from the top, the
        keyboard in their first field."""
        self.scroll_area.verticalScrollBar().setValue(0)
        self.council_form.council_fields.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_council(self, council_id: int) -> None:
        """Remember the council; its settings are read when the page is shown (refresh),
        not while hidden nor twice (six statements, a round trip each on a server)."""
        self._unread_id = council_id

    def _read(self, council_id: int) -> None:
        """The council's settings, action fields, periods, agenda templates and phrases, as
        stored (typed input dropped)."""
        self._council = self._service.settings(council_id)
        self.field_buttons.set_council(council_id)
        for editor in self._list_editors():
            editor.set_council(council_id)
        self._show(self._council)

    def refresh(self) -> None:
        """On showing the page and after changes elsewhere: reread the council's settings
        unless the form holds unsaved input (saving that ends in the merge of both
        versions), the action fields, and the periods, agenda templates and phrases unless
        their form holds typed input; the selected rows stay selected. First after
        another council: its settings, as stored."""
        if self._unread_id is not None:
            self._read(self._unread_id)
            self._unread_id = None
            return
        if self._council is None or self._council.id is None:
            return
        if not self.settings_edited():
            stored = self._service.settings(self._council.id)
            if stored != self._council:
                self._council = stored
                self._show(stored)
        self.field_buttons.reload(getattr(self.field_buttons.selected(), "id", None))
        for editor in self._list_editors():
            if not editor.has_typed_input():
                editor.reload(getattr(editor.selected(), "id", None))

    def revert(self) -> None:
        """ "Verwerfen": the council's settings as stored (a phrase or agenda template typed
        below stays)."""
        if self._council is not None and self._council.id is not None:
            self._council = self._service.settings(self._council.id)
            self._show(self._council)

    def _show(self, council: CouncilSettings) -> None:
        self.saving.retry.after(None)
        self.saved_label.clear()
        self.council_form.show_settings(council)

    def flush(self, then: Callable[[], None]) -> bool:
        """Nothing typed: go on. Else ask about the typed settings, then about a typed
        period, agenda template and phrase, one after the other; each "Ja" drops that input and
        the next is asked about, after the last the window goes on; "Nein" stays."""
        next_or_go_on = flush_again(self.flush, then)
        if self.settings_edited():
            self._dialogs.question(
                self,
                tr("SettingsPage", "Einstellungen nicht gespeichert"),
                tr(
                    "SettingsPage",
                    "Die Einstellungen des Gremiums wurden geändert, aber nicht gespeichert. "
                    "Die Änderungen verwerfen?",
                ),
                lambda: (self.revert(), next_or_go_on()),
            )
            return False
        return all(editor.flush(next_or_go_on) for editor in self._list_editors())

    def has_unsaved_changes(self) -> bool:
        """The settings form, or the form of a period, agenda template or phrase, holds
        typed input (a refresh for another PC's change waits for it)."""
        return self.settings_edited() or any(e.has_typed_input() for e in self._list_editors())

    def settings_edited(self) -> bool:
        """The council's settings form holds input not yet saved."""
        return self._council is not None and self.edited_settings() != self._council

    def _list_editors(self) -> tuple[OrderedListEditor, ...]:
        return (self.periods, self.agenda_templates, self.phrases)

    def edited_settings(self) -> CouncilSettings:
        assert self._council is not None
        return self.council_form.edited(self._council)

    def save(self) -> None:
        self.saving.save()

    def _saved(self, council: CouncilSettings) -> None:
        self._council = council
        self._show(council)
        self.saved_label.setText(tr("SettingsPage", "Gespeichert."))
        self.councilChanged.emit()

    def _merging(self, theirs: CouncilSettings, chosen: CouncilSettings) -> None:
        """The other version is the one stored now; the form shows the chosen values."""
        self._council = theirs
        self._show(chosen)

    def _taken_from_file(self) -> None:
        if self._council is not None and self._council.id is not None:
            self._read(self._council.id)
        self.saved_label.setText(tr("SettingsPage", "Aus der Datei übernommen."))
        self.councilChanged.emit()
