"""Why the database refused a piece of work (not the connection), said in German by cause.

The one place that words a refused statement's cause, read from its SQLSTATE (PostgreSQL)
or its SQLite extended result code (:mod:`expertenrat.store.driver_errors`), not from its
text, which is English and may quote the
rows' values ("Key (email)=(…) already exists"); only a broken connection, which psycopg
gives no SQLSTATE, is read from libpq's text. A cause not recognised here gets ``None``:
:func:`refused` then says that the database refused and gives :func:`driver_text` as the
error's ``detail`` (behind "Details einblenden …", on the command line as
"Einzelheiten:"), as it does for a refused row (the text names table and key). Connecting
to a server: :mod:`expertenrat.store.server_problems`; opening a SQLite file:
:func:`expertenrat.store.problems.sqlite_problem`, which reads SQLite's result codes with
the same table (:func:`sqlite_cause`) and words each cause for the file. A missing
right or another role's tables: :mod:`expertenrat.store.privilege_problems`.
"""

from __future__ import annotations

import logging

from sqlalchemy import exc
from sqlalchemy.engine import URL

from expertenrat.store.driver_errors import (
    IDLE_IN_TRANSACTION_TIMEOUT,
    SqliteCause,
    driver_text,
    is_connection_lost,
    is_server_full,
    logged,
    server_message,
    sqlite_cause,
    sqlite_error_name,
    sqlstate,
)
from expertenrat.store.privilege_problems import (
    cut_off,
    idle_cut_off,
    no_privilege,
    no_schema,
    not_owner,
)
from expertenrat.store.server_watch import is_server_silent
from expertenrat.store.table_owners import TableOwners, read_table_owners

log = logging.getLogger(__name__)

DAMAGED_AT_WORK = (
    "Die Datenbank ist beschädigt: ein Teil der Daten kann nicht gelesen werden. Bitte "
    "beenden Sie das Programm und stellen Sie eine Sicherung wieder her."
)
SERVER_GONE_ADVICE = "Bitte prüfen Sie das Netzwerk und versuchen Sie es erneut."
SERVER_GONE = f"Die Verbindung zum Datenbankserver ist unterbrochen. {SERVER_GONE_ADVICE}"
# The server did not answer (it hangs, or the network to it is gone): the wait for it was
# ended (expertenrat.store.server_watch), or a new connection's connect_timeout ran out.
SERVER_SILENT_ADVICE = (
    "Bitte prüfen Sie das Netzwerk (auch ein nötiges VPN) und versuchen Sie es erneut; "
    "antwortet er weiter nicht, fragen Sie Ihre IT-Betreuung, ob der Server läuft."
)
SERVER_SILENT = f"Der Datenbankserver antwortet nicht. {SERVER_SILENT_ADVICE}"
# A new connection refused: the server's limit of connections is reached.
SERVER_FULL_CASE = (
    "Der Datenbankserver nimmt gerade keine weitere Verbindung an: Es sind schon so viele "
    "offen, wie er erlaubt."
)
SERVER_FULL_ADVICE = (
    "Bitte versuchen Sie es in einigen Augenblicken erneut; bleibt es dabei, bitten Sie Ihre "
    "IT-Betreuung, die Grenze zu erhöhen (max_connections oder CONNECTION LIMIT)."
)
SERVER_FULL = f"{SERVER_FULL_CASE} {SERVER_FULL_ADVICE}"
LOCKED = (
    "Die Datenbank ist gerade von einem anderen Programm gesperrt. "
    "Bitte versuchen Sie es in einem Moment noch einmal."
)
# SQLite refused to write on a stale read: another connection wrote since (busy snapshot).
CHANGED_MEANWHILE = (
    "Ein anderes Programm hat die Datenbank inzwischen geändert. Bitte versuchen Sie es erneut."
)
# PostgreSQL undid the transaction (a serialization failure, a deadlock): all of it, so
# doing the work again is safe, and finds another PC's change to the same record by its
# version (ConcurrentEditError).
CHANGED_AT_ONCE = (
    "Ein anderer Arbeitsplatz hat gleichzeitig dieselben Daten geändert. Bitte versuchen "
    "Sie es erneut."
)
DISK_FULL = (
    "Der Datenträger der Datenbank ist voll. Bitte schaffen Sie Platz und versuchen Sie es erneut."
)
# What is the case, for a save that is tried again by itself (StorageError.case): the
# causes above say "versuchen Sie es erneut", wrong advice there.
_RETRIED = {
    DISK_FULL: "Der Datenträger der Datenbank ist voll; bitte schaffen Sie Platz.",
    SERVER_GONE: "Die Verbindung zum Datenbankserver ist unterbrochen.",
    SERVER_SILENT: "Der Datenbankserver antwortet nicht.",
    SERVER_FULL: SERVER_FULL_CASE,
    LOCKED: "Die Datenbank ist gerade von einem anderen Programm gesperrt.",
    CHANGED_MEANWHILE: "Ein anderes Programm hat die Datenbank inzwischen geändert.",
    CHANGED_AT_ONCE: "Ein anderer Arbeitsplatz hat gleichzeitig dieselben Daten geändert.",
}


