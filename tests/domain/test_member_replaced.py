from dataclasses import replace
from datetime import date

from expertenrat.domain.enums import MemberRole
from expertenrat.domain.members import Member, replaced


def test_replaced_gives_what_dataclasses_replace_gives() -> None:
    member = Member(
        None, "Jörg", "Berg", title="Dr.", role=MemberRole.CHAIR, term_start=date(2025, 1, 1)
    )
    changes = {"id": 7, "person_id": 3, "further_field_ids": (2, 5), "version": 1}

    assert replaced(member, **changes) == replace(member, **changes)
    assert replaced(member) == member
