"""The member dialog driven like a user, on a real database: type, click Speichern, reopen."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from merge_line import cancelling_the_merge_keeps_the_input
from PySide6.QtCore import QCoreApplication, QDate, QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel
from shiboken6 import isValid
from stored_meeting import stored_meeting
from table_widths import fits, shows_whole

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import MemberRole, Sector
from expertenrat.domain.members import Member
from expertenrat.ui.consent_history import ConsentHistoryModel
from expertenrat.ui.member_dialog import MemberDialog
from tests.ui.settling import exposed
from tests.ui.wheeling import fields_the_wheel_changed

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done

ODD = "Zoë & <Söhne> \"Müller\" 'o' 🚀👩‍👩‍👧 שלום עליכם مرحبا"


@pytest.fixture
def council(services):
    return services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))


@pytest.fixture
def fields(services, council):
    return {f.name: f for f in services.settings.action_fields(council.id)}


@pytest.fixture
def open_dialog(qtbot, services, council, fields, today):
    def open_(member: Member | None = None) -> MemberDialog:
        dialog = MemberDialog(services.members, council.id, list(fields.values()), today, member)
        qtbot.addWidget(dialog)
        dialog.open()
        return dialog

    return open_


@pytest.fixture
def stored(services, council, fields, today):
    """Store a member through the service, as another part of the program would."""

    def store(**values) -> Member:
        values.setdefault("primary_field_id", fields["Stadtdaten"].id)
        values.setdefault("term_start", date(2025, 1, 1))
        draft = Member(id=None, **{"given_name": "Anna", "family_name": "Berg", **values})
        return services.members.save(council.id, draft, today)

    return store


def _select(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def _fill_required(dialog: MemberDialog, fields, given="Jonas", family="Krüger") -> None:
    dialog.form.given_name_edit.setText(given)
    dialog.form.family_name_edit.setText(family)
    _select(dialog.form.primary_field_combo, fields["Umwelt"].id)


def _click_save(qtbot, dialog: MemberDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


# --- new members ----------------------------------------------------------------------


def test_a_new_member_is_saved_with_every_field_and_the_dialog_closes(
    open_dialog, services, council, fields, qtbot, today
):
    dialog = open_dialog()
    assert dialog.windowTitle() == "Neues Mitglied"
    form = dialog.form
    form.form_of_address_combo.setCurrentText("Frau")
    form.title_edit.setText("Prof. Dr.")
    qtbot.keyClicks(form.given_name_edit, "Jana")
    form.family_name_edit.setText("Krüger")  # QTest types ASCII only
    form.affiliation_edit.setText("Universität Rostock")
    form.position_edit.setText("Lehrstuhl Wirtschaftsinformatik")
    _select(form.sector_combo, Sector.RESEARCH.value)
    form.email_edit.setText("jana.krueger@uni-rostock.de")
    form.phone_edit.setText("+49 381 498 0")
    form.postal_address_edit.setPlainText("Albert-Einstein-Str. 22\n18059 Rostock")
    form.notes_edit.setPlainText("Bevorzugt E-Mail.")
    _select(form.role_combo, MemberRole.VICE_CHAIR.value)
    form.term_start_edit.setDate(QDate(2026, 1, 1))
    form.open_ended_check.setChecked(False)
    form.term_end_edit.setDate(QDate(2028, 12, 31))
    form.voting_right_check.setChecked(False)
    _select(form.primary_field_combo, fields["Stadtdaten"].id)
    form.further_field_checks[fields["Umwelt"].id].setChecked(True)
    form.further_field_checks[fields["Soziale Stadt"].id].setChecked(True)
    form.publish_name_row.check.setChecked(True)
    form.publish_name_row.date_edit.setDate(QDate(2026, 11, 20))
    form.publish_contact_row.check.setChecked(True)

    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as signal:
        _click_save(qtbot, dialog)

    [member] = services.members.members(council.id)
    assert signal.args == [member]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    assert member.id is not None and member.person_id is not None
    assert replace(member, id=None, person_id=None, version=0, person_version=0) == Member(
        id=None,
        form_of_address="Frau",
        title="Prof. Dr.",
        given_name="Jana",
        family_name="Krüger",
        affiliation="Universität Rostock",
        position="Lehrstuhl Wirtschaftsinformatik",
        sector=Sector.RESEARCH,
        email="jana.krueger@uni-rostock.de",
        phone="+49 381 498 0",
        postal_address="Albert-Einstein-Str. 22\n18059 Rostock",
        notes="Bevorzugt E-Mail.",
        role=MemberRole.VICE_CHAIR,
        term_start=date(2026, 1, 1),
        term_end=date(2028, 12, 31),
        voting_right=False,
        primary_field_id=fields["Stadtdaten"].id,
        further_field_ids=tuple(sorted((fields["Umwelt"].id, fields["Soziale Stadt"].id))),
        publish_name=True,
        publish_name_on=date(2026, 11, 20),
        publish_contact=True,
        publish_contact_on=today,
    )


def test_a_new_member_starts_today_open_ended_and_without_consent(open_dialog, today):
    dialog = open_dialog()
    member = dialog.form.member()
    assert member.id is None and member.version == 0
    assert member.term_start == today and member.term_end is None
    assert member.primary_field_id is None
    assert not member.publish_name and member.publish_name_on is None


def test_missing_names_are_shown_next_to_the_fields_and_nothing_is_saved(
    open_dialog, services, council, qtbot
):
    dialog = open_dialog()
    dialog.form.given_name_edit.setText("   ")

    _click_save(qtbot, dialog)

    assert dialog.message("given_name") == "Bitte geben Sie den Vornamen an."
    assert dialog.message("family_name") == "Bitte geben Sie den Nachnamen an."
    assert dialog.message("primary_field_id") == "Bitte wählen Sie ein primäres Handlungsfeld."
    assert "markierten Angaben" in dialog.general_message()
    assert dialog.isVisible()
    assert services.members.members(council.id) == []


def _input_geometries(dialog: MemberDialog) -> dict[str, object]:
    form = dialog.form
    inputs = {
        "given_name": form.given_name_edit,
        "family_name": form.family_name_edit,
        "email": form.email_edit,
        "primary_field_id": form.primary_field_combo,
        "notes": form.notes_edit,
    }
    return {name: QRect(w.mapTo(form, QPoint(0, 0)), w.size()) for name, w in inputs.items()}


def test_fields_with_errors_are_framed_and_the_layout_does_not_move(open_dialog, qtbot):
    dialog = open_dialog()
    exposed(dialog)
    size_hint, geometries = dialog.form.sizeHint(), _input_geometries(dialog)
    assert not dialog.form.given_name_edit.property("error")

    _click_save(qtbot, dialog)

    assert dialog.form.has_error("given_name")
    assert dialog.form.given_name_edit.property("error") is True
    assert dialog.form.primary_field_combo.property("error") is True
    assert not dialog.form.email_edit.property("error")
    assert dialog.form.sizeHint() == size_hint
    assert _input_geometries(dialog) == geometries

    dialog.form.given_name_edit.setText("Jonas")
    dialog.form.family_name_edit.setText("Krüger")
    dialog.form.email_edit.setText("kein-at")
    _click_save(qtbot, dialog)

    assert not dialog.form.has_error("given_name")
    assert dialog.form.email_edit.property("error") is True
    assert _input_geometries(dialog) == geometries


def test_a_warning_frames_the_field_without_making_it_an_error(open_dialog, stored, fields, qtbot):
    stored(given_name="Jonas", family_name="Krüger")
    dialog = open_dialog()
    _fill_required(dialog, fields)

    _click_save(qtbot, dialog)

    assert dialog.message("family_name").startswith("Möglicherweise doppelt")
    assert dialog.form.family_name_edit.property("warning") is True
    assert not dialog.form.has_error("family_name")


def test_a_term_ending_before_it_starts_is_refused_at_the_end_date(
    open_dialog, services, council, fields, qtbot
):
    dialog = open_dialog()
    _fill_required(dialog, fields)
    dialog.form.term_start_edit.setDate(QDate(2026, 11, 27))
    dialog.form.open_ended_check.setChecked(False)
    dialog.form.term_end_edit.setDate(QDate(2026, 1, 31))

    _click_save(qtbot, dialog)

    assert "Ende der Amtszeit" in dialog.message("term_end")
    assert dialog.message("given_name") == ""
    assert services.members.members(council.id) == []


def test_a_consent_dated_after_today_is_refused_under_its_row(
    open_dialog, services, council, fields, qtbot, today
):
    """(found by a tester) 'erteilt am 01.01.2030' (for 2020) was saved and counted at once:
    the public roster printed the contact data of a consent that no date had yet."""
    dialog = open_dialog()
    _fill_required(dialog, fields)
    row = dialog.form.publish_contact_row
    row.check.setChecked(True)
    row.date_edit.setDate(QDate(2030, 1, 1))

    _click_save(qtbot, dialog)

    assert dialog.message("publish_contact") == (
        "Die Einwilligung (Kontaktdaten) kann nicht nach dem heutigen Tag "
        f"({today:%d.%m.%Y}) datiert sein (01.01.2030)."
    )
    assert services.members.members(council.id) == []
    row.date_edit.setDate(QDate(today))
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        _click_save(qtbot, dialog)


def test_a_bad_email_address_is_refused(open_dialog, services, council, fields, qtbot):
    dialog = open_dialog()
    _fill_required(dialog, fields)
    dialog.form.email_edit.setText("jonas.krueger@")

    _click_save(qtbot, dialog)

    assert "E-Mail-Adresse sieht nicht gültig aus" in dialog.message("email")
    assert services.members.members(council.id) == []


def test_a_second_chair_at_the_same_time_is_refused_at_the_role(
    open_dialog, stored, services, council, fields, qtbot
):
    stored(role=MemberRole.CHAIR)
    dialog = open_dialog()
    _fill_required(dialog, fields)
    _select(dialog.form.role_combo, MemberRole.CHAIR.value)

    _click_save(qtbot, dialog)

    assert "Vorsitz hat in dieser Zeit bereits Anna Berg" in dialog.message("role")
    assert len(services.members.members(council.id)) == 1


def test_a_possible_duplicate_is_a_warning_and_a_second_click_saves(
    open_dialog, stored, services, council, fields, qtbot
):
    stored()
    dialog = open_dialog()
    _fill_required(dialog, fields, given="Anna", family="Berg")

    _click_save(qtbot, dialog)

    assert dialog.message("family_name") == "Möglicherweise doppelt: Anna Berg hat denselben Namen."
    assert dialog.general_message() == "Trotzdem speichern? Klicken Sie erneut auf „Speichern“."
    assert dialog.isVisible()
    assert len(services.members.members(council.id)) == 1

    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        _click_save(qtbot, dialog)
    assert len(services.members.members(council.id)) == 2


@pytest.mark.parametrize(
    ("email", "on_name", "on_email"),
    [
        (
            "anna@example.org",
            "Möglicherweise doppelt: Anna Berg hat denselben Namen und dieselbe E-Mail-Adresse.",
            "",
        ),
        (
            "bernd@example.org",
            "Möglicherweise doppelt: Anna Berg hat denselben Namen.",
            "Möglicherweise doppelt: Bernd Lau hat dieselbe E-Mail-Adresse.",
        ),
    ],
)
def test_a_possible_duplicate_says_what_matches(
    open_dialog, stored, fields, qtbot, email, on_name, on_email
):
    """Anna Berg typed again with her e-mail address was "doppelt" only for "denselben
    Namen" (found by a tester): the warning says what matches, and whose it is."""
    stored(email="anna@example.org")
    stored(given_name="Bernd", family_name="Lau", email="bernd@example.org")
    dialog = open_dialog()
    _fill_required(dialog, fields, given="Anna", family="Berg")
    dialog.form.email_edit.setText(email)

    _click_save(qtbot, dialog)

    assert (dialog.message("family_name"), dialog.message("email")) == (on_name, on_email)
    assert dialog.general_message() == "Trotzdem speichern? Klicken Sie erneut auf „Speichern“."


