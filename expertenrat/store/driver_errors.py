"""What a database driver's error says, read from its codes: the SQLite extended result
code (:class:`SqliteCause`) or PostgreSQL's SQLSTATE, whether the connection to the server
was lost, and the error's text and kind for the log. The German words for each cause are
:mod:`expertenrat.store.work_problems`' (at work) and :mod:`expertenrat.store.problems`'
(opening a file).
"""

from __future__ import annotations

from enum import Enum, auto

from sqlalchemy import exc

_SERVER_GONE_STATES = {"57P01", "57P02", "57P03", "08000", "08003", "08006"}
# The server ended a transaction that waited on the program longer than its administrator
# allows (idle_in_transaction_session_timeout): no network to check, and trying again waits
# as long again; work_problems says so.
IDLE_IN_TRANSACTION_TIMEOUT = "25P03"


class SqliteCause(Enum):
    """What SQLite's result code says went wrong, at work or opening a file."""

    DAMAGED = auto()
    READ_ONLY = auto()
    CHANGED_MEANWHILE = auto()
    LOCKED = auto()
    DISK_FULL = auto()
    INACCESSIBLE = auto()
    DISK_ERROR = auto()
    DUPLICATE = auto()
    DANGLING = auto()
    BROKEN_RULE = auto()
    BAD_VALUE = auto()


# Each cause and the prefixes of the extended result code names that say it (a primary
# code's name is the prefix of its extended codes'); the first that matches counts.
_SQLITE_CAUSES = (
    (SqliteCause.DAMAGED, ("SQLITE_CORRUPT", "SQLITE_NOTADB")),
    (SqliteCause.READ_ONLY, ("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH")),
    (SqliteCause.CHANGED_MEANWHILE, ("SQLITE_BUSY_SNAPSHOT",)),
    (SqliteCause.LOCKED, ("SQLITE_BUSY", "SQLITE_LOCKED")),
    # The WAL index (-shm) cannot grow: the drive is full (found by a tester: a full drive
    # was said to be "ein Fehler des Datenträgers oder des Netzlaufwerks").
    (SqliteCause.DISK_FULL, ("SQLITE_FULL", "SQLITE_IOERR_SHMSIZE")),
    (SqliteCause.INACCESSIBLE, ("SQLITE_CANTOPEN",)),
    (SqliteCause.DISK_ERROR, ("SQLITE_IOERR",)),
    (SqliteCause.DUPLICATE, ("SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY")),
    (SqliteCause.DANGLING, ("SQLITE_CONSTRAINT_FOREIGNKEY",)),
    (SqliteCause.BROKEN_RULE, ("SQLITE_CONSTRAINT",)),
    (SqliteCause.BAD_VALUE, ("SQLITE_TOOBIG", "SQLITE_MISMATCH", "SQLITE_RANGE")),
)


def sqlite_error_name(error: BaseException) -> str:
    """The SQLite extended result code name (``SQLITE_CORRUPT`` …) of ``error`` — a
    SQLAlchemy error or the driver's own — or ``""``."""
    if isinstance(error, exc.DBAPIError):
        error = error.orig  # type: ignore[assignment]
    return getattr(error, "sqlite_errorname", "") or ""


def sqlite_cause(error: BaseException) -> SqliteCause | None:
    """The cause SQLite's result code of ``error`` names, or ``None`` (not known, or not
    an error of SQLite)."""
    name = sqlite_error_name(error)
    if not name:
        return None
    return next((cause for cause, names in _SQLITE_CAUSES if name.startswith(names)), None)


def driver_text(error: BaseException) -> str:
    """The driver's own text of ``error`` on one line (for the log and a ``detail``)."""
    if isinstance(error, exc.StatementError) and error.orig is not None:
        error = error.orig
    return " ".join(str(error).split()) or type(error).__name__


def error_kind(error: BaseException) -> str:
    """The kind of a database error for the log: classes and error code, never its text
    (which may quote a row's values)."""
    orig = error.orig if isinstance(error, exc.StatementError) else None
    inner = orig if orig is not None else error
    code = getattr(inner, "sqlstate", None) or sqlite_error_name(inner)
    kind = f"{type(inner).__module__}.{type(inner).__name__}"
    if inner is not error:
        kind = f"{type(error).__name__} ({kind}"
        return f"{kind}, {code})" if code else f"{kind})"
    return f"{kind} ({code})" if code else kind


def logged(error: BaseException) -> str:
    """What the log gets of a database error: its kind (:func:`error_kind`); for a lost
    connection, whose text quotes no row, also the driver's and server's words, for the IT."""
    if isinstance(error, exc.DBAPIError) and is_connection_lost(error):
        return f"{error_kind(error)}: {driver_text(error)}"
    return error_kind(error)


def is_connection_lost(error: exc.DBAPIError) -> bool:
    """The server went away or refuses connections (not: it refused the statement)."""
    if not isinstance(error, exc.DBAPIError) or hasattr(error.orig, "sqlite_errorcode"):
        return False
    if sqlstate(error.orig) == IDLE_IN_TRANSACTION_TIMEOUT:
        return False
    if error.connection_invalidated or sqlstate(error.orig) in _SERVER_GONE_STATES:
        return True
    if not isinstance(error, exc.OperationalError) or sqlstate(error.orig):
        return False
    # psycopg gives a broken connection no SQLSTATE, only libpq's text.
    text = str(error.orig).lower()
    return any(word in text for word in ("connect", "server", "terminat"))


# The server's limit of connections is reached (max_connections, a role's or database's
# CONNECTION LIMIT, the slots kept for superusers). libpq gives a refusal at connect no
# SQLSTATE, only the server's words (English, or German from a German server).
_SERVER_FULL_WORDS = (
    "too many connections",
    "too many clients",
    "connection slots are reserved",
    "zu viele verbindungen",
    "verbleibenden verbindungen sind für superuser",
)


def is_server_full(error: BaseException) -> bool:
    """A new connection was refused: the server already has as many as it allows."""
    driver_error = error.orig if isinstance(error, exc.DBAPIError) else error
    if sqlstate(driver_error) == "53300":
        return True
    text = str(driver_error).lower()
    return any(words in text for words in _SERVER_FULL_WORDS)


def sqlstate(error: object) -> str:
    """The SQLSTATE of a driver's error (not SQLAlchemy's wrapper), or ``""``."""
    return getattr(error, "sqlstate", None) or ""


def server_message(error: object) -> str:
    """The server's own words of a driver's error ``error`` (not SQLAlchemy's wrapper):
    psycopg's diagnostics' primary message, else the error's text."""
    diag = getattr(error, "diag", None)
    return getattr(diag, "message_primary", None) or str(error)
