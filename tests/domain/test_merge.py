"""Merging two versions of a record: the changed side suggested, versions from the store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from expertenrat.domain.members import Member
from expertenrat.domain.merge import FieldDifference, differences, merged

BASE = Member(id=7, given_name="Anna", family_name="Berg", phone="1", email="a@x.de",
              term_start=date(2025, 1, 1), version=3, person_version=2)  # fmt: skip


def test_only_fields_that_differ_are_offered_with_the_changed_side_suggested():
    mine = replace(BASE, phone="2", email="mine@x.de")
    theirs = replace(BASE, email="theirs@x.de", family_name="Berg-Ost", version=4)

    assert differences(BASE, mine, theirs) == [
        FieldDifference("family_name", "Berg", "Berg-Ost", take_theirs=True, both_changed=False),
        FieldDifference("email", "mine@x.de", "theirs@x.de", take_theirs=False, both_changed=True),
        FieldDifference("phone", "2", "1", take_theirs=False, both_changed=False),
    ]


def test_the_same_change_on_both_sides_is_no_difference():
    mine = replace(BASE, phone="2")
    assert differences(BASE, mine, replace(mine, version=9, person_version=5)) == []


def test_the_merged_record_takes_the_chosen_fields_and_the_stored_versions():
    mine = replace(BASE, phone="2", email="mine@x.de")
    theirs = replace(BASE, email="theirs@x.de", version=4, person_version=3)

    result = merged(mine, theirs, {"email"})

    assert (result.phone, result.email) == ("2", "theirs@x.de")
    assert (result.id, result.version, result.person_version) == (7, 4, 3)
