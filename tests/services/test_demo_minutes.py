"""The demo's minutes are real minutes: made by the minutes services, checked, approved,
objected to and annexed as a secretariat would (issue 8 §8)."""

from __future__ import annotations

import hashlib
import io

import pytest
from fixtures.demo_databases import TODAY
from minutes_setup import approved_pdfs
from pdf_reading import text
from pypdf import PdfReader
from sqlalchemy import select

from expertenrat.domain.agenda import split_presenter
from expertenrat.domain.enums import (
    AgendaItemOutcome,
    AttendanceStatus,
    MeetingState,
    MinutesState,
    ObjectionState,
    PresenterKind,
)
from expertenrat.services.agenda import AgendaService
from expertenrat.services.annexes import AnnexesService
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.meeting_documents import MeetingDocumentsService
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes import MinutesService
from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.services.minutes_documents import MinutesDocumentsService
from expertenrat.services.minutes_pdfs import render_minutes
from expertenrat.services.overview import OverviewService
from expertenrat.services.postponed_items import PostponedItemsService
from expertenrat.store import models


@pytest.fixture
def held(demo_database) -> list[int]:
    """The ids of the demo's held meetings, by number (1 … 6)."""
    with demo_database.reading() as session:
        return list(
            session.scalars(
                select(models.Meeting.id)
                .where(models.Meeting.state == "held")
                .order_by(models.Meeting.number)
            )
        )


@pytest.fixture
def approval(demo_database, actor) -> MinutesApprovalService:
    return MinutesApprovalService(demo_database, actor, render_minutes)


def test_all_but_the_last_two_held_meetings_have_approved_minutes(approval, held):
    states = [approval.status(meeting_id).latest for meeting_id in held]

    assert [s.state if s else None for s in states] == [
        MinutesState.APPROVED,
        MinutesState.APPROVED,
        MinutesState.APPROVED,
        MinutesState.APPROVED,
        MinutesState.CIRCULATED,
        None,
    ]
    assert [s.approved_in for s in states[:4]] == [
        "2. Sitzung",
        "3. Sitzung",
        "4. Sitzung",
        "5. Sitzung",
    ]


def test_approved_demo_minutes_are_stored_pdfs_whose_sha256_matches(demo_database, held):
    for meeting_id in held[:4]:
        ((pdf, sha, public_pdf, public_sha),) = approved_pdfs(demo_database, meeting_id)
        assert hashlib.sha256(pdf).hexdigest() == sha
        assert hashlib.sha256(public_pdf).hexdigest() == public_sha
        pages = PdfReader(io.BytesIO(pdf)).pages
        text = " ".join(" ".join(page.extract_text().split()) for page in pages)
        assert "Protokoll" in text
        assert "stellt den Stand vor" in text  # a Verlaufsprotokoll keeps the discussion
        assert "ENTWURF" not in text


def test_the_checklist_of_every_finished_demo_draft_is_green(demo_database, actor, held):
    minutes = MinutesService(demo_database, actor)

    for meeting_id in held[:5]:
        checklist = minutes.checklist(meeting_id)
        assert checklist.complete, [line.text for line in checklist.missing]


def test_the_circulated_demo_minutes_have_one_accepted_and_one_rejected_objection(approval, held):
    status = approval.status(held[4])

    assert sorted(o.state for o in status.objections) == [
        ObjectionState.ACCEPTED,
        ObjectionState.REJECTED,
    ]
    rejected = next(o for o in status.objections if o.state is ObjectionState.REJECTED)
    assert rejected.decision
    assert {o.decided_in for o in status.objections} == {"6. Sitzung"}
    # The accepted objection made a corrected second version of the circulated minutes.
    assert [(v.number, v.state) for v in status.versions] == [
        (1, MinutesState.CIRCULATED),
        (2, MinutesState.CIRCULATED),
    ]


def test_the_accepted_objection_corrected_the_text_of_its_item(demo_database, actor, held):
    minutes = MinutesService(demo_database, actor).minutes(held[4])

    assert any("Barrierefreiheit" in item.discussion for item in minutes.items)


