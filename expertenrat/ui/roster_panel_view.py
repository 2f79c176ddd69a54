"""The widgets of the Mitglieder page's side panel and where they sit: the Mitgliederliste
(Fassung, Ordnung, Stand with its other day; preview, print, save as PDF; the letters it
cannot print) above the exchange with Excel (export, import).
:class:`~expertenrat.ui.roster_panel.RosterPanel` adds the behaviour (the view/controller
split of the house style)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.roster import RosterGrouping
from expertenrat.services.member_column_guide import required_columns_text
from expertenrat.ui.date_fields import date_edit
from expertenrat.ui.i18n import tr
from expertenrat.ui.widgets import FocusCombo, wrapping_label

_CONTEXT = "RosterPanel"


class RosterPanelView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.version_combo = FocusCombo()
        self.version_combo.addItem(tr(_CONTEXT, "intern (mit Kontaktdaten)"), False)
        self.version_combo.addItem(tr(_CONTEXT, "öffentlich (nur mit Einwilligung)"), True)
        self.grouping_combo = FocusCombo()
        self.grouping_combo.addItem(
            tr(_CONTEXT, "nach Handlungsfeld"), RosterGrouping.BY_FIELD.value
        )
        self.grouping_combo.addItem(tr(_CONTEXT, "alphabetisch"), RosterGrouping.ALPHABETICAL.value)
        # the members of which day: today, the first day of the council's next appointment
        # period, or any other day typed below (filled by the panel from the periods)
        self.day_combo = FocusCombo()
        self.day_combo.setToolTip(
            tr(
                _CONTEXT,
                "Die Mitglieder dieses Tages: heute, ist in den Einstellungen eine spätere "
                "Berufungsperiode angelegt, ihr erster Tag – etwa für die Einladung zur "
                "konstituierenden Sitzung – oder ein anderer Tag",
            )
        )
        self.day_edit = date_edit()  # the other day; shown while "anderer Tag" is chosen
        self.day_edit.setAccessibleName(tr(_CONTEXT, "Stand: anderer Tag"))
        self.day_edit.setVisible(False)
        self.preview_button = QPushButton(tr(_CONTEXT, "Vorschau …"))
        self.print_button = QPushButton(tr(_CONTEXT, "Drucken …"))
        self.save_pdf_button = QPushButton(tr(_CONTEXT, "Als PDF speichern …"))
        self.export_button = QPushButton(tr(_CONTEXT, "Exportieren …"))
        self.import_button = QPushButton(tr(_CONTEXT, "Importieren …"))
        self.export_button.setToolTip(
            tr(_CONTEXT, "Mitglieder als Excel-Arbeitsmappe (.xlsx) oder CSV-Datei speichern")
        )
        self.import_button.setToolTip(  # the columns before an error names one (by a tester)
            tr(
                _CONTEXT,
                "Mitglieder aus einer Excel-Arbeitsmappe (.xlsx) oder CSV-Datei lesen. {} Alle "
                "Spalten (mit den gespeicherten Mitgliedern) schreibt „Exportieren …“.",
            ).format(required_columns_text())
        )

        roster_box = QGroupBox(tr(_CONTEXT, "Mitgliederliste"))
        form = QFormLayout(roster_box)
        # The choices under their labels: the panel is narrow enough to give way to the
        # members table beside it in a narrow window.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for label, combo in (
            (tr(_CONTEXT, "Fassung"), self.version_combo),
            (tr(_CONTEXT, "Ordnung"), self.grouping_combo),
            (tr(_CONTEXT, "Stand"), self.day_combo),
        ):
            combo.setAccessibleName(label)  # a combo alone says only its entry
            form.addRow(label, combo)
        form.addRow(self.day_edit)
        buttons = QGridLayout()
        buttons.addWidget(self.preview_button, 0, 0)
        buttons.addWidget(self.print_button, 0, 1)
        buttons.addWidget(self.save_pdf_button, 1, 0, 1, 2)
        form.addRow(buttons)
        self.warnings_label = wrapping_label(name="warningLabel")  # names may hold "<"
        self.warnings_label.setVisible(False)
        form.addRow(self.warnings_label)
        exchange_box = QGroupBox(tr(_CONTEXT, "Austausch mit Excel (.xlsx, .csv)"))
        exchange_layout = QGridLayout(exchange_box)
        exchange_layout.addWidget(self.export_button, 0, 0)
        exchange_layout.addWidget(self.import_button, 0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(roster_box)
        layout.addWidget(exchange_box)
