"""The action fields of a council, data and not code: the read model, the rows in their
order, who still refers to one, and adding, changing, reordering and deleting them with an
audit entry each, in the caller's transaction (:class:`~expertenrat.services.settings.
SettingsService` opens it)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from expertenrat.domain.action_fields import (
    clean_action_field_name,
    validate_action_field_name,
    validate_colour,
)
from expertenrat.domain.councils import ActionField
from expertenrat.domain.enums import AuditAction
from expertenrat.domain.errors import InUseError
from expertenrat.services import audit
from expertenrat.services.unit_of_work import check_version, fetch, hold_council, raise_if_invalid
from expertenrat.store import models


def action_field(row: models.ActionField) -> ActionField:
    return ActionField(
        id=row.id, name=row.name, colour=row.colour, position=row.position, version=row.version
    )


def field_rows(session: Session, council_id: int) -> list[models.ActionField]:
    return list(
        session.scalars(
            select(models.ActionField)
            .where(models.ActionField.council_id == council_id)
            .order_by(models.ActionField.position, models.ActionField.id)
        )
    )


def field_uses(session: Session, field_id: int) -> str:
    """Describe who refers to an action field, e.g. "3 Mitglieder, 1 Projekt"."""
    counters = (
        (
            "Mitglieder",
            select(models.Membership.id).where(models.Membership.primary_field_id == field_id),
        ),
        (
            "Mitglieder",
            select(models.MembershipFurtherField.membership_id).where(
                models.MembershipFurtherField.action_field_id == field_id
            ),
        ),
        ("Projekte", select(models.Project.id).where(models.Project.action_field_id == field_id)),
        (
            "Empfehlungen",
            select(models.Recommendation.id).where(
                models.Recommendation.action_field_id == field_id
            ),
        ),
    )
    counts: dict[str, int] = {}
    for label, query in counters:
        number = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        if number:
            counts[label] = counts.get(label, 0) + number
    return ", ".join(f"{n} {_SINGULAR[label] if n == 1 else label}" for label, n in counts.items())


_SINGULAR = {"Mitglieder": "Mitglied", "Projekte": "Projekt", "Empfehlungen": "Empfehlung"}


def add_field(session: Session, actor: str, council_id: int, name: str, colour: str) -> ActionField:
    """A new field at the end of the council's."""
    fetch(session, models.Council, council_id, "Das Gremium")
    rows = field_rows(session, council_id)
    raise_if_invalid(
        validate_action_field_name(name, [r.name for r in rows]) + validate_colour(colour)
    )
    row = models.ActionField(
        council_id=council_id,
        name=clean_action_field_name(name),
        colour=colour,
        position=max((r.position for r in rows), default=-1) + 1,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor,
        AuditAction.CREATE,
        "action_field",
        row.id,
        council_id=council_id,
        summary=f"Handlungsfeld „{row.name}“ angelegt",
        after=audit.snapshot(row),
    )
    return action_field(row)


def field_what(field: ActionField) -> str:
    """The field as messages name it: "Das Handlungsfeld „Soziale Stadt“"."""
    return f"Das Handlungsfeld „{field.name}“"


def update_field(session: Session, actor: str, field: ActionField) -> ActionField:
    """Rename or recolour a field."""
    row = fetch(session, models.ActionField, field.id, field_what(field))
    # named as stored, not by the new name typed ("„Umwelt & Klima“ wurde … geändert")
    check_version(row, field.version, f"Das Handlungsfeld „{row.name}“")
    others = [r.name for r in field_rows(session, row.council_id) if r.id != row.id]
    raise_if_invalid(validate_action_field_name(field.name, others) + validate_colour(field.colour))
    before = audit.snapshot(row)
    row.name = clean_action_field_name(field.name)
    row.colour = field.colour
    session.flush()
    audit.record(
        session,
        actor,
        AuditAction.UPDATE,
        "action_field",
        row.id,
        council_id=row.council_id,
        summary=f"Handlungsfeld „{before['name']}“ geändert",
        before=before,
        after=audit.snapshot(row),
    )
    return action_field(row)


def reorder_fields(
    session: Session,
    actor: str,
    council_id: int,
    ordered_ids: list[int],
    seen: Sequence[int] | None,
) -> list[ActionField]:
    """See :meth:`SettingsService.reorder_action_fields`."""
    rows = {r.id: r for r in field_rows(session, council_id)}
    if sorted(rows) != sorted(ordered_ids) or (seen is not None and list(seen) != [*rows]):
        raise InUseError("Die Handlungsfelder wurden inzwischen geändert. Bitte laden Sie neu.")
    before = [r.name for r in rows.values()]  # as read: ordered by position
    for position, field_id in enumerate(ordered_ids):
        rows[field_id].position = position
    session.flush()
    audit.record(
        session,
        actor,
        AuditAction.UPDATE,
        "action_field",
        None,
        council_id=council_id,
        summary="Reihenfolge der Handlungsfelder geändert",
        before={"order": before},
        after={"order": [rows[i].name for i in ordered_ids]},
    )
    return [action_field(rows[i]) for i in ordered_ids]


def delete_field(session: Session, actor: str, field: ActionField) -> None:
    """Delete a field nothing refers to any more."""
    what = field_what(field)
    row = fetch(session, models.ActionField, field.id, what)
    # A member, project or recommendation given the field at the same moment on another PC
    # (each holds the council as it saves): first, so that its use is seen.
    hold_council(session, row.council_id)
    check_version(row, field.version, what)
    uses = field_uses(session, row.id)
    if uses:
        raise InUseError(
            f"{what} wird noch verwendet ({uses}) und kann nicht gelöscht werden. "
            "Ordnen Sie diese Einträge zuerst einem anderen Handlungsfeld zu."
        )
    before = audit.snapshot(row)
    session.delete(row)
    audit.record(
        session,
        actor,
        AuditAction.DELETE,
        "action_field",
        field.id,
        council_id=before["council_id"],
        summary=f"Handlungsfeld „{before['name']}“ gelöscht",
        before=before,
    )