def test_the_latest_demo_minutes_are_an_unfinished_draft_that_can_be_finished(
    approval, demo_database, actor, held
):
    """(found by a tester) The 6th decided the objections to the 5th's minutes and put
    their approval off, as its text says ("Die berichtigte Fassung wird in der nächsten
    Sitzung … vorgelegt"): its approval item is "vertagt", so its draft can be finished."""
    assert approval.status(held[5]).versions == ()
    minutes = MinutesService(demo_database, actor)
    line = next(x for x in minutes.checklist(held[5]).lines if x.key == "previous_minutes")
    assert (line.ok, line.text) == (
        True,
        "Die Genehmigung des Protokolls der 5. Sitzung wurde vertagt.",
    )
    assert minutes.finish_draft(held[5]).complete
    assert minutes.minutes(held[5]).state is MinutesState.DRAFT


def test_the_latest_demo_meeting_took_up_an_urgent_item_its_draft_minutes_record(
    demo_database, actor, held
):
    minutes = MinutesService(demo_database, actor).minutes(held[5])
    (urgent,) = [item for item in minutes.items if item.urgent]
    # taken up at the top level before "Verschiedenes", which closes the meeting
    assert urgent is minutes.items[-2] and "." not in urgent.number
    assert (minutes.items[-1].title, minutes.items[-1].discussion) == (
        "Verschiedenes",
        "Keine Wortmeldungen. Die Sitzung wird um 18:20 Uhr geschlossen.",
    )
    assert [v.subject for v in urgent.votes] == [
        "Aufnahme als Dringlichkeitsantrag",
        "Zustimmung zur Stellungnahme",
    ]
    assert AgendaService(demo_database, actor).agenda(held[5]).urgent_refusal is None
    documents = MeetingDocumentsService(demo_database, actor, MeetingsService(demo_database, actor))
    service = MinutesDocumentsService(
        demo_database, documents, AnnexesService(demo_database, actor)
    )
    printed = text(service.minutes_pdf(held[5]).pdf)
    assert f"{urgent.label} (Dringlichkeitsantrag)" in printed
    assert (
        f"Die Tagesordnung wurde um TOP {urgent.number} „{urgent.title}“ als "
        "Dringlichkeitsantrag erweitert."
    ) in printed
    for earlier in held[:5]:  # only an open draft's meeting may take one up
        assert not any(
            item.urgent for item in MinutesService(demo_database, actor).minutes(earlier).items
        )


def test_the_showcase_demo_minutes_list_an_annex(demo_database, actor, held):
    annexes = AnnexesService(demo_database, actor)

    for meeting_id in held[3:]:
        (annex,) = annexes.annexes(meeting_id)
        assert annex.name.endswith(".pdf")
        assert annex.title.startswith("Präsentation")


def test_demo_minutes_adopt_recommendations_in_their_items(demo_database, held):
    with demo_database.reading() as session:
        origins = session.execute(
            select(models.AgendaItem.meeting_id, models.AgendaItem.kind).join(
                models.Recommendation,
                models.Recommendation.origin_agenda_item_id == models.AgendaItem.id,
            )
        ).all()

    assert {meeting for meeting, _ in origins} == set(held)
    assert {kind for _, kind in origins} == {"resolution", "consultation"}


def test_demo_attendance_has_late_arrivals_early_departures_and_guests(demo_database, actor, held):
    sheets = [AttendanceService(demo_database, actor).sheet(m) for m in held]

    assert all(s.guests for s in sheets)
    entries = [e for s in sheets for e in s.entries]
    assert any(e.arrived_item_id is not None for e in entries)
    assert any(e.left_item_id is not None for e in entries)
    assert {e.status for e in entries} >= {AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED}


