"""Einstellungen "Auf diesem PC": the backup folder, the retention period and how long the
safety copies (made before a restore or an update) are kept.

They are settings of the PC (QSettings), not of a council: the daily backup copies the
database of this PC to a folder this PC can reach (``backup/folder``, see
:mod:`expertenrat.ui.daily_backup`; empty: "Sicherungen" beside the database file, for a
server database in this PC's data folder), and the
retention period applies to a person across every council, so no council's setting can
hold it. They take effect at once: the Übersicht's backup warning and "Aufbewahrung …"
read them each time; the daily backup at the next start.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from expertenrat.domain.backup_rotation import MAX_SAFETY_COPY_DAYS, SAFETY_COPIES_KEPT
from expertenrat.domain.retention import DEFAULT_RETENTION_YEARS
from expertenrat.ui.daily_backup import FOLDER_KEY, SAFETY_COPY_DAYS_KEY, safety_copy_days
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.text_fields import LineEdit
from expertenrat.ui.widgets import NARROW_FIELD_CHARACTERS, FocusSpin, keep_narrow

_CONTEXT = "PcSettings"
RETENTION_KEY = "retention/years"
MAX_RETENTION_YEARS = 30


def retention_years(settings: QSettings) -> int:
    """The retention period set on this PC, in years (default 2)."""
    try:
        years = int(settings.value(RETENTION_KEY, DEFAULT_RETENTION_YEARS))
    except (TypeError, ValueError):
        return DEFAULT_RETENTION_YEARS
    return min(max(years, 1), MAX_RETENTION_YEARS)


class PcSettingsBox(QGroupBox):
    """``default_folder``: "Sicherungen" beside the database file, or in this PC's data
    folder when ``on_server`` (the database is a server's)."""

    changed = Signal()

    def __init__(
        self,
        settings: QSettings,
        dialogs: DialogService,
        default_folder: Path,
        parent: QWidget | None = None,
        *,
        on_server: bool = False,
    ) -> None:
        super().__init__(tr(_CONTEXT, "Auf diesem PC"), parent)
        self._settings = settings
        self._dialogs = dialogs
        self._default = default_folder
        self._unsaved_said = False
        self.folder_edit = LineEdit()
        self.folder_edit.setReadOnly(True)
        # In a row with its buttons: named itself for a screen reader.
        self.folder_edit.setAccessibleName(tr(_CONTEXT, "Tägliche Sicherung in"))
        self.choose_button = QPushButton(tr(_CONTEXT, "Ordner wählen …"))
        self.default_button = QPushButton(tr(_CONTEXT, "Vorgabe"))
        self.default_button.setToolTip(
            tr(_CONTEXT, "„Sicherungen“ im Datenordner dieses PCs")
            if on_server
            else tr(_CONTEXT, "„Sicherungen“ neben der Datenbankdatei")
        )
        self.years_spin = FocusSpin(minimum=1, maximum=MAX_RETENTION_YEARS)
        self.years_spin.setSuffix(tr(_CONTEXT, " Jahre"))
        keep_narrow(self.years_spin, NARROW_FIELD_CHARACTERS)
        self.years_spin.setToolTip(
            tr(
                _CONTEXT,
                "Kontaktdaten ehemaliger Mitglieder werden so lange nach dem Ende ihrer "
                "letzten Mitgliedschaft zur Anonymisierung vorgeschlagen (Datei → "
                "Aufbewahrung …).",
            )
        )
        self.copy_days_spin = FocusSpin(minimum=1, maximum=MAX_SAFETY_COPY_DAYS)
        keep_narrow(self.copy_days_spin, NARROW_FIELD_CHARACTERS)
        self.copy_days_spin.setToolTip(
            tr(
                _CONTEXT,
                "Die Kopien der Datenbank, die vor einer Wiederherstellung oder einer "
                "Aktualisierung angelegt werden, werden nach so vielen Tagen beim "
                "Programmstart gelöscht; die neuesten {} bleiben immer erhalten.",
            ).format(SAFETY_COPIES_KEPT)
        )
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        folder_row.addWidget(self.default_button)
        form = QFormLayout(self)
        form.addRow(tr(_CONTEXT, "Tägliche Sicherung in"), folder_row)
        form.addRow(tr(_CONTEXT, "Aufbewahrungsfrist"), self.years_spin)
        form.addRow(tr(_CONTEXT, "Sicherheitskopien aufbewahren"), self.copy_days_spin)
        self._show()
        self.setFocusProxy(self.choose_button)  # where the Übersicht's backup warning leads
        self.choose_button.clicked.connect(self._ask_folder)
        self.default_button.clicked.connect(lambda: self._store_folder(""))
        self.years_spin.valueChanged.connect(self._store_years)
        self.years_spin.valueChanged.connect(self._name_years)
        self.copy_days_spin.valueChanged.connect(self._store_copy_days)
        self.copy_days_spin.valueChanged.connect(self._name_copy_days)

    def _show(self) -> None:
        configured = str(self._settings.value(FOLDER_KEY, "") or "")
        self.folder_edit.setText(configured or str(self._default))
        self.default_button.setEnabled(bool(configured))
        self.years_spin.blockSignals(True)
        self.years_spin.setValue(retention_years(self._settings))
        self.years_spin.blockSignals(False)
        self._name_years(self.years_spin.value())
        self.copy_days_spin.blockSignals(True)
        self.copy_days_spin.setValue(safety_copy_days(self._settings))
        self.copy_days_spin.blockSignals(False)
        self._name_copy_days(self.copy_days_spin.value())

    def _name_years(self, years: int) -> None:
        """ "1 Jahr", "10 Jahre" beside the number."""
        self.years_spin.setSuffix(tr(_CONTEXT, " Jahr") if years == 1 else tr(_CONTEXT, " Jahre"))

    def _name_copy_days(self, days: int) -> None:
        self.copy_days_spin.setSuffix(tr(_CONTEXT, " Tag") if days == 1 else tr(_CONTEXT, " Tage"))

    def _ask_folder(self) -> None:
        self._dialogs.ask_folder(
            self,
            tr(_CONTEXT, "Ordner für die tägliche Sicherung"),
            str(self._settings.value(FOLDER_KEY, "") or self._default),
            self.choose_folder,
        )

    def choose_folder(self, path: str) -> None:
        """Use ``path`` for the daily backup if this PC can write there."""
        folder = Path(path)
        if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
            self._dialogs.warning(
                self,
                tr(_CONTEXT, "Ordner für die tägliche Sicherung"),
                tr(
                    _CONTEXT,
                    "In den Ordner „{}“ kann nicht geschrieben werden. Wählen Sie einen "
                    "Ordner, in dem Sie Dateien anlegen dürfen.",
                ).format(folder),
            )
            return
        self._store_folder(str(folder))

    def _store_folder(self, value: str) -> None:
        self._settings.setValue(FOLDER_KEY, value)
        self._sync()
        self._show()
        self.changed.emit()

    def _store_years(self, years: int) -> None:
        self._store(RETENTION_KEY, years)

    def _store_copy_days(self, days: int) -> None:
        self._store(SAFETY_COPY_DAYS_KEY, days)

    def _store(self, key: str, value: int) -> None:
        self._settings.setValue(key, value)
        self._sync()
        self.changed.emit()

    def _sync(self) -> None:
        """Write the settings to this PC's file. Where that cannot be (its folder not
        writable), say once that they hold only until the program ends: the next start took
        the backup folder chosen back without a word (found by a tester)."""
        self._settings.sync()
        if self._unsaved_said or self._settings.status() != QSettings.Status.AccessError:
            return
        self._unsaved_said = True
        self._dialogs.warning(
            self,
            tr(_CONTEXT, "Auf diesem PC"),
            tr(
                _CONTEXT,
                "Die Einstellungen dieses PCs können nicht in „{}“ gespeichert werden; sie "
                "gelten nur, bis das Programm beendet wird. Bitte wenden Sie sich an Ihre "
                "IT-Betreuung.",
            ).format(self._settings.fileName()),
        )
