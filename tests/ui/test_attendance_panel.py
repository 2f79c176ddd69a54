"""The Anwesenheit tab: lines save as the user changes them, the quorum label follows."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from attendance_waits import chosen, saved
from held_meeting import council_of_three
from meeting_rows import add_meeting, cancel
from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from settling import settle
from verwerfen import escape_asks_before_dropping, escape_closes_at_once

from expertenrat.domain.attendance_sheet import GuestEntry
from expertenrat.domain.enums import AttendanceStatus
from expertenrat.ui.attendance_panel import AttendancePanel
from tests.ui.settling import exposed
from tests.ui.wheeling import fields_the_wheel_changed

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done

HOSTILE = """Kim "K" & <Co>; O'Neil 🚀 مرحبا שלום"""


@pytest.fixture
def council_id(services, today) -> int:
    return council_of_three(services, today)


@pytest.fixture
def meeting(services, council_id):
    return add_meeting(services.database, council_id)


@pytest.fixture
def panel(qtbot, services, dialogs, meeting) -> AttendancePanel:
    panel = AttendancePanel(services, dialogs)
    qtbot.addWidget(panel)
    panel.set_meeting(meeting.meeting_id)
    return panel


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_status_changes_update_the_quorum_label(qtbot, panel, services, meeting) -> None:
    # Nobody recorded yet: no "0 von 3 … nicht beschlussfähig", for the meeting or an item.
    assert panel.quorum_label.text() == (
        "Beschlussfähigkeit: Anwesenheit noch nicht erfasst (3 Mitglieder)"
    )
    assert item_quorum_lines(panel)[1:] == [
        f"\u2068{label}\u2069: Anwesenheit noch nicht erfasst"
        for label in ("TOP 1 Eröffnung", "TOP 2 Bericht", "TOP 3 Beratung", "TOP 4 Verschiedenes")
    ]
    rows = list(panel.rows.values())
    with qtbot.waitSignal(panel.changed, timeout=WAIT):
        choose(rows[0].status_combo, "absent")
    assert panel.quorum_label.text() == (  # nobody present and lines open: no verdict yet
        "Beschlussfähigkeit: Anwesenheit noch nicht erfasst (3 Mitglieder; 1 abwesend)"
    )
    assert item_quorum_lines(panel)[1] == (
        "\u2068TOP 1 Eröffnung\u2069: Anwesenheit noch nicht erfasst"
    )
    assert panel.save_label.text().startswith("Anwesenheit gespeichert · ")
    chosen(qtbot, panel, rows[0].status_combo, "present")
    assert panel.quorum_label.text() == (  # once anyone is present, the count so far
        "Beschlussfähigkeit: Zu Beginn der Sitzung war 1 von 3 stimmberechtigten Mitgliedern"
        " anwesend; das Gremium war nicht beschlussfähig · 2 noch nicht erfasst"
    )
    chosen(qtbot, panel, rows[1].status_combo, "present")
    assert panel.quorum_label.text().startswith(
        "Beschlussfähigkeit: Zu Beginn der Sitzung waren 2 von 3 stimmberechtigten Mitgliedern"
        " anwesend; das Gremium war beschlussfähig"
    )
    chosen(qtbot, panel, rows[2].status_combo, "excused")
    assert "noch nicht erfasst" not in panel.quorum_label.text()
    rows[2].voting_check.setChecked(False)
    saved(qtbot, panel)
    assert "2 von 2 stimmberechtigten" in panel.quorum_label.text()
    stored = services.attendance.sheet(meeting.meeting_id)
    assert [e.status for e in stored.entries] == [
        AttendanceStatus.PRESENT,
        AttendanceStatus.PRESENT,
        AttendanceStatus.EXCUSED,
    ]
    assert stored.entries[2].voting_right is False


