"""E-mail addresses: the plausibility check of every address field, the stricter one of the
address the secretariat sends from, and members as a list of mail recipients
(``Name <mail>; …``) that mail programs accept."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from expertenrat.domain.members import Member

# RFC 5322 "specials": a display name containing one of them must be a quoted string.
_SPECIALS = set('()<>[]:;@\\,."')


def looks_like_email(text: str) -> bool:
    """``name@host.tld``: one @, no blanks, a dot in the host with two characters after it.

    Linear in the length of ``text``; a backtracking regular expression took seconds here.
    """
    local, at, host = text.partition("@")
    if not local or not at or "@" in host or text.split() != [text]:
        return False
    dot = host.find(".", 1)
    return dot != -1 and len(host) - dot > 2


def without_mailto(text: str) -> str:
    """``text`` without the "mailto:" (in any case) of a link it was copied from, and
    without that link's "?subject=…": "mailto:anna@example.org" is "anna@example.org".
    Taken as an address it would go into every invitation draft (found by a tester)."""
    if text[:7].casefold() != "mailto:":
        return text
    return text[7:].partition("?")[0].strip()


def bare_address(text: str) -> str:
    """``text`` without a link's "mailto:" (:func:`without_mailto`) and without the angle
    brackets a mail program copies an address in: "<anna@example.org>" is
    "anna@example.org". The check of an address field lets the brackets through (it keeps
    the old pattern's answers), and "Anna <<anna@example.org>>" in every invitation draft
    was no address (found by a tester)."""
    text = without_mailto(text)
    if text.endswith((";", ",")) and looks_like_email(text[:-1].strip()):
        # the separator of a list of recipients it was copied from: as it stood, the
        # invitation drafts held "Anna Berg <anna@example.org;>" (found by a tester)
        text = text[:-1].strip()
    if text.startswith("<") and text.endswith(">"):
        return text[1:-1].strip()
    return text


def address_problem(text: str) -> str:
    """Why ``text`` (cleaned, :func:`bare_address`) is no e-mail address of a person, in
    German, naming the address meant where a mail program copied it with its name ("Anna
    Berg <anna@example.org>"; found by a tester: only "sieht nicht gültig aus" was said,
    and the address had to be picked out by hand); "" for an address or nothing."""
    if not text or looks_like_email(text):
        return ""
    start, end = text.rfind("<"), text.rfind(">")
    inner = text[start + 1 : end].strip() if 0 <= start < end else ""
    if looks_like_email(inner) and text.count("@") == 1:
        return (
            "Bitte tragen Sie nur die E-Mail-Adresse ein, ohne Namen und spitze Klammern: "
            f"„{inner}“."
        )
    if sum(looks_like_email(part) for part in re.split(r"[\s,;]+", text)) > 1:
        return "Bitte tragen Sie nur eine E-Mail-Adresse ein."
    return "Die E-Mail-Adresse sieht nicht gültig aus (name@beispiel.de)."


# What an unquoted local part (RFC 5322 dot-atom) and a host name cannot hold.
_NOT_IN_LOCAL = set('()<>[]:;@\\,"')
_HOST_LABEL = re.compile(r"^[^\W_](?:(?:[^\W_]|-)*[^\W_])?$")


def is_sender_address(text: str) -> bool:
    """Whether ``text`` is one address a mail header holds as it is ("gs@stadt.de",
    "post@müller.de"): a dot-atom before the @ and a host name of letters, digits and
    hyphens after it."""
    if not looks_like_email(text) or not text.isprintable():
        return False
    local, _, host = text.partition("@")
    if _NOT_IN_LOCAL & set(local) or "" in local.split("."):
        return False
    return all(_HOST_LABEL.match(label) for label in host.split("."))


SENDER_EXAMPLE = "geschaeftsstelle@stadt.de"


def sender_address_problem(text: str) -> str:
    """Why ``text`` (without surrounding spaces) is not one address that e-mail drafts can
    be sent from, in German, naming the address meant where it can be seen; "" if it is
    one, or empty."""
    if not text or is_sender_address(text):
        return ""
    address = without_mailto(text)
    if address != text and is_sender_address(address):
        return (
            "Bitte tragen Sie die E-Mail-Adresse der Geschäftsstelle ohne „mailto:“ ein: "
            f"„{address}“."
        )
    start, end = text.rfind("<"), text.rfind(">")
    inner = text[start + 1 : end].strip() if 0 <= start < end else ""
    if is_sender_address(inner):
        return (
            "Bitte tragen Sie als E-Mail-Adresse der Geschäftsstelle nur die Adresse ein, "
            f"ohne Namen und spitze Klammern: „{inner}“ (als Absender steht der Name des "
            "Gremiums davor)."
        )
    if sum(looks_like_email(part) for part in re.split(r"[\s,;]+", text)) > 1:
        return (
            "Bitte tragen Sie als E-Mail-Adresse der Geschäftsstelle nur eine Adresse ein: "
            "das Postfach, von dem die Geschäftsstelle ihre E-Mails sendet."
        )
    return (
        f"Die E-Mail-Adresse der Geschäftsstelle sieht nicht gültig aus (z. B. {SENDER_EXAMPLE})."
    )


def display_name(name: str) -> str:
    """``name`` as an RFC 5322 display name: quoted (with \\ and " escaped) when needed."""
    name = " ".join(name.split())  # no line breaks or tabs inside an address
    if not name or not (_SPECIALS & set(name)):
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def mailbox(name: str, email: str) -> str:
    """``name`` and ``email`` as one mailbox of a recipient list or mail header."""
    shown = display_name(name)
    address = _quoted_local_part(email)
    return f"{shown} <{address}>" if shown else address


def _quoted_local_part(email: str) -> str:
    """``email`` with a local part that holds a character RFC 5322 sets apart as a quoted
    string (``"a,b"@x.de``). The check of an address field lets such characters through,
    and as they stood, one stored address "x>,evil<y@x.de" made two recipients of a
    draft, one of them never typed for anyone, and a '"' took the recipients after it into
    one broken address, so that they were never invited (found by a tester)."""
    local, at, host = email.rpartition("@")
    if not at or not _NOT_IN_LOCAL & set(local):
        return email
    return '"' + local.replace("\\", "\\\\").replace('"', '\\"') + '"@' + host


@dataclass(frozen=True, slots=True)
class Recipients:
    text: str  # "Name <mail>; …"
    count: int
    without_email: int


def recipients(members: Iterable[Member]) -> Recipients:
    """The mailboxes of ``members`` in their order; members without e-mail are skipped, and
    an address already listed (a person's two terms) is not listed again."""
    boxes: list[str] = []
    seen: set[str] = set()
    skipped = 0
    for member in members:
        email = member.email.strip()
        if not email:
            skipped += 1
            continue
        if email.casefold() in seen:
            continue
        seen.add(email.casefold())
        name = " ".join(p for p in (member.given_name, member.family_name) if p.strip())
        boxes.append(mailbox(name, email))
    return Recipients("; ".join(boxes), len(boxes), skipped)
