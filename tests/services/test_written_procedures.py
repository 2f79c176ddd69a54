"""(found by a tester) A recommendation adopted in writing between meetings
(Umlaufverfahren): the procedure is stored as data, the register says where it was
adopted, and the next meeting gets an agenda item that reports it, which its minutes PDF
names."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime

import pytest
from minutes_setup import held_minutes, hold
from pdf_reading import flat, text
from sqlalchemy import select

from expertenrat.domain.enums import MeetingState
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.file_formats import RegisterFileFormat
from expertenrat.domain.overview import Area, MeetingTab, Target, TargetFilter
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.written_procedures import REPORT_TITLE, WrittenVote
from expertenrat.services.agenda import AgendaService
from expertenrat.services.annexes import AnnexesService
from expertenrat.services.context import Services
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes import MinutesService
from expertenrat.services.minutes_documents import MinutesDocumentsService
from expertenrat.services.overview import OverviewService
from expertenrat.services.recommendations import RecommendationsService
from expertenrat.services.written_procedures import GONE, WrittenProceduresService
from expertenrat.store import models

VOTE = WrittenVote(date(2026, 3, 20), date(2026, 3, 27), 9, 7, 0, 1, 1)
ADOPTED = date(2026, 3, 27)


@pytest.fixture
def held(database, council, fields):
    return held_minutes(database, council.id, fields["Stadtdaten"].id)


@pytest.fixture
def register(database, actor) -> RecommendationsService:
    return RecommendationsService(database, actor)


def _draft(register, council, title="Offene Schnittstellen & <APIs>"):
    return register.create(council.id, RecommendationContent(title=title), date(2026, 3, 18))


def _adopt(register, council, vote=VOTE, on=ADOPTED, title="Offene Schnittstellen & <APIs>"):
    made = _draft(register, council, title)
    return register.adopt(made.row.id, made.row.version, on, "", in_writing=vote)


def test_adopting_in_writing_stores_the_procedure_and_the_register_says_so(
    database, register, council
) -> None:
    adopted = _adopt(register, council)

    row = register.get(adopted.row.id).row
    assert (row.status.value, row.adopted_on) == ("adopted", ADOPTED)
    assert row.origin.label == "im Umlaufverfahren am 27.03.2026"
    assert adopted.history[-1].note == (
        "Beschlossen im Umlaufverfahren (versandt am 20.03.2026, Frist bis 27.03.2026): "
        "7 Ja, 0 Nein, 1 Enthaltung, 1 befangen (9 Mitglieder befragt)"
    )
    with database.transaction() as session:
        stored = session.scalars(select(models.WrittenProcedure)).one()
    assert (stored.sent_on, stored.deadline_on, stored.member_count) == (
        VOTE.sent_on,
        VOTE.deadline_on,
        9,
    )
    assert (stored.yes_votes, stored.no_votes, stored.abstentions, stored.recusals) == (7, 0, 1, 1)
    assert stored.reported_item_id is None


@pytest.mark.parametrize(
    ("vote", "on", "message"),
    [
        (
            WrittenVote(date(2026, 3, 20), date(2026, 3, 19), 9, 7),
            date(2026, 3, 20),
            "Die Frist (19.03.2026) kann nicht vor dem Versand (20.03.2026) liegen.",
        ),
        (
            VOTE,
            date(2026, 3, 28),
            "Im Umlaufverfahren wird zwischen dem Versand (20.03.2026) und dem Ende der Frist "
            "(27.03.2026) beschlossen; der 28.03.2026 liegt außerhalb.",
        ),
        (
            WrittenVote(date(2026, 3, 20), date(2026, 3, 27), 9, 7, 2, 1),
            ADOPTED,
            "10 Rückmeldungen (Ja, Nein, Enthaltung, befangen) sind mehr als die 9 befragten "
            "Mitglieder.",
        ),
        (
            WrittenVote(date(2026, 3, 20), date(2026, 3, 27), 9, 3, 3),
            ADOPTED,
            "Mit 3 Ja- gegen 3 Nein-Stimmen ist die Empfehlung nicht angenommen; sie bleibt ein "
            "Entwurf.",
        ),
        (
            WrittenVote(date(2026, 3, 20), date(2026, 3, 27), 0, 0),
            ADOPTED,
            "Bitte geben Sie an, an wie viele Mitglieder (1 bis 999) die Vorlage ging.",
        ),
        (
            WrittenVote(date(2026, 3, 20), date(2026, 3, 27), 9, 5, -1),
            ADOPTED,
            "Eine Stimmenzahl kann nicht negativ sein.",
        ),
    ],
)
def test_a_wrong_procedure_is_refused_in_german_and_nothing_changes(
    database, register, council, vote, on, message
) -> None:
    made = _draft(register, council)

    with pytest.raises(ValidationError) as raised:
        register.adopt(made.row.id, made.row.version, on, "", in_writing=vote)

    assert [p.message for p in raised.value.problems] == [message]
    assert register.get(made.row.id).row.status.value == "draft"
    with database.transaction() as session:
        assert session.scalars(select(models.WrittenProcedure)).all() == []


def test_the_next_meeting_reports_them_once_and_its_minutes_pdf_names_them(
    database, actor, register, council, held, documents
) -> None:
    _adopt(register, council)
    _adopt(register, council, on=date(2026, 3, 25), title="Sensoren teilen")
    later = _draft(register, council, "Nach der Sitzung")
    register.adopt(
        later.row.id, later.row.version, date(2026, 5, 20), "",
        in_writing=WrittenVote(date(2026, 5, 18), date(2026, 5, 25), 9, 9),
    )  # fmt: skip
    service = WrittenProceduresService(database, actor)

    assert [d.title for d in service.offered(held.next_id)] == [
        "Sensoren teilen",
        "Offene Schnittstellen & <APIs>",
    ]  # not the one adopted after the meeting's day
    offered = service.offered(held.next_id)
    agenda = service.report(held.next_id, [d.key for d in offered])

    item = agenda.items[-1]
    assert (item.title, item.kind.value, item.public) == (REPORT_TITLE, "report", True)
    assert service.offered(held.next_id) == []
    with pytest.raises(ValidationError) as raised:
        service.report(held.next_id, [offered[0].key])  # meanwhile, on another PC
    assert raised.value.problems[0].message == GONE
    hold(database, held.next_id, datetime(2026, 5, 12, 16))
    dossiers = MinutesDocumentsService(database, documents, AnnexesService(database, actor))
    pdf = flat(text(dossiers.minutes(held.next_id).rendered.pdf))
    assert re.search(f"TOP [0-9]+ {REPORT_TITLE} .*Im Umlaufverfahren beschlossen E-2026-02", pdf)
    assert "E-2026-01 „Offene Schnittstellen & <APIs>“: beschlossen am 27.03.2026" in pdf
    assert "E-2026-02 „Sensoren teilen“: beschlossen am 25.03.2026" in pdf
    assert "7 Ja, 0 Nein, 1 Enthaltung, 1 befangen (9 Mitglieder befragt)" in pdf


def test_deleting_the_report_or_cancelling_its_meeting_offers_them_again(
    database, actor, register, council, held
) -> None:
    _adopt(register, council)
    service = WrittenProceduresService(database, actor)
    (waiting,) = service.offered(held.next_id)
    agenda = service.report(held.next_id, [waiting.key])

    AgendaService(database, actor).delete(agenda.items[-1].key, agenda.items[-1].version)
    assert [d.code for d in service.offered(held.next_id)] == ["E-2026-01"]

    service.report(held.next_id, [waiting.key])
    meetings = MeetingsService(database, actor)
    meetings.change_state(
        held.next_id, meetings.get(held.next_id).version, MeetingState.CANCELLED, "Raum belegt"
    )
    assert [d.code for d in service.offered(held.next_id)] == ["E-2026-01"]


def test_decisions_reported_later_join_the_report_item_the_agenda_has(
    database, actor, register, council, held
) -> None:
    """(found by a helper) A second report added a twin item "Bericht über die im
    Umlaufverfahren gefassten Beschlüsse"."""
    _adopt(register, council)
    service = WrittenProceduresService(database, actor)
    first = service.report(held.next_id, [d.key for d in service.offered(held.next_id)])
    _adopt(register, council, on=date(2026, 3, 25), title="Sensoren teilen")

    agenda = service.report(held.next_id, [d.key for d in service.offered(held.next_id)])

    assert [i.key for i in agenda.items] == [i.key for i in first.items]
    assert [i.title for i in agenda.items].count(REPORT_TITLE) == 1
    with database.transaction() as session:
        reporting = session.scalars(select(models.WrittenProcedure.reported_item_id)).all()
    assert reporting == [first.items[-1].key] * 2
    AgendaService(database, actor).delete(first.items[-1].key, first.items[-1].version)
    again = service.report(held.next_id, [d.key for d in service.offered(held.next_id)])
    assert again.items[-1].title == REPORT_TITLE
    assert again.items[-1].key != first.items[-1].key  # the deleted one is not reused


