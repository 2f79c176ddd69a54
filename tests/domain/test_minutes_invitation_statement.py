"""The Feststellungen line about the invitation reads as German: "Ladungsfrist von 14
Tagen" (before: "Ladungsfrist 14 Tagen", a dative without its preposition)."""

from __future__ import annotations

from datetime import date

import pytest

from expertenrat.domain.minutes_document import Invitation

MEETING_DAY = date(2026, 3, 19)


@pytest.mark.parametrize(("days", "period"), [(14, "von 14 Tagen"), (1, "von 1 Tag")])
def test_a_timely_invitation_names_the_notice_period_with_its_preposition(days, period) -> None:
    statement = Invitation(date(2026, 3, 1), days).statement(MEETING_DAY)

    assert statement == (
        "Die Einladung wurde am 01.03.2026 versandt; sie erfolgte form- und fristgerecht "
        f"(Ladungsfrist {period})."
    )


def test_a_late_invitation_says_the_notice_period_was_not_kept() -> None:
    statement = Invitation(date(2026, 3, 12), 14).statement(MEETING_DAY)

    assert statement == (
        "Die Einladung wurde am 12.03.2026 versandt; die Ladungsfrist von 14 Tagen wurde "
        "nicht gewahrt."
    )


def test_a_council_without_a_notice_period_states_no_period_of_0_days() -> None:
    """(found by a tester) the minutes read "form- und fristgerecht (Ladungsfrist von 0
    Tagen)" for a council without a notice period, as the letter once did."""
    assert Invitation(date(2026, 3, 1), 0).statement(MEETING_DAY) == (
        "Die Einladung wurde am 01.03.2026 versandt; sie erfolgte formgerecht."
    )
    assert Invitation(date(2026, 3, 20), 0).statement(MEETING_DAY) == (
        "Die Einladung wurde am 20.03.2026 versandt, nach der Sitzung."
    )
