"""The Übersicht's figures and lists against a known data set (see tests/overview_sample.py)."""

from __future__ import annotations

from datetime import date

import pytest
from client_statements import recorded_statements
from overview_sample import seed

from expertenrat.domain.enums import RecommendationStatus as S
from expertenrat.domain.overview import Area, MeetingTab, Target, TargetFilter
from expertenrat.services.overview import OverviewService
from expertenrat.services.recommendations import RecommendationsService
from expertenrat.store import models


@pytest.fixture
def sample(database, council):
    return seed(database, council.id)


@pytest.fixture
def figures(database, sample, today):
    return OverviewService(database).overview(sample.council_id, today)


def test_the_counts_of_the_cards(figures, sample):
    assert (figures.active_members, figures.projects) == (2, 2)
    assert (figures.meetings_total, figures.meetings_held, figures.meetings_upcoming) == (7, 3, 3)
    assert figures.next_meeting == "4. Sitzung am 30.11.2026 um 16:00 Uhr"
    assert figures.next_meeting_id == sample.meetings["planned_late"]
    open_overdue_total = (
        figures.recommendations_open,
        figures.recommendations_overdue,
        figures.recommendations_total,
    )
    assert open_overdue_total == (3, 1, 8)  # not E-2026-05: adopted, never sent
    assert not figures.is_empty


def test_next_meetings_say_whether_the_invitation_is_late_sent_or_due(figures, sample):
    assert [(line.text, line.urgent) for line in figures.next_meetings] == [
        (
            "4. Sitzung am 30.11.2026 um 16:00 Uhr – Einladung überfällig "
            "(Ladungsfrist seit 23.11.2026 verstrichen)",
            True,
        ),
        ("5. Sitzung am 10.12.2026 um 16:00 Uhr – eingeladen am 25.11.2026", False),
        ("6. Sitzung am 01.02.2027 um 16:00 Uhr – Einladung bis 25.01.2027 versenden", False),
    ]
    assert [line.target for line in figures.next_meetings] == [
        Target(Area.MEETINGS, record_id=sample.meetings[name], tab=MeetingTab.MEETING)
        for name in ("planned_late", "invited", "planned_later")
    ]
    assert [line.text for line in figures.invitations_due] == [
        "4. Sitzung am 30.11.2026: Einladung überfällig (Ladungsfrist seit 23.11.2026 verstrichen)"
    ]


def test_minutes_waiting_open_the_protokoll_or_the_genehmigung_tab(figures, sample):
    assert [(line.text, line.target, line.urgent) for line in figures.minutes_waiting] == [
        (
            "Protokoll der 2. Sitzung vom 10.03.2026: Entwurf seit 8 Monaten offen, "
            "Versand war bis 07.04.2026 fällig",
            Target(Area.MEETINGS, record_id=sample.meetings["held_march"], tab=MeetingTab.DRAFT),
            True,
        ),
        (
            "Protokoll der 3. Sitzung vom 10.06.2026: versandt am 20.06.2026, "
            "Genehmigung noch keiner Sitzung zugeordnet",
            Target(Area.MEETINGS, record_id=sample.meetings["held_june"], tab=MeetingTab.APPROVAL),
            True,
        ),
    ]


def test_responses_overdue_and_due_in_the_next_two_weeks(figures, sample):
    (overdue,) = figures.responses_overdue
    assert overdue.text == (
        "E-2026-01 Empfehlung E-2026-01 (Open-Data-Portal & <Co>): seit 26 Tagen überfällig, "
        "noch nicht erinnert"
    )
    assert overdue.urgent
    assert overdue.target == Target(
        Area.RECOMMENDATIONS,
        record_id=sample.recommendations["E-2026-01"],
        filter=TargetFilter.OVERDUE,
    )
    (soon,) = figures.responses_due_soon
    assert soon.text == (
        "E-2026-04 Empfehlung E-2026-04 (Klimadashboard): fällig am 05.12.2026, noch nicht erinnert"
    )
    assert not soon.urgent


def test_a_line_due_says_when_its_recommendation_was_last_reminded_of(database, sample, today):
    """(found by a tester) Covering the secretariat, a newcomer read "seit 26 Tagen
    überfällig" and could not tell whether the project had been reminded, and when."""
    register = RecommendationsService(database, "Test")
    for day in (date(2026, 11, 6), date(2026, 11, 20)):
        register.record_reminder(sample.projects["ODP"], day)

    figures = OverviewService(database).overview(sample.council_id, today)

    assert [line.text.rsplit(": ", 1)[1] for line in figures.responses_overdue] == [
        "seit 26 Tagen überfällig, zuletzt erinnert am 20.11.2026"
    ]
    assert figures.responses_due_soon[0].text.endswith(", noch nicht erinnert")


def test_a_warning_about_an_ending_term_opens_that_member(figures, sample):
    ending = [w for w in figures.composition_warnings if w.text.startswith("Die Amtszeit")]
    assert [w.target for w in ending] == [Target(Area.MEMBERS, record_id=sample.members["Berg"])]
    others = [w for w in figures.composition_warnings if w not in ending]
    assert others and all(w.target == Target(Area.MEMBERS) for w in others)


