"""What a "Geänderte Tagesordnung" marks beyond new and dropped items: an item moved out of
the public part is dropped to the public and one moved into it is new there (the public
letter lost the one without a word); a renamed item is marked "(geändert)" with its title
then (it was not marked); standard items added again and dropped are never "entfallen";
and what is new is read from the trail's order, not from the PCs' clocks. PDFs read back."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from pdf_reading import text as pdf_text
from sqlalchemy import select

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.enums import AgendaItemKind
from expertenrat.services.agenda import AgendaService
from expertenrat.services.meeting_documents import MeetingDocumentsService
from expertenrat.store import models


def _item(agenda: AgendaService, meeting_id: int, title: str) -> AgendaItem:
    return next(i for i in agenda.agenda(meeting_id).items if i.title == title)


def _letters(documents: MeetingDocumentsService, meeting_id: int) -> tuple[str, str]:
    return (
        pdf_text(documents.invitation_pdf(meeting_id).pdf),
        pdf_text(documents.invitation_pdf(meeting_id, public=True).pdf),
    )


def test_an_item_moved_out_of_the_public_part_is_dropped_to_the_public(
    documents, agenda, invited
) -> None:
    sent = documents.document(invited).invitation_date
    agenda.update(replace(_item(agenda, invited, "Datenstrategie"), public=False))
    agenda.update(replace(_item(agenda, invited, "Vergabe Sensorik"), public=True))

    full, public = _letters(documents, invited)

    assert f"Gegenüber der Einladung vom {sent:%d.%m.%Y} entfallen: „Datenstrategie“." in public
    assert "Vergabe Sensorik (neu)" in public
    assert "Datenstrategie (bisher öffentlich)" in full  # still on the members' agenda
    assert "Vergabe Sensorik (bisher nichtöffentlich)" in full
    assert "entfallen" not in full


def test_a_renamed_item_is_marked_with_its_title_then(documents, agenda, invited) -> None:
    agenda.update(replace(_item(agenda, invited, "Datenstrategie"), title="Datenstrategie 2030"))
    agenda.update(replace(_item(agenda, invited, "Stellenbesetzung"), title="Stellenplan"))

    full, public = _letters(documents, invited)

    for letter in (full, public):
        assert "Datenstrategie 2030 (geändert) · bisher: „Datenstrategie“" in letter
    assert "Stellenplan (geändert) · bisher: „Stellenbesetzung“" in full
    assert "Stellenplan" not in public and "Stellenbesetzung" not in public
    assert "(neu)" not in full + public and "entfallen" not in full + public


def test_a_renamed_item_moved_into_the_public_part_is_new_there_without_its_title_then(
    documents, agenda, invited
) -> None:
    item = _item(agenda, invited, "Stellenbesetzung")
    agenda.update(replace(item, title="Personalentwicklung", public=True))

    full, public = _letters(documents, invited)

    assert "Personalentwicklung (geändert, bisher nichtöffentlich)" in full
    assert "Personalentwicklung (neu)" in public and "Stellenbesetzung" not in public


def test_standard_items_added_again_and_dropped_are_never_named_dropped(
    documents, agenda, invited
) -> None:
    """The agenda emptied after the invitation and the standard items added again
    (one entry for all of them): the one dropped again was never in the invitation."""
    listed = [i.title for i in agenda.agenda(invited).items]
    for item in agenda.agenda(invited).items:
        if item.parent is None:
            current = _item(agenda, invited, item.title)
            agenda.delete(current.key, current.version)
    agenda.add_opening_items(invited)
    again = _item(agenda, invited, "Genehmigung der Tagesordnung")
    agenda.delete(again.key, again.version)

    full = pdf_text(documents.invitation_pdf(invited).pdf)

    dropped = full.split("entfallen: ", 1)[1].split(".", 1)[0]
    assert dropped.count("Genehmigung der Tagesordnung") == 1  # the invitation's, once
    assert dropped.count("„") == len(listed)
    assert "Eröffnung (neu)" in full


def test_what_is_new_does_not_depend_on_the_pcs_clocks(
    database, documents, agenda, invited
) -> None:
    """The PC that sent the invitation ran three days behind, the one that added the item
    two years: the trail's order tells, not the times they wrote."""
    agenda.add(invited, AgendaItem(0, "Radverkehr", kind=AgendaItemKind.CONSULTATION))
    with database.transaction() as session:
        invitation = session.scalars(
            select(models.AuditEntry)
            .where(models.AuditEntry.entity == "meeting", models.AuditEntry.entity_id == invited)
            .order_by(models.AuditEntry.id.desc())
        ).first()
        assert invitation is not None and "eingeladen" in invitation.summary
        invitation.at -= timedelta(days=3)
        added = session.scalars(
            select(models.AgendaItem).where(models.AgendaItem.title == "Radverkehr")
        ).one()
        added.created -= timedelta(days=730)

    full = pdf_text(documents.invitation_pdf(invited).pdf)

    assert "Radverkehr (neu)" in full
    assert full.count("(neu)") == 1  # the invitation's items are not new
