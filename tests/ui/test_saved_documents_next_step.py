"""The invitation of a planned meeting, saved as PDF (to be printed and posted), says what
comes next, as its mail draft does (found by a tester: a colleague who posts the letters
saved them, never pressed "Einladung versandt", and the Übersicht went on asking for the
invitation while the minutes could not tell whether the Ladungsfrist was kept); so do
minutes never sent, saved to be mailed."""

from __future__ import annotations

import os
from datetime import date

from held_meeting import council_of_three
from meeting_rows import add_meeting
from minutes_setup import held_minutes

from expertenrat.domain.enums import MeetingState
from expertenrat.domain.meetings import Meeting
from expertenrat.ui.meeting_document_actions import MeetingDocumentActions

NEXT_STEP = "Erfassen Sie danach den Versand mit „Einladung versandt“ (Ladungsfrist)."


def _actions_on_a_new_meeting(
    qtbot, services, dialogs, today
) -> tuple[MeetingDocumentActions, Meeting]:
    """The document actions on a planned meeting of a new council of three members."""
    council_id = council_of_three(services, today)
    meeting = services.meetings.get(add_meeting(services.database, council_id).meeting_id)
    actions = MeetingDocumentActions(services, dialogs, lambda: today)
    qtbot.addWidget(actions)
    actions.set_council(council_id)
    actions.set_meeting(meeting)
    return actions, meeting


def test_a_saved_invitation_of_a_planned_meeting_says_to_record_the_sending(
    qtbot, services, dialogs, today, tmp_path, finish_job, usual_umask
) -> None:
    actions, _meeting = _actions_on_a_new_meeting(qtbot, services, dialogs, today)
    dialogs.paths = [str(tmp_path / "Einladung.pdf"), str(tmp_path / "Einladungen.pdf")]

    for document in (actions.documents.invitation(), actions.documents.letters()):
        actions.ask_save(document)
        finish_job(actions)

    assert [text for _kind, _title, text in dialogs.messages] == [
        f"„Einladung.pdf“ wurde gespeichert. {NEXT_STEP}",
        f"„Einladungen.pdf“ wurde gespeichert. {NEXT_STEP}",
    ]
    # (found by a tester) the letters hold every member's postal address, as the internal
    # roster does: the user's alone; the one invitation "An die Mitglieder" keeps the usual
    if os.name == "posix":
        modes = [
            (tmp_path / n).stat().st_mode & 0o077 for n in ("Einladung.pdf", "Einladungen.pdf")
        ]
        assert modes == [0o044, 0]


def test_once_invited_or_for_another_document_nothing_more_is_said(
    qtbot, services, dialogs, today, tmp_path, finish_job
) -> None:
    actions, meeting = _actions_on_a_new_meeting(qtbot, services, dialogs, today)
    assert actions.documents.run_sheet().next_step() == ""

    invited = services.meetings.change_state(meeting.id, meeting.version, MeetingState.INVITED)
    actions.set_meeting(invited)
    dialogs.paths = [str(tmp_path / "Einladung.pdf")]
    actions.ask_save(actions.documents.invitation())
    finish_job(actions)

    assert dialogs.messages[-1][2] == "„Einladung.pdf“ wurde gespeichert."


def test_saved_minutes_never_sent_say_where_the_sending_is_recorded(
    qtbot, services, dialogs, tmp_path, finish_job
) -> None:
    council_id = council_of_three(services)
    field = services.settings.action_fields(council_id)[0].id
    minutes = held_minutes(services.database, council_id, field)
    actions = MeetingDocumentActions(services, dialogs, lambda: date(2026, 3, 12))
    qtbot.addWidget(actions)
    actions.set_council(council_id)
    actions.set_meeting(services.meetings.get(minutes.meeting_id))
    dialogs.paths = [str(tmp_path / f"{name}.pdf") for name in ("P1", "Öffentlich", "P2")]

    actions.ask_save(actions.documents.minutes(public=False))
    finish_job(actions)
    actions.ask_save(actions.documents.minutes(public=True))  # published, not circulated
    finish_job(actions)
    services.minutes_approval.circulate(minutes.meeting_id, date(2026, 3, 12))
    actions.ask_save(actions.documents.minutes(public=False))
    finish_job(actions)

    assert [text for _kind, _title, text in dialogs.messages if _kind == "saved"] == [
        "„P1.pdf“ wurde gespeichert. Erfassen Sie den Versand danach im Reiter „Genehmigung“ "
        "mit „Protokoll versenden …“ (Frist für Einwände).",
        "„Öffentlich.pdf“ wurde gespeichert.",
        "„P2.pdf“ wurde gespeichert.",
    ]
