"""The HTML part of the e-mail drafts, read back from the bytes: every line of the text
stays a line (Outlook runs the lines of a plain text together), web addresses are links."""

from __future__ import annotations

from email.parser import BytesParser
from email.policy import default

from expertenrat.exchange.mail_draft import Attachment, mail_draft

TEXT = (
    "Sehr geehrte Damen und Herren,\n\n"
    "Zeit: Montag, 14. Dezember 2026, 16:00–18:30 Uhr\n"
    "Ort: Rathaus Rostock, Neuer Markt 1, Raum 1a\n"
    "Online: https://meet.example.org/r?id=5&pw=a;b,c\n\n"
    "- E-2025-12 „Offene Schnittstellen“ – Frist 23.12.2025, seit 11 Monaten überfällig\n"
    '- E-2025-02 „Kim "K" & <Co>“ (https://rostock.de/e-2025-02).\n\n'
    "Mit freundlichen Grüßen\nGeschäftsstelle Smart City\n"
)


def test_the_draft_holds_the_text_as_html_too_with_every_line_kept():
    """(found by a tester) Outlook removes "extra line breaks" of a plain text: the members
    read "… 16:00–18:30 Uhr Ort: Rathaus Rostock …", a project two reminders as one line."""
    eml = mail_draft("Einladung", TEXT, attachments=[Attachment(b"%PDF-1.4", "Einladung.pdf")])

    message = BytesParser(policy=default).parsebytes(eml)
    assert [p.get_content_type() for p in message.walk()] == [
        "multipart/mixed",
        "multipart/alternative",
        "text/plain",
        "text/html",
        "application/pdf",
    ]
    assert message.get_body(("plain",)).get_content().replace("\r\n", "\n") == TEXT
    html = message.get_body(("html",)).get_content().replace("\r\n", "\n")
    assert "<p>Sehr geehrte Damen und Herren,</p>" in html
    assert (
        "<p>Zeit: Montag, 14. Dezember 2026, 16:00–18:30 Uhr<br>\n"
        "Ort: Rathaus Rostock, Neuer Markt 1, Raum 1a<br>\n"
        'Online: <a href="https://meet.example.org/r?id=5&amp;pw=a;b,c">'
        "https://meet.example.org/r?id=5&amp;pw=a;b,c</a></p>"
    ) in html
    assert "überfällig<br>\n- E-2025-02 „Kim &quot;K&quot; &amp; &lt;Co&gt;“ (" in html
    assert '(<a href="https://rostock.de/e-2025-02">https://rostock.de/e-2025-02</a>).</p>' in html
    assert "<p>Mit freundlichen Grüßen<br>\nGeschäftsstelle Smart City</p>" in html
    assert all(len(line) <= 78 for line in eml.split(b"\r\n"))
