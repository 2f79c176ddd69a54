"""Empfehlungen → "Erinnerungen …": the due projects with lead unit, contact and codes, the
letters and e-mail drafts saved into a folder in the worker (read back), the reminder in
the history, the empty state, the due recommendations without a project, and a file that
cannot be written (on the demo register)."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, timedelta
from email import message_from_bytes
from email.policy import default

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel, QRect, Qt
from settling import settle
from table_widths import fits, headers_whole, shows_start, shows_whole

from expertenrat.domain.overview import Area, Target, TargetFilter
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.ui.recommendations_page import RecommendationsPage
from expertenrat.ui.reminders_dialog import RemindersDialog
from expertenrat.ui.reminders_table_model import WHOM_LIMIT, RemindersTableModel
from expertenrat.ui.save_location import FileKind
from tests.ui.settling import exposed

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done

M = RemindersTableModel


@pytest.fixture
def services(demo_services):
    return demo_services


@pytest.fixture
def council_id(services) -> int:
    return services.settings.councils()[0].id


@pytest.fixture
def page(qtbot, services, dialogs, today, council_id):
    page = RecommendationsPage(services, dialogs, lambda: today)
    qtbot.addWidget(page)
    page.set_council(council_id)
    page.refresh()
    return page


def opened(page) -> RemindersDialog:
    page.reminders_button.click()
    assert page.reminders_dialog is not None and page.reminders_dialog.isVisible()
    return page.reminders_dialog


def cell(dialog: RemindersDialog, row: int, column: int) -> str:
    return dialog.model.index(row, column).data()


def titled_rows(dialog: RemindersDialog) -> dict[str, int]:
    """The rows by their project's title (as stored, without "(abgeschlossen)")."""
    return {
        dialog.model.index(r, 0).data(M.ObjectRole).project.title: r
        for r in range(dialog.model.rowCount())
    }


def reminded_on(services, council_id, day: date) -> dict[str, list[str]]:
    """Per code, the notes of the reminders recorded on ``day`` (read through the service)."""
    register = services.recommendations
    return {
        row.code: [
            h.note for h in register.get(row.id).history
            if h.label == "Erinnerung" and h.occurred_on == day
        ]
        for row in register.list(council_id)
    }  # fmt: skip


def test_the_projects_are_sorted_by_the_date_due_as_the_header_shows(page, services, council_id):
    """The header's arrow on "fällig am" sorts; before, the rows stood by project title
    under it, and a click on a header changed nothing."""
    project = next(  # the demo's finished project ("Digitaler Zwilling" runs, listed first)
        p.id
        for p in services.agenda.projects(council_id)
        if p.title == "Digitale Beteiligungsplattform"
    )
    content = RecommendationContent("Früh fällig", project_ids=(project,))
    row = services.recommendations.create(council_id, content, date(2025, 1, 2), adopted=True).row
    services.recommendations.send(row.id, row.version, date(2025, 1, 3), date(2025, 2, 1))
    dialog = opened(page)

    def column(number: int) -> list[str]:
        proxy = dialog.view.model()
        return [proxy.index(r, number).data() for r in range(proxy.rowCount())]

    # the demo's project is finished: marked, not preselected (see below)
    assert column(M.COLUMN_PROJECT)[0] == "Digitale Beteiligungsplattform (abgeschlossen)"
    assert column(M.COLUMN_DUE)[0] == "01.02.2025"
    dialog.view.sortByColumn(M.COLUMN_PROJECT, Qt.SortOrder.DescendingOrder)
    assert column(M.COLUMN_PROJECT)[0] == "Open-Data-Portal 2.0"
    assert len(dialog.selected()) == 3


