"""Recommendations adopted in an item: codes per council and year, defaults, correction in the
register, removal."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from held_meeting import held_meeting

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import RecommendationKind, RecommendationStatus
from expertenrat.domain.errors import ConcurrentEditError, InUseError, ValidationError
from expertenrat.domain.minutes import RecommendationDraft
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes import MinutesService
from expertenrat.services.recommendations import RecommendationsService
from expertenrat.store import models

HOSTILE = """Kim "K" & <Co>; O'Neil 🚀 مرحبا שלום"""


@pytest.fixture
def service(database, actor) -> MinutesService:
    return MinutesService(database, actor)


@pytest.fixture
def members(members_service, council, new_member, today) -> list[int]:
    return [members_service.save(council.id, new_member("A", n), today).id for n in "BCDEF"]


def test_codes_run_per_council_and_year(
    service, database, council, members, settings_service, fields
) -> None:
    spring = held_meeting(database, council.id, members, partners=("Stadtwerke",))
    first = service.adopt_recommendation(
        spring.item_ids[2], RecommendationDraft("Offene Daten", HOSTILE)
    )
    second = service.adopt_recommendation(
        spring.item_ids[2],
        RecommendationDraft("Impuls", kind=RecommendationKind.IMPULSE,
                            action_field_id=fields["Umwelt"].id),
    )  # fmt: skip
    assert (first.code, second.code) == ("E-2026-01", "E-2026-02")
    # Without a project given, the item's project is taken (and its action field).
    assert first.project_id == spring.project_id and first.text == HOSTILE
    assert second.action_field_id == fields["Umwelt"].id
    assert first.adopted_on.isoformat() == "2026-03-10"
    earlier = held_meeting(database, council.id, members, starts_at=datetime(2025, 11, 11, 16, 0))
    assert (
        service.adopt_recommendation(earlier.item_ids[1], RecommendationDraft("Im Vorjahr")).code
        == "E-2025-01"
    )
    # Another council's codes do not count.
    other = settings_service.create_council(CouncilSettings(None, "Anderer Rat", "Wismar"))
    with database.transaction() as session:
        session.add(
            models.Recommendation(
                council_id=other.id, code="E-2026-05", title="x", adopted_on=date(2026, 1, 1)
            )
        )
    assert (
        service.adopt_recommendation(spring.item_ids[1], RecommendationDraft("Dritte")).code
        == "E-2026-03"
    )
    item = service.minutes(spring.meeting_id).item(spring.item_ids[2])
    assert [r.code for r in item.recommendations] == ["E-2026-01", "E-2026-02"]
    assert not item.lacks_content


def test_a_recommendation_needs_a_title_and_a_project_of_the_council(
    service, database, council, members
) -> None:
    held = held_meeting(database, council.id, members)
    with pytest.raises(ValidationError) as caught:
        service.adopt_recommendation(held.item_ids[1], RecommendationDraft("  "))
    assert caught.value.message == "Bitte geben Sie der Empfehlung einen Titel."
    with pytest.raises(ValidationError):
        service.adopt_recommendation(held.item_ids[1], RecommendationDraft("x", project_id=999_999))


def test_no_project_chosen_by_the_user_is_not_replaced_by_the_items(
    service, database, council, members
) -> None:
    held = held_meeting(database, council.id, members, partners=("Stadtwerke",), project_item=1)
    assert held.project_id is not None

    taken = service.adopt_recommendation(held.item_ids[1], RecommendationDraft("Vom TOP"))
    chosen = service.adopt_recommendation(
        held.item_ids[1], RecommendationDraft("Ohne Projekt", project_chosen=True)
    )

    assert (taken.project_id, chosen.project_id) == (held.project_id, None)


def test_a_code_taken_out_of_the_minutes_is_not_handed_out_again(
    service, database, council, members
) -> None:
    """E-2026-01 may already stand in a circulated draft: the next one is E-2026-02."""
    held = held_meeting(database, council.id, members)
    removed = service.adopt_recommendation(held.item_ids[1], RecommendationDraft("Verworfen"))
    service.remove_recommendation(removed.id, removed.version)

    again = service.adopt_recommendation(held.item_ids[1], RecommendationDraft("Neu"))

    assert (removed.code, again.code) == ("E-2026-01", "E-2026-02")


