"""build_roster: who is on the roster, what of them is shown, and in which order."""

from __future__ import annotations

from datetime import date

import pytest

from expertenrat.domain.councils import ActionField, CouncilSettings
from expertenrat.domain.enums import MemberRole, Sector
from expertenrat.domain.members import Member
from expertenrat.domain.roster import RosterDocument, RosterGrouping, build_roster

TODAY = date(2026, 3, 5)
# Deliberately not in position order: the roster must follow ActionField.position.
FIELDS = [
    ActionField(3, "Stadtdaten", position=2),
    ActionField(1, "Moderne Verwaltung", position=0),
    ActionField(4, "Umwelt", position=3),
    ActionField(2, "Soziale Stadt", position=1),
]
COUNCIL = CouncilSettings(7, "Smart City Expert*innenrat", "Rostock", logo_png=b"\x89PNG-logo")


def member(member_id: int, given: str, family: str, **changes: object) -> Member:
    values: dict[str, object] = {
        "id": member_id,
        "given_name": given,
        "family_name": family,
        "title": "",
        "form_of_address": "Frau",
        "affiliation": "Universität Rostock",
        "position": "Professorin",
        "sector": Sector.RESEARCH,
        "email": f"m{member_id}@example.org",
        "phone": f"0381 {member_id:04d}",
        "postal_address": f"Neuer Markt {member_id}\n18055 Rostock",
        "role": MemberRole.MEMBER,
        "term_start": date(2024, 1, 1),
        "term_end": None,
        "primary_field_id": 1,
        "publish_name": True,
        "publish_contact": True,
    }
    values.update(changes)
    return Member(**values)  # type: ignore[arg-type]


def roster(members: list[Member], *, public: bool) -> RosterDocument:
    return build_roster(
        members, FIELDS, COUNCIL, public=public, grouping=RosterGrouping.BY_FIELD, today=TODAY
    )


def names(doc: RosterDocument) -> list[str]:
    return [e.name for e in doc.entries]


@pytest.mark.parametrize("public", [False, True])
def test_only_members_active_today(public: bool) -> None:
    members = [
        member(1, "Anna", "Aktiv"),
        member(2, "Bea", "Beginnt", term_start=date(2026, 3, 6)),
        member(3, "Carl", "Beendet", term_end=date(2026, 3, 4)),
        member(4, "Dora", "Endetheute", term_end=TODAY),
        member(5, "Emil", "Beginntheute", term_start=TODAY),
        member(6, "Fritz", "Frueher", term_start=date(2020, 1, 1), term_end=date(2022, 1, 1)),
    ]

    doc = roster(members, public=public)

    assert names(doc) == ["Anna Aktiv", "Emil Beginntheute", "Dora Endetheute"]


def test_internal_roster_shows_everything_regardless_of_consent() -> None:
    secretive = member(
        1,
        "Anna",
        "Berg",
        title="Prof. Dr.",
        role=MemberRole.CHAIR,
        sector=Sector.CIVIL_SOCIETY,
        term_end=date(2027, 12, 31),
        primary_field_id=2,
        further_field_ids=(4, 3),
        publish_name=False,
        publish_contact=False,
    )

    doc = roster([secretive], public=False)

    assert doc.withheld_count == 0
    (entry,) = doc.entries
    assert entry.name == "Prof. Dr. Anna Berg"
    assert entry.form_of_address == "Frau"
    assert entry.role == "Vorsitz"
    assert entry.sector == "Zivilgesellschaft"
    assert (entry.affiliation, entry.position) == ("Universität Rostock", "Professorin")
    assert entry.primary_field == "Soziale Stadt"
    assert entry.further_fields == ("Stadtdaten", "Umwelt")
    assert (entry.term_start, entry.term_end) == (date(2024, 1, 1), date(2027, 12, 31))
    assert entry.email == "m1@example.org"
    assert entry.phone == "0381 0001"
    assert entry.postal_address == "Neuer Markt 1\n18055 Rostock"


