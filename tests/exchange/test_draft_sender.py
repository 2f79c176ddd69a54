"""The secretariat's mailbox on the e-mail drafts: "From" of every draft and "To" of the
invitation (the members stay in blind copy), read back with the email package; without
it the drafts are as before."""

from __future__ import annotations

from dataclasses import replace
from email.parser import Parser
from email.policy import default

from meeting_sample import LETTERHEAD, meeting

from expertenrat.exchange.invitation_mail import invitation_eml

MEMBERS = ["Anna Berg <anna@example.org>", "Jörg Böhm <böhm@jena.de>"]


def invitation(**letterhead):
    """The invitation's draft parsed back (UTF-8 headers as RFC 6532 writes them)."""
    doc = meeting(letterhead=replace(LETTERHEAD, **letterhead))
    eml = invitation_eml(doc, MEMBERS, b"%PDF-", b"", "Einladung").eml
    return Parser(policy=default).parsestr(eml.decode("utf-8"))


def mailboxes(header) -> list[tuple[str, str]]:
    return [(a.display_name, a.addr_spec) for a in header.addresses]


def test_the_invitation_is_from_and_to_the_secretariat_the_members_in_blind_copy():
    message = invitation(secretariat_email="geschaeftsstelle@rostock.de")

    secretariat = [("Smart City Expert*innenrat", "geschaeftsstelle@rostock.de")]
    assert mailboxes(message["From"]) == secretariat
    assert mailboxes(message["To"]) == secretariat
    assert [a.addr_spec for a in message["Bcc"].addresses] == [
        "anna@example.org",
        "böhm@jena.de",
    ]
    assert message["X-Unsent"] == "1"


def test_without_the_secretariats_address_the_invitation_has_no_from_and_no_to():
    message = invitation()

    assert message["From"] is None and message["To"] is None
    assert len(message["Bcc"].addresses) == 2


def test_a_council_name_with_umlauts_and_an_address_with_one_read_back_as_typed():
    message = invitation(
        council_name="Digitalbeirat Görlitz, Stadt", secretariat_email="gs@görlitz.de"
    )

    assert mailboxes(message["From"]) == [("Digitalbeirat Görlitz, Stadt", "gs@görlitz.de")]
    # To in the domain's ASCII form (mail_draft), From as typed: Outlook's account
    assert mailboxes(message["To"]) == [("Digitalbeirat Görlitz, Stadt", "gs@xn--grlitz-wxa.de")]
    assert not message["From"].defects
