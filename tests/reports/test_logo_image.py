"""The logo check: a PNG that decodes whole and is not too large can be the logo; a stored
logo that cannot be drawn is left out of the PDF with a warning for the user (and one line
in the log, no traceback)."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest
from logo_images import header_only_png, oversized_png, png, truncated_png
from meeting_sample import LETTERHEAD, meeting
from pdf_reading import read

from expertenrat.reports.invitation_pdf import render_invitation
from expertenrat.reports.logo_image import MAX_LOGO_SIDE, logo_problem

UNREADABLE = "kein lesbares PNG-Bild (beschädigt oder unvollständig)"


def test_a_png_that_decodes_whole_can_be_the_logo() -> None:
    assert logo_problem(png()) is None
    assert logo_problem(png(MAX_LOGO_SIDE, 4)) is None


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (header_only_png(), UNREADABLE),
        (truncated_png(), UNREADABLE),
        (b"GIF89a" + b"\x00" * 40, UNREADABLE),
        (b"", UNREADABLE),
        (oversized_png(MAX_LOGO_SIDE + 1), "mit 4.001 × 4.001 Pixeln zu groß"),
        (oversized_png(), "mit 20.000 × 20.000 Pixeln zu groß (höchstens 4.000 Pixel je Seite)"),
    ],
    ids=["header only", "cut in its data", "no png", "empty", "4001 px", "20000 px"],
)
def test_a_logo_that_cannot_be_drawn_is_named_why(data: bytes, problem: str) -> None:
    found = logo_problem(data)
    assert found is not None and found.startswith(problem)


@pytest.mark.parametrize(
    ("logo", "says"),
    [
        (header_only_png() + b"a", UNREADABLE),
        (truncated_png() + b"b", UNREADABLE),
        (oversized_png(6000), "mit 6.000 × 6.000 Pixeln zu groß"),
    ],
    ids=["header only", "cut in its data", "too large"],
)
def test_a_stored_logo_that_cannot_be_drawn_is_left_out_with_a_warning_and_one_log_line(
    caplog, logo: bytes, says: str
) -> None:
    head = replace(LETTERHEAD, logo_png=logo)  # each test's logo its own: logged once a run
    with caplog.at_level(logging.INFO):
        first = render_invitation(meeting(letterhead=head))
        again = render_invitation(meeting(letterhead=head))  # the same logo: no second line
    warning = (
        f"Das Logo in den Einstellungen ist {says}",
        "und fehlt im Dokument; bitte unter Einstellungen ein neues Logo wählen.",
    )
    for rendered in (first, again):  # every document says so, not only the first
        (said,) = [w for w in rendered.warnings if "Logo" in w]
        assert said.startswith(warning[0]) and said.endswith(warning[1])
    assert len(caplog.records) == 1
    record = caplog.records[0]
    assert record.levelno == logging.INFO  # the user reads the warning; the log only notes it
    assert record.getMessage().startswith(f"Logo left out of the PDF: Das Logo ist {says}")
    assert record.exc_info is None and "\n" not in record.getMessage()
    assert list(read(first.pdf).pages[0].images) == []
    assert "Einladung" in read(first.pdf).pages[0].extract_text()


def test_a_good_logo_is_drawn(caplog) -> None:
    with caplog.at_level(logging.INFO):
        rendered = render_invitation(meeting(letterhead=replace(LETTERHEAD, logo_png=png())))
    assert caplog.records == []
    assert not [w for w in rendered.warnings if "Logo" in w]
    assert len(list(read(rendered.pdf).pages[0].images)) == 1
