"""A phone number as pasted from an e-mail's signature or a web page: it comes with its
label ("Tel.: +49 381 381-1234", "Telefon 0381 123"), which the documents set before it
themselves; kept, the roster printed "Tel. Tel.: +49 381 381-1234" (found by a tester)."""

from __future__ import annotations

import re

from expertenrat.domain.text_characters import pasted_line

# "Tel.", "Tel:", "Telefon", "Phone", "Fon" and the "T:" of a short signature, before the
# number's first digit, "+" or "(". Not "Mobil" or "Fax": they say which number it is.
_LABEL = re.compile(
    r"\A\s*(?:(?:Tel(?:efon)?|Phone|Fon)\.?\s*:?|T\s*[.:])\s*(?=\(?[+\d])", re.IGNORECASE
)


def without_phone_label(text: str) -> str:
    """``text`` without the label a phone number was copied with."""
    return _LABEL.sub("", text, count=1)


def pasted_phone(text: str) -> str:
    """``text`` as pasted into a phone field: as any one-line paste
    (:func:`~expertenrat.domain.text_characters.pasted_line`), without its label."""
    return without_phone_label(pasted_line(text))