def test_the_dialog_lists_the_due_projects_with_lead_unit_contact_and_codes(
    page, services, council_id, today, qtmodeltester
):
    dialog = opened(page)
    assert dialog.width() <= dialog.screen().availableGeometry().width()

    rows = services.recommendations.list(council_id, today=today)
    shown = {cell(dialog, r, M.COLUMN_PROJECT): r for r in range(dialog.model.rowCount())}
    # "Digitaler Zwilling Rostock" answered the demo's recommendation to two projects:
    # only the Open-Data-Portal, still awaited, is reminded of it
    assert set(shown) == {
        "Bürgerservice-Chatbot",
        "Klimasensoren an Schulen",
        "Open-Data-Portal 2.0",
    }
    chatbot = shown["Bürgerservice-Chatbot"]
    assert cell(dialog, chatbot, M.COLUMN_LEAD) == "Hauptamt, Bürgerservice"
    assert cell(dialog, chatbot, M.COLUMN_CONTACT) == (
        "Sabine Rehberg (sabine.rehberg@example.org)"
    )
    (joint,) = (r for r in rows if len(r.projects) == 2)
    assert (
        joint.overdue and joint.project_names == "Digitaler Zwilling Rostock; Open-Data-Portal 2.0"
    )
    assert [p.title for p in joint.awaited_projects] == ["Open-Data-Portal 2.0"]
    for title, row in shown.items():
        overdue = sorted(
            (r for r in rows if r.overdue and title in (p.title for p in r.awaited_projects)),
            key=lambda r: r.awaited_on,
        )  # a response past its due date, or a planned implementation past its date
        # a passed plan's code first, marked
        codes = [f"{r.code} (Umsetzung)" for r in overdue if r.plan_overdue]
        codes += [r.code for r in overdue if not r.plan_overdue]
        assert cell(dialog, row, M.COLUMN_CODES) == ", ".join(codes)
        assert cell(dialog, row, M.COLUMN_OVERDUE) == str(len(overdue))
        assert cell(dialog, row, M.COLUMN_DUE) == f"{overdue[0].awaited_on:%d.%m.%Y}"
    header = dialog.model.headerData(M.COLUMN_DUE, Qt.Orientation.Horizontal)
    assert header == "Fällig am"  # a response's deadline or a plan's date, not only "Frist"
    # a count of the listed recommendations (the register's "überfällig" counts days)
    assert dialog.model.headerData(M.COLUMN_OVERDUE, Qt.Orientation.Horizontal) == (
        "Davon überfällig"
    )
    assert any(r.plan_overdue for r in rows)  # the demo has one: in the dialog, marked
    assert "(Umsetzung)" in " ".join(cell(dialog, r, M.COLUMN_CODES) for r in shown.values())
    assert len(dialog.selected()) == 3 and dialog.save_button.isEnabled()
    assert dialog.unaddressed_label.isHidden()
    qtmodeltester.check(dialog.model)


def test_a_finished_project_is_marked_and_not_preselected(page, services, council_id):
    """(found by a tester) A project marked 'abgeschlossen' got a reminder like any other.
    It is still listed, marked, and gets one only when chosen."""
    (klima,) = (
        e.project
        for e in services.projects.projects(council_id)
        if e.project.title == "Klimasensoren an Schulen"
    )
    services.projects.close(klima)
    dialog = opened(page)
    shown = [cell(dialog, r, M.COLUMN_PROJECT) for r in range(dialog.model.rowCount())]
    assert sorted(shown) == [
        "Bürgerservice-Chatbot",
        "Klimasensoren an Schulen (abgeschlossen)",
        "Open-Data-Portal 2.0",
    ]
    assert [r.project.title for r in dialog.selected()] == [
        "Bürgerservice-Chatbot",
        "Open-Data-Portal 2.0",
    ]
    assert dialog.save_button.isEnabled()


@pytest.mark.parametrize("width", [983, 1150])
def test_project_names_codes_counts_and_dates_show_whole_on_a_small_screen(page, qtbot, width):
    """(found by a tester) On a 1024-pixel screen the dialog is 983 pixels wide (96 % of
    it). Since "zuletzt erinnert" came, the project names were cut after a dozen letters
    ("Bürgerservic…"), the three text columns giving way alike: now lead unit and contact
    give way ("…", the tooltip shows all), the last reminder is a short date, and the
    projects, codes, counts and dates show whole; nothing scrolls."""
    dialog = opened(page)
    exposed(dialog)
    dialog.resize(width, 460)
    qtbot.waitUntil(lambda: dialog.view.viewport().width() > width - 60, timeout=WAIT)
    settle(qtbot)  # what the resize set off is done before the columns are measured

    view = dialog.view
    assert fits(view)
    for column in (M.COLUMN_PROJECT, M.COLUMN_CODES, M.COLUMN_OVERDUE, M.COLUMN_DUE):
        assert shows_whole(view, column)
    assert shows_whole(view, M.COLUMN_REMINDED)
    assert headers_whole(view, range(M.COLUMN_REMINDED + 1))


