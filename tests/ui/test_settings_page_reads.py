"""Einstellungen reads a council's settings once, as it is shown, not while hidden (found by
a helper: six statements at every start and council switch, shown or not, and six more as
the page was first shown; a round trip each on a server)."""

from __future__ import annotations

from client_statements import recorded_statements
from settings_page_alone import settings_page_alone

from expertenrat.domain.councils import CouncilSettings


def test_the_settings_are_read_as_the_page_is_shown_and_once(qtbot, services, dialogs):
    create = services.settings.create_council
    rostock = create(CouncilSettings(id=None, name="Rat", city="Rostock"))
    wismar = create(CouncilSettings(id=None, name="Beirat", city="Wismar"))
    page = settings_page_alone(qtbot, services, dialogs)
    engine = services.database.engine

    with recorded_statements(engine) as hidden:
        page.set_council(rostock.id)
    with recorded_statements(engine) as shown:
        page.refresh()  # as the window shows it
    with recorded_statements(engine) as switched:
        page.set_council(wismar.id)

    assert hidden == switched == []
    reads = [s for s in shown if s.startswith("SELECT")]  # not SQLite's BEGIN
    assert len(reads) == len(set(reads)) == 6  # the council, fields, periods, templates
    assert page.council_form.council_fields.city_edit.text() == "Rostock"
    page.refresh()
    assert page.council_form.council_fields.city_edit.text() == "Wismar"
    assert not page.has_unsaved_changes()
