"""(found by a tester) A meeting that puts the approval of earlier minutes off ("vertagt",
"abgesetzt") puts it on the next planned agenda, as circulating the minutes does: the
secretariat no longer has to remember that the 1st meeting's minutes still wait."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from meeting_rows import BERLIN, add_meeting
from minutes_setup import held_minutes, hold
from sqlalchemy import select

from expertenrat.domain.enums import AgendaItemOutcome, MeetingKind, MeetingState
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.services.agenda import AgendaService
from expertenrat.services.approval_meetings import approval_item_id
from expertenrat.services.approval_titles import GENERIC_APPROVAL_TITLE
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes import MinutesService
from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.services.minutes_pdfs import render_minutes
from expertenrat.store import models

NAMED = "Genehmigung des Protokolls der 1. Sitzung"
SECOND = "Genehmigung des Protokolls der 2. Sitzung"
POSTPONED, WITHDRAWN, DISCUSSED = (
    AgendaItemOutcome.POSTPONED,
    AgendaItemOutcome.WITHDRAWN,
    AgendaItemOutcome.DISCUSSED,
)


def _titles(database, meeting_id: int) -> list[str]:
    """The titles in their order (the agendas here have top-level items only)."""
    items = AgendaService(database, "t").agenda(meeting_id).items
    return [i.title for i in sorted(items, key=lambda i: i.position)]


def _approval_item(database, meeting_id: int) -> int:
    with database.reading() as session:
        return approval_item_id(session, meeting_id)


@pytest.fixture
def minutes(database, council, fields):
    return held_minutes(database, council.id, fields["Stadtdaten"].id)


def test_the_approval_put_off_goes_on_the_next_planned_agenda_once(
    database, council, actor, minutes
) -> None:
    MinutesApprovalService(database, actor, render_minutes).circulate(
        minutes.meeting_id, date(2026, 3, 20)
    )
    second = minutes.next_id  # its generic item was renamed "… der 1. Sitzung"
    hold(database, second, datetime(2026, 5, 12, 16, 0))
    third = add_meeting(database, council.id, starts_at=datetime(2026, 7, 7, 16), titles=())
    AgendaService(database, "tester").add_opening_items(third.meeting_id)
    service = MinutesService(database, actor)
    item = _approval_item(database, second)

    note = service.set_outcome(item, POSTPONED, DISCUSSED)

    # The older minutes come first; the standard item, which approves the 2nd meeting's
    # minutes, is named for them: "letzten" beside "1." was ambiguous (found by a tester).
    assert _titles(database, third.meeting_id)[3:5] == [NAMED, SECOND]
    assert note == (
        f"„{NAMED}“ wurde als TOP 4 in die Tagesordnung der 3. Sitzung aufgenommen. "
        f"TOP 5 heißt jetzt „{SECOND}“."
    )
    with database.reading() as session:
        summaries = list(
            session.scalars(
                select(models.AuditEntry.summary).where(models.AuditEntry.entity == "agenda_item")
            )
        )
        assert any(s.startswith(f"TOP 4 „{NAMED}“ der 3. Sitzung hinzugefügt") for s in summaries)
        assert any(s.startswith(f"TOP 5 „{SECOND}“ der 3. Sitzung umbenannt") for s in summaries)

    assert service.set_outcome(item, WITHDRAWN, POSTPONED) == ""  # put off before: nothing new
    taken_back = service.set_outcome(item, DISCUSSED, WITHDRAWN)  # removes nothing
    assert taken_back == (
        f"TOP 4 „{NAMED}“ bleibt auf der Tagesordnung der 3. Sitzung, solange das Protokoll "
        "nicht genehmigt ist."
    )
    assert _titles(database, third.meeting_id).count(NAMED) == 1
    again = service.set_outcome(item, POSTPONED, DISCUSSED)
    assert again == "Die Genehmigung steht bereits als TOP 4 auf der Tagesordnung der 3. Sitzung."
    assert _titles(database, third.meeting_id).count(NAMED) == 1


def test_a_standard_approval_item_someone_worked_on_keeps_its_title(
    database, council, actor, minutes
) -> None:
    """The standard item has a presenter: the program does not rename it (as approving
    later minutes removes only an item nobody worked on); the older minutes still come
    first."""
    second = minutes.next_id
    hold(database, second, datetime(2026, 5, 12, 16, 0))
    third = add_meeting(database, council.id, starts_at=datetime(2026, 7, 7, 16), titles=())
    AgendaService(database, "tester").add_opening_items(third.meeting_id)
    with database.transaction() as session:
        standard = session.scalars(
            select(models.AgendaItem).where(
                models.AgendaItem.meeting_id == third.meeting_id,
                models.AgendaItem.title == GENERIC_APPROVAL_TITLE,
            )
        ).one()
        standard.presenter = "Vorsitz"

    note = MinutesService(database, actor).set_outcome(
        _approval_item(database, second), POSTPONED, DISCUSSED
    )

    assert _titles(database, third.meeting_id)[3:5] == [NAMED, GENERIC_APPROVAL_TITLE]
    assert note == f"„{NAMED}“ wurde als TOP 4 in die Tagesordnung der 3. Sitzung aufgenommen."


def test_an_invited_meeting_s_note_asks_to_send_the_invitation_again(
    database, council, actor, minutes
) -> None:
    """The invitation out already lists neither the approval nor the moved numbers: the
    note said only that the item was added (found by a tester)."""
    second = minutes.next_id
    hold(database, second, datetime(2026, 5, 12, 16, 0))
    third = add_meeting(database, council.id, starts_at=datetime(2026, 7, 7, 16), titles=())
    AgendaService(database, "tester").add_opening_items(third.meeting_id)
    with database.transaction() as session:
        session.get(models.Meeting, third.meeting_id).state = MeetingState.INVITED.value

    note = MinutesService(database, actor).set_outcome(
        _approval_item(database, second), POSTPONED, DISCUSSED
    )

    assert note.startswith(f"„{NAMED}“ wurde als TOP 4 in die Tagesordnung der 3. Sitzung")
    assert note.endswith(
        " Zur 3. Sitzung wurde bereits eingeladen: bitte Einladung und Kalenderdatei erneut senden."
    )


def test_minutes_approved_are_not_carried_on(database, council, actor, minutes) -> None:
    approval = MinutesApprovalService(database, actor, render_minutes)
    approval.circulate(minutes.meeting_id, date(2026, 3, 20))
    second = minutes.next_id
    hold(database, second, datetime(2026, 5, 12, 16, 0))
    approval.approve(minutes.meeting_id, second, today=date(2026, 5, 20))
    third = add_meeting(database, council.id, starts_at=datetime(2026, 7, 7, 16), titles=())
    AgendaService(database, "tester").add_opening_items(third.meeting_id)

    note = MinutesService(database, actor).set_outcome(
        _approval_item(database, second), POSTPONED, DISCUSSED
    )

    assert note == ""
    assert NAMED not in _titles(database, third.meeting_id)


def test_a_meeting_created_after_the_approval_was_put_off_names_it(
    database, council, actor, minutes
) -> None:
    """The 1st meeting's minutes were never sent (the reason to put their approval off):
    the meeting created afterwards still names them."""
    second = minutes.next_id  # "… der letzten Sitzung": the 1st meeting's minutes
    hold(database, second, datetime(2026, 5, 12, 16, 0))

    note = MinutesService(database, actor).set_outcome(
        _approval_item(database, second), WITHDRAWN, DISCUSSED
    )

    assert note == (
        "Es ist noch keine weitere Sitzung geplant; die Genehmigung des Protokolls der 1. "
        "Sitzung kommt in die Tagesordnung der nächsten Sitzung, sobald sie angelegt ist."
    )
    start = datetime(2026, 7, 7, 16, tzinfo=BERLIN)
    created = MeetingsService(database, actor).create(
        council.id,
        MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus"),
    )
    assert _titles(database, created)[3:5] == [NAMED, SECOND]


def test_a_meeting_that_dealt_with_the_approval_since_has_the_last_word(
    database, council, actor, minutes
) -> None:
    """The 2nd meeting put the approval of the 1st's minutes (kept outside the program)
    off, the 3rd dealt with it: the meeting created next does not name them again."""
    second = minutes.next_id
    hold(database, second, datetime(2026, 5, 12, 16, 0))
    third = add_meeting(database, council.id, starts_at=datetime(2026, 7, 7, 16), titles=())
    AgendaService(database, "tester").add_opening_items(third.meeting_id)
    MinutesService(database, actor).set_outcome(
        _approval_item(database, second), POSTPONED, DISCUSSED
    )
    assert NAMED in _titles(database, third.meeting_id)
    hold(database, third.meeting_id, datetime(2026, 7, 7, 16, 0))

    start = datetime(2026, 9, 8, 16, tzinfo=BERLIN)
    created = MeetingsService(database, actor).create(
        council.id,
        MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus"),
    )
    assert NAMED not in _titles(database, created)