def test_a_long_project_name_keeps_the_most_room_and_its_tooltip(page, qtbot, services, council_id):
    """Narrower still (900 px), or a name longer than the room: the project gives way
    after lead unit and contact (the codes never), never narrower than they are, shows the
    start of its name and the tooltip shows the name."""
    project = next(
        p for p in services.agenda.projects(council_id) if p.title.startswith("Intelligente")
    )
    content = RecommendationContent("Früh fällig", project_ids=(project.id,))
    row = services.recommendations.create(council_id, content, date(2025, 1, 2), adopted=True).row
    services.recommendations.send(row.id, row.version, date(2025, 1, 3), date(2025, 2, 1))
    dialog = opened(page)
    exposed(dialog)
    dialog.resize(900, 460)
    qtbot.waitUntil(lambda: dialog.view.viewport().width() > 840, timeout=WAIT)
    settle(qtbot)  # what the resize set off is done before the columns are measured

    view, header = dialog.view, dialog.view.horizontalHeader()
    assert fits(view)
    assert headers_whole(view, range(M.COLUMN_REMINDED + 1))
    project_width = header.sectionSize(M.COLUMN_PROJECT)
    assert project_width >= max(
        header.sectionSize(M.COLUMN_LEAD), header.sectionSize(M.COLUMN_CONTACT)
    )
    assert shows_start(view, M.COLUMN_PROJECT, 16)
    for column in (M.COLUMN_CODES, M.COLUMN_OVERDUE, M.COLUMN_DUE, M.COLUMN_REMINDED):
        assert shows_whole(view, column)
    proxy = view.model()
    (cut,) = [
        proxy.index(r, M.COLUMN_PROJECT)
        for r in range(proxy.rowCount())
        if proxy.index(r, M.COLUMN_PROJECT).data() == project.title
    ]
    assert cut.data(Qt.ItemDataRole.ToolTipRole) == project.title


@pytest.mark.parametrize("width", [900, 983])
def test_the_codes_show_whole_beside_a_long_project_name(page, qtbot, services, council_id, width):
    """(found by a tester) At 900 px the codes gave way ("…") and cut the mark of a passed
    plan: "E-2025-09, E-2024-02 (Ums…", worst beside a long project name, which kept the
    most room. Now the codes never give way: the project's name does ("…", its tooltip
    whole)."""
    project = next(
        p for p in services.agenda.projects(council_id) if p.title.startswith("Intelligente")
    )
    stored = services.projects.project(project.id)
    long_title = stored.title + " mit Verkehrsdatenplattform für Gäste und Anwohner"
    services.projects.update(replace(stored, title=long_title))
    content = RecommendationContent("Früh fällig", project_ids=(project.id,))
    row = services.recommendations.create(council_id, content, date(2025, 1, 2), adopted=True).row
    services.recommendations.send(row.id, row.version, date(2025, 1, 3), date(2025, 2, 1))
    page.refresh()
    dialog = opened(page)
    exposed(dialog)
    dialog.resize(width, 460)
    qtbot.waitUntil(lambda: dialog.view.viewport().width() > width - 60, timeout=WAIT)
    settle(qtbot)  # what the resize set off is done before the columns are measured

    view = dialog.view
    proxy = view.model()
    texts = [proxy.index(r, M.COLUMN_CODES).data() for r in range(proxy.rowCount())]
    assert any("(Umsetzung)" in t for t in texts)  # the demo has a passed plan
    assert fits(view)
    assert shows_whole(view, M.COLUMN_CODES)
    assert not shows_whole(view, M.COLUMN_PROJECT)  # the long name gives way instead
    assert shows_start(view, M.COLUMN_PROJECT, 16)
    (cut,) = [
        proxy.index(r, M.COLUMN_PROJECT)
        for r in range(proxy.rowCount())
        if proxy.index(r, M.COLUMN_PROJECT).data() == long_title
    ]
    assert cut.data(Qt.ItemDataRole.ToolTipRole) == long_title