def test_the_report_and_the_register_file_say_where_it_was_adopted(
    database, actor, council
) -> None:
    services = Services.create(database, actor)
    _adopt(services.recommendations, council)

    report = flat(text(services.recommendations_report.report_pdf(council.id).pdf))
    exported = services.recommendations_report.export(council.id, RegisterFileFormat.CSV)

    assert "Offene Schnittstellen & <APIs> im Umlaufverfahren am 27.03.2026" in report
    rows = list(csv.reader(io.StringIO(exported.data.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][rows[0].index("Herkunft")] == "im Umlaufverfahren am 27.03.2026"


def test_the_overview_counts_those_no_agenda_reports_and_opens_the_next_agenda(
    database, actor, register, council, held
) -> None:
    overview = OverviewService(database)
    _adopt(register, council)
    _adopt(register, council, on=date(2026, 3, 25), title="Sensoren teilen")

    (line,) = overview.overview(council.id, date(2026, 4, 1)).written_waiting
    assert line.text == "2 Umlaufbeschlüsse warten auf einen Bericht"
    assert line.target == Target(Area.MEETINGS, record_id=held.next_id, tab=MeetingTab.AGENDA)
    service = WrittenProceduresService(database, actor)
    first, _second = service.offered(held.next_id)
    service.report(held.next_id, [first.key])
    (line,) = overview.overview(council.id, date(2026, 4, 1)).written_waiting
    assert line.text == "1 Umlaufbeschluss wartet auf einen Bericht"
    (line,) = overview.overview(council.id, date(2026, 12, 1)).written_waiting
    assert line.target == Target(Area.MEETINGS, filter=TargetFilter.NEW)  # none ahead
    service.report(held.next_id, [d.key for d in service.offered(held.next_id)])
    assert overview.overview(council.id, date(2026, 4, 1)).written_waiting == ()


def test_the_minutes_count_the_decisions_reported_as_the_items_content(
    database, actor, register, council, held
) -> None:
    """(found by a helper) The checklist said "Es fehlt der Protokolltext" of the report
    item, though the minutes print the decisions under it."""
    _adopt(register, council)
    service = WrittenProceduresService(database, actor)
    item = service.report(held.next_id, [d.key for d in service.offered(held.next_id)]).items[-1]
    hold(database, held.next_id, datetime(2026, 5, 12, 16))
    minutes = MinutesService(database, actor)

    def lacking() -> list[int | None]:
        checklist = minutes.checklist(held.next_id)
        return [line.target.item_id for line in checklist.missing if line.key == "item_content"]

    shown = minutes.minutes(held.next_id).item(item.key)
    assert not shown.lacks_content
    assert shown.written_decisions == (  # the editor shows them as the minutes PDF says
        "E-2026-01 „Offene Schnittstellen & <APIs>“: beschlossen am 27.03.2026 (versandt am "
        "20.03.2026, Frist bis 27.03.2026; 7 Ja, 0 Nein, 1 Enthaltung, 1 befangen "
        "(9 Mitglieder befragt))",
    )
    assert item.key not in lacking()
    assert lacking()  # the opening items still want their text
