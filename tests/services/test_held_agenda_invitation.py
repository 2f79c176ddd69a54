"""A held meeting's items moved into the order they were taken up in: the invitation (the
letter, and the Sitzungsmappe's) stays what was sent, and the completeness check of the
minutes names the items taken up in another order until "Änderungen der Tagesordnung"
mentions them."""

from __future__ import annotations

from dataclasses import replace

import pytest
from minutes_setup import Minutes, held_minutes
from pdf_reading import pages
from pdf_reading import text as pdf_text

from expertenrat.domain.agenda import AgendaItem
from expertenrat.services.annexes import AnnexesService
from expertenrat.services.minutes import MinutesService
from expertenrat.services.minutes_documents import MinutesDocumentsService


@pytest.fixture
def minutes(database, council, fields) -> Minutes:
    return held_minutes(database, council.id, fields["Stadtdaten"].id)


def move(agenda, minutes: Minutes, key: int, step: int) -> None:
    version = next(i.version for i in agenda.agenda(minutes.meeting_id).items if i.key == key)
    agenda.move(key, version, step)


def take_in_other_order(agenda, minutes: Minutes) -> None:
    """An urgent item taken up before "Verschiedenes" and, like "Beratung", before
    "Bericht"; "Verschiedenes" moved up before the urgent item and back (no change)."""
    _opening, _report, debate, misc = minutes.item_ids
    added = agenda.add_urgent(minutes.meeting_id, AgendaItem(0, "Eilantrag"), before=misc)
    urgent = next(i.key for i in added.items if i.urgent)
    move(agenda, minutes, debate, -1)
    move(agenda, minutes, urgent, -1)
    move(agenda, minutes, misc, -1)
    move(agenda, minutes, misc, 1)
    titles = [i.title for i in sorted(agenda.agenda(minutes.meeting_id).items, key=_place)]
    assert titles == ["Eröffnung", "Beratung", "Eilantrag", "Bericht", "Verschiedenes"]


def _place(item: AgendaItem) -> int:
    return item.position


def test_the_invitation_of_a_held_meeting_keeps_the_order_invited_to(
    database, actor, documents, agenda, minutes
) -> None:
    take_in_other_order(agenda, minutes)

    invited = ("TOP 2 Bericht", "TOP 3 Beratung", "TOP 4 Verschiedenes")
    letter = pdf_text(documents.invitation_pdf(minutes.meeting_id).pdf)
    order = [letter.index(item) for item in invited]
    assert order == sorted(order) and "Eilantrag" not in letter

    dossier = MinutesDocumentsService(database, documents, AnnexesService(database, actor))
    invitation, *rest = pages(dossier.dossier_pdf(minutes.meeting_id).pdf)[1:]
    order = [invitation.index(item) for item in invited]
    assert order == sorted(order)
    recorded = " ".join(rest)  # the minutes: in the order taken up
    assert recorded.index("TOP 2 Beratung") < recorded.index("TOP 4 Bericht")


def test_the_check_names_items_taken_up_in_another_order_until_the_minutes_say_so(
    database, actor, agenda, minutes
) -> None:
    service = MinutesService(database, actor)
    assert "agenda_order" not in {line.key for line in service.checklist(minutes.meeting_id).lines}
    take_in_other_order(agenda, minutes)

    checklist = service.checklist(minutes.meeting_id)
    line = next(line for line in checklist.lines if line.key == "agenda_order")
    # A warning (ok: finishing the draft is not refused), pointing at the field.
    assert (line.ok, line.warning, line.target.field) == (True, True, "agenda_changes")
    assert line.text == (
        "Die Punkte wurden in anderer Reihenfolge behandelt als eingeladen: TOP 2 „Beratung“ "
        "(in der Einladung TOP 3). Unter „Änderungen der Tagesordnung“ steht dazu nichts."
    )

    header = service.minutes(minutes.meeting_id).header
    typed = "TOP 3 der Einladung wurde vor TOP 2 beraten."
    service.save_header(minutes.meeting_id, replace(header, agenda_changes=typed))
    keys = {line.key for line in service.checklist(minutes.meeting_id).lines}
    assert "agenda_order" not in keys