def test_leaving_early_updates_the_quorum_per_item(qtbot, panel, services, meeting) -> None:
    rows = list(panel.rows.values())
    for row in rows[:2]:
        chosen(qtbot, panel, row.status_combo, "present")
    assert rows[0].leaves_combo.isEnabled()  # enabled once present
    chosen(qtbot, panel, rows[0].leaves_combo, meeting.item_ids[1])
    rows[0].left_time.setTime(QTime(17, 5))
    rows[0].left_time.editingFinished.emit()
    saved(qtbot, panel)
    lines = item_quorum_lines(panel)
    assert (
        lines[1] == "\u2068TOP 1 Eröffnung\u2069: 2 von 3 stimmberechtigten Mitgliedern anwesend"
        " – beschlussfähig"
    )
    assert lines[3].startswith("\u2068TOP 3 Beratung\u2069: 1 von 3") and lines[3].endswith(
        "nicht beschlussfähig"
    )
    assert panel.quorum_label.text() == (  # the meeting's line no longer says 2 of 3 alone
        "Beschlussfähigkeit: Das Gremium war bis TOP 2 beschlussfähig (2 von 3 "
        "stimmberechtigten Mitgliedern anwesend) und ab TOP 3 nicht beschlussfähig (1 von 3 "
        "stimmberechtigten Mitgliedern anwesend) · 1 noch nicht erfasst"
    )
    entry = services.attendance.sheet(meeting.meeting_id).entries[0]
    assert (entry.left_item_id, entry.left_at.hour, entry.left_at.minute) == (
        meeting.item_ids[1],
        17,
        5,
    )


def item_quorum_lines(panel: AttendancePanel) -> list[str]:
    document = QTextDocument()
    document.setHtml(panel.item_quorum_label.text())
    return document.toPlainText().splitlines()


def test_long_item_quorum_lines_wrap_so_the_verdict_shows_without_scrolling(
    qtbot, services, dialogs, council_id
) -> None:
    title = "Beratung " + " ".join(["Datenplattform & <Schnittstellen>"] * 12)
    long_meeting = add_meeting(services.database, council_id, titles=("Eröffnung", title))
    panel = AttendancePanel(services, dialogs)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    panel.set_meeting(long_meeting.meeting_id)
    exposed(panel)
    settle(qtbot)  # the scroll area lays out its new text

    scroll = panel.item_quorum_scroll
    assert not scroll.horizontalScrollBar().isVisible()
    assert panel.item_quorum_label.width() <= scroll.viewport().width()
    line = item_quorum_lines(panel)[2]
    assert title in line and line.endswith("Anwesenheit noch nicht erfasst")


def test_departure_before_arrival_is_refused_and_the_line_restored(
    qtbot, panel, dialogs, services, meeting
) -> None:
    row = next(iter(panel.rows.values()))
    chosen(qtbot, panel, row.status_combo, "present")
    chosen(qtbot, panel, row.arrives_combo, meeting.item_ids[2])
    chosen(qtbot, panel, row.leaves_combo, meeting.item_ids[0])
    assert any("bevor es gekommen" in text for text in dialogs.warnings())
    assert panel.save_label.text() == "Anwesenheit nicht gespeichert"
    assert (
        panel.rows[row.stored().membership_id].arrives_combo.currentData()
        == (
            meeting.item_ids[2]  # the arrival saved before stays
        )
    )
    assert panel.rows[row.stored().membership_id].leaves_combo.currentData() is None
    assert services.attendance.sheet(meeting.meeting_id).entries[0].left_item_id is None


def test_a_line_another_pc_recorded_first_says_what_it_recorded(
    qtbot, panel, services, other_program, meeting, dialogs
) -> None:
    """Found by a tester: the warning asked to reload the data ('Bitte laden Sie die Daten
    neu'), although the panel reloads itself, and did not say what was recorded."""
    first, second = list(panel.rows)[:2]
    sheet = other_program.attendance.sheet(meeting.meeting_id)
    theirs = {e.membership_id: e for e in sheet.entries}
    item = sheet.items[1]
    other_program.attendance.save_entry(
        meeting.meeting_id,
        replace(
            theirs[first],
            status=AttendanceStatus.PRESENT,
            voting_right=False,
            arrived_item_id=item.id,
        ),
    )

    chosen(qtbot, panel, panel.rows[first].status_combo, "excused")

    (warning,) = dialogs.warnings()
    name = theirs[first].name
    assert warning == (
        f"Die Anwesenheit von „{name}“ wurde inzwischen an einem anderen PC erfasst: "
        f"anwesend, ohne Stimmrecht, kommt zu {item.label}. Ihre Angabe (entschuldigt) ist "
        "nicht gespeichert; die Liste zeigt jetzt, was der andere PC erfasst hat. Wählen Sie "
        "Ihre Angabe dort erneut, wenn sie gelten soll."
    )
    assert panel.rows[first].entry().status is AttendanceStatus.PRESENT  # what is stored

    other_program.attendance.save_entry(
        meeting.meeting_id, replace(theirs[second], status=AttendanceStatus.EXCUSED)
    )
    assert panel.rows[second].entry().status is None  # not yet shown here
    chosen(qtbot, panel, panel.rows[second].status_combo, "excused")  # as the other PC: no word

    assert len(dialogs.warnings()) == 1
    stored = {e.membership_id: e for e in services.attendance.sheet(meeting.meeting_id).entries}
    assert stored[first].status is AttendanceStatus.PRESENT
    assert stored[second].status is AttendanceStatus.EXCUSED
    assert not panel.has_unsaved_changes()


