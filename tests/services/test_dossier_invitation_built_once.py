"""The Sitzungsmappe builds its invitation document once: the invitation part is drawn
from the document the cover and the title are made of (found by review: it was built a
second time inside ``invitation_pdf``)."""

from __future__ import annotations

import pytest
from meeting_rows import add_meeting
from minutes_rows import held_meeting

from expertenrat.services import meeting_documents
from expertenrat.services.annexes import AnnexesService
from expertenrat.services.minutes_documents import MinutesDocumentsService


@pytest.mark.parametrize("public", [False, True], ids=["full", "public"])
@pytest.mark.parametrize("planned", [False, True], ids=["after", "before"])
def test_the_mappe_builds_the_invitation_document_once(
    database, documents, actor, council, fields, today, monkeypatch, planned, public
) -> None:
    if planned:
        meeting_id = add_meeting(database, council.id).meeting_id
    else:
        meeting_id = held_meeting(database, council.id, fields["Stadtdaten"].id, today).meeting_id
    service = MinutesDocumentsService(database, documents, AnnexesService(database, actor))
    built = []
    build = meeting_documents.meeting_documents_of

    def counted(session, meetings, *args, **kwargs):
        built.append([m.id for m in meetings])
        return build(session, meetings, *args, **kwargs)

    monkeypatch.setattr(meeting_documents, "meeting_documents_of", counted)

    service.dossier_pdf(meeting_id, public=public)

    assert built == [[meeting_id]]