def retried_case(cause: str) -> str:
    """``cause`` (:func:`work_problem`'s) as said for a save tried again by itself."""
    return _RETRIED.get(cause, cause)


READ_ONLY = (
    "Die Datenbank ist schreibgeschützt: Sie dürfen sie lesen, aber nicht ändern. Bitten "
    "Sie Ihre IT-Betreuung um Schreibrechte."
)
DUPLICATE = (
    "Die Datenbank hat einen doppelten Eintrag abgelehnt: Einen Eintrag mit diesem Namen "
    "oder dieser Nummer gibt es schon."
)
DANGLING = (
    "Die Datenbank hat einen Verweis auf einen Eintrag abgelehnt, den es nicht (mehr) gibt, "
    "oder einen Eintrag, auf den noch andere verweisen."
)
BROKEN_RULE = "Die Datenbank hat einen Eintrag abgelehnt, der gegen eine ihrer Regeln verstößt."
BAD_VALUE = (
    "Die Datenbank hat einen Wert abgelehnt, zum Beispiel einen zu langen Text oder ein "
    "ungültiges Zeichen."
)
# A server database made in another encoding than UTF8 (before Expertenrat refused such
# ones: probe.probe_server) cannot hold every character.
NOT_IN_ENCODING = (
    "Die Datenbank kann ein Zeichen der Eingabe nicht speichern (etwa „Ł“ oder ein Emoji), "
    "weil sie nicht in der Zeichenkodierung UTF8 angelegt ist. Bitte lassen Sie das Zeichen "
    "weg. Ihre IT-Betreuung kann die Daten in eine neue Datenbank in UTF8 bringen: eine "
    "Sicherung anlegen und dort wiederherstellen."
)
_ROW_REFUSED = {DUPLICATE, DANGLING, BROKEN_RULE, BAD_VALUE}

# SQLSTATEs (PostgreSQL) of each cause.
_LOCKED_STATES = {"55P03", "55006"}
_CHANGED_AT_ONCE_STATES = {"40001", "40P01"}


# How work says each cause (opening a file: expertenrat.store.problems).
_SQLITE_AT_WORK = {
    SqliteCause.DAMAGED: DAMAGED_AT_WORK,
    SqliteCause.READ_ONLY: READ_ONLY,
    SqliteCause.CHANGED_MEANWHILE: CHANGED_MEANWHILE,
    SqliteCause.LOCKED: LOCKED,
    SqliteCause.DISK_FULL: DISK_FULL,
    SqliteCause.INACCESSIBLE: (
        "Die Datenbankdatei ist nicht zugänglich (fehlende Berechtigung oder nicht "
        "verbundenes Laufwerk)."
    ),
    SqliteCause.DISK_ERROR: (
        "Die Datenbank kann nicht gelesen oder geschrieben werden: ein Fehler des "
        "Datenträgers oder des Netzlaufwerks."
    ),
    SqliteCause.DUPLICATE: DUPLICATE,
    SqliteCause.DANGLING: DANGLING,
    SqliteCause.BROKEN_RULE: BROKEN_RULE,
    SqliteCause.BAD_VALUE: BAD_VALUE,
}


