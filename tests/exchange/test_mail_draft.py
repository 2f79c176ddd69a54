"""The e-mail draft's recipients: addresses with umlauts are written validly and read back."""

from __future__ import annotations

from email.header import decode_header, make_header
from email.parser import BytesParser, Parser
from email.policy import default

from expertenrat.domain.mail_addresses import display_name, mailbox
from expertenrat.exchange.mail_draft import Attachment, mail_draft

STORED = [
    ("Jörg Böhm", "böhm@jena.de"),  # umlaut in the local part
    ("Berg, Anna", "anna@müller.de"),  # in the domain, a name with a comma
    ('Kim "K" Lee', "kim@x.de"),  # a name with quotes, an ASCII address
    ("", "jürgen@grüße.de"),  # both, without a name
]
# A domain's IDNA ASCII form (IDNA 2008: the ß kept), as To and Bcc hold it.
ASCII_DOMAINS = {
    "anna@müller.de": "anna@xn--mller-kva.de",
    "jürgen@grüße.de": "jürgen@xn--gre-6ka8l.de",
}


def sent(mail: str) -> str:
    return ASCII_DOMAINS.get(mail, mail)


def draft(stored) -> bytes:
    return mail_draft("Einladung", "Text\n", to=[mailbox(name, mail) for name, mail in stored])


def to_header(eml: bytes) -> bytes:
    head = eml.split(b"\r\n\r\n", 1)[0]
    start = head.index(b"\r\nTo:") + 2
    end = head.find(b"\r\n", start)
    while head[end + 2 : end + 3] in (b" ", b"\t"):  # folded lines
        end = head.find(b"\r\n", end + 2)
    return head[start:end]


def test_addresses_with_umlauts_are_written_as_they_are_and_read_back():
    """(found by a tester) An address with an umlaut was written as an encoded word inside
    the address ("=?utf-8?q?b=C3=B6hm?=@jena.de"), which RFC 2047 forbids there and a mail
    program showed as it stands. A local part with one is written in UTF-8 (RFC 6532), a
    domain in its ASCII form."""
    eml = draft(STORED)

    header = to_header(eml).decode("utf-8")
    assert "=?" not in header
    assert "<böhm@jena.de>" in header and "<anna@xn--mller-kva.de>" in header
    message = Parser(policy=default).parsestr(eml.decode("utf-8"))  # as a UTF-8 reader does
    read = [(a.display_name, a.addr_spec) for a in message["To"].addresses]
    assert read == [(name, sent(mail)) for name, mail in STORED]
    assert message["Subject"] == "Einladung" and message["X-Unsent"] == "1"
    # Python's bytes parser reads the UTF-8 header bytes undecoded, as ASCII with escapes.
    undecoded = BytesParser(policy=default).parsebytes(eml)["To"].addresses
    assert [a.addr_spec.encode("ascii", "surrogateescape").decode("utf-8") for a in undecoded] == [
        sent(mail) for _, mail in STORED
    ]
    assert message.get_body(("plain",)).get_content().splitlines() == ["Text"]


def test_ascii_addresses_keep_the_header_in_ascii_with_encoded_names():
    stored = [("Zoë Brontë", "zoe@verein.de"), ('Kim "K" Lee', "kim@x.de")]
    eml = draft(stored)

    header = to_header(eml)
    assert header.isascii() and b"=?utf-8?" in header  # the name with umlauts encoded
    message = BytesParser(policy=default).parsebytes(eml)
    assert [(a.display_name, a.addr_spec) for a in message["To"].addresses] == stored


def rfc2047_recipients(eml: bytes) -> str:
    """The To header as RFC 2047 has a mail program show it (whitespace between two
    encoded words dropped, all other whitespace kept): Python's old ``decode_header``."""
    unfolded = to_header(eml).decode("ascii").removeprefix("To: ")
    return str(make_header(decode_header(unfolded.replace("\r\n", ""))))


