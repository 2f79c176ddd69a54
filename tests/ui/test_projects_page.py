"""The Projekte page driven like a user, on a database with the demo council."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace

import pytest
from merge_line import cancelling_the_merge_keeps_the_input
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSplitter
from pytestqt.exceptions import TimeoutError as NotSettled
from settling import settle
from table_widths import NARROW_WINDOW, fits, headers_whole, shows_start, shows_whole
from verwerfen import closing_asks_first

from expertenrat.domain.enums import MeetingState, ProjectPhase
from expertenrat.domain.field_limits import PROJECT
from expertenrat.domain.projects import Project
from expertenrat.ui.project_detail_panel import ConsultationsModel
from expertenrat.ui.project_form import ProjectForm
from expertenrat.ui.projects_table_model import ProjectsTableModel
from expertenrat.ui.record_page_layout import BESIDE_MIN_WIDTH
from tests.ui.settling import exposed

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done

HOSTILE = """Kim "K" & <Co>; O'Neil 🚀 مرحبا שלום"""


@pytest.fixture
def services(demo_services):
    """These tests work on the demo council."""
    return demo_services


@pytest.fixture
def window(make_window, services, today):
    window = make_window()
    window.show()
    window.show_area(window.pages.projects)
    return window


@pytest.fixture
def page(window):
    return window.pages.projects


def _titles(page) -> list[str]:
    proxy = page.proxy
    return [proxy.index(r, ProjectsTableModel.COLUMN_TITLE).data() for r in range(proxy.rowCount())]


def _select(page, title: str) -> Project:
    for row in range(page.proxy.rowCount()):
        project = page.proxy.index(row, 0).data(ProjectsTableModel.ObjectRole)
        if project.title == title:
            page.view.selectRow(row)
            page.view.setCurrentIndex(page.proxy.index(row, 0))
            return project
    raise AssertionError(f"{title} not in the table")


def _council_id(page) -> int:
    return page._council_id


def test_projekte_follows_mitglieder_in_the_sidebar_and_lists_the_projects(window, page):
    labels = [label for label, _page in window.areas]
    assert labels[labels.index("Mitglieder") + 1] == "Projekte"
    assert window.stack.currentWidget() is page
    titles = _titles(page)
    assert len(titles) == 7
    assert titles == sorted(titles, key=str.casefold)
    assert page.count_label.text() == "7 Projekte"


