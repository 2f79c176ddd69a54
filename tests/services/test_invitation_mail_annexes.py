"""The invitation e-mail carries the annexes the letter lists below its agenda, named by
their numbers, the non-public ones too (the members may see them); where all attachments
together are too large for a mail server it carries none, and both the text and the
notes for the secretariat say so (found by a helper: the letter said "Anlagen: …" and the
mail had the letter alone). One damaged in the database stays out with a warning."""

from __future__ import annotations

from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as email_default

import pytest
from dossier_pdfs import small_pdf
from sqlalchemy import select

from expertenrat.domain.enums import MeetingState
from expertenrat.exchange import invitation_mail
from expertenrat.services.annexes import AnnexesService
from expertenrat.store import models

PROTOKOLL = small_pdf("Entwurf")
KALKULATION = small_pdf("Intern", "Seite 2")


@pytest.fixture
def with_annexes(database, actor, council, members_service, new_member, today, invited) -> int:
    members_service.save(council.id, new_member("Kim", "Lee", email="kim@example.org"), today)
    annexes = AnnexesService(database, actor)
    annexes.add(invited, "Protokoll_5.pdf", PROTOKOLL, title="Protokoll (Entwurf)")
    annexes.add(invited, "Kalkulation.pdf", KALKULATION, public=False)
    return invited


def _attachments(eml: bytes) -> dict[str, bytes]:
    message = message_from_bytes(eml, policy=email_default)
    assert isinstance(message, EmailMessage)
    return {
        str(part.get_filename()): part.get_payload(decode=True)
        for part in message.iter_attachments()
    }


def _text(eml: bytes) -> str:
    message = message_from_bytes(eml, policy=email_default)
    assert isinstance(message, EmailMessage)
    body = message.get_body(("plain",))
    assert body is not None
    return body.get_content()


def test_the_mail_carries_every_annex_named_by_its_number(documents, with_annexes) -> None:
    mail = documents.invitation_mail(with_annexes)

    attached = _attachments(mail.eml)
    pdf, ics = (n for n in attached if n.startswith("Einladung"))
    assert pdf.endswith(".pdf") and ics.endswith(".ics")
    assert attached["Anlage 1 Protokoll (Entwurf).pdf"] == PROTOKOLL
    assert attached["Anlage 2 Kalkulation (nichtöffentlich).pdf"] == KALKULATION
    assert len(attached) == 4
    assert invitation_mail.ANNEXES_NOT_ATTACHED not in _text(mail.eml)
    assert not mail.annexes_left_out
    # the text says so, beside the PDF and the calendar file (found by a helper: only the
    # letter's "Anlagen" list named them)
    assert "(.ics), die Ihr Kalenderprogramm übernimmt. Die Anlagen der Einladung sind " in (
        _text(mail.eml)
    )


def test_one_annex_is_named_in_the_singular(documents, with_annexes, database, actor) -> None:
    """(found by a tester) One annex attached read "Die Anlagen der Einladung sind …"."""
    annexes = AnnexesService(database, actor)
    annexes.remove(with_annexes, annexes.annexes(with_annexes)[1])

    text = " ".join(_text(documents.invitation_mail(with_annexes).eml).split())

    assert invitation_mail.ANNEX_ATTACHED in text and "Die Anlagen" not in text


def test_a_mail_without_annexes_does_not_speak_of_them(
    documents, members_service, council, new_member, today, invited
) -> None:
    members_service.save(council.id, new_member("Kim", "Lee", email="kim@example.org"), today)

    text = _text(documents.invitation_mail(invited).eml)

    assert "Anlagen" not in text and "Kalenderprogramm übernimmt." in text


def test_too_large_annexes_stay_out_and_the_text_says_where_they_are(
    documents, with_annexes, monkeypatch
) -> None:
    mail = documents.invitation_mail(with_annexes)
    letter = sum(len(d) for n, d in _attachments(mail.eml).items() if n.startswith("Einladung"))
    monkeypatch.setattr(invitation_mail, "MAX_ATTACHMENT_BYTES", letter + len(PROTOKOLL))

    mail = documents.invitation_mail(with_annexes)

    assert sorted(_attachments(mail.eml)) == sorted(
        n for n in _attachments(documents.invitation_mail(with_annexes).eml) if "Anlage" not in n
    )
    assert " ".join(invitation_mail.ANNEXES_NOT_ATTACHED.split()) in " ".join(
        _text(mail.eml).split()
    )
    assert invitation_mail.ANNEXES_ATTACHED not in " ".join(_text(mail.eml).split())
    assert any("zu groß für eine E-Mail" in note for note in mail.notes)


