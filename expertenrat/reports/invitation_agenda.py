"""The columns of the invitation's agenda table: number, subject (title, what changed of
the item since the invitation in bold: "(neu)", "(geändert)", "(bisher nichtöffentlich)";
the title then, kind and project in small type), presenter and time."""

from __future__ import annotations

from collections.abc import Sequence

from expertenrat.domain.meeting_documents import AgendaEntry
from expertenrat.domain.wording import isolated, quoted
from expertenrat.reports import meeting_parts as parts
from expertenrat.reports import theme
from expertenrat.reports.line_breaks import NBSP
from expertenrat.reports.theme import PLAIN, SMALL_RUN_ON, Column, Lines

_MARK_RUN_ON = f"{NBSP}<b>{{}}</b>"  # "(neu)" after an item's title, in bold


def change_mark(entry: AgendaEntry) -> str:
    """What changed of the item since the invitation, as a changed letter marks it after the
    title: "(neu)"; "(geändert)" for a new title; "(bisher öffentlich)" or "(bisher
    nichtöffentlich)" for one moved to the other part ("(geändert, bisher …)" for both);
    "" for an item as the invitation listed it."""
    if entry.new:
        return "(neu)"
    marks = ["geändert"] if entry.earlier_title else []
    if entry.earlier_public is not None:
        marks.append("bisher öffentlich" if entry.earlier_public else "bisher nichtöffentlich")
    return f"({', '.join(marks)})" if marks else ""


def _subject(entry: AgendaEntry) -> Lines:
    """The title and, after it, kind and linked project in small type, each after a "·"
    that stays with the word before it (it ends a line, never begins one); the kind is
    kept whole on its line ("Beratung eines Projekts"), so a short title takes one line.
    The kind is left out where the title begins with it ("Bericht der Geschäftsstelle",
    "Verschiedenes"; :func:`meeting_parts.kind_beside`)."""
    kind = parts.kind_beside(entry.title, entry.kind_label)
    project = f"Projekt: {isolated(entry.project_title)}" if entry.project_title.strip() else ""
    project = project.replace(" ", NBSP, 1)  # "Projekt:" stays with the title's first word
    earlier = f"bisher: {quoted(isolated(entry.earlier_title))}" if entry.earlier_title else ""
    small = " · ".join(t for t in (earlier, kind.replace(" ", NBSP), project) if t)
    return [
        (entry.title, PLAIN),
        (change_mark(entry), _MARK_RUN_ON),
        (f"· {small}" if small else "", SMALL_RUN_ON),
    ]


def agenda_columns(agenda: Sequence[AgendaEntry]) -> tuple[Column[AgendaEntry], ...]:
    """The agenda's columns: number and time as wide as their longest entry ("TOP 10.2",
    "16:05–16:15", or just the header where no item has a time), the rest to the subject
    and, not quite a third of it, the presenter; the same widths in both parts."""
    number = theme.fitted_share(agenda, parts.number, "TOP")
    time = theme.fitted_share(agenda, parts.planned_time, "Zeit")
    rest = 1 - number - time
    return (
        Column("TOP", number, parts.number),
        Column("Gegenstand", rest * 0.72, _subject),
        Column("Vortrag", rest * 0.28, parts.presenter),
        Column("Zeit", time, parts.planned_time),
    )
