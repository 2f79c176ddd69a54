"""(found by a tester) The Fassungen table's "Genehmigt" of minutes approved with no known
approving meeting (approved before schema 0012 recorded one, as a database upgraded from
then has them, or its meeting deleted) is the day alone; it read "15.07.2025 ()"."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from expertenrat.domain.enums import MinutesState
from expertenrat.domain.minutes_approval import VersionRecord
from expertenrat.ui.minutes_approval_models import VersionsTableModel


def _approved_column(model: VersionsTableModel) -> str:
    header = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(model.columnCount())
    ]
    return model.index(0, header.index("Genehmigt")).data(Qt.ItemDataRole.DisplayRole)


def _version(approved_in: str) -> VersionRecord:
    return VersionRecord(
        id=1,
        number=1,
        state=MinutesState.APPROVED,
        circulated_on=date(2025, 4, 25),
        objections_due_on=None,
        approved_on=date(2025, 7, 15),
        approved_in=approved_in,
        fingerprint="ab" * 32,
        sha256="",
        public_sha256="",
    )


def test_approved_with_no_known_meeting_shows_the_day_alone(qtbot) -> None:
    model = VersionsTableModel()
    model.set_rows([_version("")])
    assert _approved_column(model) == "15.07.2025"


def test_approved_in_a_meeting_names_it(qtbot) -> None:
    model = VersionsTableModel()
    model.set_rows([_version("3. Sitzung")])
    assert _approved_column(model) == "15.07.2025 (3. Sitzung)"
