"""A creating command (``demo``, ``import settings --new``) on an empty PostgreSQL database
that fails, or is stopped with Ctrl+C, leaves it as empty as it found it: the schema is
made in the transaction of the data, so it goes with it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, text

from expertenrat.__main__ import main
from expertenrat.domain.council_transfer import settings_document
from expertenrat.domain.council_transfer_format import CouncilTemplate
from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.errors import ExpertenratError
from expertenrat.services import council_transfer, demo
from expertenrat.store import migrate, schema_revisions

WISMAR = CouncilTemplate(CouncilSettings(id=None, name="Digitalbeirat", city="Wismar"))


def _objects(url) -> list[str]:
    """Everything in the database's own schema: tables, sequences, indexes, functions."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return list(
                connection.scalars(
                    text(
                        "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace "
                        "UNION ALL "
                        "SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace"
                    )
                )
            )
    finally:
        engine.dispose()


def _address(url) -> str:
    return url.render_as_string(hide_password=False)


@pytest.fixture
def settings_file(tmp_path):
    path = tmp_path / "wismar.json"
    path.write_bytes(settings_document(WISMAR, datetime.now(UTC), "test"))
    return path


def test_demo_failing_in_its_data_leaves_the_server_database_empty(
    empty_postgres_url, monkeypatch, capsys
):
    def failing(self) -> None:  # the last step of the demo, after every other council
        raise ExpertenratError("Die Demodaten sind unvollständig.")

    monkeypatch.setattr(demo._Builder, "transferred_council", failing)

    assert main(["--database", _address(empty_postgres_url), "demo"]) == 1

    assert "Die Demodaten sind unvollständig." in capsys.readouterr().err
    assert _objects(empty_postgres_url) == []


def test_import_settings_new_failing_after_the_schema_leaves_the_server_database_empty(
    empty_postgres_url, settings_file, monkeypatch, capsys
):
    def failing(session, actor, council_id, chosen) -> None:  # the council is written
        raise ExpertenratError("Die Textbausteine passen nicht.")

    monkeypatch.setattr(council_transfer, "replace_phrases", failing)
    address = _address(empty_postgres_url)

    assert main(["--database", address, "import", "settings", str(settings_file), "--new"]) == 1

    assert "Die Textbausteine passen nicht." in capsys.readouterr().err
    assert _objects(empty_postgres_url) == []


def test_ctrl_c_between_the_schema_and_the_data_leaves_the_server_database_empty(
    empty_postgres_url, monkeypatch, capsys
):
    upgrade_within = migrate.upgrade_within

    def interrupted(connection) -> None:
        upgrade_within(connection)  # the schema is made, then the user presses Ctrl+C
        raise KeyboardInterrupt

    monkeypatch.setattr(migrate, "upgrade_within", interrupted)

    assert main(["--database", _address(empty_postgres_url), "demo"]) == 130

    assert capsys.readouterr().err.strip() == "expertenrat: Abgebrochen."
    assert _objects(empty_postgres_url) == []


def test_the_next_attempt_creates_the_schema_and_the_data(
    empty_postgres_url, settings_file, monkeypatch, capsys
):
    address = _address(empty_postgres_url)
    with monkeypatch.context() as patch:
        patch.setattr(demo._Builder, "transferred_council", lambda self: 1 / 0)
        with pytest.raises(ZeroDivisionError):  # a bug: raised as it is
            main(["--database", address, "demo"])
    assert _objects(empty_postgres_url) == []

    assert main(["--database", address, "import", "settings", str(settings_file), "--new"]) == 0

    assert "Gremium Nr. 1 „Digitalbeirat“" in capsys.readouterr().out
    engine = create_engine(empty_postgres_url)
    try:
        with engine.connect() as connection:
            assert migrate.current_revision(connection) == schema_revisions.head_revision()
            assert connection.scalar(text("SELECT name FROM councils")) == "Digitalbeirat"
    finally:
        engine.dispose()
