"""The minutes documents service on both databases: the minutes as stored, full and
public, stored bytes once approved, rendering inside a transaction, the Sitzungsmappe."""

from __future__ import annotations

import hashlib
import io
import re

import pytest
from client_statements import recorded_statements
from dossier_pdfs import small_pdf, text_of
from minutes_rows import SECRET, SECRET_GUEST, SECRET_REASON, approve, held_meeting
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from expertenrat.domain.errors import ExpertenratError, ValidationError
from expertenrat.domain.minutes_attendees import AbsentMember
from expertenrat.domain.minutes_document import DRAFT_MARK
from expertenrat.domain.public_minutes import UNNAMED_MEMBER
from expertenrat.services.annexes import AnnexesService
from expertenrat.services.approved_minutes_pdfs import DamagedMinutesError
from expertenrat.services.meeting_documents import MeetingDocumentsService
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes_assembly import minutes_document
from expertenrat.services.minutes_documents import MinutesDocumentsService
from expertenrat.services.minutes_freeze import MinutesFrozenError
from expertenrat.services.minutes_pdfs import render_minutes
from expertenrat.services.minutes_rows import NotHeldError
from expertenrat.store import models


@pytest.fixture
def annexes(database, actor) -> AnnexesService:
    return AnnexesService(database, actor)


@pytest.fixture
def meeting_documents(database, actor) -> MeetingDocumentsService:
    return MeetingDocumentsService(database, actor, MeetingsService(database, actor))


@pytest.fixture
def service(database, meeting_documents, annexes) -> MinutesDocumentsService:
    return MinutesDocumentsService(database, meeting_documents, annexes)


@pytest.fixture
def held(database, council, fields, today):
    return held_meeting(database, council.id, fields["Stadtdaten"].id, today)


def test_document_reads_every_part_of_the_minutes(service, held) -> None:
    doc = service.document(held.meeting_id)
    assert doc.chair == "Anna Berg"
    assert doc.minute_taker == "Frau Schulz"
    assert [m.name for m in doc.present][:2] == ["Anna Berg", "Anna Çelik"]
    assert doc.present[0].role_label == "Vorsitz"
    assert doc.present[0].action_field == "Stadtdaten"
    assert [m.partial for m in doc.present if m.partial] == ["ab TOP 2"]
    assert doc.excused == ("Anna Iversen",) and doc.absent == (AbsentMember("Anna Jäger"),)
    assert doc.quorum_line.endswith(  # the one "ab TOP 2" was not there at the opening
        "Zu Beginn der Sitzung waren 6 von 9 stimmberechtigten Mitgliedern anwesend; "
        "das Gremium war beschlussfähig."
    )
    assert doc.invitation is not None and doc.invitation.sent_on.day == 24
    consult, secret = doc.items[1], doc.items[2]
    assert consult.project_title == "Urbane Datenplattform"
    assert consult.motion == "Antrag auf offene Lizenz"
    assert consult.resolution == "Der Rat empfiehlt CC BY 4.0."
    assert consult.vote_lines() == ("Ja 7 · Nein 1 · Enthaltung 0 – angenommen",)
    assert [r.code for r in consult.recommendations] == ["E-2026-07"]
    assert not secret.public
    assert secret.vote_lines() == (
        f"einstimmig angenommen · befangen: Dr. Anna Dahl ({SECRET_REASON})",
    )
    assert doc.items[3].vote_lines() == ("ohne Abstimmung zur Kenntnis genommen",)


def test_the_minutes_list_the_members_in_reading_order(
    service, held, members_service, council, new_member, today
) -> None:
    """Read back: the members not recorded print by name_sort_key, "von Hohenzollern"
    between Hoffmann and Huber, "Öztürk" before Zimmermann."""
    for family in ("Zimmermann", "Öztürk", "Huber", "von Hohenzollern", "Hoffmann"):
        members_service.save(council.id, new_member("Kim", family), today)

    printed = text_of(service.minutes(held.meeting_id).rendered.pdf)

    names = ["Kim Hoffmann", "Kim von Hohenzollern", "Kim Huber", "Kim Öztürk", "Kim Zimmermann"]
    positions = [printed.index(name) for name in names]
    assert positions == sorted(positions)


