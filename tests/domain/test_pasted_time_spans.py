"""The time a meeting lasts, pasted into a time field (found by a tester: "16:00–18:00 Uhr"
was refused as no time)."""

from __future__ import annotations

import pytest

from expertenrat.domain.pasted_time_spans import span_times


@pytest.mark.parametrize(
    ("copied", "times"),
    [
        ("16:00–18:00 Uhr", ("16:00 Uhr", "18:00 Uhr")),
        ("16:00 - 18:00", ("16:00", "18:00")),
        ("16.00 Uhr – 18.30 Uhr", ("16.00 Uhr", "18.30 Uhr")),
        ("von 16 bis 18 Uhr", ("16 Uhr", "18 Uhr")),
        ("16-18 Uhr", ("16 Uhr", "18 Uhr")),
        ("4–6 PM", ("4 PM", "6 PM")),
        ("11 a.m. – 1 p.m.", ("11 a.m.", "1 p.m.")),
    ],
)
def test_a_span_is_read_as_its_start_and_end(copied: str, times: tuple[str, str]) -> None:
    assert span_times(copied) == times


@pytest.mark.parametrize("copied", ["16:00 Uhr", "16:00–", "ab 16 Uhr", "16–18 Uhr und 19 Uhr"])
def test_what_is_no_span_is_none(copied: str) -> None:
    assert span_times(copied) is None
