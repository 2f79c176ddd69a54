"""Migration 0010 on SQLite and PostgreSQL: every council gets the standard agenda templates."""

from __future__ import annotations

import pytest
from old_schema import add_row
from sqlalchemy import exc, select

from expertenrat.domain.agenda_templates import STANDARD_TEMPLATES
from expertenrat.store import migrate, models

TEMPLATES = models.AgendaTemplate.__table__


def test_0010_seeds_each_council_and_downgrades(engine_at):
    url, engine = engine_at("0009")
    with engine.begin() as connection:
        first = add_row(connection, "councils", name="Rat & <Co>", city="Rostock")
        second = add_row(connection, "councils", name="Beirat", city="Güstrow")

    migrate.upgrade(url)

    with engine.connect() as connection:
        rows = connection.execute(
            select(TEMPLATES.c.council_id, TEMPLATES.c.title, TEMPLATES.c.kind,
                   TEMPLATES.c.public, TEMPLATES.c.planned_minutes)
            .order_by(TEMPLATES.c.council_id, TEMPLATES.c.position)
        ).all()  # fmt: skip
    expected = [(t.title, t.kind.value, t.public, t.planned_minutes) for t in STANDARD_TEMPLATES]
    assert [tuple(r[1:]) for r in rows if r[0] == first] == expected
    assert [tuple(r[1:]) for r in rows if r[0] == second] == expected

    with pytest.raises(exc.IntegrityError), engine.begin() as connection:
        add_row(connection, "agenda_templates", council_id=first, position=9, title="X",
                kind="party", public=True, planned_minutes=0, version=1)  # fmt: skip

    migrate.downgrade(url, "0009")
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == "0009"
        assert connection.execute(select(models.Council.id)).scalars().all() == [
            first, second,
        ]  # fmt: skip
