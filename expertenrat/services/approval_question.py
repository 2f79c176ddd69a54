"""Whether a meeting's agenda has an item to record the approval of earlier minutes
under, and whether it put that approval off: the questions asked before an approval is
recorded for a meeting."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.earlier_minutes import put_off_approval
from expertenrat.services import agenda_rows
from expertenrat.services.approval_meetings import earlier_held
from expertenrat.services.approval_put_off import approval_put_off, previous_held
from expertenrat.services.approval_titles import GENERIC_APPROVAL_TITLE, approval_prefix
from expertenrat.store import models


def approval_question(session: Session, approved: models.Meeting, approving: models.Meeting) -> str:
    """A German question where the agenda of ``approving`` has no item approving
    ``approved``'s minutes (one titled "Genehmigung des Protokolls der 6. Sitzung …", or the
    generic "… der letzten Sitzung" where ``approved`` is the last held before it): the
    approval then stands in its minutes with no TOP to record it under. "" where one is."""
    prefix = approval_prefix(approved)
    titles = session.scalars(
        select(models.AgendaItem.title).where(
            models.AgendaItem.meeting_id == approving.id,
            models.AgendaItem.deleted_at.is_(None),
        )
    )
    for title in titles:
        if title.startswith(prefix):
            return _put_off_question(session, approved, approving)
        if title == GENERIC_APPROVAL_TITLE and earlier_held(session, approving)[-1] is approved:
            return _put_off_question(session, approved, approving)
    name = agenda_rows.meeting_name(approving)
    return (
        f"Die Tagesordnung {name} hat keinen Punkt zur Genehmigung des Protokolls "
        f"{agenda_rows.meeting_name(approved)}. Die Genehmigung trotzdem für die "
        f"{name.removeprefix('der ')} erfassen?"
    )


def _put_off_question(session: Session, approved: models.Meeting, approving: models.Meeting) -> str:
    """A German question where ``approving`` recorded its item approving ``approved``'s
    minutes as "vertagt" or "abgesetzt" (found by a tester: the demo's 5th minutes were
    approved "in der 6. Sitzung" without a word, whose TOP 4 put the approval off and whose
    own minutes say so); "" where it dealt with the item."""
    outcome = approval_put_off(session, approving.id)
    if outcome is None or previous_held(session, approving) is not approved:
        return ""
    name = agenda_rows.meeting_name(approving).removeprefix("der ")
    return (
        f"Die {name} hat die Genehmigung des Protokolls {agenda_rows.meeting_name(approved)} "
        f"{put_off_approval(outcome)}; ihr Protokoll sagt es so. Die Genehmigung trotzdem "
        f"für die {name} erfassen?"
    )
