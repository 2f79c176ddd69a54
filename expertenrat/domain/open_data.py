"""The open-data tables: the public recommendations register and the meeting list.

They are read from the same records as the OParl export and obey the same rules
(:mod:`expertenrat.domain.oparl_public`): no drafts, nothing from non-public items, no
deleted records. Each table describes its columns once (name, Frictionless type, title,
description); the exchange layer writes them as CSV plus a ``datapackage.json``. Values
are text in the CSV form: ISO dates, ``true``/``false``, empty for none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from expertenrat.domain.meetings import meeting_label
from expertenrat.domain.oparl_public import Exposure, PublicCouncil
from expertenrat.domain.oparl_records import CouncilRecord, MeetingRecord


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # Frictionless: string, integer, date, datetime, boolean
    title: str
    description: str
    required: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    name: str  # also the file name: {name}.csv
    title: str
    description: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def path(self) -> str:
        return f"{self.name}.csv"


RECOMMENDATION_COLUMNS = (
    Column("id", "string", "Kennung (UUID)", "Dauerhafte Kennung, wie im OParl-Export", True),
    Column("gremium", "string", "Gremium", "Name des Gremiums", True),
    Column(
        "code",
        "string",
        "Zeichen",
        # the way a code is made, not one council's prefix (found by a tester)
        "Zeichen der Empfehlung: Kürzel des Gremiums, Jahr und laufende Nummer",
        True,
    ),
    Column("art", "string", "Art", "Empfehlung, Impuls oder Stellungnahme", True),
    Column("titel", "string", "Titel", "Titel der Empfehlung", True),
    Column("text", "string", "Wortlaut", "Wortlaut der Empfehlung"),
    Column("handlungsfeld", "string", "Handlungsfeld", "Handlungsfeld der Empfehlung"),
    Column("projekte", "string", "Projekte", "Adressierte Projekte, getrennt durch „; “"),
    Column("beschlossen_am", "date", "Beschlossen am", "Tag des Beschlusses"),
    Column("sitzung", "integer", "Sitzung", "Laufende Nummer der beschließenden Sitzung"),
    Column("frist", "date", "Frist", "Frist für die Stellungnahme des Projekts"),
    Column("status", "string", "Status", "Stand: beschlossen, übermittelt, beantwortet …", True),
)

MEETING_COLUMNS = (
    Column("id", "string", "Kennung (UUID)", "Dauerhafte Kennung, wie im OParl-Export", True),
    Column("gremium", "string", "Gremium", "Name des Gremiums", True),
    Column("nummer", "integer", "Nummer", "Laufende Nummer der Sitzung im Gremium"),
    Column("name", "string", "Bezeichnung", "Bezeichnung der Sitzung", True),
    Column(
        "beginn",
        "datetime",
        "Beginn",
        "Beginn mit Zeitzonen-Abstand (ISO 8601): geplant, nach Genehmigung des Protokolls "
        "wie protokolliert",
        True,
    ),
    Column(
        "ende",
        "datetime",
        "Ende",
        "Ende mit Zeitzonen-Abstand (ISO 8601): geplant, nach Genehmigung des Protokolls "
        "wie protokolliert",
    ),
    Column("ort", "string", "Ort", "Ort und Raum"),
    Column("status", "string", "Status", "geplant, eingeladen, durchgeführt oder abgesagt", True),
    Column("abgesagt", "boolean", "Abgesagt", "true, wenn die Sitzung abgesagt wurde", True),
    Column("oeffentliche_tops", "integer", "Öffentliche TOPs", "Zahl der öffentlichen TOPs", True),
    Column("protokoll_genehmigt_am", "date", "Protokoll genehmigt am", "Genehmigung"),
)


def open_data_tables(councils: Sequence[CouncilRecord]) -> tuple[Table, Table]:
    """The recommendations register and the meeting list of all councils."""
    recommendations: list[tuple[str, ...]] = []
    meetings: list[tuple[str, ...]] = []
    for council in councils:
        public = PublicCouncil(council)
        recommendations += _recommendation_rows(council, public)
        meetings += [
            _meeting_row(council, m, public) for m in council.meetings if m.stamp.deleted is None
        ]
    return (
        Table(
            "empfehlungen",
            "Empfehlungen und Impulse",
            "Das öffentliche Register der Empfehlungen, Impulse und Stellungnahmen",
            RECOMMENDATION_COLUMNS,
            tuple(recommendations),
        ),
        Table(
            "sitzungen",
            "Sitzungen",
            "Die Sitzungen der Gremien mit Ort, Status und Protokoll",
            MEETING_COLUMNS,
            tuple(meetings),
        ),
    )


def _recommendation_rows(council: CouncilRecord, public: PublicCouncil) -> list[tuple[str, ...]]:
    fields = {f.stamp.key: f.name for f in council.fields}
    projects = {p.stamp.key: p.title for p in council.projects}
    meeting_of = {i.stamp.key: m for m in council.meetings for i in m.items}
    rows = []
    for r in council.recommendations:
        if public.recommendations[r.stamp.key] is not Exposure.FULL:
            continue
        origin = meeting_of.get(r.origin_item_key or "")
        rows.append(
            _row(
                r.stamp.key,
                council.name,
                r.code,
                r.kind.label,
                r.title,
                r.text,
                fields.get(r.field_key or "", ""),
                "; ".join(projects[k] for k in r.project_keys if k in projects),
                r.adopted_on,
                origin.number if origin is not None else None,
                r.due_on,
                r.status.label,
            )
        )
    return rows


def _meeting_row(
    council: CouncilRecord, meeting: MeetingRecord, public: PublicCouncil
) -> tuple[str, ...]:
    name = meeting_label(meeting.number, meeting.kind, " ".join(meeting.title.split()))
    items = sum(1 for i in meeting.items if public.items[i.stamp.key] is Exposure.FULL)
    return _row(
        meeting.stamp.key,
        council.name,
        meeting.number,
        name,
        meeting.start,
        meeting.end,
        ", ".join(p for p in (meeting.place, meeting.room) if p),
        meeting.state.label,
        meeting.state.value == "cancelled",
        items,
        meeting.minutes.on if meeting.minutes is not None else None,
    )


def _row(*values: object) -> tuple[str, ...]:
    return tuple(_text(v) for v in values)


_FORMATS: dict[type, Callable[[object], str]] = {
    bool: lambda v: "true" if v else "false",
    datetime: lambda v: v.isoformat(timespec="seconds"),  # type: ignore[attr-defined]
    date: lambda v: v.isoformat(),  # type: ignore[attr-defined]
}


def _text(value: object) -> str:
    if value is None:
        return ""
    return _FORMATS.get(type(value), str)(value)
