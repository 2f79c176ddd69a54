"""Table model of a council's members (active and former)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtGui import QColor

from expertenrat.domain.councils import DEFAULT_ROLE_TITLES, RoleTitles
from expertenrat.domain.members import Member
from expertenrat.domain.text_folding import searchable
from expertenrat.ui.i18n import tr
from expertenrat.ui.table_model import Column, RowsTableModel, text_column
from expertenrat.ui.theme_colours import dimmed

_CONTEXT = "MembersTableModel"


@dataclass(frozen=True, slots=True)
class MemberRow:
    """A member with what the table shows and filters by, computed once per reload.

    ``search_text`` is folded (see :func:`~expertenrat.domain.text_folding.fold`).
    """

    member: Member
    role: str  # as the council calls it ("Sprecher*in")
    primary_field: str
    fields: str
    status: str
    state: str  # "active", "future" or "former", as in StatusFilter
    search_text: str
    sort_name: str  # the Name column sorts by it: Member.sort_name (name_sort_key)

    @property
    def active(self) -> bool:
        return self.state == "active"


class MembersTableModel(RowsTableModel):
    """Members in rows; they start in name order, the view's proxy sorts by any column.

    The first five columns are shown by default; the others can be shown from the
    header's context menu (see MembersPage).
    """

    (
        COLUMN_NAME,
        COLUMN_AFFILIATION,
        COLUMN_ROLE,
        COLUMN_PRIMARY_FIELD,
        COLUMN_TERM,
        COLUMN_TITLE,
        COLUMN_SECTOR,
        COLUMN_FIELDS,
        COLUMN_EMAIL,
        COLUMN_STATUS,
    ) = range(10)
    HIDDEN_BY_DEFAULT = (COLUMN_TITLE, COLUMN_SECTOR, COLUMN_FIELDS, COLUMN_EMAIL, COLUMN_STATUS)
    # Stable names of the columns, for remembering which ones the user shows.
    KEYS = (
        "name",
        "affiliation",
        "role",
        "primary_field",
        "term",
        "title",
        "sector",
        "fields",
        "email",
        "status",
    )

    def __init__(self, parent=None) -> None:
        super().__init__(_columns(), parent)
        self._field_names: dict[int, str] = {}
        self._today = date.today()

    def set_members(
        self,
        members: list[Member],
        field_names: dict[int, str],
        today: date,
        titles: RoleTitles = DEFAULT_ROLE_TITLES,
    ) -> None:
        """Show ``members``; a reread of the same members updates only the rows that changed."""
        self._field_names, self._today = dict(field_names), today
        rows = [_row(m, self._field_names, today, titles) for m in members]
        self.set_rows(sorted(rows, key=lambda row: row.sort_name))

    def object_of(self, row: MemberRow) -> Member:
        return row.member

    def foreground(self, row: MemberRow) -> QColor | None:
        return None if row.active else dimmed()


def _columns() -> tuple[Column[MemberRow], ...]:
    return (
        text_column(
            tr(_CONTEXT, "Name"),
            lambda row: f"{row.member.family_name}, {row.member.given_name}",
            sort_value=lambda row: row.sort_name,
            tooltip=lambda row: row.member.email or None,
        ),
        text_column(tr(_CONTEXT, "Institution"), lambda row: row.member.affiliation),
        text_column(tr(_CONTEXT, "Rolle"), lambda row: row.role),
        text_column(tr(_CONTEXT, "Handlungsfeld"), lambda row: row.primary_field),
        text_column(
            tr(_CONTEXT, "Amtszeit"),
            lambda row: _term(row.member),
            sort_value=lambda row: row.member.term_end or date.max,  # by end; open terms last
        ),
        text_column(tr(_CONTEXT, "Titel"), lambda row: row.member.title),
        text_column(tr(_CONTEXT, "Sektor"), lambda row: row.member.sector.label),
        text_column(tr(_CONTEXT, "Alle Handlungsfelder"), lambda row: row.fields),
        text_column(tr(_CONTEXT, "E-Mail"), lambda row: row.member.email),
        text_column(tr(_CONTEXT, "Status"), lambda row: row.status),
    )


def _row(member: Member, field_names: dict[int, str], today: date, titles: RoleTitles) -> MemberRow:
    fields = ", ".join(field_names.get(f, "?") for f in member.field_ids())
    if member.is_active(today):
        status, state = tr(_CONTEXT, "aktiv"), "active"
    elif member.term_start > today:
        status, state = tr(_CONTEXT, "künftig"), "future"
    else:
        status, state = tr(_CONTEXT, "ehemalig"), "former"
    search = searchable(member.full_name, member.affiliation, member.position, member.email, fields)
    primary = field_names.get(member.primary_field_id, "") if member.primary_field_id else ""
    role = titles.of(member.role)
    return MemberRow(member, role, primary, fields, status, state, search, member.sort_name)


def _term(member: Member) -> str:
    start = f"{member.term_start:%d.%m.%Y}"
    if member.term_end is None:
        return tr(_CONTEXT, "{} – offen").format(start)
    return f"{start} – {member.term_end:%d.%m.%Y}"
