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
warning for the secretariat, and the text names the annexes attached and the one that
"folgt gesondert" (found by a tester: it said all were attached). Made with
:mod:`~expertenrat.exchange.mail_draft` like the reminders to projects."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from expertenrat.domain.annexes import Annex, clean_file_name
from expertenrat.domain.german_dates import long_date, meeting_days
from expertenrat.domain.meeting_document_titles import (
    council_named,
    letter_title,
    meeting_heading,
    meeting_time,
)
from expertenrat.domain.meeting_documents import MeetingDocument
from expertenrat.domain.wording import listed
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


@dataclass(frozen=True, slots=True)
class AnnexAttachments:
    """The annexes as the mail attaches them: ``files`` with their ``numbers``; ``missing``
    the numbers of those left out as damaged, with a warning each in ``warnings``."""

    files: tuple[Attachment, ...] = ()
    numbers: tuple[int, ...] = ()
    missing: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()


def annex_attachments(annexes: Sequence[tuple[Annex, bytes | None]]) -> AnnexAttachments:
    """The ``annexes`` as the mail attaches them, each named as the letter lists it
    ("Anlage 2: Kalkulation (nichtöffentlich)" as "Anlage 2 Kalkulation
    (nichtöffentlich).pdf"), and a warning for each left out because its bytes no longer
    match the SHA-256 taken when it was added (damaged in the database)."""
    intact: list[tuple[Annex, bytes]] = []
    damaged: list[Annex] = []
    for annex, data in annexes:
        if data is not None and hashlib.sha256(data).hexdigest() == annex.sha256:
            intact.append((annex, data))
        else:
            damaged.append(annex)
    return AnnexAttachments(
        tuple(Attachment(data, clean_file_name(annex.listed)) for annex, data in intact),
        tuple(annex.number for annex, _ in intact),
        tuple(annex.number for annex in damaged),
        tuple(
            f"{annex.left_out} Die E-Mail enthält sie nicht und sagt, dass sie gesondert "
            "folgt: bitte fügen Sie die Datei im Reiter „Anlagen“ erneut hinzu und senden "
            "Sie sie nach."
            for annex in damaged
        ),
    )


def invitation_eml(
    doc: MeetingDocument,
    members: Sequence[str],
    pdf: bytes,
    ics: bytes,
    stem: str,
    annexes: AnnexAttachments | None = None,
) -> InvitationEml:
    """The draft to the mailboxes ``members`` in blind copy, with ``stem``.pdf,
    ``stem``.ics and the ``annexes`` attached (none where all together are too large)."""
    title = letter_title(doc)
    head = doc.letterhead
    annexes = annexes or AnnexAttachments()
    attachments = [
        Attachment(pdf, f"{stem}.pdf"),
        Attachment(ics, f"{stem}.ics", "text", "calendar"),
    ]
    files = (*attachments, *annexes.files)
    left_out = bool(annexes.files) and sum(_sent_size(a.data) for a in files) > MAX_ATTACHMENT_BYTES
    body = _cancellation(doc) if doc.cancelled else _invitation(doc, annexes, left_out)
    if left_out:
        body += f"\n\n{ANNEXES_NOT_ATTACHED}"
        if annexes.missing:  # not in the Sitzungsmappe either
            body += f" {_sentence(_following(annexes.missing))}"
    closing = f"Mit freundlichen Grüßen\n{head.signature}\n{head.council_name}"
    text = "\n\n".join((doc.salutation, body, closing))
    secretariat = secretariat_sender(head)
    eml = mail_draft(
        council_named(doc, f"{title}, {_days(doc)}"),
        text + "\n",
        sender=secretariat,
        to=[secretariat] if secretariat else [],
        bcc=members,
        attachments=attachments if left_out else list(files),
    )
    return InvitationEml(eml, left_out)


def _days(doc: MeetingDocument) -> str:
    """ "Freitag, 11. Dezember 2026", for a meeting over midnight "11./12.12.2026"."""
    first, last = doc.start.date(), doc.end.date()
    return meeting_days(first, last) if last > first else long_date(first)


def _invitation(doc: MeetingDocument, found: AnnexAttachments, left_out: bool) -> str:
    annexes = "" if left_out else _annexes_sentence(found)
    blocks = [f"hiermit laden wir Sie herzlich zur {meeting_heading(doc)} ein."]
    if doc.change_notice:
        blocks[0] += f" {doc.change_notice}"
    blocks.append(_facts(doc))
    agenda = "der geänderten Tagesordnung" if doc.agenda_changed else "der Tagesordnung"
    blocks.append(
        f"Die Einladung mit {agenda} liegt als PDF bei, der Termin als Kalenderdatei "
        "(.ics), die Ihr Kalenderprogramm übernimmt."
        + (" Der bisherige Eintrag wird dabei ersetzt." if doc.changed else "")
        + (f" {annexes}" if annexes else "")
    )
    blocks.append(doc.excuse_request)
    return "\n\n".join(blocks)


def _annexes_sentence(found: AnnexAttachments) -> str:
    """ "Die Anlagen der Einladung sind beigefügt." (of one "Die Anlage …"); where some
    were left out as damaged, which are attached and which follow: "Die Anlagen 1 und 3
    der Einladung sind beigefügt; Anlage 2 folgt gesondert.", "Anlage 2 der Einladung
    folgt gesondert."; "" for none."""
    if not found.missing:
        if not found.files:
            return ""
        return ANNEX_ATTACHED if len(found.files) == 1 else ANNEXES_ATTACHED
    if not found.numbers:
        return _sentence(_following(found.missing, " der Einladung"))
    attached = _numbered(found.numbers, " der Einladung")
    verb = "ist" if len(found.numbers) == 1 else "sind"
    return _sentence(f"{attached} {verb} beigefügt; {_following(found.missing)}")


def _following(numbers: Sequence[int], of: str = "") -> str:
    """ "Anlage 2 folgt gesondert.", "die Anlagen 2 und 4 folgen gesondert."."""
    verb = "folgt" if len(numbers) == 1 else "folgen"
    return f"{_numbered(numbers, of)} {verb} gesondert."


def _numbered(numbers: Sequence[int], of: str) -> str:
    """ "Anlage 2", "die Anlagen 1 und 3" (with ``of``: "… der Einladung" after it)."""
    if len(numbers) == 1:
        return f"Anlage {numbers[0]}{of}"
    return f"die Anlagen {listed([str(n) for n in numbers])}{of}"


def _sentence(text: str) -> str:
    """``text`` starting with a capital: "die Anlagen …" as "Die Anlagen …"."""
    return text[:1].upper() + text[1:]


def _cancellation(doc: MeetingDocument) -> str:
    blocks = [f"die {meeting_heading(doc)} am {meeting_time(doc)} findet nicht statt."]
    reason = " ".join(doc.cancellation_reason.split())
    if reason:
        blocks.append(f"Grund: {reason}")
    blocks.append(
        "Die Absage liegt als PDF bei; die Kalenderdatei (.ics) kennzeichnet den Termin in "
        "Ihrem Kalender als abgesagt. Wir bitten um Ihr Verständnis."
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
