"""Addresses a reader taps on a tablet: the video meeting's link of the invitation and a
member's e-mail address in the roster are links in the PDF, whole however the cell broke
them over lines (found by a tester)."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

from meeting_sample import LETTERHEAD, meeting
from pypdf import PdfReader

from expertenrat.domain.councils import ActionField, CouncilSettings
from expertenrat.domain.members import Member
from expertenrat.domain.roster import RosterGrouping, build_roster
from expertenrat.reports.invitation_pdf import render_invitation
from expertenrat.reports.link_targets import link_target
from expertenrat.reports.roster_pdf import render_roster

VIDEO = "https://bbb.rostock.de/rooms/smart-city-expertenrat-sitzung/join?pwd=8Xk2&lang=de"
MAIL = "zoe.hartmann-okafor@example.org"


def links(pdf: bytes) -> list[str]:
    """The web addresses of the PDF's link annotations, page by page."""
    found = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                found.append(str(action["/URI"]))
    return found


def test_the_invitations_video_link_is_a_link_and_nothing_else_is() -> None:
    """The link printed beside "Online" could only be copied: on a tablet the copy kept
    the line breaks of the cell."""
    assert set(links(render_invitation(meeting(online_link=VIDEO)).pdf)) == {VIDEO}
    assert links(render_invitation(meeting(online_link="Zugangsdaten folgen")).pdf) == []


def test_the_secretariats_address_in_the_excuse_request_is_a_mail_link() -> None:
    """ "Bitte teilen Sie eine Verhinderung … mit (E-Mail: gs@…)." named the address the
    member writes to; only copying it was possible."""
    head = replace(LETTERHEAD, secretariat_email="geschaeftsstelle@rostock.de")
    pdf = render_invitation(meeting(letterhead=head)).pdf

    assert links(pdf) == ["mailto:geschaeftsstelle@rostock.de"]
    printed = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "der Geschäftsstelle mit (E-Mail: geschaeftsstelle@rostock.de)." in printed


def test_a_members_address_broken_over_three_lines_links_to_the_whole_address() -> None:
    """Copied from the roster's narrow contact column the address came out as
    "zoe.hartmann-" / "okafor@" / "example.org" (a reader dropped the hyphen)."""
    zoe = Member(
        id=1,
        given_name="Zoë",
        family_name="Hartmann-Okafor",
        email=MAIL,
        term_start=date(2024, 1, 1),
        primary_field_id=1,
        publish_name=True,
        publish_contact=True,
    )
    council = CouncilSettings(1, "Smart City Expert*innenrat", "Rostock")
    field = [ActionField(1, "Stadtdaten")]
    grouping = RosterGrouping.ALPHABETICAL
    doc = build_roster(
        [zoe], field, council, public=True, grouping=grouping, today=date(2026, 3, 5)
    )

    found = links(render_roster(doc).pdf)

    assert found and set(found) == {f"mailto:{MAIL}"}
    assert len(found) >= 2  # a link on each line the address takes


def test_only_a_whole_address_is_a_link() -> None:
    assert link_target(" www.rostock.de/smartcity ") == "https://www.rostock.de/smartcity"
    assert link_target("gs@rostock.de") == "mailto:gs@rostock.de"
    for text in ("Rathaus, Raum 1a", "siehe https://rostock.de", "a@b", "https://", ""):
        assert link_target(text) == "", text


def test_a_mail_link_writes_to_the_address_as_stored() -> None:
    """(found by a tester) A stored address whose local part holds "?" or "%" made a link
    with header fields of its own: "a?cc=b@x.de" wrote to "a", a copy to "b@x.de"."""
    assert link_target("a?cc=b@x.de") == "mailto:a%3Fcc%3Db@x.de"
    assert link_target("50%rabatt&mehr@x.de") == "mailto:50%25rabatt%26mehr@x.de"
    assert link_target("o'neil+rat@x.de") == "mailto:o'neil+rat@x.de"
