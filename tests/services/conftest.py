"""Fixtures for the service tests: a council with its default action fields and members."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from invited_agenda import invite_with_items

from expertenrat.domain.councils import ActionField, CouncilSettings
from expertenrat.domain.members import Member
from expertenrat.services.agenda import AgendaService
from expertenrat.services.meeting_documents import MeetingDocumentsService
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.members import MembersService
from expertenrat.services.settings import SettingsService


@pytest.fixture
def actor() -> str:
    """Who the services record in the audit trail."""
    return "Frau Schulz"


@pytest.fixture
def settings_service(database, actor) -> SettingsService:
    return SettingsService(database, actor)


@pytest.fixture
def members_service(database, actor) -> MembersService:
    return MembersService(database, actor)


@pytest.fixture
def council(settings_service) -> CouncilSettings:
    return settings_service.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )


@pytest.fixture
def fields(settings_service, council) -> dict[str, ActionField]:
    """The council's action fields by name."""
    return {f.name: f for f in settings_service.action_fields(council.id)}


@pytest.fixture
def new_member(fields) -> Callable[..., Member]:
    """Make an unsaved member in the field "Stadtdaten" whose term began on 1 Jan 2025."""

    def make(given_name: str = "Anna", family_name: str = "Berg", **changes) -> Member:
        values = {
            "primary_field_id": fields["Stadtdaten"].id,
            "term_start": date(2025, 1, 1),
            **changes,
        }
        return Member(id=None, given_name=given_name, family_name=family_name, **values)

    return make


@pytest.fixture
def meetings_service(database, actor) -> MeetingsService:
    return MeetingsService(database, actor)


@pytest.fixture
def agenda(database, actor) -> AgendaService:
    return AgendaService(database, actor)


@pytest.fixture
def documents(database, actor, meetings_service) -> MeetingDocumentsService:
    return MeetingDocumentsService(database, actor, meetings_service)


@pytest.fixture
def invited(meetings_service, agenda, council) -> int:
    """A meeting invited to with a public and a non-public part (:mod:`invited_agenda`)."""
    return invite_with_items(meetings_service, agenda, council.id)


NINE = ["Berg", "Çelik", "Dahl", "Engel", "Falk", "Groß", "Hahn", "Iversen", "Jäger"]


@pytest.fixture
def nine(members_service, council, new_member, today) -> list[int]:
    """Nine members "Anna Berg", "Anna Çelik" … "Anna Jäger" (:data:`NINE`), their ids."""
    return [members_service.save(council.id, new_member("Anna", name), today).id for name in NINE]
