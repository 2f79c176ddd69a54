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
        future = future_counts(composition.future, composition.further_terms)
        if future:
            later = composition.future + composition.further_terms
            begins = (
                tr(_CONTEXT, "(Amtszeit beginnt später)")
                if later == 1
                else tr(_CONTEXT, "(Amtszeiten beginnen später)")
            )
            lines.append(f"{', '.join(future)} {begins}")
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


def future_counts(joining: int, further_terms: int) -> list[str]:
    """ "4 künftige Mitglieder", "6 weitere Amtszeiten": the persons who join apart from the
    further terms of members who stay (found by a tester: "10 künftige Mitglieder" beside 9
    active, where 4 joined); nothing for none."""
    counts = []
    if joining == 1:
        counts.append(tr(_CONTEXT, "1 künftiges Mitglied"))
    elif joining:
        counts.append(tr(_CONTEXT, "{} künftige Mitglieder").format(joining))
    if further_terms == 1:
        counts.append(tr(_CONTEXT, "1 weitere Amtszeit"))
    elif further_terms:
        counts.append(tr(_CONTEXT, "{} weitere Amtszeiten").format(further_terms))
    return counts
