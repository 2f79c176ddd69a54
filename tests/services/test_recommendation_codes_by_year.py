"""The code of a recommendation follows the year of its adoption (SQLite and PostgreSQL): a
draft of December adopted in January gets the next code of the new year, its old code is
never handed out again, a code that went out is never changed; the register, the annual
report and the Übersicht count a recommendation in the year it was adopted."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select, update

from expertenrat.domain.errors import ValidationError
from expertenrat.domain.recommendation_codes import register_year, renumbered_on_adoption
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.services.annual_report import AnnualReportService
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.overview import OverviewService
from expertenrat.services.recommendation_records import renumber_on_adoption
from expertenrat.services.recommendations import RecommendationsService
from expertenrat.store import models

TODAY = date(2026, 6, 1)


def _content(title: str = "Offene Schnittstellen") -> RecommendationContent:
    return RecommendationContent(title=title, text="Bitte offen.")


def _codes(register, council, **wanted) -> list[str]:
    return [r.code for r in register.list(council.id, RecommendationFilter(**wanted), today=TODAY)]


def test_a_draft_adopted_in_a_later_year_gets_the_next_code_of_that_year(database, actor, council):
    register = RecommendationsService(database, actor)
    register.create(council.id, _content(), date(2025, 11, 3), adopted=True)  # E-2025-01
    draft = register.create(council.id, _content("Entwurf"), date(2025, 12, 10)).row
    register.create(council.id, _content(), date(2026, 1, 20), adopted=True)  # E-2026-01
    assert draft.code == "E-2025-02"

    adopted = register.adopt(draft.id, draft.version, date(2026, 2, 4), "im Umlauf")

    assert (adopted.row.code, adopted.row.adopted_on) == ("E-2026-02", date(2026, 2, 4))
    assert adopted.history[-1].note == (
        "im Umlauf – Neue Kennung E-2026-02 (bisher E-2025-02), nach dem Jahr des Beschlusses"
    )
    # The code it left is never handed out again (it stood in the register as a draft),
    # retired in a table of its own rather than read back from the audit trail.
    with database.reading() as session:
        assert session.scalars(select(models.RetiredRecommendationCode.code)).all() == ["E-2025-02"]
    later = register.create(council.id, _content(), date(2025, 12, 30), adopted=True)
    assert later.row.code == "E-2025-03"
    assert _codes(register, council, year=2025) == ["E-2025-01", "E-2025-03"]
    assert _codes(register, council, year=2026) == ["E-2026-01", "E-2026-02"]
    (entry,) = [
        e
        for e in AuditService(database).entries("recommendation", draft.id)
        if "E-2025-02 → E-2026-02" in e.summary
    ]
    assert entry.summary == "Empfehlung E-2025-02 → E-2026-02: Entwurf → beschlossen"


def test_a_draft_adopted_in_its_own_year_keeps_its_code(database, actor, council):
    register = RecommendationsService(database, actor)
    draft = register.create(council.id, _content(), date(2026, 1, 5)).row

    adopted = register.adopt(draft.id, draft.version, date(2026, 3, 1))

    assert adopted.row.code == draft.code == "E-2026-01"
    assert adopted.history[-1].note == ""


def test_a_code_that_went_out_is_never_renumbered(database, actor, council):
    """Sent to a project (only possible in data from before the rule, or by a slip):
    the project quotes that code."""
    row = models.Recommendation(
        council_id=council.id, code="E-2025-04", sent_on=date(2026, 1, 9), status="draft"
    )
    with database.reading() as session:
        assert renumber_on_adoption(session, row, date(2026, 1, 9)) is None
    assert row.code == "E-2025-04"
    assert renumbered_on_adoption("E-2025-04", date(2026, 1, 9))
    assert not renumbered_on_adoption("E-2026-04", date(2026, 1, 9))


def test_register_annual_report_and_overview_count_a_code_of_another_year_alike(
    database, actor, council
):
    """A recommendation adopted in 2026 that kept its code E-2025-… (stored before the
    rule, and sent: it keeps it) counts in 2026 everywhere, as it was adopted then."""
    register = RecommendationsService(database, actor)
    made = register.create(council.id, _content("Aus dem Vorjahr"), date(2026, 1, 15), adopted=True)
    sent = register.send(made.row.id, made.row.version, date(2026, 1, 20)).row
    with database.transaction() as session:
        session.execute(
            update(models.Recommendation)
            .where(models.Recommendation.id == sent.id)
            .values(code="E-2025-09")
        )
    draft = register.create(council.id, _content("Noch Entwurf"), date(2025, 12, 1)).row

    assert _codes(register, council, year=2026) == ["E-2025-09"]
    assert _codes(register, council, year=2025) == [draft.code]
    (row,) = [r for r in register.list(council.id, today=TODAY) if r.code == "E-2025-09"]
    assert row.year == 2026 == register_year(row.code, row.adopted_on)
    report = AnnualReportService(database).report(council.id, 2026, TODAY)
    assert [line.row.code for part in report.recommendations for line in part.lines] == [
        "E-2025-09"
    ]
    assert AnnualReportService(database).report(council.id, 2025, TODAY).recommendation_count == 0
    overview = OverviewService(database).overview(council.id, TODAY)
    assert sum(f.recommendations for f in overview.fields_this_year) == 1


def test_a_council_gives_its_codes_its_own_prefix_and_goes_on_counting(
    database, actor, council, settings_service
):
    """Görlitz's Digitalbeirat wants "DB-2026-01" (and its Jugendbeirat beside it its own):
    every council's codes were "E-…", with no setting (found by a tester). A prefix
    changed in the year goes on counting; codes given stay, the search finds them all."""
    register = RecommendationsService(database, actor)
    register.create(council.id, _content(), date(2026, 1, 20), adopted=True)  # E-2026-01
    settings_service.update_settings(replace(council, recommendation_prefix="db"))

    draft = register.create(council.id, _content("Entwurf"), date(2026, 2, 3)).row
    adopted = register.create(council.id, _content(), date(2026, 2, 4), adopted=True).row

    assert settings_service.settings(council.id).recommendation_prefix == "DB"
    assert (draft.code, adopted.code) == ("DB-2026-02", "DB-2026-03")
    assert _codes(register, council, year=2026) == ["E-2026-01", "DB-2026-02", "DB-2026-03"]
    assert _codes(register, council, search="db-2026-3") == ["DB-2026-03"]
    assert _codes(register, council, search="E-2026-1") == ["E-2026-01"]


def test_a_prefix_other_than_capitals_and_digits_is_refused(settings_service, council):
    with pytest.raises(ValidationError) as refused:
        settings_service.update_settings(replace(council, recommendation_prefix="D-B"))
    assert [p.field for p in refused.value.problems] == ["recommendation_prefix"]