def test_a_project_is_created_through_the_dialog_with_partners_in_order(page, services, qtbot):
    page.new_button.click()
    dialog = page.project_dialog
    form = dialog.form
    form.title_edit.setText(HOSTILE)
    form.short_code_edit.setText("K&C")
    form.field_combo.setCurrentIndex(form.field_combo.findText("Soziale Stadt"))
    form.phase_combo.setCurrentIndex(form.phase_combo.findText("Verstetigung"))
    form.contact_email_edit.setText("kim@example.org")
    form.partners_editor.add("Universität Rostock")
    form.partners_editor.add("شركة المدينة الذكية")
    qtbot.keyClick(form.partners_editor.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    form.description_edit.setPlainText(f"Zeile 1\n{HOSTILE}")

    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.save_button.click()

    assert HOSTILE in _titles(page)
    assert page.selected().title == HOSTILE  # the new project is selected
    stored = services.projects.project(page.selected().id)
    assert stored.partners == ("شركة المدينة الذكية", "Universität Rostock")
    assert (stored.short_code, stored.phase) == ("K&C", ProjectPhase.OPERATION)
    assert stored.description == f"Zeile 1\n{HOSTILE}"
    assert page.count_label.text() == "8 Projekte"


def test_an_empty_title_is_refused_under_the_field_and_nothing_is_saved(page, services):
    page.new_button.click()
    dialog = page.project_dialog
    dialog.form.field_combo.setCurrentIndex(0)
    dialog.form.contact_email_edit.setText("kein-at-zeichen")

    dialog.save_button.click()

    assert dialog.isVisible()
    assert dialog.message("title") == "Bitte geben Sie den Titel des Projekts an."
    assert "sieht nicht gültig aus" in dialog.message("contact_email")
    assert len(services.projects.projects(_council_id(page))) == 7


def test_a_stale_save_offers_both_versions_and_saves_the_choice(page, services, qtbot):
    """Found by a tester: the refusal stayed in the dialog for good (every save was
    refused again), so what was typed had to be typed anew after reopening."""
    project = _select(page, "Open-Data-Portal 2.0")
    page.edit_button.click()
    dialog = page.project_dialog
    theirs = "Portal & Schnittstellen <API>, „offen“ 😀 – Stand Dezember"
    services.projects.update(  # someone else
        replace(project, lead_unit="Hauptamt", description=theirs)
    )
    mine = "\n".join(["Meine Beschreibung: Datensätze & Metadaten <DCAT-AP.de>, „Ü“."] * 40)
    dialog.form.contact_name_edit.setText("Neue Person")
    dialog.form.description_edit.setPlainText(mine)

    dialog.save_button.click()

    assert dialog.isVisible()
    assert "inzwischen von jemand anderem geändert" in dialog.general_message()
    assert dialog.form.contact_name_edit.text() == "Neue Person"
    assert services.projects.project(project.id).contact_name == "Till Marquardt"
    merge = dialog.merge_dialog
    assert set(merge.choices) == {"lead_unit", "contact_name", "description"}
    assert merge.choices["lead_unit"][1].isChecked()  # only the other side changed it
    assert merge.choices["contact_name"][0].isChecked()  # only this side changed it
    assert merge.choices["description"][0].isChecked()  # both: mine, to be confirmed
    merge.apply_button.click()

    assert not dialog.isVisible()
    stored = services.projects.project(project.id)
    assert (stored.lead_unit, stored.contact_name, stored.description) == (
        "Hauptamt",
        "Neue Person",
        mine,
    )


def test_while_the_merge_is_open_the_line_under_the_form_points_to_it(page, services):
    """While "Gleichzeitig geändert" was open, the line under the project form said "Bitte
    laden Sie die Daten neu …": there is no reloading there, and it would lose the typed
    input. It points to the merge now; after its "Abbrechen" it says the input is kept and
    "Speichern" shows both versions again; the dialog no longer holds the closed window."""
    project = _select(page, "Open-Data-Portal 2.0")
    page.edit_button.click()
    dialog = page.project_dialog
    services.projects.update(replace(project, lead_unit="Hauptamt"))  # someone else
    dialog.form.contact_name_edit.setText("Neue Person & <Co>")

    dialog.save_button.click()

    cancelling_the_merge_keeps_the_input(
        dialog,
        dialog.general_message,
        dialog.save_button.click,
        "Das Projekt „Open-Data-Portal 2.0 (ODP)“ wurde inzwischen von jemand anderem geändert.",
        "„Speichern“ zeigt beide Fassungen noch einmal, „Abbrechen“ verwirft sie.",
    )
    assert dialog.isVisible() and dialog.form.contact_name_edit.text() == "Neue Person & <Co>"


def test_enter_opens_the_selected_project(page, qtbot):
    _select(page, "Klimasensoren an Schulen")
    page.view.setFocus()

    qtbot.keyClick(page.view, Qt.Key.Key_Return)

    assert page.project_dialog is not None
    assert page.project_dialog.form.title_edit.text() == "Klimasensoren an Schulen"
    assert page.project_dialog.form.partners_editor.names() == (
        "Hochschule Wismar",
        "Stadtwerke Rostock AG",
    )


def test_filters_and_search_as_you_type(page, qtbot):
    page.field_combo.setCurrentIndex(page.field_combo.findText("Umwelt"))
    assert _titles(page) == [
        "Intelligente Parkraumsteuerung Warnemünde",
        "Klimasensoren an Schulen",
    ]
    page.phase_combo.setCurrentIndex(page.phase_combo.findText("Umsetzung"))
    assert _titles(page) == ["Klimasensoren an Schulen"]
    assert page.count_label.text() == "1 von 7 Projekten"
    page.field_combo.setCurrentIndex(0)
    page.phase_combo.setCurrentIndex(0)

    qtbot.keyClicks(page.search_edit, "frundt")  # the contact, Ole Fründt
    assert _titles(page) == ["Intelligente Parkraumsteuerung Warnemünde"]
    page.search_edit.setText("Schülen")  # accents aside the other way round
    assert _titles(page) == ["Klimasensoren an Schulen"]
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "GROSS KLEIN")  # ß spelt out, any case
    assert _titles(page) == ["Smarte Quartiersarbeit Groß Klein"]
    qtbot.keyClicks(page.search_edit, " nichts")
    assert page.table_stack.currentWidget() is page.empty_label
    assert "Keine Treffer" in page.empty_label.text()


