"""A council renamed after a meeting's minutes were approved: that meeting's invitation
(alone and in the Sitzungsmappe) is headed as the approved minutes name the council, a
later meeting's by the new name (found by a tester: the Sitzungsmappe named the council
two ways)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from pdf_reading import read, text

from expertenrat.services.context import Services
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

OLD, NEW = "Smart City Expert*innenrat", "Digitalbeirat Rostock"


@pytest.fixture
def services(demo_file) -> Iterator[Services]:
    db = open_database(database_url(str(demo_file)))
    yield Services.create(db, "Frau Schulz")
    db.close()


def test_an_approved_meetings_documents_keep_the_council_name_of_its_minutes(services):
    council_id = services.settings.councils()[0].id
    settings = services.settings.settings(council_id)
    assert settings.name == OLD
    services.settings.update_settings(replace(settings, name=NEW, short_name="DBR"))
    approved = services.meeting_documents.meeting_id(council_id, 4)
    invited = services.meeting_documents.meeting_id(council_id, 7)

    invitation = text(services.meeting_documents.invitation_pdf(approved).pdf)
    dossier = services.minutes_documents.dossier_pdf(approved).pdf
    later = text(services.meeting_documents.invitation_pdf(invited).pdf)

    assert OLD in invitation and NEW not in invitation
    assert OLD in text(dossier) and NEW not in text(dossier)
    assert read(dossier).metadata["/Author"] == OLD
    assert NEW in later and OLD not in later
