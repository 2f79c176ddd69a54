"""The Anlagen tab: annexes added in the worker, a damaged PDF refused, removed, moved;
the minutes and the Sitzungsmappe saved from the document buttons."""

from __future__ import annotations

import io
import os
import sys

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from reportlab.pdfgen.canvas import Canvas

from expertenrat.domain.councils import CouncilSettings
from expertenrat.ui.annex_list import AnnexRole
from expertenrat.ui.annexes_panel import AnnexesPanel
from expertenrat.ui.meeting_document_actions import MeetingDocumentActions

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done


def small_pdf(text: str) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.fixture
def panel(qtbot, services, dialogs, held_in_rostock) -> AnnexesPanel:
    panel = AnnexesPanel(services, dialogs)
    qtbot.addWidget(panel)
    panel.set_meeting(held_in_rostock.meeting_id)
    return panel


def add(panel, dialogs, finish_job, path) -> None:
    dialogs.paths = [str(path)]
    panel.add_button.click()
    finish_job(panel)


def texts(panel) -> list[str]:
    return [panel.list.item(row).text() for row in range(panel.list.count())]


def test_empty_meeting_says_so_and_nothing_is_selected(panel) -> None:
    assert panel.hint_label.text() == "Die Sitzung hat noch keine Anlagen."
    assert panel.add_button.isEnabled()
    assert not panel.remove_button.isEnabled()


def test_the_check_box_beside_add_says_it_is_for_the_next_annex(panel) -> None:
    # "nichtöffentlich" alone read as a setting of the selected annex (found by a tester)
    assert panel.internal_check.text() == "Neue Anlage nichtöffentlich"


def test_the_annexes_of_approved_minutes_cannot_be_changed(
    panel, services, dialogs, finish_job, held_in_rostock, tmp_path
) -> None:
    from minutes_rows import approve

    path = tmp_path / "Folien.pdf"
    path.write_bytes(small_pdf("Folie"))
    add(panel, dialogs, finish_job, path)
    approve(services.database, held_in_rostock.meeting_id)
    panel.refresh()
    panel.list.item(0).setSelected(True)

    assert panel.hint_label.text().startswith("Das Protokoll ist genehmigt")
    assert not any(
        button.isEnabled() for button in (panel.add_button, panel.edit_button, panel.remove_button)
    )


def test_added_pdf_is_listed_and_changed_is_emitted(
    qtbot, panel, dialogs, finish_job, tmp_path
) -> None:
    path = tmp_path / "Präsentation & <Daten>.pdf"
    path.write_bytes(small_pdf("Folie"))
    with qtbot.waitSignal(panel.changed, timeout=WAIT):
        add(panel, dialogs, finish_job, path)
    assert texts(panel) == ["Anlage 1: Präsentation & Daten (Präsentation & Daten.pdf, 1 KB)"]
    assert dialogs.warnings() == []


def test_a_pdf_added_from_the_keyboard_leaves_the_focus_in_the_list(
    qtbot, panel, dialogs, finish_job, tmp_path
) -> None:
    """(found by a tester) "PDF hinzufügen …" is off while the file is checked: Qt handed
    the focus on to "Neue Anlage nichtöffentlich" beside it, and the space bar pressed
    again for the next PDF ticked that box instead."""
    path = tmp_path / "Folien.pdf"
    path.write_bytes(small_pdf("Folie"))
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel, timeout=WAIT)
    panel.add_button.setFocus()
    dialogs.paths = [str(path)]

    qtbot.keyClick(panel.add_button, Qt.Key.Key_Space)
    finish_job(panel)

    assert panel.list.count() == 1
    assert panel.focusWidget() is panel.list
    assert not panel.internal_check.isChecked()


def test_the_added_pdf_is_selected_for_bearbeiten(
    qtbot, panel, dialogs, finish_job, tmp_path
) -> None:
    """(found by a tester) The new annex was not selected: "Bearbeiten …" stayed off, or
    acted on the annex selected before."""
    for name in ("Folien.pdf", "Haushalt.pdf"):
        (tmp_path / name).write_bytes(small_pdf(name))
    add(panel, dialogs, finish_job, tmp_path / "Folien.pdf")
    panel.list.setCurrentRow(0)
    add(panel, dialogs, finish_job, tmp_path / "Haushalt.pdf")

    assert panel.selected().name == "Haushalt.pdf"
    assert panel.list.currentRow() == 1
    assert panel.edit_button.isEnabled()