def _twin_typed_here(dialog, fields) -> None:
    """Anna Berg typed as a new member: e-mail address, affiliation, no phone."""
    _fill_required(dialog, fields, given="Anna", family="Berg")
    dialog.form.email_edit.setText("anna.berg@example.org")
    dialog.form.affiliation_edit.setText("Universität Rostock")


def _twin_saved_there(other_program, council, fields, today) -> Member:
    """Anna Berg saved as a new member on another PC, with a phone, no affiliation."""
    draft = Member(
        id=None,
        given_name="Anna",
        family_name="Berg",
        email="anna.berg@example.org",
        phone="0381 123",
        primary_field_id=fields["Umwelt"].id,
        term_start=date(2025, 1, 1),
    )
    return other_program.members.save(council.id, draft, today)


def test_a_new_person_saved_meanwhile_on_another_pc_is_completed_not_saved_twice(
    open_dialog, services, other_program, council, fields, qtbot, today
):
    """(found by a tester) Anna Berg, typed here as a new member while another PC saved her,
    was only a "Möglicherweise doppelt" warning: a second click saved her twice. Now
    "Speichern" offers the record saved meanwhile, both versions side by side, and saves
    the chosen values on it."""
    dialog = open_dialog()
    there = _twin_saved_there(other_program, council, fields, today)
    _twin_typed_here(dialog, fields)

    _click_save(qtbot, dialog)

    merge = dialog.merge_dialog
    assert merge is not None and merge.isVisible()
    assert merge.windowTitle() == "Gleichzeitig angelegt – Anna Berg"
    assert dialog.general_message() == (
        "„Anna Berg“ wurde inzwischen von jemand anderem angelegt. Wählen Sie im Fenster "
        "„Gleichzeitig angelegt“, welche Angaben gelten; ist es eine andere Person, "
        "schließen Sie es mit „Abbrechen“."
    )
    assert {
        name: (mine.text(), theirs.text(), theirs.isChecked())
        for name, (mine, theirs) in merge.choices.items()
    } == {
        "affiliation": ("Universität Rostock", "(leer)", False),
        "phone": ("(leer)", "0381 123", True),
        "term_start": (f"{today:%d.%m.%Y}", "01.01.2025", True),
    }
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        merge.apply_button.click()

    (anna,) = services.members.members(council.id)
    assert (anna.id, anna.affiliation, anna.phone, anna.term_start) == (
        there.id,
        "Universität Rostock",
        "0381 123",
        date(2025, 1, 1),
    )


