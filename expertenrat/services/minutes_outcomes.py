"""What became of an agenda item in the meeting, as its minutes record it: dealt with
("beraten", the default), postponed ("vertagt") or taken off the agenda ("abgesetzt").

It is part of the minutes like the votes: set while they are a draft (changing it after
"Entwurf abschließen" puts the draft in the works again, as any change of the content
does), refused once they are approved (:meth:`MinutesService._load_for_change`), and
audited as a change of the item's minutes. An approval of minutes put off goes on the
next planned agenda (:mod:`services.approval_carry`).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from expertenrat.domain.enums import AgendaItemOutcome, AuditAction
from expertenrat.domain.errors import ConcurrentEditError
from expertenrat.domain.wording import isolated
from expertenrat.services import audit
from expertenrat.services.approval_carry import carry_put_off_approvals, put_off_ids
from expertenrat.services.minutes_rows import label_of
from expertenrat.store import models

WHAT = "Die Behandlung des Tagesordnungspunkts"


def set_outcome(
    session: Session,
    actor: str,
    meeting: models.Meeting,
    row: models.AgendaItem,
    outcome: AgendaItemOutcome,
    replacing: AgendaItemOutcome,
) -> str:
    """Record ``outcome`` for the item ``row`` in ``session``'s transaction; ``replacing``
    is the outcome the caller read (another PC set another one meanwhile: nothing is saved,
    :class:`ConcurrentEditError`). Returns a German note of what that did to a later
    agenda ("" for nothing: :func:`carry_put_off_approvals`)."""
    stored = AgendaItemOutcome(row.outcome)
    if stored is not replacing:
        raise ConcurrentEditError(f"{WHAT} (TOP {row.number})")
    if stored is outcome:
        return ""
    before = put_off_ids(session, meeting)
    row.outcome = outcome.value
    session.flush()
    audit.record(
        session, actor, AuditAction.UPDATE, "agenda_item_minutes", row.id,
        council_id=meeting.council_id,
        summary=f"Protokoll zu TOP {row.number} „{row.title}“ der "
        f"{label_of(meeting, isolated)}: {outcome.label}",
        before={"outcome": stored.value}, after={"outcome": outcome.value},
    )  # fmt: skip
    return carry_put_off_approvals(session, meeting, before, actor)
