"""MembersService: saving, validating, ending and deleting memberships."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import replace
from datetime import date, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import event, func, select

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import AuditAction, MemberRole, Sector
from expertenrat.domain.errors import InUseError, NotFoundError, ValidationError
from expertenrat.domain.member_twins import SamePersonAddedError
from expertenrat.domain.roster import RosterGrouping
from expertenrat.services.audit_reading import AuditService
from expertenrat.store import models


def _person_count(database) -> int:
    with database.reading() as session:
        return session.scalar(select(func.count(models.Person.id))) or 0


def _meeting(database, council_id: int, number: int = 1, chair_membership_id: int | None = None):
    with database.transaction() as session:
        meeting = models.Meeting(
            council_id=council_id,
            number=number,
            starts_at=datetime(2026, 3, 15, 16, 0),
            state="held",
            chair_membership_id=chair_membership_id,
        )
        session.add(meeting)
        session.flush()
        return meeting.id


def _attends_a_meeting(database, council_id: int, membership_id: int) -> None:
    """The member is on the attendance list of a held meeting (in use: not deletable)."""
    meeting_id = _meeting(database, council_id)
    with database.transaction() as session:
        session.add(models.Attendance(meeting_id=meeting_id, membership_id=membership_id))


# --- saving -------------------------------------------------------------------------------


def test_new_member_is_stored_and_read_back_equal(members_service, council, new_member, fields):
    draft = new_member(
        title="Prof. Dr.",
        form_of_address="Frau",
        affiliation="Universität Rostock",
        position="Lehrstuhl für Wirtschaftsinformatik",
        sector=Sector.RESEARCH,
        email="anna.berg@uni-rostock.de",
        phone="+49 381 498 0",
        postal_address="Albert-Einstein-Str. 22\n18059 Rostock",
        role=MemberRole.CHAIR,
        term_end=date(2028, 12, 31),
        voting_right=False,
        further_field_ids=(fields["Umwelt"].id, fields["Soziale Stadt"].id),
        publish_name=True,
        publish_name_on=date(2025, 1, 10),
    )

    saved = members_service.save(council.id, draft, date(2026, 11, 27))

    assert saved.id is not None and saved.person_id is not None
    assert (saved.version, saved.person_version) == (1, 1)
    assert members_service.member(saved.id) == saved
    assert saved == replace(
        draft,
        id=saved.id,
        person_id=saved.person_id,
        further_field_ids=tuple(sorted(draft.further_field_ids)),
        version=1,
        person_version=1,
    )


def test_members_lists_the_councils_members_sorted_by_family_name(
    members_service, settings_service, council, new_member, today
):
    for given, family in (("Clara", "Zander"), ("Ben", "Özdemir"), ("Anna", "Berg")):
        members_service.save(council.id, new_member(given, family), today)
    other = settings_service.create_council(CouncilSettings(id=None, name="Rat", city="Wismar"))
    other_field = settings_service.action_fields(other.id)[0]
    members_service.save(
        other.id, new_member("Dora", "Adam", primary_field_id=other_field.id), today
    )

    assert [m.family_name for m in members_service.members(council.id)] == [
        "Berg",
        "Özdemir",  # DIN 5007-1 (name_sort_key): "Ö" as "O", not after "Z"
        "Zander",
    ]


def test_updated_member_is_stored(members_service, council, new_member, fields, today):
    saved = members_service.save(council.id, new_member(), today)
    changed = replace(
        saved,
        affiliation="Hochschule Wismar",
        sector=Sector.BUSINESS,
        role=MemberRole.VICE_CHAIR,
        primary_field_id=fields["Umwelt"].id,
        further_field_ids=(fields["Stadtdaten"].id,),
    )

    updated = members_service.save(council.id, changed, today)

    stored = members_service.member(saved.id)
    assert stored == updated
    assert stored == replace(changed, version=2, person_version=2)


def test_update_keeps_the_person_and_the_membership_ids(
    database, members_service, council, new_member, today
):
    saved = members_service.save(council.id, new_member(), today)

    updated = members_service.save(council.id, replace(saved, given_name="Anne"), today)

    assert (updated.id, updated.person_id) == (saved.id, saved.person_id)
    assert _person_count(database) == 1


def test_further_fields_can_be_removed_and_exclude_the_primary_one(
    members_service, council, new_member, fields, today
):
    saved = members_service.save(
        council.id,
        new_member(further_field_ids=(fields["Umwelt"].id, fields["Soziale Stadt"].id)),
        today,
    )

    updated = members_service.save(
        council.id,
        replace(saved, further_field_ids=(fields["Umwelt"].id, fields["Stadtdaten"].id)),
        today,
    )

    assert updated.primary_field_id == fields["Stadtdaten"].id
    assert members_service.member(saved.id).further_field_ids == (fields["Umwelt"].id,)


def test_names_are_trimmed_but_notes_are_kept_as_typed(members_service, council, new_member, today):
    saved = members_service.save(
        council.id, new_member("  Anna ", " Berg  ", notes="  eingerückt\n\n"), today
    )

    stored = members_service.member(saved.id)
    assert (stored.given_name, stored.family_name) == ("Anna", "Berg")
    assert stored.notes == "  eingerückt\n\n"


def test_an_email_address_copied_from_a_link_is_saved_without_mailto(
    members_service, council, new_member, today
):
    # found by a tester: the import dropped "mailto:", the member form saved it
    saved = members_service.save(
        council.id, new_member(email="Mailto:anna.berg@uni-rostock.de"), today
    )

    assert members_service.member(saved.id).email == "anna.berg@uni-rostock.de"
    problems = members_service.problems(
        council.id, new_member("Ben", "Özdemir", email="mailto:ANNA.BERG@uni-rostock.de"), today
    )
    assert [(p.field, p.warning) for p in problems] == [("email", True)]


def test_saving_a_member_is_audited(database, actor, members_service, council, new_member, today):
    saved = members_service.save(council.id, new_member(), today)
    members_service.save(council.id, replace(saved, affiliation="Stadtwerke Rostock"), today)

    created, updated = AuditService(database).entries("membership", saved.id)
    assert (created.actor, created.action) == (actor, AuditAction.CREATE)
    assert created.after is not None and created.after["family_name"] == "Berg"
    assert (updated.actor, updated.action) == (actor, AuditAction.UPDATE)
    assert updated.before is not None and updated.after is not None
    assert updated.before["affiliation"] == ""
    assert updated.after["affiliation"] == "Stadtwerke Rostock"
    assert "family_name" not in updated.after


def test_changing_only_further_fields_is_audited_with_old_and_new_fields(
    database, members_service, council, new_member, fields, today
):
    umwelt, sozial = fields["Umwelt"].id, fields["Soziale Stadt"].id
    saved = members_service.save(council.id, new_member(further_field_ids=(umwelt,)), today)

    updated = members_service.save(council.id, replace(saved, further_field_ids=(sozial,)), today)

    entry = AuditService(database).entries("membership", saved.id)[-1]
    assert entry.before == {"further_field_ids": [umwelt], "version": 1}
    assert entry.after == {"further_field_ids": [sozial], "version": 2}
    assert updated.version == 2


def test_missing_member_raises_not_found(members_service):
    with pytest.raises(NotFoundError) as caught:
        members_service.member(4711)

    assert "gibt es nicht mehr" in caught.value.message


# --- validation ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "family", "field", "words"),
    [
        ("", "Berg", "given_name", "Bitte geben Sie den Vornamen an."),
        ("Anna", "  ", "family_name", "Bitte geben Sie den Nachnamen an."),
    ],
)
def test_member_without_a_name_is_refused(
    members_service, council, new_member, today, given, family, field, words
):
    with pytest.raises(ValidationError) as caught:
        members_service.save(council.id, new_member(given, family), today)

    assert [p.field for p in caught.value.problems] == [field]
    assert words in caught.value.message
    assert members_service.members(council.id) == []


@pytest.mark.parametrize("end", [date(2024, 12, 31), date(2025, 1, 1)])
def test_term_ending_before_or_when_it_starts_is_refused(
    members_service, council, new_member, today, end
):
    with pytest.raises(ValidationError) as caught:
        members_service.save(council.id, new_member(term_end=end), today)

    assert [p.field for p in caught.value.problems] == ["term_end"]
    assert "Das Ende der Amtszeit muss nach ihrem Beginn liegen." in caught.value.message


def test_member_without_a_primary_field_is_refused(members_service, council, new_member, today):
    with pytest.raises(ValidationError) as caught:
        members_service.save(council.id, new_member(primary_field_id=None), today)

    assert "primäres Handlungsfeld" in caught.value.message


def test_member_with_a_field_of_another_council_is_refused(
    members_service, settings_service, council, new_member, today
):
    other = settings_service.create_council(CouncilSettings(id=None, name="Rat", city="Wismar"))
    foreign = settings_service.action_fields(other.id)[0]

    with pytest.raises(ValidationError) as caught:
        members_service.save(council.id, new_member(further_field_ids=(foreign.id,)), today)

    assert "Handlungsfeld gibt es nicht mehr" in caught.value.message


def test_member_with_an_invalid_email_is_refused(members_service, council, new_member, today):
    with pytest.raises(ValidationError) as caught:
        members_service.save(council.id, new_member(email="anna.berg(at)uni-rostock"), today)

    assert "E-Mail-Adresse" in caught.value.message


def test_second_chair_with_an_overlapping_term_is_refused(
    members_service, council, new_member, today
):
    members_service.save(council.id, new_member(role=MemberRole.CHAIR), today)

    with pytest.raises(ValidationError) as caught:
        members_service.save(
            council.id,
            new_member("Ben", "Özdemir", role=MemberRole.CHAIR, term_start=date(2026, 1, 1)),
            today,
        )

    assert [p.field for p in caught.value.problems] == ["role"]
    assert "Vorsitz hat in dieser Zeit bereits Anna Berg." in caught.value.message
    assert len(members_service.members(council.id)) == 1


def test_chair_after_the_previous_chairs_term_is_accepted(
    members_service, council, new_member, today
):
    members_service.save(
        council.id, new_member(role=MemberRole.CHAIR, term_end=date(2025, 12, 31)), today
    )

    saved = members_service.save(
        council.id,
        new_member("Ben", "Özdemir", role=MemberRole.CHAIR, term_start=date(2026, 1, 1)),
        today,
    )

    assert saved.role is MemberRole.CHAIR


def test_chair_and_vice_chair_at_the_same_time_are_accepted(
    members_service, council, new_member, today
):
    members_service.save(council.id, new_member(role=MemberRole.CHAIR), today)

    saved = members_service.save(
        council.id, new_member("Ben", "Özdemir", role=MemberRole.VICE_CHAIR), today
    )

    assert saved.role is MemberRole.VICE_CHAIR


def test_chair_can_be_saved_again_without_clashing_with_itself(
    members_service, council, new_member, today
):
    chair = members_service.save(council.id, new_member(role=MemberRole.CHAIR), today)

    updated = members_service.save(council.id, replace(chair, phone="0381 1234"), today)

    assert updated.phone == "0381 1234"


def test_duplicate_name_is_reported_as_a_warning(members_service, council, new_member, today):
    members_service.save(council.id, new_member(), today)

    problems = members_service.problems(council.id, new_member(" anna ", "BERG"), today)

    assert len(problems) == 1
    assert problems[0].warning
    assert problems[0].field == "family_name"
    assert problems[0].message == "Möglicherweise doppelt: Anna Berg hat denselben Namen."


def test_a_former_member_entered_anew_is_pointed_to_a_further_term(
    members_service, council, new_member, today
):
    """(found by a tester) a member of years ago, appointed again, entered with "Neues
    Mitglied …": the warning said only "Möglicherweise doppelt", and saving made a second
    person of the same human (two Auskünfte, two rows in the annual report's count)."""
    former = new_member(term_start=date(2020, 12, 1), term_end=date(2023, 11, 30))
    members_service.save(council.id, former, date(2020, 12, 1))
    # her later further term, ending before the new one too: the last term is named
    stored = members_service.members(council.id)[0]
    members_service.save(
        council.id,
        replace(stored, id=None, term_start=date(2023, 12, 1), term_end=date(2024, 5, 31)),
        today,
    )
    again = new_member(term_start=date(2026, 12, 1), term_end=date(2029, 11, 30))

    (problem,) = members_service.problems(council.id, again, today)

    assert problem.warning and problem.field == "family_name"
    assert problem.message == (
        "Möglicherweise doppelt: Anna Berg (Mitglied bis 31.05.2024) hat denselben Namen. "
        "Ist es dieselbe Person, wählen Sie bitte ihren Eintrag unter „Ehemalige“ und "
        "„Weitere Amtszeit …“, statt sie doppelt anzulegen."
    )


def test_a_namesake_whose_term_runs_on_is_not_taken_for_a_returning_member(
    members_service, council, new_member, today
):
    members_service.save(council.id, new_member(term_end=date(2029, 11, 30)), today)

    (problem,) = members_service.problems(council.id, new_member(), today)

    assert problem.message == "Möglicherweise doppelt: Anna Berg hat denselben Namen."


def test_duplicate_email_is_reported_as_a_warning(members_service, council, new_member, today):
    members_service.save(council.id, new_member(email="info@example.org"), today)

    problems = members_service.problems(
        council.id, new_member("Ben", "Özdemir", email="INFO@example.org"), today
    )

    assert [(p.field, p.warning) for p in problems] == [("email", True)]


def test_duplicate_name_does_not_block_saving(members_service, council, new_member, today):
    first = members_service.save(council.id, new_member(), today)

    second = members_service.save(council.id, new_member(), today)

    assert second.id != first.id
    assert second.person_id != first.person_id
    assert len(members_service.members(council.id)) == 2


def test_problems_of_a_valid_member_are_empty(members_service, council, new_member, today):
    assert members_service.problems(council.id, new_member(), today) == []


def test_problems_do_not_compare_a_saved_member_with_itself(
    members_service, council, new_member, today
):
    saved = members_service.save(council.id, new_member(role=MemberRole.CHAIR), today)

    assert members_service.problems(council.id, saved, today) == []


# --- ending and deleting ------------------------------------------------------------------------


def test_ending_a_membership_sets_the_end_of_term(members_service, council, new_member, today):
    saved = members_service.save(council.id, new_member(), today)

    ended = members_service.end_membership(saved, date(2026, 6, 30))

    stored = members_service.member(saved.id)
    assert stored == ended
    assert stored.term_end == date(2026, 6, 30)
    assert not stored.is_active(today)


def test_ending_a_membership_keeps_the_person_and_the_membership(
    database, members_service, council, new_member, today
):
    saved = members_service.save(council.id, new_member(), today)

    members_service.end_membership(saved, date(2026, 6, 30))

    assert [m.id for m in members_service.members(council.id)] == [saved.id]
    assert members_service.member(saved.id).person_id == saved.person_id
    assert _person_count(database) == 1


def test_ending_a_membership_before_it_began_is_refused(
    members_service, council, new_member, today
):
    saved = members_service.save(council.id, new_member(), today)

    with pytest.raises(ValidationError):
        members_service.end_membership(saved, date(2024, 12, 31))

    assert members_service.member(saved.id).term_end is None


def test_ending_a_membership_is_audited(database, members_service, council, new_member, today):
    saved = members_service.save(council.id, new_member(), today)

    members_service.end_membership(saved, date(2026, 6, 30))

    entry = AuditService(database).entries("membership", saved.id)[-1]
    assert entry.action is AuditAction.UPDATE
    assert entry.before == {"term_end": None, "version": 1}
    assert entry.after == {"term_end": "2026-06-30", "version": 2}
    assert "30.06.2026" in entry.summary


def test_unreferenced_member_can_be_deleted_with_their_person(
    database, members_service, council, new_member, today
):
    saved = members_service.save(council.id, new_member(), today)

    members_service.delete(saved)

    with pytest.raises(NotFoundError):
        members_service.member(saved.id)
    assert members_service.members(council.id) == []
    assert _person_count(database) == 0


def test_deleting_a_member_is_audited(database, actor, members_service, council, new_member, today):
    saved = members_service.save(council.id, new_member(), today)

    members_service.delete(saved)

    entry = AuditService(database).entries("membership", saved.id)[-1]
    assert (entry.actor, entry.action) == (actor, AuditAction.DELETE)
    assert entry.before is not None and entry.before["family_name"] == "Berg"
    assert entry.after is None


def test_deleting_a_person_leaves_no_contact_data_in_the_audit_trail(
    database, members_service, council, new_member, today
):
    """(found by a tester) The trail kept the e-mail, phone, address and notes of a deleted
    person in every entry about them: erased from the record, kept in the trail."""
    saved = members_service.save(
        council.id,
        new_member(
            email="alt@example.org", phone="0381 111", notes="privat", postal_address="Weg 1"
        ),
        today,
    )
    changed = members_service.save(council.id, replace(saved, email="neu@example.org"), today)
    other = members_service.save(
        council.id, new_member("Jo", "Kern", email="kern@example.org"), today
    )

    members_service.delete(changed)

    trail = AuditService(database).entries("membership", saved.id)
    assert [e.action for e in trail] == [AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE]
    text = str([(e.before, e.after) for e in trail])
    for value in ("alt@example.org", "neu@example.org", "0381 111", "privat", "Weg 1"):
        assert value not in text
    assert trail[-1].before["family_name"] == "Berg"  # the record of who was deleted stays
    kept = AuditService(database).entries("membership", other.id)[-1]
    assert kept.after["email"] == "kern@example.org"


def test_deleting_a_person_keeps_the_trail_of_another_one_under_the_same_number(
    database, members_service, council, new_member, today
):
    """(found by review) SQLite gives a new membership the number of the last one deleted.
    Deleting the newcomer took the contact data out of the entries of the earlier
    membership under that number too, whose person stays (another term of hers)."""
    earlier = members_service.save(
        council.id,
        new_member(
            email="berg@example.org", term_start=date(2023, 1, 1), term_end=date(2024, 12, 31)
        ),
        today,
    )
    second = members_service.save(
        council.id,
        replace(earlier, id=None, version=0, term_start=date(2025, 1, 1), term_end=None),
        today,
    )
    second = members_service.save(council.id, replace(second, phone="0381 222"), today)
    members_service.delete(second)  # she stays: her earlier term
    newcomer = members_service.save(
        council.id, new_member("Jo", "Kern", email="kern@example.org"), today
    )

    members_service.delete(newcomer)

    hers = [
        e
        for e in AuditService(database).entries("membership", second.id)
        if "Kern" not in e.summary
    ]
    assert [e.action for e in hers] == [AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE]
    assert "0381 222" in str(hers[1].after)
    assert hers[-1].before["email"] == "berg@example.org"


def test_member_with_attendance_cannot_be_deleted(
    database, members_service, council, new_member, today
):
    saved = members_service.save(council.id, new_member(), today)
    _attends_a_meeting(database, council.id, saved.id)

    with pytest.raises(InUseError) as caught:
        members_service.delete(saved)

    assert "kann nicht gelöscht werden" in caught.value.message
    assert "Beenden Sie stattdessen die Mitgliedschaft" in caught.value.message
    assert members_service.member(saved.id) == saved
    assert _person_count(database) == 1


def test_a_former_member_in_use_is_not_advised_to_end_the_membership(
    database, members_service, council, new_member, today
):
    saved = members_service.save(council.id, new_member(term_end=date(2025, 12, 31)), today)
    _attends_a_meeting(database, council.id, saved.id)

    with pytest.raises(InUseError) as caught:
        members_service.delete(saved)

    assert "kann nicht gelöscht werden" in caught.value.message
    assert "Beenden Sie stattdessen" not in caught.value.message
    assert "Ihre Amtszeit endete am 31.12.2025" in caught.value.message


def test_member_who_chaired_a_meeting_cannot_be_deleted(
    database, members_service, council, new_member, today
):
    saved = members_service.save(council.id, new_member(role=MemberRole.CHAIR), today)
    _meeting(database, council.id, chair_membership_id=saved.id)

    with pytest.raises(InUseError):
        members_service.delete(saved)

    assert members_service.member(saved.id) == saved


def test_attendance_takes_the_voting_right_of_the_membership_unless_given(
    database, members_service, council, new_member, today
):
    voting = members_service.save(council.id, new_member(), today)
    guest_seat = members_service.save(
        council.id, new_member(family_name="Ohnestimme", voting_right=False), today
    )
    meeting_id = _meeting(database, council.id)
    with database.transaction() as session:
        session.add_all(
            [
                models.Attendance(meeting_id=meeting_id, membership_id=voting.id),
                models.Attendance(meeting_id=meeting_id, membership_id=guest_seat.id),
            ]
        )
        session.flush()
        rows = session.execute(
            select(models.Attendance.membership_id, models.Attendance.voting_right)
        ).all()

    assert sorted(tuple(r) for r in rows) == sorted([(voting.id, True), (guest_seat.id, False)])


def test_member_with_a_declared_conflict_of_interest_cannot_be_deleted(
    database, members_service, council, new_member, today
):
    saved = members_service.save(council.id, new_member(), today)
    meeting_id = _meeting(database, council.id)
    with database.transaction() as session:
        item = models.AgendaItem(meeting_id=meeting_id, number="3", title="Datenplattform")
        session.add(item)
        session.flush()
        session.add(models.ConflictOfInterest(agenda_item_id=item.id, membership_id=saved.id))

    with pytest.raises(InUseError):
        members_service.delete(saved)

    assert members_service.member(saved.id) == saved


# --- odd text ------------------------------------------------------------------------------------

ODD_TEXTS = {
    "markup": "Müller & Söhne <GmbH> \"Ost\" 'West'",
    "emoji": "Zoë 🚲🌍 Straßenbahn 👩🏽‍🔬",
    "rtl": "مدينة ذكية עיר חכמה",
    "umlauts": "Ärztin Öffentlich Übergröße ßtraße ÄÖÜäöüß",
}
LONG_NOTES = ("Notiz mit Ümlaut & <Markup> 🚲 مدينة\n" * 60)[:2000]


@pytest.mark.parametrize("kind", list(ODD_TEXTS))
def test_odd_text_round_trips_exactly(members_service, council, new_member, today, kind):
    value = ODD_TEXTS[kind]
    draft = new_member(
        given_name=value.split()[0],
        family_name=value,
        title=value[:100],
        affiliation=value,
        position=value,
        postal_address=value,
        notes=value,
    )

    saved = members_service.save(council.id, draft, today)

    stored = members_service.member(saved.id)
    assert stored.family_name == value
    assert stored.given_name == value.split()[0]
    assert (stored.title, stored.affiliation, stored.position) == (value[:100], value, value)
    assert (stored.postal_address, stored.notes) == (value, value)


def test_notes_of_two_thousand_characters_round_trip_exactly(
    members_service, council, new_member, today
):
    assert len(LONG_NOTES) == 2000
    saved = members_service.save(council.id, new_member(notes=LONG_NOTES), today)

    assert members_service.member(saved.id).notes == LONG_NOTES


def test_duplicate_check_casefolds_odd_names(members_service, council, new_member, today):
    members_service.save(council.id, new_member("Zoë", ODD_TEXTS["emoji"]), today)

    problems = members_service.problems(
        council.id, new_member("ZOË", ODD_TEXTS["emoji"].upper()), today
    )

    assert [p.warning for p in problems] == [True]


def test_a_decomposed_name_is_a_duplicate_of_the_composed_one(
    members_service, council, new_member, today
):
    members_service.save(council.id, new_member("Jörg", "Müller-Lüdenscheidt"), today)
    nfd = unicodedata.normalize("NFD", "JÖRG Müller-Lüdenscheidt")

    problems = members_service.problems(council.id, new_member(*nfd.split(" ")), today)

    assert [(p.field, p.warning, p.message) for p in problems] == [
        (
            "family_name",
            True,
            "Möglicherweise doppelt: Jörg Müller-Lüdenscheidt hat denselben Namen.",
        )
    ]


def test_duplicate_names_match_without_accents(members_service, council, new_member, today):
    members_service.save(council.id, new_member("Łukasz", "Wiśniewski"), today)

    problems = members_service.problems(council.id, new_member("Lukasz", "WISNIEWSKI"), today)

    assert [p.warning for p in problems] == [True]


def test_roster_pdf_is_rendered_by_the_service_with_its_warnings(
    members_service, council, new_member, today
):
    members_service.save(council.id, new_member("Jörg", "Brüggemann & <Söhne>"), today)
    members_service.save(council.id, new_member("小明", "王"), today)

    rendered = members_service.roster_pdf(
        council.id, public=False, grouping=RosterGrouping.ALPHABETICAL, today=today
    )

    assert rendered.pdf.startswith(b"%PDF")
    assert rendered.records == 2
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(rendered.pdf)).pages)
    assert "Jörg Brüggemann & <Söhne>" in " ".join(text.split())
    (warning,) = rendered.warnings
    assert warning.startswith("Mitglied „小明 王“")