def test_entf_on_a_project_in_use_asks_then_says_where_it_is_used(page, dialogs, services, qtbot):
    project = _select(page, "Digitaler Zwilling Rostock")
    first_use = services.projects.consultations(project.id)[0].items[0].where
    page.view.setFocus()

    qtbot.keyClick(page.view, Qt.Key.Key_Delete)

    kinds = [kind for kind, _title, _text in dialogs.messages]
    assert kinds == ["question", "warning"]
    warning = dialogs.warnings()[0]
    assert warning.startswith(
        "Das Projekt „Digitaler Zwilling Rostock (DZR)“ wird noch verwendet und kann nicht "
        "gelöscht werden:\n– Beratung in der "
    )
    assert first_use in warning  # "3. Sitzung am 15.06.2025, TOP 5"
    assert "als abgeschlossen markieren" in warning
    assert "Digitaler Zwilling Rostock" in _titles(page)


def _add_and_select_an_unused_project(page, services) -> None:
    """The project "Neu & unbenutzt", which no meeting or recommendation names, selected."""
    fields = {f.name: f.id for f in services.settings.action_fields(_council_id(page))}
    services.projects.create(
        _council_id(page),
        Project(id=None, title="Neu & unbenutzt", action_field_id=fields["Umwelt"]),
    )
    page.refresh()
    _select(page, "Neu & unbenutzt")


def test_an_unused_project_is_deleted_after_confirmation(page, dialogs, services, qtbot):
    _add_and_select_an_unused_project(page, services)
    dialogs.answer_yes = False
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert "Neu & unbenutzt" in _titles(page)  # "Nein" keeps it

    dialogs.answer_yes = True
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)

    assert "Neu & unbenutzt" not in _titles(page)
    assert dialogs.warnings() == []


def test_closing_marks_the_project_abgeschlossen_and_keeps_it_selected(page, services):
    project = _select(page, "Klimasensoren an Schulen")

    page.close_button.click()

    assert services.projects.project(project.id).phase is ProjectPhase.COMPLETED
    assert page.selected().id == project.id
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(project.id), 0)).row()
    assert page.proxy.index(row, ProjectsTableModel.COLUMN_PHASE).data() == "abgeschlossen"
    assert not page.close_button.isEnabled()


def test_closing_a_project_that_owes_answers_says_which_first(page, services, dialogs):
    """Found by a tester: a project ended with one click while the council still awaited
    its answers, which "Erinnerungen …" then left out unseen."""
    project = _select(page, "Klimasensoren an Schulen")
    dialogs.answers.append(False)

    page.close_button.click()

    (kind, title, text) = dialogs.messages[-1]
    assert (kind, title) == ("question", "Projekt abschließen")
    owed = [r.code for r in services.projects.recommendations(project.id) if r.overdue]
    assert owed and all(code in text for code in owed) and "„Erinnerungen …“" in text
    assert services.projects.project(project.id).phase is not ProjectPhase.COMPLETED
    asked = len(dialogs.messages)
    _select(page, "Digitaler Zwilling Rostock")  # owes nothing
    page.close_button.click()
    assert len(dialogs.messages) == asked and not page.close_button.isEnabled()


