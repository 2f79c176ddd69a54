"""Which database the window and the command line open, and what this PC keeps of that
choice: the window's and the command line's side of
:mod:`expertenrat.store.database_location` and :mod:`expertenrat.store.server_password`,
so that ``ui`` and ``cli`` reach them through the services as everywhere else.

``database`` is what the start was given (``--database``; ``None``: the address stored on
this PC, else the default file) or a server's address as just typed (with its password,
a :data:`DatabaseAddress`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeAlias

from sqlalchemy.engine import URL

from expertenrat.domain.errors import ExpertenratError, StoredFileMissingError
from expertenrat.paths import default_database_file
from expertenrat.store import schema_revisions
from expertenrat.store.database import Database
from expertenrat.store.database_address import describe
from expertenrat.store.database_location import (
    chosen_is_default_file,
    chosen_is_server,
    chosen_url,
    set_aside_earlier_choice,
    store_address,
    stored_address,
    stored_file_missing,
    unreadable_location_file,
)
from expertenrat.store.database_opening import Create, open_database
from expertenrat.store.engine import database_url, server_url, sqlite_file, text_without_password
from expertenrat.store.network_location import is_on_network
from expertenrat.store.server_password import (
    keyring_available,
    save_password,
    without_password,
)

# A database's address as the services take and give it: SQLAlchemy's URL (immutable; its
# ``host``, ``port``, ``database`` and ``username`` are the parts, ``None`` where not
# given), named here so that ui and cli need not know the database library.
DatabaseAddress: TypeAlias = URL
# An open database as the services hand it out (``Services.database``).
OpenedDatabase: TypeAlias = Database


def server_address(
    *,
    host: str | None,
    port: int,
    database: str | None,
    username: str | None,
    password: str | None,
    options_of: DatabaseAddress | None = None,
) -> DatabaseAddress:
    """The address of a PostgreSQL server's database from its parts, as typed, with the
    options of the address ``options_of`` (the one the dialog shows: libpq's ``sslmode``,
    ``sslrootcert``, ``connect_timeout`` …, but no password among them). The password asked
    at start dropped them: a server set up with ``?sslmode=verify-full`` was then reached
    with libpq's ``prefer``, which takes a connection without encryption or a forged
    certificate, and stored so for the next starts (found by a tester)."""
    url = server_url(host=host, port=port, database=database, username=username, password=password)
    if options_of is None:
        return url
    return url.update_query_dict(dict(without_password(options_of).query))


def address_of(database: str | DatabaseAddress | None) -> DatabaseAddress:
    """The URL ``database`` opens (a server's with the keyring's password, if any)."""
    return database if isinstance(database, URL) else chosen_url(database)


def is_server(database: str | DatabaseAddress | None) -> bool:
    """Whether ``database`` is a server's (a typed URL always is); ``False`` for a file
    and for an address that names no usable database."""
    return isinstance(database, URL) or chosen_is_server(database)


def same_database(one: str | DatabaseAddress, other: str | DatabaseAddress) -> bool:
    """Whether ``one`` and ``other`` name the same database: a server's address with the
    password asked for it is the one named without it."""

    def plain(database: str | DatabaseAddress) -> DatabaseAddress:
        return without_password(database if isinstance(database, URL) else database_url(database))

    try:
        return plain(one) == plain(other)
    except ExpertenratError:  # names no usable database
        return False


def is_default_file(database: str | DatabaseAddress | None) -> bool:
    """Whether ``database`` is this PC's default SQLite file."""
    return not isinstance(database, URL) and chosen_is_default_file(database)


def default_file() -> str:
    """The path of this PC's default SQLite file (it may not exist yet)."""
    return str(default_database_file())