def test_an_annex_title_that_looks_like_markup_shows_as_typed_in_the_tooltip(
    panel, services, dialogs, finish_job, held_in_rostock, tmp_path
) -> None:
    """(found by a tester) The list's tooltip took "<i>kursiv</i>" as rich text and showed
    "kursiv" slanted without its tags, "a < b" cut; the line itself showed it as typed."""
    from test_tooltips import LOOKS_LIKE_MARKUP, shown

    (tmp_path / "Folien.pdf").write_bytes(small_pdf("Folie"))
    add(panel, dialogs, finish_job, tmp_path / "Folien.pdf")
    services.annexes.update(
        held_in_rostock.meeting_id, panel.list.item(0).data(AnnexRole), LOOKS_LIKE_MARKUP,
        public=True,
    )  # fmt: skip
    panel.refresh()

    line = panel.list.item(0)
    assert LOOKS_LIKE_MARKUP in line.text()
    assert shown(line.toolTip()) == line.text()


@pytest.mark.skipif(sys.platform == "win32", reason="file names of bytes")
def test_a_file_whose_name_is_no_utf8_is_added(panel, dialogs, finish_job, tmp_path) -> None:
    """(found by a tester) A PDF named in Latin-1 was not added: the database driver
    refused its name with a UnicodeEncodeError."""
    path = tmp_path / os.fsdecode(b"Pr\xe4sentation.pdf")
    path.write_bytes(small_pdf("Folie"))

    add(panel, dialogs, finish_job, path)

    assert texts(panel) == ["Anlage 1: Pr sentation (Pr sentation.pdf, 1 KB)"]
    assert dialogs.warnings() == []


def test_damaged_pdf_is_refused_with_a_german_message(panel, dialogs, finish_job, tmp_path) -> None:
    path = tmp_path / "kaputt.pdf"
    path.write_bytes(small_pdf("x")[:300])
    add(panel, dialogs, finish_job, path)
    assert texts(panel) == []
    assert "„kaputt.pdf“ ist keine lesbare PDF-Datei" in dialogs.warnings()[0]


def test_annexes_move_and_are_removed_after_asking(panel, dialogs, finish_job, tmp_path) -> None:
    for name in ("erste.pdf", "zweite.pdf"):
        (tmp_path / name).write_bytes(small_pdf(name))
        add(panel, dialogs, finish_job, tmp_path / name)
    panel.list.item(1).setSelected(True)
    assert panel.up_button.isEnabled() and not panel.down_button.isEnabled()
    panel.up_button.click()
    assert [t.split(" (")[0] for t in texts(panel)] == ["Anlage 1: zweite", "Anlage 2: erste"]
    assert panel.selected().title == "zweite"
    panel.remove_button.click()
    assert dialogs.messages[-1][0] == "question"
    assert [t.split(" (")[0] for t in texts(panel)] == ["Anlage 1: erste"]


def test_entf_in_the_list_removes_the_annex_after_asking(
    qtbot, panel, dialogs, finish_job, tmp_path
) -> None:
    """Entf as "Entfernen …", as it deletes in the members' list; it did nothing (found by
    a tester)."""
    (tmp_path / "folien.pdf").write_bytes(small_pdf("Folie"))
    add(panel, dialogs, finish_job, tmp_path / "folien.pdf")
    panel.list.setCurrentRow(0)

    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)

    assert dialogs.messages[-1][0] == "question"
    assert texts(panel) == []


def test_an_annex_is_renamed_and_made_non_public_in_its_dialog(
    qtbot, panel, dialogs, finish_job, services, held_in_rostock, tmp_path
) -> None:
    (tmp_path / "folien.pdf").write_bytes(small_pdf("Folie"))
    add(panel, dialogs, finish_job, tmp_path / "folien.pdf")
    panel.edit_button.click()  # the new annex is selected
    dialog = panel.dialog
    assert dialog.title_edit.text() == "folien" and not dialog.internal_check.isChecked()
    dialog.title_edit.setText("Folien \u202e gespiegelt")  # a bidi override is refused
    dialog.accept_button.click()
    assert "Der Titel der Anlage" in dialog.error_label.text() and dialog.isVisible()

    dialog.title_edit.setText("Folien „Daten & <Räume>“ 🌍")
    dialog.internal_check.setChecked(True)
    with qtbot.waitSignal(panel.changed, timeout=WAIT):
        dialog.accept_button.click()

    assert not dialog.isVisible()
    assert texts(panel) == [
        "Anlage 1: Folien „Daten & <Räume>“ 🌍 (folien.pdf, 1 KB) · nichtöffentlich"
    ]
    (stored,) = services.annexes.annexes(held_in_rostock.meeting_id)
    assert (stored.title, stored.public) == ("Folien „Daten & <Räume>“ 🌍", False)
    public = services.minutes_documents.minutes_pdf(held_in_rostock.meeting_id, public=True).pdf
    full = services.minutes_documents.minutes_pdf(held_in_rostock.meeting_id).pdf
    assert "Folien" not in pdf_text(public) and "Folien „Daten & <Räume>“" in pdf_text(full)


