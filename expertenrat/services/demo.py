"""Demo data: a realistic, fictional council (and many more for benchmarks).

The first council is the Rostock Smart City Expert*innenrat from
``resources/demo/demo_council.json``; further councils (``councils > 1``) reuse the people
and projects under other cities' names. Last comes a second city started the way another
city would: the Lübeck Beirat, made from the settings file ``resources/demo/
luebeck_settings.json`` (the transfer kit; five action fields), with a few members and
nothing else yet. Everything is derived from a fixed random seed and
``today``, so two runs give the same data. ``today`` is the demo's day: by default today as
its councils count it (in their time zone, not the PC's), and every step of the demo is
dated and checked by it, not by the clock.

The demo goes through the services and the domain rules, never around them: the council
and its action fields (settings), members, projects, meetings and their agendas,
invitations, attendance, conflicts of interest, the minutes with votes and recommendations,
annexes, circulation, objections and approval (``demo_meetings``, ``demo_minutes``). All
of it runs in one transaction (``demo_unit``): a load lands completely or not at all.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, replace
from datetime import date

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select

from expertenrat.domain.councils import CouncilSettings, new_council_today
from expertenrat.domain.enums import (
    AuditAction,
    ConsentSource,
    MemberRole,
    MinutesStyle,
    ProjectPhase,
    Sector,
)
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.members import Member
from expertenrat.domain.projects import Project
from expertenrat.domain.recommendation_codes import free_code_prefix
from expertenrat.domain.text_folding import transliterate
from expertenrat.domain.wording import counted
from expertenrat.paths import resource_path
from expertenrat.services import audit
from expertenrat.services.demo_calendar import demo_calendar
from expertenrat.services.demo_meetings import DemoCouncil, DemoMeetings
from expertenrat.services.demo_minutes import NOTICE_DAYS
from expertenrat.services.demo_register import add_joint_recommendation, advance_recommendations
from expertenrat.services.demo_unit import SharedTransaction
from expertenrat.services.member_writes import save_members
from expertenrat.services.unit_of_work import changing
from expertenrat.store import models
from expertenrat.store.database import Database

MEETINGS_PER_YEAR = 4


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

    def load(self, today: date | None = None, *, councils: int = 1, years: int = 2) -> DemoSummary:
        """Fill an empty database; refuse one that already holds a council. ``today``: the
        demo's day (default: today as its councils count it, in their time zone)."""
        if councils < 1 or years < 1:
            raise ExpertenratError("Anzahl der Gremien und Jahre müssen mindestens 1 sein.")
        today = today or new_council_today()
        data = json.loads(resource_path("demo", "demo_council.json").read_text("utf-8"))
        with changing(self._db, "Die Demodaten") as session:
            if session.scalar(select(func.count(models.Council.id))):
                raise ExpertenratError(
                    "Die Datenbank enthält schon Daten. Demodaten werden nur in eine leere "
                    "Datenbank geladen."
                )
            builder = _Builder(
                SharedTransaction(self._db, session), data, today, years, self._actor
            )
            for index in range(councils):
                builder.council(index)
                session.flush()
                session.expunge_all()  # the next council reads what it needs again
            builder.transferred_council()
            audit.record(
                session,
                self._actor,
                AuditAction.IMPORT,
                "demo",
                None,
                summary=(
                    f"Demodaten geladen ({counted(councils + 1, 'Gremium', 'Gremien')}, "
                    f"{counted(years, 'Jahr', 'Jahre')})"
                ),
            )
            return DemoSummary(
                councils=councils + 1,
                members=builder.members,
                meetings=builder.meetings,
                recommendations=builder.recommendations,
            )


