"""(found by a tester) The Tätigkeitsbericht (public) and a recommendations report not
marked internal print the recommendations' titles; one that names a member who has not
agreed to the publication of the name went out without a word, where the OParl export and
the open data warn of it. On the demo, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.services.context import Services
from expertenrat.services.minutes_assembly import unnamed_persons
from expertenrat.store import models

TODAY = date(2026, 11, 27)  # the demo's day


@pytest.fixture
def services(demo_database) -> Services:
    return Services.create(demo_database, "tester")


def _naming(services: Services, council_id: int):
    """A recommendation adopted in 2026 in a public agenda item, its title now naming a
    member without consent to the name; with the warning expected of it."""
    with services.database.transaction() as session:
        (member, *_) = unnamed_persons(session, council_id)
        row = session.scalars(
            select(models.Recommendation)
            .join(
                models.AgendaItem,
                models.AgendaItem.id == models.Recommendation.origin_agenda_item_id,
            )
            .where(
                models.Recommendation.council_id == council_id,
                models.AgendaItem.public.is_(True),
                models.Recommendation.adopted_on >= date(2026, 1, 1),
            )
            .order_by(models.Recommendation.id)
        ).first()
        row.title = f"Lizenzprüfung durch {member.family_name.upper()} abschließen"
        code, kind = row.code, row.kind
    recommendation = next(
        r for r in services.recommendations.list(council_id, today=TODAY) if r.code == code
    )
    assert recommendation.kind.value == kind
    return recommendation, (
        f"{recommendation.kind.label} {code}: Im veröffentlichten Titel steht der Name von "
        f"{member.name}, der nicht genannt werden darf."
    )


def test_the_annual_report_warns_of_a_title_naming_a_member_without_consent(services):
    council_id = services.settings.councils()[0].id
    before = services.annual_report.report_pdf(council_id, 2026, TODAY).warnings
    _recommendation, warning = _naming(services, council_id)

    rendered = services.annual_report.report_pdf(council_id, 2026, TODAY)

    assert warning not in before and warning in rendered.warnings
    assert services.annual_report.report_pdf(council_id, 2025, TODAY).warnings == ()


def test_a_public_recommendations_report_warns_of_it_an_internal_one_not(services):
    council_id = services.settings.councils()[0].id
    recommendation, warning = _naming(services, council_id)
    report = services.recommendations_report

    public = report.report_pdf(council_id, RecommendationFilter(search="Lizenzprüfung"), TODAY)
    internal = report.report_pdf(council_id, today=TODAY)  # holds non-public ones

    assert recommendation.code in " ".join(public.warnings)
    assert warning in public.warnings
    assert warning not in internal.warnings