def test_a_new_person_saved_meanwhile_can_still_be_saved_as_another_person(
    open_dialog, services, other_program, council, fields, qtbot, today
):
    """Closing the offer keeps what was typed; it is another person of the same name: the
    duplicate warning shows, and "Speichern" saves her beside the other one."""
    dialog = open_dialog()
    _twin_saved_there(other_program, council, fields, today)
    _twin_typed_here(dialog, fields)
    _click_save(qtbot, dialog)

    dialog.merge_dialog.reject()

    assert dialog.general_message() == (
        "„Anna Berg“ wurde inzwischen von jemand anderem angelegt. Ist es eine andere "
        "Person, legt „Speichern“ sie trotzdem an; „Abbrechen“ verwirft Ihre Eingaben."
    )
    assert dialog.message("family_name") == (
        "Möglicherweise doppelt: Anna Berg hat denselben Namen und dieselbe E-Mail-Adresse."
    )
    assert dialog.form.affiliation_edit.text() == "Universität Rostock"
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        _click_save(qtbot, dialog)
    assert sorted(m.affiliation for m in services.members.members(council.id)) == [
        "",
        "Universität Rostock",
    ]


def test_the_same_person_typed_exactly_as_saved_meanwhile_is_not_saved_again(
    open_dialog, services, other_program, council, fields, qtbot, today
):
    """Nothing to choose: the dialog closes with the record the other PC saved."""
    dialog = open_dialog()
    _fill_required(dialog, fields, given="Anna", family="Berg")
    there = other_program.members.save(council.id, dialog.form.member(), today)

    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as saved:
        _click_save(qtbot, dialog)

    assert saved.args[0].id == there.id
    assert [m.id for m in services.members.members(council.id)] == [there.id]


def test_a_new_person_saved_on_another_pc_at_the_same_moment_is_offered_too(
    open_dialog, services, other_program, council, fields, qtbot, today, monkeypatch
):
    """The other PC saves Anna Berg after this one's checks found nobody of her name: the
    check in the saving transaction finds her, and the same offer opens."""
    dialog = open_dialog()
    _twin_typed_here(dialog, fields)
    checks = services.members.save_checks

    def saved_there_right_after(*args):
        found = checks(*args)
        _twin_saved_there(other_program, council, fields, today)
        return found

    monkeypatch.setattr(services.members, "save_checks", saved_there_right_after)

    with qtbot.assertNotEmitted(dialog.saved):
        _click_save(qtbot, dialog)

    merge = dialog.merge_dialog
    assert merge is not None and merge.windowTitle() == "Gleichzeitig angelegt – Anna Berg"
    assert len(services.members.members(council.id)) == 1


