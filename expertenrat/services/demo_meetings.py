"""The meetings of a demo council, made as the secretariat makes them, through the services.

The days are ``demo_calendar``'s, counted from the demo's day: the constituent meeting, a
quarterly series on the third Thursday, the next meeting (invited, ten days ahead), the
regular meeting after it (planned) and a Klausur called at short notice a week before the
invited meeting, after that one's invitation went out (planned, its invitation already
later than the two-week Ladungsfrist allows, so the Übersicht warns; its number follows
the invited meeting's, as the numbers of invited meetings stay). Each meeting gets its
agenda while it is planned; then, in the order of the days, the invitation goes out two
weeks ahead, the attendance is recorded (excused and absent members, a late arrival "ab
TOP 3", an early departure, the presenting projects' leads as guests), conflicts of
interest are declared or decided on the screening's hints (both ``demo_meeting_day``),
the meeting is held and its minutes are written (``demo_minutes``). The latest held
meeting, whose minutes stay an open draft, takes up an urgent item (Dringlichkeitsantrag):
only such a meeting may.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from expertenrat.domain.agenda import AgendaItem, presenter_text
from expertenrat.domain.enums import (
    AgendaItemKind,
    MeetingKind,
    MeetingState,
    MemberRole,
    PresenterKind,
)
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.meeting_series import Frequency, SeriesSpec
from expertenrat.domain.members import Member
from expertenrat.domain.projects import Project
from expertenrat.services.agenda import AgendaService
from expertenrat.services.demo_calendar import DemoCalendar
from expertenrat.services.demo_meeting_day import DemoMeetingDay
from expertenrat.services.demo_minutes import NOTICE_DAYS, DemoMinutes, HeldMeeting
from expertenrat.services.demo_urgent import URGENT_ITEM
from expertenrat.services.meeting_documents import MeetingDocumentsService
from expertenrat.services.meetings import MeetingsService
from expertenrat.store.database import Database

STARTS, ENDS = time(16, 0), time(18, 30)


@dataclass(frozen=True, slots=True)
class DemoCouncil:
    """What the meetings of a demo council need to know about it."""

    id: int
    city: str
    members: tuple[Member, ...]
    projects: tuple[Project, ...]
    bundesland: str  # whose public holidays the meetings ahead keep clear of

    @property
    def chair(self) -> Member:
        return next(m for m in self.members if m.role is MemberRole.CHAIR)


@dataclass(slots=True)
class BuiltMeetings:
    meetings: int = 0
    recommendations: list[int] = field(default_factory=list)  # ids, in order of adoption


class DemoMeetings:
    def __init__(
        self, unit: Database, actor: str, data: dict, today: date, rng: random.Random
    ) -> None:
        self.today = today
        self.data = data
        self.meetings = MeetingsService(unit, actor)
        self.documents = MeetingDocumentsService(unit, actor, self.meetings)
        self.agenda = AgendaService(unit, actor)
        self.day = DemoMeetingDay(unit, actor, rng)
        self.minutes = DemoMinutes(unit, actor, data, today)
        self._items: dict[int, tuple[AgendaItem, ...]] = {}  # the agenda as last read

    def build(self, council: DemoCouncil, calendar: DemoCalendar) -> BuiltMeetings:
        """The meetings of ``calendar``: those held, the invited and the planned meeting,
        and the Klausur."""
        ids = self._schedule(council, calendar)
        klausur_number = len(ids)  # its agenda comes before the planned meeting's
        numbers = [*range(1, klausur_number), klausur_number + 1]
        last_held = len(ids) - 3  # before the invited and the planned meeting
        meetings = [
            self._agenda(
                council, meeting_id, number, full=number < klausur_number,
                postponing=index == last_held,
            )
            for index, (number, meeting_id) in enumerate(zip(numbers, ids, strict=True))
        ]  # fmt: skip
        built = BuiltMeetings(meetings=len(ids) + 1)
        *held, invited, _planned = meetings
        for position, meeting in enumerate(held):
            self._invite(meeting)
            sheet = self.day.attendance(council.members, meeting)
            self.day.conflicts(council.members, meeting, sheet.attending)
            self._hold(meeting)
            role = (
                "draft"
                if position == len(held) - 1
                else "objected"
                if position == len(held) - 2
                else ""
            )
            if role == "draft":
                meeting = self._take_up_urgent(meeting)
            built.recommendations += self.minutes.write(
                council.chair.full_name,
                council.chair.id,
                meeting,
                held[position - 1] if position else None,
                sheet,
                role,
                last_approved=position == len(held) - 3,
            )
        self._invite(invited)
        klausur = self.meetings.create(
            council.id,
            _draft(MeetingKind.WORKSHOP, calendar.klausur, _place(council.city),
                   title="Klausur: Datenstrategie 2030"),
            chair_membership_id=council.chair.id,
        )  # fmt: skip
        self._agenda(council, klausur, klausur_number, full=False)
        return built

    # --- the schedule -------------------------------------------------------------------

    def _schedule(self, council: DemoCouncil, calendar: DemoCalendar) -> list[int]:
        """The meetings held, the invited and the planned one (without the Klausur)."""
        first, *series_days = calendar.held
        place = _place(council.city)
        chair = council.chair.id
        constituent = self.meetings.create(
            council.id, _draft(MeetingKind.CONSTITUENT, first, place), chair_membership_id=chair
        )
        series = self.meetings.create_series(
            council.id,
            SeriesSpec(
                Frequency.QUARTERLY, series_days[0], STARTS, ENDS, weekday=3, ordinal=3,
                count=len(series_days),
            ),
            place=place[0],
            room=place[1],
        )  # fmt: skip
        invited, planned = (
            self.meetings.create(
                council.id, _draft(MeetingKind.REGULAR, day, place), chair_membership_id=chair
            )
            for day in (calendar.invited, calendar.planned)
        )
        return [constituent, *series, invited, planned]

    def _agenda(
        self, council: DemoCouncil, meeting_id: int, number: int, *, full: bool,
        postponing: bool = False,
    ):  # fmt: skip
        """The agenda: the opening items the meeting was created with (the constituent
        meeting, the council's first, came without an approval of minutes), a report, two
        consultations (one with a recommendation as sub-item, the second non-public in most
        meetings) and "Verschiedenes"; ``postponing``: a third consultation before it, which
        the meeting postpones (role "postponed", :class:`DemoMinutes`), so that a postponed
        item waits for the planned meeting's agenda (found by a tester: the Übersicht's
        line and "Vertagte Punkte übernehmen …" were never seen in the demo)."""
        meeting = self.meetings.get(meeting_id)
        items = sorted(self.agenda.agenda(meeting_id).items, key=lambda i: i.position)
        self._items[meeting_id] = tuple(items)
        roles = ("opening", "invitation", "agenda", "approval")
        keys = {role: item.key for role, item in zip(roles, items, strict=False)}
        projects = council.projects
        chosen = [projects[(number * 2 + k) % len(projects)] for k in range(2)]
        topics = self.data["topics"]
        keys["report"] = self._add(
            meeting_id,
            AgendaItem(0, "Bericht der Geschäftsstelle", kind=AgendaItemKind.REPORT,
                       planned_minutes=15, presenter="Geschäftsstelle Smart City"),
        )  # fmt: skip
        if full:
            keys["consult_a"] = self._add(
                meeting_id, _consultation(chosen[0], topics[number % len(topics)], True)
            )
            keys["resolution_a"] = self._add(
                meeting_id,
                AgendaItem(0, "Empfehlung an das Projekt", kind=AgendaItemKind.RESOLUTION,
                           planned_minutes=10, project_id=chosen[0].id),
                parent=keys["consult_a"],
            )  # fmt: skip
            keys["consult_b"] = self._add(
                meeting_id,
                _consultation(chosen[1], topics[(number + 3) % len(topics)], number % 4 == 3),
            )
        if postponing:
            third = projects[(number * 2 + 2) % len(projects)]
            postponed = _consultation(third, topics[(number + 5) % len(topics)], True)
            # no presenter: the project's lead, not among the meeting's guests, presented
            # nothing (the minutes name every presenter among those present)
            keys["postponed"] = self._add(meeting_id, replace(postponed, presenter=""))
        keys["misc"] = self._add(
            meeting_id,
            AgendaItem(0, "Verschiedenes", kind=AgendaItemKind.MISCELLANEOUS, planned_minutes=10),
        )
        return HeldMeeting(
            id=meeting_id,
            number=number,
            day=meeting.starts_at.date(),
            items=keys,
            projects=tuple(chosen),
        )

    def _add(self, meeting_id: int, item: AgendaItem, parent: int | None = None) -> int:
        """Add ``item`` (last under ``parent``); returns its id."""
        return self._new_key(meeting_id, self.agenda.add(meeting_id, item, parent).items)

    def _new_key(self, meeting_id: int, items: tuple[AgendaItem, ...]) -> int:
        """The id of the one item of ``items`` (the agenda after an addition) that is new."""
        before = {i.key for i in self._items.get(meeting_id, ())}
        self._items[meeting_id] = items
        (key,) = {i.key for i in items} - before
        return key

    # --- before and during the meeting --------------------------------------------------

    def _invite(self, meeting: HeldMeeting) -> None:
        version = self.meetings.get(meeting.id).version
        self.documents.record_invitation_sent(
            meeting.id, version, meeting.day - timedelta(days=NOTICE_DAYS), today=self.today
        )

    def _take_up_urgent(self, meeting: HeldMeeting) -> HeldMeeting:
        """The held ``meeting`` extends its agenda by the urgent item of ``demo_urgent``
        (role "urgent") before "Verschiedenes", while its minutes are an open draft."""
        extended = self.agenda.add_urgent(meeting.id, URGENT_ITEM, before=meeting.items["misc"])
        key = self._new_key(meeting.id, extended.items)
        return replace(meeting, items={**meeting.items, "urgent": key})

    def _hold(self, meeting: HeldMeeting) -> None:
        stored = self.meetings.get(meeting.id)
        self.meetings.change_state(
            meeting.id, stored.version, MeetingState.HELD, now=stored.ends_at
        )


def _place(city: str) -> tuple[str, str]:
    if city == "Rostock":
        return "Rathaus Rostock, Neuer Markt 1", "Raum 1a"
    return f"Rathaus {city}", "Sitzungssaal"


def _draft(kind: MeetingKind, day: date, place: tuple[str, str], title: str = "") -> MeetingDraft:
    return MeetingDraft(
        kind,
        datetime.combine(day, STARTS),
        datetime.combine(day, ENDS),
        title=title,
        place=place[0],
        room=place[1],
    )


def _consultation(project: Project, topic: str, public: bool) -> AgendaItem:
    return AgendaItem(
        0,
        f"{project.title}: {topic}",
        kind=AgendaItemKind.CONSULTATION,
        public=public,
        planned_minutes=30,
        presenter=presenter_text(PresenterKind.PROJECT_STAFF, project.contact_name),
        project_id=project.id,
    )
