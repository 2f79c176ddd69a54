"""Why a PostgreSQL server could not be used, said in German.

psycopg gives a failed connection no SQLSTATE, only libpq's text (English, or German from
a server with ``lc_messages = de_DE``), so each cause is read from what is there: the
SQLSTATE where an error has one, the exception's type, else the text. The original text
goes to the log; only a cause not recognised shows it, as the error's ``detail``, beside
a German sentence.
"""

from __future__ import annotations

import logging

from sqlalchemy import exc
from sqlalchemy.engine import URL

from expertenrat.domain.errors import DatabaseUnusableError, PasswordNeededError
from expertenrat.store.driver_errors import driver_text, is_server_full
from expertenrat.store.privilege_problems import login_user, sql_identifier
from expertenrat.store.server_watch import is_server_silent
from expertenrat.store.work_problems import refused

log = logging.getLogger(__name__)

# The SQLSTATE classes of connecting ("" when libpq gave none): connection exception,
# invalid authorization, invalid catalog name, operator intervention (server starting).
_CONNECTING_CLASSES = {"", "08", "28", "3D", "57"}
# Of class 57, work the server cut off (its statement_timeout, or by hand): refused work,
# not connecting.
_CANCELLED = "57014"
# Each cause: the SQLSTATEs that name it, and the fragments of its text (English from
# libpq and the server, German from a German server or libpq), in lower case.
_PASSWORD_REFUSED = ({"28P01"}, ("password authentication failed", "passwort-authentifizierung"))
_NO_DATABASE = (
    {"3D000"},
    ('database "', "datenbank »"),
    ("does not exist", "existiert nicht"),
)
_NO_ROLE = (set(), ('role "', "rolle »"), ("does not exist", "existiert nicht"))
# The database refuses users without the CONNECT right (REVOKE CONNECT … FROM PUBLIC).
_NO_CONNECT_RIGHT = (
    set(),
    ("permission denied for database", "keine berechtigung für datenbank"),
)
_SSL_UNSUPPORTED = ("server does not support ssl", "server unterstützt kein ssl")
_NO_HBA_LINE = ("no pg_hba.conf entry", "kein pg_hba.conf-eintrag")
_UNENCRYPTED = ("no encryption", "keine verschlüsselung")
_TIMEOUT = ("timeout expired", "zeitüberschreitung")
_REFUSED = ("connection refused", "verbindungsaufbau abgelehnt", "verbindung verweigert")
_UNKNOWN_HOST = (
    "failed to resolve host",
    "could not translate host name",
    "name or service not known",
    "nodename nor servname",
    "no such host",
    "temporary failure in name resolution",
    "konnte host-namen",
)


