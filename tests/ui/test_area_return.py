"""Coming back to an area of the same council keeps the reading place: the record at the
top of a table and the selected one (the place the window keeps when another PC's change
rereads a page); another council starts at the top left with nothing selected, on every
page with a long table."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractItemView

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.members import Member
from expertenrat.domain.projects import Project
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.ui.members_table_model import MembersTableModel
from tests.ui.settling import exposed

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done


def top_record(view) -> object:
    return view.indexAt(QPoint(1, 1)).data(MembersTableModel.ObjectRole)


def test_coming_back_to_the_members_keeps_the_top_record_and_the_selection(
    make_window, services, qtbot, today
):
    council = services.settings.create_council(CouncilSettings(None, "Rat & „Räte“", "Rostock"))
    for n in range(60):
        add_member(services, council.id, n, today)
    window = make_window()
    window.show()
    window.resize(1200, 800)
    page, view = window.members_page, window.members_page.view
    window.show_area(page)
    exposed(window)
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


def add_member(services, council_id: int, n: int, today) -> None:
    field_id = services.settings.action_fields(council_id)[0].id
    member = Member(None, f"Person {n:02}", "Zeuge", term_start=today, primary_field_id=field_id)
    services.members.save(council_id, member, today)


def add_project(services, council_id: int, n: int, today) -> None:
    field_id = services.settings.action_fields(council_id)[0].id
    services.projects.create(council_id, Project(None, f"Projekt {n:02}", action_field_id=field_id))


def add_recommendation(services, council_id: int, n: int, today) -> None:
    services.recommendations.create(council_id, RecommendationContent(f"Empfehlung {n:02}"), today)


def add_meeting(services, council_id: int, n: int, today) -> None:
    start = datetime.combine(today + timedelta(days=n), time(16))
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    services.meetings.create(council_id, draft)


def _rat_a_and_rat_b(make_window, services, add, count: int, today):
    """Two councils with ``count`` records each (``add``), the window shown on Rat A."""
    councils = [
        services.settings.create_council(CouncilSettings(None, name, "Rostock"))
        for name in ("Rat A", "Rat B")
    ]
    for council in councils:
        for n in range(count):
            add(services, council.id, n, today)
    window = make_window()
    window.show()
    window.reload_councils(councils[0].id)
    return window, councils


@pytest.mark.parametrize(
    ("area", "add"),
    [
        ("members", add_member),
        ("projects", add_project),
        ("recommendations", add_recommendation),
        ("meetings", add_meeting),
        ("audit", add_project),  # an entry per project
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_another_council_starts_at_the_top_left_with_nothing_selected(
    make_window, services, qtbot, today, area, add
):
    window, councils = _rat_a_and_rat_b(make_window, services, add, 40, today)
    window.resize(900, 700)
    page = getattr(window.pages, area)
    view = page.meeting_list.view if area == "meetings" else page.view
    window.show_area(page)
    exposed(window)
    # Selected first: on Empfehlungen the detail then shows beside the table, whose
    # narrower width fits the columns again.
    view.selectRow(view.model().rowCount() - 1)
    header = view.horizontalHeader()
    for column in range(header.count()):  # widened by hand beyond the page
        header.resizeSection(column, header.maximumSectionSize())
    view.updateGeometries()  # the scroll range as wide as the columns now
    bars = (view.verticalScrollBar(), view.horizontalScrollBar())
    for bar in bars:
        bar.setValue(bar.maximum())
    assert view.selectionModel().hasSelection()
    assert [bar.value() > 0 for bar in bars] == [True, True]

    window.reload_councils(councils[1].id)
    window.reload_councils(councils[0].id)
    assert [bar.value() for bar in bars] == [0, 0]
    assert not view.selectionModel().hasSelection()


@pytest.mark.parametrize(
    ("area", "add", "term"),
    [
        ("members", add_member, "Person 01"),
        ("projects", add_project, "Projekt 01"),
        ("recommendations", add_recommendation, "Empfehlung 00"),  # 01: a number too
        ("audit", add_project, "Projekt 01"),  # in the descriptions of the entries
    ],
    ids=["members", "projects", "recommendations", "audit"],
)
def test_a_search_typed_for_one_council_is_kept_there_but_not_applied_to_the_next(
    make_window, services, qtbot, today, area, add, term
):
    window, councils = _rat_a_and_rat_b(make_window, services, add, 3, today)
    page = getattr(window.pages, area)
    window.show_area(page)
    rows = page.view.model().rowCount
    everything = rows()
    qtbot.keyClicks(page.search_edit, term)
    qtbot.waitUntil(lambda: rows() == 1, timeout=WAIT)  # the audit searches after a pause in typing

    window.show_area(window.overview_page)  # the same council: the search stays
    window.show_area(page)
    assert (page.search_edit.text(), rows()) == (term, 1)

    window.council_combo.setCurrentIndex(1)
    assert window.current_council_id() == councils[1].id
    assert (page.search_edit.text(), rows()) == ("", everything)  # all of Rat B's


def test_a_status_chosen_for_one_council_does_not_hide_the_next_councils_recommendations(
    make_window, services, today
):
    """As the search: "überfällig" chosen for Rat A would show Rat B's register empty."""
    window, councils = _rat_a_and_rat_b(make_window, services, add_recommendation, 3, today)
    page = window.pages.recommendations
    window.show_area(page)
    status = page.filters.status_combo
    status.setCurrentIndex(status.findData("overdue"))
    assert page.view.model().rowCount() == 0

    window.council_combo.setCurrentIndex(1)

    assert window.current_council_id() == councils[1].id
    assert status.currentIndex() == 0 and page.view.model().rowCount() == 3


FILTERS = {  # per area: its filter a choice of which hides the test's records, its table
    "members": (lambda page: page.filters.status_combo, lambda page: page.view),
    "meetings": (lambda page: page.filters.scope_combo, lambda page: page.meeting_list.view),
    "projects": (lambda page: page.phase_combo, lambda page: page.view),
    "audit": (lambda page: page.filters.action_combo, lambda page: page.view),
}


@pytest.mark.parametrize(
    ("area", "add", "hiding", "shown"),
    [
        ("members", add_member, "former", "active"),  # Ehemalige / Aktive
        ("meetings", add_meeting, "held", "all"),  # Durchgeführte / Alle Sitzungen
        ("projects", add_project, "completed", None),  # abgeschlossen / Alle Phasen
        ("audit", add_project, "delete", None),  # gelöscht / Alle Änderungen
    ],
    ids=["members", "meetings", "projects", "audit"],
)
def test_a_filter_chosen_for_one_council_does_not_hide_the_next_councils_records(
    make_window, services, today, area, add, hiding, shown
):
    """As the recommendations' status: "Ehemalige", "Durchgeführte", "abgeschlossen" or
    "gelöscht" chosen for Rat A showed Rat B's records empty (found by a tester)."""
    window, councils = _rat_a_and_rat_b(make_window, services, add, 3, today)
    page = getattr(window.pages, area)
    window.show_area(page)
    combo, view = (get(page) for get in FILTERS[area])
    combo.setCurrentIndex(combo.findData(hiding))
    assert view.model().rowCount() == 0

    window.council_combo.setCurrentIndex(1)

    assert window.current_council_id() == councils[1].id
    assert combo.currentData() == shown and view.model().rowCount() >= 3
