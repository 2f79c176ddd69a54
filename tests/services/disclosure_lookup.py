"""Finding one's way in an Auskunft in the tests: a person's number by family name, a
section by title."""

from __future__ import annotations

from expertenrat.domain.person_disclosure import DisclosureSection, PersonDisclosure
from expertenrat.services.person_disclosure import PersonDisclosureService


def person_number(service: PersonDisclosureService, family_name: str) -> int:
    (found,) = [p.person_id for p in service.persons() if p.name.endswith(family_name)]
    return found


def section_titled(disclosure: PersonDisclosure, title: str) -> DisclosureSection:
    (found,) = [s for s in disclosure.sections if s.title == title]
    return found
