"""A meeting's online link as pasted: an e-mail in plain text copies a link in angle
brackets ("<https://…>"), a line of a Teams or Zoom invitation with the words before it
("Jetzt an der Besprechung teilnehmen <https://…>"), a sentence with its full stop after
it. Pasted so, the link was refused as "Der Link muss mit https:// oder http://
beginnen", though it plainly did (found by a tester); the address alone is what the field
is for."""

from __future__ import annotations

import re

from expertenrat.domain.text_characters import pasted_line

# A web address up to what cannot be in one (white space, quotation marks, angle brackets).
_ADDRESS = re.compile(r"https?://[^\s<>\"„“”«»]+", re.IGNORECASE)
# Punctuation of the sentence after it, not the address's ("….de/x." "(https://….de/x)").
_AFTER_ADDRESS = ".,;:!?)]’'"


def pasted_link(text: str) -> str:
    """``text`` as pasted into a link field: as any one-line paste
    (:func:`~expertenrat.domain.text_characters.pasted_line`); where it holds one web
    address, that address alone. Text with none or several (a whole invitation: which is
    the meeting's?) is left as it is, for the field's check to say what is wrong."""
    line = pasted_line(text)
    addresses = _ADDRESS.findall(line)
    if len(addresses) != 1:
        return line
    address = addresses[0]
    # a link of Wikipedia's kind keeps its closing bracket: "…/Rostock_(Begriffsklärung)"
    after = _AFTER_ADDRESS.replace(")", "") if "(" in address else _AFTER_ADDRESS
    return address.rstrip(after)
