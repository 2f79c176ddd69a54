"""The start page's way out of a file that cannot be opened: "Standarddatei verwenden",
"Andere Datei öffnen …" and "Neue Datenbank anlegen …" (a server's:
test_start_page_server_choice.py)."""

from __future__ import annotations

import shutil

from expertenrat.paths import default_database_file
from expertenrat.store.database_location import chosen_url, store_address, stored_address
from expertenrat.store.engine import database_url
from expertenrat.ui.save_location import FileKind

LETTER = "Sehr geehrte Damen und Herren"


def _refused(session, tmp_path, name: str = "brief.db"):
    """The window after refusing a file that is no database: its start page."""
    letter = tmp_path / name
    letter.write_text(LETTER, encoding="utf-8")
    session.window.show()
    assert not session.open_or_explain(str(letter))
    return session.window.start_page


def test_another_file_chosen_on_the_start_page_opens_and_is_opened_at_the_next_start(
    session, dialogs, tmp_path, demo_file
):
    session.dialogs = dialogs
    session.remember_choice = True  # started without --database
    folder = tmp_path / "Sitzung #3? & <Ü> 'x'"  # no URL may read it as a query
    folder.mkdir()
    chosen = folder / "rat.db"
    shutil.copy(demo_file, chosen)
    page = _refused(session, tmp_path)
    assert page.open_button.isVisible() and page.new_button.isVisible()
    assert page.retry_button.isVisible() and not page.restore_button.isVisible()
    assert not page.server_button.isVisible() and page.default_button.isVisible()
    dialogs.paths.append(str(chosen))

    page.open_button.click()

    assert dialogs.file_dialogs == [(FileKind.DATABASE, "")]
    assert session.database is not None and session.database.location == str(chosen)
    assert session.window.council_combo.count() == 2
    assert session.window.stack.currentWidget() is not page
    assert stored_address() == str(chosen)
    assert chosen_url(None) == database_url(str(chosen))  # the next start's database
    assert (tmp_path / "brief.db").read_text(encoding="utf-8") == LETTER


def test_a_chosen_file_that_cannot_be_opened_either_says_why_and_is_not_remembered(
    session, dialogs, tmp_path
):
    session.dialogs = dialogs
    session.remember_choice = True
    page = _refused(session, tmp_path)
    other = tmp_path / "notizen.db"
    other.write_text("Notizen", encoding="utf-8")
    dialogs.paths.append(str(other))

    page.open_button.click()

    assert session.window.stack.currentWidget() is page
    assert f"„{other}“ ist keine Expertenrat-Datenbank" in page.message_label.text()
    assert page.open_button.isVisible() and page.new_button.isVisible()
    assert session.database is None and stored_address() is None


def test_a_new_database_shows_the_welcome_page_and_replaces_no_existing_file(
    session, dialogs, tmp_path
):
    """Started with --database: the new database is this session's only."""
    session.dialogs = dialogs
    page = _refused(session, tmp_path)
    dialogs.paths.append(str(tmp_path / "brief.db"))  # an existing file as the new name

    page.new_button.click()

    assert dialogs.file_dialogs == [(FileKind.DATABASE, "expertenrat.db")]
    (warning,) = dialogs.warnings()
    assert "gibt es schon; sie wird nicht ersetzt" in warning
    assert (tmp_path / "brief.db").read_text(encoding="utf-8") == LETTER
    assert session.window.stack.currentWidget() is page

    new = tmp_path / "neu.db"
    dialogs.paths.append(str(new))
    page.new_button.click()

    assert session.window.stack.currentWidget() is session.window.welcome_page
    assert not new.exists()  # created with the first council, as at any start
    assert stored_address() is None


def test_a_stored_file_that_cannot_be_opened_offers_the_default_file_which_is_then_stored(
    session, dialogs, tmp_path
):
    session.dialogs = dialogs
    session.remember_choice = True  # started without --database
    letter = tmp_path / "brief.db"
    letter.write_text(LETTER, encoding="utf-8")
    store_address(database_url(str(letter)))
    session.window.show()
    assert not session.open_or_explain(None)
    page = session.window.start_page
    assert page.default_button.isVisible() and page.open_button.isVisible()

    page.default_button.click()

    assert session.window.stack.currentWidget() is session.window.welcome_page
    assert session.database.location == str(default_database_file())
    assert stored_address() is None  # the default file: no address at all
    assert letter.read_text(encoding="utf-8") == LETTER


def test_the_default_file_that_cannot_be_opened_does_not_offer_itself(session, tmp_path):
    default_database_file().parent.mkdir(parents=True, exist_ok=True)
    default_database_file().write_text(LETTER, encoding="utf-8")
    session.window.show()

    assert not session.open_or_explain(None)

    page = session.window.start_page
    assert not page.default_button.isVisible()
    assert page.open_button.isVisible() and page.new_button.isVisible()


def test_a_stored_file_not_on_this_pc_is_named_and_not_created_until_the_user_chooses(
    session, dialogs, tmp_path
):
    """(found by review) datenbank.json roams with a Windows profile: the file chosen on
    another PC (D:\\Rat\\rat.db) was offered to be created here, on the welcome page, and
    a council made there split the data under the same name."""
    session.dialogs = dialogs
    session.remember_choice = True  # started without --database
    elsewhere = tmp_path / "Rat" / "rat.db"
    store_address(database_url(str(elsewhere)))
    session.window.show()

    assert not session.open_or_explain(None)

    page = session.window.start_page
    assert session.window.stack.currentWidget() is page
    assert f"Die gewählte Datenbank „{elsewhere}“ gibt es auf diesem PC nicht" in (
        page.message_label.text()
    )
    assert page.open_button.isVisible() and page.server_button.isVisible()
    assert page.default_button.isVisible() and page.retry_button.isVisible()
    assert not page.new_button.isVisible()  # another new file would split the data further
    assert not elsewhere.parent.exists() and stored_address() == str(elsewhere)

    page.default_button.click()  # this PC's own file

    assert session.window.stack.currentWidget() is session.window.welcome_page
    assert session.database.location == str(default_database_file())
    assert stored_address() is None and not elsewhere.parent.exists()
