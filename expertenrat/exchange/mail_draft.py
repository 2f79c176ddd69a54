"""An e-mail draft (.eml) that the user's mail program opens: subject, recipients, a plain
text, the same text as HTML (:mod:`~expertenrat.exchange.mail_html`: Outlook runs the
lines of a plain text together) and attachments. Nothing is sent by the app;
``X-Unsent: 1`` makes Outlook open it as a draft (Thunderbird: "Als neu bearbeiten"). The
reminders to projects and the invitations to the members are made with it, sent from the
secretariat's mailbox where the council has one set (:func:`secretariat_sender`; else the
mail program's own account).

The subject is encoded here (:func:`_subject`): Python's own folding of a long subject put
the dash and a word starting with an umlaut into two encoded words, between which a mail
program drops the space ("…Empfehlung  –Bürgerservice-Chatbot").

A domain with an umlaut (``anna@müller.de``) is written in To and Bcc in its IDNA ASCII
form (``anna@xn--mller-kva.de``, :func:`_ascii_domain`): written as it stands (RFC 6532),
Python's parser and Outlook, which reads 8-bit headers in the Windows code page, garbled
it (found by a tester). "From" keeps the secretariat's address as typed, so that Outlook
finds the account it is sent from. A local part with an umlaut (``böhm@jena.de``) has no
ASCII form: an RFC 2047 encoded word may not stand for it, Python wrote one inside the
address (``=?utf-8?q?b=C3=B6hm?=@jena.de``), which is invalid, and a mail program showed
it as it stands. A recipient header with such an address is written in UTF-8, the form RFC
6532 gives such addresses (see :class:`_DraftPolicy`); all other headers stay as before.

All other recipient headers are folded here too (:func:`_recipients`): Python's folding of
long names with umlauts cut a plain word at the line end ("Hartmann-Okaf" / "or"), dropped
the space between two encoded words and broke an encoded word in two, so that a mail program
showed a changed name or "=?utf-8?b?…". Each name with non-ASCII letters is one run of
encoded words (between which RFC 2047 drops the whitespace), each ASCII name stays as it is
written, and the lines break only between those words.

An attachment's name with umlauts ("Anlage 2 Kalkulation (nichtöffentlich).pdf") is in the
"filename" of its Content-Disposition as RFC 2231 gives it (``filename*=utf-8''…``, long
ones continued in ``filename*0*``, ``filename*1*``); Outlook is known not to read RFC 2231
and to show such an attachment as "Untitled Attachment" or "ATT00001" (found by a tester). Its
Content-Type also names it, in "name" as RFC 2047 encoded words (:func:`_content_type`),
the form Outlook and the mail programs that send one read; those that read RFC 2231 take
the "filename"."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP, SMTPUTF8, EmailPolicy

from expertenrat.domain.mail_addresses import display_name, mailbox
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.exchange.mail_html import html_body


class _DraftPolicy(EmailPolicy):
    """SMTP's policy (CRLF), but the recipients in UTF-8 when an address has non-ASCII
    letters."""

    def fold_binary(self, name: str, value: str) -> bytes:
        addresses = getattr(value, "addresses", ())
        if any(not address.addr_spec.isascii() for address in addresses):
            return SMTPUTF8.fold_binary(name, value)
        return super().fold_binary(name, value)


_POLICY = _DraftPolicy(linesep=SMTP.linesep)


@dataclass(frozen=True, slots=True)
class Attachment:
    data: bytes
    filename: str
    maintype: str = "application"
    subtype: str = "pdf"


def mail_draft(
    subject: str,
    text: str,
    *,
    sender: str = "",
    to: Sequence[str] = (),
    bcc: Sequence[str] = (),
    attachments: Sequence[Attachment] = (),
) -> bytes:
    """The draft as the bytes of an .eml file (CRLF line ends, UTF-8 where needed); ``to``
    and ``bcc`` (blind copies: no recipient sees them) hold mailboxes ("Name <mail>",
    :func:`~expertenrat.domain.mail_addresses.mailbox`), ``sender`` the one of "From"
    ("": none, the mail program sends from its own account)."""
    message = EmailMessage(policy=_POLICY)
    _add_recipients(message, "From", [sender] if sender else [], ascii_domains=False)
    message.set_raw("Subject", _subject(subject))
    _add_recipients(message, "To", to, ascii_domains=True)
    _add_recipients(message, "Bcc", bcc, ascii_domains=True)
    message["X-Unsent"] = "1"
    message.set_content(text)
    message.add_alternative(html_body(text), subtype="html")
    for attachment in attachments:
        message.add_attachment(
            attachment.data,
            maintype=attachment.maintype,
            subtype=attachment.subtype,
            filename=attachment.filename,
            # text without a charset is US-ASCII (RFC 2046): the calendar file is UTF-8
            params={"charset": "utf-8"} if attachment.maintype == "text" else {},
        )
        part = message.get_payload()[-1]
        content_type = _content_type(part, attachment.filename)
        del part["Content-Type"]
        part.set_raw("Content-Type", content_type)
    return message.as_bytes()


def secretariat_sender(head: Letterhead) -> str:
    """The mailbox the council's drafts are sent from, the council named ("Smart City
    Expert*innenrat <gs@rostock.de>"); "" where it has no e-mail address set."""
    email = head.secretariat_email.strip()
    return mailbox(head.council_name, email) if email else ""


