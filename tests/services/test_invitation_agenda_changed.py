"""A change of an invited meeting's agenda makes its letter a "Geänderte Tagesordnung": the
letter re-sent after an agenda change said nothing of it, and the only changed letter, that
of a move, said "Zeit oder Ort haben sich geändert", wrong for an agenda change. After both
changes the letter names both. PDF (read back), e-mail draft and the recorded sending."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from email import message_from_bytes
from email.policy import default as email_default
from zoneinfo import ZoneInfo

import pytest
from pdf_reading import text as pdf_text
from sqlalchemy import select

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.enums import AgendaItemKind, MeetingKind, MeetingState
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.services.agenda import AgendaService
from expertenrat.store import models

BERLIN = ZoneInfo("Europe/Berlin")
FIRST = "Bitte beachten Sie"


def _today() -> date:
    return datetime.now(BERLIN).date()


@pytest.fixture
def invited(meetings_service, council) -> int:
    """A meeting three weeks ahead, invited the day before yesterday."""
    start = datetime.combine(_today() + timedelta(days=21), datetime.min.time(), BERLIN)
    start = start.replace(hour=16)
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    meeting_id = meetings_service.create(council.id, draft)
    version = meetings_service.get(meeting_id).version
    meetings_service.change_state(
        meeting_id, version, MeetingState.INVITED, sent_on=_today() - timedelta(days=2)
    )
    return meeting_id


def _add(database, actor, meeting_id: int, title: str = "Radverkehrskonzept") -> None:
    AgendaService(database, actor).add(meeting_id, AgendaItem(0, title, presenter="Frau Ortmann"))


def _row(database, meeting_id: int) -> models.Meeting:
    with database.reading() as session:
        return session.get(models.Meeting, meeting_id)


def test_an_agenda_change_makes_the_letter_a_changed_agenda_dated_the_day_of_the_change(
    database, actor, documents, meetings_service, invited
):
    # The day before yesterday when ``invited`` ran: Berlin's midnight may have passed since.
    sent = _row(database, invited).invitation_sent_on
    assert sent in {_today() - timedelta(days=days) for days in (2, 3)}
    assert "Geänderte" not in pdf_text(documents.invitation_pdf(invited).pdf)

    before = _today()
    _add(database, actor, invited)
    after = _today()

    changed_on = _row(database, invited).invitation_agenda_changed_on
    assert changed_on is not None and before <= changed_on <= after
    doc = documents.document(invited)
    assert (doc.agenda_changed, doc.moved, doc.letter_date, doc.invitation_date) == (
        True, False, changed_on, sent,
    )  # fmt: skip
    text = pdf_text(documents.invitation_pdf(invited).pdf)
    assert f"{changed_on:%d.%m.%Y}" in text
    assert "Geänderte Tagesordnung zur 1. Sitzung" in text
    assert (
        "Bitte beachten Sie: Die Tagesordnung hat sich geändert. Diese Einladung ersetzt "
        "unsere bisherige." in text
    )
    assert "Geänderte Tagesordnung TOP Gegenstand" in text  # no parts: all in public
    assert "Radverkehrskonzept" in text and "Frau Ortmann" in text  # the agenda as it is now
    assert "Zeit oder Ort" not in text and "Geänderte Einladung" not in text
    assert f"Die Einladung vom {sent:%d.%m.%Y} erging fristgerecht" in text  # notice kept
    assert meetings_service.get(invited).letter_name() == "Geänderte Tagesordnung"


def test_time_or_place_and_the_agenda_changed_the_letter_names_both(
    database, actor, documents, meetings_service, invited
):
    meeting = meetings_service.get(invited)
    moved_on = _today() - timedelta(days=1)
    meetings_service.update(
        invited, meeting.version, replace(meeting.draft(), room="Saal 2"), today=moved_on
    )
    only_moved = pdf_text(documents.invitation_pdf(invited).pdf)
    assert "Geänderte Einladung zur 1. Sitzung" in only_moved
    assert f"{FIRST}: Der Ort hat sich geändert." in only_moved  # not "Zeit oder Ort"
    assert "Tagesordnung hat sich" not in only_moved and "Geänderte Tagesordnung" not in only_moved

    _add(database, actor, invited)

    text = pdf_text(documents.invitation_pdf(invited).pdf)
    assert "Geänderte Einladung und Tagesordnung zur 1. Sitzung" in text
    assert (
        f"{FIRST}: Der Ort und die Tagesordnung haben sich geändert. Diese Einladung "
        "ersetzt unsere bisherige." in text
    )
    assert "Geänderte Tagesordnung TOP Gegenstand" in text and "Saal 2" in text
    doc = documents.document(invited)
    assert doc.letter_date == _row(database, invited).invitation_agenda_changed_on  # the later


def test_only_a_change_the_letter_lists_counts_and_only_for_an_invited_meeting(
    database, actor, documents, meetings_service, council, invited
):
    agenda = AgendaService(database, actor)
    item = agenda.add(invited, AgendaItem(0, "Radverkehr"))
    with database.transaction() as session:  # start from the first invitation again
        session.get(models.Meeting, invited).invitation_agenda_changed_on = None
    item = next(i for i in item.items if i.title == "Radverkehr")
    sequence = meetings_service.get(invited).ics_sequence

    timed = agenda.update(replace(item, planned_minutes=item.planned_minutes + 15))
    assert _row(database, invited).invitation_agenda_changed_on is None  # an estimate

    item = next(i for i in timed.items if i.key == item.key)
    agenda.update(replace(item, kind=AgendaItemKind.REPORT))  # printed in the letter only
    assert _row(database, invited).invitation_agenda_changed_on is not None
    assert meetings_service.get(invited).ics_sequence == sequence  # not in the calendar

    start = datetime.combine(_today() + timedelta(days=40), datetime.min.time(), BERLIN)
    planned = meetings_service.create(
        council.id,
        MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus"),
    )
    _add(database, actor, planned)
    assert _row(database, planned).invitation_agenda_changed_on is None
    assert "Geänderte" not in pdf_text(documents.invitation_pdf(planned).pdf)


def test_the_e_mail_draft_says_the_agenda_changed_and_carries_it(
    database, actor, documents, council, members_service, new_member, today, invited
):
    members_service.save(council.id, new_member("Kim", "Lee", email="kim@example.org"), today)
    _add(database, actor, invited)

    mail = documents.invitation_mail(invited)

    message = message_from_bytes(mail.eml, policy=email_default)
    assert message["Subject"].startswith(
        "Smart City Expert*innenrat: Geänderte Tagesordnung zur 1. Sitzung, "
    )
    body = " ".join(message.get_body(("plain",)).get_content().split())
    assert (
        "Bitte beachten Sie: Die Tagesordnung hat sich geändert. Diese Einladung ersetzt "
        "unsere bisherige." in body
    )
    assert "Die Einladung mit der geänderten Tagesordnung liegt als PDF bei" in body
    assert "Der bisherige Eintrag wird dabei ersetzt." in body
    assert "Zeit oder Ort" not in body
    (pdf,) = [
        p.get_content() for p in message.iter_attachments() if p.get_filename().endswith(".pdf")
    ]
    letter = pdf_text(pdf)
    assert "Geänderte Tagesordnung zur 1. Sitzung" in letter and "Radverkehrskonzept" in letter


def test_recording_the_changed_agenda_sent_dates_it_and_keeps_the_notice_of_the_first(
    database, actor, documents, invited
):
    # The day before yesterday when ``invited`` ran: Berlin's midnight may have passed since.
    sent = _row(database, invited).invitation_sent_on
    assert sent in {_today() - timedelta(days=days) for days in (2, 3)}
    _add(database, actor, invited)
    resent = _today() + timedelta(days=1)  # not the day of the change: recorded tomorrow

    documents.record_invitation_sent(invited, _row(database, invited).version, resent, today=resent)

    row = _row(database, invited)
    days = row.invitation_agenda_changed_on, row.invitation_sent_on, row.invitation_changed_on
    assert days == (resent, sent, None)
    with database.reading() as session:
        summaries = list(
            session.scalars(
                select(models.AuditEntry.summary).where(
                    models.AuditEntry.entity == "meeting", models.AuditEntry.entity_id == invited
                )
            )
        )
    assert f"Geänderte Tagesordnung zur 1. Sitzung versandt am {resent:%d.%m.%Y}" in summaries
    text = pdf_text(documents.invitation_pdf(invited).pdf)
    assert "Geänderte Tagesordnung zur 1. Sitzung" in text and f"{resent:%d.%m.%Y}" in text


def test_a_change_of_the_non_public_items_alone_heads_only_that_part_as_changed(
    database, actor, documents, meetings_service, members_service, council, new_member, today
):
    """The public part stood as the members had it, yet the re-sent letter headed it
    "Geänderte Tagesordnung – Öffentlicher Teil". Now only the non-public part is headed
    so, and the letter says which part changed; its subject stays "Geänderte Tagesordnung
    zur …" (the agenda did change), and a later change of a public item heads both."""
    start = datetime.combine(_today() + timedelta(days=21), datetime.min.time(), BERLIN)
    start = start.replace(hour=16)
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    meeting_id = meetings_service.create(council.id, draft)
    agenda = AgendaService(database, actor)
    agenda.add(meeting_id, AgendaItem(0, "Radverkehrskonzept"))
    agenda.add(meeting_id, AgendaItem(0, "Vergabe Beleuchtung", public=False))
    version = meetings_service.get(meeting_id).version
    meetings_service.change_state(
        meeting_id, version, MeetingState.INVITED, sent_on=_today() - timedelta(days=2)
    )
    members_service.save(council.id, new_member("Kim", "Lee", email="kim@example.org"), today)

    agenda.add(meeting_id, AgendaItem(0, "Personalangelegenheit", public=False))

    text = pdf_text(documents.invitation_pdf(meeting_id).pdf)
    assert "Geänderte Tagesordnung zur 1. Sitzung" in text  # the subject
    assert (
        f"{FIRST}: Der nichtöffentliche Teil der Tagesordnung hat sich geändert. Diese "
        "Einladung ersetzt unsere bisherige." in text
    )
    assert "Tagesordnung – Öffentlicher Teil" in text
    assert "Geänderte Tagesordnung – Öffentlicher Teil" not in text
    assert "Geänderte Tagesordnung – Nichtöffentlicher Teil" in text
    message = message_from_bytes(documents.invitation_mail(meeting_id).eml, policy=email_default)
    assert message["Subject"].startswith(
        "Smart City Expert*innenrat: Geänderte Tagesordnung zur 1. Sitzung, "
    )
    body = " ".join(message.get_body(("plain",)).get_content().split())
    assert f"{FIRST}: Der nichtöffentliche Teil der Tagesordnung hat sich geändert." in body

    item = next(i for i in agenda.agenda(meeting_id).items if i.title == "Radverkehrskonzept")
    agenda.update(replace(item, title="Radverkehrskonzept 2030"))

    text = pdf_text(documents.invitation_pdf(meeting_id).pdf)
    assert f"{FIRST}: Die Tagesordnung hat sich geändert." in text
    assert "Geänderte Tagesordnung – Öffentlicher Teil" in text
    assert "Geänderte Tagesordnung – Nichtöffentlicher Teil" in text