LONG_NAMES = [
    ("Prof. Dr.-Ing. habil. Hans-Jürgen Müller-Lüdenscheidt", "h@example.org"),
    ("O'Brien (Stadtwerke) أحمد Hartmann-Okafor A&B e.V.", "o@example.org"),
    ("Dr. Jörg Brüggemann (Stadtwerke Rostock AG, Bereich Energie)", "j@example.org"),
    ('Zoë "Zo" Hartmann-Okafor 😀👩\u200d👩\u200d👧 \\ עברית', "z@example.org"),
]


def test_long_names_with_umlauts_reach_the_mail_program_unchanged():
    """(found by a tester) Python's folding of the To header cut a plain word at the line
    end ("Hartmann-Okaf" / "or"), dropped the space between two encoded words
    ("(Stadtwerke)أحمد") and broke an encoded word in two, which a mail program showed as
    "=?utf-8?b?…"; depending on the names before it, each recipient's name came out
    changed. The header is folded only between words and encoded words now."""
    for before in range(4):
        stored = [("Anna Berg", f"a{n}@example.org") for n in range(before)] + LONG_NAMES
        eml = draft(stored)

        header = to_header(eml)
        assert header.isascii()
        assert all(len(line) <= 78 for line in header.split(b"\r\n"))
        shown = rfc2047_recipients(eml)
        assert "=?" not in shown
        for name, mail in stored:
            assert f"{name} <{mail}>" in shown or f"{display_name(name)} <{mail}>" in shown
        # a mail program's own parser (Python's) finds every address
        message = BytesParser(policy=default).parsebytes(eml)
        assert [a.addr_spec for a in message["To"].addresses] == [m for _, m in stored]


def test_a_name_with_umlauts_too_long_for_the_first_line_is_not_refolded_by_python():
    """A name with an umlaut whose first encoded word did not fit beside "To: " was
    refolded by Python: "Universitätsstadt  Rostock" with two spaces, and a name cut
    inside a word where the umlaut came first. Each encoded word now fits there."""
    for name in (
        "Smart City Expert*innenrat der Hanse- und Universitätsstadt Rostock",
        "Hanse- und Universitätsstadt Rostock Expert*innenrat Rostock",
    ):
        eml = draft([(name, "gs@rostock.de")])

        assert all(len(line) <= 78 for line in to_header(eml).split(b"\r\n"))
        assert rfc2047_recipients(eml) == f"{name} <gs@rostock.de>"


def test_blind_copies_are_folded_and_read_back_as_the_recipients_are():
    stored = [("Anna Berg", "a@example.org"), *LONG_NAMES, *STORED]
    for both in (stored[:5], stored):  # ASCII addresses only, and with umlauts
        eml = mail_draft("Einladung", "Text\n", bcc=[mailbox(name, mail) for name, mail in both])

        head = eml.split(b"\r\n\r\n", 1)[0]
        assert b"\r\nTo:" not in head
        assert all(len(line) <= 78 for line in head.split(b"\r\n") if line.isascii())
        message = Parser(policy=default).parsestr(eml.decode("utf-8"))
        assert [a.addr_spec for a in message["Bcc"].addresses] == [sent(m) for _, m in both]


def test_a_domain_with_umlauts_is_written_in_ascii_for_a_strict_reader():
    """(found by a tester) "anna@müller.de" stood in To and Bcc in UTF-8: Python's bytes
    parser read it as undecodable bytes, Outlook in the Windows code page ("mÃ¼ller"). Its
    IDNA ASCII form is the same mailbox; "From" keeps the secretariat's address as typed,
    the one Outlook finds its account by."""
    to = [mailbox("Anna Berg", "anna@MÜLLER.de"), "gs@straße.de"]
    eml = mail_draft("Einladung", "Text\n", sender="gs@görlitz.de", to=to, bcc=["kim@grüße.de"])

    message = BytesParser(policy=default).parsebytes(eml)
    head = eml.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    assert all(line.isascii() for line in head if not line.startswith(b"From:"))
    assert [a.addr_spec for a in message["To"].addresses] == [
        "anna@xn--mller-kva.de",
        "gs@xn--strae-oqa.de",  # IDNA 2008, as the .de registry: not "strasse.de"
    ]
    assert [a.addr_spec for a in message["Bcc"].addresses] == ["kim@xn--gre-6ka8l.de"]
    assert not message["To"].defects and not message["Bcc"].defects
    assert "From: gs@görlitz.de\r\n".encode() in eml


