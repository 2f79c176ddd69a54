"""Fitting the columns of a record table (``column_fit.fit_columns``, run on every change
of the table's width): 20,000 recommendations and 2,000 members, the default columns, the
table shown (offscreen) 1100 x 700 pixels.

Run with ``pytest tests/benchmarks/test_record_table_fit_benchmark.py --benchmark-only``;
nothing is asserted about time. Medians of 12 rounds on the 2-core development machine
(two runs each): before, when each column's content was measured twice (Qt's fit, then
again for the widths without the sort arrow's room), 972-1,215 ms for the recommendations
and 941-1,035 ms for the members; measured once, 528-604 ms and 339-392 ms. The widths
are the same. Then (load 0.8, median of 5-18 rounds) measuring the rows on screen and
around them up to 200 (``column_fit.FIT_ROWS``; Qt's default 1,000): 599 ms before,
162 ms after for the recommendations, 548 ms and 58 ms for the members. Tables of up to
200 rows get the same widths as before.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from test_members_filter_benchmark import TODAY, _members
from test_recommendations_filter_benchmark import _rows

from expertenrat.ui.column_fit import fit_columns
from expertenrat.ui.members_table_model import MembersTableModel
from expertenrat.ui.recommendations_table_model import RecommendationsTableModel as R
from expertenrat.ui.record_table import chooser_table
from tests.ui.settling import exposed

FIELDS = {1: "Stadtdaten", 2: "Umwelt", 3: "Soziales", 4: "Verwaltung"}


def _shown_table(qtbot, model, kind, sort_column: int, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    view, _chooser = chooser_table(
        model, kind, sort_column, settings, "bench/hidden_columns", lambda: None
    )
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    exposed(view)
    return view


def test_fit_the_recommendations_register(benchmark, qtbot, tmp_path):
    model = R()
    model.set_recommendations(_rows(20_000))
    view = _shown_table(qtbot, model, R, R.COLUMN_CODE, tmp_path)
    texts = (R.COLUMN_PROJECTS, R.COLUMN_FIELD, R.COLUMN_LEAD, R.COLUMN_ORIGIN)
    groups = (texts, (R.COLUMN_TITLE,))

    benchmark(fit_columns, view, groups, wide=R.COLUMN_TITLE)
    assert view.horizontalHeader().length() <= view.viewport().width()


def test_fit_the_members_table(benchmark, qtbot, tmp_path):
    model = MembersTableModel()
    model.set_members(_members(2_000), FIELDS, TODAY)
    view = _shown_table(qtbot, model, MembersTableModel, MembersTableModel.COLUMN_NAME, tmp_path)
    wide = MembersTableModel.COLUMN_AFFILIATION

    benchmark(fit_columns, view, ((wide,),), wide=wide)
    assert view.horizontalHeader().length() <= view.viewport().width()


def test_fit_the_recommendations_register_in_a_narrow_window(benchmark, qtbot, tmp_path):
    """The page's own fit at 640 pixels: columns are left out one at a time, each pass
    fitting again without them. Before (found by review) each pass measured the columns'
    content again, up to four times per fit; now once, the later passes reuse the widths
    (median of 14-25 rounds, 2-core machine: 72 ms before, 36 ms after)."""
    from expertenrat.ui.recommendations_page_view import _DROPPABLE, _SHRINKABLE

    model = R()
    model.set_recommendations(_rows(20_000))
    view = _shown_table(qtbot, model, R, R.COLUMN_CODE, tmp_path)
    view.resize(640, 700)
    exposed(view)

    benchmark(fit_columns, view, _SHRINKABLE, wide=R.COLUMN_TITLE, droppable=_DROPPABLE)
    assert view.horizontalHeader().length() <= view.viewport().width()
