"""Empfehlungen: the register table, its filters as you type, sorting, the detail and the
steps new recommendation, edit, adopt, send, new due date, response, close and withdraw
(on the known data set of tests/overview_sample.py; the step dialogs are driven for real).
The page tests run on SQLite; one test takes the register and its steps on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from merge_line import cancelling_the_merge_keeps_the_input
from overview_sample import seed
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QPushButton
from sqlalchemy import select
from verwerfen import escape_asks_before_dropping, escape_closes_at_once

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import RecommendationKind, RecommendationStatus, ResponseVerdict
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_links import Origin
from expertenrat.domain.recommendation_responses import ResponseDraft
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.services.context import Services
from expertenrat.store import models
from expertenrat.ui.recommendation_content_dialogs import (
    EditRecommendationDialog,
    NewRecommendationDialog,
)
from expertenrat.ui.recommendations_page import RecommendationsPage
from expertenrat.ui.recommendations_table_model import RecommendationsTableModel as M
from tests.ui.settling import exposed

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done


@pytest.fixture
def sample(services, sqlite_database):
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )
    return seed(sqlite_database, council.id)


@pytest.fixture
def page(qtbot, services, dialogs, sample, today):
    page = RecommendationsPage(services, dialogs, lambda: today)
    qtbot.addWidget(page)
    page.set_council(sample.council_id)
    page.refresh()
    return page


def codes(page) -> list[str]:
    return [page.model.index(r, M.COLUMN_CODE).data() for r in range(page.model.rowCount())]


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_the_model_passes_the_model_tester_while_filtering_and_sorting(
    page, sample, qtmodeltester, qtbot
):
    qtmodeltester.check(page.model)
    assert page.count_label.text() == "8 Empfehlungen"
    page.select(sample.recommendations["E-2026-04"])
    qtbot.keyClicks(page.search_edit, "umwelt")
    qtmodeltester.check(page.model)
    assert codes(page) == ["E-2026-04", "E-2026-05", "E-2026-06"]
    page.view.sortByColumn(M.COLUMN_CODE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(page.model)
    assert codes(page) == ["E-2026-06", "E-2026-05", "E-2026-04"]
    assert page.selected().id == sample.recommendations["E-2026-04"]  # kept while typing
    choose(page.filters.status_combo, "overdue")
    assert codes(page) == [] and page.selected() is None
    assert page.count_label.text() == "0 von 8 Empfehlungen"
    choose(page.filters.status_combo, None)
    page.search_edit.clear()
    qtmodeltester.check(page.model)
    assert len(codes(page)) == 8 and codes(page)[0] == "E-2026-06"


def test_every_column_of_the_register(page):
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(12)]
    assert headers == [
        "Kennung",
        "Art",
        "Titel",
        "Handlungsfeld",
        "Projekt(e)",
        "Federführung",
        "Herkunft",
        "Beschlossen am",
        "Übermittelt am",
        "Frist",
        "Status",
        "Überfällig",
    ]
    row = page.model.row_of(page.model.rows()[0].recommendation.id)
    assert page.model.index(row, M.COLUMN_ORIGIN).data() == "zwischen den Sitzungen"


def test_search_as_you_type_ignores_case_and_accents(page, services, sample, qtbot):
    services.recommendations.create(
        sample.council_id,
        RecommendationContent("Beteiligung für Ältere & <Gäste>"),
        date(2026, 11, 2),
        adopted=True,
    )
    page.refresh()
    qtbot.keyClicks(page.search_edit, "altere")
    assert codes(page) == ["E-2026-07"]
    assert page.count_label.text() == "1 von 9 Empfehlungen"
    assert page.model.index(0, M.COLUMN_TITLE).data() == "Beteiligung für Ältere & <Gäste>"
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "klimadashboard")
    assert codes(page) == ["E-2026-04", "E-2026-06"]


def test_the_search_finds_words_of_the_text_and_of_the_answers(page, services, sample, qtbot):
    """(found by a tester) Words of a recommendation's text or of a project's answer found
    nothing; the search looked only at code, title and the columns."""
    content = RecommendationContent(
        "Messnetz", "Die Sensoren sollen auch in der Turnhalle messen.", project_ids=()
    )
    row = services.recommendations.create(
        sample.council_id, content, date(2026, 11, 2), adopted=True
    ).row
    row = services.recommendations.send(
        row.id, row.version, date(2026, 11, 3), date(2027, 1, 4)
    ).row
    answer = ResponseDraft(
        date(2026, 11, 20),
        ResponseVerdict.PARTLY_COMPLIED,
        responder="Amt für Schulen",
        reasons="Haushaltssperre bis zum Herbst",
        measures="Ausschreibung über das Vergabeamt",
    )
    services.recommendations.record_response(row.id, row.version, answer)
    page.refresh()
    for words in ("turnhalle", "haushaltssperre herbst", "vergabeamt", "Amt fur Schulen"):
        page.search_edit.clear()
        qtbot.keyClicks(page.search_edit, words)
        assert codes(page) == [row.code], words
    assert page.search_edit.placeholderText() == "Suchen nach Kennung, Titel, Text, Antwort …"


def test_filters_by_status_field_project_and_year(page, sample):
    choose(page.filters.status_combo, "overdue")
    assert codes(page) == ["E-2026-01"]
    choose(page.filters.status_combo, RecommendationStatus.ANSWERED.value)
    assert codes(page) == ["E-2026-02", "E-2026-03"]
    choose(page.filters.status_combo, None)
    choose(page.filters.field_combo, sample.fields["Umwelt"])
    assert codes(page) == ["E-2026-04", "E-2026-05", "E-2026-06"]
    choose(page.filters.field_combo, None)
    choose(page.filters.project_combo, sample.projects["ODP"])
    assert codes(page) == ["E-2025-01", "E-2026-01", "E-2026-02"]
    choose(page.filters.year_combo, 2025)
    assert codes(page) == ["E-2025-01"]


def test_overdue_rows_are_marked(page, sample):
    row = page.model.row_of(sample.recommendations["E-2026-01"])
    other = page.model.row_of(sample.recommendations["E-2026-04"])
    overdue = page.model.index(row, M.COLUMN_OVERDUE)
    assert overdue.data() == "26 Tage"
    assert overdue.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert page.model.index(other, 0).data(Qt.ItemDataRole.ForegroundRole) is None


def test_an_interim_plan_shows_its_date_as_the_date_awaited(qtmodeltester):
    """The days of a passed interim plan count from the plan's date: the Frist column
    shows it (as the command line's list), its tooltip names both dates."""
    answered = RecommendationStatus.ANSWERED
    plan = RecommendationRow(
        id=1, code="E-2025-02", kind=RecommendationKind.RECOMMENDATION, title="DSFA",
        action_field_id=None, action_field="", projects=(), origin=Origin(),
        adopted_on=date(2025, 1, 16), sent_on=date(2025, 1, 23), due_on=date(2025, 3, 23),
        status=answered, days_overdue=12, version=1, planned_by=date(2026, 11, 20),
    )  # fmt: skip
    late = replace(plan, id=2, status=RecommendationStatus.SENT, planned_by=None, days_overdue=1)
    model = M()
    model.set_recommendations([plan, late])

    due, overdue = model.index(0, M.COLUMN_DUE), model.index(0, M.COLUMN_OVERDUE)
    assert (due.data(), overdue.data()) == ("20.11.2026", "12 Tage")
    assert due.data(Qt.ItemDataRole.ToolTipRole) == (
        "Umsetzung geplant bis 20.11.2026 (Frist der Stellungnahme: 23.03.2025)"
    )
    assert overdue.data(Qt.ItemDataRole.ToolTipRole) == (
        "Umsetzung geplant bis 20.11.2026, seit 12 Tagen überfällig"
    )
    assert model.index(1, M.COLUMN_DUE).data() == "23.03.2025"
    assert model.index(1, M.COLUMN_OVERDUE).data(Qt.ItemDataRole.ToolTipRole) == (
        "Seit 1 Tag überfällig"
    )
    qtmodeltester.check(model)


def test_sorting_uses_native_values(page):
    page.view.sortByColumn(M.COLUMN_DUE, Qt.SortOrder.AscendingOrder)
    assert codes(page)[:3] == ["E-2026-01", "E-2026-04", "E-2026-06"]
    page.view.sortByColumn(M.COLUMN_OVERDUE, Qt.SortOrder.DescendingOrder)
    assert codes(page)[0] == "E-2026-01"


def test_the_detail_shows_responses_and_history_literally(page, sample):
    page.select(sample.recommendations["E-2026-02"])
    text = page.detail.toPlainText()
    assert text.startswith("E-2026-02 · Empfehlung · beantwortet")
    assert "Open-Data-Portal & <Co>" in text
    assert "Umsetzung geplant (Zwischenstand)" in text and "entsprochen" in text


def test_send_then_change_the_due_date_then_withdraw(page, sample, dialogs, services):
    page.select(sample.recommendations["E-2026-05"])
    assert page.send_button.isEnabled() and not page.due_button.isEnabled()
    page.send_button.click()
    page.steps.dialog.sent_edit.setDate(date(2026, 11, 27))
    page.steps.dialog.accept_button.click()
    assert page.selected().status is RecommendationStatus.SENT
    assert page.selected().due_on == date(2027, 1, 27)  # two months, the council's period
    dialogs.dates.append(date(2027, 2, 15))
    page.due_button.click()
    assert page.selected().due_on == date(2027, 2, 15)
    dialogs.texts.append("Projekt eingestellt")
    page.withdraw_button.click()
    assert page.selected().status is RecommendationStatus.WITHDRAWN
    assert "Projekt eingestellt" in page.detail.toPlainText()
    assert not page.withdraw_button.isEnabled()


def test_sending_shows_the_due_date_before_the_user_confirms(page, sample, services):
    """The due date follows the send date (the council's two months) until another is set;
    the line under it says so; what is shown is what is stored."""
    page.select(sample.recommendations["E-2026-05"])
    page.send_button.click()
    dialog = page.steps.dialog
    assert dialog.windowTitle() == "E-2026-05 versenden"
    assert dialog.due_edit.date().toPython() == date(2027, 1, 27)  # today 27.11.2026
    assert dialog.due_label.text() == (
        "Antwort erbeten bis Mittwoch, 27. Januar 2027: 2 Monate nach der Übermittlung, die "
        "Frist für Stellungnahmen des Gremiums."
    )
    dialog.sent_edit.setDate(date(2026, 11, 30))  # 30.11. + 2 months = 30.01., a Saturday
    assert dialog.due_edit.date().toPython() == date(2027, 2, 1)
    assert dialog.due_label.text() == (
        "Antwort erbeten bis Montag, 1. Februar 2027: 2 Monate nach der Übermittlung, die "
        "Frist für Stellungnahmen des Gremiums; der 30.01.2027 ist ein Samstag, die Frist endet am "
        "nächsten Werktag."
    )
    dialog.due_edit.setDate(date(2027, 2, 15))
    assert dialog.due_label.text() == (
        "Antwort erbeten bis Montag, 15. Februar 2027: abweichend von der Frist für "
        "Stellungnahmen des Gremiums (2 Monate nach der Übermittlung: 30.01.2027, am nächsten "
        "Werktag 01.02.2027)."
    )
    dialog.sent_edit.setDate(date(2026, 11, 26))  # a due date set by hand stays
    assert dialog.due_edit.date().toPython() == date(2027, 2, 15)
    assert page.selected().status is RecommendationStatus.ADOPTED  # nothing sent yet
    dialog.note_edit.setPlainText("per E-Mail & Brief")
    dialog.accept_button.click()
    assert not dialog.isVisible()
    row = page.selected()
    assert (row.status, row.sent_on, row.due_on) == (
        RecommendationStatus.SENT,
        date(2026, 11, 26),
        date(2027, 2, 15),
    )
    assert "per E-Mail & Brief" in page.detail.toPlainText()


def test_a_proposed_due_date_on_a_sunday_or_holiday_moves_to_the_next_working_day(
    page, sample, services
):
    """(found by a tester) Sent on 29.01.2026 with two months, the dialog proposed
    Sunday, 29 March 2026; holidays of the council's Bundesland count (Reformationstag in
    Mecklenburg-Vorpommern). A date typed by hand stays as typed, a Sunday too."""
    page.select(sample.recommendations["E-2026-05"])  # adopted on 10.06.2026
    page.send_button.click()
    dialog = page.steps.dialog
    dialog.sent_edit.setDate(date(2026, 9, 29))  # 29.11.2026: a Sunday
    assert dialog.due_edit.date().toPython() == date(2026, 11, 30)
    assert "der 29.11.2026 ist ein Sonntag" in dialog.due_label.text()
    dialog.sent_edit.setDate(date(2026, 8, 31))  # 31.10.2026: Saturday, Reformationstag
    assert dialog.due_edit.date().toPython() == date(2026, 11, 2)
    assert "der 31.10.2026 ist ein Feiertag (Reformationstag)" in dialog.due_label.text()
    dialog.sent_edit.setDate(date(2026, 10, 25))  # 25.12.2026 .. Sunday, 27.12.
    assert dialog.due_edit.date().toPython() == date(2026, 12, 28)
    assert dialog.due_label.text().startswith("Antwort erbeten bis Montag, 28. Dezember 2026:")
    assert "ist ein Feiertag (Erster Weihnachtstag)" in dialog.due_label.text()
    dialog.due_edit.setDate(date(2026, 12, 27))  # typed: a Sunday
    dialog.accept_button.click()
    row = page.selected()
    assert (row.sent_on, row.due_on) == (date(2026, 10, 25), date(2026, 12, 27))


def test_a_due_date_set_by_hand_on_a_day_off_gets_the_same_hint(page, sample, dialogs):
    """(found by a tester) The send dialog named the holiday only for the date it proposed,
    'Frist ändern …' for none. A typed date on a weekend or holiday of the Land gets the
    same sentence as a hint and is kept."""
    page.select(sample.recommendations["E-2026-05"])
    page.send_button.click()
    dialog = page.steps.dialog
    dialog.due_edit.setDate(date(2026, 12, 25))
    assert dialog.due_label.text().endswith(
        "; der 25.12.2026 ist ein Feiertag (Erster Weihnachtstag)."
    )
    dialog.due_edit.setDate(date(2027, 2, 15))  # a Monday
    assert "ist ein" not in dialog.due_label.text()
    dialog.due_edit.setDate(date(2027, 2, 13))
    assert dialog.due_label.text().endswith("; der 13.02.2027 ist ein Samstag.")
    dialog.accept_button.click()
    assert page.selected().due_on == date(2027, 2, 13)

    dialogs.dates.append(date(2026, 12, 26))
    page.due_button.click()
    hint = dialogs.date_hints[-1]
    assert hint(date(2026, 12, 26)) == "Der 26.12.2026 ist ein Feiertag (Zweiter Weihnachtstag)."
    assert hint(date(2027, 10, 31)) == "Der 31.10.2027 ist ein Feiertag (Reformationstag)."
    assert hint(date(2027, 1, 3)) == "Der 03.01.2027 ist ein Sonntag."
    assert hint(date(2027, 1, 4)) == ""
    assert page.selected().due_on == date(2026, 12, 26)


def test_a_due_date_before_the_send_date_stays_in_the_send_dialog(page, sample):
    page.select(sample.recommendations["E-2026-05"])
    page.send_button.click()
    dialog = page.steps.dialog
    dialog.due_edit.setDate(date(2026, 11, 1))
    dialog.accept_button.click()
    assert dialog.isVisible() and "Frist (01.11.2026)" in dialog.error_label.text()
    assert page.selected().status is RecommendationStatus.ADOPTED


def test_withdrawing_without_a_reason_is_refused_in_german(page, sample, dialogs):
    page.select(sample.recommendations["E-2026-05"])
    dialogs.texts.append("   ")
    page.withdraw_button.click()

    assert dialogs.warnings()[-1] == "Bitte geben Sie an, warum die Empfehlung zurückgezogen wird."
    assert page.selected().status is not RecommendationStatus.WITHDRAWN


def test_a_due_date_before_sending_is_refused_in_german(page, sample, dialogs):
    page.select(sample.recommendations["E-2026-04"])
    dialogs.dates.append(date(2026, 1, 1))
    page.due_button.click()
    (warning,) = dialogs.warnings()
    assert "Frist" in warning and "vor der Übermittlung" in warning
    assert page.selected().due_on == date(2026, 12, 5)


def test_a_new_recommendation_between_the_meetings(page, sample, services):
    assert page.new_button.isEnabled()
    page.new_button.click()
    dialog = page.steps.dialog
    dialog.accept_button.click()  # no title
    assert "Titel" in dialog.error_label.text() and dialog.isVisible()
    assert page.model.rowCount() == 8  # nothing saved
    choose(dialog.kind_combo, "statement")
    dialog.title_edit.setText("Daten & <Räume> 🌍")
    dialog.text_edit.setPlainText("Ä" * 20_000)
    choose(dialog.field_combo, sample.fields["Umwelt"])
    dialog.check_project(sample.projects["ODP"])
    dialog.check_project(sample.projects["KLIMA"])
    dialog.adopted_check.setChecked(True)
    dialog.accept_button.click()
    assert not dialog.isVisible()
    row = page.selected()
    assert (row.code, row.title, row.status) == (
        "E-2026-07",
        "Daten & <Räume> 🌍",
        RecommendationStatus.ADOPTED,
    )
    assert {p.id for p in row.projects} == {sample.projects["ODP"], sample.projects["KLIMA"]}
    assert row.origin.label == "zwischen den Sitzungen"
    assert services.recommendations.get(row.id).text == "Ä" * 20_000
    assert page.send_button.isEnabled() and not page.close_button.isEnabled()


def test_a_finished_project_is_marked_in_the_choice_and_stays_choosable(page, sample, services):
    """(found by a tester) A project marked 'abgeschlossen' was offered unmarked."""
    (klima,) = (
        e.project
        for e in services.projects.projects(sample.council_id)
        if e.project.id == sample.projects["KLIMA"]
    )
    services.projects.close(klima)
    page.new_button.click()
    dialog = page.steps.dialog
    items = [dialog.project_list.item(r) for r in range(dialog.project_list.count())]
    titles = {item.data(Qt.ItemDataRole.UserRole): item.text() for item in items}
    assert titles[klima.id] == f"{klima.title} (abgeschlossen)"
    assert "(abgeschlossen)" not in titles[sample.projects["ODP"]]
    dialog.title_edit.setText("Evaluation nach Projektende")
    dialog.check_project(klima.id)
    dialog.accept_button.click()
    assert not dialog.isVisible()
    assert [p.id for p in page.selected().projects] == [klima.id]


def test_versenden_names_the_projects_it_goes_to(page, sample, services):
    both = (sample.projects["ODP"], sample.projects["KLIMA"])
    for projects, expected in (((), "Übermittelt am"), (both, "An die Projekte übermittelt am")):
        content = RecommendationContent("Beschlossen", project_ids=projects)
        row = services.recommendations.create(
            sample.council_id, content, date(2026, 11, 2), adopted=True
        ).row
        page.refresh()
        page.select(row.id)
        page.send_button.click()
        dialog = page.steps.dialog
        assert dialog.windowTitle() == f"{row.code} versenden"
        assert dialog.form.labelForField(dialog.sent_edit).text() == expected
        dialog.reject()


def test_the_reminders_button_says_it_reminds_of_passed_plans_too(page):
    assert "geplante Umsetzung überfällig" in page.reminders_button.toolTip()


def test_the_new_recommendation_shows_the_field_the_register_will_take(page, sample, services):
    """Without a field chosen, the register takes the first project's: the dialog shows it
    instead of "– kein Handlungsfeld –", following the projects until a field is picked."""
    page.new_button.click()
    dialog = page.steps.dialog
    dialog.title_edit.setText("Offene Daten")
    assert dialog.field_combo.currentData() is None

    dialog.check_project(sample.projects["ODP"])
    assert dialog.field_combo.currentData() == sample.fields["Stadtdaten"]
    dialog.check_project(sample.projects["ODP"], checked=False)
    dialog.check_project(sample.projects["KLIMA"])
    assert dialog.field_combo.currentData() == sample.fields["Umwelt"]
    dialog.field_combo.setCurrentIndex(dialog.field_combo.findData(sample.fields["Stadtdaten"]))
    dialog.field_combo.activated.emit(dialog.field_combo.currentIndex())  # the user's choice
    dialog.check_project(sample.projects["KLIMA"], checked=False)
    assert dialog.field_combo.currentData() == sample.fields["Stadtdaten"]  # kept
    dialog.check_project(sample.projects["KLIMA"])
    dialog.accept_button.click()
    assert page.selected().action_field == "Stadtdaten"


def test_record_a_response_then_close(page, sample):
    page.select(sample.recommendations["E-2026-04"])
    assert page.response_button.isEnabled() and not page.close_button.isEnabled()
    page.response_button.click()
    dialog = page.steps.dialog
    choose(dialog.verdict_combo, "not_complied")
    dialog.accept_button.click()  # a rejection needs reasons
    assert "Begründung" in dialog.error_label.text() and dialog.isVisible()
    assert page.selected().status is RecommendationStatus.SENT
    choose(dialog.verdict_combo, "planned")
    dialog.responder_edit.setText("Amt für Umwelt")
    dialog.measures_edit.setPlainText("Sensoren <neu> & mehr")
    dialog.measures_due_check.setChecked(True)
    dialog.measures_due_edit.setDate(date(2027, 6, 30))
    dialog.final_check.setChecked(True)
    dialog.accept_button.click()
    assert not dialog.isVisible()
    assert page.selected().id == sample.recommendations["E-2026-04"]
    assert page.selected().status is RecommendationStatus.ANSWERED
    assert "Sensoren <neu> & mehr" in page.detail.toPlainText()
    assert page.close_button.isEnabled() and not page.send_button.isEnabled()

    page.close_button.click()
    dialog = page.steps.dialog
    choose(dialog.outcome_combo, RecommendationStatus.PARTLY_IMPLEMENTED.value)
    dialog.note_edit.setPlainText("x" * 30_000)
    dialog.accept_button.click()  # the note is too long
    assert dialog.error_label.text() and dialog.isVisible()
    assert page.selected().status is RecommendationStatus.ANSWERED
    dialog.note_edit.setPlainText("Sensoren nur im Zentrum")
    dialog.accept_button.click()
    assert not dialog.isVisible()
    assert page.selected().status is RecommendationStatus.PARTLY_IMPLEMENTED
    assert "Sensoren nur im Zentrum" in page.detail.toPlainText()
    for button in (page.response_button, page.close_button, page.withdraw_button):
        assert not button.isEnabled()


def test_an_answer_recorded_by_mistake_is_removed_with_a_reason(page, sample):
    """Found by a tester: a response recorded on the wrong recommendation could not be
    undone; it stayed "beantwortet" and no reminder named it. E-2026-02 has an interim
    "Umsetzung geplant" (01.07.) and a final answer (01.08.)."""
    page.select(sample.recommendations["E-2026-04"])  # sent, not answered
    assert not page.remove_response_button.isEnabled()
    page.select(sample.recommendations["E-2026-02"])
    for reason, left in (("Gehörte zu E-2026-01 & <nicht> hierher", 2), ("Versehen", 1)):
        page.remove_response_button.click()
        dialog = page.steps.dialog
        assert dialog.response_combo.count() == left
        assert dialog.response_combo.currentText().startswith(("01.08.2026: ", "01.07.2026: "))
        dialog.accept_button.click()  # no reason given
        assert "warum die Antwort entfernt wird" in dialog.error_label.text()
        dialog.reason_edit.setPlainText(reason)
        dialog.accept_button.click()
        assert not dialog.isVisible() and f"entfernt: {reason}" in page.detail.toPlainText()
        if left == 2:  # the interim plan stands: still answered
            assert page.selected().status is RecommendationStatus.ANSWERED
    assert page.selected().status is RecommendationStatus.SENT
    assert not page.remove_response_button.isEnabled() and page.response_button.isEnabled()


def test_one_closed_on_a_wrong_answer_is_opened_again_with_a_reason(page, sample):
    """Found by a tester: one closed ("umgesetzt") on a wrong answer could not lose that
    answer, closed being final. "Wieder öffnen …" takes it back to "beantwortet" (its
    answer stands), and the answer can go; not a withdrawn one."""
    page.select(sample.recommendations["E-2025-02"])  # withdrawn
    assert not page.reopen_button.isEnabled()
    page.select(sample.recommendations["E-2025-01"])  # implemented
    assert not page.remove_response_button.isEnabled()
    page.reopen_button.click()
    dialog = page.steps.dialog
    assert "Die Empfehlung ist „umgesetzt“." in dialog.hint_label.text()
    dialog.accept_button.click()  # no reason given
    assert "warum die Empfehlung wieder geöffnet wird" in dialog.error_label.text()
    dialog.reason_edit.setPlainText("Antwort gehörte zu E-2025-02")
    dialog.accept_button.click()
    assert not dialog.isVisible()
    assert page.selected().status is RecommendationStatus.ANSWERED
    assert "Wieder geöffnet (war „umgesetzt“): Antwort gehörte" in page.detail.toPlainText()
    assert page.remove_response_button.isEnabled() and not page.reopen_button.isEnabled()


def _draft(services, sample, title="Entwurf Sensorik") -> int:
    content = RecommendationContent(title, "Text", project_ids=(sample.projects["KLIMA"],))
    return services.recommendations.create(sample.council_id, content, date(2026, 11, 2)).row.id


def test_a_draft_of_last_year_adopted_now_gets_a_code_of_this_year(page, sample, services):
    """The dialog says so before, as the date is chosen; the register shows the new code."""
    content = RecommendationContent("Aus dem Dezember", project_ids=(sample.projects["KLIMA"],))
    draft = services.recommendations.create(sample.council_id, content, date(2025, 12, 15)).row
    assert draft.code.startswith("E-2025-")
    page.refresh()
    page.select(draft.id)
    page.adopt_button.click()
    dialog = page.steps.dialog
    dialog.show()
    dialog.date_edit.setDate(date(2025, 12, 19))
    assert not dialog.code_label.isVisible()
    dialog.date_edit.setDate(date(2026, 1, 14))
    assert dialog.code_label.isVisible()
    assert dialog.code_label.text() == (
        f"Beschlossen 2026: Die Empfehlung erhält die nächste Kennung des Jahres 2026 "
        f"(bisher {draft.code})."
    )
    dialog.accept_button.click()
    assert not dialog.isVisible()
    row = page.selected()
    assert row.id == draft.id and row.code.startswith("E-2026-")
    assert f"bisher {draft.code}" in page.detail.toPlainText()


def test_adopt_a_draft_with_date_and_note(page, sample, services):
    draft = _draft(services, sample)
    page.refresh()
    page.select(draft)
    assert page.adopt_button.isEnabled() and page.edit_button.isEnabled()
    assert not page.send_button.isEnabled()
    page.adopt_button.click()
    dialog = page.steps.dialog
    dialog.date_edit.setDate(date(1850, 1, 1))
    dialog.note_edit.setPlainText("im Umlauf & <schriftlich>")
    dialog.accept_button.click()  # a date outside 1900–2100
    assert "1900" in dialog.error_label.text() and dialog.isVisible()
    assert dialog.note_edit.toPlainText() == "im Umlauf & <schriftlich>"
    assert page.selected().status is RecommendationStatus.DRAFT
    dialog.date_edit.setDate(date(2026, 11, 20))
    dialog.accept_button.click()
    assert not dialog.isVisible()
    row = page.selected()
    assert (row.id, row.status, row.adopted_on) == (
        draft,
        RecommendationStatus.ADOPTED,
        date(2026, 11, 20),
    )
    assert "im Umlauf & <schriftlich>" in page.detail.toPlainText()
    assert not page.adopt_button.isEnabled() and page.send_button.isEnabled()


def test_edit_the_content_of_an_adopted_recommendation(page, sample, services):
    page.select(sample.recommendations["E-2026-05"])
    assert page.edit_button.isEnabled() and not page.adopt_button.isEnabled()
    page.edit_button.click()
    dialog = page.steps.dialog
    assert dialog.title_edit.text() == "Empfehlung E-2026-05"
    assert dialog.field_combo.currentData() == sample.fields["Umwelt"]
    dialog.title_edit.setText("")
    dialog.accept_button.click()
    assert "Titel" in dialog.error_label.text() and dialog.isVisible()
    dialog.title_edit.setText("Sensoren & <Daten> für alle 🌍")
    dialog.text_edit.setPlainText("Ü" * 20_000)
    choose(dialog.kind_combo, "impulse")
    dialog.check_project(sample.projects["KLIMA"])
    dialog.accept_button.click()
    assert not dialog.isVisible()
    row = page.selected()
    assert (row.id, row.title, row.kind.value) == (
        sample.recommendations["E-2026-05"],
        "Sensoren & <Daten> für alle 🌍",
        "impulse",
    )
    assert [p.id for p in row.projects] == [sample.projects["KLIMA"]]
    assert services.recommendations.get(row.id).text == "Ü" * 20_000
    assert "Sensoren & <Daten>" in page.detail.toPlainText()


def test_editing_is_offered_only_for_drafts_and_adopted_ones(page, sample):
    for code, editable in (("E-2026-04", False), ("E-2026-02", False), ("E-2026-05", True)):
        page.select(sample.recommendations[code])
        assert page.edit_button.isEnabled() is editable, code


def _edited_while_changed_elsewhere(page, sample, services, title: str):
    """ "Bearbeiten …" of E-2026-05 with ``title`` typed while another PC changes its title
    and kind; returns the dialog and the row as opened."""
    page.select(sample.recommendations["E-2026-05"])
    page.edit_button.click()
    dialog = page.steps.dialog
    row = services.recommendations.get(sample.recommendations["E-2026-05"]).row
    content = RecommendationContent(
        "Von nebenan geändert", kind=RecommendationKind.IMPULSE, action_field_id=row.action_field_id
    )
    services.recommendations.update(row.id, row.version, content, date(2026, 11, 3))
    dialog.title_edit.setText(title)
    return dialog, row


def test_an_edit_after_a_change_elsewhere_keeps_what_was_typed(page, sample, services):
    dialog, row = _edited_while_changed_elsewhere(page, sample, services, "Meine Fassung")
    dialog.accept_button.click()
    assert "inzwischen von jemand anderem geändert" in dialog.error_label.text()
    assert dialog.isVisible() and dialog.title_edit.text() == "Meine Fassung"
    assert services.recommendations.get(row.id).row.title == "Von nebenan geändert"

    merge = page.steps.merge_dialog  # both versions, field by field
    mine = merge.choices["title"][0]
    assert mine.isChecked() and mine.text() == "Meine Fassung"  # both changed it: mine
    assert merge.choices["kind"][1].isChecked()  # only the other side changed the kind
    merge.apply_button.click()
    assert not dialog.isVisible()
    stored = services.recommendations.get(row.id).row
    assert (stored.title, stored.kind) == ("Meine Fassung", RecommendationKind.IMPULSE)


def test_while_the_merge_is_open_the_line_under_the_edit_points_to_it(page, sample, services):
    """While "Gleichzeitig geändert" was open, the line under "Bearbeiten …" said "Bitte
    laden Sie die Daten neu …": there is no reloading there, and it would lose the typed
    input. It points to the merge now; after its "Abbrechen" it says the input is kept and
    "Speichern" shows both versions again; the page no longer holds the closed window."""
    dialog, _row = _edited_while_changed_elsewhere(
        page, sample, services, "Meine Fassung & <Ergänzung>"
    )

    dialog.accept_button.click()

    cancelling_the_merge_keeps_the_input(
        page.steps,
        dialog.error_label.text,
        dialog.accept_button.click,
        "Die Empfehlung E-2026-05 wurde inzwischen von jemand anderem geändert.",
        "„Speichern“ zeigt beide Fassungen noch einmal, „Abbrechen“ verwirft sie.",
    )
    assert dialog.isVisible() and dialog.title_edit.text() == "Meine Fassung & <Ergänzung>"


ODD_REASONS = "Kosten & Nutzen <unklar>, „Budget“ 'fehlt' 😀 – Übergangslösung. " * 300


def test_a_response_typed_while_another_pc_changed_the_due_date_is_kept_and_saved_on_demand(
    page, sample, services, other_program
):
    """Found by a tester: the step dialog kept the version it was opened with, so after a
    change elsewhere every click was refused again and the typed response had to be
    typed anew."""
    rid = sample.recommendations["E-2026-04"]
    page.select(rid)
    page.response_button.click()
    dialog = page.steps.dialog
    row = other_program.recommendations.get(rid).row
    other_program.recommendations.set_due_date(
        rid, row.version, date(2027, 3, 1), date(2026, 11, 20)
    )
    choose(dialog.verdict_combo, "not_complied")
    dialog.responder_edit.setText("Amt für Umwelt & Grün <Süd>")
    dialog.reasons_edit.setPlainText(ODD_REASONS)

    dialog.accept_button.click()

    assert dialog.isVisible() and dialog.reasons_edit.toPlainText() == ODD_REASONS
    assert dialog.error_label.text() == (
        "Die Empfehlung E-2026-04 wurde inzwischen von jemand anderem geändert (Stand jetzt: "
        "übermittelt). Ihre Eingaben sind erhalten; die Liste zeigt den neuen Stand. Klicken "
        "Sie erneut auf „Erfassen“, wenn sie weiterhin gelten sollen."
    )
    assert page.selected().due_on == date(2027, 3, 1)  # the page shows the change

    dialog.accept_button.click()

    assert not dialog.isVisible()
    stored = services.recommendations.get(rid)
    assert stored.row.status is RecommendationStatus.ANSWERED
    assert stored.row.due_on == date(2027, 3, 1)  # the other PC's change stays
    assert stored.responses[-1].reasons == ODD_REASONS.strip()
    assert stored.responses[-1].responder == "Amt für Umwelt & Grün <Süd>"


def test_a_send_after_another_pc_withdrew_the_recommendation_is_refused_in_the_dialog(
    page, sample, services, other_program, today
):
    rid = sample.recommendations["E-2026-05"]
    page.select(rid)
    assert page.send_button.isEnabled()
    page.send_button.click()
    dialog = page.steps.dialog
    row = other_program.recommendations.get(rid).row
    other_program.recommendations.withdraw(rid, row.version, today, "Projekt eingestellt")

    dialog.accept_button.click()
    assert "Stand jetzt: zurückgezogen" in dialog.error_label.text()
    dialog.accept_button.click()  # the step no longer fits: refused, not saved

    assert dialog.isVisible() and dialog.error_label.text()
    assert "inzwischen" not in dialog.error_label.text()
    stored = services.recommendations.get(rid).row
    assert stored.status is RecommendationStatus.WITHDRAWN and stored.sent_on is None


def test_a_withdrawal_after_another_pc_changed_the_recommendation_asks_again_with_the_reason(
    page, sample, services, other_program, dialogs
):
    rid = sample.recommendations["E-2026-04"]
    page.select(rid)
    row = other_program.recommendations.get(rid).row
    other_program.recommendations.set_due_date(
        rid, row.version, date(2027, 3, 1), date(2026, 11, 20)
    )
    reason = "Projekt eingestellt & <beendet>, „siehe Schreiben“ 😀"
    dialogs.texts = [reason, reason]

    page.withdraw_button.click()

    assert dialogs.asked_texts == [
        "Warum wird E-2026-04 zurückgezogen?",
        "Die Empfehlung E-2026-04 wurde inzwischen von jemand anderem geändert (Stand jetzt: "
        "übermittelt); Ihre Begründung ist erhalten.\nWarum wird E-2026-04 zurückgezogen?",
    ]
    assert dialogs.offered_texts == ["", reason]  # asked again with what was typed
    assert dialogs.warnings() == []
    stored = services.recommendations.get(rid)
    assert stored.row.status is RecommendationStatus.WITHDRAWN
    assert stored.row.due_on == date(2027, 3, 1)
    assert reason in page.detail.toPlainText()


def test_a_due_date_after_another_pc_changed_the_recommendation_asks_again_with_the_date(
    page, sample, services, other_program, dialogs
):
    """Found by a tester: 'Frist ändern …' warned 'Bitte laden Sie die Daten neu' after a
    change elsewhere, and the date had to be chosen anew."""
    rid = sample.recommendations["E-2026-04"]
    page.select(rid)
    row = other_program.recommendations.get(rid).row
    other_program.recommendations.set_due_date(
        rid, row.version, date(2027, 3, 1), date(2026, 11, 20)
    )
    dialogs.dates = [date(2027, 4, 15), date(2027, 4, 15)]

    page.due_button.click()

    assert dialogs.asked_dates == [
        "Neue Frist für die Stellungnahme zu E-2026-04:",
        "Die Empfehlung E-2026-04 wurde inzwischen von jemand anderem geändert (Stand jetzt: "
        "übermittelt, Frist 01.03.2027); Ihr Datum ist erhalten.\nNeue Frist für die "
        "Stellungnahme zu E-2026-04:",
    ]
    assert dialogs.offered_dates == [date(2026, 12, 5), date(2027, 4, 15)]
    assert dialogs.warnings() == []
    assert services.recommendations.get(rid).row.due_on == date(2027, 4, 15)
    assert page.selected().due_on == date(2027, 4, 15)


def _adopt_in_approved_minutes(sqlite_database, sample, recommendation_id: int) -> None:
    with sqlite_database.transaction() as session:
        item = session.scalars(
            select(models.AgendaItem).where(
                models.AgendaItem.meeting_id == sample.meetings["held_2025"]
            )
        ).first()
        session.get(models.Recommendation, recommendation_id).origin_agenda_item_id = item.id


def test_an_edit_of_a_recommendation_in_minutes_approved_meanwhile_is_refused_in_the_dialog(
    page, sample, services, sqlite_database
):
    draft = _draft(services, sample)
    _adopt_in_approved_minutes(sqlite_database, sample, draft)
    page.refresh()
    page.select(draft)
    page.steps.edit(sample.council_id, page.selected())  # as a button shown before would
    dialog = page.steps.dialog
    dialog.title_edit.setText("Später geändert")
    dialog.accept_button.click()
    assert "ist genehmigt" in dialog.error_label.text() and dialog.isVisible()
    assert services.recommendations.get(draft).row.title == "Entwurf Sensorik"


def test_a_recommendation_of_approved_minutes_is_not_offered_for_editing(
    page, sample, services, sqlite_database, qtbot
):
    """Its content can no longer change: "Bearbeiten …" is off (its tooltip says why) and
    Enter moves into the detail, rather than opening a form whose save is refused."""
    draft = _draft(services, sample)
    _adopt_in_approved_minutes(sqlite_database, sample, draft)
    page.refresh()
    page.select(draft)

    assert not page.edit_button.isEnabled()
    assert "genehmigt" in page.edit_button.toolTip()
    assert page.withdraw_button.isEnabled()  # the register's steps go on
    page.open_selected()
    assert page.steps.dialog is None
    page.select(sample.recommendations["E-2026-05"])
    assert page.edit_button.isEnabled() and page.edit_button.toolTip() == ""


@pytest.mark.parametrize("database", ["postgresql"], indirect=True)
def test_the_register_and_its_steps_on_postgresql(qtbot, qtmodeltester, database, dialogs, today):
    """The tests above run on SQLite; the page reads and writes alike on PostgreSQL."""
    services = Services.create(database, "tester")
    council = services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    sample = seed(database, council.id)
    page = RecommendationsPage(services, dialogs, lambda: today)
    qtbot.addWidget(page)
    page.set_council(council.id)
    page.refresh()
    qtmodeltester.check(page.model)
    qtbot.keyClicks(page.search_edit, "umwelt")
    assert codes(page) == ["E-2026-04", "E-2026-05", "E-2026-06"]
    choose(page.filters.status_combo, "overdue")
    page.search_edit.clear()
    assert codes(page) == ["E-2026-01"]
    choose(page.filters.status_combo, None)

    draft = _draft(services, sample)
    page.refresh()
    page.select(draft)
    page.adopt_button.click()
    page.steps.dialog.accept_button.click()
    assert page.selected().status is RecommendationStatus.ADOPTED
    page.edit_button.click()
    dialog = page.steps.dialog
    row = services.recommendations.get(draft).row
    services.recommendations.update(
        row.id, row.version, RecommendationContent("Von nebenan"), date(2026, 11, 3)
    )
    dialog.title_edit.setText("Meine Fassung")
    dialog.accept_button.click()
    assert "inzwischen von jemand anderem geändert" in dialog.error_label.text()
    assert dialog.isVisible() and dialog.title_edit.text() == "Meine Fassung"


def test_ctrl_n_opens_a_new_recommendation_as_on_the_other_pages(page, qtbot):
    page.show()
    page.activateWindow()  # a window shortcut, as on Mitglieder, Projekte and Sitzungen
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=WAIT)
    page.view.setFocus()

    qtbot.keyClick(page.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: page.steps.dialog is not None, timeout=WAIT
    )  # the button clicks a moment later

    dialog = page.steps.dialog
    assert isinstance(dialog, NewRecommendationDialog) and dialog.isVisible()
    assert "Strg+N" in page.new_button.toolTip()
    dialog.reject()


