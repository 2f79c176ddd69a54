"""Approved minutes look read-only in the Protokoll tab: the time, text and line fields are
read-only and drawn on the window's background, as the disabled boxes beside them look;
a draft's fields are editable and drawn as input fields."""

from __future__ import annotations

import os
from datetime import date, datetime

import pytest
from minutes_setup import Minutes, held_minutes, hold
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractSpinBox, QWidget

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.elections import Candidate, Election
from expertenrat.domain.enums import VoteMode
from expertenrat.domain.votes import VoteDraft
from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.minutes_item_list import item_key
from expertenrat.ui.vote_line import VoteLine
from tests.ui.settling import exposed

SENT = date(2026, 3, 20)
WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done


@pytest.fixture
def minutes(services) -> Minutes:
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )
    field = services.settings.action_fields(council.id)[0].id
    return held_minutes(services.database, council.id, field)


@pytest.fixture
def make_editor(qtbot, services, dialogs, app_style_sheet):
    def settle(editor: MinutesEditor) -> None:
        editor.autosave.flush()
        qtbot.waitUntil(lambda: editor.idle(), timeout=WAIT)

    def make(meeting_id: int) -> MinutesEditor:
        editor = MinutesEditor(services, dialogs)
        qtbot.addWidget(editor, before_close_func=settle)
        editor.resize(1000, 700)
        editor.show()
        exposed(editor)
        editor.set_meeting(meeting_id)
        return editor

    return make


def approve(services, minutes: Minutes) -> None:
    services.minutes_approval.circulate(minutes.meeting_id, SENT)
    hold(services.database, minutes.next_id, datetime(2026, 5, 12, 16, 0))
    services.minutes_approval.approve(minutes.meeting_id, minutes.next_id)


def background(field: QWidget) -> QColor:
    """The colour drawn in the field, a few pixels inside its frame, left of any text."""
    image = field.grab().toImage()
    return image.pixelColor(4, image.height() - 4)


def fields(editor: MinutesEditor) -> list[QWidget]:
    header = editor.header_form
    return [header.opened_edit, header.closed_edit, header.minute_taker_edit]


def item_fields(editor: MinutesEditor) -> list[QWidget]:
    return list(editor.item_form.fields.values())


def save_grab(editor: MinutesEditor, name: str) -> None:
    """With EXPERTENRAT_GRAB_DIR set, keep a screenshot of the tab to look at."""
    folder = os.environ.get("EXPERTENRAT_GRAB_DIR")
    if folder:
        editor.grab().save(os.path.join(folder, f"{name}.png"))


def test_approved_minutes_fields_are_read_only_and_drawn_so(
    qtbot, services, make_editor, minutes
) -> None:
    approve(services, minutes)
    editor = make_editor(minutes.meeting_id)
    window = editor.palette().color(QPalette.ColorRole.Window)
    save_grab(editor, "frozen_header")
    for field in fields(editor):
        assert field.isReadOnly() and field.isEnabled()  # the text can still be copied
        assert background(field) == window, field
    for time_edit in fields(editor)[:2]:
        assert time_edit.buttonSymbols() is QAbstractSpinBox.ButtonSymbols.NoButtons
    assert not editor.header_form.chair_combo.isEnabled()

    editor.items.select_key(item_key(minutes.item_ids[2]))
    save_grab(editor, "frozen_item")
    for field in item_fields(editor):
        assert field.isReadOnly() and field.isEnabled()
        assert background(field) == window, field
    line = editor.item_form.votes.lines[0]
    for field in (line.subject_edit, *line.counts.values()):  # the vote counted: 2/0/1
        assert field.isReadOnly() and background(field) == window, field


def test_draft_minutes_fields_are_editable_and_drawn_as_input_fields(
    qtbot, make_editor, minutes
) -> None:
    editor = make_editor(minutes.meeting_id)
    window = editor.palette().color(QPalette.ColorRole.Window)
    save_grab(editor, "draft_header")
    for field in fields(editor):
        assert not field.isReadOnly()
        assert background(field) != window, field
        assert background(field) == field.palette().color(QPalette.ColorRole.Base), field
    editor.items.select_key(item_key(minutes.item_ids[2]))
    save_grab(editor, "draft_item")
    for field in item_fields(editor):
        assert not field.isReadOnly()
        assert background(field) != window, field


def test_the_look_follows_when_the_same_form_shows_a_draft_after_approved_minutes(
    qtbot, services, make_editor, minutes
) -> None:
    approve(services, minutes)
    editor = make_editor(minutes.meeting_id)
    window = editor.palette().color(QPalette.ColorRole.Window)
    assert background(editor.header_form.minute_taker_edit) == window
    editor.set_meeting(minutes.next_id)  # held, its minutes a draft
    for field in fields(editor):
        assert not field.isReadOnly()
        assert background(field) != window, field
    assert editor.header_form.opened_edit.buttonSymbols() is (
        QAbstractSpinBox.ButtonSymbols.UpDownArrows
    )


def test_read_only_count_boxes_keep_their_width_without_arrows(qtbot, app_style_sheet):
    """The vote counts of approved minutes lose their arrows, not their width: a vote line
    made read-only before it is shown (as the editor adds the lines of approved minutes) has
    boxes as wide as a draft's (before, they were drawn narrower)."""
    draft, approved = (VoteLine(VoteDraft(yes=7, no=1, subject="Vorschlag")) for _ in "ab")
    approved.set_read_only(True)
    for line in (draft, approved):
        qtbot.addWidget(line)
        line.resize(600, line.sizeHint().height())
        line.show()
        exposed(line)

    spins = approved.counts.values()
    assert all(s.buttonSymbols() == QAbstractSpinBox.ButtonSymbols.NoButtons for s in spins)
    assert [s.width() for s in spins] == [s.width() for s in draft.counts.values()]


def test_an_election_of_approved_minutes_is_read_only(qtbot, app_style_sheet):
    """The persons, votes and choices of an election in approved minutes can be read and
    copied, not changed: no person added or removed, no choice made."""
    chosen = Election((Candidate("Dr. A", 6), Candidate("Dr. B", 3)), secret=True, elected="Dr. A")
    line = VoteLine(VoteDraft(VoteMode.ELECTION, abstain=1, election=chosen))
    line.set_read_only(True)
    qtbot.addWidget(line)
    line.show()
    exposed(line)

    election = line.election_fields
    texts = [f for row in election.rows for f in (row.name_edit, row.votes_spin)]
    for field in (*texts, election.abstain_spin, election.invalid_spin):
        assert field.isReadOnly() and field.isEnabled(), field  # still to be copied
    buttons = [row.remove_button for row in election.rows]
    for widget in (*buttons, election.add_button, election.secret_check,
                   election.elected_combo, election.accepted_combo):  # fmt: skip
        assert not widget.isEnabled(), widget
    assert line.draft().election == chosen
