"""A recusal at an agenda item holds at its sub-items about the same matter: the conflicts
tab, the quorum per item, the votes' limits, the vote line, the minutes and OParl."""

from __future__ import annotations

from dataclasses import replace
from itertools import islice

import pytest
from client_statements import recorded_statements
from held_meeting import hold
from meeting_rows import add_meeting
from sqlalchemy import event, select

from expertenrat.domain.conflict_sheet import ItemLink, ancestors, recusal_sources
from expertenrat.domain.enums import AttendanceStatus
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.votes import VoteDraft
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.conflicts import ConflictsService
from expertenrat.services.context import Services
from expertenrat.services.minutes import MinutesService
from expertenrat.services.recusals import council_recusals, held_recusals
from expertenrat.store import models


@pytest.fixture
def members(members_service, council, new_member, today) -> list[int]:
    return [
        members_service.save(council.id, new_member("Anna", name), today).id
        for name in ("Berg", "Dahl", "Engel")
    ]


@pytest.fixture
def agenda(database, council, members) -> dict[str, int]:
    """A held meeting, all three present: TOP 2 consults the project, 2.1 is about it too,
    2.2 about no project, 2.3 about another one."""
    rows = add_meeting(
        database,
        council.id,
        titles=("Eröffnung", "Urbane Datenplattform", "Verschiedenes"),
        partners=("Stadtwerke Rostock",),
        project_item=1,
    )
    with database.transaction() as session:
        other = models.Project(council_id=council.id, title="Smarte Laternen")
        session.add(other)
        session.flush()
        subs = {
            "same": ("Empfehlung an das Projekt", rows.project_id),
            "none": ("Aussprache", None),
            "other": ("Smarte Laternen", other.id),
        }
        items = {}
        for position, (key, (title, project_id)) in enumerate(subs.items()):
            row = models.AgendaItem(
                meeting_id=rows.meeting_id,
                parent_id=rows.item_ids[1],
                number=f"2.{position + 1}",
                position=position,
                title=title,
                project_id=project_id,
            )
            session.add(row)
            session.flush()
            items[key] = row.id
    hold(database, rows.meeting_id)
    attendance = AttendanceService(database, "tester")
    for membership_id in members:
        entry = attendance.sheet(rows.meeting_id).entry(membership_id)
        attendance.save_entry(rows.meeting_id, replace(entry, status=AttendanceStatus.PRESENT))
    return {"meeting": rows.meeting_id, "top": rows.item_ids[1], **items}


def test_sub_items_about_the_same_project_or_none_of_their_own_carry_a_recusal():
    sources = recusal_sources(
        [
            ItemLink(1, None, 7),
            ItemLink(2, 1, 7),
            ItemLink(3, 2, 7),
            ItemLink(4, 1, None),
            ItemLink(5, 4, 7),
            ItemLink(6, 1, 8),
            ItemLink(9, None, None),
        ]
    )
    # 4 has no project of its own: part of 1 (found by a tester: the recused member voted
    # at "5.2 Aussprache" under the project's item)
    assert sources == {2: (1,), 3: (2, 1), 4: (1,), 5: (4, 1)}


def test_parents_that_form_a_circle_end_the_walk_instead_of_looping():
    """Found by review: a damaged database whose items are each other's parent kept every
    reader of recusals (minutes, quorum, OParl) in an endless loop; the agenda refuses it
    with a message."""
    links = {1: ItemLink(1, 2, 7), 2: ItemLink(2, 1, 7), 3: ItemLink(3, 2, 7)}
    assert [p.id for p in islice(ancestors(links[3], links), 10)] == [2, 1]
    assert recusal_sources(links.values()) == {1: (2,), 2: (1,), 3: (2, 1)}


def test_a_member_recused_at_an_item_is_recused_at_its_sub_item_about_the_project(
    database, actor, agenda, members
) -> None:
    """Found by a tester: Anna Berg, recused at TOP 2 about the project, counted as a voter
    at 2.1 "Empfehlung an das Projekt"; the secretariat had to declare it once more."""
    conflicts = ConflictsService(database, actor)
    conflicts.declare(agenda["top"], members[0], "Mitarbeiterin der Stadtwerke")

    sheet = conflicts.sheet(agenda["meeting"])
    carried = sheet.item(agenda["same"]).carried
    assert [(c.member_name, c.item_id) for c in carried] == [("Anna Berg", agenda["top"])]
    assert [c.member_name for c in sheet.item(agenda["same"]).recused] == ["Anna Berg"]
    assert sheet.item(agenda["none"]).carried == carried  # "Aussprache": part of TOP 2
    assert sheet.item(agenda["other"]).carried == ()

    minutes = MinutesService(database, actor)
    assert minutes.voters(agenda["same"]).count == minutes.voters(agenda["none"]).count == 2
    assert minutes.voters(agenda["other"]).count == 3
    with pytest.raises(ValidationError, match="davon 1 befangen"):
        minutes.save_votes(agenda["same"], [VoteDraft(yes=3)])
    saved = minutes.save_votes(agenda["same"], [VoteDraft(yes=2)])
    assert [(m.name, m.reason) for m in saved.votes[0].recused_members] == [
        ("Anna Berg", "Mitarbeiterin der Stadtwerke")
    ]

    quorums = {q.item.id: q.quorum for q in AttendanceService(database, actor).sheet(
        agenda["meeting"]).item_quorums}  # fmt: skip
    assert [quorums[agenda[k]].recused for k in ("same", "none", "other")] == [1, 1, 0]

    document = Services.create(database, actor).minutes_documents.document(agenda["meeting"])
    recused = {i.number: [c.member_name for c in i.recused] for i in document.items}
    assert recused["2"] == recused["2.1"] == recused["2.2"] == ["Anna Berg"]
    assert recused["2.3"] == []


