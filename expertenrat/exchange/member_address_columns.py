"""The columns of a postal address a member list keeps apart, as one made for a Word mail
merge does: Straße, Hausnummer, PLZ, Ort. Where a file has a street column or one
"Postanschrift" ("Anschrift"), they are read as the member's Postanschrift, "Große Str. 1"
over "18055 Rostock", after the Postanschrift's own text; else they are columns not read.
Such a list's addresses were left out (found by a tester); beside "Anschrift", "PLZ" and
"Ort" were left out, the address kept without its town (found by a tester)."""

from __future__ import annotations

import re

ADDRESS_PARTS: dict[str, tuple[str, ...]] = {
    "street": ("Straße", "Strasse", "Str.", "Straße und Hausnummer", "Straße, Hausnummer"),
    "house_number": ("Hausnummer", "Hausnr.", "Haus-Nr."),
    "postcode": ("PLZ", "Postleitzahl"),
    "town": ("Ort", "Wohnort", "Stadt"),
}
"""The key of each part of an address and the names of its column, the first as messages
name it; the parts in the order the address writes them."""

PART_NAMES = {key: names[0] for key, names in ADDRESS_PARTS.items()}


def joined_address(parts: dict[str, str], written: str = "") -> str:
    """The address of ``parts`` (key to text): street and house number on the first line,
    postcode and town on the second; an empty part or line left out. ``written``, the text
    of a column "Postanschrift" beside the parts, comes first, and a part it already holds
    as a word of its own ("18055" in "Markt 1, 18055 Rostock") is not repeated."""
    values = [
        "" if _holds(written, value) else value
        for value in (parts.get(key, "").strip() for key in ADDRESS_PARTS)
    ]
    lines = (written, " ".join(filter(None, values[:2])), " ".join(filter(None, values[2:])))
    return "\n".join(filter(None, lines))


def _holds(text: str, value: str) -> bool:
    """Whether ``text`` holds ``value`` as words of their own, case aside."""
    pattern = rf"(?<!\w){re.escape(value)}(?!\w)"
    return bool(value) and re.search(pattern, text, re.IGNORECASE) is not None
