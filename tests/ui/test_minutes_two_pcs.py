"""The Protokoll tab while another PC works on the same minutes: an approval there wins
over text typed here, and that text is never lost unseen."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from held_meeting import council_of_three, held_meeting
from minutes_rows import approve
from minutes_setup import RESOLUTION, held_minutes
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from sqlalchemy import select

from expertenrat.domain.minutes import ItemTexts
from expertenrat.domain.minutes_objections import ObjectionDraft
from expertenrat.store import models
from expertenrat.ui.autosave_recovery import RecoveryEntry, RecoveryStore
from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.minutes_item_form import texts_payload
from expertenrat.ui.minutes_item_list import header_key, item_key

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done
TYPED = "Nachtrag: Herr Krueger bittet um die Zahlen bis Maerz."


@pytest.fixture
def council_id(services, today) -> int:
    return council_of_three(services, today)


@pytest.fixture
def held(services, council_id):
    members = [m.id for m in services.members.members(council_id)]
    return held_meeting(services.database, council_id, members)


@pytest.fixture
def make_editor(qtbot, services, dialogs):
    def settle(editor: MinutesEditor) -> None:
        """A save refused for good is retried on a timer: no retry may outlive the test."""
        qtbot.waitUntil(
            lambda: not editor.autosave.running_jobs() and editor.checklist_refresh.idle(),
            timeout=WAIT,
        )
        for timer in editor.autosave.findChildren(QTimer):
            timer.stop()

    def make(meeting_id: int) -> MinutesEditor:
        editor = MinutesEditor(services, dialogs)
        qtbot.addWidget(editor, before_close_func=settle)
        editor.resize(1000, 700)
        editor.show()
        editor.set_meeting(meeting_id)
        return editor

    return make


@pytest.fixture
def typed_when_approved(qtbot, make_editor, other_program, held) -> MinutesEditor:
    """An editor whose text of item 2 was typed just after another PC approved the minutes."""
    editor = make_editor(held.meeting_id)
    editor.items.select_key(item_key(held.item_ids[1]))
    approve(other_program.database, held.meeting_id)
    QTest.keyClicks(editor.item_form.discussion_edit, TYPED)
    editor.autosave.save_now()
    qtbot.waitUntil(lambda: "genehmigt" in editor.indicator.text(), timeout=WAIT)
    return editor


def test_text_typed_while_the_minutes_were_approved_elsewhere_stays_and_says_why(
    qtbot, typed_when_approved
):
    editor = typed_when_approved
    assert editor.indicator.text() == (
        "Nicht gespeichert: Das Protokoll der 1. Sitzung ist genehmigt und kann nicht mehr "
        "geändert werden; eine Berichtigung ist nur als Nachtrag im Protokoll einer späteren "
        "Sitzung möglich. Der Text ist lokal gesichert."
    )  # no "das Speichern wird wiederholt": no retry could save it
    assert editor.item_form.discussion_edit.toPlainText() == TYPED
    qtbot.waitUntil(lambda: editor.autosave.recovery.entries() != [], timeout=WAIT)
    # Not retried for ever: the tab no longer holds back the rereads for other PCs' changes.
    qtbot.waitUntil(lambda: not editor.has_unsaved_changes(), timeout=WAIT)

    editor.refresh()  # the change poll saw the approval

    assert editor.hint_label.text() == (  # before: without where a correction goes
        "Das Protokoll ist genehmigt und kann nicht mehr geändert werden; eine Berichtigung "
        "ist nur als Nachtrag im Protokoll einer späteren Sitzung möglich."
    )
    assert editor.item_form.discussion_edit.toPlainText() == TYPED  # to copy elsewhere
    assert editor.item_form.discussion_edit.isReadOnly()


def test_text_kept_from_approved_minutes_is_shown_once_before_it_is_dropped(
    qtbot, make_editor, other_program, services, held, dialogs
):
    """The program ended with the text only in the recovery file (typed as the other PC
    approved the minutes): opening the minutes again shows it, to copy into a later
    meeting's minutes, instead of dropping it unseen."""
    key = item_key(held.item_ids[1])
    texts = {"discussion": TYPED, "motion_text": "", "resolution_text": "", "result": ""}
    store = RecoveryStore.for_database(services.database.digest)
    store.write(RecoveryEntry(key, texts, 1, {"meeting_id": held.meeting_id}), 1)
    approve(other_program.database, held.meeting_id)

    editor = make_editor(held.meeting_id)

    (warning,) = dialogs.warnings()
    assert warning.startswith("Für „TOP 2 Bericht“ gibt es Text vom ")
    assert warning.endswith(
        ", der nicht in der Datenbank steht. Das Protokoll ist inzwischen genehmigt und "
        "kann nicht mehr geändert werden (eine Berichtigung ist nur als Nachtrag im "
        "Protokoll einer späteren Sitzung möglich), deshalb wird der Text nicht gespeichert. "
        "Sie finden ihn unter „Details einblenden …“ zum Kopieren; er wird verworfen, sobald "
        "Sie diese Meldung schließen."
    )
    assert TYPED in dialogs.details[-1]
    qtbot.waitUntil(lambda: editor.autosave.recovery.entries() == [], timeout=WAIT)


