"""What an accepted objection changes in the minutes (:mod:`services.minutes_objections`):
the passage objected to replaced by its new wording in the live text of the agenda item,
and a new version of the circulated minutes with the new snapshot; the version that was
circulated keeps its content. Each change gets its audit entry.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction, MinutesState, MinutesStyle, ObjectionState
from expertenrat.domain.minutes_approval import VersionOrigin
from expertenrat.domain.minutes_objections import CORRECTED_FIELDS, Correction, corrected_text
from expertenrat.domain.minutes_versions import snapshot_json
from expertenrat.domain.wording import isolated
from expertenrat.services import audit
from expertenrat.services import minutes_approval_rows as rows
from expertenrat.services.agenda_rows import meeting_name
from expertenrat.services.minutes_snapshot import minutes_snapshot
from expertenrat.store import models


def correct_passage(
    session: Session,
    actor: str,
    meeting: models.Meeting,
    objection: models.Objection,
    passage: str,
    wording: str,
) -> str:
    """Replace ``passage`` by ``wording`` in the item's text (or, without an item, in the
    one text of the meeting where it stands); returns the item's number."""
    labels = rows.item_labels(session, meeting.id)
    ids = [objection.agenda_item_id] if objection.agenda_item_id in labels else list(labels)
    items = {i: session.get(models.AgendaItem, i) for i in ids}
    texts = {
        (i, name): getattr(item, name) for i, item in items.items() for name in CORRECTED_FIELDS
    }
    where = f"von {labels[ids[0]]}" if len(ids) == 1 else "dieser Sitzung"
    (item_id, name), text = corrected_text(texts, passage, wording, where)
    item = items[item_id]
    council = session.get(models.Council, meeting.council_id)
    label = (
        MinutesStyle(council.minutes_style).discussion_label
        if name == "discussion"
        else CORRECTED_FIELDS[name]
    )
    before = {name: getattr(item, name)}
    setattr(item, name, text)
    session.flush()
    audit.record(
        session,
        actor,
        AuditAction.UPDATE,
        "agenda_item",
        item.id,
        council_id=meeting.council_id,
        summary=(  # "TOP 6 der 5. Sitzung: …": the trail lists the meetings' entries together
            f"TOP {item.number} {meeting_name(meeting, isolated)}: {label} nach einem Einwand "
            "berichtigt"
        ),
        before=before,
        after={name: text},
    )
    return item.number


def add_corrected_version(
    session: Session,
    actor: str,
    meeting: models.Meeting,
    previous: models.MinutesVersion,
    decided_on: date,
) -> models.MinutesVersion:
    """The next version after ``previous``, made on ``decided_on`` from the minutes as they
    stand now; circulated with ``previous``'s day and deadline."""
    new = models.MinutesVersion(
        meeting_id=meeting.id,
        number=previous.number + 1,
        state=MinutesState.CIRCULATED.value,
        circulated_on=previous.circulated_on,
        objections_due_on=previous.objections_due_on,
        origin=VersionOrigin.OBJECTION.value,
        made_on=decided_on,
        content=snapshot_json(minutes_snapshot(session, meeting)),
    )
    session.add(new)
    session.flush()
    rows.audit_version(session, actor, meeting, new, f"Fassung {new.number} nach einem Einwand")
    return new


def corrections_in(session: Session, item: models.AgendaItem) -> list[Correction]:
    """The corrections accepted objections may have made in the texts of ``item``: those
    naming it, and those naming no item of its meeting (their passage stood somewhere)."""
    accepted = session.scalars(
        select(models.Objection)
        .join(
            models.MinutesVersion, models.MinutesVersion.id == models.Objection.minutes_version_id
        )
        .where(
            models.MinutesVersion.meeting_id == item.meeting_id,
            models.Objection.state == ObjectionState.ACCEPTED.value,
            or_(
                models.Objection.agenda_item_id == item.id,
                models.Objection.agenda_item_id.is_(None),
            ),
            models.Objection.passage != "",
            models.Objection.proposed_text != "",
        )
        .order_by(models.Objection.id)
    )
    return [
        Correction(o.raised_by, f"TOP {item.number}", o.passage, o.proposed_text) for o in accepted
    ]
