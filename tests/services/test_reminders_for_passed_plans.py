"""A recommendation answered only with an interim "Umsetzung geplant" whose planned date has
passed is overdue again and due for a reminder: in the listing, the register's filter, the
Übersicht and the history (one test on both databases), in the letter read back from the
PDF and in the e-mail draft; and a cancelled save says what was saved."""

from __future__ import annotations

import io
from datetime import date
from email import message_from_bytes
from email.policy import default

import pytest
from pypdf import PdfReader

from expertenrat.domain.enums import RecommendationStatus, ResponseVerdict
from expertenrat.domain.progress import Cancelled
from expertenrat.domain.projects import Project
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.domain.recommendation_responses import ResponseDraft
from expertenrat.services.overview import OverviewService
from expertenrat.services.projects import ProjectsService
from expertenrat.services.recommendation_reminders import (
    RecommendationRemindersService,
    RemindersCancelled,
)
from expertenrat.services.recommendations import RecommendationsService

TODAY = date(2026, 7, 10)
PLANNED = ResponseVerdict.PLANNED
TITLE = "Sensoren & <Daten> „offen“"


@pytest.fixture
def setup(database, actor, council, fields):
    """Klimaportal: a plan passed on 30.06. (the letter asks for its state), a response
    overdue, a plan ahead, a passed plan followed by a final answer, a passed plan followed
    by a newer plan, a passed plan closed; Datenplattform: only a passed plan."""
    projects = ProjectsService(database, actor)
    ids = {
        title: projects.create(
            council.id,
            Project(
                None, title, action_field_id=fields["Umwelt"].id, lead_unit="Umweltamt",
                contact_name="Dr. Kühn", contact_email="kuehn@example.org",
            ),
        )
        for title in ("Klimaportal", "Datenplattform")
    }  # fmt: skip
    register = RecommendationsService(database, actor)

    def sent(title: str, project: str, *responses: tuple[ResponseVerdict, date, bool]):
        content = RecommendationContent(title, project_ids=(ids[project],))
        row = register.create(council.id, content, date(2026, 3, 2), adopted=True).row
        row = register.send(row.id, row.version, date(2026, 3, 3), date(2026, 7, 1)).row
        for number, (verdict, planned, final) in enumerate(responses):
            draft = ResponseDraft(
                date(2026, 4, 1 + number), verdict, "Projektleitung", "Begründung",
                measures_due_on=planned, final=final,
            )  # fmt: skip
            row = register.record_response(row.id, row.version, draft).row
        return row

    rows = {
        "passed": sent(TITLE, "Klimaportal", (PLANNED, date(2026, 6, 30), False)),
        "unanswered": sent("Ohne Antwort", "Klimaportal"),
        "ahead": sent("Plan voraus", "Klimaportal", (PLANNED, date(2026, 7, 15), False)),
        "final": sent(
            "Abschließend beantwortet", "Klimaportal",
            (PLANNED, date(2026, 5, 1), False), (ResponseVerdict.COMPLIED, None, True),
        ),
        "replanned": sent(
            "Neu geplant", "Klimaportal",
            (PLANNED, date(2026, 5, 1), False), (PLANNED, date(2026, 9, 1), False),
        ),
        "closed": sent("Umgesetzt", "Klimaportal", (PLANNED, date(2026, 5, 1), False)),
        "daten": sent("Datenplan", "Datenplattform", (PLANNED, date(2026, 6, 1), False)),
    }  # fmt: skip
    closed = rows["closed"]
    register.close(closed.id, closed.version, RecommendationStatus.IMPLEMENTED, date(2026, 6, 2))
    codes = {key: row.code for key, row in rows.items()}
    return RecommendationRemindersService(database, register), register, ids, codes


