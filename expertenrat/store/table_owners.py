"""Who owns Expertenrat's tables on a PostgreSQL server, and in which schema they are,
asked when the server refused a right.

Only the owner of a table may change it ("must be owner of table", SQLSTATE 42501): if
another role owns the tables, owning the database does not help. The advice
(:func:`expertenrat.store.work_problems.work_problem`) names the owners and the
statements that give the tables to the user, from these facts. The tables are in the
schema the user works in (``current_schema()``: the first of its ``search_path`` that it
may use), ``public`` unless the IT gave the user a schema of its own (a schema named
like the user, ``ALTER ROLE … SET search_path``, or ``?options=-csearch_path%3D…`` in the
address): the advice names that schema.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, exc, text
from sqlalchemy.engine import URL

from expertenrat.store.engine import make_engine

# PostgreSQL's bootstrap superuser (BOOTSTRAP_SUPERUSERID): REASSIGN OWNED cannot take
# its objects, they are "required by the database system".
_SYSTEM_ROLE_OID = 10

_FACTS = text(
    "SELECT current_user, current_database(), pg_get_userbyid(datdba), current_schema(), "
    "coalesce(has_schema_privilege(current_schema(), 'CREATE'), false), "
    "current_setting('search_path') FROM pg_database "
    "WHERE datname = current_database()"
)
_OTHER_OWNERS = text(
    "SELECT DISTINCT r.rolname, r.oid = :system FROM pg_class c "
    "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_roles r ON r.oid = c.relowner "
    "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname IN :tables "
    "AND r.rolname <> current_user ORDER BY 1"
).bindparams(bindparam("tables", expanding=True))


@dataclass(frozen=True, slots=True)
class TableOwners:
    user: str  # the role the address logs in as
    database: str
    owners: tuple[str, ...]  # the other roles that own some of Expertenrat's tables
    system_owner: bool  # the bootstrap superuser is one of them
    database_owner: str
    schema: str | None  # where the user's tables are (None: no schema it may use)
    may_create: bool  # the user may create tables there
    search_path: str  # where the server looks for the schema, as set for the user


def read_table_owners(url: URL) -> TableOwners | None:
    """The owners of Expertenrat's tables in the server database ``url``, as its user
    sees them, and its schema; ``None`` if the server does not tell."""
    from expertenrat.store.models import Base

    tables = [*Base.metadata.tables, "alembic_version"]
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            user, database, database_owner, schema, may_create, search_path = connection.execute(
                _FACTS
            ).one()
            rows = connection.execute(
                _OTHER_OWNERS, {"system": _SYSTEM_ROLE_OID, "tables": tables}
            ).all()
    except exc.DBAPIError:
        return None
    finally:
        engine.dispose()
    return TableOwners(
        user=user,
        database=database,
        owners=tuple(name for name, _system in rows),
        system_owner=any(system for _name, system in rows),
        database_owner=database_owner,
        schema=schema,
        may_create=may_create,
        search_path=search_path,
    )
