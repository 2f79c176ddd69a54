"""Which database this PC opens: ``--database`` (or the environment variable), else the
address stored on this PC (``datenbank.json`` in the user's config folder: a server's, or a
SQLite file chosen on the window's start page), else the SQLite file in the user's data
folder.

The stored address never holds the password (see :mod:`expertenrat.store.server_password`).
Window and command line read the same file, so a PC that moved to a server uses it in both.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from pathlib import Path

from sqlalchemy.engine import URL

from expertenrat.domain.errors import ExpertenratError, os_error_detail, os_error_text
from expertenrat.paths import default_database_file, local_config_dir, user_config_dir
from expertenrat.store.engine import database_url, sqlite_file
from expertenrat.store.server_password import with_saved_password, without_password

log = logging.getLogger(__name__)

LOCATION_FILE = "datenbank.json"


def location_file() -> Path:
    """``datenbank.json``; one an earlier version kept in :func:`local_config_dir` (on
    Windows) is brought over first, so that the PC keeps its server after the update. Its
    bytes as they are: one saved by hand in Windows' own encoding is no UTF-8, and read as
    text it raised at every start (found by review); it is read as any file that cannot be
    read (:func:`unreadable_location_file`)."""
    path = user_config_dir() / LOCATION_FILE
    earlier = local_config_dir() / LOCATION_FILE
    if earlier != path and not path.exists():
        with contextlib.suppress(OSError):  # none there (the rule), or not movable: as before
            _write(path, earlier.read_bytes())
            earlier.unlink()
    return path


def set_aside_earlier_choice() -> str | None:
    """This PC's ``datenbank.json`` of an earlier version where the roaming one was there
    before it (brought over from another PC): it is removed, and the address it held
    returned ("" for the default file) where that differs from the roaming one's, else
    ``None``. Passed over, it changed this PC's database without a word (found by
    review)."""
    path = location_file()
    earlier = local_config_dir() / LOCATION_FILE
    if earlier == path:
        return None
    try:
        value = json.loads(earlier.read_text("utf-8")).get("url")
    except FileNotFoundError:
        return None
    except (OSError, ValueError, AttributeError):  # unreadable: no choice to tell of
        value = None
    with contextlib.suppress(OSError):  # not removable: told again at the next start
        earlier.unlink()
    address = value if isinstance(value, str) and value.strip() else ""
    return None if _same_address(address, stored_address() or "") else address


def _same_address(one: str, other: str) -> bool:
    """Whether the stored addresses ``one`` and ``other`` ("": the default file) name the
    same database (one stored by a version that wrote no driver, too)."""

    def url(address: str) -> URL:
        return database_url(address or str(default_database_file()))

    try:
        return url(one) == url(other)
    except ExpertenratError:  # edited by hand into no address at all
        return one == other


def stored_address() -> str | None:
    """The server address stored on this PC (without password), or ``None``."""
    value = _stored_value()
    return value if isinstance(value, str) and value.strip() else None


def stored_file_missing() -> Path | None:
    """The SQLite file stored as the choice where it is not on this PC, else ``None``.
    ``datenbank.json`` roams with a Windows profile (see :func:`user_config_dir`): a file
    chosen on another PC (``D:\\Rat\\rat.db``) or on a network drive not connected here
    is missing, and created in its place it splits the council's data under one name
    (found by review). This PC's default file is its own: missing, it is new."""
    stored = stored_address()
    try:
        url = database_url(stored) if stored else None
    except ExpertenratError:  # edited by hand into no address: the opening says why
        return None
    file = sqlite_file(url) if url is not None else None
    if file is None or url == database_url(str(default_database_file())):
        return None
    try:
        return None if file.exists() else file
    except OSError:  # there but not to be looked at: the opening says why
        return None


def unreadable_location_file() -> Path | None:
    """``datenbank.json`` where it is there but cannot be read (cut off, edited by hand):
    :func:`stored_address` passes it over for the default file."""
    return location_file() if _stored_value() is _UNREADABLE else None


_UNREADABLE = object()


def _stored_value() -> object:
    """The "url" of ``datenbank.json``: ``None`` without the file, ``_UNREADABLE``."""
    path = location_file()
    try:
        return json.loads(path.read_text("utf-8")).get("url")
    except FileNotFoundError:
        return None
    except (OSError, ValueError, AttributeError):
        log.warning("Ignoring unreadable %s", path, exc_info=True)
        return _UNREADABLE


def store_address(url: URL | None) -> None:
    """Remember ``url`` for this PC, a server's without its password, a SQLite file's as
    its path (a URL would read "#" or "?" in a folder's name as its own); ``None``: the
    default file."""
    path = location_file()
    data = {}
    if url is not None:
        file = sqlite_file(url)
        data["url"] = str(file) if file else without_password(url).render_as_string(False)
    try:
        _write(path, json.dumps(data, indent=2).encode("utf-8"))
    except OSError as error:
        raise ExpertenratError(
            f"Die Datenbankadresse kann nicht in „{path}“ gespeichert werden: "
            f"{os_error_text(error)}",
            os_error_detail(error),
        ) from None


def _write(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` whole or not at all (a temporary file renamed over it)."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(content)
    os.replace(temporary, path)


def chosen_url(given: str | None) -> URL:
    """The database to open (see the module), with the keyring's password for a server."""
    return with_saved_password(database_url(given or stored_address()))


def chosen_is_default_file(given: str | None) -> bool:
    """Is the database to open (see the module) this PC's default SQLite file?"""
    try:
        chosen = database_url(given or stored_address())
    except ExpertenratError:
        return False
    return chosen == database_url(str(default_database_file()))


def chosen_is_server(given: str | None) -> bool:
    """Is the database to open (see the module) on a PostgreSQL server? ``False`` for a
    file, and for an address that names no usable database at all."""
    try:
        return database_url(given or stored_address()).get_backend_name() == "postgresql"
    except ExpertenratError:
        return False
