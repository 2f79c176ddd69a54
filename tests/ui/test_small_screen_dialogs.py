"""Dialogs on a small screen (720 x 480, the least the window supports): none opens taller
or wider than the screen, so that its buttons stay in sight; the member dialog shows its
boxes in one column there instead of scrolling sideways."""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QDialogButtonBox,
    QGroupBox,
    QWidget,
)
from pytestqt.exceptions import TimeoutError as NotSettled

from expertenrat.domain.enums import ResponseVerdict
from expertenrat.domain.recommendation_history import Response
from expertenrat.domain.recommendation_links import AddressedProject
from expertenrat.ui.member_dialog import MemberDialog
from expertenrat.ui.member_import_dialog import MemberImportDialog
from expertenrat.ui.minutes_approval_dialogs import DiffDialog
from expertenrat.ui.recommendation_content_dialogs import NewRecommendationDialog
from expertenrat.ui.recommendation_response_dialog import RecommendationResponseDialog
from expertenrat.ui.remove_response_dialog import RemoveResponseDialog
from expertenrat.ui.series_dialog import SeriesDialog
from expertenrat.ui.text_choice_dialog import TextChoiceDialog
from tests.ui.settling import exposed

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done

SCREEN = QRect(0, 0, 720, 480)


@pytest.fixture
def small_screen(monkeypatch):
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: SCREEN)


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def dialogs(parent):
    projects = [(index, f"Projekt {index}") for index in range(1, 8)]
    fields = [(1, "Moderne Verwaltung"), (2, "Stadtdaten")]
    yield NewRecommendationDialog(parent, projects, fields, date(2026, 12, 2), lambda _d: None)
    yield RecommendationResponseDialog(parent, "E-2026-01", date(2026, 12, 2), lambda _d: None)
    addressed = [AddressedProject(n, f"Projekt {n} " + "Klimasensoren " * 21) for n in (1, 2)]
    yield RecommendationResponseDialog(
        parent, "E-2026-01", date(2026, 12, 2), lambda _d: None, addressed, {1}
    )
    long = Response(
        1, date(2026, 10, 1), ResponseVerdict.PARTLY_COMPLIED, "Amt " * 50, "", "", None,
        True, 1, 2, "Klimasensoren an Schulen und Kitas " * 5,
    )  # fmt: skip
    yield RemoveResponseDialog(parent, "E-2026-01", [long], True, lambda _r: None)
    yield DiffDialog("Unterschiede", "Zeile\n" * 80, parent)
    yield TextChoiceDialog(
        parent, "Text", "Welcher Text?", ("Alt", "alt", "x"), ("Neu", "neu", "y")
    )


@pytest.mark.usefixtures("small_screen")
def test_no_dialog_opens_larger_than_a_small_screen(parent, qtbot):
    too_large = []
    for dialog in dialogs(parent):
        qtbot.addWidget(dialog)
        dialog.show()
        exposed(dialog)
        size = dialog.frameGeometry().size()
        if size.width() > SCREEN.width() or size.height() > SCREEN.height():
            too_large.append(f"{type(dialog).__name__} {size.width()} x {size.height()}")
        for box in dialog.findChildren(QDialogButtonBox):
            bottom = box.mapTo(dialog, box.rect().bottomLeft()).y()
            assert bottom < SCREEN.height(), type(dialog).__name__
        dialog.close()
    assert too_large == []


def scrolls_sideways(dialog) -> list[str]:
    return [
        type(area).__name__
        for area in dialog.findChildren(QAbstractScrollArea)
        if area.isVisible() and area.horizontalScrollBar().maximum() > 0
    ]


def test_the_member_dialog_on_a_small_screen_shows_one_column_without_scrolling_sideways(
    monkeypatch, demo_services, qtbot, today
):
    rostock = demo_services.settings.councils()[0]
    fields = demo_services.settings.action_fields(rostock.id)
    member = demo_services.members.members(rostock.id)[0]

    def open_(screen: QRect) -> MemberDialog:
        monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: screen)
        dialog = MemberDialog(demo_services.members, rostock.id, fields, today, member)
        qtbot.addWidget(dialog)
        dialog.show()
        exposed(dialog)
        return dialog

    small = open_(SCREEN)
    with suppress(NotSettled):  # the layouts settle; what is left scrolls sideways
        qtbot.waitUntil(lambda: scrolls_sideways(small) == [], timeout=WAIT)
    assert scrolls_sideways(small) == []
    names = {box.title(): box for box in small.form.findChildren(QGroupBox)}
    person, membership = names["Person"], names["Mitgliedschaft"]
    assert membership.x() == person.x() and membership.y() > person.y()
    small.close()

    large = open_(QRect(0, 0, 1280, 800))
    names = {box.title(): box for box in large.form.findChildren(QGroupBox)}
    qtbot.waitUntil(lambda: names["Mitgliedschaft"].x() > names["Person"].x(), timeout=WAIT)
    assert names["Mitgliedschaft"].y() == names["Person"].y()


