"""The report and the register files from the demo register, on SQLite and PostgreSQL: the
PDF names every recommendation of the selection, the CSV and Excel files read back to the
service's own list, answers are the latest response, filters by year and status."""

from __future__ import annotations

import codecs
import csv
import io
from datetime import date, datetime

import pytest
from client_statements import recorded_statements
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from expertenrat.domain.enums import RecommendationStatus, ResponseVerdict
from expertenrat.domain.errors import DataEntryError
from expertenrat.domain.file_formats import RegisterFileFormat
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.domain.recommendation_responses import ResponseDraft
from expertenrat.domain.recommendation_search import register_search_text
from expertenrat.exchange.recommendations_register import HEADERS, INTERNAL_FILE, export_row
from expertenrat.reports.recommendations_report_pdf import INTERNAL
from expertenrat.services.context import Services
from expertenrat.store import models

S = RecommendationStatus
TODAY = date(2026, 11, 27)  # the demo's day


@pytest.fixture
def services(demo_database) -> Services:
    return Services.create(demo_database, "tester")


@pytest.fixture
def council_id(services) -> int:
    return services.settings.councils()[0].id


def pdf_text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def shown(value) -> str:
    if value is None:
        return ""
    return f"{value:%d.%m.%Y}" if isinstance(value, date) else str(value)


def test_report_lists_every_recommendation_but_drafts(services, council_id):
    rows = services.recommendations.list(council_id, today=TODAY)

    rendered = services.recommendations_report.report_pdf(council_id, today=TODAY)

    printed = pdf_text(rendered.pdf)
    reported = [r for r in rows if r.status is not S.DRAFT]
    assert rendered.records == len(reported) >= 18
    for r in reported:
        assert r.code in printed
    drafts = [r.code for r in rows if r.status is S.DRAFT]
    assert drafts and not any(code in printed for code in drafts)
    assert "Seite 1 von" in printed and "alle Status außer Entwurf" in printed


def test_report_by_year_and_status(services, council_id):
    rows = services.recommendations.list(council_id, today=TODAY)
    year = rows[0].adopted_on.year
    wanted = {r.code for r in rows if r.code.startswith(f"E-{year}-") and r.status is S.SENT}

    rendered = services.recommendations_report.report_pdf(
        council_id, RecommendationFilter(statuses=frozenset({S.SENT}), year=year), TODAY
    )

    printed = pdf_text(rendered.pdf)
    assert rendered.records == len(wanted)
    assert {r.code for r in rows if r.code in printed} == wanted
    assert f"Jahr {year} · Status: übermittelt" in printed


def test_report_of_the_overdue_only(services, council_id):
    rows = services.recommendations.list(council_id, today=TODAY)
    overdue = [r.code for r in rows if r.overdue]

    rendered = services.recommendations_report.report_pdf(
        council_id, RecommendationFilter(overdue=True), TODAY
    )

    printed = pdf_text(rendered.pdf)
    assert overdue and rendered.records == len(overdue)
    assert all(code in printed for code in overdue) and "nur überfällige" in printed


def test_report_and_register_of_a_field_a_project_and_a_search(services, council_id):
    rows = services.recommendations.list(council_id, today=TODAY)
    first = rows[0]
    project = first.projects[0]
    word = first.title.split()[1].upper()  # case aside
    chosen = RecommendationFilter(
        action_field_id=first.action_field_id, project_id=project.id, search=word
    )
    wanted = {
        r.code
        for r in rows
        if r.action_field_id == first.action_field_id
        and project in r.projects
        and word.casefold() in register_search_text(r)
    }

    lines = services.recommendations_report.register_lines(council_id, chosen, TODAY)
    rendered = services.recommendations_report.report_pdf(council_id, chosen, TODAY)

    assert {line.row.code for line in lines} == wanted and first.code in wanted
    printed = pdf_text(rendered.pdf)
    assert f"Handlungsfeld {first.action_field}" in printed
    assert f"Suche „{word}“" in printed


def test_answer_is_the_latest_response(services, council_id):
    lines = services.recommendations_report.register_lines(council_id, today=TODAY)

    answered = [line for line in lines if line.answer]
    assert answered
    for line in answered[:5]:
        responses = services.recommendations.get(line.row.id, today=TODAY).responses
        latest = max(responses, key=lambda r: (r.received_on, r.id))
        assert line.answer.latest_verdict is latest.verdict
        assert line.answer.latest_received_on == latest.received_on
        assert line.answer.first_received_on == min(r.received_on for r in responses)