def test_text_kept_from_approved_minutes_stays_until_its_message_is_closed(
    qtbot, make_editor, other_program, services, held, dialogs
):
    """Ended with the message still open, the program has lost nothing: the text is still
    in the recovery file, and the minutes read again do not show it a second time."""
    dialogs.keep_warnings_open = True
    key = item_key(held.item_ids[1])
    texts = {"discussion": TYPED, "motion_text": "", "resolution_text": "", "result": ""}
    store = RecoveryStore.for_database(services.database.digest)
    store.write(RecoveryEntry(key, texts, 1, {"meeting_id": held.meeting_id}), 1)
    approve(other_program.database, held.meeting_id)

    editor = make_editor(held.meeting_id)
    editor.refresh()

    assert len(dialogs.warnings()) == 1
    assert [entry.payload for entry in editor.autosave.recovery.entries()] == [texts]
    (closed,) = dialogs.open_warnings
    closed()
    qtbot.waitUntil(lambda: editor.autosave.recovery.entries() == [], timeout=WAIT)


def delete_item(services, item_id: int) -> None:
    """The item is gone on the other PC's side: the agenda service keeps a held meeting's
    items, but restoring an older backup there (or another program on the file) does not."""
    with services.database.transaction() as session:
        session.delete(session.get(models.AgendaItem, item_id))


def test_text_typed_for_an_item_deleted_elsewhere_is_shown_to_copy_and_not_retried(
    qtbot, make_editor, other_program, held, dialogs
):
    """Another PC deletes the item (it had no text yet) while text for it is typed here:
    the save is not retried for ever, and the text stays (form, recovery file) until the
    user has seen it with the reason and the text to copy."""
    dialogs.keep_warnings_open = True
    editor = make_editor(held.meeting_id)
    key = item_key(held.item_ids[1])
    editor.items.select_key(key)
    delete_item(other_program, held.item_ids[1])
    QTest.keyClicks(editor.item_form.discussion_edit, TYPED)

    shown_to_copy_and_kept(
        qtbot,
        editor,
        dialogs,
        "„TOP 2 Bericht“ wurde inzwischen an einem anderen Arbeitsplatz gelöscht, während Sie "
        "hier Text dazu geschrieben haben. Der Text kann deshalb nicht mehr gespeichert "
        "werden. Sie finden ihn unter „Details einblenden …“ zum Kopieren; er wird verworfen, "
        "sobald Sie diese Meldung schließen.",
        TYPED,
        "Nicht gespeichert: Den Tagesordnungspunkt gibt es nicht mehr. Vielleicht wurde er "
        "gelöscht. Der Text ist lokal gesichert.",  # no "das Speichern wird wiederholt"
    )
    assert editor.item_form.discussion_edit.toPlainText() == TYPED
    dropped_once_seen(editor, dialogs)
    assert editor.items.line(key) is None  # the list shows the agenda as it is now
    assert not editor.indicator.text().startswith("Nicht gespeichert")
    assert len(dialogs.warnings()) == 1


def shown_to_copy_and_kept(
    qtbot, editor, dialogs, warning: str, typed: str, indicator: str
) -> None:
    """Saving text for a record deleted elsewhere: one ``warning`` with ``typed`` to copy
    under its details, the ``indicator`` says so, and the text is kept in the recovery file
    but not retried."""
    editor.autosave.save_now()
    qtbot.waitUntil(lambda: bool(dialogs.open_warnings), timeout=WAIT)
    assert dialogs.warnings() == [warning]
    assert typed in dialogs.details[-1]
    assert editor.indicator.text() == indicator
    qtbot.waitUntil(lambda: editor.autosave.recovery.entries() != [], timeout=WAIT)
    qtbot.waitUntil(lambda: not editor.has_unsaved_changes(), timeout=WAIT)  # no retry due


def dropped_once_seen(editor, dialogs) -> None:
    """The user closes the message: the kept text goes."""
    dialogs.open_warnings.pop()()
    assert editor.autosave.recovery.entries() == []


