"""The codec of the approved minutes refuses what it does not know, loudly."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

import pytest

from expertenrat.domain.approved_minutes import (
    ApprovedMinutes,
    PrintedName,
    approved_minutes_json,
    parse_approved_minutes,
)
from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.meeting_quorum import QuorumSpan
from expertenrat.domain.minutes_attendees import AbsentMember
from expertenrat.domain.minutes_document import MinutesDocument
from expertenrat.domain.minutes_items import MinutesItem, VoteRecord
from expertenrat.domain.quorum import QuorumResult

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


def test_absent_members_round_trip_and_plain_names_stored_before_read_as_recorded() -> None:
    document = replace(RECORD.document, absent=(AbsentMember("Max Mustermann"),))
    text = approved_minutes_json(ApprovedMinutes(document))
    assert parse_approved_minutes(text).document == document

    older = json.loads(text)  # approved when the absent were plain names
    older["minutes"]["document"]["absent"] = ["Max Mustermann"]
    assert parse_approved_minutes(json.dumps(older)).document == document


def test_quorum_spans_and_kind_round_trip_and_older_records_read_as_they_were() -> None:
    spans = (QuorumSpan("1", "2", False, 1, 1), QuorumSpan("3", "4", True, 2, 2))
    document = replace(
        RECORD.document,
        number=None,
        kind=MeetingKind.WORKSHOP,
        quorum=QuorumResult(2, 3, 0, True),
        quorum_spans=spans,
    )
    text = approved_minutes_json(ApprovedMinutes(document))
    assert parse_approved_minutes(text).document == document
    assert document.heading == "Protokoll der Klausur"
    assert document.quorum_line.startswith("Das Gremium war bis TOP 2 nicht beschlussfähig")

    older = json.loads(text)  # approved before the document had these fields
    del older["minutes"]["document"]["kind"], older["minutes"]["document"]["quorum_spans"]
    read = parse_approved_minutes(json.dumps(older)).document
    assert (read.kind, read.quorum_spans) == (MeetingKind.REGULAR, ())
    assert read.heading == "Protokoll der Sitzung"  # as printed at the approval
    assert read.quorum_line == "2 von 3 stimmberechtigten Mitgliedern anwesend – beschlussfähig."


def test_the_quorum_at_the_opening_round_trips_and_older_records_keep_their_statement() -> None:
    # Minutes approved before the opening count was kept said "3 von 4 … anwesend" where
    # one came "ab TOP 2"; a public PDF rendered again from them must say so still.
    spans = (QuorumSpan("1", "3", True, 2, 3),)  # 2 of 4 quorate (at least half)
    document = replace(
        RECORD.document, quorum=QuorumResult(3, 4, 0, True), quorum_spans=spans, quorum_opening=2
    )
    text = approved_minutes_json(ApprovedMinutes(document))
    assert parse_approved_minutes(text).document == document
    assert document.quorum_line == (
        "Zu Beginn der Sitzung waren 2 von 4 stimmberechtigten Mitgliedern anwesend; "
        "das Gremium war beschlussfähig."
    )

    older = json.loads(text)
    del older["minutes"]["document"]["quorum_opening"]
    read = parse_approved_minutes(json.dumps(older)).document
    assert read.quorum_opening is None
    assert read.quorum_line == "3 von 4 stimmberechtigten Mitgliedern anwesend – beschlussfähig."


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('"format":1', '"format":2', "unknown format"),
        ('{"format":1,"minutes":', '{"format":1,"other":', "without minutes"),
        ('"number":5', '"number":"5"', "expected int, got str"),
        ('"number":5', '"number":true', "expected int, got True"),
        ('"names":[', '"names":{"x":[', "not JSON"),
        ('"names":[{', '"names":["Dr. Anna",{', "expected dict, got str"),
        ('"logo_png":null', '"logo_png":"no base64!"', "bad base64"),
        ('"day":"2027-03-12"', '"day":"2027-13-12"', "not a valid date"),
        ('"opened_at":null', '"opened_at":"25:00"', "not a valid time"),
        ('"state":"draft"', '"state":"Dr. Anna"', "not a valid MinutesState"),
    ],
)
def test_every_malformed_record_is_refused_without_repeating_it(old, new, message) -> None:
    text = approved_minutes_json(RECORD)
    assert old in text
    with pytest.raises(ValueError, match=message) as refused:
        parse_approved_minutes(text.replace(old, new))
    assert "Anna" not in str(refused.value) and "2027" not in str(refused.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not JSON"),
        ("[1]", "not a JSON object"),
        ('{"format":1}', "without minutes"),
        ('{"format":1,"minutes":' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
    ],
)
def test_what_is_no_record_at_all_is_refused(text, message) -> None:
    with pytest.raises(ValueError, match=message):
        parse_approved_minutes(text)


def test_writing_an_unknown_kind_is_refused() -> None:
    odd = ApprovedMinutes(MinutesDocument(RECORD.document.letterhead, 5, datetime.now()))
    with pytest.raises(TypeError, match="datetime"):
        approved_minutes_json(odd)


def test_an_items_quorum_round_trips_and_older_records_print_no_note() -> None:
    vote = VoteRecord("Empfehlung", yes=1, adopted=True)
    item = MinutesItem("3", "Beratung", votes=(vote,), quorum=QuorumResult(1, 3, 0, False))
    document = replace(RECORD.document, items=(item,))
    text = approved_minutes_json(ApprovedMinutes(document))
    read = parse_approved_minutes(text).document
    assert read == document
    assert read.items[0].quorum_note == (
        "Bei der Abstimmung war das Gremium nicht beschlussfähig (1 von 3 stimmberechtigten "
        "Mitgliedern anwesend)."
    )

    older = json.loads(text)  # approved before the items kept their quorum
    del older["minutes"]["document"]["items"][0]["quorum"]
    assert parse_approved_minutes(json.dumps(older)).document.items[0].quorum_note == ""
