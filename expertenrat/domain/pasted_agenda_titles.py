"""A line of an agenda pasted as an item's title: a table or a numbered list of Word copies
the item's number and a tab before its title ("TOP 3<Tab>Genehmigung der Tagesordnung",
"3.<Tab>Genehmigung …"), and a typed agenda "TOP 3: Genehmigung …". The program numbers the
items itself: kept, the number stood twice in the invitation and the minutes ("TOP 3 TOP 3
Genehmigung …", found by a tester) and stayed 3 where the item moved."""

from __future__ import annotations

import re

from expertenrat.domain.text_characters import pasted_line

_NUMBER = r"\d{1,2}(?:\.\d{1,2})*"
_KEYWORD = r"(?:TOP|Tagesordnungspunkt)\s*"
# "TOP 3" (or a bare "3.", "3.1", "3)") and a tab; or "TOP 3" and a colon or a dash.
_OWN_NUMBER = re.compile(
    rf"\A\s*(?:(?:{_KEYWORD})?{_NUMBER}[.:)]?[ ]*\t|{_KEYWORD}{_NUMBER}\.?\s*[:–—-]\s)\s*(?=\S)",
    re.IGNORECASE,
)


def pasted_title(text: str) -> str:
    """``text`` as pasted into an item's title: as any one-line paste
    (:func:`~expertenrat.domain.text_characters.pasted_line`), without a number of the
    agenda it was copied from before it."""
    return pasted_line(_OWN_NUMBER.sub("", text, count=1))