def test_a_cancelled_meeting_is_read_only(qtbot, services, dialogs, meeting) -> None:
    cancel(services.database, meeting.meeting_id)
    panel = AttendancePanel(services, dialogs)
    qtbot.addWidget(panel)
    panel.set_meeting(meeting.meeting_id)
    assert "abgesagt" in panel.hint_label.text()
    assert all(not row.status_combo.isEnabled() for row in panel.rows.values())
    assert not panel.guests.add_button.isEnabled()


def test_no_meeting_shows_an_empty_tab(panel) -> None:
    panel.set_meeting(None)
    assert panel.rows == {}
    assert panel.hint_label.text().startswith("Keine Sitzung gewählt.")
    assert panel.flush(lambda: None)


def test_guests_are_added_in_the_dialog(
    qtbot, panel, dialogs, services, meeting, qtmodeltester
) -> None:
    panel.guests.add_button.click()
    dialog = panel.guests.dialog
    dialog.name_edit.setText("  ")
    dialog.accept()
    assert dialog.isVisible() and "Namen" in dialogs.warnings()[-1]
    dialog.name_edit.setText(HOSTILE)
    dialog.organisation_edit.setText("Stadtwerke Rostock AG")
    with qtbot.waitSignal(panel.changed, timeout=WAIT):
        dialog.accept()
    assert panel.guests.model.rows()[0].name == HOSTILE
    assert services.attendance.sheet(meeting.meeting_id).guests[0].organisation == (
        "Stadtwerke Rostock AG"
    )
    qtmodeltester.check(panel.guests.model)
    panel.guests.view.selectRow(0)
    panel.guests.remove_button.click()  # the scripted dialogs answer yes
    assert panel.guests.model.rows() == []


def test_the_rest_is_marked_present_with_one_click(qtbot, panel) -> None:
    rows = list(panel.rows.values())
    assert not rows[0].voting_check.isEnabled()  # saved with a status only
    chosen(qtbot, panel, rows[0].status_combo, "excused")
    assert rows[0].voting_check.isEnabled()
    panel.rest_present_button.click()
    saved(qtbot, panel)
    assert [r.status_combo.currentText() for r in panel.rows.values()] == [
        "entschuldigt",
        "anwesend",
        "anwesend",
    ]
    assert "2 von 3 stimmberechtigten" in panel.quorum_label.text()
    assert not panel.rest_present_button.isEnabled()


def test_a_time_typed_and_not_confirmed_is_unsaved_until_flushed(
    qtbot, panel, services, meeting
) -> None:
    row = next(iter(panel.rows.values()))
    chosen(qtbot, panel, row.status_combo, "present")
    assert not panel.has_unsaved_changes()  # a status is saved when chosen
    chosen(qtbot, panel, row.leaves_combo, meeting.item_ids[1])
    row.left_time.setTime(QTime(17, 5))  # typed, editing not finished
    assert panel.has_unsaved_changes()
    went_on = []
    assert not panel.flush(lambda: went_on.append(True))  # saved in the worker, then on
    assert panel.save_label.text() == "Anwesenheit wird gespeichert …"
    qtbot.waitUntil(lambda: went_on == [True], timeout=WAIT)
    assert not panel.has_unsaved_changes()
    assert panel.flush(lambda: None)
    assert services.attendance.sheet(meeting.meeting_id).entries[0].left_at.hour == 17


