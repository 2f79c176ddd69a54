"""Two sessions edit the same member (or council settings): the second save opens the merge
dialog, on SQLite and PostgreSQL, and the chosen values are saved against the new version."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from merge_line import cancelling_the_merge_keeps_the_input
from PySide6.QtGui import QTextDocument
from settings_page_alone import settings_page_alone

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.members import Member
from expertenrat.services.context import Services
from expertenrat.ui.member_dialog import MemberDialog
from expertenrat.ui.settings_page import SettingsPage

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done


@pytest.fixture
def services(database) -> Services:
    return Services.create(database, "Frau Schulz")


@pytest.fixture
def other(database) -> Services:
    """The same database as seen from a second PC."""
    return Services.create(database, "Herr Özdemir")


@pytest.fixture
def council(services):
    return services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))


@pytest.fixture
def member(services, council, today) -> Member:
    field = services.settings.action_fields(council.id)[0]
    draft = Member(
        id=None,
        given_name="Anna",
        family_name="Berg",
        email="anna@example.org",
        phone="0381 1",
        affiliation="Uni Rostock",
        primary_field_id=field.id,
        term_start=date(2025, 1, 1),
    )
    return services.members.save(council.id, draft, today)


@pytest.fixture
def dialog(qtbot, services, council, member, today, dialogs) -> MemberDialog:
    fields = services.settings.action_fields(council.id)
    dialog = MemberDialog(services.members, council.id, fields, today, member, dialogs=dialogs)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


@pytest.fixture
def settings_page(qtbot, services, dialogs) -> SettingsPage:
    page = settings_page_alone(qtbot, services, dialogs)
    return page


def _rows(dialog: MemberDialog) -> dict[str, tuple[str, str, bool]]:
    merge = dialog.merge_dialog
    return {
        name: (mine.text(), theirs.text(), theirs.isChecked())
        for name, (mine, theirs) in merge.choices.items()
    }


def test_the_second_save_opens_the_merge_dialog_and_keeps_the_chosen_values(
    dialog, other, member, today, council, qtbot
):
    other.members.save(
        council.id,
        replace(member, email="berg@stadt.de", affiliation="Stadtwerke"),
        today,
    )
    dialog.form.email_edit.setText("a.berg@uni-rostock.de")  # both changed the e-mail
    dialog.form.phone_edit.setText("0381 498-0")  # only I changed the phone

    dialog.save_button.click()

    assert dialog.isVisible()
    assert "inzwischen von jemand anderem geändert" in dialog.general_message()
    assert _rows(dialog) == {
        "affiliation": ("Uni Rostock", "Stadtwerke", True),  # only they: theirs suggested
        "email": ("a.berg@uni-rostock.de", "berg@stadt.de", False),
        "phone": ("0381 498-0", "0381 1", False),
    }
    dialog.merge_dialog.choices["email"][1].setChecked(True)  # the other's e-mail after all

    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as saved:
        dialog.merge_dialog.apply_button.click()

    stored = other.members.member(member.id)
    assert (stored.email, stored.phone, stored.affiliation) == (
        "berg@stadt.de",
        "0381 498-0",
        "Stadtwerke",
    )
    assert saved.args[0] == stored


def test_meine_behalten_and_andere_uebernehmen(dialog, other, member, today, council, services):
    other.members.save(council.id, replace(member, affiliation="Stadtwerke"), today)
    dialog.form.phone_edit.setText("0381 498-0")

    dialog.save_button.click()
    dialog.merge_dialog.mine_button.click()

    stored = services.members.member(member.id)
    assert (stored.phone, stored.affiliation) == ("0381 498-0", "Uni Rostock")


def test_andere_uebernehmen_takes_the_stored_version(
    dialog, other, member, today, council, services
):
    notes = 'Zoë & <b>Söhne</b> "Müller" 🚀\n' + "x" * 19_000
    theirs = other.members.save(council.id, replace(member, notes=notes), today)
    dialog.form.phone_edit.setText("0381 498-0")

    dialog.save_button.click()
    shown = dialog.merge_dialog.choices["notes"][1]
    assert shown.text().startswith('Zoë && <b>Söhne</b> "Müller" 🚀 ⏎ xxx')
    assert len(shown.text()) <= 61 and shown.text().endswith("…")
    dialog.merge_dialog.theirs_button.click()

    stored = services.members.member(member.id)
    assert (stored.phone, stored.notes) == (theirs.phone, theirs.notes)


def test_closing_the_merge_dialog_keeps_what_was_typed(dialog, other, member, today, council):
    other.members.save(council.id, replace(member, affiliation="Stadtwerke"), today)
    dialog.form.phone_edit.setText("0381 498-0")

    dialog.save_button.click()
    dialog.merge_dialog.reject()

    assert dialog.isVisible()
    assert dialog.form.phone_edit.text() == "0381 498-0"
    assert other.members.member(member.id).phone == "0381 1"


def test_conflicting_council_settings_open_the_merge_dialog(settings_page, other, council):
    page = settings_page
    page.set_council(council.id)
    page.refresh()  # as the window shows it
    other.settings.update_settings(replace(council, city="Lübeck", notice_period_days=10))
    page.council_form.council_fields.name_edit.setText("Expert*innenrat & <Beirat>")
    page.council_form.council_fields.notice_spin.setValue(14)

    page.save_button.click()

    rows = {
        name: (mine.text(), theirs.text(), theirs.isChecked())
        for name, (mine, theirs) in page.saving.merge_dialog.choices.items()
    }
    assert rows == {
        "name": ("Expert*innenrat && <Beirat>", "Rat", False),
        "city": ("Rostock", "Lübeck", True),
        "notice_period_days": ("14", "10", False),
    }
    page.saving.merge_dialog.apply_button.click()

    stored = other.settings.settings(council.id)
    assert (stored.name, stored.city, stored.notice_period_days) == (
        "Expert*innenrat & <Beirat>",
        "Lübeck",
        14,
    )
    assert not page.has_unsaved_changes()


def test_while_the_merge_is_open_the_line_under_the_settings_points_to_it(
    settings_page, other, council
):
    """While "Gleichzeitig geändert" was open, the line under the Einstellungen said "Bitte
    laden Sie die Daten neu …": there is no reloading there, and it would lose the typed
    input. It points to the merge now; after its "Abbrechen" it says the input is kept,
    "Speichern" shows both versions again and "Verwerfen" drops it; the page no longer
    holds the closed window."""
    page = settings_page
    page.show()
    page.set_council(council.id)
    page.refresh()  # as the window shows it
    other.settings.update_settings(replace(council, city="Lübeck"))
    page.council_form.council_fields.name_edit.setText("Expert*innenrat & <Beirat>")

    page.save_button.click()

    cancelling_the_merge_keeps_the_input(
        page.saving,
        page.council_form.errors.general.text,
        page.save_button.click,
        "Die Einstellungen des Gremiums wurden inzwischen von jemand anderem geändert.",
        "„Speichern“ zeigt beide Fassungen noch einmal, „Verwerfen“ lässt sie fallen.",
    )
    assert page.council_form.council_fields.name_edit.text() == "Expert*innenrat & <Beirat>"
    assert page.has_unsaved_changes()


def test_a_cut_value_shows_whole_and_literally_in_its_tooltip(
    dialog, other, member, today, council
):
    """Found by a tester: Qt took "a < b … >" or "<i>" in a value for markup, and the
    tooltip of a value cut in the dialog left those words out."""
    theirs = "Kosten a < b und Nutzen c > d; <i>kursiv</i> & „Zitat“ 😀 " + "x" * 200
    other.members.save(council.id, replace(member, affiliation=theirs), today)
    dialog.form.affiliation_edit.setText("Meine Institution")

    dialog.save_button.click()

    button = dialog.merge_dialog.choices["affiliation"][1]
    assert button.is_cut()
    shown = QTextDocument()
    shown.setHtml(button.toolTip())  # a tooltip of rich text, as Qt shows it
    assert shown.toPlainText() == theirs.strip()


def test_a_screen_reader_says_the_field_the_side_and_the_whole_value(
    dialog, other, member, today, council
):
    """Found by a tester: each choice said only its shown text ("Stadtwerke", or a cut
    value ending in "…"), not which field it was and whose version."""
    theirs = "Stadtwerke Rostock " + "x" * 200
    other.members.save(council.id, replace(member, affiliation=theirs), today)
    dialog.form.affiliation_edit.setText("Meine Institution")

    dialog.save_button.click()

    mine, others = dialog.merge_dialog.choices["affiliation"]
    assert others.is_cut()
    assert mine.accessibleName() == "Institution, meine: Meine Institution"
    assert others.accessibleName() == f"Institution, die andere: {theirs}"


def test_a_long_field_name_wraps_to_leave_the_values_their_room(qtbot) -> None:
    """(found by a tester) "Genehmigung durch Abstimmun…" beside the whole names of the
    settings: the names' column took the room of the values on a 1024-pixel screen."""
    from PySide6.QtWidgets import QLabel, QWidget

    from expertenrat.ui.merge_dialog import MergeDialog
    from expertenrat.ui.merge_rows import MergeRow

    parent = QWidget()
    qtbot.addWidget(parent)
    approval = "Genehmigung durch Abstimmung in der nächsten Sitzung"
    rows = [
        MergeRow("a", "Vorlagen für Tagesordnungspunkte", "5: Bericht", "4: Bericht", False, False),
        MergeRow("b", "Genehmigung des Protokolls", approval, "Umlauf", False, False),
    ]
    dialog = MergeDialog("Einstellungen übernehmen", "Die Datei …", rows, parent)
    qtbot.addWidget(dialog)
    dialog.resize(984, 500)  # as wide as on a 1024-pixel screen
    dialog.show()
    qtbot.waitExposed(dialog)

    assert not dialog.choices["b"][0].is_cut()
    names = [label for label in dialog.findChildren(QLabel) if label.text().startswith("Vorl")]
    assert names and names[0].wordWrap()  # whole, on two lines