def wraps_whole(view, column: int) -> bool:
    """Whether every cell of ``column`` shows its whole text, wrapped at spaces into the
    row's height (no word wider than the column)."""
    width = view.horizontalHeader().sectionSize(column)
    room = width - 2 * (view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin) + 1)
    metrics, proxy = view.fontMetrics(), view.model()
    for row in range(proxy.rowCount()):
        text = proxy.index(row, column).data()
        box = metrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, text)
        if box.width() > room or box.height() > view.rowHeight(row):
            return False
        if box.height() > metrics.lineSpacing() and not view.wordWrap():
            return False  # drawn on one line and cut
    return True


def test_project_names_and_lead_units_wrap_rather_than_being_cut_at_900_px(page, qtbot):
    """With the codes whole, the project names were cut at 900 px ("Klimasensoren an …");
    they wrap now, the rows as tall as their text."""
    dialog = opened(page)
    exposed(dialog)
    dialog.resize(900, 460)
    qtbot.waitUntil(lambda: dialog.view.viewport().width() > 840, timeout=WAIT)
    settle(qtbot)  # what the resize set off is done before the columns are measured

    view = dialog.view
    assert fits(view)
    assert not shows_whole(view, M.COLUMN_PROJECT)  # narrower than the longest name ...
    assert wraps_whole(view, M.COLUMN_PROJECT)  # ... which wraps
    assert wraps_whole(view, M.COLUMN_LEAD)
    assert shows_whole(view, M.COLUMN_CODES)


def test_at_768_px_the_codes_wrap_and_the_project_keeps_its_first_words(page, qtbot):
    """(found by a tester) At 768 px the codes, which never gave way, kept 220 px and the
    project got 60 ("Bürger… Chatbot"); now the codes wrap between them ("(Umsetzung)"
    whole) before the project gets less than its first words."""
    dialog = opened(page)
    exposed(dialog)
    dialog.resize(768, 460)
    qtbot.waitUntil(lambda: dialog.view.viewport().width() > 708, timeout=WAIT)
    settle(qtbot)  # what the resize set off is done before the columns are measured

    view = dialog.view
    first_words = view.fontMetrics().horizontalAdvance("Klimasensoren an")
    assert fits(view)
    assert view.horizontalHeader().sectionSize(M.COLUMN_PROJECT) > first_words
    assert wraps_whole(view, M.COLUMN_PROJECT)  # "Bürgerservice-" over "Chatbot"
    assert wraps_whole(view, M.COLUMN_CODES)
    assert headers_whole(view, (M.COLUMN_PROJECT, M.COLUMN_CODES))


def test_a_long_lead_unit_is_cut_with_its_tooltip_whole_and_keeps_its_row_low(
    page, qtbot, services, council_id
):
    """(found by a tester) A lead unit of 300 characters (the field's limit) wrapped whole
    in its narrow column and made its project's row many lines tall. It is cut now ("…"),
    the tooltip has it whole; the row is no taller than the others' wrapping allows."""
    stored = next(
        e.project
        for e in services.projects.projects(council_id)
        if e.project.title == "Bürgerservice-Chatbot"
    )
    lead = ("Amt für Digitalisierung, Organisation und Bürgerservice, Abteilung " * 5)[:300]
    services.projects.update(replace(stored, lead_unit=lead))
    page.refresh()
    dialog = opened(page)
    exposed(dialog)
    dialog.resize(900, 460)
    qtbot.waitUntil(lambda: dialog.view.viewport().width() > 840, timeout=WAIT)
    settle(qtbot)  # the rows in sight are fitted to their text
    row = titled_rows(dialog)["Bürgerservice-Chatbot"]
    index = dialog.model.index(row, M.COLUMN_LEAD)
    assert index.data().endswith("…") and len(index.data()) <= WHOM_LIMIT
    assert lead.startswith(index.data()[:-1])
    assert index.data(Qt.ItemDataRole.ToolTipRole) == lead
    proxy_row = dialog.proxy.mapFromSource(index).row()
    assert dialog.view.rowHeight(proxy_row) < 8 * dialog.view.fontMetrics().lineSpacing()


