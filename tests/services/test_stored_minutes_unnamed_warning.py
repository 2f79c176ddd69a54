"""The completeness check of stored minutes warns where a public item's text names a member
who has not agreed to the publication of the name (not a non-public item's); the warning
does not keep the minutes from being complete."""

from __future__ import annotations

import pytest
from held_meeting import held_meeting
from minutes_rows import NAMES
from test_minutes_checklist_service import complete

from expertenrat.domain.minutes import ItemTexts
from expertenrat.domain.minutes_checklist_lines import ChecklistTarget
from expertenrat.services.minutes import MinutesService
from expertenrat.store import models


@pytest.fixture
def service(database, actor) -> MinutesService:
    return MinutesService(database, actor)


@pytest.fixture
def held(database, members_service, council, new_member, today):
    """Held, every member present; nobody agreed to the publication of the name."""
    nine = [members_service.save(council.id, new_member("Anna", n), today).id for n in NAMES]
    held = held_meeting(database, council.id, nine)
    return held, nine[0]


def _warnings(service, meeting_id) -> list[tuple[str, ChecklistTarget]]:
    checklist = service.checklist(meeting_id)
    assert checklist.complete
    return [(li.text, li.target) for li in checklist.lines if li.key == "unnamed_named"]


def _say(service, meeting_id: int, texts: dict[int, str]) -> None:
    """Save ``texts`` (by item id) as the discussion of the items."""
    for item in service.minutes(meeting_id).items:
        if item.item_id in texts:
            service.save_item(item.item_id, ItemTexts(texts[item.item_id]), item.version, "s")


def test_a_public_item_naming_a_member_is_a_warning_a_non_public_one_is_not(
    service, database, held
) -> None:
    held, chair = held
    complete(service, held.meeting_id, chair)
    _opening, report, consultation, _misc = held.item_ids
    with database.transaction() as session:
        session.get(models.AgendaItem, consultation).public = False
    _say(service, held.meeting_id, {report: "Frau DAHL berichtet.", consultation: "Frau Dahl."})

    assert _warnings(service, held.meeting_id) == [
        (
            "Im öffentlichen Text von TOP 2 steht der Name von Anna Dahl, der nicht genannt "
            "werden darf.",
            ChecklistTarget("discussion", report),
        )
    ]
    with database.transaction() as session:
        session.query(models.Person).filter_by(family_name="Dahl").one().publish_name = True
    assert _warnings(service, held.meeting_id) == []