def test_csv_reads_back_to_the_register(services, council_id):
    lines = services.recommendations_report.register_lines(council_id, today=TODAY)

    exported = services.recommendations_report.export(
        council_id, RegisterFileFormat.CSV, today=TODAY
    )

    assert exported.data.startswith(codecs.BOM_UTF8) and b"\r\n" in exported.data
    found = list(csv.reader(io.StringIO(exported.data.decode("utf-8-sig")), delimiter=";"))
    assert tuple(found[0]) == HEADERS
    assert found[1:] == [[shown(v) for v in export_row(line)] for line in lines]
    assert exported.records == len(lines) == len(services.recommendations.list(council_id))


def test_the_agendas_of_the_meetings_adopting_them_are_read_together(
    services, council_id, demo_database
):
    """Whether an item was non-public is read for every meeting that adopted one of the
    register's recommendations: after ten years one statement for each of 110 meetings
    (found by a tester); now one for all."""
    lines = services.recommendations_report.register_lines(council_id, today=TODAY)

    with recorded_statements(demo_database.engine) as statements:
        services.recommendations_report.register_lines(council_id, today=TODAY)

    assert len({line.row.origin.meeting_id for line in lines} - {None}) > 2
    assert sum("agenda_items.discussion" in s for s in statements) == 1
    assert any(line.non_public for line in lines)


def test_xlsx_reads_back_to_the_register(services, council_id):
    chosen = RecommendationFilter(statuses=frozenset({S.SENT, S.ANSWERED}))
    lines = services.recommendations_report.register_lines(council_id, chosen, TODAY)

    exported = services.recommendations_report.export(
        council_id, RegisterFileFormat.XLSX, chosen, TODAY
    )

    sheet = load_workbook(io.BytesIO(exported.data)).active
    found = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert tuple(found[0]) == HEADERS
    expected = [export_row(line) for line in lines]
    normalised = [[v.date() if isinstance(v, datetime) else v for v in r] for r in found[1:]]
    assert normalised == [[None if v == "" else v for v in r] for r in expected]
    assert {line.row.status for line in lines} <= {S.SENT, S.ANSWERED}


def test_unknown_file_ending_is_refused_in_german():
    with pytest.raises(DataEntryError, match=r"Dateiendung „\.txt“ ist unbekannt"):
        RegisterFileFormat.of("Bericht.txt")
    assert RegisterFileFormat.of("Bericht.PDF") is RegisterFileFormat.PDF


def test_the_recommendation_to_two_projects_half_answered_in_the_report_and_the_files(
    services, council_id
):
    """The demo's recommendation to two projects: the Digitaler Zwilling answered, the
    Open-Data-Portal did not; the report says so under each, the register file names the
    one awaited."""
    (joint,) = (r for r in services.recommendations.list(council_id) if len(r.projects) == 2)
    chosen = RecommendationFilter(search=joint.code)

    printed = pdf_text(services.recommendations_report.report_pdf(council_id, chosen, TODAY).pdf)

    assert printed.count("übermittelt (1 von 2 geantwortet)") == 3  # both projects, open items
    _overview, twin, portal = printed.split("Offene und überfällige")[0].split("Federführung")
    assert "entsprochen" in twin and "keine Stellungnahme" not in twin
    assert "keine Stellungnahme" in portal and "entsprochen" not in portal
    exported = services.recommendations_report.export(
        council_id, RegisterFileFormat.CSV, chosen, TODAY
    )
    header, line = csv.reader(io.StringIO(exported.data.decode("utf-8-sig")), delimiter=";")
    assert line[header.index("Ausstehend von")] == "Open-Data-Portal 2.0"
    assert line[header.index("Status")] == "übermittelt (1 von 2 geantwortet)"


def test_a_plan_passed_beside_a_response_not_yet_due_in_the_report_and_the_files(
    services, council_id
):
    """A recommendation to two projects: one answered with an interim plan whose date has
    passed, the other's response is not yet due. The report read "übermittelt (1 von 2
    geantwortet)" under the planning project without the plan's lateness, and the register
    file named only the other project as outstanding, with no days overdue."""
    planner, other = [entry.project for entry in services.projects.projects(council_id)][:2]
    content = RecommendationContent("Sensoren teilen", project_ids=(planner.id, other.id))
    register = services.recommendations
    row = register.create(council_id, content, date(2026, 9, 1), adopted=True).row
    row = register.send(row.id, row.version, date(2026, 9, 2), date(2026, 12, 15)).row
    plan = ResponseDraft(
        date(2026, 10, 1), ResponseVerdict.PLANNED, "Projektleitung",
        measures_due_on=date(2026, 11, 1), project_id=planner.id,
    )  # fmt: skip
    register.record_response(row.id, row.version, plan, today=date(2026, 10, 1))
    chosen = RecommendationFilter(search=row.code)
    late = "Umsetzung geplant bis 01.11.2026, seit 26 Tagen überfällig"

    printed = pdf_text(services.recommendations_report.report_pdf(council_id, chosen, TODAY).pdf)

    sections = printed.split("Offene und überfällige")[0].split("Federführung")[1:]
    (planning,) = (part for part in sections if "Umsetzung geplant (01.10.2026)" in part)
    (waiting,) = (part for part in sections if "keine Stellungnahme" in part)
    assert f"übermittelt (1 von 2 geantwortet), {late}" in planning
    assert late not in waiting and "Frist 15.12.2026" in waiting
    assert "davon überfällig: 1" in printed
    exported = services.recommendations_report.export(
        council_id, RegisterFileFormat.CSV, chosen, TODAY
    )
    header, line = csv.reader(io.StringIO(exported.data.decode("utf-8-sig")), delimiter=";")
    assert line[header.index("Ausstehend von")] == f"{other.title}; {planner.title} ({late})"
    assert line[header.index("Tage überfällig")] == "26"
    assert line[header.index("Umsetzung geplant bis")] == "01.11.2026"