def _active(page, qtbot) -> None:
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=WAIT)


def test_enter_on_a_recommendation_opens_it_as_bearbeiten_does(page, sample, qtbot):
    _active(page, qtbot)
    page.select(sample.recommendations["E-2026-05"])  # adopted: its content may change
    page.view.setFocus()

    qtbot.keyClick(page.view, Qt.Key.Key_Return)

    dialog = page.steps.dialog
    assert isinstance(dialog, EditRecommendationDialog) and dialog.isVisible()
    assert dialog.title_edit.text() == "Empfehlung E-2026-05"
    dialog.reject()


def test_a_double_click_on_a_recommendation_opens_it(page, sample, qtbot):
    _active(page, qtbot)
    page.select(sample.recommendations["E-2026-05"])
    where = page.view.visualRect(page.view.currentIndex()).center()

    # A real double-click's first press and release, then the double-click.
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=where)

    dialog = page.steps.dialog
    assert isinstance(dialog, EditRecommendationDialog) and dialog.isVisible()
    dialog.reject()


def test_enter_on_a_sent_recommendation_moves_the_cursor_into_its_detail(page, sample, qtbot):
    _active(page, qtbot)
    page.select(sample.recommendations["E-2026-04"])  # sent: no longer edited
    page.view.setFocus()

    qtbot.keyClick(page.view, Qt.Key.Key_Return)

    assert page.steps.dialog is None
    assert QApplication.focusWidget() is page.detail
    assert "E-2026-04" in page.detail.toPlainText()