def test_the_public_invitation_says_nothing_of_a_change_of_the_non_public_part(
    database, actor, documents, meetings_service, council
):
    """The public invitation (OParl, public Sitzungsmappe) leaves the non-public items
    out, yet it was a "Geänderte Tagesordnung" saying "Der nichtöffentliche Teil der
    Tagesordnung hat sich geändert": it told the public of a change it cannot see, over
    an agenda that had not changed for them. Now it stays the first letter, dated as that
    (found by a tester); a change of a public item makes it a changed letter again."""
    start = datetime.combine(_today() + timedelta(days=21), datetime.min.time(), BERLIN)
    start = start.replace(hour=16)
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    meeting_id = meetings_service.create(council.id, draft)
    agenda = AgendaService(database, actor)
    agenda.add(meeting_id, AgendaItem(0, "Radverkehrskonzept"))
    version = meetings_service.get(meeting_id).version
    sent = _today() - timedelta(days=2)
    meetings_service.change_state(meeting_id, version, MeetingState.INVITED, sent_on=sent)

    agenda.add(meeting_id, AgendaItem(0, "Personalangelegenheit", public=False))

    assert "Geänderte" in pdf_text(documents.invitation_pdf(meeting_id).pdf)
    public = pdf_text(documents.invitation_pdf(meeting_id, public=True).pdf)
    assert "Geänderte" not in public and FIRST not in public
    assert "nichtöffentlich" not in public.casefold()
    assert "Einladung zur 1. Sitzung" in public and f"{sent:%d.%m.%Y}" in public

    item = next(i for i in agenda.agenda(meeting_id).items if i.title == "Radverkehrskonzept")
    agenda.update(replace(item, title="Radverkehrskonzept 2030"))

    public = pdf_text(documents.invitation_pdf(meeting_id, public=True).pdf)
    assert "Geänderte Tagesordnung zur 1. Sitzung" in public
    assert f"{FIRST}: Die Tagesordnung hat sich geändert." in public
    assert "nichtöffentlich" not in public.casefold()


