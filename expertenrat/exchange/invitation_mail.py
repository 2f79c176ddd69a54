"""The invitation to a meeting as an e-mail draft (.eml) to the members, in blind copy
(Bcc), so that no member sees the others' addresses, which not all agreed to share (where
the council has the secretariat's address set, the draft is from and to it, so that a
mail program gets a "To" and the secretariat a copy of its own): a
short text with time and place, the invitation PDF (the letter with the agenda) and the
calendar file (.ics) attached; for a changed invitation it says what changed (time or
place, the agenda) and that it replaces the first, for a cancelled meeting it is the
cancellation. The invitation's annexes come attached too, named by their numbers as the
letter lists them ("Anlage 2 Kalkulation (nichtöffentlich).pdf"; the members may see the
non-public ones; there is no public variant of the mail), and the text says so beside the
PDF and the calendar file; where all attachments together would exceed
:data:`MAX_ATTACHMENT_BYTES`, which mail servers refuse, the annexes stay out and the text
says they are in the Sitzungsmappe instead; one damaged in the database stays out with a
warning for the secretariat. Made with :mod:`~expertenrat.exchange.mail_draft` like the
reminders to projects."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from expertenrat.domain.annexes import Annex, clean_file_name
from expertenrat.domain.german_dates import long_date
from expertenrat.domain.meeting_document_titles import (
    council_named,
    letter_title,
    meeting_heading,
    meeting_time,
)
from expertenrat.domain.meeting_documents import MeetingDocument
from expertenrat.exchange.mail_draft import Attachment, mail_draft, secretariat_sender

# Many mail servers refuse larger mails; counted as the attachments are sent: Base64
# makes 4 bytes of every 3, in lines of 76 characters and a line break.
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
ANNEXES_NOT_ATTACHED = (
    "Die Anlagen sind wegen ihrer Größe nicht beigefügt; sie stehen in der Sitzungsmappe."
)
ANNEXES_ATTACHED = "Die Anlagen der Einladung sind beigefügt."
ANNEX_ATTACHED = "Die Anlage der Einladung ist beigefügt."  # one (found by a tester)


@dataclass(frozen=True, slots=True)
class InvitationEml:
    """The draft's bytes; ``annexes_left_out``: the annexes were too large to attach."""

    eml: bytes
    annexes_left_out: bool = False


def annex_attachments(
    annexes: Sequence[tuple[Annex, bytes | None]],
) -> tuple[list[Attachment], tuple[str, ...]]:
    """The ``annexes`` as the mail attaches them, each named as the letter lists it
    ("Anlage 2: Kalkulation (nichtöffentlich)" as "Anlage 2 Kalkulation
    (nichtöffentlich).pdf"), and a warning for each left out because its bytes no longer
    match the SHA-256 taken when it was added (damaged in the database)."""
    attachments: list[Attachment] = []
    damaged: list[str] = []
    for annex, data in annexes:
        if data is not None and hashlib.sha256(data).hexdigest() == annex.sha256:
            attachments.append(Attachment(data, clean_file_name(annex.listed)))
        else:
            damaged.append(
                f"{annex.left_out} Die E-Mail enthält sie nicht; bitte fügen Sie die Datei "
                "im Reiter „Anlagen“ erneut hinzu."
            )
    return attachments, tuple(damaged)


def invitation_eml(
    doc: MeetingDocument,
    members: Sequence[str],
    pdf: bytes,
    ics: bytes,
    stem: str,
    annexes: Sequence[Attachment] = (),
) -> InvitationEml:
    """The draft to the mailboxes ``members`` in blind copy, with ``stem``.pdf,
    ``stem``.ics and the ``annexes`` attached (none where all together are too large)."""
    title = letter_title(doc)
    head = doc.letterhead
    attachments = [
        Attachment(pdf, f"{stem}.pdf"),
        Attachment(ics, f"{stem}.ics", "text", "calendar"),
    ]
    left_out = sum(_sent_size(a.data) for a in (*attachments, *annexes)) > MAX_ATTACHMENT_BYTES
    left_out = left_out and bool(annexes)
    attached = 0 if left_out else len(annexes)
    body = _cancellation(doc) if doc.cancelled else _invitation(doc, attached)
    if left_out:
        body += f"\n\n{ANNEXES_NOT_ATTACHED}"
    closing = f"Mit freundlichen Grüßen\n{head.signature}\n{head.council_name}"
    text = "\n\n".join((doc.salutation, body, closing))
    secretariat = secretariat_sender(head)
    eml = mail_draft(
        council_named(doc, f"{title}, {long_date(doc.start.date())}"),
        text + "\n",
        sender=secretariat,
        to=[secretariat] if secretariat else [],
        bcc=members,
        attachments=attachments if left_out else [*attachments, *annexes],
    )
    return InvitationEml(eml, left_out)


def _invitation(doc: MeetingDocument, annexes_attached: int) -> str:
    sentence = ANNEX_ATTACHED if annexes_attached == 1 else ANNEXES_ATTACHED
    annexes = f" {sentence}" if annexes_attached else ""
    blocks = [f"hiermit laden wir Sie herzlich zur {meeting_heading(doc)} ein."]
    if doc.change_notice:
        blocks[0] += f" {doc.change_notice}"
    blocks.append(_facts(doc))
    agenda = "der geänderten Tagesordnung" if doc.agenda_changed else "der Tagesordnung"
    blocks.append(
        f"Die Einladung mit {agenda} liegt als PDF bei, der Termin als Kalenderdatei "
        "(.ics), die Ihr Kalenderprogramm übernimmt."
        + (" Der bisherige Eintrag wird dabei ersetzt." if doc.changed else "")
        + annexes
    )
    blocks.append(doc.excuse_request)
    return "\n\n".join(blocks)


def _cancellation(doc: MeetingDocument) -> str:
    blocks = [f"die {meeting_heading(doc)} am {meeting_time(doc)} findet nicht statt."]
    reason = " ".join(doc.cancellation_reason.split())
    if reason:
        blocks.append(f"Grund: {reason}")
    blocks.append(
        "Die Absage liegt als PDF bei; die Kalenderdatei (.ics) nimmt den Termin aus Ihrem "
        "Kalender. Wir bitten um Ihr Verständnis."
    )
    return "\n\n".join(blocks)


def _facts(doc: MeetingDocument) -> str:
    lines = [f"Zeit: {meeting_time(doc)}"]
    if doc.location:
        lines.append(f"Ort: {' '.join(doc.location.split())}")
    if doc.online_link.strip():
        lines.append(f"Online: {doc.online_link.strip()}")
    return "\n".join(lines)


def _sent_size(data: bytes) -> int:
    """The bytes ``data`` takes in the mail, Base64 in lines of 76 characters (found by a
    helper: a mail of 9.9 MB of files went out as 13.5 MB)."""
    encoded = 4 * -(-len(data) // 3)
    return encoded + 2 * -(-encoded // 76)