def test_a_step_dialog_starts_in_its_title_and_tab_ends_on_its_buttons(page, sample, qtbot):
    """Neue Empfehlung and Bearbeiten start in Titel, the field typed first, as the
    Protokoll's dialog does; they started in Art (found by a helper)."""
    page.new_button.click()
    dialog = page.steps.dialog
    exposed(dialog)

    assert dialog.focusWidget() is dialog.title_edit
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT)
    dialog.date_edit.setFocus()
    dialog.date_edit.setCurrentSection(QDateEdit.Section.YearSection)  # Tab leaves the date
    reached = []
    for _ in range(3):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        reached.append(dialog.focusWidget())
    # The buttons as shown, then round to the first field (they came first before).
    cancel = next(b for b in dialog.findChildren(QPushButton) if b is not dialog.accept_button)
    shown = sorted([dialog.accept_button, cancel], key=lambda button: button.x())
    assert reached == [*shown, dialog.kind_combo]
    dialog.reject()
    page.select(sample.recommendations["E-2026-05"])
    page.edit_button.click()
    edit = page.steps.dialog
    exposed(edit)

    assert edit.focusWidget() is edit.title_edit
    edit.reject()


def test_escape_asks_before_typed_input_of_a_step_is_thrown_away(page, dialogs, qtbot):
    dialog = _new_recommendation_dialog(page, qtbot)
    escape_asks_before_dropping(qtbot, dialogs, dialog, dialog.title_edit, "Offene Daten zuerst")


