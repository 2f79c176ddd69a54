"""Two PCs on one council at the same time: two Database objects on the same file or server
database, each doing what one of two secretariat staff would do."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import asdict, replace
from datetime import date, datetime, timedelta

import pytest
from minutes_setup import Minutes, held_minutes
from racing_threads import called_in, in_thread

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.attendance_sheet import GuestEntry
from expertenrat.domain.enums import AttendanceStatus, AuditAction, MeetingKind, MemberRole
from expertenrat.domain.errors import (
    ConcurrentEditError,
    InUseError,
    NotFoundError,
    ValidationError,
)
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.member_twins import SamePersonAddedError
from expertenrat.domain.minutes import ItemTexts
from expertenrat.domain.minutes_item_saves import ItemConflictError
from expertenrat.domain.minutes_objections import ObjectionDraft
from expertenrat.domain.projects import Project
from expertenrat.domain.text_templates import TextTemplate
from expertenrat.domain.votes import VoteDraft
from expertenrat.services import action_fields as action_fields_module
from expertenrat.services import agenda as agenda_module
from expertenrat.services import attendance as attendance_module
from expertenrat.services import (
    audit,
    conflicts,
    member_endings,
    member_writes,
    minutes_approval_rows,
    minutes_votes,
)
from expertenrat.services import minutes_objections as minutes_objections_module
from expertenrat.services import projects as projects_module
from expertenrat.services.change_marker import change_marker
from expertenrat.services.context import Services
from expertenrat.services.unit_of_work import StorageError
from expertenrat.store import models
from expertenrat.store.database import Database
from expertenrat.store.database_opening import open_database

SENT_ON = date(2026, 3, 20)
HEADER = "Vorname;Nachname;E-Mail;Rolle;Amtszeit Beginn;Amtszeit Ende;Primäres Handlungsfeld"


@pytest.fixture
def here(database) -> Services:
    return Services.create(database, "Frau Schulz")


@pytest.fixture
def there(database) -> Iterator[Services]:
    """The services of the other PC: a Database of its own on the same file or server."""
    other: Database = open_database(database.url)
    yield Services.create(other, "Herr Krüger")
    other.close()


def csv_file(*lines: str) -> bytes:
    return "\r\n".join(lines).encode("utf-8-sig") + b"\r\n"


# --- importing members ----------------------------------------------------------------------


def test_the_second_import_of_the_same_file_is_refused_instead_of_saving_everyone_twice(
    here, there, council, today
):
    data = csv_file(
        HEADER,
        "Jan;Brandt;jan@example.org;;01.01.2025;;Stadtdaten",
        "Ole;Hansen;;;01.01.2025;;Umwelt",
    )
    mine = here.member_exchange.preview_import(council.id, data, today)
    theirs = there.member_exchange.preview_import(council.id, data, today)
    here.member_exchange.apply_import(council.id, mine, today)

    with pytest.raises(ConcurrentEditError) as refused:
        there.member_exchange.apply_import(council.id, theirs, today)

    assert refused.value.message == (
        "„Jan Brandt“ und „Ole Hansen“ wurden inzwischen von jemand anderem angelegt. Bitte "
        "lesen Sie die Datei erneut ein: die Vorschau zeigt dann, was sich noch ändert."
    )
    assert [m.family_name for m in here.members.members(council.id)] == ["Brandt", "Hansen"]
    again = there.member_exchange.preview_import(council.id, data, today)
    assert again.counts.unchanged == 2


def test_an_import_beside_other_new_members_saved_meanwhile_goes_through(
    here, there, council, new_member, today
):
    data = csv_file(HEADER, "Jan;Brandt;jan@example.org;;01.01.2025;;Stadtdaten")
    theirs = there.member_exchange.preview_import(council.id, data, today)
    here.members.save(council.id, new_member(email="anna@example.org"), today)

    result = there.member_exchange.apply_import(council.id, theirs, today)

    assert [m.family_name for m in result.created] == ["Brandt"]
    assert [m.family_name for m in here.members.members(council.id)] == ["Berg", "Brandt"]


def test_two_imports_of_the_same_file_at_the_same_moment_save_everyone_once(
    here, there, council, today
):
    """The first import is still writing when the second one starts: the second waits for
    it and then finds the people it was about to add (on SQLite the file's lock orders
    them the same way)."""
    data = csv_file(HEADER, "Jan;Brandt;jan@example.org;;01.01.2025;;Stadtdaten")
    mine = here.member_exchange.preview_import(council.id, data, today)
    theirs = there.member_exchange.preview_import(council.id, data, today)
    writing, go_on = threading.Event(), threading.Event()

    def pause_while_writing(done: int, total: int) -> None:
        if done:
            writing.set()
            go_on.wait(30)

    first, first_outcome = in_thread(
        lambda: here.member_exchange.apply_import(
            council.id, mine, today, progress=pause_while_writing
        )
    )
    assert writing.wait(30)
    second, second_outcome = in_thread(
        lambda: there.member_exchange.apply_import(council.id, theirs, today)
    )
    second.join(2.0)  # time to save everyone twice, if nothing stopped it
    go_on.set()
    first.join(30)
    second.join(30)

    assert [m.family_name for m in first_outcome[0].created] == ["Brandt"]
    assert isinstance(second_outcome[0], (ConcurrentEditError, StorageError))
    assert [m.family_name for m in here.members.members(council.id)] == ["Brandt"]


# --- deleted on one PC, saved on the other ----------------------------------------------------


@pytest.fixture
def meeting_id(here, council) -> int:
    start = datetime(2026, 12, 8, 16, 0)
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    return here.meetings.create(council.id, draft)


def test_saving_a_meeting_deleted_elsewhere_says_so_in_plain_german(here, there, meeting_id):
    mine = here.meetings.get(meeting_id)
    there.meetings.delete(meeting_id, there.meetings.get(meeting_id).version)

    with pytest.raises(NotFoundError) as gone:
        here.meetings.update(meeting_id, mine.version, replace(mine.draft(), place="Stadthaus"))

    assert gone.value.message == "Die Sitzung gibt es nicht mehr. Vielleicht wurde sie gelöscht."


def test_saving_an_agenda_item_deleted_elsewhere_says_so_in_plain_german(here, there, meeting_id):
    item = here.agenda.agenda(meeting_id).items[-1]
    there.agenda.delete(item.key, item.version)

    with pytest.raises(NotFoundError) as gone:
        here.agenda.update(replace(item, title="Neuer Titel"))

    assert gone.value.message == (
        "Den Tagesordnungspunkt gibt es nicht mehr. Vielleicht wurde er gelöscht."
    )


# --- reordering lists ---------------------------------------------------------------------------


def moved_up(ids: list[int], index: int) -> list[int]:
    """``ids`` with the entry at ``index`` one place up, as the ↑ button makes it."""
    moved = list(ids)
    moved[index - 1], moved[index] = moved[index], moved[index - 1]
    return moved


def test_a_move_of_the_action_fields_from_an_old_order_does_not_undo_the_other_pcs(
    here, there, council
):
    seen = [f.id for f in there.settings.action_fields(council.id)]  # both show this order
    mine = moved_up(seen, 1)
    here.settings.reorder_action_fields(council.id, mine, seen=seen)

    with pytest.raises(InUseError) as refused:
        there.settings.reorder_action_fields(council.id, moved_up(seen, 3), seen=seen)

    assert refused.value.message == (
        "Die Handlungsfelder wurden inzwischen geändert. Bitte laden Sie neu."
    )
    assert [f.id for f in here.settings.action_fields(council.id)] == mine


def test_a_move_of_the_agenda_templates_from_an_old_order_does_not_undo_the_other_pcs(
    here, there, council
):
    seen = [t.id for t in there.agenda_templates.templates(council.id)]
    mine = moved_up(seen, 1)
    here.agenda_templates.reorder(council.id, mine, seen=seen)

    with pytest.raises(InUseError, match="inzwischen geändert"):
        there.agenda_templates.reorder(council.id, moved_up(seen, 2), seen=seen)

    assert [t.id for t in here.agenda_templates.templates(council.id)] == mine


# --- the change marker ------------------------------------------------------------------------


def test_a_change_committed_after_a_later_one_still_changes_the_marker(
    here, there, council, new_member, today
):
    """On PostgreSQL an audit entry's id is drawn when it is written, not when its
    transaction commits: a long change (an import, an approval) may commit after a quick
    one that drew a higher id. A window that saw the quick one must see the long one too.
    (SQLite lets one program write at a time: its ids come in the order of the commits.)"""
    if here.database.is_sqlite:
        pytest.skip("SQLite writes one transaction at a time")
    with here.database.transaction() as session:
        audit.record(
            session, "Frau Schulz", AuditAction.IMPORT, "membership", None,
            council_id=council.id, summary="Mitglieder aus einer Datei importiert",
        )  # fmt: skip
        session.flush()  # the long change has drawn its id
        there.members.save(council.id, new_member(), today)  # the quick one, committed
        seen = change_marker(there.database, council.id)
    # now the long one has committed too

    assert change_marker(there.database, council.id) != seen


# --- saving while the other PC saves ------------------------------------------------------------


def test_a_save_while_the_other_pc_is_saving_waits_for_it_instead_of_failing(
    here, there, council, new_member, today
):
    """The other PC's change is being written (an import, an approval rendering its PDFs)
    when this PC saves: the save waits for it and then goes through (within the busy
    timeout), rather than failing at once with "gesperrt" (SQLite) or a stale version."""
    member = here.members.save(council.id, new_member(), today)
    with there.database.transaction() as session:
        session.get(models.Council, council.id).website = "https://example.org/rat"
        session.flush()  # the other PC's change is written, not yet committed
        saving, saved = in_thread(
            lambda: here.members.save(council.id, replace(member, phone="0381 1"), today)
        )
        saving.join(2.0)  # time to fail at once, if nothing makes it wait
    saving.join(30)

    assert not isinstance(saved[0], Exception), saved[0]
    assert here.members.member(member.id).phone == "0381 1"
    assert here.settings.settings(council.id).website == "https://example.org/rat"


def test_two_pcs_adding_standard_phrases_at_the_same_moment_keep_both(here, there, council):
    """Both add a phrase at the end of the list at once: both are saved, one after the
    other (before, on PostgreSQL the second took the same place and was refused as a
    "doppelter Eintrag")."""
    before = len(here.text_templates.templates(council.id))
    start = threading.Barrier(2)

    def add(services: Services, label: str):
        start.wait()
        return services.text_templates.add(council.id, TextTemplate(None, label, f"{label} …"))

    threads = [in_thread(lambda s=s, label=label: add(s, label)) for s, label in
               ((here, "Vertagt"), (there, "Zurückgestellt"))]  # fmt: skip
    for thread, _outcome in threads:
        thread.join(30)

    assert [type(outcome[0]) for _thread, outcome in threads] == [TextTemplate, TextTemplate]
    phrases = here.text_templates.templates(council.id)
    assert len(phrases) == before + 2
    assert [p.position for p in phrases] == list(range(before + 2))


def test_two_pcs_marking_the_rest_present_at_the_same_moment_record_each_member_once(
    here, there, meeting_id, council, new_member, today
):
    """Both click "Übrige als anwesend erfassen" at once: the second finds the lines the
    first recorded (before, on PostgreSQL it was refused as a "doppelter Eintrag")."""
    for name in ("Berg", "Cordes", "Dahl"):
        here.members.save(council.id, new_member(family_name=name), today)
    start = threading.Barrier(2)

    def mark_the_rest(services: Services):
        start.wait()
        return services.attendance.record_unrecorded(
            meeting_id,
            AttendanceStatus.PRESENT,
            today=date(2026, 12, 8),  # the meeting's day
        )

    threads = [in_thread(lambda s=s: mark_the_rest(s)) for s in (here, there)]
    for thread, _outcome in threads:
        thread.join(30)

    assert [type(outcome[0]).__name__ for _thread, outcome in threads] == ["AttendanceSheet"] * 2
    sheet = here.attendance.sheet(meeting_id)
    assert [e.status for e in sheet.entries] == [AttendanceStatus.PRESENT] * 3


def test_a_guest_the_other_pc_recorded_already_is_not_recorded_twice(here, there, meeting_id):
    """Found by a tester: on the meeting day both PCs entered the guest, and the minutes
    named her twice."""
    there.attendance.save_guest(meeting_id, GuestEntry(None, "Dr. Eva Lind", "Stadtwerke"))

    with pytest.raises(ValidationError) as refused:
        here.attendance.save_guest(meeting_id, GuestEntry(None, "dr. eva lind", "STADTWERKE"))

    assert refused.value.message == (
        "„dr. eva lind“ ist bei dieser Sitzung schon als Gast eingetragen, vielleicht an einem "
        "anderen Arbeitsplatz."
    )
    here.attendance.save_guest(meeting_id, GuestEntry(None, "Dr. Eva Lind", "Universität"))
    assert [g.organisation for g in here.attendance.sheet(meeting_id).guests] == [
        "Stadtwerke",
        "Universität",
    ]


@pytest.mark.parametrize(
    ("name", "organisation"),
    [
        ("Dr. Eva  Lind", "Stadtwerke Rostock"),
        ("Dr. Eva\u00a0Lind", "Stadtwerke Rostock"),
        ("Dr. Eva Lind", "Stadtwerke\u00a0 Rostock"),
    ],
    ids=["two spaces", "no-break space", "institution spaced otherwise"],
)
def test_a_guest_the_other_pc_recorded_spaced_otherwise_is_not_recorded_twice(
    here, there, meeting_id, name, organisation
):
    """Found by a tester: "Eva  Lind" (two spaces) or a name with a no-break space
    stood beside "Eva Lind" in the minutes."""
    there.attendance.save_guest(meeting_id, GuestEntry(None, "Dr. Eva Lind", "Stadtwerke Rostock"))

    with pytest.raises(ValidationError):
        here.attendance.save_guest(meeting_id, GuestEntry(None, name, organisation))

    assert len(here.attendance.sheet(meeting_id).guests) == 1


def test_two_pcs_adding_the_same_guest_at_the_same_moment_record_her_once(
    here, there, meeting_id, monkeypatch
):
    guest = GuestEntry(None, "Dr. Eva Lind", "Stadtwerke")
    first, second = _while_paused(
        monkeypatch,
        attendance_module,
        lambda: here.attendance.save_guest(meeting_id, guest),
        lambda: there.attendance.save_guest(meeting_id, guest),
    )

    assert isinstance(first, GuestEntry), first
    assert isinstance(second, ValidationError), second
    assert len(here.attendance.sheet(meeting_id).guests) == 1


def test_two_pcs_declaring_the_same_conflict_at_the_same_moment_record_it_once(
    here, there, meeting_id, council, new_member, today, monkeypatch
):
    """PC 1's declaration is written, not yet committed, when PC 2 declares the same: PC 2
    waits and is then told it is decided already (before, on PostgreSQL it was refused as
    a "doppelter Eintrag")."""
    member = here.members.save(council.id, new_member(), today)
    item = here.agenda.agenda(meeting_id).items[0]
    written, go_on = threading.Event(), threading.Event()
    record = conflicts.audit.record

    def pause_the_first(*args, **kwargs):
        if called_in("PC 1"):
            written.set()
            go_on.wait(30)
        return record(*args, **kwargs)

    monkeypatch.setattr(conflicts.audit, "record", pause_the_first)
    first, first_outcome = in_thread(
        lambda: here.conflicts.declare(item.key, member.id, "Arbeitet im Projekt mit."), "PC 1"
    )
    assert written.wait(30)
    second, second_outcome = in_thread(
        lambda: there.conflicts.declare(item.key, member.id, "Arbeitet im Projekt mit.")
    )
    second.join(2.0)  # time to write the same line, if nothing made it wait
    go_on.set()
    first.join(30)
    second.join(30)

    assert type(first_outcome[0]).__name__ == "Conflict"
    assert isinstance(second_outcome[0], ValidationError), second_outcome[0]
    assert "schon entschieden" in second_outcome[0].message


# --- the minutes -----------------------------------------------------------------------------


@pytest.fixture
def minutes(here, council) -> Minutes:
    field = here.settings.action_fields(council.id)[0].id
    return held_minutes(here.database, council.id, field)


def test_two_pcs_sending_the_same_minutes_make_one_version(here, there, minutes):
    """Both click "Versenden" for the same minutes on the same day (before, each made a
    version, the second identical to the first)."""
    sent = here.minutes_approval.circulate(minutes.meeting_id, SENT_ON)

    again = there.minutes_approval.circulate(minutes.meeting_id, SENT_ON)

    assert again.version == sent.version
    assert again.agenda_note == (
        "Das Protokoll wurde in dieser Fassung bereits am 20.03.2026 versandt (Fassung 1), "
        "vielleicht an einem anderen Arbeitsplatz; es wurde keine weitere Fassung angelegt."
    )
    assert [v.number for v in here.minutes_approval.status(minutes.meeting_id).versions] == [1]


def test_two_pcs_sending_the_same_minutes_at_the_same_moment_make_one_version(
    here, there, minutes, monkeypatch
):
    """PC 1's version is written, not yet committed, when PC 2 sends: PC 2 waits for it and
    then finds it (on SQLite the file's lock orders them the same way)."""
    written, go_on = threading.Event(), threading.Event()
    audit_version = minutes_approval_rows.audit_version

    def pause_the_first(*args, **kwargs):
        if called_in("PC 1"):
            written.set()
            go_on.wait(30)
        return audit_version(*args, **kwargs)

    monkeypatch.setattr(minutes_approval_rows, "audit_version", pause_the_first)
    first, first_outcome = in_thread(
        lambda: here.minutes_approval.circulate(minutes.meeting_id, SENT_ON), "PC 1"
    )
    assert written.wait(30)
    second, second_outcome = in_thread(
        lambda: there.minutes_approval.circulate(minutes.meeting_id, SENT_ON)
    )
    second.join(2.0)  # time to make a second version, if nothing made it wait
    go_on.set()
    first.join(30)
    second.join(30)

    assert type(first_outcome[0]).__name__ == "Circulation", first_outcome[0]
    assert type(second_outcome[0]).__name__ == "Circulation", second_outcome[0]
    assert second_outcome[0].version == first_outcome[0].version
    assert [v.number for v in here.minutes_approval.status(minutes.meeting_id).versions] == [1]


def test_two_pcs_recording_the_first_vote_of_an_item_at_the_same_moment_keep_one(
    here, there, minutes, monkeypatch
):
    """Found by a tester: on PostgreSQL both read no votes and stored theirs, so the item
    had two votes where each PC had recorded the only one."""
    item = here.minutes.minutes(minutes.meeting_id).items[1]
    assert item.votes == ()
    first, second = _while_paused(
        monkeypatch,
        minutes_votes,
        lambda: here.minutes.save_votes(item.item_id, [VoteDraft(yes=1)], item.votes),
        lambda: there.minutes.save_votes(item.item_id, [VoteDraft(yes=2)], item.votes),
    )

    assert type(first).__name__ == "SavedVotes", first
    assert isinstance(second, ConcurrentEditError), second
    stored = here.minutes.minutes(minutes.meeting_id).items[1].votes
    assert [v.yes for v in stored] == [1]


def test_minutes_changed_after_sending_are_sent_as_a_new_version(here, minutes):
    here.minutes_approval.circulate(minutes.meeting_id, SENT_ON)
    item = here.minutes.minutes(minutes.meeting_id).items[0]
    here.minutes.save_item(item.item_id, ItemTexts("Nachtrag"), item.version, "s")

    again = here.minutes_approval.circulate(minutes.meeting_id, SENT_ON)

    assert again.version.number == 2


def test_item_texts_saved_after_another_pc_moved_only_the_item_are_no_conflict(
    here, there, minutes
):
    """The other PC renamed the item (its version moved, its minutes texts did not): the
    texts typed here are saved, without the merge dialog's question."""
    read = here.minutes.minutes(minutes.meeting_id).items[0]
    item = next(i for i in there.agenda.agenda(minutes.meeting_id).items if i.key == read.item_id)
    there.agenda.update(replace(item, title="Neuer Titel"))

    saved = here.minutes.save_item(
        read.item_id, replace(read.texts, result="vertagt"), read.version, "pc1", base=read.texts
    )

    assert saved.version > read.version
    assert there.minutes.minutes(minutes.meeting_id).item(read.item_id).result == "vertagt"


def test_item_texts_saved_on_a_version_older_than_this_pc_s_own_save_are_no_conflict(here, minutes):
    """This editing session saved last; the editor's version and base are from before
    that save (a reread overtook it): only this side changed, no question."""
    read = here.minutes.minutes(minutes.meeting_id).items[0]
    here.minutes.save_item(read.item_id, ItemTexts("Erster Satz."), read.version, "pc1")

    here.minutes.save_item(
        read.item_id, ItemTexts("Erster Satz. Zweiter."), read.version, "pc1", base=read.texts
    )

    assert here.minutes.minutes(minutes.meeting_id).item(read.item_id).discussion == (
        "Erster Satz. Zweiter."
    )


def test_item_texts_the_other_pc_changed_are_still_a_conflict(here, there, minutes):
    read = here.minutes.minutes(minutes.meeting_id).items[0]
    here.minutes.save_item(read.item_id, ItemTexts("Von hier."), read.version, "pc1")
    mine = here.minutes.minutes(minutes.meeting_id).item(read.item_id)
    there.minutes.save_item(read.item_id, ItemTexts("Von dort."), mine.version, "pc2")

    with pytest.raises(ItemConflictError) as conflict:
        here.minutes.save_item(
            read.item_id, ItemTexts("Von hier, mehr."), mine.version, "pc1", base=mine.texts
        )

    assert conflict.value.stored.discussion == "Von dort."


def test_an_accepted_objection_s_correction_the_text_saved_here_would_undo_is_named(
    here, there, minutes
):
    """Found by a tester: the other PC accepted an objection while this one typed in the
    corrected text; the question which text to keep did not say the other was the
    correction, and keeping this one dropped it, the objection still marked accepted."""
    here.minutes_approval.circulate(minutes.meeting_id, SENT_ON)
    read = here.minutes.minutes(minutes.meeting_id).item(minutes.item_ids[2])
    raised = there.minutes_objections.raise_objection(
        minutes.meeting_id,
        ObjectionDraft(
            minutes.members["Berg"],
            SENT_ON + timedelta(days=2),
            "Falsch wiedergegeben.",
            minutes.item_ids[2],
            "offen & frei",
            "offen, frei und maschinenlesbar",
        ),
    )
    there.minutes_objections.accept(raised.id, raised.version, SENT_ON + timedelta(days=3))
    mine = replace(read.texts, resolution_text=read.texts.resolution_text + " Einstimmig.")

    with pytest.raises(ItemConflictError) as conflict:
        here.minutes.save_item(read.item_id, mine, read.version, "pc1", base=read.texts)

    (correction,) = conflict.value.corrections
    assert (correction.raised_by, correction.item) == ("Anna Berg", "TOP 3")
    assert correction.applied_to(asdict(mine))["resolution_text"] == (
        "Der Expert*innenrat empfiehlt, die Daten offen, frei und maschinenlesbar <zu> "
        "veröffentlichen. Einstimmig."
    )
    stored = conflict.value.stored
    with pytest.raises(ItemConflictError) as other_field:
        here.minutes.save_item(
            read.item_id, replace(stored, result="vertagt"), read.version, "pc1", base=read.texts
        )
    assert other_field.value.corrections == ()  # this text keeps the correction


def _objection(minutes: Minutes, text: str = "Falsch wiedergegeben.") -> ObjectionDraft:
    return ObjectionDraft(
        minutes.members["Berg"],
        SENT_ON + timedelta(days=2),
        text,
        minutes.item_ids[2],
        "offen & frei",
        "offen, frei und maschinenlesbar",
    )


def test_an_objection_the_other_pc_recorded_already_is_not_recorded_twice(here, there, minutes):
    """Found by a tester: both PCs entered the member's objection, which then stood twice,
    to be decided twice."""
    here.minutes_approval.circulate(minutes.meeting_id, SENT_ON)
    there.minutes_objections.raise_objection(minutes.meeting_id, _objection(minutes))

    with pytest.raises(ValidationError) as refused:
        here.minutes_objections.raise_objection(
            minutes.meeting_id, _objection(minutes, " falsch  WIEDERGEGEBEN. ")
        )

    assert refused.value.message == (
        "Diesen Einwand von Anna Berg gibt es schon (erhoben am 22.03.2026), vielleicht an "
        "einem anderen Arbeitsplatz erfasst."
    )
    here.minutes_objections.raise_objection(
        minutes.meeting_id, _objection(minutes, "Auch die Zahl fehlt.")
    )
    status = here.minutes_approval.status(minutes.meeting_id)
    assert len(status.objections) == 2


def test_two_pcs_recording_the_same_objection_at_the_same_moment_record_it_once(
    here, there, minutes, monkeypatch
):
    here.minutes_approval.circulate(minutes.meeting_id, SENT_ON)
    first, second = _while_paused(
        monkeypatch,
        minutes_objections_module,
        lambda: here.minutes_objections.raise_objection(minutes.meeting_id, _objection(minutes)),
        lambda: there.minutes_objections.raise_objection(minutes.meeting_id, _objection(minutes)),
    )

    assert type(first).__name__ == "ObjectionRecord", first
    assert isinstance(second, ValidationError), second
    assert len(here.minutes_approval.status(minutes.meeting_id).objections) == 1


def test_the_header_saved_after_another_pc_changed_only_the_meeting_is_no_conflict(
    here, there, minutes
):
    header = here.minutes.minutes(minutes.meeting_id).header
    meeting = there.meetings.get(minutes.meeting_id)
    there.meetings.update(
        minutes.meeting_id, meeting.version, replace(meeting.draft(), place="Stadthaus")
    )

    saved = here.minutes.save_header(
        minutes.meeting_id, replace(header, minute_taker="Frau Schulz"), "pc1", base=header
    )

    assert saved.minute_taker == "Frau Schulz"
    assert there.meetings.get(minutes.meeting_id).place == "Stadthaus"


def _pause_pc1_ending_a_term(monkeypatch) -> tuple[threading.Event, threading.Event]:
    """PC 1's end of a term, once written, waits (``written`` set) until the test sets
    ``go_on``: PC 2 acts inside PC 1's open transaction."""
    written, go_on = threading.Event(), threading.Event()
    drop = member_endings.drop_apologies_outside_terms

    def pause_the_first(*args, **kwargs):
        if called_in("PC 1"):
            written.set()
            go_on.wait(30)
        return drop(*args, **kwargs)

    monkeypatch.setattr(member_endings, "drop_apologies_outside_terms", pause_the_first)
    return written, go_on


def test_a_chair_set_in_the_minutes_while_another_pc_ends_the_term_is_not_both_saved(
    here, there, minutes, council, new_member, today, monkeypatch
):
    """Found by a tester: PC 1 ends Cordes's term before the meeting of 10 March while PC 2
    sets Cordes as the chair in the minutes' header; both went through on PostgreSQL (the
    header save did not hold the council, as member saves do). PC 2 now waits and is
    refused; the term never ends before a meeting the member chaired."""
    cordes = here.members.save(council.id, new_member(family_name="Cordes"), today)
    header = there.minutes.minutes(minutes.meeting_id).header
    written, go_on = _pause_pc1_ending_a_term(monkeypatch)
    first, first_outcome = in_thread(
        lambda: here.members.end_membership(cordes, date(2026, 3, 1), today=today), "PC 1"
    )
    assert written.wait(30)
    second, second_outcome = in_thread(
        lambda: there.minutes.save_header(
            minutes.meeting_id,
            replace(header, chair_membership_id=cordes.id),
            "pc2",
            base=header,
        )
    )
    second.join(2.0)  # time to save the header, if nothing made it wait
    go_on.set()
    first.join(30)
    second.join(30)

    assert first_outcome[0].term_end == date(2026, 3, 1)
    assert isinstance(second_outcome[0], ValidationError), second_outcome[0]
    assert second_outcome[0].message == (
        "Die Sitzungsleitung muss am Tag der Sitzung (10.03.2026) Mitglied sein: an diesem "
        "Tag ist Anna Cordes kein Mitglied des Gremiums."
    )
    assert (
        here.minutes.minutes(minutes.meeting_id).header.chair_membership_id
        == (minutes.members["Berg"])
    )


# --- members -------------------------------------------------------------------------------


def _second_waits_for_the_first(monkeypatch, first_work, second_work):
    """PC 1's member save is written, not yet committed, when PC 2 saves: PC 2's outcome
    once PC 1 has committed (and PC 1's)."""
    written, go_on = threading.Event(), threading.Event()
    drop = member_writes.drop_apologies_outside_terms

    def pause_the_first(*args, **kwargs):
        if called_in("PC 1"):
            written.set()
            go_on.wait(30)
        return drop(*args, **kwargs)

    monkeypatch.setattr(member_writes, "drop_apologies_outside_terms", pause_the_first)
    first, first_outcome = in_thread(first_work, "PC 1")
    assert written.wait(30)
    second, second_outcome = in_thread(second_work)
    second.join(2.0)  # time to save beside the first, if nothing made it wait
    go_on.set()
    first.join(30)
    second.join(30)
    return first_outcome[0], second_outcome[0]


def test_two_pcs_giving_one_person_a_further_term_at_the_same_moment_save_it_once(
    here, there, council, new_member, today, monkeypatch
):
    """Found by a tester: both "Weitere Amtszeit …" went through on PostgreSQL, and the
    person had two open terms at once, which one PC alone is refused."""
    ended = here.members.save(
        council.id, new_member(family_name="Öztürk & Söhne", term_end=date(2026, 6, 30)), today
    )
    further = replace(ended, id=None, version=0, term_start=date(2026, 7, 1), term_end=None)

    first, second = _second_waits_for_the_first(
        monkeypatch,
        lambda: here.members.save(council.id, further, today),
        lambda: there.members.save(council.id, further, today),
    )

    assert first.term_start == date(2026, 7, 1)
    assert isinstance(second, ValidationError), second
    assert "eine Person hat nur eine Amtszeit zugleich" in second.message
    terms = [m for m in here.members.members(council.id) if m.person_id == ended.person_id]
    assert [(m.term_start, m.term_end) for m in terms] == [
        (date(2025, 1, 1), date(2026, 6, 30)),
        (date(2026, 7, 1), None),
    ]


def test_the_same_new_person_saved_on_two_pcs_one_after_the_other_is_stored_once(
    here, there, council, new_member, today
):
    """(found by a tester) Anna Berg was typed as a new member on both PCs; the second
    "Speichern" only warned of a possible duplicate and saved her twice. Now it is refused,
    naming the record saved meanwhile, so that it can be completed instead."""
    known = there.members.persons(council.id)  # PC 2 opens "Neues Mitglied"
    mine = here.members.save(council.id, new_member(email="anna.berg@example.org"), today)

    with pytest.raises(SamePersonAddedError) as refused:
        there.members.save(
            council.id, new_member(email="Anna.Berg@example.org "), today, known_persons=known
        )

    assert refused.value.twin.person_id == mine.person_id
    assert refused.value.by_email
    assert refused.value.message == (
        "„Anna Berg“ wurde inzwischen von jemand anderem angelegt, mit derselben "
        "E-Mail-Adresse. Ist es dieselbe Person, ergänzen Sie bitte den gespeicherten "
        "Eintrag, statt sie doppelt anzulegen."
    )
    with pytest.raises(SamePersonAddedError):
        there.members.save_checks(council.id, new_member(), today, known)
    assert [m.person_id for m in here.members.members(council.id)] == [mine.person_id]


def test_a_new_person_of_a_name_known_before_is_saved_after_the_warning(
    here, there, council, new_member, today
):
    """Two people may share a name: where the other one was stored before the form opened,
    the user was warned and saves a second person on purpose."""
    here.members.save(council.id, new_member(email="anna@uni-rostock.de"), today)
    known = there.members.persons(council.id)

    other = there.members.save(
        council.id, new_member(email="anna@hs-wismar.de"), today, known_persons=known
    )

    assert len({m.person_id for m in here.members.members(council.id)}) == 2
    assert other.email == "anna@hs-wismar.de"


def test_the_same_new_person_without_e_mail_is_found_by_name(
    here, there, council, new_member, today
):
    known = there.members.persons(council.id)
    here.members.save(council.id, new_member(given_name="Jörg", family_name="Müller"), today)

    with pytest.raises(SamePersonAddedError) as refused:
        there.members.save(
            council.id,
            new_member(given_name="JÖRG", family_name="Müller"),
            today,
            known_persons=known,
        )

    assert not refused.value.by_email
    assert "mit demselben Namen" in refused.value.message


def test_the_same_new_person_saved_on_two_pcs_at_the_same_moment_is_stored_once(
    here, there, council, new_member, today, monkeypatch
):
    """Neither PC's check before saving can see the other's person: the check in the
    saving transaction does, once the first PC has committed (PostgreSQL: the council's
    row lock; SQLite: the file's)."""
    anna = new_member(email="anna.berg@example.org")

    first, second = _second_waits_for_the_first(
        monkeypatch,
        lambda: here.members.save(council.id, anna, today, known_persons=frozenset()),
        lambda: there.members.save(council.id, anna, today, known_persons=frozenset()),
    )

    assert first.family_name == "Berg"
    assert isinstance(second, SamePersonAddedError), second
    assert second.twin.person_id == first.person_id
    assert [m.person_id for m in here.members.members(council.id)] == [first.person_id]


def test_two_pcs_making_two_members_chair_at_the_same_moment_keep_one_chair(
    here, there, council, new_member, today, monkeypatch
):
    berg = here.members.save(council.id, new_member(family_name="Berg"), today)
    cordes = here.members.save(council.id, new_member(family_name="Cordes"), today)

    first, second = _second_waits_for_the_first(
        monkeypatch,
        lambda: here.members.save(council.id, replace(berg, role=MemberRole.CHAIR), today),
        lambda: there.members.save(council.id, replace(cordes, role=MemberRole.CHAIR), today),
    )

    assert first.role is MemberRole.CHAIR
    assert isinstance(second, ValidationError), second
    chairs = [m.family_name for m in here.members.members(council.id) if m.role is MemberRole.CHAIR]
    assert chairs == ["Berg"]


def test_a_term_ended_while_another_pc_records_the_member_present_later_is_not_both_saved(
    here, there, council, new_member, meeting_id, today, monkeypatch
):
    """PC 1 ends Berg's term before the meeting of 8 December while PC 2 records Berg
    present there: PC 2 waits and is refused; the term never ends before a meeting that
    records the member."""
    berg = here.members.save(council.id, new_member(family_name="Berg"), today)
    line = next(e for e in here.attendance.sheet(meeting_id).entries if e.membership_id == berg.id)
    written, go_on = _pause_pc1_ending_a_term(monkeypatch)
    first, first_outcome = in_thread(
        lambda: here.members.end_membership(berg, date(2026, 12, 1), today=today), "PC 1"
    )
    assert written.wait(30)
    second, second_outcome = in_thread(
        lambda: there.attendance.save_entry(
            meeting_id, replace(line, status=AttendanceStatus.PRESENT), today=date(2026, 12, 8)
        )
    )
    second.join(2.0)  # time to record the line, if nothing made it wait
    go_on.set()
    first.join(30)
    second.join(30)

    assert first_outcome[0].term_end == date(2026, 12, 1)
    assert isinstance(second_outcome[0], ValidationError), second_outcome[0]
    assert "kein Mitglied" in second_outcome[0].message
    assert [e.status for e in here.attendance.sheet(meeting_id).entries] == []


def test_a_member_deleted_while_another_pc_records_them_in_a_meeting_is_refused_plainly(
    here, there, council, new_member, meeting_id, today, monkeypatch
):
    """PC 1 records Berg's apology, PC 2 deletes Berg at the same moment: PC 2 waits and
    is told why not (before, on PostgreSQL: the database's refusal of a reference)."""
    berg = here.members.save(council.id, new_member(family_name="Berg"), today)
    line = next(e for e in here.attendance.sheet(meeting_id).entries if e.membership_id == berg.id)
    written, go_on = threading.Event(), threading.Event()
    record = attendance_module.audit.record

    def pause_the_first(*args, **kwargs):
        if called_in("PC 1"):
            written.set()
            go_on.wait(30)
        return record(*args, **kwargs)

    monkeypatch.setattr(attendance_module.audit, "record", pause_the_first)
    first, first_outcome = in_thread(
        lambda: here.attendance.save_entry(
            meeting_id, replace(line, status=AttendanceStatus.EXCUSED), today=today
        ),
        "PC 1",
    )
    assert written.wait(30)
    second, second_outcome = in_thread(lambda: there.members.delete(berg, today=today))
    second.join(2.0)  # time to delete, if nothing made it wait
    go_on.set()
    first.join(30)
    second.join(30)

    assert type(first_outcome[0]).__name__ == "AttendanceSheet"
    assert isinstance(second_outcome[0], InUseError), second_outcome[0]
    assert "kommt in Sitzungen oder Protokollen vor" in second_outcome[0].message


# --- projects --------------------------------------------------------------------------------


@pytest.fixture
def project_id(here, council) -> int:
    field = here.settings.action_fields(council.id)[0]
    return here.projects.create(
        council.id,
        Project(id=None, title="Sensornetz „Warnow“ & <Hafen>", action_field_id=field.id),
    )


def _while_paused(monkeypatch, module, first_work, second_work):
    """PC 1's work (``module`` audits it) is written, not yet committed, when PC 2 works:
    both outcomes once PC 1 has committed."""
    written, go_on = threading.Event(), threading.Event()
    record = module.audit.record

    def pause_the_first(*args, **kwargs):
        if called_in("PC 1"):
            written.set()
            go_on.wait(30)
        return record(*args, **kwargs)

    monkeypatch.setattr(module.audit, "record", pause_the_first)
    first, first_outcome = in_thread(first_work, "PC 1")
    assert written.wait(30)
    second, second_outcome = in_thread(second_work)
    second.join(2.0)  # time to go ahead, if nothing made it wait
    go_on.set()
    first.join(30)
    second.join(30)
    return first_outcome[0], second_outcome[0]


def test_a_project_deleted_while_another_pc_links_it_to_an_agenda_item_says_why(
    here, there, meeting_id, project_id, monkeypatch
):
    """Found by a tester: on PostgreSQL the PC linking the project got the database's
    refusal of a reference ('Die Datenbank hat einen Verweis … abgelehnt')."""
    project = here.projects.project(project_id)
    deleted, linked = _while_paused(
        monkeypatch,
        projects_module,
        lambda: here.projects.delete(project),
        lambda: there.agenda.add(
            meeting_id, AgendaItem(key=0, title="Beratung", project_id=project_id)
        ),
    )

    assert deleted is None
    assert isinstance(linked, ValidationError), linked
    assert (
        linked.message == "Das gewählte Projekt gibt es nicht mehr. Vielleicht wurde es gelöscht."
    )


def test_a_project_the_other_pc_created_already_is_not_created_twice(
    here, there, council, project_id
):
    """Found by a tester: both PCs entered the new project, which then stood twice in the
    register and in every list to choose a project from."""
    field = here.settings.action_fields(council.id)[0].id
    twin = Project(id=None, title="sensornetz  „WARNOW“ & <Hafen>", action_field_id=field)

    with pytest.raises(ValidationError) as refused:
        here.projects.create(council.id, twin)

    assert refused.value.message == (
        "Das Projekt „Sensornetz „Warnow“ & <Hafen>“ gibt es in diesem Gremium schon, "
        "vielleicht an einem anderen Arbeitsplatz angelegt. Bitte bearbeiten Sie das "
        "vorhandene Projekt oder wählen Sie einen anderen Titel."
    )
    other = here.projects.create(council.id, replace(twin, title="Sensornetz Hafen"))
    with pytest.raises(ValidationError):
        there.projects.update(replace(there.projects.project(other), title=twin.title))
    stored = here.projects.project(project_id)
    assert here.projects.update(replace(stored, lead_unit="Hauptamt")).lead_unit == "Hauptamt"


def test_two_pcs_creating_the_same_project_at_the_same_moment_create_it_once(
    here, there, council, monkeypatch
):
    field = here.settings.action_fields(council.id)[0].id
    project = Project(id=None, title="Sensornetz Warnow", action_field_id=field)
    first, second = _while_paused(
        monkeypatch,
        projects_module,
        lambda: here.projects.create(council.id, project),
        lambda: there.projects.create(council.id, project),
    )

    assert isinstance(first, int), first
    assert isinstance(second, ValidationError), second
    assert [e.project.title for e in here.projects.projects(council.id)] == ["Sensornetz Warnow"]


def test_a_project_linked_while_another_pc_deletes_it_is_kept_and_the_deletion_says_why(
    here, there, meeting_id, project_id, monkeypatch
):
    project = here.projects.project(project_id)
    linked, deleted = _while_paused(
        monkeypatch,
        agenda_module,
        lambda: here.agenda.add(
            meeting_id, AgendaItem(key=0, title="Beratung", project_id=project_id)
        ),
        lambda: there.projects.delete(project),
    )

    assert type(linked).__name__ == "Agenda"
    assert isinstance(deleted, InUseError), deleted
    assert "wird noch verwendet" in deleted.message
    assert here.projects.project(project_id).title == "Sensornetz „Warnow“ & <Hafen>"


# --- action fields ---------------------------------------------------------------------------


@pytest.fixture
def harbour(here, council):
    return here.settings.add_action_field(council.id, "Hafen & <Küste> 🚢", "#0088cc")


def test_an_action_field_deleted_while_another_pc_gives_it_a_member_says_why(
    here, there, council, new_member, harbour, today, monkeypatch
):
    """Found by a tester: on PostgreSQL the member's PC got the database's refusal of a
    reference ('Die Datenbank hat einen Verweis … abgelehnt')."""
    deleted, saved = _while_paused(
        monkeypatch,
        action_fields_module,
        lambda: here.settings.delete_action_field(harbour),
        lambda: there.members.save(council.id, new_member(primary_field_id=harbour.id), today),
    )

    assert deleted is None
    assert isinstance(saved, ValidationError), saved
    assert "Handlungsfeld gibt es nicht mehr" in saved.message


def test_an_action_field_given_a_project_while_another_pc_deletes_it_stays(
    here, there, council, harbour, monkeypatch
):
    project = Project(id=None, title="Landstrom", action_field_id=harbour.id)
    created, deleted = _while_paused(
        monkeypatch,
        projects_module,
        lambda: here.projects.create(council.id, project),
        lambda: there.settings.delete_action_field(harbour),
    )

    assert isinstance(created, int)
    assert isinstance(deleted, InUseError), deleted
    assert "wird noch verwendet" in deleted.message
    assert [f.name for f in here.settings.action_fields(council.id)][-1] == "Hafen & <Küste> 🚢"


# --- a restore on one PC --------------------------------------------------------------------


def test_a_member_saved_after_the_other_pc_restored_a_backup_overwrites_no_one_added_since(
    here, there, council, new_member, tmp_path
):
    """Found by a tester: the restore set PostgreSQL's ids back to the backup's highest, so
    the member added here after it got the id of the one the other PC had added before it
    (and still had open): that PC's save turned Lena Hier into Karla Neu."""
    here.backup.backup(tmp_path / "sicherung.zip")
    theirs = there.members.save(council.id, new_member("Karl", "Neu"), date(2025, 1, 1))
    here.backup.restore(tmp_path / "sicherung.zip", tmp_path / "kopien")
    mine = here.members.save(council.id, new_member("Lena", "Hier"), date(2025, 1, 1))

    with pytest.raises(NotFoundError):
        there.members.save(council.id, replace(theirs, given_name="Karla"), date(2025, 1, 1))

    assert mine.id != theirs.id
    assert here.members.member(mine.id).given_name == "Lena"


def test_a_meeting_saved_after_the_other_pc_restored_a_backup_overwrites_none_added_since(
    here, there, council, tmp_path
):
    """Found by a tester: on SQLite the restore let the next meeting take the id of the one
    the other PC had added after the backup (and still had open in its form), which that
    PC's save then overwrote."""
    here.backup.backup(tmp_path / "sicherung.zip")
    start = datetime(2026, 12, 8, 16, 0)
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    theirs = there.meetings.get(there.meetings.create(council.id, draft))
    here.backup.restore(tmp_path / "sicherung.zip", tmp_path / "kopien")
    mine = here.meetings.create(council.id, replace(draft, place="Stadthaus"))

    with pytest.raises(NotFoundError):
        there.meetings.update(theirs.id, theirs.version, replace(draft, place="Alte Post"))

    assert mine != theirs.id
    assert here.meetings.get(mine).place == "Stadthaus"