def server_problem(error: exc.DBAPIError, url: URL, location: str) -> DatabaseUnusableError:
    """The German reason why the server database ``url`` (shown as ``location``) cannot be
    used, for an error of connecting to it or of reading it."""
    state = getattr(error.orig, "sqlstate", None) or ""
    connecting = state[:2] in _CONNECTING_CLASSES and state != _CANCELLED
    if not isinstance(error, exc.OperationalError) or not connecting:
        # Connected, but the server refused the work (a missing right, a full disk …).
        return DatabaseUnusableError(
            *refused(f"Die Datenbank „{location}“ kann nicht verwendet werden", error, url=url)
        )
    original = driver_text(error)
    log.info("Database server %s: %s", location, original)  # the window's log file
    text = original.lower()
    server = f"Der Datenbankserver „{location}“"
    connection = getattr(error.orig, "pgconn", None)
    if connection is not None and connection.needs_password:  # libpq had none to give
        return PasswordNeededError(f"{server} verlangt ein Passwort.")
    if _matches(state, text, *_PASSWORD_REFUSED):
        return PasswordNeededError(f"{server} hat das Passwort abgelehnt.")
    if _matches(state, text, *_NO_DATABASE):
        return DatabaseUnusableError(
            f"{server} ist erreichbar, aber die Datenbank „{url.database}“ gibt es dort "
            "nicht. Bitte prüfen Sie den Namen der Datenbank, oder bitten Sie Ihre "
            "IT-Betreuung, sie anzulegen."
        )
    if _matches(state, text, *_NO_ROLE):
        return DatabaseUnusableError(
            f"{server} hat die Anmeldung abgelehnt: Den {_user(url)} gibt es dort nicht. Bitte "
            "prüfen Sie den Benutzernamen."
        )
    if is_server_full(error):
        return DatabaseUnusableError(
            f"{server} nimmt gerade keine weitere Verbindung an: Es sind schon so viele "
            "offen, wie er erlaubt (für den Server, die Datenbank oder den Benutzer). Bitte "
            "schließen Sie Expertenrat an PCs, an denen gerade niemand arbeitet, und "
            "versuchen Sie es erneut; sonst bitten Sie Ihre IT-Betreuung, die Grenze zu "
            "erhöhen (max_connections oder CONNECTION LIMIT)."
        )
    if _matches(state, text, *_NO_CONNECT_RIGHT):
        grantee = sql_identifier(login_user(url) or "<Benutzer>")
        return DatabaseUnusableError(
            f"{server} hat die Anmeldung abgelehnt: Der {_user(url)} darf sich mit der "
            f"Datenbank „{url.database}“ nicht verbinden. Bitten Sie Ihre IT-Betreuung, es "
            f"ihm zu erlauben: GRANT CONNECT ON DATABASE {sql_identifier(url.database or '')} "
            f"TO {grantee};"
        )
    if any(part in text for part in _SSL_UNSUPPORTED):
        return DatabaseUnusableError(
            f"{server} bietet keine verschlüsselte Verbindung (SSL) an, die Adresse verlangt "
            "aber eine (sslmode). Bitte fragen Sie Ihre IT-Betreuung, welche Einstellung "
            "gilt."
        )
    if any(part in text for part in _NO_HBA_LINE):
        if any(part in text for part in _UNENCRYPTED):
            return DatabaseUnusableError(
                f"{server} hat die Anmeldung abgelehnt: Ohne Verschlüsselung (SSL) lässt er "
                "diesen PC nicht an. Verlangt der Server eine verschlüsselte Verbindung, "
                "ergänzen Sie die Adresse um „?sslmode=require“; sonst bitten Sie Ihre "
                "IT-Betreuung, diesen PC freizugeben (pg_hba.conf)."
            )
        return DatabaseUnusableError(
            f"{server} hat die Anmeldung abgelehnt: Für diesen PC, den {_user(url)} und die "
            f"Datenbank „{url.database}“ ist keine Anmeldung freigegeben. Bitte wenden Sie "
            "sich an Ihre IT-Betreuung (pg_hba.conf)."
        )
    if is_server_silent(error) or any(part in text for part in _TIMEOUT):
        return DatabaseUnusableError(
            f"{server} antwortet nicht. Bitte prüfen Sie die Netzwerkverbindung (auch ein "
            "nötiges VPN) und ob Server und Port stimmen; eine Firewall kann die Verbindung "
            "ebenfalls aufhalten."
        )
    if any(part in text for part in _REFUSED):
        return DatabaseUnusableError(
            f"{server} ist nicht erreichbar: Unter dieser Adresse nimmt kein Datenbankserver "
            "Verbindungen an. Bitte prüfen Sie, ob der Server läuft und ob Server und Port "
            "stimmen."
        )
    if any(part in text for part in _UNKNOWN_HOST):
        return DatabaseUnusableError(
            f"{server} ist nicht erreichbar: Den Servernamen „{url.host}“ kennt das Netzwerk "
            "nicht. Bitte prüfen Sie den Namen und die Netzwerkverbindung (auch ein nötiges "
            "VPN)."
        )
    if state.startswith("28") or "fatal:" in text:  # refused for a reason not known here
        return DatabaseUnusableError(
            f"{server} hat die Anmeldung abgelehnt. Den Grund nennt die Meldung des Servers "
            "unter den Einzelheiten.",
            original,
        )
    return DatabaseUnusableError(
        f"{server} ist nicht erreichbar. Bitte prüfen Sie, ob er läuft und ob Server und "
        "Port stimmen.",
        original,
    )


def _user(url: URL) -> str:
    """The user ``url`` logs in as, after "den"; an address without one: libpq takes
    PGUSER, else the user logged in to the operating system."""
    user = login_user(url)
    if user:
        return f"Benutzer „{user}“"
    return "angemeldeten Benutzer des Betriebssystems"


def _matches(state: str, text: str, states: set[str], *fragments: tuple[str, ...]) -> bool:
    """Is it the cause of ``states`` (its SQLSTATE) or does ``text`` hold one fragment of
    each group of ``fragments``?"""
    return state in states or all(any(part in text for part in group) for group in fragments)