def test_the_limit_counts_the_attachments_as_sent(
    monkeypatch: pytest.MonkeyPatch, documents, with_annexes
) -> None:
    """Base64 makes the files a third larger in the mail: files of 9.9 MB went out as a
    mail of 13.5 MB, which a server with a 10 MB limit refuses (found by a helper)."""
    raw = sum(len(d) for d in _attachments(documents.invitation_mail(with_annexes).eml).values())
    monkeypatch.setattr(invitation_mail, "MAX_ATTACHMENT_BYTES", raw + 100)

    mail = documents.invitation_mail(with_annexes)

    assert not [n for n in _attachments(mail.eml) if "Anlage" in n]
    monkeypatch.setattr(invitation_mail, "MAX_ATTACHMENT_BYTES", raw * 4 // 3 + 10_000)
    assert [n for n in _attachments(documents.invitation_mail(with_annexes).eml) if "Anlage" in n]


def _damage(database, name: str, content: bytes) -> None:
    with database.transaction() as session:
        row = session.scalars(select(models.StoredFile).where(models.StoredFile.name == name)).one()
        row.content = content[: len(content) // 2]


def test_an_annex_damaged_in_the_database_stays_out_with_a_warning(
    database, documents, with_annexes
) -> None:
    """(found by a tester) The text said "Die Anlagen der Einladung sind beigefügt" with
    one of them missing: it names the one attached and the one that follows."""
    _damage(database, "Kalkulation.pdf", KALKULATION)

    mail = documents.invitation_mail(with_annexes)

    attached = _attachments(mail.eml)
    assert "Anlage 1 Protokoll (Entwurf).pdf" in attached
    assert not any(n.startswith("Anlage 2") for n in attached)
    assert any(
        note.startswith("Anlage 2 „Kalkulation“ konnte nicht eingefügt werden")
        and "Die E-Mail enthält sie nicht und sagt, dass sie gesondert folgt" in note
        for note in mail.notes
    )
    text = " ".join(_text(mail.eml).split())
    assert (
        "Kalenderprogramm übernimmt. Anlage 1 der Einladung ist beigefügt; Anlage 2 folgt "
        "gesondert." in text
    )
    assert "sind beigefügt" not in text


def test_with_every_annex_damaged_the_text_says_they_follow(
    database, documents, with_annexes
) -> None:
    _damage(database, "Kalkulation.pdf", KALKULATION)
    _damage(database, "Protokoll_5.pdf", PROTOKOLL)

    mail = documents.invitation_mail(with_annexes)

    assert not [n for n in _attachments(mail.eml) if n.startswith("Anlage")]
    text = " ".join(_text(mail.eml).split())
    assert "Die Anlagen 1 und 2 der Einladung folgen gesondert." in text
    assert "beigefügt" not in text


def test_a_cancellation_carries_no_annexes(documents, meetings_service, with_annexes) -> None:
    version = meetings_service.get(with_annexes).version
    meetings_service.change_state(with_annexes, version, MeetingState.CANCELLED, "Krank")

    attached = _attachments(documents.invitation_mail(with_annexes).eml)

    assert len(attached) == 2 and all(n.startswith("Absage") for n in attached)


def test_too_large_annexes_and_a_damaged_one_the_text_says_it_follows(
    database, documents, with_annexes, monkeypatch
) -> None:
    """The Sitzungsmappe leaves a damaged annex out too: the mail does not send the
    members there for it."""
    _damage(database, "Kalkulation.pdf", KALKULATION)
    monkeypatch.setattr(invitation_mail, "MAX_ATTACHMENT_BYTES", 1)

    text = " ".join(_text(documents.invitation_mail(with_annexes).eml).split())

    assert " ".join(
        invitation_mail.ANNEXES_NOT_ATTACHED.split()
    ) + " Anlage 2 folgt gesondert." in (text)