def refused(
    what: str,
    error: BaseException,
    after: str = "",
    url: URL | None = None,
    *,
    creating_schema: bool = False,
    owners: TableOwners | None = None,
    found_by_check: str = "",
) -> tuple[str, str]:
    """The message "``what``. Cause. ``after``" and its detail, for an error type's
    ``(message, detail)``: the driver's text for a cause not recognised or a refused row
    (it names the row's table and key), else empty. ``url``, ``creating_schema`` and
    ``owners``: as :func:`work_problem`. ``found_by_check``: said before ``after`` when a
    value or a reference was refused, which the integrity check names by its record.
    The log gets the error's type and SQLSTATE, not its text, which may quote a row's
    values (a lost connection's text too: :func:`logged`).
    Not for the everyday work of the services, whose rows are personal data (see
    :mod:`expertenrat.services.unit_of_work`)."""
    log.info("The database refused: %s", logged(error))
    original = driver_text(error)
    cause = work_problem(error, url, creating_schema=creating_schema, owners=owners)
    if cause is not None:
        # A refused row: which one, only the driver's text says.
        detail = original if cause in _ROW_REFUSED else ""
        if cause in (BAD_VALUE, DANGLING) and found_by_check:
            cause = f"{cause} {found_by_check}"
        return f"{what}. {cause} {after}".strip(), detail
    unknown = (
        "Die Meldung der Datenbank steht unter den Einzelheiten; bitte wenden Sie sich an "
        "Ihre IT-Betreuung."
    )
    return f"{what}. {unknown} {after}".strip(), original


def work_problem(
    error: BaseException,
    url: URL | None = None,
    *,
    creating_schema: bool = False,
    owners: TableOwners | None = None,
) -> str | None:
    """The German cause (and what to do) of the refused work ``error`` — a SQLAlchemy
    error or the driver's own — or ``None`` if the cause is not recognised. ``url``: the
    server database, to name its user and database in advice. ``creating_schema``: the
    work created or upgraded the tables (a missing right is then advised differently
    from one on the tables that are there). ``owners``: who owns the tables and in which
    schema (:mod:`expertenrat.store.table_owners`), read from the server of ``url`` here
    when a right was refused and they were not given (another role's tables, refused to
    an upgrade, are advised to be given to the user)."""
    kind = error
    if isinstance(error, exc.DBAPIError):
        if is_server_silent(error):
            return SERVER_SILENT
        if is_server_full(error):
            return SERVER_FULL
        if is_connection_lost(error):
            return SERVER_GONE
        error = error.orig  # type: ignore[assignment]
    if sqlite_error_name(error):
        cause = sqlite_cause(error)
        return _SQLITE_AT_WORK[cause] if cause is not None else None
    state = sqlstate(error)
    if not state:  # a driver without codes: only the kind of error is known
        if isinstance(kind, exc.IntegrityError):
            return BROKEN_RULE
        return BAD_VALUE if isinstance(kind, exc.DataError) else None
    if state in ("42501", "3F000") and owners is None and url is not None:
        owners = read_table_owners(url)  # which schema, and whose tables
    if state == "3F000":  # no schema to create the tables in
        return no_schema(url, owners.search_path if owners is not None else None)
    if state == "57014":
        return cut_off(url, server_message(error))
    if state == IDLE_IN_TRANSACTION_TIMEOUT:
        return idle_cut_off(url)
    if state == "42501":
        if creating_schema and owners is not None and owners.owners:
            return not_owner(owners)
        return no_privilege(url, creating_schema, owners.schema if owners is not None else None)
    if state == "25006":
        return (
            "Der Datenbankserver nimmt gerade nur Lesezugriffe an (zum Beispiel ein "
            "Ersatzserver). Bitte wenden Sie sich an Ihre IT-Betreuung."
        )
    if state == "53100":
        return (
            "Auf dem Datenbankserver ist der Speicherplatz voll. Bitte wenden Sie sich an "
            "Ihre IT-Betreuung."
        )
    if state in _LOCKED_STATES:
        return LOCKED
    if state in _CHANGED_AT_ONCE_STATES:
        return CHANGED_AT_ONCE
    if state == "23505":
        return DUPLICATE
    if state == "23503":
        return DANGLING
    if state.startswith("23"):
        return BROKEN_RULE
    if state in ("22P05", "22021"):  # untranslatable, not in the encoding's repertoire
        return NOT_IN_ENCODING
    if state.startswith("22"):
        return BAD_VALUE
    return None
