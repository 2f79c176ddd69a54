"""The freeze guard itself: a meeting whose minutes have an approved version is frozen."""

from __future__ import annotations

import pytest
from meeting_rows import add_meeting

from expertenrat.domain.enums import MinutesState
from expertenrat.services.minutes_freeze import MinutesFrozenError, ensure_not_frozen, is_frozen
from expertenrat.store import models


def test_only_approved_minutes_freeze_their_meeting(database, council) -> None:
    frozen, other = (add_meeting(database, council.id).meeting_id for _ in range(2))
    with database.transaction() as session:
        session.add_all(
            [
                models.MinutesVersion(meeting_id=frozen, number=1, state=MinutesState.CIRCULATED),
                models.MinutesVersion(meeting_id=other, number=1, state=MinutesState.CIRCULATED),
            ]
        )
    with database.transaction() as session:
        ensure_not_frozen(session, frozen)  # circulated minutes may still change
        session.add(models.MinutesVersion(meeting_id=frozen, number=2, state=MinutesState.APPROVED))
    with database.transaction() as session:
        assert is_frozen(session, frozen) and not is_frozen(session, other)
        ensure_not_frozen(session, other)
        number = session.get(models.Meeting, frozen).number
        with pytest.raises(MinutesFrozenError) as raised:
            ensure_not_frozen(session, frozen)
    assert raised.value.message == (
        f"Das Protokoll der {number}. Sitzung ist genehmigt und kann nicht mehr geändert "
        "werden; eine Berichtigung ist nur als Nachtrag im Protokoll einer späteren Sitzung "
        "möglich."
    )