def test_draft_minutes_render_fresh_with_entwurf_on_every_page(service, held) -> None:
    result = service.minutes(held.meeting_id)
    assert not result.approved
    reader = PdfReader(io.BytesIO(result.rendered.pdf))
    assert all(DRAFT_MARK in page.extract_text() for page in reader.pages)
    printed = text_of(result.rendered.pdf)
    assert SECRET in printed
    assert "Antrag Antrag auf offene Lizenz" in printed
    assert "Beschluss Der Rat empfiehlt CC BY 4.0." in printed
    assert "Zuschlag an Bieter B." in printed


def test_public_minutes_leave_the_non_public_item_out(service, held) -> None:
    printed = text_of(service.minutes_pdf(held.meeting_id, public=True).pdf)
    assert SECRET not in printed
    assert SECRET_GUEST not in printed
    assert SECRET_REASON not in printed
    assert "Zuschlag" not in printed
    assert "Gülşen Yılmaz" in printed


def test_public_minutes_name_no_member_without_consent_to_publish_the_name(
    service, held, database
) -> None:
    with database.transaction() as session:  # the members were saved without consent
        session.query(models.Person).filter_by(family_name="Dahl").one().publish_name = True

    public = text_of(service.minutes_pdf(held.meeting_id, public=True).pdf)
    internal = text_of(service.minutes_pdf(held.meeting_id).pdf)

    assert "Anna Berg" not in public and UNNAMED_MEMBER in public  # the chair, too
    assert "Dr. Anna Dahl" in public  # she agreed
    assert "Anna Berg" in internal and UNNAMED_MEMBER not in internal


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_only_the_public_minutes_read_who_withholds_the_name(service, held, database) -> None:
    with recorded_statements(database.engine) as internal_statements:
        internal = service.document(held.meeting_id)
    with recorded_statements(database.engine) as statements:
        public = service.document(held.meeting_id, public=True)

    def withheld_names(seen: list[str]) -> list[str]:  # the query of who withholds the name
        return [s for s in seen if "WHERE" in s and "publish_name IS" in s.split("WHERE")[-1]]

    assert not withheld_names(internal_statements)
    assert withheld_names(statements)
    assert internal.chair == "Anna Berg" and public.chair == UNNAMED_MEMBER


def test_approved_minutes_are_the_stored_bytes(service, held, database) -> None:
    digest = approve(database, held.meeting_id)
    with database.transaction() as session:  # a later change to the data changes nothing
        session.get(models.Meeting, held.meeting_id).minute_taker = "Jemand anders"
    result = service.minutes(held.meeting_id)
    assert result.approved
    assert hashlib.sha256(result.rendered.pdf).hexdigest() == digest == result.sha256
    assert DRAFT_MARK not in text_of(result.rendered.pdf)
    assert "Genehmigt in der 6. Sitzung am 09.06.2026." in text_of(result.rendered.pdf)
    public = service.minutes(held.meeting_id, public=True)
    with database.reading() as session:
        stored = session.query(models.MinutesVersion).one()
        assert public.rendered.pdf == stored.public_pdf
        assert public.sha256 == stored.public_sha256


@pytest.mark.parametrize("public", [False, True])
def test_damaged_approved_minutes_are_refused_not_handed_out(
    service, held, database, public
) -> None:
    approve(database, held.meeting_id)
    column = "public_pdf" if public else "pdf"
    with database.transaction() as session:
        version = session.query(models.MinutesVersion).one()
        setattr(version, column, getattr(version, column)[:1000])  # cut, hash kept
    what = (
        "Die öffentliche Fassung des genehmigten Protokolls"
        if public
        else ("Das genehmigte Protokoll")
    )
    with pytest.raises(DamagedMinutesError) as refused:
        service.minutes(held.meeting_id, public=public)
    assert str(refused.value).startswith(f"{what} der 1. Sitzung am 10.03.2026 ist in der")
    assert "Prüfsumme (SHA-256)" in str(refused.value)
    assert "stellen Sie eine Sicherung wieder her" in str(refused.value)
    assert "Datenbank prüfen" in str(refused.value)
    other = service.minutes(held.meeting_id, public=not public)  # the other PDF is intact
    assert other.approved and hashlib.sha256(other.rendered.pdf).hexdigest() == other.sha256


