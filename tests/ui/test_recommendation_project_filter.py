"""The register's content dialog after years: a hundred projects and more to address, found
by a word of their title (found by a tester: 150 projects in a list without a filter)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QFormLayout, QLabel

from expertenrat.ui.recommendation_content_dialogs import FILTER_FROM, NewRecommendationDialog

FIELDS = [(1, "Stadtdaten")]
MANY = [(n, f"Projekt {n:03d}") for n in range(1, 149)] + [
    (149, "Klimasensoren Südstadt"),
    (150, "Sensoren für Klima und Lärm"),
]


def dialog_with(qtbot, projects) -> NewRecommendationDialog:
    dialog = NewRecommendationDialog(None, projects, FIELDS, date(2026, 12, 2), lambda _d: None)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def shown_titles(dialog: NewRecommendationDialog) -> list[str]:
    items = (dialog.project_list.item(row) for row in range(dialog.project_list.count()))
    return [item.text() for item in items if not item.isHidden()]


def test_the_words_typed_filter_the_projects_and_the_checked_ones_stay(qtbot):
    dialog = dialog_with(qtbot, MANY)
    dialog.check_project(7)
    assert dialog.project_filter.isVisible()

    dialog.project_filter.setText("sudstadt KLIMA")  # accents and case aside, any order

    assert shown_titles(dialog) == ["Projekt 007", "Klimasensoren Südstadt"]
    dialog.project_filter.setText("„Klima“ sensoren")
    assert shown_titles(dialog) == [
        "Projekt 007",
        "Klimasensoren Südstadt",
        "Sensoren für Klima und Lärm",
    ]
    dialog.project_list.item(149).setCheckState(Qt.CheckState.Checked)
    dialog.project_filter.clear()
    assert len(shown_titles(dialog)) == len(MANY)
    assert dialog.content().project_ids == (7, 150)


def test_a_short_list_has_no_filter(qtbot):
    dialog = dialog_with(qtbot, MANY[:FILTER_FROM])

    assert not dialog.project_filter.isVisible()
    assert len(shown_titles(dialog)) == FILTER_FROM


def test_the_list_of_projects_keeps_its_label_beside_the_filter(qtbot):
    """(found by review) With the filter above it in a box of their own, the label
    "Projekt(e)" was tied to the box: a screen reader named the list nothing, and a click
    on the label did not reach it."""
    dialog = dialog_with(qtbot, MANY)
    labels = (dialog.form.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(9))
    (label,) = [
        item.widget()
        for item in labels
        if item is not None and isinstance(item.widget(), QLabel)
        if item.widget().text() == "Projekt(e)"
    ]

    assert label.buddy() is dialog.project_list
    spoken = QAccessible.queryAccessibleInterface(dialog.project_list).text(QAccessible.Text.Name)
    assert spoken == "Projekt(e)"
    assert dialog.project_filter.accessibleName() == "Projekte filtern"
