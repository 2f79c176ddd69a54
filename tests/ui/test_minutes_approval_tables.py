"""The Genehmigung tab's tables: one line per objection (nothing half-wrapped), the
objection's text takes the spare width, the decision and its date stay whole, and the
versions table shows at least three rows however short the tab."""

from __future__ import annotations

from datetime import date

import pytest
from minutes_setup import Minutes, held_minutes
from PySide6.QtCore import Qt

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.minutes_objections import ObjectionDraft
from expertenrat.ui.minutes_approval_models import ObjectionsTableModel
from expertenrat.ui.minutes_approval_panel import MinutesApprovalPanel
from expertenrat.ui.one_line_table import VISIBLE_ROWS
from tests.ui.settling import exposed

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done

SENT = date(2026, 3, 20)
DECIDED = date(2026, 5, 12)
TEXT = (
    "Die Barrierefreiheit wurde in der Aussprache ausdrücklich als Bedingung genannt; "
    "das Protokoll gibt sie nur als Anregung wieder."
)
REASON = "Die Stimmzählung der Sitzungsleitung weist eine Enthaltung aus; das Protokoll gilt."


@pytest.fixture
def minutes(services) -> Minutes:
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )
    field = services.settings.action_fields(council.id)[0].id
    minutes = held_minutes(services.database, council.id, field)
    services.minutes_approval.circulate(minutes.meeting_id, SENT)
    objections = services.minutes_objections
    for member, text in (("Berg", TEXT), ("Yılmaz", "Mein Beitrag zu TOP 3 fehlt.")):
        draft = ObjectionDraft(minutes.members[member], SENT, text, minutes.item_ids[2])
        objections.raise_objection(minutes.meeting_id, draft)
    first, second = services.minutes_approval.status(minutes.meeting_id).objections
    objections.reject(second.id, second.version, DECIDED, REASON)
    objections.accept(
        first.id,
        first.version,
        DECIDED,
        passage="offen & frei",  # a passage of the resolution in TOP 3
        wording="offen, frei & <maschinenlesbar>",
    )
    return minutes


@pytest.fixture
def panel(qtbot, services, dialogs, minutes) -> MinutesApprovalPanel:
    panel = MinutesApprovalPanel(services, dialogs, today=lambda: SENT)
    qtbot.addWidget(panel)
    panel.set_meeting(minutes.meeting_id)
    panel.resize(1060, 470)  # the tab in a 1280 x 800 window
    panel.show()
    exposed(panel)
    return panel


def cell(panel: MinutesApprovalPanel, row: int, column: int) -> str:
    return panel.objections.model.index(row, column).data()


def whole(view, column: int, text: str) -> bool:
    """The column is wide enough for ``text`` with the cell's margins."""
    return view.columnWidth(column) >= view.fontMetrics().horizontalAdvance(text) + 6


def test_the_decision_and_its_date_are_whole_in_their_own_columns(panel):
    view = panel.objections.view
    model = ObjectionsTableModel
    assert not view.wordWrap()
    rows = {cell(panel, r, model.COLUMN_STATE): r for r in range(2)}
    assert set(rows) == {"berücksichtigt", "zurückgewiesen"}
    for row in rows.values():
        # Decided outside a meeting: said so, not only a day that looks like a meeting's.
        assert cell(panel, row, model.COLUMN_DECIDED) == "12.05.2026 (ohne Sitzung)"
        tip = panel.objections.model.index(row, model.COLUMN_DECIDED).data(
            Qt.ItemDataRole.ToolTipRole
        )
        assert tip == "am 12.05.2026 außerhalb einer Sitzung"
        for column in (model.COLUMN_STATE, model.COLUMN_DECIDED):
            assert whole(view, column, cell(panel, row, column))


def test_the_objection_text_takes_the_spare_width(qtbot, panel):
    view = panel.objections.view
    model = ObjectionsTableModel
    widths = {c: view.columnWidth(c) for c in range(model.COLUMN_REASON + 1)}
    assert max(widths, key=widths.get) == model.COLUMN_TEXT
    assert widths[model.COLUMN_TEXT] > 2 * widths[model.COLUMN_REASON]
    assert view.horizontalHeader().length() <= view.viewport().width()  # no sideways scrolling

    panel.resize(1500, 470)  # a wider window: the text grows, the reason keeps its width
    qtbot.waitUntil(
        lambda: view.columnWidth(model.COLUMN_TEXT) > widths[model.COLUMN_TEXT], timeout=WAIT
    )


def test_the_versions_table_shows_three_rows_in_a_short_tab(qtbot, panel, services, minutes):
    panel.resize(830, 330)  # the tab in a 1024 x 640 window (the tab scrolls instead)
    view = panel.versions.view
    assert panel.versions.model.rowCount() == 2
    qtbot.waitUntil(
        lambda: view.viewport().height() >= VISIBLE_ROWS * view.rowHeight(0), timeout=WAIT
    )
    assert panel.objections.view.viewport().height() >= VISIBLE_ROWS * view.rowHeight(0)


@pytest.mark.parametrize("width", [1060, 1500])
def test_the_versions_header_spans_the_table_s_width(qtbot, panel, width):
    """The last column (the fingerprint) takes the room the others leave: before, the
    header ended at the fingerprint's text, a blank strip to its right."""
    panel.resize(width, 470)
    view = panel.versions.view
    qtbot.waitUntil(
        lambda: view.horizontalHeader().length() == view.viewport().width(), timeout=WAIT
    )
