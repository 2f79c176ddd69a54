"""Screen readers: every list, table and tree the keyboard reaches in an area or a meeting
tab has a name, which Orca says when the focus enters it ("Mitglieder, Tabelle" rather
than "Tabelle"); only those in a titled box or beside a label were named before."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QWidget
from shown_windows import active_window

from expertenrat.domain.enums import ObjectionState
from expertenrat.domain.minutes_approval import Choice
from expertenrat.domain.minutes_objections import ObjectionRecord
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.votes import VoteDraft
from expertenrat.ui.close_recommendation_dialog import CloseRecommendationDialog
from expertenrat.ui.conflict_declare_dialog import ConflictDeclareDialog
from expertenrat.ui.error_dialog import ErrorDialog
from expertenrat.ui.minutes_approval_dialogs import ApproveDialog, DiffDialog
from expertenrat.ui.objection_dialogs import DecisionDialog, ObjectionDialog
from expertenrat.ui.recommendation_content_dialogs import (
    EditRecommendationDialog,
    NewRecommendationDialog,
)
from expertenrat.ui.recommendation_dialog import RecommendationDialog
from expertenrat.ui.recommendation_response_dialog import RecommendationResponseDialog
from expertenrat.ui.series_dialog import SeriesDialog
from expertenrat.ui.text_choice_dialog import TextChoiceDialog
from expertenrat.ui.vote_line import VoteLine


@pytest.fixture
def services(demo_services):
    return demo_services


@pytest.fixture
def window(make_window, qtbot):
    return active_window(make_window, qtbot)


def spoken_name(widget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def unnamed_views(window) -> list[str]:
    return [
        f"{type(view).__name__} in {type(view.parent()).__name__}"
        for view in window.findChildren(QAbstractItemView)
        if view.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not isinstance(view, QHeaderView)
        and not isinstance(view.parent().parent(), QComboBox)  # a combo's drop-down
        and not spoken_name(view)
    ]


def test_every_list_and_table_of_the_window_is_named(window) -> None:
    meetings = window.pages.meetings
    window.show_area(meetings)  # its tabs built
    meetings.meeting_list.view.selectRow(0)

    assert unnamed_views(window) == []
    pages = window.pages
    assert [spoken_name(page.view) for page in (pages.members, pages.projects)] == [
        "Mitglieder",
        "Projekte",
    ]
    assert spoken_name(meetings.meeting_list.view) == "Sitzungen"


def test_the_lists_of_the_dialogs_are_named(window, qtbot) -> None:
    recommendations = window.pages.recommendations
    window.show_area(recommendations)
    recommendations.show_reminders()
    window.menus.show_retention()
    meetings = window.pages.meetings
    meetings.new_series()
    dialogs = (
        recommendations.reminders_dialog,
        window.menus.retention_dialog,
        meetings.series_dialog,
    )

    assert [unnamed_views(dialog) for dialog in dialogs] == [[], [], []]
    assert spoken_name(meetings.series_dialog.preview_list) == "Vorschau der Termine"
    for dialog in dialogs:
        dialog.reject()


def test_the_choice_boxes_of_the_dialogs_are_named(qtbot, services, today) -> None:
    """A combo box named only by the label beside it says its entry ("Empfehlung", "– kein
    Handlungsfeld –") and not what it chooses: the register's step dialogs, the minutes'
    new recommendation, the series' Art, the conflict's Mitglied, the approval's and the
    objections' choices and a vote's Art were not named."""
    council_id = services.settings.councils()[0].id
    content = RecommendationContent("Titel", "Text")
    meeting, member, item = (
        Choice(1, "7. Sitzung", today),
        Choice(2, "Anna Berg"),
        Choice(3, "TOP 1"),
    )
    objection = ObjectionRecord(
        1, 1, "Anna Berg", today, "", None, "", "", "Falsch", ObjectionState.OPEN, "", None, ""
    )
    made = {
        "Neue Empfehlung": NewRecommendationDialog(None, [], [], today, print),
        "Bearbeiten": EditRecommendationDialog(
            None, "E-2026-01", "Sitzung", content, [], [], today, print
        ),
        "Stellungnahme": RecommendationResponseDialog(None, "E-2026-01", today, print),
        "Abschließen": CloseRecommendationDialog(None, "E-2026-01", today, print),
        "Beschließen (Protokoll)": RecommendationDialog(None, [], [], print),
        "Sitzungsreihe": SeriesDialog(services.meetings, council_id, today),
        "Befangenheit": ConflictDeclareDialog("TOP 1", [], lambda member, reason: True),
        "Genehmigen": ApproveDialog([meeting], print, today=today),
        "Einwand": ObjectionDialog([member], [item], today, print),
        "Entscheiden": DecisionDialog(objection, False, [meeting], today, print),
        "Abstimmung": VoteLine(VoteDraft()),
    }
    for dialog in made.values():
        qtbot.addWidget(dialog)
        dialog.show()  # a step dialog arranges its form when first shown

    named = {
        title: [box.accessibleName() for box in dialog.findChildren(QComboBox)]
        for title, dialog in made.items()
    }

    assert named == {
        "Neue Empfehlung": ["Art", "Handlungsfeld"],
        "Bearbeiten": ["Art", "Handlungsfeld"],
        "Stellungnahme": ["Ergebnis"],
        "Abschließen": ["Ergebnis"],
        "Beschließen (Protokoll)": ["Art", "Projekt", "Handlungsfeld"],
        "Sitzungsreihe": ["Rhythmus", "Tag", "Der wievielte Wochentag", "Wochentag", "Art"],
        "Befangenheit": ["Mitglied"],
        "Genehmigen": ["Genehmigt in der"],
        "Einwand": ["Mitglied", "Tagesordnungspunkt"],
        "Entscheiden": ["In der Sitzung"],
        "Abstimmung": ["Art der Abstimmung", "Gewählt", "Annahme der Wahl"],  # and a Wahl's
    }


def test_the_text_boxes_of_the_reading_dialogs_are_named(qtbot) -> None:
    """Found by a tester: the two versions of a text to choose from (the minutes' autosave
    meeting another PC's text, a recovered text), the differences between versions and an
    error's details were nameless boxes; the caption above a version was no label of it."""
    parent = QWidget()
    qtbot.addWidget(parent)
    choice = TextChoiceDialog(
        parent,
        "Gleichzeitig geändert",
        "Welcher Text soll gelten?",
        ("Ihr Text", "mein", "Meinen behalten"),
        ("Der Text des anderen PCs", "dein", "Den anderen übernehmen"),
    )
    difference = DiffDialog("Unterschiede zwischen den Fassungen", "- alt\n+ neu", parent)
    error = ErrorDialog("Traceback …", Path("log.txt"), parent)

    assert [spoken_name(view) for view in choice.texts] == [
        "Ihr Text",
        "Der Text des anderen PCs",
    ]
    assert spoken_name(difference.text_view) == "Unterschiede zwischen den Fassungen"
    assert spoken_name(error.details) == "Details"
