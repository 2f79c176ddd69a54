"""The codec of the approved minutes refuses what it does not know, loudly."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from expertenrat.domain.approved_minutes import (
    ApprovedMinutes,
    PrintedName,
    approved_minutes_json,
    parse_approved_minutes,
)
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.minutes_document import MinutesDocument

RECORD = ApprovedMinutes(
    MinutesDocument(Letterhead("Rat", "Rostock"), 5, date(2027, 3, 12)),
    (PrintedName(1, "Dr. Anna Beispiel"), PrintedName(2, "")),
)


def test_a_minimal_record_round_trips_and_names_persons() -> None:
    assert parse_approved_minutes(approved_minutes_json(RECORD)) == RECORD
    assert RECORD.names_of({1, 2, 3}) == {"Dr. Anna Beispiel"}


def test_a_missing_field_takes_its_default_but_unknown_ones_are_refused() -> None:
    text = approved_minutes_json(RECORD)
    assert parse_approved_minutes(text.replace(',"unnamed":[]', "")) == RECORD
    with pytest.raises(ValueError, match="no field surprise"):
        parse_approved_minutes(text.replace('"unnamed":[]', '"surprise":1'))
    with pytest.raises(ValueError, match="MinutesDocument"):
        parse_approved_minutes(text.replace('"day":"2027-03-12",', ""))


@pytest.mark.parametrize(
    ("old", "new"),
    [('"format":1', '"format":2'), ('"number":5', '"number":"5"'), ('"number":5', '"number":true')],
)
def test_wrong_formats_and_types_are_refused(old, new) -> None:
    with pytest.raises(ValueError):
        parse_approved_minutes(approved_minutes_json(RECORD).replace(old, new))


def test_writing_an_unknown_kind_is_refused() -> None:
    odd = ApprovedMinutes(MinutesDocument(RECORD.document.letterhead, 5, datetime.now()))
    with pytest.raises(TypeError, match="datetime"):
        approved_minutes_json(odd)
