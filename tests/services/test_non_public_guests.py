"""A guest marked "nur im nichtöffentlichen Teil anwesend" whose name no presenter line
holds: the full minutes name the guest, the public minutes, the public Sitzungsmappe and
the stored public PDF of the approved minutes (which OParl and the open data publish) do
not (found by a tester: the Vergabestelle's guest stood under "Gäste" in public)."""

from __future__ import annotations

import pytest
from client_statements import recorded_statements
from dossier_pdfs import text_of
from minutes_rows import SECRET_GUEST, approve, held_meeting

from expertenrat.domain.approved_minutes import approved_minutes_json
from expertenrat.domain.attendance_sheet import GuestEntry
from expertenrat.services.annexes import AnnexesService
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.meeting_documents import MeetingDocumentsService
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes_assembly import approval_stamp, approved_minutes
from expertenrat.services.minutes_checks import minutes_checklist
from expertenrat.services.minutes_documents import MinutesDocumentsService
from expertenrat.services.minutes_snapshot import minutes_snapshot
from expertenrat.store import models

GUEST = "Horst Geheimgast"


@pytest.fixture
def service(database, actor) -> MinutesDocumentsService:
    meetings = MeetingDocumentsService(database, actor, MeetingsService(database, actor))
    return MinutesDocumentsService(database, meetings, AnnexesService(database, actor))


@pytest.fixture
def held(database, actor, council, fields, today):
    held = held_meeting(database, council.id, fields["Stadtdaten"].id, today)
    AttendanceService(database, actor).save_guest(
        held.meeting_id,
        GuestEntry(None, GUEST, "Vergabestelle", "Bericht zur Vergabe Los 3", non_public_only=True),
    )
    return held


def test_the_marked_guest_is_named_in_the_full_minutes_only(service, held) -> None:
    full = text_of(service.minutes_pdf(held.meeting_id).pdf)
    public = text_of(service.minutes_pdf(held.meeting_id, public=True).pdf)

    assert f"{GUEST} (Vergabestelle, Bericht zur Vergabe Los 3)" in full
    assert GUEST not in public and "Vergabestelle" not in public
    assert "Gülşen Yılmaz" in public  # the guest of the public item stays


def test_the_public_dossier_leaves_the_marked_guest_out(service, held) -> None:
    assert GUEST not in text_of(service.dossier_pdf(held.meeting_id, public=True).pdf)
    assert GUEST in text_of(service.dossier_pdf(held.meeting_id).pdf)


def test_the_approved_public_pdf_leaves_the_marked_guest_out(service, held, database) -> None:
    approve(database, held.meeting_id)

    public = service.minutes(held.meeting_id, public=True)
    full = service.minutes(held.meeting_id)

    assert public.approved and GUEST not in text_of(public.rendered.pdf)
    assert GUEST in text_of(full.rendered.pdf)


def test_the_minutes_versions_see_the_mark_change(database, held) -> None:
    """Marking a guest changes the public minutes, so the content a minutes version keeps
    (and its comparison with the next) holds the mark."""
    with database.reading() as session:
        attendance = minutes_snapshot(session, session.get(models.Meeting, held.meeting_id))
    guests = attendance.header.attendance.split("Gäste: ")[1]

    assert f"{GUEST}, Vergabestelle, Bericht zur Vergabe Los 3 (nur im nichtöffentlichen Teil)" in (
        guests
    )


GUEST_WARNING = (
    f"Im öffentlichen Text von TOP 1 steht der Name des Gastes {GUEST}, der nur am "
    "nichtöffentlichen Teil teilgenommen hat."
)


def _typed(database, held, result: str) -> None:
    with database.transaction() as session:  # TOP 1, public
        session.get(models.AgendaItem, held.item_ids[0]).result = result


def _checked(database, held) -> list[tuple[str, int | None]]:
    with database.reading() as session:
        lines = minutes_checklist(session, session.get(models.Meeting, held.meeting_id)).lines
    return [(line.text, line.target.item_id) for line in lines if line.key == "unnamed_named"]


