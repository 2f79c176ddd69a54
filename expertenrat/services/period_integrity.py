"""The integrity check's rule for appointment periods: those of one council do not overlap
(the service refuses it; a database edited by hand, or by another tool, may hold it)."""

from __future__ import annotations

from itertools import combinations, groupby

from sqlalchemy import Connection, select

from expertenrat.domain.appointment_periods import AppointmentPeriod, overlap, span
from expertenrat.domain.integrity import Finding, FindingKind
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
                f"Gremium „{council}“: Die Berufungsperioden „{a.name}“ ({span(a)}) und "
                f"„{b.name}“ ({span(b)}) überschneiden sich.",
            )
            for a, b in combinations(found, 2)
            if overlap(a, b)
        ]
    return findings