def test_escape_closes_an_untouched_step_dialog_without_asking(page, dialogs, qtbot):
    escape_closes_at_once(qtbot, dialogs, _new_recommendation_dialog(page, qtbot))


def _new_recommendation_dialog(page, qtbot):
    page.new_button.click()
    dialog = page.steps.dialog
    exposed(dialog)
    return dialog


def test_the_code_column_sorts_by_year_and_number_whatever_the_prefix(
    qtbot, services, dialogs, sample, today
):
    """A prefix changed during the year goes on counting (DB-2026-07 after E-2026-06): the
    Kennung column sorts as the register counts, not the DB codes before every E code.
    (found by review)"""
    council = services.settings.settings(sample.council_id)
    services.settings.update_settings(replace(council, recommendation_prefix="DB"))
    services.recommendations.create(sample.council_id, RecommendationContent("Neu"), today)
    page = RecommendationsPage(services, dialogs, lambda: today)
    qtbot.addWidget(page)
    page.set_council(sample.council_id)
    page.refresh()

    page.view.sortByColumn(M.COLUMN_CODE, Qt.SortOrder.AscendingOrder)
    assert codes(page) == [
        "E-2025-01", "E-2025-02", *(f"E-2026-0{n}" for n in range(1, 7)), "DB-2026-07"
    ]  # fmt: skip
    page.view.sortByColumn(M.COLUMN_CODE, Qt.SortOrder.DescendingOrder)
    assert codes(page)[:2] == ["DB-2026-07", "E-2026-06"]