def choose(dialog: RemindersDialog, row: int) -> None:
    """Select the model's ``row`` alone."""
    flags = QItemSelectionModel.SelectionFlag
    dialog.view.selectionModel().select(
        dialog.proxy.mapFromSource(dialog.model.index(row, 0)), flags.ClearAndSelect | flags.Rows
    )


def test_saving_writes_letter_and_draft_per_selected_project_and_records_the_reminder(
    page, services, council_id, dialogs, tmp_path, finish_job, today
):
    dialog = opened(page)
    chatbot = next(
        r for r in range(dialog.model.rowCount())
        if cell(dialog, r, M.COLUMN_PROJECT) == "Bürgerservice-Chatbot"
    )  # fmt: skip
    codes = cell(dialog, chatbot, M.COLUMN_CODES).split(", ")
    assert "In den letzten" not in dialog.intro_label.text()
    choose(dialog, chatbot)
    folder = tmp_path / "Erinnerungen"
    folder.mkdir()
    dialogs.paths.append(str(folder))

    dialog.save_button.click()
    finish_job(dialog.letters)

    assert dialogs.file_dialogs[-1] == (FileKind.REMINDERS, "")
    stem = f"SCER-Erinnerung-Buergerservice-Chatbot-{today:%Y-%m-%d}"  # two councils
    assert sorted(p.name for p in folder.iterdir()) == [f"{stem}.eml", f"{stem}.pdf"]
    reader = PdfReader(io.BytesIO((folder / f"{stem}.pdf").read_bytes()))
    printed = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert all(code in printed for code in codes) and "Hauptamt, Bürgerservice" in printed
    draft = message_from_bytes((folder / f"{stem}.eml").read_bytes(), policy=default)
    assert draft["To"].addresses[0].addr_spec == "sabine.rehberg@example.org"
    ((kind, _title, text),) = dialogs.messages
    assert kind == "saved" and text.startswith("1 Erinnerungsschreiben wurde gespeichert")
    assert "„Bürgerservice-Chatbot“" in text and "im Verlauf der Empfehlungen vermerkt" in text
    assert dialogs.saved_files == [str(folder / f"{stem}.pdf")]
    reminded = reminded_on(services, council_id, today)
    assert {code for code, notes in reminded.items() if notes} == set(codes)
    page.select(next(r.id for r in services.recommendations.list(council_id) if r.code == codes[0]))
    assert "Erinnerung an „Bürgerservice-Chatbot“" in page.detail.toPlainText()
    chatbot = next(
        r for r in range(dialog.model.rowCount())
        if cell(dialog, r, M.COLUMN_PROJECT) == "Bürgerservice-Chatbot"
    )  # fmt: skip
    assert cell(dialog, chatbot, M.COLUMN_REMINDED) == f"{today:%d.%m.%Y}"
    # (found by a tester) Reminded today, it was chosen again for the next letters: listed
    # still, it is not chosen at first, and the intro says why.
    assert "Bürgerservice-Chatbot" not in [r.project.title for r in dialog.selected()]
    assert dialog.intro_label.text().endswith(
        " In den letzten 14 Tagen erinnerte Projekte sind nicht gewählt (Strg+Klick wählt "
        "sie dazu)."
    )
    choose(dialog, chatbot)

    dialogs.answers.append(False)  # the same letters again: asked first, "Nein" keeps them
    dialogs.paths.append(str(folder))
    dialog.save_button.click()

    assert dialogs.messages[-1][0] == "question" and f"{stem}.pdf" in dialogs.messages[-1][2]
    assert dialog.letters.job is not None and not dialog.letters.job.running
    assert reminded_on(services, council_id, today) == reminded


