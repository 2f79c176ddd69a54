"""The basics of the OParl export: schema and vendor prefix, the base URL check, stable
derived ids, the tree of files, and the pages of a list."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from expertenrat.domain.errors import ExpertenratError

SCHEMA = "https://schema.oparl.org/1.1/"
VENDOR = "expertenrat:"
PAGE_SIZE = 100
_NAMESPACE = uuid.UUID("6f1c2d4e-8a47-4f0b-9a53-2b7e5d0c9e11")


class BaseUrlError(ExpertenratError):
    """The base URL cannot carry an OParl tree; the message says why, in German."""


# What RFC 3986 lets stand in a URL as it is (letters and digits aside); anything else
# (quotes, <>, spaces, umlauts …) has to be percent-encoded.
_URL_CHARACTERS = frozenset("-._~:/?#[]@!$&'()*+,;=%")
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def check_base_url(text: str) -> str:
    """The base URL without a trailing slash: https, a host and a port a server can have,
    no user name or password, no query or fragment, no "." or ".." in the path, only
    characters a URL may hold (the base URL is the start of every public id of the
    export)."""
    cleaned = text.strip().rstrip("/")
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        # brackets that do not enclose an IPv6 address, or a server name with a character
        # such as "℀" (that urlsplit refuses): that one is named as any foreign character
        _refuse_foreign_characters(text, cleaned)
        raise BaseUrlError(
            f"Die Basis-Adresse „{text}“ ist keine gültige Internet-Adresse: die eckigen "
            "Klammern um den Server (für eine IPv6-Adresse wie [2001:db8::1]) stimmen nicht."
        ) from None
    if parts.scheme != "https":
        raise BaseUrlError(
            f"Die Basis-Adresse „{text}“ muss mit https:// beginnen: OParl verlangt "
            "verschlüsselte Verbindungen."
        )
    if any(c.isspace() for c in cleaned):
        raise BaseUrlError(f"Die Basis-Adresse „{text}“ enthält Leerzeichen.")
    _refuse_foreign_characters(text, cleaned)
    if _PERCENT.search(cleaned):
        raise BaseUrlError(
            f"Die Basis-Adresse „{text}“ enthält ein %, dem nicht zwei Hexadezimalziffern "
            "folgen (z. B. %20)."
        )
    if "@" in parts.netloc:
        raise BaseUrlError(
            f"Die Basis-Adresse „{text}“ darf keinen Benutzernamen und kein Passwort "
            "enthalten: sie steht in jeder öffentlichen Kennung des Exports."
        )
    if not parts.hostname:
        raise BaseUrlError(f"Die Basis-Adresse „{text}“ nennt keinen Server.")
    port = _port(text, parts.netloc)
    if port is not None and not 1 <= port <= 65535:
        raise BaseUrlError(
            f"Die Basis-Adresse „{text}“ nennt den Port {port}; ein Port liegt zwischen "
            "1 und 65535."
        )
    if parts.query or parts.fragment or "?" in cleaned or "#" in cleaned:
        raise BaseUrlError(
            f"Die Basis-Adresse „{text}“ darf keine Abfrage (?…) und keinen Anker (#…) enthalten."
        )
    if any(segment in (".", "..") for segment in parts.path.split("/")):
        raise BaseUrlError(  # every client drops them: no id would be the address it names
            f"Die Basis-Adresse „{text}“ enthält „.“ oder „..“ als Teil des Pfades. Bitte "
            "geben Sie den Pfad ohne sie an, so wie die Adresse im Browser erscheint."
        )
    return cleaned


def _refuse_foreign_characters(text: str, cleaned: str) -> None:
    """Refuse ``text`` if it holds characters a URL may not (quotes, umlauts …)."""
    foreign = sorted(
        {c for c in cleaned if not (c.isascii() and c.isalnum()) and c not in _URL_CHARACTERS}
    )
    if foreign:
        shown = ", ".join(f"„{c}“" for c in foreign)
        raise BaseUrlError(
            f"Die Basis-Adresse „{text}“ enthält Zeichen, die in einer Internet-Adresse "
            f"nicht stehen dürfen: {shown}. Bitte schreiben Sie sie kodiert (z. B. %22 für "
            "ein Anführungszeichen, %C3%BC für ü; einen Servernamen mit Umlaut in der Form "
            "xn--…)."
        )


def _port(text: str, netloc: str) -> int | None:
    """The port after the host ("x.de:8443", "[::1]:8443"); ``None`` if none is given."""
    after_host = netloc.rsplit("]", 1)[-1] if netloc.startswith("[") else netloc
    _, colon, port = after_host.partition(":")
    if not colon:
        return None
    if not port.isdigit():
        raise BaseUrlError(
            f"Die Basis-Adresse „{text}“ nennt nach dem Servernamen „:{port}“; dort steht "
            "ein Port aus Ziffern (z. B. :8443) oder nichts."
        )
    return int(port)


def derived_key(*parts: str) -> str:
    """A stable UUID for an object without a public id of its own (council, location …)."""
    return str(uuid.uuid5(_NAMESPACE, "|".join(parts)))


@dataclass
class OParlTree:
    """The tree as relative paths: JSON objects and file contents (bytes)."""

    base_url: str
    documents: dict[str, dict] = field(default_factory=dict)
    contents: dict[str, bytes] = field(default_factory=dict)

    def path(self, url: str) -> str:
        return url[len(self.base_url) + 1 :]


def add_list(tree: OParlTree, stem_url: str, objects: list[dict]) -> None:
    """The pages of a list: ``{stem}.json``, ``{stem}-2.json`` …; one empty page if none."""
    pages = max(1, -(-len(objects) // PAGE_SIZE))

    def page_url(n: int) -> str:
        return f"{stem_url}.json" if n == 1 else f"{stem_url}-{n}.json"

    for n in range(1, pages + 1):
        links = {"first": page_url(1), "last": page_url(pages), "self": page_url(n)}
        if n > 1:
            links["prev"] = page_url(n - 1)
        if n < pages:
            links["next"] = page_url(n + 1)
        tree.documents[tree.path(page_url(n))] = {
            "data": objects[(n - 1) * PAGE_SIZE : n * PAGE_SIZE],
            "pagination": {
                "totalElements": len(objects),
                "elementsPerPage": PAGE_SIZE,
                "currentPage": n,
                "totalPages": pages,
            },
            "links": links,
        }


def utc_text(moment: datetime) -> str:
    """A naive UTC timestamp as ISO 8601 with its offset: 2026-11-27T09:30:00+00:00."""
    return moment.replace(tzinfo=None).isoformat(timespec="seconds") + "+00:00"
