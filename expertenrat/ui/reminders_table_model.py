"""Table model of the reminders dialog: per project (one marked as finished "…
(abgeschlossen)") what is overdue or due within 14 days (a passed planned implementation
marked "(Umsetzung)", listed first), with whom to remind (lead unit, contact person, each
cut after :data:`WHOM_LIMIT` characters, the tooltip whole), the earliest date due (a
response's deadline or a plan's date) and when the project was last reminded
("03.03.2026", its tooltip in words, or "noch nie")."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date

from PySide6.QtCore import QObject

from expertenrat.domain.german_dates import date_in_words
from expertenrat.domain.projects import marked_title
from expertenrat.domain.recommendation_links import AddressedProject
from expertenrat.domain.reminders import ProjectReminder
from expertenrat.domain.wording import shortened
from expertenrat.ui.i18n import tr
from expertenrat.ui.table_model import Column, RowsTableModel, number_column, text_column

_CONTEXT = "RemindersTableModel"
# A lead unit or contact may be 300 characters long: wrapped whole in its narrow column, it
# made its row many lines tall (found by a tester). Cut "…", the tooltip shows it whole.
WHOM_LIMIT = 60


class RemindersTableModel(RowsTableModel):
    (
        COLUMN_PROJECT,
        COLUMN_LEAD,
        COLUMN_CONTACT,
        COLUMN_CODES,
        COLUMN_OVERDUE,
        COLUMN_DUE,
        COLUMN_REMINDED,
    ) = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[ProjectReminder], ...] = (
            text_column(tr(_CONTEXT, "Projekt"), project_title),
            _whom_column(tr(_CONTEXT, "Federführung"), lambda r: r.project.lead_unit),
            _whom_column(tr(_CONTEXT, "Ansprechperson"), lambda r: contact(r.project)),
            text_column(tr(_CONTEXT, "Empfehlungen"), codes),
            # how many of the listed recommendations are overdue (the register's
            # "überfällig" counts days)
            number_column(tr(_CONTEXT, "Davon überfällig"), lambda r: r.overdue),
            Column(
                tr(_CONTEXT, "Fällig am"),
                lambda r: f"{next_due(r):%d.%m.%Y}",
                sort_value=next_due,
            ),
            Column(
                tr(_CONTEXT, "Zuletzt erinnert"),
                last_reminded,
                sort_value=lambda r: r.last_reminded or date.min,
                tooltip=last_reminded_tip,
            ),
        )
        super().__init__(columns, parent)

    def key(self, row: ProjectReminder) -> Hashable:
        return row.project.id


def _whom_column(header: str, text: Callable[[ProjectReminder], str]) -> Column[ProjectReminder]:
    """Whom to remind, at most :data:`WHOM_LIMIT` characters; the tooltip whole."""
    return text_column(
        header, lambda r: shortened(text(r), WHOM_LIMIT), tooltip=lambda r: text(r) or None
    )


def project_title(reminder: ProjectReminder) -> str:
    """ "Klimaportal", or "Klimaportal (abgeschlossen)" for a project marked as finished."""
    return marked_title(reminder.project.title, reminder.project.ended)


def contact(project: AddressedProject) -> str:
    """ "Dr. Merle Steffens (merle.steffens@example.org)", or what of it is known."""
    name, email = project.contact_name.strip(), project.contact_email.strip()
    if name and email:
        return f"{name} ({email})"
    return name or email


def codes(reminder: ProjectReminder) -> str:
    """ "E-2026-04 (Umsetzung), E-2026-01": a passed plan asks for the implementation. The
    marked codes come first (the column shows whole: the project's name gives way)."""
    marked = tr(_CONTEXT, "{} (Umsetzung)")
    plans = [marked.format(item.code) for item in reminder.items if item.awaits_plan]
    return ", ".join(plans + [item.code for item in reminder.items if not item.awaits_plan])


def last_reminded(reminder: ProjectReminder) -> str:
    """ "03.03.2026" (short, as "fällig am" beside it: the room is the project's), or
    "noch nie"."""
    if reminder.last_reminded is None:
        return tr(_CONTEXT, "noch nie")
    return f"{reminder.last_reminded:%d.%m.%Y}"


def last_reminded_tip(reminder: ProjectReminder) -> str | None:
    """ "Zuletzt erinnert am Dienstag, 3. März 2026" """
    if reminder.last_reminded is None:
        return None
    return tr(_CONTEXT, "Zuletzt erinnert am {}").format(date_in_words(reminder.last_reminded))


def next_due(reminder: ProjectReminder) -> date:
    """The earliest date among the reminder's recommendations (each has one): the due
    date of a response, or the planned date of an implementation."""
    return min(item.awaited_on or date.max for item in reminder.items)
