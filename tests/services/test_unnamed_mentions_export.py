"""Exporting the public minutes (alone or in the public Sitzungsmappe) warns where a typed
text names a member who has not agreed to the publication of the name (found by a tester),
or where "Änderungen der Tagesordnung" names a non-public item by its title, as the
completeness check does; the file is made all the same, the full minutes do not warn."""

from __future__ import annotations

import pytest
from client_statements import recorded_statements
from dossier_pdfs import text_of
from minutes_rows import SECRET, held_meeting

from expertenrat.services.annexes import AnnexesService
from expertenrat.services.meeting_documents import MeetingDocumentsService
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes_documents import MinutesDocumentsService
from expertenrat.store import models

WARNING = (
    "Im öffentlichen Text von TOP 2 steht der Name von Dr. Anna Dahl, der nicht genannt "
    "werden darf."
)


@pytest.fixture
def service(database, actor) -> MinutesDocumentsService:
    meetings = MeetingDocumentsService(database, actor, MeetingsService(database, actor))
    return MinutesDocumentsService(database, meetings, AnnexesService(database, actor))


@pytest.fixture
def held(database, council, fields, today):
    held = held_meeting(database, council.id, fields["Stadtdaten"].id, today)
    with database.transaction() as session:  # TOP 2, public; the members withhold the name
        session.get(models.AgendaItem, held.item_ids[1]).discussion = "Frau DAHL erläutert."
    return held


def test_the_public_minutes_warn_of_the_name_and_are_made_all_the_same(service, held) -> None:
    public = service.minutes_pdf(held.meeting_id, public=True)
    full = service.minutes_pdf(held.meeting_id)

    assert WARNING in public.warnings
    assert "Frau DAHL erläutert." in text_of(public.pdf)
    assert not any("nicht genannt werden darf" in w for w in full.warnings)


def test_the_public_dossier_warns_too(service, held) -> None:
    rendered = service.dossier_pdf(held.meeting_id, public=True)

    assert WARNING in rendered.warnings


def test_no_warning_once_the_member_agrees_to_be_named(service, held, database) -> None:
    with database.transaction() as session:
        session.query(models.Person).filter_by(family_name="Dahl").one().publish_name = True

    warnings = service.minutes_pdf(held.meeting_id, public=True).warnings

    assert not any("nicht genannt werden darf" in w for w in warnings)


TITLED = (
    "Unter „Änderungen der Tagesordnung“ steht der Titel des nichtöffentlichen TOP 3; der "
    "Text wird auch im öffentlichen Protokoll gedruckt. Bitte nur die Nummer nennen."
)


def test_the_public_minutes_warn_of_a_non_public_title_in_the_agenda_changes(
    service, held, database
) -> None:
    with database.transaction() as session:  # TOP 3 is non-public
        session.get(models.Meeting, held.meeting_id).agenda_changes = f"{SECRET} vorgezogen."
    public = service.minutes_pdf(held.meeting_id, public=True)

    assert TITLED in public.warnings
    assert f"{SECRET} vorgezogen." in text_of(public.pdf)  # printed as typed
    assert TITLED in service.dossier_pdf(held.meeting_id, public=True).warnings
    assert TITLED not in service.minutes_pdf(held.meeting_id).warnings

    with database.transaction() as session:
        session.get(models.Meeting, held.meeting_id).agenda_changes = "TOP 3 vorgezogen."

    assert TITLED not in service.minutes_pdf(held.meeting_id, public=True).warnings


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_the_public_minutes_read_the_agenda_and_the_guests_as_often_as_the_full_ones(
    service, held, database
) -> None:
    """Found by review: the export of the public minutes read the guests and the agenda
    once more for the warnings, after the minutes document had read them."""
    with recorded_statements(database.engine) as full:
        service.minutes_pdf(held.meeting_id)
    with recorded_statements(database.engine) as public:
        assert WARNING in service.minutes_pdf(held.meeting_id, public=True).warnings

    def reads(statements: list[str]) -> list[str]:
        return [s for s in statements if "FROM agenda_items" in s or "FROM guests" in s]

    assert len(reads(public)) == len(reads(full))
