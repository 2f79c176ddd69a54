"""The secretariat's own follow-through after a meeting, as the Übersicht names it: the
draft minutes to send within the council's period (``CouncilSettings.minutes_draft_weeks``,
0 = no period), and the recommendations adopted but not yet sent to the projects, with
how long they wait."""

from __future__ import annotations

from datetime import date, timedelta

from expertenrat.domain.wording import since_days

DEFAULT_MINUTES_DRAFT_WEEKS = 4
"""German councils mostly send the draft minutes two to four weeks after the meeting; a
new council starts with the generous end, which it can shorten or switch off (0)."""
DRAFT_DUE_WINDOW = timedelta(days=7)  # the Übersicht names the deadline this early


def draft_due_on(meeting_day: date, weeks: int) -> date | None:
    """The last day to send the draft minutes of a meeting held on ``meeting_day``;
    ``None`` where the council sets no period (``weeks`` 0)."""
    return meeting_day + timedelta(weeks=weeks) if weeks > 0 else None


def draft_sending_state(
    meeting_day: date, weeks: int, today: date, finish: str = ""
) -> tuple[str, bool]:
    """What the Übersicht says of draft minutes not yet sent, and whether that is late:
    "Entwurf seit 8 Monaten offen, Versand war bis 09.04.2026 fällig" past the last day
    (urgent); "noch nicht versandt, Versand bis 09.04.2026 fällig" (or "heute fällig")
    from :data:`DRAFT_DUE_WINDOW` before it; else "noch nicht versandt". ``finish``: a
    finished draft's state ("abgeschlossen am 20.03.2026"), named instead of how long the
    draft is open ("Entwurf abgeschlossen am 20.03.2026, noch nicht versandt, …")."""
    due = draft_due_on(meeting_day, weeks)
    state = f"Entwurf {finish}, noch nicht versandt" if finish else "noch nicht versandt"
    if due is not None and due < today:
        if not finish:
            state = f"Entwurf {since_days((today - meeting_day).days)} offen"
        return f"{state}, Versand war bis {due:%d.%m.%Y} fällig", True
    if due is None or due - today > DRAFT_DUE_WINDOW:
        return state, False
    when = "heute fällig" if due == today else f"bis {due:%d.%m.%Y} fällig"
    return f"{state}, Versand {when}", False


def adopted_waiting(adopted_on: date | None, weeks: int, today: date) -> tuple[str, str]:
    """How long a recommendation adopted on ``adopted_on`` has waited to be sent to the
    projects ("seit 17 Monaten beschlossen (am 12.06.2025)", "heute beschlossen"), and, if
    that is late, the words saying so ("Übermittlung war bis 10.07.2025 fällig"; else ""):
    late past the day its meeting's draft minutes were due (:func:`draft_due_on`), by when
    its wording is written down and nothing else holds it back; never with no period set or
    no day of adoption. The Übersicht's red alone said nothing to a screen reader or to
    someone who cannot tell red (found by a tester)."""
    if adopted_on is None:
        return "", ""
    days = (today - adopted_on).days
    if days <= 0:
        text = "heute beschlossen" if days == 0 else f"am {adopted_on:%d.%m.%Y} beschlossen"
        return text, ""
    due = draft_due_on(adopted_on, weeks)
    late = f"Übermittlung war bis {due:%d.%m.%Y} fällig" if due is not None and due < today else ""
    return f"{since_days(days)} beschlossen (am {adopted_on:%d.%m.%Y})", late