def test_enter_on_a_guest_opens_it_as_a_double_click_does(qtbot, panel) -> None:
    panel.guests.add_button.click()
    panel.guests.dialog.name_edit.setText("Dr. Ilka Sommer")
    with qtbot.waitSignal(panel.changed, timeout=WAIT):
        panel.guests.dialog.accept()
    view = panel.guests.view
    view.setCurrentIndex(panel.guests.model.index(0, 0))

    qtbot.keyClick(view, Qt.Key.Key_Return)

    dialog = panel.guests.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.name_edit.text() == "Dr. Ilka Sommer"


def test_tab_goes_through_the_lines_before_the_guests(qtbot, panel) -> None:
    panel.show()
    exposed(panel)
    panel.activateWindow()
    panel.rest_present_button.setFocus()
    reached = []
    for _ in range(20):
        qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_Tab)
        reached.append(panel.focusWidget())
        if reached[-1] is panel.guests.view:
            break
    rows = list(panel.rows.values())
    # Only what is on: nobody is recorded yet, so each line offers its status alone.
    assert reached == [*[row.status_combo for row in rows], panel.guests.view]


def test_each_input_of_a_line_is_named_with_the_member(panel) -> None:
    row = next(iter(panel.rows.values()))
    name = row.name_label.text()
    assert [w.accessibleName() for w in row.widgets[1:]] == [
        f"{name}: Status",
        f"{name}: Stimmrecht",
        f"{name}: Kommt zu TOP",
        f"{name}: Kommt um",
        f"{name}: Geht nach TOP",
        f"{name}: Geht um",
        f"{name}: Unterbrechung",
    ]


def test_after_removing_a_guest_the_next_is_selected(qtbot, panel) -> None:
    for name in ("Dr. Ilka Sommer", "Jens Hagedorn"):
        panel.guests.add_button.click()
        panel.guests.dialog.name_edit.setText(name)
        with qtbot.waitSignal(panel.changed, timeout=WAIT):
            panel.guests.dialog.accept()
    panel.guests.view.selectRow(0)
    staying = panel.guests.model.rows()[1].name

    panel.guests.remove_button.click()  # the scripted dialogs answer yes

    assert [g.name for g in panel.guests.model.rows()] == [staying]
    assert panel.guests.selected().name == staying
    assert panel.guests.remove_button.isEnabled()


