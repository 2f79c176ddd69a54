"""With the secretariat's e-mail address set, the invitation letter names it where it asks
members to say in time that they cannot come; without one, the wording stays as it was."""

from __future__ import annotations

import io
from dataclasses import replace

from meeting_sample import LETTERHEAD, meeting
from pypdf import PdfReader

from expertenrat.reports.invitation_pdf import render_invitation

ASKED = "Bitte teilen Sie eine Verhinderung bis Montag, 9. März 2026 der Geschäftsstelle mit"


def printed(**letterhead: str) -> str:
    doc = meeting(letterhead=replace(LETTERHEAD, **letterhead))
    reader = PdfReader(io.BytesIO(render_invitation(doc).pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_excuse_request_names_the_secretariats_address_where_one_is_set() -> None:
    text = printed(secretariat_email="geschaeftsstelle@rostock.de")

    assert f"{ASKED} (E-Mail: geschaeftsstelle@rostock.de)." in text


def test_without_an_address_the_excuse_request_is_unchanged() -> None:
    assert f"{ASKED}." in printed()
