"""E-mail addresses: the plausibility check of every address field, and members as a list
of mail recipients (``Name <mail>; …``) that mail programs accept."""

from __future__ import annotations

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


def display_name(name: str) -> str:
    """``name`` as an RFC 5322 display name: quoted (with \\ and " escaped) when needed."""
    name = " ".join(name.split())  # no line breaks or tabs inside an address
    if not name or not (_SPECIALS & set(name)):
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def mailbox(name: str, email: str) -> str:
    shown = display_name(name)
    return f"{shown} <{email}>" if shown else email


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
