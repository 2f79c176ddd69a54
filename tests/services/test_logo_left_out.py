"""A logo stored before logos were checked that cannot be drawn: every kind of document is
still made, without the logo, and says so once among its warnings (which the window shows
under its buttons and the command line prints)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from logo_images import header_only_png, oversized_png, png
from pdf_reading import read
from sqlalchemy import update

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.roster import RosterGrouping
from expertenrat.services.context import Services
from expertenrat.store import models

TODAY = date(2026, 11, 27)  # the demo's day (tests/fixtures/demo_databases.py)
COUNCIL = 1
HELD_WITH_DRAFT = 6  # the demo's 6th meeting: held, its minutes a draft (not stored bytes)
INVITED = 7
UNREADABLE = (
    "Das Logo in den Einstellungen ist kein lesbares PNG-Bild (beschädigt oder "
    "unvollständig) und fehlt im Dokument; bitte unter Einstellungen ein neues Logo wählen."
)

DOCUMENTS: dict[str, Callable[[Services], RenderedPdf]] = {
    "minutes": lambda s: s.minutes_documents.minutes_pdf(HELD_WITH_DRAFT),
    "public minutes": lambda s: s.minutes_documents.minutes_pdf(HELD_WITH_DRAFT, public=True),
    "invitation": lambda s: s.meeting_documents.invitation_pdf(INVITED, today=TODAY),
    "invitation letters": lambda s: s.meeting_documents.invitation_letters_pdf(
        INVITED, today=TODAY
    ),
    "run sheet": lambda s: s.meeting_documents.run_sheet_pdf(INVITED, today=TODAY),
    "roster": lambda s: s.members.roster_pdf(
        COUNCIL, public=False, grouping=RosterGrouping.BY_FIELD, today=TODAY
    ),
    "public roster": lambda s: s.members.roster_pdf(
        COUNCIL, public=True, grouping=RosterGrouping.ALPHABETICAL, today=TODAY
    ),
    "reminder letter": lambda s: (
        s.recommendation_reminders.documents(COUNCIL, today=TODAY)[0].letter
    ),
    "annual report": lambda s: s.annual_report.report_pdf(COUNCIL, 2026, TODAY),
    "recommendations report": lambda s: s.recommendations_report.report_pdf(COUNCIL, today=TODAY),
    "dossier": lambda s: s.minutes_documents.dossier_pdf(HELD_WITH_DRAFT, today=TODAY),
}


def _services(database, logo: bytes | None) -> Services:
    with database.transaction() as session:  # as stored before logos were checked
        session.execute(update(models.Council).values(logo_png=logo))
    return Services.create(database, "tester")


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_each_document_is_made_without_the_logo_and_says_so_once(
    sqlite_demo_database, kind
) -> None:
    services = _services(sqlite_demo_database, header_only_png())

    rendered = DOCUMENTS[kind](services)

    assert rendered.warnings.count(UNREADABLE) == 1
    pdf = read(rendered.pdf)
    assert pdf.pages[0].extract_text().strip()
    assert all(not list(page.images) for page in pdf.pages)


def test_the_warning_says_why_a_logo_is_too_large(sqlite_demo_database) -> None:
    logo = oversized_png(5000)  # not the log test's 6000: the log names a logo once a run
    services = _services(sqlite_demo_database, logo)

    rendered = DOCUMENTS["invitation"](services)

    assert rendered.warnings[-1] == (
        "Das Logo in den Einstellungen ist mit 5.000 × 5.000 Pixeln zu groß (höchstens "
        "4.000 Pixel je Seite) und fehlt im Dokument; bitte unter Einstellungen ein neues "
        "Logo wählen."
    )


@pytest.mark.parametrize("logo", [None, "good"])
def test_without_a_logo_or_with_a_good_one_nothing_is_said(sqlite_demo_database, logo) -> None:
    services = _services(sqlite_demo_database, png() if logo else None)

    for kind in ("minutes", "roster", "reminder letter"):
        rendered = DOCUMENTS[kind](services)
        assert not [w for w in rendered.warnings if "Logo" in w], kind