def test_an_annex_changed_on_another_pc_keeps_the_typed_title_and_saves_on_the_next_click(
    qtbot, panel, dialogs, finish_job, services, other_program, held_in_rostock, tmp_path
) -> None:
    """Found by a tester: the dialog kept the annex it was opened with, so after a change
    elsewhere every click was refused again and the title had to be typed anew."""
    (tmp_path / "folien.pdf").write_bytes(small_pdf("Folie"))
    add(panel, dialogs, finish_job, tmp_path / "folien.pdf")
    panel.list.item(0).setSelected(True)
    panel.edit_button.click()
    dialog = panel.dialog
    meeting_id = held_in_rostock.meeting_id
    (theirs,) = other_program.annexes.annexes(meeting_id)
    other_program.annexes.update(meeting_id, theirs, "Folien des Amts", public=False)
    dialog.title_edit.setText("Folien „Daten & <Räume>“")

    dialog.accept_button.click()

    assert dialog.isVisible() and dialog.title_edit.text() == "Folien „Daten & <Räume>“"
    assert dialog.error_label.text() == (
        "Die Anlage wurde inzwischen von jemand anderem geändert (jetzt: „Folien des Amts“, "
        "nichtöffentlich). Ihre Eingaben sind erhalten; die Liste zeigt den neuen Stand. "
        "Klicken Sie erneut auf „Speichern“, wenn sie gelten sollen."
    )
    assert texts(panel) == ["Anlage 1: Folien des Amts (folien.pdf, 1 KB) · nichtöffentlich"]

    with qtbot.waitSignal(panel.changed, timeout=WAIT):
        dialog.accept_button.click()

    assert not dialog.isVisible()
    (stored,) = services.annexes.annexes(meeting_id)
    assert (stored.title, stored.public) == ("Folien „Daten & <Räume>“", True)


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_minutes_and_dossier_are_saved_for_a_held_meeting(
    qtbot, services, dialogs, held_in_rostock, finish_job, tmp_path, today
) -> None:
    actions = MeetingDocumentActions(services, dialogs, lambda: today)
    qtbot.addWidget(actions)
    meeting = services.meetings.get(held_in_rostock.meeting_id)
    actions.set_meeting(meeting)
    assert actions.minutes_button.isEnabled() and actions.dossier_button.isEnabled()
    for button, name in (
        (actions.minutes_button, "Protokoll.pdf"),
        (actions.public_minutes_button, "öffentlich.pdf"),
        (actions.dossier_button, "Mappe.pdf"),
    ):
        dialogs.paths = [str(tmp_path / name)]
        button.save_action.trigger()
        finish_job(actions)
        assert PdfReader(tmp_path / name).pages
    suggested = [s for _kind, s in dialogs.file_dialogs]
    assert suggested[0].startswith("Protokoll 1. Sitzung 2026-03-10")
    assert suggested[1].endswith("öffentlich.pdf")
    assert suggested[2].startswith("Sitzungsmappe 1. Sitzung")
    assert dialogs.warnings() == []


def test_damaged_approved_minutes_are_neither_saved_nor_printed(
    qtbot, services, dialogs, held_in_rostock, finish_job, tmp_path, today
) -> None:
    from minutes_rows import approve

    from expertenrat.store import models

    approve(services.database, held_in_rostock.meeting_id)
    with services.database.transaction() as session:
        session.query(models.MinutesVersion).one().pdf += b"%% appended"
    actions = MeetingDocumentActions(services, dialogs, lambda: today)
    qtbot.addWidget(actions)
    actions.set_meeting(services.meetings.get(held_in_rostock.meeting_id))
    dialogs.paths = [str(tmp_path / "Protokoll.pdf")]
    actions.minutes_button.save_action.trigger()
    finish_job(actions)
    handed: list[bytes] = []
    actions.hand_over(
        actions.documents.minutes(public=False), lambda pdf, _name: handed.append(pdf)
    )
    finish_job(actions)
    assert not (tmp_path / "Protokoll.pdf").exists() and handed == []
    assert len(dialogs.warnings()) == 2
    assert all(
        w.startswith("Das genehmigte Protokoll der 1. Sitzung am 10.03.2026 ist in der Daten")
        for w in dialogs.warnings()
    )


