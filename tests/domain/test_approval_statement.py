"""The approval note of approved minutes names the day once where the meeting approved them
on its own day (before: "Genehmigt am 15.01.2026 in der 5. Sitzung am 15.01.2026.")."""

from __future__ import annotations

from datetime import date

from expertenrat.domain.minutes_document import ApprovalStamp


def test_approved_on_the_meeting_s_day_names_the_day_once() -> None:
    stamp = ApprovalStamp(date(2026, 1, 15), "5. Sitzung am 15.01.2026", "ab" * 32)
    assert stamp.statement == "Genehmigt in der 5. Sitzung am 15.01.2026."


def test_approved_after_the_meeting_names_both_days() -> None:
    stamp = ApprovalStamp(date(2026, 1, 20), "5. Sitzung am 15.01.2026", "ab" * 32)
    assert stamp.statement == "Genehmigt am 20.01.2026 in der 5. Sitzung am 15.01.2026."


def test_approved_in_no_known_meeting_names_the_day_alone() -> None:
    """(found by a tester) Minutes approved before schema 0012 (or whose approving meeting
    was deleted) know no approving meeting: their PDF said "Genehmigt am 15.04.2025 in der
    Sitzung."."""
    stamp = ApprovalStamp(date(2025, 4, 15), "", "ab" * 32)
    assert stamp.statement == "Genehmigt am 15.04.2025."
