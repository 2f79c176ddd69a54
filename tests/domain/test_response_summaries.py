"""What a recommendation's summary says stands for each addressed project: the rule of the
register (``recommendation_answers.standing_answers``, in the order received), also where
a project's own answer and a joint one came on the same day."""

from __future__ import annotations

from datetime import date

from expertenrat.domain.enums import ResponseVerdict as V
from expertenrat.domain.recommendation_answers import GivenAnswer, standing_answers
from expertenrat.domain.response_summaries import response_summary

DAY = date(2026, 4, 20)


def test_a_joint_answer_after_the_projects_own_of_the_same_day_stands():
    answers = [(1, DAY, V.NOT_COMPLIED), (None, DAY, V.COMPLIED)]

    summary = response_summary(answers)

    assert summary.of_project(1).latest_verdict is V.COMPLIED
    assert summary.of_project(2).latest_verdict is V.COMPLIED
    given = [GivenAnswer(key, verdict, True, None) for key, _on, verdict in answers]
    assert standing_answers([1, 2], given)[1].verdict is V.COMPLIED  # the same rule


def test_the_projects_own_answer_after_a_joint_one_of_the_same_day_stands():
    summary = response_summary([(None, DAY, V.COMPLIED), (1, DAY, V.NOT_COMPLIED)])

    assert summary.of_project(1).latest_verdict is V.NOT_COMPLIED
    assert summary.of_project(2).latest_verdict is V.COMPLIED
    assert summary.latest_project_id == 1


def test_a_project_without_an_answer_of_its_own_or_a_joint_one_has_none():
    summary = response_summary([(1, date(2026, 4, 2), V.PLANNED), (1, DAY, V.COMPLIED)])

    assert summary.of_project(2) is None
    mine = summary.of_project(1)
    assert (mine.first_received_on, mine.latest_verdict, mine.latest_received_on) == (
        date(2026, 4, 2),
        V.COMPLIED,
        DAY,
    )