def test_a_passed_plan_is_listed_overdue_counted_and_recorded_like_a_late_response(
    setup, council, database, tmp_path
):
    reminders, register, _ids, codes = setup

    due = reminders.due(council.id, today=TODAY).projects
    overdue = register.list(council.id, RecommendationFilter(overdue=True), today=TODAY)
    figures = OverviewService(database).overview(council.id, TODAY)
    saved = reminders.save(council.id, tmp_path, today=TODAY)

    assert [(r.project.title, [i.code for i in r.items]) for r in due] == [
        ("Datenplattform", [codes["daten"]]),
        ("Klimaportal", [codes["passed"], codes["unanswered"]]),  # 30.06., then due 01.07.
    ]
    assert [(r.code, r.days_overdue) for r in overdue] == [
        (codes["passed"], 10),
        (codes["unanswered"], 9),
        (codes["daten"], 39),
    ]
    assert figures.recommendations_overdue == 3
    assert [line.text for line in figures.responses_overdue] == [
        f"{codes['daten']} Datenplan (Datenplattform): Umsetzung geplant bis 01.06.2026, "
        "seit 39 Tagen überfällig, noch nicht erinnert",
        f"{codes['passed']} {TITLE} (Klimaportal): Umsetzung geplant bis 30.06.2026, "
        "seit 10 Tagen überfällig, noch nicht erinnert",
        f"{codes['unanswered']} Ohne Antwort (Klimaportal): seit 9 Tagen überfällig, "
        "noch nicht erinnert",
    ]
    assert [s.codes for s in saved] == [
        (codes["daten"],),
        (codes["passed"], codes["unanswered"]),
    ]
    reminded = {
        row.code
        for row in register.list(council.id, today=TODAY)
        if any(h.label == "Erinnerung" for h in register.get(row.id).history)
    }
    assert reminded == {codes["daten"], codes["passed"], codes["unanswered"]}


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_the_letter_and_the_mail_ask_for_the_state_of_the_planned_implementation(setup, council):
    reminders, _register, _ids, codes = setup

    documents = {d.project.title: d for d in reminders.documents(council.id, today=TODAY)}

    klima = _pdf_text(documents["Klimaportal"].letter.pdf)
    assert "ausstehende Stellungnahme und Stand der geplanten Umsetzung – Klimaportal" in klima
    assert "Umsetzung geplant bis" in klima and "30.06.2026" in klima
    assert "Wir bitten um eine Rückmeldung zum Stand der Umsetzung" in klima
    assert "Ihre Antwort steht noch aus" in klima  # and the unanswered one as before
    assert klima.index("Ihre Antwort steht noch aus") < klima.index(codes["unanswered"])
    assert klima.index(codes["unanswered"]) < klima.index("Rückmeldung zum Stand der")
    assert klima.index("Rückmeldung zum Stand der") < klima.index(codes["passed"])
    assert TITLE in klima
    for other in ("ahead", "final", "replanned", "closed"):
        assert codes[other] not in klima
    daten = _pdf_text(documents["Datenplattform"].letter.pdf)
    assert "Erinnerung: Stand der geplanten Umsetzung einer Empfehlung – Datenplattform" in daten
    assert "Ihre Antwort steht noch aus" not in daten and "01.06.2026" in daten
    mail = message_from_bytes(documents["Klimaportal"].eml, policy=default)
    body = mail.get_body(("plain",)).get_content()
    assert (
        f"- {codes['passed']} „{TITLE}“ – Umsetzung war geplant bis 30.06.2026 – wir bitten "
        "um eine Rückmeldung zum Stand" in body
    )
    assert f"- {codes['unanswered']} „Ohne Antwort“ – Frist 01.07.2026, seit 9 Tagen" in body
    only_plan = message_from_bytes(documents["Datenplattform"].eml, policy=default)
    assert "ausstehende Stellungnahme" not in only_plan.get_body(("plain",)).get_content()


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_a_cancelled_save_keeps_the_projects_before_it_and_names_both(setup, council, tmp_path):
    reminders, register, _ids, codes = setup
    folder = tmp_path / "Erinnerungen"
    folder.mkdir()

    def cancel_at_the_second(done: int, _total: int) -> None:
        if done == 1:
            raise Cancelled

    with pytest.raises(RemindersCancelled) as raised:
        reminders.save(council.id, folder, today=TODAY, progress=cancel_at_the_second)

    assert [s.project.title for s in raised.value.saved] == ["Datenplattform"]
    assert [p.title for p in raised.value.not_saved] == ["Klimaportal"]
    assert sorted(p.name for p in folder.iterdir()) == [
        "Erinnerung-Datenplattform-2026-07-10.eml",
        "Erinnerung-Datenplattform-2026-07-10.pdf",
    ]
    message = raised.value.message
    assert "Gespeichert und im Verlauf vermerkt ist die Erinnerung an „Datenplattform“" in (message)
    assert "Nicht gespeichert und nicht vermerkt ist die Erinnerung an „Klimaportal“" in (message)
    history = {r.code: register.get(r.id).history for r in register.list(council.id)}
    assert [h.label for h in history[codes["daten"]]][-1] == "Erinnerung"
    assert all(h.label != "Erinnerung" for h in history[codes["passed"]])

    with pytest.raises(RemindersCancelled) as before_any:
        reminders.save(council.id, folder, today=TODAY, progress=_cancel_at_once, replace=True)
    assert before_any.value.message == (
        "Abgebrochen: Es wurde keine Erinnerung gespeichert oder im Verlauf vermerkt."
    )


def _cancel_at_once(_done: int, _total: int) -> None:
    raise Cancelled


def _pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())
