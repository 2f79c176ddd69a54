"""Table model of a council's members (active and former)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from expertenrat.domain.members import Member
from expertenrat.domain.text_folding import fold, transliterate
from expertenrat.ui.i18n import tr
from expertenrat.ui.table_model import Index, RowsTableModel

_CONTEXT = "MembersTableModel"


@dataclass(frozen=True, slots=True)
class MemberRow:
    """A member with what the table shows and filters by, computed once per reload.

    ``search_text`` is folded (see :func:`~expertenrat.domain.text_folding.fold`).
    """

    member: Member
    primary_field: str
    fields: str
    status: str
    state: str  # "active", "future" or "former", as in StatusFilter
    search_text: str

    @property
    def active(self) -> bool:
        return self.state == "active"


class MembersTableModel(RowsTableModel):
    # The first five columns are shown by default; the others can be shown from the
    # header's context menu (see MembersPage).
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
        headers = (
            tr(_CONTEXT, "Name"),
            tr(_CONTEXT, "Institution"),
            tr(_CONTEXT, "Rolle"),
            tr(_CONTEXT, "Primäres Handlungsfeld"),
            tr(_CONTEXT, "Amtszeit"),
            tr(_CONTEXT, "Titel"),
            tr(_CONTEXT, "Sektor"),
            tr(_CONTEXT, "Alle Handlungsfelder"),
            tr(_CONTEXT, "E-Mail"),
            tr(_CONTEXT, "Status"),
        )
        super().__init__(headers, parent)
        self._sort: tuple[int, Qt.SortOrder] = (self.COLUMN_NAME, Qt.SortOrder.AscendingOrder)

    def set_members(self, members: list[Member], field_names: dict[int, str], today: date) -> None:
        rows = [_row(m, field_names, today) for m in members]
        rows.sort(key=self._sort_key(self._sort[0]), reverse=self._descending())
        self.set_rows(rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python, once, rather than per comparison through Qt.

        The filter proxy forwards its sorting here, so that re-filtering on every
        keystroke never has to compare rows again.
        """
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old_rows = list(self._rows)
        self._rows.sort(key=self._sort_key(column), reverse=self._descending())
        after = {id(row): index for index, row in enumerate(self._rows)}
        old_indexes = self.persistentIndexList()
        self.changePersistentIndexList(
            old_indexes,
            [
                self.index(after[id(old_rows[i.row()])], i.column()) if i.isValid() else i
                for i in old_indexes
            ],
        )
        self.layoutChanged.emit()

    def _descending(self) -> bool:
        return self._sort[1] == Qt.SortOrder.DescendingOrder

    def _sort_key(self, column: int):
        return lambda row: (self._sort_value(row, column), row.member.sort_name)

    def row(self, row: int) -> MemberRow:
        return self._rows[row]

    def row_of(self, membership_id: int | None) -> int:
        for index, row in enumerate(self._rows):
            if row.member.id == membership_id:
                return index
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == self.SortRole:
            return self._sort_value(row, index.column())
        if role == self.ObjectRole:
            return row.member
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QColor("#7a828a")
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == self.COLUMN_NAME:
                return row.member.email or None
            return self._display(row, index.column()) or None  # the whole text when cut
        return None

    def _display(self, row: MemberRow, column: int) -> str:
        member = row.member
        if column == self.COLUMN_NAME:
            return f"{member.family_name}, {member.given_name}"
        if column == self.COLUMN_TITLE:
            return member.title
        if column == self.COLUMN_AFFILIATION:
            return member.affiliation
        if column == self.COLUMN_SECTOR:
            return member.sector.label
        if column == self.COLUMN_ROLE:
            return member.role.label
        if column == self.COLUMN_PRIMARY_FIELD:
            return row.primary_field
        if column == self.COLUMN_FIELDS:
            return row.fields
        if column == self.COLUMN_TERM:
            return _term(member)
        if column == self.COLUMN_EMAIL:
            return member.email
        return row.status

    def _sort_value(self, row: MemberRow, column: int) -> str:
        member = row.member
        if column == self.COLUMN_NAME:
            return member.sort_name
        if column == self.COLUMN_TERM:
            end = member.term_end.isoformat() if member.term_end else "9999-12-31"
            return f"{end} {member.term_start.isoformat()}"
        return self._display(row, column).casefold()


def _row(member: Member, field_names: dict[int, str], today: date) -> MemberRow:
    fields = ", ".join(field_names.get(f, "?") for f in member.field_ids())
    if member.is_active(today):
        status, state = tr(_CONTEXT, "aktiv"), "active"
    elif member.term_start > today:
        status, state = tr(_CONTEXT, "künftig"), "future"
    else:
        status, state = tr(_CONTEXT, "ehemalig"), "former"
    text = " ".join((member.full_name, member.affiliation, member.position, member.email, fields))
    # Folded twice, so that "muller" (accents aside) and "mueller" (spelt out) find Müller.
    search = f"{fold(text)}\n{fold(transliterate(text))}"
    primary = field_names.get(member.primary_field_id, "") if member.primary_field_id else ""
    return MemberRow(member, primary, fields, status, state, search)


def _term(member: Member) -> str:
    start = f"{member.term_start:%d.%m.%Y}"
    if member.term_end is None:
        return tr(_CONTEXT, "{} – offen").format(start)
    return f"{start} – {member.term_end:%d.%m.%Y}"