def delete_meeting(services, meeting_id: int) -> None:
    """The whole meeting is gone on the other PC's side, as the meetings service deletes
    one (a tombstone, its items too): there a restored older backup or another program."""
    with services.database.transaction() as session:
        meeting = session.get(models.Meeting, meeting_id)
        meeting.deleted_at = models.utc_now()
        for item in session.scalars(
            select(models.AgendaItem).where(models.AgendaItem.meeting_id == meeting_id)
        ):
            item.deleted_at = meeting.deleted_at


def test_kopfdaten_typed_for_a_meeting_deleted_elsewhere_are_shown_to_copy_and_kept_until_seen(
    qtbot, make_editor, other_program, held, dialogs
):
    """Another PC deletes the whole meeting while its Kopfdaten are typed here: as for an
    item deleted meanwhile, the save is not retried for ever and the text is shown with the
    reason to copy, kept in the recovery file until the message is closed (before, the
    retries stopped without a word)."""
    dialogs.keep_warnings_open = True
    editor = make_editor(held.meeting_id)
    key = header_key(held.meeting_id)
    editor.items.select_key(key)
    delete_meeting(other_program, held.meeting_id)
    editor.header_form.minute_taker_edit.clear()
    QTest.keyClicks(editor.header_form.minute_taker_edit, "Frau Schulz")

    shown_to_copy_and_kept(
        qtbot,
        editor,
        dialogs,
        "Die Sitzung wurde inzwischen an einem anderen Arbeitsplatz gelöscht, während Sie hier "
        "die Kopfdaten ihres Protokolls bearbeitet haben. Der Text kann deshalb nicht mehr "
        "gespeichert werden. Sie finden ihn unter „Details einblenden …“ zum Kopieren; er wird "
        "verworfen, sobald Sie diese Meldung schließen.",
        "Frau Schulz",
        "Nicht gespeichert: Die Sitzung gibt es nicht mehr. Vielleicht wurde sie gelöscht. "
        "Der Text ist lokal gesichert.",
    )
    editor.refresh()  # the change poll: still kept, and not shown twice
    assert [e.key for e in editor.autosave.recovery.entries()] == [key]
    assert len(dialogs.warnings()) == 1
    dropped_once_seen(editor, dialogs)
    assert editor.hint_label.text() == (
        "Die Sitzung gibt es nicht mehr. Vielleicht wurde sie gelöscht."
    )


def test_kept_text_of_an_item_deleted_elsewhere_is_shown_once_before_it_is_dropped(
    qtbot, services, make_editor, other_program, held, dialogs
):
    """The program ended with the text only in the recovery file, and the item was deleted
    elsewhere: opening the minutes again shows the text to copy instead of keeping it
    unseen for ever."""
    key = item_key(held.item_ids[1])
    RecoveryStore.for_database(services.database.digest).write(
        RecoveryEntry(
            key,
            texts_payload(ItemTexts(TYPED, "", "", "")),
            1,
            {"meeting_id": held.meeting_id, "label": "TOP 2 Bericht"},
            "2026-03-10T17:42:05",
        ),
        1,
    )
    delete_item(other_program, held.item_ids[1])
    dialogs.keep_warnings_open = True

    again = make_editor(held.meeting_id)

    (warning,) = dialogs.warnings()
    assert warning == (
        "Für „TOP 2 Bericht“ gibt es Text vom 10.03.2026, 17:42, der nicht in der Datenbank "
        "steht. Der Tagesordnungspunkt wurde inzwischen gelöscht, vielleicht an einem "
        "anderen Arbeitsplatz, deshalb kann der Text nicht mehr gespeichert werden. Sie finden "
        "ihn unter „Details einblenden …“ zum Kopieren; er wird verworfen, sobald Sie diese "
        "Meldung schließen."
    )
    assert TYPED in dialogs.details[-1]
    again.refresh()  # the change poll: shown once, not again while open
    assert len(dialogs.warnings()) == 1
    assert again.autosave.recovery.entries() != []

    dialogs.open_warnings.pop()()

    assert again.autosave.recovery.entries() == []


def _saved_elsewhere(other_program, held, item_id: int, **texts: str) -> None:
    """Another PC's editor saves the item's texts, started from the texts stored now."""
    stored = other_program.minutes.minutes(held.meeting_id)
    item = next(i for i in stored.items if i.item_id == item_id)
    other_program.minutes.save_item(
        item_id, replace(item.texts, **texts), item.version, "anderer PC", item.texts
    )


