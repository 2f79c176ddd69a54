"""Einstellungen "Auf diesem PC" (backup folder, retention period) and Datei → Aufbewahrung."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.members import Member
from expertenrat.paths import user_data_dir
from expertenrat.services.daily_backup import default_folder, folder_beside
from expertenrat.store.engine import sqlite_file
from expertenrat.ui.daily_backup import DailyBackup, safety_copy_days
from expertenrat.ui.pc_settings import RETENTION_KEY, PcSettingsBox, retention_years
from expertenrat.ui.retention_dialog import RetentionDialog, RetentionModel


@pytest.fixture
def box(qtbot, qsettings, dialogs, services) -> PcSettingsBox:
    box = PcSettingsBox(qsettings, dialogs, default_folder(services.database))
    qtbot.addWidget(box)
    return box


def test_the_backup_folder_is_sicherungen_beside_the_database_until_one_is_chosen(
    box, qsettings, dialogs, services, tmp_path, today
):
    daily = DailyBackup(services.daily_backup, qsettings, lambda: today)
    beside = default_folder(services.database)
    assert box.folder_edit.text() == str(beside)
    assert not box.default_button.isEnabled()

    chosen = tmp_path / "Netzlaufwerk Ü"
    chosen.mkdir()
    dialogs.paths.append(str(chosen))
    box.choose_button.click()

    assert box.folder_edit.text() == str(chosen)
    assert daily.folder() == chosen
    box.default_button.click()
    assert daily.folder() == beside
    assert box.folder_edit.text() == str(beside)


def test_a_folder_that_cannot_be_written_is_refused_with_a_message(
    box, qsettings, dialogs, tmp_path
):
    box.choose_folder(str(tmp_path / "gibt es nicht"))

    assert "kann nicht geschrieben werden" in dialogs.warnings()[0]
    assert not qsettings.value("backup/folder")


def test_on_a_server_the_daily_backup_goes_to_this_pc_s_data_folder_or_a_chosen_one(
    qtbot, qsettings, dialogs, tmp_path
):
    """A server database has its daily backup too (it had none, found by a tester): by
    default in "Sicherungen" in this PC's data folder, or where this PC chooses."""
    folder = folder_beside(None)
    assert folder == user_data_dir() / "Sicherungen"
    box = PcSettingsBox(qsettings, dialogs, folder, on_server=True)
    qtbot.addWidget(box)
    assert box.folder_edit.text() == str(folder)
    assert box.default_button.toolTip() == "„Sicherungen“ im Datenordner dieses PCs"
    chosen = tmp_path / "Netzlaufwerk"
    chosen.mkdir()
    dialogs.paths.append(str(chosen))
    box.choose_button.click()
    assert box.folder_edit.text() == str(chosen)


def test_the_retention_period_is_stored_on_this_pc(box, qsettings):
    assert box.years_spin.value() == 2
    box.years_spin.setValue(5)
    assert retention_years(qsettings) == 5
    qsettings.setValue(RETENTION_KEY, "viele")
    assert retention_years(qsettings) == 2
    qsettings.setValue(RETENTION_KEY, 999)
    assert retention_years(qsettings) == 30


def _retention_dialog(services, dialogs, today, years, copy_days=lambda: 90) -> RetentionDialog:
    return RetentionDialog(
        services.retention,
        dialogs,
        lambda: today,
        years,
        safety_copies=services.safety_copies,
        copy_days=copy_days,
    )


@pytest.fixture
def former(services) -> Member:
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )
    field = services.settings.action_fields(council.id)[0]
    return services.members.save(
        council.id,
        Member(
            id=None,
            given_name="Jörg",
            family_name="Brüggemann",
            email="joerg@example.org",
            phone="0381 1",
            primary_field_id=field.id,
            term_start=date(2018, 1, 1),
            term_end=date(2021, 12, 31),
        ),
        date(2018, 1, 1),
    )


def test_aufbewahrung_shows_the_names_whole(qtbot, services, dialogs, former, today):
    """The name took what a date needs beside a date column stretched over the rest:
    "Friedrich Abe…" in a dialog 560 px wide (found by a tester)."""
    dialog = _retention_dialog(services, dialogs, today, lambda: 2)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    view, name, left = dialog.view, RetentionModel.COLUMN_NAME, RetentionModel.COLUMN_LEFT
    assert view.columnWidth(name) >= view.sizeHintForColumn(name)
    assert view.columnWidth(name) > view.columnWidth(left)
    assert view.isColumnHidden(RetentionModel.COLUMN_COUNCILS)  # one council: no column


