"""What the recommendations report gathers: sections per field and project, the charts'
figures, the open items, days open, answers, against a known data set."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from recommendations_report_sample import ANSWERS, HOSTILE, ROWS, TODAY, report, row

from expertenrat.domain.enums import RecommendationStatus, ResponseVerdict
from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.domain.recommendations import days_overdue
from expertenrat.domain.recommendations_charts import NO_FIELD, InTimeYear
from expertenrat.domain.recommendations_report import (
    NO_PROJECT,
    REPORTED,
    ResponseSummary,
    days_open,
)
from expertenrat.domain.recommendations_scope import scope_text

S = RecommendationStatus


def test_sections_follow_the_council_fields_then_those_without_a_field():
    found = report()

    assert [(f.name, f.kinds) for f in found.fields] == [
        ("Moderne Verwaltung", "1 Empfehlung"),
        ("Umwelt", "4 Empfehlungen"),
        ("Stadtdaten", "1 Empfehlung"),
        (NO_FIELD, "1 Empfehlung"),
    ]


def test_projects_by_title_and_a_recommendation_to_two_projects_under_both():
    found = {f.name: f for f in report().fields}

    umwelt = [(p.title, [line.row.code for line in p.lines]) for p in found["Umwelt"].projects]
    assert umwelt == [
        (HOSTILE, ["E-2026-04"]),
        ("Klimaportal", ["E-2025-01", "E-2026-01", "E-2026-03"]),
    ]
    stadtdaten = [p.title for p in found["Stadtdaten"].projects]
    assert stadtdaten == ["Datenplattform", "Klimaportal"]
    assert [p.title for p in found[NO_FIELD].projects] == [NO_PROJECT]


def test_a_field_renamed_since_still_gets_its_section_before_those_without():
    rows = [row(1, S.SENT, field="Alte Bezeichnung"), row(2, S.SENT, field="")]

    found = report(rows)

    assert [f.name for f in found.fields] == ["Alte Bezeichnung", NO_FIELD]


def test_status_chart_counts_each_recommendation_once_per_field_and_status():
    chart = report().status_chart

    assert chart.fields == ("Moderne Verwaltung", "Umwelt", "Stadtdaten", NO_FIELD)
    assert chart.statuses == (
        S.ADOPTED, S.SENT, S.ANSWERED, S.IMPLEMENTED, S.NOT_IMPLEMENTED, S.WITHDRAWN,
    )  # fmt: skip
    counts = dict(zip(chart.statuses, chart.counts, strict=True))
    assert counts[S.SENT] == (1, 1, 0, 0)
    assert counts[S.ANSWERED] == (0, 0, 1, 0)
    assert counts[S.ADOPTED] == (0, 0, 0, 1)
    assert sum(map(sum, chart.counts)) == len(ROWS)


def test_answered_in_time_per_year_of_sending():
    # 2025: 1 in time, 2 late, 3 overdue without answer; 2026: 1 within deadline (not
    # counted), 3 withdrawn unanswered (not counted), 4 answered on its due date.
    assert report().in_time == (InTimeYear(2025, 3, 1), InTimeYear(2026, 1, 1))
    assert [y.percent for y in report().in_time] == [33, 100]


def test_open_items_overdue_first_then_by_due_date():
    found = [line.row.code for line in report().open_items]

    assert found == ["E-2025-03", "E-2025-02", "E-2026-01", "E-2026-02"]


def test_days_open_since_adoption_only_while_open():
    assert days_open(row(1, S.SENT), TODAY) == (TODAY - date(2025, 3, 1)).days
    assert days_open(row(1, S.IMPLEMENTED), TODAY) is None
    assert days_open(row(1, S.DRAFT), TODAY) is None
    assert days_open(replace(row(1, S.ANSWERED), settled=True), TODAY) is None  # to close


def test_answer_and_state_labels():
    lines = {line.row.id: line for f in report().fields for p in f.projects for line in p.lines}

    assert lines[2].answer_label == "Umsetzung geplant (01.09.2025)"
    assert lines[3].answer_label == "keine Stellungnahme"
    assert lines[3].state_label == "übermittelt, seit einem Jahr überfällig"
    assert lines[1].state_label == "umgesetzt"
    assert ANSWERS[2].first_received_on == date(2025, 6, 1)


def test_the_state_names_the_due_date_or_for_an_interim_plan_its_date():
    answered = replace(
        row(1, S.ANSWERED, sent=date(2025, 3, 5), due=date(2025, 5, 5)),
        planned_by=date(2026, 5, 20),
    )
    planned = replace(
        answered, days_overdue=days_overdue(S.ANSWERED, None, TODAY, date(2026, 5, 20))
    )
    lines = report(
        [planned, row(2, S.SENT, sent=date(2026, 4, 1), due=date(2026, 7, 1))]
    ).open_items

    # The plan overdue counts from its date, so the line names that date, not the response's.
    assert lines[0].state_label == (
        "beantwortet, Umsetzung geplant bis 20.05.2026, seit 12 Tagen überfällig"
    )
    assert lines[0].awaited_label == ""  # the state names the plan's date
    assert lines[1].awaited_label == "Frist 01.07.2026"
    assert report([row(3, S.ADOPTED)]).open_items[0].awaited_label == ""


def test_one_day_overdue_is_singular():
    line = report([row(1, S.SENT, due=date(2026, 5, 31), sent=date(2026, 4, 1))]).open_items[0]

    assert line.state_label == "übermittelt, seit 1 Tag überfällig"


def test_scope_names_year_statuses_field_project_and_search():
    assert scope_text(RecommendationFilter()) == "alle Jahre · alle Status außer Entwurf"
    assert scope_text(RecommendationFilter(statuses=REPORTED, year=2025)) == (
        "Jahr 2025 · alle Status außer Entwurf"
    )
    assert scope_text(
        RecommendationFilter(statuses=frozenset({S.ANSWERED, S.SENT}), year=2026)
    ) == ("Jahr 2026 · Status: übermittelt, beantwortet")
    assert scope_text(RecommendationFilter(overdue=True)) == "alle Jahre · nur überfällige"
    # found by a tester: "--status beantwortet --overdue" said only "nur überfällige"
    assert scope_text(RecommendationFilter(frozenset({S.ANSWERED}), overdue=True)) == (
        "alle Jahre · nur überfällige · Status: beantwortet"
    )
    # "Abschluss möglich" (the window's filter, --closable) said "Status: beantwortet"
    settled = RecommendationFilter(frozenset({S.ANSWERED}), settled=True)
    assert scope_text(settled) == "alle Jahre · Abschluss möglich"
    assert scope_text(RecommendationFilter(search=" Klima "), "Umwelt", "Klimadashboard") == (
        "alle Jahre · alle Status außer Entwurf · Handlungsfeld Umwelt · Projekt Klimadashboard"
        " · Suche „Klima“"
    )


def test_an_empty_selection_gives_an_empty_report():
    empty = report([])

    assert (empty.count, empty.fields, empty.in_time, empty.open_items) == (0, (), (), ())
    assert empty.status_chart.statuses == ()


def test_response_summary_label():
    summary = ResponseSummary(date(2026, 1, 2), ResponseVerdict.PARTLY_COMPLIED, date(2026, 3, 4))

    assert summary.label == "teilweise entsprochen (04.03.2026)"


def _two_projects_half_answered():
    from recommendations_report_sample import DATEN, KLIMA

    from expertenrat.domain.response_summaries import response_summary

    sent = row(9, S.SENT, KLIMA, DATEN, sent=date(2026, 3, 2), due=date(2026, 5, 4), title="Beide")
    sent = replace(sent, answered=frozenset({KLIMA.id}))
    answers = {9: response_summary([(KLIMA.id, date(2026, 4, 20), ResponseVerdict.COMPLIED)])}
    return sent, answers


def test_under_each_project_its_own_answer_and_the_state_says_who_has_answered():
    sent, answers = _two_projects_half_answered()

    (field,) = report([sent], answers).fields

    shown = {p.title: p.lines[0] for p in field.projects}
    assert shown["Klimaportal"].answer_label == "entsprochen (20.04.2026)"
    assert shown["Datenplattform"].answer_label == "keine Stellungnahme"
    assert shown["Datenplattform"].state_label == (
        "übermittelt (1 von 2 geantwortet), seit 28 Tagen überfällig"
    )
    # the project that has answered owes nothing: not "überfällig" in its section (it
    # was, found by review); the list of open items still says it
    assert shown["Klimaportal"].state_label == "übermittelt (1 von 2 geantwortet)"
    (open_line,) = report([sent], answers).open_items
    assert open_line.state_label.endswith("seit 28 Tagen überfällig")
    # the list of open items names who answered (found by review)
    assert open_line.answer_label == "Klimaportal: entsprochen (20.04.2026)"


def test_in_time_only_once_every_addressed_project_had_answered_by_the_due_date():
    from recommendations_report_sample import DATEN, KLIMA

    from expertenrat.domain.response_summaries import response_summary

    sent, half = _two_projects_half_answered()
    late = response_summary(
        [
            (KLIMA.id, date(2026, 4, 20), ResponseVerdict.COMPLIED),
            (DATEN.id, date(2026, 5, 10), ResponseVerdict.PLANNED),
        ]
    )
    joint = response_summary([(None, date(2026, 4, 30), ResponseVerdict.COMPLIED)])
    answered = replace(sent, status=S.ANSWERED, days_overdue=0)

    assert report([sent], half).in_time == (InTimeYear(2026, 1, 0),)
    assert report([answered], {9: late}).in_time == (InTimeYear(2026, 1, 0),)
    assert report([answered], {9: joint}).in_time == (InTimeYear(2026, 1, 1),)
    assert late.answered_by([KLIMA.id, DATEN.id]) == date(2026, 5, 10)
