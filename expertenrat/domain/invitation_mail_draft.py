"""The invitation (or cancellation) as an e-mail draft to the members, as the service
hands it to the window and the command line: the draft and what the user should know."""

from __future__ import annotations

from dataclasses import dataclass

ANNEXES_LEFT_OUT_NOTE = (
    "Die Anlagen sind zusammen zu groß für eine E-Mail und nicht beigefügt; der Text "
    "verweist auf die Sitzungsmappe. Bitte senden Sie die Mappe auf anderem Weg."
)


@dataclass(frozen=True, slots=True)
class InvitationMail:
    """The invitation (or cancellation) as an e-mail draft to the members: ``eml`` its
    bytes, ``name`` the file name it is saved under, ``recipients`` how many members it is
    addressed to; ``without_email`` names the members active on the meeting's day who have
    no e-mail address (they need the letter by post); ``warnings`` are the PDF's."""

    eml: bytes
    name: str
    recipients: int
    without_email: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    not_sent_yet: bool = False  # the meeting is planned: its invitation is not recorded
    sent_on_to: bool = False  # to members it did not reach: recorded "Einladung nachgesandt"
    annexes_left_out: bool = False  # too large to attach: the text points to the Mappe

    @property
    def notes(self) -> tuple[str, ...]:
        """What the user should know after saving it (German)."""
        notes = list(self.warnings)
        if self.annexes_left_out:
            notes.append(ANNEXES_LEFT_OUT_NOTE)
        if self.without_email:
            names = ", ".join(self.without_email)
            notes.append(f"Ohne E-Mail-Adresse (bitte die Einladung per Post senden): {names}.")
        return tuple(notes)
