"""The covering e-mail drafts of a recommendation sent: one per project with a contact
e-mail, dated as the sending was recorded; none replaces a file, all or none are written."""

from __future__ import annotations

from datetime import date
from email import message_from_bytes
from email.policy import default

import pytest

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import RecommendationKind
from expertenrat.domain.errors import InUseError
from expertenrat.domain.projects import Project
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.services import recommendation_transmittals
from expertenrat.services.files import FileWriteError
from expertenrat.services.projects import ProjectsService
from expertenrat.services.recommendation_transmittals import RecommendationTransmittalsService
from expertenrat.services.recommendations import RecommendationsService


@pytest.fixture
def sent(database, actor, council, fields):
    """E-2026-01 to Klimaportal (with a contact e-mail), Stadtlabor and Datenplattform
    (without), sent on 03.03.2026 with the due date 04.05.2026."""
    projects = ProjectsService(database, actor)
    ids = [
        projects.create(
            council.id,
            Project(
                None,
                title,
                action_field_id=fields["Umwelt"].id,
                contact_name=name,
                contact_email=email,
            ),
        )
        for title, name, email in (
            ("Klimaportal", "Dr. Kühn", "kuehn@example.org"),
            ("Stadtlabor", "", "labor@example.org"),
            ("Datenplattform", "", ""),
        )
    ]
    register = RecommendationsService(database, actor)
    content = RecommendationContent("Offene Daten", "Der Rat empfiehlt …", project_ids=tuple(ids))
    row = register.create(council.id, content, date(2026, 3, 2), adopted=True).row
    return register.send(row.id, row.version, date(2026, 3, 3), date(2026, 5, 4)).row


def test_one_draft_per_project_with_an_address_dated_as_recorded(database, sent, tmp_path):
    """(found by a tester) Sending a recommendation gave no covering e-mail."""
    drafts = RecommendationTransmittalsService(database).save(sent.id, tmp_path)

    assert [p.name for p in drafts.files] == [
        f"Empfehlung-{sent.code}-Klimaportal.eml",
        f"Empfehlung-{sent.code}-Stadtlabor.eml",
    ]
    assert [p.title for p in drafts.without_email] == ["Datenplattform"]
    message = message_from_bytes(drafts.files[0].read_bytes(), policy=default)
    assert message["To"].addresses[0].addr_spec == "kuehn@example.org"
    body = message.get_body(("plain",)).get_content()
    assert body.startswith("Guten Tag Dr. Kühn,")
    assert "Der Rat empfiehlt …" in body
    assert "Wir bitten um Ihre Stellungnahme bis Montag, 4. Mai 2026." in body
    assert "Ihre Geschäftsstelle\r\nSmart City Expert*innenrat" in body


def test_a_draft_made_again_replaces_no_file(database, sent, tmp_path):
    service = RecommendationTransmittalsService(database)
    first = service.save(sent.id, tmp_path).files[0]

    again = service.save(sent.id, tmp_path).files[0]

    assert again.name == f"Empfehlung-{sent.code}-Klimaportal-2.eml" and first.exists()


def test_a_draft_that_cannot_be_written_leaves_none(database, sent, tmp_path, monkeypatch):
    real = recommendation_transmittals.write_file

    def failing(path, data):
        if "Stadtlabor" in path.name:
            raise FileWriteError("Kein Platz auf dem Laufwerk.")
        real(path, data)

    monkeypatch.setattr(recommendation_transmittals, "write_file", failing)
    folder = tmp_path / "Entwürfe"
    folder.mkdir()

    with pytest.raises(FileWriteError):
        RecommendationTransmittalsService(database).save(sent.id, folder)
    assert list(folder.iterdir()) == []
    with pytest.raises(FileWriteError, match="gibt es nicht"):
        RecommendationTransmittalsService(database).save(sent.id, tmp_path / "fehlt")


def test_no_draft_for_one_withdrawn(database, actor, sent, tmp_path):
    """The drafts are made again later ("E-Mail-Entwurf …"), but not once withdrawn, e.g.
    on another PC meanwhile (found by a helper)."""
    register = RecommendationsService(database, actor)
    register.withdraw(sent.id, sent.version, date(2026, 3, 4), "Überholt")

    folder = tmp_path / "Entwürfe"
    folder.mkdir()

    with pytest.raises(InUseError, match="„zurückgezogen“: Sie wird nicht mehr übermittelt"):
        RecommendationTransmittalsService(database).save(sent.id, folder)
    assert list(folder.iterdir()) == []


def test_an_impulse_s_draft_is_named_so(database, actor, council, sent, tmp_path):
    """The file said "Empfehlung-E-…" while its subject said "Impuls E-…" (found by a
    tester)."""
    register = RecommendationsService(database, actor)
    projects = tuple(p.id for p in sent.projects)
    content = RecommendationContent(
        "Idee", "Der Rat regt an …", kind=RecommendationKind.IMPULSE, project_ids=projects
    )
    row = register.create(council.id, content, date(2026, 3, 2), adopted=True).row
    impulse = register.send(row.id, row.version, date(2026, 3, 3), date(2026, 5, 4)).row

    drafts = RecommendationTransmittalsService(database).save(impulse.id, tmp_path)

    assert [p.name for p in drafts.files] == [
        f"Impuls-{impulse.code}-Klimaportal.eml",
        f"Impuls-{impulse.code}-Stadtlabor.eml",
    ]


def test_with_two_councils_the_drafts_are_named_after_the_council_too(
    database, sent, tmp_path, settings_service
):
    """The Digitalbeirat's codes start with "E" too: its E-2026-01 to its own "Klimaportal"
    was "Empfehlung-E-2026-01-Klimaportal-2.eml" beside the Expert*innenrat's, as if a
    second draft of the same (found by a tester)."""
    settings_service.create_council(CouncilSettings(id=None, name="Digitalbeirat", city="Rostock"))

    drafts = RecommendationTransmittalsService(database).save(sent.id, tmp_path)

    assert (
        drafts.files[0].name == f"Smart-City-Expert-innenrat-Empfehlung-{sent.code}-Klimaportal.eml"
    )