def test_the_changed_letter_says_what_of_time_and_place_changed(
    documents, meetings_service, invited
):
    """It said "Zeit oder Ort haben sich geändert" whatever moved, so the members had to
    compare it with the first letter; now it names what differs from the first invitation
    (found by a tester). The public invitation leaves the online link out, and a new link
    alone with it."""
    meeting = meetings_service.get(invited)
    later = replace(meeting.draft(), start=meeting.draft().start + timedelta(hours=1))
    later = replace(later, end=later.end + timedelta(hours=1))
    meetings_service.update(invited, meeting.version, later)
    text = pdf_text(documents.invitation_pdf(invited).pdf)
    assert f"{FIRST}: Die Zeit hat sich geändert." in text and "Zeit oder Ort" not in text

    meeting = meetings_service.get(invited)
    moved = replace(meeting.draft(), place="Kulturhaus", online_link="https://m.example.de/7")
    meetings_service.update(invited, meeting.version, moved)
    text = pdf_text(documents.invitation_pdf(invited).pdf)
    assert f"{FIRST}: Die Zeit, der Ort und der Online-Zugang haben sich geändert." in text
    public = pdf_text(documents.invitation_pdf(invited, public=True).pdf)
    assert f"{FIRST}: Die Zeit und der Ort haben sich geändert." in public

    meeting = meetings_service.get(invited)
    back = replace(
        meeting.draft(), start=meeting.draft().start - timedelta(hours=1), place="Rathaus"
    )
    back = replace(back, end=back.end - timedelta(hours=1))
    meetings_service.update(invited, meeting.version, back)  # only the link still differs
    text = pdf_text(documents.invitation_pdf(invited).pdf)
    assert f"{FIRST}: Der Online-Zugang hat sich geändert." in text
    public = pdf_text(documents.invitation_pdf(invited, public=True).pdf)
    assert "Geänderte" not in public and FIRST not in public


