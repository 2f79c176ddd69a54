"""The integrity check: the database's own checks, then the app's invariants.

SQLite checks its file (``PRAGMA integrity_check``) and its references
(``PRAGMA foreign_key_check``); on PostgreSQL every foreign key of the metadata is checked
by query and the catalog for missing tables, unvalidated constraints and invalid indexes.
Then: approved minutes and annexes (``annex_integrity``) still match their SHA-256,
attendance only by members of that council, on the meeting's date where the meeting holds
terms (``chairs_ahead.holds_terms``: not a cancelled one), no vote with more votes
than members present, agenda items only about projects of the meeting's council, and
recommendations addressed only to projects of their own council and not due before they
were sent (``recommendation_integrity``); stored texts that break the text rule
(``text_integrity``); appointment periods of one council that overlap
(``period_integrity``). Meetings, agenda items and recommendations deleted in the app are left
out of the app's invariants: nothing shows or counts them, and the user could not mend them.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Connection, and_, exists, func, inspect, select, text

from expertenrat.domain.enums import AttendanceStatus, MinutesState
from expertenrat.domain.integrity import Finding, FindingKind
from expertenrat.domain.minutes_versions import stored_pdf_intact
from expertenrat.domain.wording import counted
from expertenrat.services.annex_integrity import annex_findings
from expertenrat.services.attendance_integrity import (
    attendance_findings,
    late_invitation_findings,
)
from expertenrat.services.integrity_meetings import MEETING, meeting_label
from expertenrat.services.period_integrity import period_findings
from expertenrat.services.recommendation_integrity import recommendation_findings
from expertenrat.services.text_integrity import readable_texts, text_findings
from expertenrat.services.unit_of_work import reading
from expertenrat.store.database import Database
from expertenrat.store.migrate import own_schema
from expertenrat.store.models import (
    AgendaItem,
    Attendance,
    Base,
    Meeting,
    MinutesVersion,
    Project,
    Vote,
)


class IntegrityService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def check(self) -> list[Finding]:
        """Everything found wrong; an empty list means the database is in order."""
        # In a transaction: the texts are read in parts (text_integrity), a server-side cursor.
        with (
            reading(self._db, transaction=True) as session,
            readable_texts(session.connection()) as connection,
        ):
            storage = _sqlite_findings if self._db.is_sqlite else _postgresql_findings
            findings = storage(connection)
            findings += _minutes_findings(connection)
            findings += attendance_findings(connection)
            findings += late_invitation_findings(connection)
            findings += _vote_findings(connection)
            findings += _agenda_findings(connection)
            findings += recommendation_findings(connection)
            findings += annex_findings(connection)
            findings += text_findings(connection)
            findings += period_findings(connection)
        return findings


def _sqlite_findings(connection: Connection) -> list[Finding]:
    findings = [
        Finding(FindingKind.STORAGE, f"Die Datenbankdatei ist beschädigt: {message}")
        for (message,) in connection.exec_driver_sql("PRAGMA integrity_check")
        if message != "ok"
    ]
    findings += [
        Finding(
            FindingKind.REFERENCE,
            f"Tabelle {table}, Zeile {rowid}: verweist auf einen fehlenden Eintrag in {parent}.",
        )
        for table, rowid, parent, _fk in connection.exec_driver_sql("PRAGMA foreign_key_check")
    ]
    return findings


# The user's schema (see migrate.own_schema), by name: a cast of its name to regnamespace
# would read it as unquoted SQL ("Rat-Daten" is no schema "rat-daten").
_OWN_SCHEMA = "(SELECT oid FROM pg_namespace WHERE nspname = current_schema())"


def _postgresql_findings(connection: Connection) -> list[Finding]:
    present = set(inspect(connection).get_table_names(schema=own_schema(connection)))
    findings = [
        Finding(FindingKind.STORAGE, f"Die Tabelle {table.name} fehlt in der Datenbank.")
        for table in Base.metadata.sorted_tables
        if table.name not in present
    ]
    findings += [
        Finding(FindingKind.STORAGE, f"Die Regel {name} auf {table} ist nicht geprüft.")
        for table, name in connection.execute(
            text(
                "SELECT conrelid::regclass::text, conname FROM pg_constraint "
                f"WHERE NOT convalidated AND connamespace = {_OWN_SCHEMA}"
            )
        )
    ]
    findings += [
        Finding(FindingKind.STORAGE, f"Der Index {name} ist ungültig.")
        for (name,) in connection.execute(
            text(
                "SELECT indexrelid::regclass::text FROM pg_index JOIN pg_class c "
                "ON c.oid = indexrelid WHERE NOT indisvalid "
                f"AND c.relnamespace = {_OWN_SCHEMA}"
            )
        )
    ]
    for table in Base.metadata.sorted_tables:
        if table.name not in present:
            continue
        for key in table.foreign_keys:
            child = key.parent
            # An alias, so that a key into its own table (agenda item -> parent) works too.
            parent = key.column.table.alias("referenced").c[key.column.name]
            orphan = and_(
                child.isnot(None),
                ~exists().where(parent == child).correlate(table),
            )
            count = connection.scalar(select(func.count()).select_from(table).where(orphan))
            if count:
                findings.append(
                    Finding(
                        FindingKind.REFERENCE,
                        f"Tabelle {table.name}: "
                        + ("1 Zeile verweist" if count == 1 else f"{count} Zeilen verweisen")
                        + f" über {child.name} auf fehlende Einträge in "
                        f"{key.column.table.name}.",
                    )
                )
    return findings


def _minutes_findings(connection: Connection) -> list[Finding]:
    """Approved minutes whose stored PDF, full or public, no longer matches its SHA-256."""
    query = (
        select(
            MinutesVersion.number,
            *MEETING,
            MinutesVersion.pdf,
            MinutesVersion.sha256,
            MinutesVersion.public_pdf,
            MinutesVersion.public_sha256,
        )
        .join(Meeting, Meeting.id == MinutesVersion.meeting_id)
        .where(MinutesVersion.state == MinutesState.APPROVED.value)
        .order_by(MinutesVersion.id)
    )
    findings = []
    for (
        version,
        number,
        kind,
        starts_at,
        meeting_title,
        pdf,
        sha256,
        public_pdf,
        public_sha256,
    ) in connection.execute(query):
        meeting = meeting_label(number, kind, starts_at, meeting_title)
        for what, its, data, digest in (
            ("Das genehmigte Protokoll", "seiner", pdf, sha256),
            (
                "Die öffentliche Fassung des genehmigten Protokolls",
                "ihrer",
                public_pdf,
                public_sha256,
            ),
        ):
            if stored_pdf_intact(data, digest) is False:  # None: approved before PDFs
                message = f"{what} (Fassung {version}) der {meeting} stimmt nicht mit {its} "
                findings.append(
                    Finding(FindingKind.MINUTES, message + "gespeicherten Prüfsumme überein.")
                )
    return findings


def _vote_findings(connection: Connection) -> list[Finding]:
    present = Counter(
        dict(
            connection.execute(
                select(Attendance.meeting_id, func.count())
                .where(Attendance.status == AttendanceStatus.PRESENT.value)
                .group_by(Attendance.meeting_id)
            ).all()
        )
    )
    query = (
        select(
            Meeting.id,
            *MEETING,
            AgendaItem.number,
            Vote.yes + Vote.no + Vote.abstain + Vote.recused,
        )
        .select_from(Vote)
        .join(AgendaItem, AgendaItem.id == Vote.agenda_item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(Meeting.deleted_at.is_(None), AgendaItem.deleted_at.is_(None))
        .order_by(Meeting.starts_at, Vote.id)
    )
    return [
        Finding(
            FindingKind.VOTE,
            f"{meeting_label(number, kind, starts_at, title)}, TOP {item}: "
            f"{counted(votes, 'Stimme', 'Stimmen')}, aber nur "
            f"{counted(present[meeting_id], 'Mitglied', 'Mitglieder')} anwesend.",
        )
        for meeting_id, number, kind, starts_at, title, item, votes in connection.execute(query)
        if votes > present[meeting_id]
    ]


def _agenda_findings(connection: Connection) -> list[Finding]:
    """Agenda items about a project of another council: the agenda refuses them, so they
    come only from outside, and every count of consultations leaves them out."""
    query = (
        select(
            *MEETING,
            AgendaItem.number,
            Project.title,
        )
        .select_from(AgendaItem)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .join(Project, Project.id == AgendaItem.project_id)
        .where(
            Project.council_id != Meeting.council_id,
            Meeting.deleted_at.is_(None),
            AgendaItem.deleted_at.is_(None),
        )
        .order_by(Meeting.starts_at, AgendaItem.id)
    )
    findings = []
    for number, kind, starts_at, meeting_title, item, title in connection.execute(query):
        meeting = meeting_label(number, kind, starts_at, meeting_title)
        findings.append(
            Finding(
                FindingKind.AGENDA,
                f"{meeting}, TOP {item}: behandelt das Projekt "
                f"„{title}“ eines anderen Gremiums; Übersicht, Tätigkeitsbericht und "
                "Projekte zählen diesen TOP nicht als Beratung.",
            )
        )
    return findings