def test_a_new_warning_after_an_edit_asks_again(
    open_dialog, stored, services, council, fields, qtbot
):
    stored(email="anna@example.org")
    stored(given_name="Bernd", family_name="Lau", email="bernd@example.org")
    dialog = open_dialog()
    _fill_required(dialog, fields)
    dialog.form.email_edit.setText("anna@example.org")
    _click_save(qtbot, dialog)
    assert "Anna Berg hat dieselbe E-Mail-Adresse" in dialog.message("email")

    dialog.form.email_edit.setText("bernd@example.org")
    _click_save(qtbot, dialog)

    assert "Bernd Lau hat dieselbe E-Mail-Adresse" in dialog.message("email")
    assert len(services.members.members(council.id)) == 2


def test_cancel_closes_without_saving(open_dialog, services, council, fields, qtbot):
    dialog = open_dialog()
    _fill_required(dialog, fields)
    with qtbot.assertNotEmitted(dialog.saved):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert services.members.members(council.id) == []


# --- editing --------------------------------------------------------------------------


def test_editing_shows_every_field_and_saves_the_change(
    open_dialog, stored, services, council, fields, qtbot
):
    member = stored(
        form_of_address="Herr",
        title="Dr.",
        given_name="Jörg",
        family_name="Müller",
        affiliation="Stadtwerke Rostock AG",
        position="Leitung Digitales",
        sector=Sector.BUSINESS,
        email="j.mueller@swrag.de",
        phone="0381 123",
        postal_address="Bleicherstraße 1\n18055 Rostock",
        notes="Vertretung: Frau Schulz",
        role=MemberRole.CHAIR,
        term_end=date(2027, 12, 31),
        voting_right=False,
        primary_field_id=fields["Umwelt"].id,
        further_field_ids=(fields["Stadtdaten"].id,),
        publish_name=True,
        publish_name_on=date(2025, 1, 10),
        publish_contact=False,
        publish_contact_on=date(2025, 6, 1),
    )
    dialog = open_dialog(member)
    form = dialog.form

    assert dialog.windowTitle() == "Mitglied bearbeiten – Dr. Jörg Müller"
    assert form.form_of_address_combo.currentText() == "Herr"
    assert form.family_name_edit.text() == "Müller"
    assert form.sector_combo.currentText() == "Wirtschaft"
    assert form.role_combo.currentText() == "Vorsitz"
    assert form.term_end_edit.date() == QDate(2027, 12, 31)
    assert not form.open_ended_check.isChecked()
    assert form.primary_field_combo.currentText() == "Umwelt"
    assert not form.further_field_checks[fields["Umwelt"].id].isEnabled()
    assert form.further_field_checks[fields["Stadtdaten"].id].isChecked()
    assert form.publish_name_row.date_label.text() == "erteilt am"
    assert form.publish_contact_row.date_label.text() == "widerrufen am"
    assert form.member() == member

    form.affiliation_edit.clear()
    qtbot.keyClicks(form.affiliation_edit, "Rostocker Strassenbahn AG")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as signal:
        _click_save(qtbot, dialog)

    saved = services.members.member(member.id)
    assert signal.args == [saved]
    assert saved.affiliation == "Rostocker Strassenbahn AG"
    assert (saved.id, saved.person_id) == (member.id, member.person_id)
    assert saved.person_version > member.person_version
    assert replace(saved, affiliation=member.affiliation, person_version=0) == replace(
        member, person_version=0
    )


def test_the_primary_field_cannot_also_be_a_further_field(open_dialog, fields):
    dialog = open_dialog()
    form = dialog.form
    umwelt = form.further_field_checks[fields["Umwelt"].id]
    umwelt.setChecked(True)

    _select(form.primary_field_combo, fields["Umwelt"].id)
    assert not umwelt.isChecked() and not umwelt.isEnabled()
    assert form.member().further_field_ids == ()

    _select(form.primary_field_combo, fields["Stadtdaten"].id)
    assert umwelt.isEnabled()


def test_toggling_a_consent_dates_it_today_and_toggling_back_restores_the_date(
    open_dialog, stored, today
):
    member = stored(publish_name=True, publish_name_on=date(2025, 1, 10))
    dialog = open_dialog(member)
    row = dialog.form.publish_name_row

    row.check.setChecked(False)
    assert row.value() == (False, today)
    assert row.date_label.text() == "widerrufen am"
    row.check.setChecked(True)
    assert row.value() == (True, date(2025, 1, 10))


def test_a_consent_without_date_stays_without_date_until_it_is_given(open_dialog, today):
    dialog = open_dialog()
    row = dialog.form.publish_contact_row
    assert row.value() == (False, None)
    assert not row.date_edit.isEnabled()

    row.check.setChecked(True)
    assert row.value() == (True, today)
    assert row.date_edit.isEnabled()
    row.check.setChecked(False)
    assert row.value() == (False, None)


# --- odd text, concurrent edits -------------------------------------------------------


