"""The integrity check's text rule: stored texts that break ``field_limits``.

Services and imports clean and check every text, but a hand-edited or old backup is
restored as it is, and older versions or other tools writing into a shared database may
store anything. Each text field of ``field_limits`` is checked against its rule (controls,
format characters, line breaks in one-line fields, length); every other text column only
for what PostgreSQL refuses (NUL, longer than its column), so that a move to the server
that fails on a value can send the user here to find the record. A
finding names the record as lists do ("Mitglied „Anna Berg“, Feld Nachname") and what is
wrong; approved minutes are frozen, so naming them is all the check does. One streamed
query per table; a label never shows the invisible character it may itself hold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Column, Connection, Select, String, Table, select

from expertenrat.domain import field_limits as limits
from expertenrat.domain.audit_labels import field_label, field_noun
from expertenrat.domain.field_limits import (
    TextField,
    stored_text_faults,
    too_long_fault,
)
from expertenrat.domain.integrity import Finding, FindingKind
from expertenrat.domain.text_characters import pasted_line
from expertenrat.services.integrity_meetings import MEETING, meeting_label
from expertenrat.store.models import (
    ActionField,
    AgendaItem,
    AppointmentPeriod,
    Base,
    Council,
    Guest,
    Meeting,
    Person,
    Project,
    ProjectPartner,
    Recommendation,
    RecommendationResponse,
    RecommendationStatusChange,
    StoredFile,
    TextTemplate,
    Vote,
)

_BATCH = 500


@dataclass(frozen=True)
class _Record:
    """How a table's rows are named: ``label`` gets the values of ``query``'s columns."""

    entity: str  # the audit trail's kind of record, which names the fields
    specs: Mapping[str, TextField]
    query: Select
    label: Callable[..., str]
    names: Mapping[str, str] = field(default_factory=dict)  # column -> its German name


def _meeting(number: int | None, kind: str, starts_at: datetime, title: str) -> str:
    return meeting_label(number, kind, starts_at, title, pasted_line)


def quoted_line(text: str) -> str:
    """A stored name as a finding names it: quoted, on one line (a hand-edited line break
    or tab as a space), without the invisible characters it may hold."""
    return f"„{pasted_line(text)}“"


_RECORDS: dict[str, _Record] = {
    "persons": _Record(
        "membership",
        limits.PERSON,
        select(Person.given_name, Person.family_name),
        lambda given, family: f"Mitglied {quoted_line(f'{given} {family}')}",
    ),
    "councils": _Record(
        "council", limits.COUNCIL, select(Council.name), lambda name: f"Gremium {quoted_line(name)}"
    ),
    "action_fields": _Record(
        "action_field",
        {"name": limits.ACTION_FIELD_NAME},
        select(ActionField.name),
        lambda name: f"Handlungsfeld {quoted_line(name)}",
    ),
    "projects": _Record(
        "project", limits.PROJECT, select(Project.title), lambda t: f"Projekt {quoted_line(t)}"
    ),
    "project_partners": _Record(
        "project",
        {"name": limits.PARTNER_NAME},
        select(Project.title)
        .select_from(ProjectPartner)
        .join(Project, Project.id == ProjectPartner.project_id),
        lambda title: f"Projekt {quoted_line(title)}",
        {"name": "Partner"},
    ),
    "meetings": _Record("meeting", limits.MINUTES_HEADER, select(*MEETING), _meeting),
    "guests": _Record(
        "guest",
        {},
        select(*MEETING, Guest.name)
        .select_from(Guest)
        .join(Meeting, Meeting.id == Guest.meeting_id),
        lambda *meeting_and_guest: (
            f"{_meeting(*meeting_and_guest[:4])}, Gast {quoted_line(meeting_and_guest[4])}"
        ),
    ),
    "agenda_items": _Record(
        "agenda_item",
        {**limits.AGENDA_ITEM, **limits.MINUTES_ITEM},
        select(*MEETING, AgendaItem.number)
        .select_from(AgendaItem)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id),
        lambda *meeting_and_item: f"{_meeting(*meeting_and_item[:4])}, TOP {meeting_and_item[4]}",
    ),
    "votes": _Record(
        "votes",
        {"subject": limits.VOTE_SUBJECT},
        select(*MEETING, AgendaItem.number)
        .select_from(Vote)
        .join(AgendaItem, AgendaItem.id == Vote.agenda_item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id),
        lambda *meeting_and_item: (
            f"{_meeting(*meeting_and_item[:4])}, TOP {meeting_and_item[4]}, Abstimmung"
        ),
    ),
    "files": _Record(
        "file",
        {"title": limits.ANNEX_TITLE},
        select(StoredFile.name),
        lambda name: f"Anlage {quoted_line(name)}",
    ),
    "recommendations": _Record(
        "recommendation",
        limits.RECOMMENDATION,
        select(Recommendation.code),
        lambda code: f"Empfehlung {pasted_line(code)}",
    ),
    "recommendation_responses": _Record(
        "recommendation",
        limits.RECOMMENDATION_RESPONSE,
        select(Recommendation.code)
        .select_from(RecommendationResponse)
        .join(Recommendation, Recommendation.id == RecommendationResponse.recommendation_id),
        lambda code: f"Empfehlung {pasted_line(code)}, Stellungnahme",
    ),
    "recommendation_status_changes": _Record(
        "recommendation",
        {"note": limits.HISTORY_NOTE},
        select(Recommendation.code)
        .select_from(RecommendationStatusChange)
        .join(Recommendation, Recommendation.id == RecommendationStatusChange.recommendation_id),
        lambda code: f"Empfehlung {pasted_line(code)}, Verlauf",
    ),
    "text_templates": _Record(
        "text_template",
        limits.TEXT_TEMPLATE,
        select(TextTemplate.label),
        lambda label: f"Textbaustein {quoted_line(label)}",
    ),
    "appointment_periods": _Record(
        "appointment_period",
        limits.APPOINTMENT_PERIOD,
        select(Council.name, AppointmentPeriod.name)
        .select_from(AppointmentPeriod)
        .join(Council, Council.id == AppointmentPeriod.council_id),
        lambda council, name: (
            f"Gremium {quoted_line(council)}, Berufungsperiode {quoted_line(name)}"
        ),
    ),
}


@contextmanager
def readable_texts(connection: Connection) -> Iterator[Connection]:
    """``connection``, on SQLite reading a text that is not valid UTF-8 (a lone surrogate
    another tool wrote) with the bad bytes as surrogates, which the text rule names,
    instead of failing the whole check; PostgreSQL stores only valid UTF-8."""
    if connection.dialect.name != "sqlite":
        yield connection
        return
    driver = connection.connection.driver_connection
    before = driver.text_factory
    driver.text_factory = _decoded
    try:
        yield connection
    finally:
        driver.text_factory = before


def _decoded(data: bytes) -> str:
    try:
        return data.decode("utf-8", "surrogatepass")  # a lone surrogate as itself
    except UnicodeDecodeError:
        return data.decode("utf-8", "surrogateescape")  # other bad bytes as U+DC80…U+DCFF


def text_findings(connection: Connection) -> list[Finding]:
    """The stored texts that break the text rule, table by table."""
    findings = []
    for table in Base.metadata.sorted_tables:
        texts = [c for c in table.columns if isinstance(c.type, String)]  # also Text
        if texts:
            findings += _table_findings(connection, table, texts)
    return findings


def _table_findings(connection: Connection, table: Table, texts: list[Column]) -> list[Finding]:
    record = _RECORDS.get(table.name)
    if record is None:  # named as the database names it, as the reference check does
        keys = list(table.primary_key.columns)
        query = select(*keys).select_from(table)

        def label(*key: object) -> str:
            return f"Tabelle {table.name}, Zeile {'/'.join(map(str, key))}"

        specs: Mapping[str, TextField] = {}
    else:
        query, label, specs = record.query, record.label, record.specs
    width = len(query.selected_columns)
    query = query.add_columns(*texts).order_by(*table.primary_key.columns)
    findings = []
    for row in connection.execute(query.execution_options(yield_per=_BATCH)):  # streamed
        for column, value in zip(texts, row[width:], strict=True):
            spec = specs.get(column.name)
            faults = _faults(value, spec, column.type.length)
            if faults:
                where = label(*row[:width])
                name = _field_name(record, column.name, spec)
                findings.append(Finding(FindingKind.TEXT, f"{where}, {name}: {', '.join(faults)}."))
    return findings


def _faults(value: str | None, spec: TextField | None, length: int | None) -> list[str]:
    """What breaks the text rule (a field of ``field_limits``), else what PostgreSQL
    refuses, so that the move to a server fails: NUL, longer than its column."""
    if not value:
        return []
    if spec is not None:
        return stored_text_faults(value, spec)
    faults = ["enthält ein unsichtbares Steuerzeichen (U+0000)"] if "\x00" in value else []
    if length is not None and len(value) > length:
        faults.append(too_long_fault(value, length))
    return faults


def _field_name(record: _Record | None, column: str, spec: TextField | None) -> str:
    if record is None:
        return f"Spalte {column}"
    if column in record.names:
        return f"Feld {record.names[column]}"
    return f"Feld {field_noun(spec) if spec else field_label(record.entity, column)}"
