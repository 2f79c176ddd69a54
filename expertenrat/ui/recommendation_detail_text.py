"""The detail of a recommendation as plain text: shown literally, whatever was typed."""

from __future__ import annotations

from datetime import date

from expertenrat.domain.recommendation_views import RecommendationDetail


def detail_text(detail: RecommendationDetail) -> str:
    row = detail.row
    lines = [
        f"{row.code} · {row.kind.label} · {row.status.label}",
        row.title,
        "",
        f"Handlungsfeld: {row.action_field or '–'}",
        f"Projekt(e): {row.project_names or '–'}",
        f"Herkunft: {row.origin.label}",
        f"Beschlossen: {_day(row.adopted_on)} · versandt: {_day(row.sent_on)} · "
        f"Antwort fällig: {_day(row.due_on)}",
    ]
    if row.overdue:
        late = row.overdue_text  # "seit 3 Tagen überfällig", "Umsetzung geplant bis …"
        lines.append(late[:1].upper() + late[1:])
    if detail.text:
        lines += ["", detail.text]
    lines += ["", "Stellungnahmen:"]
    if not detail.responses:
        lines.append("  noch keine")
    for response in detail.responses:
        final = " (abschließend)" if response.final else " (Zwischenstand)"
        who = f", {response.responder}" if response.responder else ""
        lines.append(f"  {_day(response.received_on)}{who}: {response.verdict.label}{final}")
        if response.reasons:
            lines.append(f"    Begründung: {response.reasons}")
        if response.measures:
            due = f" (bis {_day(response.measures_due_on)})" if response.measures_due_on else ""
            lines.append(f"    Maßnahmen: {response.measures}{due}")
    lines += ["", "Verlauf:"]
    for entry in detail.history:
        note = f" – {entry.note}" if entry.note else ""
        actor = f" ({entry.actor})" if entry.actor else ""
        lines.append(f"  {_day(entry.occurred_on)} {entry.label}{note}{actor}")
    return "\n".join(lines)


def _day(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else "–"