def test_a_code_taken_out_stays_retired_without_reading_the_audit_trail(
    service, database, council, members
) -> None:
    """A new code read the before-state of every update of every recommendation in the
    audit trail (slow once the trail is long); the retired codes have a table of their own."""
    held = held_meeting(database, council.id, members)
    removed = service.adopt_recommendation(held.item_ids[1], RecommendationDraft("Verworfen"))
    service.remove_recommendation(removed.id, removed.version)
    with database.transaction() as session:
        session.query(models.AuditEntry).delete()  # the next code does not look there

    again = service.adopt_recommendation(held.item_ids[1], RecommendationDraft("Neu"))

    assert again.code == "E-2026-02"
    with database.reading() as session:
        retired = session.query(models.RetiredRecommendationCode).all()
        assert [(r.council_id, r.code) for r in retired] == [(council.id, "E-2026-01")]


def test_the_register_corrects_and_the_minutes_remove_one_while_only_adopted(
    service, database, council, members, actor
) -> None:
    held = held_meeting(database, council.id, members)
    adopted = service.adopt_recommendation(held.item_ids[1], RecommendationDraft("Alt"))
    register = RecommendationsService(database, actor)
    changed = register.update(
        adopted.id, adopted.version, RecommendationContent("Neu", "Text"), date(2026, 3, 11)
    ).row
    assert (changed.code, changed.title) == ("E-2026-01", "Neu")
    shown = service.minutes(held.meeting_id).item(held.item_ids[1]).recommendations
    assert [(r.code, r.title, r.text) for r in shown] == [("E-2026-01", "Neu", "Text")]
    with pytest.raises(ConcurrentEditError):
        service.remove_recommendation(adopted.id, adopted.version)
    sent = service.adopt_recommendation(held.item_ids[1], RecommendationDraft("Versandt"))
    with database.transaction() as session:
        row = session.get(models.Recommendation, sent.id)
        row.status = RecommendationStatus.SENT.value
        version = row.version + 1
    with pytest.raises(InUseError) as caught:
        service.remove_recommendation(sent.id, version)
    assert "E-2026-02 ist bereits „übermittelt“" in caught.value.message
    service.remove_recommendation(changed.id, changed.version)
    assert [
        r.code for r in service.minutes(held.meeting_id).item(held.item_ids[1]).recommendations
    ] == ["E-2026-02"]


def _on(meeting, day: date):
    """``meeting``'s draft moved to ``day`` at the same time."""
    draft = meeting.draft()
    start = draft.start.replace(year=day.year, month=day.month, day=day.day)
    return replace(draft, start=start, end=start + (draft.end - draft.start))


def test_a_held_meeting_moved_to_another_year_takes_its_recommendations_along(
    service, database, council, members, actor
) -> None:
    """(found by a tester) a held meeting whose date was corrected from 18.12.2025 to
    15.01.2026 left its recommendations adopted on 18.12.2025 with codes E-2025-…: the
    register, the Tätigkeitsbericht and the minutes disagreed on when they were adopted."""
    held = held_meeting(database, council.id, members, starts_at=datetime(2025, 12, 18, 16, 0))
    first = service.adopt_recommendation(held.item_ids[1], RecommendationDraft("Offene Daten"))
    sent = service.adopt_recommendation(held.item_ids[1], RecommendationDraft("Versandt"))
    assert (first.code, sent.code) == ("E-2025-01", "E-2025-02")
    register = RecommendationsService(database, actor)
    register.send(sent.id, register.get(sent.id).row.version, date(2026, 1, 20))
    meetings = MeetingsService(database, actor)
    meeting = meetings.get(held.meeting_id)

    with pytest.raises(
        ValidationError, match=r"E-2025-02 aus dieser Sitzung wurde am 20\.01\.2026"
    ):
        meetings.update(meeting.id, meeting.version, _on(meeting, date(2026, 1, 22)))
    assert register.get(first.id).row.adopted_on == date(2025, 12, 18)  # nothing changed
    meetings.update(meeting.id, meeting.version, _on(meeting, date(2026, 1, 15)))

    moved, kept = register.get(first.id), register.get(sent.id)
    assert (moved.row.code, moved.row.adopted_on) == ("E-2026-01", date(2026, 1, 15))
    assert (kept.row.code, kept.row.adopted_on) == ("E-2025-02", date(2026, 1, 15))  # sent
    assert moved.history[-1].note == (
        "Beschlossen am 15.01.2026 statt 18.12.2025 (Sitzung verlegt); neue Kennung E-2026-01 "
        "(bisher E-2025-01)"
    )
    assert [r.code for r in register.list(council.id, RecommendationFilter(year=2026))] == [
        "E-2025-02",
        "E-2026-01",
    ]
    assert register.list(council.id, RecommendationFilter(year=2025)) == []
    shown = service.minutes(held.meeting_id).item(held.item_ids[1]).recommendations
    assert {(r.code, r.adopted_on) for r in shown} == {
        ("E-2026-01", date(2026, 1, 15)),
        ("E-2025-02", date(2026, 1, 15)),
    }
