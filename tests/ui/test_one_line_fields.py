"""Every one-line text field the user types into is a ``text_fields.LineEdit``: pasted lines are
joined by spaces and the invisible characters copying brings are dropped (kept, the save was
refused for a break the field does not show), and a long text reached by Tab shows its start
(Qt shows its end)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolTip,
    QWidget,
)

import expertenrat.ui
from expertenrat.domain.annexes import Annex
from expertenrat.domain.attendance_sheet import GuestEntry
from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.field_limits import PERSON, text_problems
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.text_characters import pasted_line
from expertenrat.domain.votes import VoteDraft
from expertenrat.ui.agenda_item_form import AgendaItemForm
from expertenrat.ui.annex_dialog import AnnexDialog
from expertenrat.ui.conflict_declare_dialog import ConflictDeclareDialog
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.filter_bar import FilterBar
from expertenrat.ui.guest_dialog import GuestDialog
from expertenrat.ui.meeting_form_view import MeetingFormView
from expertenrat.ui.member_form_view import MemberFormView
from expertenrat.ui.minutes_header_form import MinutesHeaderForm
from expertenrat.ui.minutes_item_form import MinutesItemForm
from expertenrat.ui.pc_settings import PcSettingsBox
from expertenrat.ui.project_form import ProjectForm
from expertenrat.ui.recommendation_content_dialogs import EditRecommendationDialog
from expertenrat.ui.recommendation_dialog import RecommendationDialog
from expertenrat.ui.recommendation_response_dialog import RecommendationResponseDialog
from expertenrat.ui.save_location import SaveLocations
from expertenrat.ui.series_dialog import SeriesDialog
from expertenrat.ui.server_dialog import ServerDialog
from expertenrat.ui.text_boxes import plain_text_edit
from expertenrat.ui.text_fields import LineEdit, line_combo
from expertenrat.ui.vote_line import VoteLine

PASTED = "Zeile 1\nZeile 2\u00ad"
LONG = "Fraunhofer-Institut für Graphische Datenverarbeitung, Abteilung Urbane Datenraum"
assert len(LONG) == 80

PASSWORD = QLineEdit.EchoMode.Password


def _typed_into(edit: QLineEdit) -> bool:
    """Whether ``edit`` is a field the user types text into (not a password field, not the
    inside of a spin, date or time edit)."""
    return edit.echoMode() != PASSWORD and not isinstance(edit.parent(), QAbstractSpinBox)


def _not_shared(root: QWidget) -> list[str]:
    """The typed-into line edits below ``root`` that are no :class:`LineEdit`."""
    return [
        edit.accessibleName() or edit.objectName() or edit.placeholderText() or repr(edit)
        for edit in root.findChildren(QLineEdit)
        if _typed_into(edit) and not isinstance(edit, LineEdit)
    ]


def _paste(edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    QApplication.clipboard().setText(text)
    QTest.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_pasted_lines_are_joined_and_soft_hyphens_dropped(qtbot):
    edit = LineEdit()
    qtbot.addWidget(edit)
    edit.show()

    _paste(edit, "zur Kennt\u00adnis\r\ngenommen\u200b")
    QTest.keyClicks(edit, ".")

    assert edit.text() == "zur Kenntnis genommen."
    assert edit.cursorPosition() == len(edit.text())
    assert pasted_line(PASTED) == "Zeile 1 Zeile 2"


def _undo(edit: QWidget) -> None:
    QTest.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_one_ctrl_z_takes_back_a_cleaned_paste_and_nothing_typed_before(qtbot):
    """The cleaned text goes in as typed text does (before, the whole text was replaced and
    the field had nothing left to undo)."""
    edit = LineEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    QTest.keyClicks(edit, "Beschluss: ")

    _paste(edit, "zur Kennt\u00adnis\ngenommen")
    assert edit.text() == "Beschluss: zur Kenntnis genommen"
    _undo(edit)

    assert edit.text() == "Beschluss: "
    _undo(edit)
    assert edit.text() == ""


def test_a_cleaned_paste_over_a_selection_is_taken_back_whole(qtbot):
    edit = LineEdit("vertagt auf Januar")
    qtbot.addWidget(edit)
    edit.show()
    edit.setSelection(12, 6)

    _paste(edit, "Febru\u00adar\n")
    assert edit.text() == "vertagt auf Februar "
    _undo(edit)

    assert edit.text() == "vertagt auf Januar"


def test_one_ctrl_z_takes_back_a_cleaned_paste_in_a_text_box(qtbot):
    edit = plain_text_edit(3, grows=True)
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    QTest.keyClicks(edit, "Herr Krueger berichtet ")

    _paste(edit, "zur Kennt\u00adnis")
    assert edit.toPlainText() == "Herr Krueger berichtet zur Kenntnis"
    _undo(edit)

    assert edit.toPlainText() == "Herr Krueger berichtet "


def test_a_paste_drops_every_invisible_control_the_save_would_refuse(qtbot):
    """(found by a tester) A NUL, an escape or a bidi override pasted into a long text was
    only refused at saving, with the advice to type the text again; the paste now drops them
    as it dropped soft hyphens. A form feed is a line break, a joiner in an emoji stays."""
    box = plain_text_edit(3, grows=True)
    line = LineEdit()
    for edit in (box, line):
        qtbot.addWidget(edit)
        edit.show()
    pasted = "Ber\x00icht\x1b[0m \u202eamtlich\u202c\x0cTeil\t2 \U0001f469\u200d\U0001f4bb"

    _paste(box, pasted)
    _paste(line, pasted)

    assert box.toPlainText() == "Bericht[0m amtlich\nTeil\t2 \U0001f469\u200d\U0001f4bb"
    assert line.text() == "Bericht[0m amtlich Teil 2 \U0001f469\u200d\U0001f4bb"
    assert pasted_line("M\udcfcller") == "Mller"  # a lone surrogate Qt may deliver
    for text, spec in ((box.toPlainText(), PERSON["notes"]), (line.text(), PERSON["title"])):
        assert not text_problems("x", text, replace(spec, max_length=100))


def test_the_context_menu_s_paste_and_a_drop_are_cleaned_as_ctrl_v_is(qtbot):
    edit = LineEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    QApplication.clipboard().setText("zur Kennt\u00adnis\ngenommen")

    at = QPoint(4, 4)
    menu_key = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at, edit.mapToGlobal(at))
    QApplication.sendEvent(edit, menu_key)
    menu = edit.findChild(QMenu)
    next(a for a in menu.actions() if a.objectName() == "edit-paste").trigger()
    menu.close()

    assert edit.text() == "zur Kenntnis genommen"
    _undo(edit)
    assert edit.text() == ""

    dropped = QMimeData()
    dropped.setText("Ken\u00adnt\u00adnis\r\nnehmen")
    for kind in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(
            edit,
            kind(QPoint(4, 4), Qt.DropAction.CopyAction, dropped, Qt.MouseButton.LeftButton,
                 Qt.KeyboardModifier.NoModifier),
        )  # fmt: skip
    QApplication.sendEvent(
        edit,
        QDropEvent(QPointF(4, 4), Qt.DropAction.CopyAction, dropped, Qt.MouseButton.LeftButton,
                   Qt.KeyboardModifier.NoModifier),
    )  # fmt: skip

    assert edit.text() == "Kenntnis nehmen"


def test_a_paste_is_cleaned_before_the_length_limit_counts_it(qtbot):
    """Soft hyphens and a line break from a PDF: 13 characters pasted, 11 after cleaning,
    which fit (before, Qt cut the paste to the room left first and cleaned it then: " ja"
    was lost)."""
    edit = LineEdit()
    qtbot.addWidget(edit)
    edit.setMaxLength(11)
    edit.show()

    _paste(edit, "Ken\u00adnt\u00adnis\nja")

    assert edit.text() == "Kenntnis ja"


def test_a_paste_too_long_even_cleaned_is_left_out_and_the_field_says_so(qtbot):
    edit = LineEdit()
    qtbot.addWidget(edit)
    edit.setMaxLength(100)
    edit.show()
    edit.setFocus()
    QTest.keyClicks(edit, "Ergebnis: ")
    refused: list[str] = []
    edit.paste_refused.connect(refused.append)

    _paste(edit, "x" * 95)

    message = (
        "Der eingefügte Text ist zu lang für dieses Feld: höchstens 100 Zeichen, mit dem "
        "Text wären es 105. Er ist nicht eingefügt."
    )
    assert edit.text() == "Ergebnis: "  # not cut to "Ergebnis: xxx…" without a word
    assert refused == [message]
    assert QToolTip.text() == message


@pytest.mark.parametrize(
    ("typed", "pasted", "total"),
    [("abcdefghi", "😀", 11), ("", "😀" * 8, 16), ("", "👩\u200d👩\u200d👧\u200d👦", 11)],
)
def test_a_paste_of_emoji_too_long_for_qt_s_count_is_left_out_not_cut(qtbot, typed, pasted, total):
    """(found by a tester) Qt's length limit counts an emoji twice (UTF-16), the check before
    the paste once: a paste that seemed to fit was cut by Qt without a word, the emoji at the
    end of a full field vanished, eight emoji became five, a family emoji lost a child."""
    edit = LineEdit()
    qtbot.addWidget(edit)
    edit.setMaxLength(10)
    edit.show()
    edit.setText(typed)
    refused: list[str] = []
    edit.paste_refused.connect(refused.append)

    _paste(edit, pasted)

    assert edit.text() == typed
    assert refused == [
        "Der eingefügte Text ist zu lang für dieses Feld: höchstens 10 Zeichen, mit dem "
        f"Text wären es {total}. Er ist nicht eingefügt."
    ]
    edit.clear()
    _paste(edit, "😀" * 5)
    assert edit.text() == "😀" * 5  # what fits goes in whole


def test_a_long_text_reached_by_tab_shows_its_start_selected(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    before, edit = LineEdit(parent), LineEdit(LONG, parent)
    parent.show()
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)

    QTest.keyClick(before, Qt.Key.Key_Tab)

    qtbot.waitUntil(edit.hasFocus)
    assert edit.selectedText() == LONG and edit.cursorPosition() == 0


def test_an_editable_combo_box_types_into_a_line_edit(qtbot):
    combo = line_combo()
    qtbot.addWidget(combo)
    combo.show()

    _paste(combo.lineEdit(), PASTED)

    assert combo.isEditable() and combo.currentText() == "Zeile 1 Zeile 2"


@pytest.fixture
def council_id(services) -> int:
    return services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock")).id


def _forms(
    services, council_id: int, today: date, qsettings: QSettings
) -> dict[str, tuple[QWidget, QLineEdit]]:
    """A form or dialog of each kind, with a representative field of it."""
    fields = services.settings.action_fields(council_id)
    member = MemberFormView(fields, today)
    project = ProjectForm(fields)
    meeting = MeetingFormView()
    series = SeriesDialog(services.meetings, council_id, today)
    agenda_item = AgendaItemForm()
    recommendation = RecommendationDialog(None, [], [], lambda draft: None)
    content = EditRecommendationDialog(
        None, "E-2026-01", "Sitzung", RecommendationContent("Titel", "Text"), [], [], today, print
    )
    response = RecommendationResponseDialog(None, "E-2026-01", today, lambda draft: None)
    guest = GuestDialog(GuestEntry(None, ""), lambda entry: True)
    conflict = ConflictDeclareDialog("TOP 1", [], lambda member, reason: True)
    server = ServerDialog("Server", "Wo liegt die Datenbank?")
    filters = FilterBar("Suchen …", "Suche", [])
    annex = AnnexDialog(None, Annex(1, 1, "bericht.pdf", "", 1, ""), print)
    pc = PcSettingsBox(qsettings, DialogService(SaveLocations(qsettings)), Path("Sicherungen"))
    header = MinutesHeaderForm()
    item = MinutesItemForm()
    vote = VoteLine(VoteDraft())
    return {
        "Mitglied": (member, member.affiliation_edit),
        "Anrede": (member, member.form_of_address_combo.lineEdit()),
        "Projekt": (project, project.title_edit),
        "Sitzung": (meeting, meeting.place_edit),
        "Serie": (series, series.title_edit),
        "Tagesordnungspunkt": (agenda_item, agenda_item.title_edit),
        "Vortragende": (agenda_item, agenda_item.presenter_edit.lineEdit()),
        "Empfehlung": (recommendation, recommendation.title_edit),
        "Empfehlung bearbeiten": (content, content.title_edit),
        "Stellungnahme": (response, response.responder_edit),
        "Gast": (guest, guest.organisation_edit),
        "Befangenheit": (conflict, conflict.reason_edit),
        "Anlage": (annex, annex.title_edit),
        "Server": (server, server.host_edit),
        "Suche": (filters, filters.search_edit),
        "Auf diesem PC": (pc, pc.folder_edit),
        "Protokollführung": (header, header.minute_taker_edit),
        "Ergebnis": (item, item.result_edit),
        "Abstimmung": (vote, vote.subject_edit),
    }


def test_every_form_joins_pasted_lines_and_shows_a_long_text_s_start(
    qtbot, services, council_id, today, qsettings
):
    forms = _forms(services, council_id, today, qsettings)
    for root, _ in forms.values():
        qtbot.addWidget(root)

    shown: QWidget | None = None
    for kind, (root, edit) in forms.items():
        if root is not shown:  # a form's fields in turn, each window shown once
            assert _not_shared(root) == [], kind
            if shown is not None:
                shown.hide()
            root.show()
            qtbot.waitUntil(root.isActiveWindow)
            shown = root
        edit.setReadOnly(False)  # "Auf diesem PC" shows the folder chosen, typed or not
        edit.clear()
        _paste(edit, PASTED)
        assert edit.text() == "Zeile 1 Zeile 2", kind

        edit.setText(LONG[: edit.maxLength()])
        edit.clearFocus()
        edit.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(edit.hasFocus)
        assert edit.selectedText() == edit.text() and edit.cursorPosition() == 0, kind


def test_the_text_asked_for_is_typed_into_a_line_edit(qtbot, qsettings):
    parent = QWidget()
    qtbot.addWidget(parent)
    answers: list[str] = []

    DialogService(SaveLocations(qsettings)).ask_text(
        parent, "Zurückziehen", "Warum?", LONG, answers.append
    )

    dialog = parent.findChild(QDialog)
    edit = dialog.findChild(QLineEdit)
    assert isinstance(edit, LineEdit)
    assert edit.selectedText() == LONG and edit.cursorPosition() == 0
    _paste(edit, PASTED)
    next(b for b in dialog.findChildren(QPushButton) if b.text() in ("OK", "&OK")).click()
    assert answers == ["Zeile 1 Zeile 2"]


def test_the_main_window_s_text_fields_are_all_line_edits(make_window, services, today):
    services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    window = make_window()
    window.show()

    assert len(window.findChildren(LineEdit)) > 20  # filter bars, settings, minutes …
    assert _not_shared(window) == []
    combos = [c for c in window.findChildren(QComboBox) if c.isEditable()]
    assert combos and all(isinstance(c.lineEdit(), LineEdit) for c in combos)


def test_the_welcome_page_s_fields_are_line_edits(make_window):
    window = make_window()
    window.show()

    assert window.stack.currentWidget() is window.welcome_page
    assert _not_shared(window.welcome_page) == []
    _paste(window.welcome_page.city_edit, PASTED)
    assert window.welcome_page.city_edit.text() == "Zeile 1 Zeile 2"


def test_no_form_makes_a_plain_line_edit_or_asks_with_qinputdialog():
    """A guard for forms and dialogs the tests above do not open: the password field is the
    one plain QLineEdit made (spin, date and time edits make their own inside)."""
    package = Path(expertenrat.ui.__file__).parent
    made = {
        f"{path.name}: {line.strip()}"
        for path in package.rglob("*.py")
        for line in path.read_text("utf-8").splitlines()
        if re.search(r"(?<![\w.])Q(LineEdit|InputDialog)\(", line)
    }

    assert made == {"server_dialog.py: self.password_edit = QLineEdit()"}


def test_a_stored_text_of_emoji_within_its_limit_is_shown_and_saved_whole(qtbot):
    """(found by a tester) A short code of twelve emoji (twelve characters, the limit is
    20) is 24 UTF-16 code units, which Qt's limit counts: the form showed ten, and saving
    the project unchanged saved ten."""
    from expertenrat.domain.enums import ProjectPhase
    from expertenrat.domain.projects import Project
    from expertenrat.ui.project_form import ProjectForm

    form = ProjectForm([])
    qtbot.addWidget(form)
    project = Project(id=1, title="Stadtgrün", short_code="🌳" * 12, phase=ProjectPhase.IDEA)

    form.set_project(project)

    assert form.short_code_edit.text() == "🌳" * 12
    assert form.project().short_code == "🌳" * 12
    form.set_project(replace(project, short_code="DZR"))
    assert form.short_code_edit.maxLength() == 20  # the field's limit again