def test_aufbewahrung_names_each_persons_council_where_there_are_several(
    qtbot, services, dialogs, former, today
):
    """A human on two councils is a record in each: "Jörg Brüggemann" alone did not say
    that the Digitalbeirat's record was due, not the Expert*innenrat's (found by a tester)."""
    services.settings.create_council(CouncilSettings(id=None, name="Digitalbeirat", city="Rostock"))
    dialog = _retention_dialog(services, dialogs, today, lambda: 2)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    view, councils = dialog.view, RetentionModel.COLUMN_COUNCILS
    assert not view.isColumnHidden(councils)
    assert dialog.model.headerData(councils, Qt.Orientation.Horizontal) == "Gremium"
    assert dialog.model.index(0, councils).data() == "Smart City Expert*innenrat"
    assert view.columnWidth(councils) >= view.sizeHintForColumn(councils)


def test_aufbewahrung_lists_members_past_the_period_and_anonymises_them(
    qtbot, services, dialogs, former, today
):
    years = [2]
    dialog = _retention_dialog(services, dialogs, today, lambda: years[0])
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 0).data() == "Jörg Brüggemann"
    assert dialog.model.index(0, RetentionModel.COLUMN_LEFT).data() == "31.12.2021"
    assert dialog.anonymise_button.isEnabled()

    dialog.anonymise_button.click()

    # One person in the singular, as the command line says it: "Person(en)" before (found
    # by review).
    assert dialogs.messages[-2][2].startswith(
        "Kontaktdaten, Notizen und Einwilligungen von einer Person endgültig löschen "
        "(Jörg Brüggemann)?"
    )
    # not gone from the copies of the database (found by a tester, the city's data
    # protection officer: "endgültig" alone promised more)
    assert dialogs.messages[-2][2].endswith(
        "Die Namen bleiben erhalten. Die täglichen Sicherungen enthalten die gelöschten "
        "Angaben noch bis zu rund einem Jahr, die Sicherheitskopien bis zum Ende ihrer Frist."
    )
    assert dialogs.messages[-1] == ("information", "Anonymisieren", "1 Person anonymisiert.")
    member = services.members.member(former.id)
    assert (member.email, member.phone, member.given_name) == ("", "", "Jörg")
    assert dialog.model.rowCount() == 0
    assert "Niemand ist fällig" in dialog.intro_label.text()


def test_a_retention_period_of_one_year_is_named_in_the_singular(
    qtbot, box, services, dialogs, former, today
):
    """(found by review) "1 Jahre" in the box and "vor mehr als 1 Jahren ausgeschieden" in
    the dialog."""
    box.years_spin.setValue(1)
    assert box.years_spin.text() == "1 Jahr"
    box.years_spin.setValue(3)
    assert box.years_spin.text() == "3 Jahre"
    years = [1]
    dialog = _retention_dialog(services, dialogs, today, lambda: years[0])
    qtbot.addWidget(dialog)
    assert "vor mehr als einem Jahr ausgeschieden;" in dialog.intro_label.text()
    years[0] = 30
    dialog.reload()
    assert "vor mehr als 30 Jahren ausgeschieden und" in dialog.intro_label.text()


def test_aufbewahrung_sorts_names_with_particles_behind(qtbot, services, dialogs, former, today):
    """The Name column sorts by name_sort_key, not by the shown "given family" text:
    "Anna von Hohenzollern" under H, between Brüggemann and Zimmermann."""
    council_id = services.settings.councils()[0].id
    field = services.settings.action_fields(council_id)[0]
    for given, family in (("Jan", "Zimmermann"), ("Anna", "von Hohenzollern")):
        services.members.save(
            council_id,
            Member(
                id=None, given_name=given, family_name=family, email="x@example.org",
                primary_field_id=field.id, term_start=date(2018, 1, 1),
                term_end=date(2020, 6, 30),
            ),
            date(2018, 1, 1),
        )  # fmt: skip
    dialog = _retention_dialog(services, dialogs, today, lambda: 2)
    qtbot.addWidget(dialog)

    dialog.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    shown = [dialog.proxy.index(row, 0).data() for row in range(dialog.proxy.rowCount())]
    assert shown == ["Jörg Brüggemann", "Anna von Hohenzollern", "Jan Zimmermann"]


def test_a_longer_period_lists_nobody(qtbot, services, dialogs, former, today):
    dialog = _retention_dialog(services, dialogs, today, lambda: 10)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    assert not dialog.anonymise_button.isEnabled()


def test_the_file_menu_opens_aufbewahrung(make_window, former):
    window = make_window()
    window.menus.retention_action.trigger()
    assert window.menus.retention_dialog.model.rowCount() == 1
    assert window.settings_page.pc_settings.title() == "Auf diesem PC"


