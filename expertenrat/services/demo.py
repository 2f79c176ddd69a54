"""Demo data: a realistic, fictional council (and many more for benchmarks).

The first council is the Rostock Smart City Expert*innenrat from
``resources/demo/demo_council.json``; further councils (``councils > 1``) reuse the people
and projects under other cities' names. Everything is derived from a fixed random seed,
so two runs give the same database.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from expertenrat.domain.councils import DEFAULT_ACTION_FIELDS
from expertenrat.domain.enums import (
    AgendaItemKind,
    AttendanceStatus,
    AuditAction,
    ConsentKind,
    ConsentSource,
    MeetingState,
    MinutesState,
    RecommendationKind,
    RecommendationStatus,
    ResponseVerdict,
)
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.text_folding import transliterate
from expertenrat.paths import resource_path
from expertenrat.services import audit
from expertenrat.services.consent_ledger import record_consent
from expertenrat.services.unit_of_work import changing
from expertenrat.store import models
from expertenrat.store.database import Database

MEETINGS_PER_YEAR = 4
_COUNCIL_ZONE = ZoneInfo("Europe/Berlin")
# Recommendation states in the order a demo council cycles through them.
_STATUS_CYCLE = (
    RecommendationStatus.IMPLEMENTED,
    RecommendationStatus.ANSWERED,
    RecommendationStatus.PARTLY_IMPLEMENTED,
    RecommendationStatus.SENT,
    RecommendationStatus.NOT_IMPLEMENTED,
    RecommendationStatus.WITHDRAWN,
    RecommendationStatus.ADOPTED,
    RecommendationStatus.DRAFT,
)
# The verdict of the final (or only) response of a recommendation in each answered state.
_VERDICTS = {
    RecommendationStatus.IMPLEMENTED: ResponseVerdict.COMPLIED,
    RecommendationStatus.ANSWERED: ResponseVerdict.PLANNED,
    RecommendationStatus.PARTLY_IMPLEMENTED: ResponseVerdict.PARTLY_COMPLIED,
    RecommendationStatus.NOT_IMPLEMENTED: ResponseVerdict.NOT_COMPLIED,
}


@dataclass(frozen=True, slots=True)
class DemoSummary:
    councils: int
    members: int
    meetings: int
    recommendations: int


class DemoService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    def load(self, today: date, *, councils: int = 1, years: int = 2) -> DemoSummary:
        """Fill an empty database; refuse one that already holds a council."""
        if councils < 1 or years < 1:
            raise ExpertenratError("Anzahl der Gremien und Jahre müssen mindestens 1 sein.")
        data = json.loads(resource_path("demo", "demo_council.json").read_text("utf-8"))
        with changing(self._db, "Die Demodaten") as session:
            if session.scalar(select(func.count(models.Council.id))):
                raise ExpertenratError(
                    "Die Datenbank enthält schon Daten. Demodaten werden nur in eine leere "
                    "Datenbank geladen."
                )
            builder = _Builder(session, data, today, years, self._actor)
            for index in range(councils):
                builder.council(index)
            session.flush()
            audit.record(
                session,
                self._actor,
                AuditAction.IMPORT,
                "demo",
                None,
                summary=f"Demodaten geladen ({councils} Gremien, {years} Jahre)",
            )
            return DemoSummary(
                councils=councils,
                members=builder.members,
                meetings=builder.meetings,
                recommendations=builder.recommendations,
            )


class _Builder:
    def __init__(self, session: Session, data: dict, today: date, years: int, actor: str) -> None:
        self.session = session
        self.actor = actor
        self.data = data
        self.today = today
        self.years = years
        self.random = random.Random(20260701)
        self.members = self.meetings = self.recommendations = 0

    def council(self, index: int) -> None:
        info = self.data["council"]
        city = info["city"] if index == 0 else self.data["cities"][(index - 1) % 22]
        suffix = "" if index < 23 else f" {index // 22 + 1}"
        council = models.Council(
            name=info["name"] + suffix,
            short_name=info["short_name"],
            city=city,
            quorum_rule="more_than_half",
            action_fields=[
                models.ActionField(name=name, colour=colour, position=i)
                for i, (name, colour) in enumerate(DEFAULT_ACTION_FIELDS)
            ],
        )
        self.session.add(council)
        self.session.flush()
        fields = {f.name: f for f in council.action_fields}
        start = self.today - relativedelta(years=self.years, months=1)
        memberships = [
            self._membership(council, fields, m, start, i)
            for i, m in enumerate(self.data["members"])
        ]
        projects = [self._project(council, fields, p) for p in self.data["projects"]]
        self.session.flush()
        self._meetings(council, memberships, projects, start)

    def _membership(
        self, council, fields, info: dict, start: date, index: int
    ) -> models.Membership:
        former = info.get("former", False)
        name_on = start if info["consent"][0] else None
        person = models.Person(
            title=info["title"],
            form_of_address=info["address"],
            given_name=info["given"],
            family_name=info["family"],
            affiliation=info["affiliation"],
            position=info["position"],
            sector=info["sector"],
            email=_email(info["given"], info["family"]),
            phone=f"+49 381 {self.random.randint(100000, 999999)}",
            postal_address=f"{info['affiliation']}\n18055 Rostock",
        )
        record_consent(
            self.session,
            person,
            {
                ConsentKind.NAME: (info["consent"][0], name_on),
                ConsentKind.CONTACT: (info["consent"][1], start if info["consent"][1] else None),
            },
            ConsentSource.DEMO,
            self.actor,
        )
        primary, *further = info["fields"]
        membership = models.Membership(
            council_id=council.id,
            person=person,
            role=info["role"],
            term_start=start,
            term_end=(start + relativedelta(years=1)) if former else _term_end(self.today, index),
            voting_right=True,
            primary_field_id=fields[primary].id,
            further_fields=[
                models.MembershipFurtherField(action_field_id=fields[name].id) for name in further
            ],
        )
        self.session.add(membership)
        self.members += 1
        return membership

    def _project(self, council, fields, info: dict) -> models.Project:
        project = models.Project(
            council_id=council.id,
            title=info["title"],
            short_code=info["code"],
            action_field_id=fields[info["field"]].id,
            lead_unit=info["lead"],
            contact_name=info["contact"],
            contact_email=_email(*info["contact"].split()[-2:]),
            phase=info["phase"],
            partners=[
                models.ProjectPartner(name=name, position=position)
                for position, name in enumerate(info["partners"].splitlines())
            ],
        )
        self.session.add(project)
        return project

    def _meetings(self, council, memberships, projects, start: date) -> None:
        count = MEETINGS_PER_YEAR * self.years
        dates = [start + relativedelta(months=3 * i + 2, day=15) for i in range(count)]
        # The last two lie ahead: one invited (in ten days), one planned (in three months).
        dates[-2] = self.today + timedelta(days=10)
        dates[-1] = self.today + relativedelta(months=3)
        chair = next(m for m in memberships if m.role == "chair")
        codes_per_year: dict[int, int] = {}
        for number, day in enumerate(dates, start=1):
            held = day < self.today
            meeting = models.Meeting(
                council_id=council.id,
                number=number,
                kind="constituent" if number == 1 else "regular",
                title="",
                starts_at=datetime.combine(day, time(16, 0)),
                ends_at=datetime.combine(day, time(18, 30)),
                place="Rathaus Rostock, Neuer Markt 1, Raum 1a",
                state=(
                    MeetingState.HELD
                    if held
                    else MeetingState.INVITED
                    if number == count - 1
                    else MeetingState.PLANNED
                ).value,
                invitation_sent_on=day - timedelta(days=14) if number < count else None,
                chair_membership_id=chair.id,
                minute_taker="Geschäftsstelle Smart City",
                opened_at=time(16, 5) if held else None,
                closed_at=time(18, 20) if held else None,
            )
            self.session.add(meeting)
            self.session.flush()
            self.meetings += 1
            items = self._agenda(meeting, projects, number)
            if held:
                present = self._attendance(meeting, memberships, day)
                self._resolutions(items, present, projects)
                self._minutes(meeting, day, number, count)
                for item in items:
                    if item.project_id is not None:
                        self._recommendation(council, item, day, codes_per_year)

    def _agenda(self, meeting, projects, number: int) -> list[models.AgendaItem]:
        topics = self.data["topics"]
        chosen = [projects[(number * 2 + k) % len(projects)] for k in range(2)]
        # (number, title, kind, project); "4.1" is a sub-item of "4".
        specs = [
            ("1", "Begrüßung, Feststellung der Beschlussfähigkeit, Tagesordnung", "formal", None),
            ("2", "Genehmigung des Protokolls der letzten Sitzung", "formal", None),
            ("3", "Bericht der Geschäftsstelle", "report", None),
            ("4", f"{chosen[0].title}: {topics[number % len(topics)]}", "consultation", chosen[0]),
            ("4.1", "Empfehlung an das Projekt", "resolution", chosen[0]),
            (
                "5",
                f"{chosen[1].title}: {topics[(number + 3) % len(topics)]}",
                "consultation",
                chosen[1],
            ),
            ("6", "Verschiedenes", "miscellaneous", None),
        ]
        items: list[models.AgendaItem] = []
        top_level: dict[str, models.AgendaItem] = {}
        for code, title, kind, project in specs:
            parent = top_level.get(code.rpartition(".")[0])
            item = models.AgendaItem(
                meeting_id=meeting.id,
                parent=parent,
                number=code,
                position=int(code.rpartition(".")[2]) - 1,
                title=title,
                kind=kind,
                planned_minutes=30 if kind == AgendaItemKind.CONSULTATION.value else 10,
                public=code != "5" or number % 3 != 0,
                presenter=project.contact_name if project is not None else "",
                project_id=project.id if project is not None else None,
                discussion=(
                    "Das Projektteam stellt den Stand vor. Der Rat diskutiert insbesondere "
                    "Datenschutz, Betrieb und Übertragbarkeit."
                    if kind == AgendaItemKind.CONSULTATION.value
                    else ""
                ),
            )
            self.session.add(item)
            items.append(item)
            if parent is None:
                top_level[code] = item
        self.session.flush()
        return items

    def _attendance(self, meeting, memberships, day: date) -> list[models.Membership]:
        """Record who came; return the members present."""
        present = []
        for membership in memberships:
            if not (membership.term_start <= day and (membership.term_end or day) >= day):
                continue
            roll = self.random.random()
            status = (
                AttendanceStatus.PRESENT
                if roll < 0.8
                else AttendanceStatus.EXCUSED
                if roll < 0.95
                else AttendanceStatus.ABSENT
            )
            self.session.add(
                models.Attendance(
                    meeting_id=meeting.id,
                    membership_id=membership.id,
                    status=status.value,
                    voting_right=membership.voting_right,
                    arrived_at=time(16, 0) if status is AttendanceStatus.PRESENT else None,
                )
            )
            if status is AttendanceStatus.PRESENT:
                present.append(membership)
        self.session.add(
            models.Guest(meeting_id=meeting.id, name="Henrike Vogt", affiliation="Projektleitung")
        )
        return present

    def _resolutions(self, items, present, projects) -> None:
        """Vote on each resolution item; a member whose institution is a partner of the
        project declares a conflict of interest and does not vote."""
        by_id = {p.id: p for p in projects}
        for item in items:
            if item.kind != AgendaItemKind.RESOLUTION.value or item.project_id is None:
                continue
            project = by_id[item.project_id]
            partners = {partner.name for partner in project.partners}
            recused = [m for m in present if m.person.affiliation in partners]
            for membership in recused:
                self.session.add(
                    models.ConflictOfInterest(
                        agenda_item_id=item.id,
                        membership_id=membership.id,
                        reason=f"{membership.person.affiliation} ist Partner des Projekts.",
                    )
                )
            voters = len(present) - len(recused)
            abstain = 1 if voters > 4 else 0
            item.motion_text = (
                f"Der Rat empfiehlt dem Projekt „{project.title}“, die in der Beratung "
                "genannten Punkte bis zur nächsten Sitzung aufzugreifen."
            )
            item.resolution_text = item.motion_text
            item.result = "angenommen"
            self.session.add(
                models.Vote(
                    agenda_item_id=item.id,
                    subject=item.motion_text,
                    yes=voters - abstain,
                    no=0,
                    abstain=abstain,
                    recused=len(recused),
                    adopted=True,
                )
            )

    def _minutes(self, meeting, day: date, number: int, count: int) -> None:
        # Minutes of all but the latest held meeting were approved in the following one.
        approved = number < count - 2
        self.session.add(
            models.MinutesVersion(
                meeting_id=meeting.id,
                number=1,
                state=(MinutesState.APPROVED if approved else MinutesState.CIRCULATED).value,
                circulated_on=day + timedelta(days=10),
                approved_on=day + relativedelta(months=3) if approved else None,
            )
        )

    def _recommendation(self, council, item, day: date, codes: dict[int, int]) -> None:
        codes[day.year] = codes.get(day.year, 0) + 1
        status = _STATUS_CYCLE[self.recommendations % len(_STATUS_CYCLE)]
        sent = status not in (RecommendationStatus.ADOPTED, RecommendationStatus.DRAFT)
        due = day + timedelta(days=7) + relativedelta(months=council.response_period_months)
        verdict = _VERDICTS.get(status)
        texts = self.data["recommendations"]
        recommendation = models.Recommendation(
            council_id=council.id,
            code=f"E-{day.year}-{codes[day.year]:02d}",
            kind=(
                RecommendationKind.IMPULSE
                if self.recommendations % 4 == 3
                else RecommendationKind.RECOMMENDATION
            ).value,
            title=texts[self.recommendations % len(texts)][:80],
            text=texts[self.recommendations % len(texts)],
            action_field_id=self.session.get(models.Project, item.project_id).action_field_id,
            projects=[models.RecommendationProject(project_id=item.project_id, position=0)],
            origin_agenda_item_id=item.id,
            adopted_on=None if status is RecommendationStatus.DRAFT else day,
            sent_on=day + timedelta(days=7) if sent else None,
            due_on=due if sent else None,
            status=status.value,
        )
        self.session.add(recommendation)
        self.session.flush()
        if verdict is not None:
            self.session.add(
                models.RecommendationResponse(
                    recommendation_id=recommendation.id,
                    received_on=due - timedelta(days=5),
                    responder="Projektleitung",
                    verdict=verdict.value,
                    reasons="Das Projekt nimmt wie folgt Stellung: …",
                    final=status is not RecommendationStatus.ANSWERED,
                )
            )
        self.session.add(
            models.RecommendationStatusChange(
                recommendation_id=recommendation.id,
                occurred_on=day,
                changed_at=_utc(datetime.combine(day, time(18, 0))),
                from_status=None,
                to_status=status.value,
                actor="Demodaten",
            )
        )
        self.recommendations += 1


def _utc(local: datetime) -> datetime:
    """A wall-clock time of the demo council (Europe/Berlin) as the naive UTC it is stored as."""
    return local.replace(tzinfo=_COUNCIL_ZONE).astimezone(UTC).replace(tzinfo=None)


def _term_end(today: date, index: int) -> date:
    """Terms of the demo members: one runs out soon, the others are staggered."""
    months = 4 if index == 3 else (14 if index % 2 else 26)
    return today + relativedelta(months=months)


def _email(given: str, family: str) -> str:
    plain = transliterate(f"{given}.{family}").lower()
    plain = "".join(ch for ch in plain if ch.isalnum() or ch in ".-")
    return f"{plain}@example.org"