def test_the_dialog_says_when_each_project_was_last_reminded(
    page, services, council_id, today, qtmodeltester
):
    """ "03.03.2026", its tooltip in words (the latest reminder sent to the project,
    whatever was reminded of other projects or other recommendations), "noch nie"; sorted
    by that date."""
    project = next(
        p for p in services.agenda.projects(council_id) if p.title.startswith("Digitale")
    )
    content = RecommendationContent("Früh fällig", project_ids=(project.id,))
    row = services.recommendations.create(council_id, content, date(2025, 1, 2), adopted=True).row
    services.recommendations.send(row.id, row.version, date(2025, 1, 3), date(2025, 2, 1))
    dialog = opened(page)
    shown = titled_rows(dialog)
    assert cell(dialog, shown[project.title], M.COLUMN_REMINDED) == "noch nie"
    header = dialog.model.headerData(M.COLUMN_REMINDED, Qt.Orientation.Horizontal)
    assert header == "Zuletzt erinnert"
    for title, r in shown.items():
        expected = _last_reminder(services, council_id, title)
        assert cell(dialog, r, M.COLUMN_REMINDED) == (
            f"{expected:%d.%m.%Y}" if expected else "noch nie"
        )
    assert any(cell(dialog, r, M.COLUMN_REMINDED) != "noch nie" for r in shown.values())

    services.recommendations.record_reminder(project.id, date(2025, 3, 3))
    services.recommendations.record_reminder(project.id, date(2025, 2, 10))  # an older one
    dialog.reload()
    shown = titled_rows(dialog)
    assert cell(dialog, shown[project.title], M.COLUMN_REMINDED) == "03.03.2025"
    tip = dialog.model.index(shown[project.title], M.COLUMN_REMINDED).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert tip == "Zuletzt erinnert am 3. März 2025"
    dialog.view.sortByColumn(M.COLUMN_REMINDED, Qt.SortOrder.AscendingOrder)
    proxy = dialog.view.model()
    assert proxy.index(0, M.COLUMN_PROJECT).data().startswith(project.title)  # finished
    qtmodeltester.check(dialog.model)


def _last_reminder(services, council_id, title: str) -> date | None:
    """The latest reminder of the project's recommendations whose history names it."""
    days = [
        h.occurred_on
        for row in services.recommendations.list(council_id)
        if title in row.project_names
        for h in services.recommendations.get(row.id).history
        if h.label == "Erinnerung" and h.note == f"Erinnerung an „{title}“"
    ]
    return max(days, default=None)


def test_nothing_due_is_said_in_place_of_the_table(qtbot, page, services, dialogs, council_id):
    dialog = RemindersDialog(services, dialogs, council_id, lambda: date(2000, 1, 3), page)
    qtbot.addWidget(dialog)

    assert dialog.table.currentWidget() is dialog.table.empty_label
    assert dialog.table.empty_label.text() == (
        "Zurzeit ist keine Stellungnahme überfällig oder in den nächsten 14 Tagen fällig, "
        "und keine geplante Umsetzung ist überfällig."
    )
    assert not dialog.save_button.isEnabled()


def test_due_recommendations_without_a_project_are_named(page, services, council_id, today):
    register = services.recommendations
    content = RecommendationContent("Ohne Projekt & <Zuständigkeit> „offen“ 😀")
    row = register.create(council_id, content, today - timedelta(days=30), adopted=True).row
    code = register.send(row.id, row.version, today - timedelta(days=29), today).row.code

    dialog = opened(page)

    assert not dialog.unaddressed_label.isHidden()
    assert dialog.unaddressed_label.text().startswith("Keinem Projekt zugeordnet")
    assert dialog.unaddressed_label.text().endswith(f": {code}.")


