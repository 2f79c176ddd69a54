from datetime import date

from expertenrat.domain.minutes_objections import late_note

DUE = date(2026, 2, 9)


def test_an_objection_after_the_deadline_is_noted_as_late() -> None:
    assert late_note(date(2026, 12, 4), DUE) == (
        "nach Ablauf der Frist (bis 09.02.2026) eingegangen"
    )


def test_an_objection_until_the_deadline_or_without_one_is_in_time() -> None:
    assert late_note(DUE, DUE) == ""
    assert late_note(date(2026, 1, 20), DUE) == ""
    assert late_note(date(2026, 12, 4), None) == ""
