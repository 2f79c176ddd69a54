"""A "Geänderte Tagesordnung" marks what changed since the invitation: items added since as
"(neu)", items the invitation listed and that are gone as "Entfallen"; the public letter
names only public ones. Members had to compare two letters to see it (found by a tester).
PDFs read back."""

from __future__ import annotations

from invited_agenda import CONSULTATION, invite_with_items
from pdf_reading import text as pdf_text

from expertenrat.domain.agenda import AgendaItem
from expertenrat.services.agenda import AgendaService


def _delete(agenda: AgendaService, meeting_id: int, title: str) -> None:
    item = next(i for i in agenda.agenda(meeting_id).items if i.title == title)
    agenda.delete(item.key, item.version)


def test_new_items_are_marked_and_dropped_ones_listed(documents, agenda, invited) -> None:
    sent = documents.document(invited).invitation_date
    agenda.add(invited, AgendaItem(0, "Radverkehrskonzept", kind=CONSULTATION))
    agenda.add(invited, AgendaItem(0, "Kurzfristiger Punkt", kind=CONSULTATION))
    _delete(agenda, invited, "Kurzfristiger Punkt")  # added and dropped since: not named
    _delete(agenda, invited, "Datenstrategie")
    _delete(agenda, invited, "Stellenbesetzung")

    full = pdf_text(documents.invitation_pdf(invited).pdf)
    public = pdf_text(documents.invitation_pdf(invited, public=True).pdf)

    assert "Radverkehrskonzept (neu)" in full and "Radverkehrskonzept (neu)" in public
    assert "Bericht der Geschäftsstelle (neu)" not in full
    assert "Vergabe Sensorik (neu)" not in full
    assert (
        f"Gegenüber der Einladung vom {sent:%d.%m.%Y} entfallen: „Datenstrategie“; "
        "„Stellenbesetzung“ (nichtöffentlich)." in full
    )
    assert f"Gegenüber der Einladung vom {sent:%d.%m.%Y} entfallen: „Datenstrategie“." in public
    assert "Stellenbesetzung" not in public and "Kurzfristiger" not in full + public


def test_a_change_of_the_non_public_part_alone_marks_nothing_in_public(
    documents, agenda, invited
) -> None:
    agenda.add(invited, AgendaItem(0, "Personalfrage", kind=CONSULTATION, public=False))
    _delete(agenda, invited, "Stellenbesetzung")

    full = pdf_text(documents.invitation_pdf(invited).pdf)
    public = pdf_text(documents.invitation_pdf(invited, public=True).pdf)

    assert "Personalfrage (neu)" in full and "„Stellenbesetzung“ (nichtöffentlich)" in full
    assert "(neu)" not in public and "entfallen" not in public


def test_the_first_invitation_marks_nothing(documents, invited) -> None:
    text = pdf_text(documents.invitation_pdf(invited).pdf)

    assert "(neu)" not in text and "entfallen" not in text


def test_a_dropped_title_quoting_something_gets_single_marks_inside(
    documents, agenda, meetings_service, council
) -> None:
    """„Leitbild ‚Rostock 2030‘“, not „Leitbild „Rostock 2030““, read as two quotations
    (found by a tester)."""
    invited = invite_with_items(
        meetings_service, agenda, council.id, (("Leitbild „Rostock 2030“", True),)
    )
    _delete(agenda, invited, "Leitbild „Rostock 2030“")

    full = pdf_text(documents.invitation_pdf(invited).pdf)

    assert "entfallen: „Leitbild ‚Rostock 2030‘“." in full
