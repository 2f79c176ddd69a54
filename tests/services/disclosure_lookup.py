"""Finding one's way in an Auskunft in the tests: a person's number by family name, a
section by title; and a member of a new council to ask one about."""

from __future__ import annotations

from datetime import date
from typing import Any

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.members import Member
from expertenrat.domain.person_disclosure import DisclosureSection, PersonDisclosure
from expertenrat.services.context import Services
from expertenrat.services.person_disclosure import PersonDisclosureService


def member_of_new_council(services: Services, today: date, **values: Any) -> Member:
    """A member saved in a new council "Beirat" in Wismar, in its first action field from
    ``today`` on; ``values``: the Member's names and whatever else it is to have."""
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Beirat", city="Wismar")
    )
    field = services.settings.action_fields(council.id)[0]
    member = Member(id=None, primary_field_id=field.id, term_start=today, **values)
    return services.members.save(council.id, member, today)


def person_number(service: PersonDisclosureService, family_name: str) -> int:
    (found,) = [p.person_id for p in service.persons() if p.name.endswith(family_name)]
    return found


def section_titled(disclosure: PersonDisclosure, title: str) -> DisclosureSection:
    (found,) = [s for s in disclosure.sections if s.title == title]
    return found
