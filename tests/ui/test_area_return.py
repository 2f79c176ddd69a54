"""Coming back to an area of the same council keeps the reading place: the record at the
top of a table and the selected one (the place the window keeps when another PC's change
rereads a page); another council starts at the top."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractItemView

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.members import Member
from expertenrat.ui.members_table_model import MembersTableModel


def top_record(view) -> object:
    return view.indexAt(QPoint(1, 1)).data(MembersTableModel.ObjectRole)


def test_coming_back_to_the_members_keeps_the_top_record_and_the_selection(
    make_window, services, qtbot, today
):
    council = services.settings.create_council(CouncilSettings(None, "Rat & „Räte“", "Rostock"))
    field_id = services.settings.action_fields(council.id)[0].id
    for n in range(60):
        given = f"Person {n:02}"
        member = Member(None, given, "Zeuge", term_start=today, primary_field_id=field_id)
        services.members.save(council.id, member, today)
    window = make_window()
    window.show()
    window.resize(1200, 800)
    page, view = window.members_page, window.members_page.view
    window.show_area(page)
    qtbot.waitExposed(window)
    view.selectRow(5)  # scrolled out of sight above
    chosen = page.selected()
    view.scrollTo(page.proxy.index(30, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    read = top_record(view)
    assert view.verticalScrollBar().value() > 0 and read.id != chosen.id

    window.show_area(window.overview_page)
    window.show_area(page)
    assert (top_record(view).id, page.selected().id) == (read.id, chosen.id)

    window.reload_councils()  # the same council chosen again (as after a settings change)
    assert (top_record(view).id, page.selected().id) == (read.id, chosen.id)

    other = services.settings.create_council(CouncilSettings(None, "Anderer Rat", "Wismar"))
    window.reload_councils(other.id)
    window.reload_councils(council.id)
    assert view.verticalScrollBar().value() == 0
