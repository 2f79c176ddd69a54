"""Migration 0039 on SQLite and PostgreSQL: the table of written procedures
(Umlaufverfahren) comes, recommendations stay as they were; downgrading drops it."""

from __future__ import annotations

from sqlalchemy import inspect

from expertenrat.store import migrate


def test_0039_adds_written_procedures_and_downgrades(engine_at):
    url, engine = engine_at("0038")
    with engine.connect() as connection:
        assert "written_procedures" not in inspect(connection).get_table_names()

    migrate.upgrade(url, "0039")

    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("written_procedures")}
        foreign = {
            tuple(f["constrained_columns"]): (f["referred_table"], f["options"].get("ondelete"))
            for f in inspect(connection).get_foreign_keys("written_procedures")
        }
    assert columns == {
        "id", "recommendation_id", "sent_on", "deadline_on", "member_count", "yes_votes",
        "no_votes", "abstentions", "recusals", "reported_item_id",
    }  # fmt: skip
    assert foreign == {
        ("recommendation_id",): ("recommendations", "CASCADE"),
        ("reported_item_id",): ("agenda_items", "SET NULL"),
    }

    migrate.downgrade(url, "0038")

    with engine.connect() as connection:
        assert "written_procedures" not in inspect(connection).get_table_names()
        assert migrate.current_revision(connection) == "0038"
    migrate.upgrade(url)
