"""The invitation of a planned meeting, saved as PDF (to be printed and posted), says what
comes next, as its mail draft does (found by a tester: a colleague who posts the letters
saved them, never pressed "Einladung versandt", and the Übersicht went on asking for the
invitation while the minutes could not tell whether the Ladungsfrist was kept)."""

from __future__ import annotations

from held_meeting import council_of_three
from meeting_rows import add_meeting

from expertenrat.domain.enums import MeetingState
from expertenrat.ui.meeting_document_actions import MeetingDocumentActions

NEXT_STEP = "Erfassen Sie danach den Versand mit „Einladung versandt“ (Ladungsfrist)."


def test_a_saved_invitation_of_a_planned_meeting_says_to_record_the_sending(
    qtbot, services, dialogs, today, tmp_path, finish_job
) -> None:
    council_id = council_of_three(services, today)
    meeting = services.meetings.get(add_meeting(services.database, council_id).meeting_id)
    actions = MeetingDocumentActions(services, dialogs, lambda: today)
    qtbot.addWidget(actions)
    actions.set_council(council_id)
    actions.set_meeting(meeting)
    dialogs.paths = [str(tmp_path / "Einladung.pdf"), str(tmp_path / "Einladungen.pdf")]

    for document in (actions.documents.invitation(), actions.documents.letters()):
        actions.ask_save(document)
        finish_job(actions)

    assert [text for _kind, _title, text in dialogs.messages] == [
        f"„Einladung.pdf“ wurde gespeichert. {NEXT_STEP}",
        f"„Einladungen.pdf“ wurde gespeichert. {NEXT_STEP}",
    ]


def test_once_invited_or_for_another_document_nothing_more_is_said(
    qtbot, services, dialogs, today, tmp_path, finish_job
) -> None:
    council_id = council_of_three(services, today)
    meeting = services.meetings.get(add_meeting(services.database, council_id).meeting_id)
    actions = MeetingDocumentActions(services, dialogs, lambda: today)
    qtbot.addWidget(actions)
    actions.set_council(council_id)
    actions.set_meeting(meeting)
    assert actions.documents.run_sheet().next_step == ""

    invited = services.meetings.change_state(meeting.id, meeting.version, MeetingState.INVITED)
    actions.set_meeting(invited)
    dialogs.paths = [str(tmp_path / "Einladung.pdf")]
    actions.ask_save(actions.documents.invitation())
    finish_job(actions)

    assert dialogs.messages[-1][2] == "„Einladung.pdf“ wurde gespeichert."
