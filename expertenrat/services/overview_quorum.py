"""The Übersicht's list of meetings ahead whose apologies leave too few voting members
for a quorum ("Beschlussfähigkeit gefährdet"): the attendance sheets of the meetings ahead
with an apology (:attr:`~expertenrat.services.overview_lists.MeetingAhead.apologies`),
read together, say it as the Sitzungen page does."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.overview import Area, Line, MeetingTab, Target, meeting_day
from expertenrat.services.attendance_sheets import attendance_sheets
from expertenrat.services.overview_lists import MeetingAhead
from expertenrat.store import models


def quorum_warnings(session: Session, ahead: list[MeetingAhead], today: date) -> tuple[Line, ...]:
    """The meetings ``ahead`` whose apologies leave too few voting members for a quorum
    (:attr:`~expertenrat.domain.attendance_sheet.AttendanceSheet.quorum_warning`): "5.
    Sitzung am 12.03.2026: Nach 5 Entschuldigungen sind höchstens 4 von 9 …" opens the
    meeting. Only the sheets of those with an apology are read."""
    excused = [m.id for m in ahead if m.apologies]
    if not excused:
        return ()
    rows = session.scalars(select(models.Meeting).where(models.Meeting.id.in_(excused))).all()
    sheets = attendance_sheets(session, rows, today=today)
    return tuple(
        Line(
            f"{m.label} am {meeting_day(*m.days)}: {warning}",
            Target(Area.MEETINGS, record_id=m.id, tab=MeetingTab.MEETING),
            urgent=True,
        )
        for m in ahead
        if m.id in sheets and (warning := sheets[m.id].quorum_warning)
    )