def test_setting_the_phase_abgeschlossen_asks_as_closing_does(page, services, dialogs):
    """Found by a tester: the phase "Abgeschlossen" chosen in "Bearbeiten …" ended a
    project without the question "Abschließen" asks where answers are still awaited."""
    project = _select(page, "Klimasensoren an Schulen")
    dialogs.answers.append(False)
    page.close_button.click()  # what "Abschließen" asks
    asked_by_closing = dialogs.messages[-1]
    page.edit_button.click()
    dialog = page.project_dialog
    form = dialog.form
    form.phase_combo.setCurrentIndex(form.phase_combo.findData(ProjectPhase.COMPLETED.value))
    dialogs.answers.append(False)

    dialog.save_button.click()

    assert dialogs.messages[-1] == asked_by_closing
    assert dialog.isVisible()
    assert services.projects.project(project.id).phase is not ProjectPhase.COMPLETED
    dialogs.answers.append(True)
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert services.projects.project(project.id).phase is ProjectPhase.COMPLETED


def test_closing_from_the_keyboard_leaves_the_focus_at_the_project(window, page, qtbot):
    """Found by a tester: "Abschließen" pressed with the space bar disabled itself and Qt
    passed the focus on to "Löschen …"; now the table has it, at the project."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    project = _select(page, "Klimasensoren an Schulen")
    page.close_button.setFocus()

    qtbot.keyClick(page.close_button, Qt.Key.Key_Space)

    assert not page.close_button.isEnabled()
    assert QApplication.focusWidget() is page.view
    assert page.selected().id == project.id


def test_the_detail_pane_lists_consultations_and_recommendations(page, services):
    project = _select(page, "Digitaler Zwilling Rostock")

    recommendations = services.projects.recommendations(project.id)
    detail = page.detail
    assert detail.title_label.text() == "Digitaler Zwilling Rostock (DZR)"
    assert detail.partners_label.text() == "Partner: Universität Rostock; Fraunhofer IGD"
    assert detail.recommendations.rowCount() == len(recommendations) > 0
    assert detail.recommendations.index(0, 0).data() == recommendations[0].code
    assert detail.empty_hints() == []


def test_an_overdue_recommendation_beside_the_project_is_red_as_in_the_register(
    page, services, today
):
    """(found by a tester) the register shows overdue rows in red, the project's list did
    not."""
    rows = services.recommendations.list(_council_id(page), today=today)
    late = next(r for r in rows if r.overdue and r.projects)
    _select(page, late.projects[0].title)

    model = page.detail.recommendations
    codes = [model.index(r, 0).data() for r in range(model.rowCount())]
    red = [
        model.index(r, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
        for r in range(model.rowCount())
    ]
    overdue = {r.code for r in rows if r.overdue}
    assert red == [code in overdue for code in codes] and any(red) and not all(red)
    shown = codes.index(late.code)
    assert model.index(shown, 0).data(Qt.ItemDataRole.ForegroundRole).name() == "#b00020"
    tooltip = model.index(shown, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "überfällig" in tooltip and tooltip[1:] == late.overdue_text[1:]


def test_enter_on_a_recommendation_or_consultation_beside_the_project_opens_it(
    window, page, services, qtbot
):
    """As the Übersicht's lines do: the recommendation in the register, the meeting in
    Sitzungen; before, Enter and a double-click did nothing."""
    project = _select(page, "Digitaler Zwilling Rostock")
    (first, *_rest) = services.projects.recommendations(project.id)
    _enter_on_the_first_line(qtbot, page.detail.recommendations_view)

    register = window.pages.recommendations
    assert window.stack.currentWidget() is register
    assert register.selected().id == first.id
    window.show_area(page)
    consultation = page.detail.consultations.row(0)
    _enter_on_the_first_line(qtbot, page.detail.consultations_view)
    meetings = window.pages.meetings
    assert window.stack.currentWidget() is meetings
    assert meetings.selected().id == consultation.meeting_id


def _enter_on_the_first_line(qtbot, view) -> None:
    view.setCurrentIndex(view.model().index(0, 0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)


def test_the_detail_pane_heads_a_recommendation_s_code_kennung_as_the_register_does(page):
    """The project's own code is its Kürzel; a recommendation's is its Kennung everywhere
    (register, exports), also beside the project it is addressed to."""
    _select(page, "Digitaler Zwilling Rostock")

    headers = page.detail.recommendations
    assert [headers.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Kennung",
        "Titel",
        "Status",
    ]


def test_a_meeting_with_an_item_and_its_sub_item_is_one_consultation(page, services):
    """The demo's 7. Sitzung (invited, still ahead) deals with the project under TOP 7 and
    7.1 (its TOP 4 approves the 5th meeting's minutes, which the 6th put off, TOP 5 the
    6th's): one
    consultation, as the Tätigkeitsbericht and the Übersicht count it."""
    project = _select(page, "Digitaler Zwilling Rostock")
    consultations = services.projects.consultations(project.id)
    meetings = {item.meeting_id for c in consultations for item in c.items}

    rows = [
        [page.detail.consultations.index(row, column).data() for column in (0, 2, 3)]
        for row in range(page.detail.consultations.rowCount())
    ]
    assert rows == [
        ["3. Sitzung", "7", "Digitaler Zwilling Rostock: Datenschutzkonzept und Betreibermodell"],
        [
            "7. Sitzung (geplant)",
            "7, 7.1",
            "Digitaler Zwilling Rostock: Zwischenbericht und nächste Meilensteine; "
            "Empfehlung an das Projekt",
        ],
    ]
    assert len(consultations) == len(meetings) == 2
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(project.id), 0)).row()
    assert page.proxy.index(row, ProjectsTableModel.COLUMN_CONSULTATIONS).data() == "2"


def test_a_cancelled_meeting_is_no_consultation_in_the_column_or_the_panel(page, services):
    """The demo's 7. Sitzung is cancelled: only the held 3. Sitzung consulted the project."""
    project = _select(page, "Digitaler Zwilling Rostock")
    (invited,) = [
        c.meeting_id
        for c in services.projects.consultations(project.id)
        if c.meeting_state is MeetingState.INVITED
    ]
    services.meetings.change_state(
        invited, services.meetings.get(invited).version, MeetingState.CANCELLED, "Krankheit"
    )

    page.refresh()

    detail = page.detail.consultations
    assert [detail.index(row, 0).data() for row in range(detail.rowCount())] == ["3. Sitzung"]
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(project.id), 0)).row()
    assert page.proxy.index(row, ProjectsTableModel.COLUMN_CONSULTATIONS).data() == "1"


