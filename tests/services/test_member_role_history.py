"""A changed role holds for the whole term: the member dialog warns where minutes not yet
approved would then name the member in the new role for meetings already held."""

from __future__ import annotations

from dataclasses import replace

from expertenrat.domain.enums import MemberRole
from expertenrat.services.context import Services


def _member(services: Services, council_id: int, family_name: str):
    (found,) = [m for m in services.members.members(council_id) if m.family_name == family_name]
    return found


def test_a_chair_who_steps_down_is_warned_of_the_unapproved_minutes_that_would_change(
    demo_database, today
):
    """(found by a tester) the chair stepped down and stayed a member: her role edited to
    "Mitglied", the circulated minutes of the 5. and the draft of the 6. Sitzung, which she
    chaired, listed her as "Mitglied" and her vice chair as "Vorsitz", without a word."""
    services = Services.create(demo_database, "tester")
    council = services.settings.councils()[0].id
    chair = _member(services, council, "Lindqvist")

    problems = services.members.problems(council, replace(chair, role=MemberRole.MEMBER), today)

    # (the other warning at the role names the meetings ahead she chairs)
    (warning,) = [p for p in problems if p.field == "role" and "Protokoll" in p.message]
    assert warning.warning
    assert "5. Sitzung am " in warning.message and "6. Sitzung am " in warning.message
    assert "als Mitglied statt als Vorsitz" in warning.message
    assert "„Weitere Amtszeit …“" in warning.message
    # approved minutes are frozen: the 1. to 4. Sitzung are not named
    assert "4. Sitzung" not in warning.message


def test_the_vice_chair_is_named_in_lower_case_inside_the_sentence(demo_database, today):
    """(found by a tester) the vice chair's title "Stellvertretung" read like a member's
    substitute; inside a sentence its new one is "stellv. Vorsitz"."""
    services = Services.create(demo_database, "tester")
    council = services.settings.councils()[0].id
    chair = _member(services, council, "Lindqvist")

    changed = replace(chair, role=MemberRole.VICE_CHAIR)
    problems = services.members.problems(council, changed, today)

    (warning,) = [p for p in problems if p.field == "role" and "Protokoll" in p.message]
    assert "dann als stellv. Vorsitz statt als Vorsitz" in warning.message


def test_an_unchanged_role_or_a_member_of_no_held_meeting_is_not_warned(demo_database, today):
    services = Services.create(demo_database, "tester")
    council = services.settings.councils()[0].id
    member = _member(services, council, "Yılmaz")

    assert not [p for p in services.members.problems(council, member, today) if p.field == "role"]
    renamed = replace(member, affiliation="Stadtteilzentrum Dierkow")
    assert not [p for p in services.members.problems(council, renamed, today) if p.field == "role"]
