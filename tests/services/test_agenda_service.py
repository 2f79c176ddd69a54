"""The agenda service on SQLite and PostgreSQL: adding, moving, indenting, deleting, the
unique positions after many moves, state rules, references that block a delete, audit."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from meeting_rows import clear_agenda
from minutes_rows import approve as approve_stored
from minutes_setup import held_minutes
from sqlalchemy import func, select

from expertenrat.domain.agenda import AgendaItem, numbers, presenter_text, split_presenter
from expertenrat.domain.agenda_templates import STANDARD_TEMPLATES
from expertenrat.domain.enums import AgendaItemKind, MeetingKind, MeetingState, PresenterKind
from expertenrat.domain.errors import (
    ConcurrentEditError,
    InUseError,
    NotFoundError,
    ValidationError,
)
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.services.agenda import AgendaService
from expertenrat.services.agenda_rows import add_opening_items
from expertenrat.services.agenda_templates import AgendaTemplatesService
from expertenrat.services.audit_reading import AuditService
from expertenrat.store import models

BERLIN = ZoneInfo("Europe/Berlin")
HOSTILE = "Radwege & <Ampeln> \"zitiert\" 'x' 🚲 مشروع שלום Jörg"


@pytest.fixture
def agenda_service(database, actor) -> AgendaService:
    return AgendaService(database, actor)


@pytest.fixture
def make_meeting(database, council, meetings_service, agenda_service):
    """A meeting with an empty agenda; ``state`` is then written through a session."""
    days = iter(range(100))

    def make(state: MeetingState = MeetingState.PLANNED) -> int:
        start = datetime(2026, 12, 8, 16, tzinfo=BERLIN) + timedelta(days=next(days))
        draft = MeetingDraft(
            MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus"
        )
        meeting_id = meetings_service.create(council.id, draft)
        clear_agenda(database, meeting_id)
        if state is not MeetingState.PLANNED:
            with database.transaction() as session:
                row = session.get(models.Meeting, meeting_id)
                row.state = state.value
                row.cancellation_reason = "Krankheit" if state is MeetingState.CANCELLED else ""
        return meeting_id

    return make


@pytest.fixture
def meeting(make_meeting) -> int:
    return make_meeting()


def titles(agenda) -> dict[str, str]:
    """Number → title of the stored items."""
    by_key = {i.key: i.title for i in agenda.items}
    return {number: by_key[key] for key, number in numbers(agenda.items).items()}


def stored_numbers(database, meeting_id: int) -> dict[int, str]:
    with database.reading() as session:
        return dict(
            session.execute(
                select(models.AgendaItem.id, models.AgendaItem.number).where(
                    models.AgendaItem.meeting_id == meeting_id
                )
            ).all()
        )


def key_of(agenda, number: str) -> AgendaItem:
    wanted = {n: k for k, n in numbers(agenda.items).items()}[number]
    return next(i for i in agenda.items if i.key == wanted)


def add(service, meeting_id, title, parent=None, index=None, **fields):
    agenda = service.add(meeting_id, AgendaItem(0, title, **fields), parent, index)
    return agenda, next(i for i in agenda.items if i.title == title)


def test_opening_items_are_added_once(agenda_service, make_meeting, database, actor):
    make_meeting()  # the council's first, whose minutes this meeting approves
    meeting = make_meeting()
    agenda = agenda_service.add_opening_items(meeting)
    with database.transaction() as session:
        add_opening_items(session, meeting, actor)  # a second call changes nothing

    assert list(titles(agenda_service.agenda(meeting)).values()) == [
        "Eröffnung",
        "Feststellung der ordnungsgemäßen Ladung und Beschlussfähigkeit",
        "Genehmigung der Tagesordnung",
        "Genehmigung des Protokolls der letzten Sitzung",
    ]
    assert agenda.items[3].kind is AgendaItemKind.MINUTES_APPROVAL
    assert sorted(stored_numbers(database, meeting).values()) == ["1", "2", "3", "4"]


def test_add_under_a_parent_and_at_an_index_renumbers_and_stores_numbers(
    agenda_service, make_meeting, database
):
    make_meeting()  # the council's first: the next one approves its minutes
    meeting = make_meeting()
    agenda_service.add_opening_items(meeting)
    agenda, projects = add(agenda_service, meeting, "Projekte")
    add(agenda_service, meeting, "Radwege", parent=projects.key)
    agenda, _ = add(agenda_service, meeting, "Davor", index=1)

    assert titles(agenda)["2"] == "Davor"
    assert titles(agenda)["6"] == "Projekte"
    assert titles(agenda)["6.1"] == "Radwege"
    assert stored_numbers(database, meeting) == numbers(agenda.items)


def test_reorder_and_indent_and_outdent(agenda_service, meeting, database):
    for title in ("A", "B", "C"):
        agenda, _ = add(agenda_service, meeting, title)
    b = key_of(agenda, "2")

    agenda = agenda_service.move(b.key, b.version, +1)
    assert list(titles(agenda).values()) == ["A", "C", "B"]

    b = key_of(agenda, "3")
    agenda = agenda_service.indent(b.key, b.version)
    assert titles(agenda) == {"1": "A", "2": "C", "2.1": "B"}

    b = key_of(agenda, "2.1")
    agenda = agenda_service.outdent(b.key, b.version)
    assert titles(agenda) == {"1": "A", "2": "C", "3": "B"}

    c = key_of(agenda, "2")
    agenda = agenda_service.move_to(c.key, c.version, key_of(agenda, "1").key, 0)
    assert titles(agenda) == {"1": "A", "1.1": "C", "2": "B"}
    assert stored_numbers(database, meeting) == numbers(agenda.items)


def test_a_drag_under_an_item_deleted_meanwhile_says_that_the_target_is_gone(
    agenda_service, meeting, database, actor
):
    """Found by a tester: it said 'Der Tagesordnungspunkt wurde nicht gefunden.', as if
    the item dragged were gone."""
    add(agenda_service, meeting, "B")
    agenda, _ = add(agenda_service, meeting, "A")
    b, a = key_of(agenda, "1"), key_of(agenda, "2")
    AgendaService(database, actor).delete(a.key, a.version)  # another PC

    with pytest.raises(ValidationError) as refused:
        agenda_service.move_to(b.key, b.version, a.key, 0)

    assert refused.value.message == (
        "Der Punkt, unter den verschoben werden sollte, ist nicht mehr in der Tagesordnung. "
        "Vielleicht wurde er inzwischen gelöscht. Die Tagesordnung zeigt jetzt den "
        "gespeicherten Stand; verschieben Sie den Punkt dort bitte erneut."
    )


def test_a_drag_under_an_item_whose_deletion_renumbered_the_dragged_one_says_so_too(
    agenda_service, meeting, database, actor
):
    """TOP 3 dragged under TOP 2, which another PC deleted (TOP 3 became TOP 2 there, a
    new version): the target is gone, not "geändert … neu laden" (found by a tester)."""
    add(agenda_service, meeting, "A")
    add(agenda_service, meeting, "B")
    agenda, _ = add(agenda_service, meeting, "C")
    b, c = key_of(agenda, "2"), key_of(agenda, "3")
    AgendaService(database, actor).delete(b.key, b.version)  # another PC

    with pytest.raises(ValidationError) as refused:
        agenda_service.move_to(c.key, c.version, b.key, 0)

    assert refused.value.message.startswith(
        "Der Punkt, unter den verschoben werden sollte, ist nicht mehr in der Tagesordnung."
    )
    assert titles(agenda_service.agenda(meeting)) == {"1": "A", "2": "C"}


def test_a_new_item_after_one_another_pc_moved_meanwhile_goes_right_after_it(
    agenda_service, meeting, database, actor
):
    """Found by a tester: "Neuer Punkt" after A went to A's old place (TOP 2 between B
    and C), A having been moved to the end on another PC."""
    add(agenda_service, meeting, "A")
    add(agenda_service, meeting, "B")
    agenda, _ = add(agenda_service, meeting, "C")
    a = key_of(agenda, "1")
    AgendaService(database, actor).move_to(a.key, a.version, None, 2)  # another PC

    agenda = agenda_service.add_after(meeting, AgendaItem(0, "Neu"), a.key)

    assert titles(agenda) == {"1": "B", "2": "C", "3": "A", "4": "Neu"}


@pytest.mark.parametrize("beside", [False, True], ids=["under", "after"])
def test_a_new_item_under_or_after_one_deleted_meanwhile_says_that_it_is_gone(
    agenda_service, meeting, database, actor, beside
):
    """Found by a tester: it said 'Der übergeordnete Punkt gehört nicht zu dieser Sitzung.'
    of an item the user saw in it."""
    _, b = add(agenda_service, meeting, "B")
    _, b1 = add(agenda_service, meeting, "B1", parent=b.key)
    AgendaService(database, actor).delete(b.key, b.version)  # another PC

    with pytest.raises(ValidationError) as refused:
        if beside:
            agenda_service.add_after(meeting, AgendaItem(0, "Neu"), b1.key)
        else:
            agenda_service.add(meeting, AgendaItem(0, "Neu"), b.key)

    assert refused.value.message == (
        "Der gewählte Punkt ist nicht mehr in der Tagesordnung. Vielleicht wurde er "
        "inzwischen gelöscht. Die Tagesordnung zeigt jetzt den gespeicherten Stand; fügen "
        "Sie den neuen Punkt dort bitte erneut hinzu."
    )
    assert agenda_service.agenda(meeting).items == ()


def test_a_new_item_under_an_item_of_another_meeting_is_refused(agenda_service, make_meeting):
    first, second = make_meeting(), make_meeting()
    _, other = add(agenda_service, first, "Anderswo")

    with pytest.raises(ValidationError) as refused:
        agenda_service.add(second, AgendaItem(0, "Neu"), other.key)

    assert refused.value.message == "Der übergeordnete Punkt gehört nicht zu dieser Sitzung."


def test_delete_takes_sub_items_along_and_closes_the_gap(agenda_service, meeting, database):
    add(agenda_service, meeting, "A")
    _, b = add(agenda_service, meeting, "B")
    add(agenda_service, meeting, "B1", parent=b.key)
    _, b2 = add(agenda_service, meeting, "B2", parent=b.key)
    add(agenda_service, meeting, "B2a", parent=b2.key)
    agenda, _ = add(agenda_service, meeting, "C")
    b = key_of(agenda, "2")

    agenda = agenda_service.delete(b.key, b.version)

    assert titles(agenda) == {"1": "A", "2": "C"}
    assert stored_numbers(database, meeting) == numbers(agenda.items)
    (entry,) = [
        e for e in AuditService(database).entries("agenda_item") if e.action.value == "delete"
    ]
    assert "mit 3 Unterpunkten" in entry.summary


def test_deleting_an_item_with_one_sub_item_says_so_in_the_singular(
    agenda_service, meeting, database
):
    """ "gelöscht (mit 1 Unterpunkt)", not "(mit 1 Unterpunkten)" (found by a tester)."""
    _, b = add(agenda_service, meeting, "B")
    agenda, _ = add(agenda_service, meeting, "B1", parent=b.key)

    agenda_service.delete(b.key, key_of(agenda, "1").version)

    (entry,) = [
        e for e in AuditService(database).entries("agenda_item") if e.action.value == "delete"
    ]
    assert entry.summary.endswith("gelöscht (mit 1 Unterpunkt)")


def test_positions_stay_unique_after_many_random_moves(agenda_service, meeting, database):
    random.seed(7)
    for index in range(12):
        agenda, _ = add(agenda_service, meeting, f"P{index}")
    for _ in range(60):
        item = random.choice(agenda.items)
        operation = random.choice(["up", "down", "indent", "outdent", "drop"])
        try:
            if operation == "up":
                agenda = agenda_service.move(item.key, item.version, -1)
            elif operation == "down":
                agenda = agenda_service.move(item.key, item.version, +1)
            elif operation == "indent":
                agenda = agenda_service.indent(item.key, item.version)
            elif operation == "outdent":
                agenda = agenda_service.outdent(item.key, item.version)
            else:
                parent = random.choice([None, *[i.key for i in agenda.items]])
                agenda = agenda_service.move_to(
                    item.key, item.version, parent, random.randint(0, 5)
                )
        except ValidationError:
            agenda = agenda_service.agenda(meeting)
    with database.reading() as session:
        places = session.execute(
            select(models.AgendaItem.parent_id, models.AgendaItem.position).where(
                models.AgendaItem.meeting_id == meeting
            )
        ).all()
    assert len(places) == 12
    assert len(set(places)) == 12
    by_parent: dict = {}
    for parent, position in places:
        by_parent.setdefault(parent, []).append(position)
    assert all(sorted(p) == list(range(len(p))) for p in by_parent.values())
    assert stored_numbers(database, meeting) == numbers(agenda.items)


def test_forty_items_with_long_hostile_titles(agenda_service, meeting):
    title = (HOSTILE * 50)[:2000]
    for index in range(40):
        agenda, _ = add(
            agenda_service,
            meeting,
            f"{index:02d} {title}"[:2000],
            presenter=f"{HOSTILE} (Gast)",
            planned_minutes=3,
        )

    assert len(agenda.items) == 40
    assert key_of(agenda, "40").title == f"39 {title}"[:2000]
    assert key_of(agenda, "1").presenter == f"{HOSTILE} (Gast)"


def test_a_title_over_2000_characters_is_refused_and_nothing_saved(agenda_service, meeting):
    with pytest.raises(ValidationError, match=r"höchstens 2\.000 Zeichen"):
        agenda_service.add(meeting, AgendaItem(0, "x" * 2001))
    with pytest.raises(ValidationError, match="Titel"):
        agenda_service.add(meeting, AgendaItem(0, "   "))

    assert agenda_service.agenda(meeting).items == ()


def test_nesting_too_deep_is_refused_and_nothing_half_saved(agenda_service, meeting, database):
    _, a = add(agenda_service, meeting, "A")
    _, b = add(agenda_service, meeting, "B", parent=a.key)
    _, c = add(agenda_service, meeting, "C", parent=b.key)

    with pytest.raises(ValidationError, match="höchstens 3 Ebenen"):
        agenda_service.add(meeting, AgendaItem(0, "D"), c.key)
    assert len(agenda_service.agenda(meeting).items) == 3
    assert sorted(stored_numbers(database, meeting).values()) == ["1", "1.1", "1.1.1"]


def test_update_checks_the_version_and_stores_the_fields(
    agenda_service, meeting, council, database
):
    with database.transaction() as session:
        project = models.Project(council_id=council.id, title="Digitaler Zwilling")
        session.add(project)
        session.flush()
        project_id = project.id
    _, item = add(agenda_service, meeting, "Alt")
    changed = AgendaItem(
        item.key,
        f"  {HOSTILE}  ",
        kind=AgendaItemKind.CONSULTATION,
        public=False,
        planned_minutes=30,
        presenter="Jan Rau (Projektteam)",
        project_id=project_id,
        version=item.version,
    )

    agenda = agenda_service.update(changed)

    (saved,) = agenda.items
    assert saved.title == HOSTILE
    assert (saved.kind, saved.public, saved.planned_minutes) == (
        AgendaItemKind.CONSULTATION,
        False,
        30,
    )
    assert saved.project_title == "Digitaler Zwilling"
    with pytest.raises(ConcurrentEditError):
        agenda_service.update(changed)  # the old version


def test_a_deleted_project_cannot_be_linked(agenda_service, meeting, council, database):
    with database.transaction() as session:
        project = models.Project(
            council_id=council.id, title="Alt & <weg>", deleted_at=datetime(2026, 1, 1)
        )
        session.add(project)
        session.flush()
        project_id = project.id

    with pytest.raises(ValidationError, match="gelöscht"):
        agenda_service.add(meeting, AgendaItem(0, "Beratung", project_id=project_id))
    assert agenda_service.projects(council.id) == []


def test_cancelled_meeting_refuses_every_change(agenda_service, make_meeting, database):
    meeting = make_meeting()
    _, item = add(agenda_service, meeting, "A")
    with database.transaction() as session:
        session.get(models.Meeting, meeting).state = MeetingState.CANCELLED.value

    for change in (
        lambda: agenda_service.add(meeting, AgendaItem(0, "B")),
        lambda: agenda_service.update(AgendaItem(item.key, "Neu", version=item.version)),
        lambda: agenda_service.move(item.key, item.version, 1),
        lambda: agenda_service.delete(item.key, item.version),
    ):
        with pytest.raises(ValidationError, match="abgesagt"):
            change()
    assert titles(agenda_service.agenda(meeting)) == {"1": "A"}


def test_held_meeting_allows_only_title_corrections_and_moves(agenda_service, meeting, database):
    _, a = add(agenda_service, meeting, "Tippfeler")
    _, b = add(agenda_service, meeting, "B")
    with database.transaction() as session:
        session.get(models.Meeting, meeting).state = MeetingState.HELD.value

    agenda = agenda_service.update(
        AgendaItem(a.key, "Tippfehler", kind=a.kind, public=a.public, version=a.version)
    )
    assert titles(agenda)["1"] == "Tippfehler"
    a = key_of(agenda, "1")
    with pytest.raises(ValidationError, match="Nur Titel"):
        agenda_service.update(AgendaItem(a.key, a.title, planned_minutes=20, version=a.version))
    # Its minutes are an open draft: the items go into the order they were taken in.
    assert titles(agenda_service.move(b.key, b.version, -1)) == {"1": "B", "2": "Tippfehler"}


def test_delete_is_refused_where_minutes_attendance_or_recommendations_refer(
    agenda_service, meeting, council, members_service, new_member, database
):
    _, a = add(agenda_service, meeting, "A")
    _, a1 = add(agenda_service, meeting, "A1", parent=a.key)
    agenda, b = add(agenda_service, meeting, "B")
    member = members_service.save(council.id, new_member(), date(2026, 11, 27))
    with database.transaction() as session:
        session.get(models.AgendaItem, a1.key).discussion = "Es wurde beraten."
        session.add(
            models.Attendance(
                meeting_id=meeting,
                membership_id=member.id,
                arrived_item_id=a1.key,
                back_item_id=b.key,  # away from TOP 1.1, back at TOP 2
            )
        )
        session.add(
            models.Recommendation(
                council_id=council.id,
                code="E-2026-01",
                title="Mehr Radwege",
                origin_agenda_item_id=b.key,
                adopted_on=date(2026, 12, 8),
            )
        )
    agenda = agenda_service.agenda(meeting)

    a = key_of(agenda, "1")
    with pytest.raises(InUseError) as refused:
        agenda_service.delete(a.key, a.version)
    assert "TOP 1.1: Protokolltext, Anwesenheit (späteres Kommen)" in refused.value.message
    b = key_of(agenda, "2")
    with pytest.raises(InUseError, match=r"TOP 2: Anwesenheit \(Unterbrechung\), Empfehlungen"):
        agenda_service.delete(b.key, b.version)
    assert len(agenda_service.agenda(meeting).items) == 3


def test_changes_are_audited(agenda_service, meeting, database):
    _, a = add(agenda_service, meeting, "A")
    add(agenda_service, meeting, "B")
    agenda_service.move(a.key, a.version, +1)

    opening, *lines = AuditService(database).entries("agenda_item")
    assert opening.summary == "Standardpunkte der Tagesordnung der 1. Sitzung angelegt"
    assert [line.action.value for line in lines] == ["create", "create", "update"]
    assert "verschoben (vorher TOP 1)" in lines[-1].summary
    assert lines[-1].after == {"number": "2", "position": 1}


def test_stale_and_missing_items(agenda_service, meeting):
    _, a = add(agenda_service, meeting, "A")
    add(agenda_service, meeting, "B")

    with pytest.raises(ConcurrentEditError):
        agenda_service.move(a.key, a.version + 5, 1)
    with pytest.raises(NotFoundError):
        agenda_service.move(99_999, 1, 1)
    with pytest.raises(NotFoundError):
        agenda_service.agenda(99_999)


def test_templates_offer_the_councils_list_then_recurring_titles(
    agenda_service, make_meeting, council, database
):
    for _ in range(2):
        meeting = make_meeting()
        add(
            agenda_service,
            meeting,
            "Bericht „Radwege“",
            kind=AgendaItemKind.REPORT,
            planned_minutes=12,
        )

    chosen = agenda_service.templates(council.id)

    assert chosen[: len(STANDARD_TEMPLATES)] == AgendaTemplatesService(database, "test").templates(
        council.id
    )
    assert chosen[len(STANDARD_TEMPLATES)].title == "Bericht „Radwege“"
    assert chosen[len(STANDARD_TEMPLATES)].planned_minutes == 12
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(models.AgendaItem)) == 2


def test_presenter_kinds_survive_the_round_trip(agenda_service, meeting):
    text = presenter_text(PresenterKind.PROJECT_STAFF, HOSTILE)
    _, item = add(agenda_service, meeting, "A", presenter=text)

    assert split_presenter(item.presenter) == (PresenterKind.PROJECT_STAFF, HOSTILE)


def test_templates_offer_a_correction_of_minutes_approved_before_the_meeting(
    agenda_service, council, fields, database
):
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    approve_stored(database, minutes.meeting_id)

    titles = [t.title for t in agenda_service.templates(council.id, minutes.next_id)]

    correction = "Berichtigung / Nachtrag zum Protokoll der 1. Sitzung"
    assert titles[len(STANDARD_TEMPLATES)] == correction
    # Not for the approved meeting's own agenda, nor without a meeting.
    assert correction not in [t.title for t in agenda_service.templates(council.id)]
    assert correction not in [
        t.title for t in agenda_service.templates(council.id, minutes.meeting_id)
    ]


def test_a_new_item_with_no_row_chosen_goes_between_the_opening_and_the_closing_items(
    agenda_service, make_meeting
):
    """Found by a tester: on a new meeting the item went after TOP 1 "Eröffnung", before
    "Feststellung der ordnungsgemäßen Ladung …", and the invitation listed the
    formalities after the subject."""
    make_meeting()  # the council's first: the next one approves its minutes
    meeting = make_meeting()
    agenda_service.add_opening_items(meeting)
    agenda = agenda_service.add_new(meeting, AgendaItem(0, "Radwege", kind=AgendaItemKind.REPORT))
    assert list(titles(agenda).values())[3:] == [
        "Genehmigung des Protokolls der letzten Sitzung",
        "Radwege",
    ]
    add(agenda_service, meeting, "Verschiedenes", kind=AgendaItemKind.MISCELLANEOUS)

    agenda = agenda_service.add_new(meeting, AgendaItem(0, "Personalangelegenheiten"))

    assert list(titles(agenda).values())[4:] == [
        "Radwege",
        "Personalangelegenheiten",
        "Verschiedenes",
    ]


def test_the_running_projects_come_first_and_the_finished_ones_are_told(
    agenda_service, council, database
):
    """(found by a tester) After ten years most of the projects an item may link are
    finished; they stood unmarked among the running ones, by title."""
    with database.transaction() as session:
        for title, phase in (
            ("Alte Ampeln", "completed"),
            ("Radwege", "implementation"),
            ("Baumkataster", "idea"),
        ):
            session.add(models.Project(council_id=council.id, title=title, phase=phase))

    offered = agenda_service.projects(council.id)

    assert [(p.title, p.ended) for p in offered] == [
        ("Baumkataster", False),
        ("Radwege", False),
        ("Alte Ampeln", True),
    ]


def test_the_projects_to_link_stand_in_alphabetical_order_umlauts_and_case_aside(
    agenda_service, council, database
):
    """(found by a tester) The database ordered the titles by their bytes (SQLite; a
    PostgreSQL server by its own locale, "C" or English on some): "Öffentliches WLAN" and
    "eAkte" stood after "Zukunftsstadt", not where the Projekte page shows them."""
    with database.transaction() as session:
        for title in ("Zukunftsstadt", "Öffentliches WLAN", "eAkte", "Bürgerportal", "Ampeln"):
            session.add(models.Project(council_id=council.id, title=title, phase="idea"))

    offered = agenda_service.projects(council.id)

    assert [p.title for p in offered] == [
        "Ampeln",
        "Bürgerportal",
        "eAkte",
        "Öffentliches WLAN",
        "Zukunftsstadt",
    ]
