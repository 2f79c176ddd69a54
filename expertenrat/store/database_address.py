"""A database's address as the user knows it (:func:`describe`), and the check that it is
a place to keep data at all (:func:`check_url`)."""

from __future__ import annotations

from sqlalchemy import exc
from sqlalchemy.engine import URL

from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.store.engine import sqlite_file
from expertenrat.store.server_password import without_password


def describe(url: URL) -> str:
    """Where the data lives, for messages, as the user knows it: the file's path, or the
    server's address without the driver and never with a password, nor the client key's
    (``postgresql://rat@db.stadt.de:5432/expertenrat``)."""
    path = sqlite_file(url)
    if path is not None:
        return str(path)
    shown = without_password(url).set(drivername=url.get_backend_name())
    return shown.render_as_string(hide_password=False)


def check_url(url: URL) -> None:
    """Refuse what is no place to keep data: other systems, missing drivers, memory."""
    backend = url.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseUnusableError(
            f"Datenbanken vom Typ „{backend}“ unterstützt Expertenrat nicht. Möglich sind eine "
            "SQLite-Datei (ein Dateiname) oder ein PostgreSQL-Server (postgresql://…)."
        )
    if backend == "sqlite" and sqlite_file(url) is None:
        raise DatabaseUnusableError(
            "Eine Datenbank nur im Arbeitsspeicher (:memory:) ist nicht möglich: alle Daten "
            "wären beim Beenden verloren. Bitte geben Sie eine Datei an."
        )
    try:
        dialect = url.get_dialect()
        dialect.import_dbapi()
    except (exc.NoSuchModuleError, ImportError):
        raise DatabaseUnusableError(
            f"Der Datenbanktreiber „{url.get_driver_name()}“ ist nicht installiert. Bitte "
            "verwenden Sie eine Adresse, die mit postgresql:// beginnt."
        ) from None
    if dialect.is_async:
        raise DatabaseUnusableError(
            f"Der Datenbanktreiber „{url.get_driver_name()}“ wird nicht unterstützt. Bitte "
            "verwenden Sie eine Adresse, die mit postgresql:// beginnt."
        )
