"""Whether a minutes draft is finished ("Entwurf abschließen"), and finishing or reopening it.

Finishing stores the day and the fingerprint of the minutes' content snapshot on the
meeting; a draft whose content differs since is in the works again (the editor offers to
finish it anew). The two columns are written by an UPDATE of their own, not through the
meeting's version: finishing changes nothing the meeting form or the Kopfdaten edit, so it
must not turn their next save into a conflict. Only a draft not sent yet counts as
finished (:func:`refuse_unless_a_draft`); finishing needs the completeness check green, and
finishing and reopening each get an audit entry.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import update
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction, MinutesState
from expertenrat.domain.errors import FieldProblem, ValidationError
from expertenrat.domain.minutes import DraftFinish
from expertenrat.domain.minutes_checklist_lines import Checklist
from expertenrat.domain.minutes_document import MinutesDocument
from expertenrat.domain.minutes_versions import fingerprint, snapshot_json
from expertenrat.domain.wording import isolated
from expertenrat.services import audit
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.minutes_checks import minutes_checklist, refuse_unless_complete
from expertenrat.services.minutes_rows import label_of, latest_state
from expertenrat.services.minutes_snapshot import minutes_snapshot
from expertenrat.store import models


def draft_finish(
    session: Session, meeting: models.Meeting, doc: MinutesDocument | None = None
) -> DraftFinish:
    """When the draft of ``meeting`` was finished, and whether it changed since; ``doc``:
    its full minutes document, where the caller has read it (the snapshot reads it)."""
    if meeting.minutes_finished_on is None:
        return DraftFinish()
    return DraftFinish(
        meeting.minutes_finished_on,
        content_fingerprint(session, meeting, doc) != meeting.minutes_finished_fingerprint,
    )


def content_fingerprint(
    session: Session, meeting: models.Meeting, doc: MinutesDocument | None = None
) -> str:
    return fingerprint(snapshot_json(minutes_snapshot(session, meeting, doc)))


def store_finish(session: Session, meeting: models.Meeting, day: date | None) -> None:
    """Mark the draft finished on ``day`` with its content now (``None``: not finished)."""
    stamp = content_fingerprint(session, meeting) if day is not None else None
    session.execute(
        update(models.Meeting)
        .where(models.Meeting.id == meeting.id)
        .values(minutes_finished_on=day, minutes_finished_fingerprint=stamp)
        .execution_options(synchronize_session="fetch")
    )


def finish_draft(session: Session, actor: str, meeting: models.Meeting) -> Checklist:
    """Finish the draft of ``meeting`` today (see :meth:`MinutesService.finish_draft`):
    refused while it is finished and unchanged, or while the check is not green."""
    finish = draft_finish(session, meeting)
    if finish.finished:
        raise ValidationError(
            [
                FieldProblem(
                    "state",
                    f"Der Protokollentwurf der {label_of(meeting)} ist bereits {finish.text()}.",
                )
            ]
        )
    result = refuse_unless_complete(session, meeting)
    today = council_clock(session, meeting.council_id).today()
    store_finish(session, meeting, today)
    audit.record(
        session, actor, AuditAction.UPDATE, "minutes", meeting.id,
        council_id=meeting.council_id,
        summary=f"Protokollentwurf der {label_of(meeting, isolated)} abgeschlossen",
        before={"Stand": finish.text() or "in Bearbeitung"},
        after={"Stand": DraftFinish(today).text()},
    )  # fmt: skip
    return replace(result, finish=DraftFinish(today))


def reopen_draft(session: Session, actor: str, meeting: models.Meeting) -> Checklist:
    """The finished draft of ``meeting`` in the works again (audit entry)."""
    finish = draft_finish(session, meeting)
    if finish.finished_on is None:
        raise ValidationError(
            [
                FieldProblem(
                    "state",
                    f"Der Protokollentwurf der {label_of(meeting)} ist nicht abgeschlossen.",
                )
            ]
        )
    store_finish(session, meeting, None)
    audit.record(
        session, actor, AuditAction.UPDATE, "minutes", meeting.id,
        council_id=meeting.council_id,
        summary=f"Abschluss des Protokollentwurfs der {label_of(meeting, isolated)} aufgehoben",
        before={"Stand": finish.text()},
        after={"Stand": "in Bearbeitung"},
    )  # fmt: skip
    return minutes_checklist(session, meeting)


def refuse_unless_a_draft(session: Session, meeting: models.Meeting, what: str) -> None:
    """Minutes already circulated are no draft any more: "… ``what`` wird nur ein Entwurf"."""
    if latest_state(session, meeting.id) is MinutesState.CIRCULATED:
        raise ValidationError(
            [
                FieldProblem(
                    "state",
                    f"Das Protokoll der {label_of(meeting)} ist bereits versandt; "
                    f"{what} wird nur ein Entwurf.",
                )
            ]
        )
