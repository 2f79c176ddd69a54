"""The services are made on first use: each one can be made, and only once."""

from __future__ import annotations

from expertenrat.services.context import Services
from expertenrat.services.lazy_services import LazyService
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url


def test_every_service_is_made_on_first_use_and_kept(tmp_path) -> None:
    database = open_database(database_url(str(tmp_path / "services.db")))
    try:
        services = Services.create(database, "test")
        names = [
            name
            for kind in Services.__mro__
            for name, value in vars(kind).items()
            if isinstance(value, LazyService)
        ]
        assert {"minutes_approval", "council_search"} <= set(names) and len(names) >= 29
        for name in names:
            assert getattr(services, name) is getattr(services, name)
        assert services.minutes_documents._meeting_documents is services.meeting_documents
    finally:
        database.close()
