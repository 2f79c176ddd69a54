"""Two people edit the same record: the first save wins, the second is told clearly."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from expertenrat.domain.enums import MemberRole
from expertenrat.domain.errors import ConcurrentEditError, ExpertenratError, NotFoundError
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.members import MembersService
from expertenrat.services.settings import SettingsService
from expertenrat.services.unit_of_work import StorageError, changing
from expertenrat.store import models
from expertenrat.store.database import Database
from expertenrat.store.database_opening import open_database

CONCURRENT = "inzwischen von jemand anderem geändert"


@pytest.fixture
def second_pc(database) -> Iterator[Database]:
    """A second, independently opened Database on the same URL: another PC."""
    other = open_database(database.url)
    yield other
    other.close()


@pytest.fixture
def saved_member(members_service, council, new_member, today):
    return members_service.save(council.id, new_member(email="anna.berg@example.org"), today)


# --- members -------------------------------------------------------------------------------


def test_second_save_of_a_member_edited_meanwhile_is_refused(
    members_service, council, saved_member, today
):
    first = members_service.member(saved_member.id)
    second = members_service.member(saved_member.id)
    members_service.save(council.id, replace(first, affiliation="Universität Rostock"), today)

    with pytest.raises(ConcurrentEditError) as caught:
        members_service.save(council.id, replace(second, affiliation="Stadtwerke"), today)

    assert CONCURRENT in caught.value.message
    assert "Das Mitglied „Anna Berg“" in caught.value.message
    assert "laden Sie die Daten neu" in caught.value.message


def test_database_keeps_the_first_edit_of_a_member(members_service, council, saved_member, today):
    first = members_service.member(saved_member.id)
    second = members_service.member(saved_member.id)
    members_service.save(council.id, replace(first, affiliation="Universität Rostock"), today)

    with pytest.raises(ConcurrentEditError):
        members_service.save(council.id, replace(second, phone="+49 381 123456"), today)

    stored = members_service.member(saved_member.id)
    assert stored.affiliation == "Universität Rostock"
    assert stored.phone == ""
    assert stored.version == saved_member.version  # only the person changed
    assert stored.person_version == saved_member.person_version + 1


def test_edit_of_the_membership_alone_also_stops_a_stale_copy(
    members_service, council, saved_member, today
):
    first = members_service.member(saved_member.id)
    second = members_service.member(saved_member.id)
    members_service.save(council.id, replace(first, role=MemberRole.VICE_CHAIR), today)

    with pytest.raises(ConcurrentEditError):
        members_service.save(council.id, replace(second, notes="Rückfrage"), today)

    stored = members_service.member(saved_member.id)
    assert (stored.role, stored.notes) == (MemberRole.VICE_CHAIR, "")


def test_member_edited_on_another_pc_cannot_be_overwritten(
    database, second_pc, actor, council, saved_member, today
):
    here = MembersService(database, actor)
    there = MembersService(second_pc, "Herr Krüger")
    copy_here = here.member(saved_member.id)
    copy_there = there.member(saved_member.id)
    there.save(council.id, replace(copy_there, given_name="Anne"), today)

    with pytest.raises(ConcurrentEditError) as caught:
        here.save(council.id, replace(copy_here, family_name="Berg-Meier"), today)

    assert CONCURRENT in caught.value.message
    stored = here.member(saved_member.id)
    assert (stored.given_name, stored.family_name) == ("Anne", "Berg")


def test_ending_a_membership_with_a_stale_copy_is_refused(
    members_service, council, saved_member, today
):
    stale = members_service.member(saved_member.id)
    members_service.save(council.id, replace(stale, role=MemberRole.CHAIR), today)

    with pytest.raises(ConcurrentEditError):
        members_service.end_membership(stale, date(2026, 12, 31))

    assert members_service.member(saved_member.id).term_end is None


def test_deleting_a_member_with_a_stale_copy_is_refused(
    members_service, council, saved_member, today
):
    stale = members_service.member(saved_member.id)
    members_service.save(council.id, replace(stale, role=MemberRole.CHAIR), today)

    with pytest.raises(ConcurrentEditError):
        members_service.delete(stale)

    assert members_service.member(saved_member.id).role is MemberRole.CHAIR


def test_refused_stale_save_leaves_no_audit_entry(
    database, members_service, council, saved_member, today
):
    first = members_service.member(saved_member.id)
    second = members_service.member(saved_member.id)
    members_service.save(council.id, replace(first, affiliation="Universität Rostock"), today)
    count = len(AuditService(database).entries("membership", saved_member.id))

    with pytest.raises(ConcurrentEditError):
        members_service.save(council.id, replace(second, affiliation="Stadtwerke"), today)

    assert len(AuditService(database).entries("membership", saved_member.id)) == count


def test_write_racing_another_pcs_commit_is_refused_and_loses_nothing(
    database, second_pc, actor, council, saved_member, today
):
    """Both PCs passed the version check; the other commits first; ours must not win.

    PostgreSQL finds no row with the old version (a concurrent edit), and the user is told
    and the other PC's edit stays. On SQLite it cannot happen: a writing transaction holds
    the file's write lock from its start, so the other PC's save waits for ours and then
    finds our version (``test_two_pcs_at_once``).
    """
    if database.is_sqlite:
        pytest.skip("SQLite: the other PC's save waits for this transaction to end")
    there = MembersService(second_pc, "Herr Krüger")
    with (
        pytest.raises((ConcurrentEditError, StorageError)),
        changing(database, "Das Mitglied „Anna Berg“") as session,
    ):
        person = session.get(models.Person, saved_member.person_id)
        assert person is not None and person.version == saved_member.person_version
        there.save(council.id, replace(saved_member, affiliation="Stadtwerke"), today)
        person.affiliation = "Universität Rostock"
        session.flush()

    assert MembersService(database, actor).member(saved_member.id).affiliation == "Stadtwerke"


def test_a_further_term_does_not_overwrite_the_person_changed_on_another_pc(
    database, second_pc, actor, council, saved_member, today
):
    """Here a further term of Anna Berg is typed from her ended term as read; meanwhile
    another PC gives her a new e-mail address. Saving the term wrote her details back as
    read, the other PC's address lost (found by a tester): it is refused, and saved again
    on the details as stored now."""
    here = MembersService(database, actor)
    there = MembersService(second_pc, "Herr Krüger")
    ended = here.end_membership(saved_member, date(2025, 12, 31), today=today)
    further = replace(ended, id=None, version=0, term_start=date(2027, 1, 1), term_end=None)
    there.save(council.id, replace(there.member(ended.id), email="a.berg@stadt.de"), today)

    with pytest.raises(ConcurrentEditError) as caught:
        here.save(council.id, replace(further, phone="0381 123"), today)

    assert CONCURRENT in caught.value.message and "Anna Berg" in caught.value.message
    assert [(m.email, m.term_start) for m in here.members(council.id)] == [
        ("a.berg@stadt.de", date(2025, 1, 1))
    ]
    stored = here.stored(replace(further, phone="0381 123"))
    assert (stored.id, stored.term_start, stored.email, stored.phone) == (
        None,
        date(2027, 1, 1),
        "a.berg@stadt.de",
        "",
    )
    saved = here.save(council.id, replace(stored, phone="0381 123"), today)
    assert (saved.person_id, saved.email, saved.phone) == (
        ended.person_id,
        "a.berg@stadt.de",
        "0381 123",
    )


def test_a_term_saved_again_after_its_deletion_does_not_overwrite_the_person(
    database, second_pc, actor, council, saved_member, today
):
    """Anna Berg's current term, open here, is deleted on another PC, which also gives her
    a new e-mail address through her earlier term; saving the term again for her
    (``detached``) is refused instead of writing her old address back (found by a tester)."""
    here = MembersService(database, actor)
    there = MembersService(second_pc, "Herr Krüger")
    ended = here.end_membership(saved_member, date(2025, 12, 31), today=today)
    current = here.save(
        council.id,
        replace(ended, id=None, version=0, term_start=date(2026, 1, 1), term_end=None),
        today,
    )
    there.delete(there.member(current.id))
    there.save(council.id, replace(there.member(ended.id), email="a.berg@stadt.de"), today)

    again = here.detached(current)
    assert again.person_id == current.person_id
    with pytest.raises(ConcurrentEditError):
        here.save(council.id, again, today)

    assert [(m.email, m.term_start) for m in here.members(council.id)] == [
        ("a.berg@stadt.de", date(2025, 1, 1))
    ]


def test_a_further_term_of_a_person_deleted_on_another_pc_is_saved_for_a_new_person(
    database, second_pc, actor, council, saved_member, today
):
    """A further term of Anna Berg is typed here while another PC deletes her only term,
    and with it her: saving says she is gone, and ``detached`` makes the typed term one of
    a new person, which saves (found by a tester: the typed term was lost)."""
    here = MembersService(database, actor)
    there = MembersService(second_pc, "Herr Krüger")
    ended = here.end_membership(saved_member, date(2025, 12, 31), today=today)
    further = replace(
        ended, id=None, version=0, term_start=date(2027, 1, 1), term_end=None, phone="0381 123"
    )
    there.delete(there.member(ended.id), today=today)

    with pytest.raises(NotFoundError) as caught:
        here.save(council.id, further, today)

    assert caught.value.message == (
        "Das Mitglied „Anna Berg“ gibt es nicht mehr. Vielleicht wurde es gelöscht."
    )
    assert here.members(council.id) == []
    again = here.detached(further)
    assert (again.id, again.version, again.person_id, again.person_version) == (None, 0, None, 0)
    here.save(council.id, again, today)
    assert [(m.full_name, m.term_start, m.term_end, m.phone) for m in here.members(council.id)] == [
        ("Anna Berg", date(2027, 1, 1), None, "0381 123")
    ]


# --- council settings ------------------------------------------------------------------------


def test_second_save_of_settings_edited_meanwhile_is_refused(settings_service, council):
    first = settings_service.settings(council.id)
    second = settings_service.settings(council.id)
    settings_service.update_settings(replace(first, notice_period_days=14))

    with pytest.raises(ConcurrentEditError) as caught:
        settings_service.update_settings(replace(second, response_period_months=3))

    assert CONCURRENT in caught.value.message
    assert "Die Einstellungen des Gremiums" in caught.value.message


def test_database_keeps_the_first_edit_of_the_settings(settings_service, council):
    first = settings_service.settings(council.id)
    second = settings_service.settings(council.id)
    settings_service.update_settings(replace(first, notice_period_days=14))

    with pytest.raises(ConcurrentEditError):
        settings_service.update_settings(replace(second, response_period_months=3))

    stored = settings_service.settings(council.id)
    assert (stored.notice_period_days, stored.response_period_months) == (14, 2)
    assert stored.version == council.version + 1


def test_settings_edited_on_another_pc_cannot_be_overwritten(database, second_pc, actor, council):
    here = SettingsService(database, actor)
    there = SettingsService(second_pc, "Herr Krüger")
    copy_here = here.settings(council.id)
    there.update_settings(replace(there.settings(council.id), name="Smart-City-Beirat"))

    with pytest.raises(ConcurrentEditError):
        here.update_settings(replace(copy_here, city="Hansestadt Rostock"))

    stored = there.settings(council.id)
    assert (stored.name, stored.city) == ("Smart-City-Beirat", "Rostock")


# --- action fields ---------------------------------------------------------------------------


def test_second_save_of_an_action_field_edited_meanwhile_is_refused(
    settings_service, council, fields
):
    first = second = fields["Stadtdaten"]
    settings_service.update_action_field(replace(first, name="Offene Daten"))

    with pytest.raises(ConcurrentEditError) as caught:
        settings_service.update_action_field(replace(second, colour="#000000"))

    assert CONCURRENT in caught.value.message
    assert "Handlungsfeld" in caught.value.message


def test_database_keeps_the_first_edit_of_an_action_field(settings_service, council, fields):
    stale = fields["Stadtdaten"]
    settings_service.update_action_field(replace(stale, name="Offene Daten"))

    with pytest.raises(ConcurrentEditError):
        settings_service.update_action_field(replace(stale, colour="#000000"))

    stored = {f.id: f for f in settings_service.action_fields(council.id)}[stale.id]
    assert (stored.name, stored.colour) == ("Offene Daten", stale.colour)


def test_deleting_an_action_field_edited_meanwhile_is_refused(settings_service, council, fields):
    stale = fields["Umwelt"]
    settings_service.update_action_field(replace(stale, colour="#000000"))

    with pytest.raises(ConcurrentEditError):
        settings_service.delete_action_field(stale)

    assert stale.id in {f.id for f in settings_service.action_fields(council.id)}


def test_action_field_edited_on_another_pc_cannot_be_overwritten(
    database, second_pc, actor, council, fields
):
    here = SettingsService(database, actor)
    there = SettingsService(second_pc, "Herr Krüger")
    there.update_action_field(replace(fields["Umwelt"], name="Klima und Umwelt"))

    with pytest.raises(ConcurrentEditError):
        here.update_action_field(replace(fields["Umwelt"], colour="#000000"))

    stored = {f.id: f for f in here.action_fields(council.id)}[fields["Umwelt"].id]
    assert stored.name == "Klima und Umwelt"


def test_editing_a_deleted_action_field_says_it_is_gone(settings_service, council, fields):
    settings_service.delete_action_field(fields["Umwelt"])

    with pytest.raises(ExpertenratError) as caught:
        settings_service.update_action_field(replace(fields["Umwelt"], colour="#000000"))

    assert "gibt es nicht mehr" in caught.value.message


def test_edit_of_the_further_fields_alone_also_stops_a_stale_copy(
    members_service, council, saved_member, fields, today
):
    first = members_service.member(saved_member.id)
    second = members_service.member(saved_member.id)
    members_service.save(
        council.id, replace(first, further_field_ids=(fields["Umwelt"].id,)), today
    )

    with pytest.raises(ConcurrentEditError):
        members_service.save(council.id, replace(second, phone="+49 381 123456"), today)

    stored = members_service.member(saved_member.id)
    assert stored.further_field_ids == (fields["Umwelt"].id,)
    assert stored.phone == ""