def test_a_new_project_shows_empty_hints_in_the_detail_pane(page, services):
    fields = {f.name: f.id for f in services.settings.action_fields(_council_id(page))}
    services.projects.create(
        _council_id(page), Project(id=None, title="Frisch", action_field_id=fields["Umwelt"])
    )
    page.refresh()

    _select(page, "Frisch")

    assert page.detail.empty_hints() == [
        "Noch in keiner Sitzung beraten.",
        "Noch keine Empfehlungen an dieses Projekt.",
    ]


def test_with_no_project_chosen_the_detail_pane_claims_nothing_about_one(page):
    _select(page, "Digitaler Zwilling Rostock")
    page.view.clearSelection()

    assert page.detail.title_label.text() == "Kein Projekt gewählt"
    assert page.detail.empty_hints() == []
    assert not page.detail.consultations_view.isVisibleTo(page.detail)


def test_with_no_project_chosen_title_and_hint_sit_together_at_the_top(window, page, qtbot):
    window.resize(1280, 800)
    exposed(window)
    page.view.clearSelection()
    detail = page.detail
    title, hint = detail.title_label, detail.partners_label
    assert hint.text().startswith("Wählen Sie ein Projekt")
    assert detail.height() > 400

    # Each label as high as its text (a taller one shows it in its middle), one under the
    # other: one empty state at the top, not the title at a third and the hint further down.
    assert title.height() <= title.heightForWidth(title.width()) + 4
    assert hint.height() <= hint.heightForWidth(hint.width()) + 4
    assert hint.geometry().bottom() < 100


