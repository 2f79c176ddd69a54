"""The detail of a recommendation as plain text: shown literally, whatever was typed."""

from __future__ import annotations

from datetime import date

from expertenrat.domain.recommendation_history import HistoryEntry, Response
from expertenrat.domain.recommendation_views import (
    RecommendationDetail,
    RecommendationRow,
)
from expertenrat.domain.recommendations import FINAL


def still_current(detail: RecommendationDetail | None, row: RecommendationRow) -> bool:
    """Whether ``detail`` (handed over by a step) is that of the register's ``row`` as read
    after it: the same version, as of the same day; else the detail is read anew."""
    return detail is not None and (detail.row.id, detail.row.version, detail.row.on) == (
        row.id,
        row.version,
        row.on,
    )


def detail_text(detail: RecommendationDetail) -> str:
    row = detail.row
    lines = [
        f"{row.code} · {row.kind.label} · {row.status.label}",
        row.title,
        "",
        f"Handlungsfeld: {row.action_field or '–'}",
        f"Projekt(e): {row.project_names or '–'}",
        f"Herkunft: {row.origin.label}",
        f"Beschlossen: {_day(row.adopted_on)} · übermittelt: {_day(row.sent_on)}{_due(row)}",
    ]
    if row.answer_progress:  # "1 von 2 Projekten hat geantwortet; es fehlt noch …"
        lines.append(f"Antworten: {row.answer_progress}")
    if row.any_overdue:  # "seit 3 Tagen überfällig", "Umsetzung geplant bis …"
        late = row.most_overdue.overdue_text
        lines.append(late[:1].upper() + late[1:])
    if detail.text:
        lines += ["", detail.text]
    lines += ["", "Stellungnahmen:"]
    if not detail.responses:
        lines.append("  noch keine")
    for response in detail.responses:
        final = " (abschließend)" if response.final else " (Zwischenstand)"
        who = f", {response.responder}" if response.responder else ""
        source = _source(row, response)
        lines.append(
            f"  {_day(response.received_on)}{source}{who}: {response.verdict.label}{final}"
        )
        if response.reasons:
            lines.append(_indented(f"    Begründung: {response.reasons}", "      "))
        due = f" (bis {_day(response.measures_due_on)})" if response.measures_due_on else ""
        if response.measures or due:  # a date planned without words is shown too
            lines.append(_indented(f"    Maßnahmen: {response.measures or '–'}{due}", "      "))
    lines += ["", "Verlauf:"]
    for entry in detail.history:
        actor = f" ({entry.actor})" if entry.actor else ""
        lines.append(_indented(f"  {_day(entry.occurred_on)} {_step(entry)}{actor}", "    "))
    return "\n".join(lines)


def _due(row: RecommendationRow) -> str:
    """ " · Antwort fällig: 02.07.2026"; none once final: a closed one awaits nothing."""
    return "" if row.status in FINAL else f" · Antwort fällig: {_day(row.due_on)}"


def _source(row: RecommendationRow, response: Response) -> str:
    """ " von „Klimaportal“" where the recommendation is addressed to several projects (or
    the answer's project is no longer addressed: kept, and said so); else empty."""
    addressed = {p.id for p in row.projects}
    if response.project_id is not None and response.project_id not in addressed:
        return f" {response.from_label} (nicht mehr adressiert)"
    return f" {response.from_label}" if len(addressed) > 1 else ""


def _step(entry: HistoryEntry) -> str:
    """ "Statuswechsel: beschlossen – im Umlauf"; a note that begins with the step's own
    word says it alone: "Erinnerung an „Klimaportal“", not "Erinnerung – Erinnerung an …"."""
    if not entry.note:
        return entry.label
    if entry.note.startswith(f"{entry.label} "):
        return entry.note
    return f"{entry.label} – {entry.note}"


def _indented(text: str, indent: str) -> str:
    """``text`` whose further lines (a reason typed on several lines) stand indented under
    its first, not at the left edge among the headings."""
    first, *rest = text.split("\n")
    return "\n".join([first, *(f"{indent}{line}" for line in rest)])


def _day(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else "–"
