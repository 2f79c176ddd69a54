"""Who comes to a demo meeting and who may not take part in an item, recorded through the
attendance and conflicts services as the secretariat records them (``demo_meetings``).

Chance decides who came, the chair always does; one member comes late and one leaves
early, the leads of the projects consulted, who present them, are guests. The conflict
screening's hints are accepted at the recommendation and overruled where the council only
discusses; in every third meeting a member declares a conflict.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import time

from expertenrat.domain.attendance_sheet import AttendanceEntry, AttendanceSheet, GuestEntry
from expertenrat.domain.enums import AttendanceStatus, MemberRole
from expertenrat.domain.members import Member
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.conflicts import ConflictsService
from expertenrat.services.demo_minutes import HeldMeeting
from expertenrat.store.database import Database


class DemoMeetingDay:
    def __init__(self, unit: Database, actor: str, rng: random.Random) -> None:
        self.random = rng
        self._attendance = AttendanceService(unit, actor)
        self._conflicts = ConflictsService(unit, actor)

    def attendance(self, members: Sequence[Member], meeting: HeldMeeting) -> AttendanceSheet:
        """Chance decides who came; the chair always does. One member comes late (from
        TOP 3 on), one leaves after the recommendation; the leads of the projects, who
        present them, are guests."""
        day = meeting.day
        active = [m for m in members if m.term_start <= day and (m.term_end or day) >= day]
        status = {}
        for member in active:
            roll = self.random.random()
            status[member.id] = (
                AttendanceStatus.PRESENT
                if roll < 0.8 or member.role is MemberRole.CHAIR
                else AttendanceStatus.EXCUSED
                if roll < 0.95
                else AttendanceStatus.ABSENT
            )
        present = [
            m for m in active if status[m.id] is AttendanceStatus.PRESENT
            and m.role is not MemberRole.CHAIR
        ]  # fmt: skip
        entries = {
            m.id: _entry(m, status[m.id])
            for m in active
            if status[m.id] is not AttendanceStatus.PRESENT
        }
        if len(present) >= 3:
            late, early = present[meeting.number % len(present)], present[-1]
            if late.id == early.id:
                early = present[0]
            entries[late.id] = _entry(
                late, AttendanceStatus.PRESENT,
                arrived_item_id=meeting.items["agenda"], arrived_at=time(16, 10),
            )  # fmt: skip
            if "resolution_a" in meeting.items:
                entries[early.id] = _entry(
                    early, AttendanceStatus.PRESENT,
                    left_item_id=meeting.items["resolution_a"], left_at=time(17, 40),
                )  # fmt: skip
        for entry in entries.values():
            self._attendance.save_entry(meeting.id, entry, today=day)  # recorded on the day
        for name, unit in _presenters(meeting):
            self._attendance.save_guest(meeting.id, GuestEntry(None, name, unit, "Projektleitung"))
        return self._attendance.record_unrecorded(meeting.id, AttendanceStatus.PRESENT, today=day)

    def conflicts(
        self, members: Sequence[Member], meeting: HeldMeeting, attending: frozenset[int]
    ) -> None:
        """The screening's hints: accepted at the recommendation, overruled where the
        council only discusses; in every third meeting a member there (``attending``)
        declares a conflict."""
        sheet = self._conflicts.sheet(meeting.id)
        resolution = meeting.items.get("resolution_a")
        hinted = set()
        for item in sheet.items:
            for suggestion in item.suggestions:
                hinted.add((item.item.id, suggestion.member))
                if item.item.id == resolution:
                    self._conflicts.accept(item.item.id, suggestion)
                else:
                    self._conflicts.overrule(
                        item.item.id,
                        suggestion,
                        "Der Punkt dient nur der Beratung ohne Beschluss; die Mitwirkung an der "
                        "Aussprache ist unbedenklich.",
                    )
        if resolution is None or meeting.number % 3 != 2:
            return
        candidates = [
            m for m in members
            if m.role is MemberRole.MEMBER and (resolution, m.id) not in hinted
            and m.id in attending
            and m.term_start <= meeting.day and (m.term_end or meeting.day) >= meeting.day
        ]  # fmt: skip
        if candidates:
            member = candidates[meeting.number % len(candidates)]
            self._conflicts.declare(
                resolution,
                member.id,
                f"{member.affiliation} bewirbt sich um einen Folgeauftrag des Projekts.",
            )


def _presenters(meeting: HeldMeeting) -> list[tuple[str, str]]:
    """The leads of the meeting's projects, each once, who present them: (name, unit)."""
    found: dict[str, str] = {}
    for project in meeting.projects:
        if project.contact_name.strip():
            found.setdefault(project.contact_name, project.lead_unit)
    return list(found.items())


def _entry(member: Member, status: AttendanceStatus, **times) -> AttendanceEntry:
    return AttendanceEntry(
        membership_id=member.id,
        name=member.full_name,
        sort_name=member.sort_name,
        role=member.role,
        status=status,
        **times,
    )
