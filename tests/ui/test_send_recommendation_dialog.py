"""Versenden: the dialog names addressed projects marked as finished (built without a
database: the row as the register hands it out)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from expertenrat.domain.enums import RecommendationKind, RecommendationStatus
from expertenrat.domain.recommendation_links import AddressedProject, Origin
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.ui.send_recommendation_dialog import SendRecommendationDialog


def dialog_for(qtbot, *projects: AddressedProject) -> SendRecommendationDialog:
    row = RecommendationRow(
        id=1, code="E-2025-07", kind=RecommendationKind.RECOMMENDATION, title="Barrierefreiheit",
        action_field_id=None, action_field="", projects=projects, origin=Origin(),
        adopted_on=date(2025, 7, 17), sent_on=None, due_on=None,
        status=RecommendationStatus.ADOPTED, days_overdue=0, version=1,
    )  # fmt: skip
    dialog = SendRecommendationDialog(
        None, row, 2, date(2026, 12, 4), lambda _sending: None, bundesland="MV"
    )
    qtbot.addWidget(dialog)
    return dialog


def test_sending_to_a_finished_project_says_it_is_not_reminded_unless_chosen(qtbot):
    """(found by a tester) An adopted recommendation to a project marked abgeschlossen was
    sent without a word; "Erinnerungen …" then left the project out."""
    ended = AddressedProject(7, "Digitale Beteiligungsplattform", ended=True)
    running = AddressedProject(2, "Open-Data-Portal 2.0")

    dialog = dialog_for(qtbot, ended, running)

    assert dialog.ended_label.text() == (
        "Das Projekt „Digitale Beteiligungsplattform“ ist abgeschlossen: Erinnerungen gehen "
        "an ein abgeschlossenes Projekt nur, wenn Sie es unter „Erinnerungen …“ auswählen."
    )
    assert dialog.form.indexOf(dialog.ended_label) >= 0


def test_a_finished_projects_title_is_shown_as_typed(qtbot):
    dialog = dialog_for(qtbot, AddressedProject(3, "<b>Daten</b> & Co", ended=True))

    assert dialog.ended_label.textFormat() is Qt.TextFormat.PlainText
    assert dialog.ended_label.text().startswith("Das Projekt „<b>Daten</b> & Co“ ist")


def test_sending_to_running_projects_adds_no_line(qtbot):
    dialog = dialog_for(qtbot, AddressedProject(2, "Open-Data-Portal 2.0"))

    assert dialog.ended_label.text() == ""
    assert dialog.form.indexOf(dialog.ended_label) == -1


def test_the_e_mail_draft_is_offered_where_a_project_has_a_contact_e_mail(qtbot):
    """(found by a tester) Sending offered no covering e-mail; a project without a contact
    e-mail is named, as it gets no draft."""
    mailed = AddressedProject(2, "Open-Data-Portal 2.0", contact_email="odp@example.org")
    silent = AddressedProject(3, "Stadtlabor", contact_email="kein Eintrag")

    dialog = dialog_for(qtbot, mailed, silent)

    assert dialog.draft_check.isChecked() and dialog.draft_check.isEnabled()
    assert dialog.value().draft
    assert "je Projekt ein E-Mail-Entwurf (.eml)" in dialog.draft_check.toolTip()
    assert dialog.draft_label.text() == (
        "Ohne E-Mail-Entwurf: „Stadtlabor“ (keine Kontakt-E-Mail eingetragen, unter Projekte)."
    )
    dialog.draft_check.setChecked(False)
    assert not dialog.value().draft

    alone = dialog_for(qtbot, silent)

    assert not alone.draft_check.isChecked() and not alone.draft_check.isEnabled()
    assert not alone.value().draft
    assert alone.draft_label.text().startswith("Kein E-Mail-Entwurf: Für „Stadtlabor“ ist")
