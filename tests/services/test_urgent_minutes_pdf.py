"""Urgent items in the minutes, read back from the PDFs (SQLite and PostgreSQL): marked
"(Dringlichkeitsantrag)", the extension of the agenda recorded among the Feststellungen,
a non-public one left out of the public version; the checklist asks for the vote on
taking one up."""

from __future__ import annotations

import pytest
from minutes_setup import Minutes, held_minutes
from pdf_reading import outline, text

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.enums import AgendaItemKind
from expertenrat.domain.minutes_checklist_items import URGENT_VOTE_MISSING
from expertenrat.reports.minutes_pdf import render_minutes
from expertenrat.services.agenda import AgendaService
from expertenrat.services.minutes import MinutesService
from expertenrat.services.minutes_assembly import minutes_document
from expertenrat.store import models

OPEN = "Radwege & <Ampeln> \"zitiert\" 'x'"  # Arabic and emoji: test_urgent_items
SECRET = "Grundstücksankauf Warnowufer"


@pytest.fixture
def minutes(database, council, fields, actor) -> Minutes:
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    agenda = AgendaService(database, actor)
    for title, public in ((OPEN, True), (SECRET, False)):
        item = AgendaItem(0, title, kind=AgendaItemKind.CONSULTATION, public=public)
        agenda.add_urgent(minutes.meeting_id, item)
    return minutes


def rendered(database, meeting_id: int, *, public: bool) -> bytes:
    with database.reading() as session:
        meeting = session.get(models.Meeting, meeting_id)
        return render_minutes(minutes_document(session, meeting, public=public)).pdf


def test_the_full_minutes_mark_urgent_items_and_record_the_extension(database, minutes):
    pdf = rendered(database, minutes.meeting_id, public=False)
    printed = text(pdf)

    assert f"TOP 5 {OPEN} (Dringlichkeitsantrag)" in printed
    assert f"TOP 6 {SECRET} (Dringlichkeitsantrag)" in printed
    assert (
        f"Die Tagesordnung wurde um TOP 5 „{OPEN}“ und TOP 6 „{SECRET}“ als "
        "Dringlichkeitsanträge erweitert."
    ) in printed
    assert "TOP 4 Verschiedenes (Dringlichkeitsantrag)" not in printed
    # Found by review: it read "ohne Änderungen festgestellt" above the extension.
    assert "Die Tagesordnung wurde festgestellt. Die Tagesordnung wurde um TOP 5" in printed
    assert "ohne Änderungen" not in printed
    assert f"TOP 5 {OPEN} (Dringlichkeitsantrag)" in outline(pdf)


def test_the_public_minutes_leave_a_non_public_urgent_item_out(database, minutes):
    printed = text(rendered(database, minutes.meeting_id, public=True))

    assert f"TOP 5 {OPEN} (Dringlichkeitsantrag)" in printed
    assert (
        f"Die Tagesordnung wurde um TOP 5 „{OPEN}“ als Dringlichkeitsantrag erweitert."
    ) in printed
    assert SECRET not in printed
    assert printed.count("(Dringlichkeitsantrag)") == 2  # the agenda's line and the item's


def test_the_checklist_asks_for_the_vote_on_taking_an_urgent_item_up(
    database, actor, minutes
) -> None:
    lines = [
        line.text for line in MinutesService(database, actor).checklist(minutes.meeting_id).lines
    ]

    assert f"TOP 5 {OPEN}: {URGENT_VOTE_MISSING}" in lines
    assert f"TOP 6 {SECRET}: {URGENT_VOTE_MISSING}" in lines