def test_a_further_term_is_named_so_in_the_audit_trail(
    members_service, council, new_member, database
):
    """(found by a tester) a re-appointment read "Mitglied Ödön Pál angelegt" in the
    Änderungsprotokoll, as if a second Ödön Pál had been added."""
    first = members_service.save(
        council.id,
        new_member(term_start=date(2024, 11, 3), term_end=date(2028, 2, 3)),
        date(2026, 12, 3),
    )
    further = replace(
        first, id=None, version=0, term_start=date(2028, 2, 4), term_end=date(2032, 2, 3)
    )

    saved = members_service.save(council.id, further, date(2026, 12, 3))

    (created,) = AuditService(database).entries("membership", saved.id)
    assert created.summary == (
        f"Weitere Amtszeit von {first.full_name} angelegt (04.02.2028 – 03.02.2032)"
    )
    (first_entry,) = AuditService(database).entries("membership", first.id)
    assert first_entry.summary == f"Mitglied {first.full_name} angelegt"


def test_the_checks_before_a_save_are_one_read(
    database, members_service, council, new_member, today
) -> None:
    """Found by a tester on a shared server: the member dialog read its checks in three
    transactions (a new person's twin, the problems, the chairs' question), each with its
    round trips; now in one."""
    known = members_service.persons(council.id)
    berg = members_service.save(council.id, new_member("Anna", "Berg"), today)
    begun: list[object] = []
    note = begun.append
    event.listen(database.engine, "begin", note)
    try:
        problems, question = members_service.save_checks(
            council.id, new_member("Kim", "Dahl"), today, known
        )
    finally:
        event.remove(database.engine, "begin", note)
    assert (problems, question) == ([], "")
    assert len(begun) == 1
    twin = members_service.save_checks
    with pytest.raises(SamePersonAddedError):  # saved meanwhile, not known when opened
        twin(council.id, replace(new_member("Anna", "Berg"), email=berg.email), today, known)