def refuse_missing_stored_file(database: str | DatabaseAddress | None, advice: str) -> None:
    """Raise :class:`StoredFileMissingError` where ``database`` names none (``None``) and
    the file stored as the user's choice is not on this PC (see
    :func:`~expertenrat.store.database_location.stored_file_missing`), then ``advice``:
    what to choose. Nothing is created in its place (found by review)."""
    file = stored_file_missing() if database is None else None
    if file is None:
        return
    raise StoredFileMissingError(
        f"Die gewählte Datenbank „{file}“ gibt es auf diesem PC nicht: Gewählt wurde sie "
        "auf einem anderen PC (die Wahl der Datenbank folgt Ihnen mit Ihrem Windows-Profil "
        "auf jeden PC), oder ihr Laufwerk ist hier nicht verbunden. Hier angelegt, lägen die "
        f"Daten des Expertenrats getrennt in zwei Dateien desselben Namens. {advice}",
        str(file),
    )


def open_chosen(
    url: DatabaseAddress,
    *,
    may_create: bool = True,
    read_only: bool = False,
    upgrade_anyway: bool = False,
) -> Database:
    """Open ``url`` (an old database is backed up and upgraded first). ``may_create``: a
    database that does not exist yet (or an empty file) is created with its first change,
    not before, so that a start or a command that changes nothing leaves nothing behind;
    otherwise it is refused. ``read_only``: only reading is asked (exports).
    ``upgrade_anyway``: an older server database is upgraded even while other sessions
    are connected to it (else :class:`~expertenrat.domain.errors.OthersConnectedError`)."""
    create = Create.ON_FIRST_WRITE if may_create else Create.NEVER
    return open_database(
        url,
        create=create,
        read_only=read_only,
        server_copy=_copy_before_upgrade,
        upgrade_anyway=upgrade_anyway,
    )


def upgrade_note(database: Database) -> str:
    """What to tell once ``database`` was upgraded in place as it was opened (a file opened
    to be changed, a server's even to be read): from which revision, where the copy of the
    old state lies, and that older versions of the program, on other PCs too, can no
    longer open it (found by a tester: the window and the commands other than ``check``
    said nothing, the server's other PCs learnt it only from their refusal); "" otherwise."""
    if database.upgraded_from is None:
        return ""
    copy = (
        f"; die Kopie des alten Stands liegt in „{database.backup_file}“"
        if database.backup_file is not None
        else ""
    )
    return (
        f"Die Datenbank „{database.location}“ hatte noch den Schemastand "
        f"{database.upgraded_from} einer älteren Programmversion und wurde auf den Stand "
        f"dieser Version ({schema_revisions.head_revision()}) gebracht{copy}. Ältere Versionen von "
        "Expertenrat können sie nicht mehr öffnen: Aktualisieren Sie das Programm auf jedem "
        "PC, der mit dieser Datenbank arbeitet."
    )


def on_network_drive(database: OpenedDatabase) -> bool:
    """Whether ``database`` is a SQLite file on a network drive (see
    :mod:`expertenrat.store.network_location`)."""
    path = sqlite_file(database.url)
    return path is not None and is_on_network(path)


def network_note(database: OpenedDatabase, move: str) -> str:
    """What to tell where ``database`` is a SQLite file on a network drive (a secretariat's
    shared drive, found by a tester): only one PC at a time may work with it; several PCs
    take a PostgreSQL server, reached by ``move`` (the window's menu or the command); ""
    otherwise."""
    if not on_network_drive(database):
        return ""
    return (
        f"Die Datenbank „{database.location}“ liegt auf einem Netzlaufwerk. Mit ihr darf "
        "immer nur ein PC zur selben Zeit arbeiten: Öffnen zwei PCs sie gleichzeitig, kann "
        "die Datei beschädigt werden, denn ein Netzlaufwerk sperrt Dateien nicht zuverlässig. "
        "Sollen mehrere PCs mit den Daten arbeiten, ziehen Sie sie auf einen "
        f"PostgreSQL-Server um ({move})."
    )