def _add_recipients(
    message: EmailMessage, header: str, mailboxes: Sequence[str], *, ascii_domains: bool
) -> None:
    if not mailboxes:
        return
    message[header] = ", ".join(mailboxes)
    addresses = message[header].addresses
    if ascii_domains:
        addresses = tuple(_ascii_domain(address) for address in addresses)
    del message[header]
    if all(address.addr_spec.isascii() for address in addresses):
        message.set_raw(header, _recipients(header, addresses))
    else:  # a local part with an umlaut: UTF-8 (_DraftPolicy)
        message[header] = addresses


def _ascii_domain(address: Address) -> Address:
    """``address`` with its domain's labels in IDNA ASCII form: "xn--" and the Punycode of
    the label in small letters (IDNA 2008, which keeps an ß, as the .de registry does;
    Python's "idna" codec is IDNA 2003 and made "grüße.de" the other domain "grusse.de")."""
    labels = address.domain.split(".")
    ascii_labels = [
        label
        if label.isascii()
        else "xn--" + unicodedata.normalize("NFC", label).lower().encode("punycode").decode()
        for label in labels
    ]
    return Address(address.display_name, address.username, ".".join(ascii_labels))


def _subject(text: str) -> str:
    """The subject as the header holds it: on one line (line breaks could start another
    header), folded at 78 characters, non-ASCII text as RFC 2047 encoded words that keep
    their spaces inside them."""
    line = " ".join(text.split())
    charset = "us-ascii" if line.isascii() else "utf-8"
    return Header(line, charset, header_name="Subject").encode(linesep="\n")


_LINE = 78  # the longest header line RFC 5322 recommends
_NAME = ' name="'


def _content_type(part: EmailMessage, filename: str) -> str:
    """The attachment's Content-Type as the header holds it, with the file name in ``name``
    on a line of its own: quoted, where it is not ASCII or too long for the line as RFC 2047
    encoded words, one a line (else Python refolds the header into RFC 2231 again)."""
    params = "".join(f'; {key}="{value}"' for key, value in part["Content-Type"].params.items())
    name = filename.replace("\\", "\\\\").replace('"', '\\"')
    if not name.isascii() or len(_NAME) + len(name) + 1 > _LINE:
        name = Header(filename, "utf-8").encode(maxlinelen=_LINE - len(_NAME) - 2)
    return f'{part.get_content_type()}{params};\n{_NAME}{name}"'


def _recipients(header: str, addresses: Sequence[Address]) -> str:
    """The mailboxes as the ``header`` (From, To, Bcc) holds them: ASCII, folded only between
    words."""
    prefix = f"{header}: "
    words: list[str] = []
    for n, address in enumerate(addresses):
        comma = "," if n < len(addresses) - 1 else ""
        name = " ".join(address.display_name.split())
        if not name:
            words.append(address.addr_spec + comma)
            continue
        if name.isascii():
            words += display_name(name).split(" ")
        else:
            # each encoded word fits beside "From: " on the first line (else Python refolds
            # the header and breaks a word: "Universitätssta dt")
            words += Header(name, "utf-8").encode(maxlinelen=_LINE - len(prefix)).split()
        words.append(f"<{address.addr_spec}>{comma}")
    lines = [""]
    used = len(prefix)
    for word in words:
        if lines[-1] and used + 1 + len(word) > _LINE:
            lines.append("")
            used = 0
        if lines[-1] or len(lines) > 1:
            lines[-1] += " "
            used += 1
        lines[-1] += word
        used += len(word)
    return "\n".join(line.removeprefix(" ") if i == 0 else line for i, line in enumerate(lines))