def test_this_years_figures_per_action_field(figures):
    by_name = {f.field.name: f for f in figures.fields_this_year}
    assert figures.year == 2026
    assert list(by_name) == ["Moderne Verwaltung", "Soziale Stadt", "Stadtdaten", "Umwelt"]
    stadtdaten, umwelt = by_name["Stadtdaten"], by_name["Umwelt"]
    assert (stadtdaten.consultations, stadtdaten.recommendations) == (2, 3)
    assert (stadtdaten.sent, stadtdaten.answered, stadtdaten.accepted) == (3, 2, 1)
    assert (stadtdaten.answered_share, stadtdaten.accepted_share) == (2 / 3, 1 / 2)
    assert (umwelt.consultations, umwelt.recommendations, umwelt.sent) == (1, 3, 2)
    assert (umwelt.answered_share, umwelt.accepted_share) == (0.0, None)
    empty = by_name["Soziale Stadt"]
    assert (empty.consultations, empty.recommendations, empty.answered_share) == (0, 0, None)


def test_statuses_per_action_field_for_the_chart(figures):
    by_name = {(s.field.name if s.field else None): s.counts for s in figures.statuses_by_field}
    assert by_name == {
        "Moderne Verwaltung": (),
        "Soziale Stadt": (),
        "Stadtdaten": ((S.SENT, 1), (S.ANSWERED, 2), (S.IMPLEMENTED, 1)),
        "Umwelt": ((S.ADOPTED, 1), (S.SENT, 2)),
        None: ((S.WITHDRAWN, 1),),
    }


def test_an_empty_council_is_empty(database, council, today):
    figures = OverviewService(database).overview(council.id, today)

    assert figures.is_empty
    assert figures.next_meetings == figures.minutes_waiting == figures.responses_overdue == ()
    assert [s.counts for s in figures.statuses_by_field] == [(), (), (), ()]


def test_the_overview_is_a_few_queries_however_much_there_is(database, sample, today):
    """No query per meeting, member or recommendation: doubling the data adds none."""

    def statements_of_one_overview() -> int:
        with recorded_statements(database.engine) as statements:
            OverviewService(database).overview(sample.council_id, today)
        return len(statements)

    _adopted_in_writing(database, sample.recommendations["E-2026-05"])
    before = statements_of_one_overview()
    seed_more = seed(database, sample.council_id, suffix="b")
    assert seed_more.meetings
    _adopted_in_writing(database, seed_more.recommendations["E-2026-05"])
    # 17 with the meetings past but not recorded, 18 with the members who joined after an
    # invitation, 19 with the items set aside in the minutes (a sub-item goes with its
    # item), 20 with the day of each recommendation's last reminder, 21 with the meetings
    # that are to approve circulated minutes; the words of the text and the answers, which
    # only the register page's search needs, are not read (one query more); 19 since the
    # action fields' figures count the answers the register's rows carry (they read the
    # year's recommendations and their answers again: two queries more); 20 with the postponed
    # items waiting for an agenda (one query, whether taken up asked within it); 21 with the
    # recommendations adopted in writing that no agenda reports (one query likewise)
    assert statements_of_one_overview() == before <= 21
    assert [line.text for line in OverviewService(database).overview(sample.council_id, today)
            .written_waiting] == ["2 Umlaufbeschlüsse warten auf einen Bericht"]  # fmt: skip


def _adopted_in_writing(database, recommendation_id: int) -> None:
    """The sample's recommendation ``recommendation_id`` (adopted 10.06.2026) as adopted in
    writing, not reported yet."""
    with database.transaction() as session:
        session.add(
            models.WrittenProcedure(
                recommendation_id=recommendation_id,
                sent_on=date(2026, 6, 3),
                deadline_on=date(2026, 6, 10),
                member_count=2,
                yes_votes=2,
                no_votes=0,
                abstentions=0,
                recusals=0,
            )
        )


def test_the_overview_reads_the_answers_once(database, sample, today):
    """The register's rows and the action fields' figures both need the answers given: one
    read (on a slow server each query is a wait; found by a helper)."""
    with recorded_statements(database.engine) as statements:
        OverviewService(database).overview(sample.council_id, today)

    assert sum("FROM recommendation_responses" in s for s in statements) == 1


def test_an_answer_one_of_two_projects_gave_is_not_yet_accepted(database, sample, today):
    """A recommendation to two projects of which one complied is still awaited from the
    other: it counted as accepted but not as answered, so a field read 'beantwortet 0,
    entsprochen 1' in the annual report and over 100 % angenommen on the Übersicht
    (found by a tester)."""
    recommendation = sample.recommendations["E-2026-01"]
    with database.transaction() as session:
        session.add(
            models.RecommendationProject(
                recommendation_id=recommendation, project_id=sample.projects["KLIMA"]
            )
        )
        session.add(
            models.RecommendationResponse(
                recommendation_id=recommendation,
                project_id=sample.projects["ODP"],
                received_on=date(2026, 9, 1),
                verdict="complied",
            )
        )

    figures = OverviewService(database).overview(sample.council_id, today)

    stadtdaten = {f.field.name: f for f in figures.fields_this_year}["Stadtdaten"]
    assert (stadtdaten.sent, stadtdaten.answered, stadtdaten.accepted) == (3, 2, 1)