def test_a_local_part_with_umlauts_stays_as_typed_beside_an_ascii_domain():
    eml = mail_draft("Einladung", "Text\n", bcc=[mailbox("Jörg Böhm", "böhm@müller.de")])

    (address,) = BytesParser(policy=default).parsebytes(eml)["Bcc"].addresses
    assert address.domain == "xn--mller-kva.de"
    assert address.username.encode("ascii", "surrogateescape").decode("utf-8") == "böhm"


def test_a_text_attachment_says_it_is_utf_8_so_the_calendar_entry_keeps_its_umlauts():
    """(found by a tester) The calendar file went into the invitation's draft as
    "text/calendar" without a charset, which for text means US-ASCII: a mail program
    showing the entry read "Er��ffnung" and "Ethik, Teil 2 ����"."""
    ics = "BEGIN:VCALENDAR\r\nSUMMARY:Eröffnung – Zoë 🚀 عربي\r\nEND:VCALENDAR\r\n".encode()
    eml = mail_draft(
        "Einladung", "Text\n", attachments=[Attachment(ics, "Einladung.ics", "text", "calendar")]
    )

    message = BytesParser(policy=default).parsebytes(eml)
    part = next(message.iter_attachments())
    assert part.get_content_type() == "text/calendar"
    assert part.get_content_charset() == "utf-8"
    assert part.get_content() == ics.decode("utf-8")


def test_attachments_with_umlauts_are_named_for_outlook_in_the_content_type_too():
    """(found by a tester) An annex "Anlage 2 … (nichtöffentlich).pdf" was named only by
    RFC 2231 (``filename*=utf-8''…``, continued in ``filename*0*`` …), which Outlook is known
    not to read ("Untitled Attachment"). The Content-Type names it as RFC 2047 encoded words."""
    names = [
        "Anlage 2 Kalkulation (nichtöffentlich) – Straßenbeleuchtung für alle Stadtteile.pdf",
        "Einladung 7. Sitzung 2026-12-14.ics",
        "A" * 120 + ".pdf",  # too long for a line: encoded too, not refolded by Python
    ]
    kinds = ("application", "text", "application")
    eml = mail_draft(
        "Einladung",
        "Text\n",
        attachments=[
            Attachment(b"%PDF-1.4", name, kind, "calendar" if kind == "text" else "pdf")
            for name, kind in zip(names, kinds, strict=True)
        ],
    )

    message = BytesParser(policy=default).parsebytes(eml)
    parts = list(message.iter_attachments())
    assert [p.get_filename() for p in parts] == names  # Content-Disposition, RFC 2231
    assert [p["Content-Type"].params["name"] for p in parts] == names
    assert parts[1].get_content_charset() == "utf-8"
    assert b" name*" not in eml and b";name*" not in eml  # no RFC 2231 in the Content-Type
    assert b' name="=?utf-8?q?Anlage_2_Kalkulation_=28nicht=C3=B6ffentlich' in eml
    assert all(len(line) <= 76 for line in eml.split(b"\r\n") if b"=?utf-8?" in line)


def test_an_address_with_signs_of_a_mail_header_stays_one_recipient():
    """The check of an address field takes "x>,evil<y@x.de" (one @, no blank): written as
    it stood, it made two recipients of the draft, and a '"' took the next recipient into
    one broken address, so that Bob was never invited (found by a tester)."""
    stored = [("Eve", "x>,evil<y@x.de"), ("Mallory", 'a"b;c@x.de'), ("Bob", "bob@x.de")]
    message = Parser(policy=default).parsestr(draft(stored).decode("ascii"))
    read = [(a.display_name, a.addr_spec) for a in message["To"].addresses]
    assert read == [("Eve", '"x>,evil<y"@x.de'), ("Mallory", '"a\\"b;c"@x.de'), ("Bob", "bob@x.de")]
    assert not message["To"].defects
    assert mailbox("", "a,b@x.de") == '"a,b"@x.de' and mailbox("", "a@x.de") == "a@x.de"
