"""Urgent items (Dringlichkeitsanträge) on SQLite and PostgreSQL: a held meeting's agenda is
extended by one while its minutes are an open draft, not once the draft is finished,
circulated or approved; the invitation's agenda and the calendar stay as invited."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from minutes_rows import approve as approve_stored
from minutes_setup import Minutes, held_minutes
from sqlalchemy import select

from expertenrat.domain.agenda import AgendaItem, numbers
from expertenrat.domain.enums import AgendaItemKind, MinutesState
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.wording import isolated
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.meeting_documents import MeetingDocumentsService
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes import MinutesService
from expertenrat.services.minutes_freeze import MinutesFrozenError
from expertenrat.store import models

HOSTILE = "Radwege & <Ampeln> \"zitiert\" 'x' 🚲 مشروع Jörg"


@pytest.fixture
def minutes(database, council, fields) -> Minutes:
    return held_minutes(database, council.id, fields["Stadtdaten"].id)


def urgent(title: str = HOSTILE, **fields) -> AgendaItem:
    return AgendaItem(0, title, kind=AgendaItemKind.CONSULTATION, **fields)


def sequence(database, meeting_id: int) -> int:
    with database.reading() as session:
        return session.get(models.Meeting, meeting_id).ics_sequence


def test_an_open_draft_takes_an_urgent_item_last_with_an_audit_line(
    agenda, database, minutes
) -> None:
    calendar = sequence(database, minutes.meeting_id)
    before = agenda.agenda(minutes.meeting_id)
    assert before.urgent_refusal is None

    extended = agenda.add_urgent(minutes.meeting_id, urgent(public=False))

    added = next(i for i in extended.items if i.key not in {b.key for b in before.items})
    assert added.urgent and added.title == HOSTILE and not added.public
    assert numbers(extended.items)[added.key] == str(len(before.items) + 1)
    assert not any(i.urgent for i in before.items)
    entry = AuditService(database).entries("agenda_item")[-1]
    assert entry.summary == (
        f"TOP {len(before.items) + 1} „{isolated(HOSTILE)}“ der 1. Sitzung als "
        "Dringlichkeitsantrag hinzugefügt"
    )
    # The calendar entry and the invitation list the agenda invited to: nothing changed.
    assert sequence(database, minutes.meeting_id) == calendar


def test_an_urgent_item_without_a_title_is_refused(agenda, minutes) -> None:
    with pytest.raises(ValidationError, match="Bitte geben Sie einen Titel"):
        agenda.add_urgent(minutes.meeting_id, urgent("  "))


def test_before_the_meeting_is_held_an_item_is_added_as_usual(agenda, database, minutes):
    with pytest.raises(ValidationError, match="mit „Neuer Punkt“"):
        agenda.add_urgent(minutes.next_id, urgent())
    assert "„Neuer Punkt“" in agenda.agenda(minutes.next_id).urgent_refusal


def test_an_urgent_item_may_be_changed_and_deleted_while_the_draft_is_open(
    agenda, database, minutes
) -> None:
    extended = agenda.add_urgent(minutes.meeting_id, urgent("Eilantrag"))
    item = next(i for i in extended.items if i.urgent)

    changed = agenda.update(replace(item, public=False, presenter="Dr. Anna Berg"))
    item = next(i for i in changed.items if i.urgent)
    assert (item.public, item.presenter) == (False, "Dr. Anna Berg")
    other = next(i for i in changed.items if not i.urgent)
    with pytest.raises(ValidationError, match="Nur Titel"):  # the others keep their content
        agenda.update(replace(other, public=not other.public))

    left = agenda.delete(item.key, item.version)
    assert not any(i.urgent for i in left.items)


def test_a_finished_draft_takes_no_urgent_item_until_it_is_reopened(
    agenda, database, actor, minutes
) -> None:
    extended = agenda.add_urgent(minutes.meeting_id, urgent("Eilantrag"))
    item = next(i for i in extended.items if i.urgent)
    with database.transaction() as session:  # its vote on taking it up, as the check asks
        session.add(
            models.Vote(agenda_item_id=item.key, subject="Aufnahme", yes=2, no=0, abstain=0)
        )
        session.get(models.AgendaItem, item.key).discussion = "Aufgenommen."
    service = MinutesService(database, actor)
    service.finish_draft(minutes.meeting_id)
    item = next(i for i in agenda.agenda(minutes.meeting_id).items if i.urgent)

    for change in (
        lambda: agenda.add_urgent(minutes.meeting_id, urgent()),
        lambda: agenda.update(replace(item, public=False)),
        lambda: agenda.delete(item.key, item.version),
    ):
        with pytest.raises(ValidationError, match=r"Protokollentwurf der 1\. Sitzung ist abge"):
            change()
    assert "„Abschluss aufheben“" in agenda.agenda(minutes.meeting_id).urgent_refusal

    service.reopen_draft(minutes.meeting_id)
    assert agenda.add_urgent(minutes.meeting_id, urgent()).urgent_refusal is None


def test_circulated_minutes_take_no_urgent_item(agenda, database, minutes) -> None:
    with database.transaction() as session:
        session.add(
            models.MinutesVersion(
                meeting_id=minutes.meeting_id, number=1, state=MinutesState.CIRCULATED.value
            )
        )

    with pytest.raises(ValidationError, match=r"Protokoll der 1\. Sitzung ist bereits versandt"):
        agenda.add_urgent(minutes.meeting_id, urgent())


def test_approved_minutes_refuse_an_urgent_item_and_any_change_of_one(
    agenda, database, minutes
) -> None:
    extended = agenda.add_urgent(minutes.meeting_id, urgent("Eilantrag"))
    item = next(i for i in extended.items if i.urgent)
    approve_stored(database, minutes.meeting_id)

    for change in (
        lambda: agenda.add_urgent(minutes.meeting_id, urgent()),
        lambda: agenda.update(replace(item, title="Eilantrag Radwege")),
        lambda: agenda.delete(item.key, item.version),
    ):
        with pytest.raises(MinutesFrozenError, match="genehmigt"):
            change()
    with database.reading() as session:
        stored = session.scalars(
            select(models.AgendaItem.title).where(models.AgendaItem.urgent.is_(True))
        ).all()
    assert stored == ["Eilantrag"]


def test_the_invitation_lists_the_agenda_invited_to(agenda, database, actor, minutes) -> None:
    with database.transaction() as session:  # as after a change of the agenda it was sent with
        session.get(models.Meeting, minutes.meeting_id).invitation_agenda_changed_on = date(
            2026, 3, 5
        )
    agenda.add_urgent(minutes.meeting_id, urgent())
    documents = MeetingDocumentsService(database, actor, MeetingsService(database, actor))
    document = documents.document(minutes.meeting_id)

    assert HOSTILE not in [entry.title for entry in document.agenda]
    assert not any(entry.new for entry in document.agenda)


def test_an_urgent_item_taken_up_before_verschiedenes_renumbers_what_follows(
    agenda, database, actor, minutes
) -> None:
    """Councils take an urgent item before "Verschiedenes": the items after it are
    renumbered, the trail names its number, and the calendar entry and the invitation keep
    the agenda invited to (Verschiedenes TOP 4 there, not a SEQUENCE raised for TOP 5)."""
    calendar = sequence(database, minutes.meeting_id)
    closing = minutes.item_ids[3]  # "Verschiedenes"

    extended = agenda.add_urgent(minutes.meeting_id, urgent("Eilantrag"), before=closing)

    by_number = numbers(extended.items)
    added = next(i for i in extended.items if i.urgent)
    assert (by_number[added.key], by_number[closing]) == ("4", "5")
    entry = AuditService(database).entries("agenda_item")[-1]
    assert entry.summary == "TOP 4 „Eilantrag“ der 1. Sitzung als Dringlichkeitsantrag hinzugefügt"
    assert sequence(database, minutes.meeting_id) == calendar
    with database.reading() as session:
        assert session.get(models.AgendaItem, closing).number == "5"
    documents = MeetingDocumentsService(database, actor, MeetingsService(database, actor))
    invited = documents.document(minutes.meeting_id).agenda
    assert [(e.number, e.title) for e in invited][-1] == ("4", "Verschiedenes")


def test_a_place_gone_meanwhile_is_refused_and_nothing_is_added(agenda, minutes) -> None:
    before = agenda.agenda(minutes.meeting_id)

    with pytest.raises(ValidationError, match="nicht mehr in der Tagesordnung"):
        agenda.add_urgent(minutes.meeting_id, urgent(), before=max(minutes.item_ids) + 99)

    assert agenda.agenda(minutes.meeting_id).items == before.items
