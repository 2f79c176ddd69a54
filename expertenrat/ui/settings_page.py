"""Einstellungen: the open council's settings and its action fields."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.audit_fields import field_label
from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import QuorumRule
from expertenrat.domain.errors import ConcurrentEditError, ExpertenratError, ValidationError
from expertenrat.domain.field_limits import COUNCIL
from expertenrat.domain.merge import differences, merged
from expertenrat.services.agenda_templates import AgendaTemplatesService
from expertenrat.services.council_transfer import CouncilTransferService
from expertenrat.services.settings import SettingsService
from expertenrat.services.text_templates import TextTemplatesService
from expertenrat.ui.action_field_buttons import ActionFieldButtons
from expertenrat.ui.action_fields_model import ActionFieldsModel
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.form_errors import FormErrors
from expertenrat.ui.i18n import tr
from expertenrat.ui.merge_dialog import MergeDialog, merge_rows
from expertenrat.ui.ordered_list_editor import OrderedListEditor
from expertenrat.ui.page import flush_again
from expertenrat.ui.save_retry import SaveRetry
from expertenrat.ui.settings_agenda_templates import AgendaTemplatesEditor
from expertenrat.ui.settings_minutes import MinutesSettingsFields, PhrasesEditor
from expertenrat.ui.settings_profile import ProfileSettingsFields
from expertenrat.ui.settings_transfer import SettingsTransfer
from expertenrat.ui.widgets import action_button, page_title, plain_scroll_area

LOGO_MAX_SIDE = 600


def _png_bytes(image: QImage) -> bytes:
    if max(image.width(), image.height()) > LOGO_MAX_SIDE:
        image = image.scaled(
            LOGO_MAX_SIDE,
            LOGO_MAX_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


class SettingsPage(QWidget):
    """Edits the settings of one council; emits ``councilChanged`` after every save."""

    councilChanged = Signal()
    councilCreated = Signal(int)

    def __init__(
        self,
        settings: SettingsService,
        text_templates: TextTemplatesService,
        transfer: CouncilTransferService,
        agenda_templates: AgendaTemplatesService,
        dialogs: DialogService,
        parent: QWidget | None = None,
        pc_settings: QWidget | None = None,
        database_box: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pc_settings = pc_settings  # "Auf diesem PC", saved at once (not per council)
        self.database_box = database_box  # "Datenbank" of this PC (takes effect at restart)
        self._service = settings
        self._dialogs = dialogs
        self._council: CouncilSettings | None = None
        self._logo: bytes | None = None
        self.merge_dialog: MergeDialog | None = None

        self.name_edit = QLineEdit()
        self.short_name_edit = QLineEdit()
        self.city_edit = QLineEdit()
        self.logo_preview = QLabel(tr("SettingsPage", "kein Logo"))
        self.logo_preview.setMinimumHeight(48)
        self.choose_logo_button = QPushButton(tr("SettingsPage", "Logo wählen …"))
        self.remove_logo_button = QPushButton(tr("SettingsPage", "Logo entfernen"))
        self.min_spin = QSpinBox(minimum=1, maximum=200)
        self.max_spin = QSpinBox(minimum=1, maximum=200)
        self.quorum_combo = QComboBox()
        for rule in QuorumRule:
            self.quorum_combo.addItem(rule.label, rule.value)
        self.notice_spin = QSpinBox(minimum=0, maximum=365, suffix=tr("SettingsPage", " Tage"))
        self.response_spin = QSpinBox(minimum=1, maximum=24, suffix=tr("SettingsPage", " Monate"))
        for narrow in (
            self.min_spin,
            self.max_spin,
            self.quorum_combo,
            self.notice_spin,
            self.response_spin,
        ):
            narrow.setMaximumWidth(240)
        self.save_button = QPushButton(tr("SettingsPage", "Speichern"))
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(tr("SettingsPage", "Verwerfen"))
        self.new_council_button = QPushButton(tr("SettingsPage", "Weiteres Gremium anlegen …"))
        self.transfer = SettingsTransfer(
            transfer, dialogs, self, lambda: getattr(self._council, "id", None), self.flush
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
        self.fields_view = QTableView()
        self.fields_view.setModel(self.fields_model)
        self.fields_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.fields_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.fields_view.verticalHeader().hide()
        self.fields_view.horizontalHeader().setSectionResizeMode(
            ActionFieldsModel.COLUMN_NAME, QHeaderView.ResizeMode.Stretch
        )
        self.field_buttons = ActionFieldButtons(
            settings, dialogs, self.fields_view, self.fields_model, self
        )
        self.field_buttons.changed.connect(self.councilChanged)
        self.phrases = PhrasesEditor(text_templates, dialogs)
        self.agenda_templates = AgendaTemplatesEditor(agenda_templates, dialogs)

        self._layout()
        for name, edit in self.line_edits().items():
            edit.setMaxLength(COUNCIL[name].max_length)
        self.save_button.clicked.connect(self.save)
        self.retry = SaveRetry(self.save_button)
        self.revert_button.clicked.connect(self.revert)
        self.choose_logo_button.clicked.connect(self._choose_logo)
        self.remove_logo_button.clicked.connect(lambda: self._set_logo(None))
        self.new_council_button.clicked.connect(self._ask_new_council)

    def line_edits(self) -> dict[str, QLineEdit]:
        """The council's text inputs by CouncilSettings attribute."""
        return {
            "name": self.name_edit,
            "short_name": self.short_name_edit,
            "city": self.city_edit,
            **self.profile_fields.line_edits(),
        }

    def _layout(self) -> None:
        council_box = QGroupBox(tr("SettingsPage", "Gremium"))
        form = QFormLayout(council_box)
        self.errors = FormErrors(form)
        self.errors.add_row(tr("SettingsPage", "Name"), "name", self.name_edit)
        self.errors.add_row(tr("SettingsPage", "Kurzname"), "short_name", self.short_name_edit)
        self.errors.add_row(tr("SettingsPage", "Stadt"), "city", self.city_edit)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview, 1)
        logo_row.addWidget(self.choose_logo_button)
        logo_row.addWidget(self.remove_logo_button)
        logo = QWidget()
        logo.setLayout(logo_row)
        form.addRow(tr("SettingsPage", "Logo"), logo)
        self.errors.add_row(
            tr("SettingsPage", "Mindestzahl Mitglieder"), "min_members", self.min_spin
        )
        self.errors.add_row(
            tr("SettingsPage", "Höchstzahl Mitglieder"), "max_members", self.max_spin
        )
        self.errors.add_row(
            tr("SettingsPage", "Beschlussfähig bei"), "quorum_rule", self.quorum_combo
        )
        self.errors.add_row(
            tr("SettingsPage", "Ladungsfrist"), "notice_period_days", self.notice_spin
        )
        self.errors.add_row(
            tr("SettingsPage", "Frist für Stellungnahmen"),
            "response_period_months",
            self.response_spin,
        )
        self.minutes_fields = MinutesSettingsFields(self.errors, form)
        self.profile_fields = ProfileSettingsFields(self.errors, form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        form.addRow(self.errors.general)
        form.addRow(buttons)

        fields_box = QGroupBox(tr("SettingsPage", "Handlungsfelder"))
        fields_layout = QHBoxLayout(fields_box)
        fields_layout.addWidget(self.fields_view, 1)
        fields_layout.addWidget(self.field_buttons)

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(page_title(tr("SettingsPage", "Einstellungen")))
        column.addWidget(council_box)
        column.addWidget(fields_box, 1)
        column.addWidget(self.agenda_templates, 1)
        column.addWidget(self.phrases, 1)
        if self.pc_settings is not None:
            column.addWidget(self.pc_settings)
        if self.database_box is not None:
            column.addWidget(self.database_box)
        other = QHBoxLayout()
        for button in self.transfer_buttons:
            other.addWidget(button)
        other.addStretch(1)
        other.addWidget(self.new_council_button)
        column.addLayout(other)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(plain_scroll_area(content))

    # --- loading and saving ---------------------------------------------------------------

    def set_council(self, council_id: int) -> None:
        self._council = self._service.settings(council_id)
        self.field_buttons.set_council(council_id)
        self.phrases.set_council(council_id)
        self.agenda_templates.set_council(council_id)
        self._show(self._council)

    def refresh(self) -> None:
        """On showing the page and after changes elsewhere: reread the council's settings
        unless the form holds unsaved input (saving that ends in the merge of both
        versions), the action fields, and the phrases and agenda templates unless their
        form holds typed input; the selected rows stay selected."""
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

    def reload(self) -> None:
        if self._council is not None and self._council.id is not None:
            self.set_council(self._council.id)

    def revert(self) -> None:
        """ "Verwerfen": the council's settings as stored (a phrase or agenda template typed
        below stays)."""
        if self._council is not None and self._council.id is not None:
            self._council = self._service.settings(self._council.id)
            self._show(self._council)

    def _show(self, council: CouncilSettings) -> None:
        self.errors.clear()
        self.retry.after(None)
        self.saved_label.clear()
        self.name_edit.setText(council.name)
        self.short_name_edit.setText(council.short_name)
        self.city_edit.setText(council.city)
        self._set_logo(council.logo_png)
        self.min_spin.setValue(council.min_members)
        self.max_spin.setValue(council.max_members)
        self.quorum_combo.setCurrentIndex(self.quorum_combo.findData(council.quorum_rule.value))
        self.notice_spin.setValue(council.notice_period_days)
        self.response_spin.setValue(council.response_period_months)
        self.minutes_fields.show(council)
        self.profile_fields.show(council)

    def flush(self, then: Callable[[], None]) -> bool:
        """Nothing typed: go on. Else ask about the typed settings, then about a typed
        agenda template and phrase, one after the other; each "Ja" drops that input and
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
        """The settings form, or the form of an agenda template or phrase, holds typed
        input (a refresh for another PC's change waits for it)."""
        return self.settings_edited() or any(e.has_typed_input() for e in self._list_editors())

    def settings_edited(self) -> bool:
        """The council's settings form holds input not yet saved."""
        return self._council is not None and self.edited_settings() != self._council

    def _list_editors(self) -> tuple[OrderedListEditor, ...]:
        return (self.agenda_templates, self.phrases)

    def edited_settings(self) -> CouncilSettings:
        assert self._council is not None
        edited = replace(
            self._council,
            name=self.name_edit.text(),
            short_name=self.short_name_edit.text(),
            city=self.city_edit.text(),
            logo_png=self._logo,
            min_members=self.min_spin.value(),
            max_members=self.max_spin.value(),
            quorum_rule=QuorumRule(self.quorum_combo.currentData()),
            notice_period_days=self.notice_spin.value(),
            response_period_months=self.response_spin.value(),
        )
        return self.profile_fields.edited(self.minutes_fields.edited(edited))

    def save(self) -> None:
        if self._council is None:
            return
        self.retry.after(None)
        try:
            self._council = self._service.update_settings(self.edited_settings())
        except ValidationError as error:
            self.errors.show(error.problems)
            return
        except ConcurrentEditError as error:
            self._offer_merge(error)
            return
        except ExpertenratError as error:
            self.errors.show_general(error.message)
            self.retry.after(error)
            return
        self._show(self._council)
        self.saved_label.setText(tr("SettingsPage", "Gespeichert."))
        self.councilChanged.emit()

    def _offer_merge(self, conflict: ConcurrentEditError) -> None:
        """Someone saved the settings first: both versions per field, then save the choice."""
        assert self._council is not None and self._council.id is not None
        mine = self.edited_settings()
        try:
            theirs = self._service.settings(self._council.id)
        except ExpertenratError as error:
            self.errors.show_general(error.message)
            return
        self.errors.show_general(conflict.message)
        self.merge_dialog = MergeDialog(
            tr("SettingsPage", "Gleichzeitig geändert – Einstellungen"),
            tr(
                "SettingsPage",
                "Jemand anderes hat die Einstellungen gespeichert, während Sie sie bearbeitet "
                "haben. Wählen Sie je Feld, welche Angabe gelten soll; vorgeschlagen ist "
                "jeweils die geänderte. Mit * markiert: beide haben das Feld geändert.",
            ),
            merge_rows(differences(self._council, mine, theirs), self._council_label),
            self,
        )
        self.merge_dialog.chosen.connect(lambda names: self._save_merged(mine, theirs, names))
        self.merge_dialog.finished.connect(self.merge_dialog.deleteLater)
        self.merge_dialog.open()

    def _save_merged(self, mine: CouncilSettings, theirs: CouncilSettings, names: set[str]) -> None:
        """Show the chosen values on top of the stored version, and save them."""
        self._council = theirs
        self._show(merged(mine, theirs, names))
        self.save()

    @staticmethod
    def _council_label(name: str) -> str:
        if name == "logo_png":
            return tr("SettingsPage", "Logo")
        return field_label("council", name)

    # --- logo ---------------------------------------------------------------------------

    def _choose_logo(self) -> None:
        self._dialogs.ask_open_file(
            self,
            tr("SettingsPage", "Logo wählen"),
            tr("SettingsPage", "Bilder (*.png *.jpg *.jpeg *.bmp *.gif *.svg)"),
            self.load_logo_file,
        )

    def load_logo_file(self, path: str) -> None:
        image = QImage(path)
        if image.isNull():
            self._dialogs.warning(
                self,
                tr("SettingsPage", "Logo"),
                tr("SettingsPage", "Die Datei „{}“ ist kein lesbares Bild.").format(path),
            )
            return
        self._set_logo(_png_bytes(image))

    def _set_logo(self, png: bytes | None) -> None:
        self._logo = png
        self.remove_logo_button.setEnabled(png is not None)
        if png is None:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(tr("SettingsPage", "kein Logo"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.logo_preview.setPixmap(
            pixmap.scaledToHeight(48, Qt.TransformationMode.SmoothTransformation)
        )

    def _taken_from_file(self) -> None:
        self.reload()
        self.saved_label.setText(tr("SettingsPage", "Aus der Datei übernommen."))
        self.councilChanged.emit()

    # --- another council ---------------------------------------------------------------

    def _ask_new_council(self) -> None:
        self._dialogs.ask_text(
            self,
            tr("SettingsPage", "Weiteres Gremium"),
            tr("SettingsPage", "Name des neuen Gremiums:"),
            "",
            self.create_council,
        )

    def create_council(self, name: str) -> None:
        city = self._council.city if self._council is not None else ""
        try:
            created = self._service.create_council(
                CouncilSettings(id=None, name=name, city=city or "–")
            )
        except ExpertenratError as error:
            self._dialogs.warning(self, tr("SettingsPage", "Weiteres Gremium"), error.message)
            return
        assert created.id is not None
        self.councilCreated.emit(created.id)