def held_elsewhere_note(database: OpenedDatabase) -> str:
    """What to tell where another PC has the file ``database`` on a network drive open too
    (see :mod:`~expertenrat.store.in_use_marker`); "" otherwise."""
    holder = database.held_elsewhere
    if holder is None:
        return ""
    user = f"Benutzer „{holder.user}“, " if holder.user else ""
    return (
        f"Die Datenbank „{database.location}“ ist gerade auch auf dem PC „{holder.pc}“ "
        f"geöffnet ({user}seit {holder.since:%d.%m.%Y %H:%M} Uhr). Mit einer Datei auf "
        "einem Netzlaufwerk darf immer nur ein PC zur selben Zeit arbeiten, sonst kann sie "
        "beschädigt werden: Bitte beenden Sie Expertenrat auf einem der beiden PCs."
    )


def _copy_before_upgrade(url: URL, revision: str) -> Path:
    """The copy of an older server database kept before its upgrade (imported only when
    one is upgraded: a start with an up-to-date database does not pay for it)."""
    from expertenrat.services.server_upgrade_copy import copy_before_upgrade

    return copy_before_upgrade(url, revision)


def remember(database: str | DatabaseAddress, *, keep_password: bool = False) -> bool:
    """Open ``database`` at the next starts of this PC, too (window and command line): a
    server's address is stored without its password, a file's path as it is, the default
    file by storing no address. ``keep_password``: the password that came with a server's
    address goes into the keyring (where there is one).

    Returns whether a password came with the address but is not kept (not wanted, or no
    keyring): it is asked at every start then. Raises :class:`ExpertenratError` if the
    address cannot be stored (nothing is kept then)."""
    url = database if isinstance(database, URL) else database_url(database)
    store_address(None if url == database_url(default_file()) else url)
    if not url.password:
        return False
    return not (keep_password and save_password(url, url.password))


def keep_password(url: DatabaseAddress) -> None:
    """Keep the password ``url`` carries in the system's keyring (when there is one)."""
    if url.password:
        save_password(url, url.password)


def can_keep_passwords() -> bool:
    """Whether this PC has a keyring to keep a server's password in; without one the
    password is asked at every start."""
    return keyring_available()


def unreadable_choice_note(database: str | DatabaseAddress | None, advice: str) -> str:
    """What to say where ``datenbank.json``, the choice stored on this PC, cannot be read
    and ``database`` (``--database``) names none either: the default file is opened in its
    place, which after a move to a server holds the data from before it (found by a
    tester: the commands and the window said nothing of it), then ``advice``, what to do
    where it is read; "" otherwise."""
    path = unreadable_location_file() if database is None else None
    if path is None:
        return ""
    return (
        f"Die Datei „{path}“, in der dieser PC sich die gewählte Datenbank merkt, ist "
        f"unlesbar; verwendet wird die Standarddatei „{default_database_file()}“. {advice}"
    )


def earlier_choice_note(database: str | DatabaseAddress | None) -> str:
    """What to say once where ``database`` names none (``None``) and this PC's own choice
    of an earlier version gave way to the one that roams with the user's Windows profile
    (see :func:`~expertenrat.store.database_location.set_aside_earlier_choice`), with the
    way back to it; "" otherwise."""
    earlier = set_aside_earlier_choice() if database is None else None
    if earlier is None:
        return ""
    now = shown_stored_address() or default_file()
    if not earlier:
        back = "Einstellungen → Datenbank → „Standarddatei verwenden“ führt zu ihr zurück."
    elif is_server(earlier):
        back = "Einstellungen → Datenbank → „Mit Server verbinden …“ führt zu ihr zurück."
    else:
        back = "Die Datei bleibt auf diesem PC unverändert."
    return (
        f"Dieser PC war bisher auf die Datenbank „{_shown(earlier) or default_file()}“ "
        "eingestellt. Die gewählte Datenbank folgt Ihnen jetzt mit Ihrem Windows-Profil auf "
        f"jeden PC, daher gilt hier die auf einem anderen PC gewählte „{now}“. {back}"
    )


def shown_stored_address() -> str | None:
    """The address stored on this PC as the user knows it (see
    :func:`~expertenrat.store.database_address.describe`), or ``None``: this PC opens its
    default file."""
    return _shown(stored_address())


def _shown(address: str | None) -> str | None:
    if not address:
        return None
    try:
        return describe(database_url(address))
    except ExpertenratError:  # edited by hand into no address at all
        return text_without_password(address)