@pytest.mark.parametrize("complied_on", [date(2026, 8, 1), date(2026, 9, 1)])
def test_one_project_complied_and_the_other_did_not_is_not_accepted(
    database, sample, today, complied_on
):
    """A recommendation to two projects, one complying and the other not, counted as
    accepted when the complying answer came last and not when it came first (found by a
    tester); the answer each project gave last must all comply."""
    recommendation = sample.recommendations["E-2026-01"]
    odp, klima = sample.projects["ODP"], sample.projects["KLIMA"]
    with database.transaction() as session:
        session.add(
            models.RecommendationProject(recommendation_id=recommendation, project_id=klima)
        )
        for project, verdict, on in (
            (odp, "complied", complied_on),
            (klima, "not_complied", date(2026, 8, 15)),
        ):
            session.add(
                models.RecommendationResponse(
                    recommendation_id=recommendation,
                    project_id=project,
                    received_on=on,
                    verdict=verdict,
                    reasons="Begründung",
                )
            )
        session.get(models.Recommendation, recommendation).status = "answered"

    figures = OverviewService(database).overview(sample.council_id, today)

    stadtdaten = {f.field.name: f for f in figures.fields_this_year}["Stadtdaten"]
    assert (stadtdaten.sent, stadtdaten.answered, stadtdaten.accepted) == (3, 3, 1)


def test_one_withdrawn_after_one_of_two_projects_answered_is_sent_not_answered(
    database, sample, today
):
    """(found by a tester) The Übersicht counted it as answered while the in-time count
    ("fristgerecht") has it as not answered by its due date: it never was answered by all."""
    recommendation = sample.recommendations["E-2026-01"]
    odp, klima = sample.projects["ODP"], sample.projects["KLIMA"]
    with database.transaction() as session:
        session.add(
            models.RecommendationProject(recommendation_id=recommendation, project_id=klima)
        )
        session.add(
            models.RecommendationResponse(
                recommendation_id=recommendation,
                project_id=odp,
                received_on=date(2026, 8, 1),
                verdict="complied",
            )
        )
        session.get(models.Recommendation, recommendation).status = "withdrawn"

    def stadtdaten():
        figures = OverviewService(database).overview(sample.council_id, today)
        return {f.field.name: f for f in figures.fields_this_year}["Stadtdaten"]

    assert (stadtdaten().sent, stadtdaten().answered, stadtdaten().accepted) == (3, 2, 1)

    with database.transaction() as session:  # the other project answered too: answered
        session.add(
            models.RecommendationResponse(
                recommendation_id=recommendation,
                project_id=klima,
                received_on=date(2026, 8, 2),
                verdict="complied",
            )
        )
    assert (stadtdaten().sent, stadtdaten().answered, stadtdaten().accepted) == (3, 3, 2)


@pytest.mark.parametrize(
    ("answers", "accepted"),
    [
        # a joint rejection, then each project's own acceptance: accepted
        ([(None, "not_complied"), ("ODP", "complied"), ("KLIMA", "complied")], 2),
        # only one project accepted since: the joint rejection still stands for the other
        ([(None, "not_complied"), ("ODP", "complied")], 1),
        # own, joint, interim and own answers mixed: each project's latest accepted
        (
            [
                ("ODP", "not_complied"),
                (None, "partly_complied"),
                ("KLIMA", "planned"),
                ("ODP", "complied"),
                ("KLIMA", "complied"),
            ],
            2,
        ),
    ],
)
def test_accepted_when_each_projects_standing_answer_complied(
    database, sample, today, answers, accepted
):
    """The Übersicht counts as accepted what the register's rule says: each addressed
    project's latest answer, its own or a joint one, complied. The figures' own SQL let a
    joint answer be superseded only by a later joint one, so a joint rejection followed by
    each project's acceptance stayed not accepted."""
    recommendation = sample.recommendations["E-2026-01"]
    klima = sample.projects["KLIMA"]
    with database.transaction() as session:
        session.add(
            models.RecommendationProject(recommendation_id=recommendation, project_id=klima)
        )
        for day, (project, verdict) in enumerate(answers, start=1):
            session.add(
                models.RecommendationResponse(
                    recommendation_id=recommendation,
                    project_id=sample.projects[project] if project else None,
                    received_on=date(2026, 8, day),
                    verdict=verdict,
                    reasons="Begründung",
                    measures_due_on=date(2026, 12, 31) if verdict == "planned" else None,
                )
            )
        session.get(models.Recommendation, recommendation).status = "answered"

    figures = OverviewService(database).overview(sample.council_id, today)

    stadtdaten = {f.field.name: f for f in figures.fields_this_year}["Stadtdaten"]
    assert (stadtdaten.sent, stadtdaten.answered, stadtdaten.accepted) == (3, 3, accepted)