def test_odd_text_survives_saving_and_reopening_exactly(
    open_dialog, services, council, fields, qtbot
):
    notes = ("Zeile mit\u00a0geschütztem Leerzeichen & <b>fett</b>\n" + ODD + "\n") * 20
    notes = (notes + "x" * 2000)[:2000]
    dialog = open_dialog()
    _fill_required(dialog, fields, given=ODD, family="O'Brien-Öztürk 👍")
    dialog.form.title_edit.setText('Dr. "h.c."')
    dialog.form.form_of_address_combo.setCurrentText("Frau & <Herr>")
    dialog.form.affiliation_edit.setText("Universität Rostock – ‏جامعة‎ & Co. <KG>")
    dialog.form.postal_address_edit.setPlainText("Straße 1\n18055 Rostock\nשלום")
    dialog.form.notes_edit.setPlainText(notes)

    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as signal:
        _click_save(qtbot, dialog)

    [member] = services.members.members(council.id)
    assert signal.args == [member]
    assert member.given_name == ODD
    assert member.family_name == "O'Brien-Öztürk 👍"
    assert member.title == 'Dr. "h.c."'
    assert member.form_of_address == "Frau & <Herr>"
    assert member.affiliation == "Universität Rostock – ‏جامعة‎ & Co. <KG>"
    assert member.postal_address == "Straße 1\n18055 Rostock\nשלום"
    assert member.notes == notes and len(member.notes) == 2000
    reopened = open_dialog(member)
    assert reopened.form.member() == member


def test_untouched_notes_keep_line_breaks_of_other_programs(open_dialog, stored):
    member = stored(notes="aus Excel\r\nzweite Zeile\u2028dritte\u00a0Zeile")
    dialog = open_dialog(member)
    assert dialog.form.member().notes == member.notes


def test_a_concurrent_change_is_reported_and_the_typed_text_stays(
    open_dialog, stored, services, council, qtbot, today
):
    member = stored()
    dialog = open_dialog(member)
    services.members.save(council.id, replace(member, phone="0381 999"), today)
    dialog.form.affiliation_edit.setText("Hochschule Wismar & <Partner> 🚀")

    with qtbot.assertNotEmitted(dialog.saved):
        _click_save(qtbot, dialog)

    assert "inzwischen von jemand anderem geändert" in dialog.general_message()
    assert dialog.isVisible()
    assert dialog.form.affiliation_edit.text() == "Hochschule Wismar & <Partner> 🚀"
    assert services.members.member(member.id).phone == "0381 999"
    assert services.members.member(member.id).affiliation == ""


def test_a_term_ended_before_a_meeting_she_chairs_asks_and_clears_the_chair_on_yes(
    qtbot, services, sqlite_database, council, fields, stored, today, dialogs
):
    """The dialog refused the shorter term, naming the meeting; now it asks as "Amtszeit
    beenden" does: "Nein" saves nothing and keeps the form, "Ja" saves and clears the
    chair there."""
    chair = stored(role=MemberRole.CHAIR)
    day = today + timedelta(days=60)
    meeting_id = stored_meeting(
        sqlite_database, council.id, day, 1, state="planned", chair_membership_id=chair.id
    )
    dialog = MemberDialog(
        services.members, council.id, list(fields.values()), today, chair, dialogs=dialogs
    )
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.form.open_ended_check.setChecked(False)
    dialog.form.term_end_edit.setDate(QDate(day - timedelta(days=1)))

    dialogs.answers = [False, True]
    with qtbot.assertNotEmitted(dialog.saved):
        _click_save(qtbot, dialog)
    ((kind, _title, text),) = dialogs.messages
    assert kind == "question"
    assert f"deckt die 1. Sitzung am {day:%d.%m.%Y} nicht mehr" in text
    assert dialog.isVisible()
    assert services.members.member(chair.id).term_end is None
    with qtbot.waitSignal(dialog.saved):
        _click_save(qtbot, dialog)

    assert services.members.member(chair.id).term_end == day - timedelta(days=1)
    assert services.meetings.get(meeting_id).chair_membership_id is None


def test_a_chair_set_elsewhere_while_the_question_is_open_is_asked_about_again(
    qtbot, services, sqlite_database, council, fields, stored, today, dialogs
):
    """The meeting whose chair another PC set meanwhile was cleared unnamed (audited only)."""
    chair = stored(role=MemberRole.CHAIR)
    day = today + timedelta(days=60)
    stored_meeting(
        sqlite_database, council.id, day, 1, state="planned", chair_membership_id=chair.id
    )
    dialog = MemberDialog(
        services.members, council.id, list(fields.values()), today, chair, dialogs=dialogs
    )
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.form.open_ended_check.setChecked(False)
    dialog.form.term_end_edit.setDate(QDate(day - timedelta(days=1)))
    dialogs.keep_questions_open = True
    _click_save(qtbot, dialog)
    later = day + timedelta(days=30)
    meeting_id = stored_meeting(
        sqlite_database, council.id, later, 2, state="planned", chair_membership_id=chair.id
    )

    with qtbot.assertNotEmitted(dialog.saved):
        dialogs.open_questions.pop(0)[0]()  # "Ja"

    (_first, (kind, _title, text)) = dialogs.messages
    assert kind == "question"
    assert text.startswith("Die Sitzungsleitung wurde inzwischen von jemand anderem geändert.")
    assert f"und die 2. Sitzung am {later:%d.%m.%Y} nicht mehr" in text
    assert services.members.member(chair.id).term_end is None
    with qtbot.waitSignal(dialog.saved):
        dialogs.open_questions.pop(0)[0]()
    assert services.meetings.get(meeting_id).chair_membership_id is None


def _affiliation_typed_while_the_phone_changed_elsewhere(
    open_dialog, stored, services, council, today
) -> tuple[Member, MemberDialog]:
    """Anna Berg open with "Hochschule Wismar" typed as her affiliation while another PC
    changes her phone; returns the member as opened and the dialog."""
    member = stored()
    dialog = open_dialog(member)
    services.members.save(council.id, replace(member, phone="0381 999"), today)
    dialog.form.affiliation_edit.setText("Hochschule Wismar")
    return member, dialog