def test_the_page_has_the_page_shape_and_nothing_to_flush(page):
    assert page.flush(lambda: None) is True


def test_cancelling_a_changed_dialog_asks_before_dropping_the_typing(page, dialogs):
    _select(page, "Open-Data-Portal 2.0")
    page.edit_button.click()
    dialog = page.project_dialog
    dialog.form.partners_editor.add("Neuer Partner")

    closing_asks_first(
        dialogs,
        dialog,
        dialog.reject,
        lambda: "Neuer Partner" in dialog.form.partners_editor.names(),
    )


def test_the_form_limits_each_line_to_its_field_length(qtbot):
    form = ProjectForm([])
    qtbot.addWidget(form)

    lengths = {name: edit.maxLength() for name, edit in form.line_edits().items()}

    assert lengths == {name: PROJECT[name].max_length for name in lengths}
    assert set(lengths) == set(PROJECT) - {"description"}


@pytest.mark.parametrize("width", [1440, 1200])
def test_the_columns_fit_the_table_at_every_window_width(window, page, qtbot, width):
    # Two wide columns give way together; a narrower window fits them again.
    window.resize(width, 800)
    exposed(window)
    header = page.view.horizontalHeader()
    qtbot.waitUntil(lambda: page.view.horizontalScrollBar().maximum() == 0, timeout=WAIT)
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert header.sectionViewportPosition(shown[-1]) + header.sectionSize(shown[-1]) <= (
        page.view.viewport().width()
    )


def test_the_title_takes_the_room_and_every_header_shows_whole(window, page, qtbot):
    window.resize(1440, 900)
    exposed(window)
    view, header = page.view, page.view.horizontalHeader()
    assert fits(view) and shows_whole(view, ProjectsTableModel.COLUMN_TITLE)
    wide = view.viewport().width()
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: view.viewport().width() < wide, timeout=WAIT)
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert fits(view)
    assert headers_whole(view, shown)


def test_on_a_1280_px_screen_the_detail_gives_way_to_the_titles(
    app_style_sheet, make_window, qtbot
):
    window = make_window()
    window.resize(*NARROW_WINDOW)
    window.show()
    window.show_area(window.pages.projects)
    exposed(window)
    page = window.pages.projects
    splitter = page.findChild(QSplitter)
    assert BESIDE_MIN_WIDTH <= splitter.sizes()[1] < 360
    assert fits(page.view) and shows_start(page.view, ProjectsTableModel.COLUMN_TITLE, 20)
    assert page.view.horizontalHeader().isSectionHidden(ProjectsTableModel.COLUMN_CONSULTATIONS)

    _select(page, "Intelligente Parkraumsteuerung Warnemünde")
    buttons = (page.new_button, page.edit_button, page.close_button, page.delete_button)
    assert all(b.width() > b.fontMetrics().horizontalAdvance(b.text()) for b in buttons)
    detail = page.detail
    for view in (detail.consultations_view, detail.recommendations_view):
        qtbot.waitUntil(
            lambda v=view: v.isVisible() and v.horizontalScrollBar().maximum() == 0, timeout=WAIT
        )

    splitter.moveSplitter(splitter.sizes()[0] - 40, 1)  # the user widens the detail
    dragged = splitter.sizes()[1]
    window.resize(1440, 900)
    qtbot.waitUntil(lambda: page.view.viewport().width() > 700, timeout=WAIT)
    assert splitter.sizes()[1] == dragged


def test_after_entf_the_next_project_is_selected_for_the_keyboard(page, dialogs, services, qtbot):
    _add_and_select_an_unused_project(page, services)
    titles = _titles(page)
    after = titles[titles.index("Neu & unbenutzt") + 1]
    page.view.setFocus()

    qtbot.keyClick(page.view, Qt.Key.Key_Delete)

    assert page.selected().title == after  # not nowhere: Entf and Enter go on from here
    assert page.view.currentIndex().row() == page.view.selectionModel().selectedRows()[0].row()


