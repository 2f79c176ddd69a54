"""The audit trail as a CSV file for Excel, in the dialect of the members export
(``;``, UTF-8 with BOM, CRLF, formula injection neutralised; see
:mod:`expertenrat.exchange.members_csv`).

One row per changed field, so that Excel can filter by field; an entry without field
values (a deletion of the demo, an import) is one row with empty field columns. Times are
in the council's time zone as TT.MM.JJJJ HH:MM. A value longer than an Excel cell holds (a
Verlauf der Beratung of 100,000 characters) is cut with a marker (:func:`excel_cell`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

from expertenrat.domain.audit_fields import AuditLine, Names, field_changes, local_time
from expertenrat.domain.audit_labels import entity_label
from expertenrat.domain.councils import DEFAULT_ROLE_TITLES, RoleTitles
from expertenrat.exchange.excel_text import excel_cell, excel_csv, excel_safe

HEADER = ("Zeitpunkt", "Person", "Änderung", "Bereich", "Beschreibung", "Feld", "vorher", "nachher")


def audit_rows(
    lines: Iterable[AuditLine],
    zone: ZoneInfo,
    names: Names | None = None,
    titles: RoleTitles = DEFAULT_ROLE_TITLES,
) -> Iterator[tuple[datetime, str, str, str, str, str, str, str]]:
    """The rows under :data:`HEADER` of ``lines`` (newest first, as the page shows them), the
    time in the council's ``zone``; ``names``: of the records their fields refer to,
    ``titles``: the council's for chair and vice chair (see
    :func:`~expertenrat.domain.audit_fields.field_changes`)."""
    for line in lines:
        at = local_time(line.at, zone)
        entry = (line.actor, line.action.label, entity_label(line.entity), line.summary)
        changes = field_changes(line.entity, line.before, line.after, names, titles)
        for change in changes or [None]:
            fields = ("", "", "") if change is None else (change.label, change.before, change.after)
            yield (at, *entry, *fields)


def export_audit_csv(
    lines: Iterable[AuditLine],
    zone: ZoneInfo,
    names: Names | None = None,
    titles: RoleTitles = DEFAULT_ROLE_TITLES,
) -> bytes:
    """Write ``lines`` for Excel (see :func:`audit_rows`)."""
    return excel_csv(
        HEADER,
        (
            [excel_cell(excel_safe(value)) for value in (f"{at:%d.%m.%Y %H:%M}", *texts)]
            for at, *texts in audit_rows(lines, zone, names, titles)
        ),
    )