def test_a_step_taken_from_the_keyboard_leaves_the_focus_in_the_register(page, sample, qtbot):
    """Found by a tester: "Versenden …" pressed with the space bar, the dialog confirmed,
    disabled itself and Qt passed the focus on to "Zurückziehen …"; now the register has
    it, its row saying the new status."""
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=WAIT)
    page.select(sample.recommendations["E-2026-05"])
    page.send_button.setFocus()
    qtbot.keyClick(page.send_button, Qt.Key.Key_Space)

    page.steps.dialog.accept_button.click()

    assert page.selected().status is RecommendationStatus.SENT
    assert page.send_button.text() == "Versand ändern …"  # another step now: not pressed again
    assert page.focusWidget() is page.view


def _to_two_projects(services, sample) -> int:
    content = RecommendationContent(
        "Gemeinsame Datenstrategie",
        project_ids=(sample.projects["ODP"], sample.projects["KLIMA"]),
    )
    row = services.recommendations.create(
        sample.council_id, content, date(2026, 10, 1), adopted=True
    ).row
    return services.recommendations.send(row.id, row.version, date(2026, 10, 2)).row.id


def test_an_answer_names_its_project_and_one_of_two_leaves_it_sent(page, sample, services):
    recommendation = _to_two_projects(services, sample)
    page.refresh()
    page.select(recommendation)
    page.response_button.click()
    dialog = page.steps.dialog
    assert [dialog.project_combo.itemText(i) for i in range(dialog.project_combo.count())] == [
        "– bitte wählen –",
        "Open-Data-Portal & <Co>",
        "Klimadashboard",
        "Gemeinsame Antwort aller adressierten Projekte",
    ]
    dialog.accept_button.click()  # no project chosen
    assert "Bitte wählen Sie, welches Projekt geantwortet hat" in dialog.error_label.text()
    assert dialog.isVisible() and not page.selected().answered

    choose(dialog.project_combo, sample.projects["KLIMA"])
    dialog.accept_button.click()

    assert not dialog.isVisible()
    row = page.selected()
    assert row.status is RecommendationStatus.SENT
    status = page.model.index(page.model.row_of(row.id), M.COLUMN_STATUS)
    assert status.data() == "übermittelt (1/2)"
    assert status.data(Qt.ItemDataRole.ToolTipRole).startswith(
        "1 von 2 Projekten hat geantwortet; es fehlt noch „Open-Data-Portal & <Co>“\n\n"
        "Übermittelt: "
    )
    text = page.detail.toPlainText()
    assert (
        "Antworten: 1 von 2 Projekten hat geantwortet; es fehlt noch „Open-Data-Portal & <Co>“"
        in text
    )
    assert "von „Klimadashboard“" in text
    assert page.response_button.isEnabled()

    page.response_button.click()
    dialog = page.steps.dialog
    assert dialog.project_combo.itemText(2) == "Klimadashboard (hat bereits geantwortet)"
    choose(dialog.project_combo, sample.projects["ODP"])
    dialog.accept_button.click()
    assert page.selected().status is RecommendationStatus.ANSWERED