def test_while_the_merge_is_open_the_status_line_says_so_not_to_reload(
    open_dialog, stored, services, council, qtbot, today
):
    """(found by a tester) While "Gleichzeitig geändert" was open, the line under the form
    said "Bitte laden Sie die Daten neu und wiederholen Sie Ihre Änderung.": there is no
    reloading in the dialog, and doing so would lose what was typed. It now points to the
    merge; after the merge's "Abbrechen" it says that "Speichern" shows it again."""
    _member, dialog = _affiliation_typed_while_the_phone_changed_elsewhere(
        open_dialog, stored, services, council, today
    )

    _click_save(qtbot, dialog)

    cancelling_the_merge_keeps_the_input(
        dialog,
        dialog.general_message,
        lambda: _click_save(qtbot, dialog),
        "Das Mitglied „Anna Berg“ wurde inzwischen von jemand anderem geändert.",
        "„Speichern“ zeigt beide Fassungen noch einmal, „Abbrechen“ verwirft sie.",
    )
    assert dialog.form.affiliation_edit.text() == "Hochschule Wismar"


def test_the_dialog_does_not_hold_a_closed_merge_window(
    open_dialog, stored, services, council, qtbot, today
):
    """``merge_dialog`` kept pointing to "Gleichzeitig geändert" (and "Gleichzeitig
    angelegt") after it had closed and deleted itself. It is None once the window has
    closed; a window that the chosen values open anew (a further change meanwhile) stays."""
    member, dialog = _affiliation_typed_while_the_phone_changed_elsewhere(
        open_dialog, stored, services, council, today
    )
    _click_save(qtbot, dialog)
    merge = dialog.merge_dialog

    merge.reject()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    assert not isValid(merge)
    assert dialog.merge_dialog is None
    _click_save(qtbot, dialog)
    first = dialog.merge_dialog
    assert first is not None and first.isVisible()
    latest = services.members.member(member.id)
    services.members.save(council.id, replace(latest, phone="0381 777"), today)  # again

    first.apply_button.click()  # saves against a version that is outdated by now

    second = dialog.merge_dialog
    assert second is not None and second is not first and second.isVisible()
    assert "0381 777" in {theirs.text() for _mine, theirs in second.choices.values()}


def test_the_dialog_does_not_hold_a_closed_twin_offer(
    open_dialog, services, other_program, council, fields, qtbot, today
):
    dialog = open_dialog()
    _twin_saved_there(other_program, council, fields, today)
    _twin_typed_here(dialog, fields)
    _click_save(qtbot, dialog)
    assert dialog.merge_dialog.windowTitle() == "Gleichzeitig angelegt – Anna Berg"

    dialog.merge_dialog.reject()

    assert dialog.merge_dialog is None


def test_a_member_deleted_elsewhere_is_reported_and_the_dialog_stays(
    open_dialog, stored, services, council, qtbot
):
    member = stored()
    dialog = open_dialog(member)
    services.members.delete(member)
    dialog.form.phone_edit.setText("0381 123")

    _click_save(qtbot, dialog)

    assert dialog.general_message() == (
        "Das Mitglied „Anna Berg“ gibt es nicht mehr. Vielleicht wurde es gelöscht. Ihre "
        "Eingaben stehen "
        "noch im Formular: „Speichern“ legt das Mitglied mit ihnen neu an, „Abbrechen“ "
        "verwirft sie."
    )
    assert dialog.isVisible()
    assert dialog.form.phone_edit.text() == "0381 123"
    assert services.members.members(council.id) == []

    _click_save(qtbot, dialog)  # found by a tester: only "Abbrechen" was left, text lost

    (again,) = services.members.members(council.id)
    assert (again.family_name, again.phone) == (member.family_name, "0381 123")


def test_a_term_deleted_on_another_pc_is_saved_again_for_the_same_person(
    open_dialog, stored, services, other_program, council, qtbot, today
):
    """Anna Berg has an earlier term; her current one, open here, is deleted on another PC.
    "Speichern" twice saves the typed term again for her, not for a second Anna Berg
    (found by a tester)."""
    earlier = stored(term_start=date(2020, 1, 1), term_end=date(2022, 12, 31))
    current = services.members.save(
        council.id,
        replace(earlier, id=None, version=0, term_start=date(2025, 1, 1), term_end=None),
        today,
    )
    dialog = open_dialog(current)
    other_program.members.delete(other_program.members.member(current.id))
    dialog.form.phone_edit.setText("0381 123")

    _click_save(qtbot, dialog)

    assert dialog.general_message() == (
        "Das Mitglied „Anna Berg“ gibt es nicht mehr. Vielleicht wurde es gelöscht. Ihre "
        "Eingaben stehen noch im Formular: „Speichern“ legt diese Amtszeit mit ihnen für "
        "dieselbe Person neu an, „Abbrechen“ verwirft sie."
    )
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        _click_save(qtbot, dialog)

    terms = sorted(services.members.members(council.id), key=lambda m: m.term_start)
    assert [(m.person_id, m.term_start, m.phone) for m in terms] == [
        (earlier.person_id, date(2020, 1, 1), "0381 123"),
        (earlier.person_id, date(2025, 1, 1), "0381 123"),
    ]


def _assert_saved_for_a_new_person(qtbot, dialog, services, council_id: int) -> None:
    """The refusal offers to save the typed input anew, and the next "Speichern" saves Anna
    Berg as a new person with the further term typed (from 2025, phone "0381 123")."""
    assert dialog.general_message().endswith(
        "Ihre Eingaben stehen noch im Formular: „Speichern“ legt das Mitglied mit ihnen neu "
        "an, „Abbrechen“ verwirft sie."
    )
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        _click_save(qtbot, dialog)

    (again,) = services.members.members(council_id)
    assert (again.full_name, again.term_start, again.phone) == (
        "Anna Berg",
        date(2025, 1, 1),
        "0381 123",
    )