def test_every_project_lead_who_presents_in_a_demo_meeting_is_its_guest(demo_database, actor, held):
    """(found by a tester) Only the first project's lead was a guest: Henrike Vogt (3.
    Sitzung) and Ina Wendt (6.) presented in the minutes without being in the attendance.
    The approved minutes' stored PDFs list them, the public ones those of public items."""
    attendance = AttendanceService(demo_database, actor)
    with demo_database.reading() as session:
        items = session.scalars(
            select(models.AgendaItem).where(
                models.AgendaItem.meeting_id.in_(held), models.AgendaItem.presenter != ""
            )
        ).all()
        presenters = {
            (i.meeting_id, name, i.public)
            for i in items
            for kind, name in [split_presenter(i.presenter)]
            if kind is PresenterKind.PROJECT_STAFF
        }
    assert {name for _, name, _ in presenters} >= {"Henrike Vogt", "Ina Wendt"}
    guests = {m: {g.name for g in attendance.sheet(m).guests} for m in held}
    for meeting_id, name, _ in presenters:
        assert name in guests[meeting_id], (held.index(meeting_id) + 1, name)

    for meeting_id in held[:4]:
        ((pdf, _sha, public_pdf, _public_sha),) = approved_pdfs(demo_database, meeting_id)
        full, public = (
            " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(b)).pages)
            for b in (pdf, public_pdf)
        )
        for name in guests[meeting_id]:
            assert name in full
            shown = any(n == name and p for m, n, p in presenters if m == meeting_id)
            assert (name in public) == shown, (held.index(meeting_id) + 1, name)


def _fonts(reader: PdfReader) -> dict[str, bool]:
    """Every font the pages of ``reader`` use, by name: whether its file is embedded."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptors = [font.get("/FontDescriptor")]
            descriptors += [
                d.get_object().get("/FontDescriptor") for d in font.get("/DescendantFonts", [])
            ]
            embedded = any(
                d is not None
                and any(k in d.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                for d in descriptors
            )
            found[str(font["/BaseFont"])] = embedded
    return found


def test_the_demo_sitzungsmappe_embeds_every_font(demo_database, actor, held):
    """README: the stored PDFs embed every font; the demo's annexed presentation too, so
    the Sitzungsmappe that merges it does (found by a tester)."""
    documents = MeetingDocumentsService(demo_database, actor, MeetingsService(demo_database, actor))
    annexes = AnnexesService(demo_database, actor)
    service = MinutesDocumentsService(demo_database, documents, annexes)
    reader = PdfReader(io.BytesIO(service.dossier_pdf(held[5]).pdf))

    fonts = _fonts(reader)
    assert any("DejaVu" in name for name in fonts)
    assert {name for name, embedded in fonts.items() if not embedded} == set()


def test_the_latest_meeting_postponed_an_item_the_planned_meeting_takes_up(
    demo_database, actor, held
) -> None:
    """(found by a tester) No postponed item waited in the demo: the Übersicht's line and
    "Vertagte Punkte übernehmen …" were never seen. The 6th meeting, whose minutes are a
    draft, postponed a consultation; no approved minutes record one."""
    service = PostponedItemsService(demo_database, actor)
    with demo_database.reading() as session:
        latest = session.get(models.Meeting, held[-1])
        planned = session.scalars(
            select(models.Meeting.id).where(
                models.Meeting.council_id == latest.council_id,
                models.Meeting.state == MeetingState.PLANNED.value,
            )
        ).all()
    (waiting,) = service.waiting(latest.council_id)
    assert (waiting.meeting_id, waiting.meeting, waiting.outcome) == (
        held[-1], "der 6. Sitzung", AgendaItemOutcome.POSTPONED,
    )  # fmt: skip
    assert MinutesService(demo_database, actor).minutes(held[-1]).state is MinutesState.DRAFT
    for meeting_id in held[:-1]:
        items = MinutesService(demo_database, actor).minutes(meeting_id).items
        assert all(i.outcome is AgendaItemOutcome.DISCUSSED for i in items)
    line = OverviewService(demo_database).overview(latest.council_id, TODAY).postponed_waiting
    assert [x.text for x in line] == [
        "1 vertagter Punkt der 6. Sitzung wartet auf eine Tagesordnung"
    ]

    assert planned and all([waiting] == service.offered(m) for m in planned)
    agenda = service.take_up(planned[-1], [waiting.key])
    assert [i.title for i in agenda.items].count(waiting.title) == 1
    assert service.waiting(latest.council_id) == []