def test_minutes_buttons_are_off_for_a_meeting_not_held(qtbot, services, dialogs, today) -> None:
    from meeting_rows import add_meeting

    council = services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    rows = add_meeting(services.database, council.id)
    actions = MeetingDocumentActions(services, dialogs, lambda: today)
    qtbot.addWidget(actions)
    actions.set_meeting(services.meetings.get(rows.meeting_id))
    assert actions.invitation_button.isEnabled()
    assert not actions.minutes_button.isEnabled()
    # Before the meeting the Sitzungsmappe holds the invitation and the annexes.
    assert actions.dossier_button.isEnabled()
    assert "das Protokoll folgt nach der Sitzung" in actions.dossier_button.toolTip()


def test_the_approved_state_comes_from_the_one_read_of_the_annexes(
    panel, services, dialogs, finish_job, held_in_rostock, tmp_path, monkeypatch
) -> None:
    from minutes_rows import approve

    path = tmp_path / "Folien.pdf"
    path.write_bytes(small_pdf("Folie"))
    add(panel, dialogs, finish_job, path)
    approve(services.database, held_in_rostock.meeting_id)
    database = services.database
    reading = type(database).reading
    reads = []

    def counted(self, **options):
        reads.append(self)
        return reading(self, **options)

    monkeypatch.setattr(type(database), "reading", counted)

    panel.refresh()

    assert reads == [database]  # one short session for the list and the approval
    assert texts(panel) == ["Anlage 1: Folien (Folien.pdf, 1 KB)"]
    assert panel.hint_label.text().startswith("Das Protokoll ist genehmigt")
    assert not panel.add_button.isEnabled()


def test_enter_on_an_annex_opens_it_as_a_double_click_does(
    qtbot, panel, dialogs, finish_job, tmp_path
) -> None:
    (tmp_path / "folien.pdf").write_bytes(small_pdf("Folie"))
    add(panel, dialogs, finish_job, tmp_path / "folien.pdf")
    panel.list.setCurrentRow(0)

    qtbot.keyClick(panel.list, Qt.Key.Key_Return)

    assert panel.dialog is not None and panel.dialog.isVisible()
    assert panel.dialog.title_edit.text() == "folien"


def test_a_file_too_large_is_refused_with_its_size(panel, dialogs, finish_job, tmp_path) -> None:
    from expertenrat.domain.annexes import MAX_ANNEX_BYTES

    path = tmp_path / "Mitschnitt.pdf"
    with path.open("wb") as handle:
        handle.truncate(MAX_ANNEX_BYTES + 2 * 1024 * 1024)  # sparse: 52 MB
    add(panel, dialogs, finish_job, path)
    assert texts(panel) == []
    assert dialogs.warnings() == [
        "„Mitschnitt.pdf“: Die Datei ist mit 52 MB zu groß für eine Anlage (höchstens 50 MB)."
    ]


def test_a_dossier_with_a_damaged_annex_is_saved_and_the_annex_named_under_the_buttons(
    qtbot, services, dialogs, held_in_rostock, finish_job, tmp_path, today
) -> None:
    """(found by review) One damaged annex stopped the Sitzungsmappe with an error."""
    from expertenrat.store import models

    good = small_pdf("Haushalt")
    annex = services.annexes.add(held_in_rostock.meeting_id, "Haushalt.pdf", good)
    with services.database.transaction() as session:
        session.get(models.StoredFile, annex.id).content = good[:200]
    actions = MeetingDocumentActions(services, dialogs, lambda: today)
    qtbot.addWidget(actions)
    actions.set_meeting(services.meetings.get(held_in_rostock.meeting_id))
    assert actions.dossier_button.toolTip().startswith("Deckblatt mit Inhalt, Einladung, ")
    dialogs.paths = [str(tmp_path / "Mappe.pdf")]

    actions.dossier_button.save_action.trigger()
    finish_job(actions)

    assert "konnte nicht eingefügt werden" in pdf_text((tmp_path / "Mappe.pdf").read_bytes())
    assert not actions.warnings_label.isHidden()
    assert (
        "Anlage 1 „Haushalt“ konnte nicht eingefügt werden: die Datei ist beschädigt."
        in actions.warnings_label.text().splitlines()[-1]
    )
    assert dialogs.warnings() == []
