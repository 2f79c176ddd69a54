"""The rows of the "Sitzung" tab stand evenly apart; a message line under a field takes
room only while it says something (found by a tester)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.meeting_numbers import NUMBER_ORDER_FIELD
from expertenrat.ui.agenda_item_form import AgendaItemForm
from expertenrat.ui.meeting_form_view import MeetingFormView
from tests.ui.settling import exposed, settle


def _gaps(view: MeetingFormView) -> list[int]:
    """The room between one row's field and the next row's, from "Art" to the notes."""
    return _gaps_between(
        view,
        [
            view.kind_combo,
            view.title_edit,
            (view.date_edit, view.end_date_edit),  # "Termin": two lines, the end's date below
            view.place_edit,
            view.room_edit,
            view.link_edit,
            view.chair_combo,
            view.notes_edit,
        ],
    )


def _gaps_between(view: QWidget, fields: list[QWidget | tuple[QWidget, QWidget]]) -> list[int]:
    """A row of two lines is given as its first line's field and its last line's."""
    rows = [f if isinstance(f, tuple) else (f, f) for f in fields]
    tops = [first.mapTo(view, first.rect().topLeft()).y() for first, _ in rows]
    bottoms = [last.mapTo(view, last.rect().bottomLeft()).y() for _, last in rows]
    return [top - bottom for bottom, top in zip(bottoms, tops[1:], strict=False)]


def test_the_rows_stand_evenly_apart_until_a_message_comes(qtbot) -> None:
    """(found by a tester) Each field that may have a message kept an empty line under it,
    those without ("Art", "Raum") none: the rows stood ~29 px or ~41 px apart."""
    view = MeetingFormView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    exposed(view)
    settle(qtbot)
    even = _gaps(view)
    assert len(set(even)) == 1, even

    view.errors.show([FieldProblem("place", "Bitte einen Ort angeben.")])
    settle(qtbot)
    gaps = _gaps(view)
    place = 3  # the gap under "Ort" holds its message now
    assert gaps[place] > even[place] + view.fontMetrics().height() // 2
    assert gaps[:place] + gaps[place + 1 :] == even[:place] + even[place + 1 :]

    view.errors.clear()
    settle(qtbot)
    assert _gaps(view) == even


def test_the_agenda_items_rows_stand_evenly_apart(qtbot) -> None:
    """The item's form of the Tagesordnung tab as well: "Titel" stood further from
    "Vorlage" and "Art" than these from the rows beside them."""
    form = AgendaItemForm()
    qtbot.addWidget(form)
    form.resize(400, 500)
    form.show()
    exposed(form)
    settle(qtbot)
    fields = [
        form.template_combo,
        form.title_edit,
        form.kind_combo,
        form.public_check,
        form.presenter_kind_combo,
        form.presenter_edit,
        form.project_combo,
        form.minutes_spin,
    ]
    gaps = _gaps_between(form, fields)
    assert len(set(gaps)) == 1, gaps


def test_an_end_before_the_start_puts_the_cursor_in_the_end_time(qtbot) -> None:
    """(found by a tester) The "Termin" row's message went with the row around date, start
    and end: the focus went to that row, where typing did nothing, and no field was
    framed. The end time is framed and has the cursor; the number note frames the date."""
    view = MeetingFormView()
    qtbot.addWidget(view)
    view.show()
    exposed(view)

    view.errors.show([FieldProblem("end", "Das Ende muss nach dem Beginn liegen.")])
    view.errors.focus_first_error()

    assert view.focusWidget() is view.end_edit
    assert view.end_edit.property("error") is True
    assert not view.date_edit.property("error")

    view.errors.show([FieldProblem(NUMBER_ORDER_FIELD, "Diese Sitzung erhält die Nummer 8.", True)])

    assert view.date_edit.property("warning") is True
    assert not view.end_edit.property("warning")