class _Builder:
    def __init__(
        self, unit: SharedTransaction, data: dict, today: date, years: int, actor: str
    ) -> None:
        from expertenrat.services.projects import ProjectsService
        from expertenrat.services.settings import SettingsService

        self.unit = unit
        self.actor = actor
        self.data = data
        self.today = today
        self.years = years
        self.random = random.Random(20260701)
        self.settings = SettingsService(unit, actor)
        self.projects = ProjectsService(unit, actor)
        self.meetings_builder = DemoMeetings(unit, actor, data, today, self.random)
        self.members = self.meetings = self.recommendations = 0

    def council(self, index: int) -> None:
        info = self.data["council"]
        city = info["city"] if index == 0 else self.data["cities"][(index - 1) % 22]
        suffix = "" if index < 23 else f" {index // 22 + 1}"
        # Rostock "E", the others a prefix of their own ("L" for Lübeck): with one prefix
        # the Einstellungen warned at every save that another council uses it.
        prefix = free_code_prefix(city, self.settings.code_prefixes())
        settings = self.settings.create_council(
            CouncilSettings(
                id=None,
                name=info["name"] + suffix,
                short_name=info["short_name"],
                city=city,
                recommendation_prefix=prefix,
                secretariat=info["secretariat"],
                minutes_style=MinutesStyle.COURSE,  # the minutes keep the discussion too
                notice_period_days=NOTICE_DAYS,
            )
        )
        fields = {f.name: f.id for f in self.settings.action_fields(settings.id)}
        calendar = demo_calendar(
            self.today, MEETINGS_PER_YEAR * self.years - 2, settings.bundesland
        )
        start = calendar.term_start
        members = save_members(
            self.unit.session,
            self.actor,
            settings.id,
            [self._member(fields, m, start, i) for i, m in enumerate(self.data["members"])],
            self.today,
            source=ConsentSource.DEMO,
        )
        projects = []
        for info in self.data["projects"]:
            project = self._project(fields, info)
            projects.append(replace(project, id=self.projects.create(settings.id, project)))
        council = DemoCouncil(
            settings.id, city, tuple(members), tuple(projects), settings.bundesland
        )
        built = self.meetings_builder.build(council, calendar)
        self.members += len(members)
        self.meetings += built.meetings
        self.recommendations += advance_recommendations(
            self.unit,
            self.actor,
            settings.id,
            built.recommendations,
            self.today,
            first_index=self.meetings_builder.minutes.adopted - len(built.recommendations),
        )
        joint = self.data["joint_recommendation"]
        by_code = {
            info["code"]: p.id for info, p in zip(self.data["projects"], projects, strict=True)
        }
        first, second = (by_code[code] for code in joint["projects"])
        add_joint_recommendation(
            self.unit, self.actor, settings.id, joint["title"], joint["text"],
            (first, second), self.today,
        )  # fmt: skip
        self.recommendations += 1

    def transferred_council(self) -> None:
        """The Lübeck Beirat from its settings file, with its first members."""
        from expertenrat.services.council_transfer import CouncilTransferService

        info = self.data["transferred"]
        transfer = CouncilTransferService(self.unit, self.actor)
        template = transfer.read(resource_path("demo", info["file"]).read_bytes())
        council_id = transfer.create_council(template)
        fields = {f.name: f.id for f in self.settings.action_fields(council_id)}
        start = self.today - relativedelta(months=5)
        place = (info["postcode"], info["area_code"])
        members = [self._member(fields, m, start, i, place) for i, m in enumerate(info["members"])]
        save_members(
            self.unit.session, self.actor, council_id, members, self.today,
            source=ConsentSource.DEMO,
        )  # fmt: skip
        self.members += len(members)

    def _member(
        self,
        fields: dict[str, int],
        info: dict,
        start: date,
        index: int,
        place: tuple[str, str] = ("18055 Rostock", "381"),
    ) -> Member:
        """A demo member; ``place`` is the postcode and town and the phone area code."""
        former = info.get("former", False)
        name, contact = info["consent"]
        primary, *further = info["fields"]
        return Member(
            id=None,
            title=info["title"],
            form_of_address=info["address"],
            given_name=info["given"],
            family_name=info["family"],
            affiliation=info["affiliation"],
            position=info["position"],
            sector=Sector(info["sector"]),
            email=_email(info["given"], info["family"]),
            phone=f"+49 {place[1]} {self.random.randint(100000, 999999)}",
            postal_address=f"{info['affiliation']}\n{place[0]}",
            role=MemberRole(info["role"]),
            term_start=start,
            term_end=(start + relativedelta(years=1)) if former else _term_end(self.today, index),
            voting_right=True,
            primary_field_id=fields[primary],
            further_field_ids=tuple(sorted(fields[name] for name in further)),
            publish_name=name,
            publish_name_on=start if name else None,
            publish_contact=contact,
            publish_contact_on=start if contact else None,
        )

    def _project(self, fields: dict[str, int], info: dict) -> Project:
        return Project(
            id=None,
            title=info["title"],
            short_code=info["code"],
            action_field_id=fields[info["field"]],
            lead_unit=info["lead"],
            contact_name=info["contact"],
            contact_email=_email(*info["contact"].split()[-2:]),
            phase=ProjectPhase(info["phase"]),
            partners=tuple(info["partners"].splitlines()),
        )


def _term_end(today: date, index: int) -> date:
    """Terms of the demo members: one runs out soon, the others are staggered."""
    months = 4 if index == 3 else (14 if index % 2 else 26)
    return today + relativedelta(months=months)


def _email(given: str, family: str) -> str:
    plain = transliterate(f"{given}.{family}").lower()
    plain = "".join(ch for ch in plain if ch.isalnum() or ch in ".-")
    return f"{plain}@example.org"