def test_texts_typed_here_and_there_in_other_fields_of_an_item_are_both_kept(
    qtbot, make_editor, other_program, services, held, dialogs
):
    """Found by a tester: the discussion typed on one PC and the resolution typed on the
    other at the same time asked which of the two to keep, and dropped the other."""
    editor = make_editor(held.meeting_id)
    item_id = held.item_ids[1]
    editor.items.select_key(item_key(item_id))
    theirs = " ".join(["Diskussion: Kosten & Nutzen <unklar>, „Budget“ 😀 – Übergang."] * 200)
    _saved_elsewhere(other_program, held, item_id, discussion=theirs)

    QTest.keyClicks(editor.item_form.resolution_edit, "Beschluss: Zustimmung & Dank")
    editor.autosave.save_now()
    qtbot.waitUntil(lambda: "gespeichert ·" in editor.indicator.text(), timeout=WAIT)

    assert dialogs.offered == []  # nothing to choose: each changed another field
    (stored,) = [i for i in services.minutes.minutes(held.meeting_id).items if i.item_id == item_id]
    assert stored.texts.discussion == theirs
    assert stored.texts.resolution_text == "Beschluss: Zustimmung & Dank"
    assert editor.item_form.discussion_edit.toPlainText() == theirs
    assert editor.item_form.resolution_edit.toPlainText() == "Beschluss: Zustimmung & Dank"


def test_the_same_field_typed_here_and_there_is_still_a_question(
    qtbot, make_editor, other_program, held, dialogs
):
    editor = make_editor(held.meeting_id)
    item_id = held.item_ids[1]
    editor.items.select_key(item_key(item_id))
    _saved_elsewhere(other_program, held, item_id, resolution_text="Beschluss von dort")

    QTest.keyClicks(editor.item_form.resolution_edit, "Beschluss von hier")
    editor.autosave.save_now()
    qtbot.waitUntil(lambda: dialogs.offered != [], timeout=WAIT)

    ((title, mine, theirs),) = dialogs.offered
    assert title == "Gleichzeitig geändert"
    assert "Beschluss von hier" in mine and "Beschluss von dort" in theirs


def test_text_typed_over_an_accepted_objection_s_correction_names_it_and_keeps_it(
    qtbot, make_editor, other_program, services, council_id, dialogs
):
    """Found by a tester: the other PC accepted an objection while this one typed in the
    corrected text; the question did not say where the other text came from, and keeping
    this one dropped the correction while the objection stayed marked accepted."""
    field = services.settings.action_fields(council_id)[0].id
    minutes = held_minutes(services.database, council_id, field)
    item_id = minutes.item_ids[2]
    other_program.minutes_approval.circulate(minutes.meeting_id, date(2026, 3, 20))
    editor = make_editor(minutes.meeting_id)
    editor.items.select_key(item_key(item_id))
    objections = other_program.minutes_objections
    raised = objections.raise_objection(
        minutes.meeting_id,
        ObjectionDraft(minutes.members["Berg"], date(2026, 3, 21), "Unvollständig.", item_id,
                       "offen & frei", "offen, frei und maschinenlesbar"),
    )  # fmt: skip
    objections.accept(raised.id, raised.version, date(2026, 3, 22))
    dialogs.choices = ["left"]

    editor.item_form.resolution_edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor.item_form.resolution_edit, " Einstimmig.")
    editor.autosave.save_now()
    qtbot.waitUntil(lambda: "gespeichert ·" in editor.indicator.text(), timeout=WAIT)

    (intro,) = dialogs.offered_intros
    assert "Korrektur aus dem angenommenen Einwand von Anna Berg (TOP 3)." in intro
    corrected = RESOLUTION.replace("offen & frei", "offen, frei und maschinenlesbar")
    stored = services.minutes.minutes(minutes.meeting_id).item(item_id)
    assert stored.texts.resolution_text == corrected + " Einstimmig."
    assert editor.item_form.resolution_edit.toPlainText() == corrected + " Einstimmig."


def test_kopfdaten_typed_here_and_there_in_other_fields_are_both_kept(
    qtbot, make_editor, other_program, services, held, dialogs
):
    editor = make_editor(held.meeting_id)
    editor.items.select_key(header_key(held.meeting_id))
    header = other_program.minutes.minutes(held.meeting_id).header
    changes = "TOP 4 & TOP 5 getauscht <auf Antrag> von „Frau Süß“"
    other_program.minutes.save_header(
        held.meeting_id, replace(header, agenda_changes=changes), "anderer PC", header
    )

    QTest.keyClicks(editor.header_form.minute_taker_edit, "Joerg Aehnlich")
    editor.autosave.save_now()
    qtbot.waitUntil(lambda: "gespeichert ·" in editor.indicator.text(), timeout=WAIT)

    assert dialogs.offered == []
    stored = services.minutes.minutes(held.meeting_id).header
    assert (stored.agenda_changes, stored.minute_taker) == (changes, "Joerg Aehnlich")
    assert editor.header_form.agenda_changes_edit.toPlainText() == changes
