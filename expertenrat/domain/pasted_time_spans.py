"""The time a meeting lasts, as an invitation or a mail writes it ("16:00–18:00 Uhr", "16
bis 18 Uhr", "von 16.00 bis 18.00", "4–6 PM"), pasted into a time field: refused as no time
that can be read, though a date field takes a date followed by it (found by a tester). Read
here as the two times it names, each as a time field reads one; the field takes its own
and puts the other beside it (:mod:`expertenrat.ui.time_fields`)."""

from __future__ import annotations

import re

_CLOCK = r"\d{1,2}(?:[:.]\d{2}(?::\d{2})?)?"
_HALF_OF_DAY = r"(?:Uhr|[ap]\.?\s*m\.?)"
_SPAN = re.compile(
    rf"\s*(?:von\s+)?(?P<start>{_CLOCK})\s*(?P<start_half>{_HALF_OF_DAY})?"
    rf"\s*(?:[-–—]|bis)\s*(?P<end>{_CLOCK})\s*(?P<end_half>{_HALF_OF_DAY})?\s*",
    re.IGNORECASE,
)


def span_times(text: str) -> tuple[str, str] | None:
    """``text`` as the start and the end of a time span, each as a time is written alone,
    the "Uhr" or "PM" after the end also after the start ("4–6 PM": "4 PM", "6 PM");
    ``None`` where ``text`` is no span."""
    found = _SPAN.fullmatch(text)
    if found is None:
        return None
    end_half = found["end_half"] or ""
    start_half = found["start_half"] or end_half
    return f"{found['start']} {start_half}".strip(), f"{found['end']} {end_half}".strip()