def test_a_further_term_of_a_person_deleted_on_another_pc_is_saved_for_a_new_person(
    open_dialog, stored, services, other_program, council, qtbot, today
):
    """A further term of Anna Berg is being typed here while another PC deletes her only
    term, and with it her. "Speichern" said she was gone and offered nothing: the typed
    term was lost unless retyped (found by a tester). Now the form keeps it, says so, and
    the next "Speichern" saves her anew with the typed term."""
    earlier = stored(term_start=date(2020, 1, 1), term_end=date(2022, 12, 31))
    dialog = open_dialog(
        replace(earlier, id=None, version=0, term_start=date(2025, 1, 1), term_end=None)
    )
    other_program.members.delete(other_program.members.member(earlier.id))
    dialog.form.phone_edit.setText("0381 123")

    _click_save(qtbot, dialog)

    assert dialog.general_message() == (
        "Das Mitglied „Anna Berg“ gibt es nicht mehr. Vielleicht wurde es gelöscht. Ihre "
        "Eingaben stehen noch im Formular: „Speichern“ legt das Mitglied mit ihnen neu an, "
        "„Abbrechen“ verwirft sie."
    )
    assert dialog.isVisible()
    assert dialog.form.phone_edit.text() == "0381 123"
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        _click_save(qtbot, dialog)

    (again,) = services.members.members(council.id)
    assert (again.full_name, again.term_start, again.term_end, again.phone) == (
        "Anna Berg",
        date(2025, 1, 1),
        None,
        "0381 123",
    )


def test_a_term_saved_again_whose_person_is_then_deleted_too_is_saved_for_a_new_person(
    open_dialog, stored, services, other_program, council, qtbot, today
):
    """Anna Berg's current term, open here, is deleted on another PC; "Speichern" offers to
    save it again for her (her earlier term keeps her). Meanwhile the other PC deletes the
    earlier term too, and with it her: the next "Speichern" offers to save her anew with
    the typed term instead of losing it (found by a tester)."""
    earlier = stored(term_start=date(2020, 1, 1), term_end=date(2022, 12, 31))
    current = services.members.save(
        council.id,
        replace(earlier, id=None, version=0, term_start=date(2025, 1, 1), term_end=None),
        today,
    )
    dialog = open_dialog(current)
    other_program.members.delete(other_program.members.member(current.id))
    dialog.form.phone_edit.setText("0381 123")
    _click_save(qtbot, dialog)  # "… legt diese Amtszeit mit ihnen für dieselbe Person neu an"
    other_program.members.delete(other_program.members.member(earlier.id))

    _click_save(qtbot, dialog)

    _assert_saved_for_a_new_person(qtbot, dialog, services, council.id)


def test_a_further_term_whose_person_is_changed_then_deleted_on_another_pc_is_kept(
    open_dialog, stored, services, other_program, council, qtbot, today, monkeypatch
):
    """A further term of Anna Berg is typed here; another PC changes her e-mail address,
    so "Speichern" is refused, and deletes her before this PC reads her as stored for the
    merge. That said only that she was gone, the typed term lost (found by a tester); now
    the next "Speichern" saves her anew with the term."""
    earlier = stored(term_start=date(2020, 1, 1), term_end=date(2022, 12, 31))
    dialog = open_dialog(
        replace(earlier, id=None, version=0, term_start=date(2025, 1, 1), term_end=None)
    )
    there = other_program.members.member(earlier.id)
    other_program.members.save(council.id, replace(there, email="berg@stadt.de"), today)
    read_stored = services.members.stored

    def deleted_first(member):
        other_program.members.delete(other_program.members.member(earlier.id))
        return read_stored(member)

    monkeypatch.setattr(services.members, "stored", deleted_first)
    dialog.form.phone_edit.setText("0381 123")

    _click_save(qtbot, dialog)

    assert dialog.merge_dialog is None
    _assert_saved_for_a_new_person(qtbot, dialog, services, council.id)


def test_a_term_saved_again_for_a_person_changed_on_another_pc_offers_the_merge(
    open_dialog, stored, services, other_program, council, qtbot, today
):
    """Anna Berg's current term, open here, is deleted on another PC, which also gives her a
    new e-mail address through her earlier term. The second "Speichern" wrote her old
    address back (found by a tester); now it shows both versions in the merge dialog, not
    "Dieses Mitglied gibt es nicht mehr.", and saves the term with the chosen values."""
    earlier = stored(term_start=date(2020, 1, 1), term_end=date(2022, 12, 31))
    current = services.members.save(
        council.id,
        replace(earlier, id=None, version=0, term_start=date(2025, 1, 1), term_end=None),
        today,
    )
    dialog = open_dialog(current)
    other_program.members.delete(other_program.members.member(current.id))
    there = other_program.members.member(earlier.id)
    other_program.members.save(council.id, replace(there, email="berg@stadt.de"), today)
    dialog.form.phone_edit.setText("0381 123")
    _click_save(qtbot, dialog)  # "… legt diese Amtszeit mit ihnen für dieselbe Person neu an"

    _click_save(qtbot, dialog)

    assert dialog.isVisible()
    assert "gibt es nicht mehr" not in dialog.general_message()
    assert "inzwischen von jemand anderem geändert" in dialog.general_message()
    merge = dialog.merge_dialog
    assert merge is not None
    assert {
        name: (mine.text(), theirs.text(), theirs.isChecked())
        for name, (mine, theirs) in merge.choices.items()
    } == {
        "email": ("(leer)", "berg@stadt.de", True),
        "phone": ("0381 123", "(leer)", False),
    }
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        merge.apply_button.click()

    terms = sorted(services.members.members(council.id), key=lambda m: m.term_start)
    assert [(m.person_id, m.term_start, m.email, m.phone) for m in terms] == [
        (earlier.person_id, date(2020, 1, 1), "berg@stadt.de", "0381 123"),
        (earlier.person_id, date(2025, 1, 1), "berg@stadt.de", "0381 123"),
    ]