def test_a_public_text_naming_the_marked_guest_warns(service, held, database) -> None:
    """The public minutes leave the guest out of "Gäste", a typed text stays as typed: the
    export and the completeness check say so (found by a tester)."""
    _typed(database, held, f"Die Vorsitzende begrüßt {GUEST}.")

    public = service.minutes_pdf(held.meeting_id, public=True)

    assert GUEST_WARNING in public.warnings
    assert f"begrüßt {GUEST}" in text_of(public.pdf)  # made all the same
    assert GUEST_WARNING in service.dossier_pdf(held.meeting_id, public=True).warnings
    assert GUEST_WARNING not in service.minutes_pdf(held.meeting_id).warnings
    assert _checked(database, held) == [(GUEST_WARNING, held.item_ids[0])]


def test_the_family_name_alone_warns_as_a_whole_word(service, held, database) -> None:
    _typed(database, held, "Herr GEHEIMGAST berichtet.")
    assert GUEST_WARNING in service.minutes_pdf(held.meeting_id, public=True).warnings

    _typed(database, held, "Die Geheimgastronomie wird besprochen.")
    assert GUEST_WARNING not in service.minutes_pdf(held.meeting_id, public=True).warnings
    assert _checked(database, held) == []


def test_a_guest_not_marked_gives_no_warning(service, held, database) -> None:
    _typed(database, held, f"Die Vorsitzende begrüßt {GUEST}.")
    with database.transaction() as session:
        session.query(models.Guest).filter_by(name=GUEST).one().non_public_only = False

    warnings = service.minutes_pdf(held.meeting_id, public=True).warnings

    assert not any(GUEST in w for w in warnings)
    assert _checked(database, held) == []


PRESENTER_WARNING = (
    f"Im öffentlichen Text von TOP 1 steht der Name des Gastes {SECRET_GUEST}, der nur zu "
    "nichtöffentlichen Tagesordnungspunkten vorgetragen hat."
)


def test_a_public_text_naming_a_guest_who_presented_only_a_non_public_item_warns(
    service, held, database
) -> None:
    """Not marked, the guest who presented only the non-public TOP 3 is left out of the
    public minutes' "Gäste" all the same (``domain.public_minutes.left_out_guests``): a
    public text naming her is warned of as a marked guest is (found by review)."""
    _typed(database, held, f"Die Vorsitzende begrüßt {SECRET_GUEST}.")

    public = service.minutes_pdf(held.meeting_id, public=True)

    assert PRESENTER_WARNING in public.warnings
    assert PRESENTER_WARNING in service.dossier_pdf(held.meeting_id, public=True).warnings
    assert not any(SECRET_GUEST in w for w in service.minutes_pdf(held.meeting_id).warnings)
    assert _checked(database, held) == [(PRESENTER_WARNING, held.item_ids[0])]


def test_a_guest_who_presented_a_public_item_too_gives_no_warning(service, held, database):
    """The public minutes name her among the guests then: nothing to warn of."""
    _typed(database, held, f"Die Vorsitzende begrüßt {SECRET_GUEST}.")
    assert _checked(database, held) == [(PRESENTER_WARNING, held.item_ids[0])]
    with database.transaction() as session:  # TOP 2, public
        session.get(models.AgendaItem, held.item_ids[1]).presenter = f"Frau {SECRET_GUEST}"

    public = service.minutes_pdf(held.meeting_id, public=True)

    assert not any(SECRET_GUEST in w for w in public.warnings)
    assert f"{SECRET_GUEST} (Stadtwerke)" in text_of(public.pdf)  # in "Gäste" as named
    assert _checked(database, held) == []


def test_approved_public_minutes_warn_of_the_guest_from_their_kept_document(
    service, held, database
) -> None:
    """Found by review: the warnings of approved public minutes read the guests and the
    agenda from the database, then the document kept with the approval, which holds them
    (frozen with the approval) and answers alone."""
    _typed(database, held, f"Die Vorsitzende begrüßt {GUEST}.")
    approve(database, held.meeting_id)
    with database.transaction() as session:  # kept as the approval keeps it
        meeting = session.get(models.Meeting, held.meeting_id)
        version = session.query(models.MinutesVersion).filter_by(meeting_id=meeting.id).one()
        kept = approved_minutes(session, meeting, approval_stamp(session, version))
        version.document = approved_minutes_json(kept)

    with recorded_statements(database.engine) as sent:
        public = service.minutes(held.meeting_id, public=True)

    assert public.approved and public.rendered.warnings == (GUEST_WARNING,)
    assert not any("FROM guests" in statement for statement in sent)