@pytest.mark.usefixtures("small_screen")
def test_the_member_import_preview_opens_within_a_small_screen(demo_services, qtbot, today):
    """'Mitglieder importieren' opened 900 x 520, wider and taller than the screen, its
    Importieren and Abbrechen out of sight (found by a tester)."""
    rostock = demo_services.settings.councils()[0]
    lines = [
        "Vorname;Nachname;E-Mail;Amtszeit Beginn;Amtszeit Ende;Primäres Handlungsfeld",
        *(f"Vor{i};Nach{i};p{i}@example.org;01.03.2026;28.02.2025;Stadtdaten" for i in range(30)),
    ]
    data = "\r\n".join(lines).encode("utf-8-sig")
    preview = demo_services.member_exchange.preview_import(rostock.id, data, today)
    dialog = MemberImportDialog(demo_services.member_exchange, rostock.id, today, preview)
    qtbot.addWidget(dialog)
    dialog.open()
    exposed(dialog)

    size = dialog.frameGeometry().size()
    assert size.width() <= SCREEN.width() and size.height() <= SCREEN.height()
    box = dialog.findChild(QDialogButtonBox)
    assert box.mapTo(dialog, box.rect().bottomRight()).y() < SCREEN.height()
    view = dialog.view
    with suppress(NotSettled):  # the layouts settle; what is left scrolls sideways
        qtbot.waitUntil(lambda: scrolls_sideways(dialog) == [], timeout=WAIT)
    assert scrolls_sideways(dialog) == []
    qtbot.waitUntil(lambda: view.rowAt(view.viewport().height() - 1) > 2, timeout=WAIT)


def _box_of(widget: QWidget) -> str:
    while widget is not None and not isinstance(widget, QGroupBox):
        widget = widget.parentWidget()
    return widget.title() if widget is not None else ""


def _follows(before: QWidget, after: QWidget, form: QWidget) -> bool:
    """Whether ``after`` sits below ``before`` in ``form``, or beside it to the right on
    the same line."""
    a = QRect(before.mapTo(form, QPoint(0, 0)), before.size())
    b = QRect(after.mapTo(form, QPoint(0, 0)), after.size())
    below = b.center().y() > a.bottom()
    beside = b.left() >= a.right() and abs(b.center().y() - a.center().y()) <= a.height() // 2
    return below or beside


@pytest.mark.usefixtures("small_screen")
def test_tab_goes_down_the_member_dialog_s_one_column(demo_services, qtbot, today):
    """Stacked in one column on a small screen, the dialog's fields are reached by Tab from
    the top down: Person, Kontakt, Mitgliedschaft, Einwilligungen, Notizen, then the
    buttons (each field below or right of the one before)."""
    rostock = demo_services.settings.councils()[0]
    fields = demo_services.settings.action_fields(rostock.id)
    member = demo_services.members.members(rostock.id)[0]
    dialog = MemberDialog(demo_services.members, rostock.id, fields, today, member)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT)
    form = dialog.form
    names = {box.title(): box for box in form.findChildren(QGroupBox)}
    qtbot.waitUntil(lambda: names["Mitgliedschaft"].x() == names["Person"].x(), timeout=WAIT)
    form.form_of_address_combo.setFocus()

    reached = [dialog.focusWidget()]
    while reached[-1] is not dialog.save_button and len(reached) < 80:
        qtbot.keyClick(reached[-1], Qt.Key.Key_Tab)
        if dialog.focusWidget() is not reached[-1]:  # a date's day, month, year: one field
            reached.append(dialog.focusWidget())

    fields_reached = [w for w in reached if form.isAncestorOf(w)]
    boxes = [_box_of(w) for w in fields_reached]
    assert list(dict.fromkeys(boxes)) == [
        "Person",
        "Kontakt",
        "Mitgliedschaft",
        "Einwilligungen",
        "Notizen (intern)",
    ]
    out_of_order = [
        (before.accessibleName(), after.accessibleName())
        for before, after in pairwise(fields_reached)
        if not _follows(before, after, form)
    ]
    assert out_of_order == []
    assert reached[-1] is dialog.save_button


# Laptop screens as Qt sees them: 1366 x 768 at 150 % and at 125 %, and at 100 %.
LAPTOP_SCREENS = (QRect(0, 0, 911, 512), QRect(0, 0, 1093, 614), QRect(0, 0, 1366, 768))


@pytest.mark.parametrize("screen", LAPTOP_SCREENS, ids=lambda r: f"{r.width()}x{r.height()}")
def test_the_series_preview_shows_its_dates_whole_on_a_laptop(
    monkeypatch, demo_services, qtbot, today, screen
):
    """The preview of a series showed "Do, 17.06.2027, 16:0" and scrolled sideways: the
    dialog opened at two thirds of the screen's width, the rule beside took the most of it
    (found by a tester)."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: screen)
    rostock = demo_services.settings.councils()[0]
    dialog = SeriesDialog(demo_services.meetings, rostock.id, today)
    qtbot.addWidget(dialog)
    dialog.show()
    exposed(dialog)
    preview = dialog.preview_list

    assert preview.count() > 1
    with suppress(NotSettled):  # the layouts settle; what is left scrolls sideways
        qtbot.waitUntil(lambda: scrolls_sideways(dialog) == [], timeout=WAIT)
    assert scrolls_sideways(dialog) == []
    assert preview.viewport().width() >= preview.sizeHintForColumn(0)
    size = dialog.frameGeometry().size()
    assert size.width() <= screen.width() and size.height() <= screen.height()


@pytest.mark.usefixtures("small_screen")
def test_the_series_dialog_stays_within_a_small_screen_s_width(demo_services, parent, qtbot, today):
    rostock = demo_services.settings.councils()[0]
    dialog = SeriesDialog(demo_services.meetings, rostock.id, today, parent)
    qtbot.addWidget(dialog)
    dialog.show()
    exposed(dialog)

    assert dialog.preview_list.count() > 1
    assert dialog.minimumSizeHint().width() <= SCREEN.width()
