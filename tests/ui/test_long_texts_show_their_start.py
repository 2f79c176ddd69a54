"""A text longer than its field shows its beginning when a form is filled: "Fraunhofer-
Institut für …", not "…titut für Graphische Datenverarbeitung" (the cursor at the start)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.members import Member
from expertenrat.domain.projects import Project
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.ui.meeting_form import MeetingForm
from expertenrat.ui.member_dialog import MemberDialog
from expertenrat.ui.project_form import ProjectForm
from expertenrat.ui.recommendation_content_dialogs import EditRecommendationDialog
from expertenrat.ui.text_fields import show_text
from tests.ui.settling import exposed

LONG = "Fraunhofer-Institut für Graphische Datenverarbeitung, Abteilung Urbane Datenräume"


@pytest.fixture
def council(services):
    return services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))


def _filled(edits: dict[str, QLineEdit]) -> dict[str, int]:
    """The cursor position of each edit that holds text (0: its start is shown)."""
    return {name: edit.cursorPosition() for name, edit in edits.items() if edit.text()}


def test_show_text_puts_the_cursor_at_the_start(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)

    show_text(edit, LONG)

    assert edit.text() == LONG and edit.cursorPosition() == 0


def test_the_member_dialog_shows_the_start_of_every_field(qtbot, services, council, today):
    fields = services.settings.action_fields(council.id)
    member = services.members.save(
        council.id,
        Member(
            id=None,
            form_of_address="Frau",
            title="Prof. Dr.-Ing. habil.",
            given_name="Zoë Marie-Luise",
            family_name="Hartmann-Okafor",
            affiliation=LONG,
            position="Gruppenleiterin Urban Analytics und Stadtdatenplattformen",
            email="zoe.hartmann-okafor@igd-rostock.fraunhofer.example.org",
            phone="+49 381 224902 (Sekretariat, montags bis donnerstags)",
            primary_field_id=fields[0].id,
            term_start=date(2025, 1, 1),
        ),
        today,
    )
    dialog = MemberDialog(services.members, council.id, fields, today, member)
    qtbot.addWidget(dialog)
    dialog.open()
    exposed(dialog)

    edits = dialog.form.line_edits()
    # Vorname has the focus, its text selected whole to be typed over, its start shown.
    given = edits["given_name"]
    qtbot.waitUntil(given.hasFocus)
    assert given.selectedText() == given.text()
    shown = _filled(edits)

    assert len(shown) == 8
    assert shown == dict.fromkeys(shown, 0)

    affiliation = edits["affiliation"]  # reached by Tab: selected whole, its start shown
    affiliation.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(affiliation.hasFocus)
    assert affiliation.selectedText() == LONG and affiliation.cursorPosition() == 0


def test_the_project_form_shows_the_start_of_every_field(qtbot, services, council):
    form = ProjectForm(services.settings.action_fields(council.id))
    qtbot.addWidget(form)
    form.show()

    form.set_project(
        Project(
            id=None,
            title="Intelligente Parkraumsteuerung Warnemünde mit Sensorik und App",
            short_code="IPW-2026-SENSORIK",
            lead_unit=LONG,
            contact_name="Dr. Merle Steffens-Wiegand, Amt für Mobilität",
            contact_email="merle.steffens-wiegand@rostock.example.org",
        )
    )

    shown = _filled(form.line_edits())
    assert len(shown) == 5
    assert shown == dict.fromkeys(shown, 0)


def test_the_meeting_form_shows_the_start_of_every_field(qtbot, services, council, today, dialogs):
    start = datetime.combine(today + timedelta(days=20), time(16))
    meeting_id = services.meetings.create(
        council.id,
        MeetingDraft(
            MeetingKind.REGULAR,
            start,
            start + timedelta(hours=2),
            title="Sitzung zur Fortschreibung der Smart-City-Strategie und der Projekte",
            place=LONG,
            room="Großer Sitzungssaal im zweiten Obergeschoss, Eingang Neuer Markt",
            online_link="https://konferenz.rostock.example.org/b/expertenrat-sitzung-2026",
        ),
    )
    form = MeetingForm(services.meetings, services.members, lambda: today, dialogs=dialogs)
    qtbot.addWidget(form)
    form.show()

    form.set_meeting(services.meetings.get(meeting_id), council_id=council.id)

    edits = {
        "title": form.title_edit,
        "place": form.place_edit,
        "room": form.room_edit,
        "link": form.link_edit,
    }
    assert _filled(edits) == dict.fromkeys(edits, 0)


def test_the_recommendation_dialog_shows_the_start_of_the_title(qtbot, today):
    content = RecommendationContent(
        title="Offene Schnittstellen für alle Sensordaten der Klimasensoren an Schulen",
        text="Text",
    )
    dialog = EditRecommendationDialog(
        None, "E-2026-01", "Sitzung", content, [], [], today, lambda change: None
    )
    qtbot.addWidget(dialog)
    dialog.open()

    assert dialog.title_edit.text() == content.title
    assert dialog.title_edit.cursorPosition() == 0
