"""(found by a tester) Approved public minutes whose typed text names a member who withdrew
consent to the publication of the name afterwards: the PDF made anew unnames the member
only where the program prints the name, so exporting it warns, alone and in the OParl
export, as exporting the public minutes does before the approval."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from expertenrat.domain.enums import MemberRole
from expertenrat.services.context import Services
from expertenrat.store import models


def _first_meeting(database, council_id: int) -> int:
    with database.reading() as session:
        return session.scalar(
            select(models.Meeting.id).where(
                models.Meeting.council_id == council_id, models.Meeting.number == 1
            )
        )


def _withdraw_the_chairs_consent(services: Services, today) -> tuple[int, str]:
    """The demo's TOP 1 texts say "<chair> eröffnet die Sitzung …"; the chair withdraws."""
    council_id = services.settings.councils()[0].id
    chair = next(m for m in services.members.members(council_id) if m.role is MemberRole.CHAIR)
    services.members.save(
        council_id, replace(chair, publish_name=False, publish_name_on=None), today
    )
    return council_id, chair.full_name


def test_exporting_approved_public_minutes_warns_of_a_name_left_in_a_typed_text(
    demo_database, actor, today
):
    services = Services.create(demo_database, actor)
    council_id = services.settings.councils()[0].id
    meeting_id = _first_meeting(demo_database, council_id)
    assert services.minutes_documents.minutes(meeting_id, public=True).rendered.warnings == ()

    _, chair = _withdraw_the_chairs_consent(services, today)

    exported = services.minutes_documents.minutes(meeting_id, public=True)
    assert exported.approved
    assert exported.rendered.warnings == (
        f"Im öffentlichen Text von TOP 1 steht der Name von {chair}, der nicht genannt "
        "werden darf.",
    )
    assert services.minutes_documents.minutes(meeting_id).rendered.warnings == ()  # the full


def test_the_oparl_export_names_each_published_minutes_that_still_name_the_member(
    demo_database, actor, today, tmp_path
):
    services = Services.create(demo_database, actor)
    base = "https://daten.example.de/oparl/v1"
    assert services.oparl_export.export(tmp_path / "vorher", base).warnings == ()

    _, chair = _withdraw_the_chairs_consent(services, today)

    warnings = services.oparl_export.export(tmp_path / "nachher", base).warnings
    assert warnings and all(
        w.startswith("Protokoll der ")
        and w.endswith(
            f"(Smart City Expert*innenrat): Im öffentlichen Text von TOP 1 steht der Name von "
            f"{chair}, der nicht genannt werden darf."
        )
        for w in warnings
    )
    assert warnings[0].startswith("Protokoll der 1. Sitzung am ")