def test_the_pack_before_the_meeting_names_the_changed_letter_it_holds(
    database, actor, documents, meetings_service, invited
):
    """The Sitzungsmappe's cover said "Einladung versandt am …" and listed "Einladung mit
    Tagesordnung" over a "Geänderte Einladung und Tagesordnung" of a later day: the cover
    names the letter the pack holds and the day of the change (found by a tester)."""
    from expertenrat.services.annexes import AnnexesService
    from expertenrat.services.minutes_documents import MinutesDocumentsService

    dossiers = MinutesDocumentsService(database, documents, AnnexesService(database, actor))
    sent = _row(database, invited).invitation_sent_on
    cover = pdf_text(dossiers.dossier_pdf(invited).pdf).split("Seite 2")[0]
    assert "Einladung mit Tagesordnung" in cover and "geändert" not in cover.casefold()

    meeting = meetings_service.get(invited)
    meetings_service.update(invited, meeting.version, replace(meeting.draft(), room="Saal 2"))
    _add(database, actor, invited)
    changed = _row(database, invited).invitation_agenda_changed_on

    pack = dossiers.dossier_pdf(invited).pdf
    cover = " ".join(pdf_text(pack).split("Geänderte Einladung und Tagesordnung zur")[0].split())
    assert f"versandt am {sent:%d.%m.%Y}; geändert am {changed:%d.%m.%Y}" in cover
    assert "Inhalt Geänderte Einladung mit geänderter Tagesordnung (" in cover
    public = " ".join(pdf_text(dossiers.dossier_pdf(invited, public=True).pdf).split())
    assert "Geänderte Einladung mit geänderter öffentlicher Tagesordnung" in public


def test_a_meeting_moved_and_moved_back_does_not_claim_time_or_place_changed(
    documents, meetings_service, invited
):
    """Found by a reviewer: after a move and a move back nothing differed from the first
    invitation, which read as "not known" and said "Zeit oder Ort haben sich geändert."."""
    meeting = meetings_service.get(invited)
    first = meeting.draft()
    meetings_service.update(invited, meeting.version, replace(first, place="Kulturhaus"))
    meeting = meetings_service.get(invited)
    meetings_service.update(invited, meeting.version, replace(meeting.draft(), place=first.place))

    for public in (False, True):
        text = pdf_text(documents.invitation_pdf(invited, public=public).pdf)
        assert f"{FIRST}: Zeit und Ort sind wieder wie in der ersten Einladung." in text
        assert "geändert." not in text.split(FIRST, 1)[1].split("ersetzt", 1)[0]