def _safety_copies(services, *made: date) -> list[Path]:
    """Copies before a restore, as the restore names them beside the database file."""
    path = sqlite_file(services.database.url)
    copies = []
    for day in made:
        copy = path.with_name(f"{path.stem}-vor-wiederherstellung-{day:%Y-%m-%d}-120000.db")
        copy.write_bytes(b"alt")
        copies.append(copy)
    return copies


def test_the_safety_copies_are_kept_for_the_days_set_on_this_pc(box, qsettings):
    assert box.copy_days_spin.value() == 90
    assert box.copy_days_spin.text() == "90 Tage"
    box.copy_days_spin.setValue(1)
    assert box.copy_days_spin.text() == "1 Tag"
    box.copy_days_spin.setValue(30)
    assert safety_copy_days(qsettings) == 30
    qsettings.setValue("retention/safety_copy_days", "lange")
    assert safety_copy_days(qsettings) == 90


def test_aufbewahrung_names_the_safety_copies_and_deletes_those_due(
    qtbot, services, dialogs, today
):
    old = _safety_copies(services, date(2025, 1, 2), date(2025, 2, 3))
    newest = _safety_copies(services, *(today - timedelta(days=d) for d in (5, 6, 7)))
    days = [90]
    dialog = _retention_dialog(services, dialogs, today, lambda: 2, lambda: days[0])
    qtbot.addWidget(dialog)

    assert dialog.copies_label.text() == (
        "5 Sicherheitskopien der Datenbank vor Wiederherstellungen oder Aktualisierungen, "
        "die älteste vom 02.01.2025. Sie enthalten auch Daten inzwischen anonymisierter oder "
        "gelöschter Personen. Kopien, die älter als 90 Tage sind, werden beim Programmstart "
        "gelöscht; die neuesten 3 bleiben erhalten (Einstellungen → Auf diesem PC). Jetzt "
        "fällig: 2 Sicherheitskopien."
    )
    assert dialog.delete_copies_button.isEnabled()

    dialog.delete_copies_button.click()

    assert dialogs.messages[-2][2] == (
        "2 Sicherheitskopien älter als 90 Tage jetzt endgültig löschen? Die neuesten bleiben "
        "erhalten."
    )
    assert dialogs.messages[-1][2] == "2 Sicherheitskopien gelöscht."
    assert [c.exists() for c in old + newest] == [False, False, True, True, True]
    assert dialog.copies_label.text().startswith("3 Sicherheitskopien der Datenbank")
    assert dialog.copies_label.text().endswith("(Einstellungen → Auf diesem PC).")
    assert not dialog.delete_copies_button.isEnabled()


def test_aufbewahrung_kept_for_one_day_says_1_tag(qtbot, services, dialogs, today):
    """The setting's least is one day: "älter als 1 Tag", not "1 Tage" (found by a tester)."""
    _safety_copies(services, *(today - timedelta(days=d) for d in (2, 3, 4, 5)))
    dialog = _retention_dialog(services, dialogs, today, lambda: 2, lambda: 1)
    qtbot.addWidget(dialog)

    assert "Kopien, die älter als 1 Tag sind, werden" in dialog.copies_label.text()
    dialog.delete_copies_button.click()

    assert dialogs.messages[-2][2].startswith("1 Sicherheitskopie älter als 1 Tag jetzt")


def test_a_safety_copy_that_cannot_be_deleted_is_named_in_a_warning(
    qtbot, services, dialogs, today, monkeypatch
):
    """A copy open in another program (Windows) stays: "0 Sicherheitskopien gelöscht." as
    good news hid it (found by a tester)."""
    (old,) = _safety_copies(services, date(2025, 1, 2))
    _safety_copies(services, *(today - timedelta(days=d) for d in (5, 6, 7)))
    unlink = Path.unlink

    def locked(path: Path, missing_ok: bool = False) -> None:
        if path == old:
            raise PermissionError(13, "Zugriff verweigert", str(path))
        unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", locked)
    dialog = _retention_dialog(services, dialogs, today, lambda: 2)
    qtbot.addWidget(dialog)

    dialog.delete_copies()

    assert dialogs.messages[-1] == (
        "warning",
        "Sicherheitskopien löschen",
        "0 Sicherheitskopien gelöscht. 1 Sicherheitskopie konnte nicht gelöscht werden und "
        "bleibt erhalten: vielleicht ist sie in einem anderen Programm geöffnet, oder es fehlt "
        "die Berechtigung für ihren Ordner.",
    )
    assert old.exists()


