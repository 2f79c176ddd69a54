"""A known data set for the Übersicht (today: Friday 27.11.2026, notice period 7 days).

Members go through the members service; projects, meetings, agenda items, minutes
versions and recommendations are written as rows, each in the state the dashboard must
find: the figures the tests expect are written beside them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from expertenrat.domain.members import Member
from expertenrat.services.members import MembersService
from expertenrat.services.settings import SettingsService
from expertenrat.store import models
from expertenrat.store.database import Database


@dataclass(frozen=True)
class Sample:
    council_id: int
    fields: dict[str, int]  # action field ids by name
    members: dict[str, int]  # membership ids by family name
    projects: dict[str, int]  # project ids by short code
    meetings: dict[str, int]  # meeting ids by a name used in the tests
    recommendations: dict[str, int]  # recommendation ids by code


def seed(database: Database, council_id: int, suffix: str = "") -> Sample:
    """The data set; a ``suffix`` adds it once more (other names, codes and numbers)."""
    fields = {f.name: f.id for f in SettingsService(database, "Test").action_fields(council_id)}
    members_service = MembersService(database, "Test")
    members = {}
    for given, family, field, end in (
        ("Anna", "Berg", "Stadtdaten", date(2027, 3, 31)),  # ends within six months
        ("Ömer", "Çelik", "Umwelt", None),
    ):
        family += suffix
        member = Member(
            id=None,
            given_name=given,
            family_name=family,
            primary_field_id=fields[field],
            term_start=date(2025, 1, 1),
            term_end=end,
        )
        members[family] = members_service.save(council_id, member, date(2026, 11, 27)).id
    with database.transaction() as session:
        projects = {
            code: _add(
                session,
                models.Project(
                    council_id=council_id,
                    title=title,
                    short_code=code + suffix,
                    action_field_id=fields[field],
                ),
            )
            for code, title, field in (
                ("ODP", "Open-Data-Portal & <Co>", "Stadtdaten"),
                ("KLIMA", "Klimadashboard", "Umwelt"),
            )
        }
        meetings = {}
        for name, number, start, state, sent_on in (
            ("held_2025", 1, datetime(2025, 9, 1, 16), "held", date(2025, 8, 20)),
            ("held_march", 2, datetime(2026, 3, 10, 16), "held", date(2026, 3, 1)),
            ("held_june", 3, datetime(2026, 6, 10, 16), "held", date(2026, 6, 1)),
            ("planned_late", 4, datetime(2026, 11, 30, 16), "planned", None),
            ("invited", 5, datetime(2026, 12, 10, 16), "invited", date(2026, 11, 25)),
            ("planned_later", 6, datetime(2027, 2, 1, 16), "planned", None),
            ("cancelled", None, datetime(2026, 12, 1, 16), "cancelled", None),
        ):
            meetings[name] = _add(
                session,
                models.Meeting(
                    council_id=council_id,
                    number=number + 10 if number and suffix else number,
                    starts_at=start,
                    state=state,
                    invitation_sent_on=sent_on,
                ),
            )
        # Consultations: Stadtdaten 2 and Umwelt 1 in the meetings held in 2026; the 2025
        # one and the planned one do not count.
        for position, (meeting, project) in enumerate(
            (
                ("held_march", "ODP"),
                ("held_june", "ODP"),
                ("held_june", "KLIMA"),
                ("held_2025", "ODP"),
                ("planned_late", "KLIMA"),
            )
        ):
            session.add(
                models.AgendaItem(
                    meeting_id=meetings[meeting],
                    number=str(position + 1),
                    position=position,
                    title=f"Beratung {project}",
                    project_id=projects[project],
                )
            )
        # Minutes: 2025 approved (not listed), June circulated (approval), March none.
        session.add(
            models.MinutesVersion(
                meeting_id=meetings["held_2025"],
                number=1,
                state="approved",
                circulated_on=date(2025, 9, 10),
                approved_on=date(2026, 3, 10),
            )
        )
        session.add(
            models.MinutesVersion(
                meeting_id=meetings["held_june"],
                number=1,
                state="circulated",
                circulated_on=date(2026, 6, 20),
            )
        )
        recommendations = {}
        for code, field, project, adopted, status, due, verdict in (
            ("E-2026-01", "Stadtdaten", "ODP", date(2026, 3, 10), "sent", date(2026, 11, 1), None),
            ("E-2026-02", "Stadtdaten", "ODP", date(2026, 3, 10), "answered", None, "complied"),
            ("E-2026-03", "Stadtdaten", None, date(2026, 6, 10), "answered", None, "not_complied"),
            ("E-2026-04", "Umwelt", "KLIMA", date(2026, 6, 10), "sent", date(2026, 12, 5), None),
            ("E-2026-05", "Umwelt", None, date(2026, 6, 10), "adopted", None, None),
            ("E-2026-06", "Umwelt", "KLIMA", date(2026, 6, 10), "sent", date(2027, 1, 31), None),
            ("E-2025-01", "Stadtdaten", "ODP", date(2025, 9, 1), "implemented", None, "complied"),
            ("E-2025-02", None, None, date(2025, 9, 1), "withdrawn", None, None),
        ):
            recommendation_id = _add(
                session,
                models.Recommendation(
                    council_id=council_id,
                    code=code + suffix,
                    title=f"Empfehlung {code}",
                    action_field_id=fields[field] if field else None,
                    adopted_on=adopted,
                    sent_on=adopted if status != "adopted" else None,
                    due_on=due,
                    status=status,
                ),
            )
            recommendations[code] = recommendation_id
            if project:
                session.add(
                    models.RecommendationProject(
                        recommendation_id=recommendation_id, project_id=projects[project]
                    )
                )
            if verdict:
                # An interim answer first: only the latest one counts as the verdict.
                for received_on, said in (
                    (date(2026, 7, 1), "planned"),
                    (date(2026, 8, 1), verdict),
                ):
                    session.add(
                        models.RecommendationResponse(
                            recommendation_id=recommendation_id,
                            received_on=received_on,
                            verdict=said,
                            reasons="Begründung",
                        )
                    )
    return Sample(council_id, fields, members, projects, meetings, recommendations)


def _add(session, row) -> int:
    session.add(row)
    session.flush()
    return row.id