def test_a_file_that_cannot_be_written_is_a_warning_and_nothing_is_recorded(
    page, services, council_id, dialogs, tmp_path, finish_job, today
):
    dialog = opened(page)
    folder = tmp_path / "Erinnerungen"
    folder.mkdir()
    protected = folder / f"SCER-Erinnerung-Buergerservice-Chatbot-{today:%Y-%m-%d}.pdf"
    protected.write_bytes(b"alt")
    protected.chmod(0o444)
    dialogs.paths.append(str(folder))  # both projects; "Ja" to replacing

    dialog.save_button.click()
    finish_job(dialog.letters)

    (warning,) = dialogs.warnings()
    assert "„Bürgerservice-Chatbot“ wurde nicht gespeichert" in warning
    assert "schreibgeschützt" in warning
    assert protected.read_bytes() == b"alt"
    assert sorted(p.name for p in folder.iterdir()) == [protected.name]
    assert not any(reminded_on(services, council_id, today).values())


def test_a_cancelled_save_says_which_reminders_were_saved_and_which_not(
    page, services, council_id, dialogs, tmp_path, finish_job, today, monkeypatch
):
    dialog = opened(page)
    titles = [cell(dialog, r, M.COLUMN_PROJECT) for r in range(dialog.model.rowCount())]
    first_codes = {
        c.removesuffix(" (Umsetzung)") for c in cell(dialog, 0, M.COLUMN_CODES).split(", ")
    }
    save = dialog._service.save

    def cancelled_after_the_first(*args, progress, **kwargs):
        def watched(done: int, total: int) -> None:
            if done == 1:
                dialog.letters.job.cancel()  # as "Abbrechen" does, while the second is due
            progress(done, total)

        return save(*args, progress=watched, **kwargs)

    monkeypatch.setattr(dialog._service, "save", cancelled_after_the_first)
    folder = tmp_path / "Erinnerungen"
    folder.mkdir()
    dialogs.paths.append(str(folder))

    dialog.save_button.click()
    finish_job(dialog.letters)

    ((kind, _title, text),) = dialogs.messages
    assert kind == "information" and text.startswith("Abgebrochen.")
    assert f"Gespeichert und im Verlauf vermerkt ist die Erinnerung an „{titles[0]}“" in text
    # one saved in the singular, the two left in the plural (found by a tester: "sind die
    # Erinnerungen an" one project)
    assert (
        f"Nicht gespeichert und nicht vermerkt sind die Erinnerungen an „{titles[1]}“ und "
        f"„{titles[2]}“." in text
    )
    assert len(list(folder.iterdir())) == 2  # the first project's letter and draft
    reminded = {code for code, notes in reminded_on(services, council_id, today).items() if notes}
    assert reminded == first_codes  # only what the saved letter names


def test_the_dialog_is_as_tall_as_its_rows_under_a_short_intro(page, qtbot):
    """(found by a tester) Three projects, their cells wrapped, left 200 px of empty table
    below them, under an intro of five dense lines."""
    dialog = opened(page)
    exposed(dialog)
    view = dialog.view

    qtbot.waitUntil(
        lambda: view.viewport().height() - view.verticalHeader().length() < 4, timeout=WAIT
    )
    assert view.verticalScrollBar().maximum() == 0  # every row in sight
    label = dialog.intro_label
    box = label.fontMetrics().boundingRect(
        QRect(0, 0, 760, 10_000), Qt.TextFlag.TextWordWrap, label.text()
    )
    assert box.height() <= 3 * label.fontMetrics().lineSpacing()  # at 768 px, 3 lines
    # (found by a tester) "in 14 Tagen fällig" read as due on the 14th day from now
    assert "überfällig oder in den nächsten 14 Tagen fällig sind" in label.text()


def test_the_overviews_way_to_the_reminders_opens_them_over_the_overdue(page):
    """(found by a tester) The Übersicht's overdue responses end with "Erinnerungen an die
    Projekte …": the register shows the overdue ones, the reminders dialog over them."""
    page.filters.status_combo.setCurrentIndex(0)
    page.open_target(Target(Area.RECOMMENDATIONS, filter=TargetFilter.REMIND))
    assert page.filters.status_combo.currentText() == "überfällig"
    assert page.reminders_dialog is not None and page.reminders_dialog.isVisible()
    assert page.reminders_dialog.model.rowCount() == 3

    page.reminders_dialog.reject()
    page.open_target(Target(Area.RECOMMENDATIONS, filter=TargetFilter.OVERDUE))
    assert page.reminders_dialog is None  # the card and "… und 4 weitere": the register only