def test_after_removing_a_guest_from_the_keyboard_the_focus_stays_with_the_guests(
    qtbot, panel
) -> None:
    """The guests read anew turned "Entfernen …" off and on again, and Qt passed the focus
    on to the quorum beside (found by a tester)."""
    for name in ("Dr. Ilka Sommer", "Jens Hagedorn"):
        panel.guests.add_button.click()
        panel.guests.dialog.name_edit.setText(name)
        with qtbot.waitSignal(panel.changed, timeout=WAIT):
            panel.guests.dialog.accept()
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel, timeout=WAIT)
    panel.guests.view.selectRow(0)
    panel.guests.remove_button.setFocus()

    qtbot.keyClick(panel.guests.remove_button, Qt.Key.Key_Space)  # answered yes

    assert QApplication.focusWidget() is panel.guests.view
    panel.guests.remove_button.setFocus()
    qtbot.keyClick(panel.guests.remove_button, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is panel.guests.add_button  # none left


def test_escape_asks_before_a_typed_guest_is_dropped(qtbot, panel, dialogs) -> None:
    panel.guests.add_button.click()
    escape_closes_at_once(qtbot, dialogs, panel.guests.dialog, panel.guests.dialog.name_edit)

    panel.guests.add_button.click()
    dialog = panel.guests.dialog
    escape_asks_before_dropping(qtbot, dialogs, dialog, dialog.name_edit, "Dr. Ilka Sommer")


def test_a_guest_shows_on_one_line_with_the_institution_whole(qtbot, panel, services, meeting):
    services.attendance.save_guest(
        meeting.meeting_id,
        GuestEntry(None, "Ole Fründt", "Amt für Mobilität und Verkehrsplanung", "Projektleitung"),
    )
    panel.resize(1000, 600)
    panel.show()
    exposed(panel)
    panel.refresh()
    view, model = panel.guests.view, panel.guests.model
    institution = model.data(model.index(0, model.COLUMN_ORGANISATION))
    assert institution == "Amt für Mobilität und Verkehrsplanung"
    assert not view.wordWrap()
    assert view.columnWidth(model.COLUMN_ORGANISATION) > view.fontMetrics().horizontalAdvance(
        institution
    )


def test_a_meeting_still_ahead_offers_only_entschuldigt(qtbot, services, dialogs, council_id):
    """Attendance could be recorded as "anwesend" for a meeting still ahead."""
    ahead = add_meeting(services.database, council_id, starts_at=datetime(2099, 3, 10, 16))
    panel = AttendancePanel(services, dialogs)
    qtbot.addWidget(panel)
    panel.set_meeting(ahead.meeting_id)

    assert panel.hint_label.text().startswith("Die Sitzung findet erst am 10.03.2099 statt")
    assert not panel.rest_present_button.isEnabled()
    combo = next(iter(panel.rows.values())).status_combo
    offered = {combo.itemData(i): combo.model().item(i).isEnabled() for i in range(combo.count())}
    assert offered == {"present": False, "digital": False, "excused": True, "absent": False}
    with qtbot.waitSignal(panel.changed, timeout=WAIT):
        choose(combo, "excused")
    assert services.attendance.sheet(ahead.meeting_id).recorded == 1
    # An apology ahead takes no attendance: before, "0 von 3 stimmberechtigten Mitgliedern
    # anwesend – nicht beschlussfähig · 2 noch nicht erfasst", and the same at every item.
    assert panel.quorum_label.text() == (
        "Beschlussfähigkeit: Anwesenheit noch nicht erfasst (3 Mitglieder; 1 entschuldigt)"
    )
    assert item_quorum_lines(panel)[1:] == [
        f"\u2068{label}\u2069: Anwesenheit noch nicht erfasst"
        for label in ("TOP 1 Eröffnung", "TOP 2 Bericht", "TOP 3 Beratung", "TOP 4 Verschiedenes")
    ]


def test_an_item_title_that_looks_like_markup_shows_as_typed_in_the_combos_tooltips(
    qtbot, services, dialogs, council_id
) -> None:
    """(found by a tester) "ab TOP" and "bis TOP" listed the items' titles as typed but
    their tooltips took "<i>kursiv</i>" as rich text and cut "a < b"."""
    from test_tooltips import LOOKS_LIKE_MARKUP, shown

    meeting = add_meeting(services.database, council_id, titles=("Eröffnung", LOOKS_LIKE_MARKUP))
    panel = AttendancePanel(services, dialogs)
    qtbot.addWidget(panel)
    panel.set_meeting(meeting.meeting_id)

    row = next(iter(panel.rows.values()))
    for combo in (row.arrives_combo, row.leaves_combo):
        index = combo.findData(meeting.item_ids[1])
        assert LOOKS_LIKE_MARKUP in combo.itemText(index)
        assert shown(combo.itemData(index, Qt.ItemDataRole.ToolTipRole)) == combo.itemText(index)


def test_the_wheel_over_a_choice_scrolls_the_attendance_sheet(panel) -> None:
    """The wheel over a member's status or "ab TOP", scrolling the sheet, changed them."""
    assert fields_the_wheel_changed(panel) == []
    assert not panel.has_unsaved_changes()


def test_the_wheel_over_a_time_scrolls_the_attendance_sheet(qtbot, panel, meeting) -> None:
    """The wheel over the time a member left, passing while the sheet scrolled, changed
    it (17:05 became 18:05) and gave it the focus, so it was saved when the focus left."""
    row = next(iter(panel.rows.values()))
    chosen(qtbot, panel, row.status_combo, "present")
    chosen(qtbot, panel, row.leaves_combo, meeting.item_ids[1])
    row.left_time.setTime(QTime(17, 5))
    row.left_time.editingFinished.emit()
    saved(qtbot, panel)
    panel.resize(1200, 500)  # the times in view beside the names

    assert fields_the_wheel_changed(panel) == []
    assert not panel.has_unsaved_changes()
