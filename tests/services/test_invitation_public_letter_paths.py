"""The public invitation after the paths a secretariat takes through the non-public part of
an invited meeting's agenda: none of them makes the public letter a "Geänderte
Tagesordnung", whose public part stood as it was. A sub-item added under a non-public item
(public by its own mark, non-public by its place) did (found by a tester). PDFs read back,
through the service the window calls and the OParl export's path (``public_invitation``)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from invited_agenda import CONSULTATION
from pdf_reading import text as pdf_text

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.meeting_document_titles import letter_title
from expertenrat.domain.public_invitation import public_invitation


def _item(agenda, meeting_id: int, title: str) -> AgendaItem:
    return next(i for i in agenda.agenda(meeting_id).items if i.title == title)


def _add_sub_item(agenda, meeting_id: int) -> None:
    parent = _item(agenda, meeting_id, "Stellenbesetzung")
    agenda.add(meeting_id, AgendaItem(0, "Bewerbungslage", kind=CONSULTATION), parent=parent.key)


def _add_top_level(agenda, meeting_id: int) -> None:
    agenda.add(meeting_id, AgendaItem(0, "Personalfrage", kind=CONSULTATION, public=False))


def _rename(agenda, meeting_id: int) -> None:
    agenda.update(replace(_item(agenda, meeting_id, "Stellenbesetzung"), title="Stellenplan"))


def _presenter(agenda, meeting_id: int) -> None:
    item = _item(agenda, meeting_id, "Vergabe Sensorik")
    agenda.update(replace(item, presenter="Herr Brandt", planned_minutes=20))


def _move_down(agenda, meeting_id: int) -> None:
    item = _item(agenda, meeting_id, "Stellenbesetzung")
    agenda.move(item.key, item.version, 1)


def _indent(agenda, meeting_id: int) -> None:
    item = _item(agenda, meeting_id, "Vergabe Sensorik")
    agenda.indent(item.key, item.version)


def _delete(agenda, meeting_id: int) -> None:
    item = _item(agenda, meeting_id, "Stellenbesetzung")
    agenda.delete(item.key, item.version)


def _delete_sub_item(agenda, meeting_id: int) -> None:
    _add_sub_item(agenda, meeting_id)
    # sent and then taken back: the sub-item is deleted again
    item = _item(agenda, meeting_id, "Bewerbungslage")
    agenda.delete(item.key, item.version)


@pytest.mark.parametrize(
    "change",
    [
        _add_sub_item,
        _add_top_level,
        _rename,
        _presenter,
        _move_down,
        _indent,
        _delete,
        _delete_sub_item,
    ],
)
def test_a_change_of_the_non_public_part_leaves_the_public_letter_as_it_was(
    documents, agenda, invited, change
) -> None:
    change(agenda, invited)
    full = documents.document(invited)
    assert full.agenda_changed  # the members' letter is a changed one

    public_doc = public_invitation(full)  # the OParl export's path
    public = pdf_text(documents.invitation_pdf(invited, public=True).pdf)  # the window's

    assert letter_title(public_doc).startswith("Einladung zur")
    assert "Geänderte" not in public and "Bitte beachten Sie" not in public
    assert "(neu)" not in public and "entfallen" not in public
    assert "Tagesordnung – Öffentlicher Teil" in public


def test_the_changed_agenda_sent_leaves_the_public_letter_as_it_was(
    documents, agenda, invited, meetings_service
) -> None:
    _add_sub_item(agenda, invited)
    meeting = meetings_service.get(invited)
    documents.record_invitation_sent(invited, meeting.version, meeting.invitation_sent_on)

    full = pdf_text(documents.invitation_pdf(invited).pdf)
    public = pdf_text(documents.invitation_pdf(invited, public=True).pdf)

    assert "Geänderte Tagesordnung – Nichtöffentlicher Teil" in full
    assert "Tagesordnung – Öffentlicher Teil" in full and "Bewerbungslage (neu)" in full
    assert "Geänderte" not in public and "(neu)" not in public


def test_a_new_presenter_of_a_public_item_changes_the_members_letter_only(
    documents, agenda, invited
) -> None:
    """The public letter names no presenters: to the public nothing changed."""
    agenda.update(replace(_item(agenda, invited, "Datenstrategie"), presenter="Frau Ortmann"))

    full = pdf_text(documents.invitation_pdf(invited).pdf)
    public = pdf_text(documents.invitation_pdf(invited, public=True).pdf)

    assert "Geänderte Tagesordnung – Öffentlicher Teil" in full
    assert "Tagesordnung – Nichtöffentlicher Teil" in full
    assert "Geänderte Tagesordnung – Nichtöffentlicher Teil" not in full
    assert "Der öffentliche Teil der Tagesordnung hat sich geändert." in full
    assert "Geänderte" not in public and "Bitte beachten Sie" not in public
