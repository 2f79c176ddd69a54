"""(found by a tester) Minutes approved before schema 0012 kept no PDF, and before the
approving meeting was recorded (as the demo of version 0006 made them) know no approving
meeting: a database upgraded from then renders them with "Genehmigt am 15.04.2025.",
where the PDF said "Genehmigt am 15.04.2025 in der Sitzung."."""

from __future__ import annotations

from sqlalchemy import select, update

from expertenrat.domain.enums import MinutesState
from expertenrat.services.context import Services
from expertenrat.store import models


def test_minutes_approved_in_no_known_meeting_name_the_day_alone(demo_database):
    with demo_database.transaction() as session:
        version = session.scalars(
            select(models.MinutesVersion)
            .where(models.MinutesVersion.state == MinutesState.APPROVED.value)
            .order_by(models.MinutesVersion.id)
            .limit(1)
        ).one()
        meeting_id, approved_on = version.meeting_id, version.approved_on
        session.execute(
            update(models.MinutesVersion)
            .where(models.MinutesVersion.id == version.id)
            .values(approved_in_meeting_id=None, pdf=None, public_pdf=None, document=None)
        )

    document = Services(demo_database, "test").minutes_documents.document(meeting_id)

    assert document.approval is not None
    assert document.approval.statement == f"Genehmigt am {approved_on:%d.%m.%Y}."