def test_the_lists_beside_a_project_keep_to_the_panel_s_width(window, page, qtbot) -> None:
    """Showing a project resized the lists' columns to their contents, the stretched title
    too: back on Projekte in a window narrowed to 1024 px, the title kept its whole text
    (519 px in a 237 px list), both lists scrolled sideways and the recommendations' Status
    went out of sight (found by a tester)."""
    window.resize(1280, 700)
    settle(qtbot)
    _select(page, "Bürgerservice-Chatbot")
    settle(qtbot)
    window.resize(1024, 700)
    window.show_area(page)
    settle(qtbot)
    _select(page, "Bürgerservice-Chatbot")
    settle(qtbot)

    for view in (page.detail.consultations_view, page.detail.recommendations_view):
        assert view.model().rowCount() > 0
        header = view.horizontalHeader()
        assert header.length() <= view.viewport().width(), view.accessibleName()


def test_a_planned_meeting_beside_a_project_is_cut_not_scrolled_to(window, page, qtbot) -> None:
    """At 1024 x 640 the consultations' Sitzung column sized to its contents: beside
    "Digitaler Zwilling Rostock", consulted in the "7. Sitzung (geplant)", the list scrolled
    sideways by about 60 px, the Titel out of sight (found by a tester). The label is cut
    with "…" instead, its tooltip whole; an ordinary label and the Titel stay in sight."""
    window.resize(1024, 640)
    window.show_area(page)
    _select(page, "Digitaler Zwilling Rostock")
    view = page.detail.consultations_view
    model, header = view.model(), view.horizontalHeader()
    qtbot.waitUntil(lambda: view.isVisible() and model.rowCount() == 2, timeout=WAIT)

    with suppress(NotSettled):  # the layouts settle; what is left scrolls sideways
        qtbot.waitUntil(lambda: fits(view), timeout=WAIT)
    assert fits(view) and view.horizontalScrollBar().maximum() == 0
    planned = model.index(1, ConsultationsModel.MEETING)
    assert planned.data() == "7. Sitzung (geplant)"
    assert not shows_whole(view, ConsultationsModel.MEETING)  # cut …
    assert planned.data(Qt.ItemDataRole.ToolTipRole).startswith("7. Sitzung (geplant)")  # … said
    ordinary = model.index(0, ConsultationsModel.MEETING).data()
    assert ordinary == "3. Sitzung"
    room = header.sectionSize(ConsultationsModel.MEETING)
    assert view.fontMetrics().horizontalAdvance(ordinary) < room - 4  # whole, no "…"
    assert shows_start(view, ConsultationsModel.TITLE, 2)  # "Di…": the Titel keeps its place
    end = header.sectionViewportPosition(ConsultationsModel.TITLE) + header.sectionSize(
        ConsultationsModel.TITLE
    )
    assert end <= view.viewport().width()


def test_a_planned_meeting_s_label_shows_whole_where_the_panel_has_room(window, page, qtbot):
    window.resize(1280, 800)
    window.show_area(page)
    _select(page, "Digitaler Zwilling Rostock")
    view = page.detail.consultations_view
    qtbot.waitUntil(lambda: view.isVisible() and view.model().rowCount() == 2, timeout=WAIT)

    qtbot.waitUntil(lambda: shows_whole(view, ConsultationsModel.MEETING), timeout=WAIT)
    assert fits(view)


def test_no_hit_among_one_project_says_so_in_the_singular(page, services):
    """(found by review) "… um alle 1 Projekte zu sehen"."""
    from expertenrat.domain.councils import CouncilSettings

    other = services.settings.create_council(
        CouncilSettings(id=None, name="Smarte Köpfe", city="Rostock")
    )
    field = services.settings.action_fields(other.id)[0].id
    services.projects.create(other.id, Project(None, "Klimaportal", action_field_id=field))
    page.set_council(other.id)
    page.refresh()
    page.search_edit.setText("xyz")

    assert page.empty_label.text().endswith("um das eine Projekt zu sehen.")
