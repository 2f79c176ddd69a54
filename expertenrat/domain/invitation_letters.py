"""Invitations as a mail merge (Serienbrief): one letter per member, each with the member's
address block and a personal salutation instead of "An die Mitglieder …"."""

from __future__ import annotations

from dataclasses import dataclass, replace

from expertenrat.domain.meeting_documents import MeetingDocument
from expertenrat.domain.salutations import (
    printed_form_of_address,
    salutation_opening,
    salutation_title,
)


@dataclass(frozen=True, slots=True)
class Recipient:
    """A member as a letter addresses them; empty texts are left out."""

    given_name: str
    family_name: str
    form_of_address: str = ""  # "Frau", "Herr" or what the member chose ("Divers")
    title: str = ""  # "Dr.", "Prof. Dr."
    postal_address: str = ""  # street, postcode and town, one per line

    @property
    def full_name(self) -> str:
        return _joined(self.title, self.given_name, self.family_name)

    @property
    def address_lines(self) -> tuple[str, ...]:
        """Form of address, name, then the postal address as far as it is known. Only
        "Frau" and "Herr" are a line of their own; any other form ("Divers" from a city's
        list, "keine Angabe") is left out, as German letters address a diverse person by
        name alone (found by a tester: "Divers" stood above the name)."""
        lines = [printed_form_of_address(self.form_of_address), self.full_name]
        lines += self.postal_address.splitlines()
        return tuple(line.strip() for line in lines if line.strip())

    @property
    def salutation(self) -> str:
        """ "Sehr geehrte Frau Dr. Berg," / "Sehr geehrter Herr Pál,", else "Guten Tag
        Kim Berg," (no form of address, or one the app does not decline); of the titles
        only the highest ("Prof." for "Prof. Dr.", :func:`salutation_title`)."""
        title = salutation_title(self.title)
        opening = salutation_opening(self.form_of_address)
        if opening:
            return f"{opening} {_joined(title, self.family_name)},"
        return f"Guten Tag {_joined(title, self.given_name, self.family_name)},"


def addressed_to(doc: MeetingDocument, recipient: Recipient) -> MeetingDocument:
    """``doc`` as the letter to ``recipient``."""
    return replace(doc, addressee=recipient.address_lines, salutation=recipient.salutation)


def _joined(*parts: str) -> str:
    return " ".join(" ".join(p.split()) for p in parts if p.strip())
