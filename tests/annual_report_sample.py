"""A small known data set for the annual report's tests, built by hand: a council of seven
memberships around 2025, agenda items about projects public and not (one project under an
item and its sub-items), recommendations of two kinds."""

from __future__ import annotations

from datetime import date

from expertenrat.domain.annual_report import AnnualReport, MeetingLine, MeetingsPart, annual_report
from expertenrat.domain.annual_report_consultations import ProjectItem
from expertenrat.domain.annual_report_council import council_part
from expertenrat.domain.councils import ActionField, CouncilSettings
from expertenrat.domain.enums import (
    MeetingState,
    MemberRole,
    RecommendationKind,
    RecommendationStatus,
    ResponseVerdict,
    Sector,
)
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.meeting_quorum import Quorate
from expertenrat.domain.members import Member
from expertenrat.domain.overview import FieldFigures
from expertenrat.domain.recommendation_links import AddressedProject, Origin
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.recommendations_report import ResponseSummary

S = RecommendationStatus
YEAR = 2025
ON = date(2026, 3, 1)
FIELDS = [ActionField(1, "Stadtdaten", position=0), ActionField(2, "Umwelt", position=1)]
COUNCIL = CouncilSettings(1, "Smart City Expert*innenrat", "Rostock")
LETTERHEAD = Letterhead("Smart City Expert*innenrat", "Rostock")
HOSTILE = """<b>Daten & „Zitate“</b> 'O'Neil' "quoted" 😀 Ünïcödé"""
ARABIC = "جامعة الملك عبد العزيز"
SECRET = "Vertrauliche Personalsache Müller"


def member(number: int, given: str, family: str, start: date, end: date | None = None, **more):
    values = {
        "id": number,
        "person_id": number,
        "given_name": given,
        "family_name": family,
        "term_start": start,
        "term_end": end,
        "primary_field_id": 1,
        "publish_name": True,
        **more,
    }
    return Member(**values)


MEMBERS = [
    member(1, "Anna", "Zander", date(2024, 1, 1), role=MemberRole.CHAIR, sector=Sector.RESEARCH),
    member(2, "Ödön", "Pál", date(2024, 1, 1), primary_field_id=2, publish_name=False,
           sector=Sector.BUSINESS),
    member(3, "Carla", "Neu", date(2025, 5, 1), primary_field_id=2,
           sector=Sector.CIVIL_SOCIETY),
    member(4, "Dieter", "Alt", date(2023, 1, 1), date(2025, 6, 30), role=MemberRole.VICE_CHAIR,
           sector=Sector.ADMINISTRATION),
    member(5, "Emil", "Geheim", date(2025, 2, 1), publish_name=False),
    member(6, "Frida", "Früher", date(2020, 1, 1), date(2023, 12, 31)),
    member(7, "Gustav", "Später", date(2026, 2, 1)),
]  # fmt: skip

HELD, CANCELLED = MeetingState.HELD, MeetingState.CANCELLED
YES, NO = Quorate.YES, Quorate.NO
MEETINGS = MeetingsPart(
    (
        MeetingLine("1. Sitzung", date(2025, 3, 20), "Rathaus", HELD, 5, 6, YES, True),
        MeetingLine("Sitzung", date(2025, 6, 19), "Rathaus", CANCELLED),
        MeetingLine("2. Sitzung", date(2025, 9, 18), "online", HELD, 3, 6, NO, True),
        MeetingLine("3. Sitzung", date(2025, 12, 4), "", HELD),
    ),
    ahead=0,
)  # fmt: skip


PROJECTS = {1: ("Klimaportal", "Umwelt"), 2: ("Baumkataster", "Umwelt"),
            3: ("Datenplattform", "Stadtdaten"), 4: ("Ohne", "Ohne Handlungsfeld")}  # fmt: skip


def item(meeting: int, project: int, number: str, title: str, public: bool = True):
    held = MEETINGS.held[meeting - 1]
    name, field = PROJECTS[project]
    return ProjectItem(meeting, project, field, held.day, held.label, number, title, name, public)


ITEMS = [  # 1. Sitzung: Klimaportal under TOP 3 with its sub-items is one consultation
    item(1, 1, "3", "Klimaportal: Zwischenstand"),
    item(1, 1, "3.1", "Empfehlung an das Projekt"),
    item(1, 1, "3.2", f"{SECRET} (Klimaportal)", public=False),
    item(1, 2, "4", SECRET, public=False),
    item(1, 3, "5", "Datenplattform: Lizenzen"),
    item(1, 4, "6", "Sonstiges", public=False),
    item(2, 3, "2", "Datenplattform: Betrieb"),
]


def row(number: int, status, field: str, kind=RecommendationKind.RECOMMENDATION, **more):
    values = {
        "id": number, "code": f"E-{YEAR}-{number:02d}", "kind": kind,
        "title": f"Empfehlung {number}", "action_field_id": None, "action_field": field,
        "projects": (AddressedProject(1, "Klimaportal", "Umweltamt"),), "origin": Origin(),
        "adopted_on": date(YEAR, 3, 20), "sent_on": date(YEAR, 3, 25),
        "due_on": date(YEAR, 5, 25), "status": status, "days_overdue": 0, "version": 1, **more,
    }  # fmt: skip
    return RecommendationRow(**values)


ROWS = [
    row(1, S.IMPLEMENTED, "Umwelt"),
    row(2, S.ANSWERED, "Umwelt", RecommendationKind.IMPULSE),
    row(3, S.SENT, "Umwelt"),
    row(4, S.ADOPTED, "Stadtdaten", sent_on=None, due_on=None),
]
ANSWERS = {
    1: ResponseSummary(date(YEAR, 5, 1), ResponseVerdict.COMPLIED, date(YEAR, 5, 1)),
    2: ResponseSummary(date(YEAR, 6, 1), ResponseVerdict.NOT_COMPLIED, date(YEAR, 6, 1)),
}
FIGURES = [
    FieldFigures(FIELDS[0], consultations=2, recommendations=1),
    FieldFigures(FIELDS[1], consultations=2, recommendations=3, sent=3, answered=2, accepted=1),
]


def report(
    members=MEMBERS, meetings=MEETINGS, items=ITEMS, rows=ROWS, fields=FIELDS, non_public=()
) -> AnnualReport:
    return annual_report(
        LETTERHEAD,
        YEAR,
        ON,
        council_part(members, fields, COUNCIL, YEAR, ON),
        meetings,
        items,
        rows,
        ANSWERS,
        FIGURES,
        [f.name for f in fields],
        frozenset(non_public),
    )
