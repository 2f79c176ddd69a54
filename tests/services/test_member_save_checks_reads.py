"""The member dialog's checks before a save read the council's members and the stored
membership once each (found by a helper: twice each, a round trip each to a server)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from client_statements import recorded_statements

from expertenrat.domain.enums import MemberRole


def test_the_checks_of_a_changed_member_read_members_and_membership_once(
    database, members_service, council, new_member, today
) -> None:
    known = members_service.persons(council.id)
    saved = members_service.save(council.id, new_member("Anna", "Berg"), today)
    members_service.save(council.id, new_member("Kim", "Dahl"), today)
    changed = replace(saved, role=MemberRole.CHAIR, term_start=date(2024, 1, 1))

    with recorded_statements(database.engine) as statements:
        problems, question = members_service.save_checks(council.id, changed, today, known)

    assert (problems, question) == ([], "")
    flat = [" ".join(s.split()) for s in statements]
    assert sum(s.startswith("SELECT memberships.id AS id, persons.id") for s in flat) == 1
    assert sum("FROM memberships WHERE memberships.id = " in s for s in flat) == 1
