"""Composition warnings: too few members, an uncovered field, sectors, ending terms."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from expertenrat.domain.composition import check_composition
from expertenrat.domain.councils import ActionField, CouncilSettings
from expertenrat.domain.enums import MemberRole, Sector
from expertenrat.domain.members import Member

TODAY = date(2026, 11, 27)
FIELDS = [
    ActionField(1, "Moderne Verwaltung"),
    ActionField(2, "Soziale Stadt"),
    ActionField(3, "Stadtdaten"),
    ActionField(4, "Umwelt"),
]
COUNCIL = CouncilSettings(id=1, name="Rat", city="Rostock", min_members=8, max_members=10)
SECTORS = [Sector.RESEARCH, Sector.BUSINESS, Sector.CIVIL_SOCIETY, Sector.ADMINISTRATION]


def member(number: int, field: int, **changes) -> Member:
    values = {
        "id": number,
        "person_id": number,
        "given_name": f"Vorname{number}",
        "family_name": f"Nachname{number}",
        "primary_field_id": field,
        "sector": SECTORS[number % 4],
        "term_start": date(2025, 1, 1),
        "term_end": date(2028, 12, 31),
        "role": MemberRole.CHAIR
        if number == 1
        else MemberRole.VICE_CHAIR
        if number == 2
        else MemberRole.MEMBER,
    }
    values.update(changes)
    return Member(**values)


def balanced(count: int = 8) -> list[Member]:
    return [member(n, (n % 4) + 1) for n in range(1, count + 1)]


def test_a_balanced_council_has_no_warnings():
    composition = check_composition(balanced(), FIELDS, COUNCIL, TODAY)
    assert composition.warnings == ()
    assert composition.ok
    assert composition.active == 8
    assert [c.primary for c in composition.coverage] == [2, 2, 2, 2]


def test_seven_members_are_too_few():
    composition = check_composition(balanced(7), FIELDS, COUNCIL, TODAY)
    assert "Nur 7 aktive Mitglieder – mindestens 8 sind vorgesehen." in composition.warnings


def test_a_council_without_members_has_none_yet_not_only_0():
    """(found by a tester) a new council's first note read "Nur 0 aktive Mitglieder"."""
    composition = check_composition([], FIELDS, COUNCIL, TODAY)
    assert "Noch keine aktiven Mitglieder – mindestens 8 sind vorgesehen." in composition.warnings
    assert not any("Nur 0" in w for w in composition.warnings)


def test_eleven_members_are_too_many():
    composition = check_composition(balanced(11), FIELDS, COUNCIL, TODAY)
    assert "11 aktive Mitglieder – höchstens 10 sind vorgesehen." in composition.warnings


def test_one_member_and_a_limit_of_one_are_named_in_the_singular():
    """(found by review) "Nur 1 aktive Mitglieder – mindestens 8 sind vorgesehen.", "… –
    höchstens 1 sind vorgesehen." and "Dann bleiben 1 aktive Mitglieder"."""
    one = check_composition(balanced(1), FIELDS, COUNCIL, TODAY)
    single = replace(COUNCIL, min_members=1, max_members=1)
    two = check_composition(balanced(2), FIELDS, single, TODAY)
    leaving = [*balanced(1), member(2, 2, term_end=date(2027, 3, 31))]
    ending = check_composition(leaving, FIELDS, replace(COUNCIL, min_members=2), TODAY)

    assert "Nur 1 aktives Mitglied – mindestens 8 sind vorgesehen." in one.warnings
    assert "2 aktive Mitglieder – höchstens 1 ist vorgesehen." in two.warnings
    assert any("Dann bleibt 1 aktives Mitglied (mindestens 2)." in w for w in ending.warnings)


def test_former_members_do_not_count():
    members = [*balanced(), member(9, 1, term_end=date(2026, 1, 31))]
    assert check_composition(members, FIELDS, COUNCIL, TODAY).active == 8


def test_an_uncovered_field_is_named():
    members = [m for m in balanced(10) if m.primary_field_id != 3]
    composition = check_composition(members, FIELDS, COUNCIL, TODAY)
    assert "Stadtdaten ist von keinem aktiven Mitglied abgedeckt." in composition.warnings


def test_a_further_field_counts_as_coverage():
    members = [m for m in balanced(10) if m.primary_field_id != 3]
    members[0] = member(members[0].id, members[0].primary_field_id, further_field_ids=(3,))
    composition = check_composition(members, FIELDS, COUNCIL, TODAY)
    assert not any("Stadtdaten" in w for w in composition.warnings)
    assert next(c for c in composition.coverage if c.field.id == 3).further == 1


def test_one_sector_dominating_is_unbalanced():
    members = [member(n, (n % 4) + 1, sector=Sector.BUSINESS) for n in range(1, 9)]
    composition = check_composition(members, FIELDS, COUNCIL, TODAY)
    assert (
        "Unausgewogen: 8 von 8 aktiven Mitgliedern kommen aus dem Bereich Wirtschaft."
        in composition.warnings
    )


def test_a_term_ending_soon_names_what_follows():
    members = [m for m in balanced(8) if m.primary_field_id != 3]
    members.append(member(20, 3, term_end=date(2027, 3, 31)))
    members.append(member(21, 1))
    members.append(member(22, 2))
    composition = check_composition(members, FIELDS, COUNCIL, TODAY)
    ending = [w for w in composition.warnings if w.startswith("Die Amtszeit")]
    assert ending == [
        "Die Amtszeit von Vorname20 Nachname20 endet am 31.03.2027. "
        "Stadtdaten ist dann von niemandem abgedeckt."
    ]
    assert [n.member_id for n in composition.notes if n.member_id] == [20]  # opens the member