def test_errors_found_only_while_saving_are_shown_at_their_fields(
    open_dialog, stored, services, council, fields, qtbot, monkeypatch
):
    stored(role=MemberRole.CHAIR)
    dialog = open_dialog()
    _fill_required(dialog, fields)
    _select(dialog.form.role_combo, MemberRole.CHAIR.value)
    # As if the other chair had been saved between the check and the save.
    monkeypatch.setattr(services.members, "save_checks", lambda *args: ([], ""))

    with qtbot.assertNotEmitted(dialog.saved):
        _click_save(qtbot, dialog)

    assert "Vorsitz hat in dieser Zeit bereits" in dialog.message("role")
    assert dialog.isVisible()
    assert len(services.members.members(council.id)) == 1


def test_names_in_messages_are_shown_as_typed_not_as_html(
    open_dialog, stored, services, council, fields, qtbot
):
    stored(given_name="<b>Anna</b>", family_name="Berg & <i>Co</i>")
    dialog = open_dialog()
    _fill_required(dialog, fields, given="<b>Anna</b>", family="Berg & <i>Co</i>")

    _click_save(qtbot, dialog)

    message = dialog.message("family_name")
    assert message == "Möglicherweise doppelt: <b>Anna</b> Berg & <i>Co</i> hat denselben Namen."
    shown = [label for label in dialog.findChildren(QLabel) if label.text() == message]
    assert [label.textFormat() for label in shown] == [Qt.TextFormat.PlainText]
    assert dialog.general_label.textFormat() == Qt.TextFormat.PlainText


# --- consent history ------------------------------------------------------------------------


def test_the_dialog_shows_the_consent_history_newest_first(
    open_dialog, stored, services, council, today
):
    anna = stored(publish_contact=True, publish_contact_on=date(2025, 3, 1))
    services.members.save(
        council.id,
        replace(anna, publish_contact=False, publish_contact_on=date(2026, 11, 20)),
        today,
    )

    dialog = open_dialog(services.members.member(anna.id))

    view = dialog.consent_history
    model = view.model()
    assert [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ] == [
        ["20.11.2026", "widerrufen", "Kontaktdaten", "Formular", "tester"],
        ["01.03.2025", "erteilt", "Kontaktdaten", "Formular", "tester"],
    ]
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "Datum"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).endswith("(UTC)")
    assert view.isVisibleTo(dialog)


def test_the_consent_history_shows_every_column_whole_without_scrolling_sideways(
    open_dialog, stored, services, council, today, qtbot
):
    anna = stored(
        publish_name=True,
        publish_name_on=date(2025, 3, 1),
        publish_contact=True,
        publish_contact_on=date(2025, 3, 1),
    )
    services.members.save(
        council.id,
        replace(anna, publish_contact=False, publish_contact_on=date(2026, 11, 20)),
        today,
    )

    dialog = open_dialog(services.members.member(anna.id))
    exposed(dialog)

    view = dialog.consent_history
    assert view.model().rowCount() == 3
    assert fits(view)
    assert all(shows_whole(view, column) for column in range(view.model().columnCount()))


def test_a_member_without_recorded_consent_says_so(open_dialog, stored):
    dialog = open_dialog(stored())

    assert isinstance(dialog.consent_history, QLabel)
    assert dialog.consent_history.text() == "Noch keine Einwilligung erfasst."


def test_a_new_member_has_no_consent_history(open_dialog):
    assert open_dialog().consent_history is None


def test_the_consent_history_model_passes_the_model_tester(qtmodeltester, stored, services):
    anna = stored(publish_name=True, publish_name_on=date(2025, 3, 1))
    model = ConsentHistoryModel()
    model.set_rows(services.members.consent_history(anna.person_id))

    qtmodeltester.check(model)


def test_an_action_field_with_an_ampersand_is_shown_whole_not_as_a_mnemonic(
    qtbot, services, council, today
):
    added = services.settings.add_action_field(council.id, "Bildung & Kultur", "#336699")
    fields = services.settings.action_fields(council.id)
    dialog = MemberDialog(services.members, council.id, fields, today)
    qtbot.addWidget(dialog)

    check = dialog.form.further_field_checks[added.id]

    assert QKeySequence.mnemonic(check.text()).isEmpty()  # no Alt+K ticking it
    name = QAccessible.queryAccessibleInterface(check).text(QAccessible.Text.Name)
    assert name == "Bildung & Kultur"


def test_the_contact_fields_start_where_the_person_fields_start(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    exposed(dialog)
    form = dialog.form

    def left(widget) -> int:
        return widget.mapTo(dialog, QPoint(0, 0)).x()

    assert left(form.email_edit) == left(form.given_name_edit) == left(form.postal_address_edit)


def test_the_wheel_over_a_field_scrolls_the_member_form(open_dialog, stored):
    """The wheel over "Anrede", "Sektor", "Rolle" or the action field, passing while the
    dialog scrolled, chose their next entry; over the term's start it moved it a day."""
    dialog = open_dialog(stored())
    before = dialog.form.member()

    assert fields_the_wheel_changed(dialog.form) == []
    assert dialog.form.member() == before