def test_a_damaged_approved_minutes_pdf_stops_the_dossier_with_its_own_message(
    service, held, database
) -> None:
    approve(database, held.meeting_id)
    with database.transaction() as session:
        version = session.query(models.MinutesVersion).one()
        version.pdf = version.pdf + b"%% appended"
    with pytest.raises(DamagedMinutesError, match=r"^Das genehmigte Protokoll der 1\. Sitzung"):
        service.dossier_pdf(held.meeting_id)


def test_a_missing_pdf_beside_its_sha256_is_damaged_too(service, held, database) -> None:
    approve(database, held.meeting_id)
    with database.transaction() as session:
        session.query(models.MinutesVersion).one().pdf = None
    with pytest.raises(DamagedMinutesError):
        service.minutes(held.meeting_id)
    with database.transaction() as session:  # approved before PDFs were stored: rendered
        session.query(models.MinutesVersion).one().sha256 = None
    assert not service.minutes(held.meeting_id).approved


def test_render_minutes_works_inside_a_writing_transaction(database, held) -> None:
    with database.transaction() as session:
        meeting = session.get(models.Meeting, held.meeting_id)
        meeting.minute_taker = "Im selben Vorgang"
        pdf = render_minutes(minutes_document(session, meeting))
    assert "Im selben Vorgang" in text_of(pdf)


def test_a_meeting_not_held_has_no_minutes(service, database, council) -> None:
    from meeting_rows import add_meeting

    rows = add_meeting(database, council.id)
    with pytest.raises(
        NotHeldError, match=r"nur für durchgeführte Sitzungen\. Die 1\. Sitzung ist geplant"
    ):
        service.minutes(rows.meeting_id)


def test_dossier_merges_invitation_minutes_and_annexes_with_bookmarks(
    service, meeting_documents, annexes, held
) -> None:
    annexes.add(held.meeting_id, "Präsentation.pdf", small_pdf("Folie 1", "Folie 2"))
    annexes.add(held.meeting_id, "C:\\Daten\\Vergleich.pdf", small_pdf("Tabelle"), public=False)
    invitation = PdfReader(io.BytesIO(meeting_documents.invitation_pdf(held.meeting_id).pdf))
    minutes = PdfReader(io.BytesIO(service.minutes_pdf(held.meeting_id).pdf))
    dossier = PdfReader(io.BytesIO(service.dossier_pdf(held.meeting_id).pdf))
    assert len(dossier.pages) == 1 + len(invitation.pages) + len(minutes.pages) + 3
    top = [e.title for e in dossier.outline if not isinstance(e, list)]
    assert top == [
        "Deckblatt",
        "Einladung",
        "Protokoll der 1. Sitzung",
        "Anlage 1: Präsentation",
        "Anlage 2: Vergleich (nichtöffentlich)",  # as the full minutes list it
    ]
    assert dossier.get_destination_page_number(dossier.outline[-1]) == len(dossier.pages) - 1
    assert dossier.metadata.title == "Sitzungsmappe der 1. Sitzung"
    assert dossier.metadata.subject.startswith(
        "Smart City Expert*innenrat: Einladung, Protokoll und Anlagen der 1. Sitzung"
    )
    assert "Folie 2" in dossier.pages[-2].extract_text()
    # (found by a tester) merged with pypdf, the dossier lost the document language
    assert dossier.trailer["/Root"]["/Lang"] == minutes.trailer["/Root"]["/Lang"] == "de-DE"


