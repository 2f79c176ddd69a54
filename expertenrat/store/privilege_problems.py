"""A right the database user lacks (SQLSTATE 42501), said in German with what the IT can
run to give it: to create tables (the database's owner), to use the tables, or to change
tables another role owns (their owner, or ``REASSIGN OWNED``); no schema to work in
(3F000), work cut off by the server's time limits or by hand (57014, 25P03)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from sqlalchemy.engine import URL

from expertenrat.domain.wording import listed

if TYPE_CHECKING:
    from expertenrat.store.table_owners import TableOwners


def no_privilege(url: URL | None, creating_schema: bool, schema: str | None = None) -> str:
    """The user of ``url`` may not create tables (``creating_schema``: the work created or
    upgraded them) or may not use the tables there. ``schema``: the one the user works
    in, if known (else ``public``, where a server keeps tables unless told otherwise)."""
    user = login_user(url) if url is not None else None
    named = f" „{user}“" if user else ""
    grantee = sql_identifier(user) if user else "<Benutzer>"
    schema = schema or "public"
    if creating_schema:
        if schema != "public":  # a schema of its own: its owner may create tables there
            return (
                f"Der Datenbankserver verweigert dem Benutzer{named} ein Recht, das "
                f"Expertenrat braucht, etwa Tabellen im Schema „{schema}“ anzulegen. Bitten "
                "Sie Ihre IT-Betreuung, den Benutzer zum Eigentümer des Schemas zu machen: "
                f"{schema_owner_statement(schema, grantee)}"
            )
        base = sql_identifier(url.database) if url is not None and url.database else "<Datenbank>"
        return (
            f"Der Datenbankserver verweigert dem Benutzer{named} ein Recht, das Expertenrat "
            "braucht, etwa Tabellen anzulegen (seit PostgreSQL 15 darf das nur der Eigentümer "
            "der Datenbank). Bitten Sie Ihre IT-Betreuung, den Benutzer zum Eigentümer der "
            f"Datenbank zu machen: ALTER DATABASE {base} OWNER TO {grantee};"
        )
    # Owning the database gives no right on tables another role owns.
    where = sql_identifier(schema) if schema != "public" else schema
    return (
        f"Der Datenbankserver verweigert dem Benutzer{named} den Zugriff auf die Tabellen "
        "von Expertenrat. Bitten Sie Ihre IT-Betreuung, ihm die Rechte darauf zu geben: "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {where} TO "
        f"{grantee}; GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {where} TO {grantee}; "
        "(oder ihn zum Eigentümer der Tabellen zu machen)."
    )


def no_schema(url: URL | None, search_path: str | None) -> str:
    """The server finds no schema in the user's ``search_path`` that exists and that the
    user may use (a name mistyped in the address, a schema not made yet)."""
    user = login_user(url) if url is not None else None
    named = f" „{user}“" if user else ""
    first = (search_path or "").split(",")[0].strip().strip('"')
    schema = user if first == "$user" else first
    looked = f" (search_path = {search_path})" if search_path else ""
    make = (
        f"CREATE SCHEMA {sql_identifier(schema)} AUTHORIZATION "
        f"{sql_identifier(user) if user else '<Benutzer>'};"
        if schema
        else "CREATE SCHEMA …;"
    )
    return (
        "Der Datenbankserver findet kein Schema, in dem Expertenrat seine Tabellen anlegen "
        f"kann: Die Schemas im Suchpfad des Benutzers{named}{looked} gibt es in der Datenbank "
        "nicht, oder er darf sie nicht benutzen. Bitte prüfen Sie die Adresse "
        "(?options=-csearch_path%3D…), oder bitten Sie Ihre IT-Betreuung, das Schema "
        f"anzulegen: {make}"
    )


# How the server says why it cancelled a statement (57014, the same for both causes), in
# English and German (whose wording changed between versions), in lower case.
_CANCELLED_BY_HAND = ("user request", "benutzeraufforderung", "benutzeranforderung")
_TIME_LIMIT = ("statement timeout", "zeitüberschreitung")
CANCELLED_BY_HAND = (
    "Der Datenbankserver hat die Arbeit abgebrochen: Sie wurde dort von Hand beendet (etwa "
    "von Ihrer IT-Betreuung, mit pg_cancel_backend). Bitte versuchen Sie es erneut."
)


def cut_off(url: URL | None, server_text: str) -> str:
    """The server cancelled the work: it ran longer than the administrator allows
    (``statement_timeout``), or someone there cancelled it (``pg_cancel_backend``), as
    the server's message ``server_text`` says. A cancel was advised as a time limit to
    lift (found by review); a message in neither words names both."""
    text = server_text.lower()
    if any(words in text for words in _CANCELLED_BY_HAND):
        return CANCELLED_BY_HAND
    user = login_user(url) if url is not None else None
    grantee = sql_identifier(user) if user else "<Benutzer>"
    named = any(words in text for words in _TIME_LIMIT)
    maybe_by_hand = "" if named else ", oder sie wurde dort abgebrochen"
    return (
        "Der Datenbankserver hat die Arbeit abgebrochen: Sie dauerte länger, als er erlaubt "
        f"(statement_timeout){maybe_by_hand}. Bitten Sie Ihre IT-Betreuung, für Expertenrat "
        f"keine Höchstdauer festzulegen: ALTER ROLE {grantee} SET statement_timeout = 0;"
    )


def idle_cut_off(url: URL | None) -> str:
    """The server ended work whose transaction waited on the program (while it rendered
    the PDFs of approved minutes) longer than ``idle_in_transaction_session_timeout``."""
    user = login_user(url) if url is not None else None
    grantee = sql_identifier(user) if user else "<Benutzer>"
    return (
        "Der Datenbankserver hat die Arbeit abgebrochen: Sie wartete länger auf das Programm "
        "(etwa, während es PDF-Dateien erzeugte), als er erlaubt "
        "(idle_in_transaction_session_timeout). Bitten Sie Ihre IT-Betreuung, diese Grenze "
        "für Expertenrat aufzuheben: ALTER ROLE "
        f"{grantee} SET idle_in_transaction_session_timeout = 0;"
    )


def schema_owner_statement(schema: str, grantee: str) -> str:
    return f"ALTER SCHEMA {sql_identifier(schema)} OWNER TO {grantee};"


def not_owner(owners: TableOwners) -> str:
    """Other roles own the tables an upgrade changes: only an owner may change a table."""
    names = [f"„{name}“" for name in owners.owners]
    named = listed(names)
    whose = "dem Benutzer" if len(names) == 1 else "den Benutzern"
    grantee = sql_identifier(owners.user)
    text = (
        f"Der Datenbankserver verweigert dem Benutzer „{owners.user}“, die Tabellen von "
        f"Expertenrat zu ändern: Sie gehören {whose} {named}, und ändern darf sie nur ihr "
        "Eigentümer. Bitten Sie Ihre IT-Betreuung, "
    )
    run_as = f"die Datenbank einmal als {named} mit Expertenrat zu öffnen"
    if owners.system_owner:  # REASSIGN OWNED cannot take the system's objects
        if len(names) == 1:
            return f"{text}{run_as}; das aktualisiert sie."
        return (
            f"{text}den Benutzer zum Eigentümer aller Tabellen von Expertenrat zu machen "
            f"(ALTER TABLE … OWNER TO {grantee};)."
        )
    statements = f"REASSIGN OWNED BY {', '.join(map(sql_identifier, owners.owners))} TO {grantee};"
    if owners.schema not in (None, "public") and not owners.may_create:
        statements += f" {schema_owner_statement(owners.schema, grantee)}"
    elif not owners.may_create and owners.database_owner not in owners.owners:
        statements += f" ALTER DATABASE {sql_identifier(owners.database)} OWNER TO {grantee};"
    instead = f"{run_as} (das aktualisiert sie) oder " if len(names) == 1 else ""
    return (
        f"{text}{instead}in der Datenbank „{owners.database}“ den Benutzer zum Eigentümer "
        f"zu machen: {statements}"
    )


def login_user(url: URL) -> str | None:
    """The user a server address logs in as, if known here: its own, else PGUSER (as
    libpq); ``None``: libpq takes the user logged in to the operating system."""
    return url.username or os.environ.get("PGUSER") or None


def sql_identifier(name: str) -> str:
    """``name`` as a quoted SQL identifier (capitals, hyphens and quotes kept)."""
    return '"' + name.replace('"', '""') + '"'