def _adopted_in_non_public_items(services, council_id) -> set[str]:
    with services.database.reading() as session:
        return set(
            session.scalars(
                select(models.Recommendation.code)
                .join(
                    models.AgendaItem,
                    models.AgendaItem.id == models.Recommendation.origin_agenda_item_id,
                )
                .where(
                    models.Recommendation.council_id == council_id,
                    models.AgendaItem.public.is_(False),
                )
            )
        )


def test_a_report_holding_a_recommendation_of_a_non_public_item_is_marked_internal(
    services, council_id
):
    """(found by a tester) it named the recommendations adopted in non-public items, with
    their TOP, and was not marked internal as the internal roster and the Ablaufplan are."""
    secret = _adopted_in_non_public_items(services, council_id)
    rows = services.recommendations.list(council_id, today=TODAY)
    (public, *_) = [r for r in rows if r.code not in secret and r.status is not S.DRAFT]

    marked = services.recommendations_report.report_pdf(council_id, today=TODAY)
    plain = services.recommendations_report.report_pdf(
        council_id, RecommendationFilter(search=public.title), TODAY
    )

    reader = PdfReader(io.BytesIO(marked.pdf))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert secret and any(code in pdf_text(marked.pdf) for code in secret)
    assert reader.metadata.title == "Bericht zu den Empfehlungen – intern"
    assert "intern" in reader.metadata.keywords.split(", ")
    assert pages[0].count("Bericht zu den Empfehlungen – intern") == 2  # header and title
    assert all(INTERNAL in page for page in pages)  # every page's foot
    printed = pdf_text(plain.pdf)
    assert public.code in printed and not secret & set(printed.split())
    assert (
        "intern" not in printed
        and "intern" not in PdfReader(io.BytesIO(plain.pdf)).metadata.keywords
    )


@pytest.mark.parametrize("file_format", [RegisterFileFormat.CSV, RegisterFileFormat.XLSX])
def test_the_register_files_mark_recommendations_of_non_public_items(
    services, council_id, file_format
):
    """(found by a tester) The files held the recommendations adopted in non-public items
    with nothing marking them, where the report of the same selection is marked internal;
    saving one says it is for internal use (the window and the command line show it)."""
    secret = _adopted_in_non_public_items(services, council_id)
    rows = services.recommendations.list(council_id, today=TODAY)
    (public, *_) = [r for r in rows if r.code not in secret and r.origin.item_id is not None]

    marked = services.recommendations_report.export(council_id, file_format, today=TODAY)
    plain = services.recommendations_report.export(
        council_id, file_format, RecommendationFilter(search=public.title), TODAY
    )

    found = _read_back(marked.data, file_format)
    column = HEADERS.index("Beratung")
    consultations = {line[0]: line[column] for line in found[1:]}
    assert secret and {consultations[code] for code in secret} == {"nichtöffentlich"}
    assert consultations[public.code] == "öffentlich"
    assert marked.warnings == (INTERNAL_FILE,)
    assert plain.warnings == () and _read_back(plain.data, file_format)[1][column] == "öffentlich"
    if file_format is RegisterFileFormat.XLSX:
        assert load_workbook(io.BytesIO(marked.data)).active.title == "Empfehlungen – intern"
        assert load_workbook(io.BytesIO(plain.data)).active.title == "Empfehlungen"


def _read_back(data: bytes, file_format: RegisterFileFormat) -> list[list]:
    if file_format is RegisterFileFormat.CSV:
        return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    sheet = load_workbook(io.BytesIO(data)).active
    return [list(r) for r in sheet.iter_rows(values_only=True)]