def test_a_pack_before_the_meeting_holds_a_dated_cover_the_invitation_and_the_annexes(
    service, meeting_documents, annexes, database, council
) -> None:
    from datetime import date

    from meeting_rows import add_meeting

    planned = add_meeting(database, council.id, titles=("Eröffnung", "Bericht & <Ausblick>"))
    annexes.add(planned.meeting_id, "Präsentation.pdf", small_pdf("Folie 1", "Folie 2"))
    made_on = date(2026, 3, 2)

    pack = service.dossier_pdf(planned.meeting_id, today=made_on)

    reader = PdfReader(io.BytesIO(pack.pdf))
    invitation = PdfReader(
        io.BytesIO(meeting_documents.invitation_pdf(planned.meeting_id, today=made_on).pdf)
    )
    assert len(reader.pages) == 1 + len(invitation.pages) + 2
    top = [e.title for e in reader.outline if not isinstance(e, list)]
    assert top == ["Deckblatt", "Einladung mit Tagesordnung", "Anlage 1: Präsentation"]
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "Sitzungsmappe: 1. Sitzung" in cover
    assert "Vor der Sitzung zusammengestellt am 02.03.2026" in cover
    assert "Einladung noch nicht versandt" in cover
    assert "Einladung mit Tagesordnung (2 Tagesordnungspunkte)" in cover
    assert "Anlage 1: Präsentation" in cover
    assert "Stand: 02.03.2026" in cover
    assert "Bericht & <Ausblick>" in text_of(pack.pdf)  # the agenda, in the invitation
    assert (
        reader.metadata.title == "Sitzungsmappe der 1. Sitzung (vor der Sitzung, Stand 02.03.2026)"
    )
    assert pack.records == 1  # the annexes
    assert reader.metadata.subject.startswith(
        "Smart City Expert*innenrat: Einladung, Tagesordnung und Anlagen der 1. Sitzung"
    )


def test_a_pack_without_annexes_does_not_say_it_holds_annexes(
    service, annexes, database, council, held
) -> None:
    """(found by a tester) Its description read "Einladung, Tagesordnung und Anlagen der
    1. Sitzung …" where there were none; the public pack holds only the public annexes."""
    from datetime import date

    from meeting_rows import add_meeting

    planned = add_meeting(database, council.id)
    annexes.add(planned.meeting_id, "Bewerbungen.pdf", small_pdf("Bewerbungsmappe"), public=False)

    def subject(meeting_id: int, public: bool) -> str:
        pdf = service.dossier_pdf(meeting_id, today=date(2026, 3, 2), public=public).pdf
        return PdfReader(io.BytesIO(pdf)).metadata.subject

    COUNCIL = "Smart City Expert*innenrat: "  # named as the invitation is (found by review)

    assert subject(planned.meeting_id, False).startswith(
        f"{COUNCIL}Einladung, Tagesordnung und Anlagen der"
    )
    assert subject(planned.meeting_id, True).startswith(f"{COUNCIL}Einladung und Tagesordnung der")
    assert subject(held.meeting_id, False).startswith(
        f"{COUNCIL}Einladung und Protokoll der 1. Sitzung am"
    )


def test_a_cancelled_meeting_has_no_pack(service, database, council) -> None:
    from meeting_rows import add_meeting, cancel

    planned = add_meeting(database, council.id)
    cancel(database, planned.meeting_id)
    with pytest.raises(ExpertenratError, match="abgesagt: für sie gibt es keine Sitzungsmappe"):
        service.dossier_pdf(planned.meeting_id)