def test_public_roster_leaves_out_members_without_name_consent_and_counts_them() -> None:
    members = [
        member(1, "Anna", "Berg"),
        member(2, "Bernd", "Geheim", publish_name=False, publish_contact=True),
        member(3, "Clara", "Verborgen", publish_name=False),
        # Not active: neither listed nor counted.
        member(4, "Dieter", "Ehemalig", publish_name=False, term_end=date(2025, 1, 1)),
    ]

    doc = roster(members, public=True)

    assert names(doc) == ["Anna Berg"]
    assert doc.withheld_count == 2
    assert doc.public is True


def test_public_roster_blanks_contact_data_without_contact_consent() -> None:
    members = [
        member(1, "Anna", "Offen", publish_contact=True),
        member(2, "Bernd", "Diskret", publish_contact=False, role=MemberRole.VICE_CHAIR),
    ]

    doc = roster(members, public=True)

    discreet, open_ = doc.entries
    assert discreet.name == "Bernd Diskret"
    assert (discreet.email, discreet.phone, discreet.postal_address) == ("", "", "")
    # Name consent alone still shows role, fields, affiliation and position.
    assert discreet.role == "Stellv. Vorsitz"
    assert discreet.primary_field == "Moderne Verwaltung"
    assert (discreet.affiliation, discreet.position) == ("Universität Rostock", "Professorin")
    assert open_.email == "m1@example.org"
    assert open_.phone == "0381 0001"
    assert open_.postal_address == "Neuer Markt 1\n18055 Rostock"


def test_fields_follow_the_position_order_with_the_primary_field_first() -> None:
    someone = member(1, "Anna", "Berg", primary_field_id=4, further_field_ids=(3, 4, 99, 1, 3))

    doc = roster([someone], public=False)

    assert doc.field_names == ("Moderne Verwaltung", "Soziale Stadt", "Stadtdaten", "Umwelt")
    (entry,) = doc.entries
    assert entry.primary_field == "Umwelt"
    # Unknown ids and repeats of the primary field are dropped.
    assert entry.further_fields == ("Moderne Verwaltung", "Stadtdaten")


def test_member_without_primary_field_has_empty_primary_field() -> None:
    doc = roster([member(1, "Anna", "Berg", primary_field_id=None)], public=False)

    assert doc.entries[0].primary_field == ""


def test_entries_sorted_by_family_then_given_name_ignoring_case_and_accents() -> None:
    members = [
        member(1, "Zoë", "Brontë"),
        member(2, "anna", "zander"),
        member(3, "Ödön", "Pál"),
        member(4, "Łukasz", "Wiśniewski"),
        member(5, "Gülşen", "Yılmaz"),
        member(6, "Berta", "Özdemir"),
        member(7, "Anton", "Özdemir"),
        member(8, "Paul", "Berg"),
        member(9, "Petra", "Bergmann"),
        member(10, "Olga", "Neumann"),
        member(11, "Xaver", "Pohl"),
    ]

    doc = roster(members, public=False)

    assert names(doc) == [
        "Paul Berg",
        "Petra Bergmann",
        "Zoë Brontë",
        "Olga Neumann",
        "Anton Özdemir",
        "Berta Özdemir",
        "Ödön Pál",
        "Xaver Pohl",
        "Łukasz Wiśniewski",
        "Gülşen Yılmaz",
        "anna zander",
    ]


def test_document_carries_council_date_grouping_and_logo() -> None:
    doc = build_roster(
        [],
        FIELDS,
        COUNCIL,
        public=False,
        grouping=RosterGrouping.ALPHABETICAL,
        today=TODAY,
    )

    assert doc.council_name == "Smart City Expert*innenrat"
    assert doc.city == "Rostock"
    assert doc.printed_on == TODAY
    assert doc.grouping is RosterGrouping.ALPHABETICAL
    assert doc.logo_png == b"\x89PNG-logo"
    assert doc.entries == ()
    assert doc.withheld_count == 0
