"""Who the minutes name as present (with when they came or went), excused and absent, from
a meeting's attendance sheet: shared by the minutes document
(:mod:`services.minutes_assembly`) and the content snapshot of its versions
(:mod:`services.minutes_snapshot`), which must word them alike."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.attendance_sheet import AttendanceEntry, AttendanceSheet
from expertenrat.domain.councils import RoleTitles
from expertenrat.domain.enums import AttendanceStatus
from expertenrat.domain.minutes_attendees import AbsentMember, PresentMember, first_sub_item
from expertenrat.store import models

Attendees = tuple[tuple[PresentMember, ...], tuple[str, ...], tuple[AbsentMember, ...]]


def action_field_names(session: Session, sheet: AttendanceSheet) -> dict[int, str]:
    """The name of the primary action field of each member on ``sheet``, by membership id."""
    return dict(
        session.execute(
            select(models.Membership.id, models.ActionField.name)
            .join(models.ActionField, models.ActionField.id == models.Membership.primary_field_id)
            .where(models.Membership.id.in_([e.membership_id for e in sheet.entries]))
        ).all()
    )


def minutes_attendees(
    sheet: AttendanceSheet,
    numbers: Mapping[int, str],
    titles: RoleTitles | None = None,
    fields: Mapping[int, str] | None = None,
) -> Attendees:
    """Present, excused and absent as the minutes list them; ``numbers``: the agenda items'
    numbers by id. Without ``titles`` and ``fields`` (:func:`action_field_names`) the
    present carry no role and no action field (the snapshot keeps neither)."""
    fields = fields or {}
    present = tuple(
        present_member(
            e, numbers, fields.get(e.membership_id, ""), titles.of(e.role) if titles else ""
        )
        for e in sheet.entries
        if e.status is AttendanceStatus.PRESENT
    )
    excused = tuple(e.name for e in sheet.entries if e.status is AttendanceStatus.EXCUSED)
    absent = tuple(
        AbsentMember(e.name, recorded=e.status is AttendanceStatus.ABSENT)
        for e in sheet.entries
        if e.status in (AttendanceStatus.ABSENT, None)
    )
    return present, excused, absent


def present_member(
    entry: AttendanceEntry, numbers: Mapping[int, str], field: str = "", role: str = ""
) -> PresentMember:
    """The member present as the minutes list them: when they came, went or were away by
    the items' ``numbers`` (by id), with the action ``field`` and ``role`` given."""
    left = numbers.get(entry.left_item_id, "") if entry.left_item_id else ""
    return PresentMember(
        name=entry.name,
        role_label=role,
        action_field=field,
        voting=entry.voting_right,
        arrived_at_item=numbers.get(entry.arrived_item_id, "") if entry.arrived_item_id else "",
        left_after_item=left,
        arrived_at=entry.arrived_at,
        left_at=entry.left_at,
        left_before_item=first_sub_item(list(numbers.values()), left) if left else "",
        digital=entry.digital,
        away_item=numbers.get(entry.away_item_id, "") if entry.away_item_id else "",
        away_at=entry.away_at,
        back_item=numbers.get(entry.back_item_id, "") if entry.back_item_id else "",
        back_at=entry.back_at,
    )
