"""The integrity check's rule for appointment periods: those of one council do not overlap,
and each has a name (the service refuses both; a database edited by hand, or by another
tool, may hold them). Names are shown as the text rule shows them, on one line."""

from __future__ import annotations

from itertools import combinations, groupby

from sqlalchemy import Connection, select

from expertenrat.domain.appointment_periods import AppointmentPeriod, overlap, span
from expertenrat.domain.integrity import Finding, FindingKind
from expertenrat.domain.text_characters import shows_nothing
from expertenrat.services.text_integrity import quoted_line
from expertenrat.store.models import AppointmentPeriod as PeriodRow
from expertenrat.store.models import Council


def period_findings(connection: Connection) -> list[Finding]:
    rows = connection.execute(
        select(
            Council.id,
            Council.name,
            PeriodRow.id,
            PeriodRow.name,
            PeriodRow.starts_on,
            PeriodRow.ends_on,
        )
        .join(Council, Council.id == PeriodRow.council_id)
        .order_by(Council.id, PeriodRow.starts_on, PeriodRow.id)
    ).all()
    findings = []
    for (_id, council), periods in groupby(rows, lambda row: (row[0], row[1])):
        found = [AppointmentPeriod(*row[2:]) for row in periods]
        findings += [
            Finding(
                FindingKind.PERIOD,
                f"Gremium {quoted_line(council)}: Die Berufungsperiode ab "
                f"{period.start:%d.%m.%Y} hat keinen Namen.",
            )
            for period in found
            if shows_nothing(period.name)
        ]
        findings += [
            Finding(
                FindingKind.PERIOD,
                f"Gremium {quoted_line(council)}: Die Berufungsperioden {quoted_line(a.name)} "
                f"({span(a)}) und {quoted_line(b.name)} ({span(b)}) überschneiden sich.",
            )
            for a, b in combinations(found, 2)
            if overlap(a, b)
        ]
    return findings
