"""The secretariat's follow-through: when draft minutes are due and late, and how long an
adopted recommendation waits to be sent."""

from __future__ import annotations

from datetime import date

from expertenrat.domain.follow_through import adopted_waiting, draft_due_on, draft_sending_state

HELD = date(2026, 3, 10)  # a Tuesday; four weeks later: 07.04.2026


def test_the_draft_is_due_the_set_weeks_after_the_meeting_and_never_without_a_period():
    assert draft_due_on(HELD, 4) == date(2026, 4, 7)
    assert draft_due_on(HELD, 1) == date(2026, 3, 17)
    assert draft_due_on(HELD, 0) is None


def test_a_draft_is_named_plainly_until_a_week_before_its_last_day():
    assert draft_sending_state(HELD, 4, date(2026, 3, 30)) == ("noch nicht versandt", False)
    assert draft_sending_state(HELD, 4, date(2026, 3, 31)) == (
        "noch nicht versandt, Versand bis 07.04.2026 fällig",
        False,
    )
    assert draft_sending_state(HELD, 4, date(2026, 4, 7)) == (
        "noch nicht versandt, Versand heute fällig",
        False,
    )


def test_a_draft_is_late_the_day_after_its_last_day_and_says_how_long_it_is_open():
    assert draft_sending_state(HELD, 4, date(2026, 4, 8)) == (
        "Entwurf seit 29 Tagen offen, Versand war bis 07.04.2026 fällig",
        True,
    )
    text, late = draft_sending_state(
        HELD, 4, date(2026, 11, 20), finish="abgeschlossen am 20.03.2026"
    )
    assert late
    assert text == (
        "Entwurf abgeschlossen am 20.03.2026, noch nicht versandt, "
        "Versand war bis 07.04.2026 fällig"
    )
    assert draft_sending_state(HELD, 4, date(2026, 11, 20))[0] == (
        "Entwurf seit 8 Monaten offen, Versand war bis 07.04.2026 fällig"
    )


def test_without_a_period_a_draft_is_never_late_but_its_state_is_kept():
    assert draft_sending_state(HELD, 0, date(2027, 3, 10), "abgeschlossen am 20.03.2026") == (
        "Entwurf abgeschlossen am 20.03.2026, noch nicht versandt",
        False,
    )


def test_an_adopted_recommendation_says_how_long_it_waits_and_is_late_with_the_draft():
    assert adopted_waiting(HELD, 4, HELD) == ("heute beschlossen", "")
    assert adopted_waiting(HELD, 4, date(2026, 4, 7)) == (
        "seit 28 Tagen beschlossen (am 10.03.2026)",
        "",
    )
    # late in words, not only in the Übersicht's red (found by a tester)
    assert adopted_waiting(HELD, 4, date(2026, 4, 8)) == (
        "seit 29 Tagen beschlossen (am 10.03.2026)",
        "Übermittlung war bis 07.04.2026 fällig",
    )
    assert adopted_waiting(date(2025, 6, 12), 4, date(2026, 11, 20)) == (
        "seit über einem Jahr beschlossen (am 12.06.2025)",
        "Übermittlung war bis 10.07.2025 fällig",
    )


def test_an_adopted_recommendation_without_a_period_or_a_day_is_never_late():
    assert adopted_waiting(HELD, 0, date(2027, 3, 10)) == (
        "seit einem Jahr beschlossen (am 10.03.2026)",
        "",
    )
    assert adopted_waiting(None, 4, HELD) == ("", "")
    assert adopted_waiting(date(2026, 3, 11), 4, HELD) == ("am 11.03.2026 beschlossen", "")
