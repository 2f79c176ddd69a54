"""Codes under concurrent creation: two PCs (two Database objects, two connections) creating
recommendations at the same time never hand out the same code, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import date

from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.services.recommendations import RecommendationsService
from expertenrat.store.database_opening import open_database

PER_PC = 6


def test_two_pcs_creating_at_once_never_share_a_code(database, council):
    other = open_database(database.url)
    start = threading.Barrier(2)
    made: list[str] = []
    failures: list[BaseException] = []

    def create_on(db, pc: str) -> None:
        register = RecommendationsService(db, pc)
        start.wait()
        for n in range(PER_PC):
            try:
                content = RecommendationContent(f"{pc} {n}")
                detail = register.create(council.id, content, date(2026, 5, 4), adopted=True)
                made.append(detail.row.code)
            except BaseException as error:  # handed to the test thread
                failures.append(error)

    threads = [
        threading.Thread(target=create_on, args=(db, pc))
        for db, pc in ((database, "PC 1"), (other, "PC 2"))
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        other.close()

    assert failures == []
    assert sorted(made) == [f"E-2026-{n:02d}" for n in range(1, 2 * PER_PC + 1)]
    stored = RecommendationsService(database, "test").list(council.id)
    assert sorted(r.code for r in stored) == sorted(made)