def test_the_one_addressed_project_is_preselected(page, sample):
    page.select(sample.recommendations["E-2026-04"])
    page.response_button.click()
    dialog = page.steps.dialog
    assert dialog.project_combo.count() == 1
    assert dialog.project_combo.currentData() == sample.projects["KLIMA"]
    dialog.reject()


def test_a_step_the_status_does_not_allow_says_why_in_its_tooltip(page, sample):
    """(found by a tester) "Abschließen …", "Versenden …" and the other steps were off
    without a word; the tooltip of one that is off says why, and once the status allows
    the step it says again what the button does."""
    page.select(sample.recommendations["E-2026-05"])  # adopted, not yet sent

    assert page.send_button.isEnabled() and page.send_button.toolTip() == ""
    assert not page.close_button.isEnabled()
    assert page.close_button.toolTip() == (
        "Die Empfehlung E-2026-05 ist „beschlossen“ und kann nicht auf „umgesetzt“ gesetzt "
        "werden. Möglich ist von hier: „übermittelt“, „zurückgezogen“."
    )
    assert not page.due_button.isEnabled()
    assert "eine Frist gibt es nur, solange die Antwort" in page.due_button.toolTip()
    assert not page.response_button.isEnabled()
    assert page.response_button.toolTip().startswith("Die Empfehlung E-2026-05 ist „beschlossen“")

    page.select(sample.recommendations["E-2026-04"])

    assert page.response_button.isEnabled()
    assert page.response_button.toolTip() == "Stellungnahme des Projekts erfassen"
