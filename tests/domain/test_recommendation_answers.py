"""The one rule of which answers stand and when a recommendation is accepted."""

from __future__ import annotations

from expertenrat.domain.enums import ResponseVerdict as V
from expertenrat.domain.recommendation_answers import GivenAnswer, accepted, standing_answers


def _answer(project_id: int | None, verdict: V) -> GivenAnswer:
    return GivenAnswer(project_id, verdict, True, None)


def test_each_projects_own_answer_after_a_joint_one_stands():
    answers = [_answer(None, V.NOT_COMPLIED), _answer(1, V.COMPLIED), _answer(2, V.COMPLIED)]

    assert {key: a.verdict for key, a in standing_answers([1, 2], answers).items()} == {
        1: V.COMPLIED,
        2: V.COMPLIED,
    }
    assert accepted([1, 2], answers)
    assert not accepted([1, 2], answers[:2])  # the joint rejection stands for project 2


def test_not_accepted_while_a_project_has_not_answered():
    assert not accepted([1, 2], [_answer(1, V.COMPLIED)])
    assert not accepted([1], [])


def test_one_addressed_to_none_stands_by_its_latest_answer():
    assert accepted([], [_answer(None, V.NOT_COMPLIED), _answer(None, V.COMPLIED)])
    assert not accepted([], [_answer(None, V.COMPLIED), _answer(None, V.PARTLY_COMPLIED)])
