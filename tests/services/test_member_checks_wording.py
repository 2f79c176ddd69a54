"""What a refused import says about people another PC added meanwhile."""

from __future__ import annotations

from datetime import date

import pytest

from expertenrat.domain.errors import ConcurrentEditError
from expertenrat.domain.members import Member
from expertenrat.services.member_checks import check_none_added_meanwhile


def _member(number: int, id: int | None = None) -> Member:
    return Member(id=id, given_name="Kim", family_name=f"Lee{number}", term_start=date(2026, 1, 1))


def _refused(count: int) -> str:
    typed = [_member(n) for n in range(count)]
    stored = [_member(n, id=100 + n) for n in range(count)]
    with pytest.raises(ConcurrentEditError) as refused:
        check_none_added_meanwhile(typed, stored, known_ids=set())
    return refused.value.message


def test_one_more_name_is_named_rather_than_counted():
    """(found by review) "„Kim Lee0“, „Kim Lee1“, „Kim Lee2“ und 1 weitere wurden"."""
    assert _refused(4).startswith(
        "„Kim Lee0“, „Kim Lee1“, „Kim Lee2“ und „Kim Lee3“ wurden inzwischen"
    )
    assert _refused(5).startswith("„Kim Lee0“, „Kim Lee1“, „Kim Lee2“ und 2 weitere wurden")