def test_damaged_annex_is_refused_when_added(annexes, held) -> None:
    good = small_pdf("Seite")
    for data in (b"kein PDF", good[: len(good) // 2], b"%PDF-1.4\n" + b"\x00" * 200):
        with pytest.raises(ValidationError, match="keine lesbare PDF-Datei"):
            annexes.add(held.meeting_id, "kaputt.pdf", data)
    assert annexes.annexes(held.meeting_id) == ()


def test_annexes_are_listed_in_order_removed_softly_and_moved(annexes, held, service) -> None:
    first = annexes.add(held.meeting_id, "a/b/../Erste Datei.PDF", small_pdf("1"), title="")
    second = annexes.add(held.meeting_id, "zweite.pdf", small_pdf("2"), title="Zweite")
    assert [a.label for a in annexes.annexes(held.meeting_id)] == [
        "Anlage 1: Erste Datei",
        "Anlage 2: Zweite",
    ]
    assert first.name == "Erste Datei.pdf"
    moved = annexes.move(held.meeting_id, second, -1)
    assert [a.title for a in moved] == ["Zweite", "Erste Datei"]
    annexes.remove(held.meeting_id, moved[1])
    assert [a.title for a in annexes.annexes(held.meeting_id)] == ["Zweite"]
    assert [a.label for a in service.document(held.meeting_id).annexes] == ["Anlage 1: Zweite"]


def test_annex_size_is_limited(annexes, held, monkeypatch) -> None:
    from expertenrat.domain import annexes as rules

    monkeypatch.setattr(rules, "MAX_ANNEX_BYTES", 100)
    with pytest.raises(ValidationError, match="höchstens"):
        annexes.add(held.meeting_id, "gross.pdf", small_pdf("x" * 50))


def test_annexes_of_approved_minutes_are_frozen(annexes, held, database) -> None:
    annex = annexes.add(held.meeting_id, "vorher.pdf", small_pdf("1"))
    approve(database, held.meeting_id)
    with pytest.raises(MinutesFrozenError, match="ist genehmigt"):
        annexes.add(held.meeting_id, "nachher.pdf", small_pdf("2"))
    with pytest.raises(MinutesFrozenError):
        annexes.remove(held.meeting_id, annex)
    assert [a.title for a in annexes.annexes(held.meeting_id)] == ["vorher"]


def _odd_pdf(size: tuple[float, float], text: str, *, rotate: int = 0) -> bytes:
    """A one-page PDF of ``size`` with ``text`` near its top left (turned by ``rotate``)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size)
    canvas.drawString(40, size[1] - 60, text)
    canvas.showPage()
    canvas.save()
    if not rotate:
        return buffer.getvalue()
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=PdfReader(buffer))
    writer.pages[0].rotate(rotate)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _stamp_places(reader: PdfReader) -> list[tuple[str, float, float, float, float]]:
    """Per page: its stamp, the stamp's place (x, y of its baseline, in the page as shown),
    the page's shown height and the highest baseline of any other text on it."""
    found = []
    for page in reader.pages:
        texts: list[tuple[str, float, float]] = []

        def visit(text, cm, tm, font, size, texts=texts) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                texts.append((text.strip(), x, y))

        page.extract_text(visitor_text=visit)
        stamps = [t for t in texts if t[0].startswith("Sitzungsmappe, Seite")]
        assert len(stamps) == 1, texts
        (stamp, x, y) = stamps[0]
        box = page.cropbox
        others = max(
            (ty for t, _, ty in texts if not t.startswith("Sitzungsmappe, Seite")), default=0
        )
        found.append(
            (
                stamp,
                x - float(box.left),
                y - float(box.bottom),
                float(box.height),
                others - float(box.bottom),
            )
        )
    return found


def test_every_page_of_the_dossier_says_its_page_in_the_whole_bundle(
    service, annexes, held
) -> None:
    """The bundle's page stands in the top right corner of each page, above the header,
    on annexes of any size or turn too (found by a tester)."""
    from reportlab.lib.pagesizes import A4, A5, landscape

    annexes.add(held.meeting_id, "Quer.pdf", _odd_pdf(landscape(A4), "Querformat"))
    annexes.add(held.meeting_id, "Klein.pdf", _odd_pdf(A5, "Halbe Seite"))
    annexes.add(held.meeting_id, "Gedreht.pdf", _odd_pdf(A4, "Gedreht", rotate=90))

    reader = PdfReader(io.BytesIO(service.dossier_pdf(held.meeting_id).pdf))

    places = _stamp_places(reader)
    total = len(reader.pages)
    annex_pages = {total - 2: "Anlage 1", total - 1: "Anlage 2", total: "Anlage 3"}
    assert [p[0] for p in places] == [
        f"Sitzungsmappe, Seite {n} von {total}"
        + (f" · {annex_pages[n]}" if n in annex_pages else "")
        for n in range(1, total + 1)
    ]
    for stamp, x, y, height, others in places:
        assert height - 8 * mm < y < height  # at the top, on the page
        assert x > 0
        assert others < y - 3 * mm, stamp  # nothing of the page's own text beside it


def _own_page_numbers(page) -> list[str]:
    """The "Seite x von y" on ``page`` other than the bundle's stamp."""
    text = page.extract_text().replace("Sitzungsmappe, Seite", "")
    return re.findall(r"Seite \d+ von \d+", text)


def test_a_page_of_the_dossier_shows_one_page_number_but_annexes_keep_their_own(
    service, annexes, held
) -> None:
    """The invitation and the minutes are rendered for the bundle without their own
    "Seite x von y", which said another number than the bundle's stamp on the same page;
    an annex is put in as it is, its own numbers with it."""
    annexes.add(held.meeting_id, "Bericht.pdf", small_pdf("Seite 1 von 2", "Seite 2 von 2"))

    reader = PdfReader(io.BytesIO(service.dossier_pdf(held.meeting_id).pdf))

    parts = [_own_page_numbers(page) for page in reader.pages]
    assert parts[:-2] and all(numbers == [] for numbers in parts[:-2])
    assert parts[-2:] == [["Seite 1 von 2"], ["Seite 2 von 2"]]
    alone = PdfReader(io.BytesIO(service.minutes_pdf(held.meeting_id).pdf))
    assert _own_page_numbers(alone.pages[0]) == [f"Seite 1 von {len(alone.pages)}"]  # alone: kept


def test_a_pack_before_the_meeting_shows_one_page_number_on_every_page(
    service, database, council
) -> None:
    from datetime import date

    from meeting_rows import add_meeting

    planned = add_meeting(database, council.id, titles=("Eröffnung", "Bericht"))

    reader = PdfReader(
        io.BytesIO(service.dossier_pdf(planned.meeting_id, today=date(2026, 3, 2)).pdf)
    )

    assert len(reader.pages) >= 2  # the cover and the invitation
    assert all(_own_page_numbers(page) == [] for page in reader.pages)


def test_the_cover_of_a_pack_lists_the_page_each_part_starts_on(
    service, meeting_documents, annexes, database, council
) -> None:
    from datetime import date

    from meeting_rows import add_meeting

    planned = add_meeting(database, council.id, titles=("Eröffnung", "Bericht"))
    annexes.add(planned.meeting_id, "Präsentation.pdf", small_pdf("Folie 1", "Folie 2"))
    annexes.add(planned.meeting_id, "Karte.pdf", small_pdf("Karte"))
    made_on = date(2026, 3, 2)

    reader = PdfReader(io.BytesIO(service.dossier_pdf(planned.meeting_id, today=made_on).pdf))

    invitation = len(
        PdfReader(
            io.BytesIO(meeting_documents.invitation_pdf(planned.meeting_id, today=made_on).pdf)
        ).pages
    )
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "Einladung mit Tagesordnung (2 Tagesordnungspunkte) Seite 2" in cover
    assert f"Anlage 1: Präsentation Seite {2 + invitation}" in cover
    assert f"Anlage 2: Karte Seite {4 + invitation}" in cover
    assert "Folie 1" in reader.pages[1 + invitation].extract_text()
    assert "Karte" in reader.pages[3 + invitation].extract_text()
    total = len(reader.pages)
    assert f"Sitzungsmappe, Seite {2 + invitation} von {total}" in (
        reader.pages[1 + invitation].extract_text()
    )


def test_open_attendance_is_read_from_the_sheet_not_from_the_printed_names(
    service, database, held
) -> None:
    """Whether the attendance is still open comes from the attendance sheet: a member
    recorded absent whose name happens to end in "(nicht erfasst)" leaves the quorum as it
    is ("0 von 9 … nicht beschlussfähig"), and open lines say the quorum is open."""
    with database.transaction() as session:
        for row in session.query(models.Attendance).filter_by(meeting_id=held.meeting_id):
            row.status = "absent"
            row.arrived_item_id = None
        session.get(models.Membership, held.members[8]).person.family_name = "Jäger (nicht erfasst)"

    recorded = service.document(held.meeting_id)

    assert recorded.absent[-1] == AbsentMember("Anna Jäger (nicht erfasst)", recorded=True)
    assert not recorded.attendance_unrecorded
    assert "0 von 9" in recorded.quorum_line and "nicht beschlussfähig" in recorded.quorum_line

    with database.transaction() as session:
        session.query(models.Attendance).filter_by(meeting_id=held.meeting_id).delete()

    unrecorded = service.document(held.meeting_id)

    assert unrecorded.attendance_unrecorded
    assert unrecorded.quorum_line == (
        "Die Anwesenheit ist noch nicht erfasst; die Beschlussfähigkeit ist offen."
    )


def test_a_public_dossier_holds_the_public_invitation_minutes_and_annexes_only(
    service, annexes, held
) -> None:
    annexes.add(held.meeting_id, "Kalkulation.pdf", small_pdf("Interne Kalkulation"), public=False)
    annexes.add(held.meeting_id, "Präsentation.pdf", small_pdf("Folie 1"))

    rendered = service.dossier_pdf(held.meeting_id, public=True)

    reader = PdfReader(io.BytesIO(rendered.pdf))
    top = [e.title for e in reader.outline if not isinstance(e, list)]
    assert top == [
        "Deckblatt",
        "Einladung",
        "Protokoll der 1. Sitzung (öffentliche Fassung)",
        "Anlage 2: Präsentation",  # numbered as the full minutes list it, as the public do
    ]
    assert reader.metadata.title == "Öffentliche Sitzungsmappe der 1. Sitzung"
    assert rendered.records == 1
    text = text_of(rendered.pdf)
    assert "Folie 1" in text and "Anlage 2: Präsentation" in text
    for hidden in ("Interne Kalkulation", "Kalkulation", "Straßenbeleuchtung", SECRET_GUEST):
        assert hidden not in text, hidden
    full = text_of(service.dossier_pdf(held.meeting_id).pdf)
    assert "Interne Kalkulation" in full and "Straßenbeleuchtung" in full


def test_a_public_pack_before_the_meeting_leaves_out_the_non_public_part(
    service, annexes, database, council
) -> None:
    from datetime import date

    from meeting_rows import add_meeting

    planned = add_meeting(database, council.id, titles=("Eröffnung", "Bericht", "Personalsache"))
    with database.transaction() as session:
        item = session.query(models.AgendaItem).filter_by(title="Personalsache").one()
        item.public = False
    annexes.add(planned.meeting_id, "Bewerbungen.pdf", small_pdf("Bewerbungsmappe"), public=False)
    annexes.add(planned.meeting_id, "Karte.pdf", small_pdf("Stadtkarte"))

    pack = service.dossier_pdf(planned.meeting_id, today=date(2026, 3, 2), public=True)

    reader = PdfReader(io.BytesIO(pack.pdf))
    top = [e.title for e in reader.outline if not isinstance(e, list)]
    # the bookmark names the letter as the cover does (found by review: "… mit Tagesordnung")
    assert top == ["Deckblatt", "Einladung mit öffentlicher Tagesordnung", "Anlage 2: Karte"]
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "Öffentliche Sitzungsmappe: 1. Sitzung" in cover
    assert "Einladung mit öffentlicher Tagesordnung (2 Tagesordnungspunkte)" in cover
    text = text_of(pack.pdf)
    assert "Stadtkarte" in text and "Bericht" in text
    assert "Personalsache" not in text and "Bewerbungsmappe" not in text
    assert "Nichtöffentlicher Teil" not in text
    assert "Personalsache" in text_of(service.dossier_pdf(planned.meeting_id).pdf)
    # its description says so, as the one after the meeting does (found by a tester), after
    # the council's name as the invitation's (found by review)
    assert reader.metadata.subject == (
        "Smart City Expert*innenrat: Einladung, Tagesordnung und Anlagen der 1. Sitzung am "
        "10.03.2026 (öffentliche Fassung)"
    )