def test_aufbewahrung_says_when_the_next_safety_copy_goes(qtbot, services, dialogs, today):
    _safety_copies(services, *(today - timedelta(days=d) for d in (10, 20, 30, 40)))
    dialog = _retention_dialog(services, dialogs, today, lambda: 2)
    qtbot.addWidget(dialog)
    due = today + timedelta(days=51)
    assert dialog.copies_label.text().endswith(f"Die nächste ist ab dem {due:%d.%m.%Y} fällig.")
    assert not dialog.delete_copies_button.isEnabled()


def test_aufbewahrung_without_safety_copies_says_so(qtbot, services, dialogs, today):
    dialog = _retention_dialog(services, dialogs, today, lambda: 2)
    qtbot.addWidget(dialog)
    assert dialog.copies_label.text().startswith(
        "Keine Sicherheitskopien vor Wiederherstellungen oder Aktualisierungen."
    )


def test_the_daily_backup_at_start_deletes_the_safety_copies_past_their_days(
    qtbot, services, qsettings, today
):
    old = _safety_copies(services, *(date(2025, m, 1) for m in (1, 2, 3, 4)))
    qsettings.setValue("retention/safety_copy_days", 30)
    daily = DailyBackup(
        services.daily_backup, qsettings, lambda: today, safety_copies=services.safety_copies
    )

    daily.start()
    qtbot.waitUntil(lambda: not daily.job.running, timeout=60_000)

    assert [c.exists() for c in old] == [False, True, True, True]


def test_aufbewahrung_on_request_anonymises_a_former_member_before_the_period_ends(
    qtbot, services, dialogs, former, today, announced
):
    """Art. 17 DSGVO: a member who left last month asks for the deletion of their contact
    data; the dialog listed only those past the period, and clearing the fields in the
    member dialog kept the old values in the audit trail (found by a tester, the city's
    data protection officer)."""
    council_id = services.settings.councils()[0].id
    field = services.settings.action_fields(council_id)[0]
    recent = services.members.save(
        council_id,
        Member(
            id=None,
            given_name="Ina",
            family_name="Kürzlich",
            email="ina@example.org",
            primary_field_id=field.id,
            term_start=date(2022, 1, 1),
            term_end=today - timedelta(days=30),
        ),
        date(2022, 1, 1),
    )
    dialog = _retention_dialog(services, dialogs, today, lambda: 2)
    qtbot.addWidget(dialog)
    assert [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())] == [
        "Jörg Brüggemann"
    ]

    dialog.on_request_check.setChecked(True)

    assert announced == [dialog.intro_label.text()]  # the focus stays on the check box
    assert dialog.model.rowCount() == 2
    assert dialog.selected() == [] and not dialog.anonymise_button.isEnabled()
    assert "die die Löschung beantragt hat" in dialog.intro_label.text()
    row = next(
        r
        for r in range(dialog.proxy.rowCount())
        if dialog.proxy.index(r, 0).data() == "Ina Kürzlich"
    )
    dialog.view.selectRow(row)
    dialog.anonymise_button.click()

    assert dialogs.messages[-2][2].startswith(
        "Kontaktdaten, Notizen und Einwilligungen von einer Person endgültig löschen "
        "(Ina Kürzlich) auf Antrag? Die Namen bleiben erhalten."
    )
    assert dialogs.messages[-1] == ("information", "Anonymisieren", "1 Person anonymisiert.")
    assert services.members.member(recent.id).email == ""
    assert services.members.member(former.id).email == "joerg@example.org"  # not asked
    disclosure = services.person_disclosure.disclosure(recent.person_id, today)
    assert "auf eigenen Antrag (Art. 17 DSGVO) anonymisiert" in disclosure.state
    (audit,) = [s.rows for s in disclosure.sections if s.title.startswith("Einträge im Änd")]
    assert any(row[3].startswith("Anonymisiert auf Antrag (Art. 17 DSGVO): ") for row in audit)
    assert not any("ina@example.org" in row[3] for row in audit)  # nor the old address


def test_settings_that_cannot_be_stored_on_this_pc_are_said_to_hold_until_the_end(
    qtbot, dialogs, services, tmp_path
):
    blocked = tmp_path / "Profil"  # a file where the settings' folder should be
    blocked.write_bytes(b"")
    settings = QSettings(str(blocked / "Expertenrat.ini"), QSettings.Format.IniFormat)
    box = PcSettingsBox(settings, dialogs, default_folder(services.database))
    qtbot.addWidget(box)

    box.choose_folder(str(tmp_path))
    box.years_spin.setValue(box.years_spin.value() + 1)

    assert dialogs.warnings() == [
        f"Die Einstellungen dieses PCs können nicht in „{blocked / 'Expertenrat.ini'}“ "
        "gespeichert werden; sie gelten nur, bis das Programm beendet wird. Bitte wenden Sie "
        "sich an Ihre IT-Betreuung."
    ]
    assert box.folder_edit.text() == str(tmp_path)
