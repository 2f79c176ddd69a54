"""Zusammensetzung: members against the limits, action fields, sectors, ending terms."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from expertenrat.domain.composition import Composition
from expertenrat.ui.i18n import tr

_CONTEXT = "CompositionPanel"


class CompositionPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr(_CONTEXT, "Zusammensetzung"), parent)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setObjectName("warningLabel")
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.setWordWrap(True)
        # All well is said in the text's own colour, not in the amber of the warnings.
        self.fine = QLabel(tr(_CONTEXT, "Die Zusammensetzung entspricht den Vorgaben."))
        self.fine.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.warnings)
        layout.addWidget(self.fine)
        self.shown_warnings: tuple[str, ...] = ()

    def show_composition(self, composition: Composition) -> None:
        if composition.active == 1:
            active = tr(_CONTEXT, "<b>1 aktives Mitglied</b>")
        else:
            active = tr(_CONTEXT, "<b>{} aktive Mitglieder</b>").format(composition.active)
        if composition.min_members == composition.max_members:  # a council of a fixed size
            planned = tr(_CONTEXT, "(vorgesehen: {})").format(composition.min_members)
        else:
            planned = tr(_CONTEXT, "(vorgesehen: {} bis {})").format(
                composition.min_members, composition.max_members
            )
        lines = [f"{active} {planned}"]
        if composition.future == 1:
            lines.append(tr(_CONTEXT, "1 künftiges Mitglied (Amtszeit beginnt später)"))
        elif composition.future:
            lines.append(
                tr(_CONTEXT, "{} künftige Mitglieder (Amtszeit beginnt später)").format(
                    composition.future
                )
            )
        for item in composition.coverage:
            lines.append(
                tr(_CONTEXT, '<span style="color:{}">■</span> {}: {} primär, {} weitere').format(
                    item.field.colour, escape(item.field.name), item.primary, item.further
                )
            )
        sectors = " · ".join(f"{escape(s.label)} {n}" for s, n in composition.sectors)
        lines.append(tr(_CONTEXT, "Sektoren: {}").format(sectors or "–"))
        self.summary.setText("<br>".join(lines))
        self.shown_warnings = composition.warnings
        items = "".join(f"<li>{escape(w)}</li>" for w in composition.warnings)
        self.warnings.setText(f"<b>{tr(_CONTEXT, 'Hinweise')}</b><ul>{items}</ul>")
        self.warnings.setVisible(bool(composition.warnings))
        self.fine.setVisible(not composition.warnings)
