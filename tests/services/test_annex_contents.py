"""The Auskunft and the integrity check read the annexes' bytes a chunk at a time, not one
statement per annex (found by a helper: 333 statements on ten years' data, a round trip
each to a server), nor all at once (an annex may hold 50 MB)."""

from __future__ import annotations

from client_statements import recorded_statements
from disclosure_lookup import person_number
from sqlalchemy import func, select

from expertenrat.services.annex_contents import chunks
from expertenrat.services.context import Services
from expertenrat.store.models import StoredFile

_MB = 1024 * 1024


def test_chunks_keep_the_order_and_stay_under_the_budget():
    sizes = [(1, 10 * _MB), (2, 20 * _MB), (3, 5 * _MB), (4, 60 * _MB), (5, 1), (6, 1)]

    assert list(chunks(sizes, budget=32 * _MB, most=64)) == [[1, 2], [3], [4], [5, 6]]
    assert list(chunks([(i, 1) for i in range(5)], budget=_MB, most=2)) == [[0, 1], [2, 3], [4]]
    assert list(chunks([])) == []


def _contents_read(statements: list[str]) -> int:
    return sum("files.content" in s and s.lstrip().startswith("SELECT") for s in statements)


def test_the_auskunft_and_the_check_read_every_annex_in_one_statement(demo_database, today):
    services = Services.create(demo_database, "Geschäftsstelle")
    with demo_database.transaction() as session:
        annexes = session.scalar(
            select(func.count(StoredFile.id)).where(StoredFile.meeting_id.is_not(None))
        )
    assert annexes > 2
    service = services.person_disclosure
    person = person_number(service, "Behrens")

    with recorded_statements(demo_database.engine) as statements:
        service.disclosure(person, today)
    assert _contents_read(statements) == 1

    with recorded_statements(demo_database.engine) as statements:
        assert services.integrity.check() == []
    assert _contents_read(statements) == 1