def test_the_minutes_read_the_recusals_once_for_the_sheet_and_the_items(
    database, actor, agenda, members
) -> None:
    """Found by review: the minutes read the recusals for the attendance sheet (the quorum
    per item) and once more for the items (who was recused)."""
    ConflictsService(database, actor).declare(agenda["top"], members[0], "Stadtwerke")
    documents = Services.create(database, actor).minutes_documents

    with recorded_statements(database.engine) as statements:
        document = documents.document(agenda["meeting"])

    assert len([s for s in statements if "FROM conflicts_of_interest" in s]) == 1
    recused = {i.number: [c.member_name for c in i.recused] for i in document.items}
    assert recused["2.1"] == ["Anna Berg"]
    assert [i.quorum.recused for i in document.items if i.number in ("2.1", "2.3")] == [1, 0]


def test_a_decision_of_its_own_at_the_sub_item_comes_first(
    database, actor, agenda, members
) -> None:
    conflicts = ConflictsService(database, actor)
    conflicts.declare(agenda["top"], members[0], "Mitarbeiterin der Stadtwerke")
    conflicts.declare(agenda["same"], members[0], "Auch hier: Mitarbeiterin")

    item = conflicts.sheet(agenda["meeting"]).item(agenda["same"])
    assert [c.reason for c in item.recused] == ["Auch hier: Mitarbeiterin"]  # once
    assert item.carried == ()
    assert MinutesService(database, actor).voters(agenda["same"]).count == 2


def test_the_councils_recusals_are_selected_by_the_council_not_by_a_list_of_its_items(
    database, actor, council, agenda, members
) -> None:
    """Found by a reviewer: the OParl export sent every agenda item id of the council in
    IN lists; SQLite takes only so many bound values (32,766), a long-lived council's items
    would stop the export. The same recusals, selected by a join on the council."""
    conflicts = ConflictsService(database, actor)
    conflicts.declare(agenda["top"], members[0], "Mitarbeiterin der Stadtwerke")
    conflicts.declare(agenda["other"], members[1], "Berät die Laternen")
    with database.transaction() as session:
        session.add_all(
            models.AgendaItem(
                meeting_id=agenda["meeting"], number=str(n), position=n, title=f"Punkt {n}"
            )
            for n in range(10, 50)
        )
    bound: list[int] = []

    def note(conn, cursor, statement, parameters, context, executemany) -> None:
        bound.append(len(parameters or ()))

    with database.reading() as session:
        item_ids = list(session.scalars(select(models.AgendaItem.id)))
        expected = held_recusals(session, item_ids)
        event.listen(database.engine, "before_cursor_execute", note)
        try:
            held = council_recusals(session, council.id)
        finally:
            event.remove(database.engine, "before_cursor_execute", note)
        found = {
            item_id: [(c.membership_id, c.agenda_item_id) for c in rows]
            for item_id, rows in held.items()
        }

    assert found == {
        item_id: [(c.membership_id, c.agenda_item_id) for c in rows]
        for item_id, rows in expected.items()
    }
    assert found == {
        agenda["top"]: [(members[0], agenda["top"])],
        agenda["same"]: [(members[0], agenda["top"])],
        agenda["none"]: [(members[0], agenda["top"])],
        agenda["other"]: [(members[1], agenda["other"])],
    }
    assert len(item_ids) > 40
    assert bound and max(bound) < 10  # the council's id, a flag or two: no list of items


def test_a_hint_overruled_at_an_item_is_decided_at_its_sub_items_about_the_same_matter(
    database, actor, agenda, members
) -> None:
    """Found by a tester: a hint overruled with its reason at TOP 6 (the chair's institute
    is not the project's partner university) came back at 6.1 about the same project, and
    the Vollständigkeit stayed red until it was overruled once more during the meeting."""
    with database.transaction() as session:
        session.get(models.Membership, members[1]).person.affiliation = "Stadtwerke Rostock AG"
    conflicts = ConflictsService(database, actor)
    sheet = conflicts.sheet(agenda["meeting"])
    (hint,) = sheet.item(agenda["top"]).suggestions
    assert [s.member for s in sheet.item(agenda["same"]).suggestions] == [members[1]]

    conflicts.overrule(agenda["top"], hint, "Nur Kundin der Stadtwerke")

    sheet = conflicts.sheet(agenda["meeting"])
    assert sheet.item(agenda["same"]).suggestions == ()
    assert sheet.item(agenda["same"]).carried == ()  # not recused: the member votes there
    lines = MinutesService(database, actor).checklist(agenda["meeting"]).lines
    assert next(line for line in lines if line.key == "recusals").ok