def test_a_term_ending_later_than_six_months_is_no_warning():
    members = balanced()
    members[3] = member(4, 1, term_end=date(2027, 6, 1))
    composition = check_composition(members, FIELDS, COUNCIL, TODAY)
    assert not [w for w in composition.warnings if w.startswith("Die Amtszeit")]


def test_the_chair_leaving_is_mentioned_and_a_missing_chair_warned():
    members = balanced()
    members[0] = member(1, 2, term_end=date(2027, 1, 15))
    composition = check_composition(members, FIELDS, COUNCIL, TODAY)
    ending = next(w for w in composition.warnings if w.startswith("Die Amtszeit"))
    assert "Vorsitz ist dann neu zu besetzen." in ending
    assert "Dann bleiben 7 aktive Mitglieder (mindestens 8)." in ending
    without_chair = [m for m in balanced() if m.role is not MemberRole.CHAIR]
    assert (
        "Vorsitz ist derzeit nicht besetzt."
        in check_composition(without_chair, FIELDS, COUNCIL, TODAY).warnings
    )


def test_future_members_count_neither_as_active_nor_former():
    members = [*balanced(), member(9, 1, term_start=date(2026, 12, 1))]
    composition = check_composition(members, FIELDS, COUNCIL, TODAY)
    assert (composition.active, composition.future) == (8, 1)


# --- what follows an ending term: successors count (found by a tester) ---------------------------


def test_a_term_the_same_persons_next_term_continues_is_not_named():
    """Re-appointed (the next term imported), Łukasz Wiśniewski was still warned of as
    leaving on 02.04.2027."""
    members = balanced()
    members[2] = member(3, 4, term_end=date(2027, 4, 2))
    again = member(30, 4, person_id=3, term_start=date(2027, 4, 3), term_end=date(2030, 4, 2))

    composition = check_composition([*members, again], FIELDS, COUNCIL, TODAY)

    assert composition.warnings == ()
    # the next term is a further term of a member who stays, not a member joining
    # (found by a tester: "10 künftige Mitglieder" beside 9 active, where 4 joined)
    assert (composition.active, composition.future, composition.further_terms) == (8, 0, 1)


def test_those_who_join_are_counted_apart_from_further_terms_of_those_who_stay():
    """Before the changeover to a new Berufungsperiode: 6 of the 9 active members are
    re-appointed; 5 persons join, one of them coming back after a year away."""
    ends, starts = date(2026, 11, 30), date(2026, 12, 1)
    staying = [member(n, (n % 4) + 1, term_end=ends) for n in range(1, 10)]
    again = [member(30 + n, (n % 4) + 1, person_id=n, term_start=starts) for n in range(1, 7)]
    joining = [member(50 + n, (n % 4) + 1, term_start=starts) for n in range(1, 4)]
    former = member(20, 1, term_start=date(2024, 1, 1), term_end=date(2025, 6, 30))
    back = member(21, 1, person_id=20, term_start=starts)
    unsaved = member(60, 2, person_id=None, term_start=starts)  # no person yet: its own

    members = [*staying, *again, *joining, former, back, unsaved]
    composition = check_composition(members, FIELDS, COUNCIL, TODAY)

    assert (composition.active, composition.future, composition.further_terms) == (9, 5, 6)


def test_a_successor_appointed_already_covers_the_field_and_the_role():
    members = [m for m in balanced(8) if m.primary_field_id != 3]
    members[0] = member(1, 2, term_end=date(2027, 1, 15))  # the chair
    members += [member(20, 3, term_end=date(2027, 3, 31)), member(21, 1), member(22, 2)]
    successors = [
        member(40, 3, term_start=date(2027, 4, 1)),
        member(41, 2, term_start=date(2027, 1, 16), role=MemberRole.CHAIR),
    ]

    composition = check_composition([*members, *successors], FIELDS, COUNCIL, TODAY)

    assert [w for w in composition.warnings if w.startswith("Die Amtszeit")] == [
        "Die Amtszeit von Vorname1 Nachname1 endet am 15.01.2027.",
        "Die Amtszeit von Vorname20 Nachname20 endet am 31.03.2027.",
    ]


def test_a_re_appointed_chair_who_is_no_longer_chair_leaves_the_role_to_fill():
    members = balanced()
    members[0] = member(1, 2, term_end=date(2027, 1, 15))
    again = member(31, 2, person_id=1, term_start=date(2027, 1, 16), role=MemberRole.MEMBER)

    composition = check_composition([*members, again], FIELDS, COUNCIL, TODAY)

    assert [w for w in composition.warnings if w.startswith("Die Amtszeit")] == [
        "Die Amtszeit von Vorname1 Nachname1 endet am 15.01.2027. Vorsitz ist dann neu zu besetzen."
    ]


def test_the_warnings_name_the_roles_as_the_council_calls_them():
    """(found by a tester) A council whose rules speak of a "Sprecher*in" was told that its
    "Vorsitz" was not filled."""
    council = replace(COUNCIL, chair_title="Sprecher*in", vice_chair_title="Stellv. & <b>")
    members = balanced()
    members[1] = member(2, 2, term_end=date(2027, 1, 15))
    without_chair = [m for m in members if m.role is not MemberRole.CHAIR]

    warnings = check_composition(without_chair, FIELDS, council, TODAY).warnings

    assert "Sprecher*in ist derzeit nicht besetzt." in warnings
    ending = next(w for w in warnings if w.startswith("Die Amtszeit"))
    assert "Stellv. & <b> ist dann neu zu besetzen." in ending
    assert not [w for w in warnings if "Vorsitz" in w or "Stellvertretung" in w]
